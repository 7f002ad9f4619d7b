/* reach-contact-import.h — contacts from CSV and vCard files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two steps like reach-import: reach_contact_import_read() parses and checks
 * the whole file without touching the workspace (safe in a thread: the
 * classifications were copied by _new()), and leaves notes for a summary;
 * reach_contact_import_commit() writes every contact (and its equality
 * answers) in one transaction, or nothing.
 *
 * CSV columns (any case, spaces or underscores): name, or first_name and
 * last_name; kind; role; email; phone; address; postcode; lat/latitude and
 * lon/lng/longitude (as places accept); preferred_contact; needs (a list
 * such as "easy read; BSL") or one column per need (easy_read, large_print,
 * bsl, interpreter, braille, audio: yes/no/1/0/true/false/y/n);
 * interpreter_language; consent_date, consent_contact, consent_equality,
 * consent_method, consent_withdrawn; retention_review; notes; and equality
 * columns ethnic_group, religion, disability, age_band, sex,
 * sexual_orientation, gender_identity, carer with ONS labels, codes or keys.
 * An unknown category is reported with file and line, never guessed; an
 * equality answer in a row without equality consent is refused.  A CSV
 * error lists every bad row (up to ten): "file.csv: line 3: …; line 9: …".
 */
#pragma once

#include "reach-db.h"
#include "reach-import.h"   /* ReachProgressFunc, REACH_IMPORT_ERROR */

G_BEGIN_DECLS

#define REACH_TYPE_CONTACT_IMPORT (reach_contact_import_get_type ())
G_DECLARE_FINAL_TYPE (ReachContactImport, reach_contact_import, REACH, CONTACT_IMPORT, GObject)

/* The format is told by the extension (.vcf, .vcard → vCard) and content
 * ("BEGIN:VCARD"); anything else is read as CSV.  Copies db's
 * classifications (call on db's thread). */
ReachContactImport *reach_contact_import_new        (ReachDb            *db,
                                                     const char         *path);
/* Errors are in REACH_IMPORT_ERROR and name the file and line. */
gboolean            reach_contact_import_read       (ReachContactImport *self,
                                                     GCancellable       *cancellable,
                                                     ReachProgressFunc   progress,
                                                     gpointer            progress_data,
                                                     GError            **error);
gboolean            reach_contact_import_is_vcard   (ReachContactImport *self);
guint               reach_contact_import_get_n_items (ReachContactImport *self);
/* ReachContact objects read (for a preview). */
GPtrArray          *reach_contact_import_get_items  (ReachContactImport *self);
/* Plain-language lines for the summary ("Contacts from a vCard have no
 * consent recorded: …", "12 rows have equality answers"). */
const char * const *reach_contact_import_get_notes  (ReachContactImport *self);
gboolean            reach_contact_import_commit     (ReachContactImport *self,
                                                     ReachDb            *db,
                                                     GCancellable       *cancellable,
                                                     ReachProgressFunc   progress,
                                                     gpointer            progress_data,
                                                     GError            **error);

G_END_DECLS
