/*
 * tuff-decide: challenges into decisions and assignments within the
 * delegation order, and the follow-up of assignments (SPEC §4.2).
 *
 * The stream is parsed once, into held output (tuff/stream.h): records
 * the run leaves alone as read, and a place for each it changes or
 * replaces.  Only when the whole stream is valid is the held text
 * written with what those records become at their places.  A run that
 * fails therefore writes nothing, and with -o the old file stays as it
 * was.  The output is opened first all the same, so that its lock
 * covers the reading of a register it replaces.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tuff/decide.h"
#include "tuff/diag.h"
#include "tuff/i18n.h"
#include "tuff/run.h"
#include "tuff/schema.h"
#include "tuff/stream.h"

enum {
	OPT_ASSIGN = 256,
	OPT_REJECT,
	OPT_DEFER,
	OPT_BY,
	OPT_OWNER,
	OPT_DUE,
	OPT_DATE,
	OPT_RATIONALE,
	OPT_COST,
	OPT_DELEGATION,
	OPT_AS_OF,
	OPT_WITHIN,
	OPT_STRICT
};

static const struct option longopts[] = {
	{ "assign",	required_argument,	NULL, OPT_ASSIGN },
	{ "reject",	required_argument,	NULL, OPT_REJECT },
	{ "defer",	required_argument,	NULL, OPT_DEFER },
	{ "by",		required_argument,	NULL, OPT_BY },
	{ "owner",	required_argument,	NULL, OPT_OWNER },
	{ "due",	optional_argument,	NULL, OPT_DUE },
	{ "date",	required_argument,	NULL, OPT_DATE },
	{ "rationale",	required_argument,	NULL, OPT_RATIONALE },
	{ "cost",	required_argument,	NULL, OPT_COST },
	{ "delegation",	required_argument,	NULL, OPT_DELEGATION },
	{ "as-of",	required_argument,	NULL, OPT_AS_OF },
	{ "within",	required_argument,	NULL, OPT_WITHIN },
	{ "strict",	no_argument,		NULL, OPT_STRICT },
	{ "output",	required_argument,	NULL, 'o' },
	{ "help",	no_argument,		NULL, 'h' },
	{ "version",	no_argument,		NULL, 'V' },
	{ NULL,		0,			NULL, 0 }
};

static const char *const synopsis = N_(
    "usage: tuff-decide --by ROLE [--date DATE] [--assign ID,...] "
    "[--reject ID,...]\n"
    "           [--defer ID,...] [--owner [ID=]NAME] [--due [ID=]DATE]\n"
    "           [--rationale [ID=]TEXT] [--cost [ID=]SEK] "
    "[--delegation FILE]\n"
    "           [--strict] [-o FILE] [file ...]\n"
    "       tuff-decide --due [--as-of DATE] [--within DAYS] "
    "[--delegation FILE]\n"
    "           [--strict] [-o FILE] [file ...]\n");

static const char *const options = N_(
    "\n"
    "Decide on the challenges in the stream:\n"
    "  --by ROLE             the role that decides (see --delegation)\n"
    "  --date DATE           the day of the decision (default: --as-of)\n"
    "  --assign ID,...       challenges to turn into assignments\n"
    "  --reject ID,...       challenges to reject\n"
    "  --defer ID,...        challenges to defer\n"
    "  --owner [ID=]NAME     who carries out the assignments\n"
    "  --due [ID=]DATE       when the assignments are due\n"
    "  --rationale [ID=]TEXT why the decisions were taken\n"
    "  --cost [ID=]SEK       the estimated cost of the assignments\n"
    "List what is due for follow-up:\n"
    "  --due                 write follow-up records for the assignments\n"
    "  --as-of DATE          the day to look from (default: today)\n"
    "  --within DAYS         the window in days (default: 31)\n"
    "Both:\n"
    "  --delegation FILE     the delegation order (default: built in)\n"
    "  --strict              make every warning about the input an error\n"
    "  -o, --output FILE     write FILE atomically, only on success\n"
    "  -h, --help            print this help and exit\n"
    "  -V, --version         print the version and exit\n");

/* What the command line asked for, before anything is read. */
struct opts {
	struct tuff_diag_conf diag;
	int		 followup;	/* a bare --due */
	const char	*decide_only;	/* name of the first option of
					   decide mode */
	const char	*by;
	const char	*delegation;
	const char	*output;
	int		 has_date, has_as_of, has_within;
	tuff_day	 date, as_of;
	long		 within;
	struct {
		int		 opt;
		const char	*arg;
	}		*args;		/* picks and values, in order */
	size_t		 nargs;
};

struct run {
	struct tuff_held	 h;
	struct decide		*d;
};

static void __attribute__((noreturn))
usage(void)
{
	fputs(_(synopsis), stderr);
	exit(TUFF_ERR);
}

static void __attribute__((noreturn))
usage_error(const char *fmt, const char *arg)
{
	tuff_warnx(fmt, arg);
	usage();
}

static tuff_day
date_arg(const char *opt, const char *arg)
{
	char msg[512];
	tuff_day day;

	if (tuff_date_parse(arg, strlen(arg), &day) == -1) {
		tuff_warnx("%s", tuff_date_message(msg, sizeof(msg), opt, arg,
		    strlen(arg), NULL));
		usage();
	}
	return day;
}

static long
days_arg(const char *arg)
{
	char *end;
	long v;

	v = strtol(arg, &end, 10);
	if (*arg < '0' || *arg > '9' || *end != '\0' || v > 36525)
		usage_error("--within: expected days from 0 to 36525, not "
		    "\"%s\"", arg);
	return v;
}

/*
 * --due takes a date in decide mode and none in follow-up mode.  A
 * bare --due followed by a word meant as a date (2021-06-30, or
 * wrongly 2021-6-30, which is then refused as such) or by ID=... takes
 * that word as its value, so "--due 2021-06-30" works as the synopsis
 * shows.
 */
static int
looks_like_due(const char *s)
{
	return decide_value_id(s) > 0 || tuff_date_looks_like(s);
}

/* Remember an option of decide mode, for check_mode. */
static void
decide_option(struct opts *o, int opt)
{
	const struct option *lo;

	for (lo = longopts; o->decide_only == NULL && lo->name != NULL; lo++)
		if (lo->val == opt)
			o->decide_only = lo->name;
}

static void
add_arg(struct opts *o, int opt, const char *arg)
{
	o->args[o->nargs].opt = opt;
	o->args[o->nargs++].arg = arg;
	decide_option(o, opt);
}

static void
parse_options(int argc, char *argv[], struct opts *o)
{
	int c, idx;

	if ((o->args = calloc((size_t)argc + 1, sizeof(*o->args))) == NULL) {
		tuff_warnx("out of memory");
		exit(TUFF_ERR);
	}
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":ho:V", longopts, &idx)) != -1)
		switch (c) {
		case 'h':
			fputs(_(synopsis), stdout);
			fputs(_(options), stdout);
			exit(tuff_stdout_status());
		case 'V':
			printf("tuff-decide (tuff) %s\n", TUFF_VERSION);
			exit(tuff_stdout_status());
		case 'o':
			o->output = optarg;
			break;
		case OPT_BY:
			o->by = optarg;
			decide_option(o, c);
			break;
		case OPT_DATE:
			o->date = date_arg("--date", optarg);
			o->has_date = 1;
			decide_option(o, c);
			break;
		case OPT_AS_OF:
			o->as_of = date_arg("--as-of", optarg);
			o->has_as_of = 1;
			break;
		case OPT_WITHIN:
			o->within = days_arg(optarg);
			o->has_within = 1;
			break;
		case OPT_DELEGATION:
			o->delegation = optarg;
			break;
		case OPT_STRICT:
			o->diag.strict = 1;
			break;
		case OPT_DUE:
			if (optarg == NULL && optind < argc &&
			    looks_like_due(argv[optind]))
				optarg = argv[optind++];
			if (optarg == NULL) {
				o->followup = 1;
				break;
			}
			if (o->decide_only == NULL)
				o->decide_only = "due DATE";
			add_arg(o, c, optarg);
			break;
		case OPT_ASSIGN:
		case OPT_REJECT:
		case OPT_DEFER:
		case OPT_OWNER:
		case OPT_RATIONALE:
		case OPT_COST:
			add_arg(o, c, optarg);
			break;
		case ':':
		default:
			tuff_getopt_warn(c, argv, longopts);
			usage();
		}
}

/* Check the mix of options; fill in the defaults that need today. */
static void
check_mode(struct opts *o)
{
	if (o->followup && o->decide_only != NULL) {
		tuff_warnx("--due without a date lists follow-ups; it does not "
		    "go with --%s", o->decide_only);
		usage();
	}
	if (!o->followup && o->has_within) {
		tuff_warnx("--within goes with --due, which lists "
		    "follow-ups");
		usage();
	}
	if (!o->has_as_of)
		o->as_of = tuff_date_today();
	if (!o->has_date)
		o->date = o->as_of;
	if (!o->has_within)
		o->within = 31;
}

static struct decide_delegation *
load_delegation(const char *path)
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

static void
report(const struct tuff_error *e, void *arg)
{
	(void)arg;
	if (e->file == NULL)
		tuff_warnx("%s", e->msg);
	else
		tuff_report("error", e);
}

/* Hand the options to the run; -1 after reporting a usage error. */
static int
setup(struct decide *d, const struct opts *o)
{
	struct tuff_error e;
	size_t i;
	int rc = 0;

	if (o->by != NULL)
		rc = decide_set_by(d, o->by, &e);
	decide_set_date(d, o->date);
	decide_set_window(d, o->as_of, o->within);
	for (i = 0; i < o->nargs && rc == 0; i++)
		switch (o->args[i].opt) {
		case OPT_ASSIGN:
			rc = decide_pick(d, DECIDE_ASSIGN, o->args[i].arg, &e);
			break;
		case OPT_REJECT:
			rc = decide_pick(d, DECIDE_REJECT, o->args[i].arg, &e);
			break;
		case OPT_DEFER:
			rc = decide_pick(d, DECIDE_DEFER, o->args[i].arg, &e);
			break;
		case OPT_OWNER:
			rc = decide_set(d, DECIDE_OWNER, o->args[i].arg, &e);
			break;
		case OPT_DUE:
			rc = decide_set(d, DECIDE_DUE, o->args[i].arg, &e);
			break;
		case OPT_RATIONALE:
			rc = decide_set(d, DECIDE_RATIONALE, o->args[i].arg, &e);
			break;
		case OPT_COST:
			rc = decide_set(d, DECIDE_COST, o->args[i].arg, &e);
			break;
		}
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
	const struct run *r = arg;

	return decide_streams(r->d, kind);
}

/* Validate each record; pass it on as read, or keep it. */
static int
on_record(struct tuff_doc *doc, void *arg, struct tuff_error *e)
{
	struct run *r = arg;

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
	struct run *r = arg;

	return decide_scan_end(r->d, report, NULL) > 0 ? -1 : 0;
}

/* At a place: what the record kept there becomes. */
static int
emit_at(void *arg, struct tuff_writer *w, void *ctx, struct tuff_error *e)
{
	struct run *r = ctx;

	return decide_emit(r->d, arg, w, e);
}

static int
run(struct decide *d, int argc, char **argv, const char *output)
{
	struct run r;

	r.h = (struct tuff_held){ on_record, streams, scan_end, emit_at, &r,
	    0, NULL, NULL };
	r.d = d;
	return tuff_held_run(&r.h, argc, argv, output);
}

int
main(int argc, char *argv[])
{
	struct decide_delegation *deleg;
	struct opts o;
	struct decide *d = NULL;
	int rc = TUFF_ERR;

	tuff_setprogname(argv[0]);
	tuff_i18n_init();
	memset(&o, 0, sizeof(o));
	parse_options(argc, argv, &o);
	tuff_set_diag_conf(&o.diag);
	argc -= optind;
	argv += optind;
	check_mode(&o);
	if (tuff_stdin_is_tty(argc))
		usage();
	if ((deleg = load_delegation(o.delegation)) == NULL)
		goto done;
	if ((d = decide_new(deleg, o.followup ? DECIDE_FOLLOWUP :
	    DECIDE_DECIDE)) == NULL) {
		tuff_warnx("out of memory");
		goto done;
	}
	if (setup(d, &o) == -1)
		goto done;
	rc = run(d, argc, argv, o.output);
done:
	decide_free(d);
	decide_delegation_free(deleg);
	free(o.args);
	return tuff_diag_status(rc);
}
