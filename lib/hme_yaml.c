/*
 * Reading hme-response records at the event level, without building a
 * tree: hme-score reads a million of them.
 *
 * A record whose first key is "kind: hme-response" goes through the
 * fast path: its events feed a small state machine that validates it
 * and fills a struct hme_response.  A record of another kind that
 * needs no word is checked as it is read, without a tree, and its text
 * copied out (tuff_reader_pass_rest).  Any other document is built as a
 * tree (tuff_reader_build); a tree whose kind is hme-response is then
 * replayed as events into the same state machine, so there is one
 * validator, and anything else is a record of another kind, written out
 * unchanged.
 */
#include <stdlib.h>
#include <string.h>

#include "tuff/diag.h"
#include "tuff/hme.h"
#include "tuff/record.h"
#include "tuff/run.h"
#include "tuff/schema.h"

#define KIND		"hme-response"
#define SMALL_KEYS	16	/* pairwise duplicate check below this */

/* The keys of an hme-response record. */
enum key {
	K_KIND,
	K_UNIT,
	K_PERIOD,
	K_ANSWERS,
	K_OTHER
};
static const char *const key_names[] = { "kind", "unit", "period", "answers" };
static const size_t key_len[] = { 4, 4, 6, 7 };

enum state {
	S_KEY,		/* a top-level key, or the mapping's end */
	S_VALUE,	/* the value of key */
	S_SEQ,		/* an item of answers: [...] */
	S_MAP_KEY,	/* an item id of answers: {...}, or its end */
	S_MAP_VALUE,	/* its answer */
	S_END		/* the document's end */
};

/* A top-level key that is none of ours, kept to find duplicates. */
struct okey {
	const char	*s;		/* set when checking */
	size_t		 off, len;	/* in keybuf */
	unsigned long	 line, column;
};

struct buf {
	char	*s;
	size_t	 len, cap;
};

/*
 * The state of one record.  Problems that make the record invalid are
 * kept (the first one) while the rest of the record is read; duplicate
 * keys are fatal at once, as the tree reader makes them.
 */
struct rec {
	const char	*name;
	unsigned long	 line, column;	/* the record's mapping */
	enum state	 st;
	enum state	 after;		/* when the skipped value ends */
	int		 skip;		/* depth inside a skipped value */
	enum key	 key;
	unsigned	 seen;		/* 1 << K_* */
	unsigned long	 kline[K_OTHER], kcol[K_OTHER];
	struct okey	*okeys;
	size_t		 nokeys, capokeys;
	struct buf	 keybuf;
	int		 invalid;
	struct tuff_error err;		/* the first problem */
	/* answers */
	unsigned long	 aline, acol;
	int		 nans, item;
	unsigned	 items;		/* ids seen in a mapping */
	unsigned long	 iline[HME_NITEMS], icol[HME_NITEMS];
	struct buf	 unit;
	char		 period[8];
	unsigned char	 answers[HME_NITEMS];
	/* Across records: the last other kind found to need no word. */
	struct tuff_quiet quiet;
};

static int
buf_set(struct buf *b, const char *s, size_t len)
{
	char *p;
	size_t cap;

	if (len + 1 > b->cap) {
		for (cap = b->cap ? b->cap : 64; cap < len + 1; cap *= 2)
			;
		if ((p = realloc(b->s, cap)) == NULL)
			return -1;
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s, s, len);
	b->s[len] = '\0';
	b->len = len;
	return 0;
}

static int
buf_add(struct buf *b, const char *s, size_t len, size_t *off)
{
	size_t cap;
	char *p;

	*off = b->len;
	if (b->len + len + 1 > b->cap) {
		cap = 2 * b->cap > b->len + len + 1 ? 2 * b->cap :
		    b->len + len + 1;
		if ((p = realloc(b->s, cap)) == NULL)
			return -1;
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, len);
	b->len += len;
	b->s[b->len] = '\0';
	return 0;
}

/* Record a problem at ev (the first one is the one reported). */
static void
problem(struct rec *rc, const struct tuff_event *ev, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
problem(struct rec *rc, const struct tuff_event *ev, const char *fmt, ...)
{
	va_list ap;

	if (rc->invalid)
		return;
	rc->invalid = 1;
	rc->err.file = rc->name;
	rc->err.line = ev != NULL ? ev->line : rc->line;
	rc->err.column = ev != NULL ? ev->column : rc->column;
	va_start(ap, fmt);
	vsnprintf(rc->err.msg, sizeof(rc->err.msg), fmt, ap);
	va_end(ap);
}

static int
is_collection(const struct tuff_event *ev)
{
	return ev->type == TUFF_EV_MAP_START || ev->type == TUFF_EV_SEQ_START;
}

/* A plain null (~, null, empty) or an explicit !!null. */
static int
is_null(const struct tuff_event *ev)
{
	if (ev->tag != NULL)
		return strcmp(ev->tag, "tag:yaml.org,2002:null") == 0;
	if (ev->style != TUFF_PLAIN)
		return 0;
	switch (ev->len) {
	case 0:
		return 1;
	case 1:
		return ev->val[0] == '~';
	case 4:
		return memcmp(ev->val, "null", 4) == 0 ||
		    memcmp(ev->val, "Null", 4) == 0 ||
		    memcmp(ev->val, "NULL", 4) == 0;
	default:
		return 0;
	}
}

static const char *
what(const struct tuff_event *ev)
{
	switch (ev->type) {
	case TUFF_EV_MAP_START:
		return "a mapping";
	case TUFF_EV_SEQ_START:
		return "a sequence";
	default:
		return ev->style == TUFF_PLAIN && ev->tag == NULL ?
		    "a plain scalar" : "a string";
	}
}

/* Skip the collection ev starts, then continue in state after. */
static void
skip(struct rec *rc, enum state after)
{
	rc->skip = 1;
	rc->after = after;
}

/*
 * One answer: an integer 1..5 written plain (or tagged !!int), or a
 * null.  Stores 0 for a null.
 */
static void
answer(struct rec *rc, const struct tuff_event *ev, int item)
{
	const char *p = ev->val;
	int is_int;
	unsigned long v = 0;

	/* The usual case first: one plain digit. */
	if (ev->len == 1 && ev->style == TUFF_PLAIN && ev->tag == NULL &&
	    *p >= '1' && *p <= '5') {
		rc->answers[item] = (unsigned char)(*p - '0');
		return;
	}
	is_int = ev->tag != NULL ?
	    strcmp(ev->tag, "tag:yaml.org,2002:int") == 0 :
	    ev->style == TUFF_PLAIN;
	if (is_collection(ev)) {
		problem(rc, ev, "answer must be an integer 1..5 or null, "
		    "not %s", what(ev));
		return;
	}
	if (is_null(ev)) {
		rc->answers[item] = 0;
		return;
	}
	if (*p == '+' || *p == '-')
		p++;
	if (!is_int || *p == '\0' || strspn(p, "0123456789") != strlen(p) ||
	    (size_t)(p - ev->val) + strlen(p) != ev->len) {
		problem(rc, ev, "answer must be an integer 1..5 or null, "
		    "not %s\"%.40s\"", is_int ? "" : "the string ", ev->val);
		return;
	}
	while (*p != '\0' && v < 10)
		v = v * 10 + (unsigned long)(*p++ - '0');
	if (ev->val[0] == '-' || *p != '\0' || v < 1 || v > 5) {
		problem(rc, ev, "answer %.40s is out of range 1..5", ev->val);
		return;
	}
	rc->answers[item] = (unsigned char)v;
}

static int
dup_error(struct rec *rc, struct tuff_error *e, const char *key, size_t len,
    unsigned long line, unsigned long column, unsigned long fline,
    unsigned long fcol)
{
	return tuff_seterr(e, rc->name, line, column,
	    "duplicate key \"%.*s\" (first at line %lu, column %lu)",
	    (int)(len > 80 ? 80 : len), key, fline, fcol);
}

static int
okey_cmp(const void *pa, const void *pb)
{
	const struct okey *a = pa, *b = pb;
	int c;

	c = memcmp(a->s, b->s, a->len < b->len ? a->len : b->len);
	if (c != 0)
		return c;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return a->off < b->off ? -1 : a->off > b->off;
}

/*
 * Duplicates among the other top-level keys, checked at the mapping's
 * end: pairwise when few, sorted when many (so 100000 keys cannot make
 * this quadratic).  Keys are stored in order, so offsets order them.
 */
static int
check_okeys(struct rec *rc, struct tuff_error *e)
{
	struct okey *k = rc->okeys, *dup = NULL, *first = NULL;
	const char *s = rc->keybuf.s;
	size_t i, j;

	if (rc->nokeys < SMALL_KEYS) {
		for (i = 1; i < rc->nokeys && dup == NULL; i++)
			for (j = 0; j < i; j++)
				if (k[i].len == k[j].len && memcmp(s + k[i].off,
				    s + k[j].off, k[i].len) == 0) {
					dup = &k[i];
					first = &k[j];
					break;
				}
	} else {
		for (i = 0; i < rc->nokeys; i++)
			k[i].s = s + k[i].off;
		qsort(k, rc->nokeys, sizeof(*k), okey_cmp);
		for (i = 1; i < rc->nokeys; i++)
			if (k[i].len == k[i - 1].len && memcmp(s + k[i].off,
			    s + k[i - 1].off, k[i].len) == 0 &&
			    (dup == NULL || k[i].off < dup->off)) {
				dup = &k[i];
				first = &k[i - 1];
			}
	}
	if (dup == NULL)
		return 0;
	return dup_error(rc, e, s + dup->off, dup->len, dup->line,
	    dup->column, first->line, first->column);
}

/* Which of our keys s is. */
static enum key
key_of(const char *s, size_t len)
{
	int i;

	for (i = K_KIND; i < K_OTHER; i++)
		if (len == key_len[i] && memcmp(s, key_names[i], len) == 0)
			return i;
	return K_OTHER;
}

/* A top-level key. */
static int
on_key(struct rec *rc, const struct tuff_event *ev, struct tuff_error *e)
{
	struct okey *k;
	size_t n;
	int i;

	if (ev->type == TUFF_EV_MAP_END) {
		if (check_okeys(rc, e) == -1)
			return -1;
		for (i = K_KIND; i < K_OTHER; i++)
			if (!(rc->seen & (1U << i)))
				problem(rc, NULL, "hme-response without "
				    "required key \"%s\"", key_names[i]);
		rc->st = S_END;
		return 0;
	}
	if (is_collection(ev)) {
		problem(rc, ev, "a key must be a scalar, not %s", what(ev));
		rc->key = K_OTHER;
		skip(rc, S_VALUE);
		return 0;
	}
	rc->st = S_VALUE;
	rc->key = i = key_of(ev->val, ev->len);
	if (i < K_OTHER) {
		if (rc->seen & (1U << i))
			return dup_error(rc, e, ev->val, ev->len, ev->line,
			    ev->column, rc->kline[i], rc->kcol[i]);
		rc->seen |= 1U << i;
		rc->kline[i] = ev->line;
		rc->kcol[i] = ev->column;
		return 0;
	}
	if (rc->nokeys == rc->capokeys) {
		n = rc->capokeys ? 2 * rc->capokeys : 8;
		if ((k = realloc(rc->okeys, n * sizeof(*k))) == NULL)
			return tuff_seterr(e, rc->name, 0, 0, "out of memory");
		rc->okeys = k;
		rc->capokeys = n;
	}
	k = &rc->okeys[rc->nokeys];
	if (buf_add(&rc->keybuf, ev->val, ev->len, &k->off) == -1)
		return tuff_seterr(e, rc->name, 0, 0, "out of memory");
	k->len = ev->len;
	k->line = ev->line;
	k->column = ev->column;
	rc->nokeys++;
	return 0;
}

static int
on_value(struct rec *rc, const struct tuff_event *ev, struct tuff_error *e)
{
	const char *msg;

	rc->st = S_KEY;
	switch (rc->key) {
	case K_UNIT:
		if (ev->type != TUFF_EV_SCALAR || is_null(ev))
			problem(rc, ev, "unit must be a string, not %s",
			    is_collection(ev) ? what(ev) : "null");
		else if ((msg = hme_check_unit(ev->val, ev->len)) != NULL)
			problem(rc, ev, "%s", msg);
		else if (buf_set(&rc->unit, ev->val, ev->len) == -1)
			return tuff_seterr(e, rc->name, 0, 0, "out of memory");
		break;
	case K_PERIOD:
		if (ev->type != TUFF_EV_SCALAR || is_null(ev))
			problem(rc, ev, "period must be a year YYYY or a month "
			    "YYYY-MM, not %s",
			    is_collection(ev) ? what(ev) : "null");
		else if ((msg = hme_check_period(ev->val, ev->len)) != NULL)
			problem(rc, ev, "%s, not \"%.40s\"", msg, ev->val);
		else
			memcpy(rc->period, ev->val, ev->len + 1);
		break;
	case K_ANSWERS:
		rc->aline = ev->line;
		rc->acol = ev->column;
		if (ev->type == TUFF_EV_SEQ_START) {
			rc->st = S_SEQ;
			return 0;
		}
		if (ev->type == TUFF_EV_MAP_START) {
			rc->st = S_MAP_KEY;
			return 0;
		}
		problem(rc, ev, "answers must be a list of %d answers or a "
		    "mapping of item ids, not %s%.40s%s", HME_NITEMS,
		    is_null(ev) ? "null" : "\"", is_null(ev) ? "" : ev->val,
		    is_null(ev) ? "" : "\"");
		break;
	case K_KIND:
		/* Only replayed trees get here: their kind is ours. */
	case K_OTHER:
		break;
	}
	if (is_collection(ev))
		skip(rc, S_KEY);
	return 0;
}

static void
on_seq_item(struct rec *rc, const struct tuff_event *ev)
{
	struct tuff_event at;

	memset(&at, 0, sizeof(at));
	if (ev->type == TUFF_EV_SEQ_END) {
		at.line = rc->aline;
		at.column = rc->acol;
		if (rc->nans < HME_NITEMS)
			problem(rc, &at, "answers must have %d items, not %d",
			    HME_NITEMS, rc->nans);
		rc->st = S_KEY;
		return;
	}
	if (rc->nans == HME_NITEMS)
		problem(rc, ev, "answers must have %d items, not more",
		    HME_NITEMS);
	else
		answer(rc, ev, rc->nans);
	if (rc->nans < HME_NITEMS + 1)
		rc->nans++;
	if (is_collection(ev))
		skip(rc, S_SEQ);
}

static int
on_map_key(struct rec *rc, const struct tuff_event *ev, struct tuff_error *e)
{
	int i;

	if (ev->type == TUFF_EV_MAP_END) {
		rc->st = S_KEY;
		return 0;
	}
	rc->st = S_MAP_VALUE;
	rc->item = -1;
	if (is_collection(ev)) {
		problem(rc, ev, "an item id must be a scalar, not %s",
		    what(ev));
		skip(rc, S_MAP_VALUE);
		return 0;
	}
	if ((i = hme_item_index(ev->val, ev->len)) == -1) {
		problem(rc, ev, "unknown item id \"%.40s\" (the items are m1 "
		    "m2 m3 l1 l2 l3 s1 s2 s3)", ev->val);
		return 0;
	}
	if (rc->items & (1U << i))
		return dup_error(rc, e, ev->val, ev->len, ev->line, ev->column,
		    rc->iline[i], rc->icol[i]);
	rc->items |= 1U << i;
	rc->iline[i] = ev->line;
	rc->icol[i] = ev->column;
	rc->item = i;
	return 0;
}

/*
 * Feed one event of the record, from the one after its first key's
 * value (fast path) or after its mapping start (replay).  Returns 1
 * when the document has ended, 0 to go on, -1 with e filled for a
 * fatal problem.
 */
static int
feed(struct rec *rc, const struct tuff_event *ev, struct tuff_error *e)
{
	if (rc->skip > 0) {
		if (is_collection(ev))
			rc->skip++;
		else if (ev->type == TUFF_EV_MAP_END ||
		    ev->type == TUFF_EV_SEQ_END)
			rc->skip--;
		if (rc->skip == 0)
			rc->st = rc->after;
		return 0;
	}
	switch (rc->st) {
	case S_KEY:
		return on_key(rc, ev, e);
	case S_VALUE:
		return on_value(rc, ev, e);
	case S_SEQ:
		on_seq_item(rc, ev);
		return 0;
	case S_MAP_KEY:
		return on_map_key(rc, ev, e);
	case S_MAP_VALUE:
		rc->st = S_MAP_KEY;
		if (rc->item >= 0)
			answer(rc, ev, rc->item);
		if (is_collection(ev))
			skip(rc, S_MAP_KEY);
		return 0;
	case S_END:
		return ev->type == TUFF_EV_DOC_END;
	}
	return 0;
}

static void
rec_start(struct rec *rc, const char *name, unsigned long line,
    unsigned long column)
{
	rc->name = name;
	rc->line = line;
	rc->column = column;
	rc->st = S_KEY;
	rc->skip = 0;
	rc->seen = 0;
	rc->nokeys = 0;
	rc->keybuf.len = 0;
	rc->invalid = 0;
	rc->nans = 0;
	rc->items = 0;
	memset(rc->answers, 0, sizeof(rc->answers));
}

static void
rec_free(struct rec *rc)
{
	free(rc->okeys);
	free(rc->keybuf.s);
	free(rc->unit.s);
}

/* A finished record: count it, or report it as invalid. */
static int
rec_done(struct hme_input *in, struct rec *rc, struct tuff_error *e)
{
	struct hme_response r;

	if (rc->invalid) {
		*e = rc->err;
		return hme_input_skip(in, e, "record");
	}
	r.unit = rc->unit.s;
	r.period = rc->period;
	memcpy(r.answers, rc->answers, sizeof(r.answers));
	return hme_input_add(in, &r, rc->name, rc->line, rc->column, e);
}

/* Feed the events of a tree (a replayed record) to the validator. */
static int
replay(struct rec *rc, const struct tuff_node *n, struct tuff_error *e)
{
	struct tuff_event ev;
	size_t i;

	memset(&ev, 0, sizeof(ev));
	ev.line = n->line;
	ev.column = n->column;
	ev.tag = n->tag;
	ev.style = n->style;
	switch (n->type) {
	case TUFF_SCALAR:
		ev.type = TUFF_EV_SCALAR;
		ev.val = n->u.s.val;
		ev.len = n->u.s.len;
		return feed(rc, &ev, e);
	case TUFF_SEQ:
		ev.type = TUFF_EV_SEQ_START;
		if (feed(rc, &ev, e) == -1)
			return -1;
		for (i = 0; i < n->u.seq.n; i++)
			if (replay(rc, n->u.seq.items[i], e) == -1)
				return -1;
		ev.type = TUFF_EV_SEQ_END;
		return feed(rc, &ev, e);
	case TUFF_MAP:
		ev.type = TUFF_EV_MAP_START;
		if (feed(rc, &ev, e) == -1)
			return -1;
		for (i = 0; i < n->u.map.n; i++)
			if (replay(rc, n->u.map.pairs[i].key, e) == -1 ||
			    replay(rc, n->u.map.pairs[i].val, e) == -1)
				return -1;
		ev.type = TUFF_EV_MAP_END;
		return feed(rc, &ev, e);
	}
	return 0;
}

/*
 * A record built as a tree: ours (checked, 0 or -1), or another kind's
 * or kindless (1: the caller passes it through).
 */
static int
check_tree(struct hme_input *in, struct rec *rc, struct tuff_doc *doc,
    struct tuff_error *e)
{
	const struct tuff_node *root = doc->root;
	struct tuff_event end;
	size_t i;

	if (root == NULL)
		return 0;	/* an empty document */
	if (doc->kind != NULL && strcmp(doc->kind, KIND) == 0) {
		rec_start(rc, doc->file, root->line, root->column);
		for (i = 0; i < root->u.map.n; i++)
			if (replay(rc, root->u.map.pairs[i].key, e) == -1 ||
			    replay(rc, root->u.map.pairs[i].val, e) == -1)
				return -1;
		memset(&end, 0, sizeof(end));
		end.type = TUFF_EV_MAP_END;
		if (feed(rc, &end, e) == -1)
			return -1;
		return rec_done(in, rc, e);
	}
	tuff_schema_check_kind(doc);
	return 1;
}

/* Check or pass through a record built as a tree; frees doc. */
static int
on_tree(struct hme_input *in, struct rec *rc, struct tuff_doc *doc,
    struct tuff_error *e)
{
	int n = check_tree(in, rc, doc, e);

	if (n != 1) {
		tuff_doc_free(doc);
		return n;
	}
	in->foreign++;
	/* The writer takes doc's buffers and frees it; a write error is
	 * sticky in the writer, reported at its close. */
	if (in->w != NULL)
		(void)tuff_write_passthrough(in->w, doc);
	else
		tuff_doc_free(doc);
	return 0;
}

/*
 * A saved event: DOC_START, MAP_START and the first key come before we
 * know whether the record is ours, and the reader reuses its event.
 */
struct saved {
	struct tuff_event	 ev;
	struct buf		 tag, val;
};

static int
save(struct saved *s, const struct tuff_event *ev)
{
	s->ev = *ev;
	if (ev->tag != NULL) {
		if (buf_set(&s->tag, ev->tag, strlen(ev->tag)) == -1)
			return -1;
		s->ev.tag = s->tag.s;
	}
	if (ev->val != NULL) {
		if (buf_set(&s->val, ev->val, ev->len) == -1)
			return -1;
		s->ev.val = s->val.s;
	}
	return 0;
}

/* Build the rest of the document as a tree, after the saved events. */
static int
build(struct hme_input *in, struct tuff_reader *r, struct rec *rc,
    struct saved *sv, int nsaved, struct tuff_event *ev, struct tuff_error *e)
{
	struct tuff_doc *doc;
	int i, b = 0, n;

	for (i = 0; i < nsaved && b == 0; i++)
		b = tuff_reader_build(r, &sv[i].ev, e);
	while (b == 0) {
		if ((b = tuff_reader_build(r, ev, e)) != 0)
			break;
		if ((n = tuff_reader_event(r, ev, e)) == -1)
			return -1;
		if (n == 0)
			return tuff_seterr(e, rc->name, 0, 0,
			    "unexpected end of the stream");
	}
	if (b == -1)
		return -1;
	doc = tuff_reader_take(r);
	return on_tree(in, rc, doc, e);
}

/* The fast path: feed the live events of an hme-response. */
static int
fast(struct hme_input *in, struct tuff_reader *r, struct rec *rc,
    struct tuff_event *ev, struct tuff_error *e)
{
	int n;

	for (;;) {
		if ((n = tuff_reader_event(r, ev, e)) == -1)
			return -1;
		if (n == 0)
			return tuff_seterr(e, rc->name, 0, 0,
			    "unexpected end of the stream");
		if ((n = feed(rc, ev, e)) == -1)
			return -1;
		if (n == 1)
			return rec_done(in, rc, e);
	}
}

/*
 * A record of another kind is passed on unbuilt, as the other tools
 * pass the records they do not read: its first key a plain "kind",
 * whose value is a kind that needs no word.  Any other is built, so
 * that it is checked and warned about as a tree.
 */
static int
may_pass(struct rec *rc, const struct tuff_event *key,
    const struct tuff_event *val)
{
	return key->style == TUFF_PLAIN && key->tag == NULL &&
	    val->type == TUFF_EV_SCALAR && val->len > 0 &&
	    strlen(val->val) == val->len &&
	    tuff_kind_quiet(&rc->quiet, val->val);
}

/* Check the rest of such a record, and copy its text out. */
static int
pass(struct hme_input *in, struct tuff_reader *r,
    const struct tuff_event *key, struct tuff_error *e)
{
	if (tuff_reader_pass_rest(r, key->line, key->column, e) == -1)
		return -1;
	in->foreign++;
	/* A write error is sticky in the writer, reported at its close. */
	if (in->w != NULL)
		(void)tuff_write_raw(in->w, tuff_reader_raw(r));
	return 0;
}

/* The next event, where the document must go on. */
static int
next_ev(struct tuff_reader *r, const char *name, struct tuff_event *ev,
    struct tuff_error *e)
{
	int n;

	if ((n = tuff_reader_event(r, ev, e)) == 0)
		return tuff_seterr(e, name, 0, 0,
		    "unexpected end of the stream");
	return n;
}

/* One document, from the event after its start. */
static int
document(struct hme_input *in, struct tuff_reader *r, const char *name,
    struct rec *rc, struct saved sv[3], struct tuff_event *ev,
    struct tuff_error *e)
{
	if (next_ev(r, name, ev, e) == -1)
		return -1;
	if (ev->type != TUFF_EV_MAP_START)
		return build(in, r, rc, sv, 1, ev, e);
	if (save(&sv[1], ev) == -1)
		return tuff_seterr(e, name, 0, 0, "out of memory");
	if (next_ev(r, name, ev, e) == -1)
		return -1;
	if (ev->type != TUFF_EV_SCALAR || ev->len != 4 ||
	    strcmp(ev->val, "kind") != 0)
		return build(in, r, rc, sv, 2, ev, e);
	if (save(&sv[2], ev) == -1)
		return tuff_seterr(e, name, 0, 0, "out of memory");
	if (next_ev(r, name, ev, e) == -1)
		return -1;
	if (ev->type != TUFF_EV_SCALAR || ev->len != strlen(KIND) ||
	    strcmp(ev->val, KIND) != 0) {
		if (may_pass(rc, &sv[2].ev, ev))
			return pass(in, r, &sv[2].ev, e);
		return build(in, r, rc, sv, 3, ev, e);
	}
	rec_start(rc, name, sv[1].ev.line, sv[1].ev.column);
	rc->seen = 1U << K_KIND;
	rc->kline[K_KIND] = sv[2].ev.line;
	rc->kcol[K_KIND] = sv[2].ev.column;
	return fast(in, r, rc, ev, e);
}

int
hme_read_yaml(struct hme_input *in, struct tuff_reader *r, const char *name,
    struct tuff_error *e)
{
	struct rec rc;
	struct saved sv[3];
	struct tuff_event ev;
	int n, i;

	memset(&rc, 0, sizeof(rc));
	memset(sv, 0, sizeof(sv));
	while ((n = tuff_reader_event(r, &ev, e)) == 1) {
		if (ev.type != TUFF_EV_DOC_START)
			continue;
		if (save(&sv[0], &ev) == -1) {
			n = tuff_seterr(e, name, 0, 0, "out of memory");
			break;
		}
		if ((n = document(in, r, name, &rc, sv, &ev, e)) == -1)
			break;
	}
	rec_free(&rc);
	for (i = 0; i < 3; i++) {
		free(sv[i].tag.s);
		free(sv[i].val.s);
	}
	return n == -1 ? -1 : 0;
}
