/*
 * Unit tests for the run driver: -o FILE replaced atomically (old file
 * untouched on failure, no temporary left behind, mode from the umask)
 * and several input files read in order as one stream, with errors and
 * warnings reported as SPEC §2 says.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "tuff/diag.h"
#include "tuff/run.h"
#include "util.h"

/* A fresh directory for each test, and paths in it. */
struct dir {
	char	path[256];
	char	buf[512];
};

static int
setup(void **state)
{
	struct dir *d = calloc(1, sizeof(*d));
	const char *tmp = getenv("TMPDIR");

	if (d == NULL)
		return -1;
	snprintf(d->path, sizeof(d->path), "%s/test_run.XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if (mkdtemp(d->path) == NULL) {
		free(d);
		return -1;
	}
	*state = d;
	return 0;
}

static int
teardown(void **state)
{
	struct dir *d = *state;
	struct dirent *de;
	char p[512];
	DIR *dp;

	if ((dp = opendir(d->path)) != NULL) {
		while ((de = readdir(dp)) != NULL) {
			if (strcmp(de->d_name, ".") == 0 ||
			    strcmp(de->d_name, "..") == 0)
				continue;
			snprintf(p, sizeof(p), "%s/%s", d->path, de->d_name);
			unlink(p);
		}
		closedir(dp);
	}
	rmdir(d->path);
	free(d);
	return 0;
}

/* d's path for name (valid until the next call). */
static const char *
at(struct dir *d, const char *name)
{
	snprintf(d->buf, sizeof(d->buf), "%s/%s", d->path, name);
	return d->buf;
}

static void
put(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	assert_int_equal(fputs(text, fp) >= 0, 1);
	assert_int_equal(fclose(fp), 0);
}

/* The whole content of path, which the caller frees. */
static char *
slurp(const char *path)
{
	FILE *fp = fopen(path, "r");
	char *s;
	long n;

	assert_non_null(fp);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	s = malloc((size_t)n + 1);
	assert_non_null(s);
	assert_int_equal(fread(s, 1, (size_t)n, fp), (size_t)n);
	s[n] = '\0';
	fclose(fp);
	return s;
}

static void
assert_content(const char *path, const char *want)
{
	char *got = slurp(path);

	assert_string_equal(got, want);
	free(got);
}

/* The names in d, sorted, joined by spaces. */
static char *
listing(struct dir *d)
{
	struct dirent **names;
	char *s;
	size_t len = 1;
	int i, n;

	n = scandir(d->path, &names, NULL, alphasort);
	assert_true(n >= 0);
	for (i = 0; i < n; i++)
		len += strlen(names[i]->d_name) + 1;
	s = calloc(1, len);
	assert_non_null(s);
	for (i = 0; i < n; i++) {
		if (strcmp(names[i]->d_name, ".") != 0 &&
		    strcmp(names[i]->d_name, "..") != 0) {
			if (*s != '\0')
				strcat(s, " ");
			strcat(s, names[i]->d_name);
		}
		free(names[i]);
	}
	free(names);
	return s;
}

static void
assert_listing(struct dir *d, const char *want)
{
	char *got = listing(d);

	assert_string_equal(got, want);
	free(got);
}

/* ---- output ---- */

static void
test_out_replace(void **state)
{
	struct dir *d = *state;
	struct tuff_out o;
	struct stat before, after;
	char path[512];
	FILE *fp, *old;
	char line[64];

	snprintf(path, sizeof(path), "%s", at(d, "register.yaml"));
	put(path, "old\n");
	assert_int_equal(stat(path, &before), 0);
	/* Someone reading the old file while the run writes. */
	old = fopen(path, "r");
	assert_non_null(old);

	fp = tuff_out_open(&o, path);
	assert_non_null(fp);
	assert_ptr_equal(o.fp, fp);
	assert_string_equal(o.path, path);
	fputs("new\n", fp);
	assert_int_equal(fflush(fp), 0);
	/* Until the run ends, FILE is the old one. */
	assert_content(path, "old\n");
	assert_int_equal(tuff_out_close(&o, 1), TUFF_OK);
	assert_null(o.fp);
	assert_null(o.tmp);

	assert_content(path, "new\n");
	assert_listing(d, "register.yaml");
	/* Replaced, not rewritten in place: the reader still sees old. */
	assert_int_equal(stat(path, &after), 0);
	assert_true(before.st_ino != after.st_ino);
	assert_non_null(fgets(line, sizeof(line), old));
	assert_string_equal(line, "old\n");
	fclose(old);
}

/* A new file, and a name without a folder (the current one). */
static void
test_out_new_relative(void **state)
{
	struct dir *d = *state;
	struct tuff_out o;
	char cwd[512];

	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(d->path), 0);
	assert_non_null(tuff_out_open(&o, "ut.yaml"));
	fputs("a: 1\n", o.fp);
	assert_int_equal(tuff_out_close(&o, 1), TUFF_OK);
	assert_int_equal(chdir(cwd), 0);
	assert_content(at(d, "ut.yaml"), "a: 1\n");
	assert_listing(d, "ut.yaml");
}

/* ok false: the old file stays, nothing else is left. */
static void
test_out_not_ok(void **state)
{
	struct dir *d = *state;
	struct tuff_out o;
	char path[512];
	struct capture c;

	snprintf(path, sizeof(path), "%s", at(d, "r.yaml"));
	put(path, "old\n");
	assert_non_null(tuff_out_open(&o, path));
	fputs("half a record", o.fp);
	capture_start(&c);
	assert_int_equal(tuff_out_close(&o, 0), TUFF_ERR);
	capture_stop(&c);
	/* The caller reported why; closing adds nothing. */
	assert_string_equal(c.text, "");
	free(c.text);
	assert_content(path, "old\n");
	assert_listing(d, "r.yaml");

	/* And when there was no old file, there is none after. */
	assert_non_null(tuff_out_open(&o, at(d, "n.yaml")));
	fputs("x", o.fp);
	assert_int_equal(tuff_out_close(&o, 0), TUFF_ERR);
	assert_listing(d, "r.yaml");
}

/*
 * A write error (the file size limit standing in for a full disk): the
 * run fails, says so, and the old file is untouched.
 */
static void
test_out_write_error(void **state)
{
	struct dir *d = *state;
	struct tuff_out o;
	struct rlimit saved, small;
	struct capture c;
	char path[512], big[8192];
	void (*oldsig)(int);
	int i;

	snprintf(path, sizeof(path), "%s", at(d, "r.yaml"));
	put(path, "old\n");
	memset(big, 'x', sizeof(big));
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &saved), 0);
	small = saved;
	small.rlim_cur = 4096;
	oldsig = signal(SIGXFSZ, SIG_IGN);
	assert_non_null(tuff_out_open(&o, path));
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
	for (i = 0; i < 4; i++)
		fwrite(big, 1, sizeof(big), o.fp);
	tuff_setprogname("test_run");
	capture_start(&c);
	assert_int_equal(tuff_out_close(&o, 1), TUFF_ERR);
	capture_stop(&c);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &saved), 0);
	signal(SIGXFSZ, oldsig);
	assert_string_equal(c.text, "test_run: write error: File too large\n");
	free(c.text);
	assert_content(path, "old\n");
	assert_listing(d, "r.yaml");
}

/* The new file's mode is 0666 less the umask, as for any new file. */
static void
test_out_mode(void **state)
{
	static const mode_t masks[] = { 022, 027, 077, 0 };
	struct dir *d = *state;
	struct tuff_out o;
	struct stat st;
	mode_t saved;
	size_t i;

	for (i = 0; i < sizeof(masks) / sizeof(masks[0]); i++) {
		unlink(at(d, "m.yaml"));	/* a new file: the umask rules */
		saved = umask(masks[i]);
		assert_non_null(tuff_out_open(&o, at(d, "m.yaml")));
		fputs("x\n", o.fp);
		assert_int_equal(tuff_out_close(&o, 1), TUFF_OK);
		umask(saved);
		assert_int_equal(stat(at(d, "m.yaml"), &st), 0);
		if ((st.st_mode & 07777) != (0666 & ~masks[i]))
			fail_msg("umask %03o: mode %03o", (unsigned)masks[i],
			    (unsigned)(st.st_mode & 07777));
	}
}

/* Replacing a file keeps its mode, whatever the umask, as sed -i does. */
static void
test_out_keeps_mode(void **state)
{
	struct dir *d = *state;
	struct tuff_out o;
	struct stat st;
	mode_t saved;
	FILE *fp;

	assert_non_null(fp = fopen(at(d, "p.yaml"), "w"));
	fclose(fp);
	assert_int_equal(chmod(at(d, "p.yaml"), 0600), 0);
	saved = umask(022);
	assert_non_null(tuff_out_open(&o, at(d, "p.yaml")));
	fputs("x\n", o.fp);
	assert_int_equal(tuff_out_close(&o, 1), TUFF_OK);
	umask(saved);
	assert_int_equal(stat(at(d, "p.yaml"), &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
}

/* A folder that is not there: NULL, an error naming FILE, no leak. */
static void
test_out_no_folder(void **state)
{
	struct dir *d = *state;
	struct tuff_out o;
	struct capture c;
	char path[512], want[1500];

	snprintf(path, sizeof(path), "%s", at(d, "nej/r.yaml"));
	tuff_setprogname("test_run");
	capture_start(&c);
	assert_null(tuff_out_open(&o, path));
	capture_stop(&c);
	snprintf(want, sizeof(want), "test_run: %s: error: cannot write in "
	    "the directory %s/nej: No such file or directory\n", path,
	    d->path);
	assert_string_equal(c.text, want);
	free(c.text);
	assert_null(o.fp);
	assert_null(o.tmp);
	assert_int_equal(tuff_out_close(&o, 1), TUFF_ERR);
	assert_listing(d, "");
}

/*
 * A run killed between open and close leaves the old file, and, where
 * the temporary has no name yet (O_TMPFILE), nothing else.
 */
static void
test_out_killed(void **state)
{
	struct dir *d = *state;
	struct tuff_out o;
	char path[512];
	pid_t pid;
	int status;

	snprintf(path, sizeof(path), "%s", at(d, "r.yaml"));
	put(path, "old\n");
	if ((pid = fork()) == 0) {
		if (tuff_out_open(&o, path) == NULL)
			_exit(1);
		fputs("new\n", o.fp);
		fflush(o.fp);
		_exit(o.unnamed ? 10 : 11);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_content(path, "old\n");
	if (WEXITSTATUS(status) == 10)
		assert_listing(d, "r.yaml");
	else
		assert_int_equal(WEXITSTATUS(status), 11);
}

static void
test_out_stdout(void **state)
{
	struct tuff_out o;

	(void)state;
	assert_non_null(tuff_out_open(&o, NULL));
	assert_null(o.path);
	assert_int_equal(o.fd, STDOUT_FILENO);
	assert_int_equal(tuff_out_close(&o, 1), TUFF_OK);
	assert_non_null(tuff_out_open(&o, "-"));
	assert_null(o.path);
	assert_int_equal(o.fd, STDOUT_FILENO);
	assert_int_equal(tuff_out_close(&o, 0), TUFF_ERR);
	/* Standard output is still open. */
	assert_int_not_equal(fcntl(STDOUT_FILENO, F_GETFD), -1);
}

/* ---- input ---- */

struct seen {
	int	 n;
	char	 log[1024];
	int	 fail_at;	/* make the callback fail at this record */
};

static int
on_record(struct tuff_doc *doc, void *arg, struct tuff_error *e)
{
	struct seen *s = arg;
	const char *slash = strrchr(doc->file, '/');
	size_t len = strlen(s->log);

	s->n++;
	snprintf(s->log + len, sizeof(s->log) - len, "%s:%lu:%lu:%s ",
	    slash != NULL ? slash + 1 : doc->file, doc->line, doc->column,
	    doc->kind != NULL ? doc->kind : "-");
	if (s->n == s->fail_at) {
		tuff_node_err(e, doc, tuff_map_get(doc->root, "kind"),
		    "not wanted");
		tuff_doc_free(doc);
		return -1;
	}
	tuff_doc_free(doc);
	return 0;
}

/* Run tuff_each_record over names in d: its status, and what it said. */
static int
each(struct dir *d, int argc, const char *const *names, struct seen *s,
    char **err)
{
	char *argv[8], paths[8][512];
	struct capture c;
	int i, rc;

	for (i = 0; i < argc; i++) {
		snprintf(paths[i], sizeof(paths[i]), "%s", at(d, names[i]));
		argv[i] = paths[i];
	}
	argv[argc] = NULL;
	tuff_setprogname("test_run");
	capture_start(&c);
	rc = tuff_each_record(argc, argv, on_record, s);
	capture_stop(&c);
	*err = c.text;
	return rc;
}

/* Which kinds pass unbuilt: plain strings that are no typo of a kind. */
static void
test_kind_quiet(void **state)
{
	struct tuff_quiet q;

	(void)state;
	memset(&q, 0, sizeof(q));
	assert_true(tuff_kind_quiet(&q, "note"));
	assert_true(tuff_kind_quiet(&q, "note"));	/* kept */
	assert_false(tuff_kind_quiet(&q, ""));
	assert_false(tuff_kind_quiet(&q, "true"));	/* not a string */
	assert_false(tuff_kind_quiet(&q, "2026-01-01"));
	assert_false(tuff_kind_quiet(&q, "jurney"));	/* journey? */
	assert_true(tuff_kind_quiet(&q, "journey"));
	assert_false(tuff_kind_quiet(&q, "jurney"));	/* not what is kept */
	assert_true(tuff_kind_quiet(&q, "note"));
}

static void
test_each_two_files(void **state)
{
	static const char *const names[] = { "a.yaml", "b.yaml" };
	struct dir *d = *state;
	struct seen s = { 0 };
	char *err;

	put(at(d, "a.yaml"), "kind: journey\n---\nkind: challenge\n");
	put(at(d, "b.yaml"), "\n---\nkind: decision\n");
	assert_int_equal(each(d, 2, names, &s, &err), TUFF_OK);
	assert_string_equal(err, "");
	free(err);
	assert_int_equal(s.n, 3);
	assert_string_equal(s.log, "a.yaml:1:1:journey a.yaml:2:1:challenge "
	    "b.yaml:2:1:decision ");
}

/*
 * A record without a usable kind is passed on, after a warning at its
 * start, or at the key that looks like "kind", or at the kind.
 */
static void
test_each_no_kind(void **state)
{
	static const char *const names[] = { "a.yaml" };
	struct dir *d = *state;
	struct seen s = { 0 };
	char *err, want[2048];

	put(at(d, "a.yaml"), "kind: x\n---\nknid: y\n---\nkind: ~\n---\n"
	    "name: z\n");
	assert_int_equal(each(d, 1, names, &s, &err), TUFF_OK);
	assert_int_equal(s.n, 4);
	assert_string_equal(s.log, "a.yaml:1:1:x a.yaml:2:1:- a.yaml:4:1:- "
	    "a.yaml:6:1:- ");
	snprintf(want, sizeof(want),
	    "test_run: %s:3:1: warning: record has no kind, passed through; "
	    "did you mean \"kind\" for \"knid\"?\n"
	    "test_run: %s:5:7: warning: record has an empty kind; passed "
	    "through\n"
	    "test_run: %s:6:1: warning: record has no kind; passed through\n",
	    at(d, "a.yaml"), at(d, "a.yaml"), at(d, "a.yaml"));
	assert_string_equal(err, want);
	free(err);
}

/* An error in the second file: the first file's records went through. */
static void
test_each_error_second(void **state)
{
	static const char *const names[] = { "a.yaml", "b.yaml", "c.yaml" };
	struct dir *d = *state;
	struct seen s = { 0 };
	char *err, want[700];

	put(at(d, "a.yaml"), "kind: a\n");
	put(at(d, "b.yaml"), "kind: b\n---\nkind: c\nx: *y\n");
	put(at(d, "c.yaml"), "kind: d\n");
	assert_int_equal(each(d, 3, names, &s, &err), TUFF_ERR);
	assert_string_equal(s.log, "a.yaml:1:1:a b.yaml:1:1:b ");
	snprintf(want, sizeof(want), "test_run: %s:4:4: error: aliases are not "
	    "allowed in records\n", at(d, "b.yaml"));
	assert_string_equal(err, want);
	free(err);
}

/* A file that is not there stops the run with the system's word. */
static void
test_each_missing(void **state)
{
	static const char *const names[] = { "a.yaml", "saknas.yaml",
	    "c.yaml" };
	struct dir *d = *state;
	struct seen s = { 0 };
	char *err, want[700];

	put(at(d, "a.yaml"), "kind: a\n");
	put(at(d, "c.yaml"), "kind: c\n");
	assert_int_equal(each(d, 3, names, &s, &err), TUFF_ERR);
	assert_string_equal(s.log, "a.yaml:1:1:a ");
	snprintf(want, sizeof(want), "test_run: %s: error: No such file or "
	    "directory\n", at(d, "saknas.yaml"));
	assert_string_equal(err, want);
	free(err);
}

/* The callback's error stops the run and is reported at its node. */
static void
test_each_callback_error(void **state)
{
	static const char *const names[] = { "a.yaml", "b.yaml" };
	struct dir *d = *state;
	struct seen s = { .fail_at = 2 };
	char *err, want[700];

	put(at(d, "a.yaml"), "kind: a\n---\nid: 1\nkind: b\n---\nkind: c\n");
	put(at(d, "b.yaml"), "kind: d\n");
	assert_int_equal(each(d, 2, names, &s, &err), TUFF_ERR);
	assert_int_equal(s.n, 2);
	snprintf(want, sizeof(want), "test_run: %s:4:7: error: not wanted\n",
	    at(d, "a.yaml"));
	assert_string_equal(err, want);
	free(err);
}

/* A folder named as input: a read error, not a crash or an empty run. */
static void
test_each_directory(void **state)
{
	static const char *const names[] = { "" };
	struct dir *d = *state;
	struct seen s = { 0 };
	char *err, want[700];

	assert_int_equal(each(d, 1, names, &s, &err), TUFF_ERR);
	assert_int_equal(s.n, 0);
	snprintf(want, sizeof(want), "test_run: %s: error: read error: Is a "
	    "directory\n", at(d, ""));
	assert_string_equal(err, want);
	free(err);
}

/* ---- what -o refuses, follows and keeps ---- */

/* tuff_out_open on path fails with the message want (path: %s). */
static void
assert_out_refused(const char *path, const char *want_fmt, const char *arg)
{
	struct tuff_out o;
	struct capture c;
	char want[2048];

	snprintf(want, sizeof(want), want_fmt, path, arg);
	tuff_setprogname("test_run");
	capture_start(&c);
	assert_null(tuff_out_open(&o, path));
	capture_stop(&c);
	assert_string_equal(c.text, want);
	free(c.text);
	assert_null(o.fp);
	assert_null(o.tmp);
	assert_null(o.target);
}

/*
 * Something that is not a regular file is refused, and left as it is:
 * a rename over it would put a regular file in its place.
 */
static void
test_out_not_regular(void **state)
{
	struct dir *d = *state;
	struct stat st;
	char fifo[512], link[512], dev[512], proc[64];
	int fds[2];

	snprintf(fifo, sizeof(fifo), "%s", at(d, "fifo"));
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_out_refused(fifo, "test_run: %s: error: -o replaces only a "
	    "regular file, and this is a pipe (FIFO)\n", NULL);
	/* A node of our own where we may make one (root): should -o ever
	 * replace what it refuses, the system's /dev/null is safe. */
	if (mknod(at(d, "null"), S_IFCHR | 0666, makedev(1, 3)) == 0)
		snprintf(dev, sizeof(dev), "%s", at(d, "null"));
	else
		snprintf(dev, sizeof(dev), "/dev/null");
	assert_out_refused(dev, "test_run: %s: error: -o replaces only a "
	    "regular file, and this is a character device\n", NULL);
	assert_int_equal(stat(dev, &st), 0);
	assert_true(S_ISCHR(st.st_mode));
	unlink(at(d, "null"));
	assert_out_refused(d->path, "test_run: %s: error: -o replaces only a "
	    "regular file, and this is a directory\n", NULL);
	/* A link to the pipe a shell gives as standard output. */
	assert_int_equal(pipe(fds), 0);
	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fds[1]);
	snprintf(link, sizeof(link), "%s", at(d, "stdout"));
	assert_int_equal(symlink(proc, link), 0);
	assert_out_refused(link, "test_run: %s: error: -o replaces only a "
	    "regular file, and this is a pipe (FIFO)\n", NULL);
	close(fds[0]);
	close(fds[1]);
	assert_int_equal(stat(fifo, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_listing(d, "fifo stdout");
	assert_out_refused("", "test_run: error: -o needs the name of a "
	    "file\n%.0s", NULL);
}

/*
 * Through a symbolic link, the file it points at is replaced and the
 * link stays a link: a chain of links, relative ones read from their
 * own directory, the temporary file beside the target.
 */
static void
test_out_symlink(void **state)
{
	struct dir *d = *state, sd;
	struct tuff_out o;
	struct stat st;
	char *shared = sd.path, reg[512], abs[512];

	snprintf(sd.path, sizeof(sd.path), "%.240s/shared", d->path);
	assert_int_equal(mkdir(shared, 0755), 0);
	snprintf(reg, sizeof(reg), "%s/register.yaml", shared);
	put(reg, "old\n");
	assert_int_equal(symlink("shared/register.yaml", at(d, "link")), 0);
	assert_int_equal(symlink("link", at(d, "link2")), 0);
	snprintf(abs, sizeof(abs), "%s", at(d, "abs"));
	assert_int_equal(symlink(reg, abs), 0);

	assert_non_null(tuff_out_open(&o, at(d, "link2")));
	fputs("new\n", o.fp);
	assert_int_equal(tuff_out_close(&o, 1), TUFF_OK);
	assert_content(reg, "new\n");
	assert_int_equal(lstat(at(d, "link"), &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(lstat(at(d, "link2"), &st), 0);
	assert_true(S_ISLNK(st.st_mode));

	assert_non_null(tuff_out_open(&o, abs));
	fputs("newer\n", o.fp);
	assert_int_equal(tuff_out_close(&o, 1), TUFF_OK);
	assert_content(reg, "newer\n");
	assert_int_equal(lstat(abs, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_listing(d, "abs link link2 shared");

	/* Nothing left in the target's directory either. */
	assert_listing(&sd, "register.yaml");
	assert_int_equal(unlink(reg), 0);
	assert_int_equal(rmdir(shared), 0);
}

/* A link to nothing (a share not mounted) and a loop are refused. */
static void
test_out_symlink_bad(void **state)
{
	struct dir *d = *state;
	char link[512], loop[512];

	snprintf(link, sizeof(link), "%s", at(d, "link"));
	assert_int_equal(symlink("saknas/register.yaml", link), 0);
	assert_out_refused(link, "test_run: %s: error: the symbolic link "
	    "points at %s/saknas/register.yaml, which does not exist\n",
	    d->path);
	snprintf(loop, sizeof(loop), "%s", at(d, "a"));
	assert_int_equal(symlink("b", loop), 0);
	assert_int_equal(symlink("a", at(d, "b")), 0);
	assert_out_refused(loop, "test_run: %s: error: Too many levels of "
	    "symbolic links\n", NULL);
	assert_listing(d, "a b link");
}

/*
 * Replacing another user's file keeps its owner and group (as root:
 * root may give them away), and its mode.
 */
static void
test_out_keeps_owner(void **state)
{
	struct dir *d = *state;
	struct tuff_out o;
	struct stat st;
	char path[512];

	if (geteuid() != 0) {
		print_message("test_out_keeps_owner: skipped: setting "
		    "another user's owner needs root\n");
		skip();
	}
	snprintf(path, sizeof(path), "%s", at(d, "hme.yaml"));
	put(path, "old\n");
	if (chown(path, 12345, 23456) == -1) {
		/* Root of a user namespace that does not map the ids. */
		print_message("test_out_keeps_owner: skipped: chown: %s\n",
		    strerror(errno));
		skip();
	}
	assert_int_equal(chmod(path, 0640), 0);
	assert_non_null(tuff_out_open(&o, path));
	fputs("new\n", o.fp);
	assert_int_equal(tuff_out_close(&o, 1), TUFF_OK);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_uid, 12345);
	assert_int_equal(st.st_gid, 23456);
	assert_int_equal(st.st_mode & 07777, 0640);
	assert_content(path, "new\n");
}

/*
 * A name of NAME_MAX bytes works: the temporary name is cut to fit, at
 * a whole character, and stays unique.
 */
static void
test_out_long_name(void **state)
{
	struct dir *d = *state;
	struct tuff_out o;
	char name[300], path[1024];
	long max = pathconf(d->path, _PC_NAME_MAX);
	size_t i;

	assert_true(max >= 255);
	for (i = 0; i + 2 <= 254; i += 2)
		memcpy(name + i, "\xc3\xa5", 2);	/* å */
	name[i++] = 'a';
	name[i] = '\0';
	assert_int_equal(strlen(name), 255);
	snprintf(path, sizeof(path), "%s/%s", d->path, name);
	put(path, "old\n");
	assert_non_null(tuff_out_open(&o, path));
	fputs("new\n", o.fp);
	assert_int_equal(tuff_out_close(&o, 1), TUFF_OK);
	assert_content(path, "new\n");
	assert_listing(d, name);
}

/*
 * A second run writing the same file while the first one holds it is
 * refused at once, before it reads anything, so neither update is lost
 * and nothing waits forever.  After the first run, the file is free.
 */
static void
test_out_lock(void **state)
{
	struct dir *d = *state;
	struct tuff_out a, b;
	char path[512];

	snprintf(path, sizeof(path), "%s", at(d, "register.yaml"));
	put(path, "old\n");
	assert_non_null(tuff_out_open(&a, path));
	assert_out_refused(path, "test_run: %s: error: another run is "
	    "writing this file (it is locked); try again when that run has "
	    "finished\n", NULL);
	fputs("first\n", a.fp);
	assert_int_equal(tuff_out_close(&a, 1), TUFF_OK);
	assert_non_null(tuff_out_open(&b, path));
	fputs("second\n", b.fp);
	assert_int_equal(tuff_out_close(&b, 1), TUFF_OK);
	assert_content(path, "second\n");
	assert_listing(d, "register.yaml");
}

/*
 * A directory the run may not write in is named: as root (who may write
 * anywhere) the test runs as nobody in a child.
 */
static void
test_out_unwritable_dir(void **state)
{
	struct dir *d = *state;
	struct tuff_out o;
	struct capture c;
	char sub[512], path[1024], want[2048];
	pid_t pid;
	int status;

	snprintf(sub, sizeof(sub), "%s", at(d, "ro"));
	assert_int_equal(mkdir(sub, 0555), 0);
	assert_int_equal(chmod(d->path, 0755), 0);
	snprintf(path, sizeof(path), "%s/r.yaml", sub);
	snprintf(want, sizeof(want), "test_run: %s: error: cannot write in "
	    "the directory %s: Permission denied\n", path, sub);
	if ((pid = fork()) == 0) {
		if (geteuid() == 0 && (setgid(65534) == -1 ||
		    setuid(65534) == -1))
			_exit(77);	/* cannot become nobody here */
		tuff_setprogname("test_run");
		capture_start(&c);
		if (tuff_out_open(&o, path) != NULL)
			_exit(4);
		capture_stop(&c);
		_exit(strcmp(c.text, want) == 0 ? 0 : 5);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(rmdir(sub), 0);
	if (WEXITSTATUS(status) == 77) {
		print_message("test_out_unwritable_dir: skipped: root cannot "
		    "become nobody here\n");
		skip();
	}
	assert_int_equal(WEXITSTATUS(status), 0);
}

/* ---- write errors: the real reason, once ---- */

/* Run fn with standard output on fd; what was reported on stderr. */
static char *
with_stdout(int fd, void (*fn)(void))
{
	struct capture c;
	int saved;

	fflush(stdout);
	saved = dup(STDOUT_FILENO);
	assert_true(saved >= 0);
	assert_true(dup2(fd, STDOUT_FILENO) >= 0);
	tuff_setprogname("test_run");
	capture_start(&c);
	fn();
	capture_stop(&c);
	assert_true(dup2(saved, STDOUT_FILENO) >= 0);
	close(saved);
	return c.text;
}

/* Far more than stdio holds: the first failure is long past at close. */
static void
write_much(void)
{
	struct tuff_out o;
	int i;

	assert_non_null(tuff_out_open(&o, NULL));
	for (i = 0; i < 10000; i++)
		fputs("kind: journey\nid: x\n---\n", o.fp);
	assert_int_equal(tuff_out_close(&o, 1), TUFF_ERR);
}

static void
test_out_full_disk(void **state)
{
	int fd = open("/dev/full", O_WRONLY);
	char *err;

	(void)state;
	assert_true(fd >= 0);
	err = with_stdout(fd, write_much);
	close(fd);
	assert_string_equal(err, "test_run: write error: No space left on "
	    "device\n");
	free(err);
}

/* With SIGPIPE ignored (systemd's default), a closed pipe is named. */
static void
test_out_broken_pipe(void **state)
{
	void (*old)(int) = signal(SIGPIPE, SIG_IGN);
	int fds[2];
	char *err;

	(void)state;
	assert_int_equal(pipe(fds), 0);
	close(fds[0]);
	err = with_stdout(fds[1], write_much);
	close(fds[1]);
	signal(SIGPIPE, old);
	assert_string_equal(err, "test_run: write error: Broken pipe\n");
	free(err);
}

/* A failure the caller found (a writer's) is reported the same way. */
static void
test_out_error_noted(void **state)
{
	struct dir *d = *state;
	struct tuff_out o;
	struct capture c;

	put(at(d, "r.yaml"), "old\n");
	assert_non_null(tuff_out_open(&o, at(d, "r.yaml")));
	assert_int_equal(tuff_out_error(&o, EILSEQ), -1);
	assert_int_equal(tuff_out_error(&o, ENOMEM), -1);	/* the first */
	tuff_setprogname("test_run");
	capture_start(&c);
	assert_int_equal(tuff_out_close(&o, 1), TUFF_ERR);
	capture_stop(&c);
	assert_string_equal(c.text, "test_run: write error: Invalid or "
	    "incomplete multibyte or wide character\n");
	free(c.text);
	assert_content(at(d, "r.yaml"), "old\n");
	assert_listing(d, "r.yaml");
}

static void
print_help(void)
{
	fputs("usage: x\n", stdout);
	assert_int_equal(tuff_stdout_status(), TUFF_ERR);
}

static void
test_stdout_status(void **state)
{
	int fd = open("/dev/full", O_WRONLY);
	char *err;

	(void)state;
	assert_true(fd >= 0);
	err = with_stdout(fd, print_help);
	close(fd);
	clearerr(stdout);
	assert_string_equal(err, "test_run: write error: No space left on "
	    "device\n");
	free(err);
}

/* The spill: unnamed, read back, and its failures named as its own. */
static void
test_out_temp(void **state)
{
	struct dir *d = *state;
	struct tuff_out o;
	struct capture c;
	struct rlimit saved, small;
	char line[64], want[1024], big[8192];
	void (*oldsig)(int);
	int i;

	setenv("TMPDIR", d->path, 1);
	assert_non_null(tuff_out_temp(&o));
	assert_listing(d, "");
	fputs("kept\n", o.fp);
	rewind(o.fp);
	assert_non_null(fgets(line, sizeof(line), o.fp));
	assert_string_equal(line, "kept\n");
	assert_int_equal(tuff_out_close(&o, 0), TUFF_ERR);
	assert_listing(d, "");

	/* A spill that fills up says where it was. */
	memset(big, 'x', sizeof(big));
	assert_non_null(tuff_out_temp(&o));
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &saved), 0);
	small = saved;
	small.rlim_cur = 4096;
	oldsig = signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
	for (i = 0; i < 4; i++)
		fwrite(big, 1, sizeof(big), o.fp);
	tuff_setprogname("test_run");
	capture_start(&c);
	assert_int_equal(tuff_out_close(&o, 0), TUFF_ERR);
	capture_stop(&c);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &saved), 0);
	signal(SIGXFSZ, oldsig);
	snprintf(want, sizeof(want), "test_run: write error: temporary file "
	    "in %s: File too large\n", d->path);
	assert_string_equal(c.text, want);
	free(c.text);

	/* And one that cannot be made says why. */
	setenv("TMPDIR", at(d, "saknas"), 1);
	capture_start(&c);
	assert_null(tuff_out_temp(&o));
	capture_stop(&c);
	snprintf(want, sizeof(want), "test_run: %s: error: cannot create a "
	    "temporary file in this directory: No such file or directory\n",
	    at(d, "saknas"));
	assert_string_equal(c.text, want);
	free(c.text);
	unsetenv("TMPDIR");
}

/* ---- the same data twice ---- */

/* Standard input from a pipe holding text, for one test. */
struct fake_stdin {
	int	saved;
};

static void
stdin_start(struct fake_stdin *f, const char *text)
{
	int fds[2];

	assert_int_equal(pipe(fds), 0);
	assert_int_equal(write(fds[1], text, strlen(text)),
	    (ssize_t)strlen(text));
	close(fds[1]);
	f->saved = dup(STDIN_FILENO);
	assert_true(f->saved >= 0);
	assert_true(dup2(fds[0], STDIN_FILENO) >= 0);
	close(fds[0]);
}

static void
stdin_stop(struct fake_stdin *f)
{
	assert_true(dup2(f->saved, STDIN_FILENO) >= 0);
	close(f->saved);
	clearerr(stdin);
}

/* The same file twice, however named: refused before a record is read. */
static void
test_each_same_file(void **state)
{
	struct dir *d = *state;
	struct seen s = { 0 };
	const char *names[] = { "a.yaml", "b.yaml", "./a.yaml" };
	char *err, want[2048], a[512];

	put(at(d, "a.yaml"), "kind: a\n");
	put(at(d, "b.yaml"), "kind: b\n");
	snprintf(a, sizeof(a), "%s", at(d, "a.yaml"));
	assert_int_equal(each(d, 3, names, &s, &err), TUFF_ERR);
	assert_int_equal(s.n, 0);
	snprintf(want, sizeof(want), "test_run: %s: error: the same file as "
	    "%s (named twice?)\n", at(d, "./a.yaml"), a);
	assert_string_equal(err, want);
	free(err);

	/* A hard link is the same file too. */
	assert_int_equal(link(a, at(d, "c.yaml")), 0);
	names[2] = "c.yaml";
	assert_int_equal(each(d, 3, names, &s, &err), TUFF_ERR);
	assert_int_equal(s.n, 0);
	snprintf(want, sizeof(want), "test_run: %s: error: the same file as "
	    "%s (named twice?)\n", at(d, "c.yaml"), a);
	assert_string_equal(err, want);
	free(err);
}

/* A copy is refused before a record is read; empty files are not data. */
static void
test_each_same_content(void **state)
{
	struct dir *d = *state;
	struct seen s = { 0 };
	const char *names[] = { "a.yaml", "b.yaml", "copy.yaml" };
	const char *empties[] = { "e1.yaml", "e2.yaml", "b.yaml" };
	char *err, want[2048], a[512];

	put(at(d, "a.yaml"), "kind: a\n");
	put(at(d, "b.yaml"), "kind: b\n");	/* the same length */
	put(at(d, "copy.yaml"), "kind: a\n");
	snprintf(a, sizeof(a), "%s", at(d, "a.yaml"));
	assert_int_equal(each(d, 3, names, &s, &err), TUFF_ERR);
	assert_int_equal(s.n, 0);
	snprintf(want, sizeof(want), "test_run: %s: error: the same content "
	    "as %s (given twice?)\n", at(d, "copy.yaml"), a);
	assert_string_equal(err, want);
	free(err);

	put(at(d, "e1.yaml"), "");
	put(at(d, "e2.yaml"), "");
	assert_int_equal(each(d, 3, empties, &s, &err), TUFF_OK);
	assert_string_equal(err, "");
	free(err);
	assert_int_equal(s.n, 1);
}

/* "-" twice. */
static void
test_each_stdin_twice(void **state)
{
	struct seen s = { 0 };
	struct fake_stdin f;
	struct capture c;
	char *argv[] = { "-", "-", NULL };
	int rc;

	(void)state;
	stdin_start(&f, "kind: a\n");
	tuff_setprogname("test_run");
	capture_start(&c);
	rc = tuff_each_record(2, argv, on_record, &s);
	capture_stop(&c);
	stdin_stop(&f);
	assert_int_equal(rc, TUFF_ERR);
	assert_int_equal(s.n, 0);
	assert_string_equal(c.text, "test_run: <stdin>: error: standard "
	    "input is named twice\n");
	free(c.text);
}

/*
 * cat a.yaml | tool - a.yaml: standard input is a pipe, so device and
 * inode cannot tell; its content can.  Read first, it is compared when
 * it ends, before a.yaml is read; read last, when it ends.
 */
static void
test_each_stdin_copy(void **state)
{
	struct dir *d = *state;
	struct seen s = { 0 };
	struct fake_stdin f;
	struct capture c;
	char a[512], want[2048];
	char *argv[3];
	int rc;

	snprintf(a, sizeof(a), "%s", at(d, "a.yaml"));
	put(a, "kind: a\n---\nkind: b\n");
	argv[0] = "-";
	argv[1] = a;
	argv[2] = NULL;
	stdin_start(&f, "kind: a\n---\nkind: b\n");
	tuff_setprogname("test_run");
	capture_start(&c);
	rc = tuff_each_record(2, argv, on_record, &s);
	capture_stop(&c);
	stdin_stop(&f);
	assert_int_equal(rc, TUFF_ERR);
	assert_string_equal(s.log, "<stdin>:1:1:a <stdin>:2:1:b ");
	snprintf(want, sizeof(want), "test_run: %s: error: the same content "
	    "as <stdin> (given twice?)\n", a);
	assert_string_equal(c.text, want);
	free(c.text);

	memset(&s, 0, sizeof(s));
	argv[0] = a;
	argv[1] = "-";
	stdin_start(&f, "kind: a\n---\nkind: b\n");
	capture_start(&c);
	rc = tuff_each_record(2, argv, on_record, &s);
	capture_stop(&c);
	stdin_stop(&f);
	assert_int_equal(rc, TUFF_ERR);
	assert_int_equal(s.n, 4);
	snprintf(want, sizeof(want), "test_run: <stdin>: error: the same "
	    "content as %s (given twice?)\n", a);
	assert_string_equal(c.text, want);
	free(c.text);

	/* Other content on stdin is read as usual. */
	memset(&s, 0, sizeof(s));
	stdin_start(&f, "kind: a\n---\nkind: c\n");
	capture_start(&c);
	rc = tuff_each_record(2, argv, on_record, &s);
	capture_stop(&c);
	stdin_stop(&f);
	assert_int_equal(rc, TUFF_OK);
	assert_int_equal(s.n, 4);
	assert_string_equal(c.text, "");
	free(c.text);
}

/* What a duplicate id's message asks: were both inputs the same data? */
struct asked {
	const char	*first;		/* the file to compare each record's with */
	char		 log[256];
};

static int
ask_same(struct tuff_doc *doc, void *arg, struct tuff_error *e)
{
	struct asked *a = arg;
	size_t len = strlen(a->log);

	(void)e;
	snprintf(a->log + len, sizeof(a->log) - len, "%d",
	    tuff_inputs_same(a->first, doc->file));
	tuff_doc_free(doc);
	return 0;
}

static void
test_inputs_same(void **state)
{
	struct dir *d = *state;
	struct asked ask;
	struct fake_stdin f;
	struct capture c;
	char a[512], b[512];
	char *argv[3];
	int rc;

	snprintf(a, sizeof(a), "%s", at(d, "a.yaml"));
	snprintf(b, sizeof(b), "%s", at(d, "b.yaml"));
	put(a, "kind: a\n---\nkind: b\n");
	put(b, "kind: x\n---\nkind: y\n---\nkind: z\n");
	assert_int_equal(tuff_inputs_same(a, b), 0);	/* no run */

	/* A stream that so far is a.yaml again, while it is read. */
	memset(&ask, 0, sizeof(ask));
	ask.first = a;
	argv[0] = a;
	argv[1] = "-";
	argv[2] = NULL;
	stdin_start(&f, "kind: a\n---\nkind: b\n");
	tuff_setprogname("test_run");
	capture_start(&c);
	rc = tuff_each_record(2, argv, ask_same, &ask);
	capture_stop(&c);
	stdin_stop(&f);
	free(c.text);
	assert_int_equal(rc, TUFF_ERR);		/* at the stream's end */
	assert_string_equal(ask.log, "0011");	/* a with itself: no */

	/* Different data. */
	memset(&ask, 0, sizeof(ask));
	ask.first = a;
	stdin_start(&f, "kind: a\n---\nkind: c\n");
	capture_start(&c);
	rc = tuff_each_record(2, argv, ask_same, &ask);
	capture_stop(&c);
	stdin_stop(&f);
	free(c.text);
	assert_int_equal(rc, TUFF_OK);
	assert_string_equal(ask.log, "0000");

	/* Two regular files that differ. */
	memset(&ask, 0, sizeof(ask));
	ask.first = a;
	argv[1] = b;
	capture_start(&c);
	rc = tuff_each_record(2, argv, ask_same, &ask);
	capture_stop(&c);
	free(c.text);
	assert_int_equal(rc, TUFF_OK);
	assert_string_equal(ask.log, "00000");
}

/* tuff_each_file hands each operand to a reader of its own (CSV). */
static int
count_bytes(FILE *fp, const char *name, void *arg, struct tuff_error *e)
{
	size_t *n = arg;

	(void)name;
	(void)e;
	while (getc(fp) != EOF)
		(*n)++;
	return 0;
}

static void
test_each_file_csv(void **state)
{
	struct dir *d = *state;
	struct capture c;
	char a[512], b[512], want[2048];
	char *argv[3];
	size_t n = 0;

	snprintf(a, sizeof(a), "%s", at(d, "a.csv"));
	snprintf(b, sizeof(b), "%s", at(d, "b.csv"));
	put(a, "unit;period\nX;2021\n");
	put(b, "unit;period\nX;2021\n");
	argv[0] = a;
	argv[1] = b;
	argv[2] = NULL;
	tuff_setprogname("test_run");
	capture_start(&c);
	assert_int_equal(tuff_each_file(2, argv, count_bytes, &n), TUFF_ERR);
	capture_stop(&c);
	assert_int_equal(n, 0);
	snprintf(want, sizeof(want), "test_run: %s: error: the same content "
	    "as %s (given twice?)\n", b, a);
	assert_string_equal(c.text, want);
	free(c.text);
	put(b, "unit;period\nY;2021\n");
	assert_int_equal(tuff_each_file(2, argv, count_bytes, &n), TUFF_OK);
	assert_int_equal(n, 38);
}

static void
test_stdin_is_tty(void **state)
{
	(void)state;
	assert_int_equal(tuff_stdin_is_tty(1), 0);
	assert_int_equal(tuff_stdin_is_tty(3), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_out_replace, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_out_new_relative, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_out_not_ok, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_out_write_error, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_out_mode, setup, teardown),
		cmocka_unit_test_setup_teardown(test_out_keeps_mode, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_out_no_folder, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_out_killed, setup,
		    teardown),
		cmocka_unit_test(test_out_stdout),
		cmocka_unit_test_setup_teardown(test_each_two_files, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_each_no_kind, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_each_error_second, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_each_missing, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_each_callback_error, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_each_directory, setup,
		    teardown),
		cmocka_unit_test(test_stdin_is_tty),
		cmocka_unit_test(test_kind_quiet),
		cmocka_unit_test_setup_teardown(test_out_not_regular, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_out_symlink, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_out_symlink_bad, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_out_keeps_owner, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_out_long_name, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_out_lock, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_out_unwritable_dir, setup,
		    teardown),
		cmocka_unit_test(test_out_full_disk),
		cmocka_unit_test(test_out_broken_pipe),
		cmocka_unit_test_setup_teardown(test_out_error_noted, setup,
		    teardown),
		cmocka_unit_test(test_stdout_status),
		cmocka_unit_test_setup_teardown(test_out_temp, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_each_same_file, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_each_same_content, setup,
		    teardown),
		cmocka_unit_test(test_each_stdin_twice),
		cmocka_unit_test_setup_teardown(test_each_stdin_copy, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_inputs_same, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_each_file_csv, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
