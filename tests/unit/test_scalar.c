/*
 * Unit tests for the one rule of what a scalar is: nulls, bools,
 * integers (and the numbers that are not), strings, dates and tags
 * that contradict their text; the value as shown in a message and the
 * hint that says how to fix it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "tuff/scalar.h"

#define T(x)	"tag:yaml.org,2002:" x

static struct tuff_scalar
sc(const char *val, enum tuff_style style, const char *tag)
{
	struct tuff_scalar s = { val, strlen(val), style, tag };

	return s;
}

static enum tuff_stype
type_of(const char *val, enum tuff_style style, const char *tag)
{
	struct tuff_scalar s = sc(val, style, tag);

	return tuff_scalar_type(&s);
}

static void
test_nulls(void **state)
{
	(void)state;
	assert_int_equal(type_of("", TUFF_PLAIN, NULL), TUFF_T_NULL);
	assert_int_equal(type_of("~", TUFF_PLAIN, NULL), TUFF_T_NULL);
	assert_int_equal(type_of("null", TUFF_PLAIN, NULL), TUFF_T_NULL);
	assert_int_equal(type_of("NULL", TUFF_PLAIN, NULL), TUFF_T_NULL);
	assert_int_equal(type_of("nULL", TUFF_PLAIN, NULL), TUFF_T_STR);
	assert_int_equal(type_of("null", TUFF_DOUBLE, NULL), TUFF_T_STR);
	assert_int_equal(type_of("", TUFF_PLAIN, T("null")), TUFF_T_NULL);
	/* The tag says null, the text says five: refused, not dropped. */
	assert_int_equal(type_of("5", TUFF_PLAIN, T("null")), TUFF_T_BAD);
}

static void
test_bools(void **state)
{
	(void)state;
	assert_int_equal(type_of("true", TUFF_PLAIN, NULL), TUFF_T_BOOL);
	assert_int_equal(type_of("FALSE", TUFF_PLAIN, NULL), TUFF_T_BOOL);
	/* YAML 1.1's yes and no are strings in records. */
	assert_int_equal(type_of("yes", TUFF_PLAIN, NULL), TUFF_T_STR);
	assert_int_equal(type_of("3", TUFF_PLAIN, T("bool")), TUFF_T_BAD);
}

static void
test_integers(void **state)
{
	(void)state;
	assert_int_equal(type_of("0", TUFF_PLAIN, NULL), TUFF_T_INT);
	assert_int_equal(type_of("30", TUFF_PLAIN, NULL), TUFF_T_INT);
	assert_int_equal(type_of("007", TUFF_PLAIN, NULL), TUFF_T_NUMBER);
	assert_int_equal(type_of("+3", TUFF_PLAIN, NULL), TUFF_T_NUMBER);
	assert_int_equal(type_of("-1", TUFF_PLAIN, NULL), TUFF_T_NUMBER);
	assert_int_equal(type_of("1.5", TUFF_PLAIN, NULL), TUFF_T_NUMBER);
	assert_int_equal(type_of("1e3", TUFF_PLAIN, NULL), TUFF_T_NUMBER);
	assert_int_equal(type_of("0x1f", TUFF_PLAIN, NULL), TUFF_T_NUMBER);
	assert_int_equal(type_of(".inf", TUFF_PLAIN, NULL), TUFF_T_NUMBER);
	assert_int_equal(type_of("1.", TUFF_PLAIN, NULL), TUFF_T_NUMBER);
	assert_int_equal(type_of("1e", TUFF_PLAIN, NULL), TUFF_T_STR);
	assert_int_equal(type_of(".", TUFF_PLAIN, NULL), TUFF_T_STR);
	assert_int_equal(type_of("30", TUFF_DOUBLE, NULL), TUFF_T_STR);
	assert_int_equal(type_of("3", TUFF_DOUBLE, T("int")), TUFF_T_INT);
	assert_int_equal(type_of("abc", TUFF_PLAIN, T("int")), TUFF_T_BAD);
	assert_int_equal(type_of("2021", TUFF_PLAIN, T("float")),
	    TUFF_T_NUMBER);
	assert_int_equal(type_of("x", TUFF_PLAIN, T("float")), TUFF_T_BAD);
}

static void
test_int_values(void **state)
{
	struct tuff_scalar s;
	long v = -7;

	(void)state;
	s = sc("5", TUFF_PLAIN, NULL);
	assert_int_equal(tuff_scalar_int(&s, 1, 5, &v), 0);
	assert_int_equal(v, 5);
	s = sc("6", TUFF_PLAIN, NULL);
	assert_int_equal(tuff_scalar_int(&s, 1, 5, &v), -1);
	s = sc("0", TUFF_PLAIN, NULL);
	assert_int_equal(tuff_scalar_int(&s, 1, 5, &v), -1);
	s = sc("03", TUFF_PLAIN, NULL);
	assert_int_equal(tuff_scalar_int(&s, 0, 5, &v), -1);
	s = sc("99999999999999999999999999", TUFF_PLAIN, NULL);
	assert_int_equal(tuff_scalar_int(&s, 0, 2147483647L, &v), -1);
	s = sc("9223372036854775807", TUFF_PLAIN, NULL);
	assert_int_equal(tuff_scalar_int(&s, 0, 9223372036854775807L, &v),
	    0);
	assert_true(v == 9223372036854775807L);
	s = sc("9223372036854775808", TUFF_PLAIN, NULL);
	assert_int_equal(tuff_scalar_int(&s, 0, 9223372036854775807L, &v),
	    -1);
	s = sc("19", TUFF_PLAIN, NULL);
	assert_int_equal(tuff_scalar_int(&s, 0, 5, &v), -1);
	assert_true(v == 9223372036854775807L);	/* untouched */
}

static void
test_strings_and_dates(void **state)
{
	(void)state;
	assert_int_equal(type_of("Rehab", TUFF_PLAIN, NULL), TUFF_T_STR);
	assert_int_equal(type_of("5", TUFF_PLAIN, T("str")), TUFF_T_STR);
	assert_int_equal(type_of("5", TUFF_PLAIN, "!"), TUFF_T_STR);
	assert_int_equal(type_of("2021-06-30", TUFF_PLAIN, NULL), TUFF_T_STR);
	assert_int_equal(type_of("2021-06-30", TUFF_PLAIN, T("timestamp")),
	    TUFF_T_STR);
	assert_int_equal(type_of("", TUFF_PLAIN, T("timestamp")), TUFF_T_BAD);
	assert_int_equal(type_of("2021-02-29", TUFF_PLAIN, T("timestamp")),
	    TUFF_T_BAD);
	assert_int_equal(type_of("x", TUFF_PLAIN, "!local"), TUFF_T_BAD);
	assert_int_equal(type_of("x", TUFF_PLAIN, T("binary")), TUFF_T_BAD);
}

static void
assert_show(struct tuff_scalar s, const char *want)
{
	char buf[128];

	assert_string_equal(tuff_scalar_show(&s, buf, sizeof(buf)), want);
}

static void
test_show(void **state)
{
	char long_text[200];

	(void)state;
	assert_show(sc("30", TUFF_DOUBLE, NULL), "\"30\"");
	assert_show(sc("30", TUFF_SINGLE, NULL), "'30'");
	assert_show(sc("30", TUFF_PLAIN, NULL), "30");
	assert_show(sc("3", TUFF_DOUBLE, T("int")), "!!int \"3\"");
	assert_show(sc("a\nb\x1b", TUFF_DOUBLE, NULL), "\"a\\nb\\x1b\"");
	/* Nothing written: never an empty string at the end of a message. */
	assert_show(sc("", TUFF_PLAIN, T("timestamp")),
	    "!!timestamp with no value");
	assert_show(sc("", TUFF_PLAIN, NULL), "an empty value");
	assert_show(sc("", TUFF_DOUBLE, NULL), "\"\"");
	memset(long_text, 'x', 150);
	strcpy(long_text + 150, "å");
	assert_show(sc(long_text, TUFF_PLAIN, NULL),
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...");
}

static void
test_hints(void **state)
{
	struct tuff_scalar s;

	(void)state;
	s = sc("30", TUFF_DOUBLE, NULL);
	assert_string_equal(tuff_scalar_hint(&s, TUFF_T_INT),
	    "quoted, it is a string: remove the quotes");
	s = sc("007", TUFF_PLAIN, NULL);
	assert_string_equal(tuff_scalar_hint(&s, TUFF_T_INT),
	    "write it without leading zeros");
	s = sc("+3", TUFF_PLAIN, NULL);
	assert_string_equal(tuff_scalar_hint(&s, TUFF_T_INT),
	    "write it without a sign");
	s = sc("2.5", TUFF_PLAIN, NULL);
	assert_string_equal(tuff_scalar_hint(&s, TUFF_T_INT),
	    "a whole number is needed");
	s = sc("5", TUFF_PLAIN, T("null"));
	assert_string_equal(tuff_scalar_hint(&s, TUFF_T_INT),
	    "the tag contradicts the value");
	s = sc("true", TUFF_PLAIN, NULL);
	assert_string_equal(tuff_scalar_hint(&s, TUFF_T_STR),
	    "put it in quotes to make it text");
	s = sc("many", TUFF_PLAIN, NULL);
	assert_string_equal(tuff_scalar_hint(&s, TUFF_T_INT), "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nulls),
		cmocka_unit_test(test_bools),
		cmocka_unit_test(test_integers),
		cmocka_unit_test(test_int_values),
		cmocka_unit_test(test_strings_and_dates),
		cmocka_unit_test(test_show),
		cmocka_unit_test(test_hints),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
