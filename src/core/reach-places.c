/* reach-places.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-places"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "reach-places.h"

/* Column order shared by SELECT, INSERT and UPDATE; the access columns follow. */
#define PLACE_COLUMNS \
  "name, category, is_asset, is_venue, description, address, postcode, lat, lon, " \
  "opening_hours, capacity, website, phone, email, source"
#define N_PLACE_COLUMNS 15

static const char *
place_select_sql (void)
{
  static gsize sql;

  if (g_once_init_enter (&sql))
    {
      GString *s = g_string_new ("SELECT id, " PLACE_COLUMNS);

      for (guint i = 0; i < REACH_N_ACCESS; i++)
        g_string_append_printf (s, ", %s", reach_access_column (i));
      g_string_append (s, " FROM place");
      g_once_init_leave (&sql, (gsize) g_string_free (s, FALSE));
    }

  return (const char *) sql;
}

static char *
nullable_text (sqlite3_stmt *stmt,
               int           col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

static ReachPlace *
place_from_row (sqlite3_stmt *stmt)
{
  ReachPlace *place = reach_place_new ();
  int c = 0;

  place->id = sqlite3_column_int64 (stmt, c++);
  place->name = nullable_text (stmt, c++);
  if (!reach_place_category_from_string ((const char *) sqlite3_column_text (stmt, c++),
                                         &place->category))
    place->category = REACH_PLACE_CATEGORY_ASSOCIATION;
  place->is_asset = sqlite3_column_int (stmt, c++);
  place->is_venue = sqlite3_column_int (stmt, c++);
  place->description = nullable_text (stmt, c++);
  place->address = nullable_text (stmt, c++);
  place->postcode = nullable_text (stmt, c++);
  place->lat = sqlite3_column_double (stmt, c++);
  place->lon = sqlite3_column_double (stmt, c++);
  place->opening_hours = nullable_text (stmt, c++);
  place->capacity = sqlite3_column_type (stmt, c) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, c);
  c++;
  place->website = nullable_text (stmt, c++);
  place->phone = nullable_text (stmt, c++);
  place->email = nullable_text (stmt, c++);
  place->source = nullable_text (stmt, c++);

  for (guint i = 0; i < REACH_N_ACCESS; i++, c++)
    place->access[i] = sqlite3_column_type (stmt, c) == SQLITE_NULL
                       ? REACH_TRISTATE_UNKNOWN
                       : (sqlite3_column_int (stmt, c) ? REACH_TRISTATE_YES : REACH_TRISTATE_NO);

  return place;
}

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

/* Binds the shared columns as ?1 … ?N, the access columns after them. */
static void
bind_place (sqlite3_stmt *stmt,
            ReachPlace   *place)
{
  int c = 1;

  sqlite3_bind_text (stmt, c++, place->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, c++, reach_place_category_to_string (place->category), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, c++, place->is_asset ? 1 : 0);
  sqlite3_bind_int (stmt, c++, place->is_venue ? 1 : 0);
  bind_text_or_null (stmt, c++, place->description);
  bind_text_or_null (stmt, c++, place->address);
  bind_text_or_null (stmt, c++, place->postcode);
  sqlite3_bind_double (stmt, c++, place->lat);
  sqlite3_bind_double (stmt, c++, place->lon);
  bind_text_or_null (stmt, c++, place->opening_hours);
  if (place->capacity < 0)
    sqlite3_bind_null (stmt, c++);
  else
    sqlite3_bind_int (stmt, c++, place->capacity);
  bind_text_or_null (stmt, c++, place->website);
  bind_text_or_null (stmt, c++, place->phone);
  bind_text_or_null (stmt, c++, place->email);
  bind_text_or_null (stmt, c++, place->source);

  for (guint i = 0; i < REACH_N_ACCESS; i++, c++)
    {
      if (place->access[i] == REACH_TRISTATE_UNKNOWN)
        sqlite3_bind_null (stmt, c);
      else
        sqlite3_bind_int (stmt, c, place->access[i] == REACH_TRISTATE_YES);
    }
}

static const char *
place_insert_sql (void)
{
  static gsize sql;

  if (g_once_init_enter (&sql))
    {
      GString *s = g_string_new ("INSERT INTO place (" PLACE_COLUMNS);

      for (guint i = 0; i < REACH_N_ACCESS; i++)
        g_string_append_printf (s, ", %s", reach_access_column (i));
      g_string_append (s, ") VALUES (?1");
      for (guint i = 2; i <= N_PLACE_COLUMNS + REACH_N_ACCESS; i++)
        g_string_append_printf (s, ", ?%u", i);
      g_string_append (s, ")");
      g_once_init_leave (&sql, (gsize) g_string_free (s, FALSE));
    }

  return (const char *) sql;
}

static const char *
place_update_sql (void)
{
  static gsize sql;

  if (g_once_init_enter (&sql))
    {
      g_auto(GStrv) columns = g_strsplit (PLACE_COLUMNS, ", ", -1);
      GString *s = g_string_new ("UPDATE place SET ");
      guint n = 1;

      for (guint i = 0; columns[i] != NULL; i++, n++)
        g_string_append_printf (s, "%s = ?%u, ", columns[i], n);
      for (guint i = 0; i < REACH_N_ACCESS; i++, n++)
        g_string_append_printf (s, "%s = ?%u, ", reach_access_column (i), n);
      g_string_append_printf (s, "updated_at = strftime ('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now') "
                                 "WHERE id = ?%u", n);
      g_once_init_leave (&sql, (gsize) g_string_free (s, FALSE));
    }

  return (const char *) sql;
}

gboolean
reach_places_insert (ReachDb     *db,
                     ReachPlace  *place,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  if (!reach_place_validate (place, error))
    return FALSE;

  stmt = reach_db_prepare (db, place_insert_sql (), error);
  if (stmt == NULL)
    return FALSE;

  bind_place (stmt, place);
  if (!reach_db_step_done (db, stmt, error))
    return FALSE;

  place->id = sqlite3_last_insert_rowid (reach_db_get_handle (db));
  return reach_audit (db, "place", place->id, "insert", error);
}

gboolean
reach_places_update (ReachDb     *db,
                     ReachPlace  *place,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (place->id > 0, FALSE);

  if (!reach_place_validate (place, error))
    return FALSE;

  stmt = reach_db_prepare (db, place_update_sql (), error);
  if (stmt == NULL)
    return FALSE;

  bind_place (stmt, place);
  sqlite3_bind_int64 (stmt, N_PLACE_COLUMNS + REACH_N_ACCESS + 1, place->id);
  if (!reach_db_step_done (db, stmt, error))
    return FALSE;

  if (sqlite3_changes (reach_db_get_handle (db)) == 0)
    {
      g_set_error (error, REACH_DB_ERROR, REACH_DB_ERROR_NOT_FOUND,
                   _("There is no place %" PRId64), place->id);
      return FALSE;
    }

  return reach_audit (db, "place", place->id, "update", error);
}

gboolean
reach_places_delete (ReachDb     *db,
                     gint64       id,
                     GError     **error)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, "DELETE FROM place WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!reach_db_step_done (db, stmt, error))
    return FALSE;

  return reach_audit (db, "place", id, "delete", error);
}

static GPtrArray *
collect_places (ReachDb       *db,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  g_autoptr(GPtrArray) places = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (places, place_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not read places"));
      return NULL;
    }

  return g_steal_pointer (&places);
}

ReachPlace *
reach_places_get (ReachDb     *db,
                  gint64       id,
                  GError     **error)
{
  g_autofree char *sql = g_strconcat (place_select_sql (), " WHERE id = ?1", NULL);
  g_autoptr(GPtrArray) places = NULL;
  sqlite3_stmt *stmt;

  stmt = reach_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  places = collect_places (db, stmt, error);
  if (places == NULL)
    return NULL;

  if (places->len == 0)
    {
      g_set_error (error, REACH_DB_ERROR, REACH_DB_ERROR_NOT_FOUND,
                   _("There is no place %" PRId64), id);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (places, 0));
}

/* "st mar" → "\"st\"* \"mar\"*": every word a quoted prefix, so user input
 * cannot be read as FTS5 syntax. */
static char *
fts_query (const char *search)
{
  g_auto(GStrv) words = g_strsplit_set (search, " \t\n\"", -1);
  GString *query = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_printf (query, "\"%s\"*", words[i]);
    }

  return g_string_free (query, query->len == 0);
}

GPtrArray *
reach_places_list (ReachDb     *db,
                   const char  *search,
                   GError     **error)
{
  g_autofree char *query = search != NULL ? fts_query (search) : NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  if (query == NULL)
    sql = g_strconcat (place_select_sql (), " ORDER BY name COLLATE NOCASE, id", NULL);
  else
    sql = g_strconcat (place_select_sql (),
                       " WHERE id IN (SELECT rowid FROM place_fts WHERE place_fts MATCH ?1)"
                       " ORDER BY name COLLATE NOCASE, id", NULL);

  stmt = reach_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  if (query != NULL)
    sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);

  return collect_places (db, stmt, error);
}

GPtrArray *
reach_places_in_bbox (ReachDb     *db,
                      double       west,
                      double       south,
                      double       east,
                      double       north,
                      GError     **error)
{
  g_autofree char *sql = g_strconcat (place_select_sql (),
                                      " WHERE id IN (SELECT id FROM place_rtree"
                                      " WHERE max_lon >= ?1 AND min_lon <= ?3"
                                      " AND max_lat >= ?2 AND min_lat <= ?4)"
                                      " ORDER BY id", NULL);
  sqlite3_stmt *stmt = reach_db_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_double (stmt, 1, west);
  sqlite3_bind_double (stmt, 2, south);
  sqlite3_bind_double (stmt, 3, east);
  sqlite3_bind_double (stmt, 4, north);
  return collect_places (db, stmt, error);
}
