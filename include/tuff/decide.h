/*
 * Decisions and assignments (beslut, uppdrag), SPEC §3.3, §3.4, §4.2:
 * the delegation order, the numbering of decisions and assignments,
 * the validation of decision and assignment records, the assignment
 * template, the follow-up of assignments, and a run of tuff-decide in
 * two passes over the same records.
 *
 * Nothing here exits, and nothing prints but the last part, the run as
 * tuff-decide's command line gives it, which reports on standard
 * error; elsewhere errors come back in a tuff_error.
 */
#ifndef TUFF_DECIDE_H
#define TUFF_DECIDE_H

#include <stddef.h>
#include <stdio.h>

#include "date.h"
#include "node.h"

/* The outcomes of a decision, in this order; decide_outcome_name. */
enum decide_outcome {
	DECIDE_ASSIGN = 0,
	DECIDE_REJECT,
	DECIDE_DEFER,
	DECIDE_NOUTCOMES
};

/* "assign", "reject", "defer"; NULL-terminated list for enum fields. */
const char	*decide_outcome_name(enum decide_outcome);
extern const char *const decide_outcome_names[];

/*
 * The delegation order (delegationsordning): roles ranked lowest
 * first, the least role that may take each outcome, and cost
 * thresholds above which a decision needs a higher role.
 */
#define DECIDE_MAX_ROLES	64	/* roles, aliases and cost rules each */
#define DECIDE_MAX_COST		999999999999L	/* cost_sek at most */

struct decide_delegation;

/*
 * The built-in order of SPEC §4.2: enhetschef < sektionschef <
 * avdelningschef < socialchef < ordforande < namnd, with the aliases
 * ordförande and nämnd; reject and defer need sektionschef, assign
 * avdelningschef; cost_sek above 500000 needs socialchef, above 5000000
 * namnd.  NULL on ENOMEM.
 */
struct decide_delegation	*decide_delegation_default(void);

/*
 * Read a delegation file: one record of kind delegation (see
 * tuff-records(5)).  name is what errors call the file; it must
 * outlive the errors.  Returns 0 with *out set, or -1 with e filled.
 */
int	decide_delegation_read(FILE *, const char *name,
	    struct decide_delegation **out, struct tuff_error *e);
void	decide_delegation_free(struct decide_delegation *);

/*
 * The rank of a role or alias (0 lowest), or -1 with errno ENOENT when
 * it is unknown (or ENOMEM).  Roles are names: compared after NFC and
 * full case folding (names.h), so "Socialchef" is socialchef.
 */
int		 decide_role(const struct decide_delegation *, const char *);
/* The name of rank r as the order spells it; NULL out of range. */
const char	*decide_role_name(const struct decide_delegation *, int r);
size_t		 decide_nroles(const struct decide_delegation *);
/* "enhetschef, sektionschef, ..." into buf, for messages. */
char		*decide_role_list(const struct decide_delegation *,
		    char *buf, size_t len);

/*
 * The least rank a decision needs: its outcome's, raised by every cost
 * rule whose threshold cost exceeds (cost < 0: no cost given).  When a
 * cost rule decided it, *above is that rule's threshold, else -1.
 */
int	decide_needs(const struct decide_delegation *, enum decide_outcome,
	    long cost, long *above);

/*
 * May rank role take this decision?  0, or -1 with the reason in msg,
 * naming the role and the role it needed:
 *   "sektionschef may not assign; that needs avdelningschef or above"
 */
int	decide_permit(const struct decide_delegation *, int role,
	    enum decide_outcome, long cost, char *msg, size_t len);

/*
 * Numbering.  An id LETTER-YEAR-NNN has a four-digit year and a number
 * of three digits or more, at most nine, without a sign; B numbers
 * decisions, U assignments.  Numbers run per letter and per year.
 */
#define DECIDE_MAX_NUMBER	999999999L

/* 0 and *year, *n set when s is such an id with this letter; else -1. */
int	decide_id_parse(const char *s, char letter, int *year, long *n);

struct decide_numbers;

struct decide_numbers	*decide_numbers_new(void);	/* NULL on ENOMEM */
void			 decide_numbers_free(struct decide_numbers *);
/* Remember s if it is a B- or U- id; anything else is ignored. */
void	decide_numbers_see(struct decide_numbers *, const char *s);
/*
 * The next id after the highest seen (or handed out) for letter and
 * year, written into buf (at least DECIDE_ID_LEN bytes), and remember
 * it.  -1 when year is not 0..9999 or the numbers are used up.
 */
#define DECIDE_ID_LEN	48
int	decide_numbers_next(struct decide_numbers *, char letter, int year,
	    char *buf);
/* The highest number seen or handed out for letter and year, or 0. */
long	decide_numbers_last(const struct decide_numbers *, char letter,
	    int year);

/*
 * Validation of records against §3.3 and §3.4, with the position of
 * the offending node.  A decision: date, decided_by (a role of the
 * order), regarding (a non-empty list of strings) and outcome are
 * required; id, rationale, assignment strings, cost_sek an integer
 * 0..DECIDE_MAX_COST, assignment only with outcome assign; and the
 * decision must be within decided_by's delegation.  An assignment: id,
 * title, owner strings and status (planned, active, done, stopped)
 * required; phase (development, test, implementation), start and due
 * dates, milestones (name; due, reached dates) and obstacles (obstacle;
 * raised, resolved dates; owner) checked when present.  A challenge:
 * id a slug, title a string, journey a string when present, pains a
 * list of mappings each with a pain string.
 */
int	decide_check_decision(const struct decide_delegation *,
	    const struct tuff_doc *, struct tuff_error *e);
int	decide_check_assignment(const struct tuff_doc *, struct tuff_error *e);
int	decide_check_challenge(const struct tuff_doc *, struct tuff_error *e);
/* An assignment's statuses and phases as listed above, NULL-terminated. */
extern const char *const decide_status_names[];
extern const char *const decide_phase_names[];

/*
 * What an assignment is pre-filled with (§4.2).  needs are the pains'
 * texts, each sourced journey:JOURNEY.
 */
struct decide_need {
	const char	*text;
	const char	*journey;
};

struct decide_template {
	const char		*id;		/* U-YEAR-NNN */
	const char		*title;
	const char		*decision;	/* B-YEAR-NNN */
	const char		*owner;
	int			 has_due;
	tuff_day		 due;
	const struct decide_need *needs;
	size_t			 nneeds;
};

/*
 * The assignment record of a template, built in doc, with every heading
 * of the systematik in §3.4's order: lists empty ([]), texts and dates
 * null, follow_up an empty mapping, status planned.
 */
struct tuff_node	*decide_assignment(struct tuff_doc *,
			    const struct decide_template *);

/*
 * The follow-up of one checked assignment as of a day, looking within
 * days ahead (and back, for milestones reached): *out is a new document
 * the caller frees, or NULL when nothing is in the window.  See
 * tuff-records(5) for its keys.  Returns 0, or -1 on ENOMEM.
 */
int	decide_followup(const struct tuff_doc *assignment, tuff_day as_of,
	    long within, struct tuff_doc **out);

/*
 * A run of tuff-decide.  decide_scan sees every record and validates
 * it; decide_fate says what the run does with it: records it leaves as
 * they are can be written as read, the caller keeps those it changes or
 * replaces.  decide_scan_end then checks the stream as a whole, and
 * only when it passed does decide_emit see each kept record, in stream
 * order, and write what it becomes.  So a failing run writes nothing,
 * and the stream is parsed once.
 */
enum decide_mode {
	DECIDE_DECIDE = 0,	/* challenges -> decisions, assignments */
	DECIDE_FOLLOWUP		/* assignments -> follow-ups (--due) */
};

/* Values the options give, for every challenge or for one (ID=VALUE). */
enum decide_key {
	DECIDE_OWNER = 0,
	DECIDE_DUE,
	DECIDE_RATIONALE,
	DECIDE_COST,
	DECIDE_NKEYS
};

struct decide;

/* The run keeps a pointer to the order, which must outlive it. */
struct decide	*decide_new(const struct decide_delegation *,
		    enum decide_mode);
void		 decide_free(struct decide *);

/* Decide mode: who decides (a role or alias), and on which day. */
int	decide_set_by(struct decide *, const char *role,
	    struct tuff_error *e);
void	decide_set_date(struct decide *, tuff_day);
/* Follow-up mode: the day and the window in days. */
void	decide_set_window(struct decide *, tuff_day as_of, long within);

/*
 * Name challenges: ids is a comma-separated list of slugs.  An id
 * named twice, by the same option or another, is an error.
 */
int	decide_pick(struct decide *, enum decide_outcome, const char *ids,
	    struct tuff_error *e);
/*
 * Set a value, "VALUE" for every challenge or "ID=VALUE" for one (ID a
 * slug); a later value for the same challenge replaces an earlier one.
 * The string must outlive the run.
 */
int	decide_set(struct decide *, enum decide_key, const char *arg,
	    struct tuff_error *e);
/* The length of ID in an "ID=VALUE" as decide_set reads it, or 0. */
size_t	decide_value_id(const char *arg);

/* Called for each problem a check finds; e->file NULL: no position. */
typedef void	decide_report_fn(const struct tuff_error *, void *arg);

/*
 * After the options: every value for one challenge names a challenge
 * picked (owner, due and cost: one to assign), every pick is within
 * the delegation of --by, and every challenge to assign has an owner.
 * Calls report for each problem and returns their number (0: go on):
 * every pick beyond the delegation or without an owner, so one run
 * names them all; a problem with the options themselves (an id picked
 * twice, no --by, a value for no pick) stops the check there.
 */
size_t	decide_check_options(struct decide *, decide_report_fn *, void *arg);

/* Every record, in order.  The run does not keep doc. */
int	decide_scan(struct decide *, const struct tuff_doc *,
	    struct tuff_error *e);

/*
 * After pass 1: every picked id is a challenge in the stream, every
 * challenge is decided (picked, or named in the regarding of a
 * decision record), no id is there twice, every decision that needs a
 * new assignment can be given one, and there are numbers left for
 * every new id.  Calls report for each problem, in a fixed order, and
 * returns their number (0: go on).
 */
size_t	decide_scan_end(struct decide *, decide_report_fn *, void *arg);

/*
 * Does the run read records of this kind (NULL: none) only to pass them
 * on?  Decisions, and challenges (assignments when listing follow-ups),
 * it reads to decide on.
 */
int	decide_passes_through(const struct decide *, const char *kind);

/* What the run does with a record decide_scan has seen. */
enum decide_fate {
	DECIDE_PASS = 0,	/* leaves it as it is */
	DECIDE_CHANGE,		/* changes it: a decision given an id or an
				   assignment */
	DECIDE_REPLACE,		/* writes other records in its place: a
				   challenge's decision, an assignment's
				   follow-up */
	DECIDE_DROP		/* writes nothing for it: a decision, when
				   listing follow-ups */
};
enum decide_fate	decide_fate(const struct decide *,
			    const struct tuff_doc *);
/*
 * Does the run neither consume nor look into records of this kind?
 * Such records can be streamed to the output unbuilt (decide_scan would
 * only count them).
 */
int	decide_streams(const struct decide *, const char *kind);

/*
 * After decide_scan_end: write what a record the run changes or
 * replaces becomes, in its place.  Returns 0, or -1 with e filled on a
 * write error.  A changed decision is updated in doc (the caller frees
 * it).
 */
struct tuff_writer;
int	decide_emit(struct decide *, struct tuff_doc *, struct tuff_writer *,
	    struct tuff_error *e);

/*
 * tuff-decide as its command line gives it.  decide_delegation_load
 * and decide_run report on standard error, as the tools do, rather
 * than filling a tuff_error.
 */

/*
 * The order a run goes by: the built-in one when path is NULL, else the
 * delegation file path ("-": standard input).  NULL after reporting
 * why: out of memory, a file that cannot be opened, or what is wrong
 * with it.
 */
struct decide_delegation	*decide_delegation_load(const char *path);

/*
 * --due takes a date in decide mode and none in follow-up mode.  Does a
 * bare --due take word, the argument after it, as its value?  It does
 * when word is meant as a date (2021-06-30, or wrongly 2021-6-30, which
 * is then refused as such) or is ID=....
 */
int	decide_due_takes(const char *word);

/* The options that pick challenges or give values. */
enum decide_option {
	DECIDE_OPT_ASSIGN = 0,	/* --assign ID,... */
	DECIDE_OPT_REJECT,	/* --reject ID,... */
	DECIDE_OPT_DEFER,	/* --defer ID,... */
	DECIDE_OPT_OWNER,	/* --owner [ID=]NAME */
	DECIDE_OPT_DUE,		/* --due [ID=]DATE */
	DECIDE_OPT_RATIONALE,	/* --rationale [ID=]TEXT */
	DECIDE_OPT_COST		/* --cost [ID=]SEK */
};

/* One as given: "--owner rullstol=Rehab" is DECIDE_OPT_OWNER and its arg. */
struct decide_arg {
	enum decide_option	 kind;
	const char		*arg;
};

/* What the command line asks of a run, once it is parsed and checked. */
struct decide_request {
	enum decide_mode	 mode;
	const char		*delegation;	/* a file; NULL: built in */
	const char		*by;		/* decide mode: the role, or
						   NULL when not given */
	tuff_day		 date;		/* and the day of decisions */
	tuff_day		 as_of;		/* follow-up mode: the day */
	long			 within;	/* and the window in days */
	struct decide_arg	*args;		/* picks and values, in order */
	size_t			 nargs;
	const char		*output;	/* NULL: standard output */
};

/*
 * The whole run: the order (decide_delegation_load), the request
 * handed to the run and checked (decide_check_options: every problem
 * reported), then the files read (argc 0: standard input) and written
 * to standard output or to output, replaced atomically (tuff_held_run).
 * Records the run leaves alone are written as read, and what the
 * others become at their places once decide_scan_end has found the
 * whole stream right: a run that fails writes nothing.  The strings of
 * the request must outlive the call.  TUFF_OK, or TUFF_ERR after
 * reporting.
 */
int	decide_run(const struct decide_request *, int argc, char **argv);

#endif
