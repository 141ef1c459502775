/*
 * Unit tests for HME (lib/hme*.c): exact means and their rounding, both
 * methods, grouping and order, suppression (with an independent check
 * that no suppressed group can be recovered by subtraction across every
 * grouping the tool offers), trend, the YAML reader's two paths (and a
 * differential test of them over the nasty-input corpus), the CSV
 * reader's headers, the CSV output read back, and a whole run.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <unistd.h>

#include <cmocka.h>

#include "tuff/csv.h"
#include "tuff/hme.h"
#include "tuff/record.h"
#include "tuff/tuff.h"
#include "util.h"

__extension__ typedef unsigned __int128 u128;

static double
fabs_(double v)
{
	return v < 0 ? -v : v;
}

static const unsigned char all5[HME_NITEMS] = { 5, 5, 5, 5, 5, 5, 5, 5, 5 };

static struct hme_tally *
tally_m(enum hme_by by, int rollup, int trend, unsigned long min,
    enum hme_method m)
{
	struct hme_config cf = { by, rollup, trend, min, m };
	struct hme_tally *t = hme_tally_new(&cf);

	assert_non_null(t);
	return t;
}

static struct hme_tally *
tally(enum hme_by by, int rollup, int trend, unsigned long min)
{
	return tally_m(by, rollup, trend, min, HME_METHOD_RESPONDENT);
}

/* n responses with the same answers. */
static void
add(struct hme_tally *t, const char *unit, const char *period, unsigned n,
    const unsigned char answers[HME_NITEMS])
{
	struct hme_response r;

	memset(&r, 0, sizeof(r));
	r.unit = unit;
	r.ulen = strlen(unit);
	r.period = period;
	r.file = "t.yaml";
	r.line = r.column = 1;
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
	/* SKR's order of Styrning. */
	assert_string_equal(hme_item_text(6),
	    "Jag är insatt i min arbetsplats mål");
	assert_string_equal(hme_item_text(7),
	    "Min arbetsplats mål följs upp och utvärderas på ett bra sätt");
	assert_string_equal(hme_item_text(8),
	    "Jag vet vad som förväntas av mig i mitt arbete");
	assert_null(hme_item_text(-1));
}

static void
test_checks(void **state)
{
	static const char deep16[] = "a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p";
	static const char deep17[] = "a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q";

	(void)state;
	assert_null(hme_check_period("2018", 4));
	assert_null(hme_check_period("2018-01", 7));
	assert_null(hme_check_period("2018-12", 7));
	assert_null(hme_check_period("1000", 4));
	assert_non_null(hme_check_period("0000", 4));
	assert_non_null(hme_check_period("0999-01", 7));
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
	assert_null(hme_check_unit(deep16, strlen(deep16)));
	assert_string_equal(hme_check_unit(deep17, strlen(deep17)),
	    "unit has more than 16 levels");
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

static uint64_t
xorshift(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
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
	assert_int_equal(hme_subindex_tenths(3, 19), 13);
	assert_int_equal(hme_subindex_tenths(3, 21), 12);
	assert_int_equal(hme_subindex_tenths(1, 3), 28);
	assert_int_equal(hme_subindex_tenths(1, 1), 83);
	/* 0.05 exactly (half a tenth): 250 * 3 / 1500. */
	assert_int_equal(hme_subindex_tenths(3, 500), 1);
	assert_int_equal(hme_subindex_tenths(2, 500), 0);
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
		c = 1 + xorshift(&x) % HME_MAX_COUNT;
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
	for (k = 0; k < 3; k++) {
		c[k] = HME_MAX_COUNT;
		s[k] = 12ULL * HME_MAX_COUNT;
	}
	assert_int_equal(hme_total_tenths(s, c), 1000);
	for (k = 0; k < 3; k++) {
		c[k] = 4000000000ULL;
		s[k] = 20424000000ULL;
	}
	assert_int_equal(hme_total_tenths(s, c), 426);
	s[1]--;
	assert_int_equal(hme_total_tenths(s, c), 425);
	for (i = 0; i < 2000; i++) {
		for (k = 0; k < 3; k++) {
			c[k] = HME_MAX_COUNT - xorshift(&x) % 1000003;
			s[k] = (x >> 7) % (12 * c[k] + 1);
		}
		check_total_rounding(s, c);
	}
}

/*
 * hme_mean_tenths with nine terms: against an independent computation
 * in 128 bits where the counts are small enough for it, and on exact
 * halves with huge counts, where only the limbs are exact.
 */
static void
test_mean_nine(void **state)
{
	uint64_t s[9], c[9], x = 0x2545F4914F6CDD1DULL;
	u128 num, den, p;
	long r;
	int i, j, k;

	(void)state;
	for (i = 0; i < 3000; i++) {
		for (k = 0; k < 9; k++) {
			c[k] = 1 + xorshift(&x) % 900;
			s[k] = (x >> 17) % (4 * c[k] + 1);
		}
		num = 0;
		den = 1;
		for (k = 0; k < 9; k++) {
			den *= c[k];
			for (p = s[k], j = 0; j < 9; j++)
				if (j != k)
					p *= c[j];
			num += p;
		}
		r = hme_mean_tenths(s, c, 9, 9);
		/* r = floor((500 num + 9 den) / (18 den)) */
		assert_true((u128)r * 18 * den <= 500 * num + 9 * den);
		assert_true(500 * num + 9 * den < (u128)(r + 1) * 18 * den);
	}
	/*
	 * Eight items at 4 steps (100.0) over nine different counts near
	 * 2^32, the ninth at 2: 250 * 34 / 9 = 944.44... tenths; at 2.002
	 * steps (8008 / 4000) exactly 944.5, half a tenth, rounded up;
	 * a step of 1 / 4000 below that, down.
	 */
	for (k = 0; k < 9; k++) {
		c[k] = HME_MAX_COUNT - (uint64_t)k;
		s[k] = 4 * c[k];
	}
	s[8] = 2 * c[8];
	assert_int_equal(hme_mean_tenths(s, c, 9, 9), 944);
	c[8] = 4000;
	s[8] = 8008;
	assert_int_equal(hme_mean_tenths(s, c, 9, 9), 945);
	s[8] = 8007;
	assert_int_equal(hme_mean_tenths(s, c, 9, 9), 944);
	/* Equal counts: the usual path. */
	for (k = 0; k < 9; k++) {
		c[k] = 27;
		s[k] = 2 * 27;
	}
	assert_int_equal(hme_mean_tenths(s, c, 9, 9), 500);
	assert_int_equal(hme_mean_tenths(s, c, 3, 3), 500);
	assert_int_equal(hme_mean_tenths(s, c, 1, 1), 500);
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
	struct hme_tally *t;
	const struct hme_score *sc;
	size_t n;
	int m;

	(void)state;
	for (m = 0; m < 2; m++) {
		t = tally_m(HME_BY_UNIT_PERIOD, 0, 0, 5, m);
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
		/* m2: five 4s, 75.0; distribution 0 0 0 5 0. */
		assert_int_equal(sc->item[1], 750);
		assert_int_equal(sc->answered[1], 5);
		assert_int_equal(sc->dist[1][3], 5);
		assert_int_equal(sc->item_pub, 0x1ff);
		hme_tally_free(t);
	}
}

/*
 * The two methods where someone skips a question, worked by hand.
 *
 * Five people answer everything with 4 (75 points each); a sixth
 * answers m1 with 1 (0 points) and skips m2, answering the rest with 4.
 *
 * Item method: m1 = (5 * 75 + 0) / 6 = 62.5; m2 = 75 over the five
 * who answered it; m3 = 75.  Motivation = (62.5 + 75 + 75) / 3 =
 * 70.8333... -> 70.8.  Leadership and governance 75.0 (everyone 4).
 * Total = mean of the nine = (62.5 + 8 * 75) / 9 = 73.6111... -> 73.6.
 *
 * Respondent method: the sixth did not answer all of motivation, so
 * motivation is over the five: 75.0; leadership and governance over
 * all six: 75.0; total 75.0.
 */
static void
test_methods(void **state)
{
	static const unsigned char four[HME_NITEMS] =
	    { 4, 4, 4, 4, 4, 4, 4, 4, 4 };
	static const unsigned char skip[HME_NITEMS] =
	    { 1, 0, 4, 4, 4, 4, 4, 4, 4 };
	struct hme_tally *t;
	const struct hme_score *sc;
	size_t n;

	(void)state;
	t = tally_m(HME_BY_UNIT_PERIOD, 0, 0, 5, HME_METHOD_ITEM);
	add(t, "K", "2020", 5, four);
	add(t, "K", "2020", 1, skip);
	sc = scores(t, &n);
	assert_int_equal(sc->respondents, 6);
	assert_int_equal(sc->item[0], 625);
	assert_int_equal(sc->item[1], 750);
	assert_int_equal(sc->answered[1], 5);
	assert_int_equal(sc->sub[0], 708);
	assert_int_equal(sc->sub[1], 750);
	assert_int_equal(sc->index, 736);
	hme_tally_free(t);

	t = tally_m(HME_BY_UNIT_PERIOD, 0, 0, 5, HME_METHOD_RESPONDENT);
	add(t, "K", "2020", 5, four);
	add(t, "K", "2020", 1, skip);
	sc = scores(t, &n);
	assert_int_equal(sc->sub[0], 750);
	assert_int_equal(sc->index, 750);
	hme_tally_free(t);

	/* With --min-group 6 m2 (5 answers) goes, and with it
	 * motivation and the index, under the item method; the respondent
	 * method's motivation rests on 5 and goes too. */
	t = tally_m(HME_BY_UNIT_PERIOD, 0, 0, 6, HME_METHOD_ITEM);
	add(t, "K", "2020", 5, four);
	add(t, "K", "2020", 1, skip);
	sc = scores(t, &n);
	assert_int_equal(sc->item_pub, 0x1ff & ~2U);
	assert_int_equal(sc->published, HME_PUB_SUB(1) | HME_PUB_SUB(2));
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
	add(t, "E", "2018", 5, all5);
	sc = scores(t, &n);
	assert_int_equal(n, 5);
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

	/* A (4) would be the period's total less the units published:
	 * --by period, pooling all units, is what goes. */
	t = tally(HME_BY_PERIOD, 0, 0, 5);
	add(t, "A", "2018", 4, all5);
	add(t, "D", "2018", 5, all5);
	add(t, "E", "2018", 5, all5);
	sc = scores(t, &n);
	assert_true(sc->suppressed);
	assert_int_equal(sc->respondents, 14);
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

/* Units compare after NFC; the first spelling seen is written. */
static void
test_nfc_units(void **state)
{
	struct hme_tally *t = tally(HME_BY_UNIT_PERIOD, 1, 0, 1);
	const struct hme_score *sc;
	size_t n;

	(void)state;
	add(t, "Ha\xcc\x88lsa/Norr", "2020", 2, all5);	/* NFD */
	add(t, "H\xc3\xa4lsa/Norr", "2020", 3, all5);	/* NFC */
	add(t, "H\xc3\xa4lsa", "2020", 1, all5);
	sc = scores(t, &n);
	assert_int_equal(n, 2);
	assert_string_equal(sc[0].unit, "Ha\xcc\x88lsa");
	assert_int_equal(sc[0].respondents, 6);
	assert_string_equal(sc[1].unit, "Ha\xcc\x88lsa/Norr");
	assert_int_equal(sc[1].respondents, 5);
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
 * The independent check of suppression.  Atoms are one unit's own
 * responses in one period.  A reader of every run the tool offers on
 * the same data (--by unit,period, --by unit, each with and without
 * --rollup, and --by period) knows, per dimension (an item's answers,
 * or a subindex's complete respondents), the sums of the published
 * groups; a group is recoverable exactly when its atom vector is in
 * the span of theirs.  No hidden group resting on 1 .. min-1 answers,
 * and no atom of so few, may be.  Gauss-Jordan elimination in doubles
 * is exact enough for these small 0/1 systems.
 */
#define MAXA	40
#define MAXG	600
#define NDIM	(HME_NITEMS + HME_NSUBS)

struct atom {
	char		 unit[32];
	const char	*period;
	unsigned	 n;
	unsigned	 cnt[NDIM];
	unsigned char	 (*ans)[HME_NITEMS];	/* n responses */
};

struct grp {
	double		 v[MAXA];
	unsigned	 cnt[NDIM];
	unsigned	 n;
	unsigned	 pub;		/* bit d */
	int		 by_unit;	/* pooled over periods */
};

static const struct {
	enum hme_by	 by;
	int		 rollup;
} runs[] = {
	{ HME_BY_UNIT_PERIOD, 0 }, { HME_BY_UNIT_PERIOD, 1 },
	{ HME_BY_UNIT, 0 }, { HME_BY_UNIT, 1 }, { HME_BY_PERIOD, 0 },
};

static int
under(const char *unit, const char *group)
{
	size_t n = strlen(group);

	return strncmp(unit, group, n) == 0 &&
	    (unit[n] == '\0' || unit[n] == '/');
}

/* Reduce rows to reduced row echelon form; the rank, pivots in piv. */
static int
rref(double rows[][MAXA], int nr, int na, int piv[])
{
	int r = 0, c, i, j, p;
	double f, tmp;

	for (c = 0; c < na && r < nr; c++) {
		p = -1;
		for (i = r; i < nr; i++)
			if ((rows[i][c] > 1e-9 || rows[i][c] < -1e-9) &&
			    (p == -1 || fabs_(rows[i][c]) > fabs_(rows[p][c])))
				p = i;
		if (p == -1)
			continue;
		for (j = 0; j < na; j++) {
			tmp = rows[r][j];
			rows[r][j] = rows[p][j];
			rows[p][j] = tmp;
		}
		f = rows[r][c];
		for (j = 0; j < na; j++)
			rows[r][j] /= f;
		for (i = 0; i < nr; i++) {
			if (i == r || (f = rows[i][c]) == 0)
				continue;
			for (j = 0; j < na; j++)
				rows[i][j] -= f * rows[r][j];
		}
		piv[r++] = c;
	}
	return r;
}

static int
in_span(double basis[][MAXA], int rank, const int piv[], const double *v,
    int na)
{
	double w[MAXA], f;
	int r, j;

	memcpy(w, v, sizeof(w));
	for (r = 0; r < rank; r++)
		if ((f = w[piv[r]]) != 0)
			for (j = 0; j < na; j++)
				w[j] -= f * basis[r][j];
	for (j = 0; j < na; j++)
		if (fabs_(w[j]) > 1e-6)
			return 0;
	return 1;
}

/* Every run on the atoms: their groups, appended to g. */
static int
run_all(const struct atom *at, int na, unsigned min, struct grp *g)
{
	struct hme_tally *t;
	const struct hme_score *sc;
	size_t n, i;
	unsigned k;
	int ng = 0, r, a, d, s;

	for (r = 0; r < (int)(sizeof(runs) / sizeof(runs[0])); r++) {
		t = tally_m(runs[r].by, runs[r].rollup, 0, min,
		    HME_METHOD_RESPONDENT);
		for (a = 0; a < na; a++)
			for (k = 0; k < at[a].n; k++)
				add(t, at[a].unit, at[a].period, 1,
				    at[a].ans[k]);
		sc = scores(t, &n);
		for (i = 0; i < n; i++, ng++) {
			assert_true(ng < MAXG);
			memset(&g[ng], 0, sizeof(g[ng]));
			g[ng].by_unit = runs[r].by == HME_BY_UNIT;
			for (a = 0; a < na; a++) {
				if ((sc[i].period != NULL &&
				    strcmp(sc[i].period, at[a].period) != 0) ||
				    (sc[i].unit != NULL && (runs[r].rollup ?
				    !under(at[a].unit, sc[i].unit) :
				    strcmp(at[a].unit, sc[i].unit) != 0)))
					continue;
				g[ng].v[a] = 1;
				g[ng].n += at[a].n;
				for (d = 0; d < NDIM; d++)
					g[ng].cnt[d] += at[a].cnt[d];
			}
			assert_int_equal(g[ng].n, sc[i].respondents);
			g[ng].pub = sc[i].item_pub;
			for (s = 0; s < HME_NSUBS; s++)
				if (sc[i].published & HME_PUB_SUB(s))
					g[ng].pub |= 1U << (HME_NITEMS + s);
		}
		hme_tally_free(t);
	}
	return ng;
}

/*
 * The check over every run; returns the groups hidden for some
 * dimension though they hold enough (secondary), pooled ones in *pooled.
 */
static int
check_all_runs(const struct atom *at, int na, unsigned min, int *pooled)
{
	static struct grp g[MAXG];
	static double basis[MAXG][MAXA];
	double unit[MAXA];
	int ng, d, i, nr, rank, piv[MAXA], a, secondary = 0;

	ng = run_all(at, na, min, g);
	for (i = 0; i < ng; i++)
		for (d = 0; d < NDIM; d++)
			if (!(g[i].pub >> d & 1) && g[i].n >= min &&
			    g[i].cnt[d] >= min) {
				secondary++;
				*pooled += g[i].by_unit;
				break;
			}
	for (d = 0; d < NDIM; d++) {
		for (i = nr = 0; i < ng; i++)
			if (g[i].pub >> d & 1)
				memcpy(basis[nr++], g[i].v, sizeof(g[i].v));
		rank = rref(basis, nr, na, piv);
		for (i = 0; i < ng; i++)
			if (!(g[i].pub >> d & 1) && g[i].cnt[d] > 0 &&
			    g[i].cnt[d] < min &&
			    in_span(basis, rank, piv, g[i].v, na))
				fail_msg("dimension %d: a hidden group of %u "
				    "recoverable", d, g[i].cnt[d]);
		for (a = 0; a < na; a++) {
			if (at[a].cnt[d] == 0 || at[a].cnt[d] >= min)
				continue;
			memset(unit, 0, sizeof(unit));
			unit[a] = 1;
			if (in_span(basis, rank, piv, unit, na))
				fail_msg("dimension %d: %s %s (%u) recoverable",
				    d, at[a].unit, at[a].period, at[a].cnt[d]);
		}
	}
	return secondary;
}

/* Fill in atom a's responses: n people, some skipping questions. */
static void
make_atom(struct atom *a, unsigned n, int skippers, uint64_t *x)
{
	unsigned k;
	int i, s, all;

	a->n = n;
	a->ans = calloc(n + 1, sizeof(*a->ans));
	assert_non_null(a->ans);
	memset(a->cnt, 0, sizeof(a->cnt));
	for (k = 0; k < n; k++) {
		for (i = 0; i < HME_NITEMS; i++) {
			xorshift(x);
			a->ans[k][i] = skippers && *x % 4 == 0 ? 0 :
			    (unsigned char)(1 + (*x >> 8) % 5);
			a->cnt[i] += a->ans[k][i] != 0;
		}
		for (s = 0; s < HME_NSUBS; s++) {
			for (all = 1, i = 3 * s; i < 3 * s + 3; i++)
				all &= a->ans[k][i] != 0;
			a->cnt[HME_NITEMS + s] += all;
		}
	}
}

/* Random trees of units over random periods, thresholds and skips. */
static void
test_suppression_random(void **state)
{
	static const char *const names[] = { "a", "b", "c", "d" };
	static const char *const periods[] = { "2019", "2020", "2021" };
	struct atom at[MAXA];
	uint64_t x = 0x9E3779B97F4A7C15ULL;
	int trial, na, nunits, np, depth, k, secondary = 0, pooled = 0, u, p;
	unsigned min;
	char unit[32];

	(void)state;
	for (trial = 0; trial < 250; trial++) {
		min = 2 + xorshift(&x) % 5;
		np = 1 + (int)(xorshift(&x) % 3);
		nunits = 3 + (int)(xorshift(&x) % 8);
		na = 0;
		for (u = 0; u < nunits; u++) {
			depth = (int)(xorshift(&x) % 4);
			strcpy(unit, "r");
			for (k = 0; k < depth; k++) {
				strcat(unit, "/");
				strcat(unit, names[(x >> (20 + 2 * k)) % 4]);
			}
			for (p = 0; p < np && na < MAXA; p++) {
				xorshift(&x);
				if (x % 5 == 0)
					continue;	/* not in every period */
				for (k = 0; k < na; k++)
					if (strcmp(at[k].unit, unit) == 0 &&
					    at[k].period == periods[p])
						break;
				if (k < na)
					continue;
				strcpy(at[na].unit, unit);
				at[na].period = periods[p];
				make_atom(&at[na], 1 + (unsigned)((x >> 9) %
				    (3 * min)), (x >> 30) % 3 == 0, &x);
				na++;
			}
		}
		if (na > 0)
			secondary += check_all_runs(at, na, min, &pooled);
		for (k = 0; k < na; k++)
			free(at[k].ans);
	}
	/* The trials did exercise secondary suppression, pooled too. */
	assert_true(secondary > 200);
	assert_true(pooled > 50);
}

/*
 * The shipped example's case (issue 7, item 15): Kansli has 3 in 2018
 * and 5 in 2021.  Published over both years (--by unit) its 8 would
 * give away 2018's 3 by subtracting 2021's 5.
 */
static void
test_suppression_pooled(void **state)
{
	static const unsigned char four[HME_NITEMS] =
	    { 4, 4, 4, 4, 4, 4, 4, 4, 4 };
	struct hme_tally *t;
	const struct hme_score *sc;
	size_t n;
	int rollup;

	(void)state;
	for (rollup = 0; rollup < 2; rollup++) {
		t = tally_m(HME_BY_UNIT, rollup, 0, 5, HME_METHOD_ITEM);
		add(t, "D/F", "2018", 10, four);
		add(t, "D/H", "2018", 6, four);
		add(t, "D/K", "2018", 3, four);
		add(t, "D/F", "2021", 10, four);
		add(t, "D/H", "2021", 5, four);
		add(t, "D/K", "2021", 5, four);
		sc = scores(t, &n);
		assert_true(find(sc, n, "D/K", NULL)->suppressed);
		assert_false(find(sc, n, "D/F", NULL)->suppressed);
		if (rollup)
			assert_false(find(sc, n, "D", NULL)->suppressed);
		hme_tally_free(t);
	}
	/* And per year, as the rows see it: 2018 hides H beside K. */
	t = tally_m(HME_BY_UNIT_PERIOD, 1, 0, 5, HME_METHOD_ITEM);
	add(t, "D/F", "2018", 10, four);
	add(t, "D/H", "2018", 6, four);
	add(t, "D/K", "2018", 3, four);
	sc = scores(t, &n);
	assert_true(find(sc, n, "D/H", "2018")->suppressed);
	assert_false(find(sc, n, "D", "2018")->suppressed);
	hme_tally_free(t);
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
read_text(const char *text, size_t len, int skip, int tree_only,
    struct hme_tally **tp, struct hme_input *in, struct tuff_error *e)
{
	struct tuff_reader *r;
	FILE *fp;
	int rc;

	*tp = tally_m(HME_BY_UNIT_PERIOD, 0, 0, 1, HME_METHOD_ITEM);
	hme_input_init(in, *tp);
	in->skip_invalid = skip;
	in->tree_only = tree_only;
	fp = mem_file(text, len);
	r = tuff_reader_new(fp, "t.yaml");
	assert_non_null(r);
	memset(e, 0, sizeof(*e));
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
	assert_int_equal(read_text(text, strlen(text), 0, 0, &t, &in, &e), 0);
	assert_int_equal(in.responses, 3);
	assert_int_equal(in.foreign, 2);
	assert_int_equal(in.skipped, 0);
	sc = scores(t, &n);
	assert_int_equal(n, 1);
	assert_int_equal(sc->respondents, 3);
	assert_int_equal(sc->index, 889);
	hme_input_free(&in);
	hme_tally_free(t);
}

static void
expect_error(const char *text, unsigned long line, unsigned long column,
    const char *msg)
{
	struct hme_input in;
	struct hme_tally *t;
	struct tuff_error e;
	int tree;

	for (tree = 0; tree < 2; tree++) {
		assert_int_equal(read_text(text, strlen(text), 1, tree, &t,
		    &in, &e), -1);
		if (e.line != line || e.column != column ||
		    strstr(e.msg, msg) == NULL)
			fail_msg("%s path: got %lu:%lu: %s", tree ? "tree" :
			    "fast", e.line, e.column, e.msg);
		hme_input_free(&in);
		hme_tally_free(t);
	}
}

static void
expect_invalid(const char *text, unsigned long line, unsigned long column,
    const char *msg)
{
	struct hme_input in;
	struct hme_tally *t;
	struct tuff_error e;
	int tree;

	for (tree = 0; tree < 2; tree++) {
		assert_int_equal(read_text(text, strlen(text), 0, tree, &t,
		    &in, &e), -1);
		if (e.line != line || e.column != column ||
		    strstr(e.msg, msg) == NULL)
			fail_msg("%s path: got %lu:%lu: %s", tree ? "tree" :
			    "fast", e.line, e.column, e.msg);
		hme_input_free(&in);
		hme_tally_free(t);
		/* ... and --skip-invalid skips it. */
		assert_int_equal(read_text(text, strlen(text), 1, tree, &t,
		    &in, &e), 0);
		assert_int_equal(in.skipped, 1);
		hme_input_free(&in);
		hme_tally_free(t);
	}
}

#define R	"kind: hme-response\nunit: A\nperiod: 2018\n"
#define ANS	"answers: [1, 2, 3, 4, 5, 1, 2, 3, 4]\n"

static void
test_read_errors(void **state)
{
	(void)state;
	/* Never skipped: duplicate keys anywhere (issue 7, item 1). */
	expect_error(R ANS "period: 2019\n", 5, 1, "duplicate key \"period\"");
	expect_error(R ANS "x: 1\ny: 2\nx: 3\n", 7, 1,
	    "duplicate key \"x\" (first at line 5, column 1)");
	expect_error(R ANS "extra: {a: 1, a: 2}\n", 5, 15,
	    "duplicate key \"a\" (first at line 5, column 9)");
	expect_error(R ANS "extra: [{b: 1}, {c: 1, c: 2}]\n", 5, 24,
	    "duplicate key \"c\"");
	expect_error(R ANS "? [a]\n: 1\n? [a]\n: 2\n", 7, 3,
	    "duplicate key (first at line 5, column 3)");
	expect_error(R "answers: {m1: 1, m1: 2}\n", 4, 18,
	    "duplicate key \"m1\" (first at line 4, column 11)");
	expect_error(R ANS "kind: hme-response\n", 5, 1,
	    "duplicate key \"kind\"");
	expect_error("kind: hme-response\nkind: x\nunit: A\n", 2, 1,
	    "duplicate key \"kind\"");
	expect_error(R ANS "id: 7\n---\n" R ANS "id: \"7\"\n", 11, 5,
	    "response id \"7\" is given twice (first at t.yaml:5:5)");

	/* Invalid records: errors, or skipped with --skip-invalid. */
	expect_invalid(R "answers: [5, 4, 5, 4, 5, 5, 4, 4, 0]\n", 4, 35,
	    "answer to s3 must be an integer 1..5 or null, not 0");
	expect_invalid("kind: hme-response\nunit: A\nperiod: 2018\n", 1, 1,
	    "required key \"answers\"");
	expect_invalid("period: 2018\nkind: hme-response\nunit: A\n"
	    "answers: {m1: 1, m9: 2}\n", 4, 18, "unknown item id m9");
	expect_invalid("kind: hme-response\nunit: A\nperiod: 18\n" ANS, 3, 9,
	    "period must be");
	/* More than nine answers: refused, never written past the array
	 * (issue 7, item 2). */
	expect_invalid(R "answers: [1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2, 3]\n",
	    4, 38, "answers must have 9 items, not more");
	expect_invalid(R "answers: [1, 2]\n", 4, 10,
	    "answers must have 9 items, not 2");
	expect_invalid(R ANS "? [a]\n: 1\n", 5, 3,
	    "a key must be a scalar, not a sequence");
	/* Scalars by the one rule (issue 7, item 14). */
	expect_invalid(R "answers: [!!null 5, 2, 3, 4, 5, 1, 2, 3, 4]\n", 4,
	    11, "not !!null 5; the tag contradicts the value");
	expect_invalid(R "answers: [03, 2, 3, 4, 5, 1, 2, 3, 4]\n", 4, 11,
	    "not 03; write it without leading zeros");
	expect_invalid(R "answers: [+3, 2, 3, 4, 5, 1, 2, 3, 4]\n", 4, 11,
	    "not +3; write it without a sign");
	expect_invalid(R "answers: [\"3\", 2, 3, 4, 5, 1, 2, 3, 4]\n", 4, 11,
	    "not \"3\"; quoted, it is a string: remove the quotes");
	expect_invalid("kind: hme-response\nunit: A\nperiod: 0000\n" ANS, 3,
	    9, "period must be a year YYYY or a month YYYY-MM, not 0000");
	expect_invalid("kind: hme-response\nunit: A\nperiod: !!float 2021\n"
	    ANS, 3, 9, "not !!float 2021");
	expect_invalid("kind: hme-response\nunit: true\nperiod: 2021\n" ANS,
	    2, 7, "unit must be a string, not true; put it in quotes");
	expect_invalid("kind: hme-response\nunit: A\nperiod: 2021\nid: 1.5\n"
	    ANS, 4, 5, "id must be a string or an integer, not 1.5");
	expect_invalid("kind: hme-response\nunit: a/b/c/d/e/f/g/h/i/j/k/l/m/"
	    "n/o/p/q\nperiod: 2021\n" ANS, 2, 7,
	    "unit has more than 16 levels");
}

/* !!int "3" is an integer by the rule: an answer. */
static void
test_read_tagged_int(void **state)
{
	static const char text[] = R
	    "answers: [!!int \"3\", 2, 3, 4, 5, 1, 2, 3, 4]\n";
	struct hme_input in;
	struct hme_tally *t;
	struct tuff_error e;
	const struct hme_score *sc;
	size_t n;

	(void)state;
	assert_int_equal(read_text(text, strlen(text), 0, 0, &t, &in, &e), 0);
	sc = scores(t, &n);
	assert_int_equal(sc->dist[0][2], 1);
	hme_input_free(&in);
	hme_tally_free(t);
}

/* What one reading of text came to, as text, to compare paths by. */
static char *
outcome(const char *text, size_t len, int skip, int tree_only)
{
	struct hme_input in;
	struct hme_tally *t;
	struct tuff_error e;
	const struct hme_score *sc;
	char *buf = NULL;
	size_t size = 0, n, i;
	FILE *out;
	int rc, s;

	rc = read_text(text, len, skip, tree_only, &t, &in, &e);
	out = open_memstream(&buf, &size);
	assert_non_null(out);
	fprintf(out, "rc %d", rc);
	if (rc == -1)
		fprintf(out, " %s:%lu:%lu: %s", e.file ? e.file : "-", e.line,
		    e.column, e.msg);
	fprintf(out, "\n%lu %lu %lu\n", (unsigned long)in.responses,
	    (unsigned long)in.skipped, (unsigned long)in.foreign);
	if (rc == 0) {
		sc = scores(t, &n);
		for (i = 0; i < n; i++) {
			fprintf(out, "%s %s %lu %u %ld", sc[i].unit,
			    sc[i].period, (unsigned long)sc[i].respondents,
			    sc[i].published, sc[i].index);
			for (s = 0; s < HME_NSUBS; s++)
				fprintf(out, " %ld", sc[i].sub[s]);
			fputc('\n', out);
		}
	}
	fclose(out);
	hme_input_free(&in);
	hme_tally_free(t);
	return buf;
}

/* Both paths, with and without --skip-invalid, must agree. */
static void
compare_paths(const char *text, size_t len, const char *what)
{
	char *fast, *tree;
	int skip;

	for (skip = 0; skip < 2; skip++) {
		fast = outcome(text, len, skip, 0);
		tree = outcome(text, len, skip, 1);
		if (strcmp(fast, tree) != 0)
			fail_msg("%s: the paths differ:\nfast: %s\ntree: %s",
			    what, fast, tree);
		free(fast);
		free(tree);
	}
}

/* text with "kind: hme-response" as every document's first key. */
static char *
as_responses(const char *text, size_t len, size_t *outlen)
{
	static const char kind[] = "kind: hme-response\n";
	char *buf = NULL;
	size_t size = 0, i;
	FILE *out = open_memstream(&buf, &size);

	assert_non_null(out);
	if (len < 3 || memcmp(text, "---", 3) != 0)
		fputs(kind, out);
	for (i = 0; i < len; i++) {
		fputc(text[i], out);
		if ((i == 2 || (i > 2 && text[i - 3] == '\n')) &&
		    memcmp(text + i - 2, "---", 3) == 0 &&
		    i + 1 < len && text[i + 1] == '\n') {
			fputc('\n', out);
			fputs(kind, out);
			i++;
		}
	}
	fclose(out);
	*outlen = size;
	return buf;
}

/* Inputs of our own for the differential test. */
static const char *const nasty[] = {
	R ANS "extra: {a: 1, a: 2}\n",
	R ANS "extra: [[{a: 1}], {a: 1, b: {c: 2, c: 3}}]\n",
	R ANS "? [a]\n: 1\n? [a]\n: 2\n",
	R ANS "? {a: [1, 2]}\n: 1\n? {a: [1, 2]}\n: 2\n",
	R ANS "? [a]\n: 1\n? [b]\n: 2\n",
	R ANS "? {a: 1, a: 2}\n: x\n",
	R "answers: {m1: 1, ? [x] : 2, m2: 3}\n",
	R "answers: {m1: 1, m1: 2}\n",
	R "answers: {m1: 1, x: 1, x: 2}\n",
	R "answers: [1, [2, {a: 1, a: 1}], 3, 4, 5, 1, 2, 3, 4]\n",
	R "answers: [1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1]\n",
	R "answers: [1, 2, 3, 4, 5, 1, 2, 3, 4, [5], {a: 1}]\n",
	R ANS "k00: 0\nk01: 0\nk02: 0\nk03: 0\nk04: 0\nk05: 0\nk06: 0\n"
	    "k07: 0\nk08: 0\nk09: 0\nk10: 0\nb: 1\na: 1\nb: 2\na: 2\n",
	R ANS "k00: 0\nk01: 0\nk02: 0\nk03: 0\nk04: 0\nk05: 0\nk06: 0\n"
	    "k07: 0\nk08: 0\nk09: 0\nk10: 0\nk11: 0\n? [b]\n: 1\nz: 1\nz: 2\n"
	    "? [b]\n: 2\n? [a]\n: 1\n? [a]\n: 2\n",
	R ANS "unit: B\n",
	R ANS "id: [x]\n",
	R ANS "id: 1\n---\n" R ANS "id: '1'\n",
	"kind: hme-response\nunit: !!str 2018\nperiod: !!str 2018\n" ANS,
	"kind: hme-response\nunit: !foo A\nperiod: 2018-13\n" ANS,
	"kind: hme-response\nunit: [A]\nperiod: {a: 1}\nanswers: x\n",
	"kind: hme-response\n",
	"kind: hme-response\nunit: A\nperiod: 2018\nanswers: !!seq [1]\n",
	"{kind: hme-response, unit: A, period: 2018, answers: "
	    "[5, 5, 5, 5, 5, 5, 5, 5, 5], unit: B}\n",
	"kind: hme-response\nunit: Ha\xcc\x88lsa\nperiod: 2018\n" ANS
	    "---\nkind: hme-response\nunit: H\xc3\xa4lsa\nperiod: 2018\n" ANS,
	"kind: hme-response\nunit: A\nperiod: 2018\nanswers: [1, 2, 3, 4, 5, "
	    "1, 2, 3, 4]\nextra: &x 1\n",
	"kind: hme-response\nunit: A\nperiod: 2018\nanswers: []\n---\nfoo: 1\n",
};

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;

	if (fp == NULL || fseek(fp, 0, SEEK_END) != 0 || (n = ftell(fp)) < 0 ||
	    n > 4 * 1024 * 1024 || fseek(fp, 0, SEEK_SET) != 0) {
		if (fp != NULL)
			fclose(fp);
		return NULL;
	}
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	*len = fread(buf, 1, (size_t)n, fp);
	buf[*len] = '\0';
	fclose(fp);
	return buf;
}

/*
 * The differential test of issue 7, item 1: every file of the corpus,
 * as it is and with every document made an hme-response, and our own
 * nasty inputs, read by the fast path and by the tree path.
 */
static void
test_paths_differential(void **state)
{
	struct dirent *de;
	char path[4096], *text, *resp;
	size_t len, rlen, i, files = 0;
	DIR *d;

	(void)state;
	for (i = 0; i < sizeof(nasty) / sizeof(nasty[0]); i++)
		compare_paths(nasty[i], strlen(nasty[i]), nasty[i]);
	d = opendir(TUFF_CORPUS);
	assert_non_null(d);
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (de->d_name[0] == '.' || (len > 4 &&
		    (strcmp(de->d_name + len - 4, ".csv") == 0 ||
		    strcmp(de->d_name + len - 2, ".c") == 0 ||
		    strcmp(de->d_name + len - 3, ".sh") == 0)) ||
		    strcmp(de->d_name, "meson.build") == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", TUFF_CORPUS, de->d_name);
		if ((text = slurp(path, &len)) == NULL)
			continue;
		compare_paths(text, len, de->d_name);
		resp = as_responses(text, len, &rlen);
		compare_paths(resp, rlen, de->d_name);
		free(resp);
		free(text);
		files++;
	}
	closedir(d);
	assert_true(files > 40);
}

/* Read CSV text into a fresh tally, with --column options. */
static int
read_csv_text(const char *text, const char *const *columns,
    struct hme_tally **tp, struct hme_input *in, struct tuff_error *e)
{
	FILE *fp;
	int rc;

	*tp = tally_m(HME_BY_UNIT_PERIOD, 0, 0, 1, HME_METHOD_ITEM);
	hme_input_init(in, *tp);
	while (columns != NULL && *columns != NULL)
		assert_int_equal(hme_input_column(in, *columns++), 0);
	fp = mem_file(text, strlen(text));
	memset(e, 0, sizeof(*e));
	rc = hme_read_csv(in, fp, "x.csv", e);
	fclose(fp);
	return rc;
}

/*
 * A Swedish export: columns named in Swedish and by SKR's question
 * text, in NFD and mixed case with a trailing '.', a response id, and
 * Excel's empty rows at the end.
 */
static void
test_csv_headers(void **state)
{
	static const char text[] =
	    "\xef\xbb\xbfSvarsid;Enhet;\xc3\x85R ;"
	    "MITT ARBETE KA\xcc\x88NNS MENINGSFULLT.;"
	    "Jag la\xcc\x88r nytt och utvecklas i mitt dagliga arbete;"
	    "Jag ser fram emot att g\xc3\xa5 till arbetet;"
	    "Min n\xc3\xa4rmaste chef visar uppskattning f\xc3\xb6r mina "
	    "arbetsinsatser;"
	    "Min n\xc3\xa4rmaste chef visar f\xc3\xb6rtroende f\xc3\xb6r mig "
	    "som medarbetare;"
	    "Min n\xc3\xa4rmaste chef ger mig f\xc3\xb6ruts\xc3\xa4ttningar "
	    "att ta ansvar i mitt arbete;"
	    "Jag \xc3\xa4r insatt i min arbetsplats m\xc3\xa5l;"
	    "Min arbetsplats m\xc3\xa5l f\xc3\xb6ljs upp och utv\xc3\xa4rderas "
	    "p\xc3\xa5 ett bra s\xc3\xa4tt;"
	    "Jag vet vad som f\xc3\xb6rv\xc3\xa4ntas av mig i mitt arbete.\r\n"
	    "1;Vård;2021;5;4;5;4;5;5;4;3;2\r\n"
	    "2;Vård;2021;4;;5;4;5;5;4;4;4\r\n"
	    ";;;;;;;;;;;\r\n"
	    ";;;;;;;;;;;\r\n";
	struct hme_input in;
	struct hme_tally *t;
	struct tuff_error e;
	const struct hme_score *sc;
	size_t n;

	(void)state;
	if (read_csv_text(text, NULL, &t, &in, &e) != 0)
		fail_msg("%lu:%lu: %s", e.line, e.column, e.msg);
	assert_int_equal(in.responses, 2);
	sc = scores(t, &n);
	assert_int_equal(n, 1);
	assert_int_equal(sc->answered[1], 1);
	/* s2 is "följs upp", third from the end: 3 and 4. */
	assert_int_equal(sc->dist[7][2], 1);
	assert_int_equal(sc->dist[7][3], 1);
	assert_int_equal(sc->dist[8][1], 1);
	hme_input_free(&in);
	hme_tally_free(t);
}

static void
expect_csv_error(const char *text, const char *const *columns,
    unsigned long line, unsigned long column, const char *msg)
{
	struct hme_input in;
	struct hme_tally *t;
	struct tuff_error e;

	assert_int_equal(read_csv_text(text, columns, &t, &in, &e), -1);
	if (e.line != line || e.column != column || strstr(e.msg, msg) == NULL)
		fail_msg("got %lu:%lu: %s", e.line, e.column, e.msg);
	hme_input_free(&in);
	hme_tally_free(t);
}

#define HDR	"unit,period,m1,m2,m3,l1,l2,l3,s1,s2,s3"

static void
test_csv_errors(void **state)
{
	static const char *const cols[] = { "unit=Avdelning", NULL };
	struct hme_input in;
	struct hme_tally *t;
	struct tuff_error e;

	(void)state;
	expect_csv_error("", NULL, 0, 0, "the file is empty");
	expect_csv_error("Enhet,Arbetsplats,period,m1,m2,m3,l1,l2,l3,s1,s2,s3"
	    "\n", NULL, 1, 7, "two columns match unit: \"Enhet\" (column 1) "
	    "and \"Arbetsplats\" (column 2)");
	/* Every missing column is reported; the last one is in e. */
	expect_csv_error("unit,period,m1,m2,m3,l1,l2,l3,s1\n", NULL, 1, 1,
	    "no column for s3");
	expect_csv_error("Enhet," HDR "\n", cols, 1, 1,
	    "no column is headed \"Avdelning\", given for unit with "
	    "--column");
	expect_csv_error("id," HDR "\n7,A,2020,1,1,1,1,1,1,1,1,1\n"
	    "7,A,2020,1,1,1,1,1,1,1,1,1\n", NULL, 3, 1,
	    "response id \"7\" is given twice (first at x.csv:2:1)");
	expect_csv_error(HDR "\nA,2020,03,1,1,1,1,1,1,1,1\n", NULL, 2, 8,
	    "answer to m1 must be 1..5 or empty, not \"03\"; write it "
	    "without leading zeros");
	/* A header row and no responses: no error. */
	assert_int_equal(read_csv_text(HDR "\n,,,,,,,,,,\n", NULL, &t, &in,
	    &e), 0);
	assert_int_equal(in.responses, 0);
	hme_input_free(&in);
	hme_tally_free(t);
	/* One header for two columns is a usage error. */
	hme_input_init(&in, NULL);
	assert_int_equal(hme_input_column(&in, "unit=Enhet"), 0);
	assert_int_equal(hme_input_column(&in, "period=enhet."), -2);
	assert_int_equal(hme_input_column(&in, "x1=A"), -1);
	assert_int_equal(hme_input_column(&in, "m1="), -1);
}

/* The CSV output, read back with the CSV reader, both variants. */
static void
test_csv_output(void **state)
{
	static const unsigned char a[HME_NITEMS] = { 5, 4, 5, 4, 5, 5, 4, 4, 5 };
	struct hme_config cf = { HME_BY_UNIT_PERIOD, 0, 0, 5, HME_METHOD_ITEM };
	struct hme_tally *t;
	struct hme_input in;
	const struct hme_score *sc;
	struct csv_reader *cr;
	struct csv_row row;
	struct tuff_error e;
	char *buf;
	size_t size, n;
	FILE *out, *fp;
	int sv;

	(void)state;
	for (sv = 0; sv < 2; sv++) {
		t = hme_tally_new(&cf);
		hme_input_init(&in, t);
		add(t, "Kommun; \"Vård\"", "2018", 5, a);
		add(t, "Kommun/Skola", "2018", 2, a);
		sc = scores(t, &n);
		buf = NULL;
		out = open_memstream(&buf, &size);
		hme_write_csv(out, &cf, &in, sc, n, 1, sv);
		fclose(out);
		if (sv)
			assert_memory_equal(buf, "\xef\xbb\xbfkind;unit;", 13);
		else
			assert_memory_equal(buf, "kind,unit,", 10);
		assert_true(strstr(buf, sv ? "\r\n" : "\n") != NULL);
		assert_null(strstr(buf, sv ? "88.9" : "88,9"));
		fp = mem_file(buf, size);
		cr = csv_reader_new(fp, "out.csv");
		assert_int_equal(csv_read_row(cr, &row, &e), 1);
		assert_int_equal(csv_delimiter(cr), sv ? ';' : ',');
		assert_int_equal(row.n, 17);
		assert_string_equal(row.fields[5].s, "index");
		assert_string_equal(row.fields[12].s, "distribution.1");
		/* First the suppressed group: empty figures, "true". */
		assert_int_equal(csv_read_row(cr, &row, &e), 1);
		assert_string_equal(row.fields[0].s, "hme-score");
		assert_string_equal(row.fields[1].s, "Kommun/Skola");
		assert_string_equal(row.fields[4].s, "true");
		assert_string_equal(row.fields[5].s, "");
		assert_string_equal(row.fields[6].s, "");
		/* Then, after its nine items, the quoted unit: its name
		 * back, and 88.9. */
		for (n = 0; n < 10; n++)
			assert_int_equal(csv_read_row(cr, &row, &e), 1);
		assert_string_equal(row.fields[0].s, "hme-score");
		assert_string_equal(row.fields[1].s, "Kommun; \"Vård\"");
		assert_string_equal(row.fields[5].s, sv ? "88,9" : "88.9");
		assert_string_equal(row.fields[4].s, "");
		/* Its first item: m1, five 5s. */
		assert_int_equal(csv_read_row(cr, &row, &e), 1);
		assert_string_equal(row.fields[0].s, "hme-item");
		assert_string_equal(row.fields[9].s, "m1");
		assert_string_equal(row.fields[16].s, "5");
		assert_string_equal(row.fields[5].s, sv ? "100,0" : "100.0");
		csv_reader_free(cr);
		fclose(fp);
		free(buf);
		hme_input_free(&in);
		hme_tally_free(t);
	}
}

/*
 * Run hme_run over text in a temporary file, into another; returns
 * what it wrote (NULL when it wrote nothing) and the status in *rc.
 */
static char *
run_on(const struct hme_run_conf *c, const char *text, int *rc)
{
	char in[] = "/tmp/tuff-hme-in-XXXXXX", *argv[] = { in, NULL };
	char out[] = "/tmp/tuff-hme-out-XXXXXX";

	temp_file(in, text);
	temp_file(out, NULL);
	*rc = hme_run(c, 1, argv, out);
	unlink(in);
	return take_file(out);
}

#define ALL4	"kind: hme-response\nunit: A\nperiod: 2020\n" \
		"answers: [4, 4, 4, 4, 4, 4, 4, 4, 4]\n"

/* Five responses, after a record of another kind with comments. */
static const char five[] = "# kommentar\nkind: challenge # som skrivet\n"
	"---\n" ALL4 "---\n" ALL4 "---\n" ALL4 "---\n" ALL4 "---\n" ALL4;

static void
test_run(void **state)
{
	struct hme_run_conf c;
	char *got;
	int rc;

	(void)state;
	memset(&c, 0, sizeof(c));
	c.cf.min_group = HME_DEFAULT_MIN_GROUP;
	hme_input_init(&c.in, NULL);
	/* The other record passes on as read, the score after it. */
	got = run_on(&c, five, &rc);
	assert_int_equal(rc, TUFF_OK);
	assert_non_null(got);
	assert_string_equal(got, "# kommentar\n---\n"
	    "kind: challenge # som skrivet\n---\nkind: hme-score\n"
	    "unit: A\nperiod: 2020\nrespondents: 5\nindex: 75.0\n"
	    "motivation: 75.0\nleadership: 75.0\ngovernance: 75.0\n");
	free(got);
	/* The run leaves conf as it was: a second run scores alike. */
	assert_null(c.in.tally);
	assert_null(c.in.ids);
	c.format = HME_FORMAT_CSV;
	got = run_on(&c, five, &rc);
	assert_int_equal(rc, TUFF_OK);
	assert_non_null(got);
	assert_non_null(strstr(got, "\nhme-score,A,2020,5,,75.0,75.0,75.0,"
	    "75.0\n"));
	free(got);
	/* An invalid response fails the run, which writes nothing. */
	got = run_on(&c, ALL4 "---\nkind: hme-response\nunit: A\n", &rc);
	assert_int_equal(rc, TUFF_ERR);
	assert_null(got);
	/* With skip_invalid it is counted, in a summary at the end. */
	c.in.skip_invalid = 1;
	c.format = HME_FORMAT_YAML;
	got = run_on(&c, ALL4 "---\nkind: hme-response\nunit: A\n", &rc);
	assert_int_equal(rc, TUFF_OK);
	assert_non_null(got);
	assert_non_null(strstr(got, "kind: hme-summary\nresponses: 1\n"
	    "skipped: 1\n"));
	free(got);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_items),
		cmocka_unit_test(test_checks),
		cmocka_unit_test(test_subindex_rounding),
		cmocka_unit_test(test_total),
		cmocka_unit_test(test_mean_nine),
		cmocka_unit_test(test_unit_order),
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_methods),
		cmocka_unit_test(test_min_group),
		cmocka_unit_test(test_grouping_and_order),
		cmocka_unit_test(test_nfc_units),
		cmocka_unit_test(test_rollup_sums),
		cmocka_unit_test(test_suppression_random),
		cmocka_unit_test(test_suppression_pooled),
		cmocka_unit_test(test_trend),
		cmocka_unit_test(test_many_groups),
		cmocka_unit_test(test_read_paths),
		cmocka_unit_test(test_read_errors),
		cmocka_unit_test(test_read_tagged_int),
		cmocka_unit_test(test_paths_differential),
		cmocka_unit_test(test_csv_headers),
		cmocka_unit_test(test_csv_errors),
		cmocka_unit_test(test_csv_output),
		cmocka_unit_test(test_run),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
