/* reach-suppress.h — small numbers are never shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One rule for every count in an export or a report (DESIGN.md §6):
 *
 *  - a count from 1 to threshold − 1 (default 1–4) is printed as "fewer
 *    than 5" (primary suppression);
 *  - a true zero is shown as 0: "nobody" is what the gap analysis is for,
 *    and a zero cannot identify anyone;
 *  - where a row or column total is shown, hidden cells must not be
 *    worked out by subtraction: while one cell of it is hidden alone, or a
 *    small one could be pinned to a single value (knowing small counts
 *    are 1–4 and other hidden ones at least 5: "fewer than 5" and "hidden"
 *    adding up to 6 must be 1 and 5), the next smallest cell is hidden too
 *    (secondary suppression, shown as "hidden"); when there is no other
 *    cell to hide, the total itself is hidden;
 *  - shares, ratios and anything else derived from a hidden count are
 *    hidden with it.
 *
 * A threshold of 1 or less turns suppression off.  The workspace keeps it
 * in the setting "suppress-below".
 */
#pragma once

#include "reach-db.h"

G_BEGIN_DECLS

#define REACH_SUPPRESS_SETTING            "suppress-below"
#define REACH_SUPPRESS_DEFAULT_THRESHOLD  5
#define REACH_SUPPRESS_MAX_THRESHOLD      100

#define REACH_SUPPRESS_ERROR (reach_suppress_error_quark ())
typedef enum
{
  REACH_SUPPRESS_ERROR_THRESHOLD,   /* not a whole number from 0 to 100 */
} ReachSuppressError;

GQuark      reach_suppress_error_quark     (void);

/* The workspace's threshold: REACH_SUPPRESS_DEFAULT_THRESHOLD when unset;
 * -1 on error (also when the stored value is not a number). */
int         reach_suppress_get_threshold   (ReachDb      *db,
                                            GError      **error);
gboolean    reach_suppress_set_threshold   (ReachDb      *db,
                                            int           threshold,
                                            GError      **error);

/* Whether the rule hides count: 1 ≤ count < threshold. */
gboolean    reach_suppress_is_small        (gint64        count,
                                            int           threshold);
/* "fewer than 5" for a small count, otherwise the count with thousands
 * separators ("1,234").  Free with g_free(). */
char       *reach_suppress_format          (gint64        count,
                                            int           threshold);
/* What a cell hidden by secondary suppression shows: "hidden". */
const char *reach_suppress_hidden_text     (void);
/* The sentence every output carries: "Counts below 5 are shown as “fewer
 * than 5”; some other cells are hidden so they cannot be worked out."
 * NULL when suppression is off. */
char       *reach_suppress_note            (int           threshold);

typedef enum
{
  REACH_SUPPRESS_SHOWN,
  REACH_SUPPRESS_SMALL,       /* primary: "fewer than N" */
  REACH_SUPPRESS_SECONDARY,   /* hidden so a small one cannot be worked out */
} ReachSuppressCell;

typedef struct
{
  guint              n_rows;
  guint              n_cols;
  ReachSuppressCell *cells;             /* n_rows × n_cols, row by row */
  gboolean          *row_total_hidden;  /* n_rows */
  gboolean          *col_total_hidden;  /* n_cols */
} ReachSuppressTable;

void        reach_suppress_table_free      (ReachSuppressTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReachSuppressTable, reach_suppress_table_free)

/* Decides which cells of a table of counts (n_rows × n_cols, row by row)
 * to hide.  row_totals: each row's total is shown; col_totals: each
 * column's total is shown.  A single column of counts with its total is
 * n_cols = 1, col_totals TRUE. */
ReachSuppressTable *reach_suppress_table   (const gint64 *counts,
                                            guint         n_rows,
                                            guint         n_cols,
                                            gboolean      row_totals,
                                            gboolean      col_totals,
                                            int           threshold);
static inline gboolean
reach_suppress_table_hidden (const ReachSuppressTable *table,
                             guint                     row,
                             guint                     col)
{
  return table->cells[row * table->n_cols + col] != REACH_SUPPRESS_SHOWN;
}
/* The text of a cell: the count, "fewer than N", or "hidden". */
char       *reach_suppress_table_format    (const ReachSuppressTable *table,
                                            const gint64             *counts,
                                            guint                     row,
                                            guint                     col,
                                            int                       threshold);

G_END_DECLS
