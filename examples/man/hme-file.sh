#!/bin/sh
# hme-score(1): every level of the organisation into a file that is
# replaced only if the run succeeds.
here=$(cd "$(dirname "$0")/.." && pwd) || exit 2
cd "$TMPDIR" && cp "$here/hme/responses.yaml" hme.yaml || exit 2
hme-score --rollup -o hme-2018.yaml hme.yaml || exit 2
grep -c '^kind: hme-score$' hme-2018.yaml
