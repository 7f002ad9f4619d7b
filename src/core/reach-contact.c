/* reach-contact.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-contact"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include "reach-contact.h"

G_DEFINE_TYPE (ReachContact, reach_contact, G_TYPE_OBJECT)
G_DEFINE_QUARK (reach-contact-error-quark, reach_contact_error)

typedef struct
{
  const char *id;
  const char *label;
} Named;

static const Named kinds[] = {
  [REACH_CONTACT_PERSON]       = { "person", N_("Person") },
  [REACH_CONTACT_ORGANISATION] = { "organisation", N_("Organisation") },
};

static const Named roles[REACH_N_ROLES] = {
  [REACH_ROLE_NONE]             = { "", N_("No role") },
  [REACH_ROLE_RESIDENT]         = { "resident", N_("Resident") },
  [REACH_ROLE_CARER]            = { "carer", N_("Carer") },
  [REACH_ROLE_LIVED_EXPERIENCE] = { "lived-experience", N_("Person with lived experience") },
  [REACH_ROLE_VOLUNTARY_SECTOR] = { "voluntary-sector", N_("Voluntary-sector organisation") },
  [REACH_ROLE_PROFESSIONAL]     = { "professional", N_("Professional") },
  [REACH_ROLE_ELECTED_MEMBER]   = { "elected-member", N_("Elected member") },
};

static const Named needs[REACH_N_NEEDS] = {
  [REACH_NEED_EASY_READ]   = { "easy_read", N_("Easy read") },
  [REACH_NEED_LARGE_PRINT] = { "large_print", N_("Large print") },
  [REACH_NEED_BSL]         = { "bsl", N_("British Sign Language") },
  [REACH_NEED_INTERPRETER] = { "interpreter", N_("Interpreter") },
  [REACH_NEED_BRAILLE]     = { "braille", N_("Braille") },
  [REACH_NEED_AUDIO]       = { "audio", N_("Audio") },
};

static const Named contact_methods[REACH_N_CONTACT_METHODS] = {
  [REACH_CONTACT_METHOD_NONE]      = { "", N_("No preference") },
  [REACH_CONTACT_METHOD_EMAIL]     = { "email", N_("Email") },
  [REACH_CONTACT_METHOD_PHONE]     = { "phone", N_("Phone") },
  [REACH_CONTACT_METHOD_TEXT]      = { "text", N_("Text message") },
  [REACH_CONTACT_METHOD_POST]      = { "post", N_("Post") },
  [REACH_CONTACT_METHOD_IN_PERSON] = { "in-person", N_("In person") },
};

static const Named consent_methods[REACH_N_CONSENT_METHODS] = {
  [REACH_CONSENT_METHOD_NONE]        = { "", N_("Not recorded") },
  [REACH_CONSENT_METHOD_WRITTEN]     = { "written", N_("Written") },
  [REACH_CONSENT_METHOD_VERBAL]      = { "verbal", N_("Verbal") },
  [REACH_CONSENT_METHOD_ONLINE_FORM] = { "online-form", N_("Online form") },
  [REACH_CONSENT_METHOD_EMAIL]       = { "email", N_("Email") },
  [REACH_CONSENT_METHOD_OTHER]       = { "other", N_("Other") },
};

static void
reach_contact_finalize (GObject *object)
{
  ReachContact *self = (ReachContact *) object;

  g_free (self->name);
  g_free (self->email);
  g_free (self->phone);
  g_free (self->address);
  g_free (self->postcode);
  g_free (self->interpreter_language);
  g_free (self->consent_date);
  g_free (self->consent_withdrawn);
  g_free (self->retention_review);
  g_free (self->notes);

  G_OBJECT_CLASS (reach_contact_parent_class)->finalize (object);
}

static void
reach_contact_class_init (ReachContactClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = reach_contact_finalize;
}

static void
reach_contact_init (ReachContact *self)
{
}

ReachContact *
reach_contact_new (void)
{
  return g_object_new (REACH_TYPE_CONTACT, NULL);
}

ReachContact *
reach_contact_copy (ReachContact *self)
{
  ReachContact *copy = reach_contact_new ();

  copy->id = self->id;
  copy->kind = self->kind;
  copy->name = g_strdup (self->name);
  copy->role = self->role;
  copy->email = g_strdup (self->email);
  copy->phone = g_strdup (self->phone);
  copy->address = g_strdup (self->address);
  copy->postcode = g_strdup (self->postcode);
  copy->has_location = self->has_location;
  copy->lat = self->lat;
  copy->lon = self->lon;
  copy->place_id = self->place_id;
  copy->preferred_method = self->preferred_method;
  memcpy (copy->needs, self->needs, sizeof self->needs);
  copy->interpreter_language = g_strdup (self->interpreter_language);
  copy->consent_date = g_strdup (self->consent_date);
  copy->consent_contact = self->consent_contact;
  copy->consent_equality = self->consent_equality;
  copy->consent_method = self->consent_method;
  copy->consent_withdrawn = g_strdup (self->consent_withdrawn);
  copy->retention_review = g_strdup (self->retention_review);
  copy->notes = g_strdup (self->notes);

  return copy;
}

static gboolean
is_blank (const char *str)
{
  for (; str != NULL && *str != '\0'; str = g_utf8_next_char (str))
    if (!g_unichar_isspace (g_utf8_get_char (str)))
      return FALSE;

  return TRUE;
}

ReachConsentState
reach_contact_get_consent_state (ReachContact *self)
{
  if (!is_blank (self->consent_withdrawn))
    return REACH_CONSENT_WITHDRAWN;
  if (!is_blank (self->consent_date) && (self->consent_contact || self->consent_equality))
    return REACH_CONSENT_GIVEN;
  return REACH_CONSENT_NONE;
}

gboolean
reach_contact_may_hold_equality (ReachContact *self)
{
  return reach_contact_get_consent_state (self) == REACH_CONSENT_GIVEN &&
         self->consent_equality;
}

static char *
today_string (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

gboolean
reach_contact_is_review_due (ReachContact *self,
                             const char   *today)
{
  g_autofree char *now = today == NULL ? today_string () : NULL;

  if (is_blank (self->retention_review))
    return FALSE;
  return strcmp (self->retention_review, today != NULL ? today : now) <= 0;
}

static const char *
named_id (const Named *table,
          guint        n,
          guint        value)
{
  g_return_val_if_fail (value < n, NULL);
  return table[value].id;
}

static const char *
named_label (const Named *table,
             guint        n,
             guint        value)
{
  g_return_val_if_fail (value < n, NULL);
  return _(table[value].label);
}

/* Matches the id or the label, ignoring case, "-", "_" and spaces. */
static char *
squash (const char *text)
{
  g_autofree char *lower = g_utf8_casefold (text, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p++)
    if (*p != '-' && *p != '_' && *p != ' ' && *p != '\t')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static gboolean
named_from_string (const Named *table,
                   guint        n,
                   const char  *str,
                   guint       *value)
{
  g_autofree char *want = NULL;

  if (str == NULL)
    return FALSE;

  want = squash (str);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = squash (table[i].id);
      g_autofree char *label = squash (table[i].label);
      g_autofree char *translated = squash (_(table[i].label));

      if (g_str_equal (want, id) || g_str_equal (want, label) || g_str_equal (want, translated))
        {
          *value = i;
          return TRUE;
        }
    }

  return FALSE;
}

#define NAMED(table) table, G_N_ELEMENTS (table)

const char *
reach_contact_kind_to_string (ReachContactKind kind)
{
  return named_id (NAMED (kinds), kind);
}

gboolean
reach_contact_kind_from_string (const char       *str,
                                ReachContactKind *kind)
{
  guint value;

  if (!named_from_string (NAMED (kinds), str, &value))
    return FALSE;
  *kind = value;
  return TRUE;
}

const char *
reach_contact_kind_label (ReachContactKind kind)
{
  return named_label (NAMED (kinds), kind);
}

const char *
reach_contact_role_to_string (ReachContactRole role)
{
  return named_id (NAMED (roles), role);
}

gboolean
reach_contact_role_from_string (const char       *str,
                                ReachContactRole *role)
{
  guint value;

  if (!named_from_string (NAMED (roles), str, &value))
    return FALSE;
  *role = value;
  return TRUE;
}

const char *
reach_contact_role_label (ReachContactRole role)
{
  return named_label (NAMED (roles), role);
}

const char *
reach_need_to_string (ReachNeed need)
{
  return named_id (NAMED (needs), need);
}

gboolean
reach_need_from_string (const char *str,
                        ReachNeed  *need)
{
  guint value;

  if (!named_from_string (NAMED (needs), str, &value))
    return FALSE;
  *need = value;
  return TRUE;
}

const char *
reach_need_label (ReachNeed need)
{
  return named_label (NAMED (needs), need);
}

const char *
reach_contact_method_to_string (ReachContactMethod method)
{
  return named_id (NAMED (contact_methods), method);
}

gboolean
reach_contact_method_from_string (const char         *str,
                                  ReachContactMethod *method)
{
  guint value;

  if (!named_from_string (NAMED (contact_methods), str, &value))
    return FALSE;
  *method = value;
  return TRUE;
}

const char *
reach_contact_method_label (ReachContactMethod method)
{
  return named_label (NAMED (contact_methods), method);
}

const char *
reach_consent_method_to_string (ReachConsentMethod method)
{
  return named_id (NAMED (consent_methods), method);
}

gboolean
reach_consent_method_from_string (const char         *str,
                                  ReachConsentMethod *method)
{
  guint value;

  if (!named_from_string (NAMED (consent_methods), str, &value))
    return FALSE;
  *method = value;
  return TRUE;
}

const char *
reach_consent_method_label (ReachConsentMethod method)
{
  return named_label (NAMED (consent_methods), method);
}

const char *
reach_consent_state_label (ReachConsentState state)
{
  switch (state)
    {
    case REACH_CONSENT_NONE:
      return _("No consent");
    case REACH_CONSENT_GIVEN:
      return _("Consent given");
    case REACH_CONSENT_WITHDRAWN:
      return _("Consent withdrawn");
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
parse_uint (const char *text,
            guint       max_digits,
            guint      *value)
{
  guint n = 0;

  *value = 0;
  for (; *text != '\0'; text++, n++)
    {
      if (!g_ascii_isdigit (*text) || n >= max_digits)
        return FALSE;
      *value = *value * 10 + (*text - '0');
    }

  return n > 0;
}

char *
reach_date_normalize (const char *text)
{
  g_autofree char *trimmed = NULL;
  g_auto(GStrv) parts = NULL;
  guint y, m, d;

  if (text == NULL)
    return NULL;

  trimmed = g_strstrip (g_strdup (text));
  /* ISO with a time after it: keep the date */
  if (strlen (trimmed) > 10 && trimmed[4] == '-' && (trimmed[10] == 'T' || trimmed[10] == ' '))
    trimmed[10] = '\0';

  parts = g_strsplit_set (trimmed, "-/.", -1);
  if (g_strv_length (parts) != 3)
    return NULL;

  if (strlen (parts[0]) == 4)
    {
      if (!parse_uint (parts[0], 4, &y) || !parse_uint (parts[1], 2, &m) || !parse_uint (parts[2], 2, &d))
        return NULL;
    }
  else if (!parse_uint (parts[0], 2, &d) || !parse_uint (parts[1], 2, &m) ||
           !parse_uint (parts[2], 4, &y) || strlen (parts[2]) != 4)
    return NULL;

  if (y < 1900 || !g_date_valid_dmy (d, m, y))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", y, m, d);
}

static gboolean
check_date (const char  *value,
            const char  *field,
            GError     **error)
{
  g_autofree char *normal = NULL;

  if (is_blank (value))
    return TRUE;

  normal = reach_date_normalize (value);
  if (normal == NULL || !g_str_equal (normal, value))
    {
      g_set_error (error, REACH_CONTACT_ERROR, REACH_CONTACT_ERROR_DATE,
                   _("%s “%s” is not a date as YYYY-MM-DD"), field, value);
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_consent (ReachContact  *self,
                  GError       **error)
{
  gboolean given = self->consent_contact || self->consent_equality;

  if (!check_date (self->consent_date, _("Consent date"), error) ||
      !check_date (self->consent_withdrawn, _("Consent withdrawn date"), error) ||
      !check_date (self->retention_review, _("Retention review date"), error))
    return FALSE;

  if (given && is_blank (self->consent_date))
    {
      g_set_error_literal (error, REACH_CONTACT_ERROR, REACH_CONTACT_ERROR_CONSENT,
                           _("Consent needs the date it was given"));
      return FALSE;
    }

  if (!is_blank (self->consent_date) && !given && is_blank (self->consent_withdrawn))
    {
      g_set_error_literal (error, REACH_CONTACT_ERROR, REACH_CONTACT_ERROR_CONSENT,
                           _("Consent has a date but covers nothing: say whether it covers "
                             "being contacted, equality answers or both"));
      return FALSE;
    }

  if (!is_blank (self->consent_withdrawn) && !is_blank (self->consent_date) &&
      strcmp (self->consent_withdrawn, self->consent_date) < 0)
    {
      g_set_error_literal (error, REACH_CONTACT_ERROR, REACH_CONTACT_ERROR_CONSENT,
                           _("Consent cannot be withdrawn before it was given"));
      return FALSE;
    }

  return TRUE;
}

gboolean
reach_contact_validate (ReachContact  *self,
                        GError       **error)
{
  if (is_blank (self->name))
    {
      g_set_error_literal (error, REACH_CONTACT_ERROR, REACH_CONTACT_ERROR_NAME,
                           _("A contact needs a name"));
      return FALSE;
    }

  if (self->kind != REACH_CONTACT_PERSON && self->kind != REACH_CONTACT_ORGANISATION)
    {
      g_set_error_literal (error, REACH_CONTACT_ERROR, REACH_CONTACT_ERROR_KIND,
                           _("A contact is a person or an organisation"));
      return FALSE;
    }

  if (!is_blank (self->email) &&
      (strchr (self->email, '@') == NULL || strpbrk (self->email, " \t\n,;<>") != NULL))
    {
      g_set_error (error, REACH_CONTACT_ERROR, REACH_CONTACT_ERROR_EMAIL,
                   _("“%s” is not an email address"), self->email);
      return FALSE;
    }

  if (self->has_location &&
      (!isfinite (self->lat) || self->lat < -90 || self->lat > 90 ||
       !isfinite (self->lon) || self->lon < -180 || self->lon > 180))
    {
      g_set_error (error, REACH_CONTACT_ERROR, REACH_CONTACT_ERROR_COORDINATES,
                   _("%g, %g is not a latitude and longitude"), self->lat, self->lon);
      return FALSE;
    }

  if (!is_blank (self->interpreter_language) && !self->needs[REACH_NEED_INTERPRETER])
    {
      g_set_error_literal (error, REACH_CONTACT_ERROR, REACH_CONTACT_ERROR_INTERPRETER,
                           _("An interpreter language is given but no interpreter is needed"));
      return FALSE;
    }

  return validate_consent (self, error);
}
