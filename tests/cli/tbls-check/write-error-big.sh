# A stream of 150 journeys onto a full disk: the reason, once (it was
# "error: write error" with none).  And the rulebook.
. ../big.inc
journeys 150 >"$TMPDIR/big.yaml"
{ echo ---; cat kunskap.lessons-missing-fires.in; } >>"$TMPDIR/big.yaml"
tbls-check --as-of 2022-06-01 "$TMPDIR/big.yaml" >/dev/full
echo "yaml: exit $?"
tbls-check --list-rules >/dev/full
echo "list-rules: exit $?"
