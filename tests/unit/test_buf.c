/*
 * Unit tests for the buffer and its escapers: HTML and SVG text that
 * can never become markup (a unit named "<script>" is text), Markdown
 * that stays inline, control characters, growth and sticky errors.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tuff/buf.h"

static void
expect_html(const char *in, const char *want)
{
	struct tuff_buf b;

	tuff_buf_init(&b);
	tuff_buf_html(&b, in);
	assert_false(b.err);
	assert_string_equal(b.len > 0 ? b.data : "", want);
	tuff_buf_free(&b);
}

static void
expect_md(const char *in, const char *want)
{
	struct tuff_buf b;

	tuff_buf_init(&b);
	tuff_buf_md(&b, in);
	assert_false(b.err);
	assert_string_equal(b.len > 0 ? b.data : "", want);
	tuff_buf_free(&b);
}

static void
test_html(void **state)
{
	(void)state;
	expect_html("", "");
	expect_html("Folkhälsa och hållbarhet", "Folkhälsa och hållbarhet");
	expect_html("<script>alert(1)</script>",
	    "&lt;script&gt;alert(1)&lt;/script&gt;");
	expect_html("a & b", "a &amp; b");
	expect_html("&amp;", "&amp;amp;");
	expect_html("\"x\" 'y'", "&quot;x&quot; &#39;y&#39;");
	expect_html("\" onload=\"x", "&quot; onload=&quot;x");
	expect_html("]]><!--", "]]&gt;&lt;!--");
	/* Line breaks are spaces; other controls cannot hide. */
	expect_html("a\nb\tc\rd", "a b c d");
	expect_html("a\x1b[31mb", "a\xef\xbf\xbd[31mb");
	expect_html("a\x7f" "b", "a\xef\xbf\xbd" "b");
	expect_html("a\xc2\x85" "b", "a\xef\xbf\xbd" "b");	/* NEL */
	expect_html("\xc2\xa0", "\xc2\xa0");			/* NBSP stays */
	expect_html("−3,1", "−3,1");
}

static void
test_md(void **state)
{
	(void)state;
	expect_md("", "");
	expect_md("Enhetschef vård och omsorg", "Enhetschef vård och omsorg");
	expect_md("<script>", "\\<script\\>");
	expect_md("a|b", "a\\|b");
	expect_md("*bold* _it_ `code`", "\\*bold\\* \\_it\\_ \\`code\\`");
	expect_md("[link](http://x)", "\\[link\\](http://x)");
	expect_md("a\\b", "a\\\\b");
	expect_md("# not a heading", "\\# not a heading");
	expect_md("x # y #", "x \\# y \\#");
	expect_md("~~strike~~", "\\~\\~strike\\~\\~");
	/* A list marker only where it would start a list. */
	expect_md("- item", "\\- item");
	expect_md("+ item", "\\+ item");
	expect_md("-3,1", "-3,1");
	expect_md("+26,5", "+26,5");
	expect_md("a - b", "a - b");
	expect_md("1. first", "1\\. first");
	expect_md("2021) x", "2021\\) x");
	expect_md("2021-04-01", "2021-04-01");
	expect_md("3.5", "3.5");
	/* Entities only where they would be read as one. */
	expect_md("Hälsa & vård", "Hälsa & vård");
	expect_md("&amp; &#35; &x", "\\&amp; \\&\\#35; &x");
	/* The text stays on its line. */
	expect_md("two\nlines", "two lines");
	expect_md("a\x1b" "b", "a\xef\xbf\xbd" "b");
}

static void
test_grow(void **state)
{
	struct tuff_buf b;
	size_t i;

	(void)state;
	tuff_buf_init(&b);
	for (i = 0; i < 10000; i++)
		tuff_buf_printf(&b, "%zu,", i % 10);
	assert_false(b.err);
	assert_int_equal(b.len, 20000);
	assert_int_equal(strlen(b.data), 20000);
	assert_memory_equal(b.data, "0,1,2,", 6);
	tuff_buf_reset(&b);
	assert_int_equal(b.len, 0);
	tuff_buf_putc(&b, 'x');
	tuff_buf_put(&b, "yz", 2);
	tuff_buf_puts(&b, "å");
	assert_string_equal(b.data, "xyzå");
	tuff_buf_free(&b);
	assert_null(b.data);
}

static void
test_sticky(void **state)
{
	struct tuff_buf b;

	(void)state;
	tuff_buf_init(&b);
	tuff_buf_puts(&b, "ok");
	b.err = 1;
	tuff_buf_puts(&b, "more");
	tuff_buf_html(&b, "<x>");
	tuff_buf_printf(&b, "%d", 42);
	assert_int_equal(b.len, 2);
	tuff_buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_md),
		cmocka_unit_test(test_grow),
		cmocka_unit_test(test_sticky),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
