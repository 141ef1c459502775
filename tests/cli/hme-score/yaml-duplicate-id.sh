# A response exported twice, in two files: its id gives it away.
d=$(mktemp -d)
printf 'kind: hme-response\nid: R-17\nunit: A\nperiod: 2020\nanswers: [1, 2, 3, 4, 5, 1, 2, 3, 4]\n' >"$d/jan.yaml"
printf 'kind: hme-response\nid: R-18\nunit: A\nperiod: 2020\nanswers: [1, 2, 3, 4, 5, 1, 2, 3, 4]\n---\nkind: hme-response\nunit: A\nperiod: 2020\nid: R-17\nanswers: [1, 2, 3, 4, 5, 1, 2, 3, 4]\n' >"$d/feb.yaml"
cd "$d" && hme-score --skip-invalid jan.yaml feb.yaml
echo "exit $?"
rm -r "$d"
