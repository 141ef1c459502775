/*
 * tuff-journey: validate user journeys and add their metrics, or turn
 * them into ranked challenges, Mermaid diagrams or a table.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/diag.h"
#include "tuff/journey.h"
#include "tuff/run.h"
#include "tuff/schema.h"

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

static const char synopsis[] =
    "usage: tuff-journey [-hV] [-o file] [--challenges] [--rank-by metric]\n"
    "                    [--format yaml | mermaid | table] [--strict] "
    "[file ...]\n";

static const char options[] =
    "\n"
    "  -h, --help           print this help and exit\n"
    "  -V, --version        print the version and exit\n"
    "  -o, --output FILE    write to FILE, replaced only when the run succeeds\n"
    "  --challenges         write one challenge per journey, worst first\n"
    "  --rank-by METRIC     rank challenges or table rows by METRIC: steps,\n"
    "                       handoffs, systems, system_switches, minutes,\n"
    "                       wait_days, mean_score, pains or friction\n"
    "                       (default friction)\n"
    "  --format FORMAT      yaml (default), mermaid (Markdown with one\n"
    "                       Mermaid journey diagram per journey) or table\n"
    "  --strict             make every warning about the input an "
    "error\n";

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
	const struct opts	*o;
	FILE			*fp;
	struct tuff_writer	*w;		/* F_YAML */
	struct journey_ids	*ids;
	struct journey_row	*rows;		/* challenges, table */
	size_t			 nrows;
	size_t			 cap;
	size_t			 journeys;
	unsigned long		 foreign;	/* not shown in a view */
	int			 invalid;	/* a journey was refused */
	int			 dead;		/* output failed: stop writing */
};

static void
usage(void)
{
	fputs(synopsis, stderr);
	exit(TUFF_ERR);
}

/* A usage error with a message of its own. */
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
			fputs(synopsis, stdout);
			fputs(options, stdout);
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
		    "%s", "--challenges or --format table");
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

static void
write_record(struct run *r, const struct tuff_node *root)
{
	if (!r->dead && tuff_write_doc(r->w, root) == -1)
		r->dead = 1;
}

/* A valid journey, in the mode the options ask for.  -1 on ENOMEM. */
static int
use_journey(struct run *r, struct tuff_doc *doc)
{
	struct journey_metrics m;
	struct tuff_doc *ch;

	if (journey_measure(doc->root, &m) == -1)
		return -1;
	if (r->o->challenges) {
		if ((ch = journey_challenge(doc, &m)) == NULL)
			return -1;
		if (add_row(r, tuff_str(tuff_map_get(doc->root, "id")), &m,
		    ch) == -1) {
			tuff_doc_free(ch);
			return -1;
		}
		return 0;
	}
	switch (r->o->format) {
	case F_MERMAID:
		if (!r->dead && journey_mermaid(r->fp, doc->root,
		    r->journeys == 1) == -1)
			return -1;
		if (ferror(r->fp))
			r->dead = 1;
		break;
	case F_TABLE:
		return add_row(r, tuff_str(tuff_map_get(doc->root, "id")), &m,
		    NULL);
	default:
		if (journey_enrich(doc, &m) == -1)
			return -1;
		write_record(r, doc->root);
	}
	return 0;
}

/*
 * Each record as it comes: journeys are checked and used, other records
 * pass through at once (so a long stream of them needs no memory), or
 * are counted when the output is a view.  A refused journey is
 * reported and the rest still checked, so one run shows every bad
 * journey; nothing more is written after it.
 */
static int
on_record(struct tuff_doc *doc, void *arg, struct tuff_error *e)
{
	struct run *r = arg;
	struct tuff_error je;
	int rc = 0;

	if (r->dead) {
		/* The output failed: stop; tuff_out_close says why. */
		tuff_doc_free(doc);
		return tuff_seterr_written(e);
	}
	if (doc->kind != NULL && strcmp(doc->kind, "journey") == 0)
		tuff_schema_check_keys(doc);
	/* Under --strict a warning was an error: write no more. */
	if (tuff_diag_status(TUFF_OK) != TUFF_OK)
		r->invalid = 1;
	if (doc->kind == NULL || strcmp(doc->kind, "journey") != 0) {
		if (r->o->format != F_YAML)
			r->foreign++;
		else if (!r->invalid) {
			/* Frees doc: the writer takes its buffers. */
			if (tuff_write_passthrough(r->w, doc) == -1)
				r->dead = 1;
			return 0;
		}
	} else if (journey_check(doc, &je) == -1 ||
	    journey_ids_add(r->ids, doc, &je) == -1) {
		tuff_report("error", &je);
		r->invalid = 1;
	} else {
		r->journeys++;
		if (!r->invalid && use_journey(r, doc) == -1)
			rc = tuff_seterr(e, NULL, 0, 0, "out of memory");
	}
	tuff_doc_free(doc);
	return rc;
}

/* What is written after the last record: challenges, the table. */
static void
finish(struct run *r)
{
	size_t i;

	if (r->o->challenges) {
		journey_rank(r->rows, r->nrows, r->o->ranked ? r->o->rank :
		    JOURNEY_FRICTION);
		for (i = 0; i < r->nrows; i++)
			write_record(r, ((struct tuff_doc *)r->rows[i].arg)->root);
	} else if (r->o->format == F_TABLE) {
		if (r->o->ranked)
			journey_rank(r->rows, r->nrows, r->o->rank);
		if (journey_table(r->fp, r->rows, r->nrows) == -1)
			r->dead = 1;
	}
	if (r->foreign == 1 && r->o->format == F_TABLE)
		tuff_warnx("warning: 1 record of another kind is not shown in "
		    "the table");
	else if (r->foreign == 1)
		tuff_warnx("warning: 1 record of another kind is not shown in "
		    "the diagrams");
	else if (r->foreign > 1 && r->o->format == F_TABLE)
		tuff_warnx("warning: %lu records of other kinds are not shown "
		    "in the table", r->foreign);
	else if (r->foreign > 1)
		tuff_warnx("warning: %lu records of other kinds are not shown "
		    "in the diagrams", r->foreign);
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
	tuff_writer_free(r->w);
}

int
main(int argc, char *argv[])
{
	struct opts o;
	struct run r;
	struct tuff_out out;
	int rc;

	tuff_setprogname(argv[0]);
	memset(&o, 0, sizeof(o));
	parse_options(&o, argc, argv);
	tuff_set_diag_conf(&o.diag);
	argc -= optind;
	argv += optind;
	if (tuff_stdin_is_tty(argc))
		usage();

	memset(&r, 0, sizeof(r));
	r.o = &o;
	if ((r.fp = tuff_out_open(&out, o.out)) == NULL)
		return TUFF_ERR;
	if ((r.ids = journey_ids_new()) == NULL ||
	    (o.format == F_YAML && (r.w = tuff_writer_new(r.fp)) == NULL)) {
		tuff_warnx("out of memory");
		free_run(&r);
		tuff_out_close(&out, 0);
		return TUFF_ERR;
	}
	rc = tuff_diag_status(tuff_each_record(argc, argv, on_record, &r));
	if (r.invalid)
		rc = TUFF_ERR;
	if (rc == TUFF_OK)
		finish(&r);
	if (r.w != NULL && tuff_writer_close(r.w) == -1)
		tuff_out_error(&out, tuff_writer_errno(r.w));
	else if (r.dead)
		tuff_out_error(&out, 0);	/* the stream kept why */
	free_run(&r);
	return tuff_out_close(&out, rc == TUFF_OK);
}
