/*
 * A run of tuff-decide over a record stream (see decide.h): every
 * record is validated, remembering what the output needs (the
 * challenges' titles and pains, the highest ids, which challenges
 * decision records already decide); then the records the run consumes
 * are written as what they become.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/decide.h"
#include "tuff/diag.h"
#include "tuff/field.h"
#include "tuff/i18n.h"
#include "tuff/record.h"
#include "tuff/run.h"
#include "tuff/scalar.h"

struct pos {
	const char	*file;
	unsigned long	 line, column;
	size_t		 seq;		/* order in the stream */
};

/* A challenge named by --assign, --reject or --defer. */
struct pick {
	char		*id;
	enum decide_outcome outcome;
	size_t		 order;		/* on the command line */
	const char	*val[DECIDE_NKEYS];	/* this challenge's values */
};

/* A value of --owner, --due, --rationale or --cost. */
struct setting {
	enum decide_key	 key;
	char		*id;		/* NULL: every challenge */
	const char	*val;
};

/* A challenge in the stream: what an assignment is filled from. */
struct chal {
	char		*id;
	char		*title;
	char		*journey;
	char		**pains;
	size_t		 npains;
	struct pos	 at;
};

/* An id of a decision or an assignment, or a regarding id. */
struct seen {
	char		*id;
	char		 kind;		/* 'B' decision, 'U' assignment,
					   'r' regarding */
	struct pos	 at;
};

/* A new id the run will hand out: letter B or U, in year. */
struct need {
	char		 letter;
	int		 year;
	struct pos	 at;
	size_t		 order;		/* among the needs */
};

/* A decision record to assign without an assignment yet. */
struct pending {
	char		**ids;
	size_t		 n;
	struct pos	 at;
};

struct decide {
	const struct decide_delegation *deleg;
	enum decide_mode mode;
	int		 by;		/* rank, -1 not given */
	tuff_day	 date;
	tuff_day	 as_of;
	long		 within;
	struct pick	*picks;		/* sorted by id after the options */
	size_t		 npicks, cappicks;
	struct setting	*settings;
	size_t		 nsettings, capsettings;
	const char	*def[DECIDE_NKEYS];	/* values for every challenge */
	struct chal	*chals;		/* in stream order */
	size_t		 nchals, capchals;
	struct chal	**byid;		/* chals sorted by id, after pass 1 */
	struct seen	*seen;
	size_t		 nseen, capseen;
	struct pending	*pend;
	size_t		 npend, cappend;
	struct need	*needs;
	size_t		 nneeds, capneeds;
	struct decide_numbers *nums;
	size_t		 seq;
};

/* Make room for one more element; -1 on ENOMEM. */
static int
grow(void *pp, size_t n, size_t *cap, size_t size)
{
	void **p = pp, *q;
	size_t c;

	if (n < *cap)
		return 0;
	c = *cap ? *cap * 2 : 8;
	if (c > SIZE_MAX / size || (q = realloc(*p, c * size)) == NULL)
		return -1;
	*p = q;
	*cap = c;
	return 0;
}

static int
nomem(struct tuff_error *e)
{
	return tuff_seterr(e, NULL, 0, 0, "out of memory");
}

struct decide *
decide_new(const struct decide_delegation *deleg, enum decide_mode mode)
{
	struct decide *d;

	if ((d = calloc(1, sizeof(*d))) == NULL)
		return NULL;
	if ((d->nums = decide_numbers_new()) == NULL) {
		free(d);
		return NULL;
	}
	d->deleg = deleg;
	d->mode = mode;
	d->by = -1;
	d->within = 31;
	return d;
}

static void
free_strv(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void
decide_free(struct decide *d)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->npicks; i++)
		free(d->picks[i].id);
	free(d->picks);
	for (i = 0; i < d->nsettings; i++)
		free(d->settings[i].id);
	free(d->settings);
	for (i = 0; i < d->nchals; i++) {
		free(d->chals[i].id);
		free(d->chals[i].title);
		free(d->chals[i].journey);
		free_strv(d->chals[i].pains, d->chals[i].npains);
	}
	free(d->chals);
	free(d->byid);
	for (i = 0; i < d->nseen; i++)
		free(d->seen[i].id);
	free(d->seen);
	for (i = 0; i < d->npend; i++)
		free_strv(d->pend[i].ids, d->pend[i].n);
	free(d->pend);
	free(d->needs);
	decide_numbers_free(d->nums);
	free(d);
}

int
decide_set_by(struct decide *d, const char *role, struct tuff_error *e)
{
	char list[512];

	if ((d->by = decide_role(d->deleg, role)) == -1 && errno == ENOMEM)
		return nomem(e);
	if (d->by == -1)
		return tuff_seterr(e, NULL, 0, 0, "--by: unknown role %s "
		    "(the roles are %s)", role,
		    decide_role_list(d->deleg, list, sizeof(list)));
	return 0;
}

void
decide_set_date(struct decide *d, tuff_day day)
{
	d->date = day;
}

void
decide_set_window(struct decide *d, tuff_day as_of, long within)
{
	d->as_of = as_of;
	d->within = within;
}

static const char *const optnames[] = { "--assign", "--reject", "--defer" };
static const char *const keynames[] = { "--owner", "--due", "--rationale",
    "--cost" };

int
decide_pick(struct decide *d, enum decide_outcome o, const char *ids,
    struct tuff_error *e)
{
	const char *s = ids, *comma;
	struct pick *p;
	size_t len;

	for (;;) {
		comma = strchr(s, ',');
		len = comma != NULL ? (size_t)(comma - s) : strlen(s);
		if (grow(&d->picks, d->npicks, &d->cappicks,
		    sizeof(*d->picks)) == -1)
			return nomem(e);
		p = &d->picks[d->npicks];
		memset(p, 0, sizeof(*p));
		if ((p->id = strndup(s, len)) == NULL)
			return nomem(e);
		d->npicks++;
		if (!tuff_is_slug(p->id))
			return tuff_seterr(e, NULL, 0, 0, "%s: expected challenge "
			    "ids (lower-case letters, digits, '-') separated by "
			    "commas, not \"%s\"", optnames[o], ids);
		p->outcome = o;
		p->order = d->npicks - 1;
		if (comma == NULL)
			return 0;
		s = comma + 1;
	}
}

/* The slug before '=', or 0: then arg is a value for every challenge. */
size_t
decide_value_id(const char *arg)
{
	size_t n = strspn(arg, "abcdefghijklmnopqrstuvwxyz0123456789-");

	return n > 0 && arg[n] == '=' ? n : 0;
}

static int
check_value(enum decide_key k, const char *v, struct tuff_error *e)
{
	char msg[sizeof(e->msg)];
	struct tuff_scalar sc;
	tuff_day day;
	long cost;

	switch (k) {
	case DECIDE_DUE:
		if (tuff_date_parse(v, strlen(v), &day) == -1)
			return tuff_seterr(e, NULL, 0, 0, "%s",
			    tuff_date_message(msg, sizeof(msg), "--due", v,
			    strlen(v), NULL));
		break;
	case DECIDE_COST:
		/* The integers of records (scalar.h): no sign, no 007. */
		sc.val = v;
		sc.len = strlen(v);
		sc.style = TUFF_PLAIN;
		sc.tag = NULL;
		if (tuff_scalar_int(&sc, 0, DECIDE_MAX_COST, &cost) == -1)
			return tuff_seterr(e, NULL, 0, 0, "--cost: expected "
			    "kronor as a whole number from 0 to %ld, not \"%s\"",
			    DECIDE_MAX_COST, v);
		break;
	default:
		if (*v == '\0')
			return tuff_seterr(e, NULL, 0, 0, "%s: the value is "
			    "empty", keynames[k]);
	}
	return 0;
}

int
decide_set(struct decide *d, enum decide_key k, const char *arg,
    struct tuff_error *e)
{
	struct setting *s;
	size_t n = decide_value_id(arg);

	if (check_value(k, arg + (n > 0 ? n + 1 : 0), e) == -1)
		return -1;
	if (n == 0) {
		d->def[k] = arg;
		return 0;
	}
	if (grow(&d->settings, d->nsettings, &d->capsettings,
	    sizeof(*d->settings)) == -1)
		return nomem(e);
	s = &d->settings[d->nsettings];
	if ((s->id = strndup(arg, n)) == NULL)
		return nomem(e);
	d->nsettings++;
	s->key = k;
	s->val = arg + n + 1;
	return 0;
}

static int
cmp_pick_id(const void *a, const void *b)
{
	return strcmp(((const struct pick *)a)->id,
	    ((const struct pick *)b)->id);
}

/* By id, then by place on the command line, so "named twice" is stable. */
static int
cmp_pick(const void *a, const void *b)
{
	const struct pick *p = a, *q = b;
	int c = strcmp(p->id, q->id);

	if (c != 0)
		return c;
	return p->order < q->order ? -1 : p->order > q->order;
}

static struct pick *
find_pick(const struct decide *d, const char *id)
{
	struct pick key;

	if (d->npicks == 0)	/* bsearch wants an array, even for none */
		return NULL;
	memset(&key, 0, sizeof(key));
	key.id = (char *)(uintptr_t)id;
	return bsearch(&key, d->picks, d->npicks, sizeof(*d->picks),
	    cmp_pick_id);
}

/* The value of key k for a challenge: its own, or the one for all. */
static const char *
value(const struct decide *d, const struct pick *p, enum decide_key k)
{
	return p != NULL && p->val[k] != NULL ? p->val[k] : d->def[k];
}

static long
cost_of(const struct decide *d, const struct pick *p)
{
	const char *v;

	if (p->outcome != DECIDE_ASSIGN || (v = value(d, p, DECIDE_COST)) ==
	    NULL)
		return -1;
	return strtol(v, NULL, 10);
}

/* Each value for one challenge goes to its pick; the last one wins. */
static int
apply_settings(struct decide *d, struct tuff_error *e)
{
	struct setting *s;
	struct pick *p;
	size_t i;

	for (i = 0; i < d->nsettings; i++) {
		s = &d->settings[i];
		if ((p = find_pick(d, s->id)) == NULL)
			return tuff_seterr(e, NULL, 0, 0, "%s %s=%s: %s is not "
			    "named by --assign, --reject or --defer",
			    keynames[s->key], s->id, s->val, s->id);
		if (s->key != DECIDE_RATIONALE && p->outcome != DECIDE_ASSIGN)
			return tuff_seterr(e, NULL, 0, 0, "%s %s=%s: %s is not "
			    "assigned", keynames[s->key], s->id, s->val, s->id);
		p->val[s->key] = s->val;
	}
	return 0;
}

/* Is each pick within the delegation, each assignment given an owner? */
static size_t
check_picks(struct decide *d, decide_report_fn *report, void *arg)
{
	struct tuff_error e;
	struct pick *p;
	char msg[400];
	size_t i, n = 0;

	memset(&e, 0, sizeof(e));
	for (i = 0; i < d->npicks; i++) {
		p = &d->picks[i];
		if (decide_permit(d->deleg, d->by, p->outcome, cost_of(d, p),
		    msg, sizeof(msg)) == -1) {
			snprintf(e.msg, sizeof(e.msg), "%s: %s", p->id, msg);
			report(&e, arg);
			n++;
		}
		if (p->outcome == DECIDE_ASSIGN &&
		    value(d, p, DECIDE_OWNER) == NULL) {
			snprintf(e.msg, sizeof(e.msg), _("%s: an assignment "
			    "needs an owner: give --owner NAME or --owner "
			    "%s=NAME"), p->id, p->id);
			report(&e, arg);
			n++;
		}
	}
	return n;
}

size_t
decide_check_options(struct decide *d, decide_report_fn *report, void *arg)
{
	struct tuff_error e;
	size_t i;
	int rc = 0;

	memset(&e, 0, sizeof(e));
	if (d->npicks > 0)
		qsort(d->picks, d->npicks, sizeof(*d->picks), cmp_pick);
	for (i = 1; i < d->npicks && rc == 0; i++)
		if (strcmp(d->picks[i - 1].id, d->picks[i].id) == 0)
			rc = tuff_seterr(&e, NULL, 0, 0, "%s is named twice "
			    "(by %s and %s)", d->picks[i].id,
			    optnames[d->picks[i - 1].outcome],
			    optnames[d->picks[i].outcome]);
	if (rc == 0 && d->npicks > 0 && d->by == -1)
		rc = tuff_seterr(&e, NULL, 0, 0, "--assign, --reject and "
		    "--defer need --by ROLE: who decides");
	if (rc == 0)
		rc = apply_settings(d, &e);
	if (rc == -1) {
		report(&e, arg);
		return 1;
	}
	return check_picks(d, report, arg);
}

static void
pos_of(struct decide *d, const struct tuff_doc *doc,
    const struct tuff_node *n, struct pos *at)
{
	at->file = doc->file;
	at->line = n != NULL && n->line > 0 ? n->line : doc->line;
	at->column = n != NULL && n->line > 0 ? n->column : doc->column;
	at->seq = d->seq;
}

static int
add_seen(struct decide *d, const struct tuff_doc *doc,
    const struct tuff_node *n, char kind, struct tuff_error *e)
{
	struct seen *s;

	if (grow(&d->seen, d->nseen, &d->capseen, sizeof(*d->seen)) == -1)
		return nomem(e);
	s = &d->seen[d->nseen];
	if ((s->id = strdup(tuff_str(n))) == NULL)
		return nomem(e);
	d->nseen++;
	s->kind = kind;
	pos_of(d, doc, n, &s->at);
	return 0;
}

/* Remember a string value of key, if any, for numbering. */
static void
see_key(struct decide *d, const struct tuff_node *map, const char *key)
{
	const struct tuff_node *v = tuff_map_get(map, key);

	if (!tuff_is_null(v) && v->type == TUFF_SCALAR)
		decide_numbers_see(d->nums, v->u.s.val);
}

static int
add_pending(struct decide *d, const struct tuff_doc *doc,
    const struct tuff_node *regarding, struct tuff_error *e)
{
	struct pending *p;
	size_t i;

	if (grow(&d->pend, d->npend, &d->cappend, sizeof(*d->pend)) == -1)
		return nomem(e);
	p = &d->pend[d->npend];
	memset(p, 0, sizeof(*p));
	d->npend++;
	pos_of(d, doc, NULL, &p->at);
	if ((p->ids = calloc(regarding->u.seq.n, sizeof(char *))) == NULL)
		return nomem(e);
	for (i = 0; i < regarding->u.seq.n; i++, p->n++)
		if ((p->ids[i] = strdup(tuff_str(regarding->u.seq.items[i]))) ==
		    NULL)
			return nomem(e);
	return 0;
}

static int
add_need(struct decide *d, char letter, int year, const struct pos *at,
    struct tuff_error *e)
{
	struct need *n;

	if (grow(&d->needs, d->nneeds, &d->capneeds, sizeof(*d->needs)) == -1)
		return nomem(e);
	n = &d->needs[d->nneeds];
	n->letter = letter;
	n->year = year;
	n->at = *at;
	n->order = d->nneeds++;
	return 0;
}

/* Does a decision record get a new id, or a new assignment? */
static int
new_id(const struct tuff_node *root)
{
	return tuff_is_null(tuff_map_get(root, "id"));
}

static int
new_assignment(const struct tuff_node *root)
{
	return strcmp(tuff_str(tuff_map_get(root, "outcome")), "assign") == 0 &&
	    tuff_is_null(tuff_map_get(root, "assignment"));
}

/* The numbers a decision record will take, in the year of its date. */
static int
need_numbers(struct decide *d, const struct tuff_doc *doc,
    struct tuff_error *e)
{
	struct pos at;
	tuff_day day;
	int year;

	if (tuff_field_date(doc, doc->root, "date", 1, &day, e) == -1)
		return -1;
	year = tuff_date_year(day);
	pos_of(d, doc, NULL, &at);
	if (new_id(doc->root) && add_need(d, 'B', year, &at, e) == -1)
		return -1;
	if (new_assignment(doc->root) && add_need(d, 'U', year, &at, e) == -1)
		return -1;
	return 0;
}

static int
scan_decision(struct decide *d, const struct tuff_doc *doc,
    struct tuff_error *e)
{
	const struct tuff_node *root = doc->root, *id, *reg;
	size_t i;

	if (decide_check_decision(d->deleg, doc, e) == -1)
		return -1;
	id = tuff_map_get(root, "id");
	reg = tuff_map_get(root, "regarding");
	if (!tuff_is_null(id) && add_seen(d, doc, id, 'B', e) == -1)
		return -1;
	see_key(d, root, "id");
	see_key(d, root, "assignment");
	for (i = 0; i < reg->u.seq.n; i++) {
		decide_numbers_see(d->nums, reg->u.seq.items[i]->u.s.val);
		if (add_seen(d, doc, reg->u.seq.items[i], 'r', e) == -1)
			return -1;
	}
	if (d->mode != DECIDE_DECIDE)
		return 0;
	if (need_numbers(d, doc, e) == -1)
		return -1;
	if (new_assignment(root))
		return add_pending(d, doc, reg, e);
	return 0;
}

static int
scan_assignment(struct decide *d, const struct tuff_doc *doc,
    struct tuff_error *e)
{
	if (decide_check_assignment(doc, e) == -1)
		return -1;
	see_key(d, doc->root, "id");
	see_key(d, doc->root, "decision");
	return add_seen(d, doc, tuff_map_get(doc->root, "id"), 'U', e);
}

/* Keep what an assignment is filled from: title, journey, pains. */
static int
scan_challenge(struct decide *d, const struct tuff_doc *doc,
    struct tuff_error *e)
{
	const struct tuff_node *root = doc->root, *pains;
	const char *journey;
	struct chal *c;
	size_t i, n;

	if (decide_check_challenge(doc, e) == -1)
		return -1;
	if (grow(&d->chals, d->nchals, &d->capchals, sizeof(*d->chals)) == -1)
		return nomem(e);
	c = &d->chals[d->nchals++];
	memset(c, 0, sizeof(*c));
	pos_of(d, doc, NULL, &c->at);
	journey = tuff_str(tuff_map_get(root, "journey"));
	if (tuff_is_null(tuff_map_get(root, "journey")))
		journey = tuff_str(tuff_map_get(root, "id"));
	pains = tuff_map_get(root, "pains");
	n = pains != NULL && pains->type == TUFF_SEQ ? pains->u.seq.n : 0;
	if ((c->id = strdup(tuff_str(tuff_map_get(root, "id")))) == NULL ||
	    (c->title = strdup(tuff_str(tuff_map_get(root, "title")))) ==
	    NULL || (c->journey = strdup(journey)) == NULL ||
	    (n > 0 && (c->pains = calloc(n, sizeof(char *))) == NULL))
		return nomem(e);
	for (i = 0; i < n; i++, c->npains++)
		if ((c->pains[i] = strdup(tuff_str(tuff_map_get(
		    pains->u.seq.items[i], "pain")))) == NULL)
			return nomem(e);
	return 0;
}

int
decide_scan(struct decide *d, const struct tuff_doc *doc,
    struct tuff_error *e)
{
	d->seq++;
	if (doc->kind == NULL)
		return 0;
	if (strcmp(doc->kind, "decision") == 0)
		return scan_decision(d, doc, e);
	if (strcmp(doc->kind, "assignment") == 0)
		return scan_assignment(d, doc, e);
	if (strcmp(doc->kind, "challenge") == 0 && d->mode == DECIDE_DECIDE)
		return scan_challenge(d, doc, e);
	return 0;
}

static int
cmp_seen(const void *a, const void *b)
{
	const struct seen *p = a, *q = b;
	int c;

	if (p->kind != q->kind)
		return p->kind < q->kind ? -1 : 1;
	if ((c = strcmp(p->id, q->id)) != 0)
		return c;
	return p->at.seq < q->at.seq ? -1 : p->at.seq > q->at.seq;
}

static int
cmp_seen_id(const void *a, const void *b)
{
	const struct seen *p = a, *q = b;

	if (p->kind != q->kind)
		return p->kind < q->kind ? -1 : 1;
	return strcmp(p->id, q->id);
}

static int
regarded(const struct decide *d, const char *id)
{
	struct seen key;

	if (d->nseen == 0)
		return 0;
	key.kind = 'r';
	key.id = (char *)(uintptr_t)id;
	return bsearch(&key, d->seen, d->nseen, sizeof(*d->seen),
	    cmp_seen_id) != NULL;
}

static int
cmp_chal(const void *a, const void *b)
{
	const struct chal *p = *(const struct chal *const *)a;
	const struct chal *q = *(const struct chal *const *)b;
	int c = strcmp(p->id, q->id);

	if (c != 0)
		return c;
	return p->at.seq < q->at.seq ? -1 : p->at.seq > q->at.seq;
}

static int
cmp_chal_id(const void *key, const void *b)
{
	return strcmp(key, (*(const struct chal *const *)b)->id);
}

/* The first challenge with this id in the stream, or NULL. */
static const struct chal *
find_chal(const struct decide *d, const char *id)
{
	struct chal **c;

	if (d->byid == NULL)
		return NULL;
	c = bsearch(id, d->byid, d->nchals, sizeof(*d->byid), cmp_chal_id);
	if (c == NULL)
		return NULL;
	while (c > d->byid && strcmp(c[-1]->id, id) == 0)
		c--;
	return *c;
}

/* Report a problem at a place in the stream (at NULL: no place). */
static void
report_problem(decide_report_fn *report, void *arg, const struct pos *at,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
report_problem(decide_report_fn *report, void *arg, const struct pos *at,
    const char *fmt, ...)
{
	struct tuff_error e;
	va_list ap;

	memset(&e, 0, sizeof(e));
	if (at != NULL) {
		e.file = at->file;
		e.line = at->line;
		e.column = at->column;
	}
	va_start(ap, fmt);
	vsnprintf(e.msg, sizeof(e.msg), _(fmt), ap);
	va_end(ap);
	report(&e, arg);
}

/*
 * An id of a kind found at first and again at at: "(given twice?)"
 * when the two inputs hold the same content (SPEC §2).
 */
static void
twice(decide_report_fn *report, void *arg, const char *what,
    const struct pos *first, const struct pos *at, const char *id)
{
	/* TRANSLATORS: the first %s is a record kind as written
	   (decision, assignment, challenge), the second its id. */
	if (first->file != NULL && at->file != NULL &&
	    tuff_inputs_same(first->file, at->file))
		report_problem(report, arg, at, "%s %s is there twice "
		    "(first at %s:%lu; given twice?)", what, id, first->file,
		    first->line);
	else
		report_problem(report, arg, at, "%s %s is there twice "
		    "(first at %s:%lu)", what, id, first->file, first->line);
}

static size_t
check_twice(struct decide *d, decide_report_fn *report, void *arg)
{
	static const char *const what[] = { "decision", "assignment" };
	const struct seen *s, *t;
	size_t i, n = 0;

	for (i = 0; i < d->nchals; i++)
		if (i > 0 && strcmp(d->byid[i - 1]->id, d->byid[i]->id) == 0) {
			twice(report, arg, "challenge", &d->byid[i - 1]->at,
			    &d->byid[i]->at, d->byid[i]->id);
			n++;
		}
	for (i = 1; i < d->nseen; i++) {
		s = &d->seen[i - 1];
		t = &d->seen[i];
		if (t->kind == 'r' || s->kind != t->kind ||
		    strcmp(s->id, t->id) != 0)
			continue;
		twice(report, arg, what[t->kind == 'U'], &s->at, &t->at, t->id);
		n++;
	}
	return n;
}

static size_t
check_decided(struct decide *d, decide_report_fn *report, void *arg)
{
	struct pick *p;
	size_t i, n = 0;

	for (i = 0; i < d->npicks; i++) {
		p = &d->picks[i];
		if (find_chal(d, p->id) != NULL)
			continue;
		report_problem(report, arg, NULL, "%s %s: there is no challenge %s in "
		    "the input", optnames[p->outcome], p->id, p->id);
		n++;
	}
	for (i = 0; i < d->nchals; i++) {
		if (find_pick(d, d->chals[i].id) != NULL ||
		    regarded(d, d->chals[i].id))
			continue;
		report_problem(report, arg, &d->chals[i].at, "challenge %s is not "
		    "decided: name it in --assign, --reject or --defer",
		    d->chals[i].id);
		n++;
	}
	return n;
}

static size_t
check_pending(struct decide *d, decide_report_fn *report, void *arg)
{
	const struct pending *p;
	size_t i, j, n = 0;

	for (i = 0; i < d->npend; i++) {
		p = &d->pend[i];
		for (j = 0; j < p->n && find_chal(d, p->ids[j]) == NULL; j++)
			continue;
		if (j == p->n) {
			report_problem(report, arg, &p->at, "a decision to assign "
			    "without an assignment needs a challenge it "
			    "regards in the input, to fill the assignment from");
			n++;
		} else if (d->def[DECIDE_OWNER] == NULL) {
			report_problem(report, arg, &p->at, "a decision to assign "
			    "without an assignment gets one, which needs an "
			    "owner: give --owner NAME");
			n++;
		}
	}
	return n;
}

static int
cmp_need(const void *a, const void *b)
{
	const struct need *p = a, *q = b;

	if (p->at.seq != q->at.seq)
		return p->at.seq < q->at.seq ? -1 : 1;
	return p->order < q->order ? -1 : p->order > q->order;
}

/* The numbers the picks will take, in the year of --date. */
static int
need_pick_numbers(struct decide *d)
{
	const struct chal *c;
	size_t i;
	int year = tuff_date_year(d->date);
	struct tuff_error e;

	for (i = 0; i < d->npicks; i++) {
		if ((c = find_chal(d, d->picks[i].id)) == NULL)
			continue;
		if (add_need(d, 'B', year, &c->at, &e) == -1 ||
		    (d->picks[i].outcome == DECIDE_ASSIGN &&
		    add_need(d, 'U', year, &c->at, &e) == -1))
			return -1;
	}
	return 0;
}

/*
 * Are there numbers left for every new id?  Ids run up to
 * DECIDE_MAX_NUMBER per letter and year, after the highest in the
 * stream: a record citing B-2021-999999999 leaves no decision numbers
 * for 2021.  Found here, so that such a run writes nothing.
 */
static size_t
check_numbers(struct decide *d, decide_report_fn *report, void *arg)
{
	struct count {
		char	 letter;
		int	 year;
		long	 n;
	} *c = NULL, *t;
	const struct need *nd;
	size_t i, j, nc = 0, cap = 0, bad = 0;
	long last;

	if (need_pick_numbers(d) == -1) {
		report_problem(report, arg, NULL, "out of memory");
		return 1;
	}
	if (d->nneeds > 0)
		qsort(d->needs, d->nneeds, sizeof(*d->needs), cmp_need);
	for (i = 0; i < d->nneeds; i++) {
		nd = &d->needs[i];
		for (j = 0; j < nc && (c[j].letter != nd->letter ||
		    c[j].year != nd->year); j++)
			continue;
		if (j == nc) {
			if (grow(&c, nc, &cap, sizeof(*c)) == -1) {
				report_problem(report, arg, NULL, "out of memory");
				bad++;
				break;
			}
			t = &c[nc++];
			t->letter = nd->letter;
			t->year = nd->year;
			t->n = 0;
		}
		last = decide_numbers_last(d->nums, nd->letter, nd->year);
		/* Told once, at the first record that finds none. */
		if (++c[j].n != DECIDE_MAX_NUMBER - last + 1)
			continue;
		if (nd->letter == 'B')
			report_problem(report, arg, &nd->at, "no decision numbers "
			    "left for %d: B-%04d-%03ld is the highest",
			    nd->year, nd->year, last);
		else
			report_problem(report, arg, &nd->at, "no assignment numbers "
			    "left for %d: U-%04d-%03ld is the highest",
			    nd->year, nd->year, last);
		bad++;
	}
	free(c);
	return bad;
}

size_t
decide_scan_end(struct decide *d, decide_report_fn *report, void *arg)
{
	size_t i;

	if (d->nseen > 0)
		qsort(d->seen, d->nseen, sizeof(*d->seen), cmp_seen);
	if (d->nchals > 0) {
		if ((d->byid = calloc(d->nchals, sizeof(*d->byid))) == NULL) {
			report_problem(report, arg, NULL, "out of memory");
			return 1;
		}
		for (i = 0; i < d->nchals; i++)
			d->byid[i] = &d->chals[i];
		qsort(d->byid, d->nchals, sizeof(*d->byid), cmp_chal);
	}
	return check_twice(d, report, arg) + check_decided(d, report, arg) +
	    check_pending(d, report, arg) + check_numbers(d, report, arg);
}

/* Put key: val right after the key after, or first. */
static void
insert_after(struct tuff_doc *doc, struct tuff_node *map, const char *after,
    const char *key, struct tuff_node *val)
{
	struct tuff_pair last;
	const char *k;
	size_t i, at = 0;

	for (i = 0; i < map->u.map.n; i++)
		if ((k = tuff_str(map->u.map.pairs[i].key)) != NULL &&
		    strcmp(k, after) == 0)
			at = i + 1;
	tuff_map_push(doc, map, tuff_new_str(doc, key), val);
	if (doc->nomem)
		return;		/* nothing was pushed; write_root says so */
	last = map->u.map.pairs[map->u.map.n - 1];
	memmove(&map->u.map.pairs[at + 1], &map->u.map.pairs[at],
	    (map->u.map.n - 1 - at) * sizeof(last));
	map->u.map.pairs[at] = last;
}

static void
push(struct tuff_doc *doc, struct tuff_node *map, const char *key,
    struct tuff_node *val)
{
	tuff_map_push(doc, map, tuff_new_str(doc, key), val);
}

static int
next_id(struct decide *d, char letter, tuff_day day, char *buf,
    struct tuff_error *e)
{
	int year = tuff_date_year(day);

	if (decide_numbers_next(d->nums, letter, year, buf) == -1)
		return letter == 'B' ?
		    tuff_seterr(e, NULL, 0, 0, "no decision numbers left for "
		    "%d", year) :
		    tuff_seterr(e, NULL, 0, 0, "no assignment numbers left for "
		    "%d", year);
	return 0;
}

/* Write a record, unless building it ran out of memory. */
static int
write_root(struct tuff_writer *w, const struct tuff_doc *doc,
    struct tuff_error *e)
{
	if (doc->nomem)
		return nomem(e);
	if (tuff_write_doc(w, doc->root) == -1)
		return tuff_writer_error(w, e);	/* its owner reports */
	return 0;
}

/* Append the needs of challenge c to t (whose array has room). */
static void
add_needs(const struct chal *c, struct decide_template *t,
    struct decide_need *needs)
{
	size_t i;

	for (i = 0; i < c->npains; i++) {
		needs[t->nneeds].text = c->pains[i];
		needs[t->nneeds++].journey = c->journey;
	}
	t->needs = needs;
}

static int
write_assignment(struct decide_template *t, const char *due,
    struct tuff_writer *w, struct tuff_error *e)
{
	struct tuff_doc *doc;
	int rc;

	if (due != NULL) {
		t->has_due = 1;
		tuff_date_parse(due, strlen(due), &t->due);
	}
	if ((doc = tuff_doc_new()) == NULL)
		return nomem(e);
	doc->root = decide_assignment(doc, t);
	rc = write_root(w, doc, e);
	tuff_doc_free(doc);
	return rc;
}

/* A challenge picked on the command line: its decision, in its place. */
static int
emit_pick(struct decide *d, const struct pick *p, struct tuff_writer *w,
    struct tuff_error *e)
{
	const struct chal *c = find_chal(d, p->id);
	struct decide_template t;
	struct decide_need *needs;
	struct tuff_doc *doc;
	struct tuff_node *m, *reg;
	char bid[DECIDE_ID_LEN], uid[DECIDE_ID_LEN], day[16];
	const char *v;
	int rc;

	if (next_id(d, 'B', d->date, bid, e) == -1 || (p->outcome ==
	    DECIDE_ASSIGN && next_id(d, 'U', d->date, uid, e) == -1))
		return -1;
	if ((doc = tuff_doc_new()) == NULL)
		return nomem(e);
	doc->root = m = tuff_new_map(doc);
	push(doc, m, "kind", tuff_new_str(doc, "decision"));
	push(doc, m, "id", tuff_new_str(doc, bid));
	push(doc, m, "date", tuff_new_plain(doc, tuff_date_fmt(d->date, day)));
	push(doc, m, "decided_by", tuff_new_str(doc,
	    decide_role_name(d->deleg, d->by)));
	if ((reg = tuff_new_seq(doc)) != NULL)
		reg->style = 1;		/* [flow] */
	tuff_seq_push(doc, reg, tuff_new_str(doc, p->id));
	push(doc, m, "regarding", reg);
	push(doc, m, "outcome", tuff_new_str(doc, decide_outcome_name(
	    p->outcome)));
	if ((v = value(d, p, DECIDE_RATIONALE)) != NULL)
		push(doc, m, "rationale", tuff_new_str(doc, v));
	if (cost_of(d, p) >= 0)
		push(doc, m, "cost_sek", tuff_new_int(doc, cost_of(d, p)));
	if (p->outcome == DECIDE_ASSIGN)
		push(doc, m, "assignment", tuff_new_str(doc, uid));
	rc = write_root(w, doc, e);
	tuff_doc_free(doc);
	if (rc == -1 || p->outcome != DECIDE_ASSIGN)
		return rc;
	memset(&t, 0, sizeof(t));
	t.id = uid;
	t.title = c->title;
	t.decision = bid;
	t.owner = value(d, p, DECIDE_OWNER);
	if ((needs = calloc(c->npains + 1, sizeof(*needs))) == NULL)
		return nomem(e);
	add_needs(c, &t, needs);
	rc = write_assignment(&t, value(d, p, DECIDE_DUE), w, e);
	free(needs);
	return rc;
}

/* The new assignment of a decision record, from the challenges it regards. */
static int
emit_new_assignment(struct decide *d, const struct tuff_node *reg,
    const char *bid, const char *uid, struct tuff_writer *w,
    struct tuff_error *e)
{
	struct decide_template t;
	struct decide_need *needs = NULL;
	const struct chal *c;
	size_t i, n = 0;
	int rc;

	memset(&t, 0, sizeof(t));
	t.id = uid;
	t.decision = bid;
	t.owner = d->def[DECIDE_OWNER];
	for (i = 0; i < reg->u.seq.n; i++)
		if ((c = find_chal(d, reg->u.seq.items[i]->u.s.val)) != NULL)
			n += c->npains;
	if ((needs = calloc(n + 1, sizeof(*needs))) == NULL)
		return nomem(e);
	for (i = 0; i < reg->u.seq.n; i++) {
		if ((c = find_chal(d, reg->u.seq.items[i]->u.s.val)) == NULL)
			continue;
		if (t.title == NULL)
			t.title = c->title;
		add_needs(c, &t, needs);
	}
	rc = write_assignment(&t, d->def[DECIDE_DUE], w, e);
	free(needs);
	return rc;
}

/*
 * A decision record: numbered when it has no id; given an assignment
 * when it assigns and has none.
 */
static int
emit_decision(struct decide *d, struct tuff_doc *doc, struct tuff_writer *w,
    struct tuff_error *e)
{
	struct tuff_node *root = doc->root, *id;
	char bid[DECIDE_ID_LEN], uid[DECIDE_ID_LEN];
	const char *outcome = tuff_str(tuff_map_get(root, "outcome"));
	tuff_day day;
	int assign;

	tuff_field_date(doc, root, "date", 1, &day, e);
	id = tuff_map_get(root, "id");
	if (tuff_is_null(id)) {
		if (next_id(d, 'B', day, bid, e) == -1)
			return -1;
		if (id != NULL)
			tuff_map_set(doc, root, "id", tuff_new_str(doc, bid));
		else
			insert_after(doc, root, "kind", "id",
			    tuff_new_str(doc, bid));
	}
	assign = strcmp(outcome, "assign") == 0 &&
	    tuff_is_null(tuff_map_get(root, "assignment"));
	if (assign) {
		if (next_id(d, 'U', day, uid, e) == -1)
			return -1;
		tuff_map_set(doc, root, "assignment", tuff_new_str(doc, uid));
	}
	if (write_root(w, doc, e) == -1)
		return -1;
	if (!assign)
		return 0;
	return emit_new_assignment(d, tuff_map_get(root, "regarding"),
	    tuff_str(tuff_map_get(root, "id")), uid, w, e);
}

static int
emit_followup(struct decide *d, const struct tuff_doc *doc,
    struct tuff_writer *w, struct tuff_error *e)
{
	struct tuff_doc *f;
	int rc = 0;

	if (decide_followup(doc, d->as_of, d->within, &f) == -1)
		return nomem(e);
	if (f != NULL)
		rc = write_root(w, f, e);
	tuff_doc_free(f);
	return rc;
}

int
decide_passes_through(const struct decide *d, const char *kind)
{
	if (kind == NULL)
		return 1;
	if (strcmp(kind, "decision") == 0)
		return 0;
	return strcmp(kind, d->mode == DECIDE_FOLLOWUP ? "assignment" :
	    "challenge") != 0;
}

enum decide_fate
decide_fate(const struct decide *d, const struct tuff_doc *doc)
{
	if (doc->kind == NULL)
		return DECIDE_PASS;
	if (strcmp(doc->kind, "decision") == 0) {
		if (d->mode == DECIDE_FOLLOWUP)
			return DECIDE_DROP;
		return new_id(doc->root) || new_assignment(doc->root) ?
		    DECIDE_CHANGE : DECIDE_PASS;
	}
	return strcmp(doc->kind, d->mode == DECIDE_FOLLOWUP ? "assignment" :
	    "challenge") == 0 ? DECIDE_REPLACE : DECIDE_PASS;
}

int
decide_streams(const struct decide *d, const char *kind)
{
	return strcmp(kind, "decision") != 0 &&
	    strcmp(kind, "assignment") != 0 &&
	    (strcmp(kind, "challenge") != 0 || d->mode == DECIDE_FOLLOWUP);
}

static int
emit(struct decide *d, struct tuff_doc *doc, struct tuff_writer *w,
    struct tuff_error *e)
{
	const struct pick *p;

	if (d->mode == DECIDE_FOLLOWUP)
		return strcmp(doc->kind, "assignment") == 0 ?
		    emit_followup(d, doc, w, e) : 0;
	if (strcmp(doc->kind, "challenge") == 0) {
		/* Not picked: a decision record in the stream decides it. */
		p = find_pick(d, tuff_str(tuff_map_get(doc->root, "id")));
		return p != NULL ? emit_pick(d, p, w, e) : 0;
	}
	return emit_decision(d, doc, w, e);
}

int
decide_emit(struct decide *d, struct tuff_doc *doc, struct tuff_writer *w,
    struct tuff_error *e)
{
	return emit(d, doc, w, e);
}
