#!/bin/sh
# Run golden CLI cases: run.sh DIR [CASE...]
#
# DIR/CASE.args holds the arguments (shell words, evaluated) for the tool
# named after DIR; DIR/CASE.sh is a script run instead, with the tools on
# PATH, for cases that need redirections or several commands.
# DIR/CASE.in is standard input (empty when absent).  The expected
# standard output, standard error and exit status are DIR/CASE.out,
# DIR/CASE.err and DIR/CASE.status (absent means empty, empty and 0).
# Without a CASE, every case in DIR runs, in the order of their names.
#
# The report is TAP on standard output, a line a case ("ok 3 -
# tbls-check/NAME"); what differs goes to standard error, each line
# after the case's name.  The exit status is 1 when a case failed, 0
# when none did.  One process runs a whole directory: the suite's time
# went on starting a test per case.
#
# TUFF_BIN_DIR   the build directory holding the binaries
# TUFF_WRAPPER   a command to run each tool under (e.g. valgrind -q)
# TUFF_REGEN=1   write the expected files from this run, for review
# TUFF_TMP       a directory for the outputs, kept for a look after a
#                failure (default: a temporary one, removed)
# TUFF_SV_LOCALE the Swedish locale's name, or empty when there is none
#                (default: asked of locale -a)
#
# Each case runs twice: in the C locale against the files above, and in
# Swedish (sv_SE.UTF-8, the catalog found through TUFF_LOCALEDIR), where
# the exit status must be the same, standard output the same unless
# DIR/CASE.sv.out gives the Swedish one (text for people: help, tables,
# gcc-style findings), and standard error the same diagnostics in the
# same shape ("prog: FILE:LINE:COL: error: ", the message after it
# translated) unless DIR/CASE.sv.err gives it whole.  Without the
# Swedish locale installed the second run is left out, and said so.
#
# A DIR/CASE.sh that exits 77 is skipped ("# SKIP" and its reason).
set -u
dir=${1:?usage: run.sh DIR [CASE...]}
shift
tool=${dir%/}
tool=${tool##*/}
bin=${TUFF_BIN_DIR:?TUFF_BIN_DIR is not set}
# The suite's time goes on processes: a case starts as few as it can.
if [ -n "${TUFF_TMP:-}" ]; then
	[ -d "$TUFF_TMP" ] || mkdir -p "$TUFF_TMP" || exit 99
	base=$TUFF_TMP/$tool
else
	base=$(mktemp -d) || exit 99
	trap 'rm -rf "$base"' EXIT
	base=$base/$tool
fi
. "$(dirname "$0")/../shims.sh" || exit 99
cd "$dir" || exit 99
unset LANGUAGE LC_ALL LC_MESSAGES LC_NUMERIC LC_CTYPE

if [ "${TUFF_SV_LOCALE+set}" = set ]; then
	sv=$TUFF_SV_LOCALE
else
	sv=
	locale -a 2>/dev/null | grep -qix 'sv_SE\.utf-\?8' && sv=sv_SE.UTF-8
fi

# Scripts call the tools by name, from the build directory; a wrapper
# reaches them through small shims on PATH.
path=$bin
if [ -n "${TUFF_WRAPPER:-}" ]; then
	path=$base.bin
	tool_shims "$path" "$bin" || exit 99
fi

# run_case LOCALE SUFFIX: the case under LOCALE, its output in
# $tmp.outSUFFIX and $tmp.errSUFFIX, its exit status in $status.
run_case()
{
	loc=$1 sfx=$2
	if [ -f "$case.sh" ]; then
		rm -rf "$tmp.tmp$sfx" && mkdir "$tmp.tmp$sfx" || exit 99
		LANG=$loc TMPDIR=$tmp.tmp$sfx PATH=$path:$PATH sh "./$case.sh" \
		    <"$input" >"$tmp.out$sfx" 2>"$tmp.err$sfx"
		status=$?
	else
		args=
		IFS= read -r args <"$case.args"
		eval "set -- $args"
		LANG=$loc ${TUFF_WRAPPER:-} "$bin/$tool" "$@" <"$input" \
		    >"$tmp.out$sfx" 2>"$tmp.err$sfx"
		status=$?
	fi
}

# same_shape WANT GOT: do the diagnostics in both files read the same
# when each is cut after its severity ("prog: FILE:LINE:COL: error: ")?
# The lines that differ are shown, - for WANT and + for GOT.
same_shape()
{
	awk -v tool="$tool" '
	function shape(line) {
		if (match(line, "^" tool ": (.*: )?(error|warning|note): "))
			return substr(line, 1, RLENGTH)
		return ""
	}
	{
		f = FILENAME == ARGV[1] ? 1 : 2
		if ((s = shape($0)) != "")
			cut[f, ++n[f]] = s
	}
	END {
		m = n[1] > n[2] ? n[1] : n[2]
		for (i = 1; i <= m; i++)
			if (cut[1, i] != cut[2, i]) {
				print "-" cut[1, i]
				print "+" cut[2, i]
				bad = 1
			}
		exit bad
	}' "$1" "$2"
}

# check_case: run $case and compare what it did with what it should;
# what differs on standard output.  0 when it passed, 1 when not, 77
# when it was skipped (its reason the one line written).  Run in a
# subshell of its own, so that nothing one case sets reaches the next.
check_case()
{
	tmp=$base.$case
	input=/dev/null
	[ -f "$case.in" ] && input=$case.in
	if [ -n "$sv" ]; then
		run_case "$sv" .sv
		sv_status=$status
	fi
	run_case C ''

	if [ "${TUFF_REGEN:-}" = 1 ]; then
		cp "$tmp.out" "$case.out"
		cp "$tmp.err" "$case.err"
		echo "$status" >"$case.status"
		[ -s "$case.out" ] || rm -f "$case.out"
		[ -s "$case.err" ] || rm -f "$case.err"
		[ "$status" = 0 ] && rm -f "$case.status"
		# The Swedish output is kept where it differs from the
		# English, and standard error only where a case asks for it
		# by having one.
		if [ -n "$sv" ]; then
			rm -f "$case.sv.out"
			cmp -s "$tmp.out" "$tmp.out.sv" ||
			    cp "$tmp.out.sv" "$case.sv.out"
			[ -f "$case.sv.err" ] && cp "$tmp.err.sv" "$case.sv.err"
		fi
		return 0
	fi

	# A script that exits 77 could not run here (say, it needs root):
	# the case is skipped, and says why on its stderr.
	if [ -f "$case.sh" ] && [ "$status" = 77 ]; then
		why=
		IFS= read -r why <"$tmp.err"
		printf '%s\n' "$why"
		return 77
	fi

	fail=0
	want_status=0
	[ -f "$case.status" ] && read -r want_status <"$case.status"
	if [ "$status" != "$want_status" ]; then
		echo "exit status $status, expected $want_status"
		fail=1
	fi
	for s in out err; do
		want=/dev/null
		[ -f "$case.$s" ] && want=$case.$s
		if ! cmp -s "$want" "$tmp.$s"; then
			echo "std$s differs:"
			diff -u "$want" "$tmp.$s" | head -n 40
			fail=1
		fi
	done

	if [ -z "$sv" ]; then
		echo "not run in Swedish: no sv_SE.UTF-8 locale here"
		return $fail
	fi
	if [ "$sv_status" != "$want_status" ]; then
		echo "in Swedish exit status $sv_status, expected $want_status"
		fail=1
	fi
	want=/dev/null
	[ -f "$case.out" ] && want=$case.out
	[ -f "$case.sv.out" ] && want=$case.sv.out
	if ! cmp -s "$want" "$tmp.out.sv"; then
		echo "in Swedish stdout differs:"
		diff -u "$want" "$tmp.out.sv" | head -n 40
		fail=1
	fi
	if [ -f "$case.sv.err" ]; then
		cmp -s "$case.sv.err" "$tmp.err.sv" || {
			echo "in Swedish stderr differs:"
			diff -u "$case.sv.err" "$tmp.err.sv" | head -n 40
			fail=1
		}
	else
		want=/dev/null
		[ -f "$case.err" ] && want=$case.err
		same_shape "$want" "$tmp.err.sv" >"$tmp.shape" || {
			echo "in Swedish the diagnostics changed shape:"
			cat "$tmp.shape"
			fail=1
		}
	fi
	return $fail
}

# say TEXT: each line of TEXT on standard error, after the case's
# name: meson shows a TAP test's standard error when it fails, and
# keeps its standard output to itself.
say()
{
	[ -n "$1" ] || return 0
	printf '%s\n' "$1" | while IFS= read -r line; do
		printf '%s/%s: %s\n' "$tool" "$case" "$line"
	done >&2
}

[ $# -gt 0 ] || set -- $(ls | sed -n 's/\.\(args\|sh\)$//p' | sort -u)
echo "1..$#"
n=0 bad=0
for name in "$@"; do
	n=$((n + 1))
	case=$name
	if [ ! -f "$case.args" ] && [ ! -f "$case.sh" ]; then
		echo "not ok $n - $tool/$case"
		echo "$tool/$case: no such case in $dir" >&2
		bad=1
		continue
	fi
	msg=$(check_case 2>&1)
	st=$?
	if [ "$st" = 77 ]; then
		echo "ok $n - $tool/$case # SKIP $msg"
		continue
	fi
	if [ "$st" = 0 ]; then
		echo "ok $n - $tool/$case"
	else
		echo "not ok $n - $tool/$case"
		bad=1
	fi
	say "$msg"
done
exit $bad
