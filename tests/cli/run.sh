#!/bin/sh
# Run one golden CLI case: run.sh DIR CASE
#
# DIR/CASE.args holds the arguments (shell words, evaluated) for the tool
# named after DIR; DIR/CASE.sh is a script run instead, with the tools on
# PATH, for cases that need redirections or several commands.
# DIR/CASE.in is standard input (empty when absent).  The expected
# standard output, standard error and exit status are DIR/CASE.out,
# DIR/CASE.err and DIR/CASE.status (absent means empty, empty and 0).
#
# TUFF_BIN_DIR   the build directory holding the binaries
# TUFF_WRAPPER   a command to run each tool under (e.g. valgrind -q)
# TUFF_REGEN=1   write the expected files from this run, for review
#
# A DIR/CASE.sh that exits 77 is skipped (meson's code for it).
set -u
dir=$1 case=$2
tool=$(basename "$dir")
bin=${TUFF_BIN_DIR:?TUFF_BIN_DIR is not set}
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
cd "$dir" || exit 99

input=/dev/null
[ -f "$case.in" ] && input=$case.in

if [ -f "$case.sh" ]; then
	# Scripts call the tools by name; a wrapper reaches them through
	# small shims on PATH.
	mkdir "$tmp/bin"
	for t in "$bin"/hme-score "$bin"/tuff-journey "$bin"/tuff-decide \
	    "$bin"/tbls-check; do
		[ -x "$t" ] || continue
		printf '#!/bin/sh\nexec %s "%s" "$@"\n' "${TUFF_WRAPPER:-}" \
		    "$t" >"$tmp/bin/$(basename "$t")"
		chmod +x "$tmp/bin/$(basename "$t")"
	done
	TMPDIR=$tmp PATH=$tmp/bin:$PATH sh "./$case.sh" <"$input" \
	    >"$tmp/out" 2>"$tmp/err"
	status=$?
else
	eval "set -- $(cat "$case.args")"
	${TUFF_WRAPPER:-} "$bin/$tool" "$@" <"$input" >"$tmp/out" 2>"$tmp/err"
	status=$?
fi

if [ "${TUFF_REGEN:-}" = 1 ]; then
	cp "$tmp/out" "$case.out"
	cp "$tmp/err" "$case.err"
	echo "$status" >"$case.status"
	[ -s "$case.out" ] || rm -f "$case.out"
	[ -s "$case.err" ] || rm -f "$case.err"
	[ "$status" = 0 ] && rm -f "$case.status"
	exit 0
fi

# A script that exits 77 could not run here (say, it needs root): the
# case is skipped, as meson counts 77, and says why on its stderr.
if [ -f "$case.sh" ] && [ "$status" = 77 ] && [ "${TUFF_REGEN:-}" != 1 ]; then
	echo "$tool/$case: skipped: $(cat "$tmp/err")"
	exit 77
fi

fail=0
want_status=0
[ -f "$case.status" ] && want_status=$(cat "$case.status")
if [ "$status" != "$want_status" ]; then
	echo "$tool/$case: exit status $status, expected $want_status"
	fail=1
fi
for s in out err; do
	want=/dev/null
	[ -f "$case.$s" ] && want=$case.$s
	if ! cmp -s "$want" "$tmp/$s"; then
		echo "$tool/$case: std$s differs:"
		diff -u "$want" "$tmp/$s" | head -n 40
		fail=1
	fi
done
exit $fail
