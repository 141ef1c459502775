# Each input file whose records are read again at the end is kept open
# until then, in at most half the descriptors the process may have (the
# files still to be opened, -o's file and the message catalog need
# theirs); the files beyond are held in the temporary file as a pipe
# is.  With room for 30 descriptors, forty long files pass through whole.
. ../big.inc
cd "$TMPDIR" || exit 1
i=1
while [ "$i" -le 40 ]; do
	notes 3000 | sed "s/^id: n-/id: f$i-/" >"in$i.yaml"
	set -- "$@" "in$i.yaml"
	i=$((i + 1))
done
(
	ulimit -n 30
	tuff-journey -o out.yaml "$@"
	echo "exit $?"
)
cat "$@" | cmp - out.yaml && echo "every file, as it was"
