# The output of a long register onto a full disk: the reason, once.
. ../big.inc
notes 3000 >"$TMPDIR/big.yaml"
cat register.yaml >>"$TMPDIR/big.yaml"
tuff-decide --due --as-of 2021-04-01 "$TMPDIR/big.yaml" >/dev/full
echo "exit $?"
