/*
 * HME, Hållbart medarbetarengagemang (SPEC §3.5, §3.6, §4.4).
 *
 * The arithmetic (hme.c) knows nothing of YAML or CSV: responses go into
 * a tally that keeps, per group, only integer sums and counts, so a
 * million responses stream through in memory proportional to the number
 * of groups.  The readers (hme_yaml.c, hme_csv.c) turn records and CSV
 * rows into responses.
 */
#ifndef TUFF_HME_H
#define TUFF_HME_H

#include <stdint.h>
#include <stdio.h>

#include "tuff.h"

#define HME_NITEMS	9	/* m1 m2 m3 l1 l2 l3 s1 s2 s3 */
#define HME_NSUBS	3	/* motivation leadership governance */
#define HME_DEFAULT_MIN_GROUP	5
/* Respondents in one group at most: keeps the exact arithmetic in range. */
#define HME_MAX_COUNT	UINT32_MAX

/* The item index 0..8 of an id ("m1" ... "s3"), or -1. */
int		 hme_item_index(const char *id, size_t len);
const char	*hme_item_id(int item);
/* "motivation", "leadership", "governance" for 0, 1, 2. */
const char	*hme_subindex_name(int sub);

/*
 * Validation of the grouping keys; each returns NULL when s is fine,
 * else a message fit for "error: MESSAGE".  A period is a year YYYY or
 * a month YYYY-MM; a unit is non-empty and has no empty level ('/' at
 * either end or "//").
 */
const char	*hme_check_period(const char *s, size_t len);
const char	*hme_check_unit(const char *s, size_t len);

/*
 * The exact arithmetic, exported for tests.  sum is the sum of (v - 1)
 * over the three items of a subindex for count respondents (so at most
 * 12 * count); the result is the subindex in tenths, 25 * sum /
 * (3 * count) * 10 rounded half away from zero.  hme_total_tenths is the
 * mean of the three exact subindices, rounded once.  count must be in
 * 1..HME_MAX_COUNT.
 */
long	hme_subindex_tenths(uint64_t sum, uint64_t count);
long	hme_total_tenths(const uint64_t sum[HME_NSUBS],
	    const uint64_t count[HME_NSUBS]);

enum hme_by {
	HME_BY_UNIT_PERIOD = 0,
	HME_BY_UNIT,
	HME_BY_PERIOD
};

struct hme_config {
	enum hme_by	 by;
	int		 rollup;	/* also score every parent unit */
	int		 trend;		/* fill previous and change */
	unsigned long	 min_group;	/* >= 1 */
};

/* One person's answers: 1..5, or 0 for not answered. */
struct hme_response {
	const char	*unit;		/* NUL-terminated, copied if kept */
	const char	*period;
	unsigned char	 answers[HME_NITEMS];
};

/* Bits of hme_score.published. */
#define HME_PUB_SUB(s)	(1U << (s))
#define HME_PUB_INDEX	(1U << HME_NSUBS)

/* The result for one group; all figures in tenths (851 is 85.1). */
struct hme_score {
	const char	*unit;		/* NULL when grouped by period only */
	const char	*period;	/* NULL when grouped by unit only */
	uint64_t	 respondents;
	unsigned	 published;	/* HME_PUB_* bits */
	int		 suppressed;	/* nothing published */
	long		 sub[HME_NSUBS];
	long		 index;
	/* With trend, for a published index after an earlier one: */
	const char	*prev_period;	/* NULL when there is none */
	long		 prev_index;
	long		 change;
};

struct hme_tally;

/* NULL on ENOMEM. */
struct hme_tally	*hme_tally_new(const struct hme_config *);
void			 hme_tally_free(struct hme_tally *);

/*
 * Count one response (its unit and period already validated).  Returns
 * 0, or -1 with errno ENOMEM, or EOVERFLOW when a group would pass
 * HME_MAX_COUNT respondents.
 */
int	hme_tally_add(struct hme_tally *, const struct hme_response *);

/*
 * Score every group: suppression (primary, and with rollup secondary),
 * figures, trend.  The scores are sorted by unit, level by level along
 * '/', then period, and stay owned by the tally.  Returns 0, or -1 with
 * errno ENOMEM.  Call once, after the last hme_tally_add.
 */
int	hme_tally_scores(struct hme_tally *, const struct hme_score **,
	    size_t *n);

/* Order of units: level by level along '/', bytewise within a level. */
int	hme_unit_cmp(const char *a, const char *b);

/*
 * Input: where responses, and the records hme-score does not consume,
 * go while reading.
 */
struct tuff_reader;
struct tuff_writer;

/* Columns of a CSV export: 0 unit, 1 period, 2 + item. */
#define HME_NCOLS	(2 + HME_NITEMS)

struct hme_input {
	struct hme_tally	*tally;
	struct tuff_writer	*w;	/* records of other kinds go here;
					   NULL: only counted */
	int			 skip_invalid;
	const char		*header[HME_NCOLS];	/* CSV column names */
	uint64_t		 responses;	/* counted in the tally */
	uint64_t		 skipped;	/* invalid, skipped */
	uint64_t		 foreign;	/* records of other kinds */
};

/* Default CSV column names: the ids themselves. */
void	hme_input_init(struct hme_input *, struct hme_tally *);
/*
 * Map a CSV header to a column from "ID=HEADER" (ID one of unit, period,
 * m1 ... s3).  -1 when ID is unknown or '=' or HEADER is missing.
 */
int	hme_input_column(struct hme_input *, const char *arg);

/*
 * What both readers do with a response, so they count alike.
 * hme_input_add counts a valid one in the tally: 0, or -1 with e filled
 * (more than HME_MAX_COUNT in its group, at file:line:column; or out of
 * memory).  hme_input_skip takes an invalid one whose problem is in e:
 * with skip_invalid it warns, "; WHAT skipped" appended, counts it and
 * returns 0; otherwise it returns -1 and leaves e as it is.
 */
int	hme_input_add(struct hme_input *, const struct hme_response *,
	    const char *file, unsigned long line, unsigned long column,
	    struct tuff_error *e);
int	hme_input_skip(struct hme_input *, struct tuff_error *e,
	    const char *what);

/*
 * Output.  hme_write_score writes the hme-score record of one group,
 * hme_write_summary the hme-summary of in (responses, skipped).
 * hme_write_table writes the scores as an aligned table for people:
 * the columns cf's grouping and trend call for, text to the left and
 * numbers to the right by display width (UTF-8 characters), "*" for a
 * suppressed group, "-" for a figure left out; then, with skip_invalid,
 * the counts of in, and a legend naming cf's threshold.  Write errors
 * stay in the writer until its close, or in fp's error flag.
 */
void	hme_write_score(struct tuff_writer *, const struct hme_score *);
void	hme_write_summary(struct tuff_writer *, const struct hme_input *);
void	hme_write_table(FILE *, const struct hme_config *,
	    const struct hme_input *, const struct hme_score *, size_t n);

/*
 * Read a YAML record stream: hme-response records into the tally,
 * other records (and mappings without kind, after a warning) to the
 * writer unchanged.  An invalid hme-response is an error, or with
 * skip_invalid a warning and counted.  Returns 0 at the end of the
 * stream, or -1 with e filled.
 */
int	hme_read_yaml(struct hme_input *, struct tuff_reader *,
	    const char *name, struct tuff_error *e);

/*
 * Read a CSV export (see csv.h): the header names the columns, every
 * row is one response.  name is what diagnostics call the input.
 * Returns 0, or -1 with e filled.
 */
int	hme_read_csv(struct hme_input *, FILE *, const char *name,
	    struct tuff_error *e);

#endif
