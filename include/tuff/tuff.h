/*
 * tuff: the shared definitions every binary and module needs.
 */
#ifndef TUFF_TUFF_H
#define TUFF_TUFF_H

#include <stddef.h>

#define TUFF_VERSION	"0.1.0"

/* Exit statuses, as every man page's EXIT STATUS states them. */
enum {
	TUFF_OK = 0,	/* success */
	TUFF_NO = 1,	/* the check said no (only where a man page says so) */
	TUFF_ERR = 2	/* usage, unreadable input, malformed or invalid */
};

/* Limits on one record, enforced while parsing (SPEC §2, bad input). */
#define TUFF_MAX_RECORD	(1024UL * 1024)	/* characters of input per record */
#define TUFF_MAX_SCALAR	(64UL * 1024)	/* bytes in one scalar */
#define TUFF_MAX_DEPTH	64		/* nesting of collections */

/*
 * An error or warning with the position of the node it is about.
 * Library functions fill one and return; binaries report it.
 * file points at storage that outlives the error (argv or a literal).
 */
struct tuff_error {
	const char	*file;
	unsigned long	 line;		/* 1-based; 0 when unknown */
	unsigned long	 column;	/* 1-based; 0 when unknown */
	char		 msg[512];
};

#endif
