#!/bin/sh
# hme-score(1): a survey tool's export with Swedish headers.
cd "$(dirname "$0")" || exit 2
hme-score --csv --column unit=Enhet --column period=År \
    --column 'm1=Fråga 1' --column 'm2=Fråga 2' --column 'm3=Fråga 3' \
    --column 'l1=Fråga 4' --column 'l2=Fråga 5' --column 'l3=Fråga 6' \
    --column 's1=Fråga 7' --column 's2=Fråga 8' --column 's3=Fråga 9' \
    export.csv
