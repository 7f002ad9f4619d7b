/* test-suppress.c — the small-numbers rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "reach-suppress.h"
#include "reach-testutil.h"

#define S REACH_SUPPRESS_SHOWN
#define P REACH_SUPPRESS_SMALL
#define Q REACH_SUPPRESS_SECONDARY

static void
test_format (void)
{
  static const struct { gint64 count; const char *text; } cases[] = {
    { 0, "0" }, { 1, "fewer than 5" }, { 4, "fewer than 5" }, { 5, "5" },
    { 999, "999" }, { 1000, "1,000" }, { 1234567, "1,234,567" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = reach_suppress_format (cases[i].count, 5);
      g_assert_cmpstr (text, ==, cases[i].text);
    }

  {
    g_autofree char *off = reach_suppress_format (3, 0);
    g_autofree char *ten = reach_suppress_format (9, 10);
    g_autofree char *note = reach_suppress_note (5);

    g_assert_cmpstr (off, ==, "3");
    g_assert_cmpstr (ten, ==, "fewer than 10");
    g_assert_nonnull (strstr (note, "Counts below 5 are shown as “fewer than 5”"));
    g_assert_null (reach_suppress_note (1));
  }
}

static void
assert_cells (const ReachSuppressTable *table,
              const ReachSuppressCell  *want)
{
  for (guint i = 0; i < table->n_rows * table->n_cols; i++)
    {
      if (table->cells[i] != want[i])
        g_error ("cell %u (row %u, column %u) is %d, want %d", i, i / table->n_cols,
                 i % table->n_cols, table->cells[i], want[i]);
    }
}

/* One column with its total: a lone small count takes the next smallest
 * non-zero count with it; zeros stay shown. */
static void
test_column_secondary (void)
{
  const gint64 counts[] = { 40, 3, 0, 12, 7 };
  const ReachSuppressCell want[] = { S, P, S, S, Q };
  g_autoptr(ReachSuppressTable) table = reach_suppress_table (counts, 5, 1, FALSE, TRUE, 5);
  g_autofree char *small = reach_suppress_table_format (table, counts, 1, 0, 5);
  g_autofree char *hidden = reach_suppress_table_format (table, counts, 4, 0, 5);
  g_autofree char *zero = reach_suppress_table_format (table, counts, 2, 0, 5);

  assert_cells (table, want);
  g_assert_false (table->col_total_hidden[0]);
  g_assert_cmpstr (small, ==, "fewer than 5");
  g_assert_cmpstr (hidden, ==, "hidden");
  g_assert_cmpstr (zero, ==, "0");
}

/* Two small cells already protect each other; without a total nothing
 * more is hidden. */
static void
test_no_secondary_needed (void)
{
  const gint64 counts[] = { 40, 3, 2, 12 };
  const ReachSuppressCell want[] = { S, P, P, S };
  g_autoptr(ReachSuppressTable) with_total = reach_suppress_table (counts, 4, 1, FALSE, TRUE, 5);
  const gint64 one[] = { 40, 3, 12 };
  const ReachSuppressCell want_one[] = { S, P, S };
  g_autoptr(ReachSuppressTable) no_total = reach_suppress_table (one, 3, 1, FALSE, FALSE, 5);

  assert_cells (with_total, want);
  assert_cells (no_total, want_one);
}

/* A 3 × 3 table with row and column totals: hiding a cell for its row
 * leaves its column with one hidden cell, which needs a partner too. */
static void
test_matrix_cascade (void)
{
  const gint64 counts[] = {
    2, 10, 20,
    8, 30, 40,
    9, 50, 60,
  };
  g_autoptr(ReachSuppressTable) table = reach_suppress_table (counts, 3, 3, TRUE, TRUE, 5);

  /* Row 0 hides 10 beside the 2; column 0 then hides 8 under it; row 1
   * hides 30 beside the 8; column 1 now has 10 and 30: two, done. */
  const ReachSuppressCell want[] = {
    P, Q, S,
    Q, Q, S,
    S, S, S,
  };
  assert_cells (table, want);

  /* Every row and column has zero or at least two hidden cells. */
  for (guint r = 0; r < 3; r++)
    {
      guint n = 0;
      for (guint c = 0; c < 3; c++)
        n += reach_suppress_table_hidden (table, r, c);
      g_assert_true (n == 0 || n >= 2);
    }
  for (guint c = 0; c < 3; c++)
    {
      guint n = 0;
      for (guint r = 0; r < 3; r++)
        n += reach_suppress_table_hidden (table, r, c);
      g_assert_true (n == 0 || n >= 2);
    }
}

/* "fewer than 5" and "hidden" adding up to 6 would be 1 and 5: a third
 * cell goes.  Two small cells adding up to 2 would both be 1: likewise. */
static void
test_bounds (void)
{
  const gint64 a[] = { 1, 5, 40 };
  const ReachSuppressCell want_a[] = { P, Q, Q };
  g_autoptr(ReachSuppressTable) ta = reach_suppress_table (a, 3, 1, FALSE, TRUE, 5);
  const gint64 b[] = { 1, 1, 40 };
  const ReachSuppressCell want_b[] = { P, P, Q };
  g_autoptr(ReachSuppressTable) tb = reach_suppress_table (b, 3, 1, FALSE, TRUE, 5);
  const gint64 c[] = { 4, 5, 40 };
  const ReachSuppressCell want_c[] = { P, Q, S };
  g_autoptr(ReachSuppressTable) tc = reach_suppress_table (c, 3, 1, FALSE, TRUE, 5);

  assert_cells (ta, want_a);
  assert_cells (tb, want_b);
  assert_cells (tc, want_c);
}

/* A lone cell with its total: the total gives it away, so it goes. */
static void
test_total_hidden (void)
{
  const gint64 counts[] = { 3 };
  g_autoptr(ReachSuppressTable) table = reach_suppress_table (counts, 1, 1, FALSE, TRUE, 5);

  g_assert_cmpint (table->cells[0], ==, P);
  g_assert_true (table->col_total_hidden[0]);
}

/* A zero is hidden only when nothing else can be. */
static void
test_zero_last_resort (void)
{
  const gint64 counts[] = { 0, 4 };
  g_autoptr(ReachSuppressTable) table = reach_suppress_table (counts, 2, 1, FALSE, TRUE, 5);
  const ReachSuppressCell want[] = { Q, P };

  assert_cells (table, want);
  /* and a reader could still guess the zero: the total goes too */
  g_assert_true (table->col_total_hidden[0]);
}

static void
test_setting (void)
{
  g_autofree char *dir = reach_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "s.reach", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReachDb) db = reach_db_open (path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (reach_suppress_get_threshold (db, &error), ==, 5);
  g_assert_true (reach_suppress_set_threshold (db, 10, &error));
  g_assert_cmpint (reach_suppress_get_threshold (db, &error), ==, 10);
  g_assert_false (reach_suppress_set_threshold (db, -2, &error));
  g_assert_error (error, REACH_SUPPRESS_ERROR, REACH_SUPPRESS_ERROR_THRESHOLD);
  g_clear_error (&error);
  g_assert_cmpint (reach_suppress_get_threshold (db, &error), ==, 10);

  g_assert_true (reach_db_set_setting (db, REACH_SUPPRESS_SETTING, "lots", &error));
  g_assert_cmpint (reach_suppress_get_threshold (db, &error), ==, -1);
  g_assert_error (error, REACH_SUPPRESS_ERROR, REACH_SUPPRESS_ERROR_THRESHOLD);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/suppress/format", test_format);
  g_test_add_func ("/suppress/column-secondary", test_column_secondary);
  g_test_add_func ("/suppress/no-secondary-needed", test_no_secondary_needed);
  g_test_add_func ("/suppress/matrix-cascade", test_matrix_cascade);
  g_test_add_func ("/suppress/bounds", test_bounds);
  g_test_add_func ("/suppress/total-hidden", test_total_hidden);
  g_test_add_func ("/suppress/zero-last-resort", test_zero_last_resort);
  g_test_add_func ("/suppress/setting", test_setting);

  return g_test_run ();
}
