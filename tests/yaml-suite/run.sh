#!/bin/sh
# The record reader over the public YAML test suite:
#   run.sh SUITE-DIR PASSTHROUGH YAML-EVENTS
#
# For every case: the reader never crashes, hangs or leaks (exit 0 or 2
# within 10 s; the sanitizers' reports exit otherwise).  A case the suite
# marks invalid and libyaml rejects is rejected by the reader with a
# positioned error.  A valid case that libyaml accepts and that is a
# stream of mappings without anchors, aliases, complex or duplicate keys
# is accepted, and its output reads back as the same events (structure,
# tags and values; scalar styles are counted but not required, since
# libyaml's emitter cannot write some, such as a literal block with
# trailing spaces).
# Every case goes through both ways of reading a record: built as a
# tree, and streamed through (passthrough -s, as tuff-decide passes
# foreign records); both must meet all of the above.
# Reports itself skipped (77) where the suite is absent.
set -u
suite=$1 pass=$2 events=$3
if [ ! -d "$suite" ]; then
	echo "yaml-test-suite: $suite is absent; skipped"
	exit 77
fi
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

total=0 crashed=0 inv=0 inv_lib=0 inv_ok=0 val=0 val_rec=0 val_ok=0 val_style=0
failed=0
fail() {
	echo "FAIL $case: $*"
	failed=$((failed + 1))
}

for dir in "$suite"/*/; do
	[ -f "$dir/in.yaml" ] || continue
	case=$(basename "$dir")
	total=$((total + 1))
	"$events" "$dir/in.yaml" >"$tmp/want" 2>/dev/null
	lib=$?
	"$events" -k "$dir/in.yaml" >/dev/null 2>&1
	records=$?
	ok=1
	for mode in tree stream; do
		flag=
		[ $mode = stream ] && flag=-s
		timeout 10 "$pass" $flag "$dir/in.yaml" >"$tmp/out" 2>"$tmp/err"
		st=$?
		if [ $st -ne 0 ] && [ $st -ne 2 ]; then
			crashed=$((crashed + 1))
			fail "$mode: exit status $st: $(head -c 300 "$tmp/err")"
			ok=0
			continue
		fi
		if [ -f "$dir/error" ]; then
			[ $lib -eq 0 ] && continue	# a libyaml deviation
			if [ $st -ne 2 ]; then
				fail "$mode: invalid YAML accepted"
				ok=0
			elif ! grep -q '^passthrough: [^:]*:[0-9][0-9]*:[0-9][0-9]*: error: ' \
			    "$tmp/err"; then
				fail "$mode: rejected without a position: $(cat "$tmp/err")"
				ok=0
			fi
			continue
		fi
		[ $lib -eq 0 ] && [ $records -eq 0 ] || continue
		if [ $st -ne 0 ]; then
			fail "$mode: stream of mappings rejected: $(cat "$tmp/err")"
			ok=0
			continue
		fi
		"$events" "$tmp/out" >"$tmp/got" 2>/dev/null
		if ! cmp -s "$tmp/want" "$tmp/got"; then
			fail "$mode: events differ after pass-through:"
			diff "$tmp/want" "$tmp/got" | head -n 10
			ok=0
			continue
		fi
		# Scalar styles are presentation, but count how often they
		# survive (in the tree mode).
		if [ $mode = tree ]; then
			"$events" -s "$dir/in.yaml" >"$tmp/wants" 2>/dev/null
			"$events" -s "$tmp/out" >"$tmp/gots" 2>/dev/null
			cmp -s "$tmp/wants" "$tmp/gots" &&
			    val_style=$((val_style + 1))
		fi
	done
	if [ -f "$dir/error" ]; then
		inv=$((inv + 1))
		[ $lib -ne 0 ] && inv_lib=$((inv_lib + 1)) &&
		    [ $ok -eq 1 ] && inv_ok=$((inv_ok + 1))
	else
		val=$((val + 1))
		if [ $lib -eq 0 ] && [ $records -eq 0 ]; then
			val_rec=$((val_rec + 1))
			[ $ok -eq 1 ] && val_ok=$((val_ok + 1))
		fi
	fi
done

echo "cases: $total; crashes or hangs: $crashed"
echo "invalid: $inv, rejected by libyaml: $inv_lib, rejected by the reader with a position: $inv_ok"
echo "valid: $val, record streams (libyaml accepts; mappings, no anchors/aliases/duplicate keys): $val_rec, passed through unchanged: $val_ok (and in the same scalar styles: $val_style)"
echo "both ways of reading (built and streamed) met all of the above"
echo "$((total - failed)) passed, $failed failed"
[ $failed -eq 0 ]
