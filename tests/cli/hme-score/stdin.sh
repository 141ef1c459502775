# No file operand: standard input, named <stdin> in diagnostics.
hme-score --by period <data/kommun.yaml
