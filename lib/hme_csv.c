/*
 * Responses from CSV exports of survey tools, and what both readers do
 * with a response (hme_input_*).
 *
 * The header names the columns: by --column, or by a known name
 * (English or Swedish), or for a question by its id or SKR's wording,
 * compared after Unicode NFC and case folding with the spaces around
 * and a trailing '.' left out.  Every data row is one response; a row
 * of empty cells (Excel's trailing ";;;;") is skipped.  The tokenizer
 * is csv.c.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tuff/csv.h"
#include "tuff/diag.h"
#include "tuff/hash.h"
#include "tuff/hme.h"
#include "tuff/i18n.h"
#include "tuff/names.h"
#include "tuff/record.h"
#include "tuff/run.h"
#include "tuff/scalar.h"
#include "hme_int.h"

#define NONE	((size_t)-1)

/* What --column calls each column, and the names it goes by. */
static const char *const col_ids[HME_COL_ITEM] = { "unit", "period", "id" };
static const char *const known[HME_COL_ITEM][5] = {
	{ "unit", "enhet", "arbetsplats", "organisation", NULL },
	{ "period", "år", "year", NULL },
	{ "id", "respondent", "svarsid", NULL },
};

static const char *
col_id(int c)
{
	return c < HME_COL_ITEM ? col_ids[c] : hme_item_id(c - HME_COL_ITEM);
}

/* The id of a column from its text, or -1. */
static int
column_of(const char *id, size_t len)
{
	int c;

	for (c = 0; c < HME_COL_ITEM; c++)
		if (strlen(col_ids[c]) == len && memcmp(col_ids[c], id, len) == 0)
			return c;
	if ((c = hme_item_index(id, len)) == -1)
		return -1;
	return HME_COL_ITEM + c;
}

/*
 * The key a header is compared by: without the spaces around it and a
 * trailing '.', in NFC and case folded.  0, or -1 (errno EILSEQ, ENOMEM).
 */
static int
header_key(struct tuff_namebuf *nb, const char *s, size_t len)
{
	while (len > 0 && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len > 0 && s[len - 1] == '.')
		len--;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	return tuff_name_key(nb, s, len, TUFF_NAME_FOLD);
}

static int
same_key(const struct tuff_namebuf *a, const struct tuff_namebuf *b)
{
	return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
}

/* The response ids seen, by NFC text, with where each was first. */
struct hme_ids {
	struct hme_tab		 tab;
	struct tuff_namebuf	 nb;
};

struct idrec {
	const char	*file;
	unsigned long	 line, column;
	size_t		 len;
	char		 key[];
};

static int
eq_id(const void *entry, const void *arg)
{
	const struct idrec *r = entry;
	const struct tuff_namebuf *k = arg;

	return r->len == k->len && memcmp(r->key, k->s, k->len) == 0;
}

void
hme_input_init(struct hme_input *in, struct hme_tally *t)
{
	memset(in, 0, sizeof(*in));
	in->tally = t;
}

void
hme_input_free(struct hme_input *in)
{
	size_t i;

	if (in->ids == NULL)
		return;
	for (i = 0; i < in->ids->tab.cap; i++)
		free(in->ids->tab.s[i].p);
	hme_tab_free(&in->ids->tab);
	tuff_namebuf_free(&in->ids->nb);
	free(in->ids);
	in->ids = NULL;
}

int
hme_input_column(struct hme_input *in, const char *arg)
{
	struct tuff_namebuf a = { NULL, 0, 0 }, b = { NULL, 0, 0 };
	const char *eq = strchr(arg, '=');
	int c, k, rc = 0;

	if (eq == NULL || eq[1] == '\0' ||
	    (c = column_of(arg, (size_t)(eq - arg))) == -1 ||
	    header_key(&a, eq + 1, strlen(eq + 1)) == -1 || a.len == 0)
		rc = -1;
	for (k = 0; rc == 0 && k < HME_NCOLS; k++) {
		if (k == c || in->header[k] == NULL)
			continue;
		if (header_key(&b, in->header[k], strlen(in->header[k])) == -1 ||
		    same_key(&a, &b))
			rc = -2;
	}
	if (rc == 0)
		in->header[c] = eq + 1;
	tuff_namebuf_free(&a);
	tuff_namebuf_free(&b);
	return rc;
}

/* A response id seen before is an error naming both places. */
/*
 * A response id seen before (at rec): a response exported twice, or,
 * when the two inputs hold the same data, an input given twice, which
 * the message says as the input layer would at the stream's end.
 */
static int
duplicate_id(const struct hme_response *r, const struct idrec *rec,
    struct tuff_error *e)
{
	int len = (int)(r->idlen > 80 ? 80 : r->idlen);

	if (strcmp(rec->file, r->file) != 0 &&
	    tuff_inputs_same(rec->file, r->file))
		return tuff_seterr(e, r->file, r->idline, r->idcolumn,
		    "response id \"%.*s\" is given twice (first at %s:%lu:%lu): "
		    "the same content as %s (given twice?)", len, r->id,
		    rec->file, rec->line, rec->column, rec->file);
	return tuff_seterr(e, r->file, r->idline, r->idcolumn,
	    "response id \"%.*s\" is given twice (first at %s:%lu:%lu); "
	    "is the same response read twice?", len, r->id, rec->file,
	    rec->line, rec->column);
}

static int
check_id(struct hme_input *in, const struct hme_response *r,
    struct tuff_error *e)
{
	struct hme_slot *s;
	struct idrec *rec;
	uint64_t h;

	if (in->ids == NULL) {
		if ((in->ids = calloc(1, sizeof(*in->ids))) == NULL ||
		    hme_tab_init(&in->ids->tab, 64) == -1)
			return tuff_seterr(e, r->file, 0, 0, "out of memory");
	}
	if (tuff_name_key(&in->ids->nb, r->id, r->idlen, TUFF_NAME_NFC) == -1)
		return tuff_seterr(e, r->file, 0, 0, "out of memory");
	h = tuff_hash(in->ids->nb.s, in->ids->nb.len);
	s = hme_tab_slot(&in->ids->tab, h, eq_id, &in->ids->nb);
	if ((rec = s->p) != NULL)
		return duplicate_id(r, rec, e);
	if ((rec = malloc(sizeof(*rec) + in->ids->nb.len)) == NULL)
		return tuff_seterr(e, r->file, 0, 0, "out of memory");
	rec->file = r->file;
	rec->line = r->idline;
	rec->column = r->idcolumn;
	rec->len = in->ids->nb.len;
	memcpy(rec->key, in->ids->nb.s, rec->len);
	if (hme_tab_put(&in->ids->tab, s, h, rec) == -1)
		return tuff_seterr(e, r->file, 0, 0, "out of memory");
	return 0;
}

int
hme_input_add(struct hme_input *in, const struct hme_response *r,
    struct tuff_error *e)
{
	if (r->id != NULL && check_id(in, r, e) == -1)
		return -1;
	if (hme_tally_add(in->tally, r) == -1) {
		if (errno == EOVERFLOW)
			return tuff_seterr(e, r->file, r->line, r->column,
			    "more than %lu responses in one run",
			    (unsigned long)HME_MAX_COUNT);
		return tuff_seterr(e, r->file, 0, 0, "out of memory");
	}
	in->responses++;
	return 0;
}

int
hme_input_skip(struct hme_input *in, struct tuff_error *e,
    enum hme_skipped what)
{
	if (!in->skip_invalid)
		return -1;
	/* TRANSLATORS: %s is the problem found in the record or row. */
	if (what == HME_SKIP_ROW)
		tuff_input_warning(e->file, e->line, e->column,
		    "%s; row skipped", e->msg);
	else
		tuff_input_warning(e->file, e->line, e->column,
		    "%s; record skipped", e->msg);
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

/* The keys of the names column c goes by, when no --column names it. */
static int
known_keys(int c, struct tuff_namebuf keys[2])
{
	if (c >= HME_COL_ITEM)
		return tuff_name_key(&keys[0], col_id(c), 2,
		    TUFF_NAME_FOLD) == -1 || header_key(&keys[1],
		    hme_item_text(c - HME_COL_ITEM),
		    strlen(hme_item_text(c - HME_COL_ITEM))) == -1 ? -1 : 2;
	return 0;
}

/* Does the header key k name column c?  (Without --column for c.) */
static int
is_known(int c, const struct tuff_namebuf *k, struct tuff_namebuf keys[2])
{
	int i;

	if (c < HME_COL_ITEM) {
		for (i = 0; known[c][i] != NULL; i++)
			if (strlen(known[c][i]) == k->len &&
			    memcmp(known[c][i], k->s, k->len) == 0)
				return 1;
		return 0;
	}
	return same_key(&keys[0], k) || same_key(&keys[1], k);
}

/* Two fields of the header for one column: which is meant? */
static int
twice(const struct hme_input *in, int c, const struct csv_row *row,
    const struct tuff_namebuf *fk, size_t first, size_t again,
    const char *name, struct tuff_error *e)
{
	const struct csv_field *f = &row->fields[first], *g = &row->fields[again];

	if (same_key(&fk[first], &fk[again]))
		return tuff_seterr(e, name, g->line, g->column, "two columns "
		    "are headed \"%s\" (columns %zu and %zu)", g->s, first + 1,
		    again + 1);
	if (in->header[c] != NULL)
		return tuff_seterr(e, name, g->line, g->column,
		    "two columns match --column %s=%s: \"%s\" (column %zu) and "
		    "\"%s\" (column %zu)", col_id(c), in->header[c], f->s,
		    first + 1, g->s, again + 1);
	return tuff_seterr(e, name, g->line, g->column,
	    "two columns match %s: \"%s\" (column %zu) and \"%s\" (column "
	    "%zu); choose one with --column %s=HEADER", col_id(c), f->s,
	    first + 1, g->s, again + 1, col_id(c));
}

/* One missing column, in e; the caller reports all but the last. */
static int
missing(const struct hme_input *in, int c, const char *name,
    unsigned long line, struct tuff_error *e)
{
	if (in->header[c] != NULL)
		return tuff_seterr(e, name, line, 1, "no column is headed "
		    "\"%s\", given for %s with --column", in->header[c],
		    col_id(c));
	if (c == HME_COL_UNIT)
		return tuff_seterr(e, name, line, 1, "no column for the unit "
		    "(headed unit, enhet, arbetsplats or organisation); if it "
		    "has another name, add --column unit=HEADER");
	if (c == HME_COL_PERIOD)
		return tuff_seterr(e, name, line, 1, "no column for the "
		    "period (headed period, år or year); if it has another "
		    "name, add --column period=HEADER");
	return tuff_seterr(e, name, line, 1, "no column for %s (headed %s or "
	    "\"%s\"); if it has another name, add --column %s=HEADER",
	    col_id(c), col_id(c), hme_item_text(c - HME_COL_ITEM), col_id(c));
}

/*
 * Which field holds each column, from the header row: --column's
 * headers claim their fields first, then the known names take what is
 * left.  Every missing column is reported, the last in e.
 */
static int
map_header(struct hme_input *in, const struct csv_row *row, size_t col[],
    const char *name, struct tuff_error *e)
{
	struct tuff_namebuf *fk, want = { NULL, 0, 0 }, keys[2];
	unsigned char *claimed;
	size_t f;
	int c, rc = -1, nk, pass, gaps = 0;

	memset(keys, 0, sizeof(keys));
	fk = calloc(row->n, sizeof(*fk));
	claimed = calloc(row->n, 1);
	if (fk == NULL || claimed == NULL) {
		tuff_seterr(e, name, 0, 0, "out of memory");
		goto out;
	}
	for (f = 0; f < row->n; f++)
		if (header_key(&fk[f], row->fields[f].s,
		    row->fields[f].len) == -1) {
			tuff_seterr(e, name, 0, 0, "out of memory");
			goto out;
		}
	for (c = 0; c < HME_NCOLS; c++)
		col[c] = NONE;
	for (pass = 0; pass < 2; pass++)
		for (c = 0; c < HME_NCOLS; c++) {
			if ((in->header[c] != NULL) != (pass == 0))
				continue;
			nk = pass == 0 ? header_key(&want, in->header[c],
			    strlen(in->header[c])) : known_keys(c, keys);
			if (nk == -1) {
				tuff_seterr(e, name, 0, 0, "out of memory");
				goto out;
			}
			for (f = 0; f < row->n; f++) {
				if (pass == 0 ? !same_key(&want, &fk[f]) :
				    claimed[f] || !is_known(c, &fk[f], keys))
					continue;
				if (col[c] != NONE) {
					twice(in, c, row, fk, col[c], f, name,
					    e);
					goto out;
				}
				col[c] = f;
				claimed[f] = 1;
			}
		}
	for (c = 0; c < HME_NCOLS; c++) {
		if (col[c] != NONE || c == HME_COL_ID)
			continue;
		if (gaps++ > 0)
			tuff_report("error", e);
		missing(in, c, name, row->line, e);
	}
	rc = gaps > 0 ? -1 : 0;
out:
	for (f = 0; fk != NULL && f < row->n; f++)
		tuff_namebuf_free(&fk[f]);
	free(fk);
	free(claimed);
	tuff_namebuf_free(&want);
	tuff_namebuf_free(&keys[0]);
	tuff_namebuf_free(&keys[1]);
	return rc;
}

struct row_state {
	char	*unit;
	size_t	 cap;
	char	 period[8];
};

/* An answer cell: a digit 1..5, or empty for not answered. */
static int
cell_answer(const struct csv_field *f, int item, unsigned char *out,
    const char *name, struct tuff_error *e)
{
	struct tuff_scalar s = { NULL, 0, TUFF_PLAIN, NULL }, q;
	const char *hint;
	char shown[320];
	long v;

	trim(f, &s.val, &s.len);
	if (s.len == 0) {
		*out = 0;
		return 0;
	}
	if (tuff_scalar_int(&s, 1, 5, &v) == 0) {
		*out = (unsigned char)v;
		return 0;
	}
	/* Shown in quotes, judged as the plain text it is. */
	q = s;
	q.style = TUFF_DOUBLE;
	tuff_scalar_show(&q, shown, sizeof(shown));
	hint = tuff_scalar_hint(&s, TUFF_T_INT);
	if (*hint != '\0')
		return tuff_seterr(e, name, f->line, f->column, "answer to %s "
		    "must be 1..5 or empty, not %s; %s", hme_item_id(item),
		    shown, hint);
	return tuff_seterr(e, name, f->line, f->column, "answer to %s must "
	    "be 1..5 or empty, not %s", hme_item_id(item), shown);
}

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
	char shown[48];
	size_t len;
	char *p;
	int i;

	if (row->n != ncols)
		return tuff_seterr(e, name, row->line, 1,
		    "row has %zu fields, the header %zu", row->n, ncols);
	memset(r, 0, sizeof(*r));
	f = &row->fields[col[HME_COL_UNIT]];
	trim(f, &s, &len);
	if ((msg = hme_check_unit(s, len)) != NULL)
		return tuff_seterr(e, name, f->line, f->column, "%s", _(msg));
	if (len + 1 > st->cap) {
		if ((p = realloc(st->unit, len + 1)) == NULL)
			return tuff_seterr(e, name, 0, 0, "out of memory");
		st->unit = p;
		st->cap = len + 1;
	}
	memcpy(st->unit, s, len);
	st->unit[len] = '\0';
	r->unit = st->unit;
	r->ulen = len;
	r->file = name;
	r->line = f->line;
	r->column = f->column;
	f = &row->fields[col[HME_COL_PERIOD]];
	trim(f, &s, &len);
	if ((msg = hme_check_period(s, len)) != NULL) {
		snprintf(shown, sizeof(shown), "\"%.*s\"",
		    (int)(len > 40 ? 40 : len), s);
		return tuff_seterr(e, name, f->line, f->column, msg, shown);
	}
	memcpy(st->period, s, len);
	st->period[len] = '\0';
	r->period = st->period;
	for (i = 0; i < HME_NITEMS; i++)
		if (cell_answer(&row->fields[col[HME_COL_ITEM + i]], i,
		    &r->answers[i], name, e) == -1)
			return -1;
	if (col[HME_COL_ID] != NONE) {
		f = &row->fields[col[HME_COL_ID]];
		trim(f, &s, &len);
		if (len > 0) {
			r->id = s;
			r->idlen = len;
			r->idline = f->line;
			r->idcolumn = f->column;
		}
	}
	return 0;
}

/* Excel ends its exports with rows of nothing but delimiters. */
static int
all_empty(const struct csv_row *row)
{
	const char *s;
	size_t i, len;

	for (i = 0; i < row->n; i++) {
		trim(&row->fields[i], &s, &len);
		if (len > 0)
			return 0;
	}
	return 1;
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
	unsigned long rows = 0;
	int n, rc = 0;

	if ((cr = csv_reader_new(fp, name)) == NULL)
		return tuff_seterr(e, name, 0, 0, "out of memory");
	if ((n = csv_read_row(cr, &row, e)) != 1) {
		csv_reader_free(cr);
		if (n == 0)
			return tuff_seterr(e, name, 0, 0, "the file is empty; "
			    "a CSV export starts with a header row");
		return -1;
	}
	if (map_header(in, &row, col, name, e) == -1) {
		csv_reader_free(cr);
		return -1;
	}
	ncols = row.n;
	while (rc == 0 && (n = csv_read_row(cr, &row, e)) == 1) {
		if (all_empty(&row))
			continue;
		rows++;
		/* A problem without a line is out of memory: never skipped. */
		if (row_response(&row, ncols, col, &st, &r, name, e) == -1)
			rc = e->line == 0 ? -1 : hme_input_skip(in, e,
			    HME_SKIP_ROW);
		else
			rc = hme_input_add(in, &r, e);
	}
	if (n == -1)
		rc = -1;
	if (rc == 0 && rows == 0)
		tuff_input_warning(name, 0, 0, "the file has a header but no "
		    "responses");
	free(st.unit);
	csv_reader_free(cr);
	return rc;
}

int
hme_read(struct hme_input *in, FILE *fp, const char *name, int csv,
    struct tuff_error *e)
{
	struct tuff_reader *r;
	size_t len = strlen(name);
	int rc;

	if (csv || (len > 4 && strcasecmp(name + len - 4, ".csv") == 0))
		return hme_read_csv(in, fp, name, e);
	if ((r = tuff_reader_new(fp, name)) == NULL)
		return tuff_seterr(e, name, 0, 0, "out of memory");
	rc = hme_read_yaml(in, r, name, e);
	if (rc == 0 && in->w != NULL) {
		/* The text after the last record (comments) is kept too. */
		const char *tail;
		size_t n;

		tail = tuff_reader_tail(r, &n);
		if (tuff_write_text(in->w, tail, n) == -1)
			rc = tuff_writer_error(in->w, e);
	}
	tuff_reader_free(r);
	return rc;
}
