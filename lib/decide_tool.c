/*
 * tuff-decide's run as its command line asks for it (see decide.h):
 * the delegation order to go by, the picks and values of the options,
 * and the run over held output (tuff/stream.h).
 *
 * The stream is parsed once, into held output: records the run leaves
 * alone as read, and a place for each it changes or replaces.  Only
 * when the whole stream is valid is the held text written with what
 * those records become at their places.  A run that fails therefore
 * writes nothing, and with -o the old file stays as it was.  The output
 * is opened first all the same, so that its lock covers the reading of
 * a register it replaces.
 */
#include <stdio.h>

#include "tuff/decide.h"
#include "tuff/diag.h"
#include "tuff/run.h"
#include "tuff/schema.h"
#include "tuff/stream.h"

/* The held output and the run it is written for. */
struct held_run {
	struct tuff_held	 h;
	struct decide		*d;
};

struct decide_delegation *
decide_delegation_load(const char *path)
{
	struct decide_delegation *d = NULL;
	struct tuff_error e;
	const char *name;
	FILE *fp;

	if (path == NULL) {
		if ((d = decide_delegation_default()) == NULL)
			tuff_warnx("out of memory");
		return d;
	}
	if ((fp = tuff_open_input(path, &name)) == NULL)
		return NULL;
	if (decide_delegation_read(fp, name, &d, &e) == -1)
		tuff_report("error", &e);
	if (fp != stdin)
		fclose(fp);
	return d;
}

int
decide_due_takes(const char *word)
{
	return decide_value_id(word) > 0 || tuff_date_looks_like(word);
}

/* Hand one pick or value to the run; 0, or -1 with e filled. */
static int
hand_over(struct decide *d, enum decide_option opt, const char *arg,
    struct tuff_error *e)
{
	enum decide_key key = DECIDE_COST;

	switch (opt) {
	case DECIDE_OPT_ASSIGN:
		return decide_pick(d, DECIDE_ASSIGN, arg, e);
	case DECIDE_OPT_REJECT:
		return decide_pick(d, DECIDE_REJECT, arg, e);
	case DECIDE_OPT_DEFER:
		return decide_pick(d, DECIDE_DEFER, arg, e);
	case DECIDE_OPT_OWNER:
		key = DECIDE_OWNER;
		break;
	case DECIDE_OPT_DUE:
		key = DECIDE_DUE;
		break;
	case DECIDE_OPT_RATIONALE:
		key = DECIDE_RATIONALE;
		break;
	case DECIDE_OPT_COST:
		key = DECIDE_COST;
		break;
	}
	return decide_set(d, key, arg, e);
}

/* A problem a check finds, at its position if it has one. */
static void
report(const struct tuff_error *e, void *arg)
{
	(void)arg;
	if (e->file == NULL)
		tuff_warnx("%s", e->msg);
	else
		tuff_report("error", e);
}

/* Hand the request to the run; -1 after reporting what is wrong. */
static int
setup(struct decide *d, const struct decide_request *req)
{
	struct tuff_error e;
	size_t i;
	int rc = 0;

	if (req->by != NULL)
		rc = decide_set_by(d, req->by, &e);
	decide_set_date(d, req->date);
	decide_set_window(d, req->as_of, req->within);
	for (i = 0; i < req->nargs && rc == 0; i++)
		rc = hand_over(d, req->args[i].kind, req->args[i].arg, &e);
	if (rc == -1) {
		tuff_warnx("%s", e.msg);
		return -1;
	}
	return decide_check_options(d, report, NULL) > 0 ? -1 : 0;
}

/* Records of kinds the run does not read are passed on unbuilt. */
static int
streams(const char *kind, void *arg)
{
	const struct held_run *r = arg;

	return decide_streams(r->d, kind);
}

/* Validate each record; pass it on as read, or keep it. */
static int
on_record(struct tuff_doc *doc, void *arg, struct tuff_error *e)
{
	struct held_run *r = arg;

	if (!decide_passes_through(r->d, doc->kind))
		tuff_schema_check_keys(doc);	/* a kind this run reads */
	if (decide_scan(r->d, doc, e) == -1) {
		tuff_doc_free(doc);
		return -1;
	}
	switch (decide_fate(r->d, doc)) {
	case DECIDE_PASS:
		if (tuff_write_passthrough(r->h.w, doc) == -1)
			return tuff_writer_error(r->h.w, e);
		return 0;
	case DECIDE_DROP:
		tuff_doc_free(doc);
		return 0;
	case DECIDE_CHANGE:
		/* The lines before it stay, with what it becomes after. */
		if (tuff_write_head(r->h.w, doc) == -1) {
			tuff_doc_free(doc);
			return tuff_writer_error(r->h.w, e);
		}
		break;
	case DECIDE_REPLACE:
		break;
	}
	/* What it becomes is written at its place, at the end. */
	return tuff_held_keep(&r->h, doc, e);
}

/* The whole stream is read: is it right as a whole? */
static int
scan_end(void *arg)
{
	struct held_run *r = arg;

	return decide_scan_end(r->d, report, NULL) > 0 ? -1 : 0;
}

/* At a place: what the record kept there becomes. */
static int
emit_at(void *arg, struct tuff_writer *w, void *ctx, struct tuff_error *e)
{
	struct held_run *r = ctx;

	return decide_emit(r->d, arg, w, e);
}

static int
run_held(struct decide *d, int argc, char **argv, const char *output)
{
	struct held_run r;

	r.h = (struct tuff_held){ on_record, streams, scan_end, emit_at, &r,
	    0, NULL, NULL };
	r.d = d;
	return tuff_held_run(&r.h, argc, argv, output);
}

int
decide_run(const struct decide_request *req, int argc, char **argv)
{
	struct decide_delegation *deleg;
	struct decide *d = NULL;
	int rc = TUFF_ERR;

	if ((deleg = decide_delegation_load(req->delegation)) == NULL)
		return TUFF_ERR;
	if ((d = decide_new(deleg, req->mode)) == NULL)
		tuff_warnx("out of memory");
	else if (setup(d, req) == 0)
		rc = run_held(d, argc, argv, req->output);
	decide_free(d);
	decide_delegation_free(deleg);
	return rc;
}
