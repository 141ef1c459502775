/*
 * Unit tests for the TBLS rulebook: the table itself, the engine
 * (profiles, positions, boundaries of the rules with a number in them),
 * validation, the journeys index, the rules file, the output and a
 * whole run.
 * Each rule's firing and passing case is also a golden CLI case under
 * tests/cli/tbls-check.
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

#include "tuff/record.h"
#include "tuff/tbls.h"
#include "tuff/tuff.h"

#include "util.h"

#define AS_OF	"2021-06-01"

static void
config(struct tbls_config *cfg)
{
	tuff_day d;

	assert_int_equal(tuff_date_parse(AS_OF, 10, &d), 0);
	tbls_config_init(cfg, d);
}

/* Check text with the default config; returns the validated doc. */
static struct tuff_doc *
check(const char *text, const struct tbls_journeys *jr,
    struct tbls_result *res)
{
	struct tbls_config cfg;
	struct tuff_doc *doc = doc_of(text);
	struct tuff_error e;

	config(&cfg);
	if (tbls_validate(doc, &e) == -1)
		fail_msg("%lu:%lu: %s", e.line, e.column, e.msg);
	assert_int_equal(tbls_check(&cfg, jr, doc, res), 0);
	return doc;
}

/* The findings of rule id in res. */
static size_t
fired(const struct tbls_result *res, const char *id)
{
	int rule = tbls_rule_find(id);
	size_t i, n = 0;

	assert_true(rule >= 0);
	for (i = 0; i < res->n; i++)
		if (res->v[i].rule == (size_t)rule)
			n++;
	return n;
}

static const struct tbls_finding *
finding(const struct tbls_result *res, const char *id)
{
	int rule = tbls_rule_find(id);
	size_t i;

	for (i = 0; i < res->n; i++)
		if (res->v[i].rule == (size_t)rule)
			return &res->v[i];
	fail_msg("%s did not fire", id);
	return NULL;
}

/* An assignment every rule is happy with. */
static const char complete[] =
	"kind: assignment\n"
	"id: U-2022-001\n"
	"title: Forum för erfarenhet\n"
	"owner: Avdelning Folkhälsa och hållbarhet\n"
	"support: [avdelningschef]\n"
	"status: done\n"
	"mandate: Handlingsplanen 2022\n"
	"target_group: Medarbetarna\n"
	"needs:\n"
	"  - need: Dela lärdomar\n"
	"    source: dialogue:apt-2022-03\n"
	"analysis: Lärdomar stannar hos den enskilde\n"
	"collaboration: [företagshälsan]\n"
	"follow_up:\n"
	"  indicators:\n"
	"    - name: Deltagande\n"
	"      method: quantitative\n"
	"      every: month\n"
	"    - name: Upplevd nytta\n"
	"      method: qualitative\n"
	"      every: quarter\n"
	"  feedback: Vid varje APT\n"
	"obstacles:\n"
	"  - obstacle: Ingen lokal\n"
	"    raised: 2020-01-01\n"
	"    owner: avdelningschef\n"
	"    resolved: 2020-02-01\n"
	"lessons: [Fira framsteg]\n";

static void
test_table(void **state)
{
	const struct tbls_rule *r;
	size_t n, i, j, len;
	int seen[TBLS_NPRINCIPLES] = { 0 };

	(void)state;
	r = tbls_rules(&n);
	assert_int_equal(n, 17);
	assert_true(n <= TBLS_MAX_RULES);
	for (i = 0; i < n; i++) {
		/* The id starts with its principle's name and a dot. */
		len = strlen(tbls_principle_name(r[i].principle));
		assert_memory_equal(r[i].id,
		    tbls_principle_name(r[i].principle), len);
		assert_int_equal(r[i].id[len], '.');
		assert_true(r[i].severity >= TBLS_NOTE &&
		    r[i].severity <= TBLS_ERROR);
		assert_true(r[i].kinds != 0);
		assert_true(r[i].rationale[0] != '\0');
		assert_true(r[i].message[0] != '\0');
		assert_non_null(r[i].check);
		assert_int_equal(tbls_rule_find(r[i].id), (int)i);
		for (j = 0; j < i; j++)
			assert_string_not_equal(r[i].id, r[j].id);
		seen[r[i].principle] = 1;
	}
	for (i = 0; i < TBLS_NPRINCIPLES; i++)
		assert_true(seen[i]);
	assert_int_equal(tbls_rule_find("tillit"), -1);
	assert_int_equal(tbls_rule_find(""), -1);
}

static void
test_names(void **state)
{
	(void)state;
	assert_string_equal(tbls_principle_name(TBLS_STOD), "stod");
	assert_int_equal(tbls_principle_area(TBLS_TILLIT),
	    TBLS_KULTUR_OCH_LEDARSKAP);
	assert_int_equal(tbls_principle_area(TBLS_STOD), TBLS_STYRNING);
	assert_int_equal(tbls_principle_area(TBLS_KUNSKAP), TBLS_ORGANISATION);
	assert_string_equal(tbls_area_name(TBLS_KULTUR_OCH_LEDARSKAP),
	    "kultur-och-ledarskap");
	assert_int_equal(tbls_severity_parse("error", 0), TBLS_ERROR);
	assert_int_equal(tbls_severity_parse("note", 0), TBLS_NOTE);
	assert_int_equal(tbls_severity_parse("never", 0), -1);
	assert_int_equal(tbls_severity_parse("never", 1), TBLS_NEVER);
	assert_int_equal(tbls_severity_parse("off", 1), -1);
	assert_int_equal(tbls_severity_parse("Error", 1), -1);
	assert_string_equal(tbls_severity_name(TBLS_WARNING), "warning");
}

static void
test_complete_passes(void **state)
{
	struct tbls_result res = { 0 };
	struct tuff_doc *doc;
	size_t n, i, checked = 0;

	(void)state;
	doc = check(complete, NULL, &res);
	assert_int_equal(res.n, 0);
	assert_int_equal(tbls_result_worst(&res), TBLS_OFF);
	tbls_rules(&n);
	for (i = 0; i < TBLS_NPRINCIPLES; i++) {
		assert_int_equal(res.passed[i], res.checked[i]);
		checked += res.checked[i];
	}
	/* Every rule but the decision's. */
	assert_int_equal(checked, n - 1);
	assert_int_equal(res.checked[TBLS_OPPENHET], 1);
	tbls_result_free(&res);
	tuff_doc_free(doc);
}

static void
test_decision(void **state)
{
	struct tbls_result res = { 0 };
	struct tuff_doc *doc;

	(void)state;
	doc = check("kind: decision\ndate: 2020-11-19\ndecided_by: socialchef\n"
	    "regarding: rullstol\noutcome: reject\n", NULL, &res);
	assert_int_equal(res.n, 1);
	assert_int_equal(fired(&res, "oppenhet.rationale-missing"), 1);
	assert_int_equal(res.checked[TBLS_OPPENHET], 1);
	assert_int_equal(res.passed[TBLS_OPPENHET], 0);
	assert_int_equal(res.checked[TBLS_MEDBORGARFOKUS], 0);
	assert_string_equal(res.v[0].path, "/rationale");
	assert_int_equal(res.v[0].line, 1);
	tbls_result_free(&res);
	tuff_doc_free(doc);
}

/* Absent: at the record's first key.  Empty: at the key. */
static void
test_positions(void **state)
{
	struct tbls_result res = { 0 };
	struct tuff_doc *doc;
	const struct tbls_finding *f;

	(void)state;
	doc = check("---\nkind: assignment\nid: U-1\ntitle: T\nowner: O\n"
	    "status: active\n  \nneeds: []\nfollow_up:\n  indicators: []\n",
	    NULL, &res);
	f = finding(&res, "medborgarfokus.needs-missing");
	assert_int_equal(f->severity, TBLS_ERROR);
	assert_int_equal(f->line, 8);
	assert_int_equal(f->column, 1);
	assert_string_equal(f->path, "/needs");
	f = finding(&res, "kunskap.analysis-missing");
	assert_int_equal(f->line, 2);
	assert_int_equal(f->column, 1);
	/* A follow-up of empty indicators is empty of feedback too. */
	f = finding(&res, "oppenhet.feedback-missing");
	assert_int_equal(f->line, 10);
	assert_int_equal(f->column, 3);
	assert_string_equal(f->path, "/follow_up/feedback");
	assert_int_equal(fired(&res, "kunskap.follow-up-missing"), 0);
	assert_int_equal(fired(&res, "tillit.quantitative-only"), 0);
	tbls_result_free(&res);
	tuff_doc_free(doc);
}

static char *
with(const char *tail)
{
	static char buf[4096];

	snprintf(buf, sizeof(buf), "kind: assignment\nid: U-1\ntitle: T\n"
	    "owner: O\nstatus: active\n%s", tail);
	return buf;
}

/* n indicators, every: every, method quantitative. */
static char *
indicators(size_t n, const char *every)
{
	static char buf[2048];
	size_t i, len;

	len = (size_t)snprintf(buf, sizeof(buf), "follow_up:\n  indicators:\n");
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(buf + len, sizeof(buf) - len,
		    "    - {name: i%zu, method: quantitative, every: %s}\n", i,
		    every);
	return with(buf);
}

static void
test_indicator_bounds(void **state)
{
	struct tbls_result res = { 0 };
	struct tuff_doc *doc;

	(void)state;
	doc = check(indicators(5, "week"), NULL, &res);
	assert_int_equal(fired(&res, "handlingsutrymme.too-many-indicators"), 0);
	assert_int_equal(fired(&res, "tillit.detail-control"), 1);
	assert_int_equal(fired(&res, "tillit.quantitative-only"), 1);
	tuff_doc_free(doc);
	doc = check(indicators(6, "month"), NULL, &res);
	assert_int_equal(fired(&res, "handlingsutrymme.too-many-indicators"), 1);
	assert_int_equal(fired(&res, "tillit.detail-control"), 0);
	assert_string_equal(finding(&res,
	    "handlingsutrymme.too-many-indicators")->path,
	    "/follow_up/indicators");
	tuff_doc_free(doc);
	doc = check(indicators(3, "day"), NULL, &res);
	assert_int_equal(fired(&res, "tillit.detail-control"), 0);
	tuff_doc_free(doc);
	doc = check(indicators(4, "day"), NULL, &res);
	assert_int_equal(fired(&res, "tillit.detail-control"), 1);
	tuff_doc_free(doc);
	tbls_result_free(&res);
}

static void
test_obstacles(void **state)
{
	struct tbls_result res = { 0 };
	struct tuff_doc *doc;
	const struct tbls_finding *f;

	(void)state;
	/* 2021-04-02 is 60 days before 2021-06-01: not yet stale. */
	doc = check(with("obstacles:\n"
	    "  - {obstacle: A, raised: 2021-04-02, owner: x}\n"
	    "  - {obstacle: B, raised: 2021-04-01, owner: x}\n"
	    "  - {obstacle: C, raised: 2020-01-01, resolved: 2020-02-01}\n"
	    "  - {obstacle: D, raised: 2020-01-01, owner: ''}\n"
	    "  - obstacle: E\n"
	    "    owner:\n"), NULL, &res);
	assert_int_equal(fired(&res, "stod.obstacle-stale"), 2);
	f = finding(&res, "stod.obstacle-stale");
	assert_string_equal(f->path, "/obstacles/1/raised");
	assert_non_null(strstr(f->message, "61 days since 2021-04-01"));
	assert_int_equal(fired(&res, "stod.obstacle-unowned"), 2);
	f = finding(&res, "stod.obstacle-unowned");
	assert_string_equal(f->path, "/obstacles/3/owner");
	/* The second: owner present and null, so at the key. */
	f = &f[1];
	assert_string_equal(f->path, "/obstacles/4/owner");
	assert_int_equal(f->line, 12);
	assert_int_equal(f->column, 5);
	tbls_result_free(&res);
	tuff_doc_free(doc);
}

static void
test_stale_option(void **state)
{
	struct tbls_config cfg;
	struct tbls_result res = { 0 };
	struct tuff_doc *doc;

	(void)state;
	doc = doc_of(with("obstacles:\n"
	    "  - {obstacle: A, raised: 2021-04-01, owner: x}\n"));
	config(&cfg);
	cfg.stale_days = 61;
	assert_int_equal(tbls_check(&cfg, NULL, doc, &res), 0);
	assert_int_equal(fired(&res, "stod.obstacle-stale"), 0);
	cfg.stale_days = 0;
	cfg.as_of -= 61;	/* raised on the day: age 0, not stale */
	assert_int_equal(tbls_check(&cfg, NULL, doc, &res), 0);
	assert_int_equal(fired(&res, "stod.obstacle-stale"), 0);
	cfg.as_of++;
	assert_int_equal(tbls_check(&cfg, NULL, doc, &res), 0);
	assert_int_equal(fired(&res, "stod.obstacle-stale"), 1);
	tbls_result_free(&res);
	tuff_doc_free(doc);
}

static void
test_narrow_collaboration(void **state)
{
	struct tbls_journeys *jr;
	struct tbls_result res = { 0 };
	struct tuff_doc *doc;
	const char *text = with("needs:\n"
	    "  - {need: a, source: 'survey:2021'}\n"
	    "  - {need: b, source: 'journey:okänd'}\n"
	    "  - {need: c, source: 'journey:resa'}\n"
	    "  - {need: d, source: 'journey:bred'}\n"
	    "collaboration: [x, y]\n");

	(void)state;
	jr = tbls_journeys_new();
	assert_non_null(jr);
	/* Owner and two collaborators are three: three actors is fine. */
	assert_int_equal(tbls_journeys_add(jr, "resa", 3), 0);
	doc = check(text, jr, &res);
	assert_int_equal(fired(&res, "helhetssyn.narrow-collaboration"), 0);
	tuff_doc_free(doc);
	assert_int_equal(tbls_journeys_add(jr, "bred", 5), 0);
	assert_int_equal(tbls_journeys_add(jr, "resa", 9), 0); /* ignored */
	doc = check(text, jr, &res);
	assert_int_equal(fired(&res, "helhetssyn.narrow-collaboration"), 1);
	assert_string_equal(finding(&res,
	    "helhetssyn.narrow-collaboration")->path, "/needs/3/source");
	assert_int_equal(finding(&res,
	    "helhetssyn.narrow-collaboration")->severity, TBLS_NOTE);
	tuff_doc_free(doc);
	/* Without journeys the rule is checked and passes. */
	doc = check(text, NULL, &res);
	assert_int_equal(res.checked[TBLS_HELHETSSYN], 2);
	tbls_result_free(&res);
	tuff_doc_free(doc);
	tbls_journeys_free(jr);
}

static void
test_journeys_many(void **state)
{
	struct tbls_journeys *jr;
	char id[32];
	size_t i, a;

	(void)state;
	jr = tbls_journeys_new();
	assert_non_null(jr);
	assert_int_equal(tbls_journeys_get(jr, "x", &a), 0);
	for (i = 0; i < 5000; i++) {
		snprintf(id, sizeof(id), "j-%zu", i);
		assert_int_equal(tbls_journeys_add(jr, id, i), 0);
	}
	for (i = 0; i < 5000; i += 7) {
		snprintf(id, sizeof(id), "j-%zu", i);
		assert_int_equal(tbls_journeys_get(jr, id, &a), 1);
		assert_int_equal(a, i);
	}
	assert_int_equal(tbls_journeys_get(jr, "j-5000", &a), 0);
	tbls_journeys_free(jr);
	tbls_journeys_free(NULL);
}

static void
test_lessons_and_sources(void **state)
{
	struct tbls_result res = { 0 };
	struct tuff_doc *doc;
	const struct tbls_finding *f;

	(void)state;
	doc = check(with("lessons: []\nneeds:\n  - need: \"Tre\\tord\"\n"
	    "    source: ''\n  - need: x\n"), NULL, &res);
	assert_int_equal(fired(&res, "kunskap.lessons-missing"), 0);
	assert_int_equal(fired(&res, "medborgarfokus.need-unsourced"), 2);
	f = finding(&res, "medborgarfokus.need-unsourced");
	assert_string_equal(f->path, "/needs/0/source");
	assert_int_equal(f->line, 9);
	assert_non_null(strstr(f->message, "\"Tre ord\""));
	tuff_doc_free(doc);
	doc = check("kind: assignment\nid: U-1\ntitle: T\nowner: O\n"
	    "status: done\nlessons: ''\n", NULL, &res);
	assert_int_equal(fired(&res, "kunskap.lessons-missing"), 1);
	assert_int_equal(finding(&res, "kunskap.lessons-missing")->line, 6);
	tbls_result_free(&res);
	tuff_doc_free(doc);
}

/* Long text in a message is cut between characters, with "...". */
static void
test_quote_cut(void **state)
{
	struct tbls_result res = { 0 };
	struct tuff_doc *doc;
	char text[512], need[256];
	const char *m, *q;
	int i;

	(void)state;
	need[0] = '\0';
	for (i = 0; i < 40; i++)
		strcat(need, "åä");
	snprintf(text, sizeof(text), "needs:\n  - need: %s\n", need);
	doc = check(with(text), NULL, &res);
	m = finding(&res, "medborgarfokus.need-unsourced")->message;
	q = strstr(m, "...\"");
	assert_non_null(q);
	/* 60 characters of two bytes each after the opening quote. */
	assert_int_equal(q - (strchr(m, '"') + 1), 120);
	tuff_doc_free(doc);
	/* Text with spaces is cut after a word. */
	need[0] = '\0';
	for (i = 0; i < 15; i++)
		strcat(need, "ordet ");
	snprintf(text, sizeof(text), "needs:\n  - need: %s\n", need);
	doc = check(with(text), NULL, &res);
	m = finding(&res, "medborgarfokus.need-unsourced")->message;
	assert_non_null(strstr(m, " ordet..."));
	assert_null(strstr(m, " ..."));
	tbls_result_free(&res);
	tuff_doc_free(doc);
}

static void
test_validate(void **state)
{
	static const struct {
		const char	*text;
		unsigned long	 line, column;
		const char	*msg;
	} bad[] = {
		{ "kind: assignment\ntitle: T\nowner: O\nstatus: active\n",
		  1, 1, "id: required" },
		{ "kind: assignment\nid: U\ntitle: T\nowner: O\nstatus: klar\n",
		  5, 9, "status: unknown value" },
		{ "kind: assignment\nid: U\ntitle: T\nowner: O\nstatus: done\n"
		  "needs: [snabbt]\n", 6, 9, "needs: item 1: expected a mapping" },
		{ "kind: assignment\nid: U\ntitle: T\nowner: O\nstatus: done\n"
		  "needs: {need: x}\n", 6, 8, "needs: expected a sequence" },
		{ "kind: assignment\nid: U\ntitle: T\nowner: O\nstatus: done\n"
		  "follow_up: [x]\n", 6, 12, "follow_up: expected a mapping" },
		{ "kind: assignment\nid: U\ntitle: T\nowner: O\nstatus: done\n"
		  "follow_up:\n  indicators:\n    - {every: fortnight}\n",
		  8, 15, "every: unknown value" },
		{ "kind: assignment\nid: U\ntitle: T\nowner: O\nstatus: done\n"
		  "obstacles:\n  - {raised: igår}\n", 7, 14,
		  "raised: expected a date" },
		{ "kind: assignment\nid: U\ntitle: T\nowner: O\nstatus: done\n"
		  "obstacles:\n  - {resolved: 2021-02-30}\n", 7, 16,
		  "resolved: there is no such day as 2021-02-30" },
		{ "kind: decision\ndate: 2020-11-19\ndecided_by: x\n"
		  "outcome: assign\n", 1, 1, "regarding: required" },
		{ "kind: decision\ndate: 2020-11-19\ndecided_by: x\n"
		  "regarding: [[a]]\noutcome: assign\n", 4, 13,
		  "regarding: each entry" },
		{ "kind: decision\ndate: 2020-11-19\ndecided_by: x\n"
		  "regarding: [a]\noutcome: maybe\n", 5, 10,
		  "outcome: unknown value" },
	};
	struct tuff_doc *doc;
	struct tuff_error e;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		doc = doc_of(bad[i].text);
		memset(&e, 0, sizeof(e));
		assert_int_equal(tbls_validate(doc, &e), -1);
		if (strstr(e.msg, bad[i].msg) == NULL || e.line != bad[i].line ||
		    e.column != bad[i].column)
			fail_msg("case %zu: %lu:%lu: %s", i, e.line, e.column,
			    e.msg);
		assert_string_equal(e.file, "t.yaml");
		tuff_doc_free(doc);
	}
	doc = doc_of("kind: hme-response\n");
	assert_int_equal(tbls_kind(doc), 0);
	assert_int_equal(tbls_validate(doc, &e), 0);
	tuff_doc_free(doc);
}

/* Load a rules file from text into cfg; returns the result. */
static int
load(struct tbls_config *cfg, const char *text, struct tuff_error *e)
{
	FILE *fp;
	int rc;

	fp = fmemopen((void *)text, strlen(text), "r");
	assert_non_null(fp);
	rc = tbls_config_load(cfg, fp, "rules.yaml", e);
	fclose(fp);
	return rc;
}

static void
test_rules_file(void **state)
{
	struct tbls_config cfg;
	struct tuff_error e;
	int a = tbls_rule_find("kunskap.analysis-missing");
	int d = tbls_rule_find("tillit.detail-control");
	int n = tbls_rule_find("helhetssyn.narrow-collaboration");

	(void)state;
	config(&cfg);
	assert_int_equal(load(&cfg, "rules:\n"
	    "  tillit.detail-control: disable\n"
	    "  kunskap.analysis-missing: {severity: error}\n"
	    "  helhetssyn.narrow-collaboration: enable\n", &e), 0);
	assert_int_equal(cfg.severity[d], TBLS_OFF);
	assert_int_equal(cfg.severity[a], TBLS_ERROR);
	assert_int_equal(cfg.severity[n], TBLS_NOTE);
	/* enable brings back the default severity. */
	assert_int_equal(load(&cfg, "rules: {tillit.detail-control: enable}\n",
	    &e), 0);
	assert_int_equal(cfg.severity[d], TBLS_WARNING);
	assert_int_equal(cfg.severity[a], TBLS_ERROR);
	/* A mapping with a severity enables a disabled rule. */
	assert_int_equal(load(&cfg, "rules: {tillit.detail-control: disable}\n",
	    &e), 0);
	assert_int_equal(load(&cfg, "rules:\n  tillit.detail-control:\n"
	    "    severity: note\n", &e), 0);
	assert_int_equal(cfg.severity[d], TBLS_NOTE);
	/* Empty files and an empty rules key change nothing. */
	assert_int_equal(load(&cfg, "", &e), 0);
	assert_int_equal(load(&cfg, "# nothing\nrules:\n", &e), 0);
	assert_int_equal(cfg.severity[d], TBLS_NOTE);
}

static void
test_rules_file_errors(void **state)
{
	static const struct {
		const char	*text;
		unsigned long	 line, column;
		const char	*msg;
	} bad[] = {
		{ "rules:\n  tillit.detail-control: disable\n"
		  "  tillit.detail-kontroll: disable\n", 3, 3,
		  "unknown rule \"tillit.detail-kontroll\"" },
		{ "rules:\n  tillit: disable\n", 2, 3, "unknown rule" },
		{ "rule:\n  tillit.detail-control: disable\n", 1, 1,
		  "unknown key \"rule\"" },
		{ "rules: [tillit.detail-control]\n", 1, 8,
		  "rules: expected a mapping" },
		{ "rules:\n  tillit.detail-control: off\n", 2, 26,
		  "expected enable, disable" },
		{ "rules:\n  tillit.detail-control: {severity: fatal}\n", 2, 37,
		  "severity: expected error, warning or note" },
		{ "rules:\n  tillit.detail-control: {level: error}\n", 2, 27,
		  "unknown setting \"level\"" },
		{ "rules:\n  tillit.detail-control: {}\n", 2, 26,
		  "needs a severity" },
		{ "rules: {}\n---\nrules: {}\n", 2, 1, "one document" },
		{ "rules: {a: [}\n", 1, 0, "" },
	};
	struct tbls_config cfg, before;
	struct tuff_error e;
	size_t i;

	(void)state;
	config(&cfg);
	before = cfg;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		memset(&e, 0, sizeof(e));
		assert_int_equal(load(&cfg, bad[i].text, &e), -1);
		assert_string_equal(e.file, "rules.yaml");
		if (strstr(e.msg, bad[i].msg) == NULL ||
		    e.line != bad[i].line ||
		    (bad[i].column != 0 && e.column != bad[i].column))
			fail_msg("case %zu: %lu:%lu: %s", i, e.line, e.column,
			    e.msg);
		/* A bad file changes nothing, even after a good line. */
		assert_memory_equal(&cfg, &before, sizeof(cfg));
	}
}

static void
test_disabled_rule(void **state)
{
	struct tbls_config cfg;
	struct tbls_result res = { 0 };
	struct tuff_doc *doc;
	int r = tbls_rule_find("medborgarfokus.needs-missing");

	(void)state;
	config(&cfg);
	cfg.severity[r] = TBLS_OFF;
	cfg.severity[tbls_rule_find("kunskap.analysis-missing")] = TBLS_ERROR;
	doc = doc_of(with(""));
	assert_int_equal(tbls_check(&cfg, NULL, doc, &res), 0);
	assert_int_equal(fired(&res, "medborgarfokus.needs-missing"), 0);
	assert_int_equal(finding(&res, "kunskap.analysis-missing")->severity,
	    TBLS_ERROR);
	assert_int_equal(res.checked[TBLS_MEDBORGARFOKUS], 2);
	assert_int_equal(res.count[TBLS_ERROR], 1);
	assert_int_equal(tbls_result_worst(&res), TBLS_ERROR);
	tbls_result_free(&res);
	tuff_doc_free(doc);
}

static void
test_output(void **state)
{
	struct tbls_config cfg;
	struct tbls_result res = { 0 };
	struct tuff_writer *w;
	struct tuff_doc *doc;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	(void)state;
	config(&cfg);
	doc = doc_of("kind: decision\nid: B-2020-003\ndate: 2020-11-19\n"
	    "decided_by: socialchef\nregarding: [rullstol]\noutcome: assign\n"
	    "rationale: ''\n");
	assert_int_equal(tbls_check(&cfg, NULL, doc, &res), 0);
	assert_int_equal(res.n, 1);
	fp = open_memstream(&buf, &len);
	assert_non_null(fp);
	w = tuff_writer_new(fp);
	assert_int_equal(tbls_write_finding(w, doc, &res.v[0]), 0);
	assert_int_equal(tuff_writer_close(w), 0);
	tuff_writer_free(w);
	assert_int_equal(tbls_print_finding(fp, doc, &res.v[0]), 0);
	assert_int_equal(tbls_print_profile(fp, doc, &res), 0);
	fclose(fp);
	assert_string_equal(buf,
	    "---\n"
	    "kind: finding\n"
	    "rule: oppenhet.rationale-missing\n"
	    "principle: oppenhet\n"
	    "area: kultur-och-ledarskap\n"
	    "severity: warning\n"
	    "record: B-2020-003\n"
	    "file: t.yaml\n"
	    "line: 7\n"
	    "column: 1\n"
	    "path: /rationale\n"
	    "message: the decision gives no rationale; say why it was made\n"
	    "t.yaml:7:1: warning: B-2020-003: the decision gives no rationale; "
	    "say why it was made [oppenhet.rationale-missing]\n"
	    "B-2020-003: 0 of 1 check passed (kultur-och-ledarskap 0/1, "
	    "styrning 0/0, organisation 0/0)\n");
	free(buf);
	tbls_result_free(&res);
	tuff_doc_free(doc);
}

static void
test_list_rules(void **state)
{
	struct tbls_config cfg;
	char *buf = NULL, *line, *save = NULL;
	size_t len = 0, n, i = 0;
	const struct tbls_rule *r = tbls_rules(&n);
	FILE *fp;

	(void)state;
	config(&cfg);
	cfg.severity[0] = TBLS_OFF;
	fp = open_memstream(&buf, &len);
	assert_non_null(fp);
	assert_int_equal(tbls_list_rules(fp, &cfg), 0);
	fclose(fp);
	for (line = strtok_r(buf, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save), i++) {
		assert_true(i < n);
		assert_memory_equal(line, r[i].id, strlen(r[i].id));
		assert_int_equal(line[strlen(r[i].id)], ' ');
		assert_non_null(strstr(line, r[i].rationale));
		assert_non_null(strstr(line, i == 0 ? " off " :
		    tbls_severity_name(r[i].severity)));
	}
	assert_int_equal(i, n);
	free(buf);
}

static void
test_rules_path(void **state)
{
	char path[] = "/tmp/tuff-rules-XXXXXX";
	struct tbls_config cfg, before;
	int d = tbls_rule_find("tillit.detail-control");

	(void)state;
	config(&cfg);
	temp_file(path, "rules: {tillit.detail-control: disable}\n");
	assert_int_equal(tbls_config_load_path(&cfg, path), 0);
	assert_int_equal(cfg.severity[d], TBLS_OFF);
	unlink(path);
	/* A bad file, or none, changes nothing (its error is reported). */
	before = cfg;
	temp_file(path, "rules: {tillit.detail-control: on}\n");
	assert_int_equal(tbls_config_load_path(&cfg, path), -1);
	unlink(path);
	assert_int_equal(tbls_config_load_path(&cfg, path), -1);
	assert_memory_equal(&cfg, &before, sizeof(cfg));
}

/*
 * Run tbls_run over text in a file of its own, into the file out;
 * returns what it wrote (NULL when it wrote nothing) and the status in
 * *rc.  in gets the input's name, for the findings that cite it.
 */
static char *
run_on(const struct tbls_run_conf *c, const char *text, char *in,
    int *rc)
{
	char out[] = "/tmp/tuff-tbls-out-XXXXXX", *argv[] = { in, NULL };

	temp_file(in, text);
	temp_file(out, NULL);
	*rc = tbls_run(c, 1, argv, out);
	unlink(in);
	return take_file(out);
}

/* A challenge passes on; a decision stays as read, its finding after. */
static const char stream[] =
	"# ärendet\n"
	"kind: challenge # as written\n"
	"---\n"
	"kind: decision\n"
	"id: B-2020-003\n"
	"date: 2020-11-19\n"
	"decided_by: socialchef\n"
	"regarding: [rullstol]\n"
	"outcome: assign\n"
	"rationale: ''\n"
	"# the end\n";

static void
test_run(void **state)
{
	struct tbls_run_conf c = { .fail_on = TBLS_WARNING };
	char in[] = "/tmp/tuff-tbls-in-XXXXXX", want[512], *got;
	int rc;

	(void)state;
	config(&c.cfg);
	got = run_on(&c, stream, in, &rc);
	assert_int_equal(rc, TUFF_NO);	/* a warning, at --fail-on warning */
	assert_non_null(got);
	snprintf(want, sizeof(want),
	    "# ärendet\n---\nkind: challenge # as written\n---\n"
	    "kind: decision\nid: B-2020-003\ndate: 2020-11-19\n"
	    "decided_by: socialchef\nregarding: [rullstol]\n"
	    "outcome: assign\nrationale: ''\n"
	    "---\nkind: finding\nrule: oppenhet.rationale-missing\n"
	    "principle: oppenhet\narea: kultur-och-ledarskap\n"
	    "severity: warning\nrecord: B-2020-003\nfile: %s\nline: 10\n"
	    "column: 1\npath: /rationale\nmessage: the decision gives no "
	    "rationale; say why it was made\n# the end\n", in);
	assert_string_equal(got, want);
	free(got);

	/* gcc: the lines only, and the profile; a warning is no error. */
	c.gcc = c.summary = 1;
	c.fail_on = TBLS_ERROR;
	got = run_on(&c, stream, in, &rc);
	assert_int_equal(rc, TUFF_OK);
	assert_non_null(got);
	snprintf(want, sizeof(want),
	    "%s:10:1: warning: B-2020-003: the decision gives no rationale; "
	    "say why it was made [oppenhet.rationale-missing]\n"
	    "B-2020-003: 0 of 1 check passed (kultur-och-ledarskap 0/1, "
	    "styrning 0/0, organisation 0/0)\n", in);
	assert_string_equal(got, want);
	free(got);

	/* An invalid record fails the run, which writes nothing. */
	got = run_on(&c, "kind: decision\nid: B-2020-004\n", in, &rc);
	assert_int_equal(rc, TUFF_ERR);
	assert_null(got);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_complete_passes),
		cmocka_unit_test(test_decision),
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_indicator_bounds),
		cmocka_unit_test(test_obstacles),
		cmocka_unit_test(test_stale_option),
		cmocka_unit_test(test_narrow_collaboration),
		cmocka_unit_test(test_journeys_many),
		cmocka_unit_test(test_lessons_and_sources),
		cmocka_unit_test(test_quote_cut),
		cmocka_unit_test(test_validate),
		cmocka_unit_test(test_rules_file),
		cmocka_unit_test(test_rules_file_errors),
		cmocka_unit_test(test_disabled_rule),
		cmocka_unit_test(test_output),
		cmocka_unit_test(test_list_rules),
		cmocka_unit_test(test_rules_path),
		cmocka_unit_test(test_run),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
