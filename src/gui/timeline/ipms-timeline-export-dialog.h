/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipms-chart-export.h"
#include "ipms-document.h"
#include "ipms-timeline-canvas.h"

G_BEGIN_DECLS

/*
 * Export of a timeline chart: format, page size (fit, A4, A3, 16:9 slide),
 * orientation, palette and the date range, then a file chooser. The chart
 * exported is a fresh one (ipms_chart_new_for_kind()), with the view's lanes
 * or axis flip, so that what the CLI and the UI write is the same.
 */

#define IPMS_TYPE_TIMELINE_EXPORT_DIALOG (ipms_timeline_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (IpmsTimelineExportDialog, ipms_timeline_export_dialog, IPMS, TIMELINE_EXPORT_DIALOG, AdwWindow)

GtkWidget *ipms_timeline_export_dialog_new      (IpmsDocument             *document,
                                                 IpmsTimelineKind          kind,
                                                 gboolean                  by_series,
                                                 gboolean                  flipped,
                                                 const char               *range_start,
                                                 const char               *range_end);
void       ipms_timeline_export_dialog_set_page (IpmsTimelineExportDialog *self,
                                                 IpmsPageSize              page,
                                                 gboolean                  landscape);
/* Writes the chart with the dialog's settings; the format follows the
 * path's extension. FALSE with `error` set when the range or the file is
 * wrong. */
gboolean   ipms_timeline_export_dialog_export_to (IpmsTimelineExportDialog *self,
                                                  const char               *path,
                                                  GError                  **error);

G_END_DECLS
