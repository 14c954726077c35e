/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-timeline-section.h"

G_BEGIN_DECLS

/*
 * The window's section for the roadmap (路线图): an IpmsTimelineSection of that kind.
 * Properties "document" and "selection", as the window sets them.
 */

#define IPMS_TYPE_ROADMAP_PAGE (ipms_roadmap_page_get_type ())

G_DECLARE_FINAL_TYPE (IpmsRoadmapPage, ipms_roadmap_page, IPMS, ROADMAP_PAGE, IpmsTimelineSection)

GtkWidget *ipms_roadmap_page_new          (void);
/* The timeline page inside. */
GtkWidget *ipms_roadmap_page_get_timeline (IpmsRoadmapPage *self);

G_END_DECLS
