/*
 * Unit tests for the journey module: the metrics of SPEC §4.1 one by
 * one (actor inheritance, system switches, rounding, the lowest step),
 * validation messages and positions, duplicate ids, ranking, the table
 * and the text Mermaid gets.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tuff/journey.h"
#include "tuff/record.h"

#include "util.h"

/* Parse, check (must pass) and measure. */
static struct tuff_doc *
measure(const char *yaml, struct journey_metrics *m)
{
	struct tuff_doc *d = doc_of(yaml);
	struct tuff_error e;

	if (journey_check(d, &e) == -1)
		fail_msg("check: %d:%d: %s", (int)e.line, (int)e.column, e.msg);
	assert_int_equal(journey_measure(d->root, m), 0);
	return d;
}

/* journey_distinct_actors, which must not fail here. */
static size_t
actors(const struct tuff_node *journey)
{
	size_t n = 12345;

	assert_int_equal(journey_distinct_actors(journey, &n), 0);
	return n;
}

static void
test_actors_inherit(void **state)
{
	struct tuff_doc *d;
	struct journey_metrics m;

	(void)state;
	/* persona takes step 1, step 3 keeps b, step 4 is a again. */
	d = measure("kind: journey\nid: j\ntitle: T\npersona: a\nsteps:\n"
	    "- {action: s1}\n- {action: s2, actor: b}\n- {action: s3}\n"
	    "- {action: s4, actor: a}\n", &m);
	assert_int_equal(m.handoffs, 2);
	assert_int_equal(actors(d->root), 2);
	tuff_doc_free(d);

	/* The persona does not count when step 1 names its own actor. */
	d = measure("kind: journey\nid: j\ntitle: T\npersona: p\nsteps:\n"
	    "- {action: s1, actor: a}\n- {action: s2, actor: a}\n", &m);
	assert_int_equal(m.handoffs, 0);
	assert_int_equal(actors(d->root), 1);
	tuff_doc_free(d);

	/* Nobody known at first: no handoff to the first named actor. */
	d = measure("kind: journey\nid: j\ntitle: T\nsteps:\n"
	    "- {action: s1}\n- {action: s2, actor: a}\n"
	    "- {action: s3, actor: b}\n", &m);
	assert_int_equal(m.handoffs, 1);
	assert_int_equal(actors(d->root), 2);
	tuff_doc_free(d);
}

static void
test_actors_any_node(void **state)
{
	struct tuff_doc *d;

	(void)state;
	assert_int_equal(actors(NULL), 0);
	d = doc_of("kind: journey\nsteps: nothing\n");
	assert_int_equal(actors(d->root), 0);
	assert_int_equal(actors(tuff_map_get(d->root,
	    "steps")), 0);
	tuff_doc_free(d);
	/* Unchecked input: odd steps are skipped, not trusted. */
	d = doc_of("kind: journey\npersona: p\nsteps: [x, {actor: [1]}, "
	    "{actor: q}, {actor: p}]\n");
	assert_int_equal(actors(d->root), 2);
	tuff_doc_free(d);
}

static void
test_systems(void **state)
{
	struct tuff_doc *d;
	struct journey_metrics m;

	(void)state;
	/* A, (none), B: no switch across the gap; B, A: one; A, A: none. */
	d = measure("kind: journey\nid: j\ntitle: T\nsteps:\n"
	    "- {action: s1, system: A}\n- {action: s2}\n"
	    "- {action: s3, system: B}\n- {action: s4, system: A}\n"
	    "- {action: s5, system: A}\n", &m);
	assert_int_equal(m.systems, 2);
	assert_int_equal(m.system_switches, 1);
	tuff_doc_free(d);
}

static void
test_scores(void **state)
{
	struct tuff_doc *d;
	struct journey_metrics m;

	(void)state;
	/* Scores 1, 2, 1, 3; the first lowest is step 2; an empty pain
	 * is no pain. */
	d = measure("kind: journey\nid: j\ntitle: T\nsteps:\n"
	    "- {action: s1}\n- {action: s2, score: 1, pain: P}\n"
	    "- {action: s3, score: 2}\n- {action: s4, score: 1}\n"
	    "- {action: s5, score: 3, pain: ''}\n", &m);
	assert_int_equal(m.scored, 4);
	assert_int_equal(m.mean_tenths, 18);	/* 7/4 = 1.75 -> 1.8 */
	assert_int_equal(m.lowest_step, 2);
	assert_int_equal(m.lowest_score, 1);
	assert_string_equal(m.lowest_action, "s2");
	assert_int_equal(m.pains, 1);
	assert_int_equal(m.friction, 4 + 3 + 4 + 2);
	tuff_doc_free(d);

	/* Exactly half a tenth rounds up: 41/20 = 2.05 -> 2.1. */
	{
		char yaml[4096], *p = yaml;
		int i;

		p += sprintf(p, "kind: journey\nid: j\ntitle: T\nsteps:\n");
		for (i = 0; i < 20; i++)
			p += sprintf(p, "- {action: a, score: %d}\n",
			    i == 0 ? 3 : 2);
		d = measure(yaml, &m);
		assert_int_equal(m.mean_tenths, 21);
		tuff_doc_free(d);
	}

	/* No scores: no mean, no lowest, friction from handoffs only. */
	d = measure("kind: journey\nid: j\ntitle: T\nsteps:\n"
	    "- {action: s1, actor: a}\n- {action: s2, actor: b}\n", &m);
	assert_int_equal(m.scored, 0);
	assert_int_equal(m.friction, 1);
	tuff_doc_free(d);
}

static void
test_sums(void **state)
{
	struct tuff_doc *d;
	struct journey_metrics m;

	(void)state;
	d = measure("kind: journey\nid: j\ntitle: T\nsteps:\n"
	    "- {action: s1, minutes: 10, wait_days: 0}\n"
	    "- {action: s2, minutes: 1000000, wait_days: 1000000}\n", &m);
	assert_int_equal(m.steps, 2);
	assert_int_equal(m.minutes, 1000010);
	assert_int_equal(m.wait_days, 1000000);
	tuff_doc_free(d);
}

static void
test_metrics_node(void **state)
{
	struct tuff_doc *d;
	struct journey_metrics m;
	struct tuff_node *mt;

	(void)state;
	d = measure("kind: journey\nid: j\ntitle: T\nmetrics: old\n"
	    "steps:\n- {action: 'yes', score: 2}\nlast: 1\n", &m);
	assert_int_equal(journey_enrich(d, &m), 0);
	/* Replaced where it stood, between title and steps. */
	assert_string_equal(tuff_str(d->root->u.map.pairs[3].key), "metrics");
	mt = d->root->u.map.pairs[3].val;
	assert_int_equal(mt->type, TUFF_MAP);
	assert_string_equal(tuff_str(tuff_map_get(mt, "mean_score")), "2.0");
	assert_string_equal(tuff_str(tuff_map_get(tuff_map_get(mt, "lowest"),
	    "action")), "yes");
	/* "yes" would read back as a bool if written plain. */
	assert_int_not_equal(tuff_map_get(tuff_map_get(mt, "lowest"),
	    "action")->style, TUFF_PLAIN);
	assert_string_equal(tuff_str(d->root->u.map.pairs[5].key), "last");
	tuff_doc_free(d);
}

/* journey_check must fail at line:column with a message holding want. */
static void
expect_invalid(const char *yaml, unsigned long line, unsigned long column,
    const char *want)
{
	struct tuff_doc *d = doc_of(yaml);
	struct tuff_error e;

	memset(&e, 0, sizeof(e));
	assert_int_equal(journey_check(d, &e), -1);
	if (strstr(e.msg, want) == NULL)
		fail_msg("message \"%s\" lacks \"%s\"", e.msg, want);
	assert_string_equal(e.file, "t.yaml");
	assert_int_equal(e.line, line);
	assert_int_equal(e.column, column);
	tuff_doc_free(d);
}

static void
test_check(void **state)
{
	(void)state;
	expect_invalid("kind: journey\ntitle: T\nsteps: [{action: a}]\n",
	    1, 1, "id: required key is missing");
	expect_invalid("kind: journey\nid: a b\ntitle: T\n"
	    "steps: [{action: a}]\n", 2, 5, "not a valid id");
	expect_invalid("kind: journey\nid: ''\ntitle: T\n"
	    "steps: [{action: a}]\n", 2, 5, "id");
	expect_invalid("kind: journey\nid: a\ntitle: ' '\n"
	    "steps: [{action: a}]\n", 3, 8, "title: must not be empty");
	expect_invalid("kind: journey\nid: a\ntitle: T\nsteps: {}\n",
	    4, 8, "steps: expected a sequence");
	expect_invalid("kind: journey\nid: a\ntitle: T\nsteps: []\n",
	    4, 8, "at least one step");
	expect_invalid("kind: journey\nid: a\ntitle: T\nsteps:\n"
	    "- action: a\n- [b]\n", 6, 3, "step 2: expected a mapping");
	expect_invalid("kind: journey\nid: a\ntitle: T\nsteps:\n"
	    "- action: a\n  score: 0\n", 6, 10, "step 1: score");
	expect_invalid("kind: journey\nid: a\ntitle: T\nsteps:\n"
	    "- action: a\n  minutes: 1000001\n", 6, 12, "step 1: minutes");
	expect_invalid("kind: journey\nid: a\ntitle: T\nsteps:\n"
	    "- action: a\n  system: 12\n", 6, 11, "step 1: system");
	expect_invalid("kind: journey\nid: a\ntitle: T\nsteps:\n"
	    "- action: a\n- stage: b\n", 6, 3, "step 2: action: required");
	expect_invalid("kind: journey\nid: a\ntitle: T\npersona: [x]\n"
	    "steps: [{action: a}]\n", 4, 10, "persona");
	expect_invalid("kind: journey\nid: a\ntitle: T\nsteps: [{action: a}]\n"
	    "insights: [ok, [nested]]\n", 5, 16, "insights: item 2");
}

static void
test_in_step_long(void **state)
{
	struct tuff_doc *d;
	struct tuff_error e;
	char yaml[2048];

	(void)state;
	/* A long message keeps its prefix and stays terminated. */
	snprintf(yaml, sizeof(yaml), "kind: journey\nid: a\ntitle: T\n"
	    "steps:\n- action: a\n  score: %0600d\n", 7);
	d = doc_of(yaml);
	assert_int_equal(journey_check(d, &e), -1);
	assert_true(strncmp(e.msg, "step 1: score:", 14) == 0);
	assert_true(strlen(e.msg) < sizeof(e.msg));
	tuff_doc_free(d);
}

static void
test_ids(void **state)
{
	struct journey_ids *ids = journey_ids_new();
	struct tuff_doc *a, *b;
	struct tuff_error e;
	char yaml[128];
	int i;

	(void)state;
	assert_non_null(ids);
	a = doc_of("kind: journey\nid: x\n");
	b = doc_of("\nkind: journey\n  \nid:   x\n");
	assert_int_equal(journey_ids_add(ids, a, &e), 0);
	assert_int_equal(journey_ids_add(ids, b, &e), -1);
	assert_int_equal(e.line, 4);
	assert_int_equal(e.column, 7);
	assert_non_null(strstr(e.msg, "first used at t.yaml:2:5"));
	tuff_doc_free(a);
	tuff_doc_free(b);
	/* Growing keeps every id findable. */
	for (i = 0; i < 1000; i++) {
		snprintf(yaml, sizeof(yaml), "kind: journey\nid: j-%d\n", i);
		a = doc_of(yaml);
		assert_int_equal(journey_ids_add(ids, a, &e), 0);
		tuff_doc_free(a);
	}
	a = doc_of("kind: journey\nid: j-517\n");
	assert_int_equal(journey_ids_add(ids, a, &e), -1);
	tuff_doc_free(a);
	journey_ids_free(ids);
}

static void
test_metric_names(void **state)
{
	int i;

	(void)state;
	for (i = 0; i < JOURNEY_NMETRICS; i++)
		assert_int_equal(journey_metric_parse(journey_metric_name(i)),
		    i);
	assert_int_equal(journey_metric_parse("lowest"), -1);
	assert_int_equal(journey_metric_parse(""), -1);
	assert_int_equal(journey_metric_parse("Friction"), -1);
}

static void
test_rank(void **state)
{
	struct journey_row rows[4];
	int i;

	(void)state;
	memset(rows, 0, sizeof(rows));
	for (i = 0; i < 4; i++)
		rows[i].arg = (void *)(uintptr_t)i;
	rows[0].m.friction = 3;
	rows[1].m.friction = 7;
	rows[2].m.friction = 3;
	rows[3].m.friction = 9;
	rows[0].m.scored = rows[1].m.scored = rows[3].m.scored = 1;
	rows[0].m.mean_tenths = 40;
	rows[1].m.mean_tenths = 25;
	rows[3].m.mean_tenths = 25;
	journey_rank(rows, 4, JOURNEY_FRICTION);
	assert_int_equal((uintptr_t)rows[0].arg, 3);
	assert_int_equal((uintptr_t)rows[1].arg, 1);
	assert_int_equal((uintptr_t)rows[2].arg, 0);	/* tie: input order */
	assert_int_equal((uintptr_t)rows[3].arg, 2);
	/* Lowest mean first, ties in the order they have, unscored last. */
	journey_rank(rows, 4, JOURNEY_MEAN_SCORE);
	assert_int_equal((uintptr_t)rows[0].arg, 3);
	assert_int_equal((uintptr_t)rows[1].arg, 1);
	assert_int_equal((uintptr_t)rows[2].arg, 0);
	assert_int_equal((uintptr_t)rows[3].arg, 2);
}

/* No rows, as a run without journeys has: nothing to sort, no qsort(NULL). */
static void
test_rank_none(void **state)
{
	int k;

	(void)state;
	for (k = 0; k < JOURNEY_NMETRICS; k++)
		journey_rank(NULL, 0, (enum journey_metric)k);
}

static void
test_table(void **state)
{
	struct journey_row rows[2];
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	(void)state;
	memset(rows, 0, sizeof(rows));
	rows[0].id = "åäö";
	rows[0].m.steps = 12;
	rows[0].m.scored = 1;
	rows[0].m.mean_tenths = 25;
	rows[0].m.friction = 100;
	rows[1].id = "ab";
	fp = open_memstream(&buf, &len);
	assert_non_null(fp);
	assert_int_equal(journey_table(fp, rows, 2), 0);
	fclose(fp);
	assert_string_equal(buf,
	    "id   steps  handoffs  systems  switches  minutes  wait_days  "
	    "mean_score  pains  friction\n"
	    "åäö     12         0        0         0        0          0  "
	    "       2.5      0       100\n"
	    "ab       0         0        0         0        0          0  "
	    "         -      0         0\n");
	free(buf);
}

static void
expect_text(const char *in, int actor, const char *want)
{
	char *got = journey_mermaid_text(in, actor);

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
test_mermaid_text(void **state)
{
	(void)state;
	/* Entity codes in titles, sections and tasks: Mermaid shows the
	 * characters.  Plain look-alikes in actors, whose legend Mermaid
	 * wraps before it decodes codes. */
	expect_text("a: b # c; d", 0, "a#58; b #35; c#59; d");
	expect_text("#1#59;", 0, "#35;1#35;59#59;");
	expect_text("a: b # c; d", 1, "a∶ b ♯ c\xcd\xbe d");
	/* Mermaid's own placeholders for codes cannot be spelled. */
	expect_text("¶ß ﬂ°", 0, "#182;ß #64258;°");
	expect_text("¶ß ﬂ°", 1, "¶\xe2\x80\x8bß ﬂ\xe2\x80\x8b°");
	expect_text("<br>", 0, "‹br›");
	expect_text("<br>", 1, "‹br›");
	expect_text("x,y", 0, "x,y");
	expect_text("x,y", 1, "x‚y");
	expect_text("  two\n lines\t\r ", 0, "two lines");
	expect_text("\xc2\xa0\xe3\x80\x80", 0, "-");	/* NBSP, ideographic */
	expect_text("", 0, "-");
	/* A task that starts with '%' would be a comment. */
	expect_text("%%{init}%%", 0, "\xe2\x80\x8b% %{init}% %");
	expect_text("%%%", 0, "\xe2\x80\x8b% % %");
	expect_text("a %%%", 0, "a % % %");
	expect_text("50 %", 0, "50 %");
	expect_text("Section B", 0, "\xe2\x80\x8bSection B");
	expect_text("Sectioner", 0, "Sectioner");
	expect_text("JOURNEYS", 0, "\xe2\x80\x8bJOURNEYS");
	expect_text("title x", 0, "\xe2\x80\x8btitle x");
	expect_text("titlar", 0, "titlar");
	expect_text("accTitle", 0, "\xe2\x80\x8b" "accTitle");
	expect_text("accdescr {", 0, "\xe2\x80\x8b" "accdescr {");
	expect_text("__proto__", 1, "\xe2\x80\x8b__proto__");
	expect_text("å ä ö", 0, "å ä ö");
	/* Bytes that are no UTF-8 (the reader refuses them, a caller may
	 * not): each is U+FFFD, never a '¶' taken from its value. */
	expect_text("\xb6\xb6\xb6:", 0,
	    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd#58;");
	expect_text("\xb6", 1, "\xef\xbf\xbd");
	expect_text("\xef\xbf\xbd", 0, "\xef\xbf\xbd");
}

static void
test_mermaid(void **state)
{
	struct tuff_doc *d;
	struct journey_metrics m;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	(void)state;
	d = measure("kind: journey\nid: j\ntitle: 'Resa: ett'\npersona: p\n"
	    "steps:\n- {stage: A, action: s1, score: 1}\n"
	    "- {action: s2, actor: 'b, c'}\n- {stage: A, action: s3}\n"
	    "- {stage: B, action: s4, score: 5}\n", &m);
	fp = open_memstream(&buf, &len);
	assert_non_null(fp);
	assert_int_equal(journey_mermaid(fp, d->root, 0), 0);
	fclose(fp);
	assert_string_equal(buf,
	    "\n```mermaid\njourney\n    title Resa#58; ett\n"
	    "    section A\n      s1: 1: p\n      s2: 3: b‚ c\n"
	    "      s3: 3: b‚ c\n    section B\n      s4: 5: b‚ c\n```\n");
	free(buf);
	tuff_doc_free(d);
}

static void
test_challenge(void **state)
{
	struct tuff_doc *d, *c;
	struct journey_metrics m;
	const struct tuff_node *p;

	(void)state;
	d = measure("kind: journey\nid: j\ntitle: T\nsteps:\n"
	    "- {stage: A, action: s1}\n- {action: s2, pain: P, score: 2}\n"
	    "insights: [I]\n", &m);
	c = journey_challenge(d, &m);
	assert_non_null(c);
	assert_string_equal(tuff_str(tuff_map_get(c->root, "kind")),
	    "challenge");
	assert_string_equal(tuff_str(tuff_map_get(c->root, "id")), "j");
	assert_string_equal(tuff_str(tuff_map_get(c->root, "journey")), "j");
	assert_null(tuff_map_get(c->root, "area"));
	p = tuff_map_get(c->root, "pains");
	assert_int_equal(p->u.seq.n, 1);
	p = p->u.seq.items[0];
	assert_string_equal(tuff_str(tuff_map_get(p, "step")), "2");
	assert_string_equal(tuff_str(tuff_map_get(p, "stage")), "A");
	assert_string_equal(tuff_str(tuff_map_get(p, "action")), "s2");
	assert_string_equal(tuff_str(tuff_map_get(p, "pain")), "P");
	assert_non_null(tuff_map_get(c->root, "insights"));
	/* The challenge owns its nodes: freeing the journey first is fine. */
	tuff_doc_free(d);
	assert_string_equal(tuff_str(tuff_map_get(c->root, "title")), "T");
	tuff_doc_free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_actors_inherit),
		cmocka_unit_test(test_actors_any_node),
		cmocka_unit_test(test_systems),
		cmocka_unit_test(test_scores),
		cmocka_unit_test(test_sums),
		cmocka_unit_test(test_metrics_node),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_in_step_long),
		cmocka_unit_test(test_ids),
		cmocka_unit_test(test_metric_names),
		cmocka_unit_test(test_rank),
		cmocka_unit_test(test_rank_none),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_mermaid_text),
		cmocka_unit_test(test_mermaid),
		cmocka_unit_test(test_challenge),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
