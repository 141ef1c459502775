/*
 * tbls-check: check assignments and decisions against the seven TBLS
 * principles (SPEC §4.3), like a linter checks code.  The run is
 * tbls_run's (lib/tbls_run.c); this file is its options.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/date.h"
#include "tuff/diag.h"
#include "tuff/i18n.h"
#include "tuff/run.h"
#include "tuff/tbls.h"

struct opts {
	struct tuff_diag_conf	 diag;
	struct tbls_run_conf	 run;
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
				o->run.gcc = 1;
			else if (strcmp(optarg, "yaml") == 0)
				o->run.gcc = 0;
			else
				bad_option("--format: expected yaml or gcc, not \"%s\"",
				    optarg);
			break;
		case OPT_SUMMARY:
			o->run.summary = 1;
			break;
		case OPT_FAIL_ON:
			if ((v = tbls_severity_parse(optarg, 1)) == -1)
				bad_option("--fail-on: expected error, warning, "
				    "note or never, not \"%s\"", optarg);
			o->run.fail_on = (enum tbls_severity)v;
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
	tbls_config_init(&o->run.cfg, day);
	o->run.cfg.stale_days = stale;
	if (rules != NULL && tbls_config_load_path(&o->run.cfg, rules) == -1)
		exit(TUFF_ERR);
	return optind;
}

int
main(int argc, char *argv[])
{
	struct opts o;
	struct tuff_out out;
	const char *outpath = NULL;
	FILE *fp;
	size_t i;
	int list = 0;

	tuff_setprogname(argv[0]);
	tuff_i18n_init();
	memset(&o, 0, sizeof(o));
	o.run.fail_on = TBLS_ERROR;
	tuff_set_diag_conf(&o.diag);
	i = (size_t)parse_opts(argc, argv, &o, &outpath, &list);
	argc -= (int)i;
	argv += i;
	if (list) {
		if ((fp = tuff_out_open(&out, outpath)) == NULL)
			return TUFF_ERR;
		(void)tbls_list_rules(fp, &o.run.cfg);	/* errors kept in out */
		return tuff_out_close(&out, 1);
	}
	if (tuff_stdin_is_tty(argc)) {
		usage(stderr);
		return TUFF_ERR;
	}
	return tbls_run(&o.run, argc, argv, outpath);
}
