#!/bin/sh
# The kick-off journeys, each with its metrics added (SPEC §4.1): how
# many handoffs between roles, how many IT systems and switches between
# them, how long it takes, how it feels, and the friction that sums it.
cd "$(dirname "$0")" || exit 2
exec tuff-journey journeys.yaml
