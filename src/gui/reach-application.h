/* reach-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define REACH_TYPE_APPLICATION (reach_application_get_type ())
G_DECLARE_FINAL_TYPE (ReachApplication, reach_application, REACH, APPLICATION, AdwApplication)

ReachApplication *reach_application_new (void);

G_END_DECLS
