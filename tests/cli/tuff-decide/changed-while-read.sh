# Long runs of records passed on from a file are copied from it when
# the output is written.  A file changed after it was read, before
# then, may no longer hold the records that were read: the run fails,
# naming it, and writes nothing.  The second input is a pipe, opened
# only once the first has been read: the file is changed then.
. ../big.inc
cd "$TMPDIR" || exit 1
notes 3000 >big.yaml
cat "$OLDPWD/register.yaml" >reg.yaml
mkfifo more.yaml || exit 1
change() {
	tuff-decide --due --as-of 2021-04-01 big.yaml more.yaml >out &
	exec 3>more.yaml
	"$@"
	cat reg.yaml >&3
	exec 3>&-
	wait $!
	echo "exit $?, $(wc -c <out) bytes written"
}
# Longer.
change eval 'echo "# one line more" >>big.yaml'
# The same length, another byte (and a time the clock has left, so
# the write cannot fall within the same tick as the file's making).
notes 3000 >big.yaml
touch -d 2021-01-01 big.yaml
change eval 'printf x | dd of=big.yaml bs=1 seek=4 conv=notrunc 2>/dev/null'
# Not changed: the output is the file and the register's due list.
notes 3000 >big.yaml
change true
