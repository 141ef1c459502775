/*
 * tuff-report: the leadership team's monthly report from one month's
 * records, in Swedish, as Markdown or as one HTML page with charts.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/diag.h"
#include "tuff/i18n.h"
#include "tuff/report.h"
#include "tuff/run.h"

enum {
	OPT_AS_OF = CHAR_MAX + 1,
	OPT_FORMAT,
	OPT_STRICT,
	OPT_TITLE,
	OPT_WITHIN
};

static const struct option longopts[] = {
	{ "as-of",	required_argument,	NULL, OPT_AS_OF },
	{ "format",	required_argument,	NULL, OPT_FORMAT },
	{ "help",	no_argument,		NULL, 'h' },
	{ "output",	required_argument,	NULL, 'o' },
	{ "strict",	no_argument,		NULL, OPT_STRICT },
	{ "title",	required_argument,	NULL, OPT_TITLE },
	{ "version",	no_argument,		NULL, 'V' },
	{ "within",	required_argument,	NULL, OPT_WITHIN },
	{ NULL,		0,			NULL, 0 }
};

/*
 * The help follows the locale like every tool's; the report itself is
 * Swedish whatever the locale (lib/report_text.c).
 */
static const char *
synopsis(void)
{
	return _("usage: tuff-report [-hV] [-o file] "
	    "[--format html | markdown] [--as-of date]\n"
	    "                   [--within days] [--title text] [--strict] "
	    "[file ...]\n");
}

static const char *
options(void)
{
	/* TRANSLATORS: keep the option words and the format names. */
	return _("\n"
	    "  -h, --help           print this help and exit\n"
	    "  -V, --version        print the version and exit\n"
	    "  -o, --output FILE    write to FILE, replaced only when the run "
	    "succeeds\n"
	    "  --format FORMAT      markdown (default) or html: one page with "
	    "charts\n"
	    "  --as-of DATE         the day the report looks from (default: "
	    "the\n"
	    "                       follow-ups' as_of, or today)\n"
	    "  --within DAYS        the window in days for what is due and what "
	    "was\n"
	    "                       reached (default 31)\n"
	    "  --title TEXT         the report's heading (default: "
	    "Månadsuppföljning\n"
	    "                       and the day)\n"
	    "  --strict             make every warning about the input an "
	    "error\n");
}

static void __attribute__((noreturn))
usage(void)
{
	fputs(synopsis(), stderr);
	exit(TUFF_ERR);
}

/* tuff_warnx looks fmt up; xgettext knows usage_error (po/meson.build). */
static void __attribute__((noreturn))
usage_error(const char *fmt, const char *arg)
{
	tuff_warnx(fmt, arg);
	usage();
}

struct opts {
	struct tuff_diag_conf	 diag;
	struct report_opts	 r;
	const char		*out;
};

/* Exits on a usage error. */
static void
parse_options(struct opts *opts, int argc, char *argv[])
{
	struct report_opts *o = &opts->r;
	char *end;
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":hVo:", longopts, NULL)) != -1)
		switch (c) {
		case 'h':
			fputs(synopsis(), stdout);
			fputs(options(), stdout);
			exit(tuff_stdout_status());
		case 'V':
			printf("tuff-report (tuff) %s\n", TUFF_VERSION);
			exit(tuff_stdout_status());
		case 'o':
			opts->out = optarg;
			break;
		case OPT_AS_OF:
			if (tuff_date_parse(optarg, strlen(optarg),
			    &o->as_of) == -1)
				usage_error("--as-of: expected a date "
				    "YYYY-MM-DD, not \"%s\"", optarg);
			o->has_as_of = 1;
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "markdown") == 0)
				o->format = REPORT_MARKDOWN;
			else if (strcmp(optarg, "html") == 0)
				o->format = REPORT_HTML;
			else
				usage_error("--format: expected markdown or "
				    "html, not \"%s\"", optarg);
			break;
		case OPT_STRICT:
			opts->diag.strict = 1;
			break;
		case OPT_TITLE:
			if (optarg[strspn(optarg, " \t")] == '\0')
				usage_error("--title: expected text, not "
				    "\"%s\"", optarg);
			o->title = optarg;
			break;
		case OPT_WITHIN:
			o->within = strtol(optarg, &end, 10);
			if (*optarg < '0' || *optarg > '9' || *end != '\0' ||
			    o->within > 36525)
				usage_error("--within: expected days from 0 to "
				    "36525, not \"%s\"", optarg);
			break;
		case ':':
		default:
			tuff_getopt_warn(c, argv, longopts);
			usage();
		}
}

static int
on_record(struct tuff_doc *doc, void *arg, struct tuff_error *e)
{
	return report_add(arg, doc, e);
}

int
main(int argc, char *argv[])
{
	struct opts o = { .r = { .within = 31 } };
	struct tuff_out out;
	struct report *r;
	FILE *fp;
	int rc;

	tuff_setprogname(argv[0]);
	tuff_i18n_init();
	tuff_set_diag_conf(&o.diag);
	parse_options(&o, argc, argv);
	argc -= optind;
	argv += optind;
	if (tuff_stdin_is_tty(argc))
		usage();
	if ((fp = tuff_out_open(&out, o.out)) == NULL)
		return TUFF_ERR;
	if ((r = report_new(&o.r)) == NULL) {
		tuff_warnx("out of memory");
		return tuff_out_close(&out, 0);
	}
	/*
	 * The report needs the whole month before it writes a word, and
	 * under --strict a warning about the input means no report.
	 */
	rc = tuff_diag_status(tuff_each_record(argc, argv, on_record, r));
	if (rc == TUFF_OK)
		report_finish(r);
	if (rc == TUFF_OK && report_write(r, fp) == -1 && !ferror(fp)) {
		tuff_warn("write error");
		rc = TUFF_ERR;
	}
	report_free(r);
	return tuff_out_close(&out, rc == TUFF_OK);
}
