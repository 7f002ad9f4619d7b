/* reach-place.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-place"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "reach-place.h"

G_DEFINE_TYPE (ReachPlace, reach_place, G_TYPE_OBJECT)
G_DEFINE_QUARK (reach-place-error-quark, reach_place_error)

static const struct {
  const char *id;
  const char *label;
} categories[REACH_N_PLACE_CATEGORIES] = {
  [REACH_PLACE_CATEGORY_ASSOCIATION]    = { "association", N_("Associations and groups") },
  [REACH_PLACE_CATEGORY_INSTITUTION]    = { "institution", N_("Institutions") },
  [REACH_PLACE_CATEGORY_FAITH]          = { "faith", N_("Faith centres") },
  [REACH_PLACE_CATEGORY_PHYSICAL_SPACE] = { "physical-space", N_("Physical spaces") },
  [REACH_PLACE_CATEGORY_BUSINESS]       = { "business", N_("Businesses") },
  [REACH_PLACE_CATEGORY_CULTURE]        = { "culture", N_("Cultural and heritage") },
};

static const struct {
  const char *column;
  const char *label;
} access_attrs[REACH_N_ACCESS] = {
  [REACH_ACCESS_STEP_FREE]         = { "step_free", N_("Step-free access") },
  [REACH_ACCESS_LIFT]              = { "lift", N_("Lift") },
  [REACH_ACCESS_ACCESSIBLE_TOILET] = { "accessible_toilet", N_("Accessible toilet") },
  [REACH_ACCESS_CHANGING_PLACES]   = { "changing_places", N_("Changing Places toilet") },
  [REACH_ACCESS_HEARING_LOOP]      = { "hearing_loop", N_("Hearing loop") },
  [REACH_ACCESS_BSL]               = { "bsl_available", N_("BSL available") },
  [REACH_ACCESS_QUIET_ROOM]        = { "quiet_room", N_("Quiet room") },
  [REACH_ACCESS_BLUE_BADGE]        = { "blue_badge_parking", N_("Blue badge parking") },
  [REACH_ACCESS_PUBLIC_TRANSPORT]  = { "public_transport", N_("Near public transport") },
  [REACH_ACCESS_BABY_CHANGE]       = { "baby_change", N_("Baby change") },
  [REACH_ACCESS_PRAYER_SPACE]      = { "prayer_space", N_("Prayer space") },
  [REACH_ACCESS_FREE_TO_USE]       = { "free_to_use", N_("Free to use") },
};

static void
reach_place_finalize (GObject *object)
{
  ReachPlace *self = (ReachPlace *) object;

  g_free (self->name);
  g_free (self->description);
  g_free (self->address);
  g_free (self->postcode);
  g_free (self->opening_hours);
  g_free (self->website);
  g_free (self->phone);
  g_free (self->email);
  g_free (self->source);

  G_OBJECT_CLASS (reach_place_parent_class)->finalize (object);
}

static void
reach_place_class_init (ReachPlaceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = reach_place_finalize;
}

static void
reach_place_init (ReachPlace *self)
{
  self->is_asset = TRUE;
  self->capacity = -1;
  for (guint i = 0; i < REACH_N_ACCESS; i++)
    self->access[i] = REACH_TRISTATE_UNKNOWN;
}

ReachPlace *
reach_place_new (void)
{
  return g_object_new (REACH_TYPE_PLACE, NULL);
}

ReachPlace *
reach_place_copy (ReachPlace *self)
{
  ReachPlace *copy = reach_place_new ();

  copy->id = self->id;
  copy->name = g_strdup (self->name);
  copy->category = self->category;
  copy->is_asset = self->is_asset;
  copy->is_venue = self->is_venue;
  copy->description = g_strdup (self->description);
  copy->address = g_strdup (self->address);
  copy->postcode = g_strdup (self->postcode);
  copy->lat = self->lat;
  copy->lon = self->lon;
  copy->opening_hours = g_strdup (self->opening_hours);
  copy->capacity = self->capacity;
  copy->website = g_strdup (self->website);
  copy->phone = g_strdup (self->phone);
  copy->email = g_strdup (self->email);
  memcpy (copy->access, self->access, sizeof self->access);
  copy->source = g_strdup (self->source);

  return copy;
}

const char *
reach_place_category_to_string (ReachPlaceCategory category)
{
  g_return_val_if_fail (category < REACH_N_PLACE_CATEGORIES, NULL);
  return categories[category].id;
}

gboolean
reach_place_category_from_string (const char         *str,
                                  ReachPlaceCategory *category)
{
  for (guint i = 0; i < REACH_N_PLACE_CATEGORIES; i++)
    if (g_strcmp0 (str, categories[i].id) == 0)
      {
        *category = i;
        return TRUE;
      }

  return FALSE;
}

const char *
reach_place_category_label (ReachPlaceCategory category)
{
  g_return_val_if_fail (category < REACH_N_PLACE_CATEGORIES, NULL);
  return _(categories[category].label);
}

const char *
reach_access_column (ReachAccess access)
{
  g_return_val_if_fail (access < REACH_N_ACCESS, NULL);
  return access_attrs[access].column;
}

const char *
reach_access_label (ReachAccess access)
{
  g_return_val_if_fail (access < REACH_N_ACCESS, NULL);
  return _(access_attrs[access].label);
}

gboolean
reach_access_from_string (const char  *str,
                          ReachAccess *access)
{
  for (guint i = 0; i < REACH_N_ACCESS; i++)
    if (g_strcmp0 (str, access_attrs[i].column) == 0)
      {
        *access = i;
        return TRUE;
      }

  return FALSE;
}

static gboolean
is_blank (const char *str)
{
  for (; str != NULL && *str != '\0'; str = g_utf8_next_char (str))
    if (!g_unichar_isspace (g_utf8_get_char (str)))
      return FALSE;

  return TRUE;
}

gboolean
reach_place_validate (ReachPlace  *self,
                      GError     **error)
{
  if (is_blank (self->name))
    {
      g_set_error_literal (error, REACH_PLACE_ERROR, REACH_PLACE_ERROR_NAME,
                           _("A place needs a name"));
      return FALSE;
    }

  if (!isfinite (self->lat) || self->lat < -90 || self->lat > 90)
    {
      g_set_error (error, REACH_PLACE_ERROR, REACH_PLACE_ERROR_COORDINATES,
                   _("Latitude %g is outside −90 to 90"), self->lat);
      return FALSE;
    }

  if (!isfinite (self->lon) || self->lon < -180 || self->lon > 180)
    {
      g_set_error (error, REACH_PLACE_ERROR, REACH_PLACE_ERROR_COORDINATES,
                   _("Longitude %g is outside −180 to 180"), self->lon);
      return FALSE;
    }

  if (!self->is_asset && !self->is_venue)
    {
      g_set_error_literal (error, REACH_PLACE_ERROR, REACH_PLACE_ERROR_KIND,
                           _("A place is a community asset, a venue, or both"));
      return FALSE;
    }

  if (self->capacity < -1)
    {
      g_set_error_literal (error, REACH_PLACE_ERROR, REACH_PLACE_ERROR_CAPACITY,
                           _("Capacity cannot be negative"));
      return FALSE;
    }

  if (!is_blank (self->website) &&
      !g_str_has_prefix (self->website, "http://") &&
      !g_str_has_prefix (self->website, "https://"))
    {
      g_set_error_literal (error, REACH_PLACE_ERROR, REACH_PLACE_ERROR_WEBSITE,
                           _("A website starts with http:// or https://"));
      return FALSE;
    }

  if (!is_blank (self->email) && strchr (self->email, '@') == NULL)
    {
      g_set_error_literal (error, REACH_PLACE_ERROR, REACH_PLACE_ERROR_EMAIL,
                           _("An email address needs an @"));
      return FALSE;
    }

  return TRUE;
}

/* Outward code (A9, A99, AA9, AA99, A9A, AA9A) then inward code (9AA). */
static gboolean
looks_like_uk_postcode (const char *s,
                        gsize       len)
{
  gsize i = 0;

  if (len < 5 || len > 7)
    return FALSE;

  if (!g_ascii_isalpha (s[len - 1]) || !g_ascii_isalpha (s[len - 2]) || !g_ascii_isdigit (s[len - 3]))
    return FALSE;

  while (i < len - 3 && g_ascii_isalpha (s[i]))
    i++;
  if (i < 1 || i > 2 || !g_ascii_isdigit (s[i]))
    return FALSE;
  for (i++; i < len - 3; i++)
    if (!g_ascii_isalnum (s[i]))
      return FALSE;

  return TRUE;
}

char *
reach_postcode_normalize (const char *text)
{
  g_autoptr(GString) compact = g_string_new (NULL);
  g_autofree char *trimmed = NULL;

  if (text == NULL)
    return NULL;

  trimmed = g_strstrip (g_strdup (text));
  for (const char *p = trimmed; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (compact, g_ascii_toupper (*p));

  if (!looks_like_uk_postcode (compact->str, compact->len))
    return g_steal_pointer (&trimmed);

  g_string_insert_c (compact, compact->len - 3, ' ');
  return g_string_free (g_steal_pointer (&compact), FALSE);
}
