# tuff-decide holds what passes through in a temporary file until the
# run is known to succeed.  When that file cannot grow (a file size
# limit here, a full /tmp in life), the run fails naming the
# temporary file's directory and the reason, and writes nothing.
. ../big.inc
notes 3000 >"$TMPDIR/big.yaml"
cat register.yaml >>"$TMPDIR/big.yaml"
trap '' XFSZ
(
	ulimit -f 64	# 32 KiB; the output goes to a pipe, not a file
	TMPDIR=/tmp tuff-decide --due --as-of 2021-04-01 "$TMPDIR/big.yaml"
	echo "exit $?" >&2
) | wc -c
