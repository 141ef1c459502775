# --strict: a key that looks like a typo is an error, exit 2, and
# nothing is written.
printf 'kind: hme-response\nunit: A\nperiod: 2021\nansers: x\nanswers: [3, 3, 3, 3, 3, 3, 3, 3, 3]\n' |
    hme-score --strict --min-group 1
echo "exit $?"
