# A file and the same data piped in after it: the first duplicate id
# comes before the pipe ends, and says the two inputs hold the same
# content, as the input layer would at its end.  Different data with
# the same ids is a response read twice.
cd "$TMPDIR" || exit 99
printf 'kind: hme-response\nid: R-17\nunit: A\nperiod: 2020\nanswers: [1, 2, 3, 4, 5, 1, 2, 3, 4]\n' >ids.yaml
cat ids.yaml | hme-score ids.yaml -
echo "exit $?"
sed 's/2020/2021/' ids.yaml | hme-score ids.yaml -
echo "exit $?"
