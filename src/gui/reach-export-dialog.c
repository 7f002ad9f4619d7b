/* reach-export-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "reach-area.h"
#include "reach-export-dialog.h"
#include "reach-report.h"
#include "reach-suppress.h"

struct _ReachExportDialog
{
  AdwWindow         parent_instance;

  ReachDb          *db;
  ReachExportKind   kind;
  gboolean          has_view;
  ReachBBox         view;
  AdwToastOverlay  *toasts;     /* the window's; weak */
  GCancellable     *cancellable;
  gboolean          running;

  /* template children */
  AdwToastOverlay  *toast_overlay;
  GtkWidget        *export_button;
  GtkSpinner       *spinner;
  GtkWidget        *page_group;
  AdwComboRow      *format_row;
  AdwComboRow      *paper_row;
  GtkSwitch        *landscape_switch;
  GtkWidget        *dpi_row;
  GtkSpinButton    *dpi_spin;
  AdwEntryRow      *title_row;
  AdwEntryRow      *subtitle_row;
  AdwComboRow      *areas_row;
  GtkWidget        *places_row;
  GtkSwitch        *places_switch;
  AdwComboRow      *extent_row;
  AdwComboRow      *area_row;
  GPtrArray        *area_codes;   /* beside the area row's labels */
  GtkWidget        *period_group;
  AdwEntryRow      *from_row;
  AdwEntryRow      *to_row;
  AdwEntryRow      *scope_row;
  GtkLabel         *note_label;
};

G_DEFINE_FINAL_TYPE (ReachExportDialog, reach_export_dialog, ADW_TYPE_WINDOW)

enum { FINISHED, N_SIGNALS };
static guint signals[N_SIGNALS];

enum { EXTENT_VIEW, EXTENT_AREA };
enum { AREAS_BOUNDARIES, AREAS_CHOROPLETH, AREAS_NONE };

static const char * const extensions[] = { ".png", ".svg", ".pdf" };

/* ---- what the worker needs ---------------------------------------------- */

typedef struct
{
  char            *db_path;
  char            *out_path;
  ReachExportKind  kind;
  ReachMapExportOptions map;
  ReachReportOptions    report;
  char            *paper;
  char            *title;
  char            *subtitle;
  char            *area_code;
  char            *from;
  char            *to;
  GStrv            scope;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->db_path);
  g_free (job->out_path);
  g_free (job->paper);
  g_free (job->title);
  g_free (job->subtitle);
  g_free (job->area_code);
  g_free (job->from);
  g_free (job->to);
  g_strfreev (job->scope);
  g_free (job);
}

/* An empty entry means "not given". */
static char *
entry_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static GStrv
scope_codes (AdwEntryRow *row)
{
  g_autofree char *text = entry_text (row);
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (text == NULL)
    return NULL;
  parts = g_strsplit_set (text, ", ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

ReachMapLayers
reach_export_dialog_get_layers (ReachExportDialog *self)
{
  ReachMapLayers layers = 0;

  g_return_val_if_fail (REACH_IS_EXPORT_DIALOG (self), 0);

  if (gtk_switch_get_active (self->places_switch))
    layers |= REACH_MAP_LAYER_PLACES | REACH_MAP_LAYER_GROUPS;
  switch (adw_combo_row_get_selected (self->areas_row))
    {
    case AREAS_BOUNDARIES:
      layers |= REACH_MAP_LAYER_AREAS;
      break;
    case AREAS_CHOROPLETH:
      layers |= REACH_MAP_LAYER_CHOROPLETH;
      break;
    default:
      break;
    }
  return layers;
}

void
reach_export_dialog_set_layers (ReachExportDialog *self,
                                ReachMapLayers     layers)
{
  g_return_if_fail (REACH_IS_EXPORT_DIALOG (self));

  gtk_switch_set_active (self->places_switch, (layers & REACH_MAP_LAYER_PLACES) != 0);
  adw_combo_row_set_selected (self->areas_row,
                              layers & REACH_MAP_LAYER_CHOROPLETH ? AREAS_CHOROPLETH
                              : layers & REACH_MAP_LAYER_AREAS ? AREAS_BOUNDARIES
                              : AREAS_NONE);
}

static ExportJob *
export_job_new (ReachExportDialog *self,
                const char        *path)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->db_path = g_strdup (reach_db_get_path (self->db));
  job->out_path = g_strdup (path);
  job->kind = self->kind;
  job->title = entry_text (self->title_row);
  job->subtitle = entry_text (self->subtitle_row);
  job->from = entry_text (self->from_row);
  job->to = entry_text (self->to_row);

  if (self->kind == REACH_EXPORT_REPORT)
    {
      job->scope = scope_codes (self->scope_row);
      job->report.title = job->title;
      job->report.from = job->from;
      job->report.to = job->to;
      job->report.scope = (const char * const *) job->scope;
      return job;
    }

  job->paper = g_strdup (adw_combo_row_get_selected (self->paper_row) == 1 ? "A3" : "A4");
  job->map.paper = job->paper;
  job->map.landscape = gtk_switch_get_active (self->landscape_switch);
  job->map.dpi = gtk_spin_button_get_value_as_int (self->dpi_spin);
  job->map.title = job->title;
  job->map.subtitle = job->subtitle;
  if (adw_combo_row_get_selected (self->extent_row) == EXTENT_AREA)
    {
      guint i = adw_combo_row_get_selected (self->area_row);

      if (i < self->area_codes->len)
        job->area_code = g_strdup (g_ptr_array_index (self->area_codes, i));
    }
  job->map.area_code = job->area_code;
  job->map.has_bbox = job->area_code == NULL && self->has_view;
  job->map.bbox = self->view;
  job->map.level = -1;
  job->map.layers = reach_export_dialog_get_layers (self);
  /* the choropleth counts the people reached in the period */
  job->map.from = job->from;
  job->map.to = job->to;
  return job;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(ReachDb) db = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* ReachDb is not for two threads at once: a connection of our own to
   * the same file, as the import dialog's worker does */
  db = reach_db_open (job->db_path, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (job->kind == REACH_EXPORT_REPORT)
    ok = reach_report_write_pdf (db, &job->report, job->out_path, &error);
  else
    ok = reach_map_export (db, &job->map, job->out_path, &error);

  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* ---- running it --------------------------------------------------------- */

static void
set_running (ReachExportDialog *self,
             gboolean           running)
{
  self->running = running;
  gtk_spinner_set_spinning (self->spinner, running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose", !running);
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ReachExportDialog) self = user_data;
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autofree char *out_path = g_strdup (job->out_path);
  g_autoptr(GError) error = NULL;

  set_running (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      g_signal_emit (self, signals[FINISHED], 0, out_path, error);
      return;
    }

  if (self->toasts != NULL)
    {
      g_autofree char *basename = g_path_get_basename (out_path);
      g_autofree char *title = g_strdup_printf (_("Exported “%s”"), basename);

      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (title));
    }
  g_signal_emit (self, signals[FINISHED], 0, out_path, NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
refuse (ReachExportDialog *self,
        const char        *path,
        const char        *message)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, message);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  g_signal_emit (self, signals[FINISHED], 0, path, error);
}

void
reach_export_dialog_export_to (ReachExportDialog *self,
                               const char        *path)
{
  g_autoptr(GTask) task = NULL;
  const char *db_path;

  g_return_if_fail (REACH_IS_EXPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  db_path = reach_db_get_path (self->db);
  if (db_path == NULL || g_str_has_prefix (db_path, ":memory:"))
    {
      refuse (self, path, _("This workspace is not a file, so it cannot be exported"));
      return;
    }
  if (self->kind == REACH_EXPORT_MAP && reach_export_dialog_get_layers (self) == 0)
    {
      refuse (self, path, _("Show places or areas: a base map alone says nothing about reach"));
      return;
    }

  set_running (self, TRUE);
  task = g_task_new (NULL, self->cancellable, on_export_done, g_object_ref (self));
  g_task_set_source_tag (task, reach_export_dialog_export_to);
  g_task_set_task_data (task, export_job_new (self, path), (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

/* ---- choosing the file -------------------------------------------------- */

static int
current_format (ReachExportDialog *self)
{
  return self->kind == REACH_EXPORT_REPORT ? REACH_MAP_FORMAT_PDF
                                           : (int) adw_combo_row_get_selected (self->format_row);
}

static char *
suggested_name (ReachExportDialog *self)
{
  g_autofree char *title = entry_text (self->title_row);
  const char *base = title != NULL ? title
                     : self->kind == REACH_EXPORT_REPORT ? _("Reach report") : _("Engagement map");

  /* a title may hold a slash; a file name may not */
  return g_strconcat (g_strdelimit (g_strdup (base), "/\\", '-'),
                      extensions[current_format (self)], NULL);
}

static void
on_chooser_response (GtkNativeDialog   *chooser,
                     int                response,
                     ReachExportDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *lower = NULL;
  const char *ext = extensions[current_format (self)];

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  /* the format follows the choice above, not a name typed without it */
  lower = g_utf8_strdown (path, -1);
  if (!g_str_has_suffix (lower, ext))
    {
      char *with_ext = g_strconcat (path, ext, NULL);

      g_free (path);
      path = with_ext;
    }
  reach_export_dialog_export_to (self, path);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ReachExportDialog *self = REACH_EXPORT_DIALOG (widget);
  g_autofree char *name = suggested_name (self);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (self->kind == REACH_EXPORT_REPORT ? _("Export Report")
                                                                           : _("Export Map"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- the form ----------------------------------------------------------- */

static void
update_rows (ReachExportDialog *self)
{
  gboolean is_map = self->kind == REACH_EXPORT_MAP;
  gboolean by_area = adw_combo_row_get_selected (self->extent_row) == EXTENT_AREA;

  gtk_widget_set_visible (self->page_group, is_map);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_row), is_map);
  /* without areas there is nothing to choose but the view */
  gtk_widget_set_visible (GTK_WIDGET (self->extent_row), is_map && self->area_codes->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->area_row), is_map && by_area);
  gboolean choropleth = adw_combo_row_get_selected (self->areas_row) == AREAS_CHOROPLETH;

  /* a map needs a period only for the people reached */
  gtk_widget_set_visible (self->period_group, !is_map || choropleth);
  gtk_widget_set_visible (GTK_WIDGET (self->scope_row), !is_map);
  if (is_map)
    {
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->period_group), _("Period"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->period_group),
                                             _("People reached between these dates, as 2026-03-31; leave empty for all time."));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->areas_row), is_map);
  gtk_widget_set_visible (self->places_row, is_map);
  gtk_widget_set_visible (self->dpi_row, is_map && current_format (self) == REACH_MAP_FORMAT_PNG);
}

static void
update_note (ReachExportDialog *self)
{
  g_autoptr(GError) error = NULL;
  int threshold = reach_suppress_get_threshold (self->db, &error);
  g_autofree char *note = threshold >= 0 ? reach_suppress_note (threshold) : NULL;
  g_autofree char *text = NULL;

  if (note == NULL)
    note = g_strdup (_("Small numbers are not hidden: set a threshold in Preferences."));
  text = g_strconcat (note, self->kind == REACH_EXPORT_MAP
                            ? _(" People are never drawn on an exported map.") : "", NULL);
  gtk_label_set_text (self->note_label, text);
}

/* Local authorities, wards and MSOAs by name: LSOAs are too many for a
 * list, and too small for a board's map. */
static void
load_areas (ReachExportDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = reach_db_prepare (self->db,
                           "SELECT code, name, level FROM area WHERE level != 'lsoa' "
                           "ORDER BY CASE level WHEN 'lad' THEN 0 WHEN 'ward' THEN 1 ELSE 2 END, "
                           "name COLLATE NOCASE", &error);
  if (stmt == NULL)
    {
      g_debug ("No areas to choose from: %s", error->message);
      return;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      ReachAreaLevel level;
      g_autofree char *label = NULL;

      if (!reach_area_level_from_string ((const char *) sqlite3_column_text (stmt, 2), &level))
        continue;
      /* "Armley (ward)": the same name can be a ward and an MSOA */
      label = g_strdup_printf (_("%s (%s)"), name, reach_area_level_label (level));
      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->area_codes, g_strdup (code));
    }
  sqlite3_reset (stmt);

  adw_combo_row_set_model (self->area_row, G_LIST_MODEL (labels));
}

static void
reach_export_dialog_dispose (GObject *object)
{
  ReachExportDialog *self = REACH_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), REACH_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->db);
  g_clear_pointer (&self->area_codes, g_ptr_array_unref);
  g_clear_weak_pointer (&self->toasts);

  G_OBJECT_CLASS (reach_export_dialog_parent_class)->dispose (object);
}

static void
reach_export_dialog_class_init (ReachExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reach_export_dialog_dispose;

  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                    G_TYPE_STRING, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reachmap/Reach/reach-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ReachExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ReachExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, ReachExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, ReachExportDialog, page_group);
  gtk_widget_class_bind_template_child (widget_class, ReachExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, ReachExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, ReachExportDialog, landscape_switch);
  gtk_widget_class_bind_template_child (widget_class, ReachExportDialog, dpi_row);
  gtk_widget_class_bind_template_child (widget_class, ReachExportDialog, dpi_spin);
  gtk_widget_class_bind_template_child (widget_class, ReachExportDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, ReachExportDialog, subtitle_row);
  gtk_widget_class_bind_template_child (widget_class, ReachExportDialog, areas_row);
  gtk_widget_class_bind_template_child (widget_class, ReachExportDialog, places_row);
  gtk_widget_class_bind_template_child (widget_class, ReachExportDialog, places_switch);
  gtk_widget_class_bind_template_child (widget_class, ReachExportDialog, extent_row);
  gtk_widget_class_bind_template_child (widget_class, ReachExportDialog, area_row);
  gtk_widget_class_bind_template_child (widget_class, ReachExportDialog, period_group);
  gtk_widget_class_bind_template_child (widget_class, ReachExportDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, ReachExportDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, ReachExportDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, ReachExportDialog, note_label);

  gtk_widget_class_install_action (widget_class, "export.choose", NULL, choose_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
reach_export_dialog_init (ReachExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->area_codes = g_ptr_array_new_with_free_func (g_free);
  /* PDF first: it is what a board paper wants */
  adw_combo_row_set_selected (self->format_row, REACH_MAP_FORMAT_PDF);
  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (update_rows), self);
  g_signal_connect_swapped (self->extent_row, "notify::selected", G_CALLBACK (update_rows), self);
  g_signal_connect_swapped (self->areas_row, "notify::selected", G_CALLBACK (update_rows), self);
}

GtkWidget *
reach_export_dialog_new (GtkWindow       *parent,
                         ReachDb         *db,
                         ReachExportKind  kind,
                         const ReachBBox *view,
                         AdwToastOverlay *toasts)
{
  ReachExportDialog *self;

  g_return_val_if_fail (REACH_IS_DB (db), NULL);

  self = g_object_new (REACH_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->kind = kind;
  self->has_view = view != NULL;
  if (view != NULL)
    self->view = *view;
  g_set_weak_pointer (&self->toasts, toasts);
  load_areas (self);
  if (kind == REACH_EXPORT_REPORT)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Export Report"));
      gtk_window_set_default_size (GTK_WINDOW (self), 520, 520);
    }
  update_rows (self);
  update_note (self);
  return GTK_WIDGET (self);
}

/* ---- setters ------------------------------------------------------------ */

void
reach_export_dialog_set_format (ReachExportDialog *self,
                                ReachMapFormat     format)
{
  g_return_if_fail (REACH_IS_EXPORT_DIALOG (self));
  adw_combo_row_set_selected (self->format_row, format);
}

void
reach_export_dialog_set_paper (ReachExportDialog *self,
                               const char        *paper)
{
  g_return_if_fail (REACH_IS_EXPORT_DIALOG (self));
  adw_combo_row_set_selected (self->paper_row, g_ascii_strcasecmp (paper, "A3") == 0 ? 1 : 0);
}

void
reach_export_dialog_set_landscape (ReachExportDialog *self,
                                   gboolean           landscape)
{
  g_return_if_fail (REACH_IS_EXPORT_DIALOG (self));
  gtk_switch_set_active (self->landscape_switch, landscape);
}

void
reach_export_dialog_set_dpi (ReachExportDialog *self,
                             int                dpi)
{
  g_return_if_fail (REACH_IS_EXPORT_DIALOG (self));
  gtk_spin_button_set_value (self->dpi_spin, dpi);
}

void
reach_export_dialog_set_title (ReachExportDialog *self,
                               const char        *title)
{
  g_return_if_fail (REACH_IS_EXPORT_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title ? title : "");
}

gboolean
reach_export_dialog_set_area (ReachExportDialog *self,
                              const char        *area_code)
{
  guint i;

  g_return_val_if_fail (REACH_IS_EXPORT_DIALOG (self), FALSE);

  if (area_code == NULL)
    {
      adw_combo_row_set_selected (self->extent_row, EXTENT_VIEW);
      return TRUE;
    }
  if (!g_ptr_array_find_with_equal_func (self->area_codes, area_code, g_str_equal, &i))
    return FALSE;
  adw_combo_row_set_selected (self->area_row, i);
  adw_combo_row_set_selected (self->extent_row, EXTENT_AREA);
  return TRUE;
}

void
reach_export_dialog_set_period (ReachExportDialog *self,
                                const char        *from,
                                const char        *to)
{
  g_return_if_fail (REACH_IS_EXPORT_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), from ? from : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), to ? to : "");
}
