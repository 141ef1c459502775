/*
 * User journeys (användarresor), SPEC §3.1, §3.2, §4.1: validation,
 * metrics, challenges and the two views (Mermaid, table).
 *
 * The functions that take a journey expect a mapping that passed
 * journey_check, except journey_distinct_actors, which accepts any node
 * and counts what it can.
 */
#ifndef TUFF_JOURNEY_H
#define TUFF_JOURNEY_H

#include <stddef.h>
#include <stdio.h>

#include "node.h"

/*
 * Distinct actors of a journey: each step's actor, a step without one
 * taking the previous step's, the first step's the journey's persona
 * (the same inheritance as the handoffs metric).  Actors are names
 * (include/tuff/names.h): compared after NFC and full case folding.
 * *out is 0 for anything that is not a journey with steps.  tbls-check
 * uses it for helhetssyn.narrow-collaboration.  0, or -1 on ENOMEM.
 */
int	journey_distinct_actors(const struct tuff_node *journey, size_t *out);

/* The metrics of §4.1; the numbers are counts and sums of one journey. */
struct journey_metrics {
	long		 steps;
	long		 handoffs;
	long		 systems;
	long		 system_switches;
	long		 minutes;
	long		 wait_days;
	int		 scored;	/* steps with a score; 0: no mean_score,
					   no lowest */
	long		 mean_tenths;	/* mean_score in tenths (37 is 3.7) */
	long		 lowest_step;	/* 1-based */
	long		 lowest_score;
	const char	*lowest_action;	/* points into the journey */
	long		 pains;
	long		 friction;
};

/* The metrics --rank-by accepts: the numeric ones, by their key. */
enum journey_metric {
	JOURNEY_STEPS = 0,
	JOURNEY_HANDOFFS,
	JOURNEY_SYSTEMS,
	JOURNEY_SYSTEM_SWITCHES,
	JOURNEY_MINUTES,
	JOURNEY_WAIT_DAYS,
	JOURNEY_MEAN_SCORE,
	JOURNEY_PAINS,
	JOURNEY_FRICTION,
	JOURNEY_NMETRICS
};

/* The metric named s, or -1. */
int		 journey_metric_parse(const char *s);
const char	*journey_metric_name(enum journey_metric);

/*
 * Validate one journey record (kind: journey) of doc against §3.1:
 * id a slug, title and each step's action non-empty strings, steps a
 * non-empty sequence of mappings, stage, actor, channel, system, pain,
 * area, source, persona strings when present, minutes and wait_days
 * integers >= 0, score 1..5, insights a sequence when present.  Returns
 * 0, or -1 with e at the offending node.
 */
int	journey_check(const struct tuff_doc *doc, struct tuff_error *e);

/*
 * Compute the metrics of a checked journey.  Actors and systems are
 * names, compared after NFC and full case folding, so "Undersköterska"
 * handing over to "undersköterska" is no handoff.  0, or -1 on ENOMEM.
 */
int	journey_measure(const struct tuff_node *journey,
	    struct journey_metrics *m);

/*
 * A metric's value for ranking, in tenths for mean_score; *present is 0
 * when the journey has no such value (mean_score without scores).
 */
long	journey_metric_value(const struct journey_metrics *,
	    enum journey_metric, int *present);

/*
 * The metrics mapping as §4.1 writes it, built in doc: steps, handoffs,
 * systems, system_switches, minutes, wait_days, mean_score (when
 * scored), lowest (when scored), pains, friction.  On ENOMEM, NULL and
 * doc->nomem set.
 */
struct tuff_node	*journey_metrics_node(struct tuff_doc *doc,
			    const struct journey_metrics *);

/*
 * Enrich a checked journey in place: set its metrics key (replacing an
 * existing one where it stands, else appended last).  0, or -1 on
 * ENOMEM (doc->nomem is set; the record is not to be written).
 */
int	journey_enrich(struct tuff_doc *doc, const struct journey_metrics *);

/*
 * The challenge record (§3.2) of a checked journey, as a new document
 * the caller frees:
 *   kind: challenge, id, title, area (when the journey has one),
 *   journey (its id), metrics, pains (a list, one per step with a pain:
 *   step (1-based), stage (when the step has one), action, pain, score
 *   (when scored)), insights (copied, when the journey has them).
 * NULL on ENOMEM.
 */
struct tuff_doc	*journey_challenge(const struct tuff_doc *journey,
		    const struct journey_metrics *);

/*
 * A set of the ids seen in a stream, remembering where each was first
 * seen, so a duplicate is reported with both positions.
 */
struct journey_ids;

struct journey_ids	*journey_ids_new(void);
void			 journey_ids_free(struct journey_ids *);
/*
 * Add the id of a checked journey.  Returns 0, or -1 with e at the
 * second id (naming where the first was) or on ENOMEM.
 */
int	journey_ids_add(struct journey_ids *, const struct tuff_doc *doc,
	    struct tuff_error *e);

/*
 * Mermaid: one ```mermaid fenced block (Markdown) per journey, holding
 * a `journey` diagram; blocks after the first are preceded by a blank
 * line.  Text is made safe for Mermaid's journey grammar (see
 * journey_mermaid_text), and each task names its actor by the first
 * spelling of that name in the journey, so the legend lists each actor
 * once.  Returns 0, or -1 on ENOMEM (the block may be cut short); write
 * errors show in ferror(fp).
 */
int	journey_mermaid(FILE *, const struct tuff_node *journey, int first);

/*
 * Make s safe as Mermaid journey text, into a string the caller frees
 * (NULL on ENOMEM): control characters, line breaks and what
 * JavaScript counts as white space become spaces, runs of spaces one,
 * leading and trailing spaces go; '<' becomes U+2039 '‹', '>' U+203A
 * '›', and "%%" "% %".  In a title, a section or a task, ':' becomes
 * Mermaid's entity code "#58;", '#' "#35;", ';' "#59;", '¶' "#182;" and
 * 'ﬂ' "#64258;" (Mermaid shows the characters themselves).  In an actor
 * (actor set), which Mermaid's legend wraps before decoding codes, ':'
 * becomes U+2236 '∶', '#' U+266F '♯', ';' U+037E ';', ',' U+201A '‚'
 * (commas separate actors), and '¶' and 'ﬂ' get a U+200B zero-width
 * space after them.  A text that would start with a word Mermaid's
 * lexer takes as a keyword (journey, title, section, accTitle,
 * accDescr; any case) or with '%' (a comment) gets a leading U+200B.
 * Empty text becomes "-".
 */
char	*journey_mermaid_text(const char *s, int actor);

/*
 * The table: one row per journey, columns id, steps, handoffs, systems,
 * switches, minutes, wait_days, mean_score ("-" when absent), pains,
 * friction; ids left-aligned and numbers right-aligned by display width
 * (UTF-8 characters), two spaces between columns.  The caller collects
 * the rows.  Returns 0, or -1 on a write error.
 */
struct journey_row {
	char			*id;	/* owned by the caller */
	struct journey_metrics	 m;	/* lowest_action not used */
	void			*arg;	/* the caller's (a challenge record) */
	long			 key;	/* journey_rank's */
	size_t			 seq;	/* journey_rank's */
};

int	journey_table(FILE *, const struct journey_row *, size_t n);

/*
 * Sort rows worst first by a metric: the highest value first, except
 * mean_score, lowest first (a low score is the bad experience); rows
 * without the value (mean_score of an unscored journey) last; ties keep
 * the order the rows had.
 */
void	journey_rank(struct journey_row *, size_t n, enum journey_metric);

#endif
