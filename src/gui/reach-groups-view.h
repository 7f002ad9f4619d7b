/* reach-groups-view.h — the groups page of the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "reach-db.h"

G_BEGIN_DECLS

#define REACH_TYPE_GROUPS_VIEW (reach_groups_view_get_type ())
G_DECLARE_FINAL_TYPE (ReachGroupsView, reach_groups_view, REACH, GROUPS_VIEW, GtkWidget)

GtkWidget *reach_groups_view_new    (void);

/* Shows what db holds, read when the page comes on screen (and again each
 * time it does); db NULL empties the page.  The view keeps a ref. */
void       reach_groups_view_set_db (ReachGroupsView *self,
                                     ReachDb         *db);

G_END_DECLS
