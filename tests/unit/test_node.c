/*
 * Unit tests for records in memory: the builders, mapping edits, deep
 * copies, and the questions tools ask of a node (null? empty? an int?
 * would it read back as a string?).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tuff/node.h"
#include "tuff/record.h"

#define NULL_TAG	"tag:yaml.org,2002:null"
#define INT_TAG		"tag:yaml.org,2002:int"
#define STR_TAG		"tag:yaml.org,2002:str"

static int
setup(void **state)
{
	*state = tuff_doc_new();
	return *state == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	tuff_doc_free(*state);
	return 0;
}

/* A scalar as the reader would make it: given style and tag. */
static struct tuff_node *
scalar(struct tuff_doc *d, const char *s, enum tuff_style st, const char *tag)
{
	struct tuff_node *n = tuff_new_plain(d, s);

	n->style = (unsigned char)st;
	n->tag = tag != NULL ? tuff_strdup(d, tag) : NULL;
	return n;
}

static void
assert_scalar(const struct tuff_node *n, const char *val, enum tuff_style st)
{
	assert_non_null(n);
	assert_int_equal(n->type, TUFF_SCALAR);
	assert_string_equal(n->u.s.val, val);
	assert_int_equal(n->u.s.len, strlen(val));
	assert_int_equal(n->style, st);
	assert_null(n->tag);
	assert_int_equal(n->line, 0);
}

/* The key of pair i of map is the string s. */
static void
assert_key(const struct tuff_node *map, size_t i, const char *s)
{
	assert_true(i < map->u.map.n);
	assert_string_equal(tuff_str(map->u.map.pairs[i].key), s);
}

static void
test_doc_new(void **state)
{
	struct tuff_doc *d = *state;

	assert_null(d->root);
	assert_null(d->kind);
	assert_null(d->file);
	assert_int_equal(d->line, 0);
	tuff_doc_free(NULL);
}

static void
test_strdup(void **state)
{
	struct tuff_doc *d = *state;
	char *s;

	s = tuff_strdup(d, "Växjö");
	assert_string_equal(s, "Växjö");
	s = tuff_strndup(d, "a\0b", 3);
	assert_memory_equal(s, "a\0b", 4);	/* and a NUL after */
	s = tuff_strndup(d, "abcdef", 2);
	assert_string_equal(s, "ab");
	s = tuff_strdup(d, "");
	assert_string_equal(s, "");
}

/*
 * tuff_new_str makes text that reads back as text: anything plain YAML
 * would take for a number, bool or null is single-quoted.
 */
static void
test_new_str(void **state)
{
	static const char *special[] = { "2018", "yes", "no", "null", "~",
	    "", "-1.5", ".inf", "-.inf", "true", "False", "0", "+1", NULL };
	static const char *text[] = { "hej", "Åsa Öberg", "enhet/äldreomsorg",
	    "-", "yesterday", "nullable", NULL };
	struct tuff_doc *d = *state;
	const char **p;

	for (p = special; *p != NULL; p++)
		assert_scalar(tuff_new_str(d, *p), *p, TUFF_SINGLE);
	for (p = text; *p != NULL; p++)
		assert_scalar(tuff_new_str(d, *p), *p, TUFF_ANY);
}

static void
test_new_plain_and_numbers(void **state)
{
	struct tuff_doc *d = *state;

	assert_scalar(tuff_new_plain(d, "2018-05-01"), "2018-05-01",
	    TUFF_PLAIN);
	assert_scalar(tuff_new_int(d, 0), "0", TUFF_PLAIN);
	assert_scalar(tuff_new_int(d, -42), "-42", TUFF_PLAIN);
	assert_scalar(tuff_new_int(d, LONG_MAX), "9223372036854775807",
	    TUFF_PLAIN);
	assert_scalar(tuff_new_int(d, LONG_MIN), "-9223372036854775808",
	    TUFF_PLAIN);
	assert_scalar(tuff_new_dec1(d, 851), "85.1", TUFF_PLAIN);
	assert_scalar(tuff_new_dec1(d, -5), "-0.5", TUFF_PLAIN);
	assert_scalar(tuff_new_dec1(d, 0), "0.0", TUFF_PLAIN);
	assert_scalar(tuff_new_dec1(d, -265), "-26.5", TUFF_PLAIN);
	assert_scalar(tuff_new_dec1(d, 1000), "100.0", TUFF_PLAIN);
	assert_scalar(tuff_new_bool(d, 1), "true", TUFF_PLAIN);
	assert_scalar(tuff_new_bool(d, 7), "true", TUFF_PLAIN);
	assert_scalar(tuff_new_bool(d, 0), "false", TUFF_PLAIN);
	assert_scalar(tuff_new_null(d), "null", TUFF_PLAIN);
	assert_true(tuff_is_null(tuff_new_null(d)));
}

static void
test_fmt_dec1(void **state)
{
	char buf[24];

	(void)state;
	assert_string_equal(tuff_fmt_dec1(buf, 0), "0.0");
	assert_string_equal(tuff_fmt_dec1(buf, 5), "0.5");
	assert_string_equal(tuff_fmt_dec1(buf, -5), "-0.5");
	assert_string_equal(tuff_fmt_dec1(buf, -10), "-1.0");
	assert_string_equal(tuff_fmt_dec1(buf, 851), "85.1");
	assert_string_equal(tuff_fmt_dec1(buf, -125), "-12.5");
	assert_string_equal(tuff_fmt_dec1(buf, LONG_MAX),
	    "922337203685477580.7");
	assert_string_equal(tuff_fmt_dec1(buf, LONG_MIN),
	    "-922337203685477580.8");
	assert_ptr_equal(tuff_fmt_dec1(buf, 1), buf);
}

/* Collections grow past their first allocation and keep their order. */
static void
test_seq_map_push(void **state)
{
	struct tuff_doc *d = *state;
	struct tuff_node *seq = tuff_new_seq(d), *map = tuff_new_map(d);
	char key[16];
	long v;
	size_t i;

	assert_int_equal(seq->type, TUFF_SEQ);
	assert_int_equal(seq->u.seq.n, 0);
	assert_int_equal(map->type, TUFF_MAP);
	assert_int_equal(map->u.map.n, 0);
	for (i = 0; i < 1000; i++) {
		tuff_seq_push(d, seq, tuff_new_int(d, (long)i));
		snprintf(key, sizeof(key), "k%zu", i);
		tuff_map_push(d, map, tuff_new_str(d, key),
		    tuff_new_int(d, (long)i));
	}
	assert_int_equal(seq->u.seq.n, 1000);
	assert_int_equal(map->u.map.n, 1000);
	for (i = 0; i < 1000; i++) {
		assert_int_equal(tuff_get_int(seq->u.seq.items[i], 0, 999, &v),
		    0);
		assert_int_equal(v, (long)i);
		snprintf(key, sizeof(key), "k%zu", i);
		assert_key(map, i, key);
		assert_int_equal(tuff_get_int(tuff_map_get(map, key), 0, 999,
		    &v), 0);
		assert_int_equal(v, (long)i);
	}
	/* map_push does not look for an existing key. */
	tuff_map_push(d, map, tuff_new_str(d, "k0"), tuff_new_int(d, 1));
	assert_int_equal(map->u.map.n, 1001);
	assert_int_equal(tuff_get_int(tuff_map_get(map, "k0"), 0, 1, &v), 0);
	assert_int_equal(v, 0);		/* the first one wins */
}

static struct tuff_node *
abc_map(struct tuff_doc *d)
{
	struct tuff_node *m = tuff_new_map(d);

	tuff_map_push(d, m, tuff_new_str(d, "a"), tuff_new_int(d, 1));
	tuff_map_push(d, m, tuff_new_str(d, "b"), tuff_new_int(d, 2));
	tuff_map_push(d, m, tuff_new_str(d, "c"), tuff_new_int(d, 3));
	return m;
}

/* Replacing keeps the key's place; a new key goes at the end. */
static void
test_map_set(void **state)
{
	struct tuff_doc *d = *state;
	struct tuff_node *m = abc_map(d);
	struct tuff_node *x = tuff_new_str(d, "x");

	tuff_map_set(d, m, "b", x);
	assert_int_equal(m->u.map.n, 3);
	assert_key(m, 0, "a");
	assert_key(m, 1, "b");
	assert_key(m, 2, "c");
	assert_ptr_equal(m->u.map.pairs[1].val, x);
	assert_ptr_equal(tuff_map_get(m, "b"), x);

	tuff_map_set(d, m, "d", tuff_new_int(d, 4));
	assert_int_equal(m->u.map.n, 4);
	assert_key(m, 3, "d");
	assert_string_equal(tuff_str(tuff_map_get(m, "d")), "4");

	/* A new key that would read as a number stays a string key. */
	tuff_map_set(d, m, "2018", tuff_new_int(d, 5));
	assert_int_equal(m->u.map.n, 5);
	assert_int_equal(m->u.map.pairs[4].key->style, TUFF_SINGLE);
	assert_string_equal(tuff_str(tuff_map_get(m, "2018")), "5");
}

static void
test_map_del(void **state)
{
	struct tuff_doc *d = *state;
	struct tuff_node *m = abc_map(d);

	assert_int_equal(tuff_map_del(m, "z"), 0);
	assert_int_equal(m->u.map.n, 3);
	assert_int_equal(tuff_map_del(m, "b"), 1);
	assert_int_equal(m->u.map.n, 2);
	assert_key(m, 0, "a");
	assert_key(m, 1, "c");
	assert_null(tuff_map_get(m, "b"));
	assert_int_equal(tuff_map_del(m, "b"), 0);
	assert_int_equal(tuff_map_del(m, "c"), 1);	/* the last */
	assert_int_equal(m->u.map.n, 1);
	assert_key(m, 0, "a");
	assert_int_equal(tuff_map_del(m, "a"), 1);	/* the only one */
	assert_int_equal(m->u.map.n, 0);
	assert_int_equal(tuff_map_del(m, "a"), 0);
	/* And the mapping is usable after. */
	tuff_map_set(d, m, "e", tuff_new_int(d, 5));
	assert_int_equal(m->u.map.n, 1);
	assert_key(m, 0, "e");
	/* Not a mapping: nothing to delete. */
	assert_int_equal(tuff_map_del(tuff_new_seq(d), "a"), 0);
	assert_int_equal(tuff_map_del(NULL, "a"), 0);
}

/* Lookups answer "absent" for NULL, non-mappings and non-scalar keys. */
static void
test_map_get(void **state)
{
	struct tuff_doc *d = *state;
	struct tuff_node *m = tuff_new_map(d), *seqkey = tuff_new_seq(d);

	tuff_seq_push(d, seqkey, tuff_new_str(d, "a"));
	tuff_map_push(d, m, seqkey, tuff_new_int(d, 1));
	tuff_map_push(d, m, tuff_new_str(d, "ab"), tuff_new_int(d, 2));
	assert_null(tuff_map_get(m, "a"));
	assert_null(tuff_map_get(m, "abc"));
	assert_null(tuff_map_get(m, ""));
	assert_string_equal(tuff_str(tuff_map_get(m, "ab")), "2");
	assert_null(tuff_map_get(NULL, "a"));
	assert_null(tuff_map_get(seqkey, "a"));
	assert_null(tuff_map_get(tuff_new_str(d, "a"), "a"));
	assert_null(tuff_str(NULL));
	assert_null(tuff_str(m));
	assert_null(tuff_str(seqkey));
}

/* A key with a NUL inside is not the C string up to the NUL. */
static void
test_map_get_nul_key(void **state)
{
	struct tuff_doc *d = *state;
	struct tuff_node *m = tuff_new_map(d), *k = tuff_new_str(d, "");

	k->u.s.val = tuff_strndup(d, "kind\0x", 6);
	k->u.s.len = 6;
	tuff_map_push(d, m, k, tuff_new_str(d, "v"));
	assert_null(tuff_map_get(m, "kind"));
}

static struct tuff_node *
sample_tree(struct tuff_doc *d)
{
	struct tuff_node *m = tuff_new_map(d), *s = tuff_new_seq(d);
	struct tuff_node *inner = tuff_new_map(d), *t;

	t = scalar(d, "Åre", TUFF_DOUBLE, STR_TAG);
	t->line = 3;
	t->column = 7;
	tuff_map_push(d, m, tuff_new_str(d, "kind"), tuff_new_str(d, "x"));
	tuff_map_push(d, m, tuff_new_str(d, "name"), t);
	tuff_seq_push(d, s, tuff_new_int(d, 1));
	tuff_seq_push(d, s, tuff_new_null(d));
	s->style = 1;	/* flow */
	tuff_map_push(d, m, tuff_new_str(d, "list"), s);
	tuff_map_push(d, inner, tuff_new_str(d, "deep"), tuff_new_bool(d, 0));
	inner->tag = tuff_strdup(d, "!custom");
	tuff_map_push(d, m, tuff_new_str(d, "inner"), inner);
	return m;
}

/* Are two trees the same in every field the writer or diagnostics use? */
static void
assert_same_tree(const struct tuff_node *a, const struct tuff_node *b)
{
	size_t i;

	assert_int_equal(a->type, b->type);
	assert_int_equal(a->style, b->style);
	assert_int_equal(a->line, b->line);
	assert_int_equal(a->column, b->column);
	if (a->tag == NULL)
		assert_null(b->tag);
	else {
		assert_non_null(b->tag);
		assert_string_equal(a->tag, b->tag);
		assert_ptr_not_equal(a->tag, b->tag);
	}
	switch (a->type) {
	case TUFF_SCALAR:
		assert_int_equal(a->u.s.len, b->u.s.len);
		assert_memory_equal(a->u.s.val, b->u.s.val, a->u.s.len + 1);
		assert_ptr_not_equal(a->u.s.val, b->u.s.val);
		break;
	case TUFF_SEQ:
		assert_int_equal(a->u.seq.n, b->u.seq.n);
		for (i = 0; i < a->u.seq.n; i++)
			assert_same_tree(a->u.seq.items[i], b->u.seq.items[i]);
		break;
	case TUFF_MAP:
		assert_int_equal(a->u.map.n, b->u.map.n);
		for (i = 0; i < a->u.map.n; i++) {
			assert_same_tree(a->u.map.pairs[i].key,
			    b->u.map.pairs[i].key);
			assert_same_tree(a->u.map.pairs[i].val,
			    b->u.map.pairs[i].val);
		}
		break;
	}
	assert_ptr_not_equal(a, b);
}

/*
 * A copy into another document is whole and independent: changing the
 * copy leaves the original, and the copy outlives the original's doc.
 */
static void
test_copy(void **state)
{
	struct tuff_doc *d = *state, *src = tuff_doc_new();
	struct tuff_node *orig, *copy, *other, *n;

	assert_non_null(src);
	orig = sample_tree(src);
	/* A scalar holding a NUL is copied whole. */
	n = tuff_new_str(src, "");
	n->u.s.val = tuff_strndup(src, "a\0b", 3);
	n->u.s.len = 3;
	tuff_seq_push(src, tuff_map_get(orig, "list"), n);

	copy = tuff_copy(d, orig);
	assert_same_tree(orig, copy);
	other = tuff_copy(d, orig);

	tuff_map_set(d, other, "name", tuff_new_str(d, "changed"));
	tuff_seq_push(d, tuff_map_get(other, "list"), tuff_new_int(d, 9));
	tuff_map_del(tuff_map_get(other, "inner"), "deep");
	assert_string_equal(tuff_str(tuff_map_get(orig, "name")), "Åre");
	assert_int_equal(tuff_map_get(orig, "list")->u.seq.n, 3);
	assert_int_equal(tuff_map_get(orig, "inner")->u.map.n, 1);
	assert_same_tree(orig, copy);

	tuff_doc_free(src);	/* ASan: nothing may point into src */
	n = tuff_map_get(copy, "name");
	assert_string_equal(tuff_str(n), "Åre");
	assert_string_equal(n->tag, STR_TAG);
	assert_int_equal(n->style, TUFF_DOUBLE);
	assert_int_equal(n->line, 3);
	assert_int_equal(n->column, 7);
	n = tuff_map_get(copy, "list");
	assert_int_equal(n->style, 1);
	assert_int_equal(n->u.seq.n, 3);
	assert_memory_equal(n->u.seq.items[2]->u.s.val, "a\0b", 4);
	assert_int_equal(n->u.seq.items[2]->u.s.len, 3);
	n = tuff_map_get(copy, "inner");
	assert_string_equal(n->tag, "!custom");
	assert_string_equal(tuff_str(tuff_map_get(n, "deep")), "false");

	assert_null(tuff_copy(d, NULL));
}

static void
test_is_null(void **state)
{
	struct tuff_doc *d = *state;

	assert_true(tuff_is_null(NULL));
	assert_true(tuff_is_null(scalar(d, "", TUFF_PLAIN, NULL)));
	assert_true(tuff_is_null(scalar(d, "~", TUFF_PLAIN, NULL)));
	assert_true(tuff_is_null(scalar(d, "null", TUFF_PLAIN, NULL)));
	assert_true(tuff_is_null(scalar(d, "Null", TUFF_PLAIN, NULL)));
	assert_true(tuff_is_null(scalar(d, "NULL", TUFF_PLAIN, NULL)));
	/* Quoted, it is the text. */
	assert_false(tuff_is_null(scalar(d, "null", TUFF_SINGLE, NULL)));
	assert_false(tuff_is_null(scalar(d, "~", TUFF_DOUBLE, NULL)));
	assert_false(tuff_is_null(scalar(d, "", TUFF_DOUBLE, NULL)));
	assert_false(tuff_is_null(tuff_new_str(d, "null")));
	/* Not the core schema's spellings. */
	assert_false(tuff_is_null(scalar(d, "nULL", TUFF_PLAIN, NULL)));
	assert_false(tuff_is_null(scalar(d, "none", TUFF_PLAIN, NULL)));
	assert_false(tuff_is_null(scalar(d, "nulls", TUFF_PLAIN, NULL)));
	assert_false(tuff_is_null(scalar(d, "0", TUFF_PLAIN, NULL)));
	/* A tag on a text that agrees; one that contradicts is no null. */
	assert_true(tuff_is_null(scalar(d, "", TUFF_PLAIN, NULL_TAG)));
	assert_true(tuff_is_null(scalar(d, "~", TUFF_PLAIN, NULL_TAG)));
	assert_true(tuff_is_null(scalar(d, "null", TUFF_SINGLE, NULL_TAG)));
	assert_false(tuff_is_null(scalar(d, "x", TUFF_SINGLE, NULL_TAG)));
	assert_false(tuff_is_null(scalar(d, "5", TUFF_PLAIN, NULL_TAG)));
	assert_false(tuff_is_null(scalar(d, "null", TUFF_PLAIN, STR_TAG)));
	assert_false(tuff_is_null(scalar(d, "", TUFF_PLAIN, "!")));
	/* Collections are never null, even empty ones. */
	assert_false(tuff_is_null(tuff_new_seq(d)));
	assert_false(tuff_is_null(tuff_new_map(d)));
}

static void
test_is_empty(void **state)
{
	struct tuff_doc *d = *state;
	struct tuff_node *seq = tuff_new_seq(d), *map = tuff_new_map(d);

	assert_true(tuff_is_empty(NULL));
	assert_true(tuff_is_empty(tuff_new_null(d)));
	assert_true(tuff_is_empty(scalar(d, "~", TUFF_PLAIN, NULL)));
	assert_true(tuff_is_empty(scalar(d, "", TUFF_DOUBLE, NULL)));
	assert_true(tuff_is_empty(scalar(d, "", TUFF_SINGLE, NULL)));
	assert_true(tuff_is_empty(seq));
	assert_true(tuff_is_empty(map));
	assert_false(tuff_is_empty(scalar(d, " ", TUFF_DOUBLE, NULL)));
	assert_false(tuff_is_empty(scalar(d, "0", TUFF_PLAIN, NULL)));
	assert_false(tuff_is_empty(scalar(d, "null", TUFF_DOUBLE, NULL)));
	assert_false(tuff_is_empty(scalar(d, "false", TUFF_PLAIN, NULL)));
	tuff_seq_push(d, seq, tuff_new_null(d));
	assert_false(tuff_is_empty(seq));
	tuff_map_push(d, map, tuff_new_str(d, "a"), tuff_new_null(d));
	assert_false(tuff_is_empty(map));
}

/* tuff_get_int on a plain scalar s in [min, max]: its return value. */
static int
get_int(struct tuff_doc *d, const char *s, long min, long max, long *out)
{
	return tuff_get_int(scalar(d, s, TUFF_PLAIN, NULL), min, max, out);
}

static void
assert_int_ok(struct tuff_doc *d, const char *s, long want)
{
	long v = 12345;

	if (get_int(d, s, 0, LONG_MAX, &v) != 0)
		fail_msg("\"%s\" was refused", s);
	assert_int_equal(v, want);
}

static void
assert_int_bad(struct tuff_doc *d, const char *s)
{
	long v = 12345;

	if (get_int(d, s, 0, LONG_MAX, &v) != -1)
		fail_msg("\"%s\" was taken for %ld", s, v);
	assert_int_equal(v, 12345);	/* untouched */
}

/* The one rule of scalar.h: 0 or [1-9][0-9]*, plain or !!int. */
static void
test_get_int(void **state)
{
	struct tuff_doc *d = *state;
	struct tuff_node *n;
	long v = 0;

	assert_int_ok(d, "0", 0);
	assert_int_ok(d, "7", 7);
	assert_int_ok(d, "100", 100);
	assert_int_ok(d, "9223372036854775807", LONG_MAX);

	/* Signs: records hold no negative integers, and +7 is written 7. */
	assert_int_bad(d, "+7");
	assert_int_bad(d, "-7");
	assert_int_bad(d, "-0");
	assert_int_bad(d, "+0");
	/* Leading zeros: YAML 1.1 readers take them as octal. */
	assert_int_bad(d, "007");
	assert_int_bad(d, "00");
	assert_int_bad(d, "-01");
	assert_int_bad(d, "+010");
	/* Other bases and forms YAML knows but records do not use. */
	assert_int_bad(d, "0x1f");
	assert_int_bad(d, "0o17");
	assert_int_bad(d, "1_000");
	assert_int_bad(d, "1e3");
	assert_int_bad(d, "1.0");
	assert_int_bad(d, "1:30");
	/* Not numbers at all. */
	assert_int_bad(d, "");
	assert_int_bad(d, "+");
	assert_int_bad(d, "-");
	assert_int_bad(d, "+-1");
	assert_int_bad(d, "--1");
	assert_int_bad(d, " 1");
	assert_int_bad(d, "1 ");
	assert_int_bad(d, "1a");
	assert_int_bad(d, "ett");
	assert_int_bad(d, "null");
	/* Overflow. */
	assert_int_bad(d, "9223372036854775808");
	assert_int_bad(d, "99999999999999999999999");

	/* The range is inclusive at both ends. */
	assert_int_equal(get_int(d, "1", 1, 5, &v), 0);
	assert_int_equal(v, 1);
	assert_int_equal(get_int(d, "5", 1, 5, &v), 0);
	assert_int_equal(v, 5);
	assert_int_equal(get_int(d, "0", 1, 5, &v), -1);
	assert_int_equal(get_int(d, "6", 1, 5, &v), -1);
	/* A negative minimum is refused, not misread. */
	assert_int_equal(get_int(d, "3", -1, 5, &v), -1);
	assert_int_equal(v, 5);

	/* Quoted, it is a string, not a number. */
	assert_int_equal(tuff_get_int(scalar(d, "5", TUFF_SINGLE, NULL),
	    0, 9, &v), -1);
	assert_int_equal(tuff_get_int(scalar(d, "5", TUFF_DOUBLE, NULL),
	    0, 9, &v), -1);
	assert_int_equal(tuff_get_int(scalar(d, "5", TUFF_LITERAL, NULL),
	    0, 9, &v), -1);
	assert_int_equal(tuff_get_int(tuff_new_str(d, "5"), 0, 9, &v), -1);
	/* !!int makes even a quoted one a number; !!str and ! a string. */
	assert_int_equal(tuff_get_int(scalar(d, "5", TUFF_PLAIN, INT_TAG),
	    0, 9, &v), 0);
	assert_int_equal(v, 5);
	assert_int_equal(tuff_get_int(scalar(d, "6", TUFF_DOUBLE, INT_TAG),
	    0, 9, &v), 0);
	assert_int_equal(v, 6);
	assert_int_equal(tuff_get_int(scalar(d, "07", TUFF_PLAIN, INT_TAG),
	    0, 9, &v), -1);
	assert_int_equal(tuff_get_int(scalar(d, "5", TUFF_PLAIN, STR_TAG),
	    0, 9, &v), -1);
	assert_int_equal(tuff_get_int(scalar(d, "5", TUFF_PLAIN, "!"),
	    0, 9, &v), -1);
	assert_int_equal(v, 6);

	/* A NUL inside: "5\0" is not 5. */
	n = scalar(d, "", TUFF_PLAIN, NULL);
	n->u.s.val = tuff_strndup(d, "5\0", 2);
	n->u.s.len = 2;
	assert_int_equal(tuff_get_int(n, 0, 9, &v), -1);

	/* Not a scalar. */
	assert_int_equal(tuff_get_int(NULL, 0, 9, &v), -1);
	assert_int_equal(tuff_get_int(tuff_new_seq(d), 0, 9, &v), -1);
	assert_int_equal(tuff_get_int(tuff_new_map(d), 0, 9, &v), -1);
	/* What the builder makes reads back. */
	assert_int_equal(tuff_get_int(tuff_new_int(d, 42), 0, 100, &v), 0);
	assert_int_equal(v, 42);
}

static void
assert_special(const char *s, int want)
{
	if (tuff_plain_is_special(s, strlen(s)) != want)
		fail_msg("tuff_plain_is_special(\"%s\") is not %d", s, want);
}

static void
test_plain_is_special(void **state)
{
	static const char *yes[] = {
	    "", "~", "null", "Null", "NULL",
	    "true", "True", "TRUE", "false", "False", "FALSE",
	    "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON",
	    "off", "Off", "OFF", "y", "Y", "n", "N",
	    "0", "2018", "-1", "+1", "-1.5", "1.5", ".5", "-.5", "+.5",
	    "1e3", "0x1F", "0o17", "1_000", "12:30", "2018-05-01",
	    ".inf", ".Inf", ".INF", "-.inf", "+.inf", "-.Inf",
	    ".nan", ".NaN", ".NAN", NULL };
	static const char *no[] = {
	    "a", "hej", "Östersund", "yess", "nope", "nul", "Nej", "ja",
	    "-", "+", ".", "-.", "-a", ".a", "inf", "nan", "NaN", "tRUE",
	    "on-call", "x2018", "enhet/2018", NULL };
	const char **p;

	(void)state;
	for (p = yes; *p != NULL; p++)
		assert_special(*p, 1);
	for (p = no; *p != NULL; p++)
		assert_special(*p, 0);
	/* Only len bytes count. */
	assert_int_equal(tuff_plain_is_special("yesterday", 3), 1);
	assert_int_equal(tuff_plain_is_special("nullx", 4), 1);
	assert_int_equal(tuff_plain_is_special("ab12", 2), 0);
}

static void
test_node_err(void **state)
{
	struct tuff_doc *d = *state;
	struct tuff_error e;
	struct tuff_node *placed = tuff_new_str(d, "x");

	d->file = "in.yaml";
	d->line = 4;
	d->column = 1;
	placed->line = 6;
	placed->column = 9;

	memset(&e, 0, sizeof(e));
	assert_int_equal(tuff_node_err(&e, d, placed, "bad %s %d", "x", 3), -1);
	assert_string_equal(e.file, "in.yaml");
	assert_int_equal(e.line, 6);
	assert_int_equal(e.column, 9);
	assert_string_equal(e.msg, "bad x 3");

	/* A node built here has no position: the record's is used. */
	assert_int_equal(tuff_node_err(&e, d, tuff_new_str(d, "y"), "m"), -1);
	assert_int_equal(e.line, 4);
	assert_int_equal(e.column, 1);
	assert_int_equal(tuff_node_err(&e, d, NULL, "m"), -1);
	assert_int_equal(e.line, 4);
	assert_int_equal(e.column, 1);

	/* No document: no position. */
	assert_int_equal(tuff_node_err(&e, NULL, NULL, "m"), -1);
	assert_null(e.file);
	assert_int_equal(e.line, 0);
	assert_int_equal(e.column, 0);
}

/* A message longer than the buffer is cut, still NUL-terminated. */
static void
test_node_err_long(void **state)
{
	struct tuff_doc *d = *state;
	struct tuff_error e;
	char big[2000];

	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	tuff_node_err(&e, d, NULL, "%s", big);
	assert_int_equal(strlen(e.msg), sizeof(e.msg) - 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_doc_new, setup, teardown),
		cmocka_unit_test_setup_teardown(test_strdup, setup, teardown),
		cmocka_unit_test_setup_teardown(test_new_str, setup, teardown),
		cmocka_unit_test_setup_teardown(test_new_plain_and_numbers,
		    setup, teardown),
		cmocka_unit_test(test_fmt_dec1),
		cmocka_unit_test_setup_teardown(test_seq_map_push, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_map_set, setup, teardown),
		cmocka_unit_test_setup_teardown(test_map_del, setup, teardown),
		cmocka_unit_test_setup_teardown(test_map_get, setup, teardown),
		cmocka_unit_test_setup_teardown(test_map_get_nul_key, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_copy, setup, teardown),
		cmocka_unit_test_setup_teardown(test_is_null, setup, teardown),
		cmocka_unit_test_setup_teardown(test_is_empty, setup, teardown),
		cmocka_unit_test_setup_teardown(test_get_int, setup, teardown),
		cmocka_unit_test(test_plain_is_special),
		cmocka_unit_test_setup_teardown(test_node_err, setup, teardown),
		cmocka_unit_test_setup_teardown(test_node_err_long, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
