/* ipms-chart-picture.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "ipms-chart-picture.h"

/* Below this width the text of the chart would be too small to read: the
 * picture keeps this width and its parent scrolls. */
#define MIN_WIDTH 320

struct _IpmsChartPicture
{
  GtkWidget  parent_instance;

  IpmsChart *chart;
};

G_DEFINE_FINAL_TYPE (IpmsChartPicture, ipms_chart_picture, GTK_TYPE_WIDGET)

static double
chart_scale (double chart_width,
             int    width)
{
  return MIN (1.0, MAX (width, MIN_WIDTH) / chart_width);
}

static GtkSizeRequestMode
ipms_chart_picture_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ipms_chart_picture_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  IpmsChartPicture *self = IPMS_CHART_PICTURE (widget);
  double chart_width, chart_height;

  /* A chart that lays itself out for the width shows at 1:1 from its least
   * width up: its text is as crisp, and its fonts as sized, as the other
   * charts'. Its height stays the same. */
  if (orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0)
    ipms_chart_set_width (self->chart, for_size);
  ipms_chart_get_size (self->chart, &chart_width, &chart_height);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = (int) ceil (chart_width);
    }
  else
    {
      int width = for_size >= 0 ? for_size : (int) chart_width;

      *minimum = *natural = (int) ceil (chart_height * chart_scale (chart_width, width));
    }
}

static void
ipms_chart_picture_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  IpmsChartPicture *self = IPMS_CHART_PICTURE (widget);
  int width = gtk_widget_get_width (widget);
  double scale, chart_width, chart_height;
  IpmsChartPaintOptions options = {
    .dark = adw_style_manager_get_dark (adw_style_manager_get_default ()),
    .for_print = TRUE,
  };
  cairo_t *cr;

  ipms_chart_set_width (self->chart, width);
  ipms_chart_get_size (self->chart, &chart_width, &chart_height);
  scale = chart_scale (chart_width, width);
  options.scale = scale * gtk_widget_get_scale_factor (widget);

  /* Centred when the page is wider than the chart. */
  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (MAX (0, (width - chart_width * scale) / 2), 0,
                                                       chart_width * scale, chart_height * scale));
  cairo_translate (cr, MAX (0, (width - chart_width * scale) / 2), 0);
  cairo_scale (cr, scale, scale);
  ipms_chart_paint (self->chart, cr, &options);
  cairo_destroy (cr);
}

static void
ipms_chart_picture_dispose (GObject *object)
{
  IpmsChartPicture *self = IPMS_CHART_PICTURE (object);

  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  g_clear_object (&self->chart);

  G_OBJECT_CLASS (ipms_chart_picture_parent_class)->dispose (object);
}

static void
ipms_chart_picture_class_init (IpmsChartPictureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipms_chart_picture_dispose;
  widget_class->get_request_mode = ipms_chart_picture_get_request_mode;
  widget_class->measure = ipms_chart_picture_measure;
  widget_class->snapshot = ipms_chart_picture_snapshot;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "chartpicture");
}

static void
ipms_chart_picture_init (IpmsChartPicture *self)
{
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
ipms_chart_picture_new (IpmsChart  *chart,
                        const char *label)
{
  IpmsChartPicture *self;

  g_return_val_if_fail (IPMS_IS_CHART (chart), NULL);

  self = g_object_new (IPMS_TYPE_CHART_PICTURE, NULL);
  self->chart = g_object_ref (chart);
  /* The charts emit "changed" when what they draw changed, and may be resized. */
  g_signal_connect_object (chart, "changed", G_CALLBACK (gtk_widget_queue_resize), self, G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  return GTK_WIDGET (self);
}

IpmsChart *
ipms_chart_picture_get_chart (IpmsChartPicture *self)
{
  g_return_val_if_fail (IPMS_IS_CHART_PICTURE (self), NULL);

  return self->chart;
}
