/*
 * tuff-decide: challenges into decisions and assignments within the
 * delegation order, and the follow-up of assignments (SPEC §4.2).
 *
 * The input is copied to temporary files and read twice, the same
 * bytes each time: the first pass validates everything, the second
 * writes.  A run that fails therefore writes nothing, and with -o the
 * old file stays as it was.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tuff/decide.h"
#include "tuff/diag.h"
#include "tuff/run.h"

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
	OPT_WITHIN
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
    "           [-o FILE] [file ...]\n"
    "       tuff-decide --due [--as-of DATE] [--within DAYS] "
    "[--delegation FILE]\n"
    "           [-o FILE] [file ...]\n";

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
    "  -o, --output FILE     write FILE atomically, only on success\n"
    "  -h, --help            print this help and exit\n"
    "  -V, --version         print the version and exit\n";

/* What the command line asked for, before anything is read. */
struct opts {
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

struct input {
	const char	*name;
	FILE		*fp;		/* a temporary copy */
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
	tuff_day day;

	if (tuff_date_parse(arg, strlen(arg), &day) == -1) {
		tuff_warnx("%s: expected a date YYYY-MM-DD, not \"%s\"", opt,
		    arg);
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
 * bare --due followed by a word shaped like a date (YYYY-MM-DD) or by
 * ID=... takes that word as its value, so "--due 2021-06-30" works as
 * the synopsis shows.
 */
static int
looks_like_due(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-");
	size_t i;

	if (n > 0 && s[n] == '=')
		return 1;
	if (strlen(s) != 10)
		return 0;
	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static void __attribute__((noreturn))
unknown_option(char **argv, int c)
{
	const char *arg = argv[optind - 1];

	if (c != 0)
		tuff_warnx("unknown option -- %c", c);
	else if (strncmp(arg, "--", 2) == 0)
		tuff_warnx("unknown option -- %.*s", (int)strcspn(arg + 2, "="),
		    arg + 2);
	else
		tuff_warnx("unknown option -- %s", arg);
	usage();
}

/* getopt_long sets optopt to the val of a long option. */
static void __attribute__((noreturn))
missing_argument(int opt)
{
	const struct option *lo;

	for (lo = longopts; lo->name != NULL; lo++)
		if (lo->val == opt && opt >= OPT_ASSIGN) {
			tuff_warnx("option requires an argument -- %s",
			    lo->name);
			usage();
		}
	tuff_warnx("option requires an argument -- %c", opt);
	usage();
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
			exit(TUFF_OK);
		case 'V':
			printf("tuff-decide (tuff) %s\n", TUFF_VERSION);
			exit(TUFF_OK);
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
			missing_argument(optopt);
		default:
			unknown_option(argv, optopt);
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
	if (rc == 0)
		rc = decide_check_options(d, &e);
	if (rc == -1)
		tuff_warnx("%s", e.msg);
	return rc;
}

/*
 * Copy one input to a temporary file, so both passes read the same
 * bytes even from a pipe.
 */
static int
spool(const char *path, struct input *in)
{
	char buf[BUFSIZ];
	FILE *src;
	size_t n;
	int rc = 0;

	if ((src = tuff_open_input(path, &in->name)) == NULL)
		return -1;
	if ((in->fp = tmpfile()) == NULL) {
		tuff_warn("temporary file");
		rc = -1;
	}
	while (rc == 0 && (n = fread(buf, 1, sizeof(buf), src)) > 0)
		if (fwrite(buf, 1, n, in->fp) != n) {
			tuff_warn("temporary file");
			rc = -1;
		}
	if (rc == 0 && ferror(src)) {
		tuff_warn("%s", in->name);
		rc = -1;
	}
	if (rc == 0 && fflush(in->fp) == EOF) {
		tuff_warn("temporary file");
		rc = -1;
	}
	if (src != stdin)
		fclose(src);
	return rc;
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

/*
 * Read every input from its start; pass 1 (w NULL) validates, pass 2
 * writes to w.  Returns 0, or -1 after reporting.
 */
static int
pass(struct decide *d, struct input *in, size_t nin, struct tuff_writer *w)
{
	struct tuff_reader *r;
	struct tuff_doc *doc;
	struct tuff_error e;
	size_t i;
	int rc = 0, got;

	for (i = 0; i < nin && rc == 0; i++) {
		rewind(in[i].fp);
		if ((r = tuff_reader_new(in[i].fp, in[i].name)) == NULL) {
			tuff_warnx("out of memory");
			return -1;
		}
		while (rc == 0 && (got = tuff_reader_next(r, &doc, &e)) == 1) {
			if (w == NULL) {
				if (doc->kind == NULL)
					tuff_diag("warning", doc->file,
					    doc->line, doc->column,
					    "record has no kind; passed through");
				rc = decide_scan(d, doc, &e);
				tuff_doc_free(doc);
			} else
				rc = decide_emit(d, doc, w, &e);
		}
		if (rc == 0 && got == -1)
			rc = -1;
		if (rc == -1)
			tuff_report("error", &e);
		tuff_reader_free(r);
	}
	return rc;
}

/* Both passes; the output is opened only when the first one passed. */
static int
run(struct decide *d, struct input *in, size_t nin, const char *output)
{
	struct tuff_writer *w;
	struct tuff_out out;
	FILE *fp;
	int ok;

	if (pass(d, in, nin, NULL) == -1 || decide_scan_end(d, report,
	    NULL) > 0)
		return TUFF_ERR;
	if ((fp = tuff_out_open(&out, output)) == NULL)
		return TUFF_ERR;
	if ((w = tuff_writer_new(fp)) == NULL) {
		tuff_warnx("out of memory");
		return tuff_out_close(&out, 0);
	}
	ok = pass(d, in, nin, w) == 0;
	if (tuff_writer_close(w) == -1 && ok) {
		tuff_warn("write error");
		ok = 0;
	}
	tuff_writer_free(w);
	return tuff_out_close(&out, ok);
}

int
main(int argc, char *argv[])
{
	static char *dash[] = { "-", NULL };
	struct decide_delegation *deleg;
	struct opts o;
	struct input *in = NULL;
	struct decide *d = NULL;
	size_t nin = 0;
	int rc = TUFF_ERR, i;

	tuff_setprogname(argv[0]);
	memset(&o, 0, sizeof(o));
	parse_options(argc, argv, &o);
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
	if (argc == 0) {
		argc = 1;
		argv = dash;
	}
	if ((in = calloc((size_t)argc, sizeof(*in))) == NULL) {
		tuff_warnx("out of memory");
		goto done;
	}
	nin = (size_t)argc;
	for (i = 0; i < argc; i++)
		if (spool(argv[i], &in[i]) == -1)
			goto done;
	rc = run(d, in, nin, o.output);
done:
	for (i = 0; (size_t)i < nin; i++)
		if (in[i].fp != NULL)
			fclose(in[i].fp);
	free(in);
	decide_free(d);
	decide_delegation_free(deleg);
	free(o.args);
	return rc;
}
