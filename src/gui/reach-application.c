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
};

G_DEFINE_FINAL_TYPE (ReachApplication, reach_application, ADW_TYPE_APPLICATION)

static void
reach_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (reach_window_new (REACH_APPLICATION (app)));

  gtk_window_present (window);
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
reach_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (reach_application_parent_class)->startup (app);

  reach_application_add_actions (REACH_APPLICATION (app));
}

static void
reach_application_class_init (ReachApplicationClass *klass)
{
  G_APPLICATION_CLASS (klass)->activate = reach_application_activate;
  G_APPLICATION_CLASS (klass)->startup = reach_application_startup;
}

static void
reach_application_init (ReachApplication *self)
{
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
