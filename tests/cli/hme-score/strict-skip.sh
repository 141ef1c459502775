# --strict with --skip-invalid: every invalid response is still
# reported, and counted, but as an error, and the run fails.
printf 'kind: hme-response\nunit: A\nperiod: 2020\nanswers: [6, 4, 4, 4, 4, 4, 4, 4, 4]\n' |
    hme-score --strict --skip-invalid
echo "exit $?"
