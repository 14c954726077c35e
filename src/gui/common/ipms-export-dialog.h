/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipms-chart.h"
#include "ipms-document.h"

G_BEGIN_DECLS

/*
 * The export dialog of every chart and of the PRDs. For a chart: format (PNG, SVG, PDF), page (fit, A4,
 * A3, 16:9 slide), orientation, light or dark colours and, for charts with a
 * "range-start" property (the timelines), the date range; then a file
 * chooser. The chart is written by an IpmsExportTask (in a worker, with
 * ipms_chart_export(), the code the command line uses) from a chart of the
 * same kind with this chart's settings, so pass a chart made for export
 * (no selection marks).
 *
 * The settings are remembered in the project's view state (outside undo);
 * the suggested file name is the project's title and the chart's name.
 */

#define IPMS_TYPE_EXPORT_DIALOG (ipms_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (IpmsExportDialog, ipms_export_dialog, IPMS, EXPORT_DIALOG, AdwWindow)

/* `chart_id` names the chart in the view state ("panorama", "roadmap", …);
 * `chart_name` is its translated name for the file name and the title. */
IpmsExportDialog *ipms_export_dialog_new               (GtkWindow         *parent,
                                                        IpmsDocument      *document,
                                                        IpmsChart         *chart,
                                                        const char        *chart_id,
                                                        const char        *chart_name);
/* The same dialog for PRDs: Markdown or PDF, of the product `product_id`
 * (with a choice of all of them instead) or, for 0, of every product;
 * written with ipms_prd_export(), as on the command line, in a worker. */
IpmsExportDialog *ipms_export_dialog_new_for_prds      (GtkWindow         *parent,
                                                        IpmsDocument      *document,
                                                        gint64             product_id);
/* The range a timeline's dialog offers when the project remembers none
 * (days as GDate's Julian days). */
void              ipms_export_dialog_set_default_range (IpmsExportDialog  *self,
                                                        guint32            first_day,
                                                        guint32            last_day);
/* The suggested file name, with the extension of the chosen format. */
char             *ipms_export_dialog_dup_file_name     (IpmsExportDialog  *self);
/* Exports the chart or the PRDs with the dialog's settings to `path`, after
 * giving it the chosen format's extension when it has another, through
 * ipms_window_export() of the window the dialog belongs to (which shows the
 * progress and the outcome; `callback` gets its result), and closes the
 * dialog. FALSE with `error` set, nothing started and the dialog open, when
 * the settings cannot be exported (a range that ends before it starts). */
gboolean          ipms_export_dialog_export_to         (IpmsExportDialog    *self,
                                                        const char          *path,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data,
                                                        GError             **error);

G_END_DECLS
