/*
 * tbls-check --rules FILE: enable, disable and re-grade rules by id,
 * yamllint-style.  The file is read with the record reader, so it has
 * the limits of every input (no aliases, no duplicate keys, ...).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "tuff/diag.h"
#include "tuff/field.h"
#include "tuff/names.h"
#include "tuff/record.h"
#include "tuff/scalar.h"
#include "tuff/schema.h"
#include "tuff/tbls.h"

/* The text of a string (scalar.h's rule), or NULL. */
static const char *
string_of(const struct tuff_node *n)
{
	struct tuff_scalar s;

	if (n == NULL || n->type != TUFF_SCALAR)
		return NULL;
	s = tuff_scalar_of(n);
	return tuff_scalar_type(&s) == TUFF_T_STR ? n->u.s.val : NULL;
}

/* A mapping of settings for one rule: for now only severity. */
static int
rule_settings(struct tbls_config *cfg, int rule, const struct tuff_doc *doc,
    const struct tuff_node *map, struct tuff_error *e)
{
	const struct tuff_pair *p;
	const char *k, *v;
	char buf[320];
	size_t i;
	int sev, seen = 0;

	for (i = 0; i < map->u.map.n; i++) {
		p = &map->u.map.pairs[i];
		k = tuff_str(p->key);
		if (k == NULL || strcmp(k, "severity") != 0)
			return tuff_node_err(e, doc, p->key,
			    "unknown setting \"%s\" (expected severity)",
			    k != NULL ? k : "?");
		v = string_of(p->val);
		if (v == NULL || (sev = tbls_severity_parse(v, 0)) == -1)
			return tuff_node_err(e, doc, p->val,
			    "severity: expected error, warning or note, not %s",
			    tuff_field_shown(p->val, buf, sizeof(buf)));
		cfg->severity[rule] = (enum tbls_severity)sev;
		seen = 1;
	}
	if (!seen)
		return tuff_node_err(e, doc, map,
		    "a rule's mapping needs a severity");
	return 0;
}

/* The rule id that id looks like a typo of, or NULL. */
static const char *
near_rule(const char *id)
{
	const char *ids[64];
	const struct tbls_rule *rules;
	size_t i, n;

	rules = tbls_rules(&n);
	for (i = 0; i < n && i < sizeof(ids) / sizeof(ids[0]); i++)
		ids[i] = rules[i].id;
	return tuff_schema_near(id, strlen(id), ids, i);
}

/*
 * The rule an id names, compared after Unicode NFC (names.h) as every
 * name is: its index, -1 when there is none, -2 out of memory.  Today's
 * ids are ASCII, which NFC leaves as they are; a rule whose id has a
 * letter like "ö" will be found however the file composed it.
 */
static int
find_rule(const char *id)
{
	struct tuff_namebuf b = { NULL, 0, 0 };
	int rule;

	if (tuff_name_key(&b, id, strlen(id), TUFF_NAME_NFC) == -1) {
		tuff_namebuf_free(&b);
		return errno == ENOMEM ? -2 : tbls_rule_find(id);
	}
	rule = tbls_rule_find(b.s);
	tuff_namebuf_free(&b);
	return rule;
}

static int
apply_rule(struct tbls_config *cfg, const struct tuff_doc *doc,
    const struct tuff_pair *p, struct tuff_error *e)
{
	size_t n;
	const struct tbls_rule *rules = tbls_rules(&n);
	const char *id = tuff_str(p->key), *v, *near;
	char buf[320];
	int rule = -1;

	if (id != NULL && (rule = find_rule(id)) == -2)
		return tuff_node_err(e, doc, NULL, "out of memory");
	if (id == NULL || rule == -1) {
		if (id != NULL && (near = near_rule(id)) != NULL)
			return tuff_node_err(e, doc, p->key,
			    "unknown rule \"%s\"; did you mean \"%s\"?", id,
			    near);
		return tuff_node_err(e, doc, p->key,
		    "unknown rule \"%s\" (tbls-check --list-rules lists them)",
		    id != NULL ? id : "?");
	}
	if (p->val->type == TUFF_MAP)
		return rule_settings(cfg, rule, doc, p->val, e);
	v = string_of(p->val);
	if (v != NULL && strcmp(v, "disable") == 0)
		cfg->severity[rule] = TBLS_OFF;
	else if (v != NULL && strcmp(v, "enable") == 0) {
		if (cfg->severity[rule] == TBLS_OFF)
			cfg->severity[rule] = rules[rule].severity;
	} else
		return tuff_node_err(e, doc, p->val,
		    "%s: expected enable, disable or {severity: ...}, not %s",
		    id, tuff_field_shown(p->val, buf, sizeof(buf)));
	return 0;
}

/* Apply one rules document to cfg. */
static int
apply(struct tbls_config *cfg, const struct tuff_doc *doc,
    struct tuff_error *e)
{
	const struct tuff_node *root = doc->root, *rs = NULL;
	const char *k;
	char buf[320];
	size_t i;

	for (i = 0; i < root->u.map.n; i++) {
		k = tuff_str(root->u.map.pairs[i].key);
		if (k == NULL || strcmp(k, "rules") != 0)
			return tuff_node_err(e, doc, root->u.map.pairs[i].key,
			    "unknown key \"%s\" (a rules file has rules)",
			    k != NULL ? k : "?");
		rs = root->u.map.pairs[i].val;
	}
	if (rs == NULL || tuff_is_null(rs))
		return 0;
	if (rs->type != TUFF_MAP)
		return tuff_node_err(e, doc, rs,
		    "rules: expected a mapping of rule ids, not %s",
		    tuff_field_shown(rs, buf, sizeof(buf)));
	for (i = 0; i < rs->u.map.n; i++)
		if (apply_rule(cfg, doc, &rs->u.map.pairs[i], e) == -1)
			return -1;
	return 0;
}

/*
 * Read the whole file before changing cfg, so a bad file leaves the
 * configuration as it was.
 */
int
tbls_config_load(struct tbls_config *cfg, FILE *fp, const char *name,
    struct tuff_error *e)
{
	struct tbls_config tmp = *cfg;
	struct tuff_reader *r;
	struct tuff_doc *doc = NULL, *more = NULL;
	int rc;

	if ((r = tuff_reader_new(fp, name)) == NULL)
		return tuff_seterr(e, name, 0, 0, "out of memory");
	if ((rc = tuff_reader_next(r, &doc, e)) == 1) {
		if ((rc = tuff_reader_next(r, &more, e)) == 1) {
			rc = tuff_node_err(e, more, NULL,
			    "a rules file holds one document");
			tuff_doc_free(more);
		} else if (rc == 0)
			rc = apply(&tmp, doc, e);
		tuff_doc_free(doc);
	}
	tuff_reader_free(r);
	if (rc == -1)
		return -1;
	*cfg = tmp;
	return 0;
}
