/*
 * The record reader's state, shared by its three files: reader.c (the
 * parser, the limits, the text of each record), reader_msg.c (what a
 * parse error says) and build.c (trees, duplicate keys, records read
 * without a tree).  Nothing outside them includes this.
 */
#ifndef TUFF_READER_PRIV_H
#define TUFF_READER_PRIV_H

#include <stdint.h>

#include <yaml.h>

#include "tuff/record.h"
#include "source.h"
#include "text.h"

/*
 * libyaml marks count characters, the read handler bytes: allow for
 * four-byte characters and libyaml's read-ahead.  This bounds what the
 * reader holds of a record and the comments before it.
 */
#define READ_WINDOW	(4 * TUFF_MAX_RECORD + 64 * 1024)

struct frame {
	struct tuff_node	*node;
	size_t			 base;	/* its first child in kids */
};

/* An open collection of a record read without a tree. */
struct slevel {
	unsigned char	 is_map;
	unsigned char	 expect_key;
	unsigned char	 is_key;	/* this collection is a key */
	unsigned char	 maybe_dup;	/* two of its keys share a bit */
	/*
	 * A bit for each of its keys, chosen by the key's head and length:
	 * while no two share one, no two are equal and the keys need not
	 * be compared at its end.
	 */
	uint64_t	 seen;
	size_t		 first_key;	/* its keys in skeys */
	size_t		 key_start;	/* its encoding in capbuf */
	yaml_mark_t	 key_mark;
};

/*
 * A key of a mapping read without a tree.  Its first 8 bytes are kept
 * here, the whole key in keybuf only when it is longer: most keys are
 * short, and two keys are told apart by their length and head at once.
 */
struct skey {
	uint64_t	 head;
	size_t		 off, len;	/* in keybuf, when len > 8 */
	const char	*p;		/* keybuf + off, while sorting */
	size_t		 seq;		/* its place among the keys, while sorting */
	int		 complex;	/* a collection, in its encoding */
	unsigned long	 line, column;
};

/* Where the document being read stands in the text. */
struct docspan {
	size_t		 start;		/* its first character: ---, %, or content */
	int		 marked;	/* it has its own "---" */
	int		 empty;		/* its root is the empty scalar */
	size_t		 end;		/* just past its content so far */
	unsigned long	 end_line;
	int		 block;		/* that content is a block scalar */
	size_t		 block_start;	/* its indicator, | or > */
};

/* A byte libyaml did not take as UTF-8, found in the held text. */
enum foreign {
	ENC_UTF8 = 0,
	ENC_UTF16LE_BOM,
	ENC_UTF16BE_BOM,
	ENC_UTF32LE_BOM,
	ENC_UTF32BE_BOM,
	ENC_UTF16LE,
	ENC_UTF16BE,
	ENC_UTF32LE,
	ENC_UTF32BE
};

struct tuff_reader {
	yaml_parser_t	 parser;
	_Alignas(64) yaml_event_t ev;
	int		 have_ev;
	int		 failed;
	int		 ended;		/* STREAM-END seen: libyaml has no more */
	FILE		*fp;
	const char	*name;
	struct tuff_source src;		/* fd -1: the input is no file */

	/* The text fed to libyaml, from the current record's first byte. */
	struct text	 text;
	int		 started;	/* the first bytes were looked at */
	enum foreign	 encoding;	/* not UTF-8: refused at once */
	int		 over_window;
	int		 nomem;
	int		 read_errno;

	struct docspan	 span;
	struct tuff_raw	 raw;		/* the record just read */
	int		 have_raw;	/* until the next event is asked for */
	size_t		 cut, cut_char;	/* where the next record's text starts */
	unsigned long	 cut_line;

	int		 depth;
	size_t		 doc_index;	/* mark of the record's root */
	unsigned long	 doc_line;
	unsigned long	 doc_col;

	struct tuff_doc	*doc;		/* being built */
	struct frame	 stack[TUFF_MAX_DEPTH + 1];
	int		 sp;
	/*
	 * The children of the open collections, gathered here (keys and
	 * values in turn for a mapping) so each collection gets an array of
	 * exactly its size when it ends.  Reused from record to record.
	 */
	struct tuff_node **kids;
	size_t		 nkids, capkids;

	/* A record read without a tree: its open collections and the
	 * keys of its open mappings (their text in keybuf), for duplicates. */
	struct slevel	 slev[TUFF_MAX_DEPTH + 1];
	int		 nslev;
	struct skey	*skeys;
	size_t		 nskeys, capskeys;
	char		*keybuf;
	size_t		 keylen, keycap;
	/* Collections used as keys, encoded as they go by, so they can
	 * be compared as the tree's keys are. */
	int		 cap_level;	/* the outermost one's level, or 0 */
	char		*capbuf;
	size_t		 caplen, capcap;
	/* The tag of the root mapping of a record being read, if any. */
	char		*tagbuf;
	size_t		 taglen, tagcap;
};

/*
 * reader.c: the next event, checked, in r->ev (valid until the next
 * call): 1, 0 at the end of the stream, or -1 with e filled.
 */
int	reader_next(struct tuff_reader *, struct tuff_error *e);
/*
 * Check an event against SPEC §2's limits before the caller sees it,
 * and follow the document's extent in the text: 0, or -1 with e filled.
 * reader_take_event below has the common case.
 */
int	reader_take_any(struct tuff_reader *, const yaml_event_t *,
	    struct tuff_error *e);

/* reader_next_within out of line, for the few events of a record's head. */
int	reader_next_in(struct tuff_reader *, struct tuff_error *e);
/* The event just read (by reader_next or reader_next_within) as ev. */
void	reader_event(const struct tuff_reader *, struct tuff_event *ev);

/* reader_msg.c: fill e for the parser's error (the reader is failed). */
int	reader_parse_error(struct tuff_reader *, struct tuff_error *e);

/*
 * The few steps taken for every event of every record are inline here,
 * so that the loops that call them (build.c's) need no call per event.
 */

/*
 * The document's content ends at the end of y so far.  Block
 * collections start and end where the next token is (past comments),
 * and an implicit document end where the next document starts, so they
 * say nothing about it and are not passed here; an empty scalar stands
 * just after its indicator ("key:", "-"), on its line.
 */
static inline void
span_extend(struct docspan *s, const yaml_event_t *y, int block)
{
	if (y->end_mark.index < s->end)
		return;
	s->end = y->end_mark.index;
	s->end_line = y->end_mark.line;
	s->block = block;
	s->block_start = y->start_mark.index;
}

/*
 * reader_take_any, with the case of most events first: a scalar inside
 * the record, within the limits, without an anchor.
 */
static inline int
reader_take_event(struct tuff_reader *r, const yaml_event_t *y,
    struct tuff_error *e)
{
	int style;

	if (y->type == YAML_SCALAR_EVENT && r->depth > 0 &&
	    y->end_mark.index - r->doc_index <= TUFF_MAX_RECORD &&
	    y->data.scalar.length <= TUFF_MAX_SCALAR &&
	    y->data.scalar.anchor == NULL) {
		style = y->data.scalar.style;
		span_extend(&r->span, y, style == YAML_LITERAL_SCALAR_STYLE ||
		    style == YAML_FOLDED_SCALAR_STYLE);
		return 0;
	}
	return reader_take_any(r, y, e);
}

/*
 * reader_next, once a document has started and until it ends (its
 * DOC_END is the last event this may return): without reader_next's
 * checks between records, for it is called for every event of every
 * record passed on.
 */
static inline int
reader_next_within(struct tuff_reader *r, struct tuff_error *e)
{
	yaml_event_t *y = &r->ev;

	/* libyaml zeroes an event it fails to fill: deleting it is safe. */
	yaml_event_delete(y);
	if (!yaml_parser_parse(&r->parser, y))
		return reader_parse_error(r, e);
	if (reader_take_event(r, y, e) == -1)
		return -1;
	if (y->type == YAML_STREAM_END_EVENT) {
		r->ended = 1;
		return 0;
	}
	return 1;
}
/* The encoding the first bytes of a file show, or ENC_UTF8. */
enum foreign	reader_sniff(const unsigned char *, size_t);

/* build.c */
void	reader_build_free(struct tuff_reader *);
/*
 * A duplicate key: first at line1:col1, again at line:col, in the
 * record's root mapping when root.  The message says where both are
 * (and, for a second kind or id in the root, that a "---" may be
 * missing).  Fails the reader; returns -1.
 */
int	reader_dup(struct tuff_reader *, struct tuff_error *e, int root,
	    const char *key, size_t keylen, unsigned long line,
	    unsigned long col, unsigned long line1, unsigned long col1);

#endif
