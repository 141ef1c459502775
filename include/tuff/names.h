/*
 * Names the tools match or group on (actors, systems, units, CSV
 * headers, roles, rule ids) are compared by a key: the name in Unicode
 * NFC, so "Hälsa" typed on Linux and exported from macOS (NFD) is one
 * unit; and for actors, systems, roles and headers also under full
 * Unicode case folding, so "Undersköterska" is "undersköterska" and
 * "Å" is "å".  Output always shows a name as first written; only the
 * comparison uses the key.  libunistring does the Unicode work.
 */
#ifndef TUFF_NAMES_H
#define TUFF_NAMES_H

#include <stddef.h>

enum tuff_name_cmp {
	TUFF_NAME_NFC = 0,	/* the same text after NFC (units, ids) */
	TUFF_NAME_FOLD		/* and regardless of case (actors, roles) */
};

/* A key, in memory the caller reuses from name to name. */
struct tuff_namebuf {
	char	*s;		/* NUL-terminated */
	size_t	 len;
	size_t	 cap;
};

/*
 * Make b->s the key of the len bytes at s (UTF-8).  0, or -1 with errno
 * ENOMEM, or EILSEQ when s is not UTF-8.  Text of only ASCII and Latin
 * letters (below U+0300, where no character changes under NFC) takes a
 * fast path without libunistring.
 */
int	tuff_name_key(struct tuff_namebuf *b, const char *s, size_t len,
	    enum tuff_name_cmp how);
void	tuff_namebuf_free(struct tuff_namebuf *);

/*
 * Are a and b (NUL-terminated UTF-8) the same name?  1 or 0; -1 with
 * errno set when a key could not be made.
 */
int	tuff_name_same(const char *a, const char *b, enum tuff_name_cmp how);

#endif
