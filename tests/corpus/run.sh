#!/bin/sh
# Nasty inputs never crash: run.sh DRIVER DIR
#
# Runs the driver (drive.c) once over every file in DIR and over big
# inputs made here (too big to keep in the repository); the driver
# reads each in its own process, as the tools do, and judges how it
# ended: a file named ok-* must be accepted, bad-* rejected with a
# message, reject-* rejected as records (the event layer leaves
# duplicate keys and the type of a document to its callers); others may
# go either way.  YAML files go through both the record and the event
# layer; *.csv through the CSV reader.  A crash, a hang or a
# sanitizer's report fails the run.
#
# TUFF_WRAPPER   a command to run the driver under (e.g. valgrind -q
#                --error-exitcode=99)
set -u
drive=${1:?usage: run.sh DRIVER DIR}
dir=${2:?usage: run.sh DRIVER DIR}
# Undefined behaviour is a failure too, not just a line on stderr.
UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export UBSAN_OPTIONS
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

# rep N STRING: STRING N times, without a line end.
rep() {
	awk -v n="$1" -v s="$2" 'BEGIN {
		t = s
		while (length(t) < n * length(s))
			t = t t
		printf "%s", substr(t, 1, n * length(s))
	}'
}

# Big inputs: past each limit, and just within it.
g=$tmp/gen
mkdir "$g" || exit 99
{ printf 'kind: x\nv: '; rep 2097152 a; } >"$g/bad-huge-line-no-newline.yaml"
{ printf 'kind: x\nv: '; rep 65537 a; printf '\n'; } >"$g/bad-scalar-64k-plus-1.yaml"
{ printf 'kind: x\nv: '; rep 65536 a; printf '\n'; } >"$g/ok-scalar-64k.yaml"
{ printf 'kind: x\nv: "'; rep 65537 'a'; printf '"\n'; } >"$g/bad-quoted-scalar-64k-plus-1.yaml"
{ printf 'kind: x\nv: |\n'; rep 1100 "  $(rep 1000 b)
"; } >"$g/bad-record-over-1m.yaml"
{ printf 'kind: x\nv: [\n'; rep 150000 '1,'; printf '1]\n'; } >"$g/ok-long-flow-seq.yaml"
awk 'BEGIN { print "kind: many"
	for (i = 0; i < 60000; i++) print "k" i ": " i }' >"$g/ok-60000-keys.yaml"
awk 'BEGIN { print "kind: many"
	for (i = 0; i < 60000; i++) print "k" i ": " i; print "k17: again" }' \
    >"$g/reject-60000-keys-dup.yaml"
awk 'BEGIN { for (i = 0; i < 20000; i++) print "---\nkind: x\nn: " i }' \
    >"$g/ok-20000-records.yaml"
awk 'BEGIN { print "kind: x"
	for (i = 0; i < 400000; i++) print "# kommentar " i }' \
    >"$g/bad-comments-5mib.yaml"
awk 'BEGIN { for (i = 0; i < 3000; i++) print "# kommentar " i
	print "kind: x" }' >"$g/ok-comments-before.yaml"
{ printf 'kind: deep\nv: '; rep 100000 '['; } >"$g/bad-deep-100000.yaml"
{ printf 'kind: deep\nv: '; rep 100000 '{a: '; } >"$g/bad-deep-map-100000.yaml"
{ printf 'kind: x\nv: "'; rep 300000 '\\"'; printf '"\n'; } \
    >"$g/bad-escapes-over-64k.yaml"
{ printf 'unit,m1\nA,'; rep 65537 x; printf '\n'; } >"$g/bad-csv-field-64k-plus-1.csv"
{ printf 'unit,m1\nA,'; rep 65536 x; printf '\n'; } >"$g/ok-csv-field-64k.csv"
{ printf 'unit,m1\n"'; rep 65537 '""'; printf '",1\n'; } \
    >"$g/bad-csv-quoted-64k-plus-1.csv"
{ printf 'unit,m1\n'; rep 20 "$(rep 60000 y),"; printf '\n'; } \
    >"$g/bad-csv-row-over-1m.csv"
{ printf 'unit,m1\n'; rep 2097152 z; } >"$g/bad-csv-huge-line-no-newline.csv"
{ printf 'unit,m1\n"'; rep 2097152 z; } >"$g/bad-csv-open-quote-2m.csv"
awk 'BEGIN { print "unit;period;m1;m2;m3;l1;l2;l3;s1;s2;s3"
	for (i = 0; i < 100000; i++)
		printf "\"Enhet %d\";2018;5;4;5;4;5;5;4;4;5\r\n", i % 97 }' \
    >"$g/ok-csv-100000-rows.csv"

set --
for f in "$dir"/* "$g"/*; do
	case $f in
	*.c|*.sh|*/meson.build) continue ;;
	esac
	set -- "$@" "$f"
done
${TUFF_WRAPPER:-} "$drive" "$@"
