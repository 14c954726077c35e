/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-chart.h"
#include "ipms-document.h"
#include "ipms-time-axis.h"
#include "ipms-timeline-chart.h"
#include "ipms-timeline-paint.h"

G_BEGIN_DECLS

/*
 * The new product chart (新品图): one lane per population layer (the Y axis
 * items of the grid) or per series, time across. Each product is a bar from
 * development start to development complete with a marker at its launch;
 * series entry and first launch are milestones on their lanes.
 *
 * Properties: those of IpmsTimelineChart (a "px-per-day" of 0 fits the
 * range to about 1,200 units, as export wants), "lane-mode" and
 * "lane-column-width", the width of the lane names at the left (200 units
 * unless a narrow view asks for less; the names wrap to it).
 */

#define IPMS_TYPE_NEW_PRODUCTS_CHART (ipms_new_products_chart_get_type ())

G_DECLARE_FINAL_TYPE (IpmsNewProductsChart, ipms_new_products_chart, IPMS, NEW_PRODUCTS_CHART, IpmsTimelineChart)

typedef enum
{
  IPMS_LANE_MODE_LAYERS,
  IPMS_LANE_MODE_SERIES,
} IpmsLaneMode;

typedef struct
{
  double   bar_x;          /* the development span; width 0 when there is none */
  double   bar_width;
  double   launch_x;       /* centre of the launch marker; -1 when unset */
  double   y;              /* top of the item's row */
  double   height;
  guint    lane;
  guint32  dev_start;      /* Julian days, 0 when unset */
  guint32  dev_complete;
  guint32  launch;
} IpmsNewProductsItem;

IpmsNewProductsChart *ipms_new_products_chart_new            (IpmsDocument          *document);
void                  ipms_new_products_chart_set_lane_mode  (IpmsNewProductsChart  *self,
                                                              IpmsLaneMode           mode);
IpmsLaneMode          ipms_new_products_chart_get_lane_mode  (IpmsNewProductsChart  *self);
void                  ipms_new_products_chart_set_lane_column_width (IpmsNewProductsChart *self,
                                                                     double                width);
double                ipms_new_products_chart_get_lane_column_width (IpmsNewProductsChart *self);

/* Shorthands for the IpmsTimelineChart calls of the same name. */
void                  ipms_new_products_chart_set_range      (IpmsNewProductsChart  *self,
                                                              const char            *range_start,
                                                              const char            *range_end);
void                  ipms_new_products_chart_set_px_per_day (IpmsNewProductsChart  *self,
                                                              double                 px_per_day);
double                ipms_new_products_chart_get_px_per_day (IpmsNewProductsChart  *self);
void                  ipms_new_products_chart_set_show_title (IpmsNewProductsChart  *self,
                                                              gboolean               show_title);
const IpmsTimeAxis   *ipms_new_products_chart_get_axis       (IpmsNewProductsChart  *self);
double                ipms_new_products_chart_get_time_origin (IpmsNewProductsChart *self);

/* Geometry, for the canvas: valid until the next "changed". */
/* The top of the lanes, under the header. */
double                ipms_new_products_chart_get_body_top   (IpmsNewProductsChart  *self);
gboolean              ipms_new_products_chart_get_item       (IpmsNewProductsChart  *self,
                                                              gint64                 product_id,
                                                              IpmsNewProductsItem   *item);
/* Where the product's name is painted. */
gboolean              ipms_new_products_chart_get_label      (IpmsNewProductsChart  *self,
                                                              gint64                 product_id,
                                                              cairo_rectangle_t     *rect);
/* Where the index-th milestone's label (a series' entry or first launch)
 * is painted; FALSE past the last. */
gboolean              ipms_new_products_chart_get_milestone_label (IpmsNewProductsChart *self,
                                                                   guint                 index,
                                                                   cairo_rectangle_t    *rect);
gint64                ipms_new_products_chart_hit_test       (IpmsNewProductsChart  *self,
                                                              double                 x,
                                                              double                 y,
                                                              IpmsTimelinePart      *part);
guint                 ipms_new_products_chart_get_n_lanes    (IpmsNewProductsChart  *self);
/* The lane under y, or G_MAXUINT. */
guint                 ipms_new_products_chart_lane_at        (IpmsNewProductsChart  *self,
                                                              double                 y);
/* Where the lane lies along y; FALSE when there is no such lane. */
gboolean              ipms_new_products_chart_get_lane_extent (IpmsNewProductsChart *self,
                                                               guint                 lane,
                                                               double               *y,
                                                               double               *height);
/* Where the lane's name and product count are painted, in the lane
 * column; FALSE when there is no such lane. */
gboolean              ipms_new_products_chart_get_lane_title (IpmsNewProductsChart *self,
                                                              guint                 lane,
                                                              cairo_rectangle_t    *rect);
/* The lane's Y axis item or series id; 0 for the lane of products without one. */
gint64                ipms_new_products_chart_get_lane_id    (IpmsNewProductsChart  *self,
                                                              guint                  lane);
const char           *ipms_new_products_chart_get_lane_label (IpmsNewProductsChart  *self,
                                                              guint                  lane);

/* Paints `product_id` with these dates (0 = unset) in `lane` (G_MAXUINT:
 * its own) instead of its stored ones, for a drag in progress. An id of 0
 * ends the preview. */
void                  ipms_new_products_chart_set_preview    (IpmsNewProductsChart  *self,
                                                              gint64                 product_id,
                                                              guint32                dev_start,
                                                              guint32                dev_complete,
                                                              guint32                launch,
                                                              guint                  lane);

G_END_DECLS
