/* reach-contacts-view.h — the contacts page of the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "reach-db.h"

G_BEGIN_DECLS

#define REACH_TYPE_CONTACTS_VIEW (reach_contacts_view_get_type ())
G_DECLARE_FINAL_TYPE (ReachContactsView, reach_contacts_view, REACH, CONTACTS_VIEW, GtkWidget)

GtkWidget  *reach_contacts_view_new         (void);

/* Shows what db holds; db NULL empties the page.  The view keeps a ref.
 * "changed" fires after the view saved, imported or erased contacts. */
void        reach_contacts_view_set_db      (ReachContactsView *self,
                                             ReachDb           *db);
void        reach_contacts_view_reload      (ReachContactsView *self);
/* Reads a CSV or vCard file off the main thread, shows what it found and
 * imports it when the user agrees (the file chooser's second step). */
void        reach_contacts_view_import_file (ReachContactsView *self,
                                             const char        *path);
/* Moves the keyboard focus to the search entry. */
void        reach_contacts_view_focus_search (ReachContactsView *self);

/* For tests, and for anything that drives the page from outside. */
GListModel *reach_contacts_view_get_model   (ReachContactsView *self);
void        reach_contacts_view_set_search  (ReachContactsView *self,
                                             const char        *text);
/* consent: a ReachConsentState, or -1 for any. */
void        reach_contacts_view_set_consent_filter (ReachContactsView *self,
                                                    int                consent);
/* group_id: a community group's id, or 0 for any. */
void        reach_contacts_view_set_group_filter   (ReachContactsView *self,
                                                    gint64             group_id);
void        reach_contacts_view_set_review_filter  (ReachContactsView *self,
                                                    gboolean           due);
/* Opens the editor on a contact in the list; returns it (a GtkWindow). */
GtkWidget  *reach_contacts_view_edit        (ReachContactsView *self,
                                             gint64             id);

G_END_DECLS
