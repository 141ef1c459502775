# A duplicate key in a large mapping (sorted to be checked) is named at
# its first repeat in the text, not at the smallest repeated key.
{
	printf 'kind: assignment\nid: U-2022-001\ntitle: T\nowner: O\n'
	printf 'status: active\n'
	i=0
	while [ $i -lt 20 ]; do echo "x$i: $i"; i=$((i + 1)); done
	printf 'zz: 1\nzz: 2\nx3: again\n'
} >"$TMPDIR/a.yaml"
cd "$TMPDIR" && tbls-check a.yaml
echo "exit $?"
