/* ipms-five-looks-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-five-looks-page.h"

static const IpmsFieldSpec macro_fields[] = {
  { "macro_political", N_("Policies, trade rules, tariffs and certifications that shape the market.") },
  { "macro_economic", N_("Spending power, exchange rates, costs.") },
  { "macro_social", N_("How people live, and what they care about.") },
  { "macro_technological", N_("Technologies that change what products can do.") },
  { NULL }
};

static const IpmsFieldSpec industry_fields[] = {
  { "industry_stage" },
  { "industry_size", N_("The market's value now, and where you take the figure from.") },
  { "industry_concentration" },
  { "industry_opportunities", N_("Where in the track, the industry or the category there is room to win.") },
  { NULL }
};

static const IpmsFieldSpec customer_fields[] = {
  { "customer_personas", N_("Who buys and who uses: a few typical people.") },
  { "customer_needs", N_("What they need, and what they complain about today.") },
  { "customer_behaviour", N_("How they find, choose, buy and use the products.") },
  { NULL }
};

static const IpmsFieldSpec competitor_fields[] = {
  { "name" },
  { "strategy" },
  { "products" },
  { "performance" },
  { "strengths" },
  { "weaknesses" },
  { NULL }
};

static const IpmsFieldSpec self_fields[] = {
  { "self_strengths", N_("What you do better than the competitors above.") },
  { "self_weaknesses" },
  { "self_gaps", N_("The gaps that matter most; the ISOR view analyses them.") },
  { NULL }
};

static const IpmsFieldSpec decision_fields[] = {
  { "decide_strategy" },
  { "decide_targets" },
  { "decide_plan" },
  { NULL }
};

static const IpmsFieldSpec brand_fields[] = {
  { "mission" },
  { "vision" },
  { "strategic_intent" },
  { "ultimate_value" },
  { "tech_direction" },
  { NULL }
};

static const IpmsFormSection sections[] = {
  /* Translators: a form section, 看宏观 (PEST) */
  { N_("Look at the Macro Environment"), N_("Political, economic, social and technological factors (PEST)."),
    "project", macro_fields },
  /* Translators: a form section, 看行业 */
  { N_("Look at the Industry"), NULL, "project", industry_fields },
  /* Translators: a form section, 看客户 */
  { N_("Look at the Customers"), NULL, "project", customer_fields },
  /* Translators: a form section, 看竞争 */
  { N_("Look at the Competition"), N_("The brands you meet most often, and how they win."),
    "competitor", competitor_fields, NULL,
    N_("No competitors yet. Add the brands your customers compare you with: their strategy, "
       "products, market performance, strengths and weaknesses.") },
  /* Translators: a form section, 看自己 */
  { N_("Look at Yourself"), NULL, "project", self_fields },
  /* Translators: a form section, 三定: 定战略, 定目标, 定计划 */
  { N_("Three Decisions"), N_("What the five looks lead you to decide."), "project", decision_fields },
  /* Translators: a form section, the brand's statements (品牌) */
  { N_("Brand"), N_("The category manager's statements that every plan follows."), "project", brand_fields },
  { NULL }
};

const IpmsFormSpec ipms_five_looks_spec = {
  "five-looks",
  N_("Start by looking outward"),
  N_("Fill in the macro environment and the industry first, then the customers and the competitors: "
     "the decisions at the end, and every later step of the plan, rest on what you see there."),
  sections,
};

struct _IpmsFiveLooksPage
{
  IpmsFormPage parent_instance;
};

G_DEFINE_FINAL_TYPE (IpmsFiveLooksPage, ipms_five_looks_page, IPMS_TYPE_FORM_PAGE)

static void
ipms_five_looks_page_class_init (IpmsFiveLooksPageClass *klass)
{
  ipms_form_page_class_set_spec (IPMS_FORM_PAGE_CLASS (klass), &ipms_five_looks_spec);
}

static void
ipms_five_looks_page_init (IpmsFiveLooksPage *self)
{
}
