/* reach-about.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *reach_about_window_new (GtkWindow *parent);
void       reach_about_show       (GtkWindow *parent);

G_END_DECLS
