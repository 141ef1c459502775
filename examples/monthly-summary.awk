# The monthly follow-up for the leadership team, as text, from the
# records of one month's pipe (see monthly-followup.sh):
#
#   follow-up      from tuff-decide --due: overdue, due, milestones,
#                  progress to celebrate, open obstacles
#   finding,
#   tbls-profile   from tbls-check --summary
#   hme-score      from hme-score --rollup --trend: the latest year of
#                  each unit
#
# awk -v as_of=DATE -v within=DAYS -f monthly-summary.awk RECORDS
#
# It reads the block YAML every tuff tool writes (a "---" line before
# each record, indent 2, lists under a key at the key's indent), not
# YAML in general: only the keys used below, with plain or quoted
# scalar values.  Other records are passed over.

# n with the singular or the plural noun.
function count_of(n, one, many) {
	return n " " (n == 1 ? one : many)
}

# A scalar as written: 'quoted' or "quoted" or plain.
function unquote(v) {
	if (v ~ /^'.*'$/) {
		v = substr(v, 2, length(v) - 2)
		gsub(/''/, "'", v)
	} else if (v ~ /^".*"$/) {
		v = substr(v, 2, length(v) - 2)
		gsub(/\\"/, "\"", v)
	}
	return v
}

# Split "key: value" (after indent and "- ") into K and V.
function split_kv(s,    i) {
	i = index(s, ":")
	K = substr(s, 1, i - 1)
	V = unquote(substr(s, i + 2))
}

# The record just read is complete: keep what the summary needs.
function flush(    i, k) {
	if (R["kind"] == "follow-up")
		keep_followup()
	else if (R["kind"] == "finding")
		keep_finding()
	else if (R["kind"] == "tbls-profile")
		keep_profile()
	else if (R["kind"] == "hme-score")
		keep_score()
	for (k in R)
		delete R[k]
	for (k in L)
		delete L[k]
	for (k in N)
		delete N[k]
	top = mid = ""
}

function keep_followup(    id, i) {
	id = R["assignment"]
	if (R["overdue_days"] != "")
		overdue[++noverdue] = id " " R["title"] " (" R["owner"] \
		    "): skulle vara klart " R["due"] ", " \
		    count_of(R["overdue_days"], "dag", "dagar") " sedan"
	else if (R["due_in_days"] != "")
		due[++ndue] = id " " R["title"] " (" R["owner"] "): klart " \
		    R["due"] ", om " \
		    count_of(R["due_in_days"], "dag", "dagar")
	for (i = 1; i <= N["milestones_due"]; i++)
		if (L["milestones_due", i, "overdue_days"] != "")
			ms[++nms] = id ": " L["milestones_due", i, "name"] \
			    ", " count_of(L["milestones_due", i, "overdue_days"],
			    "dag", "dagar") " sent (" L["milestones_due", i, "due"] ")"
		else
			ms[++nms] = id ": " L["milestones_due", i, "name"] \
			    ", senast " L["milestones_due", i, "due"]
	for (i = 1; i <= N["milestones_reached"]; i++)
		fira[++nfira] = id ": " L["milestones_reached", i, "name"] \
		    ", nått " L["milestones_reached", i, "reached"]
	for (i = 1; i <= N["open_obstacles"]; i++)
		hinder[++nhinder] = id ": " L["open_obstacles", i, "obstacle"] \
		    ", öppet i " count_of(L["open_obstacles", i, "age_days"],
		    "dag", "dagar") ", " \
		    (L["open_obstacles", i, "owner"] != "" ? "ägare " \
		    L["open_obstacles", i, "owner"] : "INGEN ÄGARE")
}

function keep_finding(    r) {
	r = R["record"]
	if (!(r in nfind))
		nfind[r] = 0
	find[r, ++nfind[r]] = R["severity"] ": " R["message"] " [" \
	    R["rule"] "]"
	count[R["severity"]]++
}

function keep_profile(    r) {
	r = R["record"]
	prof[++nprof] = r
	profline[r] = R["passed"] " av " R["checked"] " kontroller godkända" \
	    (R["record_kind"] == "assignment" ? \
	    " (kultur och ledarskap " R["areas.kultur-och-ledarskap.passed"] \
	    "/" R["areas.kultur-och-ledarskap.checked"] \
	    ", styrning " R["areas.styrning.passed"] "/" \
	    R["areas.styrning.checked"] \
	    ", organisation " R["areas.organisation.passed"] "/" \
	    R["areas.organisation.checked"] ")" : "")
	kinds[R["record_kind"]]++
}

# Scores come sorted by unit, then period: the last of a unit wins.
function keep_score(    u) {
	u = R["unit"]
	if (!(u in score))
		units[++nunits] = u
	if (R["suppressed"] == "true")
		score[u] = R["period"] ": färre svarande än anonymitetsgränsen (" \
		    R["respondents"] ")"
	else if (R["index"] == "")
		score[u] = R["period"] ": index utelämnat (" R["respondents"] \
		    " svarande)"
	else
		score[u] = R["period"] ": " R["index"] \
		    (R["change"] != "" ? ", " (R["change"] ~ /^-/ ? "" : "+") \
		    R["change"] " sedan " R["previous.period"] " (" \
		    R["previous.index"] ")" : "") \
		    "; " R["respondents"] " svarande"
}

function heading(level, s) {
	print ""
	print level " " s
}

function list(title, a, n,    i) {
	heading("###", title)
	print ""
	if (n == 0)
		print "- inget"
	for (i = 1; i <= n; i++)
		print "- " a[i]
}

/^---$/ { flush(); next }

# A key of the record, with a value or heading a list or mapping.
/^[a-z_]+:/ {
	split_kv($0)
	top = K
	mid = ""
	if (V != "")
		R[K] = V
	next
}

# An item of the list under the last key.
/^- / {
	N[top]++
	split_kv(substr($0, 3))
	L[top, N[top], K] = V
	next
}

# Inside an item, or a mapping under the last key.
/^  [a-z_-]+:/ {
	split_kv(substr($0, 3))
	if (N[top] > 0)
		L[top, N[top], K] = V
	else if (V == "")
		mid = K
	else
		R[top "." K] = V
	next
}

/^    [a-z_-]+:/ {
	split_kv(substr($0, 5))
	if (mid != "")
		R[top "." mid "." K] = V
	next
}

END {
	flush()
	print "# Månadsuppföljning " as_of

	heading("##", "Uppdrag")
	list("Försenade", overdue, noverdue)
	list("Ska vara klara inom " within " dagar", due, ndue)
	list("Delmål som väntar", ms, nms)
	list("Framsteg att fira: delmål nådda de senaste " within " dagarna",
	    fira, nfira)
	list("Öppna hinder", hinder, nhinder)

	heading("##", "TBLS: uppdrag och beslut mot de sju principerna")
	print ""
	print (kinds["assignment"] + 0) " uppdrag och " \
	    (kinds["decision"] + 0) " beslut granskade: " \
	    (count["error"] + 0) " fel, " \
	    count_of(count["warning"] + 0, "varning", "varningar") ", " \
	    count_of(count["note"] + 0, "notis", "notiser") "."
	for (i = 1; i <= nprof; i++) {
		r = prof[i]
		if (!(r in nfind))
			continue
		print ""
		print "- " r ": " profline[r]
		for (j = 1; j <= nfind[r]; j++)
			print "  - " find[r, j]
	}
	print ""
	printf "Alla kontroller godkända:"
	n = 0
	for (i = 1; i <= nprof; i++)
		if (!(prof[i] in nfind)) {
			printf "%s %s", (n++ > 0 ? "," : ""), prof[i]
		}
	print n == 0 ? " inga" : "."

	heading("##", "HME: hållbart medarbetarengagemang, senaste året per enhet")
	print ""
	if (nunits == 0)
		print "- inget"
	for (i = 1; i <= nunits; i++)
		print "- " units[i] " " score[units[i]]
}
