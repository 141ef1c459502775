# Each input file whose records are read again at the end is kept open
# until then, in at most half the descriptors the process may have (the
# files still to be opened, -o's file and the message catalog need
# theirs); the files beyond are held in the temporary file as a pipe
# is.  With room for 30 descriptors, forty long files pass through whole.
cd "$TMPDIR" || exit 1
# Forty files of 1,300 notes each (70 KiB, past the 64 KiB a run of
# text is held before the rest is read again), no two alike.
awk 'BEGIN {
	for (f = 1; f <= 40; f++)
		for (i = 1; i <= 1300; i++)
			printf "---\nkind: note\nid: f%d-%d\ntext: Något att komma ihåg\n",
			    f, i >"in" f ".yaml"
}'
set --
i=1
while [ "$i" -le 40 ]; do
	set -- "$@" "in$i.yaml"
	i=$((i + 1))
done
(
	ulimit -n 30
	tuff-journey -o out.yaml "$@"
	echo "exit $?"
)
cat "$@" | cmp - out.yaml && echo "every file, as it was"
