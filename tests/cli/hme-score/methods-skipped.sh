# Both methods on six responses of which one skips a question, worked
# by hand.  Five people answer 4 to everything (75 points each); the
# sixth answers m1 with 1 (0 points), skips m2, and answers 4 to the
# rest.
#
# --method item (the default), each question over those who answered it:
#   m1 = (5 * 75 + 0) / 6 = 62.5, m2 = 75.0 (5 answers), m3 = 75.0
#   motivation = (62.5 + 75 + 75) / 3 = 70.833... -> 70.8
#   leadership = governance = 75.0
#   index = (62.5 + 8 * 75) / 9 = 73.611... -> 73.6
# --method respondent, each subindex over those who answered all three:
#   motivation over the five who answered m1 to m3: 75.0 (the sixth's
#   1 does not count); leadership and governance over all six: 75.0;
#   index 75.0
# With --min-group 6 the item method leaves out m2 (5 answers), and so
# motivation and the index; the respondent method's motivation rests
# on 5 complete answers and goes too.
in=$(cat)
for m in item respondent; do
	echo "--method $m"
	printf '%s\n' "$in" | hme-score --method $m
	echo "--method $m --min-group 6"
	printf '%s\n' "$in" | hme-score --method $m --min-group 6 \
	    --format table
done
