/* reach-print.h — printing the map page through the GTK print dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The printed page is the exported PDF's page: the same
 * reach_map_export_draw(), on the paper and orientation asked for, with
 * the whole sheet as the page (the layout keeps its own margins).
 */
#pragma once

#include <gtk/gtk.h>

#include "reach-db.h"
#include "reach-map-export.h"

G_BEGIN_DECLS

/* Shows the print dialog over parent and prints one page.  db is used on
 * the main thread while the page is drawn.  With export_path set, no
 * dialog is shown: the page goes to that PDF through the print machinery
 * (GTK_PRINT_OPERATION_ACTION_EXPORT; tests use it). */
gboolean    reach_print_map     (GtkWindow                   *parent,
                                 ReachDb                     *db,
                                 const ReachMapExportOptions *options,
                                 const char                  *export_path,
                                 GError                     **error);

G_END_DECLS
