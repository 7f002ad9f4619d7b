/* reach-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-application"

#include "config.h"

#include <glib/gi18n.h>

#include "reach-about.h"
#include "reach-application.h"
#include "reach-window.h"

struct _ReachApplication
{
  AdwApplication parent_instance;

  gboolean       demo;   /* --demo given to this, the primary, instance */
};

G_DEFINE_FINAL_TYPE (ReachApplication, reach_application, ADW_TYPE_APPLICATION)

/* One window per application: a workspace opened later replaces the one shown. */
static ReachWindow *
get_window (ReachApplication *self,
            gboolean         *created)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  *created = window == NULL;
  if (window == NULL)
    window = GTK_WINDOW (reach_window_new (self));

  return REACH_WINDOW (window);
}

static void
reach_application_activate (GApplication *app)
{
  gboolean created;
  ReachWindow *window = get_window (REACH_APPLICATION (app), &created);

  if (REACH_APPLICATION (app)->demo)
    reach_window_open_demo (window);
  else if (created)
    reach_window_restore_last (window);
  REACH_APPLICATION (app)->demo = FALSE;

  gtk_window_present (GTK_WINDOW (window));
}

static void
reach_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  gboolean created;
  ReachWindow *window = get_window (REACH_APPLICATION (app), &created);
  g_autofree char *path = n_files > 0 ? g_file_get_path (files[0]) : NULL;

  if (path != NULL)
    reach_window_open_workspace_or_report (window, path);
  else if (n_files > 0)
    g_warning ("Reach opens local workspace files only");

  if (n_files > 1)
    g_message ("Reach opens one workspace at a time; opened the first");

  gtk_window_present (GTK_WINDOW (window));
}

static void
open_demo_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  gboolean created;
  ReachWindow *window = get_window (REACH_APPLICATION (user_data), &created);

  reach_window_open_demo (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
reach_application_about (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  reach_about_show (gtk_application_get_active_window (GTK_APPLICATION (user_data)));
}

/* Close each window rather than quit outright, so close-request handlers
 * still save what they need to. */
static void
reach_application_quit (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));

  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { "about", reach_application_about },
  { "quit", reach_application_quit },
  { "open-demo", open_demo_action },
};

static void
reach_application_add_actions (ReachApplication *self)
{
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *close_accels[] = { "<Control>w", NULL };

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
}

static void
set_accels (GtkApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "win.search", { "<Control>f", NULL } },
    { "win.add-place", { "<Control>n", NULL } },
    { "win.new-workspace", { "<Control><Shift>n", NULL } },
    { "win.open-workspace", { "<Control>o", NULL } },
    { "win.import-places", { "<Control>i", NULL } },
    { "win.import-areas", { "<Control><Shift>i", NULL } },
    { "win.edit-place", { "<Control>e", NULL } },
    { "win.show-panel", { "F9", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.export-map", { "<Control><Shift>e", NULL } },
    { "win.preferences", { "<Control>comma", NULL } },
    { "win.present", { "F5", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);
}

static void
reach_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (reach_application_parent_class)->startup (app);

  reach_application_add_actions (REACH_APPLICATION (app));
  set_accels (GTK_APPLICATION (app));
}

/* --demo opens the demo here, or through an action in a Reach already running. */
static int
reach_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  g_autoptr(GError) error = NULL;

  if (!g_variant_dict_contains (options, "demo"))
    return -1;

  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (!g_application_get_is_remote (app))
    {
      REACH_APPLICATION (app)->demo = TRUE;
      return -1;
    }

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-demo", NULL);
  return 0;
}

static void
reach_application_class_init (ReachApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = reach_application_activate;
  app_class->open = reach_application_open;
  app_class->startup = reach_application_startup;
  app_class->handle_local_options = reach_application_handle_local_options;
}

static void
reach_application_init (ReachApplication *self)
{
  static const GOptionEntry options[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open the Leeds demo workspace"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), N_("[WORKSPACE.reach]"));
}

ReachApplication *
reach_application_new (void)
{
  return g_object_new (REACH_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/reachmap/Reach",
                       NULL);
}
