/* test-geometry.c — polygons, containment and interior points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "reach-area.h"
#include "reach-geometry.h"
#include "reach-testutil.h"

/* A C shape: the centroid (about 0.4, 0.5) lies in the notch, outside. */
static const char *c_shape =
  "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,0.2],[0.2,0.2],[0.2,0.8],"
  "[1,0.8],[1,1],[0,1],[0,0]]]}";

static void
test_parse_and_contains (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReachGeometry) g = reach_geometry_new_from_text (c_shape, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g->polygons->len, ==, 1);
  g_assert_cmpfloat (g->bbox.west, ==, 0);
  g_assert_cmpfloat (g->bbox.north, ==, 1);
  g_assert_true (reach_geometry_contains (g, 0.1, 0.5));
  g_assert_false (reach_geometry_contains (g, 0.5, 0.5));
  g_assert_false (reach_geometry_contains (g, 2, 2));
}

static void
test_interior_point_of_concave (void)
{
  g_autoptr(ReachGeometry) g = reach_geometry_new_from_text (c_shape, NULL);
  ReachLonLat p = reach_geometry_interior_point (g);

  g_assert_true (reach_geometry_contains (g, p.lon, p.lat));
}

static void
test_hole (void)
{
  g_autoptr(ReachGeometry) g = reach_geometry_new_from_text (
    "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[4,0],[4,4],[0,4],[0,0]],"
    "[[1,1],[3,1],[3,3],[1,3],[1,1]]]]}", NULL);
  ReachLonLat p;

  g_assert_nonnull (g);
  g_assert_false (reach_geometry_contains (g, 2, 2));
  g_assert_true (reach_geometry_contains (g, 0.5, 2));
  p = reach_geometry_interior_point (g);
  g_assert_true (reach_geometry_contains (g, p.lon, p.lat));
}

static void
test_refuses_bad_shapes (void)
{
  const struct { const char *json; int code; } cases[] = {
    { "{\"type\":\"Point\",\"coordinates\":[0,0]}", REACH_GEOMETRY_ERROR_TYPE },
    { "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[0,0]]]}", REACH_GEOMETRY_ERROR_INVALID },
    { "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}", REACH_GEOMETRY_ERROR_INVALID },
    { "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,\"x\"],[0,0]]]}", REACH_GEOMETRY_ERROR_INVALID },
    { "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[500,0],[1,1],[0,0]]]}", REACH_GEOMETRY_ERROR_INVALID },
    { "{\"type\":\"MultiPolygon\",\"coordinates\":[]}", REACH_GEOMETRY_ERROR_INVALID },
    { "{\"type\":\"Polygon\"}", REACH_GEOMETRY_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ReachGeometry) g = reach_geometry_new_from_text (cases[i].json, &error);

      g_assert_null (g);
      g_assert_error (error, REACH_GEOMETRY_ERROR, cases[i].code);
    }
}

static void
test_area_store (void)
{
  g_autofree char *dir = reach_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "w.reach", NULL);
  g_autoptr(ReachDb) db = reach_db_open (path, NULL);
  g_autoptr(ReachArea) area = reach_area_new ();
  g_autoptr(ReachArea) hit = NULL;
  g_autoptr(ReachArea) miss = NULL;
  g_autoptr(GPtrArray) wards = NULL;
  g_autoptr(GError) error = NULL;

  area->code = g_strdup ("E05000001");
  area->name = g_strdup ("Notch Ward");
  area->level = REACH_AREA_LEVEL_WARD;
  area->geometry = reach_geometry_new_from_text (c_shape, NULL);
  g_assert_true (reach_areas_insert (db, area, &error));
  g_assert_no_error (error);
  g_assert_true (reach_geometry_contains (area->geometry, area->label.lon, area->label.lat));

  wards = reach_areas_list (db, REACH_AREA_LEVEL_WARD, &error);
  g_assert_cmpuint (wards->len, ==, 1);
  g_assert_cmpstr (((ReachArea *) wards->pdata[0])->name, ==, "Notch Ward");

  hit = reach_areas_at_point (db, REACH_AREA_LEVEL_WARD, 0.1, 0.5, &error);
  g_assert_nonnull (hit);
  g_assert_cmpstr (hit->code, ==, "E05000001");
  /* inside the bounding box but in the notch */
  miss = reach_areas_at_point (db, REACH_AREA_LEVEL_WARD, 0.5, 0.5, &error);
  g_assert_null (miss);
  g_assert_no_error (error);

  /* codes are unique */
  g_clear_object (&area);
  area = reach_area_new ();
  area->code = g_strdup ("E05000001");
  area->geometry = reach_geometry_new_from_text (c_shape, NULL);
  g_assert_false (reach_areas_insert (db, area, &error));
  g_assert_error (error, REACH_DB_ERROR, REACH_DB_ERROR_SQL);
  g_assert_nonnull (strstr (error->message, "E05000001"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/geometry/parse-and-contains", test_parse_and_contains);
  g_test_add_func ("/geometry/interior-point-of-concave", test_interior_point_of_concave);
  g_test_add_func ("/geometry/hole", test_hole);
  g_test_add_func ("/geometry/refuses-bad-shapes", test_refuses_bad_shapes);
  g_test_add_func ("/geometry/area-store", test_area_store);

  return g_test_run ();
}
