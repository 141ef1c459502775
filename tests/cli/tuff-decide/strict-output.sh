# With --strict a warning is an error: nothing is written and -o leaves
# yesterday's file as it was.  Without it, the run goes through.
dir=$(mktemp -d)
echo "yesterday" >"$dir/uppfoljning.yaml"
tuff-decide --strict --due --as-of 2021-04-01 -o "$dir/uppfoljning.yaml" \
    strict-due.in
echo "strict run: status $?"
cat "$dir/uppfoljning.yaml"
tuff-decide --strict --due --as-of 2021-04-01 strict-due.in
echo "strict run to stdout: status $?"
tuff-decide --due --as-of 2021-04-01 -o "$dir/uppfoljning.yaml" \
    strict-due.in 2>/dev/null
echo "plain run: status $?"
cat "$dir/uppfoljning.yaml"
ls "$dir"
rm -r "$dir"
