/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ipms-document.h"

G_BEGIN_DECLS

/*
 * The side panel of the panorama: the segment of one cell of the grid
 * (name, size, market value, growth, trend, needs, role), edited in place.
 * Every change is an edit of the document; a typing burst is one undo step.
 */

#define IPMS_TYPE_SEGMENT_PANEL (ipms_segment_panel_get_type ())

G_DECLARE_FINAL_TYPE (IpmsSegmentPanel, ipms_segment_panel, IPMS, SEGMENT_PANEL, GtkWidget)

GtkWidget *ipms_segment_panel_new      (void);
void       ipms_segment_panel_set_cell (IpmsSegmentPanel *self,
                                        IpmsDocument     *document,
                                        gint64            x_item_id,
                                        gint64            y_item_id);

G_END_DECLS
