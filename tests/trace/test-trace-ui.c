/* test-trace-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The traceability panel, the products lists of the population view and
 * the charts' way to a PRD, under a display. The window actions they
 * activate (win.show-record, win.show-product-on, win.open-prd) are caught
 * by a "win" action group of the test's own; screenshots of the panel go to
 * $IPMS_TEST_ARTIFACTS.
 */

#include "config.h"

#include <string.h>

#include "ipms-new-products-page.h"
#include "ipms-panorama-canvas.h"
#include "ipms-panorama-chart.h"
#include "ipms-panorama-page.h"
#include "ipms-population-page.h"
#include "ipms-prd-editor.h"
#include "ipms-product-editor.h"
#include "ipms-product-links.h"
#include "ipms-product-trace.h"
#include "ipms-record.h"
#include "ipms-record-table.h"
#include "ipms-roadmap-chart.h"
#include "ipms-roadmap-page.h"
#include "ipms-new-products-chart.h"
#include "ipms-selection.h"
#include "ipms-test-utils.h"
#include "ipms-timeline-canvas.h"
#include "ipms-timeline-page.h"
#include "ipms-trace.h"
#include "trace-plan.h"

typedef struct
{
  TracePlan  plan;
  GtkWidget *window;
  /* The last window action activated and its parameter. */
  char      *action;
  GVariant  *parameter;
} Fixture;

static void
record_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  Fixture *fixture = user_data;

  g_free (fixture->action);
  fixture->action = g_strdup (g_action_get_name (G_ACTION (action)));
  g_clear_pointer (&fixture->parameter, g_variant_unref);
  fixture->parameter = parameter != NULL ? g_variant_ref (parameter) : NULL;
}

/* A window whose "win" group has the shared window actions, `with_prd`
 * deciding whether win.open-prd is one of them. */
static void
fixture_open (Fixture  *fixture,
              gboolean  with_prd)
{
  const GActionEntry entries[] = {
    { "show-record", record_action, "(sxs)" },
    { "show-product-on", record_action, "(sx)" },
    { "open-prd", record_action, "x" },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  trace_plan_build (&fixture->plan);
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries,
                                   with_prd ? G_N_ELEMENTS (entries) : G_N_ELEMENTS (entries) - 1, fixture);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 520, 900);
  gtk_widget_insert_action_group (fixture->window, "win", G_ACTION_GROUP (group));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture_open (fixture, TRUE);
}

static void
fixture_set_up_without_prd (Fixture       *fixture,
                            gconstpointer  data)
{
  fixture_open (fixture, FALSE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_pointer (&fixture->action, g_free);
  g_clear_pointer (&fixture->parameter, g_variant_unref);
  trace_plan_clear (&fixture->plan);
}

static void
show (Fixture   *fixture,
      GtkWidget *child)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_widget_set_margin_start (child, 18);
  gtk_widget_set_margin_end (child, 18);
  gtk_widget_set_margin_top (child, 18);
  gtk_widget_set_margin_bottom (child, 18);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), child);
  gtk_window_set_child (GTK_WINDOW (fixture->window), scroller);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (ipms_test_wait_for_paint (child));
}

/* The AdwActionRow under `root` whose title is `title`, or NULL. */
static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_ACTION_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
get_row (GtkWidget  *root,
         const char *title)
{
  GtkWidget *row = find_row (root, title);

  if (row == NULL)
    g_error ("No row “%s”", title);
  return row;
}

/* Activates the row as Enter or a click does, and checks the window
 * action it activated. */
static void
assert_row_opens (Fixture    *fixture,
                  GtkWidget  *root,
                  const char *title,
                  const char *action,
                  const char *parameter)
{
  GtkWidget *row = get_row (root, title);
  g_autofree char *text = NULL;

  g_clear_pointer (&fixture->action, g_free);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_assert_true (gtk_widget_activate (row));
  g_assert_cmpstr (fixture->action, ==, action);
  text = g_variant_print (fixture->parameter, FALSE);
  g_assert_cmpstr (text, ==, parameter);
}

static char *
record_target (const char *table,
               gint64      id)
{
  return g_strdup_printf ("('%s', %" G_GINT64_FORMAT ", '')", table, id);
}

static void
test_panel_links (Fixture       *fixture,
                  gconstpointer  data)
{
  TracePlan *plan = &fixture->plan;
  GtkWidget *trace = ipms_product_trace_new (plan->document, plan->product);
  g_autofree char *segment = record_target ("segment", plan->segment);
  g_autofree char *series = record_target ("series", plan->series);
  g_autofree char *campaign = record_target ("campaign", plan->campaign);
  g_autofree char *objective = record_target ("objective", plan->objective);
  g_autofree char *initiative = record_target ("initiative", plan->initiative);
  g_autofree char *roadmap = g_strdup_printf ("('roadmap', %" G_GINT64_FORMAT ")", plan->product);
  g_autofree char *panorama = g_strdup_printf ("('panorama', %" G_GINT64_FORMAT ")", plan->product);
  GtkWidget *row;

  show (fixture, trace);

  assert_row_opens (fixture, trace, "Young adults · Convenience", "show-record", segment);
  assert_row_opens (fixture, trace, "AutoCare", "show-record", series);
  assert_row_opens (fixture, trace, "Spring Launch", "show-record", campaign);
  assert_row_opens (fixture, trace, "Lead the smart feeder category", "show-record", objective);
  assert_row_opens (fixture, trace, "Build a brand R&D team", "show-record", initiative);
  assert_row_opens (fixture, trace, "Panorama", "show-product-on", panorama);
  assert_row_opens (fixture, trace, "Roadmap", "show-product-on", roadmap);

  /* What the rows say: the ranked needs in order, the rhythm, the band. */
  row = get_row (trace, "Young adults · Convenience");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "1. Feeds on time when I am away\n2. Quiet at night"));
  row = get_row (trace, "AutoCare");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Smart care for busy owners"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "2027"));
  row = get_row (trace, "Roadmap");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Mid range"));

  /* Only what is linked. */
  g_assert_null (find_row (trace, "Other campaign"));
  g_assert_null (find_row (trace, "Other objective"));

  ipms_test_save_widget_png (fixture->window, "trace-panel");
}

static void
test_panel_live (Fixture       *fixture,
                 gconstpointer  data)
{
  TracePlan *plan = &fixture->plan;
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) other = NULL;
  GtkWidget *trace = ipms_product_trace_new (plan->document, plan->product);

  show (fixture, trace);
  g_assert_nonnull (find_row (trace, "Spring Launch"));

  /* An edit: the campaign now aims at the other segment. */
  g_assert_true (ipms_document_begin_edit (plan->document, "Retarget", NULL, &error));
  g_assert_true (ipms_document_set_int (plan->document, "campaign", plan->campaign, "ta_segment_id",
                                        plan->other_segment, &error));
  g_assert_true (ipms_document_commit_edit (plan->document, &error));
  g_assert_no_error (error);
  g_assert_null (find_row (trace, "Spring Launch"));

  /* Undo brings it back. */
  g_assert_true (ipms_document_undo (plan->document, &error));
  g_assert_no_error (error);
  g_assert_nonnull (find_row (trace, "Spring Launch"));

  /* A rebuild leaves the keyboard where it was: on the series, renamed. */
  g_assert_true (gtk_widget_grab_focus (get_row (trace, "AutoCare")));
  trace_plan_set (plan, "series", plan->series, "name", "AutoCare Plus");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == get_row (trace, "AutoCare Plus"));
  g_assert_true (ipms_document_undo (plan->document, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == get_row (trace, "AutoCare"));

  /* Another program renames the series: "reloaded" rebuilds the panel. */
  other = ipms_document_open (ipms_document_get_path (plan->document), &error);
  g_assert_no_error (error);
  g_assert_true (ipms_document_begin_edit (other, "Rename", NULL, &error));
  g_assert_true (ipms_document_set_string (other, "series", plan->series, "name", "AutoCare Pro", &error));
  g_assert_true (ipms_document_commit_edit (other, &error));
  g_assert_no_error (error);
  ipms_document_close (other);

  g_assert_nonnull (find_row (trace, "AutoCare"));
  g_assert_true (ipms_document_check_external_change (plan->document));
  g_assert_null (find_row (trace, "AutoCare"));
  g_assert_nonnull (find_row (trace, "AutoCare Pro"));

  /* Another product. */
  ipms_product_trace_set_product_id (IPMS_PRODUCT_TRACE (trace), plan->lonely);
  g_assert_null (find_row (trace, "AutoCare Pro"));
  g_assert_nonnull (find_row (trace, "In no series"));
}

static void
test_panel_warnings (Fixture       *fixture,
                     gconstpointer  data)
{
  TracePlan *plan = &fixture->plan;
  GtkWidget *trace = ipms_product_trace_new (plan->document, plan->lonely);
  g_autofree char *panorama = g_strdup_printf ("('panorama', %" G_GINT64_FORMAT ")", plan->lonely);
  g_autofree char *new_products = g_strdup_printf ("('new-products', %" G_GINT64_FORMAT ")", plan->product);
  const char *no_segment = "This product serves no segment: place it on the panorama to say whom it is for.";
  g_autoptr(IpmsTrace) early = NULL;
  g_autofree char *early_text = NULL;
  GtkWidget *row;

  show (fixture, trace);

  row = get_row (trace, no_segment);
  g_assert_true (gtk_widget_has_css_class (row, "warning"));
  g_assert_true (gtk_widget_get_mapped (row));
  assert_row_opens (fixture, trace, no_segment, "show-product-on", panorama);
  /* Nothing linked: no row opens anything else. */
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (get_row (trace, "In no segment"))));
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (get_row (trace, "In no series"))));
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (get_row (trace, "The product has no owner"))));
  ipms_test_save_widget_png (fixture->window, "trace-panel-unlinked");

  /* The other warning appears with the edit that causes it. */
  ipms_product_trace_set_product_id (IPMS_PRODUCT_TRACE (trace), plan->product);
  g_assert_null (find_row (trace, no_segment));
  trace_plan_set (plan, "product", plan->product, "launch_date", "2027-04-01");
  early = ipms_trace_new (plan->document, plan->product);
  early_text = ipms_trace_describe_warning (early, IPMS_TRACE_WARNING_LAUNCH_BEFORE_DEV);
  row = find_row (trace, early_text);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "warning"));
  assert_row_opens (fixture, trace, early_text, "show-product-on", new_products);
}

/* The screenshots of the panel, light and dark, in the language of the
 * environment (the zh_CN run sets LANGUAGE). */
static void
test_panel_look (Fixture       *fixture,
                 gconstpointer  data)
{
  TracePlan *plan = &fixture->plan;
  GtkWidget *trace = ipms_product_trace_new (plan->document, plan->product);
  AdwStyleManager *style = adw_style_manager_get_default ();

  trace_plan_set (plan, "product", plan->product, "launch_date", "2027-04-01");
  show (fixture, trace);
  ipms_test_save_widget_png (fixture->window, "trace-panel-light");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (ipms_test_wait_for_paint (trace));
  ipms_test_save_widget_png (fixture->window, "trace-panel-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* Waits for the window to take the size asked and the editor to follow. */
static void
resize (Fixture   *fixture,
        GtkWidget *editor,
        int        width)
{
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, 900);
  for (guint frame = 0; frame < 10; frame++)
    g_assert_true (ipms_test_wait_for_paint (editor));
  g_assert_cmpint (gtk_widget_get_width (fixture->window), ==, width);
}

/* In the PRD editor, the place in the plan is a column beside the PRD in a
 * wide window and a part below it in a narrow one, moving as the window
 * is resized; screenshots of both. */
static void
test_panel_beside_prd (Fixture       *fixture,
                       gconstpointer  data)
{
  TracePlan *plan = &fixture->plan;
  GtkWidget *editor = ipms_prd_editor_new (plan->document);
  GtkWidget *name, *trace = NULL;
  graphene_rect_t name_bounds, trace_bounds;

  ipms_prd_editor_set_product_id (IPMS_PRD_EDITOR (editor), plan->product);
  name = ipms_prd_editor_get_field (IPMS_PRD_EDITOR (editor), "name");
  gtk_window_set_child (GTK_WINDOW (fixture->window), editor);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (ipms_test_wait_for_paint (editor));
  for (GtkWidget *w = get_row (editor, "AutoCare"); w != NULL && trace == NULL; w = gtk_widget_get_parent (w))
    if (IPMS_IS_PRODUCT_TRACE (w))
      trace = w;
  g_assert_nonnull (trace);

  /* Narrow: below the sections, as wide as they are. */
  resize (fixture, editor, 900);
  g_assert_false (ipms_prd_editor_get_trace_beside (IPMS_PRD_EDITOR (editor)));
  g_assert_true (gtk_widget_compute_bounds (name, editor, &name_bounds));
  g_assert_true (gtk_widget_compute_bounds (trace, editor, &trace_bounds));
  g_assert_cmpfloat (trace_bounds.origin.y, >, name_bounds.origin.y + name_bounds.size.height);
  g_assert_cmpfloat (trace_bounds.origin.x, <, name_bounds.origin.x + name_bounds.size.width);
  ipms_test_save_widget_png (fixture->window, "trace-prd-narrow");

  /* Wide: a column to the right of the PRD, from its top. */
  resize (fixture, editor, 1500);
  g_assert_true (ipms_prd_editor_get_trace_beside (IPMS_PRD_EDITOR (editor)));
  g_assert_true (gtk_widget_compute_bounds (name, editor, &name_bounds));
  g_assert_true (gtk_widget_compute_bounds (trace, editor, &trace_bounds));
  g_assert_cmpfloat (trace_bounds.origin.x, >=, name_bounds.origin.x + name_bounds.size.width);
  g_assert_cmpfloat (trace_bounds.origin.y, <, name_bounds.origin.y + name_bounds.size.height);
  g_assert_true (gtk_widget_get_mapped (get_row (editor, "AutoCare")));
  ipms_test_save_widget_png (fixture->window, "trace-prd-wide");

  /* And back. */
  resize (fixture, editor, 1000);
  g_assert_false (ipms_prd_editor_get_trace_beside (IPMS_PRD_EDITOR (editor)));
}

static void
test_population_products (Fixture       *fixture,
                          gconstpointer  data)
{
  TracePlan *plan = &fixture->plan;
  GtkWidget *page = g_object_new (IPMS_TYPE_POPULATION_PAGE, "document", plan->document, NULL);
  IpmsRecordTable *segments, *series;
  g_autofree char *product = g_strdup_printf ("%" G_GINT64_FORMAT, plan->product);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 900);
  gtk_window_set_child (GTK_WINDOW (fixture->window), page);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (ipms_test_wait_for_paint (page));

  /* Nothing selected: a hint, no product. */
  g_assert_null (find_row (page, "Pet Feeder"));
  g_assert_nonnull (find_row (page, "Select a segment above to see its products."));

  segments = IPMS_RECORD_TABLE (ipms_form_page_get_table (IPMS_FORM_PAGE (page), "segment"));
  ipms_record_table_select (segments, 0);
  g_assert_cmpint (ipms_record_get_id (ipms_record_table_get_selected_record (segments)), ==, plan->segment);
  assert_row_opens (fixture, page, "Pet Feeder", "open-prd", product);

  /* The other segment has none. */
  ipms_record_table_select (segments, 1);
  g_assert_null (find_row (page, "Pet Feeder"));
  g_assert_nonnull (find_row (page, "No product serves this segment yet."));

  series = IPMS_RECORD_TABLE (ipms_form_page_get_table (IPMS_FORM_PAGE (page), "series"));
  ipms_record_table_select (series, 0);
  assert_row_opens (fixture, page, "Pet Feeder", "open-prd", product);

  /* Live: a second product joins the series. */
  trace_plan_set (plan, "product", plan->lonely, "name", "Feeder Mini");
  g_assert_true (ipms_document_begin_edit (plan->document, "Join", NULL, NULL));
  g_assert_true (ipms_document_set_int (plan->document, "product", plan->lonely, "series_id", plan->series, NULL));
  g_assert_true (ipms_document_commit_edit (plan->document, NULL));
  g_assert_nonnull (find_row (page, "Feeder Mini"));

  /* Hidden (its section not shown), the page's lists wait; shown again,
   * they have caught up with what changed meanwhile. */
  gtk_widget_set_visible (page, FALSE);
  trace_plan_set (plan, "product", plan->lonely, "name", "Feeder Max");
  g_assert_nonnull (find_row (page, "Feeder Mini"));
  gtk_widget_set_visible (page, TRUE);
  g_assert_true (ipms_test_wait_for_paint (page));
  g_assert_null (find_row (page, "Feeder Mini"));
  g_assert_nonnull (find_row (page, "Feeder Max"));
}

/* Charts */

static GtkWidget *
find_editor (void)
{
  g_autoptr(GListModel) toplevels = gtk_window_get_toplevels ();

  g_object_ref (toplevels);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (IPMS_IS_PRODUCT_EDITOR (window))
        return GTK_WIDGET (window);
    }

  return NULL;
}

static IpmsPanoramaCanvas *
show_panorama (Fixture       *fixture,
               IpmsSelection *selection)
{
  GtkWidget *page = ipms_panorama_page_new (fixture->plan.document, selection);
  IpmsPanoramaCanvas *canvas = ipms_panorama_page_get_canvas (IPMS_PANORAMA_PAGE (page));

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  gtk_window_set_child (GTK_WINDOW (fixture->window), page);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (canvas)));
  return canvas;
}

static void
double_click_chip (IpmsPanoramaCanvas *canvas,
                   gint64              id)
{
  cairo_rectangle_t rect;

  g_assert_true (ipms_panorama_chart_get_chip_rect (ipms_panorama_canvas_get_chart (canvas), id, &rect));
  g_assert_true (ipms_panorama_canvas_activate_at (canvas, rect.x + rect.width / 2, rect.y + rect.height / 2));
}

static void
test_panorama_opens_prd (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(IpmsSelection) selection = ipms_selection_new ();
  IpmsPanoramaCanvas *canvas = show_panorama (fixture, selection);
  g_autofree char *product = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->plan.product);
  g_autofree char *text = NULL;
  GtkWidget *editor;

  double_click_chip (canvas, fixture->plan.product);
  g_assert_cmpstr (fixture->action, ==, "open-prd");
  text = g_variant_print (fixture->parameter, FALSE);
  g_assert_cmpstr (text, ==, product);
  g_assert_null (find_editor ());

  /* Enter and the menu's Open PRD take the same way. */
  g_clear_pointer (&fixture->action, g_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "panorama.open-product", "x", fixture->plan.product));
  g_assert_cmpstr (fixture->action, ==, "open-prd");

  /* The menu's Quick Edit… keeps the small editor. */
  g_clear_pointer (&fixture->action, g_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "panorama-page.quick-edit", "x", fixture->plan.product));
  g_assert_null (fixture->action);
  editor = find_editor ();
  g_assert_nonnull (editor);
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* Without a PRD view in the window, activating a chip is never a dead end. */
static void
test_panorama_falls_back (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(IpmsSelection) selection = ipms_selection_new ();
  IpmsPanoramaCanvas *canvas = show_panorama (fixture, selection);
  GtkWidget *editor;

  double_click_chip (canvas, fixture->plan.product);
  g_assert_null (fixture->action);
  editor = find_editor ();
  g_assert_nonnull (editor);
  gtk_window_destroy (GTK_WINDOW (editor));
}

static IpmsTimelineCanvas *
show_timeline (Fixture          *fixture,
               IpmsTimelineKind  kind,
               IpmsSelection    *selection)
{
  GtkWidget *page = kind == IPMS_TIMELINE_KIND_ROADMAP ? ipms_roadmap_page_new () : ipms_new_products_page_new ();
  IpmsTimelinePage *timeline = IPMS_TIMELINE_PAGE (kind == IPMS_TIMELINE_KIND_ROADMAP
                                                   ? ipms_roadmap_page_get_timeline (IPMS_ROADMAP_PAGE (page))
                                                   : ipms_new_products_page_get_timeline (IPMS_NEW_PRODUCTS_PAGE (page)));
  IpmsTimelineCanvas *canvas = ipms_timeline_page_get_canvas (timeline);

  g_object_set (page, "document", fixture->plan.document, "selection", selection, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 800);
  gtk_window_set_child (GTK_WINDOW (fixture->window), page);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (canvas)));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (canvas)));
  return canvas;
}

static void
assert_opened (Fixture *fixture,
               gint64   id)
{
  g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *text = NULL;

  g_assert_cmpstr (fixture->action, ==, "open-prd");
  text = g_variant_print (fixture->parameter, FALSE);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&fixture->action, g_free);
}

static void
test_timeline_opens_prd (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(IpmsSelection) selection = ipms_selection_new ();
  IpmsTimelineKind kind = GPOINTER_TO_INT (data);
  IpmsTimelineCanvas *canvas = show_timeline (fixture, kind, selection);
  gint64 id = fixture->plan.product;
  double x, y;
  GtkWidget *editor;

  if (kind == IPMS_TIMELINE_KIND_NEW_PRODUCTS)
    {
      IpmsNewProductsItem item;

      g_assert_true (ipms_new_products_chart_get_item (IPMS_NEW_PRODUCTS_CHART (ipms_timeline_canvas_get_chart (canvas)),
                                                       id, &item));
      x = item.bar_x + item.bar_width / 2;
      y = item.y + item.height / 2;
    }
  else
    g_assert_true (ipms_roadmap_chart_get_marker (IPMS_ROADMAP_CHART (ipms_timeline_canvas_get_chart (canvas)),
                                                  id, &x, &y, NULL));

  /* Double click on the bar or the marker. */
  g_assert_true (ipms_timeline_canvas_activate_at (canvas, x, y));
  assert_opened (fixture, id);

  /* Enter on the focused item. */
  gtk_widget_grab_focus (ipms_timeline_canvas_get_item (canvas, id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "timeline-canvas.open", NULL));
  assert_opened (fixture, id);

  /* The menu's Quick Edit… */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "timeline-canvas.quick-edit", NULL));
  g_assert_null (fixture->action);
  editor = find_editor ();
  g_assert_nonnull (editor);
  gtk_window_destroy (GTK_WINDOW (editor));
}

int
main (int   argc,
      char *argv[])
{
  ipms_test_init_gtk (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/trace/ui/panel/links", test_panel_links);
  ADD ("/trace/ui/panel/live", test_panel_live);
  ADD ("/trace/ui/panel/warnings", test_panel_warnings);
  ADD ("/trace/ui/panel/look", test_panel_look);
  ADD ("/trace/ui/prd-editor/beside", test_panel_beside_prd);
  ADD ("/trace/ui/population/products", test_population_products);
  ADD ("/trace/ui/charts/panorama", test_panorama_opens_prd);
  g_test_add ("/trace/ui/charts/panorama-fallback", Fixture, NULL, fixture_set_up_without_prd,
              test_panorama_falls_back, fixture_tear_down);
  g_test_add ("/trace/ui/charts/new-products", Fixture, GINT_TO_POINTER (IPMS_TIMELINE_KIND_NEW_PRODUCTS),
              fixture_set_up, test_timeline_opens_prd, fixture_tear_down);
  g_test_add ("/trace/ui/charts/roadmap", Fixture, GINT_TO_POINTER (IPMS_TIMELINE_KIND_ROADMAP),
              fixture_set_up, test_timeline_opens_prd, fixture_tear_down);
#undef ADD

  return g_test_run ();
}
