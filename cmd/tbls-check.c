/*
 * tbls-check: check assignments and decisions against the seven TBLS
 * principles (SPEC §4.3), like a linter checks code.
 *
 * Records of other kinds stream through as they come.  Assignments and
 * decisions are held (they are few) until the stream ends, because a
 * need's journey may come after the assignment that cites it; then
 * each is written in input order, followed by its findings and, with
 * --summary, its tbls-profile.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/date.h"
#include "tuff/diag.h"
#include "tuff/journey.h"
#include "tuff/run.h"
#include "tuff/schema.h"
#include "tuff/tbls.h"

struct opts {
	struct tuff_diag_conf	 diag;
	struct tbls_config	 cfg;
	int			 gcc;
	int			 summary;
	enum tbls_severity	 fail_on;
	struct tbls_journeys	*journeys;
	struct tuff_writer	*w;
	FILE			*out;
	struct tuff_doc		**held;
	size_t			 nheld, capheld;
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
	fprintf(fp,
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
	    "  -o FILE            write FILE atomically, only on success\n"
	    "  -h, --help         this help\n"
	    "  -V, --version      the version\n",
	    tuff_progname(), tuff_progname());
}

static void __attribute__((noreturn))
bad_usage(void)
{
	usage(stderr);
	exit(TUFF_ERR);
}

static void __attribute__((noreturn))
bad_value(const char *opt, const char *val, const char *want)
{
	tuff_warnx("%s: expected %s, not \"%s\"", opt, want, val);
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
				bad_value("--format", optarg, "yaml or gcc");
			break;
		case OPT_SUMMARY:
			o->summary = 1;
			break;
		case OPT_FAIL_ON:
			if ((v = tbls_severity_parse(optarg, 1)) == -1)
				bad_value("--fail-on", optarg,
				    "error, warning, note or never");
			o->fail_on = (enum tbls_severity)v;
			break;
		case OPT_STALE:
			stale = strtol(optarg, &end, 10);
			if (*optarg < '0' || *optarg > '9' || *end != '\0' ||
			    stale > 365L * 1000)
				bad_value("--stale", optarg,
				    "a number of days from 0 to 365000");
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

static int
hold(struct opts *o, struct tuff_doc *doc, struct tuff_error *e)
{
	struct tuff_doc **v;
	size_t cap;

	if (o->nheld == o->capheld) {
		cap = o->capheld ? o->capheld * 2 : 16;
		if ((v = reallocarray(o->held, cap, sizeof(*v))) == NULL) {
			tuff_doc_free(doc);
			return tuff_seterr(e, NULL, 0, 0, "out of memory");
		}
		o->held = v;
		o->capheld = cap;
	}
	o->held[o->nheld++] = doc;
	return 0;
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
	int rc = 0, journey;

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
	if (journey)
		rc = note_journey(o, doc, e);
	if (rc == -1 || o->gcc) {
		tuff_doc_free(doc);
		return rc;
	}
	/* The fast path: the writer takes the reader's buffers and frees doc. */
	if (tuff_write_passthrough(o->w, doc) == -1)
		return tuff_seterr_written(e);	/* reported at close */
	return 0;
}

/* Write one held record with what it was found to have. */
static int
emit(struct opts *o, const struct tuff_doc *doc, const struct tbls_result *r)
{
	size_t i;
	int rc = 0;

	if (!o->gcc && tuff_write_doc(o->w, doc->root) == -1)
		return -1;
	for (i = 0; i < r->n && rc == 0; i++)
		rc = o->gcc ? tbls_print_finding(o->out, doc, &r->v[i]) :
		    tbls_write_finding(o->w, doc, &r->v[i]);
	if (rc == 0 && o->summary)
		rc = o->gcc ? tbls_print_profile(o->out, doc, r) :
		    tbls_write_profile(o->w, doc, r);
	return rc;
}

/*
 * Check and write every held record, in input order.  Returns TUFF_OK,
 * TUFF_NO when a finding is at or above --fail-on, or TUFF_ERR.
 */
static int
check_held(struct opts *o)
{
	struct tbls_result r;
	enum tbls_severity worst = TBLS_OFF, s;
	size_t i;

	memset(&r, 0, sizeof(r));
	for (i = 0; i < o->nheld; i++) {
		if (tbls_check(&o->cfg, o->journeys, o->held[i], &r) == -1) {
			tuff_warnx("out of memory");
			tbls_result_free(&r);
			return TUFF_ERR;
		}
		if ((s = tbls_result_worst(&r)) > worst)
			worst = s;
		if (emit(o, o->held[i], &r) == -1) {
			/* Reported once, by tuff_out_close. */
			tbls_result_free(&r);
			return TUFF_ERR;
		}
	}
	tbls_result_free(&r);
	return worst != TBLS_OFF && worst >= o->fail_on ? TUFF_NO : TUFF_OK;
}

static int
run(struct opts *o, struct tuff_out *out, int argc, char *argv[])
{
	int rc;

	rc = tuff_diag_status(tuff_each_record(argc, argv, on_record, o));
	if (rc == TUFF_OK)
		rc = check_held(o);
	if (tuff_writer_close(o->w) == -1) {
		tuff_out_error(out, tuff_writer_errno(o->w));
		rc = TUFF_ERR;
	}
	return rc;
}

int
main(int argc, char *argv[])
{
	struct opts o;
	struct tuff_out out;
	const char *outpath = NULL;
	size_t i;
	int rc, list = 0;

	tuff_setprogname(argv[0]);
	memset(&o, 0, sizeof(o));
	o.fail_on = TBLS_ERROR;
	tuff_set_diag_conf(&o.diag);
	i = (size_t)parse_opts(argc, argv, &o, &outpath, &list);
	argc -= (int)i;
	argv += i;
	if (list) {
		if ((o.out = tuff_out_open(&out, outpath)) == NULL)
			return TUFF_ERR;
		(void)tbls_list_rules(o.out, &o.cfg);	/* errors kept in out */
		return tuff_out_close(&out, 1);
	}
	if (tuff_stdin_is_tty(argc)) {
		usage(stderr);
		return TUFF_ERR;
	}
	if ((o.out = tuff_out_open(&out, outpath)) == NULL)
		return TUFF_ERR;
	if ((o.w = tuff_writer_new(o.out)) == NULL ||
	    (o.journeys = tbls_journeys_new()) == NULL) {
		tuff_warnx("out of memory");
		rc = TUFF_ERR;
	} else
		rc = run(&o, &out, argc, argv);
	rc = tuff_out_close(&out, rc != TUFF_ERR) == TUFF_OK ? rc : TUFF_ERR;
	tuff_writer_free(o.w);
	tbls_journeys_free(o.journeys);
	for (i = 0; i < o.nheld; i++)
		tuff_doc_free(o.held[i]);
	free(o.held);
	return rc;
}
