# Several CSV files are read in order as one stream.
d=$(mktemp -d)
printf 'unit,period,m1,m2,m3,l1,l2,l3,s1,s2,s3\nKommun,2019,5,5,5,5,5,5,5,5,5\n' >"$d/a.csv"
printf 'unit;period;s3;s2;s1;l3;l2;l1;m3;m2;m1\nKommun;2019;1;1;1;1;1;1;1;1;1\n' >"$d/b.csv"
hme-score --csv --min-group 2 "$d/a.csv" "$d/b.csv" 2>&1 | sed "s|$d/||"
rm -r "$d"
