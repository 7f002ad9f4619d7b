/* reach-group.h — community groups and their reach status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A community group is a population or community of interest ("Deaf BSL
 * users in Leeds", "Young carers in Seacroft").  Its status is computed from
 * activities, never typed: see reach_group_status_rule_text().
 */
#pragma once

#include "reach-db.h"

G_BEGIN_DECLS

#define REACH_GROUP_ERROR (reach_group_error_quark ())
typedef enum
{
  REACH_GROUP_ERROR_NAME,
  REACH_GROUP_ERROR_COORDINATES,
} ReachGroupError;

typedef enum
{
  REACH_GROUP_STATUS_NOT_YET_REACHED,
  REACH_GROUP_STATUS_UNDER_REPRESENTED,
  REACH_GROUP_STATUS_REACHED,
  REACH_N_GROUP_STATUSES
} ReachGroupStatus;

/* The status rule's thresholds. */
#define REACH_GROUP_WINDOW_MONTHS 12
#define REACH_GROUP_MIN_PEOPLE     5

#define REACH_TYPE_GROUP (reach_group_get_type ())
G_DECLARE_FINAL_TYPE (ReachGroup, reach_group, REACH, GROUP, GObject)

/* A plain record with public fields; id is 0 until saved.  Where the group
 * is: a point (has_point, lat, lon), or areas, or both, or neither (the
 * whole workspace). */
struct _ReachGroup
{
  GObject   parent_instance;

  gint64    id;
  char     *name;
  char     *description;
  gboolean  has_point;
  double    lat;
  double    lon;
  GArray   *category_ids;   /* gint64: the categories the group is about */
  GArray   *area_ids;       /* gint64: the areas it lives in */
};

GQuark            reach_group_error_quark        (void);

ReachGroup       *reach_group_new                (void);
ReachGroup       *reach_group_copy               (ReachGroup   *self);
/* Adding an id twice keeps one. */
void              reach_group_add_category       (ReachGroup   *self,
                                                  gint64        category_id);
void              reach_group_add_area           (ReachGroup   *self,
                                                  gint64        area_id);
gboolean          reach_group_validate           (ReachGroup   *self,
                                                  GError      **error);

/* "reached", "under-represented", "not-yet-reached" */
const char       *reach_group_status_to_string   (ReachGroupStatus status);
/* "Reached", "Under-represented", "Not yet reached" (translated) */
const char       *reach_group_status_label       (ReachGroupStatus status);
/* The rule in plain words, for the user (translated). */
const char       *reach_group_status_rule_text   (void);

/* Store.  Every change adds an audit row. */
gboolean          reach_groups_insert            (ReachDb      *db,
                                                  ReachGroup   *group,
                                                  GError      **error);
gboolean          reach_groups_update            (ReachDb      *db,
                                                  ReachGroup   *group,
                                                  GError      **error);
gboolean          reach_groups_delete            (ReachDb      *db,
                                                  gint64        id,
                                                  GError      **error);
ReachGroup       *reach_groups_get               (ReachDb      *db,
                                                  gint64        id,
                                                  GError      **error);
/* All groups by name; with a non-empty search, those whose name or
 * description contains it (case-insensitive). */
GPtrArray        *reach_groups_list              (ReachDb      *db,
                                                  const char   *search,
                                                  GError      **error);

/* The evidence behind a status. */
typedef struct
{
  ReachGroupStatus status;
  char    last_activity_date[11];  /* "YYYY-MM-DD" of the latest activity that reached
                                    * the group in the window; "" when none */
  gint64  last_activity_id;        /* 0 when none */
  guint   n_activities;            /* activities in the window that reached the group */
  guint   n_named;                 /* distinct member contacts who took part */
  guint   n_counted;               /* people in headcounts that count for the group */
  guint   n_people;                /* n_named + n_counted */
  int     best_rung;               /* highest ReachLadderRung among them, -1 none known */
} ReachGroupReach;

/* Computes the status of one group as of @today (its date is what counts). */
gboolean          reach_groups_get_reach         (ReachDb         *db,
                                                  gint64           group_id,
                                                  GDateTime       *today,
                                                  ReachGroupReach *reach,
                                                  GError         **error);

G_END_DECLS
