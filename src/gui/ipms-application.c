/* ipms-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "ipms-application.h"
#include "ipms-command-line.h"
#include "ipms-example.h"
#include "ipms-file-chooser.h"
#include "ipms-window.h"

#define MAX_RECENT 10

struct _IpmsApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GMenu          *recent_menu;

  /* What the command line of this, the primary, instance asked for; done in activate. */
  GPtrArray      *pending_files;
  gboolean        pending_example;
};

G_DEFINE_FINAL_TYPE (IpmsApplication, ipms_application, ADW_TYPE_APPLICATION)

/* Symbolic links and ".." resolved, so that two names of one file compare
 * equal. A path that does not exist is returned as it is. */
static char *
canonical_path (const char *path)
{
  char *real = realpath (path, NULL);
  char *result = g_strdup (real != NULL ? real : path);

  free (real);
  return result;
}

static GFile *
canonical_file (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *real = NULL;

  if (path == NULL)
    return g_object_ref (file);

  real = canonical_path (path);
  return g_file_new_for_path (real);
}

static void
report_error (IpmsApplication *self,
              GtkWindow       *parent,
              const char      *heading,
              const GError    *error)
{
  GtkWidget *dialog;

  if (parent == NULL)
    parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (IPMS_IS_WINDOW (parent))
    {
      ipms_window_show_error (IPMS_WINDOW (parent), heading, error);
      return;
    }

  g_printerr ("ipms-planner: %s: %s\n", heading, error->message);

  dialog = adw_message_dialog_new (parent, heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  /* With no project window the dialog alone keeps the application running. */
  if (parent == NULL)
    gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
report_open_error (IpmsApplication *self,
                   GtkWindow       *parent,
                   GFile           *file,
                   const GError    *error)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (basename);
  /* Translators: %s is a file name */
  g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

  report_error (self, parent, heading, error);
}

/* The window for a document just opened or created, which is then recent. */
static void
add_window (IpmsApplication *self,
            IpmsDocument    *document)
{
  g_autoptr(GFile) file = g_file_new_for_path (ipms_document_get_path (document));
  IpmsWindow *window = ipms_window_new (self, document);

  gtk_window_present (GTK_WINDOW (window));
  ipms_application_add_recent (self, file, NULL);
}

static void
open_new_draft (IpmsApplication *self)
{
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  /* Translators: the name of a new project until the user renames it */
  document = ipms_document_new_draft (_("Untitled Plan"), &error);
  if (document == NULL)
    {
      report_error (self, NULL, _("Could Not Create a Project"), error);
      return;
    }

  add_window (self, document);
}

static void
open_example (IpmsApplication *self)
{
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = ipms_example_new_draft (NULL, &error);
  if (document == NULL)
    {
      report_error (self, NULL, _("Could Not Open the Example Project"), error);
      return;
    }

  add_window (self, document);
}

/* The most recent project when it still exists, else a new draft. */
static void
open_default (IpmsApplication *self)
{
  g_auto(GStrv) uris = g_settings_get_strv (self->settings, "recent-projects");
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (uris[0] != NULL)
    {
      file = g_file_new_for_uri (uris[0]);
      path = g_file_get_path (file);
    }

  if (path != NULL && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      document = ipms_document_open (path, &error);
      if (document != NULL)
        {
          add_window (self, document);
          return;
        }
    }

  open_new_draft (self);

  if (error != NULL)
    report_open_error (self, NULL, file, error);
}

static char *
escape_underscores (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

static void
rebuild_recent_menu (IpmsApplication *self)
{
  g_auto(GStrv) uris = g_settings_get_strv (self->settings, "recent-projects");
  g_autofree char *drafts = ipms_document_get_drafts_dir ();
  g_autofree char *drafts_dir = canonical_path (drafts);
  guint n_items = 0;

  g_menu_remove_all (self->recent_menu);

  for (guint i = 0; uris[i] != NULL && n_items < MAX_RECENT; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *basename = NULL;
      g_autofree char *display_name = NULL;
      g_autofree char *dir = NULL;
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;

      basename = g_path_get_basename (path);
      if (g_str_has_suffix (basename, ".ipms"))
        basename[strlen (basename) - strlen (".ipms")] = '\0';
      display_name = g_filename_display_name (basename);

      /* A draft's file is named after the time it was started, which
       * says nothing to the user: show the project's name instead. */
      dir = g_path_get_dirname (path);
      if (g_strcmp0 (dir, drafts_dir) == 0)
        {
          g_autofree char *title = ipms_document_peek_title (path);
          g_autofree char *draft = NULL;

          if (title != NULL)
            /* Translators: an item of Open Recent for a project never saved; %s is its name */
            draft = g_strdup_printf (_("%s (Draft)"), title);
          else
            /* Translators: an item of Open Recent; %s is the date and time the draft was started */
            draft = g_strdup_printf (_("Draft of %s"), display_name);

          g_free (display_name);
          display_name = g_steal_pointer (&draft);
        }

      /* Menu labels take "_" as a mnemonic mark. */
      label = escape_underscores (display_name);

      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "app.open-recent", "s", uris[i]);
      g_menu_append_item (self->recent_menu, item);
      n_items++;
    }

  if (n_items == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Projects"), NULL);

      /* An action nobody installs: the item shows, insensitive. */
      g_menu_item_set_action_and_target (item, "app.no-recent-projects", NULL);
      g_menu_append_item (self->recent_menu, item);
    }
}

static void
open_chosen (GtkWindow *parent,
             GFile     *file,
             gpointer   user_data)
{
  if (file != NULL)
    ipms_application_open_file (IPMS_APPLICATION (user_data), file, parent);
}

static void
new_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  open_new_draft (IPMS_APPLICATION (user_data));
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  IpmsApplication *self = IPMS_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkFileFilter) filter = ipms_file_filter_new_project ();

  /* Asked for from another instance with no window open here yet. */
  if (parent == NULL)
    {
      open_default (self);
      parent = gtk_application_get_active_window (GTK_APPLICATION (self));
    }

  ipms_choose_file (parent, IPMS_FILE_CHOOSER_OPEN,
                    _("Open Project"), _("_Open"), NULL, filter,
                    open_chosen, self);
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  IpmsApplication *self = IPMS_APPLICATION (user_data);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  ipms_application_open_file (self, file, NULL);
}

static void
open_example_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  open_example (IPMS_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  IpmsApplication *self = IPMS_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("IPMS Planner"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The IPMS Planner developers"),
                        "comments", _("Plan a product line with the IPMS method: strategy, "
                                      "populations and positioning, product series, and the "
                                      "panorama, new product chart and roadmap."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: your name and e-mail, one translator a line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (about);
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  IpmsApplication *self = IPMS_APPLICATION (user_data);
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *window;

  builder = gtk_builder_new_from_resource ("/io/github/ipmsplanner/Planner/ipms-shortcuts-window.ui");
  window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
  gtk_window_set_transient_for (window, gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (window);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  IpmsApplication *self = IPMS_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing (not destroying) lets each window save its size. Every edit is
   * already on disk, so there is nothing to ask. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static const GActionEntry app_actions[] = {
  { "new", new_action },
  { "open", open_action },
  { "open-recent", open_recent_action, "s" },
  { "open-example", open_example_action },
  { "about", about_action },
  { "shortcuts", shortcuts_action },
  { "quit", quit_action },
};

static int
ipms_application_handle_local_options (GApplication *application,
                                       GVariantDict *options)
{
  IpmsApplication *self = IPMS_APPLICATION (application);
  g_autofree const char **remaining = NULL;
  g_autoptr(GError) error = NULL;
  gboolean example;
  int status;

  /* Only there when an option set of ours collects the remaining
   * arguments; GApplication then leaves the files to us. */
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &remaining);

  /* The modes that need no display end here, before GTK is started. */
  status = ipms_command_line_handle (options, remaining);
  if (status >= 0)
    return status;

  example = g_variant_dict_contains (options, "example");
  if (!example && remaining == NULL)
    return -1;

  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("ipms-planner: %s\n", error->message);
      return EXIT_FAILURE;
    }

  if (g_application_get_is_remote (application))
    {
      if (example)
        g_action_group_activate_action (G_ACTION_GROUP (application), "open-example", NULL);

      if (remaining != NULL)
        {
          g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

          for (guint i = 0; remaining[i] != NULL; i++)
            g_ptr_array_add (files, g_file_new_for_commandline_arg (remaining[i]));

          g_application_open (application, (GFile **) files->pdata, files->len, "");
        }

      return EXIT_SUCCESS;
    }

  self->pending_example = example;
  if (remaining != NULL)
    {
      g_clear_pointer (&self->pending_files, g_ptr_array_unref);
      self->pending_files = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; remaining[i] != NULL; i++)
        g_ptr_array_add (self->pending_files, g_file_new_for_commandline_arg (remaining[i]));
    }

  return -1;
}

static void
ipms_application_startup (GApplication *application)
{
  IpmsApplication *self = IPMS_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.new", { "<Control>n", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "app.shortcuts", { "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (ipms_application_parent_class)->startup (application);

  gtk_window_set_default_icon_name (APP_ID);

  self->settings = g_settings_new (APP_ID);
  self->recent_menu = g_menu_new ();
  g_signal_connect_object (self->settings, "changed::recent-projects",
                           G_CALLBACK (rebuild_recent_menu), self,
                           G_CONNECT_SWAPPED);
  rebuild_recent_menu (self);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);
}

static void
ipms_application_activate (GApplication *application)
{
  IpmsApplication *self = IPMS_APPLICATION (application);
  gboolean asked = self->pending_files != NULL || self->pending_example;
  GtkWindow *window;

  /* A file that failed leaves its error dialog, and nothing else, open. */
  if (self->pending_files != NULL)
    {
      g_autoptr(GPtrArray) files = g_steal_pointer (&self->pending_files);

      for (guint i = 0; i < files->len; i++)
        ipms_application_open_file (self, g_ptr_array_index (files, i), NULL);
    }

  if (self->pending_example)
    {
      self->pending_example = FALSE;
      open_example (self);
    }

  if (asked)
    return;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    gtk_window_present (window);
  else
    open_default (self);
}

static void
ipms_application_open (GApplication  *application,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    ipms_application_open_file (IPMS_APPLICATION (application), files[i], NULL);
}

static void
ipms_application_dispose (GObject *object)
{
  IpmsApplication *self = IPMS_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->recent_menu);
  g_clear_pointer (&self->pending_files, g_ptr_array_unref);

  G_OBJECT_CLASS (ipms_application_parent_class)->dispose (object);
}

static void
ipms_application_class_init (IpmsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ipms_application_dispose;

  app_class->handle_local_options = ipms_application_handle_local_options;
  app_class->startup = ipms_application_startup;
  app_class->activate = ipms_application_activate;
  app_class->open = ipms_application_open;
}

static void
ipms_application_init (IpmsApplication *self)
{
  ipms_command_line_add_options (G_APPLICATION (self));
  g_application_add_main_option (G_APPLICATION (self), "example", 0,
                                 G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE,
                                 _("Open a new copy of the example project"), NULL);
}

IpmsApplication *
ipms_application_new (void)
{
  return g_object_new (IPMS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

GSettings *
ipms_application_get_settings (IpmsApplication *self)
{
  g_return_val_if_fail (IPMS_IS_APPLICATION (self), NULL);

  return self->settings;
}

GMenuModel *
ipms_application_get_recent_menu (IpmsApplication *self)
{
  g_return_val_if_fail (IPMS_IS_APPLICATION (self), NULL);

  return G_MENU_MODEL (self->recent_menu);
}

void
ipms_application_add_recent (IpmsApplication *self,
                             GFile           *file,
                             GFile           *replaces)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GFile) canonical = NULL;
  g_autoptr(GFile) replaced = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *replaced_uri = NULL;
  g_auto(GStrv) uris = NULL;
  guint n = 1;

  g_return_if_fail (IPMS_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  canonical = canonical_file (file);
  uri = g_file_get_uri (canonical);
  if (replaces != NULL)
    {
      replaced = canonical_file (replaces);
      replaced_uri = g_file_get_uri (replaced);
    }

  g_strv_builder_add (builder, uri);
  old = g_settings_get_strv (self->settings, "recent-projects");
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    {
      if (g_str_equal (old[i], uri) || g_strcmp0 (old[i], replaced_uri) == 0)
        continue;

      g_strv_builder_add (builder, old[i]);
      n++;
    }

  uris = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-projects", (const char * const *) uris);
}

GtkWindow *
ipms_application_find_window (IpmsApplication *self,
                              GFile           *file)
{
  g_autoptr(GFile) wanted = NULL;

  g_return_val_if_fail (IPMS_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  wanted = canonical_file (file);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      IpmsDocument *document;
      g_autoptr(GFile) open = NULL;
      g_autoptr(GFile) canonical = NULL;

      if (!IPMS_IS_WINDOW (l->data))
        continue;

      document = ipms_window_get_document (IPMS_WINDOW (l->data));
      open = g_file_new_for_path (ipms_document_get_path (document));
      canonical = canonical_file (open);

      if (g_file_equal (canonical, wanted))
        return GTK_WINDOW (l->data);
    }

  return NULL;
}

void
ipms_application_open_file (IpmsApplication *self,
                            GFile           *file,
                            GtkWindow       *parent)
{
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GtkWindow *window;

  g_return_if_fail (IPMS_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  window = ipms_application_find_window (self, file);
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Only project files in a local folder can be opened."));
      report_open_error (self, parent, file, error);
      return;
    }

  document = ipms_document_open (path, &error);
  if (document == NULL)
    {
      report_open_error (self, parent, file, error);
      return;
    }

  add_window (self, document);
}
