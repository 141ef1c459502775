#!/bin/sh
# A manual check, not part of the suite (it needs npm packages, which
# CI does not install): tuff-journey --format mermaid on N generated
# journeys of hostile text (# ; : % < > & entity-like words, Mermaid's
# own placeholder characters), each diagram rendered by Mermaid 11 in
# Debian's Chromium, and the texts it shows compared with those written.
#
# Once, with network:
#	mkdir /tmp/mm && cd /tmp/mm && npm install mermaid@11 puppeteer-core
# Then, from the source tree with a build in build/:
#	MERMAID_DIR=/tmp/mm sh tests/mermaid/run.sh [N [SEED]]
# It prints "N diagrams, 0 differ" and exits 0, or shows the first
# diagrams that differ and exits 1.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=${TUFF_BIN_DIR:-$here/../../build}
n=${1:-300}
seed=${2:-11}
: "${MERMAID_DIR:?set MERMAID_DIR to a folder where npm installed mermaid and puppeteer-core}"
js=$MERMAID_DIR/node_modules/mermaid/dist/mermaid.min.js
[ -r "$js" ] || { echo "run.sh: no $js" >&2; exit 2; }
[ -x /usr/bin/chromium ] || { echo "run.sh: no /usr/bin/chromium" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && python3 "$here/gen.py" "$n" "$seed")
"$bin/tuff-journey" --format mermaid "$tmp/gen.yaml" >"$tmp/gen.md"
echo "mermaid $(node -p "require('$MERMAID_DIR/node_modules/mermaid/package.json').version")"
NODE_PATH=$MERMAID_DIR/node_modules node "$here/verify.js" \
    "$tmp/gen.md" "$tmp/gen.json" "$js"
