/*
 * tuff-journey: validate user journeys and add their metrics, or turn
 * them into ranked challenges, Mermaid diagrams or a table.
 *
 * The output is held (tuff/stream.h) until the whole stream has been
 * read, so a run that refuses a journey writes nothing; records of
 * other kinds pass on as read, in their place.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/diag.h"
#include "tuff/i18n.h"
#include "tuff/journey.h"
#include "tuff/run.h"
#include "tuff/schema.h"
#include "tuff/stream.h"

enum format {
	F_YAML = 0,
	F_MERMAID,
	F_TABLE
};

enum {
	OPT_CHALLENGES = CHAR_MAX + 1,
	OPT_FORMAT,
	OPT_RANK_BY,
	OPT_STRICT
};

static const struct option longopts[] = {
	{ "challenges",	no_argument,		NULL, OPT_CHALLENGES },
	{ "format",	required_argument,	NULL, OPT_FORMAT },
	{ "help",	no_argument,		NULL, 'h' },
	{ "output",	required_argument,	NULL, 'o' },
	{ "rank-by",	required_argument,	NULL, OPT_RANK_BY },
	{ "strict",	no_argument,		NULL, OPT_STRICT },
	{ "version",	no_argument,		NULL, 'V' },
	{ NULL,		0,			NULL, 0 }
};

/* The synopsis: the option words stay as they are, in every language. */
static const char *
synopsis(void)
{
	return _("usage: tuff-journey [-hV] [-o file] [--challenges] "
	    "[--rank-by metric]\n"
	    "                    [--format yaml | mermaid | table] [--strict] "
	    "[file ...]\n");
}

static const char *
options(void)
{
	/* TRANSLATORS: keep the option words and the metric and format
	   names; only the descriptions are for people. */
	return _("\n"
	    "  -h, --help           print this help and exit\n"
	    "  -V, --version        print the version and exit\n"
	    "  -o, --output FILE    write to FILE, replaced only when the run "
	    "succeeds\n"
	    "  --challenges         write one challenge per journey, worst "
	    "first\n"
	    "  --rank-by METRIC     rank challenges or table rows by METRIC: "
	    "steps,\n"
	    "                       handoffs, systems, system_switches, "
	    "minutes,\n"
	    "                       wait_days, mean_score, pains or friction\n"
	    "                       (default friction)\n"
	    "  --format FORMAT      yaml (default), mermaid (Markdown with one\n"
	    "                       Mermaid journey diagram per journey) or "
	    "table\n"
	    "  --strict             make every warning about the input an "
	    "error\n");
}

struct opts {
	struct tuff_diag_conf	 diag;
	const char		*out;
	enum format		 format;
	int			 challenges;
	int			 ranked;	/* --rank-by given */
	enum journey_metric	 rank;
};

/* The state of one run. */
struct run {
	struct tuff_held	 h;
	const struct opts	*o;
	struct journey_ids	*ids;
	struct journey_row	*rows;		/* challenges, table */
	size_t			 nrows;
	size_t			 cap;
	size_t			 journeys;
	unsigned long		 foreign;	/* not shown in a view */
	int			 invalid;	/* a journey was refused */
};

static void
usage(void)
{
	fputs(synopsis(), stderr);
	exit(TUFF_ERR);
}

/*
 * A usage error with a message of its own; tuff_warnx looks fmt up, and
 * xgettext knows bad's first argument as a message (po/meson.build).
 */
static void
bad(const char *fmt, const char *arg)
{
	tuff_warnx(fmt, arg);
	usage();
}

static void
parse_format(struct opts *o, const char *arg)
{
	if (strcmp(arg, "yaml") == 0)
		o->format = F_YAML;
	else if (strcmp(arg, "mermaid") == 0)
		o->format = F_MERMAID;
	else if (strcmp(arg, "table") == 0)
		o->format = F_TABLE;
	else
		bad("--format: expected yaml, mermaid or table, not \"%s\"",
		    arg);
}

static void
parse_rank(struct opts *o, const char *arg)
{
	int m;

	if ((m = journey_metric_parse(arg)) == -1)
		bad("--rank-by: unknown metric \"%s\" (expected steps, "
		    "handoffs, systems, system_switches, minutes, wait_days, "
		    "mean_score, pains or friction)", arg);
	o->rank = (enum journey_metric)m;
	o->ranked = 1;
}

static void
parse_options(struct opts *o, int argc, char *argv[])
{
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":hVo:", longopts, NULL)) != -1)
		switch (c) {
		case 'h':
			fputs(synopsis(), stdout);
			fputs(options(), stdout);
			exit(tuff_stdout_status());
		case 'V':
			printf("tuff-journey (tuff) %s\n", TUFF_VERSION);
			exit(tuff_stdout_status());
		case 'o':
			o->out = optarg;
			break;
		case OPT_CHALLENGES:
			o->challenges = 1;
			break;
		case OPT_FORMAT:
			parse_format(o, optarg);
			break;
		case OPT_RANK_BY:
			parse_rank(o, optarg);
			break;
		case OPT_STRICT:
			o->diag.strict = 1;
			break;
		case ':':
		default:
			tuff_getopt_warn(c, argv, longopts);
			usage();
		}
	if (o->challenges && o->format != F_YAML)
		bad("--challenges writes records: not with --format %s",
		    o->format == F_MERMAID ? "mermaid" : "table");
	if (o->ranked && !o->challenges && o->format != F_TABLE)
		bad("--rank-by orders challenges or table rows: use it with "
		    "--challenges or --format %s", "table");
}

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

/* A valid journey, in the mode the options ask for.  0, or -1. */
static int
use_journey(struct run *r, struct tuff_doc *doc, struct tuff_error *e)
{
	struct journey_metrics m;
	struct tuff_doc *ch;
	FILE *fp;

	if (journey_measure(doc->root, &m) == -1)
		return tuff_seterr(e, NULL, 0, 0, "out of memory");
	if (r->o->challenges) {
		if ((ch = journey_challenge(doc, &m)) == NULL)
			return tuff_seterr(e, NULL, 0, 0, "out of memory");
		if (add_row(r, tuff_str(tuff_map_get(doc->root, "id")), &m,
		    ch) == -1) {
			tuff_doc_free(ch);
			return tuff_seterr(e, NULL, 0, 0, "out of memory");
		}
		return 0;
	}
	switch (r->o->format) {
	case F_MERMAID:
		if (tuff_writer_file(r->h.w, &fp) == -1)
			return tuff_writer_error(r->h.w, e);
		if (journey_mermaid(fp, doc->root, r->journeys == 1) == -1)
			return tuff_seterr(e, NULL, 0, 0, "out of memory");
		if (ferror(fp))
			return tuff_writer_error(r->h.w, e);
		return 0;
	case F_TABLE:
		if (add_row(r, tuff_str(tuff_map_get(doc->root, "id")), &m,
		    NULL) == -1)
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

	if (doc->kind != NULL && strcmp(doc->kind, "journey") == 0)
		tuff_schema_check_keys(doc);
	/* Under --strict a warning was an error: no more work. */
	if (tuff_diag_status(TUFF_OK) != TUFF_OK)
		r->invalid = 1;
	if (doc->kind == NULL || strcmp(doc->kind, "journey") != 0) {
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

/* What is written after the last record: challenges, the table. */
static int
finish(void *arg)
{
	struct run *r = arg;
	FILE *fp;
	size_t i;
	int rc = 0;

	if (r->invalid)
		return -1;
	if (r->o->challenges) {
		journey_rank(r->rows, r->nrows, r->o->ranked ? r->o->rank :
		    JOURNEY_FRICTION);
		for (i = 0; i < r->nrows && rc == 0; i++)
			rc = tuff_write_doc(r->h.w,
			    ((struct tuff_doc *)r->rows[i].arg)->root);
	} else if (r->o->format == F_TABLE) {
		if (r->o->ranked)
			journey_rank(r->rows, r->nrows, r->o->rank);
		if (tuff_writer_file(r->h.w, &fp) == -1 ||
		    journey_table(fp, r->rows, r->nrows) == -1)
			rc = -1;
	}
	if (rc == -1)
		return -1;	/* the held output reports why */
	/*
	 * P_ picks the plural form; tuff_warnx's own look-up of the result
	 * finds nothing and leaves it be.
	 */
	if (r->foreign > 0 && r->o->format == F_TABLE)
		tuff_warnx(P_("warning: %lu record of another kind is not "
		    "shown in the table", "warning: %lu records of other kinds "
		    "are not shown in the table", r->foreign), r->foreign);
	else if (r->foreign > 0)
		tuff_warnx(P_("warning: %lu record of another kind is not "
		    "shown in the diagrams", "warning: %lu records of other "
		    "kinds are not shown in the diagrams", r->foreign),
		    r->foreign);
	return 0;
}

static void
free_run(struct run *r)
{
	size_t i;

	for (i = 0; i < r->nrows; i++) {
		free(r->rows[i].id);
		tuff_doc_free(r->rows[i].arg);
	}
	free(r->rows);
	journey_ids_free(r->ids);
}

int
main(int argc, char *argv[])
{
	struct opts o;
	struct run r;
	int rc;

	tuff_setprogname(argv[0]);
	tuff_i18n_init();
	memset(&o, 0, sizeof(o));
	parse_options(&o, argc, argv);
	tuff_set_diag_conf(&o.diag);
	argc -= optind;
	argv += optind;
	if (tuff_stdin_is_tty(argc))
		usage();

	memset(&r, 0, sizeof(r));
	r.o = &o;
	r.h = (struct tuff_held){ on_record, other_kind, finish, NULL, &r,
	    o.format != F_YAML, NULL, NULL };
	if ((r.ids = journey_ids_new()) == NULL) {
		tuff_warnx("out of memory");
		return TUFF_ERR;
	}
	rc = tuff_held_run(&r.h, argc, argv, o.out);
	free_run(&r);
	return rc;
}
