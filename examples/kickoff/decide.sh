#!/bin/sh
# The kick-off, 2020-11-19: the leadership team has walked through the
# three journeys with the staff who drew them, and the socialchef
# decides on the spot.  The care plans and the wheelchair reports become
# assignments, each with an owner and a due date; the next nursing home
# is deferred until one is planned.  Every challenge is decided, or
# nothing is written.  The output is the start of the register.
cd "$(dirname "$0")" || exit 2
tuff-journey --challenges journeys.yaml |
tuff-decide --by socialchef --date 2020-11-19 \
    --assign rullstol,planer --defer nybygge \
    --owner rullstol=Rehabenheten \
    --owner 'planer=Enhetschef vård och omsorg' \
    --due 2021-06-30 \
    --rationale 'rullstol=Krånglig process som tar tid från brukarna' \
    --rationale 'planer=Den boende ska inte behöva berätta samma sak för varje ny medarbetare' \
    --rationale 'nybygge=Tas med när nästa äldreboende planeras'
