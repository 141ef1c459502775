/*
 * Unit tests for the record writer: exact text for records read and
 * passed through (unicode as itself, key order, styles, tags), for
 * records generated event by event, quoting of strings that would read
 * back as something else, and write errors.
 */
#define _GNU_SOURCE	/* fopencookie */
#include <errno.h>
#include <limits.h>
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

/* A writer into memory. */
struct out {
	char			*buf;
	size_t			 len;
	FILE			*fp;
	struct tuff_writer	*w;
};

static void
out_open(struct out *o)
{
	memset(o, 0, sizeof(*o));
	o->fp = open_memstream(&o->buf, &o->len);
	assert_non_null(o->fp);
	o->w = tuff_writer_new(o->fp);
	assert_non_null(o->w);
}

/* Close the writer (which must succeed) and return the text written. */
static char *
out_close(struct out *o)
{
	assert_int_equal(tuff_writer_close(o->w), 0);
	tuff_writer_free(o->w);
	assert_int_equal(fclose(o->fp), 0);
	return o->buf;
}

/*
 * Read every record of in and write it out again: the text written.
 * With move, through tuff_write_passthrough (the parser's buffers go to
 * the emitter), else through tuff_write_doc (copies).
 */
static char *
pass_through_as(const char *in, int move)
{
	struct out o;
	struct tuff_reader *r;
	struct tuff_doc *d;
	struct tuff_error e;
	FILE *fp;
	int rc;

	fp = fmemopen((void *)(uintptr_t)in, strlen(in), "r");
	assert_non_null(fp);
	r = tuff_reader_new(fp, "t.yaml");
	assert_non_null(r);
	out_open(&o);
	while ((rc = tuff_reader_next(r, &d, &e)) == 1) {
		if (move)
			assert_int_equal(tuff_write_passthrough(o.w, d), 0);
		else {
			assert_int_equal(tuff_write_doc(o.w, d->root), 0);
			tuff_doc_free(d);
		}
	}
	if (rc != 0)
		fail_msg("%lu:%lu: %s", e.line, e.column, e.msg);
	tuff_reader_free(r);
	fclose(fp);
	return out_close(&o);
}

static char *
pass_through(const char *in)
{
	return pass_through_as(in, 0);
}

/*
 * Passing in through gives exactly want, both ways of writing, and want
 * passes through as is.
 */
static void
assert_pass(const char *in, const char *want)
{
	char *got = pass_through_as(in, 1), *again;

	assert_string_equal(got, want);
	free(got);
	got = pass_through(in);
	assert_string_equal(got, want);
	again = pass_through(got);
	assert_string_equal(again, want);
	free(again);
	free(got);
}

static void
test_unicode(void **state)
{
	(void)state;
	assert_pass("namn: Åsa Öberg\nort: Växjö\nbelopp: 12 €\nk: \"丁\"\n",
	    "---\nnamn: Åsa Öberg\nort: Växjö\nbelopp: 12 €\nk: \"丁\"\n");
	/* Escapes in the input are written as the characters. */
	assert_pass("a: \"\\u00e5\\u00e4\\u00f6\"\nb: \"\\xC5\"\n",
	    "---\na: \"åäö\"\nb: \"Å\"\n");
	/* Unicode keys. */
	assert_pass("åtgärd: ja\n", "---\nåtgärd: ja\n");
}

/*
 * A null stays a null: libyaml's emitter would quote an empty plain
 * scalar in a flow collection or as a key, turning it into a string.
 */
static void
test_null_in_flow(void **state)
{
	(void)state;
	assert_pass("kind: x\na: {b: }\nc: [~, 1]\n? \n: v\nd:\n",
	    "---\nkind: x\na: {b: ~}\nc: [~, 1]\n~: v\nd:\n");
	assert_pass("answers: {m1: , m2: 3}\n",
	    "---\nanswers: {m1: ~, m2: 3}\n");
}

static void
test_key_order(void **state)
{
	(void)state;
	assert_pass("z: 1\na: 2\nm: 3\nkind: x\nb: 4\n",
	    "---\nz: 1\na: 2\nm: 3\nkind: x\nb: 4\n");
	assert_pass("a: {z: 1, y: 2, x: 3}\n", "---\na: {z: 1, y: 2, x: 3}\n");
}

/*
 * Characters beyond the BMP: libyaml 0.2.5's emitter does not count them
 * printable and escapes them ("\U0001F600"), against SPEC §2's "never
 * escaped".  What must hold regardless: the value reads back the same.
 */
static void
test_unicode_astral(void **state)
{
	const char *in = "glad: 😀 och 𝄞\n";
	char *got;
	struct tuff_reader *r;
	struct tuff_doc *d;
	struct tuff_error e;
	FILE *fp;

	(void)state;
	got = pass_through(in);
	fp = fmemopen(got, strlen(got), "r");
	r = tuff_reader_new(fp, "t.yaml");
	assert_int_equal(tuff_reader_next(r, &d, &e), 1);
	assert_string_equal(tuff_str(tuff_map_get(d->root, "glad")),
	    "😀 och 𝄞");
	tuff_doc_free(d);
	tuff_reader_free(r);
	fclose(fp);
	free(got);
}

/* Every record gets its own "---", whatever the input had. */
static void
test_doc_markers(void **state)
{
	(void)state;
	assert_pass("a: 1\n---\nb: 2\n...\n---\nc: 3\n",
	    "---\na: 1\n---\nb: 2\n---\nc: 3\n");
	assert_pass("--- {a: 1}\n", "--- {a: 1}\n");
	/* No records, no text (not even a lone "---"). */
	assert_pass("", "");
	assert_pass("---\n...\n# only empty documents\n", "");
}

/* Styles, tags and block scalars come back as they were written. */
static void
test_fidelity(void **state)
{
	(void)state;
	assert_pass("a: plain\nb: 'single'\nc: \"double\"\n",
	    "---\na: plain\nb: 'single'\nc: \"double\"\n");
	assert_pass("f: [1, 2]\ng: {a: b}\nh:\n- x\n- {y: z}\ni: []\nj: {}\n",
	    "---\nf: [1, 2]\ng: {a: b}\nh:\n- x\n- {y: z}\ni: []\nj: {}\n");
	assert_pass("h:\n  - x\n  - y\n", "---\nh:\n- x\n- y\n");
	assert_pass("t: !!str 5\nu: !!int \"7\"\nc: !custom x\n"
	    "m: !!map {a: 1}\ns: !!seq [1]\n",
	    "---\nt: !!str 5\nu: !!int \"7\"\nc: !custom x\n"
	    "m: !!map {a: 1}\ns: !!seq [1]\n");
	assert_pass("l: |\n  rad1\n  rad2\nk: |-\n  utan\n",
	    "---\nl: |\n  rad1\n  rad2\nk: |-\n  utan\n");
	/* Folded text keeps its value, not where its lines were broken. */
	assert_pass("f: >\n  vikt\n  text\n", "---\nf: >\n  vikt text\n");
	assert_pass("n1: ~\nn2:\nn3: null\n", "---\nn1: ~\nn2:\nn3: null\n");
	/* A NUL and a tab are escaped, in double quotes. */
	assert_pass("n: \"a\\0b\\tc\"\n", "---\nn: \"a\\0b\\tc\"\n");
	/* Comments are not kept. */
	assert_pass("# top\na: 1 # why\n", "---\na: 1\n");
}

/* No folding of long lines: a 300-character value stays on one line. */
static void
test_no_fold(void **state)
{
	char in[400], want[400];
	char *got;

	(void)state;
	memset(in, 0, sizeof(in));
	strcpy(in, "a: ");
	memset(in + 3, 'x', 300);
	memcpy(in + 3 + 150, " ", 1);	/* a space to fold at */
	in[303] = '\n';
	snprintf(want, sizeof(want), "---\n%s", in);
	got = pass_through(in);
	assert_string_equal(got, want);
	free(got);
}

/* Records generated event by event. */
static void
test_generated(void **state)
{
	struct out o;
	char *got;

	(void)state;
	out_open(&o);
	assert_int_equal(tuff_w_begin(o.w), 0);
	tuff_w_key(o.w, "kind");
	tuff_w_str(o.w, "hme-score");
	tuff_w_key(o.w, "unit");
	tuff_w_str(o.w, "Äldreomsorg/Hemtjänst Norr");
	tuff_w_key(o.w, "period");
	tuff_w_plain(o.w, "2024");
	tuff_w_key(o.w, "respondents");
	tuff_w_int(o.w, 17);
	tuff_w_key(o.w, "index");
	tuff_w_dec1(o.w, 851);
	tuff_w_key(o.w, "change");
	tuff_w_dec1(o.w, -5);
	tuff_w_key(o.w, "zero");
	tuff_w_dec1(o.w, 0);
	tuff_w_key(o.w, "drop");
	tuff_w_dec1(o.w, -265);
	tuff_w_key(o.w, "min");
	tuff_w_int(o.w, LONG_MIN);
	tuff_w_key(o.w, "ok");
	tuff_w_bool(o.w, 1);
	tuff_w_key(o.w, "bad");
	tuff_w_bool(o.w, 0);
	tuff_w_key(o.w, "none");
	tuff_w_null(o.w);
	tuff_w_key(o.w, "tags");
	tuff_w_seq_begin(o.w, 1);
	tuff_w_str(o.w, "a");
	tuff_w_str(o.w, "yes");
	tuff_w_seq_end(o.w);
	tuff_w_key(o.w, "steps");
	tuff_w_seq_begin(o.w, 0);
	tuff_w_map_begin(o.w);
	tuff_w_key(o.w, "nr");
	tuff_w_int(o.w, 1);
	tuff_w_map_end(o.w);
	tuff_w_seq_end(o.w);
	assert_int_equal(tuff_w_end(o.w), 0);
	assert_int_equal(tuff_w_begin(o.w), 0);
	tuff_w_key(o.w, "kind");
	tuff_w_str(o.w, "hme-summary");
	assert_int_equal(tuff_w_end(o.w), 0);
	got = out_close(&o);
	assert_string_equal(got,
	    "---\n"
	    "kind: hme-score\n"
	    "unit: Äldreomsorg/Hemtjänst Norr\n"
	    "period: 2024\n"
	    "respondents: 17\n"
	    "index: 85.1\n"
	    "change: -0.5\n"
	    "zero: 0.0\n"
	    "drop: -26.5\n"
	    "min: -9223372036854775808\n"
	    "ok: true\n"
	    "bad: false\n"
	    "none: null\n"
	    "tags: [a, 'yes']\n"
	    "steps:\n"
	    "- nr: 1\n"
	    "---\n"
	    "kind: hme-summary\n");
	free(got);
}

/*
 * tuff_w_str quotes what plain YAML would read as a number, bool or
 * null, and the text reads back as the same string.
 */
static void
test_quoting(void **state)
{
	static const struct {
		const char	*s;
		const char	*want;	/* the value as written */
	} cases[] = {
		{ "2018", "'2018'" },
		{ "yes", "'yes'" },
		{ "No", "'No'" },
		{ "null", "'null'" },
		{ "~", "'~'" },
		{ "", "''" },
		{ "true", "'true'" },
		{ "-1.5", "'-1.5'" },
		{ ".inf", "'.inf'" },
		{ "-.inf", "'-.inf'" },
		{ ".NaN", "'.NaN'" },
		{ "0x1F", "'0x1F'" },
		{ "1e3", "'1e3'" },
		{ "2024-05-01", "'2024-05-01'" },
		{ "hej", "hej" },
		{ "Hemtjänst Norr", "Hemtjänst Norr" },
		{ "yesterday", "yesterday" },
		{ "a: b", "'a: b'" },
		{ "- x", "'- x'" },
		{ "#tag", "'#tag'" },
		{ "it's", "it's" },
		{ " lead", "' lead'" },
		{ "rad1\nrad2", NULL },
		{ "tab\there", NULL },
		{ "[x]", "'[x]'" },
		{ "&a", "'&a'" },
		{ "*a", "'*a'" },
		{ "!x", "'!x'" },
		{ "%x", "'%x'" },
		{ "@x", "'@x'" },
		{ "---", "'---'" },
	};
	struct out o;
	char *got, *line;
	struct tuff_reader *r;
	struct tuff_doc *d;
	struct tuff_error e;
	const struct tuff_node *v;
	FILE *fp;
	size_t i;
	char key[16];

	(void)state;
	out_open(&o);
	tuff_w_begin(o.w);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(key, sizeof(key), "k%zu", i);
		tuff_w_key(o.w, key);
		tuff_w_str(o.w, cases[i].s);
	}
	assert_int_equal(tuff_w_end(o.w), 0);
	got = out_close(&o);

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char want[64];

		if (cases[i].want == NULL)
			continue;
		snprintf(want, sizeof(want), "\nk%zu: %s\n", i, cases[i].want);
		if ((line = strstr(got, want)) == NULL)
			fail_msg("\"%s\" not written as %s in:\n%s", cases[i].s,
			    cases[i].want, got);
	}

	/* Read back: each value is a string, not plain-special. */
	fp = fmemopen(got, strlen(got), "r");
	r = tuff_reader_new(fp, "t.yaml");
	assert_int_equal(tuff_reader_next(r, &d, &e), 1);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(key, sizeof(key), "k%zu", i);
		v = tuff_map_get(d->root, key);
		assert_non_null(v);
		assert_string_equal(v->u.s.val, cases[i].s);
		if (v->style == TUFF_PLAIN &&
		    tuff_plain_is_special(v->u.s.val, v->u.s.len))
			fail_msg("\"%s\" reads back plain", cases[i].s);
		assert_false(tuff_is_null(v));
	}
	tuff_doc_free(d);
	tuff_reader_free(r);
	fclose(fp);
	free(got);
}

/* Keys go through the same quoting. */
static void
test_quoted_keys(void **state)
{
	struct out o;
	char *got;

	(void)state;
	out_open(&o);
	tuff_w_begin(o.w);
	tuff_w_key(o.w, "2018");
	tuff_w_int(o.w, 5);
	tuff_w_key(o.w, "no");
	tuff_w_str(o.w, "nej");
	tuff_w_end(o.w);
	got = out_close(&o);
	assert_string_equal(got, "---\n'2018': 5\n'no': nej\n");
	free(got);
}

/* Trees built with the node functions write as they should. */
static void
test_built_nodes(void **state)
{
	struct tuff_doc *d = tuff_doc_new();
	struct tuff_node *m, *s;
	struct out o;
	char *got;

	(void)state;
	m = tuff_new_map(d);
	tuff_map_set(d, m, "kind", tuff_new_str(d, "decision"));
	tuff_map_set(d, m, "year", tuff_new_str(d, "2018"));
	tuff_map_set(d, m, "date", tuff_new_plain(d, "2018-05-01"));
	tuff_map_set(d, m, "cost_sek", tuff_new_int(d, 12000));
	tuff_map_set(d, m, "share", tuff_new_dec1(d, -5));
	tuff_map_set(d, m, "done", tuff_new_bool(d, 0));
	tuff_map_set(d, m, "note", tuff_new_null(d));
	s = tuff_new_seq(d);
	s->style = 1;
	tuff_seq_push(d, s, tuff_new_str(d, "rullstol"));
	tuff_seq_push(d, s, tuff_new_str(d, "on"));
	tuff_map_set(d, m, "regarding", s);
	tuff_map_set(d, m, "year", tuff_new_str(d, "2019"));	/* replaced */
	out_open(&o);
	assert_int_equal(tuff_write_doc(o.w, m), 0);
	got = out_close(&o);
	assert_string_equal(got,
	    "---\n"
	    "kind: decision\n"
	    "year: '2019'\n"
	    "date: 2018-05-01\n"
	    "cost_sek: 12000\n"
	    "share: -0.5\n"
	    "done: false\n"
	    "note: null\n"
	    "regarding: [rullstol, 'on']\n");
	free(got);
	tuff_doc_free(d);
}

/* A writer that never wrote closes cleanly and writes nothing. */
static void
test_empty_writer(void **state)
{
	struct out o;
	char *got;

	(void)state;
	out_open(&o);
	got = out_close(&o);
	assert_int_equal(o.len, 0);
	free(got);
	tuff_writer_free(NULL);
}

/* A stream whose writes all fail, like a full disk. */
static ssize_t
full_write(void *cookie, const char *buf, size_t n)
{
	size_t *calls = cookie;

	(void)buf;
	(void)n;
	(*calls)++;
	errno = ENOSPC;
	return -1;
}

static FILE *
full_stream(size_t *calls)
{
	cookie_io_functions_t io = { NULL, full_write, NULL, NULL };
	FILE *fp = fopencookie(calls, "w", io);

	assert_non_null(fp);
	return fp;
}

/* A small record fits stdio's buffer: the error shows at close. */
static void
test_write_error_small(void **state)
{
	size_t calls = 0;
	FILE *fp = full_stream(&calls);
	struct tuff_writer *w = tuff_writer_new(fp);

	(void)state;
	tuff_w_begin(w);
	tuff_w_key(w, "a");
	tuff_w_int(w, 1);
	tuff_w_end(w);
	assert_int_equal(tuff_writer_close(w), -1);
	assert_true(calls > 0);
	tuff_writer_free(w);
	fclose(fp);
}

/* A big output fails on the way, and the error is sticky. */
static void
test_write_error_big(void **state)
{
	size_t calls = 0;
	FILE *fp = full_stream(&calls);
	struct tuff_writer *w = tuff_writer_new(fp);
	int i, failed_at = -1;
	char val[100];

	(void)state;
	memset(val, 'x', sizeof(val) - 1);
	val[sizeof(val) - 1] = '\0';
	for (i = 0; i < 10000 && failed_at < 0; i++) {
		tuff_w_begin(w);
		tuff_w_key(w, "v");
		tuff_w_str(w, val);
		if (tuff_w_end(w) == -1)
			failed_at = i;
	}
	assert_true(failed_at >= 0);
	/* Every later call fails too. */
	assert_int_equal(tuff_w_begin(w), -1);
	assert_int_equal(tuff_w_str(w, "x"), -1);
	assert_int_equal(tuff_w_end(w), -1);
	assert_int_equal(tuff_writer_close(w), -1);
	tuff_writer_free(w);
	fclose(fp);
}

static void
test_dev_full(void **state)
{
	FILE *fp = fopen("/dev/full", "w");
	struct tuff_writer *w;

	(void)state;
	if (fp == NULL)
		skip();
	w = tuff_writer_new(fp);
	tuff_w_begin(w);
	tuff_w_key(w, "a");
	tuff_w_str(w, "b");
	tuff_w_end(w);
	assert_int_equal(tuff_writer_close(w), -1);
	assert_int_equal(errno, ENOSPC);
	tuff_writer_free(w);
	fclose(fp);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unicode),
		cmocka_unit_test(test_unicode_astral),
		cmocka_unit_test(test_key_order),
		cmocka_unit_test(test_null_in_flow),
		cmocka_unit_test(test_doc_markers),
		cmocka_unit_test(test_fidelity),
		cmocka_unit_test(test_no_fold),
		cmocka_unit_test(test_generated),
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_quoted_keys),
		cmocka_unit_test(test_built_nodes),
		cmocka_unit_test(test_empty_writer),
		cmocka_unit_test(test_write_error_small),
		cmocka_unit_test(test_write_error_big),
		cmocka_unit_test(test_dev_full),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
