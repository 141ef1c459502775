/*
 * Name keys: NFC, and full case folding where names are not
 * case-sensitive (include/tuff/names.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <uninorm.h>
#include <unistr.h>

#include "tuff/names.h"

static int
reserve(struct tuff_namebuf *b, size_t n)
{
	char *p;
	size_t cap;

	if (n + 1 <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 64;
	while (cap < n + 1)
		cap *= 2;
	if ((p = realloc(b->s, cap)) == NULL) {
		errno = ENOMEM;
		return -1;
	}
	b->s = p;
	b->cap = cap;
	return 0;
}

/*
 * Only ASCII and two-byte UTF-8 below U+0300 (lead bytes C2..CB):
 * every such character is its own NFC, and no combining mark follows
 * to compose with it.
 */
static int
below_combining(const unsigned char *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (p[i] < 0x80)
			continue;
		if (p[i] < 0xc2 || p[i] > 0xcb || i + 1 == len ||
		    (p[i + 1] & 0xc0) != 0x80)
			return 0;
		i++;
	}
	return 1;
}

static int
is_ascii(const unsigned char *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (p[i] >= 0x80)
			return 0;
	return 1;
}

/* Hand libunistring's result (in b->s's memory, or new) to b. */
static int
take(struct tuff_namebuf *b, uint8_t *r, size_t n)
{
	if (r == NULL)
		return -1;	/* errno is libunistring's */
	if ((char *)r != b->s) {
		free(b->s);
		b->s = (char *)r;
		b->cap = n;
	}
	if (reserve(b, n) == -1)
		return -1;
	b->s[n] = '\0';
	b->len = n;
	return 0;
}

int
tuff_name_key(struct tuff_namebuf *b, const char *s, size_t len,
    enum tuff_name_cmp how)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, n;
	uint8_t *r;

	if (how == TUFF_NAME_FOLD ? is_ascii(p, len) :
	    below_combining(p, len)) {
		if (reserve(b, len) == -1)
			return -1;
		for (i = 0; i < len; i++)
			b->s[i] = how == TUFF_NAME_FOLD && p[i] >= 'A' &&
			    p[i] <= 'Z' ? (char)(p[i] + 'a' - 'A') : (char)p[i];
		b->s[len] = '\0';
		b->len = len;
		return 0;
	}
	if (u8_check(p, len) != NULL) {
		errno = EILSEQ;
		return -1;
	}
	n = b->cap;
	if (how == TUFF_NAME_FOLD)
		r = u8_casefold(p, len, NULL, UNINORM_NFC, (uint8_t *)b->s,
		    &n);
	else
		r = u8_normalize(UNINORM_NFC, p, len, (uint8_t *)b->s, &n);
	return take(b, r, n);
}

void
tuff_namebuf_free(struct tuff_namebuf *b)
{
	free(b->s);
	memset(b, 0, sizeof(*b));
}

int
tuff_name_same(const char *a, const char *b, enum tuff_name_cmp how)
{
	struct tuff_namebuf ka = { NULL, 0, 0 }, kb = { NULL, 0, 0 };
	int same = -1;

	if (tuff_name_key(&ka, a, strlen(a), how) == 0 &&
	    tuff_name_key(&kb, b, strlen(b), how) == 0)
		same = ka.len == kb.len && memcmp(ka.s, kb.s, ka.len) == 0;
	tuff_namebuf_free(&ka);
	tuff_namebuf_free(&kb);
	return same;
}
