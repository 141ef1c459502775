/*
 * passthrough [file ...]: read records with the library's reader and
 * write them back with its writer.  The conformance test and the nasty
 * corpus drive the record I/O through this, as every binary does.
 */
#include <stdio.h>

#include "tuff/diag.h"
#include "tuff/run.h"

static int
write_record(struct tuff_doc *doc, void *arg, struct tuff_error *e)
{
	if (tuff_write_passthrough(arg, doc) == -1)
		return tuff_seterr(e, NULL, 0, 0, "emitter error");
	return 0;
}

int
main(int argc, char *argv[])
{
	struct tuff_writer *w;
	int rc;

	tuff_setprogname(argv[0]);
	if ((w = tuff_writer_new(stdout)) == NULL)
		return TUFF_ERR;
	rc = tuff_each_record(argc - 1, argv + 1, write_record, w);
	if (tuff_writer_close(w) == -1 && rc == TUFF_OK) {
		tuff_warn("write error");
		rc = TUFF_ERR;
	}
	tuff_writer_free(w);
	return rc;
}
