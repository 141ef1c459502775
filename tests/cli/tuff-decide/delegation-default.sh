# examples/delegation.yaml spells out the built-in order: with it, and
# without, every decision comes out the same, and so does every refusal.
deleg=../../../examples/delegation.yaml
for by in enhetschef sektionschef avdelningschef socialchef ordförande \
    namnd; do
	for cost in 0 500000 500001 5000000 5000001; do
		set -- --by "$by" --date 2020-11-19 --assign rullstol \
		    --reject planer --defer nybygge --owner Rehabenheten \
		    --cost "$cost" challenges.yaml
		a=$(tuff-decide "$@" 2>&1; echo "exit $?")
		b=$(tuff-decide --delegation "$deleg" "$@" 2>&1; echo "exit $?")
		[ "$a" = "$b" ] || echo "differs: $by $cost"
		echo "$by $cost: ${a##*"
"}"
	done
done
