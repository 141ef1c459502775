/*
 * drive: push nasty inputs through the library as the tools do.
 *
 *   drive FILE ...     for each file, in this one process: every CSV row
 *                      of FILE.csv; every record of any other file,
 *                      written as read and through the emitter, with
 *                      the text after it, and, the second way, every
 *                      event (hme-score's way); then judge how each
 *                      ended by the file's name (see run.sh)
 *
 * One line per file and way: "ok   NAME way (status) message" or "FAIL
 * ..."; exit 0 when none failed, 1 otherwise.  A crash or a sanitizer's
 * report ends the run, naming no case: run a file alone to find it.
 */
#include <stdio.h>
#include <string.h>

#include "tuff/csv.h"
#include "tuff/diag.h"
#include "tuff/record.h"

enum way { RECORDS, EVENTS, CSV };
static const char *const way_name[] = { "", " -e", "" };

/* Every record, written both ways a tool writes, and the tail. */
static int
records(struct tuff_reader *r, struct tuff_writer *w, struct tuff_error *e)
{
	struct tuff_doc *doc;
	const char *tail;
	size_t n;
	int rc;

	while ((rc = tuff_reader_next(r, &doc, e)) == 1) {
		rc = tuff_write_unchanged(w, doc);
		if (rc == 0)
			rc = tuff_write_changed(w, doc);
		tuff_doc_free(doc);
		if (rc == -1)
			return tuff_writer_error(w, e);
	}
	if (rc == 0) {
		tail = tuff_reader_tail(r, &n);
		if (tuff_write_text(w, tail, n) == -1)
			return tuff_writer_error(w, e);
	}
	return rc;
}

/* Every event; keep to the depth the reader promises. */
static int
events(struct tuff_reader *r, struct tuff_error *e)
{
	struct tuff_event ev;
	int rc;

	while ((rc = tuff_reader_event(r, &ev, e)) == 1)
		if (ev.depth > TUFF_MAX_DEPTH)
			return tuff_seterr(e, "?", ev.line, ev.column,
			    "depth %d beyond the limit", ev.depth);
	return rc;
}

static int
csv(FILE *fp, const char *name, struct tuff_error *e)
{
	struct csv_reader *r;
	struct csv_row row;
	int rc;

	if ((r = csv_reader_new(fp, name)) == NULL)
		return tuff_seterr(e, name, 0, 0, "out of memory");
	while ((rc = csv_read_row(r, &row, e)) == 1)
		continue;
	csv_reader_free(r);
	return rc;
}

/* Read path one way; 0, or -1 with e filled. */
static int
drive(const char *path, enum way way, FILE *out, struct tuff_error *e)
{
	struct tuff_reader *r;
	struct tuff_writer *w;
	FILE *fp;
	int rc;

	memset(e, 0, sizeof(*e));
	if ((fp = fopen(path, "rb")) == NULL)
		return tuff_seterr(e, path, 0, 0, "cannot open");
	if (way == CSV) {
		rc = csv(fp, path, e);
		fclose(fp);
		return rc;
	}
	if ((r = tuff_reader_new(fp, path)) == NULL ||
	    (w = tuff_writer_new(out)) == NULL)
		return tuff_seterr(e, path, 0, 0, "out of memory");
	rc = way == EVENTS ? events(r, e) : records(r, w, e);
	if (tuff_writer_close(w) == -1 && rc == 0)
		rc = tuff_writer_error(w, e);
	tuff_writer_free(w);
	tuff_reader_free(r);
	fclose(fp);
	return rc;
}

/*
 * How it should end, by the file's name: ok-* is accepted, bad-*
 * rejected with a message, reject-* rejected as records (the event
 * layer leaves duplicate keys and the type of a document to its
 * callers); others may go either way.
 */
static const char *
judge(const char *name, enum way way, int rc, const struct tuff_error *e)
{
	if (strncmp(name, "ok-", 3) == 0)
		return rc == 0 ? NULL : "rejected, should pass";
	if (strncmp(name, "reject-", 7) == 0 && way == EVENTS)
		return NULL;
	if (strncmp(name, "bad-", 4) == 0 || strncmp(name, "reject-", 7) == 0) {
		if (rc == 0)
			return "accepted, should fail";
		if (e->msg[0] == '\0')
			return "rejected without a message";
	}
	return NULL;
}

int
main(int argc, char *argv[])
{
	struct tuff_error e;
	const char *name, *why;
	enum way way;
	size_t len;
	FILE *out;
	int i, rc, fails = 0, runs = 0;

	tuff_setprogname(argv[0]);
	if ((out = fopen("/dev/null", "w")) == NULL)
		return 2;
	for (i = 1; i < argc; i++) {
		name = strrchr(argv[i], '/') != NULL ?
		    strrchr(argv[i], '/') + 1 : argv[i];
		len = strlen(name);
		for (way = RECORDS; way <= CSV; way++) {
			if ((way == CSV) != (len > 4 &&
			    strcmp(name + len - 4, ".csv") == 0))
				continue;
			rc = drive(argv[i], way, out, &e);
			runs++;
			if ((why = judge(name, way, rc, &e)) != NULL) {
				fails++;
				printf("FAIL %s%s: %s: %s\n", name,
				    way_name[way], why, e.msg);
			} else
				printf("ok   %s%s (%d) %s\n", name,
				    way_name[way], rc == 0 ? 0 : 2, e.msg);
		}
	}
	fclose(out);
	printf("%d runs, %d failed\n", runs, fails);
	return fails == 0 ? 0 : 1;
}
