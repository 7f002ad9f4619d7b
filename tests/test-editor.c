/* test-editor.c — the place editor: validation as you type, save, cancel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb.  The last case renders the editor to PNG in light and dark
 * styles, into $REACH_SCREENSHOT_DIR when set, else into a scratch folder.
 */
#include "config.h"

#include <adwaita.h>

#include "reach-place-editor.h"
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

/* Spins the main loop until the window is gone, for at most two seconds. */
static void
wait_for_close (GtkWidget **window)
{
  gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  while (*window != NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
child (GtkWidget  *editor,
       const char *id)
{
  GObject *object = gtk_widget_get_template_child (editor, REACH_TYPE_PLACE_EDITOR, id);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_type (c, type);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
set_text (GtkWidget  *editor,
          const char *id,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (editor, id)), text);
}

static gboolean
save_sensitive (GtkWidget *editor)
{
  gboolean sensitive = gtk_widget_is_sensitive (child (editor, "save_button"));

  g_assert_cmpint (sensitive, ==, reach_place_editor_can_save (REACH_PLACE_EDITOR (editor)));
  return sensitive;
}

static void
on_saved (GtkWidget   *editor,
          ReachPlace  *place,
          ReachPlace **out)
{
  g_set_object (out, place);
}

static void
test_new_place_validation (void)
{
  g_autoptr(ReachDb) db = new_db ();
  GtkWidget *editor = reach_place_editor_new (NULL, db, NULL, 53.7997, -1.5492);
  GtkWidget *lat_row = child (editor, "lat_row");
  GtkLabel *message = GTK_LABEL (child (editor, "location_message"));

  gtk_window_present (GTK_WINDOW (editor));

  /* Coordinates come from the click; the name is missing. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lat_row)), ==, "53.799700");
  g_assert_false (save_sensitive (editor));

  set_text (editor, "name_row", "Armley Library");
  g_assert_true (save_sensitive (editor));

  set_text (editor, "name_row", "   ");
  g_assert_false (save_sensitive (editor));
  g_assert_true (gtk_widget_has_css_class (child (editor, "name_row"), "error"));
  set_text (editor, "name_row", "Armley Library");

  set_text (editor, "lat_row", "95");
  g_assert_true (gtk_widget_has_css_class (lat_row, "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_cmpstr (gtk_label_get_text (message), ==, "Latitude must be between −90 and 90");
  g_assert_false (save_sensitive (editor));

  set_text (editor, "lat_row", "north");
  g_assert_false (save_sensitive (editor));

  set_text (editor, "lat_row", "53,7971");
  g_assert_false (gtk_widget_has_css_class (lat_row, "error"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_true (save_sensitive (editor));

  set_text (editor, "website_row", "leeds.gov.uk/libraries");
  g_assert_true (gtk_widget_has_css_class (child (editor, "website_row"), "error"));
  g_assert_false (save_sensitive (editor));
  set_text (editor, "website_row", "");

  set_text (editor, "capacity_row", "-3");
  g_assert_false (save_sensitive (editor));
  set_text (editor, "capacity_row", "");

  /* Neither asset nor venue is not a place Reach can keep. */
  gtk_switch_set_active (GTK_SWITCH (child (editor, "asset_switch")), FALSE);
  g_assert_false (save_sensitive (editor));
  gtk_switch_set_active (GTK_SWITCH (child (editor, "venue_switch")), TRUE);
  g_assert_true (save_sensitive (editor));

  /* Enter in a field does not save an invalid form. */
  set_text (editor, "lon_row", "200");
  gtk_widget_activate_default (child (editor, "name_row"));
  g_assert_true (gtk_widget_get_visible (editor));

  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_new_place_save (void)
{
  g_autoptr(ReachDb) db = new_db ();
  g_autoptr(ReachPlace) saved = NULL;
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor = reach_place_editor_new (NULL, db, NULL, 53.79712679, -1.58821026);
  ReachPlace *back;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_signal_connect (editor, "saved", G_CALLBACK (on_saved), &saved);
  gtk_window_present (GTK_WINDOW (editor));

  g_assert_false (gtk_widget_get_visible (child (editor, "access_group")));
  gtk_switch_set_active (GTK_SWITCH (child (editor, "venue_switch")), TRUE);
  g_assert_true (gtk_widget_get_visible (child (editor, "access_group")));

  set_text (editor, "name_row", "Armley Library");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (editor, "category_row")),
                              REACH_PLACE_CATEGORY_INSTITUTION);
  set_text (editor, "address_row", "2 Stock's Hill, Armley");
  set_text (editor, "postcode_row", "LS12 1UQ");
  set_text (editor, "hours_row", "Mon 10:00-19:00");
  set_text (editor, "capacity_row", "40");
  set_text (editor, "website_row", "http://leeds.gov.uk/libraries");
  set_text (editor, "email_row", "libraryenquiries@leeds.gov.uk");
  /* The combo rows list Not known, Yes, No. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_named (editor, "step_free")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_named (editor, "hearing_loop")), 2);
  g_assert_true (save_sensitive (editor));

  /* A button's keyboard activation shows it pressed for a moment first. */
  gtk_widget_activate (child (editor, "save_button"));
  wait_for_close (&editor);

  g_assert_nonnull (saved);
  g_assert_null (editor);   /* closed after saving */
  g_assert_cmpint (saved->id, >, 0);

  places = reach_places_list (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (places->len, ==, 1);
  back = g_ptr_array_index (places, 0);
  g_assert_cmpint (back->id, ==, saved->id);
  g_assert_cmpstr (back->name, ==, "Armley Library");
  g_assert_cmpint (back->category, ==, REACH_PLACE_CATEGORY_INSTITUTION);
  g_assert_true (back->is_asset);
  g_assert_true (back->is_venue);
  g_assert_cmpstr (back->address, ==, "2 Stock's Hill, Armley");
  g_assert_cmpstr (back->postcode, ==, "LS12 1UQ");
  g_assert_cmpstr (back->opening_hours, ==, "Mon 10:00-19:00");
  g_assert_cmpint (back->capacity, ==, 40);
  g_assert_cmpstr (back->website, ==, "http://leeds.gov.uk/libraries");
  g_assert_cmpstr (back->email, ==, "libraryenquiries@leeds.gov.uk");
  g_assert_null (back->phone);
  g_assert_null (back->description);
  /* The exact click position is kept, not the six decimals shown. */
  g_assert_cmpfloat_with_epsilon (back->lat, 53.79712679, 1e-9);
  g_assert_cmpfloat_with_epsilon (back->lon, -1.58821026, 1e-9);
  g_assert_cmpint (back->access[REACH_ACCESS_STEP_FREE], ==, REACH_TRISTATE_YES);
  g_assert_cmpint (back->access[REACH_ACCESS_HEARING_LOOP], ==, REACH_TRISTATE_NO);
  g_assert_cmpint (back->access[REACH_ACCESS_LIFT], ==, REACH_TRISTATE_UNKNOWN);
}

static ReachPlace *
insert_place (ReachDb *db)
{
  ReachPlace *place = reach_place_new ();
  g_autoptr(GError) error = NULL;

  place->name = g_strdup ("Beeston Library");
  place->category = REACH_PLACE_CATEGORY_INSTITUTION;
  place->is_venue = TRUE;
  place->lat = 53.7724673973112;
  place->lon = -1.56656358708149;
  place->postcode = g_strdup ("LS11 8PN");
  place->capacity = 25;
  place->access[REACH_ACCESS_LIFT] = REACH_TRISTATE_YES;
  g_assert_true (reach_places_insert (db, place, &error));
  g_assert_no_error (error);
  return place;
}

static void
test_edit_cancel (void)
{
  g_autoptr(ReachDb) db = new_db ();
  g_autoptr(ReachPlace) place = insert_place (db);
  g_autoptr(ReachPlace) saved = NULL;
  g_autoptr(ReachPlace) back = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor = reach_place_editor_new (NULL, db, place, 0, 0);

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_signal_connect (editor, "saved", G_CALLBACK (on_saved), &saved);
  gtk_window_present (GTK_WINDOW (editor));

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (editor, "name_row"))), ==, "Beeston Library");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (editor, "capacity_row"))), ==, "25");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_named (editor, "lift"))), ==, 1);
  g_assert_true (save_sensitive (editor));

  set_text (editor, "name_row", "Somewhere else");
  set_text (editor, "capacity_row", "99");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_named (editor, "lift")), 2);
  gtk_widget_activate (child (editor, "cancel_button"));
  wait_for_close (&editor);

  g_assert_null (editor);
  g_assert_null (saved);
  g_assert_cmpstr (place->name, ==, "Beeston Library");
  g_assert_cmpint (place->access[REACH_ACCESS_LIFT], ==, REACH_TRISTATE_YES);

  back = reach_places_get (db, place->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->name, ==, "Beeston Library");
  g_assert_cmpint (back->capacity, ==, 25);
  g_assert_cmpint (back->access[REACH_ACCESS_LIFT], ==, REACH_TRISTATE_YES);
}

static void
test_edit_save (void)
{
  g_autoptr(ReachDb) db = new_db ();
  g_autoptr(ReachPlace) place = insert_place (db);
  g_autoptr(ReachPlace) saved = NULL;
  g_autoptr(ReachPlace) back = NULL;
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor = reach_place_editor_new (NULL, db, place, 0, 0);

  g_signal_connect (editor, "saved", G_CALLBACK (on_saved), &saved);
  gtk_window_present (GTK_WINDOW (editor));

  set_text (editor, "name_row", "Beeston Library and Community Hub");
  set_text (editor, "capacity_row", "");
  gtk_widget_activate_action (editor, "editor.save", NULL);

  g_assert_nonnull (saved);
  g_assert_cmpint (saved->id, ==, place->id);
  g_assert_cmpstr (place->name, ==, "Beeston Library");   /* the caller's object */

  back = reach_places_get (db, place->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->name, ==, "Beeston Library and Community Hub");
  g_assert_cmpint (back->capacity, ==, -1);
  /* Untouched coordinates keep every digit. */
  g_assert_cmpfloat (back->lat, ==, 53.7724673973112);
  g_assert_cmpfloat (back->lon, ==, -1.56656358708149);
  g_assert_cmpstr (back->postcode, ==, "LS11 8PN");

  places = reach_places_list (db, NULL, &error);
  g_assert_cmpuint (places->len, ==, 1);
}

static void
test_escape_cancels (void)
{
  g_autoptr(ReachDb) db = new_db ();
  GtkWidget *editor = reach_place_editor_new (NULL, db, NULL, 53.8, -1.55);

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_present (GTK_WINDOW (editor));
  set_text (editor, "name_row", "Not kept");
  gtk_widget_activate_action (editor, "editor.cancel", NULL);
  g_assert_null (editor);
}

/* A place that comes in with a bad value says why Save is grey at once. */
static void
test_bad_value_shown (void)
{
  g_autoptr(ReachDb) db = new_db ();
  g_autoptr(ReachPlace) place = reach_place_new ();
  GtkWidget *editor;
  GtkLabel *message;

  place->name = g_strdup ("Leeds Central Library & <Archive>");   /* plain text, not markup */
  place->lat = 53.8007;
  place->lon = -1.5491;
  place->website = g_strdup ("leeds.gov.uk/libraries");
  editor = reach_place_editor_new (NULL, db, place, 0, 0);
  message = GTK_LABEL (child (editor, "contact_message"));
  gtk_window_present (GTK_WINDOW (editor));

  g_assert_false (save_sensitive (editor));
  g_assert_true (gtk_widget_has_css_class (child (editor, "website_row"), "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_cmpstr (gtk_label_get_text (message), ==, "A website starts with https://");

  set_text (editor, "website_row", "https://www.leeds.gov.uk/libraries");
  g_assert_true (save_sensitive (editor));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_enter_saves (void)
{
  g_autoptr(ReachDb) db = new_db ();
  g_autoptr(ReachPlace) saved = NULL;
  GtkWidget *editor = reach_place_editor_new (NULL, db, NULL, 53.8, -1.55);

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_signal_connect (editor, "saved", G_CALLBACK (on_saved), &saved);
  gtk_window_present (GTK_WINDOW (editor));

  set_text (editor, "name_row", "Horsforth Library");
  /* Enter in the name field: its text widget's "activate" keybinding. */
  g_signal_emit_by_name (find_type (child (editor, "name_row"), GTK_TYPE_TEXT), "activate");
  wait_for_close (&editor);

  g_assert_null (editor);
  g_assert_nonnull (saved);
  g_assert_cmpstr (saved->name, ==, "Horsforth Library");
}

static void
test_database_refuses (void)
{
  g_autoptr(ReachDb) db = new_db ();
  g_autoptr(ReachPlace) place = insert_place (db);
  g_autoptr(ReachPlace) saved = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor = reach_place_editor_new (NULL, db, place, 0, 0);
  GtkWidget *failure = child (editor, "failure_group");

  g_signal_connect (editor, "saved", G_CALLBACK (on_saved), &saved);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_false (gtk_widget_get_visible (failure));

  /* Someone else deleted the place while it was open. */
  g_assert_true (reach_places_delete (db, place->id, &error));
  g_assert_no_error (error);
  gtk_widget_activate_action (editor, "editor.save", NULL);

  g_assert_null (saved);
  g_assert_true (gtk_widget_get_visible (failure));
  g_test_message ("failure: %s", gtk_label_get_text (GTK_LABEL (child (editor, "failure_label"))));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (child (editor, "failure_label"))),
                                   "The place was not saved: "));
  g_assert_true (gtk_widget_get_visible (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* Tab from the name visits every field, switch and choice in the form. */
static void
test_tab_order (void)
{
  g_autoptr(ReachDb) db = new_db ();
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GtkWidget *editor = reach_place_editor_new (NULL, db, NULL, 53.8, -1.55);
  const char *ids[] = {
    "name_row", "category_row", "asset_switch", "venue_switch", "address_row",
    "postcode_row", "lat_row", "lon_row", "description_row", "hours_row",
    "capacity_row", "website_row", "phone_row", "email_row", "cancel_button",
  };

  gtk_switch_set_active (GTK_SWITCH (child (editor, "venue_switch")), TRUE);
  gtk_window_present (GTK_WINDOW (editor));
  wait_ms (100);
  gtk_widget_grab_focus (child (editor, "name_row"));

  for (guint i = 0; i < 200; i++)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (editor));

      for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
        g_hash_table_add (seen, w);
      gtk_widget_child_focus (editor, GTK_DIR_TAB_FORWARD);
    }

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    if (!g_hash_table_contains (seen, child (editor, ids[i])))
      g_error ("Tab never reaches %s", ids[i]);

  for (guint i = 0; i < REACH_N_ACCESS; i++)
    if (!g_hash_table_contains (seen, find_named (editor, reach_access_column (i))))
      g_error ("Tab never reaches %s", reach_access_column (i));

  gtk_window_destroy (GTK_WINDOW (editor));
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

static void
scroll_to_end (GtkWidget *window)
{
  GtkWidget *scrolled = find_type (window, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
  wait_ms (300);
}

static void
screenshot (AdwColorScheme  scheme,
            const char     *suffix)
{
  g_autoptr(ReachDb) db = new_db ();
  g_autoptr(ReachPlace) place = insert_place (db);
  GtkWidget *editor;
  g_autofree char *name = NULL;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);

  editor = reach_place_editor_new (NULL, db, NULL, 53.7997, -1.5492);
  gtk_window_set_default_size (GTK_WINDOW (editor), 520, 1000);
  gtk_window_present (GTK_WINDOW (editor));
  set_text (editor, "name_row", "Armley Library");
  set_text (editor, "lat_row", "95");
  set_text (editor, "website_row", "leeds.gov.uk");
  wait_ms (400);
  name = g_strdup_printf ("editor-new-%s.png", suffix);
  save_png (editor, name);
  gtk_window_destroy (GTK_WINDOW (editor));

  editor = reach_place_editor_new (NULL, db, place, 0, 0);
  gtk_window_set_default_size (GTK_WINDOW (editor), 520, 1700);
  gtk_window_present (GTK_WINDOW (editor));
  wait_ms (400);
  g_free (name);
  name = g_strdup_printf ("editor-venue-%s.png", suffix);
  save_png (editor, name);
  scroll_to_end (editor);
  g_free (name);
  name = g_strdup_printf ("editor-venue-end-%s.png", suffix);
  save_png (editor, name);
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_screenshots (void)
{
  screenshot (ADW_COLOR_SCHEME_FORCE_LIGHT, "light");
  screenshot (ADW_COLOR_SCHEME_FORCE_DARK, "dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/editor/new-place-validation", test_new_place_validation);
  g_test_add_func ("/editor/new-place-save", test_new_place_save);
  g_test_add_func ("/editor/edit-cancel", test_edit_cancel);
  g_test_add_func ("/editor/edit-save", test_edit_save);
  g_test_add_func ("/editor/escape-cancels", test_escape_cancels);
  g_test_add_func ("/editor/bad-value-shown", test_bad_value_shown);
  g_test_add_func ("/editor/enter-saves", test_enter_saves);
  g_test_add_func ("/editor/database-refuses", test_database_refuses);
  g_test_add_func ("/editor/tab-order", test_tab_order);
  g_test_add_func ("/editor/screenshots", test_screenshots);

  return g_test_run ();
}
