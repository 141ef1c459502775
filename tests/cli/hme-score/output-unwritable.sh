# -o into a folder that does not exist: an error, exit 2.
hme-score -o /nonexistent/dir/hme.yaml data/kommun.yaml
echo "status $?"
