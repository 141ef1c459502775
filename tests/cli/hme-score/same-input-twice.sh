# The same data twice is refused, exit 2: three real people must never
# be published as six.  The same file named twice and a copy of it are
# refused before anything is read; standard input from a pipe cannot be
# told by its device and inode, so its content is compared when it
# ends.  Two empty files are no data twice.
here=$(pwd)
cd "$TMPDIR" || exit 99
cat >small.yaml <<'EOT'
kind: hme-response
unit: Kommun/Vård
period: 2021
answers: [5, 4, 5, 4, 5, 5, 4, 4, 5]
---
kind: hme-response
unit: Kommun/Vård
period: 2021
answers: [3, 3, 3, 3, 3, 3, 3, 3, 3]
---
kind: hme-response
unit: Kommun/Vård
period: 2021
answers: [4, 4, 4, 4, 4, 4, 4, 4, 4]
EOT
cp small.yaml copy.yaml
printf 'unit;period;m1;m2;m3;l1;l2;l3;s1;s2;s3\n' >small.csv
sed -n 's/^answers: \[\(.*\)\]/Kommun\/Vård;2021;\1/p' small.yaml |
    sed 's/, /;/g' >>small.csv
cp small.csv copy.csv
echo "--- the issue's own: the same file twice"
hme-score --format table --min-group 3 small.yaml small.yaml
echo "exit $?"
echo "--- and piped in as well"
cat small.yaml | hme-score --format table --min-group 3 - small.yaml
echo "exit $?"
cat small.yaml | hme-score --format table --min-group 3 small.yaml -
echo "exit $?"
echo "--- a copy, a hard link, another spelling"
hme-score --min-group 3 small.yaml copy.yaml
echo "exit $?"
ln small.yaml hard.yaml
hme-score --min-group 3 small.yaml hard.yaml
echo "exit $?"
hme-score --min-group 3 small.yaml ./small.yaml
echo "exit $?"
echo "--- standard input twice"
hme-score --min-group 3 - - <small.yaml
echo "exit $?"
echo "--- CSV the same"
hme-score --csv --min-group 3 small.csv small.csv
echo "exit $?"
hme-score --csv --min-group 3 small.csv copy.csv
echo "exit $?"
cat small.csv | hme-score --csv --min-group 3 - small.csv
echo "exit $?"
echo "--- empty files are no data: read as usual"
: >e1.yaml
: >e2.yaml
hme-score --format table --min-group 3 e1.yaml small.yaml e2.yaml
echo "exit $?"
