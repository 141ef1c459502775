# The reader of the output goes away (| head -n 1).  With SIGPIPE
# ignored, as systemd starts services, the tool says "Broken pipe" once
# and exits 2; with SIGPIPE as usual it dies of it, silently, as every
# filter does.
. ../big.inc
notes 10000 >"$TMPDIR/big.yaml"
cat register.yaml >>"$TMPDIR/big.yaml"
(
	trap '' PIPE
	tuff-decide --due --as-of 2021-04-01 "$TMPDIR/big.yaml"
	echo "ignored: exit $?" >"$TMPDIR/status"
) | head -n 1
cat "$TMPDIR/status"
(
	env --default-signal=PIPE tuff-decide --due --as-of 2021-04-01 \
	    "$TMPDIR/big.yaml"
	echo "default: exit $?" >"$TMPDIR/status"
) | head -n 1
cat "$TMPDIR/status"
