/*
 * The part of every binary around its own logic: the inputs read as
 * records, one file after another.  Opening the inputs is input.c's,
 * the output output.c's.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "tuff/diag.h"
#include "tuff/run.h"
#include "tuff/schema.h"

#define STDIN_NAME	"<stdin>"

FILE *
tuff_open_input(const char *path, const char **name)
{
	FILE *fp;

	if (strcmp(path, "-") == 0) {
		*name = STDIN_NAME;
		return stdin;
	}
	*name = path;
	if ((fp = fopen(path, "r")) == NULL)
		tuff_diag("error", path, 0, 0, "%s", strerror(errno));
	return fp;
}

int
tuff_stdin_is_tty(int nfiles)
{
	return nfiles == 0 && isatty(STDIN_FILENO);
}

struct each_input {
	tuff_input_fn	*fn;
	void		*arg;
};

/* A reader on each file, for tuff_each_input. */
static int
read_input(FILE *fp, const char *name, void *arg, struct tuff_error *e)
{
	struct each_input *ei = arg;
	struct tuff_reader *r;
	int rc;

	if ((r = tuff_reader_new(fp, name)) == NULL)
		return tuff_seterr(e, NULL, 0, 0, "out of memory");
	rc = ei->fn(r, name, ei->arg, e);
	tuff_reader_free(r);
	return rc;
}

/*
 * Call fn with a reader on each input in turn; "no files" means
 * standard input.  Stops at the first error.
 */
int
tuff_each_input(int argc, char **argv, tuff_input_fn *fn, void *arg)
{
	struct each_input ei = { fn, arg };

	return tuff_each_file(argc, argv, read_input, &ei);
}

struct each_record {
	tuff_record_fn	*fn;
	void		*arg;
	int		(*pass)(const char *kind, void *arg);
	struct tuff_writer *w;
	struct tuff_quiet quiet;
};

/* Write text the reader did not hand to fn: a record passed, a tail. */
static int
pass_text(struct tuff_writer *w, const struct tuff_raw *raw, const char *p,
    size_t n, struct tuff_error *e)
{
	int rc;

	if (w == NULL)
		return 0;
	rc = raw != NULL ? tuff_write_raw(w, raw) : tuff_write_text(w, p, n);
	return rc == -1 ? tuff_writer_error(w, e) : 0;
}

/*
 * The answer for the last kind that needed no word is kept: a stream
 * repeats a few kinds, and the typo search costs more than the copy of
 * a record passed on.
 */
int
tuff_kind_quiet(struct tuff_quiet *q, const char *kind)
{
	size_t len = strlen(kind);

	/* len 0 is none: an empty kind is never quiet. */
	if (q->len != 0 && len == q->len && memcmp(kind, q->kind, len) == 0)
		return 1;
	if (len == 0 || tuff_plain_is_special(kind, len) ||
	    tuff_schema_near_kind(kind, len) != NULL)
		return 0;
	if (len < sizeof(q->kind)) {
		memcpy(q->kind, kind, len);
		q->len = len;
	}
	return 1;
}

/*
 * A record is streamed unbuilt only when its kind needs no word: one
 * that does not read as a string, or looks like a typo of a known kind,
 * is built, so that read_records can say so.
 */
static int
may_pass(const char *kind, void *arg)
{
	struct each_record *er = arg;

	return tuff_kind_quiet(&er->quiet, kind) && er->pass(kind, er->arg);
}

static int
read_records(struct tuff_reader *r, const char *name, void *arg,
    struct tuff_error *e)
{
	struct each_record *er = arg;
	struct tuff_doc *doc;
	const char *tail;
	size_t n;
	int rc;

	(void)name;
	for (;;) {
		rc = er->pass != NULL ? tuff_reader_next_or_pass(r, &doc,
		    may_pass, er, e) : tuff_reader_next(r, &doc, e);
		if (rc == -1)
			return -1;
		if (rc == 0) {
			/* Comments after the last record are kept too. */
			tail = tuff_reader_tail(r, &n);
			return pass_text(er->w, NULL, tail, n, e);
		}
		if (rc == 2) {
			if (pass_text(er->w, tuff_reader_raw(r), NULL, 0,
			    e) == -1)
				return -1;
			continue;
		}
		tuff_schema_check_kind(doc);
		if (er->fn(doc, er->arg, e) == -1)
			return -1;
	}
}

int
tuff_each_record(int argc, char **argv, tuff_record_fn *fn, void *arg)
{
	struct each_record er = { fn, arg, NULL, NULL, { "", 0 } };

	return tuff_each_input(argc, argv, read_records, &er);
}

int
tuff_each_record_or_pass(int argc, char **argv, tuff_record_fn *fn,
    int (*pass)(const char *kind, void *arg), struct tuff_writer *w,
    void *arg)
{
	struct each_record er = { fn, arg, pass, w, { "", 0 } };

	return tuff_each_input(argc, argv, read_records, &er);
}
