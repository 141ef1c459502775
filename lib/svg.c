/*
 * The SVG writer (see tuff/svg.h).
 */
#include <stdio.h>
#include <string.h>

#include "tuff/svg.h"

#define ELLIPSIS	"\xe2\x80\xa6"	/* U+2026 */

/* n / d rounded half away from zero; d > 0, |2n + d| fits. */
static long long
div_round(long long n, long long d)
{
	return n >= 0 ? (2 * n + d) / (2 * d) : -((-2 * n + d) / (2 * d));
}

/*
 * Exact for every span a chart has (a few thousand steps); a span past
 * 2^28 is halved with the offset until it fits, so that the product
 * with any int pixel distance stays far inside a long long.
 */
int
svg_map(const struct svg_scale *s, long v)
{
	unsigned long long span, off;

	if (s->hi <= s->lo)
		return s->p0;
	if (v < s->lo)
		v = s->lo;
	if (v > s->hi)
		v = s->hi;
	span = (unsigned long long)s->hi - (unsigned long long)s->lo;
	off = (unsigned long long)v - (unsigned long long)s->lo;
	while (span > (1ULL << 28)) {
		span >>= 1;
		off >>= 1;
	}
	return (int)(s->p0 + div_round((long long)off *
	    ((long long)s->p1 - s->p0), (long long)span));
}

/* ' class="cls"', or nothing for NULL. */
static void
put_class(struct tuff_buf *b, const char *cls)
{
	if (cls == NULL)
		return;
	tuff_buf_puts(b, " class=\"");
	tuff_buf_html(b, cls);
	tuff_buf_putc(b, '"');
}

void
svg_begin(struct tuff_buf *b, int w, int h, const char *title,
    const char *desc)
{
	tuff_buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">\n",
	    w, h, w, h);
	tuff_buf_puts(b, "<title>");
	tuff_buf_html(b, title);
	tuff_buf_puts(b, "</title>\n<desc>");
	tuff_buf_html(b, desc);
	tuff_buf_puts(b, "</desc>\n");
}

void
svg_end(struct tuff_buf *b)
{
	tuff_buf_puts(b, "</svg>\n");
}

void
svg_group(struct tuff_buf *b, const char *cls)
{
	tuff_buf_puts(b, "<g");
	put_class(b, cls);
	tuff_buf_puts(b, ">\n");
}

void
svg_group_end(struct tuff_buf *b)
{
	tuff_buf_puts(b, "</g>\n");
}

void
svg_line(struct tuff_buf *b, int x1, int y1, int x2, int y2, const char *cls)
{
	tuff_buf_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"",
	    x1, y1, x2, y2);
	put_class(b, cls);
	tuff_buf_puts(b, "/>\n");
}

void
svg_rect(struct tuff_buf *b, int x, int y, int w, int h, const char *cls)
{
	tuff_buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" "
	    "height=\"%d\"", x, y, w > 0 ? w : 0, h > 0 ? h : 0);
	put_class(b, cls);
	tuff_buf_puts(b, "/>\n");
}

void
svg_circle(struct tuff_buf *b, int cx, int cy, int r, const char *cls)
{
	tuff_buf_printf(b, "<circle cx=\"%d\" cy=\"%d\" r=\"%d\"", cx, cy, r);
	put_class(b, cls);
	tuff_buf_puts(b, "/>\n");
}

void
svg_polyline(struct tuff_buf *b, const struct svg_point *p, size_t n,
    const char *cls)
{
	size_t i;

	if (n == 0)
		return;
	tuff_buf_puts(b, "<polyline points=\"");
	for (i = 0; i < n; i++)
		tuff_buf_printf(b, "%s%d,%d", i > 0 ? " " : "", p[i].x, p[i].y);
	tuff_buf_putc(b, '"');
	put_class(b, cls);
	tuff_buf_puts(b, "/>\n");
}

static const char *const anchors[] = { "start", "middle", "end" };

/* The opening tag of a text element. */
static void
text_open(struct tuff_buf *b, int x, int y, enum svg_anchor a,
    const char *cls)
{
	tuff_buf_printf(b, "<text x=\"%d\" y=\"%d\"", x, y);
	if (a != SVG_START)
		tuff_buf_printf(b, " text-anchor=\"%s\"",
		    anchors[a == SVG_END ? 2 : 1]);
	put_class(b, cls);
	tuff_buf_putc(b, '>');
}

void
svg_text(struct tuff_buf *b, int x, int y, enum svg_anchor a,
    const char *cls, const char *text)
{
	text_open(b, x, y, a, cls);
	tuff_buf_html(b, text);
	tuff_buf_puts(b, "</text>\n");
}

/* Bytes of the first max UTF-8 characters of s (all of s if shorter). */
static size_t
prefix_len(const char *s, size_t max)
{
	size_t i, chars = 0;

	for (i = 0; s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 && chars++ == max)
			return i;
	return i;
}

void
svg_text_max(struct tuff_buf *b, int x, int y, enum svg_anchor a,
    const char *cls, const char *text, size_t max)
{
	struct tuff_buf cut;
	size_t n;

	if (max == 0 || text[n = prefix_len(text, max)] == '\0') {
		svg_text(b, x, y, a, cls, text);
		return;
	}
	/* max - 1 characters and the ellipsis: max in all. */
	n = prefix_len(text, max - 1);
	tuff_buf_init(&cut);
	tuff_buf_put(&cut, text, n);
	tuff_buf_puts(&cut, ELLIPSIS);
	text_open(b, x, y, a, cls);
	tuff_buf_puts(b, "<title>");
	tuff_buf_html(b, text);
	tuff_buf_puts(b, "</title>");
	if (cut.err)
		b->err = 1;
	else
		tuff_buf_html(b, cut.data);
	tuff_buf_puts(b, "</text>\n");
	tuff_buf_free(&cut);
}

void
svg_yaxis(struct tuff_buf *b, const struct svg_scale *y, long step, int x0,
    int x1, svg_label_fn *label)
{
	char text[64];
	long v;
	int py;

	if (step <= 0)
		return;
	svg_group(b, "axis");
	for (v = y->lo; v <= y->hi; v += step) {
		py = svg_map(y, v);
		svg_line(b, x0, py, x1, py, v == y->lo ? "base" : "grid");
		label(text, sizeof(text), v);
		svg_text(b, x0 - 6, py + 4, SVG_END, "tick", text);
		if (y->hi - v < step)
			break;		/* no overflow past hi */
	}
	svg_group_end(b);
}

void
svg_xaxis(struct tuff_buf *b, const struct svg_scale *x, long step, int y0,
    int y1, svg_label_fn *label)
{
	char text[64];
	long v;
	int px;

	if (step <= 0)
		return;
	svg_group(b, "axis");
	for (v = x->lo; v <= x->hi; v += step) {
		px = svg_map(x, v);
		svg_line(b, px, y0, px, y1, v == x->lo ? "base" : "grid");
		label(text, sizeof(text), v);
		svg_text(b, px, y1 + 14, SVG_MIDDLE, "tick", text);
		if (x->hi - v < step)
			break;
	}
	svg_group_end(b);
}

void
svg_hbar(struct tuff_buf *b, const struct svg_scale *x, int y, int h, long v,
    const char *cls)
{
	int x0 = svg_map(x, x->lo);

	svg_rect(b, x0, y, svg_map(x, v) - x0, h, cls);
}
