/* reach-import.h — places and areas from CSV and GeoJSON files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import happens in two steps.  reach_import_read() parses and checks the
 * whole file without touching a workspace (safe to run in a thread) and
 * leaves a summary for the user; reach_import_commit() then writes every
 * item in one transaction, or nothing.
 */
#pragma once

#include "reach-area.h"
#include "reach-db.h"
#include "reach-place.h"

G_BEGIN_DECLS

#define REACH_IMPORT_ERROR (reach_import_error_quark ())
typedef enum
{
  REACH_IMPORT_ERROR_FORMAT,      /* not CSV/GeoJSON, not UTF-8, broken syntax */
  REACH_IMPORT_ERROR_INVALID,     /* a row or feature is wrong: message names it */
  REACH_IMPORT_ERROR_UNSUPPORTED, /* a valid file with nothing Reach can use */
  REACH_IMPORT_ERROR_EMPTY,
} ReachImportError;

typedef enum
{
  REACH_IMPORT_PLACES,
  REACH_IMPORT_AREAS,
} ReachImportKind;

typedef void (*ReachProgressFunc) (double   fraction,
                                   gpointer user_data);

#define REACH_TYPE_IMPORT (reach_import_get_type ())
G_DECLARE_FINAL_TYPE (ReachImport, reach_import, REACH, IMPORT, GObject)

GQuark        reach_import_error_quark         (void);

/* The format is told by the file's content and extension (.csv, .geojson, .json). */
ReachImport  *reach_import_new                 (ReachImportKind     kind,
                                                const char         *path);

/* Places only: the category for rows or features that name none (or one
 * Reach does not know); Associations and groups unless set. */
void          reach_import_set_default_category (ReachImport       *self,
                                                 ReachPlaceCategory category);

/* Areas only: the level, and the properties holding code and name
 * (NULL, the default, detects them: area_code, LSOA21CD, ward22_code, …).
 * With no level set, the codes tell it (E05… ward, E01… LSOA, E02… MSOA,
 * E06…–E09… local authority) or reading fails with ..._UNSUPPORTED. */
void          reach_import_set_area_level      (ReachImport        *self,
                                                ReachAreaLevel      level);
void          reach_import_set_code_property   (ReachImport        *self,
                                                const char         *property);
void          reach_import_set_name_property   (ReachImport        *self,
                                                const char         *property);

/* Parses and checks everything; writes nothing.  The error names the file,
 * the line or feature, and the problem. */
gboolean      reach_import_read                (ReachImport        *self,
                                                GCancellable       *cancellable,
                                                ReachProgressFunc   progress,
                                                gpointer            progress_data,
                                                GError            **error);

/* After a successful read: */
guint         reach_import_get_n_items         (ReachImport        *self);
/* Plain-language lines for the summary: what was found and how it was read,
 * e.g. "Coordinates from columns “lat” and “lng”", "3 rows have no category:
 * they will be Associations and groups". */
const char * const *reach_import_get_notes     (ReachImport        *self);
/* Areas: every property name seen on the features, to choose code and name from. */
const char * const *reach_import_get_properties (ReachImport       *self);
const char   *reach_import_get_code_property   (ReachImport        *self);
const char   *reach_import_get_name_property   (ReachImport        *self);
/* What was read: ReachPlace or ReachArea objects, owned by the import
 * (for a preview; commit writes them). */
GPtrArray    *reach_import_get_items           (ReachImport        *self);

/* Writes every item in one transaction; on any failure nothing is written. */
gboolean      reach_import_commit              (ReachImport        *self,
                                                ReachDb            *db,
                                                GCancellable       *cancellable,
                                                ReachProgressFunc   progress,
                                                gpointer            progress_data,
                                                GError            **error);

G_END_DECLS
