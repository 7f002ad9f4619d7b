/* reach-contacts.h — contacts in a workspace: the store, memberships,
 * equality answers, subject access and erasure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Consent gate: equality answers are saved only for a contact whose consent
 * covers equality answers and is not withdrawn (reach_contact_may_hold_equality);
 * otherwise REACH_CONTACTS_ERROR_NO_CONSENT.  The schema enforces it too.
 * Withdrawal: when a contact is saved with consent withdrawn, or with consent
 * that no longer covers equality answers, its equality answers are deleted
 * in the same transaction (they may not be held without consent).
 *
 * Every insert, update, delete and erase writes an audit row (table, id,
 * action) and never a personal value.
 */
#pragma once

#include "reach-contact.h"
#include "reach-db.h"

G_BEGIN_DECLS

#define REACH_CONTACTS_ERROR (reach_contacts_error_quark ())
typedef enum
{
  REACH_CONTACTS_ERROR_NO_CONSENT,     /* the consent gate */
  REACH_CONTACTS_ERROR_INVALID,        /* a membership that makes no sense */
  REACH_CONTACTS_ERROR_IN_TRANSACTION, /* erase needs to own the transaction */
} ReachContactsError;
GQuark        reach_contacts_error_quark        (void);

/* Saves a new contact and sets contact->id. */
gboolean      reach_contacts_insert             (ReachDb       *db,
                                                 ReachContact  *contact,
                                                 GError       **error);
gboolean      reach_contacts_update             (ReachDb       *db,
                                                 ReachContact  *contact,
                                                 GError       **error);
/* Deletes the contact and, through the schema, its memberships, equality
 * answers and participation. */
gboolean      reach_contacts_delete             (ReachDb       *db,
                                                 gint64         id,
                                                 GError       **error);
ReachContact *reach_contacts_get                (ReachDb       *db,
                                                 gint64         id,
                                                 GError       **error);

/* What a list shows.  Start from reach_contact_filter_init() (every member
 * "any"; a zeroed struct would mean people with no role), or pass NULL. */
typedef struct
{
  const char *search;          /* words matched in name, email, phone, postcode, address, notes */
  int         kind;            /* a ReachContactKind, or -1 for any */
  int         role;            /* a ReachContactRole, or -1 for any (REACH_ROLE_NONE: no role) */
  gint64      organisation_id; /* members of this organisation; 0 for any */
  gint64      group_id;        /* members of this community group; 0 for any */
  int         need;            /* a ReachNeed they have, or -1 for any */
  int         consent;         /* a ReachConsentState, or -1 for any */
  gboolean    review_due;      /* only retention review on or before today */
  const char *today;           /* "YYYY-MM-DD"; NULL = the local date now */
} ReachContactFilter;

/* Sets every member of a filter to "any". */
void          reach_contact_filter_init         (ReachContactFilter *filter);

/* ReachContact objects ordered by name. */
GPtrArray    *reach_contacts_list               (ReachDb                  *db,
                                                 const ReachContactFilter *filter,
                                                 GError                  **error);
/* Contacts whose retention review date is on or before today (NULL = now),
 * soonest first. */
GPtrArray    *reach_contacts_list_review_due    (ReachDb       *db,
                                                 const char    *today,
                                                 GError       **error);

/* Memberships: a person in an organisation (a contact of kind organisation),
 * any contact in a community group.  Adding twice is harmless. */
gboolean      reach_contacts_add_to_organisation    (ReachDb  *db,
                                                     gint64    contact_id,
                                                     gint64    organisation_id,
                                                     GError  **error);
gboolean      reach_contacts_remove_from_organisation (ReachDb *db,
                                                     gint64    contact_id,
                                                     gint64    organisation_id,
                                                     GError  **error);
gboolean      reach_contacts_add_to_group           (ReachDb  *db,
                                                     gint64    contact_id,
                                                     gint64    group_id,
                                                     GError  **error);
gboolean      reach_contacts_remove_from_group      (ReachDb  *db,
                                                     gint64    contact_id,
                                                     gint64    group_id,
                                                     GError  **error);
/* The organisations (ReachContact) a contact belongs to, by name. */
GPtrArray    *reach_contacts_list_organisations     (ReachDb  *db,
                                                     gint64    contact_id,
                                                     GError  **error);
/* The members (ReachContact) of an organisation, or of a community group. */
GPtrArray    *reach_contacts_list_members           (ReachDb  *db,
                                                     gint64    organisation_id,
                                                     GError  **error);
GPtrArray    *reach_contacts_list_group_members     (ReachDb  *db,
                                                     gint64    group_id,
                                                     GError  **error);
/* The ids of the community groups a contact belongs to (gint64). */
GArray       *reach_contacts_list_group_ids         (ReachDb  *db,
                                                     gint64    contact_id,
                                                     GError  **error);

/* One equality answer, as read back. */
typedef struct
{
  gint64   category_id;
  char    *characteristic_key;
  char    *characteristic_label;
  char    *category_key;
  char    *category_label;
  gboolean is_prefer_not;
  char    *self_described;   /* the person's own words, if any */
  char    *recorded_at;
} ReachEqualityAnswer;

void          reach_equality_answer_free            (ReachEqualityAnswer *answer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReachEqualityAnswer, reach_equality_answer_free)

/* Sets the contact's answer for the category's characteristic, replacing
 * any earlier answer for that characteristic.  "Prefer not to say" is an
 * answer like any other.  The consent gate applies. */
gboolean      reach_contacts_set_equality           (ReachDb     *db,
                                                     gint64       contact_id,
                                                     gint64       category_id,
                                                     const char  *self_described,
                                                     GError     **error);
/* Removes the contact's answer for a characteristic (no answer: not asked). */
gboolean      reach_contacts_clear_equality         (ReachDb     *db,
                                                     gint64       contact_id,
                                                     const char  *characteristic_key,
                                                     GError     **error);
/* ReachEqualityAnswer for each characteristic answered, in characteristic order. */
GPtrArray    *reach_contacts_get_equality           (ReachDb     *db,
                                                     gint64       contact_id,
                                                     GError     **error);

/* Subject access: everything held about one contact — fields, memberships,
 * equality answers (labels), participation in activities, linked feedback,
 * and the audit rows about them — as pretty-printed JSON. */
char         *reach_contacts_subject_access_json    (ReachDb     *db,
                                                     gint64       id,
                                                     GError     **error);

/* Erasure for good: deletes the contact and every link to it, writes an
 * audit row "erase" (no personal values), then checkpoints and truncates
 * the write-ahead log: with secure_delete on, the erased values are then no
 * longer in the workspace file's bytes.  Must not be called inside a transaction. */
gboolean      reach_contacts_erase                  (ReachDb     *db,
                                                     gint64       id,
                                                     GError     **error);

G_END_DECLS
