/* reach-ladder.h — is it co-production or tokenism?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Over the activities of a period (not cancelled; undated ones only when the
 * period is open at both ends):
 *  - the share of activities, and of participation, at each rung of the
 *    ladder (plus "rung not recorded").  Participation is named participants
 *    plus, for each activity, its headcount (the largest total over the
 *    characteristics it counted, as every characteristic counts the same
 *    people);
 *  - "the usual suspects": the share of named participation that comes from
 *    the most frequent 10% of named participants (at least one person);
 *  - groups whose "you said" items were never fed back: each community
 *    group with feedback from the period's activities, how many items it
 *    raised and how many were never fed back (no fed-back date).
 */
#pragma once

#include "reach-activity.h"
#include "reach-db.h"

G_BEGIN_DECLS

typedef struct
{
  gint64   group_id;
  char    *name;
  guint    n_said;
  guint    n_not_fed_back;    /* n_not_fed_back == n_said: never fed back at all */
} ReachLadderGroup;

typedef struct
{
  guint      n_activities;
  /* index REACH_N_LADDER_RUNGS is "rung not recorded" */
  guint      activities_by_rung[REACH_N_LADDER_RUNGS + 1];
  double     activity_share[REACH_N_LADDER_RUNGS + 1];        /* NAN when no activities */
  gint64     n_participation;
  gint64     participation_by_rung[REACH_N_LADDER_RUNGS + 1];
  double     participation_share[REACH_N_LADDER_RUNGS + 1];   /* NAN when no participation */

  guint      n_participants;             /* distinct named people */
  guint      n_usual_suspects;           /* the most frequent 10%, rounded up */
  gint64     n_named_participation;
  double     usual_suspects_share;       /* NAN when nobody named took part */

  GArray    *groups_not_fed_back;        /* ReachLadderGroup with n_not_fed_back > 0, most first */
} ReachLadderSummary;

void                reach_ladder_summary_free (ReachLadderSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReachLadderSummary, reach_ladder_summary_free)

/* from/to "YYYY-MM-DD", inclusive, NULL for no limit; errors in REACH_GAPS_ERROR. */
ReachLadderSummary *reach_ladder_summarise    (ReachDb     *db,
                                               const char  *from,
                                               const char  *to,
                                               GError     **error);
/* The same for the activities that covered one of the scope's areas (or an
 * area inside one) or were held at a venue there; NULL or empty: everywhere. */
ReachLadderSummary *reach_ladder_summarise_in (ReachDb            *db,
                                               const char         *from,
                                               const char         *to,
                                               const char * const *scope,
                                               GError            **error);

G_END_DECLS
