/* reach-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-application"

#include "config.h"

#include <glib/gi18n.h>

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
reach_application_class_init (ReachApplicationClass *klass)
{
  G_APPLICATION_CLASS (klass)->activate = reach_application_activate;
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
