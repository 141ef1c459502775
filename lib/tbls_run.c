/*
 * A run of tbls-check over a record stream (see tbls.h).
 *
 * Every record is written as read, in its place, into held output
 * (tuff/stream.h).  Assignments and decisions are also kept (they are
 * few) until the stream ends, because a need's journey may come after
 * the assignment that cites it; then each is checked, and its findings
 * and, with summary set, its tbls-profile are written at the place
 * right after it.
 */
#include <stdio.h>
#include <string.h>

#include "tuff/diag.h"
#include "tuff/journey.h"
#include "tuff/run.h"
#include "tuff/schema.h"
#include "tuff/stream.h"
#include "tuff/tbls.h"

struct run {
	struct tuff_held		 h;
	const struct tbls_run_conf	*conf;
	struct tbls_journeys		*journeys;
	struct tbls_result		 result;	/* reused per record */
	enum tbls_severity		 worst;		/* of every finding */
};

int
tbls_config_load_path(struct tbls_config *cfg, const char *path)
{
	struct tuff_error e;
	const char *name;
	FILE *fp;
	int rc;

	if ((fp = tuff_open_input(path, &name)) == NULL)
		return -1;
	rc = tbls_config_load(cfg, fp, name, &e);
	if (fp != stdin)
		fclose(fp);
	if (rc == -1)
		tuff_report("error", &e);
	return rc;
}

/* Keep doc, to check it at the place right after it. */
static int
hold(struct run *r, struct tuff_doc *doc, struct tuff_error *e)
{
	if (!r->conf->gcc && tuff_write_unchanged(r->h.w, doc) == -1) {
		tuff_doc_free(doc);
		return tuff_writer_error(r->h.w, e);
	}
	return tuff_held_keep(&r->h, doc, e);
}

/* Note a journey's actors for helhetssyn.narrow-collaboration. */
static int
note_journey(struct run *r, const struct tuff_doc *doc,
    struct tuff_error *e)
{
	const char *id = tuff_str(tuff_map_get(doc->root, "id"));
	size_t actors;

	if (id == NULL)
		return 0;
	if (journey_distinct_actors(doc->root, &actors) == -1 ||
	    tbls_journeys_add(r->journeys, id, actors) == -1)
		return tuff_seterr(e, NULL, 0, 0, "out of memory");
	return 0;
}

/*
 * Each record the run builds: an assignment or a decision is validated
 * and held; a journey is noted, then passes on like any other record
 * (with --format gcc nothing passes on: the output is lines).
 */
static int
on_record(struct tuff_doc *doc, void *arg, struct tuff_error *e)
{
	struct run *r = arg;
	int journey;

	journey = doc->kind != NULL && strcmp(doc->kind, "journey") == 0;
	if (journey || tbls_kind(doc) != 0)
		tuff_schema_check_keys(doc);	/* a kind this tool reads */
	if (tbls_kind(doc) != 0) {
		if (tbls_validate(doc, e) == -1) {
			tuff_doc_free(doc);
			return -1;
		}
		return hold(r, doc, e);
	}
	if (journey && note_journey(r, doc, e) == -1) {
		tuff_doc_free(doc);
		return -1;
	}
	if (r->conf->gcc) {
		tuff_doc_free(doc);
		return 0;
	}
	if (tuff_write_passthrough(r->h.w, doc) == -1)
		return tuff_writer_error(r->h.w, e);
	return 0;
}

/* Records that are neither checked nor journeys pass on unbuilt. */
static int
passes(const char *kind, void *arg)
{
	(void)arg;
	return strcmp(kind, "assignment") != 0 &&
	    strcmp(kind, "decision") != 0 && strcmp(kind, "journey") != 0;
}

/* At the place after a checked record: what it was found to have. */
static int
findings(void *arg, struct tuff_writer *w, void *ctx, struct tuff_error *e)
{
	const struct tuff_doc *doc = arg;
	struct run *run = ctx;
	const struct tbls_run_conf *c = run->conf;
	struct tbls_result *r = &run->result;
	enum tbls_severity s;
	FILE *fp;
	size_t i;
	int rc = 0;

	if (tbls_check(&c->cfg, run->journeys, doc, r) == -1)
		return tuff_seterr(e, NULL, 0, 0, "out of memory");
	if ((s = tbls_result_worst(r)) > run->worst)
		run->worst = s;
	if (c->gcc && tuff_writer_file(w, &fp) == -1)
		return tuff_seterr_written(e);
	for (i = 0; i < r->n && rc == 0; i++)
		rc = c->gcc ? tbls_print_finding(fp, doc, &r->v[i]) :
		    tbls_write_finding(w, doc, &r->v[i]);
	if (rc == 0 && c->summary)
		rc = c->gcc ? tbls_print_profile(fp, doc, r) :
		    tbls_write_profile(w, doc, r);
	/* A failed write is kept in the output, and reported at its close. */
	return rc == -1 ? tuff_seterr_written(e) : 0;
}

int
tbls_run(const struct tbls_run_conf *conf, int argc, char **argv,
    const char *output)
{
	struct run r;
	int rc;

	memset(&r, 0, sizeof(r));
	r.conf = conf;
	if ((r.journeys = tbls_journeys_new()) == NULL) {
		tuff_warnx("out of memory");
		return TUFF_ERR;
	}
	r.h = (struct tuff_held){ on_record, passes, NULL, findings, &r,
	    conf->gcc, NULL, NULL };
	rc = tuff_held_run(&r.h, argc, argv, output);
	if (rc == TUFF_OK && r.worst != TBLS_OFF && r.worst >= conf->fail_on)
		rc = TUFF_NO;
	tbls_result_free(&r.result);
	tbls_journeys_free(r.journeys);
	return rc;
}
