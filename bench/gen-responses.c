/*
 * gen-responses: write N synthetic hme-response records to standard
 * output, for benchmarks.
 *
 *	gen-responses [-s seed] N
 *
 * The stream looks like a year-by-year survey export of a few
 * organisations: units four levels deep ("org/förvaltning/avdelning/
 * enhet", some answers at the avdelning itself), six periods, answers
 * as flow lists mostly, but also flow and block mappings (keys in
 * another order) and block lists, and now and then a null.  The same
 * seed and N give the same bytes.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static const char *const orgs[] = {
	"Region Gävleborg",
	"Region Dalarna",
	"Sundsvalls kommun",
};

static const char *const forvaltningar[] = {
	"Socialförvaltningen",
	"Utbildningsförvaltningen",
	"Hälso- och sjukvårdsförvaltningen",
	"Samhällsbyggnadsförvaltningen",
};

static const char *const avdelningar[][4] = {
	{ "Äldreomsorg", "Funktionsstöd", "Individ- och familjeomsorg",
	    "Socialpsykiatri" },
	{ "Förskola", "Grundskola", "Gymnasium", "Elevhälsa" },
	{ "Primärvård", "Akutsjukvård", "Psykiatri", "Folkhälsa och hållbarhet" },
	{ "Bygglov", "Miljö", "Gata och park", "Planering" },
};

static const char *const enheter[] = {
	"Norr",
	"Söder",
	"Väst",
	"Öst",
	"Stab",
	"Kansli",
};

static const char *const periods[] = {
	"2019", "2020", "2021", "2022", "2023", "2024",
};

static const char *const ids[9] = {
	"m1", "m2", "m3", "l1", "l2", "l3", "s1", "s2", "s3",
};

/* Block mappings list the items as a survey tool sorting its columns
 * would: by id, so l before m before s. */
static const int sorted_ids[9] = { 3, 4, 5, 0, 1, 2, 6, 7, 8 };

#define NLEAVES	(NELEM(orgs) * NELEM(forvaltningar) * NELEM(avdelningar[0]) * \
	    NELEM(enheter))

struct rng {
	uint64_t	state;
};

/* splitmix64: small, fast, and the same everywhere. */
static uint64_t
rng_next(struct rng *r)
{
	uint64_t z;

	z = (r->state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static unsigned
rng_below(struct rng *r, unsigned n)
{
	return (unsigned)((rng_next(r) >> 32) * n >> 32);
}

static void
usage(void)
{
	fputs("usage: gen-responses [-s seed] N\n", stderr);
	exit(2);
}

/*
 * Print the unit of leaf number leaf; one answer in twenty belongs to
 * the avdelning itself rather than one of its enheter.
 */
static void
put_unit(struct rng *r, unsigned leaf)
{
	unsigned e, a, f, o;

	e = leaf % NELEM(enheter);
	leaf /= NELEM(enheter);
	a = leaf % NELEM(avdelningar[0]);
	leaf /= NELEM(avdelningar[0]);
	f = leaf % NELEM(forvaltningar);
	o = leaf / NELEM(forvaltningar);
	printf("unit: %s/%s/%s", orgs[o], forvaltningar[f], avdelningar[f][a]);
	if (rng_below(r, 20) != 0)
		printf("/%s", enheter[e]);
	putchar('\n');
}

/*
 * Nine answers around the unit's level: each unit has its own mood
 * (from its number), each person their own, each item some noise.
 */
static void
make_answers(struct rng *r, unsigned leaf, int ans[9])
{
	int base, person, v, i;

	base = 30 + (int)((leaf * 2654435761U) >> 16) % 15;	/* 3.0 .. 4.4 */
	person = (int)rng_below(r, 13) - 6;
	for (i = 0; i < 9; i++) {
		v = (base + person * 2 + (int)rng_below(r, 15) - 7 + 5) / 10;
		if (v < 1)
			v = 1;
		if (v > 5)
			v = 5;
		if (rng_below(r, 64) == 0)
			v = 0;	/* not answered */
		ans[i] = v;
	}
}

static void
put_answer(int v)
{
	if (v == 0)
		fputs("null", stdout);
	else
		putchar('0' + v);
}

/* The answers in one of the four forms a record may use. */
static void
put_answers(struct rng *r, const int ans[9])
{
	unsigned form;
	int i;

	form = rng_below(r, 20);
	if (form < 14) {
		fputs("answers: [", stdout);
		for (i = 0; i < 9; i++) {
			if (i > 0)
				fputs(", ", stdout);
			put_answer(ans[i]);
		}
		fputs("]\n", stdout);
	} else if (form < 18) {
		fputs("answers: {", stdout);
		for (i = 0; i < 9; i++) {
			printf("%s%s: ", i > 0 ? ", " : "", ids[i]);
			put_answer(ans[i]);
		}
		fputs("}\n", stdout);
	} else if (form < 19) {
		fputs("answers:\n", stdout);
		for (i = 0; i < 9; i++) {
			printf("  %s: ", ids[sorted_ids[i]]);
			put_answer(ans[sorted_ids[i]]);
			putchar('\n');
		}
	} else {
		fputs("answers:\n", stdout);
		for (i = 0; i < 9; i++) {
			fputs("  - ", stdout);
			put_answer(ans[i]);
			putchar('\n');
		}
	}
}

int
main(int argc, char *argv[])
{
	struct rng r = { 1 };
	unsigned long long n, i;
	unsigned leaf;
	int ans[9], c;
	char *end;

	while ((c = getopt(argc, argv, "s:")) != -1)
		switch (c) {
		case 's':
			r.state = strtoull(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0')
				usage();
			break;
		default:
			usage();
		}
	argc -= optind;
	argv += optind;
	if (argc != 1)
		usage();
	errno = 0;
	n = strtoull(argv[0], &end, 10);
	if (*argv[0] == '\0' || *end != '\0' || errno != 0)
		usage();

	puts("# Synthetic HME responses for benchmarks (bench/gen-responses).");
	for (i = 0; i < n; i++) {
		/* An export per year: the periods follow each other. */
		leaf = rng_below(&r, NLEAVES);
		puts("---\nkind: hme-response");
		put_unit(&r, leaf);
		printf("period: %s\n", periods[i * NELEM(periods) / n]);
		make_answers(&r, leaf, ans);
		put_answers(&r, ans);
	}
	if (fflush(stdout) == EOF || ferror(stdout)) {
		perror("gen-responses: write error");
		return 2;
	}
	return 0;
}
