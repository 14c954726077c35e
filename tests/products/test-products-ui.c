/* test-products-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PRDs section under a display, in a project window: the product list
 * (sorting, filters, 10,000 products), a PRD opened from the list and from
 * another section and back, a header field and a table row edited through
 * their widgets with undo and redo, a change to many products, duplicate
 * and delete with the toast's undo, the empty state, accessible names, and
 * screenshots (light and dark, wide and 360 px) in $IPMS_TEST_ARTIFACTS.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include <adwaita.h>

#include "ipms-application.h"
#include "ipms-example.h"
#include "ipms-field-row.h"
#include "ipms-prd-counter.h"
#include "ipms-prd-editor.h"
#include "ipms-product-list.h"
#include "ipms-products-page.h"
#include "ipms-products.h"
#include "ipms-record-list.h"
#include "ipms-record-table.h"
#include "ipms-table-text.h"
#include "ipms-test-utils.h"
#include "ipms-window.h"

static IpmsApplication *app;

typedef struct
{
  IpmsDocument *document;
  IpmsWindow   *window;
} Fixture;

static void
open_window (Fixture      *fixture,
             IpmsDocument *document)
{
  fixture->document = document;
  fixture->window = ipms_window_new (app, document);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));
}

static void
example_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  IpmsDocument *document = ipms_example_new_draft (NULL, &error);

  g_assert_no_error (error);
  open_window (fixture, document);
}

static void
empty_set_up (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ipms_test_make_temp_path ("products.ipms");
  IpmsDocument *document = ipms_document_create (path, "Products", &error);

  g_assert_no_error (error);
  open_window (fixture, document);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->document);
}

static IpmsProductsPage *
show_prds (Fixture *fixture)
{
  GtkWidget *page;

  ipms_window_set_section (fixture->window, "prds");
  page = ipms_window_get_section_page (fixture->window, "prds");
  g_assert_true (IPMS_IS_PRODUCTS_PAGE (page));
  g_assert_true (ipms_test_wait_for_paint (page));

  return IPMS_PRODUCTS_PAGE (page);
}

static IpmsProductList *
list_of (IpmsProductsPage *page)
{
  return IPMS_PRODUCT_LIST (ipms_products_page_get_list (page));
}

static IpmsPrdEditor *
editor_of (IpmsProductsPage *page)
{
  return IPMS_PRD_EDITOR (ipms_products_page_get_editor (page));
}

static guint
n_shown (IpmsProductList *list)
{
  return g_list_model_get_n_items (G_LIST_MODEL (ipms_product_list_get_selection (list)));
}

static IpmsRecord *
shown (IpmsProductList *list,
       guint            position)
{
  g_autoptr(IpmsRecord) record = g_list_model_get_item (G_LIST_MODEL (ipms_product_list_get_selection (list)),
                                                        position);

  /* The document keeps it alive. */
  return record;
}

static void
action (GtkWidget  *widget,
        const char *name)
{
  g_assert_true (gtk_widget_activate_action (widget, name, NULL));
}

static void
type_into (GtkWidget  *row,
           const char *text)
{
  GtkWidget *editor = ipms_field_row_get_editor (IPMS_FIELD_ROW (row));

  gtk_widget_grab_focus (editor);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      char c[8] = { 0 };

      g_unichar_to_utf8 (g_utf8_get_char (p), c);
      if (GTK_IS_TEXT_VIEW (editor))
        gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor)), c, -1);
      else
        {
          int position = -1;

          gtk_editable_insert_text (GTK_EDITABLE (editor), c, -1, &position);
        }
    }
}

static void
replace_text (GtkWidget  *row,
              const char *text)
{
  GtkWidget *editor = ipms_field_row_get_editor (IPMS_FIELD_ROW (row));

  gtk_widget_grab_focus (editor);
  gtk_editable_set_text (GTK_EDITABLE (editor), text);
}

static void
flush (Fixture *fixture)
{
  ipms_field_binding_flush_all (fixture->document);
}

/* The list: every product, sorted by a column, filtered. */
static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  IpmsProductsPage *page = show_prds (fixture);
  IpmsProductList *list = list_of (page);
  guint n = ipms_document_count_rows (fixture->document, "product");
  GtkColumnView *view = NULL;
  g_autoptr(GtkColumnViewColumn) price = NULL;
  GtkDropDown *grade = NULL;
  guint n_grade_r = 0;
  g_autofree char *text = NULL;

  g_assert_cmpuint (n, >, 10);
  g_assert_cmpuint (n_shown (list), ==, n);
  g_assert_false (ipms_products_page_get_editing (page));

  /* By name at first, numbers in names by their value. */
  for (guint i = 1; i < n; i++)
    {
      g_autofree char *a = g_utf8_collate_key_for_filename (ipms_record_get_string (shown (list, i - 1), "name"), -1);
      g_autofree char *b = g_utf8_collate_key_for_filename (ipms_record_get_string (shown (list, i), "name"), -1);

      g_assert_cmpint (strcmp (a, b), <=, 0);
    }
  {
    static const char * const names[] = { "Model 10", "Model 9" };
    IpmsRecord *renamed[2] = { shown (list, 0), shown (list, 1) };
    guint position[2] = { 0, 0 };
    g_autoptr(GError) error = NULL;

    for (guint k = 0; k < 2; k++)
      {
        g_auto(GValue) value = G_VALUE_INIT;

        g_value_init (&value, G_TYPE_STRING);
        g_value_set_string (&value, names[k]);
        g_assert_true (ipms_document_edit_value (fixture->document, "Rename", NULL, "product",
                                                 ipms_record_get_id (renamed[k]), "name", &value, &error));
        g_assert_no_error (error);
      }
    for (guint i = 0; i < n; i++)
      for (guint k = 0; k < 2; k++)
        if (shown (list, i) == renamed[k])
          position[k] = i;
    g_assert_cmpuint (position[1], <, position[0]);
    for (guint k = 0; k < 2; k++)
      {
        g_assert_true (ipms_document_undo (fixture->document, &error));
        g_assert_no_error (error);
      }
  }

  /* By price, the most expensive first. */
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (list)); w != NULL && view == NULL;)
    {
      if (GTK_IS_COLUMN_VIEW (w))
        view = GTK_COLUMN_VIEW (w);
      else if (gtk_widget_get_first_child (w) != NULL)
        {
          w = gtk_widget_get_first_child (w);
          continue;
        }
      while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
        w = gtk_widget_get_parent (w);
      if (w != NULL)
        w = gtk_widget_get_next_sibling (w);
    }
  g_assert_nonnull (view);
  price = g_list_model_get_item (gtk_column_view_get_columns (view), 4);
  g_assert_cmpstr (gtk_column_view_column_get_title (price), ==, "Price");
  gtk_column_view_sort_by_column (view, price, GTK_SORT_DESCENDING);
  for (guint i = 1; i < n; i++)
    if (!ipms_record_is_null (shown (list, i), "price"))
      g_assert_cmpfloat (ipms_record_get_double (shown (list, i - 1), "price"), >=,
                         ipms_record_get_double (shown (list, i), "price"));
  text = ipms_product_list_dup_cell_text (list, 0, "margin");
  g_assert_true (g_str_has_suffix (text, "%"));
  g_clear_pointer (&text, g_free);
  text = ipms_product_list_dup_cell_text (list, 0, "prd");
  g_assert_true (g_str_has_suffix (text, "/ 7"));

  /* The grade filter: only the flagships. */
  for (guint i = 0; i < n; i++)
    n_grade_r += g_str_equal (ipms_record_get_string (shown (list, i), "grade"), "R");
  g_assert_cmpuint (n_grade_r, >, 0);
  g_assert_cmpuint (n_grade_r, <, n);
  {
    GtkWidget *w = GTK_WIDGET (list);
    GPtrArray *stack = g_ptr_array_new ();
    guint dropdowns = 0;

    g_ptr_array_add (stack, w);
    while (stack->len > 0)
      {
        w = g_ptr_array_steal_index (stack, stack->len - 1);
        if (GTK_IS_DROP_DOWN (w) && dropdowns++ == 1)
          grade = GTK_DROP_DOWN (w);
        for (GtkWidget *c = gtk_widget_get_last_child (w); c != NULL; c = gtk_widget_get_prev_sibling (c))
          g_ptr_array_add (stack, c);
      }
    g_ptr_array_unref (stack);
  }
  g_assert_nonnull (grade);
  gtk_drop_down_set_selected (grade, 1);   /* after "All grades": R */
  g_assert_cmpuint (n_shown (list), ==, n_grade_r);
  gtk_drop_down_set_selected (grade, 0);
  g_assert_cmpuint (n_shown (list), ==, n);

  /* Text: a name matches in any case; nothing matches "zzz". */
  ipms_product_list_set_search_text (list, "FEEDER");
  g_assert_cmpuint (n_shown (list), >, 0);
  g_assert_cmpuint (n_shown (list), <, n);
  ipms_product_list_set_search_text (list, "zzz-no-such-product");
  g_assert_cmpuint (n_shown (list), ==, 0);
  ipms_product_list_set_search_text (list, "");
  g_assert_cmpuint (n_shown (list), ==, n);
}

/* A PRD opened from another section and from the list, a header field and
 * a table row edited through the widgets, undo and redo, Back. */
static void
test_open_and_edit (Fixture       *fixture,
                    gconstpointer  data)
{
  IpmsProductsPage *page;
  IpmsPrdEditor *editor;
  IpmsRecord *product = ipms_document_get_record (fixture->document, "product", 1);
  g_autofree char *name = g_strdup (ipms_record_get_string (product, "name"));
  g_autofree char *renamed = g_strconcat (name, " Plus", NULL);
  IpmsRecordTable *faq;
  guint n_faq;
  GtkWidget *cell = NULL;

  ipms_window_set_section (fixture->window, "panorama");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-prd", "x", (gint64) 1));
  g_assert_cmpstr (ipms_window_get_section (fixture->window), ==, "prds");
  page = IPMS_PRODUCTS_PAGE (ipms_window_get_section_page (fixture->window, "prds"));
  editor = editor_of (page);
  g_assert_true (ipms_products_page_get_editing (page));
  g_assert_cmpint (ipms_prd_editor_get_product_id (editor), ==, 1);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (editor)));
  /* The list under the editor is hidden once the crossfade is over: GTK
   * 4.8 would go on styling it in every frame of the editor. */
  {
    GtkStack *stack = GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (editor)));

    while (gtk_stack_get_transition_running (stack))
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (list_of (page))));
  }

  /* Every column of the product is in the editor, but its order in its
   * panorama cell: the panorama's to change, by dragging. */
  {
    const IpmsTable *table = ipms_schema_lookup_table ("product");

    g_assert_null (ipms_prd_editor_get_field (editor, "cell_order"));
    for (guint c = 0; c < table->n_columns; c++)
      if (!g_str_equal (table->columns[c].name, "cell_order") &&
          ipms_prd_editor_get_field (editor, table->columns[c].name) == NULL)
        g_error ("product.%s is not in the PRD editor", table->columns[c].name);
    for (guint t = 0; t < IPMS_PRD_N_TABLES; t++)
      g_assert_true (IPMS_IS_RECORD_TABLE (ipms_prd_editor_get_table (editor, ipms_prd_table_get_name (t))));
  }

  /* The header: the name typed, one undo step; the margin follows the cost. */
  type_into (ipms_prd_editor_get_field (editor, "name"), " Plus");
  flush (fixture);
  g_assert_cmpstr (ipms_record_get_string (product, "name"), ==, renamed);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpstr (ipms_record_get_string (product, "name"), ==, name);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL);
  g_assert_cmpstr (ipms_record_get_string (product, "name"), ==, renamed);

  replace_text (ipms_prd_editor_get_field (editor, "price"), "200");
  replace_text (ipms_prd_editor_get_field (editor, "cost"), "50");
  flush (fixture);
  g_assert_cmpfloat (ipms_record_get_double (product, "cost"), ==, 50.0);
  g_assert_cmpstr (ipms_prd_editor_get_margin_text (editor), ==, "75%");

  /* A FAQ row added and written through its cell. */
  faq = IPMS_RECORD_TABLE (ipms_prd_editor_get_table (editor, "faq"));
  n_faq = g_list_model_get_n_items (G_LIST_MODEL (ipms_record_table_get_list (faq)));
  action (GTK_WIDGET (faq), "table.add");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ipms_record_table_get_list (faq))), ==, n_faq + 1);
  for (guint i = 0; i < 20 && cell == NULL; i++)
    {
      g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (faq)));
      cell = ipms_record_table_get_cell (faq, n_faq, 0);
    }
  g_assert_nonnull (cell);
  type_into (cell, "Does it work offline?");
  flush (fixture);
  {
    IpmsRecord *row = ipms_record_list_get_record (ipms_record_table_get_list (faq), n_faq);

    g_assert_cmpstr (ipms_record_get_string (row, "question"), ==, "Does it work offline?");
    g_assert_cmpint (ipms_record_get_int (row, "product_id"), ==, 1);
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
    g_assert_cmpstr (ipms_record_get_string (row, "question"), ==, "");
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL);
    g_assert_cmpstr (ipms_record_get_string (row, "question"), ==, "Does it work offline?");
  }

  /* Back to the section it came from. */
  action (GTK_WIDGET (editor), "products-page.back");
  g_assert_cmpstr (ipms_window_get_section (fixture->window), ==, "panorama");
  g_assert_false (ipms_products_page_get_editing (page));

  /* From the list, Back goes back to the list. */
  page = show_prds (fixture);
  gtk_selection_model_select_item (ipms_product_list_get_selection (list_of (page)), 2, TRUE);
  action (ipms_products_page_get_list (page), "products.open");
  g_assert_true (ipms_products_page_get_editing (page));
  g_assert_cmpint (ipms_prd_editor_get_product_id (editor_of (page)), ==,
                   ipms_record_get_id (shown (list_of (page), 2)));
  action (GTK_WIDGET (editor_of (page)), "products-page.back");
  g_assert_cmpstr (ipms_window_get_section (fixture->window), ==, "prds");
  g_assert_false (ipms_products_page_get_editing (page));
  /* Its row is still the selected one. */
  g_assert_true (gtk_selection_model_is_selected (ipms_product_list_get_selection (list_of (page)), 2));
}

static void
select_first (IpmsProductList *list,
              guint            n)
{
  GtkSelectionModel *selection = ipms_product_list_get_selection (list);

  gtk_selection_model_unselect_all (selection);
  gtk_selection_model_select_range (selection, 0, n, TRUE);
}

/* Grade, status, series, owner of several products at once: one step. */
static void
test_bulk_set (Fixture       *fixture,
               gconstpointer  data)
{
  IpmsProductList *list = list_of (show_prds (fixture));
  IpmsRecord *products[3];
  char *grades[3];

  select_first (list, 3);

  /* The Set menu offers the four columns, made when it opens. */
  {
    GtkWidget *w = GTK_WIDGET (list);
    GtkMenuButton *button = NULL;
    g_autoptr(GPtrArray) stack = g_ptr_array_new ();

    g_ptr_array_add (stack, w);
    while (stack->len > 0 && button == NULL)
      {
        w = g_ptr_array_steal_index (stack, stack->len - 1);
        if (GTK_IS_MENU_BUTTON (w))
          button = GTK_MENU_BUTTON (w);
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
          g_ptr_array_add (stack, c);
      }
    g_assert_nonnull (button);
    gtk_menu_button_popup (button);
    g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (list)));
    g_assert_nonnull (gtk_menu_button_get_menu_model (button));
    g_assert_cmpint (g_menu_model_get_n_items (gtk_menu_button_get_menu_model (button)), ==, 4);
    gtk_menu_button_popdown (button);
  }

  for (guint i = 0; i < 3; i++)
    {
      products[i] = shown (list, i);
      grades[i] = g_strdup (ipms_record_get_string (products[i], "grade"));
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "products.set-grade", "s", "F"));
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (ipms_record_get_string (products[i], "grade"), ==, "F");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "products.set-owner", "x", (gint64) 0));
  for (guint i = 0; i < 3; i++)
    g_assert_true (ipms_record_is_null (products[i], "owner_id"));

  /* The selection stays on the same products while they change. */
  g_assert_true (gtk_selection_model_is_selected (ipms_product_list_get_selection (list), 0));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpstr (ipms_record_get_string (products[i], "grade"), ==, grades[i]);
      g_free (grades[i]);
    }
}

/* Duplicate with the PRD rows, delete, and the toast's Undo. */
static void
test_duplicate_delete (Fixture       *fixture,
                       gconstpointer  data)
{
  IpmsProductList *list = list_of (show_prds (fixture));
  guint n = ipms_document_count_rows (fixture->document, "product");
  guint n_specs = ipms_document_count_rows (fixture->document, "product_spec");
  IpmsRecord *first;
  gint64 first_id;
  g_autoptr(GPtrArray) first_specs = NULL;
  g_autoptr(GtkBitset) selected = NULL;

  select_first (list, 1);
  first = shown (list, 0);
  first_id = ipms_record_get_id (first);
  first_specs = ipms_document_query (fixture->document, "product_spec", "product_id", first_id, NULL);

  action (GTK_WIDGET (list), "products.duplicate");
  g_assert_cmpuint (ipms_document_count_rows (fixture->document, "product"), ==, n + 1);
  g_assert_cmpuint (ipms_document_count_rows (fixture->document, "product_spec"), ==, n_specs + first_specs->len);
  /* The copy is selected, and it is not the original. */
  selected = gtk_selection_model_get_selection (ipms_product_list_get_selection (list));
  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
  g_assert_cmpint (ipms_record_get_id (shown (list, gtk_bitset_get_nth (selected, 0))), !=, first_id);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpuint (ipms_document_count_rows (fixture->document, "product"), ==, n);
  g_assert_cmpuint (ipms_document_count_rows (fixture->document, "product_spec"), ==, n_specs);

  select_first (list, 1);
  first = shown (list, 0);
  first_id = ipms_record_get_id (first);
  action (GTK_WIDGET (list), "products.delete");
  g_assert_cmpuint (ipms_document_count_rows (fixture->document, "product"), ==, n - 1);
  g_assert_null (ipms_document_get_record (fixture->document, "product", first_id));
  g_assert_cmpuint (n_shown (list), ==, n - 1);
  /* The toast's button is win.undo. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_nonnull (ipms_document_get_record (fixture->document, "product", first_id));
  g_assert_cmpuint (n_shown (list), ==, n);
  g_assert_cmpuint (ipms_document_count_rows (fixture->document, "product_spec"), ==, n_specs);
}

/* A new project: the empty state says how to start, and Add opens the PRD. */
static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  IpmsProductsPage *page = show_prds (fixture);
  GtkWidget *list = ipms_products_page_get_list (page);
  GtkStack *stack = NULL;

  for (GtkWidget *w = list; w != NULL && stack == NULL; w = gtk_widget_get_first_child (w))
    for (GtkWidget *c = w; c != NULL && stack == NULL; c = gtk_widget_get_next_sibling (c))
      if (GTK_IS_STACK (c))
        stack = GTK_STACK (c);
  g_assert_nonnull (stack);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_true (ADW_IS_STATUS_PAGE (gtk_stack_get_visible_child (stack)));

  action (list, "products.add");
  g_assert_cmpuint (ipms_document_count_rows (fixture->document, "product"), ==, 1);
  g_assert_true (ipms_products_page_get_editing (page));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "table");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpuint (ipms_document_count_rows (fixture->document, "product"), ==, 0);
  /* Its product gone, the editor goes back to the list. */
  g_assert_false (ipms_products_page_get_editing (page));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  tooltip)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* A new plan has no series: the PRD's header makes one, with the product
 * in it, in one undo step (its Series read only "None" before). */
static void
test_new_series (Fixture       *fixture,
                 gconstpointer  data)
{
  IpmsProductsPage *page = show_prds (fixture);
  g_autoptr(GPtrArray) products = NULL;
  GtkWidget *button;
  AdwMessageDialog *dialog;
  IpmsRecord *product;
  gint64 series_id;

  action (ipms_products_page_get_list (page), "products.add");
  g_assert_true (ipms_products_page_get_editing (page));
  products = ipms_document_query (fixture->document, "product", NULL, 0, NULL);
  product = g_ptr_array_index (products, 0);
  g_assert_cmpuint (ipms_document_count_rows (fixture->document, "series"), ==, 0);

  button = ipms_test_find_widget (GTK_WIDGET (editor_of (page)), GTK_TYPE_BUTTON, has_tooltip, _("New Series…"));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  dialog = ADW_MESSAGE_DIALOG (ipms_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, 0));
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Outdoor");
  adw_message_dialog_response (dialog, "create");

  series_id = ipms_record_get_int (product, "series_id");
  g_assert_cmpint (series_id, !=, 0);
  g_assert_cmpstr (ipms_record_get_string (ipms_document_get_record (fixture->document, "series", series_id), "name"),
                   ==, "Outdoor");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpuint (ipms_document_count_rows (fixture->document, "series"), ==, 0);
  g_assert_true (ipms_record_is_null (product, "series_id"));
}

/* Tab goes through the toolbar past the buttons that need a selection
 * (GTK 4.8's flow box kept it on "Add Product" when nothing was
 * selected), on to the search. */
static void
test_tab_through_toolbar (Fixture       *fixture,
                          gconstpointer  data)
{
  IpmsProductsPage *page = show_prds (fixture);
  GtkWidget *list = ipms_products_page_get_list (page);
  GtkWidget *add = NULL;
  GtkWidget *focus;

  gtk_selection_model_unselect_all (ipms_product_list_get_selection (IPMS_PRODUCT_LIST (list)));
  for (GtkWidget *w = list; w != NULL; w = gtk_widget_get_first_child (w))
    if (GTK_IS_FLOW_BOX (w))
      {
        add = gtk_flow_box_child_get_child (gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (w), 0));
        break;
      }
  g_assert_true (GTK_IS_BUTTON (add));
  g_assert_true (gtk_widget_grab_focus (add));

  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus != add);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (focus)), ==, _("Export…"));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY));
}

/* 10,000 products: one list model, widgets only for the rows on screen.
 * The cells are IpmsTableTexts, the rest labels. */
static guint
count_labels (GtkWidget *widget)
{
  guint n = GTK_IS_LABEL (widget) || IPMS_IS_TABLE_TEXT (widget) ? 1 : 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    n += count_labels (c);

  return n;
}

static gboolean
has_descendant (GtkWidget *widget,
                GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) || has_descendant (child, type))
      return TRUE;

  return FALSE;
}

static void
test_many (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  IpmsProductsPage *page;
  IpmsProductList *list;
  gint64 start;
  double seconds;

  g_assert_true (ipms_document_begin_edit (fixture->document, "Many", NULL, &error));
  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Product %05u", i);
      gint64 id = ipms_document_insert (fixture->document, "product", 0, NULL, &error);

      g_assert_true (ipms_document_set_string (fixture->document, "product", id, "name", name, &error));
      g_assert_true (ipms_document_set_double (fixture->document, "product", id, "price", i % 997, &error));
    }
  g_assert_true (ipms_document_commit_edit (fixture->document, &error));
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  page = show_prds (fixture);
  list = list_of (page);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  /* The PRD editor is made when a PRD is first opened, not with the list. */
  g_assert_false (has_descendant (GTK_WIDGET (page), IPMS_TYPE_PRD_EDITOR));
  g_test_message ("10,000 products shown in %.2f s", seconds);
  g_assert_cmpuint (n_shown (list), ==, 10000);
  /* GTK 4.8's list keeps about 200 rows of cells, whatever the count;
   * a widget per product would be 110,000 labels. */
  g_test_message ("%u labels", count_labels (GTK_WIDGET (list)));
  g_assert_cmpuint (count_labels (GTK_WIDGET (list)), <, 4000);

  /* A change to one product moves its row, without a rebuild. */
  {
    g_auto(GValue) value = G_VALUE_INIT;
    IpmsRecord *last = shown (list, 9999);

    g_value_init (&value, G_TYPE_STRING);
    g_value_set_string (&value, "A first");
    g_assert_true (ipms_document_edit_value (fixture->document, "Rename", NULL, "product",
                                             ipms_record_get_id (last), "name", &value, &error));
    g_assert_true (shown (list, 0) == last);
  }
  start = g_get_monotonic_time ();
  ipms_product_list_set_search_text (list, "product 0998");
  g_assert_cmpuint (n_shown (list), ==, 10);
  ipms_product_list_set_search_text (list, "");
  g_test_message ("filtered twice in %.2f s", (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (list)));
}

static GtkColumnView *
find_column_view (GtkWidget *widget)
{
  if (GTK_IS_COLUMN_VIEW (widget))
    return GTK_COLUMN_VIEW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkColumnView *view = find_column_view (child);

      if (view != NULL)
        return view;
    }

  return NULL;
}

#define N_FILL_PRODUCTS 300

static void
many_set_up (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  empty_set_up (fixture, data);
  g_assert_true (ipms_document_begin_edit (fixture->document, "Many", NULL, &error));
  for (guint i = 0; i < N_FILL_PRODUCTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Product %03u", i);
      gint64 id = ipms_document_insert (fixture->document, "product", 0, NULL, &error);

      g_assert_true (ipms_document_set_string (fixture->document, "product", id, "name", name, &error));
    }
  g_assert_true (ipms_document_commit_edit (fixture->document, &error));
  g_assert_no_error (error);
}

/* The rows the list has made so far, by its view's own model, which
 * (unlike ipms_product_list_get_selection()) does not take in the rest. */
static guint
n_let_in (IpmsProductList *list)
{
  GtkColumnView *view = find_column_view (GTK_WIDGET (list));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
}

/* GTK 4.8 makes about 200 rows of cells for any list: the list's first
 * frame shows the first products only, and the rest come in over the
 * idles after it, in order. */
static void
test_fill_in_steps (Fixture       *fixture,
                    gconstpointer  data)
{
  IpmsProductList *list = list_of (show_prds (fixture));
  guint first_labels = count_labels (GTK_WIDGET (list));
  guint n_steps = 0;

  g_assert_cmpuint (n_let_in (list), <, 100);
  g_assert_cmpuint (n_let_in (list), >, 0);
  while (n_let_in (list) < N_FILL_PRODUCTS && n_steps++ < 100)
    g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (list)));
  g_assert_cmpuint (n_let_in (list), ==, N_FILL_PRODUCTS);
  g_test_message ("%u labels in the first frame, %u after %u frames",
                  first_labels, count_labels (GTK_WIDGET (list)), n_steps);
  g_assert_cmpuint (count_labels (GTK_WIDGET (list)), >, 2 * first_labels);

  for (guint i = 0; i < N_FILL_PRODUCTS; i++)
    {
      g_autofree char *expected = g_strdup_printf ("Product %03u", i);
      g_autofree char *name = ipms_product_list_dup_cell_text (list, i, "name");

      g_assert_cmpstr (name, ==, expected);
    }
}

/* A key pressed in the list, or a product selected from elsewhere, finds
 * every product there at once: End goes to the last one, Select All selects
 * them all. */
static void
test_fill_at_once (Fixture       *fixture,
                   gconstpointer  data)
{
  IpmsProductsPage *page = show_prds (fixture);
  IpmsProductList *list = list_of (page);
  GtkSelectionModel *selection;
  g_autoptr(GtkBitset) selected = NULL;
  IpmsRecord *last;

  g_assert_cmpuint (n_let_in (list), <, N_FILL_PRODUCTS);
  ipms_test_press_key (GTK_WIDGET (list), GDK_KEY_End, 0);
  g_assert_cmpuint (n_let_in (list), ==, N_FILL_PRODUCTS);

  selection = ipms_product_list_get_selection (list);
  gtk_selection_model_select_all (selection);
  selected = gtk_selection_model_get_selection (selection);
  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, N_FILL_PRODUCTS);

  last = shown (list, N_FILL_PRODUCTS - 1);
  ipms_product_list_select_product (list, ipms_record_get_id (last));
  g_assert_true (gtk_selection_model_is_selected (selection, N_FILL_PRODUCTS - 1));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (list)));
}

/* Sorted by PRD completeness, a product whose PRD rows go moves to its new
 * place at once: the rows are the product's, not the product itself. */
static void
test_prd_sort_live (Fixture       *fixture,
                    gconstpointer  data)
{
  IpmsProductList *list = list_of (show_prds (fixture));
  GtkColumnView *view = find_column_view (GTK_WIDGET (list));
  g_autoptr(IpmsPrdCounter) counter = ipms_prd_counter_new (fixture->document);
  g_autoptr(GtkColumnViewColumn) prd = NULL;
  g_autoptr(GError) error = NULL;
  guint n = n_shown (list);
  IpmsRecord *most;
  guint before;

  g_assert_nonnull (view);
  prd = g_list_model_get_item (gtk_column_view_get_columns (view), 10);
  g_assert_cmpstr (gtk_column_view_column_get_title (prd), ==, "PRD");
  gtk_column_view_sort_by_column (view, prd, GTK_SORT_ASCENDING);
  for (guint i = 1; i < n; i++)
    g_assert_cmpuint (ipms_prd_counter_get_filled (counter, shown (list, i - 1)), <=,
                      ipms_prd_counter_get_filled (counter, shown (list, i)));

  /* The most complete PRD loses its rows: below the least complete one. */
  most = shown (list, n - 1);
  before = ipms_prd_counter_get_filled (counter, most);
  g_assert_cmpuint (before, >, ipms_prd_counter_get_filled (counter, shown (list, 0)));
  g_assert_true (ipms_document_begin_edit (fixture->document, "Clear the PRD rows", NULL, &error));
  for (guint t = 0; t < IPMS_PRD_N_TABLES; t++)
    {
      g_autoptr(GPtrArray) rows = ipms_document_query (fixture->document, ipms_prd_table_get_name (t),
                                                       "product_id", ipms_record_get_id (most), NULL);

      for (guint i = 0; i < rows->len; i++)
        g_assert_true (ipms_document_delete (fixture->document, ipms_prd_table_get_name (t),
                                             ipms_record_get_id (g_ptr_array_index (rows, i)), &error));
    }
  g_assert_true (ipms_document_commit_edit (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ipms_prd_counter_get_filled (counter, most), <, before);

  g_assert_true (shown (list, n - 1) != most);
  for (guint i = 1; i < n; i++)
    g_assert_cmpuint (ipms_prd_counter_get_filled (counter, shown (list, i - 1)), <=,
                      ipms_prd_counter_get_filled (counter, shown (list, i)));

  /* And back with the undo. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_true (shown (list, n - 1) == most || ipms_prd_counter_get_filled (counter, shown (list, n - 1)) == before);
  for (guint i = 1; i < n; i++)
    g_assert_cmpuint (ipms_prd_counter_get_filled (counter, shown (list, i - 1)), <=,
                      ipms_prd_counter_get_filled (counter, shown (list, i)));

  /* The product's own texts count too: emptied, they move it and its cell. */
  most = shown (list, n - 1);
  before = ipms_prd_counter_get_filled (counter, most);
  g_assert_true (ipms_document_begin_edit (fixture->document, "Clear the texts", NULL, &error));
  for (const char * const *column = (const char *[]) { "concept", "scenarios", "selling_points", NULL };
       *column != NULL; column++)
    g_assert_true (ipms_document_set_string (fixture->document, "product", ipms_record_get_id (most), *column, NULL,
                                             &error));
  g_assert_true (ipms_document_commit_edit (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ipms_prd_counter_get_filled (counter, most), ==, before - 3);
  g_assert_true (shown (list, n - 1) != most);
  for (guint i = 1; i < n; i++)
    {
      g_autofree char *text = ipms_product_list_dup_cell_text (list, i, "prd");
      g_autofree char *expected = g_strdup_printf ("%u / %u", ipms_prd_counter_get_filled (counter, shown (list, i)),
                                                   (guint) IPMS_PRD_N_SECTIONS);

      g_assert_cmpuint (ipms_prd_counter_get_filled (counter, shown (list, i - 1)), <=,
                        ipms_prd_counter_get_filled (counter, shown (list, i)));
      g_assert_cmpstr (text, ==, expected);
    }
}

static void
collect_cell_texts (GtkWidget  *widget,
                    GHashTable *texts)
{
  if (IPMS_IS_TABLE_TEXT (widget))
    g_hash_table_add (texts, g_strdup (ipms_table_text_get_text (IPMS_TABLE_TEXT (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cell_texts (child, texts);
}

/* Off screen, the list keeps its rows as they were shown; shown again, it
 * catches up with what changed meanwhile: a product renamed (and so moved)
 * and the project's currency, which every price cell shows. */
static void
test_hidden_catch_up (Fixture       *fixture,
                      gconstpointer  data)
{
  IpmsProductList *list = list_of (show_prds (fixture));
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *old_name = NULL;
  g_autofree char *old_price = NULL;
  guint n = n_shown (list);
  IpmsRecord *first = shown (list, 0);

  old_name = g_strdup (ipms_record_get_string (first, "name"));
  old_price = ipms_product_list_dup_cell_text (list, 0, "price");
  collect_cell_texts (GTK_WIDGET (list), texts);
  g_assert_true (g_hash_table_contains (texts, old_name));
  g_assert_true (g_hash_table_contains (texts, old_price));

  ipms_window_set_section (fixture->window, "panorama");
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (list)));

  {
    g_auto(GValue) value = G_VALUE_INIT;

    g_value_init (&value, G_TYPE_STRING);
    g_value_set_string (&value, "Zz last of all");
    g_assert_true (ipms_document_edit_value (fixture->document, "Rename", NULL, "product",
                                             ipms_record_get_id (first), "name", &value, &error));
    g_value_set_string (&value, "EUR");
    g_assert_true (ipms_document_edit_value (fixture->document, "Currency", NULL, "project",
                                             ipms_record_get_id (ipms_document_get_project (fixture->document)),
                                             "currency", &value, &error));
  }
  /* Hidden, the rows stand as they were shown. */
  g_assert_true (shown (list, 0) == first);

  show_prds (fixture);
  g_assert_cmpuint (n_shown (list), ==, n);
  g_assert_true (shown (list, n - 1) == first);
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (g_utf8_collate (ipms_record_get_string (shown (list, i - 1), "name"),
                                     ipms_record_get_string (shown (list, i), "name")), <=, 0);

  g_hash_table_remove_all (texts);
  collect_cell_texts (GTK_WIDGET (list), texts);
  g_assert_true (g_hash_table_contains (texts, "Zz last of all"));
  g_assert_false (g_hash_table_contains (texts, old_name));
  g_assert_false (g_hash_table_contains (texts, old_price));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *price = ipms_product_list_dup_cell_text (list, i, "price");

      g_assert_true (g_hash_table_contains (texts, price));
    }

  /* The currency alone, with no product changed to rebind a row. */
  ipms_window_set_section (fixture->window, "panorama");
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));
  {
    g_auto(GValue) value = G_VALUE_INIT;

    g_value_init (&value, G_TYPE_STRING);
    g_value_set_string (&value, "USD");
    g_assert_true (ipms_document_edit_value (fixture->document, "Currency", NULL, "project",
                                             ipms_record_get_id (ipms_document_get_project (fixture->document)),
                                             "currency", &value, &error));
  }
  show_prds (fixture);
  g_hash_table_remove_all (texts);
  collect_cell_texts (GTK_WIDGET (list), texts);
  g_assert_true (g_hash_table_contains (texts, old_price));
}

/* The specifications by kind: the kinds of the schema above the table, one
 * picked shows its rows only, and a row added then is of that kind. */
static void
test_spec_kinds (Fixture       *fixture,
                 gconstpointer  data)
{
  const IpmsColumn *kind = ipms_table_lookup_column (ipms_schema_lookup_table ("product_spec"), "kind");
  g_autoptr(GPtrArray) specs = ipms_document_query (fixture->document, "product_spec", NULL, 0, NULL);
  IpmsProductsPage *page;
  IpmsPrdEditor *editor;
  IpmsRecordTable *table;
  GtkDropDown *filter;
  GListModel *items;
  gint64 product_id;
  const char *code;
  guint n_all, n_kind = 0, n_choices = 0;
  int picked;

  g_assert_cmpuint (specs->len, >, 0);
  product_id = ipms_record_get_int (g_ptr_array_index (specs, 0), "product_id");
  code = ipms_record_get_string (g_ptr_array_index (specs, 0), "kind");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-prd", "x", product_id));
  page = IPMS_PRODUCTS_PAGE (ipms_window_get_section_page (fixture->window, "prds"));
  editor = editor_of (page);
  table = IPMS_RECORD_TABLE (ipms_prd_editor_get_table (editor, "product_spec"));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (editor)));

  /* "All kinds", then the schema's labels. */
  filter = ipms_prd_editor_get_spec_kind_filter (editor);
  g_assert_nonnull (filter);
  items = gtk_drop_down_get_model (filter);
  while (kind->choices[n_choices].code != NULL)
    n_choices++;
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, n_choices + 1);
  for (guint i = 0; i < n_choices; i++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (items), i + 1), ==,
                     ipms_choice_get_label (&kind->choices[i]));
  g_assert_cmpuint (gtk_drop_down_get_selected (filter), ==, 0);

  n_all = g_list_model_get_n_items (G_LIST_MODEL (ipms_record_table_get_list (table)));
  g_assert_cmpuint (g_list_model_get_n_items (ipms_record_table_get_shown (table)), ==, n_all);
  for (guint i = 0; i < n_all; i++)
    n_kind += g_str_equal (ipms_record_get_string (ipms_record_list_get_record (ipms_record_table_get_list (table), i),
                                                   "kind"), code);
  g_assert_cmpuint (n_kind, <, n_all);

  /* One kind. */
  picked = ipms_column_find_choice (kind, code);
  gtk_drop_down_set_selected (filter, picked + 1);
  g_assert_cmpuint (g_list_model_get_n_items (ipms_record_table_get_shown (table)), ==, n_kind);
  for (guint i = 0; i < n_kind; i++)
    {
      g_autoptr(IpmsRecord) row = g_list_model_get_item (ipms_record_table_get_shown (table), i);

      g_assert_cmpstr (ipms_record_get_string (row, "kind"), ==, code);
    }

  /* A row added is of the kind shown, and is shown. */
  action (GTK_WIDGET (table), "table.add");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ipms_record_table_get_list (table))), ==, n_all + 1);
  g_assert_cmpuint (g_list_model_get_n_items (ipms_record_table_get_shown (table)), ==, n_kind + 1);
  {
    IpmsRecord *added = ipms_record_table_get_selected_record (table);

    g_assert_nonnull (added);
    g_assert_cmpstr (ipms_record_get_string (added, "kind"), ==, code);
  }
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (editor)));

  /* Each kind shows its rows; all of them again. */
  for (guint i = 0; i < n_choices; i++)
    {
      guint n = 0;

      for (guint r = 0; r <= n_all; r++)
        n += g_str_equal (ipms_record_get_string (ipms_record_list_get_record (ipms_record_table_get_list (table), r),
                                                  "kind"), kind->choices[i].code);
      gtk_drop_down_set_selected (filter, i + 1);
      g_assert_cmpuint (g_list_model_get_n_items (ipms_record_table_get_shown (table)), ==, n);
    }
  gtk_drop_down_set_selected (filter, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ipms_record_table_get_shown (table)), ==, n_all + 1);
}

/* Returns how many rows of the product table were checked. */
static guint
check_row_names (GtkWidget *widget)
{
  guint n = 0;

  /* The row of column titles is the column view's own child. */
  if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_ROW &&
      gtk_widget_get_mapped (widget) && gtk_widget_get_focusable (widget) &&
      !GTK_IS_COLUMN_VIEW (gtk_widget_get_parent (widget)))
    {
      g_autofree char *label = NULL;

      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL));
      label = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, "\x01");
      g_assert_nonnull (strstr (label, ", grade "));
      return 1;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += check_row_names (child);

  return n;
}

/* Every control has an accessible name, the label the user sees. */
static void
check_names (GtkWidget *widget,
             guint     *checked)
{
  gboolean control = GTK_IS_ENTRY (widget) || GTK_IS_TEXT_VIEW (widget) || GTK_IS_DROP_DOWN (widget) ||
                     GTK_IS_MENU_BUTTON (widget) || GTK_IS_BUTTON (widget) || GTK_IS_SEARCH_ENTRY (widget);

  if (control && gtk_widget_get_mapped (widget))
    {
      GtkWidget *row = gtk_widget_get_ancestor (widget, IPMS_TYPE_FIELD_ROW);

      if (GTK_IS_BUTTON (widget) &&
          gtk_widget_get_ancestor (gtk_widget_get_parent (widget), GTK_TYPE_MENU_BUTTON) != NULL)
        return;

      /* The focus goes to a drop-down's button: it says the field and the
       * choice shown, "Grade: S". */
      if (GTK_IS_TOGGLE_BUTTON (widget) && GTK_IS_DROP_DOWN (gtk_widget_get_parent (widget)))
        {
          g_autofree char *label = NULL;

          g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL));
          label = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, "\x01");
          if (row != NULL && !g_str_has_prefix (label, ipms_field_row_get_label (IPMS_FIELD_ROW (row))))
            g_error ("the button of %s reads “%s”", ipms_field_row_get_label (IPMS_FIELD_ROW (row)), label);
          (*checked)++;
          return;
        }

      if (row != NULL && ipms_field_row_get_editor (IPMS_FIELD_ROW (row)) == widget)
        {
          g_autofree char *message =
            gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                ipms_field_row_get_label (IPMS_FIELD_ROW (row)));
          if (message != NULL)
            g_error ("%s", message);
        }
      else if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) &&
               !(GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL) &&
               !(GTK_IS_BUTTON (widget) && ADW_IS_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (widget)))) &&
               !(GTK_IS_BUTTON (widget) && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (widget)))) &&
               row == NULL)
        g_error ("%s has no accessible name", G_OBJECT_TYPE_NAME (widget));
      else if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
        {
          g_autofree char *message =
            gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                gtk_button_get_label (GTK_BUTTON (widget)));
          if (message != NULL)
            g_error ("%s", message);
        }

      (*checked)++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_names (child, checked);
}

static void
test_accessible_names (Fixture       *fixture,
                       gconstpointer  data)
{
  IpmsProductsPage *page = show_prds (fixture);
  guint checked = 0;

  check_names (ipms_products_page_get_list (page), &checked);
  g_assert_cmpuint (checked, >, 8);
  /* The focus moves from row to row of the table: each says its product. */
  g_assert_cmpuint (check_row_names (ipms_products_page_get_list (page)), >, 8);

  ipms_products_page_open_prd (page, 1, NULL);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (page)));
  checked = 0;
  check_names (ipms_products_page_get_editor (page), &checked);
  g_test_message ("%u controls named in the PRD editor", checked);
  g_assert_cmpuint (checked, >, 30);
}

static void
save_shot (Fixture    *fixture,
           const char *name,
           const char *variant)
{
  g_autofree char *file = g_strdup_printf ("products-%s-%s", name, variant);
  g_autoptr(GdkTexture) texture = NULL;

  for (guint i = 0; i < 4; i++)
    g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));
  texture = ipms_test_save_widget_png (GTK_WIDGET (fixture->window), file);
  g_assert_cmpint (gdk_texture_get_width (texture), >, 0);
}

static void
shoot (Fixture    *fixture,
       const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *window = GTK_WIDGET (fixture->window);

  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 1000);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  save_shot (fixture, name, "wide");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  save_shot (fixture, name, "wide-dark");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  g_assert_true (ipms_test_wait_for_paint (window));
  adw_leaflet_set_visible_child (ADW_LEAFLET (gtk_widget_get_template_child (window, IPMS_TYPE_WINDOW, "leaflet")),
                                 GTK_WIDGET (gtk_widget_get_template_child (window, IPMS_TYPE_WINDOW, "content")));
  save_shot (fixture, name, "narrow-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  save_shot (fixture, name, "narrow");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static GtkScrolledWindow *
find_scrolled (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return GTK_SCROLLED_WINDOW (widget);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkScrolledWindow *found = find_scrolled (c);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The editor scrolled to `fraction` of its length, wide, light and dark. */
static void
shoot_scrolled (Fixture          *fixture,
                IpmsProductsPage *page,
                double            fraction,
                const char       *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkScrolledWindow *scrolled = find_scrolled (ipms_products_page_get_editor (page));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1600, 1000);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));
  gtk_adjustment_set_value (adjustment, fraction * (gtk_adjustment_get_upper (adjustment) -
                                                    gtk_adjustment_get_page_size (adjustment)));
  save_shot (fixture, name, "wide");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  save_shot (fixture, name, "wide-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
wait_for_focus_in (Fixture   *fixture,
                   GtkWidget *widget)
{
  for (guint frame = 0; frame < 30; frame++)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

      g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));
      if (frame > 3 && focus != NULL && gtk_widget_is_ancestor (focus, widget))
        return;
    }
  g_error ("The focus is not in %s", G_OBJECT_TYPE_NAME (widget));
}

/* The specifications of one kind, brought into sight as a search result
 * brings them, wide (the place in the plan beside) and narrow. */
static void
shoot_specs_filtered (Fixture          *fixture,
                      IpmsProductsPage *page)
{
  IpmsPrdEditor *editor = editor_of (page);
  g_autoptr(GPtrArray) specs = ipms_document_query (fixture->document, "product_spec", "product_id",
                                                    ipms_prd_editor_get_product_id (editor), NULL);
  const char *kind = "hardware";
  gint64 id = 0;

  for (guint i = 0; i < specs->len && id == 0; i++)
    if (g_str_equal (ipms_record_get_string (g_ptr_array_index (specs, i), "kind"), kind))
      id = ipms_record_get_id (g_ptr_array_index (specs, i));
  g_assert_cmpint (id, !=, 0);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1600, 1000);
  gtk_drop_down_set_selected (ipms_prd_editor_get_spec_kind_filter (editor),
                              ipms_column_find_choice (ipms_table_lookup_column (ipms_schema_lookup_table ("product_spec"),
                                                                                 "kind"), kind) + 1);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));
  g_assert_true (ipms_prd_editor_focus_record (editor, "product_spec", id, "value"));
  wait_for_focus_in (fixture, ipms_prd_editor_get_table (editor, "product_spec"));
  save_shot (fixture, "prd-specs-filtered", "wide");
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 720);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));
  g_assert_true (ipms_prd_editor_focus_record (editor, "product_spec", id, "value"));
  wait_for_focus_in (fixture, ipms_prd_editor_get_table (editor, "product_spec"));
  save_shot (fixture, "prd-specs-filtered", "narrow");
  gtk_drop_down_set_selected (ipms_prd_editor_get_spec_kind_filter (editor), 0);
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  IpmsProductsPage *page = show_prds (fixture);

  shoot (fixture, "list");
  ipms_products_page_open_prd (page, 1, NULL);
  shoot (fixture, "prd");
  shoot_scrolled (fixture, page, 0.3, "prd-strategy");
  shoot_scrolled (fixture, page, 0.65, "prd-specs");
  shoot_scrolled (fixture, page, 1.0, "prd-end");
  shoot_specs_filtered (fixture, page);
}

static void
test_empty_screenshot (Fixture       *fixture,
                       gconstpointer  data)
{
  show_prds (fixture);
  save_shot (fixture, "list", "empty");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_setenv ("GTK_A11Y", "test", TRUE);
  ipms_test_init_gtk (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = ipms_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/products/ui/list", Fixture, NULL, example_set_up, test_list, fixture_tear_down);
  g_test_add ("/products/ui/open-and-edit", Fixture, NULL, example_set_up, test_open_and_edit, fixture_tear_down);
  g_test_add ("/products/ui/bulk-set", Fixture, NULL, example_set_up, test_bulk_set, fixture_tear_down);
  g_test_add ("/products/ui/duplicate-delete", Fixture, NULL, example_set_up, test_duplicate_delete, fixture_tear_down);
  g_test_add ("/products/ui/empty", Fixture, NULL, empty_set_up, test_empty, fixture_tear_down);
  g_test_add ("/products/ui/new-series", Fixture, NULL, empty_set_up, test_new_series, fixture_tear_down);
  g_test_add ("/products/ui/tab-through-toolbar", Fixture, NULL, example_set_up, test_tab_through_toolbar, fixture_tear_down);
  g_test_add ("/products/ui/many", Fixture, NULL, empty_set_up, test_many, fixture_tear_down);
  g_test_add ("/products/ui/hidden-catch-up", Fixture, NULL, example_set_up, test_hidden_catch_up,
              fixture_tear_down);
  g_test_add ("/products/ui/fill-in-steps", Fixture, NULL, many_set_up, test_fill_in_steps, fixture_tear_down);
  g_test_add ("/products/ui/fill-at-once", Fixture, NULL, many_set_up, test_fill_at_once, fixture_tear_down);
  g_test_add ("/products/ui/prd-sort-live", Fixture, NULL, example_set_up, test_prd_sort_live, fixture_tear_down);
  g_test_add ("/products/ui/spec-kinds", Fixture, NULL, example_set_up, test_spec_kinds, fixture_tear_down);
  g_test_add ("/products/ui/accessible-names", Fixture, NULL, example_set_up, test_accessible_names, fixture_tear_down);
  g_test_add ("/products/ui/look/screenshots", Fixture, NULL, example_set_up, test_screenshots, fixture_tear_down);
  g_test_add ("/products/ui/look/empty", Fixture, NULL, empty_set_up, test_empty_screenshot, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
