# Without --as-of the follow-up is as of today, local time.
work=$TMPDIR/work
mkdir "$work" || exit 1
today=$(date +%F)
printf 'kind: assignment\nid: U-2021-001\ntitle: T\nowner: O\nstatus: active\nobstacles: [{obstacle: Utan datum}]\n' |
    tuff-decide --due | grep '^as_of:' >"$work/got"
echo "as_of: $today" | cmp -s - "$work/got" && echo "as of today"
