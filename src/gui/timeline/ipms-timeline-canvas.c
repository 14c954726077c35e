/* ipms-timeline-canvas.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ipms-canvas-item.h"
#include "ipms-canvas-menu.h"
#include "ipms-canvas-view.h"
#include "ipms-chart-style.h"
#include "ipms-format.h"
#include "ipms-merge-key.h"
#include "ipms-new-products-chart.h"
#include "ipms-product-editor.h"
#include "ipms-record.h"
#include "ipms-roadmap-chart.h"
#include "ipms-canvas-viewport.h"
#include "ipms-time-axis.h"
#include "ipms-timeline-canvas.h"
#include "ipms-timeline-edits.h"
#include "ipms-window.h"

/* The painted chart is kept in squares of this size (chart units, from
 * the chart's origin): after an edit only those the chart says changed
 * are painted again. */
#define TILE_SIZE 256
/* Up to this many stale parts of a tile are painted again each alone,
 * more in one pass over the part that holds them: a pass costs the
 * chart's culling of every item however small its part, and an edit of
 * the new product chart can leave a dozen parts in a tile. */
#define MAX_TILE_PASSES 2

/* A press that moves less than this is a click, not a drag. */
#define DRAG_THRESHOLD 3.0
/* Around the view, products keep (or get) their item widgets this far out. */
#define ITEM_MARGIN 256.0
/* How far an item's rectangle (see item_rect()) reaches past the bar,
 * launch mark or marker it surrounds, and a little more. */
#define MARK_MARGIN 16.0
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

G_DEFINE_FINAL_TYPE (IpmsTimelineCanvas, ipms_timeline_canvas, GTK_TYPE_WIDGET)

/* On an item widget: the place (GdkRectangle) it was last allocated for. */
static GQuark allocated_quark;

enum {
  PROP_0,
  PROP_KIND,
  PROP_DOCUMENT,
  PROP_SELECTION,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static IpmsNewProductsChart *
np_chart (IpmsTimelineCanvas *self)
{
  return self->kind == IPMS_TIMELINE_KIND_NEW_PRODUCTS ? IPMS_NEW_PRODUCTS_CHART (self->chart) : NULL;
}

static IpmsRoadmapChart *
rm_chart (IpmsTimelineCanvas *self)
{
  return self->kind == IPMS_TIMELINE_KIND_ROADMAP ? IPMS_ROADMAP_CHART (self->chart) : NULL;
}

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static const IpmsTimeAxis *
chart_axis (IpmsTimelineCanvas *self)
{
  return ipms_timeline_chart_get_axis (IPMS_TIMELINE_CHART (self->chart));
}

static double
time_origin (IpmsTimelineCanvas *self)
{
  return ipms_timeline_chart_get_time_origin (IPMS_TIMELINE_CHART (self->chart));
}

static guint32
record_day (IpmsRecord *record,
            const char *column)
{
  return ipms_time_day_from_iso (ipms_record_get_string (record, column));
}

/* The node first, whose copy of the image would be made otherwise. */
static void
clear_tile (gpointer data)
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

static void
drop_static_layer (IpmsTimelineCanvas *self)
{
  clear_static_layer (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Items */

/* The label only changes with the product's row (or the project's, for
 * the currency): describing 2,000 products after every edit would cost
 * more than the edit. */
static char *describe_product (IpmsRecord *product,
                               IpmsRecord *project);

static void
update_item_label (IpmsTimelineCanvas *self,
                   IpmsCanvasItem     *item,
                   IpmsRecord         *project)
{
  IpmsRecord *product = ipms_document_get_record (self->document, "product", ipms_canvas_item_get_id (item));
  guint project_revision = project != NULL ? ipms_record_get_revision (project) : 0;
  guint64 stamp = product != NULL ? ((guint64) project_revision << 32 | ipms_record_get_revision (product)) + 1 : 0;
  guint64 *seen = g_object_get_data (G_OBJECT (item), "ipms-described");
  g_autofree char *label = NULL;

  if (seen != NULL && *seen == stamp)
    return;

  label = product != NULL ? describe_product (product, project) : NULL;
  if (g_strcmp0 (ipms_canvas_item_get_label (item), label) != 0)
    ipms_canvas_item_set_label (item, label);
  g_object_set_data_full (G_OBJECT (item), "ipms-described", g_memdup2 (&stamp, sizeof stamp), g_free);
}

static gboolean
item_rect (IpmsTimelineCanvas *self,
           gint64              id,
           graphene_rect_t    *rect)
{
  if (np_chart (self) != NULL)
    {
      IpmsNewProductsItem item;
      double x0, x1;

      if (!ipms_new_products_chart_get_item (np_chart (self), id, &item))
        return FALSE;

      x0 = item.bar_width > 0 ? item.bar_x : item.launch_x - 9;
      x1 = item.bar_width > 0 ? item.bar_x + item.bar_width : item.launch_x + 9;
      if (item.launch_x >= 0)
        {
          x0 = MIN (x0, item.launch_x - 9);
          x1 = MAX (x1, item.launch_x + 9);
        }
      graphene_rect_init (rect, x0 - 2, item.y + 3, x1 - x0 + 4, item.height - 6);
      return TRUE;
    }
  else
    {
      double x, y, r;

      if (!ipms_roadmap_chart_get_marker (rm_chart (self), id, &x, &y, &r))
        return FALSE;

      r += 4;
      graphene_rect_init (rect, x - r, y - r, 2 * r, 2 * r);
      return TRUE;
    }
}

static void
note_moved (IpmsTimelineCanvas *self,
            gint64              id)
{
  if (!g_hash_table_contains (self->unplaced, &id))
    g_hash_table_add (self->unplaced, g_memdup2 (&id, sizeof id));
  if (!g_hash_table_contains (self->unchecked, &id))
    g_hash_table_add (self->unchecked, g_memdup2 (&id, sizeof id));
}

static IpmsCanvasItem *
ensure_item (IpmsTimelineCanvas *self,
             gint64              id,
             IpmsRecord         *project)
{
  IpmsCanvasItem *item = g_hash_table_lookup (self->items, &id);
  gint64 *stored;

  if (item != NULL)
    return item;

  stored = g_new (gint64, 1);
  *stored = id;
  item = IPMS_CANVAS_ITEM (ipms_canvas_item_new (self->kind, id));
  ipms_canvas_item_set_radius (item, self->kind == IPMS_TIMELINE_KIND_ROADMAP ? 14 : 6);
  ipms_canvas_item_set_dark (item, is_dark ());
  ipms_canvas_item_set_selected (item, self->selection != NULL && ipms_selection_contains (self->selection, id));
  update_item_label (self, item, project);
  gtk_widget_set_parent (GTK_WIDGET (item), GTK_WIDGET (self));
  g_hash_table_insert (self->items, stored, item);
  note_moved (self, id);

  return item;
}

/* After an edit, the item widgets that exist catch up (or go with their
 * product); no widget is made here. Only the products the edit updated
 * can have left the chart or changed their labels: with the whole plan in
 * view there are thousands of widgets, and an edit of one product looks
 * at its own. */
static void
sync_items (IpmsTimelineCanvas *self)
{
  GHashTableIter iter;
  gpointer key, value;
  IpmsRecord *project;
  graphene_rect_t rect;

  if (!self->items_dirty || self->chart == NULL)
    return;
  self->items_dirty = FALSE;

  project = ipms_document_get_project (self->document);
  if (!self->touched_all)
    {
      g_hash_table_iter_init (&iter, self->touched);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          value = g_hash_table_lookup (self->items, key);
          if (value == NULL)
            continue;
          if (!item_rect (self, *(gint64 *) key, &rect))
            {
              gtk_widget_unparent (value);
              g_hash_table_remove (self->items, key);
            }
          else
            {
              update_item_label (self, value, project);
              note_moved (self, *(gint64 *) key);
            }
        }
      g_hash_table_remove_all (self->touched);
      return;
    }

  self->touched_all = FALSE;
  g_hash_table_remove_all (self->touched);
  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!item_rect (self, *(gint64 *) key, &rect))
      {
        gtk_widget_unparent (value);
        g_hash_table_iter_remove (&iter);
      }
    else
      {
        ipms_canvas_item_set_selected (value, self->selection != NULL &&
                                              ipms_selection_contains (self->selection, *(gint64 *) key));
        update_item_label (self, value, project);
      }
}

/* A product row names the one item to catch up; the project's row (the
 * currency in the labels) or a reload may change them all. */
static void
on_row_changed (IpmsTimelineCanvas *self,
                const char         *table,
                gint64              id,
                IpmsRowChange       change)
{
  if (strcmp (table, "product") != 0)
    self->touched_all = TRUE;
  else if (!self->touched_all && !g_hash_table_contains (self->touched, &id))
    g_hash_table_add (self->touched, g_memdup2 (&id, sizeof id));
}

static void
on_reloaded (IpmsTimelineCanvas *self)
{
  self->touched_all = TRUE;
}

/* Item widgets (the chart's keyboard focus and accessible names) exist
 * only for the products in or near the view (unless they are too many:
 * see MAX_ITEM_WIDGETS), the focused one and the one dragged: a widget per
 * product costs most of the memory and layout time of a large chart. The
 * keyboard reaches the others by the chart's geometry, and
 * ipms_timeline_canvas_get_item() makes theirs on demand. */
static gboolean
sync_visible_items (IpmsTimelineCanvas *self)
{
  gboolean changed = FALSE;
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  g_autoptr(GArray) ids = NULL;
  graphene_rect_t window, rect;
  double width, height;
  GHashTableIter iter;
  gpointer key, value;
  IpmsRecord *project = NULL;
  g_autoptr(GArray) gone = NULL;
  gboolean crowded;
  guint serial;

  if (self->chart == NULL)
    return FALSE;

  if (parent != NULL && IPMS_IS_CANVAS_VIEWPORT (parent))
    {
      ipms_canvas_viewport_get_visible_area (IPMS_CANVAS_VIEWPORT (parent), &window);
      graphene_rect_inset (&window, -ITEM_MARGIN, -ITEM_MARGIN);
    }
  else
    {
      ipms_chart_get_size (self->chart, &width, &height);
      graphene_rect_init (&window, 0, 0, width, height);
    }

  /* The chart finds the few products there without a look at each of the
   * thousands: an item's rectangle reaches MARK_MARGIN past its marks. */
  ids = ipms_timeline_chart_dup_item_ids_in (IPMS_TIMELINE_CHART (self->chart),
                                             &(cairo_rectangle_t) { window.origin.x - MARK_MARGIN,
                                                                    window.origin.y - MARK_MARGIN,
                                                                    window.size.width + 2 * MARK_MARGIN,
                                                                    window.size.height + 2 * MARK_MARGIN });
  crowded = ids->len > MAX_ITEM_WIDGETS;

  /* With the view and the chart's serial as at the last check, only the
   * widgets of edited products can have left the view. */
  serial = ipms_timeline_chart_get_serial (IPMS_TIMELINE_CHART (self->chart));
  gone = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (crowded || serial != self->checked_serial || !graphene_rect_equal (&window, &self->checked_window))
    g_hash_table_iter_init (&iter, self->items);
  else
    g_hash_table_iter_init (&iter, self->unchecked);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 id = *(gint64 *) key;

      value = g_hash_table_lookup (self->items, &id);
      if (value == NULL || value == (gpointer) focus || (self->drag.active && id == self->drag.id))
        continue;
      if (crowded || !item_rect (self, id, &rect) || !graphene_rect_intersection (&rect, &window, NULL))
        g_array_append_val (gone, id);
    }
  for (guint i = 0; i < gone->len; i++)
    {
      gtk_widget_unparent (g_hash_table_lookup (self->items, &g_array_index (gone, gint64, i)));
      g_hash_table_remove (self->items, &g_array_index (gone, gint64, i));
      changed = TRUE;
    }
  g_hash_table_remove_all (self->unchecked);
  self->checked_serial = serial;
  self->checked_window = window;

  for (guint i = 0; !crowded && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (!g_hash_table_contains (self->items, &id) &&
          item_rect (self, id, &rect) && graphene_rect_intersection (&rect, &window, NULL))
        {
          if (project == NULL)
            project = ipms_document_get_project (self->document);
          ensure_item (self, id, project);
          changed = TRUE;
        }
    }

  return changed;
}

/* Widgets are made and dropped before a frame's layout, never while it
 * runs: a child added during size_allocate leaves its ancestors needing
 * an allocation when the frame is painted. */
static gboolean
visible_items_tick (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       data)
{
  IpmsTimelineCanvas *self = IPMS_TIMELINE_CANVAS (widget);

  self->visible_tick_id = 0;
  /* Hidden, the chart lays nothing out for its widgets: it catches up
   * when shown again (see map). */
  if (!gtk_widget_get_mapped (widget))
    return G_SOURCE_REMOVE;
  if (sync_visible_items (self))
    gtk_widget_queue_allocate (widget);

  return G_SOURCE_REMOVE;
}

static void
queue_visible_items (IpmsTimelineCanvas *self)
{
  if (self->visible_tick_id == 0)
    self->visible_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), visible_items_tick, NULL, NULL);
}

static void
on_selection_changed (IpmsTimelineCanvas *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, &key, &value))
    ipms_canvas_item_set_selected (value, ipms_selection_contains (self->selection, *(gint64 *) key));
}

/* The painted view stays: the next paint asks the chart what changed. */
static void
on_chart_changed (IpmsTimelineCanvas *self)
{
  self->fit_found = 0;
  self->items_dirty = TRUE;
  self->chart_changed = TRUE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_preview_changed (IpmsTimelineCanvas *self)
{
  /* Only the dragged item moved, and its widget is not drawn meanwhile: a
   * redraw will do, with no new layout. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Scrolling moves this widget without redrawing it, but what it paints
 * depends on the part in view (culling, the labels kept at the edges), and
 * so do the item widgets it has. */
static void
on_visible_area_changed (IpmsTimelineCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  queue_visible_items (self);
}

static void
watch_viewport (IpmsTimelineCanvas *self,
                GtkWidget          *viewport)
{
  if (self->viewport != NULL)
    g_signal_handlers_disconnect_by_func (self->viewport, on_visible_area_changed, self);
  g_set_weak_pointer (&self->viewport, viewport);
  if (viewport != NULL)
    g_signal_connect_swapped (viewport, "visible-area-changed", G_CALLBACK (on_visible_area_changed), self);
}

static void
on_parent_changed (IpmsTimelineCanvas *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  watch_viewport (self, parent != NULL && IPMS_IS_CANVAS_VIEWPORT (parent) ? parent : NULL);
}

static void
on_dark_changed (IpmsTimelineCanvas *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    ipms_canvas_item_set_dark (value, is_dark ());
  drop_static_layer (self);
}

static void
rebuild_chart (IpmsTimelineCanvas *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    gtk_widget_unparent (value);
  g_hash_table_remove_all (self->items);
  g_hash_table_remove_all (self->unplaced);
  g_hash_table_remove_all (self->unchecked);
  /* A new chart counts from its own start. */
  self->placed_serial = G_MAXUINT;
  self->checked_serial = G_MAXUINT;

  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  g_clear_object (&self->chart);

  if (self->document == NULL)
    {
      on_chart_changed (self);
      return;
    }

  if (self->kind == IPMS_TIMELINE_KIND_NEW_PRODUCTS)
    {
      self->chart = IPMS_CHART (ipms_new_products_chart_new (self->document));
      if (self->lane_column > 0)
        ipms_new_products_chart_set_lane_column_width (np_chart (self), self->lane_column);
    }
  else
    self->chart = IPMS_CHART (ipms_roadmap_chart_new (self->document));
  ipms_timeline_chart_set_show_title (IPMS_TIMELINE_CHART (self->chart), FALSE);
  ipms_timeline_chart_set_preview_apart (IPMS_TIMELINE_CHART (self->chart), TRUE);

  g_object_set (self->chart, "px-per-day", IPMS_TIMELINE_BASE_PX_PER_DAY * self->zoom, NULL);
  g_signal_connect_swapped (self->chart, "changed", G_CALLBACK (on_chart_changed), self);
  g_signal_connect_swapped (self->chart, "preview-changed", G_CALLBACK (on_preview_changed), self);
  on_chart_changed (self);
}

static guint32
snap_at (IpmsTimelineCanvas *self,
         double              day)
{
  return ipms_time_axis_snap_day (chart_axis (self), day);
}

/* Where `day` dragged `days` along lands: snapped, or where it was when
 * the drag has not moved in time (a click is no edit). */
static guint32
snap_dragged (IpmsTimelineCanvas *self,
              double              day,
              double              days)
{
  return days == 0 ? (guint32) day : snap_at (self, day + days);
}

/* Where a point puts a scheduled product: the snapped start (or launch) day
 * and, on the roadmap, the snapped price. */
static guint32
landing_at (IpmsTimelineCanvas *self,
            double              x,
            double              y,
            double             *price)
{
  double day;

  if (np_chart (self) != NULL)
    return snap_at (self, ipms_time_axis_x_to_day (chart_axis (self), x - time_origin (self)));

  ipms_roadmap_chart_point_to_values (rm_chart (self), x, y, &day, price);
  *price = ipms_timeline_snap_price (self->document, MAX (0, *price));
  return snap_at (self, day);
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

/* Measuring, allocating, painting */

static void scroll_to_item (IpmsTimelineCanvas *self,
                            gint64              id);
static gint64 focused_product (IpmsTimelineCanvas *self);
static gboolean under_kept_labels (IpmsTimelineCanvas *self,
                                   double              x,
                                   double              y);
static void report_error (IpmsTimelineCanvas *self,
                          const GError       *error);

static void
ipms_timeline_canvas_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  IpmsTimelineCanvas *self = IPMS_TIMELINE_CANVAS (widget);
  double width = 0, height = 0;

  if (self->chart != NULL)
    ipms_chart_get_size (self->chart, &width, &height);

  *minimum = 0;
  *natural = (int) ceil (orientation == GTK_ORIENTATION_HORIZONTAL ? width : height);
}

static void
ipms_timeline_canvas_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  IpmsTimelineCanvas *self = IPMS_TIMELINE_CANVAS (widget);
  GHashTableIter iter;
  gpointer key, value;
  guint serial;

  sync_items (self);
  queue_visible_items (self);

  /* An item keeps its allocation while its rectangle stays: after an
   * edit most of thousands do, and while the chart's serial stays only
   * those of edited products and new widgets can move. One that needs a
   * new allocation for its own sake gets the last again from GTK. */
  serial = self->chart != NULL ? ipms_timeline_chart_get_serial (IPMS_TIMELINE_CHART (self->chart)) : 0;
  if (serial != self->placed_serial)
    g_hash_table_iter_init (&iter, self->items);
  else
    g_hash_table_iter_init (&iter, self->unplaced);
  self->placed_serial = serial;
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      graphene_rect_t rect;
      GtkRequisition min;
      GdkRectangle place, *last;

      value = g_hash_table_lookup (self->items, key);
      if (value == NULL || !item_rect (self, *(gint64 *) key, &rect))
        continue;

      place = (GdkRectangle) { (int) floor (rect.origin.x), (int) floor (rect.origin.y),
                               (int) ceil (rect.size.width), (int) ceil (rect.size.height) };
      last = g_object_get_qdata (value, allocated_quark);
      if (last != NULL && gdk_rectangle_equal (last, &place))
        continue;

      gtk_widget_get_preferred_size (value, &min, NULL);
      gtk_widget_size_allocate (value,
                                &(GtkAllocation) { place.x, place.y,
                                                   MAX (min.width, place.width), MAX (min.height, place.height) },
                                -1);
      g_object_set_qdata_full (value, allocated_quark, g_memdup2 (&place, sizeof place), g_free);
    }
  g_hash_table_remove_all (self->unplaced);

  if (self->menu != NULL)
    ipms_canvas_menu_allocate (IPMS_CANVAS_MENU (self->menu));

  /* The view's scroll range is set for the new size by now. */
  if (self->follow_id != 0)
    {
      gint64 id = self->follow_id;

      self->follow_id = 0;
      scroll_to_item (self, id);
    }
}

static void
ipms_timeline_canvas_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ipms_timeline_canvas_parent_class)->map (widget);

  queue_visible_items (IPMS_TIMELINE_CANVAS (widget));
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

  clear_tile (tile);
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

static void
ipms_timeline_canvas_snapshot (GtkWidget   *widget,
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

/* Interaction */

static void
select_product (IpmsTimelineCanvas *self,
                gint64              id,
                gboolean            extend)
{
  if (self->selection == NULL)
    return;

  if (extend)
    ipms_selection_toggle (self->selection, id);
  else if (!ipms_selection_contains (self->selection, id) || ipms_selection_get_count (self->selection) > 1)
    ipms_selection_select_only (self->selection, id);
}

/* Whether a point is under the lane names, axes or headers kept at the
 * view's edges, which hide the chart beneath them. */
static gboolean
under_kept_labels (IpmsTimelineCanvas *self,
                   double              x,
                   double              y)
{
  const graphene_rect_t *shown = &self->static_rect;
  double left, top;

  if (self->tiles->len == 0)
    return FALSE;

  ipms_timeline_chart_get_frozen (IPMS_TIMELINE_CHART (self->chart), &left, &top);
  return (shown->origin.x > 0 && x < shown->origin.x + left) ||
         (shown->origin.y > 0 && y < shown->origin.y + top);
}

gboolean
ipms_timeline_canvas_drag_begin (IpmsTimelineCanvas *self,
                                 double              x,
                                 double              y,
                                 gboolean            extend)
{
  IpmsTimelinePart part = IPMS_TIMELINE_PART_NONE;
  gint64 id;

  g_return_val_if_fail (IPMS_IS_TIMELINE_CANVAS (self), FALSE);

  if (self->chart == NULL || self->drag.active)
    return FALSE;

  id = under_kept_labels (self, x, y) ? 0
     : np_chart (self) != NULL ? ipms_new_products_chart_hit_test (np_chart (self), x, y, &part)
                               : ipms_roadmap_chart_hit_test (rm_chart (self), x, y, &part);
  if (id == 0)
    {
      if (self->selection != NULL && !extend)
        ipms_selection_clear (self->selection);
      return FALSE;
    }

  memset (&self->drag, 0, sizeof self->drag);
  self->drag.id = id;
  self->drag.part = part;
  self->drag.x = x;
  self->drag.y = y;
  ipms_canvas_point_in_window (GTK_WIDGET (self), x, y, &self->drag.press_in_window);

  if (part == IPMS_TIMELINE_PART_BAND_MIN || part == IPMS_TIMELINE_PART_BAND_MAX)
    {
      IpmsRecord *band = ipms_document_get_record (self->document, "price_band", id);

      self->drag.price = ipms_record_get_double (band, part == IPMS_TIMELINE_PART_BAND_MIN ? "min_price" : "max_price");
    }
  else
    {
      IpmsRecord *product = ipms_document_get_record (self->document, "product", id);

      self->drag.start = record_day (product, "dev_start");
      self->drag.complete = record_day (product, "dev_complete");
      self->drag.launch = record_day (product, "launch_date");
      self->drag.price = ipms_record_get_double (product, "price");
      self->drag.lane = G_MAXUINT;
      if (np_chart (self) != NULL)
        {
          IpmsNewProductsItem item;

          if (ipms_new_products_chart_get_item (np_chart (self), id, &item))
            self->drag.lane = item.lane;
        }
      select_product (self, id, extend);
    }

  self->drag.new_start = self->drag.start;
  self->drag.new_complete = self->drag.complete;
  self->drag.new_launch = self->drag.launch;
  self->drag.new_lane = self->drag.lane;
  self->drag.new_price = self->drag.price;
  self->drag.active = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline-canvas.cancel-drag", TRUE);

  return TRUE;
}

static void
update_new_products (IpmsTimelineCanvas *self,
                     double              dx,
                     double              dy,
                     gboolean            lock_axis)
{
  const IpmsTimeAxis *axis = chart_axis (self);
  double days = dx / axis->px_per_day;

  switch (self->drag.part)
    {
    case IPMS_TIMELINE_PART_BAR:
      {
        guint32 anchor = self->drag.start != 0 ? self->drag.start
                       : self->drag.complete != 0 ? self->drag.complete : self->drag.launch;
        gint64 delta = (gint64) snap_dragged (self, anchor, days) - anchor;
        guint lane = lock_axis ? self->drag.lane
                               : ipms_new_products_chart_lane_at (np_chart (self), self->drag.y + dy);

        self->drag.new_start = self->drag.start != 0 ? (guint32) MAX (1, self->drag.start + delta) : 0;
        self->drag.new_complete = self->drag.complete != 0 ? (guint32) MAX (1, self->drag.complete + delta) : 0;
        self->drag.new_launch = self->drag.launch != 0 ? (guint32) MAX (1, self->drag.launch + delta) : 0;
        self->drag.new_lane = lane != G_MAXUINT ? lane : self->drag.lane;
      }
      break;

    case IPMS_TIMELINE_PART_START:
      self->drag.new_start = snap_dragged (self, self->drag.start, days);
      if (self->drag.complete != 0)
        self->drag.new_start = MIN (self->drag.new_start, self->drag.complete);
      break;

    case IPMS_TIMELINE_PART_END:
      /* The bar ends after its last day: the edge dragged is midnight after it. */
      self->drag.new_complete = snap_dragged (self, self->drag.complete + 1, days) - 1;
      if (self->drag.start != 0)
        self->drag.new_complete = MAX (self->drag.new_complete, self->drag.start);
      break;

    case IPMS_TIMELINE_PART_LAUNCH:
      self->drag.new_launch = snap_dragged (self, self->drag.launch + 0.5, days);
      break;

    default:
      break;
    }

  ipms_new_products_chart_set_preview (np_chart (self), self->drag.id, self->drag.new_start,
                                       self->drag.new_complete, self->drag.new_launch,
                                       self->drag.new_lane);
}

static void
update_roadmap (IpmsTimelineCanvas *self,
                double              dx,
                double              dy,
                gboolean            lock_axis)
{
  IpmsRoadmapChart *chart = rm_chart (self);
  gboolean flipped = ipms_roadmap_chart_get_flipped (chart);
  double day, price;

  if (self->drag.part == IPMS_TIMELINE_PART_MARKER)
    {
      double mx, my, cx, cy;
      double along_time = flipped ? dy : dx;
      double along_price = flipped ? dx : dy;

      ipms_roadmap_chart_values_to_point (chart, self->drag.launch, self->drag.price, &mx, &my);
      /* Shift keeps the date or the price, whichever the pointer moved less. */
      if (lock_axis && fabs (along_time) >= fabs (along_price))
        along_price = 0;
      else if (lock_axis)
        along_time = 0;
      cx = mx + (flipped ? along_price : along_time);
      cy = my + (flipped ? along_time : along_price);

      ipms_roadmap_chart_point_to_values (chart, cx, cy, &day, &price);
      self->drag.new_launch = along_time == 0 ? self->drag.launch : snap_at (self, day);
      self->drag.new_price = along_price == 0 ? self->drag.price : ipms_timeline_snap_price (self->document, price);
      ipms_roadmap_chart_set_preview (chart, self->drag.id, self->drag.new_launch, self->drag.new_price);
    }
  else
    {
      double bx, by;

      ipms_roadmap_chart_values_to_point (chart, chart_axis (self)->first_day, self->drag.price, &bx, &by);
      ipms_roadmap_chart_point_to_values (chart, bx + dx, by + dy, NULL, &price);
      self->drag.new_price = dx == 0 && dy == 0 ? self->drag.price : ipms_timeline_snap_price (self->document, price);
      ipms_roadmap_chart_set_band_preview (chart, self->drag.id, self->drag.part, self->drag.new_price);
    }
}

void
ipms_timeline_canvas_drag_update (IpmsTimelineCanvas *self,
                                  double              dx,
                                  double              dy,
                                  gboolean            lock_axis)
{
  g_return_if_fail (IPMS_IS_TIMELINE_CANVAS (self));

  if (!self->drag.active)
    return;

  /* The threshold in the window: GTK's offsets are in the chart's
   * coordinates, where a view scrolled under a pointer that stays still
   * would count as the pointer's travel, as on the panorama. */
  if (ipms_canvas_travel_in_window (GTK_WIDGET (self), self->drag.x + dx, self->drag.y + dy,
                                    &self->drag.press_in_window) < DRAG_THRESHOLD)
    dx = dy = 0;

  if (np_chart (self) != NULL)
    update_new_products (self, dx, dy, lock_axis);
  else
    update_roadmap (self, dx, dy, lock_axis);
}

static void
end_preview (IpmsTimelineCanvas *self)
{
  IpmsTimelinePart part = self->drag.part;

  self->drag.active = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline-canvas.cancel-drag", FALSE);
  if (np_chart (self) != NULL)
    ipms_new_products_chart_set_preview (np_chart (self), 0, 0, 0, 0, G_MAXUINT);
  else if (part == IPMS_TIMELINE_PART_BAND_MIN || part == IPMS_TIMELINE_PART_BAND_MAX)
    ipms_roadmap_chart_set_band_preview (rm_chart (self), 0, IPMS_TIMELINE_PART_NONE, 0);
  else
    ipms_roadmap_chart_set_preview (rm_chart (self), 0, 0, 0);
}

static void
report_error (IpmsTimelineCanvas *self,
              const GError       *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *message = NULL;

  /* Translators: a drag or a nudge on a timeline chart was refused; %s says why */
  message = g_strdup_printf (_("The product was not moved: %s"), error->message);
  if (IPMS_IS_WINDOW (root))
    ipms_window_add_toast (IPMS_WINDOW (root), message);
  else
    g_message ("%s", message);
}

gboolean
ipms_timeline_canvas_drag_end (IpmsTimelineCanvas *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;
  gint64 id = self->drag.id;

  g_return_val_if_fail (IPMS_IS_TIMELINE_CANVAS (self), FALSE);

  if (!self->drag.active)
    return FALSE;

  end_preview (self);

  switch (self->drag.part)
    {
    case IPMS_TIMELINE_PART_BAR:
      {
        guint32 before = self->drag.start != 0 ? self->drag.start
                       : self->drag.complete != 0 ? self->drag.complete : self->drag.launch;
        guint32 after = self->drag.start != 0 ? self->drag.new_start
                      : self->drag.complete != 0 ? self->drag.new_complete : self->drag.new_launch;
        int days = (int) ((gint64) after - before);
        IpmsNewProductsChart *chart = np_chart (self);

        if (self->drag.new_lane != self->drag.lane)
          ok = ipms_timeline_move_product_to_lane (self->document, id, days,
                                                   ipms_new_products_chart_get_lane_mode (chart) == IPMS_LANE_MODE_SERIES,
                                                   ipms_new_products_chart_get_lane_id (chart, self->drag.new_lane),
                                                   &error);
        else if (days != 0)
          ok = ipms_timeline_shift_product (self->document, id, days, NULL, &error);
        else
          return FALSE;
      }
      break;

    case IPMS_TIMELINE_PART_START:
      if (self->drag.new_start == self->drag.start)
        return FALSE;
      ok = ipms_timeline_set_dev_start (self->document, id, self->drag.new_start, NULL, &error);
      break;

    case IPMS_TIMELINE_PART_END:
      if (self->drag.new_complete == self->drag.complete)
        return FALSE;
      ok = ipms_timeline_set_dev_complete (self->document, id, self->drag.new_complete, NULL, &error);
      break;

    case IPMS_TIMELINE_PART_LAUNCH:
      if (self->drag.new_launch == self->drag.launch)
        return FALSE;
      ok = ipms_timeline_set_launch (self->document, id, self->drag.new_launch, NULL, &error);
      break;

    case IPMS_TIMELINE_PART_MARKER:
      if (self->drag.new_launch == self->drag.launch && self->drag.new_price == self->drag.price)
        return FALSE;
      ok = ipms_timeline_move_marker (self->document, id, self->drag.new_launch, self->drag.new_price, NULL, &error);
      break;

    case IPMS_TIMELINE_PART_BAND_MIN:
    case IPMS_TIMELINE_PART_BAND_MAX:
      if (self->drag.new_price == self->drag.price)
        return FALSE;
      ok = ipms_timeline_set_band_boundary (self->document, id, self->drag.part == IPMS_TIMELINE_PART_BAND_MAX,
                                            self->drag.new_price, &error);
      break;

    case IPMS_TIMELINE_PART_NONE:
    default:
      return FALSE;
    }

  if (!ok)
    report_error (self, error);

  return ok;
}

void
ipms_timeline_canvas_drag_cancel (IpmsTimelineCanvas *self)
{
  g_return_if_fail (IPMS_IS_TIMELINE_CANVAS (self));

  if (self->drag.active)
    end_preview (self);
}

gboolean
ipms_timeline_canvas_is_dragging (IpmsTimelineCanvas *self)
{
  g_return_val_if_fail (IPMS_IS_TIMELINE_CANVAS (self), FALSE);

  return self->drag.active;
}

static void
scroll_to_item (IpmsTimelineCanvas *self,
                gint64              id)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), IPMS_TYPE_CANVAS_VIEW);
  graphene_rect_t rect;

  if (view != NULL && item_rect (self, id, &rect))
    ipms_canvas_view_scroll_to (IPMS_CANVAS_VIEW (view), &rect);
}

gboolean
ipms_timeline_canvas_nudge (IpmsTimelineCanvas *self,
                            gint64              product_id,
                            int                 steps,
                            int                 cross,
                            gboolean            large)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *merge_key = NULL;
  const IpmsTimeAxis *axis;
  IpmsRecord *product;
  gboolean ok = TRUE;

  g_return_val_if_fail (IPMS_IS_TIMELINE_CANVAS (self), FALSE);

  if (self->chart == NULL || self->drag.active)
    return FALSE;

  product = ipms_document_get_record (self->document, "product", product_id);
  if (product == NULL)
    return FALSE;

  axis = chart_axis (self);
  /* A burst of nudges of one product is one undo step. */
  merge_key = ipms_merge_key ("product", product_id, NULL);

  if (np_chart (self) != NULL)
    {
      guint32 anchor = record_day (product, "dev_start");

      if (anchor == 0)
        anchor = record_day (product, "dev_complete");
      if (anchor == 0)
        anchor = record_day (product, "launch_date");

      if (steps != 0 && anchor != 0)
        ok = ipms_timeline_shift_product (self->document, product_id,
                                          (int) ((gint64) ipms_time_axis_nudge (axis, anchor, steps, large) - anchor),
                                          merge_key, &error);
      if (ok && cross != 0)
        return ipms_timeline_canvas_move_to_lane (self, product_id, cross);
    }
  else
    {
      guint32 launch = record_day (product, "launch_date");
      double price = ipms_record_get_double (product, "price");
      double step = ipms_timeline_get_price_step (self->document);

      if (step <= 0)
        step = 1;
      if (steps != 0 && launch != 0)
        launch = ipms_time_axis_nudge (axis, launch, steps, large);
      price = MAX (0, price + cross * step * (large ? 10 : 1));
      ok = ipms_timeline_move_marker (self->document, product_id, launch, price, merge_key, &error);
    }

  if (!ok)
    report_error (self, error);
  else
    {
      /* Once the chart is laid out with the new dates. */
      self->follow_id = product_id;
      gtk_widget_queue_allocate (GTK_WIDGET (self));
    }

  return ok;
}

/* Tells what an edit did that the user may not have seen coming, with the
 * way back: the window's toast with an Undo button (the action
 * win.undo-toast, which the window shell is gaining); a window without it
 * gets a plain toast that names Ctrl+Z. */
static void
announce (IpmsTimelineCanvas *self,
          const char         *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *text = NULL;

  if (gtk_widget_activate_action (GTK_WIDGET (self), "win.undo-toast", "s", message))
    return;

  /* Translators: appended to a notice after an edit on a chart */
  text = g_strdup_printf (_("%s — Ctrl+Z to undo"), message);
  if (IPMS_IS_WINDOW (root))
    ipms_window_add_toast (IPMS_WINDOW (root), text);
}

gboolean
ipms_timeline_canvas_move_to_lane (IpmsTimelineCanvas *self,
                                   gint64              product_id,
                                   int                 cross)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  IpmsNewProductsChart *chart;
  IpmsNewProductsItem item;
  IpmsRecord *product;
  int lane;

  g_return_val_if_fail (IPMS_IS_TIMELINE_CANVAS (self), FALSE);

  chart = np_chart (self);
  if (chart == NULL || self->drag.active || cross == 0 ||
      !ipms_new_products_chart_get_item (chart, product_id, &item))
    return FALSE;

  lane = (int) item.lane + cross;
  if (lane < 0 || lane >= (int) ipms_new_products_chart_get_n_lanes (chart))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  if (!ipms_timeline_move_product_to_lane (self->document, product_id, 0,
                                           ipms_new_products_chart_get_lane_mode (chart) == IPMS_LANE_MODE_SERIES,
                                           ipms_new_products_chart_get_lane_id (chart, (guint) lane),
                                           &error))
    {
      report_error (self, error);
      return FALSE;
    }

  product = ipms_document_get_record (self->document, "product", product_id);
  /* Translators: a notice after moving a product on the new product chart
   * to another lane; the first %s is the product, the second the lane (a
   * population layer or a series) */
  message = g_strdup_printf (_("“%s” moved to “%s”"), ipms_record_get_string (product, "name"),
                             ipms_new_products_chart_get_lane_label (chart, (guint) lane));
  announce (self, message);

  /* The view follows the product once the chart is laid out again. */
  self->follow_id = product_id;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  return TRUE;
}

gboolean
ipms_timeline_canvas_unschedule (IpmsTimelineCanvas *self,
                                 gint64              product_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  IpmsRecord *product;

  g_return_val_if_fail (IPMS_IS_TIMELINE_CANVAS (self), FALSE);

  product = self->document != NULL ? ipms_document_get_record (self->document, "product", product_id) : NULL;
  if (product == NULL || self->drag.active)
    return FALSE;

  name = g_strdup (ipms_record_get_string (product, "name"));
  if (!ipms_timeline_unschedule_product (self->document, product_id, rm_chart (self) != NULL, &error))
    {
      report_error (self, error);
      return FALSE;
    }

  /* Translators: a notice after taking a product off a timeline chart */
  message = g_strdup_printf (_("“%s” taken off the chart"), name);
  announce (self, message);
  return TRUE;
}

gboolean
ipms_timeline_canvas_delete_product (IpmsTimelineCanvas *self,
                                     gint64              product_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  IpmsRecord *product;

  g_return_val_if_fail (IPMS_IS_TIMELINE_CANVAS (self), FALSE);

  product = self->document != NULL ? ipms_document_get_record (self->document, "product", product_id) : NULL;
  if (product == NULL || self->drag.active)
    return FALSE;

  name = g_strdup (ipms_record_get_string (product, "name"));
  if (!ipms_timeline_delete_product (self->document, product_id, &error))
    {
      report_error (self, error);
      return FALSE;
    }

  /* Translators: a notice after deleting a product from a timeline chart */
  message = g_strdup_printf (_("“%s” deleted"), name);
  announce (self, message);
  return TRUE;
}

/* The product whose bar is nearest above (`direction` -1) or below (+1)
 * the product's own row, and nearest along the time; 0 when none. */
static gint64
neighbour_product (IpmsTimelineCanvas *self,
                   gint64              product_id,
                   int                 direction)
{
  g_autoptr(GArray) ids = NULL;
  IpmsNewProductsItem from;
  double from_x, best_dy = G_MAXDOUBLE, best_dx = G_MAXDOUBLE;
  gint64 best = 0;

  if (np_chart (self) == NULL || !ipms_new_products_chart_get_item (np_chart (self), product_id, &from))
    return 0;

  from_x = from.bar_width > 0 ? from.bar_x : from.launch_x;
  ids = ipms_timeline_chart_dup_item_ids (IPMS_TIMELINE_CHART (self->chart));
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      IpmsNewProductsItem to;
      double dy, dx;

      if (id == product_id || !ipms_new_products_chart_get_item (np_chart (self), id, &to))
        continue;

      dy = (to.y - from.y) * direction;
      dx = fabs ((to.bar_width > 0 ? to.bar_x : to.launch_x) - from_x);
      if (dy < 1)
        continue;
      if (dy < best_dy - 1 || (fabs (dy - best_dy) < 1 && dx < best_dx))
        {
          best = id;
          best_dy = dy;
          best_dx = dx;
        }
    }

  return best;
}

gboolean
ipms_timeline_canvas_focus_neighbour (IpmsTimelineCanvas *self,
                                      gint64              product_id,
                                      int                 direction)
{
  gint64 id;
  GtkWidget *item;

  g_return_val_if_fail (IPMS_IS_TIMELINE_CANVAS (self), FALSE);

  id = neighbour_product (self, product_id, direction);
  item = id != 0 ? ipms_timeline_canvas_get_item (self, id) : NULL;
  if (item == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  gtk_widget_grab_focus (item);
  scroll_to_item (self, id);
  return TRUE;
}

static void
product_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  IpmsTimelineCanvas *self = IPMS_TIMELINE_CANVAS (widget);
  gint64 id = focused_product (self);

  if (id == 0 && self->selection != NULL && ipms_selection_get_count (self->selection) == 1)
    id = ipms_selection_get_lead (self->selection);
  if (id == 0)
    return;

  if (g_str_equal (action_name, "timeline-canvas.unschedule"))
    ipms_timeline_canvas_unschedule (self, id);
  else if (g_str_equal (action_name, "timeline-canvas.delete"))
    ipms_timeline_canvas_delete_product (self, id);
  else if (g_str_equal (action_name, "timeline-canvas.lane-up"))
    ipms_timeline_canvas_move_to_lane (self, id, -1);
  else if (g_str_equal (action_name, "timeline-canvas.lane-down"))
    ipms_timeline_canvas_move_to_lane (self, id, 1);
  else if (g_str_equal (action_name, "timeline-canvas.open"))
    ipms_product_editor_open_prd (widget, self->document, id);
  else if (g_str_equal (action_name, "timeline-canvas.quick-edit"))
    ipms_product_editor_present (widget, self->document, id);
}

/* The actions on a product, at a point of the chart: moving it to another
 * lane, taking it off the chart, deleting it. */
static void
show_menu (IpmsTimelineCanvas *self,
           gint64              product_id,
           double              x,
           double              y)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) opening = g_menu_new ();
  g_autoptr(GMenu) lanes = g_menu_new ();
  g_autoptr(GMenu) removal = g_menu_new ();

  if (self->selection != NULL)
    ipms_selection_select_only (self->selection, product_id);

  g_menu_append (opening, _("_Open PRD"), "timeline-canvas.open");
  g_menu_append (opening, _("_Quick Edit…"), "timeline-canvas.quick-edit");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (opening));
  if (np_chart (self) != NULL)
    {
      g_menu_append (lanes, _("Move to the Lane _Above"), "timeline-canvas.lane-up");
      g_menu_append (lanes, _("Move to the Lane _Below"), "timeline-canvas.lane-down");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (lanes));
    }
  g_menu_append (removal, _("_Take Off the Chart"), "timeline-canvas.unschedule");
  g_menu_append (removal, _("_Delete Product"), "timeline-canvas.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (removal));

  /* Escape gives the focus back to the product's bar or marker. */
  ipms_canvas_menu_popup (IPMS_CANVAS_MENU (self->menu), G_MENU_MODEL (menu), &GRAPHENE_RECT_INIT (x, y, 1, 1),
                          g_hash_table_lookup (self->items, &product_id));
}

static void
show_menu_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IpmsTimelineCanvas *self = IPMS_TIMELINE_CANVAS (widget);
  gint64 id = focused_product (self);
  graphene_rect_t rect;

  /* Under the item, within the part in sight: a bar can be longer than
   * the view, and a popover pointing off screen has no monitor. */
  if (id != 0 && item_rect (self, id, &rect) &&
      graphene_rect_intersection (&rect, &self->static_rect, &rect))
    show_menu (self, id, rect.origin.x + rect.size.width / 2, rect.origin.y + rect.size.height);
}

static void
on_secondary_pressed (GtkGestureClick    *gesture,
                      int                 n_press,
                      double              x,
                      double              y,
                      IpmsTimelineCanvas *self)
{
  gint64 id;
  IpmsTimelinePart part = IPMS_TIMELINE_PART_NONE;

  if (self->chart == NULL || self->drag.active || under_kept_labels (self, x, y))
    return;

  id = np_chart (self) != NULL ? ipms_new_products_chart_hit_test (np_chart (self), x, y, &part)
                               : ipms_roadmap_chart_hit_test (rm_chart (self), x, y, &part);
  if (id == 0 || part == IPMS_TIMELINE_PART_BAND_MIN || part == IPMS_TIMELINE_PART_BAND_MAX)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  show_menu (self, id, x, y);
}

gboolean
ipms_timeline_canvas_activate_at (IpmsTimelineCanvas *self,
                                  double              x,
                                  double              y)
{
  IpmsTimelinePart part = IPMS_TIMELINE_PART_NONE;
  gint64 id;

  g_return_val_if_fail (IPMS_IS_TIMELINE_CANVAS (self), FALSE);

  if (self->chart == NULL || under_kept_labels (self, x, y))
    return FALSE;

  id = np_chart (self) != NULL ? ipms_new_products_chart_hit_test (np_chart (self), x, y, &part)
                               : ipms_roadmap_chart_hit_test (rm_chart (self), x, y, &part);
  if (id == 0 || part == IPMS_TIMELINE_PART_BAND_MIN || part == IPMS_TIMELINE_PART_BAND_MAX)
    return FALSE;

  ipms_product_editor_open_prd (GTK_WIDGET (self), self->document, id);
  return TRUE;
}

/* On the release of the double click. Each of its presses began a drag of
 * the product, and this release may come before the drag's end: a double
 * click moves nothing, so that drag is cancelled, not written. */
static void
on_click_released (GtkGestureClick    *gesture,
                   int                 n_press,
                   double              x,
                   double              y,
                   IpmsTimelineCanvas *self)
{
  if (n_press != 2)
    return;

  if (self->drag.active)
    ipms_timeline_canvas_drag_cancel (self);
  ipms_timeline_canvas_activate_at (self, x, y);
}

gboolean
ipms_timeline_canvas_schedule_at (IpmsTimelineCanvas *self,
                                  gint64              product_id,
                                  double              x,
                                  double              y)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_return_val_if_fail (IPMS_IS_TIMELINE_CANVAS (self), FALSE);

  if (self->chart == NULL)
    return FALSE;

  if (np_chart (self) != NULL)
    {
      double unused;
      guint32 start = landing_at (self, x, y, &unused);
      /* A new product gets a quarter of development and launches a month
       * after: something to drag into shape rather than a dot. */
      guint32 complete = ipms_time_unit_add (IPMS_TIME_UNIT_MONTH, start, 3) - 1;
      guint32 launch = ipms_time_unit_add (IPMS_TIME_UNIT_MONTH, complete + 1, 1);

      ok = ipms_timeline_schedule_product (self->document, product_id, start, complete, launch, -1, &error);
    }
  else
    {
      double price;
      guint32 launch = landing_at (self, x, y, &price);

      ok = ipms_timeline_schedule_product (self->document, product_id, 0, 0, launch, price, &error);
    }

  if (!ok)
    report_error (self, error);
  else if (self->selection != NULL)
    ipms_selection_select_only (self->selection, product_id);

  return ok;
}

/* The project's row is a query of its own: the items' labels read it once
 * for all of them. */
static char *
describe_product (IpmsRecord *product,
                  IpmsRecord *project)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *currency = project != NULL ? ipms_record_get_string (project, "currency") : "";

  /* Translators: a product on a timeline chart: its name and its grade letter (R, S, A, B or F) */
  g_string_append_printf (text, _("%s, grade %s"), ipms_record_get_string (product, "name"),
                          ipms_record_get_string (product, "grade"));

  if (!ipms_record_is_null (product, "dev_start") || !ipms_record_is_null (product, "dev_complete"))
    {
      g_autofree char *start = ipms_record_is_null (product, "dev_start")
                               ? g_strdup ("?") : ipms_format_date_iso (ipms_record_get_string (product, "dev_start"));
      g_autofree char *complete = ipms_record_is_null (product, "dev_complete")
                                  ? g_strdup ("?") : ipms_format_date_iso (ipms_record_get_string (product, "dev_complete"));

      g_string_append_c (text, '\n');
      /* Translators: the development span of a product, two dates */
      g_string_append_printf (text, _("Development: %s – %s"), start, complete);
    }

  if (!ipms_record_is_null (product, "launch_date"))
    {
      g_autofree char *launch = ipms_format_date_iso (ipms_record_get_string (product, "launch_date"));

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Launch: %s"), launch);
      if (!ipms_record_is_null (product, "dev_complete") &&
          g_strcmp0 (ipms_record_get_string (product, "launch_date"),
                     ipms_record_get_string (product, "dev_complete")) <= 0)
        {
          g_string_append_c (text, '\n');
          g_string_append (text, _("Warning: the launch is before development completes"));
        }
    }

  if (!ipms_record_is_null (product, "price"))
    {
      double price = ipms_record_get_double (product, "price");
      g_autofree char *formatted = ipms_format_price (price, currency);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Price: %s"), formatted);
      if (price > 0 && !ipms_record_is_null (product, "cost"))
        {
          double margin = (price - ipms_record_get_double (product, "cost")) / price * 100;
          g_autofree char *percent = ipms_format_percent (margin, FALSE);

          g_string_append_c (text, '\n');
          /* Translators: gross margin of a product; %s is a percentage such as "60%" */
          g_string_append_printf (text, _("Margin: %s"), percent);
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
ipms_timeline_canvas_describe (IpmsTimelineCanvas *self,
                               gint64              product_id)
{
  IpmsRecord *product;

  g_return_val_if_fail (IPMS_IS_TIMELINE_CANVAS (self), NULL);

  product = self->document != NULL ? ipms_document_get_record (self->document, "product", product_id) : NULL;
  if (product == NULL)
    return NULL;

  return describe_product (product, ipms_document_get_project (self->document));
}

/* Gestures and keys */

static void
cancel_drag_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ipms_timeline_canvas_drag_cancel (IPMS_TIMELINE_CANVAS (widget));
}

static void
on_drag_begin (GtkGestureDrag     *gesture,
               double              x,
               double              y,
               IpmsTimelineCanvas *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  if (ipms_timeline_canvas_drag_begin (self, x, y, (state & GDK_CONTROL_MASK) != 0))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_grab_focus (ipms_timeline_canvas_get_item (self, self->drag.id) != NULL
                             ? ipms_timeline_canvas_get_item (self, self->drag.id) : GTK_WIDGET (self));
    }
  else
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
on_drag_update (GtkGestureDrag     *gesture,
                double              dx,
                double              dy,
                IpmsTimelineCanvas *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  ipms_timeline_canvas_drag_update (self, dx, dy, (state & GDK_SHIFT_MASK) != 0);
}

static void
on_drag_end (GtkGestureDrag     *gesture,
             double              dx,
             double              dy,
             IpmsTimelineCanvas *self)
{
  ipms_timeline_canvas_drag_end (self);
}

static void
on_drag_cancel (GtkGesture         *gesture,
                GdkEventSequence   *sequence,
                IpmsTimelineCanvas *self)
{
  ipms_timeline_canvas_drag_cancel (self);
}

/* The product whose item has the window's focus. From the root, not from
 * gtk_widget_get_focus_child(): GTK clears the focus children when the
 * window stops being the active one (another window took the keyboard, or
 * a popover did) though the root keeps its focus widget, and an action run
 * then (from the product's menu, or on a busy desktop) acted on nothing. */
static gint64
focused_product (IpmsTimelineCanvas *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (!IPMS_IS_CANVAS_ITEM (focus) || gtk_widget_get_parent (focus) != GTK_WIDGET (self))
    return 0;

  return ipms_canvas_item_get_id (IPMS_CANVAS_ITEM (focus));
}

/* From the canvas itself, which has the focus when the view holds too
 * many products for item widgets (see MAX_ITEM_WIDGETS): the first
 * product in view, in reading order along the time axis, gets it. */
static gboolean
focus_first_in_view (IpmsTimelineCanvas *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));
  gboolean by_rows = np_chart (self) != NULL ||
                     (rm_chart (self) != NULL && ipms_roadmap_chart_get_flipped (rm_chart (self)));
  g_autoptr(GArray) ids = NULL;
  graphene_rect_t window, rect, best_rect = { { 0, 0 }, { 0, 0 } };
  gint64 best = 0;
  GtkWidget *item;

  if (self->chart == NULL || !gtk_widget_has_focus (GTK_WIDGET (self)) || !IPMS_IS_CANVAS_VIEWPORT (parent))
    return FALSE;

  ipms_canvas_viewport_get_visible_area (IPMS_CANVAS_VIEWPORT (parent), &window);
  ids = ipms_timeline_chart_dup_item_ids_in (IPMS_TIMELINE_CHART (self->chart),
                                             &(cairo_rectangle_t) { window.origin.x, window.origin.y,
                                                                    window.size.width, window.size.height });
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      double along, across, best_along, best_across;

      if (!item_rect (self, id, &rect) || !graphene_rect_intersection (&rect, &window, NULL))
        continue;
      along = by_rows ? rect.origin.y : rect.origin.x;
      across = by_rows ? rect.origin.x : rect.origin.y;
      best_along = by_rows ? best_rect.origin.y : best_rect.origin.x;
      best_across = by_rows ? best_rect.origin.x : best_rect.origin.y;
      if (best == 0 || along < best_along || (along == best_along && across < best_across))
        {
          best = id;
          best_rect = rect;
        }
    }

  item = best != 0 ? ipms_timeline_canvas_get_item (self, best) : NULL;
  if (item == NULL)
    return FALSE;

  gtk_widget_grab_focus (item);
  return TRUE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                IpmsTimelineCanvas    *self)
{
  gboolean large = (state & GDK_SHIFT_MASK) != 0;
  gboolean flipped = rm_chart (self) != NULL && ipms_roadmap_chart_get_flipped (rm_chart (self));
  int dx = 0, dy = 0;
  gint64 id;

  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left: dx = -1; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: dx = 1; break;
    case GDK_KEY_Up: case GDK_KEY_KP_Up: dy = -1; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: dy = 1; break;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  id = focused_product (self);
  if (id == 0)
    return focus_first_in_view (self) ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;

  if (np_chart (self) != NULL && dy != 0)
    /* Up and Down go from bar to bar; moving a product to another lane
     * is Alt+Up and Alt+Down ("timeline-canvas.lane-up" and -down). */
    ipms_timeline_canvas_focus_neighbour (self, id, dy);
  else if (np_chart (self) != NULL)
    ipms_timeline_canvas_nudge (self, id, dx, 0, large);
  else if (flipped)
    /* Time runs down, price across. */
    ipms_timeline_canvas_nudge (self, id, dy, dx, large);
  else
    /* Up is dearer. */
    ipms_timeline_canvas_nudge (self, id, dx, -dy, large);

  return GDK_EVENT_STOP;
}

static gboolean
on_query_tooltip (GtkWidget          *widget,
                  int                 x,
                  int                 y,
                  gboolean            keyboard,
                  GtkTooltip         *tooltip,
                  IpmsTimelineCanvas *self)
{
  g_autofree char *text = NULL;
  gint64 id;

  if (self->chart == NULL || self->drag.active)
    return FALSE;

  if (keyboard)
    id = focused_product (self);
  else if (under_kept_labels (self, x, y))
    id = 0;
  else if (np_chart (self) != NULL)
    id = ipms_new_products_chart_hit_test (np_chart (self), x, y, NULL);
  else
    {
      IpmsTimelinePart part;

      id = ipms_roadmap_chart_hit_test (rm_chart (self), x, y, &part);
      if (part != IPMS_TIMELINE_PART_MARKER)
        id = 0;
    }

  text = id != 0 ? ipms_timeline_canvas_describe (self, id) : NULL;
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static GdkDragAction
on_drop_motion (GtkDropTarget      *target,
                double              x,
                double              y,
                IpmsTimelineCanvas *self)
{
  if (self->chart == NULL)
    return 0;

  self->drop_day = landing_at (self, x, y, &self->drop_price);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return GDK_ACTION_COPY;
}

static void
on_drop_leave (GtkDropTarget      *target,
               IpmsTimelineCanvas *self)
{
  self->drop_day = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_drop (GtkDropTarget      *target,
         const GValue       *value,
         double              x,
         double              y,
         IpmsTimelineCanvas *self)
{
  IpmsRecord *record = g_value_get_object (value);

  self->drop_day = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (record == NULL || g_strcmp0 (ipms_record_get_table_name (record), "product") != 0)
    return FALSE;

  return ipms_timeline_canvas_schedule_at (self, ipms_record_get_id (record), x, y);
}

/* GObject */

static void
ipms_timeline_canvas_dispose (GObject *object)
{
  IpmsTimelineCanvas *self = IPMS_TIMELINE_CANVAS (object);
  GHashTableIter iter;
  gpointer value;

  if (self->items != NULL)
    {
      g_hash_table_iter_init (&iter, self->items);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        gtk_widget_unparent (value);
      g_clear_pointer (&self->items, g_hash_table_unref);
    }

  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  g_clear_object (&self->chart);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_pointer (&self->unplaced, g_hash_table_unref);
  g_clear_pointer (&self->unchecked, g_hash_table_unref);
  g_clear_pointer (&self->tiles, g_array_unref);
  watch_viewport (self, NULL);
  if (self->visible_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->visible_tick_id);
      self->visible_tick_id = 0;
    }

  G_OBJECT_CLASS (ipms_timeline_canvas_parent_class)->dispose (object);
}

static void
ipms_timeline_canvas_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  IpmsTimelineCanvas *self = IPMS_TIMELINE_CANVAS (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_timeline_canvas_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  IpmsTimelineCanvas *self = IPMS_TIMELINE_CANVAS (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;
    case PROP_DOCUMENT:
      ipms_timeline_canvas_set_document (self, g_value_get_object (value));
      break;
    case PROP_SELECTION:
      ipms_timeline_canvas_set_selection (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      self->zoom = g_value_get_double (value);
      if (self->chart != NULL)
        g_object_set (self->chart, "px-per-day", IPMS_TIMELINE_BASE_PX_PER_DAY * self->zoom, NULL);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_timeline_canvas_class_init (IpmsTimelineCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipms_timeline_canvas_dispose;
  object_class->get_property = ipms_timeline_canvas_get_property;
  object_class->set_property = ipms_timeline_canvas_set_property;

  allocated_quark = g_quark_from_static_string ("ipms-timeline-allocated");

  widget_class->measure = ipms_timeline_canvas_measure;
  widget_class->size_allocate = ipms_timeline_canvas_size_allocate;
  widget_class->snapshot = ipms_timeline_canvas_snapshot;
  widget_class->map = ipms_timeline_canvas_map;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, IPMS_TIMELINE_KIND_NEW_PRODUCTS, IPMS_TIMELINE_KIND_ROADMAP,
                      IPMS_TIMELINE_KIND_NEW_PRODUCTS,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, IPMS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, IPMS_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Set by IpmsCanvasView in CHILD mode: 1.0 is the month scale. */
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0.01, 100, 1,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Enabled only while a drag runs, so that Escape otherwise reaches the window. */
  gtk_widget_class_install_action (widget_class, "timeline-canvas.cancel-drag", NULL, cancel_drag_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "timeline-canvas.cancel-drag", NULL);

  /* On the focused (or the one selected) product. */
  gtk_widget_class_install_action (widget_class, "timeline-canvas.unschedule", NULL, product_action);
  gtk_widget_class_install_action (widget_class, "timeline-canvas.delete", NULL, product_action);
  gtk_widget_class_install_action (widget_class, "timeline-canvas.lane-up", NULL, product_action);
  gtk_widget_class_install_action (widget_class, "timeline-canvas.lane-down", NULL, product_action);
  gtk_widget_class_install_action (widget_class, "timeline-canvas.open", NULL, product_action);
  gtk_widget_class_install_action (widget_class, "timeline-canvas.quick-edit", NULL, product_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0, "timeline-canvas.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "timeline-canvas.open", NULL);
  /* Last, so that the menu shows it. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "timeline-canvas.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "timeline-canvas.unschedule", NULL);
  /* Last, so that menus show it as the action's key. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "timeline-canvas.unschedule", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_SHIFT_MASK, "timeline-canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "timeline-canvas.lane-up", NULL);
  gtk_widget_class_install_action (widget_class, "timeline-canvas.show-menu", NULL, show_menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "timeline-canvas.show-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "timeline-canvas.show-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "timeline-canvas.lane-down", NULL);

  gtk_widget_class_set_css_name (widget_class, "ipms-timeline-canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ipms_timeline_canvas_init (IpmsTimelineCanvas *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkDropTarget *drop = gtk_drop_target_new (IPMS_TYPE_RECORD, GDK_ACTION_COPY);
  GtkGesture *secondary = gtk_gesture_click_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->zoom = 1.0;
  self->tiles = g_array_new (FALSE, TRUE, sizeof (Tile));
  g_array_set_clear_func (self->tiles, clear_tile);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline-canvas.cancel-drag", FALSE);
  self->items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->touched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->unplaced = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->unchecked = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (on_drag_cancel), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  /* Grouped, so that the drag claiming the press leaves the click alive. */
  gtk_gesture_group (click, drag);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect (secondary, "pressed", G_CALLBACK (on_secondary_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (secondary));

  self->menu = ipms_canvas_menu_new ();
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_drop_target_set_preload (drop, TRUE);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  g_signal_connect (drop, "motion", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (drop, "enter", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (drop, "leave", G_CALLBACK (on_drop_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  /* Top left in a view larger than the chart: the axis stays where the
   * eye expects it, and an edit that changes the height moves nothing. */
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_START);

  g_signal_connect (self, "notify::parent", G_CALLBACK (on_parent_changed), NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
ipms_timeline_canvas_new (IpmsTimelineKind kind)
{
  return g_object_new (IPMS_TYPE_TIMELINE_CANVAS, "kind", kind, NULL);
}

IpmsTimelineKind
ipms_timeline_canvas_get_kind (IpmsTimelineCanvas *self)
{
  g_return_val_if_fail (IPMS_IS_TIMELINE_CANVAS (self), IPMS_TIMELINE_KIND_NEW_PRODUCTS);

  return self->kind;
}

void
ipms_timeline_canvas_set_document (IpmsTimelineCanvas *self,
                                   IpmsDocument       *document)
{
  g_return_if_fail (IPMS_IS_TIMELINE_CANVAS (self));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_swapped (document, "row-changed", G_CALLBACK (on_row_changed), self);
      g_signal_connect_swapped (document, "reloaded", G_CALLBACK (on_reloaded), self);
    }
  g_hash_table_remove_all (self->touched);
  self->touched_all = TRUE;

  ipms_timeline_canvas_drag_cancel (self);
  rebuild_chart (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

void
ipms_timeline_canvas_set_selection (IpmsTimelineCanvas *self,
                                    IpmsSelection      *selection)
{
  g_return_if_fail (IPMS_IS_TIMELINE_CANVAS (self));

  if (self->selection == selection)
    return;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_set_object (&self->selection, selection);
  if (selection != NULL)
    g_signal_connect_swapped (selection, "changed", G_CALLBACK (on_selection_changed), self);

  self->items_dirty = TRUE;
  self->touched_all = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

IpmsChart *
ipms_timeline_canvas_get_chart (IpmsTimelineCanvas *self)
{
  g_return_val_if_fail (IPMS_IS_TIMELINE_CANVAS (self), NULL);

  return self->chart;
}

double
ipms_timeline_canvas_day_position (IpmsTimelineCanvas *self,
                                   guint32             day)
{
  g_return_val_if_fail (IPMS_IS_TIMELINE_CANVAS (self), 0);

  if (self->chart == NULL)
    return 0;

  return time_origin (self) + ipms_time_axis_day_to_x (chart_axis (self), day);
}

gboolean
ipms_timeline_canvas_map_values (IpmsTimelineCanvas *self,
                                 guint32             day,
                                 double              value,
                                 double             *x,
                                 double             *y)
{
  double top, height;

  g_return_val_if_fail (IPMS_IS_TIMELINE_CANVAS (self), FALSE);
  g_return_val_if_fail (x != NULL && y != NULL, FALSE);

  if (self->chart == NULL)
    return FALSE;

  if (rm_chart (self) != NULL)
    {
      ipms_roadmap_chart_values_to_point (rm_chart (self), day, value, x, y);
      return TRUE;
    }

  if (value < 0 || !ipms_new_products_chart_get_lane_extent (np_chart (self), (guint) value, &top, &height))
    return FALSE;

  *x = ipms_timeline_canvas_day_position (self, day);
  *y = top + height / 2;
  return TRUE;
}

void
ipms_timeline_canvas_set_lane_column_width (IpmsTimelineCanvas *self,
                                            double              width)
{
  g_return_if_fail (IPMS_IS_TIMELINE_CANVAS (self));

  self->lane_column = width;
  if (np_chart (self) != NULL && width > 0)
    ipms_new_products_chart_set_lane_column_width (np_chart (self), width);
}

double
ipms_timeline_canvas_fit_zoom (IpmsTimelineCanvas *self,
                               double              width,
                               double              height)
{
  gboolean flipped;
  double zoom, best = 0;

  g_return_val_if_fail (IPMS_IS_TIMELINE_CANVAS (self), 1.0);

  if (self->chart == NULL)
    return self->zoom;

  if (self->fit_found > 0 && self->fit_width == width && self->fit_height == height)
    {
      g_object_set (self->chart, "px-per-day", IPMS_TIMELINE_BASE_PX_PER_DAY * self->fit_found, NULL);
      return self->fit_found;
    }

  flipped = rm_chart (self) != NULL && ipms_roadmap_chart_get_flipped (rm_chart (self));

  /* The roadmap's price axis takes what the view has across the time,
   * within reason: squeezed further its bands would not read. Its legend
   * wraps to the view's width, which it would otherwise hold at any zoom. */
  if (rm_chart (self) != NULL)
    {
      IpmsRoadmapChart *chart = rm_chart (self);
      double chrome;

      ipms_roadmap_chart_set_legend_room (chart, width);
      chrome = ipms_roadmap_chart_get_price_chrome (chart);

      ipms_roadmap_chart_set_price_length (chart, CLAMP ((flipped ? width : height) - chrome,
                                                         flipped ? 360 : 240, flipped ? 1600 : 1200));
    }

  /* Labels and legend keep their size at any zoom, and labels packed at a
   * smaller zoom can reach further past their items: shrink the time axis
   * until the whole chart, labels and all, fits along it. Each try is a
   * new layout, which a plan of 10,000 products feels. */
  zoom = self->zoom;
  for (guint attempt = 0; attempt < 12; attempt++)
    {
      const IpmsTimeAxis *axis;
      double chart_width, chart_height, size, room, time_length;

      g_object_set (self->chart, "px-per-day", IPMS_TIMELINE_BASE_PX_PER_DAY * zoom, NULL);
      ipms_chart_get_size (self->chart, &chart_width, &chart_height);
      axis = chart_axis (self);
      size = flipped ? chart_height : chart_width;
      room = flipped ? height : width;
      time_length = ipms_time_axis_get_width (axis);

      if (size <= room)
        best = MAX (best, zoom);
      if (attempt > 0 && size <= room && size > room - 24)
        break;
      if (attempt > 0 && size <= room && zoom >= IPMS_CANVAS_MAX_ZOOM)
        break;
      if (size > room && zoom <= IPMS_CANVAS_MIN_ZOOM)
        break;

      /* What is not the time axis stays; the axis gets the rest, less
       * three quarters of the 24 units a fit may leave: labels reach a
       * little further at a smaller zoom, and a try that overshoots costs
       * another layout, at 10,000 products 60 ms. */
      zoom *= MAX (1, time_length + room - size - 18) / MAX (1, time_length);
      zoom = CLAMP (zoom, IPMS_CANVAS_MIN_ZOOM, IPMS_CANVAS_MAX_ZOOM);
    }

  /* The chart is left laid out at the zoom found, which the view applies
   * next: that is then no new layout. */
  zoom = best > 0 ? best : zoom;
  g_object_set (self->chart, "px-per-day", IPMS_TIMELINE_BASE_PX_PER_DAY * zoom, NULL);
  self->fit_width = width;
  self->fit_height = height;
  self->fit_found = zoom;

  return zoom;
}

GtkWidget *
ipms_timeline_canvas_get_item (IpmsTimelineCanvas *self,
                               gint64              product_id)
{
  g_return_val_if_fail (IPMS_IS_TIMELINE_CANVAS (self), NULL);

  sync_items (self);
  if (self->chart == NULL || !item_rect (self, product_id, &(graphene_rect_t) { 0 }))
    return g_hash_table_lookup (self->items, &product_id);

  /* Made now when off screen; laid out with the next frame. */
  if (g_hash_table_lookup (self->items, &product_id) == NULL)
    gtk_widget_queue_allocate (GTK_WIDGET (self));

  return GTK_WIDGET (ensure_item (self, product_id, ipms_document_get_project (self->document)));
}
