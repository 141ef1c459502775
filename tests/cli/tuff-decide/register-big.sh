# A register large enough that tuff-decide copies its long runs of
# records from the file itself when it writes the output: -o onto the
# register reads it to the end, writes the new file beside it, and
# only then puts that in its place, so the copies come from the
# register as it was.  The result is the same as from a pipe.
. ../big.inc
cd "$TMPDIR" || exit 1
notes 3000 >notes.yaml
cat notes.yaml "$OLDPWD/register-hand.yaml" notes.yaml >register.yaml
cp register.yaml was.yaml
decide() {
	tuff-decide --by socialchef --date 2021-04-12 --assign rullstol \
	    --defer nybygge --owner Rehabenheten --due 2021-10-31 "$@"
}
cat was.yaml | decide - "$OLDPWD/challenges.yaml" >piped
echo "from a pipe: exit $?"
decide -o register.yaml register.yaml "$OLDPWD/challenges.yaml"
echo "onto itself: exit $?"
cmp register.yaml piped && echo "the same register"
n=$(wc -c <notes.yaml)
head -c "$n" register.yaml | cmp - notes.yaml && echo "it starts as it did"
grep -c "^kind: note$" register.yaml
grep -c "^kind: decision$" was.yaml register.yaml
