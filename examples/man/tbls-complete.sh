#!/bin/sh
# tbls-check(1): a complete assignment, that every rule passes: no
# finding, so it comes out as it went in.
cd "$(dirname "$0")" || exit 2
tbls-check --as-of 2022-09-01 --fail-on note forum.yaml
