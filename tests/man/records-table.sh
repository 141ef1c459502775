#!/bin/sh
# tuff-records(5) documents every kind and every key of the library's
# table (lib/schema.c), and no other: records-table.sh LIST PAGE
#
# LIST prints the table as "kind NAME" and "PATH KEY" lines.  In the
# page, under RECORD KINDS and OTHER FILES, each ".Ss NAME" is a kind
# or a file, and each ".It Cm KEY[ , KEY ...]" of a tag list a key of
# the place the list is in: the section's for a list at the top, and
# for a list nested in an item, the place of that item's (first) key.
# An ".It Cm kind" at the top makes the section a kind.
set -u
list=$1 page=$2
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

"$list" | sort >"$tmp/table" || exit 1
awk '
/^\.Sh / {
	inside = $0 == ".Sh RECORD KINDS" || $0 == ".Sh OTHER FILES"
	depth = 0
	next
}
!inside { next }
/^\.Ss / { place = $2; depth = 0; next }
/^\.Bl / {
	depth++
	parent[depth] = depth == 1 ? place : item[depth - 1]
	item[depth] = ""
	next
}
/^\.El/ { depth--; next }
/^\.It / && depth > 0 {
	item[depth] = ""
	if ($2 != "Cm")
		next
	first = ""
	for (i = 3; i <= NF; i++) {
		if ($i == ",")
			continue
		if (first == "")
			first = $i
		if (depth == 1 && $i == "kind")
			print "kind " place
		print parent[depth] " " $i
	}
	if (parent[depth] != "")
		item[depth] = parent[depth] "." first
}
' "$page" | sort >"$tmp/man"
if ! diff -u "$tmp/table" "$tmp/man" >"$tmp/diff"; then
	echo "tuff-records(5) and lib/schema.c disagree (- table, + page):"
	cat "$tmp/diff"
	exit 1
fi
echo "$(grep -c '^kind ' "$tmp/man") kinds, $(grep -vc '^kind ' "$tmp/man") keys"
