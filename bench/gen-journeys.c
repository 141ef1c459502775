/*
 * gen-journeys: write N minimal journey records to standard output,
 * with ids crafted to collide in an unkeyed hash table, or random ids
 * of the same shape, for the hash-flooding benchmark (bench/ids.sh).
 *
 *	gen-journeys [-c] [-s seed] N
 *
 * Every id is 12 characters of [a-z0-9], the first a letter: an
 * 8-character prefix that is a different number for each record (so
 * the ids are distinct) and a 4-character suffix.  Random ids (the
 * default) take a random suffix.
 * With -c the suffix is chosen so that the 64-bit FNV-1a hash of the
 * whole id ends in the same BITS bits for every record: the open-
 * addressing tables of tuff-journey and tbls-check, which took an
 * index from the low bits of FNV-1a before they used the keyed
 * tuff_hash, then put all ids in one probe chain, and a run costs time
 * quadratic in N.  The same seed and N give the same bytes.
 *
 * How: FNV-1a works modulo 2^64, so its low BITS bits depend only on
 * the low BITS bits of its state, and each step (xor a byte, multiply
 * by an odd prime) can be undone.  Running the steps backwards from
 * the target over every suffix gives a table of the states before the
 * suffix that lead to the target; each prefix whose state is in the
 * table gives one crafted id (about four prefixes in five do).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BITS		20		/* tables of up to 2^20 slots */
#define MASK		((UINT64_C(1) << BITS) - 1)
#define TARGET		UINT64_C(0x2a2a2)
#define PREFIX		8
#define SUFFIX		4
#define ALPHA		36		/* [a-z0-9] */
#define FNV_BASIS	UINT64_C(14695981039346656037)
#define FNV_PRIME	UINT64_C(1099511628211)
#define NONE		UINT32_MAX

static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";

static void
usage(void)
{
	fputs("usage: gen-journeys [-c] [-s seed] N\n", stderr);
	exit(2);
}

static uint64_t
fnv1a(uint64_t h, const char *s, size_t n)
{
	while (n-- > 0)
		h = (h ^ (unsigned char)*s++) * FNV_PRIME;
	return h;
}

/* The inverse of an odd number modulo 2^64, by Newton's iteration. */
static uint64_t
inverse(uint64_t a)
{
	uint64_t x = a;
	int i;

	for (i = 0; i < 6; i++)
		x *= 2 - a * x;
	return x;
}

static void
suffix_text(uint32_t k, char *out)
{
	int i;

	for (i = SUFFIX - 1; i >= 0; i--) {
		out[i] = alphabet[k % ALPHA];
		k /= ALPHA;
	}
}

/*
 * need[s]: a suffix that takes FNV-1a from state s (low BITS bits) to
 * TARGET, or NONE.
 */
static uint32_t *
suffix_table(void)
{
	uint64_t inv = inverse(FNV_PRIME), h;
	uint32_t *need, k, nsuffixes = 1;
	char s[SUFFIX];
	int i;

	if ((need = malloc((MASK + 1) * sizeof(*need))) == NULL) {
		perror("gen-journeys");
		exit(2);
	}
	memset(need, 0xff, (MASK + 1) * sizeof(*need));
	for (i = 0; i < SUFFIX; i++)
		nsuffixes *= ALPHA;
	for (k = 0; k < nsuffixes; k++) {
		suffix_text(k, s);
		h = TARGET;
		for (i = SUFFIX - 1; i >= 0; i--)
			h = ((h * inv) ^ (unsigned char)s[i]) & MASK;
		if (need[h] == NONE)
			need[h] = k;
	}
	return need;
}

/*
 * The i-th prefix: i times a prime, modulo 26 * 36^7, written as a
 * letter and seven base-36 digits, so prefixes are distinct, look
 * unrelated, and an id starts with a letter (0x.. or 1e5 would read as
 * a number in some YAML readers).
 */
static void
prefix_text(uint64_t i, char *out)
{
	uint64_t v = i * UINT64_C(1000000007) % UINT64_C(2037468266496);
	int k;

	for (k = PREFIX - 1; k > 0; k--) {
		out[k] = alphabet[v % ALPHA];
		v /= ALPHA;
	}
	out[0] = alphabet[v % 26];
}

static uint64_t
next_random(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

static void
put_journey(const char *id)
{
	printf("---\nkind: journey\nid: %s\ntitle: Resa %s\nsteps:\n"
	    "  - action: Ringer växeln\n    actor: brukare\n    score: 2\n",
	    id, id);
}

int
main(int argc, char *argv[])
{
	uint32_t *need = NULL;
	uint64_t seed = 1, rng, n, i, made;
	char id[PREFIX + SUFFIX + 1], *end;
	int c, crafted = 0;

	while ((c = getopt(argc, argv, "cs:")) != -1)
		switch (c) {
		case 'c':
			crafted = 1;
			break;
		case 's':
			seed = strtoull(optarg, &end, 10);
			if (*end != '\0' || seed == 0)
				usage();
			break;
		default:
			usage();
		}
	if (argc - optind != 1)
		usage();
	n = strtoull(argv[optind], &end, 10);
	if (*end != '\0' || n > UINT64_C(2000000))
		usage();
	if (crafted)
		need = suffix_table();
	rng = seed;
	id[PREFIX + SUFFIX] = '\0';
	for (i = made = 0; made < n; i++) {
		prefix_text(i + seed, id);
		if (!crafted)
			suffix_text((uint32_t)(next_random(&rng) % (ALPHA *
			    ALPHA * ALPHA * ALPHA)), id + PREFIX);
		else if (need[fnv1a(FNV_BASIS, id, PREFIX) & MASK] == NONE)
			continue;
		else
			suffix_text(need[fnv1a(FNV_BASIS, id, PREFIX) & MASK],
			    id + PREFIX);
		if (crafted && (fnv1a(FNV_BASIS, id, sizeof(id) - 1) & MASK) !=
		    TARGET) {
			fprintf(stderr, "gen-journeys: %s does not collide\n", id);
			return 2;
		}
		put_journey(id);
		made++;
	}
	free(need);
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 2;
}
