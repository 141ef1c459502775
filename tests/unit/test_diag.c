/*
 * Unit tests for diagnostics: user text is escaped so each diagnostic is
 * one line (a newline or ESC in a key cannot forge a second message or
 * drive the terminal); bytes that are not UTF-8 and C1 controls are
 * shown as \xNN; a cut never splits a character; --strict makes an
 * input warning an error and the run's status 2.
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

#include "tuff/diag.h"
#include "util.h"

static void
assert_escape(const char *in, size_t len, const char *want)
{
	char buf[256];

	assert_int_equal(tuff_escape(buf, sizeof(buf), in, len), strlen(want));
	assert_string_equal(buf, want);
}

static void
test_escape(void **state)
{
	(void)state;
	assert_escape("plain åäö", strlen("plain åäö"), "plain åäö");
	assert_escape("a\nb", 3, "a\\nb");
	assert_escape("\r\t\x1b[31m", 7, "\\r\\t\\x1b[31m");
	assert_escape("nul\0x", 5, "nul\\x00x");
	assert_escape("\x7f", 1, "\\x7f");
	assert_escape("C1 \xc2\x9b", 5, "C1 \\xc2\\x9b");
	assert_escape("latin1 \xe5", 8, "latin1 \\xe5");
	assert_escape("cut \xc3", 5, "cut \\xc3");
	assert_escape("sur \xed\xa0\x80", 7, "sur \\xed\\xa0\\x80");
	assert_escape("back\\slash", 10, "back\\slash");
}

static void
test_escape_cut(void **state)
{
	char buf[6];

	(void)state;
	/* "åå" is 4 bytes; a third å does not fit in 6 with the NUL. */
	assert_int_equal(tuff_escape(buf, sizeof(buf), "ååå", 6), 4);
	assert_string_equal(buf, "åå");
	/* An escape is not split either. */
	assert_int_equal(tuff_escape(buf, sizeof(buf), "ab\x1b", 3), 2);
	assert_string_equal(buf, "ab");
}

static void
forged(void)
{
	tuff_diag("error", "in\nput.yaml", 3, 4, "duplicate key \"%s\"",
	    "a\nfake.yaml:1:1: error: x");
}

static void
warned(void)
{
	tuff_input_warning("f.yaml", 2, 1, "unknown kind \"%s\"", "Journey");
}

static void
test_one_line(void **state)
{
	(void)state;
	tuff_setprogname("/usr/bin/tbls-check");
	assert_string_equal(stderr_of(forged),
	    "tbls-check: in\\nput.yaml:3:4: error: duplicate key "
	    "\"a\\nfake.yaml:1:1: error: x\"\n");
}

static void
test_strict(void **state)
{
	struct tuff_diag_conf conf;

	(void)state;
	memset(&conf, 0, sizeof(conf));
	tuff_setprogname("tuff-journey");
	tuff_set_diag_conf(&conf);
	assert_string_equal(stderr_of(warned),
	    "tuff-journey: f.yaml:2:1: warning: unknown kind \"Journey\"\n");
	assert_int_equal(tuff_diag_status(0), 0);
	assert_int_equal(tuff_diag_status(1), 1);
	conf.strict = 1;
	assert_string_equal(stderr_of(warned),
	    "tuff-journey: f.yaml:2:1: error: unknown kind \"Journey\"\n");
	assert_int_equal(conf.promoted, 1);
	assert_int_equal(tuff_diag_status(0), 2);
	assert_int_equal(tuff_diag_status(1), 2);
	tuff_set_diag_conf(NULL);
	assert_int_equal(tuff_diag_status(0), 0);
}

static size_t
lines_of(const char *s)
{
	size_t n = 0;

	for (; (s = strchr(s, '\n')) != NULL; s++)
		n++;
	return n;
}

static void
warned_twice(void)
{
	int i;

	for (i = 0; i < 2; i++) {
		tuff_input_warning_once("kind", "jorney", 6, "f.yaml", 2 + i, 7,
		    "unknown kind \"%s\"", "jorney");
		tuff_input_warning_once("journey.steps", "jorney", 6, "f.yaml",
		    3 + i, 5, "unknown key \"%s\"", "jorney");
		tuff_input_warning_once("kind", "jorney\0x", 8, "f.yaml",
		    4 + i, 7, "unknown kind \"%s\"", "jorney\\0x");
	}
}

/* Said once per topic and name, at the first; each counts for --strict. */
static void
test_once(void **state)
{
	struct tuff_diag_conf conf;

	(void)state;
	memset(&conf, 0, sizeof(conf));
	tuff_setprogname("tuff-journey");
	tuff_set_diag_conf(&conf);
	assert_string_equal(stderr_of(warned_twice),
	    "tuff-journey: f.yaml:2:7: warning: unknown kind \"jorney\"\n"
	    "tuff-journey: f.yaml:3:5: warning: unknown key \"jorney\"\n"
	    "tuff-journey: f.yaml:4:7: warning: unknown kind \"jorney\\0x\"\n");
	assert_int_equal(conf.nonce, 3);
	assert_int_equal(tuff_diag_status(0), 0);
	/* Remembered across calls: a second run of the same says nothing. */
	assert_string_equal(stderr_of(warned_twice), "");
	conf.strict = 1;
	memset(conf.once, 0, sizeof(conf.once));
	conf.nonce = 0;
	assert_string_equal(stderr_of(warned_twice),
	    "tuff-journey: f.yaml:2:7: error: unknown kind \"jorney\"\n"
	    "tuff-journey: f.yaml:3:5: error: unknown key \"jorney\"\n"
	    "tuff-journey: f.yaml:4:7: error: unknown kind \"jorney\\0x\"\n");
	assert_int_equal(conf.promoted, 3);
	assert_int_equal(tuff_diag_status(0), 2);
	/* Without a configuration there is no memory: each call warns. */
	tuff_set_diag_conf(NULL);
	assert_int_equal(lines_of(stderr_of(warned_twice)), 6);
}

/* 768 distinct warnings, each said twice and a bit; then 10 more twice. */
static void
many(void)
{
	char name[16];
	int i;

	for (i = 0; i < 2 * TUFF_DIAG_ONCE; i++) {
		snprintf(name, sizeof(name), "k%d", i % (TUFF_DIAG_ONCE / 4 * 3));
		tuff_input_warning_once("kind", name, strlen(name), NULL, 0, 0,
		    "%s", name);
	}
	for (i = 0; i < 20; i++) {
		snprintf(name, sizeof(name), "more%d", i % 10);
		tuff_input_warning_once("kind", name, strlen(name), NULL, 0, 0,
		    "%s", name);
	}
}

/*
 * The memory is bounded: past three quarters of TUFF_DIAG_ONCE, new
 * warnings are said every time rather than lost, and those remembered
 * stay so.  Under --strict, promoted counts what was said.
 */
static void
test_once_full(void **state)
{
	struct tuff_diag_conf conf;

	(void)state;
	memset(&conf, 0, sizeof(conf));
	conf.strict = 1;
	tuff_set_diag_conf(&conf);
	(void)stderr_of(many);
	assert_int_equal(conf.nonce, TUFF_DIAG_ONCE / 4 * 3);
	assert_int_equal(conf.promoted, TUFF_DIAG_ONCE / 4 * 3 + 20);
	tuff_set_diag_conf(NULL);
}

static void
long_message(void)
{
	char big[3000];

	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	big[1500] = '\n';
	tuff_warnx("%s", big);
}

static void
test_long(void **state)
{
	const char *out;

	(void)state;
	tuff_setprogname("hme-score");
	out = stderr_of(long_message);
	/* Past the formatting buffer's size, still one line, all of it. */
	assert_true(strncmp(out, "hme-score: xxx", 14) == 0);
	assert_int_equal(strlen(out), strlen("hme-score: ") + 2999 + 1 + 1);
	assert_ptr_equal(strchr(out, '\n'), out + strlen(out) - 1);
	assert_non_null(strstr(out, "x\\nx"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_escape_cut),
		cmocka_unit_test(test_one_line),
		cmocka_unit_test(test_strict),
		cmocka_unit_test(test_once),
		cmocka_unit_test(test_once_full),
		cmocka_unit_test(test_long),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
