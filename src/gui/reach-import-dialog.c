/* reach-import-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading and writing run in GTask threads so a big file never freezes the
 * window; progress comes back through the main context.  Each run carries a
 * serial number, so a result or progress report from a run the user has
 * stopped or replaced is ignored.
 */
#define G_LOG_DOMAIN "reach-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "reach-import-dialog.h"

struct _ReachImportDialog
{
  AdwWindow             parent_instance;

  ReachDb              *db;
  ReachImportKind       kind;
  char                 *path;
  ReachImport          *import;       /* the last read that can be shown */
  GCancellable         *cancellable;
  guint                 serial;
  gboolean              running_commit;
  gboolean              close_pending;   /* closed while committing */
  gboolean              disposed;
  gboolean              asked_once;
  guint                 ask_idle_id;
  GtkFileChooserNative *chooser;
  GPtrArray            *note_rows;
  char                 *code_property;  /* the user's choice, or NULL */
  char                 *name_property;
  gboolean              level_chosen;
  gboolean              filling_combos;

  AdwWindowTitle       *window_title;
  GtkWidget            *import_button;
  GtkStack             *stack;
  AdwPreferencesGroup  *problem_group;
  GtkLabel             *problem_label;
  AdwStatusPage        *choose_page;
  AdwStatusPage        *progress_page;
  GtkProgressBar       *progress_bar;
  AdwActionRow         *file_row;
  AdwActionRow         *count_row;
  GtkLabel             *count_label;
  AdwPreferencesGroup  *areas_group;
  AdwComboRow          *level_row;
  AdwComboRow          *code_row;
  AdwComboRow          *name_row;
  AdwPreferencesGroup  *notes_group;
  AdwStatusPage        *error_page;
  GtkWidget            *retry_button;
};

G_DEFINE_FINAL_TYPE (ReachImportDialog, reach_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_read (ReachImportDialog *self);

/* What a worker thread needs; owned by its GTask. */
typedef struct
{
  ReachImportDialog *self;        /* kept alive by the task's source object */
  ReachImport       *import;
  ReachDb           *db;
  GMainContext      *context;     /* where progress is shown */
  guint              serial;
  int                last_permille;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->import);
  g_clear_object (&job->db);
  g_main_context_unref (job->context);
  g_free (job);
}

typedef struct
{
  ReachImportDialog *self;
  guint              serial;
  double             fraction;
} Progress;

static void
progress_free (Progress *progress)
{
  g_object_unref (progress->self);
  g_free (progress);
}

static gboolean
progress_apply (gpointer data)
{
  Progress *progress = data;
  ReachImportDialog *self = progress->self;

  if (!self->disposed && progress->serial == self->serial)
    gtk_progress_bar_set_fraction (self->progress_bar, progress->fraction);

  return G_SOURCE_REMOVE;
}

/* Runs in the worker thread; passes on only whole-percent changes. */
static void
job_progress (double   fraction,
              gpointer user_data)
{
  Job *job = user_data;
  int permille = (int) (CLAMP (fraction, 0.0, 1.0) * 1000);
  Progress *progress;
  GSource *source;

  if (permille / 10 == job->last_permille / 10)
    return;

  job->last_permille = permille;
  progress = g_new0 (Progress, 1);
  progress->self = g_object_ref (job->self);
  progress->serial = job->serial;
  progress->fraction = fraction;
  /* Always through an idle source: g_main_context_invoke() would run the
   * callback right here, in the worker, whenever the main thread happens
   * not to hold the context. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, progress_apply, progress, (GDestroyNotify) progress_free);
  g_source_attach (source, job->context);
  g_source_unref (source);
}

static Job *
job_new (ReachImportDialog *self,
         ReachImport       *import)
{
  Job *job = g_new0 (Job, 1);

  job->self = self;
  job->import = g_object_ref (import);
  job->db = g_object_ref (self->db);
  job->context = g_main_context_ref_thread_default ();
  job->serial = ++self->serial;
  job->last_permille = -10;
  return job;
}

static void
set_page (ReachImportDialog *self,
          const char        *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (self->import_button, g_str_equal (name, "summary"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.stop", g_str_equal (name, "progress"));
}

static const char *
kind_items (ReachImportDialog *self,
            guint              n)
{
  if (self->kind == REACH_IMPORT_AREAS)
    return g_dngettext (NULL, "%u area", "%u areas", n);
  return g_dngettext (NULL, "%u place", "%u places", n);
}

static void
show_progress (ReachImportDialog *self,
               const char        *title)
{
  g_autofree char *basename = g_path_get_basename (self->path);

  adw_status_page_set_title (self->progress_page, title);
  adw_status_page_set_description (self->progress_page, NULL);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  adw_window_title_set_subtitle (self->window_title, basename);
  set_page (self, "progress");
}

/* The message names the file, the line or feature, and the problem. */
static void
show_error (ReachImportDialog *self,
            const char        *title,
            const char        *detail,
            const GError      *error)
{
  g_autofree char *message = detail != NULL ? g_strdup_printf ("%s\n\n%s", error->message, detail)
                                            : g_strdup (error->message);
  g_autofree char *markup = g_markup_escape_text (message, -1);

  g_debug ("%s: %s", title, error->message);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, markup);
  set_page (self, "error");
  gtk_widget_grab_focus (self->retry_button);
}

static void
clear_notes (ReachImportDialog *self)
{
  for (guint i = 0; i < self->note_rows->len; i++)
    adw_preferences_group_remove (self->notes_group, g_ptr_array_index (self->note_rows, i));
  g_ptr_array_set_size (self->note_rows, 0);
}

static void
add_notes (ReachImportDialog *self)
{
  const char * const *notes = reach_import_get_notes (self->import);

  clear_notes (self);
  for (guint i = 0; notes != NULL && notes[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), notes[i]);
      adw_preferences_group_add (self->notes_group, row);
      g_ptr_array_add (self->note_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->notes_group), self->note_rows->len > 0);
}

/* The level the importer settled on: the user's, or guessed from the codes. */
static guint
read_level (ReachImport *import)
{
  GPtrArray *items = reach_import_get_items (import);

  if (items == NULL || items->len == 0)
    return GTK_INVALID_LIST_POSITION;

  return ((ReachArea *) g_ptr_array_index (items, 0))->level;
}

static guint
property_index (const char * const *properties,
                const char         *property)
{
  for (guint i = 0; properties != NULL && properties[i] != NULL; i++)
    if (g_strcmp0 (properties[i], property) == 0)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static void
fill_area_rows (ReachImportDialog *self)
{
  const char * const *properties = reach_import_get_properties (self->import);
  const char *code = reach_import_get_code_property (self->import);
  const char *name = reach_import_get_name_property (self->import);
  g_autoptr(GtkStringList) codes = gtk_string_list_new (properties);
  g_autoptr(GtkStringList) names = gtk_string_list_new (properties);

  self->filling_combos = TRUE;
  adw_combo_row_set_model (self->code_row, G_LIST_MODEL (codes));
  adw_combo_row_set_model (self->name_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->code_row, property_index (properties, code));
  adw_combo_row_set_selected (self->name_row, property_index (properties, name));
  adw_combo_row_set_selected (self->level_row, read_level (self->import));
  self->filling_combos = FALSE;
}

/* problem: why the last read of an areas file failed, when the user can
 * put it right by choosing the level or a property here. */
static void
show_summary (ReachImportDialog *self,
              const GError      *problem)
{
  guint n = problem == NULL ? reach_import_get_n_items (self->import) : 0;
  g_autofree char *count = g_strdup_printf ("%u", n);
  g_autofree char *button = NULL;

  if (n == 0)
    button = g_strdup (_("_Import"));
  else if (self->kind == REACH_IMPORT_AREAS)
    button = g_strdup_printf (g_dngettext (NULL, "_Import %u Area", "_Import %u Areas", n), n);
  else
    button = g_strdup_printf (g_dngettext (NULL, "_Import %u Place", "_Import %u Places", n), n);

  adw_action_row_set_subtitle (self->file_row, self->path);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->count_row),
                                 self->kind == REACH_IMPORT_AREAS ? _("Areas found") : _("Places found"));
  gtk_label_set_text (self->count_label, count);
  gtk_button_set_label (GTK_BUTTON (self->import_button), button);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.commit", n > 0);
  gtk_label_set_text (self->problem_label, problem != NULL ? problem->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_group), problem != NULL);

  if (self->kind == REACH_IMPORT_AREAS)
    fill_area_rows (self);
  add_notes (self);
  set_page (self, "summary");
  gtk_widget_grab_focus (problem != NULL ? GTK_WIDGET (self->code_row) : self->import_button);
}

/* An areas file whose code property or level could not be told: the
 * properties were read, so the user can choose instead of starting over. */
static gboolean
can_choose_properties (ReachImportDialog *self,
                       ReachImport       *import,
                       const GError      *error)
{
  const char * const *properties = reach_import_get_properties (import);

  return self->kind == REACH_IMPORT_AREAS &&
         error->domain == REACH_IMPORT_ERROR &&
         error->code != REACH_IMPORT_ERROR_FORMAT &&
         properties != NULL && properties[0] != NULL;
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  if (reach_import_read (job->import, cancellable, job_progress, job, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
read_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  ReachImportDialog *self = REACH_IMPORT_DIALOG (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (self->disposed || job->serial != self->serial)
        return;
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_page (self, self->import != NULL ? "summary" : "choose");
      else if (can_choose_properties (self, job->import, error))
        {
          g_set_object (&self->import, job->import);
          show_summary (self, error);
        }
      else
        show_error (self, _("Could Not Read the File"), _("Nothing was imported."), error);
      return;
    }

  if (self->disposed || job->serial != self->serial)
    return;

  g_set_object (&self->import, job->import);
  show_summary (self, NULL);
}

static ReachImport *
new_import (ReachImportDialog *self)
{
  ReachImport *import = reach_import_new (self->kind, self->path);

  if (self->kind == REACH_IMPORT_AREAS)
    {
      if (self->level_chosen)
        reach_import_set_area_level (import, adw_combo_row_get_selected (self->level_row));
      reach_import_set_code_property (import, self->code_property);
      reach_import_set_name_property (import, self->name_property);
    }

  return import;
}

static void
start_read (ReachImportDialog *self)
{
  g_autoptr(ReachImport) import = new_import (self);
  g_autoptr(GTask) task = NULL;
  g_autofree char *basename = g_path_get_basename (self->path);
  g_autofree char *title = g_strdup_printf (_("Reading “%s”"), basename);

  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());
  g_object_unref (self->cancellable);

  task = g_task_new (self, self->cancellable, read_done, NULL);
  g_task_set_source_tag (task, start_read);
  g_task_set_task_data (task, job_new (self, import), (GDestroyNotify) job_free);
  show_progress (self, title);
  g_task_run_in_thread (task, read_thread);
}

/* The window keeps using its connection while we write (ReachDb is opened
 * NOMUTEX and caches statements, so it is not for two threads at once):
 * the worker writes through a connection of its own.  WAL lets the window
 * go on reading meanwhile and see the rows once they are committed. */
static ReachDb *
open_worker_db (ReachDb  *db,
                GError  **error)
{
  const char *path = reach_db_get_path (db);

  if (path == NULL || g_str_has_prefix (path, ":memory:"))
    {
      /* a second connection would see another, empty database */
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("This workspace is not a file, so nothing can be imported into it"));
      return NULL;
    }

  return reach_db_open (path, error);
}

static void
commit_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  g_autoptr(ReachDb) db = open_worker_db (job->db, &error);

  if (db == NULL)
    g_task_return_error (task, error);
  else if (reach_import_commit (job->import, db, cancellable, job_progress, job, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
commit_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  ReachImportDialog *self = REACH_IMPORT_DIALOG (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->running_commit = FALSE;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (self->disposed || job->serial != self->serial)
        return;
      if (self->close_pending)
        gtk_window_destroy (GTK_WINDOW (self));
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_page (self, "summary");
      else
        show_error (self, _("Nothing Was Imported"), NULL, error);
      return;
    }

  g_debug ("Imported %u items from %s", reach_import_get_n_items (job->import), self->path);
  g_signal_emit (self, signals[IMPORTED], 0, reach_import_get_n_items (job->import));
  if (!self->disposed)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
commit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ReachImportDialog *self = REACH_IMPORT_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  guint n;

  if (self->import == NULL || gtk_stack_get_visible_child_name (self->stack) == NULL ||
      !g_str_equal (gtk_stack_get_visible_child_name (self->stack), "summary"))
    return;

  g_set_object (&self->cancellable, g_cancellable_new ());
  g_object_unref (self->cancellable);
  task = g_task_new (self, self->cancellable, commit_done, NULL);
  g_task_set_source_tag (task, commit_action);
  /* Report what really happened: a Stop that came too late must not hide
   * a commit that went through. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job_new (self, self->import), (GDestroyNotify) job_free);

  n = reach_import_get_n_items (self->import);
  {
    g_autofree char *items = g_strdup_printf (kind_items (self, n), n);
    g_autofree char *title = g_strdup_printf (_("Importing %s"), items);
    show_progress (self, title);
  }
  self->running_commit = TRUE;
  g_task_run_in_thread (task, commit_thread);
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_cancellable_cancel (REACH_IMPORT_DIALOG (widget)->cancellable);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* A commit in flight is stopped, not abandoned: the dialog stays until the
 * worker says whether anything was written, so "imported" is never lost. */
static gboolean
reach_import_dialog_close_request (GtkWindow *window)
{
  ReachImportDialog *self = REACH_IMPORT_DIALOG (window);

  if (self->running_commit)
    {
      self->close_pending = TRUE;
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (reach_import_dialog_parent_class)->close_request (window);
}

static void
on_chooser_response (ReachImportDialog *self,
                     int                response,
                     GtkNativeDialog   *chooser)
{
  gboolean first = !self->asked_once;

  self->asked_once = TRUE;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      g_clear_object (&self->chooser);
      if (path != NULL)
        {
          reach_import_dialog_set_file (self, path);
          return;
        }
    }

  g_clear_object (&self->chooser);

  /* Dismissing the first question means the user changed their mind. */
  if (first)
    gtk_window_destroy (GTK_WINDOW (self));
}

static GtkFileFilter *
filter_new (const char *name,
            gboolean    csv,
            gboolean    geojson)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  if (csv)
    {
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_suffix (filter, "csv");
    }
  if (geojson)
    {
      gtk_file_filter_add_mime_type (filter, "application/geo+json");
      gtk_file_filter_add_suffix (filter, "geojson");
      gtk_file_filter_add_suffix (filter, "json");
    }

  return filter;
}

static void
add_filter (GtkFileChooser *chooser,
            GtkFileFilter  *filter)
{
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);
}

static void
ask_for_file (ReachImportDialog *self)
{
  GtkFileChooser *chooser;

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (gtk_window_get_title (GTK_WINDOW (self)),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (self->chooser);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  if (self->kind == REACH_IMPORT_AREAS)
    add_filter (chooser, filter_new (_("GeoJSON"), FALSE, TRUE));
  else
    {
      add_filter (chooser, filter_new (_("CSV and GeoJSON"), TRUE, TRUE));
      add_filter (chooser, filter_new (_("CSV"), TRUE, FALSE));
      add_filter (chooser, filter_new (_("GeoJSON"), FALSE, TRUE));
    }

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  REACH_IMPORT_DIALOG (widget)->asked_once = TRUE;
  ask_for_file (REACH_IMPORT_DIALOG (widget));
}

static gboolean
ask_first_time (gpointer data)
{
  ReachImportDialog *self = data;

  self->ask_idle_id = 0;
  if (self->path == NULL)
    ask_for_file (self);

  return G_SOURCE_REMOVE;
}

static void
on_property_chosen (ReachImportDialog *self,
                    GParamSpec        *pspec,
                    AdwComboRow       *row)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (row);
  char **target = row == self->code_row ? &self->code_property : &self->name_property;

  if (self->filling_combos || item == NULL)
    return;

  g_free (*target);
  *target = g_strdup (gtk_string_object_get_string (item));
  start_read (self);
}

static void
on_level_chosen (ReachImportDialog *self)
{
  if (self->filling_combos ||
      adw_combo_row_get_selected (self->level_row) == GTK_INVALID_LIST_POSITION)
    return;

  self->level_chosen = TRUE;
  start_read (self);
}

static void
reach_import_dialog_show (GtkWidget *widget)
{
  ReachImportDialog *self = REACH_IMPORT_DIALOG (widget);

  GTK_WIDGET_CLASS (reach_import_dialog_parent_class)->show (widget);

  /* After the window is up, so the chooser has a parent to sit on. */
  if (self->path == NULL && !self->asked_once && self->ask_idle_id == 0)
    self->ask_idle_id = g_idle_add (ask_first_time, self);
}

static void
reach_import_dialog_dispose (GObject *object)
{
  ReachImportDialog *self = REACH_IMPORT_DIALOG (object);

  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->ask_idle_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->note_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (object), REACH_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (reach_import_dialog_parent_class)->dispose (object);
}

static void
reach_import_dialog_finalize (GObject *object)
{
  ReachImportDialog *self = REACH_IMPORT_DIALOG (object);

  g_clear_object (&self->db);
  g_clear_object (&self->import);
  g_clear_object (&self->cancellable);
  g_free (self->path);
  g_free (self->code_property);
  g_free (self->name_property);

  G_OBJECT_CLASS (reach_import_dialog_parent_class)->finalize (object);
}

static void
reach_import_dialog_class_init (ReachImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reach_import_dialog_dispose;
  object_class->finalize = reach_import_dialog_finalize;
  widget_class->show = reach_import_dialog_show;
  GTK_WINDOW_CLASS (klass)->close_request = reach_import_dialog_close_request;

  /**
   * ReachImportDialog::imported:
   * @n_items: how many places or areas were written
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reachmap/Reach/reach-import-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ReachImportDialog, name)
  BIND (window_title);
  BIND (import_button);
  BIND (stack);
  BIND (problem_group);
  BIND (problem_label);
  BIND (choose_page);
  BIND (progress_page);
  BIND (progress_bar);
  BIND (file_row);
  BIND (count_row);
  BIND (count_label);
  BIND (areas_group);
  BIND (level_row);
  BIND (code_row);
  BIND (name_row);
  BIND (notes_group);
  BIND (error_page);
  BIND (retry_button);
#undef BIND

  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "import.commit", NULL, commit_action);
  gtk_widget_class_install_action (widget_class, "import.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "import.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.close", NULL);
}

static GListModel *
level_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < REACH_N_AREA_LEVELS; i++)
    gtk_string_list_append (list, reach_area_level_label (i));

  return G_LIST_MODEL (list);
}

static void
reach_import_dialog_init (ReachImportDialog *self)
{
  g_autoptr(GListModel) levels = level_model ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->note_rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  adw_combo_row_set_model (self->level_row, levels);
  g_signal_connect_object (self->level_row, "notify::selected",
                           G_CALLBACK (on_level_chosen), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->code_row, "notify::selected",
                           G_CALLBACK (on_property_chosen), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_row, "notify::selected",
                           G_CALLBACK (on_property_chosen), self, G_CONNECT_SWAPPED);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->import_button);
  set_page (self, "choose");
}

GtkWidget *
reach_import_dialog_new (GtkWindow       *parent,
                         ReachDb         *db,
                         ReachImportKind  kind)
{
  ReachImportDialog *self;
  const char *title;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (REACH_IS_DB (db), NULL);

  title = kind == REACH_IMPORT_AREAS ? _("Import Areas") : _("Import Places");
  self = g_object_new (REACH_TYPE_IMPORT_DIALOG, "transient-for", parent, "title", title, NULL);
  self->db = g_object_ref (db);
  self->kind = kind;

  adw_window_title_set_title (self->window_title, title);
  adw_status_page_set_title (self->choose_page, title);
  adw_status_page_set_description (self->choose_page,
                                   kind == REACH_IMPORT_AREAS
                                   ? _("Choose a GeoJSON file of boundaries: wards, LSOAs, MSOAs or local authorities.")
                                   : _("Choose a CSV or GeoJSON file of community assets or venues. Nothing is saved until you confirm."));
  gtk_widget_set_visible (GTK_WIDGET (self->areas_group), kind == REACH_IMPORT_AREAS);

  return GTK_WIDGET (self);
}

void
reach_import_dialog_set_file (ReachImportDialog *self,
                              const char        *path)
{
  g_return_if_fail (REACH_IS_IMPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  if (self->running_commit)
    return;

  g_free (self->path);
  self->path = g_strdup (path);
  g_clear_pointer (&self->code_property, g_free);
  g_clear_pointer (&self->name_property, g_free);
  self->level_chosen = FALSE;
  g_clear_object (&self->import);
  start_read (self);
}

const char *
reach_import_dialog_get_page (ReachImportDialog *self)
{
  g_return_val_if_fail (REACH_IS_IMPORT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
