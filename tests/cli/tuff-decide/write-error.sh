# A full disk is an error, not a silent loss.
tuff-decide --due --as-of 2021-04-01 register.yaml >/dev/full
echo "exit $?"
