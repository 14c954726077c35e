/* ipms-schema.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ipms-schema.h"

#define TEXT(n)          { n, IPMS_COLUMN_TEXT, 0, NULL, NULL, 0, 0 }
#define REQUIRED_TEXT(n) { n, IPMS_COLUMN_TEXT, IPMS_COLUMN_FLAG_REQUIRED, NULL, NULL, 0, 0 }
#define DATE(n)          { n, IPMS_COLUMN_DATE, 0, NULL, NULL, 0, 0 }
#define INTEGER(n)       { n, IPMS_COLUMN_INTEGER, 0, NULL, NULL, 0, 0 }
#define BOUNDED_INT(n, lo, hi) { n, IPMS_COLUMN_INTEGER, IPMS_COLUMN_FLAG_BOUNDED, NULL, NULL, lo, hi }
#define REAL(n)          { n, IPMS_COLUMN_REAL, 0, NULL, NULL, 0, 0 }
#define BOUNDED_REAL(n, lo, hi) { n, IPMS_COLUMN_REAL, IPMS_COLUMN_FLAG_BOUNDED, NULL, NULL, lo, hi }
#define AMOUNT(n)        BOUNDED_REAL (n, 0, 1e15)
#define PERCENT(n)       BOUNDED_REAL (n, -1000, 1000)
#define CHOICE(n, c)     { n, IPMS_COLUMN_ENUM, IPMS_COLUMN_FLAG_REQUIRED, NULL, c, 0, 0 }
#define REF(n, t)        { n, IPMS_COLUMN_REFERENCE, 0, t, NULL, 0, 0 }
#define OWNER(n, t)      { n, IPMS_COLUMN_REFERENCE, IPMS_COLUMN_FLAG_REQUIRED | IPMS_COLUMN_FLAG_OWNED_BY, t, NULL, 0, 0 }
#define YEAR(n)          BOUNDED_INT (n, 1900, 2200)
#define POSITION(n)      BOUNDED_INT (n, 0, G_MAXINT32)
#define TABLE(n, p, c)   { n, p, c, G_N_ELEMENTS (c) }

const char * const ipms_grade_codes[] = { "R", "S", "A", "B", "F", NULL };

static const char * const member_roles[] = { "pm", "mm", "cm", "other", NULL };
static const char * const axes[] = { "x", "y", NULL };
static const char * const segment_roles[] = { "none", "core", "radiating", NULL };
static const char * const product_statuses[] = { "idea", "planned", "developing", "launched", "retired", NULL };
static const char * const spec_kinds[] = { "software", "hardware", "ui", "component", NULL };
static const char * const gap_kinds[] = { "performance", "opportunity", NULL };
static const char * const modules[] = { "sales", "marketing", "rnd", "supply", "operations", "brand", "other", NULL };
static const char * const plan_line_kinds[] = { "hc", "pnl", "budget", NULL };
static const char * const sub_category_decisions[] = { "continue", "pause", "enter", NULL };
const char * const ipms_slide_kinds[] = {
  "title", "five_looks", "isor", "ctmo", "category", "population", "panorama",
  "three_year_plan", "new_products", "roadmap", "campaigns", "product", "team",
  "changes", NULL
};

static const IpmsColumn project_columns[] = {
  REQUIRED_TEXT ("name"),
  TEXT ("category"),
  TEXT ("currency"),
  YEAR ("start_year"),
  YEAR ("plan_year"),
  TEXT ("mission"),
  TEXT ("vision"),
  TEXT ("strategic_intent"),
  TEXT ("ultimate_value"),
  TEXT ("tech_direction"),
  /* Five looks */
  TEXT ("macro_political"),
  TEXT ("macro_economic"),
  TEXT ("macro_social"),
  TEXT ("macro_technological"),
  TEXT ("industry_stage"),
  TEXT ("industry_size"),
  TEXT ("industry_concentration"),
  TEXT ("industry_opportunities"),
  TEXT ("customer_personas"),
  TEXT ("customer_needs"),
  TEXT ("customer_behaviour"),
  TEXT ("self_strengths"),
  TEXT ("self_weaknesses"),
  TEXT ("self_gaps"),
  /* Three decisions */
  TEXT ("decide_strategy"),
  TEXT ("decide_targets"),
  TEXT ("decide_plan"),
  /* CTMO */
  TEXT ("consumer_market_size"),
  TEXT ("consumer_growth"),
  TEXT ("consumer_regions"),
  TEXT ("consumer_pain_points"),
  TEXT ("tech_trends"),
  TEXT ("tech_reuse"),
  TEXT ("tech_performance"),
  TEXT ("market_upstream"),
  TEXT ("market_midstream"),
  TEXT ("market_downstream"),
  TEXT ("org_capabilities"),
  TEXT ("org_talent"),
  /* Category and positioning */
  TEXT ("category_market_size"),
  TEXT ("category_growth"),
  TEXT ("x_axis_title"),
  TEXT ("y_axis_title"),
  TEXT ("value_proposition"),
  TEXT ("selling_support"),
  /* One-year plan */
  AMOUNT ("net_revenue_target"),
  PERCENT ("gross_margin_target"),
  /* Roadmap */
  BOUNDED_REAL ("price_step", 0, 1e9),
};

static const IpmsColumn grade_columns[] = {
  CHOICE ("code", ipms_grade_codes),
  REQUIRED_TEXT ("label"),
  TEXT ("description"),
};

static const IpmsColumn member_columns[] = {
  REQUIRED_TEXT ("name"),
  CHOICE ("role", member_roles),
  TEXT ("title"),
  TEXT ("email"),
  TEXT ("notes"),
};

static const IpmsColumn axis_item_columns[] = {
  CHOICE ("axis", axes),
  POSITION ("position"),
  REQUIRED_TEXT ("label"),
  TEXT ("description"),
};

static const IpmsColumn segment_columns[] = {
  OWNER ("x_item_id", "axis_item"),
  OWNER ("y_item_id", "axis_item"),
  TEXT ("name"),
  BOUNDED_INT ("size", 0, G_MAXINT64 / 2),
  AMOUNT ("market_value"),
  PERCENT ("growth"),
  TEXT ("trend"),
  TEXT ("state"),
  TEXT ("needs"),
  CHOICE ("role", segment_roles),
};

static const IpmsColumn need_columns[] = {
  REF ("segment_id", "segment"),
  POSITION ("rank"),
  REQUIRED_TEXT ("text"),
  TEXT ("competitor_gap"),
};

static const IpmsColumn series_columns[] = {
  REQUIRED_TEXT ("name"),
  TEXT ("positioning"),
  TEXT ("differentiation"),
  TEXT ("business_model"),
  TEXT ("brand_tone"),
  DATE ("entry_date"),
  DATE ("first_launch_date"),
  DATE ("refresh_date"),
  TEXT ("color"),
  REF ("owner_id", "member"),
  POSITION ("position"),
};

static const IpmsColumn series_segment_columns[] = {
  OWNER ("series_id", "series"),
  OWNER ("segment_id", "segment"),
};

static const IpmsColumn product_columns[] = {
  REF ("series_id", "series"),
  REQUIRED_TEXT ("name"),
  CHOICE ("grade", ipms_grade_codes),
  AMOUNT ("price"),
  AMOUNT ("cost"),
  CHOICE ("status", product_statuses),
  DATE ("dev_start"),
  DATE ("dev_complete"),
  DATE ("launch_date"),
  REF ("segment_id", "segment"),
  POSITION ("cell_order"),
  REF ("owner_id", "member"),
  /* PRD: overview */
  TEXT ("concept"),
  TEXT ("form"),
  TEXT ("features"),
  TEXT ("selling_points"),
  /* PRD: scenarios, strategy */
  TEXT ("scenarios"),
  TEXT ("user_needs"),
  TEXT ("competitiveness"),
  /* PRD: technical */
  TEXT ("ui_interaction"),
  TEXT ("sales_regions"),
};

static const IpmsColumn product_competitor_columns[] = {
  OWNER ("product_id", "product"),
  REQUIRED_TEXT ("name"),
  AMOUNT ("price"),
  TEXT ("strengths"),
  TEXT ("weaknesses"),
};

static const IpmsColumn product_spec_columns[] = {
  OWNER ("product_id", "product"),
  CHOICE ("kind", spec_kinds),
  REQUIRED_TEXT ("name"),
  TEXT ("value"),
};

static const IpmsColumn certification_columns[] = {
  OWNER ("product_id", "product"),
  REQUIRED_TEXT ("name"),
  TEXT ("region"),
  TEXT ("status"),
};

static const IpmsColumn faq_columns[] = {
  OWNER ("product_id", "product"),
  REQUIRED_TEXT ("question"),
  TEXT ("answer"),
};

static const IpmsColumn box_item_columns[] = {
  OWNER ("product_id", "product"),
  REQUIRED_TEXT ("name"),
  BOUNDED_INT ("quantity", 0, 1000000),
  BOUNDED_INT ("optional", 0, 1),
};

static const IpmsColumn competitor_columns[] = {
  REQUIRED_TEXT ("name"),
  TEXT ("strategy"),
  TEXT ("products"),
  TEXT ("performance"),
  TEXT ("strengths"),
  TEXT ("weaknesses"),
};

static const IpmsColumn gap_columns[] = {
  CHOICE ("kind", gap_kinds),
  REQUIRED_TEXT ("description"),
  TEXT ("target"),
  TEXT ("actual"),
  TEXT ("opportunity"),
};

static const IpmsColumn initiative_columns[] = {
  REF ("gap_id", "gap"),
  REQUIRED_TEXT ("description"),
  TEXT ("time_frame"),
  REF ("owner_id", "member"),
};

static const IpmsColumn objective_columns[] = {
  REQUIRED_TEXT ("title"),
  CHOICE ("module", modules),
  REF ("owner_id", "member"),
  YEAR ("year"),
};

static const IpmsColumn key_result_columns[] = {
  OWNER ("objective_id", "objective"),
  REQUIRED_TEXT ("description"),
  CHOICE ("module", modules),
  REF ("owner_id", "member"),
  REAL ("target"),
  REAL ("current"),
  TEXT ("unit"),
};

static const IpmsColumn review_columns[] = {
  REQUIRED_TEXT ("month"),
  TEXT ("reached"),
  TEXT ("deviation"),
  TEXT ("root_cause"),
  TEXT ("action"),
};

static const IpmsColumn region_columns[] = {
  REQUIRED_TEXT ("name"),
  AMOUNT ("market_size"),
  PERCENT ("growth"),
  TEXT ("notes"),
};

static const IpmsColumn supplier_columns[] = {
  REQUIRED_TEXT ("component"),
  REQUIRED_TEXT ("name"),
  TEXT ("scale"),
  TEXT ("location"),
  TEXT ("capacity"),
  TEXT ("cost"),
  TEXT ("risk"),
};

static const IpmsColumn channel_columns[] = {
  REQUIRED_TEXT ("name"),
  TEXT ("kind"),
  TEXT ("distribution"),
  TEXT ("cost_structure"),
};

static const IpmsColumn yearly_target_columns[] = {
  YEAR ("year"),
  REF ("series_id", "series"),
  AMOUNT ("sales"),
  PERCENT ("margin"),
  BOUNDED_INT ("ranking", 0, 1000000),
  PERCENT ("brand_awareness"),
};

static const IpmsColumn campaign_columns[] = {
  REQUIRED_TEXT ("name"),
  REF ("ta_segment_id", "segment"),
  TEXT ("goal"),
  DATE ("start_date"),
  DATE ("end_date"),
  TEXT ("product_plan"),
  TEXT ("price_plan"),
  TEXT ("place_plan"),
  TEXT ("promotion_plan"),
  TEXT ("ipd_request"),
  TEXT ("ipc_request"),
  TEXT ("isc_request"),
  TEXT ("iea_request"),
  REF ("owner_id", "member"),
};

static const IpmsColumn plan_line_columns[] = {
  CHOICE ("kind", plan_line_kinds),
  YEAR ("year"),
  REQUIRED_TEXT ("name"),
  REAL ("amount"),
  TEXT ("notes"),
  POSITION ("position"),
};

static const IpmsColumn sub_category_columns[] = {
  REQUIRED_TEXT ("name"),
  CHOICE ("decision", sub_category_decisions),
  TEXT ("timing"),
  TEXT ("notes"),
};

static const IpmsColumn price_band_columns[] = {
  REQUIRED_TEXT ("name"),
  AMOUNT ("min_price"),
  AMOUNT ("max_price"),
};

/* The review deck: a slide of `kind` (a product's own slide names it in
 * `product_id`, and goes with the product). */
static const IpmsColumn deck_slide_columns[] = {
  CHOICE ("kind", ipms_slide_kinds),
  POSITION ("position"),
  BOUNDED_INT ("hidden", 0, 1),
  TEXT ("notes"),
  { "product_id", IPMS_COLUMN_REFERENCE, IPMS_COLUMN_FLAG_OWNED_BY, "product", NULL, 0, 0 },
};

static const IpmsTable tables[] = {
  TABLE ("project", "projects", project_columns),
  TABLE ("grade", "grades", grade_columns),
  TABLE ("member", "members", member_columns),
  TABLE ("axis_item", "axis_items", axis_item_columns),
  TABLE ("segment", "segments", segment_columns),
  TABLE ("need", "needs", need_columns),
  TABLE ("series", "series", series_columns),
  TABLE ("series_segment", "series_segments", series_segment_columns),
  TABLE ("product", "products", product_columns),
  TABLE ("product_competitor", "product_competitors", product_competitor_columns),
  TABLE ("product_spec", "product_specs", product_spec_columns),
  TABLE ("certification", "certifications", certification_columns),
  TABLE ("faq", "faqs", faq_columns),
  TABLE ("box_item", "box_items", box_item_columns),
  TABLE ("competitor", "competitors", competitor_columns),
  TABLE ("gap", "gaps", gap_columns),
  TABLE ("initiative", "initiatives", initiative_columns),
  TABLE ("objective", "objectives", objective_columns),
  TABLE ("key_result", "key_results", key_result_columns),
  TABLE ("review", "reviews", review_columns),
  TABLE ("region", "regions", region_columns),
  TABLE ("supplier", "suppliers", supplier_columns),
  TABLE ("channel", "channels", channel_columns),
  TABLE ("yearly_target", "yearly_targets", yearly_target_columns),
  TABLE ("campaign", "campaigns", campaign_columns),
  TABLE ("plan_line", "plan_lines", plan_line_columns),
  TABLE ("sub_category", "sub_categories", sub_category_columns),
  TABLE ("price_band", "price_bands", price_band_columns),
  TABLE ("deck_slide", "deck_slides", deck_slide_columns),
};

const IpmsTable *
ipms_schema_get_tables (guint *n_tables)
{
  *n_tables = G_N_ELEMENTS (tables);
  return tables;
}

const IpmsTable *
ipms_schema_lookup_table (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (strcmp (tables[i].name, name) == 0)
      return &tables[i];

  return NULL;
}

const IpmsTable *
ipms_schema_lookup_plural (const char *plural)
{
  g_return_val_if_fail (plural != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (strcmp (tables[i].plural, plural) == 0)
      return &tables[i];

  return NULL;
}

int
ipms_table_find_column (const IpmsTable *table,
                        const char      *column)
{
  g_return_val_if_fail (table != NULL, -1);
  g_return_val_if_fail (column != NULL, -1);

  for (guint i = 0; i < table->n_columns; i++)
    if (strcmp (table->columns[i].name, column) == 0)
      return (int) i;

  return -1;
}

const IpmsColumn *
ipms_table_lookup_column (const IpmsTable *table,
                          const char      *column)
{
  int index = ipms_table_find_column (table, column);

  return index < 0 ? NULL : &table->columns[index];
}

gboolean
ipms_column_accepts_choice (const IpmsColumn *column,
                            const char       *value)
{
  g_return_val_if_fail (column->type == IPMS_COLUMN_ENUM, FALSE);

  if (value == NULL)
    return FALSE;

  for (guint i = 0; column->choices[i] != NULL; i++)
    if (strcmp (column->choices[i], value) == 0)
      return TRUE;

  return FALSE;
}

gboolean
ipms_date_is_valid (const char *iso_date)
{
  guint year, month, day;

  if (iso_date == NULL || strlen (iso_date) != 10 ||
      iso_date[4] != '-' || iso_date[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (iso_date[i]))
      return FALSE;

  year = (guint) g_ascii_strtoull (iso_date, NULL, 10);
  month = (guint) g_ascii_strtoull (iso_date + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (iso_date + 8, NULL, 10);

  return g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}
