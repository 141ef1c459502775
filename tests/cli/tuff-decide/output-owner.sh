# -o keeps the owner, group and mode of the file it replaces: root
# updating a colleague's private register does not lock them out.
# Giving a file to another user needs root (CI runs as root).
if [ "$(id -u)" != 0 ]; then
	echo "skipped: giving a file to another user needs root" >&2
	exit 77
fi
here=$(pwd)
cd "$TMPDIR" || exit 99
cp "$here/register.yaml" register.yaml || exit 99
if ! chown 12345:23456 register.yaml 2>/dev/null; then
	echo "skipped: root cannot give a file to uid 12345 here" >&2
	exit 77
fi
chmod 640 register.yaml || exit 99
tuff-decide --due --as-of 2021-04-01 -o register.yaml register.yaml
echo "exit $?"
LC_ALL=C stat -c '%u %g %a %F' register.yaml
grep -c '^kind: follow-up' register.yaml
