/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ipms-document.h"
#include "ipms-timeline-canvas.h"

G_BEGIN_DECLS

/*
 * The "unscheduled" tray beside a timeline chart: the products the chart
 * cannot place yet (no dates on the new product chart; no launch date or no
 * price on the roadmap). Each row is dragged onto the chart; activating it
 * (Enter, double-click) emits "schedule" with the product id so that the
 * page can place it at today.
 */

#define IPMS_TYPE_TIMELINE_TRAY (ipms_timeline_tray_get_type ())

G_DECLARE_FINAL_TYPE (IpmsTimelineTray, ipms_timeline_tray, IPMS, TIMELINE_TRAY, GtkWidget)

GtkWidget  *ipms_timeline_tray_new          (IpmsTimelineKind  kind);
void        ipms_timeline_tray_set_document (IpmsTimelineTray *self,
                                             IpmsDocument     *document);
/* The products in the tray, in order. */
GListModel *ipms_timeline_tray_get_model    (IpmsTimelineTray *self);

G_END_DECLS
