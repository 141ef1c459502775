#!/bin/sh
# tuff-decide(1): what the leadership team follows up on 1 April 2021.
cd "$(dirname "$0")/.." || exit 2
tuff-decide --due --as-of 2021-04-01 register.yaml
