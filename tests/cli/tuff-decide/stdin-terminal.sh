# With no file and a terminal on standard input, the tool prints its
# usage instead of waiting for a paste, and exits 2.  The terminal is a
# pseudo-terminal from script(1); timeout stops a tool that would wait.
timeout 10 script -qec "tuff-decide --due" /dev/null >"$TMPDIR/tty.out"
echo "exit $?"
tr -d '\r' <"$TMPDIR/tty.out"
