# The example of the contract: Folkhälsa och hållbarhet, HME 58.6 in
# 2016 and 85.1 in 2018, 27 respondents each year, as hme-response
# records.  Per subindex, "fours" items of the 81 (27 people, 3 items)
# answer 5 and the rest "rest"; so motivation in 2018 sums 280 steps:
# 250 * 280 / 81 = 864.2 tenths.
awk 'function year(period, spec,    s, n, k, i, item, v, si) {
	n = split(spec, s, " ")
	for (i = 0; i < 27; i++) {
		print "---"
		print "kind: hme-response"
		print "unit: Region Gävleborg/Folkhälsa och hållbarhet"
		print "period: " period
		line = "answers: ["
		for (k = 0; k < 9; k++) {
			si = int(k / 3)
			item = i * 3 + k % 3
			split(s[si + 1], f, ":")
			v = item < f[1] ? f[2] : f[3]
			line = line (k > 0 ? ", " : "") v
		}
		print line "]"
	}
}
BEGIN {
	year(2016, "28:4:3 28:4:3 28:4:3")
	year(2018, "37:5:4 29:5:4 32:5:4")
}'
