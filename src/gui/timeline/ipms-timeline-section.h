/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ipms-timeline-canvas.h"

G_BEGIN_DECLS

/*
 * A window section holding one IpmsTimelinePage. The window builds sections
 * from a GType and sets only "document" and "selection", so the kind of
 * timeline is a class field: IpmsNewProductsPage and IpmsRoadmapPage are the
 * subclasses that set it.
 */

#define IPMS_TYPE_TIMELINE_SECTION (ipms_timeline_section_get_type ())

G_DECLARE_DERIVABLE_TYPE (IpmsTimelineSection, ipms_timeline_section, IPMS, TIMELINE_SECTION, GtkWidget)

struct _IpmsTimelineSectionClass
{
  GtkWidgetClass   parent_class;

  IpmsTimelineKind kind;
};

/* The timeline page inside. */
GtkWidget *ipms_timeline_section_get_timeline (IpmsTimelineSection *self);

G_END_DECLS
