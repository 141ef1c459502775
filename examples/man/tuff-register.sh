#!/bin/sh
# tuff(7): the socialchef decides on the spot, and the decisions start
# the register.
here=$(cd "$(dirname "$0")/.." && pwd) || exit 2
cd "$TMPDIR" && cp "$here/kickoff/journeys.yaml" . || exit 2
tuff-journey --challenges journeys.yaml |
    tuff-decide --by socialchef --date 2020-11-19 \
        --assign rullstol,planer --defer nybygge \
        --owner rullstol=Rehabenheten \
        --owner 'planer=Enhetschef vård och omsorg' \
        --due 2021-06-30 -o register.yaml || exit 2
grep '^id: ' register.yaml
