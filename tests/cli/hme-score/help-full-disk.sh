hme-score -h >/dev/full
