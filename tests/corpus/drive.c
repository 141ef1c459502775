/*
 * drive: push one nasty input through the library as a tool would.
 *
 *   drive FILE.csv     read every CSV row, print the number of rows
 *   drive FILE         read every record and write it to stdout
 *   drive -e FILE      read every event (hme-score's way)
 *
 * Exits TUFF_OK or TUFF_ERR after reporting the error; anything else
 * (a signal, a sanitizer's report) is what tests/corpus/run.sh catches.
 */
#include <stdio.h>
#include <string.h>

#include "tuff/csv.h"
#include "tuff/diag.h"
#include "tuff/run.h"

static int
write_record(struct tuff_doc *doc, void *arg, struct tuff_error *e)
{
	struct tuff_writer *w = arg;
	int rc;

	rc = tuff_write_doc(w, doc->root);
	tuff_doc_free(doc);
	if (rc == -1)
		return tuff_seterr(e, NULL, 0, 0, "write error");
	return 0;
}

static int
records(char *path)
{
	struct tuff_writer *w;
	int rc;

	if ((w = tuff_writer_new(stdout)) == NULL) {
		tuff_warnx("out of memory");
		return TUFF_ERR;
	}
	rc = tuff_each_record(1, &path, write_record, w);
	if (tuff_writer_close(w) == -1 && rc == TUFF_OK) {
		tuff_warnx("write error");
		rc = TUFF_ERR;
	}
	tuff_writer_free(w);
	return rc;
}

/* Read all events of one input; keep to the depth the reader promises. */
static int
read_events(struct tuff_reader *r, const char *name, void *arg,
    struct tuff_error *e)
{
	struct tuff_event ev;
	int rc;

	(void)arg;
	while ((rc = tuff_reader_event(r, &ev, e)) == 1)
		if (ev.depth > TUFF_MAX_DEPTH)
			return tuff_seterr(e, name, ev.line, ev.column,
			    "depth %d beyond the limit", ev.depth);
	return rc;
}

static int
events(char *path)
{
	return tuff_each_input(1, &path, read_events, NULL);
}

static int
csv(char *path)
{
	struct csv_reader *r;
	struct csv_row row;
	struct tuff_error e;
	const char *name;
	unsigned long n = 0;
	FILE *fp;
	int rc;

	if ((fp = tuff_open_input(path, &name)) == NULL)
		return TUFF_ERR;
	if ((r = csv_reader_new(fp, name)) == NULL) {
		tuff_warnx("out of memory");
		fclose(fp);
		return TUFF_ERR;
	}
	while ((rc = csv_read_row(r, &row, &e)) == 1)
		n++;
	if (rc == -1)
		tuff_report("error", &e);
	else
		printf("%lu rows, %zu columns, delimiter '%c'\n", n,
		    csv_columns(r), csv_delimiter(r));
	csv_reader_free(r);
	fclose(fp);
	return rc == -1 ? TUFF_ERR : TUFF_OK;
}

int
main(int argc, char *argv[])
{
	size_t len;
	int rc, ev = 0;

	tuff_setprogname(argv[0]);
	if (argc == 3 && strcmp(argv[1], "-e") == 0) {
		ev = 1;
		argv++;
		argc--;
	}
	if (argc != 2) {
		fprintf(stderr, "usage: drive [-e] file\n");
		return TUFF_ERR;
	}
	len = strlen(argv[1]);
	if (ev)
		rc = events(argv[1]);
	else if (len > 4 && strcmp(argv[1] + len - 4, ".csv") == 0)
		rc = csv(argv[1]);
	else
		rc = records(argv[1]);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		tuff_warn("write error");
		rc = TUFF_ERR;
	}
	return rc;
}
