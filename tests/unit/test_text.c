/*
 * Unit tests for the reader's and writer's text helpers (lib/text.c):
 * characters to bytes against a plain count, however the text is held
 * and cut; lines and line breaks; the UTF-8 check; and when text after
 * a block scalar leaves it as it was.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text.h"

/* The byte offset of character ch in p, counted plainly. */
static size_t
naive_byte(const char *p, size_t n, size_t ch)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)p[i] & 0xc0) != 0x80) {
			if (c == ch)
				return i;
			c++;
		}
	return n;
}

/* Characters of one to four bytes, in a pseudo-random mix. */
static size_t
mixed(char *buf, size_t want, unsigned seed)
{
	static const char *const ch[] = { "a", "\n", "å", "€", "😀", "\r\n",
	    "\xc2\x85" };
	size_t n = 0, k;

	while (n + 4 < want) {
		seed = seed * 1103515245 + 12345;
		k = (seed >> 16) % 7;
		memcpy(buf + n, ch[k], strlen(ch[k]));
		n += strlen(ch[k]);
	}
	return n;
}

static void
test_byte_of_char(void **state)
{
	struct text t;
	char buf[4096];
	size_t n, ch, chars, want, got, at;
	unsigned seed;

	(void)state;
	for (seed = 1; seed < 40; seed++) {
		memset(&t, 0, sizeof(t));
		n = mixed(buf, sizeof(buf), seed);
		/* Held in two appends, the second after a cut. */
		assert_int_equal(text_append(&t, buf, n / 2), 0);
		assert_int_equal(text_append(&t, buf + n / 2, n - n / 2), 0);
		for (chars = 0, at = 0; at < n; at++)
			chars += ((unsigned char)buf[at] & 0xc0) != 0x80;
		/* Forward, as the reader asks, and back again. */
		for (ch = 0; ch <= chars; ch += 1 + seed % 5) {
			want = naive_byte(buf, n, ch);
			got = text_byte(&t, ch);
			assert_int_equal(got, want);
		}
		assert_int_equal(text_byte(&t, 3), naive_byte(buf, n, 3));
		/* Long steps, as to a record's end: the wide strides. */
		for (ch = 3; ch <= chars; ch += 29 + seed * 3)
			assert_int_equal(text_byte(&t, ch),
			    naive_byte(buf, n, ch));
		assert_int_equal(text_byte(&t, chars), n);
		assert_int_equal(text_byte(&t, 0), 0);
		assert_int_equal(text_byte(&t, chars), n);
		/* After a cut, from the cut on. */
		at = naive_byte(buf, n, chars / 3);
		text_cut(&t, at, chars / 3, 0);
		for (ch = chars / 3; ch <= chars; ch += 7)
			assert_int_equal(text_byte(&t, ch),
			    naive_byte(buf, n, ch));
		assert_memory_equal(text_at(&t, at), buf + at, n - at);
		assert_int_equal(text_end(&t), n);
		text_free(&t);
	}
}

/* A window that slides: what is held stays what was appended. */
static void
test_slide(void **state)
{
	struct text t;
	char chunk[1000];
	size_t i, pos = 0;

	(void)state;
	memset(&t, 0, sizeof(t));
	for (i = 0; i < 2000; i++) {
		memset(chunk, 'a' + (int)(i % 26), sizeof(chunk));
		assert_int_equal(text_append(&t, chunk, sizeof(chunk)), 0);
		/* Keep only the last chunk and a bit. */
		if (i > 0) {
			pos = text_end(&t) - sizeof(chunk) - 10;
			text_cut(&t, pos, pos, 0);
		}
		assert_int_equal(*text_at(&t, text_end(&t) - 1),
		    'a' + (int)(i % 26));
	}
	/* Memory stays at a few times what is held. */
	assert_true(t.cap <= 64 * 1024);
	text_free(&t);
}

static void
test_lines(void **state)
{
	const char *s = "ab\r\ncd\nef\xc2\x85gh\rij";
	struct text t;

	(void)state;
	memset(&t, 0, sizeof(t));
	assert_int_equal(text_append(&t, s, strlen(s)), 0);
	assert_int_equal(text_bol(&t, 1), 0);
	assert_int_equal(text_eol(&t, 1), 4);
	assert_int_equal(text_eol(&t, 4), 4);	/* starts a line */
	assert_int_equal(text_bol(&t, 5), 4);
	assert_int_equal(text_eol(&t, 5), 7);
	assert_int_equal(text_eol(&t, 8), 11);	/* NEL */
	assert_int_equal(text_bol(&t, 12), 11);
	assert_int_equal(text_eol(&t, 12), 14);	/* lone CR */
	assert_int_equal(text_eol(&t, 15), 16);	/* no break: the end */
	assert_int_equal(yaml_break("\r\n", 2), 2);
	assert_int_equal(yaml_break("\r", 1), 1);
	assert_int_equal(yaml_break("\xe2\x80\xa8", 3), 3);
	assert_int_equal(yaml_break("\xe2\x80", 2), 0);
	assert_true(yaml_ends_line("a\r\n", 3));
	assert_true(yaml_ends_line("a\xc2\x85", 3));
	assert_false(yaml_ends_line("a", 1));
	text_free(&t);
}

static void
test_utf8(void **state)
{
	unsigned long cp = 0;
	int why = 0;

	(void)state;
	assert_int_equal(utf8_check("aåä€😀", 13, &why, &cp), 13);
	assert_int_equal(utf8_check("ab\xe5l", 4, &why, &cp), 2);
	assert_int_equal(why, UTF8_OCTET);
	assert_int_equal(utf8_check("a\xc0\xaf", 3, &why, &cp), 1);
	assert_int_equal(utf8_check("å\xc3", 3, &why, &cp), 2);
	assert_int_equal(utf8_check("a\xed\xa0\x80", 4, &why, &cp), 1);
	assert_int_equal(why, UTF8_CHAR);
	assert_int_equal(cp, 0xd800);
	assert_int_equal(utf8_check("\xf4\x90\x80\x80", 4, NULL, NULL), 0);
}

static void
test_closes_block(void **state)
{
	(void)state;
	/* Markers and less indented lines end it. */
	assert_true(yaml_closes_block("---\nb: 1\n", 9, 2, 1));
	assert_true(yaml_closes_block("...\n", 4, 2, 1));
	assert_true(yaml_closes_block("%YAML 1.1\n", 10, 2, 1));
	assert_true(yaml_closes_block("# c\n", 4, 2, 1));
	assert_true(yaml_closes_block(" # c\n", 5, 2, 0));
	assert_true(yaml_closes_block("", 0, 2, 1));
	/* As indented as its lines: it would be taken in. */
	assert_false(yaml_closes_block("  # c\n", 6, 2, 0));
	assert_false(yaml_closes_block("    x\n", 6, 2, 0));
	/* Blank lines: harmless unless it keeps them ("|+"). */
	assert_true(yaml_closes_block("\n\n# c\n", 6, 2, 0));
	assert_false(yaml_closes_block("\n\n# c\n", 6, 2, 1));
	assert_false(yaml_closes_block("\n \n", 3, 2, 0));
	/* Not a marker, but at column 1 all the same. */
	assert_true(yaml_closes_block("----\n", 5, 1, 0));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_byte_of_char),
		cmocka_unit_test(test_slide),
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_closes_block),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
