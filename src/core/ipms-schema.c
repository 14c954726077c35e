/* ipms-schema.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ipms-schema.h"

/* Column constructors. Every column has a label (N_(), translated where it
 * is shown); `H` variants add a help text that forms show under the field. */
#define COL(n, t, f, r, c, lo, hi, l, h, fmt) { n, t, f, r, c, lo, hi, l, h, fmt }
#define TEXT(n, l)          COL (n, IPMS_COLUMN_TEXT, 0, NULL, NULL, 0, 0, l, NULL, IPMS_COLUMN_FORMAT_PLAIN)
#define REQUIRED_TEXT(n, l) COL (n, IPMS_COLUMN_TEXT, IPMS_COLUMN_FLAG_REQUIRED, NULL, NULL, 0, 0, l, NULL, IPMS_COLUMN_FORMAT_PLAIN)
#define NOTE(n, l)          COL (n, IPMS_COLUMN_TEXT, 0, NULL, NULL, 0, 0, l, NULL, IPMS_COLUMN_FORMAT_MULTILINE)
#define NOTE_H(n, l, h)     COL (n, IPMS_COLUMN_TEXT, 0, NULL, NULL, 0, 0, l, h, IPMS_COLUMN_FORMAT_MULTILINE)
#define COLOR(n, l)         COL (n, IPMS_COLUMN_TEXT, 0, NULL, NULL, 0, 0, l, NULL, IPMS_COLUMN_FORMAT_COLOR)
#define DATE(n, l)          COL (n, IPMS_COLUMN_DATE, 0, NULL, NULL, 0, 0, l, NULL, IPMS_COLUMN_FORMAT_PLAIN)
#define BOUNDED_INT(n, lo, hi, l) COL (n, IPMS_COLUMN_INTEGER, IPMS_COLUMN_FLAG_BOUNDED, NULL, NULL, lo, hi, l, NULL, IPMS_COLUMN_FORMAT_PLAIN)
#define REAL(n, l)          COL (n, IPMS_COLUMN_REAL, 0, NULL, NULL, 0, 0, l, NULL, IPMS_COLUMN_FORMAT_PLAIN)
#define AMOUNT(n, l)        COL (n, IPMS_COLUMN_REAL, IPMS_COLUMN_FLAG_BOUNDED, NULL, NULL, 0, 1e15, l, NULL, IPMS_COLUMN_FORMAT_MONEY)
#define QUANTITY(n, l)      COL (n, IPMS_COLUMN_REAL, IPMS_COLUMN_FLAG_BOUNDED, NULL, NULL, 0, 1e15, l, NULL, IPMS_COLUMN_FORMAT_PLAIN)
#define PERCENT(n, l)       COL (n, IPMS_COLUMN_REAL, IPMS_COLUMN_FLAG_BOUNDED, NULL, NULL, -1000, 1000, l, NULL, IPMS_COLUMN_FORMAT_PERCENT)
#define CHOICE(n, c, l)     COL (n, IPMS_COLUMN_ENUM, IPMS_COLUMN_FLAG_REQUIRED, NULL, c, 0, 0, l, NULL, IPMS_COLUMN_FORMAT_PLAIN)
#define REF(n, t, l)        COL (n, IPMS_COLUMN_REFERENCE, 0, t, NULL, 0, 0, l, NULL, IPMS_COLUMN_FORMAT_PLAIN)
#define OWNER(n, t, l)      COL (n, IPMS_COLUMN_REFERENCE, IPMS_COLUMN_FLAG_REQUIRED | IPMS_COLUMN_FLAG_OWNED_BY, t, NULL, 0, 0, l, NULL, IPMS_COLUMN_FORMAT_PLAIN)
#define YEAR(n, l)          COL (n, IPMS_COLUMN_INTEGER, IPMS_COLUMN_FLAG_BOUNDED, NULL, NULL, 1900, 2200, l, NULL, IPMS_COLUMN_FORMAT_YEAR)
#define POSITION(n, l)      BOUNDED_INT (n, 0, G_MAXINT32, l)
#define TABLE(n, p, c, l, d, o) { n, p, c, G_N_ELEMENTS (c), l, d, o }

const char * const ipms_grade_codes[] = { "R", "S", "A", "B", "F", NULL };

/* Grades are labelled by the project's own grade table, so their codes are
 * their labels here and are not translated (NULL context). */
static const IpmsChoice grade_choices[] = {
  { "R", NULL, "R" }, { "S", NULL, "S" }, { "A", NULL, "A" }, { "B", NULL, "B" }, { "F", NULL, "F" },
  { NULL, NULL, NULL }
};

static const IpmsChoice member_roles[] = {
  { "pm", "member role", NC_("member role", "Product manager (PM)") },
  { "mm", "member role", NC_("member role", "Market manager (MM)") },
  { "cm", "member role", NC_("member role", "Category manager (CM)") },
  { "other", "member role", NC_("member role", "Other") },
  { NULL, NULL, NULL }
};

static const IpmsChoice axes[] = {
  { "x", "grid axis", NC_("grid axis", "Preference (columns)") },
  { "y", "grid axis", NC_("grid axis", "Life stage (rows)") },
  { NULL, NULL, NULL }
};

static const IpmsChoice segment_roles[] = {
  { "none", "segment role", NC_("segment role", "Not targeted") },
  { "core", "segment role", NC_("segment role", "Core") },
  { "radiating", "segment role", NC_("segment role", "Radiating") },
  { NULL, NULL, NULL }
};

static const IpmsChoice product_statuses[] = {
  { "idea", "product status", NC_("product status", "Idea") },
  { "planned", "product status", NC_("product status", "Planned") },
  { "developing", "product status", NC_("product status", "In development") },
  { "launched", "product status", NC_("product status", "Launched") },
  { "retired", "product status", NC_("product status", "Retired") },
  { NULL, NULL, NULL }
};

static const IpmsChoice spec_kinds[] = {
  { "software", "spec kind", NC_("spec kind", "Software") },
  { "hardware", "spec kind", NC_("spec kind", "Hardware") },
  { "ui", "spec kind", NC_("spec kind", "UI interaction") },
  { "component", "spec kind", NC_("spec kind", "Core component") },
  { NULL, NULL, NULL }
};

static const IpmsChoice gap_kinds[] = {
  { "performance", "gap kind", NC_("gap kind", "Performance gap") },
  { "opportunity", "gap kind", NC_("gap kind", "Opportunity gap") },
  { NULL, NULL, NULL }
};

static const IpmsChoice modules[] = {
  { "sales", "business module", NC_("business module", "Sales") },
  { "marketing", "business module", NC_("business module", "Marketing") },
  { "rnd", "business module", NC_("business module", "R&D") },
  { "supply", "business module", NC_("business module", "Supply chain") },
  { "operations", "business module", NC_("business module", "Operations") },
  { "brand", "business module", NC_("business module", "Brand") },
  { "other", "business module", NC_("business module", "Other") },
  { NULL, NULL, NULL }
};

static const IpmsChoice plan_line_kinds[] = {
  { "hc", "plan line kind", NC_("plan line kind", "Headcount") },
  { "pnl", "plan line kind", NC_("plan line kind", "P&L") },
  { "budget", "plan line kind", NC_("plan line kind", "Budget") },
  { NULL, NULL, NULL }
};

static const IpmsChoice sub_category_decisions[] = {
  { "continue", "sub-category decision", NC_("sub-category decision", "Continue") },
  { "pause", "sub-category decision", NC_("sub-category decision", "Pause") },
  { "enter", "sub-category decision", NC_("sub-category decision", "Enter") },
  { NULL, NULL, NULL }
};

/* The review deck's slides, in their default order. */
const IpmsChoice ipms_slide_kinds[] = {
  { "title", "slide kind", NC_("slide kind", "Title") },
  { "five_looks", "slide kind", NC_("slide kind", "Five Looks & Three Decisions") },
  { "isor", "slide kind", NC_("slide kind", "ISOR") },
  { "ctmo", "slide kind", NC_("slide kind", "CTMO") },
  { "category", "slide kind", NC_("slide kind", "Category") },
  { "population", "slide kind", NC_("slide kind", "Population & Positioning") },
  { "panorama", "slide kind", NC_("slide kind", "Panorama") },
  { "three_year_plan", "slide kind", NC_("slide kind", "Three-Year Plan") },
  { "new_products", "slide kind", NC_("slide kind", "New Product Chart") },
  { "roadmap", "slide kind", NC_("slide kind", "Roadmap") },
  { "campaigns", "slide kind", NC_("slide kind", "Key Campaigns") },
  { "product", "slide kind", NC_("slide kind", "Product") },
  { "team", "slide kind", NC_("slide kind", "Team") },
  { "changes", "slide kind", NC_("slide kind", "What Changed") },
  { NULL, NULL, NULL }
};

static const IpmsColumn project_columns[] = {
  REQUIRED_TEXT ("name", N_("Project Name")),
  TEXT ("category", N_("Product Category")),
  TEXT ("currency", N_("Currency")),
  YEAR ("start_year", N_("First Year of the Three-Year Plan")),
  YEAR ("plan_year", N_("Year of the One-Year Plan")),
  NOTE_H ("mission", N_("Mission"), N_("Why the brand exists, in one sentence.")),
  NOTE_H ("vision", N_("Vision"), N_("Where the brand wants to be in five to ten years.")),
  NOTE_H ("strategic_intent", N_("Strategic Intent"), N_("The ambition that sets the direction of the next three years.")),
  NOTE_H ("ultimate_value", N_("Ultimate Value Proposition"), N_("The value the brand promises its users above all.")),
  NOTE_H ("tech_direction", N_("Technology Direction"), N_("The technologies the products will be built on.")),
  /* Five looks */
  NOTE ("macro_political", N_("Political")),
  NOTE ("macro_economic", N_("Economic")),
  NOTE ("macro_social", N_("Social")),
  NOTE ("macro_technological", N_("Technological")),
  NOTE_H ("industry_stage", N_("Life-Cycle Stage"), N_("Introduction, growth, maturity or decline, and why.")),
  NOTE ("industry_size", N_("Market Size")),
  NOTE_H ("industry_concentration", N_("Concentration"), N_("How much of the market the leaders hold.")),
  NOTE ("industry_opportunities", N_("Opportunity Points")),
  NOTE ("customer_personas", N_("Personas")),
  NOTE ("customer_needs", N_("Needs")),
  NOTE ("customer_behaviour", N_("Behaviour")),
  NOTE ("self_strengths", N_("Strengths")),
  NOTE ("self_weaknesses", N_("Weaknesses")),
  NOTE ("self_gaps", N_("Key Gaps")),
  /* Three decisions */
  NOTE_H ("decide_strategy", N_("Decide the Strategy"), N_("The long-term direction and the strategic goals.")),
  NOTE_H ("decide_targets", N_("Decide the Targets"), N_("Financial, market share and product targets.")),
  NOTE_H ("decide_plan", N_("Decide the Plan"), N_("Product development, market entry and resources.")),
  /* CTMO */
  NOTE ("consumer_market_size", N_("Market Size")),
  NOTE ("consumer_growth", N_("Growth")),
  NOTE_H ("consumer_regions", N_("Distribution by Region"), N_("The overall picture; the regions table below holds the figures.")),
  NOTE ("consumer_pain_points", N_("Needs and Pain Points")),
  NOTE ("tech_trends", N_("Technology Trends")),
  NOTE ("tech_reuse", N_("What Can Be Reused")),
  NOTE ("tech_performance", N_("Performance Users Want")),
  NOTE_H ("market_upstream", N_("Upstream Supply Chain"), N_("Key components and their supply; the suppliers table below lists them.")),
  NOTE_H ("market_midstream", N_("Midstream Competition"), N_("Your strengths and weaknesses in product, price, channel and brand.")),
  NOTE_H ("market_downstream", N_("Downstream Channels"), N_("Distribution and cost structure; the channels table below lists them.")),
  NOTE ("org_capabilities", N_("Capabilities the Industry Demands")),
  NOTE ("org_talent", N_("Key Talent")),
  /* Category and positioning */
  NOTE ("category_market_size", N_("Category Market Size")),
  NOTE ("category_growth", N_("Category Growth")),
  TEXT ("x_axis_title", N_("Preference Axis Title")),
  TEXT ("y_axis_title", N_("Life Stage Axis Title")),
  NOTE ("value_proposition", N_("Unique Value Proposition (U)")),
  NOTE ("selling_support", N_("Selling Support (S)")),
  /* One-year plan */
  AMOUNT ("net_revenue_target", N_("Net Revenue Target")),
  PERCENT ("gross_margin_target", N_("Gross Margin Target")),
  /* Roadmap */
  COL ("price_step", IPMS_COLUMN_REAL, IPMS_COLUMN_FLAG_BOUNDED, NULL, NULL, 0, 1e9,
       N_("Roadmap Price Step"), NULL, IPMS_COLUMN_FORMAT_MONEY),
};

static const IpmsColumn grade_columns[] = {
  CHOICE ("code", grade_choices, N_("Grade")),
  REQUIRED_TEXT ("label", N_("Label")),
  TEXT ("description", N_("Description")),
};

static const IpmsColumn member_columns[] = {
  REQUIRED_TEXT ("name", N_("Name")),
  CHOICE ("role", member_roles, N_("Role")),
  TEXT ("title", N_("Title")),
  TEXT ("email", N_("Email")),
  TEXT ("notes", N_("Notes")),
};

static const IpmsColumn axis_item_columns[] = {
  CHOICE ("axis", axes, N_("Axis")),
  POSITION ("position", N_("Position")),
  REQUIRED_TEXT ("label", N_("Label")),
  TEXT ("description", N_("Description")),
};

static const IpmsColumn segment_columns[] = {
  OWNER ("x_item_id", "axis_item", N_("Preference")),
  OWNER ("y_item_id", "axis_item", N_("Life Stage")),
  TEXT ("name", N_("Name")),
  BOUNDED_INT ("size", 0, G_MAXINT64 / 2, N_("Size (People)")),
  AMOUNT ("market_value", N_("Market Value")),
  PERCENT ("growth", N_("Growth")),
  TEXT ("trend", N_("Trend")),
  TEXT ("state", N_("State")),
  NOTE ("needs", N_("Needs")),
  CHOICE ("role", segment_roles, N_("Role")),
};

static const IpmsColumn need_columns[] = {
  REF ("segment_id", "segment", N_("Segment")),
  POSITION ("rank", N_("Rank")),
  REQUIRED_TEXT ("text", N_("Need")),
  TEXT ("competitor_gap", N_("Competitor Gap")),
};

static const IpmsColumn series_columns[] = {
  REQUIRED_TEXT ("name", N_("Name")),
  NOTE ("positioning", N_("Market Positioning")),
  NOTE ("differentiation", N_("Differentiation")),
  NOTE ("business_model", N_("Business Model")),
  NOTE ("brand_tone", N_("Brand Tone")),
  DATE ("entry_date", N_("Entry")),
  DATE ("first_launch_date", N_("First Launch")),
  DATE ("refresh_date", N_("Refresh")),
  COLOR ("color", N_("Colour")),
  REF ("owner_id", "member", N_("Owner")),
  POSITION ("position", N_("Position")),
};

static const IpmsColumn series_segment_columns[] = {
  OWNER ("series_id", "series", N_("Series")),
  OWNER ("segment_id", "segment", N_("Segment")),
};

static const IpmsColumn product_columns[] = {
  REF ("series_id", "series", N_("Series")),
  REQUIRED_TEXT ("name", N_("Name")),
  CHOICE ("grade", grade_choices, N_("Grade")),
  AMOUNT ("price", N_("Price")),
  AMOUNT ("cost", N_("Cost")),
  CHOICE ("status", product_statuses, N_("Status")),
  DATE ("dev_start", N_("Development Start")),
  DATE ("dev_complete", N_("Development Complete")),
  DATE ("launch_date", N_("Launch")),
  REF ("segment_id", "segment", N_("Segment")),
  POSITION ("cell_order", N_("Order in Its Cell")),
  REF ("owner_id", "member", N_("Owner")),
  /* PRD: overview */
  NOTE ("concept", N_("Concept")),
  NOTE ("form", N_("Form")),
  NOTE ("features", N_("Features")),
  NOTE ("selling_points", N_("Selling Points")),
  /* PRD: scenarios, strategy */
  NOTE ("scenarios", N_("User Scenarios")),
  NOTE ("user_needs", N_("User Needs")),
  NOTE ("competitiveness", N_("Competitiveness")),
  /* PRD: technical */
  NOTE ("ui_interaction", N_("UI Interaction")),
  NOTE ("sales_regions", N_("Sales Regions")),
};

static const IpmsColumn product_competitor_columns[] = {
  OWNER ("product_id", "product", N_("Product")),
  REQUIRED_TEXT ("name", N_("Competitor")),
  AMOUNT ("price", N_("Price")),
  TEXT ("strengths", N_("Strengths")),
  TEXT ("weaknesses", N_("Weaknesses")),
};

static const IpmsColumn product_spec_columns[] = {
  OWNER ("product_id", "product", N_("Product")),
  CHOICE ("kind", spec_kinds, N_("Kind")),
  REQUIRED_TEXT ("name", N_("Name")),
  TEXT ("value", N_("Value")),
};

static const IpmsColumn certification_columns[] = {
  OWNER ("product_id", "product", N_("Product")),
  REQUIRED_TEXT ("name", N_("Certification")),
  TEXT ("region", N_("Region")),
  TEXT ("status", N_("Status")),
};

static const IpmsColumn faq_columns[] = {
  OWNER ("product_id", "product", N_("Product")),
  REQUIRED_TEXT ("question", N_("Question")),
  NOTE ("answer", N_("Answer")),
};

static const IpmsColumn box_item_columns[] = {
  OWNER ("product_id", "product", N_("Product")),
  REQUIRED_TEXT ("name", N_("Item")),
  BOUNDED_INT ("quantity", 0, 1000000, N_("Quantity")),
  BOUNDED_INT ("optional", 0, 1, N_("Optional")),
};

static const IpmsColumn competitor_columns[] = {
  REQUIRED_TEXT ("name", N_("Competitor")),
  TEXT ("strategy", N_("Competitive Strategy")),
  TEXT ("products", N_("Products")),
  TEXT ("performance", N_("Market Performance")),
  TEXT ("strengths", N_("Strengths")),
  TEXT ("weaknesses", N_("Weaknesses")),
};

static const IpmsColumn gap_columns[] = {
  CHOICE ("kind", gap_kinds, N_("Kind")),
  REQUIRED_TEXT ("description", N_("Gap")),
  TEXT ("target", N_("Target")),
  TEXT ("actual", N_("Actual")),
  TEXT ("opportunity", N_("Opportunity Points")),
};

static const IpmsColumn initiative_columns[] = {
  REF ("gap_id", "gap", N_("Answers Gap")),
  REQUIRED_TEXT ("description", N_("Initiative")),
  TEXT ("time_frame", N_("Time Frame")),
  REF ("owner_id", "member", N_("Owner")),
};

static const IpmsColumn objective_columns[] = {
  REQUIRED_TEXT ("title", N_("Objective")),
  CHOICE ("module", modules, N_("Business Module")),
  REF ("owner_id", "member", N_("Owner")),
  YEAR ("year", N_("Year")),
};

static const IpmsColumn key_result_columns[] = {
  OWNER ("objective_id", "objective", N_("Objective")),
  REQUIRED_TEXT ("description", N_("Key Result")),
  CHOICE ("module", modules, N_("Business Module")),
  REF ("owner_id", "member", N_("Owner")),
  REAL ("target", N_("Target")),
  REAL ("current", N_("Current")),
  TEXT ("unit", N_("Unit")),
};

static const IpmsColumn review_columns[] = {
  REQUIRED_TEXT ("month", N_("Month")),
  TEXT ("reached", N_("Reached")),
  TEXT ("deviation", N_("Deviation")),
  TEXT ("root_cause", N_("Root Cause")),
  TEXT ("action", N_("Action")),
};

static const IpmsColumn region_columns[] = {
  REQUIRED_TEXT ("name", N_("Region")),
  AMOUNT ("market_size", N_("Market Size")),
  PERCENT ("growth", N_("Growth")),
  TEXT ("notes", N_("Notes")),
};

static const IpmsColumn supplier_columns[] = {
  REQUIRED_TEXT ("component", N_("Component")),
  REQUIRED_TEXT ("name", N_("Supplier")),
  TEXT ("scale", N_("Scale")),
  TEXT ("location", N_("Location")),
  TEXT ("capacity", N_("Capacity")),
  TEXT ("cost", N_("Cost")),
  TEXT ("risk", N_("Supply Risk")),
};

static const IpmsColumn channel_columns[] = {
  REQUIRED_TEXT ("name", N_("Channel")),
  TEXT ("kind", N_("Kind")),
  TEXT ("distribution", N_("Distribution")),
  TEXT ("cost_structure", N_("Cost Structure")),
};

static const IpmsColumn yearly_target_columns[] = {
  YEAR ("year", N_("Year")),
  REF ("series_id", "series", N_("Series")),
  AMOUNT ("sales", N_("Sales")),
  PERCENT ("margin", N_("Gross Margin")),
  BOUNDED_INT ("ranking", 0, 1000000, N_("Ranking")),
  PERCENT ("brand_awareness", N_("Brand Awareness")),
};

static const IpmsColumn campaign_columns[] = {
  REQUIRED_TEXT ("name", N_("Campaign")),
  REF ("ta_segment_id", "segment", N_("Target Audience")),
  NOTE ("goal", N_("Goal")),
  DATE ("start_date", N_("Start")),
  DATE ("end_date", N_("End")),
  NOTE ("product_plan", N_("Product")),
  NOTE ("price_plan", N_("Price")),
  NOTE ("place_plan", N_("Place")),
  NOTE ("promotion_plan", N_("Promotion")),
  NOTE ("ipd_request", N_("Needs from IPD")),
  NOTE ("ipc_request", N_("Needs from IPC")),
  NOTE ("isc_request", N_("Needs from ISC")),
  NOTE ("iea_request", N_("Needs from IEA")),
  REF ("owner_id", "member", N_("Owner")),
};

static const IpmsColumn plan_line_columns[] = {
  CHOICE ("kind", plan_line_kinds, N_("Kind")),
  YEAR ("year", N_("Year")),
  REQUIRED_TEXT ("name", N_("Line")),
  REAL ("amount", N_("Amount")),
  TEXT ("notes", N_("Notes")),
  POSITION ("position", N_("Position")),
};

static const IpmsColumn sub_category_columns[] = {
  REQUIRED_TEXT ("name", N_("Sub-Category")),
  CHOICE ("decision", sub_category_decisions, N_("Decision")),
  TEXT ("timing", N_("Timing")),
  TEXT ("notes", N_("Notes")),
};

static const IpmsColumn price_band_columns[] = {
  REQUIRED_TEXT ("name", N_("Price Band")),
  AMOUNT ("min_price", N_("Lowest Price")),
  AMOUNT ("max_price", N_("Highest Price")),
};

/* The review deck: a slide of `kind` (a product's own slide names it in
 * `product_id`, and goes with the product). */
static const IpmsColumn deck_slide_columns[] = {
  CHOICE ("kind", ipms_slide_kinds, N_("Slide")),
  POSITION ("position", N_("Position")),
  BOUNDED_INT ("hidden", 0, 1, N_("Hidden")),
  NOTE ("notes", N_("Speaker Notes")),
  COL ("product_id", IPMS_COLUMN_REFERENCE, IPMS_COLUMN_FLAG_OWNED_BY, "product", NULL, 0, 0,
       N_("Product"), NULL, IPMS_COLUMN_FORMAT_PLAIN),
};

/* Name, JSON name, columns, what one row is called, the column that names a
 * row in pickers and messages, and the column that orders rows (NULL: by id). */
static const IpmsTable tables[] = {
  TABLE ("project", "projects", project_columns, N_("Project"), "name", NULL),
  TABLE ("grade", "grades", grade_columns, N_("Grade"), "label", NULL),
  TABLE ("member", "members", member_columns, N_("Member"), "name", NULL),
  TABLE ("axis_item", "axis_items", axis_item_columns, N_("Axis Item"), "label", "position"),
  TABLE ("segment", "segments", segment_columns, N_("Segment"), "name", NULL),
  TABLE ("need", "needs", need_columns, N_("Need"), "text", "rank"),
  TABLE ("series", "series", series_columns, N_("Series"), "name", "position"),
  TABLE ("series_segment", "series_segments", series_segment_columns, N_("Series Segment"), NULL, NULL),
  TABLE ("product", "products", product_columns, N_("Product"), "name", NULL),
  TABLE ("product_competitor", "product_competitors", product_competitor_columns, N_("Competing Product"), "name", NULL),
  TABLE ("product_spec", "product_specs", product_spec_columns, N_("Specification"), "name", NULL),
  TABLE ("certification", "certifications", certification_columns, N_("Certification"), "name", NULL),
  TABLE ("faq", "faqs", faq_columns, N_("FAQ"), "question", NULL),
  TABLE ("box_item", "box_items", box_item_columns, N_("Box Item"), "name", NULL),
  TABLE ("competitor", "competitors", competitor_columns, N_("Competitor"), "name", NULL),
  TABLE ("gap", "gaps", gap_columns, N_("Gap"), "description", NULL),
  TABLE ("initiative", "initiatives", initiative_columns, N_("Initiative"), "description", NULL),
  TABLE ("objective", "objectives", objective_columns, N_("Objective"), "title", NULL),
  TABLE ("key_result", "key_results", key_result_columns, N_("Key Result"), "description", NULL),
  TABLE ("review", "reviews", review_columns, N_("Review"), "month", NULL),
  TABLE ("region", "regions", region_columns, N_("Region"), "name", NULL),
  TABLE ("supplier", "suppliers", supplier_columns, N_("Supplier"), "name", NULL),
  TABLE ("channel", "channels", channel_columns, N_("Channel"), "name", NULL),
  TABLE ("yearly_target", "yearly_targets", yearly_target_columns, N_("Yearly Target"), NULL, NULL),
  TABLE ("campaign", "campaigns", campaign_columns, N_("Campaign"), "name", NULL),
  TABLE ("plan_line", "plan_lines", plan_line_columns, N_("Plan Line"), "name", "position"),
  TABLE ("sub_category", "sub_categories", sub_category_columns, N_("Sub-Category"), "name", NULL),
  TABLE ("price_band", "price_bands", price_band_columns, N_("Price Band"), "name", NULL),
  TABLE ("deck_slide", "deck_slides", deck_slide_columns, N_("Slide"), NULL, "position"),
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

  return ipms_column_find_choice (column, value) >= 0;
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

const char *
ipms_table_get_label (const IpmsTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  return g_dgettext (GETTEXT_PACKAGE, table->label);
}

const char *
ipms_column_get_label (const IpmsColumn *column)
{
  g_return_val_if_fail (column != NULL, NULL);

  return g_dgettext (GETTEXT_PACKAGE, column->label);
}

const char *
ipms_column_get_help (const IpmsColumn *column)
{
  g_return_val_if_fail (column != NULL, NULL);

  return column->help != NULL ? g_dgettext (GETTEXT_PACKAGE, column->help) : NULL;
}

guint
ipms_column_get_n_choices (const IpmsColumn *column)
{
  guint n = 0;

  g_return_val_if_fail (column != NULL, 0);

  if (column->choices != NULL)
    while (column->choices[n].code != NULL)
      n++;

  return n;
}

int
ipms_column_find_choice (const IpmsColumn *column,
                         const char       *code)
{
  g_return_val_if_fail (column != NULL, -1);

  if (code == NULL || column->choices == NULL)
    return -1;

  for (guint i = 0; column->choices[i].code != NULL; i++)
    if (strcmp (column->choices[i].code, code) == 0)
      return (int) i;

  return -1;
}

const char *
ipms_choice_get_label (const IpmsChoice *choice)
{
  g_return_val_if_fail (choice != NULL, NULL);

  if (choice->context == NULL)
    return choice->label;

  return g_dpgettext2 (GETTEXT_PACKAGE, choice->context, choice->label);
}

char *
ipms_column_dup_choice_codes (const IpmsColumn *column,
                              const char       *separator)
{
  g_autoptr(GString) codes = g_string_new (NULL);

  g_return_val_if_fail (column != NULL, NULL);

  for (guint i = 0; i < ipms_column_get_n_choices (column); i++)
    {
      if (i > 0)
        g_string_append (codes, separator);
      g_string_append (codes, column->choices[i].code);
    }

  return g_string_free (g_steal_pointer (&codes), FALSE);
}
