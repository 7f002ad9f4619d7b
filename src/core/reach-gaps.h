/* reach-gaps.h — who is missing: the gap analysis of DESIGN.md §4
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For a characteristic C, a scope S (areas of any level, or everywhere) and
 * a period P:
 *
 *  - n = distinct people reached in P with a stated answer for C: named
 *    participants of activities in P (not cancelled) whose equality answer
 *    for C is not "Prefer not to say" / "Not answered", plus the anonymous
 *    headcounts of those activities in C's stated categories.  In a scope,
 *    named people count when they live in it (their point is in one of its
 *    areas: contacts without a point are left out and counted in the
 *    notes), headcounts when the activity covers one of its areas or its
 *    venue lies in it.
 *  - k_i = those in category i; r_i = k_i / n with a Wilson 95% interval.
 *  - p_i = population share of category i in S, population-weighted: the
 *    sum of the areas' counts for i over the sum of their stated counts
 *    (census "Not answered" is left out of both, as "prefer not to say" is
 *    left out of n).  A scope area without a baseline of its own sums the
 *    baselines of the areas inside it (a ward from its LSOAs).  Everywhere
 *    uses the level whose baselines hold the most people.
 *  - RR_i = r_i / p_i, expected_i = n·p_i, shortfall_i = expected_i − k_i.
 *  - flag, the first that applies: not reached (k_i = 0 and expected_i ≥ 1),
 *    significantly under-represented (hi_i < p_i), under-represented
 *    (RR_i < 0.8), over-represented (lo_i > p_i), in line.  With n = 0 every
 *    row is "no data"; so is every row when the scope has no baseline for C
 *    at all (population 0: shares, ratio, expected and shortfall are NAN).
 *
 * Rows are broad categories (detailed answers and baselines roll up through
 * parent_id) unless detailed is set; then they are the detailed categories,
 * and categories with no detailed parts.  A category absent from the
 * baseline has p_i = 0, in_baseline FALSE and an undefined ratio (NAN).
 */
#pragma once

#include "reach-area.h"
#include "reach-db.h"

G_BEGIN_DECLS

#define REACH_GAPS_ERROR (reach_gaps_error_quark ())
typedef enum
{
  REACH_GAPS_ERROR_CHARACTERISTIC,  /* no such characteristic */
  REACH_GAPS_ERROR_SCOPE,           /* an area code the workspace does not hold */
  REACH_GAPS_ERROR_PERIOD,          /* a date that is not YYYY-MM-DD, or from after to */
} ReachGapsError;

GQuark        reach_gaps_error_quark         (void);

typedef enum
{
  REACH_GAP_NO_DATA,                /* n = 0, or no baseline: nothing to flag */
  REACH_GAP_NOT_REACHED,
  REACH_GAP_SIGNIFICANTLY_UNDER,
  REACH_GAP_UNDER,
  REACH_GAP_OVER,
  REACH_GAP_IN_LINE,
  REACH_N_GAP_FLAGS
} ReachGapFlag;

/* "no-data", "not-reached", "significantly-under-represented",
 * "under-represented", "over-represented", "in-line" */
const char   *reach_gap_flag_to_string       (ReachGapFlag flag);
/* The same in words for people, translated ("Significantly under-represented"). */
const char   *reach_gap_flag_label           (ReachGapFlag flag);

/* The Wilson score 95% interval (z = 1.959964) for k of n; both NAN when
 * n = 0.  k = 8, n = 20 gives [0.2188, 0.6134]. */
void          reach_wilson_interval          (gint64        k,
                                              gint64        n,
                                              double       *low,
                                              double       *high);
/* The flag rule above, for k of n against population share p. */
ReachGapFlag  reach_gap_flag_compute         (gint64        k,
                                              gint64        n,
                                              double        p);

typedef struct
{
  const char         *characteristic;  /* key: "ethnic_group" */
  const char * const *scope;           /* area codes; NULL or empty: everywhere */
  const char         *from;            /* "YYYY-MM-DD", inclusive; NULL: no limit */
  const char         *to;              /* "YYYY-MM-DD", inclusive; NULL: no limit */
  gboolean            detailed;        /* detailed categories, not broad */
} ReachGapQuery;

typedef struct
{
  gint64        category_id;
  char         *category_key;
  char         *category_label;
  gint64        population;         /* baseline count in scope */
  double        population_share;   /* p_i; 0 when absent from the baseline,
                                       NAN when the scope has no baseline */
  gboolean      in_baseline;
  gint64        reached;            /* k_i */
  double        reached_share;      /* r_i; NAN when n = 0 */
  double        ci_low;             /* NAN when n = 0 */
  double        ci_high;
  double        ratio;              /* RR_i; NAN when n = 0 or p_i = 0 */
  double        expected;           /* n·p_i; NAN when the scope has no baseline */
  double        shortfall;          /* expected − k_i; negative when over; NAN likewise */
  ReachGapFlag  flag;
} ReachGapRow;

typedef struct
{
  char       *characteristic_key;
  char       *characteristic_label;
  gint64      n;                 /* reached with a stated answer */
  gint64      n_named;           /* of which named participants */
  gint64      n_headcount;       /* of which anonymous headcounts */
  gint64      n_prefer_not;      /* reached, answered "prefer not to say" (named + headcount) */
  gint64      n_unanswered;      /* named people reached with no answer for C */
  gint64      n_unlocated;       /* named people reached left out of a scope: no point */
  gint64      population;        /* stated baseline population in scope */
  GArray     *rows;              /* ReachGapRow, in category order */
  GPtrArray  *notes;             /* char *: plain-language lines ("Nobody reached…") */
} ReachGapReport;

void          reach_gap_report_free          (ReachGapReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReachGapReport, reach_gap_report_free)

/* Refreshes the area assignments (reach_area_assign_refresh) and runs the
 * analysis. */
ReachGapReport *reach_gaps_analyse           (ReachDb              *db,
                                              const ReachGapQuery  *query,
                                              GError              **error);

/* Rows sorted by shortfall, largest first (for the table). */
void          reach_gap_report_sort_by_shortfall (ReachGapReport *report);

/* The analysis as reach-cli prints it: "json" (an array of objects) or
 * "csv" (a header line), each row exactly category, population,
 * population_share, reached, reached_share, ci_low, ci_high, ratio,
 * expected, shortfall, flag; undefined numbers are null / empty. */
char         *reach_gap_report_to_json       (ReachGapReport *report);
char         *reach_gap_report_to_csv        (ReachGapReport *report);

/* Per area, for the choropleth: people reached in the period who live
 * there, per 1,000 residents. */
typedef struct
{
  gint64          area_id;
  char           *code;
  char           *name;
  ReachAreaLevel  level;
  gint64          residents;     /* reach_baselines_get_residents; 0 when unknown */
  gint64          reached;       /* distinct named people living there reached in P */
  double          per_1000;      /* NAN when residents = 0 */
  int             imd_decile;    /* 1–10, 0 when not imported */
  gboolean        not_reached;   /* reached = 0 */
} ReachAreaReach;

/* ReachAreaReach for every area of @level, by code.  from/to as in the query. */
GArray       *reach_gaps_area_reach          (ReachDb        *db,
                                              ReachAreaLevel  level,
                                              const char     *from,
                                              const char     *to,
                                              GError        **error);

/* For the choropleth of one category: the row of @category_key for each
 * area of @level (scope = that area), in area code order, as ReachGapRow
 * with category_label set to the area's name and category_key to its code. */
GArray       *reach_gaps_by_area             (ReachDb        *db,
                                              ReachAreaLevel  level,
                                              const char     *characteristic,
                                              const char     *category_key,
                                              const char     *from,
                                              const char     *to,
                                              GError        **error);

G_END_DECLS
