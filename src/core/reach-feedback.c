/* reach-feedback.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-feedback"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "reach-feedback.h"
#include "reach-places.h"

G_DEFINE_TYPE (ReachFeedback, reach_feedback, G_TYPE_OBJECT)
G_DEFINE_QUARK (reach-feedback-error-quark, reach_feedback_error)

static const char * const status_keys[] = { "open", "in-progress", "done", "fed-back" };
G_STATIC_ASSERT (G_N_ELEMENTS (status_keys) == REACH_N_FEEDBACK_STATUSES);

static void
reach_feedback_finalize (GObject *object)
{
  ReachFeedback *self = REACH_FEEDBACK (object);

  g_free (self->you_said);
  g_free (self->we_did);
  g_clear_pointer (&self->decided_at, g_date_time_unref);
  g_clear_pointer (&self->fed_back_at, g_date_time_unref);
  g_free (self->fed_back_how);

  G_OBJECT_CLASS (reach_feedback_parent_class)->finalize (object);
}

static void
reach_feedback_class_init (ReachFeedbackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = reach_feedback_finalize;
}

static void
reach_feedback_init (ReachFeedback *self)
{
  self->status = REACH_FEEDBACK_OPEN;
}

ReachFeedback *
reach_feedback_new (void)
{
  return g_object_new (REACH_TYPE_FEEDBACK, NULL);
}

ReachFeedback *
reach_feedback_copy (ReachFeedback *self)
{
  ReachFeedback *copy = reach_feedback_new ();

  copy->id = self->id;
  copy->activity_id = self->activity_id;
  copy->group_id = self->group_id;
  copy->you_said = g_strdup (self->you_said);
  copy->we_did = g_strdup (self->we_did);
  reach_feedback_set_decided_at (copy, self->decided_at);
  copy->status = self->status;
  reach_feedback_set_fed_back_at (copy, self->fed_back_at);
  copy->fed_back_how = g_strdup (self->fed_back_how);
  return copy;
}

static void
set_date (GDateTime **field,
          GDateTime  *when)
{
  if (when != NULL)
    g_date_time_ref (when);
  g_clear_pointer (field, g_date_time_unref);
  *field = when;
}

void
reach_feedback_set_decided_at (ReachFeedback *self,
                               GDateTime     *when)
{
  set_date (&self->decided_at, when);
}

void
reach_feedback_set_fed_back_at (ReachFeedback *self,
                                GDateTime     *when)
{
  set_date (&self->fed_back_at, when);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

gboolean
reach_feedback_validate (ReachFeedback  *self,
                         GError        **error)
{
  if (self->activity_id <= 0)
    {
      g_set_error_literal (error, REACH_FEEDBACK_ERROR, REACH_FEEDBACK_ERROR_ACTIVITY,
                           _("Feedback belongs to an activity: choose one"));
      return FALSE;
    }

  if (is_blank (self->you_said))
    {
      g_set_error_literal (error, REACH_FEEDBACK_ERROR, REACH_FEEDBACK_ERROR_YOU_SAID,
                           _("Say what people raised (“You said”)"));
      return FALSE;
    }

  if ((self->status == REACH_FEEDBACK_DONE || self->status == REACH_FEEDBACK_FED_BACK) &&
      is_blank (self->we_did))
    {
      g_set_error_literal (error, REACH_FEEDBACK_ERROR, REACH_FEEDBACK_ERROR_WE_DID,
                           _("Feedback that is done needs what was done (“We did”)"));
      return FALSE;
    }

  if (self->status == REACH_FEEDBACK_FED_BACK &&
      (self->fed_back_at == NULL || is_blank (self->fed_back_how)))
    {
      g_set_error_literal (error, REACH_FEEDBACK_ERROR, REACH_FEEDBACK_ERROR_FED_BACK,
                           _("Feedback that was fed back needs the date and how it was fed back"));
      return FALSE;
    }

  return TRUE;
}

const char *
reach_feedback_status_to_string (ReachFeedbackStatus status)
{
  g_return_val_if_fail (status >= 0 && status < REACH_N_FEEDBACK_STATUSES, NULL);
  return status_keys[status];
}

const char *
reach_feedback_status_label (ReachFeedbackStatus status)
{
  switch (status)
    {
    case REACH_FEEDBACK_OPEN:        return _("Open");
    case REACH_FEEDBACK_IN_PROGRESS: return _("In progress");
    case REACH_FEEDBACK_DONE:        return _("Done");
    case REACH_FEEDBACK_FED_BACK:    return _("Fed back");
    case REACH_N_FEEDBACK_STATUSES:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
reach_feedback_status_from_string (const char          *str,
                                   ReachFeedbackStatus *status)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < REACH_N_FEEDBACK_STATUSES; i++)
    if (g_ascii_strcasecmp (str, status_keys[i]) == 0 ||
        g_utf8_collate (str, reach_feedback_status_label (i)) == 0)
      {
        *status = i;
        return TRUE;
      }

  return FALSE;
}

/* Store: dates are kept as "YYYY-MM-DD". */

static void
bind_date (sqlite3_stmt *stmt,
           int           i,
           GDateTime    *when)
{
  if (when == NULL)
    sqlite3_bind_null (stmt, i);
  else
    sqlite3_bind_text (stmt, i, g_date_time_format (when, "%Y-%m-%d"), -1, g_free);
}

static GDateTime *
date_from_text (sqlite3_stmt *stmt,
                int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);
  int y, m, d;

  if (text == NULL || sscanf (text, "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;
  return g_date_time_new_utc (y, m, d, 0, 0, 0);
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           i,
                   const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, i);
  else
    sqlite3_bind_text (stmt, i, text, -1, SQLITE_TRANSIENT);
}

#define FEEDBACK_COLUMNS \
  "activity_id, group_id, you_said, we_did, decided_at, status, fed_back_at, fed_back_how"

static void
bind_feedback (sqlite3_stmt  *stmt,
               ReachFeedback *feedback)
{
  sqlite3_bind_int64 (stmt, 1, feedback->activity_id);
  if (feedback->group_id > 0)
    sqlite3_bind_int64 (stmt, 2, feedback->group_id);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_text (stmt, 3, feedback->you_said, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 4, feedback->we_did);
  bind_date (stmt, 5, feedback->decided_at);
  sqlite3_bind_text (stmt, 6, status_keys[feedback->status], -1, SQLITE_STATIC);
  bind_date (stmt, 7, feedback->fed_back_at);
  bind_text_or_null (stmt, 8, feedback->fed_back_how);
}

static ReachFeedback *
feedback_from_row (sqlite3_stmt *stmt)
{
  ReachFeedback *feedback = reach_feedback_new ();

  feedback->id = sqlite3_column_int64 (stmt, 0);
  feedback->activity_id = sqlite3_column_int64 (stmt, 1);
  feedback->group_id = sqlite3_column_int64 (stmt, 2);
  feedback->you_said = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  feedback->we_did = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  feedback->decided_at = date_from_text (stmt, 5);
  reach_feedback_status_from_string ((const char *) sqlite3_column_text (stmt, 6), &feedback->status);
  feedback->fed_back_at = date_from_text (stmt, 7);
  feedback->fed_back_how = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  return feedback;
}

gboolean
reach_feedback_insert (ReachDb        *db,
                       ReachFeedback  *feedback,
                       GError        **error)
{
  sqlite3_stmt *stmt;

  if (!reach_feedback_validate (feedback, error))
    return FALSE;

  stmt = reach_db_prepare (db, "INSERT INTO feedback (" FEEDBACK_COLUMNS ") "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    return FALSE;

  bind_feedback (stmt, feedback);
  if (!reach_db_step_done (db, stmt, error))
    return FALSE;

  feedback->id = sqlite3_last_insert_rowid (reach_db_get_handle (db));
  return reach_audit (db, "feedback", feedback->id, "insert", error);
}

static gboolean
not_found (GError **error,
           gint64   id)
{
  g_set_error (error, REACH_DB_ERROR, REACH_DB_ERROR_NOT_FOUND,
               _("There is no feedback item %" PRId64), id);
  return FALSE;
}

gboolean
reach_feedback_update (ReachDb        *db,
                       ReachFeedback  *feedback,
                       GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (feedback->id > 0, FALSE);

  if (!reach_feedback_validate (feedback, error))
    return FALSE;

  stmt = reach_db_prepare (db, "UPDATE feedback SET activity_id = ?1, group_id = ?2, "
                               "you_said = ?3, we_did = ?4, decided_at = ?5, status = ?6, "
                               "fed_back_at = ?7, fed_back_how = ?8 WHERE id = ?9", error);
  if (stmt == NULL)
    return FALSE;

  bind_feedback (stmt, feedback);
  sqlite3_bind_int64 (stmt, 9, feedback->id);
  if (!reach_db_step_done (db, stmt, error))
    return FALSE;

  if (sqlite3_changes (reach_db_get_handle (db)) == 0)
    return not_found (error, feedback->id);

  return reach_audit (db, "feedback", feedback->id, "update", error);
}

gboolean
reach_feedback_delete (ReachDb     *db,
                       gint64       id,
                       GError     **error)
{
  gboolean found;

  if (!reach_db_delete_row (db, "feedback", id, &found, error))
    return FALSE;

  return found || not_found (error, id);
}

static GPtrArray *
collect_feedback (ReachDb       *db,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, feedback_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not read feedback"));
      return NULL;
    }

  return g_steal_pointer (&items);
}

ReachFeedback *
reach_feedback_get (ReachDb     *db,
                    gint64       id,
                    GError     **error)
{
  g_autoptr(GPtrArray) items = NULL;
  sqlite3_stmt *stmt = reach_db_prepare (db, "SELECT id, " FEEDBACK_COLUMNS
                                             " FROM feedback WHERE id = ?1", error);

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!(items = collect_feedback (db, stmt, error)))
    return NULL;

  if (items->len == 0)
    {
      not_found (error, id);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (items, 0));
}

GPtrArray *
reach_feedback_list (ReachDb            *db,
                     ReachFeedbackFilter  view,
                     gint64              activity_id,
                     GError            **error)
{
  static const char * const conditions[] = {
    [REACH_FEEDBACK_FILTER_ALL] = "1",
    [REACH_FEEDBACK_FILTER_STILL_OPEN] = "f.status IN ('open', 'in-progress')",
    [REACH_FEEDBACK_FILTER_NOT_FED_BACK] = "f.status = 'done' AND f.fed_back_at IS NULL",
  };
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (view < G_N_ELEMENTS (conditions), NULL);

  sql = g_strdup_printf ("SELECT f.id, f.activity_id, f.group_id, f.you_said, f.we_did,"
                         " f.decided_at, f.status, f.fed_back_at, f.fed_back_how"
                         " FROM feedback f JOIN activity a ON a.id = f.activity_id"
                         " WHERE %s AND (?1 <= 0 OR f.activity_id = ?1)"
                         " ORDER BY a.starts_at IS NULL, a.starts_at, f.id", conditions[view]);
  if (!(stmt = reach_db_prepare (db, sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, activity_id);
  return collect_feedback (db, stmt, error);
}
