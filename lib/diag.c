#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "tuff/diag.h"

/*
 * The program name is set once at the start of main, like setprogname(3),
 * and only read after that.
 */
static const char *progname = "tuff";

void
tuff_setprogname(const char *argv0)
{
	const char *p;

	if (argv0 == NULL || *argv0 == '\0')
		return;
	p = strrchr(argv0, '/');
	progname = p != NULL ? p + 1 : argv0;
}

const char *
tuff_progname(void)
{
	return progname;
}

void
tuff_warnx(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
tuff_warn(const char *fmt, ...)
{
	va_list ap;
	int saved = errno;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, ": %s\n", strerror(saved));
}

static void
vdiag(const char *severity, const char *file, unsigned long line,
    unsigned long column, const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", progname);
	if (file != NULL) {
		if (line > 0 && column > 0)
			fprintf(stderr, "%s:%lu:%lu: ", file, line, column);
		else if (line > 0)
			fprintf(stderr, "%s:%lu: ", file, line);
		else
			fprintf(stderr, "%s: ", file);
	}
	fprintf(stderr, "%s: ", severity);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
tuff_diag(const char *severity, const char *file, unsigned long line,
    unsigned long column, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdiag(severity, file, line, column, fmt, ap);
	va_end(ap);
}

/* Did the user write the option refused in optopt as --NAME? */
static int
written_long(const char *word, const struct option *longopts)
{
	const struct option *lo;
	size_t len;

	if (strncmp(word, "--", 2) != 0 || word[2] == '\0')
		return 0;
	if (optopt == 0)
		return 1;		/* an unknown long option */
	len = strcspn(word + 2, "=");
	for (lo = longopts; lo != NULL && lo->name != NULL; lo++)
		if (lo->val == optopt && strlen(lo->name) == len &&
		    strncmp(lo->name, word + 2, len) == 0)
			return 1;
	return 0;
}

void
tuff_getopt_warn(int c, char *const argv[], const struct option *longopts)
{
	const char *what = c == ':' ? "option requires an argument" :
	    "unknown option";
	const char *word = optind > 0 ? argv[optind - 1] : "";

	if (word != NULL && written_long(word, longopts))
		tuff_warnx("%s -- %.*s", what, (int)strcspn(word + 2, "="),
		    word + 2);
	else if (optopt > 0 && optopt <= 0xff)
		tuff_warnx("%s -- %c", what, optopt);
	else
		tuff_warnx("%s", what);
}

int
tuff_stdout_status(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		tuff_warn("write error");
		return TUFF_ERR;
	}
	return TUFF_OK;
}

void
tuff_report(const char *severity, const struct tuff_error *e)
{
	tuff_diag(severity, e->file, e->line, e->column, "%s", e->msg);
}

int
tuff_seterr(struct tuff_error *e, const char *file, unsigned long line,
    unsigned long column, const char *fmt, ...)
{
	va_list ap;

	e->file = file;
	e->line = line;
	e->column = column;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return -1;
}
