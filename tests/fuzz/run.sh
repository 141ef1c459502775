#!/bin/sh
# Fuzz each target for a while: tests/fuzz/run.sh [SECONDS]
#
# Sets up and builds a clang build directory with -Dfuzz=true when
# needed, then runs every libFuzzer target for SECONDS each (default 60)
# on a working copy of its seed corpus, and prints how many inputs it
# ran and what it found.  Exits 0 when nothing was found, 1 when a
# target crashed (the input is kept under the findings directory), 2
# when the targets could not be built or run.
#
# FUZZ_TIME      seconds per target, when no argument is given (60)
# FUZZ_BUILD     build directory (build-fuzz in the source tree)
# FUZZ_WORK      working corpora and findings (FUZZ_BUILD/fuzz-work);
#                kept between runs, so each run starts where the last ended
# FUZZ_TARGETS   targets to run (every fuzz_*.c here: "csv reader ...")
# FUZZ_MAX_LEN   largest input in bytes (65536)
# FUZZ_RSS_MB    memory limit; more is a finding (1024)
# FUZZ_TIMEOUT   seconds one input may take; longer is a finding (10)
# FUZZ_JOBS      parallel fuzzing processes per target (1)
set -u
here=$(cd "$(dirname "$0")" && pwd) || exit 2
src=$(cd "$here/../.." && pwd) || exit 2
time=${1:-${FUZZ_TIME:-60}}
build=${FUZZ_BUILD:-$src/build-fuzz}
work=${FUZZ_WORK:-$build/fuzz-work}
targets=${FUZZ_TARGETS:-$(cd "$here" && ls fuzz_*.c | sed 's/^fuzz_//; s/\.c$//')}
maxlen=${FUZZ_MAX_LEN:-65536}
rss=${FUZZ_RSS_MB:-1024}
timeout=${FUZZ_TIMEOUT:-10}
jobs=${FUZZ_JOBS:-1}

case $time in
''|*[!0-9]*) echo "run.sh: seconds must be a number: $time" >&2; exit 2 ;;
esac

if [ ! -f "$build/build.ninja" ]; then
	setup=$(CC=clang meson setup "$build" "$src" -Dfuzz=true 2>&1) ||
	    { printf '%s\n' "$setup" >&2; exit 2; }
fi
exes=
for t in $targets; do
	exes="$exes tests/fuzz/fuzz_$t"
done
# shellcheck disable=SC2086
ninja -C "$build" $exes >/dev/null || { echo "run.sh: build failed" >&2; exit 2; }

status=0
for t in $targets; do
	exe=$build/tests/fuzz/fuzz_$t
	dict=$here/yaml.dict
	[ "$t" = csv ] && dict=$here/csv.dict
	mkdir -p "$work/corpus/$t" "$work/findings" || exit 2
	log=$work/$t.log
	set -- -max_total_time="$time" -max_len="$maxlen" \
	    -rss_limit_mb="$rss" -malloc_limit_mb="$rss" -timeout="$timeout" \
	    -dict="$dict" -artifact_prefix="$work/findings/$t-" \
	    -print_final_stats=1
	[ "$jobs" -gt 1 ] && set -- "$@" -fork="$jobs"
	echo "fuzz_$t: ${time}s, inputs up to $maxlen bytes, ${rss} MB"
	"$exe" "$@" "$work/corpus/$t" "$here/corpus/$t" >"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	[ -n "$runs" ] ||
	    runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -n 1)
	[ -n "$runs" ] ||	# -fork: the last progress line
	    runs=$(sed -n 's/^#\([0-9]*\): cov.*/\1/p' "$log" | tail -n 1)
	corp=$(ls "$work/corpus/$t" | wc -l)
	echo "fuzz_$t: ${runs:-?} executions, corpus $corp inputs, exit $rc"
	if [ "$rc" -ne 0 ]; then
		status=1
		# What was found, and where: the first frames of the stack,
		# and the input itself when it is small, since a CI machine's
		# files are gone when its log is read.
		grep -E '^(fuzz_[a-z]+:|SUMMARY:|==[0-9]+== ?ERROR|.*runtime error:| +#[0-9] )' "$log" |
		    sed "/^fuzz_$t:/!s/^/fuzz_$t: /" | head -n 30
		unit=$(sed -n 's/^.*Test unit written to //p' "$log" | tail -n 1)
		if [ -n "$unit" ]; then
			echo "fuzz_$t: input: $unit"
			if [ -f "$unit" ] && [ "$(wc -c <"$unit")" -le 4096 ]; then
				echo "fuzz_$t: input as base64 (base64 -d >FILE):"
				base64 "$unit"
			fi
		fi
		echo "fuzz_$t: log: $log"
	fi
done
exit $status
