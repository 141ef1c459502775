# 64 levels are allowed: the record's mapping and 63 sequences.
awk 'BEGIN {
	print "kind: hme-response"
	print "unit: Kommun"
	print "period: 2019"
	print "answers: [5, 4, 5, 4, 5, 5, 4, 4, 5]"
	s = "deep: "
	for (i = 0; i < 63; i++)
		s = s "["
	for (i = 0; i < 63; i++)
		s = s "]"
	print s
}' | hme-score --min-group 1
