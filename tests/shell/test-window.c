/* test-window.c: the application and its project window, under a display.
 * Run in English and in Chinese (LANGUAGE=zh_CN): the screenshots of both
 * land in $IPMS_TEST_ARTIFACTS.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <unistd.h>
#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include "ipms-application.h"
#include "ipms-canvas-view.h"
#include "ipms-export-dialog.h"
#include "ipms-form-page.h"
#include "ipms-panorama-page.h"
#include "ipms-record.h"
#include "ipms-timeline-canvas.h"
#include "ipms-timeline-chart.h"
#include "ipms-timeline-page.h"
#include "ipms-timeline-section.h"
#include "ipms-test-utils.h"
#include "ipms-window.h"

static IpmsApplication *app;

/* A new project file in the test case's own folder. */
static GFile *
create_project (const char *basename,
                const char *name)
{
  g_autofree char *path = ipms_test_make_temp_path (basename);
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = ipms_document_create (path, name, &error);
  g_assert_no_error (error);
  ipms_document_close (document);

  return g_file_new_for_path (path);
}

static guint
count_project_windows (void)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (IPMS_IS_WINDOW (l->data))
      n++;

  return n;
}

/* Opens through GApplication, as the command line and the file manager do. */
static IpmsWindow *
open_file (GFile *file)
{
  GtkWindow *window;

  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = ipms_application_find_window (app, file);
  g_assert_true (IPMS_IS_WINDOW (window));

  return IPMS_WINDOW (window);
}

static void
close_all_windows (void)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));

  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
}

static gpointer
template_child (IpmsWindow *window,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), IPMS_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return child;
}

static void
save_png (IpmsWindow *window,
          const char *name)
{
  g_autoptr(GdkTexture) texture = NULL;

  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (window)));
  texture = ipms_test_save_widget_png (GTK_WIDGET (window), name);
  g_assert_cmpint (gdk_texture_get_width (texture), >, 0);
}

/* The size a first window gets: the settings' defaults. */
static void
set_first_window_size (IpmsWindow *window)
{
  GSettings *settings = ipms_application_get_settings (app);
  g_autoptr(GVariant) width = g_settings_get_default_value (settings, "window-width");
  g_autoptr(GVariant) height = g_settings_get_default_value (settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (window),
                               g_variant_get_int32 (width),
                               g_variant_get_int32 (height));
}

static void
test_sections (void)
{
  g_autoptr(GFile) file = create_project ("sections.ipms", "Sections Plan");
  const char * const *ids = ipms_window_list_sections ();
  IpmsWindow *window = open_file (file);
  GtkStack *stack = template_child (window, "stack");
  GtkListBox *sidebar = template_child (window, "sidebar_list");
  AdwWindowTitle *section_title = template_child (window, "section_title");
  AdwLeaflet *leaflet = template_child (window, "leaflet");
  const char *last = NULL;
  const char *last_built = NULL;
  const char *placeholder = NULL;
  g_autofree char *remembered = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(GtkSelectionModel) pages = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Sections Plan");
  /* No page is built before the window's first frame, and only the page
   * shown right after it. */
  pages = gtk_stack_get_pages (stack);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, 0);
  set_first_window_size (window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (window)));
  while (g_list_model_get_n_items (G_LIST_MODEL (pages)) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, ipms_window_get_section (window));

  for (n = 0; ids[n] != NULL; n++)
    {
      GtkWidget *page = ipms_window_get_section_page (window, ids[n]);
      g_autofree char *png = g_strdup_printf ("window-%02u-%s", n + 1, ids[n]);
      GtkListBoxRow *row;

      g_assert_nonnull (page);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", ids[n]);

      g_assert_cmpstr (ipms_window_get_section (window), ==, ids[n]);
      /* A window of the default size is no narrow one: every page leaves
       * room for the sidebar. */
      g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (window)));
      if (adw_leaflet_get_folded (leaflet))
        {
          int minimum;

          gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
          g_test_message ("%s is at least %d pixels wide", G_OBJECT_TYPE_NAME (page), minimum);
        }
      g_assert_false (adw_leaflet_get_folded (leaflet));
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, ids[n]);
      g_assert_true (gtk_stack_get_visible_child (stack) == page);
      row = gtk_list_box_get_selected_row (sidebar);
      g_assert_nonnull (row);
      g_assert_cmpint (gtk_list_box_row_get_index (row), ==, n);
      g_assert_cmpstr (adw_window_title_get_title (section_title), ==,
                       gtk_stack_page_get_title (gtk_stack_get_page (stack, page)));

      /* A view that is not built says so instead of pretending. */
      if (ADW_IS_STATUS_PAGE (page))
        {
          g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==,
                           adw_window_title_get_title (section_title));
          g_assert_true (g_str_has_prefix (adw_status_page_get_description (ADW_STATUS_PAGE (page)),
                                           _("This view is not available yet in this version.")));
        }

      save_png (window, png);
      last = ids[n];
      if (!ADW_IS_STATUS_PAGE (page))
        last_built = ids[n];
      else
        placeholder = ids[n];
    }

  /* Twelve sections, in the method's groups. */
  g_assert_cmpuint (n, ==, 12);

  /* The last section is remembered in the project; on reopening, a
   * placeholder gives way to the panorama, a built view is shown again. */
  close_all_windows ();
  document = ipms_document_open (path, &error);
  g_assert_no_error (error);
  remembered = ipms_document_dup_view_state (document, "window.section");
  g_assert_cmpstr (remembered, ==, last);
  ipms_document_close (document);
  g_clear_object (&document);
  if (placeholder != NULL)
    {
      window = open_file (file);
      ipms_window_set_section (window, placeholder);
      close_all_windows ();
      window = open_file (file);
      g_assert_true (ADW_IS_STATUS_PAGE (ipms_window_get_section_page (window, placeholder)));
      g_assert_cmpstr (ipms_window_get_section (window), ==, "panorama");
    }
  g_assert_nonnull (last_built);
  window = open_file (file);
  ipms_window_set_section (window, last_built);
  close_all_windows ();
  window = open_file (file);
  g_assert_cmpstr (ipms_window_get_section (window), ==, last_built);

  /* Stepping through the sections stops at either end. */
  ipms_window_set_section (window, last);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-section", NULL);
  g_assert_cmpstr (ipms_window_get_section (window), ==, last);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-section", NULL);
  g_assert_cmpstr (ipms_window_get_section (window), ==, ids[n - 2]);
  ipms_window_set_section (window, ids[0]);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-section", NULL);
  g_assert_cmpstr (ipms_window_get_section (window), ==, ids[0]);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-section", NULL);
  g_assert_cmpstr (ipms_window_get_section (window), ==, ids[1]);

  close_all_windows ();
}

static void
set_project_name (IpmsDocument *document,
                  const char   *name)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  IpmsRecord *project = ipms_document_get_project (document);

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, name);
  ipms_document_edit_value (document, "Rename the project", NULL,
                            "project", ipms_record_get_id (project), "name",
                            &value, &error);
  g_assert_no_error (error);
}

static void
test_undo_redo (void)
{
  g_autoptr(GFile) file = create_project ("undo.ipms", "Before");
  IpmsWindow *window = open_file (file);
  IpmsDocument *document = ipms_window_get_document (window);
  GtkWidget *undo_button = template_child (window, "undo_button");
  GtkWidget *redo_button = template_child (window, "redo_button");
  AdwWindowTitle *project_title = template_child (window, "project_title");
  g_autofree char *expected = NULL;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (window)));

  /* A new project has nothing to undo. */
  g_assert_false (ipms_document_can_undo (document));
  g_assert_false (gtk_widget_get_sensitive (undo_button));
  g_assert_false (gtk_widget_get_sensitive (redo_button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (undo_button), ==, _("Undo"));

  set_project_name (document, "After");
  g_assert_true (gtk_widget_get_sensitive (undo_button));
  g_assert_false (gtk_widget_get_sensitive (redo_button));
  expected = g_strdup_printf (_("Undo “%s”"), "Rename the project");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (undo_button), ==, expected);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "After");
  g_assert_cmpstr (adw_window_title_get_title (project_title), ==, "After");
  save_png (window, "window-undo-available");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (ipms_record_get_string (ipms_document_get_project (document), "name"), ==, "Before");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Before");
  g_assert_false (gtk_widget_get_sensitive (undo_button));
  g_assert_true (gtk_widget_get_sensitive (redo_button));
  g_free (expected);
  expected = g_strdup_printf (_("Redo “%s”"), "Rename the project");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (redo_button), ==, expected);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpstr (ipms_record_get_string (ipms_document_get_project (document), "name"), ==, "After");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "After");
  g_assert_true (gtk_widget_get_sensitive (undo_button));
  g_assert_false (gtk_widget_get_sensitive (redo_button));

  close_all_windows ();
}

/* GTK 4.8 cannot synthesize a drag: hand the window's drop target the files. */
static void
drop_file (IpmsWindow *window,
           GFile      *file)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean dropped = FALSE;
  guint n_targets = 0;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (&file, 1));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        {
          g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &dropped);
          n_targets++;
        }
    }

  g_assert_cmpuint (n_targets, ==, 1);
  g_assert_true (dropped);
}

static void
test_one_window_per_file (void)
{
  g_autoptr(GFile) first = create_project ("first.ipms", "First");
  g_autoptr(GFile) second = create_project ("second.ipms", "Second");
  g_autofree char *first_path = g_file_get_path (first);
  g_autofree char *dir = g_path_get_dirname (first_path);
  g_autofree char *link_path = g_build_filename (dir, "link-to-first.ipms", NULL);
  g_autoptr(GFile) link = g_file_new_for_path (link_path);
  g_autoptr(GFile) dotted = NULL;
  g_auto(GStrv) recent = NULL;
  g_autofree char *second_uri = g_file_get_uri (second);
  IpmsWindow *first_window;
  IpmsWindow *second_window;

  first_window = open_file (first);
  g_assert_cmpuint (count_project_windows (), ==, 1);

  /* The same file under other names: still one window. */
  g_assert_cmpint (symlink (first_path, link_path), ==, 0);
  g_assert_true (open_file (link) == first_window);
  dotted = g_file_new_for_commandline_arg_and_cwd ("./first.ipms", dir);
  g_assert_true (open_file (dotted) == first_window);
  g_assert_true (open_file (first) == first_window);
  g_assert_cmpuint (count_project_windows (), ==, 1);

  second_window = open_file (second);
  g_assert_true (second_window != first_window);
  g_assert_cmpuint (count_project_windows (), ==, 2);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (second_window)), ==, "Second");

  /* Both are recent projects, the last opened first. */
  recent = g_settings_get_strv (ipms_application_get_settings (app), "recent-projects");
  g_assert_cmpstr (recent[0], ==, second_uri);
  g_assert_cmpuint (g_menu_model_get_n_items (ipms_application_get_recent_menu (app)), >=, 2);

  /* A file dropped on a window opens in its own window. */
  gtk_window_destroy (GTK_WINDOW (second_window));
  g_assert_cmpuint (count_project_windows (), ==, 1);
  drop_file (first_window, second);
  g_assert_cmpuint (count_project_windows (), ==, 2);
  g_assert_nonnull (ipms_application_find_window (app, second));

  /* Open Recent presents the window that has the file. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-recent",
                                  g_variant_new_string (second_uri));
  g_assert_cmpuint (count_project_windows (), ==, 2);

  close_all_windows ();
}

static void
test_open_error (void)
{
  g_autofree char *path = ipms_test_make_temp_path ("not-a-project.ipms");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) project = create_project ("project.ipms", "Project");
  g_autoptr(GError) error = NULL;
  GList *windows;

  g_file_set_contents (path, "This is not a project.", -1, &error);
  g_assert_no_error (error);

  /* Over a project window: a dialog on top of it, and the window stays. */
  open_file (project);
  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_null (ipms_application_find_window (app, file));
  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  g_assert_cmpuint (count_project_windows (), ==, 1);
  g_assert_cmpuint (g_list_length (windows), ==, 1);

  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      {
        g_assert_true (gtk_window_get_transient_for (l->data) == windows->data);
        gtk_window_destroy (l->data);
      }

  close_all_windows ();

  /* With no window open, the dialog alone is shown and keeps the application up. */
  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_cmpuint (count_project_windows (), ==, 0);
  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  g_assert_cmpuint (g_list_length (windows), ==, 1);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (windows->data));

  close_all_windows ();
}

static void
test_window_size (void)
{
  g_autoptr(GFile) file = create_project ("size.ipms", "Size");
  GSettings *settings = ipms_application_get_settings (app);
  IpmsWindow *window = open_file (file);
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (window)));
  /* The page takes the width the sidebar does not need (a search entry
   * that expands once made the sidebar take half the window). */
  g_object_set (window, "section", "team", NULL);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (window)));
  g_assert_cmpint (gtk_widget_get_width (ipms_window_get_section_page (window, "team")), >=, 1000 - 360);
  gtk_window_close (GTK_WINDOW (window));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  window = open_file (file);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 700);

  close_all_windows ();
}

static IpmsWindow *
only_project_window (void)
{
  g_assert_cmpuint (count_project_windows (), ==, 1);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (IPMS_IS_WINDOW (l->data))
      return l->data;

  g_assert_not_reached ();
}

static void
destroy_message_dialogs (void)
{
  guint n = 0;

  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      {
        gtk_window_destroy (l->data);
        n++;
      }

  g_assert_cmpuint (n, ==, 1);
}

static gboolean
strv_has_file (char  **uris,
               GFile  *file)
{
  for (guint i = 0; uris[i] != NULL; i++)
    {
      g_autoptr(GFile) listed = g_file_new_for_uri (uris[i]);

      if (g_file_equal (listed, file))
        return TRUE;
    }

  return FALSE;
}


typedef struct
{
  gboolean  done;
  gboolean  imported;
  GError   *error;
} ImportResult;

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImportResult *import = user_data;

  import->imported = ipms_window_import_json_finish (IPMS_WINDOW (object), result, &import->error);
  import->done = TRUE;
}

/* Runs the window's import to its end. */
static gboolean
import_json (IpmsWindow *window,
             GFile      *file)
{
  ImportResult import = { 0 };

  ipms_window_import_json (window, file, import_done_cb, &import);
  while (!import.done)
    g_main_context_iteration (NULL, TRUE);
  g_clear_error (&import.error);

  return import.imported;
}

static void
test_draft_save_as_and_json (void)
{
  g_autofree char *target_path = ipms_test_make_temp_path ("saved.ipms");
  g_autofree char *json_path = ipms_test_make_temp_path ("plan.json");
  g_autofree char *broken_path = ipms_test_make_temp_path ("broken.json");
  g_autoptr(GFile) target = g_file_new_for_path (target_path);
  g_autoptr(GFile) json = g_file_new_for_path (json_path);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autoptr(GFile) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) recent = NULL;
  g_autofree char *label = NULL;
  GSettings *settings = ipms_application_get_settings (app);
  AdwWindowTitle *project_title;
  IpmsDocument *document;
  IpmsWindow *window;

  /* app.new: a draft, listed as recent so that it is never lost. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  window = only_project_window ();
  document = ipms_window_get_document (window);
  project_title = template_child (window, "project_title");
  g_assert_true (ipms_document_get_is_draft (document));
  g_assert_cmpstr (adw_window_title_get_subtitle (project_title), ==, _("Draft"));
  draft = g_file_new_for_path (ipms_document_get_path (document));
  recent = g_settings_get_strv (settings, "recent-projects");
  g_assert_true (strv_has_file (recent, draft));
  g_clear_pointer (&recent, g_strfreev);

  /* Save As: the window follows the file, the draft leaves the recent list. */
  g_assert_true (ipms_window_save_as (window, target));
  g_assert_false (ipms_document_get_is_draft (document));
  g_assert_cmpstr (ipms_document_get_path (document), ==, target_path);
  g_assert_cmpstr (adw_window_title_get_subtitle (project_title), ==, "saved.ipms");
  g_assert_true (ipms_application_find_window (app, target) == GTK_WINDOW (window));
  recent = g_settings_get_strv (settings, "recent-projects");
  g_assert_true (strv_has_file (recent, target));
  g_assert_false (strv_has_file (recent, draft));

  /* Export, change, import: the import is one step that undo takes back. */
  set_project_name (document, "Exported");
  g_assert_true (ipms_window_export_json (window, json));
  g_assert_true (g_file_query_exists (json, NULL));
  set_project_name (document, "Changed");
  g_assert_true (import_json (window, json));
  g_assert_cmpstr (ipms_record_get_string (ipms_document_get_project (document), "name"), ==, "Exported");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Exported");
  label = g_strdup_printf (_("Import “%s”"), "plan.json");
  g_assert_cmpstr (ipms_document_get_undo_label (document), ==, label);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (ipms_record_get_string (ipms_document_get_project (document), "name"), ==, "Changed");

  /* A bad file changes nothing and says why in a dialog. */
  g_file_set_contents (broken_path, "{ \"format\": ", -1, &error);
  g_assert_no_error (error);
  g_assert_false (import_json (window, broken));
  g_assert_cmpstr (ipms_record_get_string (ipms_document_get_project (document), "name"), ==, "Changed");
  destroy_message_dialogs ();

  close_all_windows ();
}


/* A large import runs while the main loop keeps turning: a timer fires
 * during it, the progress bar shows, and the window takes no edit until
 * the plan is in; Cancel leaves the plan as it was. */
typedef struct
{
  IpmsWindow *window;
  guint       ticks;
  guint       ticks_while_shown;
  gboolean    undo_enabled;
  double      fraction;
} Watch;

static gboolean
watch_tick_cb (gpointer data)
{
  Watch *watch = data;
  GtkWidget *progress = template_child (watch->window, "progress_bar");

  watch->ticks++;
  if (gtk_widget_get_visible (progress))
    {
      watch->ticks_while_shown++;
      watch->fraction = MAX (watch->fraction, gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (progress)));
      watch->undo_enabled |= gtk_widget_is_sensitive (template_child (watch->window, "undo_button"));
    }

  return G_SOURCE_CONTINUE;
}

static void
test_import_progress (void)
{
  g_autoptr(GFile) file = create_project ("big-import.ipms", "Before");
  g_autofree char *json_path = ipms_test_make_temp_path ("big.json");
  g_autoptr(GFile) json = g_file_new_for_path (json_path);
  g_autoptr(GString) plan = g_string_new ("{\"format\": \"ipms-planner\", \"version\": 2,\n"
                                          " \"projects\": [{\"id\": 1, \"name\": \"After\"}],\n"
                                          " \"products\": [");
  g_autoptr(GError) error = NULL;
  IpmsDocument *document;
  IpmsWindow *window;
  ImportResult import = { 0 };
  Watch watch = { 0 };
  guint tick;

  for (guint i = 1; i <= 20000; i++)
    g_string_append_printf (plan, "%s{\"id\": %u, \"name\": \"Product %u\", \"grade\": \"A\", \"status\": \"idea\"}",
                            i > 1 ? ",\n" : "", i, i);
  g_string_append (plan, "]}");
  g_file_set_contents (json_path, plan->str, (gssize) plan->len, &error);
  g_assert_no_error (error);

  window = open_file (file);
  document = ipms_window_get_document (window);
  set_project_name (document, "Changed");
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (window)));

  watch.window = window;
  tick = g_timeout_add (1, watch_tick_cb, &watch);

  /* Cancelled while it reads: nothing changes. */
  ipms_window_import_json (window, json, import_done_cb, &import);
  g_assert_false (gtk_widget_get_sensitive (template_child (window, "stack")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-import", NULL));
  while (!import.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (import.imported);
  g_assert_error (import.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&import.error);
  g_assert_cmpstr (ipms_record_get_string (ipms_document_get_project (document), "name"), ==, "Changed");
  g_assert_false (gtk_widget_get_visible (template_child (window, "progress_bar")));
  g_assert_true (gtk_widget_get_sensitive (template_child (window, "stack")));

  /* Run to the end. */
  watch.ticks = 0;
  import = (ImportResult) { 0 };
  ipms_window_import_json (window, json, import_done_cb, &import);
  while (!import.done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);

  g_assert_no_error (import.error);
  g_assert_true (import.imported);
  g_test_message ("%u timer ticks during the import, %u with the progress bar shown, up to %.2f",
                  watch.ticks, watch.ticks_while_shown, watch.fraction);
  g_assert_cmpuint (watch.ticks_while_shown, >=, 2);
  g_assert_cmpfloat (watch.fraction, >, 0);
  g_assert_false (watch.undo_enabled);
  g_assert_cmpuint (ipms_document_count_rows (document, "product"), ==, 20000);
  g_assert_cmpstr (ipms_record_get_string (ipms_document_get_project (document), "name"), ==, "After");
  g_assert_false (gtk_widget_get_visible (template_child (window, "progress_bar")));

  /* One step, which undo takes back, in slices under the progress bar;
   * until it is done the window shows the imported plan whole. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (ipms_document_get_busy (document));
  g_assert_true (gtk_widget_get_visible (template_child (window, "progress_bar")));
  while (ipms_document_get_busy (document))
    {
      g_assert_cmpstr (ipms_record_get_string (ipms_document_get_project (document), "name"), ==, "After");
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_false (gtk_widget_get_visible (template_child (window, "progress_bar")));
  g_assert_cmpstr (ipms_record_get_string (ipms_document_get_project (document), "name"), ==, "Changed");
  g_assert_cmpuint (ipms_document_count_rows (document, "product"), ==, 0);

  close_all_windows ();
}

static void
test_activate (void)
{
  g_autoptr(GFile) file = create_project ("recent.ipms", "Recent");
  g_autofree char *path = g_file_get_path (file);
  IpmsWindow *window;

  /* With no window, activating reopens the most recent project… */
  open_file (file);
  close_all_windows ();
  g_application_activate (G_APPLICATION (app));
  window = only_project_window ();
  g_assert_cmpstr (ipms_document_get_path (ipms_window_get_document (window)), ==, path);

  /* …and with a window open, just presents it. */
  g_application_activate (G_APPLICATION (app));
  g_assert_true (only_project_window () == window);
  close_all_windows ();

  /* A recent project that is gone gives way to a new draft. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_application_activate (G_APPLICATION (app));
  window = only_project_window ();
  g_assert_true (ipms_document_get_is_draft (ipms_window_get_document (window)));
  close_all_windows ();
}

/* Narrow windows fold the sidebar away; dark style uses the same widgets. */
static void
test_narrow_and_dark (void)
{
  g_autoptr(GFile) file = create_project ("narrow.ipms", "Narrow");
  IpmsWindow *window = open_file (file);
  AdwLeaflet *leaflet = template_child (window, "leaflet");
  GtkWidget *back_button = template_child (window, "back_button");
  AdwStyleManager *style = adw_style_manager_get_default ();

  set_first_window_size (window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (window)));
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_false (gtk_widget_get_visible (back_button));

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  ipms_window_set_section (window, "panorama");
  save_png (window, "window-dark-panorama");
  g_assert_false (adw_leaflet_get_folded (leaflet));

  /* Folded, the page stays in sight, with a way back to the sidebar, even
   * when the focus was in the sidebar. */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (template_child (window, "sidebar_list"))));
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 700);
  save_png (window, "window-dark-narrow-content");
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == template_child (window, "content"));
  g_assert_true (gtk_widget_get_visible (back_button));
  g_signal_emit_by_name (back_button, "clicked");
  save_png (window, "window-dark-narrow-sidebar");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);

  /* Choosing a section in the folded sidebar shows it, with a way back. */
  g_signal_emit_by_name (template_child (window, "sidebar_list"), "row-activated",
                         gtk_list_box_get_row_at_index (template_child (window, "sidebar_list"), 3));
  g_assert_cmpstr (ipms_window_get_section (window), ==, "category");
  g_assert_true (gtk_widget_get_visible (back_button));
  save_png (window, "window-narrow-content");
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == template_child (window, "content"));
  g_signal_emit_by_name (back_button, "clicked");
  g_assert_true (adw_leaflet_get_visible_child (leaflet) != template_child (window, "content"));

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  close_all_windows ();
}


/* A new project and the example open on the panorama, not on a view that
 * is not built yet. */
static void
test_startup_section (void)
{
  IpmsWindow *window;

  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  window = only_project_window ();
  g_assert_cmpstr (ipms_window_get_section (window), ==, "panorama");
  close_all_windows ();

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-example", NULL);
  window = only_project_window ();
  g_assert_cmpstr (ipms_window_get_section (window), ==, "panorama");
  g_assert_false (ADW_IS_STATUS_PAGE (ipms_window_get_section_page (window, "panorama")));
  close_all_windows ();
}

/* A form view's first show would cost a few frames: the window builds
 * them ahead once its first page is painted, reads ahead the products the
 * charts and the product list all begin with, then builds the timeline
 * charts' pages and fits their charts (see charts_fitted_ahead()). The
 * panorama and the product list wait until they are asked for. */
static guint
count_visible_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += gtk_widget_get_visible (child);

  return n;
}

/* Lets the window build the form views ahead, as it does once its first
 * page is painted. */
static void
wait_for_form_views (IpmsWindow *window,
                     gint64      deadline)
{
  GtkStack *stack = template_child (window, "stack");
  const char * const forms[] = { "five-looks", "isor", "ctmo", "category", "population",
                                 "three-year-plan", "one-year-plan", "team" };
  guint built = 0;

  while (built < G_N_ELEMENTS (forms) && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
      built = 0;
      for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
        built += gtk_stack_get_child_by_name (stack, forms[i]) != NULL;
    }
  g_assert_cmpuint (built, ==, G_N_ELEMENTS (forms));
}

static void
test_form_views_built_ahead (void)
{
  g_autoptr(GFile) file = create_project ("ahead.ipms", "Ahead");
  IpmsWindow *window = open_file (file);
  GtkStack *stack = template_child (window, "stack");
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  GtkWidget *page;

  set_first_window_size (window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (window)));
  g_assert_cmpstr (ipms_window_get_section (window), ==, "panorama");

  g_assert_true (ipms_window_get_working_ahead (window));
  wait_for_form_views (window, deadline);
  while (ipms_window_get_working_ahead (window) && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_false (ipms_window_get_working_ahead (window));
  g_assert_true (ipms_document_read_ahead (ipms_window_get_document (window), "product", 0));

  g_assert_nonnull (gtk_stack_get_child_by_name (stack, "new-products"));
  g_assert_nonnull (gtk_stack_get_child_by_name (stack, "roadmap"));
  g_assert_null (gtk_stack_get_child_by_name (stack, "prds"));
  g_assert_cmpstr (ipms_window_get_section (window), ==, "panorama");

  /* Built ahead, they are styled and measured, then hidden: GTK 4.8 goes
   * on styling a page that is not shown unless it is hidden, in every
   * frame of the one that is. */
  while (count_visible_children (GTK_WIDGET (stack)) > 1 && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_cmpuint (count_visible_children (GTK_WIDGET (stack)), ==, 1);
  g_assert_true (gtk_widget_get_visible (gtk_stack_get_visible_child (stack)));

  /* Each form view is whole and laid out at the size of the page shown
   * (hidden, the page itself has no size, its content keeps its own): a
   * first switch to it only paints. */
  for (page = gtk_widget_get_first_child (GTK_WIDGET (stack)); page != NULL;
       page = gtk_widget_get_next_sibling (page))
    if (IPMS_IS_FORM_PAGE (page))
      {
        g_assert_false (ipms_form_page_build_next (IPMS_FORM_PAGE (page)));
        g_assert_cmpint (gtk_widget_get_width (gtk_widget_get_first_child (page)), ==,
                         gtk_widget_get_width (GTK_WIDGET (stack)));
      }

  page = gtk_stack_get_child_by_name (stack, "isor");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "isor"));
  g_assert_true (gtk_stack_get_visible_child (stack) == page);
  g_assert_true (ipms_test_wait_for_paint (page));
  /* Sections switch without an animation: the page left is hidden at once. */
  g_assert_false (gtk_stack_get_transition_running (stack));
  g_assert_cmpuint (count_visible_children (GTK_WIDGET (stack)), ==, 1);
  g_assert_true (gtk_widget_get_visible (page));

  close_all_windows ();
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *n_notified)
{
  (*n_notified)++;
}

/* The timeline charts' pages are built ahead out of sight, given the size
 * the pages shown have, and their charts laid out and fitted to it. Shown,
 * a page then finds its chart fitted: the fit tries no other zoom (at
 * 10,000 products, each try was a layout of 30-70 ms) and the chart is
 * shown at the zoom found ahead. */
static IpmsWindow *
open_example_worked_ahead (void)
{
  IpmsWindow *window;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-example", NULL);
  window = only_project_window ();
  set_first_window_size (window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (window)));
  while (ipms_window_get_working_ahead (window) && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_false (ipms_window_get_working_ahead (window));
  g_assert_cmpuint (count_visible_children (template_child (window, "stack")), ==, 1);

  return window;
}

static IpmsTimelinePage *
timeline_of_section (IpmsWindow *window,
                     const char *id)
{
  GtkWidget *section = gtk_stack_get_child_by_name (template_child (window, "stack"), id);

  g_assert_nonnull (section);
  return IPMS_TIMELINE_PAGE (ipms_timeline_section_get_timeline (IPMS_TIMELINE_SECTION (section)));
}

/* Shows the section of `page` and returns how many times its chart's zoom
 * changed meanwhile. */
static guint
show_chart_section (IpmsWindow       *window,
                    IpmsTimelinePage *page,
                    const char       *id)
{
  IpmsChart *chart = ipms_timeline_canvas_get_chart (ipms_timeline_page_get_canvas (page));
  guint n_notified = 0;
  gulong handler;

  handler = g_signal_connect (chart, "notify::px-per-day", G_CALLBACK (count_notify_cb), &n_notified);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", id));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (page)));
  g_signal_handler_disconnect (chart, handler);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (ipms_timeline_page_get_canvas (page))));

  return n_notified;
}

static void
test_charts_fitted_ahead (void)
{
  const char * const charts[] = { "new-products", "roadmap" };
  IpmsWindow *window = open_example_worked_ahead ();

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      IpmsTimelinePage *page = timeline_of_section (window, charts[i]);
      IpmsChart *chart = ipms_timeline_canvas_get_chart (ipms_timeline_page_get_canvas (page));
      IpmsCanvasView *view = IPMS_CANVAS_VIEW (ipms_timeline_page_get_view (page));
      double fitted = ipms_timeline_chart_get_px_per_day (IPMS_TIMELINE_CHART (chart));

      g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (GTK_WIDGET (page), IPMS_TYPE_TIMELINE_SECTION)));
      /* The example spans years: a fit shows it at less than the zoom a
       * page starts at. */
      g_assert_cmpfloat (fitted, <, IPMS_TIMELINE_BASE_PX_PER_DAY * ipms_canvas_view_get_zoom (view));

      g_assert_cmpuint (show_chart_section (window, page, charts[i]), ==, 0);
      g_assert_cmpfloat_with_epsilon (ipms_timeline_chart_get_px_per_day (IPMS_TIMELINE_CHART (chart)), fitted, 1e-9);
      g_assert_cmpfloat_with_epsilon (IPMS_TIMELINE_BASE_PX_PER_DAY * ipms_canvas_view_get_zoom (view), fitted, 1e-9);
    }

  close_all_windows ();
}

/* A fit made ahead holds only for the plan it was made of: after an edit
 * the first show fits the chart again. */
static void
test_charts_fitted_ahead_then_edited (void)
{
  IpmsWindow *window = open_example_worked_ahead ();
  IpmsDocument *document = ipms_window_get_document (window);
  IpmsTimelinePage *page = timeline_of_section (window, "roadmap");
  g_autoptr(GPtrArray) products = ipms_document_query (document, "product", NULL, 0, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (products->len, >, 0);
  g_assert_true (ipms_document_begin_edit (document, "Launch Later", NULL, &error));
  g_assert_true (ipms_document_set_string (document, "product", ipms_record_get_id (g_ptr_array_index (products, 0)),
                                           "launch_date", "2031-06-01", &error));
  g_assert_true (ipms_document_commit_edit (document, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (show_chart_section (window, page, "roadmap"), >, 0);

  close_all_windows ();
}

static void
count_frame_cb (GdkFrameClock *clock,
                guint         *n_frames)
{
  (*n_frames)++;
}

/* A window left alone paints nothing: an animation running where it is
 * not seen (a spinner on a stack page not shown) made it lay itself out
 * and paint in every frame, at some 4 % of a core, for as long as it
 * was open. */
static void
test_idle_window (void)
{
  g_autoptr(GFile) file = create_project ("idle.ipms", "Idle");
  IpmsWindow *window = open_file (file);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  GdkFrameClock *clock;
  guint n_frames = 0;
  gint64 end;

  /* The suite turns animations off; an animation left running is what
   * this looks for. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  set_first_window_size (window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (window)));
  wait_for_form_views (window, deadline);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "five-looks"));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (window)));
  /* What the switch itself set going (a scroll to the top, the focus)
   * comes to rest. */
  end = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  /* A frame that only lays the window out counts too: on X11 each asks
   * the server for the monitor's work area. */
  g_signal_connect (clock, "layout", G_CALLBACK (count_frame_cb), &n_frames);
  g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame_cb), &n_frames);
  end = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_signal_handlers_disconnect_by_func (clock, count_frame_cb, &n_frames);

  g_assert_cmpuint (n_frames, ==, 0);

  close_all_windows ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

static GtkWidget *
focus_of (IpmsWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

/* The sidebar as in GNOME Settings: arrows move between sections, Tab
 * leaves for the page (what GtkWindow does on Tab is child_focus), and a
 * section chosen with Alt+number takes the focus ring along. */
static void
test_sidebar_keyboard (void)
{
  g_autoptr(GFile) file = create_project ("keys.ipms", "Keys");
  IpmsWindow *window = open_file (file);
  GtkListBox *sidebar = template_child (window, "sidebar_list");
  GtkWidget *content = template_child (window, "content");
  GtkWidget *row;

  set_first_window_size (window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (window)));
  g_assert_cmpstr (ipms_window_get_section (window), ==, "panorama");

  /* Alt+8 is the panorama, Alt+9 the new product chart: the ring follows. */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (sidebar)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "new-products"));
  row = GTK_WIDGET (gtk_list_box_get_selected_row (sidebar));
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)), ==, 8);
  g_assert_true (focus_of (window) == row);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "panorama"));
  row = GTK_WIDGET (gtk_list_box_get_selected_row (sidebar));
  g_assert_true (focus_of (window) == row);

  /* Tab goes into the page, leaving the section as it was. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  g_assert_cmpstr (ipms_window_get_section (window), ==, "panorama");
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), ipms_window_get_section_page (window, "panorama")));

  /* Shift+Tab back from the page lands on the section shown, not on the
   * row the keyboard left before Alt+number. */
  for (guint i = 0; i < 40 && !gtk_widget_is_ancestor (focus_of (window), GTK_WIDGET (sidebar)); i++)
    g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_BACKWARD));
  g_assert_true (focus_of (window) == GTK_WIDGET (gtk_list_box_get_selected_row (sidebar)));
  g_assert_cmpstr (ipms_window_get_section (window), ==, "panorama");

  /* A page with nothing to focus: Tab reaches its header bar, not the next row. */
  ipms_window_set_section (window, "prds");
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (sidebar)));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  g_assert_cmpstr (ipms_window_get_section (window), ==, "prds");
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), content));

  /* Shift+Tab leaves upward, to the sidebar's header bar. */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (sidebar)));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_BACKWARD));
  g_assert_cmpstr (ipms_window_get_section (window), ==, "prds");
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), template_child (window, "sidebar_header")));

  /* Arrows still walk the sections (Up is the list's move-cursor). */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (sidebar)));
  g_signal_emit_by_name (sidebar, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, -1, FALSE, FALSE);
  g_assert_cmpstr (ipms_window_get_section (window), ==, "roadmap");
  g_assert_true (focus_of (window) == GTK_WIDGET (gtk_list_box_get_selected_row (sidebar)));

  close_all_windows ();
}

/* The project's name is edited where it is shown, as one undo step; a new
 * project saved for the first time takes its file's name. */
static void
test_rename_project (void)
{
  g_autofree char *target_path = ipms_test_make_temp_path ("Pet Bowls.ipms");
  g_autoptr(GFile) target = g_file_new_for_path (target_path);
  IpmsWindow *window;
  IpmsDocument *document;
  GtkMenuButton *title_button;
  GtkEditable *entry;

  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  window = only_project_window ();
  document = ipms_window_get_document (window);
  title_button = template_child (window, "title_button");
  entry = template_child (window, "title_entry");
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (window)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, _("Untitled Plan"));

  /* Save As names an untitled project after its file. */
  g_assert_true (ipms_window_save_as (window, target));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Pet Bowls");
  g_assert_cmpstr (ipms_document_get_undo_label (document), ==, _("Rename Project"));

  /* The menu item opens the title's popover, filled with the name. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.rename-project", NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (title_button))));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Pet Bowls");

  /* An empty name is refused and changes nothing. */
  gtk_editable_set_text (entry, "   ");
  g_assert_false (gtk_widget_get_sensitive (template_child (window, "title_apply_button")));
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (ipms_record_get_string (ipms_document_get_project (document), "name"), ==, "Pet Bowls");

  gtk_editable_set_text (entry, "  Cat Feeders ");
  g_signal_emit_by_name (entry, "activate");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (title_button))));
  g_assert_cmpstr (ipms_record_get_string (ipms_document_get_project (document), "name"), ==, "Cat Feeders");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Cat Feeders");
  save_png (window, "window-renamed");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Pet Bowls");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Cat Feeders");

  close_all_windows ();
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Ctrl+A then Delete took every product off the panorama without a word:
 * a destructive edit now says what it did, with Undo in the toast. */
static void
test_undo_toast (void)
{
  IpmsWindow *window;
  IpmsPanoramaCanvas *canvas;
  IpmsPanoramaChart *chart;
  GtkWidget *overlay;
  GtkWidget *undo;
  guint placed;

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-example", NULL);
  window = only_project_window ();
  overlay = template_child (window, "toast_overlay");
  set_first_window_size (window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (window)));
  canvas = ipms_panorama_page_get_canvas (IPMS_PANORAMA_PAGE (ipms_window_get_section_page (window, "panorama")));
  chart = ipms_panorama_canvas_get_chart (canvas);
  placed = ipms_panorama_chart_get_n_placed (chart);
  g_assert_cmpuint (placed, >, 1);
  g_assert_null (find_button (overlay, _("_Undo")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "panorama.select-all", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "panorama.unplace-selection", NULL));
  g_assert_cmpuint (ipms_panorama_chart_get_n_placed (chart), ==, 0);
  save_png (window, "window-undo-toast");

  undo = find_button (overlay, _("_Undo"));
  g_assert_nonnull (undo);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (undo)), ==, "win.undo");
  g_signal_emit_by_name (undo, "clicked");
  g_assert_cmpuint (ipms_panorama_chart_get_n_placed (chart), ==, placed);

  close_all_windows ();
}

static int
minimum_width (GtkWidget *widget)
{
  int minimum;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

/* Says which widgets hold the minimum width up, for the failure below. */
static void
report_wide (GtkWidget *widget,
             int        limit,
             int        depth)
{
  int minimum = minimum_width (widget);

  if (minimum <= limit || depth > 24)
    return;

  g_test_message ("%*s%s is at least %d pixels wide", depth, "", G_OBJECT_TYPE_NAME (widget), minimum);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      report_wide (child, limit, depth + 1);
}

/* GNOME apps reach 360 pixels (a phone): the window folds to the page, the
 * panorama's palette and segment panel fold over the chart. What is
 * measured is the window's content: the frame around it (a border without
 * a compositor, a shadow with one) is the window manager's business. */
static void
test_minimum_width (void)
{
  IpmsWindow *window;
  GtkWidget *content;

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-example", NULL);
  window = only_project_window ();
  content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (window)));

  for (const char * const *id = ipms_window_list_sections (); *id != NULL; id++)
    {
      ipms_window_set_section (window, *id);
      report_wide (content, 360, 0);
      g_assert_cmpint (minimum_width (content), <=, 360);
    }

  ipms_window_set_section (window, "panorama");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  save_png (window, "window-360-panorama");
  g_assert_cmpint (gtk_widget_get_width (content), <=, 360);
  g_assert_true (adw_leaflet_get_folded (template_child (window, "leaflet")));

  close_all_windows ();
}

/* Whether `window` is the shown top-level of the process `pid`. */
static gboolean
is_window_of (Display *display,
              Window   window,
              GPid     pid)
{
  Atom pid_atom = XInternAtom (display, "_NET_WM_PID", False);
  XWindowAttributes attributes;
  Atom type;
  int format;
  unsigned long n_items, remaining;
  unsigned char *data = NULL;
  gboolean found;

  found = XGetWindowProperty (display, window, pid_atom, 0, 1, False, XA_CARDINAL,
                              &type, &format, &n_items, &remaining, &data) == Success &&
          data != NULL && n_items == 1 && *(unsigned long *) data == (unsigned long) pid &&
          XGetWindowAttributes (display, window, &attributes) &&
          attributes.map_state == IsViewable && attributes.width > 200;
  if (data != NULL)
    XFree (data);

  return found;
}

/* The window of the process `pid` among `parent`'s children, or one level
 * below them: a window manager puts each top-level in a frame of its own. */
static Window
find_child_of (Display *display,
               Window   parent,
               GPid     pid,
               gboolean in_frames)
{
  Window root, grandparent, *children = NULL;
  unsigned int n_children = 0;
  Window found = None;

  if (!XQueryTree (display, parent, &root, &grandparent, &children, &n_children))
    return None;
  for (unsigned int i = 0; i < n_children && found == None; i++)
    {
      if (is_window_of (display, children[i], pid))
        found = children[i];
      else if (in_frames)
        found = find_child_of (display, children[i], pid, FALSE);
    }
  if (children != NULL)
    XFree (children);

  return found;
}

/* The top-level window of the process `pid`, once it is shown. */
static Window
find_window_of (Display *display,
                GPid     pid)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      Window found = find_child_of (display, DefaultRootWindow (display), pid, TRUE);

      if (found != None)
        return found;
      g_usleep (100 * 1000);
    }

  g_assert_not_reached ();
}

/* How many colours the window shows below its header bar: a page left
 * blank shows one or two. */
static guint
count_colours (Display *display,
               Window   window,
               int      width,
               int      height)
{
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  XImage *image = XGetImage (display, window, 0, 0, width, height, AllPlanes, ZPixmap);

  g_assert_nonnull (image);
  for (int y = 100; y < height - 100; y += 2)
    for (int x = 10; x < width - 10; x += 2)
      g_hash_table_add (colours, GSIZE_TO_POINTER (XGetPixel (image, x, y)));
  XDestroyImage (image);

  return g_hash_table_size (colours);
}

/* The planner itself, showing the example, on a bus of its own so that it
 * does not hand the example to this test's application. */
static GSubprocess *
spawn_example_planner (void)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GError) error = NULL;
  GSubprocess *planner;

  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent", TRUE);
  planner = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("IPMS_PLANNER"), "--example", NULL);
  g_assert_no_error (error);

  return planner;
}

/* Ends the planner; what it said on stderr, which no GTK warning about a
 * widget drawn without an allocation may be part of. */
static char *
stop_planner (GSubprocess *planner)
{
  g_autoptr(GError) error = NULL;
  char *errors = NULL;

  g_subprocess_send_signal (planner, SIGTERM);
  g_assert_true (g_subprocess_communicate_utf8 (planner, NULL, NULL, NULL, &errors, &error));
  g_assert_no_error (error);
  g_test_message ("the planner said: %s", errors);
  g_assert_null (strstr (errors, "without a current allocation"));

  return errors;
}

/* From wide to narrow in one step, as a window manager resizes: the
 * sidebar, the palette and the segment panel fold in one allocation, and
 * the page must still be laid out and drawn (it stayed blank, "Trying to
 * snapshot GtkOverlay without a current allocation"), at real widths. Only the planner
 * itself, resized from outside with its animations on, showed it. */
static void
test_fold_from_outside (void)
{
  g_autoptr(GSubprocess) planner = spawn_example_planner ();
  g_autofree char *errors = NULL;
  Display *display = XOpenDisplay (NULL);
  Window window;

  g_assert_nonnull (display);

  window = find_window_of (display, atoi (g_subprocess_get_identifier (planner)));
  g_usleep (3 * G_USEC_PER_SEC);
  XResizeWindow (display, window, 370, 800);
  XSync (display, False);
  g_usleep (2 * G_USEC_PER_SEC);
  g_assert_cmpuint (count_colours (display, window, 370, 800), >, 16);
  XCloseDisplay (display);

  errors = stop_planner (planner);
  g_assert_null (strstr (errors, "attempt to allocate"));
}

/* From narrow to wide in one step, as a window manager resizes: the
 * palette unfolds and the panorama's scrollbars go, and the page must be
 * drawn at the new size. The scrolled window's request to lay out again,
 * made while GTK allocated, was lost, and the panorama stayed blank
 * ("Trying to snapshot GtkBox without a current allocation"). */
static void
test_grow_from_outside (void)
{
  g_autoptr(GSubprocess) planner = NULL;
  g_autofree char *errors = NULL;
  Display *display;
  Window window;
  XImage *image;
  guint blank = 0;

  /* Without a window manager the window takes its new size at once, and
   * the request was not lost: run-with-wm.sh runs this one with metacity. */
  if (g_getenv ("IPMS_TEST_WINDOW_MANAGER") == NULL)
    {
      g_test_skip ("needs a window manager");
      return;
    }

  display = XOpenDisplay (NULL);
  g_assert_nonnull (display);
  planner = spawn_example_planner ();

  window = find_window_of (display, atoi (g_subprocess_get_identifier (planner)));
  XResizeWindow (display, window, 900, 600);
  XSync (display, False);
  g_usleep (3 * G_USEC_PER_SEC);
  XResizeWindow (display, window, 1400, 900);
  XSync (display, False);
  g_usleep (2 * G_USEC_PER_SEC);

  /* The right half of the window is the panorama's grid, never one flat
   * colour over a whole column of it. */
  image = XGetImage (display, window, 0, 0, 1400, 900, AllPlanes, ZPixmap);
  g_assert_nonnull (image);
  for (int x = 800; x < 1380; x += 20)
    {
      unsigned long first = XGetPixel (image, x, 200);
      gboolean flat = TRUE;

      for (int y = 200; y < 850 && flat; y += 5)
        flat = XGetPixel (image, x, y) == first;
      blank += flat;
    }
  XDestroyImage (image);
  XCloseDisplay (display);

  errors = stop_planner (planner);
  g_assert_cmpuint (blank, <, 10);
}

/* Ctrl+Shift+E exports the chart shown from anywhere in the window, the
 * sidebar included (it did nothing on the panorama, and on the timelines
 * only from inside the chart); away from the charts it is off. */
static void
test_export_chart_shortcut (void)
{
  IpmsWindow *window;
  const char * const charts[] = { "panorama", "new-products", "roadmap" };

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-example", NULL);
  window = only_project_window ();
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (window)));

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      GtkWindow *dialog;

      ipms_window_set_section (window, charts[i]);
      gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (template_child (window, "sidebar_list"))));
      g_assert_null (ipms_test_find_toplevel (IPMS_TYPE_EXPORT_DIALOG, 0));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-chart", NULL));
      dialog = ipms_test_find_toplevel (IPMS_TYPE_EXPORT_DIALOG, 0);
      g_assert_nonnull (dialog);
      g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
      gtk_window_destroy (dialog);
    }

  ipms_window_set_section (window, "team");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-chart", NULL);
  g_assert_null (ipms_test_find_toplevel (IPMS_TYPE_EXPORT_DIALOG, 0));

  close_all_windows ();
}

/* win.show-product-on, from a product's traceability panel: the chart
 * comes up with the product selected; an unknown section changes nothing. */
static void
test_show_product_on (void)
{
  g_autoptr(GFile) file = create_project ("show-product-on.ipms", "Charts Plan");
  IpmsWindow *window = open_file (file);
  IpmsSelection *selection = ipms_window_get_selection (window);

  gtk_window_present (GTK_WINDOW (window));
  ipms_window_set_section (window, "team");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-product-on", "(sx)", "roadmap", (gint64) 42));
  g_assert_cmpstr (ipms_window_get_section (window), ==, "roadmap");
  g_assert_cmpint (ipms_selection_get_lead (selection), ==, 42);
  g_assert_cmpuint (ipms_selection_get_count (selection), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-product-on", "(sx)", "no-such-chart", (gint64) 7));
  g_assert_cmpstr (ipms_window_get_section (window), ==, "roadmap");
  g_assert_cmpint (ipms_selection_get_lead (selection), ==, 42);

  close_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  ipms_test_init_gtk (&argc, &argv);

  /* Pages switch at once, so each rendering shows the page it names. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = ipms_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (G_APPLICATION (app)));

  g_test_add_func ("/shell/window/sections", test_sections);
  g_test_add_func ("/shell/window/undo-redo", test_undo_redo);
  g_test_add_func ("/shell/window/size", test_window_size);
  g_test_add_func ("/shell/window/narrow-and-dark", test_narrow_and_dark);
  g_test_add_func ("/shell/window/startup-section", test_startup_section);
  g_test_add_func ("/shell/window/form-views-built-ahead", test_form_views_built_ahead);
  g_test_add_func ("/shell/window/charts-fitted-ahead", test_charts_fitted_ahead);
  g_test_add_func ("/shell/window/charts-fitted-ahead-then-edited", test_charts_fitted_ahead_then_edited);
  g_test_add_func ("/shell/window/idle", test_idle_window);
  g_test_add_func ("/shell/window/sidebar-keyboard", test_sidebar_keyboard);
  g_test_add_func ("/shell/window/rename-project", test_rename_project);
  g_test_add_func ("/shell/window/undo-toast", test_undo_toast);
  g_test_add_func ("/shell/window/show-product-on", test_show_product_on);
  g_test_add_func ("/shell/window/minimum-width", test_minimum_width);
  g_test_add_func ("/shell/window/fold-from-outside", test_fold_from_outside);
  g_test_add_func ("/shell/window/grow-from-outside", test_grow_from_outside);
  g_test_add_func ("/shell/window/export-chart-shortcut", test_export_chart_shortcut);
  g_test_add_func ("/shell/application/one-window-per-file", test_one_window_per_file);
  g_test_add_func ("/shell/window/save-as-and-json", test_draft_save_as_and_json);
  g_test_add_func ("/shell/window/import-progress", test_import_progress);
  g_test_add_func ("/shell/application/open-error", test_open_error);
  g_test_add_func ("/shell/application/activate", test_activate);

  status = g_test_run ();

  g_clear_object (&app);

  return status;
}
