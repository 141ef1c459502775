/*
 * Unit tests for the HME arithmetic (lib/hme.c): exact means and their
 * rounding, grouping and order, primary and secondary suppression (with
 * an independent check that no suppressed group can be recovered by
 * subtraction), and trend.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tuff/hme.h"
#include "tuff/record.h"

__extension__ typedef unsigned __int128 u128;

static const unsigned char all5[HME_NITEMS] = { 5, 5, 5, 5, 5, 5, 5, 5, 5 };

static struct hme_tally *
tally(enum hme_by by, int rollup, int trend, unsigned long min)
{
	struct hme_config cf = { by, rollup, trend, min };
	struct hme_tally *t = hme_tally_new(&cf);

	assert_non_null(t);
	return t;
}

/* n responses with the same answers. */
static void
add(struct hme_tally *t, const char *unit, const char *period, unsigned n,
    const unsigned char answers[HME_NITEMS])
{
	struct hme_response r;

	r.unit = unit;
	r.period = period;
	memcpy(r.answers, answers, HME_NITEMS);
	while (n-- > 0)
		assert_int_equal(hme_tally_add(t, &r), 0);
}

static const struct hme_score *
scores(struct hme_tally *t, size_t *n)
{
	const struct hme_score *sc;

	assert_int_equal(hme_tally_scores(t, &sc, n), 0);
	return sc;
}

/* The score of unit in period (either may be NULL), which must exist. */
static const struct hme_score *
find(const struct hme_score *sc, size_t n, const char *unit,
    const char *period)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unit == NULL || strcmp(sc[i].unit, unit) == 0) &&
		    (period == NULL || strcmp(sc[i].period, period) == 0))
			return &sc[i];
	fail_msg("no score for %s %s", unit, period);
	return NULL;
}

static void
test_items(void **state)
{
	(void)state;
	assert_int_equal(hme_item_index("m1", 2), 0);
	assert_int_equal(hme_item_index("l2", 2), 4);
	assert_int_equal(hme_item_index("s3", 2), 8);
	assert_int_equal(hme_item_index("s4", 2), -1);
	assert_int_equal(hme_item_index("x1", 2), -1);
	assert_int_equal(hme_item_index("m1x", 3), -1);
	assert_int_equal(hme_item_index("m0", 2), -1);
	assert_string_equal(hme_item_id(3), "l1");
	assert_null(hme_item_id(9));
	assert_string_equal(hme_subindex_name(2), "governance");
}

static void
test_checks(void **state)
{
	(void)state;
	assert_null(hme_check_period("2018", 4));
	assert_null(hme_check_period("2018-01", 7));
	assert_null(hme_check_period("2018-12", 7));
	assert_non_null(hme_check_period("2018-13", 7));
	assert_non_null(hme_check_period("2018-00", 7));
	assert_non_null(hme_check_period("218", 3));
	assert_non_null(hme_check_period("2018-1", 6));
	assert_non_null(hme_check_period("2018-01-01", 10));
	assert_non_null(hme_check_period("20x8", 4));
	assert_non_null(hme_check_period("", 0));
	assert_null(hme_check_unit("A", 1));
	assert_null(hme_check_unit("Region Gävleborg/Folkhälsa", 27));
	assert_non_null(hme_check_unit("", 0));
	assert_non_null(hme_check_unit("/A", 2));
	assert_non_null(hme_check_unit("A/", 2));
	assert_non_null(hme_check_unit("A//B", 4));
	assert_non_null(hme_check_unit("A\0B", 3));
}

/* r is 250 * sum / (3 * count) rounded half up: check it by bounds. */
static void
check_sub_rounding(uint64_t sum, uint64_t count)
{
	long r = hme_subindex_tenths(sum, count);
	u128 num = (u128)500 * sum, den = (u128)3 * count;

	assert_true(r >= 0 && r <= 1000);
	assert_true((u128)(2 * r - 1) * den <= num || r == 0);
	assert_true(num < (u128)(2 * r + 1) * den);
}

static void
test_subindex_rounding(void **state)
{
	uint64_t c, s, x = 88172645463325252ULL;
	int i;

	(void)state;
	assert_int_equal(hme_subindex_tenths(0, 1), 0);
	assert_int_equal(hme_subindex_tenths(12, 1), 1000);
	/* 20 respondents, sum 3: exactly 1.25, half away from zero. */
	assert_int_equal(hme_subindex_tenths(3, 20), 13);
	assert_int_equal(hme_subindex_tenths(6, 40), 13);
	/* 3 / 19 gives 1.3157... and 3 / 21 gives 1.1904... */
	assert_int_equal(hme_subindex_tenths(3, 19), 13);
	assert_int_equal(hme_subindex_tenths(3, 21), 12);
	/* 1 / 3 of a step: 25 / 9 = 2.777... -> 2.8 */
	assert_int_equal(hme_subindex_tenths(1, 3), 28);
	/* One answer of 3 in three items: 25 / 3 = 8.333... -> 8.3 */
	assert_int_equal(hme_subindex_tenths(1, 1), 83);
	/* 0.05 exactly (half a tenth): 250 * 3 / 1500. */
	assert_int_equal(hme_subindex_tenths(3, 500), 1);
	assert_int_equal(hme_subindex_tenths(2, 500), 0);
	/* The largest counts: exact, no overflow. */
	assert_int_equal(hme_subindex_tenths(12ULL * HME_MAX_COUNT,
	    HME_MAX_COUNT), 1000);
	assert_int_equal(hme_subindex_tenths(6ULL * HME_MAX_COUNT,
	    HME_MAX_COUNT), 500);
	/* 85.15 exactly with 4e9 respondents: 250 s = 851.5 * 3 c. */
	assert_int_equal(hme_subindex_tenths(40872000000ULL, 4000000000ULL),
	    852);
	assert_int_equal(hme_subindex_tenths(40872000000ULL - 1,
	    4000000000ULL), 851);
	for (i = 0; i < 2000; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		c = 1 + x % HME_MAX_COUNT;
		s = (x >> 11) % (12 * c + 1);
		check_sub_rounding(s, c);
		check_sub_rounding(12 * c - s % 7, c);
	}
}

static void
check_total_rounding(const uint64_t s[3], const uint64_t c[3])
{
	long r = hme_total_tenths(s, c);
	u128 num, den;

	num = 500 * ((u128)s[0] * c[1] * c[2] + (u128)s[1] * c[0] * c[2] +
	    (u128)s[2] * c[0] * c[1]);
	den = (u128)9 * c[0] * c[1] * c[2];
	assert_true(r >= 0 && r <= 1000);
	assert_true(r == 0 || (u128)(2 * r - 1) * den <= num);
	assert_true(num < (u128)(2 * r + 1) * den);
}

static void
test_total(void **state)
{
	uint64_t s[3], c[3], x = 2463534242ULL;
	int i, k;

	(void)state;
	/*
	 * Exact subindices 0.15, 0.15, 0.1416...: rounded they are 0.2,
	 * 0.2 and 0.1, whose mean would round to 0.2; the exact mean
	 * 0.1472... is 0.1.
	 */
	s[0] = 9, c[0] = 500;
	s[1] = 9, c[1] = 500;
	s[2] = 17, c[2] = 1000;
	assert_int_equal(hme_subindex_tenths(s[0], c[0]), 2);
	assert_int_equal(hme_subindex_tenths(s[2], c[2]), 1);
	assert_int_equal(hme_total_tenths(s, c), 1);
	/* All the largest: 100.0, and the 128-bit products hold. */
	for (k = 0; k < 3; k++) {
		c[k] = HME_MAX_COUNT;
		s[k] = 12ULL * HME_MAX_COUNT;
	}
	assert_int_equal(hme_total_tenths(s, c), 1000);
	/* 42.55 exactly over 4e9 each: 500 S = 851 * 9 c. */
	for (k = 0; k < 3; k++) {
		c[k] = 4000000000ULL;
		s[k] = 20424000000ULL;
	}
	assert_int_equal(hme_total_tenths(s, c), 426);
	s[1]--;
	assert_int_equal(hme_total_tenths(s, c), 425);
	/* Different denominators, huge and coprime. */
	for (i = 0; i < 2000; i++) {
		for (k = 0; k < 3; k++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			c[k] = HME_MAX_COUNT - x % 1000003;
			s[k] = (x >> 7) % (12 * c[k] + 1);
		}
		check_total_rounding(s, c);
	}
}

static void
test_unit_order(void **state)
{
	(void)state;
	assert_true(hme_unit_cmp("A", "A/B") < 0);
	assert_true(hme_unit_cmp("A/B", "A B") < 0);	/* not strcmp */
	assert_true(hme_unit_cmp("A/B/C", "A/Ä") < 0);
	assert_true(hme_unit_cmp("A/Ä", "A/Å") < 0);	/* bytewise */
	assert_true(hme_unit_cmp("A/Z", "AB") < 0);
	assert_int_equal(hme_unit_cmp("A/B", "A/B"), 0);
	assert_true(hme_unit_cmp("A/B", "A") > 0);
}

/* The example of the contract: every figure computed by hand. */
static void
test_figures(void **state)
{
	static const unsigned char a[HME_NITEMS] = { 5, 4, 5, 4, 5, 5, 4, 4, 5 };
	struct hme_tally *t = tally(HME_BY_UNIT_PERIOD, 0, 0, 5);
	const struct hme_score *sc;
	size_t n;

	(void)state;
	add(t, "Region/Folkhälsa", "2018", 5, a);
	sc = scores(t, &n);
	assert_int_equal(n, 1);
	assert_string_equal(sc->unit, "Region/Folkhälsa");
	assert_string_equal(sc->period, "2018");
	assert_int_equal(sc->respondents, 5);
	assert_false(sc->suppressed);
	/* motivation 11 steps of 25 over 3 items: 91.666... */
	assert_int_equal(sc->sub[0], 917);
	assert_int_equal(sc->sub[1], 917);
	assert_int_equal(sc->sub[2], 833);
	/* (11 + 11 + 10) * 25 / 9 = 88.888... */
	assert_int_equal(sc->index, 889);
	assert_int_equal(sc->published, 15);
	hme_tally_free(t);
}

static void
test_min_group(void **state)
{
	static const unsigned char nom[HME_NITEMS] = { 0, 5, 5, 5, 5, 5, 5, 5, 5 };
	static const unsigned char none[HME_NITEMS] = { 0 };
	struct hme_tally *t = tally(HME_BY_UNIT_PERIOD, 0, 0, 5);
	const struct hme_score *sc, *g;
	size_t n;

	(void)state;
	add(t, "A", "2018", 4, all5);			/* too few */
	add(t, "B", "2018", 4, all5);			/* 4 + 2 */
	add(t, "B", "2018", 2, nom);			/* motivation: 4 */
	add(t, "C", "2018", 5, none);			/* nothing answered */
	add(t, "D", "2018", 5, all5);			/* just enough */
	sc = scores(t, &n);
	assert_int_equal(n, 4);
	g = find(sc, n, "A", "2018");
	assert_true(g->suppressed);
	assert_int_equal(g->respondents, 4);
	assert_int_equal(g->published, 0);
	g = find(sc, n, "B", "2018");
	assert_false(g->suppressed);
	assert_int_equal(g->respondents, 6);
	assert_int_equal(g->published, HME_PUB_SUB(1) | HME_PUB_SUB(2));
	assert_int_equal(g->sub[1], 1000);
	g = find(sc, n, "C", "2018");
	assert_true(g->suppressed);
	assert_int_equal(g->respondents, 5);
	g = find(sc, n, "D", "2018");
	assert_int_equal(g->published, 15);
	assert_int_equal(g->index, 1000);
	hme_tally_free(t);

	/* --min-group 1 publishes every group. */
	t = tally(HME_BY_UNIT_PERIOD, 0, 0, 1);
	add(t, "A", "2018", 1, all5);
	sc = scores(t, &n);
	assert_int_equal(sc->published, 15);
	hme_tally_free(t);
}

static void
test_grouping_and_order(void **state)
{
	static const char *const units[] = {
		"A B", "A/Å", "A/Ä", "A/B/C", "A/B", "A"
	};
	struct hme_tally *t = tally(HME_BY_UNIT_PERIOD, 0, 0, 1);
	const struct hme_score *sc;
	size_t i, n;

	(void)state;
	for (i = 0; i < 6; i++) {
		add(t, units[i], "2019", 1, all5);
		add(t, units[i], "2018-05", 1, all5);
		add(t, units[i], "2018", 1, all5);
	}
	sc = scores(t, &n);
	assert_int_equal(n, 18);
	for (i = 0; i < 18; i++) {
		assert_string_equal(sc[i].unit, units[5 - i / 3]);
		assert_string_equal(sc[i].period,
		    i % 3 == 0 ? "2018" : i % 3 == 1 ? "2018-05" : "2019");
		assert_int_equal(sc[i].respondents, 1);
	}
	hme_tally_free(t);

	t = tally(HME_BY_UNIT, 0, 0, 1);
	add(t, "A", "2018", 2, all5);
	add(t, "A", "2019", 3, all5);
	add(t, "A/B", "2019", 1, all5);
	sc = scores(t, &n);
	assert_int_equal(n, 2);
	assert_string_equal(sc[0].unit, "A");
	assert_null(sc[0].period);
	assert_int_equal(sc[0].respondents, 5);
	assert_int_equal(sc[1].respondents, 1);
	hme_tally_free(t);

	t = tally(HME_BY_PERIOD, 0, 0, 1);
	add(t, "A", "2019", 2, all5);
	add(t, "B", "2018", 3, all5);
	add(t, "A/B", "2019", 1, all5);
	sc = scores(t, &n);
	assert_int_equal(n, 2);
	assert_null(sc[0].unit);
	assert_string_equal(sc[0].period, "2018");
	assert_int_equal(sc[0].respondents, 3);
	assert_int_equal(sc[1].respondents, 3);
	hme_tally_free(t);
}

static void
test_rollup_sums(void **state)
{
	static const unsigned char low[HME_NITEMS] = { 1, 1, 1, 1, 1, 1, 1, 1, 1 };
	struct hme_tally *t = tally(HME_BY_UNIT_PERIOD, 1, 0, 1);
	const struct hme_score *sc, *g;
	size_t n;

	(void)state;
	add(t, "R/A/X", "2018", 1, all5);
	add(t, "R/A", "2018", 1, low);
	add(t, "R/B", "2018", 2, all5);
	add(t, "R/B", "2019", 1, low);
	sc = scores(t, &n);
	assert_int_equal(n, 6);
	g = find(sc, n, "R", "2018");
	assert_int_equal(g->respondents, 4);
	assert_int_equal(g->index, 750);
	g = find(sc, n, "R/A", "2018");
	assert_int_equal(g->respondents, 2);
	assert_int_equal(g->index, 500);
	g = find(sc, n, "R", "2019");
	assert_int_equal(g->respondents, 1);
	assert_int_equal(g->index, 0);
	assert_string_equal(sc[0].unit, "R");
	assert_string_equal(sc[2].unit, "R/A");
	assert_string_equal(sc[3].unit, "R/A/X");
	hme_tally_free(t);
}

/*
 * The independent check.  Atoms are the distinct units of the input
 * (their own responses).  The attacker knows the sums of the published
 * groups; a hidden group is recoverable exactly when its atom vector is
 * in the span of the published groups' vectors.  Gaussian elimination
 * in doubles is exact enough for these small 0/1 systems.
 */
#define MAXA	64

struct atom {
	char		 unit[32];
	unsigned	 cnt[HME_NSUBS];	/* answered the subindex */
};

static int
under(const char *unit, const char *group)
{
	size_t n = strlen(group);

	return strncmp(unit, group, n) == 0 &&
	    (unit[n] == '\0' || unit[n] == '/');
}

/* Rank of rows (length na) after appending v; rows is scratch. */
static int
rank(double rows[][MAXA], int nr, int na)
{
	int r = 0, c, i, j, p;
	double f, tmp;

	for (c = 0; c < na && r < nr; c++) {
		p = -1;
		for (i = r; i < nr; i++)
			if (rows[i][c] > 1e-9 || rows[i][c] < -1e-9)
				if (p == -1 || (rows[i][c] > 0 ? rows[i][c] :
				    -rows[i][c]) > (rows[p][c] > 0 ?
				    rows[p][c] : -rows[p][c]))
					p = i;
		if (p == -1)
			continue;
		for (j = 0; j < na; j++) {
			tmp = rows[r][j];
			rows[r][j] = rows[p][j];
			rows[p][j] = tmp;
		}
		for (i = 0; i < nr; i++) {
			if (i == r)
				continue;
			f = rows[i][c] / rows[r][c];
			for (j = 0; j < na; j++)
				rows[i][j] -= f * rows[r][j];
		}
		r++;
	}
	return r;
}

/*
 * For every subindex: no hidden group resting on 1..min-1 answering
 * respondents, and no single atom of 1..min-1, is in the span of the
 * published groups.  Returns the number of groups hidden for some
 * subindex while having min or more respondents (secondary ones).
 */
static int
check_no_recovery(const struct hme_score *sc, size_t n,
    const struct atom *at, int na, unsigned min)
{
	static double rows[MAXA + 1][MAXA];
	static double base[MAXA + 1][MAXA];
	int s, a, nr, r0, secondary = 0;
	unsigned cnt;
	size_t i, j;

	assert_true(n <= MAXA && na <= MAXA);
	for (i = 0; i < n; i++)
		for (s = 0; s < HME_NSUBS; s++)
			if (!(sc[i].published & HME_PUB_SUB(s)) &&
			    sc[i].respondents >= min) {
				secondary++;
				break;
			}
	for (s = 0; s < HME_NSUBS; s++) {
		nr = 0;
		for (i = 0; i < n; i++) {
			if (!(sc[i].published & HME_PUB_SUB(s)))
				continue;
			for (a = 0; a < na; a++)
				base[nr][a] = under(at[a].unit, sc[i].unit);
			nr++;
		}
		memcpy(rows, base, sizeof(base));
		r0 = rank(rows, nr, na);
		/* Hidden groups. */
		for (i = 0; i < n; i++) {
			if (sc[i].published & HME_PUB_SUB(s))
				continue;
			cnt = 0;
			for (a = 0; a < na; a++)
				if (under(at[a].unit, sc[i].unit))
					cnt += at[a].cnt[s];
			if (cnt == 0 || cnt >= min)
				continue;
			memcpy(rows, base, sizeof(base));
			for (a = 0; a < na; a++)
				rows[nr][a] = under(at[a].unit, sc[i].unit);
			if (rank(rows, nr + 1, na) == r0)
				fail_msg("%s %s recoverable (%u answered)",
				    sc[i].unit, hme_subindex_name(s), cnt);
		}
		/* Single atoms: a unit's own responses. */
		for (a = 0; a < na; a++) {
			if (at[a].cnt[s] == 0 || at[a].cnt[s] >= min)
				continue;
			memcpy(rows, base, sizeof(base));
			for (j = 0; j < (size_t)na; j++)
				rows[nr][j] = j == (size_t)a;
			if (rank(rows, nr + 1, na) == r0)
				fail_msg("own responses of %s recoverable",
				    at[a].unit);
		}
	}
	return secondary;
}

/* Score atoms (all answer everything, or as cnt says) with rollup. */
static const struct hme_score *
run_atoms(struct hme_tally **tp, const struct atom *at, int na,
    unsigned min, size_t *n)
{
	static const unsigned char skip[HME_NSUBS][HME_NITEMS] = {
		{ 0, 0, 0, 4, 4, 4, 4, 4, 4 },
		{ 4, 4, 4, 0, 0, 0, 4, 4, 4 },
		{ 4, 4, 4, 4, 4, 4, 0, 0, 0 },
	};
	unsigned most, k;
	int a, s;

	*tp = tally(HME_BY_UNIT_PERIOD, 1, 0, min);
	for (a = 0; a < na; a++) {
		most = 0;
		for (s = 0; s < HME_NSUBS; s++)
			if (at[a].cnt[s] > most)
				most = at[a].cnt[s];
		/* The first cnt[s] answer subindex s, the rest skip it. */
		for (k = 0; k < most; k++) {
			unsigned char ans[HME_NITEMS];

			for (s = 0; s < HME_NSUBS; s++)
				memcpy(ans + 3 * s, k < at[a].cnt[s] ?
				    all5 + 3 * s : skip[s] + 3 * s, 3);
			add(*tp, at[a].unit, "2020", 1, ans);
		}
	}
	return scores(*tp, n);
}

static int
hidden(const struct hme_score *sc, size_t n, const char *unit)
{
	return find(sc, n, unit, "2020")->published == 0;
}

static void
test_secondary_shapes(void **state)
{
	/* One small child among two: the smaller sibling goes too. */
	static const struct atom s1[] = {
		{ "P/A", { 3, 3, 3 } }, { "P/B", { 10, 10, 10 } },
		{ "P/C", { 11, 11, 11 } },
	};
	/* Ties by name. */
	static const struct atom s2[] = {
		{ "P/A", { 2, 2, 2 } }, { "P/C", { 10, 10, 10 } },
		{ "P/B", { 10, 10, 10 } },
	};
	/* The parent's own responses are an implicit child. */
	static const struct atom s3[] = {
		{ "P", { 3, 3, 3 } }, { "P/B", { 10, 10, 10 } },
		{ "P/C", { 12, 12, 12 } },
	};
	/* A small child and the parent's own many: nothing to add. */
	static const struct atom s4[] = {
		{ "P", { 10, 10, 10 } }, { "P/A", { 3, 3, 3 } },
	};
	/* The only published sibling is covered by its own children. */
	static const struct atom s5[] = {
		{ "K/A", { 3, 3, 3 } }, { "K/B/B1", { 10, 10, 10 } },
		{ "K/B/B2", { 10, 10, 10 } },
	};
	/* Only a subindex is small: only that one is hidden around it. */
	static const struct atom s6[] = {
		{ "P/A", { 3, 10, 10 } }, { "P/B", { 10, 10, 10 } },
		{ "P/C", { 20, 20, 20 } },
	};
	struct hme_tally *t;
	const struct hme_score *sc, *g;
	size_t n;

	(void)state;
	sc = run_atoms(&t, s1, 3, 5, &n);
	assert_true(hidden(sc, n, "P/A"));
	assert_true(hidden(sc, n, "P/B"));
	assert_false(hidden(sc, n, "P/C"));
	assert_false(hidden(sc, n, "P"));
	assert_true(find(sc, n, "P/B", "2020")->suppressed);
	assert_int_equal(check_no_recovery(sc, n, s1, 3, 5), 1);
	hme_tally_free(t);

	sc = run_atoms(&t, s2, 3, 5, &n);
	assert_true(hidden(sc, n, "P/B"));
	assert_false(hidden(sc, n, "P/C"));
	check_no_recovery(sc, n, s2, 3, 5);
	hme_tally_free(t);

	sc = run_atoms(&t, s3, 3, 5, &n);
	assert_true(hidden(sc, n, "P/B"));
	assert_false(hidden(sc, n, "P/C"));
	assert_false(hidden(sc, n, "P"));
	check_no_recovery(sc, n, s3, 3, 5);
	hme_tally_free(t);

	sc = run_atoms(&t, s4, 2, 5, &n);
	assert_true(hidden(sc, n, "P/A"));
	assert_false(hidden(sc, n, "P"));
	assert_int_equal(check_no_recovery(sc, n, s4, 2, 5), 0);
	hme_tally_free(t);

	sc = run_atoms(&t, s5, 3, 5, &n);
	assert_true(hidden(sc, n, "K/A"));
	assert_true(hidden(sc, n, "K/B"));
	assert_true(hidden(sc, n, "K/B/B1"));
	assert_false(hidden(sc, n, "K/B/B2"));
	assert_false(hidden(sc, n, "K"));
	check_no_recovery(sc, n, s5, 3, 5);
	hme_tally_free(t);

	sc = run_atoms(&t, s6, 3, 5, &n);
	g = find(sc, n, "P/A", "2020");
	assert_int_equal(g->published, HME_PUB_SUB(1) | HME_PUB_SUB(2));
	g = find(sc, n, "P/B", "2020");
	assert_int_equal(g->published, HME_PUB_SUB(1) | HME_PUB_SUB(2));
	assert_false(g->suppressed);
	assert_int_equal(find(sc, n, "P/C", "2020")->published, 15);
	assert_int_equal(find(sc, n, "P", "2020")->published, 15);
	check_no_recovery(sc, n, s6, 3, 5);
	hme_tally_free(t);
}

/* Periods are separate trees; a suppressed parent protects nothing. */
static void
test_secondary_periods(void **state)
{
	struct hme_tally *t = tally(HME_BY_UNIT_PERIOD, 1, 0, 5);
	const struct hme_score *sc;
	size_t n;

	(void)state;
	add(t, "P/A", "2018", 2, all5);
	add(t, "P/B", "2018", 9, all5);
	add(t, "P/C", "2018", 9, all5);
	add(t, "P/A", "2019", 9, all5);
	add(t, "P/B", "2019", 9, all5);
	add(t, "Q/A", "2019", 2, all5);
	add(t, "Q/B", "2019", 2, all5);
	sc = scores(t, &n);
	assert_true(find(sc, n, "P/B", "2018")->suppressed);
	assert_false(find(sc, n, "P/C", "2018")->suppressed);
	assert_false(find(sc, n, "P/A", "2019")->suppressed);
	assert_false(find(sc, n, "P/B", "2019")->suppressed);
	/* Q (4) is itself suppressed: nothing to subtract from. */
	assert_true(find(sc, n, "Q", "2019")->suppressed);
	hme_tally_free(t);
}

/* Random trees of units, random counts and thresholds. */
static void
test_secondary_random(void **state)
{
	static const char *const names[] = { "a", "b", "c", "d" };
	struct atom at[MAXA];
	struct hme_tally *t;
	const struct hme_score *sc;
	uint64_t x = 0x9E3779B97F4A7C15ULL;
	int trial, na, depth, s, secondary = 0, k;
	unsigned min;
	size_t n;
	char unit[32];

	(void)state;
	for (trial = 0; trial < 400; trial++) {
		na = 0;
		x = x * 6364136223846793005ULL + 1442695040888963407ULL;
		min = 2 + (x >> 33) % 5;
		while (na < 12) {
			x = x * 6364136223846793005ULL + 1442695040888963407ULL;
			depth = 1 + (x >> 40) % 4;
			strcpy(unit, "r");
			for (k = 0; k < depth; k++) {
				strcat(unit, "/");
				strcat(unit, names[(x >> (20 + 2 * k)) % 4]);
			}
			for (k = 0; k < na; k++)
				if (strcmp(at[k].unit, unit) == 0)
					break;
			if (k < na)
				continue;
			strcpy(at[na].unit, unit);
			for (s = 0; s < HME_NSUBS; s++) {
				x = x * 6364136223846793005ULL +
				    1442695040888963407ULL;
				at[na].cnt[s] = (x >> 50) % (3 * min);
			}
			/* Mostly everyone answers everything. */
			if ((x >> 30) % 3 != 0)
				at[na].cnt[1] = at[na].cnt[2] = at[na].cnt[0];
			na++;
		}
		sc = run_atoms(&t, at, na, min, &n);
		secondary += check_no_recovery(sc, n, at, na, min);
		hme_tally_free(t);
	}
	/* The trials did exercise secondary suppression. */
	assert_true(secondary > 100);
}

static void
test_trend(void **state)
{
	static const unsigned char mid[HME_NITEMS] = { 3, 3, 3, 3, 3, 3, 3, 3, 3 };
	struct hme_tally *t = tally(HME_BY_UNIT_PERIOD, 0, 1, 5);
	const struct hme_score *sc, *g;
	size_t n;

	(void)state;
	add(t, "A", "2016", 5, mid);		/* 50.0 */
	add(t, "A", "2017", 2, all5);		/* suppressed */
	add(t, "A", "2018", 5, all5);		/* 100.0 */
	add(t, "A", "2018-03", 5, all5);	/* months: own series */
	add(t, "A", "2018-04", 5, mid);
	add(t, "B", "2019", 5, mid);		/* another unit */
	sc = scores(t, &n);
	assert_null(find(sc, n, "A", "2016")->prev_period);
	assert_null(find(sc, n, "A", "2017")->prev_period);
	g = find(sc, n, "A", "2018");
	assert_string_equal(g->prev_period, "2016");
	assert_int_equal(g->prev_index, 500);
	assert_int_equal(g->change, 500);
	assert_null(find(sc, n, "A", "2018-03")->prev_period);
	g = find(sc, n, "A", "2018-04");
	assert_string_equal(g->prev_period, "2018-03");
	assert_int_equal(g->change, -500);
	assert_null(find(sc, n, "B", "2019")->prev_period);
	hme_tally_free(t);

	/* The change is the difference of the rounded published figures. */
	t = tally(HME_BY_PERIOD, 0, 1, 1);
	{
		static const unsigned char a[HME_NITEMS] =
		    { 4, 3, 3, 3, 3, 3, 3, 3, 3 };
		static const unsigned char b[HME_NITEMS] =
		    { 5, 3, 3, 3, 3, 3, 3, 3, 3 };

		add(t, "X", "2020", 1, a);	/* 52.77.. -> 52.8 */
		add(t, "X", "2021", 1, b);	/* 55.55.. -> 55.6 */
	}
	sc = scores(t, &n);
	assert_int_equal(sc[0].index, 528);
	assert_int_equal(sc[1].index, 556);
	assert_int_equal(sc[1].change, 28);
	hme_tally_free(t);
}

static void
test_many_groups(void **state)
{
	struct hme_tally *t = tally(HME_BY_UNIT_PERIOD, 1, 0, 5);
	const struct hme_score *sc;
	char unit[64];
	size_t n, i;

	(void)state;
	for (i = 0; i < 5000; i++) {
		snprintf(unit, sizeof(unit), "R/%zu/%zu", i % 37, i);
		add(t, unit, i % 2 ? "2020" : "2021", 1 + i % 9, all5);
	}
	sc = scores(t, &n);
	assert_int_equal(n, 5000 + 2 * 37 + 2);
	for (i = 1; i < n; i++)
		assert_true(hme_unit_cmp(sc[i - 1].unit, sc[i].unit) < 0 ||
		    (hme_unit_cmp(sc[i - 1].unit, sc[i].unit) == 0 &&
		    strcmp(sc[i - 1].period, sc[i].period) < 0));
	hme_tally_free(t);
}

/* Read YAML text into a fresh tally; returns hme_read_yaml's result. */
static int
read_text(const char *text, int skip, struct hme_tally **tp,
    struct hme_input *in, struct tuff_error *e)
{
	struct tuff_reader *r;
	FILE *fp;
	int rc;

	*tp = tally(HME_BY_UNIT_PERIOD, 0, 0, 1);
	hme_input_init(in, *tp);
	in->skip_invalid = skip;
	fp = fmemopen((void *)text, strlen(text), "r");
	assert_non_null(fp);
	r = tuff_reader_new(fp, "t.yaml");
	assert_non_null(r);
	rc = hme_read_yaml(in, r, "t.yaml", e);
	tuff_reader_free(r);
	fclose(fp);
	return rc;
}

/* The fast path and the tree path read the same records alike. */
static void
test_read_paths(void **state)
{
	static const char text[] =
	    "kind: hme-response\nunit: A\nperiod: 2018\n"
	    "answers: [5, 4, 5, 4, 5, 5, 4, 4, 5]\n"
	    "---\nunit: A\nperiod: 2018\nkind: hme-response\n"
	    "answers: {s3: 5, s2: 4, s1: 4, l3: 5, l2: 5, l1: 4, m3: 5, "
	    "m2: 4, m1: 5}\n"
	    "---\nkind: hme-response\nnote: {x: [1, 2]}\nperiod: 2018\n"
	    "answers:\n  - 5\n  - 4\n  - 5\n  - 4\n  - 5\n  - 5\n  - 4\n"
	    "  - 4\n  - 5\nunit: A\n"
	    "---\nkind: journey\nid: x\n"
	    "---\n---\n{}\n";
	struct hme_input in;
	struct hme_tally *t;
	struct tuff_error e;
	const struct hme_score *sc;
	size_t n;

	(void)state;
	assert_int_equal(read_text(text, 0, &t, &in, &e), 0);
	assert_int_equal(in.responses, 3);
	assert_int_equal(in.foreign, 2);
	assert_int_equal(in.skipped, 0);
	sc = scores(t, &n);
	assert_int_equal(n, 1);
	assert_int_equal(sc->respondents, 3);
	assert_int_equal(sc->index, 889);
	hme_tally_free(t);
}

static void
expect_error(const char *text, unsigned long line, unsigned long column,
    const char *msg)
{
	struct hme_input in;
	struct hme_tally *t;
	struct tuff_error e;

	memset(&e, 0, sizeof(e));
	assert_int_equal(read_text(text, 0, &t, &in, &e), -1);
	if (e.line != line || e.column != column ||
	    strstr(e.msg, msg) == NULL)
		fail_msg("got %lu:%lu: %s", e.line, e.column, e.msg);
	hme_tally_free(t);
}

static void
test_read_errors(void **state)
{
	struct hme_input in;
	struct hme_tally *t;
	struct tuff_error e;

	(void)state;
	expect_error("kind: hme-response\nunit: A\nperiod: 2018\n"
	    "answers: [5, 4, 5, 4, 5, 5, 4, 4, 0]\n", 4, 35,
	    "answer 0 is out of range");
	expect_error("kind: hme-response\nunit: A\nperiod: 2018\n", 1, 1,
	    "required key \"answers\"");
	expect_error("period: 2018\nkind: hme-response\nunit: A\n"
	    "answers: {m1: 1, m9: 2}\n", 4, 18, "unknown item id \"m9\"");
	expect_error("kind: hme-response\nunit: A\nperiod: 2018\n"
	    "answers: [1]\nperiod: 2019\n", 5, 1, "duplicate key \"period\"");
	expect_error("kind: hme-response\nunit: A\nperiod: 2018\n"
	    "answers: [1, 2, 3, 4, 5, 1, 2, 3, 4]\nx: 1\ny: 2\nx: 3\n", 7, 1,
	    "duplicate key \"x\" (first at line 5, column 1)");
	expect_error("kind: hme-response\nunit: A\nperiod: 18\n"
	    "answers: [1, 2, 3, 4, 5, 1, 2, 3, 4]\n", 3, 9,
	    "period must be");

	/* Skipped, counted, and the rest still read. */
	assert_int_equal(read_text("kind: hme-response\nunit: A\n"
	    "period: 2018\nanswers: [1, 2, 3, 4, 5, 1, 2, 3, 6]\n---\n"
	    "kind: hme-response\nunit: A\nperiod: 2018\n"
	    "answers: [1, 2, 3, 4, 5, 1, 2, 3, 4]\n", 1, &t, &in, &e), 0);
	assert_int_equal(in.responses, 1);
	assert_int_equal(in.skipped, 1);
	hme_tally_free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_items),
		cmocka_unit_test(test_checks),
		cmocka_unit_test(test_subindex_rounding),
		cmocka_unit_test(test_total),
		cmocka_unit_test(test_unit_order),
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_min_group),
		cmocka_unit_test(test_grouping_and_order),
		cmocka_unit_test(test_rollup_sums),
		cmocka_unit_test(test_secondary_shapes),
		cmocka_unit_test(test_secondary_periods),
		cmocka_unit_test(test_secondary_random),
		cmocka_unit_test(test_trend),
		cmocka_unit_test(test_many_groups),
		cmocka_unit_test(test_read_paths),
		cmocka_unit_test(test_read_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
