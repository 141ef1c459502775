/*
 * hme-score: the HME index (Hållbart medarbetarengagemang) per group,
 * from hme-response records or CSV survey exports.  The run is
 * hme_run's (lib/hme_run.c); this file is its options.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/diag.h"
#include "tuff/hme.h"
#include "tuff/i18n.h"
#include "tuff/run.h"

enum {
	OPT_BY = CHAR_MAX + 1, OPT_COLUMN, OPT_CSV, OPT_FORMAT, OPT_ITEMS,
	OPT_METHOD, OPT_MIN_GROUP, OPT_ROLLUP, OPT_SKIP_INVALID, OPT_STRICT,
	OPT_TREND
};

static const struct option longopts[] = {
	{ "by",			required_argument,	NULL, OPT_BY },
	{ "column",		required_argument,	NULL, OPT_COLUMN },
	{ "csv",		no_argument,		NULL, OPT_CSV },
	{ "format",		required_argument,	NULL, OPT_FORMAT },
	{ "help",		no_argument,		NULL, 'h' },
	{ "items",		no_argument,		NULL, OPT_ITEMS },
	{ "method",		required_argument,	NULL, OPT_METHOD },
	{ "min-group",		required_argument,	NULL, OPT_MIN_GROUP },
	{ "output",		required_argument,	NULL, 'o' },
	{ "rollup",		no_argument,		NULL, OPT_ROLLUP },
	{ "skip-invalid",	no_argument,		NULL, OPT_SKIP_INVALID },
	{ "strict",		no_argument,		NULL, OPT_STRICT },
	{ "trend",		no_argument,		NULL, OPT_TREND },
	{ "version",		no_argument,		NULL, 'V' },
	{ NULL,			0,			NULL, 0 }
};

struct opts {
	struct hme_run_conf	 run;
	struct tuff_diag_conf	 diag;
	const char		*out;
};

/* TRANSLATORS: the option names and their values (unit, item, yaml ...)
 * are what the user types; only the metavariables (file, n) and
 * "usage:" may change, with the lines after the first aligned again. */
static const char *const synopsis =
    N_("usage: hme-score [-hV] [-o file] [--by unit,period | unit | period]\n"
    "                 [--rollup] [--min-group n] [--method item | respondent]\n"
    "                 [--trend] [--items] [--csv] [--column id=header]\n"
    "                 [--skip-invalid] [--strict]\n"
    "                 [--format yaml | table | csv | csv-sv] [file ...]\n");

/* TRANSLATORS: keep the option words and their values; the
 * metavariables in capitals (FILE, N, ...) may be translated, the same in
 * the description. */
static const char *const options =
    N_("  -h, --help           print this help and exit\n"
    "  -V, --version        print the version and exit\n"
    "  -o, --output FILE    write to FILE, replaced only when the run succeeds\n"
    "  --by GROUPS          group by unit,period (default), unit or period\n"
    "  --rollup             also score every parent unit of a '/' path\n"
    "  --min-group N        publish only figures resting on at least N\n"
    "                       respondents (default 5)\n"
    "  --method METHOD      item (default: per question, as Kolada) or\n"
    "                       respondent (over those who answered all three)\n"
    "  --trend              add the previous published index and the change\n"
    "  --items              also write each question's answers and index\n"
    "  --csv                read every file, stdin too, as a CSV export\n"
    "                       (files named *.csv are read as CSV anyway)\n"
    "  --column ID=HEADER   read column ID (unit, period, id, m1 ... s3) from\n"
    "                       the CSV column named HEADER\n"
    "  --skip-invalid       warn about invalid responses, skip and count them\n"
    "  --strict             make every warning about the input an error\n"
    "  --format FORMAT      yaml (default), table, csv, or csv-sv (for\n"
    "                       Swedish spreadsheets: ';', decimal comma)\n");

static void
usage(void)
{
	fputs(_(synopsis), stderr);
	exit(TUFF_ERR);
}

/* A usage error with a message of its own (fmt is looked up). */
static void
bad_arg(const char *fmt, const char *arg)
{
	tuff_warnx(fmt, arg);
	usage();
}

/*
 * The index of arg in words (NULL-terminated), or the usage error fmt
 * (looked up, one %s for arg).
 */
static int
one_of(const char *arg, const char *const *words, const char *fmt)
{
	int i;

	for (i = 0; words[i] != NULL; i++)
		if (strcmp(arg, words[i]) == 0)
			return i;
	bad_arg(fmt, arg);
	return -1;
}

static void
parse_min_group(struct opts *o, const char *arg)
{
	char *end = NULL;
	unsigned long v = 0;

	if (*arg >= '0' && *arg <= '9')
		v = strtoul(arg, &end, 10);
	if (v < 1 || v > 1000000 || *end != '\0')
		bad_arg("--min-group: expected a number 1..1000000, not \"%s\"",
		    arg);
	o->run.cf.min_group = v;
}

static void
option(struct opts *o, int c, char *argv[])
{
	static const char *const by[] = { "unit,period", "unit", "period",
	    "period,unit", NULL };
	static const char *const methods[] = { "item", "respondent", NULL };
	static const char *const formats[] = { "yaml", "table", "csv",
	    "csv-sv", NULL };
	int rc;

	switch (c) {
	case 'h':
		fputs(_(synopsis), stdout);
		fputc('\n', stdout);
		fputs(_(options), stdout);
		exit(tuff_stdout_status());
	case 'V':
		printf("hme-score (tuff) %s\n", TUFF_VERSION);
		exit(tuff_stdout_status());
	case 'o':
		o->out = optarg;
		break;
	case OPT_BY:
		o->run.cf.by = one_of(optarg, by, "--by: expected unit,period, "
		    "unit or period, not \"%s\"") % 3;
		break;
	case OPT_COLUMN:
		if ((rc = hme_input_column(&o->run.in, optarg)) == -2)
			bad_arg("--column: \"%s\": that header is given for "
			    "another column already", optarg);
		else if (rc == -1)
			bad_arg("--column: expected ID=HEADER with ID one of "
			    "unit, period, id, m1 ... s3, not \"%s\"", optarg);
		break;
	case OPT_CSV:
		o->run.csv = 1;
		break;
	case OPT_FORMAT:
		o->run.format = one_of(optarg, formats,
		    "--format: expected yaml, table, csv or csv-sv, "
		    "not \"%s\"");
		break;
	case OPT_ITEMS:
		o->run.items = 1;
		break;
	case OPT_METHOD:
		o->run.cf.method = one_of(optarg, methods, "--method: expected "
		    "item or respondent, not \"%s\"");
		break;
	case OPT_MIN_GROUP:
		parse_min_group(o, optarg);
		break;
	case OPT_ROLLUP:
		o->run.cf.rollup = 1;
		break;
	case OPT_SKIP_INVALID:
		o->run.in.skip_invalid = 1;
		break;
	case OPT_STRICT:
		o->diag.strict = 1;
		break;
	case OPT_TREND:
		o->run.cf.trend = 1;
		break;
	default:
		tuff_getopt_warn(c, argv, longopts);
		usage();
	}
}

static void
parse_options(struct opts *o, int argc, char *argv[])
{
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":hVo:", longopts, NULL)) != -1)
		option(o, c, argv);
	if (o->run.cf.rollup && o->run.cf.by == HME_BY_PERIOD)
		bad_arg("--rollup needs units: not with --by %s", "period");
	if (o->run.cf.trend && o->run.cf.by == HME_BY_UNIT)
		bad_arg("--trend needs periods: not with --by %s", "unit");
}

int
main(int argc, char *argv[])
{
	struct opts o;

	tuff_setprogname(argv[0]);
	tuff_i18n_init();
	memset(&o, 0, sizeof(o));
	o.run.cf.min_group = HME_DEFAULT_MIN_GROUP;
	hme_input_init(&o.run.in, NULL);
	parse_options(&o, argc, argv);
	argc -= optind;
	argv += optind;
	if (tuff_stdin_is_tty(argc))
		usage();
	tuff_set_diag_conf(&o.diag);
	return hme_run(&o.run, argc, argv, o.out);
}
