/* ipms-population-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ipms-population-page.h"
#include "ipms-product-links.h"
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

/* What the segments can be sorted by, after the grid's own order. */
static const char * const sort_columns[] = { "name", "role", "size", "market_value", "growth" };

struct _IpmsPopulationPage
{
  IpmsFormPage   parent_instance;

  GtkWidget     *sort_row;
  GtkSorter     *sorter;
  const char    *sort_column;
};

G_DEFINE_FINAL_TYPE (IpmsPopulationPage, ipms_population_page, IPMS_TYPE_FORM_PAGE)

/* Names from A to Z, the core population and the radiating ones before
 * the others, figures largest first: what a PM looks for first. */
static int
compare_segments (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  IpmsPopulationPage *self = user_data;
  IpmsRecord *left = IPMS_RECORD ((gpointer) a);
  IpmsRecord *right = IPMS_RECORD ((gpointer) b);
  const char *column = self->sort_column;
  int result = 0;

  if (g_str_equal (column, "name"))
    {
      g_autofree char *l = g_utf8_collate_key (ipms_record_get_string (left, column), -1);
      g_autofree char *r = g_utf8_collate_key (ipms_record_get_string (right, column), -1);

      result = strcmp (l, r);
    }
  else if (g_str_equal (column, "role"))
    {
      static const char * const rank[] = { "core", "radiating", "none", NULL };

      for (guint i = 0; rank[i] != NULL; i++)
        {
          gboolean l = g_str_equal (ipms_record_get_string (left, column), rank[i]);
          gboolean r = g_str_equal (ipms_record_get_string (right, column), rank[i]);

          if (l != r)
            {
              result = l ? -1 : 1;
              break;
            }
        }
    }
  else
    {
      double l = ipms_record_get_double (left, column);
      double r = ipms_record_get_double (right, column);

      result = l > r ? -1 : l < r ? 1 : 0;
    }

  if (result == 0)
    result = ipms_record_get_id (left) < ipms_record_get_id (right) ? -1 : 1;

  return result;
}

static void
sort_selected_cb (IpmsPopulationPage *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->sort_row));
  IpmsRecordTable *segments = IPMS_RECORD_TABLE (ipms_form_page_get_table (IPMS_FORM_PAGE (self), "segment"));

  if (selected == 0 || selected > G_N_ELEMENTS (sort_columns))
    {
      ipms_record_table_set_sorter (segments, NULL);
      return;
    }

  self->sort_column = sort_columns[selected - 1];
  gtk_sorter_changed (self->sorter, GTK_SORTER_CHANGE_DIFFERENT);
  ipms_record_table_set_sorter (segments, self->sorter);
}

/* A row above the segments table: sorting them is a way of looking at
 * them, so the choice belongs to the page and is not saved. */
static void
add_sort_row (IpmsPopulationPage *self,
              GtkWidget          *table)
{
  const IpmsTable *segment = ipms_schema_lookup_table ("segment");
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

  /* Translators: the order of the segments table when it is not sorted */
  gtk_string_list_append (choices, _("Order of the grid"));
  for (guint i = 0; i < G_N_ELEMENTS (sort_columns); i++)
    gtk_string_list_append (choices, ipms_column_get_label (ipms_table_lookup_column (segment, sort_columns[i])));

  self->sorter = GTK_SORTER (gtk_custom_sorter_new (compare_segments, self, NULL));
  self->sort_row = adw_combo_row_new ();
  /* Translators: a choice above the segments table */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sort_row), _("Sort Segments By"));
  /* Translators: how the sort of the segments table works */
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->sort_row),
                               _("Core first, figures largest first; edits keep their place until you sort again"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->sort_row), G_LIST_MODEL (choices));
  g_signal_connect_swapped (self->sort_row, "notify::selected", G_CALLBACK (sort_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (table, ADW_TYPE_PREFERENCES_GROUP)),
                             self->sort_row);
}

static void
follow_selected_record (IpmsRecordTable  *table,
                        GParamSpec       *pspec,
                        IpmsProductLinks *links)
{
  IpmsRecord *record = ipms_record_table_get_selected_record (table);

  ipms_product_links_set_record_id (links, record != NULL ? ipms_record_get_id (record) : 0);
}

/* Under the segments and the series: the products of the selected one,
 * each opening its PRD. */
static void
add_product_links (IpmsPopulationPage *self,
                   GtkWidget          *table)
{
  const char *table_name = ipms_record_table_get_table_name (IPMS_RECORD_TABLE (table));
  GtkWidget *links = ipms_product_links_new (ipms_form_page_get_document (IPMS_FORM_PAGE (self)), table_name);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (table, ADW_TYPE_PREFERENCES_GROUP)),
                             links);
  g_signal_connect_object (table, "notify::selected-record", G_CALLBACK (follow_selected_record), links, 0);
  follow_selected_record (IPMS_RECORD_TABLE (table), NULL, IPMS_PRODUCT_LINKS (links));
}

GtkWidget *
ipms_population_page_get_sort_row (IpmsPopulationPage *self)
{
  g_return_val_if_fail (IPMS_IS_POPULATION_PAGE (self), NULL);

  /* It comes with the segments table. */
  ipms_form_page_get_table (IPMS_FORM_PAGE (self), "segment");
  return self->sort_row;
}

static void
ipms_population_page_dispose (GObject *object)
{
  IpmsPopulationPage *self = IPMS_POPULATION_PAGE (object);

  G_OBJECT_CLASS (ipms_population_page_parent_class)->dispose (object);
  g_clear_object (&self->sorter);
}

/* What goes with each table, made with it: the page shows its first
 * screen without building the sections further down. */
static void
ipms_population_page_table_built (IpmsFormPage *page,
                                  GtkWidget    *table)
{
  IpmsPopulationPage *self = IPMS_POPULATION_PAGE (page);
  const char *name = ipms_record_table_get_table_name (IPMS_RECORD_TABLE (table));

  if (g_str_equal (name, "segment"))
    {
      add_sort_row (self, table);
      add_product_links (self, table);
      /* A segment is a cell of the grid: it is made where the grid is, on
       * the panorama, with its life stage and preference. */
      ipms_record_table_set_adds_rows (IPMS_RECORD_TABLE (table), FALSE);
    }
  else if (g_str_equal (name, "series"))
    add_product_links (self, table);
  else if (g_str_equal (name, "series_segment"))
    /* A served segment starts as the first one, to be picked in its cell. */
    ipms_record_table_set_fill_required_references (IPMS_RECORD_TABLE (table), TRUE);
}

static void
ipms_population_page_class_init (IpmsPopulationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ipms_population_page_dispose;
  IPMS_FORM_PAGE_CLASS (klass)->table_built = ipms_population_page_table_built;
  ipms_form_page_class_set_spec (IPMS_FORM_PAGE_CLASS (klass), &ipms_population_spec);
}

static void
ipms_population_page_init (IpmsPopulationPage *self)
{
}
