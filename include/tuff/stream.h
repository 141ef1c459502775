/*
 * Held output: what a tool writes is held in a spill file until the
 * run is over, with places where records are to be inserted once they
 * can be written (tuff-decide's decisions, once the whole stream has
 * been checked; tbls-check's findings, once every journey has been
 * seen).  Only a run that succeeds writes its output: the held text,
 * with what belongs at each place inserted there, in one pass.
 *
 * The spill file is tuff_out_temp's: it has no name and lives in
 * $TMPDIR, or /tmp, so memory stays bounded however long the stream,
 * and a killed run leaves nothing behind.
 */
#ifndef TUFF_STREAM_H
#define TUFF_STREAM_H

#include <stdio.h>

#include "record.h"
#include "run.h"

struct tuff_stream;

/*
 * NULL after reporting, when the spill file cannot be made.  Freeing
 * the stream closes the spill, reporting its failure if it had one.
 */
struct tuff_stream	*tuff_stream_new(void);
void			 tuff_stream_free(struct tuff_stream *);

/* The writer into the held output (see record.h). */
struct tuff_writer	*tuff_stream_writer(struct tuff_stream *);

/*
 * Remember the place the output has reached, for records to be written
 * there at the end; arg comes back to the function that writes them.
 * With doc, the stream owns doc and frees it after that (or with the
 * stream); doc is freed at once on an error.  0, or -1 with e filled
 * ("temporary file: ...").
 */
int	tuff_stream_place(struct tuff_stream *, void *arg,
	    struct tuff_doc *doc, struct tuff_error *e);

/*
 * The records for one place: write them with w (any number, or none).
 * 0, or -1 with e filled, which ends tuff_stream_finish.
 */
typedef int	tuff_place_fn(void *arg, struct tuff_writer *w, void *ctx,
		    struct tuff_error *e);

/*
 * Write the held output to out (tuff_out_open's), calling fn at each
 * place in order.  Returns 0, or -1 with e filled: fn's error, or, for
 * a write that failed, as tuff_seterr_written fills it (noted in out,
 * or in the spill, and reported when that is closed: out by the
 * caller, the spill by tuff_stream_free).  The stream is spent after.
 */
int	tuff_stream_finish(struct tuff_stream *, struct tuff_out *out,
	    tuff_place_fn *fn, void *ctx, struct tuff_error *e);

/*
 * A tool's run over held output: the one way every tool that writes a
 * record stream reads its input and writes its output.
 *
 * tuff_held_run reads the files (tuff_each_record_or_pass): records of
 * kinds skip says the tool does not read pass on as read, and each
 * other record goes to record, which writes it with w (as read, or
 * changed), holds a place for it with tuff_held_place, or drops it.
 * When the stream has ended, end (if any) may write more or fail the
 * run; then the output gets the held text, with what place writes at
 * each place.  The output (standard output, or -o FILE) is opened
 * first, so that the lock on FILE covers the run, and FILE is replaced
 * only at the end.  Any error, reported on standard error, makes the
 * run fail, and so does a warning about the input under --strict:
 * nothing is written.  Returns TUFF_OK or TUFF_ERR.
 *
 * With view set the output is not a record stream (a table, diagrams,
 * lines): records passed over and the text around them are dropped,
 * and the tool writes its text with tuff_writer_file.
 */
struct tuff_held {
	tuff_record_fn	*record;
	int		(*skip)(const char *kind, void *arg);	/* or NULL */
	int		(*end)(void *arg);	/* 0, or -1 after reporting */
	tuff_place_fn	*place;
	void		*arg;
	int		 view;
	struct tuff_writer *w;		/* set while it runs */
	struct tuff_stream *s;
};

int	tuff_held_run(struct tuff_held *, int argc, char **argv,
	    const char *output);
/* Remember the place the held output has reached, for place(arg). */
int	tuff_held_place(struct tuff_held *, void *arg, struct tuff_error *e);
/*
 * The same for a record the tool keeps to the end: place(doc) sees it
 * there (and must not free it); it is freed after, or with the run if
 * the run fails before.  On an error doc is freed at once.
 */
int	tuff_held_keep(struct tuff_held *, struct tuff_doc *doc,
	    struct tuff_error *e);

#endif
