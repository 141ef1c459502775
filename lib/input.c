/*
 * The inputs of a run: the file operands, read in turn as one stream,
 * and SPEC §2's rule that the same data is never read twice.  The same
 * file named twice, or a copy of it, or a file that is also piped in on
 * standard input, would count every record twice: three respondents
 * published as six, with exit status 0.
 *
 * Before anything is read, the operands are compared by device and
 * inode ("-" by standard input's), and with two or more operands every
 * regular file is read once for a keyed digest of its content (length
 * and SipHash), so a copy is refused before any record of it is
 * written.  A stream (a pipe, a terminal, a FIFO) cannot be read ahead:
 * it is digested as the tool reads it, through a stdio stream of our
 * own, and compared when it ends.
 */
#define _GNU_SOURCE	/* fopencookie */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tuff/diag.h"
#include "tuff/hash.h"
#include "tuff/run.h"
#include "pages.h"

#define STDIN_NAME	"<stdin>"
#define CHUNK		(64 * 1024)
#define IN_BUF		(16 * 1024)	/* an input stream's buffer: what libyaml asks */
#define NONE		SIZE_MAX

struct input {
	const char	*path;		/* the operand: "-" is standard input */
	const char	*name;		/* what diagnostics call it */
	dev_t		 dev;
	ino_t		 ino;
	int		 known;		/* dev and ino are set */
	int		 regular;	/* digested before the run */
	int		 done;		/* len and digest cover all of it */
	off_t		 start;		/* where a regular one was read from */
	uint64_t	 len;
	uint64_t	 digest;
	size_t		 twice_of;	/* found to repeat this input, or NONE */

	/* A stream being read. */
	int			 fd;
	struct tuff_hasher	 h;
	/* A regular input's first len bytes, hashed as far as this
	 * stream has come, for tuff_inputs_same. */
	size_t			 shadow;
	uint64_t		 shadow_len;
	struct tuff_hasher	 shadow_h;
};

struct inputs {
	struct input	*v;
	size_t		 n;
	int		 digest;	/* two or more: compare contents */
};

/*
 * The run being read, for tuff_inputs_same: set by tuff_each_file for
 * the length of the run only, as the program name is set once for all
 * diagnostics.
 */
static struct inputs *current;

static int
is_stdin(const struct input *in)
{
	return strcmp(in->path, "-") == 0;
}

/* ---- before the run ---- */

/* Read fd from off to its end into in's digest.  0, or -1. */
static int
digest_fd(struct input *in, int fd, off_t off)
{
	struct tuff_hasher h;
	char *buf;
	ssize_t n;

	if ((buf = pages_alloc(CHUNK)) == NULL)
		return -1;
	tuff_hash_init(&h);
	in->len = 0;
	for (;;) {
		n = pread(fd, buf, CHUNK, off);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		tuff_hash_add(&h, buf, (size_t)n);
		in->len += (uint64_t)n;
		off += n;
	}
	pages_free(buf, CHUNK);
	if (n == -1)
		return -1;
	in->digest = tuff_hash_end(&h);
	in->done = 1;
	return 0;
}

/*
 * A regular file's content, read now.  Failures are left for its turn,
 * when opening or reading it says what is wrong.
 */
static void
digest_file(struct input *in)
{
	struct stat st;
	off_t off = 0;
	int fd;

	if (is_stdin(in)) {
		fd = STDIN_FILENO;
		/* What the tool reads: from where the shell left it. */
		if ((off = lseek(fd, 0, SEEK_CUR)) == -1)
			return;
	} else if ((fd = open(in->path, O_RDONLY | O_NOCTTY | O_NONBLOCK |
	    O_CLOEXEC)) == -1)
		return;
	in->start = off;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_dev == in->dev && st.st_ino == in->ino &&
	    digest_fd(in, fd, off) == 0)
		in->regular = 1;
	if (fd != STDIN_FILENO)
		close(fd);
}

static int
inputs_init(struct inputs *ins, int argc, char **argv)
{
	struct input *in;
	struct stat st;
	size_t i;
	int rc;

	ins->n = (size_t)argc;
	ins->digest = argc > 1;
	if ((ins->v = calloc(ins->n, sizeof(*ins->v))) == NULL)
		return -1;
	for (i = 0; i < ins->n; i++) {
		in = &ins->v[i];
		in->path = argv[i];
		in->name = is_stdin(in) ? STDIN_NAME : in->path;
		in->twice_of = in->shadow = NONE;
		in->fd = -1;
		rc = is_stdin(in) ? fstat(STDIN_FILENO, &st) :
		    stat(in->path, &st);
		if (rc == -1 && is_stdin(in)) {
			/* Closed: "-" twice is still the same input. */
			memset(&st, 0, sizeof(st));
			rc = 0;
		}
		if (rc == -1)
			continue;	/* reported when its turn comes */
		in->known = 1;
		in->dev = st.st_dev;
		in->ino = st.st_ino;
		if (ins->digest && S_ISREG(st.st_mode))
			digest_file(in);
	}
	return 0;
}

/* Sorting inputs by what they are, then by place, to find repeats. */
struct key {
	uint64_t	 a, b;
	size_t		 i;
};

static int
cmp_key(const void *x, const void *y)
{
	const struct key *p = x, *q = y;

	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b < q->b ? -1 : 1;
	return p->i < q->i ? -1 : p->i > q->i;
}

/*
 * Mark every input that repeats an earlier one: by identity (same
 * device and inode), or by content (same length and digest; empty
 * content never counts).  Sorted, so a long list of operands costs
 * n log n.  -1 on ENOMEM.
 */
static int
find_repeats(struct inputs *ins, int by_content)
{
	struct key *k;
	struct input *in;
	size_t i, n = 0, first = 0;

	if ((k = calloc(ins->n, sizeof(*k))) == NULL)
		return -1;
	for (i = 0; i < ins->n; i++) {
		in = &ins->v[i];
		if (by_content ? !in->done || in->len == 0 ||
		    in->twice_of != NONE : !in->known)
			continue;
		k[n].a = by_content ? in->len : (uint64_t)in->dev;
		k[n].b = by_content ? in->digest : (uint64_t)in->ino;
		k[n++].i = i;
	}
	if (n > 0)
		qsort(k, n, sizeof(*k), cmp_key);
	for (i = 0; i < n; i++) {
		if (i == 0 || k[i].a != k[i - 1].a || k[i].b != k[i - 1].b)
			first = k[i].i;
		else
			ins->v[k[i].i].twice_of = first;
	}
	free(k);
	return 0;
}

static void
report_twice(const struct input *again, const struct input *first,
    int same_file)
{
	if (same_file && is_stdin(again) && is_stdin(first))
		tuff_diag("error", again->name, 0, 0, "standard input is "
		    "named twice");
	else if (same_file)
		tuff_diag("error", again->name, 0, 0, "the same file as %s "
		    "(named twice?)", first->name);
	else
		tuff_diag("error", again->name, 0, 0, "the same content as %s "
		    "(given twice?)", first->name);
}

/*
 * Refuse, before anything is read, an operand that is an earlier one
 * again or a copy of it.  Reports each; 0 or -1.
 */
static int
check_repeats(struct inputs *ins)
{
	const struct input *in;
	size_t i;
	int bad = 0;

	if (find_repeats(ins, 0) == -1 || find_repeats(ins, 1) == -1) {
		tuff_warnx("out of memory");
		return -1;
	}
	for (i = 0; i < ins->n; i++) {
		in = &ins->v[i];
		if (in->twice_of == NONE)
			continue;
		report_twice(in, &ins->v[in->twice_of],
		    in->known && ins->v[in->twice_of].known &&
		    in->dev == ins->v[in->twice_of].dev &&
		    in->ino == ins->v[in->twice_of].ino);
		bad = 1;
	}
	return bad ? -1 : 0;
}

/* ---- during the run ---- */

static void
stream_done(struct input *in)
{
	struct tuff_hasher h = in->h;

	if (in->done)
		return;
	in->digest = tuff_hash_end(&h);
	in->done = 1;
}

/* stdio's read function for a stream: the bytes, into the digest. */
static ssize_t
stream_read(void *cookie, char *buf, size_t size)
{
	struct input *in = cookie;
	ssize_t n;

	while ((n = read(in->fd, buf, size)) == -1 && errno == EINTR)
		continue;
	if (n > 0) {
		tuff_hash_add(&in->h, buf, (size_t)n);
		in->len += (uint64_t)n;
		in->done = 0;		/* a terminal may go on after ^D */
	} else if (n == 0)
		stream_done(in);
	return n;
}

static int
stream_close(void *cookie)
{
	struct input *in = cookie;
	int fd = in->fd;

	in->fd = -1;
	return fd != STDIN_FILENO ? close(fd) : 0;
}

/*
 * Open input in for reading: standard input, the file, or, when there
 * are contents to compare and it is no regular file, a stream over it
 * that digests what is read.  NULL after reporting.
 */
static FILE *
open_input(struct inputs *ins, struct input *in)
{
	cookie_io_functions_t io = { .read = stream_read,
	    .close = stream_close };
	FILE *fp;
	int fd;

	if (is_stdin(in))
		fd = STDIN_FILENO;
	else if ((fd = open(in->path, O_RDONLY | O_NOCTTY | O_CLOEXEC)) == -1) {
		tuff_diag("error", in->name, 0, 0, "%s", strerror(errno));
		return NULL;
	}
	if (!ins->digest || in->regular) {
		/* Our own stream on standard input too, with our buffer. */
		if (fd == STDIN_FILENO &&
		    (fd = fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 0)) == -1) {
			tuff_diag("error", in->name, 0, 0, "%s",
			    strerror(errno));
			return NULL;
		}
		if ((fp = fdopen(fd, "r")) == NULL) {
			tuff_diag("error", in->name, 0, 0, "%s",
			    strerror(errno));
			close(fd);
		}
		return fp;
	}
	in->fd = fd;
	in->len = 0;
	tuff_hash_init(&in->h);
	if ((fp = fopencookie(in, "r", io)) == NULL) {
		tuff_warnx("out of memory");
		stream_close(in);
	}
	return fp;
}

/*
 * A stream read to its end: does its content repeat another input's?
 * Regular files are known from the start, so a copy of a later operand
 * is found here too, before that operand is read.  Reports; 0 or -1.
 */
static int
check_stream(struct inputs *ins, size_t i)
{
	const struct input *s = &ins->v[i], *o;
	size_t j;

	if (!s->done || s->len == 0 || s->regular)
		return 0;
	for (j = 0; j < ins->n; j++) {
		o = &ins->v[j];
		if (j == i || !o->done || o->len != s->len ||
		    o->digest != s->digest)
			continue;
		if (j < i)
			report_twice(s, o, 0);
		else
			report_twice(o, s, 0);
		return -1;
	}
	return 0;
}

static void
inputs_free(struct inputs *ins)
{
	free(ins->v);
	ins->v = NULL;
}

int
tuff_each_file(int argc, char **argv, tuff_file_fn *fn, void *arg)
{
	static char *dash[] = { "-", NULL };
	struct inputs ins;
	struct tuff_error e;
	FILE *fp;
	char *buf;
	size_t i;
	int rc = 0;

	if (argc == 0) {
		argc = 1;
		argv = dash;
	}
	if (inputs_init(&ins, argc, argv) == -1) {
		tuff_warnx("out of memory");
		return TUFF_ERR;
	}
	if ((rc = check_repeats(&ins)) == 0)
		current = &ins;
	/* One buffer for every input, of what libyaml asks for at a time
	 * (stdio's own where there is no memory for it). */
	buf = pages_alloc(IN_BUF);
	for (i = 0; i < ins.n && rc == 0; i++) {
		if ((fp = open_input(&ins, &ins.v[i])) == NULL) {
			rc = -1;
			break;
		}
		if (buf != NULL)
			(void)setvbuf(fp, buf, _IOFBF, IN_BUF);
		if ((rc = fn(fp, ins.v[i].name, arg, &e)) == -1)
			tuff_report("error", &e);
		fclose(fp);
		if (rc == 0)
			rc = check_stream(&ins, i);
	}
	current = NULL;
	pages_free(buf, IN_BUF);
	inputs_free(&ins);
	return rc == 0 ? TUFF_OK : TUFF_ERR;
}

/* ---- the question a duplicate id asks ---- */

static struct input *
find_input(const char *name)
{
	size_t i;

	if (current == NULL || name == NULL)
		return NULL;
	for (i = 0; i < current->n; i++)
		if (current->v[i].name == name)
			return &current->v[i];
	for (i = 0; i < current->n; i++)
		if (strcmp(current->v[i].name, name) == 0)
			return &current->v[i];
	return NULL;
}

/*
 * Hash r's bytes from where s's shadow stands up to as far as s has
 * been read.  0, or -1.
 */
static int
advance_shadow(struct input *s, const struct input *r)
{
	char *buf;
	uint64_t want;
	ssize_t n = 0;
	int fd;

	if (is_stdin(r))
		fd = STDIN_FILENO;
	else if ((fd = open(r->path, O_RDONLY | O_NOCTTY | O_NONBLOCK |
	    O_CLOEXEC)) == -1)
		return -1;
	if ((buf = pages_alloc(CHUNK)) != NULL)
		while (s->shadow_len < s->len) {
			want = s->len - s->shadow_len;
			n = pread(fd, buf, want < CHUNK ? (size_t)want : CHUNK,
			    r->start + (off_t)s->shadow_len);
			if (n == -1 && errno == EINTR)
				continue;
			if (n <= 0)
				break;
			tuff_hash_add(&s->shadow_h, buf, (size_t)n);
			s->shadow_len += (uint64_t)n;
		}
	pages_free(buf, CHUNK);
	if (fd != STDIN_FILENO)
		close(fd);
	return buf != NULL && s->shadow_len == s->len ? 0 : -1;
}

/*
 * Stream s is still being read: is what came so far the beginning of
 * regular input r?  r's beginning is hashed as far as s has come, once
 * however often this is asked.
 */
static int
same_so_far(struct input *s, const struct input *r, size_t ri)
{
	struct tuff_hasher a, b;

	if (s->fd == -1 || s->len == 0 || s->len > r->len)
		return 0;
	if (s->shadow != ri) {
		s->shadow = ri;
		s->shadow_len = 0;
		tuff_hash_init(&s->shadow_h);
	}
	if (advance_shadow(s, r) == -1) {
		s->shadow = NONE;
		return 0;
	}
	a = s->h;
	b = s->shadow_h;
	return tuff_hash_end(&a) == tuff_hash_end(&b);
}

int
tuff_inputs_same(const char *a, const char *b)
{
	struct input *x = find_input(a), *y = find_input(b);

	if (x == NULL || y == NULL || x == y)
		return 0;
	if (x->done && y->done)
		return x->len > 0 && x->len == y->len &&
		    x->digest == y->digest;
	if (!x->done && y->regular)
		return same_so_far(x, y, (size_t)(y - current->v));
	if (!y->done && x->regular)
		return same_so_far(y, x, (size_t)(x - current->v));
	return 0;
}
