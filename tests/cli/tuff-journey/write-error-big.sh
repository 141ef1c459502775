# More output than stdio holds, onto a full disk: the first failed write
# is long past at the end, and its reason is still the one reported,
# once (it was "write error: Success").
. ../big.inc
journeys 3000 >"$TMPDIR/big.yaml"
tuff-journey "$TMPDIR/big.yaml" >/dev/full
echo "yaml: exit $?"
tuff-journey --challenges "$TMPDIR/big.yaml" >/dev/full
echo "challenges: exit $?"
tuff-journey --format mermaid "$TMPDIR/big.yaml" >/dev/full
echo "mermaid: exit $?"
tuff-journey --format table "$TMPDIR/big.yaml" >/dev/full
echo "table: exit $?"
