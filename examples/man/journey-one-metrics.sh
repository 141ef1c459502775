#!/bin/sh
# tuff-journey(1): the metrics tuff-journey appends to that journey.
cd "$(dirname "$0")" || exit 2
tuff-journey rullstol.yaml | sed -n '/^metrics:$/,$p'
