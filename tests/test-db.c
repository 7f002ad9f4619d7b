/* test-db.c — opening, migrating and protecting a workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "reach-db.h"
#include "reach-testutil.h"

static void
test_new_workspace_has_schema (void)
{
  g_autofree char *dir = reach_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "new.reach", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReachDb) db = reach_db_open (path, &error);
  static const char * const tables[] = {
    "place", "community_group", "contact", "contact_equality", "activity",
    "participation", "headcount", "feedback", "area", "baseline",
    "characteristic", "category", "place_rtree", "area_rtree", "place_fts", "audit",
  };

  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpint (reach_db_get_schema_version (db), ==, reach_db_latest_schema_version ());

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      sqlite3_stmt *stmt = reach_db_prepare (db, "SELECT count(*) FROM sqlite_master WHERE name = ?1", &error);

      g_assert_no_error (error);
      sqlite3_bind_text (stmt, 1, tables[i], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
      sqlite3_reset (stmt);
    }
}

static int
pragma_int (ReachDb    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, sql, NULL);
  int value;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static void
test_pragmas_and_mode (void)
{
  g_autofree char *dir = reach_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "w.reach", NULL);
  g_autoptr(ReachDb) db = reach_db_open (path, NULL);
  sqlite3_stmt *stmt;
  GStatBuf st;

  g_assert_nonnull (db);
  g_assert_cmpint (pragma_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (pragma_int (db, "PRAGMA secure_delete"), ==, 1);

  stmt = reach_db_prepare (db, "PRAGMA journal_mode", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_reset (stmt);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_reopen_keeps_data (void)
{
  g_autofree char *dir = reach_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "w.reach", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  {
    g_autoptr(ReachDb) db = reach_db_open (path, &error);
    g_assert_no_error (error);
    g_assert_true (reach_db_set_setting (db, "title", "Leeds outreach", &error));
    g_assert_no_error (error);
  }

  {
    g_autoptr(ReachDb) db = reach_db_open (path, &error);
    g_assert_no_error (error);
    g_assert_true (reach_db_get_setting (db, "title", &value, &error));
    g_assert_cmpstr (value, ==, "Leeds outreach");
    g_assert_cmpint (reach_db_get_schema_version (db), ==, reach_db_latest_schema_version ());
  }
}

static void
test_not_a_database (void)
{
  g_autofree char *dir = reach_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "notes.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReachDb) db = NULL;

  g_assert_true (g_file_set_contents (path, "These are my meeting notes, not a workspace.\n"
                                            "They are long enough to fill a header page.\n"
                                            "0123456789012345678901234567890123456789\n", -1, NULL));
  db = reach_db_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, REACH_DB_ERROR, REACH_DB_ERROR_SQL);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "not a database"));
}

static void
test_newer_schema_refused (void)
{
  g_autofree char *dir = reach_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "future.reach", NULL);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(ReachDb) db = reach_db_open (path, &error);
    g_assert_no_error (error);
    g_assert_true (reach_db_exec (db, "PRAGMA user_version = 999", &error));
  }

  {
    g_autoptr(ReachDb) db = reach_db_open (path, &error);
    g_assert_null (db);
    g_assert_error (error, REACH_DB_ERROR, REACH_DB_ERROR_NEWER_SCHEMA);
  }
}

static void
test_foreign_database_untouched (void)
{
  g_autofree char *dir = reach_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "other.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReachDb) db = NULL;
  sqlite3 *handle;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "CREATE TABLE recipe (name TEXT)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  db = reach_db_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, REACH_DB_ERROR, REACH_DB_ERROR_NOT_A_WORKSPACE);
  g_assert_nonnull (strstr (error->message, path));

  /* nothing of Reach was added to it */
  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT count(*) FROM sqlite_master", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "delete");
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
}

static void
test_nested_transactions (void)
{
  g_autofree char *dir = reach_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "w.reach", NULL);
  g_autoptr(ReachDb) db = reach_db_open (path, NULL);
  g_autofree char *a = NULL, *b = NULL;

  g_assert_true (reach_db_begin (db, NULL));
  g_assert_true (reach_db_set_setting (db, "a", "1", NULL));
  g_assert_true (reach_db_begin (db, NULL));
  g_assert_true (reach_db_set_setting (db, "b", "2", NULL));
  reach_db_rollback (db);                 /* inner: b is gone */
  g_assert_true (reach_db_commit (db, NULL));

  g_assert_true (reach_db_get_setting (db, "a", &a, NULL));
  g_assert_true (reach_db_get_setting (db, "b", &b, NULL));
  g_assert_cmpstr (a, ==, "1");
  g_assert_null (b);
}

static void
test_constraints_report_sqlite_message (void)
{
  g_autofree char *dir = reach_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "w.reach", NULL);
  g_autoptr(ReachDb) db = reach_db_open (path, NULL);
  g_autoptr(GError) error = NULL;

  /* a participation row pointing at nothing breaks a foreign key */
  g_assert_false (reach_db_exec (db, "INSERT INTO participation (activity_id, contact_id) VALUES (41, 42)", &error));
  g_assert_error (error, REACH_DB_ERROR, REACH_DB_ERROR_SQL);
  g_assert_nonnull (strstr (error->message, "FOREIGN KEY"));
}

static void
test_counts (void)
{
  g_autofree char *dir = reach_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "w.reach", NULL);
  g_autoptr(ReachDb) db = reach_db_open (path, NULL);
  g_autoptr(GArray) counts = NULL;

  g_assert_true (reach_db_exec (db, "INSERT INTO place (name, lat, lon) VALUES ('Library', 53.8, -1.5)", NULL));
  counts = reach_db_count_tables (db, NULL);
  g_assert_nonnull (counts);
  g_assert_cmpstr (g_array_index (counts, ReachTableCount, 0).key, ==, "places");
  g_assert_cmpint (g_array_index (counts, ReachTableCount, 0).count, ==, 1);
  g_assert_cmpstr (g_array_index (counts, ReachTableCount, 1).key, ==, "areas");
  g_assert_cmpint (g_array_index (counts, ReachTableCount, 1).count, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/db/new-workspace-has-schema", test_new_workspace_has_schema);
  g_test_add_func ("/db/pragmas-and-mode", test_pragmas_and_mode);
  g_test_add_func ("/db/reopen-keeps-data", test_reopen_keeps_data);
  g_test_add_func ("/db/not-a-database", test_not_a_database);
  g_test_add_func ("/db/newer-schema-refused", test_newer_schema_refused);
  g_test_add_func ("/db/foreign-database-untouched", test_foreign_database_untouched);
  g_test_add_func ("/db/nested-transactions", test_nested_transactions);
  g_test_add_func ("/db/constraints-report-sqlite-message", test_constraints_report_sqlite_message);
  g_test_add_func ("/db/counts", test_counts);

  return g_test_run ();
}
