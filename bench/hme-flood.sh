#!/bin/sh
# Hash flooding: hme-score on units crafted to collide, against random
# units of the same length.
#
#	bench/hme-flood.sh [BUILD_DIR [OLD_HME_SCORE]]
#
# gen-collide writes N (HME_FLOOD_N, default 160000) one-response units
# whose 16 bytes all hash alike in the table hme-score had before it
# took a keyed hash (FxHash, no key), and N random units of the same
# length and alphabet.  Each file is scored HME_FLOOD_RUNS times
# (default 3) with --min-group 1; the report gives the best CPU time of
# each and the ratio crafted / random, which must stay near 1: crafted
# input costs no more than random input (SPEC §2).  OLD_HME_SCORE, a
# binary built before the change, shows what the crafted units cost it.
set -u
build=${1:-./build}
old=${2:-}
n=${HME_FLOOD_N:-160000}
runs=${HME_FLOOD_RUNS:-3}

for f in hme-score bench/gen-collide bench/measure; do
	if [ ! -x "$build/$f" ]; then
		echo "hme-flood.sh: $build/$f: not built" >&2
		exit 2
	fi
done
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM

"$build/bench/gen-collide" "$n" >"$tmp/crafted.yaml" || exit 2
"$build/bench/gen-collide" -r "$n" >"$tmp/random.yaml" || exit 2

# run LABEL BINARY FILE: one measured run as "LABEL measure's line".
run() {
	m=$("$build/bench/measure" "$2" --min-group 1 "$3") || {
		echo "hme-flood.sh: $1 failed" >&2
		exit 2
	}
	echo "$1 $m"
}

i=0
while [ "$i" -lt "$runs" ]; do
	run random "$build/hme-score" "$tmp/random.yaml"
	run crafted "$build/hme-score" "$tmp/crafted.yaml"
	if [ -n "$old" ]; then
		run old-random "$old" "$tmp/random.yaml"
		run old-crafted "$old" "$tmp/crafted.yaml"
	fi
	i=$((i + 1))
done >"$tmp/runs" || exit 2

awk -v n="$n" '
{
	for (i = 2; i <= NF; i++) {
		split($i, kv, "=")
		v[kv[1]] = kv[2]
	}
	cpu = v["user"] + v["sys"]
	if (!($1 in best) || cpu < best[$1])
		best[$1] = cpu
}
END {
	printf "%d one-response units, best CPU seconds of the runs\n\n", n
	printf "%-12s %8s %8s %8s\n", "", "random", "crafted", "ratio"
	printf "%-12s %8.2f %8.2f %8.2f\n", "hme-score", best["random"],
	    best["crafted"], best["crafted"] / best["random"]
	if ("old-random" in best)
		printf "%-12s %8.2f %8.2f %8.2f\n", "old", best["old-random"],
		    best["old-crafted"],
		    best["old-crafted"] / best["old-random"]
}' "$tmp/runs"
