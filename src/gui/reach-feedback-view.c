/* reach-feedback-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "you said, we did" page: what people raised at activities, what was
 * done about it and whether they were told.  Three filters, as the core
 * names them: still open, done but never fed back, and all.  Each filter's
 * button carries its count, so a backlog shows without switching to it.
 */
#define G_LOG_DOMAIN "reach-feedback-view"

#include "config.h"

#include <glib/gi18n.h>

#include "reach-feedback.h"

#include "reach-activity.h"
#include "reach-engagement-format.h"
#include "reach-feedback-editor.h"
#include "reach-feedback-view.h"

struct _ReachFeedbackView
{
  GtkWidget        parent_instance;

  ReachDb         *db;

  GtkWidget       *box;
  GtkToggleButton *open_button;
  GtkToggleButton *not_fed_back_button;
  GtkToggleButton *all_button;
  GtkLabel        *open_label;
  GtkLabel        *not_fed_back_label;
  GtkLabel        *all_label;
  GtkWidget       *add_button;
  GtkLabel        *filter_label;
  GtkDropDown     *activity_dropdown;
  GArray          *activity_ids;   /* gint64 per drop-down position; 0 first (any) */
  gboolean         filling;        /* the drop-down is being refilled */
  GtkStack        *stack;
  GtkListBox      *list_box;
  AdwStatusPage   *empty_page;
};

G_DEFINE_FINAL_TYPE (ReachFeedbackView, reach_feedback_view, GTK_TYPE_WIDGET)

static ReachFeedbackFilter
current_filter (ReachFeedbackView *self)
{
  if (gtk_toggle_button_get_active (self->not_fed_back_button))
    return REACH_FEEDBACK_FILTER_NOT_FED_BACK;
  if (gtk_toggle_button_get_active (self->all_button))
    return REACH_FEEDBACK_FILTER_ALL;
  return REACH_FEEDBACK_FILTER_STILL_OPEN;
}

static const char *
status_icon (ReachFeedbackStatus status)
{
  switch (status)
    {
    case REACH_FEEDBACK_FED_BACK:
      return "mail-replied-symbolic";
    case REACH_FEEDBACK_DONE:
      return "emblem-ok-symbolic";
    case REACH_FEEDBACK_IN_PROGRESS:
      return "emblem-synchronizing-symbolic";
    case REACH_FEEDBACK_OPEN:
    case REACH_N_FEEDBACK_STATUSES:
    default:
      return "chat-message-new-symbolic";
    }
}

static GtkWidget *
status_badge (ReachFeedbackStatus status)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *image = gtk_image_new_from_icon_name (status_icon (status));

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (box, "feedback-status");
  if (status == REACH_FEEDBACK_DONE)
    gtk_widget_add_css_class (box, "warning");
  else if (status == REACH_FEEDBACK_FED_BACK)
    gtk_widget_add_css_class (box, "success");
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  reach_feedback_status_label (status), -1);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), gtk_label_new (reach_feedback_status_label (status)));
  return box;
}

/* "We did: …" and under it "Chapeltown drop-in, 12 March 2026 · fed back 2 April 2026 by letter" */
static char *
feedback_subtitle (ReachFeedback *feedback,
                   GHashTable    *activities)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  ReachActivity *activity = g_hash_table_lookup (activities, &feedback->activity_id);
  g_autofree char *we_did = NULL;
  g_autofree char *details = NULL;

  if (feedback->we_did != NULL)
    we_did = g_strdup_printf (_("We did: %s"), feedback->we_did);
  if (activity != NULL)
    {
      g_autofree char *date = reach_format_human_date (activity->starts_at);

      g_ptr_array_add (parts, date != NULL ? g_strdup_printf ("%s, %s", activity->title, date)
                                           : g_strdup (activity->title));
    }
  if (feedback->decided_at != NULL)
    {
      g_autofree char *date = reach_format_human_date (feedback->decided_at);

      g_ptr_array_add (parts, g_strdup_printf (_("decided %s"), date));
    }
  if (feedback->fed_back_at != NULL)
    {
      g_autofree char *date = reach_format_human_date (feedback->fed_back_at);

      g_ptr_array_add (parts, feedback->fed_back_how != NULL
                              ? g_strdup_printf (_("fed back %s by %s"), date, feedback->fed_back_how)
                              : g_strdup_printf (_("fed back %s"), date));
    }
  g_ptr_array_add (parts, NULL);
  details = g_strjoinv (" · ", (char **) parts->pdata);

  /* What was done on its own line; where and when it came from below. */
  if (we_did == NULL)
    return g_steal_pointer (&details);
  if (*details == '\0')
    return g_steal_pointer (&we_did);
  return g_strdup_printf ("%s\n%s", we_did, details);
}

static GtkWidget *
feedback_row (ReachFeedback *feedback,
              GHashTable    *activities)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = feedback_subtitle (feedback, activities);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), feedback->you_said);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_badge (feedback->status));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "feedback-id",
                          g_memdup2 (&feedback->id, sizeof feedback->id), g_free);
  return row;
}

static GHashTable *
activities_by_id (ReachDb *db)
{
  GHashTable *table = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  g_autoptr(GPtrArray) activities = reach_activities_list (db, NULL, NULL);

  for (guint i = 0; activities != NULL && i < activities->len; i++)
    {
      ReachActivity *activity = g_ptr_array_index (activities, i);

      g_hash_table_insert (table, &activity->id, g_object_ref (activity));
    }
  return table;
}

static void
set_button_count (GtkLabel   *button_label,
                  const char *label,
                  gint64      n)
{
  g_autofree char *text = n >= 0 ? g_strdup_printf ("%s (%" G_GINT64_FORMAT ")", label, n)
                                 : g_strdup (label);

  gtk_label_set_text (button_label, text);
}

static gint64
current_activity (ReachFeedbackView *self)
{
  guint pos = gtk_drop_down_get_selected (self->activity_dropdown);

  return pos < self->activity_ids->len ? g_array_index (self->activity_ids, gint64, pos) : 0;
}

static gint64
count_items (ReachDb               *db,
             ReachFeedbackFilter  filter,
             gint64                 activity_id)
{
  g_autoptr(GPtrArray) items = db != NULL ? reach_feedback_list (db, filter, activity_id, NULL) : NULL;

  return items != NULL ? (gint64) items->len : -1;
}

static const char *
filter_description (ReachFeedbackFilter filter)
{
  switch (filter)
    {
    case REACH_FEEDBACK_FILTER_STILL_OPEN:
      return _("Raised and not yet dealt with: open or in progress");
    case REACH_FEEDBACK_FILTER_NOT_FED_BACK:
      return _("Done, but the people who raised it were never told");
    case REACH_FEEDBACK_FILTER_ALL:
    default:
      return _("Everything people said, and what was done about it");
    }
}

static void
update_counts (ReachFeedbackView *self)
{
  gint64 activity_id = current_activity (self);

  set_button_count (self->open_label, _("Still Open"),
                    count_items (self->db, REACH_FEEDBACK_FILTER_STILL_OPEN, activity_id));
  set_button_count (self->not_fed_back_label, _("Not Fed Back"),
                    count_items (self->db, REACH_FEEDBACK_FILTER_NOT_FED_BACK, activity_id));
  set_button_count (self->all_label, _("All"),
                    count_items (self->db, REACH_FEEDBACK_FILTER_ALL, activity_id));
}

/* "Any activity" and then every activity, newest first, keeping the choice. */
static void
fill_activities (ReachFeedbackView *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) activities = NULL;
  gint64 chosen = current_activity (self);
  gint64 any = 0;
  guint selected = 0;

  g_array_set_size (self->activity_ids, 0);
  gtk_string_list_append (labels, _("Any activity"));
  g_array_append_val (self->activity_ids, any);
  if (self->db != NULL)
    activities = reach_activities_list (self->db, NULL, NULL);
  for (guint i = 0; activities != NULL && i < activities->len; i++)
    {
      ReachActivity *activity = g_ptr_array_index (activities, i);
      g_autofree char *date = reach_format_human_date (activity->starts_at);
      g_autofree char *label = date != NULL ? g_strdup_printf ("%s, %s", activity->title, date)
                                            : g_strdup (activity->title);

      if (activity->id == chosen)
        selected = self->activity_ids->len;
      gtk_string_list_append (labels, label);
      g_array_append_val (self->activity_ids, activity->id);
    }

  self->filling = TRUE;
  gtk_drop_down_set_model (self->activity_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->activity_dropdown, selected);
  self->filling = FALSE;
}

static void
show_empty (ReachFeedbackView *self,
            const char        *title,
            const char        *description)
{
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
show_nothing_in (ReachFeedbackView     *self,
                 ReachFeedbackFilter  filter)
{
  switch (filter)
    {
    case REACH_FEEDBACK_FILTER_STILL_OPEN:
      show_empty (self, _("Nothing Still Open"), _("Everything raised has been dealt with"));
      break;
    case REACH_FEEDBACK_FILTER_NOT_FED_BACK:
      show_empty (self, _("Nothing Waiting to Be Fed Back"),
                  _("Everything done has been fed back to the people who raised it"));
      break;
    case REACH_FEEDBACK_FILTER_ALL:
    default:
      show_empty (self, _("No Feedback Yet"),
                  _("Record what people raise at activities, and what was done about it"));
      break;
    }
}

static void
refresh (ReachFeedbackView *self)
{
  ReachFeedbackFilter filter = current_filter (self);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) activities = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, row);
  gtk_widget_set_sensitive (self->add_button, self->db != NULL);
  update_counts (self);
  gtk_label_set_text (self->filter_label, filter_description (filter));

  if (self->db == NULL)
    {
      show_empty (self, _("No Workspace"), _("Open a workspace to see what people said"));
      return;
    }

  items = reach_feedback_list (self->db, filter, current_activity (self), &error);
  if (items == NULL)
    {
      show_empty (self, _("Feedback Could Not Be Read"), error->message);
      return;
    }
  if (items->len == 0)
    {
      show_nothing_in (self, filter);
      return;
    }

  activities = activities_by_id (self->db);
  for (guint i = 0; i < items->len; i++)
    gtk_list_box_append (self->list_box, feedback_row (g_ptr_array_index (items, i), activities));
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
on_activity_changed (ReachFeedbackView *self)
{
  if (!self->filling)
    refresh (self);
}

static void
on_filter_toggled (ReachFeedbackView *self,
                   GtkToggleButton   *button)
{
  /* Both the button going off and the one coming on report; act once. */
  if (gtk_toggle_button_get_active (button))
    refresh (self);
}

static void
on_saved (ReachFeedbackView *self)
{
  refresh (self);
}

static void
open_editor (ReachFeedbackView *self,
             ReachFeedback     *feedback)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *editor;

  editor = reach_feedback_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      self->db, feedback, current_activity (self));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_saved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "deleted", G_CALLBACK (on_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_add_clicked (ReachFeedbackView *self)
{
  if (self->db != NULL)
    open_editor (self, NULL);
}

static void
on_row_activated (ReachFeedbackView *self,
                  GtkListBoxRow     *row)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "feedback-id");
  g_autoptr(ReachFeedback) feedback = NULL;
  g_autoptr(GError) error = NULL;

  feedback = reach_feedback_get (self->db, id, &error);
  if (feedback == NULL)
    {
      g_warning ("Feedback %" G_GINT64_FORMAT ": %s", id, error->message);
      refresh (self);
      return;
    }
  open_editor (self, feedback);
}

/* Other pages change what this one shows (a saved activity changes a
 * group's status), so it is read again each time it comes on screen. */
static void
reach_feedback_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (reach_feedback_view_parent_class)->map (widget);

  fill_activities (REACH_FEEDBACK_VIEW (widget));
  refresh (REACH_FEEDBACK_VIEW (widget));
}

static void
reach_feedback_view_dispose (GObject *object)
{
  ReachFeedbackView *self = REACH_FEEDBACK_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), REACH_TYPE_FEEDBACK_VIEW);
  g_clear_object (&self->db);
  g_clear_pointer (&self->activity_ids, g_array_unref);

  G_OBJECT_CLASS (reach_feedback_view_parent_class)->dispose (object);
}

static void
reach_feedback_view_class_init (ReachFeedbackViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reach_feedback_view_dispose;
  widget_class->map = reach_feedback_view_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reachmap/Reach/reach-feedback-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ReachFeedbackView, box);
  gtk_widget_class_bind_template_child (widget_class, ReachFeedbackView, open_button);
  gtk_widget_class_bind_template_child (widget_class, ReachFeedbackView, not_fed_back_button);
  gtk_widget_class_bind_template_child (widget_class, ReachFeedbackView, all_button);
  gtk_widget_class_bind_template_child (widget_class, ReachFeedbackView, open_label);
  gtk_widget_class_bind_template_child (widget_class, ReachFeedbackView, not_fed_back_label);
  gtk_widget_class_bind_template_child (widget_class, ReachFeedbackView, all_label);
  gtk_widget_class_bind_template_child (widget_class, ReachFeedbackView, add_button);
  gtk_widget_class_bind_template_child (widget_class, ReachFeedbackView, filter_label);
  gtk_widget_class_bind_template_child (widget_class, ReachFeedbackView, activity_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_activity_changed);
  gtk_widget_class_bind_template_child (widget_class, ReachFeedbackView, stack);
  gtk_widget_class_bind_template_child (widget_class, ReachFeedbackView, list_box);
  gtk_widget_class_bind_template_child (widget_class, ReachFeedbackView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "feedbackview");
}

static void
setup_ellipsized (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_ellipsized (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (string));
}

static void
reach_feedback_view_init (ReachFeedbackView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->activity_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Activity titles are long: the button ellipsizes, so a phone still fits. */
  g_signal_connect (factory, "setup", G_CALLBACK (setup_ellipsized), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_ellipsized), NULL);
  gtk_drop_down_set_factory (self->activity_dropdown, factory);
  fill_activities (self);
  refresh (self);
}

GtkWidget *
reach_feedback_view_new (void)
{
  return g_object_new (REACH_TYPE_FEEDBACK_VIEW, NULL);
}

void
reach_feedback_view_set_db (ReachFeedbackView *self,
                            ReachDb           *db)
{
  g_return_if_fail (REACH_IS_FEEDBACK_VIEW (self));
  g_return_if_fail (db == NULL || REACH_IS_DB (db));

  g_set_object (&self->db, db);
  /* A page out of sight is read when it is shown (see map). */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      fill_activities (self);
      refresh (self);
    }
}
