/* reach-schema.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int         reach_schema_n_migrations (void);
const char *reach_schema_migration    (int i);

G_END_DECLS
