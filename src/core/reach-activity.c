/* reach-activity.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-activity"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "reach-activity.h"
#include "reach-places.h"

G_DEFINE_TYPE (ReachActivity, reach_activity, G_TYPE_OBJECT)
G_DEFINE_QUARK (reach-activity-error-quark, reach_activity_error)

/* Keys as the schema's CHECK constraints spell them. */
static const char * const type_keys[] = {
  "survey", "drop-in", "workshop", "focus-group", "one-to-one",
  "working-group", "outreach-visit", "event", "online",
};
G_STATIC_ASSERT (G_N_ELEMENTS (type_keys) == REACH_N_ACTIVITY_TYPES);

static const char * const rung_keys[] = {
  "coercion", "educating", "informing", "consultation", "engagement",
  "co-design", "co-production",
};
G_STATIC_ASSERT (G_N_ELEMENTS (rung_keys) == REACH_N_LADDER_RUNGS);

static const char * const stage_keys[] = {
  "co-commissioning", "co-design", "co-delivery", "co-assessment",
};
G_STATIC_ASSERT (G_N_ELEMENTS (stage_keys) == REACH_N_STAGES);

static const char * const status_keys[] = { "planned", "done", "cancelled" };
G_STATIC_ASSERT (G_N_ELEMENTS (status_keys) == REACH_N_ACTIVITY_STATUSES);

static const char * const provision_keys[] = {
  "bsl", "hearing-loop", "easy-read", "step-free", "childcare", "transport",
  "interpreter", "large-print", "quiet-space",
};
G_STATIC_ASSERT (G_N_ELEMENTS (provision_keys) == REACH_N_PROVISIONS);

static void
reach_activity_finalize (GObject *object)
{
  ReachActivity *self = REACH_ACTIVITY (object);

  g_free (self->title);
  g_clear_pointer (&self->starts_at, g_date_time_unref);
  g_clear_pointer (&self->ends_at, g_date_time_unref);
  g_array_unref (self->area_ids);
  g_free (self->reciprocity);
  g_free (self->notes);

  G_OBJECT_CLASS (reach_activity_parent_class)->finalize (object);
}

static void
reach_activity_class_init (ReachActivityClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = reach_activity_finalize;
}

static void
reach_activity_init (ReachActivity *self)
{
  self->type = REACH_ACTIVITY_TYPE_EVENT;
  self->area_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->rung = REACH_LADDER_UNKNOWN;
  self->stage = REACH_STAGE_NONE;
  self->reciprocity_pence = -1;
  self->status = REACH_ACTIVITY_PLANNED;
}

ReachActivity *
reach_activity_new (void)
{
  return g_object_new (REACH_TYPE_ACTIVITY, NULL);
}

ReachActivity *
reach_activity_copy (ReachActivity *self)
{
  ReachActivity *copy = reach_activity_new ();

  copy->id = self->id;
  copy->title = g_strdup (self->title);
  copy->type = self->type;
  reach_activity_set_starts_at (copy, self->starts_at);
  reach_activity_set_ends_at (copy, self->ends_at);
  copy->place_id = self->place_id;
  g_array_append_vals (copy->area_ids, self->area_ids->data, self->area_ids->len);
  copy->rung = self->rung;
  copy->stage = self->stage;
  copy->provisions = self->provisions;
  copy->reciprocity = g_strdup (self->reciprocity);
  copy->reciprocity_pence = self->reciprocity_pence;
  copy->status = self->status;
  copy->notes = g_strdup (self->notes);
  return copy;
}

static void
set_time (GDateTime **field,
          GDateTime  *when)
{
  if (when != NULL)
    g_date_time_ref (when);
  g_clear_pointer (field, g_date_time_unref);
  *field = when;
}

void
reach_activity_set_starts_at (ReachActivity *self,
                              GDateTime     *when)
{
  set_time (&self->starts_at, when);
}

void
reach_activity_set_ends_at (ReachActivity *self,
                            GDateTime     *when)
{
  set_time (&self->ends_at, when);
}

void
reach_activity_add_area (ReachActivity *self,
                         gint64         area_id)
{
  for (guint i = 0; i < self->area_ids->len; i++)
    if (g_array_index (self->area_ids, gint64, i) == area_id)
      return;
  g_array_append_val (self->area_ids, area_id);
}

gboolean
reach_activity_validate (ReachActivity  *self,
                         GError        **error)
{
  if (self->title == NULL || *g_strstrip (self->title) == '\0')
    {
      g_set_error_literal (error, REACH_ACTIVITY_ERROR, REACH_ACTIVITY_ERROR_TITLE,
                           _("An activity needs a title"));
      return FALSE;
    }

  if (self->starts_at != NULL && self->ends_at != NULL &&
      g_date_time_compare (self->ends_at, self->starts_at) < 0)
    {
      g_set_error_literal (error, REACH_ACTIVITY_ERROR, REACH_ACTIVITY_ERROR_DATES,
                           _("An activity cannot end before it starts"));
      return FALSE;
    }

  if (self->reciprocity_pence < -1)
    {
      g_set_error_literal (error, REACH_ACTIVITY_ERROR, REACH_ACTIVITY_ERROR_RECIPROCITY,
                           _("An amount paid or given cannot be negative"));
      return FALSE;
    }

  return TRUE;
}

/* Matches a key ("drop-in"), or a label or key written loosely ("Drop in",
 * "DROP_IN"): case, spaces, hyphens and underscores do not matter. */
static char *
squash (const char *str)
{
  g_autofree char *folded = g_utf8_casefold (str, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p++)
    if (*p != ' ' && *p != '-' && *p != '_')
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

typedef const char *(*LabelFunc) (int i);

static int
lookup (const char         *str,
        const char * const *keys,
        guint               n_keys,
        LabelFunc           label)
{
  g_autofree char *want = NULL;

  if (str == NULL)
    return -1;

  want = squash (str);
  for (guint i = 0; i < n_keys; i++)
    {
      g_autofree char *key = squash (keys[i]);
      g_autofree char *text = label != NULL ? squash (label (i)) : NULL;

      if (g_str_equal (want, key) || g_strcmp0 (want, text) == 0)
        return i;
    }

  return -1;
}

const char *
reach_activity_type_to_string (ReachActivityType type)
{
  g_return_val_if_fail (type >= 0 && type < REACH_N_ACTIVITY_TYPES, NULL);
  return type_keys[type];
}

const char *
reach_activity_type_label (ReachActivityType type)
{
  switch (type)
    {
    case REACH_ACTIVITY_TYPE_SURVEY:         return _("Survey");
    case REACH_ACTIVITY_TYPE_DROP_IN:        return _("Drop-in");
    case REACH_ACTIVITY_TYPE_WORKSHOP:       return _("Workshop");
    case REACH_ACTIVITY_TYPE_FOCUS_GROUP:    return _("Focus group");
    case REACH_ACTIVITY_TYPE_ONE_TO_ONE:     return _("One-to-one");
    case REACH_ACTIVITY_TYPE_WORKING_GROUP:  return _("Working group or board");
    case REACH_ACTIVITY_TYPE_OUTREACH_VISIT: return _("Outreach visit");
    case REACH_ACTIVITY_TYPE_EVENT:          return _("Event");
    case REACH_ACTIVITY_TYPE_ONLINE:         return _("Online");
    case REACH_N_ACTIVITY_TYPES:
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char *
type_label_at (int i)
{
  return reach_activity_type_label (i);
}

gboolean
reach_activity_type_from_string (const char        *str,
                                 ReachActivityType *type)
{
  int i = lookup (str, type_keys, REACH_N_ACTIVITY_TYPES,
                  type_label_at);

  if (i < 0)
    return FALSE;
  *type = i;
  return TRUE;
}

const char *
reach_ladder_rung_to_string (ReachLadderRung rung)
{
  g_return_val_if_fail (rung >= 0 && rung < REACH_N_LADDER_RUNGS, NULL);
  return rung_keys[rung];
}

const char *
reach_ladder_rung_label (ReachLadderRung rung)
{
  switch (rung)
    {
    case REACH_LADDER_UNKNOWN:       return _("Not recorded");
    case REACH_LADDER_COERCION:      return _("Coercion");
    case REACH_LADDER_EDUCATING:     return _("Educating");
    case REACH_LADDER_INFORMING:     return _("Informing");
    case REACH_LADDER_CONSULTATION:  return _("Consultation");
    case REACH_LADDER_ENGAGEMENT:    return _("Engagement");
    case REACH_LADDER_CO_DESIGN:     return _("Co-design");
    case REACH_LADDER_CO_PRODUCTION: return _("Co-production");
    case REACH_N_LADDER_RUNGS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char *
rung_label_at (int i)
{
  return reach_ladder_rung_label (i);
}

gboolean
reach_ladder_rung_from_string (const char      *str,
                               ReachLadderRung *rung)
{
  int i = lookup (str, rung_keys, REACH_N_LADDER_RUNGS,
                  rung_label_at);

  if (i < 0)
    return FALSE;
  *rung = i;
  return TRUE;
}

const char *
reach_stage_to_string (ReachCoproductionStage stage)
{
  g_return_val_if_fail (stage >= 0 && stage < REACH_N_STAGES, NULL);
  return stage_keys[stage];
}

const char *
reach_stage_label (ReachCoproductionStage stage)
{
  switch (stage)
    {
    case REACH_STAGE_NONE:             return _("None");
    case REACH_STAGE_CO_COMMISSIONING: return _("Co-commissioning");
    case REACH_STAGE_CO_DESIGN:        return _("Co-design");
    case REACH_STAGE_CO_DELIVERY:      return _("Co-delivery");
    case REACH_STAGE_CO_ASSESSMENT:    return _("Co-assessment");
    case REACH_N_STAGES:
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char *
stage_label_at (int i)
{
  return reach_stage_label (i);
}

gboolean
reach_stage_from_string (const char             *str,
                         ReachCoproductionStage *stage)
{
  int i = lookup (str, stage_keys, REACH_N_STAGES,
                  stage_label_at);

  if (i < 0)
    return FALSE;
  *stage = i;
  return TRUE;
}

const char *
reach_activity_status_to_string (ReachActivityStatus status)
{
  g_return_val_if_fail (status >= 0 && status < REACH_N_ACTIVITY_STATUSES, NULL);
  return status_keys[status];
}

const char *
reach_activity_status_label (ReachActivityStatus status)
{
  switch (status)
    {
    case REACH_ACTIVITY_PLANNED:   return _("Planned");
    case REACH_ACTIVITY_DONE:      return _("Done");
    case REACH_ACTIVITY_CANCELLED: return _("Cancelled");
    case REACH_N_ACTIVITY_STATUSES:
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char *
status_label_at (int i)
{
  return reach_activity_status_label (i);
}

gboolean
reach_activity_status_from_string (const char          *str,
                                   ReachActivityStatus *status)
{
  int i = lookup (str, status_keys, REACH_N_ACTIVITY_STATUSES,
                  status_label_at);

  if (i < 0)
    return FALSE;
  *status = i;
  return TRUE;
}

static int
provision_index (ReachProvisions provision)
{
  for (int i = 0; i < REACH_N_PROVISIONS; i++)
    if (provision == (1u << i))
      return i;
  return -1;
}

const char *
reach_provision_to_string (ReachProvisions provision)
{
  int i = provision_index (provision);

  g_return_val_if_fail (i >= 0, NULL);
  return provision_keys[i];
}

const char *
reach_provision_label (ReachProvisions provision)
{
  switch (provision)
    {
    case REACH_PROVISION_BSL:          return _("BSL interpreter");
    case REACH_PROVISION_HEARING_LOOP: return _("Hearing loop");
    case REACH_PROVISION_EASY_READ:    return _("Easy read");
    case REACH_PROVISION_STEP_FREE:    return _("Step-free venue");
    case REACH_PROVISION_CHILDCARE:    return _("Childcare");
    case REACH_PROVISION_TRANSPORT:    return _("Transport");
    case REACH_PROVISION_INTERPRETER:  return _("Interpreter");
    case REACH_PROVISION_LARGE_PRINT:  return _("Large print");
    case REACH_PROVISION_QUIET_SPACE:  return _("Quiet space");
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char *
provision_label_at (int i)
{
  return reach_provision_label (1u << i);
}

gboolean
reach_provision_from_string (const char      *str,
                             ReachProvisions *provision)
{
  int i = lookup (str, provision_keys, REACH_N_PROVISIONS, provision_label_at);

  if (i < 0)
    return FALSE;
  *provision = 1u << i;
  return TRUE;
}

char *
reach_provisions_to_string (ReachProvisions provisions)
{
  GString *out = g_string_new (NULL);

  for (int i = 0; i < REACH_N_PROVISIONS; i++)
    if (provisions & (1u << i))
      g_string_append_printf (out, "%s%s", out->len ? ";" : "", provision_keys[i]);

  return g_string_free (out, FALSE);
}

gboolean
reach_provisions_from_string (const char      *str,
                              ReachProvisions *provisions)
{
  g_auto(GStrv) parts = g_strsplit_set (str != NULL ? str : "", ";,", -1);
  ReachProvisions result = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      ReachProvisions one;

      if (*g_strstrip (parts[i]) == '\0')
        continue;
      if (!reach_provision_from_string (parts[i], &one))
        return FALSE;
      result |= one;
    }

  *provisions = result;
  return TRUE;
}

/* Store */

/* Times are kept as UTC ISO 8601 text, so text order is time order. */
static char *
time_to_text (GDateTime *when)
{
  g_autoptr(GDateTime) utc = NULL;

  if (when == NULL)
    return NULL;
  utc = g_date_time_to_utc (when);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static GDateTime *
time_from_text (sqlite3_stmt *stmt,
                int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return text != NULL ? g_date_time_new_from_iso8601 (text, utc) : NULL;
}

/* "YYYY-MM-DD" of the day after @today, for "on or before today". */
static char *
day_after (GDateTime *today)
{
  g_autoptr(GDateTime) next = g_date_time_add_days (today, 1);

  return g_date_time_format (next, "%Y-%m-%d");
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

static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           i,
                 gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, i, id);
  else
    sqlite3_bind_null (stmt, i);
}

#define ACTIVITY_COLUMNS \
  "title, type, starts_at, ends_at, place_id, ladder_rung, coproduction_stage, " \
  "access_provisions, reciprocity, reciprocity_pence, status, notes"
#define N_ACTIVITY_COLUMNS 12

static void
bind_activity (sqlite3_stmt  *stmt,
               ReachActivity *activity)
{
  g_autofree char *starts = time_to_text (activity->starts_at);
  g_autofree char *ends = time_to_text (activity->ends_at);
  g_autofree char *provisions = reach_provisions_to_string (activity->provisions);
  int c = 1;

  sqlite3_bind_text (stmt, c++, activity->title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, c++, type_keys[activity->type], -1, SQLITE_STATIC);
  bind_text_or_null (stmt, c++, starts);
  bind_text_or_null (stmt, c++, ends);
  bind_id_or_null (stmt, c++, activity->place_id);
  bind_text_or_null (stmt, c++, activity->rung >= 0 ? rung_keys[activity->rung] : NULL);
  bind_text_or_null (stmt, c++, activity->stage >= 0 ? stage_keys[activity->stage] : NULL);
  bind_text_or_null (stmt, c++, provisions);
  bind_text_or_null (stmt, c++, activity->reciprocity);
  if (activity->reciprocity_pence >= 0)
    sqlite3_bind_int64 (stmt, c++, activity->reciprocity_pence);
  else
    sqlite3_bind_null (stmt, c++);
  sqlite3_bind_text (stmt, c++, status_keys[activity->status], -1, SQLITE_STATIC);
  bind_text_or_null (stmt, c++, activity->notes);
}

static ReachActivity *
activity_from_row (sqlite3_stmt *stmt)
{
  ReachActivity *activity = reach_activity_new ();
  int c = 0;

  activity->id = sqlite3_column_int64 (stmt, c++);
  activity->title = g_strdup ((const char *) sqlite3_column_text (stmt, c++));
  reach_activity_type_from_string ((const char *) sqlite3_column_text (stmt, c++), &activity->type);
  activity->starts_at = time_from_text (stmt, c++);
  activity->ends_at = time_from_text (stmt, c++);
  activity->place_id = sqlite3_column_int64 (stmt, c++);
  reach_ladder_rung_from_string ((const char *) sqlite3_column_text (stmt, c++), &activity->rung);
  reach_stage_from_string ((const char *) sqlite3_column_text (stmt, c++), &activity->stage);
  /* a key this version does not know is dropped rather than failing the read */
  if (!reach_provisions_from_string ((const char *) sqlite3_column_text (stmt, c++),
                                     &activity->provisions))
    activity->provisions = 0;
  activity->reciprocity = g_strdup ((const char *) sqlite3_column_text (stmt, c++));
  activity->reciprocity_pence = sqlite3_column_type (stmt, c) == SQLITE_NULL
                                ? -1 : sqlite3_column_int64 (stmt, c);
  c++;
  reach_activity_status_from_string ((const char *) sqlite3_column_text (stmt, c++), &activity->status);
  activity->notes = g_strdup ((const char *) sqlite3_column_text (stmt, c++));
  return activity;
}

static gboolean
save_areas (ReachDb        *db,
            ReachActivity  *activity,
            GError        **error)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, "DELETE FROM activity_area WHERE activity_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, activity->id);
  if (!reach_db_step_done (db, stmt, error))
    return FALSE;

  for (guint i = 0; i < activity->area_ids->len; i++)
    {
      stmt = reach_db_prepare (db, "INSERT OR IGNORE INTO activity_area (activity_id, area_id) "
                                   "VALUES (?1, ?2)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, activity->id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (activity->area_ids, gint64, i));
      if (!reach_db_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_areas (ReachDb        *db,
            ReachActivity  *activity,
            GError        **error)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, "SELECT area_id FROM activity_area "
                                             "WHERE activity_id = ?1 ORDER BY area_id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, activity->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    reach_activity_add_area (activity, sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not read an activity’s areas"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
finish_save (ReachDb        *db,
             ReachActivity  *activity,
             const char     *action,
             GError        **error)
{
  if (!save_areas (db, activity, error) ||
      !reach_audit (db, "activity", activity->id, action, error))
    {
      reach_db_rollback (db);
      return FALSE;
    }

  return reach_db_commit (db, error);
}

gboolean
reach_activities_insert (ReachDb        *db,
                         ReachActivity  *activity,
                         GError        **error)
{
  sqlite3_stmt *stmt;

  if (!reach_activity_validate (activity, error) || !reach_db_begin (db, error))
    return FALSE;

  stmt = reach_db_prepare (db, "INSERT INTO activity (" ACTIVITY_COLUMNS ") VALUES "
                               "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", error);
  if (stmt == NULL)
    {
      reach_db_rollback (db);
      return FALSE;
    }

  bind_activity (stmt, activity);
  if (!reach_db_step_done (db, stmt, error))
    {
      reach_db_rollback (db);
      return FALSE;
    }

  activity->id = sqlite3_last_insert_rowid (reach_db_get_handle (db));
  return finish_save (db, activity, "insert", error);
}

static gboolean
not_found (GError **error,
           gint64   id)
{
  g_set_error (error, REACH_DB_ERROR, REACH_DB_ERROR_NOT_FOUND,
               _("There is no activity %" PRId64), id);
  return FALSE;
}

gboolean
reach_activities_update (ReachDb        *db,
                         ReachActivity  *activity,
                         GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (activity->id > 0, FALSE);

  if (!reach_activity_validate (activity, error) || !reach_db_begin (db, error))
    return FALSE;

  stmt = reach_db_prepare (db, "UPDATE activity SET title = ?1, type = ?2, starts_at = ?3, "
                               "ends_at = ?4, place_id = ?5, ladder_rung = ?6, "
                               "coproduction_stage = ?7, access_provisions = ?8, "
                               "reciprocity = ?9, reciprocity_pence = ?10, status = ?11, "
                               "notes = ?12 WHERE id = ?13", error);
  if (stmt == NULL)
    {
      reach_db_rollback (db);
      return FALSE;
    }

  bind_activity (stmt, activity);
  sqlite3_bind_int64 (stmt, N_ACTIVITY_COLUMNS + 1, activity->id);
  if (!reach_db_step_done (db, stmt, error))
    {
      reach_db_rollback (db);
      return FALSE;
    }

  if (sqlite3_changes (reach_db_get_handle (db)) == 0)
    {
      reach_db_rollback (db);
      return not_found (error, activity->id);
    }

  return finish_save (db, activity, "update", error);
}

gboolean
reach_activities_delete (ReachDb     *db,
                         gint64       id,
                         GError     **error)
{
  gboolean found;

  if (!reach_db_delete_row (db, "activity", id, &found, error))
    return FALSE;

  return found || not_found (error, id);
}

static GPtrArray *
collect_activities (ReachDb       *db,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  g_autoptr(GPtrArray) activities = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (activities, activity_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not read activities"));
      return NULL;
    }

  /* after the rows are read: the areas query is another statement */
  for (guint i = 0; i < activities->len; i++)
    if (!load_areas (db, g_ptr_array_index (activities, i), error))
      return NULL;

  return g_steal_pointer (&activities);
}

ReachActivity *
reach_activities_get (ReachDb     *db,
                      gint64       id,
                      GError     **error)
{
  g_autoptr(GPtrArray) activities = NULL;
  sqlite3_stmt *stmt = reach_db_prepare (db, "SELECT id, " ACTIVITY_COLUMNS
                                             " FROM activity WHERE id = ?1", error);

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  activities = collect_activities (db, stmt, error);
  if (activities == NULL)
    return NULL;

  if (activities->len == 0)
    {
      not_found (error, id);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (activities, 0));
}

GPtrArray *
reach_activities_list (ReachDb                    *db,
                       const ReachActivityFilter  *filter,
                       GError                    **error)
{
  static const ReachActivityFilter none = { 0, };
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  sqlite3_stmt *stmt;

  if (filter == NULL)
    filter = &none;

  from = time_to_text (filter->from);
  to = time_to_text (filter->to);

  /* One statement for every filter: an unset parameter matches everything. */
  stmt = reach_db_prepare (db, "SELECT id, " ACTIVITY_COLUMNS " FROM activity"
                               " WHERE (?1 IS NULL OR starts_at >= ?1)"
                               " AND (?2 IS NULL OR starts_at < ?2)"
                               " AND (?3 IS NULL OR type = ?3)"
                               " AND (?4 IS NULL OR ladder_rung = ?4)"
                               " AND (?5 IS NULL OR place_id = ?5)"
                               " AND (?6 IS NULL OR ladder_rung IS NULL)"
                               " ORDER BY starts_at IS NULL, starts_at DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;

  bind_text_or_null (stmt, 1, from);
  bind_text_or_null (stmt, 2, to);
  if (filter->by_type)
    sqlite3_bind_text (stmt, 3, type_keys[filter->type], -1, SQLITE_STATIC);
  if (filter->by_rung && filter->rung >= 0)
    sqlite3_bind_text (stmt, 4, rung_keys[filter->rung], -1, SQLITE_STATIC);
  bind_id_or_null (stmt, 5, filter->place_id);
  /* "rung not recorded" is a filter of its own */
  if (filter->by_rung && filter->rung < 0)
    sqlite3_bind_int (stmt, 6, 1);

  return collect_activities (db, stmt, error);
}

/* Participation */

/* Steps a statement with "RETURNING id" to its end; *id stays 0 when no row
 * came back. */
static gboolean
step_returning_id (ReachDb       *db,
                   sqlite3_stmt  *stmt,
                   gint64        *id,
                   const char    *what,
                   GError       **error)
{
  int rc;

  *id = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, what);
      return FALSE;
    }

  return TRUE;
}

gboolean
reach_activities_add_participant (ReachDb     *db,
                                  gint64       activity_id,
                                  gint64       contact_id,
                                  const char  *role,
                                  GError     **error)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, "INSERT INTO participation (activity_id, contact_id, role) "
                                             "VALUES (?1, ?2, ?3) ON CONFLICT (activity_id, contact_id) "
                                             "DO UPDATE SET role = excluded.role RETURNING id", error);
  gint64 id;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, activity_id);
  sqlite3_bind_int64 (stmt, 2, contact_id);
  bind_text_or_null (stmt, 3, role);
  return step_returning_id (db, stmt, &id, _("Could not add a participant"), error) &&
         reach_audit (db, "participation", id, "insert", error);
}

gboolean
reach_activities_remove_participant (ReachDb  *db,
                                     gint64    activity_id,
                                     gint64    contact_id,
                                     GError  **error)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, "DELETE FROM participation "
                                             "WHERE activity_id = ?1 AND contact_id = ?2 "
                                             "RETURNING id", error);
  gint64 id;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, activity_id);
  sqlite3_bind_int64 (stmt, 2, contact_id);
  if (!step_returning_id (db, stmt, &id, _("Could not remove a participant"), error))
    return FALSE;

  return id == 0 || reach_audit (db, "participation", id, "delete", error);
}

static GArray *
collect_ids (ReachDb       *db,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not read participants"));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

GArray *
reach_activities_get_participants (ReachDb  *db,
                                   gint64    activity_id,
                                   GError  **error)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, "SELECT contact_id FROM participation "
                                             "WHERE activity_id = ?1 ORDER BY id", error);

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, activity_id);
  return collect_ids (db, stmt, error);
}

static gint64
query_count (ReachDb       *db,
             const char    *sql,
             gint64         a,
             gint64         b,
             GError       **error)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, sql, error);
  gint64 n = 0;
  int rc;

  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) > 1)
    sqlite3_bind_int64 (stmt, 2, b);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not count"));
      return -1;
    }

  return n;
}

gint64
reach_activities_count_participants (ReachDb  *db,
                                     gint64    activity_id,
                                     GError  **error)
{
  return query_count (db, "SELECT count(*) FROM participation WHERE activity_id = ?1",
                      activity_id, 0, error);
}

/* Headcounts */

gboolean
reach_activities_set_headcount (ReachDb     *db,
                                gint64       activity_id,
                                gint64       category_id,
                                gint64       count,
                                GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  if (count < 0)
    {
      g_set_error_literal (error, REACH_ACTIVITY_ERROR, REACH_ACTIVITY_ERROR_COUNT,
                           _("A headcount cannot be negative"));
      return FALSE;
    }

  stmt = reach_db_prepare (db, "INSERT INTO headcount (activity_id, category_id, count) "
                               "VALUES (?1, ?2, ?3) ON CONFLICT (activity_id, category_id) "
                               "DO UPDATE SET count = excluded.count RETURNING id", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, activity_id);
  sqlite3_bind_int64 (stmt, 2, category_id);
  sqlite3_bind_int64 (stmt, 3, count);
  return step_returning_id (db, stmt, &id, _("Could not save a headcount"), error) &&
         reach_audit (db, "headcount", id, "update", error);
}

gint64
reach_activities_get_headcount (ReachDb  *db,
                                gint64    activity_id,
                                gint64    category_id,
                                GError  **error)
{
  return query_count (db, "SELECT coalesce (sum (count), 0) FROM headcount "
                          "WHERE activity_id = ?1 AND category_id = ?2",
                      activity_id, category_id, error);
}

gboolean
reach_activities_clear_headcount (ReachDb  *db,
                                  gint64    activity_id,
                                  gint64    category_id,
                                  GError  **error)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, "DELETE FROM headcount "
                                             "WHERE activity_id = ?1 AND category_id = ?2 "
                                             "RETURNING id", error);
  gint64 id;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, activity_id);
  sqlite3_bind_int64 (stmt, 2, category_id);
  if (!step_returning_id (db, stmt, &id, _("Could not clear a headcount"), error))
    return FALSE;

  return id == 0 || reach_audit (db, "headcount", id, "delete", error);
}

GArray *
reach_activities_list_headcounts (ReachDb  *db,
                                  gint64    activity_id,
                                  GError  **error)
{
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (ReachHeadcount));
  sqlite3_stmt *stmt = reach_db_prepare (db, "SELECT category_id, count FROM headcount "
                                             "WHERE activity_id = ?1 ORDER BY category_id", error);
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, activity_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_array_append_val (counts, ((ReachHeadcount) { sqlite3_column_int64 (stmt, 0),
                                                    sqlite3_column_int64 (stmt, 1) }));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not read headcounts"));
      return NULL;
    }

  return g_steal_pointer (&counts);
}

/* Venue recency */

static int
days_between (const char *date,
              GDateTime  *today)
{
  g_autoptr(GDateTime) then = NULL;
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *text = g_strconcat (date, "T00:00:00Z", NULL);

  then = g_date_time_new_from_iso8601 (text, NULL);
  day = g_date_time_new_utc (g_date_time_get_year (today), g_date_time_get_month (today),
                             g_date_time_get_day_of_month (today), 0, 0, 0);
  if (then == NULL || day == NULL)
    return 0;

  return (int) (g_date_time_difference (day, then) / G_TIME_SPAN_DAY);
}

GArray *
reach_activities_venue_recency (ReachDb    *db,
                                GDateTime  *today,
                                GError    **error)
{
  g_autoptr(GArray) uses = g_array_new (FALSE, TRUE, sizeof (ReachVenueUse));
  g_autofree char *before = day_after (today);
  sqlite3_stmt *stmt;
  int rc;

  stmt = reach_db_prepare (db, "SELECT place_id, max (substr (starts_at, 1, 10)), count(*)"
                               " FROM activity WHERE place_id IS NOT NULL"
                               " AND status <> 'cancelled' AND starts_at < ?1"
                               " GROUP BY place_id ORDER BY 2 DESC, place_id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, before, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ReachVenueUse use = { sqlite3_column_int64 (stmt, 0), "", 0, sqlite3_column_int (stmt, 2) };

      g_strlcpy (use.last_date, (const char *) sqlite3_column_text (stmt, 1), sizeof use.last_date);
      use.days_ago = days_between (use.last_date, today);
      g_array_append_val (uses, use);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not read venues"));
      return NULL;
    }

  return g_steal_pointer (&uses);
}
