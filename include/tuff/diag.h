/*
 * Diagnostics on standard error, one line each:
 *   prog: FILE:LINE:COLUMN: error: message
 * This is the only module that writes to stderr.
 */
#ifndef TUFF_DIAG_H
#define TUFF_DIAG_H

#include <stdarg.h>
#include <stdint.h>

#include "tuff.h"

/* How many distinct warnings tuff_input_warning_once remembers. */
#define TUFF_DIAG_ONCE	1024

/*
 * What main decides about diagnostics.  main owns the value and hands
 * it to the library once, before reading any input: under --strict a
 * warning about the input (a kind or a key that looks like a typo) is
 * an error, and the run must fail.
 */
struct tuff_diag_conf {
	int		 strict;	/* --strict */
	unsigned long	 promoted;	/* input warnings made errors */
	/* The library's memory for tuff_input_warning_once: main only
	 * zeroes it, with the rest. */
	size_t		 nonce;
	uint64_t	 once[TUFF_DIAG_ONCE];
};
void	tuff_set_diag_conf(struct tuff_diag_conf *);

/*
 * A warning about the input at a position (file NULL: none), such as
 * "did you mean ...?": "warning:", or "error:" under --strict.
 */
void	tuff_input_warning(const char *file, unsigned long line,
	    unsigned long column, const char *fmt, ...)
	    __attribute__((format(printf, 4, 5)));
/*
 * tuff_input_warning, but only the first time in the run for the same
 * topic and name (len bytes): a thousand records of kind "jorney", or
 * a thousand steps with "scor", are one warning, at the first.  What
 * was said is remembered as a keyed hash in main's tuff_diag_conf
 * (none set: every call warns); past TUFF_DIAG_ONCE distinct
 * warnings, new ones are said every time rather than forgotten.
 */
void	tuff_input_warning_once(const char *topic, const char *name,
	    size_t len, const char *file, unsigned long line,
	    unsigned long column, const char *fmt, ...)
	    __attribute__((format(printf, 7, 8)));
/*
 * rc, or TUFF_ERR when --strict made an input warning an error: every
 * tool passes its final status through this.
 */
int	tuff_diag_status(int rc);

/*
 * Copy len bytes of s into buf (size > 0 bytes, always terminated),
 * with what a terminal would act on made visible: \n, \r, \t, and
 * \xNN for the other control characters (C0, DEL, C1) and for bytes
 * that are not UTF-8.  A backslash stays as it is.  Output that does
 * not fit is cut at a whole character.  Returns the length written.
 * Every diagnostic passes through this, so each is exactly one line.
 */
size_t	tuff_escape(char *buf, size_t size, const char *s, size_t len);

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
 * even "tool --help >/dev/full" fails.  For short texts (help, version)
 * that stdio holds until this flush, so the failing call is this one;
 * a run's output goes through tuff_out_open, which keeps the errno.
 */
int	tuff_stdout_status(void);

/*
 * The one voice of a failed write, for every tool: "prog: write error:
 * REASON" (strerror(errnum) of the call that failed), or, for a
 * temporary file of the run's own in directory tmpdir, "prog: write
 * error: temporary file in TMPDIR: REASON".
 */
void	tuff_write_error(const char *tmpdir, int errnum);

/*
 * Fill e for a write to the output (or a spill) that failed, to stop
 * the run: the output's tuff_out_close reports it once, with the
 * failing call's reason, so tuff_report says nothing for it.  Returns
 * -1.
 */
int	tuff_seterr_written(struct tuff_error *e);

/*
 * Report a filled error value as an error or a warning (nothing for
 * one filled by tuff_seterr_written).
 */
void	tuff_report(const char *severity, const struct tuff_error *e);

/*
 * Fill e (any of file, line, column may be NULL/0); always returns -1.
 * Cold: a compiler keeps the paths that end in an error out of the way
 * of those taken for every record.
 */
int	tuff_seterr(struct tuff_error *e, const char *file, unsigned long line,
	    unsigned long column, const char *fmt, ...)
	    __attribute__((cold, format(printf, 5, 6)));

#endif
