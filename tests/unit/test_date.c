/*
 * Unit tests for dates as day numbers: the epoch, month ends, leap
 * years (1900 is not one, 2000 and 2024 are), round trips over whole
 * centuries, what the parser refuses, and the formatting.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "tuff/date.h"

static tuff_day
parse(const char *s)
{
	tuff_day d = -424242;

	assert_int_equal(tuff_date_parse(s, strlen(s), &d), 0);
	return d;
}

static void
assert_refused(const char *s, size_t len)
{
	tuff_day d = 17;

	assert_int_equal(tuff_date_parse(s, len, &d), -1);
	assert_int_equal(d, 17);	/* untouched */
}

static void
assert_fmt(tuff_day d, const char *want)
{
	char buf[11];

	assert_string_equal(tuff_date_fmt(d, buf), want);
}

static void
test_epoch(void **state)
{
	(void)state;
	assert_int_equal(tuff_date_from_ymd(1970, 1, 1), 0);
	assert_int_equal(parse("1970-01-01"), 0);
	assert_int_equal(parse("1970-01-02"), 1);
	assert_int_equal(parse("1969-12-31"), -1);
	assert_fmt(0, "1970-01-01");
	assert_fmt(-1, "1969-12-31");
	/* Known day numbers (date +%s / 86400). */
	assert_int_equal(parse("2000-01-01"), 10957);
	assert_int_equal(parse("2020-11-19"), 18585);
	assert_int_equal(parse("1900-01-01"), -25567);
}

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* The day after the last of each month is the first of the next. */
static void
test_month_ends(void **state)
{
	static const int len[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	static const int years[] = { 1900, 1999, 2000, 2021, 2023, 2024,
	    2100 };
	size_t i;
	int m, last, y, mm, dd;

	(void)state;
	for (i = 0; i < sizeof(years) / sizeof(years[0]); i++)
		for (m = 1; m <= 12; m++) {
			last = len[m - 1] + (m == 2 && leap(years[i]));
			tuff_date_to_ymd(tuff_date_from_ymd(years[i], m, last) +
			    1, &y, &mm, &dd);
			assert_int_equal(dd, 1);
			assert_int_equal(mm, m == 12 ? 1 : m + 1);
			assert_int_equal(y, m == 12 ? years[i] + 1 : years[i]);
		}
	assert_int_equal(parse("2021-03-01") - parse("2021-02-28"), 1);
	assert_int_equal(parse("2021-05-01") - parse("2021-04-30"), 1);
	assert_int_equal(parse("2022-01-01") - parse("2021-12-31"), 1);
	assert_refused("2021-04-31", 10);
	assert_refused("2021-06-31", 10);
	assert_refused("2021-09-31", 10);
	assert_refused("2021-11-31", 10);
	assert_refused("2021-01-32", 10);
}

static void
test_leap_years(void **state)
{
	(void)state;
	/* 1900: divisible by 100, not by 400: no 29 February. */
	assert_refused("1900-02-29", 10);
	assert_int_equal(parse("1900-03-01") - parse("1900-02-28"), 1);
	assert_int_equal(parse("1901-01-01") - parse("1900-01-01"), 365);
	/* 2000: divisible by 400: a leap year. */
	assert_int_equal(parse("2000-03-01") - parse("2000-02-29"), 1);
	assert_int_equal(parse("2000-02-29") - parse("2000-02-28"), 1);
	assert_int_equal(parse("2001-01-01") - parse("2000-01-01"), 366);
	/* 2024: an ordinary leap year; 2023 and 2100 are not. */
	assert_int_equal(parse("2024-03-01") - parse("2024-02-28"), 2);
	assert_int_equal(parse("2025-01-01") - parse("2024-01-01"), 366);
	assert_refused("2023-02-29", 10);
	assert_refused("2100-02-29", 10);
	assert_int_equal(parse("2400-02-29") - parse("2400-02-28"), 1);
	/* A leap day's day number goes back to itself. */
	assert_fmt(parse("2024-02-29"), "2024-02-29");
	assert_fmt(parse("2000-02-29"), "2000-02-29");
	/* 400 years are always 146097 days. */
	assert_int_equal(parse("2400-01-01") - parse("2000-01-01"), 146097);
	assert_int_equal(parse("2000-01-01") - parse("1600-01-01"), 146097);
}

/* Every day from 1600 to 2400 survives to_ymd and from_ymd. */
static void
test_round_trip(void **state)
{
	tuff_day d, from = tuff_date_from_ymd(1600, 1, 1);
	tuff_day to = tuff_date_from_ymd(2400, 12, 31);
	char buf[11];
	int y, m, dd, py = 1599, pm = 12, pd = 31;

	(void)state;
	for (d = from; d <= to; d++) {
		tuff_date_to_ymd(d, &y, &m, &dd);
		assert_int_equal(tuff_date_from_ymd(y, m, dd), d);
		/* Consecutive: the next day, or the first of a new month. */
		if (dd != pd + 1) {
			assert_int_equal(dd, 1);
			assert_true(m == pm + 1 || (m == 1 && pm == 12 &&
			    y == py + 1));
		}
		py = y;
		pm = m;
		pd = dd;
		if (d % 97 == 0) {
			tuff_date_fmt(d, buf);
			assert_int_equal(parse(buf), d);
		}
	}
}

static void
test_year(void **state)
{
	(void)state;
	assert_int_equal(tuff_date_year(parse("2020-12-31")), 2020);
	assert_int_equal(tuff_date_year(parse("2021-01-01")), 2021);
	assert_int_equal(tuff_date_year(parse("1900-02-28")), 1900);
	assert_int_equal(tuff_date_year(parse("0001-01-01")), 1);
	assert_int_equal(tuff_date_year(parse("9999-12-31")), 9999);
}

static void
test_parse_edges(void **state)
{
	(void)state;
	assert_int_equal(parse("0000-01-01"), tuff_date_from_ymd(0, 1, 1));
	assert_fmt(parse("0000-03-01"), "0000-03-01");
	assert_int_equal(parse("0000-02-29") + 1, parse("0000-03-01"));
	assert_fmt(parse("9999-12-31"), "9999-12-31");
	assert_fmt(parse("0999-07-04"), "0999-07-04");
	/* The length is what the caller says, so no NUL is needed. */
	assert_int_equal(tuff_date_parse("2021-06-30xyz", 10, &(tuff_day){0}),
	    0);
}

static void
test_parse_rejects(void **state)
{
	static const char *const bad[] = {
		"", "2021", "2021-06", "2021-6-30", "2021-06-3", "21-06-30",
		"2021/06/30", "2021-06-30 ", " 2021-06-30", "2021-06-300",
		"20210630", "2021-00-10", "2021-13-01", "2021-06-00",
		"2021-02-30", "+021-06-30", "-021-06-30", "2021-+6-30",
		"2021- 6-30", "2021-06-3a", "2021-0x-10", "２０２１-06-30",
		"2021-06-30T00:00", "2021_06_30", "abcd-ef-gh", NULL
	};
	size_t i;

	(void)state;
	for (i = 0; bad[i] != NULL; i++)
		assert_refused(bad[i], strlen(bad[i]));
	/* A length shorter or longer than the text. */
	assert_refused("2021-06-30", 9);
	assert_refused("2021-06-30\0", 11);
	/* An embedded NUL. */
	assert_refused("2021-06-\0" "30", 10);
}

static void
test_fmt(void **state)
{
	char buf[11];

	(void)state;
	memset(buf, 'x', sizeof(buf));
	tuff_date_fmt(parse("2021-03-05"), buf);
	assert_int_equal(buf[10], '\0');
	assert_string_equal(buf, "2021-03-05");
	assert_fmt(tuff_date_from_ymd(2021, 1, 1) - 1, "2020-12-31");
	assert_fmt(tuff_date_from_ymd(2024, 3, 1) - 1, "2024-02-29");
	assert_fmt(tuff_date_from_ymd(2023, 3, 1) - 1, "2023-02-28");
	assert_fmt(tuff_date_from_ymd(1900, 3, 1) - 1, "1900-02-28");
}

/* Today is a real date and not far from when this was written. */
static void
test_today(void **state)
{
	tuff_day t = tuff_date_today();
	char buf[11];
	tuff_day back;

	(void)state;
	assert_true(t > parse("2020-01-01"));
	assert_true(t < parse("2200-01-01"));
	tuff_date_fmt(t, buf);
	assert_int_equal(tuff_date_parse(buf, strlen(buf), &back), 0);
	assert_int_equal(back, t);
}

/* Not a date, and why: the form, the digits, the month or the day. */
static void
test_check_why(void **state)
{
	static const struct {
		const char		*s;
		enum tuff_date_why	 why;
	} cases[] = {
		{ "2021-06-30", TUFF_DATE_OK },
		{ "2021-6-30", TUFF_DATE_DIGITS },
		{ "2021-06-3", TUFF_DATE_DIGITS },
		{ "2021/06/30", TUFF_DATE_DIGITS },
		{ "2021.6.3", TUFF_DATE_DIGITS },
		{ "2021-13-01", TUFF_DATE_MONTH },
		{ "2021-00-01", TUFF_DATE_MONTH },
		{ "2021-13-1", TUFF_DATE_MONTH },
		{ "2021-02-29", TUFF_DATE_DAY },
		{ "2021-6-31", TUFF_DATE_DAY },
		{ "2021-04-00", TUFF_DATE_DAY },
		{ "2021-06/30", TUFF_DATE_FORM },	/* two separators */
		{ "21-06-30", TUFF_DATE_FORM },
		{ "2021-006-30", TUFF_DATE_FORM },
		{ "30/6/2021", TUFF_DATE_FORM },
		{ "2021-06-30 ", TUFF_DATE_FORM },
		{ "", TUFF_DATE_FORM },
		{ "2021-06-", TUFF_DATE_FORM },
	};
	tuff_day d;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		d = 17;
		if (tuff_date_check(cases[i].s, strlen(cases[i].s), &d) !=
		    cases[i].why)
			fail_msg("%s: %d, expected %d", cases[i].s,
			    (int)tuff_date_check(cases[i].s,
			    strlen(cases[i].s), &d), (int)cases[i].why);
		if (cases[i].why != TUFF_DATE_OK)
			assert_int_equal(d, 17);
	}
	assert_int_equal(tuff_date_check("2020-02-29", 10, &d), TUFF_DATE_OK);
	assert_int_equal(d, tuff_date_from_ymd(2020, 2, 29));
}

static void
assert_message(const char *s, const char *shown, const char *want)
{
	char msg[256];

	assert_string_equal(tuff_date_message(msg, sizeof(msg), "due", s,
	    strlen(s), shown), want);
}

static void
test_message(void **state)
{
	(void)state;
	assert_message("2021-6-30", NULL, "due: expected a date YYYY-MM-DD, "
	    "not \"2021-6-30\" (write it 2021-06-30)");
	assert_message("2021-02-29", "2021-02-29", "due: there is no such "
	    "day as 2021-02-29 (February 2021 has 28 days)");
	assert_message("1900-02-29", NULL, "due: there is no such day as "
	    "\"1900-02-29\" (February 1900 has 28 days)");
	assert_message("2021-04-31", "'2021-04-31'", "due: there is no such "
	    "day as '2021-04-31' (April 2021 has 30 days)");
	assert_message("2021-13-01", NULL, "due: there is no such day as "
	    "\"2021-13-01\" (a year has 12 months)");
	assert_message("tomorrow", NULL,
	    "due: expected a date YYYY-MM-DD, not \"tomorrow\"");
	/* A long argument is cut, not the message. */
	assert_message("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	    "xxxxxxxxxx", NULL, "due: expected a date YYYY-MM-DD, not "
	    "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	    "...\"");
}

static void
test_looks_like(void **state)
{
	(void)state;
	assert_true(tuff_date_looks_like("2021-06-30"));
	assert_true(tuff_date_looks_like("2021-6-30"));
	assert_true(tuff_date_looks_like("2021/06/30"));
	assert_true(tuff_date_looks_like("30.6.2021"));
	assert_true(tuff_date_looks_like("2021-13-45"));
	assert_false(tuff_date_looks_like("2021"));
	assert_false(tuff_date_looks_like("2021-06/30"));
	assert_false(tuff_date_looks_like("2021-06-30.yaml"));
	assert_false(tuff_date_looks_like("register.yaml"));
	assert_false(tuff_date_looks_like("-"));
	assert_false(tuff_date_looks_like(""));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_epoch),
		cmocka_unit_test(test_month_ends),
		cmocka_unit_test(test_leap_years),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_year),
		cmocka_unit_test(test_parse_edges),
		cmocka_unit_test(test_parse_rejects),
		cmocka_unit_test(test_fmt),
		cmocka_unit_test(test_today),
		cmocka_unit_test(test_check_why),
		cmocka_unit_test(test_message),
		cmocka_unit_test(test_looks_like),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
