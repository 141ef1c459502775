#!/bin/sh
# The metrics side by side, first as the workshop described them, then
# ranked by the days the user waits.
cd "$(dirname "$0")" || exit 2
tuff-journey --format table journeys.yaml || exit 2
echo
exec tuff-journey --format table --rank-by wait_days journeys.yaml
