/*
 * SipHash-1-3 (Aumasson and Bernstein; one compression round and three
 * finalisation rounds, as Rust's and Python's hash tables use it): fast
 * enough for every response hme-score reads, and keyed, so an input
 * cannot be crafted to collide without knowing the key.
 */
#include <errno.h>
#include <pthread.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "tuff/hash.h"
#include "hashkey.h"

/*
 * The key: drawn once, on first use, and never changed after.  Should
 * getrandom fail (a kernel before 3.17), the time and pid are a weaker
 * key, still not one an input can be crafted against in advance.
 */
static uint64_t key[2];
static pthread_once_t key_once = PTHREAD_ONCE_INIT;

static void
draw_key(void)
{
	unsigned char *p = (unsigned char *)key;
	size_t got = 0;
	ssize_t n;
	struct timespec ts;

	while (got < sizeof(key)) {
		n = getrandom(p + got, sizeof(key) - got, 0);
		if (n > 0)
			got += (size_t)n;
		else if (n == -1 && errno == EINTR)
			continue;
		else
			break;
	}
	if (got < sizeof(key)) {
		clock_gettime(CLOCK_REALTIME, &ts);
		key[0] ^= (uint64_t)ts.tv_nsec << 32 ^ (uint64_t)ts.tv_sec;
		key[1] ^= (uint64_t)getpid() * 0x9e3779b97f4a7c15ULL;
	}
}

#define ROTL(x, b)	(((x) << (b)) | ((x) >> (64 - (b))))

static void
round1(struct tuff_hasher *h)
{
	h->v0 += h->v1;
	h->v1 = ROTL(h->v1, 13);
	h->v1 ^= h->v0;
	h->v0 = ROTL(h->v0, 32);
	h->v2 += h->v3;
	h->v3 = ROTL(h->v3, 16);
	h->v3 ^= h->v2;
	h->v0 += h->v3;
	h->v3 = ROTL(h->v3, 21);
	h->v3 ^= h->v0;
	h->v2 += h->v1;
	h->v1 = ROTL(h->v1, 17);
	h->v1 ^= h->v2;
	h->v2 = ROTL(h->v2, 32);
}

static void
compress(struct tuff_hasher *h, uint64_t m)
{
	int i;

	h->v3 ^= m;
	for (i = 0; i < h->crounds; i++)
		round1(h);
	h->v0 ^= m;
}

void
tuff_hash_init_with(struct tuff_hasher *h, uint64_t k0, uint64_t k1,
    int crounds, int drounds)
{
	h->v0 = k0 ^ 0x736f6d6570736575ULL;
	h->v1 = k1 ^ 0x646f72616e646f6dULL;
	h->v2 = k0 ^ 0x6c7967656e657261ULL;
	h->v3 = k1 ^ 0x7465646279746573ULL;
	h->tail = 0;
	h->ntail = 0;
	h->total = 0;
	h->crounds = crounds;
	h->drounds = drounds;
}

void
tuff_hash_init(struct tuff_hasher *h)
{
	pthread_once(&key_once, draw_key);
	tuff_hash_init_with(h, key[0], key[1], 1, 3);
}

static uint64_t
load64(const unsigned char *p)
{
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
	    (uint64_t)p[3] << 24 | (uint64_t)p[4] << 32 |
	    (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 |
	    (uint64_t)p[7] << 56;
}

void
tuff_hash_add(struct tuff_hasher *h, const void *data, size_t len)
{
	const unsigned char *p = data;

	h->total += len;
	while (len > 0 && h->ntail > 0 && h->ntail < 8) {
		h->tail |= (uint64_t)*p++ << (8 * h->ntail++);
		len--;
	}
	if (h->ntail == 8) {
		compress(h, h->tail);
		h->tail = 0;
		h->ntail = 0;
	}
	for (; len >= 8; p += 8, len -= 8)
		compress(h, load64(p));
	while (len-- > 0)
		h->tail |= (uint64_t)*p++ << (8 * h->ntail++);
}

uint64_t
tuff_hash_end(struct tuff_hasher *h)
{
	int i;

	compress(h, h->tail | (uint64_t)(h->total & 0xff) << 56);
	h->v2 ^= 0xff;
	for (i = 0; i < h->drounds; i++)
		round1(h);
	return h->v0 ^ h->v1 ^ h->v2 ^ h->v3;
}

uint64_t
tuff_hash(const void *p, size_t len)
{
	struct tuff_hasher h;

	tuff_hash_init(&h);
	tuff_hash_add(&h, p, len);
	return tuff_hash_end(&h);
}
