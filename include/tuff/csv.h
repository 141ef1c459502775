/*
 * A streaming reader for CSV exports of survey tools (RFC 4180 with the
 * variations those tools write).
 *
 * The first row read is the header; every later call returns a data
 * row.  The delimiter, ',' or ';', is chosen from the header line: the
 * one occurring more often outside quotes wins, a tie or neither means
 * ','.  A UTF-8 byte order mark at the start is skipped.  Lines end in
 * LF or CRLF; a carriage return inside quotes is data, outside quotes it
 * must be followed by LF.  A field starting with '"' is quoted: it ends
 * at the next lone '"', may hold delimiters and line ends, and "" stands
 * for one '"'; only a delimiter or a line end may follow the closing
 * quote.  Any other field is taken as it is, quotes and spaces included.
 * Empty lines (nothing but the line end) are skipped; they still count
 * for line numbers.
 *
 * Errors: a byte that is not UTF-8 (the first one, with how to convert
 * the file from Windows-1252), a file in UTF-16 (by its byte order
 * mark), a NUL byte, a quote left open at the end of the input, text
 * after a closing quote, a bare carriage return, and input beyond the
 * limits below.  Each is reported with the file name,
 * the 1-based line and the 1-based column counted in characters (the
 * BOM is not counted) of the offending byte or field.  The reader never
 * prints and never exits.
 *
 * Rows with a different number of fields than the header are returned
 * as they are: the caller decides (csv_columns gives the header's).
 */
#ifndef TUFF_CSV_H
#define TUFF_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "tuff.h"

/* Limits, so bad input never eats memory. */
#define CSV_MAX_FIELD	(64UL * 1024)	/* bytes of one field's value */
#define CSV_MAX_ROW	(1024UL * 1024)	/* bytes of input for one row,
					   its line end included */
#define CSV_MAX_FIELDS	1024		/* fields in one row */

struct csv_field {
	const char	*s;		/* the value, NUL-terminated, no NULs */
	size_t		 len;		/* its length in bytes */
	unsigned long	 line;		/* 1-based, where the field starts */
	unsigned long	 column;	/* 1-based, in characters */
	int		 quoted;	/* written in quotes */
};

struct csv_row {
	const struct csv_field	*fields;
	size_t			 n;	/* 1 ... CSV_MAX_FIELDS */
	unsigned long		 line;	/* where the row starts */
};

struct csv_reader;

/*
 * A reader on fp, which it does not own or close.  name is what errors
 * call the input ("<stdin>" for standard input); it must outlive the
 * reader and every error filled by it.  NULL on ENOMEM.
 */
struct csv_reader	*csv_reader_new(FILE *fp, const char *name);
void			 csv_reader_free(struct csv_reader *);

/*
 * Read the next row into row: the header on the first call, then the
 * data rows.  Returns 1 with row filled, 0 at the end of the input, or
 * -1 with e filled.  The row and its strings stay valid until the next
 * call or csv_reader_free.  After -1 the reader is done: every later
 * call returns -1 with the same error.  An input with no rows (empty,
 * or only a BOM and empty lines) returns 0 at once.
 */
int	csv_read_row(struct csv_reader *, struct csv_row *row,
	    struct tuff_error *e);

/* The delimiter in use, ',' or ';'; ',' until the header has been read. */
char	csv_delimiter(const struct csv_reader *);

/* The number of fields in the header, or 0 before it has been read. */
size_t	csv_columns(const struct csv_reader *);

/*
 * Write len bytes of s as one field (RFC 4180): as they are, or in
 * quotes, '"' doubled, when they hold delim, a quote or a line end.
 * Errors stay in fp's error flag.
 */
void	csv_write_field(FILE *fp, const char *s, size_t len, char delim);

#endif
