/* reach-preferences.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "reach-preferences.h"
#include "reach-presentation.h"
#include "reach-suppress.h"

struct _ReachPreferences
{
  AdwPreferencesWindow parent_instance;

  ReachDb       *db;

  AdwActionRow  *threshold_row;
  GtkSpinButton *threshold_spin;
  AdwPreferencesGroup *views_group;
  GPtrArray     *view_rows;   /* the rows in views_group, to clear them */
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

static void load_views (ReachPreferences *self);

static gboolean
reload_views_idle (gpointer data)
{
  ReachPreferences *self = data;

  if (self->view_rows != NULL)
    load_views (self);
  return G_SOURCE_REMOVE;
}

/* Changes the saved views and shows them again; on failure they stay as
 * they were, and the window says why. */
static void
edit_views (ReachPreferences *self,
            guint             index,
            const char       *new_name)
{
  g_autoptr(GPtrArray) bookmarks = NULL;
  g_autoptr(GError) error = NULL;

  bookmarks = reach_bookmarks_load (self->db, &error);
  if (bookmarks != NULL && index < bookmarks->len)
    {
      if (new_name != NULL)
        {
          ReachBookmark *bookmark = g_ptr_array_index (bookmarks, index);

          g_free (bookmark->name);
          bookmark->name = g_strdup (new_name);
        }
      else
        g_ptr_array_remove_index (bookmarks, index);
      reach_bookmarks_save (self->db, bookmarks, &error);
    }
  if (error != NULL)
    show_error (self, error);
  /* not now: the row that asked is still handling its click */
  g_idle_add_full (G_PRIORITY_DEFAULT, reload_views_idle, g_object_ref (self), g_object_unref);
}

static void
on_view_apply (AdwEntryRow      *row,
               ReachPreferences *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index"));

  if (*name != '\0')
    edit_views (self, index, name);
}

static void
on_view_remove (GtkButton        *button,
                ReachPreferences *self)
{
  edit_views (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")), NULL);
}

static GtkWidget *
view_row (ReachPreferences    *self,
          const ReachBookmark *bookmark,
          guint                index)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  /* where it looks, since the name is the user's */
  g_autofree char *title = g_strdup_printf (_("%u. Zoom %.0f, centred on %.3f, %.3f"), index + 1,
                                            bookmark->zoom, bookmark->lat, bookmark->lon);
  g_autofree char *tooltip = g_strdup_printf (_("Remove “%s”"), bookmark->name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), bookmark->name);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (index));
  g_signal_connect (row, "apply", G_CALLBACK (on_view_apply), self);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data (G_OBJECT (remove), "index", GUINT_TO_POINTER (index));
  g_signal_connect (remove, "clicked", G_CALLBACK (on_view_remove), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  return row;
}

static void
load_views (ReachPreferences *self)
{
  g_autoptr(GPtrArray) bookmarks = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->view_rows->len; i++)
    adw_preferences_group_remove (self->views_group, g_ptr_array_index (self->view_rows, i));
  g_ptr_array_set_size (self->view_rows, 0);

  bookmarks = reach_bookmarks_load (self->db, &error);
  if (bookmarks == NULL)
    {
      show_error (self, error);
      return;
    }

  for (guint i = 0; i < bookmarks->len; i++)
    g_ptr_array_add (self->view_rows, view_row (self, g_ptr_array_index (bookmarks, i), i));
  if (bookmarks->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No saved views yet"));
      gtk_widget_add_css_class (row, "dim-label");
      g_ptr_array_add (self->view_rows, row);
    }
  for (guint i = 0; i < self->view_rows->len; i++)
    adw_preferences_group_add (self->views_group, g_ptr_array_index (self->view_rows, i));
}

guint
reach_preferences_get_n_views (ReachPreferences *self)
{
  g_return_val_if_fail (REACH_IS_PREFERENCES (self), 0);

  for (guint i = 0; i < self->view_rows->len; i++)
    if (ADW_IS_ENTRY_ROW (g_ptr_array_index (self->view_rows, i)))
      return self->view_rows->len;
  return 0;
}

void
reach_preferences_remove_view (ReachPreferences *self,
                               guint             index)
{
  g_return_if_fail (REACH_IS_PREFERENCES (self));
  edit_views (self, index, NULL);
}

void
reach_preferences_rename_view (ReachPreferences *self,
                               guint             index,
                               const char       *name)
{
  g_return_if_fail (REACH_IS_PREFERENCES (self));
  g_return_if_fail (index < self->view_rows->len);

  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (self->view_rows, index)), name);
  g_signal_emit_by_name (g_ptr_array_index (self->view_rows, index), "apply");
}

static void
reach_preferences_dispose (GObject *object)
{
  ReachPreferences *self = REACH_PREFERENCES (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), REACH_TYPE_PREFERENCES);
  g_clear_object (&self->db);
  g_clear_pointer (&self->view_rows, g_ptr_array_unref);

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
  gtk_widget_class_bind_template_child (widget_class, ReachPreferences, views_group);
}

static void
reach_preferences_init (ReachPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->view_rows = g_ptr_array_new ();
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
  load_views (self);
  return GTK_WIDGET (self);
}

GtkSpinButton *
reach_preferences_get_threshold_spin (ReachPreferences *self)
{
  g_return_val_if_fail (REACH_IS_PREFERENCES (self), NULL);
  return self->threshold_spin;
}
