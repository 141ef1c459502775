#!/bin/sh
# Månadsuppföljning: what the leadership team looks at on the first of
# each month.  From the register of decisions and assignments: what is
# overdue, what falls due in the coming month, the milestones due and
# those reached in the last month (framsteg att fira), and every open
# obstacle with its age in days.
#
#   monthly-followup.sh [DATE [FILE]]
#
# DATE is the day to look from (default: today); with FILE the
# follow-up is written there, replaced whole and only when the run
# succeeds, so a failed cron run leaves last month's file as it was.
# crontab runs this on the first of each month.
set -u
cd "$(dirname "$0")" || exit 2
as_of=${1:-$(date +%F)}
exec tuff-decide --due --as-of "$as_of" --within 31 ${2:+-o "$2"} \
    register.yaml
