/*
 * Typed, validated access to a record's keys, shared by every tool so
 * each reports a missing key, a wrong type or an unknown value the same
 * way: at the position of the offending node, or of the record when the
 * key is missing.  Each returns 0, or -1 with e filled.  A key that is
 * absent or null and not required leaves *out untouched (set a default
 * first) and returns 0.
 */
#ifndef TUFF_FIELD_H
#define TUFF_FIELD_H

#include "date.h"
#include "node.h"

/* A string scalar (plain or quoted; not a number, bool or null). */
int	tuff_field_str(const struct tuff_doc *, const struct tuff_node *map,
	    const char *key, int required, const char **out,
	    struct tuff_error *e);
/* A plain integer in [min, max]. */
int	tuff_field_int(const struct tuff_doc *, const struct tuff_node *map,
	    const char *key, int required, long min, long max, long *out,
	    struct tuff_error *e);
/* A YYYY-MM-DD date. */
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

/* An id of the form [a-z0-9-]+ (journeys, challenges). */
int	tuff_is_slug(const char *);

#endif
