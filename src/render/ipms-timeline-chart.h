/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ipms-chart.h"
#include "ipms-document.h"
#include "ipms-time-axis.h"

G_BEGIN_DECLS

/*
 * What the new product chart and the roadmap have in common: a document,
 * the range and zoom of their time axis and the state a view gives them.
 *
 * Properties: "document", "range-start" and "range-end" ("YYYY-MM-DD" or
 * NULL for the whole plan), "px-per-day" (0 fits the range to the chart's
 * export width), "show-title" (export: TRUE), "today" (a Julian day; 0 for
 * the real today).
 *
 * "changed" is emitted when what it paints changed (the document, a
 * property, a preview): views repaint and relayout their items.
 * "preview-changed" is emitted instead when only the previewed item moved
 * and the preview is painted apart: what ipms_timeline_chart_paint_preview()
 * paints changed.
 */

/* Declared by hand rather than with G_DECLARE_DERIVABLE_TYPE: the instance
 * struct, which the subclasses read in their layout and paint code, lives in
 * ipms-timeline-chart-private.h. */
#define IPMS_TYPE_TIMELINE_CHART           (ipms_timeline_chart_get_type ())
#define IPMS_TIMELINE_CHART(obj)           (G_TYPE_CHECK_INSTANCE_CAST ((obj), IPMS_TYPE_TIMELINE_CHART, IpmsTimelineChart))
#define IPMS_IS_TIMELINE_CHART(obj)        (G_TYPE_CHECK_INSTANCE_TYPE ((obj), IPMS_TYPE_TIMELINE_CHART))
#define IPMS_TIMELINE_CHART_CLASS(klass)   (G_TYPE_CHECK_CLASS_CAST ((klass), IPMS_TYPE_TIMELINE_CHART, IpmsTimelineChartClass))
#define IPMS_TIMELINE_CHART_GET_CLASS(obj) (G_TYPE_INSTANCE_GET_CLASS ((obj), IPMS_TYPE_TIMELINE_CHART, IpmsTimelineChartClass))

typedef struct _IpmsTimelineChart      IpmsTimelineChart;
typedef struct _IpmsTimelineChartClass IpmsTimelineChartClass;

GType ipms_timeline_chart_get_type (void) G_GNUC_CONST;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpmsTimelineChart, g_object_unref)

struct _IpmsTimelineChartClass
{
  GObjectClass parent_class;

  /* The tables the subclass reads besides those every timeline reads (the
   * products, the project's name, plan year and currency, the series),
   * NULL-terminated: a change of one of their rows lays the chart out
   * anew; other tables' rows leave it as it is. */
  const char * const *tables;

  /* Rebuilds the layout, the axis with it, when it is stale. */
  void   (*ensure_layout)   (IpmsTimelineChart *self);
  /* Brings the layout up to date after edits of the products in `ids`
   * (gint64 keys) alone, leaving it as a new layout would be; FALSE when
   * that cannot be done in place (the axis or another lane or price range
   * is needed), and a new layout follows. */
  gboolean (*update_products) (IpmsTimelineChart *self,
                               GHashTable        *ids);
  /* The zoom (or another length of the chart's own) changed and the rows
   * did not: places the items again, the axis with them, without reading
   * the rows. NULL when the subclass lays everything out again instead. */
  void     (*update_geometry) (IpmsTimelineChart *self);
  /* Where the axis's x = 0 lies in chart units. */
  double (*get_time_origin) (IpmsTimelineChart *self);
  GArray *(*dup_item_ids)   (IpmsTimelineChart *self);
  GArray *(*dup_item_ids_in) (IpmsTimelineChart       *self,
                              const cairo_rectangle_t *area);
  void   (*paint_preview)   (IpmsTimelineChart           *self,
                             cairo_t                     *cr,
                             const IpmsChartPaintOptions *options);
  void   (*get_frozen)      (IpmsTimelineChart           *self,
                             double                      *left,
                             double                      *top);
};

IpmsDocument       *ipms_timeline_chart_get_document    (IpmsTimelineChart *self);
void                ipms_timeline_chart_set_range       (IpmsTimelineChart *self,
                                                         const char        *range_start,
                                                         const char        *range_end);
void                ipms_timeline_chart_set_px_per_day  (IpmsTimelineChart *self,
                                                         double             px_per_day);
/* The zoom in use: with "px-per-day" 0, the one that fits the range. */
double              ipms_timeline_chart_get_px_per_day  (IpmsTimelineChart *self);
void                ipms_timeline_chart_set_show_title  (IpmsTimelineChart *self,
                                                         gboolean           show_title);
void                ipms_timeline_chart_set_today       (IpmsTimelineChart *self,
                                                         guint32            today);
/* "today", or the real today when it is 0. */
guint32             ipms_timeline_chart_get_today       (IpmsTimelineChart *self);
/* Geometry: valid until the next "changed". */
const IpmsTimeAxis *ipms_timeline_chart_get_axis        (IpmsTimelineChart *self);
/* Where the axis's x = 0 lies in chart units (y on a flipped roadmap). */
double              ipms_timeline_chart_get_time_origin (IpmsTimelineChart *self);
/* The products the chart draws, as gint64 ids, in its order: on the new
 * product chart those with a date, by lane; on the roadmap those with a
 * launch date and a price. */
GArray             *ipms_timeline_chart_dup_item_ids    (IpmsTimelineChart *self);
/* Those of them whose bar, launch mark or marker (where a preview puts it)
 * meets `area`, in chart units, in the same order: a view asks for the few
 * in sight without looking at each of thousands. What lies around the
 * marks (names, focus rings) is for the caller to add to the area. */
GArray             *ipms_timeline_chart_dup_item_ids_in (IpmsTimelineChart       *self,
                                                         const cairo_rectangle_t *area);
/* Changes whenever the items may have moved other than those of the
 * products an edit updated in place: with each new layout, each move of
 * the preview, each packing of a lane again. A view that placed widgets
 * over the items at one serial need only move those of the products edited
 * since while it stays the same. */
guint               ipms_timeline_chart_get_serial      (IpmsTimelineChart *self);
/* What changed in the painting since the last call (or since the chart
 * was made): TRUE and the areas, in chart units, that paint() paints
 * otherwise now (an array of cairo_rectangle_t, maybe empty) when only
 * they did; FALSE when anything may have. A view that keeps what it
 * painted paints again only those areas after an edit. The layout is
 * brought up to date first. */
gboolean            ipms_timeline_chart_take_damage     (IpmsTimelineChart *self,
                                                         GArray           **areas);
/* The top left of the part of the chart a view shows: the chart paints its
 * header and lane names or price axis there too, so that they stay in sight
 * when the view scrolls. 0, 0 (the default, and export) paints them once in
 * place. It changes only what the next paint() does and emits nothing. */
void                ipms_timeline_chart_set_sticky      (IpmsTimelineChart *self,
                                                         double             x,
                                                         double             y);
/* How wide the column and how tall the rows are that a scrolled view keeps
 * at its left and top edges (lane names or price axis, time header): the
 * items pass under them. */
void                ipms_timeline_chart_get_frozen      (IpmsTimelineChart *self,
                                                         double            *left,
                                                         double            *top);
/* With `apart`, paint() leaves the previewed item out and
 * ipms_timeline_chart_paint_preview() paints it alone: a canvas then keeps
 * the rest as a cached layer during a drag. Moving the preview then emits
 * "preview-changed" instead of "changed". */
void                ipms_timeline_chart_set_preview_apart (IpmsTimelineChart *self,
                                                           gboolean           apart);
/* Paints the item of the current preview (set with the chart's own
 * set_preview()) where the preview puts it. */
void                ipms_timeline_chart_paint_preview   (IpmsTimelineChart           *self,
                                                         cairo_t                     *cr,
                                                         const IpmsChartPaintOptions *options);

/* Measuring the products' names, which both charts label their items
 * with, takes a chart's first layout 40 ms at 10,000 products: a window
 * measures them ahead, a slice at a time while it is idle, into the sizes
 * every chart shares. */
typedef struct _IpmsNamesAhead IpmsNamesAhead;

IpmsNamesAhead     *ipms_names_ahead_new                (IpmsDocument   *document);
/* Measures up to `max_names` more; TRUE when all are measured. */
gboolean            ipms_names_ahead_step               (IpmsNamesAhead *self,
                                                         guint           max_names);
void                ipms_names_ahead_free               (IpmsNamesAhead *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpmsNamesAhead, ipms_names_ahead_free)

G_END_DECLS
