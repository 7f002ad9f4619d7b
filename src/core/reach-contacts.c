/* reach-contacts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Audit rows name a table, a row and an action, never a value.  Changes to
 * a contact's equality answers and memberships are audited under
 * "contact_equality" and "contact_membership" with the contact's id as the
 * row, so a subject access request finds them.
 */
#define G_LOG_DOMAIN "reach-contacts"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "reach-classification.h"
#include "reach-contacts.h"
#include "reach-places.h"

G_DEFINE_QUARK (reach-contacts-error-quark, reach_contacts_error)

/* Column order shared by SELECT, INSERT and UPDATE. */
#define CONTACT_COLUMNS \
  "kind, name, role, email, phone, address, postcode, lat, lon, place_id, " \
  "preferred_contact, needs_easy_read, needs_large_print, needs_bsl, needs_interpreter, " \
  "needs_braille, needs_audio, interpreter_language, consent_date, consent_contact, " \
  "consent_equality, consent_method, consent_withdrawn, retention_review, notes"
#define N_CONTACT_COLUMNS 25

#define CONTACT_SELECT "SELECT id, " CONTACT_COLUMNS " FROM contact"

static char *
text_column (sqlite3_stmt *stmt,
             int           col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

static ReachContact *
contact_from_row (sqlite3_stmt *stmt)
{
  ReachContact *contact = reach_contact_new ();
  int c = 0;

  contact->id = sqlite3_column_int64 (stmt, c++);
  if (!reach_contact_kind_from_string ((const char *) sqlite3_column_text (stmt, c++), &contact->kind))
    contact->kind = REACH_CONTACT_PERSON;
  contact->name = text_column (stmt, c++);
  if (!reach_contact_role_from_string ((const char *) sqlite3_column_text (stmt, c++), &contact->role))
    contact->role = REACH_ROLE_NONE;
  contact->email = text_column (stmt, c++);
  contact->phone = text_column (stmt, c++);
  contact->address = text_column (stmt, c++);
  contact->postcode = text_column (stmt, c++);
  contact->has_location = sqlite3_column_type (stmt, c) != SQLITE_NULL &&
                          sqlite3_column_type (stmt, c + 1) != SQLITE_NULL;
  contact->lat = sqlite3_column_double (stmt, c++);
  contact->lon = sqlite3_column_double (stmt, c++);
  contact->place_id = sqlite3_column_int64 (stmt, c++);
  if (!reach_contact_method_from_string ((const char *) sqlite3_column_text (stmt, c++),
                                         &contact->preferred_method))
    contact->preferred_method = REACH_CONTACT_METHOD_NONE;
  contact->needs[REACH_NEED_EASY_READ] = sqlite3_column_int (stmt, c++);
  contact->needs[REACH_NEED_LARGE_PRINT] = sqlite3_column_int (stmt, c++);
  contact->needs[REACH_NEED_BSL] = sqlite3_column_int (stmt, c++);
  contact->needs[REACH_NEED_INTERPRETER] = sqlite3_column_int (stmt, c++);
  contact->needs[REACH_NEED_BRAILLE] = sqlite3_column_int (stmt, c++);
  contact->needs[REACH_NEED_AUDIO] = sqlite3_column_int (stmt, c++);
  contact->interpreter_language = text_column (stmt, c++);
  contact->consent_date = text_column (stmt, c++);
  contact->consent_contact = sqlite3_column_int (stmt, c++);
  contact->consent_equality = sqlite3_column_int (stmt, c++);
  if (!reach_consent_method_from_string ((const char *) sqlite3_column_text (stmt, c++),
                                         &contact->consent_method))
    contact->consent_method = REACH_CONSENT_METHOD_NONE;
  contact->consent_withdrawn = text_column (stmt, c++);
  contact->retention_review = text_column (stmt, c++);
  contact->notes = text_column (stmt, c++);

  return contact;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           i,
                   const char   *text)
{
  g_autofree char *trimmed = text != NULL ? g_strstrip (g_strdup (text)) : NULL;

  if (trimmed == NULL || *trimmed == '\0')
    sqlite3_bind_null (stmt, i);
  else
    sqlite3_bind_text (stmt, i, trimmed, -1, SQLITE_TRANSIENT);
}

static void
bind_contact (sqlite3_stmt *stmt,
              ReachContact *contact)
{
  int c = 1;

  sqlite3_bind_text (stmt, c++, reach_contact_kind_to_string (contact->kind), -1, SQLITE_STATIC);
  bind_text_or_null (stmt, c++, contact->name);
  bind_text_or_null (stmt, c++, reach_contact_role_to_string (contact->role));
  bind_text_or_null (stmt, c++, contact->email);
  bind_text_or_null (stmt, c++, contact->phone);
  bind_text_or_null (stmt, c++, contact->address);
  bind_text_or_null (stmt, c++, contact->postcode);
  if (contact->has_location)
    {
      sqlite3_bind_double (stmt, c++, contact->lat);
      sqlite3_bind_double (stmt, c++, contact->lon);
    }
  else
    {
      sqlite3_bind_null (stmt, c++);
      sqlite3_bind_null (stmt, c++);
    }
  if (contact->place_id > 0)
    sqlite3_bind_int64 (stmt, c++, contact->place_id);
  else
    sqlite3_bind_null (stmt, c++);
  bind_text_or_null (stmt, c++, reach_contact_method_to_string (contact->preferred_method));
  sqlite3_bind_int (stmt, c++, contact->needs[REACH_NEED_EASY_READ] ? 1 : 0);
  sqlite3_bind_int (stmt, c++, contact->needs[REACH_NEED_LARGE_PRINT] ? 1 : 0);
  sqlite3_bind_int (stmt, c++, contact->needs[REACH_NEED_BSL] ? 1 : 0);
  sqlite3_bind_int (stmt, c++, contact->needs[REACH_NEED_INTERPRETER] ? 1 : 0);
  sqlite3_bind_int (stmt, c++, contact->needs[REACH_NEED_BRAILLE] ? 1 : 0);
  sqlite3_bind_int (stmt, c++, contact->needs[REACH_NEED_AUDIO] ? 1 : 0);
  bind_text_or_null (stmt, c++, contact->interpreter_language);
  bind_text_or_null (stmt, c++, contact->consent_date);
  sqlite3_bind_int (stmt, c++, contact->consent_contact ? 1 : 0);
  sqlite3_bind_int (stmt, c++, contact->consent_equality ? 1 : 0);
  bind_text_or_null (stmt, c++, reach_consent_method_to_string (contact->consent_method));
  bind_text_or_null (stmt, c++, contact->consent_withdrawn);
  bind_text_or_null (stmt, c++, contact->retention_review);
  bind_text_or_null (stmt, c++, contact->notes);
}

static const char *
contact_insert_sql (void)
{
  static gsize sql;

  if (g_once_init_enter (&sql))
    {
      GString *s = g_string_new ("INSERT INTO contact (" CONTACT_COLUMNS ") VALUES (?1");

      for (guint i = 2; i <= N_CONTACT_COLUMNS; i++)
        g_string_append_printf (s, ", ?%u", i);
      g_string_append (s, ")");
      g_once_init_leave (&sql, (gsize) g_string_free (s, FALSE));
    }

  return (const char *) sql;
}

static const char *
contact_update_sql (void)
{
  static gsize sql;

  if (g_once_init_enter (&sql))
    {
      g_auto(GStrv) columns = g_strsplit (CONTACT_COLUMNS, ", ", -1);
      GString *s = g_string_new ("UPDATE contact SET ");
      guint n = 1;

      for (guint i = 0; columns[i] != NULL; i++, n++)
        g_string_append_printf (s, "%s = ?%u, ", columns[i], n);
      g_string_append_printf (s, "updated_at = strftime ('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now') "
                                 "WHERE id = ?%u", n);
      g_once_init_leave (&sql, (gsize) g_string_free (s, FALSE));
    }

  return (const char *) sql;
}

static void
set_not_found (GError **error,
               gint64   id)
{
  g_set_error (error, REACH_DB_ERROR, REACH_DB_ERROR_NOT_FOUND,
               _("There is no contact %" PRId64), id);
}

static gboolean
insert_in_transaction (ReachDb       *db,
                       ReachContact  *contact,
                       GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  if (!(stmt = reach_db_prepare (db, contact_insert_sql (), error)))
    return FALSE;

  bind_contact (stmt, contact);
  if (!reach_db_step_done (db, stmt, error))
    return FALSE;

  id = sqlite3_last_insert_rowid (reach_db_get_handle (db));
  if (!reach_audit (db, "contact", id, "insert", error))
    return FALSE;

  contact->id = id;
  return TRUE;
}

/* The row and its audit row are written together or not at all. */
gboolean
reach_contacts_insert (ReachDb       *db,
                       ReachContact  *contact,
                       GError       **error)
{
  if (!reach_contact_validate (contact, error) ||
      !reach_db_begin (db, error))
    return FALSE;

  if (!insert_in_transaction (db, contact, error))
    {
      reach_db_rollback (db);
      return FALSE;
    }

  if (!reach_db_commit (db, error))
    {
      contact->id = 0;
      return FALSE;
    }

  return TRUE;
}

static gint64
count_answers (ReachDb *db,
               gint64   contact_id)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, "SELECT count(*) FROM contact_equality "
                                             "WHERE contact_id = ?1", NULL);
  gint64 n = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static gboolean
update_in_transaction (ReachDb       *db,
                       ReachContact  *contact,
                       GError       **error)
{
  gint64 answers_before = count_answers (db, contact->id);
  sqlite3_stmt *stmt;

  if (!(stmt = reach_db_prepare (db, contact_update_sql (), error)))
    return FALSE;

  bind_contact (stmt, contact);
  sqlite3_bind_int64 (stmt, N_CONTACT_COLUMNS + 1, contact->id);
  if (!reach_db_step_done (db, stmt, error))
    return FALSE;

  if (sqlite3_changes (reach_db_get_handle (db)) == 0)
    {
      set_not_found (error, contact->id);
      return FALSE;
    }

  if (!reach_audit (db, "contact", contact->id, "update", error))
    return FALSE;

  /* Withdrawn or narrowed consent: the schema's trigger deleted the answers. */
  if (answers_before > 0 && count_answers (db, contact->id) == 0)
    return reach_audit (db, "contact_equality", contact->id, "delete", error);

  return TRUE;
}

gboolean
reach_contacts_update (ReachDb       *db,
                       ReachContact  *contact,
                       GError       **error)
{
  g_return_val_if_fail (contact->id > 0, FALSE);

  if (!reach_contact_validate (contact, error) ||
      !reach_db_begin (db, error))
    return FALSE;

  if (!update_in_transaction (db, contact, error))
    {
      reach_db_rollback (db);
      return FALSE;
    }

  return reach_db_commit (db, error);
}

static gboolean
exists (ReachDb     *db,
        gint64       id,
        GError     **error)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, "SELECT 1 FROM contact WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    set_not_found (error, id);
  else
    reach_db_set_error (db, error, _("Could not read contacts"));
  return FALSE;
}

static gboolean
delete_row (ReachDb     *db,
            gint64       id,
            const char  *action,
            GError     **error)
{
  sqlite3_stmt *stmt;

  if (!exists (db, id, error) ||
      !(stmt = reach_db_prepare (db, "DELETE FROM contact WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return reach_db_step_done (db, stmt, error) &&
         reach_audit (db, "contact", id, action, error);
}

gboolean
reach_contacts_delete (ReachDb     *db,
                       gint64       id,
                       GError     **error)
{
  if (!reach_db_begin (db, error))
    return FALSE;

  if (!delete_row (db, id, "delete", error))
    {
      reach_db_rollback (db);
      return FALSE;
    }

  return reach_db_commit (db, error);
}

static GPtrArray *
collect_contacts (ReachDb       *db,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (contacts, contact_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not read contacts"));
      return NULL;
    }

  return g_steal_pointer (&contacts);
}

ReachContact *
reach_contacts_get (ReachDb     *db,
                    gint64       id,
                    GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;
  sqlite3_stmt *stmt = reach_db_prepare (db, CONTACT_SELECT " WHERE id = ?1", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!(found = collect_contacts (db, stmt, error)))
    return NULL;

  if (found->len == 0)
    {
      set_not_found (error, id);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (found, 0));
}

void
reach_contact_filter_init (ReachContactFilter *filter)
{
  memset (filter, 0, sizeof *filter);
  filter->kind = -1;
  filter->role = -1;
  filter->need = -1;
  filter->consent = -1;
}

static char *
today_string (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

/* "%word%" with LIKE's own wildcards escaped by "\". */
static char *
like_pattern (const char *word)
{
  GString *s = g_string_new ("%");

  for (const char *p = word; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '%');
  return g_string_free (s, FALSE);
}

#define CONSENT_GIVEN_SQL \
  "(consent_withdrawn IS NULL AND consent_date IS NOT NULL AND (consent_contact OR consent_equality))"

static void
append_filter_sql (GString                  *sql,
                   const ReachContactFilter *filter,
                   GStrv                     words)
{
  static const char * const consent_sql[] = {
    "NOT " CONSENT_GIVEN_SQL " AND consent_withdrawn IS NULL",
    CONSENT_GIVEN_SQL,
    "consent_withdrawn IS NOT NULL",
  };

  g_string_append (sql, " WHERE 1");
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    g_string_append_printf (sql, " AND (name LIKE ?%u ESCAPE '\\' OR email LIKE ?%u ESCAPE '\\'"
                                 " OR phone LIKE ?%u ESCAPE '\\' OR postcode LIKE ?%u ESCAPE '\\'"
                                 " OR address LIKE ?%u ESCAPE '\\' OR notes LIKE ?%u ESCAPE '\\')",
                            10 + i, 10 + i, 10 + i, 10 + i, 10 + i, 10 + i);
  if (filter->kind >= 0)
    g_string_append (sql, " AND kind = ?1");
  if (filter->role > REACH_ROLE_NONE)
    g_string_append (sql, " AND role = ?2");
  else if (filter->role == REACH_ROLE_NONE)
    g_string_append (sql, " AND role IS NULL");
  if (filter->organisation_id > 0)
    g_string_append (sql, " AND id IN (SELECT contact_id FROM contact_membership WHERE organisation_id = ?3)");
  if (filter->group_id > 0)
    g_string_append (sql, " AND id IN (SELECT contact_id FROM contact_membership WHERE group_id = ?4)");
  if (filter->need >= 0 && filter->need < REACH_N_NEEDS)
    g_string_append_printf (sql, " AND needs_%s = 1", reach_need_to_string (filter->need));
  if (filter->consent >= 0 && filter->consent < (int) G_N_ELEMENTS (consent_sql))
    g_string_append_printf (sql, " AND %s", consent_sql[filter->consent]);
  if (filter->review_due)
    g_string_append (sql, " AND retention_review IS NOT NULL AND retention_review <= ?5");
}

GPtrArray *
reach_contacts_list (ReachDb                  *db,
                     const ReachContactFilter *filter,
                     GError                  **error)
{
  ReachContactFilter any;
  g_autoptr(GString) sql = g_string_new (CONTACT_SELECT);
  g_auto(GStrv) words = NULL;
  g_autofree char *today = NULL;
  sqlite3_stmt *stmt;
  guint n_words = 0;

  if (filter == NULL)
    {
      reach_contact_filter_init (&any);
      filter = &any;
    }

  if (filter->search != NULL)
    {
      g_auto(GStrv) split = g_strsplit_set (filter->search, " \t\n", -1);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; split[i] != NULL && n_words < 8; i++)
        if (split[i][0] != '\0')
          {
            g_strv_builder_add (builder, split[i]);
            n_words++;
          }
      words = g_strv_builder_end (builder);
    }

  append_filter_sql (sql, filter, words);
  g_string_append (sql, " ORDER BY name COLLATE NOCASE, id");

  if (!(stmt = reach_db_prepare (db, sql->str, error)))
    return NULL;

  if (filter->kind >= 0)
    sqlite3_bind_text (stmt, 1, reach_contact_kind_to_string (filter->kind), -1, SQLITE_STATIC);
  if (filter->role > REACH_ROLE_NONE && filter->role < REACH_N_ROLES)
    sqlite3_bind_text (stmt, 2, reach_contact_role_to_string (filter->role), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, filter->organisation_id);
  sqlite3_bind_int64 (stmt, 4, filter->group_id);
  today = filter->today != NULL ? g_strdup (filter->today) : today_string ();
  sqlite3_bind_text (stmt, 5, today, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < n_words; i++)
    {
      g_autofree char *pattern = like_pattern (words[i]);
      sqlite3_bind_text (stmt, 10 + i, pattern, -1, SQLITE_TRANSIENT);
    }

  return collect_contacts (db, stmt, error);
}

GPtrArray *
reach_contacts_list_review_due (ReachDb     *db,
                                const char  *today,
                                GError     **error)
{
  g_autofree char *now = today == NULL ? today_string () : NULL;
  sqlite3_stmt *stmt = reach_db_prepare (db, CONTACT_SELECT
                                         " WHERE retention_review IS NOT NULL AND retention_review <= ?1"
                                         " ORDER BY retention_review, name COLLATE NOCASE, id", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, today != NULL ? today : now, -1, SQLITE_TRANSIENT);
  return collect_contacts (db, stmt, error);
}

/* Memberships */

static gboolean
check_organisation (ReachDb  *db,
                    gint64    contact_id,
                    gint64    organisation_id,
                    GError  **error)
{
  g_autoptr(ReachContact) organisation = NULL;

  if (contact_id == organisation_id)
    {
      g_set_error_literal (error, REACH_CONTACTS_ERROR, REACH_CONTACTS_ERROR_INVALID,
                           _("An organisation cannot be a member of itself"));
      return FALSE;
    }

  if (!exists (db, contact_id, error) ||
      !(organisation = reach_contacts_get (db, organisation_id, error)))
    return FALSE;

  if (organisation->kind != REACH_CONTACT_ORGANISATION)
    {
      g_set_error (error, REACH_CONTACTS_ERROR, REACH_CONTACTS_ERROR_INVALID,
                   _("Contact %" PRId64 " is a person, not an organisation"),
                   organisation_id);
      return FALSE;
    }

  return TRUE;
}

static gboolean
change_membership (ReachDb     *db,
                   const char  *sql,
                   gint64       contact_id,
                   gint64       other_id,
                   const char  *action,
                   GError     **error)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  sqlite3_bind_int64 (stmt, 2, other_id);
  if (!reach_db_step_done (db, stmt, error))
    return FALSE;

  if (sqlite3_changes (reach_db_get_handle (db)) == 0)
    return TRUE;
  return reach_audit (db, "contact_membership", contact_id, action, error);
}

gboolean
reach_contacts_add_to_organisation (ReachDb  *db,
                                    gint64    contact_id,
                                    gint64    organisation_id,
                                    GError  **error)
{
  return check_organisation (db, contact_id, organisation_id, error) &&
         change_membership (db, "INSERT OR IGNORE INTO contact_membership (contact_id, organisation_id) "
                                "VALUES (?1, ?2)", contact_id, organisation_id, "insert", error);
}

gboolean
reach_contacts_remove_from_organisation (ReachDb  *db,
                                         gint64    contact_id,
                                         gint64    organisation_id,
                                         GError  **error)
{
  return change_membership (db, "DELETE FROM contact_membership "
                                "WHERE contact_id = ?1 AND organisation_id = ?2",
                            contact_id, organisation_id, "delete", error);
}

gboolean
reach_contacts_add_to_group (ReachDb  *db,
                             gint64    contact_id,
                             gint64    group_id,
                             GError  **error)
{
  if (!exists (db, contact_id, error))
    return FALSE;

  return change_membership (db, "INSERT OR IGNORE INTO contact_membership (contact_id, group_id) "
                                "VALUES (?1, ?2)", contact_id, group_id, "insert", error);
}

gboolean
reach_contacts_remove_from_group (ReachDb  *db,
                                  gint64    contact_id,
                                  gint64    group_id,
                                  GError  **error)
{
  return change_membership (db, "DELETE FROM contact_membership "
                                "WHERE contact_id = ?1 AND group_id = ?2",
                            contact_id, group_id, "delete", error);
}

static GPtrArray *
list_by_id (ReachDb     *db,
            const char  *sql,
            gint64       id,
            GError     **error)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return collect_contacts (db, stmt, error);
}

GPtrArray *
reach_contacts_list_organisations (ReachDb  *db,
                                   gint64    contact_id,
                                   GError  **error)
{
  return list_by_id (db, CONTACT_SELECT " WHERE id IN (SELECT organisation_id FROM contact_membership"
                         " WHERE contact_id = ?1) ORDER BY name COLLATE NOCASE, id",
                     contact_id, error);
}

GPtrArray *
reach_contacts_list_members (ReachDb  *db,
                             gint64    organisation_id,
                             GError  **error)
{
  return list_by_id (db, CONTACT_SELECT " WHERE id IN (SELECT contact_id FROM contact_membership"
                         " WHERE organisation_id = ?1) ORDER BY name COLLATE NOCASE, id",
                     organisation_id, error);
}

GPtrArray *
reach_contacts_list_group_members (ReachDb  *db,
                                   gint64    group_id,
                                   GError  **error)
{
  return list_by_id (db, CONTACT_SELECT " WHERE id IN (SELECT contact_id FROM contact_membership"
                         " WHERE group_id = ?1) ORDER BY name COLLATE NOCASE, id",
                     group_id, error);
}

GArray *
reach_contacts_list_group_ids (ReachDb  *db,
                               gint64    contact_id,
                               GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = reach_db_prepare (db, "SELECT group_id FROM contact_membership "
                                             "WHERE contact_id = ?1 AND group_id IS NOT NULL "
                                             "ORDER BY group_id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not read memberships"));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* Equality answers */

void
reach_equality_answer_free (ReachEqualityAnswer *answer)
{
  if (answer == NULL)
    return;

  g_free (answer->characteristic_key);
  g_free (answer->characteristic_label);
  g_free (answer->category_key);
  g_free (answer->category_label);
  g_free (answer->self_described);
  g_free (answer->recorded_at);
  g_free (answer);
}

static gboolean
delete_answer (ReachDb     *db,
               gint64       contact_id,
               gint64       characteristic_id,
               GError     **error)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, "DELETE FROM contact_equality WHERE contact_id = ?1 "
                                             "AND category_id IN (SELECT id FROM category "
                                             "WHERE characteristic_id = ?2)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  sqlite3_bind_int64 (stmt, 2, characteristic_id);
  return reach_db_step_done (db, stmt, error);
}

static gboolean
set_equality_in_transaction (ReachDb     *db,
                             gint64       contact_id,
                             gint64       category_id,
                             const char  *self_described,
                             GError     **error)
{
  g_autoptr(ReachContact) contact = NULL;
  g_autoptr(ReachCategory) category = NULL;
  sqlite3_stmt *stmt;

  if (!(contact = reach_contacts_get (db, contact_id, error)) ||
      !(category = reach_categories_get (db, category_id, error)))
    return FALSE;

  if (!reach_contact_may_hold_equality (contact))
    {
      g_set_error (error, REACH_CONTACTS_ERROR, REACH_CONTACTS_ERROR_NO_CONSENT,
                   reach_contact_get_consent_state (contact) == REACH_CONSENT_WITHDRAWN
                   ? _("%s has withdrawn consent: equality answers cannot be saved")
                   : _("%s has not given consent that covers equality answers: record it first"),
                   contact->name);
      return FALSE;
    }

  if (!delete_answer (db, contact_id, category->characteristic_id, error) ||
      !(stmt = reach_db_prepare (db, "INSERT INTO contact_equality (contact_id, category_id, "
                                     "self_described) VALUES (?1, ?2, ?3)", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, contact_id);
  sqlite3_bind_int64 (stmt, 2, category_id);
  bind_text_or_null (stmt, 3, self_described);
  return reach_db_step_done (db, stmt, error) &&
         reach_audit (db, "contact_equality", contact_id, "update", error);
}

gboolean
reach_contacts_set_equality (ReachDb     *db,
                             gint64       contact_id,
                             gint64       category_id,
                             const char  *self_described,
                             GError     **error)
{
  if (!reach_db_begin (db, error))
    return FALSE;

  if (!set_equality_in_transaction (db, contact_id, category_id, self_described, error))
    {
      reach_db_rollback (db);
      return FALSE;
    }

  return reach_db_commit (db, error);
}

gboolean
reach_contacts_clear_equality (ReachDb     *db,
                               gint64       contact_id,
                               const char  *characteristic_key,
                               GError     **error)
{
  g_autoptr(ReachCharacteristic) characteristic = NULL;

  if (!(characteristic = reach_characteristics_get (db, characteristic_key, error)) ||
      !delete_answer (db, contact_id, characteristic->id, error))
    return FALSE;

  if (sqlite3_changes (reach_db_get_handle (db)) == 0)
    return TRUE;
  return reach_audit (db, "contact_equality", contact_id, "delete", error);
}

GPtrArray *
reach_contacts_get_equality (ReachDb     *db,
                             gint64       contact_id,
                             GError     **error)
{
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify) reach_equality_answer_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = reach_db_prepare (db,
                           "SELECT e.category_id, c.key, c.label, g.key, g.label, g.is_prefer_not, "
                           "e.self_described, e.recorded_at FROM contact_equality e "
                           "JOIN category g ON g.id = e.category_id "
                           "JOIN characteristic c ON c.id = g.characteristic_id "
                           "WHERE e.contact_id = ?1 ORDER BY c.is_local, c.id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, contact_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ReachEqualityAnswer *answer = g_new0 (ReachEqualityAnswer, 1);

      answer->category_id = sqlite3_column_int64 (stmt, 0);
      answer->characteristic_key = text_column (stmt, 1);
      answer->characteristic_label = text_column (stmt, 2);
      answer->category_key = text_column (stmt, 3);
      answer->category_label = text_column (stmt, 4);
      answer->is_prefer_not = sqlite3_column_int (stmt, 5);
      answer->self_described = text_column (stmt, 6);
      answer->recorded_at = text_column (stmt, 7);
      g_ptr_array_add (answers, answer);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not read equality answers"));
      return NULL;
    }

  return g_steal_pointer (&answers);
}

/* Subject access */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value == NULL || *value == '\0')
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

static void
add_bool (JsonBuilder *builder,
          const char  *name,
          gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

static void
add_contact_fields (JsonBuilder  *builder,
                    ReachContact *contact)
{
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, contact->id);
  add_string (builder, "kind", reach_contact_kind_to_string (contact->kind));
  add_string (builder, "name", contact->name);
  add_string (builder, "role", reach_contact_role_to_string (contact->role));
  add_string (builder, "email", contact->email);
  add_string (builder, "phone", contact->phone);
  add_string (builder, "address", contact->address);
  add_string (builder, "postcode", contact->postcode);
  json_builder_set_member_name (builder, "location");
  if (contact->has_location)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "lat");
      json_builder_add_double_value (builder, contact->lat);
      json_builder_set_member_name (builder, "lon");
      json_builder_add_double_value (builder, contact->lon);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  add_string (builder, "preferred_contact", reach_contact_method_to_string (contact->preferred_method));
  json_builder_set_member_name (builder, "communication_needs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < REACH_N_NEEDS; i++)
    if (contact->needs[i])
      json_builder_add_string_value (builder, reach_need_to_string (i));
  json_builder_end_array (builder);
  add_string (builder, "interpreter_language", contact->interpreter_language);
  json_builder_set_member_name (builder, "consent");
  json_builder_begin_object (builder);
  add_string (builder, "date", contact->consent_date);
  add_bool (builder, "covers_contact", contact->consent_contact);
  add_bool (builder, "covers_equality", contact->consent_equality);
  add_string (builder, "method", reach_consent_method_to_string (contact->consent_method));
  add_string (builder, "withdrawn", contact->consent_withdrawn);
  json_builder_end_object (builder);
  add_string (builder, "retention_review", contact->retention_review);
  add_string (builder, "notes", contact->notes);
}

/* Runs sql with ?1 = id and adds one object per row, members named by the
 * result columns; NULL stays null, numbers stay numbers. */
static gboolean
add_rows (ReachDb      *db,
          JsonBuilder  *builder,
          const char   *member,
          const char   *sql,
          gint64        id,
          GError      **error)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          json_builder_set_member_name (builder, sqlite3_column_name (stmt, c));
          switch (sqlite3_column_type (stmt, c))
            {
            case SQLITE_NULL:
              json_builder_add_null_value (builder);
              break;
            case SQLITE_INTEGER:
              json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, c));
              break;
            case SQLITE_FLOAT:
              json_builder_add_double_value (builder, sqlite3_column_double (stmt, c));
              break;
            default:
              json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, c));
            }
        }
      json_builder_end_object (builder);
    }
  sqlite3_reset (stmt);
  json_builder_end_array (builder);

  if (rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not read what is held about a contact"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
table_has_column (ReachDb    *db,
                  const char *table,
                  const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM pragma_table_info ('%s') WHERE name = ?1", table);
  sqlite3_stmt *stmt = reach_db_prepare (db, sql, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, column, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* When the record was made and last changed. */
static gboolean
table_exists (ReachDb    *db,
              const char *table)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, "SELECT 1 FROM sqlite_master WHERE type = 'table' "
                                             "AND name = ?1", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static gboolean
add_record_times (ReachDb      *db,
                  JsonBuilder  *builder,
                  gint64        id,
                  GError      **error)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, "SELECT created_at, updated_at FROM contact WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      add_string (builder, "created_at", (const char *) sqlite3_column_text (stmt, 0));
      add_string (builder, "updated_at", (const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
add_links (ReachDb      *db,
           JsonBuilder  *builder,
           gint64        id,
           GError      **error)
{
  if (!add_rows (db, builder, "place",
                 "SELECT p.id, p.name FROM contact c JOIN place p ON p.id = c.place_id "
                 "WHERE c.id = ?1", id, error) ||
      !add_rows (db, builder, "organisations",
                 "SELECT o.id, o.name FROM contact_membership m JOIN contact o ON o.id = m.organisation_id "
                 "WHERE m.contact_id = ?1 ORDER BY o.name", id, error) ||
      !add_rows (db, builder, "community_groups",
                 "SELECT g.id, g.name FROM contact_membership m JOIN community_group g ON g.id = m.group_id "
                 "WHERE m.contact_id = ?1 ORDER BY g.name", id, error) ||
      !add_rows (db, builder, "equality_answers",
                 "SELECT c.label AS characteristic, g.label AS answer, e.self_described, e.recorded_at "
                 "FROM contact_equality e JOIN category g ON g.id = e.category_id "
                 "JOIN characteristic c ON c.id = g.characteristic_id "
                 "WHERE e.contact_id = ?1 ORDER BY c.is_local, c.id", id, error) ||
      !add_rows (db, builder, "participation",
                 "SELECT a.id AS activity_id, a.title, a.type, a.starts_at, a.ends_at, p.role "
                 "FROM participation p JOIN activity a ON a.id = p.activity_id "
                 "WHERE p.contact_id = ?1 ORDER BY a.starts_at, a.id", id, error))
    return FALSE;

  /* which areas their location falls in, where the workspace has worked it out */
  if (table_exists (db, "contact_area") &&
      !add_rows (db, builder, "areas",
                 "SELECT a.code, a.name, a.level FROM contact_area ca JOIN area a ON a.id = ca.area_id "
                 "WHERE ca.contact_id = ?1 ORDER BY a.level, a.code", id, error))
    return FALSE;

  /* feedback is tied to activities; a person's link to it is optional in the schema */
  if (table_has_column (db, "feedback", "contact_id"))
    {
      if (!add_rows (db, builder, "feedback",
                     "SELECT f.id, a.title AS activity, f.you_said, f.we_did, f.status "
                     "FROM feedback f JOIN activity a ON a.id = f.activity_id "
                     "WHERE f.contact_id = ?1 ORDER BY f.id", id, error))
        return FALSE;
    }
  else
    {
      json_builder_set_member_name (builder, "feedback");
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
    }

  return add_rows (db, builder, "audit",
                   "SELECT at, who, tbl AS \"table\", action FROM audit "
                   "WHERE row_id = ?1 AND tbl IN ('contact', 'contact_equality', 'contact_membership') "
                   "ORDER BY id", id, error);
}

char *
reach_contacts_subject_access_json (ReachDb     *db,
                                    gint64       id,
                                    GError     **error)
{
  g_autoptr(ReachContact) contact = reach_contacts_get (db, id, error);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *generated = NULL;

  if (contact == NULL)
    return NULL;

  builder = json_builder_new ();
  now = g_date_time_new_now_utc ();
  generated = g_date_time_format_iso8601 (now);

  json_builder_begin_object (builder);
  add_string (builder, "subject_access_request", _("Everything this Reach workspace holds about one contact"));
  add_string (builder, "generated_at", generated);
  json_builder_set_member_name (builder, "contact");
  json_builder_begin_object (builder);
  add_contact_fields (builder, contact);
  if (!add_record_times (db, builder, id, error))
    return NULL;
  json_builder_end_object (builder);
  if (!add_links (db, builder, id, error))
    return NULL;
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* Erasure */

/* Copies every page the WAL holds into the file and empties the WAL;
 * a reader elsewhere could keep old pages there, so that is an error. */
static gboolean
checkpoint_fully (ReachDb  *db,
                  GError  **error)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, "PRAGMA wal_checkpoint(TRUNCATE)", error);
  gboolean busy = TRUE;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    busy = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);

  if (busy)
    {
      g_set_error_literal (error, REACH_CONTACTS_ERROR, REACH_CONTACTS_ERROR_IN_TRANSACTION,
                           _("The contact is erased, but another program has the workspace open, "
                             "so old copies may remain in its journal until it closes"));
      return FALSE;
    }

  return TRUE;
}

gboolean
reach_contacts_erase (ReachDb     *db,
                      gint64       id,
                      GError     **error)
{
  if (!sqlite3_get_autocommit (reach_db_get_handle (db)))
    {
      g_set_error_literal (error, REACH_CONTACTS_ERROR, REACH_CONTACTS_ERROR_IN_TRANSACTION,
                           _("A contact cannot be erased inside another change"));
      return FALSE;
    }

  if (!reach_db_begin (db, error))
    return FALSE;
  if (!delete_row (db, id, "erase", error))
    {
      reach_db_rollback (db);
      return FALSE;
    }
  if (!reach_db_commit (db, error))
    return FALSE;

  /* secure_delete (set on every connection by reach_db_open) zeroes the
   * deleted cells and freed pages, but the WAL still holds old copies of
   * those pages: the truncating checkpoint writes the zeroed pages into the
   * file and empties the WAL.  No VACUUM: with secure_delete the free pages
   * hold nothing, as test-contacts checks byte by byte, and VACUUM would
   * rewrite the whole workspace. */
  return checkpoint_fully (db, error);
}
