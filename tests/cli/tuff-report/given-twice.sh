# A duplicate names both places; when the run can tell that the second
# file holds the same data as the first (a pipe that repeats the file
# named before it), it asks whether it was given twice.
cat month.yaml | tuff-report --as-of 2021-04-01 month.yaml -
echo "exit $?"
sed 's/^title: Anmäla trasig rullstol till rehab$/title: Ny/' month.yaml |
    tuff-report --as-of 2021-04-01 month.yaml -
echo "exit $?"
# A copy is refused before anything is read.
here=$(pwd)
cd "$TMPDIR" || exit 99
cp "$here/month.yaml" month.yaml && cp month.yaml copy.yaml || exit 99
tuff-report --as-of 2021-04-01 month.yaml copy.yaml
echo "exit $?"
