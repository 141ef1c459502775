/*
 * The one table of record kinds and the keys of each place in a record
 * (tuff-records(5)), and the near-miss search that turns a typo into
 * "did you mean ...?" (include/tuff/schema.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "tuff/diag.h"
#include "tuff/names.h"
#include "tuff/scalar.h"
#include "tuff/schema.h"

/*
 * The places.  P_NONE (0) is "no place": a key without a place of its
 * own has a value whose keys, if any, are not checked.
 */
enum place_id {
	P_NONE = 0,
	P_JOURNEY, P_STEP, P_METRICS, P_LOWEST,
	P_CHALLENGE, P_PAIN,
	P_DECISION,
	P_ASSIGNMENT, P_NEED, P_FOLLOW_UP, P_INDICATOR, P_MILESTONE,
	P_OBSTACLE,
	P_FOLLOWUP, P_MS_DUE, P_MS_REACHED, P_OPEN_OBSTACLE,
	P_FINDING,
	P_PROFILE, P_PRINCIPLES, P_AREAS, P_TALLY,
	P_RESPONSE, P_ANSWERS,
	P_SCORE, P_PREVIOUS,
	P_ITEM,
	P_SUMMARY,
	P_DELEGATION, P_COST_RULE,
	P_RULES, P_RULE_IDS, P_RULE,
	NPLACES
};

/*
 * A place: the keys of a mapping (NULL: the keys are names, such as
 * rule ids, and not checked), and the place of every value that has
 * none of its own in children[] (P_NONE: none).
 */
struct tuff_place {
	const char		*name;	/* the warnings' topic */
	const char *const	*keys;	/* to a NULL */
	enum place_id		 any;
};

/* A record kind, or a file, and its place. */
struct key {
	const char	*name;
	enum place_id	 place;
};

static const char *const journey_keys[] = {
	"kind", "id", "title", "area", "source", "persona", "steps",
	"insights", "metrics", NULL
};

static const char *const step_keys[] = {
	"action", "stage", "actor", "channel", "system", "minutes",
	"wait_days", "score", "pain", NULL
};

static const char *const metrics_keys[] = {
	"steps", "handoffs", "systems", "system_switches", "minutes",
	"wait_days", "mean_score", "lowest", "pains", "friction", NULL
};

static const char *const lowest_keys[] = {
	"step", "action", "score", NULL
};

static const char *const challenge_keys[] = {
	"kind", "id", "title", "area", "journey", "metrics", "pains",
	"insights", NULL
};

static const char *const pain_keys[] = {
	"step", "stage", "action", "pain", "score", NULL
};

static const char *const decision_keys[] = {
	"kind", "id", "date", "decided_by", "regarding", "outcome",
	"rationale", "cost_sek", "assignment", NULL
};

static const char *const assignment_keys[] = {
	"kind", "id", "title", "decision", "owner", "support", "status",
	"phase", "start", "due", "mandate", "target_group", "needs",
	"analysis", "goals", "activities", "collaboration", "follow_up",
	"milestones", "obstacles", "results", "lessons", NULL
};

static const char *const need_keys[] = {
	"need", "source", NULL
};

static const char *const follow_up_keys[] = {
	"indicators", "feedback", NULL
};

static const char *const indicator_keys[] = {
	"name", "method", "every", NULL
};

static const char *const milestone_keys[] = {
	"name", "due", "reached", NULL
};

static const char *const obstacle_keys[] = {
	"obstacle", "raised", "owner", "resolved", NULL
};

static const char *const followup_keys[] = {
	"kind", "assignment", "title", "owner", "status", "as_of", "due",
	"overdue_days", "due_in_days", "milestones_due", "milestones_reached",
	"open_obstacles", NULL
};

static const char *const ms_due_keys[] = {
	"name", "due", "due_in_days", "overdue_days", NULL
};

static const char *const ms_reached_keys[] = {
	"name", "reached", "days_ago", NULL
};

static const char *const open_obstacle_keys[] = {
	"obstacle", "raised", "owner", "age_days", NULL
};

static const char *const finding_keys[] = {
	"kind", "rule", "principle", "area", "severity", "record", "file",
	"line", "column", "path", "message", NULL
};

static const char *const profile_keys[] = {
	"kind", "record", "record_kind", "file", "line", "column", "passed",
	"checked", "errors", "warnings", "notes", "principles", "areas", NULL
};

static const char *const principles_keys[] = {
	"tillit", "oppenhet", "medborgarfokus", "handlingsutrymme", "stod",
	"helhetssyn", "kunskap", NULL
};

static const char *const areas_keys[] = {
	"kultur-och-ledarskap", "styrning", "organisation", NULL
};

static const char *const tally_keys[] = {
	"passed", "checked", NULL
};

static const char *const response_keys[] = {
	"kind", "unit", "period", "answers", "id", NULL
};

static const char *const answers_keys[] = {
	"m1", "m2", "m3", "l1", "l2", "l3", "s1", "s2", "s3", NULL
};

static const char *const score_keys[] = {
	"kind", "unit", "period", "respondents", "index", "motivation",
	"leadership", "governance", "suppressed", "previous", "change", NULL
};

static const char *const previous_keys[] = {
	"period", "index", NULL
};

static const char *const item_keys[] = {
	"kind", "unit", "period", "item", "text", "answered", "distribution",
	"index", "suppressed", NULL
};

static const char *const summary_keys[] = {
	"kind", "responses", "skipped", NULL
};

static const char *const delegation_keys[] = {
	"kind", "roles", "aliases", "reject", "defer", "assign", "cost_sek",
	NULL
};

static const char *const cost_rule_keys[] = {
	"above", "needs", NULL
};

static const char *const rules_keys[] = {
	"rules", NULL
};

static const char *const rule_keys[] = {
	"severity", NULL
};

/* Where a key's value (a mapping, or a sequence of them) has a place. */
static const struct child {
	enum place_id	 parent;
	const char	*key;
	enum place_id	 place;
} children[] = {
	{ P_JOURNEY, "steps", P_STEP },
	{ P_JOURNEY, "metrics", P_METRICS },
	{ P_METRICS, "lowest", P_LOWEST },
	{ P_CHALLENGE, "metrics", P_METRICS },
	{ P_CHALLENGE, "pains", P_PAIN },
	{ P_ASSIGNMENT, "needs", P_NEED },
	{ P_ASSIGNMENT, "follow_up", P_FOLLOW_UP },
	{ P_ASSIGNMENT, "milestones", P_MILESTONE },
	{ P_ASSIGNMENT, "obstacles", P_OBSTACLE },
	{ P_FOLLOW_UP, "indicators", P_INDICATOR },
	{ P_FOLLOWUP, "milestones_due", P_MS_DUE },
	{ P_FOLLOWUP, "milestones_reached", P_MS_REACHED },
	{ P_FOLLOWUP, "open_obstacles", P_OPEN_OBSTACLE },
	{ P_PROFILE, "principles", P_PRINCIPLES },
	{ P_PROFILE, "areas", P_AREAS },
	{ P_RESPONSE, "answers", P_ANSWERS },
	{ P_SCORE, "previous", P_PREVIOUS },
	{ P_DELEGATION, "cost_sek", P_COST_RULE },
	{ P_RULES, "rules", P_RULE_IDS },
};
#define NCHILDREN	(sizeof(children) / sizeof(children[0]))

static const struct tuff_place places[NPLACES] = {
	[P_JOURNEY] =		{ "journey", journey_keys, P_NONE },
	[P_STEP] =		{ "journey.steps", step_keys, P_NONE },
	[P_METRICS] =		{ "journey.metrics", metrics_keys, P_NONE },
	[P_LOWEST] =		{ "journey.metrics.lowest", lowest_keys,
				    P_NONE },
	[P_CHALLENGE] =		{ "challenge", challenge_keys, P_NONE },
	[P_PAIN] =		{ "challenge.pains", pain_keys, P_NONE },
	[P_DECISION] =		{ "decision", decision_keys, P_NONE },
	[P_ASSIGNMENT] =	{ "assignment", assignment_keys, P_NONE },
	[P_NEED] =		{ "assignment.needs", need_keys, P_NONE },
	[P_FOLLOW_UP] =		{ "assignment.follow_up", follow_up_keys,
				    P_NONE },
	[P_INDICATOR] =		{ "assignment.follow_up.indicators",
				    indicator_keys, P_NONE },
	[P_MILESTONE] =		{ "assignment.milestones", milestone_keys,
				    P_NONE },
	[P_OBSTACLE] =		{ "assignment.obstacles", obstacle_keys,
				    P_NONE },
	[P_FOLLOWUP] =		{ "follow-up", followup_keys, P_NONE },
	[P_MS_DUE] =		{ "follow-up.milestones_due", ms_due_keys,
				    P_NONE },
	[P_MS_REACHED] =	{ "follow-up.milestones_reached",
				    ms_reached_keys, P_NONE },
	[P_OPEN_OBSTACLE] =	{ "follow-up.open_obstacles",
				    open_obstacle_keys, P_NONE },
	[P_FINDING] =		{ "finding", finding_keys, P_NONE },
	[P_PROFILE] =		{ "tbls-profile", profile_keys, P_NONE },
	[P_PRINCIPLES] =	{ "tbls-profile.principles", principles_keys,
				    P_TALLY },
	[P_AREAS] =		{ "tbls-profile.areas", areas_keys, P_TALLY },
	[P_TALLY] =		{ "tbls-profile.principles.*", tally_keys,
				    P_NONE },
	[P_RESPONSE] =		{ "hme-response", response_keys, P_NONE },
	[P_ANSWERS] =		{ "hme-response.answers", answers_keys,
				    P_NONE },
	[P_SCORE] =		{ "hme-score", score_keys, P_NONE },
	[P_PREVIOUS] =		{ "hme-score.previous", previous_keys,
				    P_NONE },
	[P_ITEM] =		{ "hme-item", item_keys, P_NONE },
	[P_SUMMARY] =		{ "hme-summary", summary_keys, P_NONE },
	[P_DELEGATION] =	{ "delegation", delegation_keys, P_NONE },
	[P_COST_RULE] =		{ "delegation.cost_sek", cost_rule_keys,
				    P_NONE },
	[P_RULES] =		{ "rules", rules_keys, P_NONE },
	[P_RULE_IDS] =		{ "rules.rules", NULL, P_RULE },
	[P_RULE] =		{ "rules.rules.*", rule_keys, P_NONE },
};

/* The record kinds, in tuff-records(5)'s order, and their places. */
static const struct key kinds[] = {
	{ "journey", P_JOURNEY },
	{ "challenge", P_CHALLENGE },
	{ "decision", P_DECISION },
	{ "assignment", P_ASSIGNMENT },
	{ "follow-up", P_FOLLOWUP },
	{ "finding", P_FINDING },
	{ "tbls-profile", P_PROFILE },
	{ "hme-response", P_RESPONSE },
	{ "hme-score", P_SCORE },
	{ "hme-item", P_ITEM },
	{ "hme-summary", P_SUMMARY },
	{ "delegation", P_DELEGATION },
	{ NULL, P_NONE }
};

/* Files of settings that are not records: they have no kind. */
static const struct key files[] = {
	{ "rules", P_RULES },
	{ NULL, P_NONE }
};

/*
 * What a Swedish analyst may write for a kind: the word the seed
 * documents use, and its plural.
 */
static const struct {
	const char	*word;
	const char	*kind;
} swedish[] = {
	{ "användarresa", "journey" },
	{ "användarresor", "journey" },
	{ "resa", "journey" },
	{ "resor", "journey" },
	{ "utmaning", "challenge" },
	{ "utmaningar", "challenge" },
	{ "beslut", "decision" },
	{ "uppdrag", "assignment" },
	{ "uppföljning", "follow-up" },
	{ "svar", "hme-response" },
	{ "delegationsordning", "delegation" },
	{ NULL, NULL }
};

/*
 * Words are compared as code points, so å is one letter.  No name in
 * the table, nor a rule id, comes near MAXCP; a word of more bytes
 * than NEAR_BYTES is dismissed before any Unicode work (a code point
 * is at most 4 bytes, and NFC and folding do not grow a near miss past
 * that).
 */
#define MAXCP		64
#define NEAR_BYTES	(4 * MAXCP)

struct word {
	uint32_t	cp[MAXCP];
	size_t		n;
};

/* '_', '-' and ' ' are one letter to the comparison. */
static uint32_t
same_dash(uint32_t c)
{
	return c == '_' || c == ' ' ? '-' : c;
}

/* The code points of len bytes of UTF-8; -1 if more than max. */
static int
decode(const char *s, size_t len, struct word *w, size_t max)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + len;
	ucs4_t c;
	int n;

	if (max > MAXCP)
		max = MAXCP;
	for (w->n = 0; p < end; p += n) {
		if (w->n == max)
			return -1;
		if (*p < 0x80)
			c = *p, n = 1;
		else if ((n = u8_mbtouc(&c, p, (size_t)(end - p))) <= 0)
			return -1;
		w->cp[w->n++] = same_dash(c);
	}
	return 0;
}

/*
 * The word a text is compared as: NFC, case folded (tuff_name_key),
 * with '_' and ' ' as '-'.  -1 for a text too long to be a near miss,
 * or not UTF-8.  b is scratch memory reused from word to word.
 */
static int
word_of(struct tuff_namebuf *b, const char *s, size_t len, struct word *w)
{
	if (len > NEAR_BYTES || tuff_name_key(b, s, len, TUFF_NAME_FOLD) == -1)
		return -1;
	return decode(b->s, b->len, w, MAXCP);
}

/*
 * How far a word may be from a name of n letters to be taken for a
 * typo of it: two edits, but one for names of up to four letters, for
 * two edits turn "ok" into "id" and "dag" into "due".
 */
static int
allowed(size_t n)
{
	return n >= 5 ? 2 : 1;
}

#define MIN3(a, b, c)	((a) < (b) ? ((a) < (c) ? (a) : (c)) : \
			    ((b) < (c) ? (b) : (c)))

/*
 * The optimal string alignment distance between a and b (insertions,
 * deletions, substitutions, and transpositions of neighbours, each one
 * edit; Damerau-Levenshtein where no letter is edited twice), or
 * max + 1 when it is more than max.  Only cells within max of the
 * diagonal are computed, so the work is O(length * max), and it stops
 * as soon as a whole band row is past max.
 */
static int
distance(const struct word *a, const struct word *b, int max)
{
	int row[3][MAXCP + 1], *pp, *prev, *cur, *t, far = max + 1;
	size_t i, j, lo, hi, n = a->n, m = b->n, k = (size_t)max;
	int v, best;

	if ((n > m ? n - m : m - n) > k)
		return far;
	pp = row[0], prev = row[1], cur = row[2];
	for (j = 0; j <= m && j <= k + 1; j++)
		prev[j] = j <= k ? (int)j : far;
	for (i = 1; i <= n; i++) {
		lo = i > k ? i - k : 1;
		hi = i + k < m ? i + k : m;
		cur[lo - 1] = lo - 1 == 0 && i <= k ? (int)i : far;
		if (hi + 1 <= m)
			cur[hi + 1] = far;
		best = cur[lo - 1];
		for (j = lo; j <= hi; j++) {
			v = MIN3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] +
			    (a->cp[i - 1] != b->cp[j - 1]));
			if (i > 1 && j > 1 && a->cp[i - 1] == b->cp[j - 2] &&
			    a->cp[i - 2] == b->cp[j - 1] && pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			cur[j] = v > far ? far : v;
			if (cur[j] < best)
				best = cur[j];
		}
		if (best > max)
			return far;
		t = pp, pp = prev, prev = cur, cur = t;
	}
	return prev[m] > max ? far : prev[m];
}

/* Is name (NUL-terminated) the len bytes at s?  Without a strlen. */
static int
same(const char *name, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (name[i] != s[i] || name[i] == '\0')
			return 0;
	return name[len] == '\0';
}

/*
 * A set of names to search: the name pointers are stride bytes apart
 * from base (a plain array of strings, or the first member of an array
 * of structures), n of them, or up to a NULL when n is 0.
 */
struct names {
	const void	*base;
	size_t		 stride;
	size_t		 n;
};

static const char *
name_at(const struct names *ns, size_t i)
{
	if (ns->n > 0 && i >= ns->n)
		return NULL;
	return *(const char *const *)(const void *)((const char *)ns->base +
	    i * ns->stride);
}

/*
 * The index of the name nearest to word w, when it is within allowed()
 * of it, with the distance in *dist; -1 when none is.  The first of
 * equally near names wins, so the answer depends on nothing but the
 * table's order.  The caller has made sure the word is not one of the
 * names as it stands.
 */
static long
nearest(const struct names *ns, const struct word *w, int *dist)
{
	struct word cand;
	const char *name;
	long best = -1;
	int d;
	size_t i, len;

	*dist = MAXCP;
	for (i = 0; (name = name_at(ns, i)) != NULL; i++) {
		/* No more letters than bytes: a name too short or too long
		 * to be within two edits is not decoded to the end. */
		len = strlen(name);
		if (len + 2 < w->n || decode(name, len, &cand, w->n + 3) == -1)
			continue;
		d = distance(w, &cand, allowed(cand.n));
		if (d <= allowed(cand.n) && d < *dist) {
			best = (long)i;
			*dist = d;
		}
	}
	return best;
}

/* Is s (len bytes) one of the names as it stands? */
static int
is_one_of(const struct names *ns, const char *s, size_t len)
{
	const char *name;
	size_t i;

	for (i = 0; (name = name_at(ns, i)) != NULL; i++)
		if (same(name, s, len))
			return 1;
	return 0;
}

/* The name s (len bytes) is a near miss of, with scratch memory b. */
static const char *
near_in(struct tuff_namebuf *b, const struct names *ns, const char *s,
    size_t len)
{
	struct word w;
	long i;
	int d;

	if (is_one_of(ns, s, len) || word_of(b, s, len, &w) == -1 ||
	    (i = nearest(ns, &w, &d)) < 0)
		return NULL;
	return name_at(ns, (size_t)i);
}

const char *
tuff_schema_near(const char *word, size_t len, const char *const *names,
    size_t n)
{
	struct names ns = { names, sizeof(*names), n };
	struct tuff_namebuf b = { NULL, 0, 0 };
	const char *near = near_in(&b, &ns, word, len);

	tuff_namebuf_free(&b);
	return near;
}

static const struct key *
find_key(const struct key *keys, const char *s, size_t len)
{
	const struct key *k;

	for (k = keys; k->name != NULL; k++)
		if (same(k->name, s, len))
			return k;
	return NULL;
}

int
tuff_schema_is_kind(const char *kind, size_t len)
{
	return find_key(kinds, kind, len) != NULL;
}

/*
 * tuff_schema_near_kind with scratch memory b: the nearer of the
 * nearest kind and the nearest Swedish word, the kind on a tie.
 */
static const char *
near_kind(struct tuff_namebuf *b, const char *kind, size_t len)
{
	const struct names kn = { kinds, sizeof(kinds[0]), 0 };
	const struct names sv = { swedish, sizeof(swedish[0]), 0 };
	struct word w;
	long i, j;
	int di, dj;

	if (tuff_schema_is_kind(kind, len) || word_of(b, kind, len, &w) == -1)
		return NULL;
	i = nearest(&kn, &w, &di);
	j = nearest(&sv, &w, &dj);
	if (j >= 0 && (i < 0 || dj < di))
		return swedish[j].kind;
	return i >= 0 ? kinds[i].name : NULL;
}

const char *
tuff_schema_near_kind(const char *kind, size_t len)
{
	struct tuff_namebuf b = { NULL, 0, 0 };
	const char *near = near_kind(&b, kind, len);

	tuff_namebuf_free(&b);
	return near;
}

/*
 * A record without a kind.  When one of its keys looks like "kind"
 * ("Kind:", "knid:"), that is the likely reason, and said where it is.
 */
static void
no_kind(struct tuff_namebuf *b, const struct tuff_doc *doc)
{
	static const char *const kind[] = { "kind" };
	const struct names ns = { kind, sizeof(kind[0]), 1 };
	const struct tuff_node *k;
	size_t i;

	for (i = 0; i < doc->root->u.map.n; i++) {
		k = doc->root->u.map.pairs[i].key;
		if (k->type != TUFF_SCALAR ||
		    near_in(b, &ns, k->u.s.val, k->u.s.len) == NULL)
			continue;
		tuff_input_warning(doc->file, k->line, k->column,
		    "record has no kind, passed through; did you mean "
		    "\"kind\" for \"%s\"?", k->u.s.val);
		return;
	}
	tuff_input_warning(doc->file, doc->line, doc->column,
	    "record has no kind; passed through");
}

/* A kind that is a scalar: is it a string, and a known one? */
static void
check_kind_scalar(struct tuff_namebuf *b, const struct tuff_doc *doc,
    const struct tuff_node *k)
{
	struct tuff_scalar s = tuff_scalar_of(k);
	const char *near;
	char shown[128];

	switch (tuff_scalar_type(&s)) {
	case TUFF_T_NULL:
		tuff_input_warning(doc->file, k->line, k->column,
		    "record has an empty kind; passed through");
		return;
	case TUFF_T_BOOL:
	case TUFF_T_INT:
	case TUFF_T_NUMBER:
		tuff_input_warning(doc->file, k->line, k->column,
		    "record's kind %s is not a string; passed through",
		    tuff_scalar_show(&s, shown, sizeof(shown)));
		return;
	default:
		break;	/* a string; a bad tag is the reader's to refuse */
	}
	if (s.len == 0)
		tuff_input_warning(doc->file, k->line, k->column,
		    "record has an empty kind; passed through");
	else if ((near = near_kind(b, s.val, s.len)) != NULL)
		tuff_input_warning_once("kind", s.val, s.len, doc->file,
		    k->line, k->column, "unknown kind \"%s\", passed through; "
		    "did you mean \"%s\"?", s.val, near);
}

void
tuff_schema_check_kind(const struct tuff_doc *doc)
{
	struct tuff_namebuf b = { NULL, 0, 0 };
	const struct tuff_node *k;

	if (doc->root == NULL || doc->root->type != TUFF_MAP)
		return;
	if ((k = tuff_map_get(doc->root, "kind")) == NULL)
		no_kind(&b, doc);
	else if (k->type != TUFF_SCALAR)
		tuff_input_warning(doc->file, k->line, k->column,
		    "record's kind is %s, not a string; passed through",
		    tuff_type_name(k));
	else
		check_kind_scalar(&b, doc, k);
	tuff_namebuf_free(&b);
}

static const struct tuff_place *
place_of(const struct key *table, const char *name)
{
	const struct key *k;

	if (name == NULL || (k = find_key(table, name, strlen(name))) == NULL)
		return NULL;
	return &places[k->place];
}

const struct tuff_place *
tuff_schema_place(const char *kind)
{
	const struct tuff_place *p = place_of(kinds, kind);

	return p != NULL ? p : place_of(files, kind);
}

const struct tuff_place *
tuff_schema_child(const struct tuff_place *p, const char *key, size_t len)
{
	const struct child *c;
	enum place_id id;

	if (p == NULL)
		return NULL;
	id = (enum place_id)(p - places);
	for (c = children; c < children + NCHILDREN; c++)
		if (c->parent == id && same(c->key, key, len))
			return &places[c->place];
	return p->any != P_NONE ? &places[p->any] : NULL;
}

/* tuff_schema_near_key with scratch memory b. */
static const char *
near_key(struct tuff_namebuf *b, const struct tuff_place *p,
    const char *key, size_t len)
{
	const struct names ns = { p->keys, sizeof(p->keys[0]), 0 };

	return p->keys != NULL ? near_in(b, &ns, key, len) : NULL;
}

const char *
tuff_schema_near_key(const struct tuff_place *p, const char *key,
    size_t len)
{
	struct tuff_namebuf b = { NULL, 0, 0 };
	const char *near = p != NULL ? near_key(&b, p, key, len) : NULL;

	tuff_namebuf_free(&b);
	return near;
}

/* tuff_schema_check_key with scratch memory b. */
static int
check_key(struct tuff_namebuf *b, const struct tuff_place *p,
    const char *key, size_t len, const char *file, unsigned long line,
    unsigned long column)
{
	const char *near;

	/* A near miss is short: len fits an int. */
	if ((near = near_key(b, p, key, len)) == NULL)
		return 0;
	tuff_input_warning_once(p->name, key, len, file, line, column,
	    "unknown key \"%.*s\", ignored; did you mean \"%s\"?", (int)len,
	    key, near);
	return 1;
}

int
tuff_schema_check_key(const struct tuff_place *p, const char *key,
    size_t len, const char *file, unsigned long line, unsigned long column)
{
	struct tuff_namebuf b = { NULL, 0, 0 };
	int rc = p != NULL ? check_key(&b, p, key, len, file, line, column) : 0;

	tuff_namebuf_free(&b);
	return rc;
}

/*
 * The walk: a frame is a mapping at a place, or a sequence whose
 * mappings are at that place.  The table is at most four places deep,
 * two frames each, so the stack is fixed whatever the input's depth.
 */
#define MAXFRAMES	16

struct frame {
	const struct tuff_place	*p;
	const struct tuff_node	*n;
	size_t			 i;
};

static size_t
length(const struct tuff_node *n)
{
	return n->type == TUFF_MAP ? n->u.map.n : n->u.seq.n;
}

static void
walk(const struct tuff_doc *doc, const struct tuff_place *p)
{
	struct tuff_namebuf b = { NULL, 0, 0 };
	struct frame st[MAXFRAMES], *f;
	const struct tuff_pair *pair;
	const struct tuff_node *n;
	const struct tuff_place *child;
	size_t sp = 0;

	st[sp++] = (struct frame){ p, doc->root, 0 };
	while (sp > 0) {
		f = &st[sp - 1];
		if (f->i == length(f->n)) {
			sp--;
			continue;
		}
		if (f->n->type == TUFF_SEQ) {
			n = f->n->u.seq.items[f->i++];
			child = f->p;
		} else {
			pair = &f->n->u.map.pairs[f->i++];
			n = pair->val;
			if (pair->key->type != TUFF_SCALAR)
				continue;
			check_key(&b, f->p, pair->key->u.s.val,
			    pair->key->u.s.len, doc->file, pair->key->line,
			    pair->key->column);
			child = tuff_schema_child(f->p, pair->key->u.s.val,
			    pair->key->u.s.len);
		}
		if (child != NULL && sp < MAXFRAMES && (n->type == TUFF_MAP ||
		    (n->type == TUFF_SEQ && f->n->type == TUFF_MAP)))
			st[sp++] = (struct frame){ child, n, 0 };
	}
	tuff_namebuf_free(&b);
}

void
tuff_schema_check_keys(const struct tuff_doc *doc)
{
	const struct tuff_place *p;

	if (doc->root != NULL && doc->root->type == TUFF_MAP &&
	    (p = place_of(kinds, doc->kind)) != NULL)
		walk(doc, p);
}

void
tuff_schema_check_file(const struct tuff_doc *doc, const char *place)
{
	const struct tuff_place *p;

	if (doc->root != NULL && doc->root->type == TUFF_MAP &&
	    (p = tuff_schema_place(place)) != NULL)
		walk(doc, p);
}

/*
 * Write the keys of place id at path, then the places under them; a
 * place written before is not written again.  The table is four
 * places deep at most: the recursion is bounded by it, not by input.
 */
static int
list_place(FILE *fp, const char *path, enum place_id id,
    unsigned char done[NPLACES])
{
	const struct tuff_place *p = &places[id], *c;
	const char *const *k;
	char sub[256];

	if (done[id])
		return 0;
	done[id] = 1;
	if (p->keys == NULL)	/* names: no level of their own */
		return p->any != P_NONE ? list_place(fp, path, p->any, done) : 0;
	for (k = p->keys; *k != NULL; k++)
		if (fprintf(fp, "%s %s\n", path, *k) < 0)
			return -1;
	for (k = p->keys; *k != NULL; k++) {
		if ((c = tuff_schema_child(p, *k, strlen(*k))) == NULL)
			continue;
		snprintf(sub, sizeof(sub), "%s.%s", path, *k);
		if (list_place(fp, sub, (enum place_id)(c - places),
		    done) == -1)
			return -1;
	}
	return 0;
}

int
tuff_schema_list(FILE *fp)
{
	unsigned char done[NPLACES] = { 0 };
	const struct key *k;

	for (k = kinds; k->name != NULL; k++)
		if (fprintf(fp, "kind %s\n", k->name) < 0)
			return -1;
	for (k = kinds; k->name != NULL; k++)
		if (list_place(fp, k->name, k->place, done) == -1)
			return -1;
	for (k = files; k->name != NULL; k++)
		if (list_place(fp, k->name, k->place, done) == -1)
			return -1;
	return fflush(fp) == 0 && !ferror(fp) ? 0 : -1;
}
