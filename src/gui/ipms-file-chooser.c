/* ipms-file-chooser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-file-chooser.h"

typedef struct
{
  GtkWindow          *parent;
  IpmsFileChosenFunc  callback;
  gpointer            user_data;
} Closure;

static Closure *
closure_new (GtkWindow          *parent,
             IpmsFileChosenFunc  callback,
             gpointer            user_data)
{
  Closure *closure = g_new0 (Closure, 1);

  closure->parent = g_object_ref (parent);
  closure->callback = callback;
  closure->user_data = user_data;

  return closure;
}

static void
closure_finish (Closure *closure,
                GFile   *file)
{
  closure->callback (closure->parent, file, closure->user_data);
  g_object_unref (closure->parent);
  g_free (closure);
}

GtkFileFilter *
ipms_file_filter_new_project (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("IPMS Planner Projects"));
  gtk_file_filter_add_mime_type (filter, "application/x-ipms-project");
  gtk_file_filter_add_suffix (filter, "ipms");

  return filter;
}

GtkFileFilter *
ipms_file_filter_new_json (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("JSON Files"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");

  return filter;
}

#if GTK_CHECK_VERSION (4, 10, 0)

static void
file_dialog_done (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GtkFileDialog *dialog = GTK_FILE_DIALOG (source);
  Closure *closure = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (g_object_get_data (source, "ipms-save") != NULL)
    file = gtk_file_dialog_save_finish (dialog, result, &error);
  else
    file = gtk_file_dialog_open_finish (dialog, result, &error);

  if (error != NULL &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
    g_printerr ("ipms-planner: %s\n", error->message);

  closure_finish (closure, file);
}

void
ipms_choose_file (GtkWindow           *parent,
                  IpmsFileChooserMode  mode,
                  const char          *title,
                  const char          *accept_label,
                  const char          *initial_name,
                  GtkFileFilter       *filter,
                  IpmsFileChosenFunc   callback,
                  gpointer             user_data)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  Closure *closure;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (filter == NULL || GTK_IS_FILE_FILTER (filter));
  g_return_if_fail (callback != NULL);

  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_accept_label (dialog, accept_label);
  gtk_file_dialog_set_modal (dialog, TRUE);
  if (filter != NULL)
    {
      g_list_store_append (filters, filter);
      gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
      gtk_file_dialog_set_default_filter (dialog, filter);
    }

  closure = closure_new (parent, callback, user_data);

  if (mode == IPMS_FILE_CHOOSER_SAVE)
    {
      g_object_set_data (G_OBJECT (dialog), "ipms-save", GINT_TO_POINTER (TRUE));
      gtk_file_dialog_set_initial_name (dialog, initial_name);
      gtk_file_dialog_save (dialog, parent, NULL, file_dialog_done, closure);
    }
  else
    {
      gtk_file_dialog_open (dialog, parent, NULL, file_dialog_done, closure);
    }
}

#else

static void
native_response (GtkNativeDialog *native,
                 int              response,
                 gpointer         user_data)
{
  Closure *closure = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  closure_finish (closure, file);

  /* The reference taken in ipms_choose_file(): nothing else keeps a shown
   * native dialog alive. */
  g_object_unref (native);
}

void
ipms_choose_file (GtkWindow           *parent,
                  IpmsFileChooserMode  mode,
                  const char          *title,
                  const char          *accept_label,
                  const char          *initial_name,
                  GtkFileFilter       *filter,
                  IpmsFileChosenFunc   callback,
                  gpointer             user_data)
{
  GtkFileChooserNative *native;
  GtkFileChooserAction action;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (filter == NULL || GTK_IS_FILE_FILTER (filter));
  g_return_if_fail (callback != NULL);

  action = mode == IPMS_FILE_CHOOSER_SAVE ? GTK_FILE_CHOOSER_ACTION_SAVE
                                          : GTK_FILE_CHOOSER_ACTION_OPEN;
  native = gtk_file_chooser_native_new (title, parent, action, accept_label, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  /* GTK 4.8 dereferences a NULL filter here (a crash, not a critical). */
  if (filter != NULL)
    {
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
      gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), filter);
    }

  if (mode == IPMS_FILE_CHOOSER_SAVE && initial_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), initial_name);

  g_signal_connect (native, "response", G_CALLBACK (native_response),
                    closure_new (parent, callback, user_data));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

#endif
