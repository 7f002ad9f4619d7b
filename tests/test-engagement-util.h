/* test-engagement-util.h — a small workspace for the engagement tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Areas, places, categories and contacts made directly, so the tests of
 * groups, activities and feedback need nothing else.
 */
#pragma once

#include "reach-area.h"
#include "reach-db.h"
#include "reach-places.h"
#include "reach-testutil.h"

static inline ReachDb *
eng_open_db (void)
{
  g_autofree char *dir = reach_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "w.reach", NULL);
  g_autoptr(GError) error = NULL;
  ReachDb *db = reach_db_open (path, &error);

  g_assert_no_error (error);
  return db;
}

static inline gint64
eng_count (ReachDb    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static inline gint64
eng_exec_insert (ReachDb    *db,
                 const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (reach_db_exec (db, sql, &error));
  g_assert_no_error (error);
  return sqlite3_last_insert_rowid (reach_db_get_handle (db));
}

/* A square area from (west, south) to (east, north). */
static inline gint64
eng_add_area (ReachDb    *db,
              const char *code,
              const char *name,
              double      west,
              double      south,
              double      east,
              double      north)
{
  g_autoptr(ReachArea) area = reach_area_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = g_strdup_printf ("{\"type\": \"Polygon\", \"coordinates\": "
                                           "[[[%g, %g], [%g, %g], [%g, %g], [%g, %g], [%g, %g]]]}",
                                           west, south, east, south, east, north,
                                           west, north, west, south);

  area->code = g_strdup (code);
  area->name = g_strdup (name);
  area->level = REACH_AREA_LEVEL_WARD;
  area->geometry = reach_geometry_new_from_text (json, &error);
  g_assert_no_error (error);
  g_assert_true (reach_areas_insert (db, area, &error));
  g_assert_no_error (error);
  return area->id;
}

static inline gint64
eng_add_place (ReachDb    *db,
               const char *name,
               double      lon,
               double      lat)
{
  g_autoptr(ReachPlace) place = reach_place_new ();
  g_autoptr(GError) error = NULL;

  place->name = g_strdup (name);
  place->category = REACH_PLACE_CATEGORY_INSTITUTION;
  place->is_venue = TRUE;
  place->lon = lon;
  place->lat = lat;
  g_assert_true (reach_places_insert (db, place, &error));
  g_assert_no_error (error);
  return place->id;
}

/* A category of a test characteristic, made when missing. */
static inline gint64
eng_add_category (ReachDb    *db,
                  const char *characteristic,
                  const char *key)
{
  g_autofree char *sql = g_strdup_printf (
      "INSERT OR IGNORE INTO characteristic (key, label, is_local) VALUES ('%s', '%s', 1);"
      "INSERT INTO category (characteristic_id, key, label) "
      "SELECT id, '%s', '%s' FROM characteristic WHERE key = '%s'",
      characteristic, characteristic, key, key, characteristic);

  return eng_exec_insert (db, sql);
}

static inline gint64
eng_add_contact (ReachDb    *db,
                 const char *name,
                 const char *email)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO contact (name, email) VALUES ('%s', %s%s%s)",
                                          name, email ? "'" : "", email ? email : "NULL",
                                          email ? "'" : "");

  return eng_exec_insert (db, sql);
}

static inline void
eng_add_member (ReachDb *db,
                gint64   contact_id,
                gint64   group_id)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO contact_membership (contact_id, group_id) "
                                          "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                                          contact_id, group_id);

  eng_exec_insert (db, sql);
}

static inline GDateTime *
eng_date (int year,
          int month,
          int day)
{
  return g_date_time_new_utc (year, month, day, 10, 0, 0);
}
