/*
 * Record streams: the only place that touches libyaml.
 *
 * A reader parses one YAML document at a time from a FILE, enforcing
 * SPEC §2's limits while parsing (before anything is built from them):
 * no anchors or aliases, nesting at most TUFF_MAX_DEPTH, a record of at
 * most TUFF_MAX_RECORD characters, a scalar of at most TUFF_MAX_SCALAR
 * bytes, no duplicate keys, valid UTF-8 (libyaml's reader checks it).
 *
 * A writer emits records as a YAML stream: block style, indent 2,
 * unicode text as itself, an explicit "---" before every record.
 */
#ifndef TUFF_RECORD_H
#define TUFF_RECORD_H

#include <stdio.h>

#include "node.h"

struct tuff_reader;
struct tuff_writer;

/*
 * name is what diagnostics call the input ("<stdin>" for standard
 * input); it must outlive the reader and every document read from it.
 * NULL on ENOMEM.
 */
struct tuff_reader	*tuff_reader_new(FILE *, const char *name);
void			 tuff_reader_free(struct tuff_reader *);

/*
 * Read the next document.  Returns 1 and a document the caller owns
 * (free it with tuff_doc_free), 0 at the end of the stream, or -1 with
 * e filled.  After -1 the reader is done: every later call returns -1.
 * Only mappings are accepted as records; an empty document ("---" with
 * nothing after it) is skipped.
 */
int	tuff_reader_next(struct tuff_reader *, struct tuff_doc **,
	    struct tuff_error *e);

/*
 * Like tuff_reader_next, but a record whose first key is a plain "kind"
 * with a value for which pass(value, arg) is true is not built: it is
 * written to w event by event as it is read (w NULL: dropped), and 2 is
 * returned.  It is checked as every record is (limits, duplicate keys),
 * but an error in it is found after its start was written: only for a
 * writer whose output is thrown away when the run fails (tuff-decide's
 * temporary body).
 */
int	tuff_reader_next_or_pass(struct tuff_reader *, struct tuff_doc **,
	    int (*pass)(const char *kind, void *arg), void *arg,
	    struct tuff_writer *w, struct tuff_error *e);

/*
 * The raw event layer, for readers that must not build a tree for speed
 * (hme-score reads a million responses).  Same limits as above.
 */
enum tuff_ev_type {
	TUFF_EV_END = 0,	/* end of stream */
	TUFF_EV_DOC_START,
	TUFF_EV_DOC_END,
	TUFF_EV_MAP_START,
	TUFF_EV_MAP_END,
	TUFF_EV_SEQ_START,
	TUFF_EV_SEQ_END,
	TUFF_EV_SCALAR
};

struct tuff_event {
	enum tuff_ev_type	 type;
	unsigned long		 line;		/* 1-based */
	unsigned long		 column;
	const char		*val;		/* scalars: value, NUL-terminated */
	size_t			 len;
	enum tuff_style		 style;
	const char		*tag;		/* explicit tag or NULL */
	int			 depth;		/* nesting after this event */
};

/*
 * Next event into ev (valid until the next call).  Returns 1, 0 at the
 * end of the stream, or -1 with e filled.  Duplicate keys are not
 * detected at this layer: callers that keep keys check them.
 */
int	tuff_reader_event(struct tuff_reader *, struct tuff_event *ev,
	    struct tuff_error *e);

/*
 * Building a tree from events the caller has read, so a reader that
 * looks at events for speed can still keep a record it does not
 * consume as a tree (hme-score passes foreign records through).
 * Feed every event of a document, from TUFF_EV_DOC_START on, to
 * tuff_reader_build: it returns 1 when the event completed the
 * document, 0 before that, -1 with e filled when the document is not a
 * valid record (not a mapping, duplicate keys).  An empty document
 * completes with no root.  tuff_reader_partial shows the document built
 * so far (NULL before DOC_START); tuff_reader_take hands it over.
 */
int		 tuff_reader_build(struct tuff_reader *,
		    const struct tuff_event *, struct tuff_error *e);
struct tuff_doc	*tuff_reader_partial(struct tuff_reader *);
struct tuff_doc	*tuff_reader_take(struct tuff_reader *);

/* NULL on ENOMEM.  The writer does not own or close fp. */
struct tuff_writer	*tuff_writer_new(FILE *);
/*
 * Push what the emitter holds of complete records to the FILE, so the
 * caller may write to it directly in between (tuff-decide splices).
 * 0, or -1.
 */
int			 tuff_writer_flush(struct tuff_writer *);
/* Ends the stream and flushes; returns 0 or -1 (tuff_writer_errno). */
int			 tuff_writer_close(struct tuff_writer *);
/*
 * 0 while the writer has not failed; after it failed, the errno of the
 * call that failed (a write, EILSEQ for text that is not UTF-8, ENOMEM;
 * EINVAL for an event out of order), for the one report at the end.
 */
int			 tuff_writer_errno(const struct tuff_writer *);
void			 tuff_writer_free(struct tuff_writer *);

/* Write one record.  0, or -1 on an emitter or write error. */
int	tuff_write_doc(struct tuff_writer *, const struct tuff_node *root);
/* Write a record and free it: what a tool does with what it passes on. */
int	tuff_write_passthrough(struct tuff_writer *, struct tuff_doc *);

/*
 * Event-level writing of records that are generated, not read:
 *   tuff_w_begin(w); tuff_w_key(w, "kind"); tuff_w_str(w, "x"); ...
 *   tuff_w_end(w);
 * begin/end open and close a document whose root is a mapping.  Each
 * returns 0 or -1; errors are sticky, so checking the last call of a
 * record is enough.
 */
int	tuff_w_begin(struct tuff_writer *);
int	tuff_w_end(struct tuff_writer *);
int	tuff_w_map_begin(struct tuff_writer *);
int	tuff_w_map_end(struct tuff_writer *);
int	tuff_w_seq_begin(struct tuff_writer *, int flow);
int	tuff_w_seq_end(struct tuff_writer *);
int	tuff_w_key(struct tuff_writer *, const char *);
int	tuff_w_str(struct tuff_writer *, const char *);	/* reads back as a string */
int	tuff_w_plain(struct tuff_writer *, const char *);	/* written as is */
int	tuff_w_int(struct tuff_writer *, long);
int	tuff_w_dec1(struct tuff_writer *, long tenths);	/* 851 -> 85.1 */
int	tuff_w_bool(struct tuff_writer *, int);
int	tuff_w_null(struct tuff_writer *);
int	tuff_w_node(struct tuff_writer *, const struct tuff_node *);

#endif
