# Report measured runs: lines "LABEL wall=S user=S sys=S maxrss_kib=K ..."
# as bench/measure prints them after a label, several rounds of each.
# For each label: the best wall time, the best CPU time (user + sys),
# the ratio of that CPU time to the first label's (the floor), and the
# highest peak RSS, checked against the targets:
#
#	awk -v title=TEXT -v ratio_max=1.2 -v peak_max_mib=16 -f report.awk
#
# CPU time, not wall time, is compared: a busy machine disturbs it far
# less.
{
	l = $1
	for (i = 2; i <= NF; i++) {
		split($i, kv, "=")
		v[kv[1]] = kv[2]
	}
	cpu = v["user"] + v["sys"]
	if (!(l in wall)) {
		order[++nl] = l
		wall[l] = v["wall"]
		best[l] = cpu
	}
	if (v["wall"] < wall[l])
		wall[l] = v["wall"]
	if (cpu < best[l])
		best[l] = cpu
	if (v["maxrss_kib"] > rss[l])
		rss[l] = v["maxrss_kib"]
}
END {
	printf "%s\n\n", title
	printf "%-24s %8s %8s %8s %9s %8s\n", "", "wall s", "cpu s",
	    "ratio", "peak MiB", "targets"
	f = best[order[1]]
	for (i = 1; i <= nl; i++) {
		l = order[i]
		name = l
		gsub(/--/, " --", name)
		gsub(/_/, " ", name)
		ratio = f > 0 ? best[l] / f : 0
		mib = rss[l] / 1024
		ok = ""
		if (i > 1)
			ok = ratio <= ratio_max && mib <= peak_max_mib ? \
			    "ok" : "MISSED"
		line = sprintf("%-24s %8.2f %8.2f %8.2f %9.1f %8s", name,
		    wall[l], best[l], ratio, mib, ok)
		sub(/ +$/, "", line)
		print line
	}
	printf "\ntargets: ratio <= %.2f (cpu), peak <= %.1f MiB\n",
	    ratio_max, peak_max_mib
}
