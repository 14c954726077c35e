/* ipms-new-products-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ipms-new-products-page.h"

struct _IpmsNewProductsPage
{
  IpmsTimelineSection parent_instance;
};

G_DEFINE_FINAL_TYPE (IpmsNewProductsPage, ipms_new_products_page, IPMS_TYPE_TIMELINE_SECTION)

static void
ipms_new_products_page_class_init (IpmsNewProductsPageClass *klass)
{
  IPMS_TIMELINE_SECTION_CLASS (klass)->kind = IPMS_TIMELINE_KIND_NEW_PRODUCTS;
}

static void
ipms_new_products_page_init (IpmsNewProductsPage *self)
{
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

  return ipms_timeline_section_get_timeline (IPMS_TIMELINE_SECTION (self));
}
