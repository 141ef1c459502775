# With --strict, a warning is an error: -o leaves yesterday's file as
# it was; without it, the file is replaced and the warning stays one.
dir=$(mktemp -d)
echo "yesterday" >"$dir/resor.yaml"
printf 'kind: journey\nid: a\ntitle: A\nsteps: [{action: x, scor: 2}]\n' |
    tuff-journey --strict -o "$dir/resor.yaml"
echo "strict run: status $?"
cat "$dir/resor.yaml"
printf 'kind: journey\nid: a\ntitle: A\nsteps: [{action: x, scor: 2}]\n' |
    tuff-journey -o "$dir/resor.yaml"
echo "plain run: status $?"
cat "$dir/resor.yaml"
ls "$dir"
rm -r "$dir"
