/* test-contacts-ui.c — the window's pages, the contacts page, the contact
 * editor, subject access, erasure and the people layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb.  The screenshot cases render the contacts page and the
 * editor to PNG at 1440×900 and 600×800 in light and dark styles, into
 * $REACH_SCREENSHOT_DIR when set, else into a scratch folder.
 */
#include "config.h"

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <shumate/shumate.h>

#include "reach-application.h"
#include "reach-classification.h"
#include "reach-contact-editor.h"
#include "reach-contacts-view.h"
#include "reach-contacts.h"
#include "reach-group.h"
#include "reach-people-layer.h"
#include "reach-testutil.h"
#include "reach-window.h"

typedef struct
{
  const char       *name;
  ReachContactKind  kind;
  ReachContactRole  role;
  const char       *consent_date;
  gboolean          consent_equality;
  const char       *withdrawn;
  const char       *review;
  double            lat;      /* 0: no location */
  double            lon;
} SampleContact;

/* Fictional people. */
static const SampleContact samples[] = {
  { "Amina Hussain", REACH_CONTACT_PERSON, REACH_ROLE_RESIDENT, "2024-01-10", TRUE, NULL, "2030-01-01", 53.8100, -1.5300 },
  { "Brian Walker", REACH_CONTACT_PERSON, REACH_ROLE_CARER, NULL, FALSE, NULL, NULL, 53.8200, -1.5000 },
  { "Chen Li", REACH_CONTACT_PERSON, REACH_ROLE_LIVED_EXPERIENCE, "2023-05-01", TRUE, "2024-02-01", NULL, 0, 0 },
  { "Dora Kemp", REACH_CONTACT_PERSON, REACH_ROLE_RESIDENT, NULL, FALSE, NULL, "2020-06-30", 0, 0 },
  { "Harehills Deaf Forum", REACH_CONTACT_ORGANISATION, REACH_ROLE_VOLUNTARY_SECTOR, "2024-03-02", FALSE, NULL, NULL, 0, 0 },
};

static ReachApplication *app;

static gboolean
timeout_done (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
wait_until_mapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (gtk_widget_get_mapped (widget));
  wait_ms (200);
}

static char *
new_workspace (void)
{
  g_autofree char *dir = reach_test_tmpdir ();
  char *path = g_build_filename (dir, "People.reach", NULL);
  g_autoptr(ReachDb) db = NULL;
  g_autoptr(GError) error = NULL;

  db = reach_db_open (path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr(ReachContact) contact = reach_contact_new ();

      contact->name = g_strdup (samples[i].name);
      contact->kind = samples[i].kind;
      contact->role = samples[i].role;
      contact->consent_date = g_strdup (samples[i].consent_date);
      contact->consent_contact = samples[i].consent_date != NULL;
      contact->consent_equality = samples[i].consent_equality;
      contact->consent_method = samples[i].consent_date ? REACH_CONSENT_METHOD_WRITTEN
                                                        : REACH_CONSENT_METHOD_NONE;
      contact->consent_withdrawn = g_strdup (samples[i].withdrawn);
      contact->retention_review = g_strdup (samples[i].review);
      contact->postcode = g_strdup ("LS8 5BB");
      if (samples[i].lat != 0)
        {
          contact->has_location = TRUE;
          contact->lat = samples[i].lat;
          contact->lon = samples[i].lon;
        }
      reach_contacts_insert (db, contact, &error);
      g_assert_no_error (error);
    }

  return path;
}

static ReachWindow *
open_window (const char *path,
             int         width,
             int         height)
{
  ReachWindow *window = reach_window_new (app);
  g_autoptr(GError) error = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  reach_window_open_workspace (window, path, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_mapped (GTK_WIDGET (window));
  return window;
}

static ReachContactsView *
contacts_view (ReachWindow *window)
{
  return REACH_CONTACTS_VIEW (reach_window_get_contacts_view (window));
}

static guint
n_listed (ReachWindow *window)
{
  return g_list_model_get_n_items (reach_contacts_view_get_model (contacts_view (window)));
}

static gint64
find_id (ReachWindow *window,
         const char  *name)
{
  GListModel *model = reach_contacts_view_get_model (contacts_view (window));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ReachContact) contact = g_list_model_get_item (model, i);

      if (g_str_equal (contact->name, name))
        return contact->id;
    }

  return 0;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_by_action (GtkWidget  *root,
                const char *action)
{
  if (GTK_IS_ACTIONABLE (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_action (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_of_type (GtkWidget *root,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        g_object_get_data (l->data, "answered") == NULL)
      return l->data;

  return NULL;
}

/* Responds as a click would; the dialog closes itself a moment later. */
static void
answer (GtkWidget  *dialog,
        const char *response)
{
  g_object_set_data (G_OBJECT (dialog), "answered", GINT_TO_POINTER (TRUE));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
}

/* ---- the pages ---------------------------------------------------------- */

static void
test_pages (void)
{
  const char *names[] = { "map", "contacts", "groups", "activities", "feedback", "gaps" };
  g_autofree char *path = new_workspace ();
  ReachWindow *window = open_window (path, 1200, 800);
  AdwViewStack *stack = reach_window_get_view_stack (window);
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);
  GtkWidget *add_button;

  /* these five pages in this order (later issues add pages after them),
   * map first and shown first, each with a title and an icon */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), >=, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      g_assert_cmpstr (adw_view_stack_page_get_name (page), ==, names[i]);
      g_assert_nonnull (adw_view_stack_page_get_title (page));
      g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                              adw_view_stack_page_get_icon_name (page)));
    }
  g_assert_cmpstr (reach_window_get_page (window), ==, "map");

  /* win.page (Alt+1…5) switches; Add Place belongs to the map */
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "add-place"));
  add_button = find_by_action (GTK_WIDGET (window), "win.add-place");
  g_assert_nonnull (add_button);
  g_assert_true (gtk_widget_get_visible (add_button));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "contacts");
  g_assert_cmpstr (reach_window_get_page (window), ==, "contacts");
  g_assert_false (gtk_widget_get_visible (add_button));
  /* wide: the switcher is in the header, the bar at the bottom stays down */
  g_assert_false (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (find_of_type (GTK_WIDGET (window),
                                                                                      ADW_TYPE_VIEW_SWITCHER_BAR))));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "feedback");
  g_assert_cmpstr (reach_window_get_page (window), ==, "feedback");
  /* Ctrl+N from another page goes back to the map to add a place there */
  g_action_group_activate_action (G_ACTION_GROUP (window), "add-place", NULL);
  g_assert_cmpstr (reach_window_get_page (window), ==, "map");
  g_action_group_change_action_state (G_ACTION_GROUP (window), "add-place",
                                      g_variant_new_boolean (FALSE));

  /* the contacts page never keeps the window wider than a phone */
  {
    int min_width;

    gtk_widget_measure (reach_window_get_contacts_view (window), GTK_ORIENTATION_HORIZONTAL, -1,
                        &min_width, NULL, NULL, NULL);
    g_assert_cmpint (min_width, <=, 360);
  }

  gtk_window_destroy (GTK_WINDOW (window));

  /* narrow: the header shows the workspace, and the bar the pages */
  window = open_window (path, 500, 800);
  wait_ms (500);
  g_assert_true (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (find_of_type (GTK_WIDGET (window),
                                                                                     ADW_TYPE_VIEW_SWITCHER_BAR))));
  g_assert_cmpstr (adw_view_switcher_title_get_title (ADW_VIEW_SWITCHER_TITLE (find_of_type (GTK_WIDGET (window),
                                                                                         ADW_TYPE_VIEW_SWITCHER_TITLE))),
                   ==, "People");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- the list ----------------------------------------------------------- */

static void
test_list_and_filters (void)
{
  g_autofree char *path = new_workspace ();
  ReachWindow *window = open_window (path, 1200, 800);
  ReachContactsView *view = contacts_view (window);

  reach_window_set_page (window, "contacts");
  g_assert_cmpuint (n_listed (window), ==, G_N_ELEMENTS (samples));
  {
    g_autoptr(ReachContact) first = g_list_model_get_item (reach_contacts_view_get_model (view), 0);
    g_assert_cmpstr (first->name, ==, "Amina Hussain");
  }

  /* search as you type */
  reach_contacts_view_set_search (view, "Walker");
  g_assert_cmpuint (n_listed (window), ==, 1);
  g_assert_cmpint (find_id (window, "Brian Walker"), >, 0);
  reach_contacts_view_set_search (view, "nobody-is-called-this");
  g_assert_cmpuint (n_listed (window), ==, 0);
  reach_contacts_view_set_search (view, "");
  g_assert_cmpuint (n_listed (window), ==, G_N_ELEMENTS (samples));

  /* consent: given (Amina, the forum), withdrawn (Chen), none (Brian, Dora) */
  reach_contacts_view_set_consent_filter (view, REACH_CONSENT_GIVEN);
  g_assert_cmpuint (n_listed (window), ==, 2);
  g_assert_cmpint (find_id (window, "Amina Hussain"), >, 0);
  g_assert_cmpint (find_id (window, "Harehills Deaf Forum"), >, 0);
  reach_contacts_view_set_consent_filter (view, REACH_CONSENT_WITHDRAWN);
  g_assert_cmpuint (n_listed (window), ==, 1);
  g_assert_cmpint (find_id (window, "Chen Li"), >, 0);
  reach_contacts_view_set_consent_filter (view, REACH_CONSENT_NONE);
  g_assert_cmpuint (n_listed (window), ==, 2);
  g_assert_cmpint (find_id (window, "Dora Kemp"), >, 0);
  /* filters combine with the search */
  reach_contacts_view_set_search (view, "Dora");
  g_assert_cmpuint (n_listed (window), ==, 1);
  reach_contacts_view_set_search (view, "");
  reach_contacts_view_set_consent_filter (view, -1);
  g_assert_cmpuint (n_listed (window), ==, G_N_ELEMENTS (samples));

  /* retention review due: only Dora's date has passed */
  reach_contacts_view_set_review_filter (view, TRUE);
  g_assert_cmpuint (n_listed (window), ==, 1);
  g_assert_cmpint (find_id (window, "Dora Kemp"), >, 0);
  reach_contacts_view_set_review_filter (view, FALSE);
  g_assert_cmpuint (n_listed (window), ==, G_N_ELEMENTS (samples));
  /* the banner's Review button shows the same */
  gtk_widget_activate_action (GTK_WIDGET (view), "contacts.show-review-due", NULL);
  g_assert_cmpuint (n_listed (window), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (view), "contacts.clear-filters", NULL);
  g_assert_cmpuint (n_listed (window), ==, G_N_ELEMENTS (samples));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void save_png (GtkWidget  *widget,
                      const char *name);

/* An empty workspace invites to add or import contacts. */
static void
test_empty (void)
{
  g_autofree char *dir = reach_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "Empty.reach", NULL);
  g_autoptr(ReachDb) db = NULL;
  g_autoptr(GError) error = NULL;
  ReachWindow *window;
  GtkWidget *empty;

  db = reach_db_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  window = open_window (path, 1200, 800);
  reach_window_set_page (window, "contacts");
  g_assert_cmpuint (n_listed (window), ==, 0);
  empty = gtk_stack_get_visible_child (GTK_STACK (find_named (reach_window_get_contacts_view (window),
                                                                "contacts-stack")));
  g_assert_true (ADW_IS_STATUS_PAGE (empty));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty)), ==, "No Contacts Yet");
  g_assert_true (gtk_widget_is_visible (empty));
  wait_ms (300);
  save_png (GTK_WIDGET (window), "page-contacts-empty.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- the editor --------------------------------------------------------- */

static gint64
category_id (ReachDb    *db,
             const char *characteristic,
             const char *key)
{
  g_autoptr(ReachCategory) category = NULL;
  g_autoptr(GError) error = NULL;

  category = reach_categories_find (db, characteristic, key, &error);
  g_assert_no_error (error);
  return category->id;
}

static void
test_editor_consent_gate (void)
{
  g_autofree char *path = new_workspace ();
  ReachWindow *window = open_window (path, 1200, 800);
  ReachContactsView *view = contacts_view (window);
  ReachDb *db = reach_window_get_db (window);
  GtkWidget *editor;
  AdwComboRow *ethnic;
  gint64 brian, amina, indian, prefer_not;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GError) error = NULL;

  reach_window_set_page (window, "contacts");
  brian = find_id (window, "Brian Walker");
  amina = find_id (window, "Amina Hussain");

  /* no consent: every characteristic is there, and none can be answered */
  editor = reach_contacts_view_edit (view, brian);
  g_assert_nonnull (editor);
  wait_until_mapped (editor);
  ethnic = reach_contact_editor_get_equality_row (REACH_CONTACT_EDITOR (editor), "ethnic_group");
  g_assert_nonnull (ethnic);
  g_assert_nonnull (reach_contact_editor_get_equality_row (REACH_CONTACT_EDITOR (editor), "sexual_orientation"));
  g_assert_nonnull (reach_contact_editor_get_equality_row (REACH_CONTACT_EDITOR (editor), "carer"));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (ethnic)));
  /* "Not recorded", then the categories, "Prefer not to say" among them */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ethnic)), >=, 20);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (ethnic)), 0),
                   ==, "Not recorded");

  /* consent that covers equality answers, typed in the form, opens them */
  gtk_editable_set_text (GTK_EDITABLE (find_named (editor, "consent-date")), "2024-04-01");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (ethnic)));
  gtk_switch_set_active (GTK_SWITCH (find_named (editor, "consent-equality")), TRUE);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (ethnic)));
  /* and withdrawing it closes them again */
  gtk_editable_set_text (GTK_EDITABLE (find_named (editor, "consent-withdrawn")), "2024-05-01");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (ethnic)));
  /* a date that is not one keeps Save insensitive */
  gtk_editable_set_text (GTK_EDITABLE (find_named (editor, "consent-withdrawn")), "31/02/2024");
  g_assert_false (reach_contact_editor_can_save (REACH_CONTACT_EDITOR (editor)));
  gtk_window_destroy (GTK_WINDOW (editor));

  /* with consent: the answers are saved through the store */
  editor = reach_contacts_view_edit (view, amina);
  wait_until_mapped (editor);
  ethnic = reach_contact_editor_get_equality_row (REACH_CONTACT_EDITOR (editor), "ethnic_group");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (ethnic)));
  indian = category_id (db, "ethnic_group", "indian");
  prefer_not = category_id (db, "religion", "prefer_not_to_say");
  g_assert_true (reach_contact_editor_set_equality (REACH_CONTACT_EDITOR (editor), "ethnic_group", indian));
  g_assert_true (reach_contact_editor_set_equality (REACH_CONTACT_EDITOR (editor), "religion", prefer_not));
  g_assert_true (reach_contact_editor_can_save (REACH_CONTACT_EDITOR (editor)));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_widget_activate_action (editor, "editor.save", NULL);
  g_assert_null (editor);

  answers = reach_contacts_get_equality (db, amina, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, 2);
  for (guint i = 0; i < answers->len; i++)
    {
      ReachEqualityAnswer *answer = g_ptr_array_index (answers, i);

      if (g_str_equal (answer->characteristic_key, "ethnic_group"))
        g_assert_cmpint (answer->category_id, ==, indian);
      else
        {
          g_assert_cmpstr (answer->characteristic_key, ==, "religion");
          g_assert_true (answer->is_prefer_not);
        }
    }

  /* the editor shows them when opened again */
  editor = reach_contacts_view_edit (view, amina);
  ethnic = reach_contact_editor_get_equality_row (REACH_CONTACT_EDITOR (editor), "ethnic_group");
  g_assert_cmpuint (adw_combo_row_get_selected (ethnic), >, 0);
  gtk_window_destroy (GTK_WINDOW (editor));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A new contact: Save waits for a name, then the list shows it. */
static void
test_editor_add (void)
{
  g_autofree char *path = new_workspace ();
  ReachWindow *window = open_window (path, 1200, 800);
  GtkWidget *editor;
  GtkWindow *found = NULL;

  reach_window_set_page (window, "contacts");
  gtk_widget_activate_action (reach_window_get_contacts_view (window), "contacts.add", NULL);
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (REACH_IS_CONTACT_EDITOR (l->data))
        found = l->data;
  }
  g_assert_nonnull (found);
  editor = GTK_WIDGET (found);
  g_assert_false (reach_contact_editor_can_save (REACH_CONTACT_EDITOR (editor)));
  gtk_editable_set_text (GTK_EDITABLE (find_named (editor, "name")), "Erin Fox");
  g_assert_true (reach_contact_editor_can_save (REACH_CONTACT_EDITOR (editor)));
  gtk_widget_activate_action (editor, "editor.save", NULL);

  g_assert_cmpuint (n_listed (window), ==, G_N_ELEMENTS (samples) + 1);
  g_assert_cmpint (find_id (window, "Erin Fox"), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A person joins an organisation and a community group from the editor. */
static void
test_editor_memberships (void)
{
  g_autofree char *path = new_workspace ();
  ReachWindow *window = open_window (path, 1200, 800);
  ReachDb *db = reach_window_get_db (window);
  g_autoptr(ReachGroup) group = reach_group_new ();
  g_autoptr(GPtrArray) orgs = NULL;
  g_autoptr(GArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;
  gint64 amina;

  group->name = g_strdup ("Deaf BSL users in Harehills");
  reach_groups_insert (db, group, &error);
  g_assert_no_error (error);

  reach_window_set_page (window, "contacts");
  amina = find_id (window, "Amina Hussain");
  editor = reach_contacts_view_edit (contacts_view (window), amina);
  g_assert_nonnull (find_named (editor, "organisation:Harehills Deaf Forum"));
  /* an organisation is not a member of itself, nor are people organisations */
  g_assert_null (find_named (editor, "organisation:Brian Walker"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_named (editor, "organisation:Harehills Deaf Forum")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_named (editor, "group:Deaf BSL users in Harehills")), TRUE);
  gtk_widget_activate_action (editor, "editor.save", NULL);

  orgs = reach_contacts_list_organisations (db, amina, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (orgs->len, ==, 1);
  g_assert_cmpstr (((ReachContact *) g_ptr_array_index (orgs, 0))->name, ==, "Harehills Deaf Forum");
  groups = reach_contacts_list_group_ids (db, amina, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 1);
  g_assert_cmpint (g_array_index (groups, gint64, 0), ==, group->id);

  /* the community group filter finds her, and keeps its choice when read again */
  reach_window_set_page (window, "map");
  reach_window_set_page (window, "contacts");
  reach_contacts_view_set_group_filter (contacts_view (window), group->id);
  g_assert_cmpuint (n_listed (window), ==, 1);
  g_assert_cmpint (find_id (window, "Amina Hussain"), ==, amina);
  reach_contacts_view_reload (contacts_view (window));
  g_assert_cmpuint (n_listed (window), ==, 1);
  reach_contacts_view_set_group_filter (contacts_view (window), 0);
  g_assert_cmpuint (n_listed (window), ==, G_N_ELEMENTS (samples));
  editor = reach_contacts_view_edit (contacts_view (window), amina);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_named (editor, "group:Deaf BSL users in Harehills"))));
  /* and unticking takes her out again */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_named (editor, "group:Deaf BSL users in Harehills")), FALSE);
  gtk_widget_activate_action (editor, "editor.save", NULL);
  g_clear_pointer (&groups, g_array_unref);
  groups = reach_contacts_list_group_ids (db, amina, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- subject access and erasure ----------------------------------------- */

static void
test_export_and_erase (void)
{
  g_autofree char *path = new_workspace ();
  g_autofree char *dir = reach_test_tmpdir ();
  g_autofree char *json_path = g_build_filename (dir, "sar.json", NULL);
  ReachWindow *window = open_window (path, 1200, 800);
  ReachContactsView *view = contacts_view (window);
  ReachDb *db = reach_window_get_db (window);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ReachContact) gone = NULL;
  g_autofree char *contents = NULL;
  GtkWidget *editor, *dialog;
  GStatBuf st;
  gint64 brian;

  reach_window_set_page (window, "contacts");
  brian = find_id (window, "Brian Walker");
  editor = reach_contacts_view_edit (view, brian);
  wait_until_mapped (editor);

  /* everything held, as JSON, readable by its owner only */
  g_assert_true (reach_contact_editor_export_to (REACH_CONTACT_EDITOR (editor), json_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (json_path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Brian Walker"));
  g_assert_true (json_parser_load_from_data (parser, contents, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (json_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);

  /* Erase asks first; Cancel keeps the person */
  gtk_widget_activate_action (editor, "editor.erase", NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (dialog), "erase"),
                   ==, ADW_RESPONSE_DESTRUCTIVE);
  answer (dialog, "cancel");
  wait_ms (100);
  g_assert_cmpuint (n_listed (window), ==, G_N_ELEMENTS (samples));

  /* and Erase removes them for good: the list drops by one */
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_widget_activate_action (editor, "editor.erase", NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  answer (dialog, "erase");
  wait_ms (100);
  g_assert_null (editor);
  g_assert_cmpuint (n_listed (window), ==, G_N_ELEMENTS (samples) - 1);
  g_assert_cmpint (find_id (window, "Brian Walker"), ==, 0);
  gone = reach_contacts_get (db, brian, &error);
  g_assert_null (gone);
  g_clear_error (&error);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- importing ---------------------------------------------------------- */

static GtkWidget *
wait_for_message_dialog (void)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWidget *dialog = NULL;

  while ((dialog = find_message_dialog ()) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  return dialog;
}

/* Read, a summary, then Import writes the file's contacts; Cancel writes none. */
static void
test_import (void)
{
  g_autofree char *path = new_workspace ();
  g_autofree char *csv = reach_test_file ("data", "contacts", "contacts.csv", NULL);
  g_autofree char *broken = reach_test_file ("data", "contacts", "unknown-category.csv", NULL);
  ReachWindow *window = open_window (path, 1200, 800);
  ReachContactsView *view = contacts_view (window);
  GtkWidget *dialog;
  guint before;

  reach_window_set_page (window, "contacts");
  before = n_listed (window);

  /* Cancel on the summary: nothing written */
  reach_contacts_view_import_file (view, csv);
  dialog = wait_for_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), "Import"));
  answer (dialog, "cancel");
  wait_ms (100);
  g_assert_cmpuint (n_listed (window), ==, before);

  /* Import: the list grows by the file's contacts */
  reach_contacts_view_import_file (view, csv);
  dialog = wait_for_message_dialog ();
  g_assert_nonnull (dialog);
  answer (dialog, "import");
  wait_ms (100);
  g_assert_cmpuint (n_listed (window), >, before);
  g_assert_cmpint (find_id (window, "Amina Yusuf"), >, 0);
  before = n_listed (window);

  /* an unknown category is reported with the line, and nothing is written */
  reach_contacts_view_import_file (view, broken);
  dialog = wait_for_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Could Not Read the Contacts");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "Whiteish"));
  answer (dialog, "close");
  wait_ms (100);
  g_assert_cmpuint (n_listed (window), ==, before);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- people on the map -------------------------------------------------- */

static void
test_people_layer (void)
{
  g_autofree char *path = new_workspace ();
  ReachWindow *window = open_window (path, 1200, 800);
  ReachPeopleLayer *layer = REACH_PEOPLE_LAYER (reach_window_get_people_layer (window));
  g_autoptr(GVariant) state = NULL;

  /* off by default: nothing is drawn, nothing is even read */
  state = g_action_group_get_action_state (G_ACTION_GROUP (window), "show-people");
  g_assert_false (g_variant_get_boolean (state));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (layer)));
  g_assert_cmpuint (reach_people_layer_get_n_people (layer), ==, 0);

  /* on: the two people with a location */
  g_action_group_change_action_state (G_ACTION_GROUP (window), "show-people",
                                      g_variant_new_boolean (TRUE));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (layer)));
  g_assert_cmpuint (reach_people_layer_get_n_people (layer), ==, 2);

  g_action_group_change_action_state (G_ACTION_GROUP (window), "show-people",
                                      g_variant_new_boolean (FALSE));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (layer)));
  gtk_window_destroy (GTK_WINDOW (window));

  /* a new window starts without people again */
  window = open_window (path, 1200, 800);
  g_clear_pointer (&state, g_variant_unref);
  state = g_action_group_get_action_state (G_ACTION_GROUP (window), "show-people");
  g_assert_false (g_variant_get_boolean (state));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- screenshots -------------------------------------------------------- */

static GdkTexture *
render (GtkWidget *window)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  /* nothing yet when the window has not drawn its first frame: on a busy
   * machine that can take a while */
  for (guint tries = 0; node == NULL && tries < 50; tries++)
    {
      wait_ms (100);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static void
save_png (GtkWidget  *widget,
          const char *name)
{
  g_autofree char *tmpdir = reach_test_tmpdir ();
  const char *keep_dir = g_getenv ("REACH_SCREENSHOT_DIR");
  g_autofree char *path = g_build_filename (keep_dir ? keep_dir : tmpdir, name, NULL);
  g_autoptr(GdkTexture) texture = render (widget);

  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* A widget inside window, drawn with the window's renderer. */
static void
save_part_png (GtkWidget  *window,
               GtkWidget  *part,
               const char *name)
{
  g_autofree char *tmpdir = reach_test_tmpdir ();
  const char *keep_dir = g_getenv ("REACH_SCREENSHOT_DIR");
  g_autofree char *path = g_build_filename (keep_dir ? keep_dir : tmpdir, name, NULL);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (part);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (part);
  int height = gtk_widget_get_height (part);

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  /* the window's background under it, as on screen */
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0.5, 0.5, 0.5, 1 },
                             &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
screenshot (gconstpointer data)
{
  const char *which = data;
  gboolean narrow = strstr (which, "narrow") != NULL;
  gboolean dark = strstr (which, "dark") != NULL;
  const char *pages[] = { "contacts", "groups", "activities", "feedback" };
  g_autofree char *path = new_workspace ();
  AdwStyleManager *style = adw_style_manager_get_default ();
  ReachWindow *window;
  GtkWidget *editor;

  adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                  : ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = open_window (path, narrow ? 600 : 1440, narrow ? 800 : 900);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *png = g_strdup_printf ("page-%s-%s.png", pages[i], which);

      reach_window_set_page (window, pages[i]);
      wait_ms (400);
      save_png (GTK_WIDGET (window), png);
    }

  /* the filters, in their popover */
  {
    g_autofree char *png = g_strdup_printf ("contacts-filters-%s.png", which);
    GtkWidget *button = find_of_type (reach_window_get_contacts_view (window), GTK_TYPE_MENU_BUTTON);
    GtkPopover *popover;

    reach_window_set_page (window, "contacts");
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
    wait_until_mapped (GTK_WIDGET (popover));
    wait_ms (300);
    save_png (GTK_WIDGET (popover), png);
    gtk_popover_popdown (popover);
  }

  /* the map with people shown */
  {
    g_autofree char *png = g_strdup_printf ("page-map-people-%s.png", which);

    reach_window_set_page (window, "map");
    g_action_group_change_action_state (G_ACTION_GROUP (window), "show-people",
                                        g_variant_new_boolean (TRUE));
    wait_ms (800);
    save_png (GTK_WIDGET (window), png);
  }

  reach_window_set_page (window, "contacts");
  editor = reach_contacts_view_edit (contacts_view (window), find_id (window, "Brian Walker"));
  gtk_window_set_default_size (GTK_WINDOW (editor), 560, narrow ? 700 : 860);
  wait_until_mapped (editor);
  wait_ms (300);
  {
    g_autofree char *png = g_strdup_printf ("contact-editor-%s.png", which);
    g_autofree char *group_png = g_strdup_printf ("contact-editor-equality-%s.png", which);
    g_autofree char *consent_png = g_strdup_printf ("contact-editor-consent-%s.png", which);
    GtkWidget *equality = gtk_widget_get_ancestor (find_named (editor, "ethnic_group"),
                                                   ADW_TYPE_PREFERENCES_GROUP);
    GtkWidget *consent = gtk_widget_get_ancestor (find_named (editor, "consent-date"),
                                                  ADW_TYPE_PREFERENCES_GROUP);

    save_png (editor, png);
    /* below the fold: drawn on their own */
    save_part_png (editor, consent, consent_png);
    save_part_png (editor, equality, group_png);
  }
  gtk_window_destroy (GTK_WINDOW (editor));

  /* an organisation: a place instead of needs and equality answers */
  editor = reach_contacts_view_edit (contacts_view (window), find_id (window, "Harehills Deaf Forum"));
  wait_until_mapped (editor);
  wait_ms (300);
  {
    g_autofree char *png = g_strdup_printf ("contact-editor-organisation-%s.png", which);

    g_assert_false (gtk_widget_is_visible (find_named (editor, "ethnic_group")));
    save_png (editor, png);
  }
  gtk_window_destroy (GTK_WINDOW (editor));

  /* with consent that covers them, the answers can be chosen */
  editor = reach_contacts_view_edit (contacts_view (window), find_id (window, "Amina Hussain"));
  wait_until_mapped (editor);
  reach_contact_editor_set_equality (REACH_CONTACT_EDITOR (editor), "ethnic_group",
                                     category_id (reach_window_get_db (window), "ethnic_group", "indian"));
  wait_ms (300);
  {
    g_autofree char *png = g_strdup_printf ("contact-editor-equality-consented-%s.png", which);
    GtkWidget *equality = gtk_widget_get_ancestor (find_named (editor, "ethnic_group"),
                                                   ADW_TYPE_PREFERENCES_GROUP);

    g_assert_true (gtk_widget_get_sensitive (find_named (editor, "ethnic_group")));
    save_part_png (editor, equality, png);
  }
  gtk_window_destroy (GTK_WINDOW (editor));

  gtk_window_destroy (GTK_WINDOW (window));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = reach_test_tmpdir ();
  int status;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = reach_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/contacts-ui/pages", test_pages);
  g_test_add_func ("/contacts-ui/list-and-filters", test_list_and_filters);
  g_test_add_func ("/contacts-ui/empty", test_empty);
  g_test_add_func ("/contacts-ui/editor-consent-gate", test_editor_consent_gate);
  g_test_add_func ("/contacts-ui/editor-add", test_editor_add);
  g_test_add_func ("/contacts-ui/editor-memberships", test_editor_memberships);
  g_test_add_func ("/contacts-ui/export-and-erase", test_export_and_erase);
  g_test_add_func ("/contacts-ui/import", test_import);
  g_test_add_func ("/contacts-ui/people-layer", test_people_layer);
  g_test_add_data_func ("/contacts-ui/screenshot/wide-light", "wide-light", screenshot);
  g_test_add_data_func ("/contacts-ui/screenshot/wide-dark", "wide-dark", screenshot);
  g_test_add_data_func ("/contacts-ui/screenshot/narrow-light", "narrow-light", screenshot);
  g_test_add_data_func ("/contacts-ui/screenshot/narrow-dark", "narrow-dark", screenshot);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
