/*
 * Unit tests for the CSV reader: every feature of the contract in
 * include/tuff/csv.h, and every error with its position.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tuff/csv.h"

#include "util.h"

/* A reader over len bytes of data, and the stream under it. */
struct src {
	FILE			*fp;
	struct csv_reader	*r;
	struct tuff_error	 e;
	struct csv_row		 row;
};

static void
src_open(struct src *s, const void *data, size_t len)
{
	memset(s, 0, sizeof(*s));
	s->fp = mem_file(data, len);
	s->r = csv_reader_new(s->fp, "t.csv");
	assert_non_null(s->r);
}

static void
src_close(struct src *s)
{
	csv_reader_free(s->r);
	fclose(s->fp);
}

static int
next(struct src *s)
{
	return csv_read_row(s->r, &s->row, &s->e);
}

/* The next call returns a row of n fields, the values given. */
static void
expect_row(struct src *s, size_t n, ...)
{
	va_list ap;
	size_t i;
	const char *v;

	assert_int_equal(next(s), 1);
	assert_int_equal(s->row.n, n);
	va_start(ap, n);
	for (i = 0; i < n; i++) {
		v = va_arg(ap, const char *);
		assert_string_equal(s->row.fields[i].s, v);
		assert_int_equal(s->row.fields[i].len, strlen(v));
	}
	va_end(ap);
}

/* The whole input (a C string) fails at line:col with msg in the text. */
static void
expect_error_in(const void *data, size_t len, unsigned long line,
    unsigned long col, const char *msg)
{
	struct src s;
	int rc;

	src_open(&s, data, len);
	while ((rc = next(&s)) == 1)
		;
	assert_int_equal(rc, -1);
	assert_string_equal(s.e.file, "t.csv");
	assert_int_equal(s.e.line, line);
	assert_int_equal(s.e.column, col);
	if (strstr(s.e.msg, msg) == NULL)
		fail_msg("message \"%s\" lacks \"%s\"", s.e.msg, msg);
	/* The reader stays done, with the same error. */
	memset(&s.e, 0, sizeof(s.e));
	assert_int_equal(next(&s), -1);
	assert_int_equal(s.e.line, line);
	src_close(&s);
}

static void
expect_error(const char *data, unsigned long line, unsigned long col,
    const char *msg)
{
	expect_error_in(data, strlen(data), line, col, msg);
}

static void
test_basic(void **state)
{
	struct src s;
	const char *in = "unit,period,m1\nA,2018,5\nB,2019,4\n";

	(void)state;
	src_open(&s, in, strlen(in));
	assert_int_equal(csv_columns(s.r), 0);
	expect_row(&s, 3, "unit", "period", "m1");
	assert_int_equal(csv_delimiter(s.r), ',');
	assert_int_equal(csv_columns(s.r), 3);
	assert_int_equal(s.row.line, 1);
	expect_row(&s, 3, "A", "2018", "5");
	assert_int_equal(s.row.line, 2);
	assert_int_equal(s.row.fields[1].line, 2);
	assert_int_equal(s.row.fields[1].column, 3);
	assert_int_equal(s.row.fields[2].column, 8);
	assert_int_equal(s.row.fields[0].quoted, 0);
	expect_row(&s, 3, "B", "2019", "4");
	assert_int_equal(next(&s), 0);
	assert_int_equal(next(&s), 0);
	src_close(&s);
}

static void
test_semicolon(void **state)
{
	struct src s;
	const char *in = "unit;period;m1\n\"A;B\";2018,5;5\n";

	(void)state;
	src_open(&s, in, strlen(in));
	expect_row(&s, 3, "unit", "period", "m1");
	assert_int_equal(csv_delimiter(s.r), ';');
	expect_row(&s, 3, "A;B", "2018,5", "5");
	assert_int_equal(next(&s), 0);
	src_close(&s);
}

/* The delimiter seen more often outside quotes wins; a tie is ','. */
static void
test_detect(void **state)
{
	static const struct {
		const char	*in;
		char		 delim;
	} t[] = {
		{ "a,b;c\n", ',' },		/* tie */
		{ "abc\n", ',' },		/* neither */
		{ "a;b;c,d\n", ';' },
		{ "\"x,y,z\";b;c\n", ';' },	/* commas in quotes */
		{ "\"x;y;z\",b\n", ',' },
		{ "\n\r\na;b\n", ';' },		/* first non-empty line */
		{ "a;b", ';' },			/* no line end */
		{ "a,b\nc;d;e;f\n", ',' },	/* header line only */
	};
	struct src s;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		src_open(&s, t[i].in, strlen(t[i].in));
		assert_int_equal(next(&s), 1);
		if (csv_delimiter(s.r) != t[i].delim)
			fail_msg("%s: got '%c'", t[i].in, csv_delimiter(s.r));
		src_close(&s);
	}
}

static void
test_bom(void **state)
{
	struct src s;
	const char *in = "\xef\xbb\xbfunit;m1\nA;5\n";

	(void)state;
	src_open(&s, in, strlen(in));
	expect_row(&s, 2, "unit", "m1");
	assert_int_equal(csv_delimiter(s.r), ';');
	/* The BOM takes no column. */
	assert_int_equal(s.row.fields[0].column, 1);
	assert_int_equal(s.row.fields[1].column, 6);
	expect_row(&s, 2, "A", "5");
	assert_int_equal(next(&s), 0);
	src_close(&s);
}

static void
test_crlf(void **state)
{
	struct src s;
	const char *in = "a,b\r\n1,2\r\n\r\n3,\"4\"\r\n";

	(void)state;
	src_open(&s, in, strlen(in));
	expect_row(&s, 2, "a", "b");
	expect_row(&s, 2, "1", "2");
	expect_row(&s, 2, "3", "4");
	assert_int_equal(s.row.line, 4);
	assert_int_equal(next(&s), 0);
	src_close(&s);
}

static void
test_quoted(void **state)
{
	struct src s;
	const char *in =
	    "\"a,b\",\"c\"\"d\",\"e\nf\"\n"
	    "\"\",\"\"\"\",x\n"
	    "\"cr\rin\",\"crlf\r\nin\",\"\"\"q\"\"\"\n";

	(void)state;
	src_open(&s, in, strlen(in));
	expect_row(&s, 3, "a,b", "c\"d", "e\nf");
	assert_int_equal(s.row.fields[0].quoted, 1);
	assert_int_equal(s.row.fields[2].column, 14);
	expect_row(&s, 3, "", "\"", "x");
	assert_int_equal(s.row.line, 3);
	assert_int_equal(s.row.fields[0].quoted, 1);
	assert_int_equal(s.row.fields[2].quoted, 0);
	assert_int_equal(s.row.fields[2].column, 9);
	/* A carriage return in quotes is data, as is a CRLF. */
	expect_row(&s, 3, "cr\rin", "crlf\r\nin", "\"q\"");
	assert_int_equal(s.row.line, 4);
	assert_int_equal(s.row.fields[1].line, 4);
	assert_int_equal(s.row.fields[1].column, 9);
	assert_int_equal(s.row.fields[2].line, 5);
	assert_int_equal(s.row.fields[2].column, 5);
	assert_int_equal(next(&s), 0);
	src_close(&s);
}

/* Unquoted fields are taken as they are, quotes and spaces included. */
static void
test_as_is(void **state)
{
	struct src s;
	const char *in = "a\"b, \"c\" ,d \nx\"\"y,\t,\n";

	(void)state;
	src_open(&s, in, strlen(in));
	expect_row(&s, 3, "a\"b", " \"c\" ", "d ");
	expect_row(&s, 3, "x\"\"y", "\t", "");
	assert_int_equal(next(&s), 0);
	src_close(&s);
}

static void
test_empty_fields(void **state)
{
	struct src s;
	const char *in = "a,b,c\n,,\n\n\n1,,3\n,";

	(void)state;
	src_open(&s, in, strlen(in));
	expect_row(&s, 3, "a", "b", "c");
	expect_row(&s, 3, "", "", "");
	assert_int_equal(s.row.fields[2].column, 3);
	expect_row(&s, 3, "1", "", "3");
	assert_int_equal(s.row.line, 5);
	/* The last line has no line end, and two empty fields. */
	expect_row(&s, 2, "", "");
	assert_int_equal(s.row.line, 6);
	assert_int_equal(s.row.fields[1].column, 2);
	assert_int_equal(next(&s), 0);
	src_close(&s);
}

/* Rows of another width come back as they are; the caller decides. */
static void
test_width(void **state)
{
	struct src s;
	const char *in = "a,b,c\n1\n1,2,3,4\n";

	(void)state;
	src_open(&s, in, strlen(in));
	expect_row(&s, 3, "a", "b", "c");
	expect_row(&s, 1, "1");
	assert_int_equal(csv_columns(s.r), 3);
	expect_row(&s, 4, "1", "2", "3", "4");
	assert_int_equal(csv_columns(s.r), 3);
	assert_int_equal(next(&s), 0);
	src_close(&s);
}

static void
test_no_rows(void **state)
{
	static const char *const t[] = {
		"", "\xef\xbb\xbf", "\n", "\r\n\n", "\xef\xbb\xbf\r\n",
	};
	struct src s;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		src_open(&s, t[i], strlen(t[i]));
		assert_int_equal(next(&s), 0);
		assert_int_equal(csv_columns(s.r), 0);
		assert_int_equal(csv_delimiter(s.r), ',');
		src_close(&s);
	}
}

/* Columns count characters, not bytes. */
static void
test_utf8(void **state)
{
	struct src s;
	const char *in = "enhet;år;m1\nÄldreomsorg Övre;2018;5\n"
	    "\"åäö\";\xf0\x9f\x98\x80;x\n";

	(void)state;
	src_open(&s, in, strlen(in));
	expect_row(&s, 3, "enhet", "år", "m1");
	assert_int_equal(s.row.fields[2].column, 10);
	expect_row(&s, 3, "Äldreomsorg Övre", "2018", "5");
	assert_int_equal(s.row.fields[1].column, 18);
	expect_row(&s, 3, "åäö", "\xf0\x9f\x98\x80", "x");
	assert_int_equal(s.row.fields[1].column, 7);
	assert_int_equal(s.row.fields[2].column, 9);
	assert_int_equal(next(&s), 0);
	src_close(&s);
}

static void
test_bad_utf8(void **state)
{
	(void)state;
	/* The first byte that is not UTF-8, at its character. */
	expect_error("a,b\nx,\xc0\xaf\n", 2, 3, "byte 0xC0:");	/* overlong */
	expect_error("a,b\nx,\xe0\x80\xaf\n", 2, 3, "byte 0xE0:");
	expect_error("a,b\nx,\xf0\x80\x80\xaf\n", 2, 3, "byte 0xF0:");
	expect_error("a,b\nåx,\xed\xa0\x80\n", 2, 4, "byte 0xED:");
	expect_error("a,b\nx,\xf4\x90\x80\x80\n", 2, 3, "byte 0xF4:");
	expect_error("a,b\nx,y\xe2\x82", 2, 4, "byte 0xE2:"); /* cut */
	expect_error("a,b\nx,y\xe2\x82,z\n", 2, 4, "byte 0xE2:");
	expect_error("a,b\nx,\x80\n", 2, 3, "byte 0x80:");	/* continuation */
	expect_error("a,b\nx,\xf5\x80\x80\x80\n", 2, 3, "byte 0xF5:");
	expect_error("a,b\nx,\xff\n", 2, 3, "byte 0xFF:");
	expect_error("a,\"b\n\xc3\x28\"\n", 2, 1, "byte 0xC3:"); /* in quotes */
	expect_error("\xef\xbb\xbf\xef\xbb", 1, 1, "byte 0xEF:");
	/* Swedish Excel's default: Windows-1252, where 0xE5 is å. */
	expect_error("unit,period\nKommun/V\xe5rd,2019\n", 2, 9,
	    "byte 0xE5: the file is not UTF-8 (Windows-1252?); convert it "
	    "with: iconv -f WINDOWS-1252 -t UTF-8");
}

/* UTF-16 is named as such, by its byte order mark. */
static void
test_utf16(void **state)
{
	(void)state;
	expect_error_in("\xff\xfeu\0n\0", 6, 1, 1, "the file is UTF-16 (it "
	    "starts with the byte order mark FF FE); convert it with: "
	    "iconv -f UTF-16 -t UTF-8");
	expect_error_in("\xfe\xff\0u\0n", 6, 1, 1, "byte order mark FE FF");
	expect_error_in("u\0n\0", 4, 1, 2, "UTF-16?");
}

/* A field written by csv_write_field reads back as itself. */
static void
test_write_field(void **state)
{
	static const char *const fields[] = { "plain", "a,b", "a;b",
	    "say \"hi\"", "two\nlines", "cr\r", "", " spaced " };
	struct csv_reader *r;
	struct csv_row row;
	struct tuff_error e;
	char *buf;
	size_t size, i, n = sizeof(fields) / sizeof(fields[0]);
	FILE *out, *fp;
	int d;

	(void)state;
	for (d = 0; d < 2; d++) {
		buf = NULL;
		out = open_memstream(&buf, &size);
		for (i = 0; i < n; i++) {
			if (i > 0)
				putc(d ? ';' : ',', out);
			csv_write_field(out, fields[i], strlen(fields[i]),
			    d ? ';' : ',');
		}
		fputs("\r\n", out);
		fclose(out);
		assert_non_null(strstr(buf, d ? "plain;a,b;\"a;b\";" :
		    "plain,\"a,b\",a;b,"));
		fp = fmemopen(buf, size, "r");
		r = csv_reader_new(fp, "w.csv");
		assert_int_equal(csv_read_row(r, &row, &e), 1);
		assert_int_equal(csv_delimiter(r), d ? ';' : ',');
		assert_int_equal(row.n, n);
		for (i = 0; i < n; i++)
			assert_string_equal(row.fields[i].s, fields[i]);
		csv_reader_free(r);
		fclose(fp);
		free(buf);
	}
}

static void
test_nul(void **state)
{
	static const char in[] = "a,b\nx,y\0z\n";

	(void)state;
	expect_error_in(in, sizeof(in) - 1, 2, 4, "NUL");
	expect_error_in("\"\0\"", 3, 1, 2, "NUL");
}

static void
test_unterminated(void **state)
{
	(void)state;
	expect_error("a,b\nx,\"open\n\n", 2, 3, "not closed");
	expect_error("\"", 1, 1, "not closed");
	expect_error("a,b\nx,\"a\"\"", 2, 3, "not closed");
}

static void
test_after_quote(void **state)
{
	(void)state;
	expect_error("a,b\n\"a\"b,c\n", 2, 4, "closing quote");
	expect_error("a,b\nx,\"a\" \n", 2, 6, "closing quote");
	expect_error("a;b\nx;\"å\"\"\"ä;c\n", 2, 8, "closing quote");
}

static void
test_bare_cr(void **state)
{
	(void)state;
	expect_error("a,b\rc,d\r", 1, 4, "carriage return");
	expect_error("a,b\n\r\r\n", 2, 1, "carriage return");
	expect_error("a,b\n\"x\"\ry", 2, 4, "carriage return");
	expect_error("a,b\nx,y\r", 2, 4, "carriage return");
}

/* A string of n copies of c, then tail. */
static char *
repeat(int c, size_t n, const char *head, const char *tail)
{
	size_t hl = strlen(head), tl = strlen(tail);
	char *p;

	p = malloc(hl + n + tl + 1);
	assert_non_null(p);
	memcpy(p, head, hl);
	memset(p + hl, c, n);
	memcpy(p + hl + n, tail, tl + 1);
	return p;
}

static void
test_field_limit(void **state)
{
	struct src s;
	char *p;

	(void)state;
	p = repeat('x', CSV_MAX_FIELD, "a,b\n1,", "\n");
	src_open(&s, p, strlen(p));
	expect_row(&s, 2, "a", "b");
	assert_int_equal(next(&s), 1);
	assert_int_equal(s.row.fields[1].len, CSV_MAX_FIELD);
	assert_int_equal(next(&s), 0);
	src_close(&s);
	free(p);

	p = repeat('x', CSV_MAX_FIELD + 1, "a,b\n1,", "\n");
	expect_error(p, 2, 3, "field longer");
	free(p);
	/* The limit is on the value: "" counts once. */
	p = repeat('"', 2 * CSV_MAX_FIELD, "a,b\n1,\"", "\"\n");
	src_open(&s, p, strlen(p));
	expect_row(&s, 2, "a", "b");
	assert_int_equal(next(&s), 1);
	assert_int_equal(s.row.fields[1].len, CSV_MAX_FIELD);
	src_close(&s);
	free(p);
}

static void
test_row_limit(void **state)
{
	struct src s;
	char *p;
	size_t i, n;

	(void)state;
	/*
	 * Sixteen fields of 64 KiB and their delimiters make more than
	 * 1 MiB; cut at exactly 1 MiB with the line end, and one more.
	 */
	n = 16 * (CSV_MAX_FIELD + 1);
	p = malloc(n + 16);
	assert_non_null(p);
	memcpy(p, "a\n", 2);
	memset(p + 2, 'y', n);
	for (i = 1; i <= 16; i++)
		p[2 + i * (CSV_MAX_FIELD + 1) - 1] = ',';
	p[2 + CSV_MAX_ROW] = '\n';
	p[2 + CSV_MAX_ROW + 1] = '\0';
	expect_error(p, 2, 15 * (CSV_MAX_FIELD + 1) + 1, "row longer");
	p[2 + CSV_MAX_ROW - 1] = '\n';
	p[2 + CSV_MAX_ROW] = '\0';
	src_open(&s, p, strlen(p));
	expect_row(&s, 1, "a");
	assert_int_equal(next(&s), 1);
	assert_int_equal(s.row.n, 16);
	assert_int_equal(next(&s), 0);
	src_close(&s);
	free(p);
}

static void
test_field_count(void **state)
{
	struct src s;
	char *p;

	(void)state;
	p = repeat(',', CSV_MAX_FIELDS - 1, "", "\n");
	src_open(&s, p, strlen(p));
	assert_int_equal(next(&s), 1);
	assert_int_equal(s.row.n, CSV_MAX_FIELDS);
	assert_int_equal(csv_columns(s.r), CSV_MAX_FIELDS);
	src_close(&s);
	free(p);

	p = repeat(',', CSV_MAX_FIELDS, "a\n", "\n");
	expect_error(p, 2, CSV_MAX_FIELDS + 1, "fields");
	free(p);
}

/* Long input through a pipe-sized buffer: a million-row shape. */
static void
test_many_rows(void **state)
{
	struct src s;
	char *p;
	size_t i, n = 20000, len = 0;
	unsigned long got = 0;

	(void)state;
	p = malloc(32 + n * 32);
	assert_non_null(p);
	len += (size_t)sprintf(p, "unit;period;m1\n");
	for (i = 0; i < n; i++)
		len += (size_t)sprintf(p + len, "\"enh %zu\";2018;%zu\r\n",
		    i, i % 5 + 1);
	src_open(&s, p, len);
	expect_row(&s, 3, "unit", "period", "m1");
	while (next(&s) == 1) {
		assert_int_equal(s.row.n, 3);
		assert_int_equal(s.row.line, got + 2);
		got++;
	}
	assert_int_equal(got, n);
	assert_string_equal(s.row.fields[0].s, "enh 19999");
	src_close(&s);
	free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basic),
		cmocka_unit_test(test_semicolon),
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_quoted),
		cmocka_unit_test(test_as_is),
		cmocka_unit_test(test_empty_fields),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_no_rows),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_bad_utf8),
		cmocka_unit_test(test_utf16),
		cmocka_unit_test(test_write_field),
		cmocka_unit_test(test_nul),
		cmocka_unit_test(test_unterminated),
		cmocka_unit_test(test_after_quote),
		cmocka_unit_test(test_bare_cr),
		cmocka_unit_test(test_field_limit),
		cmocka_unit_test(test_row_limit),
		cmocka_unit_test(test_field_count),
		cmocka_unit_test(test_many_rows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
