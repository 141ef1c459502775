# -o FILE: a device, a FIFO, a directory or a link to standard output is
# refused and left as it is; a chain of links is followed and the file
# it points at replaced, keeping its mode; a dangling link and a loop
# are refused; a name of 255 bytes works; a missing directory is named;
# a file another run holds is refused at once.
. ../output-edges.inc
edges tuff-report --as-of 2021-04-01 "$(pwd)/month.yaml"
