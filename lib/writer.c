/*
 * The record writer: records a tool did not change go out as the text
 * they were read from; records it creates or changes go through
 * libyaml's emitter, set up once for every tool (block style, indent
 * 2, unicode text as itself, no line folding, an explicit "---" before
 * each record).  Both go through one output handler, which knows how
 * the output so far ends, so the pieces join into a valid stream that
 * reads as they did (see record.h).
 *
 * The emitter is never sent a stream end: libyaml 0.2.5 then writes
 * "..." when the last record it emitted ended in a "|+" scalar, which
 * would land after whatever text followed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "tuff/diag.h"
#include "tuff/record.h"
#include "text.h"
#include "writer.h"

struct tuff_writer {
	yaml_emitter_t	 em;
	FILE		*fp;
	int		 started;	/* em set up, STREAM-START emitted */
	int		 failed;	/* sticky */
	int		 err;		/* errno of the first failure */
	unsigned long long written;	/* bytes put to the FILE */
	int		 lent;		/* the FILE was lent: written is off */
	/* How the output so far ends. */
	unsigned char	 last[3];	/* its last bytes */
	size_t		 nlast;
	unsigned	 open_indent;	/* in a block scalar so indented */
	int		 open_keep;	/* that keeps its trailing lines */
	int		 block;		/* the last scalar emitted was one */
	writer_refer_fn	*refer;		/* takes text that has a source */
	void		*refer_ctx;
};

/* The output now ends in p[0..n) (n > 0). */
static void
note_end(struct tuff_writer *w, const char *p, size_t n)
{
	size_t k;

	if (n >= sizeof(w->last)) {
		memcpy(w->last, p + n - sizeof(w->last), sizeof(w->last));
		w->nlast = sizeof(w->last);
		return;
	}
	k = w->nlast + n > sizeof(w->last) ? w->nlast + n - sizeof(w->last) :
	    0;
	memmove(w->last, w->last + k, w->nlast - k);
	memcpy(w->last + w->nlast - k, p, n);
	w->nlast = w->nlast - k + n;
}

/* Write n bytes to the FILE, noting how they end. */
static int
put(struct tuff_writer *w, const char *p, size_t n)
{
	if (w->failed)
		return -1;
	if (n == 0)
		return 0;
	if (fwrite(p, 1, n, w->fp) != n) {
		w->failed = 1;
		w->err = errno != 0 ? errno : EIO;
		return -1;
	}
	w->written += n;
	note_end(w, p, n);
	return 0;
}

static int
emitter_out(void *data, unsigned char *buf, size_t size)
{
	return put(data, (const char *)buf, size) == 0;
}

struct tuff_writer *
tuff_writer_new(FILE *fp)
{
	struct tuff_writer *w;

	if ((w = calloc(1, sizeof(*w))) == NULL)
		return NULL;
	w->fp = fp;
	return w;
}

void
tuff_writer_free(struct tuff_writer *w)
{
	if (w == NULL)
		return;
	if (w->started)
		yaml_emitter_delete(&w->em);
	free(w);
}

int
tuff_writer_file(struct tuff_writer *w, FILE **fp)
{
	*fp = w->fp;
	w->lent = 1;
	return tuff_writer_flush(w);
}

int
tuff_writer_errno(const struct tuff_writer *w)
{
	return w->err;
}

int
tuff_writer_error(const struct tuff_writer *w, struct tuff_error *e)
{
	(void)w;
	return tuff_seterr_written(e);	/* the owner of its FILE reports */
}

/*
 * The writer failed: keep the errno of the call that failed, for the
 * one report at the end (later calls would overwrite it).
 */
static int
failed(struct tuff_writer *w, int err)
{
	if (!w->failed) {
		w->failed = 1;
		w->err = err;
	}
	return -1;
}

/* The emitter failed: a write (put kept its errno), or libyaml. */
static int
emitter_failed(struct tuff_writer *w)
{
	return failed(w, w->em.error == YAML_MEMORY_ERROR ? ENOMEM :
	    w->em.error == YAML_EMITTER_ERROR ? EINVAL : EIO);
}

/* Emit an event the caller initialised; the emitter owns it after. */
static int
emit(struct tuff_writer *w, yaml_event_t *ev)
{
	if (w->failed) {
		yaml_event_delete(ev);
		return -1;
	}
	if (!yaml_emitter_emit(&w->em, ev))
		return emitter_failed(w);
	return 0;
}

/*
 * The emitter is set up for the first record that goes through it.  A
 * run that only passes records on never needs it, and its buffers
 * (some 50 KiB, taken before the reader's) left the heap's top chunk
 * so large that glibc swept its fast bins on most of the parser's
 * frees: 6,300 times in 10,000 records, against 7 for libyaml alone.
 */
static int
start_stream(struct tuff_writer *w)
{
	yaml_event_t ev;

	if (w->started || w->failed)
		return w->failed ? -1 : 0;
	if (!yaml_emitter_initialize(&w->em))
		return failed(w, ENOMEM);
	w->started = 1;
	yaml_emitter_set_output(&w->em, emitter_out, w);
	yaml_emitter_set_unicode(&w->em, 1);
	yaml_emitter_set_indent(&w->em, 2);
	yaml_emitter_set_width(&w->em, -1);
	yaml_emitter_set_break(&w->em, YAML_LN_BREAK);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	return emit(w, &ev);
}

int
tuff_writer_flush(struct tuff_writer *w)
{
	/* libyaml asserts when flushing an emitter that never started. */
	if (w->started && !w->failed && !yaml_emitter_flush(&w->em))
		return emitter_failed(w);
	return w->failed ? -1 : 0;
}

int
tuff_writer_close(struct tuff_writer *w)
{
	if (tuff_writer_flush(w) == -1)
		return -1;
	/* The emitter's flush only fills stdio's buffer: a full disk shows
	 * when that is written. */
	if (fflush(w->fp) == EOF || ferror(w->fp))
		return failed(w, errno != 0 ? errno : EIO);
	return 0;
}

/* The line break text uses (its first), or "\n". */
static const char *
break_of(const char *p, size_t n, size_t *len)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((*len = yaml_break(p + i, n - i)) > 0)
			return p + i;
	*len = 1;
	return "\n";
}

/*
 * Is the output at the start of a line?  A newline, the usual end, is
 * tested here; the other line breaks by yaml_ends_line.
 */
static int
at_line_start(const struct tuff_writer *w)
{
	return w->nlast == 0 || w->last[w->nlast - 1] == '\n' ||
	    yaml_ends_line((const char *)w->last, w->nlast);
}

/* Start a line, if the output is not at the start of one. */
static int
start_line(struct tuff_writer *w, const char *brk, size_t len)
{
	if (at_line_start(w))
		return 0;
	return put(w, brk, len);
}

int
writer_prepare(struct tuff_writer *w, const char *p, size_t n)
{
	const char *brk;
	size_t blen;

	if (tuff_writer_flush(w) == -1)
		return -1;
	if (w->open_indent == 0 && at_line_start(w))
		return 0;		/* the common case */
	brk = break_of(p, n, &blen);
	if (start_line(w, brk, blen) == -1)
		return -1;
	/* A block scalar must not take in what follows it. */
	if (w->open_indent > 0 && !yaml_closes_block(p, n, w->open_indent,
	    w->open_keep) && (put(w, "...", 3) == -1 ||
	    put(w, brk, blen) == -1))
		return -1;
	w->open_indent = 0;
	return 0;
}

int
writer_put(struct tuff_writer *w, const char *p, size_t n)
{
	return put(w, p, n);
}

/*
 * Counted, as asking stdio costs a system call per record; but once the
 * FILE was lent (tuff_writer_file) the count misses what the borrower
 * wrote, and stdio is asked.
 */
off_t
writer_offset(const struct tuff_writer *w)
{
	if (w->lent)
		return ftello(w->fp);
	return (off_t)w->written;
}

void
writer_fail(struct tuff_writer *w, int err)
{
	(void)failed(w, err != 0 ? err : EIO);
}

int
writer_set_file(struct tuff_writer *w, FILE *fp)
{
	if (tuff_writer_flush(w) == -1)
		return -1;
	w->fp = fp;
	return 0;
}

void
writer_get_state(const struct tuff_writer *w, struct writer_state *st)
{
	memcpy(st->last, w->last, sizeof(st->last));
	st->nlast = w->nlast;
	st->open_indent = w->open_indent;
	st->open_keep = w->open_keep;
}

void
writer_set_state(struct tuff_writer *w, const struct writer_state *st)
{
	memcpy(w->last, st->last, sizeof(w->last));
	w->nlast = st->nlast;
	w->open_indent = st->open_indent;
	w->open_keep = st->open_keep;
}

void
writer_set_refer(struct tuff_writer *w, writer_refer_fn *fn, void *ctx)
{
	w->refer = fn;
	w->refer_ctx = ctx;
}

/* p[0..n), a part of raw's text if raw is not NULL. */
static int
write_text(struct tuff_writer *w, const struct tuff_raw *raw, const char *p,
    size_t n)
{
	/*
	 * A byte order mark that would start the output: a reader takes
	 * it away, so a second pass would not write it again.
	 */
	while (w->nlast == 0 && n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0) {
		p += 3;
		n -= 3;
	}
	if (n == 0)
		return w->failed ? -1 : 0;
	if (writer_prepare(w, p, n) == -1)
		return -1;
	if (raw == NULL || raw->src == NULL || w->refer == NULL ||
	    !w->refer(w->refer_ctx, raw->src, raw->at + (p - raw->text), n))
		return put(w, p, n);
	note_end(w, p, n);		/* to be copied from the source */
	return 0;
}

int
tuff_write_text(struct tuff_writer *w, const char *p, size_t n)
{
	return write_text(w, NULL, p, n);
}

int
tuff_write_raw(struct tuff_writer *w, const struct tuff_raw *raw)
{
	const char *body = raw->text + raw->head, *brk;
	size_t len = raw->len - raw->head, blen;

	if (raw->marked) {
		if (write_text(w, raw, raw->text, raw->len) == -1)
			return -1;
	} else {
		brk = break_of(body, len, &blen);
		if (write_text(w, raw, raw->text, raw->head) == -1 ||
		    tuff_write_text(w, "---", 3) == -1 ||
		    put(w, brk, blen) == -1 ||
		    write_text(w, raw, body, len) == -1)
			return -1;
	}
	w->open_indent = raw->open_indent;
	w->open_keep = raw->open_keep;
	return 0;
}

static int
doc_start(struct tuff_writer *w)
{
	yaml_event_t ev;

	if (start_stream(w) == -1 || tuff_writer_flush(w) == -1 ||
	    start_line(w, "\n", 1) == -1)
		return -1;
	w->open_indent = 0;
	w->block = 0;
	if (!yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 0))
		return failed(w, ENOMEM);
	return emit(w, &ev);
}

/*
 * Whether the emitted record ends in a block scalar is known only from
 * the style asked for (the emitter may choose another): assume the
 * worst of it, as text after it is checked against that.
 */
static int
doc_end(struct tuff_writer *w)
{
	yaml_event_t ev;

	yaml_document_end_event_initialize(&ev, 1);
	if (emit(w, &ev) == -1)
		return -1;
	w->open_indent = w->block ? 1 : 0;
	w->open_keep = w->block;
	return 0;
}

/*
 * Emit a scalar whose value v (malloc'd, NUL-terminated) the emitter
 * takes over.  Built by hand rather than with
 * yaml_scalar_event_initialize, which copies the value and the tag and
 * validates UTF-8 with a slower loop.
 */
static int
emit_scalar(struct tuff_writer *w, const char *tag, char *v, size_t len,
    enum tuff_style style)
{
	yaml_event_t ev;
	yaml_char_t *t = NULL;

	if (tag != NULL && (t = (yaml_char_t *)strdup(tag)) == NULL) {
		free(v);
		return failed(w, ENOMEM);
	}
	memset(&ev, 0, sizeof(ev));
	ev.type = YAML_SCALAR_EVENT;
	ev.data.scalar.tag = t;
	ev.data.scalar.value = (yaml_char_t *)v;
	ev.data.scalar.length = len;
	ev.data.scalar.plain_implicit = tag == NULL;
	ev.data.scalar.quoted_implicit = tag == NULL;
	ev.data.scalar.style = (yaml_scalar_style_t)style;
	return emit(w, &ev);
}

/* Emit a copy of val; checked is set when it is known to be UTF-8. */
static int
scalar(struct tuff_writer *w, const char *tag, const char *val, size_t len,
    enum tuff_style style, int checked)
{
	char *v;

	/* libyaml's emitter loops forever on a byte that is not UTF-8,
	 * and a scalar may come from the command line (--rationale). */
	if (!checked && utf8_check(val, len, NULL, NULL) != len)
		return failed(w, EILSEQ);
	if ((v = malloc(len + 1)) == NULL)
		return failed(w, ENOMEM);
	w->block = style == TUFF_LITERAL || style == TUFF_FOLDED;
	memcpy(v, val, len);
	v[len] = '\0';
	return emit_scalar(w, tag, v, len, style);
}

static int
map_start(struct tuff_writer *w, const char *tag, int flow)
{
	yaml_event_t ev;

	if (!yaml_mapping_start_event_initialize(&ev, NULL, (yaml_char_t *)tag,
	    tag == NULL, flow ? YAML_FLOW_MAPPING_STYLE :
	    YAML_BLOCK_MAPPING_STYLE))
		return failed(w, ENOMEM);
	return emit(w, &ev);
}

static int
seq_start(struct tuff_writer *w, const char *tag, int flow)
{
	yaml_event_t ev;

	if (!yaml_sequence_start_event_initialize(&ev, NULL,
	    (yaml_char_t *)tag, tag == NULL, flow ? YAML_FLOW_SEQUENCE_STYLE :
	    YAML_BLOCK_SEQUENCE_STYLE))
		return failed(w, ENOMEM);
	return emit(w, &ev);
}

int
tuff_w_map_end(struct tuff_writer *w)
{
	yaml_event_t ev;

	yaml_mapping_end_event_initialize(&ev);
	return emit(w, &ev);
}

int
tuff_w_seq_end(struct tuff_writer *w)
{
	yaml_event_t ev;

	yaml_sequence_end_event_initialize(&ev);
	return emit(w, &ev);
}

/*
 * Walk a tree.  tight is set inside a flow collection and for keys,
 * where libyaml's emitter would quote an empty plain scalar: a null
 * there is written "~" so it stays a null.
 */
static int
write_node(struct tuff_writer *w, const struct tuff_node *n, int tight)
{
	size_t i;

	switch (n->type) {
	case TUFF_SCALAR:
		if (tight && n->u.s.len == 0 && n->style == TUFF_PLAIN &&
		    n->tag == NULL)
			return scalar(w, NULL, "~", 1, TUFF_PLAIN, 1);
		return scalar(w, n->tag, n->u.s.val, n->u.s.len,
		    (enum tuff_style)n->style, n->utf8ok);
	case TUFF_SEQ:
		seq_start(w, n->tag, n->style);
		for (i = 0; i < n->u.seq.n; i++)
			write_node(w, n->u.seq.items[i], tight || n->style);
		return tuff_w_seq_end(w);
	case TUFF_MAP:
		map_start(w, n->tag, n->style);
		for (i = 0; i < n->u.map.n; i++) {
			write_node(w, n->u.map.pairs[i].key, 1);
			write_node(w, n->u.map.pairs[i].val,
			    tight || n->style);
		}
		return tuff_w_map_end(w);
	}
	return -1;
}

int
tuff_w_node(struct tuff_writer *w, const struct tuff_node *n)
{
	return write_node(w, n, 0);
}

int
tuff_write_doc(struct tuff_writer *w, const struct tuff_node *root)
{
	doc_start(w);
	tuff_w_node(w, root);
	return doc_end(w);
}

int
tuff_write_unchanged(struct tuff_writer *w, const struct tuff_doc *doc)
{
	if (doc->raw.text == NULL)
		return tuff_write_doc(w, doc->root);
	return tuff_write_raw(w, &doc->raw);
}

int
tuff_write_passthrough(struct tuff_writer *w, struct tuff_doc *doc)
{
	int rc = tuff_write_unchanged(w, doc);

	tuff_doc_free(doc);
	return rc;
}

/* A line of nothing but blanks and perhaps a comment. */
static int
comment_line(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n && (p[i] == ' ' || p[i] == '\t'); i++)
		continue;
	return i == n || p[i] == '#' || yaml_break(p + i, n - i) > 0;
}

/*
 * The lines before a record's content that are its comments: those
 * before its "---", and those between it and the content, without the
 * "---" line (the emitter writes its own) or a directive.
 */
int
tuff_write_head(struct tuff_writer *w, const struct tuff_doc *doc)
{
	const struct tuff_raw *raw = &doc->raw;
	size_t i, eol, b = 0;

	if (raw->text == NULL)
		return w->failed ? -1 : 0;
	if (tuff_write_text(w, raw->text, raw->head) == -1)
		return -1;
	for (i = raw->head; i < raw->content; i = eol) {
		for (eol = i; eol < raw->content &&
		    (b = yaml_break(raw->text + eol, raw->len - eol)) == 0;
		    eol++)
			continue;
		if (eol < raw->content)
			eol += b;
		if (comment_line(raw->text + i, eol - i) &&
		    tuff_write_text(w, raw->text + i, eol - i) == -1)
			return -1;
	}
	return w->failed ? -1 : 0;
}

int
tuff_write_changed(struct tuff_writer *w, const struct tuff_doc *doc)
{
	tuff_write_head(w, doc);
	return tuff_write_doc(w, doc->root);
}

int
tuff_w_begin(struct tuff_writer *w)
{
	doc_start(w);
	return map_start(w, NULL, 0);
}

int
tuff_w_end(struct tuff_writer *w)
{
	tuff_w_map_end(w);
	return doc_end(w);
}

int
tuff_w_map_begin(struct tuff_writer *w)
{
	return map_start(w, NULL, 0);
}

int
tuff_w_seq_begin(struct tuff_writer *w, int flow)
{
	return seq_start(w, NULL, flow);
}

int
tuff_w_str(struct tuff_writer *w, const char *s)
{
	size_t len = strlen(s);

	return scalar(w, NULL, s, len,
	    tuff_plain_is_special(s, len) ? TUFF_SINGLE : TUFF_ANY, 0);
}

int
tuff_w_key(struct tuff_writer *w, const char *key)
{
	return tuff_w_str(w, key);
}

int
tuff_w_plain(struct tuff_writer *w, const char *s)
{
	return scalar(w, NULL, s, strlen(s), TUFF_PLAIN, 0);
}

int
tuff_w_int(struct tuff_writer *w, long v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%ld", v);
	return tuff_w_plain(w, buf);
}

int
tuff_w_dec1(struct tuff_writer *w, long tenths)
{
	char buf[24];

	return tuff_w_plain(w, tuff_fmt_dec1(buf, tenths));
}

int
tuff_w_bool(struct tuff_writer *w, int v)
{
	return tuff_w_plain(w, v ? "true" : "false");
}

int
tuff_w_null(struct tuff_writer *w)
{
	return tuff_w_plain(w, "null");
}
