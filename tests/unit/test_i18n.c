/*
 * Unit tests for the language of messages (issue 12): under a Swedish
 * locale, with the catalog the tests build (TUFF_LOCALEDIR), a
 * diagnostic's message is Swedish while its head "prog: FILE:LINE:COL:
 * error: " stays as editors parse it; tuff_decimal_comma() follows
 * LC_NUMERIC, yet printf of a double still writes a point, since the
 * process keeps LC_NUMERIC "C" (records and CSV never gain a comma).
 */
#include <locale.h>
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
#include "tuff/i18n.h"
#include "util.h"

static void
missing_owner(void)
{
	tuff_diag("error", "uppdrag.yaml", 3, 7, "%s: required key is missing",
	    "owner");
}

static void
unknown_option(void)
{
	tuff_warnx("unknown option -- %c", 'q');
}

/* Is the locale there at all?  Debian needs it generated (locale-gen). */
static int
have(const char *name)
{
	return setlocale(LC_ALL, name) != NULL;
}

static void
test_swedish_message(void **state)
{
	(void)state;
	tuff_setprogname("tbls-check");
	assert_string_equal(stderr_of(missing_owner), "tbls-check: "
	    "uppdrag.yaml:3:7: error: owner: nyckeln krävs men saknas\n");
	assert_string_equal(stderr_of(unknown_option),
	    "tbls-check: okänd flagga -- q\n");
}

static void
test_decimal_comma(void **state)
{
	char buf[32];

	(void)state;
	assert_int_equal(tuff_decimal_comma(), 1);
	snprintf(buf, sizeof(buf), "%.1f", 82.0);
	assert_string_equal(buf, "82.0");
	assert_string_equal(localeconv()->decimal_point, ".");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_swedish_message),
		cmocka_unit_test(test_decimal_comma),
	};

	if (getenv("TUFF_LOCALEDIR") == NULL || !have("sv_SE.UTF-8")) {
		printf("1..0 # SKIP the sv_SE.UTF-8 locale or TUFF_LOCALEDIR "
		    "is missing\n");
		return 0;
	}
	setenv("LC_ALL", "sv_SE.UTF-8", 1);
	unsetenv("LANGUAGE");
	tuff_i18n_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
