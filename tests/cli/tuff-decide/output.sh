# --output (-o) writes the file and nothing to standard output.
work=$TMPDIR/work
mkdir "$work" || exit 1
out=$work/beslut.yaml
tuff-decide --output "$out" --by socialchef --date 2020-11-19 \
    --assign rullstol --reject planer,nybygge --owner Rehabenheten \
    challenges.yaml
echo "exit $?"
cat "$out"
