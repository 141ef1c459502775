/*
 * tuff-report: the leadership team's monthly report (SPEC §4.5), in
 * Swedish, as Markdown or as one self-contained HTML page with inline
 * SVG charts.
 *
 * The report reads the records of one month's pipe: follow-up
 * (tuff-decide --due), finding and tbls-profile (tbls-check --summary),
 * hme-score and hme-item (hme-score), journey and challenge
 * (tuff-journey).  Each is checked as it comes (a wrong type or a
 * missing key is an error at its position) and what the report shows
 * of it is kept until the end, when the report is written: it needs
 * the whole month to sort and group.  Of most records that is a few
 * strings, copied; journeys, drawn step by step, are kept whole.
 * Records of other kinds are counted, not kept.
 *
 * Memory is bounded by what is kept: at most REPORT_MAX_KEPT bytes
 * (several megabytes of such records as YAML, far more than a month
 * of a large organisation), beyond which the run fails with an error.
 */
#ifndef TUFF_REPORT_H
#define TUFF_REPORT_H

#include <stdio.h>

#include "date.h"
#include "node.h"

#define REPORT_MAX_KEPT	(64UL * 1024 * 1024)

enum report_format {
	REPORT_MARKDOWN = 0,
	REPORT_HTML
};

struct report_opts {
	enum report_format	 format;
	int			 has_as_of;	/* else the follow-ups' latest
						   as_of, or today */
	tuff_day		 as_of;
	long			 within;	/* days, 0 .. 36525 */
	const char		*title;		/* NULL: the default */
};

struct report;

/* A report to fill; o is copied.  NULL on ENOMEM. */
struct report	*report_new(const struct report_opts *o);
void		 report_free(struct report *);

/*
 * Take one record (the report owns doc from now on, whatever the
 * result).  The keys of a record of a kind the report reads are checked
 * for typos (tuff_schema_check_keys).  Returns 0, or -1 with e filled:
 * an invalid record of a kind the report reads, the same record as an
 * earlier one (a follow-up of one assignment, a profile of one record,
 * a score of one unit and period, an item of one unit, period and
 * question, a journey or challenge id, a finding at one place), named
 * with both places and, when the run finds both files hold the same
 * data (tuff_inputs_same), asking whether it was given twice; or the
 * memory bound passed.
 */
int	report_add(struct report *, struct tuff_doc *doc, struct tuff_error *e);

/*
 * After the last record: settle the day the report looks from and the
 * days counted to it.
 */
void	report_finish(struct report *);

/*
 * Write the report to fp, in the format of the options.  The same
 * records and options give the same bytes.  Returns 0, or -1 on a write
 * error or ENOMEM (errno tells).
 */
int	report_write(struct report *, FILE *fp);

#endif
