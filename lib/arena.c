#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>

#include "arena.h"

/*
 * The arena and its first chunk are one allocation, small enough for
 * glibc's small bins, so reading a million small records costs one
 * malloc each; later chunks double up to CHUNK_MAX.
 */
#define FIRST_BLOCK	1008
#define CHUNK_MAX	(64 * 1024)
#define ALIGN		alignof(max_align_t)

struct chunk {
	struct chunk	*next;
	size_t		 size;		/* usable bytes after the header */
	size_t		 used;
	alignas(max_align_t) unsigned char data[];
};

struct tuff_arena {
	struct chunk	*head;		/* the chunk being filled */
	struct chunk	*first;		/* inside this allocation */
	size_t		 total;
	size_t		 next_size;	/* of the next regular chunk */
};

#define ARENA_HDR	((sizeof(struct tuff_arena) + ALIGN - 1) & ~(ALIGN - 1))

struct tuff_arena *
tuff_arena_new(void)
{
	struct tuff_arena *a;
	struct chunk *c;

	if ((a = malloc(FIRST_BLOCK)) == NULL)
		return NULL;
	c = (struct chunk *)((unsigned char *)a + ARENA_HDR);
	c->next = NULL;
	c->size = FIRST_BLOCK - ARENA_HDR - sizeof(*c);
	c->used = 0;
	a->head = a->first = c;
	a->total = 0;
	a->next_size = 2 * c->size;
	return a;
}

void
tuff_arena_free(struct tuff_arena *a)
{
	struct chunk *c, *next;

	if (a == NULL)
		return;
	for (c = a->head; c != NULL; c = next) {
		next = c->next;
		if (c != a->first)
			free(c);
	}
	free(a);
}

/*
 * Requests larger than a quarter of the next chunk get a chunk of their
 * own, linked behind the current one so the current one keeps filling.
 */
void *
tuff_arena_alloc(struct tuff_arena *a, size_t n)
{
	struct chunk *c;
	size_t size;

	if (n > SIZE_MAX - ALIGN - sizeof(*c))
		return NULL;
	n = (n + ALIGN - 1) & ~(ALIGN - 1);
	if (n == 0)
		n = ALIGN;
	c = a->head;
	if (c != NULL && c->size - c->used >= n) {
		c->used += n;
		a->total += n;
		return c->data + c->used - n;
	}
	if (n > a->next_size / 4)
		size = n;
	else {
		size = a->next_size;
		if (a->next_size < CHUNK_MAX)
			a->next_size *= 2;
	}
	if ((c = malloc(sizeof(*c) + size)) == NULL)
		return NULL;
	c->size = size;
	c->used = n;
	if (size == n && a->head != NULL) {
		c->next = a->head->next;
		a->head->next = c;
	} else {
		c->next = a->head;
		a->head = c;
	}
	a->total += n;
	return c->data;
}

size_t
tuff_arena_used(const struct tuff_arena *a)
{
	return a->total;
}
