/*
 * hme-score's output: an hme-score record per group (with its nine
 * hme-item records when asked) and the hme-summary, as YAML through the
 * writer; the same as one CSV table; or aligned tables for people.
 * Write errors are sticky: in the writer until its close, in the
 * stream's error flag otherwise.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/csv.h"
#include "tuff/diag.h"
#include "tuff/hme.h"
#include "tuff/i18n.h"
#include "tuff/record.h"
#include "width.h"

/* A record of kind about the group sc: its kind, unit and period. */
static void
begin_group(struct tuff_writer *w, const char *kind,
    const struct hme_score *sc)
{
	tuff_w_begin(w);
	tuff_w_key(w, "kind");
	tuff_w_str(w, kind);
	if (sc->unit != NULL) {
		tuff_w_key(w, "unit");
		tuff_w_str(w, sc->unit);
	}
	if (sc->period != NULL) {
		/* Digits and '-' only: plain, so a year reads as 2018. */
		tuff_w_key(w, "period");
		tuff_w_plain(w, sc->period);
	}
}

static void
write_item(struct tuff_writer *w, const struct hme_score *sc, int i)
{
	char key[2] = "1";
	int v;

	begin_group(w, "hme-item", sc);
	tuff_w_key(w, "item");
	tuff_w_str(w, hme_item_id(i));
	tuff_w_key(w, "text");
	tuff_w_str(w, hme_item_text(i));
	tuff_w_key(w, "answered");
	tuff_w_int(w, (long)sc->answered[i]);
	if (!(sc->item_pub & (1U << i))) {
		tuff_w_key(w, "suppressed");
		tuff_w_bool(w, 1);
	} else {
		tuff_w_key(w, "distribution");
		tuff_w_map_begin(w);
		for (v = 0; v < 5; v++) {
			/* Plain: the answers are the integers 1 to 5. */
			key[0] = (char)('1' + v);
			tuff_w_plain(w, key);
			tuff_w_int(w, (long)sc->dist[i][v]);
		}
		tuff_w_map_end(w);
		tuff_w_key(w, "index");
		tuff_w_dec1(w, sc->item[i]);
	}
	tuff_w_end(w);
}

void
hme_write_score(struct tuff_writer *w, const struct hme_score *sc, int items)
{
	int s;

	begin_group(w, "hme-score", sc);
	tuff_w_key(w, "respondents");
	tuff_w_int(w, (long)sc->respondents);
	if (sc->suppressed) {
		tuff_w_key(w, "suppressed");
		tuff_w_bool(w, 1);
	}
	if (sc->published & HME_PUB_INDEX) {
		tuff_w_key(w, "index");
		tuff_w_dec1(w, sc->index);
	}
	for (s = 0; s < HME_NSUBS; s++)
		if (sc->published & HME_PUB_SUB(s)) {
			tuff_w_key(w, hme_subindex_name(s));
			tuff_w_dec1(w, sc->sub[s]);
		}
	if (sc->prev_period != NULL) {
		tuff_w_key(w, "previous");
		tuff_w_map_begin(w);
		tuff_w_key(w, "period");
		tuff_w_plain(w, sc->prev_period);
		tuff_w_key(w, "index");
		tuff_w_dec1(w, sc->prev_index);
		tuff_w_map_end(w);
		tuff_w_key(w, "change");
		tuff_w_dec1(w, sc->change);
	}
	tuff_w_end(w);
	for (s = 0; items && s < HME_NITEMS; s++)
		write_item(w, sc, s);
}

void
hme_write_summary(struct tuff_writer *w, const struct hme_input *in)
{
	tuff_w_begin(w);
	tuff_w_key(w, "kind");
	tuff_w_str(w, "hme-summary");
	tuff_w_key(w, "responses");
	tuff_w_int(w, (long)in->responses);
	tuff_w_key(w, "skipped");
	tuff_w_int(w, (long)in->skipped);
	tuff_w_end(w);
}

/*
 * The table.  A cell's text is made in a buffer of CELL bytes: a unit
 * escaped (a newline in it must not fake a row) fits, at four bytes a
 * byte, in TUFF_MAX_SCALAR * 4.
 */
#define CELL	(4 * TUFF_MAX_SCALAR + 64)

/* Columns of the table, in order; which ones show depends on options. */
enum col {
	C_UNIT, C_PERIOD, C_RESP, C_INDEX, C_MOT, C_LEAD, C_GOV, C_PREV,
	C_CHANGE, NCOL
};
/* The headings, looked up where used (the YAML keys stay English). */
static const char *const col_names[NCOL] = {
	/* TRANSLATORS: headings of hme-score's table: the unit, the
	 * period, how many answered, the HME total index, its three
	 * subindexes, the previous period's index and the change since. */
	N_("unit"), N_("period"), N_("respondents"), N_("index"),
	N_("motivation"), N_("leadership"), N_("governance"), N_("previous"),
	N_("change")
};

/*
 * tenths as a figure for people, in buf: "82.5", or "82,5" when the
 * user's LC_NUMERIC writes a decimal comma (the process's own stays
 * "C", so tuff_fmt_dec1 always writes a point).
 */
static char *
fmt_figure(char *buf, long tenths)
{
	char *p;

	tuff_fmt_dec1(buf, tenths);
	if (tuff_decimal_comma() && (p = strchr(buf, '.')) != NULL)
		*p = ',';
	return buf;
}

/* The text of one cell, in buf (CELL bytes) or a literal. */
static const char *
cell(const struct hme_score *sc, enum col c, char *buf)
{
	char d[24];

	switch (c) {
	case C_UNIT:
		tuff_escape(buf, CELL, sc->unit, strlen(sc->unit));
		return buf;
	case C_PERIOD:
		return sc->period;
	case C_RESP:
		snprintf(buf, CELL, "%lu", (unsigned long)sc->respondents);
		return buf;
	case C_INDEX:
		if (sc->suppressed)
			return "*";
		return sc->published & HME_PUB_INDEX ?
		    fmt_figure(buf, sc->index) : "-";
	case C_MOT:
	case C_LEAD:
	case C_GOV:
		if (sc->suppressed)
			return "*";
		return sc->published & HME_PUB_SUB(c - C_MOT) ?
		    fmt_figure(buf, sc->sub[c - C_MOT]) : "-";
	case C_PREV:
		if (sc->prev_period == NULL)
			return "";
		snprintf(buf, CELL, "%s (%s)", fmt_figure(d, sc->prev_index),
		    sc->prev_period);
		return buf;
	case C_CHANGE:
		if (sc->prev_period == NULL)
			return "";
		buf[0] = '+';
		fmt_figure(buf + (sc->change >= 0), sc->change);
		return buf;
	default:
		return "";
	}
}

/* Spaces owed before the next text, so no line ends in blanks. */
static void
put(FILE *fp, size_t *owed, const char *s)
{
	if (*s == '\0')
		return;
	fprintf(fp, "%*s%s", (int)*owed, "", s);
	*owed = 0;
}

/* One cell: text to the left, numbers to the right of width w. */
static void
put_cell(FILE *fp, size_t *owed, const char *s, size_t w, int left)
{
	if (left) {
		put(fp, owed, s);
		*owed += w - tuff_width(s);
	} else {
		*owed += w - tuff_width(s);
		put(fp, owed, s);
	}
}

static void
table_row(FILE *fp, const struct hme_score *sc, const int show[NCOL],
    const size_t w[NCOL], char *buf)
{
	size_t owed = 0;
	int c, first = 1;

	for (c = 0; c < NCOL; c++) {
		if (!show[c])
			continue;
		owed += first ? 0 : 2;
		first = 0;
		put_cell(fp, &owed, sc != NULL ? cell(sc, c, buf) :
		    _(col_names[c]), w[c], c <= C_PERIOD);
	}
	fputc('\n', fp);
}

/* Columns of a group's table of questions. */
enum icol {
	I_ITEM, I_ANSWERED, I_1, I_2, I_3, I_4, I_5, I_INDEX, I_TEXT, NICOL
};
static const char *const icol_names[NICOL] = {
	/* TRANSLATORS: headings of the table of questions (--items): the
	 * question's id, how many answered it, how many gave each answer
	 * 1 to 5 (not translated), its index and its wording. */
	N_("item"), N_("answered"), "1", "2", "3", "4", "5", N_("index"),
	N_("text")
};

/* A heading of the table of questions, in the user's language. */
static const char *
icol_name(enum icol c)
{
	return c >= I_1 && c <= I_5 ? icol_names[c] : _(icol_names[c]);
}

static const char *
icell(const struct hme_score *sc, int i, enum icol c, char *buf)
{
	int pub = sc->item_pub >> i & 1;

	switch (c) {
	case I_ITEM:
		return hme_item_id(i);
	case I_ANSWERED:
		snprintf(buf, 32, "%lu", (unsigned long)sc->answered[i]);
		return buf;
	case I_INDEX:
		return pub ? fmt_figure(buf, sc->item[i]) : "*";
	case I_TEXT:
		return hme_item_text(i);
	default:
		if (!pub)
			return "*";
		snprintf(buf, 32, "%lu",
		    (unsigned long)sc->dist[i][c - I_1]);
		return buf;
	}
}

/* A group's questions: a heading naming it, then one row each. */
static void
items_table(FILE *fp, const struct hme_score *sc, char *buf)
{
	size_t w[NICOL], k, owed;
	char num[32];
	int c, i;

	/* The group: its unit (escaped) and period, two spaces apart. */
	buf[0] = '\0';
	if (sc->unit != NULL)
		tuff_escape(buf, CELL - 16, sc->unit, strlen(sc->unit));
	if (sc->period != NULL)
		snprintf(buf + strlen(buf), 16, "%s%s", sc->unit != NULL ?
		    "  " : "", sc->period);
	fputc('\n', fp);
	/* TRANSLATORS: the heading of a group's table of questions: the
	 * unit and period, then how many answered. */
	fprintf(fp, P_("%s (%lu respondent)\n", "%s (%lu respondents)\n",
	    sc->respondents), buf, (unsigned long)sc->respondents);
	for (c = 0; c < NICOL; c++) {
		w[c] = tuff_width(icol_name(c));
		for (i = 0; i < HME_NITEMS; i++)
			if ((k = tuff_width(icell(sc, i, c, num))) > w[c])
				w[c] = k;
	}
	for (i = -1; i < HME_NITEMS; i++) {
		owed = 0;
		for (c = 0; c < NICOL; c++) {
			owed += c > 0 ? 2 : 0;
			put_cell(fp, &owed, i < 0 ? icol_name(c) :
			    icell(sc, i, c, num), w[c], c == I_ITEM ||
			    c == I_TEXT);
		}
		fputc('\n', fp);
	}
}

/*
 * Under --skip-invalid, how many responses were scored and how many
 * skipped: each count with its own plural, so two clauses.
 */
static void
summary(FILE *fp, const struct hme_input *in)
{
	char scored[64], skipped[64];

	snprintf(scored, sizeof(scored), P_("%lu response scored",
	    "%lu responses scored", in->responses),
	    (unsigned long)in->responses);
	snprintf(skipped, sizeof(skipped), P_("%lu invalid skipped",
	    "%lu invalid skipped", in->skipped), (unsigned long)in->skipped);
	/* TRANSLATORS: the two clauses above, "12 responses scored" and
	 * "1 invalid skipped", as one line under the table. */
	fprintf(fp, _("%s, %s\n"), scored, skipped);
}

/* What the marks in the table mean, and the threshold they follow. */
static void
legend(FILE *fp, const struct hme_config *cf)
{
	unsigned long n = cf->min_group;

	if (cf->method == HME_METHOD_RESPONDENT)
		/* TRANSLATORS: the legend under hme-score's table: "*"
		 * marks a group with too few respondents to publish
		 * anything, "-" a figure left out (too few answers, or held
		 * back so that none can be computed); the threshold is
		 * --min-group; "respondent" is --method's value. */
		fprintf(fp, P_("* suppressed, - left out (anonymity threshold: "
		    "%lu respondent; respondent method)\n",
		    "* suppressed, - left out (anonymity threshold: "
		    "%lu respondents; respondent method)\n", n), n);
	else
		/* TRANSLATORS: the legend under hme-score's table, as
		 * above, for the default method. */
		fprintf(fp, P_("* suppressed, - left out (anonymity threshold: "
		    "%lu respondent)\n",
		    "* suppressed, - left out (anonymity threshold: "
		    "%lu respondents)\n", n), n);
}

/*
 * Text columns to the left, numbers to the right, and a legend for the
 * marks.  No groups, no table.  Figures take the user's decimal comma.
 */
int
hme_write_table(FILE *fp, const struct hme_config *cf,
    const struct hme_input *in, const struct hme_score *sc, size_t n,
    int items)
{
	int show[NCOL], c;
	size_t w[NCOL], i, k;
	char *buf;

	if ((buf = malloc(CELL)) == NULL)
		return -1;
	for (c = 0; c < NCOL; c++)
		show[c] = 1;
	show[C_UNIT] = cf->by != HME_BY_PERIOD;
	show[C_PERIOD] = cf->by != HME_BY_UNIT;
	show[C_PREV] = show[C_CHANGE] = cf->trend;
	for (c = 0; c < NCOL; c++) {
		w[c] = tuff_width(_(col_names[c]));
		for (i = 0; i < n; i++)
			if (show[c] &&
			    (k = tuff_width(cell(&sc[i], c, buf))) > w[c])
				w[c] = k;
	}
	if (n > 0) {
		table_row(fp, NULL, show, w, buf);
		for (i = 0; i < n; i++)
			table_row(fp, &sc[i], show, w, buf);
	}
	for (i = 0; items && i < n; i++)
		items_table(fp, &sc[i], buf);
	if (in->skip_invalid)
		summary(fp, in);
	if (n > 0)
		legend(fp, cf);
	free(buf);
	return 0;
}

/* The CSV table's columns: the records' keys, "." for a nested one. */
enum ccol {
	K_KIND, K_UNIT, K_PERIOD, K_RESP, K_SUPP, K_INDEX, K_MOT, K_LEAD,
	K_GOV, K_PREV_PERIOD, K_PREV_INDEX, K_CHANGE, K_ITEM, K_TEXT,
	K_ANSWERED, K_D1, K_D2, K_D3, K_D4, K_D5, K_RESPONSES, K_SKIPPED,
	NCCOL
};
static const char *const ccol_names[NCCOL] = {
	"kind", "unit", "period", "respondents", "suppressed", "index",
	"motivation", "leadership", "governance", "previous.period",
	"previous.index", "change", "item", "text", "answered",
	"distribution.1", "distribution.2", "distribution.3",
	"distribution.4", "distribution.5", "responses", "skipped"
};

struct csvout {
	FILE		*fp;
	char		 delim;
	int		 swedish;
	const int	*show;
	const char	*v[NCCOL];	/* this row's cells, NULL empty */
	char		 num[NCCOL][32];
};

static void
csv_num(struct csvout *o, enum ccol c, unsigned long v)
{
	snprintf(o->num[c], sizeof(o->num[c]), "%lu", v);
	o->v[c] = o->num[c];
}

/* One decimal; a comma for Swedish spreadsheets, so it is a number. */
static void
csv_dec1(struct csvout *o, enum ccol c, long tenths)
{
	char *p;

	tuff_fmt_dec1(o->num[c], tenths);
	if (o->swedish && (p = strchr(o->num[c], '.')) != NULL)
		*p = ',';
	o->v[c] = o->num[c];
}

static void
csv_row(struct csvout *o)
{
	int c, first = 1;

	for (c = 0; c < NCCOL; c++) {
		if (!o->show[c])
			continue;
		if (!first)
			putc(o->delim, o->fp);
		first = 0;
		if (o->v[c] != NULL)
			csv_write_field(o->fp, o->v[c], strlen(o->v[c]),
			    o->delim);
	}
	fputs(o->swedish ? "\r\n" : "\n", o->fp);
	memset(o->v, 0, sizeof(o->v));
}

static void
csv_score(struct csvout *o, const struct hme_score *sc)
{
	int s;

	o->v[K_KIND] = "hme-score";
	o->v[K_UNIT] = sc->unit;
	o->v[K_PERIOD] = sc->period;
	csv_num(o, K_RESP, (unsigned long)sc->respondents);
	if (sc->suppressed)
		o->v[K_SUPP] = "true";
	if (sc->published & HME_PUB_INDEX)
		csv_dec1(o, K_INDEX, sc->index);
	for (s = 0; s < HME_NSUBS; s++)
		if (sc->published & HME_PUB_SUB(s))
			csv_dec1(o, K_MOT + s, sc->sub[s]);
	if (sc->prev_period != NULL) {
		o->v[K_PREV_PERIOD] = sc->prev_period;
		csv_dec1(o, K_PREV_INDEX, sc->prev_index);
		csv_dec1(o, K_CHANGE, sc->change);
	}
	csv_row(o);
}

static void
csv_item(struct csvout *o, const struct hme_score *sc, int i)
{
	int v;

	o->v[K_KIND] = "hme-item";
	o->v[K_UNIT] = sc->unit;
	o->v[K_PERIOD] = sc->period;
	o->v[K_ITEM] = hme_item_id(i);
	o->v[K_TEXT] = hme_item_text(i);
	csv_num(o, K_ANSWERED, (unsigned long)sc->answered[i]);
	if (!(sc->item_pub & (1U << i)))
		o->v[K_SUPP] = "true";
	else {
		for (v = 0; v < 5; v++)
			csv_num(o, K_D1 + v, (unsigned long)sc->dist[i][v]);
		csv_dec1(o, K_INDEX, sc->item[i]);
	}
	csv_row(o);
}

void
hme_write_csv(FILE *fp, const struct hme_config *cf,
    const struct hme_input *in, const struct hme_score *sc, size_t n,
    int items, int swedish)
{
	struct csvout o;
	int show[NCCOL], c;
	size_t i;

	memset(&o, 0, sizeof(o));
	o.fp = fp;
	o.swedish = swedish;
	o.delim = swedish ? ';' : ',';
	o.show = show;
	for (c = 0; c < NCCOL; c++)
		show[c] = 1;
	show[K_UNIT] = cf->by != HME_BY_PERIOD;
	show[K_PERIOD] = cf->by != HME_BY_UNIT;
	show[K_PREV_PERIOD] = show[K_PREV_INDEX] = show[K_CHANGE] = cf->trend;
	for (c = K_ITEM; c <= K_D5; c++)
		show[c] = items;
	show[K_RESPONSES] = show[K_SKIPPED] = in->skip_invalid;
	if (swedish)
		fputs("\xef\xbb\xbf", fp);
	for (c = 0; c < NCCOL; c++)
		o.v[c] = ccol_names[c];
	csv_row(&o);
	for (i = 0; i < n; i++) {
		csv_score(&o, &sc[i]);
		for (c = 0; items && c < HME_NITEMS; c++)
			csv_item(&o, &sc[i], c);
	}
	if (in->skip_invalid) {
		o.v[K_KIND] = "hme-summary";
		csv_num(&o, K_RESPONSES, (unsigned long)in->responses);
		csv_num(&o, K_SKIPPED, (unsigned long)in->skipped);
		csv_row(&o);
	}
}

int
hme_write(FILE *fp, struct tuff_writer *w, const struct hme_config *cf,
    const struct hme_input *in, const struct hme_score *sc, size_t n,
    enum hme_format format, int items)
{
	size_t i;

	switch (format) {
	case HME_FORMAT_YAML:
		for (i = 0; i < n; i++)
			hme_write_score(w, &sc[i], items);
		if (in->skip_invalid)
			hme_write_summary(w, in);
		return 0;
	case HME_FORMAT_TABLE:
		if (hme_write_table(fp, cf, in, sc, n, items) == -1)
			return -1;
		break;
	case HME_FORMAT_CSV:
	case HME_FORMAT_CSV_SV:
		hme_write_csv(fp, cf, in, sc, n, items,
		    format == HME_FORMAT_CSV_SV);
		break;
	}
	if (in->foreign > 0)
		tuff_diag("warning", NULL, 0, 0, P_("%lu record of another "
		    "kind is not shown", "%lu records of other kinds are not "
		    "shown", in->foreign), (unsigned long)in->foreign);
	return 0;
}
