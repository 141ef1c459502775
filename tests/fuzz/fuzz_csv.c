/*
 * libFuzzer target for the CSV reader.
 *
 * Whatever the bytes, reading ends in 0 or in -1 with an error that
 * names the input; rows keep the promises of include/tuff/csv.h (field
 * counts, lengths, NUL-terminated values without NULs, positions in
 * order).  Every input read is then written back with every field
 * quoted and must read back as the same rows.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/csv.h"

#define NAME	"fuzz.csv"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
finding(const char *what)
{
	fprintf(stderr, "fuzz_csv: %s\n", what);
	abort();
}

/* Positions within a row only move forward. */
static void
check_row(const struct csv_row *row)
{
	const struct csv_field *f, *p;
	size_t i;

	if (row->n == 0 || row->n > CSV_MAX_FIELDS)
		finding("field count out of range");
	if (row->line != row->fields[0].line)
		finding("row and first field start apart");
	for (i = 0; i < row->n; i++) {
		f = &row->fields[i];
		if (f->len > CSV_MAX_FIELD || f->s[f->len] != '\0' ||
		    strlen(f->s) != f->len)
			finding("field breaks its promise");
		if (f->line == 0 || f->column == 0)
			finding("field without a position");
		if (i == 0)
			continue;
		p = &row->fields[i - 1];
		if (f->line < p->line ||
		    (f->line == p->line && f->column <= p->column))
			finding("fields out of order");
	}
}

/* 1 + the line feeds in the input: the reader's last line. */
static unsigned long
lines(const uint8_t *p, size_t n)
{
	unsigned long k = 1;

	while (n-- > 0)
		k += *p++ == '\n';
	return k;
}

/* Write one row, every field quoted, with delimiter d. */
static void
write_row(FILE *fp, const struct csv_row *row, int d)
{
	const char *s;
	size_t i;

	for (i = 0; i < row->n; i++) {
		if (i > 0)
			putc(d, fp);
		putc('"', fp);
		for (s = row->fields[i].s; *s != '\0'; s++) {
			if (*s == '"')
				putc('"', fp);
			putc(*s, fp);
		}
		putc('"', fp);
	}
	fputs("\r\n", fp);
}

/* Read all of data, writing what was read to out (when not NULL).
 * Returns the last status of csv_read_row. */
static int
read_all(const uint8_t *data, size_t size, FILE *out)
{
	struct csv_reader *r;
	struct csv_row row;
	struct tuff_error e;
	FILE *fp;
	int rc, d = ',';
	size_t n = 0;

	if ((fp = fmemopen((void *)data, size, "r")) == NULL)
		abort();
	if ((r = csv_reader_new(fp, NAME)) == NULL)
		abort();
	while ((rc = csv_read_row(r, &row, &e)) == 1) {
		check_row(&row);
		if (csv_delimiter(r) != ',' && csv_delimiter(r) != ';')
			finding("strange delimiter");
		/* A one-field header shows no delimiter to detect. */
		if (n++ == 0 && row.n > 1)
			d = csv_delimiter(r);
		if (out != NULL)
			write_row(out, &row, d);
	}
	if (rc == -1) {
		if (e.file == NULL || strcmp(e.file, NAME) != 0 ||
		    e.msg[0] == '\0' || e.line == 0 || e.column == 0)
			finding("error without file, message or position");
		if (e.line > lines(data, size) || e.column > size + 1)
			finding("error position outside the input");
		/* The reader stays failed. */
		if (csv_read_row(r, &row, &e) != -1)
			finding("reader went on after an error");
	}
	csv_reader_free(r);
	fclose(fp);
	return rc;
}

/* Compare the rows of two inputs. */
static void
compare(const uint8_t *a, size_t alen, const char *b, size_t blen)
{
	struct csv_reader *ra, *rb;
	struct csv_row x, y;
	struct tuff_error e;
	FILE *fa, *fb;
	size_t i;
	int rca, rcb;

	if ((fa = fmemopen((void *)a, alen, "r")) == NULL ||
	    (fb = fmemopen((void *)b, blen, "r")) == NULL ||
	    (ra = csv_reader_new(fa, NAME)) == NULL ||
	    (rb = csv_reader_new(fb, NAME)) == NULL)
		abort();
	do {
		rca = csv_read_row(ra, &x, &e);
		rcb = csv_read_row(rb, &y, &e);
		if (rca != rcb) {
			fprintf(stderr, "%s\n", e.msg);
			finding("rows written back do not read back");
		}
		if (rca != 1)
			break;
		if (x.n != y.n)
			finding("rows read back with another width");
		for (i = 0; i < x.n; i++)
			if (x.fields[i].len != y.fields[i].len ||
			    memcmp(x.fields[i].s, y.fields[i].s,
			    x.fields[i].len) != 0 || !y.fields[i].quoted)
				finding("a field reads back different");
	} while (rca == 1);
	csv_reader_free(ra);
	csv_reader_free(rb);
	fclose(fa);
	fclose(fb);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *out;
	char *buf = NULL;
	size_t len = 0;

	if ((out = open_memstream(&buf, &len)) == NULL)
		abort();
	if (read_all(data, size, out) == 0) {
		fclose(out);
		/* Quoting can double a row past the row limit. */
		if (len <= CSV_MAX_ROW)
			compare(data, size, buf, len);
	} else
		fclose(out);
	free(buf);
	return 0;
}
