/* ipms-panorama-canvas-keyboard.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The panorama canvas: keyboard focus among the items and arrow keys.
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

/* Keyboard */

IpmsCanvasItem *
_ipms_panorama_canvas_get_focus_item (IpmsPanoramaCanvas *self)
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
  IpmsCanvasItem *item = lead != 0 ? _ipms_panorama_canvas_ensure_item (self, IPMS_PANORAMA_ITEM_PRODUCT, lead) : NULL;
  guint n_columns = ipms_panorama_chart_get_n_columns (self->chart);
  guint n_rows = ipms_panorama_chart_get_n_rows (self->chart);

  if (item != NULL)
    return GTK_WIDGET (item);

  for (guint row = 0; row < n_rows; row++)
    for (guint column = 0; column < n_columns; column++)
      {
        GPtrArray *products = ipms_panorama_chart_get_products (self->chart, column, row);

        if (products->len > 0)
          return GTK_WIDGET (_ipms_panorama_canvas_ensure_item (self, IPMS_PANORAMA_ITEM_PRODUCT,
                                                               ipms_record_get_id (g_ptr_array_index (products, 0))));
      }

  if (n_columns > 0)
    return GTK_WIDGET (_ipms_panorama_canvas_lookup_item (self->column_items,
                                    ipms_record_get_id (ipms_panorama_chart_get_column_item (self->chart, 0))));

  return NULL;
}

typedef struct
{
  double                ox;
  double                oy;
  GtkDirectionType      direction;
  double                best_score;
  IpmsPanoramaItemKind  best_kind;
  gint64                best_id;
} Neighbour;

static void
consider (Neighbour               *n,
          IpmsPanoramaItemKind     kind,
          gint64                   id,
          const cairo_rectangle_t *rect)
{
  double dx = rect->x + rect->width / 2 - n->ox;
  double dy = rect->y + rect->height / 2 - n->oy;
  double along, across;

  switch (n->direction)
    {
    case GTK_DIR_LEFT: along = -dx; across = fabs (dy); break;
    case GTK_DIR_RIGHT: along = dx; across = fabs (dy); break;
    case GTK_DIR_UP: along = -dy; across = fabs (dx); break;
    case GTK_DIR_DOWN: along = dy; across = fabs (dx); break;
    case GTK_DIR_TAB_FORWARD:
    case GTK_DIR_TAB_BACKWARD:
    default:
      return;
    }

  if (along <= 1 || across > along)
    return;

  if (along + 2 * across < n->best_score)
    {
      n->best_score = along + 2 * across;
      n->best_kind = kind;
      n->best_id = id;
    }
}

/* The item nearest to `from` in a direction: centres within a 45° cone,
 * distance along the direction plus twice the distance across it. Found
 * in the chart's geometry, not among the widgets, which only the chips
 * near the view have: the next chip's widget is made when it is reached. */
static GtkWidget *
find_neighbour (IpmsPanoramaCanvas *self,
                GtkWidget          *from,
                GtkDirectionType    direction)
{
  IpmsPanoramaItemKind from_kind = ipms_canvas_item_get_kind (IPMS_CANVAS_ITEM (from));
  gint64 from_id = ipms_canvas_item_get_id (IPMS_CANVAS_ITEM (from));
  guint n_columns = ipms_panorama_chart_get_n_columns (self->chart);
  guint n_rows = ipms_panorama_chart_get_n_rows (self->chart);
  Neighbour n = { 0, 0, direction, G_MAXDOUBLE, 0, 0 };
  cairo_rectangle_t origin, rect;

  if (direction != GTK_DIR_LEFT && direction != GTK_DIR_RIGHT &&
      direction != GTK_DIR_UP && direction != GTK_DIR_DOWN)
    return NULL;

  if (!_ipms_panorama_canvas_get_item_rect (self, from_kind, from_id, &origin))
    return NULL;

  n.ox = origin.x + origin.width / 2;
  n.oy = origin.y + origin.height / 2;

  for (guint column = 0; column < n_columns; column++)
    {
      gint64 id = ipms_record_get_id (ipms_panorama_chart_get_column_item (self->chart, column));

      ipms_panorama_chart_get_column_header_rect (self->chart, column, &rect);
      if (from_kind != IPMS_PANORAMA_ITEM_COLUMN || id != from_id)
        consider (&n, IPMS_PANORAMA_ITEM_COLUMN, id, &rect);
    }

  for (guint row = 0; row < n_rows; row++)
    {
      gint64 id = ipms_record_get_id (ipms_panorama_chart_get_row_item (self->chart, row));

      ipms_panorama_chart_get_row_header_rect (self->chart, row, &rect);
      if (from_kind != IPMS_PANORAMA_ITEM_ROW || id != from_id)
        consider (&n, IPMS_PANORAMA_ITEM_ROW, id, &rect);
    }

  for (guint row = 0; row < n_rows; row++)
    for (guint column = 0; column < n_columns; column++)
      {
        GPtrArray *products = ipms_panorama_chart_get_products (self->chart, column, row);

        for (guint i = 0; i < products->len; i++)
          {
            gint64 id = ipms_record_get_id (g_ptr_array_index (products, i));

            ipms_panorama_chart_get_slot_rect (self->chart, column, row, i, &rect);
            if (from_kind != IPMS_PANORAMA_ITEM_PRODUCT || id != from_id)
              consider (&n, IPMS_PANORAMA_ITEM_PRODUCT, id, &rect);
          }
      }

  if (n.best_id == 0)
    return NULL;

  return GTK_WIDGET (_ipms_panorama_canvas_ensure_item (self, n.best_kind, n.best_id));
}

void
_ipms_panorama_canvas_move_selection_to_neighbour (IpmsPanoramaCanvas *self,
                                                   const char         *direction)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = _ipms_panorama_canvas_dup_selected_placed (self);
  IpmsCanvasItem *focus = _ipms_panorama_canvas_get_focus_item (self);
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
    _ipms_panorama_canvas_report_error (self, _("Could not move the products"), error);
  else
    _ipms_panorama_canvas_set_current_cell_from_product (self, anchor);
}

/* The Menu key or Shift+F10: the menu of the focused item, pointing at it
 * (scrolled into sight first, so that the menu never opens off screen). */
gboolean
_ipms_panorama_canvas_popup_menu_for_focus (IpmsPanoramaCanvas *self,
                                            IpmsCanvasItem     *focus)
{
  graphene_rect_t bounds;
  cairo_rectangle_t rect;

  if (focus == NULL ||
      !_ipms_panorama_canvas_get_item_rect (self, ipms_canvas_item_get_kind (focus), ipms_canvas_item_get_id (focus), &rect))
    return FALSE;
  graphene_rect_init (&bounds, rect.x, rect.y, rect.width, rect.height);

  _ipms_panorama_canvas_focus_item (self, GTK_WIDGET (focus));
  _ipms_panorama_canvas_popup_menu_at (self, &bounds, GTK_WIDGET (focus));
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

  _ipms_panorama_canvas_focus_item (self, next);
  if (ipms_canvas_item_get_kind (IPMS_CANVAS_ITEM (next)) == IPMS_PANORAMA_ITEM_PRODUCT)
    {
      gint64 next_id = ipms_canvas_item_get_id (IPMS_CANVAS_ITEM (next));

      if (extend)
        ipms_selection_add (self->selection, next_id);
      else
        ipms_selection_select_only (self->selection, next_id);
      _ipms_panorama_canvas_set_current_cell_from_product (self, next_id);
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
  IpmsCanvasItem *focus = _ipms_panorama_canvas_get_focus_item (self);
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
        _ipms_panorama_canvas_emit_open_product (self, id);
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
      _ipms_panorama_canvas_focus_item (self, first_item (self));
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

gboolean
_ipms_panorama_canvas_focus (GtkWidget        *widget,
                             GtkDirectionType  direction)
{
  IpmsPanoramaCanvas *self = IPMS_PANORAMA_CANVAS (widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  GtkWidget *target;

  /* Inside the canvas the arrow keys move between items; Tab leaves it.
   * The rename entry and the context menu keep the keys for themselves:
   * Down in the menu went on to the zoom buttons below the chart. */
  if (focus_child != NULL)
    {
      if (!IPMS_IS_CANVAS_ITEM (focus_child))
        return gtk_widget_child_focus (focus_child, direction);
      if (direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_TAB_BACKWARD)
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

  _ipms_panorama_canvas_focus_item (self, target);
  return TRUE;
}


void
_ipms_panorama_canvas_keyboard_init (IpmsPanoramaCanvas *self)
{
  GtkEventController *controller;

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
