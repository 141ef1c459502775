# A full disk is an error, for the report and for --help alike.
tuff-report --as-of 2021-04-01 month.yaml >/dev/full
echo "status $?"
tuff-report --help >/dev/full
echo "status $?"
