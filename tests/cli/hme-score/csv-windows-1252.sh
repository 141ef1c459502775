# Swedish Excel's default export is Windows-1252: the first byte that
# is not UTF-8 (0xE5, å) is named, with how to convert the file.
printf 'unit;period;m1;m2;m3;l1;l2;l3;s1;s2;s3\r\nV\345rd;2020;1;1;1;1;1;1;1;1;1\r\n' |
    hme-score --csv
