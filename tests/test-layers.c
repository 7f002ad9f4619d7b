/* test-layers.c — the offline base map and the places and areas layers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb: a window with a ShumateSimpleMap over the bundled pack,
 * rendered in-process to PNG (kept in a scratch folder, path in the log).
 */
#include "config.h"

#include <gtk/gtk.h>
#include <math.h>
#include <shumate/shumate.h>
#include <string.h>

#include "reach-area.h"
#include "reach-demo.h"
#include "reach-places.h"
#include "reach-areas-layer.h"
#include "reach-base-map.h"
#include "reach-place.h"
#include "reach-places-layer.h"
#include "reach-style.h"
#include "reach-testutil.h"

#define WIDTH  800
#define HEIGHT 600

typedef struct
{
  gint64             id;
  ReachPlaceCategory category;
  gboolean           is_asset;
  gboolean           is_venue;
  double             lat;
  double             lon;
} Sample;

/* Around Leeds city centre, 60–75 px apart at zoom 10. */
static const Sample samples[] = {
  { 11, REACH_PLACE_CATEGORY_INSTITUTION, TRUE, FALSE, 53.80, -1.55 },
  { 12, REACH_PLACE_CATEGORY_FAITH, FALSE, TRUE, 53.80, -1.45 },
  { 13, REACH_PLACE_CATEGORY_CULTURE, TRUE, TRUE, 53.75, -1.55 },
  { 14, REACH_PLACE_CATEGORY_PHYSICAL_SPACE, TRUE, FALSE, 53.85, -1.65 },
};

typedef struct
{
  GtkWindow        *window;
  ShumateSimpleMap *map;
  ShumateViewport  *viewport;
  ReachPlacesLayer *places;
  ReachAreasLayer  *areas;
  char             *dir;
} Fixture;

typedef struct
{
  guint8 *data;
  gsize   stride;
  int     width;
  int     height;
} Shot;

static gboolean
timeout_done (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static Shot take_shot (Fixture *fx, const char *name);
static guint distinct_colors (const Shot *shot, int x0, int y0, int x1, int y1);
static void shot_clear (Shot *shot);

/* Tiles load in worker threads and ShumateMap's state does not follow
 * raster tiles here: wait until the corners show a map, then a little
 * more for the rest. */
static void
wait_for_tiles (Fixture *fx)
{
  gboolean drawn = FALSE;

  for (guint i = 0; i < 100 && !drawn; i++)
    {
      Shot shot;

      wait_ms (100);
      shot = take_shot (fx, NULL);
      drawn = shot.data != NULL &&
              distinct_colors (&shot, 0, 0, 150, 120) > 20 &&
              distinct_colors (&shot, shot.width - 150, shot.height - 160,
                               shot.width, shot.height - 40) > 20;
      shot_clear (&shot);
    }
  g_assert_true (drawn);
  wait_ms (300);
}

static GPtrArray *
sample_places (void)
{
  GPtrArray *places = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      ReachPlace *place = reach_place_new ();

      place->id = samples[i].id;
      place->name = g_strdup_printf ("Place %" G_GINT64_FORMAT, samples[i].id);
      place->category = samples[i].category;
      place->is_asset = samples[i].is_asset;
      place->is_venue = samples[i].is_venue;
      place->lat = samples[i].lat;
      place->lon = samples[i].lon;
      g_ptr_array_add (places, place);
    }
  return places;
}

/* A square ward around the city centre. */
static GPtrArray *
sample_areas (void)
{
  GPtrArray *areas = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  ReachArea *area = reach_area_new ();

  area->id = 7;
  area->code = g_strdup ("E05000000");
  area->name = g_strdup ("Test Ward");
  area->level = REACH_AREA_LEVEL_WARD;
  area->geometry = reach_geometry_new_from_text (
    "{\"type\": \"Polygon\", \"coordinates\": [[[-1.60, 53.77], [-1.50, 53.77],"
    " [-1.50, 53.83], [-1.60, 53.83], [-1.60, 53.77]]]}", &error);
  g_assert_no_error (error);
  area->label = (ReachLonLat) { -1.55, 53.80 };
  g_ptr_array_add (areas, area);
  return areas;
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShumateMapSource) source = reach_base_map_new_offline (&error);
  g_autoptr(GPtrArray) places = sample_places ();
  g_autoptr(GPtrArray) areas = sample_areas ();

  g_assert_no_error (error);
  fx->dir = reach_test_tmpdir ();

  fx->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fx->window, WIDTH, HEIGHT);
  fx->map = shumate_simple_map_new ();
  shumate_simple_map_set_map_source (fx->map, source);
  shumate_simple_map_set_show_zoom_buttons (fx->map, FALSE);
  gtk_window_set_child (fx->window, GTK_WIDGET (fx->map));

  fx->viewport = shumate_simple_map_get_viewport (fx->map);
  fx->areas = reach_areas_layer_new (fx->viewport);
  fx->places = reach_places_layer_new (fx->viewport);
  shumate_simple_map_add_overlay_layer (fx->map, SHUMATE_LAYER (fx->areas));
  shumate_simple_map_add_overlay_layer (fx->map, SHUMATE_LAYER (fx->places));
  reach_places_layer_set_places (fx->places, places);
  reach_areas_layer_set_areas (fx->areas, areas);

  shumate_location_set_location (SHUMATE_LOCATION (fx->viewport), 53.80, -1.55);
  shumate_viewport_set_zoom_level (fx->viewport, data != NULL ? GPOINTER_TO_INT (data) : 10);
  gtk_window_present (fx->window);
  wait_for_tiles (fx);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  gtk_window_destroy (fx->window);
  g_free (fx->dir);
}

static void
shot_clear (Shot *shot)
{
  g_clear_pointer (&shot->data, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Shot, shot_clear)

/* Renders the map widget in-process and keeps the PNG. */
static Shot
take_shot (Fixture    *fx,
           const char *name)
{
  GtkWidget *widget = GTK_WIDGET (fx->map);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = name != NULL ? g_build_filename (fx->dir, name, NULL) : NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  Shot shot = { NULL, width * 4, width, height };

  g_assert_cmpint (width, >, 0);
  /* The paintable holds nothing between a change and the next frame. */
  for (guint i = 0; i < 50; i++)
    {
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node != NULL || name == NULL)
        break;
      wait_ms (20);
      snapshot = gtk_snapshot_new ();
    }
  if (node == NULL && name == NULL)
    return shot;
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (path != NULL)
    {
      g_assert_true (gdk_texture_save_to_png (texture, path));
      g_test_message ("saved %s", path);
    }

  shot.data = g_malloc (shot.stride * height);
  gdk_texture_download (texture, shot.data, shot.stride);
  return shot;
}

typedef struct { int r, g, b; } Rgb;

static Rgb
shot_pixel (const Shot *shot,
            int         x,
            int         y)
{
  const guint8 *p;

  g_assert_true (x >= 0 && y >= 0 && x < shot->width && y < shot->height);
  /* gdk_texture_download gives cairo's ARGB32: B, G, R, A in memory here. */
  p = shot->data + y * shot->stride + x * 4;
  return (Rgb) { p[2], p[1], p[0] };
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

static guint
distinct_colors (const Shot *shot,
                 int         x0,
                 int         y0,
                 int         x1,
                 int         y1)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        Rgb p = shot_pixel (shot, x, y);
        g_hash_table_add (seen, GUINT_TO_POINTER ((p.r << 16) | (p.g << 8) | p.b | 0x1000000));
      }
  return g_hash_table_size (seen);
}

/* Where a place is drawn, in the simple map's (and so the shot's) pixels. */
static void
place_position (Fixture      *fx,
                const Sample *sample,
                double       *x,
                double       *y)
{
  graphene_point_t in, out;
  double lx, ly;

  shumate_viewport_location_to_widget_coords (fx->viewport, GTK_WIDGET (fx->places),
                                              sample->lat, sample->lon, &lx, &ly);
  in = GRAPHENE_POINT_INIT (lx, ly);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (fx->places), GTK_WIDGET (fx->map), &in, &out));
  *x = out.x;
  *y = out.y;
}

static void
assert_base_map_drawn (const Shot *shot)
{
  /* Corners are far from the overlays: only tiles there, and a map tile
   * has many colours where a blank or failed one has one or two. */
  g_assert_cmpuint (distinct_colors (shot, 0, 0, 150, 120), >, 20);
  g_assert_cmpuint (distinct_colors (shot, shot->width - 150, shot->height - 160,
                                     shot->width, shot->height - 40), >, 20);
}

static void
test_offline_source (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShumateMapSource) source = reach_base_map_new_offline (&error);
  g_autofree char *vector = reach_test_file ("data", "mbtiles", "mbtileserver", "world_cities.mbtiles", NULL);
  g_autofree char *plain = reach_test_file ("data", "mbtiles", "node-mbtiles", "plain_1.mbtiles", NULL);
  g_autoptr(ShumateMapSource) other = NULL;
  g_autoptr(ShumateMapSource) online = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (shumate_map_source_get_license (source), "© OpenStreetMap contributors"));
  g_assert_cmpstr (shumate_map_source_get_license_uri (source), ==, "https://www.openstreetmap.org/copyright");
  g_assert_cmpuint (shumate_map_source_get_max_zoom_level (source), ==, REACH_BASE_MAP_MAX_ZOOM);
  g_assert_cmpuint (shumate_map_source_get_tile_size (source), ==, 256);
  g_assert_cmpint (reach_mbtiles_get_max_zoom (reach_base_map_get_mbtiles (source)), ==, 6);

  other = reach_base_map_new_from_file (vector, &error);
  g_assert_null (other);
  g_assert_error (error, REACH_MBTILES_ERROR, REACH_MBTILES_ERROR_VECTOR);
  g_clear_error (&error);

  other = reach_base_map_new_from_file (plain, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shumate_map_source_get_name (other), ==, "plain_1");

  /* Built, never used: tests stay off the network. */
  online = reach_base_map_new_online ();
  g_assert_null (reach_base_map_get_mbtiles (online));
  g_assert_nonnull (strstr (shumate_map_source_get_license (online), "OpenStreetMap"));
}

static void
test_places_on_map (Fixture       *fx,
                    gconstpointer  data)
{
  g_auto(Shot) shot = take_shot (fx, "leeds-z10.png");

  assert_base_map_drawn (&shot);
  g_assert_cmpuint (reach_places_layer_get_n_places (fx->places), ==, G_N_ELEMENTS (samples));

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      double x, y;

      place_position (fx, &samples[i], &x, &y);
      g_test_message ("place %" G_GINT64_FORMAT " at %.1f, %.1f", samples[i].id, x, y);
      g_assert_true (near_color (shot_pixel (&shot, round (x), round (y)),
                                 reach_style_category_color (samples[i].category), 3));
      /* The hit test finds it there, and nothing 30 px away. */
      g_assert_cmpint (reach_places_layer_hit_test (fx->places, x + 3, y - 3), ==, samples[i].id);
      g_assert_cmpint (reach_places_layer_hit_test (fx->places, x + 30, y + 30), ==, 0);
    }
}

static void
test_selected_place (Fixture       *fx,
                     gconstpointer  data)
{
  double x, y;
  g_auto(Shot) before = { 0 };
  g_auto(Shot) after = { 0 };
  ReachColor color = reach_style_category_color (samples[3].category);

  place_position (fx, &samples[3], &x, &y);
  before = take_shot (fx, "unselected.png");
  g_assert_false (near_color (shot_pixel (&before, round (x) + 9, round (y)), color, 3));

  reach_places_layer_set_selected (fx->places, samples[3].id);
  g_assert_cmpint (reach_places_layer_get_selected (fx->places), ==, samples[3].id);
  wait_ms (50);
  after = take_shot (fx, "selected.png");
  /* Bigger: its colour reaches further out. */
  g_assert_true (near_color (shot_pixel (&after, round (x) + 8, round (y)), color, 3));
  g_assert_true (near_color (shot_pixel (&after, round (x) + 16, round (y)), REACH_STYLE_SELECTION, 60));
}

/* Opened straight at zoom 9 or 12, past the pack's zoom 6, so nothing
 * older is on screen: the fixture's wait only ends once the enlarged
 * parent tiles are drawn. */
static void
test_over_zoom_not_blank (Fixture       *fx,
                          gconstpointer  data)
{
  g_autofree char *name = g_strdup_printf ("leeds-z%d.png", GPOINTER_TO_INT (data));
  g_auto(Shot) shot = take_shot (fx, name);

  g_assert_cmpfloat (shumate_viewport_get_zoom_level (fx->viewport), ==, GPOINTER_TO_INT (data));
  assert_base_map_drawn (&shot);
}

static void
test_clusters_when_zoomed_out (Fixture       *fx,
                               gconstpointer  data)
{
  g_auto(Shot) shot = { 0 };
  double x, y;
  guint cluster_pixels = 0;

  shot = take_shot (fx, "leeds-z7.png");

  /* All four within a few pixels: one dark disc with "4", not places. */
  place_position (fx, &samples[0], &x, &y);
  for (int j = -15; j <= 15; j++)
    for (int i = -15; i <= 15; i++)
      cluster_pixels += near_color (shot_pixel (&shot, round (x) + i, round (y) + j),
                                    REACH_STYLE_CLUSTER, 12);
  g_assert_cmpuint (cluster_pixels, >, 150);
  g_assert_cmpint (reach_places_layer_hit_test (fx->places, x, y), ==, 0);
}

static void
test_area_boundaries (Fixture       *fx,
                      gconstpointer  data)
{
  g_auto(Shot) with_areas = take_shot (fx, "areas.png");
  g_auto(Shot) without = { 0 };
  Sample corner = { 0, 0, FALSE, FALSE, 53.83, -1.575 };  /* on the north edge */
  Sample outside = { 0, 0, FALSE, FALSE, 53.88, -1.575 };
  double x, y, ox, oy;
  guint differ = 0;

  g_assert_cmpuint (reach_areas_layer_get_n_areas (fx->areas), ==, 1);
  place_position (fx, &corner, &x, &y);
  place_position (fx, &outside, &ox, &oy);

  /* Clicking inside the ward finds it; outside, nothing. */
  g_assert_cmpint (reach_areas_layer_area_at (fx->areas, x, y + 20), ==, 7);
  g_assert_cmpint (reach_areas_layer_area_at (fx->areas, ox, oy), ==, 0);

  reach_areas_layer_set_areas (fx->areas, NULL);
  wait_ms (50);
  without = take_shot (fx, "no-areas.png");

  for (int dy = -1; dy <= 1; dy++)
    {
      Rgb a = shot_pixel (&with_areas, round (x), round (y) + dy);
      Rgb b = shot_pixel (&without, round (x), round (y) + dy);
      differ += (ABS (a.r - b.r) + ABS (a.g - b.g) + ABS (a.b - b.b)) > 60;
    }
  g_assert_cmpuint (differ, >=, 1);
  {
    Rgb a = shot_pixel (&with_areas, round (ox), round (oy));
    Rgb b = shot_pixel (&without, round (ox), round (oy));
    g_assert_true (a.r == b.r && a.g == b.g && a.b == b.b);
  }
}

/* Thousands of places stay quick: one widget draws them all. */
static void
test_many_places (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) places = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  gint64 start, elapsed;

  for (guint i = 0; i < 10000; i++)
    {
      ReachPlace *place = reach_place_new ();

      place->id = i + 1;
      place->name = g_strdup_printf ("Place %u", i);
      place->category = i % REACH_N_PLACE_CATEGORIES;
      place->is_asset = TRUE;
      place->lat = g_rand_double_range (rand, 53.70, 53.90);
      place->lon = g_rand_double_range (rand, -1.75, -1.35);
      g_ptr_array_add (places, place);
    }

  reach_places_layer_set_places (fx->places, places);
  for (int zoom = 10; zoom <= 14; zoom += 2)
    {
      g_autofree char *name = g_strdup_printf ("many-z%d.png", zoom);
      g_auto(Shot) shot = { 0 };

      shumate_viewport_set_zoom_level (fx->viewport, zoom);
      wait_for_tiles (fx);
      shot = take_shot (fx, name);

      /* The layer's own drawing: projection, culling, clustering, cairo. */
      start = g_get_monotonic_time ();
      snapshot = gtk_snapshot_new ();
      GTK_WIDGET_GET_CLASS (fx->places)->snapshot (GTK_WIDGET (fx->places), snapshot);
      node = gtk_snapshot_free_to_node (snapshot);
      elapsed = g_get_monotonic_time () - start;
      g_assert_nonnull (node);
      g_clear_pointer (&node, gsk_render_node_unref);
      g_test_message ("10,000 places at zoom %d: layer drawn in %.1f ms",
                      zoom, elapsed / 1000.0);
    }
  g_assert_cmpuint (reach_places_layer_get_n_places (fx->places), ==, 10000);
}

/* The window swaps base maps (bundled, the user's own pack, online): the
 * layers must stay on top of the new one. */
static void
test_switch_base_map (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = reach_test_file ("data", "mbtiles", "mbtileserver",
                                           "geography-class-jpg.mbtiles", NULL);
  g_autoptr(ShumateMapSource) source = reach_base_map_new_from_file (path, &error);
  g_auto(Shot) shot = { 0 };
  ShumateLicense *license;
  guint cluster_pixels = 0;
  double x, y;

  g_assert_no_error (error);
  /* A world map of zoom 0–1: look at it from zoom 3. */
  shumate_simple_map_set_map_source (fx->map, source);
  shumate_viewport_set_zoom_level (fx->viewport, 3);
  wait_for_tiles (fx);
  shot = take_shot (fx, "geography-class.png");
  assert_base_map_drawn (&shot);

  /* The four places, one cluster, still drawn over the new base map. */
  place_position (fx, &samples[0], &x, &y);
  for (int j = -15; j <= 15; j++)
    for (int i = -15; i <= 15; i++)
      cluster_pixels += near_color (shot_pixel (&shot, round (x) + i, round (y) + j),
                                    REACH_STYLE_CLUSTER, 12);
  g_assert_cmpuint (cluster_pixels, >, 150);

  license = shumate_simple_map_get_license (fx->map);
  g_assert_nonnull (license);
  g_assert_true (shumate_simple_map_get_map_source (fx->map) == source);
}

static gint64
time_layer_snapshot (GtkWidget *layer)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  gint64 start = g_get_monotonic_time ();
  GskRenderNode *node;

  GTK_WIDGET_GET_CLASS (layer)->snapshot (layer, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_clear_pointer (&node, gsk_render_node_unref);
  return g_get_monotonic_time () - start;
}

/* The Leeds demo: every ward and LSOA boundary and the demo places. */
static void
test_demo_workspace (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fx->dir, "demo.reach", NULL);
  g_autoptr(ReachDb) db = reach_demo_open (path, &error);
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GPtrArray) places = NULL;
  const int zooms[] = { 11, 14 };

  g_assert_no_error (error);
  areas = reach_areas_list (db, -1, &error);
  g_assert_no_error (error);
  places = reach_places_list (db, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("demo: %u areas, %u places", areas->len, places->len);
  g_assert_cmpuint (areas->len, >, 100);

  reach_areas_layer_set_areas (fx->areas, areas);
  reach_places_layer_set_places (fx->places, places);

  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      g_autofree char *name = g_strdup_printf ("demo-z%d.png", zooms[i]);
      g_auto(Shot) shot = { 0 };
      gint64 areas_us, places_us;

      shumate_location_set_location (SHUMATE_LOCATION (fx->viewport), 53.80, -1.55);
      shumate_viewport_set_zoom_level (fx->viewport, zooms[i]);
      wait_for_tiles (fx);
      shot = take_shot (fx, name);
      areas_us = time_layer_snapshot (GTK_WIDGET (fx->areas));
      places_us = time_layer_snapshot (GTK_WIDGET (fx->places));
      g_test_message ("zoom %d: areas layer %.1f ms, places layer %.1f ms",
                      zooms[i], areas_us / 1000.0, places_us / 1000.0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add_func ("/layers/offline-source", test_offline_source);
  g_test_add ("/layers/places-on-map", Fixture, NULL, fixture_setup, test_places_on_map, fixture_teardown);
  g_test_add ("/layers/selected-place", Fixture, NULL, fixture_setup, test_selected_place, fixture_teardown);
  g_test_add ("/layers/over-zoom-not-blank/9", Fixture, GINT_TO_POINTER (9), fixture_setup, test_over_zoom_not_blank, fixture_teardown);
  g_test_add ("/layers/over-zoom-not-blank/12", Fixture, GINT_TO_POINTER (12), fixture_setup, test_over_zoom_not_blank, fixture_teardown);
  g_test_add ("/layers/clusters", Fixture, GINT_TO_POINTER (7), fixture_setup, test_clusters_when_zoomed_out, fixture_teardown);
  g_test_add ("/layers/area-boundaries", Fixture, NULL, fixture_setup, test_area_boundaries, fixture_teardown);

  g_test_add ("/layers/switch-base-map", Fixture, NULL, fixture_setup, test_switch_base_map, fixture_teardown);
  g_test_add ("/layers/demo-workspace", Fixture, NULL, fixture_setup, test_demo_workspace, fixture_teardown);
  g_test_add ("/layers/many-places", Fixture, NULL, fixture_setup, test_many_places, fixture_teardown);

  return g_test_run ();
}
