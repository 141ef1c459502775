/*
 * The part of every binary around its own logic: inputs, output,
 * reporting.
 */
#define _GNU_SOURCE	/* O_TMPFILE: without it the #ifdef below is never true */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tuff/diag.h"
#include "tuff/run.h"

#define STDIN_NAME	"<stdin>"

FILE *
tuff_open_input(const char *path, const char **name)
{
	FILE *fp;

	if (strcmp(path, "-") == 0) {
		*name = STDIN_NAME;
		return stdin;
	}
	*name = path;
	if ((fp = fopen(path, "r")) == NULL)
		tuff_warn("%s", path);
	return fp;
}

int
tuff_stdin_is_tty(int nfiles)
{
	return nfiles == 0 && isatty(STDIN_FILENO);
}

/*
 * Call fn with each input in turn, open; "no files" means standard
 * input.  Stops at the first error.
 */
int
tuff_each_file(int argc, char **argv, tuff_file_fn *fn, void *arg)
{
	static char *dash[] = { "-", NULL };
	struct tuff_error e;
	const char *name;
	FILE *fp;
	int i, rc = 0;

	if (argc == 0) {
		argc = 1;
		argv = dash;
	}
	for (i = 0; i < argc && rc == 0; i++) {
		if ((fp = tuff_open_input(argv[i], &name)) == NULL)
			return TUFF_ERR;
		memset(&e, 0, sizeof(e));
		if ((rc = fn(fp, argv[i], name, arg, &e)) == -1 &&
		    e.msg[0] != '\0')
			tuff_report("error", &e);
		if (fp != stdin)
			fclose(fp);
	}
	return rc == 0 ? TUFF_OK : TUFF_ERR;
}

struct each_input {
	tuff_input_fn	*fn;
	void		*arg;
};

/* One input of tuff_each_input: a reader on it for fn. */
static int
read_input(FILE *fp, const char *path, const char *name, void *arg,
    struct tuff_error *e)
{
	struct each_input *ei = arg;
	struct tuff_reader *r;
	int rc;

	(void)path;
	if ((r = tuff_reader_new(fp, name)) == NULL) {
		tuff_warnx("out of memory");
		e->msg[0] = '\0';	/* reported */
		return -1;
	}
	rc = ei->fn(r, name, ei->arg, e);
	tuff_reader_free(r);
	return rc;
}

int
tuff_each_input(int argc, char **argv, tuff_input_fn *fn, void *arg)
{
	struct each_input ei = { fn, arg };

	return tuff_each_file(argc, argv, read_input, &ei);
}

struct each_record {
	tuff_record_fn	*fn;
	void		*arg;
	int		(*pass)(const char *kind, void *arg);
	struct tuff_writer *w;
};

static int
read_records(struct tuff_reader *r, const char *name, void *arg,
    struct tuff_error *e)
{
	struct each_record *er = arg;
	struct tuff_doc *doc;
	int rc;

	(void)name;
	for (;;) {
		rc = er->pass != NULL ? tuff_reader_next_or_pass(r, &doc,
		    er->pass, er->arg, er->w, e) : tuff_reader_next(r, &doc, e);
		if (rc <= 0)
			return rc;
		if (rc == 2)
			continue;	/* streamed through to w */
		if (doc->kind == NULL && tuff_map_get(doc->root, "kind") == NULL)
			tuff_diag("warning", doc->file, doc->line, doc->column,
			    "record has no kind; passed through");
		if (er->fn(doc, er->arg, e) == -1)
			return -1;
	}
}

int
tuff_each_record(int argc, char **argv, tuff_record_fn *fn, void *arg)
{
	struct each_record er = { fn, arg, NULL, NULL };

	return tuff_each_input(argc, argv, read_records, &er);
}

int
tuff_each_record_or_pass(int argc, char **argv, tuff_record_fn *fn,
    int (*pass)(const char *kind, void *arg), struct tuff_writer *w,
    void *arg)
{
	struct each_record er = { fn, arg, pass, w };

	return tuff_each_input(argc, argv, read_records, &er);
}

static mode_t
current_umask(void)
{
	mode_t m = umask(022);

	umask(m);
	return m;
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
	const char *slash;
	struct stat st;
	size_t len;
	int fd = -1;

	memset(o, 0, sizeof(*o));
	if (path == NULL || strcmp(path, "-") == 0) {
		o->fp = stdout;
		return o->fp;
	}
	o->path = path;
	len = strlen(path) + sizeof("/.tmp.XXXXXX");
	if ((o->tmp = malloc(len)) == NULL) {
		tuff_warnx("out of memory");
		return NULL;
	}
	slash = strrchr(path, '/');
	/* The folder first, for O_TMPFILE; then the name for mkstemp. */
	snprintf(o->tmp, len, "%.*s", slash != NULL ?
	    (int)(slash - path + (slash == path)) : 1,
	    slash != NULL ? path : ".");
#ifdef O_TMPFILE
	if ((fd = open(o->tmp, O_TMPFILE | O_WRONLY | O_CLOEXEC,
	    0666)) != -1)
		o->unnamed = 1;
#endif
	snprintf(o->tmp, len, "%.*s.%s.XXXXXX",
	    slash != NULL ? (int)(slash - path + 1) : 0, path,
	    slash != NULL ? slash + 1 : path);
	if (fd == -1) {
		if ((fd = mkstemp(o->tmp)) == -1)
			goto fail;
		/* mkstemp makes it 0600; a register is read by colleagues. */
		(void)fchmod(fd, 0666 & ~current_umask());
	}
	/* Replacing a file keeps its mode, as sed -i does: an HME export
	 * kept at 0600 stays private. */
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
		(void)fchmod(fd, st.st_mode & 07777);
	if ((o->fp = fdopen(fd, "w")) != NULL)
		return o->fp;
	close(fd);
	if (!o->unnamed)
		unlink(o->tmp);
fail:
	tuff_warn("%s", path);
	free(o->tmp);
	o->tmp = NULL;
	return NULL;
}

/*
 * Give the unnamed file the temporary name, from which it is renamed
 * over the target.
 */
static int
name_tmpfile(struct tuff_out *o)
{
	char proc[64];
	int fd;

	if (!o->unnamed)
		return 0;
	if ((fd = mkstemp(o->tmp)) == -1)
		return -1;
	close(fd);
	unlink(o->tmp);
	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fileno(o->fp));
	if (linkat(AT_FDCWD, proc, AT_FDCWD, o->tmp, AT_SYMLINK_FOLLOW) == -1)
		return -1;
	o->unnamed = 0;
	return 0;
}

int
tuff_out_close(struct tuff_out *o, int ok)
{
	int bad;

	if (o->fp == NULL)
		return TUFF_ERR;
	bad = fflush(o->fp) != 0 || ferror(o->fp);
	if (bad && ok)
		tuff_warn("write error");
	if (o->path == NULL)
		return ok && !bad ? TUFF_OK : TUFF_ERR;
	if (!bad && ok && (fsync(fileno(o->fp)) == -1 ||
	    name_tmpfile(o) == -1)) {
		tuff_warn("%s", o->path);
		bad = 1;
	}
	if (fclose(o->fp) != 0 && !bad && ok) {
		tuff_warn("%s", o->path);
		bad = 1;
	}
	o->fp = NULL;
	if (ok && !bad && rename(o->tmp, o->path) == -1) {
		tuff_warn("%s", o->path);
		bad = 1;
	}
	if ((!ok || bad) && !o->unnamed)
		unlink(o->tmp);
	free(o->tmp);
	o->tmp = NULL;
	return ok && !bad ? TUFF_OK : TUFF_ERR;
}
