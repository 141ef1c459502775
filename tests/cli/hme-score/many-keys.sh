# Duplicate keys among many extra keys: found by sorting, not pairwise,
# and reported at the second occurrence.  30000 keys take no time.
awk 'BEGIN {
	print "kind: hme-response"
	print "unit: Kommun"
	print "period: 2019"
	print "answers: [5, 4, 5, 4, 5, 5, 4, 4, 5]"
	for (i = 0; i < 30000; i++)
		printf "k%d: %d\n", i, i
	print "k17: again"
}' | hme-score
awk 'BEGIN {
	print "kind: hme-response"
	print "unit: Kommun"
	print "period: 2019"
	print "answers: [5, 4, 5, 4, 5, 5, 4, 4, 5]"
	for (i = 0; i < 30000; i++)
		printf "k%d: %d\n", i, i
}' | hme-score --min-group 1 --by period
