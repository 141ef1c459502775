# Standard output opened on the input file itself without truncating
# it (1<>file) is written from the file's start when the run ends:
# what the run passes on from that file must not be read from it
# again then, or the findings written before would overwrite records
# not yet copied.  It is held in the temporary file instead, and the
# file ends up as the output written elsewhere.
. ../big.inc
cd "$TMPDIR" || exit 1
notes 3000 >notes.yaml
cat notes.yaml "$OLDPWD/fidelity.yaml" notes.yaml >one.yaml
tbls-check --fail-on never --as-of 2022-09-01 one.yaml >want.yaml
echo "elsewhere: exit $?"
tbls-check --fail-on never --as-of 2022-09-01 one.yaml 1<>one.yaml
echo "onto itself: exit $?"
cmp one.yaml want.yaml && echo "the same output"
