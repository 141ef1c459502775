# A count of one is singular: "1 record of another kind", in the table
# and in the diagrams; two are plural.
printf 'kind: note\ntext: en anteckning\n---\n' >"$TMPDIR/one.yaml"
cat enrich.in >>"$TMPDIR/one.yaml"
tuff-journey --format table "$TMPDIR/one.yaml" >/dev/null
tuff-journey --format mermaid "$TMPDIR/one.yaml" >/dev/null
printf 'kind: note\ntext: en till\n---\n' | cat - "$TMPDIR/one.yaml" |
    tuff-journey --format table >/dev/null
echo "exit $?"
