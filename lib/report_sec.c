/*
 * tuff-report's sections, in the order the leadership team reads them:
 * the key figures, Uppdrag, Framsteg att fira, TBLS, HME and
 * Användarresor, and a footnote on what the report rests on.
 *
 * Each section sorts what it shows (by days, by id, by unit and
 * period; ties by the order the records came in), so the same records
 * give the same report in any order of their kinds.
 */
#include <stdlib.h>
#include <string.h>

#include "report_int.h"
#include "report_text.h"
#include "tuff/diag.h"

static const enum rp_text principle_text[RP_NPRINCIPLES] = {
	T_PR_TILLIT, T_PR_OPPENHET, T_PR_MEDBORGARFOKUS,
	T_PR_HANDLINGSUTRYMME, T_PR_STOD, T_PR_HELHETSSYN, T_PR_KUNSKAP
};
static const enum rp_text severity_text[RP_NSEV] = {
	T_SEV_ERROR, T_SEV_WARNING, T_SEV_NOTE
};

static int
cmp_seq(size_t a, size_t b)
{
	return a < b ? -1 : a > b;
}

/*
 * Uppdrag and Framsteg att fira.
 */

enum pick {
	PICK_LATE = 0,		/* assignments past their due date */
	PICK_SOON,		/* assignments due within the window */
	PICK_MS_WAITING,	/* milestones due within the window or past */
	PICK_REACHED,		/* milestones reached within the window */
	PICK_OBSTACLES		/* obstacles open */
};

static const enum rp_what pick_from[] = {
	RP_DUE, RP_DUE, RP_MS_DUE, RP_MS_REACHED, RP_OBSTACLE
};

static int
wanted(const struct report *r, enum pick p, const struct rp_item *it)
{
	long w = r->o.within;

	switch (p) {
	case PICK_LATE:
		return it->known && it->days > 0;
	case PICK_SOON:
		return it->known && it->days <= 0 && -it->days <= w;
	case PICK_MS_WAITING:
		return !it->known || -it->days <= w;
	case PICK_REACHED:
		return !it->known || (it->days >= 0 && it->days <= w);
	default:
		return !it->known || it->days >= 0;
	}
}

/*
 * Most days first (the longest overdue, the soonest due, the oldest
 * obstacle) but the latest reached first; unknown days last; then by
 * assignment and the order of the records.
 */
static int
cmp_days_desc(const void *pa, const void *pb)
{
	const struct rp_item *a = *(const struct rp_item *const *)pa;
	const struct rp_item *b = *(const struct rp_item *const *)pb;
	int c;

	if (a->known != b->known)
		return a->known ? -1 : 1;
	if (a->known && a->days != b->days)
		return a->days > b->days ? -1 : 1;
	if ((c = strcmp(a->assignment, b->assignment)) != 0)
		return c;
	return cmp_seq(a->seq, b->seq);
}

static int
cmp_days_asc(const void *pa, const void *pb)
{
	const struct rp_item *a = *(const struct rp_item *const *)pa;
	const struct rp_item *b = *(const struct rp_item *const *)pb;

	if (a->known && b->known && a->days != b->days)
		return a->days < b->days ? -1 : 1;
	return cmp_days_desc(pa, pb);
}

/* The items of a pick, sorted; *n of them.  The caller frees. */
static const struct rp_item **
pick(const struct report *r, enum pick p, size_t *n)
{
	const struct vec *v = &r->items[pick_from[p]];
	const struct rp_item **out;
	size_t i;

	out = (const struct rp_item **)rp_pointers(v, sizeof(struct rp_item));
	*n = 0;
	for (i = 0; i < v->n; i++)
		if (wanted(r, p, out[i]))
			out[(*n)++] = out[i];
	if (*n > 0)
		qsort(out, *n, sizeof(*out), p == PICK_REACHED ?
		    cmp_days_asc : cmp_days_desc);
	return out;
}

static size_t
count_pick(const struct report *r, enum pick p)
{
	const struct rp_item **it;
	size_t n;

	it = pick(r, p, &n);
	free(it);
	return n;
}

/* "U-2021-001 Passerkort ...": the id and, when known, the title. */
static const char *
assignment_cell(struct report *r, const struct rp_item *it)
{
	if (it->title == NULL)
		return it->assignment;
	return rp_printf(r, "%s %s", it->assignment, it->title);
}

/* The day an item's days count from, when only the days were given. */
static const char *
item_date(struct report *r, const struct rp_item *it)
{
	if (it->has_date)
		return rp_date(r, it->date);
	if (it->known)
		return rp_date(r, r->as_of - it->days);
	return rp_t(T_UNKNOWN);
}

static void
table_late(struct rp_out *o, const struct rp_item **it, size_t n)
{
	static const char *head[4];
	struct report *r = o->r;
	struct rp_table t;
	size_t i;

	head[0] = rp_t(T_COL_ASSIGNMENT);
	head[1] = rp_t(T_COL_OWNER);
	head[2] = rp_t(T_COL_WAS_DUE);
	head[3] = rp_t(T_COL_LATE);
	rp_table_init(&t, 4, head, "lldr");
	for (i = 0; i < n; i++) {
		rp_cell(&t, assignment_cell(r, it[i]), NULL);
		rp_cell(&t, it[i]->owner, NULL);
		rp_cell(&t, item_date(r, it[i]), NULL);
		rp_cell(&t, rp_count(r, it[i]->days, P_DAYS), "alert");
	}
	rp_table(o, &t);
	rp_table_free(&t);
}

static void
table_soon(struct rp_out *o, const struct rp_item **it, size_t n)
{
	static const char *head[4];
	struct report *r = o->r;
	struct rp_table t;
	size_t i;

	head[0] = rp_t(T_COL_ASSIGNMENT);
	head[1] = rp_t(T_COL_OWNER);
	head[2] = rp_t(T_COL_DUE);
	head[3] = rp_t(T_COL_LEFT);
	rp_table_init(&t, 4, head, "lldr");
	for (i = 0; i < n; i++) {
		rp_cell(&t, assignment_cell(r, it[i]), NULL);
		rp_cell(&t, it[i]->owner, NULL);
		rp_cell(&t, item_date(r, it[i]), NULL);
		rp_cell(&t, it[i]->days == 0 ? rp_t(T_TODAY) :
		    rp_count(r, -it[i]->days, P_DAYS), NULL);
	}
	rp_table(o, &t);
	rp_table_free(&t);
}

/* "17 dagar sent", "i dag", "om 5 dagar". */
static const char *
state_cell(struct report *r, const struct rp_item *it, const char **cls)
{
	*cls = NULL;
	if (!it->known)
		return rp_t(T_UNKNOWN);
	if (it->days == 0)
		return rp_t(T_TODAY);
	if (it->days < 0)
		return rp_count(r, -it->days, P_DAYS_LEFT);
	*cls = "alert";
	return rp_count(r, it->days, P_DAYS_LATE);
}

static void
table_milestones(struct rp_out *o, const struct rp_item **it, size_t n)
{
	static const char *head[4];
	struct report *r = o->r;
	struct rp_table t;
	const char *cls, *s;
	size_t i;

	head[0] = rp_t(T_COL_ASSIGNMENT);
	head[1] = rp_t(T_COL_MILESTONE);
	head[2] = rp_t(T_COL_DATE);
	head[3] = rp_t(T_COL_STATE);
	rp_table_init(&t, 4, head, "lldr");
	for (i = 0; i < n; i++) {
		rp_cell(&t, assignment_cell(r, it[i]), NULL);
		rp_cell(&t, it[i]->name, NULL);
		rp_cell(&t, item_date(r, it[i]), NULL);
		s = state_cell(r, it[i], &cls);
		rp_cell(&t, s, cls);
	}
	rp_table(o, &t);
	rp_table_free(&t);
}

static void
table_obstacles(struct rp_out *o, const struct rp_item **it, size_t n)
{
	static const char *head[5];
	struct report *r = o->r;
	struct rp_table t;
	size_t i;

	head[0] = rp_t(T_COL_ASSIGNMENT);
	head[1] = rp_t(T_COL_OBSTACLE);
	head[2] = rp_t(T_COL_OBST_OWNER);
	head[3] = rp_t(T_COL_RAISED);
	head[4] = rp_t(T_COL_OPEN);
	rp_table_init(&t, 5, head, "llldr");
	for (i = 0; i < n; i++) {
		rp_cell(&t, assignment_cell(r, it[i]), NULL);
		rp_cell(&t, it[i]->name, NULL);
		if (it[i]->who != NULL)
			rp_cell(&t, it[i]->who, NULL);
		else
			rp_cell(&t, rp_t(T_NO_OWNER), "alert");
		rp_cell(&t, item_date(r, it[i]), NULL);
		rp_cell(&t, it[i]->known ? rp_count(r, it[i]->days, P_DAYS) :
		    rp_t(T_UNKNOWN), NULL);
	}
	rp_table(o, &t);
	rp_table_free(&t);
}

/* One subsection: its heading, and a table or the sentence for none. */
static void
assignment_part(struct rp_out *o, enum pick p, const char *heading,
    const char *none, void (*table)(struct rp_out *,
    const struct rp_item **, size_t))
{
	const struct rp_item **it;
	size_t n;

	rp_heading(o, 3, heading, NULL);
	it = pick(o->r, p, &n);
	if (n == 0)
		rp_para(o, none);
	else
		table(o, it, n);
	free(it);
}

void
rp_assignments(struct rp_out *o)
{
	struct report *r = o->r;

	rp_section(o, "uppdrag", 0);
	rp_heading(o, 2, rp_t(T_ASSIGNMENTS), "uppdrag");
	if (r->followups == 0)
		rp_para(o, rp_t(T_NO_FOLLOWUPS));
	else {
		assignment_part(o, PICK_LATE, rp_t(T_LATE), rp_t(T_NONE_LATE),
		    table_late);
		assignment_part(o, PICK_SOON, rp_count(r, r->o.within,
		    P_DUE_WITHIN), rp_count(r, r->o.within, P_NONE_DUE_WITHIN),
		    table_soon);
		assignment_part(o, PICK_MS_WAITING, rp_t(T_MS_WAITING),
		    rp_t(T_NONE_MS_WAITING), table_milestones);
		assignment_part(o, PICK_OBSTACLES, rp_t(T_OBSTACLES),
		    rp_t(T_NONE_OBSTACLES), table_obstacles);
	}
	rp_section_end(o);
}

void
rp_celebrate(struct rp_out *o)
{
	static const char *head[3];
	struct report *r = o->r;
	const struct rp_item **it;
	const char *since = rp_date(r, r->as_of - r->o.within);
	struct rp_table t;
	size_t i, n;

	rp_section(o, "fira", 0);
	rp_heading(o, 2, rp_t(T_CELEBRATE), "fira");
	if (r->followups == 0) {
		rp_para(o, rp_t(T_NO_FOLLOWUPS));
		rp_section_end(o);
		return;
	}
	it = pick(r, PICK_REACHED, &n);
	if (n == 0)
		rp_para(o, rp_printf(r, rp_t(T_NONE_REACHED), since));
	else {
		rp_para(o, rp_printf(r, rp_t(T_CELEBRATE_LEAD), since));
		head[0] = rp_t(T_COL_MILESTONE);
		head[1] = rp_t(T_COL_ASSIGNMENT);
		head[2] = rp_t(T_COL_REACHED);
		rp_table_init(&t, 3, head, "lld");
		t.cls = "celebrate";
		for (i = 0; i < n; i++) {
			rp_cell(&t, it[i]->name, NULL);
			rp_cell(&t, assignment_cell(r, it[i]), NULL);
			rp_cell(&t, item_date(r, it[i]), NULL);
		}
		rp_table(o, &t);
		rp_table_free(&t);
	}
	free(it);
	rp_section_end(o);
}

/*
 * TBLS.
 */

/* Assignments before decisions, each by id; no id last, by order. */
static int
cmp_profile(const void *pa, const void *pb)
{
	const struct rp_profile *a = *(const struct rp_profile *const *)pa;
	const struct rp_profile *b = *(const struct rp_profile *const *)pb;
	int c;

	if (a->decision != b->decision)
		return a->decision ? 1 : -1;
	if ((c = rp_cmp_str(a->record, b->record)) != 0)
		return c;
	return cmp_seq(a->seq, b->seq);
}

/* By record (no id last), then in the order tbls-check wrote them. */
static int
cmp_finding(const void *pa, const void *pb)
{
	const struct rp_finding *a = *(const struct rp_finding *const *)pa;
	const struct rp_finding *b = *(const struct rp_finding *const *)pb;
	int c;

	if ((c = rp_cmp_str(a->record, b->record)) != 0)
		return c;
	return cmp_seq(a->seq, b->seq);
}

/* The first finding of record id (NULL: without id) in the sorted f. */
static size_t
first_finding(const struct rp_finding **f, size_t n, const char *id)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (rp_cmp_str(f[mid]->record, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static size_t
findings_of(const struct rp_finding **f, size_t n, const char *id,
    size_t *end)
{
	size_t i = first_finding(f, n, id);

	for (*end = i; *end < n && rp_cmp_str(f[*end]->record, id) == 0;
	    (*end)++)
		;
	return i;
}

/* "2/2" with its class: all passed, some not, nothing checked. */
static void
pc_cell(struct report *r, struct rp_table *t, long passed, long checked)
{
	if (checked == 0)
		rp_cell(t, "\xe2\x80\x93", "none");		/* U+2013 */
	else
		rp_cell(t, rp_printf(r, "%ld/%ld", passed, checked),
		    passed == checked ? "ok" : "miss");
}

static void
tbls_table(struct rp_out *o, const struct rp_profile **p, size_t n)
{
	static const char *head[RP_NPRINCIPLES + 2], *group[5];
	static const int span[5] = { 1, 3, 2, 2, 1 };
	struct report *r = o->r;
	struct rp_table t;
	size_t i;
	int k;

	head[0] = rp_t(T_COL_RECORD);
	for (k = 0; k < RP_NPRINCIPLES; k++)
		head[k + 1] = rp_t(principle_text[k]);
	head[RP_NPRINCIPLES + 1] = rp_t(T_COL_TOTAL);
	group[0] = group[4] = NULL;
	group[1] = rp_t(T_AREA_CULTURE);
	group[2] = rp_t(T_AREA_GOVERNANCE);
	group[3] = rp_t(T_AREA_ORGANISATION);
	rp_table_init(&t, RP_NPRINCIPLES + 2, head, "lrrrrrrrr");
	t.cls = "tbls";
	t.caption = rp_t(T_TBLS_TABLE);
	t.group = group;
	t.span = span;
	t.ngroup = 5;
	for (i = 0; i < n; i++) {
		rp_cell(&t, p[i]->record != NULL ? p[i]->record :
		    rp_t(T_NO_ID), NULL);
		for (k = 0; k < RP_NPRINCIPLES; k++)
			pc_cell(r, &t, p[i]->pc[k][0], p[i]->pc[k][1]);
		pc_cell(r, &t, p[i]->passed, p[i]->checked);
	}
	rp_table(o, &t);
	rp_table_free(&t);
}

/* A record's findings under a heading of its id and title. */
static void
tbls_findings(struct rp_out *o, const struct rp_finding **f, size_t from,
    size_t to)
{
	struct report *r = o->r;
	const char *id = f[from]->record, *title, **items;
	size_t i;

	title = rp_title_of(r, id);
	rp_heading(o, 4, id == NULL ? rp_t(T_NO_ID) : title == NULL ? id :
	    rp_printf(r, "%s %s", id, title), NULL);
	items = rp_alloc(r, (to - from) * sizeof(*items));
	for (i = from; i < to; i++)
		items[i - from] = f[i]->principle < 0 ?
		    rp_printf(r, rp_t(T_FINDING_NO_PRINCIPLE),
		    rp_t(severity_text[f[i]->sev]), f[i]->message, f[i]->rule) :
		    rp_printf(r, rp_t(T_FINDING),
		    rp_t(severity_text[f[i]->sev]),
		    rp_t(principle_text[f[i]->principle]), f[i]->message,
		    f[i]->rule);
	rp_list(o, items, to - from);
}

static int
cmp_record(const void *pa, const void *pb)
{
	return rp_cmp_str((*(const struct rp_profile *const *)pa)->record,
	    (*(const struct rp_profile *const *)pb)->record);
}

/* Is there a profile of record id?  byid is sorted by record. */
static int
has_profile(const struct rp_profile **byid, size_t n, const char *id)
{
	struct rp_profile key;
	const struct rp_profile *kp = &key;

	key.record = id;
	return n > 0 && bsearch(&kp, byid, n, sizeof(*byid), cmp_record) !=
	    NULL;
}

static void
tbls_summary(struct rp_out *o, const struct rp_profile **p, size_t n)
{
	struct report *r = o->r;
	const struct rp_finding *f = r->findings.v;
	long kinds[2] = { 0, 0 }, sev[RP_NSEV] = { 0, 0, 0 };
	size_t i;

	for (i = 0; i < n; i++)
		kinds[p[i]->decision]++;
	for (i = 0; i < r->findings.n; i++)
		sev[f[i].sev]++;
	rp_para(o, rp_printf(r, rp_t(T_TBLS_CHECKED),
	    rp_count(r, kinds[0], P_ASSIGNMENTS),
	    rp_count(r, kinds[1], P_DECISIONS),
	    rp_count(r, sev[RP_ERROR], P_ERRORS),
	    rp_count(r, sev[RP_WARNING], P_WARNINGS),
	    rp_count(r, sev[RP_NOTE], P_NOTES)));
	rp_para(o, rp_t(T_TBLS_AREAS));
	tbls_table(o, p, n);
}

void
rp_tbls(struct rp_out *o)
{
	struct report *r = o->r;
	const struct rp_profile **p, **byid;
	const struct rp_finding **f;
	const char **clean;
	size_t i, j, end, nclean = 0, nf = r->findings.n;

	rp_section(o, "tbls", 1);
	rp_heading(o, 2, rp_t(T_TBLS), "tbls");
	if (r->profiles.n == 0 && nf == 0) {
		rp_para(o, rp_t(T_NO_TBLS));
		rp_section_end(o);
		return;
	}
	p = (const struct rp_profile **)rp_pointers(&r->profiles,
	    sizeof(struct rp_profile));
	f = (const struct rp_finding **)rp_pointers(&r->findings,
	    sizeof(struct rp_finding));
	byid = (const struct rp_profile **)rp_pointers(&r->profiles,
	    sizeof(struct rp_profile));
	if (r->profiles.n > 0) {
		qsort(p, r->profiles.n, sizeof(*p), cmp_profile);
		qsort(byid, r->profiles.n, sizeof(*byid), cmp_record);
	}
	if (nf > 0)
		qsort(f, nf, sizeof(*f), cmp_finding);
	if (r->profiles.n > 0)
		tbls_summary(o, p, r->profiles.n);
	clean = rp_alloc(r, (r->profiles.n + 1) * sizeof(*clean));
	if (nf > 0)
		rp_heading(o, 3, rp_t(T_TBLS_FINDINGS), NULL);
	/* In the table's order; a record without id has no findings of
	 * its own to be matched by. */
	for (i = 0; i < r->profiles.n; i++) {
		if (p[i]->record == NULL)
			continue;
		j = findings_of(f, nf, p[i]->record, &end);
		if (j < end)
			tbls_findings(o, f, j, end);
		else
			clean[nclean++] = p[i]->record;
	}
	/* Then findings of records without a profile. */
	for (i = 0; i < nf; i = end) {
		j = findings_of(f, nf, f[i]->record, &end);
		if (f[i]->record == NULL || !has_profile(byid, r->profiles.n,
		    f[i]->record))
			tbls_findings(o, f, j, end);
	}
	if (nclean > 0)
		rp_para(o, rp_printf(r, rp_t(T_TBLS_CLEAN),
		    rp_join(r, clean, nclean)));
	free(p);
	free(byid);
	free(f);
	rp_section_end(o);
}

/*
 * The key figures and the footnote.
 */

void
rp_summary(struct rp_out *o)
{
	struct report *r = o->r;
	const struct rp_finding *f = r->findings.v;
	const struct rp_score *hl;
	const char *label[7], *value[7], *cls[7];
	size_t n = 0, i, k;
	long errors = 0;

	if (o->html)
		rp_para_class(o, "lead", rp_printf(r, rp_t(T_LEAD),
		    rp_date(r, r->as_of)));
	else
		rp_para(o, rp_printf(r, rp_t(T_LEAD), rp_date(r, r->as_of)));
	if (r->followups > 0) {
		static const enum pick picks[] = { PICK_LATE, PICK_SOON,
		    PICK_MS_WAITING, PICK_REACHED, PICK_OBSTACLES };
		for (i = 0; i < 5; i++) {
			k = count_pick(r, picks[i]);
			value[n] = rp_printf(r, "%zu", k);
			cls[n] = NULL;
			if (k > 0 && (picks[i] == PICK_LATE ||
			    picks[i] == PICK_OBSTACLES))
				cls[n] = "alert";
			if (k > 0 && picks[i] == PICK_REACHED)
				cls[n] = "good";
			label[n++] = picks[i] == PICK_SOON ?
			    rp_count(r, r->o.within, P_DUE_WITHIN) :
			    rp_t(picks[i] == PICK_LATE ? T_FACT_LATE :
			    picks[i] == PICK_MS_WAITING ? T_FACT_MS_WAITING :
			    picks[i] == PICK_REACHED ? T_FACT_REACHED :
			    T_FACT_OBSTACLES);
		}
	}
	if (r->profiles.n > 0 || r->findings.n > 0) {
		for (i = 0; i < r->findings.n; i++)
			errors += f[i].sev == RP_ERROR;
		label[n] = rp_t(T_FACT_TBLS_ERRORS);
		cls[n] = errors > 0 ? "alert" : NULL;
		value[n++] = rp_printf(r, "%ld", errors);
	}
	if ((hl = rp_hme_headline(r)) != NULL) {
		label[n] = rp_printf(r, rp_t(T_FACT_HME), hl->period,
		    hl->unit);
		cls[n] = NULL;
		value[n++] = hl->suppressed ? rp_t(T_SUPPRESSED) :
		    hl->has[RP_INDEX] ? rp_dec(r, hl->fig[RP_INDEX]) :
		    rp_t(T_NOT_PUBLISHED);
	}
	rp_facts(o, label, value, cls, n);
}

/* Kinds by name, records without a kind last. */
static int
cmp_other(const void *pa, const void *pb)
{
	return rp_cmp_str(((const struct rp_other *)pa)->kind,
	    ((const struct rp_other *)pb)->kind);
}

void
rp_footnote(struct rp_out *o)
{
	struct report *r = o->r;
	const char **kinds, *text;
	size_t i, n = 0;

	text = rp_printf(r, rp_t(T_FOOT_READ), rp_count(r, (long)r->seq,
	    P_RECORDS));
	if (r->others > 0) {
		qsort(r->other, r->nother, sizeof(r->other[0]), cmp_other);
		kinds = rp_alloc(r, (r->nother + 1) * sizeof(*kinds));
		for (i = 0; i < r->nother; i++)
			kinds[n++] = r->other[i].kind == NULL ?
			    rp_printf(r, rp_t(T_FOOT_NO_KIND), r->other[i].n) :
			    rp_printf(r, rp_t(T_FOOT_KIND), r->other[i].kind,
			    r->other[i].n);
		if (r->other_rest > 0)
			kinds[n++] = rp_printf(r, rp_t(T_FOOT_REST),
			    r->other_rest);
		text = rp_printf(r, "%s %s", text, rp_printf(r,
		    rp_t(T_FOOT_OTHERS), rp_count(r, (long)r->others,
		    P_RECORDS), rp_join(r, kinds, n)));
	}
	if (o->html) {
		tuff_buf_puts(o->b, "<footer>\n");
		rp_para(o, text);
		tuff_buf_puts(o->b, "</footer>\n");
	} else {
		tuff_buf_puts(o->b, "\n---\n");
		rp_para(o, text);
	}
}
