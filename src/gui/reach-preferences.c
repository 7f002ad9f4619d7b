/* reach-preferences.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "reach-preferences.h"
#include "reach-suppress.h"

struct _ReachPreferences
{
  AdwPreferencesWindow parent_instance;

  ReachDb       *db;

  AdwActionRow  *threshold_row;
  GtkSpinButton *threshold_spin;
};

G_DEFINE_FINAL_TYPE (ReachPreferences, reach_preferences, ADW_TYPE_PREFERENCES_WINDOW)

static void
show_error (ReachPreferences *self,
            const GError     *error)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static void
update_subtitle (ReachPreferences *self,
                 int               threshold)
{
  /* says in words what the number does, as the board will read it */
  g_autofree char *subtitle = g_strdup_printf (_("Counts from 1 to %d are shown as “fewer than %d”"),
                                               threshold - 1, threshold);

  adw_action_row_set_subtitle (self->threshold_row, subtitle);
}

static void
on_threshold_changed (ReachPreferences *self)
{
  g_autoptr(GError) error = NULL;
  int threshold = gtk_spin_button_get_value_as_int (self->threshold_spin);

  update_subtitle (self, threshold);
  if (self->db == NULL)
    return;
  if (!reach_suppress_set_threshold (self->db, threshold, &error))
    show_error (self, error);
}

static void
load_threshold (ReachPreferences *self)
{
  g_autoptr(GError) error = NULL;
  int threshold = reach_suppress_get_threshold (self->db, &error);

  if (threshold < 0)
    {
      show_error (self, error);
      threshold = REACH_SUPPRESS_DEFAULT_THRESHOLD;
    }

  /* a value set elsewhere (reach-cli) outside 2–20 is shown clamped, and
   * only written back if the user changes it */
  g_signal_handlers_block_by_func (self->threshold_spin, on_threshold_changed, self);
  gtk_spin_button_set_value (self->threshold_spin, CLAMP (threshold, 2, 20));
  g_signal_handlers_unblock_by_func (self->threshold_spin, on_threshold_changed, self);
  update_subtitle (self, gtk_spin_button_get_value_as_int (self->threshold_spin));
}

static void
reach_preferences_dispose (GObject *object)
{
  ReachPreferences *self = REACH_PREFERENCES (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), REACH_TYPE_PREFERENCES);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (reach_preferences_parent_class)->dispose (object);
}

static void
reach_preferences_class_init (ReachPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reach_preferences_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reachmap/Reach/reach-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, ReachPreferences, threshold_row);
  gtk_widget_class_bind_template_child (widget_class, ReachPreferences, threshold_spin);
}

static void
reach_preferences_init (ReachPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->threshold_spin, "value-changed",
                            G_CALLBACK (on_threshold_changed), self);
}

GtkWidget *
reach_preferences_new (GtkWindow *parent,
                       ReachDb   *db)
{
  ReachPreferences *self;

  g_return_val_if_fail (REACH_IS_DB (db), NULL);

  self = g_object_new (REACH_TYPE_PREFERENCES, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  load_threshold (self);
  return GTK_WIDGET (self);
}

GtkSpinButton *
reach_preferences_get_threshold_spin (ReachPreferences *self)
{
  g_return_val_if_fail (REACH_IS_PREFERENCES (self), NULL);
  return self->threshold_spin;
}
