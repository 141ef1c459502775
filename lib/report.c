/*
 * tuff-report: reading the month's records (see tuff/report.h).  Each
 * record of a kind the report shows is checked here, so the writers can
 * trust what they find, and its document is kept until the report is
 * written: the strings the report shows point into it.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "report_int.h"
#include "tuff/diag.h"
#include "tuff/field.h"
#include "tuff/hash.h"
#include "tuff/run.h"
#include "tuff/schema.h"

/* What makes a record the same as another (report_finish). */
enum key_kind {
	K_FOLLOWUP = 0,
	K_PROFILE,
	K_FINDING,
	K_SCORE,
	K_HITEM,
	K_JOURNEY,
	K_CHALLENGE
};

struct rp_key {
	int		 kind;
	const char	*f[3];		/* NULL sorts first */
	unsigned long	 n[2];
	const char	*file;		/* where the record starts */
	unsigned long	 line;
	unsigned long	 column;
	size_t		 seq;
};

static const char *const principle_names[RP_NPRINCIPLES + 1] = {
	"tillit", "oppenhet", "medborgarfokus", "handlingsutrymme", "stod",
	"helhetssyn", "kunskap", NULL
};
static const char *const area_names[RP_NAREAS + 1] = {
	"kultur-och-ledarskap", "styrning", "organisation", NULL
};
static const char *const severity_names[RP_NSEV + 1] = {
	"error", "warning", "note", NULL
};
static const char *const record_kinds[] = { "assignment", "decision", NULL };
static const char *const item_names[RP_NITEMS + 1] = {
	"m1", "m2", "m3", "l1", "l2", "l3", "s1", "s2", "s3", NULL
};
static const char *const figure_keys[RP_NFIG] = {
	"index", "motivation", "leadership", "governance"
};

/* The largest count of days, steps or respondents a record may give. */
#define MAX_COUNT	100000000L

static void
oom(void)
{
	tuff_warnx("out of memory");
	abort();
}

void *
rp_alloc(struct report *r, size_t n)
{
	void *p;

	if ((p = tuff_arena_alloc(r->mem, n)) == NULL)
		oom();
	return p;
}

char *
rp_printf(struct report *r, const char *fmt, ...)
{
	va_list ap;
	char small[128], *s;
	int n;

	/* Most texts fit the first try.  (Measuring with a NULL buffer
	 * makes GCC 12 see a null format under ASan and UBSan together.) */
	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		oom();
	s = rp_alloc(r, (size_t)n + 1);
	if ((size_t)n < sizeof(small)) {
		memcpy(s, small, (size_t)n + 1);
		return s;
	}
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

void *
rp_push(struct vec *v, size_t sz)
{
	size_t cap;
	void *p;

	if (v->n == v->cap) {
		cap = v->cap > 0 ? v->cap * 2 : 16;
		if ((p = reallocarray(v->v, cap, sz)) == NULL)
			oom();
		v->v = p;
		v->cap = cap;
	}
	p = (char *)v->v + v->n++ * sz;
	memset(p, 0, sz);
	return p;
}

/*
 * A copy of a record's string in the report's own memory, so that the
 * record can go: only journeys, which the report draws step by step,
 * are kept whole.
 */
static const char *
keep(struct report *r, const char *s)
{
	size_t n;
	char *t;

	if (s == NULL)
		return NULL;
	n = strlen(s) + 1;
	t = rp_alloc(r, n);
	memcpy(t, s, n);
	return t;
}

struct report *
report_new(const struct report_opts *o)
{
	struct report *r;

	if ((r = calloc(1, sizeof(*r))) == NULL)
		return NULL;
	r->o = *o;
	if ((r->mem = tuff_arena_new()) == NULL) {
		free(r);
		return NULL;
	}
	return r;
}

void
report_free(struct report *r)
{
	size_t i;
	int w;

	if (r == NULL)
		return;
	for (i = 0; i < r->docs.n; i++)
		tuff_doc_free(((struct tuff_doc **)r->docs.v)[i]);
	free(r->docs.v);
	for (w = 0; w < RP_NWHAT; w++)
		free(r->items[w].v);
	free(r->profiles.v);
	free(r->findings.v);
	free(r->scores.v);
	free(r->hitems.v);
	free(r->journeys.v);
	free(r->keys.v);
	free(r->slots);
	free(r->titles.v);
	tuff_arena_free(r->mem);
	free(r);
}

static struct rp_key *
add_key(struct report *r, const struct tuff_doc *doc, int kind)
{
	struct rp_key *k = rp_push(&r->keys, sizeof(*k));

	k->kind = kind;
	k->file = doc->file;
	k->line = doc->line;
	k->column = doc->column;
	k->seq = r->seq;
	return k;
}

/*
 * Typed fields the common helpers do not have.
 */

/* A plain scalar (no quotes, no tag but the one it reads as). */
static int
is_plain(const struct tuff_node *v, const char *tag)
{
	return v->type == TUFF_SCALAR && v->style == TUFF_PLAIN &&
	    (v->tag == NULL || strcmp(v->tag, tag) == 0);
}

/*
 * A figure as hme-score writes it: a plain number with at most one
 * decimal ("85.1", "-3", "0.5"), in tenths within min..max.  Absent or
 * null leaves *has 0.
 */
static int
field_dec(const struct tuff_doc *doc, const struct tuff_node *map,
    const char *key, long min, long max, long *out, int *has,
    struct tuff_error *e)
{
	const struct tuff_node *v = tuff_map_get(map, key);
	const char *s, *p, *q;
	long t = 0;
	int neg;

	*has = 0;
	if (tuff_is_null(v))
		return 0;
	if (v->type != TUFF_SCALAR || (!is_plain(v, "tag:yaml.org,2002:float")
	    && !is_plain(v, "tag:yaml.org,2002:int")))
		goto bad;
	s = p = v->u.s.val;
	if ((neg = *p == '-'))
		p++;
	if (*p < '0' || *p > '9' || (*p == '0' && p[1] >= '0' &&
	    p[1] <= '9'))
		goto bad;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (t > MAX_COUNT)
			goto bad;
		t = t * 10 + (*p - '0');
	}
	t *= 10;
	if (*p == '.') {
		if (p[1] < '0' || p[1] > '9')
			goto bad;
		t += p[1] - '0';
		p += 2;
	}
	if (*p != '\0' || (size_t)(p - s) != v->u.s.len)
		goto bad;
	t = neg ? -t : t;
	if (t < min || t > max)
		goto bad;
	*out = t;
	*has = 1;
	return 0;
bad:
	q = v->type == TUFF_SCALAR && v->style != TUFF_PLAIN ? "\"" : "";
	return tuff_node_err(e, doc, v, "%s: expected a number from %ld.%ld "
	    "to %ld.%ld with at most one decimal, not %s%s%s", key, min / 10,
	    labs(min % 10), max / 10, max % 10, q,
	    v->type == TUFF_SCALAR ? v->u.s.val : tuff_type_name(v), q);
}

/* A YAML bool; absent or null leaves *out as it was. */
static int
field_bool(const struct tuff_doc *doc, const struct tuff_node *map,
    const char *key, int *out, struct tuff_error *e)
{
	static const char *const yes[] = { "true", "True", "TRUE" };
	static const char *const no[] = { "false", "False", "FALSE" };
	const struct tuff_node *v = tuff_map_get(map, key);
	size_t i;

	if (tuff_is_null(v))
		return 0;
	if (is_plain(v, "tag:yaml.org,2002:bool"))
		for (i = 0; i < 3; i++) {
			if (strcmp(v->u.s.val, yes[i]) == 0) {
				*out = 1;
				return 0;
			}
			if (strcmp(v->u.s.val, no[i]) == 0) {
				*out = 0;
				return 0;
			}
		}
	return tuff_node_err(e, doc, v, "%s: expected true or false, not %s",
	    key, v->type == TUFF_SCALAR ? v->u.s.val : tuff_type_name(v));
}

/* A survey period, YYYY or YYYY-MM, plain (hme-score's) or quoted. */
static int
field_period(const struct tuff_doc *doc, const struct tuff_node *map,
    const char *key, int required, const char **out, struct tuff_error *e)
{
	const struct tuff_node *v = tuff_map_get(map, key);
	const char *s;
	size_t i, n;

	if (tuff_is_null(v)) {
		if (required)
			return tuff_node_err(e, doc, v != NULL ? v : map,
			    "%s: required key is missing", key);
		return 0;
	}
	if (v->type != TUFF_SCALAR || v->tag != NULL)
		goto bad;
	s = v->u.s.val;
	n = v->u.s.len;
	if (n != 4 && n != 7)
		goto bad;
	for (i = 0; i < n; i++)
		if (i == 4 ? s[i] != '-' : s[i] < '0' || s[i] > '9')
			goto bad;
	if (n == 7 && (strcmp(s + 5, "01") < 0 || strcmp(s + 5, "12") > 0))
		goto bad;
	*out = s;
	return 0;
bad:
	return tuff_node_err(e, doc, v, "%s: expected a year YYYY or a month "
	    "YYYY-MM, not %s", key,
	    v->type == TUFF_SCALAR ? v->u.s.val : tuff_type_name(v));
}

/* A string that is there and not blank. */
static int
field_text(const struct tuff_doc *doc, const struct tuff_node *map,
    const char *key, const char **out, struct tuff_error *e)
{
	if (tuff_field_str(doc, map, key, 1, out, e) == -1)
		return -1;
	if (strspn(*out, " \t\r\n") == strlen(*out))
		return tuff_node_err(e, doc, tuff_map_get(map, key),
		    "%s: expected text, not a blank string", key);
	return 0;
}

/* Each item of an optional sequence must be a mapping. */
static int
field_maps(const struct tuff_doc *doc, const struct tuff_node *map,
    const char *key, const struct tuff_node **out, struct tuff_error *e)
{
	const struct tuff_node *seq = NULL, *it;
	size_t i;

	*out = NULL;
	if (tuff_field_seq(doc, map, key, 0, &seq, e) == -1)
		return -1;
	for (i = 0; seq != NULL && i < seq->u.seq.n; i++) {
		it = seq->u.seq.items[i];
		if (it->type != TUFF_MAP)
			return tuff_node_err(e, doc, it, "%s: item %zu: expected "
			    "a mapping, not %s", key, i + 1, tuff_type_name(it));
	}
	*out = seq;
	return 0;
}

/*
 * follow-up: one row per thing to show, with the date and the count of
 * days the record gives; report_finish works out the days as of the
 * report's day.
 */
struct fu {
	const char	*assignment, *title, *owner;
	int		 has_as_of;
	tuff_day	 as_of;
};

static struct rp_item *
add_item(struct report *r, const struct fu *f, enum rp_what w)
{
	struct rp_item *it = rp_push(&r->items[w], sizeof(*it));

	it->assignment = f->assignment;
	it->title = f->title;
	it->owner = f->owner;
	it->has_as_of = f->has_as_of;
	it->as_of = f->as_of;
	it->seq = r->seq;
	return it;
}

/*
 * The date under date_key and the days under the count keys: plus (days
 * since the date) or minus (days to go).  Either may be absent.
 */
static int
item_days(const struct tuff_doc *doc, const struct tuff_node *m,
    struct rp_item *it, const char *date_key, const char *plus,
    const char *minus, struct tuff_error *e)
{
	long n = -1;

	if (tuff_field_date(doc, m, date_key, 0, &it->date, e) == -1)
		return -1;
	it->has_date = tuff_map_get(m, date_key) != NULL &&
	    !tuff_is_null(tuff_map_get(m, date_key));
	if (tuff_field_int(doc, m, plus, 0, 0, MAX_COUNT, &n, e) == -1)
		return -1;
	if (n >= 0) {
		it->has_count = 1;
		it->count = n;
	}
	n = -1;
	if (minus != NULL && tuff_field_int(doc, m, minus, 0, 0, MAX_COUNT,
	    &n, e) == -1)
		return -1;
	if (n >= 0) {
		it->has_count = 1;
		it->count = -n;
	}
	return 0;
}

static int
followup_list(struct report *r, const struct tuff_doc *doc, const struct fu *f,
    enum rp_what w, struct tuff_error *e)
{
	static const char *const keys[RP_NWHAT] = {
		NULL, "milestones_due", "milestones_reached", "open_obstacles"
	};
	const struct tuff_node *seq, *m;
	struct rp_item *it;
	size_t i;

	if (field_maps(doc, doc->root, keys[w], &seq, e) == -1)
		return -1;
	for (i = 0; seq != NULL && i < seq->u.seq.n; i++) {
		m = seq->u.seq.items[i];
		it = add_item(r, f, w);
		switch (w) {
		case RP_MS_DUE:
			if (field_text(doc, m, "name", &it->name, e) == -1 ||
			    item_days(doc, m, it, "due", "overdue_days",
			    "due_in_days", e) == -1)
				return -1;
			break;
		case RP_MS_REACHED:
			if (field_text(doc, m, "name", &it->name, e) == -1 ||
			    item_days(doc, m, it, "reached", "days_ago", NULL,
			    e) == -1)
				return -1;
			break;
		default:
			if (field_text(doc, m, "obstacle", &it->name, e) == -1 ||
			    tuff_field_str(doc, m, "owner", 0, &it->who,
			    e) == -1 || item_days(doc, m, it, "raised",
			    "age_days", NULL, e) == -1)
				return -1;
		}
		it->name = keep(r, it->name);
		it->who = keep(r, it->who);
	}
	return 0;
}

static int
add_followup(struct report *r, const struct tuff_doc *doc,
    struct tuff_error *e)
{
	const struct tuff_node *root = doc->root;
	struct rp_title *t;
	struct rp_item *it;
	struct fu f;
	const char *status = NULL;
	int w;

	memset(&f, 0, sizeof(f));
	if (field_text(doc, root, "assignment", &f.assignment, e) == -1 ||
	    tuff_field_str(doc, root, "title", 0, &f.title, e) == -1 ||
	    tuff_field_str(doc, root, "owner", 0, &f.owner, e) == -1 ||
	    tuff_field_str(doc, root, "status", 0, &status, e) == -1 ||
	    tuff_field_date(doc, root, "as_of", 0, &f.as_of, e) == -1)
		return -1;
	f.assignment = keep(r, f.assignment);
	f.title = keep(r, f.title);
	f.owner = keep(r, f.owner);
	f.has_as_of = !tuff_is_null(tuff_map_get(root, "as_of"));
	if (f.has_as_of && (!r->fu_as_of_seen || f.as_of > r->fu_as_of)) {
		r->fu_as_of = f.as_of;
		r->fu_as_of_seen = 1;
	}
	it = add_item(r, &f, RP_DUE);
	if (item_days(doc, root, it, "due", "overdue_days", "due_in_days",
	    e) == -1)
		return -1;
	if (!it->has_date && !it->has_count)
		r->items[RP_DUE].n--;		/* nothing due */
	for (w = RP_MS_DUE; w < RP_NWHAT; w++)
		if (followup_list(r, doc, &f, w, e) == -1)
			return -1;
	if (f.title != NULL) {
		t = rp_push(&r->titles, sizeof(*t));
		t->id = f.assignment;
		t->title = f.title;
	}
	add_key(r, doc, K_FOLLOWUP)->f[0] = f.assignment;
	r->followups++;
	return 0;
}

/*
 * tbls-check's records.
 */

static int
add_profile(struct report *r, const struct tuff_doc *doc,
    struct tuff_error *e)
{
	const struct tuff_node *root = doc->root, *ps = NULL, *pm = NULL;
	struct rp_profile *p = rp_push(&r->profiles, sizeof(*p));
	int kind = 0, i, s;

	p->seq = r->seq;
	if (tuff_field_str(doc, root, "record", 0, &p->record, e) == -1 ||
	    tuff_field_enum(doc, root, "record_kind", 1, record_kinds, &kind,
	    e) == -1 ||
	    tuff_field_int(doc, root, "passed", 1, 0, MAX_COUNT, &p->passed,
	    e) == -1 ||
	    tuff_field_int(doc, root, "checked", 1, 0, MAX_COUNT, &p->checked,
	    e) == -1 ||
	    tuff_field_map(doc, root, "principles", 1, &ps, e) == -1)
		return -1;
	p->decision = kind == 1;
	if (p->passed > p->checked)
		return tuff_node_err(e, doc, tuff_map_get(root, "passed"),
		    "passed: more than checked (%ld > %ld)", p->passed,
		    p->checked);
	for (s = 0; s < RP_NSEV; s++) {
		static const char *const keys[] = { "errors", "warnings",
		    "notes" };
		if (tuff_field_int(doc, root, keys[s], 0, 0, MAX_COUNT,
		    &p->sev[s], e) == -1)
			return -1;
	}
	for (i = 0; i < RP_NPRINCIPLES; i++) {
		pm = NULL;
		if (tuff_field_map(doc, ps, principle_names[i], 0, &pm,
		    e) == -1)
			return -1;
		if (pm == NULL)
			continue;
		if (tuff_field_int(doc, pm, "passed", 1, 0, MAX_COUNT,
		    &p->pc[i][0], e) == -1 ||
		    tuff_field_int(doc, pm, "checked", 1, 0, MAX_COUNT,
		    &p->pc[i][1], e) == -1)
			return -1;
		if (p->pc[i][0] > p->pc[i][1])
			return tuff_node_err(e, doc, tuff_map_get(pm, "passed"),
			    "principles: %s: passed: more than checked "
			    "(%ld > %ld)", principle_names[i], p->pc[i][0],
			    p->pc[i][1]);
	}
	if ((p->record = keep(r, p->record)) != NULL)
		add_key(r, doc, K_PROFILE)->f[0] = p->record;
	return 0;
}

static int
add_finding(struct report *r, const struct tuff_doc *doc,
    struct tuff_error *e)
{
	const struct tuff_node *root = doc->root;
	struct rp_finding *f = rp_push(&r->findings, sizeof(*f));
	const char *file = NULL, *path = NULL;
	long line = 0, column = 0;
	int area = 0;
	struct rp_key *k;

	f->seq = r->seq;
	f->principle = -1;
	if (field_text(doc, root, "rule", &f->rule, e) == -1 ||
	    tuff_field_enum(doc, root, "principle", 0, principle_names,
	    &f->principle, e) == -1 ||
	    tuff_field_enum(doc, root, "area", 0, area_names, &area, e) == -1 ||
	    tuff_field_enum(doc, root, "severity", 1, severity_names, &f->sev,
	    e) == -1 ||
	    tuff_field_str(doc, root, "record", 0, &f->record, e) == -1 ||
	    tuff_field_str(doc, root, "file", 0, &file, e) == -1 ||
	    tuff_field_int(doc, root, "line", 0, 1, MAX_COUNT, &line,
	    e) == -1 ||
	    tuff_field_int(doc, root, "column", 0, 1, MAX_COUNT, &column,
	    e) == -1 ||
	    tuff_field_str(doc, root, "path", 0, &path, e) == -1 ||
	    field_text(doc, root, "message", &f->message, e) == -1)
		return -1;
	/* The same rule at the same place of the same record: the same
	 * finding (a record's findings at one node differ by rule). */
	f->record = keep(r, f->record);
	f->rule = keep(r, f->rule);
	f->message = keep(r, f->message);
	k = add_key(r, doc, K_FINDING);
	k->f[0] = f->record;
	k->f[1] = f->rule;
	k->f[2] = keep(r, path != NULL ? path : file);
	k->n[0] = (unsigned long)line;
	k->n[1] = (unsigned long)column;
	return 0;
}

/*
 * hme-score's records.  A suppressed group shows no figure: one that
 * says it is suppressed and still carries one contradicts itself, and
 * is refused rather than shown.
 */

static int
add_score(struct report *r, const struct tuff_doc *doc, struct tuff_error *e)
{
	const struct tuff_node *root = doc->root, *prev = NULL;
	struct rp_score *s = rp_push(&r->scores, sizeof(*s));
	struct rp_key *k;
	int i, has = 0;

	s->seq = r->seq;
	s->respondents = -1;
	if (field_text(doc, root, "unit", &s->unit, e) == -1 ||
	    field_period(doc, root, "period", 1, &s->period, e) == -1 ||
	    tuff_field_int(doc, root, "respondents", 0, 0, MAX_COUNT,
	    &s->respondents, e) == -1 ||
	    field_bool(doc, root, "suppressed", &s->suppressed, e) == -1)
		return -1;
	for (i = 0; i < RP_NFIG; i++) {
		if (field_dec(doc, root, figure_keys[i], 0, 1000, &s->fig[i],
		    &s->has[i], e) == -1)
			return -1;
		if (s->has[i] && s->suppressed)
			return tuff_node_err(e, doc,
			    tuff_map_get(root, figure_keys[i]), "%s: a "
			    "suppressed score shows no figures",
			    figure_keys[i]);
	}
	if (tuff_field_map(doc, root, "previous", 0, &prev, e) == -1 ||
	    field_dec(doc, root, "change", -1000, 1000, &s->change,
	    &s->has_change, e) == -1)
		return -1;
	if (prev != NULL && (field_period(doc, prev, "period", 1,
	    &s->prev_period, e) == -1 || field_dec(doc, prev, "index", 0,
	    1000, &s->prev_index, &has, e) == -1))
		return -1;
	if (prev != NULL && !has)
		return tuff_node_err(e, doc, prev, "previous: index: required "
		    "key is missing");
	s->unit = keep(r, s->unit);
	s->period = keep(r, s->period);
	s->prev_period = keep(r, s->prev_period);
	k = add_key(r, doc, K_SCORE);
	k->f[0] = s->unit;
	k->f[1] = s->period;
	return 0;
}

static int
add_hitem(struct report *r, const struct tuff_doc *doc, struct tuff_error *e)
{
	const struct tuff_node *root = doc->root, *dist = NULL;
	struct rp_hitem *h = rp_push(&r->hitems, sizeof(*h));
	struct rp_key *k;
	char key[2] = "1";
	int i;

	h->seq = r->seq;
	h->answered = -1;
	if (field_text(doc, root, "unit", &h->unit, e) == -1 ||
	    field_period(doc, root, "period", 1, &h->period, e) == -1 ||
	    tuff_field_enum(doc, root, "item", 1, item_names, &h->item,
	    e) == -1 ||
	    tuff_field_str(doc, root, "text", 0, &h->text, e) == -1 ||
	    tuff_field_int(doc, root, "answered", 0, 0, MAX_COUNT,
	    &h->answered, e) == -1 ||
	    field_bool(doc, root, "suppressed", &h->suppressed, e) == -1 ||
	    tuff_field_map(doc, root, "distribution", 0, &dist, e) == -1 ||
	    field_dec(doc, root, "index", 0, 1000, &h->index, &h->has_index,
	    e) == -1)
		return -1;
	if (h->suppressed && (h->has_index || dist != NULL))
		return tuff_node_err(e, doc, tuff_map_get(root, h->has_index ?
		    "index" : "distribution"), "%s: a suppressed item shows "
		    "no figures", h->has_index ? "index" : "distribution");
	for (i = 0; dist != NULL && i < 5; i++) {
		key[0] = (char)('1' + i);
		if (tuff_field_int(doc, dist, key, 0, 0, MAX_COUNT,
		    &h->dist[i], e) == -1)
			return -1;
	}
	h->has_dist = dist != NULL;
	h->unit = keep(r, h->unit);
	h->period = keep(r, h->period);
	h->text = keep(r, h->text);
	k = add_key(r, doc, K_HITEM);
	k->f[0] = h->unit;
	k->f[1] = h->period;
	k->f[2] = item_names[h->item];
	return 0;
}

/*
 * tuff-journey's records.  A journey is checked as tuff-journey checks
 * it and measured again here, so the figures are right whether or not
 * it carries a metrics mapping.
 */

static int
add_journey(struct report *r, const struct tuff_doc *doc,
    struct tuff_error *e)
{
	struct rp_journey *j;

	if (journey_check(doc, e) == -1)
		return -1;
	j = rp_push(&r->journeys, sizeof(*j));
	j->seq = r->seq;
	j->root = doc->root;
	j->id = tuff_str(tuff_map_get(doc->root, "id"));
	j->title = tuff_str(tuff_map_get(doc->root, "title"));
	journey_measure(doc->root, &j->m);
	add_key(r, doc, K_JOURNEY)->f[0] = j->id;
	return 0;
}

/* A challenge's pains: each a mapping with step, action, pain. */
static int
check_pains(const struct tuff_doc *doc, const struct tuff_node *pains,
    struct tuff_error *e)
{
	const struct tuff_node *p;
	const char *s;
	long n;
	size_t i;

	for (i = 0; pains != NULL && i < pains->u.seq.n; i++) {
		p = pains->u.seq.items[i];
		if (tuff_field_int(doc, p, "step", 1, 1, MAX_COUNT, &n,
		    e) == -1 ||
		    tuff_field_str(doc, p, "stage", 0, &s, e) == -1 ||
		    tuff_field_str(doc, p, "action", 0, &s, e) == -1 ||
		    tuff_field_str(doc, p, "pain", 1, &s, e) == -1 ||
		    tuff_field_int(doc, p, "score", 0, 1, 5, &n, e) == -1)
			return -1;
	}
	return 0;
}

static int
add_challenge(struct report *r, const struct tuff_doc *doc,
    struct tuff_error *e)
{
	static const char *const counts[] = { "steps", "handoffs",
	    "system_switches", "wait_days", "pains" };
	const struct tuff_node *root = doc->root, *m = NULL;
	struct rp_journey *j = rp_push(&r->journeys, sizeof(*j));
	long *to[5];
	size_t i;
	int has;

	j->seq = r->seq;
	j->challenge = 1;
	j->root = root;
	to[0] = &j->m.steps;
	to[1] = &j->m.handoffs;
	to[2] = &j->m.system_switches;
	to[3] = &j->m.wait_days;
	to[4] = &j->m.pains;
	if (field_text(doc, root, "id", &j->id, e) == -1 ||
	    field_text(doc, root, "title", &j->title, e) == -1 ||
	    tuff_field_map(doc, root, "metrics", 1, &m, e) == -1 ||
	    tuff_field_int(doc, m, "friction", 1, 0, MAX_COUNT,
	    &j->m.friction, e) == -1 ||
	    field_maps(doc, root, "pains", &j->pains, e) == -1 ||
	    check_pains(doc, j->pains, e) == -1)
		return -1;
	for (i = 0; i < 5; i++)
		if (tuff_field_int(doc, m, counts[i], 0, 0, MAX_COUNT, to[i],
		    e) == -1)
			return -1;
	if (field_dec(doc, m, "mean_score", 10, 50, &j->m.mean_tenths, &has,
	    e) == -1)
		return -1;
	j->m.scored = has;
	add_key(r, doc, K_CHALLENGE)->f[0] = j->id;
	return 0;
}

/*
 * The same record twice, found as it comes, while the run can still
 * tell whether the two files hold the same data (tuff_inputs_same).
 * The keys are indexed by an open-addressing table of keyed hashes,
 * so crafted ids cost no more than random ones.
 */

static int
cmp_key_fields(const struct rp_key *a, const struct rp_key *b)
{
	int c, i;

	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	for (i = 0; i < 3; i++)
		if ((c = rp_cmp_str(a->f[i], b->f[i])) != 0)
			return c;
	for (i = 0; i < 2; i++)
		if (a->n[i] != b->n[i])
			return a->n[i] < b->n[i] ? -1 : 1;
	return 0;
}

static uint64_t
hash_key(const struct rp_key *k)
{
	struct tuff_hasher h;
	int i;

	tuff_hash_init(&h);
	tuff_hash_add(&h, &k->kind, sizeof(k->kind));
	for (i = 0; i < 3; i++)
		if (k->f[i] == NULL)
			tuff_hash_add(&h, "\xff", 1);	/* never in UTF-8 */
		else
			tuff_hash_add(&h, k->f[i], strlen(k->f[i]) + 1);
	tuff_hash_add(&h, k->n, sizeof(k->n));
	return tuff_hash_end(&h);
}

/* Index every key again in a table of nslots (a power of two). */
static void
rehash(struct report *r, size_t nslots)
{
	const struct rp_key *k = r->keys.v;
	size_t *slots, i, j;

	if ((slots = calloc(nslots, sizeof(*slots))) == NULL)
		oom();
	for (i = 0; i < r->nindexed; i++) {
		j = (size_t)hash_key(&k[i]) & (nslots - 1);
		while (slots[j] != 0)
			j = (j + 1) & (nslots - 1);
		slots[j] = i + 1;
	}
	free(r->slots);
	r->slots = slots;
	r->nslots = nslots;
}

/*
 * The error for k, the same as first.  Each message is a whole sentence
 * for the catalog; the second of each pair is for when the run can tell
 * that the two files hold the same data.
 */
static int
twice(const struct rp_key *first, const struct rp_key *k, struct tuff_error *e)
{
	const char *at = first->file, *id = k->f[0];
	unsigned long l = first->line, c = first->column;
	int same = tuff_inputs_same(first->file, k->file);

#define TWICE(...)	tuff_seterr(e, k->file, k->line, k->column, __VA_ARGS__)
	switch (k->kind) {
	case K_FOLLOWUP:
		return same ? TWICE("the follow-up of %s is there twice (first "
		    "at %s:%lu:%lu; the same data given twice?)", id, at, l, c) :
		    TWICE("the follow-up of %s is there twice (first at "
		    "%s:%lu:%lu)", id, at, l, c);
	case K_PROFILE:
		return same ? TWICE("the tbls-profile of %s is there twice "
		    "(first at %s:%lu:%lu; the same data given twice?)", id, at,
		    l, c) : TWICE("the tbls-profile of %s is there twice (first "
		    "at %s:%lu:%lu)", id, at, l, c);
	case K_FINDING:
		id = id != NULL ? id : "(no id)";
		return same ? TWICE("finding %s of %s at line %lu, column %lu "
		    "is there twice (first at %s:%lu:%lu; the same data given "
		    "twice?)", k->f[1], id, k->n[0], k->n[1], at, l, c) :
		    TWICE("finding %s of %s at line %lu, column %lu is there "
		    "twice (first at %s:%lu:%lu)", k->f[1], id, k->n[0],
		    k->n[1], at, l, c);
	case K_SCORE:
		return same ? TWICE("the hme-score of %s, %s is there twice "
		    "(first at %s:%lu:%lu; the same data given twice?)", id,
		    k->f[1], at, l, c) : TWICE("the hme-score of %s, %s is "
		    "there twice (first at %s:%lu:%lu)", id, k->f[1], at, l, c);
	case K_HITEM:
		return same ? TWICE("hme-item %s of %s, %s is there twice "
		    "(first at %s:%lu:%lu; the same data given twice?)",
		    k->f[2], id, k->f[1], at, l, c) : TWICE("hme-item %s of "
		    "%s, %s is there twice (first at %s:%lu:%lu)", k->f[2], id,
		    k->f[1], at, l, c);
	case K_JOURNEY:
		return same ? TWICE("journey %s is there twice (first at "
		    "%s:%lu:%lu; the same data given twice?)", id, at, l, c) :
		    TWICE("journey %s is there twice (first at %s:%lu:%lu)", id,
		    at, l, c);
	default:
		return same ? TWICE("challenge %s is there twice (first at "
		    "%s:%lu:%lu; the same data given twice?)", id, at, l, c) :
		    TWICE("challenge %s is there twice (first at %s:%lu:%lu)",
		    id, at, l, c);
	}
#undef TWICE
}

/*
 * Index the keys the last record added; -1 with e filled at the first
 * that an earlier record has, naming where that one was.
 */
static int
check_keys(struct report *r, struct tuff_error *e)
{
	const struct rp_key *k = r->keys.v;
	size_t j;

	for (; r->nindexed < r->keys.n; r->nindexed++) {
		if (2 * (r->nindexed + 1) > r->nslots)
			rehash(r, r->nslots > 0 ? 2 * r->nslots : 64);
		j = (size_t)hash_key(&k[r->nindexed]) & (r->nslots - 1);
		for (; r->slots[j] != 0; j = (j + 1) & (r->nslots - 1))
			if (cmp_key_fields(&k[r->slots[j] - 1],
			    &k[r->nindexed]) == 0)
				return twice(&k[r->slots[j] - 1],
				    &k[r->nindexed], e);
		r->slots[j] = r->nindexed + 1;
	}
	return 0;
}

/* A record of a kind the report does not show: counted for the footnote. */
static void
count_other(struct report *r, const char *kind)
{
	size_t i;

	r->others++;
	for (i = 0; i < r->nother; i++)
		if ((kind == NULL && r->other[i].kind == NULL) ||
		    (kind != NULL && r->other[i].kind != NULL &&
		    strcmp(kind, r->other[i].kind) == 0)) {
			r->other[i].n++;
			return;
		}
	if (r->nother == sizeof(r->other) / sizeof(r->other[0])) {
		r->other_rest++;
		return;
	}
	/* The kind's text goes with its document: keep a copy. */
	r->other[r->nother].kind = kind != NULL ? rp_printf(r, "%s", kind) :
	    NULL;
	r->other[r->nother++].n = 1;
}

static const struct {
	const char	*kind;
	int		(*add)(struct report *, const struct tuff_doc *,
			    struct tuff_error *);
} readers[] = {
	{ "challenge",		add_challenge },
	{ "finding",		add_finding },
	{ "follow-up",		add_followup },
	{ "hme-item",		add_hitem },
	{ "hme-score",		add_score },
	{ "journey",		add_journey },
	{ "tbls-profile",	add_profile },
};

int
report_add(struct report *r, struct tuff_doc *doc, struct tuff_error *e)
{
	size_t i, n = sizeof(readers) / sizeof(readers[0]);
	int rc, whole;

	r->seq++;
	for (i = 0; doc->kind != NULL && i < n; i++)
		if (strcmp(doc->kind, readers[i].kind) == 0)
			break;
	if (doc->kind == NULL || i == n) {
		count_other(r, doc->kind);
		tuff_doc_free(doc);
		return 0;
	}
	/*
	 * A journey is kept whole, first, so that what a failed check left
	 * behind points into it; of other records the report copies what
	 * it shows and lets them go.
	 */
	tuff_schema_check_keys(doc);	/* a kind this tool reads */
	whole = readers[i].add == add_journey || readers[i].add == add_challenge;
	if (whole) {
		*(struct tuff_doc **)rp_push(&r->docs, sizeof(doc)) = doc;
		r->kept += tuff_arena_used(doc->arena);
	}
	rc = readers[i].add(r, doc, e);
	if (rc == 0)
		rc = check_keys(r, e);
	if (rc == 0 && r->kept + tuff_arena_used(r->mem) > REPORT_MAX_KEPT)
		rc = tuff_seterr(e, doc->file, doc->line, doc->column,
		    "more records than a report holds (%lu MiB in memory); a "
		    "month's records are far fewer", REPORT_MAX_KEPT >> 20);
	if (!whole)
		tuff_doc_free(doc);
	return rc;
}

/* Titles by assignment id (one each: follow-ups are not there twice). */
static int
cmp_title(const void *a, const void *b)
{
	return strcmp(((const struct rp_title *)a)->id,
	    ((const struct rp_title *)b)->id);
}

/* Each item's days as of the report, from its date or its count. */
static void
settle_days(struct report *r)
{
	struct rp_item *it;
	size_t i;
	int w;

	for (w = 0; w < RP_NWHAT; w++)
		for (i = 0; i < r->items[w].n; i++) {
			it = (struct rp_item *)r->items[w].v + i;
			if (it->has_date) {
				it->days = r->as_of - it->date;
				it->known = 1;
			} else if (it->has_count) {
				it->days = it->count + (it->has_as_of ?
				    r->as_of - it->as_of : 0);
				it->known = 1;
			}
		}
}

void
report_finish(struct report *r)
{
	if (r->o.has_as_of)
		r->as_of = r->o.as_of;
	else if (r->fu_as_of_seen)
		r->as_of = r->fu_as_of;
	else
		r->as_of = tuff_date_today();
	settle_days(r);
	if (r->titles.n > 0)
		qsort(r->titles.v, r->titles.n, sizeof(struct rp_title),
		    cmp_title);
}

const char *
rp_title_of(const struct report *r, const char *id)
{
	const struct rp_title *t;
	struct rp_title key;

	if (id == NULL || r->titles.n == 0)
		return NULL;
	key.id = id;
	t = bsearch(&key, r->titles.v, r->titles.n, sizeof(key), cmp_title);
	return t != NULL ? t->title : NULL;
}
