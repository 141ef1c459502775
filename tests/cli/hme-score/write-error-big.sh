# Records of other kinds pass through as they come: 3000 of them onto a
# full disk fail long before the end, and the reason is reported once.
. ../big.inc
notes 3000 >"$TMPDIR/big.yaml"
cat data/kommun.yaml >>"$TMPDIR/big.yaml"
hme-score "$TMPDIR/big.yaml" >/dev/full
echo "exit $?"
