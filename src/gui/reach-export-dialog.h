/* reach-export-dialog.h — Export Map… and Export Report…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A modal window that asks what to export (format, paper, orientation,
 * resolution, title, extent; or the report's period and scope), then where,
 * and writes the file in a worker thread through a connection of its own
 * to the workspace file.  Success closes it with an "Exported …" toast on
 * the window's toast overlay; an error stays in the dialog as a toast.
 */
#pragma once

#include <adwaita.h>

#include "reach-db.h"
#include "reach-geometry.h"
#include "reach-map-export.h"

G_BEGIN_DECLS

typedef enum
{
  REACH_EXPORT_MAP,
  REACH_EXPORT_REPORT,
} ReachExportKind;

#define REACH_TYPE_EXPORT_DIALOG (reach_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ReachExportDialog, reach_export_dialog, REACH, EXPORT_DIALOG, AdwWindow)

/* view: the map's current extent (NULL: the whole workspace); toasts: where
 * "Exported …" is shown once the dialog has closed (may be NULL). */
GtkWidget  *reach_export_dialog_new          (GtkWindow         *parent,
                                              ReachDb           *db,
                                              ReachExportKind    kind,
                                              const ReachBBox   *view,
                                              AdwToastOverlay   *toasts);

/* For tests, and for anything that drives the dialog from outside. */
void        reach_export_dialog_set_format   (ReachExportDialog *self,
                                              ReachMapFormat     format);
void        reach_export_dialog_set_paper    (ReachExportDialog *self,
                                              const char        *paper);
void        reach_export_dialog_set_landscape (ReachExportDialog *self,
                                               gboolean           landscape);
void        reach_export_dialog_set_dpi      (ReachExportDialog *self,
                                              int                dpi);
void        reach_export_dialog_set_title    (ReachExportDialog *self,
                                              const char        *title);
/* One area's extent (a ward, MSOA or local authority of the workspace),
 * or the current view for NULL; FALSE when there is no such area. */
gboolean    reach_export_dialog_set_area     (ReachExportDialog *self,
                                              const char        *area_code);
void        reach_export_dialog_set_period   (ReachExportDialog *self,
                                              const char        *from,
                                              const char        *to);
/* What the map shows: places, and areas as boundaries or as the
 * choropleth of people reached per 1,000 residents (over the period). */
void        reach_export_dialog_set_layers   (ReachExportDialog *self,
                                              ReachMapLayers     layers);
ReachMapLayers reach_export_dialog_get_layers (ReachExportDialog *self);
/* Writes to path at once, skipping the file chooser.  "finished"
 * (const char *path, gpointer error: a GError or NULL) says how it went. */
void        reach_export_dialog_export_to    (ReachExportDialog *self,
                                              const char        *path);

G_END_DECLS
