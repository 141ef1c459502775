/*
 * The display width of text in the tables for people (hme-score,
 * tuff-journey), private to the library.
 */
#ifndef TUFF_WIDTH_H
#define TUFF_WIDTH_H

#include <stddef.h>

/*
 * Characters, not bytes: UTF-8 continuation bytes take no column, so
 * å, ä and ö line up.
 */
static inline size_t
tuff_width(const char *s)
{
	size_t w = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			w++;
	return w;
}

#endif
