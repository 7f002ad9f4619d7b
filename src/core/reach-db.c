/* reach-db.c — opening, migrating and talking to a workspace file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-db"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "reach-db.h"
#include "reach-schema.h"

struct _ReachDb
{
  GObject     parent_instance;
  char       *path;
  sqlite3    *handle;
  GHashTable *statements;   /* SQL text → sqlite3_stmt, reset before reuse */
  guint       depth;        /* nested transactions become savepoints */
};

G_DEFINE_TYPE (ReachDb, reach_db, G_TYPE_OBJECT)
G_DEFINE_QUARK (reach-db-error-quark, reach_db_error)

static void
reach_db_finalize (GObject *object)
{
  ReachDb *self = (ReachDb *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  g_free (self->path);

  G_OBJECT_CLASS (reach_db_parent_class)->finalize (object);
}

static void
reach_db_class_init (ReachDbClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = reach_db_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
reach_db_init (ReachDb *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

void
reach_db_set_error (ReachDb     *self,
                    GError     **error,
                    const char  *what)
{
  g_set_error (error, REACH_DB_ERROR, REACH_DB_ERROR_SQL,
               "%s: %s", what, sqlite3_errmsg (self->handle));
}

gboolean
reach_db_exec (ReachDb     *self,
               const char  *sql,
               GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->handle, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, REACH_DB_ERROR, REACH_DB_ERROR_SQL, "%s", message);
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

/* Statements are cached by their text; the caller must not finalize them. */
sqlite3_stmt *
reach_db_prepare (ReachDb     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      reach_db_set_error (self, error, "Could not prepare a query");
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
reach_db_step_done (ReachDb       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      reach_db_set_error (self, error, "Could not save");
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
reach_db_begin (ReachDb  *self,
                GError  **error)
{
  g_autofree char *sql = NULL;

  if (self->depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT reach_%u", self->depth);

  if (!reach_db_exec (self, sql, error))
    return FALSE;

  self->depth++;
  return TRUE;
}

gboolean
reach_db_commit (ReachDb  *self,
                 GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE reach_%u", self->depth - 1);

  if (!reach_db_exec (self, sql, error))
    {
      reach_db_rollback (self);
      return FALSE;
    }

  self->depth--;
  return TRUE;
}

void
reach_db_rollback (ReachDb *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO reach_%u; RELEASE reach_%u",
                           self->depth - 1, self->depth - 1);

  if (!reach_db_exec (self, sql, NULL))
    g_warning ("Rollback failed: %s", sqlite3_errmsg (self->handle));

  self->depth--;
}

gboolean
reach_db_checkpoint (ReachDb  *self,
                     GError  **error)
{
  return reach_db_exec (self, "PRAGMA wal_checkpoint(TRUNCATE)", error);
}

int
reach_db_latest_schema_version (void)
{
  return reach_schema_n_migrations ();
}

static int
query_int (ReachDb    *self,
           const char *sql)
{
  sqlite3_stmt *stmt = reach_db_prepare (self, sql, NULL);
  int value = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return value;
}

int
reach_db_get_schema_version (ReachDb *self)
{
  return query_int (self, "PRAGMA user_version");
}

/* "Reac" in the SQLite header marks a file as a workspace. */
#define REACH_APPLICATION_ID 0x52656163

/* Never add Reach's tables to someone else's database. */
static gboolean
check_is_workspace (ReachDb  *self,
                    GError  **error)
{
  int app_id = query_int (self, "PRAGMA application_id");

  if (app_id == REACH_APPLICATION_ID ||
      (app_id == 0 && query_int (self, "SELECT count(*) FROM sqlite_master") == 0))
    return TRUE;

  g_set_error (error, REACH_DB_ERROR, REACH_DB_ERROR_NOT_A_WORKSPACE,
               "it is an SQLite database, but not a Reach workspace");
  return FALSE;
}

static gboolean
migrate (ReachDb  *self,
         GError  **error)
{
  int version = reach_db_get_schema_version (self);
  int latest = reach_schema_n_migrations ();


  if (version > latest)
    {
      g_set_error (error, REACH_DB_ERROR, REACH_DB_ERROR_NEWER_SCHEMA,
                   "it was made by a newer version of Reach (schema %d, this version knows %d)",
                   version, latest);
      return FALSE;
    }

  for (int i = version; i < latest; i++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d;"
                                               "PRAGMA application_id = %d",
                                               i + 1, REACH_APPLICATION_ID);

      g_debug ("Migrating %s to schema %d", self->path, i + 1);

      if (!reach_db_begin (self, error))
        return FALSE;
      if (!reach_db_exec (self, reach_schema_migration (i), error) ||
          !reach_db_exec (self, bump, error))
        {
          g_prefix_error (error, "Could not upgrade %s to schema %d: ", self->path, i + 1);
          reach_db_rollback (self);
          return FALSE;
        }
      if (!reach_db_commit (self, error))
        return FALSE;
    }

  return TRUE;
}

/* Personal data lives here: only the owner may read the file or its journals. */
static void
restrict_mode (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_file_test (file, G_FILE_TEST_EXISTS) && g_chmod (file, 0600) != 0)
        g_debug ("Could not restrict %s: %s", file, g_strerror (errno));
    }
}

ReachDb *
reach_db_open (const char  *path,
               GError     **error)
{
  g_autoptr(ReachDb) self = NULL;
  mode_t old_mask;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (REACH_TYPE_DB, NULL);
  self->path = g_strdup (path);

  old_mask = umask (0077);
  rc = sqlite3_open_v2 (path, &self->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  umask (old_mask);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, REACH_DB_ERROR, REACH_DB_ERROR_OPEN,
                   "Could not open %s: %s", path,
                   self->handle ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc));
      return NULL;
    }

  sqlite3_extended_result_codes (self->handle, TRUE);
  sqlite3_busy_timeout (self->handle, 5000);

  /* journal_mode reads the header, so this is where a non-database fails */
  if (!check_is_workspace (self, error) ||
      !reach_db_exec (self,
                      "PRAGMA journal_mode = WAL;"
                      "PRAGMA foreign_keys = ON;"
                      "PRAGMA secure_delete = ON;"
                      "PRAGMA synchronous = NORMAL;",
                      error) ||
      !migrate (self, error))
    {
      g_prefix_error (error, "Could not open %s: ", path);
      return NULL;
    }

  restrict_mode (path);

  return g_steal_pointer (&self);
}

const char *
reach_db_get_path (ReachDb *self)
{
  g_return_val_if_fail (REACH_IS_DB (self), NULL);
  return self->path;
}

sqlite3 *
reach_db_get_handle (ReachDb *self)
{
  g_return_val_if_fail (REACH_IS_DB (self), NULL);
  return self->handle;
}

gboolean
reach_db_get_setting (ReachDb     *self,
                      const char  *key,
                      char       **value,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *value = NULL;
  stmt = reach_db_prepare (self, "SELECT value FROM setting WHERE key = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      reach_db_set_error (self, error, "Could not read a setting");
      return FALSE;
    }

  return TRUE;
}

gboolean
reach_db_set_setting (ReachDb     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = reach_db_prepare (self,
                           "INSERT INTO setting (key, value) VALUES (?1, ?2) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  return reach_db_step_done (self, stmt, error);
}

gboolean
reach_db_is_demo (ReachDb *self)
{
  g_autofree char *value = NULL;

  return reach_db_get_setting (self, "demo", &value, NULL) &&
         g_strcmp0 (value, "1") == 0;
}

static const struct {
  const char *key;
  const char *table;
} counted_tables[] = {
  { "places", "place" },
  { "areas", "area" },
  { "baselines", "baseline" },
  { "contacts", "contact" },
  { "community_groups", "community_group" },
  { "activities", "activity" },
  { "participation", "participation" },
  { "headcounts", "headcount" },
  { "feedback", "feedback" },
  { "characteristics", "characteristic" },
  { "categories", "category" },
};

GArray *
reach_db_count_tables (ReachDb  *self,
                       GError  **error)
{
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (ReachTableCount));

  for (guint i = 0; i < G_N_ELEMENTS (counted_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s",
                                              counted_tables[i].table);
      sqlite3_stmt *stmt = reach_db_prepare (self, sql, error);

      if (stmt == NULL)
        return NULL;
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          reach_db_set_error (self, error, "Could not count");
          sqlite3_reset (stmt);
          return NULL;
        }
      g_array_append_val (counts, ((ReachTableCount) {
                            counted_tables[i].key, sqlite3_column_int64 (stmt, 0) }));
      sqlite3_reset (stmt);
    }

  return g_steal_pointer (&counts);
}

gboolean
reach_audit (ReachDb     *db,
             const char  *table,
             gint64       row_id,
             const char  *action,
             GError     **error)
{
  sqlite3_stmt *stmt = reach_db_prepare (db,
                                         "INSERT INTO audit (who, tbl, row_id, action) "
                                         "VALUES (?1, ?2, ?3, ?4)",
                                         error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, g_get_user_name (), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, table, -1, SQLITE_STATIC);
  if (row_id > 0)
    sqlite3_bind_int64 (stmt, 3, row_id);
  sqlite3_bind_text (stmt, 4, action, -1, SQLITE_STATIC);
  return reach_db_step_done (db, stmt, error);
}

gboolean
reach_db_delete_row (ReachDb     *self,
                     const char  *table,
                     gint64       id,
                     gboolean    *found,
                     GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", table);
  sqlite3_stmt *stmt = reach_db_prepare (self, sql, error);

  *found = FALSE;
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!reach_db_step_done (self, stmt, error))
    return FALSE;

  *found = sqlite3_changes (self->handle) > 0;
  return !*found || reach_audit (self, table, id, "delete", error);
}
