/* ipms-timeline-canvas-paint.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ipms-canvas-item.h"
#include "ipms-chart-style.h"
#include "ipms-roadmap-chart.h"
#include "ipms-timeline-canvas-private.h"

/* The painted chart is kept in squares of this size (chart units, from
 * the chart's origin): after an edit only those the chart says changed
 * are painted again. */
#define TILE_SIZE 256
/* Up to this many stale parts of a tile are painted again each alone,
 * more in one pass over the part that holds them: a pass costs the
 * chart's culling of every item however small its part, and an edit of
 * the new product chart can leave a dozen parts in a tile. */
#define MAX_TILE_PASSES 2

/* The node first, whose copy of the image would be made otherwise. */
void
_ipms_timeline_canvas_clear_tile (gpointer data)
{
  Tile *tile = data;

  g_clear_pointer (&tile->node, gsk_render_node_unref);
  g_clear_pointer (&tile->surface, cairo_surface_destroy);
  g_clear_pointer (&tile->stale, cairo_region_destroy);
}

static void
clear_static_layer (IpmsTimelineCanvas *self)
{
  g_array_set_size (self->tiles, 0);
}

void
_ipms_timeline_canvas_drop_static_layer (IpmsTimelineCanvas *self)
{
  clear_static_layer (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The drop target: a line at the day (and price) the product will take. */
static void
snapshot_drop_mark (IpmsTimelineCanvas    *self,
                    GtkSnapshot           *snapshot,
                    const graphene_rect_t *visible,
                    gboolean               dark)
{
  const IpmsChartPalette *palette = ipms_chart_style_get_palette (dark);
  GdkRGBA accent = { palette->accent.red, palette->accent.green, palette->accent.blue, 1 };
  double p = ipms_timeline_canvas_day_position (self, self->drop_day) + chart_axis (self)->px_per_day / 2;
  gboolean flipped = rm_chart (self) != NULL && ipms_roadmap_chart_get_flipped (rm_chart (self));

  if (flipped)
    gtk_snapshot_append_color (snapshot, &accent, &GRAPHENE_RECT_INIT (visible->origin.x, p - 1, visible->size.width, 2));
  else
    gtk_snapshot_append_color (snapshot, &accent, &GRAPHENE_RECT_INIT (p - 1, visible->origin.y, 2, visible->size.height));

  if (rm_chart (self) != NULL)
    {
      double x, y;

      ipms_roadmap_chart_values_to_point (rm_chart (self), self->drop_day, self->drop_price, &x, &y);
      if (flipped)
        gtk_snapshot_append_color (snapshot, &accent, &GRAPHENE_RECT_INIT (x - 1, visible->origin.y, 2, visible->size.height));
      else
        gtk_snapshot_append_color (snapshot, &accent, &GRAPHENE_RECT_INIT (visible->origin.x, y - 1, visible->size.width, 2));
    }
}

/* Paints the chart as seen in the view `visible` over the part `area` of
 * it (whole chart units) into a new image. */
static cairo_surface_t *
paint_area (IpmsTimelineCanvas          *self,
            const graphene_rect_t       *visible,
            const cairo_rectangle_int_t *area,
            const IpmsChartPaintOptions *options)
{
  int scale = self->static_scale;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, area->width * scale, area->height * scale);
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  cairo_translate (cr, -area->x, -area->y);
  ipms_timeline_chart_set_sticky (IPMS_TIMELINE_CHART (self->chart), visible->origin.x, visible->origin.y);
  ipms_chart_paint (self->chart, cr, options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* On a tile's image: the image of the whole view it shows a square of. */
static const cairo_user_data_key_t view_image_key;

/* The tile at `column`, `row` (from the view's first) of `surface`, an
 * image of the view's tiles from the one at `first_column`, `first_row`:
 * an image of its own and a node that shows it, which GTK's renderers copy
 * rather than paint. That image is the tile's square of `surface`'s
 * pixels, not a copy of them: copies of a view's 24 tiles took 6 MB more
 * of fresh memory, slow to fault in, at every full paint. The image lives
 * as long as the node: cairo would copy it for the node when it went
 * first. */
static Tile
make_tile (IpmsTimelineCanvas *self,
           cairo_surface_t    *surface,
           int                 first_column,
           int                 first_row,
           int                 column,
           int                 row)
{
  int side = TILE_SIZE * self->static_scale;
  double x = (self->first_column + column) * TILE_SIZE, y = (self->first_row + row) * TILE_SIZE;
  int stride = cairo_image_surface_get_stride (surface);
  guchar *pixels = cairo_image_surface_get_data (surface) +
                   (gsize) (row - first_row) * side * stride + (gsize) (column - first_column) * side * 4;
  Tile tile;
  GtkSnapshot *layer;
  cairo_t *cr;

  tile.surface = cairo_image_surface_create_for_data (pixels, CAIRO_FORMAT_ARGB32, side, side, stride);
  cairo_surface_set_user_data (tile.surface, &view_image_key, cairo_surface_reference (surface),
                               (cairo_destroy_func_t) cairo_surface_destroy);
  cairo_surface_set_device_scale (tile.surface, self->static_scale, self->static_scale);

  layer = gtk_snapshot_new ();
  cr = gtk_snapshot_append_cairo (layer, &GRAPHENE_RECT_INIT (x, y, TILE_SIZE, TILE_SIZE));
  cairo_set_source_surface (cr, tile.surface, x, y);
  cairo_paint (cr);
  cairo_destroy (cr);
  tile.node = gtk_snapshot_free_to_node (layer);
  tile.stale = NULL;

  return tile;
}

/* Paints the stale parts of a tile again over a copy of its image: each
 * alone, the chart then painting only what meets them, or past
 * MAX_TILE_PASSES of them the part that holds them all, in one pass. Each
 * pass is clipped to one rectangle: cairo antialiases a stroke clipped to
 * a region of several otherwise than one painted whole, a shade apart. */
static void
repaint_tile (IpmsTimelineCanvas          *self,
              const graphene_rect_t       *visible,
              const IpmsChartPaintOptions *options,
              int                          column,
              int                          row)
{
  Tile *tile = &g_array_index (self->tiles, Tile, row * self->n_columns + column);
  int side = TILE_SIZE * self->static_scale;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, side, side);
  int stride = cairo_image_surface_get_stride (surface);
  int tile_stride = cairo_image_surface_get_stride (tile->surface);
  guchar *pixels = cairo_image_surface_get_data (surface);
  const guchar *tile_pixels = cairo_image_surface_get_data (tile->surface);
  int n_parts;
  cairo_t *cr;

  /* Line by line: the tile's lines are those of the view's image. */
  for (int line = 0; line < side; line++)
    memcpy (pixels + (gsize) line * stride, tile_pixels + (gsize) line * tile_stride, (gsize) side * 4);
  cairo_surface_mark_dirty (surface);
  cairo_surface_set_device_scale (surface, self->static_scale, self->static_scale);

  cr = cairo_create (surface);
  cairo_translate (cr, -(self->first_column + column) * TILE_SIZE, -(self->first_row + row) * TILE_SIZE);
  ipms_timeline_chart_set_sticky (IPMS_TIMELINE_CHART (self->chart), visible->origin.x, visible->origin.y);
  n_parts = cairo_region_num_rectangles (tile->stale);
  for (int r = 0; r < (n_parts > MAX_TILE_PASSES ? 1 : n_parts); r++)
    {
      cairo_rectangle_int_t part;

      if (n_parts > MAX_TILE_PASSES)
        cairo_region_get_extents (tile->stale, &part);
      else
        cairo_region_get_rectangle (tile->stale, r, &part);
      cairo_save (cr);
      cairo_rectangle (cr, part.x, part.y, part.width, part.height);
      cairo_clip (cr);
      ipms_chart_paint (self->chart, cr, options);
      cairo_restore (cr);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  _ipms_timeline_canvas_clear_tile (tile);
  *tile = make_tile (self, surface, column, row, column, row);
  cairo_surface_destroy (surface);
}

/* Paints the tiles that need it: all of them at once (one pass over the
 * chart) when there are none, else the stale parts of each. */
static void
paint_tiles (IpmsTimelineCanvas          *self,
             const graphene_rect_t       *visible,
             const IpmsChartPaintOptions *options)
{
  if (visible->size.width < 1 || visible->size.height < 1)
    {
      clear_static_layer (self);
      self->n_columns = self->n_rows = 0;
      return;
    }
  if (self->tiles->len == 0)
    {
      cairo_rectangle_int_t area;
      cairo_surface_t *surface;

      self->first_column = (int) floor (visible->origin.x / TILE_SIZE);
      self->first_row = (int) floor (visible->origin.y / TILE_SIZE);
      self->n_columns = (int) floor ((visible->origin.x + visible->size.width - 1) / TILE_SIZE) - self->first_column + 1;
      self->n_rows = (int) floor ((visible->origin.y + visible->size.height - 1) / TILE_SIZE) - self->first_row + 1;
      area = (cairo_rectangle_int_t) { self->first_column * TILE_SIZE, self->first_row * TILE_SIZE,
                                       self->n_columns * TILE_SIZE, self->n_rows * TILE_SIZE };
      surface = paint_area (self, visible, &area, options);
      for (int row = 0; row < self->n_rows; row++)
        for (int column = 0; column < self->n_columns; column++)
          {
            Tile tile = make_tile (self, surface, 0, 0, column, row);

            g_array_append_val (self->tiles, tile);
          }
      cairo_surface_destroy (surface);
      return;
    }

  for (int row = 0; row < self->n_rows; row++)
    for (int column = 0; column < self->n_columns; column++)
      if (g_array_index (self->tiles, Tile, row * self->n_columns + column).stale != NULL)
        repaint_tile (self, visible, options, column, row);
}

/* After the chart changed: where it says that only some areas were
 * painted otherwise, those areas of the tiles are painted again, and
 * nothing else; otherwise everything is. */
static void
update_static_layer (IpmsTimelineCanvas *self)
{
  g_autoptr(GArray) areas = NULL;
  guint n_stale = 0;

  self->chart_changed = FALSE;
  if (!ipms_timeline_chart_take_damage (IPMS_TIMELINE_CHART (self->chart), &areas))
    {
      clear_static_layer (self);
      return;
    }

  for (guint a = 0; a < areas->len && self->tiles->len > 0; a++)
    {
      const cairo_rectangle_t *area = &g_array_index (areas, cairo_rectangle_t, a);
      int column1 = MAX ((int) floor (area->x / TILE_SIZE) - self->first_column, 0);
      int column2 = MIN ((int) floor ((area->x + area->width) / TILE_SIZE) - self->first_column, self->n_columns - 1);
      int row1 = MAX ((int) floor (area->y / TILE_SIZE) - self->first_row, 0);
      int row2 = MIN ((int) floor ((area->y + area->height) / TILE_SIZE) - self->first_row, self->n_rows - 1);

      /* Whole pixels, for the parts painted again to join the rest
       * seamlessly. */
      cairo_rectangle_int_t part = { (int) floor (area->x), (int) floor (area->y), 0, 0 };

      part.width = (int) ceil (area->x + area->width) - part.x;
      part.height = (int) ceil (area->y + area->height) - part.y;
      for (int row = row1; row <= row2; row++)
        for (int column = column1; column <= column2; column++)
          {
            Tile *tile = &g_array_index (self->tiles, Tile, row * self->n_columns + column);
            cairo_rectangle_int_t square = { (self->first_column + column) * TILE_SIZE,
                                             (self->first_row + row) * TILE_SIZE, TILE_SIZE, TILE_SIZE };

            if (tile->stale == NULL)
              {
                tile->stale = cairo_region_create ();
                n_stale++;
              }
            cairo_region_union_rectangle (tile->stale, &part);
            cairo_region_intersect_rectangle (tile->stale, &square);
          }
    }

  /* Past half of them, one pass paints them all for less. */
  if (n_stale > self->tiles->len / 2)
    clear_static_layer (self);
}

void
_ipms_timeline_canvas_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  IpmsTimelineCanvas *self = IPMS_TIMELINE_CANVAS (widget);
  IpmsChartPaintOptions options = { 0 };
  GtkWidget *parent = gtk_widget_get_parent (widget);
  graphene_rect_t visible;
  double width, height;
  g_autoptr(GArray) selected = NULL;
  GtkWidget *focus;

  if (self->chart == NULL)
    return;

  ipms_chart_get_size (self->chart, &width, &height);
  options.dark = is_dark ();
  options.scale = gtk_widget_get_scale_factor (widget);

  /* Only the part in the view is painted: the chart culls what lies
   * outside, and keeps its axes and lane names at the view's edges. */
  if (parent == NULL || !gtk_widget_compute_bounds (parent, widget, &visible) ||
      !graphene_rect_intersection (&visible, &GRAPHENE_RECT_INIT (0, 0, width, height), &visible))
    graphene_rect_init (&visible, 0, 0, width, height);

  if (self->tiles->len > 0 &&
      (self->static_dark != options.dark || self->static_scale != (int) options.scale ||
       !graphene_rect_equal (&self->static_rect, &visible)))
    clear_static_layer (self);
  if (self->chart_changed)
    update_static_layer (self);

  /* The view is painted once into images that every frame shows as they
   * are: only a zoom, a scroll, a reset or a drag's start and end paint the
   * chart again, and an edit only the tiles it changed. */
  self->static_dark = options.dark;
  self->static_scale = (int) options.scale;
  self->static_rect = visible;
  paint_tiles (self, &visible, &options);

  /* The tiles as nodes of the canvas' own, with no clip around them (the
   * view clips): alone in a frame a clip would be this widget's whole
   * node, and beside a selection mark in the next one a child of it. GTK
   * tells what changed by matching nodes, so a click that selects a bar
   * would paint the whole view again. */
  for (int row = 0; row < self->n_rows; row++)
    for (int column = 0; column < self->n_columns; column++)
      gtk_snapshot_append_node (snapshot, g_array_index (self->tiles, Tile, row * self->n_columns + column).node);

  if (self->drag.active)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &visible);

      ipms_timeline_chart_paint_preview (IPMS_TIMELINE_CHART (self->chart), cr, &options);
      cairo_destroy (cr);
    }

  if (self->drop_day != 0)
    snapshot_drop_mark (self, snapshot, &visible, options.dark);

  /* Selection and focus marks stay off the lane names or price axis and
   * the time header kept at the view's edges. */
  {
    double left, top;

    ipms_timeline_chart_get_frozen (IPMS_TIMELINE_CHART (self->chart), &left, &top);
    gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (visible.origin.x + left, visible.origin.y + top,
                                                            MAX (0, visible.size.width - left),
                                                            MAX (0, visible.size.height - top)));
  }

  /* Items draw only selection and focus: the selected ones and the focused
   * one are found without a look at the others, so that a chart of 10,000
   * products costs no more per frame than one of 20. */
  if (self->selection != NULL)
    selected = ipms_selection_dup_ids (self->selection);
  for (guint i = 0; selected != NULL && i < selected->len; i++)
    {
      gint64 id = g_array_index (selected, gint64, i);
      GtkWidget *item = g_hash_table_lookup (self->items, &id);

      if (item != NULL && ipms_canvas_item_get_selected (IPMS_CANVAS_ITEM (item)) &&
          !(self->drag.active && id == self->drag.id))
        gtk_widget_snapshot_child (widget, item, snapshot);
    }
  focus = gtk_widget_get_root (widget) != NULL ? gtk_root_get_focus (gtk_widget_get_root (widget)) : NULL;
  if (focus != NULL && gtk_widget_get_parent (focus) == widget && IPMS_IS_CANVAS_ITEM (focus) &&
      gtk_widget_has_focus (focus) && !ipms_canvas_item_get_selected (IPMS_CANVAS_ITEM (focus)) &&
      !(self->drag.active && ipms_canvas_item_get_id (IPMS_CANVAS_ITEM (focus)) == self->drag.id))
    gtk_widget_snapshot_child (widget, focus, snapshot);
  gtk_snapshot_pop (snapshot);
}
