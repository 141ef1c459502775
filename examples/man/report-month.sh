#!/bin/sh
# tuff-report(1), tuff(7): the follow-up of 1 April 2021 as the
# leadership team's report, in Markdown through the whole pipe, then
# from the month's records as a page with charts, and with a
# department's own heading.
here=$(cd "$(dirname "$0")/.." && pwd) || exit 2
cd "$TMPDIR" || exit 2
cp "$here/kickoff/journeys.yaml" "$here/register.yaml" . || exit 2
cp "$here/hme/responses.yaml" responses.yaml || exit 2
mkdir -p uppfoljning || exit 2
tuff-journey journeys.yaml |
    tbls-check --as-of 2021-04-01 --summary --fail-on never - register.yaml |
    tuff-decide --due --as-of 2021-04-01 --within 31 |
    hme-score --rollup --trend - responses.yaml |
    tuff-report --within 31 >mail.md || exit 2
tuff-journey journeys.yaml |
    tbls-check --as-of 2021-04-01 --summary --fail-on never - register.yaml |
    tuff-decide --due --as-of 2021-04-01 |
    hme-score --rollup --trend - responses.yaml >records.yaml || exit 2
tuff-report records.yaml >same.md || exit 2
cmp mail.md same.md || exit 2
tuff-report --format html -o uppfoljning/2021-04.html records.yaml || exit 2
tuff-report --title 'Avdelning Folkhälsa och hållbarhet, september' \
    --format html -o rapport.html records.yaml || exit 2
head -n 3 mail.md
grep -c '<svg' uppfoljning/2021-04.html
grep -o '<h1>[^<]*</h1>' rapport.html
