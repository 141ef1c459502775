/*
 * tuff-report's insides, private to the library: what report.c keeps
 * of the records, and what the writers (report_out.c, report_sec.c,
 * report_chart.c) share.
 */
#ifndef TUFF_REPORT_INT_H
#define TUFF_REPORT_INT_H

#include <stddef.h>

#include "tuff/buf.h"
#include "tuff/date.h"
#include "tuff/journey.h"
#include "tuff/report.h"
#include "report_text.h"

struct tuff_arena;

/* A growable array of n elements of one type. */
struct vec {
	void	*v;
	size_t	 n;
	size_t	 cap;
};

/*
 * One line of the Uppdrag and Framsteg sections, from a follow-up: the
 * assignment itself (due), a milestone (due or reached) or an obstacle.
 * days is signed days since date as of the report (positive: overdue,
 * ago, open for), known when the record gave a date or a count.
 */
enum rp_what {
	RP_DUE = 0,		/* the assignment's due date */
	RP_MS_DUE,		/* a milestone not reached */
	RP_MS_REACHED,		/* a milestone reached: to celebrate */
	RP_OBSTACLE,		/* an open obstacle */
	RP_NWHAT
};

struct rp_item {
	const char	*assignment;
	const char	*title;		/* the assignment's, or NULL */
	const char	*owner;		/* the assignment's, or NULL */
	const char	*name;		/* milestone or obstacle */
	const char	*who;		/* obstacle owner, or NULL */
	int		 has_date;
	tuff_day	 date;		/* due, reached or raised */
	int		 has_count;
	long		 count;		/* as written: days since date */
	int		 has_as_of;
	tuff_day	 as_of;		/* the follow-up's */
	int		 known;		/* days is known */
	long		 days;
	size_t		 seq;
};

enum { RP_ERROR = 0, RP_WARNING, RP_NOTE, RP_NSEV };

#define RP_NPRINCIPLES	7
#define RP_NAREAS	3

struct rp_profile {
	const char	*record;	/* NULL: a decision without id */
	int		 decision;	/* record_kind decision */
	long		 pc[RP_NPRINCIPLES][2];	/* passed, checked */
	long		 passed, checked;
	long		 sev[RP_NSEV];
	size_t		 seq;
};

struct rp_finding {
	const char	*record;	/* NULL: no id */
	const char	*rule;
	const char	*message;
	int		 principle;	/* index, or -1 */
	int		 sev;
	size_t		 seq;
};

/* The four figures of an hme-score: index and the three subindices. */
enum { RP_INDEX = 0, RP_MOT, RP_LEAD, RP_GOV, RP_NFIG };

struct rp_score {
	const char	*unit;
	const char	*period;
	long		 respondents;	/* -1: not given */
	int		 suppressed;
	int		 has[RP_NFIG];
	long		 fig[RP_NFIG];	/* tenths */
	const char	*prev_period;	/* NULL: no trend */
	long		 prev_index;
	int		 has_change;
	long		 change;
	size_t		 seq;
};

#define RP_NITEMS	9

struct rp_hitem {
	const char	*unit;
	const char	*period;
	int		 item;		/* 0 .. 8: m1 .. s3 */
	const char	*text;		/* NULL: not given */
	long		 answered;	/* -1: not given */
	int		 suppressed;
	int		 has_dist;
	long		 dist[5];
	int		 has_index;
	long		 index;
	size_t		 seq;
};

/* A journey (with its steps) or a challenge (with its pains only). */
struct rp_journey {
	const char		*id;
	const char		*title;
	int			 challenge;
	struct journey_metrics	 m;
	const struct tuff_node	*root;		/* the record */
	const struct tuff_node	*pains;		/* a challenge's, or NULL */
	size_t			 seq;
};

struct report {
	struct report_opts	 o;
	tuff_day		 as_of;		/* decided by report_finish */
	struct tuff_arena	*mem;		/* strings the report makes */
	struct vec		 docs;		/* struct tuff_doc *: kept */
	size_t			 kept;		/* their bytes */
	size_t			 seq;		/* records read */
	struct vec		 items[RP_NWHAT];	/* struct rp_item */
	struct vec		 profiles;	/* struct rp_profile */
	struct vec		 findings;	/* struct rp_finding */
	struct vec		 scores;	/* struct rp_score */
	struct vec		 hitems;	/* struct rp_hitem */
	struct vec		 journeys;	/* struct rp_journey */
	struct vec		 keys;		/* struct rp_key: duplicates */
	size_t			*slots;		/* keys' index + 1, by hash */
	size_t			 nslots;
	size_t			 nindexed;	/* keys in slots */
	struct vec		 titles;	/* struct rp_title */
	size_t			 followups;
	int			 fu_as_of_seen;
	tuff_day		 fu_as_of;	/* the latest */
	/* Records of other kinds, for the footnote. */
	size_t			 others;
	struct rp_other {
		const char	*kind;		/* NULL: no kind */
		size_t		 n;
	}			 other[8];
	size_t			 nother;
	size_t			 other_rest;	/* of kinds past the eight */
};

/* An assignment's title, from its follow-up, for the TBLS section. */
struct rp_title {
	const char	*id;
	const char	*title;
};

/* Memory for the report's own strings; aborts on ENOMEM like tuff_alloc. */
void		*rp_alloc(struct report *, size_t);
char		*rp_printf(struct report *, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));
/* Append one element of size sz to a vec; returns it, zeroed. */
void		*rp_push(struct vec *, size_t sz);

/* "a, b och c" of n texts. */
const char	*rp_join(struct report *, const char *const *s, size_t n);
/* Pointers to the n elements of a vec, for sorting; the caller frees. */
void		**rp_pointers(const struct vec *, size_t sz);
/* Strings in the order strcmp gives, NULL last. */
int		 rp_cmp_str(const char *, const char *);

/* The title of an assignment id, or NULL. */
const char	*rp_title_of(const struct report *, const char *id);

/* Swedish numbers: "82,0", with a sign "+26,5" / "−3,1" / "±0,0". */
char		*rp_dec(struct report *, long tenths);
char		*rp_change(struct report *, long tenths);
char		*rp_date(struct report *, tuff_day);
/* "1 dag", "17 dagar": n with the singular or plural of a text pair. */
char		*rp_count(struct report *, long n, enum rp_plural);

/* The writer: Markdown or HTML into b, the same content. */
struct rp_out {
	struct report	*r;
	struct tuff_buf	*b;
	int		 html;
};

/* A table for both formats: plain text cells, escaped when written. */
struct rp_table {
	const char		*caption;	/* HTML only; may be NULL */
	size_t			 ncol;
	const char *const	*head;
	const char		*align;		/* 'l' or 'r' per column */
	const char		*cls;		/* HTML class of the table */
	struct vec		 cells;		/* const char *, row-major */
	struct vec		 cellcls;	/* const char *, or NULL */
	/* Optional group header above the columns (HTML only). */
	const char *const	*group;		/* text per group */
	const int		*span;		/* columns per group */
	size_t			 ngroup;
};

void	rp_table_init(struct rp_table *, size_t ncol, const char *const *head,
	    const char *align);
/* Append a cell to the last row (a row is full after ncol cells). */
void	rp_cell(struct rp_table *, const char *text, const char *cls);
void	rp_table_free(struct rp_table *);

void	rp_heading(struct rp_out *, int level, const char *text,
	    const char *id);
void	rp_para(struct rp_out *, const char *text);
/* A paragraph of an HTML class (plain in Markdown). */
void	rp_para_class(struct rp_out *, const char *cls, const char *text);
/* A paragraph in smaller type (HTML), plain in Markdown. */
void	rp_note(struct rp_out *, const char *text);
void	rp_table(struct rp_out *, const struct rp_table *);
/* Key figures: label and value, cls NULL or "alert" or "good". */
void	rp_facts(struct rp_out *, const char *const *label,
	    const char *const *value, const char *const *cls, size_t n);
/* A bulleted list of plain texts. */
void	rp_list(struct rp_out *, const char *const *items, size_t n);
/* <section> with a page break before it in print when newpage. */
void	rp_section(struct rp_out *, const char *id, int newpage);
void	rp_section_end(struct rp_out *);
/* HTML only: a <figure> holding charts and their tables. */
void	rp_figure(struct rp_out *, const char *cls);
void	rp_figure_end(struct rp_out *);

/* The page around the sections. */
void	rp_begin(struct rp_out *, const char *title);
void	rp_end(struct rp_out *);

/* The sections (report_sec.c, report_hme.c, report_journeys.c). */
void	rp_summary(struct rp_out *);
void	rp_assignments(struct rp_out *);
void	rp_celebrate(struct rp_out *);
void	rp_tbls(struct rp_out *);
void	rp_hme(struct rp_out *);
void	rp_journeys(struct rp_out *);
void	rp_footnote(struct rp_out *);

/* The latest score of the first unit: the HME key figure, or NULL. */
const struct rp_score	*rp_hme_headline(struct report *);
/* HTML only: a <div> around a chart and its table. */
void	rp_div(struct rp_out *);
void	rp_div_end(struct rp_out *);

/* The charts (report_chart.c), HTML only. */
void	rp_chart_trend(struct rp_out *, const char *unit,
	    const struct rp_score *const *s, size_t n);
void	rp_chart_subindex(struct rp_out *, const char *unit,
	    const struct rp_score *);
void	rp_chart_items(struct rp_out *, const char *unit, const char *period,
	    const struct rp_hitem *const *it, size_t n);
void	rp_chart_friction(struct rp_out *, const struct rp_journey *const *j,
	    size_t n);
void	rp_chart_journey(struct rp_out *, const struct rp_journey *);

#endif
