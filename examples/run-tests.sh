#!/bin/sh
# Run every shipped example against its expected output.
#
# An example is a script examples/DIR/NAME.sh with an expected standard
# output in examples/expected/NAME.out.  It runs with the tools on PATH
# and must exit 0 and write exactly that; scripts without an expected
# file are not examples (helpers, generators) and are left alone.
#
# TUFF_BIN_DIR   the build directory holding the binaries (required)
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
mkdir "$tmp/bin"
for t in hme-score tuff-journey tuff-decide tbls-check tuff-report; do
	[ -x "$bin/$t" ] || continue
	printf '#!/bin/sh\nexec %s "%s" "$@"\n' "${TUFF_WRAPPER:-}" \
	    "$bin/$t" >"$tmp/bin/$t"
	chmod +x "$tmp/bin/$t"
done

fail=0 n=0
for script in "$here"/*/*.sh; do
	[ -f "$script" ] || continue
	name=$(basename "$script" .sh)
	want=$here/expected/$name.out
	[ -f "$want" ] || continue
	n=$((n + 1))
	TMPDIR=$tmp PATH=$tmp/bin:$PATH sh "$script" </dev/null \
	    >"$tmp/out" 2>"$tmp/err"
	status=$?
	if [ "${TUFF_REGEN:-}" = 1 ]; then
		cp "$tmp/out" "$want"
		echo "regenerated $name (exit status $status)"
		continue
	fi
	if [ "$status" = 0 ] && cmp -s "$want" "$tmp/out"; then
		echo "ok $name"
		continue
	fi
	echo "FAIL $name: exit status $status"
	diff -u "$want" "$tmp/out" | head -n 60
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
