/*
 * Unit tests for tuff-report's library: Swedish numbers, the day the
 * report looks from and the days counted to it, the same record twice.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "report_int.h"
#include "tuff/record.h"
#include "tuff/schema.h"

#include "util.h"

/* A report of every record in yaml; 0 in *rc, or -1 when one was refused. */
static struct report *
report_of(const char *yaml, const struct report_opts *o, int *rc,
    struct tuff_error *e)
{
	struct tuff_reader *rd;
	struct tuff_doc *doc;
	struct report *r;
	FILE *fp = mem_file(yaml, strlen(yaml));

	r = report_new(o);
	assert_non_null(r);
	rd = tuff_reader_new(fp, "t.yaml");
	assert_non_null(rd);
	*rc = 0;
	while (*rc == 0 && tuff_reader_next(rd, &doc, e) == 1)
		*rc = report_add(r, doc, e);
	tuff_reader_free(rd);
	fclose(fp);
	if (*rc == 0)
		report_finish(r);
	return r;
}

static void
test_numbers(void **state)
{
	struct report_opts o = { .within = 31 };
	struct report *r = report_new(&o);

	(void)state;
	assert_string_equal(rp_dec(r, 820), "82,0");
	assert_string_equal(rp_dec(r, 5), "0,5");
	assert_string_equal(rp_dec(r, -31), "\xe2\x88\x92" "3,1");
	assert_string_equal(rp_change(r, 265), "+26,5");
	assert_string_equal(rp_change(r, -1), "\xe2\x88\x92" "0,1");
	assert_string_equal(rp_change(r, 0), "\xc2\xb1" "0,0");
	assert_string_equal(rp_count(r, 1, P_DAYS), "1 dag");
	assert_string_equal(rp_count(r, 17, P_DAYS), "17 dagar");
	assert_string_equal(rp_count(r, 0, P_DAYS), "0 dagar");
	assert_string_equal(rp_count(r, 1, P_ASSIGNMENTS), "1 uppdrag");
	assert_string_equal(rp_count(r, 3, P_ASSIGNMENTS), "3 uppdrag");
	assert_string_equal(rp_count(r, 2, P_WARNINGS), "2 varningar");
	assert_string_equal(rp_date(r, tuff_date_from_ymd(2021, 4, 1)),
	    "2021-04-01");
	{
		const char *three[] = { "a", "b", "c" };
		assert_string_equal(rp_join(r, three, 3), "a, b och c");
		assert_string_equal(rp_join(r, three, 1), "a");
		assert_string_equal(rp_join(r, three, 0), "");
	}
	report_free(r);
}

static const char month[] =
    "kind: follow-up\nassignment: U-1\nas_of: 2021-04-01\n"
    "due: 2021-03-15\noverdue_days: 17\n"
    "open_obstacles:\n- obstacle: O\n  age_days: 10\n"
    "---\n"
    "kind: follow-up\nassignment: U-2\nas_of: 2021-03-31\n";

static void
test_as_of(void **state)
{
	struct report_opts o = { .within = 31 };
	struct tuff_error e;
	struct report *r;
	const struct rp_item *it;
	int rc;

	(void)state;
	/* The latest of the follow-ups' days, and the days as written. */
	r = report_of(month, &o, &rc, &e);
	assert_int_equal(rc, 0);
	assert_int_equal(r->as_of, tuff_date_from_ymd(2021, 4, 1));
	it = r->items[RP_DUE].v;
	assert_int_equal(r->items[RP_DUE].n, 1);
	assert_true(it->known);
	assert_int_equal(it->days, 17);
	it = r->items[RP_OBSTACLE].v;
	assert_int_equal(it->days, 10);
	report_free(r);

	/* Ten days later: from the date where there is one, from the
	 * count and the record's as_of where there is not. */
	o.has_as_of = 1;
	o.as_of = tuff_date_from_ymd(2021, 4, 11);
	r = report_of(month, &o, &rc, &e);
	assert_int_equal(rc, 0);
	it = r->items[RP_DUE].v;
	assert_int_equal(it->days, 27);
	it = r->items[RP_OBSTACLE].v;
	assert_false(it->has_date);
	assert_int_equal(it->days, 20);
	report_free(r);
}

static void
test_twice(void **state)
{
	struct report_opts o = { .within = 31 };
	struct tuff_error e;
	struct report *r;
	int rc;

	(void)state;
	/* The first record met twice is named, at its second place. */
	r = report_of("kind: hme-score\nunit: A\nperiod: 2021\n---\n"
	    "kind: journey\nid: j\ntitle: T\nsteps: [{action: a}]\n---\n"
	    "kind: journey\nid: j\ntitle: T\nsteps: [{action: a}]\n---\n"
	    "kind: hme-score\nunit: A\nperiod: 2021\n", &o, &rc, &e);
	assert_int_equal(rc, -1);
	assert_int_equal(e.line, 9);
	assert_string_equal(e.msg, "journey j is there twice (first at "
	    "t.yaml:4:1)");
	report_free(r);

	/* Not the same: another period, another kind with the id, a
	 * decision without id twice. */
	r = report_of("kind: hme-score\nunit: A\nperiod: 2021\n---\n"
	    "kind: hme-score\nunit: A\nperiod: 2021-01\n---\n"
	    "kind: journey\nid: j\ntitle: T\nsteps: [{action: a}]\n---\n"
	    "kind: challenge\nid: j\ntitle: T\nmetrics: {friction: 1}\n---\n"
	    "kind: tbls-profile\nrecord_kind: decision\npassed: 0\n"
	    "checked: 0\nprinciples: {}\n---\n"
	    "kind: tbls-profile\nrecord_kind: decision\npassed: 0\n"
	    "checked: 0\nprinciples: {}\n", &o, &rc, &e);
	assert_int_equal(rc, 0);
	report_free(r);
}

/* Past the index's first sizes: none taken for another, the twin found. */
static void
test_twice_many(void **state)
{
	struct report_opts o = { .within = 31 };
	struct tuff_error e;
	struct report *r;
	char *yaml, *p, *twin;
	size_t i, n = 1000, size = n * 64;
	int rc;

	(void)state;
	assert_non_null(p = yaml = malloc(size));
	for (i = 0; i < n; i++)
		p += sprintf(p, "kind: hme-score\nunit: E%zu\nperiod: 2021\n"
		    "---\n", i);
	twin = p;
	p += sprintf(p, "kind: hme-score\nunit: E%zu\nperiod: 2021\n",
	    n - 1);
	r = report_of(yaml, &o, &rc, &e);
	assert_int_equal(rc, -1);
	assert_int_equal(e.line, 4 * n);	/* at its "---" */
	assert_string_equal(e.msg, "the hme-score of E999, 2021 is there twice "
	    "(first at t.yaml:3996:1)");
	report_free(r);
	twin[-4] = '\0';		/* the twin and its "---" gone */
	r = report_of(yaml, &o, &rc, &e);
	assert_int_equal(rc, 0);
	report_free(r);
	free(yaml);
}

/* Every kind the report reads has its keys in the one table, for typos. */
static void
test_kinds_known(void **state)
{
	static const char *const kinds[] = { "follow-up", "finding",
	    "tbls-profile", "hme-score", "hme-item", "journey", "challenge" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		assert_int_equal(tuff_schema_is_kind(kinds[i],
		    strlen(kinds[i])), 1);
		assert_non_null(tuff_schema_place(kinds[i]));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_as_of),
		cmocka_unit_test(test_twice),
		cmocka_unit_test(test_twice_many),
		cmocka_unit_test(test_kinds_known),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
