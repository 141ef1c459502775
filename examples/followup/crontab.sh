#!/bin/sh
# The line in examples/crontab, run as cron would run it on 1 April
# 2021 at 06.00: its command, with /srv/tuff replaced by a copy of the
# register and the script, \% turned into % as cron does, and date
# answering for that day.  It mails the report (the same as
# monthly-2021-04.sh; its heading is shown here) and writes
# uppfoljning/2021-04.html, which is the page shipped beside this
# directory as uppfoljning-2021-04.html (and uppfoljning-2021-04.png,
# how Chromium shows it).
here=$(cd "$(dirname "$0")/.." && pwd) || exit 2
work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT
cp -R "$here/monthly-followup.sh" "$here/register.yaml" "$here/kickoff" \
    "$here/hme" "$work/" &&
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
PATH=$work/bin:$PATH sh -c "$cmd" >"$work/mail" || exit 1
head -n 1 "$work/mail"
cd "$work" && ls uppfoljning
if cmp -s uppfoljning/2021-04.html "$here/uppfoljning-2021-04.html"; then
	echo "uppfoljning/2021-04.html is uppfoljning-2021-04.html"
else
	echo "uppfoljning/2021-04.html differs from uppfoljning-2021-04.html:"
	diff uppfoljning/2021-04.html "$here/uppfoljning-2021-04.html" |
	    head -n 40
fi
