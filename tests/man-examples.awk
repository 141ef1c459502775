# Every example in a man page's EXAMPLES is what a shipped example does:
#
#	awk -v examples=DIR -f man-examples.awk PAGE
#
# Each literal block (.Bd -literal ... .Ed) or display line (.Dl) in
# EXAMPLES follows a comment naming what it shows:
#
#	.\" example: kickoff/decide.sh
#
# A script (*.sh) under DIR, run by the examples test against
# DIR/expected/NAME.out: each command in the block ("$ " and the lines
# that continue it after a trailing "\" or "|") is one of the script's,
# and the block's other lines are the script's output.  Or another file
# under DIR (the crontab): the block's lines are its lines.  A line "..."
# in the block stands for any number of lines, and a line ending in
# " ..." for any line that starts the same; roff escapes are read as
# mandoc renders them.  So the text of a page and what the tools do
# cannot drift apart.  Prints one line per problem; exit 1 if any.

function fail(msg) {
	printf "%s:%d: %s\n", FILENAME, at, msg
	bad = 1
}

function unroff(s) {
	gsub(/\\\(:a/, "ä", s); gsub(/\\\(:o/, "ö", s)
	gsub(/\\\(oa/, "å", s); gsub(/\\\(:A/, "Ä", s)
	gsub(/\\\(:O/, "Ö", s); gsub(/\\\(oA/, "Å", s)
	gsub(/\\\(aq/, "'", s); gsub(/\\-/, "-", s)
	gsub(/\\&/, "", s)
	return backslashes(s)
}

# "\e" is a backslash.  Not by gsub: awks differ on backslashes in its
# replacement ("\\\\" makes one in mawk, two in gawk).
function backslashes(s,    out, i) {
	out = ""
	while ((i = index(s, "\\e")) > 0) {
		out = out substr(s, 1, i - 1) "\\"
		s = substr(s, i + 2)
	}
	return out s
}

function squeeze(s) {
	gsub(/[ \t]+/, " ", s)
	sub(/^ /, "", s)
	sub(/ $/, "", s)
	return s
}

# The commands of a script, one a line, continuations joined.
function script_text(path,    line, text, cont) {
	text = ""
	cont = 0
	while ((getline line < path) > 0) {
		if (!cont && line ~ /^[ \t]*#/)
			continue
		if (cont)
			text = text " " line
		else
			text = text "\n" line
		cont = line ~ /[\\|][ \t]*$/
		if (line ~ /\\[ \t]*$/)
			sub(/\\[ \t]*$/, "", text)
	}
	close(path)
	return squeeze_lines(text)
}

function squeeze_lines(text,    n, i, out, l) {
	n = split(text, l, "\n")
	out = "\n"
	for (i = 1; i <= n; i++)
		out = out squeeze(l[i]) "\n"
	return out
}

function read_lines(path, arr,    n, line) {
	n = 0
	while ((getline line < path) > 0)
		arr[++n] = line
	close(path)
	return n
}

# Do the block's lines want[i..nw] match the output's got[j..ng]?
function matches(i, j,    k, pre) {
	if (i > nw)
		return j > ng
	if (want[i] == "...") {
		for (k = j; k <= ng + 1; k++)
			if (matches(i + 1, k))
				return 1
		return 0
	}
	if (j > ng)
		return 0
	if (want[i] ~ / \.\.\.$/) {
		pre = substr(want[i], 1, length(want[i]) - 4)
		if (substr(got[j], 1, length(pre)) != pre)
			return 0
	} else if (want[i] != got[j])
		return 0
	return matches(i + 1, j + 1)
}

# Check one block (blk[1..nb]) against what marker names.
function check(marker,    path, out, script, i, cmd, cont, name) {
	path = examples "/" marker
	if ((getline dummy < path) <= 0) {
		fail("example " marker ": no such file")
		return
	}
	close(path)
	nw = 0
	cmd = ""
	cont = 0
	script = marker ~ /\.sh$/ ? script_text(path) : ""
	for (i = 1; i <= nb; i++) {
		if (marker ~ /\.sh$/ && (blk[i] ~ /^\$ / || cont)) {
			cmd = cmd " " (cont ? blk[i] : substr(blk[i], 3))
			cont = blk[i] ~ /[\\|][ \t]*$/
			if (blk[i] ~ /\\[ \t]*$/)
				sub(/\\[ \t]*$/, "", cmd)
			if (!cont) {
				if (index(script, squeeze(cmd)) == 0)
					fail("example " marker ": the script " \
					    "does not run: " squeeze(cmd))
				cmd = ""
			}
			continue
		}
		want[++nw] = blk[i]
	}
	if (marker ~ /\.sh$/) {
		name = marker
		sub(/.*\//, "", name)
		sub(/\.sh$/, "", name)
		out = examples "/expected/" name ".out"
		if (nw == 0)
			return	# the commands alone
	} else
		out = path
	ng = read_lines(out, got)
	if (!matches(1, 1))
		fail("example " marker ": the text is not what " out \
		    " holds")
	split("", got)
	split("", want)
}

/^\.Sh / {
	inex = $0 == ".Sh EXAMPLES"
	next
}
!inex {
	next
}
/^\.\\" example: / {
	marker = substr($0, 14)
	next
}
/^\.Dl / {
	at = FNR
	nb = 1
	blk[1] = unroff(substr($0, 5))
	if (marker == "")
		fail("an example with nothing to run it")
	else
		check(marker)
	marker = ""
	next
}
/^\.Bd -literal/ {
	at = FNR
	inblock = 1
	nb = 0
	next
}
inblock && /^\.Ed/ {
	inblock = 0
	if (marker == "")
		fail("an example with nothing to run it")
	else
		check(marker)
	marker = ""
	next
}
inblock {
	blk[++nb] = unroff($0)
}
END {
	exit bad
}
