#!/bin/sh
# The kick-off's decisions as a Mermaid flowchart for the wiki page,
# beside the journeys' diagrams (journey-mermaid.sh): each challenge,
# what the socialchef decided, and the assignment it became, with its
# owner and due date.  awk reads the challenges and then the decisions,
# as the tools write them: one top-level key per line, "---" between
# records.
cd "$(dirname "$0")" || exit 2
{
	tuff-journey --challenges journeys.yaml
	sh ./decide.sh
} |
awk '
function node(s) { gsub(/-/, "_", s); return s }
function text(s) { gsub(/"/, "#quot;", s); return s }
function flush() {
	if (kind == "challenge")
		name[id] = title
	else if (kind == "decision") {
		printf "  %s(\"%s\") --> %s{\"%s<br/>%s\"}\n", reg,
		    text(name[reg]), node(id), id, outcome
		if (asg != "")
			from[asg] = node(id)
	} else if (kind == "assignment")
		printf "  %s --> %s[\"%s<br/>%s<br/>%s, senast %s\"]\n",
		    from[id], node(id), id, text(title), text(owner), due
	kind = id = reg = outcome = asg = title = owner = due = ""
}
BEGIN { print "```mermaid"; print "flowchart LR" }
/^---$/ { flush(); next }
/^kind: / { kind = substr($0, 7) }
/^id: / { id = substr($0, 5) }
/^regarding: / { reg = substr($0, 13); gsub(/[][]/, "", reg) }
/^outcome: / { outcome = substr($0, 10) }
/^assignment: / { asg = substr($0, 13) }
/^title: / { title = substr($0, 8) }
/^owner: / { owner = substr($0, 8) }
/^due: / { due = substr($0, 6) }
END { flush(); print "```" }
'
