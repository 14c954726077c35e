/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-chart.h"
#include "ipms-document.h"
#include "ipms-time-axis.h"
#include "ipms-timeline-chart.h"
#include "ipms-timeline-paint.h"

G_BEGIN_DECLS

/*
 * The roadmap (路线图): each product a marker at (launch date, price),
 * coloured by series and shaped by grade, over the price bands as shaded
 * rows. Time runs across and price up; "flipped" puts price across and time
 * down, since teams draw it both ways.
 *
 * Properties: those of IpmsTimelineChart, "flipped", "price-scale" and
 * "price-length". Its time origin is the chart coordinate (x, or y when
 * flipped) of the time axis's 0.
 *
 * "price-scale" starts as the project's view state "roadmap.price-scale"
 * says ("bands" or "linear"), so that an export shows what the user chose.
 */

typedef enum
{
  IPMS_ROADMAP_PRICE_SCALE_LINEAR,
  /* Each interval between price band edges gets the same length of axis,
   * with the price linear within it. */
  IPMS_ROADMAP_PRICE_SCALE_BANDS,
} IpmsRoadmapPriceScale;

/* The view state key and values the page stores the price scale under. */
#define IPMS_ROADMAP_PRICE_SCALE_KEY "roadmap.price-scale"

#define IPMS_TYPE_ROADMAP_CHART (ipms_roadmap_chart_get_type ())

G_DECLARE_FINAL_TYPE (IpmsRoadmapChart, ipms_roadmap_chart, IPMS, ROADMAP_CHART, IpmsTimelineChart)

IpmsRoadmapChart   *ipms_roadmap_chart_new            (IpmsDocument     *document);

void                ipms_roadmap_chart_set_flipped    (IpmsRoadmapChart *self,
                                                       gboolean          flipped);
gboolean            ipms_roadmap_chart_get_flipped    (IpmsRoadmapChart *self);
void                ipms_roadmap_chart_set_price_scale (IpmsRoadmapChart     *self,
                                                        IpmsRoadmapPriceScale scale);
IpmsRoadmapPriceScale ipms_roadmap_chart_get_price_scale (IpmsRoadmapChart   *self);
/* The length of the price axis in chart units; 0 for the default. A view
 * sets it to fit the price axis into its height (or width, flipped);
 * flipping goes back to the default. */
void                ipms_roadmap_chart_set_price_length (IpmsRoadmapChart *self,
                                                         double            length);
/* The width a view shows the chart in (0: none, as in an export): the
 * legend's series keys wrap into as many rows as it takes to fit. */
void                ipms_roadmap_chart_set_legend_room (IpmsRoadmapChart *self,
                                                         double            width);
/* The length of everything across the price axis (height, or width when
 * flipped) that does not scale with the price axis length. */
double              ipms_roadmap_chart_get_price_chrome (IpmsRoadmapChart *self);

/* Geometry, for the canvas: valid until the next "changed". */
/* Centre and radius of a product's marker. */
gboolean            ipms_roadmap_chart_get_marker     (IpmsRoadmapChart *self,
                                                       gint64            product_id,
                                                       double           *x,
                                                       double           *y,
                                                       double           *radius);
/* Where a product's name is painted; a product whose marker is too crowded
 * for a label of its own gives the box of the "+N" label it shares, and
 * `clustered` says so. FALSE for a product not on the chart. */
gboolean            ipms_roadmap_chart_get_label      (IpmsRoadmapChart  *self,
                                                       gint64             product_id,
                                                       cairo_rectangle_t *rect,
                                                       gboolean          *clustered);
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
/* Paints a price band boundary at `price`, for a drag in progress; id 0 ends it. */
void                ipms_roadmap_chart_set_band_preview (IpmsRoadmapChart *self,
                                                         gint64            band_id,
                                                         IpmsTimelinePart  boundary,
                                                         double            price);

G_END_DECLS
