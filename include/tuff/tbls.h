/*
 * TBLS, tillitsbaserad styrning och ledning (SPEC §4.3): the rulebook
 * and the engine that checks assignment and decision records against
 * the seven principles, grouped in three areas.
 *
 * Rules are data.  One table in lib/tbls.c gives each rule its id,
 * principle, default severity, the record kinds it applies to, its
 * one-line rationale, its default message and its check function; a
 * principle knows its area.  The engine, --list-rules and the test that
 * holds tbls-check(1) to the table all read that one table, so adding a
 * rule is one entry and one function.
 */
#ifndef TUFF_TBLS_H
#define TUFF_TBLS_H

#include <stddef.h>
#include <stdio.h>

#include "date.h"
#include "node.h"
#include "record.h"

enum tbls_area {
	TBLS_KULTUR_OCH_LEDARSKAP = 0,
	TBLS_STYRNING,
	TBLS_ORGANISATION,
	TBLS_NAREAS
};

/* In the order of SPEC §4.3's table: by area, then as listed there. */
enum tbls_principle {
	TBLS_TILLIT = 0,
	TBLS_OPPENHET,
	TBLS_MEDBORGARFOKUS,
	TBLS_HANDLINGSUTRYMME,
	TBLS_STOD,
	TBLS_HELHETSSYN,
	TBLS_KUNSKAP,
	TBLS_NPRINCIPLES
};

/* Ordered, so "at or above --fail-on" is a comparison. */
enum tbls_severity {
	TBLS_OFF = 0,		/* the rule is disabled */
	TBLS_NOTE,
	TBLS_WARNING,
	TBLS_ERROR,
	TBLS_NEVER		/* --fail-on never: above every severity */
};

/* The record kinds a rule applies to, as a mask. */
#define TBLS_ASSIGNMENT	0x1u
#define TBLS_DECISION	0x2u

/* Room in a configuration; the table must fit (checked when built). */
#define TBLS_MAX_RULES	32

struct tbls_ctx;	/* what a check function sees; private */
typedef void	tbls_check_fn(struct tbls_ctx *);

struct tbls_rule {
	const char		*id;		/* principle.what */
	enum tbls_principle	 principle;
	enum tbls_severity	 severity;	/* default */
	unsigned		 kinds;		/* TBLS_ASSIGNMENT ... */
	const char		*rationale;	/* one line, for --list-rules */
	const char		*message;	/* a finding's default message */
	tbls_check_fn		*check;
};

/* The rulebook, in its one order (findings come in this order). */
const struct tbls_rule	*tbls_rules(size_t *n);
/* The index of the rule with this id, or -1. */
int			 tbls_rule_find(const char *id);

const char		*tbls_area_name(enum tbls_area);
/* "tillit", "oppenhet", ... as ids and records spell them. */
const char		*tbls_principle_name(enum tbls_principle);
enum tbls_area		 tbls_principle_area(enum tbls_principle);
/* "error", "warning", "note"; "off" and "never" for the others. */
const char		*tbls_severity_name(enum tbls_severity);
/* error, warning or note (and, with never set, "never"); -1 otherwise. */
int			 tbls_severity_parse(const char *, int never);

/*
 * What a run checks with: each rule's severity (TBLS_OFF when
 * disabled), the date "today" is, and the age in days after which an
 * open obstacle is stale.
 */
struct tbls_config {
	enum tbls_severity	 severity[TBLS_MAX_RULES];
	tuff_day		 as_of;
	long			 stale_days;
};

#define TBLS_DEFAULT_STALE	60

/* Every rule at its default severity; stale after 60 days. */
void	tbls_config_init(struct tbls_config *, tuff_day as_of);

/*
 * Apply a rules file (lib/rules.c), yamllint-style:
 *
 *	rules:
 *	  tillit.detail-control: disable
 *	  kunskap.analysis-missing: {severity: note}
 *
 * A rule's value is enable, disable, or a mapping with severity
 * (error, warning or note), which also enables it.  An empty file
 * changes nothing.  An unknown rule id, an unknown key, a second
 * document or anything else is an error: -1 with e at the node.
 * name names the file in e and must outlive it.
 */
int	tbls_config_load(struct tbls_config *, FILE *, const char *name,
	    struct tuff_error *e);

/*
 * The same for the file at path ("-": standard input), which may not
 * be an operand of the run.  0, or -1 after reporting on standard
 * error why the file cannot be opened or where it is wrong.
 */
int	tbls_config_load_path(struct tbls_config *, const char *path);

/*
 * The journeys of a stream, by id, with their distinct actors, for the
 * cross-record rule helhetssyn.narrow-collaboration.  The first journey
 * of an id wins.  Memory is one small entry per journey.
 */
struct tbls_journeys;

struct tbls_journeys	*tbls_journeys_new(void);
void			 tbls_journeys_free(struct tbls_journeys *);
/* 0, or -1 on ENOMEM. */
int			 tbls_journeys_add(struct tbls_journeys *,
			    const char *id, size_t actors);
/* 1 and *actors set when the journey is known, else 0. */
int			 tbls_journeys_get(const struct tbls_journeys *,
			    const char *id, size_t *actors);

/* TBLS_ASSIGNMENT or TBLS_DECISION for a record tbls-check checks, else 0. */
unsigned	tbls_kind(const struct tuff_doc *);

/*
 * Validate a record tbls_kind took (SPEC §3.3, §3.4) as far as the
 * rules read it: the required keys and their types, and the type of
 * every structure a rule looks into (needs, follow_up and its
 * indicators, obstacles).  Empty values ("no x") are fine: finding
 * them is the rules' work.  0, or -1 with e at the offending node.
 */
int	tbls_validate(const struct tuff_doc *, struct tuff_error *e);

struct tbls_finding {
	size_t			 rule;		/* index in tbls_rules() */
	enum tbls_severity	 severity;	/* as configured */
	unsigned long		 line;		/* of the offending node */
	unsigned long		 column;
	char			 path[96];	/* /needs/0/source */
	char			 message[384];
};

/* One record's findings and its profile. */
struct tbls_result {
	struct tbls_finding	*v;
	size_t			 n, cap;
	unsigned		 checked[TBLS_NPRINCIPLES];
	unsigned		 passed[TBLS_NPRINCIPLES];
	unsigned		 count[TBLS_NEVER];	/* findings by severity */
};

/*
 * Check one validated record with every enabled rule that applies to
 * its kind, filling res (emptied first; free with tbls_result_free).
 * A rule is checked once per record and passes when it finds nothing.
 * journeys may be NULL.  0, or -1 on ENOMEM.
 */
int	tbls_check(const struct tbls_config *, const struct tbls_journeys *,
	    const struct tuff_doc *, struct tbls_result *);
void	tbls_result_free(struct tbls_result *);

/* The most severe finding of a result, TBLS_OFF when there is none. */
enum tbls_severity	tbls_result_worst(const struct tbls_result *);

/*
 * Output.  Each returns 0, or -1 on a write error.
 *
 * tbls_write_finding writes a finding record (SPEC §3.7) about doc;
 * tbls_write_profile the tbls-profile record of a result.
 * tbls_print_finding writes "FILE:LINE:COL: severity: ID: message
 * [rule]" and tbls_print_profile "ID: P of C checks passed (area p/c,
 * ...)", one line each.  tbls_list_rules writes the rulebook as an
 * aligned table with the severities of cfg.
 */
int	tbls_write_finding(struct tuff_writer *, const struct tuff_doc *,
	    const struct tbls_finding *);
int	tbls_write_profile(struct tuff_writer *, const struct tuff_doc *,
	    const struct tbls_result *);
int	tbls_print_finding(FILE *, const struct tuff_doc *,
	    const struct tbls_finding *);
int	tbls_print_profile(FILE *, const struct tuff_doc *,
	    const struct tbls_result *);
int	tbls_list_rules(FILE *, const struct tbls_config *);

/*
 * A run of tbls-check (lib/tbls_run.c): read the files (none or "-":
 * standard input) as one stream, write every record as read and, right
 * after each assignment and decision, its findings and, with summary
 * set, its tbls-profile, checked with cfg once the whole stream (every
 * journey) has been seen.  With gcc set the output is only the lines
 * of tbls_print_finding and tbls_print_profile.  The output goes to
 * standard output, or replaces output only when the run succeeds
 * (tuff_held_run).  Errors are reported on standard error.  Returns
 * TUFF_ERR on an error, TUFF_NO when a finding is at or above fail_on,
 * else TUFF_OK.
 */
struct tbls_run_conf {
	struct tbls_config	 cfg;
	int			 gcc;		/* --format gcc */
	int			 summary;	/* --summary */
	enum tbls_severity	 fail_on;	/* TBLS_NEVER: never fail */
};

int	tbls_run(const struct tbls_run_conf *, int argc, char **argv,
	    const char *output);

#endif
