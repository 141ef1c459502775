/*
 * Record streams: the only place that touches libyaml.
 *
 * A reader parses one YAML document at a time from a FILE, enforcing
 * SPEC §2's limits while parsing (before anything is built from them):
 * no anchors or aliases, nesting at most TUFF_MAX_DEPTH, a record of at
 * most TUFF_MAX_RECORD characters, a scalar of at most TUFF_MAX_SCALAR
 * bytes, no duplicate keys, valid UTF-8 (libyaml's reader checks it).
 * It keeps the text of each record (struct tuff_raw): the comments and
 * blank lines before it, and the document to the end of its last line.
 * What follows the last record of a file is its tail.
 *
 * A writer writes a record a tool did not change as that text, and a
 * record it creates or changes through libyaml's emitter (block style,
 * indent 2, unicode text as itself), each with its own "---".  It keeps
 * the stream it pieces together valid YAML that reads back as its
 * pieces did: a "---" where a record's text has none, a line break
 * where a file did not end in one, a "..." where a block scalar would
 * otherwise run on into the text after it.
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
 * with a value for which skip(value, arg) is true is not built: it is
 * checked as every record is (limits, duplicate keys) as it is read,
 * and 2 is returned, with its text in tuff_reader_raw.
 */
int	tuff_reader_next_or_pass(struct tuff_reader *, struct tuff_doc **,
	    int (*skip)(const char *kind, void *arg), void *arg,
	    struct tuff_error *e);

/*
 * For a reader that reads the events itself (hme-score): the record
 * whose root mapping's first key, a plain "kind" at line:column, and
 * its value the caller has read is not built but checked to its end as
 * tuff_reader_next_or_pass checks a record it skips.  2, with its text
 * in tuff_reader_raw, or -1 with e filled.
 */
int	tuff_reader_pass_rest(struct tuff_reader *, unsigned long line,
	    unsigned long column, struct tuff_error *e);

/*
 * The text of the record just read (by tuff_reader_next, _next_or_pass
 * or the events up to its DOC_END), valid until the reader is asked for
 * more; NULL when the last thing read was not a record.
 */
const struct tuff_raw	*tuff_reader_raw(struct tuff_reader *);

/*
 * Once the stream has ended: the text after its last record (comments,
 * blank lines, empty documents; all of it when there was no record),
 * valid until the reader is freed.  *len 0 when there is none.
 */
const char		*tuff_reader_tail(struct tuff_reader *, size_t *len);

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
 * Push what the emitter holds to the FILE, so the caller may write to
 * it directly in between.  0, or -1.
 */
int			 tuff_writer_flush(struct tuff_writer *);
/* Flushes the emitter and the FILE; 0, or -1 (tuff_writer_errno). */
int			 tuff_writer_close(struct tuff_writer *);
/*
 * 0 while the writer has not failed; after it failed, the errno of the
 * call that failed (a write, EILSEQ for text that is not UTF-8, ENOMEM;
 * EINVAL for an event out of order), for the one report at the end.
 */
int			 tuff_writer_errno(const struct tuff_writer *);
void			 tuff_writer_free(struct tuff_writer *);
/*
 * The FILE under the writer, flushed, for a tool whose output is text
 * of its own (a table, diagrams) rather than records; 0, or -1.  Not
 * for records: the writer does not see what is written there.
 */
int			 tuff_writer_file(struct tuff_writer *, FILE **fp);
/*
 * The writer failed: fill e to stop the run, as tuff_seterr_written
 * does, for the owner of its FILE reports the failure once
 * (tuff_out_error with tuff_writer_errno, then tuff_out_close).
 * Returns -1.
 */
int			 tuff_writer_error(const struct tuff_writer *,
			    struct tuff_error *e);

/*
 * Records.  Each returns 0, or -1 on a write error (sticky: checking
 * the last call is enough).
 *
 * tuff_write_doc: a record the tool creates, through the emitter.
 * tuff_write_unchanged: a record read and not changed, as its text (a
 * record without text, built here, through the emitter).
 * tuff_write_passthrough: the same, and frees doc.
 * tuff_write_changed: a record read and changed: its comment lines
 * before its content as they were (those above its "---" and those
 * below it), then the record through the emitter (comments inside a
 * changed record are not kept).
 * tuff_write_head: only those lines, for a record whose replacement the
 * tool writes later.
 * tuff_write_raw: a record's text.
 * tuff_write_text: text that holds no record (tuff_reader_tail).
 */
int	tuff_write_doc(struct tuff_writer *, const struct tuff_node *root);
int	tuff_write_unchanged(struct tuff_writer *, const struct tuff_doc *);
int	tuff_write_passthrough(struct tuff_writer *, struct tuff_doc *);
int	tuff_write_changed(struct tuff_writer *, const struct tuff_doc *);
int	tuff_write_head(struct tuff_writer *, const struct tuff_doc *);
int	tuff_write_raw(struct tuff_writer *, const struct tuff_raw *);
int	tuff_write_text(struct tuff_writer *, const char *, size_t);

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
