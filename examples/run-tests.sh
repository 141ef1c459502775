#!/bin/sh
# Run every shipped example against its expected output.
#
# An example is a script examples/DIR/NAME.sh with an expected standard
# output in examples/expected/NAME.out.  It runs with the tools on PATH
# and must exit 0 and write exactly that; scripts without an expected
# file are not examples (helpers, generators) and are left alone.
#
# Each runs twice (issue 12): under LANG=C against NAME.out, and under
# LANG=sv_SE.UTF-8, which must exit the same and write the same except
# for what is text for people: against expected/NAME.sv.out if there is
# one; else, for YAML, the same bytes but a finding's message; else (a
# table, Markdown) only the same exit status.  Without the sv_SE.UTF-8
# locale the Swedish run is skipped, and said so.
#
# TUFF_BIN_DIR   the build directory holding the binaries (required)
# TUFF_LOCALEDIR the catalogs as built (for the Swedish run)
# TUFF_WRAPPER   a command to run each tool under (e.g. valgrind -q)
# TUFF_REGEN=1   write the expected files from this run, for review
#                (to add an example, create an empty NAME.out first)
set -u
bin=${TUFF_BIN_DIR:?TUFF_BIN_DIR is not set}
case $bin in
/*) ;;
*) bin=$(pwd)/$bin ;;
esac
here=$(cd "$(dirname "$0")" && pwd) || exit 99
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

# The scripts call the tools by name: small shims on PATH reach them,
# under the wrapper when one is set.
. "$here/../tests/shims.sh" || exit 99
tool_shims "$tmp/bin" "$bin" || exit 99

# The output without the text of findings' messages (a plain scalar
# may go on over more-indented lines), and diagnostics a script sends
# to its output cut after their severity: their message is for people.
strip_messages() {
	awk '
	skip && match($0, /^ */) && RLENGTH > ind { next }
	{ skip = 0 }
	/^(tuff-journey|tuff-decide|tbls-check|hme-score|tuff-report): / {
		if (match($0, /: (error|warning|note): /))
			print substr($0, 1, RSTART + RLENGTH - 1) "..."
		else
			print substr($0, 1, index($0, ": ") + 1) "..."
		next
	}
	/^ *(- )?message:/ {
		match($0, /^ *(- )?/); ind = RLENGTH; skip = 1
		print substr($0, 1, ind) "message: ..."; next
	}
	{ print }' "$1"
}

sv=sv_SE.UTF-8
if ! locale -a 2>/dev/null | grep -qix 'sv_SE\.utf-\?8'; then
	echo "# the $sv locale is missing (locale-gen): the Swedish runs" \
	    "are skipped"
	sv=
fi

# Run one example in a language: stdout to $tmp/out.LANG.
run() {
	TMPDIR=$tmp PATH=$tmp/bin:$PATH LANG=$2 LC_ALL= LC_MESSAGES= \
	    LANGUAGE= sh "$1" </dev/null >"$tmp/out.$2" 2>"$tmp/err"
}

fail=0 n=0
for script in "$here"/*/*.sh; do
	[ -f "$script" ] || continue
	name=$(basename "$script" .sh)
	want=$here/expected/$name.out
	[ -f "$want" ] || continue
	n=$((n + 1))
	run "$script" C
	status=$?
	if [ "${TUFF_REGEN:-}" = 1 ]; then
		cp "$tmp/out.C" "$want"
		echo "regenerated $name (exit status $status)"
		continue
	fi
	if [ "$status" = 0 ] && cmp -s "$want" "$tmp/out.C"; then
		echo "ok $name"
		[ -n "$sv" ] || continue
		run "$script" "$sv"
		svstatus=$?
		svwant=$here/expected/$name.sv.out
		if [ "$svstatus" != 0 ]; then
			echo "FAIL $name in Swedish: exit status $svstatus"
		elif [ -f "$svwant" ]; then
			cmp -s "$svwant" "$tmp/out.$sv" &&
			    { echo "ok $name in Swedish"; continue; }
			echo "FAIL $name in Swedish:"
			diff -u "$svwant" "$tmp/out.$sv" | head -n 60
		elif grep -q '^kind: ' "$want"; then
			strip_messages "$want" >"$tmp/want"
			strip_messages "$tmp/out.$sv" >"$tmp/got"
			cmp -s "$tmp/want" "$tmp/got" &&
			    { echo "ok $name in Swedish"; continue; }
			echo "FAIL $name in Swedish: more than messages differ"
			diff -u "$tmp/want" "$tmp/got" | head -n 60
		else
			echo "ok $name in Swedish (text for people, exit status)"
			continue
		fi
		fail=1
		continue
	fi
	echo "FAIL $name: exit status $status"
	diff -u "$want" "$tmp/out.C" | head -n 60
	if [ -s "$tmp/err" ]; then
		echo "standard error:"
		head -n 20 "$tmp/err"
	fi
	fail=1
done
if [ "$n" = 0 ]; then
	echo "no examples found under $here" >&2
	exit 1
fi
exit $fail
