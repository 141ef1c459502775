# Without --date or --as-of a decision is dated today, and numbered in
# this year.
work=$TMPDIR/work
mkdir "$work" || exit 1
today=$(date +%F)
tuff-decide --by socialchef --defer rullstol,planer,nybygge \
    challenges.yaml >"$work/out"
grep -c "^date: $today\$" "$work/out"
grep -c "^id: B-${today%%-*}-00[123]\$" "$work/out"
