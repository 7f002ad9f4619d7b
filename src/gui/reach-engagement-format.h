/* reach-engagement-format.h — dates and small labels the engagement pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates are stored as ISO 8601 and shown the way people write them
 * ("12 March 2026").
 */
#pragma once

#include <glib.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "reach-group.h"

G_BEGIN_DECLS

/* "12 March 2026" for a date; NULL gives NULL. */
static inline char *
reach_format_human_date (GDateTime *when)
{
  if (when == NULL)
    return NULL;
  return g_date_time_format (when, "%-d %B %Y");
}

/* "2026-03-12" → "12 March 2026"; other text is returned as it is. */
static inline char *
reach_format_iso_date (const char *iso)
{
  int y, m, d;
  g_autoptr(GDateTime) when = NULL;

  if (iso == NULL || *iso == '\0')
    return NULL;
  if (sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return g_strdup (iso);
  when = g_date_time_new_utc (y, m, d, 0, 0, 0);
  if (when == NULL)
    return g_strdup (iso);
  return reach_format_human_date (when);
}

/* "2026-03-12" → a UTC midnight GDateTime, or NULL when it is not a date. */
static inline GDateTime *
reach_parse_iso_date (const char *text)
{
  int y, m, d;
  char extra;

  if (text == NULL)
    return NULL;
  while (g_ascii_isspace (*text))
    text++;
  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3)
    return NULL;
  if (!g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_time_new_utc (y, m, d, 0, 0, 0);
}

/* "Last activity 12 March 2026 · 7 people at 3 activities" */
static inline char *
reach_group_evidence_text (const ReachGroupReach *reach)
{
  g_autofree char *last = NULL;
  g_autofree char *people = NULL;

  if (reach->n_activities == 0)
    return g_strdup (_("No activity has reached this group in the last 12 months"));

  last = reach_format_iso_date (reach->last_activity_date);
  people = g_strdup_printf (g_dngettext (NULL, "%u person", "%u people", reach->n_people),
                            reach->n_people);
  return g_strdup_printf (g_dngettext (NULL,
                                       "Last activity %s · %s at %u activity",
                                       "Last activity %s · %s at %u activities",
                                       reach->n_activities),
                          last != NULL ? last : _("date not known"),
                          people, reach->n_activities);
}

/* An icon and a style class for each status: colour is never the only sign. */
static inline const char *
reach_group_status_icon (ReachGroupStatus status)
{
  switch (status)
    {
    case REACH_GROUP_STATUS_REACHED:
      return "emblem-ok-symbolic";
    case REACH_GROUP_STATUS_UNDER_REPRESENTED:
      return "dialog-warning-symbolic";
    case REACH_GROUP_STATUS_NOT_YET_REACHED:
    case REACH_N_GROUP_STATUSES:
    default:
      return "action-unavailable-symbolic";
    }
}

static inline const char *
reach_group_status_css (ReachGroupStatus status)
{
  switch (status)
    {
    case REACH_GROUP_STATUS_REACHED:
      return "success";
    case REACH_GROUP_STATUS_UNDER_REPRESENTED:
      return "warning";
    case REACH_GROUP_STATUS_NOT_YET_REACHED:
    case REACH_N_GROUP_STATUSES:
    default:
      return "error";
    }
}

G_END_DECLS
