#!/bin/sh
# hme-score(1): the figures, each question's answers too, as CSV for a
# Swedish spreadsheet, into a file.
here=$(cd "$(dirname "$0")/.." && pwd) || exit 2
cd "$TMPDIR" && cp "$here/hme/responses.yaml" hme.yaml || exit 2
hme-score --items --format csv-sv -o hme.csv hme.yaml || exit 2
head -n 2 hme.csv
