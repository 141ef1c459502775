/*
 * passthrough [-s] [file ...]: read records with the library's reader
 * and write them back with its writer.  The conformance test and the
 * nasty corpus drive the record I/O through this, as every binary does.
 * With -s, records that start with a kind are streamed through
 * (tuff_reader_next_or_pass) rather than built, as tuff-decide does.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "tuff/diag.h"
#include "tuff/run.h"

static int
write_record(struct tuff_doc *doc, void *arg, struct tuff_error *e)
{
	if (tuff_write_passthrough(arg, doc) == -1)
		return tuff_seterr(e, NULL, 0, 0, "write error");
	return 0;
}

static int
every_kind(const char *kind, void *arg)
{
	(void)kind;
	(void)arg;
	return 1;
}

static int
stream_input(struct tuff_reader *r, const char *name, void *arg,
    struct tuff_error *e)
{
	struct tuff_doc *doc;
	int rc;

	(void)name;
	while ((rc = tuff_reader_next_or_pass(r, &doc, every_kind, NULL, arg,
	    e)) > 0)
		if (rc == 1 && write_record(doc, arg, e) == -1)
			return -1;
	return rc;
}

int
main(int argc, char *argv[])
{
	struct tuff_writer *w;
	int c, stream = 0, rc;

	tuff_setprogname(argv[0]);
	while ((c = getopt(argc, argv, "s")) != -1) {
		if (c != 's') {
			fprintf(stderr, "usage: passthrough [-s] [file ...]\n");
			return TUFF_ERR;
		}
		stream = 1;
	}
	if ((w = tuff_writer_new(stdout)) == NULL)
		return TUFF_ERR;
	rc = stream ? tuff_each_input(argc - optind, argv + optind,
	    stream_input, w) : tuff_each_record(argc - optind, argv + optind,
	    write_record, w);
	if (tuff_writer_close(w) == -1 && rc == TUFF_OK) {
		tuff_warn("write error");
		rc = TUFF_ERR;
	}
	tuff_writer_free(w);
	return rc;
}
