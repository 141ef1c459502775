/*
 * Between hme_yaml.c and hme_keys.c: the key checker of the event
 * reader (hme_keys.c has the details).  Private.
 */
#ifndef TUFF_HME_KEYS_H
#define TUFF_HME_KEYS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "tuff/hme.h"
#include "tuff/record.h"

/* A growing text buffer, NUL-terminated. */
struct buf {
	char	*s;
	size_t	 len, cap;
};

/* Append n bytes, or set to len bytes: 0, or -1 on ENOMEM. */
int	hme_buf_add(struct buf *, const void *p, size_t n);
int	hme_buf_set(struct buf *, const char *s, size_t len);

#define NKNOWN		14

/* Where a key is: its place in its mapping and in the text. */
struct kat {
	size_t		 idx;
	unsigned long	 line, column;
};

struct klevel {
	unsigned char	 is_map;
	unsigned char	 managed;	/* followed by the record reader */
	unsigned char	 expect_key;
	unsigned char	 is_key;	/* this collection is a key */
	size_t		 n;		/* keys so far */
	size_t		 first;		/* its other keys in keys */
	uint16_t	 known;		/* known names seen */
	uint16_t	 twice;		/* ... and seen again */
	struct kat	 at[NKNOWN];	/* where first seen */
	struct kat	 again[NKNOWN];	/* where seen the second time */
	size_t		 cap_start;	/* a key's encoding in cap */
	unsigned long	 line, column;
};

struct kkey {
	size_t		 off, len;	/* in text */
	const char	*p;		/* text.s + off, while checking */
	int		 complex;	/* a collection, encoded */
	struct kat	 at;
};

struct kcheck {
	struct klevel	 lev[TUFF_MAX_DEPTH + 2];
	int		 nlev;
	struct kkey	*keys;
	size_t		 nkeys, capkeys;
	struct buf	 text;
	int		 cap_level;	/* the outermost key's level + 1 */
	struct buf	 cap;
};

/*
 * The checker's life: start it for a record, then open the root
 * mapping (managed) and give it every key of the managed mappings
 * (hme_kc_known for a known name's index, hme_kc_key for any other),
 * every event of a collection skipped over (hme_kc_open with whether
 * it is a key, then hme_kc_feed), and close the managed ones.  Each
 * returns 0, or -1 with e filled: the duplicate key the tree reader
 * would report, or out of memory.
 */
void	hme_kc_start(struct kcheck *);
void	hme_kc_free(struct kcheck *);
int	hme_kc_open(struct kcheck *, const struct tuff_event *, int is_key,
	    int managed, const char *name, struct tuff_error *e);
int	hme_kc_close(struct kcheck *, const struct tuff_event *,
	    const char *name, struct tuff_error *e);
int	hme_kc_feed(struct kcheck *, const struct tuff_event *,
	    const char *name, struct tuff_error *e);
int	hme_kc_key(struct kcheck *, struct klevel *, const char *s,
	    size_t len, int complex, unsigned long line,
	    unsigned long column);
int	hme_kc_nomem(const char *name, struct tuff_error *e);

/* Inline: every key of every response comes here. */

/* The item 0..8 of a two-letter key, or -1 (hme_item_index, here so
 * that it is inlined: every answer's key comes here twice). */
static inline int
hme_item_of(const char *s)
{
	int row;

	switch (s[0]) {
	case 'm':
		row = 0;
		break;
	case 'l':
		row = 3;
		break;
	case 's':
		row = 6;
		break;
	default:
		return -1;
	}
	return s[1] >= '1' && s[1] <= '3' ? row + s[1] - '1' : -1;
}

/* The known name s is, or -1. */
static inline int
hme_known_index(const char *s, size_t len)
{
	int i;

	switch (len) {
	case 2:
		if ((i = hme_item_of(s)) >= 0)
			return 5 + i;
		return memcmp(s, "id", 2) == 0 ? 4 : -1;
	case 4:
		if (memcmp(s, "kind", 4) == 0)
			return 0;
		return memcmp(s, "unit", 4) == 0 ? 1 : -1;
	case 6:
		return memcmp(s, "period", 6) == 0 ? 2 : -1;
	case 7:
		return memcmp(s, "answers", 7) == 0 ? 3 : -1;
	default:
		return -1;
	}
}

/* The known name i is a key of mapping lv. */
static inline void
hme_kc_known(struct klevel *lv, int i, unsigned long line, unsigned long column)
{
	struct kat *at;

	if (!(lv->known & (1U << i))) {
		lv->known |= 1U << i;
		at = &lv->at[i];
	} else if (!(lv->twice & (1U << i))) {
		lv->twice |= 1U << i;
		at = &lv->again[i];
	} else {
		lv->n++;
		return;
	}
	at->idx = lv->n++;
	at->line = line;
	at->column = column;
}

#endif
