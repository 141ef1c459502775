#!/bin/sh
# The HTML tuff-report writes is valid: valid.sh BUILD_DIR
#
# The example month's page (examples/monthly-followup.sh for 1 April
# 2021) and every HTML golden output of tests/cli/tuff-report (the
# hostile one among them) go through each validator Debian offers that
# is installed: tidy -q -e (no error and no warning) and html5lib's
# HTML5 parser (no parse error).  With neither, the test fails: .ci/run
# installs both.
set -u
build=${1:?usage: valid.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd) || exit 99
top=$(cd "$here/../.." && pwd) || exit 99
case $build in
/*) ;;
*) build=$(pwd)/$build ;;
esac

tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
PATH=$build:$PATH sh "$top/examples/monthly-followup.sh" 2021-04-01 \
    "$tmp/report.html" >/dev/null || {
	echo "FAIL: monthly-followup.sh did not make the page"
	exit 1
}
set -- "$tmp/report.html"
for f in "$top"/tests/cli/tuff-report/*.out; do
	head -n 1 "$f" | grep -q -i '^<!DOCTYPE html>' && set -- "$@" "$f"
done

fail=0 validators=0
if command -v tidy >/dev/null 2>&1; then
	validators=$((validators + 1))
	for f; do
		tidy -q -e "$f" || {
			echo "FAIL: tidy -q -e $f: exit status $?"
			fail=1
		}
	done
	[ "$fail" = 0 ] && echo "tidy: $# files, no error and no warning"
fi
# html5lib is Debian's python3-html5lib: the system's python3 has it
# even where another python3 comes first on PATH.
for py in python3 /usr/bin/python3; do
	"$py" -c 'import html5lib' 2>/dev/null || continue
	validators=$((validators + 1))
	"$py" "$here/check.py" html "$@" || fail=1
	break
done
if [ "$validators" = 0 ]; then
	echo "FAIL: no HTML validator (apt-get install tidy python3-html5lib)"
	exit 1
fi
exit $fail
