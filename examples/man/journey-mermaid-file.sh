#!/bin/sh
# tuff-journey(1), tuff(7): diagrams for the wiki page, in a file that is
# replaced only when every journey is valid; the same as on standard
# output.
here=$(cd "$(dirname "$0")/.." && pwd) || exit 2
cd "$TMPDIR" && cp "$here/kickoff/journeys.yaml" . || exit 2
tuff-journey --format mermaid -o resor.md journeys.yaml || exit 2
tuff-journey --format mermaid journeys.yaml | cmp - resor.md &&
    grep -c '^journey$' resor.md
