/* reach-workspace.h — opening, creating and naming workspace files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "reach-db.h"

G_BEGIN_DECLS

#define REACH_WORKSPACE_ERROR (reach_workspace_error_quark ())

typedef enum
{
  REACH_WORKSPACE_ERROR_MISSING,
  REACH_WORKSPACE_ERROR_CREATE,
} ReachWorkspaceError;

GQuark       reach_workspace_error_quark (void);

/* $XDG_DATA_HOME/reach/demo.reach */
char        *reach_workspace_demo_path   (void);

/* Opens an existing workspace; a missing file is an error, not a new one. */
ReachDb     *reach_workspace_open        (const char  *path,
                                          GError     **error);

/* A new, empty workspace at path.  Whatever was there is replaced: the
 * file chooser has already asked the user. */
ReachDb     *reach_workspace_create      (const char  *path,
                                          GError     **error);

/* Opens the demo workspace, building it first if it is not there yet
 * (from reach_data_dir(): $REACH_DATA_DIR or the installed data). */
ReachDb     *reach_workspace_open_demo   (GError     **error);

/* The name to show: the workspace's "title" setting, else the file name
 * without its extension. */
char        *reach_workspace_dup_name    (ReachDb     *db);

/* The folder of the file, with the home folder shown as ~. */
char        *reach_workspace_dup_location (ReachDb    *db);

G_END_DECLS
