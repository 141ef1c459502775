/*
 * Unit tests for the table of kinds and keys: which typos are caught
 * and what is suggested, which words pass quietly, the tree walk over
 * a record's places, the event-level calls, and the bounds (a 64 KiB
 * word, a record of many keys).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "tuff/diag.h"
#include "tuff/schema.h"
#include "util.h"

static void
assert_near_kind(const char *kind, const char *want)
{
	const char *got = tuff_schema_near_kind(kind, strlen(kind));

	if (want == NULL && got != NULL)
		fail_msg("\"%s\": expected nothing, got \"%s\"", kind, got);
	if (want != NULL && (got == NULL || strcmp(got, want) != 0))
		fail_msg("\"%s\": expected \"%s\", got \"%s\"", kind, want,
		    got != NULL ? got : "(nothing)");
}

/* Case, '_' and '-', and up to two edits: the examples of issue 8. */
static void
test_near_kind(void **state)
{
	(void)state;
	assert_near_kind("Journey", "journey");
	assert_near_kind("JOURNEY", "journey");
	assert_near_kind("jorney", "journey");
	assert_near_kind("jounrey", "journey");	/* a transposition */
	assert_near_kind("journeys", "journey");
	assert_near_kind("jxxrney", "journey");	/* two edits */
	assert_near_kind("hme_response", "hme-response");
	assert_near_kind("HME_Response", "hme-response");
	assert_near_kind("hme response", "hme-response");
	assert_near_kind("tbls_profile", "tbls-profile");
	assert_near_kind("follow_up", "follow-up");
	assert_near_kind("followup", "follow-up");
	assert_near_kind("assigment", "assignment");
	assert_near_kind("Decision", "decision");
	assert_near_kind("hme-respons", "hme-response");
}

/* A Swedish word for a kind, in any case and either normal form. */
static void
test_near_kind_swedish(void **state)
{
	(void)state;
	assert_near_kind("uppdrag", "assignment");
	assert_near_kind("Uppdrag", "assignment");
	assert_near_kind("beslut", "decision");
	assert_near_kind("resa", "journey");
	assert_near_kind("användarresa", "journey");
	assert_near_kind("Användarresa", "journey");
	assert_near_kind("ANVÄNDARRESA", "journey");
	assert_near_kind("anva\xcc\x88ndarresa", "journey");	/* NFD */
	assert_near_kind("anvandarresa", "journey");
	assert_near_kind("utmaning", "challenge");
	assert_near_kind("utmaningar", "challenge");
	assert_near_kind("svar", "hme-response");
	assert_near_kind("uppföljning", "follow-up");
}

/* Known kinds, and kinds of the user's own, pass quietly. */
static void
test_near_kind_none(void **state)
{
	char *big;

	(void)state;
	assert_near_kind("journey", NULL);
	assert_near_kind("hme-item", NULL);
	assert_near_kind("delegation", NULL);
	assert_near_kind("note", NULL);
	assert_near_kind("notes", NULL);
	assert_near_kind("memo", NULL);
	assert_near_kind("person", NULL);
	assert_near_kind("jxxxney", NULL);	/* three edits */
	assert_near_kind("", NULL);
	assert_near_kind("j", NULL);
	assert_near_kind("rules", NULL);	/* a file, not a kind */
	/* Not UTF-8 (the reader refuses it; here it is just no word). */
	assert_near_kind("jour\xffney", NULL);
	/* 64 KiB of a kind: dismissed by its length. */
	big = malloc(64 * 1024 + 1);
	assert_non_null(big);
	memset(big, 'j', 64 * 1024);
	big[64 * 1024] = '\0';
	assert_near_kind(big, NULL);
	memcpy(big, "journey", 7);
	assert_near_kind(big, NULL);
	free(big);
	assert_int_equal(tuff_schema_is_kind("journey", 7), 1);
	assert_int_equal(tuff_schema_is_kind("journey", 6), 0);
	assert_int_equal(tuff_schema_is_kind("Journey", 7), 0);
}

static void
assert_near_key(const char *kind, const char *path, const char *key,
    const char *want)
{
	const struct tuff_place *p = tuff_schema_place(kind);
	const char *got, *dot;
	size_t len;

	assert_non_null(p);
	for (; path != NULL && *path != '\0'; path = dot ? dot + 1 : NULL) {
		dot = strchr(path, '.');
		len = dot != NULL ? (size_t)(dot - path) : strlen(path);
		p = tuff_schema_child(p, path, len);
		assert_non_null(p);
	}
	got = tuff_schema_near_key(p, key, strlen(key));
	if (want == NULL && got != NULL)
		fail_msg("\"%s\": expected nothing, got \"%s\"", key, got);
	if (want != NULL && (got == NULL || strcmp(got, want) != 0))
		fail_msg("\"%s\": expected \"%s\", got \"%s\"", key, want,
		    got != NULL ? got : "(nothing)");
}

static void
test_near_key(void **state)
{
	(void)state;
	assert_near_key("journey", "steps", "scor", "score");
	assert_near_key("journey", "steps", "wait_day", "wait_days");
	assert_near_key("journey", "steps", "wait-days", "wait_days");
	assert_near_key("journey", "steps", "Score", "score");
	assert_near_key("journey", "steps", "actoin", "action");
	assert_near_key("journey", "steps", "pian", "pain");
	assert_near_key("journey", NULL, "titel", "title");
	assert_near_key("journey", NULL, "step", "steps");
	assert_near_key("assignment", NULL, "folow_up", "follow_up");
	assert_near_key("assignment", "milestones", "reched", "reached");
	assert_near_key("assignment", "follow_up.indicators", "methd",
	    "method");
	assert_near_key("assignment", "obstacles", "resolve", "resolved");
	assert_near_key("decision", NULL, "decidedby", "decided_by");
	assert_near_key("hme-response", "answers", "M1", "m1");
	assert_near_key("tbls-profile", "principles", "tilit", "tillit");
	assert_near_key("tbls-profile", "principles.tillit", "pased",
	    "passed");
	assert_near_key("tbls-profile", "areas.styrning", "checkd",
	    "checked");
	assert_near_key("delegation", "cost_sek", "abov", "above");
	assert_near_key("rules", NULL, "rulse", "rules");
	assert_near_key("rules", "rules.any-rule-id", "severty",
	    "severity");
}

/* Known keys, and keys of the user's own, pass quietly. */
static void
test_near_key_none(void **state)
{
	(void)state;
	assert_near_key("journey", "steps", "score", NULL);
	assert_near_key("journey", "steps", "note", NULL);
	assert_near_key("journey", "steps", "comment", NULL);
	assert_near_key("journey", NULL, "ok", NULL);	/* not "id" */
	assert_near_key("journey", NULL, "url", NULL);
	assert_near_key("assignment", NULL, "budget", NULL);
	assert_near_key("assignment", "needs", "x", NULL);
	/* Rule ids are names, not keys to check. */
	assert_near_key("rules", "rules", "kunskap.whatever", NULL);
	assert_null(tuff_schema_place("note"));
	assert_null(tuff_schema_child(tuff_schema_place("journey"), "title",
	    5));
	assert_null(tuff_schema_child(NULL, "steps", 5));
	assert_null(tuff_schema_near_key(NULL, "x", 1));
}

static void
test_near(void **state)
{
	static const char *const outcomes[] = { "assign", "reject", "defer",
	    NULL };

	(void)state;
	assert_string_equal(tuff_schema_near("asign", 5, outcomes, 0),
	    "assign");
	assert_string_equal(tuff_schema_near("Reject", 6, outcomes, 3),
	    "reject");
	assert_null(tuff_schema_near("assign", 6, outcomes, 0));
	assert_null(tuff_schema_near("approve", 7, outcomes, 0));
	/* The first of equally near names. */
	assert_string_equal(tuff_schema_near("defe", 4, outcomes, 0),
	    "defer");
	/* n limits the names searched. */
	assert_null(tuff_schema_near("defe", 4, outcomes, 2));
}

/*
 * The plain optimal string alignment distance, over the whole matrix:
 * the oracle for the banded one.  Words of a-c, '-' and '_' (one letter
 * to the comparison), at most 15 long.
 */
static int
plain_distance(const char *raw_a, const char *raw_b)
{
	char a[16], b[16];
	int d[16][16], n = (int)strlen(raw_a), m = (int)strlen(raw_b), i, j, v;

	for (i = 0; i <= n; i++)
		a[i] = raw_a[i] == '_' ? '-' : raw_a[i];
	for (j = 0; j <= m; j++)
		b[j] = raw_b[j] == '_' ? '-' : raw_b[j];
	for (i = 0; i <= n; i++)
		d[i][0] = i;
	for (j = 0; j <= m; j++)
		d[0][j] = j;
	for (i = 1; i <= n; i++)
		for (j = 1; j <= m; j++) {
			v = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[n][m];
}

static void
random_word(char *w, unsigned *seed)
{
	static const char letters[] = "abc-_";
	int i, n;

	*seed = *seed * 1103515245 + 12345;
	n = (int)(*seed >> 16) % 15;
	for (i = 0; i < n; i++) {
		*seed = *seed * 1103515245 + 12345;
		w[i] = letters[(*seed >> 16) % 5];
	}
	w[n] = '\0';
}

/*
 * The banded distance against the plain one: a word is taken for a
 * name exactly when it is not the name and the plain distance is
 * within the allowance (2, or 1 for names of up to four letters).
 */
static void
test_distance(void **state)
{
	char w[16], name[16];
	const char *names[1] = { name };
	const char *got;
	unsigned seed = 8;
	int i, d, want;

	(void)state;
	for (i = 0; i < 300000; i++) {
		random_word(w, &seed);
		random_word(name, &seed);
		d = plain_distance(w, name);
		want = strcmp(w, name) != 0 &&
		    d <= (strlen(name) >= 5 ? 2 : 1);
		got = tuff_schema_near(w, strlen(w), names, 1);
		if ((got != NULL) != want)
			fail_msg("\"%s\" and \"%s\": distance %d, near %s", w,
			    name, d, got != NULL ? "yes" : "no");
	}
}

static const struct tuff_doc *the_doc;

static void
check_kind(void)
{
	tuff_schema_check_kind(the_doc);
}

static void
check_keys(void)
{
	tuff_schema_check_keys(the_doc);
}

static void
assert_kind_warns(const char *yaml, const char *want)
{
	struct tuff_doc *doc = doc_of(yaml);

	the_doc = doc;
	assert_string_equal(stderr_of(check_kind), want);
	tuff_doc_free(doc);
}

/* Item 7.13: a kind null, empty or not a string warns as a missing one. */
static void
test_check_kind(void **state)
{
	struct tuff_diag_conf conf;

	(void)state;
	memset(&conf, 0, sizeof(conf));
	tuff_setprogname("t");
	tuff_set_diag_conf(&conf);
	assert_kind_warns("kind: journey\n", "");
	assert_kind_warns("kind: note\n", "");
	assert_kind_warns("kind: \"5\"\n", "");
	assert_kind_warns("kind: 2021-01-01\n", "");
	assert_kind_warns("title: x\n",
	    "t: t.yaml:1:1: warning: record has no kind; passed through\n");
	assert_kind_warns("title: x\nKind: journey\n",
	    "t: t.yaml:2:1: warning: record has no kind, passed through; "
	    "did you mean \"kind\" for \"Kind\"?\n");
	assert_kind_warns("kind: ~\n",
	    "t: t.yaml:1:7: warning: record has an empty kind; passed "
	    "through\n");
	assert_kind_warns("kind:\n",
	    "t: t.yaml:1:6: warning: record has an empty kind; passed "
	    "through\n");
	assert_kind_warns("kind: \"\"\n",
	    "t: t.yaml:1:7: warning: record has an empty kind; passed "
	    "through\n");
	assert_kind_warns("kind: [x]\n",
	    "t: t.yaml:1:7: warning: record's kind is a sequence, not a "
	    "string; passed through\n");
	assert_kind_warns("kind: {a: b}\n",
	    "t: t.yaml:1:7: warning: record's kind is a mapping, not a "
	    "string; passed through\n");
	assert_kind_warns("kind: 5\n",
	    "t: t.yaml:1:7: warning: record's kind 5 is not a string; passed "
	    "through\n");
	assert_kind_warns("kind: true\n",
	    "t: t.yaml:1:7: warning: record's kind true is not a string; "
	    "passed through\n");
	assert_kind_warns("kind: jorney\n",
	    "t: t.yaml:1:7: warning: unknown kind \"jorney\", passed through; "
	    "did you mean \"journey\"?\n");
	/* Once per run for the same kind; another kind is said again. */
	assert_kind_warns("kind: jorney\n", "");
	assert_kind_warns("kind: Journey\n",
	    "t: t.yaml:1:7: warning: unknown kind \"Journey\", passed through; "
	    "did you mean \"journey\"?\n");
	/* A missing or empty kind is said at each record. */
	assert_kind_warns("kind: ~\n",
	    "t: t.yaml:1:7: warning: record has an empty kind; passed "
	    "through\n");
	tuff_set_diag_conf(NULL);
}

static void
assert_keys_warn(const char *yaml, const char *want)
{
	struct tuff_doc *doc = doc_of(yaml);

	the_doc = doc;
	assert_string_equal(stderr_of(check_keys), want);
	tuff_doc_free(doc);
}

/* The walk follows the places, into sequences of mappings. */
static void
test_check_keys(void **state)
{
	struct tuff_diag_conf conf;

	(void)state;
	memset(&conf, 0, sizeof(conf));
	tuff_setprogname("t");
	tuff_set_diag_conf(&conf);
	assert_keys_warn(
	    "kind: journey\n"
	    "id: a\n"
	    "titel: A\n"
	    "note: my own\n"
	    "steps:\n"
	    "  - action: x\n"
	    "    scor: 3\n"
	    "  - action: y\n"
	    "    scor: 2\n"
	    "    wait_day: 1\n"
	    "    extra: {scor: 1}\n"
	    "insights: [{scor: 1}]\n",
	    "t: t.yaml:3:1: warning: unknown key \"titel\", ignored; did you "
	    "mean \"title\"?\n"
	    "t: t.yaml:7:5: warning: unknown key \"scor\", ignored; did you "
	    "mean \"score\"?\n"
	    "t: t.yaml:10:5: warning: unknown key \"wait_day\", ignored; did "
	    "you mean \"wait_days\"?\n");
	/* Once per run and place: the same typo in another record is not
	 * said again, the same key in another place is. */
	assert_keys_warn(
	    "kind: journey\nid: b\ntitel: B\nsteps: [{action: x, scor: 1}]\n",
	    "");
	assert_keys_warn(
	    "kind: assignment\n"
	    "id: U-2021-001\n"
	    "titel: x\n"
	    "folow_up:\n"
	    "  indicators: [{name: a, methd: x}]\n"
	    "follow_up:\n"
	    "  indicators: [{name: a, methd: x}]\n"
	    "  feedbak: x\n"
	    "milestones:\n"
	    "  - {name: a, reched: 2021-01-01}\n"
	    "obstacles:\n"
	    "  - [not, a, mapping]\n",
	    "t: t.yaml:3:1: warning: unknown key \"titel\", ignored; did you "
	    "mean \"title\"?\n"
	    "t: t.yaml:4:1: warning: unknown key \"folow_up\", ignored; did "
	    "you mean \"follow_up\"?\n"
	    "t: t.yaml:7:26: warning: unknown key \"methd\", ignored; did "
	    "you mean \"method\"?\n"
	    "t: t.yaml:8:3: warning: unknown key \"feedbak\", ignored; did "
	    "you mean \"feedback\"?\n"
	    "t: t.yaml:10:15: warning: unknown key \"reched\", ignored; did "
	    "you mean \"reached\"?\n");
	/* Kinds whose keys are not known, and kindless records: nothing. */
	assert_keys_warn("kind: note\ntitel: x\n", "");
	assert_keys_warn("kind: Journey\ntitel: x\n", "");
	assert_keys_warn("titel: x\n", "");
	tuff_set_diag_conf(NULL);
}

/* What hme-score does at the event level. */
static void
event_keys(void)
{
	const struct tuff_place *p = tuff_schema_place("hme-response");

	assert_int_equal(tuff_schema_check_key(p, "unit", 4, "r.yaml", 1, 1),
	    0);
	assert_int_equal(tuff_schema_check_key(p, "perod", 5, "r.yaml", 2, 1),
	    1);
	assert_int_equal(tuff_schema_check_key(p, "perod", 5, "r.yaml", 9, 1),
	    1);
	assert_int_equal(tuff_schema_check_key(p, "comment", 7, "r.yaml", 3,
	    1), 0);
	p = tuff_schema_child(p, "answers", 7);
	assert_int_equal(tuff_schema_check_key(p, "s4", 2, "r.yaml", 4, 12),
	    1);
	assert_int_equal(tuff_schema_check_key(NULL, "x", 1, "r.yaml", 4, 12),
	    0);
}

static void
test_check_key(void **state)
{
	struct tuff_diag_conf conf;

	(void)state;
	memset(&conf, 0, sizeof(conf));
	tuff_setprogname("t");
	tuff_set_diag_conf(&conf);
	assert_string_equal(stderr_of(event_keys),
	    "t: r.yaml:2:1: warning: unknown key \"perod\", ignored; did you "
	    "mean \"period\"?\n"
	    "t: r.yaml:4:12: warning: unknown key \"s4\", ignored; did you "
	    "mean \"s1\"?\n");
	tuff_set_diag_conf(NULL);
}

/*
 * A record of 80 000 keys (what fits in the 1 MiB a record may have),
 * none known, each as long as the keys of an assignment so that every
 * one is measured against them all: time in proportion to the keys.
 */
static void
test_many_keys(void **state)
{
	const size_t nkeys = 80000;
	struct tuff_diag_conf conf;
	struct tuff_doc *doc;
	struct timespec t0, t1;
	char *yaml, *p;
	size_t i;
	double secs;

	(void)state;
	yaml = malloc(nkeys * 16 + 64);
	assert_non_null(yaml);
	p = yaml + sprintf(yaml, "kind: assignment\n");
	for (i = 0; i < nkeys; i++)
		p += sprintf(p, "s%06zu: 1\n", i);
	p += sprintf(p, "statuss: 1\n");
	doc = doc_of(yaml);
	memset(&conf, 0, sizeof(conf));
	conf.strict = 1;
	tuff_set_diag_conf(&conf);
	the_doc = doc;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	(void)stderr_of(check_keys);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	print_message("%zu keys checked in %.3f s\n", nkeys + 1, secs);
	assert_int_equal(conf.promoted, 1);	/* statuss */
	/* Linear is a fraction of a second, even under the sanitizers;
	 * quadratic would be minutes.  The margin is for valgrind. */
	if (secs > 20.0)
		fail_msg("%zu keys took %.2f s", nkeys, secs);
	tuff_doc_free(doc);
	free(yaml);
	tuff_set_diag_conf(NULL);
}

/* The table as the manual's test reads it. */
static void
test_list(void **state)
{
	char buf[16384];
	FILE *fp = fmemopen(buf, sizeof(buf), "w");
	size_t n;

	(void)state;
	assert_non_null(fp);
	assert_int_equal(tuff_schema_list(fp), 0);
	n = (size_t)ftell(fp);
	fclose(fp);
	buf[n < sizeof(buf) ? n : sizeof(buf) - 1] = '\0';
	assert_non_null(strstr(buf, "kind journey\nkind challenge\n"));
	assert_non_null(strstr(buf, "\njourney.steps score\n"));
	assert_non_null(strstr(buf, "\njourney.metrics.lowest step\n"));
	assert_non_null(strstr(buf, "\nassignment.follow_up.indicators "
	    "every\n"));
	assert_non_null(strstr(buf, "\ntbls-profile.principles.tillit "
	    "passed\n"));
	assert_non_null(strstr(buf, "\nrules.rules severity\n"));
	/* A place is listed once, at its first path. */
	assert_null(strstr(buf, "challenge.metrics "));
	assert_null(strstr(buf, "tbls-profile.areas.styrning "));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_near_kind),
		cmocka_unit_test(test_near_kind_swedish),
		cmocka_unit_test(test_near_kind_none),
		cmocka_unit_test(test_near_key),
		cmocka_unit_test(test_near_key_none),
		cmocka_unit_test(test_near),
		cmocka_unit_test(test_distance),
		cmocka_unit_test(test_check_kind),
		cmocka_unit_test(test_check_keys),
		cmocka_unit_test(test_check_key),
		cmocka_unit_test(test_many_keys),
		cmocka_unit_test(test_list),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
