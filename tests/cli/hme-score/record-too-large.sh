# A record over 1 MiB is refused; the stream is not read to its end
# first (memory stays bounded).
awk 'BEGIN {
	print "kind: hme-response"
	print "unit: Kommun"
	print "period: 2019"
	print "answers: [5, 4, 5, 4, 5, 5, 4, 4, 5]"
	print "notes:"
	for (i = 0; i < 40000; i++)
		printf "  - note number %d of many, long enough\n", i
}' | hme-score
