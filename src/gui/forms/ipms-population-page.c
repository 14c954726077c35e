/* ipms-population-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-population-page.h"
#include "ipms-record-table.h"

static const IpmsFieldSpec axis_fields[] = {
  { "y_axis_title", N_("What the rows of the grid tell apart, such as life stage or characteristics.") },
  { "x_axis_title", N_("What the columns of the grid tell apart, such as preference or series.") },
  { NULL }
};

static const IpmsFieldSpec segment_fields[] = {
  { "name" },
  { "y_item_id" },
  { "x_item_id" },
  { "role" },
  { "size" },
  { "market_value" },
  { "growth" },
  { "trend" },
  { "state" },
  { "needs" },
  { NULL }
};

static const IpmsFieldSpec need_fields[] = {
  { "text" },
  { "competitor_gap" },
  { NULL }
};

static const IpmsFieldSpec mus_fields[] = {
  { "value_proposition", N_("What only you offer the core population, derived from its top needs "
                            "and the competitors' gaps.") },
  { "selling_support", N_("How the products prove the value proposition: the selling points.") },
  { NULL }
};

static const IpmsFieldSpec series_fields[] = {
  { "name" },
  { "positioning" },
  { "differentiation" },
  { "business_model" },
  { "brand_tone" },
  { "entry_date" },
  { "first_launch_date" },
  { "refresh_date" },
  { "color" },
  { "owner_id" },
  { NULL }
};

static const IpmsFieldSpec series_segment_fields[] = {
  { "segment_id" },
  { NULL }
};

static const IpmsFormSection sections[] = {
  /* Translators: a form section, 人群矩阵 (the population grid's two axes) */
  { N_("Population Grid"), N_("The two axes of the grid that the panorama draws."),
    "project", axis_fields },
  /* Translators: a form section, 人群细分 (segments, the cells of the population grid) */
  { N_("Segments"),
    N_("The cells of the population grid, the same records as on the panorama. Choose the core "
       "population (核心人群) and the radiating populations; select a segment to rank its needs."),
    "segment", segment_fields, NULL,
    N_("No segments yet. Add the life stages and preferences of the grid on the panorama: each "
       "cell you describe there is a segment here.") },
  /* Translators: a form section, M 需求排序 */
  { N_("Ranked Needs of the Selected Segment (M)"),
    N_("Most important first (Alt+Up and Alt+Down move a need), with what the competitors fail to offer."),
    "need", need_fields, "segment_id",
    N_("Select a segment above, then add its needs, most important first.") },
  /* Translators: a form section, U 独特价值主张 and S 卖点支撑 */
  { N_("Value Proposition and Selling Support (U, S)"), NULL, "project", mus_fields },
  /* Translators: a form section, 产品系列 */
  { N_("Product Series"),
    N_("Each series covers chosen segments with its own positioning, differentiation and rhythm: "
       "entry (入局), first launch (首发) and refresh."),
    "series", series_fields, NULL,
    N_("No series yet. Add a series for each group of segments you want to serve, "
       "with its positioning and its dates.") },
  { N_("Segments the Selected Series Serves"), NULL,
    "series_segment", series_segment_fields, "series_id",
    N_("Select a series above, then add the segments it serves.") },
  { NULL }
};

const IpmsFormSpec ipms_population_spec = {
  "population",
  N_("Start with the segments and their needs"),
  N_("Describe the segments of the population grid on the panorama first, then mark the core and "
     "radiating populations here and rank the needs of the core one: the value proposition, the "
     "selling support and the product series all follow from those needs."),
  sections,
};

struct _IpmsPopulationPage
{
  IpmsFormPage parent_instance;
};

G_DEFINE_FINAL_TYPE (IpmsPopulationPage, ipms_population_page, IPMS_TYPE_FORM_PAGE)

static void
ipms_population_page_constructed (GObject *object)
{
  IpmsFormPage *page = IPMS_FORM_PAGE (object);

  G_OBJECT_CLASS (ipms_population_page_parent_class)->constructed (object);

  /* A segment is a cell of the grid: it is made where the grid is, on the
   * panorama, with its life stage and preference. */
  ipms_record_table_set_adds_rows (IPMS_RECORD_TABLE (ipms_form_page_get_table (page, "segment")), FALSE);
  /* A served segment starts as the first one, to be picked in its cell. */
  ipms_record_table_set_fill_required_references (IPMS_RECORD_TABLE (ipms_form_page_get_table (page, "series_segment")),
                                                  TRUE);
}

static void
ipms_population_page_class_init (IpmsPopulationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ipms_population_page_constructed;
  ipms_form_page_class_set_spec (IPMS_FORM_PAGE_CLASS (klass), &ipms_population_spec);
}

static void
ipms_population_page_init (IpmsPopulationPage *self)
{
}
