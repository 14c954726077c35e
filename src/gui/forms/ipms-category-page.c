/* ipms-category-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-category-page.h"

static const IpmsFieldSpec project_fields[] = {
  { "name", N_("The product group this plan is for.") },
  { "category" },
  { "currency", N_("The code of the currency of every amount, such as USD or CNY.") },
  { NULL }
};

static const IpmsFieldSpec size_fields[] = {
  { "category_market_size", N_("The category's market value now, and the source of the figure.") },
  { "category_growth", N_("How fast it grows, and which parts grow fastest.") },
  { NULL }
};

static const IpmsFieldSpec sub_category_fields[] = {
  { "name" },
  { "decision" },
  { "timing" },
  { "notes" },
  { NULL }
};

static const IpmsFormSection sections[] = {
  /* Translators: a form section: the product group (产品组) the plan is for */
  { N_("Product Group"), NULL, "project", project_fields },
  /* Translators: a form section, 品类规模 */
  { N_("Size and Growth"), NULL, "project", size_fields },
  /* Translators: a form section, 子品类 */
  { N_("Sub-Categories"), N_("The category manager decides which to continue, pause or enter, and when."),
    "sub_category", sub_category_fields, NULL,
    N_("No sub-categories yet. List the sub-categories of the category, and decide for each "
       "whether to continue, pause or enter it.") },
  { NULL }
};

const IpmsFormSpec ipms_category_spec = {
  "category",
  N_("Start with the size of the category"),
  N_("Write down how large the category is now and how fast it grows first: it tells whether the "
     "category is worth entering, and which sub-categories to continue, pause or enter."),
  sections,
};

struct _IpmsCategoryPage
{
  IpmsFormPage parent_instance;
};

G_DEFINE_FINAL_TYPE (IpmsCategoryPage, ipms_category_page, IPMS_TYPE_FORM_PAGE)

static void
ipms_category_page_class_init (IpmsCategoryPageClass *klass)
{
  ipms_form_page_class_set_spec (IPMS_FORM_PAGE_CLASS (klass), &ipms_category_spec);
}

static void
ipms_category_page_init (IpmsCategoryPage *self)
{
}
