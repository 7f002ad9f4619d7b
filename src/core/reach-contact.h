/* reach-contact.h — a person or an organisation the service works with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  REACH_CONTACT_PERSON,
  REACH_CONTACT_ORGANISATION,
} ReachContactKind;

typedef enum
{
  REACH_ROLE_NONE,               /* not said */
  REACH_ROLE_RESIDENT,
  REACH_ROLE_CARER,
  REACH_ROLE_LIVED_EXPERIENCE,   /* person with lived experience */
  REACH_ROLE_VOLUNTARY_SECTOR,   /* voluntary-sector organisation */
  REACH_ROLE_PROFESSIONAL,
  REACH_ROLE_ELECTED_MEMBER,
  REACH_N_ROLES
} ReachContactRole;

/* Communication needs. */
typedef enum
{
  REACH_NEED_EASY_READ,
  REACH_NEED_LARGE_PRINT,
  REACH_NEED_BSL,
  REACH_NEED_INTERPRETER,        /* language in interpreter_language */
  REACH_NEED_BRAILLE,
  REACH_NEED_AUDIO,
  REACH_N_NEEDS
} ReachNeed;

typedef enum
{
  REACH_CONTACT_METHOD_NONE,
  REACH_CONTACT_METHOD_EMAIL,
  REACH_CONTACT_METHOD_PHONE,
  REACH_CONTACT_METHOD_TEXT,     /* text message */
  REACH_CONTACT_METHOD_POST,
  REACH_CONTACT_METHOD_IN_PERSON,
  REACH_N_CONTACT_METHODS
} ReachContactMethod;

typedef enum
{
  REACH_CONSENT_METHOD_NONE,
  REACH_CONSENT_METHOD_WRITTEN,
  REACH_CONSENT_METHOD_VERBAL,
  REACH_CONSENT_METHOD_ONLINE_FORM,
  REACH_CONSENT_METHOD_EMAIL,
  REACH_CONSENT_METHOD_OTHER,
  REACH_N_CONSENT_METHODS
} ReachConsentMethod;

/* Computed from the consent fields: withdrawn wins over given. */
typedef enum
{
  REACH_CONSENT_NONE,
  REACH_CONSENT_GIVEN,
  REACH_CONSENT_WITHDRAWN,
} ReachConsentState;

#define REACH_TYPE_CONTACT (reach_contact_get_type ())
G_DECLARE_FINAL_TYPE (ReachContact, reach_contact, REACH, CONTACT, GObject)

/* A plain record like ReachPlace: fields are public.  id is 0 until saved.
 * Dates are "YYYY-MM-DD" strings, NULL when not set. */
struct _ReachContact
{
  GObject            parent_instance;

  gint64             id;
  ReachContactKind   kind;
  char              *name;
  ReachContactRole   role;
  char              *email;
  char              *phone;
  char              *address;
  char              *postcode;
  gboolean           has_location;   /* lat/lon mean something */
  double             lat;
  double             lon;
  gint64             place_id;       /* an organisation's place; 0 for none */
  ReachContactMethod preferred_method;
  gboolean           needs[REACH_N_NEEDS];
  char              *interpreter_language;

  char              *consent_date;       /* when consent was given */
  gboolean           consent_contact;    /* covers being contacted */
  gboolean           consent_equality;   /* covers holding equality answers */
  ReachConsentMethod consent_method;     /* how it was given */
  char              *consent_withdrawn;  /* when it was withdrawn */
  char              *retention_review;   /* review (or delete) on this date */

  char              *notes;
};

ReachContact      *reach_contact_new                  (void);
ReachContact      *reach_contact_copy                 (ReachContact      *self);

ReachConsentState  reach_contact_get_consent_state    (ReachContact      *self);
/* Consent given, covering equality answers, and not withdrawn. */
gboolean           reach_contact_may_hold_equality    (ReachContact      *self);
/* retention_review is set and on or before today ("YYYY-MM-DD"; NULL = the local date now). */
gboolean           reach_contact_is_review_due        (ReachContact      *self,
                                                       const char        *today);

/* Stable strings as stored and as in CSV: "person", "resident",
 * "lived-experience", "easy_read", "online-form", … and labels for people. */
const char        *reach_contact_kind_to_string       (ReachContactKind   kind);
gboolean           reach_contact_kind_from_string     (const char        *str,
                                                       ReachContactKind  *kind);
const char        *reach_contact_kind_label           (ReachContactKind   kind);
const char        *reach_contact_role_to_string       (ReachContactRole   role);
/* Accepts the string or the label, any case ("Elected member", "elected-member"). */
gboolean           reach_contact_role_from_string     (const char        *str,
                                                       ReachContactRole  *role);
const char        *reach_contact_role_label           (ReachContactRole   role);
const char        *reach_need_to_string               (ReachNeed          need);
gboolean           reach_need_from_string             (const char        *str,
                                                       ReachNeed         *need);
const char        *reach_need_label                   (ReachNeed          need);
const char        *reach_contact_method_to_string     (ReachContactMethod method);
gboolean           reach_contact_method_from_string   (const char        *str,
                                                       ReachContactMethod *method);
const char        *reach_contact_method_label         (ReachContactMethod method);
const char        *reach_consent_method_to_string     (ReachConsentMethod method);
gboolean           reach_consent_method_from_string   (const char        *str,
                                                       ReachConsentMethod *method);
const char        *reach_consent_method_label         (ReachConsentMethod method);
const char        *reach_consent_state_label          (ReachConsentState  state);

/* "2024-03-01", "1/3/2024", "01/03/2024" (UK day first) → "2024-03-01";
 * NULL when it is not a real date. */
char              *reach_date_normalize               (const char        *text);

/* Checks a contact before it is saved; the message names the field and why. */
gboolean           reach_contact_validate             (ReachContact      *self,
                                                       GError           **error);

#define REACH_CONTACT_ERROR (reach_contact_error_quark ())
typedef enum
{
  REACH_CONTACT_ERROR_NAME,
  REACH_CONTACT_ERROR_EMAIL,
  REACH_CONTACT_ERROR_COORDINATES,
  REACH_CONTACT_ERROR_DATE,
  REACH_CONTACT_ERROR_CONSENT,       /* consent fields that contradict each other */
  REACH_CONTACT_ERROR_INTERPRETER,
  REACH_CONTACT_ERROR_KIND,
} ReachContactError;
GQuark             reach_contact_error_quark          (void);

G_END_DECLS
