/*
 * The TBLS rulebook (SPEC §4.3): the table of rules, their check
 * functions, the engine that runs them over one record, the validation
 * of the records it checks, and the output of findings and profiles.
 *
 * A check function looks at one record through its context and calls
 * hit() for what it finds: once per record, or once per offending item
 * where the rule says "each".  It never decides severity, profile or
 * output; the engine and the table do.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/decide.h"
#include "tuff/field.h"
#include "tuff/hash.h"
#include "tuff/i18n.h"
#include "tuff/tbls.h"

struct tbls_ctx {
	const struct tbls_config	*cfg;
	const struct tbls_journeys	*journeys;
	const struct tuff_doc		*doc;
	const struct tuff_node		*root;
	struct tbls_result		*res;
	size_t				 rule;
	int				 fired;
	int				 nomem;
};

static tbls_check_fn	needs_missing, need_unsourced, target_group_missing;
static tbls_check_fn	mandate_missing, too_many_indicators;
static tbls_check_fn	detail_control, quantitative_only;
static tbls_check_fn	feedback_missing, rationale_missing;
static tbls_check_fn	support_missing, obstacle_unowned, obstacle_stale;
static tbls_check_fn	collaboration_missing, narrow_collaboration;
static tbls_check_fn	analysis_missing, follow_up_missing, lessons_missing;

/*
 * The rulebook.  Order is SPEC §4.3's and is the order of findings
 * within a record.  tbls-check(1) describes each rule at length; the
 * test tests/cli/tbls-check/man-lists-every-rule.sh holds the two to
 * each other.
 */
static const struct tbls_rule rules[] = {
	{ "medborgarfokus.needs-missing", TBLS_MEDBORGARFOKUS, TBLS_ERROR,
	  TBLS_ASSIGNMENT,
	  N_("start from the users' needs, not from our solutions (Behov)"),
	  N_("the assignment names no user needs; start from the users' needs, "
	  "not the solution"),
	  needs_missing },
	{ "medborgarfokus.need-unsourced", TBLS_MEDBORGARFOKUS, TBLS_WARNING,
	  TBLS_ASSIGNMENT,
	  N_("a need is the users' only when we can say where it was heard"),
	  N_("a need has no source; say where it was heard (journey:ID, "
	  "survey:..., dialogue:...)"),
	  need_unsourced },
	{ "medborgarfokus.target-group-missing", TBLS_MEDBORGARFOKUS,
	  TBLS_WARNING, TBLS_ASSIGNMENT,
	  N_("know whom we are there for (Vem finns vi till för)"),
	  N_("no target group; say whom the assignment is for"),
	  target_group_missing },
	{ "handlingsutrymme.mandate-missing", TBLS_HANDLINGSUTRYMME,
	  TBLS_WARNING, TBLS_ASSIGNMENT,
	  N_("the leader as kompass makes the assignment clear: direction and "
	  "frame"),
	  N_("no mandate; say why the assignment exists: law, political goals, "
	  "the decision"),
	  mandate_missing },
	{ "handlingsutrymme.too-many-indicators", TBLS_HANDLINGSUTRYMME,
	  TBLS_WARNING, TBLS_ASSIGNMENT,
	  N_("minska onödig styrning: a few indicators leave room to act"),
	  N_("more than 5 indicators; choose the few that show the change"),
	  too_many_indicators },
	{ "tillit.detail-control", TBLS_TILLIT, TBLS_WARNING, TBLS_ASSIGNMENT,
	  N_("reporting much, often, is control, not trust"),
	  N_("more than 3 indicators are reported every week or day"),
	  detail_control },
	{ "tillit.quantitative-only", TBLS_TILLIT, TBLS_WARNING,
	  TBLS_ASSIGNMENT,
	  N_("quality steering uses qualitative methods as well as "
	  "quantitative ones"),
	  N_("every indicator is quantitative; add a qualitative one that "
	  "hears those concerned"),
	  quantitative_only },
	{ "oppenhet.feedback-missing", TBLS_OPPENHET, TBLS_WARNING,
	  TBLS_ASSIGNMENT,
	  N_("återkoppling is part of the steering: results go back to those "
	  "doing the work"),
	  N_("the follow-up has no feedback; say how results go back to those "
	  "doing the work"),
	  feedback_missing },
	{ "oppenhet.rationale-missing", TBLS_OPPENHET, TBLS_WARNING,
	  TBLS_DECISION,
	  N_("an open decision says why, so those affected can understand it"),
	  N_("the decision gives no rationale; say why it was made"),
	  rationale_missing },
	{ "stod.support-missing", TBLS_STOD, TBLS_WARNING, TBLS_ASSIGNMENT,
	  N_("the leader as coach and vägröjare supports and clears the way"),
	  N_("no support; name who supports the work and removes obstacles"),
	  support_missing },
	{ "stod.obstacle-unowned", TBLS_STOD, TBLS_ERROR, TBLS_ASSIGNMENT,
	  N_("an obstacle nobody owns is nobody's to remove"),
	  N_("an open obstacle has no owner; name who removes it"),
	  obstacle_unowned },
	{ "stod.obstacle-stale", TBLS_STOD, TBLS_WARNING, TBLS_ASSIGNMENT,
	  N_("a vägröjare removes obstacles; an old open one says nobody "
	  "does"),
	  N_("an obstacle has been open too long"),
	  obstacle_stale },
	{ "helhetssyn.collaboration-missing", TBLS_HELHETSSYN, TBLS_WARNING,
	  TBLS_ASSIGNMENT,
	  N_("the whole is more than one unit: name those the work depends on"),
	  N_("no collaboration; name the other units and actors involved"),
	  collaboration_missing },
	{ "helhetssyn.narrow-collaboration", TBLS_HELHETSSYN, TBLS_NOTE,
	  TBLS_ASSIGNMENT,
	  N_("the users' journey crosses more actors than the assignment "
	  "involves"),
	  N_("the journey behind a need has more actors than the assignment "
	  "involves"),
	  narrow_collaboration },
	{ "kunskap.analysis-missing", TBLS_KUNSKAP, TBLS_WARNING,
	  TBLS_ASSIGNMENT,
	  N_("a good analysis to start from, so we do the right things"),
	  N_("no analysis; describe the problem and its causes before the "
	  "solution"),
	  analysis_missing },
	{ "kunskap.follow-up-missing", TBLS_KUNSKAP, TBLS_WARNING,
	  TBLS_ASSIGNMENT,
	  N_("without follow-up nobody learns whether the change happened"),
	  N_("no follow-up; say how you will know the change happened"),
	  follow_up_missing },
	{ "kunskap.lessons-missing", TBLS_KUNSKAP, TBLS_WARNING,
	  TBLS_ASSIGNMENT,
	  N_("gemensamt lärande: a finished assignment shares what it taught"),
	  N_("the assignment is done but records no lessons; share what was "
	  "learned"),
	  lessons_missing },
};

#define NRULES	(sizeof(rules) / sizeof(rules[0]))

_Static_assert(NRULES <= TBLS_MAX_RULES, "TBLS_MAX_RULES is too small");

static const struct {
	const char	*name;
	enum tbls_area	 area;
} principles[TBLS_NPRINCIPLES] = {
	[TBLS_TILLIT] = { "tillit", TBLS_KULTUR_OCH_LEDARSKAP },
	[TBLS_OPPENHET] = { "oppenhet", TBLS_KULTUR_OCH_LEDARSKAP },
	[TBLS_MEDBORGARFOKUS] = { "medborgarfokus", TBLS_KULTUR_OCH_LEDARSKAP },
	[TBLS_HANDLINGSUTRYMME] = { "handlingsutrymme", TBLS_STYRNING },
	[TBLS_STOD] = { "stod", TBLS_STYRNING },
	[TBLS_HELHETSSYN] = { "helhetssyn", TBLS_ORGANISATION },
	[TBLS_KUNSKAP] = { "kunskap", TBLS_ORGANISATION },
};

static const char *const areas[TBLS_NAREAS] = {
	"kultur-och-ledarskap", "styrning", "organisation"
};

const struct tbls_rule *
tbls_rules(size_t *n)
{
	*n = NRULES;
	return rules;
}

int
tbls_rule_find(const char *id)
{
	size_t i;

	for (i = 0; i < NRULES; i++)
		if (strcmp(rules[i].id, id) == 0)
			return (int)i;
	return -1;
}

const char *
tbls_area_name(enum tbls_area a)
{
	return a < TBLS_NAREAS ? areas[a] : "?";
}

const char *
tbls_principle_name(enum tbls_principle p)
{
	return p < TBLS_NPRINCIPLES ? principles[p].name : "?";
}

enum tbls_area
tbls_principle_area(enum tbls_principle p)
{
	return p < TBLS_NPRINCIPLES ? principles[p].area : TBLS_NAREAS;
}

static const char *const severities[] = {
	"off", "note", "warning", "error", "never"
};

const char *
tbls_severity_name(enum tbls_severity s)
{
	return s <= TBLS_NEVER ? severities[s] : "?";
}

int
tbls_severity_parse(const char *s, int never)
{
	int i;

	for (i = TBLS_NOTE; i <= TBLS_ERROR; i++)
		if (strcmp(s, severities[i]) == 0)
			return i;
	if (never && strcmp(s, "never") == 0)
		return TBLS_NEVER;
	return -1;
}

void
tbls_config_init(struct tbls_config *cfg, tuff_day as_of)
{
	size_t i;

	memset(cfg, 0, sizeof(*cfg));
	for (i = 0; i < NRULES; i++)
		cfg->severity[i] = rules[i].severity;
	cfg->as_of = as_of;
	cfg->stale_days = TBLS_DEFAULT_STALE;
}

/* Journeys: an open-addressing hash table of id -> distinct actors. */

struct jentry {
	char	*id;
	size_t	 actors;
};

struct tbls_journeys {
	struct jentry	*v;
	size_t		 n, cap;	/* cap a power of two, or 0 */
};

struct tbls_journeys *
tbls_journeys_new(void)
{
	return calloc(1, sizeof(struct tbls_journeys));
}

void
tbls_journeys_free(struct tbls_journeys *j)
{
	size_t i;

	if (j == NULL)
		return;
	for (i = 0; i < j->cap; i++)
		free(j->v[i].id);
	free(j->v);
	free(j);
}

/*
 * The slot of id, or the empty slot where it would go; cap > 0.  The
 * keyed hash, so journey ids crafted to collide cost no more than
 * others; the table is only asked, never walked for output.
 */
static struct jentry *
slot(struct jentry *v, size_t cap, const char *id)
{
	size_t i = (size_t)tuff_hash(id, strlen(id)) & (cap - 1);

	while (v[i].id != NULL && strcmp(v[i].id, id) != 0)
		i = (i + 1) & (cap - 1);
	return &v[i];
}

static int
jgrow(struct tbls_journeys *j)
{
	struct jentry *v;
	size_t i, cap = j->cap ? j->cap * 2 : 64;

	if (cap > SIZE_MAX / sizeof(*v) || (v = calloc(cap, sizeof(*v))) ==
	    NULL)
		return -1;
	for (i = 0; i < j->cap; i++)
		if (j->v[i].id != NULL)
			*slot(v, cap, j->v[i].id) = j->v[i];
	free(j->v);
	j->v = v;
	j->cap = cap;
	return 0;
}

int
tbls_journeys_add(struct tbls_journeys *j, const char *id, size_t actors)
{
	struct jentry *e;

	if ((j->n + 1) * 2 > j->cap && jgrow(j) == -1)
		return -1;
	e = slot(j->v, j->cap, id);
	if (e->id != NULL)
		return 0;	/* the first of an id wins */
	if ((e->id = strdup(id)) == NULL)
		return -1;
	e->actors = actors;
	j->n++;
	return 0;
}

int
tbls_journeys_get(const struct tbls_journeys *j, const char *id,
    size_t *actors)
{
	struct jentry *e;

	if (j == NULL || j->cap == 0)
		return 0;
	e = slot(j->v, j->cap, id);
	if (e->id == NULL)
		return 0;
	*actors = e->actors;
	return 1;
}

/* Reading records. */

static const struct tuff_pair *
pair(const struct tuff_node *map, const char *key)
{
	size_t i;

	if (map == NULL || map->type != TUFF_MAP)
		return NULL;
	for (i = 0; i < map->u.map.n; i++)
		if (tuff_str(map->u.map.pairs[i].key) != NULL &&
		    strcmp(tuff_str(map->u.map.pairs[i].key), key) == 0)
			return &map->u.map.pairs[i];
	return NULL;
}

static const struct tuff_node *
seq(const struct tuff_node *n)
{
	return n != NULL && n->type == TUFF_SEQ ? n : NULL;
}

static size_t
seq_len(const struct tuff_node *n)
{
	return seq(n) != NULL ? n->u.seq.n : 0;
}

static const struct tuff_node *
item(const struct tuff_node *s, size_t i)
{
	return s->u.seq.items[i];
}

static int
str_is(const struct tuff_node *n, const char *s)
{
	const char *v = tuff_str(n);

	return v != NULL && strcmp(v, s) == 0;
}

/* The indicators of the follow-up, when they are a sequence. */
static const struct tuff_node *
indicators(const struct tuff_node *root)
{
	return seq(tuff_map_get(tuff_map_get(root, "follow_up"),
	    "indicators"));
}

/* The key node of follow_up.indicators, for positions. */
static const struct tuff_node *
indicators_key(const struct tuff_node *root)
{
	const struct tuff_pair *p;

	p = pair(tuff_map_get(root, "follow_up"), "indicators");
	return p != NULL ? p->key : root;
}

/* An obstacle is open while its resolved is absent or null. */
static int
is_open(const struct tuff_node *obstacle)
{
	return obstacle->type == TUFF_MAP &&
	    tuff_is_null(tuff_map_get(obstacle, "resolved"));
}

/*
 * Copy user text s into buf (size > 8) for a message: at most 60
 * characters, control characters as spaces; when cut, at a space near
 * the end if there is one, then "...".  Cuts fall between UTF-8
 * characters.
 */
static const char *
quote(char *buf, size_t size, const char *s)
{
	size_t i = 0, chars = 0, space = 0;

	for (; *s != '\0'; s++) {
		if (((unsigned char)*s & 0xc0) != 0x80) {
			if (chars++ == 60 || i + 8 >= size)
				break;
			if (*s == ' ')
				space = i;
		} else if (i + 4 >= size)
			break;	/* not after valid UTF-8 */
		buf[i++] = (unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s;
	}
	if (*s != '\0') {
		if (space > 0 && i - space < 20)
			i = space;
		memcpy(buf + i, "...", 3);
		i += 3;
	}
	buf[i] = '\0';
	return buf;
}

/*
 * Report what the current rule found, at node at (or, when at is NULL
 * or was not read from input, the record's first key) with a JSON
 * pointer path; fmt NULL means the rule's default message.
 */
static void __attribute__((format(printf, 4, 5)))
hit(struct tbls_ctx *c, const struct tuff_node *at, const char *path,
    const char *fmt, ...)
{
	struct tbls_result *r = c->res;
	struct tbls_finding *f;
	va_list ap;
	size_t cap;

	c->fired = 1;
	if (r->n == r->cap) {
		cap = r->cap ? r->cap * 2 : 16;
		if ((f = reallocarray(r->v, cap, sizeof(*f))) == NULL) {
			c->nomem = 1;
			return;
		}
		r->v = f;
		r->cap = cap;
	}
	f = &r->v[r->n++];
	f->rule = c->rule;
	f->severity = c->cfg->severity[c->rule];
	r->count[f->severity]++;
	if (at == NULL || at->line == 0)
		at = c->root;
	f->line = at->line > 0 ? at->line : c->doc->line;
	f->column = at->line > 0 ? at->column : c->doc->column;
	snprintf(f->path, sizeof(f->path), "%s", path);
	if (fmt == NULL) {
		snprintf(f->message, sizeof(f->message), "%s",
		    _(rules[c->rule].message));
		return;
	}
	va_start(ap, fmt);
	vsnprintf(f->message, sizeof(f->message), _(fmt), ap);
	va_end(ap);
}

/*
 * The common rule "no x": key of map absent or empty.  The finding
 * points at the key when it is there (empty), else at the mapping that
 * lacks it.
 */
static void
want(struct tbls_ctx *c, const struct tuff_node *map, const char *key,
    const char *path)
{
	const struct tuff_pair *p = pair(map, key);

	if (p == NULL)
		hit(c, map, path, NULL);
	else if (tuff_is_empty(p->val))
		hit(c, p->key, path, NULL);
}

/* The check functions, one per rule, in the table's order. */

static void
needs_missing(struct tbls_ctx *c)
{
	want(c, c->root, "needs", "/needs");
}

static void
need_unsourced(struct tbls_ctx *c)
{
	const struct tuff_node *needs = seq(tuff_map_get(c->root, "needs"));
	const struct tuff_node *need;
	const struct tuff_pair *src;
	char path[64], q[256];
	size_t i;

	for (i = 0; i < seq_len(needs); i++) {
		need = item(needs, i);
		src = pair(need, "source");
		if (src != NULL && !tuff_is_empty(src->val))
			continue;
		snprintf(path, sizeof(path), "/needs/%zu/source", i);
		hit(c, src != NULL ? src->key : need, path,
		    "need \"%s\" has no source; say where it was heard "
		    "(journey:ID, survey:..., dialogue:...)",
		    quote(q, sizeof(q), tuff_str(tuff_map_get(need, "need")) ?
		    tuff_str(tuff_map_get(need, "need")) : ""));
	}
}

static void
target_group_missing(struct tbls_ctx *c)
{
	want(c, c->root, "target_group", "/target_group");
}

static void
mandate_missing(struct tbls_ctx *c)
{
	want(c, c->root, "mandate", "/mandate");
}

static void
too_many_indicators(struct tbls_ctx *c)
{
	size_t n = seq_len(indicators(c->root));

	if (n > 5)
		hit(c, indicators_key(c->root), "/follow_up/indicators",
		    "%zu indicators, more than 5; choose the few that show the "
		    "change", n);
}

static void
detail_control(struct tbls_ctx *c)
{
	const struct tuff_node *ind = indicators(c->root), *every;
	size_t i, often = 0;

	for (i = 0; i < seq_len(ind); i++) {
		every = tuff_map_get(item(ind, i), "every");
		if (str_is(every, "week") || str_is(every, "day"))
			often++;
	}
	if (often > 3)
		hit(c, indicators_key(c->root), "/follow_up/indicators",
		    "%zu indicators are reported every week or day, more than "
		    "3; report less often, or fewer", often);
}

static void
quantitative_only(struct tbls_ctx *c)
{
	const struct tuff_node *ind = indicators(c->root);
	size_t i;

	if (seq_len(ind) == 0)
		return;
	for (i = 0; i < seq_len(ind); i++)
		if (str_is(tuff_map_get(item(ind, i), "method"), "qualitative"))
			return;
	hit(c, indicators_key(c->root), "/follow_up/indicators", NULL);
}

/* Only a follow-up that says something can lack feedback. */
static void
feedback_missing(struct tbls_ctx *c)
{
	const struct tuff_node *fu = tuff_map_get(c->root, "follow_up");

	if (!tuff_is_empty(fu) && fu->type == TUFF_MAP)
		want(c, fu, "feedback", "/follow_up/feedback");
}

static void
rationale_missing(struct tbls_ctx *c)
{
	want(c, c->root, "rationale", "/rationale");
}

static void
support_missing(struct tbls_ctx *c)
{
	want(c, c->root, "support", "/support");
}

/* The obstacle's own words for a message, or its number. */
static const char *
obstacle_name(char *buf, size_t size, const struct tuff_node *o, size_t i)
{
	const char *s = tuff_str(tuff_map_get(o, "obstacle"));
	char q[256];

	if (s != NULL && *s != '\0')
		snprintf(buf, size, "\"%s\"", quote(q, sizeof(q), s));
	else
		snprintf(buf, size, "%zu", i + 1);
	return buf;
}

static void
obstacle_unowned(struct tbls_ctx *c)
{
	const struct tuff_node *obs = seq(tuff_map_get(c->root, "obstacles"));
	const struct tuff_node *o;
	const struct tuff_pair *own;
	char path[64], name[300];
	size_t i;

	for (i = 0; i < seq_len(obs); i++) {
		o = item(obs, i);
		if (!is_open(o))
			continue;
		own = pair(o, "owner");
		if (own != NULL && !tuff_is_empty(own->val))
			continue;
		snprintf(path, sizeof(path), "/obstacles/%zu/owner", i);
		hit(c, own != NULL ? own->key : o, path,
		    "open obstacle %s has no owner; name who removes it",
		    obstacle_name(name, sizeof(name), o, i));
	}
}

static void
obstacle_stale(struct tbls_ctx *c)
{
	const struct tuff_node *obs = seq(tuff_map_get(c->root, "obstacles"));
	const struct tuff_node *o, *raised;
	char path[64], name[300], date[16];
	tuff_day day;
	size_t i;

	for (i = 0; i < seq_len(obs); i++) {
		o = item(obs, i);
		raised = tuff_map_get(o, "raised");
		if (!is_open(o) || tuff_str(raised) == NULL ||
		    tuff_date_parse(raised->u.s.val, raised->u.s.len,
		    &day) == -1 || c->cfg->as_of - day <= c->cfg->stale_days)
			continue;
		snprintf(path, sizeof(path), "/obstacles/%zu/raised", i);
		if (c->cfg->as_of - day == 1)	/* --stale 0 */
			hit(c, raised, path, "obstacle %s has been open for 1 "
			    "day since %s, more than 0",
			    obstacle_name(name, sizeof(name), o, i),
			    tuff_date_fmt(day, date));
		else
			hit(c, raised, path, "obstacle %s has been open for "
			    "%ld days since %s, more than %ld",
			    obstacle_name(name, sizeof(name), o, i),
			    c->cfg->as_of - day, tuff_date_fmt(day, date),
			    c->cfg->stale_days);
	}
}

static void
collaboration_missing(struct tbls_ctx *c)
{
	want(c, c->root, "collaboration", "/collaboration");
}

/* Collaborators named: entries of a list or mapping, or one text. */
static size_t
collaborators(const struct tuff_node *n)
{
	if (tuff_is_empty(n))
		return 0;
	switch (n->type) {
	case TUFF_SEQ:
		return n->u.seq.n;
	case TUFF_MAP:
		return n->u.map.n;
	default:
		return 1;
	}
}

/*
 * Once per record, at the first need whose journey has more distinct
 * actors than the owner and the collaborators together.
 */
static void
narrow_collaboration(struct tbls_ctx *c)
{
	const struct tuff_node *needs = seq(tuff_map_get(c->root, "needs"));
	const struct tuff_node *src;
	const char *s;
	char path[64], q[256];
	size_t i, actors, involved;

	involved = 1 + collaborators(tuff_map_get(c->root, "collaboration"));
	for (i = 0; i < seq_len(needs); i++) {
		src = tuff_map_get(item(needs, i), "source");
		if ((s = tuff_str(src)) == NULL ||
		    strncmp(s, "journey:", 8) != 0 ||
		    !tbls_journeys_get(c->journeys, s + 8, &actors) ||
		    actors <= involved)
			continue;
		snprintf(path, sizeof(path), "/needs/%zu/source", i);
		hit(c, src, path,
		    "journey %s has %zu distinct actors, but the assignment "
		    "involves %zu: its owner and those in collaboration",
		    quote(q, sizeof(q), s + 8), actors, involved);
		return;
	}
}

static void
analysis_missing(struct tbls_ctx *c)
{
	want(c, c->root, "analysis", "/analysis");
}

static void
follow_up_missing(struct tbls_ctx *c)
{
	want(c, c->root, "follow_up", "/follow_up");
}

static void
lessons_missing(struct tbls_ctx *c)
{
	if (str_is(tuff_map_get(c->root, "status"), "done"))
		want(c, c->root, "lessons", "/lessons");
}

/* The engine. */

unsigned
tbls_kind(const struct tuff_doc *doc)
{
	if (doc->kind == NULL)
		return 0;
	if (strcmp(doc->kind, "assignment") == 0)
		return TBLS_ASSIGNMENT;
	if (strcmp(doc->kind, "decision") == 0)
		return TBLS_DECISION;
	return 0;
}

int
tbls_check(const struct tbls_config *cfg, const struct tbls_journeys *jr,
    const struct tuff_doc *doc, struct tbls_result *res)
{
	struct tbls_ctx c;
	unsigned kind = tbls_kind(doc);
	enum tbls_principle p;
	size_t i;

	res->n = 0;
	memset(res->checked, 0, sizeof(res->checked));
	memset(res->passed, 0, sizeof(res->passed));
	memset(res->count, 0, sizeof(res->count));
	memset(&c, 0, sizeof(c));
	c.cfg = cfg;
	c.journeys = jr;
	c.doc = doc;
	c.root = doc->root;
	c.res = res;
	if (doc->root == NULL || doc->root->type != TUFF_MAP)
		return 0;
	for (i = 0; i < NRULES; i++) {
		if ((rules[i].kinds & kind) == 0 ||
		    cfg->severity[i] == TBLS_OFF)
			continue;
		c.rule = i;
		c.fired = 0;
		rules[i].check(&c);
		if (c.nomem)
			return -1;
		p = rules[i].principle;
		res->checked[p]++;
		if (!c.fired)
			res->passed[p]++;
	}
	return 0;
}

void
tbls_result_free(struct tbls_result *res)
{
	free(res->v);
	memset(res, 0, sizeof(*res));
}

enum tbls_severity
tbls_result_worst(const struct tbls_result *res)
{
	enum tbls_severity worst = TBLS_OFF;
	size_t i;

	for (i = 0; i < res->n; i++)
		if (res->v[i].severity > worst)
			worst = res->v[i].severity;
	return worst;
}

/*
 * Validation.  An assignment is checked by the one validator tuff-decide
 * uses too (decide_check_assignment), so a record one tool takes the
 * other takes as well.
 */

static int
validate_decision(const struct tuff_doc *doc, struct tuff_error *e)
{
	const struct tuff_node *r = doc->root, *reg;
	const char *s = NULL;
	tuff_day d;
	size_t i;
	int k;

	if (tuff_field_str(doc, r, "id", 0, &s, e) == -1 ||
	    tuff_field_date(doc, r, "date", 1, &d, e) == -1 ||
	    tuff_field_str(doc, r, "decided_by", 1, &s, e) == -1 ||
	    tuff_field_enum(doc, r, "outcome", 1, decide_outcome_names, &k,
	    e) == -1)
		return -1;
	/* regarding: one id, or a list of them. */
	reg = tuff_map_get(r, "regarding");
	if (reg != NULL && reg->type == TUFF_SCALAR)
		return tuff_field_str(doc, r, "regarding", 1, &s, e);
	if (tuff_field_seq(doc, r, "regarding", 1, &reg, e) == -1)
		return -1;
	for (i = 0; i < reg->u.seq.n; i++)
		if (tuff_str(item(reg, i)) == NULL)
			return tuff_node_err(e, doc, item(reg, i),
			    "regarding: each entry must be an id");
	return 0;
}

int
tbls_validate(const struct tuff_doc *doc, struct tuff_error *e)
{
	switch (tbls_kind(doc)) {
	case TBLS_ASSIGNMENT:
		return decide_check_assignment(doc, e);
	case TBLS_DECISION:
		return validate_decision(doc, e);
	default:
		return 0;
	}
}

/* Output. */

static const char *
record_id(const struct tuff_doc *doc)
{
	return tuff_str(tuff_map_get(doc->root, "id"));
}

/* Where a record starts: its first key, as findings about it point. */
static void
record_pos(const struct tuff_doc *doc, unsigned long *line,
    unsigned long *col)
{
	if (doc->root != NULL && doc->root->line > 0) {
		*line = doc->root->line;
		*col = doc->root->column;
	} else {
		*line = doc->line;
		*col = doc->column;
	}
}

static void
w_kv(struct tuff_writer *w, const char *key, const char *val)
{
	tuff_w_key(w, key);
	tuff_w_str(w, val);
}

static void
w_ki(struct tuff_writer *w, const char *key, long val)
{
	tuff_w_key(w, key);
	tuff_w_int(w, val);
}

static void
w_record(struct tuff_writer *w, const struct tuff_doc *doc)
{
	tuff_w_key(w, "record");
	if (record_id(doc) != NULL)
		tuff_w_str(w, record_id(doc));
	else
		tuff_w_null(w);
}

int
tbls_write_finding(struct tuff_writer *w, const struct tuff_doc *doc,
    const struct tbls_finding *f)
{
	const struct tbls_rule *r = &rules[f->rule];

	tuff_w_begin(w);
	w_kv(w, "kind", "finding");
	w_kv(w, "rule", r->id);
	w_kv(w, "principle", tbls_principle_name(r->principle));
	w_kv(w, "area", tbls_area_name(tbls_principle_area(r->principle)));
	w_kv(w, "severity", tbls_severity_name(f->severity));
	w_record(w, doc);
	w_kv(w, "file", doc->file != NULL ? doc->file : "<stdin>");
	w_ki(w, "line", (long)f->line);
	w_ki(w, "column", (long)f->column);
	w_kv(w, "path", f->path);
	w_kv(w, "message", f->message);
	return tuff_w_end(w);
}

static void
w_score(struct tuff_writer *w, const char *key, unsigned passed,
    unsigned checked)
{
	tuff_w_key(w, key);
	tuff_w_map_begin(w);
	w_ki(w, "passed", passed);
	w_ki(w, "checked", checked);
	tuff_w_map_end(w);
}

/* Sum a result's principles into its areas, and into the totals. */
static void
area_scores(const struct tbls_result *res, unsigned passed[TBLS_NAREAS],
    unsigned checked[TBLS_NAREAS], unsigned *tpassed, unsigned *tchecked)
{
	int p;

	memset(passed, 0, TBLS_NAREAS * sizeof(*passed));
	memset(checked, 0, TBLS_NAREAS * sizeof(*checked));
	*tpassed = *tchecked = 0;
	for (p = 0; p < TBLS_NPRINCIPLES; p++) {
		passed[principles[p].area] += res->passed[p];
		checked[principles[p].area] += res->checked[p];
		*tpassed += res->passed[p];
		*tchecked += res->checked[p];
	}
}

int
tbls_write_profile(struct tuff_writer *w, const struct tuff_doc *doc,
    const struct tbls_result *res)
{
	unsigned ap[TBLS_NAREAS], ac[TBLS_NAREAS], tp, tc;
	unsigned long line, col;
	int i;

	area_scores(res, ap, ac, &tp, &tc);
	record_pos(doc, &line, &col);
	tuff_w_begin(w);
	w_kv(w, "kind", "tbls-profile");
	w_record(w, doc);
	w_kv(w, "record_kind", doc->kind != NULL ? doc->kind : "");
	w_kv(w, "file", doc->file != NULL ? doc->file : "<stdin>");
	w_ki(w, "line", (long)line);
	w_ki(w, "column", (long)col);
	w_ki(w, "passed", tp);
	w_ki(w, "checked", tc);
	w_ki(w, "errors", res->count[TBLS_ERROR]);
	w_ki(w, "warnings", res->count[TBLS_WARNING]);
	w_ki(w, "notes", res->count[TBLS_NOTE]);
	tuff_w_key(w, "principles");
	tuff_w_map_begin(w);
	for (i = 0; i < TBLS_NPRINCIPLES; i++)
		w_score(w, principles[i].name, res->passed[i],
		    res->checked[i]);
	tuff_w_map_end(w);
	tuff_w_key(w, "areas");
	tuff_w_map_begin(w);
	for (i = 0; i < TBLS_NAREAS; i++)
		w_score(w, areas[i], ap[i], ac[i]);
	tuff_w_map_end(w);
	return tuff_w_end(w);
}

int
tbls_print_finding(FILE *fp, const struct tuff_doc *doc,
    const struct tbls_finding *f)
{
	const char *id = record_id(doc);

	return fprintf(fp, "%s:%lu:%lu: %s: %s%s%s [%s]\n",
	    doc->file != NULL ? doc->file : "<stdin>", f->line, f->column,
	    tbls_severity_name(f->severity), id != NULL ? id : "",
	    id != NULL ? ": " : "", f->message, rules[f->rule].id) < 0 ?
	    -1 : 0;
}

int
tbls_print_profile(FILE *fp, const struct tuff_doc *doc,
    const struct tbls_result *res)
{
	unsigned ap[TBLS_NAREAS], ac[TBLS_NAREAS], tp, tc;
	const char *id = record_id(doc);
	char label[256], scores[128];
	unsigned long line, col;
	size_t n = 0;
	int i, k;

	area_scores(res, ap, ac, &tp, &tc);
	if (id != NULL)
		snprintf(label, sizeof(label), "%s", id);
	else {
		record_pos(doc, &line, &col);
		/* TRANSLATORS: a record without an id: its kind as
		   written (assignment, decision), its file and line. */
		snprintf(label, sizeof(label), _("%s in %s, line %lu"),
		    doc->kind, doc->file != NULL ? doc->file : "<stdin>",
		    line);
	}
	scores[0] = '\0';
	for (i = 0; i < TBLS_NAREAS && n < sizeof(scores); i++) {
		k = snprintf(scores + n, sizeof(scores) - n, "%s%s %u/%u",
		    i > 0 ? ", " : "", areas[i], ap[i], ac[i]);
		if (k < 0)
			return -1;
		n += (size_t)k;
	}
	/* TRANSLATORS: the record, the checks passed and made, and the
	   score of each area ("styrning 2/3, ..."). */
	return fprintf(fp, P_("%s: %u of %u check passed (%s)\n",
	    "%s: %u of %u checks passed (%s)\n", tc), label, tp, tc,
	    scores) < 0 ? -1 : 0;
}

int
tbls_list_rules(FILE *fp, const struct tbls_config *cfg)
{
	int idw = 0, pw = 0, len;
	size_t i;
	const struct tbls_rule *r;

	for (i = 0; i < NRULES; i++) {
		if ((len = (int)strlen(rules[i].id)) > idw)
			idw = len;
		len = (int)strlen(principles[rules[i].principle].name);
		if (len > pw)
			pw = len;
	}
	for (i = 0; i < NRULES; i++) {
		r = &rules[i];
		if (fprintf(fp, "%-*s  %-7s  %-*s  %-20s  %s\n", idw, r->id,
		    tbls_severity_name(cfg->severity[i]), pw,
		    principles[r->principle].name,
		    areas[principles[r->principle].area], _(r->rationale)) < 0)
			return -1;
	}
	return 0;
}
