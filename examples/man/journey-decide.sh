#!/bin/sh
# tuff-journey(1): the leadership team's agenda, decided on the spot.
cd "$(dirname "$0")/../kickoff" || exit 2
tuff-journey --challenges journeys.yaml |
    tuff-decide --by socialchef --date 2020-11-19 \
        --assign rullstol,planer --defer nybygge \
        --owner rullstol=Rehabenheten \
        --owner 'planer=Enhetschef vård och omsorg' |
    grep -E '^(kind|id|outcome):'
