/* reach-contact-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-contact-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "reach-classification.h"
#include "reach-contact-export.h"
#include "reach-contacts.h"
#include "reach-csv.h"

/* Column names as reach-contact-import reads them back. */
static const char * const columns[] = {
  "id", "kind", "name", "role", "email", "phone", "address", "postcode", "lat", "lon",
  "place_id", "preferred_contact", "easy_read", "large_print", "bsl", "interpreter",
  "braille", "audio", "interpreter_language", "consent_date", "consent_contact",
  "consent_equality", "consent_method", "consent_withdrawn", "retention_review", "notes",
};

static void
append_row_end (GString *out)
{
  g_string_append (out, "\r\n");
}

static void
field (GString    *out,
       const char *text)
{
  if (out->len > 0 && out->str[out->len - 1] != '\n')
    g_string_append_c (out, ',');
  reach_csv_append_field (out, text != NULL ? text : "");
}

static void
field_int (GString *out,
           gint64   value)
{
  g_autofree char *text = value != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : NULL;
  field (out, text);
}

static void
field_double (GString  *out,
              gboolean  present,
              double    value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  field (out, present ? g_ascii_formatd (buf, sizeof buf, "%.7f", value) : NULL);
}

static void
field_flag (GString  *out,
            gboolean  value)
{
  field (out, value ? "yes" : "no");
}

static void
append_contact (GString      *out,
                ReachContact *c)
{
  field_int (out, c->id);
  field (out, reach_contact_kind_to_string (c->kind));
  field (out, c->name);
  field (out, reach_contact_role_to_string (c->role));
  field (out, c->email);
  field (out, c->phone);
  field (out, c->address);
  field (out, c->postcode);
  field_double (out, c->has_location, c->lat);
  field_double (out, c->has_location, c->lon);
  field_int (out, c->place_id);
  field (out, reach_contact_method_to_string (c->preferred_method));
  for (guint n = 0; n < REACH_N_NEEDS; n++)
    field_flag (out, c->needs[n]);
  field (out, c->interpreter_language);
  field (out, c->consent_date);
  field_flag (out, c->consent_contact);
  field_flag (out, c->consent_equality);
  field (out, reach_consent_method_to_string (c->consent_method));
  field (out, c->consent_withdrawn);
  field (out, c->retention_review);
  field (out, c->notes);
}

static gboolean
append_equality (GString      *out,
                 ReachDb      *db,
                 ReachContact *c,
                 GPtrArray    *characteristics,
                 GError      **error)
{
  g_autoptr(GPtrArray) answers = reach_contacts_get_equality (db, c->id, error);

  if (answers == NULL)
    return FALSE;

  for (guint i = 0; i < characteristics->len; i++)
    {
      ReachCharacteristic *characteristic = g_ptr_array_index (characteristics, i);
      const char *label = NULL;

      for (guint a = 0; a < answers->len; a++)
        {
          ReachEqualityAnswer *answer = g_ptr_array_index (answers, a);

          if (g_str_equal (answer->characteristic_key, characteristic->key))
            label = answer->category_label;
        }
      field (out, label);
    }

  return TRUE;
}

static char *
build_csv (ReachDb   *db,
           gboolean   with_equality,
           guint     *n_contacts,
           GError   **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) characteristics = NULL;

  if (!(contacts = reach_contacts_list (db, NULL, error)))
    return NULL;
  if (with_equality && !(characteristics = reach_characteristics_list (db, error)))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    field (out, columns[i]);
  for (guint i = 0; characteristics != NULL && i < characteristics->len; i++)
    field (out, ((ReachCharacteristic *) g_ptr_array_index (characteristics, i))->key);
  append_row_end (out);

  for (guint i = 0; i < contacts->len; i++)
    {
      ReachContact *c = g_ptr_array_index (contacts, i);

      append_contact (out, c);
      if (characteristics != NULL && !append_equality (out, db, c, characteristics, error))
        return NULL;
      append_row_end (out);
    }

  *n_contacts = contacts->len;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
reach_contacts_to_csv (ReachDb   *db,
                       gboolean   with_equality,
                       GError   **error)
{
  guint n;

  return build_csv (db, with_equality, &n, error);
}

gint64
reach_contacts_export_csv (ReachDb     *db,
                           const char  *path,
                           gboolean     with_equality,
                           GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = NULL;
  guint n = 0;

  if (!(text = build_csv (db, with_equality, &n, error)))
    return -1;

  /* personal data: readable by the owner only, like the workspace */
  file = g_file_new_for_path (path);
  if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                NULL, NULL, error))
    return -1;

  return n;
}
