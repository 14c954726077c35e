/* ipms-canvas-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ipms-canvas-item.h"
#include "ipms-chart-style.h"

struct _IpmsCanvasItem
{
  GtkWidget  parent_instance;

  int        kind;
  gint64     id;
  char      *label;
  double     radius;
  guint      selected : 1;
  guint      dark : 1;
};

G_DEFINE_FINAL_TYPE (IpmsCanvasItem, ipms_canvas_item, GTK_TYPE_WIDGET)

static void
append_rounded (GtkSnapshot     *snapshot,
                const graphene_rect_t *rect,
                double           radius,
                const IpmsColor *fill,
                const IpmsColor *border,
                double           width)
{
  GskRoundedRect outline;
  GdkRGBA fill_rgba = { fill->red, fill->green, fill->blue, fill->alpha };
  GdkRGBA border_rgba = { border->red, border->green, border->blue, border->alpha };
  GdkRGBA colors[4] = { border_rgba, border_rgba, border_rgba, border_rgba };
  float widths[4] = { width, width, width, width };

  gsk_rounded_rect_init_from_rect (&outline, rect, radius);
  if (fill->alpha > 0)
    {
      gtk_snapshot_push_rounded_clip (snapshot, &outline);
      gtk_snapshot_append_color (snapshot, &fill_rgba, rect);
      gtk_snapshot_pop (snapshot);
    }
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

static void
ipms_canvas_item_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  IpmsCanvasItem *self = IPMS_CANVAS_ITEM (widget);
  const IpmsChartPalette *palette = ipms_chart_style_get_palette (self->dark);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);

  if (self->selected)
    {
      IpmsColor fill = palette->accent;

      fill.alpha = 0.16;
      append_rounded (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height),
                      self->radius, &fill, &palette->accent, 2.5);
    }

  if (gtk_widget_has_visible_focus (widget))
    {
      IpmsColor none = { 0, 0, 0, 0 };
      IpmsColor ring = palette->accent;

      ring.alpha = 0.7;
      append_rounded (snapshot, &GRAPHENE_RECT_INIT (-4, -4, width + 8, height + 8),
                      self->radius + 4, &none, &ring, 2);
    }
}

static void
ipms_canvas_item_state_flags_changed (GtkWidget     *widget,
                                      GtkStateFlags  previous)
{
  GtkStateFlags now = gtk_widget_get_state_flags (widget);

  if ((now ^ previous) & (GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE))
    gtk_widget_queue_draw (widget);

  GTK_WIDGET_CLASS (ipms_canvas_item_parent_class)->state_flags_changed (widget, previous);
}

static void
ipms_canvas_item_finalize (GObject *object)
{
  IpmsCanvasItem *self = (IpmsCanvasItem *)object;

  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (ipms_canvas_item_parent_class)->finalize (object);
}

static void
ipms_canvas_item_class_init (IpmsCanvasItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ipms_canvas_item_finalize;

  widget_class->snapshot = ipms_canvas_item_snapshot;
  widget_class->state_flags_changed = ipms_canvas_item_state_flags_changed;

  gtk_widget_class_set_css_name (widget_class, "canvasitem");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
ipms_canvas_item_init (IpmsCanvasItem *self)
{
  self->radius = 6;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_VISIBLE);
}

GtkWidget *
ipms_canvas_item_new (int    kind,
                      gint64 id)
{
  IpmsCanvasItem *self = g_object_new (IPMS_TYPE_CANVAS_ITEM, NULL);

  self->kind = kind;
  self->id = id;

  return GTK_WIDGET (self);
}

int
ipms_canvas_item_get_kind (IpmsCanvasItem *self)
{
  g_return_val_if_fail (IPMS_IS_CANVAS_ITEM (self), 0);

  return self->kind;
}

gint64
ipms_canvas_item_get_id (IpmsCanvasItem *self)
{
  g_return_val_if_fail (IPMS_IS_CANVAS_ITEM (self), 0);

  return self->id;
}

void
ipms_canvas_item_set_id (IpmsCanvasItem *self,
                         gint64          id)
{
  g_return_if_fail (IPMS_IS_CANVAS_ITEM (self));

  self->id = id;
}

gboolean
ipms_canvas_item_get_selected (IpmsCanvasItem *self)
{
  g_return_val_if_fail (IPMS_IS_CANVAS_ITEM (self), FALSE);

  return self->selected;
}

void
ipms_canvas_item_set_selected (IpmsCanvasItem *self,
                               gboolean        selected)
{
  g_return_if_fail (IPMS_IS_CANVAS_ITEM (self));

  selected = !!selected;
  if (self->selected == (guint) selected)
    return;

  self->selected = selected;
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_SELECTED, selected,
                               -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ipms_canvas_item_set_label (IpmsCanvasItem *self,
                            const char     *label)
{
  g_return_if_fail (IPMS_IS_CANVAS_ITEM (self));

  if (g_strcmp0 (self->label, label) == 0)
    return;

  g_free (self->label);
  self->label = g_strdup (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

const char *
ipms_canvas_item_get_label (IpmsCanvasItem *self)
{
  g_return_val_if_fail (IPMS_IS_CANVAS_ITEM (self), NULL);

  return self->label;
}

void
ipms_canvas_item_set_dark (IpmsCanvasItem *self,
                           gboolean        dark)
{
  g_return_if_fail (IPMS_IS_CANVAS_ITEM (self));

  dark = !!dark;
  if (self->dark == (guint) dark)
    return;

  self->dark = dark;
  if (self->selected || gtk_widget_has_focus (GTK_WIDGET (self)))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ipms_canvas_item_set_radius (IpmsCanvasItem *self,
                             double          radius)
{
  g_return_if_fail (IPMS_IS_CANVAS_ITEM (self));

  self->radius = radius;
}
