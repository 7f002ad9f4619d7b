/* reach-activity-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every row is checked and resolved against the workspace before anything
 * is written, so a file with one bad line imports nothing and the message
 * names that line.
 */
#define G_LOG_DOMAIN "reach-activity-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "reach-activity.h"
#include "reach-activity-import.h"
#include "reach-csv.h"
#include "reach-places.h"

typedef struct
{
  gint64  activity_id;
  gint64  contact_id;
  char   *role;
  guint   line;
} Participation;

struct _ReachActivityImport
{
  GObject                  parent_instance;

  ReachActivityImportKind  kind;
  char                    *path;
  char                    *basename;
  GDateTime               *today;
  GPtrArray               *items;     /* ReachActivity */
  GArray                  *lines;     /* guint: the line of each item */
  GArray                  *participations;
  GPtrArray               *notes;     /* NULL-terminated */
};

G_DEFINE_TYPE (ReachActivityImport, reach_activity_import, G_TYPE_OBJECT)

static void
clear_participation (gpointer data)
{
  g_free (((Participation *) data)->role);
}

static void
reach_activity_import_finalize (GObject *object)
{
  ReachActivityImport *self = REACH_ACTIVITY_IMPORT (object);

  g_free (self->path);
  g_free (self->basename);
  g_clear_pointer (&self->today, g_date_time_unref);
  g_ptr_array_unref (self->items);
  g_array_unref (self->lines);
  g_array_unref (self->participations);
  g_ptr_array_unref (self->notes);

  G_OBJECT_CLASS (reach_activity_import_parent_class)->finalize (object);
}

static void
reach_activity_import_class_init (ReachActivityImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = reach_activity_import_finalize;
}

static void
reach_activity_import_init (ReachActivityImport *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  self->participations = g_array_new (FALSE, TRUE, sizeof (Participation));
  g_array_set_clear_func (self->participations, clear_participation);
  self->notes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->notes, NULL);
}

ReachActivityImport *
reach_activity_import_new (ReachActivityImportKind  kind,
                           const char              *path)
{
  ReachActivityImport *self = g_object_new (REACH_TYPE_ACTIVITY_IMPORT, NULL);

  self->kind = kind;
  self->path = g_strdup (path);
  self->basename = g_path_get_basename (path);
  return self;
}

void
reach_activity_import_set_today (ReachActivityImport *self,
                                 GDateTime           *today)
{
  g_clear_pointer (&self->today, g_date_time_unref);
  self->today = today != NULL ? g_date_time_ref (today) : NULL;
}

guint
reach_activity_import_get_n_items (ReachActivityImport *self)
{
  return self->kind == REACH_ACTIVITY_IMPORT_ACTIVITIES ? self->items->len
                                                        : self->participations->len;
}

const char * const *
reach_activity_import_get_notes (ReachActivityImport *self)
{
  return (const char * const *) self->notes->pdata;
}

GPtrArray *
reach_activity_import_get_items (ReachActivityImport *self)
{
  return self->items;
}

G_GNUC_PRINTF (2, 3)
static void
add_note (ReachActivityImport *self,
          const char          *format,
          ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_insert (self->notes, self->notes->len - 1, g_strdup_vprintf (format, args));
  va_end (args);
}

static void
reset (ReachActivityImport *self)
{
  g_ptr_array_set_size (self->items, 0);
  g_array_set_size (self->lines, 0);
  g_array_set_size (self->participations, 0);
  g_ptr_array_set_size (self->notes, 0);
  g_ptr_array_add (self->notes, NULL);
}

/* Columns */

enum {
  COL_TITLE, COL_TYPE, COL_DATE, COL_END, COL_VENUE, COL_RUNG, COL_AREAS, COL_STATUS,
  COL_STAGE, COL_PROVISIONS, COL_RECIPROCITY, COL_NOTES,
  COL_ACTIVITY, COL_ACTIVITY_ID, COL_CONTACT, COL_EMAIL, COL_CONTACT_ID, COL_ROLE,
  N_COLS
};

/* Header names each column answers to, after folding case and turning
 * spaces and hyphens into underscores. */
static const char * const column_names[N_COLS] = {
  [COL_TITLE] = "title activity_title name",
  [COL_TYPE] = "type activity_type kind",
  [COL_DATE] = "date starts_at start starts when",
  [COL_END] = "end ends_at ends end_date",
  [COL_VENUE] = "venue venue_name place",
  [COL_RUNG] = "rung ladder_rung ladder ladder_of_participation",
  [COL_AREAS] = "areas area area_codes",
  [COL_STATUS] = "status",
  [COL_STAGE] = "stage coproduction_stage co_production_stage",
  [COL_PROVISIONS] = "provisions access_provisions access",
  [COL_RECIPROCITY] = "reciprocity",
  [COL_NOTES] = "notes",
  [COL_ACTIVITY] = "activity",
  [COL_ACTIVITY_ID] = "activity_id",
  [COL_CONTACT] = "contact",
  [COL_EMAIL] = "contact_email email",
  [COL_CONTACT_ID] = "contact_id",
  [COL_ROLE] = "role",
};

typedef struct
{
  int index[N_COLS];   /* -1 when absent */
} Columns;

static char *
fold_header (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));
  char *folded = g_utf8_strdown (stripped, -1);

  g_strdelimit (folded, " -", '_');
  return folded;
}

static void
find_columns (const ReachCsvRow *header,
              Columns           *cols)
{
  for (guint c = 0; c < N_COLS; c++)
    {
      g_auto(GStrv) names = g_strsplit (column_names[c], " ", -1);

      cols->index[c] = -1;
      for (guint f = 0; f < header->n_fields && cols->index[c] < 0; f++)
        {
          g_autofree char *name = fold_header (header->fields[f]);

          if (g_strv_contains ((const char * const *) names, name))
            cols->index[c] = f;
        }
    }
}

/* The trimmed field, or NULL when the column is absent or the field empty. */
static char *
field (const ReachCsvRow *row,
       const Columns     *cols,
       int                col)
{
  int i = cols->index[col];
  char *text;

  if (i < 0 || (guint) i >= row->n_fields)
    return NULL;

  text = g_strstrip (g_strdup (row->fields[i]));
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

G_GNUC_PRINTF (4, 5)
static gboolean
row_error (ReachActivityImport  *self,
           const ReachCsvRow    *row,
           GError              **error,
           const char           *format,
           ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_INVALID,
               _("%s line %u: %s"), self->basename, row->line, problem);
  return FALSE;
}

static ReachCsv *
load_csv (ReachActivityImport  *self,
          GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ReachCsv) csv = reach_csv_load (self->path, &local_error);

  if (csv == NULL)
    {
      g_set_error_literal (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_FORMAT,
                           local_error->message);
      return NULL;
    }

  if (reach_csv_get_n_rows (csv) == 0)
    {
      g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_EMPTY,
                   _("%s is empty"), self->basename);
      return NULL;
    }

  return g_steal_pointer (&csv);
}

static gboolean
require_rows (ReachActivityImport  *self,
              ReachCsv             *csv,
              GError              **error)
{
  if (reach_csv_get_n_rows (csv) > 1)
    return TRUE;

  g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_EMPTY,
               _("%s has a header but no rows"), self->basename);
  return FALSE;
}

static gboolean
require_column (ReachActivityImport  *self,
                ReachCsv             *csv,
                const Columns        *cols,
                int                   col,
                int                   or_col,
                GError              **error)
{
  const ReachCsvRow *header = reach_csv_get_row (csv, 0);

  if (cols->index[col] >= 0 || (or_col >= 0 && cols->index[or_col] >= 0))
    return TRUE;

  {
    g_autofree char *first = g_strndup (column_names[col], strcspn (column_names[col], " "));

    return row_error (self, header, error, _("there is no “%s” column (Reach looks for: %s)"),
                      first, column_names[col]);
  }
}

/* Dates: "2025-03-04", "2025-03-04 18:30", "2025-03-04T18:30:00Z",
 * "04/03/2025", "04/03/2025 18:30".  A clock time is UK local time. */
static GDateTime *
parse_when (const char *text)
{
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  int y = 0, m = 0, d = 0, hh = 0, mm = 0, n;
  char rest[2];

  if (strchr (text, 'T') != NULL)
    {
      g_autoptr(GTimeZone) tz = london != NULL ? g_time_zone_ref (london) : g_time_zone_new_utc ();
      return g_date_time_new_from_iso8601 (text, tz);
    }

  if (sscanf (text, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 ||
      sscanf (text, "%2d/%2d/%4d%n", &d, &m, &y, &n) == 3)
    {
      const char *time = text + n;

      if (*time == '\0')
        return g_date_time_new_utc (y, m, d, 0, 0, 0);
      if (sscanf (time, " %2d:%2d%1s", &hh, &mm, rest) == 2 && y > 999)
        {
          g_autoptr(GTimeZone) tz = london != NULL ? g_time_zone_ref (london) : g_time_zone_new_utc ();
          return g_date_time_new (tz, y, m, d, hh, mm, 0);
        }
    }

  return NULL;
}

static gboolean
read_when (ReachActivityImport  *self,
           const ReachCsvRow    *row,
           const char           *text,
           GDateTime           **when,
           GError              **error)
{
  *when = parse_when (text);
  if (*when != NULL && g_date_time_get_year (*when) > 1900)
    return TRUE;

  g_clear_pointer (when, g_date_time_unref);
  return row_error (self, row, error,
                    _("“%s” is not a date (write 2025-03-04 or 04/03/2025, "
                      "with a time as 2025-03-04 18:30 if you like)"), text);
}

/* Lookups, read-only */

/* Place names folded to lower case → the place id; venues win over
 * other places with the same name.  SQLite's lower() knows only ASCII. */
static GHashTable *
load_venue_names (ReachDb  *db,
                  GError  **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = reach_db_prepare (db, "SELECT id, name FROM place "
                                             "ORDER BY is_venue DESC, id", error);
  int rc;

  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *name = g_strstrip (g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      char *folded = g_utf8_casefold (name, -1);

      if (g_hash_table_contains (names, folded))
        g_free (folded);
      else
        g_hash_table_insert (names, folded, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) },
                                                       sizeof (gint64)));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not look up venues"));
      return NULL;
    }

  return g_steal_pointer (&names);
}

static gboolean
find_venue (ReachActivityImport  *self,
            GHashTable           *venues,
            const ReachCsvRow    *row,
            const char           *name,
            gint64               *place_id,
            GError              **error)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  gint64 *id = g_hash_table_lookup (venues, folded);

  if (id == NULL)
    return row_error (self, row, error, _("there is no place called “%s” to be the venue"), name);

  *place_id = *id;
  return TRUE;
}

static gboolean
find_areas (ReachActivityImport  *self,
            ReachDb              *db,
            const ReachCsvRow    *row,
            const char           *text,
            ReachActivity        *activity,
            GError              **error)
{
  g_auto(GStrv) codes = g_strsplit_set (text, ";,", -1);

  for (guint i = 0; codes[i] != NULL; i++)
    {
      const char *code = g_strstrip (codes[i]);
      sqlite3_stmt *stmt;
      int rc;

      if (*code == '\0')
        continue;

      if (!(stmt = reach_db_prepare (db, "SELECT id FROM area WHERE code = upper (?1)", error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        reach_activity_add_area (activity, sqlite3_column_int64 (stmt, 0));
      sqlite3_reset (stmt);

      if (rc == SQLITE_DONE)
        return row_error (self, row, error, _("there is no area with the code “%s”"), code);
      if (rc != SQLITE_ROW)
        {
          reach_db_set_error (db, error, _("Could not look up areas"));
          return FALSE;
        }
    }

  return TRUE;
}

/* Activities */

static gboolean
read_enums (ReachActivityImport  *self,
            const ReachCsvRow    *row,
            const Columns        *cols,
            ReachActivity        *activity,
            GError              **error)
{
  g_autofree char *type = field (row, cols, COL_TYPE);
  g_autofree char *rung = field (row, cols, COL_RUNG);
  g_autofree char *stage = field (row, cols, COL_STAGE);
  g_autofree char *provisions = field (row, cols, COL_PROVISIONS);

  if (type != NULL && !reach_activity_type_from_string (type, &activity->type))
    return row_error (self, row, error, _("“%s” is not a type of activity (use survey, drop-in, "
                                          "workshop, focus-group, one-to-one, working-group, "
                                          "outreach-visit, event or online)"), type);
  if (rung != NULL && !reach_ladder_rung_from_string (rung, &activity->rung))
    return row_error (self, row, error, _("“%s” is not a rung of the ladder of participation "
                                          "(use coercion, educating, informing, consultation, "
                                          "engagement, co-design or co-production)"), rung);
  if (stage != NULL && !reach_stage_from_string (stage, &activity->stage))
    return row_error (self, row, error, _("“%s” is not a co-production stage (use "
                                          "co-commissioning, co-design, co-delivery or "
                                          "co-assessment)"), stage);
  if (provisions != NULL && !reach_provisions_from_string (provisions, &activity->provisions))
    return row_error (self, row, error, _("“%s” names an access provision Reach does not know"),
                      provisions);
  return TRUE;
}

static gboolean
read_status (ReachActivityImport  *self,
             const ReachCsvRow    *row,
             const Columns        *cols,
             ReachActivity        *activity,
             const char           *today,
             guint                *n_past,
             GError              **error)
{
  g_autofree char *status = field (row, cols, COL_STATUS);
  g_autofree char *day = NULL;

  if (status != NULL)
    {
      if (!reach_activity_status_from_string (status, &activity->status))
        return row_error (self, row, error, _("“%s” is not a status (use planned, done or "
                                              "cancelled)"), status);
      return TRUE;
    }

  day = g_date_time_format (activity->starts_at, "%Y-%m-%d");
  activity->status = strcmp (day, today) < 0 ? REACH_ACTIVITY_DONE : REACH_ACTIVITY_PLANNED;
  if (activity->status == REACH_ACTIVITY_DONE)
    (*n_past)++;
  return TRUE;
}

static ReachActivity *
read_activity (ReachActivityImport  *self,
               ReachDb              *db,
               GHashTable           *venues,
               const ReachCsvRow    *row,
               const Columns        *cols,
               const char           *today,
               guint                *n_past,
               GError              **error)
{
  g_autoptr(ReachActivity) activity = reach_activity_new ();
  g_autoptr(GDateTime) starts = NULL;
  g_autoptr(GDateTime) ends = NULL;
  g_autofree char *date = field (row, cols, COL_DATE);
  g_autofree char *end = field (row, cols, COL_END);
  g_autofree char *venue = field (row, cols, COL_VENUE);
  g_autofree char *areas = field (row, cols, COL_AREAS);
  g_autoptr(GError) local_error = NULL;

  activity->title = field (row, cols, COL_TITLE);
  activity->reciprocity = field (row, cols, COL_RECIPROCITY);
  activity->notes = field (row, cols, COL_NOTES);

  if (activity->title == NULL)
    {
      row_error (self, row, error, _("the title is missing"));
      return NULL;
    }
  if (date == NULL)
    {
      row_error (self, row, error, _("the date is missing"));
      return NULL;
    }

  if (!read_when (self, row, date, &starts, error) ||
      (end != NULL && !read_when (self, row, end, &ends, error)) ||
      !read_enums (self, row, cols, activity, error) ||
      (venue != NULL && !find_venue (self, venues, row, venue, &activity->place_id, error)) ||
      (areas != NULL && !find_areas (self, db, row, areas, activity, error)))
    return NULL;

  reach_activity_set_starts_at (activity, starts);
  reach_activity_set_ends_at (activity, ends);
  if (!read_status (self, row, cols, activity, today, n_past, error))
    return NULL;

  if (!reach_activity_validate (activity, &local_error))
    {
      row_error (self, row, error, "%s", local_error->message);
      return NULL;
    }

  return g_steal_pointer (&activity);
}

static gboolean
read_activities (ReachActivityImport  *self,
                 ReachDb              *db,
                 ReachCsv             *csv,
                 GError              **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (self->today ? self->today : now, "%Y-%m-%d");
  g_autoptr(GHashTable) venues = NULL;
  Columns cols;
  guint n_venues = 0, n_past = 0;

  find_columns (reach_csv_get_row (csv, 0), &cols);
  if (!require_column (self, csv, &cols, COL_TITLE, -1, error) ||
      !require_column (self, csv, &cols, COL_DATE, -1, error) ||
      !require_rows (self, csv, error) ||
      !(venues = load_venue_names (db, error)))
    return FALSE;

  for (guint i = 1; i < reach_csv_get_n_rows (csv); i++)
    {
      const ReachCsvRow *row = reach_csv_get_row (csv, i);
      ReachActivity *activity = read_activity (self, db, venues, row, &cols, today, &n_past, error);

      if (activity == NULL)
        return FALSE;
      n_venues += activity->place_id > 0;
      g_ptr_array_add (self->items, activity);
      g_array_append_val (self->lines, row->line);
    }

  add_note (self, g_dngettext (GETTEXT_PACKAGE, "%u activity", "%u activities", self->items->len),
            self->items->len);
  add_note (self, g_dngettext (GETTEXT_PACKAGE, "%u venue matched to a place by name",
                               "%u venues matched to places by name", n_venues), n_venues);
  if (cols.index[COL_STATUS] < 0)
    add_note (self, _("No status column: %u activities before today will be marked done, "
                      "the others planned"), n_past);
  return TRUE;
}

/* Participation */

static gboolean
all_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isdigit (*text))
      return FALSE;
  return TRUE;
}

/* Runs a lookup that should find exactly one row. */
static gboolean
find_one (ReachActivityImport  *self,
          ReachDb              *db,
          const ReachCsvRow    *row,
          const char           *sql,
          const char           *value,
          gint64               *id,
          const char           *none,
          const char           *many,
          GError              **error)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, sql, error);
  guint n = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (n++ == 0)
      *id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      reach_db_set_error (db, error, _("Could not look up a row"));
      return FALSE;
    }

  if (n == 0)
    return row_error (self, row, error, none, value);
  if (n > 1)
    return row_error (self, row, error, many, value);
  return TRUE;
}

static gboolean
find_activity (ReachActivityImport  *self,
               ReachDb              *db,
               const ReachCsvRow    *row,
               const char           *value,
               gint64               *id,
               GError              **error)
{
  if (all_digits (value))
    return find_one (self, db, row, "SELECT id FROM activity WHERE id = ?1", value, id,
                     _("there is no activity with the id %s"), "%s", error);

  return find_one (self, db, row, "SELECT id FROM activity WHERE title = ?1", value, id,
                   _("there is no activity titled “%s”"),
                   _("more than one activity is titled “%s”: use its id"), error);
}

static gboolean
find_contact (ReachActivityImport  *self,
              ReachDb              *db,
              const ReachCsvRow    *row,
              const char           *value,
              gint64               *id,
              GError              **error)
{
  if (all_digits (value))
    return find_one (self, db, row, "SELECT id FROM contact WHERE id = ?1", value, id,
                     _("there is no contact with the id %s"), "%s", error);

  if (strchr (value, '@') != NULL)
    return find_one (self, db, row, "SELECT id FROM contact WHERE lower (trim (email)) = lower (?1)",
                     value, id, _("there is no contact with the email address %s"),
                     _("more than one contact has the email address %s: use the contact’s id"),
                     error);

  return row_error (self, row, error, _("“%s” is neither a contact’s email address nor an id"),
                    value);
}

static gboolean
already_recorded (ReachDb *db,
                  gint64   activity_id,
                  gint64   contact_id)
{
  sqlite3_stmt *stmt = reach_db_prepare (db, "SELECT 1 FROM participation "
                                             "WHERE activity_id = ?1 AND contact_id = ?2", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, activity_id);
  sqlite3_bind_int64 (stmt, 2, contact_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static gboolean
read_participation_row (ReachActivityImport  *self,
                        ReachDb              *db,
                        const ReachCsvRow    *row,
                        const Columns        *cols,
                        GHashTable           *seen,
                        guint                *n_repeated,
                        GError              **error)
{
  g_autofree char *activity = field (row, cols, COL_ACTIVITY);
  g_autofree char *activity_id = field (row, cols, COL_ACTIVITY_ID);
  g_autofree char *contact = field (row, cols, COL_CONTACT);
  g_autofree char *email = field (row, cols, COL_EMAIL);
  g_autofree char *contact_id = field (row, cols, COL_CONTACT_ID);
  const char *which_activity = activity ? activity : activity_id;
  const char *which_contact = contact ? contact : email ? email : contact_id;
  Participation p = { 0, 0, NULL, row->line };
  g_autofree char *key = NULL;

  if (which_activity == NULL)
    return row_error (self, row, error, _("the activity is missing"));
  if (which_contact == NULL)
    return row_error (self, row, error, _("the contact is missing"));

  if (!find_activity (self, db, row, which_activity, &p.activity_id, error) ||
      !find_contact (self, db, row, which_contact, &p.contact_id, error))
    return FALSE;

  key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, p.activity_id, p.contact_id);
  if (!g_hash_table_add (seen, g_steal_pointer (&key)) ||
      already_recorded (db, p.activity_id, p.contact_id))
    {
      (*n_repeated)++;
      return TRUE;
    }

  p.role = field (row, cols, COL_ROLE);
  g_array_append_val (self->participations, p);
  return TRUE;
}

static gboolean
read_participation (ReachActivityImport  *self,
                    ReachDb              *db,
                    ReachCsv             *csv,
                    GError              **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) activities = g_hash_table_new (g_int64_hash, g_int64_equal);
  Columns cols;
  guint n_repeated = 0;

  find_columns (reach_csv_get_row (csv, 0), &cols);
  if (!require_column (self, csv, &cols, COL_ACTIVITY, COL_ACTIVITY_ID, error) ||
      !require_column (self, csv, &cols, COL_CONTACT,
                       cols.index[COL_EMAIL] >= 0 ? COL_EMAIL : COL_CONTACT_ID, error) ||
      !require_rows (self, csv, error))
    return FALSE;

  for (guint i = 1; i < reach_csv_get_n_rows (csv); i++)
    if (!read_participation_row (self, db, reach_csv_get_row (csv, i), &cols, seen,
                                 &n_repeated, error))
      return FALSE;

  for (guint i = 0; i < self->participations->len; i++)
    g_hash_table_add (activities, &g_array_index (self->participations, Participation, i).activity_id);

  add_note (self, _("%u participants at %u activities"), self->participations->len,
            g_hash_table_size (activities));
  if (n_repeated > 0)
    add_note (self, g_dngettext (GETTEXT_PACKAGE,
                                 "%u row repeats a participation already recorded: it is skipped",
                                 "%u rows repeat a participation already recorded: they are skipped",
                                 n_repeated), n_repeated);
  return TRUE;
}

gboolean
reach_activity_import_read (ReachActivityImport  *self,
                            ReachDb              *db,
                            GError              **error)
{
  g_autoptr(ReachCsv) csv = NULL;
  gboolean ok;

  reset (self);
  if (!(csv = load_csv (self, error)))
    return FALSE;

  if (self->kind == REACH_ACTIVITY_IMPORT_ACTIVITIES)
    ok = read_activities (self, db, csv, error);
  else
    ok = read_participation (self, db, csv, error);

  if (!ok)
    reset (self);
  return ok;
}

static gboolean
commit_items (ReachActivityImport  *self,
              ReachDb              *db,
              GError              **error)
{
  g_autoptr(GError) local_error = NULL;

  for (guint i = 0; i < self->items->len; i++)
    {
      if (!reach_activities_insert (db, g_ptr_array_index (self->items, i), &local_error))
        {
          g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_INVALID, _("%s line %u: %s"),
                       self->basename, g_array_index (self->lines, guint, i), local_error->message);
          return FALSE;
        }
    }

  for (guint i = 0; i < self->participations->len; i++)
    {
      Participation *p = &g_array_index (self->participations, Participation, i);

      if (!reach_activities_add_participant (db, p->activity_id, p->contact_id, p->role, &local_error))
        {
          g_set_error (error, REACH_IMPORT_ERROR, REACH_IMPORT_ERROR_INVALID, _("%s line %u: %s"),
                       self->basename, p->line, local_error->message);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
reach_activity_import_commit (ReachActivityImport  *self,
                              ReachDb              *db,
                              GError              **error)
{
  if (!reach_db_begin (db, error))
    return FALSE;

  if (!commit_items (self, db, error))
    {
      reach_db_rollback (db);
      /* the ids given on a failed insert mean nothing now */
      for (guint i = 0; i < self->items->len; i++)
        ((ReachActivity *) g_ptr_array_index (self->items, i))->id = 0;
      return FALSE;
    }

  if (!reach_audit (db, self->kind == REACH_ACTIVITY_IMPORT_ACTIVITIES ? "activity" : "participation",
                    0, "import", error))
    {
      reach_db_rollback (db);
      return FALSE;
    }

  return reach_db_commit (db, error);
}
