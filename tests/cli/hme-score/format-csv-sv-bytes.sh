# What Swedish Excel opens by double-click: a byte order mark, ';'
# between fields, a decimal comma and CRLF line ends (sed l shows
# them: \357\273\277 and \r).
hme-score --format csv-sv --min-group 5 | sed -n l
