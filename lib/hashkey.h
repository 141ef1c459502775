/*
 * For the hash's own tests only: SipHash-c-d under a chosen key, so the
 * implementation can be checked against the published test vectors.
 */
#ifndef TUFF_HASHKEY_H
#define TUFF_HASHKEY_H

#include "tuff/hash.h"

void	tuff_hash_init_with(struct tuff_hasher *, uint64_t k0, uint64_t k1,
	    int crounds, int drounds);

#endif
