/*
 * Records from events: trees (the builder and tuff_reader_next), and
 * records a tool does not read, checked as they go by without a tree
 * (tuff_reader_next_or_pass).  Both refuse duplicate keys the same way.
 */
#include <stdlib.h>
#include <string.h>

#include "tuff/diag.h"
#include "tuff/record.h"
#include "tuff/scalar.h"
#include "arena.h"
#include "reader.h"

#define SMALL_MAP	16	/* pairwise duplicate check below this */

void
reader_build_free(struct tuff_reader *r)
{
	tuff_doc_free(r->doc);
	free(r->kids);
	free(r->skeys);
	free(r->keybuf);
	free(r->capbuf);
	free(r->tagbuf);
}

int
reader_dup(struct tuff_reader *r, struct tuff_error *e, int root,
    const char *key, size_t keylen, unsigned long line, unsigned long col,
    unsigned long line1, unsigned long col1)
{
	r->failed = 1;
	if (key == NULL)
		return tuff_seterr(e, r->name, line, col,
		    "duplicate key (first at line %lu, column %lu)",
		    line1, col1);
	/* Two kinds or ids: two records, run together. */
	if (root && ((keylen == 4 && memcmp(key, "kind", 4) == 0) ||
	    (keylen == 2 && memcmp(key, "id", 2) == 0)))
		return tuff_seterr(e, r->name, line, col,
		    "duplicate key \"%.*s\" (first at line %lu, column %lu); "
		    "missing '---' between two records?", (int)keylen, key,
		    line1, col1);
	return tuff_seterr(e, r->name, line, col,
	    "duplicate key \"%.*s\" (first at line %lu, column %lu)",
	    (int)(keylen > 80 ? 80 : keylen), key, line1, col1);
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
	/* Equal keys in the order of the text. */
	return a < b ? -1 : a > b;
}

static int
same_scalar(const struct tuff_pair *a, const struct tuff_pair *b)
{
	return a->key->u.s.len == b->key->u.s.len &&
	    memcmp(a->key->u.s.val, b->key->u.s.val, a->key->u.s.len) == 0;
}

static int
dup_error(struct tuff_reader *r, const struct tuff_pair *first,
    const struct tuff_pair *again, struct tuff_error *e)
{
	const struct tuff_node *k = again->key;

	return reader_dup(r, e, r->sp == 0,
	    k->type == TUFF_SCALAR ? k->u.s.val : NULL,
	    k->type == TUFF_SCALAR ? k->u.s.len : 0, k->line, k->column,
	    first->key->line, first->key->column);
}

/*
 * The pairwise check, among the n pairs at *v (in the order of the
 * text): the earliest that repeats one before it (and that one), or
 * *again NULL.
 */
static void
pairwise(const struct tuff_pair **v, size_t n, const struct tuff_pair **first,
    const struct tuff_pair **again)
{
	size_t i, j;

	*again = NULL;
	for (i = 1; i < n; i++)
		for (j = 0; j < i; j++)
			if (node_equal(v[j]->key, v[i]->key)) {
				*first = v[j];
				*again = v[i];
				return;
			}
}

/*
 * Reject a mapping with two equal keys, naming the first repeat in the
 * order of the text.  Small mappings are compared pairwise; the scalar
 * keys of large ones are sorted, so a record of 100000 keys cannot make
 * this quadratic.  Keys that are collections are compared pairwise
 * among themselves; records never have them.
 */
static int
check_duplicates(struct tuff_reader *r, const struct tuff_node *map,
    struct tuff_error *e)
{
	const struct tuff_pair *p = map->u.map.pairs, **v, *first = NULL,
	    *again = NULL, *f2, *a2;
	size_t i, n = map->u.map.n, ns = 0, nc;

	if (n < 2)
		return 0;
	if ((v = malloc(n * sizeof(*v))) == NULL) {
		r->failed = 1;
		return tuff_seterr(e, r->name, 0, 0, "out of memory");
	}
	if (n < SMALL_MAP) {
		for (i = 0; i < n; i++)
			v[i] = &p[i];
		pairwise(v, n, &first, &again);
		goto done;
	}
	/* Scalars from the front, collections from the back. */
	nc = n;
	for (i = 0; i < n; i++)
		if (p[i].key->type == TUFF_SCALAR)
			v[ns++] = &p[i];
		else
			v[--nc] = &p[i];
	for (i = 0; nc + i < n - 1 - i; i++) {
		a2 = v[nc + i];
		v[nc + i] = v[n - 1 - i];
		v[n - 1 - i] = a2;
	}
	pairwise(v + nc, n - nc, &first, &again);
	qsort(v, ns, sizeof(*v), cmp_scalar_keys);
	for (i = 1; i < ns; i++) {
		if (!same_scalar(v[i - 1], v[i]))
			continue;
		/* The second of a run of equal keys is its first repeat. */
		f2 = v[i - 1];
		a2 = v[i];
		while (i + 1 < ns && same_scalar(v[i], v[i + 1]))
			i++;
		if (again == NULL || a2 < again) {
			first = f2;
			again = a2;
		}
	}
done:
	free(v);
	return again != NULL ? dup_error(r, first, again, e) : 0;
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

/*
 * The record's text, into its arena: the reader's is gone soon.
 * 0, or -1 on ENOMEM.
 */
static int
keep_text(struct tuff_reader *r)
{
	const struct tuff_raw *raw = tuff_reader_raw(r);
	char *p;

	if (r->doc->root == NULL || raw == NULL)
		return 0;
	if ((p = tuff_alloc(r->doc, raw->len + 1)) == NULL)
		return -1;
	r->doc->raw = *raw;
	r->doc->raw.src = NULL;		/* the document outlives the reader */
	memcpy(p, raw->text, raw->len);
	p[raw->len] = '\0';
	r->doc->raw.text = p;
	return 0;
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
		if (keep_text(r) == -1) {
			r->failed = 1;
			return tuff_seterr(e, r->name, ev->line, ev->column,
			    "out of memory");
		}
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
 * Records read without a tree: the events are taken as libyaml gives
 * them, and only the keys are kept, to find duplicates.
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

/* Room for one more key; -1 on ENOMEM.  Out of line: rarely needed. */
static __attribute__((noinline)) int
more_skeys(struct tuff_reader *r, struct tuff_error *e)
{
	struct skey *k;
	size_t cap = r->capskeys ? 2 * r->capskeys : 64;

	if ((k = realloc(r->skeys, cap * sizeof(*k))) == NULL)
		return nomem(r, e);
	r->skeys = k;
	r->capskeys = cap;
	return 0;
}

/*
 * The first 8 bytes of a key (zero-filled when it is shorter) as
 * memcpy would put them in a word, built in a register: a word stored
 * in pieces and read back at once waits for the pieces to reach the
 * cache, and this is done for most keys of every record.
 */
static inline uint64_t
key_head(const char *val, size_t len)
{
	uint64_t h = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	const unsigned char *p = (const unsigned char *)val;
	uint32_t lo, hi;

	if (len >= sizeof(h)) {
		memcpy(&h, p, sizeof(h));
	} else if (len >= 4) {
		/* Two words that overlap: the shared bytes agree. */
		memcpy(&lo, p, 4);
		memcpy(&hi, p + len - 4, 4);
		h = lo | (uint64_t)hi << (8 * (len - 4));
	} else if (len > 0) {
		h = p[0] | (uint64_t)p[len / 2] << (8 * (len / 2)) |
		    (uint64_t)p[len - 1] << (8 * (len - 1));
	}
#else
	memcpy(&h, val, len < sizeof(h) ? len : sizeof(h));
#endif
	return h;
}

/* The bit of a key in its mapping's seen (see struct slevel). */
static uint64_t
key_bit(uint64_t head, size_t len, int complex)
{
	uint64_t h = (head ^ ((uint64_t)len << 1 | (uint64_t)complex)) *
	    0x9e3779b97f4a7c15ULL;

	return (uint64_t)1 << (h >> 58);
}

/* A key longer than its head: its whole text in keybuf. */
static __attribute__((noinline)) int
keep_long_key(struct tuff_reader *r, const char *val, size_t len,
    struct tuff_error *e)
{
	if (append(&r->keybuf, &r->keylen, &r->keycap, val, len) == -1)
		return nomem(r, e);
	return 0;
}

/*
 * A key of the mapping on top: its text, or a collection's encoding.
 * Inline, for it is called for most keys of every record passed on;
 * what is rare (more room, a long key) is out of line.
 */
static inline int
remember_key(struct tuff_reader *r, const char *val, size_t len, int complex,
    const yaml_mark_t *at, struct tuff_error *e)
{
	struct slevel *lv = &r->slev[r->nslev - 1];
	struct skey *k;
	uint64_t head, bit;

	if (r->nskeys == r->capskeys && more_skeys(r, e) == -1)
		return -1;
	k = &r->skeys[r->nskeys];
	k->off = r->keylen;
	if (len > sizeof(k->head) && keep_long_key(r, val, len, e) == -1)
		return -1;
	r->nskeys++;
	k->head = head = key_head(val, len);
	k->len = len;
	k->complex = complex;
	k->line = at->line + 1;
	k->column = at->column + 1;
	bit = key_bit(head, len, complex);
	lv->maybe_dup |= (lv->seen & bit) != 0;
	lv->seen |= bit;
	return 0;
}

/*
 * Encode an event of a collection used as a key: brackets for its
 * collections, each scalar as its length and text, so two keys encode
 * the same exactly when node_equal would find them equal.
 */
static int
capture(struct tuff_reader *r, const yaml_event_t *y, struct tuff_error *e)
{
	const yaml_char_t *v = y->data.scalar.value;
	size_t len = y->data.scalar.length;
	char mark;
	int rc;

	switch (y->type) {
	case YAML_MAPPING_START_EVENT: mark = '{'; break;
	case YAML_MAPPING_END_EVENT: mark = '}'; break;
	case YAML_SEQUENCE_START_EVENT: mark = '['; break;
	case YAML_SEQUENCE_END_EVENT: mark = ']'; break;
	case YAML_SCALAR_EVENT: mark = 'v'; break;
	default: return 0;
	}
	rc = append(&r->capbuf, &r->caplen, &r->capcap, &mark, 1);
	if (rc == 0 && y->type == YAML_SCALAR_EVENT)
		rc = append(&r->capbuf, &r->caplen, &r->capcap, &len,
		    sizeof(len)) == -1 || append(&r->capbuf, &r->caplen,
		    &r->capcap, v, len) == -1 ? -1 : 0;
	return rc == -1 ? nomem(r, e) : 0;
}

static const char *
skey_text(const struct tuff_reader *r, const struct skey *k)
{
	return k->len > sizeof(k->head) ? r->keybuf + k->off :
	    (const char *)&k->head;
}

static int
skey_equal(const struct tuff_reader *r, const struct skey *a,
    const struct skey *b)
{
	return a->len == b->len && a->head == b->head &&
	    a->complex == b->complex && (a->len <= sizeof(a->head) ||
	    memcmp(r->keybuf + a->off, r->keybuf + b->off, a->len) == 0);
}

/* An order in which equal keys are neighbours, in the order of the
 * text; not an alphabetical one. */
static int
skey_cmp(const void *pa, const void *pb)
{
	const struct skey *a = pa, *b = pb;
	int c;

	if (a->complex != b->complex)
		return a->complex - b->complex;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	if (a->head != b->head)
		return a->head < b->head ? -1 : 1;
	if (a->len > sizeof(a->head) && (c = memcmp(a->p, b->p, a->len)) != 0)
		return c;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int
skey_dup(struct tuff_reader *r, const struct skey *first,
    const struct skey *again, struct tuff_error *e)
{
	return reader_dup(r, e, r->nslev == 1,
	    again->complex ? NULL : skey_text(r, again), again->len,
	    again->line, again->column, first->line, first->column);
}

/*
 * The keys of the mapping that just ended: any two equal?  As in
 * check_duplicates, pairwise when few, sorted when many, and the first
 * repeat in the order of the text is named.
 */
static int
check_skeys(struct tuff_reader *r, size_t first, struct tuff_error *e)
{
	struct skey *k = r->skeys + first, f = { 0 }, a = { 0 };
	size_t i, j, n = r->nskeys - first;
	int found = 0;

	if (n < SMALL_MAP) {
		for (i = 1; i < n; i++)
			for (j = 0; j < i; j++)
				if (skey_equal(r, &k[i], &k[j]))
					return skey_dup(r, &k[j], &k[i], e);
		return 0;
	}
	for (i = 0; i < n; i++) {
		k[i].p = skey_text(r, &k[i]);	/* keybuf stays still */
		k[i].seq = i;
	}
	qsort(k, n, sizeof(*k), skey_cmp);
	for (i = 1; i < n; i++) {
		if (!skey_equal(r, &k[i], &k[i - 1]))
			continue;
		if (!found || k[i].seq < a.seq) {
			f = k[i - 1];
			a = k[i];
			found = 1;
		}
		while (i + 1 < n && skey_equal(r, &k[i], &k[i + 1]))
			i++;
	}
	return found ? skey_dup(r, &f, &a, e) : 0;
}

static int
unexpected_end(struct tuff_reader *r, int rc, struct tuff_error *e)
{
	if (rc == 0)
		return tuff_seterr(e, r->name, 0, 0,
		    "unexpected end of the stream");
	return -1;
}

/* One level more, with no keys yet: a key comes first. */
static struct slevel *
push_level(struct tuff_reader *r, int is_map, int is_key)
{
	struct slevel *lv = &r->slev[r->nslev++];

	lv->is_map = (unsigned char)is_map;
	lv->expect_key = 1;
	lv->is_key = (unsigned char)is_key;
	lv->maybe_dup = 0;
	lv->seen = 0;
	lv->first_key = r->nskeys;
	return lv;
}

/* A collection starts: one level more, encoded when it is a key. */
static int
open_level(struct tuff_reader *r, const yaml_event_t *y, int is_key,
    size_t before, int capturing, struct tuff_error *e)
{
	struct slevel *lv = push_level(r,
	    y->type == YAML_MAPPING_START_EVENT, is_key);

	if (!is_key)
		return 0;
	/* Encode it as it goes by, to compare when it ends; an outer
	 * key's encoding holds it. */
	if (!capturing) {
		r->cap_level = r->nslev;
		r->caplen = before = 0;
		if (capture(r, y, e) == -1)
			return -1;
	}
	lv->key_start = before;
	lv->key_mark = y->start_mark;
	return 0;
}

/* A collection ends: its keys checked, and it is a key itself. */
static int
close_level(struct tuff_reader *r, struct tuff_error *e)
{
	struct slevel *top = &r->slev[r->nslev - 1];

	if (top->is_map) {
		if (top->maybe_dup && check_skeys(r, top->first_key, e) == -1)
			return -1;
		if (r->nskeys > top->first_key)
			r->keylen = r->skeys[top->first_key].off;
		r->nskeys = top->first_key;
	}
	r->nslev--;
	if (!top->is_key)
		return 0;
	if (r->cap_level == r->nslev + 1)
		r->cap_level = 0;
	return remember_key(r, r->capbuf + top->key_start,
	    r->caplen - top->key_start, 1, &top->key_mark, e);
}

/*
 * Read the rest of a record whose root mapping, "kind" key and value
 * have been read; returns 2 at its end, or -1.
 */
static int
check_rest(struct tuff_reader *r, struct tuff_error *e)
{
	const yaml_event_t *y = &r->ev;
	struct slevel *top;
	size_t before;
	int rc, is_key, capturing;

	for (;;) {
		if ((rc = reader_next_within(r, e)) <= 0)
			return unexpected_end(r, rc, e);
		if (r->nslev == 0) {
			/* The root mapping has ended: only its end is left. */
			if (y->type == YAML_DOCUMENT_END_EVENT)
				return 2;
			continue;
		}
		top = &r->slev[r->nslev - 1];
		/* Most events: a scalar, in no key that is a collection. */
		if (y->type == YAML_SCALAR_EVENT && r->cap_level == 0) {
			if (!top->is_map)
				continue;
			top->expect_key = !top->expect_key;
			if (!top->expect_key && remember_key(r,
			    (const char *)y->data.scalar.value,
			    y->data.scalar.length, 0, &y->start_mark, e) == -1)
				return -1;
			continue;
		}
		is_key = top->is_map && top->expect_key;
		before = r->caplen;
		capturing = r->cap_level > 0;
		if (capturing && capture(r, y, e) == -1)
			return -1;
		switch (y->type) {
		case YAML_SCALAR_EVENT:
			if (top->is_map)
				top->expect_key = !top->expect_key;
			if (is_key && remember_key(r,
			    (const char *)y->data.scalar.value,
			    y->data.scalar.length, 0, &y->start_mark, e) == -1)
				return -1;
			break;
		case YAML_MAPPING_START_EVENT:
		case YAML_SEQUENCE_START_EVENT:
			if (top->is_map)
				top->expect_key = !top->expect_key;
			if (open_level(r, y, is_key, before, capturing,
			    e) == -1)
				return -1;
			break;
		case YAML_MAPPING_END_EVENT:
		case YAML_SEQUENCE_END_EVENT:
			if (close_level(r, e) == -1)
				return -1;
			break;
		default:
			break;
		}
	}
}

/* What was read of a record before it was known whether to skip it. */
struct head {
	struct tuff_event	 ev[3];	/* DOC_START, MAP_START, the key */
	int			 n;
};

/* Build a record after all: feed what was read ahead to the builder. */
static int
build_rest(struct tuff_reader *r, struct head *h, struct tuff_doc **docp,
    struct tuff_error *e)
{
	struct tuff_event ev;
	int i, rc = 0;

	for (i = 0; i < h->n && rc == 0; i++)
		rc = tuff_reader_build(r, &h->ev[i], e);
	reader_event(r, &ev);
	while (rc == 0) {
		if ((rc = tuff_reader_build(r, &ev, e)) != 0)
			break;
		if ((rc = tuff_reader_event(r, &ev, e)) <= 0)
			return unexpected_end(r, rc, e);
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

/*
 * The root mapping's tag, past its event: in a buffer of the reader's,
 * so that a record passed on has nothing to free.
 */
static const char *
keep_tag(struct tuff_reader *r, const char *tag)
{
	r->taglen = 0;
	if (append(&r->tagbuf, &r->taglen, &r->tagcap, tag,
	    strlen(tag) + 1) == -1)
		return NULL;
	return r->tagbuf;
}

/* Keep the event just read in the head. */
static void
keep(struct tuff_reader *r, struct head *h)
{
	reader_event(r, &h->ev[h->n++]);
}

/*
 * Read a record's first events: its start, its mapping's, its first
 * key when that is a plain "kind" (the reader's event is then its
 * value).  1 when the record starts so, 0 when not (the reader's event
 * is the one after the head), -1 on an error or an end of the stream
 * (*ended set).  The events are looked at as libyaml gives them: they
 * are converted only to be kept, and this is done for every record.
 */
static int
read_head(struct tuff_reader *r, struct head *h, int *ended,
    struct tuff_error *e)
{
	const yaml_event_t *y = &r->ev;
	int rc;

	*ended = 0;
	if ((rc = reader_next(r, e)) <= 0) {
		*ended = rc == 0;
		return -1;
	}
	keep(r, h);					/* DOC_START */
	if ((rc = reader_next_in(r, e)) <= 0)
		return unexpected_end(r, rc, e);
	if (y->type != YAML_MAPPING_START_EVENT)
		return 0;
	keep(r, h);
	if (h->ev[1].tag != NULL && (h->ev[1].tag = keep_tag(r,
	    h->ev[1].tag)) == NULL)
		return nomem(r, e);
	if ((rc = reader_next_in(r, e)) <= 0)
		return unexpected_end(r, rc, e);
	if (y->type != YAML_SCALAR_EVENT || y->data.scalar.tag != NULL ||
	    y->data.scalar.style != YAML_PLAIN_SCALAR_STYLE ||
	    y->data.scalar.length != 4 ||
	    memcmp(y->data.scalar.value, "kind", 4) != 0)
		return 0;
	keep(r, h);
	h->ev[2].val = "kind";
	if ((rc = reader_next_in(r, e)) <= 0)
		return unexpected_end(r, rc, e);
	return 1;
}

/* Is the value just read, a record's kind, one the caller skips? */
static int
skips(const struct tuff_reader *r, int (*skip)(const char *kind, void *arg),
    void *arg)
{
	const yaml_event_t *y = &r->ev;

	return y->type == YAML_SCALAR_EVENT && y->data.scalar.length > 0 &&
	    strlen((const char *)y->data.scalar.value) ==
	    y->data.scalar.length &&
	    skip((const char *)y->data.scalar.value, arg);
}

int
tuff_reader_pass_rest(struct tuff_reader *r, unsigned long line,
    unsigned long column, struct tuff_error *e)
{
	yaml_mark_t at = { 0, 0, 0 };

	r->nskeys = 0;
	r->keylen = 0;
	r->cap_level = 0;
	r->nslev = 0;
	/* The root mapping, its "kind" and value read: a key next. */
	(void)push_level(r, 1, 0);
	at.line = line - 1;
	at.column = column - 1;
	if (remember_key(r, "kind", 4, 0, &at, e) == -1)
		return -1;
	return check_rest(r, e);
}

int
tuff_reader_next_or_pass(struct tuff_reader *r, struct tuff_doc **docp,
    int (*skip)(const char *kind, void *arg), void *arg,
    struct tuff_error *e)
{
	struct head h;
	int rc, ended;

	*docp = NULL;
	for (;;) {
		h.n = 0;
		if ((rc = read_head(r, &h, &ended, e)) == -1)
			return ended ? 0 : -1;
		if (rc == 1 && skips(r, skip, arg))
			break;
		if ((rc = build_rest(r, &h, docp, e)) != 0)
			return rc;
	}
	return tuff_reader_pass_rest(r, h.ev[2].line, h.ev[2].column, e);
}
