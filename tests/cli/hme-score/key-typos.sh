# A key that looks like a typo of an hme-response key is warned about,
# with its position and the key it looks like, whether kind comes first
# (the event-level fast path) or later (the record is built as a tree):
# the two paths say the same.  A key that resembles none (note) is the
# user's own and passes quietly; an item id in capitals is refused with
# the id it looks like.
fast='kind: hme-response
unit: A
period: 2021
Id: r1
note: x
answers: [3, 3, 3, 3, 3, 3, 3, 3, 3]
anwsers: [1]
'
tree='unit: A
period: 2021
Id: r1
note: x
answers: [3, 3, 3, 3, 3, 3, 3, 3, 3]
anwsers: [1]
kind: hme-response
'
printf '%s' "$fast" | hme-score --min-group 1 2>"$TMPDIR/fast.err"
echo "exit $?"
cat "$TMPDIR/fast.err"
printf '%s' "$tree" | hme-score --min-group 1 2>"$TMPDIR/tree.err" >/dev/null
echo "exit $?"
cat "$TMPDIR/tree.err"
printf 'kind: hme-response\nunit: A\nperiod: 2021\nanswers: {M1: 3}\n' |
    hme-score --min-group 1
echo "exit $?"
