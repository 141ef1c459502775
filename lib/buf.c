/*
 * The buffer and the escapers (see tuff/buf.h).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/buf.h"

#define REPLACEMENT	"\xef\xbf\xbd"	/* U+FFFD */

void
tuff_buf_init(struct tuff_buf *b)
{
	memset(b, 0, sizeof(*b));
}

void
tuff_buf_free(struct tuff_buf *b)
{
	free(b->data);
	tuff_buf_init(b);
}

void
tuff_buf_reset(struct tuff_buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

/* Room for n more bytes and a NUL; 0, or -1 (and err set). */
static int
grow(struct tuff_buf *b, size_t n)
{
	size_t cap;
	char *p;

	if (b->err)
		return -1;
	if (b->cap > b->len && n < b->cap - b->len)
		return 0;
	if (n > SIZE_MAX / 2 - b->len - 1) {
		b->err = 1;
		return -1;
	}
	cap = b->cap > 0 ? b->cap : 256;
	while (cap - b->len <= n)
		cap *= 2;
	if ((p = realloc(b->data, cap)) == NULL) {
		b->err = 1;
		return -1;
	}
	b->data = p;
	b->cap = cap;
	return 0;
}

void
tuff_buf_put(struct tuff_buf *b, const char *s, size_t n)
{
	if (grow(b, n) == -1)
		return;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
tuff_buf_puts(struct tuff_buf *b, const char *s)
{
	tuff_buf_put(b, s, strlen(s));
}

void
tuff_buf_putc(struct tuff_buf *b, int c)
{
	char ch = (char)c;

	tuff_buf_put(b, &ch, 1);
}

void
tuff_buf_printf(struct tuff_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (b->err)
		return;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->err = 1;
		return;
	}
	if (grow(b, (size_t)n) == -1)
		return;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

/*
 * A control character at s, and how many bytes it takes: C0 and DEL
 * are one byte, C1 (U+0080..U+009F) two (0xC2 0x80..0x9F).  0 for
 * anything else.
 */
static size_t
control_len(const unsigned char *s)
{
	if (*s < 0x20 || *s == 0x7f)
		return 1;
	if (s[0] == 0xc2 && s[1] >= 0x80 && s[1] <= 0x9f)
		return 2;
	return 0;
}

/* A control character as the escapers write it. */
static void
put_control(struct tuff_buf *b, const unsigned char *s)
{
	if (*s == '\t' || *s == '\n' || *s == '\r')
		tuff_buf_putc(b, ' ');
	else
		tuff_buf_puts(b, REPLACEMENT);
}

void
tuff_buf_html(struct tuff_buf *b, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	const char *ent;
	size_t n;

	while (*s != '\0') {
		/* Copy the run of bytes that need nothing, at once. */
		for (n = 0; s[n] != '\0' && strchr("&<>\"'", s[n]) == NULL &&
		    control_len(s + n) == 0; n++)
			;
		tuff_buf_put(b, (const char *)s, n);
		s += n;
		if (*s == '\0')
			break;
		switch (*s) {
		case '&':
			ent = "&amp;";
			break;
		case '<':
			ent = "&lt;";
			break;
		case '>':
			ent = "&gt;";
			break;
		case '"':
			ent = "&quot;";
			break;
		case '\'':
			ent = "&#39;";
			break;
		default:
			put_control(b, s);
			s += control_len(s);
			continue;
		}
		tuff_buf_puts(b, ent);
		s++;
	}
}

/* Would '&' at s start a character reference ("&amp;", "&#35;")? */
static int
entity_like(const unsigned char *s)
{
	const unsigned char *p = s + 1;

	if (*p == '#')
		p++;
	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
	    (*p >= '0' && *p <= '9'))
		p++;
	return *p == ';' && p > s + 1;
}

/*
 * Where text at the start of a list item or a heading would make a
 * list of its own: "- x", "+ x", "1. x", "2) x" (a marker, then a space
 * or nothing).  Returns the offset of the character that needs the
 * backslash, or -1.  "-3,1" and "2021-04-01" are text as they are.
 */
static long
leading_marker(const unsigned char *s)
{
	size_t n = 0;

	if ((s[0] == '-' || s[0] == '+') &&
	    (s[1] == ' ' || s[1] == '\t' || s[1] == '\0'))
		return 0;
	while (s[n] >= '0' && s[n] <= '9' && n < 9)
		n++;
	if (n > 0 && (s[n] == '.' || s[n] == ')') &&
	    (s[n + 1] == ' ' || s[n + 1] == '\t' || s[n + 1] == '\0'))
		return (long)n;
	return -1;
}

void
tuff_buf_md(struct tuff_buf *b, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	long lead = leading_marker(s);
	size_t i, n;

	for (i = 0; s[i] != '\0'; i += n) {
		if ((n = control_len(s + i)) > 0) {
			put_control(b, s + i);
			continue;
		}
		n = 1;
		if ((long)i == lead ||
		    strchr("\\`*_[]<>|#~", s[i]) != NULL ||
		    (s[i] == '&' && entity_like(s + i)))
			tuff_buf_putc(b, '\\');
		tuff_buf_putc(b, s[i]);
	}
}
