/* test-engagement-ui.c — the groups, activities and "you said, we did" pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb.  Each case builds a small workspace through the core,
 * shows a page or an editor and checks what the user would see or what
 * reaches the database.  The last case renders every page and editor to
 * PNG, wide and narrow, light and dark, into $REACH_SCREENSHOT_DIR when
 * set, else into a scratch folder.
 */
#include "config.h"

#include <adwaita.h>

#include "reach-feedback.h"

#include "reach-activities-view.h"
#include "reach-activity-editor.h"
#include "reach-activity.h"
#include "reach-area.h"
#include "reach-classification.h"
#include "reach-contacts.h"
#include "reach-demo.h"
#include "reach-feedback-editor.h"
#include "reach-feedback-view.h"
#include "reach-group-editor.h"
#include "reach-group.h"
#include "reach-groups-view.h"
#include "reach-places.h"
#include "reach-testutil.h"
#include "reach-window.h"

static ReachApplication *app;

typedef struct
{
  ReachDb *db;
  gint64   venue_id;
  gint64   contact_ids[6];
  gint64   reached_group;
  gint64   under_group;
  gint64   missed_group;
  gint64   activity_id;
  gint64   old_activity_id;
} Workspace;

static ReachDb *
new_db (void)
{
  g_autofree char *dir = reach_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "w.reach", NULL);
  g_autoptr(GError) error = NULL;
  ReachDb *db = reach_db_open (path, &error);

  g_assert_no_error (error);
  return db;
}

static gint64
add_contact (ReachDb    *db,
             const char *name)
{
  g_autoptr(ReachContact) contact = reach_contact_new ();
  g_autoptr(GError) error = NULL;

  contact->kind = REACH_CONTACT_PERSON;
  contact->name = g_strdup (name);
  contact->role = REACH_ROLE_RESIDENT;
  reach_contacts_insert (db, contact, &error);
  g_assert_no_error (error);
  return contact->id;
}

static gint64
add_group (ReachDb    *db,
           const char *name)
{
  g_autoptr(ReachGroup) group = reach_group_new ();
  g_autoptr(GError) error = NULL;

  group->name = g_strdup (name);
  reach_groups_insert (db, group, &error);
  g_assert_no_error (error);
  return group->id;
}

static gint64
add_activity (ReachDb         *db,
              const char      *title,
              int              days_ago,
              gint64           venue_id,
              ReachLadderRung  rung)
{
  g_autoptr(ReachActivity) activity = reach_activity_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) when = g_date_time_add_days (now, -days_ago);
  g_autoptr(GError) error = NULL;

  activity->title = g_strdup (title);
  activity->type = REACH_ACTIVITY_TYPE_WORKSHOP;
  activity->place_id = venue_id;
  activity->rung = rung;
  activity->status = REACH_ACTIVITY_DONE;
  reach_activity_set_starts_at (activity, when);
  reach_activities_insert (db, activity, &error);
  g_assert_no_error (error);
  return activity->id;
}

static gint64
add_area (ReachDb    *db,
          const char *code,
          const char *name)
{
  g_autoptr(ReachArea) area = reach_area_new ();
  g_autoptr(GError) error = NULL;

  area->code = g_strdup (code);
  area->name = g_strdup (name);
  area->level = REACH_AREA_LEVEL_WARD;
  area->geometry = reach_geometry_new_from_text ("{\"type\": \"Polygon\", \"coordinates\": "
                                                 "[[[-1.55, 53.80], [-1.50, 53.80], [-1.50, 53.83], "
                                                 "[-1.55, 53.83], [-1.55, 53.80]]]}", &error);
  g_assert_no_error (error);
  reach_areas_insert (db, area, &error);
  g_assert_no_error (error);
  return area->id;
}

static void
add_feedback (ReachDb             *db,
              gint64               activity_id,
              const char          *you_said,
              const char          *we_did,
              ReachFeedbackStatus  status)
{
  g_autoptr(ReachFeedback) feedback = reach_feedback_new ();
  g_autoptr(GError) error = NULL;

  feedback->activity_id = activity_id;
  feedback->you_said = g_strdup (you_said);
  feedback->we_did = g_strdup (we_did);
  feedback->status = status;
  reach_feedback_insert (db, feedback, &error);
  g_assert_no_error (error);
}

/* Three groups: one reached (five members at a co-design workshop), one
 * under-represented (one member), one nobody from which took part. */
static Workspace
build_workspace (void)
{
  static const char *names[] = {
    "Ama Mensah", "Bilal Hussain", "Carys Evans", "Dorota Nowak", "Eilidh Ross", "Farah Ali",
  };
  Workspace ws = { new_db () };
  g_autoptr(ReachPlace) venue = reach_place_new ();
  g_autoptr(GError) error = NULL;

  venue->name = g_strdup ("Chapeltown Library");
  venue->category = REACH_PLACE_CATEGORY_INSTITUTION;
  venue->is_venue = TRUE;
  venue->lat = 53.8181;
  venue->lon = -1.5295;
  reach_places_insert (ws.db, venue, &error);
  g_assert_no_error (error);
  ws.venue_id = venue->id;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    ws.contact_ids[i] = add_contact (ws.db, names[i]);

  ws.reached_group = add_group (ws.db, "Deaf BSL users");
  ws.under_group = add_group (ws.db, "Young carers in Seacroft");
  ws.missed_group = add_group (ws.db, "Gypsy and Traveller families");

  ws.activity_id = add_activity (ws.db, "Co-design workshop on GP access", 20, ws.venue_id,
                                 REACH_LADDER_CO_DESIGN);
  ws.old_activity_id = add_activity (ws.db, "Survey on bus routes", 400, 0,
                                     REACH_LADDER_CONSULTATION);
  for (guint i = 0; i < 5; i++)
    {
      reach_contacts_add_to_group (ws.db, ws.contact_ids[i], ws.reached_group, &error);
      g_assert_no_error (error);
      reach_activities_add_participant (ws.db, ws.activity_id, ws.contact_ids[i], NULL, &error);
      g_assert_no_error (error);
    }
  reach_contacts_add_to_group (ws.db, ws.contact_ids[5], ws.under_group, &error);
  g_assert_no_error (error);
  reach_activities_add_participant (ws.db, ws.activity_id, ws.contact_ids[5], NULL, &error);
  g_assert_no_error (error);

  add_feedback (ws.db, ws.activity_id, "The booking line closes too early", NULL,
                REACH_FEEDBACK_OPEN);
  add_feedback (ws.db, ws.activity_id, "Appointments need BSL interpreters",
                "Interpreters booked for every Tuesday clinic", REACH_FEEDBACK_DONE);

  return ws;
}

static void
clear_workspace (Workspace *ws)
{
  g_clear_object (&ws->db);
}

/* Widgets ---------------------------------------------------------------- */

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

static GtkWidget *
child (GtkWidget  *widget,
       GType       type,
       const char *id)
{
  GObject *object = gtk_widget_get_template_child (widget, type, id);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_type (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Every label the user can see, joined by newlines. */
static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (text, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (text, '\n');
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_text (c, text);
}

static char *
visible_text (GtkWidget *widget)
{
  GString *text = g_string_new (NULL);

  collect_text (widget, text);
  return g_string_free (text, FALSE);
}

/* The status label shown in the same row as a group's name. */
static GtkWidget *
row_with_title (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_ACTION_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = row_with_title (c, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Spins the main loop until the window has been drawn, for at most 5 s:
 * under a loaded test run the first frame can take a while. */
static void
wait_drawn (GtkWidget *window)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while ((!gtk_widget_get_mapped (window) || gtk_widget_get_width (window) == 0)
         && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  wait_ms (200);
}

static GtkWidget *
show_page (GtkWidget *page,
           int        width,
           int        height)
{
  GtkWidget *window = adw_window_new ();

  adw_window_set_content (ADW_WINDOW (window), page);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  wait_drawn (window);
  return window;
}

static gboolean
text_has (const char *text,
          const char *needle)
{
  if (strstr (text, needle) == NULL)
    {
      g_test_message ("%s not in:\n%s", needle, text);
      return FALSE;
    }
  return TRUE;
}

/* Cases ------------------------------------------------------------------ */

static void
assert_row_says (GtkWidget  *page,
                 const char *title,
                 const char *status)
{
  GtkWidget *row = row_with_title (page, title);
  g_autofree char *text = NULL;

  g_assert_nonnull (row);
  text = visible_text (row);
  g_assert_true (text_has (text, status));
}

static void
test_groups_view (void)
{
  Workspace ws = build_workspace ();
  GtkWidget *page = reach_groups_view_new ();
  GtkWidget *window = show_page (page, 900, 700);
  GtkWidget *search;
  GtkWidget *rule;
  g_autofree char *text = NULL;

  reach_groups_view_set_db (REACH_GROUPS_VIEW (page), ws.db);
  wait_ms (100);

  assert_row_says (page, "Deaf BSL users", reach_group_status_label (REACH_GROUP_STATUS_REACHED));
  assert_row_says (page, "Deaf BSL users", "5 people at 1 activity");
  assert_row_says (page, "Young carers in Seacroft",
                   reach_group_status_label (REACH_GROUP_STATUS_UNDER_REPRESENTED));
  assert_row_says (page, "Gypsy and Traveller families",
                   reach_group_status_label (REACH_GROUP_STATUS_NOT_YET_REACHED));

  /* The rule is the core's, word for word. */
  rule = child (page, REACH_TYPE_GROUPS_VIEW, "rule_label");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (rule)), ==, reach_group_status_rule_text ());

  search = child (page, REACH_TYPE_GROUPS_VIEW, "search_entry");
  gtk_editable_set_text (GTK_EDITABLE (search), "carers");
  wait_ms (300);
  text = visible_text (page);
  g_assert_true (text_has (text, "Young carers in Seacroft"));
  g_assert_null (strstr (text, "Deaf BSL users"));

  gtk_window_destroy (GTK_WINDOW (window));
  clear_workspace (&ws);
}

static void
test_group_editor_saves (void)
{
  Workspace ws = build_workspace ();
  GtkWidget *editor = reach_group_editor_new (NULL, ws.db, NULL);
  GType type = REACH_TYPE_GROUP_EDITOR;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  ReachGroup *saved = NULL;

  gtk_window_present (GTK_WINDOW (editor));
  g_assert_false (reach_group_editor_can_save (REACH_GROUP_EDITOR (editor)));
  gtk_editable_set_text (GTK_EDITABLE (child (editor, type, "name_row")), "Polish community");
  g_assert_true (reach_group_editor_can_save (REACH_GROUP_EDITOR (editor)));

  /* A point needs coordinates that make sense. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (editor, type, "where_row")), 1);
  gtk_editable_set_text (GTK_EDITABLE (child (editor, type, "lat_row")), "95");
  gtk_editable_set_text (GTK_EDITABLE (child (editor, type, "lon_row")), "-1.55");
  g_assert_false (reach_group_editor_can_save (REACH_GROUP_EDITOR (editor)));
  gtk_editable_set_text (GTK_EDITABLE (child (editor, type, "lat_row")), "53.80");
  g_assert_true (reach_group_editor_can_save (REACH_GROUP_EDITOR (editor)));

  g_signal_emit_by_name (child (editor, type, "save_button"), "clicked");
  wait_ms (100);

  groups = reach_groups_list (ws.db, "Polish", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 1);
  saved = g_ptr_array_index (groups, 0);
  g_assert_true (saved->has_point);
  g_assert_cmpfloat_with_epsilon (saved->lat, 53.80, 1e-9);
  clear_workspace (&ws);
}

/* Opening a saved group and saving it untouched keeps its categories. */
static void
test_group_editor_keeps (void)
{
  Workspace ws = build_workspace ();
  g_autoptr(ReachGroup) group = reach_groups_get (ws.db, ws.under_group, NULL);
  g_autoptr(ReachGroup) after = NULL;
  g_autoptr(ReachCategory) carer = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;

  carer = reach_categories_find (ws.db, "carer", "unpaid_care", &error);
  g_assert_no_error (error);
  reach_group_add_category (group, carer->id);
  reach_groups_update (ws.db, group, &error);
  g_assert_no_error (error);

  editor = reach_group_editor_new (NULL, ws.db, group);
  gtk_window_present (GTK_WINDOW (editor));
  g_signal_emit_by_name (child (editor, REACH_TYPE_GROUP_EDITOR, "save_button"), "clicked");
  wait_ms (100);

  after = reach_groups_get (ws.db, ws.under_group, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->category_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (after->category_ids, gint64, 0), ==, carer->id);
  clear_workspace (&ws);
}

static void
test_activities_view (void)
{
  Workspace ws = build_workspace ();
  GtkWidget *page = reach_activities_view_new ();
  GtkWidget *window = show_page (page, 900, 700);
  g_autofree char *text = NULL;
  g_autofree char *filtered = NULL;

  g_autoptr(ReachCategory) indian = reach_categories_find (ws.db, "ethnic_group", "indian", NULL);
  g_autoptr(ReachCategory) polish = reach_categories_find (ws.db, "ethnic_group", "other_white", NULL);
  g_autoptr(ReachCategory) carer = reach_categories_find (ws.db, "carer", "unpaid_care", NULL);

  /* The survey kept no names: 12 + 3 people by ethnic group, 4 carers. */
  g_assert_nonnull (polish);
  reach_activities_set_headcount (ws.db, ws.old_activity_id, indian->id, 12, NULL);
  reach_activities_set_headcount (ws.db, ws.old_activity_id, polish->id, 3, NULL);
  reach_activities_set_headcount (ws.db, ws.old_activity_id, carer->id, 4, NULL);
  add_activity (ws.db, "Coffee morning", 500, 0, REACH_LADDER_UNKNOWN);
  reach_activities_view_set_db (REACH_ACTIVITIES_VIEW (page), ws.db);
  wait_ms (100);

  assert_row_says (page, "Survey on bus routes", "15 counted");
  assert_row_says (page, "Co-design workshop on GP access", "Chapeltown Library");
  assert_row_says (page, "Co-design workshop on GP access", "6 participants");
  assert_row_says (page, "Co-design workshop on GP access",
                   reach_ladder_rung_label (REACH_LADDER_CO_DESIGN));
  text = visible_text (page);
  g_assert_true (text_has (text, "Survey on bus routes"));
  /* Newest first. */
  g_assert_true (strstr (text, "Co-design workshop") < strstr (text, "Survey on bus routes"));

  /* By rung: consultation is the survey's; the coffee morning's is unrecorded. */
  {
    GtkDropDown *rungs = GTK_DROP_DOWN (child (page, REACH_TYPE_ACTIVITIES_VIEW, "rung_dropdown"));
    g_autofree char *consultation = NULL;
    g_autofree char *unrecorded = NULL;

    gtk_drop_down_set_selected (rungs, REACH_LADDER_CONSULTATION + 1);
    wait_ms (100);
    consultation = visible_text (page);
    g_assert_true (text_has (consultation, "Survey on bus routes"));
    g_assert_null (strstr (consultation, "Co-design workshop on GP access"));
    g_assert_null (strstr (consultation, "Coffee morning"));

    gtk_drop_down_set_selected (rungs, REACH_N_LADDER_RUNGS + 1);
    wait_ms (100);
    unrecorded = visible_text (page);
    g_assert_true (text_has (unrecorded, "Coffee morning"));
    g_assert_null (strstr (unrecorded, "Survey on bus routes"));
    gtk_drop_down_set_selected (rungs, 0);
  }

  /* Last 12 months leaves the old survey out. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (page, REACH_TYPE_ACTIVITIES_VIEW,
                                                    "period_dropdown")), 2);
  wait_ms (100);
  filtered = visible_text (page);
  g_assert_true (text_has (filtered, "Co-design workshop on GP access"));
  g_assert_null (strstr (filtered, "Survey on bus routes"));

  gtk_window_destroy (GTK_WINDOW (window));
  clear_workspace (&ws);
}

static void
on_deleted (gint64  *out,
            gint64   id)
{
  *out = id;
}

static void
on_activity_saved (GtkWidget      *editor,
                   ReachActivity  *activity,
                   ReachActivity **out)
{
  g_set_object (out, activity);
}

static void
test_activity_editor_saves (void)
{
  Workspace ws = build_workspace ();
  GtkWidget *editor = reach_activity_editor_new (NULL, ws.db, NULL);
  GType type = REACH_TYPE_ACTIVITY_EDITOR;
  g_autoptr(ReachActivity) saved = NULL;
  g_autoptr(ReachCategory) indian = NULL;
  g_autoptr(ReachActivity) found = NULL;
  g_autoptr(GArray) participants = NULL;
  g_autoptr(GError) error = NULL;

  indian = reach_categories_find (ws.db, "ethnic_group", "indian", &error);
  g_assert_no_error (error);

  g_signal_connect (editor, "saved", G_CALLBACK (on_activity_saved), &saved);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_false (reach_activity_editor_can_save (REACH_ACTIVITY_EDITOR (editor)));

  gtk_editable_set_text (GTK_EDITABLE (child (editor, type, "title_row")), "Drop-in at the library");
  gtk_editable_set_text (GTK_EDITABLE (child (editor, type, "date_row")), "2026-03-12");
  gtk_editable_set_text (GTK_EDITABLE (child (editor, type, "start_row")), "25:00");
  g_assert_false (reach_activity_editor_can_save (REACH_ACTIVITY_EDITOR (editor)));
  gtk_editable_set_text (GTK_EDITABLE (child (editor, type, "start_row")), "14:00");
  g_assert_true (reach_activity_editor_can_save (REACH_ACTIVITY_EDITOR (editor)));
  /* The date is read back the way people say it. */
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (child (editor, type, "when_group"))),
                   ==, "Thursday 12 March 2026, 14:00");

  adw_combo_row_set_selected (ADW_COMBO_ROW (child (editor, type, "type_row")),
                              REACH_ACTIVITY_TYPE_DROP_IN);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (editor, type, "rung_row")),
                              REACH_LADDER_CONSULTATION + 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (editor, type, "venue_row")), 1);
  reach_activity_editor_set_participant (REACH_ACTIVITY_EDITOR (editor), ws.contact_ids[1], TRUE);
  reach_activity_editor_set_participant (REACH_ACTIVITY_EDITOR (editor), ws.contact_ids[3], TRUE);
  reach_activity_editor_set_headcount (REACH_ACTIVITY_EDITOR (editor), indian->id, 7);
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (child (editor, type, "participants_group"))),
                   ==, "Contacts who took part: 2 chosen");

  g_signal_emit_by_name (child (editor, type, "save_button"), "clicked");
  wait_ms (100);
  g_assert_nonnull (saved);
  g_assert_cmpint (saved->id, >, 0);

  found = reach_activities_get (ws.db, saved->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->title, ==, "Drop-in at the library");
  g_assert_cmpint (found->type, ==, REACH_ACTIVITY_TYPE_DROP_IN);
  g_assert_cmpint (found->rung, ==, REACH_LADDER_CONSULTATION);
  g_assert_cmpint (found->place_id, ==, ws.venue_id);
  g_assert_nonnull (found->starts_at);

  participants = reach_activities_get_participants (ws.db, found->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (participants->len, ==, 2);
  g_assert_cmpint (g_array_index (participants, gint64, 0), ==, ws.contact_ids[1]);
  g_assert_cmpint (g_array_index (participants, gint64, 1), ==, ws.contact_ids[3]);
  g_assert_cmpint (reach_activities_get_headcount (ws.db, found->id, indian->id, NULL), ==, 7);
  clear_workspace (&ws);
}

/* Opening a saved activity and saving it untouched changes nothing: the
 * form is filled in before it is read. */
static void
test_activity_editor_keeps (void)
{
  Workspace ws = build_workspace ();
  g_autoptr(ReachActivity) activity = reach_activities_get (ws.db, ws.activity_id, NULL);
  g_autoptr(ReachActivity) after = NULL;
  g_autoptr(ReachCategory) carer = NULL;
  g_autoptr(GArray) participants = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;

  carer = reach_categories_find (ws.db, "carer", "unpaid_care", &error);
  g_assert_no_error (error);
  reach_activities_set_headcount (ws.db, ws.activity_id, carer->id, 3, &error);
  g_assert_no_error (error);
  activity->provisions = REACH_PROVISION_BSL | REACH_PROVISION_HEARING_LOOP;
  activity->reciprocity = g_strdup ("£20 voucher each");
  activity->reciprocity_pence = 12000;
  reach_activities_update (ws.db, activity, &error);
  g_assert_no_error (error);

  editor = reach_activity_editor_new (NULL, ws.db, activity);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (reach_activity_editor_can_save (REACH_ACTIVITY_EDITOR (editor)));
  g_signal_emit_by_name (child (editor, REACH_TYPE_ACTIVITY_EDITOR, "save_button"), "clicked");
  wait_ms (100);

  after = reach_activities_get (ws.db, ws.activity_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (after->place_id, ==, ws.venue_id);
  g_assert_cmpint (after->provisions, ==, REACH_PROVISION_BSL | REACH_PROVISION_HEARING_LOOP);
  g_assert_cmpint (after->reciprocity_pence, ==, 12000);
  g_assert_cmpstr (after->reciprocity, ==, "£20 voucher each");
  g_assert_cmpint (after->rung, ==, REACH_LADDER_CO_DESIGN);
  /* The form shows minutes, so seconds are lost; nothing more. */
  g_assert_cmpint (ABS (g_date_time_difference (after->starts_at, activity->starts_at)), <, 60 * G_USEC_PER_SEC);
  participants = reach_activities_get_participants (ws.db, ws.activity_id, &error);
  g_assert_cmpuint (participants->len, ==, 6);
  g_assert_cmpint (reach_activities_get_headcount (ws.db, ws.activity_id, carer->id, NULL), ==, 3);
  clear_workspace (&ws);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours to free */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Deleting an activity asks first; Cancel keeps it, Delete takes it and
 * its "you said, we did" items away. */
static void
test_activity_editor_deletes (void)
{
  Workspace ws = build_workspace ();
  g_autoptr(ReachActivity) activity = reach_activities_get (ws.db, ws.activity_id, NULL);
  g_autoptr(ReachActivity) gone = NULL;
  g_autoptr(GPtrArray) feedback = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor = reach_activity_editor_new (NULL, ws.db, activity);
  GtkWidget *delete_group = child (editor, REACH_TYPE_ACTIVITY_EDITOR, "delete_group");
  GtkWidget *button = find_type (delete_group, GTK_TYPE_BUTTON);
  gint64 deleted = 0;
  AdwMessageDialog *dialog;

  g_signal_connect_swapped (editor, "deleted", G_CALLBACK (on_deleted), &deleted);
  gtk_window_present (GTK_WINDOW (editor));
  wait_drawn (editor);
  g_assert_true (gtk_widget_get_visible (delete_group));

  g_signal_emit_by_name (button, "clicked");
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  wait_ms (100);
  g_assert_cmpint (deleted, ==, 0);
  g_clear_object (&gone);
  gone = reach_activities_get (ws.db, ws.activity_id, &error);
  g_assert_no_error (error);

  g_signal_emit_by_name (button, "clicked");
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  wait_ms (100);
  g_assert_cmpint (deleted, ==, ws.activity_id);
  g_clear_object (&gone);
  gone = reach_activities_get (ws.db, ws.activity_id, &error);
  g_assert_null (gone);
  g_clear_error (&error);
  feedback = reach_feedback_list (ws.db, REACH_FEEDBACK_FILTER_ALL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (feedback->len, ==, 0);
  clear_workspace (&ws);
}

static void
test_feedback_view (void)
{
  Workspace ws = build_workspace ();
  GtkWidget *page = reach_feedback_view_new ();
  GtkWidget *window = show_page (page, 900, 700);
  GType type = REACH_TYPE_FEEDBACK_VIEW;
  g_autofree char *open_text = NULL;
  g_autofree char *done_text = NULL;
  g_autofree char *all_text = NULL;

  reach_feedback_view_set_db (REACH_FEEDBACK_VIEW (page), ws.db);
  wait_ms (100);

  /* "Still open" is the first filter. */
  open_text = visible_text (page);
  g_assert_true (text_has (open_text, "The booking line closes too early"));
  g_assert_null (strstr (open_text, "Appointments need BSL interpreters"));
  g_assert_true (text_has (open_text, "Still Open (1)"));
  g_assert_true (text_has (open_text, "Not Fed Back (1)"));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child (page, type, "not_fed_back_button")), TRUE);
  wait_ms (100);
  done_text = visible_text (page);
  g_assert_true (text_has (done_text, "Appointments need BSL interpreters"));
  g_assert_true (text_has (done_text, "Done, but the people who raised it were never told"));
  g_assert_true (text_has (done_text, "We did: Interpreters booked for every Tuesday clinic"));
  g_assert_null (strstr (done_text, "The booking line closes too early"));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child (page, type, "all_button")), TRUE);
  wait_ms (100);
  all_text = visible_text (page);
  g_assert_true (text_has (all_text, "Appointments need BSL interpreters"));
  g_assert_true (text_has (all_text, "The booking line closes too early"));

  /* Per activity: the old survey had no feedback; the workshop had both. */
  {
    GtkDropDown *activities = GTK_DROP_DOWN (child (page, type, "activity_dropdown"));
    g_autofree char *survey_text = NULL;
    g_autofree char *workshop_text = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (activities)), ==, 3);
    gtk_drop_down_set_selected (activities, 2);
    wait_ms (100);
    survey_text = visible_text (page);
    g_assert_true (text_has (survey_text, "All (0)"));
    g_assert_null (strstr (survey_text, "The booking line closes too early"));

    gtk_drop_down_set_selected (activities, 1);
    wait_ms (100);
    workshop_text = visible_text (page);
    g_assert_true (text_has (workshop_text, "All (2)"));
    g_assert_true (text_has (workshop_text, "The booking line closes too early"));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  clear_workspace (&ws);
}

static void
test_feedback_validation (void)
{
  Workspace ws = build_workspace ();
  GtkWidget *editor = reach_feedback_editor_new (NULL, ws.db, NULL, ws.activity_id);
  GType type = REACH_TYPE_FEEDBACK_EDITOR;
  ReachFeedbackEditor *fe = REACH_FEEDBACK_EDITOR (editor);
  GtkLabel *message = GTK_LABEL (child (editor, type, "message_label"));
  g_autoptr(GPtrArray) fed_back = NULL;
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (editor));
  g_assert_false (reach_feedback_editor_can_save (fe));

  gtk_editable_set_text (GTK_EDITABLE (child (editor, type, "you_said_row")), "More evening sessions");
  g_assert_true (reach_feedback_editor_can_save (fe));

  /* Fed back, with what was done and how, but no date: not yet. */
  gtk_editable_set_text (GTK_EDITABLE (child (editor, type, "we_did_row")), "Sessions moved to 6pm");
  gtk_editable_set_text (GTK_EDITABLE (child (editor, type, "how_row")), "letter");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (editor, type, "status_row")),
                              REACH_FEEDBACK_FED_BACK);
  g_assert_false (reach_feedback_editor_can_save (fe));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_true (text_has (gtk_label_get_text (message), "Say when it was fed back"));

  gtk_editable_set_text (GTK_EDITABLE (child (editor, type, "fed_back_row")), "2026-02-30");
  g_assert_false (reach_feedback_editor_can_save (fe));
  gtk_editable_set_text (GTK_EDITABLE (child (editor, type, "fed_back_row")), "2026-03-02");
  g_assert_true (reach_feedback_editor_can_save (fe));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));

  /* Without how, again not: Enter in the field does nothing. */
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_editable_set_text (GTK_EDITABLE (child (editor, type, "how_row")), "");
  g_assert_false (reach_feedback_editor_can_save (fe));
  gtk_widget_grab_focus (child (editor, type, "how_row"));
  g_signal_emit_by_name (find_type (child (editor, type, "how_row"), GTK_TYPE_TEXT), "activate");
  wait_ms (400);
  g_assert_nonnull (editor);

  /* With it, Enter saves and closes. */
  gtk_editable_set_text (GTK_EDITABLE (child (editor, type, "how_row")), "letter");
  g_signal_emit_by_name (find_type (child (editor, type, "how_row"), GTK_TYPE_TEXT), "activate");
  wait_ms (400);
  g_assert_null (editor);
  fed_back = reach_feedback_list (ws.db, REACH_FEEDBACK_FILTER_ALL, ws.activity_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fed_back->len, ==, 3);
  clear_workspace (&ws);
}

/* The pages share the main window's view stack, which is as wide as its
 * widest page: none may stop the window narrowing to a phone's width. */
static void
test_pages_fit_a_phone (void)
{
  Workspace ws = build_workspace ();
  GtkWidget *pages[] = {
    reach_groups_view_new (), reach_activities_view_new (), reach_feedback_view_new (),
  };

  reach_groups_view_set_db (REACH_GROUPS_VIEW (pages[0]), ws.db);
  reach_activities_view_set_db (REACH_ACTIVITIES_VIEW (pages[1]), ws.db);
  reach_feedback_view_set_db (REACH_FEEDBACK_VIEW (pages[2]), ws.db);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *window = show_page (pages[i], 1100, 720);
      int min = 0;

      gtk_widget_measure (pages[i], GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      g_test_message ("%s: at least %d px wide", G_OBJECT_TYPE_NAME (pages[i]), min);
      g_assert_cmpint (min, <=, 360);
      gtk_window_destroy (GTK_WINDOW (window));
    }
  clear_workspace (&ws);
}

/* Screenshots ------------------------------------------------------------ */

static void
save_png (GtkWidget  *window,
          const char *name)
{
  const char *dir = g_getenv ("REACH_SCREENSHOT_DIR");
  g_autofree char *tmp = dir == NULL ? reach_test_tmpdir () : NULL;
  g_autofree char *path = g_build_filename (dir != NULL ? dir : tmp, name, NULL);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  /* Under a loaded parallel test run the first frame may not be there yet. */
  for (guint tries = 0; node == NULL && tries < 50; tries++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      if (tries > 0)
        wait_ms (100);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);
}

static void
shoot_page (GtkWidget  *page,
            const char *name,
            const char *scheme)
{
  static const int sizes[][2] = { { 1100, 720 }, { 380, 720 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      GtkWidget *window = show_page (g_object_ref (page), sizes[i][0], sizes[i][1]);
      g_autofree char *file = g_strdup_printf ("%s-%s-%s.png", name, i == 0 ? "wide" : "narrow", scheme);

      save_png (window, file);
      adw_window_set_content (ADW_WINDOW (window), NULL);
      gtk_window_destroy (GTK_WINDOW (window));
      g_object_unref (page);
    }
}

/* A long form does not fit on the screen: shoot it in n_parts scrolls. */
static void
shoot_editor (GtkWidget  *editor,
              const char *name,
              const char *scheme,
              guint       n_parts)
{
  GtkWidget *scrolled;
  GtkAdjustment *adj;

  gtk_window_set_default_size (GTK_WINDOW (editor), 560, 860);
  gtk_window_present (GTK_WINDOW (editor));
  wait_drawn (editor);
  scrolled = find_type (editor, GTK_TYPE_SCROLLED_WINDOW);
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  for (guint i = 0; i < n_parts; i++)
    {
      g_autofree char *file = g_strdup_printf ("%s-%u-%s.png", name, i + 1, scheme);
      double range = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);

      gtk_adjustment_set_value (adj, n_parts > 1 ? range * i / (n_parts - 1) : 0);
      wait_ms (250);
      save_png (editor, file);
    }
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
screenshots (AdwColorScheme  color_scheme,
             const char     *scheme)
{
  Workspace ws = build_workspace ();
  GtkWidget *page;
  GtkWidget *editor;
  g_autoptr(ReachGroup) group = reach_groups_get (ws.db, ws.reached_group, NULL);
  g_autoptr(ReachActivity) activity = reach_activities_get (ws.db, ws.activity_id, NULL);
  g_autoptr(GPtrArray) items = reach_feedback_list (ws.db, REACH_FEEDBACK_FILTER_ALL, 0, NULL);
  g_autoptr(ReachCategory) indian = reach_categories_find (ws.db, "ethnic_group", "indian", NULL);

  reach_group_add_area (group, add_area (ws.db, "E05011405", "Chapel Allerton"));
  add_area (ws.db, "E05011417", "Harehills");
  reach_groups_update (ws.db, group, NULL);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);

  page = g_object_ref_sink (reach_groups_view_new ());
  reach_groups_view_set_db (REACH_GROUPS_VIEW (page), ws.db);
  shoot_page (page, "groups", scheme);
  g_object_unref (page);

  page = g_object_ref_sink (reach_activities_view_new ());
  reach_activities_view_set_db (REACH_ACTIVITIES_VIEW (page), ws.db);
  shoot_page (page, "activities", scheme);
  g_object_unref (page);

  page = g_object_ref_sink (reach_feedback_view_new ());
  reach_feedback_view_set_db (REACH_FEEDBACK_VIEW (page), ws.db);
  shoot_page (page, "feedback", scheme);
  g_object_unref (page);

  shoot_editor (reach_group_editor_new (NULL, ws.db, group), "group-editor", scheme, 2);
  editor = reach_activity_editor_new (NULL, ws.db, activity);
  reach_activity_editor_set_headcount (REACH_ACTIVITY_EDITOR (editor), indian->id, 4);
  shoot_editor (editor, "activity-editor", scheme, 5);
  editor = reach_feedback_editor_new (NULL, ws.db, g_ptr_array_index (items, 0), 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (editor, REACH_TYPE_FEEDBACK_EDITOR, "status_row")),
                              REACH_FEEDBACK_FED_BACK);
  shoot_editor (editor, "feedback-editor", scheme, 1);

  clear_workspace (&ws);
}

/* The demo workspace, as a user first sees it: every page shot, and the
 * groups page shows groups both reached and not. */
static void
test_demo (void)
{
  g_autofree char *dir = reach_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "demo.reach", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReachDb) db = reach_db_open (path, &error);
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autofree char *text = NULL;
  GtkWidget *page;
  GtkWidget *window;

  g_assert_no_error (error);
  reach_demo_build (db, reach_data_dir (), &error);
  g_assert_no_error (error);

  page = g_object_ref_sink (reach_groups_view_new ());
  reach_groups_view_set_db (REACH_GROUPS_VIEW (page), db);
  window = show_page (g_object_ref (page), 1100, 720);
  text = visible_text (page);
  g_assert_true (text_has (text, reach_group_status_label (REACH_GROUP_STATUS_REACHED)));
  g_assert_true (text_has (text, reach_group_status_label (REACH_GROUP_STATUS_NOT_YET_REACHED)));
  adw_window_set_content (ADW_WINDOW (window), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (page);
  g_object_unref (page);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  page = g_object_ref_sink (reach_groups_view_new ());
  reach_groups_view_set_db (REACH_GROUPS_VIEW (page), db);
  shoot_page (page, "demo-groups", "light");
  g_object_unref (page);
  page = g_object_ref_sink (reach_activities_view_new ());
  reach_activities_view_set_db (REACH_ACTIVITIES_VIEW (page), db);
  shoot_page (page, "demo-activities", "light");
  g_object_unref (page);
  page = g_object_ref_sink (reach_feedback_view_new ());
  reach_feedback_view_set_db (REACH_FEEDBACK_VIEW (page), db);
  shoot_page (page, "demo-feedback", "light");
  g_object_unref (page);

  groups = reach_groups_list (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, >, 0);
  shoot_editor (reach_group_editor_new (NULL, db, g_ptr_array_index (groups, 0)),
                "demo-group-editor", "light", 1);
  activities = reach_activities_list (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, >, 0);
  shoot_editor (reach_activity_editor_new (NULL, db, g_ptr_array_index (activities, 0)),
                "demo-activity-editor", "light", 2);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_screenshots (void)
{
  screenshots (ADW_COLOR_SCHEME_FORCE_LIGHT, "light");
  screenshots (ADW_COLOR_SCHEME_FORCE_DARK, "dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* In the main window: a page is read again each time it is shown, so an
 * activity saved elsewhere changes a group's status when the user comes
 * back to the groups page.  Shoots the window on each page. */
static void
test_in_window (void)
{
  Workspace ws = build_workspace ();
  ReachWindow *window = reach_window_new (app);
  g_autoptr(GError) error = NULL;
  GtkWidget *groups;
  static const char *pages[] = { "groups", "activities", "feedback" };

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  reach_window_open_workspace (window, reach_db_get_path (ws.db), &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  wait_drawn (GTK_WIDGET (window));

  reach_window_set_page (window, "groups");
  wait_ms (200);
  groups = find_type (GTK_WIDGET (window), REACH_TYPE_GROUPS_VIEW);
  g_assert_nonnull (groups);
  assert_row_says (groups, "Young carers in Seacroft",
                   reach_group_status_label (REACH_GROUP_STATUS_UNDER_REPRESENTED));

  /* Four more young carers took part, recorded while another page shows. */
  reach_window_set_page (window, "activities");
  wait_ms (100);
  for (guint i = 0; i < 4; i++)
    {
      reach_contacts_add_to_group (ws.db, ws.contact_ids[i], ws.under_group, &error);
      g_assert_no_error (error);
    }
  reach_window_set_page (window, "groups");
  wait_ms (200);
  assert_row_says (groups, "Young carers in Seacroft",
                   reach_group_status_label (REACH_GROUP_STATUS_REACHED));

  /* Light only: the pages themselves are shot dark in /engagement-ui/screenshots. */
  for (guint scheme = 0; scheme < 1; scheme++)
    {
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          scheme == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT
                                                      : ADW_COLOR_SCHEME_FORCE_DARK);
      for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
        for (guint narrow = 0; narrow < 2; narrow++)
          {
            g_autofree char *file = g_strdup_printf ("window-%s-%s-%s.png", pages[i],
                                                     narrow ? "narrow" : "wide",
                                                     scheme == 0 ? "light" : "dark");

            gtk_window_set_default_size (GTK_WINDOW (window), narrow ? 400 : 1200, 800);
            reach_window_set_page (window, pages[i]);
            wait_ms (250);
            save_png (GTK_WIDGET (window), file);
          }
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
  clear_workspace (&ws);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = reach_test_tmpdir ();

  /* The window remembers recent workspaces: keep that out of the user's home. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = reach_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/engagement-ui/groups-view", test_groups_view);
  g_test_add_func ("/engagement-ui/group-editor-saves", test_group_editor_saves);
  g_test_add_func ("/engagement-ui/group-editor-keeps", test_group_editor_keeps);
  g_test_add_func ("/engagement-ui/activities-view", test_activities_view);
  g_test_add_func ("/engagement-ui/activity-editor-saves", test_activity_editor_saves);
  g_test_add_func ("/engagement-ui/activity-editor-keeps", test_activity_editor_keeps);
  g_test_add_func ("/engagement-ui/activity-editor-deletes", test_activity_editor_deletes);
  g_test_add_func ("/engagement-ui/feedback-view", test_feedback_view);
  g_test_add_func ("/engagement-ui/feedback-validation", test_feedback_validation);
  g_test_add_func ("/engagement-ui/pages-fit-a-phone", test_pages_fit_a_phone);
  g_test_add_func ("/engagement-ui/screenshots", test_screenshots);
  g_test_add_func ("/engagement-ui/demo", test_demo);
  g_test_add_func ("/engagement-ui/in-window", test_in_window);

  return g_test_run ();
}
