/* ipms-panorama-canvas.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ipms-canvas-item.h"
#include "ipms-canvas-menu.h"
#include "ipms-canvas-view.h"
#include "ipms-chart-style.h"
#include "ipms-panorama-canvas.h"
#include "ipms-panorama-edits.h"

#define DRAG_THRESHOLD 4.0
#define MAX_GHOSTS 4
#define KEYBOARD_MOVE_KEY "panorama-keyboard-move"
/* Auto-scroll band along the view's edges, and its top speed per frame. */
#define AUTOSCROLL_EDGE 48.0
#define AUTOSCROLL_MAX_STEP 24.0

typedef enum
{
  DRAG_NONE,
  DRAG_CHIPS,
  DRAG_COLUMN,
  DRAG_ROW,
  DRAG_RUBBER_BAND,
} DragKind;

typedef enum
{
  TARGET_NONE,
  TARGET_CELL,
  TARGET_UNPLACE,
} DropTarget;

typedef struct
{
  DragKind    kind;
  gboolean    moved;
  double      start_x;
  double      start_y;
  double      x;
  double      y;
  /* For chips: the grab point inside the chip under the pointer. */
  double      grab_dx;
  double      grab_dy;
  GArray     *ids;              /* gint64, products dragged, in grid order */
  gint64      item_id;          /* header dragged */
  gint64      pressed_id;       /* the chip pressed */
  GArray     *selection_before; /* to put back on cancel */
  gboolean    toggle_on_click;
  gboolean    select_only_on_click;
  DropTarget  target;
  guint       target_column;
  guint       target_row;
  guint       target_index;
} Drag;

struct _IpmsPanoramaCanvas
{
  GtkWidget          parent_instance;

  IpmsDocument      *document;
  IpmsSelection     *selection;
  IpmsPanoramaChart *chart;
  gulong             chart_changed_id;
  gulong             selection_changed_id;
  gulong             dark_id;

  GskRenderNode     *static_node;
  GHashTable        *cell_nodes;      /* cell stamp → GskRenderNode */
  gboolean           static_dark;
  gboolean           dark;

  GHashTable        *product_items;   /* gint64 id → IpmsCanvasItem */
  GHashTable        *column_items;
  GHashTable        *row_items;

  gint64             cell_x_item;
  gint64             cell_y_item;

  GtkWidget         *unplace_target;
  GtkWidget         *rename_entry;
  gint64             rename_item_id;
  gboolean           finishing_rename;
  GtkWidget         *menu;
  GtkGesture        *drag_gesture;

  Drag               drag;

  /* A palette drag hovering over the canvas. */
  gboolean           preview_active;
  guint              preview_column;
  guint              preview_row;
  guint              preview_index;
  guint              preview_count;

  gboolean           scroll_to_focus;
  gboolean           scroll_to_cell;
  gboolean           sync_pending;

  guint              autoscroll_id;
  double             autoscroll_dx;
  double             autoscroll_dy;
  graphene_point_t   autoscroll_point;   /* pointer, in view coordinates */
};

G_DEFINE_FINAL_TYPE (IpmsPanoramaCanvas, ipms_panorama_canvas, GTK_TYPE_WIDGET)

G_DEFINE_BOXED_TYPE (IpmsProductDrag, ipms_product_drag, ipms_product_drag_copy, ipms_product_drag_free)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTION,
  N_PROPS
};

enum {
  OPEN_PRODUCT,
  CELL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

IpmsProductDrag *
ipms_product_drag_new (const gint64 *ids,
                       guint         n_ids)
{
  IpmsProductDrag *drag = g_new0 (IpmsProductDrag, 1);

  drag->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  g_array_append_vals (drag->ids, ids, n_ids);

  return drag;
}

IpmsProductDrag *
ipms_product_drag_copy (const IpmsProductDrag *drag)
{
  return ipms_product_drag_new ((const gint64 *) drag->ids->data, drag->ids->len);
}

void
ipms_product_drag_free (IpmsProductDrag *drag)
{
  g_array_unref (drag->ids);
  g_free (drag);
}

static void
update_actions (IpmsPanoramaCanvas *self)
{
  gboolean any_placed = FALSE;

  if (self->selection != NULL && self->chart != NULL)
    {
      g_autoptr(GArray) ids = ipms_selection_dup_ids (self->selection);

      for (guint i = 0; i < ids->len && !any_placed; i++)
        any_placed = ipms_panorama_chart_find_product (self->chart, g_array_index (ids, gint64, i),
                                                       NULL, NULL, NULL);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panorama.unplace-selection", any_placed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panorama.move-selection", any_placed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panorama.select-all",
                                 self->chart != NULL && ipms_panorama_chart_get_n_placed (self->chart) > 0);
}

static IpmsCanvasItem *
lookup_item (GHashTable *items,
             gint64      id)
{
  return g_hash_table_lookup (items, &id);
}

static GHashTable *
items_of_kind (IpmsPanoramaCanvas   *self,
               IpmsPanoramaItemKind  kind)
{
  switch (kind)
    {
    case IPMS_PANORAMA_ITEM_PRODUCT:
      return self->product_items;
    case IPMS_PANORAMA_ITEM_COLUMN:
      return self->column_items;
    case IPMS_PANORAMA_ITEM_ROW:
      return self->row_items;
    default:
      g_return_val_if_reached (NULL);
    }
}

static IpmsCanvasItem *
ensure_item (IpmsPanoramaCanvas   *self,
             IpmsPanoramaItemKind  kind,
             gint64                id,
             GHashTable           *stale)
{
  GHashTable *items = items_of_kind (self, kind);
  IpmsCanvasItem *item = lookup_item (items, id);

  if (item == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = id;
      item = IPMS_CANVAS_ITEM (ipms_canvas_item_new (kind, id));
      ipms_canvas_item_set_dark (item, self->dark);
      if (kind != IPMS_PANORAMA_ITEM_PRODUCT)
        ipms_canvas_item_set_radius (item, 0);
      gtk_widget_set_parent (GTK_WIDGET (item), GTK_WIDGET (self));
      g_hash_table_insert (items, key, item);
    }
  else
    {
      g_hash_table_remove (stale, item);
    }

  return item;
}

static char *
dup_product_label (IpmsPanoramaCanvas *self,
                   IpmsRecord         *product,
                   guint               column,
                   guint               row)
{
  g_autofree char *cell = ipms_panorama_chart_dup_cell_label (self->chart, column, row);
  const char *grade = ipms_record_get_string (product, "grade");

  /* Translators: the accessible name of a product chip:
   * "Pet Feeder Mini, grade S, young families × convenience" */
  return g_strdup_printf (_("%s, grade %s, %s"),
                          ipms_record_get_string (product, "name"), grade, cell);
}

static void
sync_items (IpmsPanoramaCanvas *self)
{
  g_autoptr(GHashTable) stale = g_hash_table_new (NULL, NULL);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean lost_focus = FALSE;
  GHashTableIter iter;
  gpointer value;
  guint n_columns = ipms_panorama_chart_get_n_columns (self->chart);
  guint n_rows = ipms_panorama_chart_get_n_rows (self->chart);

  for (GHashTable *tables[] = { self->product_items, self->column_items, self->row_items, NULL }, **t = tables; *t != NULL; t++)
    {
      g_hash_table_iter_init (&iter, *t);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_hash_table_add (stale, value);
    }

  for (guint column = 0; column < n_columns; column++)
    {
      IpmsRecord *x_item = ipms_panorama_chart_get_column_item (self->chart, column);
      IpmsCanvasItem *item = ensure_item (self, IPMS_PANORAMA_ITEM_COLUMN, ipms_record_get_id (x_item), stale);
      /* Translators: accessible name of a column header of the population grid */
      g_autofree char *label = g_strdup_printf (_("Column “%s”"), ipms_record_get_string (x_item, "label"));

      ipms_canvas_item_set_label (item, label);
    }

  for (guint row = 0; row < n_rows; row++)
    {
      IpmsRecord *y_item = ipms_panorama_chart_get_row_item (self->chart, row);
      IpmsCanvasItem *item = ensure_item (self, IPMS_PANORAMA_ITEM_ROW, ipms_record_get_id (y_item), stale);
      /* Translators: accessible name of a row header of the population grid */
      g_autofree char *label = g_strdup_printf (_("Row “%s”"), ipms_record_get_string (y_item, "label"));

      ipms_canvas_item_set_label (item, label);
    }

  for (guint row = 0; row < n_rows; row++)
    for (guint column = 0; column < n_columns; column++)
      {
        GPtrArray *products = ipms_panorama_chart_get_products (self->chart, column, row);

        for (guint i = 0; i < products->len; i++)
          {
            IpmsRecord *product = g_ptr_array_index (products, i);
            gint64 id = ipms_record_get_id (product);
            IpmsCanvasItem *item = ensure_item (self, IPMS_PANORAMA_ITEM_PRODUCT, id, stale);
            g_autofree char *label = dup_product_label (self, product, column, row);

            ipms_canvas_item_set_label (item, label);
            ipms_canvas_item_set_selected (item, self->selection != NULL &&
                                                 ipms_selection_contains (self->selection, id));
          }
      }

  g_hash_table_iter_init (&iter, stale);
  while (g_hash_table_iter_next (&iter, &value, NULL))
    {
      IpmsCanvasItem *item = value;
      gint64 id = ipms_canvas_item_get_id (item);

      if (focus != NULL && (GtkWidget *) item == focus)
        lost_focus = TRUE;

      g_hash_table_remove (items_of_kind (self, ipms_canvas_item_get_kind (item)), &id);
      gtk_widget_unparent (GTK_WIDGET (item));
    }

  if (lost_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self));

  update_actions (self);
}

static void
on_chart_changed (IpmsPanoramaCanvas *self)
{
  g_clear_pointer (&self->static_node, gsk_render_node_unref);

  /* An undo or an import may take away what a drag holds. */
  if (self->drag.kind != DRAG_NONE)
    ipms_panorama_canvas_drag_cancel (self);

  /* Edits made in other sections (a roadmap drag touches products too)
   * are caught up with when the panorama is shown again. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->sync_pending = TRUE;
      return;
    }

  sync_items (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_signal_emit (self, signals[CELL_CHANGED], 0);
}

static void
ipms_panorama_canvas_map (GtkWidget *widget)
{
  IpmsPanoramaCanvas *self = IPMS_PANORAMA_CANVAS (widget);

  if (self->sync_pending && self->chart != NULL)
    {
      self->sync_pending = FALSE;
      sync_items (self);
      gtk_widget_queue_resize (widget);
      g_signal_emit (self, signals[CELL_CHANGED], 0);
    }

  GTK_WIDGET_CLASS (ipms_panorama_canvas_parent_class)->map (widget);
}

static void
on_selection_changed (IpmsPanoramaCanvas *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->product_items);
  while (g_hash_table_iter_next (&iter, &key, &value))
    ipms_canvas_item_set_selected (value, ipms_selection_contains (self->selection, *(gint64 *) key));

  update_actions (self);
}

static void
on_dark_changed (IpmsPanoramaCanvas *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GHashTableIter iter;
  gpointer value;

  self->dark = adw_style_manager_get_dark (manager);

  for (GHashTable *tables[] = { self->product_items, self->column_items, self->row_items, NULL }, **t = tables; *t != NULL; t++)
    {
      g_hash_table_iter_init (&iter, *t);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        ipms_canvas_item_set_dark (value, self->dark);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Selection helpers */

static int
compare_grid_order (gconstpointer a,
                    gconstpointer b,
                    gpointer      data)
{
  IpmsPanoramaChart *chart = data;
  guint ca = 0, ra = 0, ia = 0, cb = 0, rb = 0, ib = 0;

  ipms_panorama_chart_find_product (chart, *(const gint64 *) a, &ca, &ra, &ia);
  ipms_panorama_chart_find_product (chart, *(const gint64 *) b, &cb, &rb, &ib);

  if (ra != rb)
    return ra < rb ? -1 : 1;
  if (ca != cb)
    return ca < cb ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

/* The selected products that are on the grid, in grid order. */
static GArray *
dup_selected_placed (IpmsPanoramaCanvas *self)
{
  g_autoptr(GArray) ids = ipms_selection_dup_ids (self->selection);
  GArray *placed = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (ipms_panorama_chart_find_product (self->chart, id, NULL, NULL, NULL))
        g_array_append_val (placed, id);
    }

  g_array_sort_with_data (placed, compare_grid_order, self->chart);

  return placed;
}

static void
report_error (IpmsPanoramaCanvas *self,
              const char         *what,
              const GError       *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  g_warning ("%s: %s", what, error->message);

  if (!GTK_IS_WINDOW (root))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (root), what, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A destructive edit says what it did, with Undo at hand (GNOME HIG), in
 * the window's one toast; the step is already in the history. */
static void
announce_undoable (IpmsPanoramaCanvas *self,
                   const char         *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.undo-toast", "s", message);
}

static void
set_current_cell_from_product (IpmsPanoramaCanvas *self,
                               gint64              product_id)
{
  guint column, row;

  if (ipms_panorama_chart_find_product (self->chart, product_id, &column, &row, NULL))
    ipms_panorama_canvas_set_current_cell (self,
                                           ipms_record_get_id (ipms_panorama_chart_get_column_item (self->chart, column)),
                                           ipms_record_get_id (ipms_panorama_chart_get_row_item (self->chart, row)));
}

static void
focus_item (IpmsPanoramaCanvas *self,
            GtkWidget          *item)
{
  graphene_rect_t bounds;
  GtkWidget *view;

  if (item == NULL)
    return;

  gtk_widget_grab_focus (item);

  view = gtk_widget_get_ancestor (GTK_WIDGET (self), IPMS_TYPE_CANVAS_VIEW);
  if (view != NULL && gtk_widget_compute_bounds (item, GTK_WIDGET (self), &bounds))
    ipms_canvas_view_scroll_to (IPMS_CANVAS_VIEW (view), &bounds);
}

/* Drawing */

static GskRenderNode *
paint_to_node (IpmsPanoramaCanvas       *self,
               const cairo_rectangle_t  *bounds,
               int                       column,
               int                       row,
               IpmsPanoramaLayer         layer)
{
  IpmsChartPaintOptions options = { self->dark, FALSE, 1.0 };
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  cairo_t *cr;

  /* No background: on screen the chart lies on the view's own. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (bounds->x, bounds->y,
                                                                 bounds->width, bounds->height));
  if (column >= 0)
    ipms_panorama_chart_paint_cell (self->chart, cr, column, row, &options);
  else
    ipms_panorama_chart_paint_layer (self->chart, cr, layer, &options);
  cairo_destroy (cr);

  return gtk_snapshot_free_to_node (snapshot);
}

/* The static layer: the chart's back, one node per cell, its front. After
 * an edit only the cells whose stamp changed are painted again (a move
 * repaints two cells, not two thousand chips). */
static void
ensure_static_node (IpmsPanoramaCanvas *self)
{
  g_autoptr(GHashTable) cells = NULL;
  GskRenderNode *layer;
  GtkSnapshot *snapshot;
  cairo_rectangle_t bounds = { 0, 0, 0, 0 };
  guint n_columns, n_rows;

  if (self->static_node != NULL && self->static_dark == self->dark)
    return;

  if (self->static_dark != self->dark)
    g_hash_table_remove_all (self->cell_nodes);

  g_clear_pointer (&self->static_node, gsk_render_node_unref);
  ipms_chart_get_size (IPMS_CHART (self->chart), &bounds.width, &bounds.height);
  n_columns = ipms_panorama_chart_get_n_columns (self->chart);
  n_rows = ipms_panorama_chart_get_n_rows (self->chart);
  cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) gsk_render_node_unref);

  snapshot = gtk_snapshot_new ();
  layer = paint_to_node (self, &bounds, -1, -1, IPMS_PANORAMA_LAYER_BACK);
  gtk_snapshot_append_node (snapshot, layer);
  gsk_render_node_unref (layer);
  for (guint row = 0; row < n_rows; row++)
    for (guint column = 0; column < n_columns; column++)
      {
        guint64 stamp = ipms_panorama_chart_get_cell_stamp (self->chart, column, row);
        GskRenderNode *node = g_hash_table_lookup (self->cell_nodes, &stamp);
        guint64 *key = g_new (guint64, 1);

        if (node != NULL)
          gsk_render_node_ref (node);
        else
          {
            cairo_rectangle_t cell;

            ipms_panorama_chart_get_cell_rect (self->chart, column, row, &cell);
            node = paint_to_node (self, &cell, column, row, 0);
          }

        gtk_snapshot_append_node (snapshot, node);
        *key = stamp;
        g_hash_table_insert (cells, key, node);
      }
  layer = paint_to_node (self, &bounds, -1, -1, IPMS_PANORAMA_LAYER_FRONT);
  gtk_snapshot_append_node (snapshot, layer);
  gsk_render_node_unref (layer);

  /* Only this layout's cells are kept for the next time. */
  g_hash_table_unref (self->cell_nodes);
  self->cell_nodes = g_steal_pointer (&cells);

  self->static_node = gtk_snapshot_free_to_node (snapshot);
  self->static_dark = self->dark;
}

static void
append_rect (GtkSnapshot             *snapshot,
             const cairo_rectangle_t *rect,
             const IpmsColor         *fill,
             const IpmsColor         *border,
             double                   border_width,
             double                   radius)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (rect->x, rect->y, rect->width, rect->height);
  GskRoundedRect outline;

  gsk_rounded_rect_init_from_rect (&outline, &bounds, radius);

  if (fill != NULL)
    {
      GdkRGBA rgba = { fill->red, fill->green, fill->blue, fill->alpha };

      gtk_snapshot_push_rounded_clip (snapshot, &outline);
      gtk_snapshot_append_color (snapshot, &rgba, &bounds);
      gtk_snapshot_pop (snapshot);
    }

  if (border != NULL)
    {
      GdkRGBA rgba = { border->red, border->green, border->blue, border->alpha };
      GdkRGBA colors[4] = { rgba, rgba, rgba, rgba };
      float widths[4] = { border_width, border_width, border_width, border_width };

      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }
}

/* A frame made of four thin color nodes, not one border node: the renderer
 * repaints the bounds of what changed, and a border's bounds are the whole
 * cell, hundreds of chips on a large grid. */
static void
append_outline (GtkSnapshot             *snapshot,
                const cairo_rectangle_t *rect,
                const IpmsColor         *color,
                double                   width)
{
  GdkRGBA rgba = { color->red, color->green, color->blue, color->alpha };

  gtk_snapshot_append_color (snapshot, &rgba, &GRAPHENE_RECT_INIT (rect->x, rect->y, rect->width, width));
  gtk_snapshot_append_color (snapshot, &rgba, &GRAPHENE_RECT_INIT (rect->x, rect->y + rect->height - width,
                                                                   rect->width, width));
  gtk_snapshot_append_color (snapshot, &rgba, &GRAPHENE_RECT_INIT (rect->x, rect->y + width,
                                                                   width, rect->height - 2 * width));
  gtk_snapshot_append_color (snapshot, &rgba, &GRAPHENE_RECT_INIT (rect->x + rect->width - width, rect->y + width,
                                                                   width, rect->height - 2 * width));
}

static void
snapshot_drop_slot (IpmsPanoramaCanvas     *self,
                    GtkSnapshot            *snapshot,
                    const IpmsChartPalette *palette,
                    guint                   column,
                    guint                   row,
                    guint                   index)
{
  cairo_rectangle_t cell, slot;
  IpmsColor fill = palette->accent;

  ipms_panorama_chart_get_cell_rect (self->chart, column, row, &cell);
  append_outline (snapshot, &cell, &palette->accent, 3);

  /* A bar where the first dropped chip's leading edge will be. */
  ipms_panorama_chart_get_slot_rect (self->chart, column, row, index, &slot);
  fill.alpha = 1;
  append_rect (snapshot, &(cairo_rectangle_t) { slot.x - 1, slot.y - 5, slot.width + 2, 3 },
               &fill, NULL, 0, 1.5);
  fill.alpha = 0.18;
  append_rect (snapshot, &slot, &fill, NULL, 0, 6);
}

static void
snapshot_drag (IpmsPanoramaCanvas     *self,
               GtkSnapshot            *snapshot,
               const IpmsChartPalette *palette)
{
  Drag *drag = &self->drag;

  if (drag->kind == DRAG_RUBBER_BAND)
    {
      IpmsColor fill = palette->accent;
      cairo_rectangle_t rect = {
        MIN (drag->start_x, drag->x), MIN (drag->start_y, drag->y),
        fabs (drag->x - drag->start_x), fabs (drag->y - drag->start_y),
      };

      fill.alpha = 0.15;
      append_rect (snapshot, &rect, &fill, &palette->accent, 1, 0);
    }
  else if (drag->kind == DRAG_COLUMN || drag->kind == DRAG_ROW)
    {
      guint n = drag->kind == DRAG_COLUMN ? ipms_panorama_chart_get_n_columns (self->chart)
                                          : ipms_panorama_chart_get_n_rows (self->chart);
      cairo_rectangle_t first, last, line;
      IpmsColor fill = palette->accent;

      if (n == 0)
        return;

      if (drag->kind == DRAG_COLUMN)
        {
          guint index = ipms_panorama_chart_get_column_drop_index (self->chart, drag->x);
          cairo_rectangle_t bottom;

          ipms_panorama_chart_get_column_header_rect (self->chart, 0, &first);
          ipms_panorama_chart_get_column_header_rect (self->chart, n - 1, &last);
          ipms_panorama_chart_get_cell_rect (self->chart, 0, ipms_panorama_chart_get_n_rows (self->chart) - 1, &bottom);
          line.x = first.x + index * first.width - 2;
          line.y = first.y;
          line.width = 4;
          line.height = bottom.y + bottom.height - first.y;
        }
      else
        {
          guint index = ipms_panorama_chart_get_row_drop_index (self->chart, drag->y);
          cairo_rectangle_t right, r;

          ipms_panorama_chart_get_row_header_rect (self->chart, 0, &first);
          ipms_panorama_chart_get_cell_rect (self->chart, ipms_panorama_chart_get_n_columns (self->chart) - 1, 0, &right);
          if (index < n)
            ipms_panorama_chart_get_row_header_rect (self->chart, index, &r);
          else
            {
              ipms_panorama_chart_get_row_header_rect (self->chart, n - 1, &r);
              r.y += r.height;
            }
          line.x = first.x;
          line.y = r.y - 2;
          line.width = right.x + right.width - first.x;
          line.height = 4;
        }

      append_rect (snapshot, &line, &fill, NULL, 0, 2);
      /* The header follows the pointer, half transparent. */
      {
        IpmsCanvasItem *item = lookup_item (drag->kind == DRAG_COLUMN ? self->column_items : self->row_items,
                                            drag->item_id);
        graphene_rect_t bounds;

        if (item != NULL && gtk_widget_compute_bounds (GTK_WIDGET (item), GTK_WIDGET (self), &bounds))
          {
            cairo_rectangle_t ghost = {
              bounds.origin.x + (drag->kind == DRAG_COLUMN ? drag->x - drag->start_x : 0),
              bounds.origin.y + (drag->kind == DRAG_ROW ? drag->y - drag->start_y : 0),
              bounds.size.width, bounds.size.height,
            };

            fill.alpha = 0.25;
            append_rect (snapshot, &ghost, &fill, &palette->accent, 2, 0);
          }
      }
    }
  else if (drag->kind == DRAG_CHIPS && drag->moved)
    {
      IpmsChartPaintOptions options = { self->dark, FALSE, 1.0 };
      guint n = MIN (drag->ids->len, MAX_GHOSTS);
      double x = drag->x - drag->grab_dx;
      double y = drag->y - drag->grab_dy;
      cairo_t *cr;

      if (drag->target == TARGET_CELL)
        snapshot_drop_slot (self, snapshot, palette, drag->target_column, drag->target_row, drag->target_index);

      cr = gtk_snapshot_append_cairo (snapshot,
                                      &GRAPHENE_RECT_INIT (x - 2, y - 2,
                                                           IPMS_PANORAMA_CHIP_WIDTH + 6 * n + 40,
                                                           IPMS_PANORAMA_CHIP_HEIGHT + 6 * n + 30));
      for (guint i = n; i > 0; i--)
        {
          IpmsRecord *product = ipms_document_get_record (self->document, "product",
                                                          g_array_index (drag->ids, gint64, i - 1));

          if (product == NULL)
            continue;

          cairo_push_group (cr);
          ipms_panorama_chart_paint_chip (self->chart, cr, product,
                                          x + 6 * (i - 1), y + 6 * (i - 1), &options);
          cairo_pop_group_to_source (cr);
          cairo_paint_with_alpha (cr, drag->target == TARGET_NONE ? 0.55 : 0.9);
        }

      if (drag->ids->len > 1)
        {
          g_autofree char *count = g_strdup_printf ("%u", drag->ids->len);
          g_autoptr(PangoLayout) layout = ipms_chart_style_create_layout (cr, IPMS_CHART_FONT_BODY_BOLD, count, -1);
          int w, h;
          double cx = x + IPMS_PANORAMA_CHIP_WIDTH + 6 * (n - 1);
          double cy = y;

          pango_layout_get_pixel_size (layout, &w, &h);
          ipms_chart_style_rounded_rectangle (cr, cx - (w + 12) / 2.0, cy - (h + 4) / 2.0, w + 12, h + 4, (h + 4) / 2.0);
          ipms_chart_style_set_source (cr, &palette->accent);
          cairo_fill (cr);
          ipms_chart_style_show_layout (cr, layout, cx - w / 2.0, cy - h / 2.0, &palette->on_accent);
        }

      cairo_destroy (cr);
    }
}

static void
ipms_panorama_canvas_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  IpmsPanoramaCanvas *self = IPMS_PANORAMA_CANVAS (widget);
  const IpmsChartPalette *palette = ipms_chart_style_get_palette (self->dark);

  if (self->chart == NULL)
    return;

  ensure_static_node (self);
  gtk_snapshot_append_node (snapshot, self->static_node);

  if (self->cell_x_item != 0 && self->drag.kind == DRAG_NONE && !self->preview_active)
    {
      guint column, row;
      gint64 segment = ipms_panorama_find_segment (self->document, self->cell_x_item, self->cell_y_item);

      if (segment != 0 && ipms_panorama_chart_find_segment (self->chart, segment, &column, &row))
        {
          cairo_rectangle_t cell;

          ipms_panorama_chart_get_cell_rect (self->chart, column, row, &cell);
          append_outline (snapshot, &(cairo_rectangle_t) { cell.x + 1, cell.y + 1, cell.width - 2, cell.height - 2 },
                          &palette->accent, 2);
        }
    }

  /* The header being renamed: its painted name must not show through the entry. */
  if (self->rename_entry != NULL)
    {
      IpmsCanvasItem *header = lookup_item (self->column_items, self->rename_item_id);
      graphene_rect_t bounds;

      if (header == NULL)
        header = lookup_item (self->row_items, self->rename_item_id);
      if (header != NULL && gtk_widget_compute_bounds (GTK_WIDGET (header), widget, &bounds))
        append_rect (snapshot,
                     &(cairo_rectangle_t) { bounds.origin.x + 1, bounds.origin.y + 1,
                                            bounds.size.width - 2, bounds.size.height - 2 },
                     &palette->header, NULL, 0, 0);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_NATIVE (child))
      gtk_widget_snapshot_child (widget, child, snapshot);

  if (self->preview_active)
    snapshot_drop_slot (self, snapshot, palette, self->preview_column, self->preview_row, self->preview_index);

  snapshot_drag (self, snapshot, palette);
}

/* Layout */

static void
ipms_panorama_canvas_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  IpmsPanoramaCanvas *self = IPMS_PANORAMA_CANVAS (widget);
  double width = 0, height = 0;

  if (self->chart != NULL)
    ipms_chart_get_size (IPMS_CHART (self->chart), &width, &height);

  *minimum = *natural = (int) ceil (orientation == GTK_ORIENTATION_HORIZONTAL ? width : height);
}

static void
allocate_at (GtkWidget               *child,
             const cairo_rectangle_t *rect)
{
  gtk_widget_allocate (child, (int) rect->width, (int) rect->height, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (rect->x, rect->y)));
}

static void
ipms_panorama_canvas_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  IpmsPanoramaCanvas *self = IPMS_PANORAMA_CANVAS (widget);
  guint n_columns, n_rows;

  if (self->chart == NULL)
    return;

  n_columns = ipms_panorama_chart_get_n_columns (self->chart);
  n_rows = ipms_panorama_chart_get_n_rows (self->chart);

  for (guint column = 0; column < n_columns; column++)
    {
      IpmsCanvasItem *item = lookup_item (self->column_items,
                                          ipms_record_get_id (ipms_panorama_chart_get_column_item (self->chart, column)));
      cairo_rectangle_t rect;

      ipms_panorama_chart_get_column_header_rect (self->chart, column, &rect);
      if (item != NULL)
        allocate_at (GTK_WIDGET (item), &rect);
      if (self->rename_entry != NULL &&
          self->rename_item_id == ipms_record_get_id (ipms_panorama_chart_get_column_item (self->chart, column)))
        allocate_at (self->rename_entry, &(cairo_rectangle_t) { rect.x + 8, rect.y + 10, rect.width - 16, rect.height - 20 });
    }

  for (guint row = 0; row < n_rows; row++)
    {
      IpmsCanvasItem *item = lookup_item (self->row_items,
                                          ipms_record_get_id (ipms_panorama_chart_get_row_item (self->chart, row)));
      cairo_rectangle_t rect;

      ipms_panorama_chart_get_row_header_rect (self->chart, row, &rect);
      if (item != NULL)
        allocate_at (GTK_WIDGET (item), &rect);
      if (self->rename_entry != NULL &&
          self->rename_item_id == ipms_record_get_id (ipms_panorama_chart_get_row_item (self->chart, row)))
        allocate_at (self->rename_entry, &(cairo_rectangle_t) { rect.x + 6, rect.y + rect.height / 2 - 18, rect.width - 12, 36 });
    }

  for (guint row = 0; row < n_rows; row++)
    for (guint column = 0; column < n_columns; column++)
      {
        GPtrArray *products = ipms_panorama_chart_get_products (self->chart, column, row);

        for (guint i = 0; i < products->len; i++)
          {
            IpmsCanvasItem *item = lookup_item (self->product_items,
                                                ipms_record_get_id (g_ptr_array_index (products, i)));
            cairo_rectangle_t slot;

            if (item == NULL)
              continue;

            ipms_panorama_chart_get_slot_rect (self->chart, column, row, i, &slot);
            allocate_at (GTK_WIDGET (item), &slot);
          }
      }

  if (self->menu != NULL)
    ipms_canvas_menu_allocate (IPMS_CANVAS_MENU (self->menu));

  if (self->scroll_to_cell)
    {
      guint column, row;
      gint64 segment = self->cell_x_item != 0
                         ? ipms_panorama_find_segment (self->document, self->cell_x_item, self->cell_y_item) : 0;
      GtkWidget *view = gtk_widget_get_ancestor (widget, IPMS_TYPE_CANVAS_VIEW);

      self->scroll_to_cell = FALSE;
      if (view != NULL && segment != 0 && ipms_panorama_chart_find_segment (self->chart, segment, &column, &row))
        {
          cairo_rectangle_t cell;

          ipms_panorama_chart_get_cell_rect (self->chart, column, row, &cell);
          ipms_canvas_view_scroll_to (IPMS_CANVAS_VIEW (view),
                                      &GRAPHENE_RECT_INIT (cell.x, cell.y, cell.width, cell.height));
        }
    }

  if (self->scroll_to_focus)
    {
      GtkRoot *root = gtk_widget_get_root (widget);
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      self->scroll_to_focus = FALSE;
      if (focus != NULL && gtk_widget_get_parent (focus) == widget)
        focus_item (self, focus);
    }
}

/* Interaction layer */

static void
set_unplace_highlight (IpmsPanoramaCanvas *self,
                       gboolean            active)
{
  if (self->unplace_target == NULL)
    return;

  /* Adwaita outlines a widget in this state as a drop target. */
  if (active)
    gtk_widget_set_state_flags (self->unplace_target, GTK_STATE_FLAG_DROP_ACTIVE, FALSE);
  else
    gtk_widget_unset_state_flags (self->unplace_target, GTK_STATE_FLAG_DROP_ACTIVE);
}

static void
drag_reset (IpmsPanoramaCanvas *self)
{
  Drag *drag = &self->drag;

  set_unplace_highlight (self, FALSE);
  if (self->autoscroll_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->autoscroll_id);
      self->autoscroll_id = 0;
    }

  g_clear_pointer (&drag->ids, g_array_unref);
  g_clear_pointer (&drag->selection_before, g_array_unref);
  memset (drag, 0, sizeof *drag);
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
ipms_panorama_canvas_drag_begin (IpmsPanoramaCanvas *self,
                                 double              x,
                                 double              y,
                                 GdkModifierType     state)
{
  Drag *drag = &self->drag;
  IpmsPanoramaHit hit;
  gboolean adding = (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) != 0;

  g_return_val_if_fail (IPMS_IS_PANORAMA_CANVAS (self), FALSE);

  if (drag->kind != DRAG_NONE)
    ipms_panorama_canvas_drag_cancel (self);

  ipms_panorama_chart_hit_test (self->chart, x, y, &hit);
  if (hit.kind == IPMS_PANORAMA_HIT_NONE)
    return FALSE;

  if (self->rename_entry != NULL)
    ipms_panorama_canvas_finish_rename (self, TRUE);

  drag->start_x = drag->x = x;
  drag->start_y = drag->y = y;
  drag->selection_before = ipms_selection_dup_ids (self->selection);

  switch (hit.kind)
    {
    case IPMS_PANORAMA_HIT_CHIP:
      {
        cairo_rectangle_t slot;

        drag->kind = DRAG_CHIPS;
        drag->pressed_id = hit.product_id;
        if (!ipms_selection_contains (self->selection, hit.product_id))
          {
            if (adding)
              ipms_selection_add (self->selection, hit.product_id);
            else
              ipms_selection_select_only (self->selection, hit.product_id);
          }
        else if (adding)
          drag->toggle_on_click = TRUE;
        else
          drag->select_only_on_click = TRUE;

        ipms_panorama_chart_get_slot_rect (self->chart, hit.column, hit.row, hit.index, &slot);
        drag->grab_dx = x - slot.x;
        drag->grab_dy = y - slot.y;
        drag->ids = dup_selected_placed (self);
        focus_item (self, GTK_WIDGET (lookup_item (self->product_items, hit.product_id)));
        set_current_cell_from_product (self, hit.product_id);
      }
      break;

    case IPMS_PANORAMA_HIT_COLUMN_HEADER:
      drag->kind = DRAG_COLUMN;
      drag->item_id = ipms_record_get_id (ipms_panorama_chart_get_column_item (self->chart, hit.column));
      focus_item (self, GTK_WIDGET (lookup_item (self->column_items, drag->item_id)));
      break;

    case IPMS_PANORAMA_HIT_ROW_HEADER:
      drag->kind = DRAG_ROW;
      drag->item_id = ipms_record_get_id (ipms_panorama_chart_get_row_item (self->chart, hit.row));
      focus_item (self, GTK_WIDGET (lookup_item (self->row_items, drag->item_id)));
      break;

    case IPMS_PANORAMA_HIT_CELL:
    case IPMS_PANORAMA_HIT_CORNER:
      drag->kind = DRAG_RUBBER_BAND;
      if (!adding)
        {
          g_array_set_size (drag->selection_before, 0);
          ipms_selection_clear (self->selection);
        }
      if (hit.kind == IPMS_PANORAMA_HIT_CELL)
        ipms_panorama_canvas_set_current_cell (self,
                                               ipms_record_get_id (ipms_panorama_chart_get_column_item (self->chart, hit.column)),
                                               ipms_record_get_id (ipms_panorama_chart_get_row_item (self->chart, hit.row)));
      gtk_widget_grab_focus (GTK_WIDGET (self));
      break;

    case IPMS_PANORAMA_HIT_NONE:
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

static gboolean
over_unplace_target (IpmsPanoramaCanvas *self,
                     double              x,
                     double              y)
{
  graphene_point_t point;

  if (self->unplace_target == NULL || !gtk_widget_get_mapped (self->unplace_target))
    return FALSE;

  if (!gtk_widget_compute_point (GTK_WIDGET (self), self->unplace_target,
                                 &GRAPHENE_POINT_INIT (x, y), &point))
    return FALSE;

  return gtk_widget_contains (self->unplace_target, point.x, point.y);
}

static void
update_rubber_band (IpmsPanoramaCanvas *self)
{
  Drag *drag = &self->drag;
  double x0 = MIN (drag->start_x, drag->x), x1 = MAX (drag->start_x, drag->x);
  double y0 = MIN (drag->start_y, drag->y), y1 = MAX (drag->start_y, drag->y);
  g_autoptr(GArray) ids = g_array_copy (drag->selection_before);
  guint n_columns = ipms_panorama_chart_get_n_columns (self->chart);
  guint n_rows = ipms_panorama_chart_get_n_rows (self->chart);

  for (guint row = 0; row < n_rows; row++)
    for (guint column = 0; column < n_columns; column++)
      {
        GPtrArray *products = ipms_panorama_chart_get_products (self->chart, column, row);
        cairo_rectangle_t cell;

        ipms_panorama_chart_get_cell_rect (self->chart, column, row, &cell);
        if (cell.x > x1 || cell.x + cell.width < x0 || cell.y > y1 || cell.y + cell.height < y0)
          continue;

        for (guint i = 0; i < products->len; i++)
          {
            cairo_rectangle_t slot;
            gint64 id;

            ipms_panorama_chart_get_slot_rect (self->chart, column, row, i, &slot);
            if (slot.x > x1 || slot.x + slot.width < x0 || slot.y > y1 || slot.y + slot.height < y0)
              continue;

            id = ipms_record_get_id (g_ptr_array_index (products, i));
            g_array_append_val (ids, id);
          }
      }

  ipms_selection_set (self->selection, (const gint64 *) ids->data, ids->len);
}

static gboolean
autoscroll_tick (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  IpmsPanoramaCanvas *self = IPMS_PANORAMA_CANVAS (widget);
  GtkWidget *view = gtk_widget_get_ancestor (widget, IPMS_TYPE_CANVAS_VIEW);
  graphene_point_t point;

  if (view == NULL || self->drag.kind == DRAG_NONE ||
      (self->autoscroll_dx == 0 && self->autoscroll_dy == 0))
    {
      self->autoscroll_id = 0;
      return G_SOURCE_REMOVE;
    }

  ipms_canvas_view_pan_by (IPMS_CANVAS_VIEW (view), self->autoscroll_dx, self->autoscroll_dy);

  /* The pointer stands still over a moving chart: drag to what is under it now. */
  if (gtk_widget_compute_point (view, widget, &self->autoscroll_point, &point))
    ipms_panorama_canvas_drag_update (self, point.x, point.y);

  return G_SOURCE_CONTINUE;
}

static double
autoscroll_step (double position,
                 double size)
{
  double step = 0;

  if (position < 0 || position > size)
    return 0;
  if (position < AUTOSCROLL_EDGE)
    step = -(AUTOSCROLL_EDGE - position) / AUTOSCROLL_EDGE * AUTOSCROLL_MAX_STEP;
  else if (position > size - AUTOSCROLL_EDGE)
    step = (position - (size - AUTOSCROLL_EDGE)) / AUTOSCROLL_EDGE * AUTOSCROLL_MAX_STEP;

  return step;
}

static void
update_autoscroll (IpmsPanoramaCanvas *self,
                   double              x,
                   double              y)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), IPMS_TYPE_CANVAS_VIEW);
  graphene_point_t point;

  self->autoscroll_dx = self->autoscroll_dy = 0;
  if (view == NULL || !gtk_widget_compute_point (GTK_WIDGET (self), view, &GRAPHENE_POINT_INIT (x, y), &point))
    return;

  /* Only while the pointer is over the view: not over the palette. */
  if (point.x >= 0 && point.y >= 0 &&
      point.x <= gtk_widget_get_width (view) && point.y <= gtk_widget_get_height (view))
    {
      self->autoscroll_dx = autoscroll_step (point.x, gtk_widget_get_width (view));
      self->autoscroll_dy = autoscroll_step (point.y, gtk_widget_get_height (view));
    }
  self->autoscroll_point = point;

  if ((self->autoscroll_dx != 0 || self->autoscroll_dy != 0) && self->autoscroll_id == 0)
    self->autoscroll_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), autoscroll_tick, NULL, NULL);
}

void
ipms_panorama_canvas_drag_update (IpmsPanoramaCanvas *self,
                                  double              x,
                                  double              y)
{
  Drag *drag = &self->drag;

  g_return_if_fail (IPMS_IS_PANORAMA_CANVAS (self));

  if (drag->kind == DRAG_NONE)
    return;

  drag->x = x;
  drag->y = y;

  if (!drag->moved && hypot (x - drag->start_x, y - drag->start_y) < DRAG_THRESHOLD)
    return;

  drag->moved = TRUE;

  switch (drag->kind)
    {
    case DRAG_CHIPS:
      {
        IpmsPanoramaHit hit;

        gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
        ipms_panorama_chart_hit_test (self->chart, x, y, &hit);
        if (hit.kind == IPMS_PANORAMA_HIT_CELL || hit.kind == IPMS_PANORAMA_HIT_CHIP)
          {
            drag->target = TARGET_CELL;
            drag->target_column = hit.column;
            drag->target_row = hit.row;
            drag->target_index = ipms_panorama_chart_get_drop_index (self->chart, hit.column, hit.row, x, y);
          }
        else if (over_unplace_target (self, x, y))
          drag->target = TARGET_UNPLACE;
        else
          drag->target = TARGET_NONE;
        set_unplace_highlight (self, drag->target == TARGET_UNPLACE);
      }
      break;

    case DRAG_COLUMN:
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "col-resize");
      break;

    case DRAG_ROW:
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "row-resize");
      break;

    case DRAG_RUBBER_BAND:
      update_rubber_band (self);
      break;

    case DRAG_NONE:
    default:
      break;
    }

  update_autoscroll (self, x, y);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
finish_click (IpmsPanoramaCanvas *self)
{
  Drag *drag = &self->drag;

  if (drag->kind != DRAG_CHIPS)
    return;

  if (drag->toggle_on_click)
    ipms_selection_remove (self->selection, drag->pressed_id);
  else if (drag->select_only_on_click)
    ipms_selection_select_only (self->selection, drag->pressed_id);
}

void
ipms_panorama_canvas_drag_end (IpmsPanoramaCanvas *self,
                               double              x,
                               double              y)
{
  Drag *drag = &self->drag;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  g_return_if_fail (IPMS_IS_PANORAMA_CANVAS (self));

  if (drag->kind == DRAG_NONE)
    return;

  ipms_panorama_canvas_drag_update (self, x, y);

  if (!drag->moved)
    {
      finish_click (self);
      drag_reset (self);
      return;
    }

  /* The drag state goes first: the edit relayouts the chart, whose
   * "changed" handler would otherwise cancel a drag still in progress. */
  switch (drag->kind)
    {
    case DRAG_CHIPS:
      {
        g_autoptr(GArray) ids = g_array_ref (drag->ids);
        DropTarget target = drag->target;
        guint column = drag->target_column, row = drag->target_row, index = drag->target_index;

        drag_reset (self);

        if (target == TARGET_CELL && ids->len > 0)
          ok = ipms_panorama_place_products (self->document, (const gint64 *) ids->data, ids->len,
                                             ipms_record_get_id (ipms_panorama_chart_get_column_item (self->chart, column)),
                                             ipms_record_get_id (ipms_panorama_chart_get_row_item (self->chart, row)),
                                             index, NULL, &error);
        else if (target == TARGET_UNPLACE && ids->len > 0)
          ok = ipms_panorama_unplace_products (self->document, (const gint64 *) ids->data, ids->len, &error);
        if (!ok)
          report_error (self, _("Could not move the products"), error);
      }
      break;

    case DRAG_COLUMN:
    case DRAG_ROW:
      {
        gint64 item_id = drag->item_id;
        guint index = drag->kind == DRAG_COLUMN
                        ? ipms_panorama_chart_get_column_drop_index (self->chart, x)
                        : ipms_panorama_chart_get_row_drop_index (self->chart, y);

        drag_reset (self);
        if (!ipms_panorama_move_axis_item (self->document, item_id, index, &error))
          report_error (self, _("Could not move the row or column"), error);
      }
      break;

    case DRAG_RUBBER_BAND:
    case DRAG_NONE:
    default:
      drag_reset (self);
      break;
    }
}

void
ipms_panorama_canvas_drag_cancel (IpmsPanoramaCanvas *self)
{
  Drag *drag = &self->drag;

  g_return_if_fail (IPMS_IS_PANORAMA_CANVAS (self));

  if (drag->kind == DRAG_NONE)
    return;

  /* Only the rubber band changed anything while dragging. */
  if (drag->kind == DRAG_RUBBER_BAND && drag->selection_before != NULL)
    ipms_selection_set (self->selection, (const gint64 *) drag->selection_before->data,
                        drag->selection_before->len);

  drag_reset (self);
}

gboolean
ipms_panorama_canvas_is_dragging (IpmsPanoramaCanvas *self)
{
  g_return_val_if_fail (IPMS_IS_PANORAMA_CANVAS (self), FALSE);

  return self->drag.kind != DRAG_NONE;
}

gboolean
ipms_panorama_canvas_activate_at (IpmsPanoramaCanvas *self,
                                  double              x,
                                  double              y)
{
  IpmsPanoramaHit hit;

  g_return_val_if_fail (IPMS_IS_PANORAMA_CANVAS (self), FALSE);

  ipms_panorama_chart_hit_test (self->chart, x, y, &hit);

  switch (hit.kind)
    {
    case IPMS_PANORAMA_HIT_CHIP:
      g_signal_emit (self, signals[OPEN_PRODUCT], 0, hit.product_id);
      return TRUE;

    case IPMS_PANORAMA_HIT_COLUMN_HEADER:
      return ipms_panorama_canvas_begin_rename (self, ipms_record_get_id (ipms_panorama_chart_get_column_item (self->chart, hit.column)));

    case IPMS_PANORAMA_HIT_ROW_HEADER:
      return ipms_panorama_canvas_begin_rename (self, ipms_record_get_id (ipms_panorama_chart_get_row_item (self->chart, hit.row)));

    case IPMS_PANORAMA_HIT_CELL:
      gtk_widget_activate_action (GTK_WIDGET (self), "panorama.new-product", "(xx)",
                                  ipms_record_get_id (ipms_panorama_chart_get_column_item (self->chart, hit.column)),
                                  ipms_record_get_id (ipms_panorama_chart_get_row_item (self->chart, hit.row)));
      return TRUE;

    case IPMS_PANORAMA_HIT_CORNER:
    case IPMS_PANORAMA_HIT_NONE:
    default:
      return FALSE;
    }
}

gboolean
ipms_panorama_canvas_preview_drop (IpmsPanoramaCanvas *self,
                                   guint               n_products,
                                   double              x,
                                   double              y)
{
  IpmsPanoramaHit hit;

  g_return_val_if_fail (IPMS_IS_PANORAMA_CANVAS (self), FALSE);

  ipms_panorama_chart_hit_test (self->chart, x, y, &hit);
  if (hit.kind != IPMS_PANORAMA_HIT_CELL && hit.kind != IPMS_PANORAMA_HIT_CHIP)
    {
      ipms_panorama_canvas_clear_preview (self);
      return FALSE;
    }

  self->preview_active = TRUE;
  self->preview_column = hit.column;
  self->preview_row = hit.row;
  self->preview_index = ipms_panorama_chart_get_drop_index (self->chart, hit.column, hit.row, x, y);
  self->preview_count = n_products;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return TRUE;
}

void
ipms_panorama_canvas_clear_preview (IpmsPanoramaCanvas *self)
{
  g_return_if_fail (IPMS_IS_PANORAMA_CANVAS (self));

  if (!self->preview_active)
    return;

  self->preview_active = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
ipms_panorama_canvas_drop_products (IpmsPanoramaCanvas *self,
                                    const gint64       *ids,
                                    guint               n_ids,
                                    double              x,
                                    double              y)
{
  g_autoptr(GError) error = NULL;
  IpmsPanoramaHit hit;
  guint index;

  g_return_val_if_fail (IPMS_IS_PANORAMA_CANVAS (self), FALSE);

  ipms_panorama_canvas_clear_preview (self);

  ipms_panorama_chart_hit_test (self->chart, x, y, &hit);
  if (n_ids == 0 || (hit.kind != IPMS_PANORAMA_HIT_CELL && hit.kind != IPMS_PANORAMA_HIT_CHIP))
    return FALSE;

  index = ipms_panorama_chart_get_drop_index (self->chart, hit.column, hit.row, x, y);
  if (!ipms_panorama_place_products (self->document, ids, n_ids,
                                     ipms_record_get_id (ipms_panorama_chart_get_column_item (self->chart, hit.column)),
                                     ipms_record_get_id (ipms_panorama_chart_get_row_item (self->chart, hit.row)),
                                     index, NULL, &error))
    {
      report_error (self, _("Could not place the products"), error);
      return FALSE;
    }

  ipms_selection_set (self->selection, ids, n_ids);
  set_current_cell_from_product (self, ids[0]);

  return TRUE;
}

/* Inline rename */

static void
on_rename_activate (IpmsPanoramaCanvas *self)
{
  ipms_panorama_canvas_finish_rename (self, TRUE);
}

static gboolean
on_rename_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       IpmsPanoramaCanvas    *self)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;

  ipms_panorama_canvas_finish_rename (self, FALSE);
  return TRUE;
}

static gboolean
commit_rename_idle (gpointer data)
{
  IpmsPanoramaCanvas *self = IPMS_PANORAMA_CANVAS (data);
  GtkWidget *entry = self->rename_entry;
  GtkRoot *root;
  GtkWidget *focus;

  if (entry == NULL || (root = gtk_widget_get_root (entry)) == NULL)
    return G_SOURCE_REMOVE;

  /* Switching to another window is no reason to end the rename, and the
   * focus may have come back in the meantime. */
  if (GTK_IS_WINDOW (root) && !gtk_window_is_active (GTK_WINDOW (root)))
    return G_SOURCE_REMOVE;
  focus = gtk_root_get_focus (root);
  if (focus != NULL && (focus == entry || gtk_widget_is_ancestor (focus, entry)))
    return G_SOURCE_REMOVE;

  ipms_panorama_canvas_finish_rename (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
on_rename_focus_leave (IpmsPanoramaCanvas *self)
{
  /* Leaving the entry keeps what was typed, as in a file manager; not from
   * inside the focus change itself, which is still moving focus around. */
  if (self->rename_entry != NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT, commit_rename_idle, g_object_ref (self), g_object_unref);
}

gboolean
ipms_panorama_canvas_begin_rename (IpmsPanoramaCanvas *self,
                                   gint64              item_id)
{
  IpmsRecord *item;
  GtkEventController *controller;

  g_return_val_if_fail (IPMS_IS_PANORAMA_CANVAS (self), FALSE);

  item = ipms_document_get_record (self->document, "axis_item", item_id);
  if (item == NULL)
    return FALSE;

  if (self->rename_entry != NULL)
    ipms_panorama_canvas_finish_rename (self, TRUE);

  self->rename_item_id = item_id;
  self->rename_entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (self->rename_entry), ipms_record_get_string (item, "label"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rename_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  strcmp (ipms_record_get_string (item, "axis"), "x") == 0
                                    ? _("Column name") : _("Row name"),
                                  -1);
  g_signal_connect_swapped (self->rename_entry, "activate", G_CALLBACK (on_rename_activate), self);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_rename_key_pressed), self);
  gtk_widget_add_controller (self->rename_entry, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_rename_focus_leave), self);
  gtk_widget_add_controller (self->rename_entry, controller);

  gtk_widget_set_parent (self->rename_entry, GTK_WIDGET (self));
  gtk_widget_grab_focus (self->rename_entry);
  gtk_editable_select_region (GTK_EDITABLE (self->rename_entry), 0, -1);
  gtk_widget_queue_allocate (GTK_WIDGET (self));

  return TRUE;
}

GtkEditable *
ipms_panorama_canvas_get_rename_entry (IpmsPanoramaCanvas *self)
{
  g_return_val_if_fail (IPMS_IS_PANORAMA_CANVAS (self), NULL);

  return self->rename_entry != NULL ? GTK_EDITABLE (self->rename_entry) : NULL;
}

void
ipms_panorama_canvas_finish_rename (IpmsPanoramaCanvas *self,
                                    gboolean            commit)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 item_id = self->rename_item_id;
  GtkWidget *entry = self->rename_entry;
  GtkWidget *focus;
  IpmsCanvasItem *header;

  g_return_if_fail (IPMS_IS_PANORAMA_CANVAS (self));

  if (entry == NULL || self->finishing_rename)
    return;

  self->finishing_rename = TRUE;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  self->rename_entry = NULL;
  self->rename_item_id = 0;

  header = lookup_item (self->column_items, item_id);
  if (header == NULL)
    header = lookup_item (self->row_items, item_id);
  /* The focus is on the entry's text child, not on the entry itself. */
  if (gtk_widget_get_root (entry) != NULL &&
      (focus = gtk_root_get_focus (gtk_widget_get_root (entry))) != NULL &&
      (focus == entry || gtk_widget_is_ancestor (focus, entry)))
    {
      if (header != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (header));
      else
        gtk_widget_grab_focus (GTK_WIDGET (self));
    }
  gtk_widget_unparent (entry);

  if (commit && text[0] != '\0' &&
      !ipms_panorama_rename_axis_item (self->document, item_id, text, &error))
    report_error (self, _("Could not rename"), error);

  self->finishing_rename = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Keyboard */

static IpmsCanvasItem *
get_focus_item (IpmsPanoramaCanvas *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && IPMS_IS_CANVAS_ITEM (focus) && gtk_widget_get_parent (focus) == GTK_WIDGET (self))
    return IPMS_CANVAS_ITEM (focus);

  return NULL;
}

static GtkWidget *
first_item (IpmsPanoramaCanvas *self)
{
  gint64 lead = self->selection != NULL ? ipms_selection_get_lead (self->selection) : 0;
  IpmsCanvasItem *item = lead != 0 ? lookup_item (self->product_items, lead) : NULL;
  guint n_columns = ipms_panorama_chart_get_n_columns (self->chart);
  guint n_rows = ipms_panorama_chart_get_n_rows (self->chart);

  if (item != NULL)
    return GTK_WIDGET (item);

  for (guint row = 0; row < n_rows; row++)
    for (guint column = 0; column < n_columns; column++)
      {
        GPtrArray *products = ipms_panorama_chart_get_products (self->chart, column, row);

        if (products->len > 0)
          return GTK_WIDGET (lookup_item (self->product_items, ipms_record_get_id (g_ptr_array_index (products, 0))));
      }

  if (n_columns > 0)
    return GTK_WIDGET (lookup_item (self->column_items,
                                    ipms_record_get_id (ipms_panorama_chart_get_column_item (self->chart, 0))));

  return NULL;
}

/* The item nearest to `from` in a direction: centres within a 45° cone,
 * distance along the direction plus twice the distance across it. */
static GtkWidget *
find_neighbour (IpmsPanoramaCanvas *self,
                GtkWidget          *from,
                GtkDirectionType    direction)
{
  graphene_rect_t origin;
  GtkWidget *best = NULL;
  double best_score = G_MAXDOUBLE;
  double ox, oy;

  if (!gtk_widget_compute_bounds (from, GTK_WIDGET (self), &origin))
    return NULL;

  ox = origin.origin.x + origin.size.width / 2;
  oy = origin.origin.y + origin.size.height / 2;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;
      double dx, dy, along, across;

      if (child == from || !IPMS_IS_CANVAS_ITEM (child) ||
          !gtk_widget_compute_bounds (child, GTK_WIDGET (self), &bounds))
        continue;

      dx = bounds.origin.x + bounds.size.width / 2 - ox;
      dy = bounds.origin.y + bounds.size.height / 2 - oy;

      switch (direction)
        {
        case GTK_DIR_LEFT: along = -dx; across = fabs (dy); break;
        case GTK_DIR_RIGHT: along = dx; across = fabs (dy); break;
        case GTK_DIR_UP: along = -dy; across = fabs (dx); break;
        case GTK_DIR_DOWN: along = dy; across = fabs (dx); break;
        case GTK_DIR_TAB_FORWARD:
        case GTK_DIR_TAB_BACKWARD:
        default:
          return NULL;
        }

      if (along <= 1 || across > along)
        continue;

      if (along + 2 * across < best_score)
        {
          best_score = along + 2 * across;
          best = child;
        }
    }

  return best;
}

static void
move_selection_to_neighbour (IpmsPanoramaCanvas *self,
                             const char         *direction)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = dup_selected_placed (self);
  IpmsCanvasItem *focus = get_focus_item (self);
  gint64 anchor = focus != NULL && ipms_canvas_item_get_kind (focus) == IPMS_PANORAMA_ITEM_PRODUCT
                    ? ipms_canvas_item_get_id (focus) : ipms_selection_get_lead (self->selection);
  guint column, row, index;
  int target_column, target_row;

  if (ids->len == 0 || !ipms_panorama_chart_find_product (self->chart, anchor, &column, &row, &index))
    return;

  target_column = column;
  target_row = row;
  if (strcmp (direction, "left") == 0)
    target_column--;
  else if (strcmp (direction, "right") == 0)
    target_column++;
  else if (strcmp (direction, "up") == 0)
    target_row--;
  else if (strcmp (direction, "down") == 0)
    target_row++;

  if (target_column < 0 || target_row < 0 ||
      target_column >= (int) ipms_panorama_chart_get_n_columns (self->chart) ||
      target_row >= (int) ipms_panorama_chart_get_n_rows (self->chart))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  self->scroll_to_focus = TRUE;
  if (!ipms_panorama_place_products (self->document, (const gint64 *) ids->data, ids->len,
                                     ipms_record_get_id (ipms_panorama_chart_get_column_item (self->chart, target_column)),
                                     ipms_record_get_id (ipms_panorama_chart_get_row_item (self->chart, target_row)),
                                     index, KEYBOARD_MOVE_KEY, &error))
    report_error (self, _("Could not move the products"), error);
  else
    set_current_cell_from_product (self, anchor);
}

static void
popup_menu_at (IpmsPanoramaCanvas    *self,
               const graphene_rect_t *rect,
               GtkWidget             *return_focus);

/* The Menu key or Shift+F10: the menu of the focused item, pointing at it
 * (scrolled into sight first, so that the menu never opens off screen). */
static gboolean
popup_menu_for_focus (IpmsPanoramaCanvas *self,
                      IpmsCanvasItem     *focus)
{
  graphene_rect_t bounds;

  if (focus == NULL || !gtk_widget_compute_bounds (GTK_WIDGET (focus), GTK_WIDGET (self), &bounds))
    return FALSE;

  focus_item (self, GTK_WIDGET (focus));
  popup_menu_at (self, &bounds, GTK_WIDGET (focus));
  return TRUE;
}

/* Arrow keys: focus the nearest item that way; a chip reached is selected
 * (added to the selection when extending, with Shift). */
static gboolean
move_focus (IpmsPanoramaCanvas *self,
            IpmsCanvasItem     *from,
            GtkDirectionType    direction,
            gboolean            extend)
{
  GtkWidget *next = find_neighbour (self, GTK_WIDGET (from), direction);

  if (next == NULL)
    return FALSE;

  focus_item (self, next);
  if (ipms_canvas_item_get_kind (IPMS_CANVAS_ITEM (next)) == IPMS_PANORAMA_ITEM_PRODUCT)
    {
      gint64 next_id = ipms_canvas_item_get_id (IPMS_CANVAS_ITEM (next));

      if (extend)
        ipms_selection_add (self->selection, next_id);
      else
        ipms_selection_select_only (self->selection, next_id);
      set_current_cell_from_product (self, next_id);
    }

  return TRUE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                IpmsPanoramaCanvas    *self)
{
  IpmsCanvasItem *focus = get_focus_item (self);
  gboolean control = (state & GDK_CONTROL_MASK) != 0;
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  int kind = focus != NULL ? ipms_canvas_item_get_kind (focus) : -1;
  gint64 id = focus != NULL ? ipms_canvas_item_get_id (focus) : 0;
  GtkDirectionType direction;
  const char *name;

  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
      direction = GTK_DIR_LEFT; name = "left"; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
      direction = GTK_DIR_RIGHT; name = "right"; break;
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
      direction = GTK_DIR_UP; name = "up"; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down:
      direction = GTK_DIR_DOWN; name = "down"; break;

    case GDK_KEY_Escape:
      if (self->drag.kind != DRAG_NONE)
        {
          ipms_panorama_canvas_drag_cancel (self);
          gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag_gesture));
          return TRUE;
        }
      if (ipms_selection_get_count (self->selection) > 0)
        {
          ipms_selection_clear (self->selection);
          return TRUE;
        }
      return FALSE;

    case GDK_KEY_Delete: case GDK_KEY_KP_Delete: case GDK_KEY_BackSpace:
      if (kind == IPMS_PANORAMA_ITEM_PRODUCT || (focus == NULL && ipms_selection_get_count (self->selection) > 0))
        gtk_widget_activate_action (GTK_WIDGET (self), "panorama.unplace-selection", NULL);
      else if (focus != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "panorama.remove-item", "x", id);
      else
        return FALSE;
      return TRUE;

    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_ISO_Enter: case GDK_KEY_F2:
      if (kind == IPMS_PANORAMA_ITEM_PRODUCT)
        g_signal_emit (self, signals[OPEN_PRODUCT], 0, id);
      else if (focus != NULL)
        ipms_panorama_canvas_begin_rename (self, id);
      else
        return FALSE;
      return TRUE;

    case GDK_KEY_space:
      if (kind != IPMS_PANORAMA_ITEM_PRODUCT)
        return FALSE;
      if (control)
        ipms_selection_toggle (self->selection, id);
      else
        ipms_selection_select_only (self->selection, id);
      return TRUE;

    default:
      return FALSE;
    }

  /* Arrow keys */
  if (focus == NULL)
    {
      focus_item (self, first_item (self));
      return TRUE;
    }

  if (control && kind == IPMS_PANORAMA_ITEM_PRODUCT)
    {
      if (!ipms_selection_contains (self->selection, id))
        ipms_selection_select_only (self->selection, id);
      gtk_widget_activate_action (GTK_WIDGET (self), "panorama.move-selection", "s", name);
      return TRUE;
    }

  if (control)
    {
      IpmsRecord *item = ipms_document_get_record (self->document, "axis_item", id);
      gboolean is_x = item != NULL && strcmp (ipms_record_get_string (item, "axis"), "x") == 0;
      guint n = is_x ? ipms_panorama_chart_get_n_columns (self->chart) : ipms_panorama_chart_get_n_rows (self->chart);
      guint current = 0;
      int step = (direction == GTK_DIR_LEFT || direction == GTK_DIR_UP) ? -1 : 1;

      if (item == NULL || (is_x != (direction == GTK_DIR_LEFT || direction == GTK_DIR_RIGHT)))
        return TRUE;

      for (guint i = 0; i < n; i++)
        if (ipms_record_get_id (is_x ? ipms_panorama_chart_get_column_item (self->chart, i)
                                     : ipms_panorama_chart_get_row_item (self->chart, i)) == id)
          current = i;

      /* Drop indexes count boundaries: one step right is two boundaries on. */
      if ((step < 0 && current == 0) || (step > 0 && current + 1 >= n))
        gtk_widget_error_bell (GTK_WIDGET (self));
      else
        gtk_widget_activate_action (GTK_WIDGET (self), "panorama.move-item", "(xi)",
                                    id, (gint32) (step < 0 ? current - 1 : current + 2));
      self->scroll_to_focus = TRUE;
      return TRUE;
    }

  if (!move_focus (self, focus, direction, shift))
    gtk_widget_error_bell (GTK_WIDGET (self));

  return TRUE;
}

static gboolean
ipms_panorama_canvas_focus (GtkWidget        *widget,
                            GtkDirectionType  direction)
{
  IpmsPanoramaCanvas *self = IPMS_PANORAMA_CANVAS (widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  GtkWidget *target;

  /* Inside the canvas the arrow keys move between items; Tab leaves it. */
  if (focus_child != NULL)
    {
      if (focus_child == self->rename_entry)
        return gtk_widget_child_focus (focus_child, direction);
      if (direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_TAB_BACKWARD ||
          !IPMS_IS_CANVAS_ITEM (focus_child))
        return FALSE;
      if (!move_focus (self, IPMS_CANVAS_ITEM (focus_child), direction, FALSE))
        gtk_widget_error_bell (widget);
      return TRUE;
    }

  if (gtk_widget_has_focus (widget))
    return FALSE;

  target = first_item (self);
  if (target == NULL)
    return gtk_widget_grab_focus (widget);

  focus_item (self, target);
  return TRUE;
}

/* Context menu */

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action,
             GVariant   *target)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, target);
  g_menu_append_item (menu, item);
}

/* The menu of what lies at the centre of `rect` (chart coordinates),
 * pointing at `rect`; the focus goes back to `return_focus` after it. */
static void
popup_menu_at (IpmsPanoramaCanvas    *self,
               const graphene_rect_t *rect,
               GtkWidget             *return_focus)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  IpmsPanoramaHit hit;
  gint64 x_item = 0, y_item = 0;

  ipms_panorama_chart_hit_test (self->chart,
                                rect->origin.x + rect->size.width / 2,
                                rect->origin.y + rect->size.height / 2,
                                &hit);
  if (hit.column >= 0)
    x_item = ipms_record_get_id (ipms_panorama_chart_get_column_item (self->chart, hit.column));
  if (hit.row >= 0)
    y_item = ipms_record_get_id (ipms_panorama_chart_get_row_item (self->chart, hit.row));

  switch (hit.kind)
    {
    case IPMS_PANORAMA_HIT_CHIP:
      if (!ipms_selection_contains (self->selection, hit.product_id))
        ipms_selection_select_only (self->selection, hit.product_id);
      append_item (menu, _("_Open PRD"), "panorama.open-product", g_variant_new_int64 (hit.product_id));
      /* Installed by the panorama page, which keeps the small editor. */
      append_item (menu, _("_Quick Edit…"), "panorama-page.quick-edit", g_variant_new_int64 (hit.product_id));
      append_item (menu, _("_Take Off the Panorama"), "panorama.unplace-selection", NULL);
      append_item (section, _("_New Product Here"), "panorama.new-product", g_variant_new ("(xx)", x_item, y_item));
      break;

    case IPMS_PANORAMA_HIT_CELL:
      append_item (menu, _("_New Product Here"), "panorama.new-product", g_variant_new ("(xx)", x_item, y_item));
      append_item (menu, _("Select _All"), "panorama.select-all", NULL);
      break;

    case IPMS_PANORAMA_HIT_COLUMN_HEADER:
      append_item (menu, _("_Rename Column"), "panorama.rename-item", g_variant_new_int64 (x_item));
      append_item (menu, _("Re_move Column"), "panorama.remove-item", g_variant_new_int64 (x_item));
      append_item (section, _("Add _Column"), "panorama.add-column", NULL);
      break;

    case IPMS_PANORAMA_HIT_ROW_HEADER:
      append_item (menu, _("_Rename Row"), "panorama.rename-item", g_variant_new_int64 (y_item));
      append_item (menu, _("Re_move Row"), "panorama.remove-item", g_variant_new_int64 (y_item));
      append_item (section, _("Add _Row"), "panorama.add-row", NULL);
      break;

    case IPMS_PANORAMA_HIT_CORNER:
    case IPMS_PANORAMA_HIT_NONE:
    default:
      append_item (menu, _("Add _Row"), "panorama.add-row", NULL);
      append_item (menu, _("Add _Column"), "panorama.add-column", NULL);
      break;
    }

  if (g_menu_model_get_n_items (G_MENU_MODEL (section)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (section));

  ipms_canvas_menu_popup (IPMS_CANVAS_MENU (self->menu), G_MENU_MODEL (menu), rect, return_focus);
}

/* Gestures */

static void
on_drag_begin (GtkGestureDrag     *gesture,
               double              x,
               double              y,
               IpmsPanoramaCanvas *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  if (ipms_panorama_canvas_drag_begin (self, x, y, state))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  else
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
on_drag_update (GtkGestureDrag     *gesture,
                double              dx,
                double              dy,
                IpmsPanoramaCanvas *self)
{
  ipms_panorama_canvas_drag_update (self, self->drag.start_x + dx, self->drag.start_y + dy);
}

static void
on_drag_end (GtkGestureDrag     *gesture,
             double              dx,
             double              dy,
             IpmsPanoramaCanvas *self)
{
  ipms_panorama_canvas_drag_end (self, self->drag.start_x + dx, self->drag.start_y + dy);
}

static void
on_drag_cancel (GtkGesture         *gesture,
                GdkEventSequence   *sequence,
                IpmsPanoramaCanvas *self)
{
  ipms_panorama_canvas_drag_cancel (self);
}

/* On the release of the double click: the press that begins it also begins
 * a drag, which moves the focus and would close a rename opened earlier. */
static void
on_click_released (GtkGestureClick    *gesture,
                   int                 n_press,
                   double              x,
                   double              y,
                   IpmsPanoramaCanvas *self)
{
  if (n_press == 2)
    ipms_panorama_canvas_activate_at (self, x, y);
}

static void
on_context_pressed (GtkGestureClick    *gesture,
                    int                 n_press,
                    double              x,
                    double              y,
                    IpmsPanoramaCanvas *self)
{
  IpmsPanoramaHit hit;
  IpmsCanvasItem *item = NULL;

  ipms_panorama_chart_hit_test (self->chart, x, y, &hit);
  if (hit.kind == IPMS_PANORAMA_HIT_NONE)
    return;

  /* After the menu, the keyboard carries on from what was clicked. */
  if (hit.kind == IPMS_PANORAMA_HIT_CHIP)
    item = lookup_item (self->product_items, hit.product_id);
  else if (hit.kind == IPMS_PANORAMA_HIT_COLUMN_HEADER)
    item = lookup_item (self->column_items,
                        ipms_record_get_id (ipms_panorama_chart_get_column_item (self->chart, hit.column)));
  else if (hit.kind == IPMS_PANORAMA_HIT_ROW_HEADER)
    item = lookup_item (self->row_items,
                        ipms_record_get_id (ipms_panorama_chart_get_row_item (self->chart, hit.row)));

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu_at (self, &GRAPHENE_RECT_INIT (x, y, 1, 1),
                 item != NULL ? GTK_WIDGET (item) : (GtkWidget *) get_focus_item (self));
}

static gboolean
on_query_tooltip (IpmsPanoramaCanvas *self,
                  int                 x,
                  int                 y,
                  gboolean            keyboard,
                  GtkTooltip         *tooltip)
{
  IpmsPanoramaHit hit;
  IpmsCanvasItem *item = NULL;
  cairo_rectangle_t rect;

  if (self->drag.kind != DRAG_NONE)
    return FALSE;

  ipms_panorama_chart_hit_test (self->chart, x, y, &hit);
  if (hit.kind != IPMS_PANORAMA_HIT_CHIP)
    return FALSE;

  item = lookup_item (self->product_items, hit.product_id);
  if (item == NULL || ipms_canvas_item_get_label (item) == NULL)
    return FALSE;

  ipms_panorama_chart_get_slot_rect (self->chart, hit.column, hit.row, hit.index, &rect);
  gtk_tooltip_set_text (tooltip, ipms_canvas_item_get_label (item));
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { rect.x, rect.y, rect.width, rect.height });

  return TRUE;
}

/* Palette drops */

static GdkDragAction
on_drop_motion (GtkDropTarget      *target,
                double              x,
                double              y,
                IpmsPanoramaCanvas *self)
{
  const GValue *value = gtk_drop_target_get_value (target);
  guint n = 1;

  if (value != NULL && G_VALUE_HOLDS (value, IPMS_TYPE_PRODUCT_DRAG) && g_value_get_boxed (value) != NULL)
    n = ((IpmsProductDrag *) g_value_get_boxed (value))->ids->len;

  return ipms_panorama_canvas_preview_drop (self, n, x, y) ? GDK_ACTION_MOVE : 0;
}

static void
on_drop_leave (GtkDropTarget      *target,
               IpmsPanoramaCanvas *self)
{
  ipms_panorama_canvas_clear_preview (self);
}

static gboolean
on_drop (GtkDropTarget      *target,
         const GValue       *value,
         double              x,
         double              y,
         IpmsPanoramaCanvas *self)
{
  IpmsProductDrag *drag;

  if (!G_VALUE_HOLDS (value, IPMS_TYPE_PRODUCT_DRAG) || (drag = g_value_get_boxed (value)) == NULL)
    return FALSE;

  return ipms_panorama_canvas_drop_products (self, (const gint64 *) drag->ids->data, drag->ids->len, x, y);
}

/* Actions */

static void
open_product_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_signal_emit (widget, signals[OPEN_PRODUCT], 0, g_variant_get_int64 (parameter));
}

static void
new_product_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IpmsPanoramaCanvas *self = IPMS_PANORAMA_CANVAS (widget);
  g_autoptr(GError) error = NULL;
  gint64 x_item, y_item, id;

  g_variant_get (parameter, "(xx)", &x_item, &y_item);

  /* Translators: the name a product gets when created, until the user renames it */
  id = ipms_panorama_create_product (self->document, _("New product"), x_item, y_item, &error);
  if (id == 0)
    {
      report_error (self, _("Could not add the product"), error);
      return;
    }

  ipms_selection_select_only (self->selection, id);
  if (x_item != 0)
    ipms_panorama_canvas_set_current_cell (self, x_item, y_item);
  g_signal_emit (self, signals[OPEN_PRODUCT], 0, id);
}

static void
unplace_selection_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  IpmsPanoramaCanvas *self = IPMS_PANORAMA_CANVAS (widget);
  g_autoptr(GArray) ids = dup_selected_placed (self);
  g_autoptr(GError) error = NULL;

  g_autofree char *message = NULL;

  if (ids->len == 0)
    return;

  if (!ipms_panorama_unplace_products (self->document, (const gint64 *) ids->data, ids->len, &error))
    {
      report_error (self, _("Could not take the products off the panorama"), error);
      return;
    }

  /* Translators: a notice with an Undo button */
  message = g_strdup_printf (ngettext ("%u product taken off the panorama",
                                       "%u products taken off the panorama", ids->len),
                             ids->len);
  announce_undoable (self, message);
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IpmsPanoramaCanvas *self = IPMS_PANORAMA_CANVAS (widget);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_columns = ipms_panorama_chart_get_n_columns (self->chart);
  guint n_rows = ipms_panorama_chart_get_n_rows (self->chart);

  for (guint row = 0; row < n_rows; row++)
    for (guint column = 0; column < n_columns; column++)
      {
        GPtrArray *products = ipms_panorama_chart_get_products (self->chart, column, row);

        for (guint i = 0; i < products->len; i++)
          {
            gint64 id = ipms_record_get_id (g_ptr_array_index (products, i));

            g_array_append_val (ids, id);
          }
      }

  ipms_selection_set (self->selection, (const gint64 *) ids->data, ids->len);
}

static void
move_selection_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  move_selection_to_neighbour (IPMS_PANORAMA_CANVAS (widget), g_variant_get_string (parameter, NULL));
}

static void
add_axis_item (IpmsPanoramaCanvas *self,
               const char         *axis)
{
  g_autoptr(GError) error = NULL;
  gboolean is_x = axis[0] == 'x';
  guint n = is_x ? ipms_panorama_chart_get_n_columns (self->chart) : ipms_panorama_chart_get_n_rows (self->chart);
  gint64 id;

  id = ipms_panorama_add_axis_item (self->document, axis,
                                    /* Translators: the name of a new column (a preference) or row
                                     * (a life stage) of the population grid, until renamed */
                                    is_x ? _("New preference") : _("New life stage"),
                                    n, &error);
  if (id == 0)
    {
      report_error (self, _("Could not add the row or column"), error);
      return;
    }

  ipms_panorama_canvas_begin_rename (self, id);
  self->scroll_to_focus = TRUE;
}

static void
add_column_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  add_axis_item (IPMS_PANORAMA_CANVAS (widget), "x");
}

static void
add_row_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  add_axis_item (IPMS_PANORAMA_CANVAS (widget), "y");
}

static void
rename_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ipms_panorama_canvas_begin_rename (IPMS_PANORAMA_CANVAS (widget), g_variant_get_int64 (parameter));
}

static void
remove_item_now (IpmsPanoramaCanvas *self,
                 gint64              item_id)
{
  g_autoptr(GError) error = NULL;
  IpmsRecord *item = ipms_document_get_record (self->document, "axis_item", item_id);
  g_autofree char *message = NULL;

  if (item == NULL)
    return;

  /* A header being renamed goes with its name unsaved. */
  if (self->rename_entry != NULL && self->rename_item_id == item_id)
    ipms_panorama_canvas_finish_rename (self, FALSE);

  /* Translators: a notice with an Undo button; %s is a column or row name */
  message = g_strdup_printf (strcmp (ipms_record_get_string (item, "axis"), "x") == 0
                               ? _("Column “%s” removed") : _("Row “%s” removed"),
                             ipms_record_get_string (item, "label"));

  if (!ipms_panorama_remove_axis_item (self->document, item_id, &error))
    report_error (self, _("Could not remove the row or column"), error);
  else
    announce_undoable (self, message);
}

static void
on_remove_response (AdwMessageDialog   *dialog,
                    const char         *response,
                    IpmsPanoramaCanvas *self)
{
  gint64 item_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "ipms-item-id"));

  if (g_strcmp0 (response, "remove") == 0)
    remove_item_now (self, item_id);
}

static void
remove_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IpmsPanoramaCanvas *self = IPMS_PANORAMA_CANVAS (widget);
  gint64 item_id = g_variant_get_int64 (parameter);
  IpmsRecord *item = ipms_document_get_record (self->document, "axis_item", item_id);
  guint n_products = ipms_panorama_count_products_on (self->document, item_id);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (item == NULL)
    return;

  if (n_products == 0 || !GTK_IS_WINDOW (root))
    {
      remove_item_now (self, item_id);
      return;
    }

  heading = g_strdup_printf (strcmp (ipms_record_get_string (item, "axis"), "x") == 0
                               ? _("Remove Column “%s”?") : _("Remove Row “%s”?"),
                             ipms_record_get_string (item, "label"));
  body = g_strdup_printf (ngettext ("Its segments go with it, and its %u product is taken off the panorama. "
                                    "You can undo this.",
                                    "Its segments go with it, and its %u products are taken off the panorama. "
                                    "You can undo this.", n_products),
                          n_products);

  dialog = adw_message_dialog_new (GTK_WINDOW (root), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "ipms-item-id", GSIZE_TO_POINTER ((gsize) item_id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The Menu key and Shift+F10, GTK's "menu.popup" as on its own widgets. */
static void
popup_menu_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IpmsPanoramaCanvas *self = IPMS_PANORAMA_CANVAS (widget);

  if (!popup_menu_for_focus (self, get_focus_item (self)))
    gtk_widget_error_bell (widget);
}

static void
move_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IpmsPanoramaCanvas *self = IPMS_PANORAMA_CANVAS (widget);
  g_autoptr(GError) error = NULL;
  gint64 item_id;
  gint32 index;

  g_variant_get (parameter, "(xi)", &item_id, &index);
  if (!ipms_panorama_move_axis_item (self->document, item_id, MAX (index, 0), &error))
    report_error (self, _("Could not move the row or column"), error);
}

/* Object */

static void
set_document (IpmsPanoramaCanvas *self,
              IpmsDocument       *document)
{
  if (self->document == document)
    return;

  if (self->chart != NULL)
    g_clear_signal_handler (&self->chart_changed_id, self->chart);
  g_clear_object (&self->chart);
  g_clear_pointer (&self->static_node, gsk_render_node_unref);
  g_hash_table_remove_all (self->cell_nodes);
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      self->chart = ipms_panorama_chart_new (document);
      self->chart_changed_id = g_signal_connect_swapped (self->chart, "changed",
                                                         G_CALLBACK (on_chart_changed), self);
      sync_items (self);
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
set_selection (IpmsPanoramaCanvas *self,
               IpmsSelection      *selection)
{
  if (self->selection == selection)
    return;

  if (self->selection != NULL)
    g_clear_signal_handler (&self->selection_changed_id, self->selection);

  if (selection != NULL)
    g_object_ref (selection);
  else
    selection = ipms_selection_new ();

  g_clear_object (&self->selection);
  self->selection = selection;
  self->selection_changed_id = g_signal_connect_swapped (selection, "changed",
                                                         G_CALLBACK (on_selection_changed), self);
  if (self->chart != NULL)
    on_selection_changed (self);
}

static void
ipms_panorama_canvas_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  IpmsPanoramaCanvas *self = IPMS_PANORAMA_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_panorama_canvas_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  IpmsPanoramaCanvas *self = IPMS_PANORAMA_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      set_document (self, g_value_get_object (value));
      break;
    case PROP_SELECTION:
      set_selection (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_panorama_canvas_dispose (GObject *object)
{
  IpmsPanoramaCanvas *self = (IpmsPanoramaCanvas *)object;
  GtkWidget *child;

  drag_reset (self);
  g_clear_signal_handler (&self->dark_id, adw_style_manager_get_default ());
  if (self->selection != NULL)
    g_clear_signal_handler (&self->selection_changed_id, self->selection);
  if (self->chart != NULL)
    g_clear_signal_handler (&self->chart_changed_id, self->chart);

  if (self->product_items != NULL)
    {
      g_hash_table_remove_all (self->product_items);
      g_hash_table_remove_all (self->column_items);
      g_hash_table_remove_all (self->row_items);
    }
  self->rename_entry = NULL;
  self->menu = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->chart);
  g_clear_object (&self->document);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->static_node, gsk_render_node_unref);
  g_clear_weak_pointer (&self->unplace_target);

  G_OBJECT_CLASS (ipms_panorama_canvas_parent_class)->dispose (object);
}

static void
ipms_panorama_canvas_finalize (GObject *object)
{
  IpmsPanoramaCanvas *self = (IpmsPanoramaCanvas *)object;

  g_clear_pointer (&self->product_items, g_hash_table_unref);
  g_clear_pointer (&self->column_items, g_hash_table_unref);
  g_clear_pointer (&self->row_items, g_hash_table_unref);
  g_clear_pointer (&self->cell_nodes, g_hash_table_unref);

  G_OBJECT_CLASS (ipms_panorama_canvas_parent_class)->finalize (object);
}

static void
ipms_panorama_canvas_class_init (IpmsPanoramaCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipms_panorama_canvas_dispose;
  object_class->finalize = ipms_panorama_canvas_finalize;
  object_class->get_property = ipms_panorama_canvas_get_property;
  object_class->set_property = ipms_panorama_canvas_set_property;

  widget_class->measure = ipms_panorama_canvas_measure;
  widget_class->size_allocate = ipms_panorama_canvas_size_allocate;
  widget_class->snapshot = ipms_panorama_canvas_snapshot;
  widget_class->focus = ipms_panorama_canvas_focus;
  widget_class->map = ipms_panorama_canvas_map;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, IPMS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, IPMS_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_PRODUCT] =
    g_signal_new ("open-product",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CELL_CHANGED] =
    g_signal_new ("cell-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "panorama.open-product", "x", open_product_action);
  gtk_widget_class_install_action (widget_class, "panorama.new-product", "(xx)", new_product_action);
  gtk_widget_class_install_action (widget_class, "panorama.unplace-selection", NULL, unplace_selection_action);
  gtk_widget_class_install_action (widget_class, "panorama.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "panorama.move-selection", "s", move_selection_action);
  gtk_widget_class_install_action (widget_class, "panorama.add-column", NULL, add_column_action);
  gtk_widget_class_install_action (widget_class, "panorama.add-row", NULL, add_row_action);
  gtk_widget_class_install_action (widget_class, "panorama.rename-item", "x", rename_item_action);
  gtk_widget_class_install_action (widget_class, "panorama.remove-item", "x", remove_item_action);
  gtk_widget_class_install_action (widget_class, "panorama.move-item", "(xi)", move_item_action);

  gtk_widget_class_install_action (widget_class, "menu.popup", NULL, popup_menu_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "panorama.select-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "menu.popup", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "menu.popup", NULL);

  gtk_widget_class_set_css_name (widget_class, "panoramacanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ipms_panorama_canvas_init (IpmsPanoramaCanvas *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkEventController *controller;
  GtkGesture *click;
  GtkDropTarget *drop;

  self->product_items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->column_items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->row_items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->cell_nodes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                            (GDestroyNotify) gsk_render_node_unref);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Product panorama"),
                                  -1);

  self->dark = adw_style_manager_get_dark (manager);
  self->dark_id = g_signal_connect_swapped (manager, "notify::dark", G_CALLBACK (on_dark_changed), self);

  self->drag_gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->drag_gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (self->drag_gesture, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (self->drag_gesture, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (self->drag_gesture, "drag-end", G_CALLBACK (on_drag_end), self);
  g_signal_connect (self->drag_gesture, "cancel", G_CALLBACK (on_drag_cancel), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drag_gesture));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_gesture_group (click, self->drag_gesture);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_context_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  drop = gtk_drop_target_new (IPMS_TYPE_PRODUCT_DRAG, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  gtk_drop_target_set_preload (drop, TRUE);
  g_signal_connect (drop, "motion", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (drop, "enter", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (drop, "leave", G_CALLBACK (on_drop_leave), self);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);

  self->menu = ipms_canvas_menu_new ();
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));

  set_selection (self, NULL);
}

GtkWidget *
ipms_panorama_canvas_new (IpmsDocument  *document,
                          IpmsSelection *selection)
{
  return g_object_new (IPMS_TYPE_PANORAMA_CANVAS,
                       "document", document,
                       "selection", selection,
                       NULL);
}

IpmsDocument *
ipms_panorama_canvas_get_document (IpmsPanoramaCanvas *self)
{
  g_return_val_if_fail (IPMS_IS_PANORAMA_CANVAS (self), NULL);

  return self->document;
}

IpmsSelection *
ipms_panorama_canvas_get_selection (IpmsPanoramaCanvas *self)
{
  g_return_val_if_fail (IPMS_IS_PANORAMA_CANVAS (self), NULL);

  return self->selection;
}

IpmsPanoramaChart *
ipms_panorama_canvas_get_chart (IpmsPanoramaCanvas *self)
{
  g_return_val_if_fail (IPMS_IS_PANORAMA_CANVAS (self), NULL);

  return self->chart;
}

GtkWidget *
ipms_panorama_canvas_get_item (IpmsPanoramaCanvas   *self,
                               IpmsPanoramaItemKind  kind,
                               gint64                id)
{
  g_return_val_if_fail (IPMS_IS_PANORAMA_CANVAS (self), NULL);

  return GTK_WIDGET (lookup_item (items_of_kind (self, kind), id));
}

gboolean
ipms_panorama_canvas_get_current_cell (IpmsPanoramaCanvas *self,
                                       gint64             *x_item_id,
                                       gint64             *y_item_id)
{
  g_return_val_if_fail (IPMS_IS_PANORAMA_CANVAS (self), FALSE);

  /* The items may have gone with an undo. */
  if (self->cell_x_item != 0)
    {
      IpmsRecord *x_item = self->document != NULL ? ipms_document_get_record (self->document, "axis_item", self->cell_x_item) : NULL;
      IpmsRecord *y_item = self->document != NULL ? ipms_document_get_record (self->document, "axis_item", self->cell_y_item) : NULL;

      if (x_item == NULL || y_item == NULL || !ipms_record_is_alive (x_item) || !ipms_record_is_alive (y_item))
        self->cell_x_item = self->cell_y_item = 0;
    }

  *x_item_id = self->cell_x_item;
  *y_item_id = self->cell_y_item;

  return self->cell_x_item != 0;
}

void
ipms_panorama_canvas_set_current_cell (IpmsPanoramaCanvas *self,
                                       gint64              x_item_id,
                                       gint64              y_item_id)
{
  g_return_if_fail (IPMS_IS_PANORAMA_CANVAS (self));

  if (self->cell_x_item == x_item_id && self->cell_y_item == y_item_id)
    return;

  self->cell_x_item = x_item_id;
  self->cell_y_item = y_item_id;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[CELL_CHANGED], 0);
}

void
ipms_panorama_canvas_set_unplace_target (IpmsPanoramaCanvas *self,
                                         GtkWidget          *target)
{
  g_return_if_fail (IPMS_IS_PANORAMA_CANVAS (self));

  g_set_weak_pointer (&self->unplace_target, target);
}

void
ipms_panorama_canvas_reveal_current_cell (IpmsPanoramaCanvas *self)
{
  g_return_if_fail (IPMS_IS_PANORAMA_CANVAS (self));

  /* At the next allocation: the view may be changing size right now. */
  self->scroll_to_cell = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}
