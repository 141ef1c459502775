/*
 * tuff-decide: challenges into decisions and assignments within the
 * delegation order, and the follow-up of assignments (SPEC §4.2).
 * The run itself is decide_run's (lib/decide_tool.c).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/decide.h"
#include "tuff/diag.h"
#include "tuff/i18n.h"
#include "tuff/run.h"

/* Picks and values are OPT_KIND + their enum decide_option. */
enum {
	OPT_KIND = 256,
	OPT_ASSIGN = OPT_KIND + DECIDE_OPT_ASSIGN,
	OPT_REJECT = OPT_KIND + DECIDE_OPT_REJECT,
	OPT_DEFER = OPT_KIND + DECIDE_OPT_DEFER,
	OPT_OWNER = OPT_KIND + DECIDE_OPT_OWNER,
	OPT_DUE = OPT_KIND + DECIDE_OPT_DUE,
	OPT_RATIONALE = OPT_KIND + DECIDE_OPT_RATIONALE,
	OPT_COST = OPT_KIND + DECIDE_OPT_COST,
	OPT_BY,
	OPT_DATE,
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
	struct decide_request run;	/* mode follow-up: a bare --due */
	const char	*decide_only;	/* the first option of decide mode */
	int		 has_date, has_within;
};

static void __attribute__((noreturn))
usage(void)
{
	fputs(_(synopsis), stderr);
	exit(TUFF_ERR);
}

static tuff_day
date_arg(const char *opt, const char *arg)
{
	char msg[512];
	tuff_day day;

	if (tuff_date_parse(arg, strlen(arg), &day) == 0)
		return day;
	tuff_warnx("%s", tuff_date_message(msg, sizeof(msg), opt, arg,
	    strlen(arg), NULL));
	usage();
}

static long
days_arg(const char *arg)
{
	char *end;
	long v;

	v = strtol(arg, &end, 10);
	if (*arg >= '0' && *arg <= '9' && *end == '\0' && v <= 36525)
		return v;
	tuff_warnx("--within: expected days from 0 to 36525, not \"%s\"",
	    arg);
	usage();
}

/* Remember the first option of decide mode, for check_mode. */
static void
note_decide_mode(struct opts *o, const char *name)
{
	if (o->decide_only == NULL)
		o->decide_only = name;
}

static void
parse_options(int argc, char *argv[], struct opts *o)
{
	int c, idx;

	o->run.args = calloc((size_t)argc + 1, sizeof(*o->run.args));
	if (o->run.args == NULL) {
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
			o->run.output = optarg;
			break;
		case OPT_BY:
			o->run.by = optarg;
			note_decide_mode(o, longopts[idx].name);
			break;
		case OPT_DATE:
			o->run.date = date_arg("--date", optarg);
			o->has_date = 1;
			note_decide_mode(o, longopts[idx].name);
			break;
		case OPT_AS_OF:
			o->run.as_of = date_arg("--as-of", optarg);
			break;
		case OPT_WITHIN:
			o->run.within = days_arg(optarg);
			o->has_within = 1;
			break;
		case OPT_DELEGATION:
			o->run.delegation = optarg;
			break;
		case OPT_STRICT:
			o->diag.strict = 1;
			break;
		case OPT_DUE:
			/* So "--due 2021-06-30" works as the synopsis shows. */
			if (optarg == NULL && optind < argc &&
			    decide_due_takes(argv[optind]))
				optarg = argv[optind++];
			if (optarg == NULL) {
				o->run.mode = DECIDE_FOLLOWUP;
				break;
			}
			note_decide_mode(o, "due DATE");
			/* FALLTHROUGH */
		case OPT_ASSIGN:
		case OPT_REJECT:
		case OPT_DEFER:
		case OPT_OWNER:
		case OPT_RATIONALE:
		case OPT_COST:
			note_decide_mode(o, longopts[idx].name);
			o->run.args[o->run.nargs].kind = c - OPT_KIND;
			o->run.args[o->run.nargs++].arg = optarg;
			break;
		case ':':
		default:
			tuff_getopt_warn(c, argv, longopts);
			usage();
		}
}

/* Check the mix of options; --date defaults to --as-of. */
static void
check_mode(struct opts *o)
{
	if (o->run.mode == DECIDE_FOLLOWUP && o->decide_only != NULL) {
		tuff_warnx("--due without a date lists follow-ups; it does not "
		    "go with --%s", o->decide_only);
		usage();
	}
	if (o->run.mode != DECIDE_FOLLOWUP && o->has_within) {
		tuff_warnx("--within goes with --due, which lists follow-ups");
		usage();
	}
	if (!o->has_date)
		o->run.date = o->run.as_of;
}

int
main(int argc, char *argv[])
{
	struct opts o = { .run = { .as_of = tuff_date_today(),
	    .within = 31 } };
	int rc;

	tuff_setprogname(argv[0]);
	tuff_i18n_init();
	parse_options(argc, argv, &o);
	tuff_set_diag_conf(&o.diag);
	argc -= optind;
	argv += optind;
	check_mode(&o);
	if (tuff_stdin_is_tty(argc))
		usage();
	rc = decide_run(&o.run, argc, argv);
	free(o.run.args);
	return tuff_diag_status(rc);
}
