/*
 * Between the reader and the writer only: the two files that see
 * libyaml.  A record streamed through (tuff_reader_next_or_pass) goes
 * from the parser to the emitter event by event, uncopied.
 */
#ifndef TUFF_YAMLIO_H
#define TUFF_YAMLIO_H

#include <yaml.h>

#include "tuff/node.h"

struct tuff_writer;

/* Emit ev, which the writer owns from here, failed or not.  0 or -1. */
int	tuff_writer_take(struct tuff_writer *, yaml_event_t *ev);
/* A record's "---", the end of a record, a mapping's start, a scalar
 * known to be valid UTF-8: as the writer writes them for trees. */
int	tuff_writer_doc_start(struct tuff_writer *);
int	tuff_writer_doc_end(struct tuff_writer *);
int	tuff_writer_map_start(struct tuff_writer *, const char *tag, int flow);
int	tuff_writer_scalar(struct tuff_writer *, const char *tag,
	    const char *val, size_t len, enum tuff_style style);

#endif
