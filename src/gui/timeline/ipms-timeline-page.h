/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ipms-document.h"
#include "ipms-selection.h"
#include "ipms-timeline-canvas.h"
#include "ipms-timeline-ghosts.h"
#include "ipms-timeline-tray.h"

G_BEGIN_DECLS

/*
 * A timeline chart page: the toolbar (today, fit to plan, time scale, lanes
 * by series or axis flip, price bands, export), the unscheduled tray and the
 * chart in an IpmsCanvasView. IpmsNewProductsPage and IpmsRoadmapPage are
 * the window's sections built on it.
 *
 * Actions: timeline.go-to-today, timeline.fit-to-plan, timeline.by-series
 * (new product chart), timeline.flipped and timeline.add-band (roadmap),
 * timeline.export, timeline.show-tray (F9; the tray's state, remembered per
 * project and chart, and hidden by itself while the page is narrow).
 */

#define IPMS_TYPE_TIMELINE_PAGE (ipms_timeline_page_get_type ())

G_DECLARE_FINAL_TYPE (IpmsTimelinePage, ipms_timeline_page, IPMS, TIMELINE_PAGE, GtkWidget)

GtkWidget          *ipms_timeline_page_new           (IpmsTimelineKind  kind);
void                ipms_timeline_page_set_document  (IpmsTimelinePage *self,
                                                      IpmsDocument     *document);
void                ipms_timeline_page_set_selection (IpmsTimelinePage *self,
                                                      IpmsSelection    *selection);
IpmsTimelineCanvas *ipms_timeline_page_get_canvas    (IpmsTimelinePage *self);
IpmsTimelineTray   *ipms_timeline_page_get_tray      (IpmsTimelinePage *self);
GtkWidget          *ipms_timeline_page_get_view      (IpmsTimelinePage *self);
/* The overlay of where changed products stood at the compared review. */
IpmsTimelineGhosts *ipms_timeline_page_get_ghosts    (IpmsTimelinePage *self);
gboolean            ipms_timeline_page_work_ahead    (IpmsTimelinePage *self);

G_END_DECLS
