/*
 * tuff-journey: validate user journeys and add their metrics, or turn
 * them into ranked challenges, Mermaid diagrams or a table.
 *
 * Options and wiring: the run is journey_run's (tuff/journey_run.h),
 * which holds the output until the whole stream has been read, so a
 * run that refuses a journey writes nothing; records of other kinds
 * pass on as read, in their place.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/diag.h"
#include "tuff/i18n.h"
#include "tuff/journey.h"
#include "tuff/journey_run.h"
#include "tuff/run.h"

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
	struct journey_run_conf	 run;
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
		o->run.format = JOURNEY_YAML;
	else if (strcmp(arg, "mermaid") == 0)
		o->run.format = JOURNEY_MERMAID;
	else if (strcmp(arg, "table") == 0)
		o->run.format = JOURNEY_TABLE;
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
	o->run.rank = (enum journey_metric)m;
	o->run.ranked = 1;
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
			o->run.challenges = 1;
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
	if (o->run.challenges && o->run.format != JOURNEY_YAML)
		bad("--challenges writes records: not with --format %s",
		    o->run.format == JOURNEY_MERMAID ? "mermaid" : "table");
	if (o->run.ranked && !o->run.challenges &&
	    o->run.format != JOURNEY_TABLE)
		bad("--rank-by orders challenges or table rows: use it with "
		    "--challenges or --format %s", "table");
}

int
main(int argc, char *argv[])
{
	struct opts o;

	tuff_setprogname(argv[0]);
	tuff_i18n_init();
	memset(&o, 0, sizeof(o));
	parse_options(&o, argc, argv);
	tuff_set_diag_conf(&o.diag);
	argc -= optind;
	argv += optind;
	if (tuff_stdin_is_tty(argc))
		usage();
	return journey_run(&o.run, argc, argv, o.out);
}
