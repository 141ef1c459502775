#!/bin/bash
# The bash completion: sourced into a plain bash (no bash-completion
# package), it completes each tool's options and their fixed values, and
# its option lists are exactly the options each tool's --help names.
#
#	run.sh COMPLETION BIN_DIR TOOL ...

set -u
comp=$1 bindir=$2
shift 2
export LC_ALL=C LANGUAGE=
fail=0

# complete_words WORD ...: what the completion offers for the last WORD.
complete_words()
{
	COMP_WORDS=("$@")
	COMP_CWORD=$(($# - 1))
	COMPREPLY=()
	_tuff "$1"
	((${#COMPREPLY[@]})) || return 0
	printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' '
}

expect()
{
	local want=$1 got
	shift
	got=$(complete_words "$@")
	if [[ $got != "$want" ]]; then
		echo "not ok: '$*' completes to '$got', not '$want'"
		fail=1
	fi
}

. "$comp" || { echo "not ok: $comp does not source"; exit 1; }

for t; do
	complete -p "$t" >/dev/null 2>&1 ||
	    { echo "not ok: no completion for $t"; fail=1; }
	# Every long option the help names, and no other.
	help=$("$bindir/$t" --help 2>&1 | grep -o -- '--[a-z][a-z-]*' |
	    sort -u | tr '\n' ' ')
	mine=$(_tuff_options "$t" | tr ' ' '\n' | grep -- '^--' | sort -u |
	    tr '\n' ' ')
	if [[ $help != "$mine" ]]; then
		echo "not ok: $t: --help names: $help"
		echo "        completion has:  $mine"
		fail=1
	fi
done

expect '--fail-on --format ' tbls-check --f
expect 'warning ' tbls-check --fail-on w
expect 'gcc ' tbls-check --format g
expect 'mermaid ' tuff-journey --format m
expect 'system_switches systems ' tuff-journey --rank-by sys
expect 'unit unit,period ' hme-score --by u
expect '' tuff-decide --by ''
expect '--strict ' hme-score --st
expect 'respondent ' hme-score --method r
expect 'csv csv-sv ' hme-score --format c

# File names for operands and for options that take a file.
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
touch "$dir/register.yaml" "$dir/regler.yaml"
expect "$dir/register.yaml $dir/regler.yaml " tuff-decide "$dir/reg"
expect "$dir/regler.yaml " tbls-check --rules "$dir/regl"
expect "$dir/register.yaml " hme-score -o "$dir/regi"

[[ $fail == 0 ]] && echo ok
exit $fail
