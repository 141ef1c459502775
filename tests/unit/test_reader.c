/*
 * Unit tests for the record reader: every limit of SPEC §2 with its
 * exact 1-based position and message, documents and kinds, the event
 * layer, and the builder as hme-score drives it.
 */
#define _GNU_SOURCE	/* fopencookie */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include <cmocka.h>

#include "tuff/record.h"

#include "util.h"

#define KIB	1024UL
#define MIB	(1024UL * 1024)

/* What a byte that is not UTF-8 is reported as. */
#define NOT_UTF8(byte)	"byte " byte " is not UTF-8: the file is not " \
	"UTF-8 (Windows-1252?); convert it with: iconv -f WINDOWS-1252 " \
	"-t UTF-8"

/* A growing byte buffer for generated inputs. */
struct buf {
	char	*p;
	size_t	 len, cap;
};

static void
bput(struct buf *b, const void *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->p = realloc(b->p, b->cap);
		assert_non_null(b->p);
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void
bstr(struct buf *b, const char *s)
{
	bput(b, s, strlen(s));
}

static void
brep(struct buf *b, const char *s, size_t times)
{
	while (times-- > 0)
		bstr(b, s);
}

static void
bprintf(struct buf *b, const char *fmt, ...)
{
	char tmp[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	assert_true(n >= 0 && (size_t)n < sizeof(tmp));
	bput(b, tmp, (size_t)n);
}

/* A reader over len bytes of data. */
struct src {
	FILE			*fp;
	struct tuff_reader	*r;
	struct tuff_doc		*doc;
	struct tuff_error	 e;
};

static void
src_open(struct src *s, const void *data, size_t len)
{
	memset(s, 0, sizeof(*s));
	s->fp = mem_file(data, len);
	s->r = tuff_reader_new(s->fp, "t.yaml");
	assert_non_null(s->r);
}

static void
src_close(struct src *s)
{
	tuff_doc_free(s->doc);
	tuff_reader_free(s->r);
	fclose(s->fp);
}

/* The next document (kept in s->doc), its return value. */
static int
next(struct src *s)
{
	tuff_doc_free(s->doc);
	s->doc = NULL;
	return tuff_reader_next(s->r, &s->doc, &s->e);
}

static void
assert_err(const struct tuff_error *e, unsigned long line, unsigned long col,
    const char *msg)
{
	if (e->line != line || e->column != col || strcmp(e->msg, msg) != 0)
		fail_msg("got %lu:%lu: %s\nwant %lu:%lu: %s", e->line,
		    e->column, e->msg, line, col, msg);
	assert_string_equal(e->file, "t.yaml");
}

/*
 * Reading all of data gives ndocs documents, then an error at line:col
 * with exactly msg; and the reader stays failed after.
 */
static void
expect_error_after(const void *data, size_t len, int ndocs,
    unsigned long line, unsigned long col, const char *msg)
{
	struct src s;
	int rc, n = 0;

	src_open(&s, data, len);
	while ((rc = next(&s)) == 1)
		n++;
	assert_int_equal(rc, -1);
	assert_int_equal(n, ndocs);
	assert_null(s.doc);
	assert_err(&s.e, line, col, msg);
	assert_int_equal(next(&s), -1);
	src_close(&s);
}

/* As expect_error_after, for text without NULs. */
static void
expect_error_n(const char *text, int ndocs, unsigned long line,
    unsigned long col, const char *msg)
{
	expect_error_after(text, strlen(text), ndocs, line, col, msg);
}

static void
expect_error(const char *text, unsigned long line, unsigned long col,
    const char *msg)
{
	expect_error_after(text, strlen(text), 0, line, col, msg);
}

/* Reading all of data gives exactly ndocs documents and no error. */
static void
expect_docs(const void *data, size_t len, int ndocs)
{
	struct src s;
	int rc, n = 0;

	src_open(&s, data, len);
	while ((rc = next(&s)) == 1) {
		assert_non_null(s.doc->root);
		assert_int_equal(s.doc->root->type, TUFF_MAP);
		n++;
	}
	if (rc == -1)
		fail_msg("document %d: %lu:%lu: %s", n + 1, s.e.line,
		    s.e.column, s.e.msg);
	assert_int_equal(rc, 0);
	assert_int_equal(n, ndocs);
	src_close(&s);
}

static void
expect_ok(const char *text, int ndocs)
{
	expect_docs(text, strlen(text), ndocs);
}

/* ---- anchors and aliases ---- */

static void
test_alias(void **state)
{
	(void)state;
	expect_error("a: 1\nb: *x\n", 2, 4, "aliases are not allowed in records");
	expect_error("a: [1, *x]\n", 1, 8, "aliases are not allowed in records");
	expect_error("*x : 1\n", 1, 1, "aliases are not allowed in records");
	/* The anchor is refused first, so the alias is never reached. */
	expect_error("a: &x 1\nb: *x\n", 1, 4,
	    "anchors are not allowed in records (&x)");
}

static void
test_anchor(void **state)
{
	(void)state;
	/* On scalars, after a tag too, and on keys. */
	expect_error("a: &x 1\n", 1, 4,
	    "anchors are not allowed in records (&x)");
	expect_error("a: !!str &lang 1\n", 1, 4,
	    "anchors are not allowed in records (&lang)");
	expect_error("a: 1\n&k b: 2\n", 2, 1,
	    "anchors are not allowed in records (&k)");
	/* On sequences, block and flow. */
	expect_error("a: &s [1]\n", 1, 4,
	    "anchors are not allowed in records (&s)");
	expect_error("a: &s\n  - 1\n", 1, 4,
	    "anchors are not allowed in records (&s)");
	/* On mappings, block, flow and the root. */
	expect_error("a: &m\n  b: 1\n", 1, 4,
	    "anchors are not allowed in records (&m)");
	expect_error("a:\n  - &m {b: 1}\n", 2, 5,
	    "anchors are not allowed in records (&m)");
	expect_error("&r\na: 1\n", 1, 1,
	    "anchors are not allowed in records (&r)");
	expect_error("--- &r\na: 1\n", 1, 5,
	    "anchors are not allowed in records (&r)");
	/* In a later record, after a good one. */
	expect_error_n("a: 1\n---\nb: &x 2\n", 1, 3, 4,
	    "anchors are not allowed in records (&x)");
	/* An ampersand inside text is not an anchor. */
	expect_ok("a: B&B\nb: '&x'\nc: \"&x\"\n", 1);
}

/* ---- nesting ---- */

/*
 * Block mappings nested depth levels deep (the root is level 1), keys
 * named after name; the innermost holds "v: 1".
 */
static void
block_nest(struct buf *b, int depth, const char *name)
{
	int i;

	for (i = 1; i < depth; i++) {
		brep(b, "  ", (size_t)(i - 1));
		bprintf(b, "%s%d:\n", name, i);
	}
	brep(b, "  ", (size_t)(depth - 1));
	bstr(b, "v: 1\n");
}

static void
test_nesting_block(void **state)
{
	struct buf b = { 0 };

	(void)state;
	block_nest(&b, 64, "k");
	expect_docs(b.p, b.len, 1);
	b.len = 0;
	block_nest(&b, 65, "k");
	/* The 65th mapping starts at "v" on line 65, after 64 indents. */
	expect_error_after(b.p, b.len, 0, 65, 129,
	    "nesting is deeper than 64 levels");
	/* Depth goes back down: two 64-deep siblings, then two records. */
	b.len = 0;
	block_nest(&b, 64, "p");
	block_nest(&b, 64, "q");
	bstr(&b, "---\n");
	block_nest(&b, 64, "k");
	bstr(&b, "---\n");
	block_nest(&b, 64, "k");
	expect_docs(b.p, b.len, 3);
	free(b.p);
}

/* a: followed by a flow sequence making the record depth levels deep. */
static void
flow_nest(struct buf *b, int depth, const char *open, const char *close,
    const char *leaf)
{
	int i;

	bstr(b, "a: ");
	brep(b, open, (size_t)(depth - 1));
	bstr(b, leaf);
	for (i = 1; i < depth; i++)
		bstr(b, close);
	bstr(b, "\n");
}

static void
test_nesting_flow(void **state)
{
	struct buf b = { 0 };
	int i;

	(void)state;
	flow_nest(&b, 64, "[", "]", "1");
	expect_docs(b.p, b.len, 1);
	b.len = 0;
	flow_nest(&b, 65, "[", "]", "1");
	/* "a: " and 63 brackets before the one that is too deep. */
	expect_error_after(b.p, b.len, 0, 1, 67,
	    "nesting is deeper than 64 levels");
	b.len = 0;
	flow_nest(&b, 64, "{b: ", "}", "1");
	expect_docs(b.p, b.len, 1);
	b.len = 0;
	flow_nest(&b, 65, "{b: ", "}", "1");
	/* "a: " then 63 times "{b: " (4 columns) before the 64th "{". */
	expect_error_after(b.p, b.len, 0, 1, 4 + 63 * 4,
	    "nesting is deeper than 64 levels");

	/* A flow mapping as the root counts as level 1. */
	b.len = 0;
	brep(&b, "{a: ", 64);
	bstr(&b, "1");
	brep(&b, "}", 64);
	bstr(&b, "\n");
	expect_docs(b.p, b.len, 1);
	b.len = 0;
	brep(&b, "{a: ", 65);
	bstr(&b, "1");
	brep(&b, "}", 65);
	bstr(&b, "\n");
	expect_error_after(b.p, b.len, 0, 1, 1 + 64 * 4,
	    "nesting is deeper than 64 levels");

	/* Deep, then back to the surface, many times: depth is restored. */
	b.len = 0;
	for (i = 0; i < 10; i++) {
		bprintf(&b, "k%d: ", i);
		brep(&b, "[", 63);
		brep(&b, "]", 63);
		bstr(&b, "\n");
	}
	bstr(&b, "---\n");
	flow_nest(&b, 64, "[", "]", "1");
	expect_docs(b.p, b.len, 2);
	free(b.p);
}

/* Nesting of block sequences inside a mapping ("- - - x"). */
static void
test_nesting_block_seq(void **state)
{
	struct buf b = { 0 };

	(void)state;
	bstr(&b, "a:\n");
	brep(&b, "- ", 63);
	bstr(&b, "x\n");
	expect_docs(b.p, b.len, 1);
	b.len = 0;
	bstr(&b, "a:\n");
	brep(&b, "- ", 64);
	bstr(&b, "x\n");
	/* The 64th sequence starts at the 64th dash, column 127. */
	expect_error_after(b.p, b.len, 0, 2, 127,
	    "nesting is deeper than 64 levels");
	free(b.p);
}

/* ---- record size ---- */

/*
 * A record of 1024 lines "kNNNNNN: " + 1014 characters ch + "\n":
 * 1024 characters a line, 1 MiB in all, plus extra characters on the
 * last line.
 */
static void
mib_record(struct buf *b, const char *ch, long extra)
{
	long i;

	for (i = 0; i < 1024; i++) {
		bprintf(b, "k%06ld: ", i);
		brep(b, ch, (size_t)(1014 + (i == 1023 ? extra : 0)));
		bstr(b, "\n");
	}
}

static void
test_record_size(void **state)
{
	struct buf b = { 0 };

	(void)state;
	mib_record(&b, "x", 0);
	assert_int_equal(b.len, MIB);
	expect_docs(b.p, b.len, 1);
	b.len = 0;
	mib_record(&b, "x", -1);
	expect_docs(b.p, b.len, 1);
	b.len = 0;
	mib_record(&b, "x", 1);
	expect_error_after(b.p, b.len, 0, 1, 1,
	    "record is larger than 1024 KiB");

	/* The limit is in characters: 1 MiB of "å" is 2 MiB of bytes. */
	b.len = 0;
	mib_record(&b, "å", 0);
	expect_docs(b.p, b.len, 1);
	b.len = 0;
	mib_record(&b, "å", 1);
	expect_error_after(b.p, b.len, 0, 1, 1,
	    "record is larger than 1024 KiB");

	/* Three records of 1 MiB each: the limit is per record, and the
	 * "---" the writer puts before each does not count, so what one
	 * tool writes the next one reads. */
	b.len = 0;
	mib_record(&b, "x", 0);
	bstr(&b, "---\n");
	mib_record(&b, "x", 0);
	bstr(&b, "---\n");
	mib_record(&b, "x", 0);
	expect_docs(b.p, b.len, 3);

	/* Too big in the third record: its root is the position. */
	b.len = 0;
	bstr(&b, "a: 1\n---\nb: 2\n---\n");
	mib_record(&b, "x", 1);
	expect_error_after(b.p, b.len, 2, 5, 1,
	    "record is larger than 1024 KiB");
	free(b.p);
}

/*
 * The densest record within the limit: 64 lines of a two-emoji key and
 * a value of 16379 emoji, 1 MiB characters in just under 4 MiB of bytes,
 * between two small records.  The byte window must let it through.
 */
static void
test_record_size_4byte(void **state)
{
	static const char *const emoji[] = { "😀", "😁", "😂", "😃", "😄",
	    "😅", "😆", "😇" };
	struct buf b = { 0 };
	struct src s;
	size_t i;

	(void)state;
	bstr(&b, "kind: före\n---\n");
	for (i = 0; i < 64; i++) {
		bstr(&b, emoji[i / 8]);
		bstr(&b, emoji[i % 8]);
		bstr(&b, ": ");
		brep(&b, emoji[i % 8], i == 0 ? 16379 - 4 : 16379);
		bstr(&b, "\n");
	}
	bstr(&b, "---\nkind: efter\n");
	assert_true(b.len > 4 * MIB - 64 * KIB);
	src_open(&s, b.p, b.len);
	assert_int_equal(next(&s), 1);
	assert_string_equal(s.doc->kind, "före");
	if (next(&s) != 1)
		fail_msg("%lu:%lu: %s", s.e.line, s.e.column, s.e.msg);
	assert_int_equal(s.doc->root->u.map.n, 64);
	assert_int_equal(s.doc->root->u.map.pairs[63].val->u.s.len,
	    16379 * 4);
	assert_int_equal(next(&s), 1);
	assert_string_equal(s.doc->kind, "efter");
	assert_int_equal(next(&s), 0);
	src_close(&s);
	free(b.p);
}

/* An endless stream: a prefix, then 'x' up to 50 MiB; counts reads. */
struct endless {
	const char	*pre;
	size_t		 prelen, pos, total;
};

static ssize_t
endless_read(void *cookie, char *buf, size_t n)
{
	struct endless *s = cookie;
	size_t i;

	for (i = 0; i < n && s->pos < s->total; i++, s->pos++)
		buf[i] = s->pos < s->prelen ? s->pre[s->pos] : 'x';
	return (ssize_t)i;
}

/*
 * A 50 MiB scalar is refused after a few MiB of reading, not buffered
 * whole: the reader stops feeding libyaml past its window.
 */
static void
expect_endless(const char *pre, int ndocs, unsigned long line,
    unsigned long col)
{
	cookie_io_functions_t io = { endless_read, NULL, NULL, NULL };
	struct endless e = { pre, strlen(pre), 0, 50 * MIB };
	struct src s;
	int rc, n = 0;

	memset(&s, 0, sizeof(s));
	s.fp = fopencookie(&e, "r", io);
	assert_non_null(s.fp);
	s.r = tuff_reader_new(s.fp, "t.yaml");
	assert_non_null(s.r);
	while ((rc = next(&s)) == 1)
		n++;
	assert_int_equal(rc, -1);
	assert_int_equal(n, ndocs);
	assert_err(&s.e, line, col, "record is larger than 1024 KiB");
	if (e.pos > 5 * MIB)
		fail_msg("read %zu bytes before refusing", e.pos);
	src_close(&s);
}

static void
test_record_endless(void **state)
{
	(void)state;
	expect_endless("a: ", 0, 1, 1);
	expect_endless("kind: x\na: \"", 0, 1, 1);
	expect_endless("a: |\n  ", 0, 1, 1);
	expect_endless("a: 1\n---\nb: 2\n---\n", 2, 4, 1);
	expect_endless("a: 1\n---\nb: '", 1, 3, 1);
	expect_endless("a: [", 0, 1, 1);
	expect_endless("--- ", 0, 1, 1);
}

/* A bare scalar as the first record has no document start yet. */
static void
test_record_endless_bare(void **state)
{
	(void)state;
	expect_endless("", 0, 1, 1);
	expect_endless("# kommentar\n\n", 0, 1, 1);
}

/* ---- scalar size ---- */

static void
test_scalar_size(void **state)
{
	struct buf b = { 0 };

	(void)state;
	bstr(&b, "a: ");
	brep(&b, "x", 64 * KIB);
	bstr(&b, "\nb: 1\n");
	expect_docs(b.p, b.len, 1);
	b.len = 0;
	bstr(&b, "a: ");
	brep(&b, "x", 64 * KIB + 1);
	bstr(&b, "\nb: 1\n");
	expect_error_after(b.p, b.len, 0, 1, 4, "scalar is larger than 64 KiB");

	/* Bytes count, not characters: 32 Ki "ö" is 64 KiB. */
	b.len = 0;
	bstr(&b, "a: 1\nb: \"");
	brep(&b, "ö", 32 * KIB);
	bstr(&b, "\"\n");
	expect_docs(b.p, b.len, 1);
	b.len = 0;
	bstr(&b, "a: 1\nb: \"");
	brep(&b, "ö", 32 * KIB);
	bstr(&b, "x\"\n");
	expect_error_after(b.p, b.len, 0, 2, 4, "scalar is larger than 64 KiB");

	/* The value after escapes counts: 16 Ki "\u00e5" is 32 KiB. */
	b.len = 0;
	bstr(&b, "a: \"");
	brep(&b, "\\u00e5", 32 * KIB);
	bstr(&b, "\"\n");
	expect_docs(b.p, b.len, 1);
	b.len = 0;
	bstr(&b, "a: \"");
	brep(&b, "\\u00e5", 32 * KIB);
	bstr(&b, "\\x41\"\n");
	expect_error_after(b.p, b.len, 0, 1, 4, "scalar is larger than 64 KiB");

	/* A literal block scalar: 1024 lines of 63 characters and a break. */
	b.len = 0;
	bstr(&b, "a: 1\nb: |\n");
	brep(&b, "  abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-\n",
	    1024);
	expect_docs(b.p, b.len, 1);
	bstr(&b, "  x\n");
	expect_error_after(b.p, b.len, 0, 2, 4, "scalar is larger than 64 KiB");

	/* A key is a scalar too. */
	b.len = 0;
	bstr(&b, "a: 1\n? ");
	brep(&b, "k", 64 * KIB + 1);
	bstr(&b, "\n: 1\n");
	expect_error_after(b.p, b.len, 0, 2, 3, "scalar is larger than 64 KiB");
	free(b.p);
}

/* ---- duplicate keys ---- */

static void
test_dup_small(void **state)
{
	(void)state;
	expect_error("a: 1\nb: 2\na: 3\n", 3, 1,
	    "duplicate key \"a\" (first at line 1, column 1)");
	/* Quoting does not make a different key. */
	expect_error("a: 1\n'a': 2\n", 2, 1,
	    "duplicate key \"a\" (first at line 1, column 1)");
	expect_error("\"å\": 1\nå: 2\n", 2, 1,
	    "duplicate key \"å\" (first at line 1, column 1)");
	/* The second of three is reported, against the first. */
	expect_error("x: 1\na: 1\na: 2\na: 3\n", 3, 1,
	    "duplicate key \"a\" (first at line 2, column 1)");
	/* Flow. */
	expect_error("a: {x: 1, y: 2, x: 3}\n", 1, 17,
	    "duplicate key \"x\" (first at line 1, column 5)");
	/* Nested, in a sequence. */
	expect_error("a:\n  - b: 1\n    c: 2\n    b: 3\n", 4, 5,
	    "duplicate key \"b\" (first at line 2, column 5)");
	expect_error("a:\n  x: 1\n  x: 2\n", 3, 3,
	    "duplicate key \"x\" (first at line 2, column 3)");
	/* Null keys. */
	expect_error("? \n: 1\n? \n: 2\n", 3, 2,
	    "duplicate key \"\" (first at line 1, column 2)");
	/* In a later record. */
	expect_error_n("a: 1\n---\na: 1\nb: 1\nb: 1\n", 1, 5, 1,
	    "duplicate key \"b\" (first at line 4, column 1)");
	/* Same key in different mappings, prefixes, NULs: all fine. */
	expect_ok("a: {x: 1}\nb: {x: 1}\nx: 1\nab: 1\nabc: 2\n"
	    "\"n\\0a\": 1\n\"n\\0b\": 2\nn: 3\n", 1);
	/* A long key is cut to 80 bytes in the message. */
	expect_error("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaabbb: 1\n"
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaabbb: 2\n", 2, 1,
	    "duplicate key \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" "
	    "(first at line 1, column 1)");
}

/* Mappings from 16 keys up are checked by sorting. */
static void
test_dup_large(void **state)
{
	struct buf b = { 0 };
	int i;

	(void)state;
	for (i = 0; i < 40; i++)
		bprintf(&b, "k%02d: %d\n", 39 - i, i);
	expect_docs(b.p, b.len, 1);
	bstr(&b, "k07: again\n");
	expect_error_after(b.p, b.len, 0, 41, 1,
	    "duplicate key \"k07\" (first at line 33, column 1)");

	/* Exactly 16 keys, the duplicate last, keys prefixes of others. */
	b.len = 0;
	for (i = 0; i < 15; i++) {
		brep(&b, "a", (size_t)i + 1);
		bstr(&b, ": 1\n");
	}
	expect_docs(b.p, b.len, 1);
	bstr(&b, "aaaa: 2\n");
	expect_error_after(b.p, b.len, 0, 16, 1,
	    "duplicate key \"aaaa\" (first at line 4, column 1)");

	/* Three times the same in a big mapping: second against first. */
	b.len = 0;
	bstr(&b, "z: 1\n");
	for (i = 0; i < 20; i++)
		bprintf(&b, "k%02d: %d\n", i, i);
	bstr(&b, "z: 2\nz: 3\n");
	expect_error_after(b.p, b.len, 0, 22, 1,
	    "duplicate key \"z\" (first at line 1, column 1)");

	/* Nested big mapping, flow, with keys differing after a NUL. */
	b.len = 0;
	bstr(&b, "outer:\n  inner: {");
	for (i = 0; i < 20; i++)
		bprintf(&b, "\"x\\0%02d\": %02d, ", i, i);
	bstr(&b, "\"x\\0\": 0}\n");
	expect_docs(b.p, b.len, 1);
	b.len = 0;
	bstr(&b, "outer:\n  inner: {");
	for (i = 0; i < 20; i++)
		bprintf(&b, "\"x\\0%02d\": %02d, ", i, i);
	bstr(&b, "\"x\\000\": 0}\n");
	/* 10 columns and 20 pairs of 13 before the last key; the message
	 * shows the key up to its NUL. */
	expect_error_after(b.p, b.len, 0, 2, 11 + 20 * 13,
	    "duplicate key \"x\" (first at line 2, column 11)");
	free(b.p);
}

/* Keys that are collections: compared as whole trees. */
static void
test_dup_complex(void **state)
{
	struct buf b = { 0 };
	int i;

	(void)state;
	expect_error("? [a, b]\n: 1\n? [a, b]\n: 2\n", 3, 3,
	    "duplicate key (first at line 1, column 3)");
	expect_error("? {x: 1}\n: 1\n? {x: 1}\n: 2\n", 3, 3,
	    "duplicate key (first at line 1, column 3)");
	expect_ok("? [a, b]\n: 1\n? [a, c]\n: 2\n? [a]\n: 3\n? {x: 1}\n: 4\n"
	    "? {x: 2}\n: 5\n? {y: 1}\n: 6\n? [a, b, c]\n: 7\n", 1);
	/* A sequence key and a scalar key with the same text differ. */
	expect_ok("? [a]\n: 1\na: 2\n", 1);

	/* In a big mapping, among scalar keys. */
	for (i = 0; i < 20; i++)
		bprintf(&b, "k%02d: %d\n", i, i);
	bstr(&b, "? [x, {y: z}]\n: 1\n");
	for (i = 20; i < 25; i++)
		bprintf(&b, "k%02d: %d\n", i, i);
	expect_docs(b.p, b.len, 1);
	bstr(&b, "? [x, {y: z}]\n: 2\n");
	expect_error_after(b.p, b.len, 0, 28, 3,
	    "duplicate key (first at line 21, column 3)");
	free(b.p);
}


/* ---- the first repeat, both ways of reading ---- */

static int
skip_all(const char *kind, void *arg)
{
	(void)kind;
	(void)arg;
	return 1;
}

/* As expect_error, also when the records are read without a tree. */
static void
expect_error_both(const char *text, size_t len, unsigned long line,
    unsigned long col, const char *msg)
{
	struct src s;
	int rc;

	expect_error_after(text, len, 0, line, col, msg);
	src_open(&s, text, len);
	while ((rc = tuff_reader_next_or_pass(s.r, &s.doc, skip_all, NULL,
	    &s.e)) > 0) {
		tuff_doc_free(s.doc);
		s.doc = NULL;
	}
	assert_int_equal(rc, -1);
	assert_err(&s.e, line, col, msg);
	src_close(&s);
}

/*
 * A duplicate is named at its first repeat in the order of the text,
 * also in mappings large enough to be sorted, where the smallest
 * repeated key is not the first repeat.
 */
static void
test_dup_order(void **state)
{
	struct buf b = { 0 };
	int i;

	(void)state;
	bstr(&b, "kind: x\n");
	for (i = 0; i < 20; i++)
		bprintf(&b, "k%02d: %d\n", i, i);
	bstr(&b, "zz: 1\nzz: 2\nk05: again\nk01: again\n");
	expect_error_both(b.p, b.len, 23, 1,
	    "duplicate key \"zz\" (first at line 22, column 1)");

	/* A repeated collection key before a repeated scalar key. */
	b.len = 0;
	bstr(&b, "kind: x\n");
	for (i = 0; i < 20; i++)
		bprintf(&b, "k%02d: %d\n", i, i);
	bstr(&b, "? [a]\n: 1\n? [a]\n: 2\nk00: again\n");
	expect_error_both(b.p, b.len, 24, 3,
	    "duplicate key (first at line 22, column 3)");

	/* Small: the first repeat, not the first key repeated. */
	expect_error_both("kind: x\na: 1\nb: 1\nb: 2\na: 2\n",
	    strlen("kind: x\na: 1\nb: 1\nb: 2\na: 2\n"), 4, 1,
	    "duplicate key \"b\" (first at line 3, column 1)");
	free(b.p);
}

/* As expect_ok, also when the records are read without a tree. */
static void
expect_ok_both(const char *text, size_t len, int ndocs)
{
	struct src s;
	int rc, n = 0;

	expect_docs(text, len, ndocs);
	src_open(&s, text, len);
	while ((rc = tuff_reader_next_or_pass(s.r, &s.doc, skip_all, NULL,
	    &s.e)) > 0) {
		tuff_doc_free(s.doc);
		s.doc = NULL;
		n++;
	}
	assert_int_equal(rc, 0);
	assert_int_equal(n, ndocs);
	src_close(&s);
}

/*
 * Keys of every length up to a word and past it, read without a tree:
 * a key's first 8 bytes are kept in a word and its bit among its
 * mapping's keys is taken from them, so keys that differ in any one
 * byte differ, keys that share a bit are still compared, and the
 * message names the key whole.
 */
static void
test_dup_heads(void **state)
{
	const char *alpha = "abcdefghijk";
	struct buf b = { 0 };
	char msg[80];
	size_t len, i;

	(void)state;
	for (len = 1; len <= 10; len++) {
		/* The same key again. */
		b.len = 0;
		bprintf(&b, "kind: x\n%.*s: 1\nz: 2\n%.*s: 3\n", (int)len,
		    alpha, (int)len, alpha);
		snprintf(msg, sizeof(msg),
		    "duplicate key \"%.*s\" (first at line 2, column 1)",
		    (int)len, alpha);
		expect_error_both(b.p, b.len, 4, 1, msg);
		/* Keys that differ in one byte, each byte in turn. */
		b.len = 0;
		bstr(&b, "kind: x\n");
		bprintf(&b, "%.*s: 0\n", (int)len, alpha);
		for (i = 0; i < len; i++)
			bprintf(&b, "%.*s%c%.*s: 1\n", (int)i, alpha,
			    'A' + (int)i, (int)(len - i - 1), alpha + i + 1);
		expect_ok_both(b.p, b.len, 1);
	}
	/* 200 keys: many share a bit of the 64, none is equal. */
	b.len = 0;
	bstr(&b, "kind: x\n");
	for (i = 0; i < 200; i++)
		bprintf(&b, "k%zu: %zu\n", i, i);
	expect_ok_both(b.p, b.len, 1);
	bstr(&b, "k7: again\n");
	expect_error_both(b.p, b.len, 202, 1,
	    "duplicate key \"k7\" (first at line 9, column 1)");
	free(b.p);
}

/* A second kind or id at the top: two records without a "---". */
static void
test_dup_missing_marker(void **state)
{
	const char *two = "kind: journey\nid: a\ntitle: x\n"
	    "kind: journey\nid: b\n";
	const char *ids = "title: x\nid: a\nid: b\n";
	const char *inner = "kind: x\nm: {id: 1, id: 2}\n";

	(void)state;
	expect_error_both(two, strlen(two), 4, 1,
	    "duplicate key \"kind\" (first at line 1, column 1); "
	    "missing '---' between two records?");
	expect_error_both(ids, strlen(ids), 3, 1,
	    "duplicate key \"id\" (first at line 2, column 1); "
	    "missing '---' between two records?");
	/* Not inside a record. */
	expect_error_both(inner, strlen(inner), 2, 12,
	    "duplicate key \"id\" (first at line 2, column 5)");
}

/* ---- the text of each record ---- */

/* The text of the next record, both ways of reading it. */
static void
expect_raw(struct src *s, struct src *k, const char *text, size_t head,
    int marked)
{
	const struct tuff_raw *raw;

	if (next(s) != 1)
		fail_msg("%lu:%lu: %s", s->e.line, s->e.column, s->e.msg);
	assert_non_null(s->doc->raw.text);
	assert_int_equal(s->doc->raw.len, strlen(text));
	assert_memory_equal(s->doc->raw.text, text, strlen(text));
	assert_int_equal(s->doc->raw.head, head);
	assert_int_equal(s->doc->raw.marked, marked);
	assert_int_equal(tuff_reader_next_or_pass(k->r, &k->doc, skip_all,
	    NULL, &k->e), 2);
	raw = tuff_reader_raw(k->r);
	assert_non_null(raw);
	assert_int_equal(raw->len, strlen(text));
	assert_memory_equal(raw->text, text, strlen(text));
	assert_int_equal(raw->head, head);
}

/*
 * libyaml's marks count characters, a CR LF as two, after the byte
 * order mark the reader takes away: the text of each record is cut
 * where it should be whatever the characters before.
 */
static void
test_raw_spans(void **state)
{
	const char *in = "\xef\xbb\xbf# c\r\nkind: \"åäö😀\" # x\r\n\r\n"
	    "# next\r\n---\r\nkind: é\r\n...\r\n# t\r\n";
	const char *lines = "kind: a\n\xc2\x85" "b: 1\n";
	struct src s, k;
	const char *tail;
	size_t n;

	(void)state;
	src_open(&s, in, strlen(in));
	src_open(&k, in, strlen(in));
	expect_raw(&s, &k, "# c\r\nkind: \"åäö😀\" # x\r\n", 5, 0);
	expect_raw(&s, &k, "\r\n# next\r\n---\r\nkind: é\r\n...\r\n", 10, 1);
	assert_int_equal(next(&s), 0);
	assert_int_equal(tuff_reader_next_or_pass(k.r, &k.doc, skip_all,
	    NULL, &k.e), 0);
	tail = tuff_reader_tail(s.r, &n);
	assert_int_equal(n, 5);
	assert_memory_equal(tail, "# t\r\n", 5);
	tail = tuff_reader_tail(k.r, &n);
	assert_int_equal(n, 5);
	src_close(&s);
	src_close(&k);

	/* NEL is a line break to libyaml (YAML 1.1): one character. */
	src_open(&s, lines, strlen(lines));
	src_open(&k, lines, strlen(lines));
	expect_raw(&s, &k, "kind: a\n\xc2\x85" "b: 1\n", 0, 0);
	src_close(&s);
	src_close(&k);

	/* No records: all is the tail. */
	src_open(&s, "# a\n---\n", 8);
	assert_int_equal(next(&s), 0);
	tail = tuff_reader_tail(s.r, &n);
	assert_int_equal(n, 8);
	src_close(&s);
}

/* ---- what a file that does not read says ---- */

static void
test_encodings(void **state)
{
	(void)state;
	expect_error_after("\xff\xfek\0:\0 \0x\0", 10, 0, 1, 1,
	    "the file is UTF-16, not UTF-8; convert it with: "
	    "iconv -f UTF-16 -t UTF-8");
	expect_error_after("\xfe\xff\0k\0:", 6, 0, 1, 1,
	    "the file is UTF-16, not UTF-8; convert it with: "
	    "iconv -f UTF-16 -t UTF-8");
	expect_error_after("k\0:\0 \0x\0", 8, 0, 1, 1,
	    "the file is UTF-16 (little-endian), not UTF-8; convert it "
	    "with: iconv -f UTF-16LE -t UTF-8");
	expect_error_after("\0k\0:\0 \0x", 8, 0, 1, 1,
	    "the file is UTF-16 (big-endian), not UTF-8; convert it with: "
	    "iconv -f UTF-16BE -t UTF-8");
	expect_error_after("k\0\0\0:\0\0\0", 8, 0, 1, 1,
	    "the file is UTF-32 (little-endian), not UTF-8; convert it "
	    "with: iconv -f UTF-32LE -t UTF-8");
	/* Windows-1252: the å, not the byte after it. */
	expect_error("kind: x\ntitle: Resa p\xe5 landet\n", 2, 14,
	    NOT_UTF8("0xe5"));
	expect_error("unit: H\xe4lsa\n", 1, 8, NOT_UTF8("0xe4"));
}

static void
test_syntax_hints(void **state)
{
	(void)state;
	expect_error("kind: x\ntitle: Resa 3: åäö\n", 2, 14,
	    "mapping values are not allowed in this context; put the value "
	    "in quotes: title: \"Resa 3: åäö\"");
	expect_error("kind: x\ntitle: a \\ \"b\": c # note\n", 2, 15,
	    "mapping values are not allowed in this context; put the value "
	    "in quotes: title: \"a \\\\ \\\"b\\\": c\"");
	/* Indentation, not quotes. */
	expect_error("a: 1\n b: 2\n", 2, 3,
	    "mapping values are not allowed in this context");
	expect_error("kind: x\na:\n\tb: 1\n", 3, 1,
	    "found character that cannot start any token while scanning for "
	    "the next token at line 3, column 1; tabs are not allowed for "
	    "indentation; use spaces");
	expect_error("kind: x\na: 1\n\tb: 2\n", 3, 1,
	    "found a tab character that violates indentation while scanning "
	    "a plain scalar at line 2, column 4; tabs are not allowed for "
	    "indentation; use spaces");
}

/* 5 MiB of one line after a record. */
static void
expect_window(const char *pre, const char *line, int ndocs, unsigned long at,
    const char *msg)
{
	struct buf b = { 0 };

	bstr(&b, pre);
	brep(&b, line, 5 * MIB / strlen(line));
	bstr(&b, "b: 1\n");
	expect_error_after(b.p, b.len, ndocs, at, 1, msg);
	free(b.p);
}

/* More comments than a record may carry are called comments. */
static void
test_comment_window(void **state)
{
	const char *msg = "more than 4 MiB of comments or blank lines in a "
	    "row (the most a record's text may carry)";

	(void)state;
	expect_window("kind: x\n", "# kommentar\n", 0, 2, msg);
	expect_window("kind: x # c\n", "\n", 0, 2, msg);
	expect_window("kind: x\n---\n", "   # indraget\n", 1, 3, msg);
	expect_window("", "# före\n", 0, 1, msg);
	/* Inside a record's value it is the record that is too large. */
	expect_window("kind: x\nv: |\n", "  rad\n", 0, 1,
	    "record is larger than 1024 KiB");
}

/* ---- UTF-8 ---- */

static void
test_utf8(void **state)
{
	(void)state;
	/* Overlong forms. */
	expect_error("a: \xc0\xaf\n", 1, 4, NOT_UTF8("0xc0"));
	expect_error("a: \xe0\x80\x80\n", 1, 4, NOT_UTF8("0xe0"));
	expect_error("a: \xf0\x80\x80\x80\n", 1, 4, NOT_UTF8("0xf0"));
	/* Truncated at the end of the input. */
	expect_error("a: \xc3", 1, 4, NOT_UTF8("0xc3"));
	expect_error("a: ok\nb: \xe2\x82", 2, 4, NOT_UTF8("0xe2"));
	/* Bad continuation: the character it breaks, where it stands. */
	expect_error("a: \xc3\x28\n", 1, 4, NOT_UTF8("0xc3"));
	expect_error("a: å\xe2\x82x\n", 1, 5, NOT_UTF8("0xe2"));
	/* Bad leading bytes after multibyte characters, on later lines. */
	expect_error("a: \x80\n", 1, 4,
	    NOT_UTF8("0x80"));
	expect_error("a: åäö\x80\n", 1, 7,
	    NOT_UTF8("0x80"));
	expect_error("a: 1\nb: åäö x\xff\n", 2, 9,
	    NOT_UTF8("0xff"));
	expect_error("a: 1\n\nc: \"€😀\"\nd: \"€😀\xfe\"\n", 4, 7,
	    NOT_UTF8("0xfe"));
	/* In a key, and in a comment. */
	expect_error("a: 1\nn\xc3\xa4\xff: 2\n", 2, 3,
	    NOT_UTF8("0xff"));
	expect_error("a: 1 # åäö \xff\n", 1, 12,
	    NOT_UTF8("0xff"));
	/* In a later record. */
	expect_error_n("a: 1\n---\nb: \xf8\n", 0, 3, 4,
	    NOT_UTF8("0xf8"));
}

/* Code points that are not characters are named as code points. */
static void
test_utf8_codepoints(void **state)
{
	(void)state;
	/* UTF-16 surrogates encoded in UTF-8 (CESU). */
	expect_error("a: \xed\xa0\x80\n", 1, 4,
	    "invalid Unicode character (U+D800)");
	expect_error("a: åä\xed\xbf\xbf\n", 1, 6,
	    "invalid Unicode character (U+DFFF)");
	/* Beyond U+10FFFF. */
	expect_error("a: \xf4\x90\x80\x80\n", 1, 4,
	    "invalid Unicode character (U+110000)");
	/* Non-characters and controls YAML forbids. */
	expect_error("a: 1\xef\xbf\xbe\n", 1, 5,
	    "control characters are not allowed (U+FFFE)");
	expect_error("a: \x01\n", 1, 4,
	    "control characters are not allowed (U+0001)");
	expect_error("a: \x7f\n", 1, 4,
	    "control characters are not allowed (U+007F)");
}

/* The NUL byte is refused where it stands. */
static void
test_nul(void **state)
{
	(void)state;
	expect_error_after("a: x\0y\n", 7, 0, 1, 5,
	    "control characters are not allowed (U+0000)");
	expect_error_after("\0", 1, 0, 1, 1,
	    "control characters are not allowed (U+0000)");
	expect_error_after("a: 1\n---\nb: 2\0\n", 15, 0, 3, 5,
	    "control characters are not allowed (U+0000)");
	/* An escaped NUL in a double-quoted scalar is text, and kept. */
	expect_ok("a: \"x\\0y\"\n", 1);
}

/*
 * Positions of UTF-8 errors deep in the input, where the reader has
 * slid its history of raw bytes many times.
 */
static void
test_utf8_far(void **state)
{
	struct buf b = { 0 };
	int i;

	(void)state;
	/* 3000 lines of 32 bytes and 21 characters: past 64 KiB. */
	for (i = 0; i < 3000; i++)
		bprintf(&b, "k%04d: \"åäöÅÄÖ€€ö\"\n", i);
	bstr(&b, "z: ö\xff\n");
	assert_true(b.len > 64 * KIB);
	expect_error_after(b.p, b.len, 0, 3001, 5,
	    NOT_UTF8("0xff"));

	/* One long line: the column counts characters from its start. */
	b.len = 0;
	bstr(&b, "a: 1\nb: ");
	brep(&b, "å", 20000);
	bstr(&b, "\xc3\n");
	expect_error_after(b.p, b.len, 0, 2, 4 + 20000,
	    NOT_UTF8("0xc3"));

	/* Right after 16 KiB and 32 KiB boundaries. */
	for (i = -3; i <= 3; i++) {
		b.len = 0;
		bstr(&b, "a: ");
		brep(&b, "x", 16 * KIB - 3 + (size_t)i);
		bstr(&b, "\xff");
		expect_error_after(b.p, b.len, 0, 1, 16 * KIB + (size_t)i + 1,
		    NOT_UTF8("0xff"));
		b.len = 0;
		bstr(&b, "a: ");
		brep(&b, "é", 16 * KIB + (size_t)i);
		bstr(&b, "\xff");
		expect_error_after(b.p, b.len, 0, 1, 16 * KIB + (size_t)i + 4,
		    NOT_UTF8("0xff"));
	}
	free(b.p);
}

/*
 * Windows line ends: CR LF is one break wherever the reader's history
 * happens to split it; a lone CR is a break too (YAML says so).
 */
static void
test_utf8_far_crlf(void **state)
{
	struct buf b = { 0 };
	int width, i;

	(void)state;
	for (width = 5; width <= 40; width++) {
		b.len = 0;
		for (i = 0; i < 5000; i++)
			bprintf(&b, "k%d: %0*d\r\n", i, width, i);
		bstr(&b, "z: \xff\r\n");
		expect_error_after(b.p, b.len, 0, 5001, 4,
		    NOT_UTF8("0xff"));
	}
	expect_error("a: 1\rb: 2\r\rc: \xff\r", 4, 4,
	    NOT_UTF8("0xff"));
	free(b.p);
}

/* ---- documents ---- */

static void
test_bom(void **state)
{
	struct src s;
	const char *in = "\xef\xbb\xbf" "kind: x\nb: 2\n";

	(void)state;
	src_open(&s, in, strlen(in));
	if (next(&s) != 1)
		fail_msg("%lu:%lu: %s", s.e.line, s.e.column, s.e.msg);
	assert_string_equal(s.doc->kind, "x");
	assert_int_equal(s.doc->root->u.map.n, 2);
	assert_int_equal(s.doc->line, 1);
	assert_int_equal(s.doc->column, 1);
	assert_int_equal(next(&s), 0);
	src_close(&s);
	expect_ok("\xef\xbb\xbf---\na: 1\n---\nb: 2\n", 2);
	expect_error("\xef\xbb\xbf" "a: \xff\n", 1, 4,
	    NOT_UTF8("0xff"));
}

static void
test_not_mapping(void **state)
{
	(void)state;
	expect_error("hej\n", 1, 1, "a record must be a mapping, not a scalar");
	expect_error("- 1\n", 1, 1,
	    "a record must be a mapping, not a sequence");
	expect_error("[a, b]\n", 1, 1,
	    "a record must be a mapping, not a sequence");
	expect_error("---\n- 1\n", 2, 1,
	    "a record must be a mapping, not a sequence");
	expect_error("--- 5\n", 1, 5, "a record must be a mapping, not a scalar");
	/* Explicit nulls are content, not an empty document. */
	expect_error("--- ~\n", 1, 5, "a record must be a mapping, not a scalar");
	expect_error("--- ''\n", 1, 5,
	    "a record must be a mapping, not a scalar");
	expect_error("--- !!null\n", 1, 5,
	    "a record must be a mapping, not a scalar");
	/* After good records. */
	expect_error_n("a: 1\n---\nb: 2\n--- |\n  text\n", 2, 4, 5,
	    "a record must be a mapping, not a scalar");
}

static void
test_empty_docs(void **state)
{
	struct src s;
	const char *in = "---\n---\n# nothing\n...\n---\nkind: a\n---\n---\n";

	(void)state;
	expect_ok("", 0);
	expect_ok("\n\n", 0);
	expect_ok("# only a comment\n", 0);
	expect_ok("---\n", 0);
	expect_ok("---\n...\n", 0);
	expect_ok("a: 1\n---\n", 1);
	src_open(&s, in, strlen(in));
	assert_int_equal(next(&s), 1);
	assert_string_equal(s.doc->kind, "a");
	assert_int_equal(s.doc->line, 5);
	assert_int_equal(s.doc->column, 1);
	assert_int_equal(next(&s), 0);
	src_close(&s);
}

/* Records in order, each with its position, kind and keys in order. */
static void
test_multiple_docs(void **state)
{
	const char *in =
	    "kind: journey\nid: a\n"
	    "---\nkind: challenge\nid: b\n...\n"
	    "# between\n"
	    "--- {kind: decision, id: c}\n"
	    "---\n\n  kind: x\n  z: 1\n  a: 2\n";
	struct src s;
	const struct tuff_node *r;

	(void)state;
	src_open(&s, in, strlen(in));
	assert_int_equal(next(&s), 1);
	assert_string_equal(s.doc->kind, "journey");
	assert_string_equal(s.doc->file, "t.yaml");
	assert_int_equal(s.doc->line, 1);
	assert_int_equal(s.doc->column, 1);
	assert_int_equal(s.doc->root->line, 1);
	assert_int_equal(s.doc->root->column, 1);

	assert_int_equal(next(&s), 1);
	assert_string_equal(s.doc->kind, "challenge");
	assert_int_equal(s.doc->line, 3);
	assert_int_equal(s.doc->root->line, 4);
	assert_string_equal(tuff_str(tuff_map_get(s.doc->root, "id")), "b");

	assert_int_equal(next(&s), 1);
	assert_string_equal(s.doc->kind, "decision");
	assert_int_equal(s.doc->line, 8);
	assert_int_equal(s.doc->root->line, 8);
	assert_int_equal(s.doc->root->column, 5);
	assert_int_equal(s.doc->root->style, 1);	/* flow */

	assert_int_equal(next(&s), 1);
	r = s.doc->root;
	assert_int_equal(s.doc->line, 9);
	assert_int_equal(r->line, 11);
	assert_int_equal(r->column, 3);
	assert_int_equal(r->u.map.n, 3);
	assert_string_equal(tuff_str(r->u.map.pairs[0].key), "kind");
	assert_string_equal(tuff_str(r->u.map.pairs[1].key), "z");
	assert_string_equal(tuff_str(r->u.map.pairs[2].key), "a");
	assert_int_equal(r->u.map.pairs[2].key->line, 13);
	assert_int_equal(r->u.map.pairs[2].key->column, 3);
	assert_int_equal(r->u.map.pairs[2].val->line, 13);
	assert_int_equal(r->u.map.pairs[2].val->column, 6);

	assert_int_equal(next(&s), 0);
	/* The end stays the end. */
	assert_int_equal(next(&s), 0);
	assert_int_equal(next(&s), 0);
	src_close(&s);
}

/* At the end of the stream, every later call says so again. */
static void
test_end_again(void **state)
{
	struct src s;
	struct tuff_event ev;
	const char *in = "a: 1\n---\nb: 2\n";

	(void)state;
	src_open(&s, in, strlen(in));
	assert_int_equal(next(&s), 1);
	assert_int_equal(next(&s), 1);
	assert_int_equal(next(&s), 0);
	assert_int_equal(next(&s), 0);
	assert_int_equal(tuff_reader_event(s.r, &ev, &s.e), 0);
	assert_int_equal(ev.type, TUFF_EV_END);
	src_close(&s);

	src_open(&s, "", 0);
	assert_int_equal(next(&s), 0);
	assert_int_equal(next(&s), 0);
	src_close(&s);
}

static void
test_sticky(void **state)
{
	struct src s;
	struct tuff_event ev;
	const char *in = "a: 1\n---\nb: *x\n---\nc: 3\n";

	(void)state;
	src_open(&s, in, strlen(in));
	assert_int_equal(next(&s), 1);
	assert_int_equal(next(&s), -1);
	assert_err(&s.e, 3, 4, "aliases are not allowed in records");
	/* The good record after it is never read. */
	memset(&s.e, 0, sizeof(s.e));
	assert_int_equal(next(&s), -1);
	assert_null(s.doc);
	assert_string_equal(s.e.msg, "reader already failed");
	assert_int_equal(tuff_reader_event(s.r, &ev, &s.e), -1);
	assert_int_equal(next(&s), -1);
	src_close(&s);

	/* A tree-level error (duplicate) is sticky too. */
	src_open(&s, "a: 1\na: 2\n---\nb: 1\n", 19);
	assert_int_equal(next(&s), -1);
	assert_int_equal(next(&s), -1);
	assert_string_equal(s.e.msg, "reader already failed");
	src_close(&s);

	/* And a syntax error. */
	expect_error("a: [1\n", 2, 1,
	    "did not find expected ',' or ']' while parsing a flow sequence "
	    "at line 1, column 4");
	expect_error("a: 1\n b: 2\n", 2, 3,
	    "mapping values are not allowed in this context");
}

static void
test_kind(void **state)
{
	static const struct {
		const char	*in;
		const char	*kind;
	} cases[] = {
		{ "kind: journey\n", "journey" },
		{ "a: 1\nkind: 'hme-response'\n", "hme-response" },
		{ "kind: användarresa\n", "användarresa" },
		{ "kind: \"\"\n", "" },
		{ "kind: 'null'\n", "null" },
		{ "kind: 5\n", "5" },
		{ "a: 1\n", NULL },
		{ "kind:\n", NULL },
		{ "kind: ~\n", NULL },
		{ "kind: null\n", NULL },
		{ "kind: !!null x\n", NULL },
		{ "kind: [a]\n", NULL },
		{ "kind: {a: b}\n", NULL },
		{ "Kind: x\n", NULL },
		{ "a: {kind: x}\n", NULL },
	};
	struct src s;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		src_open(&s, cases[i].in, strlen(cases[i].in));
		assert_int_equal(next(&s), 1);
		if (cases[i].kind == NULL) {
			if (s.doc->kind != NULL)
				fail_msg("%s: kind \"%s\"", cases[i].in,
				    s.doc->kind);
		} else {
			assert_non_null(s.doc->kind);
			assert_string_equal(s.doc->kind, cases[i].kind);
		}
		src_close(&s);
	}
}

/* Styles, tags and values as the writer will need them. */
static void
test_tree_fidelity(void **state)
{
	const char *in = "a: plain\nb: 'single'\nc: \"dou\\tble\"\n"
	    "d: |\n  lit\n  eral\ne: >\n  fol\n  ded\n"
	    "f: !!str 5\ng: !custom x\nh: [1, 2]\ni: {x: y}\nj: \"n\\0ul\"\n"
	    "k: ! 7\n";
	struct src s;
	const struct tuff_node *r, *n;

	(void)state;
	src_open(&s, in, strlen(in));
	assert_int_equal(next(&s), 1);
	r = s.doc->root;
	assert_int_equal(r->style, 0);	/* block */
	assert_int_equal(tuff_map_get(r, "a")->style, TUFF_PLAIN);
	assert_null(tuff_map_get(r, "a")->tag);
	assert_int_equal(tuff_map_get(r, "b")->style, TUFF_SINGLE);
	n = tuff_map_get(r, "c");
	assert_int_equal(n->style, TUFF_DOUBLE);
	assert_string_equal(n->u.s.val, "dou\tble");
	n = tuff_map_get(r, "d");
	assert_int_equal(n->style, TUFF_LITERAL);
	assert_string_equal(n->u.s.val, "lit\neral\n");
	n = tuff_map_get(r, "e");
	assert_int_equal(n->style, TUFF_FOLDED);
	assert_string_equal(n->u.s.val, "fol ded\n");
	n = tuff_map_get(r, "f");
	assert_string_equal(n->tag, "tag:yaml.org,2002:str");
	assert_string_equal(n->u.s.val, "5");
	assert_string_equal(tuff_map_get(r, "g")->tag, "!custom");
	n = tuff_map_get(r, "h");
	assert_int_equal(n->type, TUFF_SEQ);
	assert_int_equal(n->style, 1);
	assert_int_equal(n->u.seq.n, 2);
	assert_int_equal(n->u.seq.items[1]->column, 8);
	n = tuff_map_get(r, "i");
	assert_int_equal(n->type, TUFF_MAP);
	assert_int_equal(n->style, 1);
	n = tuff_map_get(r, "j");
	assert_int_equal(n->u.s.len, 4);
	assert_memory_equal(n->u.s.val, "n\0ul", 5);
	assert_string_equal(tuff_map_get(r, "k")->tag, "!");
	src_close(&s);
}

/* A stream that fails to read: an error, not the end of the stream. */
static ssize_t
failing_read(void *cookie, char *buf, size_t n)
{
	size_t *calls = cookie;
	const char *text = "a: 1\n---\nb: ";

	if ((*calls)++ == 0 && n >= strlen(text)) {
		memcpy(buf, text, strlen(text));
		return (ssize_t)strlen(text);
	}
	errno = EIO;
	return -1;
}

static void
test_read_error(void **state)
{
	cookie_io_functions_t io = { failing_read, NULL, NULL, NULL };
	size_t calls = 0;
	struct src s;
	int rc;

	(void)state;
	memset(&s, 0, sizeof(s));
	s.fp = fopencookie(&calls, "r", io);
	assert_non_null(s.fp);
	s.r = tuff_reader_new(s.fp, "t.yaml");
	while ((rc = next(&s)) == 1)
		;
	assert_int_equal(rc, -1);
	assert_string_equal(s.e.msg, "read error: Input/output error");
	assert_string_equal(s.e.file, "t.yaml");
	src_close(&s);
}

/* ---- the event layer ---- */

struct want_ev {
	enum tuff_ev_type	 type;
	unsigned long		 line, column;
	const char		*val;
	int			 style;
	const char		*tag;
	int			 depth;
};

static void
test_events(void **state)
{
	static const struct want_ev want[] = {
		{ TUFF_EV_DOC_START, 1, 1, NULL, 0, NULL, 0 },
		{ TUFF_EV_MAP_START, 1, 1, NULL, 0, NULL, 1 },
		{ TUFF_EV_SCALAR, 1, 1, "kind", TUFF_PLAIN, NULL, 1 },
		{ TUFF_EV_SCALAR, 1, 7, "hme-response", TUFF_PLAIN, NULL, 1 },
		{ TUFF_EV_SCALAR, 2, 1, "a", TUFF_PLAIN, NULL, 1 },
		{ TUFF_EV_SEQ_START, 2, 4, NULL, 1, NULL, 2 },
		{ TUFF_EV_SCALAR, 2, 5, "1", TUFF_PLAIN, NULL, 2 },
		{ TUFF_EV_SCALAR, 2, 8, "å", TUFF_SINGLE, NULL, 2 },
		{ TUFF_EV_SEQ_END, 2, 11, NULL, 0, NULL, 1 },
		{ TUFF_EV_SCALAR, 3, 1, "b", TUFF_PLAIN, NULL, 1 },
		{ TUFF_EV_MAP_START, 4, 3, NULL, 0, NULL, 2 },
		{ TUFF_EV_SCALAR, 4, 3, "c", TUFF_PLAIN, NULL, 2 },
		{ TUFF_EV_SCALAR, 4, 6, "d", TUFF_DOUBLE,
		    "tag:yaml.org,2002:str", 2 },
		{ TUFF_EV_MAP_END, 5, 1, NULL, 0, NULL, 1 },
		{ TUFF_EV_MAP_END, 5, 1, NULL, 0, NULL, 0 },
		{ TUFF_EV_DOC_END, 5, 1, NULL, 0, NULL, 0 },
		{ TUFF_EV_DOC_START, 5, 1, NULL, 0, NULL, 0 },
		{ TUFF_EV_MAP_START, 5, 5, NULL, 1, NULL, 1 },
		{ TUFF_EV_SCALAR, 5, 6, "x", TUFF_PLAIN, NULL, 1 },
		{ TUFF_EV_SCALAR, 5, 9, "", TUFF_PLAIN, NULL, 1 },
		{ TUFF_EV_MAP_END, 5, 9, NULL, 0, NULL, 0 },
		{ TUFF_EV_DOC_END, 6, 1, NULL, 0, NULL, 0 },
	};
	const char *in = "kind: hme-response\na: [1, 'å']\nb:\n  c: !!str \"d\"\n"
	    "--- {x: }\n";
	struct src s;
	struct tuff_event ev;
	size_t i;

	(void)state;
	src_open(&s, in, strlen(in));
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		if (tuff_reader_event(s.r, &ev, &s.e) != 1)
			fail_msg("event %zu: %s", i, s.e.msg);
		if (ev.type != want[i].type || ev.line != want[i].line ||
		    ev.column != want[i].column || ev.depth != want[i].depth)
			fail_msg("event %zu: type %d at %lu:%lu depth %d, want "
			    "%d at %lu:%lu depth %d", i, ev.type, ev.line,
			    ev.column, ev.depth, want[i].type, want[i].line,
			    want[i].column, want[i].depth);
		if (want[i].type == TUFF_EV_SCALAR) {
			assert_string_equal(ev.val, want[i].val);
			assert_int_equal(ev.len, strlen(want[i].val));
		}
		if (want[i].type == TUFF_EV_SCALAR ||
		    want[i].type == TUFF_EV_SEQ_START ||
		    want[i].type == TUFF_EV_MAP_START)
			assert_int_equal(ev.style, want[i].style);
		if (want[i].tag == NULL)
			assert_null(ev.tag);
		else
			assert_string_equal(ev.tag, want[i].tag);
	}
	assert_int_equal(tuff_reader_event(s.r, &ev, &s.e), 0);
	assert_int_equal(ev.type, TUFF_EV_END);
	src_close(&s);
}

/* Events carry the same limits; duplicates are the caller's affair. */
static void
test_events_limits(void **state)
{
	struct src s;
	struct tuff_event ev;
	const char *dup = "a: 1\na: 2\n";
	const char *alias = "a: 1\nb: [*x]\n";
	int rc, n = 0;

	(void)state;
	src_open(&s, dup, strlen(dup));
	while ((rc = tuff_reader_event(s.r, &ev, &s.e)) == 1)
		n++;
	assert_int_equal(rc, 0);
	assert_int_equal(n, 8);
	src_close(&s);

	src_open(&s, alias, strlen(alias));
	while ((rc = tuff_reader_event(s.r, &ev, &s.e)) == 1)
		;
	assert_int_equal(rc, -1);
	assert_err(&s.e, 2, 5, "aliases are not allowed in records");
	assert_int_equal(tuff_reader_event(s.r, &ev, &s.e), -1);
	src_close(&s);
}

/* ---- the builder, as hme-score drives it ---- */

/* An event copied out of the reader, which reuses its own. */
struct saved {
	struct tuff_event	 ev;
	char			*val, *tag;
};

static void
save(struct saved *sv, const struct tuff_event *ev)
{
	sv->ev = *ev;
	sv->val = NULL;
	sv->tag = NULL;
	if (ev->val != NULL) {
		sv->val = malloc(ev->len + 1);
		assert_non_null(sv->val);
		memcpy(sv->val, ev->val, ev->len + 1);
		sv->ev.val = sv->val;
	}
	if (ev->tag != NULL) {
		sv->tag = strdup(ev->tag);
		sv->ev.tag = sv->tag;
	}
}

/*
 * Look at the first three events of each record (DOC_START, MAP_START,
 * the first key), then build the rest as a tree: replay the saved
 * events, then feed the live ones until the document is complete.
 */
static void
test_build_replay(void **state)
{
	const char *in = "kind: journey\nid: å1\nsteps: [a, b]\n"
	    "---\nkind: other\nx: {y: z}\n";
	struct src s;
	struct tuff_event ev;
	struct saved sv[3];
	struct tuff_doc *d;
	int i, b, ndoc;

	(void)state;
	src_open(&s, in, strlen(in));
	assert_null(tuff_reader_partial(s.r));
	for (ndoc = 0; ndoc < 2; ndoc++) {
		for (i = 0; i < 3; i++) {
			assert_int_equal(tuff_reader_event(s.r, &ev, &s.e), 1);
			save(&sv[i], &ev);
		}
		assert_int_equal(sv[0].ev.type, TUFF_EV_DOC_START);
		assert_string_equal(sv[2].ev.val, "kind");
		b = 0;
		for (i = 0; i < 3; i++) {
			assert_int_equal(tuff_reader_build(s.r, &sv[i].ev,
			    &s.e), 0);
			free(sv[i].val);
			free(sv[i].tag);
		}
		assert_non_null(tuff_reader_partial(s.r));
		while (b == 0) {
			assert_int_equal(tuff_reader_event(s.r, &ev, &s.e), 1);
			b = tuff_reader_build(s.r, &ev, &s.e);
		}
		assert_int_equal(b, 1);
		assert_int_equal(ev.type, TUFF_EV_DOC_END);
		d = tuff_reader_take(s.r);
		assert_non_null(d);
		assert_null(tuff_reader_partial(s.r));
		assert_null(tuff_reader_take(s.r));
		assert_string_equal(d->file, "t.yaml");
		if (ndoc == 0) {
			assert_string_equal(d->kind, "journey");
			assert_int_equal(d->line, 1);
			assert_int_equal(d->root->u.map.n, 3);
			assert_string_equal(tuff_str(tuff_map_get(d->root,
			    "id")), "å1");
			assert_int_equal(tuff_map_get(d->root,
			    "steps")->u.seq.n, 2);
			assert_int_equal(tuff_map_get(d->root,
			    "steps")->column, 8);
		} else {
			assert_string_equal(d->kind, "other");
			assert_int_equal(d->line, 4);
			assert_int_equal(d->root->line, 5);
			assert_string_equal(tuff_str(tuff_map_get(
			    tuff_map_get(d->root, "x"), "y")), "z");
		}
		tuff_doc_free(d);
	}
	assert_int_equal(tuff_reader_event(s.r, &ev, &s.e), 0);
	src_close(&s);
}

/* The builder refuses what tuff_reader_next refuses, with positions. */
static void
test_build_errors(void **state)
{
	struct src s;
	struct tuff_event ev;
	const char *dup = "x: 1\ny: 2\nx: 3\n";
	const char *seq = "- a\n";
	const char *empty = "---\n...\n";
	int rc = 0;

	(void)state;
	/* An event before any DOC_START. */
	src_open(&s, dup, strlen(dup));
	memset(&ev, 0, sizeof(ev));
	ev.type = TUFF_EV_SCALAR;
	ev.val = "x";
	ev.len = 1;
	ev.line = 3;
	ev.column = 2;
	assert_int_equal(tuff_reader_build(s.r, &ev, &s.e), -1);
	assert_err(&s.e, 3, 2, "event outside a document");

	while (rc == 0) {
		assert_int_equal(tuff_reader_event(s.r, &ev, &s.e), 1);
		rc = tuff_reader_build(s.r, &ev, &s.e);
	}
	assert_int_equal(rc, -1);
	assert_int_equal(ev.type, TUFF_EV_MAP_END);
	assert_err(&s.e, 3, 1, "duplicate key \"x\" (first at line 1, column 1)");
	src_close(&s);

	src_open(&s, seq, strlen(seq));
	rc = 0;
	while (rc == 0) {
		assert_int_equal(tuff_reader_event(s.r, &ev, &s.e), 1);
		rc = tuff_reader_build(s.r, &ev, &s.e);
	}
	assert_int_equal(rc, -1);
	assert_int_equal(ev.type, TUFF_EV_SEQ_START);
	assert_err(&s.e, 1, 1, "a record must be a mapping, not a sequence");
	src_close(&s);

	/* The empty document completes with no root. */
	src_open(&s, empty, strlen(empty));
	rc = 0;
	while (rc == 0) {
		assert_int_equal(tuff_reader_event(s.r, &ev, &s.e), 1);
		rc = tuff_reader_build(s.r, &ev, &s.e);
	}
	assert_int_equal(rc, 1);
	assert_non_null(tuff_reader_partial(s.r));
	assert_null(tuff_reader_partial(s.r)->root);
	assert_null(tuff_reader_partial(s.r)->kind);
	assert_int_equal(tuff_reader_event(s.r, &ev, &s.e), 0);
	src_close(&s);	/* frees the document never taken */
}

/* Mixing: events for one record, then tuff_reader_next for the rest. */
static void
test_events_then_next(void **state)
{
	const char *in = "a: 1\n---\nkind: b\n---\nkind: c\n";
	struct src s;
	struct tuff_event ev;

	(void)state;
	src_open(&s, in, strlen(in));
	do
		assert_int_equal(tuff_reader_event(s.r, &ev, &s.e), 1);
	while (ev.type != TUFF_EV_DOC_END);
	assert_int_equal(next(&s), 1);
	assert_string_equal(s.doc->kind, "b");
	assert_int_equal(next(&s), 1);
	assert_string_equal(s.doc->kind, "c");
	assert_int_equal(next(&s), 0);
	src_close(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alias),
		cmocka_unit_test(test_anchor),
		cmocka_unit_test(test_nesting_block),
		cmocka_unit_test(test_nesting_flow),
		cmocka_unit_test(test_nesting_block_seq),
		cmocka_unit_test(test_record_size),
		cmocka_unit_test(test_record_size_4byte),
		cmocka_unit_test(test_record_endless),
		cmocka_unit_test(test_record_endless_bare),
		cmocka_unit_test(test_scalar_size),
		cmocka_unit_test(test_dup_small),
		cmocka_unit_test(test_dup_large),
		cmocka_unit_test(test_dup_complex),
		cmocka_unit_test(test_dup_order),
		cmocka_unit_test(test_dup_heads),
		cmocka_unit_test(test_dup_missing_marker),
		cmocka_unit_test(test_raw_spans),
		cmocka_unit_test(test_encodings),
		cmocka_unit_test(test_syntax_hints),
		cmocka_unit_test(test_comment_window),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_utf8_codepoints),
		cmocka_unit_test(test_nul),
		cmocka_unit_test(test_utf8_far),
		cmocka_unit_test(test_utf8_far_crlf),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_not_mapping),
		cmocka_unit_test(test_empty_docs),
		cmocka_unit_test(test_multiple_docs),
		cmocka_unit_test(test_end_again),
		cmocka_unit_test(test_sticky),
		cmocka_unit_test(test_kind),
		cmocka_unit_test(test_tree_fidelity),
		cmocka_unit_test(test_read_error),
		cmocka_unit_test(test_events),
		cmocka_unit_test(test_events_limits),
		cmocka_unit_test(test_build_replay),
		cmocka_unit_test(test_build_errors),
		cmocka_unit_test(test_events_then_next),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
