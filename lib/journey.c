/*
 * User journeys: validation (§3.1), metrics (§4.1), challenges (§3.2)
 * and the two views, Mermaid and table.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tuff/diag.h"
#include "tuff/field.h"
#include "tuff/hash.h"
#include "tuff/i18n.h"
#include "tuff/journey.h"
#include "tuff/names.h"
#include "tuff/run.h"
#include "width.h"

/*
 * Upper bounds of a step's minutes and wait_days: far beyond any real
 * journey, and small enough that sums over the most steps a 1 MiB
 * record can hold stay exact in a long.
 */
#define MAX_MINUTES	1000000L
#define MAX_WAIT_DAYS	1000000L
#define UNSCORED	3	/* what Mermaid shows for a step without score */

static const char *const metric_names[JOURNEY_NMETRICS] = {
	"steps", "handoffs", "systems", "system_switches", "minutes",
	"wait_days", "mean_score", "pains", "friction"
};

int
journey_metric_parse(const char *s)
{
	int i;

	for (i = 0; i < JOURNEY_NMETRICS; i++)
		if (strcmp(s, metric_names[i]) == 0)
			return i;
	return -1;
}

const char *
journey_metric_name(enum journey_metric m)
{
	return (unsigned)m < JOURNEY_NMETRICS ? metric_names[m] : NULL;
}

/* The value of key in a mapping if it is a non-empty scalar, or NULL. */
static const char *
text(const struct tuff_node *map, const char *key)
{
	const struct tuff_node *v = tuff_map_get(map, key);

	if (v == NULL || v->type != TUFF_SCALAR || tuff_is_empty(v))
		return NULL;
	return v->u.s.val;
}

static const struct tuff_node *
steps_of(const struct tuff_node *journey)
{
	const struct tuff_node *s = tuff_map_get(journey, "steps");

	return s != NULL && s->type == TUFF_SEQ ? s : NULL;
}

/*
 * Names as the metrics compare them (include/tuff/names.h): each
 * step's actor or system, in NFC and case-folded, so "Undersköterska"
 * and "undersköterska" are one actor and "Å" is "å".  For step i,
 * name[i] is the text as written and key[i] the offset of its key in
 * buf, or NOKEY when the step has none.  Actors are inherited: a step
 * without one takes the one before, the first step the persona.
 */
#define NOKEY	SIZE_MAX

struct names {
	const char	**name;
	size_t		 *key;
	size_t		  n;
	char		 *buf;
	size_t		  len, cap;
};

static void
names_free(struct names *k)
{
	free(k->name);
	free(k->key);
	free(k->buf);
	memset(k, 0, sizeof(*k));
}

/* Append the key of s to k->buf: 0 and *off, or -1 on ENOMEM. */
static int
add_key(struct names *k, struct tuff_namebuf *nb, const char *s,
    size_t *off)
{
	const char *src = s;
	size_t len = strlen(s), cap;
	char *p;

	if (tuff_name_key(nb, s, len, TUFF_NAME_FOLD) == 0) {
		src = nb->s;
		len = nb->len;
	} else if (errno != EILSEQ)
		return -1;	/* not UTF-8 (a built record): as bytes */
	if (k->len + len + 1 > k->cap) {
		for (cap = k->cap ? k->cap : 256; cap < k->len + len + 1;)
			cap *= 2;
		if ((p = realloc(k->buf, cap)) == NULL)
			return -1;
		k->buf = p;
		k->cap = cap;
	}
	memcpy(k->buf + k->len, src, len + 1);
	*off = k->len;
	k->len += len + 1;
	return 0;
}

/* The names of key over the steps; first is what the first inherits. */
static int
step_names(const struct tuff_node *steps, const char *key, int inherit,
    const char *first, struct names *k)
{
	struct tuff_namebuf nb = { NULL, 0, 0 };
	const char *cur = NULL, *s;
	size_t i, n = steps->u.seq.n, curkey = NOKEY;
	int rc = -1;

	memset(k, 0, sizeof(*k));
	k->n = n;
	if ((k->name = calloc(n > 0 ? n : 1, sizeof(*k->name))) == NULL ||
	    (k->key = calloc(n > 0 ? n : 1, sizeof(*k->key))) == NULL)
		goto done;
	if (inherit && first != NULL) {
		if (add_key(k, &nb, first, &curkey) == -1)
			goto done;
		cur = first;
	}
	for (i = 0; i < n; i++) {
		if ((s = text(steps->u.seq.items[i], key)) != NULL) {
			if (add_key(k, &nb, s, &curkey) == -1)
				goto done;
			cur = s;
		} else if (!inherit) {
			cur = NULL;
			curkey = NOKEY;
		}
		k->name[i] = cur;
		k->key[i] = curkey;
	}
	rc = 0;
done:
	tuff_namebuf_free(&nb);
	if (rc == -1)
		names_free(k);
	return rc;
}

/* Do steps i and j both have a name, and another one? */
static int
differ(const struct names *k, size_t i, size_t j)
{
	return k->key[i] != NOKEY && k->key[j] != NOKEY &&
	    strcmp(k->buf + k->key[i], k->buf + k->key[j]) != 0;
}

/* Changes of name between consecutive steps that both have one. */
static long
changes(const struct names *k)
{
	size_t i;
	long n = 0;

	for (i = 1; i < k->n; i++)
		if (differ(k, i - 1, i))
			n++;
	return n;
}

/* A step's key and its number, to sort by the one, then the other. */
struct keyed {
	const char	*key;
	size_t		 step;
};

static int
cmp_keyed(const void *a, const void *b)
{
	const struct keyed *p = a, *q = b;
	int c = strcmp(p->key, q->key);

	if (c != 0)
		return c;
	return p->step < q->step ? -1 : p->step > q->step;
}

/*
 * The steps that have a name, sorted by key, then in step order:
 * sorting, not pairwise comparison, so a hostile journey of a hundred
 * thousand steps costs no quadratic time.  *nv is their number; NULL
 * on ENOMEM.
 */
static struct keyed *
sorted_keys(const struct names *k, size_t *nv)
{
	struct keyed *v;
	size_t i;

	if ((v = calloc(k->n > 0 ? k->n : 1, sizeof(*v))) == NULL)
		return NULL;
	for (i = *nv = 0; i < k->n; i++)
		if (k->key[i] != NOKEY) {
			v[*nv].key = k->buf + k->key[i];
			v[(*nv)++].step = i;
		}
	if (*nv > 0)
		qsort(v, *nv, sizeof(*v), cmp_keyed);
	return v;
}

/* The number of distinct names: 0 and *out, or -1 on ENOMEM. */
static int
distinct(const struct names *k, long *out)
{
	struct keyed *v;
	size_t i, nv;

	if ((v = sorted_keys(k, &nv)) == NULL)
		return -1;
	*out = 0;
	for (i = 0; i < nv; i++)
		if (i == 0 || strcmp(v[i - 1].key, v[i].key) != 0)
			++*out;
	free(v);
	return 0;
}

/*
 * Make each step's name the first spelling of its key in step order,
 * so a view shows one name per actor however it was written.  0, or -1
 * on ENOMEM.
 */
static int
first_spellings(struct names *k)
{
	struct keyed *v;
	const char *first = NULL;
	size_t i, nv;

	if ((v = sorted_keys(k, &nv)) == NULL)
		return -1;
	for (i = 0; i < nv; i++) {
		if (i == 0 || strcmp(v[i - 1].key, v[i].key) != 0)
			first = k->name[v[i].step];
		k->name[v[i].step] = first;
	}
	free(v);
	return 0;
}

int
journey_distinct_actors(const struct tuff_node *journey, size_t *out)
{
	const struct tuff_node *steps;
	struct names k;
	long n;
	int rc;

	*out = 0;
	if (journey == NULL || journey->type != TUFF_MAP ||
	    (steps = steps_of(journey)) == NULL)
		return 0;
	if (step_names(steps, "actor", 1, text(journey, "persona"), &k) == -1)
		return -1;
	if ((rc = distinct(&k, &n)) == 0)
		*out = (size_t)n;
	names_free(&k);
	return rc;
}

/*
 * Validation.
 */

/* Say in e that its message is about step i + 1; returns -1. */
static int
in_step(struct tuff_error *e, size_t i)
{
	char msg[sizeof(e->msg)];

	/* TRANSLATORS: %zu is the step's number, %s what is wrong with it. */
	snprintf(msg, sizeof(msg), _("step %zu: %s"), i + 1, e->msg);
	memcpy(e->msg, msg, sizeof(msg));
	return -1;
}

static int
blank(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

/* A required string that must say something: a title, an action. */
static int
check_text(const struct tuff_doc *doc, const struct tuff_node *map,
    const char *key, struct tuff_error *e)
{
	const char *s = NULL;

	if (tuff_field_str(doc, map, key, 1, &s, e) == -1)
		return -1;
	if (blank(s))
		return tuff_node_err(e, doc, tuff_map_get(map, key),
		    "%s: must not be empty", key);
	return 0;
}

static int
check_strings(const struct tuff_doc *doc, const struct tuff_node *map,
    const char *const *keys, struct tuff_error *e)
{
	const char *s;

	for (; *keys != NULL; keys++)
		if (tuff_field_str(doc, map, *keys, 0, &s, e) == -1)
			return -1;
	return 0;
}

static int
check_step(const struct tuff_doc *doc, const struct tuff_node *step,
    struct tuff_error *e)
{
	static const char *const strs[] = {
		"stage", "actor", "channel", "system", "pain", NULL
	};
	long v;

	if (step->type != TUFF_MAP)
		return tuff_node_err(e, doc, step, "expected a mapping, not %s",
		    tuff_type_name(step));
	if (check_text(doc, step, "action", e) == -1 ||
	    check_strings(doc, step, strs, e) == -1 ||
	    tuff_field_int(doc, step, "minutes", 0, 0, MAX_MINUTES, &v,
	    e) == -1 ||
	    tuff_field_int(doc, step, "wait_days", 0, 0, MAX_WAIT_DAYS, &v,
	    e) == -1 ||
	    tuff_field_int(doc, step, "score", 0, 1, 5, &v, e) == -1)
		return -1;
	return 0;
}

static int
check_insights(const struct tuff_doc *doc, const struct tuff_node *j,
    struct tuff_error *e)
{
	const struct tuff_node *ins = NULL;
	const char *s;
	char what[48];
	size_t i;

	if (tuff_field_seq(doc, j, "insights", 0, &ins, e) == -1)
		return -1;
	for (i = 0; ins != NULL && i < ins->u.seq.n; i++) {
		/* TRANSLATORS: "insights" is the key, %zu the item's number. */
		snprintf(what, sizeof(what), _("insights: item %zu"), i + 1);
		if (tuff_field_item_str(doc, ins->u.seq.items[i], what, 0, &s,
		    e) == -1)
			return -1;
	}
	return 0;
}

int
journey_check(const struct tuff_doc *doc, struct tuff_error *e)
{
	static const char *const strs[] = { "area", "source", "persona", NULL };
	const struct tuff_node *j = doc->root, *steps = NULL;
	const char *id = NULL;
	size_t i;

	if (tuff_field_str(doc, j, "id", 1, &id, e) == -1)
		return -1;
	if (!tuff_is_slug(id))
		return tuff_node_err(e, doc, tuff_map_get(j, "id"),
		    "id: \"%s\" is not a valid id (lower-case letters, digits "
		    "and '-' only)", id);
	if (check_text(doc, j, "title", e) == -1 ||
	    check_strings(doc, j, strs, e) == -1 ||
	    tuff_field_seq(doc, j, "steps", 1, &steps, e) == -1)
		return -1;
	if (steps->u.seq.n == 0)
		return tuff_node_err(e, doc, steps,
		    "steps: a journey needs at least one step");
	for (i = 0; i < steps->u.seq.n; i++)
		if (check_step(doc, steps->u.seq.items[i], e) == -1)
			return in_step(e, i);
	return check_insights(doc, j, e);
}

/*
 * Metrics.
 */

static long
step_int(const struct tuff_node *step, const char *key, long max, int *has)
{
	long v;

	*has = tuff_get_int(tuff_map_get(step, key), 0, max, &v) == 0;
	return *has ? v : 0;
}

/* The sums and the scores, step by step. */
static void
measure_steps(const struct tuff_node *steps, struct journey_metrics *m)
{
	const struct tuff_node *st;
	long score, sum = 0;
	int has;
	size_t i;

	for (i = 0; i < steps->u.seq.n; i++) {
		st = steps->u.seq.items[i];
		m->minutes += step_int(st, "minutes", MAX_MINUTES, &has);
		m->wait_days += step_int(st, "wait_days", MAX_WAIT_DAYS, &has);
		if (text(st, "pain") != NULL)
			m->pains++;
		score = step_int(st, "score", 5, &has);
		if (!has || score < 1)
			continue;
		sum += score;
		m->friction += 5 - score;
		if (m->scored++ == 0 || score < m->lowest_score) {
			m->lowest_step = (long)i + 1;
			m->lowest_score = score;
			m->lowest_action = text(st, "action");
		}
	}
	/* Half away from zero from the integer sum: scores are positive. */
	if (m->scored > 0)
		m->mean_tenths = (20 * sum + m->scored) / (2L * m->scored);
}

int
journey_measure(const struct tuff_node *journey, struct journey_metrics *m)
{
	const struct tuff_node *steps = steps_of(journey);
	struct names actors, systems;
	int rc;

	memset(m, 0, sizeof(*m));
	if (steps == NULL)
		return 0;
	m->steps = (long)steps->u.seq.n;
	measure_steps(steps, m);
	if (step_names(steps, "actor", 1, text(journey, "persona"),
	    &actors) == -1)
		return -1;
	if (step_names(steps, "system", 0, NULL, &systems) == -1) {
		names_free(&actors);
		return -1;
	}
	m->handoffs = changes(&actors);
	m->system_switches = changes(&systems);
	rc = distinct(&systems, &m->systems);
	m->friction += m->handoffs + m->system_switches;
	names_free(&actors);
	names_free(&systems);
	return rc;
}

long
journey_metric_value(const struct journey_metrics *m, enum journey_metric k,
    int *present)
{
	*present = 1;
	switch (k) {
	case JOURNEY_STEPS:
		return m->steps;
	case JOURNEY_HANDOFFS:
		return m->handoffs;
	case JOURNEY_SYSTEMS:
		return m->systems;
	case JOURNEY_SYSTEM_SWITCHES:
		return m->system_switches;
	case JOURNEY_MINUTES:
		return m->minutes;
	case JOURNEY_WAIT_DAYS:
		return m->wait_days;
	case JOURNEY_MEAN_SCORE:
		*present = m->scored > 0;
		return m->mean_tenths;
	case JOURNEY_PAINS:
		return m->pains;
	case JOURNEY_FRICTION:
	default:
		return m->friction;
	}
}

static void
put_int(struct tuff_doc *d, struct tuff_node *map, const char *key, long v)
{
	tuff_map_push(d, map, tuff_new_str(d, key), tuff_new_int(d, v));
}

struct tuff_node *
journey_metrics_node(struct tuff_doc *d, const struct journey_metrics *m)
{
	struct tuff_node *map = tuff_new_map(d), *low;

	put_int(d, map, "steps", m->steps);
	put_int(d, map, "handoffs", m->handoffs);
	put_int(d, map, "systems", m->systems);
	put_int(d, map, "system_switches", m->system_switches);
	put_int(d, map, "minutes", m->minutes);
	put_int(d, map, "wait_days", m->wait_days);
	if (m->scored > 0) {
		tuff_map_push(d, map, tuff_new_str(d, "mean_score"),
		    tuff_new_dec1(d, m->mean_tenths));
		low = tuff_new_map(d);
		put_int(d, low, "step", m->lowest_step);
		tuff_map_push(d, low, tuff_new_str(d, "action"),
		    tuff_new_str(d, m->lowest_action != NULL ?
		    m->lowest_action : ""));
		put_int(d, low, "score", m->lowest_score);
		tuff_map_push(d, map, tuff_new_str(d, "lowest"), low);
	}
	put_int(d, map, "pains", m->pains);
	put_int(d, map, "friction", m->friction);
	return map;
}

int
journey_enrich(struct tuff_doc *doc, const struct journey_metrics *m)
{
	tuff_map_set(doc, doc->root, "metrics", journey_metrics_node(doc, m));
	return doc->nomem ? -1 : 0;
}

/*
 * Challenges.
 */

/* Copy key from one mapping to another when it has a value. */
static void
copy_key(struct tuff_doc *d, struct tuff_node *to,
    const struct tuff_node *from, const char *key)
{
	const struct tuff_node *v = tuff_map_get(from, key);

	if (!tuff_is_empty(v))
		tuff_map_push(d, to, tuff_new_str(d, key), tuff_copy(d, v));
}

/*
 * One entry of the pains list.  The stage is the step's own or, as a
 * Mermaid section does, the last one named before it.
 */
static struct tuff_node *
pain_entry(struct tuff_doc *d, const struct tuff_node *step, size_t i,
    const struct tuff_node *stage)
{
	struct tuff_node *p = tuff_new_map(d);

	put_int(d, p, "step", (long)i + 1);
	if (stage != NULL)
		tuff_map_push(d, p, tuff_new_str(d, "stage"),
		    tuff_copy(d, stage));
	copy_key(d, p, step, "action");
	copy_key(d, p, step, "pain");
	copy_key(d, p, step, "score");
	return p;
}

struct tuff_doc *
journey_challenge(const struct tuff_doc *jd, const struct journey_metrics *m)
{
	const struct tuff_node *j = jd->root, *steps = steps_of(j), *st;
	const struct tuff_node *stage = NULL;
	struct tuff_node *root, *pains;
	struct tuff_doc *d;
	size_t i;

	if ((d = tuff_doc_new()) == NULL)
		return NULL;
	d->file = jd->file;
	d->line = jd->line;
	d->column = jd->column;
	d->kind = "challenge";
	root = d->root = tuff_new_map(d);
	tuff_map_push(d, root, tuff_new_str(d, "kind"),
	    tuff_new_str(d, "challenge"));
	copy_key(d, root, j, "id");
	copy_key(d, root, j, "title");
	copy_key(d, root, j, "area");
	tuff_map_push(d, root, tuff_new_str(d, "journey"),
	    tuff_new_str(d, text(j, "id")));
	tuff_map_push(d, root, tuff_new_str(d, "metrics"),
	    journey_metrics_node(d, m));
	pains = tuff_new_seq(d);
	for (i = 0; steps != NULL && i < steps->u.seq.n; i++) {
		st = steps->u.seq.items[i];
		if (text(st, "stage") != NULL)
			stage = tuff_map_get(st, "stage");
		if (text(st, "pain") != NULL)
			tuff_seq_push(d, pains, pain_entry(d, st, i, stage));
	}
	tuff_map_push(d, root, tuff_new_str(d, "pains"), pains);
	copy_key(d, root, j, "insights");
	if (d->nomem) {
		tuff_doc_free(d);
		return NULL;
	}
	return d;
}

/*
 * Worst first: the highest value, except for mean_score, where a low
 * score is the bad experience.  Journeys without the value go last;
 * ties keep input order.
 */
static int
cmp_rank(const void *pa, const void *pb)
{
	const struct journey_row *a = pa, *b = pb;

	if (a->key != b->key)
		return a->key > b->key ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void
journey_rank(struct journey_row *rows, size_t n, enum journey_metric k)
{
	size_t i;
	long v;
	int present;

	if (n == 0)
		return;		/* rows may be NULL: qsort wants an array */
	for (i = 0; i < n; i++) {
		v = journey_metric_value(&rows[i].m, k, &present);
		rows[i].seq = i;
		rows[i].key = !present ? LONG_MIN :
		    k == JOURNEY_MEAN_SCORE ? -v : v;
	}
	qsort(rows, n, sizeof(*rows), cmp_rank);
}

/*
 * Ids seen: an open-addressing hash set, so a stream of many journeys
 * costs no quadratic time.
 */
struct id_slot {
	char		*id;		/* NULL: empty */
	const char	*file;
	unsigned long	 line;
	unsigned long	 column;
};

struct journey_ids {
	struct id_slot	*slots;
	size_t		 cap;		/* a power of two */
	size_t		 n;
};

struct journey_ids *
journey_ids_new(void)
{
	return calloc(1, sizeof(struct journey_ids));
}

void
journey_ids_free(struct journey_ids *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->cap; i++)
		free(s->slots[i].id);
	free(s->slots);
	free(s);
}

/*
 * The keyed hash, so ids crafted to collide cost no more than others;
 * the set is only asked, never walked for output.
 */
static struct id_slot *
find_slot(struct id_slot *slots, size_t cap, const char *id)
{
	size_t i = (size_t)tuff_hash(id, strlen(id)) & (cap - 1);

	while (slots[i].id != NULL && strcmp(slots[i].id, id) != 0)
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

static int
grow_ids(struct journey_ids *s)
{
	struct id_slot *slots, *to;
	size_t i, cap = s->cap > 0 ? s->cap * 2 : 16;

	if ((slots = calloc(cap, sizeof(*slots))) == NULL)
		return -1;
	for (i = 0; i < s->cap; i++)
		if (s->slots[i].id != NULL) {
			to = find_slot(slots, cap, s->slots[i].id);
			*to = s->slots[i];
		}
	free(s->slots);
	s->slots = slots;
	s->cap = cap;
	return 0;
}

/*
 * A journey id seen before, at slot.  When the two places are in
 * inputs with the same content, the cause is likely one file given
 * twice, and the message says so (SPEC §2).
 */
static int
duplicate(const struct tuff_doc *doc, const struct tuff_node *idn,
    const char *id, const struct id_slot *slot, struct tuff_error *e)
{
	const char *first = slot->file != NULL ? slot->file : "<input>";

	if (doc->file != NULL && slot->file != NULL &&
	    tuff_inputs_same(doc->file, slot->file))
		return tuff_node_err(e, doc, idn, "id: duplicate id \"%s\"; "
		    "first used at %s:%lu:%lu (given twice?)", id, first,
		    slot->line, slot->column);
	return tuff_node_err(e, doc, idn, "id: duplicate id \"%s\"; first "
	    "used at %s:%lu:%lu", id, first, slot->line, slot->column);
}

int
journey_ids_add(struct journey_ids *s, const struct tuff_doc *doc,
    struct tuff_error *e)
{
	const struct tuff_node *idn = tuff_map_get(doc->root, "id");
	const char *id = tuff_str(idn);
	struct id_slot *slot;

	if (id == NULL)
		return tuff_node_err(e, doc, idn, "id: required key is missing");
	if (s->cap > 0 && (slot = find_slot(s->slots, s->cap, id))->id != NULL)
		return duplicate(doc, idn, id, slot, e);
	if ((s->n + 1) * 2 > s->cap && grow_ids(s) == -1)
		return tuff_node_err(e, doc, idn, "out of memory");
	slot = find_slot(s->slots, s->cap, id);
	if ((slot->id = strdup(id)) == NULL)
		return tuff_node_err(e, doc, idn, "out of memory");
	slot->file = doc->file;
	slot->line = idn->line > 0 ? idn->line : doc->line;
	slot->column = idn->line > 0 ? idn->column : doc->column;
	s->n++;
	return 0;
}

/*
 * Mermaid.
 */

/*
 * Decode one UTF-8 sequence at s.  The reader checked what it read, but
 * a caller may hand over any bytes: a byte that starts no sequence
 * decodes as U+FFFD, which the writer puts out instead of it (a lone
 * 0xb6 must not become '¶', whose code is longer than room was made
 * for).
 */
static size_t
utf8_len(const unsigned char *s)
{
	if (*s < 0x80)
		return 1;
	if ((*s & 0xe0) == 0xc0 && s[1] != '\0')
		return 2;
	if ((*s & 0xf0) == 0xe0 && s[1] != '\0' && s[2] != '\0')
		return 3;
	if ((*s & 0xf8) == 0xf0 && s[1] != '\0' && s[2] != '\0' &&
	    s[3] != '\0')
		return 4;
	return 1;
}

static unsigned long
utf8_cp(const unsigned char *s, size_t len)
{
	switch (len) {
	case 2:
		return (s[0] & 0x1fUL) << 6 | (s[1] & 0x3fUL);
	case 3:
		return (s[0] & 0x0fUL) << 12 | (s[1] & 0x3fUL) << 6 |
		    (s[2] & 0x3fUL);
	case 4:
		return (s[0] & 0x07UL) << 18 | (s[1] & 0x3fUL) << 12 |
		    (s[2] & 0x3fUL) << 6 | (s[3] & 0x3fUL);
	default:
		return s[0] < 0x80 ? s[0] : 0xfffd;
	}
}

/*
 * What JavaScript's \s matches, which Mermaid's lexer skips, plus the
 * control characters: all become a plain space, so trimming sees them.
 */
static int
is_space_cp(unsigned long c)
{
	return c <= 0x20 || (c >= 0x7f && c <= 0xa0) || c == 0x1680 ||
	    (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 ||
	    c == 0x202f || c == 0x205f || c == 0x3000 || c == 0xfeff;
}

/*
 * The replacement for a character Mermaid cannot carry, or NULL.
 *
 * '#', ';' and ':' end a title, a section or a task in Mermaid's
 * journey grammar.  There its entity codes (#35; #59; #58;) show the
 * characters themselves, as long as no bare '#' comes before a code
 * (none does: every '#' is coded).  Mermaid codes entities with the
 * placeholders "ﬂ°" and "¶ß" while it parses, so '¶' and 'ﬂ' are coded
 * too, or text holding those pairs would come out changed.
 *
 * An actor's name is drawn in the legend, which Mermaid wraps before it
 * decodes: a code can be cut in two there.  So an actor gets plain
 * look-alikes that Debian's DejaVu fonts draw (U+2236 '∶', U+037E ';',
 * U+266F '♯'; not the full-width forms, which they lack), a zero-width
 * space after '¶' and 'ﬂ', and U+201A '‚' for a comma, since commas
 * separate actors.
 *
 * '<' and '>' become look-alikes everywhere, so nothing reads as markup.
 */
static const char *
replacement(unsigned long c, int actor)
{
	switch (c) {
	case ':':
		return actor ? "\xe2\x88\xb6" : "#58;";	/* U+2236 */
	case '#':
		return actor ? "\xe2\x99\xaf" : "#35;";	/* U+266F */
	case ';':
		return actor ? "\xcd\xbe" : "#59;";		/* U+037E */
	case 0xb6:					/* ¶ */
		return actor ? "\xc2\xb6\xe2\x80\x8b" : "#182;";
	case 0xfb02:					/* ﬂ */
		return actor ? "\xef\xac\x82\xe2\x80\x8b" : "#64258;";
	case '<':
		return "\xe2\x80\xb9";			/* U+2039 ‹ */
	case '>':
		return "\xe2\x80\xba";			/* U+203A › */
	case ',':
		return actor ? "\xe2\x80\x9a" : NULL;	/* U+201A ‚ */
	case 0xfffd:		/* a byte that is no UTF-8 among valid ones */
		return "\xef\xbf\xbd";
	default:
		return NULL;
	}
}

/* Does s start with word, in any case (Mermaid's lexer ignores case)? */
static int
starts_with(const char *s, const char *word)
{
	size_t n = strlen(word);

	return strncasecmp(s, word, n) == 0;
}

/*
 * A task name that starts with a keyword would be lexed as that
 * keyword ("Section B ringer" as a section), and one that starts with
 * '%' as a comment, so it gets a zero-width space in front, which
 * JavaScript's \s does not skip.  So does an actor called __proto__,
 * which the renderer's plain-object table of actors would take for its
 * prototype and leave out of the legend.
 */
static int
looks_like_keyword(const char *s)
{
	return starts_with(s, "journey") || starts_with(s, "title ") ||
	    starts_with(s, "section ") || starts_with(s, "acctitle") ||
	    starts_with(s, "accdescr") || *s == '%' ||
	    strcmp(s, "__proto__") == 0;
}

char *
journey_mermaid_text(const char *s, int actor)
{
	const unsigned char *p = (const unsigned char *)s;
	const char *rep;
	char *out, *o, *res;
	size_t len, n = strlen(s);
	unsigned long c;

	/*
	 * Each input byte becomes at most 4 bytes ('#' is "#35;"; a
	 * two-byte '¶' five bytes at most, a three-byte 'ﬂ' seven), plus
	 * room for the NUL.
	 */
	if (n > (SIZE_MAX - 8) / 4 || (out = malloc(n * 4 + 8)) == NULL)
		return NULL;
	o = out;
	while (*p != '\0') {
		len = utf8_len(p);
		c = utf8_cp(p, len);
		if (is_space_cp(c)) {
			if (o > out && o[-1] != ' ')
				*o++ = ' ';
		} else if ((rep = replacement(c, actor)) != NULL) {
			memcpy(o, rep, strlen(rep));
			o += strlen(rep);
		} else {
			if (c == '%' && o > out && o[-1] == '%')
				*o++ = ' ';
			memcpy(o, p, len);
			o += len;
		}
		p += len;
	}
	while (o > out && o[-1] == ' ')
		o--;
	*o = '\0';
	if (*out == '\0') {
		free(out);
		return strdup("-");
	}
	if (!looks_like_keyword(out))
		return out;
	len = (size_t)(o - out);
	if ((res = malloc(len + 4)) != NULL) {
		memcpy(res, "\xe2\x80\x8b", 3);		/* U+200B */
		memcpy(res + 3, out, len + 1);
	}
	free(out);
	return res;
}

/* Print "prefix TEXT\n" with TEXT made safe; -1 on ENOMEM. */
static int
put_text(FILE *fp, const char *prefix, const char *s)
{
	char *t;

	if ((t = journey_mermaid_text(s, 0)) == NULL)
		return -1;
	fprintf(fp, "%s%s\n", prefix, t);
	free(t);
	return 0;
}

/*
 * One task line, "      ACTION: SCORE: ACTOR"; a section line first
 * when the stage changes.  *section holds the last section written.
 */
static int
put_step(FILE *fp, const struct tuff_node *st, const char *actor,
    char **section)
{
	const char *stage = text(st, "stage");
	char *t, *a = NULL;
	long score;
	int has;

	if (stage != NULL) {
		if ((t = journey_mermaid_text(stage, 0)) == NULL)
			return -1;
		if (*section == NULL || strcmp(*section, t) != 0) {
			fprintf(fp, "    section %s\n", t);
			free(*section);
			*section = t;
		} else
			free(t);
	}
	score = step_int(st, "score", 5, &has);
	if (!has || score < 1)
		score = UNSCORED;
	if ((t = journey_mermaid_text(text(st, "action") != NULL ?
	    text(st, "action") : "", 0)) == NULL ||
	    (actor != NULL && (a = journey_mermaid_text(actor, 1)) == NULL)) {
		free(t);
		return -1;
	}
	fprintf(fp, "      %s: %ld", t, score);
	if (a != NULL)
		fprintf(fp, ": %s", a);
	fputc('\n', fp);
	free(t);
	free(a);
	return 0;
}

/*
 * Each task names its actor by the first spelling of that actor in the
 * journey, so Mermaid's legend, which lists every distinct text, lists
 * "Undersköterska" once however the steps wrote it.
 */
int
journey_mermaid(FILE *fp, const struct tuff_node *j, int first)
{
	const struct tuff_node *steps = steps_of(j);
	const char *title = text(j, "title");
	struct names actors;
	char *section = NULL;
	size_t i;
	int rc = 0;

	memset(&actors, 0, sizeof(actors));
	if (steps != NULL && (step_names(steps, "actor", 1,
	    text(j, "persona"), &actors) == -1 ||
	    first_spellings(&actors) == -1)) {
		names_free(&actors);
		return -1;
	}
	if (!first)
		fputc('\n', fp);
	fputs("```mermaid\njourney\n", fp);
	rc = put_text(fp, "    title ", title != NULL ? title : "");
	for (i = 0; steps != NULL && i < steps->u.seq.n && rc == 0; i++)
		rc = put_step(fp, steps->u.seq.items[i], actors.name[i],
		    &section);
	free(section);
	if (rc == 0)
		fputs("```\n", fp);
	names_free(&actors);
	return rc;
}

/*
 * The table.
 */

#define NCOLS	10

/*
 * The headings are for people and follow the locale; the metrics keep
 * their names in YAML and in --rank-by.
 */
static const char *const col_names[NCOLS] = {
	/* TRANSLATORS: the journey table's headings, short: one word each. */
	N_("id"), N_("steps"), N_("handoffs"), N_("systems"), N_("switches"),
	N_("minutes"), N_("wait_days"), N_("mean_score"), N_("pains"),
	N_("friction")
};

/* The cells of one row; cell 0 is the id itself. */
static void
row_cells(const struct journey_row *r, char cells[NCOLS][24], int comma)
{
	const struct journey_metrics *m = &r->m;
	const long v[] = { m->steps, m->handoffs, m->systems,
	    m->system_switches, m->minutes, m->wait_days, 0, m->pains,
	    m->friction };
	char *dot;
	int i;

	cells[0][0] = '\0';
	for (i = 1; i < NCOLS; i++)
		snprintf(cells[i], sizeof(cells[i]), "%ld", v[i - 1]);
	if (m->scored > 0) {
		tuff_fmt_dec1(cells[7], m->mean_tenths);
		if (comma && (dot = strchr(cells[7], '.')) != NULL)
			*dot = ',';
	} else
		strcpy(cells[7], "-");
}

/* s and spaces up to width columns, on the left or the right of s. */
static void
put_cell(FILE *fp, const char *s, size_t width, int right)
{
	size_t w = tuff_width(s);

	if (!right)
		fputs(s, fp);
	for (; w < width; w++)
		fputc(' ', fp);
	if (right)
		fputs(s, fp);
}

static void
put_row(FILE *fp, const char *const cells[NCOLS], const size_t width[NCOLS])
{
	int i;

	put_cell(fp, cells[0], width[0], 0);
	for (i = 1; i < NCOLS; i++) {
		fputs("  ", fp);
		put_cell(fp, cells[i], width[i], 1);
	}
	fputc('\n', fp);
}

/*
 * The rows as a table for people: headings in the user's language and
 * the mean score with a decimal comma where the user's LC_NUMERIC has
 * one.  Widths are display columns, as the ids and headings may hold
 * any letter.
 */
int
journey_table(FILE *fp, const struct journey_row *rows, size_t n)
{
	char cells[NCOLS][24];
	const char *cell[NCOLS];
	size_t width[NCOLS], i, w;
	int c, comma = tuff_decimal_comma();

	for (c = 0; c < NCOLS; c++) {
		cell[c] = _(col_names[c]);
		width[c] = tuff_width(cell[c]);
	}
	for (i = 0; i < n; i++) {
		row_cells(&rows[i], cells, comma);
		if ((w = tuff_width(rows[i].id)) > width[0])
			width[0] = w;
		for (c = 1; c < NCOLS; c++)
			if (strlen(cells[c]) > width[c])
				width[c] = strlen(cells[c]);
	}
	put_row(fp, cell, width);
	for (i = 0; i < n; i++) {
		row_cells(&rows[i], cells, comma);
		cell[0] = rows[i].id;
		for (c = 1; c < NCOLS; c++)
			cell[c] = cells[c];
		put_row(fp, cell, width);
	}
	return ferror(fp) ? -1 : 0;
}
