/* ipms-form-specs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ipms-category-page.h"
#include "ipms-ctmo-page.h"
#include "ipms-five-looks-page.h"
#include "ipms-form-specs.h"
#include "ipms-isor-page.h"
#include "ipms-one-year-page.h"
#include "ipms-population-page.h"
#include "ipms-team-page.h"
#include "ipms-three-year-page.h"

typedef struct
{
  const IpmsFormSpec *spec;
  GType             (*get_type) (void);
} Form;

static const Form forms[] = {
  { &ipms_five_looks_spec, ipms_five_looks_page_get_type },
  { &ipms_isor_spec, ipms_isor_page_get_type },
  { &ipms_ctmo_spec, ipms_ctmo_page_get_type },
  { &ipms_category_spec, ipms_category_page_get_type },
  { &ipms_population_spec, ipms_population_page_get_type },
  { &ipms_three_year_spec, ipms_three_year_page_get_type },
  { &ipms_one_year_spec, ipms_one_year_page_get_type },
  { &ipms_team_spec, ipms_team_page_get_type },
};

const IpmsFormSpec * const *
ipms_form_specs_get_all (void)
{
  static const IpmsFormSpec *specs[G_N_ELEMENTS (forms) + 1];

  if (specs[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
      specs[i] = forms[i].spec;

  return specs;
}

GType
ipms_form_specs_get_page_type (const IpmsFormSpec *spec)
{
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    if (forms[i].spec == spec)
      return forms[i].get_type ();

  g_return_val_if_reached (G_TYPE_INVALID);
}
