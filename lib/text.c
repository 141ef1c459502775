/*
 * The bytes of a YAML text (see text.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pages.h"
#include "text.h"

#define TEXT_MIN	(64 * 1024)

int
text_append(struct text *t, const void *s, size_t n)
{
	size_t live = t->len - t->off, cap;
	char *p;

	if (t->len + n > t->cap) {
		/*
		 * Grow while what is held fills half the buffer; otherwise
		 * move it to the front.  Either way a byte is moved a
		 * bounded number of times on average, however small the
		 * records: the record before is forgotten at each record's
		 * end, but libyaml reads ahead of it.
		 */
		if (live + n > t->cap / 2) {
			cap = t->cap > 0 ? t->cap : TEXT_MIN;
			while (cap / 2 < live + n)
				cap *= 2;
			if ((p = pages_alloc(cap)) == NULL)
				return -1;
			if (live > 0)
				memcpy(p, t->p + t->off, live);
			pages_free(t->p, t->cap);
			t->p = p;
			t->cap = cap;
		} else if (live > 0)
			memmove(t->p, t->p + t->off, live);
		t->off = 0;
		t->len = live;
	}
	if (n > 0)
		memcpy(t->p + t->len, s, n);
	t->len += n;
	return 0;
}

void
text_free(struct text *t)
{
	pages_free(t->p, t->cap);
	memset(t, 0, sizeof(*t));
}

/*
 * The lead bytes (those that are no continuation, 10xxxxxx) among the
 * 8 bytes at p, each marked by its top bit; the same bit order as the
 * bytes' in memory only on a little-endian machine.
 */
static uint64_t
leads(const unsigned char *p)
{
	uint64_t w;

	memcpy(&w, p, sizeof(w));
	return ~(w & ~(w << 1)) & 0x8080808080808080ULL;
}

/* How many bits a leads() word has set (no popcount instruction needed). */
static unsigned
count(uint64_t m)
{
	return (unsigned)(((m >> 7) * 0x0101010101010101ULL) >> 56);
}

/*
 * The same count for the 32 bytes at p: four words' marks summed first
 * (at most 4 a byte), so one multiply adds them all.
 */
static unsigned
leads32(const unsigned char *p)
{
	uint64_t c = (leads(p) >> 7) + (leads(p + 8) >> 7) +
	    (leads(p + 16) >> 7) + (leads(p + 24) >> 7);

	return (unsigned)((c * 0x0101010101010101ULL) >> 56);
}

size_t
text_byte(struct text *t, size_t ch)
{
	const unsigned char *p = (const unsigned char *)t->p;
	size_t i, end = t->len, k;
	uint64_t m;
	unsigned n;

	if (ch >= t->cur_char && t->cur >= t->start) {
		i = t->off + (t->cur - t->start);
		k = ch - t->cur_char;
	} else {
		i = t->off;
		k = ch >= t->start_char ? ch - t->start_char : 0;
	}
	/*
	 * Past k more leads, to the lead after them: 32 bytes at a time
	 * while they hold no more than k, then 8, then a byte.  A word of
	 * 8 that holds more has the answer: its lead number k.
	 */
	while (k >= 8 && end - i >= 32 && (n = leads32(p + i)) <= k) {
		k -= n;
		i += 32;
	}
	while (end - i >= 8) {
		m = leads(p + i);
		if ((n = count(m)) > k) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			for (; k > 0; k--)
				m &= m - 1;
			i += (size_t)__builtin_ctzll(m) / 8;
			k = 0;
#endif
			break;
		}
		k -= n;
		i += 8;
	}
	for (; i < end; i++)
		if ((p[i] & 0xc0) != 0x80) {
			if (k == 0)
				break;
			k--;
		}
	t->cur = t->start + (i - t->off);
	t->cur_char = ch;
	return t->cur;
}

void
text_cut(struct text *t, size_t pos, size_t ch, unsigned long line)
{
	t->off += pos - t->start;
	t->start = pos;
	t->start_char = ch;
	t->start_line = line;
	if (t->cur < pos) {
		t->cur = pos;
		t->cur_char = ch;
	}
}

size_t
yaml_break(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;

	if (n == 0)
		return 0;
	if (p[0] == '\n')
		return 1;
	if (p[0] == '\r')
		return n > 1 && p[1] == '\n' ? 2 : 1;
	if (n > 1 && p[0] == 0xc2 && p[1] == 0x85)
		return 2;
	if (n > 2 && p[0] == 0xe2 && p[1] == 0x80 &&
	    (p[2] == 0xa8 || p[2] == 0xa9))
		return 3;
	return 0;
}

/* The length of a line break that ends p[0..n), or 0. */
static size_t
break_before(const unsigned char *p, size_t n)
{
	if (n >= 1 && (p[n - 1] == '\n' || p[n - 1] == '\r'))
		return 1;
	if (n >= 2 && p[n - 2] == 0xc2 && p[n - 1] == 0x85)
		return 2;
	if (n >= 3 && p[n - 3] == 0xe2 && p[n - 2] == 0x80 &&
	    (p[n - 1] == 0xa8 || p[n - 1] == 0xa9))
		return 3;
	return 0;
}

int
yaml_ends_line(const char *p, size_t n)
{
	return break_before((const unsigned char *)p, n) > 0;
}

size_t
text_bol(const struct text *t, size_t pos)
{
	const unsigned char *base = (const unsigned char *)text_at(t,
	    t->start);
	size_t i = pos - t->start;

	while (i > 0 && break_before(base, i) == 0)
		i--;
	return t->start + i;
}

size_t
text_eol(const struct text *t, size_t pos)
{
	const char *base = text_at(t, t->start);
	size_t i = pos - t->start, n = t->len - t->off, b;

	if (i == 0 || break_before((const unsigned char *)base, i) > 0)
		return pos;
	for (; i < n; i++)
		if ((b = yaml_break(base + i, n - i)) > 0)
			return t->start + i + b;
	return t->start + n;
}

size_t
utf8_check(const char *s, size_t len, int *why, unsigned long *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n, k;
	unsigned long c;

	while (i < len) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if ((p[i] & 0xe0) == 0xc0) {
			n = 2;
			c = p[i] & 0x1f;
		} else if ((p[i] & 0xf0) == 0xe0) {
			n = 3;
			c = p[i] & 0x0f;
		} else if ((p[i] & 0xf8) == 0xf0) {
			n = 4;
			c = p[i] & 0x07;
		} else
			goto octet;
		if (len - i < n)
			goto octet;
		for (k = 1; k < n; k++) {
			if ((p[i + k] & 0xc0) != 0x80)
				goto octet;
			c = c << 6 | (p[i + k] & 0x3f);
		}
		if ((n == 2 && c < 0x80) || (n == 3 && c < 0x800) ||
		    (n == 4 && c < 0x10000))
			goto octet;
		if ((c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff) {
			if (why != NULL)
				*why = UTF8_CHAR;
			if (cp != NULL)
				*cp = c;
			return i;
		}
		i += n;
	}
	return len;
octet:
	if (why != NULL)
		*why = UTF8_OCTET;
	return i;
}

/* Does p start with "---" or "..." as a marker, or a directive? */
static int
starts_marker(const char *p, size_t n)
{
	if (n >= 1 && p[0] == '%')
		return 1;
	if (n < 3 || (memcmp(p, "---", 3) != 0 && memcmp(p, "...", 3) != 0))
		return 0;
	return n == 3 || p[3] == ' ' || p[3] == '\t' ||
	    yaml_break(p + 3, n - 3) > 0;
}

int
yaml_closes_block(const char *p, size_t n, unsigned indent, int keep)
{
	size_t i = 0, sp, j, b;
	int blank = 0;

	if (n == 0 || starts_marker(p, n))
		return 1;
	while (i < n) {
		for (sp = 0; i + sp < n && p[i + sp] == ' '; sp++)
			continue;
		for (j = i + sp; j < n && (p[j] == ' ' || p[j] == '\t'); j++)
			continue;
		if (j == n)
			break;
		if ((b = yaml_break(p + j, n - j)) == 0)
			return sp < indent && !(keep && blank);
		blank = 1;
		i = j + b;
	}
	return 0;
}
