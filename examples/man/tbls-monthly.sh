#!/bin/sh
# tbls-check(1): the monthly follow-up as one stream of records: findings
# and profiles stream on through tuff-decide --due, which turns the
# assignments into follow-ups, and hme-score adds the engagement trend.
here=$(cd "$(dirname "$0")/.." && pwd) || exit 2
cd "$TMPDIR" && cp "$here/kickoff/journeys.yaml" "$here/register.yaml" . &&
    cp "$here/hme/responses.yaml" hme.yaml || exit 2
tuff-journey journeys.yaml |
    tbls-check --as-of 2021-04-01 --summary --fail-on never - register.yaml |
    tuff-decide --due --as-of 2021-04-01 --within 31 |
    hme-score --rollup --trend - hme.yaml >month.yaml || exit 2
sed -n 's/^kind: //p' month.yaml | sort | uniq -c
