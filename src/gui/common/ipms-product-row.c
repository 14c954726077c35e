/* ipms-product-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ipms-accessible.h"
#include "ipms-chart-style.h"
#include "ipms-format.h"
#include "ipms-product-row.h"

struct _IpmsProductRow
{
  GtkWidget       parent_instance;

  GtkDrawingArea *badge;
  GtkLabel       *name_label;
  GtkLabel       *price_label;

  IpmsRecord     *product;
  char           *currency;
  gboolean        colored_badge;
};

G_DEFINE_FINAL_TYPE (IpmsProductRow, ipms_product_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PRODUCT,
  PROP_CURRENCY,
  PROP_COLORED_BADGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The badge is the one on the product's chip on the panorama, so that the
 * grade reads the same in the list and on the canvas. Uncoloured it is an
 * outline, for the roadmap, where colour stands for the series. */
static void
draw_badge (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  IpmsProductRow *self = data;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  const IpmsChartPalette *palette = ipms_chart_style_get_palette (dark);
  g_autoptr(PangoLayout) layout = NULL;
  const char *grade;
  IpmsColor color;
  int tw, th;

  if (self->product == NULL)
    return;

  grade = ipms_record_get_string (self->product, "grade");
  if (self->colored_badge)
    {
      ipms_chart_style_get_grade_color (grade, dark, &color);
      ipms_chart_style_rounded_rectangle (cr, 0, 0, width, height, 5);
      ipms_chart_style_set_source (cr, &color);
      cairo_fill (cr);
    }
  else
    {
      ipms_chart_style_rounded_rectangle (cr, 0.75, 0.75, width - 1.5, height - 1.5, 5);
      ipms_chart_style_set_source (cr, &palette->dim_foreground);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }

  layout = ipms_chart_style_create_layout (cr, IPMS_CHART_FONT_BADGE, grade, -1);
  pango_layout_get_pixel_size (layout, &tw, &th);
  ipms_chart_style_show_layout (cr, layout, (width - tw) / 2.0, (height - th) / 2.0,
                                self->colored_badge ? &palette->on_accent : &palette->foreground);
}

/* The row and, in a list view, the list item around it that the focus
 * lands on. */
static void
set_accessible_label (IpmsProductRow *self,
                      const char     *label)
{
  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
  ipms_accessible_name_enclosing (GTK_WIDGET (self), GTK_ACCESSIBLE_ROLE_LIST_ITEM, label);
}

static void
update (IpmsProductRow *self)
{
  g_autofree char *price = NULL;
  g_autofree char *accessible = NULL;

  gtk_widget_queue_draw (GTK_WIDGET (self->badge));
  if (self->product == NULL)
    {
      gtk_label_set_label (self->name_label, NULL);
      gtk_label_set_label (self->price_label, NULL);
      set_accessible_label (self, NULL);
      return;
    }

  price = ipms_record_is_null (self->product, "price")
            ? g_strdup (_("No price"))
            : ipms_format_price (ipms_record_get_double (self->product, "price"), self->currency);
  gtk_label_set_label (self->name_label, ipms_record_get_string (self->product, "name"));
  gtk_label_set_label (self->price_label, price);

  /* Translators: accessible name of a product not on the panorama, "Pet Feeder Mini, grade S" */
  accessible = g_strdup_printf (_("%s, grade %s"), ipms_record_get_string (self->product, "name"),
                                ipms_record_get_string (self->product, "grade"));
  set_accessible_label (self, accessible);
}

static void
ipms_product_row_dispose (GObject *object)
{
  IpmsProductRow *self = IPMS_PRODUCT_ROW (object);
  GtkWidget *child;

  if (self->product != NULL)
    g_signal_handlers_disconnect_by_func (self->product, update, self);
  g_clear_object (&self->product);

  gtk_widget_dispose_template (GTK_WIDGET (self), IPMS_TYPE_PRODUCT_ROW);
  /* The template's unnamed box of labels is ours to unparent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ipms_product_row_parent_class)->dispose (object);
}

static void
ipms_product_row_finalize (GObject *object)
{
  IpmsProductRow *self = IPMS_PRODUCT_ROW (object);

  g_free (self->currency);

  G_OBJECT_CLASS (ipms_product_row_parent_class)->finalize (object);
}

static void
ipms_product_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IpmsProductRow *self = IPMS_PRODUCT_ROW (object);

  switch (prop_id)
    {
    case PROP_PRODUCT:
      g_value_set_object (value, self->product);
      break;
    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;
    case PROP_COLORED_BADGE:
      g_value_set_boolean (value, self->colored_badge);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_product_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IpmsProductRow *self = IPMS_PRODUCT_ROW (object);

  switch (prop_id)
    {
    case PROP_PRODUCT:
      ipms_product_row_set_product (self, g_value_get_object (value));
      break;
    case PROP_CURRENCY:
      ipms_product_row_set_currency (self, g_value_get_string (value));
      break;
    case PROP_COLORED_BADGE:
      ipms_product_row_set_colored_badge (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_product_row_class_init (IpmsProductRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipms_product_row_dispose;
  object_class->finalize = ipms_product_row_finalize;
  object_class->get_property = ipms_product_row_get_property;
  object_class->set_property = ipms_product_row_set_property;

  properties[PROP_PRODUCT] =
    g_param_spec_object ("product", NULL, NULL, IPMS_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The project's currency code for the price; NULL for the locale's plain number. */
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the badge takes the grade's chart colour. */
  properties[PROP_COLORED_BADGE] =
    g_param_spec_boolean ("colored-badge", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ipmsplanner/Planner/common/ipms-product-row.ui");
  gtk_widget_class_bind_template_child (widget_class, IpmsProductRow, badge);
  gtk_widget_class_bind_template_child (widget_class, IpmsProductRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, IpmsProductRow, price_label);

  gtk_widget_class_set_css_name (widget_class, "ipms-product-row");
}

static void
ipms_product_row_init (IpmsProductRow *self)
{
  self->colored_badge = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drawing_area_set_draw_func (self->badge, draw_badge, self, NULL);
  /* The grade colours differ between the light and the dark style. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->badge, G_CONNECT_SWAPPED);
}

GtkWidget *
ipms_product_row_new (void)
{
  return g_object_new (IPMS_TYPE_PRODUCT_ROW, NULL);
}

IpmsRecord *
ipms_product_row_get_product (IpmsProductRow *self)
{
  g_return_val_if_fail (IPMS_IS_PRODUCT_ROW (self), NULL);

  return self->product;
}

void
ipms_product_row_set_product (IpmsProductRow *self,
                              IpmsRecord     *product)
{
  g_return_if_fail (IPMS_IS_PRODUCT_ROW (self));
  g_return_if_fail (product == NULL || IPMS_IS_RECORD (product));

  if (self->product == product)
    return;

  if (self->product != NULL)
    g_signal_handlers_disconnect_by_func (self->product, update, self);
  g_set_object (&self->product, product);
  if (product != NULL)
    g_signal_connect_swapped (product, "changed", G_CALLBACK (update), self);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRODUCT]);
}

const char *
ipms_product_row_get_currency (IpmsProductRow *self)
{
  g_return_val_if_fail (IPMS_IS_PRODUCT_ROW (self), NULL);

  return self->currency;
}

void
ipms_product_row_set_currency (IpmsProductRow *self,
                               const char     *currency)
{
  g_return_if_fail (IPMS_IS_PRODUCT_ROW (self));

  if (g_strcmp0 (self->currency, currency) == 0)
    return;

  g_free (self->currency);
  self->currency = g_strdup (currency);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

gboolean
ipms_product_row_get_colored_badge (IpmsProductRow *self)
{
  g_return_val_if_fail (IPMS_IS_PRODUCT_ROW (self), FALSE);

  return self->colored_badge;
}

void
ipms_product_row_set_colored_badge (IpmsProductRow *self,
                                    gboolean        colored_badge)
{
  g_return_if_fail (IPMS_IS_PRODUCT_ROW (self));

  colored_badge = !!colored_badge;
  if (self->colored_badge == colored_badge)
    return;

  self->colored_badge = colored_badge;
  gtk_widget_queue_draw (GTK_WIDGET (self->badge));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLORED_BADGE]);
}
