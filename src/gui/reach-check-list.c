/* reach-check-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkListBox of AdwActionRows, each with a check button as its prefix.
 * The lists are small (areas of a workspace, contacts), so plain rows and a
 * filter function are enough; the search entry only shows once the list is
 * long enough to need it.
 */
#define G_LOG_DOMAIN "reach-check-list"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reach-check-list.h"

/* Longer lists get a search entry, and scroll inside a fixed height. */
#define SEARCH_THRESHOLD 10
#define SCROLL_THRESHOLD 6
#define SCROLL_HEIGHT    300

struct _ReachCheckList
{
  GtkWidget   parent_instance;

  GtkWidget  *box;
  GtkWidget  *search_entry;
  GtkWidget  *scrolled;
  GtkWidget  *list_box;
  GtkWidget  *empty_label;
  GHashTable *checks;       /* gint64 id → GtkCheckButton */
  char       *search;       /* casefolded, or NULL */
  gboolean    searchable;   /* a long list may search and scroll */
  guint       n_items;
};

G_DEFINE_FINAL_TYPE (ReachCheckList, reach_check_list, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
text_matches (const char *text,
              const char *needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  ReachCheckList *self = user_data;

  if (self->search == NULL)
    return TRUE;

  return text_matches (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), self->search)
         || text_matches (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), self->search);
}

static void
on_search_changed (GtkSearchEntry *entry,
                   ReachCheckList *self)
{
  reach_check_list_set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_toggled (GtkCheckButton *button,
            ReachCheckList *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Inside a scrolled page a scrolled window only gets its minimum height,
 * so a short list must not scroll at all and a long one asks for a height. */
static void
update_empty (ReachCheckList *self)
{
  gboolean scrolls = self->searchable && self->n_items > SCROLL_THRESHOLD;

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER,
                                  scrolls ? GTK_POLICY_AUTOMATIC : GTK_POLICY_NEVER);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->scrolled),
                                              scrolls ? SCROLL_HEIGHT : -1);
  gtk_widget_set_visible (self->scrolled, self->n_items > 0);
  gtk_widget_set_visible (self->empty_label, self->n_items == 0);
  gtk_widget_set_visible (self->search_entry, self->searchable && self->n_items > SEARCH_THRESHOLD);
}

static void
reach_check_list_dispose (GObject *object)
{
  ReachCheckList *self = REACH_CHECK_LIST (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->checks, g_hash_table_unref);

  G_OBJECT_CLASS (reach_check_list_parent_class)->dispose (object);
}

static void
reach_check_list_finalize (GObject *object)
{
  ReachCheckList *self = REACH_CHECK_LIST (object);

  g_free (self->search);

  G_OBJECT_CLASS (reach_check_list_parent_class)->finalize (object);
}

static void
reach_check_list_class_init (ReachCheckListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reach_check_list_dispose;
  object_class->finalize = reach_check_list_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
reach_check_list_init (ReachCheckList *self)
{
  self->checks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->search_entry = gtk_search_entry_new ();
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  gtk_box_append (GTK_BOX (self->box), self->search_entry);

  self->list_box = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list_box), GTK_SELECTION_NONE);
  gtk_list_box_set_filter_func (GTK_LIST_BOX (self->list_box), filter_row, self, NULL);
  gtk_widget_add_css_class (self->list_box, "boxed-list");

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->scrolled), SCROLL_HEIGHT);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), self->list_box);
  gtk_box_append (GTK_BOX (self->box), self->scrolled);

  self->empty_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->empty_label), 0);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_box_append (GTK_BOX (self->box), self->empty_label);

  update_empty (self);
}

GtkWidget *
reach_check_list_new (const char *search_placeholder)
{
  ReachCheckList *self = g_object_new (REACH_TYPE_CHECK_LIST, NULL);

  self->searchable = search_placeholder != NULL;
  if (search_placeholder != NULL)
    g_object_set (self->search_entry, "placeholder-text", search_placeholder, NULL);
  update_empty (self);
  return GTK_WIDGET (self);
}

void
reach_check_list_clear (ReachCheckList *self)
{
  GtkWidget *row;

  g_return_if_fail (REACH_IS_CHECK_LIST (self));

  while ((row = gtk_widget_get_first_child (self->list_box)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list_box), row);
  g_hash_table_remove_all (self->checks);
  self->n_items = 0;
  update_empty (self);
}

void
reach_check_list_append (ReachCheckList *self,
                         gint64          id,
                         const char     *title,
                         const char     *subtitle,
                         gboolean        active)
{
  GtkWidget *row;
  GtkWidget *check;

  g_return_if_fail (REACH_IS_CHECK_LIST (self));

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  check = gtk_check_button_new ();
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_signal_connect (check, "toggled", G_CALLBACK (on_toggled), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  gtk_list_box_append (GTK_LIST_BOX (self->list_box), row);
  g_hash_table_insert (self->checks, g_memdup2 (&id, sizeof id), check);
  self->n_items++;
  update_empty (self);
}

void
reach_check_list_set_active (ReachCheckList *self,
                             gint64          id,
                             gboolean        active)
{
  GtkCheckButton *check;

  g_return_if_fail (REACH_IS_CHECK_LIST (self));

  check = g_hash_table_lookup (self->checks, &id);
  if (check != NULL)
    gtk_check_button_set_active (check, active);
}

gboolean
reach_check_list_get_active (ReachCheckList *self,
                             gint64          id)
{
  GtkCheckButton *check;

  g_return_val_if_fail (REACH_IS_CHECK_LIST (self), FALSE);

  check = g_hash_table_lookup (self->checks, &id);
  return check != NULL && gtk_check_button_get_active (check);
}

GArray *
reach_check_list_get_selected (ReachCheckList *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key, value;
  g_autoptr(GHashTable) active = g_hash_table_new (NULL, NULL);
  GtkWidget *row;

  g_return_val_if_fail (REACH_IS_CHECK_LIST (self), ids);

  /* Map check buttons back to ids, then walk rows to keep list order. */
  g_hash_table_iter_init (&iter, self->checks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (gtk_check_button_get_active (value))
      g_hash_table_insert (active, value, key);

  for (row = gtk_widget_get_first_child (self->list_box);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
      gint64 *id = g_hash_table_lookup (active, check);

      if (id != NULL)
        g_array_append_val (ids, *id);
    }

  return ids;
}

guint
reach_check_list_get_n_items (ReachCheckList *self)
{
  g_return_val_if_fail (REACH_IS_CHECK_LIST (self), 0);

  return self->n_items;
}

void
reach_check_list_set_search (ReachCheckList *self,
                             const char     *text)
{
  g_return_if_fail (REACH_IS_CHECK_LIST (self));

  g_clear_pointer (&self->search, g_free);
  if (text != NULL && *text != '\0')
    self->search = g_utf8_casefold (text, -1);
  gtk_list_box_invalidate_filter (GTK_LIST_BOX (self->list_box));
}

void
reach_check_list_set_empty_text (ReachCheckList *self,
                                 const char     *text)
{
  g_return_if_fail (REACH_IS_CHECK_LIST (self));

  gtk_label_set_text (GTK_LABEL (self->empty_label), text);
}
