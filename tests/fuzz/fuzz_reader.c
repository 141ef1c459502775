/*
 * libFuzzer target for the record reader and writer.
 *
 * Whatever the bytes, reading ends in 0 or in -1 with an error that
 * names the input and a 1-based position; nothing crashes, leaks or
 * grows without bound.  Every record read is written by the writer and
 * must read back as the same record (same shape, text, tags, and the
 * same string-or-not meaning of every scalar).  The event layer is
 * driven over the same bytes and must keep the limits it promises, and
 * accept whatever the tree reader accepted.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/record.h"

#define NAME	"fuzz"

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

/* Report a broken promise with the text involved, and stop. */
static void
finding(const char *what, const char *text, size_t len)
{
	fprintf(stderr, "fuzz_reader: %s\n", what);
	if (text != NULL)
		fprintf(stderr, "--- writer output:\n%.*s\n---\n", (int)len,
		    text);
	abort();
}

/*
 * An upper bound on the line numbers libyaml can give for the input: it
 * breaks lines at LF, CR, NEL, LS and PS, and at the end of an input
 * whose last line has no line end it counts one more.
 */
static unsigned long
max_lines(const uint8_t *p, size_t n)
{
	unsigned long lines = 2;
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] == '\n' || p[i] == '\r' ||
		    (p[i] == 0xc2 && i + 1 < n && p[i + 1] == 0x85) ||
		    (p[i] == 0xe2 && i + 2 < n && p[i + 1] == 0x80 &&
		    (p[i + 2] == 0xa8 || p[i + 2] == 0xa9)))
			lines++;
	return lines;
}

static void
check_error(const struct tuff_error *e, unsigned long lines, size_t size)
{
	if (e->file == NULL || strcmp(e->file, NAME) != 0)
		finding("error does not name the input", NULL, 0);
	if (e->msg[0] == '\0')
		finding("error without a message", NULL, 0);
	if (e->line == 0 || e->column == 0)
		finding("error without a position", NULL, 0);
	if (e->line > lines || e->column > size + 1) {
		fprintf(stderr, "%lu:%lu: %s\n", e->line, e->column, e->msg);
		finding("error position outside the input", NULL, 0);
	}
}

/*
 * Does every YAML reader take this plain text for something other than
 * a string: empty, a core-schema null or bool, or a decimal number?
 * (tuff_plain_is_special is wider on purpose, to quote when in doubt.)
 */
static int
surely_special(const char *s, size_t len)
{
	static const char *const words[] = {
		"~", "null", "Null", "NULL", "true", "True", "TRUE",
		"false", "False", "FALSE", NULL
	};
	const char *const *w;
	const char *end = s + len;
	int digits = 0;

	if (len == 0)
		return 1;
	for (w = words; *w != NULL; w++)
		if (strlen(*w) == len && memcmp(s, *w, len) == 0)
			return 1;
	if (*s == '-' || *s == '+')
		s++;
	for (; s < end && *s >= '0' && *s <= '9'; s++)
		digits++;
	if (s < end && *s == '.')
		for (s++; s < end && *s >= '0' && *s <= '9'; s++)
			digits++;
	if (digits == 0)
		return 0;
	if (s < end && (*s == 'e' || *s == 'E')) {
		if (++s < end && (*s == '-' || *s == '+'))
			s++;
		if (s == end || *s < '0' || *s > '9')
			return 0;
		while (s < end && *s >= '0' && *s <= '9')
			s++;
	}
	return s == end;
}

/*
 * Does the scalar mean the same after the trip?  Tags must match (the
 * caller checks); without one, a plain scalar that surely is not a
 * string must stay plain, and text quoted because it could read as
 * something else must not turn plain.
 */
static int
same_meaning(const struct tuff_node *a, const struct tuff_node *b)
{
	int ap = a->style == TUFF_PLAIN, bp = b->style == TUFF_PLAIN;

	if (a->tag != NULL || ap == bp)
		return 1;
	if (ap)
		return !surely_special(a->u.s.val, a->u.s.len);
	return !tuff_plain_is_special(a->u.s.val, a->u.s.len);
}

/* Say which nodes differ. */
static int
differ(const struct tuff_node *a, const struct tuff_node *b)
{
	fprintf(stderr, "fuzz_reader: input %lu:%lu (type %d, style %d, "
	    "tag %s) is output %lu:%lu (type %d, style %d, tag %s)\n",
	    a->line, a->column, a->type, a->style, a->tag ? a->tag : "-",
	    b->line, b->column, b->type, b->style, b->tag ? b->tag : "-");
	if (a->type == TUFF_SCALAR && b->type == TUFF_SCALAR)
		fprintf(stderr, "fuzz_reader: \"%.*s\" is \"%.*s\"\n",
		    (int)a->u.s.len, a->u.s.val, (int)b->u.s.len, b->u.s.val);
	return 0;
}

/* An untagged plain null, written "~" where empty would be quoted. */
static int
plain_null(const struct tuff_node *n)
{
	return n->type == TUFF_SCALAR && n->tag == NULL &&
	    n->style == TUFF_PLAIN && (n->u.s.len == 0 ||
	    (n->u.s.len == 1 && n->u.s.val[0] == '~'));
}

/* Are a (read) and b (read back after writing) the same record? */
static int
same(const struct tuff_node *a, const struct tuff_node *b)
{
	size_t i;

	if (a->type != b->type)
		return differ(a, b);
	if ((a->tag == NULL) != (b->tag == NULL) ||
	    (a->tag != NULL && strcmp(a->tag, b->tag) != 0))
		return differ(a, b);
	switch (a->type) {
	case TUFF_SCALAR:
		if (plain_null(a) && plain_null(b))
			return 1;
		if (a->u.s.len != b->u.s.len ||
		    memcmp(a->u.s.val, b->u.s.val, a->u.s.len) != 0 ||
		    !same_meaning(a, b))
			return differ(a, b);
		return 1;
	case TUFF_SEQ:
		if (a->u.seq.n != b->u.seq.n)
			return differ(a, b);
		for (i = 0; i < a->u.seq.n; i++)
			if (!same(a->u.seq.items[i], b->u.seq.items[i]))
				return 0;
		return 1;
	case TUFF_MAP:
		if (a->u.map.n != b->u.map.n)
			return differ(a, b);
		for (i = 0; i < a->u.map.n; i++)
			if (!same(a->u.map.pairs[i].key,
			    b->u.map.pairs[i].key) ||
			    !same(a->u.map.pairs[i].val,
			    b->u.map.pairs[i].val))
				return 0;
		return 1;
	}
	return 0;
}

/* Write doc alone, read it back, and compare. */
static void
round_trip(const struct tuff_doc *doc)
{
	struct tuff_writer *w;
	struct tuff_reader *r;
	struct tuff_doc *back;
	struct tuff_error e;
	FILE *fp;
	char *out = NULL;
	size_t len = 0;
	int rc;

	if ((fp = open_memstream(&out, &len)) == NULL)
		abort();
	if ((w = tuff_writer_new(fp)) == NULL)
		abort();
	rc = tuff_write_doc(w, doc->root);
	if (tuff_writer_close(w) == -1)
		rc = -1;
	tuff_writer_free(w);
	fclose(fp);
	if (rc == -1)
		finding("the writer failed on a record the reader took",
		    out, len);
	/* Block style can outgrow the record limit; that is no bug. */
	if (len > TUFF_MAX_RECORD) {
		free(out);
		return;
	}
	if ((fp = fmemopen(out, len, "r")) == NULL ||
	    (r = tuff_reader_new(fp, NAME)) == NULL)
		abort();
	if (tuff_reader_next(r, &back, &e) != 1) {
		fprintf(stderr, "%lu:%lu: %s\n", e.line, e.column, e.msg);
		finding("the writer's output does not read back", out, len);
	}
	if (!same(doc->root, back->root))
		finding("the writer's output reads back different", out, len);
	tuff_doc_free(back);
	if (tuff_reader_next(r, &back, &e) != 0)
		finding("the writer wrote more than one record", out, len);
	tuff_reader_free(r);
	fclose(fp);
	free(out);
}

/* All records, as a tool reads them.  Returns the last status. */
static int
read_records(const uint8_t *data, size_t size)
{
	struct tuff_reader *r;
	struct tuff_doc *doc;
	struct tuff_error e;
	FILE *fp;
	int rc;

	if ((fp = fmemopen((void *)data, size, "r")) == NULL)
		abort();
	if ((r = tuff_reader_new(fp, NAME)) == NULL)
		abort();
	while ((rc = tuff_reader_next(r, &doc, &e)) == 1) {
		if (doc->root == NULL || doc->root->type != TUFF_MAP)
			finding("a record that is not a mapping", NULL, 0);
		round_trip(doc);
		tuff_doc_free(doc);
	}
	if (rc == -1)
		check_error(&e, max_lines(data, size), size);
	tuff_reader_free(r);
	fclose(fp);
	return rc;
}

/* All events, as hme-score reads them.  Returns the last status. */
static int
read_events(const uint8_t *data, size_t size)
{
	struct tuff_reader *r;
	struct tuff_event ev;
	struct tuff_error e;
	FILE *fp;
	int rc;

	if ((fp = fmemopen((void *)data, size, "r")) == NULL)
		abort();
	if ((r = tuff_reader_new(fp, NAME)) == NULL)
		abort();
	while ((rc = tuff_reader_event(r, &ev, &e)) == 1) {
		if (ev.depth < 0 || ev.depth > TUFF_MAX_DEPTH)
			finding("event depth out of range", NULL, 0);
		if (ev.line == 0 || ev.column == 0)
			finding("event without a position", NULL, 0);
		if (ev.type == TUFF_EV_SCALAR && (ev.val == NULL ||
		    ev.len > TUFF_MAX_SCALAR || ev.val[ev.len] != '\0'))
			finding("scalar event breaks its promise", NULL, 0);
	}
	if (rc == -1)
		check_error(&e, max_lines(data, size), size);
	tuff_reader_free(r);
	fclose(fp);
	return rc;
}

static int
every_kind(const char *kind, void *arg)
{
	(void)kind;
	(void)arg;
	return 1;
}

/*
 * Write every record of the input to a string, as a tool passes on
 * what it does not change: built as trees or, with stream set, checked
 * without a tree where it starts with a kind; the text after the last
 * record too.  Returns the reader's last status; *text is the output
 * (the caller frees it).
 */
static int
write_all(const uint8_t *data, size_t size, int stream, char **text,
    size_t *len)
{
	struct tuff_reader *r;
	struct tuff_writer *w;
	struct tuff_doc *doc;
	struct tuff_error e;
	const char *tail;
	size_t n;
	FILE *fp, *out;
	int rc;

	if ((fp = fmemopen((void *)data, size, "r")) == NULL ||
	    (out = open_memstream(text, len)) == NULL)
		abort();
	if ((r = tuff_reader_new(fp, NAME)) == NULL ||
	    (w = tuff_writer_new(out)) == NULL)
		abort();
	for (;;) {
		rc = stream ? tuff_reader_next_or_pass(r, &doc, every_kind,
		    NULL, &e) : tuff_reader_next(r, &doc, &e);
		if (rc <= 0)
			break;
		if ((rc == 1 && tuff_write_passthrough(w, doc) == -1) ||
		    (rc == 2 && tuff_write_raw(w, tuff_reader_raw(r)) == -1))
			finding("a record read cannot be written", NULL, 0);
	}
	if (rc == -1)
		check_error(&e, max_lines(data, size), size);
	tail = tuff_reader_tail(r, &n);
	if (rc == 0 && tuff_write_text(w, tail, n) == -1)
		finding("the text after the records cannot be written", NULL,
		    0);
	(void)tuff_writer_close(w);
	tuff_writer_free(w);
	tuff_reader_free(r);
	fclose(out);
	fclose(fp);
	return rc;
}

/*
 * A record checked without a tree (as tools pass records on) must come
 * out exactly as the same record built and written as read, and be
 * refused exactly when the built one is.  What comes out is the input
 * with at most a "---" or a line break added here and there, and a
 * second pass over it changes nothing.
 */
static void
stream_as_built(const uint8_t *data, size_t size)
{
	char *built = NULL, *streamed = NULL, *again = NULL;
	size_t blen, slen, alen;
	int brc, src;

	brc = write_all(data, size, 0, &built, &blen);
	src = write_all(data, size, 1, &streamed, &slen);
	if ((brc == -1) != (src == -1))
		finding(brc == -1 ? "streamed, a bad record passes" :
		    "streamed, a good record fails", NULL, 0);
	if (brc == 0 && (blen != slen || memcmp(built, streamed, blen) != 0))
		finding("streamed output differs from built output", streamed,
		    slen);
	if (brc == 0 && size < TUFF_MAX_RECORD) {
		if (write_all((const uint8_t *)built, blen, 0, &again,
		    &alen) != 0)
			finding("the output of a pass does not read", built,
			    blen);
		if (alen != blen || memcmp(again, built, blen) != 0)
			finding("a second pass changes the output", again,
			    alen);
	}
	free(built);
	free(streamed);
	free(again);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int trc, erc;

	trc = read_records(data, size);
	erc = read_events(data, size);
	/* The tree reader only adds checks to the event layer's. */
	if (trc == 0 && erc != 0)
		finding("events fail where records pass", NULL, 0);
	stream_as_built(data, size);
	return 0;
}
