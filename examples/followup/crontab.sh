#!/bin/sh
# The lines in examples/crontab, run as cron would run them on 1 April
# 2021 at 06.00: in cron's own environment (PATH=/usr/bin:/bin and
# little else) with the crontab's variable lines applied, and its
# command, with /srv/tuff replaced by a copy of the register and the
# script and /usr/local/bin by a directory where the tools are
# installed, \% turned into % as cron does, and date answering for that
# day.  It writes uppfoljning/2021-04.yaml, shown here: the same as
# monthly-2021-04.sh.
here=$(cd "$(dirname "$0")/.." && pwd) || exit 2
work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT
cp -R "$here/monthly-followup.sh" "$here/monthly-summary.awk" \
    "$here/register.yaml" "$here/kickoff" "$here/hme" "$work/" &&
    mkdir "$work/uppfoljning" "$work/local" || exit 2
# "meson install": the tools the tests run, in the crontab's directory.
for t in tuff-journey tuff-decide tbls-check hme-score; do
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
    /bin/sh -c "$cmd" || exit 1
cat "$work/uppfoljning/2021-04.yaml"
