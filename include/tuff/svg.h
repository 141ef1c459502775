/*
 * A small SVG writer for the charts of tuff-report: shapes, text,
 * scales and axes, written into a tuff_buf as inline SVG for HTML.
 *
 * Coordinates are whole pixels, computed with integer arithmetic (a
 * scale rounds half away from zero), so the same chart is the same
 * bytes everywhere.  Every text goes through tuff_buf_html; class names
 * are the caller's constants and are escaped all the same.  Each
 * element is one line, so a changed chart reads well in a diff.
 */
#ifndef TUFF_SVG_H
#define TUFF_SVG_H

#include <stddef.h>

#include "buf.h"

enum svg_anchor {
	SVG_START = 0,
	SVG_MIDDLE,
	SVG_END
};

struct svg_point {
	int	x;
	int	y;
};

/*
 * A linear map from values lo..hi (in any unit: tenths of an index,
 * steps) onto pixels p0..p1.  For a y axis p0 is the bottom, so p1 <
 * p0 and a higher value is higher up.
 */
struct svg_scale {
	long	lo;
	long	hi;
	int	p0;
	int	p1;
};

/*
 * The pixel of value v, rounded half away from zero: v is clamped to
 * lo..hi first, so a wild value stays in the chart; p0 when hi <= lo.
 * Exact for spans up to 2^28, which is far more than a chart shows;
 * beyond that it stays in range rather than overflow.
 */
int	svg_map(const struct svg_scale *, long v);

/*
 * <svg> of w x h pixels, role="img", with its <title> (the accessible
 * name) and <desc> first, as SVG-AAM wants them.  svg_end closes it.
 */
void	svg_begin(struct tuff_buf *, int w, int h, const char *title,
	    const char *desc);
void	svg_end(struct tuff_buf *);

/* <g class="cls">, and its end. */
void	svg_group(struct tuff_buf *, const char *cls);
void	svg_group_end(struct tuff_buf *);

void	svg_line(struct tuff_buf *, int x1, int y1, int x2, int y2,
	    const char *cls);
/* A rectangle; a negative width or height is drawn as 0. */
void	svg_rect(struct tuff_buf *, int x, int y, int w, int h,
	    const char *cls);
void	svg_circle(struct tuff_buf *, int cx, int cy, int r, const char *cls);
/* A polyline through n points; nothing for n == 0. */
void	svg_polyline(struct tuff_buf *, const struct svg_point *, size_t n,
	    const char *cls);

/*
 * Text at x, y (the baseline), anchored at its start, middle or end.
 * svg_text_max shows at most max characters (UTF-8 characters, not
 * bytes), ending in '…' when cut; the whole text goes in a <title>
 * child, so it shows on hover and reaches a screen reader.
 */
void	svg_text(struct tuff_buf *, int x, int y, enum svg_anchor,
	    const char *cls, const char *text);
void	svg_text_max(struct tuff_buf *, int x, int y, enum svg_anchor,
	    const char *cls, const char *text, size_t max);

/*
 * A value axis along y: a grid line from x0 to x1 and a label left of
 * x0 at every multiple of step from lo to hi (step > 0).  label writes
 * the text for a value into buf (size bytes).
 */
typedef void	svg_label_fn(char *buf, size_t size, long v);
void	svg_yaxis(struct tuff_buf *, const struct svg_scale *y, long step,
	    int x0, int x1, svg_label_fn *label);

/*
 * A value axis along x, likewise: grid lines from y0 to y1 and labels
 * below y1.
 */
void	svg_xaxis(struct tuff_buf *, const struct svg_scale *x, long step,
	    int y0, int y1, svg_label_fn *label);

/*
 * A horizontal bar from the scale's lo to v, h pixels high from y.
 */
void	svg_hbar(struct tuff_buf *, const struct svg_scale *x, int y, int h,
	    long v, const char *cls);

#endif
