/*
 * The key checker of the event reader (hme_yaml.c): the pair of equal
 * keys in a record that the tree reader would report.
 */
#include <stdlib.h>
#include <string.h>

#include "tuff/diag.h"
#include "tuff/hme.h"
#include "hme_keys.h"

#define SMALL_MAP	16	/* pairwise duplicate check below this,
				   as the tree reader does */

int
hme_buf_add(struct buf *b, const void *p, size_t n)
{
	char *s;
	size_t cap;

	if (b->len + n + 1 > b->cap) {
		for (cap = b->cap ? b->cap : 64; cap < b->len + n + 1; cap *= 2)
			;
		if ((s = realloc(b->s, cap)) == NULL)
			return -1;
		b->s = s;
		b->cap = cap;
	}
	memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
	return 0;
}

int
hme_buf_set(struct buf *b, const char *s, size_t len)
{
	b->len = 0;
	return hme_buf_add(b, s, len);
}

/*
 * The key checker.  Every open collection of the record is a level.
 * It finds the pair of equal keys the tree reader would report (its
 * check_duplicates), without building the tree, and at little cost for
 * the keys every response has:
 *
 *  - A key that is one of the names records are made of (kind, unit,
 *    ..., m1 ... s3) is not copied: its level keeps, per name, where it
 *    was first and second seen.
 *  - Any other key is copied to a stack (text in text), with its place
 *    in its mapping; a collection used as a key is encoded as it goes
 *    by (brackets for its collections, each scalar as its length and
 *    text), so that two keys encode alike exactly when the tree reader
 *    finds them equal.
 *
 * A mapping of known names only, none twice, is checked in no time.
 */
static const char *const known_names[NKNOWN] = {
	"kind", "unit", "period", "answers", "id",
	"m1", "m2", "m3", "l1", "l2", "l3", "s1", "s2", "s3"
};



int
hme_kc_nomem(const char *name, struct tuff_error *e)
{
	return tuff_seterr(e, name, 0, 0, "out of memory");
}


/* A key of mapping lv.  -1 on ENOMEM. */
int
hme_kc_key(struct kcheck *kc, struct klevel *lv, const char *s, size_t len,
    int complex, unsigned long line, unsigned long column)
{
	struct kkey *k;
	size_t cap;
	int i;

	if (!complex && (i = hme_known_index(s, len)) >= 0) {
		hme_kc_known(lv, i, line, column);
		return 0;
	}
	if (kc->nkeys == kc->capkeys) {
		cap = kc->capkeys ? 2 * kc->capkeys : 64;
		if ((k = realloc(kc->keys, cap * sizeof(*k))) == NULL)
			return -1;
		kc->keys = k;
		kc->capkeys = cap;
	}
	k = &kc->keys[kc->nkeys];
	k->off = kc->text.len;
	if (hme_buf_add(&kc->text, s, len) == -1)
		return -1;
	k->len = len;
	k->complex = complex;
	k->at.idx = lv->n++;
	k->at.line = line;
	k->at.column = column;
	kc->nkeys++;
	return 0;
}

static int
kc_capture(struct kcheck *kc, const struct tuff_event *ev)
{
	static const char mark[] = { [TUFF_EV_MAP_START] = '{',
	    [TUFF_EV_MAP_END] = '}', [TUFF_EV_SEQ_START] = '[',
	    [TUFF_EV_SEQ_END] = ']', [TUFF_EV_SCALAR] = 'v' };

	if (hme_buf_add(&kc->cap, &mark[ev->type], 1) == -1)
		return -1;
	if (ev->type == TUFF_EV_SCALAR &&
	    (hme_buf_add(&kc->cap, &ev->len, sizeof(ev->len)) == -1 ||
	    hme_buf_add(&kc->cap, ev->val, ev->len) == -1))
		return -1;
	return 0;
}

static int
kkey_equal(const struct kkey *a, const struct kkey *b)
{
	return a->complex == b->complex && a->len == b->len &&
	    memcmp(a->p, b->p, a->len) == 0;
}

/* Text order, shorter first on a tie, as the tree reader sorts. */
static int
text_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	int c = memcmp(a, b, alen < blen ? alen : blen);

	if (c != 0)
		return c;
	return alen < blen ? -1 : alen > blen;
}

/* By text, then by place: equal keys end up together, in order. */
static int
kkey_cmp(const void *pa, const void *pb)
{
	const struct kkey *a = *(const struct kkey *const *)pa;
	const struct kkey *b = *(const struct kkey *const *)pb;
	int c = text_cmp(a->p, a->len, b->p, b->len);

	if (c != 0)
		return c;
	return (a->at.idx > b->at.idx) - (a->at.idx < b->at.idx);
}

/* The pair to report: a key (text, or NULL for a collection) seen
 * again, and where first. */
struct kdup {
	const char		*text;
	size_t			 len;
	const struct kat	*first, *again;
};

static int
kc_dup(const struct kdup *d, int root, const char *name, struct tuff_error *e)
{
	if (d->text == NULL)
		return tuff_seterr(e, name, d->again->line, d->again->column,
		    "duplicate key (first at line %lu, column %lu)",
		    d->first->line, d->first->column);
	/* Two kinds or ids: two records run together, as the tree reader
	 * says. */
	if (root && ((d->len == 4 && memcmp(d->text, "kind", 4) == 0) ||
	    (d->len == 2 && memcmp(d->text, "id", 2) == 0)))
		return tuff_seterr(e, name, d->again->line, d->again->column,
		    "duplicate key \"%.*s\" (first at line %lu, column %lu); "
		    "missing '---' between two records?", (int)d->len, d->text,
		    d->first->line, d->first->column);
	return tuff_seterr(e, name, d->again->line, d->again->column,
	    "duplicate key \"%.*s\" (first at line %lu, column %lu)",
	    (int)(d->len > 80 ? 80 : d->len), d->text, d->first->line,
	    d->first->column);
}

/*
 * Among the keys of a mapping of the kind complex (collections or
 * scalars), sorted: the group whose second key comes first in the
 * file, if it comes before d's.  Never quadratic.
 */
static int
kc_sorted(struct kkey *k, size_t n, int complex, struct kdup *d)
{
	struct kkey **v;
	size_t i, nv = 0;

	if ((v = malloc((n + 1) * sizeof(*v))) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (k[i].complex == complex)
			v[nv++] = &k[i];
	qsort(v, nv, sizeof(*v), kkey_cmp);
	for (i = 1; i < nv; i++) {
		if (!kkey_equal(v[i], v[i - 1]) ||
		    (i > 1 && kkey_equal(v[i - 1], v[i - 2])))
			continue;	/* not a group's second */
		if (d->again == NULL || v[i]->at.idx < d->again->idx) {
			d->text = complex ? NULL : v[i]->p;
			d->len = v[i]->len;
			d->first = &v[i - 1]->at;
			d->again = &v[i]->at;
		}
	}
	free(v);
	return 0;
}

/*
 * The keys of a mapping that ended: the pair the tree reader reports,
 * the first key in the file equal to an earlier one, with the first of
 * those.  Known names are never equal to other keys.
 */
static int
kc_check(struct kcheck *kc, struct klevel *lv, const char *name,
    struct tuff_error *e)
{
	struct kkey *k;
	size_t i, j, n = kc->nkeys - lv->first;
	struct kdup d = { NULL, 0, NULL, NULL };
	int b;

	if (n == 0 && lv->twice == 0)
		return 0;
	/* keys is NULL until a key is kept */
	k = n > 0 ? kc->keys + lv->first : NULL;
	for (i = 0; i < n; i++)
		k[i].p = kc->text.s + k[i].off;
	if (lv->n < SMALL_MAP) {
		for (i = 1; i < n && d.again == NULL; i++)
			for (j = 0; j < i; j++)
				if (kkey_equal(&k[i], &k[j])) {
					d.text = k[i].complex ? NULL : k[i].p;
					d.len = k[i].len;
					d.first = &k[j].at;
					d.again = &k[i].at;
					break;
				}
	} else if (kc_sorted(k, n, 1, &d) == -1 ||
	    kc_sorted(k, n, 0, &d) == -1)
		return hme_kc_nomem(name, e);
	for (b = 0; b < NKNOWN; b++)
		if ((lv->twice >> b & 1) && (d.again == NULL ||
		    lv->again[b].idx < d.again->idx)) {
			d.text = known_names[b];
			d.len = strlen(known_names[b]);
			d.first = &lv->at[b];
			d.again = &lv->again[b];
		}
	return d.again != NULL ? kc_dup(&d, lv == kc->lev, name, e) : 0;
}

void
hme_kc_start(struct kcheck *kc)
{
	kc->nlev = 0;
	kc->nkeys = 0;
	kc->text.len = 0;
	kc->cap_level = 0;
	kc->cap.len = 0;
}

void
hme_kc_free(struct kcheck *kc)
{
	free(kc->keys);
	free(kc->text.s);
	free(kc->cap.s);
}

/*
 * A collection starts: is_key says whether it is a key of the mapping
 * on top.  The mappings the record reader itself follows (the root,
 * answers: {...}) are "managed": it gives their keys to hme_kc_key and
 * opens and closes them with hme_kc_open and hme_kc_close; hme_kc_feed follows
 * what it skips over, anything nested in those.
 */
int
hme_kc_open(struct kcheck *kc, const struct tuff_event *ev, int is_key,
    int managed, const char *name, struct tuff_error *e)
{
	struct klevel *lv;
	size_t before = kc->cap.len;
	int capturing = kc->cap_level > 0;

	if (capturing && kc_capture(kc, ev) == -1)
		return hme_kc_nomem(name, e);
	if (kc->nlev == TUFF_MAX_DEPTH + 2)
		return tuff_seterr(e, name, ev->line, ev->column,
		    "nesting deeper than %d", TUFF_MAX_DEPTH);
	lv = &kc->lev[kc->nlev++];
	lv->is_map = ev->type == TUFF_EV_MAP_START;
	lv->managed = (unsigned char)managed;
	lv->expect_key = 1;
	lv->n = 0;
	lv->first = kc->nkeys;
	lv->known = lv->twice = 0;
	lv->is_key = (unsigned char)is_key;
	if (is_key) {
		if (!capturing) {
			kc->cap_level = kc->nlev;
			kc->cap.len = before = 0;
			if (kc_capture(kc, ev) == -1)
				return hme_kc_nomem(name, e);
		}
		lv->cap_start = before;
		lv->line = ev->line;
		lv->column = ev->column;
	}
	return 0;
}

/* The collection on top ends: its keys are checked, and if it is a
 * key, it is one of the mapping below. */
int
hme_kc_close(struct kcheck *kc, const struct tuff_event *ev, const char *name,
    struct tuff_error *e)
{
	struct klevel *top = &kc->lev[kc->nlev - 1];

	if (kc->cap_level > 0 && kc_capture(kc, ev) == -1)
		return hme_kc_nomem(name, e);
	if (top->is_map) {
		if (kc_check(kc, top, name, e) == -1)
			return -1;
		if (kc->nkeys > top->first)
			kc->text.len = kc->keys[top->first].off;
		kc->nkeys = top->first;
	}
	kc->nlev--;
	if (top->is_key) {
		if (kc->cap_level == kc->nlev + 1)
			kc->cap_level = 0;
		if (hme_kc_key(kc, &kc->lev[kc->nlev - 1],
		    kc->cap.s + top->cap_start, kc->cap.len - top->cap_start,
		    1, top->line, top->column) == -1)
			return hme_kc_nomem(name, e);
	}
	return 0;
}

/* An event inside a collection being skipped over. */
int
hme_kc_feed(struct kcheck *kc, const struct tuff_event *ev, const char *name,
    struct tuff_error *e)
{
	struct klevel *top = &kc->lev[kc->nlev - 1];
	int is_key = top->is_map && top->expect_key;

	switch (ev->type) {
	case TUFF_EV_SCALAR:
		if (kc->cap_level > 0 && kc_capture(kc, ev) == -1)
			return hme_kc_nomem(name, e);
		if (!top->is_map)
			return 0;
		top->expect_key = !top->expect_key;
		if (is_key && hme_kc_key(kc, top, ev->val, ev->len, 0, ev->line,
		    ev->column) == -1)
			return hme_kc_nomem(name, e);
		return 0;
	case TUFF_EV_MAP_START:
	case TUFF_EV_SEQ_START:
		if (top->is_map)
			top->expect_key = !top->expect_key;
		return hme_kc_open(kc, ev, is_key, 0, name, e);
	case TUFF_EV_MAP_END:
	case TUFF_EV_SEQ_END:
		return hme_kc_close(kc, ev, name, e);
	default:
		return 0;
	}
}

