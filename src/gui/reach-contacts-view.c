/* reach-contacts-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contacts page: a list read from the store with the search and the
 * filters applied by reach_contacts_list(), a banner when retention reviews
 * are due, and the way into the editor and the importer.  The list is read
 * again on every change: it is a workspace's contacts, not a city's.
 */
#define G_LOG_DOMAIN "reach-contacts-view"

#include "config.h"

#include <glib/gi18n.h>

#include "reach-contact-editor.h"
#include "reach-contact-import.h"
#include "reach-contacts-view.h"
#include "reach-contacts.h"
#include "reach-group.h"

struct _ReachContactsView
{
  GtkWidget       parent_instance;

  ReachDb        *db;
  GListStore     *contacts;
  GPtrArray      *groups;        /* ReachGroup, for the group filter */
  guint           n_total;

  GtkWidget      *box;
  GtkSearchEntry *search_entry;
  GtkMenuButton  *filter_button;
  GtkLabel       *filter_label;
  GtkDropDown    *role_filter;
  GtkDropDown    *group_filter;
  GtkDropDown    *need_filter;
  GtkDropDown    *consent_filter;
  GtkCheckButton *review_filter;
  GtkRevealer    *review_revealer;
  GtkLabel       *review_label;
  GtkStack       *stack;
  GtkListView    *list_view;
  GtkLabel       *count_label;
};

G_DEFINE_FINAL_TYPE (ReachContactsView, reach_contacts_view, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The consent filter's rows after "Any consent", in ReachConsentState order. */
static const ReachConsentState consent_order[] = {
  REACH_CONSENT_NONE, REACH_CONSENT_GIVEN, REACH_CONSENT_WITHDRAWN,
};

static void refresh (ReachContactsView *self);

/* ---- messages ----------------------------------------------------------- */

static GtkWindow *
get_window (ReachContactsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_toast (ReachContactsView *self,
            const char        *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

static void
show_error (ReachContactsView *self,
            const char        *heading,
            const char        *message)
{
  GtkWidget *dialog = adw_message_dialog_new (get_window (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- rows --------------------------------------------------------------- */

static char *
describe_contact (ReachContact *contact)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autoptr(GString) needs = g_string_new (NULL);

  if (contact->kind == REACH_CONTACT_ORGANISATION)
    g_ptr_array_add (parts, (gpointer) reach_contact_kind_label (contact->kind));
  if (contact->role != REACH_ROLE_NONE)
    g_ptr_array_add (parts, (gpointer) reach_contact_role_label (contact->role));
  if (contact->postcode != NULL)
    g_ptr_array_add (parts, contact->postcode);

  for (guint i = 0; i < REACH_N_NEEDS; i++)
    if (contact->needs[i])
      {
        if (needs->len > 0)
          g_string_append (needs, ", ");
        g_string_append (needs, reach_need_label (i));
      }
  if (needs->len > 0)
    g_ptr_array_add (parts, needs->str);

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static const char *
consent_css (ReachConsentState state)
{
  switch (state)
    {
    case REACH_CONSENT_GIVEN:
      return "success";
    case REACH_CONSENT_WITHDRAWN:
      return "error";
    case REACH_CONSENT_NONE:
    default:
      return "dim-label";
    }
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *avatar = adw_avatar_new (32, NULL, TRUE);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *review = gtk_image_new_from_icon_name ("document-open-recent-symbolic");
  GtkWidget *consent = gtk_label_new (NULL);

  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_margin_top (row, 8);
  gtk_widget_set_margin_bottom (row, 8);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_tooltip_text (review, _("Retention review due"));
  gtk_widget_add_css_class (review, "warning");
  gtk_widget_add_css_class (consent, "caption");
  gtk_widget_set_valign (consent, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), subtitle);
  gtk_box_append (GTK_BOX (row), avatar);
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), review);
  gtk_box_append (GTK_BOX (row), consent);

  g_object_set_data (G_OBJECT (row), "avatar", avatar);
  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (row), "review", review);
  g_object_set_data (G_OBJECT (row), "consent", consent);
  gtk_list_item_set_child (item, row);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  ReachContact *contact = gtk_list_item_get_item (item);
  GObject *row = G_OBJECT (gtk_list_item_get_child (item));
  GtkWidget *consent = g_object_get_data (row, "consent");
  ReachConsentState state = reach_contact_get_consent_state (contact);
  g_autofree char *subtitle = describe_contact (contact);

  adw_avatar_set_text (g_object_get_data (row, "avatar"), contact->name);
  gtk_label_set_text (g_object_get_data (row, "title"), contact->name);
  gtk_label_set_text (g_object_get_data (row, "subtitle"), subtitle);
  gtk_widget_set_visible (GTK_WIDGET (g_object_get_data (row, "subtitle")), *subtitle != '\0');
  gtk_widget_set_visible (g_object_get_data (row, "review"),
                          reach_contact_is_review_due (contact, NULL));

  /* consent in words, never by colour alone */
  gtk_label_set_text (GTK_LABEL (consent), reach_consent_state_label (state));
  gtk_widget_remove_css_class (consent, "success");
  gtk_widget_remove_css_class (consent, "error");
  gtk_widget_remove_css_class (consent, "dim-label");
  gtk_widget_add_css_class (consent, consent_css (state));
}

/* ---- filters ------------------------------------------------------------ */

static GListModel *
role_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("Any role"));
  for (guint i = 0; i < REACH_N_ROLES; i++)
    gtk_string_list_append (list, i == REACH_ROLE_NONE ? _("No role recorded")
                                                       : reach_contact_role_label (i));
  return G_LIST_MODEL (list);
}

static GListModel *
need_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("Any needs, or none"));
  for (guint i = 0; i < REACH_N_NEEDS; i++)
    gtk_string_list_append (list, reach_need_label (i));
  return G_LIST_MODEL (list);
}

static GListModel *
consent_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("Any consent"));
  for (guint i = 0; i < G_N_ELEMENTS (consent_order); i++)
    gtk_string_list_append (list, reach_consent_state_label (consent_order[i]));
  return G_LIST_MODEL (list);
}

static void
load_groups (ReachContactsView *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (self->group_filter);
  gint64 selected_id = 0;
  guint position = 0;

  /* keep the group chosen in the filter when the list is read again */
  if (self->groups != NULL && selected > 0 && selected != GTK_INVALID_LIST_POSITION &&
      selected - 1 < self->groups->len)
    selected_id = ((ReachGroup *) g_ptr_array_index (self->groups, selected - 1))->id;

  g_clear_pointer (&self->groups, g_ptr_array_unref);
  if (self->db != NULL)
    {
      self->groups = reach_groups_list (self->db, NULL, &error);
      if (self->groups == NULL)
        g_debug ("No community groups for the filter: %s", error->message);
    }

  gtk_string_list_append (list, _("Any group"));
  for (guint i = 0; self->groups != NULL && i < self->groups->len; i++)
    {
      ReachGroup *group = g_ptr_array_index (self->groups, i);

      gtk_string_list_append (list, group->name);
      if (group->id == selected_id)
        position = i + 1;
    }

  g_signal_handlers_block_by_func (self->group_filter, refresh, self);
  gtk_drop_down_set_model (self->group_filter, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->group_filter, position);
  g_signal_handlers_unblock_by_func (self->group_filter, refresh, self);
}

/* Reads the toolbar into a filter; returns how many filters are on. */
static guint
read_filter (ReachContactsView  *self,
             ReachContactFilter *filter)
{
  guint role = gtk_drop_down_get_selected (self->role_filter);
  guint group = gtk_drop_down_get_selected (self->group_filter);
  guint need = gtk_drop_down_get_selected (self->need_filter);
  guint consent = gtk_drop_down_get_selected (self->consent_filter);
  guint n_on = 0;

  reach_contact_filter_init (filter);
  filter->search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (role > 0 && role != GTK_INVALID_LIST_POSITION)
    {
      filter->role = role - 1;
      n_on++;
    }
  if (group > 0 && group != GTK_INVALID_LIST_POSITION &&
      self->groups != NULL && group - 1 < self->groups->len)
    {
      filter->group_id = ((ReachGroup *) g_ptr_array_index (self->groups, group - 1))->id;
      n_on++;
    }
  if (need > 0 && need != GTK_INVALID_LIST_POSITION)
    {
      filter->need = need - 1;
      n_on++;
    }
  if (consent > 0 && consent != GTK_INVALID_LIST_POSITION)
    {
      filter->consent = consent_order[consent - 1];
      n_on++;
    }
  if (gtk_check_button_get_active (self->review_filter))
    {
      filter->review_due = TRUE;
      n_on++;
    }

  return n_on;
}

static void
update_filter_label (ReachContactsView *self,
                     guint              n_on)
{
  g_autofree char *label = NULL;

  if (n_on == 0)
    label = g_strdup (_("_Filters"));
  else
    label = g_strdup_printf (_("_Filters (%u)"), n_on);

  gtk_label_set_text_with_mnemonic (self->filter_label, label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.clear-filters",
                                 n_on > 0 || *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0');
}

/* ---- the list ----------------------------------------------------------- */

static guint
count_all (ReachContactsView *self)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  all = reach_contacts_list (self->db, NULL, &error);
  if (all == NULL)
    {
      g_debug ("Could not count the contacts: %s", error->message);
      return 0;
    }

  return all->len;
}

static void
update_review_banner (ReachContactsView *self)
{
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->db != NULL)
    due = reach_contacts_list_review_due (self->db, NULL, &error);
  if (due == NULL || due->len == 0 || gtk_check_button_get_active (self->review_filter))
    {
      gtk_revealer_set_reveal_child (self->review_revealer, FALSE);
      return;
    }

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u contact is due a retention review: keep their details only while there is a reason to.",
                                       "%u contacts are due a retention review: keep their details only while there is a reason to.",
                                       due->len), due->len);
  gtk_label_set_text (self->review_label, text);
  gtk_revealer_set_reveal_child (self->review_revealer, TRUE);
}

static void
update_count (ReachContactsView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->contacts));
  g_autofree char *text = NULL;

  if (shown == self->n_total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact", "%u contacts",
                                         self->n_total), self->n_total);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u contact", "%u of %u contacts",
                                         self->n_total), shown, self->n_total);

  gtk_label_set_text (self->count_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), self->n_total > 0);
}

static void
refresh (ReachContactsView *self)
{
  ReachContactFilter filter;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  guint n_on = read_filter (self, &filter);
  gboolean searching = n_on > 0 || *filter.search != '\0';

  if (self->db != NULL)
    {
      results = reach_contacts_list (self->db, &filter, &error);
      /* a search the index cannot parse simply finds nothing */
      if (results == NULL)
        g_debug ("Listing contacts failed: %s", error->message);
      self->n_total = searching ? count_all (self) : (results ? results->len : 0);
    }
  else
    self->n_total = 0;

  g_list_store_splice (self->contacts, 0, g_list_model_get_n_items (G_LIST_MODEL (self->contacts)),
                       results ? results->pdata : NULL, results ? results->len : 0);

  if (self->n_total == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->contacts)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");

  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), self->n_total > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->filter_button), self->n_total > 0);
  update_filter_label (self, n_on);
  update_count (self);
  update_review_banner (self);
}

/* ---- editing ------------------------------------------------------------ */

static void
on_contact_saved (ReachContactsView *self,
                  ReachContact      *contact)
{
  g_autofree char *title = g_strdup_printf (_("Saved “%s”"), contact->name);

  refresh (self);
  show_toast (self, title);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_contact_erased (ReachContactsView *self)
{
  /* for good: there is nothing to undo */
  refresh (self);
  show_toast (self, _("Erased"));
  g_signal_emit (self, signals[CHANGED], 0);
}

static GtkWidget *
open_editor (ReachContactsView *self,
             ReachContact      *contact)
{
  GtkWidget *editor = reach_contact_editor_new (get_window (self), self->db, contact);

  g_signal_connect_object (editor, "saved", G_CALLBACK (on_contact_saved),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "erased", G_CALLBACK (on_contact_erased),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

static void
on_activate (GtkListView       *list,
             guint              position,
             ReachContactsView *self)
{
  g_autoptr(ReachContact) contact = g_list_model_get_item (G_LIST_MODEL (self->contacts), position);

  if (contact != NULL)
    open_editor (self, contact);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  ReachContactsView *self = REACH_CONTACTS_VIEW (widget);

  if (self->db != NULL)
    open_editor (self, NULL);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  ReachContactsView *self = REACH_CONTACTS_VIEW (widget);
  GtkDropDown *drops[] = { self->role_filter, self->group_filter,
                           self->need_filter, self->consent_filter };

  for (guint i = 0; i < G_N_ELEMENTS (drops); i++)
    {
      g_signal_handlers_block_by_func (drops[i], refresh, self);
      gtk_drop_down_set_selected (drops[i], 0);
      g_signal_handlers_unblock_by_func (drops[i], refresh, self);
    }
  g_signal_handlers_block_by_func (self->review_filter, refresh, self);
  gtk_check_button_set_active (self->review_filter, FALSE);
  g_signal_handlers_unblock_by_func (self->review_filter, refresh, self);
  g_signal_handlers_block_by_func (self->search_entry, refresh, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_signal_handlers_unblock_by_func (self->search_entry, refresh, self);

  refresh (self);
}

static void
show_review_due_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  reach_contacts_view_set_review_filter (REACH_CONTACTS_VIEW (widget), TRUE);
}

/* ---- importing ---------------------------------------------------------- */

static void
read_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ReachContactImport *import = task_data;
  GError *error = NULL;

  if (reach_contact_import_read (import, cancellable, NULL, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_summary_response (AdwMessageDialog  *dialog,
                     const char        *response,
                     ReachContactsView *self)
{
  ReachContactImport *import = g_object_get_data (G_OBJECT (dialog), "import");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint n;

  if (g_strcmp0 (response, "import") != 0 || self->db == NULL)
    return;

  n = reach_contact_import_get_n_items (import);
  if (!reach_contact_import_commit (import, self->db, NULL, NULL, NULL, &error))
    {
      show_error (self, _("Could Not Import the Contacts"), error->message);
      return;
    }

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u contact",
                                        "Imported %u contacts", n), n);
  load_groups (self);
  refresh (self);
  show_toast (self, title);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
show_summary (ReachContactsView  *self,
              ReachContactImport *import)
{
  guint n = reach_contact_import_get_n_items (import);
  const char * const *notes = reach_contact_import_get_notes (import);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (n == 0)
    {
      show_error (self, _("No Contacts to Import"), _("The file holds no contacts."));
      return;
    }

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import %u Contact?",
                                          "Import %u Contacts?", n), n);
  body = notes != NULL && notes[0] != NULL ? g_strjoinv ("\n\n", (char **) notes)
                                           : g_strdup (_("Every row was read without a problem."));

  dialog = adw_message_dialog_new (get_window (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "import", g_object_ref (import), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_summary_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_read_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ReachContactsView *self = REACH_CONTACTS_VIEW (source);
  ReachContactImport *import = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_error (self, _("Could Not Read the Contacts"), error->message);
      return;
    }

  show_summary (self, import);
}

/* Reads the file off the main thread, then asks before writing anything. */
void
reach_contacts_view_import_file (ReachContactsView *self,
                                 const char        *path)
{
  g_autoptr(GTask) task = NULL;
  ReachContactImport *import;

  g_return_if_fail (REACH_IS_CONTACTS_VIEW (self));
  g_return_if_fail (path != NULL);

  if (self->db == NULL)
    return;

  import = reach_contact_import_new (self->db, path);
  task = g_task_new (self, NULL, on_read_done, NULL);
  g_task_set_task_data (task, import, g_object_unref);
  g_task_run_in_thread (task, read_in_thread);
}

static void
on_import_file_response (GtkNativeDialog   *chooser,
                         int                response,
                         ReachContactsView *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);

  g_object_unref (chooser);
  if (path != NULL)
    reach_contacts_view_import_file (self, path);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ReachContactsView *self = REACH_CONTACTS_VIEW (widget);
  g_autoptr(GtkFileFilter) both = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) vcard = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->db == NULL)
    return;

  gtk_file_filter_set_name (both, _("Contacts (CSV or vCard)"));
  gtk_file_filter_add_suffix (both, "csv");
  gtk_file_filter_add_suffix (both, "vcf");
  gtk_file_filter_add_suffix (both, "vcard");
  gtk_file_filter_set_name (csv, _("CSV spreadsheets"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_set_name (vcard, _("vCard address books"));
  gtk_file_filter_add_suffix (vcard, "vcf");
  gtk_file_filter_add_suffix (vcard, "vcard");
  gtk_file_filter_add_mime_type (vcard, "text/vcard");

  chooser = gtk_file_chooser_native_new (_("Import Contacts"), get_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), both);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), vcard);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_file_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- the widget --------------------------------------------------------- */

static void
reach_contacts_view_dispose (GObject *object)
{
  ReachContactsView *self = REACH_CONTACTS_VIEW (object);

  if (self->search_entry != NULL)
    g_signal_handlers_disconnect_by_data (self->search_entry, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), REACH_TYPE_CONTACTS_VIEW);
  g_clear_object (&self->contacts);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (reach_contacts_view_parent_class)->dispose (object);
}

static void
reach_contacts_view_class_init (ReachContactsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reach_contacts_view_dispose;

  /**
   * ReachContactsView::changed:
   *
   * Contacts were saved, imported or erased from this page.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reachmap/Reach/reach-contacts-view.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ReachContactsView, name)
  BIND (box);
  BIND (search_entry);
  BIND (filter_button);
  BIND (filter_label);
  BIND (role_filter);
  BIND (group_filter);
  BIND (need_filter);
  BIND (consent_filter);
  BIND (review_filter);
  BIND (review_revealer);
  BIND (review_label);
  BIND (stack);
  BIND (list_view);
  BIND (count_label);
#undef BIND

  gtk_widget_class_install_action (widget_class, "contacts.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "contacts.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "contacts.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "contacts.show-review-due", NULL,
                                   show_review_due_action);
}

static void
set_up_list (ReachContactsView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection;

  self->contacts = g_list_store_new (REACH_TYPE_CONTACT);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->contacts)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (factory);
  g_object_unref (selection);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_activate), self);
}

static void
set_up_filters (ReachContactsView *self)
{
  g_autoptr(GListModel) roles = role_model ();
  g_autoptr(GListModel) needs = need_model ();
  g_autoptr(GListModel) consents = consent_model ();
  GtkDropDown *drops[] = { self->role_filter, self->group_filter,
                           self->need_filter, self->consent_filter };

  gtk_drop_down_set_model (self->role_filter, roles);
  gtk_drop_down_set_model (self->need_filter, needs);
  gtk_drop_down_set_model (self->consent_filter, consents);
  load_groups (self);

  for (guint i = 0; i < G_N_ELEMENTS (drops); i++)
    g_signal_connect_swapped (drops[i], "notify::selected", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (self->review_filter, "toggled", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (refresh), self);
}

static void
reach_contacts_view_init (ReachContactsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  set_up_list (self);
  set_up_filters (self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));
  refresh (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.add", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.import", FALSE);
}

GtkWidget *
reach_contacts_view_new (void)
{
  return g_object_new (REACH_TYPE_CONTACTS_VIEW, NULL);
}

void
reach_contacts_view_set_db (ReachContactsView *self,
                            ReachDb           *db)
{
  g_return_if_fail (REACH_IS_CONTACTS_VIEW (self));
  g_return_if_fail (db == NULL || REACH_IS_DB (db));

  if (!g_set_object (&self->db, db))
    return;

  load_groups (self);
  clear_filters_action (GTK_WIDGET (self), NULL, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.add", db != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.import", db != NULL);
}

void
reach_contacts_view_reload (ReachContactsView *self)
{
  g_return_if_fail (REACH_IS_CONTACTS_VIEW (self));

  load_groups (self);
  refresh (self);
}

void
reach_contacts_view_focus_search (ReachContactsView *self)
{
  g_return_if_fail (REACH_IS_CONTACTS_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GListModel *
reach_contacts_view_get_model (ReachContactsView *self)
{
  g_return_val_if_fail (REACH_IS_CONTACTS_VIEW (self), NULL);
  return G_LIST_MODEL (self->contacts);
}

void
reach_contacts_view_set_search (ReachContactsView *self,
                                const char        *text)
{
  g_return_if_fail (REACH_IS_CONTACTS_VIEW (self));

  g_signal_handlers_block_by_func (self->search_entry, refresh, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  g_signal_handlers_unblock_by_func (self->search_entry, refresh, self);
  refresh (self);
}

void
reach_contacts_view_set_consent_filter (ReachContactsView *self,
                                        int                consent)
{
  guint position = 0;

  g_return_if_fail (REACH_IS_CONTACTS_VIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (consent_order); i++)
    if ((int) consent_order[i] == consent)
      position = i + 1;

  gtk_drop_down_set_selected (self->consent_filter, position);
}

void
reach_contacts_view_set_group_filter (ReachContactsView *self,
                                      gint64             group_id)
{
  guint position = 0;

  g_return_if_fail (REACH_IS_CONTACTS_VIEW (self));

  for (guint i = 0; self->groups != NULL && i < self->groups->len; i++)
    if (((ReachGroup *) g_ptr_array_index (self->groups, i))->id == group_id)
      position = i + 1;

  gtk_drop_down_set_selected (self->group_filter, position);
}

void
reach_contacts_view_set_review_filter (ReachContactsView *self,
                                       gboolean           due)
{
  g_return_if_fail (REACH_IS_CONTACTS_VIEW (self));

  gtk_check_button_set_active (self->review_filter, due);
}

GtkWidget *
reach_contacts_view_edit (ReachContactsView *self,
                          gint64             id)
{
  guint n;

  g_return_val_if_fail (REACH_IS_CONTACTS_VIEW (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->contacts));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ReachContact) contact = g_list_model_get_item (G_LIST_MODEL (self->contacts), i);

      if (contact->id == id)
        return open_editor (self, contact);
    }

  return NULL;
}
