/*
 * Reading hme-response records at the event level, without building a
 * tree: hme-score reads a million of them.
 *
 * A record whose first key is "kind: hme-response" goes through the
 * fast path: its events feed a small state machine that validates it
 * and fills a struct hme_response, and a key checker that finds
 * duplicate keys in every mapping of the record, as the tree reader
 * does (the same keys equal, the same pair reported).  A record of
 * another kind that needs no word is checked as it is read, without a
 * tree, and its text copied out (pass).  Any other document is built
 * as a tree (tuff_reader_build), which checks its keys itself; a tree
 * whose kind is hme-response is then replayed as events into the same
 * state machine, so there is one validator, and anything else is a
 * record of another kind, passed on (pass_foreign).
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/diag.h"
#include "tuff/hme.h"
#include "tuff/record.h"
#include "tuff/run.h"
#include "tuff/scalar.h"
#include "tuff/schema.h"
#include "hme_keys.h"

#define KIND		"hme-response"

/* The keys of an hme-response record. */
enum key {
	K_KIND,
	K_UNIT,
	K_PERIOD,
	K_ANSWERS,
	K_ID,
	K_OTHER
};
static const char *const key_names[] = {
	"kind", "unit", "period", "answers", "id"
};

enum state {
	S_KEY,		/* a top-level key, or the mapping's end */
	S_VALUE,	/* the value of key */
	S_SEQ,		/* an item of answers: [...] */
	S_MAP_KEY,	/* an item id of answers: {...}, or its end */
	S_MAP_VALUE,	/* its answer */
	S_END		/* the document's end */
};

/*
 * The state of one record.  Problems that make the record invalid are
 * kept (the first one) while the rest of the record is read; duplicate
 * keys are fatal, as the tree reader makes them.
 */
struct rec {
	const char	*name;
	unsigned long	 line, column;	/* the record's mapping */
	enum state	 st;
	enum state	 after;		/* when the skipped value ends */
	int		 skip;		/* depth inside a skipped value */
	enum key	 key;
	unsigned	 seen;		/* 1 << K_* */
	int		 invalid;
	struct tuff_error err;		/* the first problem */
	int		 check_keys;	/* the fast path: keys not checked */
	struct kcheck	 kc;
	int		 opened;	/* the root mapping's start seen */
	/* answers */
	unsigned long	 aline, acol;	/* where answers' value starts */
	int		 nans, item;
	unsigned	 items;		/* ids seen in a mapping */
	struct buf	 unit;
	unsigned long	 uline, ucol;
	char		 period[8];
	struct buf	 id;
	unsigned long	 idline, idcol;
	unsigned char	 answers[HME_NITEMS];
	/* Across records: the last other kind found to need no word. */
	struct tuff_quiet quiet;
};

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

static struct tuff_scalar
scalar_of(const struct tuff_event *ev)
{
	struct tuff_scalar s;

	s.val = ev->val;
	s.len = ev->len;
	s.style = ev->style;
	s.tag = ev->tag;
	return s;
}

/*
 * A value of the wrong type or form: "WHAT, not VALUE", the value as
 * written, and a hint when the scalar rule has one for the type wanted
 * (TUFF_T_BAD: only for a tag that contradicts its value).
 */
static void
bad_value(struct rec *rc, const struct tuff_event *ev, const char *what,
    enum tuff_stype want)
{
	struct tuff_scalar s;
	char shown[320];
	const char *hint = "";

	if (is_collection(ev)) {
		problem(rc, ev, "%s, not %s", what,
		    ev->type == TUFF_EV_MAP_START ? "a mapping" : "a sequence");
		return;
	}
	s = scalar_of(ev);
	if (s.len == 0 && s.tag == NULL && s.style == TUFF_PLAIN)
		snprintf(shown, sizeof(shown), "null");
	else
		tuff_scalar_show(&s, shown, sizeof(shown));
	if (want != TUFF_T_BAD || tuff_scalar_type(&s) == TUFF_T_BAD)
		hint = tuff_scalar_hint(&s, want == TUFF_T_BAD ? TUFF_T_STR :
		    want);
	if (*hint != '\0')
		problem(rc, ev, "%s, not %s; %s", what, shown, hint);
	else
		problem(rc, ev, "%s, not %s", what, shown);
}

/*
 * Skip the collection ev starts (a key of the mapping the reader is in
 * when is_key), then continue in state after.  The key checker goes
 * on into it.
 */
static int
skip(struct rec *rc, const struct tuff_event *ev, enum state after,
    int is_key, struct tuff_error *e)
{
	rc->skip = 1;
	rc->after = after;
	return rc->check_keys ? hme_kc_open(&rc->kc, ev, is_key, 0, rc->name,
	    e) : 0;
}

/*
 * A scalar key of a mapping the reader follows, for the checker:
 * known, the known name's index (the reader has looked it up), or -1.
 */
static int
check_key(struct rec *rc, const struct tuff_event *ev, int known,
    struct tuff_error *e)
{
	struct klevel *lv;

	if (!rc->check_keys)
		return 0;
	lv = &rc->kc.lev[rc->kc.nlev - 1];
	if (known >= 0)
		hme_kc_known(lv, known, ev->line, ev->column);
	else if (hme_kc_key(&rc->kc, lv, ev->val, ev->len, 0, ev->line,
	    ev->column) == -1)
		return hme_kc_nomem(rc->name, e);
	return 0;
}

/* One answer: an integer 1..5, or a null (0: not answered). */
static void
answer(struct rec *rc, const struct tuff_event *ev, int item)
{
	struct tuff_scalar s;
	char what[64];
	long v;

	/* The usual case first: one plain digit. */
	if (ev->len == 1 && ev->style == TUFF_PLAIN && ev->tag == NULL &&
	    ev->val[0] >= '1' && ev->val[0] <= '5') {
		rc->answers[item] = (unsigned char)(ev->val[0] - '0');
		return;
	}
	s = scalar_of(ev);
	if (!is_collection(ev)) {
		switch (tuff_scalar_type(&s)) {
		case TUFF_T_NULL:
			rc->answers[item] = 0;
			return;
		case TUFF_T_INT:
			if (tuff_scalar_int(&s, 1, 5, &v) == 0) {
				rc->answers[item] = (unsigned char)v;
				return;
			}
			break;
		default:
			break;
		}
	}
	snprintf(what, sizeof(what), "answer to %s must be an integer 1..5 "
	    "or null", hme_item_id(item));
	bad_value(rc, ev, what, TUFF_T_INT);
}

/* A top-level key, or the record's end. */
static int
on_key(struct rec *rc, const struct tuff_event *ev, struct tuff_error *e)
{
	enum key k;
	int i, known;

	if (ev->type == TUFF_EV_MAP_END) {
		if (rc->check_keys && hme_kc_close(&rc->kc, ev, rc->name, e) == -1)
			return -1;
		for (i = K_KIND; i <= K_ANSWERS; i++)
			if (!(rc->seen & (1U << i)))
				problem(rc, NULL, "hme-response without "
				    "required key \"%s\"", key_names[i]);
		rc->st = S_END;
		return 0;
	}
	rc->st = S_VALUE;
	if (is_collection(ev)) {
		problem(rc, ev, "a key must be a scalar, not %s",
		    ev->type == TUFF_EV_MAP_START ? "a mapping" : "a sequence");
		rc->key = K_OTHER;
		return skip(rc, ev, S_VALUE, 1, e);
	}
	known = hme_known_index(ev->val, ev->len);
	k = known >= 0 && known < K_OTHER ? (enum key)known : K_OTHER;
	/* A key given twice is the key checker's (or the tree's) to
	 * report; the second value is not read. */
	if (k < K_OTHER && (rc->seen & (1U << k)))
		k = K_OTHER;
	if (k < K_OTHER)
		rc->seen |= 1U << k;
	/*
	 * An unknown key is the user's own, kept as it is, unless it
	 * looks like a typo of ours ("unit" for "Unit", "answer"): then it
	 * is warned about, here where both paths pass (a tree is replayed),
	 * so the fast path and the tree say the same.
	 */
	if (k == K_OTHER && known < 0)
		(void)tuff_schema_check_key(tuff_schema_place(KIND), ev->val,
		    ev->len, rc->name, ev->line, ev->column);
	rc->key = k;
	return check_key(rc, ev, known, e);
}

/*
 * The type of a value by the scalar rule, with the common cases first:
 * a plain text that cannot be a null, bool or number (a unit), and a
 * plain year.  Every response's unit and period come here.
 */
static enum tuff_stype
value_type(const struct tuff_event *ev)
{
	struct tuff_scalar s;
	size_t i;
	int c;

	if (is_collection(ev))
		return TUFF_T_BAD;
	if (ev->tag == NULL && ev->style == TUFF_PLAIN && ev->len > 0) {
		c = (unsigned char)ev->val[0];
		if (c >= 0x80 || (c >= 'A' && c <= 'Z' && c != 'N' &&
		    c != 'T' && c != 'F') || (c >= 'a' && c <= 'z' &&
		    c != 'n' && c != 't' && c != 'f'))
			return TUFF_T_STR;
		if (c >= '1' && c <= '9') {
			for (i = 1; i < ev->len; i++)
				if (ev->val[i] < '0' || ev->val[i] > '9')
					break;
			if (i == ev->len)
				return TUFF_T_INT;
		}
	}
	s = scalar_of(ev);
	return tuff_scalar_type(&s);
}

static int
on_value(struct rec *rc, const struct tuff_event *ev, struct tuff_error *e)
{
	enum tuff_stype t = value_type(ev);
	const char *msg;

	rc->st = S_KEY;
	switch (rc->key) {
	case K_UNIT:
		if (t != TUFF_T_STR)
			bad_value(rc, ev, "unit must be a string", TUFF_T_STR);
		else if ((msg = hme_check_unit(ev->val, ev->len)) != NULL)
			problem(rc, ev, "%s", msg);
		else if (hme_buf_set(&rc->unit, ev->val, ev->len) == -1)
			return hme_kc_nomem(rc->name, e);
		rc->uline = ev->line;
		rc->ucol = ev->column;
		break;
	case K_PERIOD:
		if (t != TUFF_T_STR && t != TUFF_T_INT)
			bad_value(rc, ev, "period must be a year YYYY or a "
			    "month YYYY-MM", TUFF_T_BAD);
		else if ((msg = hme_check_period(ev->val, ev->len)) != NULL)
			bad_value(rc, ev, msg, TUFF_T_BAD);
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
			return rc->check_keys ? hme_kc_open(&rc->kc, ev, 0, 1,
			    rc->name, e) : 0;
		}
		bad_value(rc, ev, "answers must be a list of 9 answers or a "
		    "mapping of item ids", TUFF_T_BAD);
		break;
	case K_ID:
		if (t != TUFF_T_STR && t != TUFF_T_INT)
			bad_value(rc, ev, "id must be a string or an integer",
			    TUFF_T_STR);
		else if (hme_buf_set(&rc->id, ev->val, ev->len) == -1)
			return hme_kc_nomem(rc->name, e);
		rc->idline = ev->line;
		rc->idcol = ev->column;
		break;
	case K_KIND:
		/* Only replayed trees get here: their kind is ours. */
	case K_OTHER:
		break;
	}
	return is_collection(ev) ? skip(rc, ev, S_KEY, 0, e) : 0;
}

static int
on_seq_item(struct rec *rc, const struct tuff_event *ev, struct tuff_error *e)
{
	struct tuff_event at;

	if (ev->type == TUFF_EV_SEQ_END) {
		/* At the list's start: an end's position differs between
		 * live events and a replayed tree. */
		memset(&at, 0, sizeof(at));
		at.line = rc->aline;
		at.column = rc->acol;
		if (rc->nans < HME_NITEMS)
			problem(rc, &at, "answers must have %d items, not %d",
			    HME_NITEMS, rc->nans);
		rc->st = S_KEY;
		return 0;
	}
	/* Never past the array: the tenth answer on is a problem. */
	if (rc->nans >= HME_NITEMS)
		problem(rc, ev, "answers must have %d items, not more",
		    HME_NITEMS);
	else
		answer(rc, ev, rc->nans++);
	return is_collection(ev) ? skip(rc, ev, S_SEQ, 0, e) : 0;
}

/*
 * An item id that is none of the nine; "M1" is m1 in capitals, which
 * the message says (ids are compared exactly, as keys are).
 */
static void
unknown_item(struct rec *rc, const struct tuff_event *ev)
{
	struct tuff_scalar s = scalar_of(ev);
	char shown[320], lower[3];
	int i = -1;

	tuff_scalar_show(&s, shown, sizeof(shown));
	if (ev->len == 2) {
		lower[0] = (char)tolower((unsigned char)ev->val[0]);
		lower[1] = (char)tolower((unsigned char)ev->val[1]);
		lower[2] = '\0';
		i = hme_item_of(lower);
	}
	if (i >= 0)
		problem(rc, ev, "unknown item id %s (did you mean %s?)",
		    shown, hme_item_id(i));
	else
		problem(rc, ev, "unknown item id %s (the items are m1 m2 m3 "
		    "l1 l2 l3 s1 s2 s3)", shown);
}

static int
on_map_key(struct rec *rc, const struct tuff_event *ev, struct tuff_error *e)
{
	int i;

	if (ev->type == TUFF_EV_MAP_END) {
		rc->st = S_KEY;
		return rc->check_keys ? hme_kc_close(&rc->kc, ev, rc->name, e) : 0;
	}
	rc->st = S_MAP_VALUE;
	rc->item = -1;
	if (is_collection(ev)) {
		problem(rc, ev, "an item id must be a scalar, not %s",
		    ev->type == TUFF_EV_MAP_START ? "a mapping" : "a sequence");
		return skip(rc, ev, S_MAP_VALUE, 1, e);
	}
	if (ev->len != 2 || (i = hme_item_of(ev->val)) == -1) {
		unknown_item(rc, ev);
		return check_key(rc, ev, hme_known_index(ev->val, ev->len), e);
	}
	if (!(rc->items & (1U << i)))	/* twice: the checker's */
		rc->item = i;
	rc->items |= 1U << i;
	return check_key(rc, ev, 5 + i, e);
}

/*
 * Feed one event of the record, from its root mapping's start.
 * Returns 1 when the document has ended, 0 to go on, -1 with e filled
 * for a fatal problem (a duplicate key, out of memory).
 */
static int
feed(struct rec *rc, const struct tuff_event *ev, struct tuff_error *e)
{
	int item;

	if (rc->skip > 0) {
		if (rc->check_keys && hme_kc_feed(&rc->kc, ev, rc->name, e) == -1)
			return -1;
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
		if (!rc->opened) {
			rc->opened = 1;	/* the root mapping's start */
			return rc->check_keys ? hme_kc_open(&rc->kc, ev, 0, 1,
			    rc->name, e) : 0;
		}
		return on_key(rc, ev, e);
	case S_VALUE:
		return on_value(rc, ev, e);
	case S_SEQ:
		/* The usual answer first: one plain digit. */
		if (ev->type == TUFF_EV_SCALAR && ev->len == 1 &&
		    ev->style == TUFF_PLAIN && ev->tag == NULL &&
		    ev->val[0] >= '1' && ev->val[0] <= '5' &&
		    rc->nans < HME_NITEMS) {
			rc->answers[rc->nans++] =
			    (unsigned char)(ev->val[0] - '0');
			return 0;
		}
		return on_seq_item(rc, ev, e);
	case S_MAP_KEY:
		/* The usual key first: an item id not seen yet. */
		if (ev->type == TUFF_EV_SCALAR && ev->len == 2 &&
		    (item = hme_item_of(ev->val)) >= 0 &&
		    !(rc->items & (1U << item)) && rc->check_keys) {
			rc->items |= 1U << item;
			rc->item = item;
			rc->st = S_MAP_VALUE;
			hme_kc_known(&rc->kc.lev[rc->kc.nlev - 1], 5 + item,
			    ev->line, ev->column);
			return 0;
		}
		return on_map_key(rc, ev, e);
	case S_MAP_VALUE:
		rc->st = S_MAP_KEY;
		if (rc->item >= 0 && ev->type == TUFF_EV_SCALAR &&
		    ev->len == 1 && ev->style == TUFF_PLAIN &&
		    ev->tag == NULL && ev->val[0] >= '1' && ev->val[0] <= '5')
			rc->answers[rc->item] = (unsigned char)(ev->val[0] - '0');
		else if (rc->item >= 0)
			answer(rc, ev, rc->item);
		return is_collection(ev) ? skip(rc, ev, S_MAP_KEY, 0, e) : 0;
	case S_END:
		return ev->type == TUFF_EV_DOC_END;
	}
	return 0;
}

/* A new record; its root mapping's start is the first event fed. */
static void
rec_start(struct rec *rc, const char *name, unsigned long line,
    unsigned long column, int check_keys)
{
	rc->name = name;
	rc->line = line;
	rc->column = column;
	rc->st = S_KEY;
	rc->skip = 0;
	rc->seen = 0;
	rc->invalid = 0;
	rc->check_keys = check_keys;
	rc->opened = 0;
	rc->nans = 0;
	rc->items = 0;
	rc->id.len = 0;
	memset(rc->answers, 0, sizeof(rc->answers));
	if (check_keys)
		hme_kc_start(&rc->kc);
}

static void
rec_free(struct rec *rc)
{
	hme_kc_free(&rc->kc);
	free(rc->unit.s);
	free(rc->id.s);
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
	memset(&r, 0, sizeof(r));
	r.unit = rc->unit.s;
	r.ulen = rc->unit.len;
	r.period = rc->period;
	memcpy(r.answers, rc->answers, sizeof(r.answers));
	r.file = rc->name;
	r.line = rc->uline;
	r.column = rc->ucol;
	if (rc->seen & (1U << K_ID)) {
		r.id = rc->id.s;
		r.idlen = rc->id.len;
		r.idline = rc->idline;
		r.idcolumn = rc->idcol;
	}
	return hme_input_add(in, &r, e);
}

/*
 * Feed the events of a tree (a replayed record) to the validator,
 * without recursion: an explicit stack of the collections open, each
 * with the index of its next child (a mapping's keys and values
 * counted in turn).
 */
static int
replay(struct rec *rc, const struct tuff_node *root, struct tuff_error *e)
{
	struct {
		const struct tuff_node	*n;
		size_t			 next;
	} stack[TUFF_MAX_DEPTH + 2];
	const struct tuff_node *n = root;
	struct tuff_event ev;
	int sp = 0;
	size_t kids;

	for (;;) {
		if (n != NULL) {
			memset(&ev, 0, sizeof(ev));
			ev.line = n->line;
			ev.column = n->column;
			ev.tag = n->tag;
			ev.style = n->style;
			if (n->type == TUFF_SCALAR) {
				ev.type = TUFF_EV_SCALAR;
				ev.val = n->u.s.val;
				ev.len = n->u.s.len;
			} else
				ev.type = n->type == TUFF_SEQ ?
				    TUFF_EV_SEQ_START : TUFF_EV_MAP_START;
			if (feed(rc, &ev, e) == -1)
				return -1;
			if (n->type != TUFF_SCALAR) {
				if (sp == TUFF_MAX_DEPTH + 2)
					return tuff_seterr(e, rc->name,
					    n->line, n->column, "nesting "
					    "deeper than %d", TUFF_MAX_DEPTH);
				stack[sp].n = n;
				stack[sp++].next = 0;
			}
		}
		if (sp == 0)
			return 0;
		n = stack[sp - 1].n;
		kids = n->type == TUFF_SEQ ? n->u.seq.n : 2 * n->u.map.n;
		if (stack[sp - 1].next < kids) {
			size_t k = stack[sp - 1].next++;

			n = n->type == TUFF_SEQ ? n->u.seq.items[k] :
			    k % 2 == 0 ? n->u.map.pairs[k / 2].key :
			    n->u.map.pairs[k / 2].val;
			continue;
		}
		memset(&ev, 0, sizeof(ev));
		ev.type = n->type == TUFF_SEQ ? TUFF_EV_SEQ_END :
		    TUFF_EV_MAP_END;
		ev.line = n->line;
		ev.column = n->column;
		if (feed(rc, &ev, e) == -1)
			return -1;
		sp--;
		n = NULL;
	}
}

/*
 * A record of another kind, or without one: written out unchanged
 * (w NULL: only counted).  The writer takes doc and frees it; a write
 * error is sticky in the writer, reported at its close.
 */
static void
pass_foreign(struct hme_input *in, struct tuff_doc *doc)
{
	in->foreign++;
	if (in->w != NULL)
		(void)tuff_write_passthrough(in->w, doc);
	else
		tuff_doc_free(doc);
}

/* A record built as a tree: checked if ours, passed on if not. */
static int
on_tree(struct hme_input *in, struct rec *rc, struct tuff_doc *doc,
    struct tuff_error *e)
{
	struct tuff_event end;
	int n;

	if (doc->root == NULL) {	/* an empty document */
		tuff_doc_free(doc);
		return 0;
	}
	if (doc->kind == NULL || strcmp(doc->kind, KIND) != 0) {
		tuff_schema_check_kind(doc);
		pass_foreign(in, doc);
		return 0;
	}
	rec_start(rc, doc->file, doc->root->line, doc->root->column, 0);
	n = replay(rc, doc->root, e);
	if (n == 0) {
		memset(&end, 0, sizeof(end));
		end.type = TUFF_EV_DOC_END;
		n = feed(rc, &end, e);
		n = n == -1 ? -1 : rec_done(in, rc, e);
	}
	tuff_doc_free(doc);
	return n;
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
		if (hme_buf_set(&s->tag, ev->tag, strlen(ev->tag)) == -1)
			return -1;
		s->ev.tag = s->tag.s;
	}
	if (ev->val != NULL) {
		if (hme_buf_set(&s->val, ev->val, ev->len) == -1)
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
	return on_tree(in, rc, tuff_reader_take(r), e);
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
	    val->type == TUFF_EV_SCALAR && val->tag == NULL && val->len > 0 &&
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
	if (ev->type != TUFF_EV_MAP_START || in->tree_only)
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
	rec_start(rc, name, sv[1].ev.line, sv[1].ev.column, 1);
	if (feed(rc, &sv[1].ev, e) == -1 || feed(rc, &sv[2].ev, e) == -1 ||
	    feed(rc, ev, e) == -1)
		return -1;
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
