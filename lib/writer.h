/*
 * The writer's insides, for the held output (stream.c) only: it copies
 * held text to the real output and inserts records at places, and must
 * hand the writer from one FILE to the other with what it knows about
 * how the output so far ends.
 */
#ifndef TUFF_WRITER_PRIV_H
#define TUFF_WRITER_PRIV_H

#include <sys/types.h>

#include <stdio.h>

#include "tuff/record.h"
#include "tuff/run.h"
#include "source.h"

struct writer_state {
	unsigned char	 last[3];
	size_t		 nlast;
	unsigned	 open_indent;
	int		 open_keep;
};

/* Flush the emitter; from now on write to fp. */
int	writer_set_file(struct tuff_writer *, FILE *fp);
void	writer_get_state(const struct tuff_writer *, struct writer_state *);
void	writer_set_state(struct tuff_writer *, const struct writer_state *);
/*
 * Text p[0..n) is about to follow, written with writer_put: start a
 * line, or end a block scalar, first if it must (as tuff_write_text).
 * n may be a part of the text, as long as it holds its first lines.
 */
int	writer_prepare(struct tuff_writer *, const char *p, size_t n);
int	writer_put(struct tuff_writer *, const char *p, size_t n);
/*
 * Bytes written to the FILE so far, the emitter's flushed (after
 * tuff_writer_flush); -1 with errno set when that cannot be told.
 */
off_t	writer_offset(const struct tuff_writer *);
/* A write around the writer failed with err: the writer has failed. */
void	writer_fail(struct tuff_writer *, int err);

/*
 * n bytes of a record's text, at offset at of its input file src, are
 * to be written next (the writer has prepared for them).  The function
 * returns 1 when it takes them to be copied from src later, so the
 * writer only notes how the output now ends, or 0 for the writer to
 * write them.
 */
typedef int	writer_refer_fn(void *ctx, const struct tuff_source *src,
		    off_t at, size_t n);
void	writer_set_refer(struct tuff_writer *, writer_refer_fn *, void *ctx);

#endif
