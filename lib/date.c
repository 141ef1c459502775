#include <stdio.h>
#include <time.h>

#include "tuff/date.h"
#include "tuff/i18n.h"

/*
 * Days from civil: the era-based algorithm, exact for every year and
 * free of tables, so leap years and month ends need no special cases.
 */
tuff_day
tuff_date_from_ymd(int y, int m, int d)
{
	long yy = m <= 2 ? (long)y - 1 : y;
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void
tuff_date_to_ymd(tuff_day z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int
days_in_month(int y, int m)
{
	static const int len[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : len[m - 1];
}

static int
digits(const char *s, int n)
{
	int v = 0;

	while (n-- > 0) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s++ - '0');
	}
	return v;
}

/*
 * Read Y-M-D: four digits, a separator, one or two digits, the same
 * separator, one or two digits, and nothing else.  0, or -1.
 */
static int
loose_ymd(const char *s, size_t len, int *y, int *m, int *d)
{
	size_t i = 5, n;
	char sep;

	if (len < 8 || len > 10 || (*y = digits(s, 4)) < 0)
		return -1;
	sep = s[4];
	if (sep != '-' && sep != '/' && sep != '.')
		return -1;
	for (n = 0; i + n < len && s[i + n] != sep; n++)
		continue;
	if (n < 1 || n > 2 || i + n == len || (*m = digits(s + i, (int)n)) < 0)
		return -1;
	i += n + 1;
	n = len - i;
	if (n < 1 || n > 2 || (*d = digits(s + i, (int)n)) < 0)
		return -1;
	return 0;
}

enum tuff_date_why
tuff_date_check(const char *s, size_t len, tuff_day *out)
{
	int y, m, d;

	if (loose_ymd(s, len, &y, &m, &d) == -1)
		return TUFF_DATE_FORM;
	if (m < 1 || m > 12)
		return TUFF_DATE_MONTH;
	if (d < 1 || d > days_in_month(y, m))
		return TUFF_DATE_DAY;
	if (len != 10 || s[4] != '-')
		return TUFF_DATE_DIGITS;
	*out = tuff_date_from_ymd(y, m, d);
	return TUFF_DATE_OK;
}

int
tuff_date_parse(const char *s, size_t len, tuff_day *out)
{
	return tuff_date_check(s, len, out) == TUFF_DATE_OK ? 0 : -1;
}

char *
tuff_date_message(char *msg, size_t size, const char *what, const char *s,
    size_t len, const char *shown)
{
	static const char *const months[] = { N_("January"), N_("February"),
	    N_("March"), N_("April"), N_("May"), N_("June"), N_("July"),
	    N_("August"), N_("September"), N_("October"), N_("November"),
	    N_("December") };
	char quoted[80];
	tuff_day day;
	int y, m, d;

	if (shown == NULL) {
		snprintf(quoted, sizeof(quoted), "\"%.*s%s\"",
		    (int)(len > 60 ? 60 : len), s, len > 60 ? "..." : "");
		shown = quoted;
	}
	switch (tuff_date_check(s, len, &day)) {
	case TUFF_DATE_DIGITS:
		loose_ymd(s, len, &y, &m, &d);
		snprintf(msg, size, _("%s: expected a date YYYY-MM-DD, not %s "
		    "(write it %04d-%02d-%02d)"), what, shown, y, m, d);
		break;
	case TUFF_DATE_MONTH:
		snprintf(msg, size, _("%s: there is no such day as %s (a year "
		    "has 12 months)"), what, shown);
		break;
	case TUFF_DATE_DAY:
		loose_ymd(s, len, &y, &m, &d);
		snprintf(msg, size, _("%s: there is no such day as %s (%s %04d "
		    "has %d days)"), what, shown, _(months[m - 1]), y,
		    days_in_month(y, m));
		break;
	default:
		snprintf(msg, size, _("%s: expected a date YYYY-MM-DD, not %s"),
		    what, shown);
		break;
	}
	return msg;
}

int
tuff_date_looks_like(const char *s)
{
	const char *sep = NULL;

	if (*s < '0' || *s > '9')
		return 0;
	for (; *s != '\0'; s++) {
		if (*s >= '0' && *s <= '9')
			continue;
		if ((*s != '-' && *s != '/' && *s != '.') ||
		    (sep != NULL && *s != *sep))
			return 0;
		sep = s;
	}
	return sep != NULL;
}

char *
tuff_date_fmt(tuff_day day, char *buf)
{
	int y, m, d;

	tuff_date_to_ymd(day, &y, &m, &d);
	/* Records hold four-digit years; keep the width fixed regardless. */
	snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)(y < 0 ? 0 : y) % 10000u,
	    (unsigned)m % 100u, (unsigned)d % 100u);
	return buf;
}

tuff_day
tuff_date_today(void)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	return tuff_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday);
}

int
tuff_date_year(tuff_day day)
{
	int y, m, d;

	tuff_date_to_ymd(day, &y, &m, &d);
	return y;
}
