/*
 * Unit tests for tuff-report's library: Swedish numbers, the day the
 * report looks from and the days counted to it, the same record twice,
 * and the same file named twice.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "report_int.h"
#include "tuff/inputs.h"
#include "tuff/record.h"

#include "util.h"

/* A report of every record in yaml; report_finish's result in *rc. */
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
	while (tuff_reader_next(rd, &doc, e) == 1)
		if (report_add(r, doc, e) == -1)
			fail_msg("%lu:%lu: %s", e->line, e->column, e->msg);
	tuff_reader_free(rd);
	fclose(fp);
	*rc = report_finish(r, e);
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
	    "t.yaml:4)");
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

static void
test_inputs(void **state)
{
	char dir[] = "/tmp/tuff-inputs-XXXXXX", a[64], b[64], c[64];
	char *argv[4];
	struct tuff_error e;
	FILE *fp;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(a, sizeof(a), "%s/a.yaml", dir);
	snprintf(b, sizeof(b), "%s/b.yaml", dir);
	snprintf(c, sizeof(c), "%s/c.yaml", dir);
	assert_non_null(fp = fopen(a, "w"));
	fclose(fp);
	assert_non_null(fp = fopen(b, "w"));
	fclose(fp);
	assert_int_equal(link(a, c), 0);
	argv[0] = a;
	argv[1] = b;
	assert_int_equal(tuff_inputs_distinct(2, argv, &e), 0);
	argv[2] = "/no/such/file";
	assert_int_equal(tuff_inputs_distinct(3, argv, &e), 0);
	argv[2] = c;			/* a hard link to a */
	assert_int_equal(tuff_inputs_distinct(3, argv, &e), -1);
	assert_string_equal(e.file, c);
	argv[0] = "-";
	argv[1] = b;
	argv[2] = "-";
	assert_int_equal(tuff_inputs_distinct(3, argv, &e), -1);
	assert_null(e.file);
	unlink(a);
	unlink(b);
	unlink(c);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_as_of),
		cmocka_unit_test(test_twice),
		cmocka_unit_test(test_inputs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
