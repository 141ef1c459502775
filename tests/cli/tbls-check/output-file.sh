# -o writes the file only when the run succeeds: a failed run (here a
# record without an owner) leaves the earlier file as it was.
out=$TMPDIR/uppfoljning.yaml
tbls-check --as-of 2022-06-01 --format gcc -o "$out" \
    kunskap.lessons-missing-fires.in
echo "status $?"
cat "$out"
cp "$out" "$TMPDIR/before"
tbls-check --as-of 2022-06-01 -o "$out" invalid-missing-owner.in
echo "status $?"
cmp -s "$out" "$TMPDIR/before" && echo "kept"
ls "$TMPDIR" | grep -c uppfoljning
