/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ipms-document.h"

G_BEGIN_DECLS

/*
 * IpmsCanvasView: zoom and pan around any chart widget (the panorama, the
 * new product chart, the roadmap), with scrollbars and a small zoom control.
 *
 * How a chart widget plugs in:
 *
 *  - Make it the view's child (ipms_canvas_view_set_child(), or <child> in a
 *    .ui file). Its natural size is the size of the whole chart.
 *
 *  - Zoom mode SCALE (default): the child is allocated at its natural size
 *    with a scale transform, so the child works in chart units (1 unit = 1 px
 *    at 100 %) whatever the zoom: pointer coordinates in its gestures, the
 *    allocation of its own child widgets (chips, bars) and its snapshot all
 *    stay in chart units and GTK does the scaling and the picking.
 *    Zoom mode CHILD: the child has a "zoom" double property that the view
 *    sets, and it lays itself out for it (a time axis that zooms from weeks to
 *    years without making its text bigger); the view only scrolls it.
 *
 *  - Gestures. Scroll (and touchpad two-finger pan) scrolls; Ctrl+scroll and
 *    pinch zoom about the pointer; the middle button drags the view. A primary
 *    button drag pans only when the child leaves it alone: give the child its
 *    own GtkGestureDrag and, in its "drag-begin", claim the sequence
 *    (gtk_gesture_set_state (CLAIMED)) when the press hits something the child
 *    drags (an item, a rubber band) or deny it (DENIED) on empty space, which
 *    then pans.
 *
 *  - Keys and actions: "canvas.zoom-in", "canvas.zoom-out", "canvas.zoom-reset"
 *    and "canvas.zoom-fit", bound to +, - and 0 (with or without Ctrl).
 *    Call ipms_canvas_view_scroll_to() when keyboard focus moves to an item
 *    so that it stays in sight. "canvas.zoom-fit" emits "fit" first: a
 *    child in CHILD mode handles it (returning TRUE) with a fit of its own.
 *
 *  - Set "document" and "state-key" and the zoom is remembered per project
 *    (ipms_document_set_view_state(), outside the undo history). A project
 *    seen for the first time opens on a fit that keeps the text readable
 *    (ipms_canvas_view_set_min_fit_zoom()), kept as the chart changes size
 *    until the user zooms by hand.
 */

typedef enum
{
  IPMS_CANVAS_ZOOM_SCALE,
  IPMS_CANVAS_ZOOM_CHILD,
} IpmsCanvasZoomMode;

#define IPMS_CANVAS_MIN_ZOOM 0.1
#define IPMS_CANVAS_MAX_ZOOM 4.0

#define IPMS_TYPE_CANVAS_VIEW (ipms_canvas_view_get_type ())

G_DECLARE_FINAL_TYPE (IpmsCanvasView, ipms_canvas_view, IPMS, CANVAS_VIEW, GtkWidget)

GtkWidget    *ipms_canvas_view_new            (void);
void          ipms_canvas_view_set_child      (IpmsCanvasView     *self,
                                               GtkWidget          *child);
GtkWidget    *ipms_canvas_view_get_child      (IpmsCanvasView     *self);
void          ipms_canvas_view_set_zoom_mode  (IpmsCanvasView     *self,
                                               IpmsCanvasZoomMode  mode);
double        ipms_canvas_view_get_zoom       (IpmsCanvasView     *self);
/* Zooms about the centre of the view, clamped to MIN_ZOOM..MAX_ZOOM. */
void          ipms_canvas_view_set_zoom       (IpmsCanvasView     *self,
                                               double              zoom);
/* Zooms keeping the chart's point under (x, y) of the view where it is. */
void          ipms_canvas_view_set_zoom_at    (IpmsCanvasView     *self,
                                               double              zoom,
                                               double              x,
                                               double              y);
/* Whether a chart with no zoom saved opens with a readable fit of the
 * view's own (the default); a page that fits its chart its own way turns
 * it off, sparing a layout and a frame at the zoom it replaces. */
void          ipms_canvas_view_set_fits_on_open (IpmsCanvasView   *self,
                                                 gboolean          fits);
/* Fits the whole chart, and keeps fitting it as it grows or shrinks until
 * the user zooms by hand. */
void          ipms_canvas_view_zoom_to_fit    (IpmsCanvasView     *self);
/* The lowest zoom of the fit a chart opens with (also kept as the chart or
 * the view change size, until the user zooms by hand): below it the
 * chart's smallest text would be too small to read, so the rest scrolls. */
void          ipms_canvas_view_set_min_fit_zoom (IpmsCanvasView   *self,
                                                 double            zoom);
/* Whether the zoom follows a fit rather than the user's hand. */
gboolean      ipms_canvas_view_get_follows_fit (IpmsCanvasView    *self);
/* Scrolls by the least amount that shows `rect`, in child coordinates. */
void          ipms_canvas_view_scroll_to      (IpmsCanvasView        *self,
                                               const graphene_rect_t *rect);
/* Scrolls by (dx, dy) view pixels: auto-scroll while dragging near an edge. */
void          ipms_canvas_view_pan_by         (IpmsCanvasView     *self,
                                               double              dx,
                                               double              dy);
/* Where the point (x, y) of a chart canvas in the view is in its window:
 * a pointer that stays still stays there while the view scrolls or zooms
 * under it, so a drag's threshold is measured here, not in the chart's
 * coordinates GTK gives its points in. (x, y) itself outside a window. */
void          ipms_canvas_point_in_window     (GtkWidget          *canvas,
                                               double              x,
                                               double              y,
                                               graphene_point_t   *point);
/* How far the pointer went in the window, from `press` (as
 * ipms_canvas_point_in_window() gave it) to the point (x, y) of `canvas`:
 * what a drag's threshold is measured by. */
double        ipms_canvas_travel_in_window    (GtkWidget              *canvas,
                                               double                  x,
                                               double                  y,
                                               const graphene_point_t *press);
void          ipms_canvas_view_set_document   (IpmsCanvasView     *self,
                                               IpmsDocument       *document);
IpmsDocument *ipms_canvas_view_get_document   (IpmsCanvasView     *self);
void          ipms_canvas_view_set_state_key  (IpmsCanvasView     *self,
                                               const char         *state_key);

G_END_DECLS
