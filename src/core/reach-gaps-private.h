/* reach-gaps-private.h — shared by the gap analysis and the ladder summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "reach-gaps.h"

G_BEGIN_DECLS

/* Checks from/to ("YYYY-MM-DD" or NULL) and returns the SQL condition on
 * activity "a" that keeps its activities: not cancelled, in the period
 * (undated ones only when the period is open at both ends). */
char *reach_gaps_period_condition (const char  *from,
                                   const char  *to,
                                   GError     **error);

G_END_DECLS
