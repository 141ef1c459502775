#!/bin/sh
# The same scores as records, for the next tool in a pipe or a report:
# one hme-score record per unit and year.
cd "$(dirname "$0")" || exit 2
exec hme-score --rollup --trend responses.yaml
