/*
 * HME: the items, the checks of the grouping keys, the exact
 * arithmetic, and the tally that counts responses as they stream by.
 *
 * Per unit and period only counts are kept: how many gave each answer
 * to each item, and for the respondent method how many answered all
 * three items of a subindex and their sum.  Every figure is computed
 * from them exactly (no floating point) and rounded once, half away
 * from zero (hme_lattice.c).
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/hash.h"
#include "tuff/hme.h"
#include "tuff/i18n.h"
#include "hme_int.h"

__extension__ typedef unsigned __int128 u128;

static const char *const item_ids[HME_NITEMS] = {
	"m1", "m2", "m3", "l1", "l2", "l3", "s1", "s2", "s3"
};

/* SKR's survey template, as municipalities reprint it. */
static const char *const item_texts[HME_NITEMS] = {
	"Mitt arbete känns meningsfullt",
	"Jag lär nytt och utvecklas i mitt dagliga arbete",
	"Jag ser fram emot att gå till arbetet",
	"Min närmaste chef visar uppskattning för mina arbetsinsatser",
	"Min närmaste chef visar förtroende för mig som medarbetare",
	"Min närmaste chef ger mig förutsättningar att ta ansvar i mitt arbete",
	"Jag är insatt i min arbetsplats mål",
	"Min arbetsplats mål följs upp och utvärderas på ett bra sätt",
	"Jag vet vad som förväntas av mig i mitt arbete",
};

static const char *const sub_names[HME_NSUBS] = {
	"motivation", "leadership", "governance"
};

int
hme_item_index(const char *id, size_t len)
{
	static const char letters[] = "mls";
	const char *p;

	if (len != 2 || id[1] < '1' || id[1] > '3' ||
	    (p = memchr(letters, id[0], 3)) == NULL)
		return -1;
	return (int)(p - letters) * 3 + (id[1] - '1');
}

const char *
hme_item_id(int item)
{
	return item >= 0 && item < HME_NITEMS ? item_ids[item] : NULL;
}

const char *
hme_item_text(int item)
{
	return item >= 0 && item < HME_NITEMS ? item_texts[item] : NULL;
}

const char *
hme_subindex_name(int sub)
{
	return sub >= 0 && sub < HME_NSUBS ? sub_names[sub] : NULL;
}

static int
isdigits(const char *s, size_t n)
{
	while (n-- > 0)
		if (s[n] < '0' || s[n] > '9')
			return 0;
	return 1;
}

const char *
hme_check_period(const char *s, size_t len)
{
	int month;

	if ((len == 4 || len == 7) && isdigits(s, 4) && s[0] == '0')
		/* TRANSLATORS: %s is the value as written. */
		return N_("period must be a year from 1000, YYYY or YYYY-MM, "
		    "not %s");
	if (len == 4 && isdigits(s, 4))
		return NULL;
	if (len == 7 && isdigits(s, 4) && s[4] == '-' && isdigits(s + 5, 2)) {
		month = (s[5] - '0') * 10 + (s[6] - '0');
		if (month >= 1 && month <= 12)
			return NULL;
		/* TRANSLATORS: %s is the value as written. */
		return N_("period month must be 01..12, not %s");
	}
	/* TRANSLATORS: %s is the value as written. */
	return N_("period must be a year YYYY or a month YYYY-MM, not %s");
}

/* memchr, not a byte loop: every response's unit comes here. */
const char *
hme_check_unit(const char *s, size_t len)
{
	const char *p = s, *end = s + len, *q;
	int levels = 1;

	if (len == 0)
		return N_("unit is empty");
	if (memchr(s, '\0', len) != NULL)
		return N_("unit contains a NUL character");
	if (s[0] == '/' || s[len - 1] == '/')
		return N_("unit has an empty level (a '/' at either end, or "
		    "\"//\")");
	while ((q = memchr(p, '/', (size_t)(end - p))) != NULL) {
		if (q[1] == '/')
			return N_("unit has an empty level (a '/' at either "
			    "end, or \"//\")");
		if (++levels > HME_MAX_LEVELS)
			return N_("unit has more than 16 levels");
		p = q + 1;
	}
	return NULL;
}

/*
 * Exact sums of fractions.  Nine counts below 2^32 multiply to less
 * than 2^288, and with the sums and the factors below everything stays
 * under 2^310: twelve 32-bit limbs, least significant first.
 */
#define BIG_LIMBS	12

struct big {
	uint32_t	 w[BIG_LIMBS];
};

static void
big_set(struct big *b, uint64_t v)
{
	memset(b, 0, sizeof(*b));
	b->w[0] = (uint32_t)v;
	b->w[1] = (uint32_t)(v >> 32);
}

/* b *= m; the bounds above keep it from overflowing. */
static void
big_mul(struct big *b, uint64_t m)
{
	u128 carry = 0, t;
	int i;

	for (i = 0; i < BIG_LIMBS; i++) {
		t = (u128)b->w[i] * m + carry;
		b->w[i] = (uint32_t)t;
		carry = t >> 32;
	}
}

static void
big_add(struct big *a, const struct big *b)
{
	uint64_t carry = 0, t;
	int i;

	for (i = 0; i < BIG_LIMBS; i++) {
		t = (uint64_t)a->w[i] + b->w[i] + carry;
		a->w[i] = (uint32_t)t;
		carry = t >> 32;
	}
}

static int
big_cmp(const struct big *a, const struct big *b)
{
	int i;

	for (i = BIG_LIMBS; i-- > 0; )
		if (a->w[i] != b->w[i])
			return a->w[i] < b->w[i] ? -1 : 1;
	return 0;
}

/*
 * floor(num / den) when it is at most 1000, by bisection: only huge
 * groups with nine different counts come here.
 */
static long
big_quotient(const struct big *num, const struct big *den)
{
	struct big t;
	long lo = 0, hi = 1000, mid;

	while (lo < hi) {
		mid = (lo + hi + 1) / 2;
		t = *den;
		big_mul(&t, (uint64_t)mid);
		if (big_cmp(&t, num) <= 0)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

/*
 * With N / D = sum[0] / cnt[0] + ... over the common denominator D =
 * cnt[0] * ... * cnt[k-1], the figure in tenths is 250 / m * N / D,
 * and rounded half up (all is non-negative) floor((500 N + m D) /
 * (2 m D)).  Equal counts, the usual case, up to three different ones,
 * and more whose product stays below 2^80, fit 128 bits; the others
 * take the limbs above.
 */
long
hme_mean_tenths(const uint64_t *sum, const uint64_t *cnt, int k, int m)
{
	struct big num, den, t;
	u128 n = 0, d = 1, p;
	int i, j, equal = 1;

	for (i = 1; i < k; i++)
		equal &= cnt[i] == cnt[0];
	if (equal) {
		for (i = 0; i < k; i++)
			n += sum[i];
		return (long)((500 * n + (u128)m * cnt[0]) /
		    (2 * (u128)m * cnt[0]));
	}
	for (i = 0, j = 0; i < k; i++)
		j += 64 - __builtin_clzll(cnt[i] | 1);
	if (k <= 3 || j <= 80) {	/* 500 N < 2^(j + 45): fits */
		for (i = 0; i < k; i++) {
			d *= cnt[i];
			for (p = sum[i], j = 0; j < k; j++)
				if (j != i)
					p *= cnt[j];
			n += p;
		}
		return (long)((500 * n + m * d) / (2 * m * d));
	}
	big_set(&num, 0);
	big_set(&den, 1);
	for (i = 0; i < k; i++) {
		big_mul(&den, cnt[i]);
		big_set(&t, sum[i]);
		for (j = 0; j < k; j++)
			if (j != i)
				big_mul(&t, cnt[j]);
		big_add(&num, &t);
	}
	big_mul(&num, 500);
	t = den;
	big_mul(&t, (uint64_t)m);
	big_add(&num, &t);
	big_mul(&den, 2 * (uint64_t)m);
	return big_quotient(&num, &den);
}

long
hme_subindex_tenths(uint64_t sum, uint64_t count)
{
	return hme_mean_tenths(&sum, &count, 1, 3);
}

long
hme_total_tenths(const uint64_t sum[HME_NSUBS],
    const uint64_t count[HME_NSUBS])
{
	return hme_mean_tenths(sum, count, HME_NSUBS, 3 * HME_NSUBS);
}

int
hme_unit_cmp(const char *a, const char *b)
{
	size_t la, lb;
	int c;

	for (;;) {
		la = strcspn(a, "/");
		lb = strcspn(b, "/");
		if ((c = memcmp(a, b, la < lb ? la : lb)) != 0)
			return c;
		if (la != lb)
			return la < lb ? -1 : 1;
		a += la;
		b += lb;
		if (*a == '\0' || *b == '\0')
			return (*a != '\0') - (*b != '\0');
		a++;
		b++;
	}
}

int
hme_tab_init(struct hme_tab *t, size_t cap)
{
	t->n = 0;
	t->cap = cap;
	if ((t->s = calloc(cap, sizeof(*t->s))) == NULL)
		return -1;
	return 0;
}

void
hme_tab_free(struct hme_tab *t)
{
	free(t->s);
	memset(t, 0, sizeof(*t));
}

struct hme_slot *
hme_tab_slot(struct hme_tab *t, uint64_t h,
    int (*eq)(const void *, const void *), const void *arg)
{
	size_t i, mask = t->cap - 1;

	for (i = h & mask; t->s[i].p != NULL; i = (i + 1) & mask)
		if (t->s[i].h == h && eq(t->s[i].p, arg))
			break;
	return &t->s[i];
}

int
hme_tab_put(struct hme_tab *t, struct hme_slot *s, uint64_t h, void *p)
{
	struct hme_slot *ns;
	size_t cap = t->cap * 2, i, j;

	s->h = h;
	s->p = p;
	if (2 * ++t->n <= t->cap)
		return 0;
	if ((ns = calloc(cap, sizeof(*ns))) == NULL)
		return -1;
	for (i = 0; i < t->cap; i++) {
		if (t->s[i].p == NULL)
			continue;
		for (j = t->s[i].h & (cap - 1); ns[j].p != NULL;
		    j = (j + 1) & (cap - 1))
			;
		ns[j] = t->s[i];
	}
	free(t->s);
	t->s = ns;
	t->cap = cap;
	return 0;
}

int
hme_vec_grow(void ***v, size_t n, size_t *cap)
{
	void **p;
	size_t c;

	if (n < *cap)
		return 0;
	c = *cap ? 2 * *cap : 64;
	if ((p = realloc(*v, c * sizeof(*p))) == NULL)
		return -1;
	*v = p;
	*cap = c;
	return 0;
}

/*
 * A unit as written, in one period: the key of the table every
 * response goes through, so only the first response of each spelling
 * is normalized.  key holds the unit's bytes.
 */
struct hme_spelling {
	struct hme_atom	*atom;
	size_t		 ulen;
	uint32_t	 period;
	char		 key[];
};

struct hme_tally *
hme_tally_new(const struct hme_config *cf)
{
	struct hme_tally *t;

	if ((t = calloc(1, sizeof(*t))) == NULL)
		return NULL;
	t->cf = *cf;
	if (t->cf.min_group == 0)
		t->cf.min_group = 1;
	if (hme_tab_init(&t->spellings, 64) == -1 ||
	    hme_tab_init(&t->units, 64) == -1 ||
	    hme_tab_init(&t->atoms, 64) == -1 ||
	    hme_tab_init(&t->periods, 16) == -1) {
		hme_tally_free(t);
		return NULL;
	}
	return t;
}

void
hme_tally_free(struct hme_tally *t)
{
	size_t i;

	if (t == NULL)
		return;
	hme_lattice_free(t->lat);
	for (i = 0; i < t->spellings.cap; i++)
		free(t->spellings.s[i].p);
	for (i = 0; i < t->nunits; i++)
		free(t->unitv[i]);
	for (i = 0; i < t->natoms; i++)
		free(t->atomv[i]);
	for (i = 0; i < t->nperiods; i++)
		free(t->periodv[i]);
	hme_tab_free(&t->spellings);
	hme_tab_free(&t->units);
	hme_tab_free(&t->atoms);
	hme_tab_free(&t->periods);
	free(t->unitv);
	free(t->atomv);
	free(t->periodv);
	tuff_namebuf_free(&t->nb);
	free(t);
}

/*
 * The hash of a spelling: the keyed hash of the unit, moved by the
 * period's number.  Crafting collisions still needs the key: for
 * different units the hashes are as random as tuff_hash's, and one
 * unit's periods land apart.  One pass over the unit per response.
 */
static uint64_t
spelling_hash(const char *unit, size_t ulen, uint32_t period)
{
	return tuff_hash(unit, ulen) + period * 0x9e3779b97f4a7c15ULL;
}

static int
same_spelling(const struct hme_spelling *s, const char *unit, size_t ulen,
    uint32_t period)
{
	return s->period == period && s->ulen == ulen &&
	    memcmp(s->key, unit, ulen) == 0;
}

static int
eq_unit(const void *entry, const void *arg)
{
	const struct hme_unit *u = entry;
	const struct tuff_namebuf *k = arg;

	return u->klen == k->len && memcmp(u->key, k->s, k->len) == 0;
}

/* The unit whose NFC text is in t->nb, made when new. */
static struct hme_unit *
unit_of(struct hme_tally *t, const struct hme_response *r)
{
	struct hme_unit *u;
	struct hme_slot *s;
	uint64_t h = tuff_hash(t->nb.s, t->nb.len);
	char *p;

	s = hme_tab_slot(&t->units, h, eq_unit, &t->nb);
	if (s->p != NULL)
		return s->p;
	if (hme_vec_grow((void ***)&t->unitv, t->nunits, &t->capunits) == -1 ||
	    (u = malloc(sizeof(*u) + t->nb.len + r->ulen + 2)) == NULL)
		return NULL;
	p = (char *)(u + 1);
	memcpy(p, t->nb.s, t->nb.len + 1);
	u->key = p;
	u->klen = t->nb.len;
	p += t->nb.len + 1;
	memcpy(p, r->unit, r->ulen);
	p[r->ulen] = '\0';
	u->spell = p;
	u->slen = r->ulen;
	u->file = r->file;
	u->line = r->line;
	u->column = r->column;
	u->lat = NULL;
	t->unitv[t->nunits++] = u;
	if (hme_tab_put(&t->units, s, h, u) == -1)
		return NULL;
	return u;
}

static int
eq_period(const void *entry, const void *arg)
{
	return strcmp(((const struct hme_period *)entry)->s, arg) == 0;
}

static struct hme_period *
period_of(struct hme_tally *t, const char *period, size_t plen)
{
	struct hme_period *p;
	struct hme_slot *s;
	uint64_t h = tuff_hash(period, plen);

	if (plen >= sizeof(p->s))
		return errno = EINVAL, NULL;
	s = hme_tab_slot(&t->periods, h, eq_period, period);
	if (s->p != NULL)
		return s->p;
	if (hme_vec_grow((void ***)&t->periodv, t->nperiods,
	    &t->capperiods) == -1 || (p = calloc(1, sizeof(*p))) == NULL)
		return NULL;
	memcpy(p->s, period, plen);
	p->idx = (uint32_t)t->nperiods;
	t->periodv[t->nperiods++] = p;
	if (hme_tab_put(&t->periods, s, h, p) == -1)
		return NULL;
	return p;
}

struct atom_key {
	const struct hme_unit	*unit;
	uint32_t		 period;
};

static int
eq_atom(const void *entry, const void *arg)
{
	const struct hme_atom *a = entry;
	const struct atom_key *k = arg;

	return a->unit == k->unit && a->period == k->period;
}

static struct hme_atom *
atom_of(struct hme_tally *t, struct hme_unit *u, uint32_t period)
{
	struct atom_key k = { u, period };
	uint64_t bytes[2] = { (uint64_t)(uintptr_t)u, period };
	uint64_t h = tuff_hash(bytes, sizeof(bytes));
	struct hme_slot *s;
	struct hme_atom *a;

	s = hme_tab_slot(&t->atoms, h, eq_atom, &k);
	if (s->p != NULL)
		return s->p;
	if (hme_vec_grow((void ***)&t->atomv, t->natoms, &t->capatoms) == -1 ||
	    (a = calloc(1, sizeof(*a))) == NULL)
		return NULL;
	a->unit = u;
	a->period = period;
	t->atomv[t->natoms++] = a;
	if (hme_tab_put(&t->atoms, s, h, a) == -1)
		return NULL;
	return a;
}

/*
 * The first response of a spelling: its unit by NFC text, its atom in
 * period p, and the spelling itself for the responses after it.
 */
static struct hme_spelling *
new_spelling(struct hme_tally *t, struct hme_slot *s, uint64_t h,
    const struct hme_response *r, const struct hme_period *p)
{
	struct hme_spelling *sp;
	struct hme_unit *u;
	struct hme_atom *a;

	if (tuff_name_key(&t->nb, r->unit, r->ulen, TUFF_NAME_NFC) == -1 ||
	    (u = unit_of(t, r)) == NULL ||
	    (a = atom_of(t, u, p->idx)) == NULL ||
	    (sp = malloc(sizeof(*sp) + r->ulen)) == NULL)
		return NULL;
	sp->atom = a;
	sp->ulen = r->ulen;
	sp->period = p->idx;
	memcpy(sp->key, r->unit, r->ulen);
	/* In the table even if it cannot grow: freed with it. */
	if (hme_tab_put(&t->spellings, s, h, sp) == -1)
		return NULL;
	return sp;
}

static struct hme_spelling *
spelling_of(struct hme_tally *t, const struct hme_response *r,
    const struct hme_period *p)
{
	struct hme_spelling *sp;
	uint64_t h = spelling_hash(r->unit, r->ulen, p->idx);
	size_t i, mask = t->spellings.cap - 1;

	for (i = h & mask; (sp = t->spellings.s[i].p) != NULL;
	    i = (i + 1) & mask)
		if (t->spellings.s[i].h == h &&
		    same_spelling(sp, r->unit, r->ulen, p->idx))
			return sp;
	return new_spelling(t, &t->spellings.s[i], h, r, p);
}

static void
count(struct hme_counts *c, const unsigned char a[HME_NITEMS])
{
	int i, s;

	c->n++;
	for (i = 0; i < HME_NITEMS; i++)
		if (a[i] >= 1 && a[i] <= 5)
			c->dist[i][a[i] - 1]++;
	for (s = 0; s < HME_NSUBS; s++) {
		i = 3 * s;
		if (a[i] >= 1 && a[i] <= 5 && a[i + 1] >= 1 && a[i + 1] <= 5 &&
		    a[i + 2] >= 1 && a[i + 2] <= 5) {
			c->rcnt[s]++;
			c->rsum[s] += (uint64_t)a[i] + a[i + 1] + a[i + 2] - 3;
		}
	}
}

int
hme_tally_add(struct hme_tally *t, const struct hme_response *r)
{
	struct hme_spelling *sp = t->last;
	struct hme_period *p = t->lastp;

	if (t->total >= HME_MAX_COUNT) {
		errno = EOVERFLOW;
		return -1;
	}
	/* errno is set on failure: ENOMEM, or EILSEQ for a unit that is
	 * not UTF-8. */
	if (p == NULL || strcmp(p->s, r->period) != 0) {
		if ((p = period_of(t, r->period, strlen(r->period))) == NULL)
			return -1;
		t->lastp = p;
	}
	if (sp == NULL || !same_spelling(sp, r->unit, r->ulen, p->idx)) {
		if ((sp = spelling_of(t, r, p)) == NULL)
			return -1;
		t->last = sp;
	}
	count(&sp->atom->c, r->answers);
	t->total++;
	return 0;
}

int
hme_tally_scores(struct hme_tally *t, const struct hme_score **sc,
    size_t *n)
{
	return hme_lattice_scores(t, sc, n);
}
