/*
 * Typed access to a record's keys (include/tuff/field.h), by the one
 * rule of what a scalar is (include/tuff/scalar.h): every message
 * shows the value as the user wrote it and, where it helps, how to
 * write it instead.
 */
#include <stdio.h>
#include <string.h>

#include "tuff/i18n.h"
#include "tuff/field.h"
#include "tuff/scalar.h"

#define TIMESTAMP_TAG	"tag:yaml.org,2002:timestamp"

/*
 * The value of key, or NULL.  A key that is absent, or present with a
 * null value, is not there for the caller (*absent set); when it is
 * required, e says which of the two it was.
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
	if (required && v == NULL)
		tuff_node_err(e, doc, map, "%s: required key is missing", key);
	else if (required)
		tuff_node_err(e, doc, v, "%s: required key is empty", key);
	return NULL;
}

/*
 * A value as written: tuff_scalar_show, which already says "an empty
 * value" or "!!timestamp with no value" when nothing was written, so a
 * message never ends in nothing; a collection by its type.
 */
const char *
tuff_field_shown(const struct tuff_node *v, char *buf, size_t size)
{
	struct tuff_scalar s;

	if (v->type != TUFF_SCALAR)
		return tuff_type_name(v);
	s = tuff_scalar_of(v);
	return tuff_scalar_show(&s, buf, size);
}

/*
 * Why v is not of type wanted, or "": scalar.h's hint, except that
 * when a tag the value agrees with made it what it is (!!str 5 for an
 * integer, !!int "6" for a string), removing the tag is the fix.
 */
static const char *
hint(const struct tuff_node *v, enum tuff_stype wanted)
{
	struct tuff_scalar s;

	if (v->type != TUFF_SCALAR)
		return "";
	s = tuff_scalar_of(v);
	if (s.tag == NULL || strcmp(s.tag, "!") == 0)
		return tuff_scalar_hint(&s, wanted);
	switch (tuff_scalar_type(&s)) {
	case TUFF_T_STR:
		return _("the tag makes it a string: remove the tag");
	case TUFF_T_INT:
		return _("the tag makes it an integer: remove the tag");
	case TUFF_T_NUMBER:
		return _("the tag makes it a number: remove the tag");
	case TUFF_T_BOOL:
		return _("the tag makes it true or false: remove the tag");
	case TUFF_T_NULL:
		return _("the tag makes it null: remove the tag");
	default:
		return tuff_scalar_hint(&s, wanted);
	}
}

static enum tuff_stype
stype(const struct tuff_node *v)
{
	struct tuff_scalar s;

	if (v->type != TUFF_SCALAR)
		return TUFF_T_BAD;
	s = tuff_scalar_of(v);
	return tuff_scalar_type(&s);
}

/* Is v a string without a NUL byte?  0, or -1 with e filled about what. */
static int
check_string(const struct tuff_doc *doc, const struct tuff_node *v,
    const char *what, struct tuff_error *e)
{
	const char *h;
	char buf[320];

	if (stype(v) != TUFF_T_STR) {
		if (*(h = hint(v, TUFF_T_STR)) != '\0')
			return tuff_node_err(e, doc, v,
			    "%s: expected a string, not %s (%s)", what,
			    tuff_field_shown(v, buf, sizeof(buf)), h);
		return tuff_node_err(e, doc, v, "%s: expected a string, not %s",
		    what, tuff_field_shown(v, buf, sizeof(buf)));
	}
	if (strlen(v->u.s.val) != v->u.s.len)
		return tuff_node_err(e, doc, v, "%s: string holds a NUL byte",
		    what);
	return 0;
}

int
tuff_field_str(const struct tuff_doc *doc, const struct tuff_node *map,
    const char *key, int required, const char **out, struct tuff_error *e)
{
	const struct tuff_node *v;
	int absent;

	if ((v = lookup(doc, map, key, required, &absent, e)) == NULL)
		return absent && !required ? 0 : -1;
	if (check_string(doc, v, key, e) == -1)
		return -1;
	if (required && v->u.s.len == 0)
		return tuff_node_err(e, doc, v, "%s: required key is empty",
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
	const char *h;
	char buf[320];
	int absent;

	if ((v = lookup(doc, map, key, required, &absent, e)) == NULL)
		return absent && !required ? 0 : -1;
	if (tuff_get_int(v, min, max, out) == 0)
		return 0;
	if (*(h = hint(v, TUFF_T_INT)) != '\0')
		return tuff_node_err(e, doc, v,
		    "%s: expected an integer from %ld to %ld, not %s (%s)", key,
		    min, max, tuff_field_shown(v, buf, sizeof(buf)), h);
	return tuff_node_err(e, doc, v,
	    "%s: expected an integer from %ld to %ld, not %s", key, min, max,
	    tuff_field_shown(v, buf, sizeof(buf)));
}

/*
 * A date is a string (or !!timestamp) naming a day: the message says
 * whether the text is not written YYYY-MM-DD or names no day.
 */
int
tuff_field_date(const struct tuff_doc *doc, const struct tuff_node *map,
    const char *key, int required, tuff_day *out, struct tuff_error *e)
{
	const struct tuff_node *v;
	enum tuff_stype t;
	const char *h;
	char buf[320], msg[sizeof(e->msg)];
	int absent;

	if ((v = lookup(doc, map, key, required, &absent, e)) == NULL)
		return absent && !required ? 0 : -1;
	if ((t = stype(v)) == TUFF_T_STR &&
	    tuff_date_parse(v->u.s.val, v->u.s.len, out) == 0)
		return 0;
	if (t == TUFF_T_STR || (v->type == TUFF_SCALAR && v->tag != NULL &&
	    strcmp(v->tag, TIMESTAMP_TAG) == 0))
		return tuff_node_err(e, doc, v, "%s", tuff_date_message(msg,
		    sizeof(msg), key, v->u.s.val, v->u.s.len,
		    tuff_field_shown(v, buf, sizeof(buf))));
	if (t == TUFF_T_BAD && *(h = hint(v, TUFF_T_STR)) != '\0')
		return tuff_node_err(e, doc, v,
		    "%s: expected a date YYYY-MM-DD, not %s (%s)", key,
		    tuff_field_shown(v, buf, sizeof(buf)), h);
	return tuff_node_err(e, doc, v,
	    "%s: expected a date YYYY-MM-DD, not %s", key,
	    tuff_field_shown(v, buf, sizeof(buf)));
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
	char buf[320];
	int absent;

	if ((v = lookup(doc, map, key, required, &absent, e)) == NULL)
		return absent && !required ? 0 : -1;
	if (v->type != type)
		return type == TUFF_SEQ ?
		    tuff_node_err(e, doc, v, "%s: expected a sequence, not %s",
		    key, tuff_field_shown(v, buf, sizeof(buf))) :
		    tuff_node_err(e, doc, v, "%s: expected a mapping, not %s",
		    key, tuff_field_shown(v, buf, sizeof(buf)));
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
tuff_field_item_str(const struct tuff_doc *doc, const struct tuff_node *it,
    const char *what, int nonempty, const char **out, struct tuff_error *e)
{
	if (check_string(doc, it, what, e) == -1)
		return -1;
	if (nonempty && it->u.s.len == 0)
		return tuff_node_err(e, doc, it, "%s: is empty", what);
	*out = it->u.s.val;
	return 0;
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
