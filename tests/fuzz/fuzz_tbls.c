/*
 * libFuzzer target for the TBLS rulebook: the engine over record
 * streams, and the rules file reader.
 *
 * The first byte chooses: odd, the rest is a rules file; even, the rest
 * is a stream of records, checked as tbls-check checks it (journeys
 * noted, assignments and decisions validated as they come and checked
 * at the end), with the second byte as --stale.
 *
 * Promises: nothing crashes, leaks or grows without bound; an error
 * names the input and, from the reader, a position; a rules file either
 * loads, leaving every severity a real one, or changes nothing; every
 * finding has a rule, a severity, a 1-based position, a JSON pointer and
 * a message; a profile never passes more than it checked, and checks
 * exactly the enabled rules that apply; the finding and profile
 * records written read back as records of their kind.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/journey.h"
#include "tuff/record.h"
#include "tuff/tbls.h"

#define NAME	"fuzz"
#define MAXDOCS	256	/* held records per input; a bound, not a limit */

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
broken(const char *what)
{
	fprintf(stderr, "fuzz_tbls: %s\n", what);
	abort();
}

static void
check_error(const struct tuff_error *e)
{
	if (e->file == NULL || strcmp(e->file, NAME) != 0)
		broken("error does not name the input");
	if (e->msg[0] == '\0')
		broken("error without a message");
}

static void
rules_file(const uint8_t *data, size_t size)
{
	struct tbls_config cfg, before;
	struct tuff_error e;
	FILE *fp;
	size_t n, i;
	char *buf = NULL;
	size_t len = 0;

	tbls_config_init(&cfg, 0);
	before = cfg;
	if ((fp = fmemopen((void *)data, size, "r")) == NULL)
		return;	/* fmemopen refuses size 0 on some libcs */
	memset(&e, 0, sizeof(e));
	if (tbls_config_load(&cfg, fp, NAME, &e) == -1) {
		check_error(&e);
		if (memcmp(&cfg, &before, sizeof(cfg)) != 0)
			broken("a bad rules file changed the configuration");
	}
	fclose(fp);
	tbls_rules(&n);
	for (i = 0; i < n; i++)
		if (cfg.severity[i] > TBLS_ERROR)
			broken("a severity out of range");
	if ((fp = open_memstream(&buf, &len)) == NULL)
		abort();
	if (tbls_list_rules(fp, &cfg) == -1)
		broken("list_rules failed");
	fclose(fp);
	free(buf);
}

/* Every record of buf must read back and have this kind. */
static void
read_back(const char *buf, size_t len, const char *kind, size_t want)
{
	struct tuff_reader *r;
	struct tuff_doc *doc;
	struct tuff_error e;
	size_t got = 0;
	FILE *fp;
	int rc;

	if (len == 0) {
		if (want != 0)
			broken("records missing from the output");
		return;
	}
	if ((fp = fmemopen((void *)buf, len, "r")) == NULL ||
	    (r = tuff_reader_new(fp, NAME)) == NULL)
		abort();
	while ((rc = tuff_reader_next(r, &doc, &e)) == 1) {
		if (doc->kind == NULL || strcmp(doc->kind, kind) != 0)
			broken("output record of the wrong kind");
		tuff_doc_free(doc);
		got++;
	}
	if (rc == -1) {
		fprintf(stderr, "%lu:%lu: %s\n---\n%.*s\n", e.line, e.column,
		    e.msg, (int)len, buf);
		broken("output does not read back");
	}
	if (got != want)
		broken("output has the wrong number of records");
	tuff_reader_free(r);
	fclose(fp);
}

static void
check_result(const struct tbls_config *cfg, const struct tuff_doc *doc,
    const struct tbls_result *res)
{
	size_t n, i, want = 0, checked = 0;
	const struct tbls_rule *rules = tbls_rules(&n);
	const struct tbls_finding *f;
	unsigned kind = tbls_kind(doc);

	for (i = 0; i < res->n; i++) {
		f = &res->v[i];
		if (f->rule >= n || (rules[f->rule].kinds & kind) == 0)
			broken("a finding of a rule that does not apply");
		if (f->severity != cfg->severity[f->rule] ||
		    f->severity == TBLS_OFF)
			broken("a finding with the wrong severity");
		if (f->line == 0 || f->column == 0)
			broken("a finding without a position");
		if (f->path[0] != '/' || f->message[0] == '\0')
			broken("a finding without a path or message");
	}
	for (i = 0; i < n; i++)
		if ((rules[i].kinds & kind) != 0 &&
		    cfg->severity[i] != TBLS_OFF)
			want++;
	for (i = 0; i < TBLS_NPRINCIPLES; i++) {
		if (res->passed[i] > res->checked[i])
			broken("passed more than checked");
		checked += res->checked[i];
	}
	if (checked != want)
		broken("checked other than the enabled rules that apply");
}

/* Check one held record and write what was found; read it back. */
static void
check_one(const struct tbls_config *cfg, const struct tbls_journeys *jr,
    const struct tuff_doc *doc, struct tbls_result *res)
{
	struct tuff_writer *w;
	char *buf = NULL;
	size_t len = 0, i;
	FILE *fp;

	if (tbls_check(cfg, jr, doc, res) == -1)
		abort();
	check_result(cfg, doc, res);
	if ((fp = open_memstream(&buf, &len)) == NULL ||
	    (w = tuff_writer_new(fp)) == NULL)
		abort();
	for (i = 0; i < res->n; i++)
		if (tbls_write_finding(w, doc, &res->v[i]) == -1)
			broken("writing a finding failed");
	if (tuff_writer_close(w) == -1)
		broken("writing findings failed");
	tuff_writer_free(w);
	fclose(fp);
	read_back(buf, len, "finding", res->n);
	free(buf);
	buf = NULL;
	if ((fp = open_memstream(&buf, &len)) == NULL ||
	    (w = tuff_writer_new(fp)) == NULL)
		abort();
	if (tbls_write_profile(w, doc, res) == -1 ||
	    tuff_writer_close(w) == -1)
		broken("writing a profile failed");
	tuff_writer_free(w);
	for (i = 0; i < res->n; i++)
		if (tbls_print_finding(fp, doc, &res->v[i]) == -1)
			abort();
	if (tbls_print_profile(fp, doc, res) == -1)
		abort();
	fclose(fp);
	free(buf);
}

static void
stream(const uint8_t *data, size_t size, long stale)
{
	struct tuff_doc *held[MAXDOCS], *doc;
	struct tbls_journeys *jr;
	struct tbls_config cfg;
	struct tbls_result res;
	struct tuff_reader *r;
	struct tuff_error e;
	const char *id;
	size_t nheld = 0, i, actors;
	FILE *fp;
	int rc;

	if ((fp = fmemopen((void *)data, size, "r")) == NULL)
		return;
	if ((r = tuff_reader_new(fp, NAME)) == NULL ||
	    (jr = tbls_journeys_new()) == NULL)
		abort();
	tbls_config_init(&cfg, tuff_date_from_ymd(2022, 6, 1));
	cfg.stale_days = stale;
	while ((rc = tuff_reader_next(r, &doc, &e)) == 1) {
		if (tbls_kind(doc) != 0 && nheld < MAXDOCS) {
			if (tbls_validate(doc, &e) == 0) {
				held[nheld++] = doc;
				continue;
			}
			check_error(&e);
			if (e.line == 0 || e.column == 0)
				broken("a validation error without a position");
		} else if (doc->kind != NULL &&
		    strcmp(doc->kind, "journey") == 0 &&
		    (id = tuff_str(tuff_map_get(doc->root, "id"))) != NULL &&
		    (journey_distinct_actors(doc->root, &actors) == -1 ||
		    tbls_journeys_add(jr, id, actors) == -1))
			abort();
		tuff_doc_free(doc);
	}
	if (rc == -1)
		check_error(&e);
	memset(&res, 0, sizeof(res));
	for (i = 0; i < nheld; i++) {
		check_one(&cfg, jr, held[i], &res);
		tuff_doc_free(held[i]);
	}
	tbls_result_free(&res);
	tbls_journeys_free(jr);
	tuff_reader_free(r);
	fclose(fp);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	if (data[0] & 1)
		rules_file(data + 1, size - 1);
	else
		stream(data + 2, size - 2, data[1]);
	return 0;
}
