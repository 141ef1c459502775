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
 * Read every record of the files in order.  A mapping without "kind" is
 * passed to fn all the same after a warning.  Reports every error (with
 * its position) on stderr and returns TUFF_OK or TUFF_ERR.
 */
int	tuff_each_record(int argc, char **argv, tuff_record_fn *fn, void *arg);

/*
 * Like tuff_each_record, but a record that starts with a kind for which
 * pass(kind, arg) is true is streamed to w as it is read and fn never
 * sees it (tuff_reader_next_or_pass: only for a w whose output a failed
 * run throws away).
 */
int	tuff_each_record_or_pass(int argc, char **argv, tuff_record_fn *fn,
	    int (*pass)(const char *kind, void *arg), struct tuff_writer *w,
	    void *arg);

/*
 * Like tuff_each_record, one file at a time: opens each input and calls
 * fn with a reader on it.  For tools that read events (hme-score).
 */
typedef int	tuff_input_fn(struct tuff_reader *r, const char *name,
		    void *arg, struct tuff_error *e);
int	tuff_each_input(int argc, char **argv, tuff_input_fn *fn, void *arg);

/*
 * The loop under tuff_each_input, for tools that read other formats as
 * well (hme-score's CSV): fn gets each input open, with its operand
 * (path) and what diagnostics call it (name).  Every input goes through
 * here, so every tool opens and checks its operands alike.
 */
typedef int	tuff_file_fn(FILE *fp, const char *path, const char *name,
		    void *arg, struct tuff_error *e);
int	tuff_each_file(int argc, char **argv, tuff_file_fn *fn, void *arg);

/* Open a file operand ("-" is stdin); NULL and a reported error on failure. */
FILE	*tuff_open_input(const char *path, const char **name);

/*
 * Output: standard output, or FILE replaced atomically.  tuff_out_open
 * returns the stream to write to (NULL after reporting an error).
 * tuff_out_close flushes and checks for write errors; when ok is true
 * and all went well it renames the temporary file over FILE, otherwise
 * it removes it.  It returns TUFF_OK or TUFF_ERR (and reports).
 */
struct tuff_out {
	const char	*path;		/* NULL: standard output */
	char		*tmp;
	FILE		*fp;
	int		 unnamed;	/* an O_TMPFILE not yet linked */
};
FILE	*tuff_out_open(struct tuff_out *, const char *path);
int	 tuff_out_close(struct tuff_out *, int ok);

/*
 * True when the binary was given no file and stdin is a terminal: it
 * should print usage rather than wait for a paste.
 */
int	tuff_stdin_is_tty(int nfiles);

#endif
