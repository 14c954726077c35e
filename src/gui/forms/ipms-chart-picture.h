/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ipms-chart.h"

G_BEGIN_DECLS

#define IPMS_TYPE_CHART_PICTURE (ipms_chart_picture_get_type ())

G_DECLARE_FINAL_TYPE (IpmsChartPicture, ipms_chart_picture, IPMS, CHART_PICTURE, GtkWidget)

/*
 * A chart of src/render shown whole in a form, scaled to the width it is
 * given (never above its own size) and kept in proportion: the plans' charts
 * next to the tables they draw. It repaints when the chart emits "changed"
 * and when the style turns dark or light, and reads as an image named
 * `label` to assistive technologies. It is not a canvas: nothing on it is
 * edited, the tables next to it are.
 */
GtkWidget *ipms_chart_picture_new       (IpmsChart        *chart,
                                         const char       *label);
IpmsChart *ipms_chart_picture_get_chart (IpmsChartPicture *self);

G_END_DECLS
