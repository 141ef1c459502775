/*
 * The one table of what records hold (tuff-records(5)): the record
 * kinds tuff knows, and for each place in a record (a journey, a step
 * of a journey, an assignment's follow_up ...) the keys it knows.
 *
 * A typo must not change a figure silently.  A kind or a key that is
 * not in the table but is close to one that is (the same after Unicode
 * NFC and case folding with '_', '-' and ' ' taken as one, within a
 * small edit distance, or for a kind a Swedish word for it) is warned
 * about with its position and a suggestion, through
 * tuff_input_warning_once: once per run, and an error under --strict.
 * Kinds and keys that resemble none are the user's own and pass
 * quietly.
 *
 * Everything here is bounded: a word longer than any near miss could
 * be is dismissed by its length before any Unicode work, the distance
 * is computed in a band, and a place's keys are few; a record of many
 * keys costs time in proportion to its keys.
 */
#ifndef TUFF_SCHEMA_H
#define TUFF_SCHEMA_H

#include <stdio.h>

#include "node.h"

/* A place in a record: where a mapping's keys are known. */
struct tuff_place;

/*
 * The name of names nearest to the len bytes at word, when it is
 * close enough to be a typo of it (and is not it): for "did you mean"
 * in any message about a name from a fixed set (rule ids, roles,
 * enumerated values).  NULL when none is.  n names, or up to a NULL
 * when n is 0.
 */
const char	*tuff_schema_near(const char *word, size_t len,
		    const char *const *names, size_t n);

/* Is kind (len bytes) a record kind tuff knows, exactly?  1 or 0. */
int		 tuff_schema_is_kind(const char *kind, size_t len);

/*
 * The known kind that kind (len bytes) looks like a typo of, or a
 * Swedish word for: "journey" for "Journey", "jorney" or "resa".
 * NULL for a known kind and for one that resembles none.
 */
const char	*tuff_schema_near_kind(const char *kind, size_t len);

/*
 * Check the kind of a record, the record loop's one call per record.
 * A record without a kind, or whose kind is null, empty or not a
 * string, is warned about at each such record; a kind near a known one
 * once per run per kind.  Both say the record is passed through, as
 * every tool passes on a record it does not know.
 */
void		 tuff_schema_check_kind(const struct tuff_doc *);

/*
 * Check the keys of a record of a known kind, place by place (walked
 * with a stack, not recursion): an unknown key near a known key of its
 * place is warned about once per run per place and key.  A tool calls
 * it for the kinds it consumes, so a pipe says each thing once.
 */
void		 tuff_schema_check_keys(const struct tuff_doc *);

/*
 * The same for a file that is not a record stream: place is the
 * file's, "rules" for tbls-check --rules.
 */
void		 tuff_schema_check_file(const struct tuff_doc *,
		    const char *place);

/*
 * For readers of events (hme-score reads a million responses without
 * building them).  tuff_schema_place is the place of a record of kind
 * (or of the file named so), NULL for one whose keys are not known;
 * tuff_schema_child the place of the value of key in p (a mapping, or
 * each mapping of a sequence), NULL for a value of no known shape.
 */
const struct tuff_place	*tuff_schema_place(const char *kind);
const struct tuff_place	*tuff_schema_child(const struct tuff_place *p,
			    const char *key, size_t len);

/*
 * Check one key of a mapping at place p: 0 when it is known or
 * resembles none, 1 when it was warned about (now or earlier in the
 * run) as a typo.
 */
int		 tuff_schema_check_key(const struct tuff_place *p,
		    const char *key, size_t len, const char *file,
		    unsigned long line, unsigned long column);

/*
 * The known key of p that key looks like a typo of, or NULL: for a
 * reader that refuses unknown keys and says so in its error.
 */
const char	*tuff_schema_near_key(const struct tuff_place *p,
		    const char *key, size_t len);

/*
 * Write the table as tuff-records(5) documents it, one line each:
 * "kind NAME" for every kind, then "PATH KEY" for every key of every
 * place, PATH being the kind (or file) and the keys leading there,
 * joined by '.'.  A place reached again by another path (a challenge's
 * metrics are a journey's) is written at its first path only.  For
 * the test that holds the manual to the table.  0, or -1 on a write
 * error.
 */
int		 tuff_schema_list(FILE *);

#endif
