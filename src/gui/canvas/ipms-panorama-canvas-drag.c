/* ipms-panorama-canvas-drag.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The panorama canvas: drags of chips, headers and rubber bands, palette
 * drops, and the gestures that drive them.
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
#include "ipms-panorama-canvas-private.h"
#include "ipms-panorama-edits.h"

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

void
_ipms_panorama_canvas_drag_reset (IpmsPanoramaCanvas *self)
{
  Drag *drag = &self->drag;
  gboolean was_pressed = drag->kind != DRAG_NONE;

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
  if (was_pressed)
    _ipms_panorama_canvas_notify_pressed (self);
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
  ipms_canvas_point_in_window (GTK_WIDGET (self), x, y, &drag->start_in_window);
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
        drag->ids = _ipms_panorama_canvas_dup_selected_placed (self);
        _ipms_panorama_canvas_focus_item (self, GTK_WIDGET (_ipms_panorama_canvas_ensure_item (self, IPMS_PANORAMA_ITEM_PRODUCT, hit.product_id)));
        _ipms_panorama_canvas_set_current_cell_from_product (self, hit.product_id);
      }
      break;

    case IPMS_PANORAMA_HIT_COLUMN_HEADER:
      drag->kind = DRAG_COLUMN;
      drag->item_id = ipms_record_get_id (ipms_panorama_chart_get_column_item (self->chart, hit.column));
      _ipms_panorama_canvas_focus_item (self, GTK_WIDGET (_ipms_panorama_canvas_lookup_item (self->column_items, drag->item_id)));
      break;

    case IPMS_PANORAMA_HIT_ROW_HEADER:
      drag->kind = DRAG_ROW;
      drag->item_id = ipms_record_get_id (ipms_panorama_chart_get_row_item (self->chart, hit.row));
      _ipms_panorama_canvas_focus_item (self, GTK_WIDGET (_ipms_panorama_canvas_lookup_item (self->row_items, drag->item_id)));
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

  _ipms_panorama_canvas_notify_pressed (self);

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

  /* Measured in the window: in the chart's coordinates, a release where
   * the press was reads as a move when the view scrolled in between (the
   * segment panel opening beside the grid scrolls it to keep its cell in
   * sight), and the click moved the chip. */
  if (!drag->moved &&
      ipms_canvas_travel_in_window (GTK_WIDGET (self), x, y, &drag->start_in_window) < DRAG_THRESHOLD)
    return;

  /* Once: each call makes a new cursor, a round trip to the X server in
   * every frame of the drag. */
  if (!drag->moved)
    {
      static const char * const cursors[] = {
        [DRAG_CHIPS] = "grabbing",
        [DRAG_COLUMN] = "col-resize",
        [DRAG_ROW] = "row-resize",
      };

      drag->moved = TRUE;
      if ((guint) drag->kind < G_N_ELEMENTS (cursors) && cursors[drag->kind] != NULL)
        gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursors[drag->kind]);
    }

  switch (drag->kind)
    {
    case DRAG_CHIPS:
      {
        IpmsPanoramaHit hit;

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
      _ipms_panorama_canvas_drag_reset (self);
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

        _ipms_panorama_canvas_drag_reset (self);

        if (target == TARGET_CELL && ids->len > 0)
          ok = ipms_panorama_place_products (self->document, (const gint64 *) ids->data, ids->len,
                                             ipms_record_get_id (ipms_panorama_chart_get_column_item (self->chart, column)),
                                             ipms_record_get_id (ipms_panorama_chart_get_row_item (self->chart, row)),
                                             index, NULL, &error);
        else if (target == TARGET_UNPLACE && ids->len > 0)
          ok = ipms_panorama_unplace_products (self->document, (const gint64 *) ids->data, ids->len, &error);
        if (!ok)
          _ipms_panorama_canvas_report_error (self, _("Could not move the products"), error);
      }
      break;

    case DRAG_COLUMN:
    case DRAG_ROW:
      {
        gint64 item_id = drag->item_id;
        guint index = drag->kind == DRAG_COLUMN
                        ? ipms_panorama_chart_get_column_drop_index (self->chart, x)
                        : ipms_panorama_chart_get_row_drop_index (self->chart, y);

        _ipms_panorama_canvas_drag_reset (self);
        if (!ipms_panorama_move_axis_item (self->document, item_id, index, &error))
          _ipms_panorama_canvas_report_error (self, _("Could not move the row or column"), error);
      }
      break;

    case DRAG_RUBBER_BAND:
    case DRAG_NONE:
    default:
      _ipms_panorama_canvas_drag_reset (self);
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

  _ipms_panorama_canvas_drag_reset (self);
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
      _ipms_panorama_canvas_emit_open_product (self, hit.product_id);
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
      _ipms_panorama_canvas_report_error (self, _("Could not place the products"), error);
      return FALSE;
    }

  ipms_selection_set (self->selection, ids, n_ids);
  _ipms_panorama_canvas_set_current_cell_from_product (self, ids[0]);

  return TRUE;
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
    item = _ipms_panorama_canvas_ensure_item (self, IPMS_PANORAMA_ITEM_PRODUCT, hit.product_id);
  else if (hit.kind == IPMS_PANORAMA_HIT_COLUMN_HEADER)
    item = _ipms_panorama_canvas_lookup_item (self->column_items,
                        ipms_record_get_id (ipms_panorama_chart_get_column_item (self->chart, hit.column)));
  else if (hit.kind == IPMS_PANORAMA_HIT_ROW_HEADER)
    item = _ipms_panorama_canvas_lookup_item (self->row_items,
                        ipms_record_get_id (ipms_panorama_chart_get_row_item (self->chart, hit.row)));

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  _ipms_panorama_canvas_popup_menu_at (self, &GRAPHENE_RECT_INIT (x, y, 1, 1),
                 item != NULL ? GTK_WIDGET (item) : (GtkWidget *) _ipms_panorama_canvas_get_focus_item (self));
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

  item = _ipms_panorama_canvas_ensure_item (self, IPMS_PANORAMA_ITEM_PRODUCT, hit.product_id);
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


void
_ipms_panorama_canvas_drag_init (IpmsPanoramaCanvas *self)
{
  GtkGesture *click;
  GtkDropTarget *drop;

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

  drop = gtk_drop_target_new (IPMS_TYPE_PRODUCT_DRAG, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  gtk_drop_target_set_preload (drop, TRUE);
  g_signal_connect (drop, "motion", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (drop, "enter", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (drop, "leave", G_CALLBACK (on_drop_leave), self);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
}
