#!/bin/sh
# tuff(7): the leadership team checks the register against the
# principles.
cd "$(dirname "$0")/.." || exit 2
tbls-check --as-of 2021-04-01 --format gcc register.yaml
