/*
 * Every grouping hme-score can be asked for, suppressed together, and
 * the figures of the groups one run asks for.
 *
 * The groupings form a table with margins.  Down the side, the units
 * as a tree (T): a unit path's every prefix is a node, and a unit with
 * responses of its own and units below it gets an extra leaf, "its
 * own", which is what a run without --rollup publishes under its name;
 * above the top units a root stands for all units together (--by
 * period).  Across, each period, and all periods together (--by unit).
 * A cell is a node in a period: a "row cell" for one period, an "ALL
 * cell" for all of them.  The atoms are the leaves' cells: one unit's
 * own responses in one period; every cell is a union of atoms.
 *
 * What a reader can work out from the published cells of every run is
 * a linear combination of them; it is constant on the classes of atoms
 * that no published cell tells apart.  If every class that lies in some
 * published cell holds either no answers or at least min of them, no
 * group of 1 .. min-1 answers can be recovered by subtraction: that is
 * the rule, applied to each item's answers and to each subindex's
 * complete respondents (a "dimension") on its own.
 *
 * Within one period, T's published cells are laminar: a published
 * cell's class is its remainder, what its published descendants (seen
 * through hidden cells) leave.  The row step hides, while a remainder
 * holds 1 .. min-1, one more published cell below, the one that closes
 * the gap (the figures of the parents are what people follow), and the
 * root's remainder hides the root itself.
 *
 * The ALL cells cut those classes further.  The ALL step goes up T
 * node by node.  At node x, pre(x, p) is what of x's subtree in period
 * p no published cell at or below x covers, in either direction but
 * x's own.  If (x, p) is published, pre(x, p) is the class of x's
 * remainder that no published ALL cell below cuts off, and final: when
 * it holds 1 .. min-1, published ALL cells below x are hidden (they
 * cut off at least min each, or nothing) until it does not.  Then x's
 * own ALL cell: publishing it makes final the classes pre(x, p) of the
 * periods where (x, p) is hidden, one per period that has a published
 * row cell above x, and one for all the others together; if one holds
 * 1 .. min-1 the ALL cell is hidden, and its pieces go up.  So every
 * class is checked when it becomes final, and merging classes that
 * were fine keeps them fine.
 *
 * Every walk is iterative (the tree is at most HME_MAX_LEVELS + 2
 * deep); every table is keyed by tuff_hash; memory is proportional to
 * the cells, at most the atoms times the depth.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tuff/diag.h"
#include "tuff/hash.h"
#include "tuff/hme.h"
#include "tuff/names.h"
#include "hme_int.h"

#define ALL_PERIODS	UINT32_MAX
/* Dimensions: items 0..8, then the respondent method's subindices. */
#define DIM_SUB(s)	(HME_NITEMS + (s))
#define NDIMS		(HME_NITEMS + HME_NSUBS)

struct node;

struct cell {
	struct hme_counts	 c;
	struct node		*node;
	uint32_t		 rank;		/* period, or ALL_PERIODS */
	uint32_t		 answered[HME_NITEMS];
	struct cell		*parent;	/* row cells: one node up */
	struct cell		*child, *sibling;
	uint16_t		 hidden;	/* bit d: not published */
	unsigned char		 anc;		/* a published row cell above */
	uint64_t		 pre, ou;	/* scratch, see above */
};

struct node {
	const char	*key;		/* NFC text, klen bytes (a prefix of
					   a unit's key); NULL at the root */
	size_t		 klen;
	const char	*spell;		/* as first written, slen bytes */
	size_t		 slen;
	const char	*file;		/* the unit that brought it */
	unsigned long	 line, column;
	struct node	*parent, *child, *sibling;
	struct hme_unit	*unit;		/* leaves: whose own responses */
	int		 own;		/* a unit's own, beside its units */
	int		 has_units;	/* units below (while building) */
	size_t		 pos;		/* in sorted order; the root 0 */
	size_t		 a0, a1;	/* its atoms, sorted */
	struct cell	*cells;		/* row cells by period */
	size_t		 ncells;
	struct cell	*all;		/* NULL at the root */
};

struct hme_lattice {
	struct node		 root;
	struct node		**nodev;
	size_t			 nnodes, capnodes;
	struct hme_tab		 nodes;
	struct cell		*cellv;
	size_t			 ncells;
	struct hme_period	**periods;	/* by rank */
	struct hme_score	*scores;
	size_t			 nscores;
	char			*names;
};

static int
hid(const struct cell *c, int d)
{
	return c->hidden >> d & 1;
}

static uint64_t
cnt(const struct cell *c, int d)
{
	return d < HME_NITEMS ? c->answered[d] : c->c.rcnt[d - HME_NITEMS];
}

/* Order of keys of known length: level by level along '/'. */
static int
key_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	const char *p;
	size_t la, lb;
	int c;

	for (;;) {
		la = (p = memchr(a, '/', alen)) != NULL ? (size_t)(p - a) : alen;
		lb = (p = memchr(b, '/', blen)) != NULL ? (size_t)(p - b) : blen;
		if ((c = memcmp(a, b, la < lb ? la : lb)) != 0)
			return c;
		if (la != lb)
			return la < lb ? -1 : 1;
		a += la;
		b += lb;
		alen -= la;
		blen -= lb;
		if (alen == 0 || blen == 0)
			return (alen != 0) - (blen != 0);
		a++;
		b++;
		alen--;
		blen--;
	}
}

static int
node_cmp(const void *pa, const void *pb)
{
	const struct node *a = *(struct node *const *)pa;
	const struct node *b = *(struct node *const *)pb;
	int c = key_cmp(a->key, a->klen, b->key, b->klen);

	return c != 0 ? c : a->own - b->own;
}

struct key_arg {
	const char	*s;
	size_t		 len;
};

static int
eq_node(const void *entry, const void *arg)
{
	const struct node *n = entry;
	const struct key_arg *k = arg;

	return n->klen == k->len && memcmp(n->key, k->s, k->len) == 0;
}

static struct node *
new_node(struct hme_lattice *L, const struct hme_unit *u, size_t klen,
    size_t slen, struct node *parent)
{
	struct node *n;

	if (hme_vec_grow((void ***)&L->nodev, L->nnodes, &L->capnodes) == -1 ||
	    (n = calloc(1, sizeof(*n))) == NULL)
		return NULL;
	n->key = u->key;
	n->klen = klen;
	n->spell = u->spell;
	n->slen = slen;
	n->file = u->file;
	n->line = u->line;
	n->column = u->column;
	n->parent = parent;
	L->nodev[L->nnodes++] = n;
	return n;
}

/*
 * The node of every unit and of every prefix of one, in input order of
 * the units.  A prefix's hash is taken from the unit's hash state at
 * its '/', so a unit of L levels costs one pass, not L.  A prefix shows
 * as the prefix of the first unit written under it.
 */
static int
build_nodes(struct hme_tally *t, struct hme_lattice *L)
{
	struct tuff_hasher h, end;
	struct hme_unit *u;
	struct node *n, *parent;
	struct hme_slot *s;
	struct key_arg k;
	size_t i, kp, sp, ke, se;
	uint64_t hv;

	if (hme_tab_init(&L->nodes, 64) == -1)
		return -1;
	for (i = 0; i < t->nunits; i++) {
		u = t->unitv[i];
		parent = &L->root;
		tuff_hash_init(&h);
		kp = sp = 0;
		for (;;) {
			ke = kp + strcspn(u->key + kp, "/");
			se = sp + strcspn(u->spell + sp, "/");
			tuff_hash_add(&h, u->key + kp, ke - kp);
			end = h;
			hv = tuff_hash_end(&end);
			k.s = u->key;
			k.len = ke;
			s = hme_tab_slot(&L->nodes, hv, eq_node, &k);
			if ((n = s->p) == NULL) {
				if ((n = new_node(L, u, ke, se, parent)) == NULL ||
				    hme_tab_put(&L->nodes, s, hv, n) == -1)
					return -1;
			}
			parent = n;
			if (u->key[ke] == '\0')
				break;
			tuff_hash_add(&h, "/", 1);
			kp = ke + 1;
			sp = u->spell[se] != '\0' ? se + 1 : se;
		}
		parent->unit = u;
		u->lat = parent;
	}
	return 0;
}

struct fold {
	const struct node	*parent;
	const struct node	*first;
	size_t			 len;
	char			 key[];
};

struct fold_arg {
	const struct node	*parent;
	const char		*s;
	size_t			 len;
};

static int
eq_fold(const void *entry, const void *arg)
{
	const struct fold *f = entry;
	const struct fold_arg *a = arg;

	return f->parent == a->parent && f->len == a->len &&
	    memcmp(f->key, a->s, a->len) == 0;
}

/*
 * Units that differ only in case are two units, as written; warn once
 * per name, at the level where they part (under the same parent), and
 * with both positions.  Keyed by the parent and the case-folded last
 * level.
 */
static int
warn_case(struct hme_lattice *L)
{
	struct tuff_namebuf nb = { NULL, 0, 0 };
	struct hme_tab tab;
	struct hme_slot *s;
	struct fold *f;
	struct fold_arg a;
	struct tuff_hasher h;
	const struct node *m;
	struct node *n;
	size_t i, off;
	uint64_t hv;
	int rc = -1;

	if (hme_tab_init(&tab, 64) == -1)
		return -1;
	for (i = 0; i < L->nnodes; i++) {
		n = L->nodev[i];
		off = n->parent != &L->root ? n->parent->klen + 1 : 0;
		if (tuff_name_key(&nb, n->key + off, n->klen - off,
		    TUFF_NAME_FOLD) == -1)
			goto out;
		tuff_hash_init(&h);
		tuff_hash_add(&h, &n->parent, sizeof(n->parent));
		tuff_hash_add(&h, nb.s, nb.len);
		hv = tuff_hash_end(&h);
		a.parent = n->parent;
		a.s = nb.s;
		a.len = nb.len;
		s = hme_tab_slot(&tab, hv, eq_fold, &a);
		if (s->p != NULL) {
			m = ((struct fold *)s->p)->first;
			tuff_input_warning(n->file, n->line, n->column,
			    "unit \"%.*s\" differs only in case from unit "
			    "\"%.*s\" (%s:%lu:%lu); they are scored as two "
			    "units", (int)n->slen, n->spell, (int)m->slen,
			    m->spell, m->file, m->line, m->column);
			continue;
		}
		if ((f = malloc(sizeof(*f) + nb.len)) == NULL)
			goto out;
		f->parent = n->parent;
		f->first = n;
		f->len = nb.len;
		memcpy(f->key, nb.s, nb.len);
		if (hme_tab_put(&tab, s, hv, f) == -1)
			goto out;
	}
	rc = 0;
out:
	for (i = 0; i < tab.cap; i++)
		free(tab.s[i].p);
	hme_tab_free(&tab);
	tuff_namebuf_free(&nb);
	return rc;
}

/*
 * A unit with responses of its own and units below gets a leaf for its
 * own responses; then every node in order, the root first, with its
 * children listed in order (a unit's own leaf first).
 */
static int
order_nodes(struct hme_lattice *L)
{
	struct node *n, *own;
	size_t i, count = L->nnodes;

	for (i = 0; i < count; i++)
		L->nodev[i]->parent->has_units = 1;
	for (i = 0; i < count; i++) {
		n = L->nodev[i];
		if (n->unit == NULL || !n->has_units)
			continue;
		if ((own = new_node(L, n->unit, n->klen, n->slen, n)) == NULL)
			return -1;
		own->own = 1;
		own->file = n->file;
		own->line = n->line;
		own->column = n->column;
		own->unit = n->unit;
		own->unit->lat = own;
		n->unit = NULL;
	}
	if (L->nnodes > 0)	/* qsort(NULL, 0, ...) is undefined */
		qsort(L->nodev, L->nnodes, sizeof(*L->nodev), node_cmp);
	L->root.child = NULL;
	for (i = L->nnodes; i-- > 0; ) {
		n = L->nodev[i];
		n->pos = i + 1;
		n->sibling = n->parent->child;
		n->parent->child = n;
	}
	return 0;
}

static int
period_cmp(const void *pa, const void *pb)
{
	return strcmp((*(struct hme_period *const *)pa)->s,
	    (*(struct hme_period *const *)pb)->s);
}

static int
atom_cmp(const void *pa, const void *pb)
{
	const struct hme_atom *a = *(struct hme_atom *const *)pa;
	const struct hme_atom *b = *(struct hme_atom *const *)pb;
	const struct node *na = a->unit->lat, *nb = b->unit->lat;

	if (na->pos != nb->pos)
		return na->pos < nb->pos ? -1 : 1;
	return (a->period > b->period) - (a->period < b->period);
}

static void
add_counts(struct hme_counts *dst, const struct hme_counts *src)
{
	int i, v;

	dst->n += src->n;
	for (i = 0; i < HME_NITEMS; i++)
		for (v = 0; v < 5; v++)
			dst->dist[i][v] += src->dist[i][v];
	for (i = 0; i < HME_NSUBS; i++) {
		dst->rcnt[i] += src->rcnt[i];
		dst->rsum[i] += src->rsum[i];
	}
}

/*
 * Atoms sorted by leaf and period (periods by rank from here on), and
 * each node's range of them: a subtree's atoms are contiguous.
 */
static int
sort_atoms(struct hme_tally *t, struct hme_lattice *L)
{
	struct node *n, *c;
	size_t i;

	if ((L->periods = malloc((t->nperiods + 1) *
	    sizeof(*L->periods))) == NULL)
		return -1;
	if (t->nperiods == 0)
		return 0;	/* nothing read: no atoms either */
	memcpy(L->periods, t->periodv, t->nperiods * sizeof(*L->periods));
	qsort(L->periods, t->nperiods, sizeof(*L->periods), period_cmp);
	for (i = 0; i < t->nperiods; i++)
		L->periods[i]->rank = (uint32_t)i;
	for (i = 0; i < t->natoms; i++)
		t->atomv[i]->period = t->periodv[t->atomv[i]->period]->rank;
	qsort(t->atomv, t->natoms, sizeof(*t->atomv), atom_cmp);
	for (i = 0; i < t->natoms; i++) {
		n = t->atomv[i]->unit->lat;
		if (n->a1 == 0)
			n->a0 = i;
		n->a1 = i + 1;
	}
	/* Children come after their parent: their ranges are known. */
	for (i = L->nnodes; i-- > 0; ) {
		n = L->nodev[i];
		if (n->child == NULL)
			continue;
		n->a0 = n->child->a0;
		for (c = n->child; c->sibling != NULL; c = c->sibling)
			;
		n->a1 = c->a1;
	}
	L->root.a0 = 0;
	L->root.a1 = t->natoms;
	return 0;
}

static int
rank_cmp(const void *pa, const void *pb)
{
	uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;

	return (a > b) - (a < b);
}

/* The row cell of n in period rank, or NULL. */
static struct cell *
cell_at(const struct node *n, uint32_t rank)
{
	size_t lo = 0, hi = n->ncells, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (n->cells[mid].rank == rank)
			return &n->cells[mid];
		if (n->cells[mid].rank < rank)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static struct node *
node_at(struct hme_lattice *L, size_t pos)
{
	return pos == 0 ? &L->root : L->nodev[pos - 1];
}

/*
 * Every node's cells: a row cell for each period its subtree has
 * responses in, sorted, then (but at the root) its ALL cell; counts
 * summed from the atoms.  cellv holds them node by node in order, so
 * a cell's parent comes before it.
 */
static int
build_cells(struct hme_tally *t, struct hme_lattice *L)
{
	size_t *stamp, *slot, total = 0, off = 0, pos, i, k, a;
	uint32_t *ranks, r;
	struct node *n;
	struct cell *c;
	int rc = -1, v;

	stamp = calloc(t->nperiods + 1, sizeof(*stamp));
	slot = calloc(t->nperiods + 1, sizeof(*slot));
	ranks = calloc(t->nperiods + 1, sizeof(*ranks));
	if (stamp == NULL || slot == NULL || ranks == NULL)
		goto out;
	for (pos = 0; pos <= L->nnodes; pos++) {
		n = node_at(L, pos);
		for (k = 0, a = n->a0; a < n->a1; a++)
			if (stamp[r = t->atomv[a]->period] != pos + 1) {
				stamp[r] = pos + 1;
				k++;
			}
		n->ncells = k;
		total += k + (pos > 0);
	}
	if ((L->cellv = calloc(total + 1, sizeof(*L->cellv))) == NULL)
		goto out;
	L->ncells = total;
	memset(stamp, 0, (t->nperiods + 1) * sizeof(*stamp));
	for (pos = 0; pos <= L->nnodes; pos++) {
		n = node_at(L, pos);
		for (k = 0, a = n->a0; a < n->a1; a++)
			if (stamp[r = t->atomv[a]->period] != pos + 1) {
				stamp[r] = pos + 1;
				ranks[k++] = r;
			}
		qsort(ranks, k, sizeof(*ranks), rank_cmp);
		n->cells = L->cellv + off;
		for (i = 0; i < k; i++) {
			n->cells[i].node = n;
			n->cells[i].rank = ranks[i];
			slot[ranks[i]] = i;
		}
		off += k;
		if (pos > 0) {
			n->all = L->cellv + off++;
			n->all->node = n;
			n->all->rank = ALL_PERIODS;
		}
		for (a = n->a0; a < n->a1; a++) {
			r = t->atomv[a]->period;
			add_counts(&n->cells[slot[r]].c, &t->atomv[a]->c);
			if (n->all != NULL)
				add_counts(&n->all->c, &t->atomv[a]->c);
		}
	}
	for (i = 0; i < L->ncells; i++) {
		c = &L->cellv[i];
		for (k = 0; k < HME_NITEMS; k++)
			for (v = 0; v < 5; v++)
				c->answered[k] += c->c.dist[k][v];
		if (c->rank != ALL_PERIODS && c->node != &L->root)
			c->parent = cell_at(c->node->parent, c->rank);
	}
	for (i = L->ncells; i-- > 0; ) {
		c = &L->cellv[i];
		if (c->parent != NULL) {
			c->sibling = c->parent->child;
			c->parent->child = c;
		}
	}
	rc = 0;
out:
	free(stamp);
	free(slot);
	free(ranks);
	return rc;
}

/*
 * A cell to hide below g, for dimension d, whose remainder has a gap
 * of 1 .. min-1: among the published cells reached through hidden
 * ones, one whose own remainder closes the gap, else one that adds to
 * it, else one with cells below; among equals the fewest respondents,
 * then the first in order.  An iterative walk of g's subtree.
 */
static struct cell *
pick_row(struct cell *g, int d, uint64_t gap, uint64_t min)
{
	struct cell *c = g->child, *best = NULL;
	uint64_t rest;
	int class, bestclass = 4;

	while (c != NULL) {
		if (hid(c, d) && c->child != NULL) {
			c = c->child;
			continue;
		}
		if (!hid(c, d)) {
			rest = cnt(c, d) - c->pre;
			class = gap + rest >= min ? 0 : rest > 0 ? 1 :
			    c->child != NULL ? 2 : 3;
			if (class < bestclass || (class == bestclass &&
			    (c->c.n < best->c.n || (c->c.n == best->c.n &&
			    c->node->pos < best->node->pos)))) {
				best = c;
				bestclass = class;
			}
		}
		while (c != g && c->sibling == NULL)
			c = c->parent;
		c = c != g ? c->sibling : NULL;
	}
	return bestclass < 3 ? best : NULL;
}

/*
 * The row step for dimension d (see the top of the file).  pre holds
 * what published descendants, reached through hidden cells, cover.
 * Hiding one makes its ancestors up to g pass on its own cover instead
 * of its count; nothing below or above g changes, so one pass from
 * the leaves up reaches the fixed point.
 */
static void
row_step(struct hme_lattice *L, int d, uint64_t min)
{
	struct cell *g, *best, *a;
	uint64_t gap, delta;
	size_t i;

	for (i = 0; i < L->ncells; i++)
		L->cellv[i].pre = 0;
	for (i = L->ncells; i-- > 0; ) {
		g = &L->cellv[i];
		if (g->rank == ALL_PERIODS)
			continue;
		while (!hid(g, d) && (gap = cnt(g, d) - g->pre) > 0 &&
		    gap < min) {
			/* All units together: hide the pooled figure. */
			if (g->node == &L->root ||
			    (best = pick_row(g, d, gap, min)) == NULL) {
				g->hidden |= 1U << d;
				break;
			}
			best->hidden |= 1U << d;
			delta = cnt(best, d) - best->pre;
			for (a = best->parent; a != g; a = a->parent)
				a->pre -= delta;
			g->pre -= delta;
		}
		if (g->parent != NULL)
			g->parent->pre += hid(g, d) ? g->pre : cnt(g, d);
	}
}

/*
 * What hiding y's ALL cell would add to pre(x, rank): y's uncovered
 * part in that period, if no published row cell between y and x takes
 * it.
 */
static uint64_t
all_contrib(const struct node *y, const struct node *x, uint32_t rank, int d)
{
	const struct cell *h = cell_at(y, rank), *a;
	uint64_t delta;

	if (h == NULL || !hid(h, d))
		return 0;
	delta = h->pre;
	for (a = h->parent; delta > 0 && a->node != x; a = a->parent)
		if (!hid(a, d))
			delta = 0;
	return delta;
}

/*
 * A published ALL cell below x, reached through hidden ones, to hide
 * for a gap in period rank; preferences as in pick_row.
 */
static struct node *
pick_all(struct node *x, uint32_t rank, uint64_t gap, int d, uint64_t min)
{
	struct node *y = x->child, *best = NULL;
	uint64_t add;
	int class, bestclass = 4;

	while (y != NULL) {
		if (hid(y->all, d) && y->child != NULL) {
			y = y->child;
			continue;
		}
		if (!hid(y->all, d)) {
			add = all_contrib(y, x, rank, d);
			class = gap + add >= min ? 0 : add > 0 ? 1 :
			    y->child != NULL ? 2 : 3;
			if (class < bestclass || (class == bestclass &&
			    (y->all->c.n < best->all->c.n ||
			    (y->all->c.n == best->all->c.n &&
			    y->pos < best->pos)))) {
				best = y;
				bestclass = class;
			}
		}
		while (y != x && y->sibling == NULL)
			y = y->parent;
		y = y != x ? y->sibling : NULL;
	}
	return bestclass < 3 ? best : NULL;
}

/* y's ALL cell was hidden: its uncovered parts go up to x. */
static void
propagate(struct node *x, struct node *y, int d)
{
	struct cell *h, *a;
	uint64_t delta;
	size_t i;

	for (i = 0; i < y->ncells; i++) {
		h = &y->cells[i];
		if (!hid(h, d) || (delta = h->pre) == 0)
			continue;
		h->ou = delta;
		for (a = h->parent; delta > 0 && a->node != x; a = a->parent) {
			a->pre += delta;
			if (hid(a, d))
				a->ou += delta;
			else
				delta = 0;
		}
		if (delta > 0)
			a->pre += delta;
	}
}

/* Every published row cell of x: its final class 0 or >= min. */
static void
fix_remainders(struct node *x, int d, uint64_t min)
{
	struct node *y;
	struct cell *g;
	size_t i;

	for (;;) {
		for (i = 0; i < x->ncells; i++) {
			g = &x->cells[i];
			if (!hid(g, d) && g->pre > 0 && g->pre < min)
				break;
		}
		if (i == x->ncells ||
		    (y = pick_all(x, g->rank, g->pre, d, min)) == NULL)
			return;
		y->all->hidden |= 1U << d;
		propagate(x, y, d);
	}
}

/* Publish x's ALL cell only if the classes it would close are fine. */
static void
decide_all(struct node *x, int d, uint64_t min)
{
	struct cell *g;
	uint64_t loose = 0;
	size_t i;

	if (hid(x->all, d))
		return;
	for (i = 0; i < x->ncells; i++) {
		g = &x->cells[i];
		if (!hid(g, d))
			continue;
		if (!g->anc)
			loose += g->pre;
		else if (g->pre > 0 && g->pre < min)
			break;
	}
	if (i < x->ncells || (loose > 0 && loose < min))
		x->all->hidden |= 1U << d;
}

/* The ALL step for dimension d (see the top of the file). */
static void
all_step(struct hme_lattice *L, int d, uint64_t min)
{
	struct node *x;
	struct cell *c;
	size_t i, pos;

	for (i = 0; i < L->ncells; i++) {
		c = &L->cellv[i];
		c->pre = c->ou = 0;
		c->anc = c->parent != NULL &&
		    (!hid(c->parent, d) || c->parent->anc);
	}
	for (pos = L->nnodes + 1; pos-- > 0; ) {
		x = node_at(L, pos);
		if (x->child == NULL)
			for (i = 0; i < x->ncells; i++)
				x->cells[i].pre = cnt(&x->cells[i], d);
		fix_remainders(x, d, min);
		if (x->all != NULL)
			decide_all(x, d, min);
		for (i = 0; i < x->ncells; i++) {
			c = &x->cells[i];
			c->ou = !hid(c, d) || (x->all != NULL &&
			    !hid(x->all, d)) ? 0 : c->pre;
			if (c->parent != NULL)
				c->parent->pre += c->ou;
		}
	}
}

static void
suppress(struct hme_lattice *L, uint64_t min)
{
	struct cell *c;
	size_t i;
	int d;

	for (i = 0; i < L->ncells; i++) {
		c = &L->cellv[i];
		for (d = 0; d < NDIMS; d++)
			if (c->c.n < min || cnt(c, d) < min)
				c->hidden |= 1U << d;
	}
	for (d = 0; d < NDIMS; d++) {
		row_step(L, d, min);
		all_step(L, d, min);
	}
}

/* The figures of cell c that its dimensions let cf's method publish. */
static void
figures(const struct hme_config *cf, const struct cell *c,
    struct hme_score *sc)
{
	uint64_t sum[HME_NITEMS], ans[HME_NITEMS], rsum[HME_NSUBS],
	    rcnt[HME_NSUBS];
	int i, s, v;

	sc->respondents = c->c.n;
	for (i = 0; i < HME_NITEMS; i++) {
		sum[i] = 0;
		for (v = 0; v < 5; v++) {
			sc->dist[i][v] = c->c.dist[i][v];
			sum[i] += (uint64_t)v * c->c.dist[i][v];
		}
		ans[i] = sc->answered[i] = c->answered[i];
		if (!hid(c, i)) {
			sc->item_pub |= 1U << i;
			sc->item[i] = hme_mean_tenths(&sum[i], &ans[i], 1, 1);
		}
	}
	for (s = 0; s < HME_NSUBS; s++) {
		rsum[s] = c->c.rsum[s];
		rcnt[s] = c->c.rcnt[s];
		if (cf->method == HME_METHOD_ITEM) {
			if ((sc->item_pub >> (3 * s) & 7) != 7)
				continue;
			sc->sub[s] = hme_mean_tenths(sum + 3 * s, ans + 3 * s,
			    3, 3);
		} else {
			if (hid(c, DIM_SUB(s)))
				continue;
			sc->sub[s] = hme_subindex_tenths(rsum[s], rcnt[s]);
		}
		sc->published |= HME_PUB_SUB(s);
	}
	if (sc->published == HME_PUB_SUB(0) + HME_PUB_SUB(1) + HME_PUB_SUB(2)) {
		sc->published |= HME_PUB_INDEX;
		sc->index = cf->method == HME_METHOD_ITEM ?
		    hme_mean_tenths(sum, ans, HME_NITEMS, HME_NITEMS) :
		    hme_total_tenths(rsum, rcnt);
	}
	sc->suppressed = sc->published == 0;
}

/*
 * With trend: the latest earlier published index of the same unit, in
 * a period of the same form (a year after a year, a month after a
 * month: a yearly survey and a monthly pulse are different series).
 */
static void
fill_trend(struct hme_score *sc, size_t n)
{
	struct hme_score *prev[2] = { NULL, NULL };
	size_t i;
	int form;

	for (i = 0; i < n; i++) {
		if (i > 0 && sc[i].unit != sc[i - 1].unit)
			prev[0] = prev[1] = NULL;
		if (sc[i].period == NULL || !(sc[i].published & HME_PUB_INDEX))
			continue;
		form = strlen(sc[i].period) > 4;
		if (prev[form] != NULL) {
			sc[i].prev_period = prev[form]->period;
			sc[i].prev_index = prev[form]->index;
			sc[i].change = sc[i].index - prev[form]->index;
		}
		prev[form] = &sc[i];
	}
}

/* Does this run write node n's groups? */
static int
wanted(const struct hme_config *cf, const struct node *n)
{
	return cf->rollup ? !n->own : n->child == NULL;
}

/* The groups cf asks for, in order, with their names and figures. */
static int
make_scores(const struct hme_config *cf, struct hme_lattice *L)
{
	struct hme_score *sc;
	struct node *n;
	size_t i, j, count = 0, bytes = 0;
	char *name;

	if (cf->by == HME_BY_PERIOD)
		count = L->root.ncells;
	else
		for (i = 0; i < L->nnodes; i++)
			if (wanted(cf, n = L->nodev[i])) {
				count += cf->by == HME_BY_UNIT ? 1 : n->ncells;
				bytes += n->slen + 1;
			}
	L->scores = calloc(count + 1, sizeof(*L->scores));
	L->names = malloc(bytes + 1);
	if (L->scores == NULL || L->names == NULL)
		return -1;
	sc = L->scores;
	if (cf->by == HME_BY_PERIOD)
		for (j = 0; j < L->root.ncells; j++, sc++) {
			sc->period = L->periods[L->root.cells[j].rank]->s;
			figures(cf, &L->root.cells[j], sc);
		}
	for (i = 0, name = L->names; cf->by != HME_BY_PERIOD &&
	    i < L->nnodes; i++) {
		if (!wanted(cf, n = L->nodev[i]))
			continue;
		memcpy(name, n->spell, n->slen);
		name[n->slen] = '\0';
		if (cf->by == HME_BY_UNIT) {
			sc->unit = name;
			figures(cf, n->all, sc++);
		} else
			for (j = 0; j < n->ncells; j++, sc++) {
				sc->unit = name;
				sc->period = L->periods[n->cells[j].rank]->s;
				figures(cf, &n->cells[j], sc);
			}
		name += n->slen + 1;
	}
	L->nscores = count;
	if (cf->trend)
		fill_trend(L->scores, count);
	return 0;
}

void
hme_lattice_free(struct hme_lattice *L)
{
	size_t i;

	if (L == NULL)
		return;
	for (i = 0; i < L->nnodes; i++)
		free(L->nodev[i]);
	free(L->nodev);
	hme_tab_free(&L->nodes);
	free(L->cellv);
	free(L->periods);
	free(L->scores);
	free(L->names);
	free(L);
}

int
hme_lattice_scores(struct hme_tally *t, const struct hme_score **out,
    size_t *n)
{
	struct hme_lattice *L;

	if (t->lat != NULL) {
		/* The atoms are sorted and renumbered: score once. */
		*out = t->lat->scores;
		*n = t->lat->nscores;
		return t->lat->scores != NULL ? 0 : (errno = ENOMEM, -1);
	}
	if ((t->lat = L = calloc(1, sizeof(*L))) == NULL ||
	    build_nodes(t, L) == -1 || warn_case(L) == -1 ||
	    order_nodes(L) == -1 || sort_atoms(t, L) == -1 ||
	    build_cells(t, L) == -1) {
		errno = ENOMEM;
		return -1;
	}
	suppress(L, t->cf.min_group);
	if (make_scores(&t->cf, L) == -1) {
		errno = ENOMEM;
		return -1;
	}
	*out = L->scores;
	*n = L->nscores;
	return 0;
}
