/* ipms-slide-content.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * What each kind of slide shows, read straight from the model (the project
 * record's fields and the tables), so that a slide works whatever views
 * exist. A new kind is one row of `kinds` and one builder.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ipms-chart-style.h"
#include "ipms-format.h"
#include "ipms-slide-content.h"

typedef void (*BuildFunc) (IpmsDocument           *document,
                           gint64                  product_id,
                           IpmsBaselineComparison *comparison,
                           GPtrArray              *blocks,
                           char                  **title);

typedef struct
{
  const char *title;
  const char *section;
  const char *chart;
  BuildFunc   build;
} KindInfo;

static void build_title      (IpmsDocument *, gint64, IpmsBaselineComparison *, GPtrArray *, char **);
static void build_five_looks (IpmsDocument *, gint64, IpmsBaselineComparison *, GPtrArray *, char **);
static void build_isor       (IpmsDocument *, gint64, IpmsBaselineComparison *, GPtrArray *, char **);
static void build_ctmo       (IpmsDocument *, gint64, IpmsBaselineComparison *, GPtrArray *, char **);
static void build_category   (IpmsDocument *, gint64, IpmsBaselineComparison *, GPtrArray *, char **);
static void build_population (IpmsDocument *, gint64, IpmsBaselineComparison *, GPtrArray *, char **);
static void build_three_year (IpmsDocument *, gint64, IpmsBaselineComparison *, GPtrArray *, char **);
static void build_campaigns  (IpmsDocument *, gint64, IpmsBaselineComparison *, GPtrArray *, char **);
static void build_product    (IpmsDocument *, gint64, IpmsBaselineComparison *, GPtrArray *, char **);
static void build_team       (IpmsDocument *, gint64, IpmsBaselineComparison *, GPtrArray *, char **);
static void build_changes    (IpmsDocument *, gint64, IpmsBaselineComparison *, GPtrArray *, char **);

static const KindInfo kinds[IPMS_SLIDE_N_KINDS] = {
  [IPMS_SLIDE_KIND_TITLE] = { N_("Title Slide"), NULL, NULL, build_title },
  [IPMS_SLIDE_KIND_FIVE_LOOKS] = { N_("Five Looks and Three Decisions"), "five-looks", NULL, build_five_looks },
  [IPMS_SLIDE_KIND_ISOR] = { N_("ISOR: Gaps, Initiatives and OKRs"), "isor", NULL, build_isor },
  [IPMS_SLIDE_KIND_CTMO] = { N_("CTMO"), "ctmo", NULL, build_ctmo },
  [IPMS_SLIDE_KIND_CATEGORY] = { N_("Category Decisions"), "category", NULL, build_category },
  [IPMS_SLIDE_KIND_POPULATION] = { N_("Population and MUS"), "population", NULL, build_population },
  [IPMS_SLIDE_KIND_PANORAMA] = { N_("Product Panorama"), "panorama", "panorama", NULL },
  [IPMS_SLIDE_KIND_THREE_YEAR_PLAN] = { N_("Three-Year Plan"), "three-year-plan", NULL, build_three_year },
  [IPMS_SLIDE_KIND_NEW_PRODUCTS] = { N_("New Product Chart"), "new-products", "new-products", NULL },
  [IPMS_SLIDE_KIND_ROADMAP] = { N_("Roadmap"), "roadmap", "roadmap", NULL },
  [IPMS_SLIDE_KIND_CAMPAIGNS] = { N_("Key Campaigns"), "one-year-plan", NULL, build_campaigns },
  [IPMS_SLIDE_KIND_PRODUCT] = { N_("Product"), "prds", NULL, build_product },
  [IPMS_SLIDE_KIND_TEAM] = { N_("Team"), "team", NULL, build_team },
  [IPMS_SLIDE_KIND_CHANGES] = { N_("What Changed Since the Last Review"), NULL, NULL, build_changes },
};

IpmsSlideKind
ipms_slide_kind_from_name (const char *name)
{
  for (guint i = 0; i < IPMS_SLIDE_N_KINDS && ipms_slide_kinds[i].code != NULL; i++)
    if (g_strcmp0 (ipms_slide_kinds[i].code, name) == 0)
      return (IpmsSlideKind) i;

  return IPMS_SLIDE_N_KINDS;
}

const char *
ipms_slide_kind_get_name (IpmsSlideKind kind)
{
  g_return_val_if_fail (kind < IPMS_SLIDE_N_KINDS, NULL);
  return ipms_slide_kinds[kind].code;
}

const char *
ipms_slide_kind_get_title (IpmsSlideKind kind)
{
  g_return_val_if_fail (kind < IPMS_SLIDE_N_KINDS, NULL);
  return _(kinds[kind].title);
}

const char *
ipms_slide_kind_get_section (IpmsSlideKind kind)
{
  g_return_val_if_fail (kind < IPMS_SLIDE_N_KINDS, NULL);
  return kinds[kind].section;
}

const char *
ipms_slide_kind_get_chart (IpmsSlideKind kind)
{
  g_return_val_if_fail (kind < IPMS_SLIDE_N_KINDS, NULL);
  return kinds[kind].chart;
}

/* Helpers */

typedef struct
{
  const char *column;
  const char *label;
} Field;

static const double field_weights[] = { 0.3, 0.7 };

static IpmsSlideBlock *
table_new (const char          *heading,
           guint                n_columns,
           const double        *weights,
           const char * const  *header)
{
  IpmsSlideBlock *block = ipms_slide_block_new (IPMS_SLIDE_BLOCK_TABLE, heading);

  ipms_slide_block_set_columns (block, n_columns, weights, header);
  return block;
}

/* Adds `block` when it has rows, else drops it: an empty part of the plan
 * takes no room on a slide. */
static void
add_block (GPtrArray      *blocks,
           IpmsSlideBlock *block)
{
  if (block->rows->len > 0)
    g_ptr_array_add (blocks, block);
  else
    ipms_slide_block_free (block);
}

static void
add_field_row (IpmsSlideBlock *block,
               const char     *label,
               const char     *value)
{
  if (value != NULL && *value != '\0')
    ipms_slide_block_add_row (block, (const char *[]) { label, value });
}

static void
add_fields (GPtrArray   *blocks,
            const char  *heading,
            IpmsRecord  *record,
            const Field *fields,
            guint        n_fields)
{
  IpmsSlideBlock *block = table_new (heading, 2, field_weights, NULL);

  block->first_column_bold = TRUE;
  for (guint i = 0; i < n_fields; i++)
    add_field_row (block, _(fields[i].label), ipms_record_get_string (record, fields[i].column));

  add_block (blocks, block);
}

static void
add_text (GPtrArray  *blocks,
          const char *heading,
          const char *text)
{
  IpmsSlideBlock *block = ipms_slide_block_new (IPMS_SLIDE_BLOCK_TEXT, heading);

  ipms_slide_block_add_row (block, (const char *[]) { text });
  g_ptr_array_add (blocks, block);
}

static char *
format_amount (IpmsDocument *document,
               IpmsRecord   *record,
               const char   *column)
{
  IpmsRecord *project = ipms_document_get_project (document);

  if (ipms_record_is_null (record, column))
    return g_strdup ("");

  return ipms_format_price (ipms_record_get_double (record, column),
                            project != NULL ? ipms_record_get_string (project, "currency") : "");
}

static char *
format_number (double value)
{
  if (isnan (value))
    return g_strdup ("—");

  return ipms_format_price (value, "");
}

static char *
format_percent (IpmsRecord *record,
                const char *column)
{
  if (ipms_record_is_null (record, column))
    return g_strdup ("");

  /* Translators: a percentage on a slide, "42 %" */
  return g_strdup_printf (_("%g %%"), ipms_record_get_double (record, column));
}

static const char *
referenced_string (IpmsDocument *document,
                   IpmsRecord   *record,
                   const char   *column,
                   const char   *table,
                   const char   *field)
{
  IpmsRecord *target;

  if (ipms_record_is_null (record, column))
    return "";

  target = ipms_document_get_record (document, table, ipms_record_get_int (record, column));
  return target != NULL ? ipms_record_get_string (target, field) : "";
}

static char *
segment_label (IpmsDocument *document,
               gint64        segment_id)
{
  IpmsRecord *segment = segment_id != 0 ? ipms_document_get_record (document, "segment", segment_id) : NULL;

  if (segment == NULL)
    return g_strdup ("");

  if (*ipms_record_get_string (segment, "name") != '\0')
    return g_strdup (ipms_record_get_string (segment, "name"));

  return g_strdup_printf ("%s · %s",
                          referenced_string (document, segment, "y_item_id", "axis_item", "label"),
                          referenced_string (document, segment, "x_item_id", "axis_item", "label"));
}

static const char *
status_label (const char *status)
{
  static const struct { const char *code; const char *label; } statuses[] = {
    { "idea", NC_("product status", "Idea") },
    { "planned", NC_("product status", "Planned") },
    { "developing", NC_("product status", "In development") },
    { "launched", NC_("product status", "Launched") },
    { "retired", NC_("product status", "Retired") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_strcmp0 (statuses[i].code, status) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "product status", statuses[i].label);

  return status != NULL ? status : "";
}

static const char *
role_label (const char *role)
{
  if (g_strcmp0 (role, "core") == 0)
    return C_("segment role", "Core");
  if (g_strcmp0 (role, "radiating") == 0)
    return C_("segment role", "Radiating");
  return C_("segment role", "None");
}

/* Kinds */

/* Dates as every view writes them (the locale's way, ipms_format_date()),
 * also in a span "2027-01-15 – 2027-07-31"; other text is kept. */
static char *
format_dates (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", " – ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *date = ipms_format_date_iso (parts[i]);

      g_free (parts[i]);
      parts[i] = date;
    }

  return g_strjoinv (" – ", parts);
}

static void
build_title (IpmsDocument           *document,
             gint64                  product_id,
             IpmsBaselineComparison *comparison,
             GPtrArray              *blocks,
             char                  **title)
{
  IpmsRecord *project = ipms_document_get_project (document);
  g_autoptr(GPtrArray) members = ipms_document_query (document, "member", NULL, 0, NULL);
  g_autofree char *date = NULL;
  g_autofree char *presenter = NULL;
  GDate today;
  g_autofree char *name = ipms_document_dup_title (document);
  IpmsSlideBlock *block = ipms_slide_block_new (IPMS_SLIDE_BLOCK_TITLE, NULL);

  /* The review's date as every other view writes dates: the locale's way. */
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  date = ipms_format_date (g_date_get_julian (&today));

  for (guint i = 0; i < members->len && presenter == NULL; i++)
    if (g_strcmp0 (ipms_record_get_string (g_ptr_array_index (members, i), "role"), "pm") == 0)
      /* Translators: on the title slide; %s is the product manager's name */
      presenter = g_strdup_printf (_("Presented by %s"),
                                   ipms_record_get_string (g_ptr_array_index (members, i), "name"));

  ipms_slide_block_set_columns (block, 4, (double[]) { 1, 1, 1, 1 }, NULL);
  ipms_slide_block_add_row (block, (const char *[]) {
    name,
    project != NULL ? ipms_record_get_string (project, "category") : "",
    date,
    presenter != NULL ? presenter : "",
  });
  g_ptr_array_add (blocks, block);
  *title = g_strdup (name);
}

static void
build_five_looks (IpmsDocument           *document,
                  gint64                  product_id,
                  IpmsBaselineComparison *comparison,
                  GPtrArray              *blocks,
                  char                  **title)
{
  static const Field macro[] = {
    { "macro_political", N_("Political") },
    { "macro_economic", N_("Economic") },
    { "macro_social", N_("Social") },
    { "macro_technological", N_("Technological") },
  };
  static const Field industry[] = {
    { "industry_stage", N_("Stage") },
    { "industry_size", N_("Size") },
    { "industry_concentration", N_("Concentration") },
    { "industry_opportunities", N_("Opportunities") },
  };
  static const Field customers[] = {
    { "customer_personas", N_("Personas") },
    { "customer_needs", N_("Needs") },
    { "customer_behaviour", N_("Behaviour") },
  };
  static const Field self[] = {
    { "self_strengths", N_("Strengths") },
    { "self_weaknesses", N_("Weaknesses") },
    { "self_gaps", N_("Gaps") },
  };
  static const Field decisions[] = {
    { "decide_strategy", N_("Strategy") },
    { "decide_targets", N_("Targets") },
    { "decide_plan", N_("Plan") },
  };
  IpmsRecord *project = ipms_document_get_project (document);

  add_fields (blocks, _("Macro environment"), project, macro, G_N_ELEMENTS (macro));
  add_fields (blocks, _("Industry"), project, industry, G_N_ELEMENTS (industry));
  add_fields (blocks, _("Customers"), project, customers, G_N_ELEMENTS (customers));
  add_fields (blocks, _("Ourselves"), project, self, G_N_ELEMENTS (self));
  add_fields (blocks, _("Three decisions"), project, decisions, G_N_ELEMENTS (decisions));
}

static void
build_isor (IpmsDocument           *document,
            gint64                  product_id,
            IpmsBaselineComparison *comparison,
            GPtrArray              *blocks,
            char                  **title)
{
  g_autoptr(GPtrArray) gaps = ipms_document_query (document, "gap", NULL, 0, NULL);
  g_autoptr(GPtrArray) initiatives = ipms_document_query (document, "initiative", NULL, 0, NULL);
  g_autoptr(GPtrArray) results = ipms_document_query (document, "key_result", NULL, 0, "objective_id");
  IpmsSlideBlock *block;

  block = table_new (_("Gaps"), 4, (double[]) { 0.8, 2.2, 1.2, 1.2 },
                     (const char *[]) { _("Kind"), _("Gap"), _("Target"), _("Actual") });
  for (guint i = 0; i < gaps->len; i++)
    {
      IpmsRecord *gap = g_ptr_array_index (gaps, i);
      gboolean performance = g_strcmp0 (ipms_record_get_string (gap, "kind"), "performance") == 0;

      ipms_slide_block_add_row (block, (const char *[]) {
        performance ? C_("gap kind", "Performance") : C_("gap kind", "Opportunity"),
        ipms_record_get_string (gap, "description"),
        ipms_record_get_string (gap, "target"),
        ipms_record_get_string (gap, "actual"),
      });
    }
  add_block (blocks, block);

  block = table_new (_("Initiatives"), 3, (double[]) { 3, 1, 1 },
                     (const char *[]) { _("Initiative"), _("Time frame"), _("Owner") });
  for (guint i = 0; i < initiatives->len; i++)
    {
      IpmsRecord *initiative = g_ptr_array_index (initiatives, i);

      ipms_slide_block_add_row (block, (const char *[]) {
        ipms_record_get_string (initiative, "description"),
        ipms_record_get_string (initiative, "time_frame"),
        referenced_string (document, initiative, "owner_id", "member", "name"),
      });
    }
  add_block (blocks, block);

  block = table_new (_("OKR progress"), 3, (double[]) { 1.4, 2, 1.1 },
                     (const char *[]) { _("Objective"), _("Key result"), _("Progress") });
  for (guint i = 0; i < results->len; i++)
    {
      IpmsRecord *result = g_ptr_array_index (results, i);
      g_autofree char *progress = NULL;
      double target = ipms_record_get_double (result, "target");
      double current = ipms_record_get_double (result, "current");

      if (!ipms_record_is_null (result, "target") && target != 0)
        /* Translators: a key result's progress: current / target unit (percent) */
        progress = g_strdup_printf (_("%g / %g %s (%.0f %%)"), current, target,
                                    ipms_record_get_string (result, "unit"), 100 * current / target);
      else
        progress = g_strdup_printf ("%g %s", current, ipms_record_get_string (result, "unit"));

      ipms_slide_block_add_row (block, (const char *[]) {
        referenced_string (document, result, "objective_id", "objective", "title"),
        ipms_record_get_string (result, "description"),
        progress,
      });
    }
  add_block (blocks, block);
}

static void
build_ctmo (IpmsDocument           *document,
            gint64                  product_id,
            IpmsBaselineComparison *comparison,
            GPtrArray              *blocks,
            char                  **title)
{
  static const Field consumer[] = {
    { "consumer_market_size", N_("Market size") },
    { "consumer_growth", N_("Growth") },
    { "consumer_regions", N_("Regions") },
    { "consumer_pain_points", N_("Pain points") },
  };
  static const Field technology[] = {
    { "tech_trends", N_("Trends") },
    { "tech_reuse", N_("Reuse") },
    { "tech_performance", N_("Performance") },
  };
  static const Field market[] = {
    { "market_upstream", N_("Upstream") },
    { "market_midstream", N_("Midstream") },
    { "market_downstream", N_("Downstream") },
  };
  static const Field organisation[] = {
    { "org_capabilities", N_("Capabilities") },
    { "org_talent", N_("Talent") },
  };
  IpmsRecord *project = ipms_document_get_project (document);

  add_fields (blocks, _("Consumer"), project, consumer, G_N_ELEMENTS (consumer));
  add_fields (blocks, _("Technology"), project, technology, G_N_ELEMENTS (technology));
  add_fields (blocks, _("Market"), project, market, G_N_ELEMENTS (market));
  add_fields (blocks, _("Organisation"), project, organisation, G_N_ELEMENTS (organisation));
}

static void
build_category (IpmsDocument           *document,
                gint64                  product_id,
                IpmsBaselineComparison *comparison,
                GPtrArray              *blocks,
                char                  **title)
{
  static const Field category[] = {
    { "category", N_("Category") },
    { "category_market_size", N_("Market size") },
    { "category_growth", N_("Growth") },
  };
  g_autoptr(GPtrArray) subs = ipms_document_query (document, "sub_category", NULL, 0, NULL);
  IpmsSlideBlock *block;

  add_fields (blocks, NULL, ipms_document_get_project (document), category, G_N_ELEMENTS (category));

  block = table_new (_("Sub-categories"), 4, (double[]) { 1.3, 0.8, 1, 2 },
                     (const char *[]) { _("Sub-category"), _("Decision"), _("Timing"), _("Notes") });
  for (guint i = 0; i < subs->len; i++)
    {
      IpmsRecord *sub = g_ptr_array_index (subs, i);
      const char *decision = ipms_record_get_string (sub, "decision");

      ipms_slide_block_add_row (block, (const char *[]) {
        ipms_record_get_string (sub, "name"),
        g_strcmp0 (decision, "enter") == 0 ? C_("category decision", "Enter")
          : g_strcmp0 (decision, "pause") == 0 ? C_("category decision", "Pause")
          : C_("category decision", "Continue"),
        ipms_record_get_string (sub, "timing"),
        ipms_record_get_string (sub, "notes"),
      });
    }
  add_block (blocks, block);
}

static void
build_population (IpmsDocument           *document,
                  gint64                  product_id,
                  IpmsBaselineComparison *comparison,
                  GPtrArray              *blocks,
                  char                  **title)
{
  g_autoptr(GPtrArray) segments = ipms_document_query (document, "segment", NULL, 0, NULL);
  g_autoptr(GPtrArray) needs = ipms_document_query (document, "need", NULL, 0, "rank");
  g_autoptr(GString) ranked = g_string_new (NULL);
  IpmsRecord *project = ipms_document_get_project (document);
  IpmsSlideBlock *block;

  block = table_new (_("Core and radiating populations"), 5, (double[]) { 2, 0.9, 0.9, 1, 0.8 },
                     (const char *[]) { _("Segment"), _("Role"), _("Size"), _("Market value"), _("Growth") });
  /* Core segments first, then the radiating ones. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < segments->len; i++)
      {
        IpmsRecord *segment = g_ptr_array_index (segments, i);
        const char *role = ipms_record_get_string (segment, "role");
        g_autofree char *label = NULL;
        g_autofree char *size = NULL;
        g_autofree char *value = NULL;
        g_autofree char *growth = NULL;

        if (g_strcmp0 (role, pass == 0 ? "core" : "radiating") != 0)
          continue;

        label = segment_label (document, ipms_record_get_id (segment));
        size = ipms_record_is_null (segment, "size") ? g_strdup ("")
          : format_number ((double) ipms_record_get_int (segment, "size"));
        value = format_amount (document, segment, "market_value");
        growth = format_percent (segment, "growth");
        ipms_slide_block_add_row (block, (const char *[]) { label, role_label (role), size, value, growth });
      }
  add_block (blocks, block);

  for (guint i = 0; i < needs->len; i++)
    g_string_append_printf (ranked, "%s%u. %s", i > 0 ? "\n" : "", i + 1,
                            ipms_record_get_string (g_ptr_array_index (needs, i), "text"));

  block = table_new (_("MUS"), 2, field_weights, NULL);
  block->first_column_bold = TRUE;
  add_field_row (block, _("M: needs, ranked"), ranked->str);
  add_field_row (block, _("U: unique value proposition"), ipms_record_get_string (project, "value_proposition"));
  add_field_row (block, _("S: how the products support it"), ipms_record_get_string (project, "selling_support"));
  add_block (blocks, block);
}

static void
build_three_year (IpmsDocument           *document,
                  gint64                  product_id,
                  IpmsBaselineComparison *comparison,
                  GPtrArray              *blocks,
                  char                  **title)
{
  g_autoptr(GPtrArray) series = ipms_document_query (document, "series", NULL, 0, "position");
  g_autoptr(GPtrArray) targets = ipms_document_query (document, "yearly_target", NULL, 0, "year");
  IpmsSlideBlock *block;

  block = table_new (_("Product series"), 5, (double[]) { 1.2, 2.4, 0.9, 0.9, 0.9 },
                     (const char *[]) { _("Series"), _("Positioning"), _("Entry"), _("First launch"), _("Refresh") });
  block->first_column_bold = TRUE;
  for (guint i = 0; i < series->len; i++)
    {
      IpmsRecord *s = g_ptr_array_index (series, i);
      g_autofree char *entry = format_dates (ipms_record_get_string (s, "entry_date"));
      g_autofree char *first_launch = format_dates (ipms_record_get_string (s, "first_launch_date"));
      g_autofree char *refresh = format_dates (ipms_record_get_string (s, "refresh_date"));

      ipms_slide_block_add_row (block, (const char *[]) {
        ipms_record_get_string (s, "name"),
        ipms_record_get_string (s, "positioning"),
        entry, first_launch, refresh,
      });
    }
  add_block (blocks, block);

  block = table_new (_("Yearly targets"), 6, (double[]) { 0.6, 1.4, 1.1, 0.8, 0.8, 1 },
                     (const char *[]) { _("Year"), _("Series"), _("Sales"), _("Margin"), _("Ranking"), _("Brand awareness") });
  for (guint i = 0; i < targets->len; i++)
    {
      IpmsRecord *target = g_ptr_array_index (targets, i);
      g_autofree char *year = g_strdup_printf ("%" G_GINT64_FORMAT, ipms_record_get_int (target, "year"));
      g_autofree char *sales = format_amount (document, target, "sales");
      g_autofree char *margin = format_percent (target, "margin");
      g_autofree char *ranking = ipms_record_is_null (target, "ranking") ? g_strdup ("")
        : g_strdup_printf ("%" G_GINT64_FORMAT, ipms_record_get_int (target, "ranking"));
      g_autofree char *awareness = format_percent (target, "brand_awareness");

      ipms_slide_block_add_row (block, (const char *[]) {
        year, referenced_string (document, target, "series_id", "series", "name"),
        sales, margin, ranking, awareness,
      });
    }
  add_block (blocks, block);
}

static void
build_campaigns (IpmsDocument           *document,
                 gint64                  product_id,
                 IpmsBaselineComparison *comparison,
                 GPtrArray              *blocks,
                 char                  **title)
{
  g_autoptr(GPtrArray) campaigns = ipms_document_query (document, "campaign", NULL, 0, "start_date");
  IpmsSlideBlock *block;

  block = table_new (NULL, 4, (double[]) { 1.5, 1.1, 1.2, 2.2 },
                     (const char *[]) { _("Campaign"), _("Dates"), _("Target audience"), _("Goal") });
  block->first_column_bold = TRUE;
  for (guint i = 0; i < campaigns->len; i++)
    {
      IpmsRecord *campaign = g_ptr_array_index (campaigns, i);
      g_autofree char *start = format_dates (ipms_record_get_string (campaign, "start_date"));
      g_autofree char *end = format_dates (ipms_record_get_string (campaign, "end_date"));
      g_autofree char *dates = g_strdup_printf ("%s –\n%s", start, end);
      g_autofree char *audience = segment_label (document, ipms_record_get_int (campaign, "ta_segment_id"));

      ipms_slide_block_add_row (block, (const char *[]) {
        ipms_record_get_string (campaign, "name"), dates, audience,
        ipms_record_get_string (campaign, "goal"),
      });
    }
  add_block (blocks, block);
}

static void
build_product (IpmsDocument           *document,
               gint64                  product_id,
               IpmsBaselineComparison *comparison,
               GPtrArray              *blocks,
               char                  **title)
{
  IpmsRecord *product = ipms_document_get_record (document, "product", product_id);
  g_autoptr(GPtrArray) grades = ipms_document_query (document, "grade", NULL, 0, NULL);
  g_autoptr(GPtrArray) specs = NULL;
  g_autofree char *grade = NULL;
  g_autofree char *price = NULL;
  g_autofree char *launch = NULL;
  g_autofree char *launch_date = NULL;
  const char *grade_code;
  IpmsSlideBlock *block;

  if (product == NULL)
    return;

  *title = g_strdup (ipms_record_get_string (product, "name"));

  grade_code = ipms_record_get_string (product, "grade");
  for (guint i = 0; i < grades->len && grade == NULL; i++)
    if (g_strcmp0 (ipms_record_get_string (g_ptr_array_index (grades, i), "code"), grade_code) == 0)
      grade = g_strdup_printf ("%s · %s", grade_code,
                               ipms_record_get_string (g_ptr_array_index (grades, i), "label"));

  if (!ipms_record_is_null (product, "price"))
    {
      g_autofree char *amount = format_amount (document, product, "price");
      double p = ipms_record_get_double (product, "price");

      if (!ipms_record_is_null (product, "cost") && p > 0)
        /* Translators: price and gross margin of a product, "$169.99 · 60 % margin" */
        price = g_strdup_printf (_("%s · %.0f %% margin"), amount,
                                 100 * (p - ipms_record_get_double (product, "cost")) / p);
      else
        price = g_steal_pointer (&amount);
    }

  launch_date = format_dates (ipms_record_get_string (product, "launch_date"));
  /* Translators: a product's launch date and status, "2026-09-15 · Launched" */
  launch = g_strdup_printf (_("%s · %s"),
                            ipms_record_is_null (product, "launch_date") ? _("not scheduled") : launch_date,
                            status_label (ipms_record_get_string (product, "status")));

  block = table_new (NULL, 2, field_weights, NULL);
  block->first_column_bold = TRUE;
  add_field_row (block, _("Concept"), ipms_record_get_string (product, "concept"));
  add_field_row (block, _("Grade"), grade != NULL ? grade : grade_code);
  add_field_row (block, _("Price and margin"), price);
  add_field_row (block, _("Launch"), launch);
  add_field_row (block, _("Key selling points"), ipms_record_get_string (product, "selling_points"));
  add_field_row (block, _("Features"), ipms_record_get_string (product, "features"));
  add_block (blocks, block);

  specs = ipms_document_query (document, "product_spec", "product_id", product_id, NULL);
  block = table_new (_("Key specs"), 2, field_weights, NULL);
  block->first_column_bold = TRUE;
  for (guint i = 0; i < specs->len; i++)
    add_field_row (block, ipms_record_get_string (g_ptr_array_index (specs, i), "name"),
                   ipms_record_get_string (g_ptr_array_index (specs, i), "value"));
  add_block (blocks, block);
}

static void
build_team (IpmsDocument           *document,
            gint64                  product_id,
            IpmsBaselineComparison *comparison,
            GPtrArray              *blocks,
            char                  **title)
{
  g_autoptr(GPtrArray) members = ipms_document_query (document, "member", NULL, 0, NULL);
  IpmsSlideBlock *block;

  block = table_new (NULL, 3, (double[]) { 1.2, 1, 2 },
                     (const char *[]) { _("Name"), _("Role"), C_("job", "Title") });
  block->first_column_bold = TRUE;
  for (guint i = 0; i < members->len; i++)
    {
      IpmsRecord *member = g_ptr_array_index (members, i);
      const char *role = ipms_record_get_string (member, "role");

      ipms_slide_block_add_row (block, (const char *[]) {
        ipms_record_get_string (member, "name"),
        g_strcmp0 (role, "pm") == 0 ? C_("team role", "PM (product)")
          : g_strcmp0 (role, "mm") == 0 ? C_("team role", "MM (marketing)")
          : g_strcmp0 (role, "cm") == 0 ? C_("team role", "CM (customer)")
          : C_("team role", "Other"),
        ipms_record_get_string (member, "title"),
      });
    }
  add_block (blocks, block);
}

static const char *
target_label (const char *field)
{
  if (g_strcmp0 (field, "sales") == 0)
    return _("Sales target");
  if (g_strcmp0 (field, "margin") == 0)
    return _("Margin target");
  if (g_strcmp0 (field, "ranking") == 0)
    return _("Ranking target");
  if (g_strcmp0 (field, "brand_awareness") == 0)
    return _("Brand awareness target");
  if (g_strcmp0 (field, "net_revenue_target") == 0)
    return _("Net revenue target");
  return _("Gross margin target");
}

static char *
describe_shift (const IpmsChange *change,
                gboolean          launch)
{
  g_autofree char *before = format_dates (change->before);
  g_autofree char *after = format_dates (change->after);
  g_autofree char *dates = g_strdup_printf ("%s → %s", *before ? before : "—", *after ? after : "—");
  int weeks = ABS (change->weeks);

  if (change->weeks > 0)
    return launch
      ? g_strdup_printf (ngettext ("Launch %d week later (%s)", "Launch %d weeks later (%s)", weeks), weeks, dates)
      : g_strdup_printf (ngettext ("Development %d week later (%s)", "Development %d weeks later (%s)", weeks), weeks, dates);

  if (change->weeks < 0)
    return launch
      ? g_strdup_printf (ngettext ("Launch %d week earlier (%s)", "Launch %d weeks earlier (%s)", weeks), weeks, dates)
      : g_strdup_printf (ngettext ("Development %d week earlier (%s)", "Development %d weeks earlier (%s)", weeks), weeks, dates);

  return launch ? g_strdup_printf (_("Launch date changed (%s)"), dates)
                : g_strdup_printf (_("Development span changed (%s)"), dates);
}

/* One line of "What changed", also used by the comparison view. */
char *
ipms_slide_describe_change (IpmsDocument     *document,
                            const IpmsChange *change)
{
  IpmsRecord *project = ipms_document_get_project (document);
  const char *currency = project != NULL ? ipms_record_get_string (project, "currency") : "";

  switch (change->kind)
    {
    case IPMS_CHANGE_PRODUCT_ADDED:
      return *change->after ? g_strdup_printf (_("Added, in %s"), change->after) : g_strdup (_("Added"));
    case IPMS_CHANGE_PRODUCT_REMOVED:
      return g_strdup (_("Removed"));
    case IPMS_CHANGE_PRODUCT_MOVED:
      return g_strdup_printf (_("Moved from %s to %s"), *change->before ? change->before : "—",
                              *change->after ? change->after : "—");
    case IPMS_CHANGE_PRODUCT_LAUNCH:
      return describe_shift (change, TRUE);
    case IPMS_CHANGE_PRODUCT_DEVELOPMENT:
      return describe_shift (change, FALSE);
    case IPMS_CHANGE_PRODUCT_PRICE:
    case IPMS_CHANGE_PRODUCT_COST:
      {
        g_autofree char *before = isnan (change->old_number) ? g_strdup ("—")
          : ipms_format_price (change->old_number, currency);
        g_autofree char *after = isnan (change->new_number) ? g_strdup ("—")
          : ipms_format_price (change->new_number, currency);

        return g_strdup_printf (change->kind == IPMS_CHANGE_PRODUCT_PRICE ? _("Price %s → %s") : _("Cost %s → %s"),
                                before, after);
      }
    case IPMS_CHANGE_PRODUCT_GRADE:
      return g_strdup_printf (_("Grade %s → %s"), change->before, change->after);
    case IPMS_CHANGE_PRODUCT_STATUS:
      return g_strdup_printf (_("Status %s → %s"), status_label (change->before), status_label (change->after));
    case IPMS_CHANGE_SEGMENT_SIZE:
      {
        g_autofree char *before = format_number (change->old_number);
        g_autofree char *after = format_number (change->new_number);

        return g_strdup_printf (_("Size %s → %s"), before, after);
      }
    case IPMS_CHANGE_SEGMENT_ROLE:
      return g_strdup_printf (_("Role %s → %s"), role_label (change->before), role_label (change->after));
    case IPMS_CHANGE_TARGET:
    default:
      {
        g_autofree char *before = format_number (change->old_number);
        g_autofree char *after = format_number (change->new_number);

        /* Translators: "Sales target 5,000,000 → 6,000,000" */
        return g_strdup_printf (_("%s %s → %s"), target_label (change->field), before, after);
      }
    }
}

static void
build_changes (IpmsDocument           *document,
               gint64                  product_id,
               IpmsBaselineComparison *comparison,
               GPtrArray              *blocks,
               char                  **title)
{
  g_autofree char *heading = NULL;
  g_autofree char *date = NULL;
  IpmsSlideBlock *block;
  guint n;

  if (comparison == NULL)
    {
      add_text (blocks, NULL, _("No review baseline yet. After a review, use “Mark as Reviewed”: "
                                "the next review shows here what changed since."));
      return;
    }

  date = g_strndup (ipms_baseline_comparison_get_created (comparison), 10);
  /* Translators: %s are a review baseline's name and date */
  heading = g_strdup_printf (_("Since “%s” (%s)"), ipms_baseline_comparison_get_name (comparison), date);
  n = ipms_baseline_comparison_get_n_changes (comparison);
  if (n == 0)
    {
      add_text (blocks, heading, _("Nothing that a review compares has changed."));
      return;
    }

  block = table_new (heading, 2, (double[]) { 1, 1.6 }, (const char *[]) { _("What"), _("Change") });
  block->first_column_bold = TRUE;
  for (guint i = 0; i < n; i++)
    {
      const IpmsChange *change = ipms_baseline_comparison_get_change (comparison, i);
      g_autofree char *text = ipms_slide_describe_change (document, change);

      ipms_slide_block_add_row (block, (const char *[]) { *change->subject ? change->subject : _("The plan"), text });
    }
  add_block (blocks, block);
}

GPtrArray *
ipms_slide_content_build (IpmsDocument            *document,
                          IpmsSlideKind            kind,
                          gint64                   product_id,
                          IpmsChart               *chart,
                          IpmsBaselineComparison  *comparison,
                          char                   **title)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) ipms_slide_block_free);

  g_return_val_if_fail (kind < IPMS_SLIDE_N_KINDS, blocks);

  *title = NULL;

  if (kinds[kind].chart != NULL)
    {
      IpmsSlideBlock *block = ipms_slide_block_new (IPMS_SLIDE_BLOCK_CHART, NULL);

      block->chart = g_object_ref (chart);
      g_ptr_array_add (blocks, block);
    }
  else
    kinds[kind].build (document, product_id, comparison, blocks, title);

  if (*title == NULL)
    *title = g_strdup (_(kinds[kind].title));

  if (blocks->len == 0)
    add_text (blocks, NULL, _("Nothing has been entered for this part of the plan yet."));

  return blocks;
}
