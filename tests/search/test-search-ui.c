/* test-search-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Search in a project window: Ctrl+F opens the search bar, a query shows
 * the results grouped under the sections that edit them, Down goes into
 * them, activating one shows its section with the field focused, the
 * results follow an edit, an unknown word says so, Escape goes back to the
 * sections. Screenshots (light and dark, wide and 360 px) land in
 * $IPMS_TEST_ARTIFACTS. Run in English and with LANGUAGE=zh_CN, each on
 * the example plan of its language.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include <glib/gstdio.h>

#include "ipms-application.h"
#include "ipms-example.h"
#include "ipms-field-row.h"
#include "ipms-prd-editor.h"
#include "ipms-products-page.h"
#include "ipms-json.h"
#include "ipms-search.h"
#include "ipms-search-panel.h"
#include "ipms-test-utils.h"
#include "ipms-window.h"

static IpmsApplication *app;

typedef struct
{
  IpmsDocument    *document;
  IpmsWindow      *window;
  GtkWidget       *entry;
  IpmsSearchPanel *panel;
} Fixture;

static gboolean
chinese (void)
{
  return g_str_has_prefix (g_getenv ("LANGUAGE") != NULL ? g_getenv ("LANGUAGE") : "", "zh");
}

/* A word all over the example plan of the test's language. */
static const char *
common_query (void)
{
  return chinese () ? "喂食器" : "feeder";
}

static gpointer
window_child (Fixture    *fixture,
              const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->window), IPMS_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return child;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->document = ipms_example_new_draft (NULL, &error);
  g_assert_no_error (error);
  fixture->window = ipms_window_new (app, fixture->document);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));

  fixture->entry = window_child (fixture, "search_entry");
  fixture->panel = window_child (fixture, "search_panel");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_strdup (ipms_document_get_path (fixture->document));

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->document);
  g_unlink (path);
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates until the panel shows `n` results (any when `n` is
 * G_MAXUINT), or a few seconds passed: the entry waits for a typing pause. */
static guint
wait_for_results (Fixture *fixture,
                  guint    n)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add_seconds (5, timeout_cb, &timed_out);
  guint found;

  while (!timed_out)
    {
      found = ipms_search_panel_get_n_results (fixture->panel);
      if (n == G_MAXUINT ? found > 0 : found == n)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  if (!timed_out)
    g_source_remove (source);

  return ipms_search_panel_get_n_results (fixture->panel);
}

static void
type_query (Fixture    *fixture,
            const char *query)
{
  gtk_editable_set_text (GTK_EDITABLE (fixture->entry), query);
}

/* Ctrl+F is bound to win.search on the window class. */
static gboolean
has_search_shortcut (GtkWidget *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string ("<Control>f");

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint s = 0; s < g_list_model_get_n_items (G_LIST_MODEL (controller)); s++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), s);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted) &&
              GTK_IS_NAMED_ACTION (action) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "win.search"))
            return TRUE;
        }
    }

  return FALSE;
}

static void
open_search (Fixture *fixture)
{
  g_assert_true (has_search_shortcut (GTK_WIDGET (fixture->window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (window_child (fixture, "search_bar")));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), fixture->entry));
}

/* The key handlers of the search entry, as a key press reaches them. */
static gboolean
press_key_in_entry (Fixture *fixture,
                    guint    keyval)
{
  return ipms_test_press_key (fixture->entry, keyval, 0);
}

/* The field row holding the focus, or NULL. */
static IpmsFieldRow *
focused_field_row (Fixture *fixture)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    if (IPMS_IS_FIELD_ROW (w))
      return IPMS_FIELD_ROW (w);

  return NULL;
}

static void
test_search_and_open (Fixture       *fixture,
                      gconstpointer  data)
{
  const char * const *order = ipms_window_list_sections ();
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  GtkStack *sidebar_stack = window_child (fixture, "sidebar_stack");
  const char *last = NULL;
  guint n;

  open_search (fixture);
  type_query (fixture, common_query ());
  n = wait_for_results (fixture, G_MAXUINT);
  g_assert_cmpuint (n, >, 5);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar_stack), ==, "search");

  /* Every section the model's hits belong to is a group, in sidebar order,
   * under its title. */
  hits = ipms_search_run (fixture->document, common_query (), 100, NULL, NULL);
  for (guint i = 0; i < hits->len; i++)
    {
      IpmsSearchHit *hit = g_ptr_array_index (hits, i);
      const char *section = ipms_window_get_section_for_record (hit->table, hit->column);

      if (section != NULL)
        g_hash_table_add (expected, (gpointer) section);
    }

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = ipms_search_panel_get_row (fixture->panel, i);
      const char *section = g_object_get_data (G_OBJECT (row), "ipms-section-id");

      if (g_strcmp0 (section, last) != 0)
        {
          GtkWidget *header = gtk_list_box_row_get_header (GTK_LIST_BOX_ROW (row));

          g_assert_true (GTK_IS_LABEL (header));
          g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (header)), ==, ipms_window_get_section_title (section));
          g_ptr_array_add (groups, row);
          last = section;
        }
      else
        g_assert_null (gtk_list_box_row_get_header (GTK_LIST_BOX_ROW (row)));
    }
  g_assert_cmpuint (groups->len, ==, g_hash_table_size (expected));
  g_assert_cmpuint (groups->len, >=, 3);
  for (guint i = 1; i < groups->len; i++)
    {
      guint before = 0, after = 0;

      for (guint s = 0; order[s] != NULL; s++)
        {
          if (g_str_equal (order[s], g_object_get_data (g_ptr_array_index (groups, i - 1), "ipms-section-id")))
            before = s;
          if (g_str_equal (order[s], g_object_get_data (g_ptr_array_index (groups, i), "ipms-section-id")))
            after = s;
        }
      g_assert_cmpuint (before, <, after);
    }

  /* Down from the entry into the results. */
  g_assert_true (press_key_in_entry (fixture, GDK_KEY_Down));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == ipms_search_panel_get_row (fixture->panel, 0));

  /* Each group's first result opens its section with the field focused. */
  for (guint i = 0; i < groups->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (groups, i);
      const char *section = g_object_get_data (G_OBJECT (row), "ipms-section-id");
      const char *table = g_object_get_data (G_OBJECT (row), "ipms-table");
      const char *column = g_object_get_data (G_OBJECT (row), "ipms-column");
      gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "ipms-id");

      g_test_message ("opening %s %s:%" G_GINT64_FORMAT ":%s", section, table, id, column);
      gtk_root_set_focus (GTK_ROOT (fixture->window), NULL);
      gtk_widget_grab_focus (row);
      g_assert_true (gtk_widget_activate (row));
      g_assert_cmpstr (ipms_window_get_section (fixture->window), ==, section);
      g_assert_true (ipms_test_wait_for_paint (ipms_window_get_section_page (fixture->window, section)));
      /* A table's cell is focused once it is bound. */
      for (guint frame = 0; frame < 3; frame++)
        g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));

      if (g_str_equal (section, "panorama"))
        {
          gint64 product = g_str_equal (table, "product")
            ? id : ipms_record_get_int (ipms_document_get_record (fixture->document, table, id), "product_id");

          g_assert_cmpint (ipms_selection_get_lead (ipms_window_get_selection (fixture->window)), ==, product);
        }
      else
        {
          IpmsFieldRow *field = focused_field_row (fixture);

          g_assert_nonnull (field);
          g_assert_cmpstr (ipms_field_row_get_column (field)->name, ==, column);
          if (!g_str_equal (table, "project"))
            g_assert_cmpint (ipms_record_get_id (ipms_field_row_get_record (field)), ==, id);
        }

      /* The search stays open on the results, as in GNOME Settings. */
      g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar_stack), ==, "search");
    }

  /* Enter in the entry opens the first result. */
  gtk_widget_grab_focus (fixture->entry);
  g_signal_emit_by_name (fixture->entry, "activate");
  g_assert_cmpstr (ipms_window_get_section (fixture->window), ==,
                   g_object_get_data (G_OBJECT (ipms_search_panel_get_row (fixture->panel, 0)), "ipms-section-id"));
}

static void
test_follows_edits (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkStack *sidebar_stack = window_child (fixture, "sidebar_stack");
  GtkStack *results_stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture->panel),
                                                                      IPMS_TYPE_SEARCH_PANEL, "stack"));
  g_autoptr(GPtrArray) members = ipms_document_query (fixture->document, "member", NULL, 0, NULL);
  gint64 member = ipms_record_get_id (g_ptr_array_index (members, 0));
  GtkWidget *row;

  open_search (fixture);
  type_query (fixture, "Quokka 袋鼠");
  g_assert_cmpuint (wait_for_results (fixture, 0), ==, 0);
  /* The entry waits for a pause in the typing, then nothing is found. */
  for (guint i = 0; i < 20 && !g_str_equal (gtk_stack_get_visible_child_name (results_stack), "empty"); i++)
    g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (results_stack), ==, "empty");

  /* An edit while the search is open: its text is found at once. */
  ipms_document_begin_edit (fixture->document, "Notes", NULL, &error);
  g_assert_no_error (error);
  ipms_document_set_string (fixture->document, "member", member, "notes", "Likes the Quokka 袋鼠 mascot", &error);
  g_assert_no_error (error);
  ipms_document_commit_edit (fixture->document, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (wait_for_results (fixture, 1), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (results_stack), ==, "results");
  row = ipms_search_panel_get_row (fixture->panel, 0);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "ipms-section-id"), ==, "team");
  g_assert_true (gtk_widget_activate (row));
  g_assert_cmpstr (ipms_window_get_section (fixture->window), ==, "team");

  /* Undo takes it away again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpuint (wait_for_results (fixture, 0), ==, 0);

  /* Escape: the sections again, the query gone. */
  gtk_widget_grab_focus (fixture->entry);
  g_signal_emit_by_name (fixture->entry, "stop-search");
  g_assert_false (gtk_search_bar_get_search_mode (window_child (fixture, "search_bar")));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar_stack), ==, "sections");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->entry)), ==, "");
}

/* win.show-record as the traceability panel uses it: a record without a
 * column shows its view with the record's first field focused. */
static void
test_show_record (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct {
    const char *table;
    const char *section;
  } records[] = {
    { "segment", "population" },
    { "series", "population" },
    { "campaign", "one-year-plan" },
    { "objective", "isor" },
    { "initiative", "isor" },
    { "key_result", "isor" },
    { "member", "team" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    {
      g_autoptr(GPtrArray) rows = ipms_document_query (fixture->document, records[i].table, NULL, 0, NULL);
      /* The last row: the first is often selected already. */
      gint64 id = ipms_record_get_id (g_ptr_array_index (rows, rows->len - 1));
      IpmsFieldRow *field;

      gtk_root_set_focus (GTK_ROOT (fixture->window), NULL);
      ipms_window_set_section (fixture->window, "panorama");
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-record", "(sxs)",
                                                 records[i].table, id, ""));
      g_assert_cmpstr (ipms_window_get_section (fixture->window), ==, records[i].section);
      for (guint frame = 0; frame < 3; frame++)
        g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));

      field = focused_field_row (fixture);
      g_assert_nonnull (field);
      g_assert_cmpstr (ipms_record_get_table_name (ipms_field_row_get_record (field)), ==, records[i].table);
      g_assert_cmpint (ipms_record_get_id (ipms_field_row_get_record (field)), ==, id);
    }
}

/* Whether `widget` lies inside the view of every scrolled window it is in. */
static gboolean
in_sight (GtkWidget *widget)
{
  /* A multi-line cell is edited in a popover laid over the cell: the
   * cell is what must be in sight. */
  GtkWidget *popover = gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER);

  if (popover != NULL && gtk_widget_get_parent (popover) != NULL)
    widget = gtk_widget_get_parent (popover);

  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    {
      graphene_rect_t bounds;

      if (!GTK_IS_SCROLLED_WINDOW (w))
        continue;
      if (!gtk_widget_compute_bounds (widget, w, &bounds))
        return FALSE;
      if (bounds.origin.y < 0 || bounds.origin.y + bounds.size.height > gtk_widget_get_height (w) + 0.5)
        return FALSE;
    }

  return gtk_widget_get_mapped (widget);
}

/* win.show-record on a product's PRD text or on a row of its PRD tables
 * (a search result): the PRD opens with that very field or cell focused,
 * scrolled into sight, also a specification of a kind not shown. */
static void
test_show_prd_record (Fixture       *fixture,
                      gconstpointer  data)
{
  static const struct {
    const char *table;
    const char *column;
  } records[] = {
    { "product", "features" },
    { "product_competitor", "weaknesses" },
    { "product_spec", "value" },
    { "faq", "answer" },
    { "box_item", "quantity" },
    { "product", "concept" },
  };
  gint64 product_id;

  /* The last product with rows in each of those tables. */
  {
    g_autoptr(GPtrArray) products = ipms_document_query (fixture->document, "product", NULL, 0, NULL);

    product_id = 0;
    for (guint p = 0; p < products->len; p++)
      {
        gint64 candidate = ipms_record_get_id (g_ptr_array_index (products, p));
        gboolean complete = TRUE;

        for (guint i = 0; i < G_N_ELEMENTS (records) && complete; i++)
          if (!g_str_equal (records[i].table, "product"))
            {
              g_autoptr(GPtrArray) rows = ipms_document_query (fixture->document, records[i].table,
                                                               "product_id", candidate, NULL);

              complete = rows->len > 0;
            }
        if (complete)
          product_id = candidate;
      }
    g_assert_cmpint (product_id, !=, 0);
  }

  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    {
      g_autoptr(GPtrArray) rows = NULL;
      IpmsProductsPage *page;
      IpmsPrdEditor *editor;
      IpmsFieldRow *field = NULL;
      gint64 id;

      if (g_str_equal (records[i].table, "product"))
        id = product_id;
      else
        {
          rows = ipms_document_query (fixture->document, records[i].table, "product_id", product_id, NULL);
          g_assert_cmpuint (rows->len, >, 0);
          /* The last row: further down its table. */
          id = ipms_record_get_id (g_ptr_array_index (rows, rows->len - 1));
        }
      g_test_message ("showing %s:%" G_GINT64_FORMAT ":%s", records[i].table, id, records[i].column);

      /* A specification of a kind the table does not show. */
      if (g_str_equal (records[i].table, "product_spec"))
        {
          const char *kind = ipms_record_get_string (g_ptr_array_index (rows, rows->len - 1), "kind");
          const IpmsColumn *column = ipms_table_lookup_column (ipms_schema_lookup_table ("product_spec"), "kind");

          page = IPMS_PRODUCTS_PAGE (ipms_window_get_section_page (fixture->window, "prds"));
          g_assert_nonnull (page);
          editor = IPMS_PRD_EDITOR (ipms_products_page_get_editor (page));
          gtk_drop_down_set_selected (ipms_prd_editor_get_spec_kind_filter (editor),
                                      ipms_column_find_choice (column, kind) == 0 ? 2 : 1);
        }

      gtk_root_set_focus (GTK_ROOT (fixture->window), NULL);
      ipms_window_set_section (fixture->window, "panorama");
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-record", "(sxs)",
                                                 records[i].table, id, records[i].column));
      g_assert_cmpstr (ipms_window_get_section (fixture->window), ==, "prds");
      page = IPMS_PRODUCTS_PAGE (ipms_window_get_section_page (fixture->window, "prds"));
      editor = IPMS_PRD_EDITOR (ipms_products_page_get_editor (page));
      g_assert_true (ipms_products_page_get_editing (page));
      g_assert_cmpint (ipms_prd_editor_get_product_id (editor), ==, product_id);

      /* Laid out, scrolled to, its table's row bound: a few frames. */
      for (guint frame = 0; frame < 30; frame++)
        {
          GtkWidget *focus;

          g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));
          field = focused_field_row (fixture);
          focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
          if (frame >= 3 && field != NULL && g_str_equal (ipms_field_row_get_column (field)->name, records[i].column) &&
              in_sight (focus))
            break;
        }

      g_assert_nonnull (field);
      g_assert_cmpstr (ipms_record_get_table_name (ipms_field_row_get_record (field)), ==, records[i].table);
      g_assert_cmpint (ipms_record_get_id (ipms_field_row_get_record (field)), ==, id);
      g_assert_cmpstr (ipms_field_row_get_column (field)->name, ==, records[i].column);
      g_assert_true (in_sight (gtk_root_get_focus (GTK_ROOT (fixture->window))));
    }
}

static void
save_shot (Fixture    *fixture,
           const char *variant)
{
  g_autofree char *name = g_strdup_printf ("search-%s", variant);
  g_autoptr(GdkTexture) texture = NULL;

  for (guint i = 0; i < 3; i++)
    g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));
  texture = ipms_test_save_widget_png (GTK_WIDGET (fixture->window), name);
  g_assert_cmpint (gdk_texture_get_width (texture), >, 0);
}

/* Imports the plan over itself: the index is left to be made. */
static void
import_own_plan (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  gsize length = 0;

  json = ipms_json_export_data (fixture->document, &length, &error);
  g_assert_no_error (error);
  ipms_json_import_data (fixture->document, json, (gssize) length, "Import", &error);
  g_assert_no_error (error);
  g_assert_false (ipms_search_is_ready (fixture->document));
}

/* A search right after an import, before the index is made, makes the
 * rest of it: the panel says so on screen before it searches, then shows
 * the results. */
static void
test_preparing_after_import (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture->panel),
                                                              IPMS_TYPE_SEARCH_PANEL, "stack"));
  GtkSpinner *spinner = GTK_SPINNER (gtk_widget_get_template_child (GTK_WIDGET (fixture->panel),
                                                                   IPMS_TYPE_SEARCH_PANEL, "preparing_spinner"));
  gboolean timed_out = FALSE;
  gboolean seen_preparing = FALSE;
  guint source;

  /* Spinning only while it is shown. */
  g_assert_false (gtk_spinner_get_spinning (spinner));
  import_own_plan (fixture);

  /* At once, not after the entry's pause: the panel makes the index in
   * the background meanwhile. */
  ipms_search_panel_set_query (fixture->panel, common_query ());
  source = g_timeout_add_seconds (5, timeout_cb, &timed_out);
  while (!timed_out && ipms_search_panel_get_n_results (fixture->panel) == 0)
    {
      if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "preparing") == 0)
        {
          seen_preparing = TRUE;
          g_assert_true (gtk_spinner_get_spinning (spinner));
        }
      g_main_context_iteration (NULL, TRUE);
    }
  if (!timed_out)
    g_source_remove (source);

  g_assert_true (seen_preparing);
  g_assert_cmpuint (ipms_search_panel_get_n_results (fixture->panel), >, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "results");
  g_assert_false (gtk_spinner_get_spinning (spinner));
  g_assert_true (ipms_search_is_ready (fixture->document));
}

/* After an import, the index is made in the background, in short steps,
 * and the first search finds it made. */
static void
test_index_made_in_background (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture->panel),
                                                              IPMS_TYPE_SEARCH_PANEL, "stack"));
  gboolean timed_out = FALSE;
  guint source;

  import_own_plan (fixture);

  source = g_timeout_add_seconds (5, timeout_cb, &timed_out);
  while (!timed_out && !ipms_search_is_ready (fixture->document))
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (source);
  g_assert_true (ipms_search_is_ready (fixture->document));

  ipms_search_panel_set_query (fixture->panel, common_query ());
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "results");
  g_assert_cmpuint (ipms_search_panel_get_n_results (fixture->panel), >, 0);
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  AdwLeaflet *leaflet = window_child (fixture, "leaflet");

  open_search (fixture);
  type_query (fixture, common_query ());
  g_assert_cmpuint (wait_for_results (fixture, G_MAXUINT), >, 0);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  save_shot (fixture, "wide");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  save_shot (fixture, "wide-dark");

  /* Narrow, Ctrl+F shows the sidebar with the search. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 720);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (gtk_widget_is_ancestor (fixture->entry, adw_leaflet_get_visible_child (leaflet)));
  save_shot (fixture, "narrow-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  save_shot (fixture, "narrow");
  g_assert_true (gtk_widget_is_ancestor (fixture->entry, adw_leaflet_get_visible_child (leaflet)));

  /* Opening a result shows the page. */
  gtk_widget_activate (ipms_search_panel_get_row (fixture->panel, 0));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));
  g_assert_false (gtk_widget_is_ancestor (fixture->entry, adw_leaflet_get_visible_child (leaflet)));

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  ipms_test_init_gtk (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = ipms_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/search/ui/search-and-open", Fixture, NULL, fixture_set_up, test_search_and_open, fixture_tear_down);
  g_test_add ("/search/ui/follows-edits", Fixture, NULL, fixture_set_up, test_follows_edits, fixture_tear_down);
  g_test_add ("/search/ui/show-record", Fixture, NULL, fixture_set_up, test_show_record, fixture_tear_down);
  g_test_add ("/search/ui/show-prd-record", Fixture, NULL, fixture_set_up, test_show_prd_record, fixture_tear_down);
  g_test_add ("/search/ui/preparing-after-import", Fixture, NULL, fixture_set_up, test_preparing_after_import, fixture_tear_down);
  g_test_add ("/search/ui/index-made-in-background", Fixture, NULL, fixture_set_up, test_index_made_in_background,
              fixture_tear_down);
  g_test_add ("/search/ui/screenshots", Fixture, NULL, fixture_set_up, test_screenshots, fixture_tear_down);

  return g_test_run ();
}
