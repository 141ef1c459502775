#!/bin/sh
# The monthly follow-up of examples/register.yaml as the leadership
# team saw it on 1 April 2021: one passerkort assignment overdue, the
# care plans due within the month with a milestone late, two
# milestones reached to celebrate, and two obstacles still open.
cd "$(dirname "$0")/.." || exit 2
exec sh ./monthly-followup.sh 2021-04-01
