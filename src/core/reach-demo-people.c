/* reach-demo-people.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everyone here is made up: invented surnames, example.org addresses and
 * phone numbers from Ofcom's range kept for drama (0113 496 0xxx).  Dates
 * are counted back from @today, so the demo never goes stale, and nothing
 * is random: the same day gives the same workspace.
 *
 * It is built so that the gaps are real: Deaf BSL users, older people in
 * Horsforth and women in Beeston are reached; young carers in Seacroft and
 * the Polish community in Harehills only a little or only at the lowest
 * rungs; Gypsy and Traveller families at Cottingley Springs, people who are
 * homeless and care leavers in Armley not in the last 12 months.
 */
#define G_LOG_DOMAIN "reach-demo-people"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "reach-activity.h"
#include "reach-classification.h"
#include "reach-contacts.h"
#include "reach-demo-people.h"
#include "reach-feedback.h"
#include "reach-group.h"

#define N_PEOPLE 56

static const char * const first_names[20] = {
  "Amber", "Basil", "Clover", "Dev", "Esme", "Farah", "Gideon", "Hana", "Idris", "Juniper",
  "Kasia", "Leon", "Maren", "Nadia", "Otto", "Priya", "Quentin", "Rhea", "Soren", "Tansy",
};

/* Surnames nobody has. */
static const char * const last_names[15] = {
  "Quillfeather", "Thistlewood", "Marrowby", "Fernwhistle", "Oddlebury",
  "Tumbleford", "Mossgrove", "Puddlecombe", "Wrenwick", "Nettlebank",
  "Hobbleton", "Crumblewick", "Dapplemere", "Larkspurr", "Bramblecot",
};

typedef struct
{
  int from;   /* person indexes, inclusive; from > to for none */
  int to;
} Range;

#define NOBODY { 1, 0 }

/* Who is in which group (person indexes), and so who they are. */
enum {
  GROUP_DEAF, GROUP_YOUNG_CARERS, GROUP_POLISH, GROUP_OLDER, GROUP_BEESTON,
  GROUP_HOMELESS, GROUP_TRAVELLERS, GROUP_CARE_LEAVERS, N_GROUPS
};

static const struct {
  const char *name;
  const char *description;
  const char *areas;          /* ward codes */
  gboolean    has_point;
  double      lat;
  double      lon;
  const char *categories[3];  /* "characteristic_key:category label" */
  Range       members;
} groups[N_GROUPS] = {
  [GROUP_DEAF] = { "Deaf BSL users in Leeds",
    "Deaf people whose first or preferred language is British Sign Language, across the city.",
    NULL, FALSE, 0, 0, { "local_groups:Deaf BSL users" }, { 0, 7 } },
  [GROUP_YOUNG_CARERS] = { "Young carers in Seacroft",
    "Children and young people who look after a family member at home.",
    "E05011400", FALSE, 0, 0, { "carer:Provides unpaid care", "local_groups:Carers" }, { 8, 9 } },
  [GROUP_POLISH] = { "Polish community in Harehills",
    "Polish-speaking families, many arrived since 2004; some need an interpreter.",
    "E05011394", FALSE, 0, 0, { "ethnic_group:White: Other White" }, { 10, 13 } },
  [GROUP_OLDER] = { "Older people in Horsforth",
    "People aged 65 and over living in Horsforth, including those living alone.",
    "E05011547", FALSE, 0, 0, { "age_band:Aged 65 years and over" }, { 14, 23 } },
  [GROUP_BEESTON] = { "South Asian women in Beeston",
    "Pakistani and Bangladeshi women in Beeston and Holbeck.",
    "E05012647", FALSE, 0, 0,
    { "ethnic_group:Asian, Asian British or Asian Welsh: Pakistani",
      "ethnic_group:Asian, Asian British or Asian Welsh: Bangladeshi" }, { 24, 29 } },
  [GROUP_HOMELESS] = { "People experiencing homelessness in the city centre",
    "People sleeping rough or living in hostels and supported housing.",
    "E05011399;E05011403", FALSE, 0, 0, { "local_groups:People who are homeless" }, { 30, 31 } },
  [GROUP_TRAVELLERS] = { "Gypsy and Traveller families at Cottingley Springs",
    "Families living on the council-run site at Cottingley Springs.",
    NULL, TRUE, 53.7766, -1.6172,
    { "ethnic_group:White: Gypsy or Irish Traveller",
      "local_groups:Gypsy, Roma and Traveller communities" }, { 32, 32 } },
  [GROUP_CARE_LEAVERS] = { "Care leavers in Armley",
    "Young people aged 16 to 25 who have left local authority care.",
    "E05011385", FALSE, 0, 0, { "local_groups:Care leavers" }, NOBODY },
};

typedef struct
{
  const char *category;   /* "characteristic_key:category label" */
  int         count;
} Count;

static const struct {
  int                     days_ago;     /* negative: still to come */
  int                     hour;         /* UTC */
  const char             *title;
  ReachActivityType       type;
  const char             *venue;        /* a demo library, or NULL */
  const char             *areas;
  ReachLadderRung         rung;
  ReachCoproductionStage  stage;
  ReachProvisions         provisions;
  const char             *reciprocity;
  gint64                  pence;
  ReachActivityStatus     status;
  Range                   people[2];
  Count                   counts[4];
} activities[] = {
  { 530, 18, "Deaf community health forum", REACH_ACTIVITY_TYPE_EVENT, "Leeds Central library", NULL,
    REACH_LADDER_CONSULTATION, REACH_STAGE_NONE, REACH_PROVISION_BSL | REACH_PROVISION_HEARING_LOOP,
    NULL, -1, REACH_ACTIVITY_DONE, { { 0, 5 }, NOBODY }, { { NULL } } },
  { 500, 10, "Hostel outreach: what would help?", REACH_ACTIVITY_TYPE_OUTREACH_VISIT, "Hunslet library",
    "E05011399", REACH_LADDER_CONSULTATION, REACH_STAGE_NONE, 0, "£10 food vouchers for each person",
    6000, REACH_ACTIVITY_DONE, { { 30, 31 }, NOBODY },
    { { "local_groups:People who are homeless", 4 } } },
  { 470, 11, "Carers’ strategy launch", REACH_ACTIVITY_TYPE_EVENT, "Leeds Central library", NULL,
    REACH_LADDER_INFORMING, REACH_STAGE_NONE, REACH_PROVISION_HEARING_LOOP | REACH_PROVISION_STEP_FREE,
    NULL, -1, REACH_ACTIVITY_DONE, { { 33, 36 }, NOBODY },
    { { "carer:Provides unpaid care", 23 }, { "carer:Provides no unpaid care", 6 } } },
  { 430, 9, "Library services survey", REACH_ACTIVITY_TYPE_SURVEY, NULL, NULL,
    REACH_LADDER_CONSULTATION, REACH_STAGE_NONE, REACH_PROVISION_EASY_READ | REACH_PROVISION_LARGE_PRINT,
    NULL, -1, REACH_ACTIVITY_DONE, { NOBODY, NOBODY },
    { { "age_band:Aged 16 to 24 years", 31 }, { "age_band:Aged 35 to 49 years", 88 },
      { "age_band:Aged 65 years and over", 140 }, { "sex:Female", 171 } } },
  { 400, 10, "Horsforth older people’s coffee morning", REACH_ACTIVITY_TYPE_DROP_IN, "Horsforth library",
    "E05011547", REACH_LADDER_ENGAGEMENT, REACH_STAGE_NONE, REACH_PROVISION_STEP_FREE, NULL, -1,
    REACH_ACTIVITY_DONE, { { 14, 18 }, NOBODY }, { { NULL } } },
  { 350, 17, "BSL co-design group: GP access (1)", REACH_ACTIVITY_TYPE_WORKSHOP, "Leeds Central library",
    NULL, REACH_LADDER_CO_DESIGN, REACH_STAGE_CO_DESIGN, REACH_PROVISION_BSL,
    "Travel expenses and £25 for each session", 20000, REACH_ACTIVITY_DONE, { { 0, 7 }, NOBODY },
    { { NULL } } },
  { 320, 10, "Beeston women’s health focus group", REACH_ACTIVITY_TYPE_FOCUS_GROUP, "Beeston library",
    "E05012647", REACH_LADDER_CONSULTATION, REACH_STAGE_NONE,
    REACH_PROVISION_INTERPRETER | REACH_PROVISION_CHILDCARE, "£20 shopping vouchers", 12000,
    REACH_ACTIVITY_DONE, { { 24, 29 }, NOBODY }, { { NULL } } },
  { 300, 16, "Seacroft young carers drop-in", REACH_ACTIVITY_TYPE_DROP_IN, "Seacroft library",
    "E05011400", REACH_LADDER_INFORMING, REACH_STAGE_NONE, 0, NULL, -1, REACH_ACTIVITY_DONE,
    { { 8, 9 }, NOBODY }, { { NULL } } },
  { 280, 11, "Harehills community information day", REACH_ACTIVITY_TYPE_EVENT, "Compton Road library",
    "E05011394", REACH_LADDER_INFORMING, REACH_STAGE_NONE, REACH_PROVISION_INTERPRETER, NULL, -1,
    REACH_ACTIVITY_DONE, { { 10, 13 }, NOBODY },
    { { "ethnic_group:White: Other White", 9 },
      { "ethnic_group:Asian, Asian British or Asian Welsh: Pakistani", 6 },
      { "ethnic_group:Black, Black British, Black Welsh, Caribbean or African: African", 4 } } },
  { 260, 17, "BSL co-design group: GP access (2)", REACH_ACTIVITY_TYPE_WORKSHOP, "Leeds Central library",
    NULL, REACH_LADDER_CO_DESIGN, REACH_STAGE_CO_DESIGN, REACH_PROVISION_BSL,
    "Travel expenses and £25 for each session", 15000, REACH_ACTIVITY_DONE, { { 0, 5 }, NOBODY },
    { { NULL } } },
  { 240, 10, "Horsforth falls prevention consultation", REACH_ACTIVITY_TYPE_FOCUS_GROUP,
    "Horsforth library", "E05011547", REACH_LADDER_CONSULTATION, REACH_STAGE_NONE,
    REACH_PROVISION_STEP_FREE | REACH_PROVISION_HEARING_LOOP | REACH_PROVISION_LARGE_PRINT, NULL, -1,
    REACH_ACTIVITY_DONE, { { 14, 23 }, NOBODY }, { { "age_band:Aged 65 years and over", 12 } } },
  { 210, 14, "Patient panel", REACH_ACTIVITY_TYPE_WORKING_GROUP, "Chapeltown library", "E05011390",
    REACH_LADDER_CO_PRODUCTION, REACH_STAGE_CO_ASSESSMENT, REACH_PROVISION_EASY_READ,
    "Travel expenses", 4500, REACH_ACTIVITY_DONE, { { 33, 40 }, NOBODY }, { { NULL } } },
  { 190, 9, "Mental health services survey", REACH_ACTIVITY_TYPE_SURVEY, NULL, NULL,
    REACH_LADDER_CONSULTATION, REACH_STAGE_NONE, REACH_PROVISION_EASY_READ, NULL, -1,
    REACH_ACTIVITY_DONE, { NOBODY, NOBODY },
    { { "age_band:Aged 16 to 24 years", 12 }, { "age_band:Aged 25 to 34 years", 46 },
      { "ethnic_group:White: English, Welsh, Scottish, Northern Irish or British", 97 },
      { "ethnic_group:Prefer not to say", 11 } } },
  { 170, 13, "Middleton neighbourhood walk", REACH_ACTIVITY_TYPE_OUTREACH_VISIT, "Middleton library",
    "E05011404", REACH_LADDER_ENGAGEMENT, REACH_STAGE_NONE, 0, NULL, -1, REACH_ACTIVITY_DONE,
    { { 41, 45 }, NOBODY }, { { NULL } } },
  { 150, 18, "Beeston women’s health: what we heard", REACH_ACTIVITY_TYPE_EVENT, "Beeston library",
    "E05012647", REACH_LADDER_INFORMING, REACH_STAGE_NONE,
    REACH_PROVISION_INTERPRETER | REACH_PROVISION_CHILDCARE, NULL, -1, REACH_ACTIVITY_DONE,
    { { 24, 27 }, NOBODY }, { { NULL } } },
  { 130, 16, "Young people’s voice workshop", REACH_ACTIVITY_TYPE_WORKSHOP, "Headingley library",
    "E05011397", REACH_LADDER_CO_DESIGN, REACH_STAGE_CO_DESIGN, 0, "£15 vouchers", 15000,
    REACH_ACTIVITY_DONE, { { 46, 51 }, NOBODY }, { { "age_band:Aged 16 to 24 years", 14 } } },
  { 110, 10, "Armley drop-in", REACH_ACTIVITY_TYPE_DROP_IN, "Armley library", "E05011385",
    REACH_LADDER_INFORMING, REACH_STAGE_NONE, 0, NULL, -1, REACH_ACTIVITY_CANCELLED,
    { NOBODY, NOBODY }, { { NULL } } },
  { 95, 17, "Deaf-led service review", REACH_ACTIVITY_TYPE_WORKING_GROUP, "Leeds Central library", NULL,
    REACH_LADDER_CO_PRODUCTION, REACH_STAGE_CO_ASSESSMENT,
    REACH_PROVISION_BSL | REACH_PROVISION_HEARING_LOOP, "£30 for each member", 18000,
    REACH_ACTIVITY_DONE, { { 0, 7 }, NOBODY }, { { NULL } } },
  { 80, 11, "Holt Park accessibility audit", REACH_ACTIVITY_TYPE_OUTREACH_VISIT, "Holt Park library",
    "E05012841", REACH_LADDER_ENGAGEMENT, REACH_STAGE_CO_DELIVERY, REACH_PROVISION_STEP_FREE, NULL, -1,
    REACH_ACTIVITY_DONE, { { 52, 55 }, NOBODY }, { { NULL } } },
  { 60, 10, "Morley carers’ café", REACH_ACTIVITY_TYPE_DROP_IN, "Morley library", "E05011406;E05011407",
    REACH_LADDER_CONSULTATION, REACH_STAGE_NONE, REACH_PROVISION_CHILDCARE, NULL, -1,
    REACH_ACTIVITY_DONE, { { 33, 36 }, NOBODY }, { { "carer:Provides unpaid care", 7 } } },
  { 45, 16, "Seacroft young carers: summer plans", REACH_ACTIVITY_TYPE_DROP_IN, "Seacroft library",
    "E05011400", REACH_LADDER_INFORMING, REACH_STAGE_NONE, 0, NULL, -1, REACH_ACTIVITY_DONE,
    { { 8, 8 }, NOBODY }, { { NULL } } },
  { 30, 11, "Pudsey health and wellbeing event", REACH_ACTIVITY_TYPE_EVENT, "Pudsey library",
    "E05011409", REACH_LADDER_INFORMING, REACH_STAGE_NONE, REACH_PROVISION_STEP_FREE, NULL, -1,
    REACH_ACTIVITY_DONE, { NOBODY, NOBODY },
    { { "age_band:Aged 50 to 64 years", 18 }, { "age_band:Aged 65 years and over", 25 },
      { "sex:Female", 27 }, { "sex:Male", 16 } } },
  { 14, 10, "Horsforth digital skills session", REACH_ACTIVITY_TYPE_WORKSHOP, "Horsforth library",
    "E05011547", REACH_LADDER_ENGAGEMENT, REACH_STAGE_NONE, REACH_PROVISION_LARGE_PRINT, NULL, -1,
    REACH_ACTIVITY_DONE, { { 19, 23 }, NOBODY }, { { NULL } } },
  { -21, 17, "Care leavers listening event", REACH_ACTIVITY_TYPE_FOCUS_GROUP, "Armley library",
    "E05011385", REACH_LADDER_CONSULTATION, REACH_STAGE_NONE, REACH_PROVISION_TRANSPORT,
    "£20 vouchers and bus fares", 16000, REACH_ACTIVITY_PLANNED, { NOBODY, NOBODY }, { { NULL } } },
  { -40, 10, "Cottingley Springs site visit", REACH_ACTIVITY_TYPE_OUTREACH_VISIT, NULL, "E05012648",
    REACH_LADDER_ENGAGEMENT, REACH_STAGE_NONE, 0, NULL, -1, REACH_ACTIVITY_PLANNED,
    { NOBODY, NOBODY }, { { NULL } } },
};

#define NOT_YET -1

static const struct {
  int                  activity;         /* index into activities[] */
  int                  group;            /* or -1 */
  const char          *you_said;
  const char          *we_did;
  int                  decided_days_ago; /* or NOT_YET */
  ReachFeedbackStatus  status;
  int                  fed_back_days_ago;
  const char          *how;
} feedback[] = {
  { 0, GROUP_DEAF, "GP receptionists do not know how to book a BSL interpreter",
    "Deaf awareness training for every GP reception team", 480, REACH_FEEDBACK_FED_BACK, 450,
    "BSL video shared through the Deaf forum" },
  { 1, GROUP_HOMELESS, "Health checks should come to the hostel, not the other way round",
    "A nurse now visits two hostels every month", 460, REACH_FEEDBACK_DONE, NOT_YET, NULL },
  { 3, -1, "Library opening hours do not suit people who work",
    "Six libraries open late on Thursdays", 380, REACH_FEEDBACK_FED_BACK, 350,
    "Posters in every library and the council website" },
  { 5, GROUP_DEAF, "The online booking form cannot be used in BSL",
    "A BSL video relay link on the booking page", 300, REACH_FEEDBACK_DONE, NOT_YET, NULL },
  { 6, GROUP_BEESTON, "Appointments clash with the school run",
    "The women’s clinic moved to 10:00 to 14:00", 200, REACH_FEEDBACK_FED_BACK, 150,
    "A follow-up event at Beeston library" },
  { 6, GROUP_BEESTON, "We need female interpreters for Urdu and Sylheti",
    "The interpreting contract is being changed so patients can ask for a woman", 250,
    REACH_FEEDBACK_IN_PROGRESS, NOT_YET, NULL },
  { 7, GROUP_YOUNG_CARERS, "There is nowhere after school that understands caring",
    NULL, NOT_YET, REACH_FEEDBACK_OPEN, NOT_YET, NULL },
  { 8, GROUP_POLISH, "All the information was in English only",
    "Leaflets translated into Polish, Romanian, Urdu and Arabic", 230, REACH_FEEDBACK_DONE,
    NOT_YET, NULL },
  { 10, GROUP_OLDER, "The bus stop by the library has nowhere to sit",
    "Asked the transport authority for a seat", 220, REACH_FEEDBACK_IN_PROGRESS, NOT_YET, NULL },
  { 10, GROUP_OLDER, "Exercise classes are too far away",
    "Strength and balance classes at Horsforth library every Tuesday", 180,
    REACH_FEEDBACK_FED_BACK, 120, "A letter to everyone who came" },
  { 11, -1, "Meeting papers arrive too late to read",
    "Papers go out a week ahead, with an easy read version", 200, REACH_FEEDBACK_FED_BACK, 180,
    "At the next panel meeting" },
  { 12, -1, "Waits for talking therapies are too long", NULL, NOT_YET, REACH_FEEDBACK_OPEN,
    NOT_YET, NULL },
  { 15, -1, "Services do not use the social media we use",
    "The youth board runs its own Instagram account", 100, REACH_FEEDBACK_DONE, NOT_YET, NULL },
  { 17, GROUP_DEAF, "Few people know about the emergency text service",
    "A publicity campaign with the Deaf centre", 70, REACH_FEEDBACK_IN_PROGRESS, NOT_YET, NULL },
  { 19, -1, "Carers’ assessments take months", NULL, NOT_YET, REACH_FEEDBACK_OPEN, NOT_YET, NULL },
  { 21, -1, "The event was hard to find inside the building",
    "Signs at the entrance for every event", 20, REACH_FEEDBACK_DONE, NOT_YET, NULL },
};

static const struct {
  const char *name;
  const char *email;
  Range       members;
} organisations[] = {
  { "Aire Valley Deaf Collective", "hello@airevalley-deaf.example.org", { 0, 3 } },
  { "Seacroft Carers’ Circle", "circle@seacroft-carers.example.org", { 8, 9 } },
  { "Horsforth Friendship Club", "club@horsforth-friends.example.org", { 14, 20 } },
  { "Beeston Sisters’ Network", "network@beeston-sisters.example.org", { 24, 29 } },
};

/* Context while building */

typedef struct
{
  ReachDb   *db;
  GDateTime *today;              /* midnight UTC of the day */
  gint64     people[N_PEOPLE];
  gint64     group_ids[N_GROUPS];
  GArray    *activity_ids;
} Build;

static int
group_of (int person)
{
  for (int g = 0; g < N_GROUPS; g++)
    if (person >= groups[g].members.from && person <= groups[g].members.to)
      return g;
  return -1;
}

static char *
date_days_ago (Build *b,
               int    days)
{
  g_autoptr(GDateTime) day = g_date_time_add_days (b->today, -days);

  return g_date_time_format (day, "%Y-%m-%d");
}

/* "age_band:Aged 65 years and over" → its category */
static gint64
find_category (Build       *b,
               const char  *spec,
               GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (spec, ":", 2);
  g_autoptr(ReachCategory) category = reach_categories_find (b->db, parts[0], parts[1], error);

  return category != NULL ? category->id : 0;
}

static gint64
find_id (Build       *b,
         const char  *sql,
         const char  *value,
         GError     **error)
{
  sqlite3_stmt *stmt = reach_db_prepare (b->db, sql, error);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (id == 0)
    g_set_error (error, REACH_DB_ERROR, REACH_DB_ERROR_NOT_FOUND,
                 _("The demo needs “%s”, which is not in the workspace"), value);
  return id;
}

/* People */

static const char *
age_for (int person)
{
  switch (group_of (person))
    {
    case GROUP_YOUNG_CARERS: return person % 2 ? "Aged 15 years and under" : "Aged 16 to 24 years";
    case GROUP_OLDER:        return "Aged 65 years and over";
    case GROUP_HOMELESS:     return "Aged 35 to 49 years";
    default:
      break;
    }

  if (person >= 46 && person <= 51)
    return "Aged 16 to 24 years";
  {
    static const char * const bands[] = {
      "Aged 25 to 34 years", "Aged 35 to 49 years", "Aged 50 to 64 years",
      "Aged 65 years and over", "Aged 35 to 49 years",
    };
    return bands[person % G_N_ELEMENTS (bands)];
  }
}

static const char *
ethnic_group_for (int person)
{
  static const char * const mix[] = {
    "White: English, Welsh, Scottish, Northern Irish or British",
    "White: English, Welsh, Scottish, Northern Irish or British",
    "Black, Black British, Black Welsh, Caribbean or African: African",
    "White: English, Welsh, Scottish, Northern Irish or British",
    "Asian, Asian British or Asian Welsh: Indian",
    "Mixed or Multiple ethnic groups: White and Black Caribbean",
    "White: Irish",
    "Prefer not to say",
    "White: English, Welsh, Scottish, Northern Irish or British",
    "Black, Black British, Black Welsh, Caribbean or African: Caribbean",
    "Asian, Asian British or Asian Welsh: Chinese",
    "Other ethnic group: Arab",
  };

  switch (group_of (person))
    {
    case GROUP_POLISH:     return "White: Other White";
    case GROUP_BEESTON:    return person % 2 ? "Asian, Asian British or Asian Welsh: Bangladeshi"
                                             : "Asian, Asian British or Asian Welsh: Pakistani";
    case GROUP_TRAVELLERS: return "White: Gypsy or Irish Traveller";
    case GROUP_OLDER:      return person % 5 ? "White: English, Welsh, Scottish, Northern Irish or British"
                                             : "White: Irish";
    default:               return mix[person % G_N_ELEMENTS (mix)];
    }
}

static const char *
religion_for (int person)
{
  static const char * const mix[] = {
    "No religion", "Christian", "No religion", "Christian", "Muslim", "Prefer not to say",
    "Christian", "No religion", "Hindu", "Christian", "No religion", "Sikh",
  };

  switch (group_of (person))
    {
    case GROUP_BEESTON:    return "Muslim";
    case GROUP_POLISH:
    case GROUP_TRAVELLERS: return "Christian";
    case GROUP_OLDER:      return person % 3 ? "Christian" : "No religion";
    default:               return mix[person % G_N_ELEMENTS (mix)];
    }
}

/* Census 2021 asks people aged 16 and over; nobody in the demo is bisexual
 * or of another orientation outside this mix, so those show as gaps. */
static const char *
orientation_for (int person)
{
  static const char * const mix[] = {
    "Straight or Heterosexual", "Straight or Heterosexual", "Straight or Heterosexual",
    "Gay or Lesbian", "Straight or Heterosexual", "Prefer not to say",
    "Straight or Heterosexual", "Straight or Heterosexual", "Straight or Heterosexual",
    "Straight or Heterosexual", "Straight or Heterosexual",
  };

  if (g_str_equal (age_for (person), "Aged 15 years and under"))
    return NULL;
  return mix[person % G_N_ELEMENTS (mix)];
}

static const char *
local_group_for (int person)
{
  switch (group_of (person))
    {
    case GROUP_DEAF:          return "Deaf BSL users";
    case GROUP_YOUNG_CARERS:  return "Carers";
    case GROUP_HOMELESS:      return "People who are homeless";
    case GROUP_TRAVELLERS:    return "Gypsy, Roma and Traveller communities";
    default:                  return NULL;
    }
}

static gboolean
set_answer (Build       *b,
            int          person,
            const char  *characteristic,
            const char  *label,
            GError     **error)
{
  g_autofree char *spec = g_strconcat (characteristic, ":", label, NULL);
  gint64 category = find_category (b, spec, error);

  return category > 0 &&
         reach_contacts_set_equality (b->db, b->people[person], category, NULL, error);
}

/* Only for people whose consent covers equality answers. */
static gboolean
set_answers (Build       *b,
             int          person,
             GError     **error)
{
  int group = group_of (person);
  gboolean female = group == GROUP_BEESTON || person % 2 == 0;
  gboolean carer = group == GROUP_YOUNG_CARERS || (person >= 33 && person <= 36);
  const char *disability = group == GROUP_DEAF ? "Day-to-day activities limited a lot"
                           : group == GROUP_OLDER && person % 2 ? "Day-to-day activities limited a little"
                           : "No long term physical or mental health conditions";
  const char *local = local_group_for (person);
  const char *orientation = orientation_for (person);

  return set_answer (b, person, "age_band", age_for (person), error) &&
         set_answer (b, person, "sex", person % 10 == 9 ? "Prefer not to say"
                                       : female ? "Female" : "Male", error) &&
         set_answer (b, person, "ethnic_group", ethnic_group_for (person), error) &&
         set_answer (b, person, "disability", disability, error) &&
         set_answer (b, person, "carer", carer ? "Provides unpaid care" : "Provides no unpaid care",
                     error) &&
         set_answer (b, person, "religion", religion_for (person), error) &&
         (orientation == NULL || set_answer (b, person, "sexual_orientation", orientation, error)) &&
         (local == NULL || set_answer (b, person, "local_groups", local, error));
}

static ReachContactRole
role_for (int person)
{
  switch (group_of (person))
    {
    case GROUP_DEAF:
    case GROUP_HOMELESS:      return REACH_ROLE_LIVED_EXPERIENCE;
    case GROUP_YOUNG_CARERS:  return REACH_ROLE_CARER;
    default:                  break;
    }

  if (person >= 33 && person <= 35)
    return REACH_ROLE_PROFESSIONAL;
  if (person == 36)
    return REACH_ROLE_ELECTED_MEMBER;
  return REACH_ROLE_RESIDENT;
}

static void
fill_consent (Build        *b,
              ReachContact *contact,
              int           person)
{
  /* given between a month and about two and a half years ago; reviewed two years on */
  int given = 30 + (person * 53) % 900;
  g_autoptr(GDateTime) review = g_date_time_add_days (b->today, 730 - given);

  if (person % 9 == 8)
    return;   /* no consent recorded */

  contact->consent_date = date_days_ago (b, given);
  contact->consent_contact = TRUE;
  contact->consent_equality = person % 6 != 5;
  contact->consent_method = person % 3 == 0 ? REACH_CONSENT_METHOD_WRITTEN
                            : person % 3 == 1 ? REACH_CONSENT_METHOD_VERBAL
                            : REACH_CONSENT_METHOD_ONLINE_FORM;
  contact->retention_review = g_date_time_format (review, "%Y-%m-%d");
  if (person % 13 == 12)
    contact->consent_withdrawn = date_days_ago (b, given / 2);
}

/* Wards where people outside any group live: a spread over the city that
 * still leaves some wards with nobody, so the reach map has gaps to show. */
static const char * const home_wards[] = {
  "E05011390", "E05011397", "E05011411", "E05011405", "E05011402", "E05011409",
  "E05011385", "E05011387", "E05011404", "E05011410", "E05011391", "E05011413",
};

/* A home near the middle of the person's ward, a few hundred metres apart
 * from the next person's. */
static gboolean
home_point (Build   *b,
            int      person,
            double  *lat,
            double  *lon,
            GError **error)
{
  int group = group_of (person);
  g_auto(GStrv) codes = NULL;
  const char *ward = home_wards[person % G_N_ELEMENTS (home_wards)];
  sqlite3_stmt *stmt;

  if (group >= 0 && groups[group].has_point)
    {
      *lat = groups[group].lat;
      *lon = groups[group].lon;
      return TRUE;
    }

  if (group >= 0 && groups[group].areas != NULL)
    {
      codes = g_strsplit (groups[group].areas, ";", -1);
      ward = codes[person % g_strv_length (codes)];
    }

  stmt = reach_db_prepare (b->db, "SELECT label_lat, label_lon FROM area WHERE code = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ward, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, REACH_DB_ERROR, REACH_DB_ERROR_NOT_FOUND,
                   _("The demo needs ward %s, which is not in the workspace"), ward);
      return FALSE;
    }
  *lat = sqlite3_column_double (stmt, 0) + ((person * 53) % 7 - 3) * 0.0006;
  *lon = sqlite3_column_double (stmt, 1) + ((person * 37) % 7 - 3) * 0.0009;
  sqlite3_reset (stmt);

  return TRUE;
}

static ReachContact *
make_person (Build *b,
             int    person)
{
  ReachContact *contact = reach_contact_new ();
  const char *first = first_names[person % 20];
  const char *last = last_names[5 * (person / 20) + person % 5];
  int group = group_of (person);

  contact->name = g_strdup_printf ("%s %s", first, last);
  contact->role = role_for (person);
  if (person % 7 != 6)
    {
      g_autofree char *email = g_strdup_printf ("%s.%s@example.org", first, last);

      contact->email = g_ascii_strdown (email, -1);
    }
  else
    contact->phone = g_strdup_printf ("0113 496 0%03d", 100 + person);
  contact->preferred_method = contact->email ? REACH_CONTACT_METHOD_EMAIL : REACH_CONTACT_METHOD_PHONE;
  contact->needs[REACH_NEED_BSL] = group == GROUP_DEAF;
  contact->needs[REACH_NEED_LARGE_PRINT] = group == GROUP_OLDER && person % 3 == 0;
  contact->needs[REACH_NEED_EASY_READ] = person == 37 || person == 44;
  contact->needs[REACH_NEED_INTERPRETER] = group == GROUP_POLISH || (group == GROUP_BEESTON && person % 2);
  if (contact->needs[REACH_NEED_INTERPRETER])
    contact->interpreter_language = g_strdup (group == GROUP_POLISH ? "Polish" : "Sylheti");
  contact->notes = g_strdup (_("Fictional person in the demo workspace"));
  fill_consent (b, contact, person);
  return contact;
}

static gboolean
add_people (Build   *b,
            GError **error)
{
  for (int i = 0; i < N_PEOPLE; i++)
    {
      g_autoptr(ReachContact) contact = make_person (b, i);

      contact->has_location = TRUE;
      if (!home_point (b, i, &contact->lat, &contact->lon, error) ||
          !reach_contacts_insert (b->db, contact, error))
        return FALSE;
      b->people[i] = contact->id;

      if (reach_contact_may_hold_equality (contact) && !set_answers (b, i, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_organisations (Build   *b,
                   GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (organisations); i++)
    {
      g_autoptr(ReachContact) org = reach_contact_new ();

      org->kind = REACH_CONTACT_ORGANISATION;
      org->role = REACH_ROLE_VOLUNTARY_SECTOR;
      org->name = g_strdup (organisations[i].name);
      org->email = g_strdup (organisations[i].email);
      org->preferred_method = REACH_CONTACT_METHOD_EMAIL;
      org->notes = g_strdup (_("Fictional organisation in the demo workspace"));
      if (!reach_contacts_insert (b->db, org, error))
        return FALSE;

      for (int p = organisations[i].members.from; p <= organisations[i].members.to; p++)
        if (!reach_contacts_add_to_organisation (b->db, b->people[p], org->id, error))
          return FALSE;
    }

  return TRUE;
}

/* Groups */

static gboolean
add_areas_by_code (Build       *b,
                   const char  *codes,
                   GArray      *ids,
                   GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (codes != NULL ? codes : "", ";", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 id;

      if (*parts[i] == '\0')
        continue;
      if (!(id = find_id (b, "SELECT id FROM area WHERE code = ?1", parts[i], error)))
        return FALSE;
      g_array_append_val (ids, id);
    }

  return TRUE;
}

/* Local groups a user would add: the reference data has no Deaf BSL users. */
static gboolean
add_local_categories (Build   *b,
                      GError **error)
{
  g_autoptr(ReachCategory) deaf = reach_categories_add_local (b->db, "local_groups", "Deaf BSL users",
                                                              0, error);

  return deaf != NULL;
}

static gboolean
add_groups (Build   *b,
            GError **error)
{
  for (int g = 0; g < N_GROUPS; g++)
    {
      g_autoptr(ReachGroup) group = reach_group_new ();

      group->name = g_strdup (groups[g].name);
      group->description = g_strdup (groups[g].description);
      group->has_point = groups[g].has_point;
      group->lat = groups[g].lat;
      group->lon = groups[g].lon;
      for (guint c = 0; c < G_N_ELEMENTS (groups[g].categories) && groups[g].categories[c]; c++)
        {
          gint64 category = find_category (b, groups[g].categories[c], error);

          if (category == 0)
            return FALSE;
          reach_group_add_category (group, category);
        }
      if (!add_areas_by_code (b, groups[g].areas, group->area_ids, error) ||
          !reach_groups_insert (b->db, group, error))
        return FALSE;
      b->group_ids[g] = group->id;

      for (int p = groups[g].members.from; p <= groups[g].members.to; p++)
        if (!reach_contacts_add_to_group (b->db, b->people[p], group->id, error))
          return FALSE;
    }

  return TRUE;
}

/* Activities */

static gboolean
add_participants_and_counts (Build   *b,
                             guint    i,
                             gint64   activity_id,
                             GError **error)
{
  for (guint r = 0; r < G_N_ELEMENTS (activities[i].people); r++)
    for (int p = activities[i].people[r].from; p <= activities[i].people[r].to; p++)
      if (!reach_activities_add_participant (b->db, activity_id, b->people[p], NULL, error))
        return FALSE;

  for (guint c = 0; c < G_N_ELEMENTS (activities[i].counts) && activities[i].counts[c].category; c++)
    {
      gint64 category = find_category (b, activities[i].counts[c].category, error);

      if (category == 0 ||
          !reach_activities_set_headcount (b->db, activity_id, category,
                                           activities[i].counts[c].count, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_activities (Build   *b,
                GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (activities); i++)
    {
      g_autoptr(ReachActivity) activity = reach_activity_new ();
      g_autoptr(GDateTime) day = g_date_time_add_days (b->today, -activities[i].days_ago);
      g_autoptr(GDateTime) starts = g_date_time_add_hours (day, activities[i].hour);
      g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);

      activity->title = g_strdup (activities[i].title);
      activity->type = activities[i].type;
      reach_activity_set_starts_at (activity, starts);
      reach_activity_set_ends_at (activity, ends);
      activity->rung = activities[i].rung;
      activity->stage = activities[i].stage;
      activity->provisions = activities[i].provisions;
      activity->reciprocity = g_strdup (activities[i].reciprocity);
      activity->reciprocity_pence = activities[i].pence;
      activity->status = activities[i].status;

      if (activities[i].venue != NULL &&
          !(activity->place_id = find_id (b, "SELECT id FROM place WHERE name = ?1 COLLATE NOCASE "
                                             "ORDER BY id LIMIT 1", activities[i].venue, error)))
        return FALSE;
      if (!add_areas_by_code (b, activities[i].areas, activity->area_ids, error) ||
          !reach_activities_insert (b->db, activity, error) ||
          !add_participants_and_counts (b, i, activity->id, error))
        return FALSE;

      g_array_append_val (b->activity_ids, activity->id);
    }

  return TRUE;
}

static gboolean
add_feedback (Build   *b,
              GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (feedback); i++)
    {
      g_autoptr(ReachFeedback) item = reach_feedback_new ();

      item->activity_id = g_array_index (b->activity_ids, gint64, feedback[i].activity);
      item->group_id = feedback[i].group >= 0 ? b->group_ids[feedback[i].group] : 0;
      item->you_said = g_strdup (feedback[i].you_said);
      item->we_did = g_strdup (feedback[i].we_did);
      item->status = feedback[i].status;
      item->fed_back_how = g_strdup (feedback[i].how);
      if (feedback[i].decided_days_ago != NOT_YET)
        item->decided_at = g_date_time_add_days (b->today, -feedback[i].decided_days_ago);
      if (feedback[i].fed_back_days_ago != NOT_YET)
        item->fed_back_at = g_date_time_add_days (b->today, -feedback[i].fed_back_days_ago);

      if (!reach_feedback_insert (b->db, item, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
reach_demo_people_build (ReachDb    *db,
                         GDateTime  *today,
                         GError    **error)
{
  g_autoptr(GDateTime) day = g_date_time_new_utc (g_date_time_get_year (today),
                                                  g_date_time_get_month (today),
                                                  g_date_time_get_day_of_month (today), 0, 0, 0);
  g_autoptr(GArray) activity_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  Build b = { db, day, { 0 }, { 0 }, activity_ids };

  if (!reach_db_begin (db, error))
    return FALSE;

  if (!add_local_categories (&b, error) ||
      !add_people (&b, error) ||
      !add_organisations (&b, error) ||
      !add_groups (&b, error) ||
      !add_activities (&b, error) ||
      !add_feedback (&b, error))
    {
      g_prefix_error (error, _("Could not add the demo’s people and activities: "));
      reach_db_rollback (db);
      return FALSE;
    }

  return reach_db_commit (db, error);
}
