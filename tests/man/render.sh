#!/bin/sh
# What lint does not see in a man page: render.sh PAGE...
#
# A word that is also an mdoc macro swallowed inside a quoted literal
# (".Ql write error: No space left" renders "write error: space left"),
# and a quote that groff opens twice where mandoc closed it (an
# enclosure macro that groff's mdoc runs on past a "Ta", as man -l shows
# it: "‘:   ‘∶’’").  Exit 1 with each place on standard error.
set -u
s=0
for p in "$@"; do
	awk -v page="$p" '
	/^\.Ql / && / No [a-z]/ {
		printf "%s:%d: \"No\" inside a quotation is a macro and " \
		    "vanishes; write \\&No\n", page, NR
		bad = 1
	}
	END { exit bad }' "$p" >&2 || s=1
	if command -v groff >/dev/null; then
		groff -mandoc -Tutf8 -P-c -P-b -P-u "$p" 2>/dev/null |
		    awk -v page="$p" '
		/‘[^’]*‘/ {
			printf "%s: groff opens a quote twice: %s\n", page, $0
			bad = 1
		}
		END { exit bad }' >&2 || s=1
	fi
done
exit $s
