/*
 * Decisions and assignments: numbering, validation, the assignment
 * template and the follow-up (SPEC §3.3, §3.4, §4.2).  The run of
 * tuff-decide, built on these, is in decide_run.c.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/decide.h"
#include "tuff/field.h"
#include "tuff/i18n.h"

#define NYEARS	10000

struct decide_numbers {
	long	*max[2];	/* per year, the highest B and U number */
};

struct decide_numbers *
decide_numbers_new(void)
{
	struct decide_numbers *n;

	if ((n = calloc(1, sizeof(*n))) == NULL)
		return NULL;
	n->max[0] = calloc(NYEARS, sizeof(long));
	n->max[1] = calloc(NYEARS, sizeof(long));
	if (n->max[0] == NULL || n->max[1] == NULL) {
		decide_numbers_free(n);
		return NULL;
	}
	return n;
}

void
decide_numbers_free(struct decide_numbers *n)
{
	if (n == NULL)
		return;
	free(n->max[0]);
	free(n->max[1]);
	free(n);
}

static int
all_digits(const char *s, size_t n)
{
	for (; n > 0; n--, s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

int
decide_id_parse(const char *s, char letter, int *year, long *n)
{
	size_t len, i;
	long v = 0;

	if (s == NULL || s[0] != letter || s[1] != '-')
		return -1;
	len = strlen(s);
	if (len < 10 || len > 16 || s[6] != '-' || !all_digits(s + 2, 4) ||
	    !all_digits(s + 7, len - 7))
		return -1;
	for (i = 7; i < len; i++)
		v = v * 10 + (s[i] - '0');
	*year = (s[2] - '0') * 1000 + (s[3] - '0') * 100 + (s[4] - '0') * 10 +
	    (s[5] - '0');
	*n = v;
	return 0;
}

void
decide_numbers_see(struct decide_numbers *nums, const char *s)
{
	long n;
	int year, u;

	for (u = 0; u < 2; u++)
		if (decide_id_parse(s, u ? 'U' : 'B', &year, &n) == 0 &&
		    n > nums->max[u][year])
			nums->max[u][year] = n;
}

int
decide_numbers_next(struct decide_numbers *nums, char letter, int year,
    char *buf)
{
	int u = letter == 'U';
	long *max;

	if ((letter != 'B' && letter != 'U') || year < 0 || year >= NYEARS)
		return -1;
	max = &nums->max[u][year];
	if (*max >= DECIDE_MAX_NUMBER)
		return -1;
	++*max;
	snprintf(buf, DECIDE_ID_LEN, "%c-%04d-%03ld", letter, year, *max);
	return 0;
}

long
decide_numbers_last(const struct decide_numbers *nums, char letter, int year)
{
	if ((letter != 'B' && letter != 'U') || year < 0 || year >= NYEARS)
		return 0;
	return nums->max[letter == 'U'][year];
}

/* Every item of seq a non-empty string (an id). */
static int
check_strings(const struct tuff_doc *doc, const struct tuff_node *seq,
    const char *key, struct tuff_error *e)
{
	const char *s;
	size_t i;

	for (i = 0; i < seq->u.seq.n; i++)
		if (tuff_field_item_str(doc, seq->u.seq.items[i], key, 1, &s,
		    e) == -1)
			return -1;
	return 0;
}

int
decide_check_decision(const struct decide_delegation *d,
    const struct tuff_doc *doc, struct tuff_error *e)
{
	const struct tuff_node *root = doc->root, *regarding = NULL;
	const char *s = NULL, *by = NULL;
	char msg[400], list[400];
	tuff_day day;
	long cost = -1;
	int outcome = 0, role;

	if (tuff_field_str(doc, root, "id", 0, &s, e) == -1 ||
	    tuff_field_date(doc, root, "date", 1, &day, e) == -1 ||
	    tuff_field_str(doc, root, "decided_by", 1, &by, e) == -1 ||
	    tuff_field_seq(doc, root, "regarding", 1, &regarding, e) == -1)
		return -1;
	if (regarding->u.seq.n == 0)
		return tuff_node_err(e, doc, regarding,
		    "regarding: the list is empty");
	if (check_strings(doc, regarding, "regarding", e) == -1 ||
	    tuff_field_enum(doc, root, "outcome", 1, decide_outcome_names,
	    &outcome, e) == -1 ||
	    tuff_field_str(doc, root, "rationale", 0, &s, e) == -1 ||
	    tuff_field_int(doc, root, "cost_sek", 0, 0, DECIDE_MAX_COST, &cost,
	    e) == -1)
		return -1;
	s = NULL;
	if (tuff_field_str(doc, root, "assignment", 0, &s, e) == -1)
		return -1;
	if (s != NULL && outcome != DECIDE_ASSIGN)
		return tuff_node_err(e, doc, tuff_map_get(root, "assignment"),
		    "assignment: only a decision to assign has one");
	if ((role = decide_role(d, by)) == -1 && errno == ENOMEM)
		return tuff_node_err(e, doc, NULL, "out of memory");
	if (role == -1)
		return tuff_node_err(e, doc, tuff_map_get(root, "decided_by"),
		    "decided_by: unknown role %s (the roles are %s)", by,
		    decide_role_list(d, list, sizeof(list)));
	if (decide_permit(d, role, outcome, cost, msg, sizeof(msg)) == -1)
		return tuff_node_err(e, doc, tuff_map_get(root, "decided_by"),
		    "%s", msg);
	return 0;
}

/* NULL-terminated, for tuff_field_enum; tbls.c checks with them too. */
const char *const decide_status_names[] = { "planned", "active", "done",
    "stopped", NULL };
const char *const decide_phase_names[] = { "development", "test",
    "implementation", NULL };
static const char *const method_names[] = { "quantitative", "qualitative",
    NULL };
static const char *const every_names[] = { "day", "week", "month",
    "quarter", "year", NULL };

typedef int	item_fn(const struct tuff_doc *, const struct tuff_node *,
		    struct tuff_error *);

/* Put "KEY: item N: " in front of the message in e; returns -1. */
static int
in_item(struct tuff_error *e, const char *key, size_t i)
{
	char prefix[48];
	size_t plen, mlen;

	/* TRANSLATORS: put in front of a message about the Nth item of
	   the list under a key, as in "obstacles: item 2: ...". */
	plen = (size_t)snprintf(prefix, sizeof(prefix), _("%s: item %zu: "),
	    key, i + 1);
	mlen = strnlen(e->msg, sizeof(e->msg) - 1);
	if (plen + mlen >= sizeof(e->msg))
		mlen = sizeof(e->msg) - 1 - plen;
	memmove(e->msg + plen, e->msg, mlen);
	memcpy(e->msg, prefix, plen);
	e->msg[plen + mlen] = '\0';
	return -1;
}

/*
 * The list under key of map, when it says anything ("no x" is the
 * rules' business, SPEC §4.3): a sequence of mappings, each passed to
 * check; an error in one is prefixed with the list and the item's
 * number ("obstacles: item 2: raised: ...").
 */
static int
check_items(const struct tuff_doc *doc, const struct tuff_node *map,
    const char *key, item_fn *check, struct tuff_error *e)
{
	const struct tuff_node *seq = tuff_map_get(map, key), *it;
	char buf[320];
	size_t i;

	if (tuff_is_empty(seq))
		return 0;
	if (seq->type != TUFF_SEQ)
		return tuff_node_err(e, doc, seq,
		    "%s: expected a sequence, not %s", key,
		    tuff_field_shown(seq, buf, sizeof(buf)));
	for (i = 0; i < seq->u.seq.n; i++) {
		it = seq->u.seq.items[i];
		if (it->type != TUFF_MAP) {
			tuff_node_err(e, doc, it, "expected a mapping, not %s",
			    tuff_field_shown(it, buf, sizeof(buf)));
			return in_item(e, key, i);
		}
		if (check(doc, it, e) == -1)
			return in_item(e, key, i);
	}
	return 0;
}

/*
 * The keys of a list's items are checked when there, and none is
 * required: SPEC §3 requires only the keys it marks, and it marks none
 * inside needs, indicators, milestones or obstacles.
 */
static int
check_need(const struct tuff_doc *doc, const struct tuff_node *n,
    struct tuff_error *e)
{
	const char *s;

	return tuff_field_str(doc, n, "need", 0, &s, e) == -1 ||
	    tuff_field_str(doc, n, "source", 0, &s, e) == -1 ? -1 : 0;
}

static int
check_indicator(const struct tuff_doc *doc, const struct tuff_node *ind,
    struct tuff_error *e)
{
	const char *s;
	int k;

	return tuff_field_str(doc, ind, "name", 0, &s, e) == -1 ||
	    tuff_field_enum(doc, ind, "method", 0, method_names, &k,
	    e) == -1 ||
	    tuff_field_enum(doc, ind, "every", 0, every_names, &k,
	    e) == -1 ? -1 : 0;
}

static int
check_follow_up(const struct tuff_doc *doc, struct tuff_error *e)
{
	const struct tuff_node *fu = tuff_map_get(doc->root, "follow_up");
	char buf[320];

	if (tuff_is_empty(fu))
		return 0;
	if (fu->type != TUFF_MAP)
		return tuff_node_err(e, doc, fu,
		    "follow_up: expected a mapping, not %s",
		    tuff_field_shown(fu, buf, sizeof(buf)));
	return check_items(doc, fu, "indicators", check_indicator, e);
}

static int
check_milestone(const struct tuff_doc *doc, const struct tuff_node *m,
    struct tuff_error *e)
{
	const char *s;
	tuff_day day;

	return tuff_field_str(doc, m, "name", 0, &s, e) == -1 ||
	    tuff_field_date(doc, m, "due", 0, &day, e) == -1 ||
	    tuff_field_date(doc, m, "reached", 0, &day, e) == -1 ? -1 : 0;
}

static int
check_obstacle(const struct tuff_doc *doc, const struct tuff_node *o,
    struct tuff_error *e)
{
	const char *s;
	tuff_day day;

	return tuff_field_str(doc, o, "obstacle", 0, &s, e) == -1 ||
	    tuff_field_date(doc, o, "raised", 0, &day, e) == -1 ||
	    tuff_field_str(doc, o, "owner", 0, &s, e) == -1 ||
	    tuff_field_date(doc, o, "resolved", 0, &day, e) == -1 ? -1 : 0;
}

int
decide_check_assignment(const struct tuff_doc *doc, struct tuff_error *e)
{
	const struct tuff_node *root = doc->root;
	const char *s;
	tuff_day day;
	int i;

	if (tuff_field_str(doc, root, "id", 1, &s, e) == -1 ||
	    tuff_field_str(doc, root, "title", 1, &s, e) == -1 ||
	    tuff_field_str(doc, root, "decision", 0, &s, e) == -1 ||
	    tuff_field_str(doc, root, "owner", 1, &s, e) == -1 ||
	    tuff_field_enum(doc, root, "status", 1, decide_status_names, &i,
	    e) == -1 ||
	    tuff_field_enum(doc, root, "phase", 0, decide_phase_names, &i,
	    e) == -1 ||
	    tuff_field_date(doc, root, "start", 0, &day, e) == -1 ||
	    tuff_field_date(doc, root, "due", 0, &day, e) == -1)
		return -1;
	if (check_items(doc, root, "needs", check_need, e) == -1 ||
	    check_follow_up(doc, e) == -1 ||
	    check_items(doc, root, "milestones", check_milestone, e) == -1 ||
	    check_items(doc, root, "obstacles", check_obstacle, e) == -1)
		return -1;
	return 0;
}

static int
check_pain(const struct tuff_doc *doc, const struct tuff_node *p,
    struct tuff_error *e)
{
	const char *s;

	return tuff_field_str(doc, p, "pain", 1, &s, e);
}

int
decide_check_challenge(const struct tuff_doc *doc, struct tuff_error *e)
{
	const struct tuff_node *root = doc->root;
	const char *id = NULL, *s;

	if (tuff_field_str(doc, root, "id", 1, &id, e) == -1)
		return -1;
	if (!tuff_is_slug(id))
		return tuff_node_err(e, doc, tuff_map_get(root, "id"),
		    "id: expected lower-case letters, digits and '-', not %s",
		    id);
	if (tuff_field_str(doc, root, "title", 1, &s, e) == -1 ||
	    tuff_field_str(doc, root, "journey", 0, &s, e) == -1)
		return -1;
	return check_items(doc, root, "pains", check_pain, e);
}

static void
push(struct tuff_doc *doc, struct tuff_node *map, const char *key,
    struct tuff_node *val)
{
	tuff_map_push(doc, map, tuff_new_str(doc, key), val);
}

static struct tuff_node *
new_date(struct tuff_doc *doc, tuff_day day)
{
	char buf[16];

	return tuff_new_plain(doc, tuff_date_fmt(day, buf));
}

/* An empty value that reads as null: "key:" with nothing after it. */
static struct tuff_node *
new_empty(struct tuff_doc *doc)
{
	return tuff_new_plain(doc, "");
}

/*
 * §3.4's headings in its order, so every assignment reads alike; what
 * the decision knows is filled in, the rest is left empty for the
 * owner to fill.
 */
struct tuff_node *
decide_assignment(struct tuff_doc *doc, const struct decide_template *t)
{
	static const char *const lists[] = { "goals", "activities",
	    "collaboration" };
	struct tuff_node *m = tuff_new_map(doc), *needs, *need, *src;
	char *s;
	size_t i, len;

	push(doc, m, "kind", tuff_new_str(doc, "assignment"));
	push(doc, m, "id", tuff_new_str(doc, t->id));
	push(doc, m, "title", tuff_new_str(doc, t->title));
	push(doc, m, "decision", tuff_new_str(doc, t->decision));
	push(doc, m, "owner", tuff_new_str(doc, t->owner));
	push(doc, m, "support", tuff_new_seq(doc));
	push(doc, m, "status", tuff_new_str(doc, "planned"));
	push(doc, m, "phase", new_empty(doc));
	push(doc, m, "start", new_empty(doc));
	push(doc, m, "due", t->has_due ? new_date(doc, t->due) :
	    new_empty(doc));
	push(doc, m, "mandate", new_empty(doc));
	push(doc, m, "target_group", new_empty(doc));
	needs = tuff_new_seq(doc);
	for (i = 0; i < t->nneeds; i++) {
		need = tuff_new_map(doc);
		push(doc, need, "need", tuff_new_str(doc, t->needs[i].text));
		len = strlen(t->needs[i].journey) + sizeof("journey:");
		if ((s = tuff_alloc(doc, len)) == NULL)
			break;		/* doc->nomem says so */
		snprintf(s, len, "journey:%s", t->needs[i].journey);
		src = tuff_new_str(doc, s);
		push(doc, need, "source", src);
		tuff_seq_push(doc, needs, need);
	}
	push(doc, m, "needs", needs);
	push(doc, m, "analysis", new_empty(doc));
	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		push(doc, m, lists[i], tuff_new_seq(doc));
	push(doc, m, "follow_up", tuff_new_map(doc));
	push(doc, m, "milestones", tuff_new_seq(doc));
	push(doc, m, "obstacles", tuff_new_seq(doc));
	push(doc, m, "results", new_empty(doc));
	push(doc, m, "lessons", tuff_new_seq(doc));
	return m;
}

/* A date key of a checked mapping: 1 and *day, or 0 when absent. */
static int
date_of(const struct tuff_node *map, const char *key, tuff_day *day)
{
	const struct tuff_node *v = tuff_map_get(map, key);

	if (tuff_is_null(v) || v->type != TUFF_SCALAR)
		return 0;
	return tuff_date_parse(v->u.s.val, v->u.s.len, day) == 0;
}

static void
push_copy(struct tuff_doc *doc, struct tuff_node *map, const char *key,
    const struct tuff_node *from)
{
	const struct tuff_node *v = tuff_map_get(from, key);

	if (!tuff_is_null(v))
		push(doc, map, key, tuff_copy(doc, v));
}

/* due, and how many days overdue or still to go on as_of. */
static void
push_due(struct tuff_doc *doc, struct tuff_node *map, tuff_day due,
    tuff_day as_of)
{
	push(doc, map, "due", new_date(doc, due));
	if (due < as_of)
		push(doc, map, "overdue_days", tuff_new_int(doc, as_of - due));
	else
		push(doc, map, "due_in_days", tuff_new_int(doc, due - as_of));
}

/* The list under key, or NULL when it is empty in any form ("", {}). */
static const struct tuff_node *
list_of(const struct tuff_node *map, const char *key)
{
	const struct tuff_node *v = tuff_map_get(map, key);

	return v != NULL && v->type == TUFF_SEQ ? v : NULL;
}

/* Unreached milestones due by the end of the window, overdue included. */
static struct tuff_node *
milestones_due(struct tuff_doc *doc, const struct tuff_node *list,
    tuff_day as_of, long within)
{
	struct tuff_node *out = tuff_new_seq(doc), *it, *m;
	tuff_day due, reached;
	size_t i;

	for (i = 0; list != NULL && i < list->u.seq.n; i++) {
		m = list->u.seq.items[i];
		if (!date_of(m, "due", &due) || due - as_of > within)
			continue;
		if (date_of(m, "reached", &reached) && reached <= as_of)
			continue;
		it = tuff_new_map(doc);
		push_copy(doc, it, "name", m);
		push_due(doc, it, due, as_of);
		tuff_seq_push(doc, out, it);
	}
	return out;
}

/* Milestones reached in the last within days: framsteg att fira. */
static struct tuff_node *
milestones_reached(struct tuff_doc *doc, const struct tuff_node *list,
    tuff_day as_of, long within)
{
	struct tuff_node *out = tuff_new_seq(doc), *it, *m;
	tuff_day reached;
	size_t i;

	for (i = 0; list != NULL && i < list->u.seq.n; i++) {
		m = list->u.seq.items[i];
		if (!date_of(m, "reached", &reached) || reached > as_of ||
		    as_of - reached > within)
			continue;
		it = tuff_new_map(doc);
		push_copy(doc, it, "name", m);
		push(doc, it, "reached", new_date(doc, reached));
		push(doc, it, "days_ago", tuff_new_int(doc, as_of - reached));
		tuff_seq_push(doc, out, it);
	}
	return out;
}

/* Obstacles open on as_of: raised by then, not resolved by then. */
static struct tuff_node *
open_obstacles(struct tuff_doc *doc, const struct tuff_node *list,
    tuff_day as_of)
{
	struct tuff_node *out = tuff_new_seq(doc), *it, *o;
	tuff_day raised, resolved;
	size_t i;
	int has_raised;

	for (i = 0; list != NULL && i < list->u.seq.n; i++) {
		o = list->u.seq.items[i];
		has_raised = date_of(o, "raised", &raised);
		if ((has_raised && raised > as_of) ||
		    (date_of(o, "resolved", &resolved) && resolved <= as_of))
			continue;
		it = tuff_new_map(doc);
		push_copy(doc, it, "obstacle", o);
		if (has_raised)
			push(doc, it, "raised", new_date(doc, raised));
		push_copy(doc, it, "owner", o);
		if (has_raised)
			push(doc, it, "age_days", tuff_new_int(doc,
			    as_of - raised));
		tuff_seq_push(doc, out, it);
	}
	return out;
}

static void
push_list(struct tuff_doc *doc, struct tuff_node *map, const char *key,
    struct tuff_node *seq)
{
	if (seq != NULL && seq->u.seq.n > 0)
		push(doc, map, key, seq);
}

/*
 * Done and stopped assignments are not chased: only their milestones
 * reached are reported, as progress is worth celebrating either way.
 */
int
decide_followup(const struct tuff_doc *a, tuff_day as_of, long within,
    struct tuff_doc **out)
{
	const struct tuff_node *root = a->root;
	const char *status = tuff_str(tuff_map_get(root, "status"));
	struct tuff_doc *doc;
	struct tuff_node *m;
	tuff_day due;
	size_t n0;
	int open;

	open = status != NULL && (strcmp(status, "planned") == 0 ||
	    strcmp(status, "active") == 0);
	*out = NULL;
	if ((doc = tuff_doc_new()) == NULL)
		return -1;
	if ((doc->root = m = tuff_new_map(doc)) == NULL) {
		tuff_doc_free(doc);
		return -1;
	}
	push(doc, m, "kind", tuff_new_str(doc, "follow-up"));
	push(doc, m, "assignment", tuff_copy(doc, tuff_map_get(root, "id")));
	push_copy(doc, m, "title", root);
	push_copy(doc, m, "owner", root);
	push_copy(doc, m, "status", root);
	push(doc, m, "as_of", new_date(doc, as_of));
	n0 = m->u.map.n;
	if (open && date_of(root, "due", &due) && due - as_of <= within)
		push_due(doc, m, due, as_of);
	if (open)
		push_list(doc, m, "milestones_due", milestones_due(doc,
		    list_of(root, "milestones"), as_of, within));
	push_list(doc, m, "milestones_reached", milestones_reached(doc,
	    list_of(root, "milestones"), as_of, within));
	if (open)
		push_list(doc, m, "open_obstacles", open_obstacles(doc,
		    list_of(root, "obstacles"), as_of));
	if (doc->nomem) {
		tuff_doc_free(doc);
		return -1;
	}
	if (m->u.map.n == n0)
		tuff_doc_free(doc);
	else
		*out = doc;
	return 0;
}
