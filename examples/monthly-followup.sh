#!/bin/sh
# Månadsuppföljning: what the leadership team looks at on the first of
# each month, in one pipe through the five tools:
#
#   tuff-journey   the workshop's journeys, measured, so that tbls-check
#                  knows who takes part in each and the report shows
#                  where each one hurts
#   tbls-check     every assignment and decision against the seven TBLS
#                  principles, with a profile per record
#   tuff-decide    from the register: what is overdue, what falls due in
#                  the coming month, the milestones due and those reached
#                  in the last month (framsteg att fira), and every open
#                  obstacle with its age in days
#   hme-score      engagement per unit and year, with the trend
#   tuff-report    the report for the leadership team, in Swedish
#
#   monthly-followup.sh [DATE [FILE]]
#
# DATE is the day to look from (default: today).  The report goes to
# standard output as Markdown, which cron mails to whoever the crontab
# belongs to.  With FILE the report is kept there too, as one HTML page
# with charts (open it in a browser, print it to PDF for the board
# pack), replaced whole and only when every tool succeeded, so a failed
# cron run leaves last month's page as it was.  crontab runs this on the
# first of each month.
#
# Which register, journeys and HME answers: TUFF_REGISTER (default
# register.yaml), TUFF_JOURNEYS (kickoff/journeys.yaml) and TUFF_HME
# (hme/responses.yaml), relative to this directory.
set -u
cd "$(dirname "$0")" || exit 2
as_of=${1:-$(date +%F)}
file=${2:-}
register=${TUFF_REGISTER:-register.yaml}
journeys=${TUFF_JOURNEYS:-kickoff/journeys.yaml}
responses=${TUFF_HME:-hme/responses.yaml}
within=31

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

# A shell pipe reports only its last command's status: each stage notes
# its own failure, so a tool that fails upstream fails the run.
stage() {
	"$@" || echo "$1" >>"$tmp/failed"
}

# The month's records are kept for the HTML page; the Markdown waits in
# a file until every stage is known to have succeeded, so a failed run
# mails no half a report.
stage tuff-journey "$journeys" |
    stage tbls-check --as-of "$as_of" --summary --fail-on never - \
        "$register" |
    stage tuff-decide --due --as-of "$as_of" --within "$within" |
    stage hme-score --rollup --trend - "$responses" |
    stage tee "$tmp/records" |
    stage tuff-report --as-of "$as_of" --within "$within" \
        -o "$tmp/report.md"
if [ -s "$tmp/failed" ]; then
	echo "monthly-followup.sh: failed: $(tr '\n' ' ' <"$tmp/failed" |
	    sed 's/ $//')" >&2
	exit 2
fi

# The page: tuff-report replaces FILE itself, and only on success.
if [ -n "$file" ]; then
	tuff-report --format html --as-of "$as_of" --within "$within" \
	    -o "$file" "$tmp/records" || exit 2
fi
cat "$tmp/report.md" || exit 2
exit 0
