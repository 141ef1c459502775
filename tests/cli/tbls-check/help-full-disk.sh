tbls-check -h >/dev/full
