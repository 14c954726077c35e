/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipms-chart.h"

G_BEGIN_DECLS

/*
 * The export dialog of every chart: format (PNG, SVG, PDF), page (fit,
 * A4, A3, 16:9 slide), orientation and light or dark colours, then a file
 * chooser; the chart is written with ipms_chart_export(), the very code the
 * command line uses. Pass a chart made for export (no selection marks).
 */

#define IPMS_TYPE_CHART_EXPORT_DIALOG (ipms_chart_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (IpmsChartExportDialog, ipms_chart_export_dialog, IPMS, CHART_EXPORT_DIALOG, AdwWindow)

/* `basename` without extension, e.g. "panorama". */
IpmsChartExportDialog *ipms_chart_export_dialog_new (GtkWindow  *parent,
                                                     IpmsChart  *chart,
                                                     const char *basename);

G_END_DECLS
