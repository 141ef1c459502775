/*
 * The locale, once at the start of main (include/tuff/i18n.h).
 */
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/i18n.h"

#ifndef TUFF_LOCALEDIR
#define TUFF_LOCALEDIR	"/usr/local/share/locale"
#endif

/* Set once by tuff_i18n_init, read after: like the program name. */
static int decimal_comma;

void
tuff_i18n_init(void)
{
	const char *dir = getenv("TUFF_LOCALEDIR");
	locale_t num;

	setlocale(LC_ALL, "");
	if ((num = newlocale(LC_NUMERIC_MASK, "", (locale_t)0)) !=
	    (locale_t)0) {
		decimal_comma = strcmp(nl_langinfo_l(RADIXCHAR, num), ",") ==
		    0;
		freelocale(num);
	}
	setlocale(LC_NUMERIC, "C");
	bindtextdomain(TUFF_TEXTDOMAIN, dir != NULL && *dir != '\0' ? dir :
	    TUFF_LOCALEDIR);
	bind_textdomain_codeset(TUFF_TEXTDOMAIN, "UTF-8");
	textdomain(TUFF_TEXTDOMAIN);
}

int
tuff_decimal_comma(void)
{
	return decimal_comma;
}
