/*
 * Unit tests for name keys: NFC makes macOS's decomposed "Hälsa" the
 * same unit; folding makes "Undersköterska" the same actor as
 * "undersköterska" and "Å" the same as "å" (and ß as ss); units stay
 * case-sensitive; keys reuse their buffer; text that is not UTF-8 is
 * refused rather than guessed at.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "tuff/names.h"

#define NFC_HALSA	"H\xc3\xa4lsa"		/* ä precomposed */
#define NFD_HALSA	"Ha\xcc\x88lsa"		/* a + combining diaeresis */

static void
test_nfc(void **state)
{
	(void)state;
	assert_int_equal(tuff_name_same(NFC_HALSA, NFD_HALSA, TUFF_NAME_NFC),
	    1);
	assert_int_equal(tuff_name_same("Hälsa", "hälsa", TUFF_NAME_NFC), 0);
	assert_int_equal(tuff_name_same("Kansli", "Kansli", TUFF_NAME_NFC),
	    1);
	/* The Ångström sign is a singleton: NFC makes it Å. */
	assert_int_equal(tuff_name_same("\xe2\x84\xab", "\xc3\x85",
	    TUFF_NAME_NFC), 1);
}

static void
test_fold(void **state)
{
	(void)state;
	assert_int_equal(tuff_name_same("Undersköterska", "undersköterska",
	    TUFF_NAME_FOLD), 1);
	assert_int_equal(tuff_name_same("ÅÄÖ", "åäö", TUFF_NAME_FOLD), 1);
	assert_int_equal(tuff_name_same("Ha\xcc\x88LSA", NFC_HALSA,
	    TUFF_NAME_FOLD), 1);
	assert_int_equal(tuff_name_same("STRASSE", "straße", TUFF_NAME_FOLD),
	    1);
	assert_int_equal(tuff_name_same("rehab", "rehab ", TUFF_NAME_FOLD),
	    0);
}

static void
test_reuse(void **state)
{
	struct tuff_namebuf b = { NULL, 0, 0 };
	char big[300];

	(void)state;
	assert_int_equal(tuff_name_key(&b, NFD_HALSA, strlen(NFD_HALSA),
	    TUFF_NAME_NFC), 0);
	assert_string_equal(b.s, NFC_HALSA);
	assert_int_equal(b.len, strlen(NFC_HALSA));
	assert_int_equal(tuff_name_key(&b, "ABC", 3, TUFF_NAME_FOLD), 0);
	assert_string_equal(b.s, "abc");
	memset(big, 'a', sizeof(big) - 3);
	memcpy(big + sizeof(big) - 3, "\xcc\x88", 3);	/* ends in a mark */
	assert_int_equal(tuff_name_key(&b, big, strlen(big), TUFF_NAME_NFC),
	    0);
	assert_int_equal(b.len, sizeof(big) - 2);	/* a + mark = ä */
	assert_string_equal(b.s + b.len - 2, "\xc3\xa4");
	/* Part of a string, not up to its NUL. */
	assert_int_equal(tuff_name_key(&b, "Rehab/x", 5, TUFF_NAME_NFC), 0);
	assert_string_equal(b.s, "Rehab");
	tuff_namebuf_free(&b);
	assert_null(b.s);
}

static void
test_not_utf8(void **state)
{
	struct tuff_namebuf b = { NULL, 0, 0 };

	(void)state;
	errno = 0;
	assert_int_equal(tuff_name_key(&b, "H\xe5lsa", 5, TUFF_NAME_NFC), -1);
	assert_int_equal(errno, EILSEQ);
	assert_int_equal(tuff_name_same("\xff", "x", TUFF_NAME_FOLD), -1);
	tuff_namebuf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nfc),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_reuse),
		cmocka_unit_test(test_not_utf8),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
