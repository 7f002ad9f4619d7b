/* reach-activity.h — engagement activities, who took part, headcounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "reach-db.h"

G_BEGIN_DECLS

#define REACH_ACTIVITY_ERROR (reach_activity_error_quark ())
typedef enum
{
  REACH_ACTIVITY_ERROR_TITLE,
  REACH_ACTIVITY_ERROR_DATES,       /* ends before it starts */
  REACH_ACTIVITY_ERROR_RECIPROCITY, /* a negative amount */
  REACH_ACTIVITY_ERROR_COUNT,       /* a negative headcount */
} ReachActivityError;

typedef enum
{
  REACH_ACTIVITY_TYPE_SURVEY,
  REACH_ACTIVITY_TYPE_DROP_IN,
  REACH_ACTIVITY_TYPE_WORKSHOP,
  REACH_ACTIVITY_TYPE_FOCUS_GROUP,
  REACH_ACTIVITY_TYPE_ONE_TO_ONE,
  REACH_ACTIVITY_TYPE_WORKING_GROUP,   /* working group or board */
  REACH_ACTIVITY_TYPE_OUTREACH_VISIT,
  REACH_ACTIVITY_TYPE_EVENT,
  REACH_ACTIVITY_TYPE_ONLINE,
  REACH_N_ACTIVITY_TYPES
} ReachActivityType;

/* The ladder of participation, lowest rung first. */
typedef enum
{
  REACH_LADDER_UNKNOWN = -1,
  REACH_LADDER_COERCION,
  REACH_LADDER_EDUCATING,
  REACH_LADDER_INFORMING,
  REACH_LADDER_CONSULTATION,
  REACH_LADDER_ENGAGEMENT,
  REACH_LADDER_CO_DESIGN,
  REACH_LADDER_CO_PRODUCTION,
  REACH_N_LADDER_RUNGS
} ReachLadderRung;

/* The "four Co's". */
typedef enum
{
  REACH_STAGE_NONE = -1,
  REACH_STAGE_CO_COMMISSIONING,
  REACH_STAGE_CO_DESIGN,
  REACH_STAGE_CO_DELIVERY,
  REACH_STAGE_CO_ASSESSMENT,
  REACH_N_STAGES
} ReachCoproductionStage;

typedef enum
{
  REACH_ACTIVITY_PLANNED,
  REACH_ACTIVITY_DONE,
  REACH_ACTIVITY_CANCELLED,
  REACH_N_ACTIVITY_STATUSES
} ReachActivityStatus;

/* Access provisions offered at an activity: a set of flags.  Stored as
 * their keys separated by ';' ("bsl;hearing-loop"). */
typedef enum
{
  REACH_PROVISION_BSL          = 1 << 0,  /* BSL interpreter */
  REACH_PROVISION_HEARING_LOOP = 1 << 1,
  REACH_PROVISION_EASY_READ    = 1 << 2,
  REACH_PROVISION_STEP_FREE    = 1 << 3,  /* step-free venue */
  REACH_PROVISION_CHILDCARE    = 1 << 4,
  REACH_PROVISION_TRANSPORT    = 1 << 5,
  REACH_PROVISION_INTERPRETER  = 1 << 6,  /* spoken-language interpreter */
  REACH_PROVISION_LARGE_PRINT  = 1 << 7,
  REACH_PROVISION_QUIET_SPACE  = 1 << 8,
} ReachProvisions;
#define REACH_N_PROVISIONS 9

#define REACH_TYPE_ACTIVITY (reach_activity_get_type ())
G_DECLARE_FINAL_TYPE (ReachActivity, reach_activity, REACH, ACTIVITY, GObject)

/* A plain record with public fields; id is 0 until saved.  Times are
 * stored in UTC. */
struct _ReachActivity
{
  GObject                 parent_instance;

  gint64                  id;
  char                   *title;
  ReachActivityType       type;
  GDateTime              *starts_at;        /* nullable */
  GDateTime              *ends_at;          /* nullable */
  gint64                  place_id;         /* the venue; 0 for none */
  GArray                 *area_ids;         /* gint64: areas covered */
  ReachLadderRung         rung;
  ReachCoproductionStage  stage;
  ReachProvisions         provisions;
  char                   *reciprocity;      /* payments, vouchers, expenses: in words */
  gint64                  reciprocity_pence; /* total paid or given; -1 when none/not known */
  ReachActivityStatus     status;
  char                   *notes;
};

GQuark          reach_activity_error_quark       (void);

ReachActivity  *reach_activity_new               (void);
ReachActivity  *reach_activity_copy              (ReachActivity *self);
/* Takes a reference; NULL clears. */
void            reach_activity_set_starts_at     (ReachActivity *self,
                                                  GDateTime     *when);
void            reach_activity_set_ends_at       (ReachActivity *self,
                                                  GDateTime     *when);
void            reach_activity_add_area          (ReachActivity *self,
                                                  gint64         area_id);
gboolean        reach_activity_validate          (ReachActivity *self,
                                                  GError       **error);

/* Keys as stored ("drop-in", "co-design", …) and labels for people.
 * Labels are translated.  from_string accepts a key or a label, any case. */
const char     *reach_activity_type_to_string    (ReachActivityType type);
const char     *reach_activity_type_label        (ReachActivityType type);
gboolean        reach_activity_type_from_string  (const char        *str,
                                                  ReachActivityType *type);
const char     *reach_ladder_rung_to_string      (ReachLadderRung rung);
const char     *reach_ladder_rung_label          (ReachLadderRung rung);
gboolean        reach_ladder_rung_from_string    (const char      *str,
                                                  ReachLadderRung *rung);
const char     *reach_stage_to_string            (ReachCoproductionStage stage);
const char     *reach_stage_label                (ReachCoproductionStage stage);
gboolean        reach_stage_from_string          (const char             *str,
                                                  ReachCoproductionStage *stage);
const char     *reach_activity_status_to_string  (ReachActivityStatus status);
const char     *reach_activity_status_label      (ReachActivityStatus status);
gboolean        reach_activity_status_from_string (const char          *str,
                                                   ReachActivityStatus *status);
/* One flag (a single bit) ↔ key/label. */
const char     *reach_provision_to_string        (ReachProvisions provision);
const char     *reach_provision_label            (ReachProvisions provision);
gboolean        reach_provision_from_string      (const char      *str,
                                                  ReachProvisions *provision);
/* The flags as "bsl;hearing-loop" and back; unknown keys make parsing fail. */
char           *reach_provisions_to_string       (ReachProvisions provisions);
gboolean        reach_provisions_from_string     (const char      *str,
                                                  ReachProvisions *provisions);

/* Store.  Every change adds an audit row. */
gboolean        reach_activities_insert          (ReachDb       *db,
                                                  ReachActivity *activity,
                                                  GError       **error);
gboolean        reach_activities_update          (ReachDb       *db,
                                                  ReachActivity *activity,
                                                  GError       **error);
gboolean        reach_activities_delete          (ReachDb       *db,
                                                  gint64         id,
                                                  GError       **error);
ReachActivity  *reach_activities_get             (ReachDb       *db,
                                                  gint64         id,
                                                  GError       **error);

/* A zeroed filter matches everything. */
typedef struct
{
  GDateTime         *from;      /* starts at or after; NULL: no limit */
  GDateTime         *to;        /* starts before; NULL: no limit */
  gboolean           by_type;
  ReachActivityType  type;
  gboolean           by_rung;
  ReachLadderRung    rung;
  gint64             place_id;  /* 0: any venue */
} ReachActivityFilter;

/* The timeline: newest first, undated activities last, then by id.
 * @filter may be NULL.  A date filter leaves out undated activities. */
GPtrArray      *reach_activities_list            (ReachDb                   *db,
                                                  const ReachActivityFilter *filter,
                                                  GError                   **error);

/* Participants: contacts at an activity. */
gboolean        reach_activities_add_participant (ReachDb     *db,
                                                  gint64       activity_id,
                                                  gint64       contact_id,
                                                  const char  *role,
                                                  GError     **error);
gboolean        reach_activities_remove_participant (ReachDb  *db,
                                                     gint64    activity_id,
                                                     gint64    contact_id,
                                                     GError  **error);
/* gint64 contact ids, in the order they were added. */
GArray         *reach_activities_get_participants (ReachDb    *db,
                                                   gint64      activity_id,
                                                   GError    **error);
/* -1 on error. */
gint64          reach_activities_count_participants (ReachDb  *db,
                                                     gint64    activity_id,
                                                     GError  **error);

/* Anonymous headcounts per category (of any characteristic). */
typedef struct
{
  gint64 category_id;
  gint64 count;
} ReachHeadcount;

/* count >= 0; setting replaces the earlier count. */
gboolean        reach_activities_set_headcount   (ReachDb     *db,
                                                  gint64       activity_id,
                                                  gint64       category_id,
                                                  gint64       count,
                                                  GError     **error);
/* 0 when none was set; -1 on error. */
gint64          reach_activities_get_headcount   (ReachDb     *db,
                                                  gint64       activity_id,
                                                  gint64       category_id,
                                                  GError     **error);
gboolean        reach_activities_clear_headcount (ReachDb     *db,
                                                  gint64       activity_id,
                                                  gint64       category_id,
                                                  GError     **error);
/* ReachHeadcount, by category id. */
GArray         *reach_activities_list_headcounts (ReachDb     *db,
                                                  gint64       activity_id,
                                                  GError     **error);

/* For shading venues on the map: each place used as a venue by an activity
 * that was not cancelled and started on or before @today's date. */
typedef struct
{
  gint64 place_id;
  char   last_date[11];   /* "YYYY-MM-DD" of the most recent such activity */
  int    days_ago;        /* from that date to @today's date */
  guint  n_activities;
} ReachVenueUse;

/* ReachVenueUse, most recently used first. */
GArray         *reach_activities_venue_recency   (ReachDb     *db,
                                                  GDateTime   *today,
                                                  GError     **error);

G_END_DECLS
