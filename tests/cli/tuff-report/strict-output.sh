# With --strict, a key that looks like a typo is an error: -o leaves
# last month's report as it was; without it, the report is written and
# the warning stays one.
dir=$(mktemp -d)
echo "last month" >"$dir/rapport.md"
tuff-report --strict --as-of 2021-04-01 -o "$dir/rapport.md" typo.in
echo "strict run: status $?"
cat "$dir/rapport.md"
tuff-report --as-of 2021-04-01 -o "$dir/rapport.md" typo.in
echo "plain run: status $?"
head -1 "$dir/rapport.md"
ls "$dir"
rm -r "$dir"
