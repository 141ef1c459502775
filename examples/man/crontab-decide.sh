#!/bin/sh
# tuff-decide(1), tuff(7): the crontab line in crontab-decide does what
# it says, run as cron would on 1 April 2021 (with a date that says so).
here=$(cd "$(dirname "$0")/.." && pwd) || exit 2
work=$TMPDIR/srv
mkdir -p "$work/uppfoljning" "$work/bin" && cp "$here/register.yaml" "$work/" ||
    exit 2
cat >"$work/bin/date" <<'EOT'
case $* in
+%F)	echo 2021-04-01 ;;
+%Y-%m)	echo 2021-04 ;;
*)	echo "date: unexpected $*" >&2; exit 1 ;;
esac
EOT
chmod +x "$work/bin/date"
# The PATH line is cron's (tested by examples/followup); the command
# is the line's sixth field on.
cmd=$(grep -v '^PATH=' "$here/man/crontab-decide" | cut -d ' ' -f 6-)
cmd=$(printf '%s\n' "$cmd" | sed -e "s|/srv/tuff|$work|" -e 's/\\%/%/g')
PATH=$work/bin:$PATH sh -c "$cmd" || exit 1
grep -c '^kind: follow-up$' "$work/uppfoljning/2021-04.yaml"
