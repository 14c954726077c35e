/* test-forms-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The strategy and planning views under a display, in a project window:
 * fields and table rows filled through their widgets, the model checked,
 * undo and redo through the window, bad input, the empty states, the
 * language, every editable widget's accessible name, and screenshots of
 * every view (light and dark, wide and 360 px narrow) in
 * $IPMS_TEST_ARTIFACTS. Run once in English and once with LANGUAGE=zh_CN.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ipms-application.h"
#include "ipms-example.h"
#include "ipms-field-row.h"
#include "ipms-form-page.h"
#include "ipms-form-specs.h"
#include "ipms-record-table.h"
#include "ipms-table-cell.h"
#include "ipms-test-utils.h"
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
  g_autofree char *path = ipms_test_make_temp_path ("forms.ipms");
  IpmsDocument *document = ipms_document_create (path, "Forms", &error);

  g_assert_no_error (error);
  open_window (fixture, document);
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

/* Types into a field row's editor one character at a time, as a user does. */
static void
type_into (GtkWidget  *row,
           const char *text)
{
  GtkWidget *editor = ipms_field_row_get_editor (IPMS_FIELD_ROW (row));
  GtkWidget *table_cell = gtk_widget_get_ancestor (row, IPMS_TYPE_TABLE_CELL);

  /* A table's cell shows its editor as it is focused. */
  gtk_widget_grab_focus (table_cell != NULL ? table_cell : editor);
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

static char *
dup_editor_text (GtkWidget *row)
{
  GtkWidget *editor = ipms_field_row_get_editor (IPMS_FIELD_ROW (row));

  if (GTK_IS_TEXT_VIEW (editor))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }

  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor)));
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

static GtkWidget *
cell (IpmsRecordTable *table,
      guint            position,
      guint            column)
{
  GtkWidget *widget = NULL;

  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (table)));
  widget = ipms_record_table_get_cell (table, position, column);
  g_assert_true (IPMS_IS_FIELD_ROW (widget));

  return widget;
}

static IpmsRecord *
row_record (IpmsRecordTable *table,
            guint            position)
{
  return ipms_record_list_get_record (ipms_record_table_get_list (table), position);
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
flush (Fixture *fixture)
{
  ipms_field_binding_flush_all (fixture->document);
}

/* A key press as the cell's own key controller sees it. */
static gboolean
press_key_in_cell (GtkWidget       *cell,
                   guint            keyval,
                   GdkModifierType  state)
{
  /* The table listens on the cell around the field row, in the capture
   * phase, as a key pressed in the row's editor reaches it. */
  return ipms_test_press_key (gtk_widget_get_ancestor (cell, IPMS_TYPE_TABLE_CELL), keyval, state);
}

static gboolean
has_focus_in (GtkWidget *row)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (row));

  return focus != NULL && (focus == ipms_field_row_get_editor (IPMS_FIELD_ROW (row)) ||
                           gtk_widget_is_ancestor (focus, ipms_field_row_get_editor (IPMS_FIELD_ROW (row))));
}

/* The five looks: the empty state, a field with undo and redo, the
 * competitors table. */
static void
test_five_looks (Fixture       *fixture,
                 gconstpointer  data)
{
  IpmsFormPage *page = show (fixture, "five-looks");
  IpmsRecord *project = ipms_document_get_project (fixture->document);
  GtkWidget *political = ipms_form_page_get_field (page, "macro_political");
  IpmsRecordTable *competitors = table_of (page, "competitor");
  g_autofree char *shown = NULL;

  g_assert_true (ipms_form_page_get_is_empty (page));
  g_assert_nonnull (political);

  /* The one path from a page to the user for failures of the model. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "win.report-error", "(ss)",
                                             "Could not save the change", "the disk is full"));

  type_into (political, "Tariffs");
  flush (fixture);
  g_assert_cmpstr (ipms_record_get_string (project, "macro_political"), ==, "Tariffs");
  g_assert_false (ipms_form_page_get_is_empty (page));
  /* One undo step for the whole burst. */
  undo (fixture);
  g_assert_cmpstr (ipms_record_get_string (project, "macro_political"), ==, "");
  shown = dup_editor_text (political);
  g_assert_cmpstr (shown, ==, "");
  g_assert_true (ipms_form_page_get_is_empty (page));
  redo (fixture);
  g_clear_pointer (&shown, g_free);
  shown = dup_editor_text (political);
  g_assert_cmpstr (shown, ==, "Tariffs");

  /* The competitors: a row added and filled through its cells. */
  g_assert_cmpuint (n_rows (competitors), ==, 0);
  add_row (competitors);
  type_into (cell (competitors, 0, 0), "Petlibro");
  type_into (cell (competitors, 0, 1), "Price leader");
  flush (fixture);
  g_assert_cmpstr (ipms_record_get_string (row_record (competitors, 0), "name"), ==, "Petlibro");
  g_assert_cmpstr (ipms_record_get_string (row_record (competitors, 0), "strategy"), ==, "Price leader");

  /* The keyboard: Tab to the next cell, Shift+Tab back, Enter in the last
   * row adds one. */
  gtk_widget_grab_focus (ipms_field_row_get_editor (IPMS_FIELD_ROW (cell (competitors, 0, 0))));
  press_key_in_cell (cell (competitors, 0, 0), GDK_KEY_Tab, 0);
  g_assert_true (has_focus_in (cell (competitors, 0, 1)));
  press_key_in_cell (cell (competitors, 0, 1), GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK);
  g_assert_true (has_focus_in (cell (competitors, 0, 0)));
  press_key_in_cell (cell (competitors, 0, 0), GDK_KEY_Return, 0);
  g_assert_cmpuint (n_rows (competitors), ==, 2);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (competitors)));
  g_assert_true (has_focus_in (cell (competitors, 1, 0)));
  undo (fixture);
  g_assert_cmpuint (n_rows (competitors), ==, 1);

  /* Removed, then back with undo, then gone again with redo. */
  ipms_record_table_select (competitors, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (competitors), "table.remove", NULL));
  g_assert_cmpuint (n_rows (competitors), ==, 0);
  undo (fixture);
  g_assert_cmpuint (n_rows (competitors), ==, 1);
  g_assert_cmpstr (ipms_record_get_string (row_record (competitors, 0), "name"), ==, "Petlibro");
  redo (fixture);
  g_assert_cmpuint (n_rows (competitors), ==, 0);
}

/* Bad input marks the row, writes nothing, and blocks nothing. */
static void
test_invalid_input (Fixture       *fixture,
                    gconstpointer  data)
{
  IpmsFormPage *page = show (fixture, "ctmo");
  IpmsRecordTable *regions = table_of (page, "region");
  GtkWidget *size;
  GtkWidget *name;
  IpmsRecord *region;

  add_row (regions);
  region = row_record (regions, 0);
  name = cell (regions, 0, 0);
  size = cell (regions, 0, 1);

  type_into (name, "Germany");
  replace_text (size, "1.2万");
  flush (fixture);
  g_assert_cmpfloat (ipms_record_get_double (region, "market_size"), ==, 12000.0);

  replace_text (size, "lots");
  flush (fixture);
  g_assert_cmpfloat (ipms_record_get_double (region, "market_size"), ==, 12000.0);
  g_assert_true (gtk_widget_has_css_class (ipms_field_row_get_editor (IPMS_FIELD_ROW (size)), "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (size));

  /* The user can leave the cell: the mark stays until the input is fixed. */
  gtk_widget_grab_focus (ipms_field_row_get_editor (IPMS_FIELD_ROW (name)));
  g_assert_true (gtk_widget_has_css_class (ipms_field_row_get_editor (IPMS_FIELD_ROW (size)), "error"));
  replace_text (size, "15,000");
  flush (fixture);
  g_assert_false (gtk_widget_has_css_class (ipms_field_row_get_editor (IPMS_FIELD_ROW (size)), "error"));
  g_assert_cmpfloat (ipms_record_get_double (region, "market_size"), ==, 15000.0);

  /* An empty required name is refused the same way. */
  replace_text (name, "");
  flush (fixture);
  g_assert_cmpstr (ipms_record_get_string (region, "name"), ==, "Germany");
  g_assert_true (gtk_widget_has_css_class (ipms_field_row_get_editor (IPMS_FIELD_ROW (name)), "error"));

  /* A field row outside a table says why under the field. */
  {
    GtkWidget *growth = ipms_form_page_get_field (show (fixture, "category"), "name");

    replace_text (growth, "  ");
    g_assert_true (gtk_widget_has_css_class (ipms_field_row_get_editor (IPMS_FIELD_ROW (growth)), "error"));
    flush (fixture);
    g_assert_cmpstr (ipms_record_get_string (ipms_document_get_project (fixture->document), "name"), ==, "Forms");
  }
}

/* ISOR: gaps, an initiative answering one, an objective with key results
 * and their progress, a review. */
static void
test_isor (Fixture       *fixture,
           gconstpointer  data)
{
  IpmsFormPage *page = show (fixture, "isor");
  IpmsRecordTable *gaps = table_of (page, "gap");
  IpmsRecordTable *initiatives = table_of (page, "initiative");
  IpmsRecordTable *objectives = table_of (page, "objective");
  IpmsRecordTable *key_results = table_of (page, "key_result");
  IpmsRecordTable *reviews = table_of (page, "review");
  GtkWidget *gap_cell;
  IpmsRecord *kr;
  GtkProgressBar *bar = NULL;

  add_row (gaps);
  type_into (cell (gaps, 0, 0), "No brand R&D");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ipms_field_row_get_editor (IPMS_FIELD_ROW (cell (gaps, 0, 1)))), 1);
  flush (fixture);
  g_assert_cmpstr (ipms_record_get_string (row_record (gaps, 0), "kind"), ==, "opportunity");

  /* The initiative's gap is picked from a live list of the gaps. */
  add_row (initiatives);
  type_into (cell (initiatives, 0, 0), "Build an R&D team within six months");
  gap_cell = cell (initiatives, 0, 1);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (ipms_field_row_get_editor (IPMS_FIELD_ROW (gap_cell))))), ==, 2);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ipms_field_row_get_editor (IPMS_FIELD_ROW (gap_cell))), 1);
  flush (fixture);
  g_assert_cmpint (ipms_record_get_int (row_record (initiatives, 0), "gap_id"), ==,
                   ipms_record_get_id (row_record (gaps, 0)));
  add_row (gaps);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (ipms_field_row_get_editor (IPMS_FIELD_ROW (gap_cell))))), ==, 3);

  /* Key results follow the selected objective; adding needs one. */
  gtk_widget_activate_action (GTK_WIDGET (key_results), "table.add", NULL);
  g_assert_cmpuint (n_rows (key_results), ==, 0);
  add_row (objectives);
  type_into (cell (objectives, 0, 0), "Win the smart feeder segment");
  ipms_record_table_select (objectives, 0);
  add_row (key_results);
  kr = row_record (key_results, 0);
  g_assert_cmpint (ipms_record_get_int (kr, "objective_id"), ==, ipms_record_get_id (row_record (objectives, 0)));
  type_into (cell (key_results, 0, 0), "Top 3 on Amazon US");
  replace_text (cell (key_results, 0, 3), "100");
  replace_text (cell (key_results, 0, 4), "40");
  flush (fixture);
  g_assert_cmpfloat (ipms_record_get_double (kr, "target"), ==, 100.0);
  g_assert_cmpfloat (ipms_record_get_double (kr, "current"), ==, 40.0);

  for (GtkWidget *w = GTK_WIDGET (key_results); w != NULL && bar == NULL; )
    {
      /* Depth-first search of the progress bar. */
      GtkWidget *next = gtk_widget_get_first_child (w);

      if (GTK_IS_PROGRESS_BAR (w))
        bar = GTK_PROGRESS_BAR (w);
      while (next == NULL && w != GTK_WIDGET (key_results))
        {
          next = gtk_widget_get_next_sibling (w);
          if (next == NULL)
            w = gtk_widget_get_parent (w);
        }
      w = next;
    }
  g_assert_nonnull (bar);
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (bar), 0.4, 1e-9);

  undo (fixture);
  g_assert_cmpfloat (ipms_record_get_double (kr, "current"), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (bar), 0.0, 1e-9);

  /* Another objective selected: its own (no) key results. */
  add_row (objectives);
  ipms_record_table_select (objectives, 1);
  g_assert_cmpuint (n_rows (key_results), ==, 0);
  ipms_record_table_select (objectives, 0);
  g_assert_cmpuint (n_rows (key_results), ==, 1);

  add_row (reviews);
  type_into (cell (reviews, 0, 0), "2027-03");
  type_into (cell (reviews, 0, 3), "We chased volume, not the core users");
  flush (fixture);
  g_assert_cmpstr (ipms_record_get_string (row_record (reviews, 0), "root_cause"), ==,
                   "We chased volume, not the core users");
}

/* The team: the iron triangle, and removing a member who owns things. */
static void
test_team (Fixture       *fixture,
           gconstpointer  data)
{
  IpmsFormPage *page = show (fixture, "team");
  IpmsRecordTable *members = table_of (page, "member");
  g_autoptr(GError) error = NULL;
  IpmsRecord *li;
  gint64 initiative;

  add_row (members);
  type_into (cell (members, 0, 0), "Li Wei");
  /* pm, mm, cm, other: MM */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ipms_field_row_get_editor (IPMS_FIELD_ROW (cell (members, 0, 1)))), 1);
  flush (fixture);
  li = row_record (members, 0);
  g_assert_cmpstr (ipms_record_get_string (li, "role"), ==, "mm");
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (page)));

  /* Li Wei owns an initiative. */
  g_assert_true (ipms_document_begin_edit (fixture->document, "test", NULL, &error));
  initiative = ipms_document_insert (fixture->document, "initiative", 0, NULL, &error);
  g_assert_true (ipms_document_set_int (fixture->document, "initiative", initiative, "owner_id",
                                        ipms_record_get_id (li), &error));
  g_assert_true (ipms_document_commit_edit (fixture->document, &error));
  g_assert_no_error (error);

  ipms_record_table_select (members, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (members), "table.remove", NULL));
  g_assert_cmpuint (n_rows (members), ==, 0);
  g_assert_true (ipms_record_is_null (ipms_document_get_record (fixture->document, "initiative", initiative), "owner_id"));

  /* One step: the member and the ownership come back together. */
  undo (fixture);
  g_assert_cmpuint (n_rows (members), ==, 1);
  g_assert_cmpint (ipms_record_get_int (ipms_document_get_record (fixture->document, "initiative", initiative), "owner_id"),
                   ==, ipms_record_get_id (row_record (members, 0)));
}

/* The example plan's category: sub-categories with their decisions as
 * coloured chips; moving nothing, as the table has no order. */
static void
test_category (Fixture       *fixture,
               gconstpointer  data)
{
  IpmsFormPage *page = show (fixture, "category");
  IpmsRecordTable *subs = table_of (page, "sub_category");
  GtkWidget *decision;
  IpmsRecord *sub;

  g_assert_false (ipms_form_page_get_is_empty (page));
  g_assert_cmpuint (n_rows (subs), >, 0);
  sub = row_record (subs, 0);
  decision = cell (subs, 0, 1);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (ipms_field_row_get_editor (IPMS_FIELD_ROW (decision))), 1);
  g_assert_cmpstr (ipms_record_get_string (sub, "decision"), ==, "pause");
  g_assert_true (gtk_widget_has_css_class (ipms_field_row_get_editor (IPMS_FIELD_ROW (decision)),
                                           "choice-decision-pause"));
  undo (fixture);
  g_assert_false (gtk_widget_has_css_class (ipms_field_row_get_editor (IPMS_FIELD_ROW (decision)),
                                            "choice-decision-pause"));
}

/* The rows the other views use: a date typed, refused, picked on the
 * calendar and cleared; money with the project's currency. */
static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_date_and_money (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_list_box_new ();
  GtkWidget *date = ipms_field_row_new (fixture->document, "series", "entry_date");
  GtkWidget *money = ipms_field_row_new (fixture->document, "project", "net_revenue_target");
  GtkWidget *editor = ipms_field_row_get_editor (IPMS_FIELD_ROW (date));
  GtkWidget *clear = NULL;
  IpmsRecord *series;
  g_autoptr(GDateTime) day = g_date_time_new_local (2027, 5, 20, 0, 0, 0);
  gint64 id;

  g_assert_true (ipms_document_begin_edit (fixture->document, "test", NULL, &error));
  id = ipms_document_insert (fixture->document, "series", 0, NULL, &error);
  g_assert_true (ipms_document_commit_edit (fixture->document, &error));
  g_assert_no_error (error);
  series = ipms_document_get_record (fixture->document, "series", id);

  gtk_list_box_append (GTK_LIST_BOX (box), date);
  gtk_list_box_append (GTK_LIST_BOX (box), money);
  gtk_window_set_child (GTK_WINDOW (window), box);
  ipms_field_row_set_record (IPMS_FIELD_ROW (date), series);
  ipms_field_row_set_record (IPMS_FIELD_ROW (money), ipms_document_get_project (fixture->document));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ipms_test_wait_for_paint (window));

  replace_text (date, "2027-02-31");
  flush (fixture);
  g_assert_true (ipms_record_is_null (series, "entry_date"));
  g_assert_true (gtk_widget_has_css_class (editor, "error"));

  replace_text (date, "2027-02-28");
  flush (fixture);
  g_assert_cmpstr (ipms_record_get_string (series, "entry_date"), ==, "2027-02-28");
  g_assert_false (gtk_widget_has_css_class (editor, "error"));

  /* Picked on the calendar: written at once. */
  gtk_calendar_select_day (GTK_CALENDAR (find_child (date, GTK_TYPE_CALENDAR)), day);
  g_assert_cmpstr (ipms_record_get_string (series, "entry_date"), ==, "2027-05-20");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor)), ==, "2027-05-20");

  /* Cleared with its button. */
  for (GtkWidget *w = gtk_widget_get_first_child (gtk_widget_get_parent (editor)); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_BUTTON (w) && !GTK_IS_MENU_BUTTON (w))
      clear = w;
  g_assert_nonnull (clear);
  g_signal_emit_by_name (clear, "clicked");
  g_assert_true (ipms_record_is_null (series, "entry_date"));
  undo (fixture);
  g_assert_cmpstr (ipms_record_get_string (series, "entry_date"), ==, "2027-05-20");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor)), ==, "2027-05-20");

  /* Money: grouped digits once the field is left, the currency beside it. */
  replace_text (money, "18000000");
  gtk_widget_grab_focus (editor);
  g_assert_cmpfloat (ipms_record_get_double (ipms_document_get_project (fixture->document), "net_revenue_target"),
                     ==, 18000000.0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ipms_field_row_get_editor (IPMS_FIELD_ROW (money)))),
                   ==, "18,000,000");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The typing pause writes a field whose window is not the active one
 * (there, leaving the field sends no focus-out): it then reads as stored,
 * "18,000,000" (1,800万 in Chinese), not as typed, nor as it was before. The window here is never shown, so it never
 * is the active one. */
static void
test_money_written_in_background (Fixture       *fixture,
                                  gconstpointer  data)
{
  gboolean chinese = g_str_has_prefix (g_getenv ("LANGUAGE") != NULL ? g_getenv ("LANGUAGE") : "", "zh");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_list_box_new ();
  GtkWidget *money = ipms_field_row_new (fixture->document, "project", "net_revenue_target");
  GtkWidget *editor = ipms_field_row_get_editor (IPMS_FIELD_ROW (money));

  gtk_list_box_append (GTK_LIST_BOX (box), money);
  gtk_window_set_child (GTK_WINDOW (window), box);
  ipms_field_row_set_record (IPMS_FIELD_ROW (money), ipms_document_get_project (fixture->document));

  gtk_editable_set_text (GTK_EDITABLE (editor), "18000000");
  for (gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
       ipms_record_get_double (ipms_document_get_project (fixture->document), "net_revenue_target") != 18000000.0 &&
       g_get_monotonic_time () < deadline;)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_cmpfloat (ipms_record_get_double (ipms_document_get_project (fixture->document), "net_revenue_target"),
                     ==, 18000000.0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor)), ==, chinese ? "1,800万" : "18,000,000");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Money reads as the language counts (1,800万 in Chinese) until the field
 * is focused, where it is the digits to edit. Run in both languages. */
static void
test_money_display (Fixture       *fixture,
                    gconstpointer  data)
{
  gboolean chinese = g_str_has_prefix (g_getenv ("LANGUAGE") != NULL ? g_getenv ("LANGUAGE") : "", "zh");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_list_box_new ();
  GtkWidget *money = ipms_field_row_new (fixture->document, "project", "net_revenue_target");
  GtkWidget *other = ipms_field_row_new (fixture->document, "project", "name");
  GtkWidget *editor = ipms_field_row_get_editor (IPMS_FIELD_ROW (money));

  gtk_list_box_append (GTK_LIST_BOX (box), money);
  gtk_list_box_append (GTK_LIST_BOX (box), other);
  gtk_window_set_child (GTK_WINDOW (window), box);
  ipms_field_row_set_record (IPMS_FIELD_ROW (money), ipms_document_get_project (fixture->document));
  ipms_field_row_set_record (IPMS_FIELD_ROW (other), ipms_document_get_project (fixture->document));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ipms_test_wait_for_paint (window));

  type_into (money, "18000000");
  gtk_widget_grab_focus (ipms_field_row_get_editor (IPMS_FIELD_ROW (other)));
  /* Leaving the field writes it; in a window that is not the active one
   * (another test program's window may be) the typing pause does, and the
   * field shows the value as stored once that write has landed. */
  for (gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
       (ipms_record_get_double (ipms_document_get_project (fixture->document), "net_revenue_target") != 18000000.0 ||
        g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (editor)), chinese ? "1,800万" : "18,000,000") != 0) &&
       g_get_monotonic_time () < deadline;)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_cmpfloat (ipms_record_get_double (ipms_document_get_project (fixture->document), "net_revenue_target"),
                     ==, 18000000.0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor)), ==, chinese ? "1,800万" : "18,000,000");

  gtk_widget_grab_focus (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor)), ==, "18,000,000");
  /* Typed as read, it is the same amount. */
  gtk_editable_set_text (GTK_EDITABLE (editor), "2.5亿");
  gtk_widget_grab_focus (ipms_field_row_get_editor (IPMS_FIELD_ROW (other)));
  g_assert_cmpfloat (ipms_record_get_double (ipms_document_get_project (fixture->document), "net_revenue_target"),
                     ==, 250000000.0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor)), ==, chinese ? "2.5亿" : "250,000,000");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Shows a section in a 360 px window, the sidebar folded away, and returns
 * the window's width once the views that swap for narrow widths (in idle
 * time after a layout) have swapped. */
static int
show_narrow (Fixture      *fixture,
             const char   *section,
             IpmsFormPage **page)
{
  int width;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 720);
  *page = show (fixture, section);
  adw_leaflet_set_visible_child (ADW_LEAFLET (gtk_widget_get_template_child (GTK_WIDGET (fixture->window), IPMS_TYPE_WINDOW, "leaflet")),
                                 GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->window), IPMS_TYPE_WINDOW, "content")));
  for (guint i = 0; i < 3; i++)
    g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));
  width = gtk_widget_get_width (GTK_WIDGET (fixture->window));
  g_assert_cmpint (width, <=, 400);

  return width;
}

/* The widget is shown and lies inside the window's `width`, not cut off
 * at its right edge nor to be scrolled to. */
static void
assert_inside_window (Fixture   *fixture,
                      GtkWidget *widget,
                      int        width,
                      double     min_width)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (fixture->window), &bounds));
  g_assert_cmpfloat (bounds.size.width, >=, min_width);
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, width);
}

/* At 360 px a table's rows stack: every cell of a row lies inside the
 * window, none cut off at its right edge. */
static void
test_narrow_tables (Fixture       *fixture,
                    gconstpointer  data)
{
  IpmsFormPage *page;
  IpmsRecordTable *gaps;
  int width = show_narrow (fixture, "isor", &page);

  gaps = table_of (page, "gap");
  g_assert_cmpuint (n_rows (gaps), >, 0);

  for (guint column = 0; column < 5; column++)
    {
      GtkWidget *row = cell (gaps, 0, column);

      /* Asked for, the cell has made its editor: laid out in a frame. */
      g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));
      assert_inside_window (fixture, row, width, 100);
    }
}

/* Whether the caption beside a field of the three-year grid is shown,
 * and that it names the field's column. */
static void
assert_captioned (GtkWidget  *field,
                  const char *column,
                  gboolean    shown)
{
  GtkWidget *part = gtk_widget_get_ancestor (field, GTK_TYPE_GRID);
  GtkWidget *cell = field;
  GtkWidget *caption;
  int row;

  while (gtk_widget_get_parent (cell) != part)
    cell = gtk_widget_get_parent (cell);
  gtk_grid_query_child (GTK_GRID (part), cell, NULL, &row, NULL, NULL);
  caption = gtk_grid_get_child_at (GTK_GRID (part), 0, row);
  g_assert_true (GTK_IS_LABEL (caption));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (caption)), ==,
                   ipms_column_get_label (ipms_table_lookup_column (ipms_schema_lookup_table ("yearly_target"), column)));
  g_assert_cmpint (gtk_widget_get_visible (caption), ==, shown);
}

/* At 360 px the three-year grid goes a card per series, its years under
 * each other: every figure, field and label of the grid lies inside the
 * window, with nothing to scroll sideways to; and back at full width it is
 * the grid of series by years again. */
static void
test_narrow_three_year (Fixture       *fixture,
                        gconstpointer  data)
{
  IpmsFormPage *page;
  int width = show_narrow (fixture, "three-year-plan", &page);
  IpmsThreeYearPage *plan = IPMS_THREE_YEAR_PAGE (page);
  int start = (int) ipms_record_get_int (ipms_document_get_project (fixture->document), "start_year");
  g_autoptr(GPtrArray) series = ipms_document_query (fixture->document, "series", NULL, 0, "position");
  GtkWidget *first = ipms_three_year_page_get_grid_field (plan, ipms_record_get_id (g_ptr_array_index (series, 0)),
                                                           start, "sales");
  /* A year's fields and their captions are a grid of their own, in the grid. */
  GtkWidget *part = gtk_widget_get_ancestor (first, GTK_TYPE_GRID);
  GtkWidget *grid = gtk_widget_get_ancestor (gtk_widget_get_parent (part), GTK_TYPE_GRID);
  GtkWidget *last;
  graphene_rect_t first_bounds, last_bounds;
  guint n_children = 0;

  g_assert_cmpuint (series->len, >, 1);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));
  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      assert_inside_window (fixture, child, width, 1);
      n_children++;
    }
  /* Names, figures and fields of every series and year, and the sums. */
  g_assert_cmpuint (n_children, >=, (series->len + 2) * 4);

  for (guint s = 0; s < series->len; s++)
    for (int y = 0; y < 3; y++)
      {
        GtkWidget *sales = ipms_three_year_page_get_grid_field (plan, ipms_record_get_id (g_ptr_array_index (series, s)),
                                                                start + y, "sales");

        g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));
        assert_inside_window (fixture, sales, width, 100);
      }
  for (int y = 0; y < 3; y++)
    {
      GtkWidget *ranking = ipms_three_year_page_get_grid_field (plan, 0, start + y, "ranking");
      GtkWidget *awareness = ipms_three_year_page_get_grid_field (plan, 0, start + y, "brand_awareness");

      g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));
      assert_inside_window (fixture, ranking, width, 100);
      assert_inside_window (fixture, awareness, width, 100);
    }

  /* The figures are named on each year's line. */
  last = ipms_three_year_page_get_grid_field (plan, ipms_record_get_id (g_ptr_array_index (series, 0)), start + 2, "sales");
  assert_captioned (last, "sales", TRUE);
  assert_captioned (ipms_three_year_page_get_grid_field (plan, 0, start + 2, "brand_awareness"), "brand_awareness", TRUE);

  /* Wide again: the years side by side, the figures named once a row. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1600, 1000);
  for (guint i = 0; i < 3; i++)
    g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));
  assert_captioned (first, "sales", TRUE);
  assert_captioned (ipms_three_year_page_get_grid_field (plan, 0, start, "ranking"), "ranking", TRUE);
  assert_captioned (last, "sales", FALSE);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));
  g_assert_true (gtk_widget_compute_bounds (first, GTK_WIDGET (fixture->window), &first_bounds));
  g_assert_true (gtk_widget_compute_bounds (last, GTK_WIDGET (fixture->window), &last_bounds));
  g_assert_cmpfloat (last_bounds.origin.x, >, first_bounds.origin.x + first_bounds.size.width);
  g_assert_cmpfloat (G_APPROX_VALUE (last_bounds.origin.y, first_bounds.origin.y, 1.0), ==, TRUE);
}

/* The cell of the three-year grid for a series (0: the product group),
 * year and column, still showing its text. */
static GtkWidget *
find_grid_cell (GtkWidget  *widget,
                gint64      series_id,
                int         year,
                const char *column)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (IPMS_IS_TABLE_CELL (child) &&
          GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "ipms-year")) == year &&
          *(gint64 *) g_object_get_data (G_OBJECT (child), "ipms-series") == series_id &&
          g_str_equal (g_object_get_data (G_OBJECT (child), "ipms-column"), column))
        return child;
      if ((found = find_grid_cell (child, series_id, year, column)) != NULL)
        return found;
    }

  return NULL;
}

/* A cell edited in the three-year grid keeps its column's width: the
 * editor, with the currency after it, takes the text's place. */
static void
test_three_year_edit_keeps_width (Fixture       *fixture,
                                  gconstpointer  data)
{
  IpmsFormPage *page = show (fixture, "three-year-plan");
  int start = (int) ipms_record_get_int (ipms_document_get_project (fixture->document), "start_year");
  g_autoptr(GPtrArray) series = ipms_document_query (fixture->document, "series", NULL, 0, "position");
  gint64 series_id = ipms_record_get_id (g_ptr_array_index (series, 0));
  GtkWidget *cell = find_grid_cell (GTK_WIDGET (page), series_id, start, "sales");
  GtkWidget *below = find_grid_cell (GTK_WIDGET (page), series_id, start, "margin");
  GtkWidget *editor;
  int width;
  double x;
  graphene_rect_t bounds;

  g_assert_nonnull (cell);
  g_assert_nonnull (below);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));
  width = gtk_widget_get_width (cell);
  g_assert_true (gtk_widget_compute_bounds (below, GTK_WIDGET (fixture->window), &bounds));
  x = bounds.origin.x;

  editor = ipms_field_row_get_editor (IPMS_FIELD_ROW (ipms_three_year_page_get_grid_field (IPMS_THREE_YEAR_PAGE (page),
                                                                                             series_id, start, "sales")));
  gtk_widget_grab_focus (editor);
  gtk_editable_set_text (GTK_EDITABLE (editor), "1234567890123");
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));

  g_assert_cmpint (gtk_widget_get_width (cell), ==, width);
  g_assert_true (gtk_widget_compute_bounds (below, GTK_WIDGET (fixture->window), &bounds));
  g_assert_cmpfloat (bounds.origin.x, ==, x);
}

/* A multi-line cell edits as it reads: a text view that wraps and grows;
 * Enter starts a new line, Ctrl+Enter (as Enter in the other cells) goes
 * down the column, Tab to the next cell; what was typed is one undo step,
 * and it survives the cell being recycled. */
static void
test_multiline_cell (Fixture       *fixture,
                     gconstpointer  data)
{
  IpmsFormPage *page = show (fixture, "one-year-plan");
  IpmsRecordTable *campaigns = table_of (page, "campaign");
  IpmsRecord *first = row_record (campaigns, 0);
  IpmsRecord *second = row_record (campaigns, 1);
  g_autofree char *before = g_strdup (ipms_record_get_string (first, "goal"));
  g_autofree char *second_before = g_strdup (ipms_record_get_string (second, "goal"));
  g_autofree char *expected = NULL;
  GtkWidget *goal = cell (campaigns, 0, 2);
  GtkWidget *editor = ipms_field_row_get_editor (IPMS_FIELD_ROW (goal));
  GtkTextBuffer *buffer;
  int one_line_height, height;

  g_assert_cmpstr (ipms_column_get_label (ipms_field_row_get_column (IPMS_FIELD_ROW (goal))), ==, _("Goal"));
  g_assert_true (GTK_IS_TEXT_VIEW (editor));
  g_assert_cmpint (gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (editor)), !=, GTK_WRAP_NONE);
  g_assert_false (gtk_text_view_get_accepts_tab (GTK_TEXT_VIEW (editor)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor));

  /* The editor shows over the cell once it is in view, focused, one line
   * high for a word. */
  type_into (goal, "");
  for (guint i = 0; i < 3; i++)
    g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));
  g_assert_true (has_focus_in (goal));
  gtk_text_buffer_set_text (buffer, "x", -1);
  for (guint i = 0; i < 3; i++)
    g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));
  one_line_height = gtk_widget_get_height (editor);

  /* Enter is the text view's: not taken by the table. */
  g_assert_false (press_key_in_cell (goal, GDK_KEY_Return, 0));
  gtk_text_buffer_set_text (buffer, "", -1);
  type_into (goal, "Launch in spring\nReach 5 % of the segment\nKeep the margin");
  expected = g_strdup ("Launch in spring\nReach 5 % of the segment\nKeep the margin");
  g_assert_true (has_focus_in (goal));
  /* It grows with its lines, in the row laid out again. */
  for (guint i = 0; i < 4; i++)
    g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));
  height = gtk_widget_get_height (editor);
  /* Three lines at least: the text view's own margins count once. */
  g_assert_cmpint (height, >=, one_line_height + (one_line_height - 12));
  /* Over the cell, as wide as it at least. */
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_cmpint (gtk_widget_get_width (editor), >=,
                   gtk_widget_get_width (gtk_widget_get_ancestor (goal, IPMS_TYPE_TABLE_CELL)) - 24);

  /* Ctrl+Enter writes and goes down the column. */
  g_assert_true (press_key_in_cell (goal, GDK_KEY_Return, GDK_CONTROL_MASK));
  g_assert_cmpstr (ipms_record_get_string (first, "goal"), ==, expected);
  for (guint i = 0; i < 3; i++)
    g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));
  g_assert_true (has_focus_in (cell (campaigns, 1, 2)));

  /* One undo step for the whole burst (the clearing and the typing). */
  g_assert_cmpstr (ipms_record_get_string (first, "goal"), ==, expected);
  undo (fixture);
  g_assert_cmpstr (ipms_record_get_string (first, "goal"), ==, before);
  redo (fixture);
  g_assert_cmpstr (ipms_record_get_string (first, "goal"), ==, expected);

  /* Tab leaves it for the next cell. */
  goal = cell (campaigns, 0, 2);
  gtk_widget_grab_focus (gtk_widget_get_ancestor (goal, IPMS_TYPE_TABLE_CELL));
  for (guint i = 0; i < 3; i++)
    g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));
  g_assert_true (has_focus_in (goal));
  g_assert_true (press_key_in_cell (goal, GDK_KEY_Tab, 0));
  g_assert_true (has_focus_in (cell (campaigns, 0, 3)));

  /* Recycled while typing: the text goes to the row it was typed for. */
  goal = cell (campaigns, 0, 2);
  type_into (goal, "\nand more");
  g_assert_true (ipms_field_binding_get_pending (ipms_field_row_get_binding (IPMS_FIELD_ROW (goal))));
  ipms_table_cell_set_record (IPMS_TABLE_CELL (gtk_widget_get_ancestor (goal, IPMS_TYPE_TABLE_CELL)), NULL);
  ipms_table_cell_set_record (IPMS_TABLE_CELL (gtk_widget_get_ancestor (goal, IPMS_TYPE_TABLE_CELL)), second);
  g_assert_nonnull (strstr (ipms_record_get_string (first, "goal"), "\nand more"));
  g_assert_cmpstr (ipms_record_get_string (second, "goal"), ==, second_before);
  {
    g_autofree char *shown = dup_editor_text (goal);

    g_assert_cmpstr (shown, ==, second_before);
  }
}

/* A cell rebound to another row (recycled, or its row gone from the
 * screen) writes what was typed into the row it was typed for. */
static void
test_recycled_cell (Fixture       *fixture,
                    gconstpointer  data)
{
  IpmsFormPage *page = show (fixture, "isor");
  IpmsRecordTable *gaps = table_of (page, "gap");
  GtkWidget *row = cell (gaps, 0, 0);
  IpmsRecord *first = row_record (gaps, 0);
  IpmsRecord *second = row_record (gaps, 1);
  g_autofree char *second_text = g_strdup (ipms_record_get_string (second, "description"));

  type_into (row, " (revised)");
  g_assert_true (ipms_field_binding_get_pending (ipms_field_row_get_binding (IPMS_FIELD_ROW (row))));
  /* What the list does to a recycled cell: unbind, bind another row. */
  ipms_table_cell_set_record (IPMS_TABLE_CELL (gtk_widget_get_parent (row)), NULL);
  ipms_table_cell_set_record (IPMS_TABLE_CELL (gtk_widget_get_parent (row)), second);
  g_assert_true (g_str_has_suffix (ipms_record_get_string (first, "description"), " (revised)"));
  g_assert_cmpstr (ipms_record_get_string (second, "description"), ==, second_text);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ipms_field_row_get_editor (IPMS_FIELD_ROW (row)))),
                   ==, second_text);
}

/* The table's view is given its first rows, then more as it scrolls:
 * every row is still there for the keyboard, for a row asked for and at
 * the end of the scroll. */
static void
test_long_table (Fixture       *fixture,
                 gconstpointer  data)
{
  IpmsDocument *document = fixture->document;
  g_autoptr(GError) error = NULL;
  IpmsFormPage *page;
  IpmsRecordTable *competitors;
  GtkAdjustment *adjustment;
  GtkWidget *row = NULL;
  gint64 ids[100];

  g_assert_true (ipms_document_begin_edit (document, "Competitors", NULL, &error));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *name = g_strdup_printf ("Competitor %03u", i + 1);

      ids[i] = ipms_document_insert (document, "competitor", 0, NULL, &error);
      g_assert_cmpint (ids[i], >, 0);
      g_assert_true (ipms_document_set_string (document, "competitor", ids[i], "name", name, &error));
    }
  g_assert_true (ipms_document_commit_edit (document, &error));

  page = show (fixture, "five-looks");
  competitors = table_of (page, "competitor");
  g_assert_cmpuint (g_list_model_get_n_items (ipms_record_table_get_shown (competitors)), ==, 100);

  /* Enter goes down from row to row past the rows the view began with. */
  row = cell (competitors, 0, 0);
  g_assert_true (gtk_widget_grab_focus (ipms_field_row_get_editor (IPMS_FIELD_ROW (row))));
  for (guint i = 0; i < 45; i++)
    {
      g_assert_true (press_key_in_cell (row, GDK_KEY_Return, 0));
      for (guint frame = 0; frame < 10 && !has_focus_in (row = cell (competitors, i + 1, 0)); frame++)
        ;
      g_assert_true (has_focus_in (row));
    }
  g_assert_true (ipms_record_table_get_selected_record (competitors) == row_record (competitors, 45));

  /* A row asked for, further down. */
  g_assert_true (ipms_record_table_focus_record (competitors, ids[94], "name"));
  for (guint frame = 0; frame < 60 && ipms_record_table_get_selected_record (competitors) != row_record (competitors, 94);
       frame++)
    g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (competitors)));
  g_assert_true (ipms_record_table_get_selected_record (competitors) == row_record (competitors, 94));
  g_assert_true (has_focus_in (cell (competitors, 94, 0)));

  /* Scrolled to the end, the last row is there. */
  gtk_root_set_focus (GTK_ROOT (fixture->window), NULL);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
    gtk_widget_get_ancestor (gtk_widget_get_parent (cell (competitors, 94, 0)), GTK_TYPE_SCROLLED_WINDOW)));
  for (guint frame = 0; frame < 60 && ipms_record_table_get_cell (competitors, 99, 0) == NULL; frame++)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (competitors)));
    }
  g_assert_nonnull (ipms_record_table_get_cell (competitors, 99, 0));
}

/* Every editable widget of every form has an accessible name, and it is
 * the label the user sees. */
static gboolean
is_editable_widget (GtkWidget *widget)
{
  return GTK_IS_ENTRY (widget) || GTK_IS_TEXT_VIEW (widget) || GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_MENU_BUTTON (widget) || GTK_IS_BUTTON (widget) || GTK_IS_PROGRESS_BAR (widget) ||
         /* A table's cell, focusable before it has its editor. */
         (IPMS_IS_TABLE_CELL (widget) && gtk_widget_get_focusable (widget));
}

static gboolean
cell_has_record (GtkWidget     *widget,
                 gconstpointer  data)
{
  return ipms_table_cell_get_record (IPMS_TABLE_CELL (widget)) != NULL;
}

/* NULL if the name is `label`, or `label` and where the field is (a table
 * cell's row, "Name, Ana Gómez"); else what is wrong. */
static char *
check_name_starts (GtkWidget  *widget,
                   const char *label)
{
  g_autofree char *name = NULL;
  g_autofree char *prefix = g_strconcat (label, ", ", NULL);

  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return g_strdup_printf ("%s has no accessible name", G_OBJECT_TYPE_NAME (widget));

  /* A value no name has: the check returns the actual one. */
  name = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, "\x01");
  if (g_strcmp0 (name, label) == 0 || (g_str_has_prefix (name, prefix) && name[strlen (prefix)] != '\0'))
    return NULL;

  return g_strdup_printf ("%s is named “%s”, not “%s…”", G_OBJECT_TYPE_NAME (widget), name, label);
}

static void
check_accessible_names (GtkWidget *widget,
                        guint     *checked)
{
  /* An icon is named or decoration: AT-SPI reads a nameless one as
   * "GtkImage". */
  if (GTK_IS_IMAGE (widget) && gtk_widget_get_mapped (widget) &&
      gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) != GTK_ACCESSIBLE_ROLE_PRESENTATION &&
      !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) &&
      !gtk_widget_get_ancestor (widget, GTK_TYPE_BUTTON) &&
      !gtk_widget_get_ancestor (widget, GTK_TYPE_DROP_DOWN) &&
      /* libadwaita's own (a combo row's arrow) are its business. */
      !gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW))
    g_error ("an icon (%s) without a name", gtk_image_get_icon_name (GTK_IMAGE (widget)));

  if (is_editable_widget (widget) && gtk_widget_get_visible (widget) && gtk_widget_get_mapped (widget))
    {
      GtkWidget *row = gtk_widget_get_ancestor (widget, IPMS_TYPE_FIELD_ROW);
      g_autofree char *message = NULL;

      /* Buttons inside other controls (a drop-down's, an entry's) are theirs. */
      if (GTK_IS_BUTTON (widget) &&
          (gtk_widget_get_ancestor (gtk_widget_get_parent (widget), GTK_TYPE_DROP_DOWN) != NULL ||
           gtk_widget_get_ancestor (gtk_widget_get_parent (widget), GTK_TYPE_MENU_BUTTON) != NULL))
        return;

      if (IPMS_IS_TABLE_CELL (widget))
        message = check_name_starts (widget, ipms_table_cell_get_label (IPMS_TABLE_CELL (widget)));
      else if (row != NULL && ipms_field_row_get_editor (IPMS_FIELD_ROW (row)) == widget)
        message = check_name_starts (widget, ipms_field_row_get_label (IPMS_FIELD_ROW (row)));
      else if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) &&
               !(GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL) &&
               !(GTK_IS_BUTTON (widget) && ADW_IS_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (widget)))) &&
               /* A label child names its button (and reads a mnemonic once). */
               !(GTK_IS_BUTTON (widget) && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (widget)))))
        message = g_strdup_printf ("%s has no accessible name", G_OBJECT_TYPE_NAME (widget));

      if (message != NULL)
        g_error ("%s (%s)", message, row != NULL ? ipms_field_row_get_label (IPMS_FIELD_ROW (row)) : "");

      (*checked)++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_accessible_names (child, checked);
}

static void
test_accessible_names (Fixture       *fixture,
                       gconstpointer  data)
{
  const IpmsFormSpec * const *specs = ipms_form_specs_get_all ();

  for (guint i = 0; specs[i] != NULL; i++)
    {
      IpmsFormPage *page = show (fixture, specs[i]->id);
      guint checked = 0;

      /* The sections further down too, which are built in idle time. */
      ipms_form_page_build_all (page);
      g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (page)));
      check_accessible_names (GTK_WIDGET (page), &checked);
      /* The sidebar that leads to the page, too. */
      check_accessible_names (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->window), IPMS_TYPE_WINDOW, "leaflet")),
                              &checked);
      g_test_message ("%s: %u widgets with their names", specs[i]->id, checked);
      g_assert_cmpuint (checked, >, 3);
    }

  /* A cell says which row it is in: "Name" alone, in a table of members,
   * would not tell which member. */
  {
    IpmsFormPage *page = show (fixture, "team");
    GtkWidget *cell = ipms_test_find_widget (GTK_WIDGET (page), IPMS_TYPE_TABLE_CELL, cell_has_record, NULL);
    IpmsRecord *record;
    g_autofree char *expected = NULL;
    g_autofree char *message = NULL;

    g_assert_nonnull (cell);
    record = ipms_table_cell_get_record (IPMS_TABLE_CELL (cell));
    g_assert_nonnull (record);
    expected = g_strdup_printf ("%s, %s", ipms_table_cell_get_label (IPMS_TABLE_CELL (cell)),
                                ipms_record_get_string (record, "name"));
    message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
    if (message != NULL)
      g_error ("%s", message);
  }
}

/* The views speak the language of the session: run once in English and
 * once with LANGUAGE=zh_CN (GLib decides once per process whether to
 * translate, so the language is switched between runs, not inside one). */
static gboolean
is_chinese (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) >= 0x4E00 && g_utf8_get_char (p) <= 0x9FFF)
      return TRUE;

  return FALSE;
}

static void
check_language (GtkWidget *widget,
                gboolean   chinese,
                guint     *checked)
{
  const char *text = NULL;

  if (IPMS_IS_FIELD_ROW (widget))
    text = ipms_field_row_get_label (IPMS_FIELD_ROW (widget));
  else if (IPMS_IS_TABLE_CELL (widget))
    text = ipms_table_cell_get_label (IPMS_TABLE_CELL (widget));
  else if (ADW_IS_PREFERENCES_GROUP (widget))
    text = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget));

  if (text != NULL && text[0] != '\0')
    {
      if (is_chinese (text) != chinese)
        g_error ("“%s” is not in the language of the session", text);
      (*checked)++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_language (child, chinese, checked);
}

static void
test_language (Fixture       *fixture,
               gconstpointer  data)
{
  const IpmsFormSpec * const *specs = ipms_form_specs_get_all ();
  gboolean chinese = g_str_has_prefix (g_getenv ("LANGUAGE") != NULL ? g_getenv ("LANGUAGE") : "", "zh");

  for (guint i = 0; specs[i] != NULL; i++)
    {
      IpmsFormPage *page = show (fixture, specs[i]->id);
      guint checked = 0;

      ipms_form_page_build_all (page);
      check_language (GTK_WIDGET (page), chinese, &checked);
      g_test_message ("%s: %u labels in %s", specs[i]->id, checked, chinese ? "Chinese" : "English");
      g_assert_cmpuint (checked, >, 3);
    }
}

/* Screenshots of every view, to be looked at. */
static void
save_shot (Fixture    *fixture,
           const char *section,
           const char *variant)
{
  g_autofree char *name = g_strdup_printf ("forms-%s-%s", section, variant);
  g_autoptr(GdkTexture) texture = NULL;

  /* Text views lay their lines out in idles after the first frames. */
  for (guint i = 0; i < 4; i++)
    g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));
  texture = ipms_test_save_widget_png (GTK_WIDGET (fixture->window), name);
  g_assert_cmpint (gdk_texture_get_width (texture), >, 0);
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  const IpmsFormSpec * const *specs = ipms_form_specs_get_all ();
  AdwStyleManager *style = adw_style_manager_get_default ();

  for (guint i = 0; specs[i] != NULL; i++)
    {
      gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1600, 1000);
      show (fixture, specs[i]->id);
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
      save_shot (fixture, specs[i]->id, "wide");
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
      save_shot (fixture, specs[i]->id, "wide-dark");
      /* Narrow, the sidebar folds away and the page fills the window. */
      gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 720);
      g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));
      adw_leaflet_set_visible_child (ADW_LEAFLET (gtk_widget_get_template_child (GTK_WIDGET (fixture->window), IPMS_TYPE_WINDOW, "leaflet")),
                                     GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->window), IPMS_TYPE_WINDOW, "content")));
      save_shot (fixture, specs[i]->id, "narrow-dark");
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
      save_shot (fixture, specs[i]->id, "narrow");
    }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_empty_screenshots (Fixture       *fixture,
                        gconstpointer  data)
{
  const IpmsFormSpec * const *specs = ipms_form_specs_get_all ();

  for (guint i = 0; specs[i] != NULL; i++)
    {
      IpmsFormPage *page = show (fixture, specs[i]->id);

      g_assert_true (ipms_form_page_get_is_empty (page));
      save_shot (fixture, specs[i]->id, "empty");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* The accessible names are read back from GTK's test accessibility
   * backend; "none" (the ui suite's default) keeps no properties at all. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  ipms_test_init_gtk (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = ipms_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/forms/ui/five-looks", Fixture, NULL, empty_set_up, test_five_looks, fixture_tear_down);
  g_test_add ("/forms/ui/invalid-input", Fixture, NULL, empty_set_up, test_invalid_input, fixture_tear_down);
  g_test_add ("/forms/ui/isor", Fixture, NULL, empty_set_up, test_isor, fixture_tear_down);
  g_test_add ("/forms/ui/team", Fixture, NULL, empty_set_up, test_team, fixture_tear_down);
  g_test_add ("/forms/ui/category", Fixture, NULL, example_set_up, test_category, fixture_tear_down);
  g_test_add ("/forms/ui/date-and-money", Fixture, NULL, empty_set_up, test_date_and_money, fixture_tear_down);
  g_test_add ("/forms/ui/narrow-tables", Fixture, NULL, example_set_up, test_narrow_tables, fixture_tear_down);
  g_test_add ("/forms/ui/recycled-cell", Fixture, NULL, example_set_up, test_recycled_cell, fixture_tear_down);
  g_test_add ("/forms/ui/narrow-three-year", Fixture, NULL, example_set_up, test_narrow_three_year, fixture_tear_down);
  g_test_add ("/forms/ui/three-year-edit-keeps-width", Fixture, NULL, example_set_up,
              test_three_year_edit_keeps_width, fixture_tear_down);
  g_test_add ("/forms/ui/long-table", Fixture, NULL, empty_set_up, test_long_table, fixture_tear_down);
  g_test_add ("/forms/ui/multiline-cell", Fixture, NULL, example_set_up, test_multiline_cell, fixture_tear_down);
  g_test_add ("/forms/ui/look/money-display", Fixture, NULL, empty_set_up, test_money_display, fixture_tear_down);
  g_test_add ("/forms/ui/look/money-written-in-background", Fixture, NULL, empty_set_up,
              test_money_written_in_background, fixture_tear_down);
  g_test_add ("/forms/ui/accessible-names", Fixture, NULL, example_set_up, test_accessible_names, fixture_tear_down);
  g_test_add ("/forms/ui/look/language", Fixture, NULL, example_set_up, test_language, fixture_tear_down);
  g_test_add ("/forms/ui/look/screenshots", Fixture, NULL, example_set_up, test_screenshots, fixture_tear_down);
  g_test_add ("/forms/ui/look/empty-screenshots", Fixture, NULL, empty_set_up, test_empty_screenshots, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
