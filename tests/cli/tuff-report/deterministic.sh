# The same records give the same bytes, whatever the order of the kinds
# in the stream (and whatever the order of the units and follow-ups).
tuff-report --format html --as-of 2021-04-01 month.yaml >"$TMPDIR/a"
awk 'BEGIN { RS = "\n---\n"; ORS = "\n---\n" } { r[NR] = $0 }
    END { for (i = NR; i >= 1; i--) print r[i] }' month.yaml \
    >"$TMPDIR/reversed.yaml"
tuff-report --format html --as-of 2021-04-01 "$TMPDIR/reversed.yaml" \
    >"$TMPDIR/b"
cmp "$TMPDIR/a" "$TMPDIR/b" && echo same
