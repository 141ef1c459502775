# -o replaces the file only when the run succeeds: a failed run (a
# duplicate follow-up) leaves last month's report as it was.
echo "last month" >rapport.md
printf 'kind: follow-up\nassignment: U-1\n---\nkind: follow-up\nassignment: U-1\n' |
    tuff-report --as-of 2021-04-01 -o rapport.md
echo "status $?"
cat rapport.md
printf 'kind: follow-up\nassignment: U-1\nas_of: 2021-04-01\ndue: 2021-03-31\n' |
    tuff-report -o rapport.md
echo "status $?"
head -3 rapport.md
rm -f rapport.md
