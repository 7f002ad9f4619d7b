/* reach-group-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Edits a copy of a community group.  Save stays insensitive while the form
 * would not pass reach_group_validate(); the database has the last word and
 * its message is shown at the top.  The status is not edited here: it is
 * computed from activities.
 */
#define G_LOG_DOMAIN "reach-group-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "reach-area.h"
#include "reach-check-list.h"
#include "reach-classification.h"
#include "reach-confirm.h"
#include "reach-engagement-format.h"
#include "reach-group-editor.h"

/* Positions in the "Location" combo row. */
enum {
  WHERE_ANYWHERE,
  WHERE_POINT,
  WHERE_AREAS,
  WHERE_POINT_AND_AREAS,
};

struct _ReachGroupEditor
{
  AdwWindow            parent_instance;

  ReachDb             *db;
  ReachGroup          *group;        /* the copy being edited */
  GtkWidget           *categories;   /* ReachCheckList */
  GtkWidget           *areas;        /* ReachCheckList */

  gboolean             filling;       /* fill_form() is setting the fields */
  gboolean             name_touched;  /* the name is only flagged once typed in */

  AdwWindowTitle      *window_title;
  GtkWidget           *save_button;
  AdwPreferencesGroup *failure_group;
  GtkLabel            *failure_label;
  AdwEntryRow         *name_row;
  AdwEntryRow         *description_row;
  GtkLabel            *name_message;
  AdwPreferencesGroup *characteristics_group;
  AdwPreferencesGroup *where_group;
  AdwComboRow         *where_row;
  AdwEntryRow         *lat_row;
  AdwEntryRow         *lon_row;
  GtkLabel            *where_message;
  AdwPreferencesGroup *areas_group;
  AdwPreferencesGroup *status_group;
  AdwActionRow        *status_row;
  GtkImage            *status_icon;
  AdwPreferencesGroup *delete_group;
};

G_DEFINE_FINAL_TYPE (ReachGroupEditor, reach_group_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* Accepts "53.8" and, for people whose locale writes it so, "53,8". */
static gboolean
parse_double (AdwEntryRow *row,
              double      *value)
{
  g_autofree char *text = g_strdelimit (row_text (row), ",", '.');
  char *end = NULL;

  if (*text == '\0')
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*value);
}

static void
set_message (GtkLabel   *label,
             const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static void
mark (AdwEntryRow *row,
      gboolean     bad)
{
  if (bad)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static gboolean
where_has_point (guint where)
{
  return where == WHERE_POINT || where == WHERE_POINT_AND_AREAS;
}

static gboolean
where_has_areas (guint where)
{
  return where == WHERE_AREAS || where == WHERE_POINT_AND_AREAS;
}

/* Copies the form into self->group; returns whether it may be saved and
 * shows what is wrong beside the fields. */
static gboolean
read_form (ReachGroupEditor *self)
{
  ReachGroup *group = self->group;
  guint where = adw_combo_row_get_selected (self->where_row);
  g_autoptr(GArray) area_ids = NULL;
  g_autoptr(GArray) category_ids = NULL;
  g_autoptr(GError) error = NULL;
  gboolean coords_ok = TRUE;
  gboolean ok = TRUE;

  g_free (group->name);
  group->name = row_text (self->name_row);
  g_free (group->description);
  group->description = row_text (self->description_row);
  if (*group->description == '\0')
    g_clear_pointer (&group->description, g_free);

  if (*group->name == '\0')
    ok = FALSE;
  set_message (self->name_message, *group->name == '\0' && self->name_touched
                                   ? _("A community group needs a name") : NULL);
  mark (self->name_row, *group->name == '\0' && self->name_touched);

  group->has_point = where_has_point (where);
  gtk_widget_set_visible (GTK_WIDGET (self->lat_row), group->has_point);
  gtk_widget_set_visible (GTK_WIDGET (self->lon_row), group->has_point);
  gtk_widget_set_visible (GTK_WIDGET (self->areas_group), where_has_areas (where));
  if (group->has_point)
    coords_ok = parse_double (self->lat_row, &group->lat)
                && parse_double (self->lon_row, &group->lon)
                && group->lat >= -90 && group->lat <= 90
                && group->lon >= -180 && group->lon <= 180;
  mark (self->lat_row, !coords_ok);
  mark (self->lon_row, !coords_ok);
  set_message (self->where_message,
               coords_ok ? NULL
                         : _("Latitude is a number from −90 to 90 and longitude from −180 to 180, such as 53.7997 and −1.5492"));
  ok = ok && coords_ok;

  g_array_set_size (group->area_ids, 0);
  if (where_has_areas (where))
    {
      area_ids = reach_check_list_get_selected (REACH_CHECK_LIST (self->areas));
      for (guint i = 0; i < area_ids->len; i++)
        reach_group_add_area (group, g_array_index (area_ids, gint64, i));
    }

  g_array_set_size (group->category_ids, 0);
  category_ids = reach_check_list_get_selected (REACH_CHECK_LIST (self->categories));
  for (guint i = 0; i < category_ids->len; i++)
    reach_group_add_category (group, g_array_index (category_ids, gint64, i));

  return ok && reach_group_validate (group, &error);
}

static void
on_changed (ReachGroupEditor *self)
{
  /* Reading a half-filled form would overwrite the record with blanks. */
  if (self->filling)
    return;
  gtk_widget_set_sensitive (self->save_button, read_form (self));
}

static void show_failure (ReachGroupEditor *self,
                          const char       *message);

static void
on_name_changed (ReachGroupEditor *self)
{
  self->name_touched = TRUE;
  on_changed (self);
}

/* The status is computed, so the editor only shows it, with the evidence. */
static void
show_status (ReachGroupEditor *self)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  ReachGroupReach reach = { 0 };
  g_autofree char *evidence = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->delete_group), self->group->id != 0);
  if (self->group->id == 0
      || !reach_groups_get_reach (self->db, self->group->id, today, &reach, NULL))
    return;

  evidence = reach_group_evidence_text (&reach);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row),
                                 reach_group_status_label (reach.status));
  adw_action_row_set_subtitle (self->status_row, evidence);
  gtk_image_set_from_icon_name (self->status_icon, reach_group_status_icon (reach.status));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), reach_group_status_css (reach.status));
  gtk_widget_set_visible (GTK_WIDGET (self->status_group), TRUE);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    ReachGroupEditor *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = self->group->id;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!reach_groups_delete (self->db, id, &error))
    {
      show_failure (self, error->message);
      return;
    }
  g_signal_emit (self, signals[DELETED], 0, id);
  /* The dialog closes after this handler: let go of the editor first. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_delete_clicked (ReachGroupEditor *self)
{
  reach_confirm_delete (GTK_WINDOW (self), _("Delete Community Group?"),
                        _("Its members stay as contacts and its activities stay; "
                          "only the group and who belongs to it are removed."),
                        G_CALLBACK (on_delete_response), self);
}

static void
show_failure (ReachGroupEditor *self,
              const char       *message)
{
  gtk_label_set_text (self->failure_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->failure_group), TRUE);
}

static void
on_save_clicked (ReachGroupEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!read_form (self))
    return;

  if (self->group->id == 0)
    ok = reach_groups_insert (self->db, self->group, &error);
  else
    ok = reach_groups_update (self->db, self->group, &error);

  if (!ok)
    {
      show_failure (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, self->group);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
contains_id (GArray *ids,
             gint64  id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
fill_categories (ReachGroupEditor *self)
{
  g_autoptr(GPtrArray) characteristics = NULL;
  g_autoptr(GError) error = NULL;
  ReachCheckList *list = REACH_CHECK_LIST (self->categories);

  characteristics = reach_characteristics_list (self->db, &error);
  if (characteristics == NULL)
    {
      reach_check_list_set_empty_text (list, error->message);
      return;
    }

  /* Two passes: the group's own categories first, where they are seen. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < characteristics->len; i++)
      {
        ReachCharacteristic *characteristic = g_ptr_array_index (characteristics, i);
        g_autoptr(GPtrArray) categories = reach_categories_list (self->db, characteristic->key, NULL);

        for (guint j = 0; categories != NULL && j < categories->len; j++)
          {
            ReachCategory *category = g_ptr_array_index (categories, j);
            gboolean chosen = contains_id (self->group->category_ids, category->id);

            if (category->is_prefer_not || chosen != (pass == 0))
              continue;
            reach_check_list_append (list, category->id, category->label, characteristic->label,
                                     chosen);
          }
      }
}

static void
fill_areas (ReachGroupEditor *self)
{
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GError) error = NULL;
  ReachCheckList *list = REACH_CHECK_LIST (self->areas);

  areas = reach_areas_list (self->db, -1, &error);
  if (areas == NULL)
    {
      reach_check_list_set_empty_text (list, error->message);
      return;
    }

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < areas->len; i++)
      {
        ReachArea *area = g_ptr_array_index (areas, i);
        gboolean chosen = contains_id (self->group->area_ids, area->id);
        g_autofree char *subtitle = NULL;

        if (chosen != (pass == 0))
          continue;
        subtitle = g_strdup_printf ("%s · %s", reach_area_level_label (area->level), area->code);
        reach_check_list_append (list, area->id, area->name != NULL ? area->name : area->code,
                                 subtitle, chosen);
      }
}

static char *
format_coordinate (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.6f", value));
}

static void
fill_form (ReachGroupEditor *self)
{
  ReachGroup *group = self->group;
  gboolean has_areas = group->area_ids != NULL && group->area_ids->len > 0;
  guint where = WHERE_ANYWHERE;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), group->name != NULL ? group->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                         group->description != NULL ? group->description : "");
  if (group->has_point)
    {
      g_autofree char *lat = format_coordinate (group->lat);
      g_autofree char *lon = format_coordinate (group->lon);

      gtk_editable_set_text (GTK_EDITABLE (self->lat_row), lat);
      gtk_editable_set_text (GTK_EDITABLE (self->lon_row), lon);
    }

  if (group->has_point && has_areas)
    where = WHERE_POINT_AND_AREAS;
  else if (group->has_point)
    where = WHERE_POINT;
  else if (has_areas)
    where = WHERE_AREAS;
  adw_combo_row_set_selected (self->where_row, where);

  fill_categories (self);
  fill_areas (self);
}

static void
reach_group_editor_dispose (GObject *object)
{
  ReachGroupEditor *self = REACH_GROUP_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), REACH_TYPE_GROUP_EDITOR);
  g_clear_object (&self->group);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (reach_group_editor_parent_class)->dispose (object);
}

static void
reach_group_editor_class_init (ReachGroupEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reach_group_editor_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, REACH_TYPE_GROUP);
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reachmap/Reach/reach-group-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ReachGroupEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, ReachGroupEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, ReachGroupEditor, failure_group);
  gtk_widget_class_bind_template_child (widget_class, ReachGroupEditor, failure_label);
  gtk_widget_class_bind_template_child (widget_class, ReachGroupEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, ReachGroupEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, ReachGroupEditor, name_message);
  gtk_widget_class_bind_template_child (widget_class, ReachGroupEditor, characteristics_group);
  gtk_widget_class_bind_template_child (widget_class, ReachGroupEditor, where_group);
  gtk_widget_class_bind_template_child (widget_class, ReachGroupEditor, where_row);
  gtk_widget_class_bind_template_child (widget_class, ReachGroupEditor, lat_row);
  gtk_widget_class_bind_template_child (widget_class, ReachGroupEditor, lon_row);
  gtk_widget_class_bind_template_child (widget_class, ReachGroupEditor, where_message);
  gtk_widget_class_bind_template_child (widget_class, ReachGroupEditor, areas_group);
  gtk_widget_class_bind_template_child (widget_class, ReachGroupEditor, status_group);
  gtk_widget_class_bind_template_child (widget_class, ReachGroupEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, ReachGroupEditor, status_icon);
  gtk_widget_class_bind_template_child (widget_class, ReachGroupEditor, delete_group);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
reach_group_editor_init (ReachGroupEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Enter in a text field saves, when the form may be saved. */
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);

  self->categories = reach_check_list_new (_("Search categories"));
  reach_check_list_set_empty_text (REACH_CHECK_LIST (self->categories),
                                   _("This workspace has no classifications"));
  adw_preferences_group_add (self->characteristics_group, self->categories);

  self->areas = reach_check_list_new (_("Search areas"));
  reach_check_list_set_empty_text (REACH_CHECK_LIST (self->areas),
                                   _("This workspace has no areas yet: import boundaries first"));
  adw_preferences_group_add (self->areas_group, self->areas);
}

GtkWidget *
reach_group_editor_new (GtkWindow  *parent,
                        ReachDb    *db,
                        ReachGroup *group)
{
  ReachGroupEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (REACH_IS_DB (db), NULL);
  g_return_val_if_fail (group == NULL || REACH_IS_GROUP (group), NULL);

  self = g_object_new (REACH_TYPE_GROUP_EDITOR, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->group = group != NULL ? reach_group_copy (group) : reach_group_new ();

  if (group != NULL)
    {
      adw_window_title_set_title (self->window_title, _("Edit Community Group"));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Community Group"));
    }

  self->filling = TRUE;
  fill_form (self);
  self->filling = FALSE;
  g_signal_connect_object (self->categories, "changed", G_CALLBACK (on_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->areas, "changed", G_CALLBACK (on_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (on_name_changed), self,
                           G_CONNECT_SWAPPED);
  self->name_touched = group != NULL;
  on_changed (self);
  show_status (self);

  return GTK_WIDGET (self);
}

gboolean
reach_group_editor_can_save (ReachGroupEditor *self)
{
  g_return_val_if_fail (REACH_IS_GROUP_EDITOR (self), FALSE);

  return gtk_widget_get_sensitive (self->save_button);
}
