# With --strict a warning is an error: -o leaves the old file as it was.
dir=$(mktemp -d)
echo "yesterday" >"$dir/fynd.yaml"
tbls-check --strict --fail-on never --as-of 2022-06-01 -o "$dir/fynd.yaml" \
    key-typos.in 2>/dev/null
echo "strict run: status $?"
cat "$dir/fynd.yaml"
tbls-check --fail-on never --as-of 2022-06-01 -o "$dir/fynd.yaml" \
    key-typos.in 2>/dev/null
echo "plain run: status $?"
grep -c 'kind: finding' "$dir/fynd.yaml"
ls "$dir"
rm -r "$dir"
