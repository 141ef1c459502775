/*
 * passthrough [-e | -s] [file ...]: read records with the library's
 * reader and write them back with its writer, as every binary does.
 * By default each record is built as a tree and written as the text it
 * was read from (a record a tool did not change); with -s records are
 * checked without a tree (tuff_each_record_or_pass, as tools pass
 * records of kinds they do not read); with -e each tree goes through
 * the emitter (a record a tool changed).  The text after the last
 * record of each file is written too.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "tuff/diag.h"
#include "tuff/run.h"

enum mode { RAW, SKIP, EMIT };

struct pass {
	struct tuff_writer	*w;
	enum mode		 mode;
};

static int
write_record(struct tuff_doc *doc, void *arg, struct tuff_error *e)
{
	struct pass *p = arg;
	int rc;

	rc = p->mode == EMIT ? tuff_write_changed(p->w, doc) :
	    tuff_write_unchanged(p->w, doc);
	tuff_doc_free(doc);
	return rc == -1 ? tuff_writer_error(p->w, e) : 0;
}

static int
every_kind(const char *kind, void *arg)
{
	(void)kind;
	(void)arg;
	return 1;
}

int
main(int argc, char *argv[])
{
	struct pass p = { NULL, RAW };
	struct tuff_error e;
	int c, rc;

	tuff_setprogname(argv[0]);
	while ((c = getopt(argc, argv, "es")) != -1)
		switch (c) {
		case 'e':
			p.mode = EMIT;
			break;
		case 's':
			p.mode = SKIP;
			break;
		default:
			fprintf(stderr, "usage: passthrough [-e | -s] "
			    "[file ...]\n");
			return TUFF_ERR;
		}
	if ((p.w = tuff_writer_new(stdout)) == NULL)
		return TUFF_ERR;
	rc = tuff_each_record_or_pass(argc - optind, argv + optind,
	    write_record, p.mode == SKIP ? every_kind : NULL, p.w, &p);
	if (tuff_writer_close(p.w) == -1 && rc == TUFF_OK) {
		tuff_writer_error(p.w, &e);
		tuff_warnx("%s", e.msg);
		rc = TUFF_ERR;
	}
	tuff_writer_free(p.w);
	return rc;
}
