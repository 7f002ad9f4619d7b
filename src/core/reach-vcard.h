/* reach-vcard.h — vCard 2.1, 3.0 and 4.0, read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lines are unfolded (a line starting with a space or tab continues the one
 * before; in 2.1 a QUOTED-PRINTABLE value also continues after a soft line
 * break "="), QUOTED-PRINTABLE is decoded and CHARSET honoured, and values
 * keep their backslash escapes until split with reach_vcard_split_value().
 * Embedded binary (PHOTO, LOGO, SOUND, KEY…) is skipped.
 */
#pragma once

#include "reach-contact.h"

G_BEGIN_DECLS

#define REACH_VCARD_ERROR (reach_vcard_error_quark ())
typedef enum
{
  REACH_VCARD_ERROR_SYNTAX,     /* message: "line N: what" */
  REACH_VCARD_ERROR_ENCODING,
  REACH_VCARD_ERROR_EMPTY,
} ReachVcardError;
GQuark reach_vcard_error_quark (void);

typedef struct
{
  guint   line;     /* where the property starts */
  char   *name;     /* upper case, group dropped: "TEL" */
  char  **params;   /* "TYPE=WORK", "PREF" … as written (NULL-terminated) */
  char   *value;    /* decoded to UTF-8, escapes kept */
} ReachVcardProperty;

typedef struct
{
  guint      line;        /* of BEGIN:VCARD */
  char      *version;     /* "2.1", "3.0", "4.0" (NULL if the card gave none) */
  GPtrArray *properties;  /* ReachVcardProperty */
  gboolean   charset_guessed;  /* text in no stated charset, not UTF-8: read as Windows-1252 */
} ReachVcardCard;

void            reach_vcard_card_free      (ReachVcardCard *card);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReachVcardCard, reach_vcard_card_free)

/* Parses every card in data; the error says "line N: …". */
GPtrArray      *reach_vcard_parse          (const char     *data,
                                            gsize           length,
                                            GError        **error);
/* The first property with this name, or NULL. */
const ReachVcardProperty *reach_vcard_card_get (ReachVcardCard *card,
                                                const char     *name);
/* Splits a structured value on unescaped sep (';' or ',') and unescapes
 * each part (\n, \,, \;, \\). */
char          **reach_vcard_split_value    (const char     *value,
                                            char            sep);
/* The card as a contact: FN (or N, or ORG), ORG alone → organisation, EMAIL,
 * TEL, ADR (with postcode), GEO, NOTE, TITLE/ROLE into notes.  No consent:
 * a vCard carries none.  NULL when the card has no name at all. */
ReachContact   *reach_vcard_card_to_contact (ReachVcardCard *card);

G_END_DECLS
