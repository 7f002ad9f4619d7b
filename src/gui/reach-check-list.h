/* reach-check-list.h — a searchable list of rows with check buttons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editors use it to choose areas, categories and participants.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define REACH_TYPE_CHECK_LIST (reach_check_list_get_type ())
G_DECLARE_FINAL_TYPE (ReachCheckList, reach_check_list, REACH, CHECK_LIST, GtkWidget)

/* "changed" fires when a row is checked or unchecked.  With a placeholder
 * a long list gets a search entry and scrolls; without, it shows every row. */
GtkWidget *reach_check_list_new          (const char     *search_placeholder);
void       reach_check_list_clear        (ReachCheckList *self);
void       reach_check_list_append       (ReachCheckList *self,
                                          gint64          id,
                                          const char     *title,
                                          const char     *subtitle,
                                          gboolean        active);
void       reach_check_list_set_active   (ReachCheckList *self,
                                          gint64          id,
                                          gboolean        active);
gboolean   reach_check_list_get_active   (ReachCheckList *self,
                                          gint64          id);
/* The ids of the checked rows (gint64), in list order. */
GArray    *reach_check_list_get_selected (ReachCheckList *self);
guint      reach_check_list_get_n_items  (ReachCheckList *self);
/* Shows only rows whose title or subtitle contains text (case-insensitive). */
void       reach_check_list_set_search   (ReachCheckList *self,
                                          const char     *text);
/* Shown in place of the list when it has no rows. */
void       reach_check_list_set_empty_text (ReachCheckList *self,
                                            const char     *text);

G_END_DECLS
