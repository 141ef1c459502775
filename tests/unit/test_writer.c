/*
 * Unit tests for the record writer: records read and not changed come
 * out as the bytes they were read from (with a "---" where they had
 * none), whatever the mix with emitted records; exact text for records
 * emitted (unicode as itself, key order, styles, tags), for records
 * generated event by event, quoting of strings that would read back as
 * something else, and write errors.
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

#include "util.h"

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

enum how {
	EMIT,		/* as a changed record: through the emitter */
	RAW		/* as an unchanged one: its text */
};

/* Write every record of the reader r, and the text after the last. */
static void
rewrite_into(struct out *o, struct tuff_reader *r, enum how how)
{
	struct tuff_doc *d;
	struct tuff_error e;
	const char *tail;
	size_t n;
	int rc;

	while ((rc = tuff_reader_next(r, &d, &e)) == 1) {
		if (how == RAW)
			assert_int_equal(tuff_write_passthrough(o->w, d), 0);
		else {
			assert_int_equal(tuff_write_changed(o->w, d), 0);
			tuff_doc_free(d);
		}
	}
	if (rc != 0)
		fail_msg("%lu:%lu: %s", e.line, e.column, e.msg);
	tail = tuff_reader_tail(r, &n);
	assert_int_equal(tuff_write_text(o->w, tail, n), 0);
}

/* Read each text in turn as one stream, as a tool reads its files. */
static char *
rewrite_files(const char *const *in, size_t nin, enum how how)
{
	struct out o;
	struct tuff_reader *r;
	FILE *fp;
	size_t i;

	out_open(&o);
	for (i = 0; i < nin; i++) {
		fp = mem_file(in[i], strlen(in[i]));
		r = tuff_reader_new(fp, "t.yaml");
		assert_non_null(r);
		rewrite_into(&o, r, how);
		tuff_reader_free(r);
		fclose(fp);
	}
	return out_close(&o);
}

static char *
rewrite(const char *in, enum how how)
{
	return rewrite_files(&in, 1, how);
}

static char *
pass_through(const char *in)
{
	return rewrite(in, EMIT);
}

/* in and want each come out as want, written how. */
static void
assert_how(const char *in, const char *want, enum how how)
{
	char *got = rewrite(in, how), *again;

	assert_string_equal(got, want);
	again = rewrite(got, how);
	assert_string_equal(again, want);
	free(again);
	free(got);
}

/* A record through the emitter. */
static void
assert_emit(const char *in, const char *want)
{
	assert_how(in, want, EMIT);
}

/* A record as read: want is in with a "---" where a record has none. */
static void
assert_raw(const char *in, const char *want)
{
	assert_how(in, want, RAW);
}

static void
test_unicode(void **state)
{
	(void)state;
	assert_emit("namn: Åsa Öberg\nort: Växjö\nbelopp: 12 €\nk: \"丁\"\n",
	    "---\nnamn: Åsa Öberg\nort: Växjö\nbelopp: 12 €\nk: \"丁\"\n");
	/* Escapes in the input are written as the characters. */
	assert_emit("a: \"\\u00e5\\u00e4\\u00f6\"\nb: \"\\xC5\"\n",
	    "---\na: \"åäö\"\nb: \"Å\"\n");
	/* Unicode keys. */
	assert_emit("åtgärd: ja\n", "---\nåtgärd: ja\n");
}

/*
 * A null stays a null: libyaml's emitter would quote an empty plain
 * scalar in a flow collection or as a key, turning it into a string.
 */
static void
test_null_in_flow(void **state)
{
	(void)state;
	assert_emit("kind: x\na: {b: }\nc: [~, 1]\n? \n: v\nd:\n",
	    "---\nkind: x\na: {b: ~}\nc: [~, 1]\n~: v\nd:\n");
	assert_emit("answers: {m1: , m2: 3}\n",
	    "---\nanswers: {m1: ~, m2: 3}\n");
}

static void
test_key_order(void **state)
{
	(void)state;
	assert_emit("z: 1\na: 2\nm: 3\nkind: x\nb: 4\n",
	    "---\nz: 1\na: 2\nm: 3\nkind: x\nb: 4\n");
	assert_emit("a: {z: 1, y: 2, x: 3}\n", "---\na: {z: 1, y: 2, x: 3}\n");
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
	assert_emit("a: 1\n---\nb: 2\n...\n---\nc: 3\n",
	    "---\na: 1\n---\nb: 2\n---\nc: 3\n");
	assert_emit("--- {a: 1}\n", "--- {a: 1}\n");
	/* No records: only the text around them. */
	assert_emit("", "");
	assert_emit("---\n...\n# only empty documents\n",
	    "---\n...\n# only empty documents\n");
}

/* Styles, tags and block scalars come back as they were written. */
static void
test_fidelity(void **state)
{
	(void)state;
	assert_emit("a: plain\nb: 'single'\nc: \"double\"\n",
	    "---\na: plain\nb: 'single'\nc: \"double\"\n");
	assert_emit("f: [1, 2]\ng: {a: b}\nh:\n- x\n- {y: z}\ni: []\nj: {}\n",
	    "---\nf: [1, 2]\ng: {a: b}\nh:\n- x\n- {y: z}\ni: []\nj: {}\n");
	assert_emit("h:\n  - x\n  - y\n", "---\nh:\n- x\n- y\n");
	assert_emit("t: !!str 5\nu: !!int \"7\"\nc: !custom x\n"
	    "m: !!map {a: 1}\ns: !!seq [1]\n",
	    "---\nt: !!str 5\nu: !!int \"7\"\nc: !custom x\n"
	    "m: !!map {a: 1}\ns: !!seq [1]\n");
	assert_emit("l: |\n  rad1\n  rad2\nk: |-\n  utan\n",
	    "---\nl: |\n  rad1\n  rad2\nk: |-\n  utan\n");
	/* Folded text keeps its value, not where its lines were broken. */
	assert_emit("f: >\n  vikt\n  text\n", "---\nf: >\n  vikt text\n");
	assert_emit("n1: ~\nn2:\nn3: null\n", "---\nn1: ~\nn2:\nn3: null\n");
	/* A NUL and a tab are escaped, in double quotes. */
	assert_emit("n: \"a\\0b\\tc\"\n", "---\nn: \"a\\0b\\tc\"\n");
	/* Comments in a changed record are not kept, those before it
	 * (and after the last) are. */
	assert_emit("# top\na: 1 # why\n# end\n", "# top\n---\na: 1\n# end\n");
	/* Those below its "---" too, written above the emitter's. */
	assert_emit("# a\n--- # on the marker\n\n# b\nk: 1\n",
	    "# a\n\n# b\n---\nk: 1\n");
	assert_emit("%YAML 1.1\n# c\n---\n# d\nk: v\n",
	    "# c\n# d\n---\nk: v\n");
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


/* ---- records as read ---- */

/* Comments, blank lines, quoting and flow stay as they were. */
static void
test_raw_text(void **state)
{
	(void)state;
	assert_raw("# lead\n\nkind: x # why\n\n# about b\n---\nb: 'q'  # c\n"
	    "c: \"d\"\n# end\n",
	    "# lead\n\n---\nkind: x # why\n\n# about b\n---\nb: 'q'  # c\n"
	    "c: \"d\"\n# end\n");
	assert_raw("a: {b: 1,\n  c: [2,\n    3]}   # flow\nz: >-\n  folded\n"
	    "  text\n",
	    "---\na: {b: 1,\n  c: [2,\n    3]}   # flow\nz: >-\n  folded\n"
	    "  text\n");
	assert_raw("   # indented comment\n  kind: x\n  y: 1\n",
	    "   # indented comment\n---\n  kind: x\n  y: 1\n");
	assert_raw("--- {kind: x}\n--- # c\nkind: y\n",
	    "--- {kind: x}\n--- # c\nkind: y\n");
	/* Empty documents join the record after them, or the tail. */
	assert_raw("---\n---\n# e\n...\n---\nkind: x\n---\n# none\n---\n",
	    "---\n---\n# e\n...\n---\nkind: x\n---\n# none\n---\n");
	assert_raw("# nothing\n", "# nothing\n");
	/* A second byte order mark would start the output: not written. */
	assert_raw("\xef\xbb\xbf\xef\xbb\xbf", "");
	assert_raw("\xef\xbb\xbf\xef\xbb\xbf# c\nk: v\n", "# c\n---\nk: v\n");
}

/* "..." belongs to the record before it; directives to the next. */
static void
test_raw_markers(void **state)
{
	(void)state;
	assert_raw("a: 1\n... # end\n# next\n%YAML 1.1\n---\nb: 2\n...\n",
	    "---\na: 1\n... # end\n# next\n%YAML 1.1\n---\nb: 2\n...\n");
	assert_raw("%TAG !e! tag:example.com,2000:\n--- !e!x\nk: v\n",
	    "%TAG !e! tag:example.com,2000:\n--- !e!x\nk: v\n");
}

/* Block scalars end where libyaml ends them, trailing lines and all. */
static void
test_raw_block(void **state)
{
	(void)state;
	assert_raw("a: |+\n  x\n\n\n# c\n---\nb: |\n  y\n\n---\nc: >\n z\n",
	    "---\na: |+\n  x\n\n\n# c\n---\nb: |\n  y\n\n---\nc: >\n z\n");
	assert_raw("a:\n  b: |-\n    x\n  # less indented\nc: 1\n",
	    "---\na:\n  b: |-\n    x\n  # less indented\nc: 1\n");
}

/* Empty values at the end of a record stay with it. */
static void
test_raw_empty_end(void **state)
{
	(void)state;
	assert_raw("a:\n  - x\n  -\n# c\n---\nb:\n# d\n---\nc: {d: }\n",
	    "---\na:\n  - x\n  -\n# c\n---\nb:\n# d\n---\nc: {d: }\n");
	assert_raw("? x\n# c\n", "---\n? x\n# c\n");
}

/* Windows and old Mac line ends: the "---" added takes the record's. */
static void
test_raw_crlf(void **state)
{
	(void)state;
	assert_raw("# c\r\na: 1\r\nb: |\r\n  x\r\n\r\n---\r\nc: 2\r\n",
	    "# c\r\n---\r\na: 1\r\nb: |\r\n  x\r\n\r\n---\r\nc: 2\r\n");
	assert_raw("a: 1\rb: 2\r", "---\ra: 1\rb: 2\r");
	assert_raw("a: \"åäö😀\"\r\n# x\r\n", "---\r\na: \"åäö😀\"\r\n# x\r\n");
}

/* Files without a last line break: a line break is added after them. */
static void
test_raw_files(void **state)
{
	const char *in[] = { "a: 1", "# c\nb: 2\n# d", "c: 3" };
	char *got;

	(void)state;
	assert_raw("a: 1", "---\na: 1");
	assert_raw("a: 1 # c", "---\na: 1 # c");
	got = rewrite_files(in, 3, RAW);
	assert_string_equal(got,
	    "---\na: 1\n# c\n---\nb: 2\n# d\n---\nc: 3");
	free(got);
	got = rewrite_files(in, 3, EMIT);
	assert_string_equal(got,
	    "---\na: 1\n# c\n---\nb: 2\n# d\n---\nc: 3\n");
	free(got);
}

/* The value of key in the only record of text. */
static char *
value_in(const char *text, const char *key)
{
	struct tuff_reader *r;
	struct tuff_doc *d;
	struct tuff_error e;
	FILE *fp = mem_file(text, strlen(text));
	char *v;

	r = tuff_reader_new(fp, "t.yaml");
	if (tuff_reader_next(r, &d, &e) != 1)
		fail_msg("%lu:%lu: %s\n%s", e.line, e.column, e.msg, text);
	v = strdup(tuff_str(tuff_map_get(d->root, key)));
	tuff_doc_free(d);
	tuff_reader_free(r);
	fclose(fp);
	return v;
}

/*
 * Text after a record that ends in a block scalar must not run into
 * it: whether the scalar came from a file (of another file's text) or
 * from the emitter, the writer ends it with "..." where it would.
 */
static void
test_raw_after_block(void **state)
{
	const char *in[] = { "a: |+\n  x\n", "\n\n  # c\nb: 1\n" };
	const char *safe[] = { "a: |\n  x\n", "# c\nb: 1\n" };
	struct out o;
	struct tuff_doc *d;
	char *got, *v;

	(void)state;
	got = rewrite_files(in, 2, RAW);
	assert_string_equal(got, "---\na: |+\n  x\n...\n\n\n  # c\n---\nb: 1\n");
	v = value_in(got, "a");
	assert_string_equal(v, "x\n");
	free(v);
	free(got);
	/* Where nothing could run in, nothing is added. */
	got = rewrite_files(safe, 2, RAW);
	assert_string_equal(got, "---\na: |\n  x\n# c\n---\nb: 1\n");
	free(got);

	/* Emitted, then text: the emitter's scalar is ended. */
	d = doc_of("a: |+\n  x\n\n");
	out_open(&o);
	assert_int_equal(tuff_write_changed(o.w, d), 0);
	assert_int_equal(tuff_write_text(o.w, "  # c\n", 6), 0);
	got = out_close(&o);
	assert_string_equal(got, "---\na: |+\n  x\n\n...\n  # c\n");
	tuff_doc_free(d);
	free(got);
}

/* A record as the emitter writes it. */
static char *
emitted(const struct tuff_doc *d)
{
	struct out o;

	out_open(&o);
	assert_int_equal(tuff_write_doc(o.w, d->root), 0);
	return out_close(&o);
}

/* text holds n records, equal to want's as the emitter sees them. */
static void
assert_same_records(const char *text, struct tuff_doc **want, size_t n)
{
	struct tuff_reader *r;
	struct tuff_doc *d;
	struct tuff_error e;
	FILE *fp = mem_file(text, strlen(text));
	char *a, *b;
	size_t i;

	r = tuff_reader_new(fp, "t.yaml");
	for (i = 0; i < n; i++) {
		if (tuff_reader_next(r, &d, &e) != 1)
			fail_msg("record %zu: %s\n%s", i, e.msg, text);
		a = emitted(d);
		b = emitted(want[i]);
		assert_string_equal(a, b);
		free(a);
		free(b);
		tuff_doc_free(d);
	}
	assert_int_equal(tuff_reader_next(r, &d, &e), 0);
	tuff_reader_free(r);
	fclose(fp);
}

/*
 * Records as read and emitted, in turn, on one output: each keeps its
 * text or gets the emitter's, the stream reads back the same, and a
 * second pass over it gives it unchanged.
 */
static void
test_raw_mixed(void **state)
{
	static const char *const recs[] = {
		"# one\nkind: a # c\nt: |\n  text\n",
		"kind: b\nt: |+\n  kept\n\n",
		"---\r\nkind: c\r\n",
		"kind: d\nl: [1,\n  2]",
	};
	struct tuff_doc *d[4];
	struct out o;
	char *got, *again;
	size_t i, round;

	(void)state;
	for (round = 0; round < 4; round++) {
		out_open(&o);
		for (i = 0; i < 4; i++) {
			d[i] = doc_of(recs[i]);
			if ((i + round) % 2 == 0)
				assert_int_equal(tuff_write_unchanged(o.w,
				    d[i]), 0);
			else
				assert_int_equal(tuff_write_changed(o.w, d[i]),
				    0);
		}
		got = out_close(&o);
		again = rewrite(got, RAW);
		assert_string_equal(again, got);
		free(again);
		/* Every record reads back with its values. */
		assert_same_records(got, d, 4);
		for (i = 0; i < 4; i++)
			tuff_doc_free(d[i]);
		free(got);
	}
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
		cmocka_unit_test(test_raw_text),
		cmocka_unit_test(test_raw_markers),
		cmocka_unit_test(test_raw_block),
		cmocka_unit_test(test_raw_empty_end),
		cmocka_unit_test(test_raw_crlf),
		cmocka_unit_test(test_raw_files),
		cmocka_unit_test(test_raw_after_block),
		cmocka_unit_test(test_raw_mixed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
