/*
 * Calendar dates (ISO 8601 YYYY-MM-DD, proleptic Gregorian) as day
 * numbers, so "due within 31 days" and "raised 60 days ago" are
 * subtractions.
 */
#ifndef TUFF_DATE_H
#define TUFF_DATE_H

#include <stddef.h>

/* Days since 1970-01-01 (negative before). */
typedef long	tuff_day;

/* Parse exactly YYYY-MM-DD, a real calendar date: 0, or -1. */
int		tuff_date_parse(const char *s, size_t len, tuff_day *out);

/*
 * Why a text is not a date, so that a message can tell a text that is
 * not written as a date from a date that does not exist.
 */
enum tuff_date_why {
	TUFF_DATE_OK = 0,
	TUFF_DATE_FORM,		/* not YYYY-MM-DD at all */
	TUFF_DATE_DIGITS,	/* a real day, but written 2021-6-30 or
				   2021/06/30 */
	TUFF_DATE_MONTH,	/* no such month: 2021-13-01 (or 2021-13-1) */
	TUFF_DATE_DAY		/* no such day in the month: 2021-02-29 */
};

/* Like tuff_date_parse, saying why not. */
enum tuff_date_why	tuff_date_check(const char *s, size_t len,
			    tuff_day *out);

/*
 * The message about a text that is not a date, into msg (size bytes):
 *   WHAT: expected a date YYYY-MM-DD, not SHOWN
 *   WHAT: expected a date YYYY-MM-DD, not SHOWN (write it 2021-06-30)
 *   WHAT: there is no such day as SHOWN (February 2021 has 28 days)
 *   WHAT: there is no such day as SHOWN (a year has 12 months)
 * what names the option or key; s and len are the text, and shown is
 * how to show it (the value as written in a record), or NULL to show s
 * in double quotes (an option's argument).  Returns msg.
 */
char	*tuff_date_message(char *msg, size_t size, const char *what,
	    const char *s, size_t len, const char *shown);

/*
 * Does an option's argument look meant as a date, rightly written or
 * not (2021-06-30, 2021-6-30, 2021/06/30)?  A digit first, then only
 * digits and one kind of separator ('-', '/' or '.'), used at least
 * once.  So an option with an optional date takes such a word as its
 * value, and says what is wrong with it, rather than taking it for a
 * file.
 */
int	tuff_date_looks_like(const char *s);
/* Write YYYY-MM-DD into buf (at least 11 bytes); returns buf. */
char		*tuff_date_fmt(tuff_day, char *buf);
tuff_day	tuff_date_from_ymd(int y, int m, int d);
void		tuff_date_to_ymd(tuff_day, int *y, int *m, int *d);
/* Today in local time, as cron sees it. */
tuff_day	tuff_date_today(void);
/* The year of a day, for B-YEAR-NNN numbering. */
int		tuff_date_year(tuff_day);

#endif
