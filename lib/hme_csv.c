/*
 * Responses from CSV exports of survey tools: the header names the
 * columns (unit, period, m1 ... s3, or other names mapped to them), and
 * every data row is one response.  The tokenizer is csv.c.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/csv.h"
#include "tuff/diag.h"
#include "tuff/hme.h"

#define NONE	((size_t)-1)

void
hme_input_init(struct hme_input *in, struct hme_tally *t)
{
	int i;

	memset(in, 0, sizeof(*in));
	in->tally = t;
	in->header[0] = "unit";
	in->header[1] = "period";
	for (i = 0; i < HME_NITEMS; i++)
		in->header[2 + i] = hme_item_id(i);
}

/* The column of an id: 0 unit, 1 period, 2 + item; or -1. */
static int
column_of(const char *id, size_t len)
{
	int i;

	if (len == 4 && strncmp(id, "unit", 4) == 0)
		return 0;
	if (len == 6 && strncmp(id, "period", 6) == 0)
		return 1;
	if ((i = hme_item_index(id, len)) == -1)
		return -1;
	return 2 + i;
}

int
hme_input_column(struct hme_input *in, const char *arg)
{
	const char *eq = strchr(arg, '=');
	int c;

	if (eq == NULL || eq[1] == '\0' ||
	    (c = column_of(arg, (size_t)(eq - arg))) == -1)
		return -1;
	in->header[c] = eq + 1;
	return 0;
}

int
hme_input_add(struct hme_input *in, const struct hme_response *r,
    const char *file, unsigned long line, unsigned long column,
    struct tuff_error *e)
{
	if (hme_tally_add(in->tally, r) == -1) {
		if (errno == EOVERFLOW)
			return tuff_seterr(e, file, line, column,
			    "more than %lu respondents in one group",
			    (unsigned long)HME_MAX_COUNT);
		return tuff_seterr(e, file, 0, 0, "out of memory");
	}
	in->responses++;
	return 0;
}

int
hme_input_skip(struct hme_input *in, struct tuff_error *e, const char *what)
{
	size_t len;

	if (!in->skip_invalid)
		return -1;
	len = strlen(e->msg);
	snprintf(e->msg + len, sizeof(e->msg) - len, "; %s skipped", what);
	tuff_report("warning", e);
	in->skipped++;
	return 0;
}

/* The field without the spaces and tabs around it. */
static void
trim(const struct csv_field *f, const char **s, size_t *len)
{
	const char *p = f->s, *q = f->s + f->len;

	while (p < q && (*p == ' ' || *p == '\t'))
		p++;
	while (q > p && (q[-1] == ' ' || q[-1] == '\t'))
		q--;
	*s = p;
	*len = (size_t)(q - p);
}

/* Which field holds each column, from the header row. */
static int
map_header(struct hme_input *in, const struct csv_row *row, size_t col[],
    const char *name, struct tuff_error *e)
{
	const char *s, *id;
	size_t f, len;
	int c;

	for (c = 0; c < HME_NCOLS; c++)
		col[c] = NONE;
	for (f = 0; f < row->n; f++) {
		trim(&row->fields[f], &s, &len);
		for (c = 0; c < HME_NCOLS; c++) {
			if (strlen(in->header[c]) != len ||
			    memcmp(in->header[c], s, len) != 0)
				continue;
			if (col[c] != NONE)
				return tuff_seterr(e, name,
				    row->fields[f].line, row->fields[f].column,
				    "column \"%s\" appears twice in the header",
				    in->header[c]);
			col[c] = f;
		}
	}
	for (c = 0; c < HME_NCOLS; c++) {
		if (col[c] != NONE)
			continue;
		id = c == 0 ? "unit" : c == 1 ? "period" : hme_item_id(c - 2);
		if (strcmp(in->header[c], id) == 0)
			return tuff_seterr(e, name, row->line, 1,
			    "the header has no column \"%s\" (map one to it "
			    "with --column %s=HEADER)", id, id);
		return tuff_seterr(e, name, row->line, 1,
		    "the header has no column \"%s\" (given for %s with "
		    "--column)", in->header[c], id);
	}
	return 0;
}

struct row_state {
	char	*unit;
	size_t	 cap;
	char	 period[8];
};

/*
 * One data row into r.  Returns 0, or -1 with e filled when the row is
 * not a valid response (a problem the caller may skip).
 */
static int
row_response(const struct csv_row *row, size_t ncols, const size_t col[],
    struct row_state *st, struct hme_response *r, const char *name,
    struct tuff_error *e)
{
	const struct csv_field *f;
	const char *s, *msg;
	size_t len;
	char *p;
	int i;

	if (row->n != ncols)
		return tuff_seterr(e, name, row->line, 1,
		    "row has %zu fields, the header %zu", row->n, ncols);
	f = &row->fields[col[0]];
	trim(f, &s, &len);
	if ((msg = hme_check_unit(s, len)) != NULL)
		return tuff_seterr(e, name, f->line, f->column, "%s", msg);
	if (len + 1 > st->cap) {
		if ((p = realloc(st->unit, len + 1)) == NULL)
			return tuff_seterr(e, name, 0, 0, "out of memory");
		st->unit = p;
		st->cap = len + 1;
	}
	memcpy(st->unit, s, len);
	st->unit[len] = '\0';
	f = &row->fields[col[1]];
	trim(f, &s, &len);
	if ((msg = hme_check_period(s, len)) != NULL)
		return tuff_seterr(e, name, f->line, f->column,
		    "%s, not \"%.*s\"", msg, (int)(len > 40 ? 40 : len), s);
	memcpy(st->period, s, len);
	st->period[len] = '\0';
	r->unit = st->unit;
	r->period = st->period;
	for (i = 0; i < HME_NITEMS; i++) {
		f = &row->fields[col[2 + i]];
		trim(f, &s, &len);
		if (len == 0)
			r->answers[i] = 0;
		else if (len == 1 && *s >= '1' && *s <= '5')
			r->answers[i] = (unsigned char)(*s - '0');
		else
			return tuff_seterr(e, name, f->line, f->column,
			    "answer to %s must be 1..5 or empty, not \"%.*s\"",
			    hme_item_id(i), (int)(len > 40 ? 40 : len), s);
	}
	return 0;
}

int
hme_read_csv(struct hme_input *in, FILE *fp, const char *name,
    struct tuff_error *e)
{
	struct csv_reader *cr;
	struct csv_row row;
	struct row_state st = { NULL, 0, "" };
	struct hme_response r;
	size_t col[HME_NCOLS], ncols;
	int n, rc = 0;

	if ((cr = csv_reader_new(fp, name)) == NULL)
		return tuff_seterr(e, name, 0, 0, "out of memory");
	if ((n = csv_read_row(cr, &row, e)) != 1 ||
	    map_header(in, &row, col, name, e) == -1) {
		csv_reader_free(cr);
		return n == 0 ? 0 : -1;
	}
	ncols = row.n;
	while (rc == 0 && (n = csv_read_row(cr, &row, e)) == 1) {
		/* A problem without a line is out of memory: never skipped. */
		if (row_response(&row, ncols, col, &st, &r, name, e) == -1)
			rc = e->line == 0 ? -1 : hme_input_skip(in, e, "row");
		else
			rc = hme_input_add(in, &r, name, row.line, 1, e);
	}
	if (n == -1)
		rc = -1;
	free(st.unit);
	csv_reader_free(cr);
	return rc;
}
