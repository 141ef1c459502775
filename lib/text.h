/*
 * The bytes of a YAML text, for the reader and the writer only.
 *
 * The reader keeps what it feeds libyaml from the first byte of the
 * record being read, so a record a tool does not change can leave as
 * the bytes it came in (SPEC §2, fidelity); the writer looks at those
 * bytes to keep a stream it pieces together valid YAML that reads as
 * its pieces did.
 *
 * libyaml's marks count characters, not bytes (a code point is one, a
 * CRLF two): text_byte turns a mark's index into a byte offset by
 * counting UTF-8 lead bytes, which the reader may do because libyaml
 * has checked the text is UTF-8 before it hands out a mark past it.
 */
#ifndef TUFF_TEXT_H
#define TUFF_TEXT_H

#include <stddef.h>

struct text {
	char		*p;
	size_t		 off, len, cap;	/* the bytes held: p[off..len) */
	size_t		 start;		/* the offset in the input of p[off] */
	size_t		 start_char;	/* libyaml's character index there */
	unsigned long	 start_line;	/* its 0-based line */
	size_t		 cur, cur_char;	/* where text_byte last stopped */
};

/* Append n bytes; 0, or -1 on ENOMEM. */
int		 text_append(struct text *, const void *, size_t n);
void		 text_free(struct text *);
/* The offset in the input just after the last byte held. */
static inline size_t
text_end(const struct text *t)
{
	return t->start + (t->len - t->off);
}

/* The byte at offset pos of the input, which must be held. */
static inline const char *
text_at(const struct text *t, size_t pos)
{
	return t->p + t->off + (pos - t->start);
}

/*
 * The offset of the character with libyaml's index ch, which must be
 * held (start_char <= ch, and no further than the bytes held).
 */
size_t		 text_byte(struct text *, size_t ch);
/*
 * Forget every byte before pos, the character ch on line (0-based);
 * pos must be held or just past the last byte held.
 */
void		 text_cut(struct text *, size_t pos, size_t ch,
		    unsigned long line);
/*
 * Lines.  pos is an offset in the input, held or just past the end.
 * text_bol: the start of pos's line (no further back than start).
 * text_eol: just past the line break that ends pos's line, or the end
 * of what is held; pos itself when it starts a line.
 */
size_t		 text_bol(const struct text *, size_t pos);
size_t		 text_eol(const struct text *, size_t pos);

/*
 * YAML's line breaks: LF, CR LF, CR, and (YAML 1.1, as libyaml reads
 * it) NEL, LS and PS.  The length of the break at p (0: none).
 */
size_t		 yaml_break(const char *p, size_t n);
/* Does p[0..n) end in a line break? */
int		 yaml_ends_line(const char *p, size_t n);

/*
 * The offset of the first byte of p[0..n) that does not start a valid
 * UTF-8 character, or n.  *why (may be NULL) is UTF8_OCTET for a byte
 * that cannot be there, an overlong form or a sequence cut short, and
 * UTF8_CHAR for a well-formed sequence that is no character (a
 * surrogate, or beyond U+10FFFF), with the code point in *cp.
 */
enum { UTF8_OCTET = 1, UTF8_CHAR };
size_t		 utf8_check(const char *p, size_t n, int *why,
		    unsigned long *cp);

/*
 * Whether text written right after a block scalar (|, >) that ends a
 * document leaves that scalar as it was: it starts a new document or
 * ends this one (---, ..., a directive), or its first line that is not
 * blank is indented less than the scalar's content (indent) and, when
 * the scalar keeps its trailing lines (keep, "|+"), no blank line comes
 * before it.  Text of blank lines only is not, to be safe.
 */
int		 yaml_closes_block(const char *p, size_t n, unsigned indent,
		    int keep);

#endif
