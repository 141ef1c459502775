/*
 * Unit tests for typed field access: for each function, the value it
 * accepts, and the message and position for a missing required key, a
 * null, and a value of the wrong type or out of range.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tuff/field.h"
#include "tuff/record.h"

/*
 * The record every test reads (line numbers matter): it starts with
 * "---" so the root mapping (line 2) is not where the document is.
 */
static const char record[] =
    "---\n"				/* 1 */
    "kind: journey\n"			/* 2 */
    "title: 'Byte av rullstol'\n"	/* 3 */
    "year: 2018\n"			/* 4 */
    "qyear: '2018'\n"			/* 5 */
    "yes: yes\n"			/* 6 */
    "n: 5\n"				/* 7 */
    "neg: -3\n"				/* 8 */
    "big: 99999999999999999999\n"	/* 9 */
    "lead: 007\n"			/* 10 */
    "date: 2024-02-29\n"		/* 11 */
    "qdate: \"2024-03-01\"\n"		/* 12 */
    "baddate: 2023-02-29\n"		/* 13 */
    "nul: \"a\\0b\"\n"			/* 14 */
    "none: ~\n"				/* 15 */
    "empty:\n"				/* 16 */
    "list: [a, b]\n"			/* 17 */
    "map: {x: 1}\n"			/* 18 */
    "status: done\n"			/* 19 */
    "tagged: !!str 5\n"			/* 20 */
    "tint: !!int \"6\"\n"		/* 21 */
    "estr: ''\n"			/* 22 */
    "qmin: \"30\"\n"			/* 23 */
    "ttime: !!timestamp\n"		/* 24 */
    "tnull: !!null 5\n"			/* 25 */
    "plus: +3\n"			/* 26 */
    "dec: 1.5\n"			/* 27 */
    "pdate: 2021-6-30\n"		/* 28 */
    "flag: true\n"			/* 29 */
    "tsdate: !!timestamp 2021-06-30\n"	/* 30 */
    "sdate: !!str 2021-06-31\n"		/* 31 */
    "etag: !!str\n";			/* 32 */

static int
setup(void **state)
{
	struct tuff_reader *r;
	struct tuff_doc *d = NULL;
	struct tuff_error e;
	FILE *fp;

	fp = fmemopen((void *)(uintptr_t)record, strlen(record), "r");
	if (fp == NULL || (r = tuff_reader_new(fp, "rec.yaml")) == NULL)
		return -1;
	if (tuff_reader_next(r, &d, &e) != 1) {
		fprintf(stderr, "%lu:%lu: %s\n", e.line, e.column, e.msg);
		return -1;
	}
	tuff_reader_free(r);
	fclose(fp);
	*state = d;
	return 0;
}

static int
teardown(void **state)
{
	tuff_doc_free(*state);
	return 0;
}

static void
assert_err(const struct tuff_error *e, unsigned long line, unsigned long col,
    const char *msg)
{
	if (e->line != line || e->column != col || strcmp(e->msg, msg) != 0)
		fail_msg("got %lu:%lu: %s\nwant %lu:%lu: %s", e->line,
		    e->column, e->msg, line, col, msg);
	assert_string_equal(e->file, "rec.yaml");
}

static void
test_str(void **state)
{
	const struct tuff_doc *d = *state;
	const struct tuff_node *m = d->root;
	struct tuff_error e;
	const char *s;

	s = NULL;
	assert_int_equal(tuff_field_str(d, m, "kind", 1, &s, &e), 0);
	assert_string_equal(s, "journey");
	assert_int_equal(tuff_field_str(d, m, "title", 1, &s, &e), 0);
	assert_string_equal(s, "Byte av rullstol");
	/* Quoted, a number is a string. */
	assert_int_equal(tuff_field_str(d, m, "qyear", 1, &s, &e), 0);
	assert_string_equal(s, "2018");
	assert_int_equal(tuff_field_str(d, m, "tagged", 1, &s, &e), 0);
	assert_string_equal(s, "5");
	assert_int_equal(tuff_field_str(d, m, "yes", 0, &s, &e), 0);
	assert_string_equal(s, "yes");	/* YAML 1.2: a string, not a bool */
	assert_int_equal(tuff_field_str(d, m, "estr", 0, &s, &e), 0);
	assert_string_equal(s, "");
	assert_int_equal(tuff_field_str(d, m, "etag", 0, &s, &e), 0);
	assert_string_equal(s, "");

	/* Missing: at the record's mapping. */
	assert_int_equal(tuff_field_str(d, m, "owner", 1, &s, &e), -1);
	assert_err(&e, 2, 1, "owner: required key is missing");
	/* There, but null or "": empty, at the value. */
	assert_int_equal(tuff_field_str(d, m, "none", 1, &s, &e), -1);
	assert_err(&e, 15, 7, "none: required key is empty");
	assert_int_equal(tuff_field_str(d, m, "empty", 1, &s, &e), -1);
	assert_err(&e, 16, 7, "empty: required key is empty");
	assert_int_equal(tuff_field_str(d, m, "estr", 1, &s, &e), -1);
	assert_err(&e, 22, 7, "estr: required key is empty");
	/* Optional: absent or null leaves *out alone. */
	s = "default";
	assert_int_equal(tuff_field_str(d, m, "owner", 0, &s, &e), 0);
	assert_int_equal(tuff_field_str(d, m, "none", 0, &s, &e), 0);
	assert_int_equal(tuff_field_str(d, m, "empty", 0, &s, &e), 0);
	assert_string_equal(s, "default");

	/* Wrong types, at the value, as written, with what to do. */
	assert_int_equal(tuff_field_str(d, m, "year", 1, &s, &e), -1);
	assert_err(&e, 4, 7, "year: expected a string, not 2018 (put it in "
	    "quotes to make it text)");
	assert_int_equal(tuff_field_str(d, m, "flag", 1, &s, &e), -1);
	assert_err(&e, 29, 7, "flag: expected a string, not true (put it in "
	    "quotes to make it text)");
	assert_int_equal(tuff_field_str(d, m, "tint", 1, &s, &e), -1);
	assert_err(&e, 21, 7, "tint: expected a string, not !!int \"6\" (the "
	    "tag makes it an integer: remove the tag)");
	assert_int_equal(tuff_field_str(d, m, "tnull", 0, &s, &e), -1);
	assert_err(&e, 25, 8, "tnull: expected a string, not !!null 5 (the "
	    "tag contradicts the value)");
	assert_int_equal(tuff_field_str(d, m, "list", 1, &s, &e), -1);
	assert_err(&e, 17, 7, "list: expected a string, not a sequence");
	assert_int_equal(tuff_field_str(d, m, "map", 1, &s, &e), -1);
	assert_err(&e, 18, 6, "map: expected a string, not a mapping");
	assert_int_equal(tuff_field_str(d, m, "nul", 1, &s, &e), -1);
	assert_err(&e, 14, 6, "nul: string holds a NUL byte");
	assert_string_equal(s, "default");
}

/* A mapping built here (no positions): errors are at the document. */
static void
test_built_positions(void **state)
{
	struct tuff_doc *d = tuff_doc_new();
	struct tuff_node *m = tuff_new_map(d);
	struct tuff_error e;
	const char *s;
	long v;

	(void)state;
	d->file = "rec.yaml";
	d->line = 7;
	d->column = 3;
	tuff_map_set(d, m, "n", tuff_new_str(d, "x"));
	assert_int_equal(tuff_field_str(d, m, "kind", 1, &s, &e), -1);
	assert_err(&e, 7, 3, "kind: required key is missing");
	assert_int_equal(tuff_field_int(d, m, "n", 1, 0, 9, &v, &e), -1);
	assert_err(&e, 7, 3, "n: expected an integer from 0 to 9, not x");
	/* Not a mapping at all: every key is missing. */
	assert_int_equal(tuff_field_str(d, NULL, "kind", 1, &s, &e), -1);
	assert_err(&e, 7, 3, "kind: required key is missing");
	tuff_doc_free(d);
}

static void
test_int(void **state)
{
	const struct tuff_doc *d = *state;
	const struct tuff_node *m = d->root;
	struct tuff_error e;
	long v = 0;

	assert_int_equal(tuff_field_int(d, m, "n", 1, 1, 5, &v, &e), 0);
	assert_int_equal(v, 5);
	assert_int_equal(tuff_field_int(d, m, "tint", 1, 0, 9, &v, &e), 0);
	assert_int_equal(v, 6);

	assert_int_equal(tuff_field_int(d, m, "n", 1, 1, 4, &v, &e), -1);
	assert_err(&e, 7, 4, "n: expected an integer from 1 to 4, not 5");
	assert_int_equal(tuff_field_int(d, m, "neg", 1, 0, 100, &v, &e), -1);
	assert_err(&e, 8, 6, "neg: expected an integer from 0 to 100, not -3");
	assert_int_equal(tuff_field_int(d, m, "qyear", 1, 0, 9999, &v, &e),
	    -1);
	assert_err(&e, 5, 8, "qyear: expected an integer from 0 to 9999, not "
	    "'2018' (quoted, it is a string: remove the quotes)");
	assert_int_equal(tuff_field_int(d, m, "qmin", 1, 0, 1000000, &v, &e),
	    -1);
	assert_err(&e, 23, 7, "qmin: expected an integer from 0 to 1000000, "
	    "not \"30\" (quoted, it is a string: remove the quotes)");
	assert_int_equal(tuff_field_int(d, m, "big", 1, 0, 9, &v, &e), -1);
	assert_err(&e, 9, 6,
	    "big: expected an integer from 0 to 9, not 99999999999999999999");
	assert_int_equal(tuff_field_int(d, m, "lead", 1, 0, 9, &v, &e), -1);
	assert_err(&e, 10, 7, "lead: expected an integer from 0 to 9, not 007 "
	    "(write it without leading zeros)");
	assert_int_equal(tuff_field_int(d, m, "plus", 1, 0, 9, &v, &e), -1);
	assert_err(&e, 26, 7, "plus: expected an integer from 0 to 9, not +3 "
	    "(write it without a sign)");
	assert_int_equal(tuff_field_int(d, m, "dec", 1, 0, 9, &v, &e), -1);
	assert_err(&e, 27, 6, "dec: expected an integer from 0 to 9, not 1.5 "
	    "(a whole number is needed)");
	assert_int_equal(tuff_field_int(d, m, "list", 1, 0, 9, &v, &e), -1);
	assert_err(&e, 17, 7,
	    "list: expected an integer from 0 to 9, not a sequence");
	assert_int_equal(tuff_field_int(d, m, "tagged", 1, 0, 9, &v, &e), -1);
	assert_err(&e, 20, 9, "tagged: expected an integer from 0 to 9, not "
	    "!!str 5 (the tag makes it a string: remove the tag)");
	assert_int_equal(tuff_field_int(d, m, "tnull", 0, 0, 9, &v, &e), -1);
	assert_err(&e, 25, 8, "tnull: expected an integer from 0 to 9, not "
	    "!!null 5 (the tag contradicts the value)");
	/* No negative ranges: an integer is 0 or more. */
	assert_int_equal(tuff_field_int(d, m, "n", 1, -10, 10, &v, &e), -1);
	assert_int_equal(v, 6);

	assert_int_equal(tuff_field_int(d, m, "count", 1, 0, 9, &v, &e), -1);
	assert_err(&e, 2, 1, "count: required key is missing");
	assert_int_equal(tuff_field_int(d, m, "empty", 1, 0, 9, &v, &e), -1);
	assert_err(&e, 16, 7, "empty: required key is empty");
	v = 42;
	assert_int_equal(tuff_field_int(d, m, "count", 0, 0, 9, &v, &e), 0);
	assert_int_equal(tuff_field_int(d, m, "none", 0, 0, 9, &v, &e), 0);
	assert_int_equal(v, 42);
}

static void
test_date(void **state)
{
	const struct tuff_doc *d = *state;
	const struct tuff_node *m = d->root;
	struct tuff_error e;
	tuff_day day = 0;

	assert_int_equal(tuff_field_date(d, m, "date", 1, &day, &e), 0);
	assert_int_equal(day, tuff_date_from_ymd(2024, 2, 29));
	assert_int_equal(tuff_field_date(d, m, "qdate", 1, &day, &e), 0);
	assert_int_equal(day, tuff_date_from_ymd(2024, 3, 1));
	assert_int_equal(tuff_field_date(d, m, "tsdate", 1, &day, &e), 0);
	assert_int_equal(day, tuff_date_from_ymd(2021, 6, 30));

	/* Not written YYYY-MM-DD, or no such day: which, and why. */
	assert_int_equal(tuff_field_date(d, m, "baddate", 1, &day, &e), -1);
	assert_err(&e, 13, 10, "baddate: there is no such day as 2023-02-29 "
	    "(February 2023 has 28 days)");
	assert_int_equal(tuff_field_date(d, m, "sdate", 1, &day, &e), -1);
	assert_err(&e, 31, 8, "sdate: there is no such day as !!str "
	    "2021-06-31 (June 2021 has 30 days)");
	assert_int_equal(tuff_field_date(d, m, "pdate", 1, &day, &e), -1);
	assert_err(&e, 28, 8, "pdate: expected a date YYYY-MM-DD, not "
	    "2021-6-30 (write it 2021-06-30)");
	/* A tag with no value says so: never "not" and nothing. */
	assert_int_equal(tuff_field_date(d, m, "ttime", 0, &day, &e), -1);
	assert_err(&e, 24, 8, "ttime: expected a date YYYY-MM-DD, not "
	    "!!timestamp with no value");
	assert_int_equal(tuff_field_date(d, m, "year", 1, &day, &e), -1);
	assert_err(&e, 4, 7, "year: expected a date YYYY-MM-DD, not 2018");
	assert_int_equal(tuff_field_date(d, m, "tnull", 1, &day, &e), -1);
	assert_err(&e, 25, 8, "tnull: expected a date YYYY-MM-DD, not !!null "
	    "5 (the tag contradicts the value)");
	assert_int_equal(tuff_field_date(d, m, "map", 1, &day, &e), -1);
	assert_err(&e, 18, 6,
	    "map: expected a date YYYY-MM-DD, not a mapping");
	assert_int_equal(tuff_field_date(d, m, "due", 1, &day, &e), -1);
	assert_err(&e, 2, 1, "due: required key is missing");
	day = 7;
	assert_int_equal(tuff_field_date(d, m, "due", 0, &day, &e), 0);
	assert_int_equal(tuff_field_date(d, m, "none", 0, &day, &e), 0);
	assert_int_equal(day, 7);
}

static void
test_enum(void **state)
{
	static const char *const status[] = { "planned", "started", "done",
	    NULL };
	static const char *const kinds[] = { "challenge", "journey", NULL };
	const struct tuff_doc *d = *state;
	const struct tuff_node *m = d->root;
	struct tuff_error e;
	int i = -1;

	assert_int_equal(tuff_field_enum(d, m, "status", 1, status, &i, &e), 0);
	assert_int_equal(i, 2);
	assert_int_equal(tuff_field_enum(d, m, "kind", 1, kinds, &i, &e), 0);
	assert_int_equal(i, 1);

	/* Unknown: the message lists the values, in their order. */
	assert_int_equal(tuff_field_enum(d, m, "title", 1, status, &i, &e), -1);
	assert_err(&e, 3, 8, "title: unknown value \"Byte av rullstol\" "
	    "(expected one of planned, started, done)");
	/* Not a string: the string check speaks. */
	assert_int_equal(tuff_field_enum(d, m, "n", 1, status, &i, &e), -1);
	assert_err(&e, 7, 4, "n: expected a string, not 5 (put it in quotes "
	    "to make it text)");
	assert_int_equal(tuff_field_enum(d, m, "owner", 1, status, &i, &e),
	    -1);
	assert_err(&e, 2, 1, "owner: required key is missing");
	i = 9;
	assert_int_equal(tuff_field_enum(d, m, "owner", 0, status, &i, &e), 0);
	assert_int_equal(tuff_field_enum(d, m, "none", 0, status, &i, &e), 0);
	assert_int_equal(i, 9);
	assert_int_equal(i, 9);
}

/* A list of values longer than the message: cut, never overrun. */
static void
test_enum_long_list(void **state)
{
	const struct tuff_doc *d = *state;
	const char *values[41];
	char names[40][24];
	struct tuff_error e;
	int i, out = -1;

	for (i = 0; i < 40; i++) {
		snprintf(names[i], sizeof(names[i]), "value-number-%02d", i);
		values[i] = names[i];
	}
	values[40] = NULL;
	assert_int_equal(tuff_field_enum(d, d->root, "status", 1, values, &out,
	    &e), -1);
	assert_int_equal(out, -1);
	assert_true(strncmp(e.msg, "status: unknown value \"done\" (expected "
	    "one of value-number-00, value-number-01, ", 80) == 0);
	assert_true(strlen(e.msg) < sizeof(e.msg));
}

static void
test_seq_map(void **state)
{
	const struct tuff_doc *d = *state;
	const struct tuff_node *m = d->root, *n = NULL;
	struct tuff_error e;

	assert_int_equal(tuff_field_seq(d, m, "list", 1, &n, &e), 0);
	assert_ptr_equal(n, tuff_map_get(m, "list"));
	assert_int_equal(tuff_field_map(d, m, "map", 1, &n, &e), 0);
	assert_ptr_equal(n, tuff_map_get(m, "map"));

	assert_int_equal(tuff_field_seq(d, m, "map", 1, &n, &e), -1);
	assert_err(&e, 18, 6, "map: expected a sequence, not a mapping");
	assert_int_equal(tuff_field_seq(d, m, "kind", 1, &n, &e), -1);
	assert_err(&e, 2, 7, "kind: expected a sequence, not journey");
	assert_int_equal(tuff_field_map(d, m, "list", 1, &n, &e), -1);
	assert_err(&e, 17, 7, "list: expected a mapping, not a sequence");
	assert_int_equal(tuff_field_map(d, m, "estr", 1, &n, &e), -1);
	assert_err(&e, 22, 7, "estr: expected a mapping, not ''");

	assert_int_equal(tuff_field_seq(d, m, "steps", 1, &n, &e), -1);
	assert_err(&e, 2, 1, "steps: required key is missing");
	assert_int_equal(tuff_field_map(d, m, "none", 1, &n, &e), -1);
	assert_err(&e, 15, 7, "none: required key is empty");
	n = NULL;
	assert_int_equal(tuff_field_seq(d, m, "steps", 0, &n, &e), 0);
	assert_int_equal(tuff_field_map(d, m, "empty", 0, &n, &e), 0);
	assert_null(n);
}

static void
test_is_slug(void **state)
{
	static const char *const yes[] = { "rullstol", "a", "0", "a-1",
	    "nybygge-2024", "-", "x--y", NULL };
	static const char *const no[] = { "", "Rullstol", "a_b", "a b",
	    "bör", "a.b", "a/b", " a", "a\n", "ÅÄÖ", NULL };
	const char *const *p;

	(void)state;
	for (p = yes; *p != NULL; p++)
		if (!tuff_is_slug(*p))
			fail_msg("\"%s\" is a slug", *p);
	for (p = no; *p != NULL; p++)
		if (tuff_is_slug(*p))
			fail_msg("\"%s\" is not a slug", *p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_str, setup, teardown),
		cmocka_unit_test(test_built_positions),
		cmocka_unit_test_setup_teardown(test_int, setup, teardown),
		cmocka_unit_test_setup_teardown(test_date, setup, teardown),
		cmocka_unit_test_setup_teardown(test_enum, setup, teardown),
		cmocka_unit_test_setup_teardown(test_enum_long_list, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_seq_map, setup, teardown),
		cmocka_unit_test(test_is_slug),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
