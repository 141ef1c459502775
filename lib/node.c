#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/i18n.h"
#include "tuff/diag.h"
#include "tuff/node.h"
#include "tuff/scalar.h"
#include "arena.h"


/* The document lives in its own arena: one allocation for both. */
struct tuff_doc *
tuff_doc_new(void)
{
	struct tuff_arena *a;
	struct tuff_doc *d;

	if ((a = tuff_arena_new()) == NULL)
		return NULL;
	if ((d = tuff_arena_alloc(a, sizeof(*d))) == NULL) {
		tuff_arena_free(a);
		return NULL;
	}
	memset(d, 0, sizeof(*d));
	d->arena = a;
	return d;
}

void
tuff_doc_free(struct tuff_doc *d)
{
	if (d != NULL)
		tuff_arena_free(d->arena);	/* d with it */
}

/* Never exits: a failed allocation is the caller's to report. */
void *
tuff_alloc(struct tuff_doc *d, size_t n)
{
	void *p;

	if ((p = tuff_arena_alloc(d->arena, n)) == NULL)
		d->nomem = 1;
	return p;
}

char *
tuff_strndup(struct tuff_doc *d, const char *s, size_t n)
{
	char *p;

	if (n == SIZE_MAX || (p = tuff_alloc(d, n + 1)) == NULL) {
		d->nomem = 1;
		return NULL;
	}
	if (n > 0)	/* s may be NULL when there is nothing to copy */
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
tuff_strdup(struct tuff_doc *d, const char *s)
{
	return tuff_strndup(d, s, strlen(s));
}

static struct tuff_node *
new_node(struct tuff_doc *d, enum tuff_type type)
{
	struct tuff_node *n = tuff_alloc(d, sizeof(*n));

	if (n == NULL)
		return NULL;
	memset(n, 0, sizeof(*n));
	n->type = type;
	return n;
}

static struct tuff_node *
new_scalar(struct tuff_doc *d, const char *s, size_t len, enum tuff_style st)
{
	struct tuff_node *n = new_node(d, TUFF_SCALAR);

	if (n == NULL || (n->u.s.val = tuff_strndup(d, s, len)) == NULL)
		return NULL;
	n->style = st;
	n->u.s.len = len;
	return n;
}

struct tuff_node *
tuff_new_str(struct tuff_doc *d, const char *s)
{
	size_t len = strlen(s);

	return new_scalar(d, s, len,
	    tuff_plain_is_special(s, len) ? TUFF_SINGLE : TUFF_ANY);
}

struct tuff_node *
tuff_new_plain(struct tuff_doc *d, const char *s)
{
	return new_scalar(d, s, strlen(s), TUFF_PLAIN);
}

struct tuff_node *
tuff_new_int(struct tuff_doc *d, long v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%ld", v);
	return tuff_new_plain(d, buf);
}

char *
tuff_fmt_dec1(char *buf, long tenths)
{
	unsigned long a = tenths < 0 ? 0UL - (unsigned long)tenths :
	    (unsigned long)tenths;

	snprintf(buf, 24, "%s%lu.%lu", tenths < 0 ? "-" : "", a / 10, a % 10);
	return buf;
}

struct tuff_node *
tuff_new_dec1(struct tuff_doc *d, long tenths)
{
	char buf[24];

	return tuff_new_plain(d, tuff_fmt_dec1(buf, tenths));
}

struct tuff_node *
tuff_new_bool(struct tuff_doc *d, int v)
{
	return tuff_new_plain(d, v ? "true" : "false");
}

struct tuff_node *
tuff_new_null(struct tuff_doc *d)
{
	return tuff_new_plain(d, "null");
}

struct tuff_node *
tuff_new_seq(struct tuff_doc *d)
{
	return new_node(d, TUFF_SEQ);
}

struct tuff_node *
tuff_new_map(struct tuff_doc *d)
{
	return new_node(d, TUFF_MAP);
}

struct tuff_node *
tuff_copy(struct tuff_doc *d, const struct tuff_node *src)
{
	struct tuff_node *n;
	size_t i;

	if (src == NULL || (n = new_node(d, src->type)) == NULL)
		return NULL;
	n->style = src->style;
	n->utf8ok = src->utf8ok;
	n->line = src->line;
	n->column = src->column;
	if (src->tag != NULL && (n->tag = tuff_strdup(d, src->tag)) == NULL)
		return NULL;
	switch (src->type) {
	case TUFF_SCALAR:
		if ((n->u.s.val = tuff_strndup(d, src->u.s.val,
		    src->u.s.len)) == NULL)
			return NULL;
		n->u.s.len = src->u.s.len;
		break;
	case TUFF_SEQ:
		for (i = 0; i < src->u.seq.n; i++)
			tuff_seq_push(d, n, tuff_copy(d, src->u.seq.items[i]));
		break;
	case TUFF_MAP:
		for (i = 0; i < src->u.map.n; i++)
			tuff_map_push(d, n, tuff_copy(d, src->u.map.pairs[i].key),
			    tuff_copy(d, src->u.map.pairs[i].val));
		break;
	}
	return d->nomem ? NULL : n;
}

/*
 * Grow a collection's array in the arena, doubling; old arrays stay
 * behind in the arena until the document goes.  NULL on ENOMEM, and
 * the array as it was.
 */
static void *
grow(struct tuff_doc *d, void *old, size_t n, size_t *cap, size_t elem)
{
	size_t c;
	void *p;

	if (n < *cap)
		return old;
	c = *cap ? *cap * 2 : 4;
	if (c > SIZE_MAX / elem / 2 || (p = tuff_alloc(d, c * elem)) == NULL) {
		d->nomem = 1;
		return NULL;
	}
	if (n > 0)
		memcpy(p, old, n * elem);
	*cap = c;
	return p;
}

void
tuff_seq_push(struct tuff_doc *d, struct tuff_node *seq, struct tuff_node *item)
{
	struct tuff_node **items;

	if (seq == NULL || item == NULL || (items = grow(d, seq->u.seq.items,
	    seq->u.seq.n, &seq->u.seq.cap, sizeof(*items))) == NULL)
		return;
	seq->u.seq.items = items;
	seq->u.seq.items[seq->u.seq.n++] = item;
}

void
tuff_map_push(struct tuff_doc *d, struct tuff_node *map, struct tuff_node *key,
    struct tuff_node *val)
{
	struct tuff_pair *pairs;

	if (map == NULL || key == NULL || val == NULL ||
	    (pairs = grow(d, map->u.map.pairs, map->u.map.n, &map->u.map.cap,
	    sizeof(*pairs))) == NULL)
		return;
	map->u.map.pairs = pairs;
	map->u.map.pairs[map->u.map.n].key = key;
	map->u.map.pairs[map->u.map.n++].val = val;
}

static struct tuff_pair *
find_pair(const struct tuff_node *map, const char *key)
{
	size_t i, len;
	struct tuff_node *k;

	if (map == NULL || map->type != TUFF_MAP)
		return NULL;
	len = strlen(key);
	for (i = 0; i < map->u.map.n; i++) {
		k = map->u.map.pairs[i].key;
		if (k->type == TUFF_SCALAR && k->u.s.len == len &&
		    memcmp(k->u.s.val, key, len) == 0)
			return &map->u.map.pairs[i];
	}
	return NULL;
}

void
tuff_map_set(struct tuff_doc *d, struct tuff_node *map, const char *key,
    struct tuff_node *val)
{
	struct tuff_pair *p;

	if (map == NULL || val == NULL)
		return;
	if ((p = find_pair(map, key)) != NULL) {
		p->val = val;
		return;
	}
	tuff_map_push(d, map, tuff_new_str(d, key), val);
}

int
tuff_map_del(struct tuff_node *map, const char *key)
{
	struct tuff_pair *p;
	size_t i;

	if ((p = find_pair(map, key)) == NULL)
		return 0;
	i = (size_t)(p - map->u.map.pairs);
	memmove(p, p + 1, (map->u.map.n - i - 1) * sizeof(*p));
	map->u.map.n--;
	return 1;
}

struct tuff_node *
tuff_map_get(const struct tuff_node *map, const char *key)
{
	struct tuff_pair *p = find_pair(map, key);

	return p != NULL ? p->val : NULL;
}

const char *
tuff_type_name(const struct tuff_node *n)
{
	switch (n->type) {
	case TUFF_SEQ:
		return _("a sequence");
	case TUFF_MAP:
		return _("a mapping");
	default:
		return _("a scalar");
	}
}

const char *
tuff_str(const struct tuff_node *n)
{
	return n != NULL && n->type == TUFF_SCALAR ? n->u.s.val : NULL;
}

/* By the one rule (scalar.h): a !!null on other text is no null. */
int
tuff_is_null(const struct tuff_node *n)
{
	struct tuff_scalar s;

	if (n == NULL)
		return 1;
	if (n->type != TUFF_SCALAR)
		return 0;
	s = tuff_scalar_of(n);
	return tuff_scalar_type(&s) == TUFF_T_NULL;
}

int
tuff_is_empty(const struct tuff_node *n)
{
	if (tuff_is_null(n))
		return 1;
	switch (n->type) {
	case TUFF_SCALAR:
		return n->u.s.len == 0;
	case TUFF_SEQ:
		return n->u.seq.n == 0;
	case TUFF_MAP:
		return n->u.map.n == 0;
	}
	return 0;
}

/*
 * By the one rule (scalar.h): a plain 0 or [1-9][0-9]*, or !!int on
 * such a text.  A quoted "5" is a string; 007 and +5 are numbers that
 * are not integers here (YAML 1.1 readers take 010 for octal).
 */
int
tuff_get_int(const struct tuff_node *n, long min, long max, long *out)
{
	struct tuff_scalar s;

	if (n == NULL || n->type != TUFF_SCALAR || min < 0)
		return -1;
	s = tuff_scalar_of(n);
	return tuff_scalar_int(&s, min, max, out);
}

static int
is_one_of(const char *s, size_t len, const char *const *words)
{
	for (; *words != NULL; words++)
		if (strlen(*words) == len && memcmp(s, *words, len) == 0)
			return 1;
	return 0;
}

/*
 * Conservative on purpose: anything a YAML 1.1 or 1.2 reader might take
 * for null, a bool or a number is quoted, so "2018" or "no" read back
 * as the strings they are.
 */
int
tuff_plain_is_special(const char *s, size_t len)
{
	static const char *const words[] = {
		"~", "null", "Null", "NULL",
		"true", "True", "TRUE", "false", "False", "FALSE",
		"yes", "Yes", "YES", "no", "No", "NO",
		"on", "On", "ON", "off", "Off", "OFF",
		"y", "Y", "n", "N",
		".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN",
		NULL
	};
	if (len == 0 || is_one_of(s, len, words))
		return 1;
	if (s[0] == '+' || s[0] == '-') {
		s++;
		len--;
		if (is_one_of(s, len, words))	/* -.inf */
			return 1;
	}
	if (len > 0 && s[0] == '.') {
		s++;
		len--;
	}
	return len > 0 && s[0] >= '0' && s[0] <= '9';
}

int
tuff_node_err(struct tuff_error *e, const struct tuff_doc *doc,
    const struct tuff_node *n, const char *fmt, ...)
{
	va_list ap;

	e->file = doc != NULL ? doc->file : NULL;
	if (n != NULL && n->line > 0) {
		e->line = n->line;
		e->column = n->column;
	} else {
		e->line = doc != NULL ? doc->line : 0;
		e->column = doc != NULL ? doc->column : 0;
	}
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), *fmt == '\0' ? fmt : _(fmt), ap);
	va_end(ap);
	return -1;
}
