/*
 * The one hash every table in the library uses: SipHash-1-3 under a key
 * drawn from getrandom(2) once per process, so names crafted to collide
 * cost no more than random ones (SPEC §2, bad input).  Nothing a tool
 * writes may depend on a hash value: tables are walked in an order of
 * their own (input order, or sorted).
 */
#ifndef TUFF_HASH_H
#define TUFF_HASH_H

#include <stddef.h>
#include <stdint.h>

uint64_t	tuff_hash(const void *p, size_t len);

/*
 * The same over several pieces, as if they were one string: a hash
 * state fed piece by piece (a unit and a period without joining them).
 */
struct tuff_hasher {
	uint64_t	 v0, v1, v2, v3;
	uint64_t	 tail;		/* bytes not yet mixed, little-endian */
	size_t		 ntail;
	size_t		 total;
	int		 crounds, drounds;
};
void		tuff_hash_init(struct tuff_hasher *);
void		tuff_hash_add(struct tuff_hasher *, const void *p, size_t len);
uint64_t	tuff_hash_end(struct tuff_hasher *);

#endif
