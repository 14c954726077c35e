/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ipms-chart.h"
#include "ipms-document.h"
#include "ipms-selection.h"

G_BEGIN_DECLS

/*
 * The drawing surface of the new product chart and of the roadmap, the
 * child of an IpmsCanvasView in CHILD zoom mode: "zoom" sets the days per
 * pixel, so text keeps its size from weeks to years.
 *
 * The chart (IpmsNewProductsChart or IpmsRoadmapChart) paints a static
 * layer that is kept as a render node; each product on it has a light
 * focusable IpmsCanvasItem on top that carries its accessible name and
 * tooltip and draws selection and focus. Gestures and keys go through the
 * interaction functions below, which the tests call too.
 */

typedef enum
{
  IPMS_TIMELINE_KIND_NEW_PRODUCTS,
  IPMS_TIMELINE_KIND_ROADMAP,
} IpmsTimelineKind;

/* Chart units per day at zoom 1.0, the month scale; IpmsCanvasView's zooms
 * of 0.1 to 4 then reach from the year scale (0.4) to the week scale (16). */
#define IPMS_TIMELINE_BASE_PX_PER_DAY 4.0

#define IPMS_TYPE_TIMELINE_CANVAS (ipms_timeline_canvas_get_type ())

G_DECLARE_FINAL_TYPE (IpmsTimelineCanvas, ipms_timeline_canvas, IPMS, TIMELINE_CANVAS, GtkWidget)

GtkWidget        *ipms_timeline_canvas_new            (IpmsTimelineKind    kind);
IpmsTimelineKind  ipms_timeline_canvas_get_kind       (IpmsTimelineCanvas *self);
void              ipms_timeline_canvas_set_document   (IpmsTimelineCanvas *self,
                                                       IpmsDocument       *document);
void              ipms_timeline_canvas_set_selection  (IpmsTimelineCanvas *self,
                                                       IpmsSelection      *selection);
/* The chart it paints (NULL without a document). */
IpmsChart        *ipms_timeline_canvas_get_chart      (IpmsTimelineCanvas *self);
/* Where a product with these values is drawn, in this widget's
 * coordinates (those of overlays that share its allocation): `value` is a
 * lane index on the new product chart (y is then the lane's middle, x where
 * the day begins: a bar starts there, the launch marker is centred half a
 * day on) and a price on the roadmap (the marker's centre, flipped or not).
 * FALSE when there is no chart or no such lane. Valid until the chart
 * changes or the zoom does. */
gboolean          ipms_timeline_canvas_map_values     (IpmsTimelineCanvas *self,
                                                       guint32             day,
                                                       double              value,
                                                       double             *x,
                                                       double             *y);
/* Chart x (or y when the roadmap is flipped) of a day. */
double            ipms_timeline_canvas_day_position   (IpmsTimelineCanvas *self,
                                                       guint32             day);
/* The width of the new product chart's lane names (its own default when
 * this was never called); the roadmap has none and ignores it. */
void              ipms_timeline_canvas_set_lane_column_width (IpmsTimelineCanvas *self,
                                                              double              width);
/* The largest zoom at which the whole chart (items, names, legend) fits a
 * view of that size along the time axis; on the roadmap it also sets the
 * price axis's length to the view's other side. */
double            ipms_timeline_canvas_fit_zoom       (IpmsTimelineCanvas *self,
                                                       double              width,
                                                       double              height);
/* The widget of a product's item, for tests and focus. */
GtkWidget        *ipms_timeline_canvas_get_item       (IpmsTimelineCanvas *self,
                                                       gint64              product_id);

/* Interaction, in chart coordinates. begin returns TRUE when the point hits
 * something to drag (and selects it; `extend` toggles it in the selection
 * instead). update takes the offset from the start; with `lock_axis` the
 * move keeps the lane (new product chart) or one of date and price
 * (roadmap). end writes the move as one undo step; cancel puts everything
 * back. */
gboolean          ipms_timeline_canvas_drag_begin     (IpmsTimelineCanvas *self,
                                                       double              x,
                                                       double              y,
                                                       gboolean            extend);
void              ipms_timeline_canvas_drag_update    (IpmsTimelineCanvas *self,
                                                       double              dx,
                                                       double              dy,
                                                       gboolean            lock_axis);
gboolean          ipms_timeline_canvas_drag_end       (IpmsTimelineCanvas *self);
void              ipms_timeline_canvas_drag_cancel    (IpmsTimelineCanvas *self);
gboolean          ipms_timeline_canvas_is_dragging    (IpmsTimelineCanvas *self);
/* Keyboard nudge of a product: `steps` snap units along time (and on the
 * roadmap `cross` price steps; on the new product chart `cross` lanes, as
 * ipms_timeline_canvas_move_to_lane() does), `large` for a shown unit (ten
 * price steps). */
gboolean          ipms_timeline_canvas_nudge          (IpmsTimelineCanvas *self,
                                                       gint64              product_id,
                                                       int                 steps,
                                                       int                 cross,
                                                       gboolean            large);
/* Moves a product of the new product chart `cross` lanes down (up when
 * negative), says so in a toast, and brings it into view once laid out. */
gboolean          ipms_timeline_canvas_move_to_lane   (IpmsTimelineCanvas *self,
                                                       gint64              product_id,
                                                       int                 cross);
/* Keyboard focus to the product nearest above (-1) or below (+1). */
gboolean          ipms_timeline_canvas_focus_neighbour (IpmsTimelineCanvas *self,
                                                        gint64              product_id,
                                                        int                 direction);
/* Takes a product off the chart (back to the tray), or deletes it, with a
 * toast that says how to undo it. */
gboolean          ipms_timeline_canvas_unschedule     (IpmsTimelineCanvas *self,
                                                       gint64              product_id);
gboolean          ipms_timeline_canvas_delete_product (IpmsTimelineCanvas *self,
                                                       gint64              product_id);
/* Opens the PRD of the product at a point (a double click), as Enter on a
 * focused product does (action timeline-canvas.open): see
 * ipms_product_editor_open_prd(). FALSE when no product is there. */
gboolean          ipms_timeline_canvas_activate_at    (IpmsTimelineCanvas *self,
                                                       double              x,
                                                       double              y);
/* Puts an unscheduled product on the chart at a point (its drop from the tray). */
gboolean          ipms_timeline_canvas_schedule_at    (IpmsTimelineCanvas *self,
                                                       gint64              product_id,
                                                       double              x,
                                                       double              y);
/* The text of a product's tooltip and accessible name. */
char             *ipms_timeline_canvas_describe       (IpmsTimelineCanvas *self,
                                                       gint64              product_id);

G_END_DECLS
