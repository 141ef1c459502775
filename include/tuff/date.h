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
/* Write YYYY-MM-DD into buf (at least 11 bytes); returns buf. */
char		*tuff_date_fmt(tuff_day, char *buf);
tuff_day	tuff_date_from_ymd(int y, int m, int d);
void		tuff_date_to_ymd(tuff_day, int *y, int *m, int *d);
/* Today in local time, as cron sees it. */
tuff_day	tuff_date_today(void);
/* The year of a day, for B-YEAR-NNN numbering. */
int		tuff_date_year(tuff_day);

#endif
