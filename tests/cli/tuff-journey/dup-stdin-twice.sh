# The same journeys as a file and again on stdin: the duplicate id says
# the input was likely given twice.
cat dup-first.yaml | tuff-journey dup-first.yaml - >/dev/null
