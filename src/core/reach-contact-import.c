/* reach-contact-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-contact-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "reach-classification.h"
#include "reach-contact.h"
#include "reach-contact-import.h"
#include "reach-contacts.h"
#include "reach-csv.h"
#include "reach-place.h"
#include "reach-places.h"
#include "reach-vcard.h"

struct _ReachContactImport
{
  GObject     parent_instance;

  char       *path;
  char       *basename;
  gboolean    is_vcard;
  GPtrArray  *characteristics;  /* ReachCharacteristic, copied from the workspace */
  GHashTable *categories;       /* characteristic key → GPtrArray of ReachCategory */
  GPtrArray  *items;            /* ReachContact */
  GPtrArray  *answers;          /* per item: GArray of category ids, or NULL */
  GPtrArray  *notes;
  gboolean    read;
};

G_DEFINE_TYPE (ReachContactImport, reach_contact_import, G_TYPE_OBJECT)

static void
reach_contact_import_finalize (GObject *object)
{
  ReachContactImport *self = (ReachContactImport *) object;

  g_free (self->path);
  g_free (self->basename);
  g_clear_pointer (&self->characteristics, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->answers, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);

  G_OBJECT_CLASS (reach_contact_import_parent_class)->finalize (object);
}

static void
reach_contact_import_class_init (ReachContactImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = reach_contact_import_finalize;
}

static void
free_answers (gpointer array)
{
  if (array != NULL)
    g_array_unref (array);
}

static void
reset (ReachContactImport *self)
{
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->answers, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->answers = g_ptr_array_new_with_free_func (free_answers);
  self->notes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->notes, NULL);
  self->read = FALSE;
}

static void
reach_contact_import_init (ReachContactImport *self)
{
  self->categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
  self->characteristics = g_ptr_array_new_with_free_func (g_object_unref);
  reset (self);
}

static gboolean
looks_like_vcard (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  char head[512] = { 0 };
  g_autofree char *upper = NULL;
  gssize n;

  if (g_str_has_suffix (lower, ".vcf") || g_str_has_suffix (lower, ".vcard"))
    return TRUE;

  file = g_file_new_for_path (path);
  if (!(stream = g_file_read (file, NULL, NULL)))
    return FALSE;
  n = g_input_stream_read (G_INPUT_STREAM (stream), head, sizeof head - 1, NULL, NULL);
  if (n <= 0)
    return FALSE;
  upper = g_ascii_strup (head, n);
  return strstr (upper, "BEGIN:VCARD") != NULL;
}

ReachContactImport *
reach_contact_import_new (ReachDb    *db,
                          const char *path)
{
  ReachContactImport *self = g_object_new (REACH_TYPE_CONTACT_IMPORT, NULL);
  g_autoptr(GPtrArray) characteristics = NULL;

  self->path = g_strdup (path);
  self->basename = g_path_get_basename (path);
  self->is_vcard = looks_like_vcard (path);

  /* read can run in a thread, so it gets its own copy of the classifications */
  characteristics = reach_characteristics_list (db, NULL);
  for (guint i = 0; characteristics != NULL && i < characteristics->len; i++)
    {
      ReachCharacteristic *c = g_ptr_array_index (characteristics, i);
      GPtrArray *categories = reach_categories_list (db, c->key, NULL);

      if (categories == NULL)
        continue;
      g_ptr_array_add (self->characteristics, g_object_ref (c));
      g_hash_table_insert (self->categories, g_strdup (c->key), categories);
    }

  return self;
}

gboolean
reach_contact_import_is_vcard (ReachContactImport *self)
{
  g_return_val_if_fail (REACH_IS_CONTACT_IMPORT (self), FALSE);
  return self->is_vcard;
}

static void G_GNUC_PRINTF (2, 3)
add_note (ReachContactImport *self,
          const char         *format,
          ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_insert (self->notes, self->notes->len - 1, g_strdup_vprintf (format, args));
  va_end (args);
}

static void
report (ReachProgressFunc progress,
        gpointer          data,
        guint             done,
        guint             total)
{
  if (progress != NULL && total > 0 && (done % 50 == 0 || done == total))
    progress ((double) done / total, data);
}

static gboolean G_GNUC_PRINTF (4, 5)
row_error (ReachContactImport  *self,
           GError             **error,
           guint                line,
           const char          *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_INVALID,
               _("%s: line %u: %s"), self->basename, line, message);
  return FALSE;
}

/* CSV */

typedef enum
{
  COL_ID,
  COL_NAME,
  COL_FIRST_NAME,
  COL_LAST_NAME,
  COL_KIND,
  COL_ROLE,
  COL_EMAIL,
  COL_PHONE,
  COL_ADDRESS,
  COL_POSTCODE,
  COL_LAT,
  COL_LON,
  COL_PREFERRED,
  COL_NEEDS,
  COL_NEED_EASY_READ,
  COL_NEED_LARGE_PRINT,
  COL_NEED_BSL,
  COL_NEED_INTERPRETER,
  COL_NEED_BRAILLE,
  COL_NEED_AUDIO,
  COL_LANGUAGE,
  COL_CONSENT_DATE,
  COL_CONSENT_CONTACT,
  COL_CONSENT_EQUALITY,
  COL_CONSENT_METHOD,
  COL_CONSENT_WITHDRAWN,
  COL_RETENTION,
  COL_NOTES,
  N_COLS
} Column;

/* As normalize_header() leaves them. */
static const char * const column_names[N_COLS][8] = {
  [COL_ID] = { "id", NULL },
  [COL_NAME] = { "name", "full_name", "display_name", "contact_name", "organisation_name", NULL },
  [COL_FIRST_NAME] = { "first_name", "firstname", "given_name", "forename", NULL },
  [COL_LAST_NAME] = { "last_name", "lastname", "surname", "family_name", NULL },
  [COL_KIND] = { "kind", "type", "contact_type", NULL },
  [COL_ROLE] = { "role", NULL },
  [COL_EMAIL] = { "email", "e_mail", "email_address", NULL },
  [COL_PHONE] = { "phone", "telephone", "tel", "mobile", "phone_number", "telephone_number", NULL },
  [COL_ADDRESS] = { "address", "full_address", "street_address", NULL },
  [COL_POSTCODE] = { "postcode", "post_code", "postal_code", "zip", NULL },
  [COL_LAT] = { "lat", "latitude", "y", "lat_wgs84", "wgs84_latitude", NULL },
  [COL_LON] = { "lon", "lng", "long", "longitude", "x", "lon_wgs84", "wgs84_longitude", NULL },
  [COL_PREFERRED] = { "preferred_contact", "preferred_contact_method", "contact_method", NULL },
  [COL_NEEDS] = { "needs", "communication_needs", NULL },
  [COL_NEED_EASY_READ] = { "easy_read", "needs_easy_read", NULL },
  [COL_NEED_LARGE_PRINT] = { "large_print", "needs_large_print", NULL },
  [COL_NEED_BSL] = { "bsl", "needs_bsl", NULL },
  [COL_NEED_INTERPRETER] = { "interpreter", "needs_interpreter", NULL },
  [COL_NEED_BRAILLE] = { "braille", "needs_braille", NULL },
  [COL_NEED_AUDIO] = { "audio", "needs_audio", NULL },
  [COL_LANGUAGE] = { "interpreter_language", "language", NULL },
  [COL_CONSENT_DATE] = { "consent_date", "consent_given", NULL },
  [COL_CONSENT_CONTACT] = { "consent_contact", NULL },
  [COL_CONSENT_EQUALITY] = { "consent_equality", NULL },
  [COL_CONSENT_METHOD] = { "consent_method", "consent_how", NULL },
  [COL_CONSENT_WITHDRAWN] = { "consent_withdrawn", "withdrawn", NULL },
  [COL_RETENTION] = { "retention_review", "retention_review_date", "review_date", NULL },
  [COL_NOTES] = { "notes", "note", "comments", NULL },
};

typedef struct
{
  int    column[N_COLS];
  GArray *equality;   /* EqualityColumn */
  gboolean decimal_comma;
} CsvColumns;

typedef struct
{
  int                  column;
  ReachCharacteristic *characteristic;
  GPtrArray           *categories;
} EqualityColumn;

/* "Consent Date", "consent-date" → "consent_date" */
static char *
normalize_header (const char *header)
{
  g_autofree char *lower = g_utf8_strdown (header, -1);
  GString *out = g_string_new (NULL);

  g_strstrip (lower);
  for (const char *p = lower; *p != '\0'; p++)
    {
      char c = (*p == ' ' || *p == '-' || *p == '.') ? '_' : *p;

      if (c == '_' && (out->len == 0 || out->str[out->len - 1] == '_'))
        continue;
      g_string_append_c (out, c);
    }
  while (out->len > 0 && out->str[out->len - 1] == '_')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

static int
find_column (GStrv        headers,
             const char  *const *names)
{
  for (guint n = 0; names[n] != NULL; n++)
    for (guint i = 0; headers[i] != NULL; i++)
      if (g_str_equal (headers[i], names[n]))
        return i;
  return -1;
}

static const char *
field (const ReachCsvRow *row,
       int                column)
{
  if (column < 0 || (guint) column >= row->n_fields)
    return NULL;
  return row->fields[column];
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static char *
trimmed (const char *text)
{
  return is_blank (text) ? NULL : g_strstrip (g_strdup (text));
}

static void
map_columns (ReachContactImport *self,
             const ReachCsvRow  *header,
             CsvColumns         *cols)
{
  g_auto(GStrv) headers = g_new0 (char *, header->n_fields + 1);
  g_autoptr(GString) unused = g_string_new (NULL);
  g_autofree gboolean *used = g_new0 (gboolean, header->n_fields);

  for (guint i = 0; i < header->n_fields; i++)
    headers[i] = normalize_header (header->fields[i]);

  for (guint c = 0; c < N_COLS; c++)
    {
      cols->column[c] = find_column (headers, column_names[c]);
      if (cols->column[c] >= 0)
        used[cols->column[c]] = TRUE;
    }

  for (guint i = 0; i < self->characteristics->len; i++)
    {
      ReachCharacteristic *c = g_ptr_array_index (self->characteristics, i);
      const char *names[] = { c->key, NULL };
      EqualityColumn eq = { find_column (headers, names), c,
                            g_hash_table_lookup (self->categories, c->key) };

      if (eq.column < 0)
        continue;
      used[eq.column] = TRUE;
      g_array_append_val (cols->equality, eq);
    }

  for (guint i = 0; i < header->n_fields; i++)
    if (!used[i] && !is_blank (header->fields[i]))
      g_string_append_printf (unused, "%s“%s”", unused->len ? ", " : "", header->fields[i]);

  if (unused->len > 0)
    add_note (self, _("Columns Reach does not use: %s"), unused->str);
  if (cols->column[COL_ID] >= 0)
    add_note (self, _("The id column is not used: every row is added as a new contact"));
  if (cols->equality->len > 0)
    add_note (self, g_dngettext (GETTEXT_PACKAGE, "%u equality column", "%u equality columns",
                                 cols->equality->len), cols->equality->len);
}

static gboolean
parse_flag (ReachContactImport *self,
            const ReachCsvRow  *row,
            int                 column,
            const char         *what,
            gboolean           *value,
            GError            **error)
{
  static const char * const yes[] = { "yes", "y", "true", "1", "x", NULL };
  static const char * const no[] = { "no", "n", "false", "0", NULL };
  g_autofree char *text = trimmed (field (row, column));
  g_autofree char *lower = NULL;

  if (text == NULL)
    return TRUE;

  lower = g_ascii_strdown (text, -1);
  if (g_strv_contains (yes, lower))
    *value = TRUE;
  else if (g_strv_contains (no, lower))
    *value = FALSE;
  else
    return row_error (self, error, row->line, _("“%s” in column %s is not yes or no"), text, what);
  return TRUE;
}

static gboolean
parse_date (ReachContactImport  *self,
            const ReachCsvRow   *row,
            int                  column,
            const char          *what,
            char               **out,
            GError             **error)
{
  g_autofree char *text = trimmed (field (row, column));

  if (text == NULL)
    return TRUE;

  *out = reach_date_normalize (text);
  if (*out == NULL)
    return row_error (self, error, row->line, _("%s “%s” is not a date (use YYYY-MM-DD or DD/MM/YYYY)"),
                      what, text);
  return TRUE;
}

static gboolean
parse_coordinate (const char *text,
                  gboolean    decimal_comma,
                  double     *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end;

  if (decimal_comma)
    g_strdelimit (copy, ",", '.');
  *value = g_ascii_strtod (copy, &end);
  return *copy != '\0' && *end == '\0';
}

static gboolean
read_location (ReachContactImport  *self,
               const ReachCsvRow   *row,
               CsvColumns          *cols,
               ReachContact        *contact,
               GError             **error)
{
  g_autofree char *lat = trimmed (field (row, cols->column[COL_LAT]));
  g_autofree char *lon = trimmed (field (row, cols->column[COL_LON]));

  if (lat == NULL && lon == NULL)
    return TRUE;
  if (lat == NULL || lon == NULL)
    return row_error (self, error, row->line, _("a location needs both latitude and longitude"));

  if (!parse_coordinate (lat, cols->decimal_comma, &contact->lat) ||
      !parse_coordinate (lon, cols->decimal_comma, &contact->lon))
    return row_error (self, error, row->line, _("“%s, %s” is not a latitude and longitude"), lat, lon);

  contact->has_location = TRUE;
  return TRUE;
}

static gboolean
read_needs (ReachContactImport  *self,
            const ReachCsvRow   *row,
            CsvColumns          *cols,
            ReachContact        *contact,
            GError             **error)
{
  g_autofree char *list = trimmed (field (row, cols->column[COL_NEEDS]));

  for (guint n = 0; n < REACH_N_NEEDS; n++)
    if (!parse_flag (self, row, cols->column[COL_NEED_EASY_READ + n], reach_need_to_string (n),
                     &contact->needs[n], error))
      return FALSE;

  if (list != NULL)
    {
      g_auto(GStrv) parts = g_strsplit_set (list, ";,/|", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          ReachNeed need;

          g_strstrip (parts[i]);
          if (parts[i][0] == '\0')
            continue;
          if (!reach_need_from_string (parts[i], &need))
            return row_error (self, error, row->line,
                              _("“%s” is not a communication need (easy read, large print, "
                                "BSL, interpreter, braille, audio)"), parts[i]);
          contact->needs[need] = TRUE;
        }
    }

  contact->interpreter_language = trimmed (field (row, cols->column[COL_LANGUAGE]));
  if (contact->interpreter_language != NULL)
    contact->needs[REACH_NEED_INTERPRETER] = TRUE;
  return TRUE;
}

static gboolean
read_enums (ReachContactImport  *self,
            const ReachCsvRow   *row,
            CsvColumns          *cols,
            ReachContact        *contact,
            GError             **error)
{
  g_autofree char *kind = trimmed (field (row, cols->column[COL_KIND]));
  g_autofree char *role = trimmed (field (row, cols->column[COL_ROLE]));
  g_autofree char *method = trimmed (field (row, cols->column[COL_PREFERRED]));
  g_autofree char *consent_method = trimmed (field (row, cols->column[COL_CONSENT_METHOD]));

  if (kind != NULL && !reach_contact_kind_from_string (kind, &contact->kind))
    return row_error (self, error, row->line, _("“%s” is not a kind of contact (person or organisation)"), kind);
  if (role != NULL && !reach_contact_role_from_string (role, &contact->role))
    return row_error (self, error, row->line,
                      _("“%s” is not a role (resident, carer, lived-experience, voluntary-sector, "
                        "professional, elected-member)"), role);
  if (method != NULL && !reach_contact_method_from_string (method, &contact->preferred_method))
    return row_error (self, error, row->line,
                      _("“%s” is not a way to contact someone (email, phone, text, post, in-person)"), method);
  if (consent_method != NULL && !reach_consent_method_from_string (consent_method, &contact->consent_method))
    return row_error (self, error, row->line,
                      _("“%s” is not a way consent is given (written, verbal, online-form, email, other)"),
                      consent_method);
  return TRUE;
}

static char *
row_name (const ReachCsvRow *row,
          CsvColumns        *cols)
{
  g_autofree char *name = trimmed (field (row, cols->column[COL_NAME]));
  g_autofree char *first = trimmed (field (row, cols->column[COL_FIRST_NAME]));
  g_autofree char *last = trimmed (field (row, cols->column[COL_LAST_NAME]));

  if (name != NULL)
    return g_steal_pointer (&name);
  if (first != NULL && last != NULL)
    return g_strdup_printf ("%s %s", first, last);
  return g_strdup (first != NULL ? first : last);
}

static gboolean
read_equality (ReachContactImport  *self,
               const ReachCsvRow   *row,
               CsvColumns          *cols,
               ReachContact        *contact,
               GArray             **answers,
               GError             **error)
{
  for (guint i = 0; i < cols->equality->len; i++)
    {
      EqualityColumn *eq = &g_array_index (cols->equality, EqualityColumn, i);
      g_autofree char *text = trimmed (field (row, eq->column));
      ReachCategory *category;

      if (text == NULL)
        continue;

      category = reach_category_match (eq->categories, text);
      if (category == NULL)
        return row_error (self, error, row->line,
                          _("“%s” in column %s is not a category of %s (use an ONS label or code "
                            "as Reach lists them)"), text, eq->characteristic->key, eq->characteristic->label);

      /* the consent gate, before anything is written */
      if (!reach_contact_may_hold_equality (contact))
        return row_error (self, error, row->line,
                          _("column %s holds an equality answer, but the row has no consent that covers "
                            "equality answers (consent_equality yes, a consent_date, not withdrawn)"),
                          eq->characteristic->key);

      if (*answers == NULL)
        *answers = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (*answers, category->id);
    }

  return TRUE;
}

static gboolean
read_row (ReachContactImport  *self,
          const ReachCsvRow   *row,
          CsvColumns          *cols,
          GError             **error)
{
  g_autoptr(ReachContact) contact = reach_contact_new ();
  g_autoptr(GArray) answers = NULL;
  g_autoptr(GError) invalid = NULL;
  g_autofree char *postcode = NULL;

  contact->name = row_name (row, cols);
  if (contact->name == NULL)
    return row_error (self, error, row->line, _("the contact has no name"));

  contact->email = trimmed (field (row, cols->column[COL_EMAIL]));
  contact->phone = trimmed (field (row, cols->column[COL_PHONE]));
  contact->address = trimmed (field (row, cols->column[COL_ADDRESS]));
  postcode = trimmed (field (row, cols->column[COL_POSTCODE]));
  contact->postcode = reach_postcode_normalize (postcode);
  contact->notes = trimmed (field (row, cols->column[COL_NOTES]));

  if (!read_enums (self, row, cols, contact, error) ||
      !read_location (self, row, cols, contact, error) ||
      !read_needs (self, row, cols, contact, error) ||
      !parse_date (self, row, cols->column[COL_CONSENT_DATE], _("Consent date"), &contact->consent_date, error) ||
      !parse_date (self, row, cols->column[COL_CONSENT_WITHDRAWN], _("Consent withdrawn date"),
                   &contact->consent_withdrawn, error) ||
      !parse_date (self, row, cols->column[COL_RETENTION], _("Retention review date"),
                   &contact->retention_review, error) ||
      !parse_flag (self, row, cols->column[COL_CONSENT_CONTACT], "consent_contact",
                   &contact->consent_contact, error) ||
      !parse_flag (self, row, cols->column[COL_CONSENT_EQUALITY], "consent_equality",
                   &contact->consent_equality, error))
    return FALSE;

  if (!reach_contact_validate (contact, &invalid))
    return row_error (self, error, row->line, "%s", invalid->message);

  if (!read_equality (self, row, cols, contact, &answers, error))
    return FALSE;

  g_ptr_array_add (self->items, g_steal_pointer (&contact));
  g_ptr_array_add (self->answers, g_steal_pointer (&answers));
  return TRUE;
}

#define MAX_PROBLEMS 10

/* Keeps "line N: what" from a row's error, without the file name before it. */
static void
add_problem (ReachContactImport *self,
             GString            *problems,
             const char         *message,
             guint              *n_problems)
{
  gsize prefix = strlen (self->basename) + 2;

  if (++(*n_problems) > MAX_PROBLEMS)
    return;
  if (problems->len > 0)
    g_string_append (problems, "; ");
  g_string_append (problems, g_str_has_prefix (message, self->basename) ? message + prefix : message);
}

static gboolean
read_csv (ReachContactImport  *self,
          GCancellable        *cancellable,
          ReachProgressFunc    progress,
          gpointer             progress_data,
          GError             **error)
{
  g_autoptr(ReachCsv) csv = NULL;
  CsvColumns cols = { .equality = NULL };
  g_autoptr(GArray) equality = g_array_new (FALSE, FALSE, sizeof (EqualityColumn));
  g_autoptr(GString) problems = g_string_new (NULL);
  guint n_rows, n_equality = 0, n_problems = 0;

  if (!(csv = reach_csv_load (self->path, error)))
    {
      if (error != NULL && *error != NULL && (*error)->domain != REACH_IMPORT_ERROR)
        {
          GError *e = *error;
          *error = g_error_new_literal (REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_FORMAT, e->message);
          g_error_free (e);
        }
      return FALSE;
    }

  n_rows = reach_csv_get_n_rows (csv);
  if (n_rows < 2)
    {
      g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_EMPTY,
                   _("%s has no contacts: it needs a header row and at least one row"), self->basename);
      return FALSE;
    }

  cols.equality = equality;
  cols.decimal_comma = reach_csv_get_delimiter (csv) == ';';
  map_columns (self, reach_csv_get_row (csv, 0), &cols);
  if (cols.column[COL_NAME] < 0 && cols.column[COL_FIRST_NAME] < 0 && cols.column[COL_LAST_NAME] < 0)
    {
      g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_UNSUPPORTED,
                   _("%s: line 1: there is no name column (name, or first_name and last_name)"),
                   self->basename);
      return FALSE;
    }

  for (guint i = 1; i < n_rows; i++)
    {
      g_autoptr(GError) row_error = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (read_row (self, reach_csv_get_row (csv, i), &cols, &row_error))
        n_equality += g_ptr_array_index (self->answers, self->answers->len - 1) != NULL;
      else
        add_problem (self, problems, row_error->message, &n_problems);
      report (progress, progress_data, i, n_rows - 1);
    }

  /* every bad row at once, so a file can be put right in one go */
  if (n_problems > 0)
    {
      if (n_problems > MAX_PROBLEMS)
        g_string_append_printf (problems, g_dngettext (GETTEXT_PACKAGE, "; and %u more row",
                                                       "; and %u more rows", n_problems - MAX_PROBLEMS),
                                n_problems - MAX_PROBLEMS);
      g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_INVALID,
                   "%s: %s", self->basename, problems->str);
      return FALSE;
    }

  if (n_equality > 0)
    add_note (self, g_dngettext (GETTEXT_PACKAGE,
                                 "%u contact has equality answers, with consent that covers them",
                                 "%u contacts have equality answers, with consent that covers them",
                                 n_equality), n_equality);
  return TRUE;
}

/* vCard */

static gboolean
read_card (ReachContactImport  *self,
           ReachVcardCard      *card,
           guint               *n_unnamed,
           guint               *n_skipped,
           GError             **error)
{
  g_autoptr(ReachContact) contact = reach_vcard_card_to_contact (card);
  g_autoptr(GError) invalid = NULL;

  if (contact == NULL)
    {
      (*n_skipped)++;
      return TRUE;
    }

  if (reach_vcard_card_get (card, "FN") == NULL && reach_vcard_card_get (card, "N") == NULL &&
      reach_vcard_card_get (card, "ORG") == NULL)
    (*n_unnamed)++;

  /* address books hold odd things in EMAIL; keep them as a note rather than refuse */
  if (contact->email != NULL && strchr (contact->email, '@') == NULL)
    {
      g_autofree char *notes = contact->notes;

      contact->notes = g_strdup_printf ("%s%s%s: %s", notes ? notes : "", notes ? "\n" : "",
                                        _("Email as written"), contact->email);
      g_clear_pointer (&contact->email, g_free);
    }

  if (!reach_contact_validate (contact, &invalid))
    return row_error (self, error, card->line, "%s", invalid->message);

  g_ptr_array_add (self->items, g_steal_pointer (&contact));
  g_ptr_array_add (self->answers, NULL);
  return TRUE;
}

static gboolean
read_vcard (ReachContactImport  *self,
            GCancellable        *cancellable,
            ReachProgressFunc    progress,
            gpointer             progress_data,
            GError             **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) local_error = NULL;
  guint n_unnamed = 0, n_skipped = 0, n_guessed = 0;
  gsize length;

  if (!g_file_get_contents (self->path, &data, &length, &local_error))
    {
      g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_FORMAT, "%s", local_error->message);
      return FALSE;
    }

  if (!(cards = reach_vcard_parse (data, length, &local_error)))
    {
      g_set_error (error, REACH_IMPORT_ERROR,
                   g_error_matches (local_error, REACH_VCARD_ERROR, REACH_VCARD_ERROR_EMPTY)
                   ? REACH_IMPORT_ERROR_EMPTY : REACH_IMPORT_ERROR_FORMAT,
                   "%s: %s", self->basename, local_error->message);
      return FALSE;
    }

  for (guint i = 0; i < cards->len; i++)
    {
      ReachVcardCard *card = g_ptr_array_index (cards, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !read_card (self, card, &n_unnamed, &n_skipped, error))
        return FALSE;
      n_guessed += card->charset_guessed;
      report (progress, progress_data, i + 1, cards->len);
    }

  if (self->items->len == 0)
    {
      g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_EMPTY,
                   _("%s: no card has a name, email address or phone number"), self->basename);
      return FALSE;
    }

  add_note (self, _("Contacts from a vCard have no consent recorded: record each person’s consent "
                    "in Reach before contacting them or holding equality answers"));
  if (n_unnamed > 0)
    add_note (self, g_dngettext (GETTEXT_PACKAGE,
                                 "%u card has no name: it is called by its email address or phone number",
                                 "%u cards have no name: each is called by its email address or phone number",
                                 n_unnamed), n_unnamed);
  if (n_guessed > 0)
    add_note (self, g_dngettext (GETTEXT_PACKAGE,
                                 "%u card has text that is not UTF-8 and names no character set: "
                                 "it is read as Windows-1252; check its accented letters",
                                 "%u cards have text that is not UTF-8 and name no character set: "
                                 "they are read as Windows-1252; check their accented letters",
                                 n_guessed), n_guessed);
  if (n_skipped > 0)
    add_note (self, g_dngettext (GETTEXT_PACKAGE,
                                 "%u card has no name, email address or phone number and is left out",
                                 "%u cards have no name, email address or phone number and are left out",
                                 n_skipped), n_skipped);
  return TRUE;
}

gboolean
reach_contact_import_read (ReachContactImport  *self,
                           GCancellable        *cancellable,
                           ReachProgressFunc    progress,
                           gpointer             progress_data,
                           GError             **error)
{
  gboolean ok;

  g_return_val_if_fail (REACH_IS_CONTACT_IMPORT (self), FALSE);

  reset (self);
  ok = self->is_vcard ? read_vcard (self, cancellable, progress, progress_data, error)
                      : read_csv (self, cancellable, progress, progress_data, error);
  if (!ok)
    {
      reset (self);
      return FALSE;
    }

  add_note (self, g_dngettext (GETTEXT_PACKAGE, "%u contact to add", "%u contacts to add",
                               self->items->len), self->items->len);
  self->read = TRUE;
  return TRUE;
}

guint
reach_contact_import_get_n_items (ReachContactImport *self)
{
  g_return_val_if_fail (REACH_IS_CONTACT_IMPORT (self), 0);
  return self->items->len;
}

GPtrArray *
reach_contact_import_get_items (ReachContactImport *self)
{
  g_return_val_if_fail (REACH_IS_CONTACT_IMPORT (self), NULL);
  return self->items;
}

const char * const *
reach_contact_import_get_notes (ReachContactImport *self)
{
  g_return_val_if_fail (REACH_IS_CONTACT_IMPORT (self), NULL);
  return (const char * const *) self->notes->pdata;
}

static gboolean
insert_items (ReachContactImport  *self,
              ReachDb             *db,
              GCancellable        *cancellable,
              ReachProgressFunc    progress,
              gpointer             progress_data,
              GError             **error)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      ReachContact *contact = g_ptr_array_index (self->items, i);
      GArray *answers = g_ptr_array_index (self->answers, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      contact->id = 0;
      if (!reach_contacts_insert (db, contact, error))
        goto fail;
      for (guint a = 0; answers != NULL && a < answers->len; a++)
        if (!reach_contacts_set_equality (db, contact->id, g_array_index (answers, gint64, a), NULL, error))
          goto fail;

      report (progress, progress_data, i + 1, self->items->len);
      continue;

fail:
      g_prefix_error (error, _("%s: contact %u (%s): "), self->basename, i + 1, contact->name);
      return FALSE;
    }

  return reach_audit (db, "contact", 0, "import", error);
}

gboolean
reach_contact_import_commit (ReachContactImport  *self,
                             ReachDb             *db,
                             GCancellable        *cancellable,
                             ReachProgressFunc    progress,
                             gpointer             progress_data,
                             GError             **error)
{
  g_return_val_if_fail (REACH_IS_CONTACT_IMPORT (self), FALSE);
  g_return_val_if_fail (self->read, FALSE);

  if (!reach_db_begin (db, error))
    return FALSE;

  if (!insert_items (self, db, cancellable, progress, progress_data, error))
    {
      reach_db_rollback (db);
      for (guint i = 0; i < self->items->len; i++)
        ((ReachContact *) g_ptr_array_index (self->items, i))->id = 0;
      return FALSE;
    }

  return reach_db_commit (db, error);
}
