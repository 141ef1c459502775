/*
 * Held output (see stream.h): a writer into a spill file, marks in it
 * (places, with how the output ended there, and references to input
 * text), and the copy to the real output with records inserted at the
 * places.
 *
 * A long run of records passed on unchanged from a regular file is not
 * copied to the spill: once a run has reached REFER_MIN bytes, the rest
 * of it is a reference to the file, copied from there at the end, so
 * a large register costs no second copy on disk (the spill held all
 * of it before; /tmp had to have room for it).  The file must then be
 * as it was when it was read: a file changed meanwhile fails the run.
 * The first REFER_MIN bytes of each run go to the spill, which bounds
 * the number of references by the input's size over REFER_MIN, however
 * the records alternate.
 *
 * Failures follow the outputs' one voice (tuff_out_open): a write that
 * fails is noted in the tuff_out it went to, and reported once, when
 * that is closed: "write error: REASON" for the output, "write error:
 * temporary file in DIR: REASON" for the spill.
 */
#define _GNU_SOURCE	/* sendfile */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "tuff/diag.h"
#include "tuff/stream.h"
#include "pages.h"
#include "source.h"
#include "writer.h"

#define COPY_BUF	(64 * 1024)
#define REFER_MIN	(64 * 1024)
#define PLACE		SIZE_MAX	/* a mark's src: it is a place */

/* An input file that text is copied from at the end. */
struct source {
	int		 fd;		/* a duplicate of the reader's */
	char		*name;
	struct stat	 st;		/* as it was when reading began */
};

/* A point in the spill file: a place, or a reference to a source. */
struct mark {
	off_t			 at;
	size_t			 src;		/* in srcs, or PLACE */
	/* A place. */
	void			*arg;
	struct tuff_doc		*doc;		/* owned */
	struct writer_state	 st;
	/* A reference: the source's bytes [from, from + len). */
	off_t			 from, len;
};

/* Text written last from a file, and where it went. */
struct run {
	dev_t		 dev;
	ino_t		 ino;
	off_t		 end;		/* in the file, after it */
	off_t		 spill_end;	/* in the spill, after it */
	off_t		 len;		/* 0: no run */
	int		 refused;	/* its file cannot be a source */
};

struct tuff_stream {
	struct tuff_out		 spill;
	char			*buf;	/* for copies, at the end */
	struct tuff_writer	*w;
	int			 finishing;	/* w writes to the output */
	int			 placed;	/* a place's records just written */
	struct mark		*marks;
	size_t			 n, cap;
	struct source		*srcs;
	size_t			 nsrcs;
	int			 fd_max;	/* for a source's descriptor */
	struct stat		 out;		/* the output, if a regular file */
	struct run		 run;
};

static writer_refer_fn refer;

/* Half the descriptors this process may have. */
static int
fd_max(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) == -1)
		return 0;
	if (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur > INT_MAX)
		return INT_MAX / 2;
	return (int)(rl.rlim_cur / 2);
}

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
	writer_set_refer(s->w, refer, s);
	s->fd_max = fd_max();
	return s;
}

void
tuff_stream_free(struct tuff_stream *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->n; i++)
		tuff_doc_free(s->marks[i].doc);
	for (i = 0; i < s->nsrcs; i++) {
		close(s->srcs[i].fd);
		free(s->srcs[i].name);
	}
	free(s->srcs);
	/* What failed while the spill was written is the spill's. */
	if (!s->finishing && tuff_writer_errno(s->w) != 0)
		tuff_out_error(&s->spill, tuff_writer_errno(s->w));
	tuff_writer_free(s->w);
	tuff_out_close(&s->spill, 0);		/* reports its failure */
	pages_free(s->buf, COPY_BUF);
	free(s->marks);
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

/* A new mark at the end of the list, or NULL on ENOMEM. */
static struct mark *
new_mark(struct tuff_stream *s)
{
	struct mark *m;
	size_t cap;

	if (s->n == s->cap) {
		cap = s->cap > 0 ? s->cap * 2 : 16;
		if ((m = reallocarray(s->marks, cap, sizeof(*m))) == NULL)
			return NULL;
		s->marks = m;
		s->cap = cap;
	}
	m = &s->marks[s->n];
	memset(m, 0, sizeof(*m));
	return m;
}

static int
add_place(struct tuff_stream *s, void *arg, struct tuff_doc *doc,
    struct tuff_error *e)
{
	struct mark *m;

	if (tuff_writer_flush(s->w) == -1)
		return tuff_writer_error(s->w, e);
	if ((m = new_mark(s)) == NULL)
		return tuff_seterr(e, NULL, 0, 0, "out of memory");
	if ((m->at = writer_offset(s->w)) == -1)
		return spill_failed(s, errno, e);
	s->n++;
	m->src = PLACE;
	m->arg = arg;
	m->doc = doc;
	writer_get_state(s->w, &m->st);
	return 0;
}

/* The index of src in srcs, added if it is new; PLACE when it cannot be. */
static size_t
find_source(struct tuff_stream *s, const struct tuff_source *src)
{
	struct source *v, *last = s->nsrcs > 0 ? &s->srcs[s->nsrcs - 1] : NULL;
	int fd;

	/* The same file is never read twice in a run (SPEC section 2). */
	if (last != NULL && last->st.st_dev == src->st.st_dev &&
	    last->st.st_ino == src->st.st_ino)
		return s->nsrcs - 1;
	/* Written from its start at the end (1<>file): it is overwritten
	 * before all of it has been read again. */
	if (S_ISREG(s->out.st_mode) && s->out.st_dev == src->st.st_dev &&
	    s->out.st_ino == src->st.st_ino)
		return PLACE;
	v = reallocarray(s->srcs, s->nsrcs + 1, sizeof(*v));
	if (v == NULL)
		return PLACE;
	s->srcs = v;
	/* Sources take at most half the descriptors a process may have:
	 * the inputs still to be read need theirs. */
	if ((fd = fcntl(src->fd, F_DUPFD_CLOEXEC, 0)) == -1)
		return PLACE;
	if (fd >= s->fd_max) {
		close(fd);
		return PLACE;
	}
	v = &s->srcs[s->nsrcs];
	if ((v->name = strdup(src->name)) == NULL) {
		close(fd);
		return PLACE;
	}
	v->fd = fd;
	v->st = src->st;
	return s->nsrcs++;
}

/*
 * The writer's question (writer_refer_fn): is text at offset at of src
 * to be copied from there at the end?  Yes when it goes on a run that
 * has reached REFER_MIN bytes; where there is no memory or no file
 * descriptor for that, it is written to the spill as any text is.
 */
static int
refer(void *ctx, const struct tuff_source *src, off_t at, size_t n)
{
	struct tuff_stream *s = ctx;
	struct run *run = &s->run;
	struct mark *m;
	off_t off = writer_offset(s->w), len = (off_t)n;
	size_t i;

	/* Beyond the size the file had: it grows, or it is no plain file
	 * (/proc's say 0); either way it cannot be read again. */
	if (off == -1 || at + len > src->st.st_size)
		return 0;
	if (run->len == 0 || run->dev != src->st.st_dev ||
	    run->ino != src->st.st_ino || run->end != at ||
	    run->spill_end != off) {
		run->dev = src->st.st_dev;
		run->ino = src->st.st_ino;
		run->end = at + len;
		run->spill_end = off + len;
		run->len = len;
		run->refused = 0;
		return 0;
	}
	run->end += len;
	run->len += len;
	m = s->n > 0 ? &s->marks[s->n - 1] : NULL;
	if (m != NULL && m->src != PLACE && m->at == off &&
	    m->from + m->len == at) {
		m->len += len;		/* the reference goes on */
		return 1;
	}
	if (run->len - len < REFER_MIN || run->refused) {
		run->spill_end += len;
		return 0;
	}
	if ((m = new_mark(s)) == NULL || (i = find_source(s, src)) == PLACE) {
		run->refused = 1;	/* not asked again in this run */
		run->spill_end += len;
		return 0;
	}
	s->n++;
	m->at = off;
	m->src = i;
	m->from = at;
	m->len = len;
	return 1;
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

/* Bytes from offset from, at most n of them. */
static size_t
span(off_t from, off_t to, size_t n)
{
	return to - from < (off_t)n ? (size_t)(to - from) : n;
}

/*
 * A source that is not as it was when it was read: its bytes may no
 * longer be the records that were checked.
 */
static int
changed(const struct source *src, struct tuff_error *e)
{
	return tuff_seterr(e, src->name, 0, 0,
	    "changed while it was read; run again");
}

/* Is src's file as it was when reading began?  0, or -1 with e filled. */
static int
check_source(const struct source *src, struct tuff_error *e)
{
	struct stat st;

	if (fstat(src->fd, &st) == -1)
		return tuff_seterr(e, src->name, 0, 0, "%s", strerror(errno));
	if (st.st_size != src->st.st_size ||
	    st.st_mtim.tv_sec != src->st.st_mtim.tv_sec ||
	    st.st_mtim.tv_nsec != src->st.st_mtim.tv_nsec ||
	    st.st_ctim.tv_sec != src->st.st_ctim.tv_sec ||
	    st.st_ctim.tv_nsec != src->st.st_ctim.tv_nsec)
		return changed(src, e);
	return 0;
}

/*
 * Reading what is copied failed (n -1, errno set), or met the end of
 * the file (n 0): the spill's failure, or the source's.
 */
static int
read_failed(struct tuff_stream *s, const struct source *src, ssize_t n,
    struct tuff_error *e)
{
	if (src == NULL)
		return spill_failed(s, n == 0 ? EIO : errno, e);
	if (n == 0)
		return changed(src, e);
	return tuff_seterr(e, src->name, 0, 0, "%s", strerror(errno));
}

/* The file the bytes to copy are in: src's, or the spill (src NULL). */
static int
from_fd(const struct tuff_stream *s, const struct source *src)
{
	return src != NULL ? src->fd : s->spill.fd;
}

/* Copy [*at, to) of src's file (the spill: NULL), read and written. */
static int
copy_slow(struct tuff_stream *s, struct tuff_out *out,
    const struct source *src, off_t *at, off_t to, struct tuff_error *e)
{
	int fd = from_fd(s, src);
	ssize_t n;

	while (*at < to) {
		n = pread(fd, s->buf, span(*at, to, COPY_BUF), *at);
		if (n <= 0)
			return read_failed(s, src, n, e);
		if (writer_put(s->w, s->buf, (size_t)n) == -1)
			return out_failed(s, out, e);
		*at += n;
	}
	return 0;
}

/*
 * Copy the bytes [from, to) of src's file (the spill: NULL) to the
 * output.  Right after a place's records the writer sees their start
 * first, to start a line or end a block scalar before them if it must
 * (elsewhere the text was joined as it was held); then the kernel
 * copies them (sendfile: no copy through this process), or, where it
 * cannot, a read and a write at a time.
 */
static int
copy(struct tuff_stream *s, struct tuff_out *out, const struct source *src,
    off_t from, off_t to, struct tuff_error *e)
{
	int fd = from_fd(s, src);
	ssize_t n;
	off_t at = from;

	if (from >= to)
		return 0;
	if (s->placed) {
		n = pread(fd, s->buf, span(from, to, COPY_BUF), from);
		if (n <= 0)
			return read_failed(s, src, n, e);
		if (writer_prepare(s->w, s->buf, (size_t)n) == -1)
			return out_failed(s, out, e);
		s->placed = 0;
	}
	if (fflush(out->fp) == EOF)
		return tuff_seterr_written(e);	/* kept in out */
	while (at < to) {
		n = sendfile(out->fd, fd, &at, span(at, to, 1 << 30));
		if (n > 0 || (n == -1 && errno == EINTR))
			continue;
		/* Not for this output, or not now (a pipe that is full and
		 * does not block): the slow way, which waits. */
		if (n == -1 && (errno == EINVAL || errno == ENOSYS ||
		    errno == EAGAIN))
			return copy_slow(s, out, src, &at, to, e);
		if (n == 0)
			return read_failed(s, src, n, e);
		tuff_out_error(out, errno);
		return tuff_seterr_written(e);
	}
	return 0;
}

/*
 * Each mark in turn: at a place what belongs there, at a reference
 * its text; then the rest of the spill.
 */
static int
copy_all(struct tuff_stream *s, struct tuff_out *out, off_t end,
    tuff_place_fn *fn, void *ctx, struct tuff_error *e)
{
	struct mark *m;
	off_t done = 0;
	size_t i;
	int rc;

	for (i = 0; i < s->n; i++) {
		m = &s->marks[i];
		if (copy(s, out, NULL, done, m->at, e) == -1)
			return -1;
		done = m->at;
		if (m->src != PLACE) {
			if (copy(s, out, &s->srcs[m->src], m->from,
			    m->from + m->len, e) == -1)
				return -1;
			continue;
		}
		writer_set_state(s->w, &m->st);
		rc = fn(m->arg, s->w, ctx, e);
		s->placed = 1;
		tuff_doc_free(m->doc);
		m->doc = NULL;
		if (rc == -1)
			return tuff_writer_errno(s->w) != 0 ?
			    out_failed(s, out, e) : -1;
	}
	return copy(s, out, NULL, done, end, e);
}

int
tuff_stream_finish(struct tuff_stream *s, struct tuff_out *out,
    tuff_place_fn *fn, void *ctx, struct tuff_error *e)
{
	off_t end;
	size_t i;

	if (tuff_writer_flush(s->w) == -1)
		return tuff_writer_error(s->w, e);
	if (fflush(s->spill.fp) == EOF)
		return tuff_seterr_written(e);	/* kept in the spill */
	if ((end = writer_offset(s->w)) == -1)
		return spill_failed(s, errno, e);
	for (i = 0; i < s->nsrcs; i++)
		if (check_source(&s->srcs[i], e) == -1)
			return -1;
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
	if (fstat(out.fd, &h->s->out) == -1)
		memset(&h->s->out, 0, sizeof(h->s->out));
	ok = tuff_each_record_or_pass(argc, argv, h->record, h->skip,
	    h->view ? NULL : h->w, h->arg) == TUFF_OK &&
	    held_output(h, &out) == 0;
	tuff_stream_free(h->s);
	h->s = NULL;
	h->w = NULL;
	return tuff_out_close(&out, ok);
}
