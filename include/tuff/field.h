/*
 * Typed, validated access to a record's keys, shared by every tool so
 * each reports a missing key, a wrong type or an unknown value the same
 * way: at the position of the offending node, or of the record when the
 * key is missing.  Types follow the one rule of what a scalar is
 * (scalar.h, tuff-records(5) VALUES), and a message shows the value as
 * the user wrote it, with a hint when one helps:
 *   minutes: expected an integer from 0 to 1000000, not "30" (quoted,
 *   it is a string: remove the quotes)
 * Each returns 0, or -1 with e filled.  A key that is absent or null and
 * not required leaves *out untouched (set a default first) and returns
 * 0; a required one is "missing" when absent and "empty" when null (or,
 * for a string, "").
 */
#ifndef TUFF_FIELD_H
#define TUFF_FIELD_H

#include "date.h"
#include "node.h"

/* A string: quoted text, or plain text that is no null, bool or number. */
int	tuff_field_str(const struct tuff_doc *, const struct tuff_node *map,
	    const char *key, int required, const char **out,
	    struct tuff_error *e);
/* An integer (plain 0 or [1-9][0-9]*, or !!int) in [min, max], min >= 0. */
int	tuff_field_int(const struct tuff_doc *, const struct tuff_node *map,
	    const char *key, int required, long min, long max, long *out,
	    struct tuff_error *e);
/* A date: a string (or !!timestamp) YYYY-MM-DD naming a real day. */
int	tuff_field_date(const struct tuff_doc *, const struct tuff_node *map,
	    const char *key, int required, tuff_day *out,
	    struct tuff_error *e);
/* One of the NULL-terminated values; *out is its index. */
int	tuff_field_enum(const struct tuff_doc *, const struct tuff_node *map,
	    const char *key, int required, const char *const *values,
	    int *out, struct tuff_error *e);
/* A sequence, or a mapping; *out is the node. */
int	tuff_field_seq(const struct tuff_doc *, const struct tuff_node *map,
	    const char *key, int required, const struct tuff_node **out,
	    struct tuff_error *e);
int	tuff_field_map(const struct tuff_doc *, const struct tuff_node *map,
	    const char *key, int required, const struct tuff_node **out,
	    struct tuff_error *e);

/*
 * An item of a list that must hold strings (insights, the ids of
 * regarding): 0 and *out, or -1 with e at the item, worded as the
 * fields are ("WHAT: expected a string, not 5 (put it in quotes to make
 * it text)"); what names the list and item.  With nonempty set, "" is
 * refused too.
 */
int	tuff_field_item_str(const struct tuff_doc *,
	    const struct tuff_node *item, const char *what, int nonempty,
	    const char **out, struct tuff_error *e);

/*
 * A value for a message, into buf: a scalar as the user wrote it
 * (tuff_scalar_show), "an empty value" for a plain empty one, a tag
 * with nothing after it as "!!timestamp with no value", a collection
 * as "a sequence" or "a mapping".  Returns buf or a constant.
 */
const char	*tuff_field_shown(const struct tuff_node *, char *buf,
		    size_t size);

/* An id of the form [a-z0-9-]+ (journeys, challenges). */
int	tuff_is_slug(const char *);

#endif
