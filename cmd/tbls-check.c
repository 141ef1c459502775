/*
 * tbls-check: check assignments and decisions against the seven TBLS
 * principles (SPEC §4.3), like a linter checks code.
 *
 * Every record is written as read, in its place, into held output
 * (tuff/stream.h).  Assignments and decisions are also kept (they are
 * few) until the stream ends, because a need's journey may come after
 * the assignment that cites it; then each is checked, and its findings
 * and, with --summary, its tbls-profile are written at the place right
 * after it.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/date.h"
#include "tuff/diag.h"
#include "tuff/i18n.h"
#include "tuff/journey.h"
#include "tuff/run.h"
#include "tuff/schema.h"
#include "tuff/stream.h"
#include "tuff/tbls.h"

struct opts {
	struct tuff_held	 h;
	struct tuff_diag_conf	 diag;
	struct tbls_config	 cfg;
	int			 gcc;
	int			 summary;
	enum tbls_severity	 fail_on;
	enum tbls_severity	 worst;
	struct tbls_journeys	*journeys;
	struct tbls_result	 result;
};

enum {
	OPT_FORMAT = 256,
	OPT_SUMMARY,
	OPT_FAIL_ON,
	OPT_STALE,
	OPT_AS_OF,
	OPT_RULES,
	OPT_LIST_RULES,
	OPT_STRICT
};

static const struct option longopts[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ "output", required_argument, NULL, 'o' },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "summary", no_argument, NULL, OPT_SUMMARY },
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
	{ "stale", required_argument, NULL, OPT_STALE },
	{ "as-of", required_argument, NULL, OPT_AS_OF },
	{ "rules", required_argument, NULL, OPT_RULES },
	{ "list-rules", no_argument, NULL, OPT_LIST_RULES },
	{ "strict", no_argument, NULL, OPT_STRICT },
	{ NULL, 0, NULL, 0 }
};

static void
usage(FILE *fp)
{
	fprintf(fp, _(
	    "usage: %s [-hV] [-o file] [--format yaml|gcc] [--summary]\n"
	    "       [--fail-on error|warning|note|never] [--stale days]\n"
	    "       [--as-of date] [--rules file] [--strict] [file ...]\n"
	    "       %s --list-rules [--rules file]\n"
	    "  --format yaml|gcc  finding records (default), or one line each\n"
	    "  --summary          a tbls-profile per checked record\n"
	    "  --fail-on LEVEL    exit 1 on findings at or above LEVEL "
	    "(default error)\n"
	    "  --stale DAYS       an open obstacle older than DAYS is stale "
	    "(default 60)\n"
	    "  --as-of DATE       the date stale is counted to (default "
	    "today)\n"
	    "  --rules FILE       enable, disable and re-grade rules\n"
	    "  --list-rules       print the rulebook and exit\n"
	    "  --strict           make every warning about the input an "
	    "error\n"
	    "  -o, --output FILE  write FILE atomically, only on success\n"
	    "  -h, --help         this help\n"
	    "  -V, --version      the version\n"),
	    tuff_progname(), tuff_progname());
}

static void __attribute__((noreturn))
bad_usage(void)
{
	usage(stderr);
	exit(TUFF_ERR);
}

/* Refuse option value val; fmt is a whole sentence with one %s. */
static void __attribute__((noreturn, format(printf, 1, 0)))
bad_option(const char *fmt, const char *val)
{
	tuff_warnx(fmt, val);
	exit(TUFF_ERR);
}

static void
load_rules(struct tbls_config *cfg, const char *path)
{
	struct tuff_error e;
	const char *name;
	FILE *fp;
	int rc;

	if ((fp = tuff_open_input(path, &name)) == NULL)
		exit(TUFF_ERR);
	rc = tbls_config_load(cfg, fp, name, &e);
	if (fp != stdin)
		fclose(fp);
	if (rc == -1) {
		tuff_report("error", &e);
		exit(TUFF_ERR);
	}
}

/*
 * Parse the options into o; the rules file is applied after all of
 * them, so --rules and --as-of may come in any order.  Exits on a
 * usage error.  Returns the index of the first operand.
 */
static int
parse_opts(int argc, char *argv[], struct opts *o, const char **outpath,
    int *list)
{
	const char *rules = NULL, *as_of = NULL;
	tuff_day day;
	long stale = TBLS_DEFAULT_STALE;
	char *end;
	int c, v;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":hVo:", longopts, NULL)) != -1)
		switch (c) {
		case 'h':
			usage(stdout);
			exit(tuff_stdout_status());
		case 'V':
			printf("%s (tuff) %s\n", tuff_progname(), TUFF_VERSION);
			exit(tuff_stdout_status());
		case 'o':
			*outpath = optarg;
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "gcc") == 0)
				o->gcc = 1;
			else if (strcmp(optarg, "yaml") == 0)
				o->gcc = 0;
			else
				bad_option("--format: expected yaml or gcc, not \"%s\"",
				    optarg);
			break;
		case OPT_SUMMARY:
			o->summary = 1;
			break;
		case OPT_FAIL_ON:
			if ((v = tbls_severity_parse(optarg, 1)) == -1)
				bad_option("--fail-on: expected error, warning, "
				    "note or never, not \"%s\"", optarg);
			o->fail_on = (enum tbls_severity)v;
			break;
		case OPT_STALE:
			stale = strtol(optarg, &end, 10);
			if (*optarg < '0' || *optarg > '9' || *end != '\0' ||
			    stale > 365L * 1000)
				bad_option("--stale: expected a number of days "
				    "from 0 to 365000, not \"%s\"", optarg);
			break;
		case OPT_AS_OF:
			as_of = optarg;
			break;
		case OPT_RULES:
			rules = optarg;
			break;
		case OPT_LIST_RULES:
			*list = 1;
			break;
		case OPT_STRICT:
			o->diag.strict = 1;
			break;
		case ':':
		default:
			tuff_getopt_warn(c, argv, longopts);
			bad_usage();
		}
	day = tuff_date_today();
	if (as_of != NULL && tuff_date_parse(as_of, strlen(as_of), &day) == -1) {
		char msg[512];

		tuff_warnx("%s", tuff_date_message(msg, sizeof(msg), "--as-of",
		    as_of, strlen(as_of), NULL));
		exit(TUFF_ERR);
	}
	tbls_config_init(&o->cfg, day);
	o->cfg.stale_days = stale;
	if (rules != NULL)
		load_rules(&o->cfg, rules);
	return optind;
}

/* Keep doc, to check it at the place right after it. */
static int
hold(struct opts *o, struct tuff_doc *doc, struct tuff_error *e)
{
	if (!o->gcc && tuff_write_unchanged(o->h.w, doc) == -1) {
		tuff_doc_free(doc);
		return tuff_writer_error(o->h.w, e);
	}
	return tuff_held_keep(&o->h, doc, e);
}

/* Note a journey's actors for helhetssyn.narrow-collaboration. */
static int
note_journey(struct opts *o, const struct tuff_doc *doc,
    struct tuff_error *e)
{
	const char *id = tuff_str(tuff_map_get(doc->root, "id"));
	size_t actors;

	if (id == NULL)
		return 0;
	if (journey_distinct_actors(doc->root, &actors) == -1 ||
	    tbls_journeys_add(o->journeys, id, actors) == -1)
		return tuff_seterr(e, NULL, 0, 0, "out of memory");
	return 0;
}

static int
on_record(struct tuff_doc *doc, void *arg, struct tuff_error *e)
{
	struct opts *o = arg;
	int journey;

	journey = doc->kind != NULL && strcmp(doc->kind, "journey") == 0;
	if (journey || tbls_kind(doc) != 0)
		tuff_schema_check_keys(doc);	/* a kind this tool reads */
	if (tbls_kind(doc) != 0) {
		if (tbls_validate(doc, e) == -1) {
			tuff_doc_free(doc);
			return -1;
		}
		return hold(o, doc, e);
	}
	if (journey && note_journey(o, doc, e) == -1) {
		tuff_doc_free(doc);
		return -1;
	}
	if (o->gcc) {
		tuff_doc_free(doc);
		return 0;
	}
	if (tuff_write_passthrough(o->h.w, doc) == -1)
		return tuff_writer_error(o->h.w, e);
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
	struct opts *o = ctx;
	struct tbls_result *r = &o->result;
	enum tbls_severity s;
	FILE *fp;
	size_t i;
	int rc = 0;

	if (tbls_check(&o->cfg, o->journeys, doc, r) == -1)
		return tuff_seterr(e, NULL, 0, 0, "out of memory");
	if ((s = tbls_result_worst(r)) > o->worst)
		o->worst = s;
	if (o->gcc && tuff_writer_file(w, &fp) == -1)
		return tuff_seterr_written(e);
	for (i = 0; i < r->n && rc == 0; i++)
		rc = o->gcc ? tbls_print_finding(fp, doc, &r->v[i]) :
		    tbls_write_finding(w, doc, &r->v[i]);
	if (rc == 0 && o->summary)
		rc = o->gcc ? tbls_print_profile(fp, doc, r) :
		    tbls_write_profile(w, doc, r);
	/* A failed write is kept in the output, and reported at its close. */
	return rc == -1 ? tuff_seterr_written(e) : 0;
}

int
main(int argc, char *argv[])
{
	struct opts o;
	struct tuff_out out;
	const char *outpath = NULL;
	FILE *fp;
	size_t i;
	int rc, list = 0;

	tuff_setprogname(argv[0]);
	tuff_i18n_init();
	memset(&o, 0, sizeof(o));
	o.fail_on = TBLS_ERROR;
	tuff_set_diag_conf(&o.diag);
	i = (size_t)parse_opts(argc, argv, &o, &outpath, &list);
	argc -= (int)i;
	argv += i;
	if (list) {
		if ((fp = tuff_out_open(&out, outpath)) == NULL)
			return TUFF_ERR;
		(void)tbls_list_rules(fp, &o.cfg);	/* errors kept in out */
		return tuff_out_close(&out, 1);
	}
	if (tuff_stdin_is_tty(argc)) {
		usage(stderr);
		return TUFF_ERR;
	}
	if ((o.journeys = tbls_journeys_new()) == NULL) {
		tuff_warnx("out of memory");
		return TUFF_ERR;
	}
	o.h = (struct tuff_held){ on_record, passes, NULL, findings, &o,
	    o.gcc, NULL, NULL };
	rc = tuff_held_run(&o.h, argc, argv, outpath);
	if (rc == TUFF_OK && o.worst != TBLS_OFF && o.worst >= o.fail_on)
		rc = TUFF_NO;
	tbls_result_free(&o.result);
	tbls_journeys_free(o.journeys);
	return rc;
}
