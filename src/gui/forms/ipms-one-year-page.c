/* ipms-one-year-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-campaign-chart.h"
#include "ipms-chart-picture.h"
#include "ipms-chart-style.h"
#include "ipms-format.h"
#include "ipms-forms-util.h"
#include "ipms-one-year-page.h"

static const IpmsFieldSpec target_fields[] = {
  { "plan_year", N_("The year the campaigns and the lines below are for.") },
  { "net_revenue_target" },
  { "gross_margin_target" },
  { NULL }
};

static const IpmsFieldSpec campaign_fields[] = {
  { "name" },
  { "ta_segment_id" },
  { "goal" },
  { "start_date" },
  { "end_date" },
  { "product_plan" },
  { "price_plan" },
  { "place_plan" },
  { "promotion_plan" },
  { "ipd_request" },
  { "ipc_request" },
  { "isc_request" },
  { "iea_request" },
  { "owner_id" },
  { NULL }
};

static const IpmsFieldSpec plan_line_fields[] = {
  { "kind" },
  { "name" },
  { "year" },
  { "amount" },
  { "notes" },
  { NULL }
};

static const IpmsFormSection sections[] = {
  /* Translators: a form section: the year and the financial targets of the one-year plan */
  { N_("Year and Targets"), NULL, "project", target_fields },
  /* Translators: a form section, 关键战役 */
  { N_("Key Campaigns"),
    N_("Each campaign aims at a target audience (TA) with a 4P plan (product, price, place, "
       "promotion) and says what it needs from product development (IPD), marketing (IPC), "
       "the supply chain (ISC) and the enabling teams (IEA)."),
    "campaign", campaign_fields, NULL,
    N_("No campaigns yet. Add the few campaigns that carry the year, such as a spring launch "
       "or Prime Day, with their dates and target audience.") },
  /* Translators: a form section: headcount (HC), P&L (PNL) and budget lines */
  { N_("Headcount, Profit and Loss, Budget"),
    N_("Profit and loss lines are signed, revenue positive and costs negative, so that their "
       "total is the operating profit."),
    "plan_line", plan_line_fields, NULL,
    N_("No lines yet. Add the people the year needs, the lines of the P&L and the budget items.") },
  { NULL }
};

const IpmsFormSpec ipms_one_year_spec = {
  "one-year-plan",
  N_("Start with the key campaigns"),
  N_("Add the campaigns that carry the year first, each with its target audience and dates: the "
     "headcount, the P&L and the budget lines below are what those campaigns cost and bring in."),
  sections,
};

/* The kinds of plan line, in the schema's order. */
static const char * const line_kinds[] = { "hc", "pnl", "budget" };

struct _IpmsOneYearPage
{
  IpmsFormPage  parent_instance;

  GtkWidget    *strip;
  GtkWidget    *totals[G_N_ELEMENTS (line_kinds)];
};

G_DEFINE_FINAL_TYPE (IpmsOneYearPage, ipms_one_year_page, IPMS_TYPE_FORM_PAGE)

static void
update_totals (IpmsFormPage *page)
{
  IpmsOneYearPage *self = IPMS_ONE_YEAR_PAGE (page);
  IpmsDocument *document = ipms_form_page_get_document (IPMS_FORM_PAGE (self));
  IpmsRecord *project = ipms_document_get_project (document);
  g_autoptr(GPtrArray) lines = ipms_document_query (document, "plan_line", NULL, 0, NULL);
  gint64 year = ipms_record_get_int (project, "plan_year");

  for (guint k = 0; k < G_N_ELEMENTS (line_kinds); k++)
    {
      g_autofree char *text = NULL;
      double total = 0;
      guint n = 0;

      /* A line without a year counts for the plan year. */
      for (guint i = 0; i < lines->len; i++)
        {
          IpmsRecord *line = g_ptr_array_index (lines, i);

          if (g_str_equal (ipms_record_get_string (line, "kind"), line_kinds[k]) &&
              (ipms_record_is_null (line, "year") || ipms_record_get_int (line, "year") == year))
            {
              total += ipms_record_get_double (line, "amount");
              n++;
            }
        }

      if (g_str_equal (line_kinds[k], "hc"))
        /* Translators: the headcount total of the one-year plan, in people */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%.0f person", "%.0f people", (gulong) total), total);
      else
        text = ipms_format_compact (total, ipms_record_get_string (project, "currency"));

      gtk_label_set_text (GTK_LABEL (self->totals[k]), text);
      if (n == 0)
        gtk_widget_add_css_class (self->totals[k], "dim-label");
      else
        gtk_widget_remove_css_class (self->totals[k], "dim-label");
    }
}

static GtkWidget *
build_totals (IpmsOneYearPage *self)
{
  const IpmsColumn *kind = ipms_table_lookup_column (ipms_schema_lookup_table ("plan_line"), "kind");
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *flow = ipms_forms_summary_new ();

  /* Translators: a form section: the totals of the plan lines of the plan year */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Totals of the Plan Year"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The sum of each kind of line below; for the profit and loss, the operating profit."));

  for (guint k = 0; k < G_N_ELEMENTS (line_kinds); k++)
    {
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *title = gtk_label_new (ipms_choice_get_label (&kind->choices[ipms_column_find_choice (kind, line_kinds[k])]));

      gtk_label_set_xalign (GTK_LABEL (title), 0.0);
      gtk_widget_add_css_class (title, "heading");
      self->totals[k] = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (self->totals[k]), 0.0);
      gtk_widget_add_css_class (self->totals[k], "title-2");
      gtk_widget_add_css_class (self->totals[k], "numeric");

      gtk_box_append (GTK_BOX (card), title);
      gtk_box_append (GTK_BOX (card), self->totals[k]);
      gtk_widget_set_margin_start (title, 12);
      gtk_widget_set_margin_top (title, 12);
      gtk_widget_set_margin_start (self->totals[k], 12);
      gtk_widget_set_margin_bottom (self->totals[k], 12);
      gtk_widget_add_css_class (card, "plan-total");
      ipms_forms_summary_add (flow, card);
    }

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), flow);

  return group;
}

static GtkWidget *
build_strip (IpmsOneYearPage *self)
{
  g_autoptr(IpmsCampaignChart) chart = ipms_campaign_chart_new (ipms_form_page_get_document (IPMS_FORM_PAGE (self)));
  GtkWidget *group = adw_preferences_group_new ();

  /* Translators: a form section: the key campaigns as bars over the plan year */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Campaign Calendar"));

  /* Translators: the accessible name of the bars of the key campaigns over the year */
  self->strip = ipms_chart_picture_new (IPMS_CHART (chart), _("The key campaigns over the plan year"));
  gtk_widget_add_css_class (self->strip, "card");
  gtk_widget_set_overflow (self->strip, GTK_OVERFLOW_HIDDEN);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->strip);

  return group;
}

GtkWidget *
ipms_one_year_page_get_strip (IpmsOneYearPage *self)
{
  g_return_val_if_fail (IPMS_IS_ONE_YEAR_PAGE (self), NULL);

  return self->strip;
}

const char *
ipms_one_year_page_get_total_text (IpmsOneYearPage *self,
                                   const char      *kind)
{
  g_return_val_if_fail (IPMS_IS_ONE_YEAR_PAGE (self), NULL);

  ipms_form_page_catch_up (IPMS_FORM_PAGE (self));
  for (guint k = 0; k < G_N_ELEMENTS (line_kinds); k++)
    if (g_str_equal (line_kinds[k], kind))
      return gtk_label_get_text (GTK_LABEL (self->totals[k]));

  g_return_val_if_reached (NULL);
}

static void
ipms_one_year_page_constructed (GObject *object)
{
  IpmsOneYearPage *self = IPMS_ONE_YEAR_PAGE (object);

  G_OBJECT_CLASS (ipms_one_year_page_parent_class)->constructed (object);

  ipms_form_page_add_header (IPMS_FORM_PAGE (self), build_strip (self));
  ipms_form_page_add_header (IPMS_FORM_PAGE (self), build_totals (self));
  update_totals (IPMS_FORM_PAGE (self));
}

static void
ipms_one_year_page_class_init (IpmsOneYearPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ipms_one_year_page_constructed;
  IPMS_FORM_PAGE_CLASS (klass)->update = update_totals;
  ipms_form_page_class_set_spec (IPMS_FORM_PAGE_CLASS (klass), &ipms_one_year_spec);
}

static void
ipms_one_year_page_init (IpmsOneYearPage *self)
{
}
