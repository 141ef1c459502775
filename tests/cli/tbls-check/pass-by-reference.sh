# Long runs of records passed on from a regular file are copied from
# that file when the output is written, not held in the temporary file;
# the output is the same as when the same bytes come through pipes,
# which are held whole: findings at their place between two long runs,
# a first file with no line break at its end, a second that starts
# with a byte order mark.
. ../big.inc
cd "$TMPDIR" || exit 1
notes 3000 >notes.yaml
cat notes.yaml "$OLDPWD/fidelity.yaml" notes.yaml >one.yaml
printf '# no line break after this' >>one.yaml
printf '\357\273\277' >two.yaml
cat notes.yaml >>two.yaml
tbls-check --fail-on never --as-of 2022-09-01 one.yaml two.yaml >files
echo "from files: exit $?"
# The same names, for the findings' file: pipes in a folder of their own.
mkdir p && mkfifo p/one.yaml p/two.yaml || exit 1
cat one.yaml >p/one.yaml &
cat two.yaml >p/two.yaml &
(cd p && tbls-check --fail-on never --as-of 2022-09-01 one.yaml two.yaml) \
    >pipes
echo "from pipes: exit $?"
wait
cmp files pipes && echo "the same output"
grep -c "^kind: finding$" files
n=$(wc -c <notes.yaml)
head -c "$n" files | cmp - notes.yaml && echo "it starts as one.yaml"
tail -c "$((n + 27))" files | head -c 27
tail -c "$n" files | cmp - notes.yaml && echo "it ends as two.yaml, without the mark"
