/* ipms-product-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ipms-accessible.h"
#include "ipms-field-binding.h"
#include "ipms-format.h"
#include "ipms-forms-util.h"
#include "ipms-prd-counter.h"
#include "ipms-product-list.h"
#include "ipms-products.h"
#include "ipms-record-list.h"
#include "ipms-table-text.h"

/* The table's columns: a product column of the schema, or one of the two
 * computed ones. */
typedef struct
{
  const char *id;
  const char *title;   /* NULL: the schema's label */
  gboolean    numeric;
  gboolean    expand;
  /* Widths in average characters: the least the column takes before the
   * table scrolls sideways, and what it asks for when there is room. */
  guint       min_chars;
  guint       nat_chars;
} ListColumn;

static const ListColumn list_columns[] = {
  { "name", NULL, FALSE, TRUE, 14, 28 },
  { "series_id", NULL, FALSE, FALSE, 5, 10 },
  { "grade", NULL, FALSE, FALSE, 3, 3 },
  { "status", NULL, FALSE, FALSE, 5, 10 },
  { "price", NULL, TRUE, FALSE, 6, 8 },
  { "cost", NULL, TRUE, FALSE, 6, 8 },
  /* Translators: a column of the product list: gross margin in percent */
  { "margin", N_("Margin"), TRUE, FALSE, 4, 5 },
  { "launch_date", NULL, FALSE, FALSE, 10, 10 },
  { "segment_id", NULL, FALSE, FALSE, 6, 16 },
  { "owner_id", NULL, FALSE, FALSE, 5, 10 },
  /* Translators: a column of the product list: PRD sections filled, as “5 / 7” */
  { "prd", N_("PRD"), TRUE, FALSE, 5, 5 },
};

/* The filters above the table: a reference or choice column each. */
typedef enum
{
  FILTER_SERIES,
  FILTER_GRADE,
  FILTER_STATUS,
  FILTER_SEGMENT,
  N_FILTERS
} FilterKind;

/* GTK 4.8's list views make a row for each of up to 200 items around the
 * one in view, however few fit the view: 2,200 cells here, which made the
 * list's first frame take 150 ms even for a plan of 1,000 products. The
 * list starts with the first FIRST_ROWS products, more than a tall window
 * shows, and takes MORE_ROWS more an idle after its first frame until it
 * has 200; then it takes them all, which makes no more rows. A user who
 * presses a key or clicks in it meanwhile gets them all at once. */
#define FIRST_ROWS 48
#define MORE_ROWS 24
#define ROWS_MADE 200

static const char * const filter_columns[N_FILTERS] = {
  "series_id", "grade", "status", "segment_id",
};

struct _IpmsProductList
{
  AdwBin               parent_instance;

  IpmsDocument        *document;
  IpmsRecordList      *products;
  IpmsPrdCounter      *counter;
  GtkFilter           *filter;
  GtkFilterListModel  *filtered;
  GtkSortListModel    *sorted;
  GtkSliceListModel   *shown;       /* the sorted products let in so far */
  guint                fill_source;
  GtkMultiSelection   *selection;
  /* The cells on screen (GtkListItem, their ListColumn as data): PRD
   * counts, the names of series, segments and owners, and the currency
   * change without their product, which alone rebinds its row. */
  GPtrArray           *cells;
  gboolean             cells_stale;

  GtkDropDown         *dropdowns[N_FILTERS];
  /* Per filter, the code (choices) or id (references) of each dropdown
   * item after "All": strings or gint64. */
  GPtrArray           *filter_values[N_FILTERS];
  gboolean             filters_stale;

  /* Template widgets */
  GtkWidget           *buttons;
  GtkWidget           *filters;
  GtkWidget           *search_entry;
  GtkWidget           *set_button;
  GtkStack            *stack;
  GtkColumnView       *column_view;
};

G_DEFINE_FINAL_TYPE (IpmsProductList, ipms_product_list, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
dup_currency (IpmsProductList *self)
{
  IpmsRecord *project = ipms_document_get_project (self->document);

  return project != NULL ? ipms_record_get_string (project, "currency") : NULL;
}

static char *
dup_reference_title (IpmsProductList *self,
                     IpmsRecord      *product,
                     const char      *column)
{
  const IpmsColumn *c = ipms_table_lookup_column (ipms_record_get_table (product), column);
  IpmsRecord *referenced;

  if (ipms_record_is_null (product, column))
    return g_strdup ("");

  referenced = ipms_document_get_record (self->document, c->references, ipms_record_get_int (product, column));
  return referenced != NULL ? ipms_forms_dup_record_title (self->document, referenced) : g_strdup ("");
}

static char *
dup_cell_text (IpmsProductList *self,
               IpmsRecord      *product,
               const char      *column)
{
  const IpmsColumn *c;

  if (g_str_equal (column, "margin"))
    {
      double margin;

      return ipms_product_get_margin (product, &margin) ? ipms_format_percent (margin, FALSE) : g_strdup ("");
    }

  if (g_str_equal (column, "prd"))
    /* Translators: PRD sections filled out of all, as “5 / 7” */
    return g_strdup_printf (_("%u / %u"), ipms_prd_counter_get_filled (self->counter, product),
                            (guint) IPMS_PRD_N_SECTIONS);

  c = ipms_table_lookup_column (ipms_record_get_table (product), column);
  if (ipms_record_is_null (product, column))
    return g_strdup ("");

  switch (c->type)
    {
    case IPMS_COLUMN_REFERENCE:
      return dup_reference_title (self, product, column);

    case IPMS_COLUMN_ENUM:
      {
        int index = ipms_column_find_choice (c, ipms_record_get_string (product, column));

        return g_strdup (index >= 0 ? ipms_choice_get_label (&c->choices[index])
                                    : ipms_record_get_string (product, column));
      }

    case IPMS_COLUMN_DATE:
      return ipms_format_date_iso (ipms_record_get_string (product, column));

    case IPMS_COLUMN_REAL:
      return ipms_format_price (ipms_record_get_double (product, column), dup_currency (self));

    case IPMS_COLUMN_INTEGER:
    case IPMS_COLUMN_TEXT:
    default:
      return ipms_field_format_value (c, ipms_record_get_value (product, column));
    }
}

/* Cells */

static void
update_prd_cell (IpmsProductList *self,
                 GtkListItem     *item)
{
  IpmsRecord *product = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;
  guint filled;

  if (product == NULL)
    return;

  filled = ipms_prd_counter_get_filled (self->counter, product);
  text = dup_cell_text (self, product, "prd");
  ipms_table_text_set_text (IPMS_TABLE_TEXT (label), text);
  if (filled == IPMS_PRD_N_SECTIONS)
    gtk_widget_remove_css_class (label, "dim-label");
  else
    gtk_widget_add_css_class (label, "dim-label");
}

/* What is left to write, one hover away. The text is made when asked for:
 * setting a tooltip costs GTK 4.8 a round trip to the X server, once per
 * bound cell while the list scrolls. */
static gboolean
prd_cell_query_tooltip_cb (GtkWidget   *label,
                           int          x,
                           int          y,
                           gboolean     keyboard_mode,
                           GtkTooltip  *tooltip,
                           GtkListItem *item)
{
  IpmsProductList *self = g_object_get_data (G_OBJECT (label), "ipms-list");
  IpmsRecord *product = gtk_list_item_get_item (item);
  g_autoptr(GString) text = NULL;
  g_autoptr(GString) missing = NULL;
  IpmsPrdCounts counts;
  guint filled;

  if (product == NULL)
    return FALSE;

  text = g_string_new (NULL);
  missing = g_string_new (NULL);
  filled = ipms_prd_counter_get_filled (self->counter, product);
  ipms_prd_counter_get_counts (self->counter, ipms_record_get_id (product), &counts);
  for (guint s = 0; s < IPMS_PRD_N_SECTIONS; s++)
    if (!ipms_prd_section_is_filled (product, &counts, s))
      {
        if (missing->len > 0)
          g_string_append (missing, _(", "));
        g_string_append (missing, ipms_prd_section_get_title (s));
      }

  g_string_append_printf (text, _("%u of %u sections filled"), filled, (guint) IPMS_PRD_N_SECTIONS);
  if (missing->len > 0)
    {
      g_string_append_c (text, '\n');
      /* Translators: in a tooltip, the PRD sections still to write, as “To do: Overview, FAQ & Box Contents” */
      g_string_append_printf (text, _("To do: %s"), missing->str);
    }
  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               const ListColumn         *column)
{
  GtkWidget *label = ipms_table_text_new (column->min_chars, column->nat_chars, column->numeric);

  if (g_str_equal (column->id, "prd"))
    {
      g_object_set_data (G_OBJECT (label), "ipms-list", g_object_get_data (G_OBJECT (factory), "ipms-list"));
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect_object (label, "query-tooltip", G_CALLBACK (prd_cell_query_tooltip_cb), item, 0);
    }
  gtk_list_item_set_child (item, label);
}

static void
update_cell (IpmsProductList *self,
             GtkListItem     *item)
{
  const ListColumn *column = g_object_get_data (G_OBJECT (item), "ipms-column");
  IpmsRecord *product = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;

  if (product == NULL)
    return;

  if (g_str_equal (column->id, "prd"))
    {
      update_prd_cell (self, item);
      return;
    }

  text = dup_cell_text (self, product, column->id);
  ipms_table_text_set_text (IPMS_TABLE_TEXT (gtk_list_item_get_child (item)), text);

  /* The focus goes from row to row, and GTK 4.8 names a row by nothing it
   * holds: a screen reader heard "GtkListItemWidget". */
  if (g_str_equal (column->id, "name"))
    {
      /* Translators: a product for a screen reader, "Pet Feeder Mini, grade S" */
      g_autofree char *name = g_strdup_printf (_("%s, grade %s"), text, ipms_record_get_string (product, "grade"));

      ipms_accessible_name_enclosing (gtk_list_item_get_child (item), GTK_ACCESSIBLE_ROLE_ROW, name);
    }
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              const ListColumn         *column)
{
  IpmsProductList *self = g_object_get_data (G_OBJECT (factory), "ipms-list");

  g_object_set_data (G_OBJECT (item), "ipms-column", (gpointer) column);
  g_ptr_array_add (self->cells, item);
  update_cell (self, item);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                const ListColumn         *column)
{
  IpmsProductList *self = g_object_get_data (G_OBJECT (factory), "ipms-list");

  g_ptr_array_remove_fast (self->cells, item);
}

static void
counter_changed_cb (IpmsProductList *self,
                    gint64           product_id)
{
  /* The sort model places that product again when the list is sorted by
   * completeness (the product's own row did not change: its PRD rows did). */
  if (product_id != 0)
    ipms_record_list_row_changed (self->products, product_id);

  /* Off screen, every cell is made again when shown, and completeness
   * counted only then. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->cells_stale = TRUE;
      return;
    }

  for (guint i = 0; i < self->cells->len; i++)
    {
      GtkListItem *item = g_ptr_array_index (self->cells, i);
      const ListColumn *column = g_object_get_data (G_OBJECT (item), "ipms-column");
      IpmsRecord *product = gtk_list_item_get_item (item);

      if (product != NULL && g_str_equal (column->id, "prd") &&
          (product_id == 0 || ipms_record_get_id (product) == product_id))
        update_prd_cell (self, item);
    }
}

/* Sorting */

typedef struct
{
  IpmsProductList  *self;
  const ListColumn *column;
  GQuark            key_quark;   /* where the column's collation keys are kept */
} SortData;

typedef struct
{
  guint  revision;
  char  *key;
} CollateKey;

static void
collate_key_free (gpointer data)
{
  CollateKey *key = data;

  g_free (key->key);
  g_free (key);
}

/* Sorting 10,000 names compares each one some twenty times: its collation
 * key is made once per revision of the row, kept on the record. */
static const char *
get_collate_key (IpmsRecord *record,
                 const char *column,
                 GQuark      quark)
{
  CollateKey *key = g_object_get_qdata (G_OBJECT (record), quark);

  if (key == NULL || key->revision != ipms_record_get_revision (record))
    {
      key = g_new0 (CollateKey, 1);
      key->revision = ipms_record_get_revision (record);
      /* "Model 9" before "Model 10", as the Files app sorts. */
      key->key = g_utf8_collate_key_for_filename (ipms_record_get_string (record, column), -1);
      g_object_set_qdata_full (G_OBJECT (record), quark, key, collate_key_free);
    }

  return key->key;
}

/* Blanks last. */
static int
compare_blanks (gboolean a_blank,
                gboolean b_blank)
{
  if (a_blank == b_blank)
    return 0;
  return a_blank ? 1 : -1;
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  SortData *data = user_data;
  IpmsProductList *self = data->self;
  const char *id = data->column->id;
  IpmsRecord *pa = (IpmsRecord *) a;
  IpmsRecord *pb = (IpmsRecord *) b;
  const IpmsColumn *c;
  int result;

  if (g_str_equal (id, "margin"))
    {
      double ma = 0, mb = 0;
      gboolean sa = ipms_product_get_margin (pa, &ma);
      gboolean sb = ipms_product_get_margin (pb, &mb);

      result = compare_blanks (!sa, !sb);
      if (result == 0)
        result = (ma > mb) - (ma < mb);
    }
  else if (g_str_equal (id, "prd"))
    result = (int) ipms_prd_counter_get_filled (self->counter, pa) -
             (int) ipms_prd_counter_get_filled (self->counter, pb);
  else
    {
      c = ipms_table_lookup_column (ipms_record_get_table (pa), id);
      result = compare_blanks (ipms_record_is_null (pa, id), ipms_record_is_null (pb, id));
      if (result == 0 && !ipms_record_is_null (pa, id))
        switch (c->type)
          {
          case IPMS_COLUMN_REAL:
            {
              double da = ipms_record_get_double (pa, id);
              double db = ipms_record_get_double (pb, id);

              result = (da > db) - (da < db);
            }
            break;

          case IPMS_COLUMN_ENUM:
            /* The schema's order: grades from flagship down, statuses by stage. */
            result = ipms_column_find_choice (c, ipms_record_get_string (pa, id)) -
                     ipms_column_find_choice (c, ipms_record_get_string (pb, id));
            break;

          case IPMS_COLUMN_REFERENCE:
            {
              g_autofree char *ta = dup_reference_title (self, pa, id);
              g_autofree char *tb = dup_reference_title (self, pb, id);

              result = g_utf8_collate (ta, tb);
            }
            break;

          case IPMS_COLUMN_INTEGER:
            result = (ipms_record_get_int (pa, id) > ipms_record_get_int (pb, id)) -
                     (ipms_record_get_int (pa, id) < ipms_record_get_int (pb, id));
            break;

          case IPMS_COLUMN_DATE:
            /* YYYY-MM-DD sorts as it reads. */
            result = strcmp (ipms_record_get_string (pa, id), ipms_record_get_string (pb, id));
            break;

          case IPMS_COLUMN_TEXT:
          default:
            result = strcmp (get_collate_key (pa, id, data->key_quark), get_collate_key (pb, id, data->key_quark));
            break;
          }
    }

  if (result == 0)
    result = ipms_record_get_id (pa) < ipms_record_get_id (pb) ? -1 : 1;

  return result < 0 ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
}

/* Filtering */

static gboolean
matches_filter (IpmsProductList *self,
                FilterKind       kind,
                IpmsRecord      *product)
{
  guint selected = gtk_drop_down_get_selected (self->dropdowns[kind]);
  const char *column = filter_columns[kind];
  gpointer value;

  /* Item 0 is "All". */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > self->filter_values[kind]->len)
    return TRUE;

  value = g_ptr_array_index (self->filter_values[kind], selected - 1);
  if (kind == FILTER_GRADE || kind == FILTER_STATUS)
    return g_str_equal (ipms_record_get_string (product, column), value);

  return ipms_record_get_int (product, column) == *(gint64 *) value;
}

static gboolean
filter_cb (gpointer item,
           gpointer user_data)
{
  IpmsProductList *self = user_data;
  IpmsRecord *product = item;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  for (guint k = 0; k < N_FILTERS; k++)
    if (!matches_filter (self, k, product))
      return FALSE;

  if (text[0] != '\0')
    {
      g_autofree char *needle = g_utf8_casefold (text, -1);
      g_autofree char *name = g_utf8_casefold (ipms_record_get_string (product, "name"), -1);

      if (strstr (name, needle) == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
update_view (IpmsProductList *self)
{
  const char *page;

  if (self->filtered == NULL)
    return;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->products)) == 0)
    page = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    page = "no-match";
  else
    page = "table";

  gtk_stack_set_visible_child_name (self->stack, page);
  /* Nothing to search or filter in an empty plan. */
  gtk_widget_set_visible (self->search_entry, !g_str_equal (page, "empty"));
  gtk_widget_set_visible (self->filters, !g_str_equal (page, "empty"));
}

static void
filter_changed_cb (IpmsProductList *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
}

/* The dropdown's items: "All …" and then the choices or the rows. Keeps the
 * choice made when it still exists. */
static void
fill_filter (IpmsProductList *self,
             FilterKind       kind)
{
  static const char * const all_labels[N_FILTERS] = {
    /* Translators: a filter of the product list */
    N_("All series"),
    /* Translators: a filter of the product list */
    N_("All grades"),
    /* Translators: a filter of the product list */
    N_("All statuses"),
    /* Translators: a filter of the product list */
    N_("All segments"),
  };
  const IpmsColumn *column = ipms_table_lookup_column (ipms_schema_lookup_table ("product"), filter_columns[kind]);
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) values = NULL;
  guint selected = gtk_drop_down_get_selected (self->dropdowns[kind]);
  gpointer previous = NULL;
  guint new_selected = 0;

  if (self->filter_values[kind] != NULL && selected > 0 && selected != GTK_INVALID_LIST_POSITION &&
      selected <= self->filter_values[kind]->len)
    previous = g_ptr_array_index (self->filter_values[kind], selected - 1);

  gtk_string_list_append (strings, _(all_labels[kind]));
  values = g_ptr_array_new_with_free_func (g_free);

  if (column->type == IPMS_COLUMN_ENUM)
    for (guint i = 0; column->choices[i].code != NULL; i++)
      {
        gtk_string_list_append (strings, ipms_choice_get_label (&column->choices[i]));
        g_ptr_array_add (values, g_strdup (column->choices[i].code));
        if (previous != NULL && g_str_equal (previous, column->choices[i].code))
          new_selected = values->len;
      }
  else
    {
      const IpmsTable *referenced = ipms_schema_lookup_table (column->references);
      g_autoptr(GPtrArray) rows = ipms_document_query (self->document, referenced->name, NULL, 0,
                                                       referenced->order_column);

      for (guint i = 0; i < rows->len; i++)
        {
          IpmsRecord *row = g_ptr_array_index (rows, i);
          g_autofree char *title = ipms_forms_dup_record_title (self->document, row);
          gint64 id = ipms_record_get_id (row);

          gtk_string_list_append (strings, title);
          g_ptr_array_add (values, g_memdup2 (&id, sizeof id));
          if (previous != NULL && *(gint64 *) previous == id)
            new_selected = values->len;
        }
    }

  g_clear_pointer (&self->filter_values[kind], g_ptr_array_unref);
  self->filter_values[kind] = g_steal_pointer (&values);

  g_signal_handlers_block_by_func (self->dropdowns[kind], filter_changed_cb, self);
  gtk_drop_down_set_model (self->dropdowns[kind], G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (self->dropdowns[kind], new_selected);
  g_signal_handlers_unblock_by_func (self->dropdowns[kind], filter_changed_cb, self);

  if (previous != NULL && new_selected == 0)
    filter_changed_cb (self);
}

static void
fill_reference_filters (IpmsProductList *self)
{
  fill_filter (self, FILTER_SERIES);
  fill_filter (self, FILTER_SEGMENT);
}

/* Series and segments come and go, and are renamed: the dropdowns follow
 * once per edit, not once per row. */
static void
row_changed_cb (IpmsProductList *self,
                const char      *table)
{
  if (g_str_equal (table, "series") || g_str_equal (table, "segment") || g_str_equal (table, "axis_item"))
    self->filters_stale = TRUE;
  if (g_str_equal (table, "series") || g_str_equal (table, "segment") || g_str_equal (table, "axis_item") ||
      g_str_equal (table, "member") || g_str_equal (table, "project"))
    self->cells_stale = TRUE;
}

/* Off screen, the list catches up when it is shown again. */
static void
changes_done_cb (IpmsProductList *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  if (self->cells_stale)
    {
      self->cells_stale = FALSE;
      for (guint i = 0; i < self->cells->len; i++)
        update_cell (self, g_ptr_array_index (self->cells, i));
    }

  if (self->filters_stale)
    {
      self->filters_stale = FALSE;
      fill_reference_filters (self);
    }
}

static void
reloaded_cb (IpmsProductList *self)
{
  self->filters_stale = TRUE;
  self->cells_stale = TRUE;
}

static gboolean
fill_cb (gpointer data)
{
  IpmsProductList *self = data;
  guint size = gtk_slice_list_model_get_size (self->shown);

  if (size + MORE_ROWS < ROWS_MADE)
    {
      gtk_slice_list_model_set_size (self->shown, size + MORE_ROWS);
      return G_SOURCE_CONTINUE;
    }

  self->fill_source = 0;
  gtk_slice_list_model_set_size (self->shown, G_MAXUINT);

  return G_SOURCE_REMOVE;
}

static gboolean
is_filled (IpmsProductList *self)
{
  return gtk_slice_list_model_get_size (self->shown) == G_MAXUINT;
}

/* Every product in the list now: positions then count in all of them. */
static void
fill_now (IpmsProductList *self)
{
  g_clear_handle_id (&self->fill_source, g_source_remove);
  if (!is_filled (self))
    gtk_slice_list_model_set_size (self->shown, G_MAXUINT);
}

static gboolean
key_pressed_cb (IpmsProductList *self)
{
  fill_now (self);

  return GDK_EVENT_PROPAGATE;
}

/* After the frame that first shows the list, not before it. */
static void
first_painted_cb (GdkFrameClock   *clock,
                  IpmsProductList *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_painted_cb, self);
  if (!is_filled (self) && self->fill_source == 0)
    self->fill_source = g_idle_add_full (G_PRIORITY_LOW, fill_cb, self, NULL);
}

/* Actions */

static GArray *
dup_selected_ids (IpmsProductList *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(IpmsRecord) product = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
      gint64 id = ipms_record_get_id (product);

      g_array_append_val (ids, id);
    }

  return ids;
}

static void
update_actions (IpmsProductList *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  gboolean any;

  /* The models emit as they are taken apart. */
  if (self->selection == NULL)
    return;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  any = !gtk_bitset_is_empty (selected);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "products.open", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "products.duplicate", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "products.delete", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "products.set-grade", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "products.set-status", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "products.set-series", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "products.set-owner", any);
  gtk_widget_set_sensitive (self->set_button, any);
}

static void
select_ids (IpmsProductList *self,
            const GArray    *ids)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  g_autoptr(GtkBitset) wanted = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) all = NULL;
  guint n;
  guint first = GTK_INVALID_LIST_POSITION;

  fill_now (self);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IpmsRecord) product = g_list_model_get_item (model, i);

      for (guint j = 0; j < ids->len; j++)
        if (ipms_record_get_id (product) == g_array_index (ids, gint64, j))
          {
            gtk_bitset_add (wanted, i);
            first = MIN (first, i);
          }
    }

  all = gtk_bitset_new_range (0, n);
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), wanted, all);
  /* GTK 4.8's column view has no scroll_to(): its list view has the action. */
  if (first != GTK_INVALID_LIST_POSITION)
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view)); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_LIST_VIEW (child))
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", first);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  IpmsProductList *self = IPMS_PRODUCT_LIST (widget);
  g_autoptr(GError) error = NULL;
  g_auto(GValue) name = G_VALUE_INIT;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id = 0;

  ipms_field_binding_flush_all (self->document);

  /* Translators: an undo step */
  if (ipms_document_begin_edit (self->document, _("Add Product"), NULL, &error))
    {
      id = ipms_document_insert (self->document, "product", 0, NULL, &error);
      g_value_init (&name, G_TYPE_STRING);
      /* Translators: the name of a product just added */
      g_value_set_string (&name, _("New Product"));
      if (id == 0 || !ipms_document_set_value (self->document, "product", id, "name", &name, &error) ||
          !ipms_document_commit_edit (self->document, &error))
        {
          ipms_document_rollback_edit (self->document);
          id = 0;
        }
    }

  if (id == 0)
    {
      /* Translators: a toast title; the reason follows */
      ipms_forms_report_error (widget, _("Could not add a product"), error);
      return;
    }

  /* A new product is named and described in its PRD. */
  gtk_widget_activate_action (widget, "win.open-prd", "x", id);
  g_array_append_val (ids, id);
  select_ids (self, ids);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IpmsProductList *self = IPMS_PRODUCT_LIST (widget);
  g_autoptr(GArray) ids = dup_selected_ids (self);

  if (ids->len > 0)
    gtk_widget_activate_action (widget, "win.open-prd", "x", g_array_index (ids, gint64, 0));
}

static void
row_activated_cb (IpmsProductList *self,
                  guint            position)
{
  g_autoptr(IpmsRecord) product = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (product != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-prd", "x", ipms_record_get_id (product));
}

static char *
dup_first_name (IpmsProductList *self,
                GArray          *ids)
{
  IpmsRecord *product = ipms_document_get_record (self->document, "product", g_array_index (ids, gint64, 0));

  return product != NULL ? ipms_forms_dup_record_title (self->document, product) : g_strdup ("");
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IpmsProductList *self = IPMS_PRODUCT_LIST (widget);
  g_autoptr(GArray) ids = dup_selected_ids (self);
  g_autoptr(GArray) copies = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;

  if (ids->len == 0)
    return;

  ipms_field_binding_flush_all (self->document);
  name = dup_first_name (self, ids);
  label = ids->len == 1
          /* Translators: an undo step; %s names a product */
          ? g_strdup_printf (_("Duplicate “%s”"), name)
          /* Translators: an undo step; %u is a number of products */
          : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Duplicate %u Product", "Duplicate %u Products", ids->len),
                             ids->len);

  /* Translators: the name of a copy of a product; %s is the original's name */
  copies = ipms_products_duplicate (self->document, (gint64 *) ids->data, ids->len, _("%s (Copy)"), label, &error);
  if (copies == NULL)
    {
      /* Translators: a toast title; the reason follows */
      ipms_forms_report_error (widget, _("Could not duplicate"), error);
      return;
    }

  select_ids (self, copies);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IpmsProductList *self = IPMS_PRODUCT_LIST (widget);
  g_autoptr(GArray) ids = dup_selected_ids (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;

  if (ids->len == 0)
    return;

  ipms_field_binding_flush_all (self->document);
  name = dup_first_name (self, ids);
  if (ids->len == 1)
    {
      /* Translators: an undo step; %s names a product */
      label = g_strdup_printf (_("Delete “%s”"), name);
      /* Translators: a toast; %s names a product */
      message = g_strdup_printf (_("Deleted “%s” and its PRD"), name);
    }
  else
    {
      /* Translators: an undo step; %u is a number of products */
      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete %u Product", "Delete %u Products", ids->len),
                               ids->len);
      /* Translators: a toast; %u is a number of products */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Deleted %u product and its PRD",
                                              "Deleted %u products and their PRDs", ids->len),
                                 ids->len);
    }

  if (!ipms_products_delete (self->document, (gint64 *) ids->data, ids->len, label, &error))
    {
      /* Translators: a toast title; the reason follows */
      ipms_forms_report_error (widget, _("Could not delete"), error);
      return;
    }

  gtk_widget_activate_action (widget, "win.undo-toast", "s", message);
}

static void
set_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  IpmsProductList *self = IPMS_PRODUCT_LIST (widget);
  g_autoptr(GArray) ids = dup_selected_ids (self);
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *label = NULL;
  const char *column;
  const IpmsColumn *c;

  if (ids->len == 0)
    return;

  if (g_str_equal (action_name, "products.set-grade"))
    column = "grade";
  else if (g_str_equal (action_name, "products.set-status"))
    column = "status";
  else if (g_str_equal (action_name, "products.set-series"))
    column = "series_id";
  else
    column = "owner_id";

  c = ipms_table_lookup_column (ipms_schema_lookup_table ("product"), column);
  if (g_variant_is_of_type (parameter, G_VARIANT_TYPE_STRING))
    {
      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, g_variant_get_string (parameter, NULL));
    }
  else if (g_variant_get_int64 (parameter) != 0)
    {
      g_value_init (&value, G_TYPE_INT64);
      g_value_set_int64 (&value, g_variant_get_int64 (parameter));
    }

  ipms_field_binding_flush_all (self->document);
  /* Translators: an undo step; %s is a field (Grade, Status, Series, Owner),
   * %u the number of products */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Set %s of %u Product", "Set %s of %u Products", ids->len),
                           ipms_column_get_label (c), ids->len);
  if (!ipms_products_set_value (self->document, (gint64 *) ids->data, ids->len, column, &value, label, &error))
    /* Translators: a toast title; the reason follows */
    ipms_forms_report_error (widget, _("Could not change the products"), error);
}

/* The "Set" menu, made when it opens: the series and people of the plan. */
static GMenuModel *
build_set_menu (IpmsProductList *self)
{
  static const char * const choice_columns[] = { "grade", "status" };
  static const char * const reference_columns[] = { "series_id", "owner_id" };
  const IpmsTable *product = ipms_schema_lookup_table ("product");
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (choice_columns); i++)
    {
      const IpmsColumn *c = ipms_table_lookup_column (product, choice_columns[i]);
      g_autoptr(GMenu) submenu = g_menu_new ();
      g_autofree char *action = g_strdup_printf ("products.set-%s", choice_columns[i]);

      for (guint j = 0; c->choices[j].code != NULL; j++)
        {
          g_autoptr(GMenuItem) item = g_menu_item_new (ipms_choice_get_label (&c->choices[j]), NULL);

          g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (c->choices[j].code));
          g_menu_append_item (submenu, item);
        }
      g_menu_append_submenu (menu, ipms_column_get_label (c), G_MENU_MODEL (submenu));
    }

  for (guint i = 0; i < G_N_ELEMENTS (reference_columns); i++)
    {
      const IpmsColumn *c = ipms_table_lookup_column (product, reference_columns[i]);
      const IpmsTable *referenced = ipms_schema_lookup_table (c->references);
      g_autoptr(GPtrArray) rows = ipms_document_query (self->document, referenced->name, NULL, 0,
                                                       referenced->order_column);
      g_autoptr(GMenu) submenu = g_menu_new ();
      g_autoptr(GMenuItem) none = NULL;
      const char *action = i == 0 ? "products.set-series" : "products.set-owner";

      /* Translators: in the menu that sets the series or owner of products: no series, nobody */
      none = g_menu_item_new (C_("reference", "None"), NULL);
      g_menu_item_set_action_and_target_value (none, action, g_variant_new_int64 (0));
      g_menu_append_item (submenu, none);

      for (guint j = 0; j < rows->len; j++)
        {
          IpmsRecord *row = g_ptr_array_index (rows, j);
          g_autofree char *title = ipms_forms_dup_record_title (self->document, row);
          g_autoptr(GMenuItem) item = g_menu_item_new (NULL, NULL);

          /* A name may hold an underscore: no mnemonics here. */
          g_menu_item_set_attribute (item, "label", "s", title);
          g_menu_item_set_action_and_target_value (item, action, g_variant_new_int64 (ipms_record_get_id (row)));
          g_menu_append_item (submenu, item);
        }
      g_menu_append_submenu (menu, ipms_column_get_label (c), G_MENU_MODEL (submenu));
    }

  return G_MENU_MODEL (menu);
}

static void
create_set_popup_cb (GtkMenuButton *button,
                     gpointer       user_data)
{
  IpmsProductList *self = user_data;
  g_autoptr(GMenuModel) menu = build_set_menu (self);

  gtk_menu_button_set_menu_model (button, menu);
}

/* Construction */

static void
add_filter (IpmsProductList *self,
            FilterKind       kind)
{
  const IpmsColumn *column = ipms_table_lookup_column (ipms_schema_lookup_table ("product"), filter_columns[kind]);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (ipms_column_get_label (column));
  GtkWidget *dropdown = gtk_drop_down_new (NULL, NULL);

  /* The name above its choice, so that two filters fit side by side in a
   * narrow window. */
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_hexpand (dropdown, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), dropdown);
  gtk_flow_box_append (GTK_FLOW_BOX (self->filters), box);
  gtk_widget_set_focusable (gtk_widget_get_parent (box), FALSE);

  self->dropdowns[kind] = GTK_DROP_DOWN (dropdown);
  fill_filter (self, kind);
  ipms_accessible_drop_down_set_label (GTK_DROP_DOWN (dropdown), ipms_column_get_label (column));
  g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self);
}

static void
add_column (IpmsProductList  *self,
            const ListColumn *column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;
  GtkSorter *sorter;
  SortData *data = g_new0 (SortData, 1);
  const char *title;

  g_object_set_data (G_OBJECT (factory), "ipms-list", self);
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), (gpointer) column);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), (gpointer) column);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), (gpointer) column);

  if (column->title != NULL)
    title = _(column->title);
  else
    title = ipms_column_get_label (ipms_table_lookup_column (ipms_schema_lookup_table ("product"), column->id));

  data->self = self;
  data->column = column;
  {
    g_autofree char *quark_name = g_strconcat ("ipms-collate-key-", column->id, NULL);

    data->key_quark = g_quark_from_string (quark_name);
  }
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cb, data, g_free));

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, column->expand);
  g_object_set_data (G_OBJECT (view_column), "ipms-column", (gpointer) column->id);
  gtk_column_view_append_column (self->column_view, view_column);

  g_object_unref (view_column);
  g_object_unref (sorter);
}

static void
ipms_product_list_constructed (GObject *object)
{
  IpmsProductList *self = IPMS_PRODUCT_LIST (object);
  g_autoptr(GtkColumnViewColumn) name_column = NULL;
  GtkWidget *child;

  G_OBJECT_CLASS (ipms_product_list_parent_class)->constructed (object);

  g_assert (IPMS_IS_DOCUMENT (self->document));

  for (guint k = 0; k < N_FILTERS; k++)
    add_filter (self, k);

  self->products = ipms_record_list_new (self->document, "product", NULL, 0, NULL);
  self->counter = ipms_prd_counter_new (self->document);
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_cb, self, NULL));
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->products)),
                                              g_object_ref (self->filter));

  for (guint i = 0; i < G_N_ELEMENTS (list_columns); i++)
    add_column (self, &list_columns[i]);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->shown = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->sorted)), 0, FIRST_ROWS);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  name_column = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), 0);
  gtk_column_view_sort_by_column (self->column_view, name_column, GTK_SORT_ASCENDING);

  /* The buttons take the focus, not the flow box's cells around them. A
   * cell follows its button's sensitivity: GTK 4.8's flow box keeps Tab
   * on a cell that cannot take the focus, and Tab stopped at "Add Product"
   * while nothing was selected. */
  for (child = gtk_widget_get_first_child (self->buttons); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      gtk_widget_set_focusable (child, FALSE);
      g_object_bind_property (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child)), "sensitive",
                              child, "sensitive", G_BINDING_SYNC_CREATE);
    }

  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->set_button), create_set_popup_cb, self, NULL);

  g_signal_connect_object (self->counter, "changed", G_CALLBACK (counter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_view), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->products, "items-changed", G_CALLBACK (update_view), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "row-changed", G_CALLBACK (row_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "changes-done", G_CALLBACK (changes_done_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "reloaded", G_CALLBACK (reloaded_cb), self, G_CONNECT_SWAPPED);

  update_view (self);
  update_actions (self);
}

static void
ipms_product_list_dispose (GObject *object)
{
  IpmsProductList *self = IPMS_PRODUCT_LIST (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IPMS_TYPE_PRODUCT_LIST);

  g_clear_handle_id (&self->fill_source, g_source_remove);
  g_clear_object (&self->selection);
  g_clear_object (&self->shown);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->counter);
  g_clear_object (&self->products);
  g_clear_object (&self->document);
  for (guint k = 0; k < N_FILTERS; k++)
    g_clear_pointer (&self->filter_values[k], g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);

  G_OBJECT_CLASS (ipms_product_list_parent_class)->dispose (object);
}

static void
ipms_product_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  IpmsProductList *self = IPMS_PRODUCT_LIST (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_product_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  IpmsProductList *self = IPMS_PRODUCT_LIST (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Off screen, the rows stay as they were shown and catch up when shown
 * again: GTK 4.8 filters, sorts and rebinds a hidden list's rows as its
 * products change, milliseconds of every edit made on a chart. */
static void
ipms_product_list_map (GtkWidget *widget)
{
  IpmsProductList *self = IPMS_PRODUCT_LIST (widget);

  /* Mapped first: changes_done_cb() does nothing for a list off screen. */
  GTK_WIDGET_CLASS (ipms_product_list_parent_class)->map (widget);

  if (!is_filled (self) && self->fill_source == 0)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (first_painted_cb), self, 0);

  ipms_record_list_set_held (self->products, FALSE);
  changes_done_cb (self);
}

static void
ipms_product_list_unmap (GtkWidget *widget)
{
  IpmsProductList *self = IPMS_PRODUCT_LIST (widget);

  GTK_WIDGET_CLASS (ipms_product_list_parent_class)->unmap (widget);

  ipms_record_list_set_held (self->products, TRUE);
}

static void
ipms_product_list_class_init (IpmsProductListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ipms_product_list_constructed;
  object_class->dispose = ipms_product_list_dispose;
  object_class->get_property = ipms_product_list_get_property;
  object_class->set_property = ipms_product_list_set_property;

  widget_class->map = ipms_product_list_map;
  widget_class->unmap = ipms_product_list_unmap;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, IPMS_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ipmsplanner/Planner/products/ipms-product-list.ui");
  gtk_widget_class_bind_template_child (widget_class, IpmsProductList, buttons);
  gtk_widget_class_bind_template_child (widget_class, IpmsProductList, filters);
  gtk_widget_class_bind_template_child (widget_class, IpmsProductList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IpmsProductList, set_button);
  gtk_widget_class_bind_template_child (widget_class, IpmsProductList, stack);
  gtk_widget_class_bind_template_child (widget_class, IpmsProductList, column_view);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "products.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "products.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "products.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "products.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "products.set-grade", "s", set_action);
  gtk_widget_class_install_action (widget_class, "products.set-status", "s", set_action);
  gtk_widget_class_install_action (widget_class, "products.set-series", "x", set_action);
  gtk_widget_class_install_action (widget_class, "products.set-owner", "x", set_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "products.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "products.delete", NULL);
}

static void
ipms_product_list_init (IpmsProductList *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->cells = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Select All, End or a click on the scroll bar reach every product. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (fill_now), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
ipms_product_list_new (IpmsDocument *document)
{
  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);

  return g_object_new (IPMS_TYPE_PRODUCT_LIST, "document", document, NULL);
}

GtkSelectionModel *
ipms_product_list_get_selection (IpmsProductList *self)
{
  g_return_val_if_fail (IPMS_IS_PRODUCT_LIST (self), NULL);

  /* Its positions are those of every product. */
  fill_now (self);
  return GTK_SELECTION_MODEL (self->selection);
}

void
ipms_product_list_select_product (IpmsProductList *self,
                                  gint64           product_id)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_if_fail (IPMS_IS_PRODUCT_LIST (self));

  g_array_append_val (ids, product_id);
  select_ids (self, ids);
}

void
ipms_product_list_set_search_text (IpmsProductList *self,
                                   const char      *text)
{
  g_return_if_fail (IPMS_IS_PRODUCT_LIST (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* Without waiting for the entry's delay. */
  filter_changed_cb (self);
}

char *
ipms_product_list_dup_cell_text (IpmsProductList *self,
                                 guint            position,
                                 const char      *column)
{
  g_autoptr(IpmsRecord) product = NULL;

  g_return_val_if_fail (IPMS_IS_PRODUCT_LIST (self), NULL);

  fill_now (self);
  product = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  return product != NULL ? dup_cell_text (self, product, column) : NULL;
}
