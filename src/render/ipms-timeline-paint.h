/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "ipms-chart-style.h"
#include "ipms-document.h"
#include "ipms-time-axis.h"

G_BEGIN_DECLS

/*
 * Painting shared by the new product chart and the roadmap: the two-row time
 * header, the grid under it, the planning year band, the today line and a
 * cache of text layouts (making a PangoLayout per label per frame costs
 * several times the painting itself).
 *
 * `origin` is where the axis's x = 0 lies in chart units; with `vertical`
 * the time runs down the chart and the header is two columns at its left.
 */

typedef struct _IpmsLayoutCache IpmsLayoutCache;

/* What a point on a timeline chart hits, for dragging. */
typedef enum
{
  IPMS_TIMELINE_PART_NONE,
  IPMS_TIMELINE_PART_BAR,        /* the development span: shift */
  IPMS_TIMELINE_PART_START,      /* its left end: development start */
  IPMS_TIMELINE_PART_END,        /* its right end: development complete */
  IPMS_TIMELINE_PART_LAUNCH,     /* the launch marker */
  IPMS_TIMELINE_PART_MARKER,     /* a roadmap marker: launch date and price */
  IPMS_TIMELINE_PART_BAND_MIN,   /* a price band's lower boundary */
  IPMS_TIMELINE_PART_BAND_MAX,   /* a price band's upper boundary */
} IpmsTimelinePart;

/* Handles stay this wide (chart units) however short a bar is drawn. */
#define IPMS_TIMELINE_HANDLE_SIZE 10.0

IpmsLayoutCache *ipms_layout_cache_new         (void);
void             ipms_layout_cache_free        (IpmsLayoutCache *cache);
/* Owned by the cache. */
PangoLayout     *ipms_layout_cache_get         (IpmsLayoutCache *cache,
                                                IpmsChartFont    font,
                                                const char      *text);
void             ipms_layout_cache_get_size    (IpmsLayoutCache *cache,
                                                IpmsChartFont    font,
                                                const char      *text,
                                                int             *width,
                                                int             *height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpmsLayoutCache, ipms_layout_cache_free)

typedef struct
{
  const IpmsTimeAxis     *axis;
  const IpmsChartPalette *palette;
  IpmsLayoutCache        *layouts;
  gboolean                vertical;
  double                  origin;      /* chart coordinate of the axis's 0 */
  double                  header_pos;  /* top (or left, vertical) of the header */
  double                  row_size;    /* height (or width) of one header row */
  double                  body_start;  /* the span the grid lines cross */
  double                  body_end;
} IpmsTimelineFrame;

#define IPMS_TIMELINE_HEADER_ROW 26.0
#define IPMS_TIMELINE_HEADER_COLUMN 72.0

void     ipms_timeline_paint_header     (cairo_t                 *cr,
                                         const IpmsTimelineFrame *frame);
void     ipms_timeline_paint_grid       (cairo_t                 *cr,
                                         const IpmsTimelineFrame *frame);
/* The planning year as a tinted band across the body. */
void     ipms_timeline_paint_plan_year  (cairo_t                 *cr,
                                         const IpmsTimelineFrame *frame,
                                         int                      plan_year);
void     ipms_timeline_paint_today      (cairo_t                 *cr,
                                         const IpmsTimelineFrame *frame,
                                         guint32                  today);
/* The chart title line: project name, chart name and the range shown. */
void     ipms_timeline_paint_title      (cairo_t                 *cr,
                                         const IpmsChartPalette  *palette,
                                         IpmsLayoutCache         *layouts,
                                         double                   x,
                                         double                   y,
                                         const char              *title,
                                         const char              *subtitle);

/* A small label in the accent colour with its bottom left at (x, y): the
 * values an item being dragged would take. */
void     ipms_timeline_paint_readout    (cairo_t                 *cr,
                                         const IpmsChartPalette  *palette,
                                         IpmsLayoutCache         *layouts,
                                         double                   x,
                                         double                   y,
                                         const char              *text);

/* The range a plan needs: its products' dates (from `products_first` to
 * `products_last`, 0 when none; see ipms_timeline_product_span()), its
 * series' dates and the planning year, widened to whole months. FALSE
 * when there is no date at all (then the planning year, or this year, is
 * returned). */
gboolean ipms_timeline_plan_range       (IpmsDocument            *document,
                                         guint32                  products_first,
                                         guint32                  products_last,
                                         guint32                 *first_day,
                                         guint32                 *last_day);
/* The first and last of a product's development and launch dates; 0 and
 * 0 when it has none. */
void     ipms_timeline_product_span     (IpmsRecord              *product,
                                         guint32                 *first,
                                         guint32                 *last);
/* A zoom that shows `days` in about `width` units, rounded to a zoom level;
 * below the narrowest level only for a range too long for it (centuries). */
double   ipms_timeline_fit_px_per_day   (guint32                  days,
                                         double                   width);
/* The project's planning year, or the year of `today` when unset. */
int      ipms_timeline_get_plan_year    (IpmsDocument            *document,
                                         guint32                  today);

G_END_DECLS
