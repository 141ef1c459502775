/*
 * Held output (see stream.h): a writer into a spill file, places in it
 * (offsets, with how the output ended there), and the copy to the real
 * output with records inserted at the places.
 *
 * Failures follow the outputs' one voice (tuff_out_open): a write that
 * fails is noted in the tuff_out it went to, and reported once, when
 * that is closed: "write error: REASON" for the output, "write error:
 * temporary file in DIR: REASON" for the spill.
 */
#define _GNU_SOURCE	/* sendfile */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sendfile.h>
#include <sys/types.h>
#include <unistd.h>

#include "tuff/diag.h"
#include "tuff/stream.h"
#include "pages.h"
#include "writer.h"

#define COPY_BUF	(64 * 1024)

struct place {
	off_t			 at;
	void			*arg;
	struct tuff_doc		*doc;	/* owned */
	struct writer_state	 st;
};

struct tuff_stream {
	struct tuff_out		 spill;
	char			*buf;	/* for copies from the spill, at the end */
	struct tuff_writer	*w;
	int			 finishing;	/* w writes to the output */
	struct place		*places;
	size_t			 n, cap;
};

struct tuff_stream *
tuff_stream_new(void)
{
	struct tuff_stream *s;

	if ((s = calloc(1, sizeof(*s))) == NULL) {
		tuff_warnx("out of memory");
		return NULL;
	}
	if (tuff_out_temp(&s->spill) == NULL) {
		free(s);
		return NULL;
	}
	if ((s->w = tuff_writer_new(s->spill.fp)) == NULL) {
		tuff_warnx("out of memory");
		tuff_out_close(&s->spill, 0);
		free(s);
		return NULL;
	}
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
	/* What failed while the spill was written is the spill's. */
	if (!s->finishing && tuff_writer_errno(s->w) != 0)
		tuff_out_error(&s->spill, tuff_writer_errno(s->w));
	tuff_writer_free(s->w);
	tuff_out_close(&s->spill, 0);		/* reports its failure */
	pages_free(s->buf, COPY_BUF);
	free(s->places);
	free(s);
}

struct tuff_writer *
tuff_stream_writer(struct tuff_stream *s)
{
	return s->w;
}

/* The spill failed (a write, a read, its offset): its failure, reported at its close. */
static int
spill_failed(struct tuff_stream *s, int err, struct tuff_error *e)
{
	tuff_out_error(&s->spill, err != 0 ? err : EIO);
	return tuff_seterr_written(e);
}

static int
add_place(struct tuff_stream *s, void *arg, struct tuff_doc *doc,
    struct tuff_error *e)
{
	struct place *p;
	size_t cap;

	if (tuff_writer_flush(s->w) == -1)
		return tuff_writer_error(s->w, e);
	if (s->n == s->cap) {
		cap = s->cap > 0 ? s->cap * 2 : 16;
		if ((p = reallocarray(s->places, cap, sizeof(*p))) == NULL)
			return tuff_seterr(e, NULL, 0, 0, "out of memory");
		s->places = p;
		s->cap = cap;
	}
	p = &s->places[s->n];
	if ((p->at = writer_offset(s->w)) == -1)
		return spill_failed(s, errno, e);
	s->n++;
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

/* The output failed: noted in out, reported at its close. */
static int
out_failed(struct tuff_stream *s, struct tuff_out *out,
    struct tuff_error *e)
{
	tuff_out_error(out, tuff_writer_errno(s->w));
	return tuff_seterr_written(e);
}

/* Bytes from the spill file's offset from, at most n of them. */
static size_t
span(off_t from, off_t to, size_t n)
{
	return to - from < (off_t)n ? (size_t)(to - from) : n;
}

/* Copy [*at, to) of the spill file to the output, read and written. */
static int
copy_slow(struct tuff_stream *s, struct tuff_out *out, off_t *at, off_t to,
    struct tuff_error *e)
{
	ssize_t n;

	while (*at < to) {
		n = pread(s->spill.fd, s->buf, span(*at, to, COPY_BUF), *at);
		if (n <= 0)
			return spill_failed(s, n == 0 ? EIO : errno, e);
		if (writer_put(s->w, s->buf, (size_t)n) == -1)
			return out_failed(s, out, e);
		*at += n;
	}
	return 0;
}

/*
 * Copy the spill file's bytes [from, to) to the output.  The writer
 * sees their start first, to start a line or end a block scalar before
 * them if it must; then the kernel copies them (sendfile: no copy
 * through this process), or, where it cannot, a read and a write at a
 * time.
 */
static int
copy(struct tuff_stream *s, struct tuff_out *out, off_t from, off_t to,
    struct tuff_error *e)
{
	ssize_t n;
	off_t at = from;

	if (from >= to)
		return 0;
	n = pread(s->spill.fd, s->buf, span(from, to, COPY_BUF), from);
	if (n <= 0)
		return spill_failed(s, n == 0 ? EIO : errno, e);
	if (writer_prepare(s->w, s->buf, (size_t)n) == -1)
		return out_failed(s, out, e);
	if (fflush(out->fp) == EOF)
		return tuff_seterr_written(e);	/* kept in out */
	while (at < to) {
		n = sendfile(out->fd, s->spill.fd, &at,
		    span(at, to, 1 << 30));
		if (n > 0 || (n == -1 && errno == EINTR))
			continue;
		/* Not for this output, or not now (a pipe that is full and
		 * does not block): the slow way, which waits. */
		if (n == -1 && (errno == EINVAL || errno == ENOSYS ||
		    errno == EAGAIN))
			return copy_slow(s, out, &at, to, e);
		tuff_out_error(out, n == 0 ? EIO : errno);
		return tuff_seterr_written(e);
	}
	return 0;
}

/* At each place, what belongs there; then the rest. */
static int
copy_all(struct tuff_stream *s, struct tuff_out *out, off_t end,
    tuff_place_fn *fn, void *ctx, struct tuff_error *e)
{
	off_t done = 0;
	size_t i;
	int rc;

	for (i = 0; i < s->n; i++) {
		if (copy(s, out, done, s->places[i].at, e) == -1)
			return -1;
		done = s->places[i].at;
		writer_set_state(s->w, &s->places[i].st);
		rc = fn(s->places[i].arg, s->w, ctx, e);
		tuff_doc_free(s->places[i].doc);
		s->places[i].doc = NULL;
		if (rc == -1)
			return tuff_writer_errno(s->w) != 0 ?
			    out_failed(s, out, e) : -1;
	}
	return copy(s, out, done, end, e);
}

int
tuff_stream_finish(struct tuff_stream *s, struct tuff_out *out,
    tuff_place_fn *fn, void *ctx, struct tuff_error *e)
{
	off_t end;

	if (tuff_writer_flush(s->w) == -1)
		return tuff_writer_error(s->w, e);
	if (fflush(s->spill.fp) == EOF)
		return tuff_seterr_written(e);	/* kept in the spill */
	if ((end = writer_offset(s->w)) == -1)
		return spill_failed(s, errno, e);
	if (s->buf == NULL && (s->buf = pages_alloc(COPY_BUF)) == NULL)
		return tuff_seterr(e, NULL, 0, 0, "out of memory");
	s->finishing = 1;
	if (writer_set_file(s->w, out->fp) == -1)
		return out_failed(s, out, e);
	if (copy_all(s, out, end, fn, ctx, e) == -1)
		return -1;
	if (tuff_writer_close(s->w) == -1)
		return out_failed(s, out, e);
	return 0;
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

/*
 * After the input: end, then the output, only if all went well (under
 * --strict, a warning about the input was an error).  0, or -1.
 */
static int
held_output(struct tuff_held *h, struct tuff_out *out)
{
	struct tuff_error e;

	if (h->end != NULL && h->end(h->arg) == -1)
		return -1;
	if (tuff_diag_status(TUFF_OK) != TUFF_OK)
		return -1;
	if (tuff_stream_finish(h->s, out, h->place, h->arg, &e) == -1) {
		tuff_report("error", &e);	/* not a write's: those are */
		return -1;			/* reported at the close */
	}
	return 0;
}

int
tuff_held_run(struct tuff_held *h, int argc, char **argv, const char *output)
{
	struct tuff_out out;
	int ok;

	/* The output first: its lock covers the reading of a file that
	 * is replaced (tuff-decide -o register.yaml register.yaml). */
	if (tuff_out_open(&out, output) == NULL)
		return TUFF_ERR;
	if ((h->s = tuff_stream_new()) == NULL) {
		tuff_out_close(&out, 0);
		return TUFF_ERR;
	}
	h->w = tuff_stream_writer(h->s);
	ok = tuff_each_record_or_pass(argc, argv, h->record, h->skip,
	    h->view ? NULL : h->w, h->arg) == TUFF_OK &&
	    held_output(h, &out) == 0;
	tuff_stream_free(h->s);
	h->s = NULL;
	h->w = NULL;
	return tuff_out_close(&out, ok);
}
