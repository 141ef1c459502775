# -o FILE is replaced only when the run succeeds: a failing run leaves
# yesterday's file as it was, and leaves no temporary file behind.
dir=$(mktemp -d)
echo "yesterday" >"$dir/hme.yaml"
printf 'kind: hme-response\nunit: Kommun\nperiod: 2019\nanswers: [9]\n' |
    hme-score -o "$dir/hme.yaml" - 2>/dev/null
echo "failed run: status $?"
cat "$dir/hme.yaml"
hme-score --by period -o "$dir/hme.yaml" data/kommun.yaml
echo "good run: status $?"
cat "$dir/hme.yaml"
hme-score --by period --output="$dir/hme.yaml" --format table data/kommun.yaml
echo "long option: status $?"
cat "$dir/hme.yaml"
ls "$dir"
rm -r "$dir"
