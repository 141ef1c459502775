# Bash completion for tuff's tools: tuff-journey, tuff-decide,
# tbls-check, hme-score and tuff-report.
#
# Installed once per command name (bash-completion loads a command's
# completion from a file named after it).  It needs nothing from the
# bash-completion package, so it also works sourced by hand:
#
#	. /usr/share/bash-completion/completions/tbls-check
#
# The options are listed here rather than parsed from --help, because
# --help follows the user's language; tests/completion.sh checks these
# lists against each tool's --help so that they cannot drift.

# _tuff_options TOOL: the options TOOL takes, long and short.
_tuff_options()
{
	local common='-h --help -V --version -o --output --strict'

	case $1 in
	tuff-journey)
		echo "$common --challenges --rank-by --format" ;;
	tuff-decide)
		echo "$common --by --date --assign --reject --defer --owner" \
		    "--due --rationale --cost --delegation --as-of --within" ;;
	tbls-check)
		echo "$common --format --summary --fail-on --stale --as-of" \
		    "--rules --list-rules" ;;
	hme-score)
		echo "$common --by --rollup --min-group --trend --csv --column" \
		    "--skip-invalid --format --items --method" ;;
	tuff-report)
		echo "$common --format --as-of --within --title" ;;
	esac
}

# _tuff_values TOOL OPTION: the fixed values OPTION takes, if any.
_tuff_values()
{
	case $1:$2 in
	tuff-journey:--format)	echo 'yaml mermaid table' ;;
	tuff-journey:--rank-by)
		echo 'friction steps handoffs systems system_switches minutes' \
		    'wait_days mean_score pains' ;;
	tbls-check:--format)	echo 'yaml gcc' ;;
	tbls-check:--fail-on)	echo 'error warning note never' ;;
	hme-score:--by)		echo 'unit,period unit period' ;;
	hme-score:--format)	echo 'yaml table csv csv-sv' ;;
	hme-score:--method)	echo 'item respondent' ;;
	tuff-report:--format)	echo 'markdown html' ;;
	esac
}

# _tuff_files: complete file names, the default for every operand.
_tuff_files()
{
	local IFS=$'\n'

	COMPREPLY=($(compgen -f -- "$1"))
	compopt -o filenames 2>/dev/null
}

_tuff()
{
	local tool=${1##*/} cur=${COMP_WORDS[COMP_CWORD]} prev=
	local values

	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD-1]}
	COMPREPLY=()

	case $prev in
	-o | --output | --rules | --delegation)
		_tuff_files "$cur"
		return ;;
	--date | --as-of)
		COMPREPLY=($(compgen -W "$(date +%F)" -- "$cur"))
		return ;;
	--title | --owner | --rationale | --cost | --assign | --reject | \
	    --defer | --column | --stale | --within | --min-group)
		return ;;
	--by)
		[[ $tool == hme-score ]] || return ;;
	esac

	values=$(_tuff_values "$tool" "$prev")
	if [[ -n $values ]]; then
		COMPREPLY=($(compgen -W "$values" -- "$cur"))
		return
	fi
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(_tuff_options "$tool")" -- "$cur"))
		return
	fi
	_tuff_files "$cur"
}

complete -F _tuff tuff-journey tuff-decide tbls-check hme-score tuff-report
