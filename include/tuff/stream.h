/*
 * Held output: what a tool writes is held in a spill file until the
 * run is over, with places where records are to be inserted once they
 * can be written (tuff-decide's decisions, once the whole stream has
 * been checked; tbls-check's findings, once every journey has been
 * seen).  Only a run that succeeds writes its output: the held text,
 * with what belongs at each place inserted there, in one pass.
 *
 * The spill file has no name (O_TMPFILE, or a name removed at once) and
 * lives in $TMPDIR, or /tmp: memory stays bounded however long the
 * stream, and a killed run leaves nothing behind.
 */
#ifndef TUFF_STREAM_H
#define TUFF_STREAM_H

#include <stdio.h>

#include "record.h"

struct tuff_stream;

/* NULL with errno set when the spill file cannot be made. */
struct tuff_stream	*tuff_stream_new(void);
void			 tuff_stream_free(struct tuff_stream *);

/*
 * The writer into the held output (see record.h); its errors say
 * "temporary file: ..." (tuff_writer_error).
 */
struct tuff_writer	*tuff_stream_writer(struct tuff_stream *);

/*
 * Remember the place the output has reached, for records to be written
 * there at the end; arg comes back to the function that writes them.
 * 0, or -1 with e filled ("temporary file: ...").
 */
int	tuff_stream_place(struct tuff_stream *, void *arg,
	    struct tuff_error *e);

/*
 * The records for one place: write them with w (any number, or none).
 * 0, or -1 with e filled, which ends tuff_stream_finish.
 */
typedef int	tuff_place_fn(void *arg, struct tuff_writer *w, void *ctx,
		    struct tuff_error *e);

/*
 * Write the held output to out, calling fn at each place in order.
 * Returns 0, or -1 with e filled: fn's error, "write error: ..." for
 * out (which may have been written in part: a caller writing to -o
 * FILE discards it), or "temporary file: ..." for the spill file.
 * The stream is spent after.
 */
int	tuff_stream_finish(struct tuff_stream *, FILE *out, tuff_place_fn *fn,
	    void *ctx, struct tuff_error *e);

#endif
