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
#include "ipms-canvas-viewport.h"
#include "ipms-chart-style.h"
#include "ipms-panorama-canvas-private.h"
#include "ipms-panorama-edits.h"


G_DEFINE_FINAL_TYPE (IpmsPanoramaCanvas, ipms_panorama_canvas, GTK_TYPE_WIDGET)

G_DEFINE_BOXED_TYPE (IpmsProductDrag, ipms_product_drag, ipms_product_drag_copy, ipms_product_drag_free)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTION,
  PROP_PRESSED,
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

void
_ipms_panorama_canvas_update_actions (IpmsPanoramaCanvas *self)
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

IpmsCanvasItem *
_ipms_panorama_canvas_lookup_item (GHashTable *items,
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
  IpmsCanvasItem *item = _ipms_panorama_canvas_lookup_item (items, id);

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
  else if (stale != NULL)
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
update_product_item (IpmsPanoramaCanvas *self,
                     IpmsCanvasItem     *item,
                     guint               column,
                     guint               row)
{
  gint64 id = ipms_canvas_item_get_id (item);
  IpmsRecord *product = ipms_document_get_record (self->document, "product", id);
  g_autofree char *label = dup_product_label (self, product, column, row);

  if (g_strcmp0 (ipms_canvas_item_get_label (item), label) != 0)
    ipms_canvas_item_set_label (item, label);
  ipms_canvas_item_set_selected (item, self->selection != NULL && ipms_selection_contains (self->selection, id));
}

static void
remove_item (IpmsPanoramaCanvas *self,
             IpmsCanvasItem     *item,
             GtkWidget          *focus)
{
  gint64 id = ipms_canvas_item_get_id (item);
  gboolean had_focus = focus != NULL && (GtkWidget *) item == focus;

  g_hash_table_remove (items_of_kind (self, ipms_canvas_item_get_kind (item)), &id);
  gtk_widget_unparent (GTK_WIDGET (item));

  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* Chip widgets exist only for the chips in or near the view, the one with
 * the focus and the one pressed (see sync_visible_products): headers are
 * few and always have theirs. An edit relabels the chip widgets that
 * exist, not one per product. */
static void
sync_items (IpmsPanoramaCanvas *self)
{
  g_autoptr(GHashTable) stale = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GHashTableIter iter;
  gpointer value;
  guint n_columns = ipms_panorama_chart_get_n_columns (self->chart);
  guint n_rows = ipms_panorama_chart_get_n_rows (self->chart);

  for (GHashTable *tables[] = { self->column_items, self->row_items, NULL }, **t = tables; *t != NULL; t++)
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

  g_hash_table_iter_init (&iter, self->product_items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      guint column, row;

      if (ipms_panorama_chart_find_product (self->chart, ipms_canvas_item_get_id (value), &column, &row, NULL))
        update_product_item (self, value, column, row);
      else
        g_ptr_array_add (gone, value);
    }

  g_hash_table_iter_init (&iter, stale);
  while (g_hash_table_iter_next (&iter, &value, NULL))
    g_ptr_array_add (gone, value);

  for (guint i = 0; i < gone->len; i++)
    remove_item (self, g_ptr_array_index (gone, i), focus);

  _ipms_panorama_canvas_update_actions (self);
}

IpmsCanvasItem *
_ipms_panorama_canvas_ensure_item (IpmsPanoramaCanvas   *self,
                                   IpmsPanoramaItemKind  kind,
                                   gint64                id)
{
  IpmsCanvasItem *item = _ipms_panorama_canvas_lookup_item (items_of_kind (self, kind), id);
  guint column, row;

  if (item != NULL || kind != IPMS_PANORAMA_ITEM_PRODUCT || self->chart == NULL ||
      !ipms_panorama_chart_find_product (self->chart, id, &column, &row, NULL))
    return item;

  item = ensure_item (self, kind, id, NULL);
  update_product_item (self, item, column, row);
  gtk_widget_queue_allocate (GTK_WIDGET (self));

  return item;
}

gboolean
_ipms_panorama_canvas_get_item_rect (IpmsPanoramaCanvas   *self,
                                     IpmsPanoramaItemKind  kind,
                                     gint64                id,
                                     cairo_rectangle_t    *rect)
{
  guint n;

  if (self->chart == NULL)
    return FALSE;

  if (kind == IPMS_PANORAMA_ITEM_PRODUCT)
    return ipms_panorama_chart_get_chip_rect (self->chart, id, rect);

  n = kind == IPMS_PANORAMA_ITEM_COLUMN ? ipms_panorama_chart_get_n_columns (self->chart)
                                        : ipms_panorama_chart_get_n_rows (self->chart);
  for (guint i = 0; i < n; i++)
    {
      if (kind == IPMS_PANORAMA_ITEM_COLUMN &&
          ipms_record_get_id (ipms_panorama_chart_get_column_item (self->chart, i)) == id)
        {
          ipms_panorama_chart_get_column_header_rect (self->chart, i, rect);
          return TRUE;
        }
      if (kind == IPMS_PANORAMA_ITEM_ROW &&
          ipms_record_get_id (ipms_panorama_chart_get_row_item (self->chart, i)) == id)
        {
          ipms_panorama_chart_get_row_header_rect (self->chart, i, rect);
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
rects_meet (const cairo_rectangle_t *a,
            const graphene_rect_t   *b)
{
  return a->x < b->origin.x + b->size.width && b->origin.x < a->x + a->width &&
         a->y < b->origin.y + b->size.height && b->origin.y < a->y + a->height;
}

/* The part of the chart in the view, grown by a margin so that a short
 * scroll finds its chips ready; the whole chart when not in a view. */
static void
get_item_window (IpmsPanoramaCanvas *self,
                 graphene_rect_t    *window)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));
  double width = 0, height = 0;

  if (parent == NULL || !IPMS_IS_CANVAS_VIEWPORT (parent))
    {
      ipms_chart_get_size (IPMS_CHART (self->chart), &width, &height);
      graphene_rect_init (window, 0, 0, width, height);
      return;
    }

  ipms_canvas_viewport_get_visible_area (IPMS_CANVAS_VIEWPORT (parent), window);
  graphene_rect_inset (window, -ITEM_MARGIN, -ITEM_MARGIN);
}

/* Creates the chip widgets that came into the window and drops those that
 * left it, keeping the focused one (the keyboard's place) and the one a
 * drag holds. A screen reader walks the chips through the keyboard, which
 * creates the next chip's widget on demand (see find_neighbour). */
static gboolean
sync_visible_products (IpmsPanoramaCanvas *self)
{
  gboolean changed = FALSE;
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  guint n_columns = ipms_panorama_chart_get_n_columns (self->chart);
  guint n_rows = ipms_panorama_chart_get_n_rows (self->chart);
  graphene_rect_t window;
  GHashTableIter iter;
  gpointer value;

  get_item_window (self, &window);

  /* Chips that left the window lend their widgets to those that came
   * into it: re-pointing a widget costs far less than a new one, which a
   * drag or a scroll across a large grid would need on every frame. */
  g_hash_table_iter_init (&iter, self->product_items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      gint64 id = ipms_canvas_item_get_id (value);
      cairo_rectangle_t chip;

      if ((GtkWidget *) value == focus || id == self->drag.pressed_id)
        continue;
      if (!ipms_panorama_chart_get_chip_rect (self->chart, id, &chip) || !rects_meet (&chip, &window))
        g_ptr_array_add (gone, value);
    }
  for (guint i = 0; i < gone->len; i++)
    {
      gint64 id = ipms_canvas_item_get_id (g_ptr_array_index (gone, i));

      g_hash_table_remove (self->product_items, &id);
    }

  for (guint row = 0; row < n_rows; row++)
    for (guint column = 0; column < n_columns; column++)
      {
        GPtrArray *products;
        cairo_rectangle_t cell;

        ipms_panorama_chart_get_cell_rect (self->chart, column, row, &cell);
        if (!rects_meet (&cell, &window))
          continue;

        products = ipms_panorama_chart_get_products (self->chart, column, row);
        for (guint i = 0; i < products->len; i++)
          {
            gint64 id = ipms_record_get_id (g_ptr_array_index (products, i));
            cairo_rectangle_t slot;
            IpmsCanvasItem *item;
            gint64 *key;

            ipms_panorama_chart_get_slot_rect (self->chart, column, row, i, &slot);
            if (!rects_meet (&slot, &window) || _ipms_panorama_canvas_lookup_item (self->product_items, id) != NULL)
              continue;

            changed = TRUE;
            if (gone->len == 0)
              {
                update_product_item (self, ensure_item (self, IPMS_PANORAMA_ITEM_PRODUCT, id, NULL), column, row);
                continue;
              }

            item = g_ptr_array_steal_index_fast (gone, gone->len - 1);
            ipms_canvas_item_set_id (item, id);
            key = g_new (gint64, 1);
            *key = id;
            g_hash_table_insert (self->product_items, key, item);
            update_product_item (self, item, column, row);
          }
      }

  /* The widgets nobody took. */
  for (guint i = 0; i < gone->len; i++)
    {
      gtk_widget_unparent (g_ptr_array_index (gone, i));
      changed = TRUE;
    }

  return changed;
}

/* Widgets are made and dropped before a frame's layout, never while it
 * runs: a child added during size_allocate leaves its ancestors needing
 * an allocation when the frame is painted. */
static gboolean
visible_products_tick (GtkWidget     *widget,
                       GdkFrameClock *clock,
                       gpointer       data)
{
  IpmsPanoramaCanvas *self = IPMS_PANORAMA_CANVAS (widget);

  self->visible_tick_id = 0;
  if (self->chart != NULL && sync_visible_products (self))
    gtk_widget_queue_allocate (widget);

  return G_SOURCE_REMOVE;
}

static void
queue_visible_products (IpmsPanoramaCanvas *self)
{
  if (self->visible_tick_id == 0)
    self->visible_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), visible_products_tick, NULL, NULL);
}

static void check_static_rect (IpmsPanoramaCanvas *self);

/* Which chips have widgets, and which cells are painted, depends on the
 * part in view. */
static void
watch_viewport (IpmsPanoramaCanvas *self,
                GtkWidget          *viewport)
{
  if (self->viewport != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->viewport, queue_visible_products, self);
      g_signal_handlers_disconnect_by_func (self->viewport, check_static_rect, self);
    }
  g_set_weak_pointer (&self->viewport, viewport);
  g_clear_pointer (&self->static_node, gsk_render_node_unref);
  if (viewport != NULL)
    {
      g_signal_connect_swapped (viewport, "visible-area-changed", G_CALLBACK (queue_visible_products), self);
      g_signal_connect_swapped (viewport, "visible-area-changed", G_CALLBACK (check_static_rect), self);
    }
}

static void
on_parent_changed (IpmsPanoramaCanvas *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  watch_viewport (self, parent != NULL && IPMS_IS_CANVAS_VIEWPORT (parent) ? parent : NULL);
}

/* Brings the items up to the chart, shown, if it changed since. */
static void
catch_up (IpmsPanoramaCanvas *self)
{
  if (!self->sync_pending || self->chart == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  self->sync_pending = FALSE;
  sync_items (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_signal_emit (self, signals[CELL_CHANGED], 0);
}

static gboolean
sync_tick (GtkWidget     *widget,
           GdkFrameClock *clock,
           gpointer       data)
{
  IpmsPanoramaCanvas *self = IPMS_PANORAMA_CANVAS (widget);

  self->sync_tick_id = 0;
  catch_up (self);

  return G_SOURCE_REMOVE;
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
  self->sync_pending = TRUE;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  /* A whole new layout waits for the next frame, before it is laid out:
   * for 10,000 products (an undone import) it takes 50 ms, which would
   * add to the document's own work in the same main-loop iteration. */
  if (ipms_panorama_chart_needs_layout (self->chart))
    {
      if (self->sync_tick_id == 0)
        self->sync_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), sync_tick, NULL, NULL);
      return;
    }

  catch_up (self);
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

  _ipms_panorama_canvas_update_actions (self);
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
GArray *
_ipms_panorama_canvas_dup_selected_placed (IpmsPanoramaCanvas *self)
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

void
_ipms_panorama_canvas_report_error (IpmsPanoramaCanvas *self,
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
void
_ipms_panorama_canvas_announce_undoable (IpmsPanoramaCanvas *self,
                                         const char         *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.undo-toast", "s", message);
}

void
_ipms_panorama_canvas_set_current_cell_from_product (IpmsPanoramaCanvas *self,
                                                     gint64              product_id)
{
  guint column, row;

  if (ipms_panorama_chart_find_product (self->chart, product_id, &column, &row, NULL))
    ipms_panorama_canvas_set_current_cell (self,
                                           ipms_record_get_id (ipms_panorama_chart_get_column_item (self->chart, column)),
                                           ipms_record_get_id (ipms_panorama_chart_get_row_item (self->chart, row)));
}

void
_ipms_panorama_canvas_focus_item (IpmsPanoramaCanvas *self,
                                  GtkWidget          *item)
{
  cairo_rectangle_t rect;
  GtkWidget *view;

  if (item == NULL)
    return;

  gtk_widget_grab_focus (item);

  /* By the chart's geometry: a widget made on demand has no allocation yet. */
  view = gtk_widget_get_ancestor (GTK_WIDGET (self), IPMS_TYPE_CANVAS_VIEW);
  if (view != NULL && _ipms_panorama_canvas_get_item_rect (self, ipms_canvas_item_get_kind (IPMS_CANVAS_ITEM (item)),
                                                          ipms_canvas_item_get_id (IPMS_CANVAS_ITEM (item)), &rect))
    ipms_canvas_view_scroll_to (IPMS_CANVAS_VIEW (view),
                                &GRAPHENE_RECT_INIT (rect.x, rect.y, rect.width, rect.height));
}

void
_ipms_panorama_canvas_emit_open_product (IpmsPanoramaCanvas *self,
                                         gint64              id)
{
  g_signal_emit (self, signals[OPEN_PRODUCT], 0, id);
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

/* The part of the chart whose cells are painted: the view and half of it
 * again on each side, so that a short scroll finds them ready. */
static void
get_paint_window (IpmsPanoramaCanvas *self,
                  graphene_rect_t    *window)
{
  double width = 0, height = 0;

  if (self->viewport == NULL)
    {
      ipms_chart_get_size (IPMS_CHART (self->chart), &width, &height);
      graphene_rect_init (window, 0, 0, width, height);
      return;
    }

  ipms_canvas_viewport_get_visible_area (IPMS_CANVAS_VIEWPORT (self->viewport), window);
  graphene_rect_inset (window, -window->size.width / 2, -window->size.height / 2);
}

/* The part of the chart in view; the whole chart when not in a view. */
static void
get_visible_area (IpmsPanoramaCanvas *self,
                  graphene_rect_t    *area)
{
  double width = 0, height = 0;

  if (self->viewport == NULL)
    {
      ipms_chart_get_size (IPMS_CHART (self->chart), &width, &height);
      graphene_rect_init (area, 0, 0, width, height);
      return;
    }

  ipms_canvas_viewport_get_visible_area (IPMS_CANVAS_VIEWPORT (self->viewport), area);
}

/* Cells in view as images.
 *
 * GTK 4.8's cairo renderer draws a recorded node by playing its recording
 * into a scratch image of the part of the frame's damage it covers: every
 * chip's rounded face and text is rasterized again. A frame that repaints
 * the whole view (a scroll, a drop target moving to another cell, whose
 * outline spans the view) took 10-13 ms at 2,000 products. A node whose
 * recording only paints an image costs a copy instead. So the cells in
 * and near the view are made images of their recording, in idle time,
 * at the view's scale in device pixels; the first frame and any cell not
 * made yet use the recording. Images cost memory where recordings do not:
 * only cells near the view, none larger than the view, and no more than
 * CELL_IMAGE_BUDGET views' worth. */

#define CELL_IMAGE_BUDGET 4.0

/* Device pixels per chart unit; 0 when there is no view to scale by. */
static double
get_image_scale (IpmsPanoramaCanvas *self)
{
  if (self->viewport == NULL)
    return 0;

  return ipms_canvas_viewport_get_zoom (IPMS_CANVAS_VIEWPORT (self->viewport)) *
         gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

static void
get_image_window (IpmsPanoramaCanvas *self,
                  graphene_rect_t    *window)
{
  get_visible_area (self, window);
  graphene_rect_inset (window, -window->size.width / 8, -window->size.height / 8);
}

static GskRenderNode *
paint_cell_image (GskRenderNode           *recorded,
                  const cairo_rectangle_t *cell,
                  double                   scale)
{
  /* From device pixel to device pixel, so that the image is copied on
   * screen, not resampled. */
  double x0 = floor (cell->x * scale) / scale;
  double y0 = floor (cell->y * scale) / scale;
  int width = (int) (ceil ((cell->x + cell->width) * scale) - floor (cell->x * scale));
  int height = (int) (ceil ((cell->y + cell->height) * scale) - floor (cell->y * scale));
  GtkSnapshot *snapshot;
  cairo_surface_t *image;
  cairo_t *cr;

  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (width, 1), MAX (height, 1));
  cairo_surface_set_device_scale (image, scale, scale);
  cr = cairo_create (image);
  cairo_translate (cr, -x0, -y0);
  gsk_render_node_draw (recorded, cr);
  cairo_destroy (cr);

  snapshot = gtk_snapshot_new ();
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x0, y0, width / scale, height / scale));
  cairo_set_source_surface (cr, image, x0, y0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (image);

  return gtk_snapshot_free_to_node (snapshot);
}

/* Whether a cell painted in the static layer should be an image: near the
 * view, no larger than it, within the budget (`pixels`, in chart units,
 * counts what the layer holds so far). */
static gboolean
wants_image (const cairo_rectangle_t *cell,
             const graphene_rect_t   *image_window,
             const graphene_rect_t   *visible,
             double                  *pixels)
{
  double area = cell->width * cell->height;
  double view_area = visible->size.width * visible->size.height;

  if (!rects_meet (cell, image_window) || area > view_area ||
      *pixels + area > CELL_IMAGE_BUDGET * view_area)
    return FALSE;

  *pixels += area;
  return TRUE;
}

/* Paints one cell of the paint window that has no node yet, a cell per
 * main-loop iteration, then makes images of the cells near the view, and
 * once nothing is left has the static layer made again with them all. */
static gboolean
paint_ahead (gpointer data)
{
  IpmsPanoramaCanvas *self = data;
  graphene_rect_t window;
  guint n_columns, n_rows;

  if (self->chart == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->paint_ahead_id = 0;
      return G_SOURCE_REMOVE;
    }

  get_paint_window (self, &window);
  n_columns = ipms_panorama_chart_get_n_columns (self->chart);
  n_rows = ipms_panorama_chart_get_n_rows (self->chart);
  for (guint row = 0; row < n_rows; row++)
    for (guint column = 0; column < n_columns; column++)
      {
        cairo_rectangle_t cell;
        guint64 stamp;

        ipms_panorama_chart_get_cell_rect (self->chart, column, row, &cell);
        if (!rects_meet (&cell, &window))
          continue;

        stamp = ipms_panorama_chart_get_cell_stamp (self->chart, column, row);
        if (g_hash_table_contains (self->cell_nodes, &stamp))
          continue;

        g_hash_table_insert (self->cell_nodes, g_memdup2 (&stamp, sizeof stamp), paint_to_node (self, &cell, column, row, 0));
        return G_SOURCE_CONTINUE;
      }

  if (self->image_scale > 0 && self->image_scale == get_image_scale (self))
    {
      graphene_rect_t image_window, visible;
      double pixels = 0;

      get_image_window (self, &image_window);
      get_visible_area (self, &visible);
      for (guint row = 0; row < n_rows; row++)
        for (guint column = 0; column < n_columns; column++)
          {
            cairo_rectangle_t cell;
            GskRenderNode *recorded;
            guint64 stamp;

            ipms_panorama_chart_get_cell_rect (self->chart, column, row, &cell);
            if (!wants_image (&cell, &image_window, &visible, &pixels))
              continue;

            stamp = ipms_panorama_chart_get_cell_stamp (self->chart, column, row);
            recorded = g_hash_table_lookup (self->cell_nodes, &stamp);
            if (recorded == NULL || g_hash_table_contains (self->cell_images, &stamp))
              continue;

            g_hash_table_insert (self->cell_images, g_memdup2 (&stamp, sizeof stamp), paint_cell_image (recorded, &cell, self->image_scale));
            return G_SOURCE_CONTINUE;
          }
    }

  self->paint_ahead_id = 0;
  g_clear_pointer (&self->static_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

static void
add_piece (GArray                *pieces,
           const graphene_rect_t *window,
           double                 x,
           double                 y,
           double                 width,
           double                 height)
{
  graphene_rect_t piece = GRAPHENE_RECT_INIT (x, y, width, height);

  if (width > 0 && height > 0 && graphene_rect_intersection (&piece, window, &piece))
    g_array_append_val (pieces, piece);
}

/* Appends the chart's back or front as pieces that leave the inside of
 * the cells out: the renderer draws a recorded node through a scratch
 * image of the node's share of a frame's damage, and a back and a front
 * each the size of the window cost two images of the whole view in every
 * frame of a chip drag across it. The back is what lies above, beside and
 * below the cells (titles, headers, legend); the front the strips along
 * the grid lines and the outlines of core and radiating cells. */
static void
append_layer (IpmsPanoramaCanvas      *self,
              GtkSnapshot             *snapshot,
              const graphene_rect_t   *window,
              IpmsPanoramaLayer        layer)
{
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  guint n_columns = ipms_panorama_chart_get_n_columns (self->chart);
  guint n_rows = ipms_panorama_chart_get_n_rows (self->chart);
  double width = 0, height = 0;

  ipms_chart_get_size (IPMS_CHART (self->chart), &width, &height);

  if (n_columns == 0 || n_rows == 0)
    add_piece (pieces, window, 0, 0, width, height);
  else
    {
      cairo_rectangle_t header, row_header, last;
      double grid_x, grid_y, cells_x, cells_y, right, bottom;

      ipms_panorama_chart_get_column_header_rect (self->chart, 0, &header);
      ipms_panorama_chart_get_row_header_rect (self->chart, 0, &row_header);
      ipms_panorama_chart_get_cell_rect (self->chart, n_columns - 1, n_rows - 1, &last);
      grid_x = row_header.x;
      grid_y = header.y;
      cells_x = header.x;
      cells_y = row_header.y;
      right = last.x + last.width;
      bottom = last.y + last.height;

      if (layer == IPMS_PANORAMA_LAYER_BACK)
        {
          add_piece (pieces, window, 0, 0, width, cells_y);
          add_piece (pieces, window, 0, cells_y, cells_x, bottom - cells_y);
          add_piece (pieces, window, right, cells_y, width - right, bottom - cells_y);
          add_piece (pieces, window, 0, bottom, width, height - bottom);
        }
      else
        {
          /* Lines one unit wide, with a unit on each side for their
           * antialiased edges; outlines within 8 units of a cell's edge. */
          add_piece (pieces, window, grid_x - 1, grid_y - 1, 3, bottom - grid_y + 2);
          add_piece (pieces, window, grid_x - 1, grid_y - 1, right - grid_x + 2, 3);
          for (guint column = 0; column <= n_columns; column++)
            {
              cairo_rectangle_t cell;
              double x = right;

              if (column < n_columns)
                {
                  ipms_panorama_chart_get_cell_rect (self->chart, column, 0, &cell);
                  x = cell.x;
                }
              add_piece (pieces, window, round (x) - 1, grid_y - 1, 3, bottom - grid_y + 2);
            }
          for (guint row = 0; row <= n_rows; row++)
            {
              cairo_rectangle_t cell;
              double y = bottom;

              if (row < n_rows)
                {
                  ipms_panorama_chart_get_cell_rect (self->chart, 0, row, &cell);
                  y = cell.y;
                }
              add_piece (pieces, window, grid_x - 1, round (y) - 1, right - grid_x + 2, 3);
            }
          for (guint row = 0; row < n_rows; row++)
            for (guint column = 0; column < n_columns; column++)
              {
                IpmsRecord *segment = ipms_panorama_chart_get_segment (self->chart, column, row);
                const char *role = segment != NULL ? ipms_record_get_string (segment, "role") : "none";
                cairo_rectangle_t cell;

                if (strcmp (role, "core") != 0 && strcmp (role, "radiating") != 0)
                  continue;
                ipms_panorama_chart_get_cell_rect (self->chart, column, row, &cell);
                add_piece (pieces, window, cell.x, cell.y, cell.width, 8);
                add_piece (pieces, window, cell.x, cell.y + cell.height - 8, cell.width, 8);
                add_piece (pieces, window, cell.x, cell.y + 8, 8, cell.height - 16);
                add_piece (pieces, window, cell.x + cell.width - 8, cell.y + 8, 8, cell.height - 16);
              }
        }
    }

  for (guint i = 0; i < pieces->len; i++)
    {
      const graphene_rect_t *piece = &g_array_index (pieces, graphene_rect_t, i);
      GskRenderNode *node = paint_to_node (self, &(cairo_rectangle_t) { piece->origin.x, piece->origin.y,
                                                                        piece->size.width, piece->size.height },
                                           -1, -1, layer);

      gtk_snapshot_append_node (snapshot, node);
      gsk_render_node_unref (node);
    }
}

/* The static layer: the chart's back, one node per cell, its front. After
 * an edit only the cells whose stamp changed are painted again (a move
 * repaints two cells, not two thousand chips). Only the cells in the paint
 * window are painted: at 10,000 products the first paint of every chip
 * took half a second. The back and the front are painted for the paint
 * window alone too: the headers of a whole tall grid and its legend cost
 * a tenth of the first show, and the renderer works through the whole of
 * a layer's recording wherever a frame repaints. A frame paints only the
 * cells in view that have no node yet; those around the view are painted
 * after it, in idle time (see paint_ahead()), so that a first show at
 * 10,000 products does not pay for cells it does not show. A scroll out
 * of the part held makes the layer again, with the cells already painted
 * kept. */
static void
ensure_static_node (IpmsPanoramaCanvas *self)
{
  g_autoptr(GHashTable) cells = NULL;
  g_autoptr(GHashTable) images = NULL;
  GtkSnapshot *snapshot;
  graphene_rect_t chart_rect = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  graphene_rect_t window;
  graphene_rect_t visible;
  graphene_rect_t image_window;
  double image_pixels = 0;
  gboolean partial = FALSE;
  gboolean images_missing = FALSE;
  double width = 0, height = 0;
  guint n_columns, n_rows;

  if (self->static_node != NULL && self->static_dark == self->dark)
    return;

  get_paint_window (self, &window);
  get_visible_area (self, &visible);
  get_image_window (self, &image_window);

  if (self->static_dark != self->dark)
    {
      g_hash_table_remove_all (self->cell_nodes);
      g_hash_table_remove_all (self->cell_images);
    }
  if (self->image_scale != get_image_scale (self))
    {
      g_hash_table_remove_all (self->cell_images);
      self->image_scale = get_image_scale (self);
    }

  g_clear_pointer (&self->static_node, gsk_render_node_unref);
  ipms_chart_get_size (IPMS_CHART (self->chart), &width, &height);
  graphene_rect_init (&chart_rect, 0, 0, width, height);
  if (!graphene_rect_intersection (&chart_rect, &window, &chart_rect))
    graphene_rect_init (&chart_rect, 0, 0, 0, 0);
  n_columns = ipms_panorama_chart_get_n_columns (self->chart);
  n_rows = ipms_panorama_chart_get_n_rows (self->chart);
  cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) gsk_render_node_unref);
  images = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) gsk_render_node_unref);

  snapshot = gtk_snapshot_new ();
  append_layer (self, snapshot, &chart_rect, IPMS_PANORAMA_LAYER_BACK);
  for (guint row = 0; row < n_rows; row++)
    for (guint column = 0; column < n_columns; column++)
      {
        guint64 stamp;
        GskRenderNode *node;
        cairo_rectangle_t cell;

        ipms_panorama_chart_get_cell_rect (self->chart, column, row, &cell);
        if (!rects_meet (&cell, &window))
          continue;

        stamp = ipms_panorama_chart_get_cell_stamp (self->chart, column, row);
        node = g_hash_table_lookup (self->cell_nodes, &stamp);
        if (node != NULL)
          gsk_render_node_ref (node);
        else if (rects_meet (&cell, &visible))
          node = paint_to_node (self, &cell, column, row, 0);
        else
          {
            partial = TRUE;
            continue;
          }
        g_hash_table_insert (cells, g_memdup2 (&stamp, sizeof stamp), node);

        if (self->image_scale > 0 && wants_image (&cell, &image_window, &visible, &image_pixels))
          {
            GskRenderNode *image = g_hash_table_lookup (self->cell_images, &stamp);

            if (image != NULL)
              {
                g_hash_table_insert (images, g_memdup2 (&stamp, sizeof stamp), gsk_render_node_ref (image));
                node = image;
              }
            else
              images_missing = TRUE;
          }

        gtk_snapshot_append_node (snapshot, node);
      }
  append_layer (self, snapshot, &chart_rect, IPMS_PANORAMA_LAYER_FRONT);

  /* Only this layout's cells are kept for the next time, and images only
   * of those near the view. */
  g_hash_table_unref (self->cell_nodes);
  self->cell_nodes = g_steal_pointer (&cells);
  g_hash_table_unref (self->cell_images);
  self->cell_images = g_steal_pointer (&images);

  self->static_node = gtk_snapshot_free_to_node (snapshot);
  /* Until the cells around the view are painted, any scroll makes the
   * layer again. */
  self->static_rect = partial ? visible : window;
  self->static_dark = self->dark;
  /* The nodes hold what they paint: the texts of chips no longer in the
   * window are shaped again if they come back. */
  ipms_panorama_chart_forget_chip_texts (self->chart, &(cairo_rectangle_t) { window.origin.x, window.origin.y,
                                                                            window.size.width, window.size.height });
  if ((partial || images_missing) && self->paint_ahead_id == 0)
    self->paint_ahead_id = g_idle_add (paint_ahead, self);
}

/* A scroll that shows cells the static layer does not hold, or a zoom or
 * a move to a screen of another scale, which would show its images
 * resampled. */
static void
check_static_rect (IpmsPanoramaCanvas *self)
{
  graphene_rect_t visible;

  if (self->static_node == NULL || self->viewport == NULL)
    return;

  ipms_canvas_viewport_get_visible_area (IPMS_CANVAS_VIEWPORT (self->viewport), &visible);
  if (graphene_rect_contains_rect (&self->static_rect, &visible) &&
      (g_hash_table_size (self->cell_images) == 0 || self->image_scale == get_image_scale (self)))
    return;

  g_clear_pointer (&self->static_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
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
        IpmsCanvasItem *item = _ipms_panorama_canvas_lookup_item (drag->kind == DRAG_COLUMN ? self->column_items : self->row_items,
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

/* Where the current cell is, from the chart alone: a frame must not query
 * the document, which finishes there and then a bulk step (the undo of an
 * import) that it is applying a slice at a time: a third of a second's
 * freeze at 10,000 products. */
static gboolean
find_current_cell (IpmsPanoramaCanvas *self,
                   guint              *column,
                   guint              *row)
{
  guint n_columns = ipms_panorama_chart_get_n_columns (self->chart);
  guint n_rows = ipms_panorama_chart_get_n_rows (self->chart);
  gboolean found_column = FALSE, found_row = FALSE;

  if (self->cell_x_item == 0)
    return FALSE;

  for (guint i = 0; i < n_columns && !found_column; i++)
    if (ipms_record_get_id (ipms_panorama_chart_get_column_item (self->chart, i)) == self->cell_x_item)
      {
        *column = i;
        found_column = TRUE;
      }
  for (guint i = 0; i < n_rows && !found_row; i++)
    if (ipms_record_get_id (ipms_panorama_chart_get_row_item (self->chart, i)) == self->cell_y_item)
      {
        *row = i;
        found_row = TRUE;
      }

  return found_column && found_row && ipms_panorama_chart_get_segment (self->chart, *column, *row) != NULL;
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
  /* Its parts one by one, never the layer as one node: alone in a frame
   * the layer would be this widget's whole node, and beside a focus ring
   * or a dragged chip in the next one a child of it. GTK tells what
   * changed between frames by matching nodes, so it would find nothing
   * alike and paint the whole view again, on every first press. */
  if (gsk_render_node_get_node_type (self->static_node) == GSK_CONTAINER_NODE)
    for (guint i = 0; i < gsk_container_node_get_n_children (self->static_node); i++)
      gtk_snapshot_append_node (snapshot, gsk_container_node_get_child (self->static_node, i));
  else
    gtk_snapshot_append_node (snapshot, self->static_node);

  if (self->drag.kind == DRAG_NONE && !self->preview_active)
    {
      guint column, row;

      if (find_current_cell (self, &column, &row))
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
      IpmsCanvasItem *header = _ipms_panorama_canvas_lookup_item (self->column_items, self->rename_item_id);
      graphene_rect_t bounds;

      if (header == NULL)
        header = _ipms_panorama_canvas_lookup_item (self->row_items, self->rename_item_id);
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
  /* GTK wants every child measured before it is allocated. */
  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
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
  GHashTableIter iter;
  gpointer value;

  if (self->chart == NULL)
    return;

  n_columns = ipms_panorama_chart_get_n_columns (self->chart);
  n_rows = ipms_panorama_chart_get_n_rows (self->chart);

  for (guint column = 0; column < n_columns; column++)
    {
      IpmsCanvasItem *item = _ipms_panorama_canvas_lookup_item (self->column_items,
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
      IpmsCanvasItem *item = _ipms_panorama_canvas_lookup_item (self->row_items,
                                          ipms_record_get_id (ipms_panorama_chart_get_row_item (self->chart, row)));
      cairo_rectangle_t rect;

      ipms_panorama_chart_get_row_header_rect (self->chart, row, &rect);
      if (item != NULL)
        allocate_at (GTK_WIDGET (item), &rect);
      if (self->rename_entry != NULL &&
          self->rename_item_id == ipms_record_get_id (ipms_panorama_chart_get_row_item (self->chart, row)))
        allocate_at (self->rename_entry, &(cairo_rectangle_t) { rect.x + 6, rect.y + rect.height / 2 - 18, rect.width - 12, 36 });
    }

  queue_visible_products (self);
  g_hash_table_iter_init (&iter, self->product_items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      cairo_rectangle_t chip;

      if (ipms_panorama_chart_get_chip_rect (self->chart, ipms_canvas_item_get_id (value), &chip))
        allocate_at (value, &chip);
    }

  if (self->menu != NULL)
    ipms_canvas_menu_allocate (IPMS_CANVAS_MENU (self->menu));

  if (self->scroll_to_cell)
    {
      guint column, row;
      GtkWidget *view = gtk_widget_get_ancestor (widget, IPMS_TYPE_CANVAS_VIEW);

      self->scroll_to_cell = FALSE;
      if (view != NULL && find_current_cell (self, &column, &row))
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
        _ipms_panorama_canvas_focus_item (self, focus);
    }

  /* A new zoom shows more of the chart than the static layer may hold. */
  check_static_rect (self);
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
  g_hash_table_remove_all (self->cell_images);
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
    case PROP_PRESSED:
      g_value_set_boolean (value, ipms_panorama_canvas_get_pressed (self));
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

  _ipms_panorama_canvas_drag_reset (self);
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
  watch_viewport (self, NULL);
  if (self->visible_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->visible_tick_id);
      self->visible_tick_id = 0;
    }
  if (self->sync_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->sync_tick_id);
      self->sync_tick_id = 0;
    }
  g_clear_handle_id (&self->paint_ahead_id, g_source_remove);

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
  g_clear_pointer (&self->cell_images, g_hash_table_unref);

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
  widget_class->focus = _ipms_panorama_canvas_focus;
  widget_class->map = ipms_panorama_canvas_map;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, IPMS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, IPMS_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRESSED] =
    g_param_spec_boolean ("pressed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
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

  _ipms_panorama_canvas_class_actions_init (widget_class);

  gtk_widget_class_set_css_name (widget_class, "panoramacanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ipms_panorama_canvas_init (IpmsPanoramaCanvas *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->product_items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->column_items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->row_items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->cell_nodes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                            (GDestroyNotify) gsk_render_node_unref);
  self->cell_images = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                             (GDestroyNotify) gsk_render_node_unref);

  g_signal_connect (self, "notify::parent", G_CALLBACK (on_parent_changed), NULL);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (check_static_rect), NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Product panorama"),
                                  -1);

  self->dark = adw_style_manager_get_dark (manager);
  self->dark_id = g_signal_connect_swapped (manager, "notify::dark", G_CALLBACK (on_dark_changed), self);

  _ipms_panorama_canvas_drag_init (self);
  _ipms_panorama_canvas_keyboard_init (self);

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

  /* Asked before the next frame, after a change laid out anew. */
  catch_up (self);

  return GTK_WIDGET (_ipms_panorama_canvas_ensure_item (self, kind, id));
}

guint
ipms_panorama_canvas_get_n_cell_images (IpmsPanoramaCanvas *self)
{
  g_return_val_if_fail (IPMS_IS_PANORAMA_CANVAS (self), 0);

  return g_hash_table_size (self->cell_images);
}

gboolean
ipms_panorama_canvas_get_pressed (IpmsPanoramaCanvas *self)
{
  g_return_val_if_fail (IPMS_IS_PANORAMA_CANVAS (self), FALSE);

  return self->drag.kind != DRAG_NONE;
}

void
_ipms_panorama_canvas_notify_pressed (IpmsPanoramaCanvas *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESSED]);
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
