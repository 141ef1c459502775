# -o writes the file only when the run succeeds: a failed run leaves
# yesterday's file as it was, and no temporary file behind.
mkdir "$TMPDIR/o" || exit 1
out=$TMPDIR/o/journeys.txt
echo 'old contents' >"$out"
tuff-journey -o "$out" missing-id.in
echo "status $?"
cat "$out"
tuff-journey --format table -o "$out" ranked.yaml
echo "status $?"
cat "$out"
ls "$TMPDIR/o"
