# Each locale category does its own part: LC_MESSAGES alone gives the
# table Swedish words and the point, LC_NUMERIC alone English words and
# the decimal comma.  Records and the plain CSV keep the point under a
# Swedish locale; csv-sv writes its comma under any.
locale -a 2>/dev/null | grep -qix 'sv_SE\.utf-\?8' ||
    { echo "no sv_SE.UTF-8 locale" >&2; exit 77; }
f=data/kommun.yaml
echo "LANG=C LC_MESSAGES=sv_SE.UTF-8 --format table"
LANG=C LC_MESSAGES=sv_SE.UTF-8 hme-score --by period --format table "$f"
echo "LANG=C LC_NUMERIC=sv_SE.UTF-8 --format table"
LANG=C LC_NUMERIC=sv_SE.UTF-8 hme-score --by period --format table "$f"
echo "LANG=sv_SE.UTF-8 (records)"
LANG=sv_SE.UTF-8 hme-score --by period "$f"
echo "LANG=sv_SE.UTF-8 --format csv"
LANG=sv_SE.UTF-8 hme-score --by period --format csv "$f"
echo "LANG=C --format csv-sv"
LANG=C hme-score --by period --format csv-sv "$f" | tr -d '\r' |
    sed '1s/^\xef\xbb\xbf//'
