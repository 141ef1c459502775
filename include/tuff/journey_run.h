/*
 * A run of tuff-journey over a record stream (SPEC §3.1, §3.2, §4.1):
 * every journey is checked and its ids compared, then, if all passed,
 * enriched with its metrics, or turned into a ranked challenge, a
 * Mermaid diagram or a table row.
 *
 * The output is held (stream.h) until the whole stream has been read,
 * so a run that refuses a journey writes nothing.  Records of other
 * kinds pass on as read, in their place, when the output is a record
 * stream; a view (diagrams, table) counts them and says how many it
 * left out.
 */
#ifndef TUFF_JOURNEY_RUN_H
#define TUFF_JOURNEY_RUN_H

#include "journey.h"

/* What the run writes. */
enum journey_format {
	JOURNEY_YAML = 0,	/* the records, journeys with their metrics */
	JOURNEY_MERMAID,	/* Markdown, one diagram per journey */
	JOURNEY_TABLE		/* one row per journey */
};

/*
 * With challenges (format YAML only), one challenge per journey, worst
 * first; rank, when ranked is set, orders the challenges (default
 * friction) or the table rows (default: as read).
 */
struct journey_run_conf {
	enum journey_format	 format;
	int			 challenges;
	int			 ranked;
	enum journey_metric	 rank;
};

/*
 * Read the files (none, or "-", is standard input) and write to output
 * (NULL: standard output), as tuff_held_run does: the output is
 * replaced only when the run succeeds.  A refused journey is reported
 * on standard error and the rest still checked, so one run names every
 * bad journey; the run then fails.  Returns TUFF_OK or TUFF_ERR, after
 * reporting.
 */
int	journey_run(const struct journey_run_conf *, int argc, char **argv,
	    const char *output);

#endif
