/* test-demo.c — the Leeds demo workspace is real, complete and marked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "reach-area.h"
#include "reach-demo.h"
#include "reach-gaps.h"
#include "reach-places.h"
#include "reach-testutil.h"

static gint64
count (ReachDb    *db,
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

static void
test_build (void)
{
  g_autofree char *dir = reach_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "demo", "demo.reach", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReachDb) db = reach_demo_open (path, &error);
  g_autoptr(GPtrArray) places = NULL;
  g_autofree char *title = NULL;
  guint in_a_ward = 0;

  g_assert_no_error (error);
  g_assert_true (reach_db_is_demo (db));
  g_assert_true (reach_db_get_setting (db, "title", &title, NULL));
  g_assert_cmpstr (title, ==, "Leeds demo");

  /* 33 wards and 488 LSOAs of Leeds, by their 2022 and 2021 codes */
  g_assert_cmpint (count (db, "SELECT count(*) FROM area WHERE level = 'ward' AND code LIKE 'E05%'"), ==, 33);
  g_assert_cmpint (count (db, "SELECT count(*) FROM area WHERE level = 'lsoa' AND code LIKE 'E01%'"), ==, 488);
  g_assert_cmpint (count (db, "SELECT count(*) FROM area WHERE level = 'msoa' AND code LIKE 'E02%'"), ==, 107);
  g_assert_cmpint (count (db, "SELECT count(*) FROM area"), ==, 33 + 488 + 107);
  g_assert_cmpint (count (db, "SELECT count(*) FROM area WHERE name = 'Horsforth'"), ==, 1);

  /* Census 2021 baselines: ethnic group, religion and disability by LSOA,
   * sexual orientation by MSOA, each table with its own total */
  g_assert_cmpint (count (db, "SELECT count(DISTINCT g.characteristic_id) FROM baseline b "
                              "JOIN category g ON g.id = b.category_id"), ==, 4);
  g_assert_cmpint (count (db, "SELECT sum (b.count) FROM baseline b JOIN category g ON g.id = b.category_id "
                              "JOIN characteristic c ON c.id = g.characteristic_id WHERE c.key = 'ethnic_group'"),
                   ==, 812017);
  g_assert_cmpint (count (db, "SELECT count(*) FROM area_parent WHERE method = 'lookup'"), ==, 488);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT b.area_id) FROM baseline b JOIN category g "
                              "ON g.id = b.category_id JOIN characteristic c ON c.id = g.characteristic_id "
                              "WHERE c.key = 'sexual_orientation'"), ==, 107);

  /* 35 open libraries as venues, and the 69 Horsforth assets */
  g_assert_cmpint (count (db, "SELECT count(*) FROM place WHERE category = 'institution' AND is_venue = 1 "
                              "AND name LIKE '%librar%'"), >=, 30);
  g_assert_cmpint (count (db, "SELECT count(*) FROM place WHERE category = 'faith'"), >=, 10);
  g_assert_cmpint (count (db, "SELECT count(*) FROM place"), ==, 35 + 69);

  /* every place really is in Leeds: inside one of its wards */
  places = reach_places_list (db, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < places->len; i++)
    {
      ReachPlace *place = g_ptr_array_index (places, i);
      g_autoptr(ReachArea) ward = reach_areas_at_point (db, REACH_AREA_LEVEL_WARD, place->lon, place->lat, NULL);

      if (ward != NULL)
        in_a_ward++;
    }
  g_assert_cmpuint (in_a_ward, ==, places->len);
}

/* The fictional people live in Leeds, spread so that the reach map shows
 * both wards reached and wards never reached. */
static void
test_people_map (void)
{
  g_autofree char *dir = reach_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "demo.reach", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReachDb) db = reach_demo_open (path, &error);
  g_autoptr(GArray) wards = NULL;
  guint reached = 0, not_reached = 0;

  g_assert_no_error (error);
  g_assert_cmpint (count (db, "SELECT count(*) FROM contact WHERE kind = 'person' AND lat IS NULL"), ==, 0);

  wards = reach_gaps_area_reach (db, REACH_AREA_LEVEL_WARD, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wards->len, ==, 33);
  for (guint i = 0; i < wards->len; i++)
    {
      ReachAreaReach *ward = &g_array_index (wards, ReachAreaReach, i);

      if (ward->not_reached)
        not_reached++;
      else
        reached++;
    }
  g_assert_cmpuint (reached, >=, 10);
  g_assert_cmpuint (not_reached, >=, 5);
}

static void
test_reopen_does_not_rebuild (void)
{
  g_autofree char *dir = reach_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "demo.reach", NULL);
  gint64 first;

  {
    g_autoptr(ReachDb) db = reach_demo_open (path, NULL);
    g_assert_nonnull (db);
    first = count (db, "SELECT count(*) FROM place");
  }

  {
    g_autoptr(ReachDb) db = reach_demo_open (path, NULL);
    g_assert_nonnull (db);
    g_assert_cmpint (count (db, "SELECT count(*) FROM place"), ==, first);
  }
}

static void
test_missing_data_leaves_nothing (void)
{
  g_autofree char *dir = reach_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "demo.reach", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReachDb) db = reach_db_open (path, NULL);

  g_assert_false (reach_demo_build (db, dir /* holds no demo/ */, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "leeds_wards22.geojson"));
  g_assert_false (reach_db_is_demo (db));
  g_assert_cmpint (count (db, "SELECT count(*) FROM area"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/build", test_build);
  g_test_add_func ("/demo/people-map", test_people_map);
  g_test_add_func ("/demo/reopen-does-not-rebuild", test_reopen_does_not_rebuild);
  g_test_add_func ("/demo/missing-data-leaves-nothing", test_missing_data_leaves_nothing);

  return g_test_run ();
}
