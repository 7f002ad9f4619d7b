/* reach-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-group"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "reach-activity.h"
#include "reach-area.h"
#include "reach-group.h"
#include "reach-places.h"

G_DEFINE_TYPE (ReachGroup, reach_group, G_TYPE_OBJECT)
G_DEFINE_QUARK (reach-group-error-quark, reach_group_error)

static void
reach_group_finalize (GObject *object)
{
  ReachGroup *self = REACH_GROUP (object);

  g_free (self->name);
  g_free (self->description);
  g_array_unref (self->category_ids);
  g_array_unref (self->area_ids);

  G_OBJECT_CLASS (reach_group_parent_class)->finalize (object);
}

static void
reach_group_class_init (ReachGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = reach_group_finalize;
}

static void
reach_group_init (ReachGroup *self)
{
  self->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->area_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

ReachGroup *
reach_group_new (void)
{
  return g_object_new (REACH_TYPE_GROUP, NULL);
}

ReachGroup *
reach_group_copy (ReachGroup *self)
{
  ReachGroup *copy = reach_group_new ();

  copy->id = self->id;
  copy->name = g_strdup (self->name);
  copy->description = g_strdup (self->description);
  copy->has_point = self->has_point;
  copy->lat = self->lat;
  copy->lon = self->lon;
  g_array_append_vals (copy->category_ids, self->category_ids->data, self->category_ids->len);
  g_array_append_vals (copy->area_ids, self->area_ids->data, self->area_ids->len);
  return copy;
}

static void
add_unique (GArray *ids,
            gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return;
  g_array_append_val (ids, id);
}

void
reach_group_add_category (ReachGroup *self,
                          gint64      category_id)
{
  add_unique (self->category_ids, category_id);
}

void
reach_group_add_area (ReachGroup *self,
                      gint64      area_id)
{
  add_unique (self->area_ids, area_id);
}

gboolean
reach_group_validate (ReachGroup  *self,
                      GError     **error)
{
  if (self->name == NULL || *g_strstrip (self->name) == '\0')
    {
      g_set_error_literal (error, REACH_GROUP_ERROR, REACH_GROUP_ERROR_NAME,
                           _("A community group needs a name"));
      return FALSE;
    }

  if (self->has_point &&
      !(self->lat >= -90 && self->lat <= 90 && self->lon >= -180 && self->lon <= 180))
    {
      g_set_error_literal (error, REACH_GROUP_ERROR, REACH_GROUP_ERROR_COORDINATES,
                           _("A latitude is between −90 and 90 and a longitude between −180 and 180"));
      return FALSE;
    }

  return TRUE;
}

static const char * const status_keys[] = { "not-yet-reached", "under-represented", "reached" };
G_STATIC_ASSERT (G_N_ELEMENTS (status_keys) == REACH_N_GROUP_STATUSES);

const char *
reach_group_status_to_string (ReachGroupStatus status)
{
  g_return_val_if_fail (status >= 0 && status < REACH_N_GROUP_STATUSES, NULL);
  return status_keys[status];
}

const char *
reach_group_status_label (ReachGroupStatus status)
{
  switch (status)
    {
    case REACH_GROUP_STATUS_NOT_YET_REACHED:   return _("Not yet reached");
    case REACH_GROUP_STATUS_UNDER_REPRESENTED: return _("Under-represented");
    case REACH_GROUP_STATUS_REACHED:           return _("Reached");
    case REACH_N_GROUP_STATUSES:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
reach_group_status_rule_text (void)
{
  /* Keep in step with reach_groups_get_reach() and its thresholds. */
  return _("A group’s status is worked out from the activities marked done in the "
           "12 months up to today; nobody types it.\n"
           "\n"
           "Someone counts for the group when they are a contact who is a member of "
           "it and took part in the activity, or when they are in an anonymous "
           "headcount, in one of the group’s categories, at an activity that covered "
           "one of the group’s areas (for a group marked by a point, the areas around "
           "that point; for a group with no place, any activity). "
           "Headcounts are anonymous, so a person counted at two activities counts "
           "twice; at one activity, a person in two of the group’s categories counts once.\n"
           "\n"
           "Reached: at least 5 people from the group took part, and at least one of "
           "those activities was consultation or higher on the ladder of participation.\n"
           "Under-represented: people from the group took part, but fewer than 5, or "
           "only at activities that were coercion, educating or informing, or whose "
           "rung was not recorded.\n"
           "Not yet reached: nobody from the group took part in those 12 months.");
}

/* Store */

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           i,
                   const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, i);
  else
    sqlite3_bind_text (stmt, i, text, -1, SQLITE_TRANSIENT);
}

static void
bind_group (sqlite3_stmt *stmt,
            ReachGroup   *group)
{
  sqlite3_bind_text (stmt, 1, group->name, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 2, group->description);
  if (group->has_point)
    {
      sqlite3_bind_double (stmt, 3, group->lat);
      sqlite3_bind_double (stmt, 4, group->lon);
    }
  else
    {
      sqlite3_bind_null (stmt, 3);
      sqlite3_bind_null (stmt, 4);
    }
}

static gboolean
save_links (ReachDb     *db,
            const char  *table,
            const char  *column,
            gint64       group_id,
            GArray      *ids,
            GError     **error)
{
  g_autofree char *delete = g_strdup_printf ("DELETE FROM %s WHERE group_id = ?1", table);
  g_autofree char *insert = g_strdup_printf ("INSERT OR IGNORE INTO %s (group_id, %s) "
                                             "VALUES (?1, ?2)", table, column);
  sqlite3_stmt *stmt = reach_db_prepare (db, delete, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  if (!reach_db_step_done (db, stmt, error))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      stmt = reach_db_prepare (db, insert, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, group_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      if (!reach_db_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_links (ReachDb     *db,
            const char  *table,
            const char  *column,
            gint64       group_id,
            GArray      *ids,
            GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE group_id = ?1 ORDER BY %s",
                                          column, table, column);
  sqlite3_stmt *stmt = reach_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, group_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_unique (ids, sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not read a community group"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
finish_save (ReachDb     *db,
             ReachGroup  *group,
             const char  *action,
             GError     **error)
{
  if (!save_links (db, "community_group_category", "category_id", group->id,
                   group->category_ids, error) ||
      !save_links (db, "community_group_area", "area_id", group->id, group->area_ids, error) ||
      !reach_audit (db, "community_group", group->id, action, error))
    {
      reach_db_rollback (db);
      return FALSE;
    }

  return reach_db_commit (db, error);
}

gboolean
reach_groups_insert (ReachDb     *db,
                     ReachGroup  *group,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  if (!reach_group_validate (group, error) || !reach_db_begin (db, error))
    return FALSE;

  stmt = reach_db_prepare (db, "INSERT INTO community_group (name, description, lat, lon) "
                               "VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    {
      reach_db_rollback (db);
      return FALSE;
    }

  bind_group (stmt, group);
  if (!reach_db_step_done (db, stmt, error))
    {
      reach_db_rollback (db);
      return FALSE;
    }

  group->id = sqlite3_last_insert_rowid (reach_db_get_handle (db));
  return finish_save (db, group, "insert", error);
}

static gboolean
not_found (GError **error,
           gint64   id)
{
  g_set_error (error, REACH_DB_ERROR, REACH_DB_ERROR_NOT_FOUND,
               _("There is no community group %" PRId64), id);
  return FALSE;
}

gboolean
reach_groups_update (ReachDb     *db,
                     ReachGroup  *group,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (group->id > 0, FALSE);

  if (!reach_group_validate (group, error) || !reach_db_begin (db, error))
    return FALSE;

  stmt = reach_db_prepare (db, "UPDATE community_group SET name = ?1, description = ?2, "
                               "lat = ?3, lon = ?4 WHERE id = ?5", error);
  if (stmt == NULL)
    {
      reach_db_rollback (db);
      return FALSE;
    }

  bind_group (stmt, group);
  sqlite3_bind_int64 (stmt, 5, group->id);
  if (!reach_db_step_done (db, stmt, error))
    {
      reach_db_rollback (db);
      return FALSE;
    }

  if (sqlite3_changes (reach_db_get_handle (db)) == 0)
    {
      reach_db_rollback (db);
      return not_found (error, group->id);
    }

  return finish_save (db, group, "update", error);
}

gboolean
reach_groups_delete (ReachDb     *db,
                     gint64       id,
                     GError     **error)
{
  gboolean found;

  if (!reach_db_delete_row (db, "community_group", id, &found, error))
    return FALSE;

  return found || not_found (error, id);
}

static GPtrArray *
collect_groups (ReachDb       *db,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ReachGroup *group = reach_group_new ();

      group->id = sqlite3_column_int64 (stmt, 0);
      group->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      group->description = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      group->has_point = sqlite3_column_type (stmt, 3) != SQLITE_NULL &&
                         sqlite3_column_type (stmt, 4) != SQLITE_NULL;
      group->lat = sqlite3_column_double (stmt, 3);
      group->lon = sqlite3_column_double (stmt, 4);
      g_ptr_array_add (groups, group);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not read community groups"));
      return NULL;
    }

  for (guint i = 0; i < groups->len; i++)
    {
      ReachGroup *group = g_ptr_array_index (groups, i);

      if (!load_links (db, "community_group_category", "category_id", group->id,
                       group->category_ids, error) ||
          !load_links (db, "community_group_area", "area_id", group->id, group->area_ids, error))
        return NULL;
    }

  return g_steal_pointer (&groups);
}

ReachGroup *
reach_groups_get (ReachDb     *db,
                  gint64       id,
                  GError     **error)
{
  g_autoptr(GPtrArray) groups = NULL;
  sqlite3_stmt *stmt = reach_db_prepare (db, "SELECT id, name, description, lat, lon "
                                             "FROM community_group WHERE id = ?1", error);

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!(groups = collect_groups (db, stmt, error)))
    return NULL;

  if (groups->len == 0)
    {
      not_found (error, id);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (groups, 0));
}

/* "50%_off" → "50\%\_off": the search is literal text, not a pattern. */
static char *
like_pattern (const char *search)
{
  GString *out = g_string_new ("%");

  for (const char *p = search; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '%');

  return g_string_free (out, FALSE);
}

GPtrArray *
reach_groups_list (ReachDb     *db,
                   const char  *search,
                   GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (search != NULL ? search : ""));
  g_autofree char *pattern = NULL;
  sqlite3_stmt *stmt;

  stmt = reach_db_prepare (db, "SELECT id, name, description, lat, lon FROM community_group"
                               " WHERE ?1 IS NULL OR name LIKE ?1 ESCAPE '\\'"
                               " OR description LIKE ?1 ESCAPE '\\'"
                               " ORDER BY name COLLATE NOCASE, id", error);
  if (stmt == NULL)
    return NULL;

  if (*trimmed != '\0')
    {
      pattern = like_pattern (trimmed);
      sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
    }

  return collect_groups (db, stmt, error);
}

/* The status rule */

/* The group's areas as a JSON array for json_each(): its own areas, and
 * those of every level that contain its point.  NULL means the group has no
 * place at all, so any activity counts. */
static char *
group_areas_json (ReachDb    *db,
                  ReachGroup *group)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GString *json;

  if (!group->has_point && group->area_ids->len == 0)
    return NULL;

  g_array_append_vals (ids, group->area_ids->data, group->area_ids->len);
  if (group->has_point)
    {
      for (int level = 0; level < REACH_N_AREA_LEVELS; level++)
        {
          g_autoptr(ReachArea) area = reach_areas_at_point (db, level, group->lon, group->lat, NULL);

          if (area != NULL)
            add_unique (ids, area->id);
        }
    }

  json = g_string_new ("[");
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (ids, gint64, i));
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

static char *
categories_json (ReachGroup *group)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < group->category_ids->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "",
                            g_array_index (group->category_ids, gint64, i));
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

/* One row per activity in the window that reached the group: its id, date,
 * rung, how many members took part, and the headcount that counts (the
 * largest among the group's categories, so nobody is counted twice). */
static const char reach_sql[] =
  "WITH window_activity AS ("
  "  SELECT id, starts_at, ladder_rung FROM activity"
  "  WHERE status = 'done' AND starts_at >= ?1 AND starts_at < ?2),"
  " named AS ("
  "  SELECT p.activity_id, p.contact_id FROM participation p"
  "  JOIN contact_membership m ON m.contact_id = p.contact_id AND m.group_id = ?3"
  "  WHERE p.activity_id IN (SELECT id FROM window_activity)),"
  " counted AS ("
  "  SELECT h.activity_id, max (h.count) AS n FROM headcount h"
  "  WHERE h.activity_id IN (SELECT id FROM window_activity)"
  "  AND h.category_id IN (SELECT value FROM json_each (?4))"
  "  AND (?5 IS NULL OR h.activity_id IN (SELECT activity_id FROM activity_area"
  "       WHERE area_id IN (SELECT value FROM json_each (?5))))"
  "  GROUP BY h.activity_id)"
  " SELECT a.id, substr (a.starts_at, 1, 10), a.ladder_rung,"
  "  (SELECT count(*) FROM named WHERE named.activity_id = a.id),"
  "  coalesce ((SELECT n FROM counted WHERE counted.activity_id = a.id), 0)"
  " FROM window_activity a"
  " WHERE a.id IN (SELECT activity_id FROM named)"
  "  OR a.id IN (SELECT activity_id FROM counted WHERE n > 0)"
  " ORDER BY a.starts_at DESC, a.id DESC";

static guint
count_distinct_members (ReachDb     *db,
                        gint64       group_id,
                        const char  *from,
                        const char  *to,
                        GError     **error)
{
  sqlite3_stmt *stmt = reach_db_prepare (db,
      "SELECT count (DISTINCT p.contact_id) FROM participation p"
      " JOIN activity a ON a.id = p.activity_id"
      " JOIN contact_membership m ON m.contact_id = p.contact_id AND m.group_id = ?3"
      " WHERE a.status = 'done' AND a.starts_at >= ?1 AND a.starts_at < ?2", error);
  guint n = 0;

  if (stmt == NULL)
    return G_MAXUINT;

  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, group_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  else
    {
      reach_db_set_error (db, error, _("Could not count a group’s members"));
      n = G_MAXUINT;
    }
  sqlite3_reset (stmt);
  return n;
}

static ReachGroupStatus
status_from_evidence (const ReachGroupReach *reach)
{
  if (reach->n_activities == 0)
    return REACH_GROUP_STATUS_NOT_YET_REACHED;
  if (reach->n_people < REACH_GROUP_MIN_PEOPLE || reach->best_rung < REACH_LADDER_CONSULTATION)
    return REACH_GROUP_STATUS_UNDER_REPRESENTED;
  return REACH_GROUP_STATUS_REACHED;
}

gboolean
reach_groups_get_reach (ReachDb          *db,
                        gint64            group_id,
                        GDateTime        *today,
                        ReachGroupReach  *reach,
                        GError          **error)
{
  g_autoptr(ReachGroup) group = NULL;
  g_autoptr(GDateTime) start = g_date_time_add_months (today, -REACH_GROUP_WINDOW_MONTHS);
  g_autoptr(GDateTime) next = g_date_time_add_days (today, 1);
  g_autofree char *from = g_date_time_format (start, "%Y-%m-%d");
  g_autofree char *to = g_date_time_format (next, "%Y-%m-%d");
  g_autofree char *areas = NULL;
  g_autofree char *categories = NULL;
  sqlite3_stmt *stmt;
  int rc;

  memset (reach, 0, sizeof *reach);
  reach->best_rung = REACH_LADDER_UNKNOWN;

  if (!(group = reach_groups_get (db, group_id, error)))
    return FALSE;

  areas = group_areas_json (db, group);
  categories = categories_json (group);

  if (!(stmt = reach_db_prepare (db, reach_sql, error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, group_id);
  sqlite3_bind_text (stmt, 4, categories, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 5, areas);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ReachLadderRung rung;

      if (reach->n_activities++ == 0)
        {
          reach->last_activity_id = sqlite3_column_int64 (stmt, 0);
          g_strlcpy (reach->last_activity_date, (const char *) sqlite3_column_text (stmt, 1),
                     sizeof reach->last_activity_date);
        }
      if (reach_ladder_rung_from_string ((const char *) sqlite3_column_text (stmt, 2), &rung))
        reach->best_rung = MAX (reach->best_rung, (int) rung);
      reach->n_counted += sqlite3_column_int (stmt, 4);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not work out a group’s status"));
      return FALSE;
    }

  /* a member at three activities is one person */
  reach->n_named = count_distinct_members (db, group_id, from, to, error);
  if (reach->n_named == G_MAXUINT)
    return FALSE;

  reach->n_people = reach->n_named + reach->n_counted;
  reach->status = status_from_evidence (reach);
  return TRUE;
}
