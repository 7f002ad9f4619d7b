/* reach-contact-export.h — contacts to CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per contact with an id column first and every contact field, in
 * the column names reach-contact-import reads back.  Equality answers
 * (special category data) are written only when asked for, as one column
 * per characteristic holding the category label.
 */
#pragma once

#include "reach-db.h"

G_BEGIN_DECLS

/* Writes the file (replacing it); returns the number of contacts or -1. */
gint64  reach_contacts_export_csv  (ReachDb     *db,
                                    const char  *path,
                                    gboolean     with_equality,
                                    GError     **error);
/* The same text, for tests and the clipboard. */
char   *reach_contacts_to_csv      (ReachDb     *db,
                                    gboolean     with_equality,
                                    GError     **error);

G_END_DECLS
