#!/bin/sh
# How hme-score compares with the floor, libyaml parsing alone.
#
#	bench/hme.sh [BUILD_DIR]
#
# Builds nothing: BUILD_DIR (default ./build) must hold hme-score and
# bench/{gen-responses,parse-floor,measure}; a release-like build
# (buildtype=release or debugoptimized, no sanitizers) gives the
# figures that mean something.  Generates N synthetic responses
# (HME_BENCH_N, default 1200000) to a temporary file, runs each command
# HME_BENCH_RUNS times (default 3) and reports the best wall time and
# the highest peak RSS.  Targets: hme-score at most 1.2 times the floor,
# and at most 16 MiB peak, whatever N (SPEC §4.4: memory is O(groups)).
set -u
build=${1:-./build}
n=${HME_BENCH_N:-1200000}
runs=${HME_BENCH_RUNS:-3}

for f in hme-score bench/gen-responses bench/parse-floor bench/measure; do
	if [ ! -x "$build/$f" ]; then
		echo "hme.sh: $build/$f: not built (run ninja -C $build)" >&2
		exit 2
	fi
done
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
data=$tmp/responses.yaml

echo "generating $n responses..."
"$build/bench/gen-responses" "$n" >"$data" || exit 2
size=$(wc -c <"$data")

# bench LABEL COMMAND...: run it $runs times; print "LABEL WALL RSS_KIB".
bench() {
	label=$1
	shift
	i=0
	while [ "$i" -lt "$runs" ]; do
		"$build/bench/measure" -o "$tmp/out" "$@" || {
			echo "hme.sh: $label failed:" "$@" >&2
			exit 2
		}
		i=$((i + 1))
	done >"$tmp/m" || exit 2
	awk -v label="$label" '
	{
		for (i = 1; i <= NF; i++) {
			split($i, kv, "=")
			v[kv[1]] = kv[2]
		}
		if (NR == 1 || v["wall"] < best)
			best = v["wall"]
		if (v["maxrss_kib"] > rss)
			rss = v["maxrss_kib"]
	}
	END { print label, best, rss }' "$tmp/m"
}

{
	bench floor "$build/bench/parse-floor" "$data"
	bench hme-score "$build/hme-score" "$data"
	bench hme-score--rollup "$build/hme-score" --rollup "$data"
} >"$tmp/results" || exit 2

awk -v n="$n" -v size="$size" -v runs="$runs" '
{
	label[NR] = $1
	wall[NR] = $2
	rss[NR] = $3
}
END {
	printf "%d responses, %.1f MiB of YAML; best of %d runs\n\n",
	    n, size / 1048576, runs
	printf "%-20s %8s %8s %10s %10s\n", "", "seconds", "ratio",
	    "peak MiB", "targets"
	for (i = 1; i <= NR; i++) {
		l = label[i]
		gsub(/--/, " --", l)
		if (i == 1) {
			printf "%-20s %8.2f %8s %10.1f\n", l, wall[i], "1.00",
			    rss[i] / 1024
			continue
		}
		ratio = wall[1] > 0 ? wall[i] / wall[1] : 0
		ok = ratio <= 1.2 && rss[i] / 1024 <= 16 ? "ok" : "MISSED"
		printf "%-20s %8.2f %8.2f %10.1f %10s\n", l, wall[i], ratio,
		    rss[i] / 1024, ok
	}
	printf "\ntargets: ratio <= 1.20, peak <= 16.0 MiB\n"
}' "$tmp/results"
