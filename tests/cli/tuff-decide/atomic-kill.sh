# A run killed while it reads (here from a pipe that never ends) leaves
# the register as it was: nothing is written before all is read.
work=$TMPDIR/work
mkdir "$work" || exit 1
reg=$work/register.yaml
fifo=$work/fifo
cp register.yaml "$reg"
mkfifo "$fifo" || exit 1
# Writes the new challenges, then holds the pipe open.
{ cat challenges.yaml; exec sleep 30; } >"$fifo" &
writer=$!
# timeout kills itself too; the shell that says "Killed" is a subshell
# whose standard error goes nowhere.
(timeout -s KILL 2 tuff-decide -o "$reg" --by socialchef \
    --defer rullstol,planer,nybygge "$reg" "$fifo"
    echo $? >"$work/status") 2>/dev/null
status=$(cat "$work/status")
kill "$writer" 2>/dev/null
wait "$writer" 2>/dev/null
echo "exit $status (killed: 137)"
cmp register.yaml "$reg" && echo "register intact"
ls -A "$work" | grep -v -e '^fifo$' -e '^status$'
