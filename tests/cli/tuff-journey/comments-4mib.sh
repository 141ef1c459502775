# More comments in a row than a record may carry: said as that, where
# they start, not as a record too large at 1:1.
awk 'BEGIN { print "kind: journey\nid: a\ntitle: T\nsteps: [{action: A}]"
	for (i = 0; i < 400000; i++) print "# kommentar, rad " i }' >"$TMPDIR/c.yaml"
cd "$TMPDIR" && tuff-journey c.yaml >/dev/null
