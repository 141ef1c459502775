/*
 * tuff-report's HME section: an overview of the latest period of every
 * unit, then per unit the index over the periods, the subindices of the
 * latest period, a table of both and, where hme-item records are there,
 * the answers to each question.  Units come in the order of their paths, so a parent
 * comes before its parts.
 */
#include <stdlib.h>
#include <string.h>

#include "report_int.h"
#include "report_text.h"

static const enum rp_text item_text[RP_NITEMS] = {
	T_ITEM_M1, T_ITEM_M2, T_ITEM_M3, T_ITEM_L1, T_ITEM_L2, T_ITEM_L3,
	T_ITEM_S1, T_ITEM_S2, T_ITEM_S3
};

static int
cmp_seq(size_t a, size_t b)
{
	return a < b ? -1 : a > b;
}

static int
cmp_score(const void *pa, const void *pb)
{
	const struct rp_score *a = *(const struct rp_score *const *)pa;
	const struct rp_score *b = *(const struct rp_score *const *)pb;
	int c;

	if ((c = strcmp(a->unit, b->unit)) != 0 ||
	    (c = strcmp(a->period, b->period)) != 0)
		return c;
	return cmp_seq(a->seq, b->seq);
}

static int
cmp_hitem(const void *pa, const void *pb)
{
	const struct rp_hitem *a = *(const struct rp_hitem *const *)pa;
	const struct rp_hitem *b = *(const struct rp_hitem *const *)pb;
	int c;

	if ((c = strcmp(a->unit, b->unit)) != 0 ||
	    (c = strcmp(a->period, b->period)) != 0)
		return c;
	if (a->item != b->item)
		return a->item < b->item ? -1 : 1;
	return cmp_seq(a->seq, b->seq);
}

const struct rp_score *
rp_hme_headline(struct report *r)
{
	const struct rp_score *s = r->scores.v, *best = NULL;
	size_t i;
	int c;

	for (i = 0; i < r->scores.n; i++)
		if (best == NULL || (c = strcmp(s[i].unit, best->unit)) < 0 ||
		    (c == 0 && strcmp(s[i].period, best->period) > 0))
			best = &s[i];
	return best;
}

/* A figure as the tables show it. */
static const char *
figure(struct report *r, const struct rp_score *s, int f)
{
	if (s->suppressed)
		return rp_t(T_SUPPRESSED);
	if (!s->has[f])
		return rp_t(T_NOT_PUBLISHED);
	return rp_dec(r, s->fig[f]);
}

static const char *
change(struct report *r, const struct rp_score *s)
{
	if (!s->has_change)
		return "";
	if (s->prev_period == NULL)
		return rp_change(r, s->change);
	return rp_printf(r, rp_t(T_CHANGE_SINCE), rp_change(r, s->change),
	    s->prev_period);
}

static const char *
respondents(struct report *r, long n)
{
	return n < 0 ? "" : rp_printf(r, "%ld", n);
}

/* "Region Gävleborg › Folkhälsa och hållbarhet": levels of a path. */
static const char *
levels(struct report *r, const char *path, size_t len)
{
	const char *sep = rp_t(T_UNIT_SEP), *p, *slash;
	char *out;
	size_t n = 0, seplen = strlen(sep);

	out = rp_alloc(r, len * (seplen + 1) + 1);
	for (p = path; p < path + len; p = slash + 1) {
		if ((slash = memchr(p, '/', (size_t)(path + len - p))) == NULL)
			slash = path + len;
		if (p > path) {
			memcpy(out + n, sep, seplen);
			n += seplen;
		}
		memcpy(out + n, p, (size_t)(slash - p));
		n += (size_t)(slash - p);
	}
	out[n] = '\0';
	return out;
}

static void
overview(struct rp_out *o, const struct rp_score **s, size_t n)
{
	static const char *head[5];
	struct report *r = o->r;
	struct rp_table t;
	size_t i;

	head[0] = rp_t(T_COL_UNIT);
	head[1] = rp_t(T_COL_PERIOD);
	head[2] = rp_t(T_COL_INDEX);
	head[3] = rp_t(T_COL_CHANGE);
	head[4] = rp_t(T_COL_RESPONDENTS);
	rp_table_init(&t, 5, head, "llrrr");
	t.caption = rp_t(T_HME_OVERVIEW);
	for (i = 0; i < n; i++) {
		if (i + 1 < n && strcmp(s[i]->unit, s[i + 1]->unit) == 0)
			continue;	/* the latest period of each unit */
		rp_cell(&t, levels(r, s[i]->unit, strlen(s[i]->unit)), NULL);
		rp_cell(&t, s[i]->period, NULL);
		rp_cell(&t, figure(r, s[i], RP_INDEX), NULL);
		rp_cell(&t, change(r, s[i]), s[i]->has_change &&
		    s[i]->change < 0 ? "down" : NULL);
		rp_cell(&t, respondents(r, s[i]->respondents), NULL);
	}
	rp_table(o, &t);
	rp_table_free(&t);
}

/*
 * A unit's figures, one row per period: the numbers of both charts
 * (the index over the periods, the subindices of the latest) and the
 * subindices of the periods before, in one compact table.
 */
static void
unit_table(struct rp_out *o, const struct rp_score **s, size_t n)
{
	static const char *head[7];
	struct report *r = o->r;
	struct rp_table t;
	size_t i;
	int f;

	head[0] = rp_t(T_COL_PERIOD);
	head[1] = rp_t(T_INDEX);
	head[2] = rp_t(T_COL_CHANGE);
	head[3] = rp_t(T_MOTIVATION);
	head[4] = rp_t(T_LEADERSHIP);
	head[5] = rp_t(T_GOVERNANCE);
	head[6] = rp_t(T_COL_RESPONDENTS);
	rp_table_init(&t, 7, head, "lrrrrrr");
	t.caption = rp_t(T_UNIT_TABLE);
	t.cls = "data";
	for (i = 0; i < n; i++) {
		rp_cell(&t, s[i]->period, NULL);
		rp_cell(&t, figure(r, s[i], RP_INDEX), NULL);
		rp_cell(&t, s[i]->has_change ? rp_change(r, s[i]->change) : "",
		    NULL);
		for (f = RP_MOT; f < RP_NFIG; f++)
			rp_cell(&t, figure(r, s[i], f), NULL);
		rp_cell(&t, respondents(r, s[i]->respondents), NULL);
	}
	rp_table(o, &t);
	rp_table_free(&t);
}

static void
items_table(struct rp_out *o, const struct rp_hitem **h, size_t n)
{
	static const char *head[8];
	struct report *r = o->r;
	struct rp_table t;
	size_t i;
	int k;

	head[0] = rp_t(T_COL_ITEM);
	head[1] = rp_t(T_COL_ANSWERED);
	head[2] = "1";
	head[3] = "2";
	head[4] = "3";
	head[5] = "4";
	head[6] = "5";
	head[7] = rp_t(T_COL_INDEX);
	rp_table_init(&t, 8, head, "lrrrrrrr");
	t.caption = rp_printf(r, rp_t(T_ITEMS_TABLE), h[0]->period);
	t.cls = "data";
	for (i = 0; i < n; i++) {
		rp_cell(&t, h[i]->text != NULL ? h[i]->text :
		    rp_t(item_text[h[i]->item]), NULL);
		rp_cell(&t, respondents(r, h[i]->answered), NULL);
		for (k = 0; k < 5; k++)
			rp_cell(&t, h[i]->has_dist ? rp_printf(r, "%ld",
			    h[i]->dist[k]) : "", NULL);
		rp_cell(&t, h[i]->suppressed ? rp_t(T_SUPPRESSED) :
		    h[i]->has_index ? rp_dec(r, h[i]->index) :
		    rp_t(T_NOT_PUBLISHED), NULL);
	}
	rp_table(o, &t);
	rp_table_free(&t);
}

/*
 * One unit: its scores s (by period) and its items h (by period and
 * question), either of which may be empty.
 */
static void
unit_part(struct rp_out *o, const char *unit, const struct rp_score **s,
    size_t ns, const struct rp_hitem **h, size_t nh)
{
	struct report *r = o->r;
	const char *slash = strrchr(unit, '/');
	size_t i;

	rp_heading(o, 3, slash != NULL ? slash + 1 : unit, NULL);
	if (slash != NULL)
		rp_note(o, rp_printf(r, rp_t(T_PART_OF),
		    levels(r, unit, (size_t)(slash - unit))));
	if (ns > 0) {
		rp_figure(o, "hme");
		rp_div(o);
		rp_chart_trend(o, unit, s, ns);
		rp_div_end(o);
		rp_div(o);
		rp_chart_subindex(o, unit, s[ns - 1]);
		rp_div_end(o);
		rp_figure_end(o);
		unit_table(o, s, ns);
	}
	if (nh > 0) {
		/* The latest period's questions. */
		for (i = nh - 1; i > 0 &&
		    strcmp(h[i - 1]->period, h[nh - 1]->period) == 0; i--)
			;
		rp_figure(o, "items");
		rp_div(o);
		rp_chart_items(o, unit, h[nh - 1]->period, h + i, nh - i);
		items_table(o, h + i, nh - i);
		rp_div_end(o);
		rp_figure_end(o);
	}
}

void
rp_hme(struct rp_out *o)
{
	struct report *r = o->r;
	const struct rp_score **s;
	const struct rp_hitem **h;
	const char *unit;
	size_t i = 0, j = 0, i2, j2, ns = r->scores.n, nh = r->hitems.n;

	rp_section(o, "hme", 1);
	rp_heading(o, 2, rp_t(T_HME), "hme");
	if (ns == 0 && nh == 0) {
		rp_para(o, rp_t(T_NO_HME));
		rp_section_end(o);
		return;
	}
	rp_para(o, rp_t(T_HME_LEAD));
	s = (const struct rp_score **)rp_pointers(&r->scores, sizeof(**s));
	h = (const struct rp_hitem **)rp_pointers(&r->hitems, sizeof(**h));
	if (ns > 0)
		qsort(s, ns, sizeof(*s), cmp_score);
	if (nh > 0)
		qsort(h, nh, sizeof(*h), cmp_hitem);
	if (ns > 0)
		overview(o, s, ns);
	/* The units of both, in order, each once. */
	while (i < ns || j < nh) {
		if (j == nh || (i < ns && strcmp(s[i]->unit, h[j]->unit) <= 0))
			unit = s[i]->unit;
		else
			unit = h[j]->unit;
		for (i2 = i; i2 < ns && strcmp(s[i2]->unit, unit) == 0; i2++)
			;
		for (j2 = j; j2 < nh && strcmp(h[j2]->unit, unit) == 0; j2++)
			;
		unit_part(o, unit, s + i, i2 - i, h + j, j2 - j);
		i = i2;
		j = j2;
	}
	free(s);
	free(h);
	rp_section_end(o);
}
