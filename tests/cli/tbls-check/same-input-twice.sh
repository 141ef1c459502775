# The same data twice is refused, exit 2, before anything is read when
# the files say so, and when a pipe ends when it is standard input.
here=$(pwd)
cd "$TMPDIR" || exit 99
cp "$here/kunskap.lessons-missing-fires.in" a.yaml && cp a.yaml copy.yaml ||
    exit 99
check() {
	tbls-check --as-of 2022-06-01 --format gcc "$@"
	echo "exit $?"
}
echo "--- the same file twice"
check a.yaml a.yaml
echo "--- a copy"
check a.yaml copy.yaml
echo "--- standard input twice"
check - - <a.yaml
echo "--- a pipe, then the file"
cat a.yaml | check - a.yaml
echo "--- the file, then a pipe"
cat a.yaml | check a.yaml -
