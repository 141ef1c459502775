# Records passed on from a regular file are copied from it when the
# output is written, from where each record's text lies in the file:
# standard input that is a file is read from where it stands (a shell
# script may have read its first line), and a byte order mark is not
# text.  Each run writes the records as they are in the file.
. ../big.inc
cd "$TMPDIR" || exit 1
notes 3000 >notes.yaml
{ echo "# read by someone else"; cat notes.yaml; } >skip.yaml
(read -r line; echo "$line"; tuff-journey) <skip.yaml >out
head -n 1 out
tail -n +2 out | cmp - notes.yaml && echo "standard input: from its offset"
tuff-journey <skip.yaml | cmp - skip.yaml && echo "standard input: whole"
{ printf '\357\273\277'; cat notes.yaml; } >bom.yaml
tuff-journey bom.yaml | cmp - notes.yaml && echo "byte order mark: left out"
tuff-journey <bom.yaml | cmp - notes.yaml &&
    echo "byte order mark on standard input: left out"
