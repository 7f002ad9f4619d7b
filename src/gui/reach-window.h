/* reach-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "reach-application.h"

G_BEGIN_DECLS

#define REACH_TYPE_WINDOW (reach_window_get_type ())
G_DECLARE_FINAL_TYPE (ReachWindow, reach_window, REACH, WINDOW, AdwApplicationWindow)

ReachWindow *reach_window_new (ReachApplication *app);

G_END_DECLS
