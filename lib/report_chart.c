/*
 * tuff-report's charts, inline SVG for the HTML page: the HME index
 * over the periods and the subindices as bars, the answers per
 * question, the journeys' friction as bars and each journey's score
 * step by step.  Each chart has a title and a description that says
 * its numbers in words, for a screen reader; the same numbers are in
 * the table the section writes beside it.  Markdown has the tables
 * only, so every function here does nothing there.
 */
#include <stdio.h>
#include <string.h>

#include "report_int.h"
#include "report_text.h"
#include "tuff/svg.h"

/* A chart's description: "a: b; c: d" of its figures. */
struct desc {
	struct tuff_buf	 b;
	size_t		 n;
};

static void
desc_add(struct report *r, struct desc *d, const char *what,
    const char *value)
{
	if (d->n++ > 0)
		tuff_buf_puts(&d->b, rp_t(T_DESC_SEP));
	tuff_buf_puts(&d->b, rp_printf(r, rp_t(T_PAIR), what, value));
}

static const char *
desc_text(struct report *r, struct desc *d)
{
	const char *s = rp_printf(r, "%s", d->b.len > 0 && !d->b.err ?
	    d->b.data : "");

	tuff_buf_free(&d->b);
	return s;
}

static void
label_tenths(char *buf, size_t size, long v)
{
	snprintf(buf, size, "%ld", v / 10);
}

static void
label_int(char *buf, size_t size, long v)
{
	snprintf(buf, size, "%ld", v);
}

/* Show every k-th of n labels so that at most max fit; the last always. */
static int
shown(size_t i, size_t n, size_t max)
{
	size_t k = (n + max - 1) / max;

	return k <= 1 || i % k == 0 || i + 1 == n;
}

/*
 * The HME index over the periods.  The y axis starts at a round ten
 * below the lowest figure (never above 50), so a change of a few
 * points shows, and its start is labelled.  A period without an index
 * breaks the line and says why.
 */
#define TW	380
#define TH	214

void
rp_chart_trend(struct rp_out *o, const char *unit,
    const struct rp_score *const *s, size_t n)
{
	struct report *r = o->r;
	struct tuff_buf *b = o->b;
	struct svg_scale x = { 0, 0, 0, 0 }, y = { 0, 1000, TH - 44, 30 };
	struct svg_point *run;
	struct desc d;
	long lo = 500;
	size_t i, nrun = 0;
	int px, left = 44, right = TW - 16;

	if (!o->html || n == 0)
		return;
	memset(&d, 0, sizeof(d));
	for (i = 0; i < n; i++) {
		if (!s[i]->suppressed && s[i]->has[RP_INDEX] &&
		    (s[i]->fig[RP_INDEX] - 50) / 100 * 100 < lo)
			lo = (s[i]->fig[RP_INDEX] - 50) / 100 * 100;
		desc_add(r, &d, s[i]->period, s[i]->suppressed ?
		    rp_t(T_SUPPRESSED) : s[i]->has[RP_INDEX] ?
		    rp_dec(r, s[i]->fig[RP_INDEX]) : rp_t(T_NOT_PUBLISHED));
	}
	y.lo = lo < 0 ? 0 : lo;
	x.hi = (long)n - 1;
	x.p0 = n > 1 ? left + 26 : (left + right) / 2;
	x.p1 = right - 26;
	svg_begin(b, TW, TH, rp_printf(r, rp_t(T_TREND_TITLE), unit),
	    rp_printf(r, rp_t(T_TREND_DESC), unit, desc_text(r, &d)));
	svg_yaxis(b, &y, 1000 - y.lo > 500 ? 200 : 100, left, right,
	    label_tenths);
	svg_text(b, 6, 16, SVG_START, "axis-title", rp_t(T_AXIS_INDEX));
	run = rp_alloc(r, n * sizeof(*run));
	for (i = 0; i <= n; i++) {
		if (i < n && !s[i]->suppressed && s[i]->has[RP_INDEX]) {
			run[nrun].x = svg_map(&x, (long)i);
			run[nrun++].y = svg_map(&y, s[i]->fig[RP_INDEX]);
			continue;
		}
		if (nrun > 1)
			svg_polyline(b, run, nrun, "line");
		nrun = 0;
	}
	for (i = 0; i < n; i++) {
		px = svg_map(&x, (long)i);
		if (shown(i, n, 8))
			svg_text(b, px, TH - 26, SVG_MIDDLE, "tick",
			    s[i]->period);
		if (s[i]->suppressed || !s[i]->has[RP_INDEX]) {
			svg_line(b, px, y.p1, px, y.p0, "gapmark");
			svg_text(b, px, y.p0 - 8, SVG_MIDDLE, "gap",
			    rp_t(s[i]->suppressed ? T_SUPPRESSED :
			    T_NOT_PUBLISHED));
			continue;
		}
		svg_circle(b, px, svg_map(&y, s[i]->fig[RP_INDEX]), 4, "dot");
		if (n <= 10)
			svg_text(b, px, svg_map(&y, s[i]->fig[RP_INDEX]) - 9,
			    SVG_MIDDLE, "val", rp_dec(r, s[i]->fig[RP_INDEX]));
	}
	svg_text(b, right, TH - 8, SVG_END, "axis-title",
	    rp_t(T_COL_PERIOD));
	svg_end(b);
}

/* The three subindices of one period, as bars on 0..100. */
#define SW	300
#define SROW	30

void
rp_chart_subindex(struct rp_out *o, const char *unit, const struct rp_score *s)
{
	static const enum rp_text names[RP_NFIG] = {
		T_INDEX, T_MOTIVATION, T_LEADERSHIP, T_GOVERNANCE
	};
	struct report *r = o->r;
	struct tuff_buf *b = o->b;
	struct svg_scale x = { 0, 1000, 92, SW - 44 };
	struct desc d;
	const char *v;
	int f, top = 26, py;

	if (!o->html)
		return;
	memset(&d, 0, sizeof(d));
	for (f = RP_MOT; f < RP_NFIG; f++)
		desc_add(r, &d, rp_t(names[f]), s->suppressed ?
		    rp_t(T_SUPPRESSED) : s->has[f] ? rp_dec(r, s->fig[f]) :
		    rp_t(T_NOT_PUBLISHED));
	svg_begin(b, SW, top + 3 * SROW + 40, rp_printf(r, rp_t(T_SUB_TITLE),
	    s->period, unit), rp_printf(r, rp_t(T_SUB_DESC),
	    desc_text(r, &d)));
	svg_xaxis(b, &x, 250, top, top + 3 * SROW, label_tenths);
	svg_text(b, 6, 16, SVG_START, "axis-title", rp_printf(r,
	    rp_t(T_SUB_LABEL), s->period));
	for (f = RP_MOT; f < RP_NFIG; f++) {
		py = top + (f - RP_MOT) * SROW;
		svg_text(b, 4, py + 19, SVG_START, NULL, rp_t(names[f]));
		if (s->suppressed || !s->has[f]) {
			svg_text(b, x.p0 + 6, py + 19, SVG_START, "gap",
			    rp_t(s->suppressed ? T_SUPPRESSED :
			    T_NOT_PUBLISHED));
			continue;
		}
		svg_hbar(b, &x, py + 6, 18, s->fig[f], "bar");
		v = rp_dec(r, s->fig[f]);
		svg_text(b, svg_map(&x, s->fig[f]) + 5, py + 19, SVG_START,
		    "val", v);
	}
	svg_text(b, x.p1, top + 3 * SROW + 34, SVG_END, "axis-title",
	    rp_t(T_AXIS_INDEX));
	svg_end(b);
}

/*
 * The answers to each question as one bar of five parts, 1 (stämmer
 * mycket dåligt) to 5 (stämmer mycket bra), each part its share of the
 * answers.
 */
#define IW	860
#define IROW	24
#define IX0	400

void
rp_chart_items(struct rp_out *o, const char *unit, const char *period,
    const struct rp_hitem *const *h, size_t n)
{
	static const char *const cls[5] = { "d1", "d2", "d3", "d4", "d5" };
	static const enum rp_text names[RP_NITEMS] = {
		T_ITEM_M1, T_ITEM_M2, T_ITEM_M3, T_ITEM_L1, T_ITEM_L2,
		T_ITEM_L3, T_ITEM_S1, T_ITEM_S2, T_ITEM_S3
	};
	struct report *r = o->r;
	struct tuff_buf *b = o->b;
	struct svg_scale x = { 0, 0, IX0, IW - 12 };
	long cum, total;
	size_t i;
	int k, py, ly, x0;

	if (!o->html || n == 0)
		return;
	ly = 8 + (int)n * IROW + 16;
	svg_begin(b, IW, ly + 14, rp_printf(r, rp_t(T_ITEMS_TITLE), period,
	    unit), rp_t(T_ITEMS_DESC));
	for (i = 0; i < n; i++) {
		py = 8 + (int)i * IROW;
		svg_text_max(b, 4, py + 15, SVG_START, NULL, h[i]->text != NULL ?
		    h[i]->text : rp_t(names[h[i]->item]), 64);
		for (total = 0, k = 0; k < 5; k++)
			total += h[i]->dist[k];
		if (h[i]->suppressed || !h[i]->has_dist || total == 0) {
			svg_text(b, IX0 + 4, py + 15, SVG_START, "gap",
			    rp_t(T_SUPPRESSED));
			continue;
		}
		x.hi = total;
		for (cum = 0, k = 0; k < 5; k++) {
			x0 = svg_map(&x, cum);
			cum += h[i]->dist[k];
			if (h[i]->dist[k] > 0)
				svg_rect(b, x0, py + 3, svg_map(&x, cum) - x0,
				    16, cls[k]);
		}
	}
	svg_text(b, IX0 - 8, ly + 10, SVG_END, "tick", rp_t(T_ANSWER_1));
	for (k = 0; k < 5; k++)
		svg_rect(b, IX0 + k * 16, ly, 12, 12, cls[k]);
	svg_text(b, IX0 + 5 * 16 + 4, ly + 10, SVG_START, "tick",
	    rp_t(T_ANSWER_5));
	svg_end(b);
}

/* A round step for an axis up to max: 1, 2, 5, 10, 20, 50 ... */
static long
nice_step(long max)
{
	long step = 1;

	for (;;) {
		if (max <= 5 * step)
			return step;
		if (max <= 10 * step)
			return 2 * step;
		if (max <= 25 * step)
			return 5 * step;
		if (step > 100000000L)
			return step * 10;
		step *= 10;
	}
}

/* The journeys' friction, the highest first (and in the alert colour). */
#define FW	860
#define FROW	28
#define FX0	340

void
rp_chart_friction(struct rp_out *o, const struct rp_journey *const *j,
    size_t n)
{
	struct report *r = o->r;
	struct tuff_buf *b = o->b;
	struct svg_scale x = { 0, 0, FX0, FW - 48 };
	struct desc d;
	long max = 0, step;
	size_t i;
	int py, h = 8 + (int)n * FROW;

	if (!o->html || n == 0)
		return;
	memset(&d, 0, sizeof(d));
	for (i = 0; i < n; i++) {
		if (j[i]->m.friction > max)
			max = j[i]->m.friction;
		desc_add(r, &d, j[i]->title, rp_printf(r, "%ld",
		    j[i]->m.friction));
	}
	step = nice_step(max);
	x.hi = max == 0 ? 5 : (max + step - 1) / step * step;
	svg_begin(b, FW, h + 38, rp_t(T_FRICTION_TITLE),
	    rp_printf(r, rp_t(T_FRICTION_DESC), desc_text(r, &d)));
	svg_xaxis(b, &x, step, 8, h, label_int);
	for (i = 0; i < n; i++) {
		py = 8 + (int)i * FROW;
		svg_text_max(b, FX0 - 10, py + 18, SVG_END, NULL, j[i]->title,
		    52);
		svg_hbar(b, &x, py + 5, 18, j[i]->m.friction, i == 0 ?
		    "bar-first" : "bar");
		svg_text(b, svg_map(&x, j[i]->m.friction) + 5, py + 18,
		    SVG_START, "val", rp_printf(r, "%ld", j[i]->m.friction));
	}
	svg_text(b, x.p1, h + 32, SVG_END, "axis-title",
	    rp_t(T_COL_FRICTION));
	svg_end(b);
}

/* A step's string key, or NULL when absent or blank. */
static const char *
text_of(const struct tuff_node *st, const char *key)
{
	const struct tuff_node *v = tuff_map_get(st, key);

	return v == NULL || v->type != TUFF_SCALAR || tuff_is_empty(v) ?
	    NULL : v->u.s.val;
}

/* Both NULL, or the same text. */
static int
same(const char *a, const char *b)
{
	return a == NULL || b == NULL ? a == b : strcmp(a, b) == 0;
}

/*
 * The stages as bands behind the curve: a run of steps in one stage
 * (a step without one stays in the stage before) from halfway to the
 * step before to halfway to the step after.
 */
static void
stage_bands(struct tuff_buf *b, const struct tuff_node *steps,
    const struct svg_scale *x, int top, int bottom, int left, int right)
{
	const char *stage = NULL, *s, *run = NULL;
	size_t i, n = steps->u.seq.n, first = 0, band = 0;
	int x0, x1;

	for (i = 0; i <= n; i++) {
		if (i < n && (s = text_of(steps->u.seq.items[i], "stage")) !=
		    NULL)
			stage = s;
		if (i > 0 && i < n && same(stage, run))
			continue;
		if (i > 0 && run != NULL) {
			x0 = first == 0 ? left : (svg_map(x, (long)first - 1) +
			    svg_map(x, (long)first)) / 2;
			x1 = i == n ? right : (svg_map(x, (long)i - 1) +
			    svg_map(x, (long)i)) / 2;
			svg_rect(b, x0, top, x1 - x0, bottom - top,
			    band++ % 2 == 0 ? "band0" : "band1");
			if (x1 - x0 >= 24)
				svg_text_max(b, x0 + 4, top + 12, SVG_START,
				    "stage", run, (size_t)(x1 - x0 - 8) / 6);
		}
		first = i;
		run = stage;
	}
}

#define JW	860
#define JH	250

void
rp_chart_journey(struct rp_out *o, const struct rp_journey *j)
{
	struct report *r = o->r;
	struct tuff_buf *b = o->b;
	const struct tuff_node *steps = tuff_map_get(j->root, "steps"), *st;
	struct svg_scale x = { 0, 0, 0, 0 }, y = { 1, 5, JH - 44, 54 };
	struct svg_point *run;
	struct desc d;
	size_t i, n = steps->u.seq.n, nrun = 0;
	long score;
	int px, left = 40, right = JW - 14, has;

	if (!o->html)
		return;
	memset(&d, 0, sizeof(d));
	for (i = 0; i < n; i++) {
		st = steps->u.seq.items[i];
		has = tuff_get_int(tuff_map_get(st, "score"), 1, 5,
		    &score) == 0;
		desc_add(r, &d, rp_printf(r, rp_t(T_CURVE_STEP), i + 1), has ?
		    rp_printf(r, "%ld", score) : rp_t(T_NO_SCORE));
	}
	x.lo = 1;
	x.hi = (long)n;
	x.p0 = n > 1 ? left + 24 : (left + right) / 2;
	x.p1 = right - 24;
	svg_begin(b, JW, JH, rp_printf(r, rp_t(T_CURVE_TITLE), j->title),
	    rp_printf(r, rp_t(T_CURVE_DESC), desc_text(r, &d)));
	stage_bands(b, steps, &x, y.p1 - 24, y.p0, left, right);
	svg_yaxis(b, &y, 1, left, right, label_int);
	svg_text(b, 6, 16, SVG_START, "axis-title", rp_t(T_AXIS_SCORE));
	svg_circle(b, right - 86, 12, 5, "pain");
	svg_text(b, right - 76, 16, SVG_START, "tick", rp_t(T_LEGEND_PAIN));
	run = rp_alloc(r, (n + 1) * sizeof(*run));
	for (i = 0; i <= n; i++) {
		if (i < n && tuff_get_int(tuff_map_get(steps->u.seq.items[i],
		    "score"), 1, 5, &score) == 0) {
			run[nrun].x = svg_map(&x, (long)i + 1);
			run[nrun++].y = svg_map(&y, score);
			continue;
		}
		if (nrun > 1)
			svg_polyline(b, run, nrun, "line");
		nrun = 0;
	}
	for (i = 0; i < n; i++) {
		st = steps->u.seq.items[i];
		px = svg_map(&x, (long)i + 1);
		if (shown(i, n, 30))
			svg_text(b, px, JH - 26, SVG_MIDDLE, "tick",
			    rp_printf(r, "%zu", i + 1));
		has = tuff_get_int(tuff_map_get(st, "score"), 1, 5,
		    &score) == 0;
		if (text_of(st, "pain") != NULL)
			svg_circle(b, px, svg_map(&y, has ? score : 3), 6,
			    "pain");
		else if (has)
			svg_circle(b, px, svg_map(&y, score), 4, "dot");
	}
	svg_text(b, right, JH - 8, SVG_END, "axis-title",
	    rp_t(T_AXIS_STEP));
	svg_end(b);
}
