#!/bin/sh
# Hash flooding: do journey ids crafted to collide cost more than
# random ones?
#
#	bench/ids.sh [BUILD_DIR]
#
# BUILD_DIR (default ./build) must hold tuff-journey, tbls-check and
# bench/{gen-journeys,measure}.  Writes N journeys (IDS_BENCH_N,
# default 100000) twice, once with ids crafted against 64-bit FNV-1a
# (the unkeyed hash the id tables used before tuff_hash) and once with
# random ids of the same length, and runs each tool on each, best of
# IDS_BENCH_RUNS rounds (default 3).  Prints one line per tool and
# input, and the ratio crafted/random; with the keyed hash it stays
# near 1 (it was about 25 with FNV-1a).
set -u
build=${1:-./build}
n=${IDS_BENCH_N:-100000}
runs=${IDS_BENCH_RUNS:-3}

for f in tuff-journey tbls-check bench/gen-journeys bench/measure; do
	if [ ! -x "$build/$f" ]; then
		echo "ids.sh: $build/$f: not built (run ninja -C $build)" >&2
		exit 2
	fi
done
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM

"$build/bench/gen-journeys" -c "$n" >"$tmp/crafted.yaml" || exit 2
"$build/bench/gen-journeys" "$n" >"$tmp/random.yaml" || exit 2

# best TOOL INPUT: the best wall and CPU (user + sys) time of the rounds.
best() {
	i=0
	while [ "$i" -lt "$runs" ]; do
		"$build/bench/measure" -i "$tmp/$2.yaml" "$build/$1" ||
		    { echo "ids.sh: $1 failed on $2 ids" >&2; exit 2; }
		i=$((i + 1))
	done | awk '{
		for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
		cpu = v["user"] + v["sys"]
		if (NR == 1 || v["wall"] < w) w = v["wall"]
		if (NR == 1 || cpu < c) c = cpu
	} END { printf "%.2f %.2f\n", w, c }'
}

echo "$n journeys, ids of 12 characters; best of $runs rounds"
printf '%-14s %-8s %8s %8s\n' tool ids wall_s cpu_s
for t in tuff-journey tbls-check; do
	r=$(best "$t" random) || exit 2
	c=$(best "$t" crafted) || exit 2
	printf '%-14s %-8s %8s %8s\n' "$t" random $r
	printf '%-14s %-8s %8s %8s\n' "$t" crafted $c
	echo "$r $c" | awk -v t="$t" '{ printf "%-14s crafted/random cpu %.2f\n", t, $4 / ($2 > 0 ? $2 : 0.01) }'
done
