/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ipms-chart-export.h"
#include "ipms-document.h"

G_BEGIN_DECLS

/*
 * An export run off the calling thread: a chart (PNG, SVG, PDF), the review
 * deck (PDF) or PRDs (Markdown, PDF), written by the same functions the
 * command line calls.
 *
 * run_async() takes a snapshot of the document (ipms_document_snapshot())
 * on the calling thread, then builds the chart, deck or PRDs from that copy
 * and writes the file in a GTask worker: nothing in that thread touches
 * the live document or GTK, so the window stays responsive and may be
 * edited meanwhile; the file shows the plan as it was when the export
 * started. The file is written through IpmsFileWriter: it appears whole or
 * not at all, also when the export is cancelled or fails.
 *
 * How far it is: get_fraction(), from any thread. The exporters call
 * report() as they go, which is also where a cancelled export stops.
 */

#define IPMS_TYPE_EXPORT_TASK (ipms_export_task_get_type ())

G_DECLARE_FINAL_TYPE (IpmsExportTask, ipms_export_task, IPMS, EXPORT_TASK, GObject)

/* `chart` is the chart as it should be exported (made for export, with its
 * options such as the date range or lane mode set): the export makes a
 * chart of the same `kind` (ipms_chart_new_for_kind()) on the snapshot and
 * gives it the properties `chart` has that differ from their defaults. */
IpmsExportTask *ipms_export_task_new_for_chart  (IpmsChart               *chart,
                                                 const char              *kind,
                                                 const IpmsExportOptions *options);
/* The deck as a PDF (or, with `notes`, a handout) compared with the
 * baseline `baseline_id` (0 for the newest). */
IpmsExportTask *ipms_export_task_new_for_deck   (gint64                   baseline_id,
                                                 gboolean                 notes);
/* The PRD of `product_id`, or of every product for 0; Markdown or PDF by
 * the name's extension (ipms_prd_export()). */
IpmsExportTask *ipms_export_task_new_for_prds   (gint64                   product_id);

/* A task runs once. */
void            ipms_export_task_run_async      (IpmsExportTask          *self,
                                                 IpmsDocument            *document,
                                                 const char              *path,
                                                 GCancellable            *cancellable,
                                                 GAsyncReadyCallback      callback,
                                                 gpointer                 user_data);
/* FALSE with G_IO_ERROR_CANCELLED when cancelled before the file was put
 * in place. */
gboolean        ipms_export_task_run_finish     (IpmsExportTask          *self,
                                                 GAsyncResult            *result,
                                                 GError                 **error);
/* 0 to 1, or -1 while the export cannot tell (one chart is one step). Any
 * thread. */
double          ipms_export_task_get_fraction   (IpmsExportTask          *self);

/* For the exporters: `done` of `total` steps are done (with `total` 0, an
 * export that cannot count its steps only asks). Returns FALSE with
 * G_IO_ERROR_CANCELLED when the export was cancelled: the exporter stops,
 * and must call it once more right before putting the file in place.
 * `self` may be NULL (an export on the calling thread, as the command line
 * runs them): then it only returns TRUE. */
gboolean        ipms_export_task_report         (IpmsExportTask          *self,
                                                 guint                    done,
                                                 guint                    total,
                                                 GError                 **error);

G_END_DECLS
