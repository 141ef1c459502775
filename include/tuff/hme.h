/*
 * HME, Hållbart medarbetarengagemang (SPEC §3.5, §3.6, §4.4).
 *
 * The arithmetic (hme.c, hme_lattice.c) knows nothing of YAML or CSV:
 * responses go into a tally that keeps, per unit and period, only
 * counts of answers, so a million responses stream through in memory
 * proportional to the number of groups.  The readers (hme_yaml.c,
 * hme_csv.c) turn records and CSV rows into responses; hme_out.c
 * writes the results.
 */
#ifndef TUFF_HME_H
#define TUFF_HME_H

#include <stdint.h>
#include <stdio.h>

#include "tuff.h"

#define HME_NITEMS	9	/* m1 m2 m3 l1 l2 l3 s1 s2 s3 */
#define HME_NSUBS	3	/* motivation leadership governance */
#define HME_DEFAULT_MIN_GROUP	5
/* Responses in one run at most: every count fits 32 bits. */
#define HME_MAX_COUNT	UINT32_MAX
/* Levels of a unit path at most ("Region/Förvaltning/..."). */
#define HME_MAX_LEVELS	16

/* The item index 0..8 of an id ("m1" ... "s3"), or -1. */
int		 hme_item_index(const char *id, size_t len);
const char	*hme_item_id(int item);
/* SKR's wording of the question, in the order of its survey template. */
const char	*hme_item_text(int item);
/* "motivation", "leadership", "governance" for 0, 1, 2. */
const char	*hme_subindex_name(int sub);

/*
 * Validation of the grouping keys; each returns NULL when s is fine,
 * else a message in English, to be looked up with _() where used:
 * hme_check_unit's is fit for "error: MESSAGE", hme_check_period's is
 * a printf format with one %s for the value as the caller shows it.
 * A period is a year YYYY or
 * a month YYYY-MM, the year from 1000; a unit is non-empty, has no
 * empty level ('/' at either end or "//") and at most HME_MAX_LEVELS
 * levels.
 */
const char	*hme_check_period(const char *s, size_t len);
const char	*hme_check_unit(const char *s, size_t len);

/*
 * The exact arithmetic, exported for tests.  hme_mean_tenths is
 * 250 / m * (sum[0] / cnt[0] + ... + sum[k-1] / cnt[k-1]) in tenths,
 * rounded once, half away from zero, where sum[i] is a sum of (v - 1)
 * over cnt[i] answers: with k = m = 1 an item's index, k = m = 3 a
 * subindex as the mean of its three items, k = m = 9 the total.  Each
 * cnt[i] is 1..HME_MAX_COUNT and sum[i] at most 4 * m / k * cnt[i];
 * 1 <= k <= 9.  The respondent method's figures are
 * hme_subindex_tenths, 250 * sum / (3 * count) for sum over the three
 * items of count respondents, and hme_total_tenths, the mean of three
 * such subindices, both exact.
 */
long	hme_mean_tenths(const uint64_t *sum, const uint64_t *cnt, int k,
	    int m);
long	hme_subindex_tenths(uint64_t sum, uint64_t count);
long	hme_total_tenths(const uint64_t sum[HME_NSUBS],
	    const uint64_t count[HME_NSUBS]);

enum hme_by {
	HME_BY_UNIT_PERIOD = 0,
	HME_BY_UNIT,
	HME_BY_PERIOD
};

enum hme_method {
	HME_METHOD_ITEM = 0,	/* per question, as Kolada describes it */
	HME_METHOD_RESPONDENT	/* over those who answered all three */
};

struct hme_config {
	enum hme_by	 by;
	int		 rollup;	/* also score every parent unit */
	int		 trend;		/* fill previous and change */
	unsigned long	 min_group;	/* >= 1 */
	enum hme_method	 method;
};

/*
 * One person's answers: 1..5, or 0 for not answered.  The position is
 * where the unit is written, for warnings that name it; file must
 * outlive the tally.  id (NULL: none) is for the readers' duplicate
 * check, the tally does not look at it.
 */
struct hme_response {
	const char	*unit;		/* ulen bytes, no NUL among them */
	size_t		 ulen;
	const char	*period;	/* NUL-terminated */
	unsigned char	 answers[HME_NITEMS];
	const char	*file;
	unsigned long	 line, column;
	const char	*id;		/* idlen bytes, or NULL */
	size_t		 idlen;
	unsigned long	 idline, idcolumn;
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
	int		 suppressed;	/* no subindex and no index */
	long		 sub[HME_NSUBS];
	long		 index;
	/* With trend, for a published index after an earlier one: */
	const char	*prev_period;	/* NULL when there is none */
	long		 prev_index;
	long		 change;
	/* Per question (hme-item records): */
	unsigned	 item_pub;	/* bit i: item i published */
	uint64_t	 answered[HME_NITEMS];
	uint64_t	 dist[HME_NITEMS][5];	/* answers 1..5 */
	long		 item[HME_NITEMS];
};

struct hme_tally;

/* NULL on ENOMEM. */
struct hme_tally	*hme_tally_new(const struct hme_config *);
void			 hme_tally_free(struct hme_tally *);

/*
 * Count one response (its unit and period already validated).  Units
 * are the same when their text is after Unicode NFC; the first
 * spelling seen is the one written out.  Returns 0, or -1 with errno
 * ENOMEM, or EOVERFLOW past HME_MAX_COUNT responses.
 */
int	hme_tally_add(struct hme_tally *, const struct hme_response *);

/*
 * Score every group the configuration asks for.  Suppression is worked
 * out once over every grouping the options could ask for (units and
 * their parents, with and without roll-up, by period, by unit over all
 * periods, by period over all units), so no two runs on the same data
 * with the same method and threshold let a reader recover a suppressed
 * group by subtraction; then the groups of this run are picked out,
 * with their figures and trend.  Two units that differ only in case
 * get a warning (tuff_input_warning), once each.  The scores are
 * sorted by unit, level by level along '/', then period, and stay
 * owned by the tally.  Returns 0, or -1 with errno ENOMEM.  Call once,
 * after the last hme_tally_add.
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
struct hme_ids;

/* Columns of a CSV export. */
enum {
	HME_COL_UNIT,
	HME_COL_PERIOD,
	HME_COL_ID,
	HME_COL_ITEM,		/* + item */
	HME_NCOLS = HME_COL_ITEM + HME_NITEMS
};

struct hme_input {
	struct hme_tally	*tally;
	struct tuff_writer	*w;	/* records of other kinds go here;
					   NULL: only counted */
	int			 skip_invalid;
	int			 tree_only;	/* every record as a tree:
						   for the differential test */
	const char		*header[HME_NCOLS];	/* --column, or NULL:
							   known names */
	uint64_t		 responses;	/* counted in the tally */
	uint64_t		 skipped;	/* invalid, skipped */
	uint64_t		 foreign;	/* records of other kinds */
	struct hme_ids		*ids;		/* response ids seen */
};

void	hme_input_init(struct hme_input *, struct hme_tally *);
void	hme_input_free(struct hme_input *);
/*
 * Map a CSV header to a column from "ID=HEADER" (ID one of unit,
 * period, id, m1 ... s3).  0; -1 when ID is unknown, or '=' or HEADER
 * is missing; -2 when HEADER is already given for another ID.
 */
int	hme_input_column(struct hme_input *, const char *arg);

/*
 * What both readers do with a response, so they count alike.
 * hme_input_add counts a valid one: 0, or -1 with e filled (its id
 * seen before, with both positions; past HME_MAX_COUNT; out of
 * memory), never to be skipped.  hme_input_skip takes an invalid one
 * whose problem is in e, a record or a CSV row as what says: with
 * skip_invalid it warns (an error under --strict), "; record skipped"
 * or "; row skipped" appended, counts it and returns 0; otherwise it
 * returns -1 and leaves e as it is.
 */
enum hme_skipped {
	HME_SKIP_RECORD,
	HME_SKIP_ROW
};
int	hme_input_add(struct hme_input *, const struct hme_response *,
	    struct tuff_error *e);
int	hme_input_skip(struct hme_input *, struct tuff_error *e,
	    enum hme_skipped what);

/*
 * Output.  hme_write_score writes the hme-score record of one group,
 * with items also its nine hme-item records; hme_write_summary the
 * hme-summary of in (responses, skipped).  hme_write_table writes the
 * scores as aligned tables for people: the columns cf's grouping and
 * trend call for, text to the left and numbers to the right by display
 * width, control characters escaped, "*" for a suppressed group, "-"
 * for a figure left out; with items a table of the questions per
 * group; then, with skip_invalid, the counts of in, and a legend naming
 * cf's threshold.  hme_write_csv writes the same records as one CSV
 * table (RFC 4180) with their keys as the header, a suppressed or
 * absent figure as an empty cell; swedish gives what Swedish
 * spreadsheets open by double-click: ';', decimal comma, a byte order
 * mark and CRLF.  Write errors stay in the writer until its close, or
 * in fp's error flag; hme_write_table returns -1 only on ENOMEM.
 */
void	hme_write_score(struct tuff_writer *, const struct hme_score *,
	    int items);
void	hme_write_summary(struct tuff_writer *, const struct hme_input *);
int	hme_write_table(FILE *, const struct hme_config *,
	    const struct hme_input *, const struct hme_score *, size_t n,
	    int items);
void	hme_write_csv(FILE *, const struct hme_config *,
	    const struct hme_input *, const struct hme_score *, size_t n,
	    int items, int swedish);

enum hme_format {
	HME_FORMAT_YAML,
	HME_FORMAT_TABLE,
	HME_FORMAT_CSV,
	HME_FORMAT_CSV_SV	/* for Swedish spreadsheets */
};

/*
 * All of the output in one format: YAML through w (with the
 * hme-summary under skip_invalid), the others to fp, after which a
 * warning counts the records of other kinds they do not show.
 * Returns 0, or -1 with errno ENOMEM.
 */
int	hme_write(FILE *fp, struct tuff_writer *w, const struct hme_config *,
	    const struct hme_input *, const struct hme_score *, size_t n,
	    enum hme_format, int items);

/*
 * Read a YAML record stream: hme-response records into the tally,
 * other records (and mappings without kind, after a warning) to the
 * writer unchanged.  An invalid hme-response is an error, or with
 * skip_invalid a warning and counted.  Duplicate keys, anywhere in a
 * record, are always an error.  Returns 0 at the end of the stream, or
 * -1 with e filled.
 */
int	hme_read_yaml(struct hme_input *, struct tuff_reader *,
	    const char *name, struct tuff_error *e);

/*
 * Read one input, name as tuff_each_file gives it (the operand, or
 * "<stdin>"): a CSV export when csv is set or name ends in ".csv", in
 * any case; else a YAML record stream.  As hme_read_csv and
 * hme_read_yaml.
 */
int	hme_read(struct hme_input *, FILE *, const char *name, int csv,
	    struct tuff_error *e);

/*
 * Read a CSV export (see csv.h): the header names the columns, by
 * --column or by a known name or SKR's question text; every row is one
 * response, and a row of empty cells is skipped.  name is what
 * diagnostics call the input.  Returns 0, or -1 with e filled (every
 * missing column has been reported but the last, which is in e).
 */
int	hme_read_csv(struct hme_input *, FILE *, const char *name,
	    struct tuff_error *e);

/*
 * A run of hme-score (lib/hme_run.c): read the files (none or "-":
 * standard input) with hme_read, each a CSV export when csv is set,
 * into one tally by cf; then write the scores with hme_write in format
 * (items: each question's too) to standard output, or to output,
 * replaced only when the run succeeds.  in gives the columns and
 * skip_invalid (hme_input_init, then hme_input_column); the run reads
 * into a copy of it with a tally and a writer of its own, freed before
 * it returns.  Every error is reported on standard error, and so is a
 * warning, which under --strict fails the run.  Returns TUFF_OK or
 * TUFF_ERR.
 */
struct hme_run_conf {
	struct hme_config	 cf;
	struct hme_input	 in;
	enum hme_format		 format;
	int			 csv;		/* every input is CSV */
	int			 items;
};

int	hme_run(const struct hme_run_conf *, int argc, char **argv,
	    const char *output);

#endif
