/*
 * The record reader: libyaml's event parser, with SPEC §2's limits
 * enforced on every event as it arrives, and the text of each record
 * kept as it was read.  Trees are built in build.c.
 *
 * Memory is bounded before libyaml sees the input: the read handler
 * keeps what it feeds libyaml from the first byte of the record being
 * read, and refuses to feed more once that is READ_WINDOW bytes, so
 * even a gigabyte scalar is never held whole.  The exact limit
 * (TUFF_MAX_RECORD characters) is then checked on the marks of each
 * event.
 *
 * Where one record's text ends and the next one's begins: a record
 * ends at the end of the line its content ends on (a comment on that
 * line is its own), or after its "..." line.  What lies between that
 * and the next document (comment lines, blank lines, empty documents)
 * belongs to the next record, as comments above a "---" describe what
 * follows; after the last record of a file it is the file's tail.
 * libyaml's own document end cannot serve: an implicit one is marked
 * where the next document starts, past the comments.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <yaml.h>

#include "tuff/i18n.h"
#include "tuff/diag.h"
#include "tuff/record.h"
#include "pages.h"
#include "reader.h"

static int
feed(struct tuff_reader *r, unsigned char *buf, size_t n)
{
	size_t skip = 0;

	if (!r->started && n > 0) {
		r->started = 1;
		if ((r->encoding = reader_sniff(buf, n)) != ENC_UTF8)
			return 0;
		/*
		 * A byte order mark (Windows editors write one) is not
		 * content.  With the encoding fixed to UTF-8, libyaml
		 * would keep it as a character in column 1 and misread
		 * the indentation after it.
		 */
		if (n >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
			skip = 3;
			memmove(buf, buf + 3, n - 3);
			r->src.base += 3;
		}
	}
	if (text_append(&r->text, buf, n - skip) == -1) {
		r->nomem = 1;
		return 0;
	}
	return (int)(n - skip) + 1;
}

static int
read_handler(void *data, unsigned char *buf, size_t size, size_t *size_read)
{
	struct tuff_reader *r = data;
	size_t n;
	int got;

	*size_read = 0;
	if (text_end(&r->text) - r->text.start > READ_WINDOW) {
		r->over_window = 1;
		return 0;
	}
	n = fread(buf, 1, size, r->fp);
	if (n == 0 && ferror(r->fp)) {
		r->read_errno = errno;
		return 0;
	}
	if ((got = feed(r, buf, n)) == 0)
		return 0;
	*size_read = (size_t)got - 1;
	return 1;
}

/*
 * Where the text will be found again, when fp is a regular file that
 * nothing has been read from yet (its offset is where the text starts).
 */
static void
source_init(struct tuff_source *src, FILE *fp, const char *name)
{
	int fd = fileno(fp);	/* -1 for a stream of our own (a digest) */

	src->fd = -1;
	src->name = name;
	if (fd == -1 || fstat(fd, &src->st) == -1 ||
	    !S_ISREG(src->st.st_mode) ||
	    (src->base = lseek(fd, 0, SEEK_CUR)) == -1)
		return;
	src->fd = fd;
}

struct tuff_reader *
tuff_reader_new(FILE *fp, const char *name)
{
	struct tuff_reader *r;

	/*
	 * On pages of its own, so the event libyaml fills for every event
	 * stands at the same place in a page in every tool: from the heap,
	 * where each tool's other allocations put it elsewhere, tbls-check
	 * ran 4 % slower than tuff-journey on the same instructions.
	 */
	if ((r = pages_alloc(sizeof(*r))) == NULL)
		return NULL;
	if (!yaml_parser_initialize(&r->parser)) {
		pages_free(r, sizeof(*r));
		return NULL;
	}
	r->fp = fp;
	r->name = name;
	source_init(&r->src, fp, name);
	/* Where a record too large to reach its first event is reported. */
	r->doc_line = 1;
	r->doc_col = 1;
	yaml_parser_set_input(&r->parser, read_handler, r);
	yaml_parser_set_encoding(&r->parser, YAML_UTF8_ENCODING);
	return r;
}

void
tuff_reader_free(struct tuff_reader *r)
{
	if (r == NULL)
		return;
	if (r->have_ev)
		yaml_event_delete(&r->ev);
	reader_build_free(r);
	text_free(&r->text);
	yaml_parser_delete(&r->parser);
	pages_free(r, sizeof(*r));
}

static int
fail(struct tuff_reader *r, struct tuff_error *e, const yaml_mark_t *m,
    const char *msg)
{
	r->failed = 1;
	return tuff_seterr(e, r->name, m->line + 1, m->column + 1, "%s", msg);
}

/* A record's size is measured from its root node's start. */
static void
root_at(struct tuff_reader *r, const yaml_mark_t *m)
{
	r->doc_index = m->index;
	r->doc_line = m->line + 1;
	r->doc_col = m->column + 1;
}

/*
 * Is the record larger than TUFF_MAX_RECORD characters at the end of
 * this event?  Its size is its root node's extent, without the "---"
 * line, so a record one tool accepts and writes back with a "---" is
 * accepted by the next tool in the pipe too.
 */
static int
too_large(struct tuff_reader *r, const yaml_event_t *y, struct tuff_error *e)
{
	if (y->end_mark.index - r->doc_index <= TUFF_MAX_RECORD)
		return 0;
	r->failed = 1;
	return tuff_seterr(e, r->name, r->doc_line, r->doc_col,
	    "record is larger than %lu KiB", TUFF_MAX_RECORD / 1024);
}

static int
anchored(struct tuff_reader *r, const yaml_event_t *y, const yaml_char_t *a,
    struct tuff_error *e)
{
	r->failed = 1;
	return tuff_seterr(e, r->name, y->start_mark.line + 1,
	    y->start_mark.column + 1, "anchors are not allowed in records (&%s)",
	    (const char *)a);
}

static __attribute__((noinline)) void record_text(struct tuff_reader *);

static int
take_scalar(struct tuff_reader *r, const yaml_event_t *y,
    struct tuff_error *e)
{
	int style = y->data.scalar.style;

	if (r->depth == 0) {
		root_at(r, &y->start_mark);
		r->span.empty = y->data.scalar.length == 0 &&
		    y->data.scalar.tag == NULL &&
		    style == YAML_PLAIN_SCALAR_STYLE;
	}
	if (too_large(r, y, e) == -1)
		return -1;
	if (y->data.scalar.length > TUFF_MAX_SCALAR)
		return fail(r, e, &y->start_mark,
		    _("scalar is larger than 64 KiB"));
	if (y->data.scalar.anchor != NULL)
		return anchored(r, y, y->data.scalar.anchor, e);
	span_extend(&r->span, y, style == YAML_LITERAL_SCALAR_STYLE ||
	    style == YAML_FOLDED_SCALAR_STYLE);
	return 0;
}

static int
take_collection(struct tuff_reader *r, const yaml_event_t *y,
    const yaml_char_t *anchor, struct tuff_error *e)
{
	if (r->depth == 0)
		root_at(r, &y->start_mark);
	if (too_large(r, y, e) == -1)
		return -1;
	if (anchor != NULL)
		return anchored(r, y, anchor, e);
	if (r->depth + 1 > TUFF_MAX_DEPTH)
		return fail(r, e, &y->start_mark,
		    _("nesting is deeper than 64 levels"));
	r->depth++;
	if (y->start_mark.index != y->end_mark.index)
		span_extend(&r->span, y, 0);		/* "{" or "[" */
	return 0;
}

/*
 * Check an event against SPEC §2's limits before the caller sees it,
 * and follow the document's extent in the text: where it starts,
 * whether its root is the empty scalar (an empty document), where its
 * content ends.  0, or -1 with e filled.  Out of line:
 * reader_take_event (reader.h) has the common case.
 */
int
reader_take_any(struct tuff_reader *r, const yaml_event_t *y,
    struct tuff_error *e)
{
	struct docspan *s = &r->span;

	switch (y->type) {
	case YAML_SCALAR_EVENT:
		return take_scalar(r, y, e);
	case YAML_MAPPING_START_EVENT:
		return take_collection(r, y, y->data.mapping_start.anchor, e);
	case YAML_SEQUENCE_START_EVENT:
		return take_collection(r, y, y->data.sequence_start.anchor, e);
	case YAML_MAPPING_END_EVENT:
	case YAML_SEQUENCE_END_EVENT:
		if (too_large(r, y, e) == -1)
			return -1;
		r->depth--;
		if (y->start_mark.index != y->end_mark.index)
			span_extend(s, y, 0);	/* "}" or "]" */
		return 0;
	case YAML_DOCUMENT_START_EVENT:
		root_at(r, &y->start_mark);
		s->start = y->start_mark.index;
		s->marked = !y->data.document_start.implicit;
		s->empty = 0;
		s->end = y->end_mark.index;
		s->end_line = y->end_mark.line;
		s->block = 0;
		return 0;
	case YAML_DOCUMENT_END_EVENT:
		if (!y->data.document_end.implicit)
			span_extend(s, y, 0);	/* "..." */
		record_text(r);
		return 0;
	case YAML_ALIAS_EVENT:
		if (too_large(r, y, e) == -1)
			return -1;
		return fail(r, e, &y->start_mark,
		    _("aliases are not allowed in records"));
	default:
		return 0;
	}
}

/*
 * A block scalar (at pos, its indicator) that ends a record, up to end:
 * how far its lines are indented, and whether it keeps its trailing
 * lines.  What is not sure is taken as the worst: an indentation given
 * by a digit, or none seen, is 1.
 */
static void
block_shape(struct text *t, size_t pos, size_t end, struct tuff_raw *raw)
{
	const char *p = text_at(t, pos);
	size_t i, n = end - pos, sp, brk;
	int digit = 0;

	raw->open_keep = 0;
	raw->open_indent = 1;
	for (i = 1; i < n && i < 4; i++) {
		if (p[i] == '+')
			raw->open_keep = 1;
		else if (p[i] >= '1' && p[i] <= '9')
			digit = 1;
		else if (p[i] != '-')
			break;
	}
	if (digit)
		return;
	/* Its first line that is not blank. */
	i = text_eol(t, pos) - pos;
	while (i < n) {
		for (sp = 0; i + sp < n && p[i + sp] == ' '; sp++)
			continue;
		if (i + sp == n)
			return;
		if ((brk = yaml_break(p + i + sp, n - i - sp)) == 0) {
			if (sp > 0)
				raw->open_indent = (unsigned)sp;
			return;
		}
		i += sp + brk;
	}
}

/* Lead bytes (characters) in p[0..n). */
static size_t
chars(const char *p, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		c += ((unsigned char)p[i] & 0xc0) != 0x80;
	return c;
}

/*
 * At a document's end: unless it was empty, its text is the record's,
 * from where the last record's ended; the next record's starts after.
 */
static __attribute__((noinline)) void
record_text(struct tuff_reader *r)
{
	struct docspan *s = &r->span;
	struct text *t = &r->text;
	struct tuff_raw *raw = &r->raw;
	size_t bol, content, block, end, eol;

	if (s->empty)
		return;
	/* In the order of the text: text_byte walks forward. */
	bol = text_bol(t, text_byte(t, s->start));
	content = text_bol(t, text_byte(t, r->doc_index));
	block = s->block ? text_byte(t, s->block_start) : 0;
	end = text_byte(t, s->end);
	eol = text_eol(t, end);
	memset(raw, 0, sizeof(*raw));
	if (s->block)
		block_shape(t, block, end, raw);
	raw->text = text_at(t, t->start);
	raw->len = eol - t->start;
	raw->head = bol - t->start;
	raw->content = content - t->start;
	raw->marked = (unsigned char)s->marked;
	if (r->src.fd != -1) {
		raw->src = &r->src;
		raw->at = r->src.base + (off_t)t->start;
	}
	r->cut = eol;
	r->cut_char = s->end + chars(text_at(t, end), eol - end);
	r->cut_line = s->end_line +
	    (yaml_ends_line(text_at(t, end), eol - end) ? 1 : 0);
	r->have_raw = 1;
}

const struct tuff_raw *
tuff_reader_raw(struct tuff_reader *r)
{
	return r->have_raw ? &r->raw : NULL;
}

const char *
tuff_reader_tail(struct tuff_reader *r, size_t *len)
{
	*len = r->ended ? text_end(&r->text) - r->text.start : 0;
	return *len > 0 ? text_at(&r->text, r->text.start) : NULL;
}

/* Forget the text of the record the caller has had. */
static void
forget_record(struct tuff_reader *r)
{
	text_cut(&r->text, r->cut, r->cut_char, r->cut_line);
	r->have_raw = 0;
}

static void
to_event(const struct tuff_reader *r, const yaml_event_t *y,
    struct tuff_event *ev)
{
	ev->line = y->start_mark.line + 1;
	ev->column = y->start_mark.column + 1;
	ev->val = NULL;
	ev->len = 0;
	ev->style = TUFF_ANY;
	ev->tag = NULL;
	ev->depth = r->depth;
	switch (y->type) {
	case YAML_DOCUMENT_START_EVENT:
		ev->type = TUFF_EV_DOC_START;
		break;
	case YAML_DOCUMENT_END_EVENT:
		ev->type = TUFF_EV_DOC_END;
		break;
	case YAML_MAPPING_START_EVENT:
		ev->type = TUFF_EV_MAP_START;
		ev->tag = (const char *)y->data.mapping_start.tag;
		ev->style = y->data.mapping_start.style ==
		    YAML_FLOW_MAPPING_STYLE;
		break;
	case YAML_MAPPING_END_EVENT:
		ev->type = TUFF_EV_MAP_END;
		break;
	case YAML_SEQUENCE_START_EVENT:
		ev->type = TUFF_EV_SEQ_START;
		ev->tag = (const char *)y->data.sequence_start.tag;
		ev->style = y->data.sequence_start.style ==
		    YAML_FLOW_SEQUENCE_STYLE;
		break;
	case YAML_SEQUENCE_END_EVENT:
		ev->type = TUFF_EV_SEQ_END;
		break;
	case YAML_SCALAR_EVENT:
		ev->type = TUFF_EV_SCALAR;
		ev->val = (const char *)y->data.scalar.value;
		ev->len = y->data.scalar.length;
		ev->style = (enum tuff_style)y->data.scalar.style;
		/* A tag the parser resolved from "!" or "!!" stays explicit;
		 * plain and quoted scalars without one carry none. */
		ev->tag = (const char *)y->data.scalar.tag;
		break;
	default:
		ev->type = TUFF_EV_END;
		break;
	}
}

int
reader_next(struct tuff_reader *r, struct tuff_error *e)
{
	yaml_event_t *y = &r->ev;

	if (r->failed)
		return tuff_seterr(e, r->name, 0, 0, "reader already failed");
	if (r->ended)
		return 0;
	if (r->have_raw)
		forget_record(r);
	for (;;) {
		if (r->have_ev) {
			yaml_event_delete(y);
			r->have_ev = 0;
		}
		if (!yaml_parser_parse(&r->parser, y))
			return reader_parse_error(r, e);
		r->have_ev = 1;
		if (reader_take_event(r, y, e) == -1)
			return -1;
		if (y->type == YAML_STREAM_START_EVENT)
			continue;
		if (y->type == YAML_STREAM_END_EVENT) {
			r->ended = 1;
			return 0;
		}
		return 1;
	}
}

int
reader_next_in(struct tuff_reader *r, struct tuff_error *e)
{
	return reader_next_within(r, e);
}

void
reader_event(const struct tuff_reader *r, struct tuff_event *ev)
{
	to_event(r, &r->ev, ev);
}

int
tuff_reader_event(struct tuff_reader *r, struct tuff_event *ev,
    struct tuff_error *e)
{
	int rc = reader_next(r, e);

	if (rc == 1)
		reader_event(r, ev);
	else
		memset(ev, 0, sizeof(*ev));
	return rc;
}
