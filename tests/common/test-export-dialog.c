/* test-export-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one export dialog, opened from each chart page of a real project
 * window and by win.export-prd: what it offers per chart, the file chooser it opens (on GTK 4.8 a
 * GtkFileChooserNative, which under Xvfb without a portal shows a
 * GtkFileChooserDialog), cancelling it, the settings it remembers in the
 * project, and what it writes.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ipms-application.h"
#include "ipms-document.h"
#include "ipms-example.h"
#include "ipms-export-dialog.h"
#include "ipms-format.h"
#include "ipms-test-utils.h"
#include "ipms-time-axis.h"
#include "ipms-timeline-page.h"
#include "ipms-window.h"

static IpmsApplication *app;

typedef struct
{
  IpmsDocument *document;
  IpmsWindow   *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->document = ipms_example_new_draft ("en_US.UTF-8", &error);
  g_assert_no_error (error);
  fixture->window = ipms_window_new (app, fixture->document);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));
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

static gboolean
toplevel_exists (GtkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) item = g_list_model_get_item (toplevels, i);

      if (item == window)
        return TRUE;
    }

  return FALSE;
}

static gboolean
chooser_shown (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) item = g_list_model_get_item (toplevels, i);

      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      if (GTK_IS_FILE_CHOOSER_DIALOG (item) && gtk_widget_get_visible (GTK_WIDGET (item)))
        return TRUE;
      G_GNUC_END_IGNORE_DEPRECATIONS
    }

  return FALSE;
}

typedef struct
{
  gboolean  done;
  gboolean  exported;
  GError   *error;
} ExportResult;

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportResult *export = user_data;

  export->exported = ipms_window_export_finish (IPMS_WINDOW (object), result, &export->error);
  export->done = TRUE;
}

/* Exports with the dialog's settings (which closes it) and waits for the
 * window's export to end. */
static gboolean
export_to (IpmsExportDialog *dialog,
           const char       *path)
{
  ExportResult export = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (ipms_export_dialog_export_to (dialog, path, export_done_cb, &export, &error));
  g_assert_no_error (error);
  while (!export.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (export.error);

  return export.exported;
}

/* Runs the export action of the section's page; returns the dialog. */
static IpmsExportDialog *
open_export_dialog (Fixture    *fixture,
                    const char *section)
{
  GtkWidget *page;
  IpmsExportDialog *dialog;

  ipms_window_set_section (fixture->window, section);
  page = ipms_window_get_section_page (fixture->window, section);
  g_assert_true (ipms_test_wait_for_paint (page));

  if (g_str_equal (section, "panorama"))
    g_assert_true (gtk_widget_activate_action (page, "panorama-page.export", NULL));
  else
    g_assert_true (gtk_widget_activate_action (ipms_test_find_widget (page, IPMS_TYPE_TIMELINE_PAGE, NULL, NULL),
                                               "timeline.export", NULL));

  dialog = IPMS_EXPORT_DIALOG (ipms_test_find_toplevel (IPMS_TYPE_EXPORT_DIALOG, 5000));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (dialog)));

  return dialog;
}

static gpointer
dialog_child (IpmsExportDialog *dialog,
              const char       *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (dialog), IPMS_TYPE_EXPORT_DIALOG, name);

  g_assert_nonnull (child);
  return child;
}

/* Export… in the dialog opens the file chooser with the suggested name (or
 * one with the chosen format's extension) and that format's filter; Cancel there leaves the dialog as it was. */
static void
check_chooser_opens_and_cancels (IpmsExportDialog *dialog,
                                 const char       *expected_name)
{
  GtkWindow *chooser;
  GtkFileFilter *filter;
  g_autofree char *name = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.choose-file", NULL));
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  chooser = ipms_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, 5000);
  g_assert_nonnull (chooser);
  g_assert_true (gtk_window_get_transient_for (chooser) == GTK_WINDOW (dialog));
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  if (expected_name != NULL)
    g_assert_cmpstr (name, ==, expected_name);
  else
    g_assert_true (g_str_has_suffix (name, ".pdf"));
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  g_assert_nonnull (filter);
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==,
                   gtk_string_object_get_string (adw_combo_row_get_selected_item (
                     dialog_child (dialog, gtk_widget_get_visible (dialog_child (dialog, "prd_group"))
                                             ? "prd_format_row" : "format_row"))));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (chooser)));

  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_false (toplevel_exists (chooser));
  g_assert_true (toplevel_exists (GTK_WINDOW (dialog)));
}

static void
test_panorama (Fixture       *fixture,
               gconstpointer  data)
{
  IpmsExportDialog *dialog = open_export_dialog (fixture, "panorama");
  g_autofree char *title = ipms_document_dup_title (fixture->document);
  g_autofree char *expected = g_strdup_printf ("%s – Product panorama.png", title);
  g_autofree char *name = ipms_export_dialog_dup_file_name (dialog);

  /* The panorama has no dates: no range to pick. */
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "range_group")));
  /* A page fitted to the chart has no orientation to show. */
  g_assert_cmpuint (adw_combo_row_get_selected (dialog_child (dialog, "page_row")), ==, 0);
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "landscape_row")));
  adw_combo_row_set_selected (dialog_child (dialog, "page_row"), 1);
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "landscape_row")));
  adw_combo_row_set_selected (dialog_child (dialog, "page_row"), 0);

  g_assert_cmpstr (name, ==, expected);
  check_chooser_opens_and_cancels (dialog, expected);
  g_object_unref (ipms_test_save_widget_png (GTK_WIDGET (dialog), "export-dialog-panorama"));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_timeline (Fixture       *fixture,
               gconstpointer  data)
{
  const char *section = data;
  IpmsExportDialog *dialog = open_export_dialog (fixture, section);
  g_autofree char *title = ipms_document_dup_title (fixture->document);
  g_autofree char *expected = g_strdup_printf ("%s – %s.png", title,
                                               g_str_equal (section, "roadmap") ? "Roadmap" : "New product chart");
  g_autofree char *artifact = g_strdup_printf ("export-dialog-%s", section);
  GtkMenuButton *from = dialog_child (dialog, "from_button");
  GtkMenuButton *to = dialog_child (dialog, "to_button");

  /* The range is picked on calendars and shown as the locale writes dates. */
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "range_group")));
  g_assert_cmpstr (gtk_menu_button_get_label (from), !=, "");
  g_assert_null (strchr (gtk_menu_button_get_label (from), '-'));
  g_assert_cmpstr (gtk_menu_button_get_label (to), !=, "");

  check_chooser_opens_and_cancels (dialog, expected);

  /* The calendar's popover. */
  gtk_menu_button_popup (from);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (gtk_menu_button_get_popover (from))));
  g_object_unref (ipms_test_save_widget_png (GTK_WIDGET (dialog), artifact));
  gtk_menu_button_popdown (from);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
select_day (GtkCalendar *calendar,
            int          year,
            int          month,
            int          day)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (year, month, day, 12, 0, 0);

  gtk_calendar_select_day (calendar, time);
  /* The dialog listens to "day-selected", which a click emits. */
  g_signal_emit_by_name (calendar, "day-selected");
}

/* The settings are the project's, kept outside the undo history, and come
 * back in the next dialog of any chart; the range is each timeline's own. */
static void
test_remembered (Fixture       *fixture,
                 gconstpointer  data)
{
  IpmsExportDialog *dialog = open_export_dialog (fixture, "roadmap");
  gboolean could_undo = ipms_document_can_undo (fixture->document);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  adw_combo_row_set_selected (dialog_child (dialog, "format_row"), 2);
  adw_combo_row_set_selected (dialog_child (dialog, "page_row"), 1);
  gtk_switch_set_active (dialog_child (dialog, "landscape_switch"), FALSE);
  gtk_switch_set_active (dialog_child (dialog, "dark_switch"), TRUE);
  select_day (dialog_child (dialog, "from_calendar"), 2027, 1, 1);
  select_day (dialog_child (dialog, "to_calendar"), 2027, 12, 31);

  /* A range that ends before it starts cannot be exported. */
  select_day (dialog_child (dialog, "to_calendar"), 2026, 12, 31);
  g_assert_true (gtk_widget_has_css_class (dialog_child (dialog, "to_row"), "error"));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (dialog)));
  g_object_unref (ipms_test_save_widget_png (GTK_WIDGET (dialog), "export-dialog-invalid-range"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.choose-file", NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (chooser_shown ());
  select_day (dialog_child (dialog, "to_calendar"), 2027, 12, 31);
  g_assert_false (gtk_widget_has_css_class (dialog_child (dialog, "to_row"), "error"));

  check_chooser_opens_and_cancels (dialog, NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_cmpint (ipms_document_can_undo (fixture->document), ==, could_undo);
  from = ipms_document_dup_view_state (fixture->document, "export.roadmap.from");
  to = ipms_document_dup_view_state (fixture->document, "export.roadmap.to");
  g_assert_cmpstr (from, ==, "2027-01-01");
  g_assert_cmpstr (to, ==, "2027-12-31");

  /* The panorama's dialog takes the shared settings. */
  dialog = open_export_dialog (fixture, "panorama");
  g_assert_cmpuint (adw_combo_row_get_selected (dialog_child (dialog, "format_row")), ==, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (dialog_child (dialog, "page_row")), ==, 1);
  g_assert_false (gtk_switch_get_active (dialog_child (dialog, "landscape_switch")));
  g_assert_true (gtk_switch_get_active (dialog_child (dialog, "dark_switch")));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The roadmap's comes back with its range. */
  dialog = open_export_dialog (fixture, "roadmap");
  {
    g_autofree char *first = ipms_format_date (ipms_time_day_from_iso ("2027-01-01"));

    g_assert_cmpstr (gtk_menu_button_get_label (dialog_child (dialog, "from_button")), ==, first);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_export_to (Fixture       *fixture,
                gconstpointer  data)
{
  IpmsExportDialog *dialog = open_export_dialog (fixture, "roadmap");
  g_autofree char *path = ipms_test_make_temp_path ("roadmap");
  g_autofree char *png = g_strconcat (path, ".png", NULL);
  cairo_surface_t *surface;

  adw_combo_row_set_selected (dialog_child (dialog, "format_row"), 0);
  adw_combo_row_set_selected (dialog_child (dialog, "page_row"), 3);
  gtk_switch_set_active (dialog_child (dialog, "landscape_switch"), TRUE);

  /* The format is the dialog's: a name typed without it gets it. */
  g_assert_true (export_to (dialog, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  surface = cairo_image_surface_create_from_png (png);
  /* 16:9 slide, landscape, at the default 192 dpi. */
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 2560);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1440);
  cairo_surface_destroy (surface);
}

/* win.export-prd opens the same dialog for PRDs: Markdown or PDF, of the
 * product or of all of them; the chart's settings are not offered. */
static IpmsExportDialog *
open_prd_dialog (Fixture *fixture,
                 gint64   product_id)
{
  IpmsExportDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-prd", "x", product_id));
  dialog = IPMS_EXPORT_DIALOG (ipms_test_find_toplevel (IPMS_TYPE_EXPORT_DIALOG, 5000));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (dialog)));
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "prd_group")));
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "chart_group")));
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "range_group")));

  return dialog;
}

static void
test_prd (Fixture       *fixture,
          gconstpointer  data)
{
  IpmsExportDialog *dialog = open_prd_dialog (fixture, 1);
  g_autofree char *title = ipms_document_dup_title (fixture->document);
  g_autofree char *one = g_strdup_printf ("%s – PawSmart Feeder Pro PRD.md", title);
  g_autofree char *all = g_strdup_printf ("%s – PRDs.pdf", title);
  g_autofree char *name = ipms_export_dialog_dup_file_name (dialog);
  g_autofree char *path = ipms_test_make_temp_path ("prds");
  g_autofree char *pdf = g_strconcat (path, ".pdf", NULL);
  g_autofree char *remembered = NULL;
  g_autofree char *chart_format = ipms_document_dup_view_state (fixture->document, "export.format");
  g_autofree char *data_written = NULL;
  g_autoptr(GError) error = NULL;
  gboolean could_undo = ipms_document_can_undo (fixture->document);

  /* Opened for a product: that product, or all of them. */
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "scope_row")));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (dialog_child (dialog, "scope_row"))), ==, 2);
  g_assert_cmpstr (name, ==, one);
  check_chooser_opens_and_cancels (dialog, one);
  g_object_unref (ipms_test_save_widget_png (GTK_WIDGET (dialog), "export-dialog-prd"));

  adw_combo_row_set_selected (dialog_child (dialog, "scope_row"), 1);
  adw_combo_row_set_selected (dialog_child (dialog, "prd_format_row"), 1);
  g_clear_pointer (&name, g_free);
  name = ipms_export_dialog_dup_file_name (dialog);
  g_assert_cmpstr (name, ==, all);
  check_chooser_opens_and_cancels (dialog, all);

  /* What it writes: every PRD, as the chosen format, whatever the name. */
  g_assert_true (export_to (dialog, path));
  g_file_get_contents (pdf, &data_written, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (data_written, "%PDF-"));

  /* The PRD format is remembered on its own, outside the undo history. */
  remembered = ipms_document_dup_view_state (fixture->document, "export.prd.format");
  g_assert_cmpstr (remembered, ==, "pdf");
  {
    g_autofree char *chart_after = ipms_document_dup_view_state (fixture->document, "export.format");

    g_assert_cmpstr (chart_after, ==, chart_format);
  }
  g_assert_cmpint (ipms_document_can_undo (fixture->document), ==, could_undo);

  /* Opened for all (the menu), there is nothing to choose but the format,
   * which comes back. */
  dialog = open_prd_dialog (fixture, 0);
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "scope_row")));
  g_assert_cmpuint (adw_combo_row_get_selected (dialog_child (dialog, "prd_format_row")), ==, 1);
  g_clear_pointer (&name, g_free);
  name = ipms_export_dialog_dup_file_name (dialog);
  g_assert_cmpstr (name, ==, all);
  gtk_window_destroy (GTK_WINDOW (dialog));
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

#define ADD(path, data, func) g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/export-dialog/panorama", NULL, test_panorama);
  ADD ("/export-dialog/new-products", "new-products", test_timeline);
  ADD ("/export-dialog/roadmap", "roadmap", test_timeline);
  ADD ("/export-dialog/remembered", NULL, test_remembered);
  ADD ("/export-dialog/export-to", NULL, test_export_to);
  ADD ("/export-dialog/prd", NULL, test_prd);
#undef ADD

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
