/* reach-import-dialog.h — import places or areas from a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "reach-db.h"
#include "reach-import.h"

G_BEGIN_DECLS

#define REACH_TYPE_IMPORT_DIALOG (reach_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ReachImportDialog, reach_import_dialog, REACH, IMPORT_DIALOG, AdwWindow)

/* A modal window over parent.  Present it with gtk_window_present(): unless
 * a file was set, it then asks for one.  It reads the file in a thread,
 * shows what it found, and writes on "Import"; "imported" (guint n_items)
 * fires after the items were committed, then the dialog closes. */
GtkWidget  *reach_import_dialog_new      (GtkWindow         *parent,
                                          ReachDb           *db,
                                          ReachImportKind    kind);

/* Reads path at once, skipping the file chooser (tests use it too). */
void        reach_import_dialog_set_file (ReachImportDialog *self,
                                          const char        *path);

/* The page shown: "choose", "progress", "summary" or "error". */
const char *reach_import_dialog_get_page (ReachImportDialog *self);

G_END_DECLS
