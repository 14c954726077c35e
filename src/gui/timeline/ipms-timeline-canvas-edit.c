/* ipms-timeline-canvas-edit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ipms-canvas-view.h"
#include "ipms-format.h"
#include "ipms-merge-key.h"
#include "ipms-new-products-chart.h"
#include "ipms-product-editor.h"
#include "ipms-record.h"
#include "ipms-roadmap-chart.h"
#include "ipms-time-axis.h"
#include "ipms-timeline-canvas-private.h"
#include "ipms-timeline-edits.h"
#include "ipms-window.h"

/* A press that moves less than this is a click, not a drag. */
#define DRAG_THRESHOLD 3.0

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
guint32
_ipms_timeline_canvas_landing_at (IpmsTimelineCanvas *self,
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
gboolean
_ipms_timeline_canvas_under_kept_labels (IpmsTimelineCanvas *self,
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

  id = _ipms_timeline_canvas_under_kept_labels (self, x, y) ? 0
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

void
_ipms_timeline_canvas_scroll_to_item (IpmsTimelineCanvas *self,
                                      gint64              id)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), IPMS_TYPE_CANVAS_VIEW);
  graphene_rect_t rect;

  if (view != NULL && _ipms_timeline_canvas_item_rect (self, id, &rect))
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
  _ipms_timeline_canvas_scroll_to_item (self, id);
  return TRUE;
}

gboolean
ipms_timeline_canvas_activate_at (IpmsTimelineCanvas *self,
                                  double              x,
                                  double              y)
{
  IpmsTimelinePart part = IPMS_TIMELINE_PART_NONE;
  gint64 id;

  g_return_val_if_fail (IPMS_IS_TIMELINE_CANVAS (self), FALSE);

  if (self->chart == NULL || _ipms_timeline_canvas_under_kept_labels (self, x, y))
    return FALSE;

  id = np_chart (self) != NULL ? ipms_new_products_chart_hit_test (np_chart (self), x, y, &part)
                               : ipms_roadmap_chart_hit_test (rm_chart (self), x, y, &part);
  if (id == 0 || part == IPMS_TIMELINE_PART_BAND_MIN || part == IPMS_TIMELINE_PART_BAND_MAX)
    return FALSE;

  ipms_product_editor_open_prd (GTK_WIDGET (self), self->document, id);
  return TRUE;
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
      guint32 start = _ipms_timeline_canvas_landing_at (self, x, y, &unused);
      /* A new product gets a quarter of development and launches a month
       * after: something to drag into shape rather than a dot. */
      guint32 complete = ipms_time_unit_add (IPMS_TIME_UNIT_MONTH, start, 3) - 1;
      guint32 launch = ipms_time_unit_add (IPMS_TIME_UNIT_MONTH, complete + 1, 1);

      ok = ipms_timeline_schedule_product (self->document, product_id, start, complete, launch, -1, &error);
    }
  else
    {
      double price;
      guint32 launch = _ipms_timeline_canvas_landing_at (self, x, y, &price);

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
char *
_ipms_timeline_canvas_describe_product (IpmsRecord *product,
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

  return _ipms_timeline_canvas_describe_product (product, ipms_document_get_project (self->document));
}
