/*
 * Where a record's text lies in its input file, for the held output
 * (stream.c): a record passed on unchanged need not be copied to the
 * spill file when the same bytes can be copied from the input at the
 * end.  Only a regular file can be read again; a pipe or a terminal
 * has no source, and its records are held in the spill as before.
 *
 * Reader and stream only: the reader fills one for its input, and each
 * record's text (struct tuff_raw) it hands out points to it, with the
 * offset in the file where the text starts.
 */
#ifndef TUFF_SOURCE_H
#define TUFF_SOURCE_H

#include <sys/stat.h>
#include <sys/types.h>

struct tuff_source {
	int		 fd;		/* the input's, while it is read */
	const char	*name;		/* what diagnostics call it */
	struct stat	 st;		/* as it was when reading began */
	off_t		 base;		/* where in the file the text starts */
};

#endif
