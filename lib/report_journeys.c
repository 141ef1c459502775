/*
 * tuff-report's Användarresor section: the journeys ranked by friction,
 * then each journey step by step.  A journey and its challenge (the
 * same id) are one journey, shown from the journey record, which has
 * every step; a challenge alone shows its pains.
 */
#include <stdlib.h>
#include <string.h>

#include "report_int.h"
#include "report_text.h"

#define TOP_FRICTION	15	/* journeys in the friction chart */

static int
cmp_seq(size_t a, size_t b)
{
	return a < b ? -1 : a > b;
}

/* By id, the journey before its challenge. */
static int
cmp_id(const void *pa, const void *pb)
{
	const struct rp_journey *a = *(const struct rp_journey *const *)pa;
	const struct rp_journey *b = *(const struct rp_journey *const *)pb;
	int c;

	if ((c = strcmp(a->id, b->id)) != 0)
		return c;
	if (a->challenge != b->challenge)
		return a->challenge ? 1 : -1;
	return cmp_seq(a->seq, b->seq);
}

/* Highest friction first; ties in the order the records came. */
static int
cmp_rank(const void *pa, const void *pb)
{
	const struct rp_journey *a = *(const struct rp_journey *const *)pa;
	const struct rp_journey *b = *(const struct rp_journey *const *)pb;

	if (a->m.friction != b->m.friction)
		return a->m.friction > b->m.friction ? -1 : 1;
	return cmp_seq(a->seq, b->seq);
}

static const char *
num(struct report *r, long n)
{
	return rp_printf(r, "%ld", n);
}

static void
friction_table(struct rp_out *o, const struct rp_journey **j, size_t n)
{
	static const char *head[8];
	struct report *r = o->r;
	struct rp_table t;
	size_t i;

	head[0] = rp_t(T_COL_JOURNEY);
	head[1] = rp_t(T_COL_FRICTION);
	head[2] = rp_t(T_COL_STEPS);
	head[3] = rp_t(T_COL_HANDOFFS);
	head[4] = rp_t(T_COL_SWITCHES);
	head[5] = rp_t(T_COL_WAIT);
	head[6] = rp_t(T_COL_PAINS);
	head[7] = rp_t(T_COL_MEAN);
	rp_table_init(&t, 8, head, "lrrrrrrr");
	t.caption = rp_t(T_FRICTION_TABLE);
	t.cls = "data";
	for (i = 0; i < n; i++) {
		rp_cell(&t, j[i]->title, NULL);
		rp_cell(&t, num(r, j[i]->m.friction), NULL);
		rp_cell(&t, num(r, j[i]->m.steps), NULL);
		rp_cell(&t, num(r, j[i]->m.handoffs), NULL);
		rp_cell(&t, num(r, j[i]->m.system_switches), NULL);
		rp_cell(&t, num(r, j[i]->m.wait_days), NULL);
		rp_cell(&t, num(r, j[i]->m.pains), NULL);
		rp_cell(&t, j[i]->m.scored ? rp_dec(r, j[i]->m.mean_tenths) :
		    "\xe2\x80\x93", NULL);
	}
	rp_table(o, &t);
	rp_table_free(&t);
}

/* A step's string key, or NULL when absent or blank. */
static const char *
step_text(const struct tuff_node *st, const char *key)
{
	const struct tuff_node *v = tuff_map_get(st, key);

	return v == NULL || v->type != TUFF_SCALAR || tuff_is_empty(v) ?
	    NULL : v->u.s.val;
}

static const char *
score_cell(struct report *r, const struct tuff_node *st)
{
	long score;

	if (tuff_get_int(tuff_map_get(st, "score"), 1, 5, &score) == -1)
		return "\xe2\x80\x93";
	return num(r, score);
}

/*
 * The steps of a journey: the stage and the actor carry over from the
 * step before, the first actor being the persona, as tuff-journey(1)
 * counts handoffs.
 */
static void
steps_table(struct rp_out *o, const struct rp_journey *j)
{
	static const char *head[6];
	struct report *r = o->r;
	const struct tuff_node *steps = tuff_map_get(j->root, "steps"), *st;
	const char *stage = NULL, *actor = step_text(j->root, "persona");
	const char *s;
	struct rp_table t;
	size_t i;

	head[0] = rp_t(T_COL_STEP);
	head[1] = rp_t(T_COL_STAGE);
	head[2] = rp_t(T_COL_ACTION);
	head[3] = rp_t(T_COL_ACTOR);
	head[4] = rp_t(T_COL_SCORE);
	head[5] = rp_t(T_COL_PAIN);
	rp_table_init(&t, 6, head, "rlllrl");
	t.caption = rp_t(T_CURVE_TABLE);
	t.cls = "data steps";
	for (i = 0; i < steps->u.seq.n; i++) {
		st = steps->u.seq.items[i];
		if ((s = step_text(st, "stage")) != NULL)
			stage = s;
		if ((s = step_text(st, "actor")) != NULL)
			actor = s;
		rp_cell(&t, rp_printf(r, "%zu", i + 1), NULL);
		rp_cell(&t, stage, NULL);
		rp_cell(&t, step_text(st, "action"), NULL);
		rp_cell(&t, actor, NULL);
		rp_cell(&t, score_cell(r, st), NULL);
		rp_cell(&t, step_text(st, "pain"), step_text(st, "pain") !=
		    NULL ? "pain" : NULL);
	}
	rp_table(o, &t);
	rp_table_free(&t);
}

/* A challenge without its journey: the pains it lists. */
static void
pains_table(struct rp_out *o, const struct rp_journey *j)
{
	static const char *head[5];
	struct report *r = o->r;
	const struct tuff_node *p;
	struct rp_table t;
	size_t i;

	if (j->pains == NULL || j->pains->u.seq.n == 0)
		return;
	head[0] = rp_t(T_COL_STEP);
	head[1] = rp_t(T_COL_STAGE);
	head[2] = rp_t(T_COL_ACTION);
	head[3] = rp_t(T_COL_SCORE);
	head[4] = rp_t(T_COL_PAIN);
	rp_table_init(&t, 5, head, "rllrl");
	t.caption = rp_t(T_PAINS_TABLE);
	t.cls = "data steps";
	for (i = 0; i < j->pains->u.seq.n; i++) {
		p = j->pains->u.seq.items[i];
		rp_cell(&t, step_text(p, "step"), NULL);
		rp_cell(&t, step_text(p, "stage"), NULL);
		rp_cell(&t, step_text(p, "action"), NULL);
		rp_cell(&t, score_cell(r, p), NULL);
		rp_cell(&t, step_text(p, "pain"), "pain");
	}
	rp_table(o, &t);
	rp_table_free(&t);
}

static void
journey_part(struct rp_out *o, const struct rp_journey *j)
{
	struct report *r = o->r;
	const char *area = step_text(j->root, "area");
	const char *persona = j->challenge ? NULL :
	    step_text(j->root, "persona");

	rp_heading(o, 3, j->title, NULL);
	if (area != NULL && persona != NULL)
		rp_note(o, rp_printf(r, "%s %s",
		    rp_printf(r, rp_t(T_JOURNEY_AREA), area),
		    rp_printf(r, rp_t(T_JOURNEY_PERSONA), persona)));
	else if (area != NULL || persona != NULL)
		rp_note(o, rp_printf(r, rp_t(area != NULL ? T_JOURNEY_AREA :
		    T_JOURNEY_PERSONA), area != NULL ? area : persona));
	rp_figure(o, "journey");
	rp_div(o);
	if (j->challenge)
		pains_table(o, j);
	else {
		rp_chart_journey(o, j);
		steps_table(o, j);
	}
	rp_div_end(o);
	rp_figure_end(o);
}

void
rp_journeys(struct rp_out *o)
{
	struct report *r = o->r;
	const struct rp_journey **j;
	size_t i, n = 0;

	rp_section(o, "resor", 1);
	rp_heading(o, 2, rp_t(T_JOURNEYS), "resor");
	if (r->journeys.n == 0) {
		rp_para(o, rp_t(T_NO_JOURNEYS));
		rp_section_end(o);
		return;
	}
	rp_para(o, rp_t(T_JOURNEYS_LEAD));
	j = (const struct rp_journey **)rp_pointers(&r->journeys,
	    sizeof(**j));
	qsort(j, r->journeys.n, sizeof(*j), cmp_id);
	for (i = 0; i < r->journeys.n; i++)
		if (n == 0 || strcmp(j[n - 1]->id, j[i]->id) != 0)
			j[n++] = j[i];
	qsort(j, n, sizeof(*j), cmp_rank);
	rp_figure(o, "friction");
	rp_div(o);
	rp_chart_friction(o, j, n < TOP_FRICTION ? n : TOP_FRICTION);
	if (o->html && n > TOP_FRICTION)
		rp_note(o, rp_printf(r, rp_t(T_FRICTION_TOP),
		    (size_t)TOP_FRICTION));
	friction_table(o, j, n);
	rp_div_end(o);
	rp_figure_end(o);
	for (i = 0; i < n; i++)
		journey_part(o, j[i]);
	free(j);
	rp_section_end(o);
}
