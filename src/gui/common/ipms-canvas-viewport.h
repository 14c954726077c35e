/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ipms-canvas-view.h"

G_BEGIN_DECLS

/*
 * The scrollable inside IpmsCanvasView: it places the chart widget at the
 * zoom and scroll position. Private to the canvas machinery; chart widgets
 * only ever deal with IpmsCanvasView.
 */

#define IPMS_TYPE_CANVAS_VIEWPORT (ipms_canvas_viewport_get_type ())

G_DECLARE_FINAL_TYPE (IpmsCanvasViewport, ipms_canvas_viewport, IPMS, CANVAS_VIEWPORT, GtkWidget)

void       ipms_canvas_viewport_set_child      (IpmsCanvasViewport *self,
                                                GtkWidget          *child);
GtkWidget *ipms_canvas_viewport_get_child      (IpmsCanvasViewport *self);
void       ipms_canvas_viewport_set_zoom_mode  (IpmsCanvasViewport *self,
                                                IpmsCanvasZoomMode  mode);
double     ipms_canvas_viewport_get_zoom       (IpmsCanvasViewport *self);
/* Zooms keeping the content point under (anchor_x, anchor_y), in viewport
 * coordinates, where it is. */
void       ipms_canvas_viewport_set_zoom_at    (IpmsCanvasViewport *self,
                                                double              zoom,
                                                double              anchor_x,
                                                double              anchor_y);
/* The zoom at which the whole child fits the viewport. */
double     ipms_canvas_viewport_get_fit_zoom   (IpmsCanvasViewport *self);
/* Scrolls by the least amount that shows the rectangle (child coordinates). */
void       ipms_canvas_viewport_scroll_to      (IpmsCanvasViewport *self,
                                                const graphene_rect_t *rect);
void       ipms_canvas_viewport_pan_by         (IpmsCanvasViewport *self,
                                                double              dx,
                                                double              dy);
void       ipms_canvas_viewport_get_scroll     (IpmsCanvasViewport *self,
                                                double             *x,
                                                double             *y);
void       ipms_canvas_viewport_set_scroll     (IpmsCanvasViewport *self,
                                                double              x,
                                                double              y);
/* The part of the child in view, in the child's coordinates; the
 * "visible-area-changed" signal tells when a scroll moved it (a new size
 * or zoom reallocates the child as well). */
void       ipms_canvas_viewport_get_visible_area (IpmsCanvasViewport *self,
                                                  graphene_rect_t    *area);

G_END_DECLS
