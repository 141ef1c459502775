/*
 * What a scalar is: one rule for every reader, tree or event, so that
 * every tool takes the same text as the same value (tuff-records(5),
 * VALUES).  It is YAML 1.2's core schema, narrowed where records need
 * less:
 *
 *   null     plain "", "~", "null", "Null" or "NULL"; or !!null on one
 *            of those texts
 *   bool     plain true, True, TRUE, false, False or FALSE; or !!bool
 *            on one of them
 *   integer  plain 0 or [1-9][0-9]*; or !!int on such a text, in any
 *            style
 *   number   any other plain number (03, +3, -1, 1.5, 1e3, 0x1f, .inf);
 *            or !!float on a number.  No record takes one: it is named
 *            so the message can say why it is not an integer.
 *   string   quoted or block text, any other plain text, or !!str (and
 *            the non-specific "!") on anything
 *
 * A date is a string of the form YYYY-MM-DD naming a real day, or
 * !!timestamp on such a text.  Any other tag, or one of the tags above
 * on a text it contradicts (!!int abc, !!null 5, an empty
 * !!timestamp), is an error: the type is TUFF_T_BAD.
 */
#ifndef TUFF_SCALAR_H
#define TUFF_SCALAR_H

#include <stddef.h>

#include "node.h"

enum tuff_stype {
	TUFF_T_NULL = 1,
	TUFF_T_BOOL,
	TUFF_T_INT,
	TUFF_T_NUMBER,
	TUFF_T_STR,
	TUFF_T_BAD
};

/* A scalar as read: its text, style and explicit tag (or NULL). */
struct tuff_scalar {
	const char	*val;	/* NUL-terminated; may hold NULs */
	size_t		 len;
	enum tuff_style	 style;
	const char	*tag;
};

/* The scalar of a node (which must be a scalar). */
struct tuff_scalar	tuff_scalar_of(const struct tuff_node *);

enum tuff_stype	tuff_scalar_type(const struct tuff_scalar *);

/*
 * The integer a scalar holds, by the rule above, when it is in [min,
 * max] (min >= 0): 0 and *out set, or -1.
 */
int	tuff_scalar_int(const struct tuff_scalar *, long min, long max,
	    long *out);

/*
 * The scalar as the user wrote it, for a message: quoted when it was
 * quoted, its tag in front when it had one, control characters
 * escaped, cut at about 60 characters; a plain scalar with no text is
 * "an empty value", or "!!timestamp with no value".  Returns buf.
 */
char	*tuff_scalar_show(const struct tuff_scalar *, char *buf, size_t size);

/*
 * Why the scalar is not of the type wanted (TUFF_T_INT or TUFF_T_STR),
 * as a clause for the end of a message ("\"30\" is a string: remove the
 * quotes"), or "" when there is nothing useful to add.
 */
const char	*tuff_scalar_hint(const struct tuff_scalar *,
		    enum tuff_stype wanted);

#endif
