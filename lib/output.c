/*
 * Where a run writes: standard output, or -o FILE replaced atomically,
 * and a temporary file of the run's own (a spill).
 *
 * Every stream handed out here is a stdio stream over our own write
 * function, which keeps the errno of the first write that fails: by
 * the time a tool flushes at its end, stdio has long forgotten why an
 * earlier write failed ("write error: Success"), and a broken pipe with
 * SIGPIPE ignored must say "Broken pipe", once.
 */
#define _GNU_SOURCE	/* fopencookie, O_TMPFILE, O_PATH */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "tuff/i18n.h"
#include "tuff/diag.h"
#include "tuff/hash.h"
#include "tuff/run.h"
#include "pages.h"

#define MAX_LINKS	40	/* as the kernel's own limit on a path */
#define OUT_BUF		(64 * 1024)	/* a stream's buffer */
#define LOCK_TRIES	8	/* the file replaced under us: look again */
#define NAME_TRIES	100	/* temporary names taken by others */
#define TMP_EXTRA	8	/* "." before the name, ".XXXXXX" after it */

/* ---- the stream ---- */

/* Wait until fd, a non-blocking descriptor that said EAGAIN, can take more. */
static int
wait_writable(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLOUT };
	int n;

	while ((n = poll(&p, 1, -1)) == -1 && errno == EINTR)
		continue;
	return n == 1 ? 0 : -1;
}

/*
 * stdio's write function: all of buf, or a short count after noting the
 * errno of the failing call in o->err.  After a failure every later
 * call fails at once with the same errno, so a tool that goes on
 * writing into a broken pipe costs no system calls and says one thing.
 */
static ssize_t
stream_write(void *cookie, const char *buf, size_t size)
{
	struct tuff_out *o = cookie;
	size_t done = 0;
	ssize_t n;

	if (o->err != 0) {
		errno = o->err;
		return 0;
	}
	while (done < size) {
		n = write(o->fd, buf + done, size - done);
		if (n > 0) {
			done += (size_t)n;
			continue;
		}
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1 && errno == EAGAIN && wait_writable(o->fd) == 0)
			continue;
		if (n == 0)
			errno = ENOSPC;		/* write(2) took nothing */
		o->err = errno;
		return (ssize_t)done;
	}
	return (ssize_t)size;
}

/* The spill is read back: reading and seeking, errors kept as above. */
static ssize_t
stream_read(void *cookie, char *buf, size_t size)
{
	struct tuff_out *o = cookie;
	ssize_t n;

	while ((n = read(o->fd, buf, size)) == -1 && errno == EINTR)
		continue;
	if (n == -1 && o->err == 0)
		o->err = errno;
	return n;
}

static int
stream_seek(void *cookie, off64_t *off, int whence)
{
	struct tuff_out *o = cookie;
	off64_t at;

	if ((at = lseek64(o->fd, *off, whence)) == -1)
		return -1;
	*off = at;
	return 0;
}

/* Standard output is not ours to close. */
static int
stream_close(void *cookie)
{
	struct tuff_out *o = cookie;
	int rc = 0;

	if (o->fd != STDOUT_FILENO)
		rc = close(o->fd);
	o->fd = -1;
	return rc;
}

static FILE *
open_stream(struct tuff_out *o, const char *mode)
{
	cookie_io_functions_t io = {
		.read = stream_read,
		.write = stream_write,
		.seek = stream_seek,
		.close = stream_close
	};

	if ((o->fp = fopencookie(o, mode, io)) == NULL)
		return NULL;
	/*
	 * The tools run one thread: no lock taken and given back for each
	 * write (a record passed on is a few; perf: 1 % of the time).
	 */
	(void)__fsetlocking(o->fp, FSETLOCKING_BYCALLER);
	/*
	 * A person watching a terminal sees each line as it is done;
	 * elsewhere fewer, larger writes (glibc takes a size only with a
	 * buffer given).
	 */
	if (o->fd == STDOUT_FILENO && isatty(o->fd))
		setvbuf(o->fp, NULL, _IOLBF, 0);
	else if ((o->buf = pages_alloc(OUT_BUF)) != NULL)
		(void)setvbuf(o->fp, o->buf, _IOFBF, OUT_BUF);
	return o->fp;
}

int
tuff_out_error(struct tuff_out *o, int errnum)
{
	if (o->err == 0)
		o->err = errnum != 0 ? errnum : EIO;
	return -1;
}

/* ---- the target ---- */

/* The link at path, read whole: a malloc'd string, or NULL. */
static char *
read_link(const char *path, size_t hint)
{
	char *s = NULL, *t;
	size_t size = hint + 2;
	ssize_t n;

	for (;;) {
		if ((t = realloc(s, size)) == NULL) {
			free(s);
			return NULL;
		}
		s = t;
		if ((n = readlink(path, s, size)) == -1) {
			free(s);
			return NULL;
		}
		if ((size_t)n < size) {
			s[n] = '\0';
			return s;
		}
		size *= 2;		/* it grew since lstat */
	}
}

/* The length of path's directory part, its last '/' included. */
static size_t
dir_len(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? (size_t)(slash - path) + 1 : 0;
}

/*
 * path with the symbolic links of its last component followed, as vim
 * and sed --follow-symlinks do, so that -o through a link replaces what
 * it points at and the link stays a link.  A relative link is read from
 * the link's own directory.  Returns a malloc'd path, with *dangling set
 * when the last link points at nothing; NULL with errno set (ELOOP past
 * MAX_LINKS links).  The directories on the way are left to the kernel:
 * rename(2) follows them as open(2) does.
 */
static char *
follow_links(const char *path, int *dangling)
{
	struct stat st;
	char *cur, *link, *next;
	size_t dl;
	int hops;

	*dangling = 0;
	if ((cur = strdup(path)) == NULL)
		return NULL;
	for (hops = 0;; hops++) {
		if (lstat(cur, &st) == -1) {
			if (errno != ENOENT) {
				free(cur);
				return NULL;
			}
			*dangling = hops > 0;
			return cur;
		}
		if (!S_ISLNK(st.st_mode))
			return cur;
		if (hops == MAX_LINKS ||
		    (link = read_link(cur, (size_t)st.st_size)) == NULL) {
			if (hops == MAX_LINKS)
				errno = ELOOP;
			free(cur);
			return NULL;
		}
		dl = link[0] == '/' ? 0 : dir_len(cur);
		if ((next = malloc(dl + strlen(link) + 1)) != NULL) {
			memcpy(next, cur, dl);
			strcpy(next + dl, link);
		}
		free(link);
		free(cur);
		if ((cur = next) == NULL)
			return NULL;
	}
}

/*
 * What -o refuses to replace, in a whole sentence each: a rename over a
 * device node, a pipe or /proc/self/fd/1 would put a regular file in
 * its place (as root, /dev/null), as sed -i refuses too.
 */
static const char *
not_regular(mode_t m)
{
	if (S_ISDIR(m))
		return _("-o replaces only a regular file, and this is a "
		    "directory");
	if (S_ISCHR(m))
		return _("-o replaces only a regular file, and this is a "
		    "character device");
	if (S_ISBLK(m))
		return _("-o replaces only a regular file, and this is a "
		    "block device");
	if (S_ISFIFO(m))
		return _("-o replaces only a regular file, and this is a "
		    "pipe (FIFO)");
	if (S_ISSOCK(m))
		return _("-o replaces only a regular file, and this is a "
		    "socket");
	return _("-o replaces only a regular file, and this is not one");
}

/*
 * "cannot write in the directory DIR: REASON" (errno) for -o FILE, DIR
 * being the target's: when it is missing, or the run may not create a
 * file in it.
 */
static void
cannot_write_dir(const struct tuff_out *o)
{
	size_t dl = dir_len(o->target);

	if (dl > 0)
		tuff_diag("error", o->path, 0, 0, "cannot write in the "
		    "directory %.*s: %s", (int)(dl > 1 ? dl - 1 : dl),
		    o->target, strerror(errno));
	else
		tuff_diag("error", o->path, 0, 0, "cannot write in the "
		    "current directory: %s", strerror(errno));
}

/*
 * Settle what path names: o->target, the file to replace, and its
 * directory open in o->dirfd.  Reports and returns -1 when it is not
 * something -o may replace.
 */
static int
find_target(struct tuff_out *o, const char *path)
{
	struct stat st;
	char *dir;
	size_t dl;
	int dangling;

	if (*path == '\0') {
		/* TRANSLATORS: "error:" is the severity word, kept in
		   English as in every diagnostic; translate the rest. */
		tuff_warnx("error: -o needs the name of a file");
		return -1;
	}
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		tuff_diag("error", path, 0, 0, "%s", not_regular(st.st_mode));
		return -1;
	}
	if ((o->target = follow_links(path, &dangling)) == NULL) {
		tuff_diag("error", path, 0, 0, "%s", strerror(errno));
		return -1;
	}
	if (dangling) {
		/* A share that is not mounted looks like this: writing a
		 * private file where the link points would go unnoticed. */
		tuff_diag("error", path, 0, 0, "the symbolic link points at "
		    "%s, which does not exist", o->target);
		return -1;
	}
	dl = dir_len(o->target);
	if ((dir = strndup(o->target, dl > 1 ? dl - 1 : dl)) == NULL) {
		tuff_warnx("out of memory");
		return -1;
	}
	if ((o->dirfd = open(dl > 0 ? dir : ".", O_PATH | O_DIRECTORY |
	    O_CLOEXEC)) == -1)
		cannot_write_dir(o);
	free(dir);
	return o->dirfd == -1 ? -1 : 0;
}

/* The target opened to lock it: its fd, or -1 with errno. */
static int
open_target(const char *target)
{
	int fd;

	fd = open(target, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	if (fd == -1 && errno == EACCES)
		fd = open(target, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	return fd;
}

/* Lock fd, the target's; 0, or -1 after reporting. */
static int
take_lock(const struct tuff_out *o, int fd, const struct stat *st)
{
	if (!S_ISREG(st->st_mode)) {
		/* Swapped for something else since find_target. */
		tuff_diag("error", o->path, 0, 0, "%s",
		    not_regular(st->st_mode));
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) == 0)
		return 0;
	if (errno == EWOULDBLOCK)
		tuff_diag("error", o->path, 0, 0, "another run is writing "
		    "this file (it is locked); try again when that run has "
		    "finished");
	else
		tuff_diag("error", o->path, 0, 0, "%s", strerror(errno));
	return -1;
}

/*
 * Take an advisory lock on the file being replaced, so that two runs
 * writing it at once (two cron jobs, a pipe that names it twice) cannot
 * both read the old file and lose one update: the second fails at once
 * rather than wait, so nothing can hang.  A run renames a new file over
 * the one it locked: a lock taken on the old file after that is taken
 * again on the new one.  *st is the locked file's status.  Returns 0
 * (also when the file is new, or not ours to open: no lock then) or -1
 * after reporting.
 */
static int
lock_target(struct tuff_out *o, struct stat *st, int *exists)
{
	struct stat now;
	int i;

	*exists = 0;
	for (i = 0; i < LOCK_TRIES; i++) {
		if ((o->lockfd = open_target(o->target)) == -1) {
			if (errno != ENOENT && errno != EACCES) {
				tuff_diag("error", o->path, 0, 0, "%s",
				    strerror(errno));
				return -1;
			}
			*exists = stat(o->target, st) == 0 &&
			    S_ISREG(st->st_mode);
			return 0;
		}
		if (fstat(o->lockfd, st) == -1) {
			tuff_diag("error", o->path, 0, 0, "%s",
			    strerror(errno));
			return -1;
		}
		if (take_lock(o, o->lockfd, st) == -1)
			return -1;
		if (stat(o->target, &now) == 0 && now.st_dev == st->st_dev &&
		    now.st_ino == st->st_ino) {
			*exists = 1;
			return 0;
		}
		close(o->lockfd);
		o->lockfd = -1;
	}
	tuff_diag("error", o->path, 0, 0, "the file keeps being replaced by "
	    "another program; try again later");
	return -1;
}

/* ---- the temporary file ---- */

static mode_t
current_umask(void)
{
	mode_t m = umask(022);

	umask(m);
	return m;
}

/*
 * A fresh temporary name for o->target in o->tmp: ".NAME.XXXXXX" with
 * six random characters, NAME cut short (at a whole UTF-8 character)
 * so that the whole fits the directory's NAME_MAX whenever the target's
 * own name does.  The randomness is the process's keyed hash, so other
 * users cannot guess the name.
 */
static int
make_tmp_name(struct tuff_out *o)
{
	static const char chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789";
	const char *base = o->target + dir_len(o->target);
	struct {
		pid_t		 pid;
		struct timespec	 ts;
		const void	*at;
		unsigned	 n;
	} seed;
	uint64_t r;
	size_t len = strlen(base), keep = len;
	long max;
	char *p;
	int i;

	max = fpathconf(o->dirfd, _PC_NAME_MAX);
	if (max <= 0)
		max = NAME_MAX;
	if (keep + TMP_EXTRA > (size_t)max)
		keep = (size_t)max > TMP_EXTRA ? (size_t)max - TMP_EXTRA : 0;
	while (keep > 0 && keep < len && (base[keep] & 0xc0) == 0x80)
		keep--;
	if (o->tmp == NULL && (o->tmp = malloc(len + TMP_EXTRA + 1)) == NULL)
		return -1;
	memset(&seed, 0, sizeof(seed));
	seed.pid = getpid();
	clock_gettime(CLOCK_REALTIME, &seed.ts);
	seed.at = o;
	seed.n = (unsigned)o->tries++;
	r = tuff_hash(&seed, sizeof(seed));
	p = o->tmp;
	*p++ = '.';
	memcpy(p, base, keep);
	p += keep;
	*p++ = '.';
	for (i = 0; i < 6; i++, r /= sizeof(chars) - 1)
		*p++ = chars[r % (sizeof(chars) - 1)];
	*p = '\0';
	return 0;
}

/* Create the temporary file under a name of its own; its fd or -1. */
static int
create_named(struct tuff_out *o)
{
	int fd = -1, i;

	for (i = 0; i < NAME_TRIES && fd == -1; i++) {
		if (make_tmp_name(o) == -1)
			return -1;
		fd = openat(o->dirfd, o->tmp, O_CREAT | O_EXCL | O_WRONLY |
		    O_NOCTTY | O_CLOEXEC, 0600);
		if (fd == -1 && errno != EEXIST)
			break;
	}
	if (fd == -1) {
		free(o->tmp);
		o->tmp = NULL;
	}
	return fd;
}

/*
 * The new file gets what the old one had: its mode always, and its
 * owner and group where the process may set them (root may; a user may
 * set a group of theirs), so that root updating a colleague's private
 * 0600 file does not lock them out.  A new file gets 0666 less the
 * umask, as any new file.  The file is made 0600 and this is done
 * before anything is written to it.
 */
static void
copy_attributes(int fd, const struct stat *old, int exists)
{
	if (!exists) {
		(void)fchmod(fd, 0666 & ~current_umask());
		return;
	}
	if (fchown(fd, old->st_uid, old->st_gid) == -1)
		(void)fchown(fd, (uid_t)-1, old->st_gid);
	/* After fchown, which clears the set-id bits. */
	(void)fchmod(fd, old->st_mode & 07777);
}

/* Release what tuff_out_open took; o->fp is closed already. */
static void
release(struct tuff_out *o)
{
	if (o->lockfd != -1)
		close(o->lockfd);
	if (o->dirfd != -1)
		close(o->dirfd);
	free(o->target);
	free(o->tmp);
	o->lockfd = o->dirfd = -1;
	o->target = o->tmp = NULL;
}

static void
out_init(struct tuff_out *o)
{
	memset(o, 0, sizeof(*o));
	o->fd = o->dirfd = o->lockfd = -1;
}

/*
 * The temporary file lives beside the target, so the final rename(2) is
 * atomic: readers of FILE see the old version or the new one, never a
 * part, and a run that fails or is killed leaves the old one.  Where the
 * system has O_TMPFILE the file has no name until the run succeeds, so a
 * killed run leaves nothing behind either.
 */
FILE *
tuff_out_open(struct tuff_out *o, const char *path)
{
	struct stat old;
	int exists;

	out_init(o);
	if (path == NULL || strcmp(path, "-") == 0) {
		o->fd = STDOUT_FILENO;
		if (open_stream(o, "w") == NULL)
			tuff_warn("standard output");
		return o->fp;
	}
	o->path = path;
	if (find_target(o, path) == -1 || lock_target(o, &old, &exists) == -1)
		goto fail;
#ifdef O_TMPFILE
	if ((o->fd = openat(o->dirfd, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC,
	    0600)) != -1)
		o->unnamed = 1;
#endif
	if (o->fd == -1 && (o->fd = create_named(o)) == -1) {
		cannot_write_dir(o);
		goto fail;
	}
	copy_attributes(o->fd, &old, exists);
	if (open_stream(o, "w") != NULL)
		return o->fp;
	tuff_warnx("out of memory");
	close(o->fd);
	if (!o->unnamed && o->tmp != NULL)
		unlinkat(o->dirfd, o->tmp, 0);
fail:
	release(o);
	o->fd = -1;
	return NULL;
}

/*
 * A temporary file of the run's own, for what a tool must hold until it
 * knows the run succeeded: in $TMPDIR (default /tmp), without a name,
 * open for reading and writing.  Its write errors are kept as the
 * output's are, and tuff_out_close reports them naming the directory
 * (a full /tmp is not a full output disk).  NULL after reporting.
 */
FILE *
tuff_out_temp(struct tuff_out *o)
{
	const char *dir = getenv("TMPDIR");
	char *path;
	int fd = -1;

	out_init(o);
	o->spill = 1;
	if (dir == NULL || *dir == '\0')
		dir = P_tmpdir;
	if ((o->target = strdup(dir)) == NULL) {
		tuff_warnx("out of memory");
		return NULL;
	}
#ifdef O_TMPFILE
	fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
#endif
	if (fd == -1 && (path = malloc(strlen(dir) + 16)) != NULL) {
		snprintf(path, strlen(dir) + 16, "%s/tuff.XXXXXX", dir);
		if ((fd = mkostemp(path, O_CLOEXEC)) != -1)
			unlink(path);
		free(path);
	}
	if (fd == -1) {
		tuff_diag("error", dir, 0, 0, "cannot create a temporary file "
		    "in this directory: %s", strerror(errno));
		release(o);
		return NULL;
	}
	o->fd = fd;
	if (open_stream(o, "w+") == NULL) {
		tuff_warnx("out of memory");
		close(fd);
		release(o);
		return NULL;
	}
	return o->fp;
}

/*
 * Give the unnamed file a temporary name in the target's directory,
 * from which it is renamed over the target.
 */
static int
name_tmpfile(struct tuff_out *o)
{
	char proc[64];
	int i, rc = -1;

	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", o->fd);
	for (i = 0; i < NAME_TRIES && rc == -1; i++) {
		if (make_tmp_name(o) == -1)
			return -1;
		rc = linkat(AT_FDCWD, proc, o->dirfd, o->tmp,
		    AT_SYMLINK_FOLLOW);
		if (rc == -1 && errno != EEXIST)
			break;
	}
	if (rc == 0)
		o->unnamed = 0;
	return rc;
}

/* Put the finished file in the target's place.  0, or -1 reported. */
static int
publish(struct tuff_out *o)
{
	if (fsync(o->fd) == -1) {
		/* The last of the data failed to reach the disk. */
		tuff_write_error(NULL, errno);
		return -1;
	}
	if (o->unnamed && name_tmpfile(o) == -1) {
		cannot_write_dir(o);
		return -1;
	}
	if (renameat(o->dirfd, o->tmp, o->dirfd, o->target +
	    dir_len(o->target)) == -1) {
		tuff_diag("error", o->path, 0, 0, "cannot replace the file: %s",
		    strerror(errno));
		return -1;
	}
	return 0;
}

int
tuff_out_close(struct tuff_out *o, int ok)
{
	int good;

	if (o->fp == NULL) {
		release(o);
		return TUFF_ERR;
	}
	errno = 0;
	if (fflush(o->fp) == EOF || ferror(o->fp))
		tuff_out_error(o, errno);
	if (o->err != 0)
		tuff_write_error(o->spill ? o->target : NULL, o->err);
	good = ok && o->err == 0;
	if (good && o->path != NULL)
		good = publish(o) == 0;
	if (!good && o->path != NULL && !o->unnamed && o->tmp != NULL)
		unlinkat(o->dirfd, o->tmp, 0);
	fclose(o->fp);
	o->fp = NULL;
	pages_free(o->buf, OUT_BUF);
	o->buf = NULL;
	release(o);		/* the lock, held until the new file is in place */
	return good ? TUFF_OK : TUFF_ERR;
}
