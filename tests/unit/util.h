/*
 * What several unit tests need: a stream over bytes in memory, and the
 * first record of a YAML text.  Included after cmocka.h.
 */
#ifndef TUFF_TEST_UTIL_H
#define TUFF_TEST_UTIL_H

#include <stdio.h>
#include <string.h>

#include "tuff/record.h"

/* A stream over len bytes of data; fmemopen refuses a zero size on some
 * libcs, so an empty one reads /dev/null. */
static inline FILE *
mem_file(const void *data, size_t len)
{
	FILE *fp;

	if (len == 0)
		fp = fopen("/dev/null", "r");
	else
		fp = fmemopen((void *)data, len, "r");
	assert_non_null(fp);
	return fp;
}

/* The first record of a YAML text, read as a tool reads it; the test
 * fails, with the reader's message, if there is none.  The test owns
 * the document. */
static inline struct tuff_doc *
doc_of(const char *yaml)
{
	struct tuff_reader *r;
	struct tuff_doc *doc = NULL;
	struct tuff_error e;
	FILE *fp = mem_file(yaml, strlen(yaml));

	r = tuff_reader_new(fp, "t.yaml");
	assert_non_null(r);
	if (tuff_reader_next(r, &doc, &e) != 1)
		fail_msg("%lu:%lu: %s", e.line, e.column, e.msg);
	tuff_reader_free(r);
	fclose(fp);
	return doc;
}

#endif
