/*
 * Buffers of some KiB that live as long as a stream or a run (a
 * stream's stdio buffer, the reader and its text): mapped on pages of
 * their own, outside malloc's heap.  In the heap each one, freed or
 * grown, left a hole that libyaml's many small allocations were later
 * carved from, and malloc and free took their slow paths for every
 * event after (callgrind: about 450 instructions more for each record
 * passed on).
 */
#ifndef TUFF_PAGES_H
#define TUFF_PAGES_H

#include <stddef.h>

/* n bytes, zero-filled; NULL with errno set when there is no memory. */
void	*pages_alloc(size_t n);
/* Give back what pages_alloc(n) returned; p may be NULL. */
void	 pages_free(void *p, size_t n);

#endif
