/* ipms-price-strip.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "ipms-price-strip.h"

#define HEIGHT 40
#define DOT 5.0
#define PADDING 12.0

struct _IpmsPriceStrip
{
  GtkWidget  parent_instance;

  double     price;
  GArray    *prices;
};

G_DEFINE_FINAL_TYPE (IpmsPriceStrip, ipms_price_strip, GTK_TYPE_WIDGET)

static void
ipms_price_strip_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 400;
    }
  else
    *minimum = *natural = HEIGHT;
}

static void
ipms_price_strip_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  IpmsPriceStrip *self = IPMS_PRICE_STRIP (widget);
  int width = gtk_widget_get_width (widget);
  double low = G_MAXDOUBLE, high = -G_MAXDOUBLE;
  GdkRGBA foreground, accent;
  AdwStyleManager *style = adw_style_manager_get_default ();
  cairo_t *cr;
  double y = HEIGHT / 2.0;

  for (guint i = 0; i < self->prices->len; i++)
    {
      low = MIN (low, g_array_index (self->prices, double, i));
      high = MAX (high, g_array_index (self->prices, double, i));
    }
  if (self->price >= 0)
    {
      low = MIN (low, self->price);
      high = MAX (high, self->price);
    }
  if (low > high)
    return;

#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, &foreground);
#else
  /* GTK 4.8 has no gtk_widget_get_color(). */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &foreground);
#endif
  /* libadwaita 1.2's accent blue, lighter on dark. */
  if (adw_style_manager_get_dark (style))
    gdk_rgba_parse (&accent, "#78aeed");
  else
    gdk_rgba_parse (&accent, "#1c71d8");

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, HEIGHT));

#define X(p) (high > low ? PADDING + ((p) - low) / (high - low) * (width - 2 * PADDING) : width / 2.0)

  cairo_set_line_width (cr, 2);
  cairo_set_source_rgba (cr, foreground.red, foreground.green, foreground.blue, 0.3);
  cairo_move_to (cr, PADDING, y);
  cairo_line_to (cr, width - PADDING, y);
  cairo_stroke (cr);

  cairo_set_source_rgba (cr, foreground.red, foreground.green, foreground.blue, 0.7);
  for (guint i = 0; i < self->prices->len; i++)
    {
      cairo_arc (cr, X (g_array_index (self->prices, double, i)), y, DOT, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  if (self->price >= 0)
    {
      double x = X (self->price);

      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_move_to (cr, x, y - DOT * 2.6);
      cairo_line_to (cr, x + DOT * 1.6, y - DOT * 0.6);
      cairo_line_to (cr, x - DOT * 1.6, y - DOT * 0.6);
      cairo_close_path (cr);
      cairo_fill (cr);
      cairo_rectangle (cr, x - 1.5, y - DOT, 3, DOT * 2.4);
      cairo_fill (cr);
    }
#undef X

  cairo_destroy (cr);
}

static void
ipms_price_strip_finalize (GObject *object)
{
  IpmsPriceStrip *self = IPMS_PRICE_STRIP (object);

  g_clear_pointer (&self->prices, g_array_unref);

  G_OBJECT_CLASS (ipms_price_strip_parent_class)->finalize (object);
}

static void
ipms_price_strip_class_init (IpmsPriceStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ipms_price_strip_finalize;
  widget_class->measure = ipms_price_strip_measure;
  widget_class->snapshot = ipms_price_strip_snapshot;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "pricestrip");
}

static void
ipms_price_strip_init (IpmsPriceStrip *self)
{
  self->price = -1;
  self->prices = g_array_new (FALSE, FALSE, sizeof (double));
}

GtkWidget *
ipms_price_strip_new (void)
{
  return g_object_new (IPMS_TYPE_PRICE_STRIP, NULL);
}

void
ipms_price_strip_set_prices (IpmsPriceStrip     *self,
                             double              price,
                             const double       *prices,
                             guint               n)
{
  g_return_if_fail (IPMS_IS_PRICE_STRIP (self));

  self->price = price;
  g_array_set_size (self->prices, 0);
  g_array_append_vals (self->prices, prices, n);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
