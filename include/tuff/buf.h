/*
 * A growable byte buffer and the escapers for the text tuff writes for
 * people (lowdown's hbuf, smaller): HTML and SVG, and Markdown.  Every
 * string that came from a record goes through an escaper, however it
 * looks; only the program's own markup is put as is.
 *
 * Errors are sticky: after an allocation fails, every later call does
 * nothing and err stays set, so a caller checks once, at the end.
 */
#ifndef TUFF_BUF_H
#define TUFF_BUF_H

#include <stddef.h>

struct tuff_buf {
	char	*data;		/* NUL-terminated when len > 0 */
	size_t	 len;
	size_t	 cap;
	int	 err;		/* an allocation failed */
};

/* An empty buffer; no allocation until the first byte. */
void	tuff_buf_init(struct tuff_buf *);
void	tuff_buf_free(struct tuff_buf *);
/* Forget the contents, keep the memory. */
void	tuff_buf_reset(struct tuff_buf *);

/* As is: the program's own markup. */
void	tuff_buf_put(struct tuff_buf *, const char *, size_t);
void	tuff_buf_puts(struct tuff_buf *, const char *);
void	tuff_buf_putc(struct tuff_buf *, int);
void	tuff_buf_printf(struct tuff_buf *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/*
 * Text for HTML and SVG, safe in element content and in a quoted
 * attribute value alike: & < > " ' become entities; tab, line feed and
 * carriage return a space; other control characters (C0, DEL, C1),
 * which XML does not allow and HTML calls errors, U+FFFD.  A unit
 * called "<script>" is text.
 */
void	tuff_buf_html(struct tuff_buf *, const char *);

/*
 * Text for Markdown, inline (a table cell, a list item, a heading):
 * what CommonMark and GitHub's tables would read as markup gets a
 * backslash (\ ` * _ [ ] < > | # ~, a '&' that would start an entity,
 * and a list marker at the start: "- ", "+ ", "1. ", "1) "); control
 * characters as for HTML, so the text stays on its line.
 */
void	tuff_buf_md(struct tuff_buf *, const char *);

#endif
