/* reach-groups-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The community groups page: each group with its status as computed by the
 * core (reach_groups_get_reach), shown as a word, an icon and a colour so
 * that colour is never the only signal, and the evidence behind it.  The
 * rule itself is shown under the search, in the core's words.
 */
#define G_LOG_DOMAIN "reach-groups-view"

#include "config.h"

#include <glib/gi18n.h>

#include "reach-engagement-format.h"
#include "reach-group-editor.h"
#include "reach-group.h"
#include "reach-groups-view.h"

struct _ReachGroupsView
{
  GtkWidget       parent_instance;

  ReachDb        *db;

  GtkWidget      *box;
  GtkSearchEntry *search_entry;
  GtkLabel       *rule_label;
  GtkWidget      *add_button;
  GtkStack       *stack;
  GtkListBox     *list_box;
  AdwStatusPage  *empty_page;
};

G_DEFINE_FINAL_TYPE (ReachGroupsView, reach_groups_view, GTK_TYPE_WIDGET)

static GtkWidget *
status_badge (ReachGroupStatus status)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *image = gtk_image_new_from_icon_name (reach_group_status_icon (status));
  GtkWidget *label = gtk_label_new (reach_group_status_label (status));

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (box, "group-status");
  gtk_widget_add_css_class (box, reach_group_status_css (status));
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  reach_group_status_label (status), -1);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static GtkWidget *
group_row (ReachGroup            *group,
           const ReachGroupReach *reach)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *evidence = reach_group_evidence_text (reach);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), group->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), evidence);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_badge (reach->status));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "group-id",
                          g_memdup2 (&group->id, sizeof group->id), g_free);
  gtk_widget_add_css_class (row, "group-row");
  return row;
}

static void
clear_rows (ReachGroupsView *self)
{
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, row);
}

static void
show_empty (ReachGroupsView *self,
            const char      *title,
            const char      *description)
{
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
refresh (ReachGroupsView *self)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  clear_rows (self);
  gtk_widget_set_sensitive (self->add_button, self->db != NULL);

  if (self->db == NULL)
    {
      show_empty (self, _("No Workspace"), _("Open a workspace to see its community groups"));
      return;
    }

  groups = reach_groups_list (self->db, search, &error);
  if (groups == NULL)
    {
      show_empty (self, _("Community Groups Could Not Be Read"), error->message);
      return;
    }

  for (guint i = 0; i < groups->len; i++)
    {
      ReachGroup *group = g_ptr_array_index (groups, i);
      ReachGroupReach reach = { 0 };
      g_autoptr(GError) reach_error = NULL;

      if (!reach_groups_get_reach (self->db, group->id, today, &reach, &reach_error))
        {
          g_warning ("Status of group %" G_GINT64_FORMAT ": %s", group->id, reach_error->message);
          reach.status = REACH_GROUP_STATUS_NOT_YET_REACHED;
        }
      gtk_list_box_append (self->list_box, group_row (group, &reach));
    }

  if (groups->len > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (*search != '\0')
    show_empty (self, _("No Matching Groups"), _("Try a different search"));
  else
    show_empty (self, _("No Community Groups"),
                _("Add the populations and communities of interest the service means to reach"));
}

static void
on_search_changed (ReachGroupsView *self)
{
  refresh (self);
}

static void
on_saved (ReachGroupsView *self)
{
  refresh (self);
}

static void
open_editor (ReachGroupsView *self,
             ReachGroup      *group)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *editor;

  editor = reach_group_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   self->db, group);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_saved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "deleted", G_CALLBACK (on_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_add_clicked (ReachGroupsView *self)
{
  if (self->db != NULL)
    open_editor (self, NULL);
}

static void
on_row_activated (ReachGroupsView *self,
                  GtkListBoxRow   *row)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "group-id");
  g_autoptr(ReachGroup) group = NULL;
  g_autoptr(GError) error = NULL;

  group = reach_groups_get (self->db, id, &error);
  if (group == NULL)
    {
      g_warning ("Group %" G_GINT64_FORMAT ": %s", id, error->message);
      refresh (self);
      return;
    }
  open_editor (self, group);
}

/* Other pages change what this one shows (a saved activity changes a
 * group's status), so it is read again each time it comes on screen. */
static void
reach_groups_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (reach_groups_view_parent_class)->map (widget);

  refresh (REACH_GROUPS_VIEW (widget));
}

static void
reach_groups_view_dispose (GObject *object)
{
  ReachGroupsView *self = REACH_GROUPS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), REACH_TYPE_GROUPS_VIEW);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (reach_groups_view_parent_class)->dispose (object);
}

static void
reach_groups_view_class_init (ReachGroupsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reach_groups_view_dispose;
  widget_class->map = reach_groups_view_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reachmap/Reach/reach-groups-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ReachGroupsView, box);
  gtk_widget_class_bind_template_child (widget_class, ReachGroupsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ReachGroupsView, rule_label);
  gtk_widget_class_bind_template_child (widget_class, ReachGroupsView, add_button);
  gtk_widget_class_bind_template_child (widget_class, ReachGroupsView, stack);
  gtk_widget_class_bind_template_child (widget_class, ReachGroupsView, list_box);
  gtk_widget_class_bind_template_child (widget_class, ReachGroupsView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "groupsview");
}

static void
reach_groups_view_init (ReachGroupsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_label_set_text (self->rule_label, reach_group_status_rule_text ());
  refresh (self);
}

GtkWidget *
reach_groups_view_new (void)
{
  return g_object_new (REACH_TYPE_GROUPS_VIEW, NULL);
}

void
reach_groups_view_set_db (ReachGroupsView *self,
                          ReachDb         *db)
{
  g_return_if_fail (REACH_IS_GROUPS_VIEW (self));
  g_return_if_fail (db == NULL || REACH_IS_DB (db));

  g_set_object (&self->db, db);
  /* A page out of sight is read when it is shown (see map). */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}
