/*
 * gen-collide: N hme-response records whose units collide in the hash
 * table hme-score used before it took a keyed hash, for showing what
 * that cost and that it costs no more now.
 *
 *	gen-collide [-r] N
 *
 * The old table hashed "unit\0period" with FxHash's multiply-rotate
 * step, eight bytes at a time, under no key:
 *
 *	h = len; for each word w: h = (rotl(h, 5) ^ w) * K; ...
 *
 * The step is invertible in w, so for a unit of two words (16 bytes)
 * any first word can be followed by the second word that brings h to
 * one chosen value: every unit then has the same 64-bit hash, and each
 * new one walked past all the others.  About one second word in three
 * thousand is printable ASCII without '/'; those are kept.  With -r the
 * units are random ones of the same length and alphabet instead, for
 * the comparison.  Every unit is distinct, in period 2021, with one
 * response each.  The same N gives the same bytes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define K	0x517cc1b727220a95ULL
#define TARGET	0x0123456789abcdefULL	/* the hash every unit gets */

static uint64_t
rotl5(uint64_t h)
{
	return (h << 5) | (h >> 59);
}

static uint64_t
mix(uint64_t h, uint64_t w)
{
	return (rotl5(h) ^ w) * K;
}

/* The inverse of K modulo 2^64, by Newton's iteration. */
static uint64_t
inverse(uint64_t k)
{
	uint64_t x = k;
	int i;

	for (i = 0; i < 6; i++)
		x *= 2 - k * x;
	return x;
}

static uint64_t
next(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Printable ASCII but '/': a unit of one level. */
static int
ok_byte(unsigned c)
{
	return c >= 0x20 && c <= 0x7e && c != '/';
}

static int
ok_word(uint64_t w)
{
	int i;

	for (i = 0; i < 8; i++)
		if (!ok_byte((unsigned)(w >> (8 * i)) & 0xff))
			return 0;
	return 1;
}

/* A random word of allowed bytes. */
static uint64_t
random_word(uint64_t *s)
{
	uint64_t w = 0, r;
	int i;

	for (i = 0; i < 8; i++) {
		do
			r = next(s) & 0x7f;
		while (!ok_byte((unsigned)r));
		w |= r << (8 * i);
	}
	return w;
}

/* i in base 94, one allowed byte a digit. */
static uint64_t
counter_word(uint64_t i)
{
	static unsigned char digit[94];
	uint64_t w = 0;
	unsigned c, k = 0;
	int j;

	if (digit[0] == 0)
		for (c = 0x20; c <= 0x7e; c++)
			if (ok_byte(c))
				digit[k++] = (unsigned char)c;
	for (j = 0; j < 8; j++, i /= 94)
		w |= (uint64_t)digit[i % 94] << (8 * j);
	return w;
}

/* The unit's 16 bytes as a double-quoted YAML scalar. */
static void
put_unit(const unsigned char u[16])
{
	int i;

	fputs("unit: \"", stdout);
	for (i = 0; i < 16; i++) {
		if (u[i] == '"' || u[i] == '\\')
			putchar('\\');
		putchar(u[i]);
	}
	fputs("\"\n", stdout);
}

int
main(int argc, char *argv[])
{
	uint64_t s = 42, kinv = inverse(K), w1, w2, n, i, count = 0;
	unsigned char u[16];
	int c, randomly = 0;

	while ((c = getopt(argc, argv, "r")) != -1)
		if (c == 'r')
			randomly = 1;
		else
			goto usage;
	if (argc - optind != 1)
		goto usage;
	n = strtoull(argv[optind], NULL, 10);
	fputs("# Crafted or random units for the old FxHash table "
	    "(bench/gen-collide).\n", stdout);
	for (i = 0; count < n; i++) {
		/* Distinct first words: the counter in base 94. */
		w1 = counter_word(i);
		if (randomly)
			w2 = random_word(&s);
		else {
			w2 = (TARGET * kinv) ^ rotl5(mix(16, w1));
			if (!ok_word(w2))
				continue;
		}
		memcpy(u, &w1, 8);
		memcpy(u + 8, &w2, 8);
		puts("---\nkind: hme-response");
		put_unit(u);
		puts("period: 2021\nanswers: [4, 4, 4, 4, 4, 4, 4, 4, 4]");
		count++;
	}
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 2;
usage:
	fputs("usage: gen-collide [-r] N\n", stderr);
	return 2;
}
