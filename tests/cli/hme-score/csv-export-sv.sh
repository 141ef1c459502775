# A survey tool's export as Swedish Excel saves it: a byte order mark,
# ';', CRLF, columns named in Swedish and by SKR's question text (some
# in NFD, in capitals, with a trailing '.' and spaces), a response id,
# a question skipped, and Excel's empty rows at the end.  No --column
# is needed; the file is read as CSV because its name ends in .csv.
d=$(mktemp -d)
cat >"$d/export.csv"
cd "$d" && hme-score --items --format table export.csv
rm -r "$d"
