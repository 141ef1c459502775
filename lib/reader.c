/*
 * The record reader: libyaml's event parser, with SPEC §2's limits
 * enforced on every event as it arrives, and a tree builder on top.
 *
 * Memory is bounded before libyaml sees the input: the read handler
 * refuses to feed more than READ_WINDOW bytes since the end of the
 * previous document, so even a gigabyte scalar is never buffered whole.
 * The exact limit (TUFF_MAX_RECORD characters) is then checked on the
 * marks of each event.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "tuff/diag.h"
#include "tuff/record.h"
#include "tuff/scalar.h"
#include "arena.h"
#include "yamlio.h"

/* libyaml marks count characters, the read handler bytes: allow for
 * four-byte characters and libyaml's read-ahead. */
#define READ_WINDOW	(4 * TUFF_MAX_RECORD + 64 * 1024)
#define SMALL_MAP	16	/* pairwise duplicate check below this */

struct frame {
	struct tuff_node	*node;
	size_t			 base;	/* its first child in kids */
};

struct slevel {
	unsigned char	 is_map;
	unsigned char	 tight;		/* in flow, or a key: nulls as "~" */
	unsigned char	 expect_key;
	unsigned char	 is_key;	/* this collection is a key */
	size_t		 first_key;	/* its keys in skeys */
	size_t		 key_start;	/* its encoding in capbuf */
	unsigned long	 key_line, key_column;
};

struct skey {
	size_t		 off, len;	/* in keybuf */
	const char	*p;		/* keybuf + off, once keybuf is still */
	int		 complex;	/* a collection, in its encoding */
	unsigned long	 line, column;
};

struct tuff_reader {
	yaml_parser_t	 parser;
	yaml_event_t	 ev;
	int		 have_ev;
	int		 failed;
	int		 ended;		/* STREAM-END seen: libyaml has no more */
	FILE		*fp;
	const char	*name;

	size_t		 nread;		/* bytes handed to libyaml */
	size_t		 window_start;	/* nread at the last document end */
	int		 over_window;
	int		 read_errno;

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

	/* A record streamed through: its open collections and the keys
	 * of its open mappings (their text in keybuf), for duplicates. */
	struct slevel	 slev[TUFF_MAX_DEPTH + 1];
	int		 nslev;
	struct skey	*skeys;
	size_t		 nskeys, capskeys;
	char		*keybuf;
	size_t		 keylen, keycap;
	/* Collections used as keys, encoded as they stream by, so they can
	 * be compared as check_duplicates compares built keys. */
	int		 cap_level;	/* the outermost one's level, or 0 */
	char		*capbuf;
	size_t		 caplen, capcap;
};

/* Advance a 0-based line and column over n bytes of UTF-8. */
static void
advance(const unsigned char *p, size_t n, unsigned long *line,
    unsigned long *col)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (p[i] == '\n' ||
		    (p[i] == '\r' && !(i + 1 < n && p[i + 1] == '\n'))) {
			(*line)++;
			*col = 0;
		} else if ((p[i] & 0xc0) != 0x80 && p[i] != '\r')
			(*col)++;
	}
}

static int
read_handler(void *data, unsigned char *buf, size_t size, size_t *size_read)
{
	struct tuff_reader *r = data;
	size_t n;

	*size_read = 0;
	if (r->nread - r->window_start > READ_WINDOW) {
		r->over_window = 1;
		return 0;
	}
	n = fread(buf, 1, size, r->fp);
	if (n == 0 && ferror(r->fp)) {
		r->read_errno = errno;
		return 0;
	}
	/*
	 * A byte order mark (Windows editors write one) is not content.
	 * With the encoding fixed to UTF-8, libyaml would keep it as a
	 * character in column 1 and misread the indentation after it.
	 */
	if (r->nread == 0 && n >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
		r->nread = 3;
		n -= 3;
		memmove(buf, buf + 3, n);
	}
	r->nread += n;
	*size_read = n;
	return 1;
}

struct tuff_reader *
tuff_reader_new(FILE *fp, const char *name)
{
	struct tuff_reader *r;

	if ((r = calloc(1, sizeof(*r))) == NULL)
		return NULL;
	if (!yaml_parser_initialize(&r->parser)) {
		free(r);
		return NULL;
	}
	r->fp = fp;
	r->name = name;
	/* Where a record too large to reach its first event is reported. */
	r->doc_line = 1;
	r->doc_col = 1;
	yaml_parser_set_input(&r->parser, read_handler, r);
	yaml_parser_set_encoding(&r->parser, YAML_UTF8_ENCODING);
	return r;
}

void
tuff_reader_free(struct tuff_reader *r)
{
	if (r == NULL)
		return;
	if (r->have_ev)
		yaml_event_delete(&r->ev);
	tuff_doc_free(r->doc);
	free(r->kids);
	free(r->skeys);
	free(r->keybuf);
	free(r->capbuf);
	yaml_parser_delete(&r->parser);
	free(r);
}

static int
fail(struct tuff_reader *r, struct tuff_error *e, const yaml_mark_t *m,
    const char *fmt, const char *arg)
{
	r->failed = 1;
	tuff_seterr(e, r->name, m->line + 1, m->column + 1, fmt, arg);
	return -1;
}

/*
 * Where is the byte libyaml's reader choked on?  libyaml reports a byte
 * offset only, but what it decoded before the bad byte still sits in its
 * buffer after the scanner's mark: advance the mark over it.
 */
static void
reader_error_pos(const yaml_parser_t *p, unsigned long *line,
    unsigned long *col)
{
	*line = p->mark.line;
	*col = p->mark.column;
	if (p->buffer.pointer != NULL && p->buffer.last >= p->buffer.pointer)
		advance(p->buffer.pointer,
		    (size_t)(p->buffer.last - p->buffer.pointer), line, col);
	(*line)++;
	(*col)++;
}

static int
parser_error(struct tuff_reader *r, struct tuff_error *e)
{
	yaml_parser_t *p = &r->parser;
	unsigned long line, col;
	const char *problem = p->problem != NULL ? p->problem : "parse error";

	r->failed = 1;
	if (r->over_window)
		return tuff_seterr(e, r->name, r->doc_line, r->doc_col,
		    "record is larger than %lu KiB",
		    TUFF_MAX_RECORD / 1024);
	if (p->error == YAML_MEMORY_ERROR)
		return tuff_seterr(e, r->name, 0, 0, "out of memory");
	if (p->error == YAML_READER_ERROR) {
		if (r->read_errno != 0)
			return tuff_seterr(e, r->name, 0, 0, "read error: %s",
			    strerror(r->read_errno));
		reader_error_pos(p, &line, &col);
		if (p->problem_value == -1)
			return tuff_seterr(e, r->name, line, col, "%s", problem);
		/* libyaml gives the octet for "... octet" problems and the
		 * decoded code point for the others (a surrogate, U+FFFE). */
		if (strstr(problem, "octet") != NULL)
			return tuff_seterr(e, r->name, line, col,
			    "%s (byte 0x%02x)", problem,
			    (unsigned)p->problem_value & 0xff);
		return tuff_seterr(e, r->name, line, col, "%s (U+%04X)",
		    problem, (unsigned)p->problem_value);
	}
	if (p->context != NULL)
		return tuff_seterr(e, r->name, p->problem_mark.line + 1,
		    p->problem_mark.column + 1, "%s %s at line %lu, column %lu",
		    problem, p->context, (unsigned long)p->context_mark.line + 1,
		    (unsigned long)p->context_mark.column + 1);
	return tuff_seterr(e, r->name, p->problem_mark.line + 1,
	    p->problem_mark.column + 1, "%s", problem);
}

/*
 * The limits every event must meet, checked before the caller sees it.
 */
static int
check_event(struct tuff_reader *r, const yaml_event_t *ev,
    struct tuff_error *e)
{
	const yaml_mark_t *m = &ev->start_mark;
	const yaml_char_t *anchor = NULL;

	/*
	 * A record's size is its root node's extent, without the "---"
	 * line, so a record one tool accepts and writes back with a "---"
	 * is accepted by the next tool in the pipe too.
	 */
	if (ev->type == YAML_DOCUMENT_START_EVENT ||
	    (r->depth == 0 && (ev->type == YAML_SCALAR_EVENT ||
	    ev->type == YAML_SEQUENCE_START_EVENT ||
	    ev->type == YAML_MAPPING_START_EVENT))) {
		r->doc_index = m->index;
		r->doc_line = m->line + 1;
		r->doc_col = m->column + 1;
	}
	if (ev->end_mark.index - r->doc_index > TUFF_MAX_RECORD &&
	    ev->type != YAML_STREAM_END_EVENT &&
	    ev->type != YAML_DOCUMENT_END_EVENT) {
		r->failed = 1;
		return tuff_seterr(e, r->name, r->doc_line, r->doc_col,
		    "record is larger than %lu KiB", TUFF_MAX_RECORD / 1024);
	}
	switch (ev->type) {
	case YAML_ALIAS_EVENT:
		return fail(r, e, m, "aliases are not allowed in records%s",
		    "");
	case YAML_SCALAR_EVENT:
		anchor = ev->data.scalar.anchor;
		if (ev->data.scalar.length > TUFF_MAX_SCALAR)
			return fail(r, e, m, "scalar is larger than 64 KiB%s",
			    "");
		break;
	case YAML_SEQUENCE_START_EVENT:
		anchor = ev->data.sequence_start.anchor;
		break;
	case YAML_MAPPING_START_EVENT:
		anchor = ev->data.mapping_start.anchor;
		break;
	default:
		break;
	}
	if (anchor != NULL)
		return fail(r, e, m, "anchors are not allowed in records (&%s)",
		    (const char *)anchor);
	if ((ev->type == YAML_SEQUENCE_START_EVENT ||
	    ev->type == YAML_MAPPING_START_EVENT) &&
	    r->depth + 1 > TUFF_MAX_DEPTH)
		return fail(r, e, m, "nesting is deeper than 64 levels%s", "");
	return 0;
}

static void
to_event(const struct tuff_reader *r, const yaml_event_t *y,
    struct tuff_event *ev)
{
	memset(ev, 0, sizeof(*ev));
	ev->line = y->start_mark.line + 1;
	ev->column = y->start_mark.column + 1;
	switch (y->type) {
	case YAML_DOCUMENT_START_EVENT:
		ev->type = TUFF_EV_DOC_START;
		break;
	case YAML_DOCUMENT_END_EVENT:
		ev->type = TUFF_EV_DOC_END;
		break;
	case YAML_MAPPING_START_EVENT:
		ev->type = TUFF_EV_MAP_START;
		ev->tag = (const char *)y->data.mapping_start.tag;
		ev->style = y->data.mapping_start.style ==
		    YAML_FLOW_MAPPING_STYLE;
		break;
	case YAML_MAPPING_END_EVENT:
		ev->type = TUFF_EV_MAP_END;
		break;
	case YAML_SEQUENCE_START_EVENT:
		ev->type = TUFF_EV_SEQ_START;
		ev->tag = (const char *)y->data.sequence_start.tag;
		ev->style = y->data.sequence_start.style ==
		    YAML_FLOW_SEQUENCE_STYLE;
		break;
	case YAML_SEQUENCE_END_EVENT:
		ev->type = TUFF_EV_SEQ_END;
		break;
	case YAML_SCALAR_EVENT:
		ev->type = TUFF_EV_SCALAR;
		ev->val = (const char *)y->data.scalar.value;
		ev->len = y->data.scalar.length;
		ev->style = (enum tuff_style)y->data.scalar.style;
		/* A tag the parser resolved from "!" or "!!" stays explicit;
		 * plain and quoted scalars without one carry none. */
		ev->tag = (const char *)y->data.scalar.tag;
		break;
	default:
		ev->type = TUFF_EV_END;
		break;
	}
	ev->depth = r->depth;
}

int
tuff_reader_event(struct tuff_reader *r, struct tuff_event *ev,
    struct tuff_error *e)
{
	yaml_event_t *y = &r->ev;

	if (r->failed)
		return tuff_seterr(e, r->name, 0, 0, "reader already failed");
	if (r->ended) {
		memset(ev, 0, sizeof(*ev));
		return 0;
	}
	for (;;) {
		if (r->have_ev) {
			yaml_event_delete(y);
			r->have_ev = 0;
		}
		if (!yaml_parser_parse(&r->parser, y))
			return parser_error(r, e);
		r->have_ev = 1;
		if (check_event(r, y, e) == -1)
			return -1;
		switch (y->type) {
		case YAML_STREAM_START_EVENT:
			continue;
		case YAML_STREAM_END_EVENT:
			r->ended = 1;
			memset(ev, 0, sizeof(*ev));
			return 0;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			r->depth++;
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			r->depth--;
			break;
		case YAML_DOCUMENT_END_EVENT:
			r->window_start = r->nread;
			break;
		default:
			break;
		}
		to_event(r, y, ev);
		return 1;
	}
}

/* Are two nodes equal as keys (same type, same text, same shape)? */
static int
node_equal(const struct tuff_node *a, const struct tuff_node *b)
{
	size_t i;

	if (a->type != b->type)
		return 0;
	switch (a->type) {
	case TUFF_SCALAR:
		return a->u.s.len == b->u.s.len &&
		    memcmp(a->u.s.val, b->u.s.val, a->u.s.len) == 0;
	case TUFF_SEQ:
		if (a->u.seq.n != b->u.seq.n)
			return 0;
		for (i = 0; i < a->u.seq.n; i++)
			if (!node_equal(a->u.seq.items[i], b->u.seq.items[i]))
				return 0;
		return 1;
	case TUFF_MAP:
		if (a->u.map.n != b->u.map.n)
			return 0;
		for (i = 0; i < a->u.map.n; i++)
			if (!node_equal(a->u.map.pairs[i].key,
			    b->u.map.pairs[i].key) ||
			    !node_equal(a->u.map.pairs[i].val,
			    b->u.map.pairs[i].val))
				return 0;
		return 1;
	}
	return 0;
}

static int
cmp_scalar_keys(const void *pa, const void *pb)
{
	const struct tuff_pair *a = *(const struct tuff_pair *const *)pa;
	const struct tuff_pair *b = *(const struct tuff_pair *const *)pb;
	size_t n = a->key->u.s.len < b->key->u.s.len ? a->key->u.s.len :
	    b->key->u.s.len;
	int c = memcmp(a->key->u.s.val, b->key->u.s.val, n);

	if (c != 0)
		return c;
	if (a->key->u.s.len != b->key->u.s.len)
		return a->key->u.s.len < b->key->u.s.len ? -1 : 1;
	/* Equal keys: the earlier one first, so we report the later. */
	return a < b ? -1 : a > b;
}

static int
dup_error(struct tuff_reader *r, const struct tuff_pair *first,
    const struct tuff_pair *again, struct tuff_error *e)
{
	r->failed = 1;
	if (again->key->type == TUFF_SCALAR)
		return tuff_seterr(e, r->name, again->key->line,
		    again->key->column,
		    "duplicate key \"%.*s\" (first at line %lu, column %lu)",
		    (int)(again->key->u.s.len > 80 ? 80 : again->key->u.s.len),
		    again->key->u.s.val, first->key->line, first->key->column);
	return tuff_seterr(e, r->name, again->key->line, again->key->column,
	    "duplicate key (first at line %lu, column %lu)",
	    first->key->line, first->key->column);
}

/*
 * Reject a mapping with two equal keys.  Small mappings are compared
 * pairwise; large ones are sorted, so a record of 100000 keys cannot
 * make this quadratic.  Keys that are collections are compared
 * pairwise among themselves; records never have them.
 */
static int
check_duplicates(struct tuff_reader *r, const struct tuff_node *map,
    struct tuff_error *e)
{
	const struct tuff_pair *p = map->u.map.pairs;
	const struct tuff_pair **sorted;
	size_t i, j, n = map->u.map.n, ns = 0;
	int rc = 0;

	if (n < SMALL_MAP) {
		for (i = 1; i < n; i++)
			for (j = 0; j < i; j++)
				if (node_equal(p[j].key, p[i].key))
					return dup_error(r, &p[j], &p[i], e);
		return 0;
	}
	if ((sorted = malloc(n * sizeof(*sorted))) == NULL) {
		r->failed = 1;
		return tuff_seterr(e, r->name, 0, 0, "out of memory");
	}
	for (i = 0; i < n; i++) {
		if (p[i].key->type == TUFF_SCALAR) {
			sorted[ns++] = &p[i];
			continue;
		}
		for (j = 0; j < i && rc == 0; j++)
			if (node_equal(p[j].key, p[i].key))
				rc = dup_error(r, &p[j], &p[i], e);
	}
	qsort(sorted, ns, sizeof(*sorted), cmp_scalar_keys);
	for (i = 1; i < ns && rc == 0; i++)
		if (sorted[i - 1]->key->u.s.len == sorted[i]->key->u.s.len &&
		    memcmp(sorted[i - 1]->key->u.s.val, sorted[i]->key->u.s.val,
		    sorted[i]->key->u.s.len) == 0)
			rc = dup_error(r, sorted[i - 1], sorted[i], e);
	free(sorted);
	return rc;
}

/*
 * A node for the event.  Scalars are copied into the arena, so libyaml's
 * buffer goes back to malloc at once: holding a record's worth of them
 * instead costs more in cache misses than the copy.
 */
static struct tuff_node *
make_node(struct tuff_doc *d, const struct tuff_event *ev)
{
	struct tuff_node *n;

	switch (ev->type) {
	case TUFF_EV_SCALAR:
		if ((n = tuff_alloc(d, sizeof(*n))) == NULL)
			return NULL;
		memset(n, 0, sizeof(*n));
		n->type = TUFF_SCALAR;
		if ((n->u.s.val = tuff_strndup(d, ev->val, ev->len)) == NULL)
			return NULL;
		n->u.s.len = ev->len;
		n->utf8ok = 1;
		break;
	case TUFF_EV_SEQ_START:
		n = tuff_new_seq(d);
		break;
	default:
		n = tuff_new_map(d);
		break;
	}
	if (n == NULL)
		return NULL;
	n->style = (unsigned char)ev->style;
	n->line = ev->line;
	n->column = ev->column;
	if (ev->tag != NULL && (n->tag = tuff_strdup(d, ev->tag)) == NULL)
		return NULL;
	return n;
}

/* Hang a finished node under the collection on top of the stack. */
static int
attach(struct tuff_reader *r, struct tuff_node *n, struct tuff_error *e)
{
	struct tuff_node **k;
	size_t cap;

	if (r->sp == 0) {
		r->doc->root = n;
		return 0;
	}
	if (r->nkids == r->capkids) {
		cap = r->capkids ? 2 * r->capkids : 64;
		if ((k = realloc(r->kids, cap * sizeof(*k))) == NULL) {
			r->failed = 1;
			return tuff_seterr(e, r->name, 0, 0, "out of memory");
		}
		r->kids = k;
		r->capkids = cap;
	}
	r->kids[r->nkids++] = n;
	return 0;
}

/* Give the collection on top of the stack its children, exactly. */
static struct tuff_node *
close_collection(struct tuff_reader *r)
{
	struct frame *f = &r->stack[--r->sp];
	struct tuff_node *n = f->node, **kid;
	size_t i, count = r->nkids - f->base;

	kid = count > 0 ? r->kids + f->base : NULL;	/* kids may be NULL */

	r->nkids = f->base;
	if (n->type == TUFF_SEQ) {
		n->u.seq.items = tuff_alloc(r->doc, count * sizeof(*kid));
		if (n->u.seq.items == NULL)
			return NULL;
		if (count > 0)
			memcpy(n->u.seq.items, kid, count * sizeof(*kid));
		n->u.seq.n = n->u.seq.cap = count;
	} else {
		count /= 2;
		n->u.map.pairs = tuff_alloc(r->doc,
		    count * sizeof(*n->u.map.pairs));
		if (n->u.map.pairs == NULL)
			return NULL;
		for (i = 0; i < count; i++) {
			n->u.map.pairs[i].key = kid[2 * i];
			n->u.map.pairs[i].val = kid[2 * i + 1];
		}
		n->u.map.n = n->u.map.cap = count;
	}
	return n;
}

/* The record's kind, when its root has a string "kind". */
static const char *
doc_kind(const struct tuff_node *root)
{
	const struct tuff_node *k = tuff_map_get(root, "kind");
	struct tuff_scalar s;
	enum tuff_stype t;

	if (k == NULL || k->type != TUFF_SCALAR)
		return NULL;
	s = tuff_scalar_of(k);
	t = tuff_scalar_type(&s);	/* no kind from a null or a bad tag */
	return t != TUFF_T_NULL && t != TUFF_T_BAD ? k->u.s.val : NULL;
}

int
tuff_reader_build(struct tuff_reader *r, const struct tuff_event *ev,
    struct tuff_error *e)
{
	struct tuff_node *n;

	if (ev->type == TUFF_EV_DOC_START) {
		tuff_doc_free(r->doc);
		if ((r->doc = tuff_doc_new()) == NULL) {
			r->failed = 1;
			return tuff_seterr(e, r->name, 0, 0, "out of memory");
		}
		r->doc->file = r->name;
		r->doc->line = ev->line;
		r->doc->column = ev->column;
		r->sp = 0;
		r->nkids = 0;
		return 0;
	}
	if (r->doc == NULL)
		return tuff_seterr(e, r->name, ev->line, ev->column,
		    "event outside a document");
	switch (ev->type) {
	case TUFF_EV_SCALAR:
	case TUFF_EV_SEQ_START:
	case TUFF_EV_MAP_START:
		if ((n = make_node(r->doc, ev)) == NULL) {
			r->failed = 1;
			return tuff_seterr(e, r->name, ev->line, ev->column,
			    "out of memory");
		}
		if (r->sp == 0 && n->type != TUFF_MAP &&
		    !(n->type == TUFF_SCALAR && n->u.s.len == 0 &&
		    n->tag == NULL && n->style == TUFF_PLAIN)) {
			r->failed = 1;
			return tuff_seterr(e, r->name, ev->line, ev->column,
			    "a record must be a mapping, not %s",
			    tuff_type_name(n));
		}
		if (ev->type == TUFF_EV_SCALAR)
			return attach(r, n, e);
		r->stack[r->sp].node = n;
		r->stack[r->sp++].base = r->nkids;
		return 0;
	case TUFF_EV_MAP_END:
	case TUFF_EV_SEQ_END:
		if ((n = close_collection(r)) == NULL) {
			r->failed = 1;
			return tuff_seterr(e, r->name, ev->line, ev->column,
			    "out of memory");
		}
		if (n->type == TUFF_MAP && check_duplicates(r, n, e) == -1)
			return -1;
		return attach(r, n, e);
	case TUFF_EV_DOC_END:
		if (r->doc->root != NULL && r->doc->root->type != TUFF_MAP)
			r->doc->root = NULL;	/* the empty document */
		r->doc->kind = doc_kind(r->doc->root);
		return 1;
	default:
		return 0;
	}
}

struct tuff_doc *
tuff_reader_partial(struct tuff_reader *r)
{
	return r->doc;
}

struct tuff_doc *
tuff_reader_take(struct tuff_reader *r)
{
	struct tuff_doc *d = r->doc;

	r->doc = NULL;
	return d;
}

int
tuff_reader_next(struct tuff_reader *r, struct tuff_doc **docp,
    struct tuff_error *e)
{
	struct tuff_event ev;
	int rc;

	*docp = NULL;
	for (;;) {
		if ((rc = tuff_reader_event(r, &ev, e)) <= 0)
			return rc;
		if ((rc = tuff_reader_build(r, &ev, e)) == -1)
			return -1;
		if (rc == 1 && r->doc->root != NULL) {
			*docp = tuff_reader_take(r);
			return 1;
		}
	}
}

/*
 * Streaming a record through: the parser's events go to the emitter as
 * they come, so a record passed on costs little more than libyaml's own
 * parse and emit.  The checks are those of a built record: the limits
 * (tuff_reader_event), duplicate keys (here), nulls kept nulls.
 */

static int
nomem(struct tuff_reader *r, struct tuff_error *e)
{
	r->failed = 1;
	return tuff_seterr(e, r->name, 0, 0, "out of memory");
}

/* Append n bytes to a growing buffer; -1 on ENOMEM. */
static int
append(char **buf, size_t *len, size_t *cap, const void *p, size_t n)
{
	char *b;
	size_t c;

	if (n == 0)
		return 0;	/* *buf may still be NULL: no memcpy to it */
	if (*len + n > *cap) {
		c = *cap ? *cap : 1024;
		while (c < *len + n)
			c *= 2;
		if ((b = realloc(*buf, c)) == NULL)
			return -1;
		*buf = b;
		*cap = c;
	}
	memcpy(*buf + *len, p, n);
	*len += n;
	return 0;
}

/* A key of the mapping on top: its text, or a collection's encoding. */
static int
remember_key(struct tuff_reader *r, const char *val, size_t len, int complex,
    unsigned long line, unsigned long column, struct tuff_error *e)
{
	struct skey *k;
	size_t cap, off = r->keylen;

	if (r->nskeys == r->capskeys) {
		cap = r->capskeys ? 2 * r->capskeys : 64;
		if ((k = realloc(r->skeys, cap * sizeof(*k))) == NULL)
			return nomem(r, e);
		r->skeys = k;
		r->capskeys = cap;
	}
	if (append(&r->keybuf, &r->keylen, &r->keycap, val, len) == -1)
		return nomem(r, e);
	k = &r->skeys[r->nskeys++];
	k->off = off;
	k->len = len;
	k->complex = complex;
	k->line = line;
	k->column = column;
	return 0;
}

/*
 * Encode an event of a collection used as a key: brackets for its
 * collections, each scalar as its length and text, so two keys encode
 * the same exactly when node_equal would find them equal.
 */
static int
capture(struct tuff_reader *r, const struct tuff_event *ev,
    struct tuff_error *e)
{
	static const char mark[] = { [TUFF_EV_MAP_START] = '{',
	    [TUFF_EV_MAP_END] = '}', [TUFF_EV_SEQ_START] = '[',
	    [TUFF_EV_SEQ_END] = ']', [TUFF_EV_SCALAR] = 'v' };
	int rc;

	rc = append(&r->capbuf, &r->caplen, &r->capcap, &mark[ev->type], 1);
	if (rc == 0 && ev->type == TUFF_EV_SCALAR)
		rc = append(&r->capbuf, &r->caplen, &r->capcap, &ev->len,
		    sizeof(ev->len)) == -1 || append(&r->capbuf, &r->caplen,
		    &r->capcap, ev->val, ev->len) == -1 ? -1 : 0;
	return rc == -1 ? nomem(r, e) : 0;
}

static int
skey_cmp(const void *pa, const void *pb)
{
	const struct skey *a = pa, *b = pb;
	size_t n = a->len < b->len ? a->len : b->len;
	int c;

	if (a->complex != b->complex)
		return a->complex - b->complex;
	if ((c = memcmp(a->p, b->p, n)) != 0)
		return c;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return a->off < b->off ? -1 : a->off > b->off;
}

static int
skey_equal(const struct tuff_reader *r, const struct skey *a,
    const struct skey *b)
{
	return a->complex == b->complex && a->len == b->len &&
	    memcmp(r->keybuf + a->off, r->keybuf + b->off, a->len) == 0;
}

static int
skey_dup(struct tuff_reader *r, const struct skey *first,
    const struct skey *again, struct tuff_error *e)
{
	r->failed = 1;
	if (again->complex)
		return tuff_seterr(e, r->name, again->line, again->column,
		    "duplicate key (first at line %lu, column %lu)",
		    first->line, first->column);
	return tuff_seterr(e, r->name, again->line, again->column,
	    "duplicate key \"%.*s\" (first at line %lu, column %lu)",
	    (int)(again->len > 80 ? 80 : again->len), r->keybuf + again->off,
	    first->line, first->column);
}

/* The keys of the mapping that just ended: any two equal?  As in
 * check_duplicates, pairwise when few, sorted when many. */
static int
check_skeys(struct tuff_reader *r, size_t first, struct tuff_error *e)
{
	struct skey *k = r->skeys + first;
	size_t i, j, n = r->nskeys - first;

	if (n < SMALL_MAP) {
		for (i = 1; i < n; i++)
			for (j = 0; j < i; j++)
				if (skey_equal(r, &k[i], &k[j]))
					return skey_dup(r, &k[j], &k[i], e);
		return 0;
	}
	for (i = 0; i < n; i++)
		k[i].p = r->keybuf + k[i].off;
	qsort(k, n, sizeof(*k), skey_cmp);
	for (i = 1; i < n; i++)
		if (skey_equal(r, &k[i], &k[i - 1]))
			return skey_dup(r, &k[i - 1], &k[i], e);
	return 0;
}

static int
write_error(struct tuff_reader *r, struct tuff_error *e)
{
	r->failed = 1;
	return tuff_seterr_written(e);	/* the writer's owner reports it */
}

/*
 * Hand the current event to w (or drop it when w is NULL).  Its implicit
 * flags are set as the writer sets them for a built node, from whether
 * it has an explicit tag: as parsed, a plain scalar that must be quoted
 * on output would gain a "!" tag.
 */
static int
pass_event(struct tuff_reader *r, struct tuff_writer *w, struct tuff_error *e)
{
	yaml_event_t *y = &r->ev;

	if (w == NULL)
		return 0;
	switch (y->type) {
	case YAML_SCALAR_EVENT:
		y->data.scalar.plain_implicit = y->data.scalar.tag == NULL;
		y->data.scalar.quoted_implicit = y->data.scalar.tag == NULL;
		break;
	case YAML_SEQUENCE_START_EVENT:
		y->data.sequence_start.implicit =
		    y->data.sequence_start.tag == NULL;
		break;
	case YAML_MAPPING_START_EVENT:
		y->data.mapping_start.implicit =
		    y->data.mapping_start.tag == NULL;
		break;
	default:
		break;
	}
	r->have_ev = 0;		/* the writer owns it now */
	return tuff_writer_take(w, &r->ev) == -1 ? write_error(r, e) : 0;
}

/*
 * Stream the rest of a record whose root mapping, "kind" key and value
 * have been written; returns 2 at its end, or -1.
 */
static int
stream_rest(struct tuff_reader *r, struct tuff_writer *w, struct tuff_error *e)
{
	struct tuff_event ev;
	struct slevel *top, *lv;
	size_t before;
	int rc, is_key, capturing;

	for (;;) {
		if ((rc = tuff_reader_event(r, &ev, e)) <= 0)
			return rc == 0 ? tuff_seterr(e, r->name, 0, 0,
			    "unexpected end of the stream") : -1;
		if (r->nslev == 0) {
			/* The root mapping has ended: only its end is left. */
			if (ev.type != TUFF_EV_DOC_END)
				continue;
			if (w != NULL && tuff_writer_doc_end(w) == -1)
				return write_error(r, e);
			return 2;
		}
		top = &r->slev[r->nslev - 1];
		is_key = top->is_map && top->expect_key;
		before = r->caplen;
		capturing = r->cap_level > 0;
		if (capturing && capture(r, &ev, e) == -1)
			return -1;
		switch (ev.type) {
		case TUFF_EV_SCALAR:
			if (top->is_map)
				top->expect_key = !top->expect_key;
			if (is_key && remember_key(r, ev.val, ev.len, 0,
			    ev.line, ev.column, e) == -1)
				return -1;
			if ((is_key || top->tight) && ev.len == 0 &&
			    ev.style == TUFF_PLAIN && ev.tag == NULL) {
				if (w != NULL && tuff_writer_scalar(w, NULL, "~",
				    1, TUFF_PLAIN) == -1)
					return write_error(r, e);
				break;
			}
			if (pass_event(r, w, e) == -1)
				return -1;
			break;
		case TUFF_EV_MAP_START:
		case TUFF_EV_SEQ_START:
			if (top->is_map)
				top->expect_key = !top->expect_key;
			lv = &r->slev[r->nslev++];
			lv->is_map = ev.type == TUFF_EV_MAP_START;
			lv->tight = top->tight || is_key || ev.style;
			lv->expect_key = 1;
			lv->first_key = r->nskeys;
			lv->is_key = is_key;
			if (is_key) {
				/* Encode it as it goes by, to compare when
				 * it ends; an outer key's encoding holds it. */
				if (!capturing) {
					r->cap_level = r->nslev;
					r->caplen = before = 0;
					if (capture(r, &ev, e) == -1)
						return -1;
				}
				lv->key_start = before;
				lv->key_line = ev.line;
				lv->key_column = ev.column;
			}
			if (pass_event(r, w, e) == -1)
				return -1;
			break;
		case TUFF_EV_MAP_END:
		case TUFF_EV_SEQ_END:
			if (top->is_map) {
				if (check_skeys(r, top->first_key, e) == -1)
					return -1;
				if (r->nskeys > top->first_key)
					r->keylen =
					    r->skeys[top->first_key].off;
				r->nskeys = top->first_key;
			}
			r->nslev--;
			if (top->is_key) {
				if (r->cap_level == r->nslev + 1)
					r->cap_level = 0;
				if (remember_key(r, r->capbuf + top->key_start,
				    r->caplen - top->key_start, 1,
				    top->key_line, top->key_column, e) == -1)
					return -1;
			}
			if (pass_event(r, w, e) == -1)
				return -1;
			break;
		default:
			break;
		}
	}
}

/* What was read of a record before it was known whether to pass it. */
struct head {
	struct tuff_event	 ev[3];	/* DOC_START, MAP_START, the key */
	int			 n;
	char			*tag;	/* the root mapping's tag */
};

/* Build a record after all: feed what was read ahead to the builder. */
static int
build_rest(struct tuff_reader *r, struct head *h, struct tuff_event *ev,
    struct tuff_doc **docp, struct tuff_error *e)
{
	int i, rc = 0;

	for (i = 0; i < h->n && rc == 0; i++)
		rc = tuff_reader_build(r, &h->ev[i], e);
	while (rc == 0) {
		if ((rc = tuff_reader_build(r, ev, e)) != 0)
			break;
		if ((rc = tuff_reader_event(r, ev, e)) <= 0)
			return rc == 0 ? tuff_seterr(e, r->name, 0, 0,
			    "unexpected end of the stream") : -1;
		rc = 0;
	}
	if (rc == -1)
		return -1;
	*docp = tuff_reader_take(r);
	if ((*docp)->root == NULL) {	/* the empty document */
		tuff_doc_free(*docp);
		*docp = NULL;
		return 0;
	}
	return 1;
}

int
tuff_reader_next_or_pass(struct tuff_reader *r, struct tuff_doc **docp,
    int (*pass)(const char *kind, void *arg), void *arg,
    struct tuff_writer *w, struct tuff_error *e)
{
	struct head h;
	struct tuff_event ev;
	struct slevel *root;
	int rc;

	*docp = NULL;
	for (;;) {
		memset(&h, 0, sizeof(h));
		if ((rc = tuff_reader_event(r, &ev, e)) <= 0)
			return rc;
		h.ev[h.n++] = ev;			/* DOC_START */
		if ((rc = tuff_reader_event(r, &ev, e)) <= 0)
			return rc == 0 ? tuff_seterr(e, r->name, 0, 0,
			    "unexpected end of the stream") : -1;
		if (ev.type == TUFF_EV_MAP_START) {
			if (ev.tag != NULL && (h.tag = strdup(ev.tag)) == NULL)
				return nomem(r, e);
			h.ev[h.n] = ev;
			h.ev[h.n++].tag = h.tag;
			if ((rc = tuff_reader_event(r, &ev, e)) <= 0) {
				free(h.tag);
				return rc == 0 ? tuff_seterr(e, r->name, 0, 0,
				    "unexpected end of the stream") : -1;
			}
		}
		if (h.n == 2 && ev.type == TUFF_EV_SCALAR && ev.tag == NULL &&
		    ev.style == TUFF_PLAIN && ev.len == 4 &&
		    memcmp(ev.val, "kind", 4) == 0) {
			h.ev[h.n] = ev;
			h.ev[h.n++].val = "kind";	/* outlives the event */
			if ((rc = tuff_reader_event(r, &ev, e)) <= 0) {
				free(h.tag);
				return rc == 0 ? tuff_seterr(e, r->name, 0, 0,
				    "unexpected end of the stream") : -1;
			}
			if (ev.type == TUFF_EV_SCALAR && ev.len > 0 &&
			    strlen(ev.val) == ev.len && pass(ev.val, arg))
				break;
		}
		rc = build_rest(r, &h, &ev, docp, e);
		free(h.tag);
		if (rc != 0)
			return rc;
	}
	/* Pass it: the head as the writer writes it, the rest as read. */
	if (w != NULL && (tuff_writer_doc_start(w) == -1 ||
	    tuff_writer_map_start(w, h.tag, h.ev[1].style) == -1 ||
	    tuff_writer_scalar(w, NULL, "kind", 4, TUFF_PLAIN) == -1)) {
		free(h.tag);
		return write_error(r, e);
	}
	free(h.tag);
	r->nskeys = 0;
	r->keylen = 0;
	r->cap_level = 0;
	root = &r->slev[0];
	r->nslev = 1;
	root->is_map = 1;
	root->tight = h.ev[1].style != 0;
	root->expect_key = 1;
	root->first_key = 0;
	if (remember_key(r, "kind", 4, 0, h.ev[2].line, h.ev[2].column,
	    e) == -1)
		return -1;
	/* The value of kind: a scalar in the root, as stream_rest would. */
	if (pass_event(r, w, e) == -1)
		return -1;
	return stream_rest(r, w, e);
}
