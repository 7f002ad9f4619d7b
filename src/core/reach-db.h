/* reach-db.h — one workspace: an SQLite file with the Reach schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define REACH_DB_ERROR (reach_db_error_quark ())

typedef enum
{
  REACH_DB_ERROR_OPEN,
  REACH_DB_ERROR_SQL,
  REACH_DB_ERROR_NEWER_SCHEMA,
  REACH_DB_ERROR_NOT_FOUND,
  REACH_DB_ERROR_INVALID,
  REACH_DB_ERROR_NOT_A_WORKSPACE,
} ReachDbError;

#define REACH_TYPE_DB (reach_db_get_type ())
G_DECLARE_FINAL_TYPE (ReachDb, reach_db, REACH, DB, GObject)

GQuark        reach_db_error_quark       (void);
ReachDb      *reach_db_open              (const char   *path,
                                          GError      **error);
const char   *reach_db_get_path          (ReachDb      *self);
sqlite3      *reach_db_get_handle        (ReachDb      *self);
int           reach_db_get_schema_version (ReachDb     *self);
int           reach_db_latest_schema_version (void);

sqlite3_stmt *reach_db_prepare           (ReachDb      *self,
                                          const char   *sql,
                                          GError      **error);
gboolean      reach_db_exec              (ReachDb      *self,
                                          const char   *sql,
                                          GError      **error);
gboolean      reach_db_step_done         (ReachDb      *self,
                                          sqlite3_stmt *stmt,
                                          GError      **error);
gboolean      reach_db_begin             (ReachDb      *self,
                                          GError      **error);
gboolean      reach_db_commit            (ReachDb      *self,
                                          GError      **error);
void          reach_db_rollback          (ReachDb      *self);
gboolean      reach_db_checkpoint        (ReachDb      *self,
                                          GError      **error);

gboolean      reach_db_get_setting       (ReachDb      *self,
                                          const char   *key,
                                          char        **value,
                                          GError      **error);
gboolean      reach_db_set_setting       (ReachDb      *self,
                                          const char   *key,
                                          const char   *value,
                                          GError      **error);
gboolean      reach_db_is_demo           (ReachDb      *self);

typedef struct
{
  const char *key;    /* "places", "areas", … as reach-cli stats prints them */
  gint64      count;
} ReachTableCount;

/* one ReachTableCount for every table a user thinks about, in a fixed order */
GArray       *reach_db_count_tables      (ReachDb      *self,
                                          GError      **error);

/* Adds a row to the audit trail: which table and row, what happened. */
gboolean      reach_audit                (ReachDb      *db,
                                          const char   *table,
                                          gint64        row_id,
                                          const char   *action,
                                          GError      **error);
/* Deletes row id of table (a fixed table name, never user input) and notes
 * it in the audit trail.  *found says whether there was such a row. */
gboolean      reach_db_delete_row        (ReachDb      *self,
                                          const char   *table,
                                          gint64        id,
                                          gboolean     *found,
                                          GError      **error);

void          reach_db_set_error         (ReachDb      *self,
                                          GError      **error,
                                          const char   *what);

G_END_DECLS
