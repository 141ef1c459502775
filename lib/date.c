#include <stdio.h>
#include <time.h>

#include "tuff/date.h"

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

int
tuff_date_parse(const char *s, size_t len, tuff_day *out)
{
	int y, m, d;

	if (len != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	if ((y = digits(s, 4)) < 0 || (m = digits(s + 5, 2)) < 0 ||
	    (d = digits(s + 8, 2)) < 0)
		return -1;
	if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return -1;
	*out = tuff_date_from_ymd(y, m, d);
	return 0;
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
