# A full disk is an error, exit 2, not a silent truncation.
hme-score data/kommun.yaml >/dev/full
echo "status $?"
hme-score --format table data/kommun.yaml >/dev/full
echo "status $?"
