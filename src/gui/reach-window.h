/* reach-window.h — the main window: places, their details and the map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <shumate/shumate.h>

#include "reach-application.h"
#include "reach-db.h"
#include "reach-place.h"

G_BEGIN_DECLS

#define REACH_TYPE_WINDOW (reach_window_get_type ())
G_DECLARE_FINAL_TYPE (ReachWindow, reach_window, REACH, WINDOW, AdwApplicationWindow)

ReachWindow      *reach_window_new                 (ReachApplication *app);

/* Shows db in the window and remembers its path as the last workspace. */
void              reach_window_set_db              (ReachWindow      *self,
                                                    ReachDb          *db);
ReachDb          *reach_window_get_db              (ReachWindow      *self);

/* Opens the workspace at path; on failure the window is left as it was. */
gboolean          reach_window_open_workspace      (ReachWindow      *self,
                                                    const char       *path,
                                                    GError          **error);
/* The same, telling the user in a dialog when it fails. */
void              reach_window_open_workspace_or_report (ReachWindow *self,
                                                         const char  *path);
void              reach_window_open_demo           (ReachWindow      *self);
/* Reopens the last workspace, or shows the first-run page. */
void              reach_window_restore_last        (ReachWindow      *self);

/* For tests, and for anything that drives the window from outside. */
GListModel       *reach_window_get_places_model    (ReachWindow      *self);
gboolean          reach_window_select_place        (ReachWindow      *self,
                                                    gint64            id);
ReachPlace       *reach_window_get_selected_place  (ReachWindow      *self);
GtkWidget        *reach_window_get_details         (ReachWindow      *self);
ShumateSimpleMap *reach_window_get_map             (ReachWindow      *self);
void              reach_window_set_search          (ReachWindow      *self,
                                                    const char       *text);
void              reach_window_reload              (ReachWindow      *self);

/* The pages: "map", "contacts", "groups", "activities", "feedback". */
void              reach_window_set_page            (ReachWindow      *self,
                                                    const char       *name);
const char       *reach_window_get_page            (ReachWindow      *self);
AdwViewStack     *reach_window_get_view_stack      (ReachWindow      *self);
GtkWidget        *reach_window_get_contacts_view   (ReachWindow      *self);
/* Contacts with a location; hidden until win.show-people is on. */
ShumateLayer     *reach_window_get_people_layer    (ReachWindow      *self);

G_END_DECLS
