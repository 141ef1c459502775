/*
 * What several unit tests need: a stream over bytes in memory, the
 * first record of a YAML text, temporary files for the runs that read
 * and write files by name, and standard error caught while the library
 * reports on it.  Included after cmocka.h.
 */
#ifndef TUFF_TEST_UTIL_H
#define TUFF_TEST_UTIL_H

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/*
 * A temporary file holding text (NULL: a free name, no file made).
 * path is a template ending in six X, refilled first, so that one
 * buffer may serve several times.
 */
static inline void
temp_file(char *path, const char *text)
{
	int fd;

	memcpy(path + strlen(path) - 6, "XXXXXX", 6);
	fd = mkstemp(path);
	assert_true(fd != -1);
	if (text != NULL)
		assert_int_equal(write(fd, text, strlen(text)),
		    (ssize_t)strlen(text));
	close(fd);
	if (text == NULL)
		unlink(path);
}

/*
 * The whole of the file at path as a string, which the caller frees,
 * and the file removed; NULL when there is no file.
 */
static inline char *
take_file(const char *path)
{
	struct stat st;
	char *text;
	FILE *fp;

	if ((fp = fopen(path, "r")) == NULL)
		return NULL;
	assert_int_equal(fstat(fileno(fp), &st), 0);
	assert_non_null(text = calloc(1, (size_t)st.st_size + 1));
	assert_int_equal(fread(text, 1, (size_t)st.st_size, fp),
	    (size_t)st.st_size);
	fclose(fp);
	unlink(path);
	return text;
}

/* Standard error into a file while a test looks at what is reported. */
struct capture {
	int	 saved;
	FILE	*fp;
	char	*text;
};

static inline void
capture_start(struct capture *c)
{
	fflush(stderr);
	c->fp = tmpfile();
	assert_non_null(c->fp);
	c->saved = dup(STDERR_FILENO);
	assert_true(c->saved >= 0);
	assert_true(dup2(fileno(c->fp), STDERR_FILENO) >= 0);
	c->text = NULL;
}

/* Stop capturing; c->text holds what was written (free it). */
static inline void
capture_stop(struct capture *c)
{
	long n;

	fflush(stderr);
	assert_true(dup2(c->saved, STDERR_FILENO) >= 0);
	close(c->saved);
	fseek(c->fp, 0, SEEK_END);
	n = ftell(c->fp);
	rewind(c->fp);
	c->text = calloc(1, (size_t)n + 1);
	assert_non_null(c->text);
	assert_int_equal(fread(c->text, 1, (size_t)n, c->fp), (size_t)n);
	fclose(c->fp);
}

/* What fn wrote on standard error (the first 16 KiB), in a buffer
 * that the next call overwrites. */
static inline const char *
stderr_of(void (*fn)(void))
{
	static char out[16384];
	struct capture c;

	capture_start(&c);
	fn();
	capture_stop(&c);
	snprintf(out, sizeof(out), "%s", c.text);
	free(c.text);
	return out;
}

#endif
