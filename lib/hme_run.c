/*
 * A run of hme-score (see hme.h): every input read into one tally,
 * then the scores written in one format, to standard output or to
 * -o FILE, which is replaced only when the run succeeds.
 */
#include <stdio.h>

#include "tuff/diag.h"
#include "tuff/hme.h"
#include "tuff/record.h"
#include "tuff/run.h"

struct run {
	const struct hme_run_conf	*conf;
	struct hme_input		 in;	/* conf's, with a tally */
};

/* One operand (tuff_each_file: none means standard input). */
static int
read_one(FILE *fp, const char *name, void *arg, struct tuff_error *e)
{
	struct run *r = arg;

	return hme_read(&r->in, fp, name, r->conf->csv, e);
}

/* Score and write everything; TUFF_OK or TUFF_ERR (reported). */
static int
write_scores(struct run *r, FILE *fp, struct tuff_writer *w)
{
	const struct hme_run_conf *c = r->conf;
	const struct hme_score *sc;
	size_t n;

	if (hme_tally_scores(r->in.tally, &sc, &n) == -1 ||
	    (tuff_diag_status(TUFF_OK) == TUFF_OK &&
	    hme_write(fp, w, &c->cf, &r->in, sc, n, c->format,
	    c->items) == -1)) {
		tuff_warnx("out of memory");
		return TUFF_ERR;
	}
	/* Under --strict a warning made the run fail: reported. */
	return tuff_diag_status(TUFF_OK);
}

/*
 * Read the inputs and write the scores to fp, out's stream; records of
 * other kinds go on as read, through the writer, in YAML only.  Closes
 * out, keeping the output only when all went well.  TUFF_OK or
 * TUFF_ERR, reported.
 */
static int
read_and_write(struct run *r, struct tuff_out *out, FILE *fp, int argc,
    char **argv)
{
	struct tuff_writer *w = NULL;
	int rc;

	if (r->conf->format == HME_FORMAT_YAML &&
	    (w = tuff_writer_new(fp)) == NULL) {
		tuff_warnx("out of memory");
		tuff_out_close(out, 0);
		return TUFF_ERR;
	}
	r->in.w = w;
	rc = tuff_each_file(argc, argv, read_one, r);
	if (rc == TUFF_OK)
		rc = write_scores(r, fp, w);
	if (w != NULL && tuff_writer_close(w) == -1)
		tuff_out_error(out, tuff_writer_errno(w));
	tuff_writer_free(w);
	return tuff_out_close(out, tuff_diag_status(rc) == TUFF_OK);
}

int
hme_run(const struct hme_run_conf *conf, int argc, char **argv,
    const char *output)
{
	struct run r = { conf, conf->in };
	struct tuff_out out;
	FILE *fp;
	int rc = TUFF_ERR;

	if ((r.in.tally = hme_tally_new(&conf->cf)) == NULL) {
		tuff_warnx("out of memory");
		return TUFF_ERR;
	}
	if ((fp = tuff_out_open(&out, output)) != NULL)
		rc = read_and_write(&r, &out, fp, argc, argv);
	hme_input_free(&r.in);
	hme_tally_free(r.in.tally);
	return tuff_diag_status(rc);
}
