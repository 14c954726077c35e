/* ipms-isor-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-isor-page.h"

static const IpmsFieldSpec gap_fields[] = {
  { "description" },
  { "kind" },
  { "target" },
  { "actual" },
  { "opportunity" },
  { NULL }
};

static const IpmsFieldSpec initiative_fields[] = {
  { "description" },
  { "gap_id" },
  { "time_frame" },
  { "owner_id" },
  { NULL }
};

static const IpmsFieldSpec objective_fields[] = {
  { "title" },
  { "module" },
  { "owner_id" },
  { "year" },
  { NULL }
};

static const IpmsFieldSpec key_result_fields[] = {
  { "description" },
  { "module" },
  { "owner_id" },
  { "target" },
  { "current" },
  { "unit" },
  { "current", NULL, IPMS_FIELD_KIND_PROGRESS, "target" },
  { NULL }
};

static const IpmsFieldSpec review_fields[] = {
  { "month" },
  { "reached" },
  { "deviation" },
  { "root_cause" },
  { "action" },
  { NULL }
};

static const IpmsFormSection sections[] = {
  /* Translators: a form section, 洞察 (gap analysis) */
  { N_("Insight: Gaps"), N_("Performance gaps (target against actual) and opportunity gaps in the track, "
                            "industry or category."),
    "gap", gap_fields, NULL,
    N_("No gaps yet. Write down where the results fall short of the targets, and which "
       "opportunities you are missing: the initiatives below answer them.") },
  /* Translators: a form section, 策略 */
  { N_("Strategy: Initiatives"), N_("What you will do about each gap with your own abilities, and by when."),
    "initiative", initiative_fields, NULL,
    N_("No initiatives yet. Add one for each gap, with a time frame and an owner, "
       "such as “Build a brand R&D team within six months”.") },
  /* Translators: a form section, OKR 拆解 */
  { N_("OKR: Objectives"), N_("Select an objective to see and edit its key results."),
    "objective", objective_fields, NULL,
    N_("No objectives yet. Break the strategy into objectives per business module, "
       "each with an owner and a year.") },
  { N_("Key Results of the Selected Objective"), N_("Target, current value and who is responsible."),
    "key_result", key_result_fields, "objective_id",
    N_("Select an objective above, then add the key results that measure it.") },
  /* Translators: a form section, 复盘 */
  { N_("Review"), N_("The monthly review: the root cause is about habits and thinking, not only numbers."),
    "review", review_fields, NULL,
    N_("No reviews yet. Once a month, write down what was reached, the deviation, "
       "its root cause and the corrective action.") },
  { NULL }
};

const IpmsFormSpec ipms_isor_spec = {
  "isor",
  N_("Start with the gaps"),
  N_("Write down the gaps between your targets and your results first: the initiatives, the OKRs "
     "and the reviews of this view all follow from them."),
  sections,
};

struct _IpmsIsorPage
{
  IpmsFormPage parent_instance;
};

G_DEFINE_FINAL_TYPE (IpmsIsorPage, ipms_isor_page, IPMS_TYPE_FORM_PAGE)

static void
ipms_isor_page_class_init (IpmsIsorPageClass *klass)
{
  ipms_form_page_class_set_spec (IPMS_FORM_PAGE_CLASS (klass), &ipms_isor_spec);
}

static void
ipms_isor_page_init (IpmsIsorPage *self)
{
}
