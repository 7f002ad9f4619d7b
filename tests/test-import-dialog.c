/* test-import-dialog.c — reading, summarising and committing an import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb.  The file chooser is skipped with
 * reach_import_dialog_set_file().  The last case renders the pages to PNG
 * in light and dark styles, into $REACH_SCREENSHOT_DIR when set.
 */
#include "config.h"

#include <adwaita.h>

#include "reach-area.h"
#include "reach-import-dialog.h"
#include "reach-places.h"
#include "reach-testutil.h"

static ReachDb *
new_db (void)
{
  g_autofree char *dir = reach_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "w.reach", NULL);
  g_autoptr(GError) error = NULL;
  ReachDb *db = reach_db_open (path, &error);

  g_assert_no_error (error);
  return db;
}

static GObject *
child (GtkWidget  *dialog,
       const char *id)
{
  GObject *object = gtk_widget_get_template_child (dialog, REACH_TYPE_IMPORT_DIALOG, id);

  g_assert_nonnull (object);
  return object;
}

/* Spins the main loop while the dialog reads or writes (at most 20 s). */
static const char *
wait_for_page (GtkWidget *dialog)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  ReachImportDialog *self = REACH_IMPORT_DIALOG (dialog);

  while (g_str_equal (reach_import_dialog_get_page (self), "progress") &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);

  /* let pending progress updates and redraws land */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  return reach_import_dialog_get_page (self);
}

static void
wait_for_close (GtkWidget **window)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (*window != NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
on_imported (GtkWidget *dialog,
             guint      n_items,
             int       *out)
{
  *out = n_items;
}

static guint
count_places (ReachDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) places = reach_places_list (db, NULL, &error);

  g_assert_no_error (error);
  return places->len;
}

static GtkWidget *
open_file (ReachDb         *db,
           ReachImportKind  kind,
           const char      *name)
{
  g_autofree char *path = reach_test_file ("data", "import-dialog", name, NULL);
  GtkWidget *dialog = reach_import_dialog_new (NULL, db, kind);

  reach_import_dialog_set_file (REACH_IMPORT_DIALOG (dialog), path);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
test_places_csv (void)
{
  g_autoptr(ReachDb) db = new_db ();
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog = open_file (db, REACH_IMPORT_PLACES, "leeds-libraries-3.csv");
  GtkWidget *import_button = GTK_WIDGET (child (dialog, "import_button"));
  int imported = -1;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), &imported);

  g_assert_cmpstr (wait_for_page (dialog), ==, "summary");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (dialog, "count_label"))), ==, "3");
  g_assert_true (gtk_widget_get_visible (import_button));
  g_assert_true (gtk_widget_is_sensitive (import_button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (import_button)), ==, "_Import 3 Places");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (child (dialog, "areas_group"))));
  /* Reading wrote nothing. */
  g_assert_cmpuint (count_places (db), ==, 0);

  gtk_widget_activate_action (dialog, "import.commit", NULL);
  wait_for_close (&dialog);

  g_assert_null (dialog);
  g_assert_cmpint (imported, ==, 3);

  places = reach_places_list (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (places->len, ==, 3);
  g_assert_cmpstr (((ReachPlace *) places->pdata[0])->name, ==, "Ardsley and Tingley library");
  g_assert_cmpstr (((ReachPlace *) places->pdata[1])->name, ==, "Armley library");
  g_assert_cmpfloat_with_epsilon (((ReachPlace *) places->pdata[1])->lat, 53.7971267925459, 1e-9);
  g_assert_cmpstr (((ReachPlace *) places->pdata[2])->name, ==, "Beeston library");
}

static void
test_broken_csv (void)
{
  g_autoptr(ReachDb) db = new_db ();
  GtkWidget *dialog = open_file (db, REACH_IMPORT_PLACES, "broken.csv");
  AdwStatusPage *error_page = ADW_STATUS_PAGE (child (dialog, "error_page"));
  g_autofree char *good = reach_test_file ("data", "import-dialog", "leeds-libraries-3.csv", NULL);
  int imported = -1;

  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), &imported);

  g_assert_cmpstr (wait_for_page (dialog), ==, "error");
  g_test_message ("error: %s", adw_status_page_get_description (error_page));
  g_assert_cmpstr (adw_status_page_get_icon_name (error_page), ==, "dialog-error-symbolic");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (dialog)) == GTK_WIDGET (child (dialog, "retry_button")));
  g_assert_nonnull (strstr (adw_status_page_get_description (error_page), "broken.csv"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (child (dialog, "import_button"))));
  g_assert_cmpint (imported, ==, -1);
  g_assert_cmpuint (count_places (db), ==, 0);

  /* Committing from the error page does nothing. */
  gtk_widget_activate_action (dialog, "import.commit", NULL);
  g_assert_cmpuint (count_places (db), ==, 0);

  /* Another file can be chosen from here. */
  reach_import_dialog_set_file (REACH_IMPORT_DIALOG (dialog), good);
  g_assert_cmpstr (wait_for_page (dialog), ==, "summary");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (dialog, "count_label"))), ==, "3");
  g_assert_cmpuint (count_places (db), ==, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (imported, ==, -1);
}

static void
test_areas_geojson (void)
{
  g_autoptr(ReachDb) db = new_db ();
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog = open_file (db, REACH_IMPORT_AREAS, "leeds-wards-2.geojson");
  AdwComboRow *level_row = ADW_COMBO_ROW (child (dialog, "level_row"));
  AdwComboRow *code_row = ADW_COMBO_ROW (child (dialog, "code_row"));
  AdwComboRow *name_row = ADW_COMBO_ROW (child (dialog, "name_row"));
  int imported = -1;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), &imported);

  g_assert_cmpstr (wait_for_page (dialog), ==, "summary");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (child (dialog, "areas_group"))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (dialog, "count_label"))), ==, "2");
  g_assert_cmpuint (adw_combo_row_get_selected (level_row), ==, REACH_AREA_LEVEL_WARD);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (code_row)), ==, "ward22_code");
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (name_row)), ==, "ward22_name");

  /* Choosing the code as the name re-reads the file with that choice. */
  adw_combo_row_set_selected (name_row, adw_combo_row_get_selected (code_row));
  g_assert_cmpstr (reach_import_dialog_get_page (REACH_IMPORT_DIALOG (dialog)), ==, "progress");
  g_assert_cmpstr (wait_for_page (dialog), ==, "summary");
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (name_row)), ==, "ward22_code");

  gtk_widget_activate_action (dialog, "import.commit", NULL);
  wait_for_close (&dialog);
  g_assert_null (dialog);
  g_assert_cmpint (imported, ==, 2);

  areas = reach_areas_list (db, REACH_AREA_LEVEL_WARD, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (areas->len, ==, 2);
  g_assert_cmpstr (((ReachArea *) areas->pdata[0])->code, ==, "E05011385");
  g_assert_cmpstr (((ReachArea *) areas->pdata[0])->name, ==, "E05011385");
}

/* Big enough that Stop lands while the worker is still busy. */
#define N_MANY 20000

static char *
write_big_csv (guint n_rows)
{
  g_autofree char *dir = reach_test_tmpdir ();
  char *path = g_build_filename (dir, "many.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("name,lat,lng\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (csv, "Place %u,53.%04u,-1.%04u\n", i, i % 10000, (i * 7) % 10000);

  g_file_set_contents (path, csv->str, csv->len, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_stop (void)
{
  g_autoptr(ReachDb) db = new_db ();
  g_autofree char *path = write_big_csv (N_MANY);
  g_autofree char *n_many = g_strdup_printf ("%u", N_MANY);
  GtkWidget *dialog = reach_import_dialog_new (NULL, db, REACH_IMPORT_PLACES);
  ReachImportDialog *self = REACH_IMPORT_DIALOG (dialog);
  GtkProgressBar *bar = GTK_PROGRESS_BAR (child (dialog, "progress_bar"));
  int imported = -1;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), &imported);
  /* A file is set before showing, so no file chooser comes up. */
  reach_import_dialog_set_file (self, path);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpstr (wait_for_page (dialog), ==, "summary");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (dialog, "count_label"))), ==, n_many);
  /* The thread's progress reports reached the bar. */
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (bar), ==, 1.0);

  /* Stopping a new read returns to the summary of the last good one. */
  reach_import_dialog_set_file (self, path);
  g_assert_cmpstr (reach_import_dialog_get_page (self), ==, "progress");
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (bar), ==, 0.0);
  gtk_widget_activate_action (dialog, "import.stop", NULL);
  g_assert_cmpstr (wait_for_page (dialog), ==, "choose");

  reach_import_dialog_set_file (self, path);
  g_assert_cmpstr (wait_for_page (dialog), ==, "summary");

  /* Stopping the commit writes nothing and returns to the summary. */
  gtk_widget_activate_action (dialog, "import.commit", NULL);
  g_assert_cmpstr (reach_import_dialog_get_page (self), ==, "progress");
  gtk_widget_activate_action (dialog, "import.stop", NULL);
  g_assert_cmpstr (wait_for_page (dialog), ==, "summary");
  g_assert_cmpuint (count_places (db), ==, 0);
  g_assert_cmpint (imported, ==, -1);

  /* The window's own connection may read while the worker writes, and
   * sees all of the import or none of it. */
  gtk_widget_activate_action (dialog, "import.commit", NULL);
  while (dialog != NULL)
    {
      guint n = count_places (db);

      g_assert_true (n == 0 || n == N_MANY);
      g_main_context_iteration (NULL, FALSE);
    }
  g_assert_cmpint (imported, ==, N_MANY);
  g_assert_cmpuint (count_places (db), ==, N_MANY);
}

/* The wards fixture with properties Reach cannot recognise. */
static char *
write_unrecognised_wards (void)
{
  g_autofree char *src = reach_test_file ("data", "import-dialog", "leeds-wards-2.geojson", NULL);
  g_autofree char *dir = reach_test_tmpdir ();
  char *path = g_build_filename (dir, "wards.geojson", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *renamed = NULL;
  g_autofree char *result = NULL;

  g_file_get_contents (src, &text, NULL, &error);
  g_assert_no_error (error);
  parts = g_strsplit (text, "\"ward22_code\"", -1);
  renamed = g_strjoinv ("\"ref\"", parts);
  g_strfreev (g_steal_pointer (&parts));
  parts = g_strsplit (renamed, "\"ward22_name\"", -1);
  result = g_strjoinv ("\"label\"", parts);
  g_file_set_contents (path, result, -1, &error);
  g_assert_no_error (error);
  return path;
}

static guint
string_position (AdwComboRow *row,
                 const char  *str)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);
      if (g_str_equal (gtk_string_object_get_string (item), str))
        return i;
    }

  g_error ("no “%s” to choose", str);
}

static gboolean
properties_kept_after_failure (const char *path)
{
  g_autoptr(ReachImport) import = reach_import_new (REACH_IMPORT_AREAS, path);
  g_autoptr(GError) error = NULL;
  const char * const *properties;

  g_assert_false (reach_import_read (import, NULL, NULL, NULL, &error));
  g_assert_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_UNSUPPORTED);
  properties = reach_import_get_properties (import);
  return properties != NULL && properties[0] != NULL;
}

static void
test_areas_choose_properties (void)
{
  g_autoptr(ReachDb) db = new_db ();
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_unrecognised_wards ();
  GtkWidget *dialog = reach_import_dialog_new (NULL, db, REACH_IMPORT_AREAS);
  ReachImportDialog *self = REACH_IMPORT_DIALOG (dialog);
  AdwComboRow *level_row = ADW_COMBO_ROW (child (dialog, "level_row"));
  AdwComboRow *code_row = ADW_COMBO_ROW (child (dialog, "code_row"));
  AdwComboRow *name_row = ADW_COMBO_ROW (child (dialog, "name_row"));
  GtkWidget *problem = GTK_WIDGET (child (dialog, "problem_group"));
  GtkWidget *import_button = GTK_WIDGET (child (dialog, "import_button"));
  int imported = -1;

  g_assert_true (properties_kept_after_failure (path));

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), &imported);
  reach_import_dialog_set_file (self, path);
  gtk_window_present (GTK_WINDOW (dialog));

  /* No code property is recognised: the summary asks, Import waits. */
  g_assert_cmpstr (wait_for_page (dialog), ==, "summary");
  g_assert_true (gtk_widget_get_visible (problem));
  g_test_message ("problem: %s", gtk_label_get_text (GTK_LABEL (child (dialog, "problem_label"))));
  g_assert_false (gtk_widget_is_sensitive (import_button));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (dialog, "count_label"))), ==, "0");

  adw_combo_row_set_selected (code_row, string_position (code_row, "ref"));
  g_assert_cmpstr (wait_for_page (dialog), ==, "summary");
  g_assert_false (gtk_widget_get_visible (problem));
  g_assert_true (gtk_widget_is_sensitive (import_button));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (dialog, "count_label"))), ==, "2");
  /* The level comes from the codes (E05…: wards). */
  g_assert_cmpuint (adw_combo_row_get_selected (level_row), ==, REACH_AREA_LEVEL_WARD);

  adw_combo_row_set_selected (name_row, string_position (name_row, "label"));
  g_assert_cmpstr (wait_for_page (dialog), ==, "summary");
  /* A level the user picks is kept. */
  adw_combo_row_set_selected (level_row, REACH_AREA_LEVEL_MSOA);
  g_assert_cmpstr (wait_for_page (dialog), ==, "summary");
  g_assert_cmpuint (adw_combo_row_get_selected (level_row), ==, REACH_AREA_LEVEL_MSOA);

  gtk_widget_activate_action (dialog, "import.commit", NULL);
  wait_for_close (&dialog);
  g_assert_null (dialog);
  g_assert_cmpint (imported, ==, 2);

  areas = reach_areas_list (db, REACH_AREA_LEVEL_MSOA, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (areas->len, ==, 2);
  g_assert_cmpstr (((ReachArea *) areas->pdata[0])->code, ==, "E05011385");
  g_assert_cmpstr (((ReachArea *) areas->pdata[0])->name, ==, "Armley");
  g_assert_cmpstr (((ReachArea *) areas->pdata[1])->name, ==, "Beeston & Holbeck");
}

/* Closing while the commit runs stops it; the dialog goes once the worker
 * has answered, and "imported" tells whether anything was written. */
static void
test_close_during_commit (void)
{
  g_autoptr(ReachDb) db = new_db ();
  g_autofree char *path = write_big_csv (N_MANY);
  GtkWidget *dialog = reach_import_dialog_new (NULL, db, REACH_IMPORT_PLACES);
  int imported = -1;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), &imported);
  reach_import_dialog_set_file (REACH_IMPORT_DIALOG (dialog), path);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpstr (wait_for_page (dialog), ==, "summary");

  gtk_widget_activate_action (dialog, "import.commit", NULL);
  gtk_widget_activate_action (dialog, "import.close", NULL);
  g_assert_nonnull (dialog);    /* still there: the worker has not answered */
  wait_for_close (&dialog);
  g_assert_null (dialog);
  g_assert_cmpint (imported, ==, -1);
  g_assert_cmpuint (count_places (db), ==, 0);
}

/* Without a portal, GtkFileChooserNative shows a GtkFileChooserDialog. */
static GtkWidget *
wait_for_chooser (void)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      g_autoptr(GListModel) toplevels = gtk_window_get_toplevels ();

      g_object_ref (toplevels);
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

          if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_visible (window))
            return window;
        }
      g_main_context_iteration (NULL, FALSE);
    }

  g_error ("no file chooser came up");
}

static guint
n_filters (GtkWidget *chooser)
{
  g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));

  return g_list_model_get_n_items (filters);
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
respond (GtkWidget *chooser,
         int        response)
{
  gtk_dialog_response (GTK_DIALOG (chooser), response);
}
G_GNUC_END_IGNORE_DEPRECATIONS

static void
test_chooser (void)
{
  g_autoptr(ReachDb) db = new_db ();
  g_autofree char *path = reach_test_file ("data", "import-dialog", "leeds-libraries-3.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog = reach_import_dialog_new (NULL, db, REACH_IMPORT_PLACES);
  GtkWidget *chooser;

  /* Dismissing the first question closes the dialog. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  chooser = wait_for_chooser ();
  g_assert_cmpuint (n_filters (chooser), ==, 3);   /* CSV and GeoJSON, CSV, GeoJSON */
  respond (chooser, GTK_RESPONSE_CANCEL);
  wait_for_close (&dialog);
  g_assert_null (dialog);

  /* A chosen file is read at once. */
  dialog = reach_import_dialog_new (NULL, db, REACH_IMPORT_PLACES);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  chooser = wait_for_chooser ();
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, &error));
  g_assert_no_error (error);
  /* The chooser selects the file once it has loaded the folder. */
  for (gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC; g_get_monotonic_time () < end;)
    {
      g_autoptr(GFile) selected = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (selected != NULL && g_file_equal (selected, file))
        break;
      g_main_context_iteration (NULL, FALSE);
    }
  respond (chooser, GTK_RESPONSE_ACCEPT);
  g_assert_cmpstr (wait_for_page (dialog), ==, "summary");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (dialog, "count_label"))), ==, "3");

  /* From the summary, "Choose Another File" asks again; dismissing keeps the dialog. */
  gtk_widget_activate_action (dialog, "import.choose", NULL);
  chooser = wait_for_chooser ();
  respond (chooser, GTK_RESPONSE_CANCEL);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (wait_for_page (dialog), ==, "summary");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Areas come from GeoJSON only. */
  dialog = reach_import_dialog_new (NULL, db, REACH_IMPORT_AREAS);
  gtk_window_present (GTK_WINDOW (dialog));
  chooser = wait_for_chooser ();
  g_assert_cmpuint (n_filters (chooser), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (count_places (db), ==, 0);
}

/* The window's picture once it has been laid out and drawn: under a busy
 * Xvfb the first frame can take a while, so ask again until there is one. */
static GskRenderNode *
window_node (GtkWidget *window)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      if (gtk_widget_get_mapped (window) && gtk_widget_get_width (window) > 100)
        {
          g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
          GskRenderNode *node;

          gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (window),
                                  gtk_widget_get_height (window));
          node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
          if (node != NULL)
            return node;
        }
    }

  g_assert_not_reached ();
}

static void
save_png (GtkWidget  *window,
          const char *name)
{
  const char *dir = g_getenv ("REACH_SCREENSHOT_DIR");
  g_autofree char *tmp = dir == NULL ? reach_test_tmpdir () : NULL;
  g_autofree char *path = g_build_filename (dir != NULL ? dir : tmp, name, NULL);
  g_autoptr(GskRenderNode) node = window_node (window);
  g_autoptr(GdkTexture) texture = NULL;

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0,
                                                              gtk_widget_get_width (window),
                                                              gtk_widget_get_height (window)));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (window));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);
}

static gboolean
timeout_done (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
settle (void)
{
  gboolean done = FALSE;

  g_timeout_add (400, timeout_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
shoot (ReachDb         *db,
       ReachImportKind  kind,
       const char      *file,
       const char      *expected_page,
       const char      *png)
{
  GtkWidget *dialog = reach_import_dialog_new (NULL, db, kind);
  g_autofree char *path = g_path_is_absolute (file) ? g_strdup (file)
                          : reach_test_file ("data", "import-dialog", file, NULL);

  reach_import_dialog_set_file (REACH_IMPORT_DIALOG (dialog), path);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpstr (wait_for_page (dialog), !=, "progress");
  if (expected_page != NULL)
    g_assert_cmpstr (reach_import_dialog_get_page (REACH_IMPORT_DIALOG (dialog)), ==, expected_page);
  settle ();
  save_png (dialog, png);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
screenshots (AdwColorScheme  scheme,
             const char     *suffix)
{
  g_autoptr(ReachDb) db = new_db ();
  g_autofree char *summary = g_strdup_printf ("import-summary-%s.png", suffix);
  g_autofree char *areas = g_strdup_printf ("import-areas-%s.png", suffix);
  g_autofree char *error = g_strdup_printf ("import-error-%s.png", suffix);
  g_autofree char *choose = g_strdup_printf ("import-choose-%s.png", suffix);
  g_autofree char *progress = g_strdup_printf ("import-progress-%s.png", suffix);
  g_autofree char *many = write_big_csv (N_MANY * 5);
  g_autofree char *unrecognised = write_unrecognised_wards ();
  g_autofree char *problem = g_strdup_printf ("import-areas-problem-%s.png", suffix);
  GtkWidget *dialog;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);

  shoot (db, REACH_IMPORT_PLACES, "leeds-libraries-3.csv", "summary", summary);
  shoot (db, REACH_IMPORT_AREAS, "leeds-wards-2.geojson", "summary", areas);
  shoot (db, REACH_IMPORT_PLACES, "broken.csv", "error", error);
  /* a summary asking for the code property, or the error page */
  shoot (db, REACH_IMPORT_AREAS, unrecognised, NULL, problem);

  /* Reading a big file: most likely still on the progress page when drawn. */
  dialog = reach_import_dialog_new (NULL, db, REACH_IMPORT_PLACES);
  reach_import_dialog_set_file (REACH_IMPORT_DIALOG (dialog), many);
  gtk_window_present (GTK_WINDOW (dialog));
  save_png (dialog, progress);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The first page, as seen behind the file chooser. */
  dialog = reach_import_dialog_new (NULL, db, REACH_IMPORT_PLACES);
  gtk_widget_realize (dialog);
  gtk_widget_set_visible (dialog, TRUE);
  settle ();
  save_png (dialog, choose);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_screenshots (void)
{
  screenshots (ADW_COLOR_SCHEME_FORCE_LIGHT, "light");
  screenshots (ADW_COLOR_SCHEME_FORCE_DARK, "dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/import-dialog/places-csv", test_places_csv);
  g_test_add_func ("/import-dialog/broken-csv", test_broken_csv);
  g_test_add_func ("/import-dialog/areas-geojson", test_areas_geojson);
  g_test_add_func ("/import-dialog/areas-choose-properties", test_areas_choose_properties);
  g_test_add_func ("/import-dialog/chooser", test_chooser);
  g_test_add_func ("/import-dialog/stop", test_stop);
  g_test_add_func ("/import-dialog/close-during-commit", test_close_during_commit);
  g_test_add_func ("/import-dialog/screenshots", test_screenshots);

  return g_test_run ();
}
