/* reach-contact-editor.h — a dialog to add or edit one contact, export
 * everything held about them, or erase them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "reach-contact.h"
#include "reach-db.h"

G_BEGIN_DECLS

#define REACH_TYPE_CONTACT_EDITOR (reach_contact_editor_get_type ())
G_DECLARE_FINAL_TYPE (ReachContactEditor, reach_contact_editor, REACH, CONTACT_EDITOR, AdwWindow)

/* A modal window over parent.  With contact NULL it makes a new contact;
 * otherwise it edits a copy and the original is never touched.
 * "saved" (ReachContact *saved) fires after the contact, its memberships and
 * its equality answers were written; "erased" (gint64 id) after the person
 * was erased for good.  Present it with gtk_window_present(). */
GtkWidget  *reach_contact_editor_new            (GtkWindow          *parent,
                                                 ReachDb            *db,
                                                 ReachContact       *contact);

/* For tests: whether the form may be saved now. */
gboolean    reach_contact_editor_can_save       (ReachContactEditor *self);
/* The combo row for a characteristic key ("ethnic_group"), or NULL. */
AdwComboRow *reach_contact_editor_get_equality_row (ReachContactEditor *self,
                                                    const char         *key);
/* Chooses a category (by id; 0 for "Not recorded") in a characteristic's row. */
gboolean    reach_contact_editor_set_equality   (ReachContactEditor *self,
                                                 const char         *key,
                                                 gint64              category_id);
/* Writes the subject access JSON to path, as Export Everything Held does. */
gboolean    reach_contact_editor_export_to      (ReachContactEditor *self,
                                                 const char         *path,
                                                 GError            **error);

G_END_DECLS
