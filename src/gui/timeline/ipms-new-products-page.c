/* ipms-new-products-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ipms-new-products-page.h"
#include "ipms-timeline-page.h"

struct _IpmsNewProductsPage
{
  GtkWidget  parent_instance;

  GtkWidget *timeline;
};

G_DEFINE_FINAL_TYPE (IpmsNewProductsPage, ipms_new_products_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ipms_new_products_page_dispose (GObject *object)
{
  IpmsNewProductsPage *self = IPMS_NEW_PRODUCTS_PAGE (object);

  g_clear_pointer (&self->timeline, gtk_widget_unparent);

  G_OBJECT_CLASS (ipms_new_products_page_parent_class)->dispose (object);
}

static void
ipms_new_products_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  IpmsNewProductsPage *self = IPMS_NEW_PRODUCTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
    case PROP_SELECTION:
      g_object_get_property (G_OBJECT (self->timeline), pspec->name, value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_new_products_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  IpmsNewProductsPage *self = IPMS_NEW_PRODUCTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
    case PROP_SELECTION:
      g_object_set_property (G_OBJECT (self->timeline), pspec->name, value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_new_products_page_class_init (IpmsNewProductsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipms_new_products_page_dispose;
  object_class->get_property = ipms_new_products_page_get_property;
  object_class->set_property = ipms_new_products_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, IPMS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, IPMS_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ipms_new_products_page_init (IpmsNewProductsPage *self)
{
  self->timeline = ipms_timeline_page_new (IPMS_TIMELINE_KIND_NEW_PRODUCTS);
  gtk_widget_set_parent (self->timeline, GTK_WIDGET (self));
}

GtkWidget *
ipms_new_products_page_new (void)
{
  return g_object_new (IPMS_TYPE_NEW_PRODUCTS_PAGE, NULL);
}

GtkWidget *
ipms_new_products_page_get_timeline (IpmsNewProductsPage *self)
{
  g_return_val_if_fail (IPMS_IS_NEW_PRODUCTS_PAGE (self), NULL);

  return self->timeline;
}
