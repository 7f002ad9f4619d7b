/* reach-suppress.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-suppress"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "reach-suppress.h"

G_DEFINE_QUARK (reach-suppress-error-quark, reach_suppress_error)

int
reach_suppress_get_threshold (ReachDb  *db,
                              GError  **error)
{
  g_autofree char *value = NULL;
  gint64 n;

  if (!reach_db_get_setting (db, REACH_SUPPRESS_SETTING, &value, error))
    return -1;
  if (value == NULL)
    return REACH_SUPPRESS_DEFAULT_THRESHOLD;
  if (!g_ascii_string_to_signed (value, 10, 0, REACH_SUPPRESS_MAX_THRESHOLD, &n, NULL))
    {
      g_set_error (error, REACH_SUPPRESS_ERROR, REACH_SUPPRESS_ERROR_THRESHOLD,
                   _("The workspace’s setting “%s” is “%s”, not a whole number from 0 to %d"),
                   REACH_SUPPRESS_SETTING, value, REACH_SUPPRESS_MAX_THRESHOLD);
      return -1;
    }
  return (int) n;
}

gboolean
reach_suppress_set_threshold (ReachDb  *db,
                              int       threshold,
                              GError  **error)
{
  g_autofree char *value = NULL;

  if (threshold < 0 || threshold > REACH_SUPPRESS_MAX_THRESHOLD)
    {
      g_set_error (error, REACH_SUPPRESS_ERROR, REACH_SUPPRESS_ERROR_THRESHOLD,
                   _("%d is not a threshold for small numbers; use a whole number from 0 to %d"),
                   threshold, REACH_SUPPRESS_MAX_THRESHOLD);
      return FALSE;
    }
  value = g_strdup_printf ("%d", threshold);
  return reach_db_set_setting (db, REACH_SUPPRESS_SETTING, value, error);
}

gboolean
reach_suppress_is_small (gint64 count,
                         int    threshold)
{
  return count >= 1 && count < threshold;
}

/* "12,345": thousands separators whatever the locale, as the report's
 * plain English does. */
static char *
format_count (gint64 count)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, count < 0 ? -count : count);
  GString *out = g_string_new (count < 0 ? "−" : "");
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

char *
reach_suppress_format (gint64 count,
                       int    threshold)
{
  if (reach_suppress_is_small (count, threshold))
    return g_strdup_printf (_("fewer than %d"), threshold);
  return format_count (count);
}

const char *
reach_suppress_hidden_text (void)
{
  return _("hidden");
}

char *
reach_suppress_note (int threshold)
{
  if (threshold <= 1)
    return NULL;
  return g_strdup_printf (_("Counts below %d are shown as “fewer than %d”; some other cells "
                            "are hidden so they cannot be worked out."),
                          threshold, threshold);
}

void
reach_suppress_table_free (ReachSuppressTable *table)
{
  if (table == NULL)
    return;
  g_free (table->cells);
  g_free (table->row_total_hidden);
  g_free (table->col_total_hidden);
  g_free (table);
}

/* One line of a table (a row or a column): n cells, stride apart. */
typedef struct
{
  guint first;
  guint stride;
  guint n;
} Line;

/* What a reader can tell of a hidden cell: a small one lies in
 * [1, threshold − 1]; one hidden to protect it is at least the threshold
 * (or, rarely, a zero hidden for want of anything else: assume the reader
 * guesses it). */
static void
hidden_range (const ReachSuppressTable *table,
              const gint64             *counts,
              guint                     at,
              int                       threshold,
              double                   *low,
              double                   *high)
{
  if (table->cells[at] == REACH_SUPPRESS_SMALL)
    *low = 1, *high = threshold - 1;
  else if (counts[at] > 0)
    *low = threshold, *high = INFINITY;
  else
    *low = 0, *high = 0;
}

/* A line is safe when, knowing its total, the shown cells and the ranges
 * above, no small hidden count can be pinned to one value.  A single
 * hidden cell never is (the total gives it away); neither is "fewer than
 * 5" beside one "hidden" when they add up to 6 (it must be 1 and 5). */
static gboolean
line_is_safe (const ReachSuppressTable *table,
              const gint64             *counts,
              Line                      line,
              int                       threshold)
{
  guint n_hidden = 0;
  double sum = 0;

  for (guint i = 0; i < line.n; i++)
    {
      guint at = line.first + i * line.stride;

      if (table->cells[at] != REACH_SUPPRESS_SHOWN)
        {
          n_hidden++;
          sum += counts[at];
        }
    }
  if (n_hidden == 0)
    return TRUE;
  if (n_hidden == 1)
    return FALSE;

  for (guint i = 0; i < line.n; i++)
    {
      guint at = line.first + i * line.stride;
      double others_low = 0, others_high = 0, low, high;

      if (table->cells[at] != REACH_SUPPRESS_SMALL)
        continue;
      for (guint j = 0; j < line.n; j++)
        {
          guint other = line.first + j * line.stride;
          double lo, hi;

          if (j == i || table->cells[other] == REACH_SUPPRESS_SHOWN)
            continue;
          hidden_range (table, counts, other, threshold, &lo, &hi);
          others_low += lo;
          others_high += hi;
        }
      low = MAX (1, sum - others_high);
      high = MIN (threshold - 1, sum - others_low);
      if (high <= low)
        return FALSE;
    }
  return TRUE;
}

/* Until the line is safe, hides its smallest shown cell, preferring a
 * non-zero count (hiding a true zero protects less: a reader may guess
 * it).  With no cell left to hide, hides the line's total.  Returns
 * whether anything changed. */
static gboolean
protect_line (ReachSuppressTable *table,
              const gint64       *counts,
              Line                line,
              int                 threshold,
              gboolean           *total_hidden)
{
  gboolean changed = FALSE;

  while (!*total_hidden && !line_is_safe (table, counts, line, threshold))
    {
      gint best = -1;

      for (guint i = 0; i < line.n; i++)
        {
          guint at = line.first + i * line.stride;

          if (table->cells[at] != REACH_SUPPRESS_SHOWN)
            continue;
          if (best < 0 ||
              (counts[best] == 0 && counts[at] > 0) ||
              ((counts[at] > 0) == (counts[best] > 0) && counts[at] < counts[best]))
            best = at;
        }
      if (best >= 0)
        table->cells[best] = REACH_SUPPRESS_SECONDARY;
      else
        *total_hidden = TRUE;
      changed = TRUE;
    }
  return changed;
}

ReachSuppressTable *
reach_suppress_table (const gint64 *counts,
                      guint         n_rows,
                      guint         n_cols,
                      gboolean      row_totals,
                      gboolean      col_totals,
                      int           threshold)
{
  ReachSuppressTable *table = g_new0 (ReachSuppressTable, 1);
  gboolean changed = TRUE;

  g_return_val_if_fail (counts != NULL || n_rows * n_cols == 0, table);

  table->n_rows = n_rows;
  table->n_cols = n_cols;
  table->cells = g_new0 (ReachSuppressCell, MAX (n_rows * n_cols, 1));
  table->row_total_hidden = g_new0 (gboolean, MAX (n_rows, 1));
  table->col_total_hidden = g_new0 (gboolean, MAX (n_cols, 1));

  for (guint i = 0; i < n_rows * n_cols; i++)
    if (reach_suppress_is_small (counts[i], threshold))
      table->cells[i] = REACH_SUPPRESS_SMALL;

  /* Hiding a cell for one line can leave another line with a single
   * hidden cell: go round until nothing changes. */
  while (changed)
    {
      changed = FALSE;
      for (guint r = 0; row_totals && r < n_rows; r++)
        changed |= protect_line (table, counts, (Line) { r * n_cols, 1, n_cols }, threshold,
                                 &table->row_total_hidden[r]);
      for (guint c = 0; col_totals && c < n_cols; c++)
        changed |= protect_line (table, counts, (Line) { c, n_cols, n_rows }, threshold,
                                 &table->col_total_hidden[c]);
    }
  return table;
}

char *
reach_suppress_table_format (const ReachSuppressTable *table,
                             const gint64             *counts,
                             guint                     row,
                             guint                     col,
                             int                       threshold)
{
  guint at = row * table->n_cols + col;

  switch (table->cells[at])
    {
    case REACH_SUPPRESS_SMALL:
      return g_strdup_printf (_("fewer than %d"), threshold);
    case REACH_SUPPRESS_SECONDARY:
      return g_strdup (reach_suppress_hidden_text ());
    case REACH_SUPPRESS_SHOWN:
    default:
      return format_count (counts[at]);
    }
}
