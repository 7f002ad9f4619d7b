/* reach-area.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-area"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "reach-area.h"
#include "reach-places.h"

G_DEFINE_TYPE (ReachArea, reach_area, G_TYPE_OBJECT)

static const struct {
  const char *id;
  const char *label;
} levels[REACH_N_AREA_LEVELS] = {
  [REACH_AREA_LEVEL_WARD] = { "ward", N_("Ward") },
  [REACH_AREA_LEVEL_LSOA] = { "lsoa", N_("LSOA") },
  [REACH_AREA_LEVEL_MSOA] = { "msoa", N_("MSOA") },
  [REACH_AREA_LEVEL_LAD]  = { "lad", N_("Local authority") },
};

static void
reach_area_finalize (GObject *object)
{
  ReachArea *self = (ReachArea *) object;

  g_free (self->code);
  g_free (self->name);
  g_free (self->source);
  g_clear_pointer (&self->geometry, reach_geometry_free);

  G_OBJECT_CLASS (reach_area_parent_class)->finalize (object);
}

static void
reach_area_class_init (ReachAreaClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = reach_area_finalize;
}

static void
reach_area_init (ReachArea *self)
{
}

ReachArea *
reach_area_new (void)
{
  return g_object_new (REACH_TYPE_AREA, NULL);
}

const char *
reach_area_level_to_string (ReachAreaLevel level)
{
  g_return_val_if_fail (level < REACH_N_AREA_LEVELS, NULL);
  return levels[level].id;
}

gboolean
reach_area_level_from_string (const char     *str,
                              ReachAreaLevel *level)
{
  for (guint i = 0; i < REACH_N_AREA_LEVELS; i++)
    if (g_ascii_strcasecmp (str ? str : "", levels[i].id) == 0)
      {
        *level = i;
        return TRUE;
      }

  return FALSE;
}

const char *
reach_area_level_label (ReachAreaLevel level)
{
  g_return_val_if_fail (level < REACH_N_AREA_LEVELS, NULL);
  return _(levels[level].label);
}

gboolean
reach_areas_insert (ReachDb    *db,
                    ReachArea  *area,
                    GError    **error)
{
  g_autofree char *geometry = NULL;
  ReachBBox *box;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (area->geometry != NULL, FALSE);

  if (area->code == NULL || *area->code == '\0')
    {
      g_set_error_literal (error, REACH_DB_ERROR, REACH_DB_ERROR_INVALID,
                           _("An area needs a code"));
      return FALSE;
    }

  if (area->label.lon == 0 && area->label.lat == 0)
    area->label = reach_geometry_interior_point (area->geometry);

  geometry = reach_geometry_to_text (area->geometry);
  stmt = reach_db_prepare (db,
                           "INSERT INTO area (code, name, level, geometry, label_lat, label_lon, source) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, area->code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, area->name ? area->name : area->code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, reach_area_level_to_string (area->level), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, geometry, -1, SQLITE_TRANSIENT);
  sqlite3_bind_double (stmt, 5, area->label.lat);
  sqlite3_bind_double (stmt, 6, area->label.lon);
  if (area->source != NULL)
    sqlite3_bind_text (stmt, 7, area->source, -1, SQLITE_TRANSIENT);

  if (!reach_db_step_done (db, stmt, error))
    {
      g_prefix_error (error, _("Area %s: "), area->code);
      return FALSE;
    }

  area->id = sqlite3_last_insert_rowid (reach_db_get_handle (db));

  box = &area->geometry->bbox;
  stmt = reach_db_prepare (db, "INSERT INTO area_rtree VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, area->id);
  sqlite3_bind_double (stmt, 2, box->west);
  sqlite3_bind_double (stmt, 3, box->east);
  sqlite3_bind_double (stmt, 4, box->south);
  sqlite3_bind_double (stmt, 5, box->north);

  return reach_db_step_done (db, stmt, error);
}

gboolean
reach_areas_delete (ReachDb  *db,
                    gint64    id,
                    GError  **error)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, "DELETE FROM area WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!reach_db_step_done (db, stmt, error))
    return FALSE;

  return reach_audit (db, "area", id, "delete", error);
}

#define AREA_SELECT "SELECT id, code, name, level, geometry, label_lat, label_lon, source FROM area"

static ReachArea *
area_from_row (sqlite3_stmt  *stmt,
               GError       **error)
{
  g_autoptr(ReachArea) area = reach_area_new ();

  area->id = sqlite3_column_int64 (stmt, 0);
  area->code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  area->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  reach_area_level_from_string ((const char *) sqlite3_column_text (stmt, 3), &area->level);
  area->geometry = reach_geometry_new_from_text ((const char *) sqlite3_column_text (stmt, 4), error);
  if (area->geometry == NULL)
    {
      g_prefix_error (error, _("Area %s has a broken boundary: "), area->code);
      return NULL;
    }
  area->label.lat = sqlite3_column_double (stmt, 5);
  area->label.lon = sqlite3_column_double (stmt, 6);
  area->source = g_strdup ((const char *) sqlite3_column_text (stmt, 7));

  return g_steal_pointer (&area);
}

static GPtrArray *
collect_areas (ReachDb       *db,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  g_autoptr(GPtrArray) areas = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ReachArea *area = area_from_row (stmt, error);

      if (area == NULL)
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      g_ptr_array_add (areas, area);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not read areas"));
      return NULL;
    }

  return g_steal_pointer (&areas);
}

GPtrArray *
reach_areas_list (ReachDb  *db,
                  int       level,
                  GError  **error)
{
  sqlite3_stmt *stmt;

  stmt = reach_db_prepare (db, AREA_SELECT " WHERE ?1 IS NULL OR level = ?1 ORDER BY level, code",
                           error);
  if (stmt == NULL)
    return NULL;

  if (level >= 0)
    sqlite3_bind_text (stmt, 1, reach_area_level_to_string (level), -1, SQLITE_STATIC);

  return collect_areas (db, stmt, error);
}

ReachArea *
reach_areas_at_point (ReachDb  *db,
                      int       level,
                      double    lon,
                      double    lat,
                      GError  **error)
{
  g_autoptr(GPtrArray) candidates = NULL;
  sqlite3_stmt *stmt;

  stmt = reach_db_prepare (db,
                           AREA_SELECT " WHERE id IN (SELECT id FROM area_rtree"
                           " WHERE min_lon <= ?2 AND max_lon >= ?2"
                           " AND min_lat <= ?3 AND max_lat >= ?3)"
                           " AND (?1 IS NULL OR level = ?1) ORDER BY id",
                           error);
  if (stmt == NULL)
    return NULL;

  if (level >= 0)
    sqlite3_bind_text (stmt, 1, reach_area_level_to_string (level), -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 2, lon);
  sqlite3_bind_double (stmt, 3, lat);

  candidates = collect_areas (db, stmt, error);
  if (candidates == NULL)
    return NULL;

  for (guint i = 0; i < candidates->len; i++)
    {
      ReachArea *area = g_ptr_array_index (candidates, i);

      if (reach_geometry_contains (area->geometry, lon, lat))
        return g_object_ref (area);
    }

  return NULL;
}
