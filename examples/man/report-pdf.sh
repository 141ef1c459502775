#!/bin/sh
# tuff-report(1): the month's page as a PDF for the board pack, printed
# by Chromium on A4.  Run by hand (it needs chromium; as root add
# --no-sandbox); the suite's browser test prints the same page.  Says
# where the PDF is.
here=$(cd "$(dirname "$0")/.." && pwd) || exit 2
cd "$(mktemp -d)" && mkdir uppfoljning || exit 2
cp "$here/uppfoljning-2021-04.html" uppfoljning/2021-04.html || exit 2
chromium --headless --print-to-pdf=uppfoljning/2021-04.pdf \
    uppfoljning/2021-04.html || exit 2
echo "$PWD/uppfoljning/2021-04.pdf"
