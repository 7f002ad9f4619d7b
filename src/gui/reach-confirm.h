/* reach-confirm.h — asking before something is deleted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <glib/gi18n.h>

G_BEGIN_DECLS

/* A modal question over parent with Cancel (the default) and a destructive
 * Delete; on_response (AdwMessageDialog *, const char *response, gpointer)
 * gets "delete" or "cancel".  The dialog is connected to object, so it
 * never calls back into a destroyed editor. */
static inline void
reach_confirm_delete (GtkWindow  *parent,
                      const char *heading,
                      const char *body,
                      GCallback   on_response,
                      gpointer    object)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", on_response, object, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

G_END_DECLS
