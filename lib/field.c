#include <stdio.h>
#include <string.h>

#include "tuff/field.h"
#include "tuff/scalar.h"

/*
 * The value of key, or NULL with e filled when it is missing and
 * required.  *absent tells the caller to stop quietly.
 */
static const struct tuff_node *
lookup(const struct tuff_doc *doc, const struct tuff_node *map,
    const char *key, int required, int *absent, struct tuff_error *e)
{
	const struct tuff_node *v = tuff_map_get(map, key);

	*absent = 0;
	if (!tuff_is_null(v))
		return v;
	*absent = 1;
	if (required)
		tuff_node_err(e, doc, v != NULL ? v : map,
		    "%s: required key is missing", key);
	return NULL;
}

/* A scalar a YAML reader takes for a string, not a number or a bool. */
static int
is_string(const struct tuff_node *v)
{
	if (v->type != TUFF_SCALAR)
		return 0;
	if (v->tag != NULL)
		return strcmp(v->tag, "tag:yaml.org,2002:str") == 0;
	return v->style != TUFF_PLAIN ||
	    !tuff_plain_is_special(v->u.s.val, v->u.s.len);
}

/* A value as written, for a message: a scalar as the user wrote it. */
static const char *
shown(const struct tuff_node *v, char *buf, size_t size)
{
	struct tuff_scalar s;

	if (v->type != TUFF_SCALAR)
		return tuff_type_name(v);
	s = tuff_scalar_of(v);
	return tuff_scalar_show(&s, buf, size);
}

int
tuff_field_str(const struct tuff_doc *doc, const struct tuff_node *map,
    const char *key, int required, const char **out, struct tuff_error *e)
{
	const struct tuff_node *v;
	char buf[320];
	int absent;

	if ((v = lookup(doc, map, key, required, &absent, e)) == NULL)
		return absent && !required ? 0 : -1;
	if (!is_string(v))
		return tuff_node_err(e, doc, v, "%s: expected a string, not %s",
		    key, shown(v, buf, sizeof(buf)));
	if (strlen(v->u.s.val) != v->u.s.len)
		return tuff_node_err(e, doc, v, "%s: string holds a NUL byte",
		    key);
	*out = v->u.s.val;
	return 0;
}

int
tuff_field_int(const struct tuff_doc *doc, const struct tuff_node *map,
    const char *key, int required, long min, long max, long *out,
    struct tuff_error *e)
{
	const struct tuff_node *v;
	char buf[320];
	int absent;

	if ((v = lookup(doc, map, key, required, &absent, e)) == NULL)
		return absent && !required ? 0 : -1;
	if (tuff_get_int(v, min, max, out) == -1)
		return tuff_node_err(e, doc, v,
		    "%s: expected an integer from %ld to %ld, not %s", key, min,
		    max, shown(v, buf, sizeof(buf)));
	return 0;
}

int
tuff_field_date(const struct tuff_doc *doc, const struct tuff_node *map,
    const char *key, int required, tuff_day *out, struct tuff_error *e)
{
	const struct tuff_node *v;
	char buf[320];
	int absent;

	if ((v = lookup(doc, map, key, required, &absent, e)) == NULL)
		return absent && !required ? 0 : -1;
	if (v->type != TUFF_SCALAR ||
	    tuff_date_parse(v->u.s.val, v->u.s.len, out) == -1)
		return tuff_node_err(e, doc, v,
		    "%s: expected a date YYYY-MM-DD, not %s", key,
		    shown(v, buf, sizeof(buf)));
	return 0;
}

int
tuff_field_enum(const struct tuff_doc *doc, const struct tuff_node *map,
    const char *key, int required, const char *const *values, int *out,
    struct tuff_error *e)
{
	const char *s = NULL;
	char list[256];
	size_t len = 0;
	int i;

	if (tuff_field_str(doc, map, key, required, &s, e) == -1)
		return -1;
	if (s == NULL)
		return 0;
	for (i = 0; values[i] != NULL; i++)
		if (strcmp(s, values[i]) == 0) {
			*out = i;
			return 0;
		}
	list[0] = '\0';
	for (i = 0; values[i] != NULL && len < sizeof(list); i++)
		len += (size_t)snprintf(list + len, sizeof(list) - len, "%s%s",
		    i > 0 ? ", " : "", values[i]);
	return tuff_node_err(e, doc, tuff_map_get(map, key),
	    "%s: unknown value \"%s\" (expected one of %s)", key, s, list);
}

static int
field_type(const struct tuff_doc *doc, const struct tuff_node *map,
    const char *key, int required, enum tuff_type type,
    const struct tuff_node **out, struct tuff_error *e)
{
	const struct tuff_node *v;
	int absent;

	if ((v = lookup(doc, map, key, required, &absent, e)) == NULL)
		return absent && !required ? 0 : -1;
	if (v->type != type)
		return tuff_node_err(e, doc, v, "%s: expected %s, not %s", key,
		    type == TUFF_SEQ ? "a sequence" : "a mapping", tuff_type_name(v));
	*out = v;
	return 0;
}

int
tuff_field_seq(const struct tuff_doc *doc, const struct tuff_node *map,
    const char *key, int required, const struct tuff_node **out,
    struct tuff_error *e)
{
	return field_type(doc, map, key, required, TUFF_SEQ, out, e);
}

int
tuff_field_map(const struct tuff_doc *doc, const struct tuff_node *map,
    const char *key, int required, const struct tuff_node **out,
    struct tuff_error *e)
{
	return field_type(doc, map, key, required, TUFF_MAP, out, e);
}

int
tuff_is_slug(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '-'))
			return 0;
	return 1;
}
