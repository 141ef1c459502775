/*
 * Records in memory: one tuff_doc per YAML document, holding a tree of
 * tuff_node.  Every node and string of a document lives in the
 * document's arena and is freed with it, all at once: one owner.
 *
 * Nodes remember what the writer needs to reproduce them (scalar style,
 * explicit tag) and where they came from (1-based line and column), so a
 * record a tool changes keeps its keys, their order and its styles, and
 * a diagnostic can point at the offending node.  A document read also
 * keeps the text it was read from, which is what a tool writes when it
 * does not change it.
 */
#ifndef TUFF_NODE_H
#define TUFF_NODE_H

#include <sys/types.h>

#include <stddef.h>

#include "tuff.h"

enum tuff_type {
	TUFF_SCALAR = 1,
	TUFF_SEQ,
	TUFF_MAP
};

/* Scalar styles, in libyaml's order so the writer can pass them on. */
enum tuff_style {
	TUFF_ANY = 0,
	TUFF_PLAIN,
	TUFF_SINGLE,
	TUFF_DOUBLE,
	TUFF_LITERAL,
	TUFF_FOLDED
};

struct tuff_node;

struct tuff_pair {
	struct tuff_node	*key;
	struct tuff_node	*val;
};

struct tuff_node {
	enum tuff_type		 type;
	unsigned char		 style;	/* enum tuff_style for scalars; 1 flow */
	unsigned char		 utf8ok; /* read by the reader, which
					 * checked the text is UTF-8 */
	char			*tag;	/* explicit tag, or NULL */
	unsigned long		 line;	/* 1-based; 0 for nodes built here */
	unsigned long		 column;
	union {
		struct {
			char	*val;	/* NUL-terminated, may hold NULs */
			size_t	 len;
		} s;
		struct {
			struct tuff_node **items;
			size_t	 n, cap;
		} seq;
		struct {
			struct tuff_pair *pairs;
			size_t	 n, cap;
		} map;
	} u;
};

struct tuff_arena;
struct tuff_source;

/*
 * The text a record was read from, so that a tool that does not change
 * it can write it as it came (SPEC §2, fidelity).  text[0..head) are
 * the lines before the document that belong to it: comments, blank
 * lines, empty documents.  text[head..len) is the document, from its
 * first line ("---", a directive, or its content) to the end of its
 * last line, with the comment on that line, or its "..." line; its
 * content starts on the line at text[content].
 */
struct tuff_raw {
	const char	*text;		/* NULL: not read, built here */
	size_t		 len;
	size_t		 head;
	size_t		 content;
	unsigned char	 marked;	/* the document has its own "---" */
	unsigned char	 open_keep;	/* see open_indent: it is "|+" */
	unsigned int	 open_indent;	/* it ends in a block scalar whose
					 * lines are indented so; 0 if not */
	/* The file the text can be read from again, and where in it the
	 * text starts: held output copies it from there.  NULL for a
	 * pipe, and for a record's copy of its text (tuff_doc). */
	const struct tuff_source *src;
	off_t		 at;
};

struct tuff_doc {
	struct tuff_node	*root;
	const char		*file;	/* as diagnostics name it */
	unsigned long		 line;	/* where the document starts */
	unsigned long		 column;
	const char		*kind;	/* root's "kind" if a string, or NULL */
	struct tuff_raw		 raw;	/* in the arena */
	struct tuff_arena	*arena;
	int			 nomem;	/* an allocation failed: sticky */
};

/* A new, empty document (root NULL) for building records.  NULL on ENOMEM. */
struct tuff_doc	*tuff_doc_new(void);
void		 tuff_doc_free(struct tuff_doc *);

/*
 * Allocate from the document's arena.  On ENOMEM: NULL, and the
 * document's nomem set for good.
 */
void		*tuff_alloc(struct tuff_doc *, size_t);
char		*tuff_strdup(struct tuff_doc *, const char *);
char		*tuff_strndup(struct tuff_doc *, const char *, size_t);

/*
 * Building.  tuff_new_str makes a string scalar that reads back as a
 * string (quoted when plain text would read as a number, bool or null);
 * tuff_new_plain makes a plain scalar written as is (numbers, dates).
 *
 * Out of memory is sticky, like a writer's error: a builder that cannot
 * allocate returns NULL and sets doc->nomem, and every builder and
 * tuff_seq_push, tuff_map_push and tuff_map_set take a NULL argument
 * and do nothing with it.  So a record is built without a check after
 * each call, never holds a NULL, and the caller looks at doc->nomem
 * once, before it uses the record: then the record is incomplete, and
 * the caller reports "out of memory".
 */
struct tuff_node	*tuff_new_str(struct tuff_doc *, const char *);
struct tuff_node	*tuff_new_plain(struct tuff_doc *, const char *);
struct tuff_node	*tuff_new_int(struct tuff_doc *, long);
struct tuff_node	*tuff_new_dec1(struct tuff_doc *, long tenths);
struct tuff_node	*tuff_new_bool(struct tuff_doc *, int);
struct tuff_node	*tuff_new_null(struct tuff_doc *);
struct tuff_node	*tuff_new_seq(struct tuff_doc *);
struct tuff_node	*tuff_new_map(struct tuff_doc *);
/* "-12.5" from -125; buf of at least 24 bytes.  Returns buf. */
char			*tuff_fmt_dec1(char *buf, long tenths);
/* Deep copy of a node (possibly from another document) into doc. */
struct tuff_node	*tuff_copy(struct tuff_doc *, const struct tuff_node *);

/* Append to a sequence. */
void	tuff_seq_push(struct tuff_doc *, struct tuff_node *seq,
	    struct tuff_node *item);
/* Append a pair to a mapping, as is (no check for an existing key). */
void	tuff_map_push(struct tuff_doc *, struct tuff_node *map,
	    struct tuff_node *key, struct tuff_node *val);
/* Set key in a mapping: replace the value in place if present, else append. */
void	tuff_map_set(struct tuff_doc *, struct tuff_node *map, const char *key,
	    struct tuff_node *val);
/* Remove key from a mapping, keeping the others' order; 1 if it was there. */
int	tuff_map_del(struct tuff_node *map, const char *key);

/*
 * Reading.  All accept NULL and the wrong type and then answer "absent".
 */
struct tuff_node	*tuff_map_get(const struct tuff_node *map,
			    const char *key);
/* "a scalar", "a sequence" or "a mapping", for messages. */
const char		*tuff_type_name(const struct tuff_node *);
/* The string value of a scalar, or NULL for non-scalars and NULL. */
const char		*tuff_str(const struct tuff_node *);
/*
 * A null: NULL, or a scalar that is null by the one rule of scalar.h
 * (plain ~, null, Null, NULL or nothing; or !!null on one of those).
 */
int			 tuff_is_null(const struct tuff_node *);
/* SPEC §4.3's "no x": absent, null, "", or an empty sequence or mapping. */
int			 tuff_is_empty(const struct tuff_node *);
/*
 * A scalar that is an integer by the one rule of scalar.h (plain 0 or
 * [1-9][0-9]*, or !!int on such a text) in [min, max], 0 <= min: 0 and
 * *out set, or -1.
 */
int			 tuff_get_int(const struct tuff_node *, long min,
			    long max, long *out);
/* Would this string, written plain, read back as something other than a
 * string (null, bool, number)?  The writer then quotes it. */
int			 tuff_plain_is_special(const char *s, size_t len);

/* Fill e with a message at node n of doc (or at the doc when n is NULL or
 * was built here); returns -1. */
int	tuff_node_err(struct tuff_error *e, const struct tuff_doc *doc,
	    const struct tuff_node *n, const char *fmt, ...)
	    __attribute__((format(printf, 4, 5)));

#endif
