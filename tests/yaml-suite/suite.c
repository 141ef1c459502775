/*
 * suite SUITE-DIR: the record reader and writer over the public YAML
 * test suite, every case in this one process.
 *
 * For every case (a directory with in.yaml; one with a file "error"
 * is invalid YAML) the reader reads in.yaml three ways, as the tools
 * do: built as trees and written as read (a record a tool does not
 * change), checked without a tree and written as read (a record of a
 * kind it does not read), and built and written through the emitter (a
 * record it changes).  Then:
 *
 *  - nothing crashes or hangs (10 s a case: the run stops and names
 *    the case);
 *  - an invalid case libyaml rejects is rejected, every way, with an
 *    error that has a position;
 *  - a valid case libyaml accepts that is a stream of mappings without
 *    anchors, aliases, complex or duplicate keys is accepted every way,
 *    and what is written reads back as the same events (structure,
 *    tags and values);
 *  - written as read it is the input byte for byte, but for a "---"
 *    line before a document that had none (and the byte order mark),
 *    both ways of reading give the same bytes, and a second pass over
 *    them changes nothing;
 *  - scalar styles through the emitter are counted, not required
 *    (libyaml's emitter cannot write some, such as a literal block
 *    with trailing spaces).
 *
 * Exit 0 when every check holds, 1 when one does not, 77 (skipped)
 * when the suite is absent.
 */
#include <dirent.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <yaml.h>

#include "tuff/record.h"

#define MAXDEPTH	128
#define MAXKEYS		4096
#define CASE_SECONDS	10

/* Events of a text in a canonical form, leaving out presentation. */
struct events {
	char	*text;
	size_t	 len;
	int	 ok;		/* libyaml accepts the text */
	int	 records;	/* and it is a stream the reader must take */
};

/* One way of reading and writing a text. */
enum how { RAW, SKIP, EMIT };
static const char *const how_name[] = { "as read", "unbuilt", "emitted" };

struct pass {
	char			*out;
	size_t			 len;
	int			 rc;	/* 0, or -1 with e */
	struct tuff_error	 e;
};

struct counts {
	int	total, inv, inv_lib, inv_ok, val, val_rec, val_ok, val_exact,
		val_style, failed;
};

static const char *volatile current;	/* for the alarm */

static void
on_alarm(int sig)
{
	static const char msg[] = "yaml-test-suite: a case hangs: ";

	(void)sig;
	(void)!write(2, msg, sizeof(msg) - 1);
	(void)!write(2, current, strlen(current));
	(void)!write(2, "\n", 1);
	_exit(1);
}

/* A stream over len bytes; fmemopen refuses a zero size on some libcs. */
static FILE *
mem_file(const char *data, size_t len)
{
	return len == 0 ? fopen("/dev/null", "r") :
	    fmemopen((void *)(uintptr_t)data, len, "r");
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n;

	*len = 0;
	if (fp == NULL)
		return NULL;
	for (;;) {
		if (*len == cap && (buf = realloc(buf, cap = cap * 2 + 4096)) ==
		    NULL)
			abort();
		if ((n = fread(buf + *len, 1, cap - *len, fp)) == 0)
			break;
		*len += n;
	}
	fclose(fp);
	return buf;
}

static void
put_escaped(FILE *fp, const unsigned char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		switch (s[i]) {
		case '\\': fputs("\\\\", fp); break;
		case '\n': fputs("\\n", fp); break;
		case '\t': fputs("\\t", fp); break;
		case '\r': fputs("\\r", fp); break;
		case '\b': fputs("\\b", fp); break;
		case '\0': fputs("\\0", fp); break;
		default: fputc(s[i], fp);
		}
}

struct level {
	int	 is_map, expect_key, nkeys;
	char	*keys[MAXKEYS];
	size_t	 lens[MAXKEYS];
};

static void
free_level(struct level *l)
{
	while (l->nkeys > 0)
		free(l->keys[--l->nkeys]);
}

/* Is this key new in its mapping?  Remember it.  0 when it repeats. */
static int
new_key(struct level *l, const yaml_event_t *ev)
{
	int i;

	if (ev->type != YAML_SCALAR_EVENT || l->nkeys == MAXKEYS)
		return 0;
	for (i = 0; i < l->nkeys; i++)
		if (l->lens[i] == ev->data.scalar.length && memcmp(l->keys[i],
		    ev->data.scalar.value, l->lens[i]) == 0)
			return 0;
	if ((l->keys[l->nkeys] = malloc(ev->data.scalar.length + 1)) == NULL)
		abort();
	memcpy(l->keys[l->nkeys], ev->data.scalar.value,
	    ev->data.scalar.length);
	l->lens[l->nkeys++] = ev->data.scalar.length;
	return 1;
}

/* One event in canonical form; with styles, a scalar's style too. */
static void
put_event(FILE *out, const yaml_event_t *ev, int styles)
{
	const unsigned char *tag = NULL;

	switch (ev->type) {
	case YAML_STREAM_START_EVENT: fputs("+STR\n", out); return;
	case YAML_STREAM_END_EVENT: fputs("-STR\n", out); return;
	case YAML_DOCUMENT_START_EVENT: fputs("+DOC\n", out); return;
	case YAML_DOCUMENT_END_EVENT: fputs("-DOC\n", out); return;
	case YAML_SEQUENCE_END_EVENT: fputs("-SEQ\n", out); return;
	case YAML_MAPPING_END_EVENT: fputs("-MAP\n", out); return;
	case YAML_ALIAS_EVENT:
		fprintf(out, "=ALI *%s\n", ev->data.alias.anchor);
		return;
	case YAML_SEQUENCE_START_EVENT:
		fputs("+SEQ", out);
		tag = ev->data.sequence_start.tag;
		break;
	case YAML_MAPPING_START_EVENT:
		fputs("+MAP", out);
		tag = ev->data.mapping_start.tag;
		break;
	case YAML_SCALAR_EVENT:
		fputs("=VAL", out);
		if (ev->data.scalar.tag != NULL)
			fprintf(out, " <%s>", ev->data.scalar.tag);
		fputc(' ', out);
		fputc(styles ? ":'\"|>"[ev->data.scalar.style > 0 ?
		    ev->data.scalar.style - 1 : 0] : ':', out);
		/* A plain "~" and an empty plain scalar are the same null;
		 * the emitter writes "~" where empty would be quoted (in
		 * flow and as a key). */
		if (styles || ev->data.scalar.tag != NULL ||
		    ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE ||
		    ev->data.scalar.length != 1 ||
		    ev->data.scalar.value[0] != '~')
			put_escaped(out, ev->data.scalar.value,
			    ev->data.scalar.length);
		fputc('\n', out);
		return;
	default:
		return;
	}
	if (tag != NULL)
		fprintf(out, " <%s>", tag);
	fputc('\n', out);
}

/* Does the event make the stream one the reader may refuse? */
static int
not_record(const yaml_event_t *ev, int depth)
{
	switch (ev->type) {
	case YAML_ALIAS_EVENT:
		return 1;
	case YAML_SCALAR_EVENT:
		return ev->data.scalar.anchor != NULL || depth == 0;
	case YAML_SEQUENCE_START_EVENT:
		return ev->data.sequence_start.anchor != NULL || depth == 0;
	case YAML_MAPPING_START_EVENT:
		return ev->data.mapping_start.anchor != NULL;
	default:
		return 0;
	}
}

/* The events libyaml reads from a text, and what kind of text it is. */
static void
read_events(const char *buf, size_t len, int styles, struct events *out)
{
	struct level *stack = calloc(MAXDEPTH, sizeof(*stack));
	yaml_parser_t p;
	yaml_event_t ev;
	FILE *fp;
	int depth = 0, done = 0;

	if (stack == NULL || (fp = open_memstream(&out->text, &out->len)) ==
	    NULL)
		abort();
	out->ok = 1;
	out->records = 1;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			out->ok = 0;
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		put_event(fp, &ev, styles);
		if (not_record(&ev, depth))
			out->records = 0;
		if (depth > 0 && depth <= MAXDEPTH &&
		    stack[depth - 1].is_map && ev.type != YAML_MAPPING_END_EVENT &&
		    ev.type != YAML_SEQUENCE_END_EVENT) {
			if (stack[depth - 1].expect_key &&
			    !new_key(&stack[depth - 1], &ev))
				out->records = 0;
			stack[depth - 1].expect_key =
			    !stack[depth - 1].expect_key;
		}
		if (ev.type == YAML_SEQUENCE_START_EVENT ||
		    ev.type == YAML_MAPPING_START_EVENT) {
			if (depth < MAXDEPTH) {
				stack[depth].is_map =
				    ev.type == YAML_MAPPING_START_EVENT;
				stack[depth].expect_key = 1;
			} else
				out->records = 0;
			depth++;
		} else if (ev.type == YAML_SEQUENCE_END_EVENT ||
		    ev.type == YAML_MAPPING_END_EVENT) {
			if (--depth < MAXDEPTH)
				free_level(&stack[depth]);
		}
		yaml_event_delete(&ev);
	}
	while (depth > 0)
		if (--depth < MAXDEPTH)
			free_level(&stack[depth]);
	free(stack);
	yaml_parser_delete(&p);
	fclose(fp);
}

static int
skip_all(const char *kind, void *arg)
{
	(void)kind;
	(void)arg;
	return 1;
}

/* Read a text the way how says, and write what a tool would. */
static void
run_pass(const char *buf, size_t len, enum how how, struct pass *ps)
{
	struct tuff_reader *r;
	struct tuff_writer *w;
	struct tuff_doc *doc;
	FILE *in, *out;
	const char *tail;
	size_t n;
	int rc;

	memset(ps, 0, sizeof(*ps));
	if ((in = mem_file(buf, len)) == NULL ||
	    (out = open_memstream(&ps->out, &ps->len)) == NULL ||
	    (r = tuff_reader_new(in, "in.yaml")) == NULL ||
	    (w = tuff_writer_new(out)) == NULL)
		abort();
	while ((rc = how == SKIP ? tuff_reader_next_or_pass(r, &doc, skip_all,
	    NULL, &ps->e) : tuff_reader_next(r, &doc, &ps->e)) > 0) {
		if (rc == 2)
			rc = tuff_write_raw(w, tuff_reader_raw(r));
		else {
			rc = how == EMIT ? tuff_write_changed(w, doc) :
			    tuff_write_unchanged(w, doc);
			tuff_doc_free(doc);
		}
		if (rc == -1) {
			tuff_writer_error(w, &ps->e);
			break;
		}
	}
	if (rc == 0) {
		tail = tuff_reader_tail(r, &n);
		if (tuff_write_text(w, tail, n) == -1)
			rc = tuff_writer_error(w, &ps->e);
	}
	if (tuff_writer_close(w) == -1 && rc == 0)
		rc = tuff_writer_error(w, &ps->e);
	ps->rc = rc;
	tuff_writer_free(w);
	tuff_reader_free(r);
	fclose(out);
	fclose(in);
}

/*
 * Is out the input byte for byte, but for "---" lines the writer added
 * before documents that had none, and the byte order mark it took away?
 */
static int
exact(const char *in, size_t inlen, const char *out, size_t outlen)
{
	size_t i = 0, o = 0, b;
	int bol = 1;

	if (inlen >= 3 && memcmp(in, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < inlen || o < outlen) {
		if (bol && outlen - o >= 4 && memcmp(out + o, "---", 3) == 0 &&
		    (i == inlen || inlen - i < 3 ||
		    memcmp(in + i, "---", 3) != 0)) {
			b = out[o + 3] == '\r' && o + 4 < outlen &&
			    out[o + 4] == '\n' ? 2 : 1;
			if (out[o + 3] == '\n' || out[o + 3] == '\r') {
				o += 3 + b;
				continue;
			}
		}
		if (i == inlen || o == outlen || in[i] != out[o])
			return 0;
		bol = in[i] == '\n' || in[i] == '\r';
		i++;
		o++;
	}
	return 1;
}

static void
fail(struct counts *c, const char *name, const char *what,
    const struct pass *ps)
{
	c->failed++;
	printf("FAIL %s: %s", name, what);
	if (ps != NULL && ps->rc == -1)
		printf(": %lu:%lu: %s", ps->e.line, ps->e.column, ps->e.msg);
	putchar('\n');
}

static int
same(const struct events *a, const struct events *b)
{
	return a->len == b->len && memcmp(a->text, b->text, a->len) == 0;
}

/* An invalid case: rejected every way, with a position. */
static int
check_invalid(struct counts *c, const char *name, const struct pass *ps)
{
	int how, ok = 1;
	char what[64];

	for (how = RAW; how <= EMIT; how++) {
		snprintf(what, sizeof(what), "%s: invalid YAML %s",
		    how_name[how], ps[how].rc == 0 ? "accepted" :
		    "rejected without a position");
		if (ps[how].rc == 0 || ps[how].e.file == NULL ||
		    ps[how].e.line == 0 || ps[how].e.column == 0) {
			fail(c, name, what, NULL);
			ok = 0;
		}
	}
	return ok;
}

/* A record stream: accepted, and the same events after every way. */
static int
check_valid(struct counts *c, const char *name, const struct events *want,
    const struct pass *ps)
{
	struct events got;
	int how, ok = 1;
	char what[64];

	for (how = RAW; how <= EMIT; how++) {
		if (ps[how].rc != 0) {
			snprintf(what, sizeof(what), "%s: a stream of mappings "
			    "rejected", how_name[how]);
			fail(c, name, what, &ps[how]);
			ok = 0;
			continue;
		}
		read_events(ps[how].out, ps[how].len, 0, &got);
		if (!same(want, &got)) {
			snprintf(what, sizeof(what), "%s: events differ after "
			    "writing", how_name[how]);
			fail(c, name, what, NULL);
			ok = 0;
		}
		free(got.text);
	}
	return ok;
}

/* Written as read: the input's bytes, both ways, and stable. */
static int
check_exact(struct counts *c, const char *name, const char *in, size_t len,
    const struct pass *ps)
{
	struct pass again;
	int ok = 1;

	if (!exact(in, len, ps[RAW].out, ps[RAW].len)) {
		fail(c, name, "as read: not the input's bytes", NULL);
		ok = 0;
	}
	if (ps[SKIP].len != ps[RAW].len ||
	    memcmp(ps[SKIP].out, ps[RAW].out, ps[RAW].len) != 0) {
		fail(c, name, "unbuilt: not the bytes built records give",
		    NULL);
		ok = 0;
	}
	run_pass(ps[RAW].out, ps[RAW].len, RAW, &again);
	if (again.rc != 0 || again.len != ps[RAW].len ||
	    memcmp(again.out, ps[RAW].out, again.len) != 0) {
		fail(c, name, "as read: a second pass changes it", &again);
		ok = 0;
	}
	free(again.out);
	return ok;
}

/* Scalar styles through the emitter: counted only. */
static int
same_styles(const char *in, size_t len, const struct pass *emitted)
{
	struct events a, b;
	int ok;

	read_events(in, len, 1, &a);
	read_events(emitted->out, emitted->len, 1, &b);
	ok = same(&a, &b);
	free(a.text);
	free(b.text);
	return ok;
}

static void
run_case(struct counts *c, const char *dir, const char *name)
{
	char path[4096];
	struct events want;
	struct pass ps[3];
	char *in;
	size_t len;
	int how, invalid;

	snprintf(path, sizeof(path), "%s/%s/in.yaml", dir, name);
	if ((in = slurp(path, &len)) == NULL)
		return;
	snprintf(path, sizeof(path), "%s/%s/error", dir, name);
	invalid = access(path, F_OK) == 0;
	current = name;
	alarm(CASE_SECONDS);
	c->total++;
	read_events(in, len, 0, &want);
	for (how = RAW; how <= EMIT; how++)
		run_pass(in, len, (enum how)how, &ps[how]);
	if (invalid) {
		c->inv++;
		/* Where libyaml accepts it, that is libyaml's deviation. */
		if (!want.ok)
			c->inv_lib++, c->inv_ok += check_invalid(c, name, ps);
	} else {
		c->val++;
		if (want.ok && want.records) {
			c->val_rec++;
			if (check_valid(c, name, &want, ps)) {
				c->val_ok++;
				c->val_exact += check_exact(c, name, in, len,
				    ps);
				c->val_style += same_styles(in, len, &ps[EMIT]);
			}
		}
	}
	alarm(0);
	for (how = RAW; how <= EMIT; how++)
		free(ps[how].out);
	free(want.text);
	free(in);
}

static int
by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

int
main(int argc, char *argv[])
{
	struct counts c;
	struct dirent **names;
	int i, n;

	if (argc != 2) {
		fprintf(stderr, "usage: suite SUITE-DIR\n");
		return 2;
	}
	if ((n = scandir(argv[1], &names, NULL, by_name)) == -1) {
		printf("yaml-test-suite: %s is absent; skipped\n", argv[1]);
		return 77;
	}
	signal(SIGALRM, on_alarm);
	memset(&c, 0, sizeof(c));
	for (i = 0; i < n; i++) {
		if (names[i]->d_name[0] != '.')
			run_case(&c, argv[1], names[i]->d_name);
		free(names[i]);
	}
	free(names);
	printf("cases: %d; crashes or hangs: 0\n", c.total);
	printf("invalid: %d, rejected by libyaml: %d, rejected every way "
	    "with a position: %d\n", c.inv, c.inv_lib, c.inv_ok);
	printf("valid: %d, record streams (libyaml accepts; mappings, no "
	    "anchors/aliases/duplicate keys): %d\n", c.val, c.val_rec);
	printf("  read back as the same events every way: %d\n", c.val_ok);
	printf("  written as read, byte for byte (but an added \"---\"), "
	    "the same unbuilt, and stable: %d\n", c.val_exact);
	printf("  through the emitter in the same scalar styles: %d\n",
	    c.val_style);
	printf("%d failed\n", c.failed);
	return c.failed == 0 ? 0 : 1;
}
