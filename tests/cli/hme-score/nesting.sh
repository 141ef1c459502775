# Nesting deeper than 64 levels is refused, with its position, before
# anything is built from it.
awk 'BEGIN {
	print "kind: hme-response"
	print "unit: Kommun"
	print "period: 2019"
	print "answers: [5, 4, 5, 4, 5, 5, 4, 4, 5]"
	s = "deep: "
	for (i = 0; i < 70; i++)
		s = s "["
	for (i = 0; i < 70; i++)
		s = s "]"
	print s
}' | hme-score
