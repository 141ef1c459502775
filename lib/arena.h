/*
 * A bump allocator: every node and string of one document comes from the
 * document's arena and goes with it, so reading a record costs a few
 * pointer bumps and freeing it one walk over a short list of chunks.
 */
#ifndef TUFF_ARENA_H
#define TUFF_ARENA_H

#include <stddef.h>

struct tuff_arena;

struct tuff_arena	*tuff_arena_new(void);
void			 tuff_arena_free(struct tuff_arena *);
/* Suitably aligned memory of n bytes; NULL only on ENOMEM. */
void			*tuff_arena_alloc(struct tuff_arena *, size_t n);
/* Bytes handed out so far (for tests and limits). */
size_t			 tuff_arena_used(const struct tuff_arena *);

#endif
