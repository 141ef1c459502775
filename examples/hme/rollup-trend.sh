#!/bin/sh
# The department's HME over the years, as a table for the eye: every
# section and the department itself (--rollup scores each parent of a
# '/' path), each with its change since the latest earlier year that
# was published (--trend).
cd "$(dirname "$0")" || exit 2
exec hme-score --rollup --trend --format table responses.yaml
