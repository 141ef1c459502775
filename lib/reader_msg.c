/*
 * What the reader says when libyaml cannot read a text: libyaml's
 * message at its position, with a hint where the cause is a common one
 * (issue 8: a file in another encoding, a tab in the indentation, a
 * colon in a plain value), and what a run past the reader's window was.
 */
#include <stdio.h>
#include <string.h>

#include "tuff/i18n.h"
#include "tuff/diag.h"
#include "reader.h"

#define HINT_MAX	160	/* bytes of a line quoted in a hint */

/* Advance a 0-based line and column over n bytes of UTF-8. */
static void
advance(const unsigned char *p, size_t n, unsigned long *line,
    unsigned long *col)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (p[i] == '\n' ||
		    (p[i] == '\r' && !(i + 1 < n && p[i + 1] == '\n'))) {
			(*line)++;
			*col = 0;
		} else if ((p[i] & 0xc0) != 0x80 && p[i] != '\r')
			(*col)++;
	}
}

enum foreign
reader_sniff(const unsigned char *p, size_t n)
{
	if (n >= 4 && p[0] == 0xff && p[1] == 0xfe && p[2] == 0 && p[3] == 0)
		return ENC_UTF32LE_BOM;
	if (n >= 4 && p[0] == 0 && p[1] == 0 && p[2] == 0xfe && p[3] == 0xff)
		return ENC_UTF32BE_BOM;
	if (n >= 2 && p[0] == 0xff && p[1] == 0xfe)
		return ENC_UTF16LE_BOM;
	if (n >= 2 && p[0] == 0xfe && p[1] == 0xff)
		return ENC_UTF16BE_BOM;
	/* No NUL is text in UTF-8: NULs every other byte are UTF-16's
	 * (or UTF-32's) high bytes of ASCII. */
	if (n >= 4 && p[0] != 0 && p[1] == 0 && p[2] == 0 && p[3] == 0)
		return ENC_UTF32LE;
	if (n >= 4 && p[0] == 0 && p[1] == 0 && p[2] == 0 && p[3] != 0)
		return ENC_UTF32BE;
	if (n >= 2 && p[0] != 0 && p[1] == 0)
		return ENC_UTF16LE;
	if (n >= 2 && p[0] == 0 && p[1] != 0)
		return ENC_UTF16BE;
	return ENC_UTF8;
}

static int
encoding_error(struct tuff_reader *r, struct tuff_error *e)
{
	static const struct {
		const char	*name, *iconv;
	} enc[] = {
		[ENC_UTF16LE_BOM] = { "UTF-16", "UTF-16" },
		[ENC_UTF16BE_BOM] = { "UTF-16", "UTF-16" },
		[ENC_UTF32LE_BOM] = { "UTF-32", "UTF-32" },
		[ENC_UTF32BE_BOM] = { "UTF-32", "UTF-32" },
		[ENC_UTF16LE] = { N_("UTF-16 (little-endian)"), "UTF-16LE" },
		[ENC_UTF16BE] = { N_("UTF-16 (big-endian)"), "UTF-16BE" },
		[ENC_UTF32LE] = { N_("UTF-32 (little-endian)"), "UTF-32LE" },
		[ENC_UTF32BE] = { N_("UTF-32 (big-endian)"), "UTF-32BE" },
	};

	/* TRANSLATORS: the first %s names an encoding, the second is
	   its name for iconv(1). */
	return tuff_seterr(e, r->name, 1, 1, "the file is %s, not UTF-8; "
	    "convert it with: iconv -f %s -t UTF-8", _(enc[r->encoding].name),
	    enc[r->encoding].iconv);
}

/*
 * Is text[pos..end) comments and blank lines only (the rest of pos's
 * line included)?  *line is pos's line on entry, and the first line
 * after the text before pos on return.
 */
static int
only_comments(const struct text *t, size_t pos, size_t end,
    unsigned long *line)
{
	const char *p = text_at(t, pos);
	size_t i = 0, n = end - pos, b;
	int first = 1;

	if (text_eol(t, pos) == pos)
		first = 0;
	while (i < n) {
		while (i < n && (p[i] == ' ' || p[i] == '\t'))
			i++;
		if (i < n && p[i] == '#')
			while (i < n && yaml_break(p + i, n - i) == 0)
				i++;
		if (i == n)
			break;
		if ((b = yaml_break(p + i, n - i)) == 0)
			return 0;
		i += b;
		if (first)
			++*line;
		first = 0;
	}
	return 1;
}

/*
 * The reader stopped feeding libyaml: the record with the text before
 * it is more than READ_WINDOW bytes.  Say whether that text is a run
 * of comments (where it starts) or a record (where that starts).
 */
static int
window_error(struct tuff_reader *r, struct tuff_error *e)
{
	struct text *t = &r->text;
	unsigned long line = t->start_line;
	size_t pos = t->start;

	/* After the record's content so far, if it has any. */
	if (r->span.end > t->start_char) {
		pos = text_byte(t, r->span.end);
		line = r->span.end_line;
	}
	if (only_comments(t, pos, text_end(t), &line))
		return tuff_seterr(e, r->name, line + 1, 1, "more than %lu MiB "
		    "of comments or blank lines in a row (the most a record's "
		    "text may carry)", (unsigned long)READ_WINDOW >> 20);
	return tuff_seterr(e, r->name, r->doc_line, r->doc_col,
	    "record is larger than %lu KiB", TUFF_MAX_RECORD / 1024);
}

/*
 * Where is the byte libyaml's reader choked on?  libyaml reports a byte
 * offset only, but what it decoded before the bad byte still sits in its
 * buffer after the scanner's mark: advance the mark over it.
 */
static void
reader_error_pos(const yaml_parser_t *p, unsigned long *line,
    unsigned long *col)
{
	*line = p->mark.line;
	*col = p->mark.column;
	if (p->buffer.pointer != NULL && p->buffer.last >= p->buffer.pointer)
		advance(p->buffer.pointer,
		    (size_t)(p->buffer.last - p->buffer.pointer), line, col);
	(*line)++;
	(*col)++;
}

/*
 * Bytes that are not UTF-8: the first one in the text held (all before
 * it was read well), at its line and column, and how to convert a file
 * from Windows-1252, what Swedish Windows and Excel write.  -1 with e
 * filled; 0 when the held text has no such byte (libyaml read past
 * it), so that the caller reports libyaml's problem instead.
 */
static int
utf8_error(struct tuff_reader *r, struct tuff_error *e)
{
	struct text *t = &r->text;
	const char *p = text_at(t, t->start);
	size_t n = text_end(t) - t->start, bad;
	unsigned long line = t->start_line, col = 0, cp;
	int why = 0;

	bad = utf8_check(p, n, &why, &cp);
	if (bad == n)
		return 0;
	advance((const unsigned char *)p, bad, &line, &col);
	if (why == UTF8_CHAR)
		return tuff_seterr(e, r->name, line + 1, col + 1,
		    "invalid Unicode character (U+%04lX)", cp);
	return tuff_seterr(e, r->name, line + 1, col + 1, "byte 0x%02x is "
	    "not UTF-8: the file is not UTF-8 (Windows-1252?); convert it "
	    "with: iconv -f WINDOWS-1252 -t UTF-8", (unsigned char)p[bad]);
}

static int
reader_error(struct tuff_reader *r, struct tuff_error *e)
{
	yaml_parser_t *p = &r->parser;
	unsigned long line, col;
	const char *problem = p->problem != NULL ? p->problem :
	    _("parse error");
	int octets = strstr(problem, "UTF-8") != NULL;

	if (r->read_errno != 0)
		return tuff_seterr(e, r->name, 0, 0, "read error: %s",
		    strerror(r->read_errno));
	if ((octets || strstr(problem, "Unicode") != NULL) &&
	    utf8_error(r, e) == -1)
		return -1;
	reader_error_pos(p, &line, &col);
	/* The bytes lie before the text held (on the line of a "..." that
	 * ended the record before): libyaml's word, and the way out. */
	if (octets)
		return tuff_seterr(e, r->name, line, col, "%s: the file is not "
		    "UTF-8 (Windows-1252?); convert it with: iconv -f "
		    "WINDOWS-1252 -t UTF-8", problem);
	if (p->problem_value == -1)
		return tuff_seterr(e, r->name, line, col, "%s", problem);
	return tuff_seterr(e, r->name, line, col, "%s (U+%04X)", problem,
	    (unsigned)p->problem_value);
}

/*
 * The line of pos, without its break: *bol its start, the length
 * returned.
 */
static size_t
line_of(const struct text *t, size_t pos, size_t *bol)
{
	const char *p;
	size_t n, end = text_end(t), i;

	*bol = text_bol(t, pos);
	p = text_at(t, *bol);
	n = end - *bol;
	for (i = 0; i < n && yaml_break(p + i, n - i) == 0; i++)
		continue;
	return i;
}

/* A tab where libyaml stopped, in the indentation. */
static int
tab_hint(const struct text *t, size_t pos, char *buf, size_t size)
{
	size_t bol, n = line_of(t, pos, &bol), i;
	const char *p = text_at(t, bol);

	for (i = 0; i < n && i <= pos - bol; i++)
		if (p[i] == '\t')
			break;
		else if (p[i] != ' ' && p[i] != '-' && p[i] != '?' &&
		    p[i] != ':')
			return 0;
	if (i == n || i > pos - bol)
		return 0;
	snprintf(buf, size, "%s",
	    _("tabs are not allowed for indentation; use spaces"));
	return 1;
}

/*
 * "key: text: more" where libyaml stopped at the second colon: the
 * value wants quotes.  Suggest the line with them.
 */
static int
quote_hint(const struct text *t, size_t pos, char *buf, size_t size)
{
	size_t bol, n = line_of(t, pos, &bol), i, k, v, end, o;
	const char *p = text_at(t, bol);
	char val[2 * HINT_MAX + 1];

	for (k = 0; k < n && (p[k] == ' ' || p[k] == '-'); k++)
		continue;
	for (i = k; i + 1 < n && i < pos - bol; i++)
		if (p[i] == ':' && (p[i + 1] == ' ' || p[i + 1] == '\t'))
			break;
	if (i + 1 >= n || i >= pos - bol)
		return 0;
	for (v = i + 1; v < n && (p[v] == ' ' || p[v] == '\t'); v++)
		continue;
	/* The value ends at a comment, or the end of the line. */
	for (end = v; end < n && !(p[end] == '#' && (p[end - 1] == ' ' ||
	    p[end - 1] == '\t')); end++)
		continue;
	while (end > v && (p[end - 1] == ' ' || p[end - 1] == '\t'))
		end--;
	if (v == end || p[v] == '"' || p[v] == '\'' || i - k > HINT_MAX ||
	    end - v > HINT_MAX)
		return 0;
	for (o = 0; v < end; v++) {
		if (p[v] == '"' || p[v] == '\\')
			val[o++] = '\\';
		val[o++] = p[v];
	}
	val[o] = '\0';
	/* TRANSLATORS: %.*s: "%s" is the line's key and its value in
	   quotes, a line of YAML to copy as it is. */
	snprintf(buf, size, _("put the value in quotes: %.*s: \"%s\""),
	    (int)(i - k), p + k, val);
	return 1;
}

/* A hint for libyaml's problem at mark, into buf ("" if none). */
static void
syntax_hint(struct tuff_reader *r, const char *problem,
    const yaml_mark_t *m, char *buf, size_t size)
{
	struct text *t = &r->text;
	size_t pos;

	buf[0] = '\0';
	if (m->index < t->start_char)
		return;
	pos = text_byte(t, m->index);
	if (pos >= text_end(t))
		return;
	if (strstr(problem, "tab") != NULL || *text_at(t, pos) == '\t') {
		if (tab_hint(t, pos, buf, size))
			return;
	}
	if (strcmp(problem, "mapping values are not allowed in this context")
	    == 0)
		(void)quote_hint(t, pos, buf, size);
}

int
reader_parse_error(struct tuff_reader *r, struct tuff_error *e)
{
	yaml_parser_t *p = &r->parser;
	const char *problem = p->problem != NULL ? p->problem :
	    _("parse error");
	unsigned long line = p->problem_mark.line + 1;
	unsigned long col = p->problem_mark.column + 1;
	char hint[2 * HINT_MAX + 64];

	r->failed = 1;
	if (r->encoding != ENC_UTF8)
		return encoding_error(r, e);
	if (r->nomem || p->error == YAML_MEMORY_ERROR)
		return tuff_seterr(e, r->name, 0, 0, "out of memory");
	if (r->over_window)
		return window_error(r, e);
	if (p->error == YAML_READER_ERROR)
		return reader_error(r, e);
	syntax_hint(r, problem, &p->problem_mark, hint, sizeof(hint));
	/*
	 * libyaml's problem and context stay as libyaml words them; the
	 * hint is a sentence of our own, translated whole.
	 */
	if (p->context != NULL && hint[0] != '\0')
		/* TRANSLATORS: libyaml's problem (English), its context,
		   where that context began, and our hint. */
		return tuff_seterr(e, r->name, line, col, "%s %s at line %lu, "
		    "column %lu; %s", problem, p->context,
		    (unsigned long)p->context_mark.line + 1,
		    (unsigned long)p->context_mark.column + 1, hint);
	if (p->context != NULL)
		/* TRANSLATORS: libyaml's problem (English), its context,
		   and where that context began. */
		return tuff_seterr(e, r->name, line, col, "%s %s at line %lu, "
		    "column %lu", problem, p->context,
		    (unsigned long)p->context_mark.line + 1,
		    (unsigned long)p->context_mark.column + 1);
	if (hint[0] != '\0')
		/* TRANSLATORS: libyaml's problem (English) and our hint. */
		return tuff_seterr(e, r->name, line, col, "%s; %s", problem,
		    hint);
	return tuff_seterr(e, r->name, line, col, "%s", problem);
}
