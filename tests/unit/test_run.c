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
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "tuff/diag.h"
#include "tuff/run.h"

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

/* Standard error into a file while a test looks at what is reported. */
struct capture {
	int	 saved;
	FILE	*fp;
	char	*text;
};

static void
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
static void
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
	char path[512], want[700];

	snprintf(path, sizeof(path), "%s", at(d, "nej/r.yaml"));
	tuff_setprogname("test_run");
	capture_start(&c);
	assert_null(tuff_out_open(&o, path));
	capture_stop(&c);
	snprintf(want, sizeof(want),
	    "test_run: %s: No such file or directory\n", path);
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
	assert_ptr_equal(tuff_out_open(&o, NULL), stdout);
	assert_null(o.path);
	assert_int_equal(tuff_out_close(&o, 1), TUFF_OK);
	assert_ptr_equal(tuff_out_open(&o, "-"), stdout);
	assert_null(o.path);
	assert_int_equal(tuff_out_close(&o, 0), TUFF_ERR);
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
	snprintf(want, sizeof(want), "test_run: %s: No such file or "
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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
