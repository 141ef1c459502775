/*
 * libFuzzer target for hme-score: the YAML fast path (against the tree
 * path), CSV input, the tally, suppression and every output format.
 *
 * The first byte chooses the run: bit 0 CSV input, bits 1-2 --by, bit 3
 * --rollup, bit 4 --trend, bit 5 --method respondent, bit 6
 * --skip-invalid, bit 7 --items; the threshold is 1 + the second byte
 * modulo 7.  The rest is the input.
 *
 * Whatever the bytes: reading ends in 0, or in -1 with an error that
 * names the input; a YAML input is read alike by the fast path and by
 * the tree path (the same outcome, error, counts and, when both read
 * to the end, warnings: a key that looks like a typo); the scores keep
 * their promises (figures 0 to 1000, nothing published under the
 * threshold, a suppressed group without figures, sorted); and every
 * output format writes: YAML that reads back as records, a table, and
 * CSV whose rows read back as wide as their header.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/csv.h"
#include "tuff/diag.h"
#include "tuff/hme.h"
#include "tuff/record.h"

#define NAME	"fuzz"

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/*
	 * A warning per input would drown the fuzzer's own output: the
	 * library writes to the stream stderr, libFuzzer and the
	 * sanitizers to the descriptor, so their reports are still seen.
	 */
	if ((stderr = fopen("/dev/null", "w")) == NULL)
		abort();
	return 0;
}

static void
finding(const char *what, const char *detail)
{
	fprintf(stdout, "fuzz_hme: %s%s%s\n", what, detail ? ": " : "",
	    detail ? detail : "");
	fflush(stdout);
	abort();
}

struct run {
	struct hme_config	 cf;
	int			 csv, items, skip;
};

struct outcome {
	int			 rc;
	struct tuff_error	 e;
	uint64_t		 responses, skipped, foreign;
	unsigned long		 warnings;	/* about the input */
};

/* Read the input into a fresh tally; the tally and input are the
 * caller's to score and free. */
static void
read_input(const struct run *run, const uint8_t *data, size_t size,
    int tree_only, struct hme_tally **tp, struct hme_input *in,
    struct tuff_writer *w, struct outcome *o)
{
	struct tuff_diag_conf conf;
	struct tuff_reader *r;
	FILE *fp;

	/* Each read a run of its own, strict so its warnings are counted. */
	memset(&conf, 0, sizeof(conf));
	conf.strict = 1;
	tuff_set_diag_conf(&conf);
	if ((*tp = hme_tally_new(&run->cf)) == NULL)
		abort();
	hme_input_init(in, *tp);
	in->skip_invalid = run->skip;
	in->tree_only = tree_only;
	in->w = w;
	memset(o, 0, sizeof(*o));
	fp = size > 0 ? fmemopen((void *)data, size, "r") :
	    fopen("/dev/null", "r");
	if (fp == NULL)
		abort();
	if (run->csv)
		o->rc = hme_read_csv(in, fp, NAME, &o->e);
	else {
		if ((r = tuff_reader_new(fp, NAME)) == NULL)
			abort();
		o->rc = hme_read_yaml(in, r, NAME, &o->e);
		tuff_reader_free(r);
	}
	fclose(fp);
	if (o->rc != 0 && o->rc != -1)
		finding("a reader returned neither 0 nor -1", NULL);
	if (o->rc == -1 && (o->e.msg[0] == '\0' || o->e.file == NULL ||
	    strcmp(o->e.file, NAME) != 0))
		finding("an error without message or file", o->e.msg);
	o->responses = in->responses;
	o->skipped = in->skipped;
	o->foreign = in->foreign;
	o->warnings = conf.promoted;
	tuff_set_diag_conf(NULL);
}

/* The fast path and the tree path agree on a YAML input. */
static void
compare_paths(const struct run *run, const uint8_t *data, size_t size)
{
	struct hme_tally *t[2];
	struct hme_input in[2];
	struct outcome o[2];
	int k;

	for (k = 0; k < 2; k++)
		read_input(run, data, size, k, &t[k], &in[k], NULL, &o[k]);
	if (o[0].rc != o[1].rc)
		finding("the paths end differently", o[0].rc ? o[0].e.msg :
		    o[1].e.msg);
	if (o[0].rc == -1 && (o[0].e.line != o[1].e.line ||
	    o[0].e.column != o[1].e.column ||
	    strcmp(o[0].e.msg, o[1].e.msg) != 0))
		finding("the paths report differently", o[0].e.msg);
	if (o[0].responses != o[1].responses || o[0].skipped != o[1].skipped ||
	    o[0].foreign != o[1].foreign)
		finding("the paths count differently", NULL);
	if (o[0].rc == 0 && o[0].warnings != o[1].warnings)
		finding("the paths warn differently", NULL);
	for (k = 0; k < 2; k++) {
		hme_input_free(&in[k]);
		hme_tally_free(t[k]);
	}
}

static void
check_figure(long v, const char *what)
{
	if (v < 0 || v > 1000)
		finding("a figure out of 0..1000", what);
}

/* What every score promises. */
static void
check_scores(const struct hme_config *cf, const struct hme_score *sc,
    size_t n)
{
	size_t i;
	int s, k;

	for (i = 0; i < n; i++) {
		if ((cf->by == HME_BY_PERIOD) != (sc[i].unit == NULL) ||
		    (cf->by == HME_BY_UNIT) != (sc[i].period == NULL))
			finding("a score with the wrong keys", NULL);
		if (sc[i].suppressed != (sc[i].published == 0))
			finding("suppressed and published disagree", NULL);
		if (sc[i].published != 0 && sc[i].respondents < cf->min_group)
			finding("published under the threshold", NULL);
		for (s = 0; s < HME_NSUBS; s++)
			if (sc[i].published & HME_PUB_SUB(s))
				check_figure(sc[i].sub[s], "subindex");
		if (sc[i].published & HME_PUB_INDEX) {
			check_figure(sc[i].index, "index");
			if ((sc[i].published & 7) != 7)
				finding("an index without its subindices",
				    NULL);
		}
		for (k = 0; k < HME_NITEMS; k++)
			if (sc[i].item_pub & (1U << k)) {
				check_figure(sc[i].item[k], "item");
				if (sc[i].answered[k] < cf->min_group)
					finding("an item published under the "
					    "threshold", NULL);
			}
		if (cf->method == HME_METHOD_ITEM)
			for (s = 0; s < HME_NSUBS; s++)
				if (!!(sc[i].published & HME_PUB_SUB(s)) !=
				    ((sc[i].item_pub >> (3 * s) & 7) == 7))
					finding("a subindex without its "
					    "questions", NULL);
		if (i > 0 && sc[i].unit != NULL &&
		    hme_unit_cmp(sc[i - 1].unit, sc[i].unit) > 0)
			finding("scores out of order", NULL);
	}
}

/* The YAML output reads back: records of three kinds, n scores. */
static void
check_yaml(const char *buf, size_t len, size_t n, int items)
{
	struct tuff_reader *r;
	struct tuff_doc *doc;
	struct tuff_error e;
	size_t scores = 0, itemrecs = 0;
	FILE *fp;
	int rc;

	if (len == 0)
		return;
	if ((fp = fmemopen((void *)buf, len, "r")) == NULL ||
	    (r = tuff_reader_new(fp, "out")) == NULL)
		abort();
	while ((rc = tuff_reader_next(r, &doc, &e)) == 1) {
		if (doc->kind != NULL && strcmp(doc->kind, "hme-score") == 0)
			scores++;
		if (doc->kind != NULL && strcmp(doc->kind, "hme-item") == 0)
			itemrecs++;
		tuff_doc_free(doc);
	}
	if (rc == -1)
		finding("the YAML output does not read back", e.msg);
	if (scores != n || itemrecs != (items ? HME_NITEMS * n : 0))
		finding("the YAML output has the wrong records", NULL);
	tuff_reader_free(r);
	fclose(fp);
}

/* The CSV output reads back, every row as wide as the header. */
static void
check_csv(const char *buf, size_t len)
{
	struct csv_reader *r;
	struct csv_row row;
	struct tuff_error e;
	size_t width = 0;
	FILE *fp;
	int rc;

	if ((fp = fmemopen((void *)buf, len, "r")) == NULL ||
	    (r = csv_reader_new(fp, "out.csv")) == NULL)
		abort();
	while ((rc = csv_read_row(r, &row, &e)) == 1) {
		if (width == 0)
			width = row.n;
		else if (row.n != width)
			finding("a CSV row of another width", NULL);
	}
	if (rc == -1)
		finding("the CSV output does not read back", e.msg);
	csv_reader_free(r);
	fclose(fp);
}

/* Score and write in every format. */
static void
score(const struct run *run, struct hme_tally *t, struct hme_input *in)
{
	const struct hme_score *sc;
	struct tuff_writer *w;
	char *buf = NULL;
	size_t len = 0, n;
	FILE *out;
	enum hme_format f;

	if (hme_tally_scores(t, &sc, &n) == -1)
		return;		/* out of memory */
	check_scores(&run->cf, sc, n);
	for (f = HME_FORMAT_YAML; f <= HME_FORMAT_CSV_SV; f++) {
		if ((out = open_memstream(&buf, &len)) == NULL)
			abort();
		w = f == HME_FORMAT_YAML ? tuff_writer_new(out) : NULL;
		if (f == HME_FORMAT_YAML && w == NULL)
			abort();
		if (hme_write(out, w, &run->cf, in, sc, n, f, run->items) ==
		    -1)
			abort();
		if (w != NULL && tuff_writer_close(w) == -1)
			finding("the writer failed", NULL);
		tuff_writer_free(w);
		fclose(out);
		if (f == HME_FORMAT_YAML)
			check_yaml(buf, len, n, run->items);
		if (f == HME_FORMAT_CSV || f == HME_FORMAT_CSV_SV)
			check_csv(buf, len);
		free(buf);
		buf = NULL;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct run run;
	struct hme_tally *t;
	struct hme_input in;
	struct outcome o;

	if (size < 2)
		return 0;
	memset(&run, 0, sizeof(run));
	run.csv = data[0] & 1;
	run.cf.by = (enum hme_by)((data[0] >> 1 & 3) % 3);
	run.cf.rollup = data[0] >> 3 & 1 && run.cf.by != HME_BY_PERIOD;
	run.cf.trend = data[0] >> 4 & 1 && run.cf.by != HME_BY_UNIT;
	run.cf.method = data[0] >> 5 & 1 ? HME_METHOD_RESPONDENT :
	    HME_METHOD_ITEM;
	run.skip = data[0] >> 6 & 1;
	run.items = data[0] >> 7 & 1;
	run.cf.min_group = 1 + data[1] % 7;
	if (!run.csv)
		compare_paths(&run, data + 2, size - 2);
	read_input(&run, data + 2, size - 2, 0, &t, &in, NULL, &o);
	if (o.rc == 0)
		score(&run, t, &in);
	hme_input_free(&in);
	hme_tally_free(t);
	return 0;
}
