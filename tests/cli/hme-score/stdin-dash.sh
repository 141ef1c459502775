# "-" is standard input, read in its place among the files.
head -n 6 data/kommun.yaml | hme-score --by period --min-group 1 - data/kommun.yaml
