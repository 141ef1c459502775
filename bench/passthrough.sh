#!/bin/sh
# How fast records a tool does not consume pass through it, compared
# with libyaml parsing the same file and nothing else.
#
#	bench/passthrough.sh [BUILD_DIR]
#
# A record a tool does not read is checked as it is parsed (limits,
# duplicate keys) and copied out as the bytes it came in, so a tool
# costs little more than the parse.  Builds nothing: BUILD_DIR (default
# ./build) must hold the tools and bench/{gen-responses,parse-floor,
# measure}; use a build without sanitizers.  Generates N records
# (PASS_BENCH_N, default 1000000) of kind note, which no tool consumes
# (gen-responses' hme-responses, relabelled), checks that every tool
# writes the tenth of them back byte for byte (a tool that did less
# would look faster), then runs the floor and each tool in turn,
# PASS_BENCH_RUNS rounds (default 5: CPU time on a shared machine only
# ever errs upward, and with 3 the best round was often not a quiet one).
#
# How to read the figures (see bench/README):
#   floor	bench/parse-floor: libyaml's parser on the same bytes,
#		every event read and freed, nothing else.  No tool
#		reading YAML with libyaml can go below it.
#   wall s	the best wall time of the rounds; shown, not judged.
#   cpu s	the best user + sys time of the rounds, as wait4(2)
#		reports it for the process alone: the tools' spill file
#		(held output) is in it, writing the output to /dev/null
#		costs next to nothing, and other processes' work is not.
#   ratio	cpu s over the floor's cpu s.  Target: at most 1.15.
#   peak MiB	the highest peak resident set size of the rounds.
#		Target: at most 16, and no higher for N than for N / 10
#		(the second table): memory independent of N.
# Rounds interleave the floor and the tools, so a burst of load
# elsewhere falls on all of them; best-of keeps the quietest round.
set -u
here=$(cd "$(dirname "$0")" && pwd) || exit 2
build=${1:-./build}
n=${PASS_BENCH_N:-1000000}
runs=${PASS_BENCH_RUNS:-5}

for f in tbls-check tuff-journey tuff-decide hme-score bench/gen-responses \
    bench/parse-floor bench/measure; do
	if [ ! -x "$build/$f" ]; then
		echo "passthrough.sh: $build/$f: not built" >&2
		exit 2
	fi
done
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM

echo "generating $n records..."
# notes N >FILE: N records no tool consumes.
notes() {
	"$build/bench/gen-responses" "$1" |
	    sed 's/^kind: hme-response$/kind: note/'
}
notes "$n" >"$tmp/big.yaml" || exit 2
notes $((n / 10)) >"$tmp/small.yaml" || exit 2

# run LABEL COMMAND...: one measured run, as "LABEL measure's line".
run() {
	label=$1
	shift
	m=$("$build/bench/measure" "$@") || {
		echo "passthrough.sh: $label failed:" "$@" >&2
		exit 2
	}
	echo "$label $m"
}

# Every tool in one round, so a burst of load elsewhere falls on all.
round() {
	data=$1
	run floor "$build/bench/parse-floor" "$data"
	run tbls-check "$build/tbls-check" "$data"
	run tuff-journey "$build/tuff-journey" "$data"
	run tuff-decide--due "$build/tuff-decide" --due --as-of 2026-01-01 \
	    "$data"
	run tuff-decide--by "$build/tuff-decide" --by socialchef "$data"
	run hme-score "$build/hme-score" "$data"
}

# Every tool writes the notes back as they came.
for t in tbls-check tuff-journey tuff-decide hme-score; do
	case $t in
	tuff-decide) args="--by socialchef" ;;
	*) args= ;;
	esac
	# shellcheck disable=SC2086
	"$build/$t" $args "$tmp/small.yaml" >"$tmp/out.yaml" || {
		echo "passthrough.sh: $t failed" >&2
		exit 2
	}
	cmp -s "$tmp/small.yaml" "$tmp/out.yaml" || {
		echo "passthrough.sh: $t did not write its input back" >&2
		exit 2
	}
done
rm -f "$tmp/out.yaml"

# rounds FILE: $runs rounds over FILE.
rounds() {
	i=0
	while [ "$i" -lt "$runs" ]; do
		round "$1" || return
		i=$((i + 1))
	done
}
rounds "$tmp/big.yaml" >"$tmp/big" || exit 2
rounds "$tmp/small.yaml" >"$tmp/small" || exit 2

awk -v title="$n records, $(($(wc -c <"$tmp/big.yaml") / 1048576)) MiB; best of $runs rounds" \
    -v ratio_max=1.15 -v peak_max_mib=16 -f "$here/report.awk" "$tmp/big"
echo
awk -v title="the same tools on $((n / 10)) records (memory must not grow with N)" \
    -v ratio_max=1.15 -v peak_max_mib=16 -f "$here/report.awk" "$tmp/small"
