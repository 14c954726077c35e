/* test-planning-views.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The planning views under a display, in a project window: population and
 * positioning, the three-year plan and the one-year plan. Their fields and
 * table rows are filled through the widgets, the model is checked, undo and
 * redo go through the window, and the grid, totals and charts follow. The
 * three-year chart is exported from the command line in all three formats.
 * The language, accessible names and screenshots of these views are
 * checked with every other form by test-forms-ui.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ipms-application.h"
#include "ipms-campaign-chart.h"
#include "ipms-export-dialog.h"
#include "ipms-chart-picture.h"
#include "ipms-example.h"
#include "ipms-field-row.h"
#include "ipms-form-page.h"
#include "ipms-one-year-page.h"
#include "ipms-population-page.h"
#include "ipms-record-table.h"
#include "ipms-table-cell.h"
#include "ipms-test-utils.h"
#include "ipms-three-year-chart.h"
#include "ipms-three-year-page.h"
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
empty_set_up (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ipms_test_make_temp_path ("planning.ipms");
  IpmsDocument *document = ipms_document_create (path, "Planning", &error);

  g_assert_no_error (error);
  open_window (fixture, document);
}

static void
example_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  IpmsDocument *document = ipms_example_new_draft ("en_US.UTF-8", &error);

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

static IpmsFormPage *
show (Fixture    *fixture,
      const char *section)
{
  GtkWidget *page;

  gtk_root_set_focus (GTK_ROOT (fixture->window), NULL);
  ipms_window_set_section (fixture->window, section);
  page = ipms_window_get_section_page (fixture->window, section);
  g_assert_true (IPMS_IS_FORM_PAGE (page));
  g_assert_true (ipms_test_wait_for_paint (page));

  return IPMS_FORM_PAGE (page);
}

static void
undo (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
}

static void
redo (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
}

static void
flush (Fixture *fixture)
{
  ipms_field_binding_flush_all (fixture->document);
}

/* Types one character at a time, as a user does. */
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
choose (GtkWidget *row,
        guint      position)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ipms_field_row_get_editor (IPMS_FIELD_ROW (row))), position);
}

static IpmsRecordTable *
table_of (IpmsFormPage *page,
          const char   *table)
{
  GtkWidget *widget = ipms_form_page_get_table (page, table);

  g_assert_true (IPMS_IS_RECORD_TABLE (widget));
  return IPMS_RECORD_TABLE (widget);
}

static guint
n_rows (IpmsRecordTable *table)
{
  return g_list_model_get_n_items (G_LIST_MODEL (ipms_record_table_get_list (table)));
}

static IpmsRecord *
row_record (IpmsRecordTable *table,
            guint            position)
{
  return ipms_record_list_get_record (ipms_record_table_get_list (table), position);
}

static GtkWidget *
cell (IpmsRecordTable *table,
      guint            position,
      guint            column)
{
  GtkWidget *widget;

  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (table)));
  widget = ipms_record_table_get_cell (table, position, column);
  g_assert_true (IPMS_IS_FIELD_ROW (widget));

  return widget;
}

static void
add_row (IpmsRecordTable *table)
{
  guint before = n_rows (table);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "table.add", NULL));
  g_assert_cmpuint (n_rows (table), ==, before + 1);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (table)));
}

static void
select_record (IpmsRecordTable *table,
               gint64           id)
{
  guint position = ipms_record_list_find (ipms_record_table_get_list (table), id);

  g_assert_cmpuint (position, !=, G_MAXUINT);
  ipms_record_table_select (table, position);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (table)));
}

static gboolean
is_ellipsizing (GtkWidget     *widget,
                gconstpointer  data)
{
  return gtk_label_get_ellipsize (GTK_LABEL (widget)) != PANGO_ELLIPSIZE_NONE;
}

typedef struct
{
  IpmsRecord *record;
  GtkWidget  *cell;
} RoleCell;

/* Finds the shown "Role" cell of a record (and goes on looking, to find no
 * other widget). */
static gboolean
is_role_cell (GtkWidget     *widget,
              gconstpointer  data)
{
  RoleCell *found = (RoleCell *) data;

  if (ipms_table_cell_get_record (IPMS_TABLE_CELL (widget)) == found->record &&
      g_strcmp0 (ipms_table_cell_get_label (IPMS_TABLE_CELL (widget)), "Role") == 0)
    found->cell = widget;

  return FALSE;
}

/* Population and positioning on the example plan: a segment edited here is
 * the panorama's segment; its needs ranked; U; a series and its segments. */
static void
test_population (Fixture       *fixture,
                 gconstpointer  data)
{
  IpmsFormPage *page = show (fixture, "population");
  IpmsRecordTable *segments = table_of (page, "segment");
  IpmsRecordTable *needs = table_of (page, "need");
  IpmsRecordTable *series = table_of (page, "series");
  IpmsRecordTable *served = table_of (page, "series_segment");
  IpmsRecord *project = ipms_document_get_project (fixture->document);
  g_autofree char *old_name = NULL;
  IpmsRecord *segment, *first_need, *new_series;
  gint64 segment_id, first_need_id;
  GtkWidget *value;

  g_assert_false (ipms_form_page_get_is_empty (page));
  g_assert_cmpuint (n_rows (segments), ==, 12);

  /* A choice reads whole in a table of many columns (it showed as "…"):
   * the table scrolls sideways instead. */
  {
    RoleCell found = { row_record (segments, 1), NULL };
    GtkWidget *role;

    g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (segments)));
    ipms_test_find_widget (GTK_WIDGET (segments), IPMS_TYPE_TABLE_CELL, is_role_cell, &found);
    g_assert_nonnull (found.cell);
    role = ipms_test_find_widget (found.cell, GTK_TYPE_LABEL, is_ellipsizing, NULL);
    g_assert_nonnull (role);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (role)), ==, "Not targeted");
    g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (role))));
  }

  /* The segment's name and role, written where the panorama reads them. */
  segment = row_record (segments, 0);
  segment_id = ipms_record_get_id (segment);
  old_name = g_strdup (ipms_record_get_string (segment, "name"));
  replace_text (cell (segments, 0, 0), "Young pet parents");
  flush (fixture);
  /* none, core, radiating: a radiating segment made not targeted */
  g_assert_cmpstr (ipms_record_get_string (segment, "role"), ==, "radiating");
  choose (cell (segments, 0, 3), 0);
  flush (fixture);
  g_assert_cmpstr (ipms_record_get_string (ipms_document_get_record (fixture->document, "segment", segment_id), "name"),
                   ==, "Young pet parents");
  g_assert_cmpstr (ipms_record_get_string (segment, "role"), ==, "none");
  undo (fixture);
  g_assert_cmpstr (ipms_record_get_string (segment, "role"), ==, "radiating");
  undo (fixture);
  g_assert_cmpstr (ipms_record_get_string (segment, "name"), ==, old_name);
  redo (fixture);
  g_assert_cmpstr (ipms_record_get_string (segment, "name"), ==, "Young pet parents");

  /* Sorted by size, largest first, as shown; the selection stays on its
   * segment, and an edit does not move a row away from the cursor. */
  {
    GtkWidget *sort = ipms_population_page_get_sort_row (IPMS_POPULATION_PAGE (page));
    GtkWidget *first;

    ipms_record_table_select (segments, 0);
    /* grid order, name, role, size, market value, growth */
    adw_combo_row_set_selected (ADW_COMBO_ROW (sort), 3);
    first = cell (segments, 0, 0);
    g_assert_cmpstr (ipms_record_get_string (ipms_field_row_get_record (IPMS_FIELD_ROW (first)), "name"), ==,
                     "Thrifty families");
    g_assert_cmpint (ipms_record_get_id (ipms_record_table_get_selected_record (segments)), ==, segment_id);
    replace_text (cell (segments, 0, 4), "1,000");
    flush (fixture);
    g_assert_cmpint (ipms_record_get_int (ipms_field_row_get_record (IPMS_FIELD_ROW (cell (segments, 0, 0))), "size"),
                     ==, 1000);
    undo (fixture);
    /* The core population first. */
    adw_combo_row_set_selected (ADW_COMBO_ROW (sort), 2);
    g_assert_cmpstr (ipms_record_get_string (ipms_field_row_get_record (IPMS_FIELD_ROW (cell (segments, 0, 0))), "role"),
                     ==, "core");
    adw_combo_row_set_selected (ADW_COMBO_ROW (sort), 0);
    g_assert_cmpint (ipms_record_get_id (ipms_field_row_get_record (IPMS_FIELD_ROW (cell (segments, 0, 0)))), ==, 1);
  }

  /* The core segment's needs follow the selection, in rank order. */
  g_assert_cmpuint (n_rows (needs), ==, 0);
  select_record (segments, 4);
  g_assert_cmpuint (n_rows (needs), ==, 6);
  first_need = row_record (needs, 0);
  first_need_id = ipms_record_get_id (first_need);
  ipms_record_table_select (needs, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (needs), "table.move-down", NULL));
  g_assert_cmpint (ipms_record_get_id (row_record (needs, 1)), ==, first_need_id);
  undo (fixture);
  g_assert_cmpint (ipms_record_get_id (row_record (needs, 0)), ==, first_need_id);

  add_row (needs);
  g_assert_cmpint (ipms_record_get_int (row_record (needs, 6), "segment_id"), ==, 4);
  type_into (cell (needs, 6, 0), "Quiet at night");
  type_into (cell (needs, 6, 1), "Every rival's motor hums");
  flush (fixture);
  g_assert_cmpstr (ipms_record_get_string (row_record (needs, 6), "text"), ==, "Quiet at night");
  g_assert_cmpstr (ipms_record_get_string (row_record (needs, 6), "competitor_gap"), ==, "Every rival's motor hums");

  /* U: the project's value proposition, one undo step per burst. */
  value = ipms_form_page_get_field (page, "value_proposition");
  g_assert_nonnull (value);
  type_into (value, " Always.");
  flush (fixture);
  g_assert_nonnull (strstr (ipms_record_get_string (project, "value_proposition"), " Always."));
  undo (fixture);
  g_assert_null (strstr (ipms_record_get_string (project, "value_proposition"), " Always."));
  g_assert_nonnull (ipms_form_page_get_field (page, "selling_support"));
  g_assert_nonnull (ipms_form_page_get_field (page, "x_axis_title"));

  /* A new series, its dates, and the segments it serves. */
  add_row (series);
  new_series = row_record (series, n_rows (series) - 1);
  type_into (cell (series, n_rows (series) - 1, 0), "Outdoor");
  replace_text (cell (series, n_rows (series) - 1, 6), "2028-04-01");
  flush (fixture);
  g_assert_cmpstr (ipms_record_get_string (new_series, "name"), ==, "Outdoor");
  g_assert_cmpstr (ipms_record_get_string (new_series, "first_launch_date"), ==, "2028-04-01");

  select_record (series, ipms_record_get_id (new_series));
  g_assert_cmpuint (n_rows (served), ==, 0);
  add_row (served);
  g_assert_cmpint (ipms_record_get_int (row_record (served, 0), "series_id"), ==, ipms_record_get_id (new_series));
  g_assert_cmpint (ipms_record_get_int (row_record (served, 0), "segment_id"), ==, 1);
  /* "None", then the segments: "Busy automators" is the fourth */
  choose (cell (served, 0, 0), 4);
  flush (fixture);
  g_assert_cmpint (ipms_record_get_int (row_record (served, 0), "segment_id"), ==, 4);
  undo (fixture);
  g_assert_cmpint (ipms_record_get_int (row_record (served, 0), "segment_id"), ==, 1);
  redo (fixture);
  g_assert_cmpint (ipms_record_get_int (row_record (served, 0), "segment_id"), ==, 4);

  /* Segments are the panorama's cells: this table adds none. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (segments), "table.add", NULL) &&
                  n_rows (segments) != 12);
  g_assert_cmpuint (n_rows (segments), ==, 12);
}

/* The three-year plan from an empty project: the empty state, a series,
 * yearly targets through the cells, the grid's totals and the chart. */
static void
test_three_year (Fixture       *fixture,
                 gconstpointer  data)
{
  IpmsFormPage *population = show (fixture, "population");
  IpmsRecordTable *series = table_of (population, "series");
  IpmsFormPage *page = show (fixture, "three-year-plan");
  IpmsThreeYearPage *plan = IPMS_THREE_YEAR_PAGE (page);
  IpmsRecordTable *targets = table_of (page, "yearly_target");
  IpmsRecord *project = ipms_document_get_project (fixture->document);
  IpmsRecord *target;
  GtkWidget *chart;

  g_assert_true (ipms_form_page_get_is_empty (page));

  replace_text (ipms_form_page_get_field (page, "start_year"), "2030");
  flush (fixture);
  g_assert_cmpint (ipms_record_get_int (project, "start_year"), ==, 2030);
  g_assert_cmpstr (ipms_three_year_page_get_grid_text (plan, 1, 0), ==, "2030");
  g_assert_cmpstr (ipms_three_year_page_get_grid_text (plan, 3, 0), ==, "2032");

  show (fixture, "population");
  add_row (series);
  type_into (cell (series, 0, 0), "Outdoor");
  flush (fixture);
  show (fixture, "three-year-plan");

  add_row (targets);
  g_assert_false (ipms_form_page_get_is_empty (page));
  target = row_record (targets, 0);
  replace_text (cell (targets, 0, 0), "2031");
  /* "None", then the series */
  choose (cell (targets, 0, 1), 1);
  replace_text (cell (targets, 0, 2), "1,500,000");
  replace_text (cell (targets, 0, 3), "40");
  flush (fixture);
  g_assert_cmpint (ipms_record_get_int (target, "year"), ==, 2031);
  g_assert_cmpint (ipms_record_get_int (target, "series_id"), ==, ipms_record_get_id (row_record (series, 0)));
  g_assert_cmpfloat (ipms_record_get_double (target, "sales"), ==, 1500000.0);
  g_assert_cmpfloat (ipms_record_get_double (target, "margin"), ==, 40.0);

  /* The grid: the series row and the sum of the series in the second year. */
  g_assert_cmpstr (ipms_three_year_page_get_grid_text (plan, 0, 1), ==, "Outdoor");
  g_assert_nonnull (strstr (ipms_three_year_page_get_grid_text (plan, 2, 1), "1.5M"));
  g_assert_nonnull (strstr (ipms_three_year_page_get_grid_text (plan, 2, 2), "40"));
  g_assert_cmpstr (ipms_three_year_page_get_grid_text (plan, 1, 1), ==, "—");

  /* Undo takes the margin away from the grid; redo brings it back. */
  undo (fixture);
  g_assert_true (ipms_record_is_null (target, "margin"));
  g_assert_null (strstr (ipms_three_year_page_get_grid_text (plan, 2, 1), "40"));
  redo (fixture);
  g_assert_nonnull (strstr (ipms_three_year_page_get_grid_text (plan, 2, 1), "40"));

  /* Typing in the grid where the series has no target for the year makes
   * the row, in one undo step, and the year's total follows. */
  {
    gint64 outdoor = ipms_record_get_id (row_record (series, 0));
    guint n_targets = ipms_document_count_rows (fixture->document, "yearly_target");
    GtkWidget *sales = ipms_three_year_page_get_grid_field (plan, outdoor, 2030, "sales");
    IpmsRecord *made;

    g_assert_nonnull (sales);
    g_assert_null (ipms_field_row_get_record (IPMS_FIELD_ROW (sales)));
    type_into (sales, "2000000");
    flush (fixture);
    g_assert_cmpuint (ipms_document_count_rows (fixture->document, "yearly_target"), ==, n_targets + 1);
    made = ipms_field_row_get_record (IPMS_FIELD_ROW (sales));
    g_assert_nonnull (made);
    g_assert_cmpint (ipms_record_get_int (made, "year"), ==, 2030);
    g_assert_cmpint (ipms_record_get_int (made, "series_id"), ==, outdoor);
    g_assert_cmpfloat (ipms_record_get_double (made, "sales"), ==, 2000000.0);
    g_assert_nonnull (strstr (ipms_three_year_page_get_grid_text (plan, 1, 2), "2M"));

    /* The next burst edits the row it made. */
    type_into (sales, "0");
    flush (fixture);
    g_assert_cmpuint (ipms_document_count_rows (fixture->document, "yearly_target"), ==, n_targets + 1);
    g_assert_cmpfloat (ipms_record_get_double (made, "sales"), ==, 20000000.0);
    g_assert_nonnull (strstr (ipms_three_year_page_get_grid_text (plan, 1, 2), "20M"));

    undo (fixture);
    g_assert_cmpfloat (ipms_record_get_double (made, "sales"), ==, 2000000.0);
    undo (fixture);
    g_assert_cmpuint (ipms_document_count_rows (fixture->document, "yearly_target"), ==, n_targets);
    g_assert_null (ipms_field_row_get_record (IPMS_FIELD_ROW (sales)));
    g_assert_cmpstr (ipms_three_year_page_get_grid_text (plan, 1, 1), ==, "—");
    redo (fixture);
    g_assert_cmpuint (ipms_document_count_rows (fixture->document, "yearly_target"), ==, n_targets + 1);
    g_assert_nonnull (ipms_field_row_get_record (IPMS_FIELD_ROW (sales)));
  }

  /* The chart is on the page, laid out at the page's width and shown at
   * 1:1 from its least width up; a chart of its own, as an export's, keeps
   * its width. */
  chart = ipms_three_year_page_get_chart (plan);
  g_assert_true (IPMS_IS_CHART_PICTURE (chart));
  g_assert_true (gtk_widget_get_mapped (chart));
  g_assert_cmpint (gtk_widget_get_height (chart), >, 100);
  {
    g_autoptr(IpmsThreeYearChart) own = ipms_three_year_chart_new (fixture->document);
    double width, height;

    ipms_chart_get_size (ipms_chart_picture_get_chart (IPMS_CHART_PICTURE (chart)), &width, &height);
    g_assert_cmpint (gtk_widget_get_width (chart), >=, 640);
    g_assert_cmpfloat (width, ==, gtk_widget_get_width (chart));
    g_assert_cmpfloat (height, ==, gtk_widget_get_height (chart));
    ipms_chart_get_size (IPMS_CHART (own), &width, &height);
    g_assert_cmpfloat (width, ==, 960);
  }

  /* Its export opens the dialog every chart exports through. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "three-year.export", NULL));
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    GtkWindow *dialog = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
      {
        g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

        if (IPMS_IS_EXPORT_DIALOG (window))
          dialog = window;
      }
    g_assert_nonnull (dialog);
    gtk_window_destroy (dialog);
  }
}

/* The one-year plan from an empty project: a campaign with its dates and
 * 4P, its bar on the strip, plan lines and their totals. */
static void
test_one_year (Fixture       *fixture,
               gconstpointer  data)
{
  IpmsFormPage *page = show (fixture, "one-year-plan");
  IpmsOneYearPage *plan = IPMS_ONE_YEAR_PAGE (page);
  IpmsRecordTable *campaigns = table_of (page, "campaign");
  IpmsRecordTable *lines = table_of (page, "plan_line");
  IpmsRecord *project = ipms_document_get_project (fixture->document);
  IpmsChart *strip = ipms_chart_picture_get_chart (IPMS_CHART_PICTURE (ipms_one_year_page_get_strip (plan)));
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  double width, empty_height, height;
  IpmsRecord *campaign, *line;
  int year;

  g_assert_true (ipms_form_page_get_is_empty (page));
  year = (int) ipms_record_get_int (project, "plan_year");
  start = g_strdup_printf ("%d-03-01", year);
  end = g_strdup_printf ("%d-04-30", year);
  ipms_chart_get_size (strip, &width, &empty_height);

  replace_text (ipms_form_page_get_field (page, "net_revenue_target"), "18,000,000");
  flush (fixture);
  g_assert_cmpfloat (ipms_record_get_double (project, "net_revenue_target"), ==, 18000000.0);

  /* Two campaigns: one shows as a second row of bars on the strip. */
  add_row (campaigns);
  campaign = row_record (campaigns, 0);
  type_into (cell (campaigns, 0, 0), "Spring launch");
  replace_text (cell (campaigns, 0, 3), start);
  replace_text (cell (campaigns, 0, 4), end);
  type_into (cell (campaigns, 0, 6), "10 % off");
  type_into (cell (campaigns, 0, 11), "12 k units in stock");
  flush (fixture);
  g_assert_false (ipms_form_page_get_is_empty (page));
  g_assert_cmpstr (ipms_record_get_string (campaign, "name"), ==, "Spring launch");
  g_assert_cmpstr (ipms_record_get_string (campaign, "start_date"), ==, start);
  g_assert_cmpstr (ipms_record_get_string (campaign, "end_date"), ==, end);
  g_assert_cmpstr (ipms_record_get_string (campaign, "price_plan"), ==, "10 % off");
  g_assert_cmpstr (ipms_record_get_string (campaign, "isc_request"), ==, "12 k units in stock");

  add_row (campaigns);
  type_into (cell (campaigns, 1, 0), "Prime Day");
  replace_text (cell (campaigns, 1, 3), start);
  replace_text (cell (campaigns, 1, 4), start);
  flush (fixture);
  ipms_chart_get_size (strip, &width, &height);
  g_assert_cmpfloat (height, >, empty_height);

  /* The end date undone: the second campaign leaves the strip. */
  undo (fixture);
  {
    double undone_height;

    ipms_chart_get_size (strip, &width, &undone_height);
    g_assert_cmpfloat (undone_height, ==, empty_height);
    redo (fixture);
    ipms_chart_get_size (strip, &width, &undone_height);
    g_assert_cmpfloat (undone_height, ==, height);
  }

  /* Plan lines and the totals of the plan year. */
  g_assert_cmpstr (ipms_one_year_page_get_total_text (plan, "hc"), ==, "0 people");
  add_row (lines);
  line = row_record (lines, 0);
  /* hc, pnl, budget */
  choose (cell (lines, 0, 0), 0);
  type_into (cell (lines, 0, 1), "Product managers");
  replace_text (cell (lines, 0, 3), "3");
  add_row (lines);
  choose (cell (lines, 1, 0), 0);
  type_into (cell (lines, 1, 1), "Engineers");
  replace_text (cell (lines, 1, 3), "9");
  add_row (lines);
  choose (cell (lines, 2, 0), 2);
  type_into (cell (lines, 2, 1), "Tooling");
  replace_text (cell (lines, 2, 3), "420,000");
  flush (fixture);
  g_assert_cmpstr (ipms_record_get_string (line, "name"), ==, "Product managers");
  g_assert_cmpfloat (ipms_record_get_double (line, "amount"), ==, 3.0);
  g_assert_cmpstr (ipms_record_get_string (row_record (lines, 2), "kind"), ==, "budget");
  g_assert_cmpstr (ipms_one_year_page_get_total_text (plan, "hc"), ==, "12 people");
  g_assert_cmpstr (ipms_one_year_page_get_total_text (plan, "budget"), ==, "$420K");

  /* Lines keep an order: the engineers move up, and back with undo. */
  ipms_record_table_select (lines, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (lines), "table.move-up", NULL));
  g_assert_cmpstr (ipms_record_get_string (row_record (lines, 0), "name"), ==, "Engineers");
  undo (fixture);
  g_assert_cmpstr (ipms_record_get_string (row_record (lines, 0), "name"), ==, "Product managers");

  undo (fixture);
  g_assert_cmpstr (ipms_one_year_page_get_total_text (plan, "budget"), ==, "$0");
  redo (fixture);
  g_assert_cmpstr (ipms_one_year_page_get_total_text (plan, "budget"), ==, "$420K");
}

static gboolean
label_has_text (GtkWidget     *widget,
                gconstpointer  text)
{
  return strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
has_css_class (GtkWidget     *widget,
               gconstpointer  name)
{
  return gtk_widget_has_css_class (widget, name);
}

/* A series with a target, three people and a product manager, written
 * through the document as another view would: one undo step. */
static void
add_plan_rows (Fixture *fixture)
{
  IpmsDocument *document = fixture->document;
  int start = (int) ipms_record_get_int (ipms_document_get_project (document), "start_year");
  g_autoptr(GError) error = NULL;
  gint64 series, target, line, member;

  g_assert_true (ipms_document_begin_edit (document, "Plan", NULL, &error));
  series = ipms_document_insert (document, "series", 0, NULL, &error);
  g_assert_cmpint (series, >, 0);
  g_assert_true (ipms_document_set_string (document, "series", series, "name", "Outdoor", &error));
  target = ipms_document_insert (document, "yearly_target", 0, NULL, &error);
  g_assert_cmpint (target, >, 0);
  g_assert_true (ipms_document_set_int (document, "yearly_target", target, "year", start, &error));
  g_assert_true (ipms_document_set_int (document, "yearly_target", target, "series_id", series, &error));
  g_assert_true (ipms_document_set_double (document, "yearly_target", target, "sales", 1500000, &error));
  line = ipms_document_insert (document, "plan_line", 0, NULL, &error);
  g_assert_cmpint (line, >, 0);
  g_assert_true (ipms_document_set_double (document, "plan_line", line, "amount", 3, &error));
  member = ipms_document_insert (document, "member", 0, NULL, &error);
  g_assert_cmpint (member, >, 0);
  g_assert_true (ipms_document_set_string (document, "member", member, "name", "Li Wei", &error));
  g_assert_true (ipms_document_commit_edit (document, &error));
  g_assert_no_error (error);
}

/* Pages built and then hidden leave an edit alone and show it when they
 * are shown again: the grid and its empty state, the totals, the iron
 * triangle; and an undo made meanwhile. */
static void
test_hidden_pages (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const views[] = { "three-year-plan", "one-year-plan", "team" };
  IpmsFormPage *pages[G_N_ELEMENTS (views)];
  GtkWidget *empty;

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    pages[i] = show (fixture, views[i]);
  empty = ipms_test_find_widget (GTK_WIDGET (pages[0]), GTK_TYPE_WIDGET, has_css_class, "form-empty-state");
  g_assert_nonnull (empty);
  g_assert_true (gtk_widget_get_visible (empty));

  show (fixture, "five-looks");
  add_plan_rows (fixture);

  show (fixture, "three-year-plan");
  g_assert_false (gtk_widget_get_visible (empty));
  g_assert_nonnull (ipms_test_find_widget (GTK_WIDGET (pages[0]), GTK_TYPE_LABEL, label_has_text, "Outdoor"));
  /* The sum of the series in the first year. */
  g_assert_nonnull (ipms_test_find_widget (GTK_WIDGET (pages[0]), GTK_TYPE_LABEL, label_has_text, "1.5M"));
  show (fixture, "one-year-plan");
  g_assert_nonnull (ipms_test_find_widget (GTK_WIDGET (pages[1]), GTK_TYPE_LABEL, label_has_text, "3 people"));
  show (fixture, "team");
  g_assert_nonnull (ipms_test_find_widget (GTK_WIDGET (pages[2]), GTK_TYPE_LABEL, label_has_text, "Li Wei"));

  /* Undone while the others are hidden. */
  undo (fixture);
  g_assert_null (ipms_test_find_widget (GTK_WIDGET (pages[2]), GTK_TYPE_LABEL, label_has_text, "Li Wei"));
  show (fixture, "three-year-plan");
  g_assert_true (gtk_widget_get_visible (empty));
  g_assert_null (ipms_test_find_widget (GTK_WIDGET (pages[0]), GTK_TYPE_LABEL, label_has_text, "Outdoor"));
  g_assert_null (ipms_test_find_widget (GTK_WIDGET (pages[0]), GTK_TYPE_LABEL, label_has_text, "1.5M"));
  show (fixture, "one-year-plan");
  g_assert_null (ipms_test_find_widget (GTK_WIDGET (pages[1]), GTK_TYPE_LABEL, label_has_text, "3 people"));
  g_assert_nonnull (ipms_test_find_widget (GTK_WIDGET (pages[1]), GTK_TYPE_LABEL, label_has_text, "0 people"));
}

/* Forty series: the grid shows the first rows with the page and adds the
 * others in idle time, each in its place between the years and the sum,
 * in the order of the series; and a cell asked for is there at once. */
static void
test_three_year_many_series (Fixture       *fixture,
                             gconstpointer  data)
{
  IpmsDocument *document = fixture->document;
  int start = (int) ipms_record_get_int (ipms_document_get_project (document), "start_year");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  IpmsThreeYearPage *plan;
  GtkWidget *grid;
  gint64 last = 0;

  g_assert_true (ipms_document_begin_edit (document, "Series", NULL, &error));
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("Series %02u", i + 1);
      gint64 target;

      last = ipms_document_insert (document, "series", 0, NULL, &error);
      g_assert_cmpint (last, >, 0);
      g_assert_true (ipms_document_set_string (document, "series", last, "name", name, &error));
      g_assert_true (ipms_document_set_int (document, "series", last, "position", i, &error));
      target = ipms_document_insert (document, "yearly_target", 0, NULL, &error);
      g_assert_true (ipms_document_set_int (document, "yearly_target", target, "year", start, &error));
      g_assert_true (ipms_document_set_int (document, "yearly_target", target, "series_id", last, &error));
      g_assert_true (ipms_document_set_double (document, "yearly_target", target, "sales", 1000000, &error));
    }
  g_assert_true (ipms_document_commit_edit (document, &error));

  plan = IPMS_THREE_YEAR_PAGE (show (fixture, "three-year-plan"));
  /* The sum counts every series, built or not. */
  g_assert_nonnull (strstr (ipms_three_year_page_get_grid_text (plan, 1, 41), "40M"));
  g_assert_cmpstr (ipms_three_year_page_get_grid_text (plan, 0, 40), ==, "Series 40");

  while (g_main_context_iteration (NULL, FALSE))
    ;
  grid = ipms_test_find_widget (GTK_WIDGET (plan), GTK_TYPE_GRID, has_css_class, "three-year-grid");
  g_assert_nonnull (grid);
  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && gtk_label_get_text (GTK_LABEL (child))[0] != '\0')
      g_ptr_array_add (names, g_strdup (gtk_label_get_text (GTK_LABEL (child))));
  /* The corner and the years, the series, the sum and the group target. */
  g_assert_cmpuint (names->len, >=, 4 + 40 + 1 + 3 + 1);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "Series");
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("Series %02u", i + 1);

      g_assert_cmpstr (g_ptr_array_index (names, 4 + i), ==, name);
    }
  g_assert_cmpstr (g_ptr_array_index (names, 4 + 40), ==, "All series");
  {
    GtkWidget *sales = ipms_three_year_page_get_grid_field (plan, last, start, "sales");

    g_assert_nonnull (sales);
    g_assert_nonnull (ipms_field_row_get_record (IPMS_FIELD_ROW (sales)));
  }
}

/* The three-year chart from the command line, in the three formats. */
static void
test_export_cli (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *project = ipms_test_make_temp_path ("three-year.ipms");
  g_autoptr(IpmsDocument) document = ipms_example_create (project, "en_US.UTF-8", &error);
  const char *binary = g_getenv ("IPMS_PLANNER");
  const struct {
    const char *extension;
    const char *magic;
  } formats[] = {
    { "png", "\x89PNG" },
    { "svg", "<?xml" },
    { "pdf", "%PDF" },
  };

  g_assert_no_error (error);
  ipms_document_close (document);
  g_assert_nonnull (binary);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strdup_printf ("three-year-plan.%s", formats[i].extension);
      g_autofree char *output = ipms_test_make_temp_path (name);
      g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
      g_autoptr(GSubprocess) process = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      /* No display: export needs none. */
      g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
      g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
      process = g_subprocess_launcher_spawn (launcher, &error, binary, "--export-chart", "three-year-plan",
                                             "--output", output, project, NULL);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_wait_check (process, NULL, &error));
      g_assert_no_error (error);

      g_assert_true (g_file_get_contents (output, &contents, &length, &error));
      g_assert_no_error (error);
      g_test_message ("%s: %" G_GSIZE_FORMAT " bytes", output, length);
      g_assert_cmpuint (length, >, 2000);
      g_assert_true (g_str_has_prefix (contents, formats[i].magic));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  ipms_test_init_gtk (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = ipms_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/planning/population", Fixture, NULL, example_set_up, test_population, fixture_tear_down);
  g_test_add ("/planning/three-year", Fixture, NULL, empty_set_up, test_three_year, fixture_tear_down);
  g_test_add ("/planning/one-year", Fixture, NULL, empty_set_up, test_one_year, fixture_tear_down);
  g_test_add ("/planning/three-year-many-series", Fixture, NULL, empty_set_up, test_three_year_many_series,
              fixture_tear_down);
  g_test_add ("/planning/hidden-pages", Fixture, NULL, empty_set_up, test_hidden_pages, fixture_tear_down);
  g_test_add_func ("/planning/export-cli", test_export_cli);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
