/* ipms-three-year-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-export-dialog.h"
#include "ipms-chart-picture.h"
#include "ipms-chart-style.h"
#include "ipms-format.h"
#include "ipms-three-year-chart.h"
#include "ipms-three-year-page.h"

#define N_YEARS 3

static const IpmsFieldSpec plan_fields[] = {
  { "start_year", N_("The plan covers this year and the two after it.") },
  { "net_revenue_target", N_("The product group's net revenue target for the plan.") },
  { "gross_margin_target", N_("The product gross margin the plan aims for.") },
  { NULL }
};

static const IpmsFieldSpec target_fields[] = {
  { "year" },
  { "series_id" },
  { "sales" },
  { "margin" },
  { "ranking" },
  { "brand_awareness" },
  { NULL }
};

static const IpmsFormSection sections[] = {
  /* Translators: a form section: the years and the overall targets of the three-year plan */
  { N_("Plan Targets"), NULL, "project", plan_fields },
  /* Translators: a form section, 年度目标 */
  { N_("Yearly Targets"),
    N_("One row per series and year; a row without a series is the target of the whole product "
       "group, with its category ranking and brand awareness."),
    "yearly_target", target_fields, NULL,
    N_("No yearly targets yet. Add the sales and gross margin each series should reach in each of "
       "the three years, and a row without a series for the product group as a whole.") },
  { NULL }
};

const IpmsFormSpec ipms_three_year_spec = {
  "three-year-plan",
  N_("Start with the targets of the first year"),
  N_("Set the first year of the plan, then give each product series its sales and gross margin "
     "target for each of the three years: the grid and the chart add them up, year by year."),
  sections,
};

struct _IpmsThreeYearPage
{
  IpmsFormPage  parent_instance;

  GtkWidget    *grid;
  GtkWidget    *chart;
};

G_DEFINE_FINAL_TYPE (IpmsThreeYearPage, ipms_three_year_page, IPMS_TYPE_FORM_PAGE)

static GtkWidget *
add_cell (IpmsThreeYearPage *self,
          const char        *text,
          guint              column,
          guint              row,
          gboolean           bold)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0.0 : 1.0);
  gtk_widget_add_css_class (label, "numeric");
  if (bold)
    gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (GTK_GRID (self->grid), label, (int) column, (int) row, 1, 1);

  return label;
}

static char *
format_target (double      sales,
               gboolean    has_margin,
               double      margin,
               const char *currency)
{
  g_autofree char *money = ipms_format_compact (sales, currency);

  if (!has_margin)
    return g_steal_pointer (&money);

  /* Translators: a cell of the three-year grid: a sales target and its
   * gross margin, as “$11.0M · 46 %” */
  return g_strdup_printf (_("%s · %.0f %%"), money, margin);
}

/* Rebuilt whole after each change: three years and a few series. */
static void
update_grid (IpmsThreeYearPage *self)
{
  IpmsDocument *document = ipms_form_page_get_document (IPMS_FORM_PAGE (self));
  IpmsRecord *project = ipms_document_get_project (document);
  g_autoptr(GPtrArray) series = ipms_document_query (document, "series", NULL, 0, "position");
  g_autoptr(GPtrArray) targets = ipms_document_query (document, "yearly_target", NULL, 0, NULL);
  const char *currency = ipms_record_get_string (project, "currency");
  int start = (int) ipms_record_get_int (project, "start_year");
  GtkWidget *child;
  guint sum_row = series->len + 1;

  while ((child = gtk_widget_get_first_child (self->grid)) != NULL)
    gtk_grid_remove (GTK_GRID (self->grid), child);

  /* Translators: the corner of the three-year grid, above the series names */
  add_cell (self, _("Series"), 0, 0, TRUE);
  for (guint y = 0; y < N_YEARS; y++)
    {
      g_autofree char *year = g_strdup_printf ("%d", start + (int) y);

      add_cell (self, year, y + 1, 0, TRUE);
    }

  for (guint s = 0; s < series->len; s++)
    add_cell (self, ipms_record_get_string (g_ptr_array_index (series, s), "name"), 0, s + 1, FALSE);
  /* Translators: a row of the three-year grid: the sum of the series' targets */
  add_cell (self, _("All series"), 0, sum_row, TRUE);
  /* Translators: a row of the three-year grid: the target of the whole product group */
  add_cell (self, _("Product group target"), 0, sum_row + 1, TRUE);

  for (guint y = 0; y < N_YEARS; y++)
    {
      double sum = 0, weighted = 0, weight = 0;
      gboolean has_total = FALSE;

      for (guint s = 0; s < series->len; s++)
        {
          gint64 series_id = ipms_record_get_id (g_ptr_array_index (series, s));
          double sales = 0, margin = 0;
          gboolean found = FALSE, has_margin = FALSE;
          g_autofree char *text = NULL;

          for (guint t = 0; t < targets->len; t++)
            {
              IpmsRecord *target = g_ptr_array_index (targets, t);

              if (ipms_record_get_int (target, "year") != start + (int) y ||
                  ipms_record_is_null (target, "series_id") ||
                  ipms_record_get_int (target, "series_id") != series_id)
                continue;

              found = TRUE;
              sales += ipms_record_get_double (target, "sales");
              if (!ipms_record_is_null (target, "margin"))
                {
                  margin = ipms_record_get_double (target, "margin");
                  has_margin = TRUE;
                  weighted += margin * ipms_record_get_double (target, "sales");
                  weight += ipms_record_get_double (target, "sales");
                }
            }

          sum += sales;
          /* Translators: a cell of the three-year grid without a target */
          text = found ? format_target (sales, has_margin, margin, currency) : g_strdup (_("—"));
          add_cell (self, text, y + 1, s + 1, FALSE);
        }

      {
        g_autofree char *text = format_target (sum, weight > 0, weight > 0 ? weighted / weight : 0, currency);

        add_cell (self, text, y + 1, sum_row, TRUE);
      }

      for (guint t = 0; t < targets->len && !has_total; t++)
        {
          IpmsRecord *target = g_ptr_array_index (targets, t);

          if (ipms_record_get_int (target, "year") == start + (int) y &&
              ipms_record_is_null (target, "series_id"))
            {
              g_autofree char *text = format_target (ipms_record_get_double (target, "sales"),
                                                     !ipms_record_is_null (target, "margin"),
                                                     ipms_record_get_double (target, "margin"), currency);

              add_cell (self, text, y + 1, sum_row + 1, TRUE);
              has_total = TRUE;
            }
        }
      if (!has_total)
        add_cell (self, _("—"), y + 1, sum_row + 1, TRUE);
    }
}

static GtkWidget *
build_overview (IpmsThreeYearPage *self)
{
  IpmsDocument *document = ipms_form_page_get_document (IPMS_FORM_PAGE (self));
  g_autoptr(IpmsThreeYearChart) chart = ipms_three_year_chart_new (document);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  /* Translators: a form section: the three-year plan's series against its years */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Series by Year"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Sales target and gross margin of each series, their sum, "
                                           "and the target of the whole product group."));

  self->grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 24);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 8);
  gtk_widget_set_margin_top (self->grid, 12);
  gtk_widget_set_margin_bottom (self->grid, 12);
  gtk_widget_set_margin_start (self->grid, 12);
  gtk_widget_set_margin_end (self->grid, 12);
  gtk_widget_add_css_class (self->grid, "three-year-grid");

  /* At 360 px the grid scrolls sideways rather than squeeze the figures. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->grid);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_box_append (GTK_BOX (box), scrolled);

  /* Translators: the accessible name of the three-year chart */
  self->chart = ipms_chart_picture_new (IPMS_CHART (chart), _("Sales by series per year, with the gross margin"));
  gtk_widget_add_css_class (self->chart, "card");
  gtk_widget_set_overflow (self->chart, GTK_OVERFLOW_HIDDEN);
  gtk_box_append (GTK_BOX (box), self->chart);

  {
    GtkWidget *export = gtk_button_new ();
    /* A label child names the button once for screen readers; GTK 4.8 reads
     * a button's own mnemonic label twice. */
    GtkWidget *label = gtk_label_new_with_mnemonic (_("_Export Chart…"));

    gtk_label_set_mnemonic_widget (GTK_LABEL (label), export);
    gtk_button_set_child (GTK_BUTTON (export), label);

    gtk_widget_set_tooltip_text (export, _("Export the chart as PNG, SVG or PDF"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (export), "three-year.export");
    gtk_widget_set_halign (export, GTK_ALIGN_END);
    gtk_box_append (GTK_BOX (box), export);
  }

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);

  return group;
}

GtkWidget *
ipms_three_year_page_get_chart (IpmsThreeYearPage *self)
{
  g_return_val_if_fail (IPMS_IS_THREE_YEAR_PAGE (self), NULL);

  return self->chart;
}

const char *
ipms_three_year_page_get_grid_text (IpmsThreeYearPage *self,
                                    guint              column,
                                    guint              row)
{
  GtkWidget *label;

  g_return_val_if_fail (IPMS_IS_THREE_YEAR_PAGE (self), NULL);

  label = gtk_grid_get_child_at (GTK_GRID (self->grid), (int) column, (int) row);

  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  /* A chart of its own for the file, as the other charts' exports do. */
  IpmsDocument *document = ipms_form_page_get_document (IPMS_FORM_PAGE (widget));
  g_autoptr(IpmsThreeYearChart) chart = ipms_three_year_chart_new (document);
  IpmsExportDialog *dialog;

  dialog = ipms_export_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, document,
                                   IPMS_CHART (chart), "three-year-plan", _("Three-year plan"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ipms_three_year_page_constructed (GObject *object)
{
  IpmsThreeYearPage *self = IPMS_THREE_YEAR_PAGE (object);

  G_OBJECT_CLASS (ipms_three_year_page_parent_class)->constructed (object);

  ipms_form_page_add_header (IPMS_FORM_PAGE (self), build_overview (self));
  g_signal_connect_object (ipms_form_page_get_document (IPMS_FORM_PAGE (self)), "changes-done",
                           G_CALLBACK (update_grid), self, G_CONNECT_SWAPPED);
  update_grid (self);
}

static void
ipms_three_year_page_class_init (IpmsThreeYearPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ipms_three_year_page_constructed;
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "three-year.export", NULL, export_action);
  ipms_form_page_class_set_spec (IPMS_FORM_PAGE_CLASS (klass), &ipms_three_year_spec);
}

static void
ipms_three_year_page_init (IpmsThreeYearPage *self)
{
}
