#!/bin/sh
# The monthly follow-up of Avdelning Folkhälsa och hållbarhet on
# 1 September 2022, a week after it told its personalutskott about its
# work: its own register (uppdrag.yaml), the journey behind one need,
# and its HME answers, through the same four tools as every month.
# One assignment is a day overdue and has an obstacle nobody owns; the
# evaluation with the occupational health service is progress to
# celebrate; the new omställning assignment is still only headings.
cd "$(dirname "$0")/.." || exit 2
TUFF_REGISTER=tbls/uppdrag.yaml TUFF_JOURNEYS=tbls/kunskapsstod.yaml \
    exec sh ./monthly-followup.sh 2022-09-01
