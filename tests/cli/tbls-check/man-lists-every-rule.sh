# tbls-check(1) describes every rule of the rulebook, with the severity
# the rulebook gives it, in the rulebook's order, and no rule the
# rulebook lacks.  A rule's entry is an ".It Cm ID Pq SEVERITY" line.
tbls-check --list-rules | awk '{ print $1, $2 }' >"$TMPDIR/table"
awk '/^\.It Cm [a-z]+\.[a-z-]+ Pq [a-z]+$/ { print $3, $5 }' \
    ../../../man/tbls-check.1 >"$TMPDIR/man"
diff "$TMPDIR/table" "$TMPDIR/man" && echo "$(wc -l <"$TMPDIR/man") rules"
