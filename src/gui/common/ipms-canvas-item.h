/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * A light, focusable stand-in for one thing a chart paints (a product chip,
 * a grid header, a timeline bar). GTK 4.8 gives drawn content no accessible
 * children, so each such thing gets one of these, allocated over its painted
 * rectangle: it takes keyboard focus, carries the accessible name and draws
 * only the selection and focus marks. The chart's cached static layer draws
 * the thing itself, so thousands of items cost little per frame.
 *
 * Items are not targets of pointer events (the chart widget hit-tests), so
 * gestures stay on the chart widget.
 */

#define IPMS_TYPE_CANVAS_ITEM (ipms_canvas_item_get_type ())

G_DECLARE_FINAL_TYPE (IpmsCanvasItem, ipms_canvas_item, IPMS, CANVAS_ITEM, GtkWidget)

GtkWidget  *ipms_canvas_item_new          (int             kind,
                                           gint64          id);
int         ipms_canvas_item_get_kind     (IpmsCanvasItem *self);
gint64      ipms_canvas_item_get_id       (IpmsCanvasItem *self);
/* Points the item at another thing of its kind: a chart recycles the
 * widgets of things scrolled out of view for those scrolled in (the caller
 * sets the label and the selection again). */
void        ipms_canvas_item_set_id       (IpmsCanvasItem *self,
                                           gint64          id);
gboolean    ipms_canvas_item_get_selected (IpmsCanvasItem *self);
void        ipms_canvas_item_set_selected (IpmsCanvasItem *self,
                                           gboolean        selected);
/* Sets the accessible name and the tooltip. */
void        ipms_canvas_item_set_label    (IpmsCanvasItem *self,
                                           const char     *label);
const char *ipms_canvas_item_get_label    (IpmsCanvasItem *self);
void        ipms_canvas_item_set_dark     (IpmsCanvasItem *self,
                                           gboolean        dark);
/* The corner radius of the marks, to match the painted shape. */
void        ipms_canvas_item_set_radius   (IpmsCanvasItem *self,
                                           double          radius);

G_END_DECLS
