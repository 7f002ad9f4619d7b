/* reach-feedback-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Stub so the window can integrate the page; the real page follows.
 */
#define G_LOG_DOMAIN "reach-feedback-view"

#include "config.h"

#include <glib/gi18n.h>

#include "reach-feedback-view.h"

struct _ReachFeedbackView
{
  GtkWidget  parent_instance;

  ReachDb   *db;
  GtkWidget *status_page;
};

G_DEFINE_FINAL_TYPE (ReachFeedbackView, reach_feedback_view, GTK_TYPE_WIDGET)

static void
reach_feedback_view_dispose (GObject *object)
{
  ReachFeedbackView *self = REACH_FEEDBACK_VIEW (object);

  g_clear_pointer (&self->status_page, gtk_widget_unparent);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (reach_feedback_view_parent_class)->dispose (object);
}

static void
reach_feedback_view_class_init (ReachFeedbackViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reach_feedback_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
reach_feedback_view_init (ReachFeedbackView *self)
{
  self->status_page = adw_status_page_new ();
  adw_status_page_set_title (ADW_STATUS_PAGE (self->status_page), _("Coming Soon"));
  gtk_widget_set_parent (self->status_page, GTK_WIDGET (self));
}

GtkWidget *
reach_feedback_view_new (void)
{
  return g_object_new (REACH_TYPE_FEEDBACK_VIEW, NULL);
}

void
reach_feedback_view_set_db (ReachFeedbackView *self,
                        ReachDb        *db)
{
  g_return_if_fail (REACH_IS_FEEDBACK_VIEW (self));
  g_return_if_fail (db == NULL || REACH_IS_DB (db));

  g_set_object (&self->db, db);
}
