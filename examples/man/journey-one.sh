#!/bin/sh
# tuff-journey(1): a journey as it comes from the workshop.
cd "$(dirname "$0")" || exit 2
cat rullstol.yaml
