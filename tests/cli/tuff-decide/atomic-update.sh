# The register is read and replaced in one run: the new decisions are
# numbered after the register's, and the file is replaced whole.
work=$TMPDIR/work
mkdir "$work" || exit 1
reg=$work/register.yaml
cp register.yaml "$reg"
tuff-decide -o "$reg" --by socialchef --date 2021-04-12 \
    --assign rullstol --defer planer,nybygge --owner Rehabenheten \
    --due 2021-10-31 "$reg" challenges.yaml
echo "exit $?"
ls -A "$work"
cmp -s register.yaml "$reg" && echo "register unchanged?"
grep -c '^kind: ' "$reg"
grep '^id: ' "$reg"
