# The same register twice is refused, exit 2, and nothing is written:
# before anything is read when the files say so, and when a pipe on
# standard input ends.  With -o the old file stays.
here=$(pwd)
cd "$TMPDIR" || exit 99
cp "$here/register.yaml" register.yaml && cp register.yaml copy.yaml ||
    exit 99
cp register.yaml before.yaml
due() {
	tuff-decide --due --as-of 2021-04-01 "$@"
	echo "exit $?"
}
echo "--- the same file twice"
due register.yaml register.yaml
echo "--- a copy"
due register.yaml copy.yaml
echo "--- standard input twice"
due - - <register.yaml
echo "--- a pipe, then the file"
cat register.yaml | due - register.yaml
echo "--- the file, then a pipe, with -o"
cat register.yaml | due -o register.yaml register.yaml -
cmp -s before.yaml register.yaml && echo "register.yaml is as it was"
