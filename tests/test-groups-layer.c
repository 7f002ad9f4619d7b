/* test-groups-layer.c — community groups and venue recency on the map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb: a ShumateSimpleMap over the bundled pack with the
 * places and groups layers, rendered in-process to PNG (kept in a scratch
 * folder, path in the log) and checked by pixel.
 */
#include "config.h"

#include <gtk/gtk.h>
#include <math.h>
#include <shumate/shumate.h>

#include "reach-base-map.h"
#include "reach-group.h"
#include "reach-groups-layer.h"
#include "reach-places-layer.h"
#include "reach-render.h"
#include "reach-style.h"
#include "test-engagement-util.h"

#define WIDTH  800
#define HEIGHT 600
#define ZOOM   11

typedef struct
{
  double           lat;
  double           lon;
  const char      *name;
  ReachGroupStatus status;
} GroupSample;

static const GroupSample group_samples[] = {
  { 53.800, -1.550, "Young carers", REACH_GROUP_STATUS_REACHED },
  { 53.780, -1.450, "Deaf BSL users", REACH_GROUP_STATUS_NOT_YET_REACHED },
  { 53.830, -1.640, "Polish speakers", REACH_GROUP_STATUS_UNDER_REPRESENTED },
};

enum { RECENT_VENUE = 21, UNUSED_VENUE = 22, OLD_VENUE = 23 };

typedef struct
{
  gint64 id;
  double lat;
  double lon;
} VenueSample;

static const VenueSample venue_samples[] = {
  { RECENT_VENUE, 53.775, -1.520 },
  { UNUSED_VENUE, 53.770, -1.600 },
  { OLD_VENUE, 53.830, -1.480 },
};

typedef struct
{
  GtkWindow        *window;
  ShumateSimpleMap *map;
  ShumateViewport  *viewport;
  ReachPlacesLayer *places;
  ReachGroupsLayer *groups;
  char             *dir;
} Fixture;

typedef struct
{
  guint8 *data;
  gsize   stride;
  int     width;
  int     height;
} Shot;

typedef struct { int r, g, b; } Rgb;

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

static void
shot_clear (Shot *shot)
{
  g_clear_pointer (&shot->data, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Shot, shot_clear)

/* Renders the map widget in-process; keeps the PNG when named. */
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
      if (node != NULL)
        break;
      wait_ms (20);
      snapshot = gtk_snapshot_new ();
    }
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

/* Pixels of a colour in a box around (x, y). */
static guint
count_near (const Shot *shot,
            double      x,
            double      y,
            int         half,
            ReachColor  color,
            int         tolerance)
{
  guint n = 0;

  for (int py = (int) y - half; py <= (int) y + half; py++)
    for (int px = (int) x - half; px <= (int) x + half; px++)
      if (near_color (shot_pixel (shot, px, py), color, tolerance))
        n++;
  return n;
}

/* Pixels on a circle of radius r around (x, y) near a colour, of 36. */
static guint
count_on_ring (const Shot *shot,
               double      x,
               double      y,
               double      r,
               ReachColor  color,
               int         tolerance)
{
  guint n = 0;

  for (guint i = 0; i < 36; i++)
    {
      double a = i * G_PI / 18;

      if (near_color (shot_pixel (shot, (int) round (x + r * cos (a)), (int) round (y + r * sin (a))),
                      color, tolerance))
        n++;
    }
  return n;
}

/* Where a point is drawn, in the simple map's (and so the shot's) pixels. */
static void
position (Fixture *fx,
          double   lat,
          double   lon,
          double  *x,
          double  *y)
{
  graphene_point_t in, out;
  double lx, ly;

  shumate_viewport_location_to_widget_coords (fx->viewport, GTK_WIDGET (fx->groups), lat, lon, &lx, &ly);
  in = GRAPHENE_POINT_INIT (lx, ly);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (fx->groups), GTK_WIDGET (fx->map), &in, &out));
  *x = out.x;
  *y = out.y;
}

static GPtrArray *
sample_marks (void)
{
  GPtrArray *marks = g_ptr_array_new_with_free_func ((GDestroyNotify) reach_group_mark_free);

  for (guint i = 0; i < G_N_ELEMENTS (group_samples); i++)
    g_ptr_array_add (marks, reach_group_mark_new (group_samples[i].lat, group_samples[i].lon,
                                                  group_samples[i].name, group_samples[i].status));
  return marks;
}

static GPtrArray *
sample_venues (void)
{
  GPtrArray *places = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (venue_samples); i++)
    {
      ReachPlace *place = reach_place_new ();

      place->id = venue_samples[i].id;
      place->name = g_strdup_printf ("Venue %" G_GINT64_FORMAT, place->id);
      place->category = REACH_PLACE_CATEGORY_INSTITUTION;
      place->is_venue = TRUE;
      place->lat = venue_samples[i].lat;
      place->lon = venue_samples[i].lon;
      g_ptr_array_add (places, place);
    }
  return places;
}

static GHashTable *
sample_days_ago (void)
{
  GHashTable *days = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 recent = RECENT_VENUE, old = OLD_VENUE;

  g_hash_table_insert (days, g_memdup2 (&recent, sizeof recent), GINT_TO_POINTER (10));
  g_hash_table_insert (days, g_memdup2 (&old, sizeof old), GINT_TO_POINTER (500));
  return days;
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShumateMapSource) source = reach_base_map_new_offline (&error);
  g_autoptr(GPtrArray) marks = sample_marks ();
  g_autoptr(GPtrArray) venues = sample_venues ();
  g_autoptr(GHashTable) days = sample_days_ago ();

  g_assert_no_error (error);
  fx->dir = reach_test_tmpdir ();

  fx->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fx->window, WIDTH, HEIGHT);
  fx->map = shumate_simple_map_new ();
  shumate_simple_map_set_map_source (fx->map, source);
  shumate_simple_map_set_show_zoom_buttons (fx->map, FALSE);
  gtk_window_set_child (fx->window, GTK_WIDGET (fx->map));

  fx->viewport = shumate_simple_map_get_viewport (fx->map);
  fx->groups = reach_groups_layer_new (fx->viewport);
  fx->places = reach_places_layer_new (fx->viewport);
  shumate_simple_map_add_overlay_layer (fx->map, SHUMATE_LAYER (fx->groups));
  shumate_simple_map_add_overlay_layer (fx->map, SHUMATE_LAYER (fx->places));
  reach_groups_layer_set_groups (fx->groups, marks);
  reach_places_layer_set_places (fx->places, venues);
  reach_places_layer_set_venue_recency (fx->places, days);

  shumate_location_set_location (SHUMATE_LOCATION (fx->viewport), 53.80, -1.55);
  shumate_viewport_set_zoom_level (fx->viewport, ZOOM);
  gtk_window_present (fx->window);
  /* tiles do not matter here; the overlays draw at once */
  wait_ms (800);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  gtk_window_destroy (fx->window);
  g_free (fx->dir);
}

static void
test_group_symbols (Fixture       *fx,
                    gconstpointer  data)
{
  g_auto(Shot) shot = take_shot (fx, "groups-layer.png");
  ReachColor reached = reach_render_group_status_color (REACH_GROUP_STATUS_REACHED);
  ReachColor under = reach_render_group_status_color (REACH_GROUP_STATUS_UNDER_REPRESENTED);
  ReachColor not_yet = reach_render_group_status_color (REACH_GROUP_STATUS_NOT_YET_REACHED);
  double r = REACH_RENDER_GROUP_RADIUS, x, y;

  g_assert_cmpuint (reach_groups_layer_get_n_marks (fx->groups), ==, 3);

  /* Reached: filled in its colour at the point. */
  position (fx, group_samples[0].lat, group_samples[0].lon, &x, &y);
  g_assert_true (near_color (shot_pixel (&shot, x, y + r * 0.2), reached, 8));
  g_assert_cmpuint (count_near (&shot, x, y + r * 0.2, 3, reached, 8), ==, 49);

  /* Under-represented: the lower half filled, the upper half paper. */
  position (fx, group_samples[2].lat, group_samples[2].lon, &x, &y);
  g_assert_true (near_color (shot_pixel (&shot, x, y + r * 0.4), under, 8));
  g_assert_true (near_color (shot_pixel (&shot, x, y - r * 0.35), REACH_STYLE_PAPER, 8));

  /* Not yet reached: an outline in its colour round a paper inside. */
  position (fx, group_samples[1].lat, group_samples[1].lon, &x, &y);
  g_assert_true (near_color (shot_pixel (&shot, x, y + r * 0.2), REACH_STYLE_PAPER, 8));
  g_assert_cmpuint (count_near (&shot, x, y, (int) r + 2, not_yet, 10), >, 20);
  g_assert_cmpuint (count_near (&shot, x, y, 2, not_yet, 10), ==, 0);

  /* The name, in ink, to the right of the symbol at this zoom. */
  g_assert_cmpuint (count_near (&shot, x + r + 25, y, 8, REACH_STYLE_INK, 30), >, 5);
}

static void
test_labels_by_zoom (Fixture       *fx,
                     gconstpointer  data)
{
  double r = REACH_RENDER_GROUP_RADIUS, x, y;
  g_auto(Shot) far = { NULL };

  shumate_viewport_set_zoom_level (fx->viewport, REACH_GROUPS_LAYER_LABEL_ZOOM - 1);
  wait_ms (300);
  far = take_shot (fx, "groups-layer-zoom10.png");
  position (fx, group_samples[1].lat, group_samples[1].lon, &x, &y);
  /* the symbol still, but no name beside it */
  g_assert_cmpuint (count_near (&far, x, y, (int) r + 2,
                                reach_render_group_status_color (REACH_GROUP_STATUS_NOT_YET_REACHED),
                                10), >, 20);
  g_assert_cmpuint (count_near (&far, x + r + 25, y, 8, REACH_STYLE_INK, 30), ==, 0);
}

static void
test_venue_rings (Fixture       *fx,
                  gconstpointer  data)
{
  double ring = REACH_RENDER_MARK_RADIUS + 5.5, x, y;
  g_auto(Shot) shot = take_shot (fx, "venue-recency.png");
  g_auto(Shot) off = { NULL };

  g_assert_true (reach_places_layer_get_shows_recency (fx->places));

  /* Used 10 days ago: a strong ring all round. */
  position (fx, venue_samples[0].lat, venue_samples[0].lon, &x, &y);
  g_assert_cmpuint (count_on_ring (&shot, x, y, ring, REACH_RENDER_RECENCY_COLOR, 12), >=, 30);

  /* Never used: none. */
  position (fx, venue_samples[1].lat, venue_samples[1].lon, &x, &y);
  for (double r = ring - 1.5; r <= ring + 1.5; r += 0.5)
    g_assert_cmpuint (count_on_ring (&shot, x, y, r, REACH_RENDER_RECENCY_COLOR, 20), ==, 0);

  /* Used 500 days ago: a faint dashed ring, never the strong colour, but
   * something other than the tiles where the dashes fall. */
  position (fx, venue_samples[2].lat, venue_samples[2].lon, &x, &y);
  g_assert_cmpuint (count_on_ring (&shot, x, y, ring, REACH_RENDER_RECENCY_COLOR, 12), ==, 0);

  /* Turned off: the recent venue loses its ring. */
  reach_places_layer_set_venue_recency (fx->places, NULL);
  wait_ms (100);
  off = take_shot (fx, "venue-recency-off.png");
  position (fx, venue_samples[0].lat, venue_samples[0].lon, &x, &y);
  g_assert_cmpuint (count_on_ring (&off, x, y, ring, REACH_RENDER_RECENCY_COLOR, 12), ==, 0);
}

/* The marks and days read from a workspace: a group at its point and at
 * each of its areas, nothing for a group of the whole workspace. */
static void
test_load (void)
{
  g_autoptr(ReachDb) db = eng_open_db ();
  g_autoptr(GDateTime) today = eng_date (2025, 6, 30);
  g_autoptr(ReachGroup) placed = reach_group_new ();
  g_autoptr(ReachGroup) everywhere = reach_group_new ();
  g_autoptr(GPtrArray) marks = NULL;
  g_autoptr(GHashTable) days = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ward1 = eng_add_area (db, "E05000001", "One", -1.6, 53.7, -1.5, 53.8);
  gint64 ward2 = eng_add_area (db, "E05000002", "Two", -1.5, 53.7, -1.4, 53.8);
  guint at_point = 0, in_areas = 0;

  eng_add_place (db, "Hall", -1.5, 53.8);
  placed->name = g_strdup ("Young carers");
  placed->has_point = TRUE;
  placed->lat = 53.81;
  placed->lon = -1.56;
  reach_group_add_area (placed, ward1);
  reach_group_add_area (placed, ward2);
  g_assert_true (reach_groups_insert (db, placed, &error));
  g_assert_no_error (error);
  everywhere->name = g_strdup ("Everyone");
  g_assert_true (reach_groups_insert (db, everywhere, &error));
  g_assert_no_error (error);

  marks = reach_group_marks_load (db, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (marks->len, ==, 3);
  for (guint i = 0; i < marks->len; i++)
    {
      ReachGroupMark *mark = g_ptr_array_index (marks, i);

      g_assert_cmpstr (mark->name, ==, "Young carers");
      g_assert_cmpint (mark->status, ==, REACH_GROUP_STATUS_NOT_YET_REACHED);
      if (fabs (mark->lat - 53.81) < 1e-9 && fabs (mark->lon + 1.56) < 1e-9)
        at_point++;
      else if (mark->lat > 53.7 && mark->lat < 53.8 && mark->lon > -1.6 && mark->lon < -1.4)
        in_areas++;
    }
  g_assert_cmpuint (at_point, ==, 1);
  g_assert_cmpuint (in_areas, ==, 2);

  /* No activity yet: no venue has been used. */
  days = reach_venue_days_ago_load (db, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (days), ==, 0);
}

static void
test_recency_bands (void)
{
  g_assert_cmpint (reach_render_venue_recency_for_days (-1), ==, REACH_VENUE_RECENCY_NONE);
  g_assert_cmpint (reach_render_venue_recency_for_days (0), ==, REACH_VENUE_RECENCY_RECENT);
  g_assert_cmpint (reach_render_venue_recency_for_days (91), ==, REACH_VENUE_RECENCY_RECENT);
  g_assert_cmpint (reach_render_venue_recency_for_days (92), ==, REACH_VENUE_RECENCY_YEAR);
  g_assert_cmpint (reach_render_venue_recency_for_days (365), ==, REACH_VENUE_RECENCY_YEAR);
  g_assert_cmpint (reach_render_venue_recency_for_days (366), ==, REACH_VENUE_RECENCY_OLD);
}

/* The legend grows by a section for each of recency and groups. */
static void
test_legend_sections (void)
{
  double w, plain, recency, groups, both;
  cairo_surface_t *surface;
  cairo_t *cr;

  reach_render_legend (NULL, 0, 0, 1, &w, &plain);
  reach_render_legend_full (NULL, 0, 0, 1, REACH_RENDER_LEGEND_PLACES | REACH_RENDER_LEGEND_RECENCY,
                            &w, &recency);
  reach_render_legend_full (NULL, 0, 0, 1, REACH_RENDER_LEGEND_PLACES | REACH_RENDER_LEGEND_GROUPS,
                            &w, &groups);
  reach_render_legend_full (NULL, 0, 0, 1, REACH_RENDER_LEGEND_PLACES | REACH_RENDER_LEGEND_RECENCY |
                            REACH_RENDER_LEGEND_GROUPS, &w, &both);
  g_assert_cmpfloat (recency, >, plain + 60);
  g_assert_cmpfloat (groups, >, plain + 60);
  g_assert_cmpfloat (both, >, recency + 60);

  /* and draws them: a legend PNG to look at */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (w) + 20, (int) ceil (both) + 20);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  reach_render_legend_full (cr, 10, 10, 1, REACH_RENDER_LEGEND_PLACES | REACH_RENDER_LEGEND_RECENCY |
                            REACH_RENDER_LEGEND_GROUPS, NULL, NULL);
  cairo_destroy (cr);
  {
    g_autofree char *dir = reach_test_tmpdir ();
    g_autofree char *path = g_build_filename (dir, "legend.png", NULL);

    g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
    g_test_message ("saved %s", path);
  }
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/groups-layer/recency-bands", test_recency_bands);
  g_test_add_func ("/groups-layer/legend-sections", test_legend_sections);
  g_test_add_func ("/groups-layer/load", test_load);
  g_test_add ("/groups-layer/symbols", Fixture, NULL, fixture_setup, test_group_symbols, fixture_teardown);
  g_test_add ("/groups-layer/labels-by-zoom", Fixture, NULL, fixture_setup, test_labels_by_zoom, fixture_teardown);
  g_test_add ("/groups-layer/venue-rings", Fixture, NULL, fixture_setup, test_venue_rings, fixture_teardown);

  return g_test_run ();
}
