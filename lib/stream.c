/*
 * Held output (see stream.h): a writer into a spill file, places in it
 * (offsets, with how the output ended there), and the copy to the real
 * output with records inserted at the places.
 */
#define _GNU_SOURCE	/* O_TMPFILE */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sendfile.h>
#include <sys/types.h>
#include <unistd.h>

#include "tuff/diag.h"
#include "tuff/stream.h"
#include "writer.h"

#define COPY_BUF	(64 * 1024)

struct place {
	off_t			 at;
	void			*arg;
	struct tuff_doc		*doc;	/* owned */
	struct writer_state	 st;
};

struct tuff_stream {
	FILE			*spill;
	char			*buf;	/* its stdio buffer */
	struct tuff_writer	*w;
	struct place		*places;
	size_t			 n, cap;
};

/* An unnamed file in $TMPDIR (or /tmp), open for writing and reading. */
static FILE *
spill_file(void)
{
	const char *dir = getenv("TMPDIR");
	char path[4096];
	FILE *fp;
	int fd = -1, saved;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
#ifdef O_TMPFILE
	fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
#endif
	if (fd == -1) {
		if ((size_t)snprintf(path, sizeof(path), "%s/tuff.XXXXXX",
		    dir) >= sizeof(path)) {
			errno = ENAMETOOLONG;
			return NULL;
		}
		if ((fd = mkstemp(path)) == -1)
			return NULL;
		unlink(path);
	}
	if ((fp = fdopen(fd, "w+")) == NULL) {
		saved = errno;
		close(fd);
		errno = saved;
		return NULL;
	}
	return fp;
}

struct tuff_stream *
tuff_stream_new(void)
{
	struct tuff_stream *s;
	int saved;

	if ((s = calloc(1, sizeof(*s))) == NULL)
		return NULL;
	if ((s->spill = spill_file()) == NULL) {
		saved = errno;
		free(s);
		errno = saved;
		return NULL;
	}
	/*
	 * Fewer, larger writes: a million records pass through here.
	 * glibc takes the size only with a buffer given.
	 */
	if ((s->buf = malloc(COPY_BUF)) != NULL)
		(void)setvbuf(s->spill, s->buf, _IOFBF, COPY_BUF);
	if ((s->w = tuff_writer_new(s->spill)) == NULL) {
		fclose(s->spill);
		free(s->buf);
		free(s);
		errno = ENOMEM;
		return NULL;
	}
	(void)writer_set_file(s->w, s->spill, 1);
	return s;
}

void
tuff_stream_free(struct tuff_stream *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->n; i++)
		tuff_doc_free(s->places[i].doc);
	tuff_writer_free(s->w);
	fclose(s->spill);
	free(s->buf);
	free(s->places);
	free(s);
}

struct tuff_writer *
tuff_stream_writer(struct tuff_stream *s)
{
	return s->w;
}

static int
spill_error(struct tuff_error *e, int err)
{
	return tuff_seterr(e, NULL, 0, 0, "temporary file: %s",
	    strerror(err != 0 ? err : EIO));
}

static int
add_place(struct tuff_stream *s, void *arg, struct tuff_doc *doc,
    struct tuff_error *e)
{
	struct place *p;
	size_t cap;
	off_t at;

	if (tuff_writer_flush(s->w) == -1)
		return tuff_writer_error(s->w, e);
	if ((at = ftello(s->spill)) == -1)
		return spill_error(e, errno);
	if (s->n == s->cap) {
		cap = s->cap > 0 ? s->cap * 2 : 16;
		if ((p = reallocarray(s->places, cap, sizeof(*p))) == NULL)
			return tuff_seterr(e, NULL, 0, 0, "out of memory");
		s->places = p;
		s->cap = cap;
	}
	p = &s->places[s->n++];
	p->at = at;
	p->arg = arg;
	p->doc = doc;
	writer_get_state(s->w, &p->st);
	return 0;
}

int
tuff_stream_place(struct tuff_stream *s, void *arg, struct tuff_doc *doc,
    struct tuff_error *e)
{
	if (add_place(s, arg, doc, e) == 0)
		return 0;
	tuff_doc_free(doc);
	return -1;
}

/* Bytes from the spill file's offset from, at most n of them. */
static size_t
span(off_t from, off_t to, size_t n)
{
	return to - from < (off_t)n ? (size_t)(to - from) : n;
}

/* Copy [*at, to) of the spill file to out, read and written. */
static int
copy_slow(struct tuff_stream *s, char *buf, off_t *at, off_t to,
    struct tuff_error *e)
{
	ssize_t n;

	while (*at < to) {
		n = pread(fileno(s->spill), buf, span(*at, to, COPY_BUF), *at);
		if (n <= 0)
			return spill_error(e, n == 0 ? EIO : errno);
		if (writer_put(s->w, buf, (size_t)n) == -1)
			return tuff_writer_error(s->w, e);
		*at += n;
	}
	return 0;
}

/*
 * Copy the spill file's bytes [from, to) to out.  The writer sees
 * their start first, to start a line or end a block scalar before them
 * if it must; then the kernel copies them (sendfile: no copy through
 * this process), or, where it cannot, a read and a write at a time.
 */
static int
copy(struct tuff_stream *s, char *buf, off_t from, off_t to, FILE *out,
    struct tuff_error *e)
{
	ssize_t n;
	off_t at = from;

	if (from >= to)
		return 0;
	n = pread(fileno(s->spill), buf, span(from, to, COPY_BUF), from);
	if (n <= 0)
		return spill_error(e, n == 0 ? EIO : errno);
	if (writer_prepare(s->w, buf, (size_t)n) == -1)
		return tuff_writer_error(s->w, e);
	if (fflush(out) == EOF) {
		writer_fail(s->w, errno);
		return tuff_writer_error(s->w, e);
	}
	if (fileno(out) == -1)		/* a stream in memory */
		return copy_slow(s, buf, &at, to, e);
	while (at < to) {
		n = sendfile(fileno(out), fileno(s->spill), &at,
		    span(at, to, 1 << 30));
		if (n > 0 || (n == -1 && errno == EINTR))
			continue;
		if (n == -1 && (errno == EINVAL || errno == ENOSYS))
			return copy_slow(s, buf, &at, to, e);
		writer_fail(s->w, n == 0 ? EIO : errno);
		return tuff_writer_error(s->w, e);
	}
	return 0;
}

int
tuff_stream_finish(struct tuff_stream *s, FILE *out, tuff_place_fn *fn,
    void *ctx, struct tuff_error *e)
{
	char *buf;
	off_t done = 0, end;
	size_t i;
	int rc = 0;

	if (tuff_writer_flush(s->w) == -1)
		return tuff_writer_error(s->w, e);
	if (fflush(s->spill) == EOF)
		return spill_error(e, errno);
	if ((end = ftello(s->spill)) == -1)
		return spill_error(e, errno);
	if ((buf = malloc(COPY_BUF)) == NULL)
		return tuff_seterr(e, NULL, 0, 0, "out of memory");
	if (writer_set_file(s->w, out, 0) == -1) {
		free(buf);
		return tuff_writer_error(s->w, e);
	}
	for (i = 0; i < s->n && rc == 0; i++) {
		rc = copy(s, buf, done, s->places[i].at, out, e);
		done = s->places[i].at;
		if (rc == 0) {
			writer_set_state(s->w, &s->places[i].st);
			rc = fn(s->places[i].arg, s->w, ctx, e);
			tuff_doc_free(s->places[i].doc);
			s->places[i].doc = NULL;
			/* The writer's own failure speaks for itself. */
			if (rc == -1 && tuff_writer_errno(s->w) != 0)
				rc = tuff_writer_error(s->w, e);
		}
	}
	if (rc == 0)
		rc = copy(s, buf, done, end, out, e);
	if (rc == 0 && tuff_writer_close(s->w) == -1)
		rc = tuff_writer_error(s->w, e);
	free(buf);
	return rc;
}

int
tuff_held_place(struct tuff_held *h, void *arg, struct tuff_error *e)
{
	return tuff_stream_place(h->s, arg, NULL, e);
}

int
tuff_held_keep(struct tuff_held *h, struct tuff_doc *doc,
    struct tuff_error *e)
{
	return tuff_stream_place(h->s, doc, doc, e);
}

/* After the input: end, then the output, only if all went well. */
static int
held_output(struct tuff_held *h, const char *output)
{
	struct tuff_out out;
	struct tuff_error e;
	FILE *fp;
	int ok;

	if (h->end != NULL && h->end(h->arg) == -1)
		return TUFF_ERR;
	if ((fp = tuff_out_open(&out, output)) == NULL)
		return TUFF_ERR;
	if (!(ok = tuff_stream_finish(h->s, fp, h->place, h->arg, &e) == 0))
		tuff_warnx("%s", e.msg);
	return tuff_out_close(&out, ok);
}

int
tuff_held_run(struct tuff_held *h, int argc, char **argv, const char *output)
{
	int rc;

	if ((h->s = tuff_stream_new()) == NULL) {
		tuff_warn("temporary file");
		return TUFF_ERR;
	}
	h->w = tuff_stream_writer(h->s);
	rc = tuff_each_record_or_pass(argc, argv, h->record, h->skip,
	    h->view ? NULL : h->w, h->arg);
	if (rc == TUFF_OK)
		rc = held_output(h, output);
	tuff_stream_free(h->s);
	h->s = NULL;
	h->w = NULL;
	return rc;
}
