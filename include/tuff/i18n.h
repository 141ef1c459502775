/*
 * Words for people follow the locale through GNU gettext, in the text
 * domain "tuff" (SPEC §2, language).  _() marks a message and looks it
 * up; N_() marks one kept in a table, looked up with _() where it is
 * used; P_() chooses a plural form.  Record kinds, keys, enumerated
 * values, rule ids and option names are the data's schema and are
 * never translated, nor is anything written to YAML or CSV.
 */
#ifndef TUFF_I18N_H
#define TUFF_I18N_H

#include <libintl.h>

#define TUFF_TEXTDOMAIN	"tuff"

/* The library looks in its own domain, whatever main's textdomain is. */
#define _(s)		dgettext(TUFF_TEXTDOMAIN, s)
#define N_(s)		(s)
#define P_(one, many, n) dngettext(TUFF_TEXTDOMAIN, one, many, n)

/*
 * At the top of every main: the user's locale for messages, character
 * type and collation, and the catalog from $TUFF_LOCALEDIR (so the tests
 * find the one in the build tree) or the installed locale directory.
 * LC_NUMERIC stays "C" for the whole process, so no number written to
 * a record or CSV file can gain a decimal comma; tables and reports for
 * people ask tuff_decimal_comma() instead.
 */
void	tuff_i18n_init(void);

/* Does the user's LC_NUMERIC write 82,0 (Swedish) rather than 82.0? */
int	tuff_decimal_comma(void);

#endif
