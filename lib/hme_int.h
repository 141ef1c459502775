/*
 * Between hme.c (the tally: what is counted while reading) and
 * hme_lattice.c (every grouping, suppression, figures): private.
 */
#ifndef TUFF_HME_INT_H
#define TUFF_HME_INT_H

#include <stdint.h>

#include "tuff/hme.h"
#include "tuff/names.h"

/*
 * The answers of a set of responses.  Every count fits 32 bits: a run
 * counts at most HME_MAX_COUNT responses.
 */
struct hme_counts {
	uint32_t	 n;			/* respondents */
	uint32_t	 dist[HME_NITEMS][5];	/* answers 1..5 per item */
	uint32_t	 rcnt[HME_NSUBS];	/* answered all three items */
	uint64_t	 rsum[HME_NSUBS];	/* sum of (v - 1) over them */
};

/* One unit, by its NFC text; the strings live after the struct. */
struct hme_unit {
	const char	*key;		/* NFC */
	size_t		 klen;
	const char	*spell;		/* as first written */
	size_t		 slen;
	const char	*file;		/* where first written */
	unsigned long	 line, column;
	void		*lat;		/* its leaf, while scoring */
};

/* The responses of one unit in one period (a unit's own, not its
 * subtree's). */
struct hme_atom {
	struct hme_unit		*unit;
	uint32_t		 period;	/* in hme_tally.periodv */
	struct hme_counts	 c;
};

/* A period, interned. */
struct hme_period {
	char		 s[8];		/* YYYY or YYYY-MM */
	uint32_t	 idx;		/* in input order */
	uint32_t	 rank;		/* in sorted order */
};

/* Open addressing: the hash beside the pointer, so a probe that misses
 * does not touch the entry. */
struct hme_slot {
	uint64_t	 h;
	void		*p;
};

struct hme_tab {
	struct hme_slot	*s;
	size_t		 cap;		/* a power of two, or 0 */
	size_t		 n;
};

struct hme_spelling;
struct hme_lattice;

struct hme_tally {
	struct hme_config	 cf;
	struct hme_tab		 spellings;	/* "unit\0period" as written */
	struct hme_tab		 units;		/* NFC unit */
	struct hme_tab		 atoms;		/* unit and period */
	struct hme_tab		 periods;
	struct hme_spelling	*last;		/* input is often sorted */
	struct hme_period	*lastp;
	struct hme_unit		**unitv;	/* in input order */
	size_t			 nunits, capunits;
	struct hme_atom		**atomv;
	size_t			 natoms, capatoms;
	struct hme_period	**periodv;	/* in input order */
	size_t			 nperiods, capperiods;
	uint64_t		 total;		/* responses counted */
	struct tuff_namebuf	 nb;
	struct hme_lattice	*lat;
};

/*
 * Table helpers (hme.c).  hme_tab_slot finds the slot of hash h: the
 * first one that is empty or whose entry eq says is the one (eq is
 * given the entry and arg).  hme_tab_put fills an empty slot found so
 * and grows the table at half full.  -1 on ENOMEM.
 */
int		 hme_tab_init(struct hme_tab *, size_t cap);
struct hme_slot	*hme_tab_slot(struct hme_tab *, uint64_t h,
		    int (*eq)(const void *entry, const void *arg),
		    const void *arg);
int		 hme_tab_put(struct hme_tab *, struct hme_slot *, uint64_t h,
		    void *p);
void		 hme_tab_free(struct hme_tab *);

/* Grow *v (of *cap pointers) to hold one more.  -1 on ENOMEM. */
int	hme_vec_grow(void ***v, size_t n, size_t *cap);

/* Build every grouping, suppress, score (hme_lattice.c). */
int	hme_lattice_scores(struct hme_tally *, const struct hme_score **,
	    size_t *n);
void	hme_lattice_free(struct hme_lattice *);

#endif
