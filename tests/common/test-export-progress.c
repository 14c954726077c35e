/* test-export-progress.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports of a large plan (1,000 generated products) from a real window:
 * the PRDs, a chart and the review deck are written while the main loop
 * keeps turning (a 1 ms timer fires throughout, the longest gap between
 * two of its ticks is the longest stall), with the progress bar shown; the
 * file is whole and shows the plan as it was when the export started, even
 * when it is edited meanwhile; Cancel leaves no file; a failure reaches the
 * window's error dialog; win.export-prd follows the product count.
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ipms-application.h"
#include "ipms-bench-project.h"
#include "ipms-document.h"
#include "ipms-export-dialog.h"
#include "ipms-test-utils.h"
#include "ipms-window.h"

/* Generous for a loaded machine; the export on the main thread stalled the
 * window for its whole length (about 11 s for the PRDs). The first second
 * holds the window's own work: the dialog closing, the window restyling
 * its 1,000 chips as it becomes active again, the test's edit painted;
 * after that the main loop only waits for the export's progress. */
#define MAX_STALL_MS 1500
#define MAX_STALL_SETTLED_MS 500

static IpmsApplication *app;
static char *big_project;

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
  g_autofree char *path = ipms_test_make_temp_path ("plan.ipms");
  g_autofree char *contents = NULL;
  gsize length;

  /* A copy per test: the tests edit it. */
  g_file_get_contents (big_project, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, (gssize) length, &error);
  g_assert_no_error (error);

  fixture->document = ipms_document_open (path, &error);
  g_assert_no_error (error);
  fixture->window = ipms_window_new (app, fixture->document);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
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

static gpointer
window_child (IpmsWindow *window,
              const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), IPMS_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return child;
}

/* The main loop while an export runs: a timer's ticks, the longest gap
 * between two, and what the window showed meanwhile. */
typedef struct
{
  IpmsWindow *window;
  gint64      last;
  gint64      longest;
  /* The longest gap once the window has settled (see MAX_STALL_MS). */
  gint64      from;
  gint64      longest_settled;
  guint       ticks;
  guint       ticks_while_shown;
  double      fraction;
  gboolean    screenshot_taken;
  const char *screenshot;
} Watch;

static gboolean
watch_tick_cb (gpointer data)
{
  Watch *watch = data;
  GtkWidget *progress = window_child (watch->window, "progress_bar");
  gint64 now = g_get_monotonic_time ();

  if (watch->from != 0 && watch->last >= watch->from)
    watch->longest_settled = MAX (watch->longest_settled, now - watch->last);
  if (watch->last != 0)
    watch->longest = MAX (watch->longest, now - watch->last);
  watch->last = now;
  watch->ticks++;

  if (gtk_widget_get_visible (progress))
    {
      watch->ticks_while_shown++;
      watch->fraction = MAX (watch->fraction, gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (progress)));
      if (watch->screenshot != NULL && !watch->screenshot_taken && watch->fraction > 0.2)
        {
          g_object_unref (ipms_test_save_widget_png (GTK_WIDGET (watch->window), watch->screenshot));
          watch->screenshot_taken = TRUE;
          /* The test's own rendering is no stall of the window. */
          watch->last = g_get_monotonic_time ();
        }
    }

  return G_SOURCE_CONTINUE;
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

/* The PRD dialog of every product, set to `format_index` (0 Markdown, 1
 * PDF), exporting to `path`. */
static void
start_prd_export (Fixture      *fixture,
                  guint         format_index,
                  const char   *path,
                  ExportResult *export)
{
  IpmsExportDialog *dialog;
  GObject *format_row;
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-prd", "x", (gint64) 0));
  dialog = IPMS_EXPORT_DIALOG (ipms_test_find_toplevel (IPMS_TYPE_EXPORT_DIALOG, 5000));
  g_assert_nonnull (dialog);
  format_row = gtk_widget_get_template_child (GTK_WIDGET (dialog), IPMS_TYPE_EXPORT_DIALOG, "prd_format_row");
  adw_combo_row_set_selected (ADW_COMBO_ROW (format_row), format_index);
  g_assert_true (ipms_export_dialog_export_to (dialog, path, export_done_cb, export, &error));
  g_assert_no_error (error);
}

static void
wait_for (ExportResult *export)
{
  while (!export->done)
    g_main_context_iteration (NULL, TRUE);
}

/* Whole: a PDF that ends with its trailer. */
static void
assert_whole_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_nonnull (g_strstr_len (contents + length - MIN (length, 32), MIN (length, 32), "%%EOF"));
}

/* Nothing but `keep` in the folder: no file, no temporary sibling. */
static void
assert_folder_holds_only (const char *dir,
                          const char *keep)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    g_assert_cmpstr (name, ==, keep);
}

static void
test_prds (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = ipms_test_make_temp_path ("prds.pdf");
  ExportResult export = { 0 };
  Watch watch = { .window = fixture->window, .screenshot = "export-progress" };
  gint64 start, settle;
  guint tick;

  tick = g_timeout_add (1, watch_tick_cb, &watch);
  start = g_get_monotonic_time ();
  start_prd_export (fixture, 1, path, &export);
  g_test_message ("starting the export took %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  /* The window stays editable while it runs. */
  g_assert_true (gtk_widget_get_sensitive (window_child (fixture->window, "stack")));
  {
    gint64 edit = g_get_monotonic_time ();

    g_assert_true (ipms_window_rename_project (fixture->window, "Renamed meanwhile"));
    g_test_message ("renaming the project took %.0f ms", (g_get_monotonic_time () - edit) / 1000.0);
  }
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (fixture->window)));
  settle = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (g_get_monotonic_time () < settle && !export.done)
    g_main_context_iteration (NULL, TRUE);
  watch.from = g_get_monotonic_time ();
  wait_for (&export);
  g_source_remove (tick);

  g_assert_no_error (export.error);
  g_assert_true (export.exported);
  g_test_message ("all PRDs as PDF at 1,000 products: %.0f ms, %u timer ticks, longest stall %.0f ms "
                  "(%.0f ms once the window settled), progress up to %.2f",
                  (g_get_monotonic_time () - start) / 1000.0, watch.ticks, watch.longest / 1000.0,
                  watch.longest_settled / 1000.0, watch.fraction);
  g_assert_cmpuint (watch.ticks_while_shown, >=, 10);
  g_assert_cmpfloat (watch.fraction, >, 0.2);
  g_assert_cmpint (watch.longest / 1000, <, MAX_STALL_MS);
  g_assert_cmpint (watch.longest_settled / 1000, <, MAX_STALL_SETTLED_MS);
  g_assert_false (gtk_widget_get_visible (window_child (fixture->window, "progress_bar")));
  assert_whole_pdf (path);
}

/* The file shows the plan when the export started, whatever came after. */
static void
test_snapshot (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = ipms_test_make_temp_path ("prds.md");
  g_autofree char *before = ipms_document_dup_title (fixture->document);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  ExportResult export = { 0 };

  start_prd_export (fixture, 0, path, &export);
  g_assert_true (ipms_window_rename_project (fixture->window, "Renamed meanwhile"));
  wait_for (&export);
  g_assert_no_error (export.error);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, before));
  g_assert_null (strstr (contents, "Renamed meanwhile"));
  /* Every product's PRD. */
  g_assert_nonnull (strstr (contents, "Product 1000"));
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = ipms_test_make_temp_path ("prds.pdf");
  g_autofree char *dir = g_path_get_dirname (path);
  GtkProgressBar *progress = window_child (fixture->window, "progress_bar");
  ExportResult export = { 0 };

  start_prd_export (fixture, 1, path, &export);
  /* Well on the way, then Cancel (the toast's button). */
  while (!export.done && gtk_progress_bar_get_fraction (progress) < 0.1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (export.done);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.cancel-export", NULL));
  wait_for (&export);

  g_assert_error (export.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&export.error);
  g_assert_false (export.exported);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  assert_folder_holds_only (dir, "plan.ipms");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (progress)));
  g_assert_null (ipms_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, 5000));
}

/* A file that cannot be written: the window's error dialog says why. */
static void
test_error (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *dir = ipms_test_make_temp_path ("missing");
  g_autofree char *path = g_build_filename (dir, "prds.pdf", NULL);
  ExportResult export = { 0 };
  AdwMessageDialog *dialog;

  start_prd_export (fixture, 1, path, &export);
  wait_for (&export);
  g_assert_error (export.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&export.error);

  dialog = ADW_MESSAGE_DIALOG (ipms_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, 5000));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Export “prds.pdf”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "prds.pdf"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The project itself is never a target (for a project named *.pdf). */
  export = (ExportResult) { 0 };
  {
    g_autoptr(IpmsExportTask) task = ipms_export_task_new_for_prds (0);

    ipms_window_export (fixture->window, task, ipms_document_get_path (fixture->document),
                        export_done_cb, &export);
  }
  wait_for (&export);
  g_assert_nonnull (export.error);
  g_clear_error (&export.error);
  dialog = ADW_MESSAGE_DIALOG (ipms_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, 5000));
  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (ipms_document_count_rows (fixture->document, "product"), ==, 1000);
}

static void
test_chart (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = ipms_test_make_temp_path ("panorama.pdf");
  g_autoptr(GError) error = NULL;
  ExportResult export = { 0 };
  Watch watch = { .window = fixture->window };
  IpmsExportDialog *dialog;
  GtkWidget *page;
  GObject *row;
  guint tick;

  ipms_window_set_section (fixture->window, "panorama");
  page = ipms_window_get_section_page (fixture->window, "panorama");
  g_assert_true (ipms_test_wait_for_paint (page));
  g_assert_true (gtk_widget_activate_action (page, "panorama-page.export", NULL));
  dialog = IPMS_EXPORT_DIALOG (ipms_test_find_toplevel (IPMS_TYPE_EXPORT_DIALOG, 5000));
  g_assert_nonnull (dialog);
  row = gtk_widget_get_template_child (GTK_WIDGET (dialog), IPMS_TYPE_EXPORT_DIALOG, "format_row");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);

  tick = g_timeout_add (1, watch_tick_cb, &watch);
  g_assert_true (ipms_export_dialog_export_to (dialog, path, export_done_cb, &export, &error));
  g_assert_no_error (error);
  g_assert_true (ipms_window_rename_project (fixture->window, "Renamed meanwhile"));
  wait_for (&export);
  g_source_remove (tick);

  g_assert_no_error (export.error);
  g_assert_true (export.exported);
  g_test_message ("panorama as PDF at 1,000 products: %u timer ticks, longest stall %.0f ms",
                  watch.ticks, watch.longest / 1000.0);
  g_assert_cmpuint (watch.ticks_while_shown, >=, 2);
  g_assert_cmpint (watch.longest / 1000, <, MAX_STALL_MS);
  assert_whole_pdf (path);
}

/* Export Deck (the project menu) through its file chooser. Under Xvfb
 * GTK 4.8's fallback chooser accepts the suggested name in the working
 * folder, whatever is set on its dialog: the test works there. */
static void
test_deck (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *dir = ipms_test_make_temp_path ("deck");
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *title = ipms_document_dup_title (fixture->document);
  g_autofree char *name = g_strdup_printf ("%s.pdf", title);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GtkWidget *progress = window_child (fixture->window, "progress_bar");
  Watch watch = { .window = fixture->window };
  GtkWindow *chooser;
  guint tick;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_cmpint (g_chdir (dir), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-deck", NULL));
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  chooser = ipms_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, 5000);
  g_assert_nonnull (chooser);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (chooser)));
  tick = g_timeout_add (1, watch_tick_cb, &watch);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  G_GNUC_END_IGNORE_DEPRECATIONS

  /* The window's export: progress shown until the worker is done. */
  while (!gtk_widget_get_visible (progress))
    g_main_context_iteration (NULL, TRUE);
  while (gtk_widget_get_visible (progress))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  g_assert_cmpint (g_chdir (cwd), ==, 0);

  g_test_message ("deck as PDF at 1,000 products: %u timer ticks, longest stall %.0f ms",
                  watch.ticks, watch.longest / 1000.0);
  g_assert_cmpuint (watch.ticks_while_shown, >=, 2);
  g_assert_cmpint (watch.longest / 1000, <, MAX_STALL_MS);
  g_assert_null (ipms_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, 5000));
  assert_whole_pdf (path);
}

/* A plan without products has no PRD to export: the menu item is off. */
static void
test_prd_sensitivity (void)
{
  g_autofree char *path = ipms_test_make_temp_path ("empty.ipms");
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) document = ipms_document_create (path, "Empty", &error);
  IpmsWindow *window;
  gint64 id;

  g_assert_no_error (error);
  window = ipms_window_new (app, document);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (window)));
  /* GTK 4.8 has no way to ask whether a widget's action is enabled, and
   * says it activated a disabled one: what counts is that nothing opens. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-prd", "x", (gint64) 0);
  g_assert_null (ipms_test_find_toplevel (IPMS_TYPE_EXPORT_DIALOG, 5000));

  g_assert_true (ipms_document_begin_edit (document, "Add", NULL, &error));
  id = ipms_document_insert (document, "product", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ipms_document_commit_edit (document, &error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-prd", "x", id));
  g_assert_nonnull (ipms_test_find_toplevel (IPMS_TYPE_EXPORT_DIALOG, 5000));
  gtk_window_destroy (ipms_test_find_toplevel (IPMS_TYPE_EXPORT_DIALOG, 5000));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (ipms_document_count_rows (document, "product"), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-prd", "x", (gint64) 0);
  g_assert_null (ipms_test_find_toplevel (IPMS_TYPE_EXPORT_DIALOG, 5000));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  int status;

  ipms_test_init_gtk (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = ipms_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  dir = g_dir_make_tmp ("ipms-export-progress-XXXXXX", &error);
  g_assert_no_error (error);
  big_project = ipms_bench_generate_project (dir, 1000);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/export-progress/prds", test_prds);
  ADD ("/export-progress/snapshot", test_snapshot);
  ADD ("/export-progress/cancel", test_cancel);
  ADD ("/export-progress/error", test_error);
  ADD ("/export-progress/chart", test_chart);
  ADD ("/export-progress/deck", test_deck);
#undef ADD
  g_test_add_func ("/export-progress/prd-sensitivity", test_prd_sensitivity);

  status = g_test_run ();

  g_unlink (big_project);
  g_rmdir (dir);
  g_free (big_project);
  g_clear_object (&app);

  return status;
}
