#!/bin/sh
# Månadsuppföljning: what the leadership team looks at on the first of
# each month, in one pipe through the four tools:
#
#   tuff-journey   the workshop's journeys, measured, so that tbls-check
#                  knows who takes part in each
#   tbls-check     every assignment and decision against the seven TBLS
#                  principles, with a profile per record
#   tuff-decide    from the register: what is overdue, what falls due in
#                  the coming month, the milestones due and those reached
#                  in the last month (framsteg att fira), and every open
#                  obstacle with its age in days
#   hme-score      engagement per unit and year, with the trend
#
# and then a summary for the leadership team, made from those records by
# monthly-summary.awk.
#
#   monthly-followup.sh [DATE [FILE]]
#
# DATE is the day to look from (default: today).  The summary goes to
# standard output, which cron mails to whoever the crontab belongs to.
# With FILE the month's records are kept there too, replaced whole and
# only when every tool succeeded, so a failed cron run leaves last
# month's file as it was.  crontab runs this on the first of each month.
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

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

# A shell pipe reports only its last command's status: each stage notes
# its own failure, so a tool that fails upstream fails the run.
stage() {
	"$@" || echo "$1" >>"$tmp/failed"
}

stage tuff-journey "$journeys" |
    stage tbls-check --as-of "$as_of" --summary --fail-on never - \
        "$register" |
    stage tuff-decide --due --as-of "$as_of" --within 31 |
    stage hme-score --rollup --trend - "$responses" >"$tmp/records"
if [ -s "$tmp/failed" ]; then
	echo "monthly-followup.sh: failed: $(tr '\n' ' ' <"$tmp/failed" |
	    sed 's/ $//')" >&2
	exit 2
fi

awk -v as_of="$as_of" -v within=31 -f monthly-summary.awk "$tmp/records" ||
    exit 2

# Keep the records: a temporary file beside FILE, renamed over it.
if [ -n "$file" ]; then
	cp "$tmp/records" "$file.tmp.$$" && mv -f "$file.tmp.$$" "$file" || {
		rm -f "$file.tmp.$$"
		exit 2
	}
fi
exit 0
