#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/diag.h"
#include "tuff/hash.h"
#include "tuff/i18n.h"

/*
 * The program name is set once at the start of main, like setprogname(3),
 * and only read after that.
 */
static const char *progname = "tuff";
/* main's, handed over once by tuff_set_diag_conf. */
static struct tuff_diag_conf *conf;

void
tuff_setprogname(const char *argv0)
{
	const char *p;

	if (argv0 == NULL || *argv0 == '\0')
		return;
	p = strrchr(argv0, '/');
	progname = p != NULL ? p + 1 : argv0;
}

const char *
tuff_progname(void)
{
	return progname;
}

/*
 * The length of the UTF-8 character at p (at most n bytes), or 0 when
 * the bytes there are not one (overlong, a surrogate, past U+10FFFF,
 * cut short).
 */
static size_t
utf8_len(const unsigned char *p, size_t n)
{
	size_t len, i;
	unsigned long c;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		len = 2, c = p[0] & 0x1f;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		len = 3, c = p[0] & 0x0f;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		len = 4, c = p[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (p[i] & 0x3f);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		return 0;
	return len;
}

size_t
tuff_escape(char *buf, size_t size, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	char esc[16];
	size_t i = 0, o = 0, n, k;

	while (i < len) {
		n = utf8_len(p + i, len - i);
		if (n == 1 && p[i] >= 0x20 && p[i] != 0x7f)
			esc[0] = (char)p[i], esc[1] = '\0';
		else if (n == 1 && (p[i] == '\n' || p[i] == '\r' ||
		    p[i] == '\t'))
			snprintf(esc, sizeof(esc), "\\%c",
			    p[i] == '\n' ? 'n' : p[i] == '\r' ? 'r' : 't');
		else if (n == 2 && p[i] == 0xc2 && p[i + 1] < 0xa0)
			snprintf(esc, sizeof(esc), "\\xc2\\x%02x", p[i + 1]);
		else if (n <= 1)
			snprintf(esc, sizeof(esc), "\\x%02x", p[i]);
		else
			esc[0] = '\0';
		if (n == 0)
			n = 1;
		k = esc[0] != '\0' ? strlen(esc) : n;
		if (o + k >= size)
			break;
		memcpy(buf + o, esc[0] != '\0' ? esc : (const char *)p + i, k);
		o += k;
		i += n;
	}
	buf[o] = '\0';
	return o;
}

/*
 * fmt in the user's language.  Every function here that takes a format
 * looks it up, so a caller writes the English message once and
 * xgettext finds it by the function's name (po/meson.build), as gcc's
 * diagnostics do.  The empty msgid is the catalog's header, not a
 * translation.
 */
static const char *
translated(const char *fmt)
{
	return *fmt == '\0' ? fmt : _(fmt);
}

/*
 * Print "prog: HEAD TEXT TAIL" as one line, with TEXT (formatted from
 * fmt) and HEAD escaped: user text in a message can hold anything, and
 * a newline in it must not forge a second diagnostic.
 */
static void
say(const char *head, const char *tail, const char *fmt, va_list ap)
{
	char small[512], *msg = small, *out;
	size_t hlen = strlen(head), size;
	va_list again;
	int n;

	fmt = translated(fmt);
	va_copy(again, ap);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	if (n >= (int)sizeof(small) && (msg = malloc((size_t)n + 1)) != NULL)
		vsnprintf(msg, (size_t)n + 1, fmt, again);
	va_end(again);
	if (n < 0 || msg == NULL) {
		msg = small;
		n = (int)strlen(small);
	}
	size = 4 * (hlen + (size_t)n) + 1;
	if ((out = malloc(size)) != NULL) {
		tuff_escape(out, size, head, hlen);
		tuff_escape(out + strlen(out), size - strlen(out), msg,
		    (size_t)n);
		fprintf(stderr, "%s: %s%s\n", progname, out, tail);
	} else
		fprintf(stderr, "%s: %s\n", progname, _("out of memory"));
	free(out);
	if (msg != small)
		free(msg);
}

void
tuff_warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say("", "", fmt, ap);
	va_end(ap);
}

void
tuff_warn(const char *fmt, ...)
{
	va_list ap;
	char tail[256];
	int saved = errno;

	snprintf(tail, sizeof(tail), ": %s", strerror(saved));
	va_start(ap, fmt);
	say("", tail, fmt, ap);
	va_end(ap);
}

static void
vdiag(const char *severity, const char *file, unsigned long line,
    unsigned long column, const char *fmt, va_list ap)
{
	char head[1024];

	if (file == NULL)
		snprintf(head, sizeof(head), "%s: ", severity);
	else if (line > 0 && column > 0)
		snprintf(head, sizeof(head), "%s:%lu:%lu: %s: ", file, line,
		    column, severity);
	else if (line > 0)
		snprintf(head, sizeof(head), "%s:%lu: %s: ", file, line,
		    severity);
	else
		snprintf(head, sizeof(head), "%s: %s: ", file, severity);
	say(head, "", fmt, ap);
}

void
tuff_diag(const char *severity, const char *file, unsigned long line,
    unsigned long column, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdiag(severity, file, line, column, fmt, ap);
	va_end(ap);
}

void
tuff_set_diag_conf(struct tuff_diag_conf *c)
{
	conf = c;
}

/* A warning about the input, or under --strict an error. */
static void
input_warning(const char *file, unsigned long line, unsigned long column,
    const char *fmt, va_list ap)
{
	int strict = conf != NULL && conf->strict;

	if (strict)
		conf->promoted++;
	vdiag(strict ? "error" : "warning", file, line, column, fmt, ap);
}

void
tuff_input_warning(const char *file, unsigned long line,
    unsigned long column, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	input_warning(file, line, column, fmt, ap);
	va_end(ap);
}

/*
 * Has the warning of this topic and name been said in this run?
 * Remembers it if not.  The table is open addressing over keyed hashes,
 * filled to three quarters at most: two different warnings share a
 * hash with probability 2^-64 per pair, and then only one of them is
 * said, which is the whole of the harm.
 */
static int
said_before(const char *topic, const char *name, size_t len)
{
	struct tuff_hasher h;
	uint64_t v;
	size_t i;

	if (conf == NULL)
		return 0;
	tuff_hash_init(&h);
	tuff_hash_add(&h, topic, strlen(topic) + 1);
	tuff_hash_add(&h, name, len);
	if ((v = tuff_hash_end(&h)) == 0)
		v = 1;			/* 0 marks a free slot */
	for (i = v % TUFF_DIAG_ONCE; conf->once[i] != 0;
	    i = (i + 1) % TUFF_DIAG_ONCE)
		if (conf->once[i] == v)
			return 1;
	if (conf->nonce < TUFF_DIAG_ONCE / 4 * 3) {
		conf->once[i] = v;
		conf->nonce++;
	}
	return 0;
}

void
tuff_input_warning_once(const char *topic, const char *name, size_t len,
    const char *file, unsigned long line, unsigned long column,
    const char *fmt, ...)
{
	va_list ap;

	if (said_before(topic, name, len))
		return;
	va_start(ap, fmt);
	input_warning(file, line, column, fmt, ap);
	va_end(ap);
}

int
tuff_diag_status(int rc)
{
	return conf != NULL && conf->promoted > 0 ? TUFF_ERR : rc;
}

/* Did the user write the option refused in optopt as --NAME? */
static int
written_long(const char *word, const struct option *longopts)
{
	const struct option *lo;
	size_t len;

	if (strncmp(word, "--", 2) != 0 || word[2] == '\0')
		return 0;
	if (optopt == 0)
		return 1;		/* an unknown long option */
	len = strcspn(word + 2, "=");
	for (lo = longopts; lo != NULL && lo->name != NULL; lo++)
		if (lo->val == optopt && strlen(lo->name) == len &&
		    strncmp(lo->name, word + 2, len) == 0)
			return 1;
	return 0;
}

void
tuff_getopt_warn(int c, char *const argv[], const struct option *longopts)
{
	const char *word = optind > 0 ? argv[optind - 1] : "";
	int missing = c == ':';

	/* Whole sentences, one per case, so each can be translated. */
	if (word != NULL && written_long(word, longopts)) {
		int len = (int)strcspn(word + 2, "=");

		if (missing)
			tuff_warnx("option requires an argument -- %.*s", len,
			    word + 2);
		else
			tuff_warnx("unknown option -- %.*s", len, word + 2);
	} else if (optopt > 0 && optopt <= 0xff) {
		if (missing)
			tuff_warnx("option requires an argument -- %c", optopt);
		else
			tuff_warnx("unknown option -- %c", optopt);
	} else if (missing)
		tuff_warnx("option requires an argument");
	else
		tuff_warnx("unknown option");
}

void
tuff_write_error(const char *tmpdir, int errnum)
{
	if (tmpdir == NULL)
		tuff_warnx("write error: %s", strerror(errnum));
	else
		tuff_warnx("write error: temporary file in %s: %s", tmpdir,
		    strerror(errnum));
}

int
tuff_stdout_status(void)
{
	errno = 0;
	if (fflush(stdout) != 0 || ferror(stdout)) {
		tuff_write_error(NULL, errno != 0 ? errno : EIO);
		return TUFF_ERR;
	}
	return TUFF_OK;
}

int
tuff_seterr_written(struct tuff_error *e)
{
	memset(e, 0, sizeof(*e));
	return -1;
}

void
tuff_report(const char *severity, const struct tuff_error *e)
{
	if (e->msg[0] == '\0')
		return;		/* tuff_seterr_written: reported at close */
	tuff_diag(severity, e->file, e->line, e->column, "%s", e->msg);
}

int
tuff_seterr(struct tuff_error *e, const char *file, unsigned long line,
    unsigned long column, const char *fmt, ...)
{
	va_list ap;

	e->file = file;
	e->line = line;
	e->column = column;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), translated(fmt), ap);
	va_end(ap);
	return -1;
}
