/*
 * tuff-decide: challenges into decisions and assignments within the
 * delegation order, and the follow-up of assignments (SPEC §4.2).
 *
 * The stream is parsed once.  Records the run leaves alone are written
 * at once, as read, to a temporary body; the few it consumes are kept
 * with their place in the body.  Only when the whole stream is valid
 * are the body and what the kept records become spliced into the
 * output.  A run that fails therefore writes nothing, and with -o the
 * old file stays as it was.  The output is opened first all the same,
 * so that its lock covers the reading of a register it replaces.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tuff/decide.h"
#include "tuff/diag.h"
#include "tuff/run.h"
#include "tuff/schema.h"

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

static const char synopsis[] =
    "usage: tuff-decide --by ROLE [--date DATE] [--assign ID,...] "
    "[--reject ID,...]\n"
    "           [--defer ID,...] [--owner [ID=]NAME] [--due [ID=]DATE]\n"
    "           [--rationale [ID=]TEXT] [--cost [ID=]SEK] "
    "[--delegation FILE]\n"
    "           [--strict] [-o FILE] [file ...]\n"
    "       tuff-decide --due [--as-of DATE] [--within DAYS] "
    "[--delegation FILE]\n"
    "           [--strict] [-o FILE] [file ...]\n";

static const char options[] =
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
    "  -V, --version         print the version and exit\n";

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

/* A record the run consumes, and where in the body it belongs. */
struct kept {
	struct tuff_doc	*doc;
	long		 at;
};

struct run {
	struct decide		*d;
	struct tuff_out		 spill;
	FILE			*body;	/* what passes through, as read */
	struct tuff_writer	*w;
	struct kept		*kept;
	size_t			 nkept, cap;
};

static void __attribute__((noreturn))
usage(void)
{
	fputs(synopsis, stderr);
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
			fputs(synopsis, stdout);
			fputs(options, stdout);
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
	if (!o->followup && o->has_within)
		usage_error("--within goes with --due, which lists %s",
		    "follow-ups");
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

/* Records of kinds the run does not read go to the body unbuilt. */
static int
streams(const char *kind, void *arg)
{
	const struct run *r = arg;

	return decide_streams(r->d, kind);
}

/* Validate each record; write it to the body, or keep it. */
static int
on_record(struct tuff_doc *doc, void *arg, struct tuff_error *e)
{
	struct run *r = arg;
	struct kept *k;
	long at;

	if (!decide_passes_through(r->d, doc->kind))
		tuff_schema_check_keys(doc);	/* a kind this run reads */
	if (decide_scan(r->d, doc, e) == -1) {
		tuff_doc_free(doc);
		return -1;
	}
	if (decide_passes_through(r->d, doc->kind)) {
		/* Frees doc: the writer takes its buffers.  A failure is
		 * the spill's, reported when it is closed. */
		if (tuff_write_passthrough(r->w, doc) == -1)
			return tuff_seterr_written(e);
		return 0;
	}
	if (tuff_writer_flush(r->w) == -1 || (at = ftell(r->body)) == -1) {
		tuff_doc_free(doc);
		tuff_out_error(&r->spill, errno);
		return tuff_seterr_written(e);
	}
	if (r->nkept == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		if ((k = realloc(r->kept, r->cap * sizeof(*k))) == NULL) {
			tuff_doc_free(doc);
			return tuff_seterr(e, NULL, 0, 0, "out of memory");
		}
		r->kept = k;
	}
	r->kept[r->nkept].doc = doc;
	r->kept[r->nkept++].at = at;
	return 0;
}

/* Copy the body from where it is up to offset to (-1: to its end). */
static int
copy_body(FILE *body, FILE *out, long to)
{
	char buf[BUFSIZ];
	size_t n, want;
	long left = to;

	for (;;) {
		want = to < 0 || (size_t)left > sizeof(buf) ? sizeof(buf) :
		    (size_t)left;
		if (want == 0 || (n = fread(buf, 1, want, body)) == 0)
			break;
		if (fwrite(buf, 1, n, out) != n)
			return -1;
		left -= (long)n;
	}
	return ferror(body) || (to >= 0 && left != 0) ? -1 : 0;
}

/*
 * The output, once the whole stream passed: body and kept records.
 * Write failures are kept in out and the spill, and reported when they
 * are closed; anything else is reported here.
 */
static int
splice(struct run *r, struct tuff_out *out)
{
	struct tuff_writer *w;
	struct tuff_error e;
	size_t i;
	long done = 0;
	int rc = 0;

	if ((w = tuff_writer_new(out->fp)) == NULL) {
		tuff_warnx("out of memory");
		return -1;
	}
	rewind(r->body);
	for (i = 0; i < r->nkept && rc == 0; i++) {
		if ((rc = copy_body(r->body, out->fp, r->kept[i].at - done)) ==
		    -1)
			break;
		done = r->kept[i].at;
		rc = decide_emit(r->d, r->kept[i].doc, w, &e);
		r->kept[i].doc = NULL;
		if (rc == -1)
			tuff_report("error", &e);
		else
			rc = tuff_writer_flush(w);
	}
	if (rc == 0)
		rc = copy_body(r->body, out->fp, -1);
	if (tuff_writer_close(w) == -1) {
		tuff_out_error(out, tuff_writer_errno(w));
		rc = -1;
	}
	tuff_writer_free(w);
	return rc;
}

/* Read and check the whole stream; write the output only if it passed. */
static int
run(struct decide *d, int argc, char **argv, const char *output)
{
	struct run r = { .d = d };
	struct tuff_out out;
	size_t i;
	int ok = 0;

	if (tuff_out_open(&out, output) == NULL)
		return TUFF_ERR;
	if ((r.body = tuff_out_temp(&r.spill)) == NULL) {
		tuff_out_close(&out, 0);
		return TUFF_ERR;
	}
	if ((r.w = tuff_writer_new(r.body)) == NULL) {
		tuff_warnx("out of memory");
		goto done;
	}
	if (tuff_each_record_or_pass(argc, argv, on_record, streams, r.w,
	    &r) != TUFF_OK)
		goto done;
	if (tuff_writer_close(r.w) == -1)
		goto done;
	if (decide_scan_end(d, report, NULL) > 0)
		goto done;
	/* Under --strict a warning was an error: nothing is written. */
	if (tuff_diag_status(TUFF_OK) != TUFF_OK)
		goto done;
	ok = splice(&r, &out) == 0;
done:
	if (r.w != NULL && tuff_writer_errno(r.w) != 0)
		tuff_out_error(&r.spill, tuff_writer_errno(r.w));
	for (i = 0; i < r.nkept; i++)
		tuff_doc_free(r.kept[i].doc);
	free(r.kept);
	tuff_writer_free(r.w);
	tuff_out_close(&r.spill, 0);	/* reports a failure of its own */
	return tuff_out_close(&out, ok);
}

int
main(int argc, char *argv[])
{
	struct decide_delegation *deleg;
	struct opts o;
	struct decide *d = NULL;
	int rc = TUFF_ERR;

	tuff_setprogname(argv[0]);
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
