/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-chart.h"
#include "ipms-document.h"

G_BEGIN_DECLS

/*
 * The product panorama (产品全景图): the population grid, Y axis items as
 * rows and X axis items as columns, each cell a segment shaded by market
 * value and outlined when core or radiating, the products placed in it as
 * chips (grade colour, name, price, series accent), and the legends.
 *
 * The chart follows the document: after an edit, undo, redo or import
 * touching the grid it lays itself out again (lazily, on the next query or
 * paint) and emits "changed". The canvas widget paints its static layer
 * through ipms_chart_paint() and asks the geometry below for hit-testing,
 * so screen, export and interaction agree to the unit.
 */

#define IPMS_TYPE_PANORAMA_CHART (ipms_panorama_chart_get_type ())

G_DECLARE_FINAL_TYPE (IpmsPanoramaChart, ipms_panorama_chart, IPMS, PANORAMA_CHART, GObject)

typedef enum
{
  IPMS_PANORAMA_HIT_NONE,
  IPMS_PANORAMA_HIT_CORNER,
  IPMS_PANORAMA_HIT_COLUMN_HEADER,   /* an X axis item */
  IPMS_PANORAMA_HIT_ROW_HEADER,      /* a Y axis item */
  IPMS_PANORAMA_HIT_CELL,            /* empty space inside a cell */
  IPMS_PANORAMA_HIT_CHIP,
} IpmsPanoramaHitKind;

typedef struct
{
  IpmsPanoramaHitKind kind;
  int                 column;      /* -1 when not in a column */
  int                 row;         /* -1 when not in a row */
  gint64              product_id;  /* for CHIP */
  guint               index;       /* for CHIP: position in its cell */
} IpmsPanoramaHit;

IpmsPanoramaChart *ipms_panorama_chart_new              (IpmsDocument      *document);
IpmsDocument      *ipms_panorama_chart_get_document     (IpmsPanoramaChart *self);

guint              ipms_panorama_chart_get_n_columns    (IpmsPanoramaChart *self);
guint              ipms_panorama_chart_get_n_rows       (IpmsPanoramaChart *self);
/* The axis item of a column (axis "x") or row (axis "y"). */
IpmsRecord        *ipms_panorama_chart_get_column_item  (IpmsPanoramaChart *self,
                                                         guint              column);
IpmsRecord        *ipms_panorama_chart_get_row_item     (IpmsPanoramaChart *self,
                                                         guint              row);
/* The segment of a cell, or NULL when the file has no segment row for it. */
IpmsRecord        *ipms_panorama_chart_get_segment      (IpmsPanoramaChart *self,
                                                         guint              column,
                                                         guint              row);
/* The products of a cell in their order (IpmsRecord, borrowed). */
GPtrArray         *ipms_panorama_chart_get_products     (IpmsPanoramaChart *self,
                                                         guint              column,
                                                         guint              row);
guint              ipms_panorama_chart_get_n_placed     (IpmsPanoramaChart *self);
/* Whether the next question lays the whole grid out again (after an
 * import, its undo, a large change), rather than only the touched
 * products. */
gboolean           ipms_panorama_chart_needs_layout     (IpmsPanoramaChart *self);
/* Where a placed product is; FALSE when it is not on the grid. */
gboolean           ipms_panorama_chart_find_product     (IpmsPanoramaChart *self,
                                                         gint64             product_id,
                                                         guint             *column,
                                                         guint             *row,
                                                         guint             *index);
/* Where the cell of a segment is; FALSE when its axis items are gone. */
gboolean           ipms_panorama_chart_find_segment     (IpmsPanoramaChart *self,
                                                         gint64             segment_id,
                                                         guint             *column,
                                                         guint             *row);

/* Geometry, in chart units. */
void               ipms_panorama_chart_get_column_header_rect (IpmsPanoramaChart *self,
                                                               guint              column,
                                                               cairo_rectangle_t *rect);
void               ipms_panorama_chart_get_row_header_rect    (IpmsPanoramaChart *self,
                                                               guint              row,
                                                               cairo_rectangle_t *rect);
void               ipms_panorama_chart_get_cell_rect    (IpmsPanoramaChart *self,
                                                         guint              column,
                                                         guint              row,
                                                         cairo_rectangle_t *rect);
/* The rectangle of the index-th chip slot of a cell (also past the last chip:
 * that is where a dropped chip lands). */
void               ipms_panorama_chart_get_slot_rect    (IpmsPanoramaChart *self,
                                                         guint              column,
                                                         guint              row,
                                                         guint              index,
                                                         cairo_rectangle_t *rect);
gboolean           ipms_panorama_chart_get_chip_rect    (IpmsPanoramaChart *self,
                                                         gint64             product_id,
                                                         cairo_rectangle_t *rect);
void               ipms_panorama_chart_hit_test         (IpmsPanoramaChart *self,
                                                         double             x,
                                                         double             y,
                                                         IpmsPanoramaHit   *hit);
/* The position in the cell's current order where a chip dropped at (x, y)
 * goes, from 0 to the number of chips in the cell. */
guint              ipms_panorama_chart_get_drop_index   (IpmsPanoramaChart *self,
                                                         guint              column,
                                                         guint              row,
                                                         double             x,
                                                         double             y);
/* The column (or row) boundary nearest to x (or y), from 0 to n: where a
 * dragged header is dropped. */
guint              ipms_panorama_chart_get_column_drop_index (IpmsPanoramaChart *self,
                                                              double             x);
guint              ipms_panorama_chart_get_row_drop_index    (IpmsPanoramaChart *self,
                                                              double             y);

/* The parts of ipms_chart_paint(), for a canvas that caches each cell apart:
 * BACK (title, headers, legend), then every cell, then FRONT (grid lines and
 * segment outlines). A cell's stamp changes whenever what it paints would. */
typedef enum
{
  IPMS_PANORAMA_LAYER_BACK,
  IPMS_PANORAMA_LAYER_FRONT,
} IpmsPanoramaLayer;

void               ipms_panorama_chart_paint_layer      (IpmsPanoramaChart           *self,
                                                         cairo_t                     *cr,
                                                         IpmsPanoramaLayer            layer,
                                                         const IpmsChartPaintOptions *options);
void               ipms_panorama_chart_paint_cell       (IpmsPanoramaChart           *self,
                                                         cairo_t                     *cr,
                                                         guint                        column,
                                                         guint                        row,
                                                         const IpmsChartPaintOptions *options);
guint64            ipms_panorama_chart_get_cell_stamp   (IpmsPanoramaChart *self,
                                                         guint              column,
                                                         guint              row);

/* Paints one chip as the chart would, at (x, y): the canvas uses it for the
 * chips that follow the pointer during a drag. */
void               ipms_panorama_chart_paint_chip       (IpmsPanoramaChart           *self,
                                                         cairo_t                     *cr,
                                                         IpmsRecord                  *product,
                                                         double                       x,
                                                         double                       y,
                                                         const IpmsChartPaintOptions *options);
/* Drops the cached texts (shaped names and prices) of the chips outside
 * `keep`: a canvas that paints only the part of the chart around its view
 * calls it as that part moves, so that the cache does not grow to every
 * product of a large grid scrolled through. */
void               ipms_panorama_chart_forget_chip_texts (IpmsPanoramaChart       *self,
                                                          const cairo_rectangle_t *keep);
/* The label a cell is known by: "young families × convenience". */
char              *ipms_panorama_chart_dup_cell_label   (IpmsPanoramaChart *self,
                                                         guint              column,
                                                         guint              row);

#define IPMS_PANORAMA_CHIP_WIDTH  204.0
#define IPMS_PANORAMA_CHIP_HEIGHT 46.0

G_END_DECLS
