/*
 * The CSV reader (include/tuff/csv.h has the contract).
 *
 * One pass over the bytes through a small state machine, checking UTF-8
 * as they go by.  Input is read in chunks into a buffer of our own, so
 * the header line can be looked at to choose the delimiter before it is
 * parsed, on pipes as well.  Values are unescaped into one row buffer
 * and the field table is allocated once, both reused from row to row:
 * a million rows cost no allocation after the first few.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/csv.h"
#include "tuff/i18n.h"

#define CHUNK		(64UL * 1024)
#define GET_ERR		(-2)	/* getch: error filled; EOF is -1 */

enum state {
	S_FIELD,	/* at the start of a field */
	S_PLAIN,	/* inside an unquoted field */
	S_QUOTED,	/* inside quotes */
	S_QUOTE,	/* just after a quote inside quotes */
	S_CR		/* after a carriage return outside quotes */
};

struct csv_reader {
	FILE			*fp;
	const char		*name;
	unsigned char		*in;		/* input not yet parsed */
	size_t			 inpos, inlen, incap;
	int			 eof;
	int			 started;	/* BOM and delimiter done */
	int			 failed;	/* err is set; reader done */
	struct tuff_error	 err;
	char			 delim;
	size_t			 ncols;
	unsigned long		 line, col;	/* of the next character */
	unsigned long		 cline, ccol;	/* of the last character */
	int			 need;		/* UTF-8 continuations due */
	unsigned char		 lo, hi;	/* range of the next one */
	unsigned char		 lead;		/* the sequence's first byte */
	char			*buf;		/* the row's values */
	size_t			 len, cap;
	struct csv_field	*fields;	/* CSV_MAX_FIELDS of them */
	size_t			*off;		/* each value's offset in buf */
	size_t			 nf;
};

/*
 * Fill r->err with a message at line:col (0 when not known), fmt looked
 * up in the catalog; the reader is done from now on.  Returns -1.
 */
static int
give_up(struct csv_reader *r, unsigned long line, unsigned long col,
    const char *fmt, ...)
{
	va_list ap;

	r->err.file = r->name;
	r->err.line = line;
	r->err.column = line ? col : 0;
	va_start(ap, fmt);
	vsnprintf(r->err.msg, sizeof(r->err.msg), _(fmt), ap);
	va_end(ap);
	r->failed = 1;
	return -1;
}

struct csv_reader *
csv_reader_new(FILE *fp, const char *name)
{
	struct csv_reader *r;

	if ((r = calloc(1, sizeof(*r))) == NULL)
		return NULL;
	r->fp = fp;
	r->name = name;
	r->delim = ',';
	r->line = 1;
	r->col = 1;
	r->incap = CHUNK;
	r->cap = 4096;
	r->in = malloc(r->incap);
	r->buf = malloc(r->cap);
	r->fields = calloc(CSV_MAX_FIELDS, sizeof(*r->fields));
	r->off = calloc(CSV_MAX_FIELDS, sizeof(*r->off));
	if (r->in == NULL || r->buf == NULL || r->fields == NULL ||
	    r->off == NULL) {
		csv_reader_free(r);
		return NULL;
	}
	return r;
}

void
csv_reader_free(struct csv_reader *r)
{
	if (r == NULL)
		return;
	free(r->in);
	free(r->buf);
	free(r->fields);
	free(r->off);
	free(r);
}

char
csv_delimiter(const struct csv_reader *r)
{
	return r->delim;
}

size_t
csv_columns(const struct csv_reader *r)
{
	return r->ncols;
}

/*
 * Make at least want bytes of input available from r->inpos, growing
 * the buffer when needed, unless the input ends first.  Returns 0 (look
 * at r->inlen - r->inpos for what there is) or -1 on a read error or
 * ENOMEM.
 */
static int
lookahead(struct csv_reader *r, size_t want)
{
	unsigned char *p;
	size_t have, n, cap;

	while ((have = r->inlen - r->inpos) < want && !r->eof) {
		if (r->inpos > 0) {
			memmove(r->in, r->in + r->inpos, have);
			r->inpos = 0;
			r->inlen = have;
		}
		if (r->inlen == r->incap) {
			cap = r->incap * 2;
			if ((p = realloc(r->in, cap)) == NULL)
				return give_up(r, 0, 0, "out of memory");
			r->in = p;
			r->incap = cap;
		}
		n = fread(r->in + r->inlen, 1, r->incap - r->inlen, r->fp);
		if (n == 0) {
			if (ferror(r->fp))
				return give_up(r, 0, 0, "read error: %s",
				    strerror(errno));
			r->eof = 1;
		}
		r->inlen += n;
	}
	return 0;
}

/*
 * The first byte that is not UTF-8, at the character it starts: most
 * likely a Swedish spreadsheet's Windows-1252 (0xE5 is å there), so
 * say how to convert.
 */
static void
not_utf8(struct csv_reader *r, unsigned char c)
{
	give_up(r, r->cline, r->ccol, "byte 0x%02X: the file is not UTF-8 "
	    "(Windows-1252?); convert it with: iconv -f WINDOWS-1252 -t UTF-8",
	    c);
}

/*
 * The next byte of input, or EOF, or GET_ERR with the error set.  Keeps
 * the position (cline:ccol is where the character this byte belongs to
 * starts) and checks UTF-8 on the way: no overlong forms, no surrogates,
 * nothing above U+10FFFF, no NUL.
 */
static int
getch(struct csv_reader *r)
{
	int c;

	if (r->inpos == r->inlen) {
		if (r->eof || lookahead(r, 1) == -1 || r->inpos == r->inlen) {
			if (r->failed)
				return GET_ERR;
			if (r->need > 0) {
				not_utf8(r, r->lead);
				return GET_ERR;
			}
			return EOF;
		}
	}
	c = r->in[r->inpos++];
	if (r->need > 0) {
		if (c < r->lo || c > r->hi) {
			not_utf8(r, r->lead);
			return GET_ERR;
		}
		r->lo = 0x80;
		r->hi = 0xbf;
		r->need--;
		return c;
	}
	r->cline = r->line;
	r->ccol = r->col++;
	if (c < 0x80) {
		if (c == '\n') {
			r->line++;
			r->col = 1;
		} else if (c == '\0') {
			give_up(r, r->cline, r->ccol, "NUL byte in input (is "
			    "the file UTF-16?  Convert it with: iconv -f "
			    "UTF-16 -t UTF-8)");
			return GET_ERR;
		}
		return c;
	}
	r->lead = (unsigned char)c;
	r->lo = 0x80;
	r->hi = 0xbf;
	if (c >= 0xc2 && c <= 0xdf)
		r->need = 1;
	else if (c >= 0xe0 && c <= 0xef) {
		r->need = 2;
		if (c == 0xe0)
			r->lo = 0xa0;	/* overlong */
		else if (c == 0xed)
			r->hi = 0x9f;	/* surrogates */
	} else if (c >= 0xf0 && c <= 0xf4) {
		r->need = 3;
		if (c == 0xf0)
			r->lo = 0x90;	/* overlong */
		else if (c == 0xf4)
			r->hi = 0x8f;	/* above U+10FFFF */
	} else {
		not_utf8(r, (unsigned char)c);
		return GET_ERR;
	}
	return c;
}

/*
 * Once, before the header: skip a BOM and choose the delimiter by
 * counting ',' and ';' outside quotes on the first line that is not
 * empty.  Quotes are simply toggled here; the count only has to be right
 * for headers that are, and the scan stops after one row's worth.
 */
static int
start(struct csv_reader *r)
{
	size_t i, commas = 0, semis = 0;
	int c, quoted = 0, blank = 1;

	r->started = 1;
	if (lookahead(r, 3) == -1)
		return -1;
	if (r->inlen - r->inpos >= 3 &&
	    memcmp(r->in + r->inpos, "\xef\xbb\xbf", 3) == 0)
		r->inpos += 3;
	else if (r->inlen - r->inpos >= 2 &&
	    (memcmp(r->in + r->inpos, "\xff\xfe", 2) == 0 ||
	    memcmp(r->in + r->inpos, "\xfe\xff", 2) == 0))
		return give_up(r, 1, 1, "the file is UTF-16 (it starts with "
		    "the byte order mark %02X %02X); convert it with: iconv "
		    "-f UTF-16 -t UTF-8", r->in[r->inpos],
		    r->in[r->inpos + 1]);
	for (i = 0; i <= CSV_MAX_ROW; i++) {
		if (i == r->inlen - r->inpos) {
			if (lookahead(r, i + 1) == -1)
				return -1;
			if (i == r->inlen - r->inpos)
				break;
		}
		c = r->in[r->inpos + i];
		if (blank && (c == '\r' || c == '\n'))
			continue;
		blank = 0;
		if (c == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (c == '\n')
			break;
		else if (c == ',')
			commas++;
		else if (c == ';')
			semis++;
	}
	r->delim = semis > commas ? ';' : ',';
	return 0;
}

/* Start a new field at the position of the next character. */
static int
begin_field(struct csv_reader *r)
{
	struct csv_field *f;

	if (r->nf == CSV_MAX_FIELDS)
		return give_up(r, r->line, r->col,
		    "more than %d fields in a row", CSV_MAX_FIELDS);
	f = &r->fields[r->nf];
	f->line = r->line;
	f->column = r->col;
	f->quoted = 0;
	r->off[r->nf] = r->len;
	return 0;
}

/* Room for one more byte and a NUL in the row buffer. */
static int
grow(struct csv_reader *r)
{
	char *p;
	size_t cap;

	if (r->len + 2 <= r->cap)
		return 0;
	cap = r->cap * 2;
	if ((p = realloc(r->buf, cap)) == NULL)
		return give_up(r, 0, 0, "out of memory");
	r->buf = p;
	r->cap = cap;
	return 0;
}

/* Append byte c to the current field, within CSV_MAX_FIELD. */
static int
append(struct csv_reader *r, int c)
{
	struct csv_field *f = &r->fields[r->nf];

	if (r->len - r->off[r->nf] >= CSV_MAX_FIELD)
		return give_up(r, f->line, f->column,
		    "field longer than %lu bytes", CSV_MAX_FIELD);
	if (r->len + 2 > r->cap && grow(r) == -1)
		return -1;
	r->buf[r->len++] = (char)c;
	return 0;
}

/* Close the current field: terminate its value. */
static int
end_field(struct csv_reader *r)
{
	if (grow(r) == -1)
		return -1;
	r->fields[r->nf].len = r->len - r->off[r->nf];
	r->buf[r->len++] = '\0';
	r->nf++;
	return 0;
}

/*
 * Skip empty lines before a row.  Returns 1 when a row follows, 0 at
 * the end of input, -1 on error.
 */
static int
skip_empty(struct csv_reader *r)
{
	unsigned long line, col;
	int c;

	for (;;) {
		if (r->inpos == r->inlen && lookahead(r, 1) == -1)
			return -1;
		if (r->inpos == r->inlen)
			return 0;
		c = r->in[r->inpos];
		if (c != '\n' && c != '\r')
			return 1;
		(void)getch(r);
		if (c == '\r') {
			line = r->cline;
			col = r->ccol;
			if ((c = getch(r)) == GET_ERR)
				return -1;
			if (c != '\n')
				return give_up(r, line, col,
				    "carriage return not followed by line "
				    "feed");
		}
	}
}

/*
 * Parse one row into r->buf and r->fields.  Returns 1, 0 at the end of
 * input, or -1 with the error set.
 */
static int
parse_row(struct csv_reader *r)
{
	enum state st = S_FIELD;
	unsigned long crline = 0, crcol = 0;
	size_t raw = 0;
	int c, rc;

	r->len = 0;
	r->nf = 0;
	if ((rc = skip_empty(r)) != 1)
		return rc;
	if (begin_field(r) == -1)
		return -1;
	for (;;) {
		if ((c = getch(r)) == GET_ERR)
			return -1;
		if (c != EOF && ++raw > CSV_MAX_ROW)
			return give_up(r, r->fields[r->nf].line,
			    r->fields[r->nf].column,
			    "row longer than %lu bytes", CSV_MAX_ROW);
		switch (st) {
		case S_QUOTED:
			if (c == '"')
				st = S_QUOTE;
			else if (c == EOF)
				return give_up(r, r->fields[r->nf].line,
				    r->fields[r->nf].column,
				    "quoted field not closed at end of input");
			else if (append(r, c) == -1)
				return -1;
			continue;
		case S_CR:
			if (c != '\n')
				return give_up(r, crline, crcol,
				    "carriage return not followed by line "
				    "feed");
			return end_field(r) == -1 ? -1 : 1;
		case S_QUOTE:
			if (c == '"') {
				if (append(r, c) == -1)
					return -1;
				st = S_QUOTED;
				continue;
			}
			if (c != r->delim && c != '\n' && c != '\r' &&
			    c != EOF)
				return give_up(r, r->cline, r->ccol,
				    "text after the closing quote of a field");
			break;
		case S_FIELD:
			if (c == '"') {
				r->fields[r->nf].quoted = 1;
				st = S_QUOTED;
				continue;
			}
			break;
		case S_PLAIN:
			break;
		}
		/* Outside quotes: a delimiter, a line end, or data. */
		if (c == r->delim) {
			if (end_field(r) == -1 || begin_field(r) == -1)
				return -1;
			st = S_FIELD;
		} else if (c == '\n' || c == EOF) {
			return end_field(r) == -1 ? -1 : 1;
		} else if (c == '\r') {
			crline = r->cline;
			crcol = r->ccol;
			st = S_CR;
		} else {
			if (append(r, c) == -1)
				return -1;
			st = S_PLAIN;
		}
	}
}

int
csv_read_row(struct csv_reader *r, struct csv_row *row,
    struct tuff_error *e)
{
	size_t i;
	int rc;

	if (r->failed) {
		*e = r->err;
		return -1;
	}
	if (!r->started && start(r) == -1) {
		*e = r->err;
		return -1;
	}
	if ((rc = parse_row(r)) == -1) {
		*e = r->err;
		return -1;
	}
	if (rc == 0)
		return 0;
	for (i = 0; i < r->nf; i++)
		r->fields[i].s = r->buf + r->off[i];
	if (r->ncols == 0)
		r->ncols = r->nf;
	row->fields = r->fields;
	row->n = r->nf;
	row->line = r->fields[0].line;
	return 1;
}

void
csv_write_field(FILE *fp, const char *s, size_t len, char delim)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] == delim || s[i] == '"' || s[i] == '\r' ||
		    s[i] == '\n')
			break;
	if (i == len) {
		fwrite(s, 1, len, fp);
		return;
	}
	putc('"', fp);
	for (i = 0; i < len; i++) {
		if (s[i] == '"')
			putc('"', fp);
		putc(s[i], fp);
	}
	putc('"', fp);
}
