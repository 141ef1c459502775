#!/bin/sh
# One assignment with its findings and profile as records: the stream a
# later tool or an analyst's script reads.  The assignment is taken out
# of the file with awk, by its id.
cd "$(dirname "$0")" || exit 2
awk '
/^---$/ { if (keep) printf "%s", doc; doc = ""; keep = 0 }
{ doc = doc $0 "\n" }
/^id: U-2022-004$/ { keep = 1 }
END { if (keep) printf "%s", doc }' uppdrag.yaml |
tbls-check --as-of 2022-09-01 --summary --fail-on never
