/*
 * Unit tests for held output (lib/stream.c): the held text comes out
 * whole, with what is written at each place inserted there, in order;
 * the pieces join into a stream that reads as they did; a run that
 * fails writes nothing; errors name the spill file or the output.
 */
#define _GNU_SOURCE	/* fopencookie */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "tuff/buf.h"
#include "tuff/diag.h"
#include "tuff/stream.h"

#include "util.h"

/* What a place's function writes: the text its arg names, as a record. */
static int
write_named(void *arg, struct tuff_writer *w, void *ctx, struct tuff_error *e)
{
	const char *what = arg;
	int *calls = ctx;

	(*calls)++;
	if (what == NULL)
		return 0;
	if (strcmp(what, "fail") == 0)
		return tuff_seterr(e, NULL, 0, 0, "the place failed");
	tuff_w_begin(w);
	tuff_w_key(w, "kind");
	tuff_w_str(w, what);
	return tuff_w_end(w) == -1 ? tuff_writer_error(w, e) : 0;
}

/* What out holds (a temporary file), as a string. */
static char *
contents(struct tuff_out *out)
{
	char *buf = calloc(1, 65536);
	ssize_t n;

	assert_non_null(buf);
	assert_int_equal(fflush(out->fp), 0);
	n = pread(out->fd, buf, 65535, 0);
	assert_true(n >= 0);
	return buf;
}

/* Finish s into a temporary file: its text, or NULL with e filled. */
static char *
finish(struct tuff_stream *s, tuff_place_fn *fn, void *ctx,
    struct tuff_error *e)
{
	struct tuff_out out;
	char *buf;
	int rc;

	assert_non_null(tuff_out_temp(&out));
	rc = tuff_stream_finish(s, &out, fn, ctx, e);
	buf = contents(&out);
	tuff_out_close(&out, 0);
	if (rc == -1) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* The records of a text, written as read, into w. */
static void
pass_text(struct tuff_writer *w, const char *text)
{
	struct tuff_doc *d = doc_of(text);

	assert_int_equal(tuff_write_unchanged(w, d), 0);
	tuff_doc_free(d);
}

static void
test_places(void **state)
{
	struct tuff_stream *s = tuff_stream_new();
	struct tuff_writer *w;
	struct tuff_error e;
	int calls = 0;
	char *got;

	(void)state;
	assert_non_null(s);
	w = tuff_stream_writer(s);
	pass_text(w, "# a\nkind: a # kept\n");
	assert_int_equal(tuff_stream_place(s, "one", NULL, &e), 0);
	pass_text(w, "---\nkind: b\n");
	/* Two places in a row, and one where nothing goes. */
	assert_int_equal(tuff_stream_place(s, "two", NULL, &e), 0);
	assert_int_equal(tuff_stream_place(s, NULL, NULL, &e), 0);
	assert_int_equal(tuff_stream_place(s, "three", NULL, &e), 0);
	pass_text(w, "kind: c\r\n");
	got = finish(s, write_named, &calls, &e);
	assert_non_null(got);
	assert_int_equal(calls, 4);
	assert_string_equal(got,
	    "# a\n---\nkind: a # kept\n"
	    "---\nkind: one\n"
	    "---\nkind: b\n"
	    "---\nkind: two\n"
	    "---\nkind: three\n"
	    "---\r\nkind: c\r\n");
	free(got);
	tuff_stream_free(s);
}

/* A place at the very start, and a file without its last line break. */
static void
test_place_edges(void **state)
{
	struct tuff_stream *s = tuff_stream_new();
	struct tuff_writer *w = tuff_stream_writer(s);
	struct tuff_error e;
	int calls = 0;
	char *got;

	(void)state;
	assert_int_equal(tuff_stream_place(s, "first", NULL, &e), 0);
	pass_text(w, "kind: a");
	assert_int_equal(tuff_stream_place(s, "after", NULL, &e), 0);
	got = finish(s, write_named, &calls, &e);
	assert_non_null(got);
	assert_string_equal(got, "---\nkind: first\n---\nkind: a\n"
	    "---\nkind: after\n");
	free(got);
	tuff_stream_free(s);

	/* No places, no text. */
	s = tuff_stream_new();
	got = finish(s, write_named, &calls, &e);
	assert_string_equal(got, "");
	free(got);
	tuff_stream_free(s);
}

/* A block scalar inserted before held text that would run into it. */
static int
write_block(void *arg, struct tuff_writer *w, void *ctx, struct tuff_error *e)
{
	struct tuff_doc *d = arg;

	(void)ctx;
	return tuff_write_changed(w, d) == -1 ? tuff_writer_error(w, e) : 0;
}

static void
test_place_block(void **state)
{
	struct tuff_stream *s = tuff_stream_new();
	struct tuff_writer *w = tuff_stream_writer(s);
	struct tuff_doc *d = doc_of("kind: x\nt: |+\n  keep\n\n");
	struct tuff_error e;
	char *got;

	(void)state;
	pass_text(w, "kind: a\n");
	/* The stream owns d from here, and frees it. */
	assert_int_equal(tuff_stream_place(s, d, d, &e), 0);
	assert_int_equal(tuff_write_text(w, "\n  # indented\n", 14), 0);
	pass_text(w, "kind: b\n");
	got = finish(s, write_block, NULL, &e);
	assert_non_null(got);
	assert_string_equal(got, "---\nkind: a\n---\nkind: x\nt: |+\n  keep\n"
	    "\n...\n\n  # indented\n---\nkind: b\n");
	free(got);
	tuff_stream_free(s);
}

/* A place that fails stops the copy, with its own message. */
static void
test_place_fails(void **state)
{
	struct tuff_stream *s = tuff_stream_new();
	struct tuff_error e;
	struct tuff_doc *d = doc_of("kind: kept\n");
	int calls = 0;

	(void)state;
	assert_int_equal(tuff_stream_place(s, "fail", d, &e), 0);
	assert_null(finish(s, write_named, &calls, &e));
	assert_string_equal(e.msg, "the place failed");
	tuff_stream_free(s);	/* frees d */
}

/*
 * A full disk under the output: the failure is noted in it, for its
 * close to report once, and the copy stops.
 */
static void
test_errors(void **state)
{
	struct tuff_stream *s = tuff_stream_new();
	struct tuff_out out;
	struct tuff_error e;
	int calls = 0, full;

	(void)state;
	pass_text(tuff_stream_writer(s), "kind: a\n");
	assert_non_null(tuff_out_temp(&out));
	full = open("/dev/full", O_WRONLY);
	if (full == -1)
		skip();
	assert_true(dup2(full, out.fd) != -1);
	close(full);
	assert_int_equal(tuff_stream_finish(s, &out, write_named, &calls, &e),
	    -1);
	assert_int_equal(out.err, ENOSPC);
	tuff_out_close(&out, 0);	/* says so on stderr */
	tuff_stream_free(s);

	/* A spill file that cannot be made: said, and no stream. */
	setenv("TMPDIR", "/nonexistent/tuff", 1);
	assert_null(tuff_stream_new());
	unsetenv("TMPDIR");
}

/* A run over held output: the output only when all went well. */
static int
keep_or_fail(struct tuff_doc *doc, void *arg, struct tuff_error *e)
{
	struct tuff_held *h = arg;

	if (doc->kind != NULL && strcmp(doc->kind, "bad") == 0) {
		tuff_doc_free(doc);
		return tuff_seterr(e, "in", 1, 1, "a bad record");
	}
	if (tuff_write_head(h->w, doc) == -1) {
		tuff_doc_free(doc);
		return tuff_writer_error(h->w, e);
	}
	return tuff_held_keep(h, doc, e);
}

static int
rewrite_kept(void *arg, struct tuff_writer *w, void *ctx, struct tuff_error *e)
{
	const struct tuff_doc *doc = arg;

	(void)ctx;
	tuff_w_begin(w);
	tuff_w_key(w, "was");
	tuff_w_str(w, doc->kind);
	return tuff_w_end(w) == -1 ? tuff_writer_error(w, e) : 0;
}

static int
others(const char *kind, void *arg)
{
	(void)arg;
	return strcmp(kind, "keep") != 0 && strcmp(kind, "bad") != 0;
}

static char *
run_held(const char *text, const char *out, int *rc)
{
	struct tuff_held h = { keep_or_fail, others, NULL, rewrite_kept,
	    NULL, 0, NULL, NULL };
	char in[] = "/tmp/tuff-held-XXXXXX", *argv[] = { in, NULL };

	temp_file(in, text);
	h.arg = &h;
	unlink(out);
	*rc = tuff_held_run(&h, 1, argv, out);
	unlink(in);
	return take_file(out);
}

static void
test_held_run(void **state)
{
	char out[] = "/tmp/tuff-held-out-XXXXXX";
	char *got;
	int rc, fd;

	(void)state;
	fd = mkstemp(out);
	assert_true(fd != -1);
	close(fd);
	got = run_held("# o\nkind: other # as read\n---\n# k\nkind: keep\n"
	    "# end\n", out, &rc);
	assert_int_equal(rc, TUFF_OK);
	assert_non_null(got);
	assert_string_equal(got, "# o\n---\nkind: other # as read\n# k\n"
	    "---\nwas: keep\n# end\n");
	free(got);
	/* A run that fails writes nothing: -o FILE is not even made. */
	got = run_held("kind: other\n---\nkind: keep\n---\nkind: bad\n", out,
	    &rc);
	assert_int_equal(rc, TUFF_ERR);
	assert_null(got);
}

/* A run whose input is changed, at end, after it was read. */
struct held_test {
	struct tuff_held	 h;	/* first: keep_or_fail's arg */
	const char		*in;
};

static int
change_input(void *arg)
{
	struct held_test *t = arg;
	FILE *fp = fopen(t->in, "a");

	assert_non_null(fp);
	assert_true(fputs("# a line more\n", fp) >= 0);
	assert_int_equal(fclose(fp), 0);
	return 0;
}

/* n records of a kind the run passes on, about 25 bytes each, appended. */
static void
add_others(struct tuff_buf *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		tuff_buf_printf(b, "---\nkind: other # %zu\n", i);
}

/*
 * Runs of text passed on that are longer than the spill takes (64 KiB)
 * are copied from the input at the end: the output is the same, with a
 * place between two runs and a last line with no line break; and when
 * the input has changed by then, the run fails and writes nothing.
 */
static void
test_held_refer(void **state)
{
	struct held_test t = { { keep_or_fail, others, NULL, rewrite_kept,
	    NULL, 0, NULL, NULL }, NULL };
	char in[] = "/tmp/tuff-held-XXXXXX", *argv[] = { in, NULL };
	char out[] = "/tmp/tuff-held-out-XXXXXX";
	struct tuff_buf text, want;
	struct capture c;
	char *got;

	(void)state;
	tuff_buf_init(&text);
	tuff_buf_init(&want);
	add_others(&text, 6000);
	add_others(&want, 6000);
	assert_true(text.len > 2 * 64 * 1024);
	tuff_buf_puts(&text, "---\nkind: keep\n");
	tuff_buf_puts(&want, "---\nwas: keep\n");
	add_others(&text, 6000);
	add_others(&want, 6000);
	tuff_buf_puts(&text, "# the end");
	tuff_buf_puts(&want, "# the end");

	assert_false(text.err || want.err);
	t.h.arg = &t;
	t.in = in;
	temp_file(out, NULL);
	temp_file(in, text.data);
	assert_int_equal(tuff_held_run(&t.h, 1, argv, out), TUFF_OK);
	got = take_file(out);
	assert_non_null(got);
	assert_string_equal(got, want.data);
	free(got);

	t.h.end = change_input;
	capture_start(&c);
	assert_int_equal(tuff_held_run(&t.h, 1, argv, out), TUFF_ERR);
	capture_stop(&c);
	assert_null(take_file(out));
	assert_non_null(strstr(c.text, "changed while it was read"));
	free(c.text);
	unlink(in);
	tuff_buf_free(&text);
	tuff_buf_free(&want);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_places),
		cmocka_unit_test(test_place_edges),
		cmocka_unit_test(test_place_block),
		cmocka_unit_test(test_place_fails),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_held_run),
		cmocka_unit_test(test_held_refer),
	};

	tuff_setprogname("test_stream");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
