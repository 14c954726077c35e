/* ipms-prd-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-accessible.h"
#include "ipms-field-binding.h"
#include "ipms-field-row.h"
#include "ipms-format.h"
#include "ipms-forms-util.h"
#include "ipms-new-series.h"
#include "ipms-prd-editor.h"
#include "ipms-price-strip.h"
#include "ipms-product-trace.h"
#include "ipms-products.h"
#include "ipms-record-table.h"

/* From this width on, the product's place in the plan is a column beside
 * the PRD instead of a part below it. */
#define WIDE_WIDTH 1100

/* The product's identity, in the header. The margin follows the cost. Its
 * order in its panorama cell is the panorama's to change, by dragging. */
static const char * const identity_columns[] = {
  "name", "series_id", "grade", "status", "price", "cost", "dev_start", "dev_complete",
  "launch_date", "segment_id", "owner_id", NULL
};

static const char * const competitor_columns[] = { "name", "price", "strengths", "weaknesses", NULL };
static const char * const spec_columns[] = { "kind", "name", "value", NULL };
static const char * const certification_columns[] = { "name", "region", "status", NULL };
static const char * const faq_columns[] = { "question", "answer", NULL };
static const char * const box_item_columns[] = { "name", "quantity", "optional", NULL };

struct _IpmsPrdEditor
{
  AdwBin          parent_instance;

  IpmsDocument   *document;
  gint64          product_id;
  IpmsRecord     *product;

  /* IpmsFieldRow of the product's columns, IpmsRecordTable of its rows. */
  GPtrArray      *fields;
  GPtrArray      *tables;
  GtkWidget      *section_states[IPMS_PRD_N_SECTIONS];
  GtkWidget      *margin_row;
  GtkWidget      *margin_label;
  char           *margin_text;
  GtkWidget      *needs_title;
  GtkWidget      *needs_list;
  GtkWidget      *price_strip;
  GtkWidget      *price_text;
  IpmsProductTrace *trace;
  /* The specifications shown: all, or those of the kind picked above
   * them (item 0 "All kinds", then the schema's kinds). */
  GtkWidget      *spec_table;
  GtkDropDown    *spec_kind;
  GtkFilter      *spec_filter;

  /* A field or table to bring into sight with the focus in it, once laid
   * out: see ipms_prd_editor_focus_record(). */
  GtkWidget      *focus_target;
  guint           focus_tick;
  guint           focus_frames;
  /* Whether the place in the plan is beside the PRD, and the idle that
   * moves it there or back (not while the editor is laid out). */
  gboolean        trace_beside;
  guint           layout_idle;

  /* Template widgets */
  GtkWidget      *scrolled;
  GtkWidget      *side_separator;
  GtkWidget      *side_scrolled;
  GtkWidget      *side_clamp;
  GtkWidget      *title_label;
  GtkWidget      *completeness_label;
  GtkWidget      *export_button;
  GtkWidget      *sections_box;
};

G_DEFINE_FINAL_TYPE (IpmsPrdEditor, ipms_prd_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_PRODUCT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
new_boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_valign (list, GTK_ALIGN_START);

  return list;
}

static GtkWidget *
new_flow (guint max_per_line)
{
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), max_per_line);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);

  return flow;
}

static void
flow_append (GtkWidget *flow,
             GtkWidget *child)
{
  gtk_flow_box_append (GTK_FLOW_BOX (flow), child);
  /* The fields take the focus, not the flow box's cells around them. */
  gtk_widget_set_focusable (gtk_widget_get_parent (child), FALSE);
}

static GtkWidget *
add_field (IpmsPrdEditor *self,
           GtkWidget     *list,
           const char    *column)
{
  GtkWidget *row = ipms_field_row_new (self->document, "product", column);

  g_ptr_array_add (self->fields, row);
  if (ADW_IS_PREFERENCES_GROUP (list))
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (list), row);
  else
    gtk_list_box_append (GTK_LIST_BOX (list), row);

  return row;
}

static GtkWidget *
add_table (IpmsPrdEditor      *self,
           GtkWidget          *group,
           const char         *table,
           const char * const *columns,
           const char         *empty_text)
{
  IpmsRecordTable *record_table = ipms_record_table_new (self->document, table, columns);

  ipms_record_table_set_empty_text (record_table, empty_text);
  ipms_record_table_set_owner (record_table, "product_id", self->product_id);
  g_ptr_array_add (self->tables, record_table);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (record_table));

  return GTK_WIDGET (record_table);
}

static GtkWidget *
add_section (IpmsPrdEditor  *self,
             IpmsPrdSection  section,
             const char     *description)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *title = NULL;
  g_autofree char *markup = NULL;
  GtkWidget *state = gtk_label_new (NULL);

  /* Translators: a numbered PRD section, as “3. Strategy & Positioning” */
  title = g_strdup_printf (_("%u. %s"), section + 1, ipms_prd_section_get_title (section));
  /* Group titles and descriptions are markup, and titles hold "&". */
  markup = g_markup_escape_text (title, -1);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), markup);
  g_free (markup);
  markup = g_markup_escape_text (description, -1);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), markup);
  gtk_widget_add_css_class (state, "caption");
  gtk_widget_set_valign (state, GTK_ALIGN_START);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), state);
  self->section_states[section] = state;
  gtk_box_append (GTK_BOX (self->sections_box), group);

  return group;
}

static int
compare_spec_kind (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const IpmsColumn *kind = ipms_table_lookup_column (ipms_schema_lookup_table ("product_spec"), "kind");
  int ka = ipms_column_find_choice (kind, ipms_record_get_string ((IpmsRecord *) a, "kind"));
  int kb = ipms_column_find_choice (kind, ipms_record_get_string ((IpmsRecord *) b, "kind"));

  if (ka != kb)
    return ka < kb ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;

  /* Within a kind, in the order they were written. */
  return ipms_record_get_id ((IpmsRecord *) a) < ipms_record_get_id ((IpmsRecord *) b)
         ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
}

static void place_trace (IpmsPrdEditor *self,
                         gboolean       beside);

static const IpmsColumn *
spec_kind_column (void)
{
  return ipms_table_lookup_column (ipms_schema_lookup_table ("product_spec"), "kind");
}

/* The kind picked above the specifications, or NULL for all. */
static const char *
get_spec_kind (IpmsPrdEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->spec_kind);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;

  return spec_kind_column ()->choices[selected - 1].code;
}

static gboolean
spec_filter_cb (gpointer item,
                gpointer user_data)
{
  const char *kind = get_spec_kind (user_data);

  return kind == NULL || g_str_equal (ipms_record_get_string (item, "kind"), kind);
}

static void
spec_kind_changed_cb (IpmsPrdEditor *self)
{
  const char *kind = get_spec_kind (self);
  IpmsRecordTable *table = IPMS_RECORD_TABLE (self->spec_table);

  /* A row added now is of the kind shown, so that it stays in sight. */
  ipms_record_table_set_new_row_choice (table, "kind", kind);
  if (kind == NULL)
    ipms_record_table_set_empty_text (table,
                                      _("No specifications yet. Add one row per specification: its kind (software, "
                                        "hardware, UI interaction or core component), its name and its value."));
  else
    {
      const IpmsColumn *column = spec_kind_column ();
      g_autofree char *text = NULL;

      /* Translators: %s is a kind of specification, as “Hardware” */
      text = g_strdup_printf (_("No specifications of the kind “%s”. A row added now is of that kind."),
                              ipms_choice_get_label (&column->choices[ipms_column_find_choice (column, kind)]));
      ipms_record_table_set_empty_text (table, text);
    }

  ipms_field_binding_flush_all (self->document);
  gtk_filter_changed (self->spec_filter, GTK_FILTER_CHANGE_DIFFERENT);
}

/* "Kind [All kinds ▾]" above the specifications. */
static GtkWidget *
new_spec_kind_filter (IpmsPrdEditor *self)
{
  const IpmsColumn *column = spec_kind_column ();
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (ipms_column_get_label (column));
  GtkWidget *dropdown;

  /* Translators: the item of the specifications' kind filter that shows every row */
  gtk_string_list_append (kinds, _("All kinds"));
  for (guint i = 0; column->choices[i].code != NULL; i++)
    gtk_string_list_append (kinds, ipms_choice_get_label (&column->choices[i]));

  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&kinds)), NULL);
  self->spec_kind = GTK_DROP_DOWN (dropdown);
  /* Translators: the accessible name of the specifications' kind filter */
  ipms_accessible_drop_down_set_label (GTK_DROP_DOWN (dropdown), _("Kind of specifications shown"));
  g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (spec_kind_changed_cb), self);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), dropdown);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 6);

  return box;
}

static void
new_series_clicked_cb (IpmsPrdEditor *self,
                       GtkWidget     *button)
{
  if (self->product != NULL)
    ipms_new_series_ask (button, self->document, self->product);
}

static void
build (IpmsPrdEditor *self)
{
  GtkWidget *group, *flow, *list, *box, *label, *table, *row;
  g_autoptr(GtkSorter) spec_sorter = NULL;

  /* The identity */
  group = adw_preferences_group_new ();
  /* Translators: the head of a PRD: the product's name, grade, price... */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Product"));
  flow = new_flow (3);
  for (guint i = 0; identity_columns[i] != NULL; i++)
    {
      list = new_boxed_list ();
      row = add_field (self, list, identity_columns[i]);
      flow_append (flow, list);

      /* With no series yet, "None" would be the only choice. */
      if (g_str_equal (identity_columns[i], "series_id"))
        {
          GtkWidget *button = gtk_button_new_from_icon_name ("list-add-symbolic");

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_tooltip_text (button, _("New Series…"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("New Series…"),
                                          -1);
          g_signal_connect_object (button, "clicked", G_CALLBACK (new_series_clicked_cb), self, G_CONNECT_SWAPPED);
          ipms_field_row_add_suffix (IPMS_FIELD_ROW (row), button);
        }

      if (g_str_equal (identity_columns[i], "cost"))
        {
          row = adw_action_row_new ();
          list = new_boxed_list ();
          /* Translators: the product's gross margin, computed from price and cost */
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Margin"));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("From the price and the cost"));
          self->margin_row = row;
          self->margin_label = gtk_label_new (NULL);
          gtk_widget_add_css_class (self->margin_label, "numeric");
          gtk_widget_add_css_class (self->margin_label, "title-4");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->margin_label);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
          flow_append (flow, list);
        }
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), flow);
  gtk_box_append (GTK_BOX (self->sections_box), group);

  /* 1. Overview */
  group = add_section (self, IPMS_PRD_SECTION_OVERVIEW,
                       _("What the product is, in a sentence, and the form it takes."));
  add_field (self, group, "concept");
  add_field (self, group, "form");

  /* 2. User scenarios and needs, beside the segment's ranked needs */
  group = add_section (self, IPMS_PRD_SECTION_SCENARIOS,
                       _("When and where people use the product, and what they need from it, "
                         "against the ranked needs of the segment it serves."));
  flow = new_flow (2);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), FALSE);
  list = new_boxed_list ();
  add_field (self, list, "scenarios");
  add_field (self, list, "user_needs");
  flow_append (flow, list);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->needs_title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->needs_title), 0);
  gtk_label_set_wrap (GTK_LABEL (self->needs_title), TRUE);
  gtk_widget_add_css_class (self->needs_title, "heading");
  self->needs_list = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->needs_list), 0);
  gtk_label_set_yalign (GTK_LABEL (self->needs_list), 0);
  gtk_label_set_wrap (GTK_LABEL (self->needs_list), TRUE);
  gtk_label_set_selectable (GTK_LABEL (self->needs_list), TRUE);
  gtk_box_append (GTK_BOX (box), self->needs_title);
  gtk_box_append (GTK_BOX (box), self->needs_list);
  gtk_widget_add_css_class (box, "card");
  for (GtkWidget *w = gtk_widget_get_first_child (box); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      gtk_widget_set_margin_start (w, 12);
      gtk_widget_set_margin_end (w, 12);
    }
  gtk_widget_set_margin_top (self->needs_title, 12);
  gtk_widget_set_margin_bottom (self->needs_list, 12);
  flow_append (flow, box);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), flow);

  /* 3. Strategy and positioning */
  group = add_section (self, IPMS_PRD_SECTION_STRATEGY,
                       _("Why the product wins: its competitiveness, and the products it competes "
                         "with, their prices, strengths and weaknesses."));
  add_field (self, group, "competitiveness");
  add_table (self, group, "product_competitor", competitor_columns,
             _("No competing products yet. Add the products a buyer compares this one with, "
               "with their prices: the strip below places this product's price among theirs."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = gtk_label_new (_("Price among the competitors"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  self->price_strip = ipms_price_strip_new ();
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->price_strip),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  self->price_text = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->price_text), 0);
  gtk_label_set_wrap (GTK_LABEL (self->price_text), TRUE);
  gtk_widget_add_css_class (self->price_text, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), self->price_strip);
  gtk_box_append (GTK_BOX (box), self->price_text);
  gtk_widget_set_margin_top (box, 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);

  /* 4. Technical specifications, grouped by kind */
  group = add_section (self, IPMS_PRD_SECTION_SPECS,
                       _("Software and hardware specifications, UI interaction and core components, "
                         "grouped by kind; and how the user operates the product."));
  add_field (self, group, "ui_interaction");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_spec_kind_filter (self));
  table = add_table (self, group, "product_spec", spec_columns, "");
  self->spec_table = table;
  spec_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_spec_kind, NULL, NULL));
  ipms_record_table_set_sorter (IPMS_RECORD_TABLE (table), spec_sorter);
  self->spec_filter = GTK_FILTER (gtk_custom_filter_new (spec_filter_cb, self, NULL));
  ipms_record_table_set_filter (IPMS_RECORD_TABLE (table), self->spec_filter);
  spec_kind_changed_cb (self);

  /* 5. Selling points and features */
  group = add_section (self, IPMS_PRD_SECTION_SELLING_POINTS,
                       _("What the product page and the sales team say first, and every feature "
                         "behind it."));
  add_field (self, group, "selling_points");
  add_field (self, group, "features");

  /* 6. Certifications and sales regions */
  group = add_section (self, IPMS_PRD_SECTION_CERTIFICATIONS,
                       _("The certifications each market requires, and where the product is sold."));
  add_field (self, group, "sales_regions");
  add_table (self, group, "certification", certification_columns,
             _("No certifications yet. Add those the sales regions require (FCC, CE, UKCA…), "
               "with their region and status."));

  /* 7. FAQ and box contents */
  group = add_section (self, IPMS_PRD_SECTION_FAQ_BOX,
                       _("The questions and complaints to expect after the sale, and what is in "
                         "the box (optional 1: sold separately)."));
  add_table (self, group, "faq", faq_columns,
             _("No questions yet. Add the after-sales questions and complaint points you "
               "expect, with the answer support gives."));
  add_table (self, group, "box_item", box_item_columns,
             _("No box contents yet. Add every item in the box with its quantity; "
               "mark accessories sold separately as optional (1)."));

  /* Where the product stands in the plan, each item a way to it: below
   * the sections until the editor is wide enough to have it beside them. */
  self->trace = IPMS_PRODUCT_TRACE (ipms_product_trace_new (self->document, 0));
  place_trace (self, FALSE);
}

static void
update_needs (IpmsPrdEditor *self)
{
  IpmsRecord *segment = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->product != NULL && !ipms_record_is_null (self->product, "segment_id"))
    segment = ipms_document_get_record (self->document, "segment", ipms_record_get_int (self->product, "segment_id"));

  if (segment == NULL)
    {
      /* Translators: heading beside a PRD's user needs */
      gtk_label_set_text (GTK_LABEL (self->needs_title), _("Needs of the Segment"));
      gtk_label_set_text (GTK_LABEL (self->needs_list),
                          _("Choose the segment the product serves (above) to see its ranked needs here."));
      return;
    }

  {
    g_autofree char *name = ipms_forms_dup_record_title (self->document, segment);
    g_autofree char *title = NULL;
    g_autoptr(GPtrArray) needs = ipms_document_query (self->document, "need", "segment_id",
                                                      ipms_record_get_id (segment), "rank");

    /* Translators: heading beside a PRD's user needs; %s names a segment */
    title = g_strdup_printf (_("Ranked Needs of “%s”"), name);
    gtk_label_set_text (GTK_LABEL (self->needs_title), title);

    for (guint i = 0; i < needs->len; i++)
      {
        IpmsRecord *need = g_ptr_array_index (needs, i);

        if (text->len > 0)
          g_string_append_c (text, '\n');
        /* Translators: a ranked need, as “1. Never miss a meal” */
        g_string_append_printf (text, _("%u. %s"), i + 1, ipms_record_get_string (need, "text"));
      }
    if (needs->len == 0)
      g_string_append (text, _("The segment has no ranked needs yet: rank them in Population & Positioning."));
    gtk_label_set_text (GTK_LABEL (self->needs_list), text->str);
  }
}

typedef struct
{
  const char *name;
  double      price;
  gboolean    self;
} PricePoint;

static int
compare_price_points (gconstpointer a,
                      gconstpointer b)
{
  const PricePoint *pa = a, *pb = b;

  return (pa->price > pb->price) - (pa->price < pb->price);
}

static void
update_prices (IpmsPrdEditor *self)
{
  g_autoptr(GPtrArray) competitors = NULL;
  g_autoptr(GArray) prices = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (PricePoint));
  g_autoptr(GString) text = g_string_new (NULL);
  IpmsRecord *project = ipms_document_get_project (self->document);
  const char *currency = project != NULL ? ipms_record_get_string (project, "currency") : NULL;
  gboolean has_price = self->product != NULL && !ipms_record_is_null (self->product, "price");
  double price = has_price ? ipms_record_get_double (self->product, "price") : -1;
  guint cheaper = 0;

  competitors = ipms_document_query (self->document, "product_competitor", "product_id", self->product_id, NULL);
  for (guint i = 0; i < competitors->len; i++)
    {
      IpmsRecord *competitor = g_ptr_array_index (competitors, i);
      PricePoint point = { ipms_record_get_string (competitor, "name"), 0, FALSE };

      if (ipms_record_is_null (competitor, "price"))
        continue;
      point.price = ipms_record_get_double (competitor, "price");
      g_array_append_val (prices, point.price);
      g_array_append_val (points, point);
      if (has_price && point.price > price)
        cheaper++;
    }

  ipms_price_strip_set_prices (IPMS_PRICE_STRIP (self->price_strip), price,
                               (double *) prices->data, prices->len);

  if (has_price)
    {
      PricePoint point = { self->product != NULL ? ipms_record_get_string (self->product, "name") : "", price, TRUE };

      g_array_append_val (points, point);
    }
  g_array_sort (points, compare_price_points);

  if (points->len == 0 || prices->len == 0 || !has_price)
    {
      gtk_label_set_text (GTK_LABEL (self->price_text),
                          _("Give the product and its competitors a price to compare them here."));
      gtk_widget_set_visible (self->price_strip, points->len > 0);
      return;
    }

  gtk_widget_set_visible (self->price_strip, TRUE);
  /* Translators: where a product's price stands; %u of %u competing products */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                             "Cheaper than %u of %u competing product. ",
                                             "Cheaper than %u of %u competing products. ",
                                             prices->len),
                          cheaper, prices->len);
  for (guint i = 0; i < points->len; i++)
    {
      PricePoint *point = &g_array_index (points, PricePoint, i);
      g_autofree char *formatted = ipms_format_price (point->price, currency);

      if (i > 0)
        /* Translators: separates the prices of a list sorted from low to high */
        g_string_append (text, _(" < "));
      if (point->self)
        /* Translators: this product's own price among its competitors', as “This product $169” */
        g_string_append_printf (text, _("This product %s"), formatted);
      else
        g_string_append_printf (text, "%s %s", point->name, formatted);
    }
  gtk_label_set_text (GTK_LABEL (self->price_text), text->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->price_strip),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
}

static void
update_derived (IpmsPrdEditor *self)
{
  IpmsPrdCounts counts;
  g_autofree char *completeness = NULL;
  double margin;
  guint filled = 0;

  if (self->product == NULL)
    return;

  gtk_label_set_text (GTK_LABEL (self->title_label), ipms_record_get_string (self->product, "name"));

  g_clear_pointer (&self->margin_text, g_free);
  self->margin_text = ipms_product_get_margin (self->product, &margin) ? ipms_format_percent (margin, FALSE)
                                                                        : g_strdup ("");
  /* Translators: shown for the margin when the price or the cost is missing */
  gtk_label_set_text (GTK_LABEL (self->margin_label), self->margin_text[0] != '\0' ? self->margin_text : _("—"));
  /* The row takes the focus: a screen reader says the margin after its name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->margin_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->margin_text[0] != '\0' ? self->margin_text : _("—"), -1);

  ipms_prd_counts_query (self->document, self->product_id, &counts);
  for (guint s = 0; s < IPMS_PRD_N_SECTIONS; s++)
    {
      gboolean done = ipms_prd_section_is_filled (self->product, &counts, s);

      filled += done;
      /* Translators: the state of a PRD section: every part of it is written */
      gtk_label_set_text (GTK_LABEL (self->section_states[s]), done ? _("Filled") : _("To do"));
      if (done)
        {
          gtk_widget_add_css_class (self->section_states[s], "success");
          gtk_widget_remove_css_class (self->section_states[s], "dim-label");
        }
      else
        {
          gtk_widget_remove_css_class (self->section_states[s], "success");
          gtk_widget_add_css_class (self->section_states[s], "dim-label");
        }
    }
  /* Translators: PRD completeness in the editor's header */
  completeness = g_strdup_printf (_("%u of %u sections filled"), filled, (guint) IPMS_PRD_N_SECTIONS);
  gtk_label_set_text (GTK_LABEL (self->completeness_label), completeness);

  update_needs (self);
  update_prices (self);
}

static void
changes_done_cb (IpmsPrdEditor *self)
{
  if (self->product != NULL && !ipms_record_is_alive (self->product))
    {
      /* Deleted (from the list in another window, or by an undo): nothing to edit. */
      gtk_widget_activate_action (GTK_WIDGET (self), "products-page.back", NULL);
      return;
    }

  update_derived (self);
}

void
ipms_prd_editor_set_product_id (IpmsPrdEditor *self,
                                gint64         product_id)
{
  IpmsRecord *product;

  g_return_if_fail (IPMS_IS_PRD_EDITOR (self));

  product = product_id != 0 ? ipms_document_get_record (self->document, "product", product_id) : NULL;
  if (product == NULL)
    product_id = 0;

  if (self->product_id == product_id && self->product == product)
    return;

  g_set_object (&self->product, product);
  self->product_id = product_id;

  for (guint i = 0; i < self->fields->len; i++)
    ipms_field_row_set_record (g_ptr_array_index (self->fields, i), product);
  for (guint i = 0; i < self->tables->len; i++)
    ipms_record_table_set_owner (g_ptr_array_index (self->tables, i), "product_id", product_id);

  ipms_product_trace_set_product_id (self->trace, product_id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->export_button), "x", product_id);
  update_derived (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRODUCT_ID]);
}

gint64
ipms_prd_editor_get_product_id (IpmsPrdEditor *self)
{
  g_return_val_if_fail (IPMS_IS_PRD_EDITOR (self), 0);

  return self->product_id;
}

GtkWidget *
ipms_prd_editor_get_field (IpmsPrdEditor *self,
                           const char    *column)
{
  g_return_val_if_fail (IPMS_IS_PRD_EDITOR (self), NULL);

  for (guint i = 0; i < self->fields->len; i++)
    if (g_str_equal (ipms_field_row_get_column (g_ptr_array_index (self->fields, i))->name, column))
      return g_ptr_array_index (self->fields, i);

  return NULL;
}

GtkWidget *
ipms_prd_editor_get_table (IpmsPrdEditor *self,
                           const char    *table)
{
  g_return_val_if_fail (IPMS_IS_PRD_EDITOR (self), NULL);

  for (guint i = 0; i < self->tables->len; i++)
    if (g_str_equal (ipms_record_table_get_table_name (g_ptr_array_index (self->tables, i)), table))
      return g_ptr_array_index (self->tables, i);

  return NULL;
}

GtkDropDown *
ipms_prd_editor_get_spec_kind_filter (IpmsPrdEditor *self)
{
  g_return_val_if_fail (IPMS_IS_PRD_EDITOR (self), NULL);

  return self->spec_kind;
}

const char *
ipms_prd_editor_get_margin_text (IpmsPrdEditor *self)
{
  g_return_val_if_fail (IPMS_IS_PRD_EDITOR (self), NULL);

  return self->margin_text != NULL ? self->margin_text : "";
}

static void
place_trace (IpmsPrdEditor *self,
             gboolean       beside)
{
  GtkWidget *trace = GTK_WIDGET (self->trace);

  self->trace_beside = beside;
  g_object_ref (trace);
  if (gtk_widget_get_parent (trace) == self->sections_box)
    gtk_box_remove (GTK_BOX (self->sections_box), trace);
  else if (gtk_widget_get_parent (trace) != NULL)
    adw_clamp_set_child (ADW_CLAMP (self->side_clamp), NULL);

  if (beside)
    {
      gtk_widget_set_margin_start (trace, 18);
      gtk_widget_set_margin_end (trace, 18);
      gtk_widget_set_margin_top (trace, 18);
      gtk_widget_set_margin_bottom (trace, 24);
      adw_clamp_set_child (ADW_CLAMP (self->side_clamp), trace);
    }
  else
    {
      gtk_widget_set_margin_start (trace, 0);
      gtk_widget_set_margin_end (trace, 0);
      gtk_widget_set_margin_top (trace, 0);
      gtk_widget_set_margin_bottom (trace, 0);
      gtk_box_append (GTK_BOX (self->sections_box), trace);
    }
  gtk_widget_set_visible (self->side_separator, beside);
  gtk_widget_set_visible (self->side_scrolled, beside);
  g_object_unref (trace);
}

static gboolean
update_layout_cb (gpointer data)
{
  IpmsPrdEditor *self = data;
  gboolean beside = gtk_widget_get_width (GTK_WIDGET (self)) >= WIDE_WIDTH;

  self->layout_idle = 0;
  if (beside != self->trace_beside)
    place_trace (self, beside);

  return G_SOURCE_REMOVE;
}

/* The editor lays its child out itself (no layout manager) to see the
 * width it gets. */
static void
ipms_prd_editor_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  IpmsPrdEditor *self = IPMS_PRD_EDITOR (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  *minimum = *natural = 0;
  *minimum_baseline = *natural_baseline = -1;
  if (child == NULL)
    return;

  gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);

  /* The column beside would keep the window from getting narrower than
   * the PRD and the column: at that width the column goes below. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL && self->trace_beside)
    {
      int side, separator;

      gtk_widget_measure (self->side_scrolled, orientation, -1, &side, NULL, NULL, NULL);
      gtk_widget_measure (self->side_separator, orientation, -1, &separator, NULL, NULL, NULL);
      *minimum = MAX (0, *minimum - side - separator);
    }
}

static void
ipms_prd_editor_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  IpmsPrdEditor *self = IPMS_PRD_EDITOR (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  /* Narrower than the PRD and the column beside it, for the frame before
   * the column goes below (see ipms_prd_editor_measure()): cut off. */
  if (child != NULL)
    {
      int minimum;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      gtk_widget_allocate (child, MAX (width, minimum), height, baseline, NULL);
    }

  /* The widgets cannot move while they are laid out: right after. */
  if ((width >= WIDE_WIDTH) != self->trace_beside && self->layout_idle == 0)
    self->layout_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_layout_cb, self, NULL);
}

gboolean
ipms_prd_editor_get_trace_beside (IpmsPrdEditor *self)
{
  g_return_val_if_fail (IPMS_IS_PRD_EDITOR (self), FALSE);

  return self->trace_beside;
}

static void
clear_focus_request (IpmsPrdEditor *self)
{
  if (self->focus_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->focus_tick);
  self->focus_tick = 0;
  self->focus_frames = 0;
  g_clear_weak_pointer (&self->focus_target);
}

/* Long enough for the editor, shown at once, to be laid out, and for a
 * table to scroll to its row. */
#define MAX_FOCUS_FRAMES 60

/* The target's field (or a table's cell, which the table focuses itself
 * once its row is laid out) has the focus: the page scrolls to it. The
 * page's own scrolling on focus misses an editor not yet laid out. */
static gboolean
focus_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  IpmsPrdEditor *self = IPMS_PRD_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  /* The clamp, inside the viewport: where the page is laid out whole. */
  GtkWidget *content = gtk_widget_get_parent (self->sections_box);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled));
  graphene_rect_t bounds, target;

  /* The user moved the focus to another field (a table's cell is the
   * table's to focus): that wins. */
  if (self->focus_target == NULL || self->focus_frames++ >= MAX_FOCUS_FRAMES ||
      (IPMS_IS_FIELD_ROW (self->focus_target) && focus != NULL && !gtk_widget_is_ancestor (focus, self->focus_target)))
    {
      self->focus_tick = 0;
      clear_focus_request (self);
      return G_SOURCE_REMOVE;
    }

  /* The page shown at once may drop the focus before it is laid out. */
  if (IPMS_IS_FIELD_ROW (self->focus_target) && focus == NULL)
    gtk_widget_grab_focus (ipms_field_row_get_editor (IPMS_FIELD_ROW (self->focus_target)));

  /* A tick comes before its frame's layout: the first one has not seen
   * the page laid out yet. */
  if (self->focus_frames < 2 || focus == NULL || !gtk_widget_is_ancestor (focus, self->focus_target) ||
      !gtk_widget_get_mapped (focus) || !gtk_widget_compute_bounds (focus, content, &bounds) ||
      bounds.size.height <= 0 || !gtk_widget_compute_bounds (self->focus_target, content, &target))
    return G_SOURCE_CONTINUE;

  {
    double top = bounds.origin.y;
    double bottom = top + bounds.size.height;
    double value = gtk_adjustment_get_value (adjustment);
    double page = gtk_adjustment_get_page_size (adjustment);
    /* Some room around it, and its section's head above a short field. */
    double margin = MIN (48.0, MAX (0.0, (page - bounds.size.height) / 2));
    /* A table's cell with the table's head and what is just above it
     * (the specifications' kind filter), when they fit. */
    double head = target.origin.y - 72.0;

    if (top - margin < value || bottom > value + page)
      gtk_adjustment_set_value (adjustment, MAX (0.0, !IPMS_IS_FIELD_ROW (self->focus_target) &&
                                                      bottom + margin - head <= page ? head : top - margin));
  }

  self->focus_tick = 0;
  clear_focus_request (self);
  return G_SOURCE_REMOVE;
}

gboolean
ipms_prd_editor_focus_record (IpmsPrdEditor *self,
                              const char    *table,
                              gint64         id,
                              const char    *column)
{
  GtkWidget *target;

  g_return_val_if_fail (IPMS_IS_PRD_EDITOR (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  if (column != NULL && *column == '\0')
    column = NULL;

  clear_focus_request (self);

  if (g_str_equal (table, "product"))
    {
      if (id != self->product_id)
        return FALSE;
      target = ipms_prd_editor_get_field (self, column != NULL ? column : "name");
      if (target == NULL)
        return FALSE;
      gtk_widget_grab_focus (ipms_field_row_get_editor (IPMS_FIELD_ROW (target)));
    }
  else
    {
      IpmsRecord *record = ipms_document_get_record (self->document, table, id);

      target = ipms_prd_editor_get_table (self, table);
      if (target == NULL || record == NULL || ipms_record_get_int (record, "product_id") != self->product_id)
        return FALSE;

      /* A specification of another kind than the one shown: all of them. */
      if (target == self->spec_table && get_spec_kind (self) != NULL &&
          !g_str_equal (get_spec_kind (self), ipms_record_get_string (record, "kind")))
        gtk_drop_down_set_selected (self->spec_kind, 0);

      if (!ipms_record_table_focus_record (IPMS_RECORD_TABLE (target), id, column))
        return FALSE;
    }

  g_set_weak_pointer (&self->focus_target, target);
  self->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_tick_cb, NULL, NULL);
  return TRUE;
}

static void
ipms_prd_editor_constructed (GObject *object)
{
  IpmsPrdEditor *self = IPMS_PRD_EDITOR (object);

  G_OBJECT_CLASS (ipms_prd_editor_parent_class)->constructed (object);

  g_assert (IPMS_IS_DOCUMENT (self->document));

  build (self);
  g_signal_connect_object (self->document, "changes-done", G_CALLBACK (changes_done_cb), self, G_CONNECT_SWAPPED);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->export_button), "x", (gint64) 0);
}

static void
ipms_prd_editor_dispose (GObject *object)
{
  IpmsPrdEditor *self = IPMS_PRD_EDITOR (object);

  clear_focus_request (self);
  g_clear_handle_id (&self->layout_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), IPMS_TYPE_PRD_EDITOR);

  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->margin_text, g_free);
  g_clear_object (&self->spec_filter);
  g_clear_object (&self->product);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ipms_prd_editor_parent_class)->dispose (object);
}

static void
ipms_prd_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IpmsPrdEditor *self = IPMS_PRD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_PRODUCT_ID:
      g_value_set_int64 (value, self->product_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_prd_editor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  IpmsPrdEditor *self = IPMS_PRD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    case PROP_PRODUCT_ID:
      ipms_prd_editor_set_product_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_prd_editor_class_init (IpmsPrdEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ipms_prd_editor_constructed;
  object_class->dispose = ipms_prd_editor_dispose;
  object_class->get_property = ipms_prd_editor_get_property;
  object_class->set_property = ipms_prd_editor_set_property;
  widget_class->measure = ipms_prd_editor_measure;
  widget_class->size_allocate = ipms_prd_editor_size_allocate;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, IPMS_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PRODUCT_ID] =
    g_param_spec_int64 ("product-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ipmsplanner/Planner/products/ipms-prd-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, IpmsPrdEditor, scrolled);
  gtk_widget_class_bind_template_child (widget_class, IpmsPrdEditor, side_separator);
  gtk_widget_class_bind_template_child (widget_class, IpmsPrdEditor, side_scrolled);
  gtk_widget_class_bind_template_child (widget_class, IpmsPrdEditor, side_clamp);
  gtk_widget_class_bind_template_child (widget_class, IpmsPrdEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, IpmsPrdEditor, completeness_label);
  gtk_widget_class_bind_template_child (widget_class, IpmsPrdEditor, export_button);
  gtk_widget_class_bind_template_child (widget_class, IpmsPrdEditor, sections_box);
}

static void
ipms_prd_editor_init (IpmsPrdEditor *self)
{
  self->fields = g_ptr_array_new ();
  self->tables = g_ptr_array_new ();
  /* See ipms_prd_editor_size_allocate(). */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ipms_prd_editor_new (IpmsDocument *document)
{
  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);

  return g_object_new (IPMS_TYPE_PRD_EDITOR, "document", document, NULL);
}
