/* reach-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-print"

#include "config.h"

#include <glib/gi18n.h>

#include "reach-print.h"

/* The options with strings of their own: the print operation may outlive
 * the caller's. */
typedef struct
{
  ReachMapExportOptions  options;
  ReachDb               *db;
  char                  *paper;
  char                  *title;
  char                  *subtitle;
  char                  *area_code;
  GError                *error;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->db);
  g_free (job->paper);
  g_free (job->title);
  g_free (job->subtitle);
  g_free (job->area_code);
  g_clear_error (&job->error);
  g_free (job);
}

static PrintJob *
print_job_new (ReachDb                     *db,
               const ReachMapExportOptions *options)
{
  PrintJob *job = g_new0 (PrintJob, 1);

  job->db = g_object_ref (db);
  job->options = *options;
  job->paper = g_strdup (options->paper != NULL ? options->paper : "A4");
  job->title = g_strdup (options->title);
  job->subtitle = g_strdup (options->subtitle);
  job->area_code = g_strdup (options->area_code);
  job->options.paper = job->paper;
  job->options.title = job->title;
  job->options.subtitle = job->subtitle;
  job->options.area_code = job->area_code;
  /* the print's own resolution decides, not a PNG's */
  job->options.dpi = 0;
  job->options.width_px = 0;
  job->options.height_px = 0;
  job->options.from = NULL;
  job->options.to = NULL;
  job->options.mbtiles_path = NULL;
  job->options.now = NULL;
  return job;
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double dpi = gtk_print_context_get_dpi_x (context);

  if (job->error != NULL)
    return;
  /* the unit is points, so the page is in points as in the PDF */
  reach_map_export_draw (cr, job->db, &job->options, width, height,
                         MAX (dpi, 72.0) / 72.0, &job->error);
}

static GtkPageSetup *
page_setup_for (const ReachMapExportOptions *options)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;

  paper = gtk_paper_size_new (g_ascii_strcasecmp (options->paper, "A3") == 0
                              ? GTK_PAPER_NAME_A3 : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_orientation (setup, options->landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                            : GTK_PAGE_ORIENTATION_PORTRAIT);
  return setup;
}

gboolean
reach_print_map (GtkWindow                   *parent,
                 ReachDb                     *db,
                 const ReachMapExportOptions *options,
                 const char                  *export_path,
                 GError                     **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  GtkPrintOperationResult result;
  PrintJob *job;
  double width, height;

  g_return_val_if_fail (REACH_IS_DB (db), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  /* the same checks as the export: a bad paper or extent fails here */
  if (!reach_map_export_page_size (options, &width, &height, error))
    return FALSE;

  job = print_job_new (db, options);
  setup = page_setup_for (&job->options);
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, job->title != NULL ? job->title : _("Engagement map"));
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  g_object_set_data_full (G_OBJECT (operation), "reach-print-job", job,
                          (GDestroyNotify) print_job_free);

  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);

  result = gtk_print_operation_run (operation,
                                    export_path != NULL ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                        : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    return FALSE;
  if (job->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&job->error));
      return FALSE;
    }
  return TRUE;
}
