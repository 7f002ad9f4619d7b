/* reach-area-assign.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-area-assign"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "reach-area-assign.h"
#include "reach-csv.h"

G_DEFINE_QUARK (reach-area-assign-error-quark, reach_area_assign_error)

/* How fine a level is: an area lies inside areas of a larger rank.
 * Wards and MSOAs do not nest in each other. */
static int
level_rank (ReachAreaLevel level)
{
  switch (level)
    {
    case REACH_AREA_LEVEL_LSOA:
      return 0;
    case REACH_AREA_LEVEL_MSOA:
    case REACH_AREA_LEVEL_WARD:
      return 1;
    case REACH_AREA_LEVEL_LAD:
    case REACH_N_AREA_LEVELS:
    default:
      return 2;
    }
}

/* The areas of one level with their parsed boundaries, for many lookups. */
typedef struct
{
  ReachAreaLevel  level;
  GHashTable     *by_id;   /* gint64 id → ReachArea */
} LevelAreas;

static void
level_areas_clear (LevelAreas *la)
{
  g_clear_pointer (&la->by_id, g_hash_table_unref);
}

static gboolean
level_areas_load (ReachDb         *db,
                  ReachAreaLevel   level,
                  LevelAreas      *la,
                  GError         **error)
{
  g_autoptr(GPtrArray) areas = reach_areas_list (db, level, error);

  if (areas == NULL)
    return FALSE;
  la->level = level;
  la->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  for (guint i = 0; i < areas->len; i++)
    {
      ReachArea *area = g_ptr_array_index (areas, i);

      g_hash_table_insert (la->by_id, &area->id, g_object_ref (area));
    }
  return TRUE;
}

/* The area of the level containing the point: its id, 0 for none, -1 on error. */
static gint64
level_areas_find (ReachDb     *db,
                  LevelAreas  *la,
                  double       lon,
                  double       lat,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 found = 0;
  int rc;

  stmt = reach_db_prepare (db, "SELECT id FROM area_rtree WHERE min_lon <= ?1 AND max_lon >= ?1 "
                               "AND min_lat <= ?2 AND max_lat >= ?2 ORDER BY id", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_double (stmt, 1, lon);
  sqlite3_bind_double (stmt, 2, lat);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      ReachArea *area = g_hash_table_lookup (la->by_id, &id);

      if (area != NULL && reach_geometry_contains (area->geometry, lon, lat))
        {
          found = id;
          break;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not look up areas"));
      return -1;
    }
  return found;
}

static const struct {
  const char *table;
  const char *id_column;
  const char *items;
} located[] = {
  { "contact_area", "contact_id", "contact" },
  { "place_area", "place_id", "place" },
  { "group_point_area", "group_id", "community_group" },
};

typedef struct
{
  gint64 id;
  double lon;
  double lat;
} Point;

static GArray *
unassigned_points (ReachDb      *db,
                   guint         kind,
                   const char   *level,
                   GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id, lon, lat FROM %s i WHERE lat IS NOT NULL "
                                          "AND lon IS NOT NULL AND NOT EXISTS (SELECT 1 FROM %s "
                                          "WHERE %s = i.id AND level = ?1)",
                                          located[kind].items, located[kind].table,
                                          located[kind].id_column);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (Point));
  sqlite3_stmt *stmt = reach_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, level, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Point p = { sqlite3_column_int64 (stmt, 0), sqlite3_column_double (stmt, 1),
                  sqlite3_column_double (stmt, 2) };
      g_array_append_val (points, p);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not read locations"));
      return NULL;
    }
  return g_steal_pointer (&points);
}

/* Boundaries are parsed only when some point of the level is unassigned. */
static gboolean
assign_kind (ReachDb         *db,
             guint            kind,
             ReachAreaLevel   area_level,
             LevelAreas      *la,
             GError         **error)
{
  const char *level = reach_area_level_to_string (area_level);
  g_autoptr(GArray) points = unassigned_points (db, kind, level, error);
  g_autofree char *sql = NULL;

  if (points == NULL)
    return FALSE;
  if (points->len > 0 && la->by_id == NULL && !level_areas_load (db, area_level, la, error))
    return FALSE;

  sql = g_strdup_printf ("INSERT INTO %s (%s, level, area_id) VALUES (?1, ?2, ?3)",
                         located[kind].table, located[kind].id_column);
  for (guint i = 0; i < points->len; i++)
    {
      Point *p = &g_array_index (points, Point, i);
      gint64 area_id = level_areas_find (db, la, p->lon, p->lat, error);
      sqlite3_stmt *stmt;

      if (area_id < 0 || !(stmt = reach_db_prepare (db, sql, error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, p->id);
      sqlite3_bind_text (stmt, 2, level, -1, SQLITE_STATIC);
      if (area_id > 0)
        sqlite3_bind_int64 (stmt, 3, area_id);
      if (!reach_db_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
link_areas (ReachDb     *db,
            gint64       child_id,
            gint64       parent_id,
            const char  *method,
            GError     **error)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, "INSERT OR REPLACE INTO area_parent (child_id, parent_id, "
                                             "method) VALUES (?1, ?2, ?3)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, child_id);
  sqlite3_bind_int64 (stmt, 2, parent_id);
  sqlite3_bind_text (stmt, 3, method, -1, SQLITE_STATIC);
  return reach_db_step_done (db, stmt, error);
}

/* -1 error, 0 no, 1 yes */
static int
has_lookup_parent (ReachDb         *db,
                   gint64           child_id,
                   ReachAreaLevel   level,
                   GError         **error)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, "SELECT count(*) FROM area_parent p JOIN area a "
                                             "ON a.id = p.parent_id WHERE p.child_id = ?1 "
                                             "AND a.level = ?2 AND p.method = 'lookup'", error);
  int n;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, child_id);
  sqlite3_bind_text (stmt, 2, reach_area_level_to_string (level), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      reach_db_set_error (db, error, _("Could not read area links"));
      return -1;
    }
  n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n > 0;
}

static gboolean
rollup_level (ReachDb     *db,
              LevelAreas  *children,
              LevelAreas  *parents,
              GError     **error)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, children->by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      ReachArea *child = value;
      gint64 parent_id;
      int has_lookup = has_lookup_parent (db, child->id, parents->level, error);

      if (has_lookup < 0)
        return FALSE;
      if (has_lookup)
        continue;
      parent_id = level_areas_find (db, parents, child->label.lon, child->label.lat, error);
      if (parent_id < 0)
        return FALSE;
      if (parent_id > 0 && !link_areas (db, child->id, parent_id, "containment", error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
rollup_all (ReachDb     *db,
            GError     **error)
{
  LevelAreas levels[REACH_N_AREA_LEVELS] = { 0 };
  gboolean ok = reach_db_exec (db, "DELETE FROM area_parent WHERE method = 'containment'", error);

  for (guint l = 0; ok && l < REACH_N_AREA_LEVELS; l++)
    ok = level_areas_load (db, l, &levels[l], error);

  for (guint c = 0; ok && c < REACH_N_AREA_LEVELS; c++)
    for (guint p = 0; ok && p < REACH_N_AREA_LEVELS; p++)
      if (level_rank (p) > level_rank (c) && g_hash_table_size (levels[p].by_id) > 0)
        ok = rollup_level (db, &levels[c], &levels[p], error);

  for (guint l = 0; l < REACH_N_AREA_LEVELS; l++)
    level_areas_clear (&levels[l]);

  return ok && reach_db_set_setting (db, "area_rollup_stale", "0", error);
}

gboolean
reach_area_rollup_by_containment (ReachDb  *db,
                                  GError  **error)
{
  if (!reach_db_begin (db, error))
    return FALSE;
  if (!rollup_all (db, error))
    {
      reach_db_rollback (db);
      return FALSE;
    }
  return reach_db_commit (db, error);
}

/* -1 error, 0 no, 1 yes */
static int
level_has_areas (ReachDb         *db,
                 ReachAreaLevel   level,
                 GError         **error)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, "SELECT EXISTS (SELECT 1 FROM area WHERE level = ?1)", error);
  int has;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, reach_area_level_to_string (level), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      reach_db_set_error (db, error, _("Could not read areas"));
      return -1;
    }
  has = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return has;
}

static gboolean
refresh (ReachDb  *db,
         GError  **error)
{
  g_autofree char *stale = NULL;

  for (guint l = 0; l < REACH_N_AREA_LEVELS; l++)
    {
      LevelAreas la = { 0 };
      gboolean ok = TRUE;
      int has_areas = level_has_areas (db, l, error);

      if (has_areas < 0)
        return FALSE;
      for (guint k = 0; ok && has_areas && k < G_N_ELEMENTS (located); k++)
        ok = assign_kind (db, k, l, &la, error);
      level_areas_clear (&la);
      if (!ok)
        return FALSE;
    }

  if (!reach_db_get_setting (db, "area_rollup_stale", &stale, error))
    return FALSE;
  if (g_strcmp0 (stale, "0") != 0)
    return rollup_all (db, error);
  return TRUE;
}

gboolean
reach_area_assign_refresh (ReachDb  *db,
                           GError  **error)
{
  if (!reach_db_begin (db, error))
    return FALSE;
  if (!refresh (db, error))
    {
      reach_db_rollback (db);
      return FALSE;
    }
  return reach_db_commit (db, error);
}

/* ---- lookup CSV --------------------------------------------------------- */

typedef struct
{
  gint64          id;
  ReachAreaLevel  level;
} KnownArea;

static GHashTable *
read_known_areas (ReachDb  *db,
                  GError  **error)
{
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = reach_db_prepare (db, "SELECT code, id, level FROM area", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KnownArea *k = g_new0 (KnownArea, 1);

      k->id = sqlite3_column_int64 (stmt, 1);
      reach_area_level_from_string ((const char *) sqlite3_column_text (stmt, 2), &k->level);
      g_hash_table_insert (known, g_strdup ((const char *) sqlite3_column_text (stmt, 0)), k);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not read areas"));
      return NULL;
    }
  return g_steal_pointer (&known);
}

static gboolean
unlink_level (ReachDb         *db,
              gint64           child_id,
              ReachAreaLevel   level,
              GError         **error)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, "DELETE FROM area_parent WHERE child_id = ?1 AND "
                                             "parent_id IN (SELECT id FROM area WHERE level = ?2)",
                                         error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, child_id);
  sqlite3_bind_text (stmt, 2, reach_area_level_to_string (level), -1, SQLITE_STATIC);
  return reach_db_step_done (db, stmt, error);
}

/* @links holds "child parent" for each link made, so each counts once */
static gboolean
link_row (ReachDb            *db,
          GHashTable         *known,
          const ReachCsvRow  *row,
          GHashTable         *links,
          GError            **error)
{
  g_autoptr(GPtrArray) areas = g_ptr_array_new ();
  KnownArea *child = NULL;

  for (guint i = 0; i < row->n_fields; i++)
    {
      g_autofree char *code = g_strstrip (g_strdup (row->fields[i]));
      KnownArea *k = g_hash_table_lookup (known, code);

      if (k == NULL)
        continue;
      g_ptr_array_add (areas, k);
      if (child == NULL || level_rank (k->level) < level_rank (child->level))
        child = k;
    }

  for (guint i = 0; i < areas->len; i++)
    {
      KnownArea *parent = g_ptr_array_index (areas, i);

      if (level_rank (parent->level) <= level_rank (child->level))
        continue;
      if (!unlink_level (db, child->id, parent->level, error) ||
          !link_areas (db, child->id, parent->id, "lookup", error))
        return FALSE;
      g_hash_table_add (links, g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                                child->id, parent->id));
    }
  return TRUE;
}

gboolean
reach_area_import_lookup (ReachDb     *db,
                          const char  *path,
                          guint       *n_links,
                          GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(ReachCsv) csv = NULL;
  g_autoptr(GHashTable) known = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  g_autoptr(GHashTable) links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n;

  if (!(csv = reach_csv_load (path, &local)))
    {
      g_set_error_literal (error, REACH_AREA_ASSIGN_ERROR, REACH_AREA_ASSIGN_ERROR_FORMAT, local->message);
      return FALSE;
    }
  if (!(known = read_known_areas (db, error)) || !reach_db_begin (db, error))
    return FALSE;

  for (guint r = 1; r < reach_csv_get_n_rows (csv); r++)
    {
      const ReachCsvRow *row = reach_csv_get_row (csv, r);

      if (!link_row (db, known, row, links, error))
        {
          g_prefix_error (error, _("%s, line %u: "), basename, row->line);
          reach_db_rollback (db);
          return FALSE;
        }
    }

  n = g_hash_table_size (links);
  if (n == 0)
    {
      reach_db_rollback (db);
      g_set_error (error, REACH_AREA_ASSIGN_ERROR, REACH_AREA_ASSIGN_ERROR_NO_AREAS,
                   _("%s: no row links two areas of this workspace"), basename);
      return FALSE;
    }
  if (!reach_db_commit (db, error))
    return FALSE;
  if (n_links)
    *n_links = n;
  return TRUE;
}

/* ---- reading ------------------------------------------------------------ */

static gint64
single_id (ReachDb       *db,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);
  gint64 id = 0;

  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not read areas"));
      return -1;
    }
  return id;
}

static gint64
area_of (ReachDb         *db,
         guint            kind,
         gint64           id,
         ReachAreaLevel   level,
         GError         **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT ifnull (area_id, 0) FROM %s WHERE %s = ?1 AND level = ?2",
                                          located[kind].table, located[kind].id_column);
  sqlite3_stmt *stmt = reach_db_prepare (db, sql, error);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, reach_area_level_to_string (level), -1, SQLITE_STATIC);
  return single_id (db, stmt, error);
}

gint64
reach_area_of_contact (ReachDb         *db,
                       gint64           contact_id,
                       ReachAreaLevel   level,
                       GError         **error)
{
  return area_of (db, 0, contact_id, level, error);
}

gint64
reach_area_of_place (ReachDb         *db,
                     gint64           place_id,
                     ReachAreaLevel   level,
                     GError         **error)
{
  return area_of (db, 1, place_id, level, error);
}

gint64
reach_area_of_group (ReachDb         *db,
                     gint64           group_id,
                     ReachAreaLevel   level,
                     GError         **error)
{
  return area_of (db, 2, group_id, level, error);
}

gint64
reach_area_get_parent (ReachDb         *db,
                       gint64           area_id,
                       ReachAreaLevel   level,
                       GError         **error)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, "SELECT p.parent_id FROM area_parent p JOIN area a "
                                             "ON a.id = p.parent_id WHERE p.child_id = ?1 AND "
                                             "a.level = ?2 ORDER BY p.method = 'lookup' DESC LIMIT 1",
                                         error);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, area_id);
  sqlite3_bind_text (stmt, 2, reach_area_level_to_string (level), -1, SQLITE_STATIC);
  return single_id (db, stmt, error);
}

GArray *
reach_area_list_within (ReachDb  *db,
                        gint64    area_id,
                        int       level,
                        GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = reach_db_prepare (db, "SELECT p.child_id FROM area_parent p JOIN area a "
                                             "ON a.id = p.child_id WHERE p.parent_id = ?1 AND "
                                             "(?2 IS NULL OR a.level = ?2) ORDER BY a.code", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, area_id);
  if (level >= 0)
    sqlite3_bind_text (stmt, 2, reach_area_level_to_string (level), -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not read areas"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}
