# In the monthly pipe: YAML records on standard input (passed through
# or scored), and a survey export named *.csv read as CSV.
d=$(mktemp -d)
printf 'unit,period,m1,m2,m3,l1,l2,l3,s1,s2,s3\nKommun,2021,5,5,5,5,5,5,5,5,5\nKommun,2021,4,4,4,4,4,4,4,4,4\n' >"$d/export.csv"
printf 'kind: note\ntext: hej\n---\nkind: hme-response\nunit: Kommun\nperiod: 2020\nanswers: [3, 3, 3, 3, 3, 3, 3, 3, 3]\n' |
    (cd "$d" && hme-score --min-group 1 --trend - export.csv)
rm -r "$d"
