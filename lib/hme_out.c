/*
 * hme-score's output: an hme-score record per group and the
 * hme-summary (YAML, through the writer), or an aligned table for
 * people.  Write errors are sticky: in the writer until its close, in
 * the stream's error flag for the table.
 */
#include <stdio.h>
#include <string.h>

#include "tuff/hme.h"
#include "tuff/record.h"
#include "width.h"

void
hme_write_score(struct tuff_writer *w, const struct hme_score *sc)
{
	int s;

	tuff_w_begin(w);
	tuff_w_key(w, "kind");
	tuff_w_str(w, "hme-score");
	if (sc->unit != NULL) {
		tuff_w_key(w, "unit");
		tuff_w_str(w, sc->unit);
	}
	if (sc->period != NULL) {
		/* Digits and '-' only: plain, so a year reads as 2018. */
		tuff_w_key(w, "period");
		tuff_w_plain(w, sc->period);
	}
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

/* Columns of the table, in order; which ones show depends on options. */
enum col {
	C_UNIT, C_PERIOD, C_RESP, C_INDEX, C_MOT, C_LEAD, C_GOV, C_PREV,
	C_CHANGE, NCOL
};
static const char *const col_names[NCOL] = {
	"unit", "period", "respondents", "index", "motivation", "leadership",
	"governance", "previous", "change"
};

/* The text of one cell; buf holds at least 64 bytes. */
static const char *
cell(const struct hme_score *sc, enum col c, char *buf)
{
	char d[24];

	switch (c) {
	case C_UNIT:
		return sc->unit;
	case C_PERIOD:
		return sc->period;
	case C_RESP:
		snprintf(buf, 64, "%lu", (unsigned long)sc->respondents);
		return buf;
	case C_INDEX:
		if (sc->suppressed)
			return "*";
		return sc->published & HME_PUB_INDEX ?
		    tuff_fmt_dec1(buf, sc->index) : "-";
	case C_MOT:
	case C_LEAD:
	case C_GOV:
		if (sc->suppressed)
			return "*";
		return sc->published & HME_PUB_SUB(c - C_MOT) ?
		    tuff_fmt_dec1(buf, sc->sub[c - C_MOT]) : "-";
	case C_PREV:
		if (sc->prev_period == NULL)
			return "";
		snprintf(buf, 64, "%s (%s)", tuff_fmt_dec1(d, sc->prev_index),
		    sc->prev_period);
		return buf;
	case C_CHANGE:
		if (sc->prev_period == NULL)
			return "";
		buf[0] = '+';
		tuff_fmt_dec1(buf + (sc->change >= 0), sc->change);
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

static void
table_row(FILE *fp, const struct hme_score *sc, const int show[NCOL],
    const size_t w[NCOL])
{
	char buf[64];
	const char *s;
	size_t owed = 0;
	int c, first = 1;

	for (c = 0; c < NCOL; c++) {
		if (!show[c])
			continue;
		s = sc != NULL ? cell(sc, c, buf) : col_names[c];
		owed += first ? 0 : 2;
		first = 0;
		if (c <= C_PERIOD) {
			put(fp, &owed, s);
			owed += w[c] - tuff_width(s);
		} else {
			owed += w[c] - tuff_width(s);
			put(fp, &owed, s);
		}
	}
	fputc('\n', fp);
}

/*
 * Text columns to the left, numbers to the right, and a legend for the
 * marks.  Trailing blanks of the last text column are kept simple: the
 * number columns follow it.
 */
void
hme_write_table(FILE *fp, const struct hme_config *cf,
    const struct hme_input *in, const struct hme_score *sc, size_t n)
{
	int show[NCOL], c;
	size_t w[NCOL], i, k;
	char buf[64];

	for (c = 0; c < NCOL; c++)
		show[c] = 1;
	show[C_UNIT] = cf->by != HME_BY_PERIOD;
	show[C_PERIOD] = cf->by != HME_BY_UNIT;
	show[C_PREV] = show[C_CHANGE] = cf->trend;
	for (c = 0; c < NCOL; c++) {
		w[c] = tuff_width(col_names[c]);
		for (i = 0; i < n; i++)
			if (show[c] &&
			    (k = tuff_width(cell(&sc[i], c, buf))) > w[c])
				w[c] = k;
	}
	table_row(fp, NULL, show, w);
	for (i = 0; i < n; i++)
		table_row(fp, &sc[i], show, w);
	if (in->skip_invalid)
		fprintf(fp, "%lu response%s scored, %lu invalid skipped\n",
		    (unsigned long)in->responses,
		    in->responses == 1 ? "" : "s",
		    (unsigned long)in->skipped);
	fprintf(fp, "* suppressed, - left out (anonymity threshold: %lu "
	    "respondent%s%s)\n", cf->min_group, cf->min_group == 1 ? "" :
	    "s", cf->rollup ? "; with secondary suppression" : "");
}
