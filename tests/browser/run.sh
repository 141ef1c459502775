#!/bin/sh
# The example month's report in a real browser: run.sh BUILD_DIR [PNG]
#
# The page is made as cron makes it (examples/monthly-followup.sh for
# 1 April 2021), then:
#   - it needs nothing from elsewhere: no script, no link, no image, no
#     url() or @import, no address but the SVG namespace;
#   - Chromium renders it to a screenshot that is not blank (many
#     colours, much of it not background);
#   - Chromium prints it to an A4 PDF with a page for each of the sections
#     that start one.
# With PNG, the whole page is also rendered at 1100 pixels wide into
# PNG, for examples/uppfoljning-2021-04.png.
#
# Without Chromium the test is skipped (status 77) and says so; .ci/run
# installs it.  That the page is valid HTML is valid.sh's test, which
# needs no browser.
set -u
build=${1:?usage: run.sh BUILD_DIR [PNG]}
png=${2:-}
here=$(cd "$(dirname "$0")" && pwd) || exit 99
top=$(cd "$here/../.." && pwd) || exit 99
case $build in
/*) ;;
*) build=$(pwd)/$build ;;
esac

chromium=
for c in chromium chromium-browser google-chrome; do
	if command -v "$c" >/dev/null 2>&1; then
		chromium=$(command -v "$c")
		break
	fi
done
if [ -z "$chromium" ]; then
	echo "browser test skipped: no chromium on PATH (apt-get install chromium)"
	exit 77
fi

tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
fail=0

PATH=$build:$PATH sh "$top/examples/monthly-followup.sh" 2021-04-01 \
    "$tmp/report.html" >/dev/null || {
	echo "FAIL: monthly-followup.sh did not make the page"
	exit 1
}

# Self-contained: whatever the browser would fetch is not there.
if grep -n -i -E '<script|<link|<img|<iframe|<object|@import|url\(' \
    "$tmp/report.html"; then
	echo "FAIL: the page refers to something outside it"
	fail=1
fi
if grep -o -E '[a-z]+://[^" ]*' "$tmp/report.html" |
    grep -v -x 'http://www.w3.org/2000/svg'; then
	echo "FAIL: the page holds an address"
	fail=1
fi

# Chromium as root, offline, with a profile of its own each time.
browse() {
	profile=$tmp/profile.$1
	shift
	mkdir "$profile" || exit 99
	timeout 300 "$chromium" --headless --no-sandbox --disable-gpu \
	    --disable-quic --no-first-run --disable-background-networking \
	    --disable-component-update --disable-sync --hide-scrollbars \
	    --user-data-dir="$profile" "$@" "file://$tmp/report.html" \
	    >>"$tmp/chromium.log" 2>&1
}

browse shot --window-size=1100,1600 --force-device-scale-factor=0.5 \
    --screenshot="$tmp/shot.png"
if [ ! -s "$tmp/shot.png" ]; then
	echo "FAIL: chromium wrote no screenshot"
	tail -n 5 "$tmp/chromium.log"
	fail=1
elif ! python3 "$here/check.py" png "$tmp/shot.png"; then
	fail=1
fi

browse pdf --no-pdf-header-footer --print-to-pdf="$tmp/report.pdf"
if [ ! -s "$tmp/report.pdf" ]; then
	echo "FAIL: chromium wrote no PDF"
	tail -n 5 "$tmp/chromium.log"
	fail=1
elif ! python3 "$here/check.py" pdf "$tmp/report.pdf"; then
	fail=1
fi

if [ -n "$png" ] && [ "$fail" = 0 ]; then
	browse page --window-size=1100,16000 --screenshot="$tmp/page.png" &&
	    python3 "$here/check.py" crop "$tmp/page.png" "$png" || fail=1
fi
exit $fail
