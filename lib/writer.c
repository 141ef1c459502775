/*
 * The record writer: libyaml's emitter, set up once for every tool
 * (block style, indent 2, unicode text as itself, no line folding, an
 * explicit "---" before each record).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "tuff/record.h"
#include "yamlio.h"

struct tuff_writer {
	yaml_emitter_t	 em;
	FILE		*fp;
	int		 started;	/* STREAM-START emitted */
	int		 failed;	/* sticky */
	int		 err;		/* errno of the first failure */
};

struct tuff_writer *
tuff_writer_new(FILE *fp)
{
	struct tuff_writer *w;

	if ((w = calloc(1, sizeof(*w))) == NULL)
		return NULL;
	if (!yaml_emitter_initialize(&w->em)) {
		free(w);
		return NULL;
	}
	w->fp = fp;
	yaml_emitter_set_output_file(&w->em, fp);
	yaml_emitter_set_unicode(&w->em, 1);
	yaml_emitter_set_indent(&w->em, 2);
	yaml_emitter_set_width(&w->em, -1);
	yaml_emitter_set_break(&w->em, YAML_LN_BREAK);
	return w;
}

void
tuff_writer_free(struct tuff_writer *w)
{
	if (w == NULL)
		return;
	yaml_emitter_delete(&w->em);
	free(w);
}

/*
 * The writer failed: keep the errno of the call that failed, for the
 * one report at the end (later calls would overwrite it).
 */
static void
set_failed(struct tuff_writer *w)
{
	if (!w->failed)
		w->err = w->em.error == YAML_MEMORY_ERROR ? ENOMEM :
		    w->em.error == YAML_EMITTER_ERROR ? EINVAL :
		    errno != 0 ? errno : EIO;
	w->failed = 1;
}

int
tuff_writer_errno(const struct tuff_writer *w)
{
	return w->failed ? w->err : 0;
}

/* Emit an event the caller initialised; the emitter owns it after. */
static int
emit(struct tuff_writer *w, yaml_event_t *ev)
{
	if (w->failed) {
		yaml_event_delete(ev);
		return -1;
	}
	if (!yaml_emitter_emit(&w->em, ev)) {
		set_failed(w);
		return -1;
	}
	return 0;
}

static int
start_stream(struct tuff_writer *w)
{
	yaml_event_t ev;

	if (w->started)
		return w->failed ? -1 : 0;
	w->started = 1;
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	return emit(w, &ev);
}

int
tuff_writer_flush(struct tuff_writer *w)
{
	if (w->started && !w->failed && !yaml_emitter_flush(&w->em))
		set_failed(w);
	return w->failed ? -1 : 0;
}

int
tuff_writer_close(struct tuff_writer *w)
{
	yaml_event_t ev;

	if (w->started && !w->failed) {
		yaml_stream_end_event_initialize(&ev);
		emit(w, &ev);
	}
	/* libyaml asserts when flushing an emitter that never started. */
	if (w->started && !w->failed && !yaml_emitter_flush(&w->em))
		set_failed(w);
	/* The emitter's flush only fills stdio's buffer: a full disk shows
	 * when that is written. */
	if (!w->failed && (fflush(w->fp) == EOF || ferror(w->fp)))
		set_failed(w);
	return w->failed ? -1 : 0;
}

static int
doc_start(struct tuff_writer *w)
{
	yaml_event_t ev;

	if (start_stream(w) == -1)
		return -1;
	if (!yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 0)) {
		set_failed(w);
		return -1;
	}
	return emit(w, &ev);
}

static int
doc_end(struct tuff_writer *w)
{
	yaml_event_t ev;

	yaml_document_end_event_initialize(&ev, 1);
	return emit(w, &ev);
}

/*
 * Is s valid UTF-8?  libyaml's emitter loops forever on a bad byte, and
 * a scalar may come from the command line (--rationale).  ASCII, the
 * common case, costs one comparison a byte.
 */
static int
valid_utf8(const unsigned char *s, size_t len)
{
	size_t i = 0, n, k;
	unsigned long c;

	while (i < len) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if ((s[i] & 0xe0) == 0xc0) {
			n = 2;
			c = s[i] & 0x1f;
		} else if ((s[i] & 0xf0) == 0xe0) {
			n = 3;
			c = s[i] & 0x0f;
		} else if ((s[i] & 0xf8) == 0xf0) {
			n = 4;
			c = s[i] & 0x07;
		} else
			return 0;
		if (len - i < n)
			return 0;
		for (k = 1; k < n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
			c = c << 6 | (s[i + k] & 0x3f);
		}
		/* Overlong forms, surrogates and beyond U+10FFFF. */
		if ((n == 2 && c < 0x80) || (n == 3 && c < 0x800) ||
		    (n == 4 && c < 0x10000) || (c >= 0xd800 && c <= 0xdfff) ||
		    c > 0x10ffff)
			return 0;
		i += n;
	}
	return 1;
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
		set_failed(w);
		return -1;
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

	if (!checked && !valid_utf8((const unsigned char *)val, len)) {
		errno = EILSEQ;
		set_failed(w);
		return -1;
	}
	if ((v = malloc(len + 1)) == NULL) {
		set_failed(w);
		return -1;
	}
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
	    YAML_BLOCK_MAPPING_STYLE)) {
		set_failed(w);
		return -1;
	}
	return emit(w, &ev);
}

static int
seq_start(struct tuff_writer *w, const char *tag, int flow)
{
	yaml_event_t ev;

	if (!yaml_sequence_start_event_initialize(&ev, NULL,
	    (yaml_char_t *)tag, tag == NULL, flow ? YAML_FLOW_SEQUENCE_STYLE :
	    YAML_BLOCK_SEQUENCE_STYLE)) {
		set_failed(w);
		return -1;
	}
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
tuff_write_passthrough(struct tuff_writer *w, struct tuff_doc *doc)
{
	int rc;

	rc = tuff_write_doc(w, doc->root);
	tuff_doc_free(doc);
	return rc;
}

int
tuff_write_doc(struct tuff_writer *w, const struct tuff_node *root)
{
	doc_start(w);
	tuff_w_node(w, root);
	return doc_end(w);
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

/* For the reader's streamed records (yamlio.h). */

int
tuff_writer_take(struct tuff_writer *w, yaml_event_t *ev)
{
	return emit(w, ev);
}

int
tuff_writer_doc_start(struct tuff_writer *w)
{
	return doc_start(w);
}

int
tuff_writer_doc_end(struct tuff_writer *w)
{
	return doc_end(w);
}

int
tuff_writer_map_start(struct tuff_writer *w, const char *tag, int flow)
{
	return map_start(w, tag, flow);
}

int
tuff_writer_scalar(struct tuff_writer *w, const char *tag, const char *val,
    size_t len, enum tuff_style style)
{
	return scalar(w, tag, val, len, style, 1);
}
