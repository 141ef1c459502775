# SPEC §4.4: "85.1 after 58.6 is +26.5".
sh data/gavleborg.sh | hme-score --trend
sh data/gavleborg.sh | hme-score --trend --format table
