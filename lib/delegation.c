/*
 * The delegation order: which role may decide what (SPEC §4.2), built
 * in or read from a YAML file of kind delegation.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/decide.h"
#include "tuff/diag.h"
#include "tuff/field.h"
#include "tuff/i18n.h"
#include "tuff/names.h"
#include "tuff/record.h"
#include "tuff/schema.h"

/*
 * Roles are names (include/tuff/names.h): "Socialchef" and
 * "socialchef", "Nämnd" in NFC or NFD, are one role, so each keeps the
 * key it is compared by beside the spelling the order gave it, which is
 * what output shows.
 */
struct role {
	char	*name;
	char	*key;
};

struct alias {
	char	*name;
	char	*key;
	int	 rank;
};

struct cost_rule {
	long	 above;
	int	 rank;
};

struct decide_delegation {
	struct role	 roles[DECIDE_MAX_ROLES];
	size_t		 nroles;
	struct alias	 aliases[DECIDE_MAX_ROLES];
	size_t		 naliases;
	int		 least[DECIDE_NOUTCOMES];
	struct cost_rule costs[DECIDE_MAX_ROLES];
	size_t		 ncosts;
};

const char *const decide_outcome_names[] = { "assign", "reject", "defer",
    NULL };

const char *
decide_outcome_name(enum decide_outcome o)
{
	return o < DECIDE_NOUTCOMES ? decide_outcome_names[o] : NULL;
}

void
decide_delegation_free(struct decide_delegation *d)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->nroles; i++) {
		free(d->roles[i].name);
		free(d->roles[i].key);
	}
	for (i = 0; i < d->naliases; i++) {
		free(d->aliases[i].name);
		free(d->aliases[i].key);
	}
	free(d);
}

/* The key of a name, in memory the caller frees; NULL with errno. */
static char *
name_key(const char *name)
{
	struct tuff_namebuf b = { NULL, 0, 0 };

	if (tuff_name_key(&b, name, strlen(name), TUFF_NAME_FOLD) == -1) {
		if (errno != EILSEQ) {
			tuff_namebuf_free(&b);
			return NULL;
		}
		tuff_namebuf_free(&b);	/* not UTF-8: compared as bytes */
		return strdup(name);
	}
	return b.s;
}

static int
add_role(struct decide_delegation *d, const char *name)
{
	struct role *r = &d->roles[d->nroles];

	if ((r->name = strdup(name)) == NULL ||
	    (r->key = name_key(name)) == NULL) {
		free(r->name);
		r->name = NULL;
		return -1;
	}
	d->nroles++;
	return 0;
}

static int
add_alias(struct decide_delegation *d, const char *name, int rank)
{
	struct alias *a = &d->aliases[d->naliases];

	if ((a->name = strdup(name)) == NULL ||
	    (a->key = name_key(name)) == NULL) {
		free(a->name);
		a->name = NULL;
		return -1;
	}
	a->rank = rank;
	d->naliases++;
	return 0;
}

/*
 * SPEC §4.2, word for word.  The Swedish spellings of ordförande and
 * nämnd are aliases, so a decision record may be written either way.
 */
struct decide_delegation *
decide_delegation_default(void)
{
	static const char *const roles[] = { "enhetschef", "sektionschef",
	    "avdelningschef", "socialchef", "ordforande", "namnd" };
	struct decide_delegation *d;
	size_t i;

	if ((d = calloc(1, sizeof(*d))) == NULL)
		return NULL;
	for (i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		if (add_role(d, roles[i]) == -1)
			goto fail;
	if (add_alias(d, "ordförande", 4) == -1 ||
	    add_alias(d, "nämnd", 5) == -1)
		goto fail;
	d->least[DECIDE_ASSIGN] = 2;
	d->least[DECIDE_REJECT] = 1;
	d->least[DECIDE_DEFER] = 1;
	d->costs[0] = (struct cost_rule){ 500000, 3 };
	d->costs[1] = (struct cost_rule){ 5000000, 5 };
	d->ncosts = 2;
	return d;
fail:
	decide_delegation_free(d);
	return NULL;
}

/*
 * The rank of a name among the roles, and the aliases too when asked:
 * the rank, or -1 with errno ENOENT (unknown) or ENOMEM.
 */
static int
lookup(const struct decide_delegation *d, const char *name, int aliases)
{
	char *key;
	size_t i;
	int rank = -1;

	if ((key = name_key(name)) == NULL)
		return -1;
	for (i = 0; i < d->nroles && rank == -1; i++)
		if (strcmp(d->roles[i].key, key) == 0)
			rank = (int)i;
	for (i = 0; aliases && i < d->naliases && rank == -1; i++)
		if (strcmp(d->aliases[i].key, key) == 0)
			rank = d->aliases[i].rank;
	free(key);
	if (rank == -1)
		errno = ENOENT;
	return rank;
}

int
decide_role(const struct decide_delegation *d, const char *name)
{
	return lookup(d, name, 1);
}

const char *
decide_role_name(const struct decide_delegation *d, int r)
{
	return r >= 0 && (size_t)r < d->nroles ? d->roles[r].name : NULL;
}

size_t
decide_nroles(const struct decide_delegation *d)
{
	return d->nroles;
}

char *
decide_role_list(const struct decide_delegation *d, char *buf, size_t len)
{
	size_t i, n = 0;
	int k;

	buf[0] = '\0';
	for (i = 0; i < d->nroles && n < len; i++) {
		k = snprintf(buf + n, len - n, "%s%s", i > 0 ? ", " : "",
		    d->roles[i].name);
		if (k < 0)
			break;
		n += (size_t)k;
	}
	return buf;
}

int
decide_needs(const struct decide_delegation *d, enum decide_outcome o,
    long cost, long *above)
{
	int need = d->least[o];
	size_t i;

	*above = -1;
	if (cost < 0)
		return need;
	for (i = 0; i < d->ncosts; i++)
		if (cost > d->costs[i].above && d->costs[i].rank > need) {
			need = d->costs[i].rank;
			*above = d->costs[i].above;
		}
	return need;
}

/* Indexed by enum decide_outcome: role, the role needed. */
static const char *const may_not[] = {
	N_("%s may not assign; that needs %s or above"),
	N_("%s may not reject; that needs %s or above"),
	N_("%s may not defer; that needs %s or above"),
};

int
decide_permit(const struct decide_delegation *d, int role,
    enum decide_outcome o, long cost, char *msg, size_t len)
{
	long above;
	int need = decide_needs(d, o, cost, &above);

	if (role >= need)
		return 0;
	if (above >= 0)
		/* TRANSLATORS: role, cost, limit, the role needed. */
		snprintf(msg, len, _("%s may not decide on cost_sek %ld (above "
		    "%ld); that needs %s or above"), d->roles[role].name, cost,
		    above, d->roles[need].name);
	else
		snprintf(msg, len, _(may_not[o]), d->roles[role].name,
		    d->roles[need].name);
	return -1;
}

/* A role named in the file: one of roles (not an alias), in any case. */
static int
role_at(const struct decide_delegation *d, const struct tuff_doc *doc,
    const struct tuff_node *n, const char *what, int *rank,
    struct tuff_error *e)
{
	char list[512], buf[320];
	const char *s = tuff_str(n);
	int r;

	if (s != NULL && !tuff_is_null(n)) {
		if ((r = lookup(d, s, 0)) == -1 && errno == ENOMEM)
			return tuff_node_err(e, doc, n, "out of memory");
		if (r != -1) {
			*rank = r;
			return 0;
		}
	}
	return tuff_node_err(e, doc, n, "%s: unknown role %s (the roles are "
	    "%s)", what, n != NULL ? tuff_field_shown(n, buf, sizeof(buf)) :
	    "that is not a string", decide_role_list(d, list, sizeof(list)));
}

/* A string that is not empty: a role, an alias, a name. */
static const char *
name_at(const struct tuff_doc *doc, const struct tuff_node *n,
    const char *what, struct tuff_error *e)
{
	const char *s;

	return tuff_field_item_str(doc, n, what, 1, &s, e) == 0 ? s : NULL;
}

static int
read_roles(struct decide_delegation *d, const struct tuff_doc *doc,
    struct tuff_error *e)
{
	const struct tuff_node *seq = NULL;
	const char *s;
	size_t i;
	int r;

	if (tuff_field_seq(doc, doc->root, "roles", 1, &seq, e) == -1)
		return -1;
	if (seq->u.seq.n == 0)
		return tuff_node_err(e, doc, seq, "roles: the list is empty");
	if (seq->u.seq.n > DECIDE_MAX_ROLES)
		return tuff_node_err(e, doc, seq, "roles: more than %d",
		    DECIDE_MAX_ROLES);
	for (i = 0; i < seq->u.seq.n; i++) {
		if ((s = name_at(doc, seq->u.seq.items[i], "roles", e)) == NULL)
			return -1;
		if ((r = decide_role(d, s)) != -1 &&
		    strcmp(decide_role_name(d, r), s) != 0)
			return tuff_node_err(e, doc, seq->u.seq.items[i],
			    "roles: %s is %s again (roles are compared "
			    "regardless of case and Unicode form)", s,
			    decide_role_name(d, r));
		if (r != -1)
			return tuff_node_err(e, doc, seq->u.seq.items[i],
			    "roles: %s is there twice", s);
		if (errno == ENOMEM)
			return tuff_node_err(e, doc, NULL, "out of memory");
		if (add_role(d, s) == -1)
			return tuff_node_err(e, doc, NULL, "out of memory");
	}
	return 0;
}

static int
read_aliases(struct decide_delegation *d, const struct tuff_doc *doc,
    struct tuff_error *e)
{
	const struct tuff_node *map = NULL;
	const struct tuff_pair *p;
	const char *s;
	size_t i;
	int rank;

	if (tuff_field_map(doc, doc->root, "aliases", 0, &map, e) == -1)
		return -1;
	if (map == NULL)
		return 0;
	if (map->u.map.n > DECIDE_MAX_ROLES)
		return tuff_node_err(e, doc, map, "aliases: more than %d",
		    DECIDE_MAX_ROLES);
	for (i = 0; i < map->u.map.n; i++) {
		p = &map->u.map.pairs[i];
		if ((s = name_at(doc, p->key, "aliases", e)) == NULL)
			return -1;
		if (decide_role(d, s) != -1)
			return tuff_node_err(e, doc, p->key,
			    "aliases: %s is already a role or an alias", s);
		if (errno == ENOMEM)
			return tuff_node_err(e, doc, NULL, "out of memory");
		if (role_at(d, doc, p->val, "aliases", &rank, e) == -1)
			return -1;
		if (add_alias(d, s, rank) == -1)
			return tuff_node_err(e, doc, NULL, "out of memory");
	}
	return 0;
}

static int
read_costs(struct decide_delegation *d, const struct tuff_doc *doc,
    struct tuff_error *e)
{
	const struct tuff_node *seq = NULL, *rule;
	size_t i;

	if (tuff_field_seq(doc, doc->root, "cost_sek", 0, &seq, e) == -1)
		return -1;
	if (seq == NULL)
		return 0;
	if (seq->u.seq.n > DECIDE_MAX_ROLES)
		return tuff_node_err(e, doc, seq, "cost_sek: more than %d rules",
		    DECIDE_MAX_ROLES);
	for (i = 0; i < seq->u.seq.n; i++) {
		rule = seq->u.seq.items[i];
		if (rule->type != TUFF_MAP)
			return tuff_node_err(e, doc, rule, "cost_sek: expected "
			    "a mapping with above and needs");
		if (tuff_field_int(doc, rule, "above", 1, 0, DECIDE_MAX_COST,
		    &d->costs[i].above, e) == -1)
			return -1;
		if (tuff_map_get(rule, "needs") == NULL)
			return tuff_node_err(e, doc, rule,
			    "needs: required key is missing");
		if (role_at(d, doc, tuff_map_get(rule, "needs"), "needs",
		    &d->costs[i].rank, e) == -1)
			return -1;
		d->ncosts++;
	}
	return 0;
}

/*
 * Every outcome must be named: a delegation order that forgot one is a
 * mistake, not a licence for anyone to take it.
 */
static int
read_delegation(struct decide_delegation *d, const struct tuff_doc *doc,
    struct tuff_error *e)
{
	const struct tuff_node *v;
	int o;

	if (doc->kind == NULL || strcmp(doc->kind, "delegation") != 0)
		return tuff_node_err(e, doc, tuff_map_get(doc->root, "kind"),
		    "expected a record of kind delegation");
	if (read_roles(d, doc, e) == -1 || read_aliases(d, doc, e) == -1)
		return -1;
	for (o = 0; o < DECIDE_NOUTCOMES; o++) {
		if ((v = tuff_map_get(doc->root, decide_outcome_names[o])) ==
		    NULL)
			return tuff_node_err(e, doc, NULL,
			    "%s: required key is missing",
			    decide_outcome_names[o]);
		if (role_at(d, doc, v, decide_outcome_names[o], &d->least[o],
		    e) == -1)
			return -1;
	}
	return read_costs(d, doc, e);
}

int
decide_delegation_read(FILE *fp, const char *name,
    struct decide_delegation **out, struct tuff_error *e)
{
	struct decide_delegation *d = NULL;
	struct tuff_reader *r;
	struct tuff_doc *doc = NULL, *extra = NULL;
	int rc = -1, got;

	if ((r = tuff_reader_new(fp, name)) == NULL)
		return tuff_seterr(e, name, 0, 0, "out of memory");
	if ((got = tuff_reader_next(r, &doc, e)) == -1)
		goto done;
	if (got == 0) {
		tuff_seterr(e, name, 0, 0, "no delegation record");
		goto done;
	}
	if ((d = calloc(1, sizeof(*d))) == NULL) {
		tuff_seterr(e, name, 0, 0, "out of memory");
		goto done;
	}
	tuff_schema_check_keys(doc);
	if (read_delegation(d, doc, e) == -1)
		goto done;
	if ((got = tuff_reader_next(r, &extra, e)) == -1)
		goto done;
	if (got == 1) {
		tuff_node_err(e, extra, NULL,
		    "more than one record in a delegation file");
		goto done;
	}
	*out = d;
	d = NULL;
	rc = 0;
done:
	decide_delegation_free(d);
	tuff_doc_free(doc);
	tuff_doc_free(extra);
	tuff_reader_free(r);
	return rc;
}
