/* test-contact-import.c — contacts from CSV and vCard, and what is refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "reach-contact-export.h"
#include "reach-contact-import.h"
#include "reach-contacts.h"
#include "reach-testutil.h"

typedef struct
{
  char    *dir;
  ReachDb *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = reach_test_tmpdir ();
  path = g_build_filename (f->dir, "w.reach", NULL);
  f->db = reach_db_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  g_free (f->dir);
}

static gint64
count (ReachDb    *db,
       const char *sql)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, sql, NULL);
  gint64 n;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static ReachContactImport *
import_file (ReachDb     *db,
             const char  *dir,
             const char  *name,
             GError     **error)
{
  g_autofree char *path = reach_test_file ("data", dir, name, NULL);
  g_autoptr(ReachContactImport) import = reach_contact_import_new (db, path);

  if (!reach_contact_import_read (import, NULL, NULL, NULL, error) ||
      !reach_contact_import_commit (import, db, NULL, NULL, NULL, error))
    return NULL;
  return g_steal_pointer (&import);
}

static ReachContact *
find_contact (ReachDb    *db,
              const char *search)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  ReachContactFilter filter;

  reach_contact_filter_init (&filter);
  filter.search = search;
  list = reach_contacts_list (db, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  return g_object_ref (g_ptr_array_index (list, 0));
}

static gboolean
has_note (ReachContactImport *import,
          const char         *fragment)
{
  const char * const *notes = reach_contact_import_get_notes (import);

  for (guint i = 0; notes[i] != NULL; i++)
    if (strstr (notes[i], fragment) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReachContactImport) import = import_file (f->db, "contacts", "contacts.csv", &error);
  g_autoptr(ReachContact) amina = NULL;
  g_autoptr(ReachContact) tomasz = NULL;
  g_autoptr(ReachContact) centre = NULL;
  g_autoptr(GPtrArray) answers = NULL;

  g_assert_no_error (error);
  g_assert_false (reach_contact_import_is_vcard (import));
  g_assert_cmpuint (reach_contact_import_get_n_items (import), ==, 4);
  g_assert_true (has_note (import, "2 contacts have equality answers"));
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM contact"), ==, 4);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM audit WHERE tbl = 'contact' AND action = 'import'"), ==, 1);

  amina = find_contact (f->db, "amina@");
  g_assert_cmpstr (amina->name, ==, "Amina Yusuf");
  g_assert_cmpstr (amina->postcode, ==, "LS7 3AB");
  g_assert_true (amina->has_location);
  g_assert_cmpfloat_with_epsilon (amina->lon, -1.528, 1e-9);
  g_assert_true (amina->needs[REACH_NEED_EASY_READ]);
  g_assert_true (amina->needs[REACH_NEED_BSL]);
  g_assert_cmpstr (amina->notes, ==, "Met at the\nChapeltown drop-in");
  g_assert_cmpstr (amina->retention_review, ==, "2027-02-01");
  answers = reach_contacts_get_equality (f->db, amina->id, &error);
  g_assert_cmpuint (answers->len, ==, 6);
  g_assert_cmpstr (((ReachEqualityAnswer *) g_ptr_array_index (answers, 0))->category_key, ==, "african");
  g_clear_pointer (&answers, g_ptr_array_unref);

  tomasz = find_contact (f->db, "Tomasz");
  g_assert_cmpint (tomasz->role, ==, REACH_ROLE_CARER);
  g_assert_cmpstr (tomasz->consent_date, ==, "2025-03-01");   /* day first */
  g_assert_true (tomasz->needs[REACH_NEED_INTERPRETER]);
  g_assert_cmpstr (tomasz->interpreter_language, ==, "Polish");
  answers = reach_contacts_get_equality (f->db, tomasz->id, &error);
  g_assert_cmpuint (answers->len, ==, 4);
  /* ONS code 17 */
  g_assert_cmpstr (((ReachEqualityAnswer *) g_ptr_array_index (answers, 0))->category_label, ==,
                   "White: Other White");

  centre = find_contact (f->db, "Irish Centre");
  g_assert_cmpint (centre->kind, ==, REACH_CONTACT_ORGANISATION);
  g_assert_cmpint (centre->role, ==, REACH_ROLE_VOLUNTARY_SECTOR);
}

static void
assert_refused (Fixture    *f,
                const char *dir,
                const char *file,
                const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReachContactImport) import = import_file (f->db, dir, file, &error);

  g_assert_null (import);
  g_assert_error (error, REACH_IMPORT_ERROR, error->code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, file));
  g_assert_nonnull (strstr (error->message, fragment));
  /* all or nothing */
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM contact"), ==, 0);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  assert_refused (f, "contacts", "unknown-category.csv", "line 3: “Whiteish” in column ethnic_group");
  assert_refused (f, "contacts", "no-consent.csv", "line 3: column religion holds an equality answer");
  assert_refused (f, "contacts", "broken.vcf", "line 5: the card that starts here has no END:VCARD");
}

static void
test_bad_rows (Fixture       *f,
               gconstpointer  data)
{
  static const struct {
    const char *csv;
    const char *fragment;
  } cases[] = {
    { "name,email\nAnn,ann@example.org\n,nobody@example.org\n", "line 3: the contact has no name" },
    { "name,email\nAnn,not an address\n", "line 2: “not an address” is not an email address" },
    { "name,role\nAnn,mayor\n", "line 2: “mayor” is not a role" },
    { "name,consent_date,consent_contact\nAnn,31/02/2025,yes\n", "line 2: Consent date “31/02/2025” is not a date" },
    { "name,consent_contact\nAnn,yes\n", "line 2: Consent needs the date" },
    { "name,lat\nAnn,53.8\n", "line 2: a location needs both" },
    { "name,needs\nAnn,semaphore\n", "line 2: “semaphore” is not a communication need" },
    { "email\nann@example.org\n", "line 1: there is no name column" },
    { "name,easy_read\nAnn,perhaps\n", "line 2: “perhaps” in column easy_read is not yes or no" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, "bad.csv", NULL);
      g_autoptr(ReachContactImport) import = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (g_file_set_contents (path, cases[i].csv, -1, NULL));
      import = reach_contact_import_new (f->db, path);
      g_assert_false (reach_contact_import_read (import, NULL, NULL, NULL, &error));
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "bad.csv: "));
      g_assert_nonnull (strstr (error->message, cases[i].fragment));
      g_assert_cmpuint (reach_contact_import_get_n_items (import), ==, 0);
    }
}

/* Every bad row is listed at once, so the file can be put right in one go. */
static void
test_all_problems (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "many.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("name,consent_date,consent_contact,consent_equality,religion\n");
  g_autoptr(ReachContactImport) import = NULL;
  g_autoptr(GError) error = NULL;

  g_string_append (csv, "Ann,2025-01-01,yes,yes,Jedi\n");          /* line 2 */
  g_string_append (csv, "Bo,2025-01-01,yes,yes,Hindu\n");          /* fine */
  g_string_append (csv, "Cy,,,,Sikh\n");                            /* line 4: no consent */
  for (guint i = 0; i < 12; i++)
    g_string_append (csv, "Di,2025-01-01,yes,yes,Pastafarian\n");  /* lines 5 … 16 */
  g_assert_true (g_file_set_contents (path, csv->str, -1, NULL));

  import = reach_contact_import_new (f->db, path);
  g_assert_false (reach_contact_import_read (import, NULL, NULL, NULL, &error));
  g_assert_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "many.csv: line 2: “Jedi” in column religion"));
  g_assert_nonnull (strstr (error->message, "; line 4: column religion holds an equality answer"));
  g_assert_nonnull (strstr (error->message, "; line 12: “Pastafarian”"));
  g_assert_null (strstr (error->message, "line 13:"));
  g_assert_true (g_str_has_suffix (error->message, "; and 4 more rows"));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_cmpuint (reach_contact_import_get_n_items (import), ==, 0);
}

static void
test_vcard_suite (Fixture       *f,
                  gconstpointer  data)
{
  static const char * const files[] = {
    "John_Doe_ANDROID.vcf", "John_Doe_BLACK_BERRY.vcf", "John_Doe_EVOLUTION.vcf",
    "John_Doe_GMAIL.vcf", "John_Doe_IPHONE.vcf", "John_Doe_LOTUS_NOTES.vcf",
    "John_Doe_MAC_ADDRESS_BOOK.vcf", "John_Doe_MS_OUTLOOK.vcf", "fullcontact.vcf",
    "gmail-list.vcf", "gmail-single.vcf", "gmail-single2.vcf", "issue114.vcf",
    "outlook-2003.vcf", "outlook-2007.vcf", "rfc2426-example.vcf", "rfc6350-example.vcf",
    "thunderbird-MoreFunctionsForAddressBook-extension.vcf",
  };
  guint total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ReachContactImport) import = import_file (f->db, "ez-vcard", files[i], &error);

      g_assert_no_error (error);
      g_assert_true (reach_contact_import_is_vcard (import));
      g_assert_true (has_note (import, "no consent recorded"));
      total += reach_contact_import_get_n_items (import);
    }

  g_assert_cmpuint (total, ==, 26);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM contact"), ==, 26);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM contact WHERE consent_date IS NOT NULL "
                                 "OR consent_contact OR consent_equality"), ==, 0);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM contact WHERE name = 'Simon Perreault' "
                                 "AND lat BETWEEN 46.77 AND 46.78"), ==, 1);
}

static void
test_export_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReachContactImport) import = import_file (f->db, "contacts", "contacts.csv", &error);
  g_autofree char *csv = NULL;
  g_autofree char *with_equality = NULL;
  g_autofree char *path = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *second_path = g_build_filename (f->dir, "again.reach", NULL);
  g_autoptr(ReachDb) second = NULL;
  g_autoptr(ReachContactImport) again = NULL;
  g_auto(GStrv) lines = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  csv = reach_contacts_to_csv (f->db, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv, "id,kind,name,role,email,"));
  g_assert_null (strstr (csv, "Muslim"));   /* equality answers only when asked */
  with_equality = reach_contacts_to_csv (f->db, TRUE, &error);
  g_assert_nonnull (strstr (with_equality, ",ethnic_group,religion,"));
  g_assert_nonnull (strstr (with_equality, "Muslim"));

  g_assert_cmpint (reach_contacts_export_csv (f->db, path, FALSE, &error), ==, 4);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 077, ==, 0);

  /* what is exported reads back */
  second = reach_db_open (second_path, &error);
  again = reach_contact_import_new (second, path);
  g_assert_true (reach_contact_import_read (again, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (reach_contact_import_commit (again, second, NULL, NULL, NULL, &error));
  g_assert_cmpint (count (second, "SELECT count(*) FROM contact WHERE needs_bsl AND consent_equality "
                                  "AND name = 'Amina Yusuf' AND postcode = 'LS7 3AB'"), ==, 1);
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_true (g_str_has_prefix (lines[1], "4,organisation,Leeds Irish Centre,") ||
                 g_str_has_prefix (lines[1], "1,person,Amina Yusuf,"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/contact-import/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("csv", test_csv);
  ADD ("refused", test_refused);
  ADD ("bad-rows", test_bad_rows);
  ADD ("all-problems", test_all_problems);
  ADD ("vcard-suite", test_vcard_suite);
  ADD ("export-round-trip", test_export_round_trip);
#undef ADD

  return g_test_run ();
}
