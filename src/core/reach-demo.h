/* reach-demo.h — the bundled Leeds demo workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "reach-db.h"

G_BEGIN_DECLS

/* Where Reach's shipped data lives: $REACH_DATA_DIR when set (the build and
 * test scripts set it to the source tree's data/), else the installed copy. */
const char *reach_data_dir      (void);

/* Fills an empty workspace with the Leeds demo (wards, LSOAs, libraries,
 * Horsforth assets) in one transaction and marks it as a demo. */
gboolean    reach_demo_build    (ReachDb     *db,
                                 const char  *data_dir,
                                 GError     **error);

/* Opens the demo at path, building it first when the file does not exist. */
ReachDb    *reach_demo_open     (const char  *path,
                                 GError     **error);

G_END_DECLS
