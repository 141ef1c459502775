/*
 * libFuzzer target for the table of kinds and keys, as every tool
 * drives it (lib/schema.c).
 *
 * Whatever the bytes: every record read has its kind and its keys
 * checked, under a diagnostics configuration so the once-per-run
 * memory is used, and the check ends without a crash, a leak or a
 * read out of bounds; the warnings go to /dev/null.  The raw bytes are
 * also asked as a word of every near-miss function, whose answer must
 * be a name of the table (or NULL), never the word itself.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/diag.h"
#include "tuff/record.h"
#include "tuff/schema.h"

#define NAME	"fuzz"

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct tuff_diag_conf conf;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/*
	 * A warning per input would drown the fuzzer's own output.  The
	 * library writes to stderr the stream; libFuzzer kept the stream
	 * it had, and the sanitizers write to the descriptor, so their
	 * reports are still seen.
	 */
	if ((stderr = fopen("/dev/null", "w")) == NULL)
		abort();
	return 0;
}

static void
finding(const char *what)
{
	fprintf(stdout, "fuzz_schema: %s\n", what);
	fflush(stdout);
	abort();
}

/* The near-miss functions on the raw bytes as a word. */
static void
words(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "assign", "reject", "defer",
	    "kunskap.lessons-missing", "id", NULL };
	const char *w = (const char *)data, *near;
	const struct tuff_place *p;

	near = tuff_schema_near_kind(w, size);
	if (near != NULL && (!tuff_schema_is_kind(near, strlen(near)) ||
	    (strlen(near) == size && memcmp(near, w, size) == 0)))
		finding("near_kind answered something that is no other kind");
	near = tuff_schema_near(w, size, names, 0);
	if (near != NULL && strlen(near) == size && memcmp(near, w, size) == 0)
		finding("near answered the word itself");
	p = tuff_schema_child(tuff_schema_place("assignment"), "milestones",
	    10);
	near = tuff_schema_near_key(p, w, size);
	if (near != NULL && strcmp(near, "name") != 0 &&
	    strcmp(near, "due") != 0 && strcmp(near, "reached") != 0)
		finding("near_key answered a key of another place");
	(void)tuff_schema_check_key(tuff_schema_child(p, w, size), w, size,
	    NAME, 1, 1);
	(void)tuff_schema_check_key(tuff_schema_place("hme-response"), w,
	    size, NAME, 1, 1);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tuff_reader *r;
	struct tuff_doc *doc;
	struct tuff_error e;
	FILE *fp;

	memset(&conf, 0, sizeof(conf));
	conf.strict = size % 2;
	tuff_set_diag_conf(&conf);
	words(data, size);
	if (size == 0 || (fp = fmemopen((void *)data, size, "r")) == NULL)
		return 0;
	if ((r = tuff_reader_new(fp, NAME)) == NULL)
		abort();
	while (tuff_reader_next(r, &doc, &e) == 1) {
		tuff_schema_check_kind(doc);
		tuff_schema_check_keys(doc);
		tuff_schema_check_file(doc, "rules");
		tuff_doc_free(doc);
	}
	tuff_reader_free(r);
	fclose(fp);
	if (tuff_diag_status(0) != (conf.promoted > 0 ? 2 : 0))
		finding("--strict status does not follow the warnings");
	tuff_set_diag_conf(NULL);
	return 0;
}
