/* reach-activity-import.h — activities and participation from CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Activities: columns title and date are needed; type, venue (a place's
 * name, any case), rung (a ladder rung), areas (area codes separated by ';'
 * or ','), end, status, stage, provisions, reciprocity and notes may be
 * given.  A date is YYYY-MM-DD or DD/MM/YYYY, optionally with a time HH:MM
 * (UK local time); a date alone is stored as 00:00 UTC of that day.
 * Participation: columns activity (an id or an exact title) and contact
 * (an email or an id), or contact_email / contact_id; optional role.
 *
 * As with places: reach_activity_import_read() checks the whole file
 * against the workspace without writing; reach_activity_import_commit()
 * writes everything in one transaction, or nothing.  Errors are in the
 * REACH_IMPORT_ERROR domain and name the file, the line and the problem.
 */
#pragma once

#include "reach-db.h"
#include "reach-import.h"

G_BEGIN_DECLS

typedef enum
{
  REACH_ACTIVITY_IMPORT_ACTIVITIES,
  REACH_ACTIVITY_IMPORT_PARTICIPATION,
} ReachActivityImportKind;

#define REACH_TYPE_ACTIVITY_IMPORT (reach_activity_import_get_type ())
G_DECLARE_FINAL_TYPE (ReachActivityImport, reach_activity_import, REACH, ACTIVITY_IMPORT, GObject)

ReachActivityImport *reach_activity_import_new       (ReachActivityImportKind  kind,
                                                      const char              *path);
/* Activities without a status column: those that start before @today's
 * date are done, the others planned.  Unset, it is the current date. */
void                 reach_activity_import_set_today (ReachActivityImport     *self,
                                                      GDateTime               *today);
/* Reads the file and resolves venues, areas, activities and contacts in
 * @db; writes nothing. */
gboolean             reach_activity_import_read      (ReachActivityImport     *self,
                                                      ReachDb                 *db,
                                                      GError                 **error);
guint                reach_activity_import_get_n_items (ReachActivityImport   *self);
const char * const  *reach_activity_import_get_notes (ReachActivityImport     *self);
/* Activities: the ReachActivity objects read (owned by the import).
 * Participation: empty. */
GPtrArray           *reach_activity_import_get_items (ReachActivityImport     *self);
gboolean             reach_activity_import_commit    (ReachActivityImport     *self,
                                                      ReachDb                 *db,
                                                      GError                 **error);

G_END_DECLS
