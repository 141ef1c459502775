# hme-score --help in Swedish, asked for by LANG as a user would.
locale -a 2>/dev/null | grep -qix 'sv_SE\.utf-\?8' ||
    { echo "no sv_SE.UTF-8 locale" >&2; exit 77; }
LANG=sv_SE.UTF-8 hme-score --help
