# Under a Swedish locale the gcc format keeps its shape (file, line,
# column, severity, record id, rule id) and gives the finding in Swedish.
LANG=sv_SE.UTF-8 tbls-check --as-of 2022-06-01 --summary --format gcc \
    <stream-order-gcc.in
echo "exit $?"
