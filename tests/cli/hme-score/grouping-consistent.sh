# Two groupings of the same data must not undo suppression (issue 7,
# item 15).  In the shipped example Kansli has 3 respondents in 2018
# (suppressed) and 5 in 2021 (published).  Published over both years,
# its 8 would give away 2018 by subtracting 2021; so --by unit hides
# Kansli, and with it Hållbarhetsintegrering, which would otherwise
# give Kansli away from the department's total.  The per-year figures
# are the same in every run.
f=../../../examples/hme/responses.yaml
echo "--by unit,period"
hme-score --format table "$f" | grep -E 'Kansli|integrering'
echo "--by unit"
hme-score --by unit --format table "$f"
echo "--by unit --rollup"
hme-score --by unit --rollup --format table "$f"
echo "--by period"
hme-score --by period --format table "$f"
