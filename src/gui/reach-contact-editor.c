/* reach-contact-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form edits a copy of the contact; nothing reaches the caller's object
 * or the database until Save, which writes the contact, its memberships and
 * its equality answers in one transaction.  Fields are checked as the user
 * types (as in the place editor) and Save stays insensitive while the form
 * is invalid; the store still has the last word and its message is shown.
 *
 * Equality answers are special category data: their rows are insensitive,
 * with the reason shown, until the consent in the form covers them.
 */
#define G_LOG_DOMAIN "reach-contact-editor"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "reach-classification.h"
#include "reach-contact-editor.h"
#include "reach-contacts.h"
#include "reach-group.h"
#include "reach-places.h"

/* One characteristic's combo: position 0 is "Not recorded", then categories. */
typedef struct
{
  char        *key;
  AdwComboRow *row;
  GArray      *category_ids;   /* gint64, by position - 1 */
} EqualityRow;

struct _ReachContactEditor
{
  AdwWindow            parent_instance;

  ReachDb             *db;
  ReachContact        *contact;      /* the copy being edited */
  GHashTable          *touched;      /* rows the user has typed in */
  GPtrArray           *equality;     /* EqualityRow */
  GHashTable          *answers;      /* characteristic key → category id held now */
  GPtrArray           *organisations;   /* ReachContact of kind organisation */
  GPtrArray           *org_checks;      /* GtkCheckButton per organisation */
  GArray              *member_of;       /* gint64 organisations the contact is in */
  GPtrArray           *groups;          /* ReachGroup */
  GPtrArray           *group_checks;    /* GtkCheckButton per group */
  GArray              *group_ids;       /* gint64 groups the contact is in */
  GArray              *place_ids;       /* gint64 by place_row position - 1 */
  GtkWidget           *need_switches[REACH_N_NEEDS];

  AdwWindowTitle      *window_title;
  GtkWidget           *cancel_button;
  GtkWidget           *save_button;
  AdwToastOverlay     *toast_overlay;
  AdwPreferencesGroup *failure_group;
  GtkLabel            *failure_label;
  AdwComboRow         *kind_row;
  AdwEntryRow         *name_row;
  AdwComboRow         *role_row;
  GtkLabel            *contact_message;
  AdwExpanderRow      *organisations_row;
  AdwComboRow         *place_row;
  AdwExpanderRow      *groups_row;
  AdwEntryRow         *email_row;
  AdwEntryRow         *phone_row;
  AdwEntryRow         *address_row;
  AdwEntryRow         *postcode_row;
  AdwComboRow         *method_row;
  AdwEntryRow         *lat_row;
  AdwEntryRow         *lon_row;
  GtkLabel            *reach_message;
  AdwPreferencesGroup *needs_group;
  AdwEntryRow         *interpreter_row;
  GtkLabel            *needs_message;
  AdwEntryRow         *consent_date_row;
  GtkSwitch           *consent_contact_switch;
  GtkSwitch           *consent_equality_switch;
  AdwComboRow         *consent_method_row;
  AdwEntryRow         *consent_withdrawn_row;
  GtkLabel            *consent_message;
  AdwEntryRow         *review_row;
  GtkLabel            *retention_message;
  AdwEntryRow         *notes_row;
  AdwPreferencesGroup *equality_group;
  AdwPreferencesGroup *person_group;
};

G_DEFINE_FINAL_TYPE (ReachContactEditor, reach_contact_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  ERASED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
equality_row_free (gpointer data)
{
  EqualityRow *row = data;

  g_free (row->key);
  g_clear_pointer (&row->category_ids, g_array_unref);
  g_free (row);
}

/* ---- small helpers ------------------------------------------------------ */

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

static gboolean
parse_double (const char *text,
              double     *value)
{
  g_autofree char *copy = g_strdelimit (g_strdup (text), ",", '.');
  char *end = NULL;

  if (*copy == '\0')
    return FALSE;

  *value = g_ascii_strtod (copy, &end);
  return end != copy && *end == '\0' && isfinite (*value);
}

static char *
format_coordinate (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.6f", value));
}

/* An empty date is fine; anything else must be a real date. */
static gboolean
date_ok (AdwEntryRow *row)
{
  g_autofree char *text = row_text (row);
  g_autofree char *date = NULL;

  if (*text == '\0')
    return TRUE;

  date = reach_date_normalize (text);
  return date != NULL;
}

static char *
row_date (AdwEntryRow *row)
{
  g_autofree char *text = row_text (row);

  return *text == '\0' ? NULL : reach_date_normalize (text);
}

static gboolean
ids_contain (GArray *ids,
             gint64  id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;

  return FALSE;
}

/* ---- checking ----------------------------------------------------------- */

typedef struct
{
  ReachContactEditor *self;
  GString            *contact;
  GString            *reach;
  GString            *needs;
  GString            *consent;
  GString            *retention;
  gboolean            valid;
} Check;

static void
flag (Check      *check,
      GtkWidget  *row,
      GString    *messages,
      gboolean    ok,
      const char *message)
{
  gboolean shown = row == NULL || g_hash_table_contains (check->self->touched, row);

  if (!ok)
    check->valid = FALSE;

  if (row != NULL)
    {
      if (!ok && shown)
        gtk_widget_add_css_class (row, "error");
      else
        gtk_widget_remove_css_class (row, "error");
    }

  if (!ok && shown)
    {
      if (messages->len > 0)
        g_string_append_c (messages, '\n');
      g_string_append (messages, message);
    }
}

static void
show_message (GtkLabel *label,
              GString  *messages)
{
  gtk_label_set_text (label, messages->str);
  gtk_widget_set_visible (GTK_WIDGET (label), messages->len > 0);
  g_string_free (messages, TRUE);
}

static void
check_location (Check *check)
{
  ReachContactEditor *self = check->self;
  g_autofree char *lat_text = row_text (self->lat_row);
  g_autofree char *lon_text = row_text (self->lon_row);
  double lat, lon;

  if (*lat_text == '\0' && *lon_text == '\0')
    return;

  flag (check, GTK_WIDGET (self->lat_row), check->reach,
        parse_double (lat_text, &lat) && lat >= -90 && lat <= 90,
        _("Latitude must be a number between −90 and 90, such as 53.7997"));
  flag (check, GTK_WIDGET (self->lon_row), check->reach,
        parse_double (lon_text, &lon) && lon >= -180 && lon <= 180,
        _("Longitude must be a number between −180 and 180, such as −1.5492"));
}

static void
check_consent (Check *check)
{
  ReachContactEditor *self = check->self;
  g_autofree char *given = row_date (self->consent_date_row);
  g_autofree char *withdrawn = row_date (self->consent_withdrawn_row);
  gboolean covers = gtk_switch_get_active (self->consent_contact_switch) ||
                    gtk_switch_get_active (self->consent_equality_switch);

  flag (check, GTK_WIDGET (self->consent_date_row), check->consent, date_ok (self->consent_date_row),
        _("The date consent was given must be a date, such as 2024-03-01"));
  flag (check, GTK_WIDGET (self->consent_withdrawn_row), check->consent,
        date_ok (self->consent_withdrawn_row),
        _("The date consent was withdrawn must be a date, such as 2024-03-01"));
  flag (check, NULL, check->consent, given != NULL || !covers,
        _("Consent that covers something needs the date it was given"));
  flag (check, NULL, check->consent, withdrawn == NULL || given == NULL || g_strcmp0 (withdrawn, given) >= 0,
        _("Consent cannot be withdrawn before it was given"));
}

/* The consent in the form, as the store would judge it. */
static gboolean
form_may_hold_equality (ReachContactEditor *self)
{
  g_autoptr(ReachContact) scratch = reach_contact_new ();

  scratch->consent_date = row_date (self->consent_date_row);
  scratch->consent_contact = gtk_switch_get_active (self->consent_contact_switch);
  scratch->consent_equality = gtk_switch_get_active (self->consent_equality_switch);
  scratch->consent_withdrawn = row_date (self->consent_withdrawn_row);
  return self->contact->kind == REACH_CONTACT_PERSON &&
         reach_contact_may_hold_equality (scratch);
}

static void
update_equality_group (ReachContactEditor *self)
{
  gboolean allowed = form_may_hold_equality (self);

  for (guint i = 0; i < self->equality->len; i++)
    {
      EqualityRow *row = g_ptr_array_index (self->equality, i);

      gtk_widget_set_sensitive (GTK_WIDGET (row->row), allowed);
    }

  if (allowed)
    adw_preferences_group_set_description (self->equality_group,
                                           _("Self-described answers. “Prefer not to say” is an answer; “Not recorded” means not asked."));
  else
    adw_preferences_group_set_description (self->equality_group,
                                           _("Needs consent that covers equality answers: these are special category data and are kept only when the person agreed."));
}

/* Organisations have no equality answers, memberships of organisations or
 * personal roles; people have no place. */
static void
update_kind (ReachContactEditor *self)
{
  gboolean person = adw_combo_row_get_selected (self->kind_row) == REACH_CONTACT_PERSON;

  self->contact->kind = person ? REACH_CONTACT_PERSON : REACH_CONTACT_ORGANISATION;
  gtk_widget_set_visible (GTK_WIDGET (self->organisations_row),
                          person && self->organisations->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->place_row), !person);
  gtk_widget_set_visible (GTK_WIDGET (self->equality_group), person);
  gtk_widget_set_visible (GTK_WIDGET (self->needs_group), person);
}

static gboolean
validate_form (ReachContactEditor *self)
{
  Check check = { self, g_string_new (NULL), g_string_new (NULL), g_string_new (NULL),
                  g_string_new (NULL), g_string_new (NULL), TRUE };
  g_autofree char *name = row_text (self->name_row);
  g_autofree char *email = row_text (self->email_row);
  g_autofree char *language = row_text (self->interpreter_row);
  gboolean interpreter = gtk_switch_get_active (GTK_SWITCH (self->need_switches[REACH_NEED_INTERPRETER]));

  flag (&check, GTK_WIDGET (self->name_row), check.contact, *name != '\0',
        _("A contact needs a name"));
  flag (&check, GTK_WIDGET (self->email_row), check.reach, *email == '\0' || strchr (email, '@') != NULL,
        _("An email address needs an @"));
  check_location (&check);
  flag (&check, GTK_WIDGET (self->interpreter_row), check.needs, !interpreter || *language != '\0',
        _("Say which language the interpreter is for"));
  check_consent (&check);
  flag (&check, GTK_WIDGET (self->review_row), check.retention, date_ok (self->review_row),
        _("The review date must be a date, such as 2025-03-01"));

  show_message (self->contact_message, check.contact);
  show_message (self->reach_message, check.reach);
  show_message (self->needs_message, check.needs);
  show_message (self->consent_message, check.consent);
  show_message (self->retention_message, check.retention);

  gtk_widget_set_sensitive (GTK_WIDGET (self->interpreter_row), interpreter);
  update_equality_group (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", check.valid);
  return check.valid;
}

static void
on_row_changed (ReachContactEditor *self,
                GtkEditable        *row)
{
  g_hash_table_add (self->touched, row);
  validate_form (self);
}

static void
on_form_changed (ReachContactEditor *self)
{
  validate_form (self);
}

static void
on_kind_changed (ReachContactEditor *self)
{
  update_kind (self);
  validate_form (self);
}

/* ---- lists the form chooses from ---------------------------------------- */

static void
update_expander_subtitle (AdwExpanderRow *row,
                          GPtrArray      *checks)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);

      if (!gtk_check_button_get_active (check))
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, g_object_get_data (G_OBJECT (check), "name"));
    }

  adw_expander_row_set_subtitle (row, names->len > 0 ? names->str : _("None"));
}

static void
on_membership_toggled (ReachContactEditor *self)
{
  update_expander_subtitle (self->organisations_row, self->org_checks);
  update_expander_subtitle (self->groups_row, self->group_checks);
}

static GtkCheckButton *
add_check_row (ReachContactEditor *self,
               AdwExpanderRow     *expander,
               const char         *kind,
               const char         *name,
               gboolean            active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *widget_name = g_strdup_printf ("%s:%s", kind, name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  g_object_set_data_full (G_OBJECT (check), "name", g_strdup (name), g_free);
  gtk_widget_set_name (check, widget_name);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_expander_row_add_row (expander, row);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_membership_toggled),
                           self, G_CONNECT_SWAPPED);
  return GTK_CHECK_BUTTON (check);
}

static void
load_memberships (ReachContactEditor *self)
{
  g_autoptr(GPtrArray) everyone = NULL;
  g_autoptr(GError) error = NULL;
  ReachContactFilter filter;
  gint64 id = self->contact->id;

  reach_contact_filter_init (&filter);
  filter.kind = REACH_CONTACT_ORGANISATION;
  everyone = reach_contacts_list (self->db, &filter, &error);
  if (everyone == NULL)
    g_debug ("No organisations to choose from: %s", error->message);
  g_clear_error (&error);

  self->member_of = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (id > 0)
    {
      g_autoptr(GPtrArray) orgs = reach_contacts_list_organisations (self->db, id, &error);

      for (guint i = 0; orgs != NULL && i < orgs->len; i++)
        g_array_append_val (self->member_of, ((ReachContact *) g_ptr_array_index (orgs, i))->id);
      g_clear_error (&error);
    }

  self->organisations = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; everyone != NULL && i < everyone->len; i++)
    {
      ReachContact *org = g_ptr_array_index (everyone, i);

      if (org->id == id)
        continue;
      g_ptr_array_add (self->organisations, g_object_ref (org));
      g_ptr_array_add (self->org_checks,
                       add_check_row (self, self->organisations_row, "organisation", org->name,
                                      ids_contain (self->member_of, org->id)));
    }

  self->groups = reach_groups_list (self->db, NULL, &error);
  if (self->groups == NULL)
    {
      g_debug ("No community groups to choose from: %s", error->message);
      self->groups = g_ptr_array_new ();
    }
  g_clear_error (&error);
  self->group_ids = id > 0 ? reach_contacts_list_group_ids (self->db, id, &error) : NULL;
  if (self->group_ids == NULL)
    self->group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < self->groups->len; i++)
    {
      ReachGroup *group = g_ptr_array_index (self->groups, i);

      g_ptr_array_add (self->group_checks,
                       add_check_row (self, self->groups_row, "group", group->name,
                                      ids_contain (self->group_ids, group->id)));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->groups_row), self->groups->len > 0);
  on_membership_toggled (self);
}

static void
load_places (ReachContactEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  places = reach_places_list (self->db, NULL, &error);
  self->place_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (names, _("None"));
  for (guint i = 0; places != NULL && i < places->len; i++)
    {
      ReachPlace *place = g_ptr_array_index (places, i);

      gtk_string_list_append (names, place->name);
      g_array_append_val (self->place_ids, place->id);
      if (place->id == self->contact->place_id)
        selected = i + 1;
    }

  adw_combo_row_set_model (self->place_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->place_row, selected);
}

/* A detailed category's label already names its broad group ("Asian,
 * Asian British or Asian Welsh: Indian"); a broad one with detailed ones
 * under it is the less detailed answer. */
static char *
category_label (ReachCategory *category,
                GHashTable    *parents)
{
  if (category->parent_id == 0 && g_hash_table_contains (parents, &category->id))
    return g_strdup_printf (_("%s (no more detail)"), category->label);

  return g_strdup (category->label);
}

static void
add_equality_row (ReachContactEditor  *self,
                  ReachCharacteristic *characteristic)
{
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GHashTable) parents = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GError) error = NULL;
  EqualityRow *row;

  categories = reach_categories_list (self->db, characteristic->key, &error);
  if (categories == NULL)
    {
      g_warning ("No categories for %s: %s", characteristic->key, error->message);
      return;
    }

  for (guint i = 0; i < categories->len; i++)
    {
      ReachCategory *category = g_ptr_array_index (categories, i);

      if (category->parent_id != 0)
        g_hash_table_add (parents, &category->parent_id);
    }

  row = g_new0 (EqualityRow, 1);
  row->key = g_strdup (characteristic->key);
  row->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (labels, _("Not recorded"));
  for (guint i = 0; i < categories->len; i++)
    {
      ReachCategory *category = g_ptr_array_index (categories, i);
      g_autofree char *label = category_label (category, parents);

      gtk_string_list_append (labels, label);
      g_array_append_val (row->category_ids, category->id);
    }

  row->row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), characteristic->label);
  adw_combo_row_set_model (row->row, G_LIST_MODEL (labels));
  /* ONS labels are long ("Asian, Asian British or Asian Welsh: Indian"):
   * shown under the title they have the row's width, not a corner of it */
  adw_combo_row_set_use_subtitle (row->row, TRUE);
  gtk_widget_set_name (GTK_WIDGET (row->row), characteristic->key);
  adw_preferences_group_add (self->equality_group, GTK_WIDGET (row->row));
  g_ptr_array_add (self->equality, row);
}

static void
load_equality (ReachContactEditor *self)
{
  g_autoptr(GPtrArray) characteristics = NULL;
  g_autoptr(GError) error = NULL;

  characteristics = reach_characteristics_list (self->db, &error);
  if (characteristics == NULL)
    {
      g_warning ("No characteristics: %s", error->message);
      return;
    }

  for (guint i = 0; i < characteristics->len; i++)
    add_equality_row (self, g_ptr_array_index (characteristics, i));

  if (self->contact->id > 0)
    {
      g_autoptr(GPtrArray) answers = reach_contacts_get_equality (self->db, self->contact->id, &error);

      for (guint i = 0; answers != NULL && i < answers->len; i++)
        {
          ReachEqualityAnswer *answer = g_ptr_array_index (answers, i);
          gint64 *id = g_new (gint64, 1);

          *id = answer->category_id;
          g_hash_table_insert (self->answers, g_strdup (answer->characteristic_key), id);
          reach_contact_editor_set_equality (self, answer->characteristic_key, answer->category_id);
        }
    }
}

static gint64
equality_row_value (EqualityRow *row)
{
  guint selected = adw_combo_row_get_selected (row->row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > row->category_ids->len)
    return 0;

  return g_array_index (row->category_ids, gint64, selected - 1);
}

/* ---- the form ----------------------------------------------------------- */

/* A combo's model from an enum's labels, in enum order. */
#define LABELS_MODEL(label_func, n) ({ \
    GtkStringList *list_ = gtk_string_list_new (NULL); \
    for (guint i_ = 0; i_ < (n); i_++) \
      gtk_string_list_append (list_, label_func (i_)); \
    G_LIST_MODEL (list_); \
  })

static void
add_need_rows (ReachContactEditor *self)
{
  for (guint i = 0; i < REACH_N_NEEDS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *sw = gtk_switch_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), reach_need_label (i));
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
      gtk_widget_set_name (row, reach_need_to_string (i));
      /* the interpreter's language row comes right after its switch */
      if (i == REACH_NEED_INTERPRETER)
        {
          g_object_ref (self->interpreter_row);
          adw_preferences_group_remove (self->needs_group, GTK_WIDGET (self->interpreter_row));
          adw_preferences_group_add (self->needs_group, row);
          adw_preferences_group_add (self->needs_group, GTK_WIDGET (self->interpreter_row));
          g_object_unref (self->interpreter_row);
        }
      else
        adw_preferences_group_add (self->needs_group, row);
      self->need_switches[i] = sw;
    }

  /* keep the message last */
  g_object_ref (self->needs_message);
  adw_preferences_group_remove (self->needs_group, GTK_WIDGET (self->needs_message));
  adw_preferences_group_add (self->needs_group, GTK_WIDGET (self->needs_message));
  g_object_unref (self->needs_message);
}

static void
fill_form (ReachContactEditor *self)
{
  ReachContact *contact = self->contact;

  adw_combo_row_set_selected (self->kind_row, contact->kind);
  set_row_text (self->name_row, contact->name);
  adw_combo_row_set_selected (self->role_row, contact->role);
  set_row_text (self->email_row, contact->email);
  set_row_text (self->phone_row, contact->phone);
  set_row_text (self->address_row, contact->address);
  set_row_text (self->postcode_row, contact->postcode);
  adw_combo_row_set_selected (self->method_row, contact->preferred_method);
  if (contact->has_location)
    {
      g_autofree char *lat = format_coordinate (contact->lat);
      g_autofree char *lon = format_coordinate (contact->lon);

      set_row_text (self->lat_row, lat);
      set_row_text (self->lon_row, lon);
    }

  for (guint i = 0; i < REACH_N_NEEDS; i++)
    gtk_switch_set_active (GTK_SWITCH (self->need_switches[i]), contact->needs[i]);
  set_row_text (self->interpreter_row, contact->interpreter_language);

  set_row_text (self->consent_date_row, contact->consent_date);
  gtk_switch_set_active (self->consent_contact_switch, contact->consent_contact);
  gtk_switch_set_active (self->consent_equality_switch, contact->consent_equality);
  adw_combo_row_set_selected (self->consent_method_row, contact->consent_method);
  set_row_text (self->consent_withdrawn_row, contact->consent_withdrawn);
  set_row_text (self->review_row, contact->retention_review);
  set_row_text (self->notes_row, contact->notes);
}

/* Copies the form into self->contact; only called on a valid form. */
static void
read_form (ReachContactEditor *self)
{
  ReachContact *contact = self->contact;
  g_autofree char *lat_text = row_text (self->lat_row);
  g_autofree char *lon_text = row_text (self->lon_row);
  guint place = adw_combo_row_get_selected (self->place_row);

  contact->kind = adw_combo_row_get_selected (self->kind_row);
  contact->role = adw_combo_row_get_selected (self->role_row);
  contact->preferred_method = adw_combo_row_get_selected (self->method_row);
  contact->consent_method = adw_combo_row_get_selected (self->consent_method_row);
  contact->consent_contact = gtk_switch_get_active (self->consent_contact_switch);
  contact->consent_equality = gtk_switch_get_active (self->consent_equality_switch);
  contact->has_location = *lat_text != '\0' && parse_double (lat_text, &contact->lat) &&
                          parse_double (lon_text, &contact->lon);
  contact->place_id = contact->kind == REACH_CONTACT_ORGANISATION &&
                      place > 0 && place <= self->place_ids->len
                      ? g_array_index (self->place_ids, gint64, place - 1) : 0;

  for (guint i = 0; i < REACH_N_NEEDS; i++)
    contact->needs[i] = contact->kind == REACH_CONTACT_PERSON &&
                        gtk_switch_get_active (GTK_SWITCH (self->need_switches[i]));

#define TAKE(field, row) G_STMT_START { \
    g_free (contact->field); \
    contact->field = row_text_or_null (self->row); \
  } G_STMT_END
  TAKE (name, name_row);
  TAKE (email, email_row);
  TAKE (phone, phone_row);
  TAKE (address, address_row);
  TAKE (postcode, postcode_row);
  TAKE (notes, notes_row);
#undef TAKE
  g_free (contact->interpreter_language);
  contact->interpreter_language = contact->needs[REACH_NEED_INTERPRETER]
                                  ? row_text_or_null (self->interpreter_row) : NULL;

#define TAKE_DATE(field, row) G_STMT_START { \
    g_free (contact->field); \
    contact->field = row_date (self->row); \
  } G_STMT_END
  TAKE_DATE (consent_date, consent_date_row);
  TAKE_DATE (consent_withdrawn, consent_withdrawn_row);
  TAKE_DATE (retention_review, review_row);
#undef TAKE_DATE
}

static void
show_failure (ReachContactEditor *self,
              const char         *message)
{
  gtk_label_set_text (self->failure_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->failure_group), TRUE);
}

/* ---- saving ------------------------------------------------------------- */

static gboolean
save_memberships (ReachContactEditor  *self,
                  GError             **error)
{
  gint64 id = self->contact->id;
  gboolean person = self->contact->kind == REACH_CONTACT_PERSON;

  for (guint i = 0; i < self->organisations->len; i++)
    {
      gint64 org = ((ReachContact *) g_ptr_array_index (self->organisations, i))->id;
      gboolean want = person && gtk_check_button_get_active (g_ptr_array_index (self->org_checks, i));
      gboolean have = ids_contain (self->member_of, org);

      if (want && !have && !reach_contacts_add_to_organisation (self->db, id, org, error))
        return FALSE;
      if (!want && have && !reach_contacts_remove_from_organisation (self->db, id, org, error))
        return FALSE;
    }

  for (guint i = 0; i < self->groups->len; i++)
    {
      gint64 group = ((ReachGroup *) g_ptr_array_index (self->groups, i))->id;
      gboolean want = gtk_check_button_get_active (g_ptr_array_index (self->group_checks, i));
      gboolean have = ids_contain (self->group_ids, group);

      if (want && !have && !reach_contacts_add_to_group (self->db, id, group, error))
        return FALSE;
      if (!want && have && !reach_contacts_remove_from_group (self->db, id, group, error))
        return FALSE;
    }

  return TRUE;
}

/* Without consent the store has already deleted the answers with the
 * contact's update: nothing to write. */
static gboolean
save_equality (ReachContactEditor  *self,
               GError             **error)
{
  if (!reach_contact_may_hold_equality (self->contact))
    return TRUE;

  for (guint i = 0; i < self->equality->len; i++)
    {
      EqualityRow *row = g_ptr_array_index (self->equality, i);
      gint64 want = equality_row_value (row);
      gint64 *have = g_hash_table_lookup (self->answers, row->key);

      if (want != 0 && (have == NULL || *have != want))
        {
          if (!reach_contacts_set_equality (self->db, self->contact->id, want, NULL, error))
            return FALSE;
        }
      else if (want == 0 && have != NULL)
        {
          if (!reach_contacts_clear_equality (self->db, self->contact->id, row->key, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
save_all (ReachContactEditor  *self,
          GError             **error)
{
  gboolean is_new = self->contact->id == 0;

  if (!reach_db_begin (self->db, error))
    return FALSE;

  if (!(is_new ? reach_contacts_insert (self->db, self->contact, error)
               : reach_contacts_update (self->db, self->contact, error)) ||
      !save_memberships (self, error) ||
      !save_equality (self, error) ||
      !reach_db_commit (self->db, error))
    {
      reach_db_rollback (self->db);
      if (is_new)
        self->contact->id = 0;
      return FALSE;
    }

  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ReachContactEditor *self = REACH_CONTACT_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!validate_form (self))
    return;

  read_form (self);

  if (!reach_contact_validate (self->contact, &error))
    {
      show_failure (self, error->message);
      return;
    }

  if (!save_all (self, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The contact was not saved: %s"), error->message);

      show_failure (self, message);
      return;
    }

  g_debug ("Saved contact %" G_GINT64_FORMAT, self->contact->id);
  g_signal_emit (self, signals[SAVED], 0, self->contact);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

/* ---- subject access and erasure ----------------------------------------- */

gboolean
reach_contact_editor_export_to (ReachContactEditor  *self,
                                const char          *path,
                                GError             **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (REACH_IS_CONTACT_EDITOR (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  json = reach_contacts_subject_access_json (self->db, self->contact->id, error);
  if (json == NULL)
    return FALSE;

  /* personal data: readable by its owner only, like the workspace */
  return g_file_set_contents_full (path, json, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

static void
on_export_response (GtkNativeDialog    *chooser,
                    int                 response,
                    ReachContactEditor *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  g_object_unref (chooser);

  if (path == NULL)
    return;

  if (!reach_contact_editor_export_to (self, path, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Nothing was exported: %s"), error->message);

      show_failure (self, message);
      return;
    }

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Exported everything held")));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ReachContactEditor *self = REACH_CONTACT_EDITOR (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, _("JSON files"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_add_mime_type (filter, "application/json");

  chooser = gtk_file_chooser_native_new (_("Export Everything Held"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  name = g_strdup_printf (_("Subject access %" PRId64 ".json"), self->contact->id);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
destroy_idle (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_erase_response (AdwMessageDialog   *dialog,
                   const char         *response,
                   ReachContactEditor *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = self->contact->id;

  if (g_strcmp0 (response, "erase") != 0)
    return;

  if (!reach_contacts_erase (self->db, id, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Nothing was erased: %s"), error->message);

      show_failure (self, message);
      return;
    }

  g_debug ("Erased contact %" G_GINT64_FORMAT, id);
  g_signal_emit (self, signals[ERASED], 0, id);
  /* not while the dialog, transient for this window, is still answering */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT, destroy_idle, g_object_ref (self), g_object_unref);
}

static void
erase_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ReachContactEditor *self = REACH_CONTACT_EDITOR (widget);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  heading = g_strdup_printf (_("Erase “%s”?"), self->contact->name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Their details, memberships, equality answers and every record of "
                                     "them taking part are removed from the workspace file for good. "
                                     "This cannot be undone. Export everything held first if they asked "
                                     "for a copy."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "erase", _("_Erase"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "erase",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_erase_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the window --------------------------------------------------------- */

#define N_ENTRY_ROWS 12

static void
connect_rows (ReachContactEditor *self,
              gboolean            is_new)
{
  AdwEntryRow *rows[N_ENTRY_ROWS] = {
    self->name_row, self->email_row, self->phone_row, self->address_row,
    self->postcode_row, self->lat_row, self->lon_row, self->interpreter_row,
    self->consent_date_row, self->consent_withdrawn_row, self->review_row, self->notes_row,
  };

  for (guint i = 0; i < N_ENTRY_ROWS; i++)
    {
      g_signal_connect_object (rows[i], "changed", G_CALLBACK (on_row_changed),
                               self, G_CONNECT_SWAPPED);
      if (!is_new || rows[i] != self->name_row)
        g_hash_table_add (self->touched, rows[i]);
    }

  for (guint i = 0; i < REACH_N_NEEDS; i++)
    g_signal_connect_object (self->need_switches[i], "notify::active",
                             G_CALLBACK (on_form_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->consent_contact_switch, "notify::active",
                           G_CALLBACK (on_form_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->consent_equality_switch, "notify::active",
                           G_CALLBACK (on_form_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kind_row, "notify::selected",
                           G_CALLBACK (on_kind_changed), self, G_CONNECT_SWAPPED);
}

static void
reach_contact_editor_dispose (GObject *object)
{
  ReachContactEditor *self = REACH_CONTACT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), REACH_TYPE_CONTACT_EDITOR);
  g_clear_object (&self->db);
  g_clear_object (&self->contact);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_pointer (&self->equality, g_ptr_array_unref);
  g_clear_pointer (&self->answers, g_hash_table_unref);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  g_clear_pointer (&self->org_checks, g_ptr_array_unref);
  g_clear_pointer (&self->member_of, g_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->group_checks, g_ptr_array_unref);
  g_clear_pointer (&self->group_ids, g_array_unref);
  g_clear_pointer (&self->place_ids, g_array_unref);

  G_OBJECT_CLASS (reach_contact_editor_parent_class)->dispose (object);
}

static void
reach_contact_editor_class_init (ReachContactEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reach_contact_editor_dispose;

  /**
   * ReachContactEditor::saved:
   * @contact: the contact as written, with its id
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, REACH_TYPE_CONTACT);
  /**
   * ReachContactEditor::erased:
   * @id: the id the erased contact had
   */
  signals[ERASED] = g_signal_new ("erased", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reachmap/Reach/reach-contact-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ReachContactEditor, name)
  BIND (window_title);
  BIND (cancel_button);
  BIND (save_button);
  BIND (toast_overlay);
  BIND (failure_group);
  BIND (failure_label);
  BIND (kind_row);
  BIND (name_row);
  BIND (role_row);
  BIND (contact_message);
  BIND (organisations_row);
  BIND (place_row);
  BIND (groups_row);
  BIND (email_row);
  BIND (phone_row);
  BIND (address_row);
  BIND (postcode_row);
  BIND (method_row);
  BIND (lat_row);
  BIND (lon_row);
  BIND (reach_message);
  BIND (needs_group);
  BIND (interpreter_row);
  BIND (needs_message);
  BIND (consent_date_row);
  BIND (consent_contact_switch);
  BIND (consent_equality_switch);
  BIND (consent_method_row);
  BIND (consent_withdrawn_row);
  BIND (consent_message);
  BIND (review_row);
  BIND (retention_message);
  BIND (notes_row);
  BIND (equality_group);
  BIND (person_group);
#undef BIND

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "editor.erase", NULL, erase_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
reach_contact_editor_init (ReachContactEditor *self)
{
  g_autoptr(GListModel) kinds = LABELS_MODEL (reach_contact_kind_label, 2);
  g_autoptr(GListModel) roles = LABELS_MODEL (reach_contact_role_label, REACH_N_ROLES);
  g_autoptr(GListModel) methods = LABELS_MODEL (reach_contact_method_label, REACH_N_CONTACT_METHODS);
  g_autoptr(GListModel) consents = LABELS_MODEL (reach_consent_method_label, REACH_N_CONSENT_METHODS);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->touched = g_hash_table_new (NULL, NULL);
  self->equality = g_ptr_array_new_with_free_func (equality_row_free);
  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->org_checks = g_ptr_array_new ();
  self->group_checks = g_ptr_array_new ();
  adw_combo_row_set_model (self->kind_row, kinds);
  adw_combo_row_set_model (self->role_row, roles);
  adw_combo_row_set_model (self->method_row, methods);
  adw_combo_row_set_model (self->consent_method_row, consents);
  add_need_rows (self);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
}

GtkWidget *
reach_contact_editor_new (GtkWindow    *parent,
                          ReachDb      *db,
                          ReachContact *contact)
{
  ReachContactEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (REACH_IS_DB (db), NULL);
  g_return_val_if_fail (contact == NULL || REACH_IS_CONTACT (contact), NULL);

  self = g_object_new (REACH_TYPE_CONTACT_EDITOR, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->contact = contact != NULL ? reach_contact_copy (contact) : reach_contact_new ();

  if (contact != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Contact"));
      adw_window_title_set_title (self->window_title, _("Edit Contact"));
      adw_window_title_set_subtitle (self->window_title, contact->name);
    }

  /* a contact only has a subject access file or an erasure once saved */
  gtk_widget_set_visible (GTK_WIDGET (self->person_group), self->contact->id > 0);

  load_memberships (self);
  load_places (self);
  load_equality (self);
  fill_form (self);
  update_kind (self);
  connect_rows (self, contact == NULL);
  validate_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return GTK_WIDGET (self);
}

gboolean
reach_contact_editor_can_save (ReachContactEditor *self)
{
  g_return_val_if_fail (REACH_IS_CONTACT_EDITOR (self), FALSE);

  return gtk_widget_is_sensitive (self->save_button);
}

AdwComboRow *
reach_contact_editor_get_equality_row (ReachContactEditor *self,
                                       const char         *key)
{
  g_return_val_if_fail (REACH_IS_CONTACT_EDITOR (self), NULL);

  for (guint i = 0; i < self->equality->len; i++)
    {
      EqualityRow *row = g_ptr_array_index (self->equality, i);

      if (g_str_equal (row->key, key))
        return row->row;
    }

  return NULL;
}

gboolean
reach_contact_editor_set_equality (ReachContactEditor *self,
                                   const char         *key,
                                   gint64              category_id)
{
  g_return_val_if_fail (REACH_IS_CONTACT_EDITOR (self), FALSE);

  for (guint i = 0; i < self->equality->len; i++)
    {
      EqualityRow *row = g_ptr_array_index (self->equality, i);

      if (!g_str_equal (row->key, key))
        continue;

      if (category_id == 0)
        {
          adw_combo_row_set_selected (row->row, 0);
          return TRUE;
        }

      for (guint j = 0; j < row->category_ids->len; j++)
        if (g_array_index (row->category_ids, gint64, j) == category_id)
          {
            adw_combo_row_set_selected (row->row, j + 1);
            return TRUE;
          }
    }

  return FALSE;
}
