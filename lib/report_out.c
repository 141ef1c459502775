/*
 * tuff-report's writer: the blocks of the report (headings, paragraphs,
 * tables, lists) in Markdown or HTML, Swedish numbers and dates, the
 * HTML page with its style sheet, and report_write, which puts the
 * sections together.
 *
 * Both formats get the same content: the sections call these
 * functions, and only a chart is HTML alone, since its numbers are
 * also in the table that goes with it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"
#include "tuff/diag.h"
#include "report_text.h"
#include "width.h"

#define MINUS	"\xe2\x88\x92"		/* U+2212 */
#define PLUSMINUS "\xc2\xb1"		/* U+00B1 */

char *
rp_dec(struct report *r, long tenths)
{
	long a = labs(tenths);

	return rp_printf(r, "%s%ld,%ld", tenths < 0 ? MINUS : "", a / 10,
	    a % 10);
}

char *
rp_change(struct report *r, long tenths)
{
	long a = labs(tenths);

	return rp_printf(r, "%s%ld,%ld", tenths < 0 ? MINUS : tenths > 0 ?
	    "+" : PLUSMINUS, a / 10, a % 10);
}

char *
rp_date(struct report *r, tuff_day d)
{
	char buf[32];

	return rp_printf(r, "%s", tuff_date_fmt(d, buf));
}

char *
rp_count(struct report *r, long n, enum rp_plural p)
{
	return rp_printf(r, rp_n(p, n), n);
}

int
rp_cmp_str(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return (a == NULL) - (b == NULL);
	return strcmp(a, b);
}

const char *
rp_join(struct report *r, const char *const *s, size_t n)
{
	struct tuff_buf b;
	const char *out;
	size_t i;

	tuff_buf_init(&b);
	for (i = 0; i < n; i++) {
		if (i > 0)
			tuff_buf_puts(&b, rp_t(i + 1 == n ? T_LIST_LAST :
			    T_LIST_SEP));
		tuff_buf_puts(&b, s[i]);
	}
	if (b.err) {
		tuff_warnx("out of memory");
		abort();
	}
	out = rp_printf(r, "%s", b.len > 0 ? b.data : "");
	tuff_buf_free(&b);
	return out;
}

void **
rp_pointers(const struct vec *v, size_t sz)
{
	void **p;
	size_t i;

	if ((p = calloc(v->n > 0 ? v->n : 1, sizeof(*p))) == NULL) {
		tuff_warnx("out of memory");
		abort();
	}
	for (i = 0; i < v->n; i++)
		p[i] = (char *)v->v + i * sz;
	return p;
}

/*
 * Tables.
 */

void
rp_table_init(struct rp_table *t, size_t ncol, const char *const *head,
    const char *align)
{
	memset(t, 0, sizeof(*t));
	t->ncol = ncol;
	t->head = head;
	t->align = align;
}

void
rp_cell(struct rp_table *t, const char *text, const char *cls)
{
	*(const char **)rp_push(&t->cells, sizeof(text)) = text;
	*(const char **)rp_push(&t->cellcls, sizeof(cls)) = cls;
}

void
rp_table_free(struct rp_table *t)
{
	free(t->cells.v);
	free(t->cellcls.v);
	memset(t, 0, sizeof(*t));
}

static const char *
cell_at(const struct rp_table *t, size_t i)
{
	const char *s = i < t->cells.n ? ((const char **)t->cells.v)[i] : NULL;

	return s != NULL ? s : "";
}

/*
 * Markdown: a GitHub table, aligned for a reader of the plain text (a
 * cron mail): every cell escaped first, then padded to its column's
 * width in characters.
 */
static void
md_table(struct rp_out *o, const struct rp_table *t)
{
	size_t nrow = (t->cells.n + t->ncol - 1) / t->ncol, ncell, i, c, w;
	struct tuff_buf *esc;
	size_t *width;

	ncell = (nrow + 1) * t->ncol;
	if ((esc = calloc(ncell, sizeof(*esc))) == NULL ||
	    (width = calloc(t->ncol, sizeof(*width))) == NULL) {
		free(esc);
		o->b->err = 1;
		return;
	}
	for (c = 0; c < t->ncol; c++)
		width[c] = 3;		/* the "---" of the delimiter row */
	for (i = 0; i < ncell; i++) {
		c = i % t->ncol;
		tuff_buf_init(&esc[i]);
		tuff_buf_md(&esc[i], i < t->ncol ? t->head[c] :
		    cell_at(t, i - t->ncol));
		if (esc[i].err)
			o->b->err = 1;
		w = esc[i].len > 0 ? tuff_width(esc[i].data) : 0;
		if (w > width[c])
			width[c] = w;
	}
	if (t->caption != NULL) {
		tuff_buf_putc(o->b, '\n');
		tuff_buf_md(o->b, t->caption);
		tuff_buf_putc(o->b, '\n');
	}
	tuff_buf_putc(o->b, '\n');
	for (i = 0; i < ncell; i++) {
		c = i % t->ncol;
		w = width[c] - (esc[i].len > 0 ? tuff_width(esc[i].data) : 0);
		tuff_buf_puts(o->b, "| ");
		if (t->align[c] == 'r')
			tuff_buf_printf(o->b, "%*s", (int)w, "");
		if (esc[i].len > 0)
			tuff_buf_put(o->b, esc[i].data, esc[i].len);
		if (t->align[c] != 'r')
			tuff_buf_printf(o->b, "%*s", (int)w, "");
		tuff_buf_putc(o->b, ' ');
		if (c + 1 < t->ncol)
			continue;
		tuff_buf_puts(o->b, "|\n");
		if (i >= t->ncol)
			continue;
		/* The delimiter row, under the header. */
		for (c = 0; c < t->ncol; c++) {
			tuff_buf_putc(o->b, '|');
			for (w = 0; w <= width[c]; w++)
				tuff_buf_putc(o->b, '-');
			tuff_buf_putc(o->b, t->align[c] == 'r' ? ':' : '-');
		}
		tuff_buf_puts(o->b, "|\n");
	}
	for (i = 0; i < ncell; i++)
		tuff_buf_free(&esc[i]);
	free(esc);
	free(width);
}

/* HTML: a header row (and a group row above it), the first cell of each
 * row a row header. */
static void
html_table(struct rp_out *o, const struct rp_table *t)
{
	struct tuff_buf *b = o->b;
	const char *cls;
	size_t i, c;

	/* On a narrow screen a wide table scrolls by itself, not the page. */
	tuff_buf_puts(b, "<div class=\"scroll\">\n<table");
	if (t->cls != NULL)
		tuff_buf_printf(b, " class=\"%s\"", t->cls);
	tuff_buf_puts(b, ">\n");
	if (t->caption != NULL) {
		tuff_buf_puts(b, "<caption>");
		tuff_buf_html(b, t->caption);
		tuff_buf_puts(b, "</caption>\n");
	}
	tuff_buf_puts(b, "<thead>\n");
	if (t->ngroup > 0) {
		tuff_buf_puts(b, "<tr class=\"group\">");
		for (i = 0; i < t->ngroup; i++) {
			if (t->group[i] == NULL) {
				tuff_buf_printf(b, "<td colspan=\"%d\"></td>",
				    t->span[i]);
				continue;
			}
			tuff_buf_printf(b, "<th scope=\"colgroup\" "
			    "colspan=\"%d\">", t->span[i]);
			tuff_buf_html(b, t->group[i]);
			tuff_buf_puts(b, "</th>");
		}
		tuff_buf_puts(b, "</tr>\n");
	}
	tuff_buf_puts(b, "<tr>");
	for (c = 0; c < t->ncol; c++) {
		tuff_buf_printf(b, "<th scope=\"col\"%s>",
		    t->align[c] == 'r' ? " class=\"r\"" : "");
		tuff_buf_html(b, t->head[c]);
		tuff_buf_puts(b, "</th>");
	}
	tuff_buf_puts(b, "</tr>\n</thead>\n<tbody>\n");
	for (i = 0; i < t->cells.n; i++) {
		c = i % t->ncol;
		cls = ((const char **)t->cellcls.v)[i];
		if (c == 0)
			tuff_buf_puts(b, "<tr>");
		tuff_buf_puts(b, c == 0 ? "<th scope=\"row\"" : "<td");
		if (t->align[c] != 'l' || cls != NULL)
			tuff_buf_printf(b, " class=\"%s%s%s\"",
			    t->align[c] == 'r' ? "num" : t->align[c] == 'd' ?
			    "date" : "", t->align[c] != 'l' && cls != NULL ?
			    " " : "", cls != NULL ? cls : "");
		tuff_buf_putc(b, '>');
		tuff_buf_html(b, cell_at(t, i));
		tuff_buf_puts(b, c == 0 ? "</th>" : "</td>");
		if (c + 1 == t->ncol || i + 1 == t->cells.n)
			tuff_buf_puts(b, "</tr>\n");
	}
	tuff_buf_puts(b, "</tbody>\n</table>\n</div>\n");
}

void
rp_table(struct rp_out *o, const struct rp_table *t)
{
	if (t->ncol == 0)
		return;
	if (o->html)
		html_table(o, t);
	else
		md_table(o, t);
}

/*
 * Blocks.
 */

void
rp_heading(struct rp_out *o, int level, const char *text, const char *id)
{
	if (o->html) {
		tuff_buf_printf(o->b, "<h%d", level);
		if (id != NULL)
			tuff_buf_printf(o->b, " id=\"%s\"", id);
		tuff_buf_putc(o->b, '>');
		tuff_buf_html(o->b, text);
		tuff_buf_printf(o->b, "</h%d>\n", level);
		return;
	}
	if (level > 1)
		tuff_buf_putc(o->b, '\n');
	tuff_buf_printf(o->b, "%.*s ", level, "######");
	tuff_buf_md(o->b, text);
	tuff_buf_putc(o->b, '\n');
}

void
rp_para_class(struct rp_out *o, const char *cls, const char *text)
{
	if (o->html) {
		tuff_buf_puts(o->b, "<p");
		if (cls != NULL)
			tuff_buf_printf(o->b, " class=\"%s\"", cls);
		tuff_buf_putc(o->b, '>');
		tuff_buf_html(o->b, text);
		tuff_buf_puts(o->b, "</p>\n");
		return;
	}
	tuff_buf_putc(o->b, '\n');
	tuff_buf_md(o->b, text);
	tuff_buf_putc(o->b, '\n');
}

void
rp_para(struct rp_out *o, const char *text)
{
	rp_para_class(o, NULL, text);
}

void
rp_note(struct rp_out *o, const char *text)
{
	rp_para_class(o, "note", text);
}

void
rp_list(struct rp_out *o, const char *const *items, size_t n)
{
	size_t i;

	if (n == 0)
		return;
	tuff_buf_puts(o->b, o->html ? "<ul>\n" : "\n");
	for (i = 0; i < n; i++) {
		if (o->html) {
			tuff_buf_puts(o->b, "<li>");
			tuff_buf_html(o->b, items[i]);
			tuff_buf_puts(o->b, "</li>\n");
		} else {
			tuff_buf_puts(o->b, "- ");
			tuff_buf_md(o->b, items[i]);
			tuff_buf_putc(o->b, '\n');
		}
	}
	if (o->html)
		tuff_buf_puts(o->b, "</ul>\n");
}

/*
 * The key figures: in HTML a row of tiles (cls "alert" or "good" marks
 * one), in Markdown a list of "label: value".
 */
void
rp_facts(struct rp_out *o, const char *const *label, const char *const *value,
    const char *const *cls, size_t n)
{
	size_t i;

	if (!o->html) {
		tuff_buf_putc(o->b, '\n');
		for (i = 0; i < n; i++) {
			tuff_buf_puts(o->b, "- ");
			tuff_buf_md(o->b, rp_printf(o->r, rp_t(T_FACT), label[i],
			    value[i]));
			tuff_buf_putc(o->b, '\n');
		}
		return;
	}
	tuff_buf_puts(o->b, "<ul class=\"facts\" aria-label=\"");
	tuff_buf_html(o->b, rp_t(T_FACTS));
	tuff_buf_puts(o->b, "\">\n");
	for (i = 0; i < n; i++) {
		tuff_buf_puts(o->b, "<li");
		if (cls[i] != NULL)
			tuff_buf_printf(o->b, " class=\"%s\"", cls[i]);
		tuff_buf_puts(o->b, "><span class=\"n\">");
		tuff_buf_html(o->b, value[i]);
		tuff_buf_puts(o->b, "</span> <span class=\"l\">");
		tuff_buf_html(o->b, label[i]);
		tuff_buf_puts(o->b, "</span></li>\n");
	}
	tuff_buf_puts(o->b, "</ul>\n");
}

void
rp_section(struct rp_out *o, const char *id, int newpage)
{
	if (o->html)
		tuff_buf_printf(o->b, "<section class=\"part%s\" "
		    "aria-labelledby=\"%s\">\n", newpage ? " newpage" : "", id);
}

void
rp_section_end(struct rp_out *o)
{
	if (o->html)
		tuff_buf_puts(o->b, "</section>\n");
}

void
rp_div(struct rp_out *o)
{
	if (o->html)
		tuff_buf_puts(o->b, "<div>\n");
}

void
rp_div_end(struct rp_out *o)
{
	if (o->html)
		tuff_buf_puts(o->b, "</div>\n");
}

void
rp_figure(struct rp_out *o, const char *cls)
{
	if (o->html)
		tuff_buf_printf(o->b, "<figure class=\"%s\">\n", cls);
}

void
rp_figure_end(struct rp_out *o)
{
	if (o->html)
		tuff_buf_puts(o->b, "</figure>\n");
}

/*
 * The page: one file that needs nothing from anywhere (no script, no
 * font, no image, no style sheet of its own), readable on a screen and
 * printed on A4, each of the later sections on a new page.
 */
static const char css[] =
":root{color-scheme:light}\n"
"*{box-sizing:border-box}\n"
"body{margin:0;background:#f3f4f6;color:#1f2933;"
"font:15px/1.5 \"Source Sans 3\",\"Noto Sans\",\"DejaVu Sans\","
"\"Liberation Sans\",Arial,sans-serif}\n"
"header,main,footer{max-width:60rem;margin:0 auto;padding:0 1.5rem}\n"
"header{padding-top:2.25rem}\n"
"h1{font-size:1.85rem;font-weight:650;margin:0 0 .3rem;"
"letter-spacing:-.01em}\n"
".lead{color:#52606d;margin:0 0 1.25rem;max-width:46rem}\n"
".facts{display:grid;grid-template-columns:repeat(auto-fit,"
"minmax(7rem,1fr));gap:.6rem;list-style:none;padding:0;"
"margin:0 0 .5rem}\n"
".facts li{background:#fff;border:1px solid #dde2e8;border-top:4px solid "
"#2f5f86;border-radius:4px;padding:.55rem .75rem .6rem}\n"
".facts li.alert{border-top-color:#b5452f}\n"
".facts li.good{border-top-color:#3e7b52}\n"
".facts .n{display:block;font-size:1.6rem;font-weight:650;"
"line-height:1.2;font-variant-numeric:tabular-nums}\n"
".facts .l{display:block;font-size:.76rem;color:#52606d;line-height:1.3}\n"
"section.part{background:#fff;border:1px solid #dde2e8;border-radius:6px;"
"padding:1.1rem 1.5rem 1.25rem;margin:1.1rem 0}\n"
"h2{font-size:1.3rem;font-weight:650;margin:0 0 .6rem;"
"padding-bottom:.35rem;border-bottom:2px solid #2f5f86}\n"
"h3{font-size:1.05rem;font-weight:650;margin:1.4rem 0 .35rem}\n"
"h4{font-size:.95rem;font-weight:650;margin:1rem 0 .25rem}\n"
"p{margin:.4rem 0 .6rem;max-width:46rem}\n"
"p.note{color:#52606d;font-size:.85rem;margin-top:0}\n"
"ul{margin:.3rem 0 .8rem;padding-left:1.3rem}\n"
"li{margin:.15rem 0}\n"
"table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem;"
"font-size:.88rem}\n"
"caption{text-align:left;font-weight:650;color:#323f4b;padding:0 0 .25rem}\n"
"th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;"
"border-bottom:1px solid #e4e7eb}\n"
"thead th{border-bottom:2px solid #9aa5b1;color:#323f4b;font-weight:650}\n"
"tbody th{font-weight:600}\n"
"tr.group th{border-bottom:0;text-align:center;color:#52606d;"
"font-size:.78rem;font-weight:600;padding-bottom:0}\n"
"tr.group td{border-bottom:0}\n"
".num{text-align:right;font-variant-numeric:tabular-nums;"
"white-space:nowrap}\n"
"th.r{text-align:right}\n"
".date{white-space:nowrap;font-variant-numeric:tabular-nums}\n"
"td.pain{color:#9b3b28}\n"
"td.down{color:#9b3b28}\n"
"td.alert{color:#b5452f;font-weight:600}\n"
"td.ok{background:#e7f1e9}\n"
"td.miss{background:#f9e6df}\n"
"td.none{color:#9aa5b1}\n"
"table.tbls{font-size:.8rem}\n"
"table.tbls th,table.tbls td{padding:.3rem .35rem}\n"
"table.tbls td,table.tbls thead th{text-align:center}\n"
"table.tbls thead th{font-size:.72rem}\n"
"table.tbls thead th:first-child{text-align:left}\n"
"table.data{width:auto;min-width:13rem;font-size:.78rem;margin:.2rem 0 0}\n"
"table.data caption{font-size:.8rem}\n"
"table.data th,table.data td{padding:.12rem .45rem}\n"
"table.celebrate tbody th::before{content:\"\\2605\\00a0\";"
"color:#c99a1e}\n"
"figure{margin:.6rem 0 1.1rem;display:flex;flex-wrap:wrap;"
"gap:1rem 2rem;align-items:flex-start}\n"
"figure>div{flex:0 1 auto;max-width:100%;min-width:0}\n"
".scroll{overflow-x:auto}\n"
"svg{display:block;max-width:100%;height:auto}\n"
"svg text{font-size:11px;fill:#3e4c59}\n"
"svg .tick{font-size:10px;fill:#616e7c}\n"
"svg .axis-title{font-size:10px;fill:#52606d;font-weight:600}\n"
"svg .grid{stroke:#e4e7eb;stroke-width:1}\n"
"svg .base{stroke:#9aa5b1;stroke-width:1}\n"
"svg .line{fill:none;stroke:#2f5f86;stroke-width:2.5;"
"stroke-linejoin:round;stroke-linecap:round}\n"
"svg .dot{fill:#2f5f86;stroke:#fff;stroke-width:1.5}\n"
"svg .gap{fill:#7b8794;font-style:italic;font-size:10px}\n"
"svg .gapmark{stroke:#9aa5b1;stroke-width:1.5;stroke-dasharray:3 3}\n"
"svg .bar{fill:#2f5f86}\n"
"svg .bar-first{fill:#b5452f}\n"
"svg .track{fill:#eef1f4}\n"
"svg .val{font-weight:650;fill:#1f2933}\n"
"svg .pain{fill:#b5452f;stroke:#fff;stroke-width:1.5}\n"
"svg .band0{fill:#f7f8fa}\n"
"svg .band1{fill:#edf0f4}\n"
"svg .stage{font-size:10px;font-weight:650;fill:#52606d}\n"
"svg .d1{fill:#b5452f}\n"
"svg .d2{fill:#e0a28c}\n"
"svg .d3{fill:#d3d8de}\n"
"svg .d4{fill:#8db0cc}\n"
"svg .d5{fill:#2f5f86}\n"
"footer{color:#616e7c;font-size:.8rem;padding-bottom:2rem}\n"
"footer p{margin:.2rem 0}\n"
"@media print{\n"
"@page{size:A4;margin:16mm 14mm}\n"
"body{background:#fff;font-size:10pt}\n"
".facts{grid-template-columns:repeat(auto-fit,minmax(5.2rem,1fr));"
"gap:.4rem}\n"
".facts li{padding:.35rem .5rem .4rem}\n"
".facts .n{font-size:1.3rem}\n"
".facts .l{font-size:.68rem}\n"
"header{margin-bottom:.8rem}\n"
".scroll{overflow:visible}\n"
"table.tbls,table.data{font-size:7.5pt}\n"
"table.tbls thead th{font-size:7pt}\n"
"table.tbls th,table.tbls td{padding:.25rem}\n"
"table.data th,table.data td{padding:.1rem .3rem}\n"
"header,main,footer{max-width:none;padding:0}\n"
"header{padding-top:0}\n"
"section.part{border:0;border-radius:0;padding:0;margin:0 0 1rem}\n"
"section.newpage{break-before:page}\n"
"figure,tr,.facts li,h3+p{break-inside:avoid}\n"
"h2,h3,h4,caption{break-after:avoid}\n"
"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
"}\n";

void
rp_begin(struct rp_out *o, const char *title)
{
	if (!o->html) {
		rp_heading(o, 1, title, NULL);
		return;
	}
	tuff_buf_puts(o->b, "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n<title>");
	tuff_buf_html(o->b, title);
	tuff_buf_puts(o->b, "</title>\n<style>\n");
	tuff_buf_puts(o->b, css);
	tuff_buf_puts(o->b, "</style>\n</head>\n<body>\n<header>\n");
	rp_heading(o, 1, title, NULL);
}

void
rp_end(struct rp_out *o)
{
	if (o->html)
		tuff_buf_puts(o->b, "</body>\n</html>\n");
}

int
report_write(struct report *r, FILE *fp)
{
	struct tuff_buf b;
	struct rp_out o;
	const char *title;
	int rc = 0;

	tuff_buf_init(&b);
	memset(&o, 0, sizeof(o));
	o.r = r;
	o.b = &b;
	o.html = r->o.format == REPORT_HTML;
	title = r->o.title != NULL ? r->o.title :
	    rp_printf(r, rp_t(T_TITLE), rp_date(r, r->as_of));
	rp_begin(&o, title);
	rp_summary(&o);
	if (o.html)
		tuff_buf_puts(&b, "</header>\n<main>\n");
	rp_assignments(&o);
	rp_celebrate(&o);
	rp_tbls(&o);
	rp_hme(&o);
	rp_journeys(&o);
	if (o.html)
		tuff_buf_puts(&b, "</main>\n");
	rp_footnote(&o);
	rp_end(&o);
	if (b.err) {
		errno = ENOMEM;
		rc = -1;
	} else if (fwrite(b.data, 1, b.len, fp) != b.len)
		rc = -1;
	tuff_buf_free(&b);
	return rc;
}
