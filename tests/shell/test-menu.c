/* test-menu.c: what the project menu says before it acts.
 *
 * Open Recent names a draft by its project, Import JSON asks before it
 * replaces the plan (through the real file chooser, which GTK 4.8 shows as
 * a GtkFileChooserDialog under Xvfb without a portal), and the menu holds
 * no item whose action does not exist.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ipms-application.h"
#include "ipms-example.h"
#include "ipms-json.h"
#include "ipms-record.h"
#include "ipms-test-utils.h"
#include "ipms-window.h"

static IpmsApplication *app;

static void
flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_recent_draft_named (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) document = ipms_document_new_draft ("Sunflower Plan", &error);
  g_autoptr(GFile) file = NULL;
  g_autofree char *label = NULL;
  GMenuModel *recent = ipms_application_get_recent_menu (app);

  g_assert_no_error (error);
  file = g_file_new_for_path (ipms_document_get_path (document));
  ipms_application_add_recent (app, file, NULL);

  g_assert_cmpint (g_menu_model_get_n_items (recent), >=, 1);
  g_assert_true (g_menu_model_get_item_attribute (recent, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  /* Not "Draft of 2026-11-29 10-12-03", the name of its file. */
  g_assert_cmpstr (label, ==, "Sunflower Plan (Draft)");

  ipms_document_close (document);
}

static void
import_through_chooser (IpmsWindow *window,
                        GFile      *json,
                        const char *response)
{
  GtkWindow *chooser;
  AdwMessageDialog *dialog;
  gint64 deadline;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-json", NULL));
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  chooser = ipms_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, 5000);
  g_assert_nonnull (chooser);
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), json, NULL));
  /* The selection lands once the folder is read. */
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GFile) selected = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (selected != NULL && g_file_equal (selected, json))
        break;
      g_main_context_iteration (NULL, FALSE);
    }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  G_GNUC_END_IGNORE_DEPRECATIONS
  flush ();

  /* Nothing is replaced before the user says so. */
  dialog = ADW_MESSAGE_DIALOG (ipms_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, 5000));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Replace the Plan?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Undo"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "replace"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (dialog)));
  g_object_unref (ipms_test_save_widget_png (GTK_WIDGET (dialog), "import-confirm"));

  adw_message_dialog_response (dialog, response);
  flush ();
}

static void
test_import_asks_first (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) source = ipms_example_new_draft ("en_US.UTF-8", &error);
  g_autoptr(IpmsDocument) document = NULL;
  g_autofree char *json_path = ipms_test_make_temp_path ("plan.json");
  g_autoptr(GFile) json = g_file_new_for_path (json_path);
  IpmsWindow *window;

  g_assert_no_error (error);
  g_assert_true (ipms_json_export_file (source, json_path, &error));
  g_assert_no_error (error);
  ipms_document_close (source);

  document = ipms_document_new_draft ("Empty Plan", &error);
  g_assert_no_error (error);
  window = ipms_window_new (app, document);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (window)));

  import_through_chooser (window, json, "cancel");
  g_assert_cmpuint (ipms_document_count_rows (document, "product"), ==, 0);
  g_assert_false (ipms_document_can_undo (document));

  import_through_chooser (window, json, "replace");
  /* The file is read in a thread and written in slices: done when the
   * import is an undo step. */
  for (gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
       !ipms_document_can_undo (document) && g_get_monotonic_time () < deadline;)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_cmpuint (ipms_document_count_rows (document, "product"), >, 0);
  g_assert_true (ipms_document_can_undo (document));

  gtk_window_destroy (GTK_WINDOW (window));
  flush ();
}

/* Every item of the primary menu runs an action that exists. */
static void
check_menu (GMenuModel *menu,
            GtkWidget  *window)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *action = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (menu, i);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
          g_strcmp0 (action, "app.no-recent-projects") != 0)
        {
          if (g_str_has_prefix (action, "app."))
            g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), action + 4));
          else
            {
              gboolean found = FALSE;
              const char *name, *property;
              const GVariantType *type;
              GType owner;

              /* GTK 4.8 writes every out argument: none may be NULL. */
              for (guint j = 0; gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (window), j, &owner,
                                                               &name, &type, &property); j++)
                found = found || g_str_equal (name, action);
              if (!found)
                g_error ("The menu item of “%s” has no action", action);
            }
        }

      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) child = g_menu_link_iter_get_value (links);

          check_menu (child, window);
        }
    }
}

/* The window's primary menu, F10's: pages have menus of their own (the
 * panorama's "+") whose actions are the page's. */
static GtkMenuButton *
find_primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return GTK_MENU_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_primary_menu_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_no_dead_items (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) document = ipms_document_new_draft ("Menu Plan", &error);
  IpmsWindow *window;
  GtkMenuButton *button;

  g_assert_no_error (error);
  window = ipms_window_new (app, document);
  button = find_primary_menu_button (GTK_WIDGET (window));
  g_assert_nonnull (button);
  check_menu (gtk_menu_button_get_menu_model (button), GTK_WIDGET (window));

  gtk_window_destroy (GTK_WINDOW (window));
  flush ();
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

  g_test_add_func ("/shell/menu/recent-draft-named", test_recent_draft_named);
  g_test_add_func ("/shell/menu/import-asks-first", test_import_asks_first);
  g_test_add_func ("/shell/menu/no-dead-items", test_no_dead_items);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
