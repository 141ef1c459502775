#!/bin/sh
# What the leadership team gets to decide on: one challenge per journey,
# the worst (highest friction) first, with its pain points and what the
# group learned.  tuff-decide reads this.
cd "$(dirname "$0")" || exit 2
exec tuff-journey --challenges journeys.yaml
