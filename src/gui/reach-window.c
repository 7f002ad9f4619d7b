/* reach-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-window"

#include "config.h"

#include <glib/gi18n.h>
#include <shumate/shumate.h>

#include "reach-window.h"

struct _ReachWindow
{
  AdwApplicationWindow parent_instance;

  ShumateSimpleMap    *map;
};

G_DEFINE_FINAL_TYPE (ReachWindow, reach_window, ADW_TYPE_APPLICATION_WINDOW)

static void
reach_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), REACH_TYPE_WINDOW);
  G_OBJECT_CLASS (reach_window_parent_class)->dispose (object);
}

static void
reach_window_class_init (ReachWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reach_window_dispose;

  g_type_ensure (SHUMATE_TYPE_SIMPLE_MAP);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reachmap/Reach/reach-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ReachWindow, map);
}

static void
reach_window_init (ReachWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ReachWindow *
reach_window_new (ReachApplication *app)
{
  return g_object_new (REACH_TYPE_WINDOW, "application", app, NULL);
}
