# Sourced by the test runners (tests/cli/run.sh, examples/run-tests.sh).
#
# tool_shims DIR BIN: DIR made anew, with a small script for each tool
# built in BIN that runs it under $TUFF_WRAPPER (directly when that is
# unset), so that scripts calling the tools by name reach them through
# PATH=DIR, under the wrapper when there is one.  0, or 1 on failure.
tool_shims()
{
	rm -rf "$1" && mkdir "$1" || return 1
	for t in hme-score tuff-journey tuff-decide tbls-check tuff-report; do
		[ -x "$2/$t" ] || continue
		printf '#!/bin/sh\nexec %s "%s" "$@"\n' "${TUFF_WRAPPER:-}" \
		    "$2/$t" >"$1/$t" && chmod +x "$1/$t" || return 1
	done
}
