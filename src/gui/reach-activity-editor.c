/* reach-activity-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Edits a copy of an activity together with who took part and its
 * anonymous headcounts; Save writes all three in one transaction so a
 * failure leaves the workspace as it was.  Dates and times are typed in the
 * local time zone and stored in UTC, as the core keeps them.
 */
#define G_LOG_DOMAIN "reach-activity-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "reach-activity-editor.h"
#include "reach-area.h"
#include "reach-check-list.h"
#include "reach-confirm.h"
#include "reach-classification.h"
#include "reach-contacts.h"
#include "reach-places.h"

struct _ReachActivityEditor
{
  AdwWindow            parent_instance;

  ReachDb             *db;
  ReachActivity       *activity;         /* the copy being edited */
  GArray              *place_ids;        /* gint64 per venue combo position; 0 first */
  GPtrArray           *characteristics;  /* ReachCharacteristic per combo position */
  GHashTable          *counts;           /* category id → gint64 count, as typed */
  GHashTable          *saved_counts;     /* category id → gint64 count, in the db */
  GArray              *saved_participants;
  GPtrArray           *count_rows;       /* rows in counts_group now */
  GtkWidget           *areas;            /* ReachCheckList */
  GtkWidget           *provisions;       /* ReachCheckList, ids are provision flags */
  GtkWidget           *participants;     /* ReachCheckList, ids are contact ids */

  gboolean             filling;       /* fill_form() is setting the fields */

  AdwWindowTitle      *window_title;
  GtkWidget           *save_button;
  AdwPreferencesGroup *failure_group;
  GtkLabel            *failure_label;
  AdwPreferencesGroup *delete_group;
  AdwEntryRow         *title_row;
  AdwComboRow         *type_row;
  AdwComboRow         *status_row;
  AdwEntryRow         *date_row;
  AdwEntryRow         *start_row;
  AdwEntryRow         *end_row;
  GtkLabel            *when_message;
  AdwPreferencesGroup *when_group;
  AdwComboRow         *venue_row;
  AdwPreferencesGroup *areas_group;
  AdwComboRow         *rung_row;
  AdwComboRow         *stage_row;
  AdwPreferencesGroup *provisions_group;
  AdwEntryRow         *reciprocity_row;
  AdwEntryRow         *amount_row;
  GtkLabel            *amount_message;
  AdwPreferencesGroup *participants_group;
  AdwComboRow         *characteristic_row;
  AdwPreferencesGroup *counts_group;
  AdwEntryRow         *notes_row;
};

G_DEFINE_FINAL_TYPE (ReachActivityEditor, reach_activity_editor, ADW_TYPE_WINDOW)

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
parse_date (const char *text,
            int        *y,
            int        *m,
            int        *d)
{
  char extra;

  return sscanf (text, "%4d-%2d-%2d%c", y, m, d, &extra) == 3 && g_date_valid_dmy (*d, *m, *y);
}

/* "14:00" or "9.30"; empty is allowed and means "not said". */
static gboolean
parse_time (const char *text,
            int        *h,
            int        *min)
{
  char extra;

  *h = -1;
  *min = 0;
  if (*text == '\0')
    return TRUE;
  if (sscanf (text, "%2d:%2d%c", h, min, &extra) != 2
      && sscanf (text, "%2d.%2d%c", h, min, &extra) != 2)
    return FALSE;
  return *h >= 0 && *h < 24 && *min >= 0 && *min < 60;
}

static GDateTime *
local_to_utc (int y, int m, int d, int h, int min)
{
  g_autoptr(GDateTime) local = g_date_time_new_local (y, m, d, MAX (h, 0), min, 0);

  return local != NULL ? g_date_time_to_utc (local) : NULL;
}

/* Date and times into self->activity; a message says what is wrong. */
static gboolean
read_when (ReachActivityEditor  *self,
           const char          **message)
{
  g_autofree char *date = row_text (self->date_row);
  g_autofree char *start = row_text (self->start_row);
  g_autofree char *end = row_text (self->end_row);
  int y, m, d, sh, smin, eh, emin;
  gboolean date_ok = *date == '\0' || parse_date (date, &y, &m, &d);
  gboolean start_ok = parse_time (start, &sh, &smin);
  gboolean end_ok = parse_time (end, &eh, &emin);
  g_autoptr(GDateTime) starts = NULL;
  g_autoptr(GDateTime) ends = NULL;

  mark (self->date_row, !date_ok);
  mark (self->start_row, !start_ok);
  mark (self->end_row, !end_ok);
  if (!date_ok)
    *message = _("The date is written as year-month-day, such as 2026-03-12");
  else if (!start_ok || !end_ok)
    *message = _("Times are written as hours and minutes, such as 14:00");
  else if (*date == '\0' && (sh >= 0 || eh >= 0))
    *message = _("A time needs a date");
  if (!date_ok || !start_ok || !end_ok || (*date == '\0' && (sh >= 0 || eh >= 0)))
    return FALSE;

  if (*date != '\0')
    {
      starts = local_to_utc (y, m, d, sh, smin);
      if (eh >= 0)
        ends = local_to_utc (y, m, d, eh, emin);
    }
  reach_activity_set_starts_at (self->activity, starts);
  reach_activity_set_ends_at (self->activity, ends);

  if (starts != NULL && ends != NULL && g_date_time_compare (ends, starts) < 0)
    {
      *message = _("The activity ends before it starts");
      mark (self->end_row, TRUE);
      return FALSE;
    }
  return TRUE;
}

/* The date as people say it, under the heading, once it reads right:
 * "Thursday 12 March 2026, 14:00 to 16:00". */
static void
show_when (ReachActivityEditor *self,
           gboolean             ok)
{
  g_autoptr(GDateTime) starts = NULL;
  g_autoptr(GDateTime) ends = NULL;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  g_autofree char *start_text = row_text (self->start_row);

  if (!ok || self->activity->starts_at == NULL)
    {
      adw_preferences_group_set_description (self->when_group,
                                             _("Date as 2026-03-12, times as 14:00"));
      return;
    }

  starts = g_date_time_to_local (self->activity->starts_at);
  date = g_date_time_format (starts, "%A %-d %B %Y");
  if (self->activity->ends_at != NULL)
    {
      ends = g_date_time_to_local (self->activity->ends_at);
      text = g_strdup_printf (_("%s, %02d:%02d to %02d:%02d"), date,
                              g_date_time_get_hour (starts), g_date_time_get_minute (starts),
                              g_date_time_get_hour (ends), g_date_time_get_minute (ends));
    }
  else if (*start_text != '\0')
    text = g_strdup_printf ("%s, %02d:%02d", date,
                            g_date_time_get_hour (starts), g_date_time_get_minute (starts));
  else
    text = g_steal_pointer (&date);
  adw_preferences_group_set_description (self->when_group, text);
}

/* "12.50" → 1250 pence; empty gives -1 (none). */
static gboolean
read_amount (ReachActivityEditor *self)
{
  g_autofree char *text = g_strdelimit (row_text (self->amount_row), ",", '.');
  char *end = NULL;
  double pounds;

  self->activity->reciprocity_pence = -1;
  if (*text == '\0')
    return TRUE;
  pounds = g_ascii_strtod (g_str_has_prefix (text, "£") ? text + strlen ("£") : text, &end);
  if (*end != '\0' || !isfinite (pounds) || pounds < 0 || pounds > 1e9)
    return FALSE;
  self->activity->reciprocity_pence = (gint64) llround (pounds * 100);
  return TRUE;
}

static int
combo_int (AdwComboRow *row,
           int          offset)
{
  return (int) adw_combo_row_get_selected (row) - offset;
}

static gboolean
read_form (ReachActivityEditor *self)
{
  ReachActivity *activity = self->activity;
  const char *when_message = NULL;
  g_autoptr(GArray) areas = NULL;
  g_autoptr(GArray) provisions = NULL;
  g_autoptr(GError) error = NULL;
  guint venue = adw_combo_row_get_selected (self->venue_row);
  gboolean when_ok, amount_ok;

  g_free (activity->title);
  activity->title = row_text (self->title_row);
  mark (self->title_row, *activity->title == '\0'
                         && g_object_get_data (G_OBJECT (self->title_row), "touched") != NULL);
  activity->type = combo_int (self->type_row, 0);
  activity->status = combo_int (self->status_row, 0);
  activity->rung = combo_int (self->rung_row, 1);
  activity->stage = combo_int (self->stage_row, 1);
  activity->place_id = venue < self->place_ids->len ? g_array_index (self->place_ids, gint64, venue) : 0;

  when_ok = read_when (self, &when_message);
  set_message (self->when_message, when_ok ? NULL : when_message);
  show_when (self, when_ok);

  amount_ok = read_amount (self);
  mark (self->amount_row, !amount_ok);
  set_message (self->amount_message,
               amount_ok ? NULL : _("The total is an amount in pounds, such as 25 or 12.50"));
  g_free (activity->reciprocity);
  activity->reciprocity = row_text_or_null (self->reciprocity_row);
  g_free (activity->notes);
  activity->notes = row_text_or_null (self->notes_row);

  g_array_set_size (activity->area_ids, 0);
  areas = reach_check_list_get_selected (REACH_CHECK_LIST (self->areas));
  for (guint i = 0; i < areas->len; i++)
    reach_activity_add_area (activity, g_array_index (areas, gint64, i));

  activity->provisions = 0;
  provisions = reach_check_list_get_selected (REACH_CHECK_LIST (self->provisions));
  for (guint i = 0; i < provisions->len; i++)
    activity->provisions |= (ReachProvisions) g_array_index (provisions, gint64, i);

  return when_ok && amount_ok && reach_activity_validate (activity, &error);
}

/* "Contacts who took part: 5 chosen", so a long list need not be scrolled. */
static void
show_participant_count (ReachActivityEditor *self)
{
  g_autoptr(GArray) chosen = reach_check_list_get_selected (REACH_CHECK_LIST (self->participants));
  g_autofree char *text = NULL;

  if (chosen->len == 0)
    text = g_strdup (_("Contacts who took part"));
  else
    text = g_strdup_printf (g_dngettext (NULL, "Contacts who took part: %u chosen",
                                         "Contacts who took part: %u chosen", chosen->len),
                            chosen->len);
  adw_preferences_group_set_description (self->participants_group, text);
}

static void
on_changed (ReachActivityEditor *self)
{
  /* Reading a half-filled form would overwrite the record with blanks. */
  if (self->filling)
    return;
  gtk_widget_set_sensitive (self->save_button, read_form (self));
  show_participant_count (self);
}

/* The title is only flagged once the user has typed in it. */
static void
on_title_changed (ReachActivityEditor *self)
{
  g_object_set_data (G_OBJECT (self->title_row), "touched", GINT_TO_POINTER (1));
  on_changed (self);
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

static gboolean
save_participants (ReachActivityEditor  *self,
                   GError              **error)
{
  g_autoptr(GArray) chosen = reach_check_list_get_selected (REACH_CHECK_LIST (self->participants));
  gint64 activity_id = self->activity->id;

  for (guint i = 0; i < chosen->len; i++)
    {
      gint64 id = g_array_index (chosen, gint64, i);

      if (!contains_id (self->saved_participants, id)
          && !reach_activities_add_participant (self->db, activity_id, id, NULL, error))
        return FALSE;
    }
  for (guint i = 0; self->saved_participants != NULL && i < self->saved_participants->len; i++)
    {
      gint64 id = g_array_index (self->saved_participants, gint64, i);

      if (!contains_id (chosen, id)
          && !reach_activities_remove_participant (self->db, activity_id, id, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_headcounts (ReachActivityEditor  *self,
                 GError              **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 category_id = *(gint64 *) key;
      gint64 count = *(gint64 *) value;
      gboolean was_saved = g_hash_table_contains (self->saved_counts, &category_id);

      if (count > 0)
        {
          if (!reach_activities_set_headcount (self->db, self->activity->id, category_id,
                                               count, error))
            return FALSE;
        }
      else if (was_saved
               && !reach_activities_clear_headcount (self->db, self->activity->id,
                                                     category_id, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_all (ReachActivityEditor  *self,
          GError              **error)
{
  gboolean is_new = self->activity->id == 0;

  if (!reach_db_begin (self->db, error))
    return FALSE;

  if (!(is_new ? reach_activities_insert (self->db, self->activity, error)
               : reach_activities_update (self->db, self->activity, error))
      || !save_participants (self, error)
      || !save_headcounts (self, error)
      || !reach_db_commit (self->db, error))
    {
      reach_db_rollback (self->db);
      if (is_new)
        self->activity->id = 0;
      return FALSE;
    }
  return TRUE;
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    ReachActivityEditor *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = self->activity->id;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!reach_activities_delete (self->db, id, &error))
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
on_delete_clicked (ReachActivityEditor *self)
{
  reach_confirm_delete (GTK_WINDOW (self), _("Delete Activity?"),
                        _("Who took part, its headcounts and its “you said, we did” items are deleted with it."),
                        G_CALLBACK (on_delete_response), self);
}

static void
on_save_clicked (ReachActivityEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!read_form (self))
    return;

  if (!save_all (self, &error))
    {
      gtk_label_set_text (self->failure_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->failure_group), TRUE);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, self->activity);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Headcounts ------------------------------------------------------------ */

static gint64
count_of (GHashTable *counts,
          gint64      category_id)
{
  gint64 *count = g_hash_table_lookup (counts, &category_id);

  return count != NULL ? *count : 0;
}

static void
put_count (GHashTable *counts,
           gint64      category_id,
           gint64      count)
{
  g_hash_table_insert (counts, g_memdup2 (&category_id, sizeof category_id),
                       g_memdup2 (&count, sizeof count));
}

static void
on_count_changed (GtkSpinButton       *spin,
                  ReachActivityEditor *self)
{
  gint64 category_id = *(gint64 *) g_object_get_data (G_OBJECT (spin), "category-id");

  put_count (self->counts, category_id, gtk_spin_button_get_value_as_int (spin));
}

static GtkWidget *
count_row (ReachActivityEditor *self,
           ReachCategory       *category)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 100000, 1);
  const char *detail = strrchr (category->label, ':');

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  /* A detailed category sits under its broad one: "Indian", indented. */
  if (category->parent_id != 0 && detail != NULL)
    {
      GtkWidget *indent = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_widget_set_size_request (indent, 18, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), indent);
      while (*++detail == ' ')
        ;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), detail);
    }
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), category->label);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), count_of (self->counts, category->id));
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  category->label, -1);
  g_object_set_data_full (G_OBJECT (spin), "category-id",
                          g_memdup2 (&category->id, sizeof category->id), g_free);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_count_changed), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  return row;
}

static void
on_characteristic_changed (ReachActivityEditor *self)
{
  guint pos = adw_combo_row_get_selected (self->characteristic_row);
  ReachCharacteristic *characteristic;
  g_autoptr(GPtrArray) categories = NULL;

  if (self->count_rows == NULL)
    return;
  for (guint i = 0; i < self->count_rows->len; i++)
    adw_preferences_group_remove (self->counts_group, g_ptr_array_index (self->count_rows, i));
  g_ptr_array_set_size (self->count_rows, 0);

  if (self->characteristics == NULL || pos >= self->characteristics->len)
    return;

  characteristic = g_ptr_array_index (self->characteristics, pos);
  categories = reach_categories_list (self->db, characteristic->key, NULL);
  for (guint i = 0; categories != NULL && i < categories->len; i++)
    {
      GtkWidget *row = count_row (self, g_ptr_array_index (categories, i));

      adw_preferences_group_add (self->counts_group, row);
      g_ptr_array_add (self->count_rows, row);
    }
}

/* Filling the form ------------------------------------------------------ */

static void
set_combo_strings (AdwComboRow *row,
                   const char  *first_label,
                   int          n,
                   const char *(*label) (int))
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  if (first_label != NULL)
    gtk_string_list_append (list, first_label);
  for (int i = 0; i < n; i++)
    gtk_string_list_append (list, label (i));
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

static void
fill_venues (ReachActivityEditor *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) places = reach_places_list (self->db, NULL, NULL);
  gint64 none = 0;
  guint selected = 0;

  gtk_string_list_append (list, _("No venue"));
  g_array_append_val (self->place_ids, none);
  for (guint i = 0; places != NULL && i < places->len; i++)
    {
      ReachPlace *place = g_ptr_array_index (places, i);

      if (!place->is_venue && place->id != self->activity->place_id)
        continue;
      if (place->id == self->activity->place_id)
        selected = self->place_ids->len;
      gtk_string_list_append (list, place->name);
      g_array_append_val (self->place_ids, place->id);
    }
  adw_combo_row_set_model (self->venue_row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (self->venue_row, selected);
}

static void
fill_areas (ReachActivityEditor *self)
{
  g_autoptr(GPtrArray) areas = reach_areas_list (self->db, -1, NULL);

  /* Two passes: the areas already covered first, where they are seen. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; areas != NULL && i < areas->len; i++)
      {
        ReachArea *area = g_ptr_array_index (areas, i);
        gboolean chosen = contains_id (self->activity->area_ids, area->id);
        g_autofree char *subtitle = NULL;

        if (chosen != (pass == 0))
          continue;
        subtitle = g_strdup_printf ("%s · %s", reach_area_level_label (area->level), area->code);
        reach_check_list_append (REACH_CHECK_LIST (self->areas), area->id,
                                 area->name != NULL ? area->name : area->code, subtitle, chosen);
      }
}

static void
fill_provisions (ReachActivityEditor *self)
{
  for (int i = 0; i < REACH_N_PROVISIONS; i++)
    {
      ReachProvisions flag = 1 << i;

      reach_check_list_append (REACH_CHECK_LIST (self->provisions), flag,
                               reach_provision_label (flag), NULL,
                               (self->activity->provisions & flag) != 0);
    }
}

static void
fill_participants (ReachActivityEditor *self)
{
  ReachContactFilter filter;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;

  if (self->activity->id != 0)
    self->saved_participants = reach_activities_get_participants (self->db, self->activity->id, NULL);

  reach_contact_filter_init (&filter);
  contacts = reach_contacts_list (self->db, &filter, &error);
  if (contacts == NULL)
    {
      reach_check_list_set_empty_text (REACH_CHECK_LIST (self->participants), error->message);
      return;
    }
  /* Those who took part first, then everyone else, each by name. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < contacts->len; i++)
      {
        ReachContact *contact = g_ptr_array_index (contacts, i);
        gboolean chosen = contains_id (self->saved_participants, contact->id);
        const char *subtitle = contact->role != REACH_ROLE_NONE
                               ? reach_contact_role_label (contact->role)
                               : reach_contact_kind_label (contact->kind);

        if (chosen != (pass == 0))
          continue;
        reach_check_list_append (REACH_CHECK_LIST (self->participants), contact->id, contact->name,
                                 subtitle, chosen);
      }
}

static void
fill_headcounts (ReachActivityEditor *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  if (self->activity->id != 0)
    {
      g_autoptr(GArray) saved = reach_activities_list_headcounts (self->db, self->activity->id, NULL);

      for (guint i = 0; saved != NULL && i < saved->len; i++)
        {
          ReachHeadcount *headcount = &g_array_index (saved, ReachHeadcount, i);

          put_count (self->saved_counts, headcount->category_id, headcount->count);
          put_count (self->counts, headcount->category_id, headcount->count);
        }
    }

  self->characteristics = reach_characteristics_list (self->db, NULL);
  for (guint i = 0; self->characteristics != NULL && i < self->characteristics->len; i++)
    {
      ReachCharacteristic *characteristic = g_ptr_array_index (self->characteristics, i);

      gtk_string_list_append (labels, characteristic->label);
    }
  self->count_rows = g_ptr_array_new ();
  adw_combo_row_set_model (self->characteristic_row, G_LIST_MODEL (labels));
  on_characteristic_changed (self);
}

static void
fill_when (ReachActivityEditor *self)
{
  if (self->activity->starts_at != NULL)
    {
      g_autoptr(GDateTime) starts = g_date_time_to_local (self->activity->starts_at);
      g_autofree char *date = g_date_time_format (starts, "%Y-%m-%d");
      g_autofree char *time = g_date_time_format (starts, "%H:%M");

      set_row_text (self->date_row, date);
      set_row_text (self->start_row, time);
    }
  if (self->activity->ends_at != NULL)
    {
      g_autoptr(GDateTime) ends = g_date_time_to_local (self->activity->ends_at);
      g_autofree char *time = g_date_time_format (ends, "%H:%M");

      set_row_text (self->end_row, time);
    }
}

static void
fill_form (ReachActivityEditor *self)
{
  ReachActivity *activity = self->activity;

  set_row_text (self->title_row, activity->title);
  adw_combo_row_set_selected (self->type_row, activity->type);
  adw_combo_row_set_selected (self->status_row, activity->status);
  adw_combo_row_set_selected (self->rung_row, activity->rung + 1);
  adw_combo_row_set_selected (self->stage_row, activity->stage + 1);
  fill_when (self);
  set_row_text (self->reciprocity_row, activity->reciprocity);
  if (activity->reciprocity_pence >= 0)
    {
      g_autofree char *amount = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d",
                                                 activity->reciprocity_pence / 100,
                                                 (int) (activity->reciprocity_pence % 100));
      set_row_text (self->amount_row, amount);
    }
  set_row_text (self->notes_row, activity->notes);

  fill_venues (self);
  fill_areas (self);
  fill_provisions (self);
  fill_participants (self);
  fill_headcounts (self);
}

/* Type ------------------------------------------------------------------ */

static void
reach_activity_editor_dispose (GObject *object)
{
  ReachActivityEditor *self = REACH_ACTIVITY_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), REACH_TYPE_ACTIVITY_EDITOR);
  g_clear_object (&self->activity);
  g_clear_object (&self->db);
  g_clear_pointer (&self->place_ids, g_array_unref);
  g_clear_pointer (&self->characteristics, g_ptr_array_unref);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->saved_counts, g_hash_table_unref);
  g_clear_pointer (&self->saved_participants, g_array_unref);
  g_clear_pointer (&self->count_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (reach_activity_editor_parent_class)->dispose (object);
}

static void
reach_activity_editor_class_init (ReachActivityEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reach_activity_editor_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, REACH_TYPE_ACTIVITY);
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reachmap/Reach/reach-activity-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ReachActivityEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, ReachActivityEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, ReachActivityEditor, failure_group);
  gtk_widget_class_bind_template_child (widget_class, ReachActivityEditor, failure_label);
  gtk_widget_class_bind_template_child (widget_class, ReachActivityEditor, delete_group);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);
  gtk_widget_class_bind_template_child (widget_class, ReachActivityEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, ReachActivityEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, ReachActivityEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, ReachActivityEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, ReachActivityEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, ReachActivityEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, ReachActivityEditor, when_message);
  gtk_widget_class_bind_template_child (widget_class, ReachActivityEditor, when_group);
  gtk_widget_class_bind_template_child (widget_class, ReachActivityEditor, venue_row);
  gtk_widget_class_bind_template_child (widget_class, ReachActivityEditor, areas_group);
  gtk_widget_class_bind_template_child (widget_class, ReachActivityEditor, rung_row);
  gtk_widget_class_bind_template_child (widget_class, ReachActivityEditor, stage_row);
  gtk_widget_class_bind_template_child (widget_class, ReachActivityEditor, provisions_group);
  gtk_widget_class_bind_template_child (widget_class, ReachActivityEditor, reciprocity_row);
  gtk_widget_class_bind_template_child (widget_class, ReachActivityEditor, amount_row);
  gtk_widget_class_bind_template_child (widget_class, ReachActivityEditor, amount_message);
  gtk_widget_class_bind_template_child (widget_class, ReachActivityEditor, participants_group);
  gtk_widget_class_bind_template_child (widget_class, ReachActivityEditor, characteristic_row);
  gtk_widget_class_bind_template_child (widget_class, ReachActivityEditor, counts_group);
  gtk_widget_class_bind_template_child (widget_class, ReachActivityEditor, notes_row);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_characteristic_changed);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* The core's label functions take their own enum types; these take the
 * combo row's position, so set_combo_strings() needs no cast. */
static const char *
type_label (int i)
{
  return reach_activity_type_label ((ReachActivityType) i);
}

static const char *
status_label (int i)
{
  return reach_activity_status_label ((ReachActivityStatus) i);
}

static const char *
rung_label (int i)
{
  return reach_ladder_rung_label ((ReachLadderRung) i);
}

static const char *
stage_label (int i)
{
  return reach_stage_label ((ReachCoproductionStage) i);
}

static void
reach_activity_editor_init (ReachActivityEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Enter in a text field saves, when the form may be saved. */
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);

  self->place_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->saved_counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  set_combo_strings (self->type_row, NULL, REACH_N_ACTIVITY_TYPES, type_label);
  set_combo_strings (self->status_row, NULL, REACH_N_ACTIVITY_STATUSES, status_label);
  set_combo_strings (self->rung_row, _("Not known"), REACH_N_LADDER_RUNGS, rung_label);
  set_combo_strings (self->stage_row, _("None"), REACH_N_STAGES, stage_label);

  self->areas = reach_check_list_new (_("Search areas"));
  reach_check_list_set_empty_text (REACH_CHECK_LIST (self->areas),
                                   _("This workspace has no areas yet: import boundaries first"));
  adw_preferences_group_add (self->areas_group, self->areas);

  self->provisions = reach_check_list_new (NULL);
  adw_preferences_group_add (self->provisions_group, self->provisions);

  self->participants = reach_check_list_new (_("Search contacts"));
  reach_check_list_set_empty_text (REACH_CHECK_LIST (self->participants),
                                   _("No contacts yet: add people on the Contacts page"));
  adw_preferences_group_add (self->participants_group, self->participants);
}

GtkWidget *
reach_activity_editor_new (GtkWindow     *parent,
                           ReachDb       *db,
                           ReachActivity *activity)
{
  ReachActivityEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (REACH_IS_DB (db), NULL);
  g_return_val_if_fail (activity == NULL || REACH_IS_ACTIVITY (activity), NULL);

  self = g_object_new (REACH_TYPE_ACTIVITY_EDITOR, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->activity = activity != NULL ? reach_activity_copy (activity) : reach_activity_new ();

  if (activity != NULL)
    {
      adw_window_title_set_title (self->window_title, _("Edit Activity"));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Activity"));
    }

  self->filling = TRUE;
  fill_form (self);
  self->filling = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->delete_group), self->activity->id != 0);

  g_signal_connect_object (self->title_row, "changed", G_CALLBACK (on_title_changed), self,
                           G_CONNECT_SWAPPED);
  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *list = i == 0 ? self->areas : i == 1 ? self->provisions : self->participants;

      g_signal_connect_object (list, "changed", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
    }
  on_changed (self);

  return GTK_WIDGET (self);
}

gboolean
reach_activity_editor_can_save (ReachActivityEditor *self)
{
  g_return_val_if_fail (REACH_IS_ACTIVITY_EDITOR (self), FALSE);

  return gtk_widget_get_sensitive (self->save_button);
}

void
reach_activity_editor_set_participant (ReachActivityEditor *self,
                                       gint64               contact_id,
                                       gboolean             taking_part)
{
  g_return_if_fail (REACH_IS_ACTIVITY_EDITOR (self));

  reach_check_list_set_active (REACH_CHECK_LIST (self->participants), contact_id, taking_part);
}

void
reach_activity_editor_set_headcount (ReachActivityEditor *self,
                                     gint64               category_id,
                                     gint64               count)
{
  g_return_if_fail (REACH_IS_ACTIVITY_EDITOR (self));

  put_count (self->counts, category_id, count);
  /* Show it when that characteristic is on screen. */
  on_characteristic_changed (self);
}
