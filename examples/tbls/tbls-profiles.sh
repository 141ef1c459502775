#!/bin/sh
# How each assignment and decision fares, per area: the lines --summary
# adds to the gcc format, without the findings.
cd "$(dirname "$0")" || exit 2
tbls-check --as-of 2022-09-01 --format gcc --summary --fail-on never \
    uppdrag.yaml kunskapsstod.yaml | grep -E '^[A-Z]-[0-9]{4}-[0-9]+: '
