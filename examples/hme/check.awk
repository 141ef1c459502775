# check.awk: recompute the HME figures of responses.yaml on their own,
# without hme-score, to check both the data and the tool (SPEC §4.4).
#
#	awk -f check.awk responses.yaml
#	awk -v method=respondent -f check.awk responses.yaml
#
# One row per unit and period, every '/' parent included (--rollup):
# respondents, the three subindices and the total, one decimal, rounded
# half away from zero.  By question (the default, hme-score's --method
# item) each question's mean is over those who answered it, a subindex
# is the mean of its three questions and the total the mean of the
# nine; "-" marks a figure with a question answered by fewer than min
# (default 5).  By respondent a subindex counts only respondents who
# answered all three of its items; "-" marks one resting on fewer than
# min.  awk's numbers are doubles: exact enough for a department's
# sums, which stay far below 2^53.  "suppressed" marks a group under
# min; secondary suppression is left to hme-score: this shows every
# group's figures.
#
# It reads the plain YAML this file is written in, not YAML at large:
# one "key: value" a line, answers as a flow list, a flow mapping, or a
# block mapping of "  id: value" lines.

BEGIN {
	if (min == "")
		min = 5
	if (method == "")
		method = "item"
	split("m1 m2 m3 l1 l2 l3 s1 s2 s3", item, " ")
	for (i = 1; i <= 9; i++)
		pos[item[i]] = i
	inrec = 0
}

function flush(    u, i, k, si, ok, t, g) {
	if (!inrec)
		return
	inrec = 0
	if (kind != "hme-response")
		return
	# Every prefix of the path ending at a '/' is a parent group.
	u = unit
	while (u != "") {
		g = u SUBSEP period
		groups[g] = 1
		n[g]++
		for (k = 1; k <= 9; k++)
			if ((k in ans) && ans[k] != "null") {
				icnt[g, k]++
				isum[g, k] += ans[k] - 1
			}
		for (si = 0; si < 3; si++) {
			ok = 1
			t = 0
			for (k = 1; k <= 3; k++) {
				if (!((3 * si + k) in ans) || ans[3 * si + k] == "null")
					ok = 0
				else
					t += ans[3 * si + k] - 1
			}
			if (ok) {
				cnt[g, si]++
				sum[g, si] += t
			}
		}
		if (match(u, /\/[^\/]*$/))
			u = substr(u, 1, RSTART - 1)
		else
			u = ""
	}
}

# p/q to tenths, rounded half away from zero (p, q >= 0).
function tenths(p, q,    a) {
	a = 20 * p + q
	return (a - a % (2 * q)) / (2 * q)
}

function gcd(a, b,    t) {
	while (b > 0) {
		t = a % b
		a = b
		b = t
	}
	return a
}

# By question: each question over those who answered it.  The exact
# sum of the fractions isum / icnt is kept as a numerator over the
# least common multiple of the counts (small: most people answer
# everything), so the rounding is of the exact figure.
function mean_tenths(g, first, k,    i, num, l) {
	l = 1
	for (i = first; i < first + k; i++)
		l = l / gcd(l, icnt[g, i]) * icnt[g, i]
	num = 0
	for (i = first; i < first + k; i++)
		num += isum[g, i] * (l / icnt[g, i])
	return tenths(25 * num, k * l)
}

function item_figures(g,    si, k, ok, all, line) {
	all = 1
	for (si = 0; si < 3; si++) {
		ok = 1
		for (k = 3 * si + 1; k <= 3 * si + 3; k++)
			if (icnt[g, k] < min)
				ok = 0
		if (ok)
			line = line sprintf(" %6s", dec1(mean_tenths(g, 3 * si + 1, 3)))
		else {
			line = line sprintf(" %6s", "-")
			all = 0
		}
	}
	return line sprintf(" %6s", all ? dec1(mean_tenths(g, 1, 9)) : "-")
}

function respondent_figures(g,    si, all, line, a, b, c, p) {
	all = 1
	for (si = 0; si < 3; si++) {
		if (cnt[g, si] < min) {
			line = line sprintf(" %6s", "-")
			all = 0
		} else
			line = line sprintf(" %6s",
			    dec1(tenths(25 * sum[g, si], 3 * cnt[g, si])))
	}
	if (!all)
		return line sprintf(" %6s", "-")
	# The exact mean of the three exact subindices.
	a = cnt[g, 0]
	b = cnt[g, 1]
	c = cnt[g, 2]
	p = 25 * (sum[g, 0] * b * c + sum[g, 1] * a * c + sum[g, 2] * a * b)
	return line sprintf(" %6s", dec1(tenths(p, 9 * a * b * c)))
}

function dec1(t) {
	return sprintf("%d.%d", int(t / 10), t % 10)
}

function val(s) {
	sub(/^[ \t]+/, "", s)
	sub(/[ \t]+$/, "", s)
	if (s == "~" || s == "")
		s = "null"
	return s
}

/^---/ {
	flush()
	inrec = 1
	kind = unit = period = ""
	delete ans
	block = 0
	next
}
/^[ \t]*(#|$)/ {
	next
}
/^  [a-z][0-9]:/ && block {
	k = $0
	sub(/^  /, "", k)
	v = k
	sub(/:.*/, "", k)
	sub(/^[^:]*:/, "", v)
	ans[pos[k]] = val(v)
	next
}
/^  - / && block {
	v = $0
	sub(/^  - /, "", v)
	ans[++nb] = val(v)
	next
}
/^[a-z_]+:/ {
	block = 0
	k = $0
	sub(/:.*/, "", k)
	v = $0
	sub(/^[^:]*:[ \t]*/, "", v)
	if (k == "kind")
		kind = v
	else if (k == "unit")
		unit = v
	else if (k == "period")
		period = v
	else if (k == "answers") {
		if (v == "") {
			block = 1
			nb = 0
		} else if (v ~ /^\[/) {
			gsub(/[\[\]]/, "", v)
			m = split(v, f, ",")
			for (i = 1; i <= m; i++)
				ans[i] = val(f[i])
		} else if (v ~ /^\{/) {
			gsub(/[{}]/, "", v)
			m = split(v, f, ",")
			for (i = 1; i <= m; i++) {
				split(f[i], kv, ":")
				ans[pos[val(kv[1])]] = val(kv[2])
			}
		}
	}
	next
}

END {
	flush()
	# The unit goes last: awk pads bytes, not characters, and the names
	# hold å, ä and ö.
	printf "%-7s %5s %6s %6s %6s %6s  %s\n", "period", "resp", "motiv",
	    "ledar", "styrn", "HME", "unit"
	ng = 0
	for (g in groups)
		keys[++ng] = g
	# Insertion sort by unit, then period: a few dozen groups.
	for (i = 2; i <= ng; i++) {
		t = keys[i]
		for (j = i - 1; j >= 1 && keys[j] > t; j--)
			keys[j + 1] = keys[j]
		keys[j + 1] = t
	}
	for (i = 1; i <= ng; i++) {
		g = keys[i]
		split(g, part, SUBSEP)
		line = sprintf("%-7s %5d", part[2], n[g])
		if (method == "item")
			line = line item_figures(g)
		else
			line = line respondent_figures(g)
		line = line "  " part[1]
		if (n[g] < min)
			line = line " (suppressed)"
		print line
	}
}
