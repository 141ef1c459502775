/*
 * Diagnostics on standard error, one line each:
 *   prog: FILE:LINE:COLUMN: error: message
 * This is the only module that writes to stderr.
 */
#ifndef TUFF_DIAG_H
#define TUFF_DIAG_H

#include <stdarg.h>

#include "tuff.h"

/* Remember the basename of argv[0] for every later message. */
void		 tuff_setprogname(const char *argv0);
const char	*tuff_progname(void);

/* "prog: message" (warnx style). */
void	tuff_warnx(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));
/* "prog: message: strerror(errno)" (warn style). */
void	tuff_warn(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));

/*
 * "prog: FILE:LINE:COLUMN: SEVERITY: message"; the position parts are
 * left out when file is NULL or line is 0.  severity is "error",
 * "warning" or "note".
 */
void	tuff_diag(const char *severity, const char *file, unsigned long line,
	    unsigned long column, const char *fmt, ...)
	    __attribute__((format(printf, 5, 6)));

/*
 * After getopt_long (with opterr 0 and ":" leading the optstring)
 * returned c, '?' for an unknown option or ':' for a missing argument:
 * "prog: unknown option -- NAME" or "prog: option requires an argument
 * -- NAME", naming the option as the user wrote it (a letter, or a long
 * name without its dashes and any "=value"), the same in every tool and
 * with every libc.
 */
struct option;
void	tuff_getopt_warn(int c, char *const argv[],
	    const struct option *longopts);

/*
 * Flush standard output and say whether all that was written to it
 * arrived: TUFF_OK, or TUFF_ERR after "prog: write error: ...", so that
 * even "tool --help >/dev/full" fails.
 */
int	tuff_stdout_status(void);

/* Report a filled error value as an error or a warning. */
void	tuff_report(const char *severity, const struct tuff_error *e);

/* Fill e (any of file, line, column may be NULL/0); always returns -1. */
int	tuff_seterr(struct tuff_error *e, const char *file, unsigned long line,
	    unsigned long column, const char *fmt, ...)
	    __attribute__((format(printf, 5, 6)));

#endif
