/*
 * Unit tests for the bump allocator: alignment of every block, blocks
 * larger than a chunk, many small blocks that must not overlap, and the
 * byte count it reports.
 */
#include <stdalign.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"

#define ALIGN	alignof(max_align_t)

static void
assert_aligned(const void *p)
{
	assert_non_null(p);
	assert_int_equal((uintptr_t)p % ALIGN, 0);
}

static void
test_new_free(void **state)
{
	struct tuff_arena *a;

	(void)state;
	a = tuff_arena_new();
	assert_non_null(a);
	assert_int_equal(tuff_arena_used(a), 0);
	tuff_arena_free(a);
	tuff_arena_free(NULL);	/* like free(3) */
}

/* Odd sizes must not misalign the block after them. */
static void
test_alignment(void **state)
{
	static const size_t sizes[] = { 1, 3, 7, 8, 9, 15, 16, 17, 31, 33,
	    100, 4095, 4096, 4097 };
	struct tuff_arena *a = tuff_arena_new();
	size_t i;
	unsigned char *p;

	(void)state;
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		p = tuff_arena_alloc(a, sizes[i]);
		assert_aligned(p);
		memset(p, 0xa5, sizes[i]);	/* ASan checks the extent */
	}
	tuff_arena_free(a);
}

/* A zero-byte request still gives a distinct, aligned pointer. */
static void
test_zero_size(void **state)
{
	struct tuff_arena *a = tuff_arena_new();
	void *p, *q;

	(void)state;
	p = tuff_arena_alloc(a, 0);
	q = tuff_arena_alloc(a, 0);
	assert_aligned(p);
	assert_aligned(q);
	assert_ptr_not_equal(p, q);
	tuff_arena_free(a);
}

/*
 * Blocks bigger than a chunk get their own; the chunk being filled goes
 * on filling, and every block keeps its content.
 */
static void
test_big(void **state)
{
	struct tuff_arena *a = tuff_arena_new();
	unsigned char *small1, *big, *small2, *huge;
	size_t i;

	(void)state;
	small1 = tuff_arena_alloc(a, 10);
	memset(small1, 1, 10);
	big = tuff_arena_alloc(a, 100 * 1024);
	assert_aligned(big);
	memset(big, 2, 100 * 1024);
	small2 = tuff_arena_alloc(a, 10);
	memset(small2, 3, 10);
	/* Still in the first chunk, right after small1. */
	assert_ptr_equal(small2, small1 + ALIGN);
	huge = tuff_arena_alloc(a, 8 * 1024 * 1024);
	assert_aligned(huge);
	memset(huge, 4, 8 * 1024 * 1024);
	for (i = 0; i < 10; i++) {
		assert_int_equal(small1[i], 1);
		assert_int_equal(small2[i], 3);
	}
	for (i = 0; i < 100 * 1024; i++)
		if (big[i] != 2)
			fail_msg("big[%zu] was overwritten", i);
	tuff_arena_free(a);
}

/* Too big to represent: NULL, not a wrapped-around small block. */
static void
test_overflow(void **state)
{
	struct tuff_arena *a = tuff_arena_new();

	(void)state;
	assert_null(tuff_arena_alloc(a, SIZE_MAX));
	assert_null(tuff_arena_alloc(a, SIZE_MAX - 8));
	assert_int_equal(tuff_arena_used(a), 0);
	/* The arena still works after a refusal. */
	assert_aligned(tuff_arena_alloc(a, 1));
	tuff_arena_free(a);
}

/*
 * 100000 small blocks across many chunks: each distinct, aligned, and
 * holding what was written into it.
 */
static void
test_many_small(void **state)
{
	enum { N = 100000 };
	struct tuff_arena *a = tuff_arena_new();
	uint32_t **p = malloc(N * sizeof(*p));
	size_t i, sz;

	(void)state;
	assert_non_null(p);
	for (i = 0; i < N; i++) {
		sz = 4 + (i % 5) * 4;
		p[i] = tuff_arena_alloc(a, sz);
		assert_aligned(p[i]);
		memset(p[i], 0xff, sz);	/* ASan checks the extent */
		p[i][0] = (uint32_t)i;
	}
	for (i = 0; i < N; i++)
		if (p[i][0] != (uint32_t)i)
			fail_msg("block %zu was overwritten", i);
	free(p);
	tuff_arena_free(a);
}

/* used counts the bytes handed out, rounded up to the alignment. */
static void
test_used(void **state)
{
	struct tuff_arena *a = tuff_arena_new();

	(void)state;
	tuff_arena_alloc(a, 1);
	assert_int_equal(tuff_arena_used(a), ALIGN);
	tuff_arena_alloc(a, ALIGN);
	assert_int_equal(tuff_arena_used(a), 2 * ALIGN);
	tuff_arena_alloc(a, 100000);
	assert_int_equal(tuff_arena_used(a),
	    2 * ALIGN + (100000 + ALIGN - 1) / ALIGN * ALIGN);
	tuff_arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_free),
		cmocka_unit_test(test_alignment),
		cmocka_unit_test(test_zero_size),
		cmocka_unit_test(test_big),
		cmocka_unit_test(test_overflow),
		cmocka_unit_test(test_many_small),
		cmocka_unit_test(test_used),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
