/*
 * Every word tuff-report writes for people, in one place (report_text.c),
 * so that marking them for gettext later is one file's work: rp_t()
 * becomes _() over the table, rp_n() ngettext().  Texts with %s or %ld
 * are printf formats; the comment beside each says what fills it.
 */
#ifndef TUFF_REPORT_TEXT_H
#define TUFF_REPORT_TEXT_H

enum rp_text {
	/* The page */
	T_TITLE,		/* %s the day: the default title */
	T_LEAD,			/* %s the day */
	T_FACTS,		/* accessible name of the key figures */
	T_FACT,			/* Markdown: %s label, %s value */
	T_FACT_LATE,
	T_FACT_MS_WAITING,
	T_FACT_REACHED,
	T_FACT_OBSTACLES,
	T_FACT_TBLS_ERRORS,
	T_FACT_HME,		/* %s the period, %s the unit */
	T_FOOT_READ,		/* %s "52 poster" */
	T_FOOT_OTHERS,		/* %s "3 poster", %s the kinds */
	T_FOOT_KIND,		/* %s kind, %zu how many */
	T_FOOT_NO_KIND,		/* %zu how many without a kind */
	T_FOOT_REST,		/* %zu how many of further kinds */
	T_LIST_SEP,		/* between items of a list in a sentence */
	T_LIST_LAST,		/* before the last item */
	T_PAIR,			/* "%s: %s" in a chart's description */
	T_DESC_SEP,		/* between the pairs of a description */

	/* Uppdrag */
	T_ASSIGNMENTS,
	T_NO_FOLLOWUPS,
	T_LATE,
	T_NONE_LATE,
	T_MS_WAITING,
	T_NONE_MS_WAITING,
	T_OBSTACLES,
	T_NONE_OBSTACLES,
	T_COL_ASSIGNMENT,
	T_COL_OWNER,
	T_COL_WAS_DUE,
	T_COL_LATE,
	T_COL_DUE,
	T_COL_LEFT,
	T_COL_MILESTONE,
	T_COL_DATE,
	T_COL_STATE,
	T_COL_OBSTACLE,
	T_COL_OBST_OWNER,
	T_COL_RAISED,
	T_COL_OPEN,
	T_NO_OWNER,
	T_TODAY,
	T_UNKNOWN,

	/* Framsteg att fira */
	T_CELEBRATE,
	T_CELEBRATE_LEAD,	/* %s the first day of the window */
	T_NONE_REACHED,		/* %s the first day of the window */
	T_COL_REACHED,

	/* TBLS */
	T_TBLS,
	T_NO_TBLS,
	T_TBLS_CHECKED,		/* %s "3 uppdrag", %s "4 beslut", %s "0 fel",
				   %s "2 varningar", %s "3 noteringar" */
	T_TBLS_AREAS,
	T_TBLS_TABLE,
	T_COL_RECORD,
	T_COL_TOTAL,
	T_TBLS_FINDINGS,
	T_TBLS_CLEAN,		/* %s the ids */
	T_FINDING,		/* %s severity, %s principle, %s message,
				   %s rule */
	T_FINDING_NO_PRINCIPLE,	/* %s severity, %s message, %s rule */
	T_NO_ID,
	T_SEV_ERROR,
	T_SEV_WARNING,
	T_SEV_NOTE,
	T_AREA_CULTURE,
	T_AREA_GOVERNANCE,
	T_AREA_ORGANISATION,
	T_PR_TILLIT,
	T_PR_OPPENHET,
	T_PR_MEDBORGARFOKUS,
	T_PR_HANDLINGSUTRYMME,
	T_PR_STOD,
	T_PR_HELHETSSYN,
	T_PR_KUNSKAP,

	/* HME */
	T_HME,
	T_NO_HME,
	T_HME_LEAD,
	T_HME_OVERVIEW,
	T_COL_UNIT,
	T_COL_PERIOD,
	T_COL_INDEX,
	T_COL_CHANGE,
	T_COL_RESPONDENTS,
	T_SUPPRESSED,
	T_NOT_PUBLISHED,
	T_CHANGE_SINCE,		/* %s the change, %s the period before */
	T_PART_OF,		/* %s the parent units */
	T_UNIT_SEP,		/* between the levels of a unit */
	T_TREND_TITLE,		/* %s the unit */
	T_TREND_DESC,		/* %s the unit, %s the figures */
	T_UNIT_TABLE,
	T_SUB_TITLE,		/* %s the period, %s the unit */
	T_SUB_DESC,		/* %s the figures */
	T_SUB_LABEL,		/* %s the period */
	T_INDEX,
	T_MOTIVATION,
	T_LEADERSHIP,
	T_GOVERNANCE,
	T_AXIS_INDEX,
	T_ITEMS_TITLE,		/* %s the period, %s the unit */
	T_ITEMS_DESC,
	T_ITEMS_TABLE,		/* %s the period */
	T_COL_ITEM,
	T_COL_ANSWERED,
	T_ANSWER_1,
	T_ANSWER_5,
	T_ITEM_M1,
	T_ITEM_M2,
	T_ITEM_M3,
	T_ITEM_L1,
	T_ITEM_L2,
	T_ITEM_L3,
	T_ITEM_S1,
	T_ITEM_S2,
	T_ITEM_S3,

	/* Användarresor */
	T_JOURNEYS,
	T_NO_JOURNEYS,
	T_JOURNEYS_LEAD,
	T_FRICTION_TITLE,
	T_FRICTION_DESC,	/* %s the figures */
	T_FRICTION_TABLE,
	T_FRICTION_TOP,		/* %zu how many the chart shows */
	T_COL_JOURNEY,
	T_COL_FRICTION,
	T_COL_STEPS,
	T_COL_HANDOFFS,
	T_COL_SWITCHES,
	T_COL_WAIT,
	T_COL_PAINS,
	T_COL_MEAN,
	T_JOURNEY_AREA,		/* %s area */
	T_JOURNEY_PERSONA,	/* %s persona */
	T_CURVE_TITLE,		/* %s the journey */
	T_CURVE_DESC,		/* %s the figures */
	T_CURVE_TABLE,
	T_CURVE_STEP,		/* %zu the step */
	T_COL_STEP,
	T_COL_STAGE,
	T_COL_ACTION,
	T_COL_ACTOR,
	T_COL_SCORE,
	T_COL_PAIN,
	T_PAINS_TABLE,
	T_NO_SCORE,
	T_AXIS_SCORE,
	T_AXIS_STEP,
	T_LEGEND_PAIN,

	T_NTEXT
};

/* Texts that take a number, in the singular and the plural. */
enum rp_plural {
	P_DAYS = 0,		/* "%ld dag" */
	P_DAYS_LATE,		/* "%ld dag sent" */
	P_DAYS_LEFT,		/* "om %ld dag" */
	P_DAYS_AGO,		/* "för %ld dag sedan" */
	P_DUE_WITHIN,		/* heading: "Ska vara klara inom %ld dag" */
	P_NONE_DUE_WITHIN,	/* "Inga uppdrag ska vara klara inom %ld dag." */
	P_ASSIGNMENTS,		/* "%ld uppdrag" */
	P_DECISIONS,		/* "%ld beslut" */
	P_ERRORS,		/* "%ld fel" */
	P_WARNINGS,		/* "%ld varning" */
	P_NOTES,		/* "%ld notering" */
	P_RECORDS,		/* "%ld post" */
	P_RESPONDENTS,		/* "%ld svarande" */
	P_NPLURAL
};

const char	*rp_t(enum rp_text);
/* The format for n: singular or plural (Swedish: 1 is singular). */
const char	*rp_n(enum rp_plural, long n);

#endif
