# The same data twice is refused, exit 2.  The same file named twice and
# a copy of it are refused before anything is read (nothing written);
# standard input from a pipe is compared when it ends: when it comes
# first, before the file that repeats it is read; when it comes last,
# once it has been read, and the duplicate ids found on the way are
# reported as well.  A run that fails writes nothing (the output is
# held to the end).  Two empty files are no data twice.
here=$(pwd)
cd "$TMPDIR" || exit 99
# journeys ARG...: the run's exit status and how many records it wrote.
journeys() {
	tuff-journey "$@" >out.yaml
	echo "exit $?, $(grep -c '^kind' out.yaml) records written"
}
cp "$here/ranked.yaml" a.yaml && cp a.yaml copy.yaml || exit 99
echo "--- the same file twice"
journeys a.yaml ./a.yaml
echo "--- a copy"
journeys a.yaml copy.yaml
echo "--- standard input twice"
journeys - - <a.yaml
echo "--- a pipe, then the file"
cat a.yaml | journeys - a.yaml
echo "--- the file, then a pipe"
cat a.yaml | journeys a.yaml -
echo "--- empty files are no data"
: >e1.yaml
: >e2.yaml
journeys e1.yaml a.yaml e2.yaml
