/*
 * libFuzzer target for tuff-decide: a whole run over a record stream,
 * in both modes, and the delegation file reader.
 *
 * The first byte chooses.  0 mod 3: the rest is a stream to decide on,
 * the second byte choosing which of a few usual challenge ids are
 * assigned, rejected or deferred.  1 mod 3: the rest is a register to
 * follow up, as of a day and within a window the next bytes give.
 * 2 mod 3: the rest is a delegation file.
 *
 * Promises: nothing crashes, leaks or grows without bound; every error
 * names the input (or nothing, for the options); a run that fails
 * writes nothing.  A decided stream reads back, holds no challenge and
 * no decision without an id, no id twice, and deciding it again with no
 * options changes nothing: a register is a fixed point.  Follow-ups read
 * back as follow-ups.  A delegation file either loads, with every
 * outcome's role and the permissions rising with the rank, or fails.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/decide.h"
#include "tuff/record.h"

#define NAME	"fuzz"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
broken(const char *what)
{
	fprintf(stderr, "fuzz_decide: %s\n", what);
	abort();
}

static void
check_error(const struct tuff_error *e)
{
	if (e->file != NULL && strcmp(e->file, NAME) != 0)
		broken("error names another input");
	if (e->msg[0] == '\0')
		broken("error without a message");
}

static void
on_problem(const struct tuff_error *e, void *arg)
{
	(void)arg;
	check_error(e);
}

/* What tuff-decide does with a record in the second pass; frees doc. */
static int
write_record(struct decide *d, struct tuff_doc *doc, struct tuff_writer *w,
    struct tuff_error *e)
{
	int rc = 0;

	switch (decide_fate(d, doc)) {
	case DECIDE_PASS:
		rc = tuff_write_unchanged(w, doc);
		break;
	case DECIDE_DROP:
		break;
	case DECIDE_CHANGE:
		rc = tuff_write_head(w, doc);
		/* FALLTHROUGH */
	case DECIDE_REPLACE:
		if (rc == 0)
			rc = decide_emit(d, doc, w, e);
		break;
	}
	tuff_doc_free(doc);
	return rc;
}

/*
 * Run d over data in two passes, as tuff-decide does; the output in
 * *out (NULL when the run failed, and then nothing was written).
 */
static void
run(struct decide *d, const char *data, size_t size, char **out,
    size_t *outlen)
{
	struct tuff_reader *r;
	struct tuff_writer *w = NULL;
	struct tuff_doc *doc;
	struct tuff_error e;
	FILE *in, *fp = NULL;
	int pass, rc, got;

	*out = NULL;
	*outlen = 0;
	for (pass = 0; pass < 2; pass++) {
		/* fmemopen refuses size 0 on some libcs: nothing to do. */
		if ((in = fmemopen((void *)(uintptr_t)data, size, "r")) == NULL)
			return;
		if ((r = tuff_reader_new(in, NAME)) == NULL)
			abort();
		if (pass == 1 && ((fp = open_memstream(out, outlen)) == NULL ||
		    (w = tuff_writer_new(fp)) == NULL))
			abort();
		rc = 0;
		memset(&e, 0, sizeof(e));
		while (rc == 0 && (got = tuff_reader_next(r, &doc, &e)) == 1)
			if (pass == 0) {
				rc = decide_scan(d, doc, &e);
				tuff_doc_free(doc);
			} else
				rc = write_record(d, doc, w, &e);
		if (rc == 0 && got == -1)
			rc = -1;
		tuff_reader_free(r);
		fclose(in);
		if (pass == 0 && rc == -1)
			check_error(&e);
		if (pass == 0 && (rc == -1 ||
		    decide_scan_end(d, on_problem, NULL) > 0))
			return;
		if (pass == 1 && rc == -1)
			broken("the second pass failed after the first passed");
	}
	if (tuff_writer_close(w) == -1)
		broken("writing failed");
	tuff_writer_free(w);
	fclose(fp);
}

/* What a decided stream must be; the number of records. */
static size_t
check_decided(const char *buf, size_t len)
{
	struct tuff_reader *r;
	struct tuff_doc *doc;
	struct tuff_error e;
	const char *id;
	char *ids[4096];
	size_t n = 0, nids = 0, i;
	FILE *fp;
	int rc;

	if (len == 0)
		return 0;
	if ((fp = fmemopen((void *)(uintptr_t)buf, len, "r")) == NULL ||
	    (r = tuff_reader_new(fp, NAME)) == NULL)
		abort();
	while ((rc = tuff_reader_next(r, &doc, &e)) == 1) {
		n++;
		if (doc->kind != NULL && strcmp(doc->kind, "challenge") == 0)
			broken("a challenge left in a decided stream");
		if (doc->kind != NULL && (strcmp(doc->kind, "decision") == 0 ||
		    strcmp(doc->kind, "assignment") == 0)) {
			id = tuff_str(tuff_map_get(doc->root, "id"));
			if (id == NULL)
				broken("a decision without an id");
			for (i = 0; i < nids; i++)
				if (ids[i][0] == doc->kind[0] &&
				    strcmp(ids[i] + 1, id) == 0)
					broken("an id twice in the output");
			if (nids < sizeof(ids) / sizeof(ids[0])) {
				if ((ids[nids] = malloc(strlen(id) + 2)) == NULL)
					abort();
				ids[nids][0] = doc->kind[0];
				strcpy(ids[nids++] + 1, id);
			}
		}
		tuff_doc_free(doc);
	}
	if (rc == -1) {
		fprintf(stderr, "%lu:%lu: %s\n---\n%.*s\n", e.line, e.column,
		    e.msg, (int)len, buf);
		broken("output does not read back");
	}
	tuff_reader_free(r);
	fclose(fp);
	for (i = 0; i < nids; i++)
		free(ids[i]);
	return n;
}

static void
decide(const struct decide_delegation *deleg, const uint8_t *data,
    size_t size, unsigned pick)
{
	static const char *const ids[] = { "rullstol", "planer", "nybygge",
	    "a" };
	struct decide *d, *again;
	struct tuff_error e;
	char *out, *out2;
	size_t len, len2, i;
	unsigned o;

	if ((d = decide_new(deleg, DECIDE_DECIDE)) == NULL)
		abort();
	if (decide_set_by(d, "socialchef", &e) == -1 ||
	    decide_set(d, DECIDE_OWNER, "Rehabenheten", &e) == -1 ||
	    decide_set(d, DECIDE_DUE, "2021-06-30", &e) == -1 ||
	    decide_set(d, DECIDE_RATIONALE, "Beslut", &e) == -1)
		broken("good options refused");
	decide_set_date(d, tuff_date_from_ymd(2020, 11, 19));
	/* Two bits per id: not named, assign, reject, defer. */
	for (i = 0; i < 4; i++)
		if ((o = (pick >> (2 * i)) & 3) != 0 &&
		    decide_pick(d, o - 1, ids[i], &e) == -1)
			broken("a good id refused");
	if (decide_check_options(d, on_problem, NULL) > 0)
		broken("good options refused");
	run(d, (const char *)data, size, &out, &len);
	decide_free(d);
	if (out == NULL)
		return;
	if (check_decided(out, len) == 0) {
		free(out);
		return;
	}
	/* Decided once, nothing is left to decide. */
	if ((again = decide_new(deleg, DECIDE_DECIDE)) == NULL)
		abort();
	if (decide_check_options(again, on_problem, NULL) > 0)
		abort();
	run(again, out, len, &out2, &len2);
	decide_free(again);
	if (out2 == NULL)
		broken("a decided stream does not decide again");
	if (len2 != len || memcmp(out, out2, len) != 0) {
		fprintf(stderr, "%.*s\n===\n%.*s\n", (int)len, out, (int)len2,
		    out2);
		broken("deciding a decided stream changed it");
	}
	free(out);
	free(out2);
}

static void
followup(const struct decide_delegation *deleg, const uint8_t *data,
    size_t size)
{
	struct tuff_reader *r;
	struct tuff_doc *doc;
	struct tuff_error e;
	struct decide *d;
	char *out;
	size_t len;
	FILE *fp;
	int rc;

	if (size < 2)
		return;
	if ((d = decide_new(deleg, DECIDE_FOLLOWUP)) == NULL)
		abort();
	/* 2020-01-01 and about three years on; 0 to 255 days. */
	decide_set_window(d, tuff_date_from_ymd(2020, 1, 1) + data[0] * 4,
	    data[1]);
	run(d, (const char *)data + 2, size - 2, &out, &len);
	decide_free(d);
	if (out == NULL)
		return;
	if (len > 0) {
		if ((fp = fmemopen(out, len, "r")) == NULL ||
		    (r = tuff_reader_new(fp, NAME)) == NULL)
			abort();
		while ((rc = tuff_reader_next(r, &doc, &e)) == 1)
			tuff_doc_free(doc);
		if (rc == -1)
			broken("follow-ups do not read back");
		tuff_reader_free(r);
		fclose(fp);
	}
	free(out);
}

static void
delegation(const uint8_t *data, size_t size)
{
	struct decide_delegation *d = NULL;
	struct tuff_error e;
	char msg[512];
	long costs[] = { -1, 0, 1000, 500001, 999999999999L };
	size_t c, n;
	int o, r, ok, was;
	FILE *fp;

	if ((fp = fmemopen((void *)(uintptr_t)data, size, "r")) == NULL)
		return;
	memset(&e, 0, sizeof(e));
	if (decide_delegation_read(fp, NAME, &d, &e) == -1) {
		check_error(&e);
		if (d != NULL)
			broken("a failed read left an order");
		fclose(fp);
		return;
	}
	fclose(fp);
	n = decide_nroles(d);
	if (n == 0 || n > DECIDE_MAX_ROLES)
		broken("an order without roles");
	for (o = 0; o < DECIDE_NOUTCOMES; o++)
		for (c = 0; c < sizeof(costs) / sizeof(costs[0]); c++) {
			was = 0;
			for (r = 0; (size_t)r < n; r++) {
				ok = decide_permit(d, r, o, costs[c], msg,
				    sizeof(msg)) == 0;
				if (was && !ok)
					broken("a higher role may do less");
				if (!ok && strstr(msg, " or above") == NULL)
					broken("a refusal without the role it needs");
				if (decide_role(d, decide_role_name(d, r)) != r)
					broken("a role is not its own rank");
				was = ok;
			}
			if (!was)
				broken("not even the highest role may decide");
		}
	decide_delegation_free(d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct decide_delegation *deleg;

	if (size < 2)
		return 0;
	if ((deleg = decide_delegation_default()) == NULL)
		abort();
	switch (data[0] % 3) {
	case 0:
		decide(deleg, data + 2, size - 2, data[1]);
		break;
	case 1:
		followup(deleg, data + 1, size - 1);
		break;
	default:
		delegation(data + 1, size - 1);
	}
	decide_delegation_free(deleg);
	return 0;
}
