/* reach-gaps.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The analysis of DESIGN.md §4; see reach-gaps.h for the definitions.
 */
#define G_LOG_DOMAIN "reach-gaps"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "reach-area-assign.h"
#include "reach-baseline.h"
#include "reach-classification.h"
#include "reach-csv.h"
#include "reach-gaps-private.h"

#define WILSON_Z 1.959963984540054
#define UNDER_RATIO 0.8

G_DEFINE_QUARK (reach-gaps-error-quark, reach_gaps_error)

static const struct {
  const char *id;
  const char *label;
} flags[REACH_N_GAP_FLAGS] = {
  [REACH_GAP_NO_DATA] = { "no-data", N_("No data") },
  [REACH_GAP_NOT_REACHED] = { "not-reached", N_("Not reached") },
  [REACH_GAP_SIGNIFICANTLY_UNDER] = { "significantly-under-represented", N_("Significantly under-represented") },
  [REACH_GAP_UNDER] = { "under-represented", N_("Under-represented") },
  [REACH_GAP_OVER] = { "over-represented", N_("Over-represented") },
  [REACH_GAP_IN_LINE] = { "in-line", N_("In line") },
};

const char *
reach_gap_flag_to_string (ReachGapFlag flag)
{
  g_return_val_if_fail (flag < REACH_N_GAP_FLAGS, NULL);
  return flags[flag].id;
}

const char *
reach_gap_flag_label (ReachGapFlag flag)
{
  g_return_val_if_fail (flag < REACH_N_GAP_FLAGS, NULL);
  return _(flags[flag].label);
}

void
reach_wilson_interval (gint64  k,
                       gint64  n,
                       double *low,
                       double *high)
{
  double z2 = WILSON_Z * WILSON_Z;
  double p, denom, centre, half;

  if (n <= 0)
    {
      *low = *high = NAN;
      return;
    }

  p = (double) k / n;
  denom = 1 + z2 / n;
  centre = (p + z2 / (2.0 * n)) / denom;
  half = WILSON_Z * sqrt (p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
  *low = k == 0 ? 0 : MAX (0, centre - half);
  *high = k == n ? 1 : MIN (1, centre + half);
}

ReachGapFlag
reach_gap_flag_compute (gint64 k,
                        gint64 n,
                        double p)
{
  double lo, hi;

  if (n <= 0)
    return REACH_GAP_NO_DATA;

  reach_wilson_interval (k, n, &lo, &hi);
  if (k == 0 && n * p >= 1)
    return REACH_GAP_NOT_REACHED;
  if (hi < p)
    return REACH_GAP_SIGNIFICANTLY_UNDER;
  if (p > 0 && ((double) k / n) / p < UNDER_RATIO)
    return REACH_GAP_UNDER;
  if (lo > p)
    return REACH_GAP_OVER;
  return REACH_GAP_IN_LINE;
}

static void
clear_row (gpointer data)
{
  ReachGapRow *row = data;

  g_free (row->category_key);
  g_free (row->category_label);
}

static GArray *
new_rows (void)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (ReachGapRow));

  g_array_set_clear_func (rows, clear_row);
  return rows;
}

void
reach_gap_report_free (ReachGapReport *report)
{
  if (report == NULL)
    return;
  g_free (report->characteristic_key);
  g_free (report->characteristic_label);
  g_clear_pointer (&report->rows, g_array_unref);
  g_clear_pointer (&report->notes, g_ptr_array_unref);
  g_free (report);
}

G_GNUC_PRINTF (2, 3) static void
add_note (ReachGapReport *report,
          const char     *format,
          ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (report->notes, g_strdup_vprintf (format, args));
  va_end (args);
}

/* ---- period --------------------------------------------------------------- */

static gboolean
check_date (const char  *text,
            GError     **error)
{
  GDate date;
  int y, m, d;

  if (text == NULL)
    return TRUE;
  g_date_clear (&date, 1);
  if (strlen (text) == 10 && sscanf (text, "%4d-%2d-%2d", &y, &m, &d) == 3 &&
      text[4] == '-' && text[7] == '-' && g_date_valid_dmy (d, m, y))
    return TRUE;

  g_set_error (error, REACH_GAPS_ERROR, REACH_GAPS_ERROR_PERIOD,
               _("“%s” is not a date; write it as YYYY-MM-DD"), text);
  return FALSE;
}

char *
reach_gaps_period_condition (const char  *from,
                             const char  *to,
                             GError     **error)
{
  GString *sql;

  if (!check_date (from, error) || !check_date (to, error))
    return NULL;
  if (from != NULL && to != NULL && strcmp (from, to) > 0)
    {
      g_set_error (error, REACH_GAPS_ERROR, REACH_GAPS_ERROR_PERIOD,
                   _("The period starts (%s) after it ends (%s)"), from, to);
      return NULL;
    }

  /* the dates were checked to be digits and dashes: safe to inline */
  sql = g_string_new ("a.status <> 'cancelled'");
  if (from != NULL || to != NULL)
    g_string_append (sql, " AND a.starts_at IS NOT NULL");
  if (from != NULL)
    g_string_append_printf (sql, " AND substr (a.starts_at, 1, 10) >= '%s'", from);
  if (to != NULL)
    g_string_append_printf (sql, " AND substr (a.starts_at, 1, 10) <= '%s'", to);
  return g_string_free (sql, FALSE);
}

/* ---- scope ---------------------------------------------------------------- */

typedef struct
{
  gboolean    everywhere;
  GHashTable *located;    /* gint64 area ids: scope areas and every area inside them */
  GHashTable *baseline;   /* gint64 area ids whose baselines count */
} Scope;

static void
scope_clear (Scope *scope)
{
  g_clear_pointer (&scope->located, g_hash_table_unref);
  g_clear_pointer (&scope->baseline, g_hash_table_unref);
}

static char *
id_list (GHashTable *set)
{
  GString *out = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, out->len ? "," : "", *(gint64 *) key);
  return g_string_free (out, FALSE);
}

static void
set_add (GHashTable *set,
         gint64      id)
{
  gint64 *copy = g_new (gint64, 1);

  *copy = id;
  g_hash_table_add (set, copy);
}

static gboolean
query_ids (ReachDb      *db,
           const char   *sql,
           gint64        bind1,
           gint64        bind2,
           GArray       *out,
           GError      **error)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bind1);
  sqlite3_bind_int64 (stmt, 2, bind2);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (out, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not read baselines"));
      return FALSE;
    }
  return TRUE;
}

/* Areas among @candidates (NULL: all areas) with a baseline for the
 * characteristic, at the one level whose baselines hold the most people. */
#define BASELINE_LEVEL_SQL \
  "SELECT a.level FROM baseline b JOIN category g ON g.id = b.category_id " \
  "JOIN area a ON a.id = b.area_id WHERE g.characteristic_id = ?1 AND g.is_prefer_not = 0 %s " \
  "GROUP BY a.level ORDER BY sum (b.count) DESC, a.level LIMIT 1"

static gboolean
baseline_areas (ReachDb     *db,
                gint64       characteristic_id,
                const char  *candidates,
                GHashTable  *out,
                GError     **error)
{
  g_autofree char *restrict_to = candidates ? g_strdup_printf ("AND a.id IN (%s)", candidates)
                                            : g_strdup ("");
  g_autofree char *sql = g_strdup_printf (BASELINE_LEVEL_SQL, restrict_to);
  g_autofree char *level = NULL;
  g_autofree char *sql2 = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = reach_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, characteristic_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    level = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not read baselines"));
      return FALSE;
    }
  if (level == NULL)
    return TRUE;

  sql2 = g_strdup_printf ("SELECT DISTINCT a.id FROM baseline b JOIN category g ON g.id = b.category_id "
                          "JOIN area a ON a.id = b.area_id WHERE g.characteristic_id = ?1 "
                          "AND a.level = '%s' %s AND ?2 = ?2", level, restrict_to);
  if (!query_ids (db, sql2, characteristic_id, 0, ids, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    set_add (out, g_array_index (ids, gint64, i));
  return TRUE;
}

/* A scope of a ward and one of its LSOAs, both with baselines: the ward's
 * table already counts the LSOA's people. */
static gboolean
drop_nested_baselines (ReachDb     *db,
                       GHashTable  *baseline,
                       GError     **error)
{
  g_autofree char *ids = id_list (baseline);
  g_autofree char *sql = NULL;
  g_autoptr(GArray) nested = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (g_hash_table_size (baseline) < 2)
    return TRUE;
  sql = g_strdup_printf ("SELECT DISTINCT child_id FROM area_parent WHERE child_id IN (%1$s) "
                         "AND parent_id IN (%1$s) AND ?1 = ?1 AND ?2 = ?2", ids);
  if (!query_ids (db, sql, 0, 0, nested, error))
    return FALSE;
  for (guint i = 0; i < nested->len; i++)
    g_hash_table_remove (baseline, &g_array_index (nested, gint64, i));
  return TRUE;
}

static gboolean
resolve_scope (ReachDb             *db,
               gint64               characteristic_id,
               const char * const  *codes,
               Scope               *scope,
               GError             **error)
{
  scope->everywhere = codes == NULL || codes[0] == NULL;
  scope->located = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  scope->baseline = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (scope->everywhere)
    return baseline_areas (db, characteristic_id, NULL, scope->baseline, error);

  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autoptr(GArray) own = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) within = NULL;
      g_autoptr(GHashTable) inside = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_autofree char *inside_ids = NULL;
      sqlite3_stmt *stmt = reach_db_prepare (db, "SELECT id FROM area WHERE code = ?1", error);
      gint64 id = 0;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, codes[i], -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (id == 0)
        {
          g_set_error (error, REACH_GAPS_ERROR, REACH_GAPS_ERROR_SCOPE,
                       _("There is no area with the code “%s” in this workspace"), codes[i]);
          return FALSE;
        }

      set_add (scope->located, id);
      if (!(within = reach_area_list_within (db, id, -1, error)))
        return FALSE;
      for (guint j = 0; j < within->len; j++)
        {
          set_add (scope->located, g_array_index (within, gint64, j));
          set_add (inside, g_array_index (within, gint64, j));
        }

      /* the area's own baseline, else those of the areas inside it */
      if (!query_ids (db, "SELECT 1 FROM baseline b JOIN category g ON g.id = b.category_id "
                          "WHERE b.area_id = ?2 AND g.characteristic_id = ?1 LIMIT 1",
                      characteristic_id, id, own, error))
        return FALSE;
      if (own->len > 0)
        set_add (scope->baseline, id);
      else if (g_hash_table_size (inside) > 0)
        {
          inside_ids = id_list (inside);
          if (!baseline_areas (db, characteristic_id, inside_ids, scope->baseline, error))
            return FALSE;
        }
    }

  return drop_nested_baselines (db, scope->baseline, error);
}

/* ---- categories and rows --------------------------------------------------- */

typedef struct
{
  GPtrArray  *categories;  /* ReachCategory */
  GHashTable *row_of;      /* category id → row index + 1 (0: no row) */
  GHashTable *prefer_not;  /* category ids that are not a stated answer */
} Rows;

static void
rows_clear (Rows *rows)
{
  g_clear_pointer (&rows->categories, g_ptr_array_unref);
  g_clear_pointer (&rows->row_of, g_hash_table_unref);
  g_clear_pointer (&rows->prefer_not, g_hash_table_unref);
}

static gboolean
has_children (GPtrArray *categories,
              gint64     id)
{
  for (guint i = 0; i < categories->len; i++)
    if (((ReachCategory *) g_ptr_array_index (categories, i))->parent_id == id)
      return TRUE;
  return FALSE;
}

static ReachCategory *
find_category (GPtrArray *categories,
               gint64     id)
{
  for (guint i = 0; i < categories->len; i++)
    {
      ReachCategory *g = g_ptr_array_index (categories, i);

      if (g->id == id)
        return g;
    }
  return NULL;
}

static ReachCategory *
top_of (GPtrArray     *categories,
        ReachCategory *g)
{
  ReachCategory *parent;

  while (g->parent_id != 0 && (parent = find_category (categories, g->parent_id)) != NULL)
    g = parent;
  return g;
}

static void
rows_build (Rows           *rows,
            gboolean        detailed,
            ReachGapReport *report)
{
  GPtrArray *categories = rows->categories;

  rows->row_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, NULL);
  rows->prefer_not = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, NULL);

  for (guint i = 0; i < categories->len; i++)
    {
      ReachCategory *g = g_ptr_array_index (categories, i);
      gboolean is_row = detailed ? !has_children (categories, g->id) : g->parent_id == 0;
      ReachGapRow row = { 0 };

      if (g->is_prefer_not || top_of (categories, g)->is_prefer_not)
        {
          g_hash_table_add (rows->prefer_not, &g->id);
          continue;
        }
      if (!is_row)
        continue;
      row.category_id = g->id;
      row.category_key = g_strdup (g->key);
      row.category_label = g_strdup (g->label);
      g_array_append_val (report->rows, row);
      g_hash_table_insert (rows->row_of, &g->id, GUINT_TO_POINTER (report->rows->len));
    }

  /* detailed categories roll up to their broad row */
  for (guint i = 0; !detailed && i < categories->len; i++)
    {
      ReachCategory *g = g_ptr_array_index (categories, i);
      ReachCategory *top = top_of (categories, g);
      gpointer index = g_hash_table_lookup (rows->row_of, &top->id);

      if (index != NULL && g != top)
        g_hash_table_insert (rows->row_of, &g->id, index);
    }
}

static ReachGapRow *
row_for (Rows           *rows,
         ReachGapReport *report,
         gint64          category_id)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (rows->row_of, &category_id));

  return index > 0 ? &g_array_index (report->rows, ReachGapRow, index - 1) : NULL;
}

/* ---- counting ------------------------------------------------------------- */

static gboolean
count_population (ReachDb         *db,
                  Rows            *rows,
                  Scope           *scope,
                  gint64           characteristic_id,
                  ReachGapReport  *report,
                  GError         **error)
{
  g_autofree char *ids = id_list (scope->baseline);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (*ids == '\0')
    return TRUE;

  sql = g_strdup_printf ("SELECT b.category_id, sum (b.count) FROM baseline b JOIN category g "
                         "ON g.id = b.category_id WHERE g.characteristic_id = ?1 AND b.area_id IN (%s) "
                         "GROUP BY b.category_id", ids);
  if (!(stmt = reach_db_prepare (db, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, characteristic_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 category_id = sqlite3_column_int64 (stmt, 0);
      gint64 count = sqlite3_column_int64 (stmt, 1);
      ReachGapRow *row = row_for (rows, report, category_id);

      if (g_hash_table_contains (rows->prefer_not, &category_id))
        continue;
      report->population += count;
      if (row != NULL)
        {
          row->population += count;
          row->in_baseline = TRUE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not read baselines"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
count_named (ReachDb         *db,
             Rows            *rows,
             Scope           *scope,
             gint64           characteristic_id,
             const char      *period,
             gboolean         detailed,
             ReachGapReport  *report,
             GError         **error)
{
  g_autofree char *located = scope->everywhere ? NULL : id_list (scope->located);
  g_autofree char *in_scope_sql = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 n_broad_only = 0;
  int rc;

  in_scope_sql = located ? g_strdup_printf ("EXISTS (SELECT 1 FROM contact_area ca WHERE "
                                            "ca.contact_id = c.id AND ca.area_id IN (%s))",
                                            *located ? located : "0")
                         : g_strdup ("1");
  sql = g_strdup_printf ("SELECT c.id, (SELECT e.category_id FROM contact_equality e JOIN category g "
                         "  ON g.id = e.category_id WHERE e.contact_id = c.id AND g.characteristic_id = ?1 "
                         "  LIMIT 1), c.lat IS NOT NULL AND c.lon IS NOT NULL, %s "
                         "FROM contact c WHERE c.kind = 'person' AND c.id IN (SELECT p.contact_id "
                         "FROM participation p JOIN activity a ON a.id = p.activity_id WHERE %s)",
                         in_scope_sql, period);
  if (!(stmt = reach_db_prepare (db, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, characteristic_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean answered = sqlite3_column_type (stmt, 1) != SQLITE_NULL;
      gint64 category_id = sqlite3_column_int64 (stmt, 1);
      gboolean has_point = sqlite3_column_int (stmt, 2);
      gboolean in_scope = sqlite3_column_int (stmt, 3);
      ReachGapRow *row;

      if (!scope->everywhere && !has_point)
        {
          report->n_unlocated++;
          continue;
        }
      if (!in_scope)
        continue;
      if (!answered)
        report->n_unanswered++;
      else if (g_hash_table_contains (rows->prefer_not, &category_id))
        report->n_prefer_not++;
      else if ((row = row_for (rows, report, category_id)) != NULL)
        {
          row->reached++;
          report->n_named++;
        }
      else if (detailed)
        n_broad_only++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not read participation"));
      return FALSE;
    }

  if (n_broad_only > 0)
    add_note (report, g_dngettext (GETTEXT_PACKAGE,
                                   "%" G_GINT64_FORMAT " person reached gave only a broad answer "
                                   "and is not counted in the detailed rows",
                                   "%" G_GINT64_FORMAT " people reached gave only a broad answer "
                                   "and are not counted in the detailed rows", n_broad_only),
              n_broad_only);
  return TRUE;
}

static gboolean
count_headcounts (ReachDb         *db,
                  Rows            *rows,
                  Scope           *scope,
                  gint64           characteristic_id,
                  const char      *period,
                  ReachGapReport  *report,
                  GError         **error)
{
  g_autofree char *located = scope->everywhere ? NULL : id_list (scope->located);
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (located != NULL)
    where = g_strdup_printf ("AND (EXISTS (SELECT 1 FROM activity_area aa WHERE aa.activity_id = a.id "
                             "AND aa.area_id IN (%1$s)) OR EXISTS (SELECT 1 FROM place_area pa WHERE "
                             "pa.place_id = a.place_id AND pa.area_id IN (%1$s)))",
                             *located ? located : "0");
  sql = g_strdup_printf ("SELECT h.category_id, sum (h.count) FROM headcount h JOIN category g "
                         "ON g.id = h.category_id JOIN activity a ON a.id = h.activity_id "
                         "WHERE g.characteristic_id = ?1 AND %s %s GROUP BY h.category_id",
                         period, where ? where : "");
  if (!(stmt = reach_db_prepare (db, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, characteristic_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 category_id = sqlite3_column_int64 (stmt, 0);
      gint64 count = sqlite3_column_int64 (stmt, 1);
      ReachGapRow *row;

      if (g_hash_table_contains (rows->prefer_not, &category_id))
        report->n_prefer_not += count;
      else if ((row = row_for (rows, report, category_id)) != NULL)
        {
          row->reached += count;
          report->n_headcount += count;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not read headcounts"));
      return FALSE;
    }
  return TRUE;
}

static void
compute_rows (ReachGapReport *report)
{
  gint64 n = report->n;

  for (guint i = 0; i < report->rows->len; i++)
    {
      ReachGapRow *row = &g_array_index (report->rows, ReachGapRow, i);
      double p = report->population > 0 ? (double) row->population / report->population : 0;

      row->reached_share = n > 0 ? (double) row->reached / n : NAN;
      reach_wilson_interval (row->reached, n, &row->ci_low, &row->ci_high);

      /* no baseline at all: shares are 0/0, nothing to compare with */
      if (report->population == 0)
        {
          row->population_share = row->ratio = row->expected = row->shortfall = NAN;
          row->flag = REACH_GAP_NO_DATA;
          continue;
        }

      row->population_share = p;
      row->ratio = n > 0 && p > 0 ? row->reached_share / p : NAN;
      row->expected = n * p;
      row->shortfall = row->expected - row->reached;
      row->flag = reach_gap_flag_compute (row->reached, n, p);

      if (!row->in_baseline)
        add_note (report, _("“%s” is not in the baseline: its population share is 0 and its "
                            "ratio is undefined"), row->category_label);
    }
}

static void
add_count_notes (ReachGapReport *report,
                 const char     *label)
{
  if (report->n == 0)
    add_note (report, _("Nobody reached in this period and scope has a stated answer for %s: "
                        "there is nothing to flag"), label);
  if (report->population == 0)
    add_note (report, _("There is no baseline for %s in this scope: import a census table"), label);
  if (report->n_prefer_not > 0)
    add_note (report, g_dngettext (GETTEXT_PACKAGE,
                                   "%" G_GINT64_FORMAT " person reached preferred not to say",
                                   "%" G_GINT64_FORMAT " people reached preferred not to say",
                                   report->n_prefer_not), report->n_prefer_not);
  if (report->n_unanswered > 0)
    add_note (report, g_dngettext (GETTEXT_PACKAGE,
                                   "%" G_GINT64_FORMAT " person reached has no answer for %s",
                                   "%" G_GINT64_FORMAT " people reached have no answer for %s",
                                   report->n_unanswered), report->n_unanswered, label);
  if (report->n_unlocated > 0)
    add_note (report, g_dngettext (GETTEXT_PACKAGE,
                                   "%" G_GINT64_FORMAT " person reached has no location and is left "
                                   "out of an area scope",
                                   "%" G_GINT64_FORMAT " people reached have no location and are left "
                                   "out of an area scope", report->n_unlocated), report->n_unlocated);
  if (report->n_headcount > 0)
    add_note (report, _("Anonymous headcounts are added as given: someone counted at two "
                        "activities counts twice"));
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Rows, rows_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Scope, scope_clear)

static ReachGapReport *
analyse (ReachDb              *db,
         const ReachGapQuery  *query,
         GError              **error)
{
  g_autoptr(ReachGapReport) report = g_new0 (ReachGapReport, 1);
  g_autoptr(ReachCharacteristic) characteristic = NULL;
  g_autofree char *period = NULL;
  g_auto(Rows) rows = { 0 };
  g_auto(Scope) scope = { 0 };

  report->rows = new_rows ();
  report->notes = g_ptr_array_new_with_free_func (g_free);

  characteristic = reach_characteristics_get (db, query->characteristic, NULL);
  if (characteristic == NULL)
    {
      g_set_error (error, REACH_GAPS_ERROR, REACH_GAPS_ERROR_CHARACTERISTIC,
                   _("“%s” is not a characteristic of this workspace"),
                   query->characteristic ? query->characteristic : "");
      return NULL;
    }
  report->characteristic_key = g_strdup (characteristic->key);
  report->characteristic_label = g_strdup (characteristic->label);

  if (!(period = reach_gaps_period_condition (query->from, query->to, error)) ||
      !(rows.categories = reach_categories_list (db, characteristic->key, error)))
    return NULL;
  rows_build (&rows, query->detailed, report);

  if (!resolve_scope (db, characteristic->id, query->scope, &scope, error) ||
      !count_population (db, &rows, &scope, characteristic->id, report, error) ||
      !count_named (db, &rows, &scope, characteristic->id, period, query->detailed, report, error) ||
      !count_headcounts (db, &rows, &scope, characteristic->id, period, report, error))
    return NULL;

  report->n = report->n_named + report->n_headcount;
  compute_rows (report);
  add_count_notes (report, characteristic->label);
  return g_steal_pointer (&report);
}

ReachGapReport *
reach_gaps_analyse (ReachDb              *db,
                    const ReachGapQuery  *query,
                    GError              **error)
{
  g_return_val_if_fail (query != NULL, NULL);

  if (!reach_area_assign_refresh (db, error))
    return NULL;
  return analyse (db, query, error);
}

static int
compare_shortfall (gconstpointer a,
                   gconstpointer b)
{
  const ReachGapRow *ra = a, *rb = b;

  if (ra->shortfall != rb->shortfall)
    return ra->shortfall > rb->shortfall ? -1 : 1;
  return ra->category_id < rb->category_id ? -1 : ra->category_id > rb->category_id;
}

void
reach_gap_report_sort_by_shortfall (ReachGapReport *report)
{
  g_array_sort (report->rows, compare_shortfall);
}

/* ---- output ---------------------------------------------------------------- */

static void
append_number (GString    *out,
               double      value,
               const char *format,
               const char *undefined)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    {
      g_string_append (out, undefined);
      return;
    }
  /* no "-0.0000" */
  if (fabs (value) < 5e-7)
    value = 0;
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, format, value));
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_row_values (GString           *out,
                   const ReachGapRow *row,
                   const char * const names[11],
                   gboolean           json)
{
  const char *undefined = json ? "null" : "";
  const char *sep = json ? ", " : ",";

  for (guint f = 0; f < 11; f++)
    {
      if (f > 0)
        g_string_append (out, sep);
      if (json)
        g_string_append_printf (out, "\"%s\": ", names[f]);
      switch (f)
        {
        case 0:
          if (json)
            append_json_string (out, row->category_label);
          else
            reach_csv_append_field (out, row->category_label);
          break;
        case 1: g_string_append_printf (out, "%" G_GINT64_FORMAT, row->population); break;
        case 2: append_number (out, row->population_share, "%.4f", undefined); break;
        case 3: g_string_append_printf (out, "%" G_GINT64_FORMAT, row->reached); break;
        case 4: append_number (out, row->reached_share, "%.4f", undefined); break;
        case 5: append_number (out, row->ci_low, "%.4f", undefined); break;
        case 6: append_number (out, row->ci_high, "%.4f", undefined); break;
        case 7: append_number (out, row->ratio, "%.4f", undefined); break;
        case 8: append_number (out, row->expected, "%.2f", undefined); break;
        case 9: append_number (out, row->shortfall, "%.2f", undefined); break;
        default:
          if (json)
            g_string_append_printf (out, "\"%s\"", reach_gap_flag_to_string (row->flag));
          else
            g_string_append (out, reach_gap_flag_to_string (row->flag));
          break;
        }
    }
}

static const char * const columns[11] = {
  "category", "population", "population_share", "reached", "reached_share",
  "ci_low", "ci_high", "ratio", "expected", "shortfall", "flag",
};

char *
reach_gap_report_to_json (ReachGapReport *report)
{
  GString *out = g_string_new ("[");

  for (guint i = 0; i < report->rows->len; i++)
    {
      g_string_append (out, i > 0 ? ",\n  {" : "\n  {");
      append_row_values (out, &g_array_index (report->rows, ReachGapRow, i), columns, TRUE);
      g_string_append_c (out, '}');
    }
  g_string_append (out, report->rows->len > 0 ? "\n]\n" : "]\n");
  return g_string_free (out, FALSE);
}

char *
reach_gap_report_to_csv (ReachGapReport *report)
{
  GString *out = g_string_new (NULL);

  for (guint f = 0; f < 11; f++)
    g_string_append_printf (out, "%s%s", f ? "," : "", columns[f]);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < report->rows->len; i++)
    {
      append_row_values (out, &g_array_index (report->rows, ReachGapRow, i), columns, FALSE);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* ---- per area ---------------------------------------------------------------- */

static void
clear_area_reach (gpointer data)
{
  ReachAreaReach *r = data;

  g_free (r->code);
  g_free (r->name);
}

GArray *
reach_gaps_area_reach (ReachDb         *db,
                       ReachAreaLevel   level,
                       const char      *from,
                       const char      *to,
                       GError         **error)
{
  g_autoptr(GArray) out = g_array_new (FALSE, TRUE, sizeof (ReachAreaReach));
  g_autofree char *period = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (out, clear_area_reach);
  if (!(period = reach_gaps_period_condition (from, to, error)) ||
      !reach_area_assign_refresh (db, error))
    return NULL;

  sql = g_strdup_printf ("SELECT ar.id, ar.code, ar.name, ifnull (ar.imd_decile, 0), "
                         "(SELECT count(*) FROM contact_area ca JOIN contact c ON c.id = ca.contact_id "
                         " WHERE ca.area_id = ar.id AND c.kind = 'person' AND c.id IN "
                         " (SELECT p.contact_id FROM participation p JOIN activity a "
                         "  ON a.id = p.activity_id WHERE %s)) "
                         "FROM area ar WHERE ar.level = ?1 ORDER BY ar.code", period);
  if (!(stmt = reach_db_prepare (db, sql, error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, reach_area_level_to_string (level), -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ReachAreaReach r = { 0 };

      r.area_id = sqlite3_column_int64 (stmt, 0);
      r.code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      r.name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      r.level = level;
      r.imd_decile = sqlite3_column_int (stmt, 3);
      r.reached = sqlite3_column_int64 (stmt, 4);
      r.not_reached = r.reached == 0;
      g_array_append_val (out, r);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not read areas"));
      return NULL;
    }

  for (guint i = 0; i < out->len; i++)
    {
      ReachAreaReach *r = &g_array_index (out, ReachAreaReach, i);

      if ((r->residents = reach_baselines_get_residents (db, r->area_id, error)) < 0)
        return NULL;
      r->per_1000 = r->residents > 0 ? 1000.0 * r->reached / r->residents : NAN;
    }

  return g_steal_pointer (&out);
}

GArray *
reach_gaps_by_area (ReachDb         *db,
                    ReachAreaLevel   level,
                    const char      *characteristic,
                    const char      *category_key,
                    const char      *from,
                    const char      *to,
                    GError         **error)
{
  g_autoptr(GArray) out = new_rows ();
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(ReachCategory) category = NULL;

  if (!reach_area_assign_refresh (db, error) ||
      !(areas = reach_areas_list (db, level, error)))
    return NULL;
  if (!(category = reach_categories_find (db, characteristic, category_key, error)))
    return NULL;

  for (guint i = 0; i < areas->len; i++)
    {
      ReachArea *area = g_ptr_array_index (areas, i);
      const char *scope[] = { area->code, NULL };
      ReachGapQuery query = { characteristic, scope, from, to, category->parent_id != 0 };
      g_autoptr(ReachGapReport) report = analyse (db, &query, error);
      ReachGapRow row = { 0 };

      if (report == NULL)
        return NULL;
      for (guint j = 0; j < report->rows->len; j++)
        {
          ReachGapRow *r = &g_array_index (report->rows, ReachGapRow, j);

          if (r->category_id != category->id)
            continue;
          row = *r;               /* the strings stay with the report */
          row.category_key = NULL;
          row.category_label = NULL;
        }
      row.category_id = category->id;
      row.category_key = g_strdup (area->code);
      row.category_label = g_strdup (area->name);
      g_array_append_val (out, row);
    }

  return g_steal_pointer (&out);
}
