/* reach-preferences.h — the Preferences window: the workspace's small-numbers rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "reach-db.h"

G_BEGIN_DECLS

#define REACH_TYPE_PREFERENCES (reach_preferences_get_type ())
G_DECLARE_FINAL_TYPE (ReachPreferences, reach_preferences, REACH, PREFERENCES, AdwPreferencesWindow)

/* Settings kept in the workspace db (not in GSettings): they travel with
 * the file, so every export from it follows the same rule. */
GtkWidget *reach_preferences_new           (GtkWindow        *parent,
                                            ReachDb          *db);
/* The "Hide counts below" spin button, for tests. */
GtkSpinButton *reach_preferences_get_threshold_spin (ReachPreferences *self);

/* The saved views listed (for tests), and the same edits as the rows make. */
guint          reach_preferences_get_n_views        (ReachPreferences *self);
void           reach_preferences_remove_view        (ReachPreferences *self,
                                                     guint             index);
void           reach_preferences_rename_view        (ReachPreferences *self,
                                                     guint             index,
                                                     const char       *name);

G_END_DECLS
