#!/bin/sh
# The Swedish catalog is complete: every source file is in po/POTFILES,
# every message xgettext finds there has a Swedish translation that is
# neither missing nor fuzzy, and msgfmt --check accepts the catalog
# (format directives of each translation match its message).
#
#	catalog.sh [--sources 'FILE ...'] SOURCE_ROOT XGETTEXT_ARG ...
#
# The catalog is po/sv.po together with any fragments po/sv-AREA.po
# still beside it (while issue 12 is translated area by area; the
# fragments are then concatenated into po/sv.po and removed).  With
# --sources only those files' messages are checked, so an area can
# show that its own messages are translated before the others are.
set -u
only=
if [ "${1:-}" = --sources ]; then
	only=$2
	shift 2
fi
src=$1
shift
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
cd "$src" || exit 99
fail=0

if [ -n "$only" ]; then
	printf '%s\n' $only >"$tmp/files"
else
	ls cmd/*.c lib/*.c >"$tmp/files"
fi
while read -r f; do
	grep -qx "$f" po/POTFILES ||
	    { echo "not ok: $f is not in po/POTFILES"; fail=1; }
done <"$tmp/files"
[ -n "$only" ] || cp po/POTFILES "$tmp/files"

# --use-first: a fragment's translation wins over the header-only
# po/sv.po; the header comes from po/sv.po.
msgcat --use-first po/sv.po $(ls po/sv-*.po 2>/dev/null) \
    -o "$tmp/sv.po" || exit 1
xgettext "$@" --files-from="$tmp/files" -o "$tmp/tuff.pot" || exit 1
if ! msgcmp "$tmp/sv.po" "$tmp/tuff.pot" 2>"$tmp/cmp"; then
	echo "not ok: messages without a Swedish translation:"
	head -n 40 "$tmp/cmp"
	fail=1
fi
if ! msgfmt --check --statistics -o /dev/null "$tmp/sv.po" \
    2>"$tmp/stat"; then
	cat "$tmp/stat"
	fail=1
elif grep -q 'fuzzy\|untranslated' "$tmp/stat"; then
	echo "not ok: $(cat "$tmp/stat")"
	fail=1
fi
[ "$fail" = 0 ] && cat "$tmp/stat"
exit "$fail"
