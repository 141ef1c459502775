/*
 * libFuzzer target for the journey module, as tuff-journey drives it.
 *
 * Whatever the bytes: every record read has its actors counted (as
 * tbls-check does, on records nobody checked); a journey either fails
 * journey_check with a message and a position inside the input, or is
 * measured, enriched, turned into a challenge, written, and drawn as
 * Mermaid.  The metrics must be consistent with one another, the
 * enriched record and the challenge must read back, and every line of
 * the Mermaid output must lex as Mermaid's journey grammar means it
 * (see check_mermaid).  The raw bytes also go through
 * journey_mermaid_text, which must cope with anything.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tuff/journey.h"
#include "tuff/record.h"

#define NAME	"fuzz"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
finding(const char *what, const char *text)
{
	fprintf(stderr, "fuzz_journey: %s\n", what);
	if (text != NULL)
		fprintf(stderr, "--- text:\n%s\n---\n", text);
	abort();
}

/* The length of the entity code at s ("#58;"), or 0 when there is none. */
static size_t
entity_code(const char *s, size_t n)
{
	size_t i = 1;

	if (n < 3 || s[0] != '#')
		return 0;
	while (i < n && i < 8 && s[i] >= '0' && s[i] <= '9')
		i++;
	return i > 1 && i < n && s[i] == ';' ? i + 1 : 0;
}

/*
 * Text Mermaid may carry: no newline, '<', '>' or "%%", and no '#' or
 * ';' except as an entity code where codes are allowed (titles,
 * sections, task names; not actors, whose legend may cut a code).
 */
static int
safe(const char *s, size_t n, int colon_ok, int codes_ok)
{
	size_t i, code;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++) {
		if (codes_ok && (code = entity_code(s + i, n - i)) > 0) {
			i += code - 1;
			continue;
		}
		if (s[i] == '#' || s[i] == ';' || s[i] == '\n' ||
		    s[i] == '\r' || s[i] == '<' || s[i] == '>' ||
		    (!colon_ok && s[i] == ':'))
			return 0;
		if (s[i] == '%' && i + 1 < n && s[i + 1] == '%')
			return 0;
	}
	return 1;
}

/*
 * Would Mermaid's lexer, at the first character of a task line after
 * skipping white space, take a rule other than taskName?  (The ASCII
 * white space is what our writer puts there; the text itself starts
 * with no character JavaScript's \s matches.)
 */
static int
keyword_start(const char *s)
{
	static const char *const kw[] = {
		"journey", "title ", "title\t", "section ", "section\t",
		"acctitle", "accdescr", NULL
	};
	const char *const *k;

	for (k = kw; *k != NULL; k++)
		if (strncasecmp(s, *k, strlen(*k)) == 0)
			return 1;
	return s[0] == ' ' || s[0] == '\t' || (s[0] != '\0' && s[1] == '%' &&
	    s[2] == '%');
}

/* One task line after its six spaces: NAME: SCORE[: ACTOR]. */
static void
check_task(const char *t, const char *all)
{
	const char *c = strstr(t, ": "), *rest;

	if (c == NULL || !safe(t, (size_t)(c - t), 0, 1) || keyword_start(t))
		finding("bad Mermaid task name", all);
	rest = c + 2;
	if (rest[0] < '1' || rest[0] > '5' ||
	    (rest[1] != '\0' && strncmp(rest + 1, ": ", 2) != 0))
		finding("bad Mermaid score", all);
	if (rest[1] != '\0' && (!safe(rest + 3, strlen(rest + 3), 0, 0) ||
	    strchr(rest + 3, ',') != NULL || rest[3] == ' ' ||
	    rest[strlen(rest) - 1] == ' '))
		finding("bad Mermaid actor", all);
}

/*
 * The output of journey_mermaid for one journey, line by line:
 * the fence, "journey", a title, then sections and tasks, the fence.
 */
static void
check_mermaid(char *out)
{
	char *line, *next, *all = strdup(out);
	int n = 0;

	for (line = out; line != NULL && *line != '\0'; line = next, n++) {
		if ((next = strchr(line, '\n')) == NULL)
			finding("Mermaid output without a final newline", all);
		*next++ = '\0';
		if (n == 0 && strcmp(line, "```mermaid") != 0)
			finding("no opening fence", all);
		else if (n == 1 && strcmp(line, "journey") != 0)
			finding("no journey line", all);
		else if (n == 2 && (strncmp(line, "    title ", 10) != 0 ||
		    !safe(line + 10, strlen(line + 10), 1, 1) || line[10] == ' '))
			finding("bad title line", all);
		else if (n > 2 && *next == '\0') {
			if (strcmp(line, "```") != 0)
				finding("no closing fence", all);
		} else if (n > 2 && strncmp(line, "    section ", 12) == 0) {
			if (!safe(line + 12, strlen(line + 12), 0, 1))
				finding("bad section line", all);
		} else if (n > 2 && strncmp(line, "      ", 6) == 0)
			check_task(line + 6, all);
		else if (n > 2)
			finding("unexpected Mermaid line", all);
	}
	free(all);
}

static void
check_metrics(const struct journey_metrics *m)
{
	if (m->steps < 1 || m->handoffs < 0 || m->handoffs >= m->steps ||
	    m->system_switches < 0 || m->system_switches >= m->steps ||
	    m->systems < 0 || m->systems > m->steps || m->pains > m->steps ||
	    m->minutes < 0 || m->wait_days < 0 || m->scored > m->steps)
		finding("metrics out of range", NULL);
	if (m->scored > 0 && (m->mean_tenths < 10 || m->mean_tenths > 50 ||
	    m->lowest_step < 1 || m->lowest_step > m->steps ||
	    m->lowest_score * 10 > m->mean_tenths ||
	    m->lowest_action == NULL))
		finding("mean or lowest out of range", NULL);
	if (m->friction < m->handoffs + m->system_switches ||
	    m->friction > m->handoffs + m->system_switches + 4L * m->scored)
		finding("friction out of range", NULL);
	if (m->systems == 0 && m->system_switches != 0)
		finding("switches without systems", NULL);
}

/* Write a record and read it back: it must be one record. */
static void
write_read(const struct tuff_node *root)
{
	struct tuff_writer *w;
	struct tuff_reader *r;
	struct tuff_doc *back;
	struct tuff_error e;
	char *out = NULL;
	size_t len = 0;
	FILE *fp;
	int rc;

	if ((fp = open_memstream(&out, &len)) == NULL ||
	    (w = tuff_writer_new(fp)) == NULL)
		abort();
	rc = tuff_write_doc(w, root);
	if (tuff_writer_close(w) == -1)
		rc = -1;
	tuff_writer_free(w);
	fclose(fp);
	if (rc == -1)
		finding("the writer failed", out);
	if (len <= TUFF_MAX_RECORD) {
		if ((fp = fmemopen(out, len, "r")) == NULL ||
		    (r = tuff_reader_new(fp, NAME)) == NULL)
			abort();
		if (tuff_reader_next(r, &back, &e) != 1)
			finding("an enriched record does not read back", out);
		tuff_doc_free(back);
		tuff_reader_free(r);
		fclose(fp);
	}
	free(out);
}

static void
draw(const struct tuff_node *root)
{
	char *out = NULL;
	size_t len = 0;
	FILE *fp;

	if ((fp = open_memstream(&out, &len)) == NULL)
		abort();
	if (journey_mermaid(fp, root, 1) == -1)
		finding("journey_mermaid failed", NULL);
	fclose(fp);
	check_mermaid(out);
	free(out);
}

static void
use_journey(struct tuff_doc *doc, struct journey_ids *ids)
{
	struct journey_metrics m;
	struct journey_row row;
	struct tuff_doc *ch;
	struct tuff_error e;
	FILE *null;

	if (journey_check(doc, &e) == -1 || journey_ids_add(ids, doc,
	    &e) == -1) {
		if (e.msg[0] == '\0' || e.file == NULL || e.line == 0 ||
		    e.column == 0)
			finding("an error without message or position", NULL);
		return;
	}
	if (journey_measure(doc->root, &m) == -1)
		abort();
	check_metrics(&m);
	if ((ch = journey_challenge(doc, &m)) == NULL)
		abort();
	write_read(ch->root);
	tuff_doc_free(ch);
	draw(doc->root);
	memset(&row, 0, sizeof(row));
	row.id = "x";
	row.m = m;
	journey_rank(&row, 1, JOURNEY_MEAN_SCORE);
	if ((null = fopen("/dev/null", "w")) == NULL)
		abort();
	if (journey_table(null, &row, 1) == -1)
		finding("journey_table failed", NULL);
	fclose(null);
	if (journey_enrich(doc, &m) == -1)
		abort();
	write_read(doc->root);
}

/*
 * Any node may be asked for its actors: a mapping whose "steps" is a
 * sequence may have some, at most one per step; anything else has none.
 * (The steps of a record may themselves be such a mapping.)
 */
static void
count_actors(const struct tuff_node *node)
{
	const struct tuff_node *steps;
	size_t actors, most = 0;

	if (journey_distinct_actors(node, &actors) == -1)
		finding("journey_distinct_actors failed", NULL);
	if (node != NULL && node->type == TUFF_MAP &&
	    (steps = tuff_map_get(node, "steps")) != NULL &&
	    steps->type == TUFF_SEQ)
		most = steps->u.seq.n;
	if (actors > most)
		finding("more actors than steps, or actors without steps",
		    NULL);
}

static void
raw_text(const uint8_t *data, size_t size)
{
	char *s, *t;

	if ((s = malloc(size + 1)) == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	if ((t = journey_mermaid_text(s, size > 0 && data[0] & 1)) == NULL)
		abort();
	free(t);
	free(s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct journey_ids *ids;
	struct tuff_reader *r;
	struct tuff_doc *doc;
	struct tuff_error e;
	FILE *fp;

	raw_text(data, size);
	if ((fp = fmemopen((void *)(uintptr_t)data, size, "r")) == NULL ||
	    (r = tuff_reader_new(fp, NAME)) == NULL ||
	    (ids = journey_ids_new()) == NULL)
		abort();
	while (tuff_reader_next(r, &doc, &e) == 1) {
		count_actors(doc->root);
		count_actors(tuff_map_get(doc->root, "steps"));
		if (doc->kind != NULL && strcmp(doc->kind, "journey") == 0)
			use_journey(doc, ids);
		tuff_doc_free(doc);
	}
	journey_ids_free(ids);
	tuff_reader_free(r);
	fclose(fp);
	return 0;
}
