/*
 * hme-score: the HME index (Hållbart medarbetarengagemang) per group,
 * from hme-response records or CSV survey exports.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/diag.h"
#include "tuff/hme.h"
#include "tuff/run.h"

enum {
	OPT_BY = CHAR_MAX + 1,
	OPT_COLUMN,
	OPT_CSV,
	OPT_FORMAT,
	OPT_MIN_GROUP,
	OPT_ROLLUP,
	OPT_SKIP_INVALID,
	OPT_TREND
};

static const struct option longopts[] = {
	{ "by",			required_argument,	NULL, OPT_BY },
	{ "column",		required_argument,	NULL, OPT_COLUMN },
	{ "csv",		no_argument,		NULL, OPT_CSV },
	{ "format",		required_argument,	NULL, OPT_FORMAT },
	{ "help",		no_argument,		NULL, 'h' },
	{ "min-group",		required_argument,	NULL, OPT_MIN_GROUP },
	{ "output",		required_argument,	NULL, 'o' },
	{ "rollup",		no_argument,		NULL, OPT_ROLLUP },
	{ "skip-invalid",	no_argument,		NULL, OPT_SKIP_INVALID },
	{ "trend",		no_argument,		NULL, OPT_TREND },
	{ "version",		no_argument,		NULL, 'V' },
	{ NULL,			0,			NULL, 0 }
};

struct opts {
	struct tuff_diag_conf	 diag;
	struct hme_config	 cf;
	struct hme_input	 in;
	const char		*out;
	int			 csv;
	int			 table;
};

static const char synopsis[] =
    "usage: hme-score [-hV] [-o file] [--by unit,period | unit | period]\n"
    "                 [--rollup] [--min-group n] [--trend] [--csv]\n"
    "                 [--column id=header] [--skip-invalid]\n"
    "                 [--format yaml | table] [file ...]\n";

static const char options[] =
    "\n"
    "  -h, --help           print this help and exit\n"
    "  -V, --version        print the version and exit\n"
    "  -o, --output FILE    write to FILE, replaced only when the run succeeds\n"
    "  --by GROUPS          group by unit,period (default), unit or period\n"
    "  --rollup             also score every parent unit of a '/' path\n"
    "  --min-group N        suppress groups and figures resting on fewer than\n"
    "                       N respondents (default 5)\n"
    "  --trend              add the previous published index and the change\n"
    "  --csv                read CSV survey exports instead of YAML records\n"
    "  --column ID=HEADER   read column ID (unit, period, m1 ... s3) from the\n"
    "                       CSV column named HEADER\n"
    "  --skip-invalid       warn about invalid responses, skip and count them\n"
    "  --format FORMAT      yaml (default) or table\n";

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
parse_by(struct opts *o, const char *arg)
{
	if (strcmp(arg, "unit,period") == 0 || strcmp(arg, "period,unit") == 0)
		o->cf.by = HME_BY_UNIT_PERIOD;
	else if (strcmp(arg, "unit") == 0)
		o->cf.by = HME_BY_UNIT;
	else if (strcmp(arg, "period") == 0)
		o->cf.by = HME_BY_PERIOD;
	else
		bad("--by: expected unit,period, unit or period, not \"%s\"",
		    arg);
}

static void
parse_min_group(struct opts *o, const char *arg)
{
	char *end;
	unsigned long v;

	if (*arg < '0' || *arg > '9')
		bad("--min-group: expected a number 1..1000000, not \"%s\"",
		    arg);
	v = strtoul(arg, &end, 10);
	if (*end != '\0' || v < 1 || v > 1000000)
		bad("--min-group: expected a number 1..1000000, not \"%s\"",
		    arg);
	o->cf.min_group = v;
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
			printf("hme-score (tuff) %s\n", TUFF_VERSION);
			exit(tuff_stdout_status());
		case 'o':
			o->out = optarg;
			break;
		case OPT_BY:
			parse_by(o, optarg);
			break;
		case OPT_COLUMN:
			if (hme_input_column(&o->in, optarg) == -1)
				bad("--column: expected ID=HEADER with ID one "
				    "of unit, period, m1 ... s3, not \"%s\"",
				    optarg);
			break;
		case OPT_CSV:
			o->csv = 1;
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "table") == 0)
				o->table = 1;
			else if (strcmp(optarg, "yaml") == 0)
				o->table = 0;
			else
				bad("--format: expected yaml or table, not "
				    "\"%s\"", optarg);
			break;
		case OPT_MIN_GROUP:
			parse_min_group(o, optarg);
			break;
		case OPT_ROLLUP:
			o->cf.rollup = 1;
			break;
		case OPT_SKIP_INVALID:
			o->in.skip_invalid = 1;
			break;
		case OPT_TREND:
			o->cf.trend = 1;
			break;
		case ':':
		default:
			tuff_getopt_warn(c, argv, longopts);
			usage();
		}
	if (o->cf.rollup && o->cf.by == HME_BY_PERIOD)
		bad("--rollup needs units: not with --by %s", "period");
	if (o->cf.trend && o->cf.by == HME_BY_UNIT)
		bad("--trend needs periods: not with --by %s", "unit");
}

static int
read_yaml(struct tuff_reader *r, const char *name, void *arg,
    struct tuff_error *e)
{
	return hme_read_yaml(arg, r, name, e);
}

/* One CSV operand (tuff_each_file: none means standard input). */
static int
read_csv(FILE *fp, const char *name, void *arg, struct tuff_error *e)
{
	return hme_read_csv(arg, fp, name, e);
}

/* Score and write everything; TUFF_OK or TUFF_ERR (reported). */
static int
write_scores(struct opts *o, struct hme_tally *t, FILE *fp,
    struct tuff_writer *w)
{
	const struct hme_score *sc;
	size_t n, i;

	if (hme_tally_scores(t, &sc, &n) == -1) {
		tuff_warnx("out of memory");
		return TUFF_ERR;
	}
	if (o->table) {
		hme_write_table(fp, &o->cf, &o->in, sc, n);
		if (o->in.foreign == 1)
			tuff_warnx("warning: 1 record of another kind is not "
			    "shown in the table");
		else if (o->in.foreign > 1)
			tuff_warnx("warning: %lu records of other kinds are "
			    "not shown in the table",
			    (unsigned long)o->in.foreign);
		return TUFF_OK;
	}
	for (i = 0; i < n; i++)
		hme_write_score(w, &sc[i]);
	if (o->in.skip_invalid)
		hme_write_summary(w, &o->in);
	return TUFF_OK;
}

int
main(int argc, char *argv[])
{
	struct opts o;
	struct hme_tally *t;
	struct tuff_writer *w = NULL;
	struct tuff_out out;
	FILE *fp;
	int rc;

	tuff_setprogname(argv[0]);
	memset(&o, 0, sizeof(o));
	o.cf.min_group = HME_DEFAULT_MIN_GROUP;
	hme_input_init(&o.in, NULL);
	parse_options(&o, argc, argv);
	tuff_set_diag_conf(&o.diag);	/* a typo in a kind is said once */
	argc -= optind;
	argv += optind;
	if (tuff_stdin_is_tty(argc))
		usage();

	if ((t = hme_tally_new(&o.cf)) == NULL) {
		tuff_warnx("out of memory");
		return TUFF_ERR;
	}
	o.in.tally = t;
	if ((fp = tuff_out_open(&out, o.out)) == NULL) {
		hme_tally_free(t);
		return TUFF_ERR;
	}
	if (!o.table && (w = tuff_writer_new(fp)) == NULL) {
		tuff_warnx("out of memory");
		tuff_out_close(&out, 0);
		hme_tally_free(t);
		return TUFF_ERR;
	}
	o.in.w = w;

	if (o.csv)
		rc = tuff_each_file(argc, argv, read_csv, &o.in);
	else
		rc = tuff_each_input(argc, argv, read_yaml, &o.in);
	if (rc == TUFF_OK)
		rc = write_scores(&o, t, fp, w);
	if (w != NULL && tuff_writer_close(w) == -1)
		tuff_out_error(&out, tuff_writer_errno(w));
	tuff_writer_free(w);
	rc = tuff_out_close(&out, rc == TUFF_OK);
	hme_tally_free(t);
	return rc;
}
