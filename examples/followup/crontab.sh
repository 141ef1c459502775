#!/bin/sh
# The lines in examples/crontab, run as cron would run them on 1 April
# 2021 at 06.00: in cron's own environment (PATH=/usr/bin:/bin and
# little else) with the crontab's variable lines applied, and its
# command, with /srv/tuff replaced by a copy of the register and the
# script and /usr/local/bin by a directory where the tools are
# installed, \% turned into % as cron does, and date answering for that
# day.  It mails the report (the same as monthly-2021-04.sh; its
# heading is shown here) and writes uppfoljning/2021-04.html, which is
# the page shipped beside this directory as uppfoljning-2021-04.html
# (and uppfoljning-2021-04.png, how Chromium shows it).
here=$(cd "$(dirname "$0")/.." && pwd) || exit 2
work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT
cp -R "$here/monthly-followup.sh" "$here/register.yaml" "$here/kickoff" \
    "$here/hme" "$work/" &&
    mkdir "$work/uppfoljning" "$work/local" || exit 2
# "meson install": the tools the tests run, in the crontab's directory.
for t in tuff-journey tuff-decide tbls-check hme-score tuff-report; do
	p=$(command -v "$t") || exit 2
	ln -s "$p" "$work/local/$t" || exit 2
done
cat >"$work/local/date" <<'EOT'
#!/bin/sh
case $* in
+%F)	echo 2021-04-01 ;;
+%Y-%m)	echo 2021-04 ;;
*)	echo "date: unexpected $*" >&2; exit 1 ;;
esac
EOT
chmod +x "$work/local/date"
crontab=$(grep -v '^#' "$here/crontab" | grep -v '^$' |
    sed -e "s|/srv/tuff|$work|" -e "s|/usr/local/bin|$work/local|")
cmd=$(printf '%s\n' "$crontab" | grep -v '^[A-Za-z_][A-Za-z0-9_]*=' |
    cut -d ' ' -f 6- | sed 's/\\%/%/g')
vars=$(printf '%s\n' "$crontab" | grep '^[A-Za-z_][A-Za-z0-9_]*=')
env -i HOME="$work" LOGNAME=cron SHELL=/bin/sh PATH=/usr/bin:/bin $vars \
    /bin/sh -c "$cmd" >"$work/mail" || exit 1
head -n 1 "$work/mail"
cd "$work" && ls uppfoljning
if cmp -s uppfoljning/2021-04.html "$here/uppfoljning-2021-04.html"; then
	echo "uppfoljning/2021-04.html is uppfoljning-2021-04.html"
else
	echo "uppfoljning/2021-04.html differs from uppfoljning-2021-04.html:"
	diff uppfoljning/2021-04.html "$here/uppfoljning-2021-04.html" |
	    head -n 40
fi
