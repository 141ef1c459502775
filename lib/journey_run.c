/*
 * A run of tuff-journey over a record stream (see journey_run.h):
 * journeys are checked as they come and, while none has been refused,
 * used in the mode the configuration asks for; challenges and table
 * rows are collected and written when the stream has ended.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/diag.h"
#include "tuff/i18n.h"
#include "tuff/journey.h"
#include "tuff/journey_run.h"
#include "tuff/run.h"
#include "tuff/schema.h"
#include "tuff/stream.h"

/* The state of one run. */
struct run {
	struct tuff_held	 h;
	const struct journey_run_conf *c;
	struct journey_ids	*ids;
	struct journey_row	*rows;		/* challenges, table */
	size_t			 nrows;
	size_t			 cap;
	size_t			 journeys;
	unsigned long		 foreign;	/* not shown in a view */
	int			 invalid;	/* a journey was refused */
};

static int
is_journey(const struct tuff_doc *doc)
{
	return doc->kind != NULL && strcmp(doc->kind, "journey") == 0;
}

/*
 * Collect a row for the end of the run: the journey's id and metrics,
 * and arg (a challenge record, which the run then owns).  0, or -1 on
 * ENOMEM.
 */
static int
add_row(struct run *r, const char *id, const struct journey_metrics *m,
    void *arg)
{
	struct journey_row *rows;
	size_t cap;

	if (r->nrows == r->cap) {
		cap = r->cap > 0 ? r->cap * 2 : 16;
		if ((rows = reallocarray(r->rows, cap, sizeof(*rows))) == NULL)
			return -1;
		r->rows = rows;
		r->cap = cap;
	}
	memset(&r->rows[r->nrows], 0, sizeof(r->rows[0]));
	if ((r->rows[r->nrows].id = strdup(id)) == NULL)
		return -1;
	r->rows[r->nrows].m = *m;
	r->rows[r->nrows].m.lowest_action = NULL;	/* goes with the doc */
	r->rows[r->nrows].arg = arg;
	r->nrows++;
	return 0;
}

static const char *
journey_id(const struct tuff_doc *doc)
{
	return tuff_str(tuff_map_get(doc->root, "id"));
}

/* The journey's challenge, kept for ranking at the end.  0, or -1. */
static int
add_challenge(struct run *r, struct tuff_doc *doc,
    const struct journey_metrics *m, struct tuff_error *e)
{
	struct tuff_doc *ch;

	if ((ch = journey_challenge(doc, m)) == NULL)
		return tuff_seterr(e, NULL, 0, 0, "out of memory");
	if (add_row(r, journey_id(doc), m, ch) == -1) {
		tuff_doc_free(ch);
		return tuff_seterr(e, NULL, 0, 0, "out of memory");
	}
	return 0;
}

/* The journey's diagram, written at once.  0, or -1. */
static int
write_diagram(struct run *r, struct tuff_doc *doc, struct tuff_error *e)
{
	FILE *fp;

	if (tuff_writer_file(r->h.w, &fp) == -1)
		return tuff_writer_error(r->h.w, e);
	if (journey_mermaid(fp, doc->root, r->journeys == 1) == -1)
		return tuff_seterr(e, NULL, 0, 0, "out of memory");
	if (ferror(fp))
		return tuff_writer_error(r->h.w, e);
	return 0;
}

/* A valid journey, in the mode the configuration asks for.  0, or -1. */
static int
use_journey(struct run *r, struct tuff_doc *doc, struct tuff_error *e)
{
	struct journey_metrics m;

	if (journey_measure(doc->root, &m) == -1)
		return tuff_seterr(e, NULL, 0, 0, "out of memory");
	if (r->c->challenges)
		return add_challenge(r, doc, &m, e);
	switch (r->c->format) {
	case JOURNEY_MERMAID:
		return write_diagram(r, doc, e);
	case JOURNEY_TABLE:
		if (add_row(r, journey_id(doc), &m, NULL) == -1)
			return tuff_seterr(e, NULL, 0, 0, "out of memory");
		return 0;
	default:
		/* Changed: the metrics are added. */
		if (journey_enrich(doc, &m) == -1)
			return tuff_seterr(e, NULL, 0, 0, "out of memory");
		if (tuff_write_changed(r->h.w, doc) == -1)
			return tuff_writer_error(r->h.w, e);
		return 0;
	}
}

/*
 * Each record as it comes: journeys are checked and used, other records
 * pass on as read, or are counted when the output is a view.  A refused
 * journey is reported and the rest still checked, so one run shows
 * every bad journey; the run then fails.
 */
static int
on_record(struct tuff_doc *doc, void *arg, struct tuff_error *e)
{
	struct run *r = arg;
	struct tuff_error je;
	int rc = 0;

	if (is_journey(doc))
		tuff_schema_check_keys(doc);
	/* Under --strict a warning was an error: no more work. */
	if (tuff_diag_status(TUFF_OK) != TUFF_OK)
		r->invalid = 1;
	if (!is_journey(doc)) {
		if (r->h.view) {
			r->foreign++;
			tuff_doc_free(doc);
			return 0;
		}
		if (tuff_write_passthrough(r->h.w, doc) == -1)
			return tuff_writer_error(r->h.w, e);
		return 0;
	}
	if (journey_check(doc, &je) == -1 ||
	    journey_ids_add(r->ids, doc, &je) == -1) {
		tuff_report("error", &je);
		r->invalid = 1;
	} else {
		r->journeys++;
		if (!r->invalid)
			rc = use_journey(r, doc, e);
	}
	tuff_doc_free(doc);
	return rc;
}

/* Records of other kinds are not built; a view counts them. */
static int
other_kind(const char *kind, void *arg)
{
	struct run *r = arg;

	if (strcmp(kind, "journey") == 0)
		return 0;
	if (r->h.view)
		r->foreign++;
	return 1;
}

/* The collected rows: challenges worst first, or the table.  0, or -1. */
static int
write_rows(struct run *r)
{
	FILE *fp;
	size_t i;
	int rc = 0;

	if (r->c->challenges) {
		journey_rank(r->rows, r->nrows, r->c->ranked ? r->c->rank :
		    JOURNEY_FRICTION);
		for (i = 0; i < r->nrows && rc == 0; i++)
			rc = tuff_write_doc(r->h.w,
			    ((struct tuff_doc *)r->rows[i].arg)->root);
	} else if (r->c->format == JOURNEY_TABLE) {
		if (r->c->ranked)
			journey_rank(r->rows, r->nrows, r->c->rank);
		if (tuff_writer_file(r->h.w, &fp) == -1 ||
		    journey_table(fp, r->rows, r->nrows) == -1)
			rc = -1;
	}
	return rc;
}

/* Say how many records of other kinds a view left out, if any. */
static void
warn_left_out(const struct run *r)
{
	/*
	 * P_ picks the plural form; tuff_warnx's own look-up of the result
	 * finds nothing and leaves it be.
	 */
	if (r->foreign > 0 && r->c->format == JOURNEY_TABLE)
		tuff_warnx(P_("warning: %lu record of another kind is not "
		    "shown in the table", "warning: %lu records of other kinds "
		    "are not shown in the table", r->foreign), r->foreign);
	else if (r->foreign > 0)
		tuff_warnx(P_("warning: %lu record of another kind is not "
		    "shown in the diagrams", "warning: %lu records of other "
		    "kinds are not shown in the diagrams", r->foreign),
		    r->foreign);
}

/* What is written after the last record: challenges, the table. */
static int
finish(void *arg)
{
	struct run *r = arg;

	if (r->invalid)
		return -1;
	if (write_rows(r) == -1)
		return -1;	/* the held output reports why */
	warn_left_out(r);
	return 0;
}

static void
free_rows(struct run *r)
{
	size_t i;

	for (i = 0; i < r->nrows; i++) {
		free(r->rows[i].id);
		tuff_doc_free(r->rows[i].arg);
	}
	free(r->rows);
}

int
journey_run(const struct journey_run_conf *c, int argc, char **argv,
    const char *output)
{
	struct run r;
	int rc;

	memset(&r, 0, sizeof(r));
	r.c = c;
	r.h = (struct tuff_held){ on_record, other_kind, finish, NULL, &r,
	    c->format != JOURNEY_YAML, NULL, NULL };
	if ((r.ids = journey_ids_new()) == NULL) {
		tuff_warnx("out of memory");
		return TUFF_ERR;
	}
	rc = tuff_held_run(&r.h, argc, argv, output);
	free_rows(&r);
	journey_ids_free(r.ids);
	return rc;
}
