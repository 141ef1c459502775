# A run that fails leaves the register byte for byte as it was, and
# no temporary file behind: an undecided challenge, bad input, an
# unknown id, a refusal of the delegation order.
work=$TMPDIR/work
mkdir "$work" || exit 1
reg=$work/register.yaml
cp register.yaml "$reg"
try() {
	tuff-decide -o "$reg" "$@" "$reg" challenges.yaml 2>/dev/null
	echo "exit $?"
	cmp register.yaml "$reg" && echo "register intact"
	ls -A "$work"
}
try --by socialchef --assign rullstol --owner Rehabenheten
try --by socialchef --defer rullstol,planer,nybygge,saknas
try --by sektionschef --assign rullstol,planer,nybygge --owner X
tuff-decide -o "$reg" --by socialchef --defer rullstol,planer,nybygge \
    "$reg" challenges.yaml bad/malformed.yaml 2>/dev/null
echo "exit $?"
cmp register.yaml "$reg" && echo "register intact"
ls -A "$work"
