/*
 * The one rule for what a scalar is (include/tuff/scalar.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/i18n.h"
#include "tuff/date.h"
#include "tuff/diag.h"
#include "tuff/scalar.h"

#define TAG_PREFIX	"tag:yaml.org,2002:"

struct tuff_scalar
tuff_scalar_of(const struct tuff_node *n)
{
	struct tuff_scalar s;

	s.val = n->u.s.val;
	s.len = n->u.s.len;
	s.style = (enum tuff_style)n->style;
	s.tag = n->tag;
	return s;
}

static int
is_word(const struct tuff_scalar *s, const char *const *words)
{
	for (; *words != NULL; words++)
		if (strlen(*words) == s->len &&
		    memcmp(*words, s->val, s->len) == 0)
			return 1;
	return 0;
}

static int
is_null_text(const struct tuff_scalar *s)
{
	static const char *const words[] = { "", "~", "null", "Null", "NULL",
	    NULL };

	return is_word(s, words);
}

static int
is_bool_text(const struct tuff_scalar *s)
{
	static const char *const words[] = { "true", "True", "TRUE", "false",
	    "False", "FALSE", NULL };

	return is_word(s, words);
}

/* 0 or [1-9][0-9]*: the only integers records hold. */
static int
is_int_text(const struct tuff_scalar *s)
{
	size_t i;

	if (s->len == 0 || (s->val[0] == '0' && s->len > 1))
		return 0;
	for (i = 0; i < s->len; i++)
		if (s->val[i] < '0' || s->val[i] > '9')
			return 0;
	return 1;
}

static int
all_in(const char *p, size_t n, const char *set)
{
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (p[i] == '\0' || strchr(set, p[i]) == NULL)
			return 0;
	return 1;
}

/*
 * Any other number of the core schema, which a YAML reader elsewhere
 * would take as one: [-+]?[0-9]+, 0o.., 0x.., [-+]?(.5|5.|5.5)(e[-+]?5)?,
 * [-+]?.inf, .nan.
 */
static int
is_number_text(const struct tuff_scalar *s)
{
	static const char *const special[] = { ".inf", ".Inf", ".INF",
	    "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan",
	    ".NaN", ".NAN", NULL };
	const char *p = s->val, *end = s->val + s->len, *q;
	size_t digits = 0;

	if (is_word(s, special))
		return 1;
	if (s->len > 2 && p[0] == '0' && (p[1] == 'o' || p[1] == 'x'))
		return all_in(p + 2, s->len - 2, p[1] == 'o' ? "01234567" :
		    "0123456789abcdefABCDEF");
	if (p < end && (*p == '-' || *p == '+'))
		p++;
	for (q = p; p < end && *p >= '0' && *p <= '9'; p++)
		digits++;
	if (p < end && *p == '.')
		for (p++; p < end && *p >= '0' && *p <= '9'; p++)
			digits++;
	if (digits == 0 || p == q)
		return 0;
	if (p < end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < end && (*p == '-' || *p == '+'))
			p++;
		if (p == end)
			return 0;
		while (p < end && *p >= '0' && *p <= '9')
			p++;
	}
	return p == end;
}

static int
is_date_text(const struct tuff_scalar *s)
{
	tuff_day d;

	return tuff_date_parse(s->val, s->len, &d) == 0;
}

static enum tuff_stype
tagged_type(const struct tuff_scalar *s)
{
	const char *t = s->tag;

	if (strcmp(t, "!") == 0)
		return TUFF_T_STR;
	if (strncmp(t, TAG_PREFIX, sizeof(TAG_PREFIX) - 1) != 0)
		return TUFF_T_BAD;
	t += sizeof(TAG_PREFIX) - 1;
	if (strcmp(t, "str") == 0)
		return TUFF_T_STR;
	if (strcmp(t, "null") == 0)
		return is_null_text(s) ? TUFF_T_NULL : TUFF_T_BAD;
	if (strcmp(t, "bool") == 0)
		return is_bool_text(s) ? TUFF_T_BOOL : TUFF_T_BAD;
	if (strcmp(t, "int") == 0)
		return is_int_text(s) ? TUFF_T_INT : is_number_text(s) ?
		    TUFF_T_NUMBER : TUFF_T_BAD;
	if (strcmp(t, "float") == 0)
		return is_number_text(s) || is_int_text(s) ? TUFF_T_NUMBER :
		    TUFF_T_BAD;
	if (strcmp(t, "timestamp") == 0)
		return is_date_text(s) ? TUFF_T_STR : TUFF_T_BAD;
	return TUFF_T_BAD;
}

enum tuff_stype
tuff_scalar_type(const struct tuff_scalar *s)
{
	if (s->tag != NULL)
		return tagged_type(s);
	if (s->style != TUFF_PLAIN && s->style != TUFF_ANY)
		return TUFF_T_STR;
	if (is_null_text(s))
		return TUFF_T_NULL;
	if (is_bool_text(s))
		return TUFF_T_BOOL;
	if (is_int_text(s))
		return TUFF_T_INT;
	if (is_number_text(s))
		return TUFF_T_NUMBER;
	return TUFF_T_STR;
}

int
tuff_scalar_int(const struct tuff_scalar *s, long min, long max, long *out)
{
	unsigned long v = 0, d;
	size_t i;

	if (max < 0 || tuff_scalar_type(s) != TUFF_T_INT)
		return -1;
	for (i = 0; i < s->len; i++) {
		d = (unsigned long)(s->val[i] - '0');
		if (v > (unsigned long)max / 10 ||
		    (v == (unsigned long)max / 10 && d > (unsigned long)max % 10))
			return -1;	/* past max, before it can overflow */
		v = v * 10 + d;
	}
	if (v < (unsigned long)min || v > (unsigned long)max)
		return -1;
	*out = (long)v;
	return 0;
}

/* A tag as the user would write it: !!int for the core schema's. */
static void
show_tag(const char *tag, char *buf, size_t size)
{
	if (strncmp(tag, TAG_PREFIX, sizeof(TAG_PREFIX) - 1) == 0)
		snprintf(buf, size, "!!%s", tag + sizeof(TAG_PREFIX) - 1);
	else if (tag[0] == '!')
		snprintf(buf, size, "%s", tag);
	else
		snprintf(buf, size, "!<%s>", tag);
}

#define SHOW_MAX	60

char *
tuff_scalar_show(const struct tuff_scalar *s, char *buf, size_t size)
{
	char tag[80], text[4 * SHOW_MAX + 8];
	const char *q = "";
	size_t n = s->len, cut;

	tag[0] = '\0';
	if (s->tag != NULL)
		show_tag(s->tag, tag, sizeof(tag) - 1);
	/* Nothing written: say so, or a message ends in "not ". */
	if (n == 0 && (s->style == TUFF_PLAIN || s->style == TUFF_ANY)) {
		if (s->tag != NULL)
			/* TRANSLATORS: %s is a YAML tag, e.g. !!int. */
			snprintf(buf, size, _("%s with no value"), tag);
		else
			snprintf(buf, size, "%s", _("an empty value"));
		return buf;
	}
	if (s->tag != NULL)
		strcat(tag, " ");
	/* Cut at a character boundary. */
	cut = n > SHOW_MAX ? SHOW_MAX : n;
	while (cut < n && cut > 0 &&
	    ((unsigned char)s->val[cut] & 0xc0) == 0x80)
		cut--;
	tuff_escape(text, sizeof(text), s->val, cut);
	if (s->style == TUFF_SINGLE)
		q = "'";
	else if (s->style != TUFF_PLAIN && s->style != TUFF_ANY)
		q = "\"";
	snprintf(buf, size, "%s%s%s%s%s", tag, q, text, cut < n ? "..." : "",
	    q);
	return buf;
}

const char *
tuff_scalar_hint(const struct tuff_scalar *s, enum tuff_stype wanted)
{
	enum tuff_stype t = tuff_scalar_type(s);
	struct tuff_scalar plain = *s;

	if (t == TUFF_T_BAD)
		return s->tag != NULL && strncmp(s->tag, TAG_PREFIX,
		    sizeof(TAG_PREFIX) - 1) == 0 ?
		    _("the tag contradicts the value") :
		    _("records take no such tag");
	if (wanted == TUFF_T_INT) {
		plain.style = TUFF_PLAIN;
		plain.tag = NULL;
		if (t == TUFF_T_STR && s->tag == NULL &&
		    tuff_scalar_type(&plain) == TUFF_T_INT)
			return _("quoted, it is a string: remove the quotes");
		if (t == TUFF_T_NUMBER && s->len > 0 && s->val[0] == '+')
			return _("write it without a sign");
		if (t == TUFF_T_NUMBER && s->len > 1 && s->val[0] == '0' &&
		    s->val[1] >= '0' && s->val[1] <= '9')
			return _("write it without leading zeros");
		if (t == TUFF_T_NUMBER && memchr(s->val, '.', s->len) != NULL)
			return _("a whole number is needed");
		return "";
	}
	if (wanted == TUFF_T_STR && (t == TUFF_T_INT || t == TUFF_T_NUMBER ||
	    t == TUFF_T_BOOL))
		return _("put it in quotes to make it text");
	return "";
}
