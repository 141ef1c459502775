#!/bin/sh
# The Swedish catalog is complete: every source file is in po/POTFILES,
# every message xgettext finds there has a Swedish translation that is
# neither missing nor fuzzy, and msgfmt --check accepts the catalog
# (format directives of each translation match its message).
#
#	catalog.sh SOURCE_ROOT XGETTEXT_ARG ...
set -u
src=$1
shift
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
cd "$src" || exit 99
fail=0

for f in cmd/*.c lib/*.c; do
	grep -qx "$f" po/POTFILES ||
	    { echo "not ok: $f is not in po/POTFILES"; fail=1; }
done

xgettext "$@" --files-from=po/POTFILES -o "$tmp/tuff.pot" || exit 1
if ! msgcmp po/sv.po "$tmp/tuff.pot" 2>"$tmp/cmp"; then
	echo "not ok: messages without a Swedish translation in po/sv.po:"
	head -n 40 "$tmp/cmp"
	fail=1
fi
if ! msgfmt --check --statistics -o /dev/null po/sv.po 2>"$tmp/stat"; then
	cat "$tmp/stat"
	fail=1
elif grep -q 'fuzzy\|untranslated' "$tmp/stat"; then
	echo "not ok: $(cat "$tmp/stat")"
	fail=1
fi
[ "$fail" = 0 ] && cat "$tmp/stat"
exit "$fail"
