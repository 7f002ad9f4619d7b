/* reach-place-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form edits a copy of the place; nothing reaches the caller's object or
 * the database until Save.  Fields are checked as the user types, so Save is
 * only sensitive when reach_place_validate() would accept the form; the
 * database still has the last word and its message is shown at the top.
 */
#define G_LOG_DOMAIN "reach-place-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "reach-place-editor.h"
#include "reach-places.h"

struct _ReachPlaceEditor
{
  AdwWindow            parent_instance;

  ReachDb             *db;
  ReachPlace          *place;       /* the copy being edited */
  double               orig_lat;
  double               orig_lon;
  GHashTable          *touched;     /* rows the user has typed in */
  GtkWidget           *access_rows[REACH_N_ACCESS];

  AdwWindowTitle      *window_title;
  GtkWidget           *cancel_button;
  GtkWidget           *save_button;
  AdwPreferencesGroup *failure_group;
  GtkLabel            *failure_label;
  AdwEntryRow         *name_row;
  AdwComboRow         *category_row;
  GtkSwitch           *asset_switch;
  GtkSwitch           *venue_switch;
  GtkLabel            *place_message;
  AdwEntryRow         *address_row;
  AdwEntryRow         *postcode_row;
  AdwEntryRow         *lat_row;
  AdwEntryRow         *lon_row;
  GtkLabel            *location_message;
  AdwEntryRow         *description_row;
  AdwEntryRow         *hours_row;
  AdwEntryRow         *capacity_row;
  GtkLabel            *details_message;
  AdwEntryRow         *website_row;
  AdwEntryRow         *phone_row;
  AdwEntryRow         *email_row;
  GtkLabel            *contact_message;
  AdwPreferencesGroup *access_group;
};

G_DEFINE_FINAL_TYPE (ReachPlaceEditor, reach_place_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Order of the yes / no / not known combo rows. */
static const ReachTristate tristate_order[] = {
  REACH_TRISTATE_UNKNOWN, REACH_TRISTATE_YES, REACH_TRISTATE_NO,
};

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* NULL for an empty field, so optional columns stay NULL in the database. */
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

static char *
format_coordinate (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.6f", value));
}

/* Accepts "53.8" and, for people whose locale writes it so, "53,8". */
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

/* Keeps the stored value when the user left the rounded text alone. */
static gboolean
parse_coordinate (AdwEntryRow *row,
                  double       orig,
                  double      *value)
{
  g_autofree char *text = row_text (row);
  g_autofree char *orig_text = isnan (orig) ? NULL : format_coordinate (orig);

  if (orig_text != NULL && g_str_equal (text, orig_text))
    {
      *value = orig;
      return TRUE;
    }

  return parse_double (text, value);
}

static gboolean
parse_capacity (AdwEntryRow *row,
                int         *capacity)
{
  g_autofree char *text = row_text (row);
  guint64 value;

  if (*text == '\0')
    {
      *capacity = -1;
      return TRUE;
    }

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &value, NULL))
    return FALSE;

  *capacity = (int) value;
  return TRUE;
}

/* Collects the problems of a group into its message label, and marks rows. */
typedef struct
{
  ReachPlaceEditor *self;
  GString          *place;
  GString          *location;
  GString          *details;
  GString          *contact;
  gboolean          valid;
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
check_website (Check *check)
{
  g_autofree char *website = row_text (check->self->website_row);
  gboolean ok = *website == '\0' ||
                g_str_has_prefix (website, "https://") ||
                g_str_has_prefix (website, "http://");

  flag (check, GTK_WIDGET (check->self->website_row), check->contact, ok,
        _("A website starts with https://"));
}

static void
check_email (Check *check)
{
  g_autofree char *email = row_text (check->self->email_row);
  gboolean ok = *email == '\0' || strchr (email, '@') != NULL;

  flag (check, GTK_WIDGET (check->self->email_row), check->contact, ok,
        _("An email address needs an @"));
}

static void
check_coordinates (Check *check)
{
  ReachPlaceEditor *self = check->self;
  double lat = NAN, lon = NAN;
  gboolean lat_number = parse_coordinate (self->lat_row, self->orig_lat, &lat);
  gboolean lon_number = parse_coordinate (self->lon_row, self->orig_lon, &lon);

  if (!lat_number)
    flag (check, GTK_WIDGET (self->lat_row), check->location, FALSE,
          _("Latitude must be a number, such as 53.7997"));
  else
    flag (check, GTK_WIDGET (self->lat_row), check->location, lat >= -90 && lat <= 90,
          _("Latitude must be between −90 and 90"));

  if (!lon_number)
    flag (check, GTK_WIDGET (self->lon_row), check->location, FALSE,
          _("Longitude must be a number, such as −1.5492"));
  else
    flag (check, GTK_WIDGET (self->lon_row), check->location, lon >= -180 && lon <= 180,
          _("Longitude must be between −180 and 180"));
}

/* Runs every check; returns whether the form can be saved. */
static gboolean
validate_form (ReachPlaceEditor *self)
{
  Check check = { self, g_string_new (NULL), g_string_new (NULL),
                  g_string_new (NULL), g_string_new (NULL), TRUE };
  g_autofree char *name = row_text (self->name_row);
  int capacity;

  flag (&check, GTK_WIDGET (self->name_row), check.place, *name != '\0',
        _("A place needs a name"));
  flag (&check, NULL, check.place,
        gtk_switch_get_active (self->asset_switch) || gtk_switch_get_active (self->venue_switch),
        _("Choose community asset, venue for engagement, or both"));
  check_coordinates (&check);
  flag (&check, GTK_WIDGET (self->capacity_row), check.details,
        parse_capacity (self->capacity_row, &capacity),
        _("Capacity must be a whole number of people"));
  check_website (&check);
  check_email (&check);

  show_message (self->place_message, check.place);
  show_message (self->location_message, check.location);
  show_message (self->details_message, check.details);
  show_message (self->contact_message, check.contact);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", check.valid);
  return check.valid;
}

static void
on_row_changed (ReachPlaceEditor *self,
                GtkEditable      *row)
{
  g_hash_table_add (self->touched, row);
  validate_form (self);
}

static void
on_switch_changed (ReachPlaceEditor *self)
{
  validate_form (self);
}

static ReachTristate
access_row_value (GtkWidget *row)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

  return selected < G_N_ELEMENTS (tristate_order) ? tristate_order[selected]
                                                  : REACH_TRISTATE_UNKNOWN;
}

static void
set_access_row_value (GtkWidget     *row,
                      ReachTristate  value)
{
  for (guint i = 0; i < G_N_ELEMENTS (tristate_order); i++)
    if (tristate_order[i] == value)
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
}

/* Copies the form into self->place; only called on a valid form. */
static void
read_form (ReachPlaceEditor *self)
{
  ReachPlace *place = self->place;

  g_free (place->name);
  place->name = row_text (self->name_row);
  place->category = adw_combo_row_get_selected (self->category_row);
  place->is_asset = gtk_switch_get_active (self->asset_switch);
  place->is_venue = gtk_switch_get_active (self->venue_switch);
  parse_coordinate (self->lat_row, self->orig_lat, &place->lat);
  parse_coordinate (self->lon_row, self->orig_lon, &place->lon);
  parse_capacity (self->capacity_row, &place->capacity);

#define TAKE(field, row) G_STMT_START { \
    g_free (place->field); \
    place->field = row_text_or_null (self->row); \
  } G_STMT_END
  TAKE (description, description_row);
  TAKE (address, address_row);
  TAKE (postcode, postcode_row);
  TAKE (opening_hours, hours_row);
  TAKE (website, website_row);
  TAKE (phone, phone_row);
  TAKE (email, email_row);
#undef TAKE

  for (guint i = 0; i < REACH_N_ACCESS; i++)
    place->access[i] = access_row_value (self->access_rows[i]);
}

static void
fill_form (ReachPlaceEditor *self)
{
  ReachPlace *place = self->place;
  g_autofree char *lat = format_coordinate (place->lat);
  g_autofree char *lon = format_coordinate (place->lon);

  set_row_text (self->name_row, place->name);
  adw_combo_row_set_selected (self->category_row, place->category);
  gtk_switch_set_active (self->asset_switch, place->is_asset);
  gtk_switch_set_active (self->venue_switch, place->is_venue);
  set_row_text (self->lat_row, lat);
  set_row_text (self->lon_row, lon);
  set_row_text (self->address_row, place->address);
  set_row_text (self->postcode_row, place->postcode);
  set_row_text (self->description_row, place->description);
  set_row_text (self->hours_row, place->opening_hours);
  set_row_text (self->website_row, place->website);
  set_row_text (self->phone_row, place->phone);
  set_row_text (self->email_row, place->email);

  if (place->capacity >= 0)
    {
      g_autofree char *capacity = g_strdup_printf ("%d", place->capacity);
      set_row_text (self->capacity_row, capacity);
    }

  for (guint i = 0; i < REACH_N_ACCESS; i++)
    set_access_row_value (self->access_rows[i], place->access[i]);
}

static void
show_failure (ReachPlaceEditor *self,
              const char       *message)
{
  gtk_label_set_text (self->failure_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->failure_group), TRUE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ReachPlaceEditor *self = REACH_PLACE_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!validate_form (self))
    return;

  read_form (self);

  if (!reach_place_validate (self->place, &error))
    {
      show_failure (self, error->message);
      return;
    }

  if (self->place->id == 0)
    ok = reach_places_insert (self->db, self->place, &error);
  else
    ok = reach_places_update (self->db, self->place, &error);

  if (!ok)
    {
      g_autofree char *message = g_strdup_printf (_("The place was not saved: %s"), error->message);
      show_failure (self, message);
      return;
    }

  g_debug ("Saved place %" G_GINT64_FORMAT, self->place->id);
  g_signal_emit (self, signals[SAVED], 0, self->place);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static GListModel *
category_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < REACH_N_PLACE_CATEGORIES; i++)
    gtk_string_list_append (list, reach_place_category_label (i));

  return G_LIST_MODEL (list);
}

static void
add_access_rows (ReachPlaceEditor *self)
{
  const char *choices[] = { _("Not known"), _("Yes"), _("No"), NULL };

  for (guint i = 0; i < REACH_N_ACCESS; i++)
    {
      g_autoptr(GtkStringList) model = gtk_string_list_new (choices);
      GtkWidget *row = adw_combo_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), reach_access_label (i));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
      gtk_widget_set_name (row, reach_access_column (i));
      adw_preferences_group_add (self->access_group, row);
      self->access_rows[i] = row;
    }
}

#define N_ENTRY_ROWS 11

static void
get_entry_rows (ReachPlaceEditor *self,
                AdwEntryRow      *rows[N_ENTRY_ROWS])
{
  AdwEntryRow *all[N_ENTRY_ROWS] = {
    self->name_row, self->address_row, self->postcode_row, self->lat_row,
    self->lon_row, self->description_row, self->hours_row, self->capacity_row,
    self->website_row, self->phone_row, self->email_row,
  };

  memcpy (rows, all, sizeof all);
}

/* Problems show once a field was typed in, but a value that came in wrong
 * (an existing place, the click) shows at once so a grey Save has a reason.
 * Only a new place's empty name waits for the user. */
static void
connect_rows (ReachPlaceEditor *self,
              gboolean          is_new)
{
  AdwEntryRow *rows[N_ENTRY_ROWS];

  get_entry_rows (self, rows);
  for (guint i = 0; i < N_ENTRY_ROWS; i++)
    {
      g_signal_connect_object (rows[i], "changed", G_CALLBACK (on_row_changed),
                               self, G_CONNECT_SWAPPED);
      if (!is_new || rows[i] != self->name_row)
        g_hash_table_add (self->touched, rows[i]);
    }

  g_signal_connect_object (self->asset_switch, "notify::active",
                           G_CALLBACK (on_switch_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->venue_switch, "notify::active",
                           G_CALLBACK (on_switch_changed), self, G_CONNECT_SWAPPED);
}

static void
reach_place_editor_dispose (GObject *object)
{
  ReachPlaceEditor *self = REACH_PLACE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), REACH_TYPE_PLACE_EDITOR);
  g_clear_object (&self->db);
  g_clear_object (&self->place);
  g_clear_pointer (&self->touched, g_hash_table_unref);

  G_OBJECT_CLASS (reach_place_editor_parent_class)->dispose (object);
}

static void
reach_place_editor_class_init (ReachPlaceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reach_place_editor_dispose;

  /**
   * ReachPlaceEditor::saved:
   * @place: the place as written, with its id
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, REACH_TYPE_PLACE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reachmap/Reach/reach-place-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ReachPlaceEditor, name)
  BIND (window_title);
  BIND (cancel_button);
  BIND (save_button);
  BIND (failure_group);
  BIND (failure_label);
  BIND (name_row);
  BIND (category_row);
  BIND (asset_switch);
  BIND (venue_switch);
  BIND (place_message);
  BIND (address_row);
  BIND (postcode_row);
  BIND (lat_row);
  BIND (lon_row);
  BIND (location_message);
  BIND (description_row);
  BIND (hours_row);
  BIND (capacity_row);
  BIND (details_message);
  BIND (website_row);
  BIND (phone_row);
  BIND (email_row);
  BIND (contact_message);
  BIND (access_group);
#undef BIND

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
reach_place_editor_init (ReachPlaceEditor *self)
{
  g_autoptr(GListModel) categories = category_model ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->touched = g_hash_table_new (NULL, NULL);
  self->orig_lat = NAN;
  self->orig_lon = NAN;
  adw_combo_row_set_model (self->category_row, categories);
  add_access_rows (self);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
}

GtkWidget *
reach_place_editor_new (GtkWindow  *parent,
                        ReachDb    *db,
                        ReachPlace *place,
                        double      lat,
                        double      lon)
{
  ReachPlaceEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (REACH_IS_DB (db), NULL);
  g_return_val_if_fail (place == NULL || REACH_IS_PLACE (place), NULL);

  self = g_object_new (REACH_TYPE_PLACE_EDITOR, "transient-for", parent, NULL);
  self->db = g_object_ref (db);

  if (place != NULL)
    {
      self->place = reach_place_copy (place);
      self->orig_lat = place->lat;
      self->orig_lon = place->lon;
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Place"));
      adw_window_title_set_title (self->window_title, _("Edit Place"));
      adw_window_title_set_subtitle (self->window_title, place->name);
    }
  else
    {
      self->place = reach_place_new ();
      self->place->lat = lat;
      self->place->lon = lon;
      self->orig_lat = lat;
      self->orig_lon = lon;
    }

  fill_form (self);
  connect_rows (self, place == NULL);
  validate_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return GTK_WIDGET (self);
}

gboolean
reach_place_editor_can_save (ReachPlaceEditor *self)
{
  g_return_val_if_fail (REACH_IS_PLACE_EDITOR (self), FALSE);

  return gtk_widget_is_sensitive (self->save_button);
}
