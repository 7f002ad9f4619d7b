/* test-contacts.c — contacts, consent, equality answers, subject access and erasure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "reach-classification.h"
#include "reach-contacts.h"
#include "reach-testutil.h"

typedef struct
{
  char    *dir;
  char    *path;
  ReachDb *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = reach_test_tmpdir ();
  f->path = g_build_filename (f->dir, "w.reach", NULL);
  f->db = reach_db_open (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  g_free (f->path);
  g_free (f->dir);
}

static ReachContact *
make_person (const char *name)
{
  ReachContact *contact = reach_contact_new ();

  contact->name = g_strdup (name);
  contact->role = REACH_ROLE_RESIDENT;
  return contact;
}

static void
give_consent (ReachContact *contact,
              gboolean      equality)
{
  g_free (contact->consent_date);
  contact->consent_date = g_strdup ("2025-01-15");
  contact->consent_contact = TRUE;
  contact->consent_equality = equality;
  contact->consent_method = REACH_CONSENT_METHOD_WRITTEN;
}

static ReachContact *
insert_person (ReachDb    *db,
               const char *name,
               gboolean    equality_consent)
{
  g_autoptr(GError) error = NULL;
  ReachContact *contact = make_person (name);

  if (equality_consent)
    give_consent (contact, TRUE);
  reach_contacts_insert (db, contact, &error);
  g_assert_no_error (error);
  return contact;
}

static gint64
category_id (ReachDb    *db,
             const char *characteristic,
             const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReachCategory) category = reach_categories_find (db, characteristic, text, &error);

  g_assert_no_error (error);
  return category->id;
}

static gint64
count (ReachDb    *db,
       const char *sql)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ReachContact) contact = make_person ("Amira Haddad");
  g_autoptr(ReachContact) back = NULL;
  g_autoptr(GError) error = NULL;

  contact->email = g_strdup ("amira@example.org");
  contact->phone = g_strdup ("0113 496 0000");
  contact->postcode = g_strdup ("LS7 3AB");
  contact->has_location = TRUE;
  contact->lat = 53.82;
  contact->lon = -1.53;
  contact->needs[REACH_NEED_INTERPRETER] = TRUE;
  contact->interpreter_language = g_strdup ("Arabic");
  contact->needs[REACH_NEED_LARGE_PRINT] = TRUE;
  contact->preferred_method = REACH_CONTACT_METHOD_TEXT;
  contact->retention_review = g_strdup ("2027-01-01");
  give_consent (contact, TRUE);

  g_assert_true (reach_contacts_insert (f->db, contact, &error));
  g_assert_no_error (error);
  g_assert_cmpint (contact->id, >, 0);

  back = reach_contacts_get (f->db, contact->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->name, ==, "Amira Haddad");
  g_assert_cmpint (back->role, ==, REACH_ROLE_RESIDENT);
  g_assert_cmpstr (back->interpreter_language, ==, "Arabic");
  g_assert_true (back->needs[REACH_NEED_INTERPRETER]);
  g_assert_true (back->needs[REACH_NEED_LARGE_PRINT]);
  g_assert_false (back->needs[REACH_NEED_BSL]);
  g_assert_true (back->has_location);
  g_assert_cmpfloat_with_epsilon (back->lat, 53.82, 1e-9);
  g_assert_cmpint (back->preferred_method, ==, REACH_CONTACT_METHOD_TEXT);
  g_assert_cmpint (back->consent_method, ==, REACH_CONSENT_METHOD_WRITTEN);
  g_assert_cmpint (reach_contact_get_consent_state (back), ==, REACH_CONSENT_GIVEN);

  g_free (back->name);
  back->name = g_strdup ("Amira H.");
  back->has_location = FALSE;
  g_assert_true (reach_contacts_update (f->db, back, &error));
  g_assert_no_error (error);
  g_clear_object (&contact);
  contact = reach_contacts_get (f->db, back->id, &error);
  g_assert_cmpstr (contact->name, ==, "Amira H.");
  g_assert_false (contact->has_location);

  g_assert_true (reach_contacts_delete (f->db, back->id, &error));
  g_assert_no_error (error);
  g_assert_null (reach_contacts_get (f->db, back->id, &error));
  g_assert_error (error, REACH_DB_ERROR, REACH_DB_ERROR_NOT_FOUND);
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  static const struct {
    const char *field;
    const char *value;
    int         code;
  } cases[] = {
    { "name", "   ", REACH_CONTACT_ERROR_NAME },
    { "email", "not-an-address", REACH_CONTACT_ERROR_EMAIL },
    { "consent_date", "31/02/2025", REACH_CONTACT_ERROR_DATE },
    { "retention_review", "next year", REACH_CONTACT_ERROR_DATE },
    { "consent_withdrawn", "2024-01-01", REACH_CONTACT_ERROR_CONSENT },  /* before it was given */
    { "interpreter_language", "Polish", REACH_CONTACT_ERROR_INTERPRETER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ReachContact) contact = make_person ("Test Person");
      g_autoptr(GError) error = NULL;

      give_consent (contact, FALSE);
      if (g_str_equal (cases[i].field, "name"))
        g_free (contact->name), contact->name = g_strdup (cases[i].value);
      else if (g_str_equal (cases[i].field, "email"))
        contact->email = g_strdup (cases[i].value);
      else if (g_str_equal (cases[i].field, "consent_date"))
        g_free (contact->consent_date), contact->consent_date = g_strdup (cases[i].value);
      else if (g_str_equal (cases[i].field, "retention_review"))
        contact->retention_review = g_strdup (cases[i].value);
      else if (g_str_equal (cases[i].field, "consent_withdrawn"))
        contact->consent_withdrawn = g_strdup (cases[i].value);
      else
        contact->interpreter_language = g_strdup (cases[i].value);

      g_assert_false (reach_contacts_insert (f->db, contact, &error));
      g_assert_error (error, REACH_CONTACT_ERROR, cases[i].code);
      g_assert_cmpint (contact->id, ==, 0);
    }

  /* consent that covers something needs a date */
  {
    g_autoptr(ReachContact) contact = make_person ("No Date");
    g_autoptr(GError) error = NULL;

    contact->consent_equality = TRUE;
    g_assert_false (reach_contact_validate (contact, &error));
    g_assert_error (error, REACH_CONTACT_ERROR, REACH_CONTACT_ERROR_CONSENT);
  }

  g_assert_cmpint (count (f->db, "SELECT count(*) FROM contact"), ==, 0);
}

static void
test_consent_gate (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ReachContact) without = insert_person (f->db, "No Consent", FALSE);
  g_autoptr(ReachContact) contact_only = make_person ("Contact Only");
  g_autoptr(GError) error = NULL;
  gint64 indian = category_id (f->db, "ethnic_group", "Indian");

  g_assert_false (reach_contacts_set_equality (f->db, without->id, indian, NULL, &error));
  g_assert_error (error, REACH_CONTACTS_ERROR, REACH_CONTACTS_ERROR_NO_CONSENT);
  g_assert_nonnull (strstr (error->message, "No Consent"));
  g_clear_error (&error);

  /* consent to be contacted is not consent to hold equality answers */
  give_consent (contact_only, FALSE);
  reach_contacts_insert (f->db, contact_only, &error);
  g_assert_no_error (error);
  g_assert_false (reach_contacts_set_equality (f->db, contact_only->id, indian, NULL, &error));
  g_assert_error (error, REACH_CONTACTS_ERROR, REACH_CONTACTS_ERROR_NO_CONSENT);
  g_clear_error (&error);

  /* and the schema refuses it too, whoever writes */
  g_assert_false (reach_db_exec (f->db, "INSERT INTO contact_equality (contact_id, category_id) "
                                        "SELECT id, 1 FROM contact", &error));
  g_assert_nonnull (strstr (error->message, "consent"));
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM contact_equality"), ==, 0);
}

static void
test_equality_answers (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ReachContact) person = insert_person (f->db, "Jo Bloggs", TRUE);
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GError) error = NULL;
  ReachEqualityAnswer *answer;

  g_assert_true (reach_contacts_set_equality (f->db, person->id,
                                              category_id (f->db, "ethnic_group", "Caribbean"),
                                              NULL, &error));
  g_assert_no_error (error);
  /* a second answer for the same characteristic replaces the first */
  g_assert_true (reach_contacts_set_equality (f->db, person->id,
                                              category_id (f->db, "ethnic_group", "African"),
                                              "Nigerian", &error));
  /* "Prefer not to say" is an answer */
  g_assert_true (reach_contacts_set_equality (f->db, person->id,
                                              category_id (f->db, "religion", "Prefer not to say"),
                                              NULL, &error));
  g_assert_no_error (error);

  answers = reach_contacts_get_equality (f->db, person->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, 2);
  answer = g_ptr_array_index (answers, 0);
  g_assert_cmpstr (answer->characteristic_key, ==, "ethnic_group");
  g_assert_cmpstr (answer->category_label, ==,
                   "Black, Black British, Black Welsh, Caribbean or African: African");
  g_assert_cmpstr (answer->self_described, ==, "Nigerian");
  answer = g_ptr_array_index (answers, 1);
  g_assert_cmpstr (answer->characteristic_key, ==, "religion");
  g_assert_true (answer->is_prefer_not);

  g_assert_true (reach_contacts_clear_equality (f->db, person->id, "religion", &error));
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM contact_equality"), ==, 1);
}

static void
test_withdrawal_deletes_answers (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(ReachContact) person = insert_person (f->db, "Withdrawing Person", TRUE);
  g_autoptr(ReachContact) other = insert_person (f->db, "Staying Person", TRUE);
  g_autoptr(GError) error = NULL;
  gint64 sikh = category_id (f->db, "religion", "Sikh");

  g_assert_true (reach_contacts_set_equality (f->db, person->id, sikh, NULL, &error));
  g_assert_true (reach_contacts_set_equality (f->db, other->id, sikh, NULL, &error));
  g_assert_no_error (error);

  person->consent_withdrawn = g_strdup ("2025-06-01");
  g_assert_true (reach_contacts_update (f->db, person, &error));
  g_assert_no_error (error);

  g_assert_cmpint (reach_contact_get_consent_state (person), ==, REACH_CONSENT_WITHDRAWN);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM contact_equality"), ==, 1);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM audit WHERE tbl = 'contact_equality' "
                                 "AND action = 'delete'"), ==, 1);

  /* and nothing can be added again until consent is given afresh */
  g_assert_false (reach_contacts_set_equality (f->db, person->id, sikh, NULL, &error));
  g_assert_error (error, REACH_CONTACTS_ERROR, REACH_CONTACTS_ERROR_NO_CONSENT);
  g_clear_error (&error);

  /* narrowing consent to contact only also removes the answers */
  other->consent_equality = FALSE;
  g_assert_true (reach_contacts_update (f->db, other, &error));
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM contact_equality"), ==, 0);
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(ReachContact) a = make_person ("Alice Archer");
  g_autoptr(ReachContact) b = make_person ("Bob Baker");
  g_autoptr(ReachContact) c = make_person ("Cara Cole");
  g_autoptr(ReachContact) org = reach_contact_new ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) orgs = NULL;
  g_autoptr(GError) error = NULL;
  ReachContactFilter filter;

  a->needs[REACH_NEED_BSL] = TRUE;
  a->retention_review = g_strdup ("2025-01-01");
  a->email = g_strdup ("alice@example.org");
  give_consent (a, TRUE);
  b->role = REACH_ROLE_CARER;
  b->retention_review = g_strdup ("2030-01-01");
  give_consent (b, FALSE);
  b->consent_withdrawn = g_strdup ("2025-03-01");
  c->role = REACH_ROLE_ELECTED_MEMBER;
  org->kind = REACH_CONTACT_ORGANISATION;
  org->name = g_strdup ("Chapeltown Carers Forum");
  org->role = REACH_ROLE_VOLUNTARY_SECTOR;
  for (ReachContact **p = (ReachContact *[]) { a, b, c, org, NULL }; *p; p++)
    {
      reach_contacts_insert (f->db, *p, &error);
      g_assert_no_error (error);
    }

  g_assert_true (reach_contacts_add_to_organisation (f->db, b->id, org->id, &error));
  g_assert_true (reach_contacts_add_to_organisation (f->db, b->id, org->id, &error)); /* twice: harmless */
  g_assert_no_error (error);
  g_assert_false (reach_contacts_add_to_organisation (f->db, a->id, c->id, &error));
  g_assert_error (error, REACH_CONTACTS_ERROR, REACH_CONTACTS_ERROR_INVALID);
  g_clear_error (&error);

  orgs = reach_contacts_list_organisations (f->db, b->id, &error);
  g_assert_cmpuint (orgs->len, ==, 1);
  g_assert_cmpstr (((ReachContact *) g_ptr_array_index (orgs, 0))->name, ==, "Chapeltown Carers Forum");

#define EXPECT(n, first) \
  G_STMT_START { \
    list = reach_contacts_list (f->db, &filter, &error); \
    g_assert_no_error (error); \
    g_assert_cmpuint (list->len, ==, n); \
    if (n > 0) \
      g_assert_cmpstr (((ReachContact *) g_ptr_array_index (list, 0))->name, ==, first); \
    g_clear_pointer (&list, g_ptr_array_unref); \
  } G_STMT_END

  reach_contact_filter_init (&filter);
  EXPECT (4, "Alice Archer");
  filter.search = "ALICE@example";
  EXPECT (1, "Alice Archer");
  filter.search = "50%";
  EXPECT (0, NULL);
  reach_contact_filter_init (&filter);
  filter.role = REACH_ROLE_CARER;
  EXPECT (1, "Bob Baker");
  reach_contact_filter_init (&filter);
  filter.kind = REACH_CONTACT_ORGANISATION;
  EXPECT (1, "Chapeltown Carers Forum");
  reach_contact_filter_init (&filter);
  filter.organisation_id = org->id;
  EXPECT (1, "Bob Baker");
  reach_contact_filter_init (&filter);
  filter.need = REACH_NEED_BSL;
  EXPECT (1, "Alice Archer");
  reach_contact_filter_init (&filter);
  filter.consent = REACH_CONSENT_GIVEN;
  EXPECT (1, "Alice Archer");
  filter.consent = REACH_CONSENT_WITHDRAWN;
  EXPECT (1, "Bob Baker");
  filter.consent = REACH_CONSENT_NONE;
  EXPECT (2, "Cara Cole");
  reach_contact_filter_init (&filter);
  filter.review_due = TRUE;
  filter.today = "2026-06-01";
  EXPECT (1, "Alice Archer");
  filter.today = "2030-01-01";   /* due on the day itself */
  EXPECT (2, "Alice Archer");

  list = reach_contacts_list_review_due (f->db, "2026-06-01", &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_true (reach_contact_is_review_due (g_ptr_array_index (list, 0), "2026-06-01"));
  g_assert_false (reach_contact_is_review_due (b, "2026-06-01"));
  g_clear_pointer (&list, g_ptr_array_unref);

  /* deleting the organisation removes the membership */
  g_assert_true (reach_contacts_delete (f->db, org->id, &error));
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM contact_membership"), ==, 0);
#undef EXPECT
}

/* Every value a person gave must stay out of the audit trail. */
static void
test_audit_has_no_personal_values (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(ReachContact) person = make_person ("Zebedee Quillfeather");
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  person->email = g_strdup ("zq@example.net");
  give_consent (person, TRUE);
  reach_contacts_insert (f->db, person, &error);
  g_free (person->phone);
  person->phone = g_strdup ("07700 900123");
  reach_contacts_update (f->db, person, &error);
  reach_contacts_set_equality (f->db, person->id, category_id (f->db, "sex", "Male"), "man", &error);
  g_assert_no_error (error);
  reach_contacts_delete (f->db, person->id, &error);
  g_assert_no_error (error);

  g_assert_cmpint (count (f->db, "SELECT count(*) FROM audit WHERE tbl = 'contact'"), ==, 3);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM audit WHERE tbl = 'contact' AND action = 'insert'"), ==, 1);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM audit WHERE tbl = 'contact' AND action = 'update'"), ==, 1);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM audit WHERE tbl = 'contact' AND action = 'delete'"), ==, 1);

  stmt = reach_db_prepare (f->db, "SELECT * FROM audit", NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int c = 0; c < sqlite3_column_count (stmt); c++)
      {
        const char *v = (const char *) sqlite3_column_text (stmt, c);

        g_assert_null (v != NULL ? strstr (v, "Zebedee") : NULL);
        g_assert_null (v != NULL ? strstr (v, "zq@") : NULL);
        g_assert_null (v != NULL ? strstr (v, "900123") : NULL);
        g_assert_null (v != NULL ? strstr (v, "Male") : NULL);
      }
  sqlite3_reset (stmt);
}

static void
test_subject_access (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ReachContact) person = insert_person (f->db, "Priya Sharma", TRUE);
  g_autoptr(ReachContact) org = reach_contact_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  JsonObject *root, *contact;
  JsonArray *answers, *participation;

  org->kind = REACH_CONTACT_ORGANISATION;
  org->name = g_strdup ("Leeds Hindu Mandir");
  reach_contacts_insert (f->db, org, &error);
  reach_contacts_add_to_organisation (f->db, person->id, org->id, &error);
  reach_contacts_set_equality (f->db, person->id, category_id (f->db, "religion", "Hindu"), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (reach_db_exec (f->db,
                                "INSERT INTO activity (id, title, type, starts_at) "
                                "VALUES (7, 'Carers drop-in', 'drop-in', '2025-02-03T10:00');",
                                &error));
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO participation (activity_id, contact_id) "
                                            "VALUES (7, %" G_GINT64_FORMAT ")", person->id);
    g_assert_true (reach_db_exec (f->db, sql, &error));
  }

  g_assert_true (reach_db_exec (f->db, "INSERT INTO community_group (id, name) VALUES (5, 'Hindu elders')", &error));
  g_assert_true (reach_contacts_add_to_group (f->db, person->id, 5, &error));

  json = reach_contacts_subject_access_json (f->db, person->id, &error);
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\n  \"contact\""));   /* pretty */

  root = json_node_get_object (json_parser_get_root (parser));
  contact = json_object_get_object_member (root, "contact");
  g_assert_cmpstr (json_object_get_string_member (contact, "name"), ==, "Priya Sharma");
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (contact, "consent"),
                                                 "covers_equality"));
  answers = json_object_get_array_member (root, "equality_answers");
  g_assert_cmpuint (json_array_get_length (answers), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (answers, 0), "answer"),
                   ==, "Hindu");
  participation = json_object_get_array_member (root, "participation");
  g_assert_cmpuint (json_array_get_length (participation), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (participation, 0), "title"),
                   ==, "Carers drop-in");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "organisations")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "audit")), >=, 3);
  g_assert_true (json_object_has_member (contact, "created_at"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (root, "community_groups"), 0), "name"), ==, "Hindu elders");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "place")), ==, 0);

  g_assert_null (reach_contacts_subject_access_json (f->db, 999, &error));
  g_assert_error (error, REACH_DB_ERROR, REACH_DB_ERROR_NOT_FOUND);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  gsize n = strlen (needle);

  /* raw bytes: the file holds NULs, so no string search */
  if (!g_file_get_contents (path, &data, &length, NULL))
    return FALSE;
  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
test_erase_leaves_no_trace (Fixture       *f,
                            gconstpointer  data)
{
  static const char * const secrets[] = {
    "Xanthippe Oyelaran-Whitcombe", "xanthippe.ow@example.com", "07700 900461", "Flat 9 Quarry Mount",
  };
  g_autoptr(ReachContact) person = make_person (secrets[0]);
  g_autoptr(ReachContact) keep = insert_person (f->db, "Kept Person", FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *sql = NULL;

  /* enough other rows that pages split and free pages appear */
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("Filler %u", i);
      g_autoptr(ReachContact) filler = make_person (name);

      filler->notes = g_strnfill (200, 'n');
      reach_contacts_insert (f->db, filler, &error);
      g_assert_no_error (error);
      if (i % 3 == 0)
        reach_contacts_delete (f->db, filler->id, &error);
    }

  person->email = g_strdup (secrets[1]);
  person->phone = g_strdup (secrets[2]);
  person->address = g_strdup (secrets[3]);
  person->notes = g_strdup ("Met at the Xanthippe coffee morning");
  give_consent (person, TRUE);
  reach_contacts_insert (f->db, person, &error);
  g_assert_no_error (error);
  reach_contacts_set_equality (f->db, person->id, category_id (f->db, "ethnic_group", "Roma"), NULL, &error);
  g_assert_true (reach_db_exec (f->db, "INSERT INTO activity (id, title) VALUES (3, 'Walk and talk')", &error));
  sql = g_strdup_printf ("INSERT INTO participation (activity_id, contact_id) VALUES (3, %" G_GINT64_FORMAT ")",
                         person->id);
  g_assert_true (reach_db_exec (f->db, sql, &error));
  /* an update leaves an old copy of the row in the WAL and in free space */
  g_free (person->postcode);
  person->postcode = g_strdup ("LS7 4QQ");
  reach_contacts_update (f->db, person, &error);
  g_assert_no_error (error);

  /* before: the name is there */
  g_assert_true (reach_db_checkpoint (f->db, &error));
  g_assert_true (file_contains (f->path, secrets[0]));

  g_assert_true (reach_contacts_erase (f->db, person->id, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count (f->db, "SELECT count(*) FROM contact"), ==, 201);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM contact_equality"), ==, 0);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM participation"), ==, 0);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM audit WHERE action = 'erase' AND tbl = 'contact'"), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    {
      g_assert_false (file_contains (f->path, secrets[i]));
      g_assert_false (file_contains (wal, secrets[i]));
    }
  g_assert_false (file_contains (f->path, "Xanthippe"));
  g_assert_true (file_contains (f->path, "Kept Person"));

  /* erased is gone: a second erase says so */
  g_assert_false (reach_contacts_erase (f->db, person->id, &error));
  g_assert_error (error, REACH_DB_ERROR, REACH_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* not inside someone else's transaction */
  g_assert_true (reach_db_begin (f->db, &error));
  g_assert_false (reach_contacts_erase (f->db, keep->id, &error));
  g_assert_error (error, REACH_CONTACTS_ERROR, REACH_CONTACTS_ERROR_IN_TRANSACTION);
  reach_db_rollback (f->db);
}

/* Erasure relies on the schema: every table that points at a contact must
 * let go of it (or its rows go with it), in this and every later migration. */
static void
test_every_link_lets_go (Fixture       *f,
                         gconstpointer  data)
{
  sqlite3_stmt *stmt = reach_db_prepare (f->db,
                                         "SELECT m.name, k.on_delete FROM sqlite_master m, "
                                         "pragma_foreign_key_list (m.name) k "
                                         "WHERE m.type = 'table' AND k.\"table\" = 'contact'", NULL);
  guint n = 0;

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);
      const char *on_delete = (const char *) sqlite3_column_text (stmt, 1);

      g_test_message ("%s: ON DELETE %s", table, on_delete);
      g_assert_true (g_str_equal (on_delete, "CASCADE") || g_str_equal (on_delete, "SET NULL"));
      n++;
    }
  sqlite3_reset (stmt);

  /* memberships (twice), equality answers, participation at least */
  g_assert_cmpuint (n, >=, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/contacts/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("round-trip", test_round_trip);
  ADD ("validation", test_validation);
  ADD ("consent-gate", test_consent_gate);
  ADD ("equality-answers", test_equality_answers);
  ADD ("withdrawal", test_withdrawal_deletes_answers);
  ADD ("filters", test_filters);
  ADD ("audit", test_audit_has_no_personal_values);
  ADD ("subject-access", test_subject_access);
  ADD ("erase", test_erase_leaves_no_trace);
  ADD ("every-link-lets-go", test_every_link_lets_go);
#undef ADD

  return g_test_run ();
}
