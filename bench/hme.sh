#!/bin/sh
# How hme-score compares with the floor, libyaml parsing alone.
#
#	bench/hme.sh [BUILD_DIR]
#
# Builds nothing: BUILD_DIR (default ./build) must hold hme-score and
# bench/{gen-responses,parse-floor,measure}; a build without sanitizers
# (buildtype release or debugoptimized) gives figures that mean
# something.  Generates N synthetic responses (HME_BENCH_N, default
# 1200000) to a temporary file, then runs the floor, hme-score and
# hme-score --rollup in turn, HME_BENCH_RUNS rounds (default 3), and
# reports for each the best wall time, the best CPU time (user + sys)
# and the highest peak RSS.  The ratio to the floor is taken on CPU
# time, which a busy machine disturbs far less than wall time.
# Targets: at most 1.2 times the floor, and at most 16 MiB peak
# whatever N (SPEC §4.4: memory is O(groups), not O(respondents)).
set -u
here=$(cd "$(dirname "$0")" && pwd) || exit 2
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
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM
data=$tmp/responses.yaml

echo "generating $n responses..."
"$build/bench/gen-responses" "$n" >"$data" || exit 2
size=$(wc -c <"$data")

# run LABEL COMMAND...: one measured run, as "LABEL measure's line".
run() {
	label=$1
	shift
	m=$("$build/bench/measure" -o "$tmp/out" "$@") || {
		echo "hme.sh: $label failed:" "$@" >&2
		exit 2
	}
	echo "$label $m"
}

# Rounds rather than runs in a row, so that a burst of load elsewhere
# falls on all three alike.
i=0
while [ "$i" -lt "$runs" ]; do
	run floor "$build/bench/parse-floor" "$data"
	run hme-score "$build/hme-score" "$data"
	run hme-score--rollup "$build/hme-score" --rollup "$data"
	i=$((i + 1))
done >"$tmp/runs" || exit 2

awk -v title="$n responses, $((size / 1048576)) MiB of YAML; best of $runs rounds" \
    -v ratio_max=1.2 -v peak_max_mib=16 -f "$here/report.awk" "$tmp/runs"
