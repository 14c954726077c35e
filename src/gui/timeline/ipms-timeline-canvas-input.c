/* ipms-timeline-canvas-input.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-canvas-item.h"
#include "ipms-canvas-menu.h"
#include "ipms-canvas-view.h"
#include "ipms-new-products-chart.h"
#include "ipms-product-editor.h"
#include "ipms-record.h"
#include "ipms-roadmap-chart.h"
#include "ipms-canvas-viewport.h"
#include "ipms-timeline-canvas-private.h"

static gint64
focused_product (IpmsTimelineCanvas *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (!IPMS_IS_CANVAS_ITEM (focus) || gtk_widget_get_parent (focus) != GTK_WIDGET (self))
    return 0;

  return ipms_canvas_item_get_id (IPMS_CANVAS_ITEM (focus));
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
  if (id != 0 && _ipms_timeline_canvas_item_rect (self, id, &rect) &&
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

  if (self->chart == NULL || self->drag.active || _ipms_timeline_canvas_under_kept_labels (self, x, y))
    return;

  id = np_chart (self) != NULL ? ipms_new_products_chart_hit_test (np_chart (self), x, y, &part)
                               : ipms_roadmap_chart_hit_test (rm_chart (self), x, y, &part);
  if (id == 0 || part == IPMS_TIMELINE_PART_BAND_MIN || part == IPMS_TIMELINE_PART_BAND_MAX)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  show_menu (self, id, x, y);
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

      if (!_ipms_timeline_canvas_item_rect (self, id, &rect) || !graphene_rect_intersection (&rect, &window, NULL))
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
  else if (_ipms_timeline_canvas_under_kept_labels (self, x, y))
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

  self->drop_day = _ipms_timeline_canvas_landing_at (self, x, y, &self->drop_price);
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

void
_ipms_timeline_canvas_class_input_init (GtkWidgetClass *widget_class)
{
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
}

void
_ipms_timeline_canvas_input_init (IpmsTimelineCanvas *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkDropTarget *drop = gtk_drop_target_new (IPMS_TYPE_RECORD, GDK_ACTION_COPY);
  GtkGesture *secondary = gtk_gesture_click_new ();
  GtkGesture *click = gtk_gesture_click_new ();

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
}
