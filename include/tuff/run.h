/*
 * What every binary does around its own logic: open the inputs named on
 * the command line (none or "-" is standard input) and read them in
 * order as one stream; write to standard output, or to -o FILE
 * atomically; report errors and map them to an exit status.
 */
#ifndef TUFF_RUN_H
#define TUFF_RUN_H

#include <stdio.h>

#include "record.h"

/*
 * Called with each record; the callback owns doc and must free it (or
 * keep it).  Returns 0 to go on, or -1 with e filled to stop the run
 * with an error.
 */
typedef int	tuff_record_fn(struct tuff_doc *doc, void *arg,
		    struct tuff_error *e);

/*
 * Read every record of the files in order.  The kind of each is checked
 * (tuff_schema_check_kind): a mapping without a usable "kind", or with a
 * kind that looks like a typo of a known one, is passed to fn all the
 * same after a warning.  Reports every error (with its position) on
 * stderr and returns TUFF_OK or TUFF_ERR.
 */
int	tuff_each_record(int argc, char **argv, tuff_record_fn *fn, void *arg);

/*
 * Like tuff_each_record, for a tool that passes records on: a record
 * that starts with a kind for which pass(kind, arg) is true is checked
 * without being built, and fn never sees it; its text goes to w, as
 * does the text after the last record of each file (comments).  With w
 * NULL both are dropped (a tool whose output is a view).  pass is not
 * asked about a kind that needs a warning: that record is built and
 * checked like any other.
 */
int	tuff_each_record_or_pass(int argc, char **argv, tuff_record_fn *fn,
	    int (*pass)(const char *kind, void *arg), struct tuff_writer *w,
	    void *arg);

/*
 * Does a record of this kind need no word from
 * tuff_schema_check_kind, so that it may be passed on unbuilt: a
 * non-empty plain string that is no typo of a known kind.  q keeps the
 * last kind that needed none (zero it before the first call).
 */
struct tuff_quiet {
	char	 kind[64];
	size_t	 len;
};
int	tuff_kind_quiet(struct tuff_quiet *q, const char *kind);

/*
 * Like tuff_each_record, one file at a time: opens each input and calls
 * fn with a reader on it.  For tools that read events (hme-score).
 */
typedef int	tuff_input_fn(struct tuff_reader *r, const char *name,
		    void *arg, struct tuff_error *e);
int	tuff_each_input(int argc, char **argv, tuff_input_fn *fn, void *arg);

/*
 * The layer under both, for inputs that are not YAML (hme-score's CSV):
 * calls fn with each operand open in turn ("-" or none: standard input)
 * and name, what diagnostics call it ("<stdin>" for standard input),
 * which outlives the run.  fn reads fp to its end and returns 0, or -1
 * with e filled, which is reported and stops the run.
 *
 * The same data is never read twice (SPEC §2).  Before anything is
 * read, an operand that names an earlier one again (the same device and
 * inode, or "-" twice) is refused, and so, with two or more operands,
 * is a regular file with the same content as another (a copy).  A
 * stream (a pipe, a FIFO, a terminal) is compared when it ends.  Each
 * refusal is reported as "FILE: error: the same file as FIRST (named
 * twice?)" or "FILE: error: the same content as FIRST (given twice?)".
 * Returns TUFF_OK or TUFF_ERR.
 */
typedef int	tuff_file_fn(FILE *fp, const char *name, void *arg,
		    struct tuff_error *e);
int	tuff_each_file(int argc, char **argv, tuff_file_fn *fn, void *arg);

/*
 * For a message about something found twice, such as a duplicate id at
 * positions in the files named a and b (names as the run gave them):
 * true when the two inputs hold the same content, as far as the run in
 * progress can tell, so the message can end "(given twice?)".  A
 * stream still being read counts as the same when what came of it so
 * far is the beginning of the other input.  False outside a run and
 * for a single input.
 */
int	tuff_inputs_same(const char *a, const char *b);

/*
 * Open one file that is not an operand (a rules or delegation file;
 * "-" is stdin).  NULL after reporting "FILE: error: REASON".
 */
FILE	*tuff_open_input(const char *path, const char **name);

/*
 * Output: standard output, or FILE replaced atomically.
 *
 * tuff_out_open returns the stream to write to, or NULL after
 * reporting.  FILE must be a regular file or not exist: anything else
 * (a directory, a device, a FIFO, /dev/stdout) is refused.  A symbolic
 * link is followed (a chain of them, each relative one from its own
 * directory), so the file it points at is replaced and the link stays;
 * a link that points at nothing is refused.  The new file is written
 * beside the target under a temporary name that fits wherever the
 * target's name does, gets the old file's mode, and its owner and group
 * where the process may set them, and holds an advisory lock (flock) on
 * the old file until it replaces it: a second run writing the same file
 * meanwhile is refused, so no update is lost.  Open the output before
 * reading the inputs, so that the lock covers the run.
 *
 * Every stream from here keeps the errno of the first write that
 * fails; tuff_out_error notes a failure found by the caller (a
 * writer's, tuff_writer_errno).  tuff_out_close flushes, reports a
 * write failure once, as "write error: REASON", and when ok is true and
 * all went well renames the temporary file over FILE, otherwise removes
 * it.  It returns TUFF_OK or TUFF_ERR.
 *
 * tuff_out_temp opens a temporary file of the run's own (a spill) in
 * $TMPDIR, without a name, for writing and reading back; its close
 * reports a write failure as "write error: temporary file in DIR:
 * REASON" and removes it.
 */
struct tuff_out {
	const char	*path;		/* as given; NULL: standard output */
	char		*target;	/* path, its links followed */
	char		*tmp;		/* the temporary name, beside target */
	FILE		*fp;
	char		*buf;		/* fp's buffer, or NULL: stdio's own */
	int		 fd;		/* fp's */
	int		 dirfd;		/* target's directory */
	int		 lockfd;	/* holds the lock on the old file */
	int		 unnamed;	/* an O_TMPFILE not yet linked */
	int		 spill;		/* tuff_out_temp's */
	int		 err;		/* errno of the first failed write */
	unsigned	 tries;		/* temporary names made */
};
FILE	*tuff_out_open(struct tuff_out *, const char *path);
FILE	*tuff_out_temp(struct tuff_out *);
int	 tuff_out_error(struct tuff_out *, int errnum);
int	 tuff_out_close(struct tuff_out *, int ok);

/*
 * True when the binary was given no file and stdin is a terminal: it
 * should print usage rather than wait for a paste.
 */
int	tuff_stdin_is_tty(int nfiles);

#endif
