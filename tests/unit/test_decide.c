/*
 * Unit tests for decisions and assignments: the numbering of B- and
 * U- ids, the delegation order (built in and read from a file), the
 * validation of records, the assignment template, the follow-up window,
 * a whole run through decide_scan and decide_emit, and the run as the
 * command line asks for it (decide_run), over files.
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

#include "tuff/decide.h"
#include "tuff/diag.h"
#include "tuff/record.h"

#include "util.h"

/* Write a record to a string the caller frees. */
static char *
yaml_of(const struct tuff_node *root)
{
	struct tuff_writer *w;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	w = tuff_writer_new(fp);
	assert_int_equal(tuff_write_doc(w, root), 0);
	assert_int_equal(tuff_writer_close(w), 0);
	tuff_writer_free(w);
	fclose(fp);
	return buf;
}

static tuff_day
day(const char *s)
{
	tuff_day d;

	assert_int_equal(tuff_date_parse(s, strlen(s), &d), 0);
	return d;
}

/* Keep the first problem decide_check_options reports. */
static void
keep_first(const struct tuff_error *e, void *arg)
{
	struct tuff_error *first = arg;

	if (first->msg[0] == '\0')
		*first = *e;
}

/* decide_check_options: 0, or -1 with the first problem in e. */
static int
check_options(struct decide *d, struct tuff_error *e)
{
	memset(e, 0, sizeof(*e));
	return decide_check_options(d, keep_first, e) > 0 ? -1 : 0;
}

static void
test_id_parse(void **state)
{
	int year;
	long n;

	(void)state;
	assert_int_equal(decide_id_parse("B-2020-003", 'B', &year, &n), 0);
	assert_int_equal(year, 2020);
	assert_int_equal(n, 3);
	assert_int_equal(decide_id_parse("U-2021-1234", 'U', &year, &n), 0);
	assert_int_equal(n, 1234);
	assert_int_equal(decide_id_parse("U-0000-000", 'U', &year, &n), 0);
	assert_int_equal(year, 0);
	assert_int_equal(n, 0);
	assert_int_equal(decide_id_parse("B-2020-999999999", 'B', &year, &n),
	    0);
	assert_int_equal(n, 999999999);
	/* Wrong letter, too few or too many digits, anything else. */
	assert_int_equal(decide_id_parse("B-2020-003", 'U', &year, &n), -1);
	assert_int_equal(decide_id_parse("B-2020-03", 'B', &year, &n), -1);
	assert_int_equal(decide_id_parse("B-2020-1000000000", 'B', &year, &n),
	    -1);
	assert_int_equal(decide_id_parse("B-20-003", 'B', &year, &n), -1);
	assert_int_equal(decide_id_parse("B-20200-003", 'B', &year, &n), -1);
	assert_int_equal(decide_id_parse("b-2020-003", 'B', &year, &n), -1);
	assert_int_equal(decide_id_parse("B_2020_003", 'B', &year, &n), -1);
	assert_int_equal(decide_id_parse("B-2020-+03", 'B', &year, &n), -1);
	assert_int_equal(decide_id_parse("B-2020-003 ", 'B', &year, &n), -1);
	assert_int_equal(decide_id_parse("SN 2020/123", 'B', &year, &n), -1);
	assert_int_equal(decide_id_parse("", 'B', &year, &n), -1);
	assert_int_equal(decide_id_parse(NULL, 'B', &year, &n), -1);
}

static void
test_numbering(void **state)
{
	struct decide_numbers *nums = decide_numbers_new();
	char buf[DECIDE_ID_LEN];

	(void)state;
	assert_non_null(nums);
	/* Nothing seen: the first of the year. */
	assert_int_equal(decide_numbers_next(nums, 'B', 2020, buf), 0);
	assert_string_equal(buf, "B-2020-001");
	/* After the highest seen, in any order; others are ignored. */
	decide_numbers_see(nums, "B-2020-007");
	decide_numbers_see(nums, "B-2020-004");
	decide_numbers_see(nums, "B-2019-042");
	decide_numbers_see(nums, "U-2020-003");
	decide_numbers_see(nums, "X-2020-100");
	decide_numbers_see(nums, "B-2020-07");
	decide_numbers_see(nums, "rullstol");
	assert_int_equal(decide_numbers_next(nums, 'B', 2020, buf), 0);
	assert_string_equal(buf, "B-2020-008");
	assert_int_equal(decide_numbers_next(nums, 'B', 2020, buf), 0);
	assert_string_equal(buf, "B-2020-009");
	/* Decisions and assignments count apart, and so do years. */
	assert_int_equal(decide_numbers_next(nums, 'U', 2020, buf), 0);
	assert_string_equal(buf, "U-2020-004");
	assert_int_equal(decide_numbers_next(nums, 'U', 2021, buf), 0);
	assert_string_equal(buf, "U-2021-001");
	assert_int_equal(decide_numbers_next(nums, 'B', 2019, buf), 0);
	assert_string_equal(buf, "B-2019-043");
	/* Past 999 the number grows a digit. */
	decide_numbers_see(nums, "B-2022-999");
	assert_int_equal(decide_numbers_next(nums, 'B', 2022, buf), 0);
	assert_string_equal(buf, "B-2022-1000");
	decide_numbers_see(nums, "B-2022-1000");
	assert_int_equal(decide_numbers_next(nums, 'B', 2022, buf), 0);
	assert_string_equal(buf, "B-2022-1001");
	/* The end of the numbers, and years out of range. */
	decide_numbers_see(nums, "B-2023-999999999");
	assert_int_equal(decide_numbers_next(nums, 'B', 2023, buf), -1);
	assert_int_equal(decide_numbers_next(nums, 'B', 10000, buf), -1);
	assert_int_equal(decide_numbers_next(nums, 'B', -1, buf), -1);
	assert_int_equal(decide_numbers_next(nums, 'X', 2020, buf), -1);
	assert_int_equal(decide_numbers_next(nums, 'B', 0, buf), 0);
	assert_string_equal(buf, "B-0000-001");
	decide_numbers_free(nums);
}

static void
test_default_delegation(void **state)
{
	struct decide_delegation *d = decide_delegation_default();
	char list[256];
	long above;

	(void)state;
	assert_non_null(d);
	assert_int_equal(decide_nroles(d), 6);
	assert_int_equal(decide_role(d, "enhetschef"), 0);
	assert_int_equal(decide_role(d, "sektionschef"), 1);
	assert_int_equal(decide_role(d, "avdelningschef"), 2);
	assert_int_equal(decide_role(d, "socialchef"), 3);
	assert_int_equal(decide_role(d, "ordforande"), 4);
	assert_int_equal(decide_role(d, "namnd"), 5);
	assert_int_equal(decide_role(d, "ordförande"), 4);
	assert_int_equal(decide_role(d, "nämnd"), 5);
	assert_int_equal(decide_role(d, "Socialchef"), 3);
	assert_int_equal(decide_role(d, "SOCIALCHEF"), 3);
	assert_int_equal(decide_role(d, "N\xc3\x84MND"), 5);
	assert_int_equal(decide_role(d, "na\xcc\x88mnd"), 5);
	assert_int_equal(decide_role(d, "socialchefen"), -1);
	assert_int_equal(decide_role(d, ""), -1);
	assert_string_equal(decide_role_name(d, 5), "namnd");
	assert_null(decide_role_name(d, 6));
	assert_null(decide_role_name(d, -1));
	assert_string_equal(decide_role_list(d, list, sizeof(list)),
	    "enhetschef, sektionschef, avdelningschef, socialchef, "
	    "ordforande, namnd");
	assert_string_equal(decide_role_list(d, list, 12), "enhetschef,");
	assert_int_equal(decide_needs(d, DECIDE_REJECT, -1, &above), 1);
	assert_int_equal(above, -1);
	assert_int_equal(decide_needs(d, DECIDE_DEFER, -1, &above), 1);
	assert_int_equal(decide_needs(d, DECIDE_ASSIGN, -1, &above), 2);
	/* "Above": 500000 itself is still the avdelningschef's. */
	assert_int_equal(decide_needs(d, DECIDE_ASSIGN, 500000, &above), 2);
	assert_int_equal(above, -1);
	assert_int_equal(decide_needs(d, DECIDE_ASSIGN, 500001, &above), 3);
	assert_int_equal(above, 500000);
	assert_int_equal(decide_needs(d, DECIDE_ASSIGN, 5000000, &above), 3);
	assert_int_equal(decide_needs(d, DECIDE_ASSIGN, 5000001, &above), 5);
	assert_int_equal(above, 5000000);
	assert_int_equal(decide_needs(d, DECIDE_REJECT, 600000, &above), 3);
	decide_delegation_free(d);
}

static void
test_permit(void **state)
{
	struct decide_delegation *d = decide_delegation_default();
	char msg[256];

	(void)state;
	assert_int_equal(decide_permit(d, 2, DECIDE_ASSIGN, -1, msg,
	    sizeof(msg)), 0);
	assert_int_equal(decide_permit(d, 1, DECIDE_DEFER, -1, msg,
	    sizeof(msg)), 0);
	assert_int_equal(decide_permit(d, 5, DECIDE_ASSIGN, 999999999, msg,
	    sizeof(msg)), 0);
	assert_int_equal(decide_permit(d, 1, DECIDE_ASSIGN, -1, msg,
	    sizeof(msg)), -1);
	assert_string_equal(msg, "sektionschef may not assign; that needs "
	    "avdelningschef or above");
	assert_int_equal(decide_permit(d, 0, DECIDE_REJECT, -1, msg,
	    sizeof(msg)), -1);
	assert_string_equal(msg, "enhetschef may not reject; that needs "
	    "sektionschef or above");
	assert_int_equal(decide_permit(d, 2, DECIDE_ASSIGN, 750000, msg,
	    sizeof(msg)), -1);
	assert_string_equal(msg, "avdelningschef may not decide on cost_sek "
	    "750000 (above 500000); that needs socialchef or above");
	assert_int_equal(decide_permit(d, 4, DECIDE_ASSIGN, 6000000, msg,
	    sizeof(msg)), -1);
	assert_string_equal(msg, "ordforande may not decide on cost_sek "
	    "6000000 (above 5000000); that needs namnd or above");
	/* The outcome is the higher need: the message names it. */
	assert_int_equal(decide_permit(d, 0, DECIDE_ASSIGN, 100, msg,
	    sizeof(msg)), -1);
	assert_string_equal(msg, "enhetschef may not assign; that needs "
	    "avdelningschef or above");
	decide_delegation_free(d);
}

/* Read a delegation file from text: 0 and *d, or -1 and e. */
static int
read_deleg(const char *yaml, struct decide_delegation **d,
    struct tuff_error *e)
{
	FILE *fp = fmemopen((void *)(uintptr_t)yaml, strlen(yaml), "r");
	int rc;

	assert_non_null(fp);
	*d = NULL;
	rc = decide_delegation_read(fp, "deleg.yaml", d, e);
	fclose(fp);
	return rc;
}

/* The shipped examples/delegation.yaml, which must equal the default. */
static const char default_file[] =
    "kind: delegation\n"
    "roles: [enhetschef, sektionschef, avdelningschef, socialchef,\n"
    "  ordforande, namnd]\n"
    "aliases: {ordförande: ordforande, nämnd: namnd}\n"
    "reject: sektionschef\n"
    "defer: sektionschef\n"
    "assign: avdelningschef\n"
    "cost_sek:\n"
    "  - {above: 500000, needs: socialchef}\n"
    "  - {above: 5000000, needs: namnd}\n";

static void
test_read_delegation(void **state)
{
	struct decide_delegation *d, *def = decide_delegation_default();
	struct tuff_error e;
	char a[256], b[256];
	long above, above2;
	long costs[] = { -1, 0, 500000, 500001, 5000000, 5000001 };
	size_t i;
	int o, r;

	(void)state;
	assert_int_equal(read_deleg(default_file, &d, &e), 0);
	assert_string_equal(decide_role_list(d, a, sizeof(a)),
	    decide_role_list(def, b, sizeof(b)));
	assert_int_equal(decide_role(d, "nämnd"), 5);
	for (o = 0; o < DECIDE_NOUTCOMES; o++)
		for (i = 0; i < sizeof(costs) / sizeof(costs[0]); i++) {
			assert_int_equal(decide_needs(d, o, costs[i], &above),
			    decide_needs(def, o, costs[i], &above2));
			assert_int_equal(above, above2);
			for (r = 0; r < 6; r++)
				assert_int_equal(decide_permit(d, r, o, costs[i],
				    a, sizeof(a)), decide_permit(def, r, o,
				    costs[i], b, sizeof(b)));
		}
	decide_delegation_free(d);

	/* A smaller organisation, without aliases or costs. */
	assert_int_equal(read_deleg("kind: delegation\n"
	    "roles: [rektor, skolchef, namnd]\n"
	    "reject: rektor\ndefer: rektor\nassign: skolchef\n", &d, &e), 0);
	assert_int_equal(decide_nroles(d), 3);
	assert_int_equal(decide_needs(d, DECIDE_ASSIGN, 99999999, &above), 1);
	assert_int_equal(decide_permit(d, 0, DECIDE_ASSIGN, -1, a,
	    sizeof(a)), -1);
	assert_string_equal(a, "rektor may not assign; that needs skolchef "
	    "or above");
	decide_delegation_free(d);
	decide_delegation_free(def);
}

static void
assert_deleg_error(const char *yaml, unsigned long line,
    unsigned long column, const char *msg)
{
	struct decide_delegation *d;
	struct tuff_error e;

	memset(&e, 0, sizeof(e));
	assert_int_equal(read_deleg(yaml, &d, &e), -1);
	assert_null(d);
	assert_string_equal(e.file, "deleg.yaml");
	assert_string_equal(e.msg, msg);
	assert_int_equal(e.line, line);
	assert_int_equal(e.column, column);
}

static void
test_delegation_errors(void **state)
{
	(void)state;
	assert_deleg_error("", 0, 0, "no delegation record");
	assert_deleg_error("kind: rules\n", 1, 7,
	    "expected a record of kind delegation");
	assert_deleg_error("kind: delegation\n", 1, 1,
	    "roles: required key is missing");
	assert_deleg_error("kind: delegation\nroles: []\n", 2, 8,
	    "roles: the list is empty");
	assert_deleg_error("kind: delegation\nroles: [a, b, a]\n", 2, 15,
	    "roles: a is there twice");
	assert_deleg_error("kind: delegation\nroles: [a, 12]\n", 2, 12,
	    "roles: expected a string, not 12 (put it in quotes to make it "
	    "text)");
	assert_deleg_error("kind: delegation\nroles: [a, '']\n", 2, 12,
	    "roles: is empty");
	assert_deleg_error("kind: delegation\nroles: [a, b]\n"
	    "reject: a\ndefer: a\n", 1, 1, "assign: required key is missing");
	assert_deleg_error("kind: delegation\nroles: [a, b]\n"
	    "assign: c\nreject: a\ndefer: a\n", 3, 9,
	    "assign: unknown role c (the roles are a, b)");
	assert_deleg_error("kind: delegation\nroles: [a, b]\n"
	    "aliases: {b: a}\n", 3, 11,
	    "aliases: b is already a role or an alias");
	assert_deleg_error("kind: delegation\nroles: [a, b]\n"
	    "aliases: {x: y}\n", 3, 14,
	    "aliases: unknown role y (the roles are a, b)");
	assert_deleg_error("kind: delegation\nroles: [a, b]\nassign: b\n"
	    "reject: a\ndefer: a\ncost_sek: [{above: -1, needs: b}]\n", 6, 20,
	    "above: expected an integer from 0 to 999999999999, not -1");
	assert_deleg_error("kind: delegation\nroles: [a, b]\nassign: b\n"
	    "reject: a\ndefer: a\ncost_sek: [{above: 1}]\n", 6, 12,
	    "needs: required key is missing");
	assert_deleg_error("kind: delegation\nroles: [a, b]\nassign: b\n"
	    "reject: a\ndefer: a\ncost_sek: [5]\n", 6, 12,
	    "cost_sek: expected a mapping with above and needs");
	assert_deleg_error("kind: delegation\nroles: [a]\nassign: a\n"
	    "reject: a\ndefer: a\n---\nkind: delegation\n", 6, 1,
	    "more than one record in a delegation file");
	assert_deleg_error("kind: delegation\nroles: [a\n", 3, 1,
	    "did not find expected ',' or ']' while parsing a flow sequence "
	    "at line 2, column 8");
}

/* A decision record's check: 0, or the message and position. */
static void
assert_decision(const char *yaml, unsigned long line, const char *msg)
{
	struct decide_delegation *d = decide_delegation_default();
	struct tuff_doc *doc = doc_of(yaml);
	struct tuff_error e;

	memset(&e, 0, sizeof(e));
	if (msg == NULL)
		assert_int_equal(decide_check_decision(d, doc, &e), 0);
	else {
		assert_int_equal(decide_check_decision(d, doc, &e), -1);
		assert_string_equal(e.msg, msg);
		assert_int_equal(e.line, line);
	}
	tuff_doc_free(doc);
	decide_delegation_free(d);
}

#define DEC	"kind: decision\ndate: 2020-11-19\n"

static void
test_check_decision(void **state)
{
	(void)state;
	assert_decision(DEC "decided_by: socialchef\nregarding: [rullstol]\n"
	    "outcome: assign\n", 0, NULL);
	assert_decision(DEC "decided_by: nämnd\nregarding: [a, U-2020-001]\n"
	    "outcome: assign\ncost_sek: 9000000\nassignment: U-2021-004\n"
	    "extra: [kept]\n", 0, NULL);
	assert_decision("kind: decision\ndecided_by: socialchef\n"
	    "regarding: [a]\noutcome: defer\n", 1, "date: required key is "
	    "missing");
	assert_decision("kind: decision\ndate: 2020-02-30\n", 2,
	    "date: there is no such day as 2020-02-30 (February 2020 has 29 "
	    "days)");
	assert_decision(DEC "decided_by: chef\nregarding: [a]\n"
	    "outcome: defer\n", 3, "decided_by: unknown role chef (the roles "
	    "are enhetschef, sektionschef, avdelningschef, socialchef, "
	    "ordforande, namnd)");
	assert_decision(DEC "decided_by: socialchef\nregarding: []\n"
	    "outcome: defer\n", 4, "regarding: the list is empty");
	assert_decision(DEC "decided_by: socialchef\nregarding: a\n"
	    "outcome: defer\n", 4, "regarding: expected a sequence, not a");
	assert_decision(DEC "decided_by: socialchef\nregarding: [a, [b]]\n"
	    "outcome: defer\n", 4, "regarding: expected a string, not a "
	    "sequence");
	assert_decision(DEC "decided_by: socialchef\nregarding: [a, 7]\n"
	    "outcome: defer\n", 4, "regarding: expected a string, not 7 (put "
	    "it in quotes to make it text)");
	assert_decision(DEC "decided_by: socialchef\nregarding: [a, '']\n"
	    "outcome: defer\n", 4, "regarding: is empty");
	assert_decision(DEC "decided_by: socialchef\nregarding: [a, ~]\n"
	    "outcome: defer\n", 4, "regarding: expected a string, not ~");
	assert_decision(DEC "decided_by: socialchef\nregarding: [a]\n"
	    "outcome: postpone\n", 5, "outcome: unknown value \"postpone\" "
	    "(expected one of assign, reject, defer)");
	assert_decision(DEC "decided_by: socialchef\nregarding: [a]\n"
	    "outcome: reject\nassignment: U-2020-001\n", 6,
	    "assignment: only a decision to assign has one");
	assert_decision(DEC "decided_by: sektionschef\nregarding: [a]\n"
	    "outcome: assign\n", 3, "sektionschef may not assign; that needs "
	    "avdelningschef or above");
	assert_decision(DEC "decided_by: socialchef\nregarding: [a]\n"
	    "outcome: assign\ncost_sek: 5000001\n", 3, "socialchef may not "
	    "decide on cost_sek 5000001 (above 5000000); that needs namnd or "
	    "above");
	assert_decision(DEC "decided_by: socialchef\nregarding: [a]\n"
	    "outcome: assign\ncost_sek: '100'\n", 6, "cost_sek: expected an "
	    "integer from 0 to 999999999999, not '100' (quoted, it is a "
	    "string: remove the quotes)");
	assert_decision(DEC "decided_by: socialchef\nregarding: [a]\n"
	    "outcome: assign\nrationale: [x]\n", 6, "rationale: expected a "
	    "string, not a sequence");
}

static void
assert_assignment(const char *yaml, unsigned long line, const char *msg)
{
	struct tuff_doc *doc = doc_of(yaml);
	struct tuff_error e;

	memset(&e, 0, sizeof(e));
	if (msg == NULL)
		assert_int_equal(decide_check_assignment(doc, &e), 0);
	else {
		assert_int_equal(decide_check_assignment(doc, &e), -1);
		assert_string_equal(e.msg, msg);
		assert_int_equal(e.line, line);
	}
	tuff_doc_free(doc);
}

#define ASG	"kind: assignment\nid: U-2021-002\ntitle: T\nowner: O\n"

static void
test_check_assignment(void **state)
{
	(void)state;
	assert_assignment(ASG "status: active\n", 0, NULL);
	assert_assignment(ASG "status: done\nphase: test\nstart: 2021-01-11\n"
	    "due: 2021-06-30\nmilestones: [{name: M, due: 2021-03-31, "
	    "reached: null}]\nobstacles: [{obstacle: O, raised: 2021-02-01, "
	    "owner: socialchef, resolved: ~}]\n", 0, NULL);
	assert_assignment("kind: assignment\ntitle: T\nowner: O\n"
	    "status: active\n", 1, "id: required key is missing");
	assert_assignment(ASG "status: ongoing\n", 5, "status: unknown value "
	    "\"ongoing\" (expected one of planned, active, done, stopped)");
	assert_assignment(ASG "status: active\nphase: pilot\n", 6,
	    "phase: unknown value \"pilot\" (expected one of development, "
	    "test, implementation)");
	assert_assignment(ASG "status: active\ndue: 30/6\n", 6,
	    "due: expected a date YYYY-MM-DD, not 30/6");
	assert_assignment(ASG "status: active\nmilestones: [x]\n", 6,
	    "milestones: item 1: expected a mapping, not x");
	assert_assignment(ASG "status: active\nmilestones: x\n", 6,
	    "milestones: expected a sequence, not x");
	assert_assignment(ASG "status: active\nmilestones:\n  - due: "
	    "2021-01-01\n  - due: 2021-02-30\n", 8, "milestones: item 2: due: "
	    "there is no such day as 2021-02-30 (February 2021 has 28 days)");
	assert_assignment(ASG "status: active\nobstacles:\n  - obstacle: O\n"
	    "    raised: igår\n", 8, "obstacles: item 1: raised: expected a "
	    "date YYYY-MM-DD, not igår");
	/*
	 * SPEC §3.4 marks no key of a list's items required: an obstacle
	 * without words still has an owner to name, a milestone without
	 * a name a date.  Empty lists in any form are the rules' business.
	 */
	assert_assignment(ASG "status: active\nobstacles:\n  - raised: "
	    "2021-02-01\n    owner: socialchef\nmilestones:\n  - due: "
	    "2021-01-01\nneeds: [{source: 'journey:x'}]\n", 0, NULL);
	assert_assignment(ASG "status: active\nneeds: ''\nmilestones: {}\n"
	    "obstacles: ~\nfollow_up: ''\n", 0, NULL);
	assert_assignment(ASG "status: active\nneeds: [snabbt]\n", 6,
	    "needs: item 1: expected a mapping, not snabbt");
	assert_assignment(ASG "status: active\nfollow_up:\n  indicators:\n"
	    "    - {every: fortnight}\n", 8, "indicators: item 1: every: "
	    "unknown value \"fortnight\" (expected one of day, week, month, "
	    "quarter, year)");
	assert_assignment(ASG "status: active\nfollow_up: [x]\n", 6,
	    "follow_up: expected a mapping, not a sequence");
}

static void
test_check_challenge(void **state)
{
	struct tuff_doc *doc;
	struct tuff_error e;

	(void)state;
	doc = doc_of("kind: challenge\nid: rullstol\ntitle: T\n"
	    "pains: [{pain: P, step: 1}]\n");
	assert_int_equal(decide_check_challenge(doc, &e), 0);
	tuff_doc_free(doc);
	doc = doc_of("kind: challenge\nid: Rullstol\ntitle: T\n");
	assert_int_equal(decide_check_challenge(doc, &e), -1);
	assert_string_equal(e.msg, "id: expected lower-case letters, digits "
	    "and '-', not Rullstol");
	tuff_doc_free(doc);
	doc = doc_of("kind: challenge\nid: a\ntitle: T\npains: [{step: 1}]\n");
	assert_int_equal(decide_check_challenge(doc, &e), -1);
	assert_string_equal(e.msg, "pains: item 1: pain: required key is missing");
	tuff_doc_free(doc);
}

static void
test_assignment_template(void **state)
{
	static const struct decide_need needs[] = {
		{ "Vet inte vem som äger frågan", "rullstol" },
		{ "no", "x-1" },
	};
	struct decide_template t = {
		.id = "U-2020-001", .title = "Anmäla trasig rullstol",
		.decision = "B-2020-001", .owner = "Rehabenheten",
		.needs = needs, .nneeds = 2
	};
	struct tuff_doc *doc = tuff_doc_new();
	char *out;

	(void)state;
	out = yaml_of(decide_assignment(doc, &t));
	assert_string_equal(out,
	    "---\n"
	    "kind: assignment\n"
	    "id: U-2020-001\n"
	    "title: Anmäla trasig rullstol\n"
	    "decision: B-2020-001\n"
	    "owner: Rehabenheten\n"
	    "support: []\n"
	    "status: planned\n"
	    "phase:\n"
	    "start:\n"
	    "due:\n"
	    "mandate:\n"
	    "target_group:\n"
	    "needs:\n"
	    "- need: Vet inte vem som äger frågan\n"
	    "  source: journey:rullstol\n"
	    "- need: 'no'\n"
	    "  source: journey:x-1\n"
	    "analysis:\n"
	    "goals: []\n"
	    "activities: []\n"
	    "collaboration: []\n"
	    "follow_up: {}\n"
	    "milestones: []\n"
	    "obstacles: []\n"
	    "results:\n"
	    "lessons: []\n");
	free(out);
	t.has_due = 1;
	t.due = day("2021-06-30");
	t.nneeds = 0;
	out = yaml_of(decide_assignment(doc, &t));
	assert_non_null(strstr(out, "\ndue: 2021-06-30\n"));
	assert_non_null(strstr(out, "\nneeds: []\n"));
	free(out);
	tuff_doc_free(doc);
}

static const char assignment[] =
    "kind: assignment\n"
    "id: U-2021-002\n"
    "title: Enkel felanmälan\n"
    "owner: Rehabenheten\n"
    "status: active\n"
    "due: 2021-04-30\n"
    "milestones:\n"
    "  - {name: A, due: 2021-03-31, reached: 2021-03-22}\n"
    "  - {name: B, due: 2021-04-10}\n"
    "  - {name: C, due: 2021-03-01}\n"
    "  - {name: D, due: 2021-06-01}\n"
    "  - {name: E, due: 2021-04-20, reached: 2021-04-15}\n"
    "  - {name: F}\n"
    "obstacles:\n"
    "  - {obstacle: X, raised: 2021-02-01, owner: socialchef, "
    "resolved: null}\n"
    "  - {obstacle: Q, raised: 2021-01-01, resolved: 2021-03-01}\n"
    "  - {obstacle: Z}\n"
    "  - {obstacle: W, raised: 2021-05-01}\n"
    "  - {obstacle: V, raised: 2021-03-01, resolved: 2021-04-10}\n";

/* The follow-up of a record as YAML, or NULL when there is none. */
static char *
followup(const char *yaml, const char *as_of, long within)
{
	struct tuff_doc *a = doc_of(yaml), *f;
	struct tuff_error e;
	char *out = NULL;

	assert_int_equal(decide_check_assignment(a, &e), 0);
	assert_int_equal(decide_followup(a, day(as_of), within, &f), 0);
	if (f != NULL)
		out = yaml_of(f->root);
	tuff_doc_free(f);
	tuff_doc_free(a);
	return out;
}

static void
test_followup(void **state)
{
	char *out;

	(void)state;
	out = followup(assignment, "2021-04-01", 31);
	assert_string_equal(out,
	    "---\n"
	    "kind: follow-up\n"
	    "assignment: U-2021-002\n"
	    "title: Enkel felanmälan\n"
	    "owner: Rehabenheten\n"
	    "status: active\n"
	    "as_of: 2021-04-01\n"
	    "due: 2021-04-30\n"
	    "due_in_days: 29\n"
	    "milestones_due:\n"
	    "- name: B\n"
	    "  due: 2021-04-10\n"
	    "  due_in_days: 9\n"
	    "- name: C\n"
	    "  due: 2021-03-01\n"
	    "  overdue_days: 31\n"
	    "- name: E\n"
	    "  due: 2021-04-20\n"
	    "  due_in_days: 19\n"
	    "milestones_reached:\n"
	    "- name: A\n"
	    "  reached: 2021-03-22\n"
	    "  days_ago: 10\n"
	    "open_obstacles:\n"
	    "- obstacle: X\n"
	    "  raised: 2021-02-01\n"
	    "  owner: socialchef\n"
	    "  age_days: 59\n"
	    "- obstacle: Z\n"
	    "- obstacle: V\n"
	    "  raised: 2021-03-01\n"
	    "  age_days: 31\n");
	free(out);
}

/* The window's edges: due on the last day is in, a day later is out. */
static void
test_followup_window(void **state)
{
	static const char a[] = "kind: assignment\nid: U-2021-001\n"
	    "title: T\nowner: O\nstatus: planned\ndue: 2021-05-02\n";
	static const char done[] = "kind: assignment\nid: U-2021-001\n"
	    "title: T\nowner: O\nstatus: done\ndue: 2021-01-02\n"
	    "milestones: [{name: M, due: 2021-01-01, reached: 2021-03-02}]\n"
	    "obstacles: [{obstacle: O, raised: 2021-01-01}]\n";
	char *out;

	(void)state;
	out = followup(a, "2021-04-01", 31);
	assert_non_null(strstr(out, "due_in_days: 31\n"));
	free(out);
	assert_null(followup(a, "2021-04-01", 30));
	out = followup(a, "2021-05-02", 0);
	assert_non_null(strstr(out, "due_in_days: 0\n"));
	free(out);
	out = followup(a, "2021-05-03", 0);
	assert_non_null(strstr(out, "overdue_days: 1\n"));
	free(out);
	/* Leap day: 2024-02-28 to 2024-03-01 is two days. */
	out = followup("kind: assignment\nid: U-2024-001\ntitle: T\n"
	    "owner: O\nstatus: active\ndue: 2024-03-01\n", "2024-02-28", 1);
	assert_null(out);
	out = followup("kind: assignment\nid: U-2024-001\ntitle: T\n"
	    "owner: O\nstatus: active\ndue: 2024-03-01\n", "2024-02-28", 2);
	assert_non_null(strstr(out, "due_in_days: 2\n"));
	free(out);
	/* Done: nothing chased, the milestone reached still celebrated. */
	out = followup(done, "2021-04-01", 31);
	assert_string_equal(out,
	    "---\n"
	    "kind: follow-up\n"
	    "assignment: U-2021-001\n"
	    "title: T\n"
	    "owner: O\n"
	    "status: done\n"
	    "as_of: 2021-04-01\n"
	    "milestones_reached:\n"
	    "- name: M\n"
	    "  reached: 2021-03-02\n"
	    "  days_ago: 30\n");
	free(out);
	assert_null(followup(done, "2021-04-02", 30));
	/* Stopped, with nothing reached: no follow-up at all. */
	out = followup("kind: assignment\nid: U-2021-001\ntitle: T\n"
	    "owner: O\nstatus: stopped\n", "2021-04-01", 31);
	assert_null(out);
}

static void
report_count(const struct tuff_error *e, void *arg)
{
	(void)e;
	++*(int *)arg;
}

/* What the tool does with a record in the second pass. */
static void
write_record(struct decide *d, struct tuff_doc *doc, struct tuff_writer *w)
{
	struct tuff_error e;

	switch (decide_fate(d, doc)) {
	case DECIDE_PASS:
		assert_int_equal(tuff_write_unchanged(w, doc), 0);
		break;
	case DECIDE_DROP:
		break;
	case DECIDE_CHANGE:
		assert_int_equal(tuff_write_head(w, doc), 0);
		/* FALLTHROUGH */
	case DECIDE_REPLACE:
		assert_int_equal(decide_emit(d, doc, w, &e), 0);
		break;
	}
	tuff_doc_free(doc);
}

/* A whole run over one text, in both passes; the output as YAML. */
static char *
run(struct decide *d, const char *yaml, size_t *problems)
{
	struct tuff_reader *r;
	struct tuff_writer *w;
	struct tuff_doc *doc;
	struct tuff_error e;
	char *buf = NULL;
	size_t len = 0;
	int n = 0, pass;
	FILE *in, *out;

	for (pass = 0; pass < 2; pass++) {
		in = fmemopen((void *)(uintptr_t)yaml, strlen(yaml), "r");
		r = tuff_reader_new(in, "t.yaml");
		out = pass == 1 ? open_memstream(&buf, &len) : NULL;
		w = out != NULL ? tuff_writer_new(out) : NULL;
		while (tuff_reader_next(r, &doc, &e) == 1)
			if (pass == 0) {
				assert_int_equal(decide_scan(d, doc, &e), 0);
				tuff_doc_free(doc);
			} else
				write_record(d, doc, w);
		tuff_reader_free(r);
		fclose(in);
		if (pass == 0) {
			*problems = decide_scan_end(d, report_count, &n);
			assert_int_equal(*problems, (size_t)n);
			if (n > 0)
				return NULL;
		} else {
			tuff_writer_close(w);
			tuff_writer_free(w);
			fclose(out);
		}
	}
	return buf;
}

static const char stream[] =
    "kind: decision\nid: B-2020-007\ndate: 2020-03-01\n"
    "decided_by: socialchef\nregarding: [gammal]\noutcome: reject\n"
    "---\n"
    "kind: challenge\nid: rullstol\ntitle: Rullstol\njourney: rullstol\n"
    "pains: [{pain: P1}, {pain: P2}]\n"
    "---\n"
    "kind: journey\nid: x\n"
    "---\n"
    "kind: challenge\nid: planer\ntitle: Planer\n"
    "---\n"
    "kind: assignment\nid: U-2020-041\ntitle: T\nowner: O\n"
    "status: done\n";

/* What test_run_numbers and test_run_request write: the same. */
static const char numbered[] =
    "---\n"
    "kind: decision\nid: B-2020-007\ndate: 2020-03-01\n"
    "decided_by: socialchef\nregarding: [gammal]\noutcome: reject\n"
    "---\n"
    "kind: decision\nid: B-2020-008\ndate: 2020-11-19\n"
    "decided_by: ordforande\nregarding: [rullstol]\noutcome: assign\n"
    "assignment: U-2020-042\n"
    "---\n"
    "kind: assignment\nid: U-2020-042\ntitle: Rullstol\n"
    "decision: B-2020-008\nowner: Rehab\nsupport: []\n"
    "status: planned\nphase:\nstart:\ndue:\nmandate:\n"
    "target_group:\nneeds:\n"
    "- need: P1\n  source: journey:rullstol\n"
    "- need: P2\n  source: journey:rullstol\n"
    "analysis:\ngoals: []\nactivities: []\ncollaboration: []\n"
    "follow_up: {}\nmilestones: []\nobstacles: []\nresults:\n"
    "lessons: []\n"
    "---\n"
    "kind: journey\nid: x\n"
    "---\n"
    "kind: decision\nid: B-2020-009\ndate: 2020-11-19\n"
    "decided_by: ordforande\nregarding: [planer]\noutcome: reject\n"
    "rationale: Nej\n"
    "---\n"
    "kind: assignment\nid: U-2020-041\ntitle: T\nowner: O\n"
    "status: done\n";

static void
test_run_numbers(void **state)
{
	struct decide_delegation *deleg = decide_delegation_default();
	struct decide *d = decide_new(deleg, DECIDE_DECIDE);
	struct tuff_error e;
	size_t problems;
	char *out;

	(void)state;
	assert_int_equal(decide_set_by(d, "ordförande", &e), 0);
	decide_set_date(d, day("2020-11-19"));
	assert_int_equal(decide_pick(d, DECIDE_REJECT, "planer", &e), 0);
	assert_int_equal(decide_pick(d, DECIDE_ASSIGN, "rullstol", &e), 0);
	assert_int_equal(decide_set(d, DECIDE_OWNER, "Rehab", &e), 0);
	assert_int_equal(decide_set(d, DECIDE_RATIONALE, "planer=Nej", &e), 0);
	assert_int_equal(check_options(d, &e), 0);
	out = run(d, stream, &problems);
	assert_string_equal(out, numbered);
	free(out);
	decide_free(d);
	decide_delegation_free(deleg);
}

/* A decision record without id or assignment is given both. */
static void
test_run_records(void **state)
{
	struct decide_delegation *deleg = decide_delegation_default();
	struct decide *d = decide_new(deleg, DECIDE_DECIDE);
	struct tuff_error e;
	size_t problems;
	char *out;

	(void)state;
	assert_int_equal(decide_set(d, DECIDE_OWNER, "Enheten", &e), 0);
	assert_int_equal(decide_set(d, DECIDE_DUE, "2021-12-31", &e), 0);
	assert_int_equal(check_options(d, &e), 0);
	out = run(d,
	    "kind: challenge\nid: planer\ntitle: Planer\n"
	    "pains: [{pain: P}]\n"
	    "---\n"
	    "kind: decision\ndate: 2021-02-10\ndecided_by: avdelningschef\n"
	    "regarding: [planer]\noutcome: assign\nassignment:\n",
	    &problems);
	assert_string_equal(out,
	    "---\n"
	    "kind: decision\nid: B-2021-001\ndate: 2021-02-10\n"
	    "decided_by: avdelningschef\nregarding: [planer]\n"
	    "outcome: assign\nassignment: U-2021-001\n"
	    "---\n"
	    "kind: assignment\nid: U-2021-001\ntitle: Planer\n"
	    "decision: B-2021-001\nowner: Enheten\nsupport: []\n"
	    "status: planned\nphase:\nstart:\ndue: 2021-12-31\nmandate:\n"
	    "target_group:\nneeds:\n"
	    "- need: P\n  source: journey:planer\n"
	    "analysis:\ngoals: []\nactivities: []\ncollaboration: []\n"
	    "follow_up: {}\nmilestones: []\nobstacles: []\nresults:\n"
	    "lessons: []\n");
	free(out);
	decide_free(d);
	decide_delegation_free(deleg);
}

static void
test_run_problems(void **state)
{
	struct decide_delegation *deleg = decide_delegation_default();
	struct decide *d = decide_new(deleg, DECIDE_DECIDE);
	struct tuff_error e;
	size_t problems;

	(void)state;
	assert_int_equal(decide_set_by(d, "socialchef", &e), 0);
	assert_int_equal(decide_pick(d, DECIDE_DEFER, "nybygge,saknas", &e),
	    0);
	assert_int_equal(check_options(d, &e), 0);
	/* saknas is not there, planer is not decided, B-2020-001 twice. */
	assert_null(run(d,
	    "kind: challenge\nid: nybygge\ntitle: Nybygge\n---\n"
	    "kind: challenge\nid: planer\ntitle: P\n---\n"
	    "kind: decision\nid: B-2020-001\ndate: 2020-01-01\n"
	    "decided_by: socialchef\nregarding: [x]\noutcome: defer\n---\n"
	    "kind: decision\nid: B-2020-001\ndate: 2020-01-01\n"
	    "decided_by: socialchef\nregarding: [y]\noutcome: defer\n",
	    &problems));
	assert_int_equal(problems, 3);
	decide_free(d);
	decide_delegation_free(deleg);
}

static void
test_options(void **state)
{
	struct decide_delegation *deleg = decide_delegation_default();
	struct decide *d;
	struct tuff_error e;

	(void)state;
	d = decide_new(deleg, DECIDE_DECIDE);
	assert_int_equal(decide_set_by(d, "boss", &e), -1);
	assert_string_equal(e.msg, "--by: unknown role boss (the roles are "
	    "enhetschef, sektionschef, avdelningschef, socialchef, "
	    "ordforande, namnd)");
	assert_int_equal(decide_pick(d, DECIDE_ASSIGN, "a,,b", &e), -1);
	assert_int_equal(decide_pick(d, DECIDE_ASSIGN, "Rullstol", &e), -1);
	assert_int_equal(decide_set(d, DECIDE_DUE, "a=2021-02-29", &e), -1);
	assert_string_equal(e.msg, "--due: there is no such day as "
	    "\"2021-02-29\" (February 2021 has 28 days)");
	assert_int_equal(decide_set(d, DECIDE_COST, "-5", &e), -1);
	assert_int_equal(decide_set(d, DECIDE_COST, "1000000000000", &e), -1);
	assert_int_equal(decide_set(d, DECIDE_OWNER, "a=", &e), -1);
	/* Not a slug before '=': the whole is the value for everyone. */
	assert_int_equal(decide_set(d, DECIDE_OWNER, "Enhet=X", &e), 0);
	decide_free(d);

	d = decide_new(deleg, DECIDE_DECIDE);
	assert_int_equal(decide_pick(d, DECIDE_ASSIGN, "a", &e), 0);
	assert_int_equal(check_options(d, &e), -1);
	assert_string_equal(e.msg, "--assign, --reject and --defer need --by "
	    "ROLE: who decides");
	decide_free(d);

	d = decide_new(deleg, DECIDE_DECIDE);
	assert_int_equal(decide_set_by(d, "socialchef", &e), 0);
	assert_int_equal(decide_pick(d, DECIDE_ASSIGN, "a,b", &e), 0);
	assert_int_equal(decide_pick(d, DECIDE_DEFER, "c,a", &e), 0);
	assert_int_equal(check_options(d, &e), -1);
	assert_string_equal(e.msg, "a is named twice (by --assign and "
	    "--defer)");
	decide_free(d);

	d = decide_new(deleg, DECIDE_DECIDE);
	assert_int_equal(decide_set_by(d, "socialchef", &e), 0);
	assert_int_equal(decide_pick(d, DECIDE_ASSIGN, "a", &e), 0);
	assert_int_equal(decide_pick(d, DECIDE_REJECT, "b", &e), 0);
	assert_int_equal(decide_set(d, DECIDE_OWNER, "b=X", &e), 0);
	assert_int_equal(check_options(d, &e), -1);
	assert_string_equal(e.msg, "--owner b=X: b is not assigned");
	decide_free(d);

	d = decide_new(deleg, DECIDE_DECIDE);
	assert_int_equal(decide_set_by(d, "socialchef", &e), 0);
	assert_int_equal(decide_pick(d, DECIDE_ASSIGN, "a", &e), 0);
	assert_int_equal(decide_set(d, DECIDE_OWNER, "a=X", &e), 0);
	assert_int_equal(decide_set(d, DECIDE_COST, "a=5000001", &e), 0);
	assert_int_equal(check_options(d, &e), -1);
	assert_string_equal(e.msg, "a: socialchef may not decide on cost_sek "
	    "5000001 (above 5000000); that needs namnd or above");
	decide_free(d);
	decide_delegation_free(deleg);
}

/* Make a file from mkstemp's template path holding text. */
static void
make_file(char *path, const char *text)
{
	int fd = mkstemp(path);

	assert_true(fd != -1);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
}

/* What the file holds, or NULL when there is none; the caller frees. */
static char *
file_text(const char *path)
{
	char *buf;
	size_t n;
	FILE *fp;

	if ((fp = fopen(path, "r")) == NULL)
		return NULL;
	buf = calloc(1, 16384);
	assert_non_null(buf);
	n = fread(buf, 1, 16383, fp);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

/* decide_delegation_load: NULL after reporting what is wrong with path. */
static void
assert_load_fails(const char *path, const char *reported)
{
	struct capture c;
	char *err;

	capture_start(&c);
	assert_null(decide_delegation_load(path));
	capture_stop(&c);
	err = c.text;
	if (strstr(err, reported) == NULL)
		fail_msg("expected \"%s\" in \"%s\"", reported, err);
	free(err);
}

static void
test_delegation_load(void **state)
{
	char path[] = "/tmp/tuff-deleg-XXXXXX";
	struct decide_delegation *d;

	(void)state;
	/* No file: the built-in order. */
	assert_non_null(d = decide_delegation_load(NULL));
	assert_int_equal(decide_nroles(d), 6);
	assert_int_equal(decide_role(d, "nämnd"), 5);
	decide_delegation_free(d);

	make_file(path, "kind: delegation\nroles: [rektor, skolchef]\n"
	    "reject: rektor\ndefer: rektor\nassign: skolchef\n");
	assert_non_null(d = decide_delegation_load(path));
	assert_int_equal(decide_nroles(d), 2);
	assert_string_equal(decide_role_name(d, 1), "skolchef");
	decide_delegation_free(d);
	unlink(path);

	assert_load_fails("/nonexistent/deleg.yaml",
	    "/nonexistent/deleg.yaml: error: ");
	strcpy(path, "/tmp/tuff-deleg-XXXXXX");
	make_file(path, "kind: rules\n");
	assert_load_fails(path, ":1:7: error: expected a record of kind "
	    "delegation");
	unlink(path);
}

static void
test_due_takes(void **state)
{
	(void)state;
	assert_true(decide_due_takes("2021-06-30"));
	assert_true(decide_due_takes("2021-6-30"));	/* refused later */
	assert_true(decide_due_takes("rullstol=2021-06-30"));
	assert_false(decide_due_takes("in.yaml"));
	assert_false(decide_due_takes("2021"));
	assert_false(decide_due_takes("Rullstol=2021-06-30"));
}

/*
 * decide_run over text in a file, writing to a file: its status, what
 * it wrote (NULL: nothing) and what it reported on standard error.
 */
static int
run_request(struct decide_request *req, const char *text, char **out,
    char **err)
{
	char in[] = "/tmp/tuff-decide-in-XXXXXX";
	char to[] = "/tmp/tuff-decide-out-XXXXXX";
	char *argv[] = { in, NULL };
	struct capture c;
	int fd, rc;

	make_file(in, text);
	assert_true((fd = mkstemp(to)) != -1);
	close(fd);
	unlink(to);		/* so that a run that fails leaves none */
	req->output = to;
	capture_start(&c);
	rc = decide_run(req, 1, argv);
	capture_stop(&c);
	*err = c.text;
	*out = file_text(to);
	unlink(in);
	unlink(to);
	return rc;
}

static void
test_decide_run(void **state)
{
	struct decide_arg args[] = {
		{ DECIDE_OPT_REJECT, "planer" },
		{ DECIDE_OPT_ASSIGN, "rullstol" },
		{ DECIDE_OPT_OWNER, "Rehab" },
		{ DECIDE_OPT_RATIONALE, "planer=Nej" },
	};
	struct decide_request req = { .mode = DECIDE_DECIDE,
	    .by = "ordförande", .date = day("2020-11-19"), .args = args,
	    .nargs = 4 };
	char *out, *err;

	(void)state;
	assert_int_equal(run_request(&req, stream, &out, &err), TUFF_OK);
	assert_string_equal(err, "");
	assert_non_null(out);
	/* What the command gives: as test_run_numbers, in a file. */
	assert_string_equal(out, numbered);
	free(out);
	free(err);
}

/* A run that fails reports why and writes nothing. */
static void
test_decide_run_fails(void **state)
{
	struct decide_arg args[] = { { DECIDE_OPT_DEFER, "saknas" } };
	struct decide_request req = { .mode = DECIDE_DECIDE,
	    .by = "socialchef", .date = day("2020-11-19"), .args = args,
	    .nargs = 1 };
	char *out, *err;

	(void)state;
	/* The stream: a picked challenge that is not there. */
	assert_int_equal(run_request(&req, stream, &out, &err), TUFF_ERR);
	assert_null(out);
	assert_non_null(strstr(err, "saknas"));
	free(err);

	/* The request: a role the order does not know. */
	req.by = "chef";
	assert_int_equal(run_request(&req, stream, &out, &err), TUFF_ERR);
	assert_null(out);
	assert_non_null(strstr(err, "--by: unknown role chef"));
	free(err);

	/* The order: a delegation file that is not there. */
	req.by = "socialchef";
	req.delegation = "/nonexistent/deleg.yaml";
	assert_int_equal(run_request(&req, stream, &out, &err), TUFF_ERR);
	assert_null(out);
	assert_non_null(strstr(err, "/nonexistent/deleg.yaml"));
	free(err);
}

/* Follow-up mode: an assignment due in the window gets its follow-up. */
static void
test_followup_run(void **state)
{
	struct decide_request req = { .mode = DECIDE_FOLLOWUP,
	    .as_of = day("2021-06-01"), .within = 31 };
	char *out, *err;

	(void)state;
	assert_int_equal(run_request(&req,
	    "kind: assignment\nid: U-2021-001\ntitle: T\nowner: O\n"
	    "status: active\ndue: 2021-06-15\n", &out, &err), TUFF_OK);
	assert_string_equal(err, "");
	assert_non_null(out);
	assert_string_equal(out, "---\nkind: follow-up\n"
	    "assignment: U-2021-001\ntitle: T\nowner: O\nstatus: active\n"
	    "as_of: 2021-06-01\ndue: 2021-06-15\ndue_in_days: 14\n");
	free(out);
	free(err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_id_parse),
		cmocka_unit_test(test_numbering),
		cmocka_unit_test(test_default_delegation),
		cmocka_unit_test(test_permit),
		cmocka_unit_test(test_read_delegation),
		cmocka_unit_test(test_delegation_errors),
		cmocka_unit_test(test_check_decision),
		cmocka_unit_test(test_check_assignment),
		cmocka_unit_test(test_check_challenge),
		cmocka_unit_test(test_assignment_template),
		cmocka_unit_test(test_followup),
		cmocka_unit_test(test_followup_window),
		cmocka_unit_test(test_run_numbers),
		cmocka_unit_test(test_run_records),
		cmocka_unit_test(test_run_problems),
		cmocka_unit_test(test_options),
		cmocka_unit_test(test_delegation_load),
		cmocka_unit_test(test_due_takes),
		cmocka_unit_test(test_decide_run),
		cmocka_unit_test(test_decide_run_fails),
		cmocka_unit_test(test_followup_run),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
