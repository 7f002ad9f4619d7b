/* reach-demo-people.h — the fictional people of the Leeds demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Contacts, community groups, activities, participation, headcounts and
 * feedback, all made up and the same on every build for the same @today.
 * Needs the demo's areas and library venues in @db already.
 */
#pragma once

#include "reach-db.h"

G_BEGIN_DECLS

gboolean reach_demo_people_build (ReachDb    *db,
                                  GDateTime  *today,
                                  GError    **error);

G_END_DECLS
