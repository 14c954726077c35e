/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-chart.h"
#include "ipms-document.h"
#include "ipms-time-axis.h"
#include "ipms-timeline-paint.h"

G_BEGIN_DECLS

/*
 * The roadmap (路线图): each product a marker at (launch date, price),
 * coloured by series and shaped by grade, over the price bands as shaded
 * rows. Time runs across and price up; "flipped" puts price across and time
 * down, since teams draw it both ways.
 *
 * Properties: "document", "range-start", "range-end", "px-per-day",
 * "show-title", "today" as on the new product chart, and "flipped".
 * "changed" is emitted when what it paints changed.
 */

#define IPMS_TYPE_ROADMAP_CHART (ipms_roadmap_chart_get_type ())

G_DECLARE_FINAL_TYPE (IpmsRoadmapChart, ipms_roadmap_chart, IPMS, ROADMAP_CHART, GObject)

IpmsRoadmapChart   *ipms_roadmap_chart_new            (IpmsDocument     *document);
IpmsDocument       *ipms_roadmap_chart_get_document   (IpmsRoadmapChart *self);

void                ipms_roadmap_chart_set_range      (IpmsRoadmapChart *self,
                                                       const char       *range_start,
                                                       const char       *range_end);
void                ipms_roadmap_chart_set_px_per_day (IpmsRoadmapChart *self,
                                                       double            px_per_day);
double              ipms_roadmap_chart_get_px_per_day (IpmsRoadmapChart *self);
void                ipms_roadmap_chart_set_flipped    (IpmsRoadmapChart *self,
                                                       gboolean          flipped);
gboolean            ipms_roadmap_chart_get_flipped    (IpmsRoadmapChart *self);
void                ipms_roadmap_chart_set_show_title (IpmsRoadmapChart *self,
                                                       gboolean          show_title);
void                ipms_roadmap_chart_set_today      (IpmsRoadmapChart *self,
                                                       guint32           today);
guint32             ipms_roadmap_chart_get_today      (IpmsRoadmapChart *self);

/* Geometry, for the canvas: valid until the next "changed". */
const IpmsTimeAxis *ipms_roadmap_chart_get_axis       (IpmsRoadmapChart *self);
/* Chart coordinate (x, or y when flipped) of the time axis's 0. */
double              ipms_roadmap_chart_get_time_origin (IpmsRoadmapChart *self);
/* The products with a launch date and a price. */
GArray             *ipms_roadmap_chart_dup_item_ids   (IpmsRoadmapChart *self);
/* Centre and radius of a product's marker. */
gboolean            ipms_roadmap_chart_get_marker     (IpmsRoadmapChart *self,
                                                       gint64            product_id,
                                                       double           *x,
                                                       double           *y,
                                                       double           *radius);
/* The launch day and price at a chart point. */
void                ipms_roadmap_chart_point_to_values (IpmsRoadmapChart *self,
                                                        double            x,
                                                        double            y,
                                                        double           *day,
                                                        double           *price);
void                ipms_roadmap_chart_values_to_point (IpmsRoadmapChart *self,
                                                        guint32           day,
                                                        double            price,
                                                        double           *x,
                                                        double           *y);
/* The price a step of one chart unit along the price axis is worth. */
double              ipms_roadmap_chart_get_price_per_unit (IpmsRoadmapChart *self);
/* A marker (the product id) or a band boundary (the price band id). */
gint64              ipms_roadmap_chart_hit_test       (IpmsRoadmapChart *self,
                                                       double            x,
                                                       double            y,
                                                       IpmsTimelinePart *part);

/* Paints `product_id` at this launch day and price instead of its stored
 * ones, for a drag in progress; id 0 ends the preview. */
void                ipms_roadmap_chart_set_preview    (IpmsRoadmapChart *self,
                                                       gint64            product_id,
                                                       guint32           launch,
                                                       double            price);
/* As on the new product chart: the view's top left, where the price axis
 * and the time header are painted again so that they stay in sight. */
void                ipms_roadmap_chart_set_sticky     (IpmsRoadmapChart *self,
                                                       double            x,
                                                       double            y);
/* As on the new product chart: with `apart`, paint() leaves the previewed
 * marker out, paint_preview() paints it, and moving it emits
 * "preview-changed". */
void                ipms_roadmap_chart_set_preview_apart (IpmsRoadmapChart *self,
                                                          gboolean          apart);
void                ipms_roadmap_chart_paint_preview  (IpmsRoadmapChart            *self,
                                                       cairo_t                     *cr,
                                                       const IpmsChartPaintOptions *options);
/* Paints a price band boundary at `price`, for a drag in progress; id 0 ends it. */
void                ipms_roadmap_chart_set_band_preview (IpmsRoadmapChart *self,
                                                         gint64            band_id,
                                                         IpmsTimelinePart  boundary,
                                                         double            price);

G_END_DECLS
