/* test-render.c — the cairo drawing shared by the map and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "reach-map-frame.h"
#include "reach-render.h"
#include "reach-style.h"
#include "reach-tile-image.h"
#include "reach-testutil.h"

typedef struct { int r, g, b; } Rgb;

static cairo_surface_t *
white_surface (int width,
               int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_destroy (cr);
  return surface;
}

static Rgb
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  guint32 p;

  cairo_surface_flush (surface);
  p = *(guint32 *) (cairo_image_surface_get_data (surface) +
                    y * cairo_image_surface_get_stride (surface) + x * 4);
  return (Rgb) { (p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff };
}

static gboolean
near_color (Rgb        p,
            ReachColor c,
            int        tolerance)
{
  return ABS (p.r - (int) round (c.red * 255)) <= tolerance &&
         ABS (p.g - (int) round (c.green * 255)) <= tolerance &&
         ABS (p.b - (int) round (c.blue * 255)) <= tolerance;
}

/* Kept for a person to look at: the path goes to the test log. */
static void
save_png (cairo_surface_t *surface,
          const char      *name)
{
  static char *dir = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    dir = reach_test_tmpdir ();
  path = g_build_filename (dir, name, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("saved %s", path);
}

static gboolean
is_white (Rgb p)
{
  return p.r == 255 && p.g == 255 && p.b == 255;
}

static void
test_places (void)
{
  const ReachPlaceMark marks[] = {
    { 50, 50, REACH_PLACE_CATEGORY_INSTITUTION, TRUE, FALSE, 1 },
    { 150, 50, REACH_PLACE_CATEGORY_FAITH, FALSE, TRUE, 2 },
    { 50, 150, REACH_PLACE_CATEGORY_CULTURE, TRUE, TRUE, 3 },
    { 150, 150, REACH_PLACE_CATEGORY_BUSINESS, TRUE, FALSE, 4 },
  };
  cairo_surface_t *surface = white_surface (200, 200);
  cairo_t *cr = cairo_create (surface);
  double sel_r = REACH_RENDER_MARK_RADIUS * 1.4;

  reach_render_places (cr, marks, G_N_ELEMENTS (marks), 1.0, 4);
  cairo_destroy (cr);
  save_png (surface, "places.png");

  /* Each mark wears its category colour at its position. */
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    g_assert_true (near_color (pixel (surface, marks[i].x, marks[i].y),
                               reach_style_category_color (marks[i].category), 2));

  /* Background elsewhere. */
  g_assert_true (is_white (pixel (surface, 100, 100)));
  g_assert_true (is_white (pixel (surface, 5, 5)));
  g_assert_true (is_white (pixel (surface, 195, 100)));

  /* Venues are squares, assets circles: near the corner the venue is still
   * filled, the asset is not. */
  g_assert_true (near_color (pixel (surface, 155, 55),
                             reach_style_category_color (REACH_PLACE_CATEGORY_FAITH), 2));
  g_assert_false (near_color (pixel (surface, 55, 55),
                              reach_style_category_color (REACH_PLACE_CATEGORY_INSTITUTION), 40));

  /* Asset and venue: a light ring inside the square. */
  {
    Rgb ring = pixel (surface, 50 + REACH_RENDER_MARK_RADIUS * 0.5, 150);
    g_assert_cmpint (ring.r + ring.g + ring.b, >, 3 * 230);
  }

  /* The selected place is bigger and has a halo in the selection colour. */
  g_assert_true (near_color (pixel (surface, 150 + REACH_RENDER_MARK_RADIUS + 1, 150),
                             reach_style_category_color (REACH_PLACE_CATEGORY_BUSINESS), 2));
  g_assert_true (near_color (pixel (surface, 150 + round (sel_r + 6), 150),
                             REACH_STYLE_SELECTION, 40));
  g_assert_true (is_white (pixel (surface, 50 + round (sel_r + 6), 50)));

  cairo_surface_destroy (surface);
}

static guint
count_white_inside (cairo_surface_t *surface,
                    double           cx,
                    double           cy,
                    double           radius)
{
  guint n = 0;

  for (int y = cy - radius; y <= cy + radius; y++)
    for (int x = cx - radius; x <= cx + radius; x++)
      if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius)
        {
          Rgb p = pixel (surface, x, y);
          n += (p.r > 200 && p.g > 200 && p.b > 200);
        }
  return n;
}

static guint
white_in_cluster_of (guint count)
{
  ReachPlaceCluster cluster = { 60, 60, count, REACH_PLACE_CATEGORY_FAITH, 1 };
  cairo_surface_t *surface = white_surface (120, 120);
  cairo_t *cr = cairo_create (surface);
  double inner = reach_render_cluster_radius (count, 1.0) - 3;
  guint white;

  reach_render_clusters (cr, &cluster, 1, 1.0);
  cairo_destroy (cr);
  if (count > 1000)
    save_png (surface, "cluster.png");

  g_assert_true (near_color (pixel (surface, 60, 60 - inner + 1), REACH_STYLE_CLUSTER, 20));
  g_assert_true (is_white (pixel (surface, 2, 2)));
  white = count_white_inside (surface, 60, 60, inner);
  cairo_surface_destroy (surface);
  return white;
}

static void
test_clusters (void)
{
  const ReachPlaceMark marks[] = {
    { 100, 100, REACH_PLACE_CATEGORY_FAITH, TRUE, FALSE, 1 },
    { 110, 104, REACH_PLACE_CATEGORY_FAITH, TRUE, FALSE, 2 },
    { 95, 112, REACH_PLACE_CATEGORY_INSTITUTION, FALSE, TRUE, 3 },
    { 300, 300, REACH_PLACE_CATEGORY_CULTURE, TRUE, FALSE, 4 },
    { 302, 302, REACH_PLACE_CATEGORY_CULTURE, TRUE, FALSE, 5 },
  };
  g_autoptr(GArray) singles = g_array_new (FALSE, FALSE, sizeof (ReachPlaceMark));
  g_autoptr(GArray) clusters = g_array_new (FALSE, FALSE, sizeof (ReachPlaceCluster));
  ReachPlaceCluster *c;
  guint white_3, white_1234;

  /* Place 5 is selected, so it stays apart and 4 is left alone. */
  reach_render_cluster_marks (marks, G_N_ELEMENTS (marks), 40, 5, singles, clusters);
  g_assert_cmpuint (clusters->len, ==, 1);
  g_assert_cmpuint (singles->len, ==, 2);
  c = &g_array_index (clusters, ReachPlaceCluster, 0);
  g_assert_cmpuint (c->count, ==, 3);
  g_assert_cmpint (c->category, ==, REACH_PLACE_CATEGORY_FAITH);
  g_assert_cmpfloat_with_epsilon (c->x, (100 + 110 + 95) / 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (c->y, (100 + 104 + 112) / 3.0, 1e-9);

  /* A cluster is a dark disc with its count written in white: more digits,
   * more white. */
  white_3 = white_in_cluster_of (3);
  white_1234 = white_in_cluster_of (1234);
  g_assert_cmpuint (white_3, >, 5);
  g_assert_cmpuint (white_1234, >, white_3 * 2);
}

static const double square_xy[] = {
  40.5, 40.5, 160.5, 40.5, 160.5, 160.5, 40.5, 160.5,  /* exterior, on pixel centres */
  90, 90, 110, 90, 110, 110, 90, 110,     /* hole */
};
static const guint square_rings[] = { 4, 4 };

static cairo_surface_t *
render_areas (const ReachAreaShape *areas,
              guint                 n,
              double                zoom)
{
  cairo_surface_t *surface = white_surface (200, 200);
  cairo_t *cr = cairo_create (surface);

  reach_render_areas (cr, areas, n, zoom, 1.0);
  cairo_destroy (cr);
  return surface;
}

static guint
count_dark (cairo_surface_t *surface,
            int x0, int y0, int x1, int y1)
{
  guint n = 0;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        Rgb p = pixel (surface, x, y);
        n += (p.r + p.g + p.b < 3 * 128);
      }
  return n;
}

static void
test_areas (void)
{
  ReachAreaShape ward = {
    square_xy, square_rings, 2, "Headingley", "E05011386",
    REACH_AREA_LEVEL_WARD, 100, 60, FALSE
  };
  ReachAreaShape two[2];
  cairo_surface_t *surface;
  Rgb p;
  guint label_dark;

  surface = render_areas (&ward, 1, 9);
  /* The boundary is stroked in the ward colour, the inside faintly tinted,
   * the hole and the outside untouched. */
  g_assert_true (near_color (pixel (surface, 40, 120), reach_style_area_color (REACH_AREA_LEVEL_WARD), 60));
  g_assert_true (near_color (pixel (surface, 160, 120), reach_style_area_color (REACH_AREA_LEVEL_WARD), 60));
  p = pixel (surface, 60, 130);
  g_assert_false (is_white (p));
  g_assert_cmpint (p.r, >, 230);
  g_assert_true (is_white (pixel (surface, 100, 100)));
  g_assert_true (is_white (pixel (surface, 10, 10)));
  /* No ward names at zoom 9. */
  g_assert_cmpuint (count_dark (surface, 50, 45, 150, 80), ==, 0);
  cairo_surface_destroy (surface);

  /* At zoom 12 the name appears. */
  surface = render_areas (&ward, 1, 12);
  save_png (surface, "areas.png");
  label_dark = count_dark (surface, 50, 45, 150, 80);
  g_assert_cmpuint (label_dark, >, 30);
  cairo_surface_destroy (surface);

  /* A second label that would overlap the first is left out. */
  two[0] = ward;
  two[1] = ward;
  two[1].name = "Kirkstall";
  two[1].label_y = 64;
  surface = render_areas (two, 2, 12);
  g_assert_cmpuint (count_dark (surface, 50, 45, 150, 80), ==, label_dark);
  cairo_surface_destroy (surface);

  /* LSOAs show codes only when very zoomed in. */
  g_assert_false (reach_render_area_label_visible (REACH_AREA_LEVEL_LSOA, 12));
  g_assert_true (reach_render_area_label_visible (REACH_AREA_LEVEL_LSOA, 14));
  g_assert_true (reach_render_area_label_visible (REACH_AREA_LEVEL_WARD, 11));
  g_assert_false (reach_render_area_label_visible (REACH_AREA_LEVEL_WARD, 10.5));
}

static void
test_legend (void)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double width = 0, height = 0;

  reach_render_legend (NULL, 0, 0, 1.0, &width, &height);
  g_assert_cmpfloat (width, >, 60);
  g_assert_cmpfloat (height, ==, 20 * (REACH_N_PLACE_CATEGORIES + 3) + 10);

  surface = white_surface (ceil (width) + 4, ceil (height) + 4);
  cr = cairo_create (surface);
  reach_render_legend (cr, 2, 2, 1.0, NULL, NULL);
  cairo_destroy (cr);
  save_png (surface, "legend.png");
  /* Row c carries category c's colour at its symbol. */
  for (guint c = 0; c < REACH_N_PLACE_CATEGORIES; c++)
    g_assert_true (near_color (pixel (surface, 12, 12 + 20 * c),
                               reach_style_category_color (c), 2));
  cairo_surface_destroy (surface);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

typedef struct { GBytes *bytes; gsize offset; } Reader;

static cairo_status_t
read_bytes (void          *closure,
            unsigned char *data,
            unsigned int   length)
{
  Reader *reader = closure;
  gsize size;
  const guint8 *src = g_bytes_get_data (reader->bytes, &size);

  if (reader->offset + length > size)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, src + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

/* Four quadrants: red, green / blue, black. */
static GBytes *
quadrant_png (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 256, 256);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_rectangle (cr, 0, 0, 128, 128);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 1, 0);
  cairo_rectangle (cr, 128, 0, 128, 128);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 1);
  cairo_rectangle (cr, 0, 128, 128, 128);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_rectangle (cr, 128, 128, 128, 128);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, append_bytes, png);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (png);
}

static void
assert_enlarged_is (GBytes     *ancestor,
                    guint       levels,
                    guint       x,
                    guint       y,
                    ReachColor  color)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) tile = reach_tile_image_enlarge (ancestor, levels, x, y, 256, &error);
  Reader reader = { tile, 0 };
  double wash = reach_tile_image_wash (levels);
  cairo_surface_t *surface;

  /* the deeper the enlargement, the paler, so overlays stay readable */
  color.red += (1 - color.red) * wash;
  color.green += (1 - color.green) * wash;
  color.blue += (1 - color.blue) * wash;

  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png_stream (read_bytes, &reader);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 256);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 256);
  for (int j = 4; j < 252; j += 31)
    for (int i = 4; i < 252; i += 31)
      g_assert_true (near_color (pixel (surface, i, j), color, 1));
  cairo_surface_destroy (surface);
}

static void
test_enlarge_tile (void)
{
  g_autoptr(GBytes) png = quadrant_png ();
  g_autoptr(GBytes) junk = g_bytes_new_static ("not a png", 9);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) none = NULL;
  cairo_surface_t *surface;

  g_assert_cmpfloat (reach_tile_image_wash (1), ==, 0);
  g_assert_cmpfloat (reach_tile_image_wash (2), >, 0);
  g_assert_cmpfloat (reach_tile_image_wash (9), <, 0.6);

  /* One level down, tile (1, 1) is the bottom-right quarter. */
  assert_enlarged_is (png, 1, 1, 1, (ReachColor) { 0, 0, 0 });
  assert_enlarged_is (png, 1, 0, 1, (ReachColor) { 0, 0, 1 });
  /* Two levels down, sub-square (2, 1) lies in the top-right quarter;
   * the tile numbers of the deeper zoom work the same. */
  assert_enlarged_is (png, 2, 2, 1, (ReachColor) { 0, 1, 0 });
  assert_enlarged_is (png, 2, 4 * 37 + 2, 4 * 11 + 1, (ReachColor) { 0, 1, 0 });
  /* Nine levels down, far past any pack. */
  assert_enlarged_is (png, 9, 3, 400, (ReachColor) { 0, 0, 1 });

  none = reach_tile_image_enlarge (junk, 1, 0, 0, 256, &error);
  g_assert_null (none);
  g_assert_nonnull (error);
  g_clear_error (&error);

  surface = reach_tile_image_to_surface (png, &error);
  g_assert_no_error (error);
  g_assert_true (near_color (pixel (surface, 200, 50), (ReachColor) { 0, 1, 0 }, 0));
  g_assert_true (near_color (pixel (surface, 50, 200), (ReachColor) { 0, 0, 1 }, 0));
  cairo_surface_destroy (surface);
}

static void
test_frame_projection (void)
{
  ReachMapFrame world = { 0, 0, 0, 256, 256 };
  ReachMapFrame leeds = { 53.8, -1.55, 10, 800, 600 };
  ReachBBox box, ward = { -1.60, 53.77, -1.50, 53.83 };
  double x, y, lat, lon;

  reach_map_frame_project (&world, 85.05112878, -180, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, 0, 1e-6);
  reach_map_frame_project (&world, 0, 90, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 192, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 128, 1e-9);

  /* The same numbers the on-screen map gives (see test-layers): 0.1° of
   * longitude is 72.8 px at zoom 10, 0.05° of latitude at Leeds 61.6 px. */
  reach_map_frame_project (&leeds, 53.8, -1.55, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 400, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, 300, 1e-6);
  reach_map_frame_project (&leeds, 53.75, -1.45, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 472.8, 0.05);
  g_assert_cmpfloat_with_epsilon (y, 361.6, 0.05);
  reach_map_frame_unproject (&leeds, x, y, &lat, &lon);
  g_assert_cmpfloat_with_epsilon (lat, 53.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (lon, -1.45, 1e-9);

  box = reach_map_frame_get_bbox (&leeds);
  g_assert_cmpfloat (box.west, <, -1.55);
  g_assert_cmpfloat (box.east, >, -1.55);
  g_assert_cmpfloat (box.south, <, 53.8);
  g_assert_cmpfloat (box.north, >, 53.8);

  /* Fitting a ward: it fills the frame less the padding on one axis. */
  reach_map_frame_fit (&leeds, &ward, 20, 18);
  g_assert_cmpfloat_with_epsilon (leeds.center_lon, -1.55, 1e-9);
  reach_map_frame_project (&leeds, ward.north, ward.west, &x, &y);
  g_assert_cmpfloat (x, >=, 20 - 1e-6);
  g_assert_cmpfloat (y, >=, 20 - 1e-6);
  g_assert_true (fabs (x - 20) < 1e-6 || fabs (y - 20) < 1e-6);
}

static ReachMbtiles *
open_bundled_pack (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("REACH_DATA_DIR"), "tiles",
                                            "uk_osm_z0-6.mbtiles", NULL);
  ReachMbtiles *mbtiles = reach_mbtiles_open (path, &error);

  g_assert_no_error (error);
  return mbtiles;
}

static void
test_base_map (void)
{
  g_autoptr(ReachMbtiles) mbtiles = open_bundled_pack ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *tile, *surface;
  cairo_t *cr;
  /* Exactly tile 6/31/20 (Leeds, York, Manchester) in a 256 px frame. */
  ReachMapFrame frame = { 0, 0, 6, 256, 256 };
  ReachMapFrame deep = { 53.8, -1.55, 11.5, 400, 300 };
  const ReachPlaceMark mark = { 0, 0, REACH_PLACE_CATEGORY_FAITH, TRUE, FALSE, 1 };
  ReachPlaceMark placed = mark;
  guint differ = 0;

  frame.center_lon = 31.5 / 64 * 360 - 180;
  frame.center_lat = atan (sinh (G_PI * (1 - 2 * 20.5 / 64))) * 180 / G_PI;

  bytes = reach_mbtiles_get_tile (mbtiles, 6, 31, 20, &error);
  g_assert_no_error (error);
  tile = reach_tile_image_to_surface (bytes, &error);
  g_assert_no_error (error);

  surface = white_surface (256, 256);
  cr = cairo_create (surface);
  g_assert_true (reach_render_base_map (cr, mbtiles, &frame, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  for (int y = 3; y < 256; y += 25)
    for (int x = 3; x < 256; x += 25)
      {
        Rgb a = pixel (surface, x, y), b = pixel (tile, x, y);
        differ += (ABS (a.r - b.r) + ABS (a.g - b.g) + ABS (a.b - b.b)) > 3;
      }
  g_assert_cmpuint (differ, ==, 0);
  cairo_surface_destroy (surface);
  cairo_surface_destroy (tile);

  /* Past the pack's zoom 6: enlarged, not blank; places go on top. */
  surface = white_surface (400, 300);
  cr = cairo_create (surface);
  g_assert_true (reach_render_base_map (cr, mbtiles, &deep, &error));
  g_assert_no_error (error);
  reach_map_frame_project (&deep, 53.8, -1.55, &placed.x, &placed.y);
  reach_render_places (cr, &placed, 1, 1.0, 0);
  cairo_destroy (cr);
  save_png (surface, "base-map-z11.5.png");
  {
    g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

    for (int y = 0; y < 300; y += 3)
      for (int x = 0; x < 400; x += 3)
        {
          Rgb p = pixel (surface, x, y);
          g_hash_table_add (seen, GUINT_TO_POINTER ((p.r << 16) | (p.g << 8) | p.b | 0x1000000));
        }
    g_assert_cmpuint (g_hash_table_size (seen), >, 20);
  }
  g_assert_true (near_color (pixel (surface, 200, 150),
                             reach_style_category_color (REACH_PLACE_CATEGORY_FAITH), 2));
  cairo_surface_destroy (surface);
}

/* Group names that would land on each other: the second one is left out. */
static void
test_group_labels_do_not_overlap (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 200);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));

  g_assert_true (reach_render_group_label (cr, 50, 100, "Young carers in Seacroft", 1, taken));
  g_assert_false (reach_render_group_label (cr, 60, 104, "Polish community in Harehills", 1, taken));
  g_assert_true (reach_render_group_label (cr, 50, 150, "Care leavers in Armley", 1, taken));
  g_assert_cmpuint (taken->len, ==, 2);
  /* without a list every label is drawn */
  g_assert_true (reach_render_group_label (cr, 60, 104, "Polish community in Harehills", 1, NULL));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/places", test_places);
  g_test_add_func ("/render/clusters", test_clusters);
  g_test_add_func ("/render/areas", test_areas);
  g_test_add_func ("/render/legend", test_legend);
  g_test_add_func ("/render/enlarge-tile", test_enlarge_tile);
  g_test_add_func ("/render/frame-projection", test_frame_projection);
  g_test_add_func ("/render/base-map", test_base_map);
  g_test_add_func ("/render/group-labels-do-not-overlap", test_group_labels_do_not_overlap);

  return g_test_run ();
}
