#!/bin/sh
# The line in examples/crontab, run as cron would run it on 1 April
# 2021 at 06.00: its command, with /srv/tuff replaced by a copy of the
# register and the script, \% turned into % as cron does, and date
# answering for that day.  It writes uppfoljning/2021-04.yaml, shown
# here: the same as monthly-2021-04.sh.
here=$(cd "$(dirname "$0")/.." && pwd) || exit 2
work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT
cp -R "$here/monthly-followup.sh" "$here/monthly-summary.awk" \
    "$here/register.yaml" "$here/kickoff" "$here/hme" "$work/" &&
    mkdir "$work/uppfoljning" "$work/bin" || exit 2
cat >"$work/bin/date" <<'EOT'
#!/bin/sh
case $* in
+%F)	echo 2021-04-01 ;;
+%Y-%m)	echo 2021-04 ;;
*)	echo "date: unexpected $*" >&2; exit 1 ;;
esac
EOT
chmod +x "$work/bin/date"
cmd=$(grep -v '^#' "$here/crontab" | grep -v '^$' | cut -d ' ' -f 6-)
cmd=$(printf '%s\n' "$cmd" | sed -e "s|/srv/tuff|$work|" -e 's/\\%/%/g')
PATH=$work/bin:$PATH sh -c "$cmd" || exit 1
cat "$work/uppfoljning/2021-04.yaml"
