# A full disk is an error, not a silent truncation.
tuff-journey ranked.yaml >/dev/full
echo "yaml status $?"
tuff-journey --challenges ranked.yaml >/dev/full
echo "challenges status $?"
tuff-journey --format mermaid ranked.yaml >/dev/full
echo "mermaid status $?"
tuff-journey --format table ranked.yaml >/dev/full
echo "table status $?"
tuff-journey --help >/dev/full
echo "help status $?"
