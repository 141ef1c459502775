# A register kept by hand, with comments (full lines, after values,
# before a "---", after the last record), quoting, flow style, blank
# lines and a file with Windows line ends: tuff-decide -o writes it
# back byte for byte around the records it adds.  The decision without
# an id is the only one it changes: it gets its id, and the comment
# lines before it stay.
work=$TMPDIR/work
mkdir "$work" || exit 1
cat register-hand.yaml register-crlf.yaml >"$work/register.yaml"
tuff-decide -o "$work/register.yaml" --by socialchef --date 2021-04-12 \
    --assign rullstol --defer nybygge --owner Rehabenheten \
    --due 2021-10-31 "$work/register.yaml" challenges.yaml
echo "exit $?"
# Everything before the decision it numbered is as it was.
keep=$(grep -n '^# Ett beslut' register-hand.yaml | cut -d: -f1)
head -n "$keep" register-hand.yaml >"$work/before"
head -n "$keep" "$work/register.yaml" | cmp - "$work/before" &&
    echo "the first $keep lines are as they were"
# And the file from Windows, after the changed decision.
sed -n '/^# Exporterat/,/^due: 2021-03-15/p' "$work/register.yaml" |
    cmp - register-crlf.yaml && echo "the Windows file is as it was"
echo "--- the rest:"
tail -n +"$((keep + 1))" "$work/register.yaml" | tr -d '\r'
# Once more over the result: nothing changes but what is new.
cp "$work/register.yaml" "$work/again.yaml"
tuff-decide --due --as-of 2021-04-12 "$work/again.yaml" >/dev/null &&
    echo "the result reads"
