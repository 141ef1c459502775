/*
 * Unit tests for a run of tuff-journey (journey_run): each mode over
 * one small stream, records of other kinds passed on or counted, and a
 * refused journey failing the run without writing anything.  The run
 * reads and writes files by name, so the tests use temporary files;
 * what it says on standard error is caught in one too.
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

#include "tuff/journey_run.h"
#include "tuff/run.h"
#include "util.h"

/* Two journeys, b the worse, with a record of another kind between. */
static const char two[] =
    "kind: journey\nid: a\ntitle: A\nsteps:\n"
    "  - action: X\n    minutes: 5\n"
    "---\nkind: other\nx: 1\n"
    "---\nkind: journey\nid: b\ntitle: B\nsteps:\n"
    "  - action: Y\n    pain: slow\n    score: 2\n"
    "  - action: Z\n    actor: nurse\n";

/* What one run of journey_run writes, and says on standard error. */
struct result {
	int	 rc;
	char	*out;		/* NULL: no output file */
	char	*err;
};

static struct result
run(const struct journey_run_conf *c, const char *text)
{
	char in[] = "/tmp/tuff-jrun-in-XXXXXX";
	char out[] = "/tmp/tuff-jrun-out-XXXXXX";
	char *argv[] = { in, NULL };
	struct capture caught;
	struct result res;

	temp_file(in, text);
	temp_file(out, NULL);	/* made only by a run that succeeds */
	capture_start(&caught);
	res.rc = journey_run(c, 1, argv, out);
	capture_stop(&caught);
	res.out = take_file(out);
	res.err = caught.text;
	unlink(in);
	return res;
}

static void
result_free(struct result *res)
{
	free(res->out);
	free(res->err);
}

/* Where s is in text, which must hold it. */
static const char *
at(const char *text, const char *s)
{
	const char *p = strstr(text, s);

	if (p == NULL)
		fail_msg("\"%s\" not in:\n%s", s, text);
	return p;
}

/* The default: journeys get their metrics, other records pass on. */
static void
test_enrich(void **state)
{
	struct journey_run_conf c = { JOURNEY_YAML, 0, 0, JOURNEY_FRICTION };
	struct result res = run(&c, two);

	(void)state;
	assert_int_equal(res.rc, TUFF_OK);
	assert_non_null(res.out);
	assert_true(at(res.out, "id: a\n") < at(res.out, "  minutes: 5\n"));
	assert_true(at(res.out, "  minutes: 5\n") <
	    at(res.out, "kind: other\nx: 1\n"));
	assert_true(at(res.out, "kind: other\n") < at(res.out, "id: b\n"));
	at(res.out, "  friction: 3\n");
	assert_string_equal(res.err, "");
	result_free(&res);
}

/* Challenges come after the other records, worst first. */
static void
test_challenges(void **state)
{
	struct journey_run_conf c = { JOURNEY_YAML, 1, 0, JOURNEY_FRICTION };
	struct result res;

	(void)state;
	res = run(&c, two);
	assert_int_equal(res.rc, TUFF_OK);
	assert_true(at(res.out, "kind: other\n") <
	    at(res.out, "kind: challenge\n"));
	assert_true(at(res.out, "journey: b\n") <
	    at(res.out, "journey: a\n"));
	assert_null(strstr(res.out, "kind: journey"));
	result_free(&res);

	/* By minutes, a is the worse. */
	c.ranked = 1;
	c.rank = JOURNEY_MINUTES;
	res = run(&c, two);
	assert_int_equal(res.rc, TUFF_OK);
	assert_true(at(res.out, "journey: a\n") <
	    at(res.out, "journey: b\n"));
	result_free(&res);
}

/* The table: rows as read unless ranked; the other record is counted. */
static void
test_table(void **state)
{
	struct journey_run_conf c = { JOURNEY_TABLE, 0, 0, JOURNEY_FRICTION };
	struct result res;

	(void)state;
	res = run(&c, two);
	assert_int_equal(res.rc, TUFF_OK);
	assert_true(at(res.out, "id  steps") < at(res.out, "\na  "));
	assert_true(at(res.out, "\na  ") < at(res.out, "\nb  "));
	assert_null(strstr(res.out, "other"));
	at(res.err, "warning: 1 record of another kind is not shown in the "
	    "table\n");
	result_free(&res);

	c.ranked = 1;
	res = run(&c, two);
	assert_int_equal(res.rc, TUFF_OK);
	assert_true(at(res.out, "\nb  ") < at(res.out, "\na  "));
	result_free(&res);
}

/* Diagrams: one block per journey, a blank line between them. */
static void
test_mermaid(void **state)
{
	struct journey_run_conf c = { JOURNEY_MERMAID, 0, 0,
	    JOURNEY_FRICTION };
	struct result res = run(&c, two);

	(void)state;
	assert_int_equal(res.rc, TUFF_OK);
	assert_int_equal(strncmp(res.out, "```mermaid\njourney\n", 19), 0);
	assert_true(at(res.out, "title A\n") <
	    at(res.out, "```\n\n```mermaid\n"));
	assert_true(at(res.out, "```\n\n```mermaid\n") <
	    at(res.out, "title B\n"));
	at(res.err, "warning: 1 record of another kind is not shown in the "
	    "diagrams\n");
	result_free(&res);
}

/*
 * A refused journey fails the run and nothing is written; every bad
 * journey is named, the duplicate id with where the first was.
 */
static void
test_refused(void **state)
{
	struct journey_run_conf c = { JOURNEY_YAML, 0, 0, JOURNEY_FRICTION };
	struct result res;
	char *text;

	(void)state;
	assert_non_null(text = malloc(sizeof(two) * 2 + 64));
	strcpy(text, "kind: journey\nid: Bad\ntitle: T\nsteps:\n"
	    "  - action: A\n---\n");
	strcat(text, two);
	strcat(text, "\n---\n");
	strcat(text, two);
	res = run(&c, text);
	assert_int_equal(res.rc, TUFF_ERR);
	assert_null(res.out);
	assert_true(at(res.err, ":2:5: error: id: \"Bad\"") <
	    at(res.err, ":29:5: error: id: duplicate id \"a\"; first used "
	    "at "));
	assert_true(at(res.err, "duplicate id \"a\"") <
	    at(res.err, ":39:5: error: id: duplicate id \"b\""));
	result_free(&res);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_enrich),
		cmocka_unit_test(test_challenges),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_mermaid),
		cmocka_unit_test(test_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
