/*
 * Unit tests for running out of memory: the library never aborts or
 * exits (STYLE.md), it hands the failure back.  The test is linked with
 * ld's --wrap for the malloc family (tests/meson.build), so every
 * allocation the library makes goes through the wrappers below, which
 * fail the N-th one on request.  Each operation is run with N = 0, 1,
 * 2, ... until it no longer meets a failure: at every N it must either
 * succeed with the same result as with memory to spare, or say it ran
 * out of memory, and never crash or leak (the sanitizer build checks
 * the last two).
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/types.h>

#include <cmocka.h>

#include "tuff/decide.h"
#include "tuff/journey.h"
#include "tuff/record.h"
#include "tuff/tbls.h"
#include "arena.h"

#include "util.h"

/* The allocation to fail: -1 none, else the count still to succeed. */
static long	countdown = -1;
static int	failed;		/* the countdown reached zero */

void	*__real_malloc(size_t);
void	*__real_calloc(size_t, size_t);
void	*__real_realloc(void *, size_t);
void	*__real_reallocarray(void *, size_t, size_t);
void	*__real_mmap(void *, size_t, int, int, int, off_t);
char	*__real_strdup(const char *);
char	*__real_strndup(const char *, size_t);
void	*__wrap_malloc(size_t);
void	*__wrap_calloc(size_t, size_t);
void	*__wrap_realloc(void *, size_t);
void	*__wrap_reallocarray(void *, size_t, size_t);
void	*__wrap_mmap(void *, size_t, int, int, int, off_t);
char	*__wrap_strdup(const char *);
char	*__wrap_strndup(const char *, size_t);

/* Should this allocation fail? */
static int
fail_now(void)
{
	if (countdown < 0)
		return 0;
	if (countdown-- > 0)
		return 0;
	failed = 1;
	return 1;
}

void *
__wrap_malloc(size_t n)
{
	return fail_now() ? NULL : __real_malloc(n);
}

void *
__wrap_calloc(size_t n, size_t size)
{
	return fail_now() ? NULL : __real_calloc(n, size);
}

void *
__wrap_realloc(void *p, size_t n)
{
	return fail_now() ? NULL : __real_realloc(p, n);
}

void *
__wrap_reallocarray(void *p, size_t n, size_t size)
{
	return fail_now() ? NULL : __real_reallocarray(p, n, size);
}

/* The library's large buffers are pages of their own (lib/pages.c). */
void *
__wrap_mmap(void *addr, size_t n, int prot, int flags, int fd, off_t off)
{
	if (fail_now()) {
		errno = ENOMEM;
		return MAP_FAILED;
	}
	return __real_mmap(addr, n, prot, flags, fd, off);
}

char *
__wrap_strdup(const char *s)
{
	return fail_now() ? NULL : __real_strdup(s);
}

char *
__wrap_strndup(const char *s, size_t n)
{
	return fail_now() ? NULL : __real_strndup(s, n);
}

/* Fail the allocation n from now (0: the next; n < 0: none). */
static void
fail_at(long n)
{
	countdown = n;
}

/*
 * An operation under test.  prep (NULL: none) makes what run works on
 * from arg, with memory to spare; run does the work with allocations
 * failing, writes what it made into out (a memstream) and returns 0,
 * or -1 when it said it ran out of memory; done frees what prep made.
 */
struct op {
	void	*(*prep)(void *arg);
	int	 (*run)(void *obj, FILE *out);
	void	 (*done)(void *obj);
};

static int
run_once(const struct op *op, void *arg, long n, FILE *out)
{
	void *obj = arg;
	int rc;

	fail_at(-1);
	if (op->prep != NULL)
		assert_non_null(obj = op->prep(arg));
	fail_at(n);
	rc = op->run(obj, out);
	fail_at(-1);
	if (op->done != NULL)
		op->done(obj);
	return rc;
}

/*
 * Run op with every allocation failing in turn, until one run meets
 * no failure.  Returns the number of allocations op made.
 */
static long
sweep(const struct op *op, void *arg)
{
	char *want = NULL, *got = NULL;
	size_t wantlen = 0, gotlen = 0;
	FILE *fp;
	long n;
	int rc, hit;

	assert_non_null(fp = open_memstream(&want, &wantlen));
	assert_int_equal(run_once(op, arg, -1, fp), 0);
	fclose(fp);
	for (n = 0;; n++) {
		assert_non_null(fp = open_memstream(&got, &gotlen));
		failed = 0;
		rc = run_once(op, arg, n, fp);
		hit = failed;
		fclose(fp);
		if (rc == 0 && (gotlen != wantlen ||
		    memcmp(got, want, wantlen) != 0))
			fail_msg("allocation %ld failed, yet the result differs:"
			    "\n%s\n---\n%s", n, got, want);
		if (rc == -1 && !hit)
			fail_msg("out of memory with memory to spare (%ld)", n);
		free(got);
		got = NULL;
		if (!hit)
			break;
		if (n > 100000)
			fail_msg("no end to allocations");
	}
	free(want);
	return n;
}

/* Write a built record, unless it says it is incomplete. */
static int
put_doc(struct tuff_doc *doc, FILE *out)
{
	struct tuff_writer *w;
	int rc;

	if (doc->nomem)
		return -1;
	fail_at(-1);	/* the writer is not under test here */
	assert_non_null(w = tuff_writer_new(out));
	rc = tuff_write_doc(w, doc->root);
	assert_int_equal(rc, 0);
	assert_int_equal(tuff_writer_close(w), 0);
	tuff_writer_free(w);
	return 0;
}

static const char journey[] =
    "kind: journey\n"
    "id: rullstol\n"
    "title: Anmäla trasig rullstol\n"
    "area: Hjälpmedel\n"
    "persona: Undersköterska\n"
    "steps:\n"
    "  - stage: Upptäcka\n"
    "    action: Ser att rullstolen är trasig\n"
    "    minutes: 2\n"
    "    score: 3\n"
    "    pain: Vet inte vem som äger frågan\n"
    "  - stage: Anmäla\n"
    "    action: Ringer rehab\n"
    "    actor: undersköterska\n"
    "    system: Telefon\n"
    "    score: 2\n"
    "    pain: Ingen svarar\n"
    "  - action: Skriver ärende\n"
    "    actor: Arbetsterapeut\n"
    "    system: Ärendesystemet\n"
    "    wait_days: 5\n"
    "insights:\n"
    "  - Ett samtal till rehab vore snabbare än ärendet\n";

/* The arena itself: NULL when its memory runs out, never an abort. */
static void
test_arena(void **state)
{
	struct tuff_arena *a;
	size_t i;

	(void)state;
	failed = 0;
	fail_at(0);
	assert_null(tuff_arena_new());
	fail_at(-1);
	assert_non_null(a = tuff_arena_new());
	fail_at(0);
	for (i = 0; i < 100; i++)
		if (tuff_arena_alloc(a, 100) == NULL)
			break;
	assert_true(i < 100);
	fail_at(0);
	assert_null(tuff_arena_alloc(a, 100000));
	fail_at(-1);
	assert_non_null(tuff_arena_alloc(a, 100000));
	tuff_arena_free(a);
}

/* Builders: NULL and a sticky flag, and NULL children taken quietly. */
static void
test_builders(void **state)
{
	struct tuff_doc *d;
	struct tuff_node *m, *s;

	(void)state;
	assert_non_null(d = tuff_doc_new());
	assert_non_null(m = tuff_new_map(d));
	failed = 0;
	fail_at(0);
	for (s = NULL; !failed;)
		s = tuff_new_str(d, "a string long enough to need a new chunk "
		    "of the arena sooner or later, again and again and again");
	fail_at(-1);
	assert_null(s);
	assert_true(d->nomem);
	/* NULLs go nowhere: the tree never holds one. */
	tuff_map_push(d, m, tuff_new_str(d, "k"), NULL);
	tuff_map_push(d, m, NULL, tuff_new_str(d, "v"));
	tuff_map_set(d, m, "k", NULL);
	tuff_seq_push(d, tuff_new_seq(d), NULL);
	tuff_map_push(d, NULL, tuff_new_str(d, "k"), tuff_new_str(d, "v"));
	assert_int_equal(m->u.map.n, 0);
	assert_true(d->nomem);		/* sticky */
	tuff_doc_free(d);
}

/* A document of the YAML text arg, read with memory to spare. */
static void *
parse(void *arg)
{
	return doc_of(arg);
}

static void
free_doc(void *doc)
{
	tuff_doc_free(doc);
}

static int
run_copy(void *obj, FILE *out)
{
	struct tuff_doc *src = obj, *d;
	int rc = -1;

	if ((d = tuff_doc_new()) == NULL)
		return -1;
	d->root = tuff_copy(d, src->root);
	if (!d->nomem)
		rc = put_doc(d, out);
	tuff_doc_free(d);
	return rc;
}

static int
run_challenge(void *obj, FILE *out)
{
	struct tuff_doc *j = obj, *ch;
	struct journey_metrics m;
	int rc;

	if (journey_measure(j->root, &m) == -1 ||
	    (ch = journey_challenge(j, &m)) == NULL)
		return -1;
	rc = put_doc(ch, out);
	tuff_doc_free(ch);
	return rc;
}

static int
run_enrich(void *obj, FILE *out)
{
	struct tuff_doc *j = obj;
	struct journey_metrics m;

	if (journey_measure(j->root, &m) == -1 ||
	    journey_enrich(j, &m) == -1)
		return -1;
	return put_doc(j, out);
}

static int
run_mermaid(void *obj, FILE *out)
{
	struct tuff_doc *j = obj;
	size_t actors;

	if (journey_distinct_actors(j->root, &actors) == -1 ||
	    journey_mermaid(out, j->root, 1) == -1)
		return -1;
	fprintf(out, "%zu actors\n", actors);
	return 0;
}

/* The reader builds a record, or says it ran out of memory. */
static int
run_read(void *obj, FILE *out)
{
	const char *text = obj;
	struct tuff_reader *r;
	struct tuff_doc *doc = NULL;
	struct tuff_error e;
	FILE *fp;
	int rc;

	fp = mem_file(text, strlen(text));	/* libc's malloc: not failed */
	if ((r = tuff_reader_new(fp, "t.yaml")) == NULL) {
		fclose(fp);
		return -1;
	}
	rc = tuff_reader_next(r, &doc, &e);
	tuff_reader_free(r);
	fclose(fp);
	if (rc == -1) {
		assert_string_equal(e.msg, "out of memory");
		return -1;
	}
	assert_int_equal(rc, 1);
	rc = put_doc(doc, out);
	tuff_doc_free(doc);
	return rc;
}

static int
run_assignment(void *obj, FILE *out)
{
	static const struct decide_need needs[] = {
		{ "Vet inte vem som äger frågan", "rullstol" },
		{ "Ingen svarar", "rullstol" },
	};
	struct decide_template t;
	struct tuff_doc *d;
	int rc;

	(void)obj;
	memset(&t, 0, sizeof(t));
	t.id = "U-2021-002";
	t.title = "Enkel felanmälan av hjälpmedel";
	t.decision = "B-2020-003";
	t.owner = "Rehabenheten";
	t.has_due = 1;
	t.due = tuff_date_from_ymd(2021, 6, 30);
	t.needs = needs;
	t.nneeds = 2;
	if ((d = tuff_doc_new()) == NULL)
		return -1;
	d->root = decide_assignment(d, &t);
	rc = put_doc(d, out);
	tuff_doc_free(d);
	return rc;
}

static const char assignment[] =
    "kind: assignment\n"
    "id: U-2021-002\n"
    "title: Enkel felanmälan av hjälpmedel\n"
    "owner: Rehabenheten\n"
    "status: active\n"
    "due: 2021-06-30\n"
    "milestones:\n"
    "  - name: Ny e-tjänst i test\n"
    "    due: 2021-03-31\n"
    "    reached: 2021-03-22\n"
    "  - name: I drift\n"
    "    due: 2021-05-31\n"
    "obstacles:\n"
    "  - obstacle: Ärendesystemet kräver separat inloggning\n"
    "    raised: 2021-02-01\n"
    "    owner: socialchef\n";

static int
run_followup(void *obj, FILE *out)
{
	struct tuff_doc *a = obj, *f;
	int rc;

	if (decide_followup(a, tuff_date_from_ymd(2021, 4, 1), 90, &f) == -1)
		return -1;
	assert_non_null(f);
	rc = put_doc(f, out);
	tuff_doc_free(f);
	return rc;
}

static int
run_tbls(void *obj, FILE *out)
{
	struct tuff_doc *a = obj;
	struct tbls_config cfg;
	struct tbls_result res;
	size_t i;
	int rc = 0;

	tbls_config_init(&cfg, tuff_date_from_ymd(2021, 6, 1));
	memset(&res, 0, sizeof(res));
	if (tbls_check(&cfg, NULL, a, &res) == -1)
		rc = -1;
	for (i = 0; rc == 0 && i < res.n; i++)
		fprintf(out, "%s\n", res.v[i].message);
	tbls_result_free(&res);
	return rc;
}

static int
run_rules(void *obj, FILE *out)
{
	const char *text = obj;
	struct tbls_config cfg;
	struct tuff_error e;
	FILE *fp = mem_file(text, strlen(text));
	int rc;

	tbls_config_init(&cfg, 0);
	rc = tbls_config_load(&cfg, fp, "rules.yaml", &e);
	fclose(fp);
	if (rc == -1) {
		assert_string_equal(e.msg, "out of memory");
		return -1;
	}
	return tbls_list_rules(out, &cfg);
}

static int
run_delegation(void *obj, FILE *out)
{
	const char *text = obj;
	struct decide_delegation *d = NULL;
	struct tuff_error e;
	char list[256];
	FILE *fp = mem_file(text, strlen(text));
	int rc, rank;

	rc = decide_delegation_read(fp, "deleg.yaml", &d, &e);
	fclose(fp);
	if (rc == -1) {
		assert_string_equal(e.msg, "out of memory");
		return -1;
	}
	/* A role is looked up by its key, which takes memory. */
	if ((rank = decide_role(d, "REKTOR")) == -1 && errno == ENOMEM) {
		decide_delegation_free(d);
		return -1;
	}
	fprintf(out, "%s %d\n", decide_role_list(d, list, sizeof(list)),
	    rank);
	decide_delegation_free(d);
	return 0;
}

static void
test_journey(void **state)
{
	static const struct op copy = { parse, run_copy, free_doc };
	static const struct op challenge = { parse, run_challenge, free_doc };
	static const struct op enrich = { parse, run_enrich, free_doc };
	static const struct op mermaid = { parse, run_mermaid, free_doc };

	(void)state;
	assert_true(sweep(&copy, (void *)journey) > 0);
	assert_true(sweep(&challenge, (void *)journey) > 0);
	assert_true(sweep(&enrich, (void *)journey) > 0);
	assert_true(sweep(&mermaid, (void *)journey) > 0);
}

static void
test_reader(void **state)
{
	static const struct op read = { NULL, run_read, NULL };

	(void)state;
	assert_true(sweep(&read, (void *)journey) > 0);
	assert_true(sweep(&read, (void *)assignment) > 0);
}

static void
test_decide(void **state)
{
	static const struct op templ = { NULL, run_assignment, NULL };
	static const struct op followup = { parse, run_followup, free_doc };
	static const struct op deleg = { NULL, run_delegation, NULL };

	(void)state;
	assert_true(sweep(&templ, NULL) > 0);
	assert_true(sweep(&followup, (void *)assignment) > 0);
	assert_true(sweep(&deleg, "kind: delegation\n"
	    "roles: [lärare, Rektor, skolchef]\naliases: {rektorn: Rektor}\n"
	    "assign: Rektor\nreject: lärare\ndefer: lärare\n") > 0);
}

static void
test_tbls(void **state)
{
	static const struct op check = { parse, run_tbls, free_doc };
	static const struct op rules = { NULL, run_rules, NULL };

	(void)state;
	assert_true(sweep(&check, (void *)assignment) > 0);
	assert_true(sweep(&rules, "rules:\n  tillit.detail-control: disable\n"
	    "  kunskap.analysis-missing: {severity: note}\n") > 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arena),
		cmocka_unit_test(test_builders),
		cmocka_unit_test(test_journey),
		cmocka_unit_test(test_reader),
		cmocka_unit_test(test_decide),
		cmocka_unit_test(test_tbls),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
