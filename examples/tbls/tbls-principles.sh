#!/bin/sh
# Finding records are data: which principles do the department's
# assignments fall short on, and how badly?  Count the findings per
# principle and severity from the YAML stream.
cd "$(dirname "$0")" || exit 2
tbls-check --as-of 2022-09-01 --fail-on never uppdrag.yaml kunskapsstod.yaml |
awk '
/^---$/ { finding = 0; next }
/^kind: finding$/ { finding = 1; next }
finding && /^principle:/ { principle = $2 }
finding && /^severity:/ { n[principle " " $2]++ }
END { for (k in n) print k, n[k] }' | LC_ALL=C sort
