/* test-window.c — the main window: places list, details, map, search, delete and undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb.  The screenshot cases render the window to PNG at
 * 1440×900 and 600×800 in light and dark styles, into
 * $REACH_SCREENSHOT_DIR when set, else into a scratch folder.
 */
#include "config.h"

#include <math.h>
#include <adwaita.h>
#include <shumate/shumate.h>

#include "reach-application.h"
#include "reach-import-dialog.h"
#include "reach-map-legend.h"
#include "reach-place-details.h"
#include "reach-place-editor.h"
#include "reach-places-layer.h"
#include "reach-places.h"
#include "reach-style.h"
#include "reach-testutil.h"
#include "reach-window.h"
#include "reach-workspace.h"

typedef struct
{
  const char         *name;
  ReachPlaceCategory  category;
  gboolean            is_venue;
  const char         *postcode;
  double              lat;
  double              lon;
} SamplePlace;

/* Real places in Leeds, far enough apart to tell apart on the map. */
static const SamplePlace samples[] = {
  { "Central Library", REACH_PLACE_CATEGORY_INSTITUTION, TRUE, "LS1 3AB", 53.8003, -1.5487 },
  { "Horsforth Library", REACH_PLACE_CATEGORY_INSTITUTION, FALSE, "LS18 5AW", 53.8413, -1.6403 },
  { "Roundhay Park", REACH_PLACE_CATEGORY_PHYSICAL_SPACE, FALSE, "LS8 2HH", 53.8382, -1.4992 },
  { "Leeds Grand Mosque", REACH_PLACE_CATEGORY_FAITH, TRUE, "LS6 1BX", 53.8148, -1.5619 },
  { "Seacroft Community Centre", REACH_PLACE_CATEGORY_PHYSICAL_SPACE, TRUE, "LS14 6JS", 53.8189, -1.4570 },
};

static ReachApplication *app;

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
wait_until_mapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (gtk_widget_get_mapped (widget));
  wait_ms (300);
}

static char *
new_workspace (void)
{
  g_autofree char *dir = reach_test_tmpdir ();
  char *path = g_build_filename (dir, "Engagement.reach", NULL);
  g_autoptr(ReachDb) db = NULL;
  g_autoptr(GError) error = NULL;

  db = reach_db_open (path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr(ReachPlace) place = reach_place_new ();

      place->name = g_strdup (samples[i].name);
      place->category = samples[i].category;
      place->is_asset = TRUE;
      place->is_venue = samples[i].is_venue;
      place->postcode = g_strdup (samples[i].postcode);
      place->address = g_strdup_printf ("%u Test Street, Leeds", i + 1);
      place->lat = samples[i].lat;
      place->lon = samples[i].lon;
      place->capacity = 40;
      place->access[REACH_ACCESS_STEP_FREE] = REACH_TRISTATE_YES;
      place->access[REACH_ACCESS_HEARING_LOOP] = REACH_TRISTATE_NO;
      reach_places_insert (db, place, &error);
      g_assert_no_error (error);
    }

  return path;
}

static ReachWindow *
open_window (const char *path,
             int         width,
             int         height)
{
  ReachWindow *window = reach_window_new (app);
  g_autoptr(GError) error = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  if (path != NULL)
    {
      reach_window_open_workspace (window, path, &error);
      g_assert_no_error (error);
    }
  gtk_window_present (GTK_WINDOW (window));
  wait_until_mapped (GTK_WIDGET (window));
  return window;
}

static gint64
find_id (ReachWindow *window,
         const char  *name)
{
  GListModel *model = reach_window_get_places_model (window);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ReachPlace) place = g_list_model_get_item (model, i);

      if (g_str_equal (place->name, name))
        return place->id;
    }

  return 0;
}

/* The map glides to a place: wait for it to arrive. */
static gboolean
wait_for_centre (ReachWindow *window,
                 double       lat,
                 double       lon)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (reach_window_get_map (window));
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      double clat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
      double clon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));

      if (fabs (clat - lat) < 1e-4 && fabs (clon - lon) < 1e-4)
        return TRUE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return FALSE;
}

static gboolean
wait_for_latitude_between (ShumateViewport *viewport,
                           double           south,
                           double           north)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      double lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));

      if (lat > south && lat < north)
        return TRUE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return FALSE;
}

static ReachPlacesLayer *
find_places_layer (ReachWindow *window)
{
  ShumateMap *map = shumate_simple_map_get_map (reach_window_get_map (window));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (map));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (REACH_IS_PLACES_LAYER (child))
      return REACH_PLACES_LAYER (child);

  return NULL;
}

/* Where a place is drawn, in the window's coordinates. */
static graphene_point_t
place_in_window (ReachWindow *window,
                 double       lat,
                 double       lon)
{
  ShumateSimpleMap *map = reach_window_get_map (window);
  graphene_point_t in_map, in_window;
  double x, y;

  shumate_viewport_location_to_widget_coords (shumate_simple_map_get_viewport (map),
                                              GTK_WIDGET (map), lat, lon, &x, &y);
  graphene_point_init (&in_map, x, y);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (map), GTK_WIDGET (window),
                                           &in_map, &in_window));
  return in_window;
}

/* Waits for the map to stop moving: the same view for 300 ms. */
static void
wait_for_still_map (ReachWindow *window)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (reach_window_get_map (window));
  gint64 deadline = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;
  double last[3] = { 0, 0, -1 };
  int still = 0;

  while (still < 30 && g_get_monotonic_time () < deadline)
    {
      double now[3] = {
        shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
        shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
        shumate_viewport_get_zoom_level (viewport),
      };

      still = memcmp (now, last, sizeof now) == 0 ? still + 1 : 0;
      memcpy (last, now, sizeof now);
      wait_ms (10);
    }

  g_assert_cmpint (still, >=, 30);
}

static void
test_first_run (void)
{
  ReachWindow *window = open_window (NULL, 1000, 700);

  g_assert_null (reach_window_get_db (window));
  /* nothing to import into, nothing to add to */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "add-place"));
  g_assert_cmpuint (g_list_model_get_n_items (reach_window_get_places_model (window)), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_list_and_details (void)
{
  g_autofree char *path = new_workspace ();
  ReachWindow *window = open_window (path, 1200, 800);
  GListModel *model = reach_window_get_places_model (window);
  ReachPlaceDetails *details = REACH_PLACE_DETAILS (reach_window_get_details (window));
  ShumateViewport *viewport = shumate_simple_map_get_viewport (reach_window_get_map (window));
  g_autofree char *title = NULL;
  gint64 id;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (samples));
  /* the list is by name */
  {
    g_autoptr(ReachPlace) first = g_list_model_get_item (model, 0);
    g_assert_cmpstr (first->name, ==, "Central Library");
  }

  g_object_get (window, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "Engagement");

  /* the map is fitted round the places after its first frame: its centre
   * comes inside their box */
  g_assert_true (wait_for_latitude_between (viewport, 53.79, 53.85));

  g_assert_null (reach_window_get_selected_place (window));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (details)));

  id = find_id (window, "Roundhay Park");
  g_assert_cmpint (id, >, 0);
  g_assert_true (reach_window_select_place (window, id));
  g_assert_cmpint (reach_window_get_selected_place (window)->id, ==, id);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (details)));
  g_assert_cmpstr (reach_place_details_get_title (details), ==, "Roundhay Park");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "delete-place") ||
                 gtk_widget_is_sensitive (GTK_WIDGET (details)));
  g_assert_true (wait_for_centre (window, 53.8382, -1.4992));

  /* another place: the details follow */
  id = find_id (window, "Horsforth Library");
  g_assert_true (reach_window_select_place (window, id));
  g_assert_cmpstr (reach_place_details_get_title (details), ==, "Horsforth Library");
  g_assert_true (wait_for_centre (window, 53.8413, -1.6403));

  /* a click on a place on the map selects it */
  {
    ReachPlacesLayer *layer = find_places_layer (window);
    gint64 mosque = find_id (window, "Leeds Grand Mosque");

    g_assert_nonnull (layer);
    g_assert_cmpuint (reach_places_layer_get_n_places (layer), ==, G_N_ELEMENTS (samples));
    g_assert_cmpint (reach_places_layer_get_selected (layer), ==, id);
    g_signal_emit_by_name (layer, "place-clicked", mosque);
    g_assert_cmpint (reach_window_get_selected_place (window)->id, ==, mosque);
    g_assert_cmpstr (reach_place_details_get_title (details), ==, "Leeds Grand Mosque");
    g_assert_cmpint (reach_places_layer_get_selected (layer), ==, mosque);
  }

  /* Escape (win.cancel) closes the details */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel", NULL);
  g_assert_null (reach_window_get_selected_place (window));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (details)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_search (void)
{
  g_autofree char *path = new_workspace ();
  ReachWindow *window = open_window (path, 1200, 800);
  GListModel *model = reach_window_get_places_model (window);
  gint64 id;

  reach_window_set_search (window, "library");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  /* prefix of a word, and a postcode */
  reach_window_set_search (window, "mosq");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  reach_window_set_search (window, "LS14");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  reach_window_set_search (window, "no such place anywhere");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  /* odd characters are searched for, not parsed */
  reach_window_set_search (window, "\"(*");
  g_assert_cmpuint (g_list_model_get_n_items (model), <=, G_N_ELEMENTS (samples));

  /* selecting a place the search hides brings the whole list back */
  reach_window_set_search (window, "library");
  id = 0;
  {
    g_autoptr(GPtrArray) all = reach_places_list (reach_window_get_db (window), "roundhay", NULL);
    g_assert_cmpuint (all->len, ==, 1);
    id = ((ReachPlace *) g_ptr_array_index (all, 0))->id;
  }
  g_assert_true (reach_window_select_place (window, id));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (samples));

  reach_window_set_search (window, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (samples));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_delete_and_undo (void)
{
  g_autofree char *path = new_workspace ();
  ReachWindow *window = open_window (path, 1200, 800);
  GListModel *model = reach_window_get_places_model (window);
  ReachDb *db = reach_window_get_db (window);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(ReachPlace) restored = NULL;
  gint64 id = find_id (window, "Leeds Grand Mosque");

  g_assert_true (reach_window_select_place (window, id));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-place", NULL);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (samples) - 1);
  g_assert_cmpint (find_id (window, "Leeds Grand Mosque"), ==, 0);
  g_assert_null (reach_places_get (db, id, NULL));
  g_assert_null (reach_window_get_selected_place (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (samples));
  id = find_id (window, "Leeds Grand Mosque");
  g_assert_cmpint (id, >, 0);

  /* the copy came back whole, and is selected again */
  restored = reach_places_get (db, id, NULL);
  g_assert_nonnull (restored);
  g_assert_cmpstr (restored->postcode, ==, "LS6 1BX");
  g_assert_true (restored->is_venue);
  g_assert_cmpint (restored->access[REACH_ACCESS_STEP_FREE], ==, REACH_TRISTATE_YES);
  g_assert_cmpint (restored->access[REACH_ACCESS_HEARING_LOOP], ==, REACH_TRISTATE_NO);
  g_assert_cmpint (restored->access[REACH_ACCESS_LIFT], ==, REACH_TRISTATE_UNKNOWN);
  g_assert_cmpint (reach_window_get_selected_place (window)->id, ==, id);

  /* a second Undo has nothing left to restore */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", NULL);
  after = reach_places_list (db, NULL, NULL);
  g_assert_cmpuint (after->len, ==, G_N_ELEMENTS (samples));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_reopen_last (void)
{
  g_autofree char *path = new_workspace ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  ReachWindow *window = open_window (path, 1000, 700);
  ReachWindow *second;

  g_assert_cmpstr (g_settings_get_string (settings, "last-workspace"), ==, path);
  gtk_window_destroy (GTK_WINDOW (window));

  second = reach_window_new (app);
  reach_window_restore_last (second);
  g_assert_nonnull (reach_window_get_db (second));
  g_assert_cmpstr (reach_db_get_path (reach_window_get_db (second)), ==, path);
  gtk_window_destroy (GTK_WINDOW (second));

  /* a workspace that went away: the first-run page, and the key is cleared */
  g_settings_set_string (settings, "last-workspace", "/nonexistent/gone.reach");
  second = reach_window_new (app);
  reach_window_restore_last (second);
  g_assert_null (reach_window_get_db (second));
  g_assert_cmpstr (g_settings_get_string (settings, "last-workspace"), ==, "");
  gtk_window_destroy (GTK_WINDOW (second));
}

static gboolean
adding (ReachWindow *window)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), "add-place");

  return g_variant_get_boolean (state);
}

static void
test_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *path = new_workspace ();
  g_autoptr(GVariant) state = NULL;
  g_autofree char *choice = NULL;
  ReachWindow *window;
  ShumateMapSource *source;
  int width, height;

  /* the size comes from the settings and goes back to them on close */
  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 650);
  window = reach_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 650);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_mapped (GTK_WIDGET (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  wait_ms (200);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 720);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* an MBTiles file that is not there: the map and the setting stay */
  window = open_window (path, 1000, 700);
  source = shumate_simple_map_get_map_source (reach_window_get_map (window));
  g_assert_nonnull (source);
  g_action_group_change_action_state (G_ACTION_GROUP (window), "base-map",
                                      g_variant_new_string ("/nonexistent/map.mbtiles"));
  g_assert_true (shumate_simple_map_get_map_source (reach_window_get_map (window)) == source);
  state = g_action_group_get_action_state (G_ACTION_GROUP (window), "base-map");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "offline");
  choice = g_settings_get_string (settings, "base-map");
  g_assert_cmpstr (choice, ==, "offline");
  gtk_window_destroy (GTK_WINDOW (window));

  /* a saved MBTiles file that went away: the offline map instead */
  g_settings_set_string (settings, "base-map", "/nonexistent/map.mbtiles");
  window = open_window (path, 1000, 700);
  g_assert_nonnull (shumate_simple_map_get_map_source (reach_window_get_map (window)));
  g_clear_pointer (&state, g_variant_unref);
  state = g_action_group_get_action_state (G_ACTION_GROUP (window), "base-map");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "offline");
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "base-map");
}

/* Search as you type must keep up with typing on a workspace of 500 places. */
static void
test_many_places (void)
{
  g_autofree char *path = new_workspace ();
  g_autoptr(GError) error = NULL;
  ReachWindow *window;
  GListModel *model;
  gint64 start, slowest = 0;
  const char * const queries[] = { "c", "co", "com", "comm", "community 12", "ls2", "" };

  {
    g_autoptr(ReachDb) db = reach_db_open (path, &error);

    g_assert_no_error (error);
    reach_db_begin (db, &error);
    for (guint i = 0; i < 495; i++)
      {
        g_autoptr(ReachPlace) place = reach_place_new ();

        place->name = g_strdup_printf ("Community venue %u", i);
        place->category = i % REACH_N_PLACE_CATEGORIES;
        place->is_venue = i % 2;
        place->postcode = g_strdup_printf ("LS%u %uAB", 1 + i % 30, i % 10);
        place->lat = 53.70 + (i % 25) * 0.01;
        place->lon = -1.70 + (i / 25) * 0.015;
        reach_places_insert (db, place, &error);
        g_assert_no_error (error);
      }
    reach_db_commit (db, &error);
    g_assert_no_error (error);
  }

  start = g_get_monotonic_time ();
  window = open_window (path, 1200, 800);
  g_test_message ("Opening 500 places and mapping the window: %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  model = reach_window_get_places_model (window);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 500);

  /* the map's tiles and the first frames are not the search's time */
  wait_for_still_map (window);
  wait_ms (500);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      start = g_get_monotonic_time ();
      reach_window_set_search (window, queries[i]);
      slowest = MAX (slowest, g_get_monotonic_time () - start);
      g_test_message ("“%s”: %u places in %.1f ms", queries[i], g_list_model_get_n_items (model),
                      (g_get_monotonic_time () - start) / 1000.0);
    }

  /* a figure to read, not a pass mark: a loaded machine would make it flaky */
  g_test_message ("Slowest search: %.1f ms", slowest / 1000.0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 500);

  reach_window_set_search (window, "community 12");
  /* "community" matches every venue; "12" prefixes 12, 120–129 */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 11);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_workspace_files (void)
{
  g_autofree char *path = new_workspace ();
  g_autofree char *dir = reach_test_tmpdir ();
  g_autofree char *junk = g_build_filename (dir, "notes.reach", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.reach", NULL);
  g_autoptr(ReachDb) db = NULL;
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  ReachWindow *window;

  /* a file that is not a workspace: an error, and the window keeps what it had */
  g_assert_true (g_file_set_contents (junk, "These are my notes, not a database.\n", -1, NULL));
  window = open_window (path, 1000, 700);
  g_assert_false (reach_window_open_workspace (window, junk, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpstr (reach_db_get_path (reach_window_get_db (window)), ==, path);
  g_assert_cmpuint (g_list_model_get_n_items (reach_window_get_places_model (window)), ==,
                    G_N_ELEMENTS (samples));

  /* a file that is not there is not made: opening is not creating */
  g_assert_false (reach_window_open_workspace (window, missing, &error));
  g_assert_error (error, REACH_WORKSPACE_ERROR, REACH_WORKSPACE_ERROR_MISSING);
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (window));

  /* names: the file's, without .reach */
  db = reach_workspace_open (path, &error);
  g_assert_no_error (error);
  name = reach_workspace_dup_name (db);
  g_assert_cmpstr (name, ==, "Engagement");
  g_clear_object (&db);

  /* New Workspace over an old file replaces it: the chooser asked first */
  db = reach_workspace_create (path, &error);
  g_assert_no_error (error);
  places = reach_places_list (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (places->len, ==, 0);
}

static void
test_add_mode (void)
{
  g_autofree char *path = new_workspace ();
  ReachWindow *window = open_window (path, 1200, 800);
  GtkWidget *map = GTK_WIDGET (reach_window_get_map (window));

  g_assert_false (adding (window));
  /* entering add mode closes the details: the card would hide the map */
  g_assert_true (reach_window_select_place (window, find_id (window, "Roundhay Park")));
  g_action_group_activate_action (G_ACTION_GROUP (window), "add-place", NULL);
  g_assert_true (adding (window));
  g_assert_nonnull (gtk_widget_get_cursor (map));
  g_assert_cmpstr (gdk_cursor_get_name (gtk_widget_get_cursor (map)), ==, "crosshair");

  /* Escape leaves add mode and nothing else */
  g_assert_null (reach_window_get_selected_place (window));
  g_assert_true (reach_window_select_place (window, find_id (window, "Roundhay Park")));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel", NULL);
  g_assert_false (adding (window));
  g_assert_null (gtk_widget_get_cursor (map));
  g_assert_nonnull (reach_window_get_selected_place (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWindow *
find_toplevel (GType type)
{
  /* the list is GTK's own, not a copy: no unref */
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      GtkWindow *window = g_list_model_get_item (toplevels, i);

      g_object_unref (window);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

static void
test_import_opens_dialog (void)
{
  g_autofree char *path = new_workspace ();
  ReachWindow *window = open_window (path, 1000, 700);
  GtkWindow *dialog;

  g_assert_null (find_toplevel (REACH_TYPE_IMPORT_DIALOG));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-places", NULL);
  dialog = find_toplevel (REACH_TYPE_IMPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (dialog));
  gtk_window_destroy (dialog);
  wait_ms (100);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-areas", NULL);
  dialog = find_toplevel (REACH_TYPE_IMPORT_DIALOG);
  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);
  wait_ms (100);

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWindow *
find_editor (void)
{
  return find_toplevel (REACH_TYPE_PLACE_EDITOR);
}

static void
test_edit (void)
{
  g_autofree char *path = new_workspace ();
  ReachWindow *window = open_window (path, 1200, 800);
  ReachPlaceDetails *details = REACH_PLACE_DETAILS (reach_window_get_details (window));
  ReachDb *db = reach_window_get_db (window);
  g_autoptr(ReachPlace) changed = NULL;
  GtkWindow *editor;
  gint64 id = find_id (window, "Roundhay Park");

  g_assert_null (find_editor ());
  g_assert_true (reach_window_select_place (window, id));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-place", NULL);
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_true (gtk_window_get_transient_for (editor) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (editor));

  /* what the editor does on Save: write, then say so */
  changed = reach_places_get (db, id, NULL);
  g_free (changed->name);
  changed->name = g_strdup ("Roundhay Park Mansion");
  reach_places_update (db, changed, NULL);
  g_signal_emit_by_name (editor, "saved", changed);
  gtk_window_destroy (editor);

  g_assert_cmpint (find_id (window, "Roundhay Park Mansion"), ==, id);
  g_assert_cmpint (reach_window_get_selected_place (window)->id, ==, id);
  g_assert_cmpstr (reach_place_details_get_title (details), ==, "Roundhay Park Mansion");

  /* with nothing selected there is nothing to edit */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-place", NULL);
  g_assert_null (find_editor ());

  gtk_window_destroy (GTK_WINDOW (window));
}

/* reach FILE.reach: the application opens it in its window */
static void
test_open_file (void)
{
  g_autofree char *path = new_workspace ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *active;

  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_application_open (G_APPLICATION (app), &file, 1, "");
  active = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (REACH_IS_WINDOW (active));
  g_assert_nonnull (reach_window_get_db (REACH_WINDOW (active)));
  g_assert_cmpstr (reach_db_get_path (reach_window_get_db (REACH_WINDOW (active))), ==, path);
  wait_until_mapped (GTK_WIDGET (active));
  g_assert_cmpuint (g_list_model_get_n_items (reach_window_get_places_model (REACH_WINDOW (active))),
                    ==, G_N_ELEMENTS (samples));

  /* app.open-demo uses the same window */
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-demo", NULL);
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == active);
  g_assert_true (reach_db_is_demo (reach_window_get_db (REACH_WINDOW (active))));

  gtk_window_destroy (active);
}

static GtkWidget *
find_demo_badge (GtkWidget *root)
{
  if (gtk_widget_has_css_class (root, "demo-badge"))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_demo_badge (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_demo (void)
{
  ReachWindow *window = open_window (NULL, 1200, 800);
  g_autofree char *demo = g_build_filename (g_get_user_data_dir (), "reach", "demo.reach", NULL);
  g_autofree char *title = NULL;

  g_assert_false (g_file_test (demo, G_FILE_TEST_EXISTS));
  reach_window_open_demo (window);
  g_assert_true (g_file_test (demo, G_FILE_TEST_EXISTS));
  g_assert_nonnull (reach_window_get_db (window));
  g_assert_true (reach_db_is_demo (reach_window_get_db (window)));
  g_assert_cmpuint (g_list_model_get_n_items (reach_window_get_places_model (window)), >, 10);

  g_object_get (window, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "Leeds demo");

  /* on a wide window the page switcher takes the title's place: a badge
   * still says this is the demo */
  wait_ms (200);
  g_assert_true (gtk_widget_get_visible (find_demo_badge (GTK_WIDGET (window))));

  gtk_window_destroy (GTK_WINDOW (window));
}

static GdkTexture *
render (GtkWidget *window)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  int width, height;

  /* under a loaded test run the first frame can come late: until it has,
   * the window draws nothing */
  for (;;)
    {
      width = gtk_widget_get_width (window);
      height = gtk_widget_get_height (window);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node != NULL || g_get_monotonic_time () > deadline)
        break;
      snapshot = gtk_snapshot_new ();
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

typedef struct
{
  guchar *data;
  int     width;
  int     height;
} Pixels;

static Pixels
download (GdkTexture *texture)
{
  Pixels px = { NULL, gdk_texture_get_width (texture), gdk_texture_get_height (texture) };

  px.data = g_malloc (px.width * px.height * 4);
  gdk_texture_download (texture, px.data, px.width * 4);
  return px;
}

/* Cairo ARGB32 in memory: B, G, R, A. */
static void
pixel_at (const Pixels *px,
          int           x,
          int           y,
          int          *r,
          int          *g,
          int          *b)
{
  const guchar *p = px->data + (y * px->width + x) * 4;

  *b = p[0];
  *g = p[1];
  *r = p[2];
}

/* How many pixels in a rectangle differ clearly from its top-left pixel. */
static int
count_ink (const Pixels *px,
           int           x0,
           int           y0,
           int           x1,
           int           y1)
{
  int br, bg, bb, n = 0;

  pixel_at (px, x0, y0, &br, &bg, &bb);
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        int r, g, b;

        pixel_at (px, x, y, &r, &g, &b);
        if (abs (r - br) + abs (g - bg) + abs (b - bb) > 120)
          n++;
      }

  return n;
}

static double
luminance (const Pixels *px,
           int           x,
           int           y)
{
  int r, g, b;

  pixel_at (px, x, y, &r, &g, &b);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

static void save_png (GdkTexture *texture,
                      const char *name);

static gboolean
has_colour_near (const Pixels     *px,
                 int               cx,
                 int               cy,
                 int               radius,
                 const ReachColor *want)
{
  for (int y = MAX (cy - radius, 0); y <= MIN (cy + radius, px->height - 1); y++)
    for (int x = MAX (cx - radius, 0); x <= MIN (cx + radius, px->width - 1); x++)
      {
        int r, g, b;

        pixel_at (px, x, y, &r, &g, &b);
        if (abs (r - (int) (want->red * 255)) + abs (g - (int) (want->green * 255)) +
            abs (b - (int) (want->blue * 255)) < 40)
          return TRUE;
      }

  return FALSE;
}

static void
screenshot (gconstpointer data)
{
  const char *which = data;
  gboolean narrow = strstr (which, "narrow") != NULL;
  gboolean dark = strstr (which, "dark") != NULL;
  g_autofree char *path = new_workspace ();
  g_autofree char *tmpdir = reach_test_tmpdir ();
  g_autofree char *png = NULL;
  const char *keep_dir = g_getenv ("REACH_SCREENSHOT_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();
  ReachWindow *window;
  g_autoptr(GdkTexture) texture = NULL;
  Pixels px;
  GtkWidget *details;
  graphene_point_t origin;
  guint checked;

  adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                  : ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = open_window (path, narrow ? 600 : 1440, narrow ? 800 : 900);
  reach_window_select_place (window, find_id (window, "Central Library"));
  /* let the map glide, then its tiles arrive */
  wait_for_still_map (window);
  wait_ms (800);

  texture = render (GTK_WIDGET (window));
  /* the X server may trim a few pixels off a window as wide as the screen */
  g_assert_cmpint (gdk_texture_get_width (texture), >=, (narrow ? 600 : 1440) - 20);
  g_assert_cmpint (gdk_texture_get_width (texture), <=, narrow ? 600 : 1440);
  png = g_strdup_printf ("window-%s.png", which);
  g_free (g_steal_pointer (&path));
  path = g_build_filename (keep_dir ? keep_dir : tmpdir, png, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));

  px = download (texture);

  /* light or dark as asked: the header bar's middle */
  if (dark)
    g_assert_cmpfloat (luminance (&px, px.width / 2, 10), <, 100);
  else
    g_assert_cmpfloat (luminance (&px, px.width / 2, 10), >, 180);

  /* the details card shows, with words in it */
  details = reach_window_get_details (window);
  g_assert_true (gtk_widget_compute_point (details, GTK_WIDGET (window),
                                           &GRAPHENE_POINT_INIT (0, 0), &origin));
  g_assert_cmpint (count_ink (&px, origin.x + 24, origin.y + 24,
                              origin.x + gtk_widget_get_width (details) - 24,
                              origin.y + 120), >, 100);

  if (!narrow)
    {
      /* the side panel lists the places: text on its background */
      g_assert_cmpint (count_ink (&px, 10, 110, 310, 500), >, 500);
    }

  /* every place in sight is drawn in its category's colour */
  checked = 0;
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      graphene_point_t at = place_in_window (window, samples[i].lat, samples[i].lon);
      graphene_rect_t card;
      ReachColor want = reach_style_category_color (samples[i].category);
      GtkWidget *map = GTK_WIDGET (reach_window_get_map (window));
      graphene_rect_t map_box;

      g_assert_true (gtk_widget_compute_bounds (details, GTK_WIDGET (window), &card));
      g_assert_true (gtk_widget_compute_bounds (map, GTK_WIDGET (window), &map_box));
      graphene_rect_inset (&map_box, 12, 12);
      graphene_rect_inset (&card, -12, -12);
      if (!graphene_rect_contains_point (&map_box, &at) || graphene_rect_contains_point (&card, &at))
        continue;

      if (!has_colour_near (&px, at.x, at.y, 8, &want))
        g_printerr ("%s at %.0f,%.0f: not drawn in its colour\n", samples[i].name, at.x, at.y);
      g_assert_true (has_colour_near (&px, at.x, at.y, 8, &want));
      checked++;
    }
  g_assert_cmpuint (checked, >=, 2);

  /* and the selected place is in sight, not under the card */
  {
    graphene_point_t at = place_in_window (window, samples[0].lat, samples[0].lon);
    graphene_rect_t card;

    g_assert_true (gtk_widget_compute_bounds (details, GTK_WIDGET (window), &card));
    g_assert_cmpfloat (at.x, >, card.origin.x + card.size.width);
    g_assert_cmpfloat (at.x, <, px.width);
  }

  g_free (px.data);

  if (narrow)
    {
      g_autoptr(GdkTexture) panel = NULL;
      g_autofree char *panel_png = g_strdup_printf ("window-%s-panel.png", which);
      g_autoptr(GVariant) shown = NULL;

      /* folded: the panel starts hidden and F9 (win.show-panel) brings it over the map */
      shown = g_action_group_get_action_state (G_ACTION_GROUP (window), "show-panel");
      g_assert_false (g_variant_get_boolean (shown));
      g_action_group_activate_action (G_ACTION_GROUP (window), "show-panel", NULL);
      wait_ms (600);
      panel = render (GTK_WIDGET (window));
      save_png (panel, panel_png);
      px = download (panel);
      g_assert_cmpint (count_ink (&px, 10, 110, 300, 500), >, 500);
      g_free (px.data);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
save_png (GdkTexture *texture,
          const char *name)
{
  g_autofree char *tmpdir = reach_test_tmpdir ();
  const char *keep_dir = g_getenv ("REACH_SCREENSHOT_DIR");
  g_autofree char *path = g_build_filename (keep_dir ? keep_dir : tmpdir, name, NULL);

  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* The pages a user meets before there are places: welcome, an empty
 * workspace, add mode, and the demo. */
static GtkWidget *
find_widget_of_type (GtkWidget *root,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The key explains every category colour on the map, and can be hidden. */
static void
test_legend (void)
{
  g_autofree char *path = new_workspace ();
  ReachWindow *window = open_window (path, 1200, 800);
  GtkWidget *legend = find_widget_of_type (GTK_WIDGET (window), REACH_TYPE_MAP_LEGEND);
  g_autoptr(GdkTexture) texture = NULL;
  graphene_rect_t bounds;
  Pixels px;

  g_assert_nonnull (legend);
  wait_for_still_map (window);
  g_assert_true (gtk_widget_get_mapped (legend));
  g_assert_true (gtk_widget_compute_bounds (legend, GTK_WIDGET (window), &bounds));
  g_assert_cmpfloat (bounds.size.width, >, 100);

  texture = render (GTK_WIDGET (window));
  px = download (texture);
  for (guint c = 0; c < REACH_N_PLACE_CATEGORIES; c++)
    {
      ReachColor want = reach_style_category_color (c);
      gboolean seen = FALSE;

      /* the symbols run down the legend's left edge */
      for (int y = bounds.origin.y; y < bounds.origin.y + bounds.size.height && !seen; y += 4)
        seen = has_colour_near (&px, bounds.origin.x + 20, y, 4, &want);
      g_assert_true (seen);
    }
  g_free (px.data);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-legend", NULL);
  g_assert_false (gtk_widget_get_visible (legend));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-legend", NULL);
  g_assert_true (gtk_widget_get_visible (legend));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_states (void)
{
  g_autofree char *dir = reach_test_tmpdir ();
  g_autofree char *empty = g_build_filename (dir, "Empty.reach", NULL);
  g_autoptr(ReachDb) db = NULL;
  ReachWindow *window;
  GdkTexture *texture;
  Pixels px;

  window = open_window (NULL, 1000, 700);
  texture = render (GTK_WIDGET (window));
  save_png (texture, "window-welcome.png");
  px = download (texture);
  /* the welcome text and buttons fill the middle */
  g_assert_cmpint (count_ink (&px, px.width / 4, 60, 3 * px.width / 4, px.height - 20), >, 2000);
  g_free (px.data);
  g_object_unref (texture);
  gtk_window_destroy (GTK_WINDOW (window));

  db = reach_db_open (empty, NULL);
  g_assert_nonnull (db);
  g_clear_object (&db);
  window = open_window (empty, 1000, 700);
  g_assert_cmpuint (g_list_model_get_n_items (reach_window_get_places_model (window)), ==, 0);
  g_action_group_activate_action (G_ACTION_GROUP (window), "add-place", NULL);
  wait_ms (400);
  texture = render (GTK_WIDGET (window));
  save_png (texture, "window-empty-adding.png");
  px = download (texture);
  /* the invitation in the panel */
  g_assert_cmpint (count_ink (&px, 10, 60, 310, px.height - 20), >, 1000);
  g_free (px.data);
  g_object_unref (texture);
  gtk_window_destroy (GTK_WINDOW (window));

  window = open_window (NULL, 1440, 900);
  reach_window_open_demo (window);
  wait_for_still_map (window);
  wait_ms (800);
  texture = render (GTK_WIDGET (window));
  save_png (texture, "window-demo.png");
  g_object_unref (texture);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = reach_test_tmpdir ();
  int status;

  /* the demo workspace goes to $XDG_DATA_HOME: a scratch one */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = reach_application_new ();
  /* several GUI tests run at once on one bus */
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/window/first-run", test_first_run);
  g_test_add_func ("/window/list-and-details", test_list_and_details);
  g_test_add_func ("/window/search", test_search);
  g_test_add_func ("/window/delete-and-undo", test_delete_and_undo);
  g_test_add_func ("/window/reopen-last", test_reopen_last);
  g_test_add_func ("/window/settings", test_settings);
  g_test_add_func ("/window/workspace-files", test_workspace_files);
  g_test_add_func ("/window/many-places", test_many_places);
  g_test_add_func ("/window/add-mode", test_add_mode);
  g_test_add_func ("/window/edit", test_edit);
  g_test_add_func ("/window/import-opens-dialog", test_import_opens_dialog);
  g_test_add_func ("/window/demo", test_demo);
  g_test_add_func ("/window/open-file", test_open_file);
  g_test_add_func ("/window/states", test_states);
  g_test_add_func ("/window/legend", test_legend);
  g_test_add_data_func ("/window/screenshot/wide-light", "wide-light", screenshot);
  g_test_add_data_func ("/window/screenshot/wide-dark", "wide-dark", screenshot);
  g_test_add_data_func ("/window/screenshot/narrow-light", "narrow-light", screenshot);
  g_test_add_data_func ("/window/screenshot/narrow-dark", "narrow-dark", screenshot);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
