/* test-mbtiles.c — reading raster MBTiles packs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "reach-mbtiles.h"
#include "reach-testutil.h"

static ReachMbtiles *
open_fixture (const char *suite,
              const char *name,
              GError    **error)
{
  g_autofree char *path = reach_test_file ("data", "mbtiles", suite, name, NULL);

  return reach_mbtiles_open (path, error);
}

/* node-mbtiles ships the expected bytes of every tile, named
 * plain_1_X_Y_Z.png with Y the TMS row (counted from the south). */
static void
test_plain_tiles_match_images (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReachMbtiles) mbtiles = open_fixture ("node-mbtiles", "plain_1.mbtiles", &error);
  g_autofree char *images = reach_test_file ("data", "mbtiles", "node-mbtiles", "images", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint checked = 0;

  g_assert_no_error (error);
  dir = g_dir_open (images, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (images, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) expected = NULL;
      g_autoptr(GBytes) tile = NULL;
      gsize len;
      int z, x, tms_y;

      g_assert_cmpint (sscanf (name, "plain_1_%d_%d_%d.png", &x, &tms_y, &z), ==, 3);
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      expected = g_bytes_new_take (g_steal_pointer (&contents), len);

      tile = reach_mbtiles_get_tile (mbtiles, z, x, (1 << z) - 1 - tms_y, &error);
      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (tile, expected));
      checked++;
    }

  g_assert_cmpuint (checked, ==, 285);
  g_assert_cmpint (reach_mbtiles_count_tiles (mbtiles, NULL), ==, 285);
}

static void
test_plain_metadata (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReachMbtiles) mbtiles = open_fixture ("node-mbtiles", "plain_1.mbtiles", &error);
  ReachBBox bounds;

  g_assert_no_error (error);
  g_assert_cmpstr (reach_mbtiles_get_name (mbtiles), ==, "plain_1");
  /* No "format" row: the tiles say PNG. No zoom rows: the tiles say 0–4. */
  g_assert_cmpstr (reach_mbtiles_get_format (mbtiles), ==, "png");
  g_assert_cmpint (reach_mbtiles_get_min_zoom (mbtiles), ==, 0);
  g_assert_cmpint (reach_mbtiles_get_max_zoom (mbtiles), ==, 4);
  g_assert_cmpint (reach_mbtiles_get_tile_size (mbtiles), ==, 256);
  g_assert_null (reach_mbtiles_get_attribution (mbtiles));
  g_assert_false (reach_mbtiles_get_center (mbtiles, NULL, NULL, NULL));
  g_assert_true (reach_mbtiles_get_bounds (mbtiles, &bounds));
  g_assert_cmpfloat_with_epsilon (bounds.west, -180.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (bounds.south, -70.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (bounds.east, 180.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (bounds.north, 85.0, 1e-6);
}

static void
test_missing_tile (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReachMbtiles) mbtiles = open_fixture ("node-mbtiles", "plain_1.mbtiles", &error);
  g_autoptr(GBytes) tile = NULL;

  g_assert_no_error (error);
  tile = reach_mbtiles_get_tile (mbtiles, 5, 0, 0, &error);
  g_assert_error (error, REACH_MBTILES_ERROR, REACH_MBTILES_ERROR_NOT_FOUND);
  g_assert_null (tile);
  g_clear_error (&error);

  tile = reach_mbtiles_get_tile (mbtiles, 1, 2, 0, &error);
  g_assert_error (error, REACH_MBTILES_ERROR, REACH_MBTILES_ERROR_NOT_FOUND);
  g_assert_null (tile);
}

static void
assert_refused (const char        *suite,
                const char        *name,
                int                code,
                const char        *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReachMbtiles) mbtiles = open_fixture (suite, name, &error);

  g_assert_null (mbtiles);
  g_assert_error (error, REACH_MBTILES_ERROR, code);
  g_test_message ("%s: %s", name, error->message);
  /* The message names the file, so the user knows which one. */
  g_assert_nonnull (strstr (error->message, name));
  g_assert_nonnull (strstr (error->message, words));
}

static void
test_refused (void)
{
  assert_refused ("node-mbtiles", "corrupt.mbtiles", REACH_MBTILES_ERROR_OPEN, "malformed");
  assert_refused ("mbtileserver", "invalid.mbtiles", REACH_MBTILES_ERROR_INVALID, "not an MBTiles");
  assert_refused ("mbtileserver", "world_cities.mbtiles", REACH_MBTILES_ERROR_VECTOR,
                  "holds vector tiles, Reach shows raster PNG or JPEG tiles");
  assert_refused ("mbtileserver", "geography-class-webp.mbtiles", REACH_MBTILES_ERROR_FORMAT,
                  "webp");
  assert_refused ("mbtileserver", "invalid-tile-format.mbtiles", REACH_MBTILES_ERROR_FORMAT,
                  "unrecognised");
  assert_refused ("mbtileserver", "no-such-file.mbtiles", REACH_MBTILES_ERROR_OPEN,
                  "does not exist");
}

static void
test_jpeg_accepted (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReachMbtiles) mbtiles = open_fixture ("mbtileserver", "geography-class-jpg.mbtiles", &error);
  g_autoptr(GBytes) tile = NULL;
  const guint8 *data;
  gsize len;

  g_assert_no_error (error);
  g_assert_cmpstr (reach_mbtiles_get_format (mbtiles), ==, "jpg");
  g_assert_cmpstr (reach_mbtiles_get_name (mbtiles), ==, "Geography Class");
  g_assert_cmpint (reach_mbtiles_get_max_zoom (mbtiles), ==, 1);
  /* An empty attribution row is no attribution. */
  g_assert_null (reach_mbtiles_get_attribution (mbtiles));

  tile = reach_mbtiles_get_tile (mbtiles, 1, 1, 0, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (tile, &len);
  g_assert_cmpuint (len, >, 3);
  g_assert_cmpint (data[0], ==, 0xff);
  g_assert_cmpint (data[1], ==, 0xd8);
}

static void
test_over_zoom_returns_parent (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReachMbtiles) mbtiles = open_fixture ("node-mbtiles", "plain_1.mbtiles", &error);
  g_autoptr(GBytes) parent = NULL;
  g_autoptr(GBytes) tile = NULL;
  int from_zoom = -1;

  g_assert_no_error (error);

  /* 7/100/37 lies inside 4/12/4 (x >> 3, y >> 3). */
  parent = reach_mbtiles_get_tile (mbtiles, 4, 12, 4, &error);
  g_assert_no_error (error);
  tile = reach_mbtiles_get_tile_or_parent (mbtiles, 7, 100, 37, &from_zoom, &error);
  g_assert_no_error (error);
  g_assert_cmpint (from_zoom, ==, 4);
  g_assert_true (g_bytes_equal (tile, parent));
  g_clear_pointer (&tile, g_bytes_unref);

  /* A stored tile comes back as itself. */
  tile = reach_mbtiles_get_tile_or_parent (mbtiles, 2, 1, 3, &from_zoom, &error);
  g_assert_no_error (error);
  g_assert_cmpint (from_zoom, ==, 2);
  g_clear_pointer (&parent, g_bytes_unref);
  parent = reach_mbtiles_get_tile (mbtiles, 2, 1, 3, &error);
  g_assert_true (g_bytes_equal (tile, parent));
}

static void
test_bundled_pack (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("REACH_DATA_DIR"), "tiles",
                                            "uk_osm_z0-6.mbtiles", NULL);
  g_autoptr(ReachMbtiles) mbtiles = reach_mbtiles_open (path, &error);
  g_autoptr(GBytes) tile = NULL;
  double lon, lat;
  int zoom, from_zoom = -1;

  g_assert_no_error (error);
  g_assert_cmpint (reach_mbtiles_count_tiles (mbtiles, &error), ==, 27);
  g_assert_cmpint (reach_mbtiles_get_min_zoom (mbtiles), ==, 0);
  g_assert_cmpint (reach_mbtiles_get_max_zoom (mbtiles), ==, 6);
  g_assert_cmpstr (reach_mbtiles_get_format (mbtiles), ==, "png");
  g_assert_nonnull (strstr (reach_mbtiles_get_attribution (mbtiles), "OpenStreetMap"));
  g_assert_true (g_str_has_prefix (reach_mbtiles_get_attribution_text (mbtiles),
                                   "© OpenStreetMap contributors"));
  g_assert_cmpstr (reach_mbtiles_get_attribution_uri (mbtiles), ==,
                   "https://www.openstreetmap.org/copyright");
  g_assert_true (reach_mbtiles_get_center (mbtiles, &lon, &lat, &zoom));
  g_assert_cmpfloat_with_epsilon (lon, -1.55, 1e-9);
  g_assert_cmpfloat_with_epsilon (lat, 53.8, 1e-9);
  g_assert_cmpint (zoom, ==, 6);

  /* Leeds at zoom 10 is 10/507/329; the pack's zoom-6 tile 6/31/20 covers it. */
  tile = reach_mbtiles_get_tile_or_parent (mbtiles, 10, 507, 329, &from_zoom, &error);
  g_assert_no_error (error);
  g_assert_cmpint (from_zoom, ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mbtiles/plain/tiles-match-images", test_plain_tiles_match_images);
  g_test_add_func ("/mbtiles/plain/metadata", test_plain_metadata);
  g_test_add_func ("/mbtiles/plain/missing-tile", test_missing_tile);
  g_test_add_func ("/mbtiles/refused", test_refused);
  g_test_add_func ("/mbtiles/jpeg-accepted", test_jpeg_accepted);
  g_test_add_func ("/mbtiles/over-zoom-parent", test_over_zoom_returns_parent);
  g_test_add_func ("/mbtiles/bundled-pack", test_bundled_pack);

  return g_test_run ();
}
