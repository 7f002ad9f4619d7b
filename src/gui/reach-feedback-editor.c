/* reach-feedback-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Edits a copy of one "you said, we did" item.  Save stays insensitive
 * while the form breaks a rule of reach_feedback_validate(), and the rule
 * that is broken is said in words under the form: an item marked fed back
 * needs the date and the way it was fed back.
 */
#define G_LOG_DOMAIN "reach-feedback-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "reach-feedback.h"

#include "reach-activity.h"
#include "reach-confirm.h"
#include "reach-engagement-format.h"
#include "reach-feedback-editor.h"

struct _ReachFeedbackEditor
{
  AdwWindow            parent_instance;

  ReachDb             *db;
  ReachFeedback       *feedback;      /* the copy being edited */
  GArray              *activity_ids;  /* gint64 per activity combo position */
  gboolean             touched;       /* the user typed what was raised */

  AdwWindowTitle      *window_title;
  GtkWidget           *save_button;
  AdwPreferencesGroup *failure_group;
  GtkLabel            *failure_label;
  AdwPreferencesGroup *delete_group;
  AdwComboRow         *activity_row;
  AdwEntryRow         *you_said_row;
  AdwEntryRow         *we_did_row;
  AdwEntryRow         *decided_row;
  AdwComboRow         *status_row;
  AdwEntryRow         *fed_back_row;
  AdwEntryRow         *how_row;
  GtkLabel            *message_label;
};

G_DEFINE_FINAL_TYPE (ReachFeedbackEditor, reach_feedback_editor, ADW_TYPE_WINDOW)

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

static char *
row_text_or_null (AdwEntryRow *row)
{
  char *text = row_text (row);

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
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

static void
add_problem (GString    *problems,
             const char *problem)
{
  if (problems->len > 0)
    g_string_append_c (problems, '\n');
  g_string_append (problems, problem);
}

/* A date row: empty gives NULL and TRUE; a bad date gives FALSE. */
static gboolean
read_date (AdwEntryRow  *row,
           GDateTime   **when)
{
  g_autofree char *text = row_text (row);

  *when = *text != '\0' ? reach_parse_iso_date (text) : NULL;
  mark (row, *text != '\0' && *when == NULL);
  return *text == '\0' || *when != NULL;
}

static gboolean
read_form (ReachFeedbackEditor *self)
{
  ReachFeedback *feedback = self->feedback;
  guint activity = adw_combo_row_get_selected (self->activity_row);
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GDateTime) decided = NULL;
  g_autoptr(GDateTime) fed_back = NULL;
  g_autoptr(GError) error = NULL;
  gboolean fed_back_status, decided_ok, fed_back_ok, dates_ok;

  feedback->activity_id = activity < self->activity_ids->len
                          ? g_array_index (self->activity_ids, gint64, activity) : 0;
  g_free (feedback->you_said);
  feedback->you_said = row_text_or_null (self->you_said_row);
  g_free (feedback->we_did);
  feedback->we_did = row_text_or_null (self->we_did_row);
  g_free (feedback->fed_back_how);
  feedback->fed_back_how = row_text_or_null (self->how_row);
  feedback->status = adw_combo_row_get_selected (self->status_row);
  fed_back_status = feedback->status == REACH_FEEDBACK_FED_BACK;

  decided_ok = read_date (self->decided_row, &decided);
  fed_back_ok = read_date (self->fed_back_row, &fed_back);
  dates_ok = decided_ok && fed_back_ok;
  reach_feedback_set_decided_at (feedback, decided);
  reach_feedback_set_fed_back_at (feedback, fed_back);

  if (self->activity_ids->len == 0)
    add_problem (problems, _("Feedback belongs to an activity: add the activity first"));
  if (feedback->you_said == NULL && self->touched)
    add_problem (problems, _("Say what was raised"));
  mark (self->you_said_row, feedback->you_said == NULL && self->touched);
  if (!dates_ok)
    add_problem (problems, _("Dates are written as year-month-day, such as 2026-03-12"));
  if (feedback->we_did == NULL && feedback->status >= REACH_FEEDBACK_DONE)
    add_problem (problems, _("Say what was done before marking it done"));
  mark (self->we_did_row, feedback->we_did == NULL && feedback->status >= REACH_FEEDBACK_DONE);
  if (fed_back_status && fed_back == NULL && dates_ok)
    add_problem (problems, _("Say when it was fed back"));
  if (fed_back_status && feedback->fed_back_how == NULL)
    add_problem (problems, _("Say how it was fed back, such as a letter or a meeting"));
  if (fed_back_status)
    {
      mark (self->fed_back_row, fed_back == NULL);
      mark (self->how_row, feedback->fed_back_how == NULL);
    }
  else
    mark (self->how_row, FALSE);

  gtk_label_set_text (self->message_label, problems->str);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), problems->len > 0);

  return dates_ok && reach_feedback_validate (feedback, &error);
}

static void
on_changed (ReachFeedbackEditor *self)
{
  /* The template connects before the form is filled in. */
  if (self->activity_ids == NULL)
    return;
  gtk_widget_set_sensitive (self->save_button, read_form (self));
}

static void
on_you_said_changed (ReachFeedbackEditor *self)
{
  self->touched = TRUE;
  on_changed (self);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    ReachFeedbackEditor *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = self->feedback->id;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!reach_feedback_delete (self->db, id, &error))
    {
      gtk_label_set_text (self->failure_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->failure_group), TRUE);
      return;
    }
  g_signal_emit (self, signals[DELETED], 0, id);
  /* The dialog closes after this handler: let go of the editor first. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_delete_clicked (ReachFeedbackEditor *self)
{
  reach_confirm_delete (GTK_WINDOW (self), _("Delete Feedback?"),
                        _("What was said and what was done about it are deleted."),
                        G_CALLBACK (on_delete_response), self);
}

static void
on_save_clicked (ReachFeedbackEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!read_form (self))
    return;

  if (self->feedback->id == 0)
    ok = reach_feedback_insert (self->db, self->feedback, &error);
  else
    ok = reach_feedback_update (self->db, self->feedback, &error);

  if (!ok)
    {
      gtk_label_set_text (self->failure_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->failure_group), TRUE);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, self->feedback);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
fill_activities (ReachFeedbackEditor *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) activities = reach_activities_list (self->db, NULL, NULL);
  guint selected = 0;

  for (guint i = 0; activities != NULL && i < activities->len; i++)
    {
      ReachActivity *activity = g_ptr_array_index (activities, i);
      g_autofree char *date = reach_format_human_date (activity->starts_at);
      g_autofree char *label = date != NULL ? g_strdup_printf ("%s (%s)", activity->title, date)
                                            : g_strdup (activity->title);

      if (activity->id == self->feedback->activity_id)
        selected = self->activity_ids->len;
      gtk_string_list_append (labels, label);
      g_array_append_val (self->activity_ids, activity->id);
    }
  adw_combo_row_set_model (self->activity_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->activity_row, selected);
}

static void
set_date_row (AdwEntryRow *row,
              GDateTime   *when)
{
  g_autofree char *text = when != NULL ? g_date_time_format (when, "%Y-%m-%d") : NULL;

  set_row_text (row, text);
}

static void
fill_form (ReachFeedbackEditor *self)
{
  ReachFeedback *feedback = self->feedback;
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  for (int i = 0; i < REACH_N_FEEDBACK_STATUSES; i++)
    gtk_string_list_append (statuses, reach_feedback_status_label (i));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  adw_combo_row_set_selected (self->status_row, feedback->status);

  set_row_text (self->you_said_row, feedback->you_said);
  set_row_text (self->we_did_row, feedback->we_did);
  set_row_text (self->how_row, feedback->fed_back_how);
  set_date_row (self->decided_row, feedback->decided_at);
  set_date_row (self->fed_back_row, feedback->fed_back_at);
}

static void
reach_feedback_editor_dispose (GObject *object)
{
  ReachFeedbackEditor *self = REACH_FEEDBACK_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), REACH_TYPE_FEEDBACK_EDITOR);
  g_clear_object (&self->feedback);
  g_clear_object (&self->db);
  g_clear_pointer (&self->activity_ids, g_array_unref);

  G_OBJECT_CLASS (reach_feedback_editor_parent_class)->dispose (object);
}

static void
reach_feedback_editor_class_init (ReachFeedbackEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reach_feedback_editor_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, REACH_TYPE_FEEDBACK);
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reachmap/Reach/reach-feedback-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ReachFeedbackEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, ReachFeedbackEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, ReachFeedbackEditor, failure_group);
  gtk_widget_class_bind_template_child (widget_class, ReachFeedbackEditor, failure_label);
  gtk_widget_class_bind_template_child (widget_class, ReachFeedbackEditor, delete_group);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);
  gtk_widget_class_bind_template_child (widget_class, ReachFeedbackEditor, activity_row);
  gtk_widget_class_bind_template_child (widget_class, ReachFeedbackEditor, you_said_row);
  gtk_widget_class_bind_template_child (widget_class, ReachFeedbackEditor, we_did_row);
  gtk_widget_class_bind_template_child (widget_class, ReachFeedbackEditor, decided_row);
  gtk_widget_class_bind_template_child (widget_class, ReachFeedbackEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, ReachFeedbackEditor, fed_back_row);
  gtk_widget_class_bind_template_child (widget_class, ReachFeedbackEditor, how_row);
  gtk_widget_class_bind_template_child (widget_class, ReachFeedbackEditor, message_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
reach_feedback_editor_init (ReachFeedbackEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Enter in a text field saves, when the form may be saved. */
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
}

GtkWidget *
reach_feedback_editor_new (GtkWindow     *parent,
                           ReachDb       *db,
                           ReachFeedback *feedback,
                           gint64         activity_id)
{
  ReachFeedbackEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (REACH_IS_DB (db), NULL);
  g_return_val_if_fail (feedback == NULL || REACH_IS_FEEDBACK (feedback), NULL);

  self = g_object_new (REACH_TYPE_FEEDBACK_EDITOR, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->feedback = feedback != NULL ? reach_feedback_copy (feedback) : reach_feedback_new ();
  if (feedback == NULL)
    self->feedback->activity_id = activity_id;
  else
    {
      adw_window_title_set_title (self->window_title, _("Edit Feedback"));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Feedback"));
    }

  fill_form (self);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_group), self->feedback->id != 0);
  self->activity_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  fill_activities (self);
  g_signal_connect_object (self->you_said_row, "changed", G_CALLBACK (on_you_said_changed), self,
                           G_CONNECT_SWAPPED);
  on_changed (self);

  return GTK_WIDGET (self);
}

gboolean
reach_feedback_editor_can_save (ReachFeedbackEditor *self)
{
  g_return_val_if_fail (REACH_IS_FEEDBACK_EDITOR (self), FALSE);

  return gtk_widget_get_sensitive (self->save_button);
}
