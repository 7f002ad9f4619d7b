/* reach-place.h — a community asset and/or a consultation venue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Asset categories of asset-based community development. */
typedef enum
{
  REACH_PLACE_CATEGORY_ASSOCIATION,     /* associations and groups */
  REACH_PLACE_CATEGORY_INSTITUTION,     /* schools, libraries, GP practices */
  REACH_PLACE_CATEGORY_FAITH,
  REACH_PLACE_CATEGORY_PHYSICAL_SPACE,  /* parks, community centres */
  REACH_PLACE_CATEGORY_BUSINESS,
  REACH_PLACE_CATEGORY_CULTURE,         /* cultural and heritage */
  REACH_N_PLACE_CATEGORIES
} ReachPlaceCategory;

/* Venue accessibility attributes; each may be yes, no or not known. */
typedef enum
{
  REACH_ACCESS_STEP_FREE,
  REACH_ACCESS_LIFT,
  REACH_ACCESS_ACCESSIBLE_TOILET,
  REACH_ACCESS_CHANGING_PLACES,
  REACH_ACCESS_HEARING_LOOP,
  REACH_ACCESS_BSL,
  REACH_ACCESS_QUIET_ROOM,
  REACH_ACCESS_BLUE_BADGE,
  REACH_ACCESS_PUBLIC_TRANSPORT,
  REACH_ACCESS_BABY_CHANGE,
  REACH_ACCESS_PRAYER_SPACE,
  REACH_ACCESS_FREE_TO_USE,
  REACH_N_ACCESS
} ReachAccess;

typedef enum
{
  REACH_TRISTATE_UNKNOWN = -1,
  REACH_TRISTATE_NO = 0,
  REACH_TRISTATE_YES = 1,
} ReachTristate;

#define REACH_TYPE_PLACE (reach_place_get_type ())
G_DECLARE_FINAL_TYPE (ReachPlace, reach_place, REACH, PLACE, GObject)

/* A plain record: fields are public, as the editor, importers and the
 * store all fill them.  id is 0 until the place is saved. */
struct _ReachPlace
{
  GObject            parent_instance;

  gint64             id;
  char              *name;
  ReachPlaceCategory category;
  gboolean           is_asset;
  gboolean           is_venue;
  char              *description;
  char              *address;
  char              *postcode;
  double             lat;
  double             lon;
  char              *opening_hours;
  int                capacity;      /* -1 when not known */
  char              *website;
  char              *phone;
  char              *email;
  ReachTristate      access[REACH_N_ACCESS];
  char              *source;
};

ReachPlace         *reach_place_new                 (void);
ReachPlace         *reach_place_copy                (ReachPlace          *self);

const char         *reach_place_category_to_string  (ReachPlaceCategory   category);
gboolean            reach_place_category_from_string (const char         *str,
                                                      ReachPlaceCategory *category);
const char         *reach_place_category_label      (ReachPlaceCategory   category);

const char         *reach_access_column             (ReachAccess          access);
const char         *reach_access_label              (ReachAccess          access);
gboolean            reach_access_from_string        (const char          *str,
                                                     ReachAccess         *access);

/* "ls121uq" → "LS12 1UQ": a UK postcode in its usual form; anything that is
 * not a UK postcode comes back trimmed but otherwise as it was. */
char               *reach_postcode_normalize        (const char          *text);

/* Checks a place before it is saved; the message says which field and why. */
gboolean            reach_place_validate            (ReachPlace          *self,
                                                     GError             **error);

#define REACH_PLACE_ERROR (reach_place_error_quark ())
typedef enum
{
  REACH_PLACE_ERROR_NAME,
  REACH_PLACE_ERROR_COORDINATES,
  REACH_PLACE_ERROR_CAPACITY,
  REACH_PLACE_ERROR_WEBSITE,
  REACH_PLACE_ERROR_EMAIL,
  REACH_PLACE_ERROR_KIND,
} ReachPlaceError;
GQuark              reach_place_error_quark         (void);

G_END_DECLS
