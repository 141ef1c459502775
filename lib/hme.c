/*
 * The HME arithmetic: groups, exact means, suppression, trend.
 *
 * Per group only integer sums and counts are kept; every published
 * figure is computed from them exactly (no floating point) and rounded
 * once, half away from zero.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/hme.h"

__extension__ typedef unsigned __int128 u128;

static const char *const item_ids[HME_NITEMS] = {
	"m1", "m2", "m3", "l1", "l2", "l3", "s1", "s2", "s3"
};

static const char *const sub_names[HME_NSUBS] = {
	"motivation", "leadership", "governance"
};

/*
 * One group.  The key strings live in the same allocation, after the
 * struct: copied once, when the group is made.
 */
struct group {
	const char	*unit;		/* NULL when grouped by period */
	const char	*period;	/* NULL when grouped by unit */
	size_t		 ulen;
	struct group	*parent;	/* with rollup: one level up */
	uint64_t	 n;		/* respondents */
	uint64_t	 cnt[HME_NSUBS];	/* answered all three items */
	uint64_t	 sum[HME_NSUBS];	/* sum of (v - 1) over them */
	/* Used while scoring. */
	struct group	*child, *sibling;
	uint64_t	 cov;		/* see suppress_secondary */
	size_t		 pos;		/* in sorted order */
	unsigned char	 hidden[HME_NSUBS];
};

/* A slot of the hash table: the hash beside the pointer, so a probe
 * that misses does not touch the group (a cache miss per response). */
struct slot {
	uint64_t	 hash;
	struct group	*g;
};

struct hme_tally {
	struct hme_config	 cf;
	struct slot		*tab;	/* open addressing, g NULL empty */
	size_t			 cap;	/* a power of two */
	size_t			 n;
	struct group		*last;	/* most recent leaf: input is
					   usually sorted, so this hits */
	struct group		**sorted;
	struct hme_score	*scores;
};

int
hme_item_index(const char *id, size_t len)
{
	static const char letters[] = "mls";
	const char *p;

	if (len != 2 || id[1] < '1' || id[1] > '3' ||
	    (p = memchr(letters, id[0], 3)) == NULL)
		return -1;
	return (int)(p - letters) * 3 + (id[1] - '1');
}

const char *
hme_item_id(int item)
{
	return item >= 0 && item < HME_NITEMS ? item_ids[item] : NULL;
}

const char *
hme_subindex_name(int sub)
{
	return sub >= 0 && sub < HME_NSUBS ? sub_names[sub] : NULL;
}

static int
isdigits(const char *s, size_t n)
{
	while (n-- > 0)
		if (s[n] < '0' || s[n] > '9')
			return 0;
	return 1;
}

const char *
hme_check_period(const char *s, size_t len)
{
	int month;

	if (len == 4 && isdigits(s, 4))
		return NULL;
	if (len == 7 && isdigits(s, 4) && s[4] == '-' && isdigits(s + 5, 2)) {
		month = (s[5] - '0') * 10 + (s[6] - '0');
		if (month >= 1 && month <= 12)
			return NULL;
		return "period month must be 01..12";
	}
	return "period must be a year YYYY or a month YYYY-MM";
}

static int
has_empty_level(const char *s, size_t len)
{
	const char *p = s, *end = s + len, *q;

	/* memchr, not a byte loop: every response's unit comes here. */
	while ((q = memchr(p, '/', (size_t)(end - p))) != NULL) {
		if (q + 1 < end && q[1] == '/')
			return 1;
		p = q + 1;
	}
	return 0;
}

const char *
hme_check_unit(const char *s, size_t len)
{
	if (len == 0)
		return "unit is empty";
	if (memchr(s, '\0', len) != NULL)
		return "unit contains a NUL character";
	if (s[0] == '/' || s[len - 1] == '/' || has_empty_level(s, len))
		return "unit has an empty level (a '/' at either end, or \"//\")";
	return NULL;
}

/*
 * 250 * sum / (3 * count) is the subindex in tenths: each answer counts
 * 25 * (v - 1), and the mean is over 3 * count answers.  Everything is
 * non-negative, so half away from zero is half up: floor((2n + d) / 2d).
 * With count <= 2^32 and sum <= 12 * count this stays below 2^46.
 */
long
hme_subindex_tenths(uint64_t sum, uint64_t count)
{
	uint64_t num = 250 * sum, den = 3 * count;

	return (long)((2 * num + den) / (2 * den));
}

/*
 * The mean of the three exact subindices, over the common denominator
 * 9 * c0 * c1 * c2.  With counts below 2^32 the numerator stays below
 * 2^111, so 128 bits hold it.
 */
long
hme_total_tenths(const uint64_t sum[HME_NSUBS], const uint64_t cnt[HME_NSUBS])
{
	u128 num, den;

	num = (u128)sum[0] * cnt[1] * cnt[2] + (u128)sum[1] * cnt[0] * cnt[2] +
	    (u128)sum[2] * cnt[0] * cnt[1];
	den = (u128)9 * cnt[0] * cnt[1] * cnt[2];
	return (long)((500 * num + den) / (2 * den));
}

int
hme_unit_cmp(const char *a, const char *b)
{
	size_t la, lb;
	int c;

	for (;;) {
		la = strcspn(a, "/");
		lb = strcspn(b, "/");
		if ((c = memcmp(a, b, la < lb ? la : lb)) != 0)
			return c;
		if (la != lb)
			return la < lb ? -1 : 1;
		a += la;
		b += lb;
		if (*a == '\0' || *b == '\0')
			return (*a != '\0') - (*b != '\0');
		a++;
		b++;
	}
}

struct hme_tally *
hme_tally_new(const struct hme_config *cf)
{
	struct hme_tally *t;

	if ((t = calloc(1, sizeof(*t))) == NULL)
		return NULL;
	t->cf = *cf;
	if (t->cf.min_group == 0)
		t->cf.min_group = 1;
	t->cap = 64;
	if ((t->tab = calloc(t->cap, sizeof(*t->tab))) == NULL) {
		free(t);
		return NULL;
	}
	return t;
}

void
hme_tally_free(struct hme_tally *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->cap; i++)
		free(t->tab[i].g);
	free(t->tab);
	free(t->sorted);
	free(t->scores);
	free(t);
}

/* Mix 8 bytes into h (the multiply-rotate step of FxHash). */
static uint64_t
mix(uint64_t h, uint64_t w)
{
	return (((h << 5) | (h >> 59)) ^ w) * 0x517cc1b727220a95ULL;
}

/*
 * A hash of "unit\0period" (absent parts as empty strings), eight bytes
 * at a time: units are long and every response is hashed.
 */
static uint64_t
hash_key(const char *unit, size_t ulen, const char *period, size_t plen)
{
	uint64_t h = ulen, w;
	size_t i;

	for (i = 0; i + 8 <= ulen; i += 8) {
		memcpy(&w, unit + i, 8);
		h = mix(h, w);
	}
	w = 0;
	if (ulen > i)
		memcpy(&w, unit + i, ulen - i);
	h = mix(h, w);
	w = 0;
	if (plen > 0)
		memcpy(&w, period, plen < 8 ? plen : 8);
	h = mix(h, w ^ plen);
	return h ^ (h >> 29);
}

static int
same_key(const struct group *g, const char *unit, size_t ulen,
    const char *period)
{
	if ((g->unit == NULL) != (unit == NULL) ||
	    (g->period == NULL) != (period == NULL))
		return 0;
	if (unit != NULL && (g->ulen != ulen ||
	    memcmp(g->unit, unit, ulen) != 0))
		return 0;
	return period == NULL || strcmp(g->period, period) == 0;
}

static int
grow(struct hme_tally *t)
{
	struct slot *tab;
	size_t cap = t->cap * 2, i, j;

	if ((tab = calloc(cap, sizeof(*tab))) == NULL)
		return -1;
	for (i = 0; i < t->cap; i++) {
		if (t->tab[i].g == NULL)
			continue;
		for (j = t->tab[i].hash & (cap - 1); tab[j].g != NULL;
		    j = (j + 1) & (cap - 1))
			;
		tab[j] = t->tab[i];
	}
	free(t->tab);
	t->tab = tab;
	t->cap = cap;
	return 0;
}

/* The length of unit's parent (up to its last '/'), or 0 at the top. */
static size_t
parent_len(const char *unit, size_t ulen)
{
	while (ulen > 0 && unit[ulen - 1] != '/')
		ulen--;
	return ulen > 0 ? ulen - 1 : 0;
}

/*
 * The group for the first ulen bytes of unit (NULL: none) and period
 * (NULL: none), made when new; with rollup its parents are made too.
 * NULL on ENOMEM.
 */
static struct group *
lookup(struct hme_tally *t, const char *unit, size_t ulen, const char *period)
{
	struct group *g;
	size_t i, plen = period != NULL ? strlen(period) : 0, up;
	uint64_t h = hash_key(unit, unit != NULL ? ulen : 0, period, plen);
	char *p;

	for (i = h & (t->cap - 1); (g = t->tab[i].g) != NULL;
	    i = (i + 1) & (t->cap - 1))
		if (t->tab[i].hash == h && same_key(g, unit, ulen, period))
			return g;
	if ((g = calloc(1, sizeof(*g) + ulen + plen + 2)) == NULL)
		return NULL;
	p = (char *)(g + 1);
	if (unit != NULL) {
		memcpy(p, unit, ulen);
		g->unit = p;
		g->ulen = ulen;
		p += ulen + 1;
	}
	if (period != NULL) {
		memcpy(p, period, plen);
		g->period = p;
	}
	t->tab[i].hash = h;
	t->tab[i].g = g;
	t->n++;
	if (2 * t->n > t->cap && grow(t) == -1)
		return NULL;
	/* A failure leaves g without its parent, but ends the run. */
	if (t->cf.rollup && unit != NULL && (up = parent_len(unit, ulen)) > 0 &&
	    (g->parent = lookup(t, unit, up, period)) == NULL)
		return NULL;
	return g;
}

int
hme_tally_add(struct hme_tally *t, const struct hme_response *r)
{
	const char *unit = t->cf.by == HME_BY_PERIOD ? NULL : r->unit;
	const char *period = t->cf.by == HME_BY_UNIT ? NULL : r->period;
	uint64_t add[HME_NSUBS];
	int have[HME_NSUBS], s, k;
	struct group *g, *top;

	g = t->last;
	if (g == NULL || (unit != NULL && strcmp(g->unit, unit) != 0) ||
	    (period != NULL && strcmp(g->period, period) != 0)) {
		g = lookup(t, unit, unit != NULL ? strlen(unit) : 0, period);
		if (g == NULL) {
			errno = ENOMEM;
			return -1;
		}
		t->last = g;
	}
	for (top = g; top->parent != NULL; top = top->parent)
		;
	if (top->n >= HME_MAX_COUNT) {
		errno = EOVERFLOW;
		return -1;
	}
	for (s = 0; s < HME_NSUBS; s++) {
		have[s] = 1;
		add[s] = 0;
		for (k = 3 * s; k < 3 * s + 3; k++) {
			if (r->answers[k] < 1 || r->answers[k] > 5)
				have[s] = 0;
			else
				add[s] += r->answers[k] - 1;
		}
	}
	for (; g != NULL; g = g->parent) {
		g->n++;
		for (s = 0; s < HME_NSUBS; s++)
			if (have[s]) {
				g->cnt[s]++;
				g->sum[s] += add[s];
			}
	}
	return 0;
}

static int
period_cmp(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static int
group_cmp(const void *pa, const void *pb)
{
	const struct group *a = *(struct group *const *)pa;
	const struct group *b = *(struct group *const *)pb;
	int c;

	if (a->unit != NULL && b->unit != NULL &&
	    (c = hme_unit_cmp(a->unit, b->unit)) != 0)
		return c;
	return period_cmp(a->period, b->period);
}

/*
 * A candidate for secondary suppression under a group whose hidden
 * remainder is d: the published (for subindex s) descendants reached
 * through hidden groups only.  Prefer one whose own remainder closes
 * the gap by itself, then one that adds to it at all; among equals the
 * fewest respondents, then the first in output order.
 */
static void
pick_candidate(struct group *g, int s, uint64_t d, uint64_t min,
    struct group **best, int *bestclass)
{
	struct group *c;
	uint64_t rest;
	int class;

	for (c = g->child; c != NULL; c = c->sibling) {
		if (c->hidden[s]) {
			pick_candidate(c, s, d, min, best, bestclass);
			continue;
		}
		rest = c->cnt[s] - c->cov;
		class = d + rest >= min ? 0 : rest > 0 ? 1 : 2;
		if (*best == NULL || class < *bestclass ||
		    (class == *bestclass && (c->n < (*best)->n ||
		    (c->n == (*best)->n && c->pos < (*best)->pos)))) {
			*best = c;
			*bestclass = class;
		}
	}
}

/*
 * Secondary suppression for subindex s, with rollup.
 *
 * A parent's sums are the sums of its children plus its own direct
 * responses.  Call the "remainder" of a published group the part of it
 * not covered by its published descendants that are reached through
 * hidden groups only: remainder = cnt - cov.  The attacker can compute
 * exactly the sums of remainders and of unions of them, and nothing
 * finer (the published groups form a laminar family; the remainders are
 * the classes of atoms that no published set separates).  So if every
 * remainder is either empty or rests on at least min respondents, no
 * hidden group under the threshold can be recovered by subtraction, nor
 * any combination of fewer than min respondents.
 *
 * Groups are visited children first.  While a group's remainder is in
 * 1..min-1 one more published descendant is hidden, which merges that
 * descendant's remainder into this one.  Hiding never changes the
 * remainder of a group below (its cov is unchanged) or above (it sees
 * this published group as before), so one pass reaches the fixed point.
 */
static void
suppress_secondary(struct hme_tally *t, int s)
{
	struct group *g, *best, *a;
	uint64_t min = t->cf.min_group, d, delta;
	size_t i;
	int class;

	for (i = 0; i < t->n; i++)
		t->sorted[i]->cov = 0;
	for (i = t->n; i-- > 0; ) {
		g = t->sorted[i];
		while (!g->hidden[s] && (d = g->cnt[s] - g->cov) > 0 &&
		    d < min) {
			best = NULL;
			class = 3;
			pick_candidate(g, s, d, min, &best, &class);
			if (best == NULL)
				break;	/* cannot happen: cnt >= min */
			best->hidden[s] = 1;
			/* Its parents up to g now pass on its cov. */
			delta = best->cnt[s] - best->cov;
			for (a = best->parent; a != g; a = a->parent)
				a->cov -= delta;
			g->cov -= delta;
		}
		if (g->parent != NULL)
			g->parent->cov += g->hidden[s] ? g->cov : g->cnt[s];
	}
}

/*
 * With trend: the latest earlier published index of the same unit, in
 * a period of the same form (a year after a year, a month after a
 * month: a yearly survey and a monthly pulse are different series).
 */
static void
fill_trend(struct hme_tally *t)
{
	struct hme_score *sc, *prev[2] = { NULL, NULL };
	size_t i;
	int form;

	for (i = 0; i < t->n; i++) {
		sc = &t->scores[i];
		if (i > 0 && sc->unit != NULL && strcmp(sc->unit, sc[-1].unit) != 0)
			prev[0] = prev[1] = NULL;
		if (sc->period == NULL || !(sc->published & HME_PUB_INDEX))
			continue;
		form = strlen(sc->period) > 4;
		if (prev[form] != NULL) {
			sc->prev_period = prev[form]->period;
			sc->prev_index = prev[form]->index;
			sc->change = sc->index - prev[form]->index;
		}
		prev[form] = sc;
	}
}

static void
score_group(const struct group *g, struct hme_score *sc)
{
	int s;

	sc->unit = g->unit;
	sc->period = g->period;
	sc->respondents = g->n;
	for (s = 0; s < HME_NSUBS; s++)
		if (!g->hidden[s]) {
			sc->published |= HME_PUB_SUB(s);
			sc->sub[s] = hme_subindex_tenths(g->sum[s], g->cnt[s]);
		}
	if (sc->published == HME_PUB_SUB(0) + HME_PUB_SUB(1) + HME_PUB_SUB(2)) {
		sc->published |= HME_PUB_INDEX;
		sc->index = hme_total_tenths(g->sum, g->cnt);
	}
	sc->suppressed = sc->published == 0;
}

int
hme_tally_scores(struct hme_tally *t, const struct hme_score **out,
    size_t *n)
{
	struct group *g;
	size_t i, j;
	int s;

	free(t->sorted);
	free(t->scores);
	t->sorted = calloc(t->n + 1, sizeof(*t->sorted));
	t->scores = calloc(t->n + 1, sizeof(*t->scores));
	if (t->sorted == NULL || t->scores == NULL) {
		errno = ENOMEM;
		return -1;
	}
	for (i = j = 0; i < t->cap; i++)
		if (t->tab[i].g != NULL)
			t->sorted[j++] = t->tab[i].g;
	qsort(t->sorted, t->n, sizeof(*t->sorted), group_cmp);
	for (i = 0; i < t->n; i++) {
		g = t->sorted[i];
		g->pos = i;
		g->child = g->sibling = NULL;
		for (s = 0; s < HME_NSUBS; s++)
			g->hidden[s] = g->n < t->cf.min_group ||
			    g->cnt[s] < t->cf.min_group;
	}
	/* Children in reverse, so each list ends up in output order. */
	for (i = t->n; i-- > 0; ) {
		g = t->sorted[i];
		if (g->parent != NULL) {
			g->sibling = g->parent->child;
			g->parent->child = g;
		}
	}
	if (t->cf.rollup)
		for (s = 0; s < HME_NSUBS; s++)
			suppress_secondary(t, s);
	for (i = 0; i < t->n; i++)
		score_group(t->sorted[i], &t->scores[i]);
	if (t->cf.trend)
		fill_trend(t);
	*out = t->scores;
	*n = t->n;
	return 0;
}
