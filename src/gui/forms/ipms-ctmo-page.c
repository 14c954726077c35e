/* ipms-ctmo-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-ctmo-page.h"

static const IpmsFieldSpec consumer_fields[] = {
  { "consumer_market_size" },
  { "consumer_growth" },
  { "consumer_regions" },
  { "consumer_pain_points" },
  { NULL }
};

static const IpmsFieldSpec region_fields[] = {
  { "name" },
  { "market_size" },
  { "growth" },
  { "notes" },
  { NULL }
};

static const IpmsFieldSpec technology_fields[] = {
  { "tech_trends" },
  { "tech_reuse", N_("Platforms, modules and know-how you already have.") },
  { "tech_performance" },
  { NULL }
};

static const IpmsFieldSpec market_fields[] = {
  { "market_upstream" },
  { "market_midstream" },
  { "market_downstream" },
  { NULL }
};

static const IpmsFieldSpec supplier_fields[] = {
  { "component" },
  { "name" },
  { "scale" },
  { "location" },
  { "capacity" },
  { "cost" },
  { "risk" },
  { NULL }
};

static const IpmsFieldSpec channel_fields[] = {
  { "name" },
  { "kind" },
  { "distribution" },
  { "cost_structure" },
  { NULL }
};

static const IpmsFieldSpec organisation_fields[] = {
  { "org_capabilities" },
  { "org_talent", N_("The profiles you must hire or grow.") },
  { NULL }
};

static const IpmsFormSection sections[] = {
  /* Translators: a form section, 消费者 (the C of CTMO) */
  { N_("Consumer"), NULL, "project", consumer_fields },
  { N_("Regions"), N_("Market size and growth by country or region."), "region", region_fields, NULL,
    N_("No regions yet. Add the countries or regions you sell in or plan to enter, with their market size and growth.") },
  /* Translators: a form section, 技术 (the T of CTMO) */
  { N_("Technology"), NULL, "project", technology_fields },
  /* Translators: a form section, 市场 (the M of CTMO) */
  { N_("Market"), N_("Upstream supply, midstream competition, downstream channels."), "project", market_fields },
  { N_("Upstream Suppliers"), NULL, "supplier", supplier_fields, NULL,
    N_("No suppliers yet. Add the suppliers of your key components: their scale, location, capacity, cost and supply risk.") },
  { N_("Downstream Channels"), NULL, "channel", channel_fields, NULL,
    N_("No channels yet. Add the channels you sell through, with their distribution and cost structure.") },
  /* Translators: a form section, 组织 (the O of CTMO) */
  { N_("Organisation"), NULL, "project", organisation_fields },
  { NULL }
};

const IpmsFormSpec ipms_ctmo_spec = {
  "ctmo",
  N_("Start with the consumer"),
  N_("Size the market and find where its consumers are first: technology, supply, channels and the "
     "organisation you need only make sense against that market."),
  sections,
};

struct _IpmsCtmoPage
{
  IpmsFormPage parent_instance;
};

G_DEFINE_FINAL_TYPE (IpmsCtmoPage, ipms_ctmo_page, IPMS_TYPE_FORM_PAGE)

static void
ipms_ctmo_page_class_init (IpmsCtmoPageClass *klass)
{
  ipms_form_page_class_set_spec (IPMS_FORM_PAGE_CLASS (klass), &ipms_ctmo_spec);
}

static void
ipms_ctmo_page_init (IpmsCtmoPage *self)
{
}
