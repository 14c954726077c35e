/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipms-new-products-chart.h"
#include "ipms-record.h"
#include "ipms-roadmap-chart.h"
#include "ipms-time-axis.h"
#include "ipms-timeline-canvas.h"

G_BEGIN_DECLS

/* The canvas spans files, each one concern: ipms-timeline-canvas.c the
 * item widgets, the layout and the GObject, ipms-timeline-canvas-paint.c
 * painting the chart in tiles, ipms-timeline-canvas-edit.c the edits a
 * drag or a key makes, ipms-timeline-canvas-input.c the gestures, keys,
 * actions and drops that start them. */

/* A view holding more products than this (a whole large plan fitted to
 * the window) gets no item widgets but the focused one: thousands of
 * overlapping buttons would cost 200 ms and 12 MB at 10,000 products, and
 * a screen reader could not walk them anyway. The arrow keys reach each
 * product from the canvas, making its widget as it gets the focus. */
#define MAX_ITEM_WIDGETS 500

struct _IpmsTimelineCanvas
{
  GtkWidget         parent_instance;

  IpmsTimelineKind  kind;
  IpmsDocument     *document;
  IpmsSelection    *selection;
  IpmsChart        *chart;
  double            zoom;
  double            lane_column;    /* asked of the new product chart; 0: its own */
  /* The last fit's room and the zoom it found (0: none), good until the
   * chart changes: a page fitted ahead of its first show then shows with
   * no new layout. */
  double            fit_width;
  double            fit_height;
  double            fit_found;

  /* The chart as painted for the view at static_rect, in images of
   * TILE_SIZE squares from the chart's origin, row by row from the tile at
   * first_column, first_row (without a node where to paint again), and
   * whether the chart changed since. */
  GArray           *tiles;          /* Tile */
  int               first_column;
  int               first_row;
  int               n_columns;
  int               n_rows;
  int               static_scale;
  gboolean          static_dark;
  graphene_rect_t   static_rect;    /* the part of the chart it holds */
  gboolean          chart_changed;
  GtkWidget        *viewport;       /* the scrolling parent, watched */
  GHashTable       *items;          /* product id -> IpmsCanvasItem */
  gboolean          items_dirty;
  /* What the item widgets must catch up with at the next sync_items():
   * the products updated since (gint64 ids), or all of them. */
  GHashTable       *touched;
  gboolean          touched_all;
  /* The chart's serial (see ipms_timeline_chart_get_serial()) the item
   * widgets were placed at and checked against the view at, that view,
   * and the products whose widgets to place or check again meanwhile: new
   * widgets and those of edited products (gint64 ids). */
  guint             placed_serial;
  guint             checked_serial;
  graphene_rect_t   checked_window;
  GHashTable       *unplaced;
  GHashTable       *unchecked;
  guint             visible_tick_id;

  /* A product to bring into view once the edit that moved it is laid out. */
  gint64            follow_id;
  GtkWidget        *menu;           /* the product's actions, an IpmsCanvasMenu */

  /* Where a product dragged from the tray would land; day 0 when none. */
  guint32           drop_day;
  double            drop_price;

  struct {
    gboolean         active;
    gint64           id;            /* product, or price band for band parts */
    IpmsTimelinePart part;
    double           x;             /* press point */
    double           y;
    graphene_point_t press_in_window; /* see ipms_canvas_point_in_window() */
    guint32          start;         /* the values when the drag began */
    guint32          complete;
    guint32          launch;
    guint            lane;
    double           price;
    guint32          new_start;     /* the values shown now */
    guint32          new_complete;
    guint32          new_launch;
    guint            new_lane;
    double           new_price;
  } drag;
};

/* A square of the painted chart, and what of it to paint again (chart
 * units, whole device pixels) or NULL. */
typedef struct
{
  cairo_surface_t *surface;
  GskRenderNode   *node;
  cairo_region_t  *stale;
} Tile;

static inline IpmsNewProductsChart *
np_chart (IpmsTimelineCanvas *self)
{
  return self->kind == IPMS_TIMELINE_KIND_NEW_PRODUCTS ? IPMS_NEW_PRODUCTS_CHART (self->chart) : NULL;
}

static inline IpmsRoadmapChart *
rm_chart (IpmsTimelineCanvas *self)
{
  return self->kind == IPMS_TIMELINE_KIND_ROADMAP ? IPMS_ROADMAP_CHART (self->chart) : NULL;
}

static inline gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static inline const IpmsTimeAxis *
chart_axis (IpmsTimelineCanvas *self)
{
  return ipms_timeline_chart_get_axis (IPMS_TIMELINE_CHART (self->chart));
}

static inline double
time_origin (IpmsTimelineCanvas *self)
{
  return ipms_timeline_chart_get_time_origin (IPMS_TIMELINE_CHART (self->chart));
}

static inline guint32
record_day (IpmsRecord *record,
            const char *column)
{
  return ipms_time_day_from_iso (ipms_record_get_string (record, column));
}

void     _ipms_timeline_canvas_clear_tile             (gpointer            data);
void     _ipms_timeline_canvas_drop_static_layer      (IpmsTimelineCanvas *self);
void     _ipms_timeline_canvas_snapshot               (GtkWidget          *widget,
                                                       GtkSnapshot        *snapshot);

gboolean _ipms_timeline_canvas_item_rect              (IpmsTimelineCanvas *self,
                                                       gint64              id,
                                                       graphene_rect_t    *rect);

char    *_ipms_timeline_canvas_describe_product       (IpmsRecord         *product,
                                                       IpmsRecord         *project);
guint32  _ipms_timeline_canvas_landing_at             (IpmsTimelineCanvas *self,
                                                       double              x,
                                                       double              y,
                                                       double             *price);
gboolean _ipms_timeline_canvas_under_kept_labels      (IpmsTimelineCanvas *self,
                                                       double              x,
                                                       double              y);
void     _ipms_timeline_canvas_scroll_to_item         (IpmsTimelineCanvas *self,
                                                       gint64              id);

void     _ipms_timeline_canvas_class_input_init       (GtkWidgetClass     *widget_class);
void     _ipms_timeline_canvas_input_init             (IpmsTimelineCanvas *self);

G_END_DECLS
