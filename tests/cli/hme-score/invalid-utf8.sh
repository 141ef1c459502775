# Bytes that are not UTF-8 are refused with their line and column.
printf 'kind: hme-response\nunit: Kommun/V\345rd\nperiod: 2019\nanswers: [5, 4, 5, 4, 5, 5, 4, 4, 5]\n' |
    hme-score
