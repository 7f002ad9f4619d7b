/* reach-ladder.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-ladder"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "reach-area-assign.h"
#include "reach-gaps-private.h"
#include "reach-ladder.h"

#define USUAL_SUSPECTS_FRACTION 0.1

static void
clear_group (gpointer data)
{
  g_free (((ReachLadderGroup *) data)->name);
}

void
reach_ladder_summary_free (ReachLadderSummary *summary)
{
  if (summary == NULL)
    return;
  g_clear_pointer (&summary->groups_not_fed_back, g_array_unref);
  g_free (summary);
}

static gboolean
count_rungs (ReachDb             *db,
             const char          *period,
             ReachLadderSummary  *s,
             GError             **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  /* every characteristic counts the same people: take the largest */
  sql = g_strdup_printf ("SELECT a.ladder_rung, "
                         "(SELECT count(*) FROM participation p WHERE p.activity_id = a.id), "
                         "(SELECT ifnull (max (t), 0) FROM (SELECT sum (h.count) AS t FROM headcount h "
                         "  JOIN category g ON g.id = h.category_id WHERE h.activity_id = a.id "
                         "  GROUP BY g.characteristic_id)) "
                         "FROM activity a WHERE %s", period);
  if (!(stmt = reach_db_prepare (db, sql, error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ReachLadderRung rung;
      guint index = REACH_N_LADDER_RUNGS;
      gint64 people = sqlite3_column_int64 (stmt, 1) + sqlite3_column_int64 (stmt, 2);

      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL &&
          reach_ladder_rung_from_string ((const char *) sqlite3_column_text (stmt, 0), &rung))
        index = rung;
      s->n_activities++;
      s->activities_by_rung[index]++;
      s->n_participation += people;
      s->participation_by_rung[index] += people;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not read activities"));
      return FALSE;
    }

  for (guint i = 0; i <= REACH_N_LADDER_RUNGS; i++)
    {
      s->activity_share[i] = s->n_activities > 0 ? (double) s->activities_by_rung[i] / s->n_activities : NAN;
      s->participation_share[i] = s->n_participation > 0
                                  ? (double) s->participation_by_rung[i] / s->n_participation : NAN;
    }
  return TRUE;
}

static gboolean
count_usual_suspects (ReachDb             *db,
                      const char          *period,
                      ReachLadderSummary  *s,
                      GError             **error)
{
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 top = 0;
  int rc;

  sql = g_strdup_printf ("SELECT count(*) AS n FROM participation p JOIN activity a "
                         "ON a.id = p.activity_id WHERE %s GROUP BY p.contact_id ORDER BY n DESC", period);
  if (!(stmt = reach_db_prepare (db, sql, error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 n = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (counts, n);
      s->n_named_participation += n;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not read participation"));
      return FALSE;
    }

  s->n_participants = counts->len;
  s->n_usual_suspects = (guint) ceil (USUAL_SUSPECTS_FRACTION * counts->len);
  for (guint i = 0; i < s->n_usual_suspects; i++)
    top += g_array_index (counts, gint64, i);
  s->usual_suspects_share = s->n_named_participation > 0 ? (double) top / s->n_named_participation : NAN;
  return TRUE;
}

static gboolean
list_not_fed_back (ReachDb             *db,
                   const char          *period,
                   ReachLadderSummary  *s,
                   GError             **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  sql = g_strdup_printf ("SELECT f.group_id, g.name, count(*), sum (f.fed_back_at IS NULL) AS open "
                         "FROM feedback f JOIN community_group g ON g.id = f.group_id "
                         "JOIN activity a ON a.id = f.activity_id WHERE %s "
                         "GROUP BY f.group_id HAVING open > 0 ORDER BY open DESC, g.name", period);
  if (!(stmt = reach_db_prepare (db, sql, error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ReachLadderGroup group = { 0 };

      group.group_id = sqlite3_column_int64 (stmt, 0);
      group.name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      group.n_said = sqlite3_column_int (stmt, 2);
      group.n_not_fed_back = sqlite3_column_int (stmt, 3);
      g_array_append_val (s->groups_not_fed_back, group);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not read feedback"));
      return FALSE;
    }
  return TRUE;
}

/* "a.id IN (…)" for the activities in the scope's areas and those inside
 * them: by the areas they covered, or by their venue's area. */
static char *
scope_condition (ReachDb             *db,
                 const char * const  *scope,
                 GError             **error)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  if (!reach_area_assign_refresh (db, error))
    return NULL;

  for (guint i = 0; scope[i] != NULL; i++)
    {
      g_autoptr(GArray) within = NULL;
      sqlite3_stmt *stmt = reach_db_prepare (db, "SELECT id FROM area WHERE code = ?1", error);
      gint64 id = 0;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, scope[i], -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (id == 0)
        {
          g_set_error (error, REACH_GAPS_ERROR, REACH_GAPS_ERROR_SCOPE,
                       _("There is no area with the code %s"), scope[i]);
          return NULL;
        }

      if (!(within = reach_area_list_within (db, id, -1, error)))
        return NULL;
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len ? ", " : "", id);
      for (guint j = 0; j < within->len; j++)
        g_string_append_printf (ids, ", %" G_GINT64_FORMAT, g_array_index (within, gint64, j));
    }

  return g_strdup_printf ("a.id IN (SELECT activity_id FROM activity_area WHERE area_id IN (%1$s)"
                          " UNION SELECT a2.id FROM activity a2 JOIN place_area pa"
                          " ON pa.place_id = a2.place_id WHERE pa.area_id IN (%1$s))", ids->str);
}

ReachLadderSummary *
reach_ladder_summarise (ReachDb     *db,
                        const char  *from,
                        const char  *to,
                        GError     **error)
{
  return reach_ladder_summarise_in (db, from, to, NULL, error);
}

ReachLadderSummary *
reach_ladder_summarise_in (ReachDb            *db,
                           const char         *from,
                           const char         *to,
                           const char * const *scope,
                           GError            **error)
{
  g_autoptr(ReachLadderSummary) s = g_new0 (ReachLadderSummary, 1);
  g_autofree char *period = reach_gaps_period_condition (from, to, error);

  if (period == NULL)
    return NULL;

  if (scope != NULL && scope[0] != NULL)
    {
      g_autofree char *in_scope = scope_condition (db, scope, error);
      char *both;

      if (in_scope == NULL)
        return NULL;
      both = g_strdup_printf ("(%s) AND %s", period, in_scope);
      g_free (period);
      period = both;
    }

  s->groups_not_fed_back = g_array_new (FALSE, TRUE, sizeof (ReachLadderGroup));
  g_array_set_clear_func (s->groups_not_fed_back, clear_group);

  if (!count_rungs (db, period, s, error) ||
      !count_usual_suspects (db, period, s, error) ||
      !list_not_fed_back (db, period, s, error))
    return NULL;

  return g_steal_pointer (&s);
}
