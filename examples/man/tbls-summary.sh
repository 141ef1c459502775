#!/bin/sh
# tbls-check(1): how each assignment fares per area, for the leadership
# team.
cd "$(dirname "$0")/../tbls" || exit 2
tbls-check --as-of 2022-09-01 --summary --format gcc --fail-on never \
    uppdrag.yaml kunskapsstod.yaml | grep '^U-'
