/* test-present-ui.c — Export Map…, Export Report…, Print, Preferences and
 * presentation mode with saved views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb.  Writes screenshots of the export dialog, the
 * Preferences window and presentation mode, light and dark, into
 * $REACH_SCREENSHOT_DIR when set, else into a scratch folder.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <adwaita.h>
#include <shumate/shumate.h>

#include "reach-application.h"
#include "reach-area.h"
#include "reach-demo.h"
#include "reach-areas-layer.h"
#include "reach-export-dialog.h"
#include "reach-gaps-view.h"
#include "reach-preferences.h"
#include "reach-presentation.h"
#include "reach-print.h"
#include "reach-suppress.h"
#include "reach-testutil.h"
#include "reach-window.h"

static ReachApplication *app;

/* Central Leeds, as a view would show it */
static const ReachBBox leeds = { -1.62, 53.77, -1.48, 53.83 };

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

/* A Leeds demo workspace (wards, LSOAs, places) in a scratch folder. */
static char *
demo_workspace (void)
{
  g_autofree char *dir = reach_test_tmpdir ();
  char *path = g_build_filename (dir, "Board.reach", NULL);
  g_autoptr(ReachDb) db = NULL;
  g_autoptr(GError) error = NULL;

  db = reach_db_open (path, &error);
  g_assert_no_error (error);
  reach_demo_build (db, reach_data_dir (), &error);
  g_assert_no_error (error);
  return path;
}

static ReachDb *
open_db (const char *path)
{
  g_autoptr(GError) error = NULL;
  ReachDb *db = reach_db_open (path, &error);

  g_assert_no_error (error);
  return db;
}

/* ---- pdfinfo ------------------------------------------------------------ */

/* The first page's size in points, as poppler reads it. */
static void
pdf_page_size (const char *path,
               double     *width,
               double     *height)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  line = strstr (out, "Page size:");
  g_assert_nonnull (line);
  g_assert_cmpint (sscanf (line, "Page size: %lf x %lf", width, height), ==, 2);
}

/* ---- the export dialog -------------------------------------------------- */

typedef struct
{
  gboolean  done;
  char     *path;
  char     *message;
} Finished;

static void
on_finished (ReachExportDialog *dialog,
             const char        *path,
             gpointer           error,
             Finished          *finished)
{
  finished->done = TRUE;
  finished->path = g_strdup (path);
  finished->message = error != NULL ? g_strdup (((GError *) error)->message) : NULL;
}

static void
export_and_wait (ReachExportDialog *dialog,
                 const char        *path,
                 Finished          *finished)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  g_signal_connect (dialog, "finished", G_CALLBACK (on_finished), finished);
  reach_export_dialog_export_to (dialog, path);
  while (!finished->done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (finished->done);
  g_assert_cmpstr (finished->message, ==, NULL);
  g_assert_cmpstr (finished->path, ==, path);
}

static void
finished_clear (Finished *finished)
{
  g_free (finished->path);
  g_free (finished->message);
}

static void
test_export_pdf_paper (void)
{
  g_autofree char *workspace = demo_workspace ();
  g_autofree char *dir = reach_test_tmpdir ();
  g_autoptr(ReachDb) db = open_db (workspace);
  const struct { const char *paper; gboolean landscape; double w, h; } cases[] = {
    { "A4", FALSE, 595.0, 842.0 },
    { "A3", FALSE, 842.0, 1191.0 },
    { "A3", TRUE, 1191.0, 842.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("map-%u.pdf", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(AdwToastOverlay) toasts = g_object_ref_sink (ADW_TOAST_OVERLAY (adw_toast_overlay_new ()));
      GtkWidget *dialog = reach_export_dialog_new (NULL, db, REACH_EXPORT_MAP, &leeds, toasts);
      Finished finished = { 0 };
      g_autofree char *head = NULL;
      double width, height;

      g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
      reach_export_dialog_set_format (REACH_EXPORT_DIALOG (dialog), REACH_MAP_FORMAT_PDF);
      reach_export_dialog_set_paper (REACH_EXPORT_DIALOG (dialog), cases[i].paper);
      reach_export_dialog_set_landscape (REACH_EXPORT_DIALOG (dialog), cases[i].landscape);
      reach_export_dialog_set_title (REACH_EXPORT_DIALOG (dialog), "Board test map");
      export_and_wait (REACH_EXPORT_DIALOG (dialog), path, &finished);
      finished_clear (&finished);

      /* success closes the dialog */
      wait_ms (50);
      g_assert_null (dialog);

      g_assert_true (g_file_get_contents (path, &head, NULL, NULL));
      g_assert_true (g_str_has_prefix (head, "%PDF-"));
      pdf_page_size (path, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, cases[i].w, 1.0);
      g_assert_cmpfloat_with_epsilon (height, cases[i].h, 1.0);
    }
}

static void
test_export_png_size (void)
{
  g_autofree char *workspace = demo_workspace ();
  g_autofree char *dir = reach_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "map.png", NULL);
  g_autoptr(ReachDb) db = open_db (workspace);
  GtkWidget *dialog = reach_export_dialog_new (NULL, db, REACH_EXPORT_MAP, &leeds, NULL);
  Finished finished = { 0 };
  int width = 0, height = 0;

  reach_export_dialog_set_format (REACH_EXPORT_DIALOG (dialog), REACH_MAP_FORMAT_PNG);
  reach_export_dialog_set_paper (REACH_EXPORT_DIALOG (dialog), "A4");
  reach_export_dialog_set_landscape (REACH_EXPORT_DIALOG (dialog), TRUE);
  reach_export_dialog_set_dpi (REACH_EXPORT_DIALOG (dialog), 100);
  export_and_wait (REACH_EXPORT_DIALOG (dialog), path, &finished);
  finished_clear (&finished);

  /* A4 landscape at 100 dpi: 842 × 595 points → 1169 × 827 pixels */
  g_assert_nonnull (gdk_pixbuf_get_file_info (path, &width, &height));
  g_assert_cmpint (abs (width - 1169), <=, 1);
  g_assert_cmpint (abs (height - 827), <=, 1);
}

/* pdftotext's words of a PDF. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The layers chosen reach the page: the choropleth's key is there, and a
 * map of nothing is refused. */
static void
test_export_layers (void)
{
  g_autofree char *workspace = demo_workspace ();
  g_autofree char *dir = reach_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "reach.pdf", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.pdf", NULL);
  g_autoptr(ReachDb) db = open_db (workspace);
  GtkWidget *dialog = reach_export_dialog_new (NULL, db, REACH_EXPORT_MAP, &leeds, NULL);
  Finished finished = { 0 };
  g_autofree char *text = NULL;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  reach_export_dialog_set_layers (REACH_EXPORT_DIALOG (dialog), 0);
  g_signal_connect (dialog, "finished", G_CALLBACK (on_finished), &finished);
  reach_export_dialog_export_to (REACH_EXPORT_DIALOG (dialog), empty);
  g_assert_true (finished.done);
  g_assert_nonnull (finished.message);
  g_assert_false (g_file_test (empty, G_FILE_TEST_EXISTS));
  g_assert_nonnull (dialog);
  g_signal_handlers_disconnect_by_func (dialog, on_finished, &finished);
  finished_clear (&finished);
  memset (&finished, 0, sizeof finished);

  /* places come with the community groups, as on the screen */
  reach_export_dialog_set_layers (REACH_EXPORT_DIALOG (dialog),
                                  REACH_MAP_LAYER_PLACES | REACH_MAP_LAYER_CHOROPLETH);
  g_assert_cmpint (reach_export_dialog_get_layers (REACH_EXPORT_DIALOG (dialog)), ==,
                   REACH_MAP_LAYER_PLACES | REACH_MAP_LAYER_GROUPS | REACH_MAP_LAYER_CHOROPLETH);
  export_and_wait (REACH_EXPORT_DIALOG (dialog), path, &finished);
  finished_clear (&finished);

  text = pdf_text (path);
  /* the choropleth's key (which may wrap before "residents"), the places' and the groups' */
  g_assert_nonnull (strstr (text, "People reached per 1,000"));
  g_assert_nonnull (strstr (text, "Institutions"));
  g_assert_nonnull (strstr (text, "Not yet reached"));
}

/* One ward's extent, chosen from the workspace's areas. */
static void
test_export_area (void)
{
  g_autofree char *workspace = demo_workspace ();
  g_autofree char *dir = reach_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "ward.svg", NULL);
  g_autoptr(ReachDb) db = open_db (workspace);
  g_autoptr(GPtrArray) wards = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog = reach_export_dialog_new (NULL, db, REACH_EXPORT_MAP, &leeds, NULL);
  Finished finished = { 0 };
  g_autofree char *svg = NULL;
  ReachArea *ward;

  wards = reach_areas_list (db, REACH_AREA_LEVEL_WARD, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wards->len, >, 0);
  ward = g_ptr_array_index (wards, 0);

  /* LSOAs and unknown codes are not on the list */
  g_assert_false (reach_export_dialog_set_area (REACH_EXPORT_DIALOG (dialog), "E99999999"));
  g_assert_true (reach_export_dialog_set_area (REACH_EXPORT_DIALOG (dialog), ward->code));
  reach_export_dialog_set_format (REACH_EXPORT_DIALOG (dialog), REACH_MAP_FORMAT_SVG);
  export_and_wait (REACH_EXPORT_DIALOG (dialog), path, &finished);
  finished_clear (&finished);

  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  g_assert_nonnull (strstr (svg, "<svg"));
}

static void
test_export_error_stays (void)
{
  g_autofree char *workspace = demo_workspace ();
  g_autofree char *dir = reach_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "no such folder", "map.pdf", NULL);
  g_autoptr(ReachDb) db = open_db (workspace);
  GtkWidget *dialog = reach_export_dialog_new (NULL, db, REACH_EXPORT_MAP, &leeds, NULL);
  Finished finished = { 0 };
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_connect (dialog, "finished", G_CALLBACK (on_finished), &finished);
  reach_export_dialog_export_to (REACH_EXPORT_DIALOG (dialog), path);
  while (!finished.done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  /* a folder that is not there: an error, no file, and the dialog stays */
  g_assert_true (finished.done);
  g_assert_nonnull (finished.message);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_nonnull (dialog);
  finished_clear (&finished);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_export_report (void)
{
  g_autofree char *workspace = demo_workspace ();
  g_autofree char *dir = reach_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(ReachDb) db = open_db (workspace);
  GtkWidget *dialog = reach_export_dialog_new (NULL, db, REACH_EXPORT_REPORT, NULL, NULL);
  Finished finished = { 0 };
  double width, height;

  reach_export_dialog_set_title (REACH_EXPORT_DIALOG (dialog), "Board report");
  reach_export_dialog_set_period (REACH_EXPORT_DIALOG (dialog), "2025-01-01", "2026-12-31");
  export_and_wait (REACH_EXPORT_DIALOG (dialog), path, &finished);
  finished_clear (&finished);

  pdf_page_size (path, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.0, 1.0);
  g_assert_cmpfloat_with_epsilon (height, 842.0, 1.0);
}

/* Print goes through GtkPrintOperation; exporting from it gives the same page. */
static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Sorts the lines of text in place (its length is unchanged). */
static void
sort_lines (char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *joined = NULL;

  qsort (lines, g_strv_length (lines), sizeof (char *), compare_lines);
  joined = g_strjoinv ("\n", lines);
  memcpy (text, joined, strlen (joined));
}

static void
test_print_export (void)
{
  g_autofree char *workspace = demo_workspace ();
  g_autofree char *dir = reach_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "print.pdf", NULL);
  g_autofree char *exported = g_build_filename (dir, "export.pdf", NULL);
  g_autofree char *printed_text = NULL;
  g_autofree char *exported_text = NULL;
  g_autoptr(ReachDb) db = open_db (workspace);
  g_autoptr(GError) error = NULL;
  ReachMapExportOptions options = { 0 };
  double width, height;

  options.paper = "A4";
  options.landscape = TRUE;
  options.has_bbox = TRUE;
  options.bbox = leeds;
  options.level = -1;
  options.title = "Printed map";
  g_assert_true (reach_print_map (NULL, db, &options, path, &error));
  g_assert_no_error (error);

  pdf_page_size (path, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 842.0, 1.0);
  g_assert_cmpfloat_with_epsilon (height, 595.0, 1.0);

  /* the same page as the exported PDF, word for word */
  g_assert_true (reach_map_export (db, &options, exported, &error));
  g_assert_no_error (error);
  printed_text = pdf_text (path);
  exported_text = pdf_text (exported);
  g_assert_nonnull (strstr (printed_text, "Printed map"));
  /* pdftotext may read two words at the same height in either order */
  sort_lines (printed_text);
  sort_lines (exported_text);
  g_assert_cmpstr (printed_text, ==, exported_text);

  /* a bad paper is refused before anything is printed */
  options.paper = "Letter";
  g_assert_false (reach_print_map (NULL, db, &options, path, &error));
  g_assert_error (error, REACH_MAP_EXPORT_ERROR, REACH_MAP_EXPORT_ERROR_PAPER);
}

/* ---- preferences -------------------------------------------------------- */

static void
test_preferences (void)
{
  g_autofree char *workspace = demo_workspace ();
  g_autoptr(ReachDb) db = open_db (workspace);
  g_autoptr(GError) error = NULL;
  GtkWidget *prefs = reach_preferences_new (NULL, db);
  GtkSpinButton *spin = reach_preferences_get_threshold_spin (REACH_PREFERENCES (prefs));

  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, REACH_SUPPRESS_DEFAULT_THRESHOLD);
  gtk_spin_button_set_value (spin, 8);
  g_assert_cmpint (reach_suppress_get_threshold (db, &error), ==, 8);
  g_assert_no_error (error);

  /* 2 to 20, whatever is typed */
  gtk_spin_button_set_value (spin, 50);
  g_assert_cmpint (reach_suppress_get_threshold (db, &error), ==, 20);

  /* no saved views yet */
  g_assert_cmpuint (reach_preferences_get_n_views (REACH_PREFERENCES (prefs)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (prefs));

  /* a new window shows what the workspace holds */
  reach_suppress_set_threshold (db, 11, &error);
  g_assert_no_error (error);
  prefs = reach_preferences_new (NULL, db);
  spin = reach_preferences_get_threshold_spin (REACH_PREFERENCES (prefs));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 11);
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* Saved views are renamed and removed in Preferences. */
static void
test_preferences_views (void)
{
  g_autofree char *workspace = demo_workspace ();
  g_autoptr(ReachDb) db = open_db (workspace);
  g_autoptr(GPtrArray) bookmarks = g_ptr_array_new_with_free_func ((GDestroyNotify) reach_bookmark_free);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *prefs;

  for (guint i = 0; i < 3; i++)
    {
      ReachBookmark *bookmark = g_new0 (ReachBookmark, 1);

      bookmark->name = g_strdup_printf ("View %u", i + 1);
      bookmark->lat = 53.8 + i * 0.01;
      bookmark->lon = -1.55;
      bookmark->zoom = 11 + i;
      bookmark->places = TRUE;
      g_ptr_array_add (bookmarks, bookmark);
    }
  g_assert_true (reach_bookmarks_save (db, bookmarks, &error));

  prefs = reach_preferences_new (NULL, db);
  g_assert_cmpuint (reach_preferences_get_n_views (REACH_PREFERENCES (prefs)), ==, 3);
  reach_preferences_rename_view (REACH_PREFERENCES (prefs), 2, "  Seacroft  ");
  wait_ms (50);
  reach_preferences_remove_view (REACH_PREFERENCES (prefs), 0);
  wait_ms (50);
  g_assert_cmpuint (reach_preferences_get_n_views (REACH_PREFERENCES (prefs)), ==, 2);

  after = reach_bookmarks_load (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 2);
  g_assert_cmpstr (((ReachBookmark *) g_ptr_array_index (after, 0))->name, ==, "View 2");
  g_assert_cmpstr (((ReachBookmark *) g_ptr_array_index (after, 1))->name, ==, "Seacroft");
  g_assert_cmpfloat_with_epsilon (((ReachBookmark *) g_ptr_array_index (after, 1))->zoom, 13, 1e-9);
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* ---- bookmarks and presentation mode ------------------------------------ */

static ReachWindow *
open_window (const char *path)
{
  ReachWindow *window = reach_window_new (app);
  g_autoptr(GError) error = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  reach_window_open_workspace (window, path, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_mapped (GTK_WIDGET (window));
  /* the first fit happens after the first frame */
  wait_ms (500);
  return window;
}

static void
go_to (ReachWindow *window,
       double       lat,
       double       lon,
       double       zoom)
{
  ShumateSimpleMap *map = reach_window_get_map (window);

  shumate_viewport_set_zoom_level (shumate_simple_map_get_viewport (map), zoom);
  shumate_map_center_on (shumate_simple_map_get_map (map), lat, lon);
}

static void
assert_view (ReachWindow *window,
             double       lat,
             double       lon,
             double       zoom)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (reach_window_get_map (window));

  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)), lat, 1e-6);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), lon, 1e-6);
  g_assert_cmpfloat_with_epsilon (shumate_viewport_get_zoom_level (viewport), zoom, 1e-6);
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Presses key through the window's shortcut controllers, as GTK would:
 * the first shortcut whose trigger takes the key runs. */
static gboolean
press (ReachWindow *window,
       guint        keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                 GTK_WIDGET (window), gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

static void
test_bookmarks (void)
{
  g_autofree char *workspace = demo_workspace ();
  ReachWindow *window = open_window (workspace);
  GtkWidget *header = find_type (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  g_autoptr(GPtrArray) bookmarks = NULL;
  g_autoptr(GError) error = NULL;
  const ReachBookmark *first, *second;

  go_to (window, 53.80, -1.55, 12.0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-bookmark", NULL);
  go_to (window, 53.84, -1.64, 14.0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-bookmark", NULL);

  bookmarks = reach_bookmarks_load (reach_window_get_db (window), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bookmarks->len, ==, 2);
  first = g_ptr_array_index (bookmarks, 0);
  second = g_ptr_array_index (bookmarks, 1);
  g_assert_cmpstr (first->name, ==, "View 1");
  g_assert_cmpfloat_with_epsilon (first->zoom, 12.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (second->lat, 53.84, 1e-6);

  /* start elsewhere, on another page: presenting shows the map and view 1 */
  reach_window_set_page (window, "contacts");
  go_to (window, 54.5, -3.0, 6.0);
  g_assert_nonnull (header);
  g_assert_true (gtk_widget_get_visible (header));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  g_assert_true (reach_presentation_is_active (window));
  g_assert_cmpstr (reach_window_get_page (window), ==, "map");
  g_assert_false (gtk_widget_get_visible (header));
  g_assert_cmpint (reach_presentation_get_position (window), ==, 0);
  assert_view (window, first->lat, first->lon, first->zoom);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-next", NULL);
  g_assert_cmpint (reach_presentation_get_position (window), ==, 1);
  assert_view (window, second->lat, second->lon, second->zoom);
  /* the last view stays */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-next", NULL);
  g_assert_cmpint (reach_presentation_get_position (window), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-previous", NULL);
  g_assert_cmpint (reach_presentation_get_position (window), ==, 0);
  assert_view (window, first->lat, first->lon, first->zoom);
  wait_ms (300);

  /* the presenter's keys */
  g_assert_true (press (window, GDK_KEY_Right));
  g_assert_cmpint (reach_presentation_get_position (window), ==, 1);
  g_assert_true (press (window, GDK_KEY_Page_Up));
  g_assert_cmpint (reach_presentation_get_position (window), ==, 0);
  g_assert_true (press (window, GDK_KEY_space));
  g_assert_cmpint (reach_presentation_get_position (window), ==, 1);
  g_assert_true (press (window, GDK_KEY_Left));
  assert_view (window, first->lat, first->lon, first->zoom);

  /* Escape leaves, and puts the window back */
  g_assert_true (press (window, GDK_KEY_Escape));
  g_assert_false (reach_presentation_is_active (window));
  g_assert_true (gtk_widget_get_visible (header));
  g_assert_cmpstr (reach_window_get_page (window), ==, "contacts");
  wait_ms (300);
  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static ReachAreasLayer *
areas_layer (ReachWindow *window)
{
  GtkWidget *layer = find_type (GTK_WIDGET (reach_window_get_map (window)), REACH_TYPE_AREAS_LAYER);

  g_assert_nonnull (layer);
  return REACH_AREAS_LAYER (layer);
}

/* A saved view keeps what the areas were coloured by, and presenting it
 * colours them so again; a view saved uncoloured takes the colours away. */
static void
test_bookmarks_choropleth (void)
{
  g_autofree char *workspace = demo_workspace ();
  ReachWindow *window = open_window (workspace);
  ReachAreasLayer *layer = areas_layer (window);
  ReachGapsView *gaps = REACH_GAPS_VIEW (find_type (GTK_WIDGET (window), REACH_TYPE_GAPS_VIEW));
  g_autoptr(GPtrArray) bookmarks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *category = NULL;
  const ReachBookmark *first, *second, *third;
  const ReachGapReport *report;
  const char *characteristic, *shown_category, *from, *to;
  ReachAreaLevel level;

  g_assert_null (reach_areas_layer_get_choropleth (layer));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "gaps.colour-areas", "s", "reach"));
  g_assert_nonnull (reach_areas_layer_get_choropleth (layer));
  go_to (window, 53.80, -1.55, 12.0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-bookmark", NULL);

  gtk_widget_activate_action (GTK_WIDGET (window), "gaps.colour-areas", "s", "none");
  g_assert_null (reach_areas_layer_get_choropleth (layer));
  go_to (window, 53.84, -1.64, 13.0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-bookmark", NULL);

  /* a third by one category's representation, by LSOA */
  reach_gaps_view_reload (gaps);
  report = reach_gaps_view_get_report (gaps);
  g_assert_nonnull (report);
  for (guint i = 0; category == NULL && i < report->rows->len; i++)
    if (g_array_index (report->rows, ReachGapRow, i).in_baseline)
      category = g_strdup (g_array_index (report->rows, ReachGapRow, i).category_key);
  g_assert_nonnull (category);
  g_assert_true (reach_gaps_view_show_on_map (gaps, REACH_GAPS_MAP_REPRESENTATION, category,
                                              REACH_AREA_LEVEL_LSOA, &error));
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-bookmark", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "gaps.colour-areas", "s", "none");

  /* the setting holds the mode */
  g_assert_true (reach_db_get_setting (reach_window_get_db (window), REACH_BOOKMARKS_SETTING,
                                       &json, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"choropleth\":\"reach\""));
  g_assert_nonnull (strstr (json, "\"choropleth\":\"none\""));
  bookmarks = reach_bookmarks_load (reach_window_get_db (window), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bookmarks->len, ==, 3);
  first = g_ptr_array_index (bookmarks, 0);
  second = g_ptr_array_index (bookmarks, 1);
  third = g_ptr_array_index (bookmarks, 2);
  g_assert_cmpint (first->choropleth, ==, REACH_GAPS_MAP_REACH);
  g_assert_cmpint (second->choropleth, ==, REACH_GAPS_MAP_NONE);
  g_assert_cmpint (third->choropleth, ==, REACH_GAPS_MAP_REPRESENTATION);
  g_assert_cmpint (third->level, ==, REACH_AREA_LEVEL_LSOA);
  g_assert_cmpstr (third->category, ==, category);
  g_assert_nonnull (third->characteristic);

  /* presenting starts on view 1, coloured; view 2 is not; back again */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  g_assert_cmpint (reach_presentation_get_position (window), ==, 0);
  g_assert_nonnull (reach_areas_layer_get_choropleth (layer));
  assert_view (window, first->lat, first->lon, first->zoom);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-next", NULL);
  g_assert_cmpint (reach_presentation_get_position (window), ==, 1);
  g_assert_null (reach_areas_layer_get_choropleth (layer));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-next", NULL);
  g_assert_nonnull (reach_areas_layer_get_choropleth (layer));
  g_assert_cmpint (reach_gaps_view_get_shown (gaps, &characteristic, &shown_category, &level,
                                              &from, &to), ==, REACH_GAPS_MAP_REPRESENTATION);
  g_assert_cmpstr (shown_category, ==, category);
  g_assert_cmpint (level, ==, REACH_AREA_LEVEL_LSOA);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-previous", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-previous", NULL);
  g_assert_nonnull (reach_areas_layer_get_choropleth (layer));
  g_assert_cmpint (reach_gaps_view_get_shown (gaps, &characteristic, &shown_category, &level,
                                              &from, &to), ==, REACH_GAPS_MAP_REACH);
  g_assert_true (press (window, GDK_KEY_Escape));
  wait_ms (300);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Views saved before the choropleth was kept load uncoloured; a mode this
 * version does not know, or a representation without its category, too. */
static void
test_bookmarks_old (void)
{
  g_autofree char *workspace = demo_workspace ();
  g_autoptr(ReachDb) db = open_db (workspace);
  g_autoptr(GPtrArray) bookmarks = NULL;
  g_autoptr(GError) error = NULL;
  const ReachBookmark *b;

  reach_db_set_setting (db, REACH_BOOKMARKS_SETTING,
                        "[{\"name\":\"Old\",\"lat\":53.8,\"lon\":-1.5,\"zoom\":11,"
                        "\"places\":true,\"areas\":true},"
                        "{\"name\":\"Odd\",\"choropleth\":\"rainbow\"},"
                        "{\"name\":\"Half\",\"choropleth\":\"representation\"},"
                        "{\"name\":\"Whole\",\"choropleth\":\"representation\",\"level\":\"lsoa\","
                        "\"characteristic\":\"ethnic_group\",\"category\":\"asian\",\"from\":\"2024-01-01\"}]",
                        &error);
  g_assert_no_error (error);
  bookmarks = reach_bookmarks_load (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bookmarks->len, ==, 4);
  b = g_ptr_array_index (bookmarks, 0);
  g_assert_cmpstr (b->name, ==, "Old");
  g_assert_cmpint (b->choropleth, ==, REACH_GAPS_MAP_NONE);
  g_assert_null (b->characteristic);
  g_assert_cmpint (((ReachBookmark *) g_ptr_array_index (bookmarks, 1))->choropleth, ==, REACH_GAPS_MAP_NONE);
  g_assert_cmpint (((ReachBookmark *) g_ptr_array_index (bookmarks, 2))->choropleth, ==, REACH_GAPS_MAP_NONE);
  b = g_ptr_array_index (bookmarks, 3);
  g_assert_cmpint (b->choropleth, ==, REACH_GAPS_MAP_REPRESENTATION);
  g_assert_cmpint (b->level, ==, REACH_AREA_LEVEL_LSOA);
  g_assert_cmpstr (b->category, ==, "asian");
  g_assert_cmpstr (b->from, ==, "2024-01-01");
  g_assert_null (b->to);

  /* and they save back as they were */
  g_assert_true (reach_bookmarks_save (db, bookmarks, &error));
  g_assert_no_error (error);
  g_clear_pointer (&bookmarks, g_ptr_array_unref);
  bookmarks = reach_bookmarks_load (db, &error);
  g_assert_no_error (error);
  b = g_ptr_array_index (bookmarks, 3);
  g_assert_cmpint (b->choropleth, ==, REACH_GAPS_MAP_REPRESENTATION);
  g_assert_cmpstr (b->characteristic, ==, "ethnic_group");
  g_assert_cmpint (((ReachBookmark *) g_ptr_array_index (bookmarks, 0))->choropleth, ==, REACH_GAPS_MAP_NONE);
}

/* A damaged setting is an error, not a crash, and saving starts afresh only
 * when asked. */
static void
test_bookmarks_damaged (void)
{
  g_autofree char *workspace = demo_workspace ();
  g_autoptr(ReachDb) db = open_db (workspace);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bookmarks = NULL;

  reach_db_set_setting (db, REACH_BOOKMARKS_SETTING, "{\"not\": \"a list\"}", &error);
  g_assert_no_error (error);
  bookmarks = reach_bookmarks_load (db, &error);
  g_assert_null (bookmarks);
  g_assert_nonnull (error);
}

/* ---- screenshots -------------------------------------------------------- */

static GdkTexture *
render (GtkWidget *window)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  /* nothing until the window has drawn its first frame */
  if (node == NULL)
    return NULL;
  return gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static void
shoot (GtkWidget  *window,
       const char *name)
{
  const char *keep = g_getenv ("REACH_SCREENSHOT_DIR");
  g_autofree char *dir = keep != NULL ? g_strdup (keep) : reach_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GdkTexture) texture = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while ((texture = render (window)) == NULL && g_get_monotonic_time () < deadline)
    wait_ms (50);
  g_assert_nonnull (texture);

  g_assert_cmpint (gdk_texture_get_width (texture), >, 100);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
screenshot (gconstpointer data)
{
  const char *scheme = data;
  gboolean dark = g_str_equal (scheme, "dark");
  g_autofree char *workspace = demo_workspace ();
  g_autofree char *name = NULL;
  ReachWindow *window;
  GtkWidget *dialog;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = open_window (workspace);

  dialog = reach_export_dialog_new (GTK_WINDOW (window), reach_window_get_db (window),
                                    REACH_EXPORT_MAP, &leeds, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_until_mapped (dialog);
  name = g_strdup_printf ("export-dialog-%s.png", scheme);
  shoot (dialog, name);
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = reach_export_dialog_new (GTK_WINDOW (window), reach_window_get_db (window),
                                    REACH_EXPORT_REPORT, NULL, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_until_mapped (dialog);
  g_free (name);
  name = g_strdup_printf ("export-report-%s.png", scheme);
  shoot (dialog, name);
  gtk_window_destroy (GTK_WINDOW (dialog));

  go_to (window, 53.81, -1.55, 12.0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-bookmark", NULL);
  dialog = reach_preferences_new (GTK_WINDOW (window), reach_window_get_db (window));
  gtk_window_present (GTK_WINDOW (dialog));
  wait_until_mapped (dialog);
  g_free (name);
  name = g_strdup_printf ("preferences-%s.png", scheme);
  shoot (dialog, name);
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  wait_ms (1500);
  g_free (name);
  name = g_strdup_printf ("presentation-%s.png", scheme);
  shoot (GTK_WIDGET (window), name);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = reach_test_tmpdir ();
  int status;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CACHE_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = reach_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/present/export-pdf-paper", test_export_pdf_paper);
  g_test_add_func ("/present/export-png-size", test_export_png_size);
  g_test_add_func ("/present/export-layers", test_export_layers);
  g_test_add_func ("/present/export-area", test_export_area);
  g_test_add_func ("/present/export-error-stays", test_export_error_stays);
  g_test_add_func ("/present/export-report", test_export_report);
  g_test_add_func ("/present/print-export", test_print_export);
  g_test_add_func ("/present/preferences", test_preferences);
  g_test_add_func ("/present/preferences-views", test_preferences_views);
  g_test_add_func ("/present/bookmarks", test_bookmarks);
  g_test_add_func ("/present/bookmarks-damaged", test_bookmarks_damaged);
  g_test_add_func ("/present/bookmarks-choropleth", test_bookmarks_choropleth);
  g_test_add_func ("/present/bookmarks-old", test_bookmarks_old);
  g_test_add_data_func ("/present/screenshot/light", "light", screenshot);
  g_test_add_data_func ("/present/screenshot/dark", "dark", screenshot);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
