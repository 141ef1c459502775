# A scalar over 64 KiB is refused, pointing at the scalar.
awk 'BEGIN {
	print "kind: hme-response"
	print "unit: Kommun"
	print "period: 2019"
	print "answers: [5, 4, 5, 4, 5, 5, 4, 4, 5]"
	s = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	while (length(s) <= 65536)
		s = s s
	print "note: " s
}' | hme-score
