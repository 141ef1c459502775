# --help in Swedish: the option names stay, the rest is translated.
LANG=sv_SE.UTF-8 tuff-decide --help
echo "exit $?"
