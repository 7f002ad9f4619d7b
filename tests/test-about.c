/* test-about.c — the About window, the shortcuts window and the app actions
 *
 * Runs under Xvfb. Set REACH_SCREENSHOT_DIR to keep the rendered PNGs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "reach-about.h"
#include "reach-application.h"
#include "reach-testutil.h"

#define HELP_OVERLAY_PATH "/io/github/reachmap/Reach/gtk/help-overlay.ui"

/* Every label's text under @widget, one a line. */
static void
collect_label_text (GtkWidget *widget,
                    GString   *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_label_text (child, out);
}

static void
wait_until_mapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (gtk_widget_get_mapped (widget));

  /* A few more turns so the first frame is laid out. */
  for (int i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

/* Renders @window in-process to a PNG and checks it has its size and some pixels. */
static void
render_to_png (GtkWidget  *window,
               const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *tmpdir = reach_test_tmpdir ();
  g_autofree char *path = NULL;
  const char *keep_dir = g_getenv ("REACH_SCREENSHOT_DIR");
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  GStatBuf st;

  g_assert_cmpint (width, >, 100);
  g_assert_cmpint (height, >, 100);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);

  path = g_build_filename (keep_dir != NULL ? keep_dir : tmpdir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 1000);
  if (keep_dir == NULL)
    g_unlink (path);
}

static void
test_about_window (void)
{
  GtkWidget *about = reach_about_window_new (NULL);
  AdwAboutWindow *aw = ADW_ABOUT_WINDOW (about);
  g_autoptr(GString) text = g_string_new (NULL);
  const char *expected[] = {
    "Base map and Horsforth community assets",
    "© OpenStreetMap contributors, ODbL",
    "Available under the Open Database Licence.",
    /* Verbatim, as the Open Government Licence attribution asks. */
    "Contains public sector information licensed under the Open Government Licence v3.0. "
    "Source: Office for National Statistics. "
    "Contains OS data © Crown copyright and database right 2021–2023.",
    "DCMS Libraries Taskforce, Public libraries in England: basic dataset",
    "GTK", "libadwaita", "libshumate", "SQLite", "json-glib", "libcsv",
  };

  g_assert_cmpstr (adw_about_window_get_application_name (aw), ==, "Reach");
  g_assert_cmpstr (adw_about_window_get_application_icon (aw), ==, APP_ID);
  g_assert_cmpstr (adw_about_window_get_version (aw), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_developer_name (aw), ==, "The Reach developers");
  g_assert_cmpstr (adw_about_window_get_website (aw), ==, "https://github.com/reachmap/reach");
  g_assert_cmpint (adw_about_window_get_license_type (aw), ==, GTK_LICENSE_GPL_3_0);
  g_assert_true (g_str_has_prefix (adw_about_window_get_debug_info (aw), "Reach " PACKAGE_VERSION "\n"));

  collect_label_text (about, text);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (text->str, expected[i]) == NULL)
      g_error ("About window lacks “%s”; it shows:\n%s", expected[i], text->str);

  gtk_window_present (GTK_WINDOW (about));
  wait_until_mapped (about);
  render_to_png (about, "about.png");

  gtk_widget_activate_action (about, "about.subpage", "s", "legal");
  wait_until_mapped (about);
  render_to_png (about, "about-legal.png");

  gtk_widget_activate_action (about, "about.back", NULL);
  gtk_widget_activate_action (about, "about.subpage", "s", "acknowledgements");
  wait_until_mapped (about);
  render_to_png (about, "about-acknowledgements.png");

  gtk_window_destroy (GTK_WINDOW (about));
}

/* The icons install into hicolor; the theme finds them there. */
static void
test_app_icon (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autofree char *icons = g_build_filename (g_getenv ("REACH_DATA_DIR"), "icons", NULL);

  g_assert_false (gtk_icon_theme_has_icon (theme, "io.github.reachmap.Reach-no-such-icon"));
  gtk_icon_theme_add_search_path (theme, icons);
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID "-symbolic"));
}

/* gtk_accelerator_name() of @accel, so "<ctrl>q" and "<Control>q" compare equal. */
static char *
normalise_accel (const char *accel)
{
  guint key = 0;
  GdkModifierType mods = 0;

  if (!gtk_accelerator_parse (accel, &key, &mods))
    g_error ("“%s” is not an accelerator", accel);
  return gtk_accelerator_name (key, mods);
}

/* Every accelerator the shortcuts window shows, normalised. */
static GPtrArray *
overlay_accels (GtkBuilder *builder)
{
  GPtrArray *accels = g_ptr_array_new_with_free_func (g_free);
  GSList *objects = gtk_builder_get_objects (builder);

  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *accel = NULL;
        g_auto(GStrv) each = NULL;

        g_object_get (l->data, "accelerator", &accel, NULL);
        each = g_strsplit (accel, " ", -1);
        for (guint i = 0; each[i] != NULL; i++)
          g_ptr_array_add (accels, normalise_accel (each[i]));
      }
  g_slist_free (objects);

  return accels;
}

static gboolean
has_accel (GPtrArray  *accels,
           const char *accel)
{
  g_autofree char *name = normalise_accel (accel);

  return g_ptr_array_find_with_equal_func (accels, name, g_str_equal, NULL);
}

static void
test_help_overlay (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GPtrArray) accels = NULL;
  GtkWidget *overlay;
  const char *expected[] = {
    "<ctrl>o", "<ctrl><shift>n", "<ctrl>i", "<ctrl>f", "Delete", "Escape",
    "F9", "<ctrl>question", "<ctrl>q", "<ctrl>w",
    /* the window's pages, bound in ReachWindow's class */
    "<alt>1", "<alt>2", "<alt>3", "<alt>4", "<alt>5",
  };

  bytes = g_resources_lookup_data (HELP_OVERLAY_PATH, 0, NULL);
  g_assert_nonnull (bytes);

  builder = gtk_builder_new_from_resource (HELP_OVERLAY_PATH);
  overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));

  accels = overlay_accels (builder);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (!has_accel (accels, expected[i]))
      g_error ("The shortcuts window does not show %s", expected[i]);

  gtk_window_present (GTK_WINDOW (overlay));
  wait_until_mapped (overlay);
  render_to_png (overlay, "shortcuts.png");
  gtk_window_destroy (GTK_WINDOW (overlay));
}

static void
assert_accel (GtkApplication *app,
              const char     *action,
              const char     *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, action);

  g_assert_nonnull (accels);
  if (!g_strv_contains ((const char * const *) accels, accel))
    g_error ("%s has no accelerator %s", action, accel);
}

static void
test_app_actions (void)
{
  g_autoptr(ReachApplication) app = reach_application_new ();
  g_autoptr(GError) error = NULL;
  GtkApplication *gapp = GTK_APPLICATION (app);
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  g_auto(GStrv) actions = NULL;
  GtkWidget *window;

  /* Other tests may hold the application id on the bus. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));
  assert_accel (gapp, "app.quit", "<Control>q");
  assert_accel (gapp, "window.close", "<Control>w");
  /* GtkApplication adds this only when it finds gtk/help-overlay.ui in the resource. */
  assert_accel (gapp, "win.show-help-overlay", "<Control>question");

  /* The shortcuts window shows every accelerator the application sets. */
  builder = gtk_builder_new_from_resource (HELP_OVERLAY_PATH);
  shown = overlay_accels (builder);
  actions = gtk_application_list_action_descriptions (gapp);
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (gapp, actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        if (!has_accel (shown, accels[j]))
          g_error ("%s has accelerator %s, which the shortcuts window does not show",
                   actions[i], accels[j]);
    }

  /* app.quit closes every window (gtk_window_close needs it realized). */
  window = gtk_window_new ();
  gtk_application_add_window (gapp, GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  wait_until_mapped (window);
  g_assert_nonnull (gtk_application_get_windows (gapp));
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_assert_null (gtk_application_get_windows (gapp));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* No transitions: screenshots show the page, not half a slide. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/about/app-icon", test_app_icon);
  g_test_add_func ("/about/window", test_about_window);
  g_test_add_func ("/about/help-overlay", test_help_overlay);
  g_test_add_func ("/about/app-actions", test_app_actions);

  return g_test_run ();
}
