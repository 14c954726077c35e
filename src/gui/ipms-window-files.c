/* ipms-window-files.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ipms-field-binding.h"
#include "ipms-json.h"
#include "ipms-window-private.h"

char *
_ipms_window_dup_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename);
}

gboolean
ipms_window_save_as (IpmsWindow *self,
                     GFile      *file)
{
  g_autoptr(GFile) previous = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  IpmsApplication *application = IPMS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  GtkWindow *owner;
  gboolean was_draft;

  g_return_val_if_fail (IPMS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = _ipms_window_dup_display_name (file);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Projects can only be saved to a local folder."));
      ipms_window_show_error (self, _("Could Not Save the Project"), error);
      return FALSE;
    }

  owner = ipms_application_find_window (application, file);
  if (owner == GTK_WINDOW (self))
    {
      /* Translators: %s is a file name */
      message = g_strdup_printf (_("“%s” is up to date: every change is saved as you make it"), name);
      ipms_window_add_toast (self, message);
      return TRUE;
    }
  if (owner != NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_BUSY,
                   _("“%s” is open in another window. Close that window first, or choose another name."),
                   name);
      ipms_window_show_error (self, _("Could Not Save the Project"), error);
      return FALSE;
    }

  previous = g_file_new_for_path (ipms_document_get_path (self->document));
  was_draft = ipms_document_get_is_draft (self->document);

  if (!ipms_document_save_as (self->document, path, &error))
    {
      ipms_window_show_error (self, _("Could Not Save the Project"), error);
      return FALSE;
    }

  ipms_application_add_recent (application, file, was_draft ? previous : NULL);

  /* A new project saved for the first time is named after its file, unless
   * the user has named it already; one undo step takes it back. */
  if (was_draft && g_strcmp0 (ipms_record_get_string (ipms_document_get_project (self->document), "name"),
                              _("Untitled Plan")) == 0)
    {
      g_autofree char *stem = g_strdup (name);
      char *dot = strrchr (stem, '.');

      if (dot != NULL && dot != stem)
        *dot = '\0';
      ipms_window_rename_project (self, stem);
    }

  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Saved as “%s”"), name);
  ipms_window_add_toast (self, message);

  return TRUE;
}

/* Import.
 *
 * Reading, checking and parsing a plan (most of the time: json-glib's
 * parser alone takes about 0.4 s at 10,000 products) runs in a worker
 * thread that touches no document. The rows are then written on the main
 * loop in slices of about SLICE_MS, inside the one undoable edit, and
 * committed at the end, so the document never has a second writer and
 * undo works as for any edit. The price: the commit itself (recording the
 * undo step, the synced write, the views rebuilding on "reloaded") is one
 * piece of main-loop work, as long as undoing the import. While it runs
 * the window takes no edits (its pages and the actions that write are
 * insensitive), shows a progress bar under the header bar and a toast
 * with Cancel; cancelling rolls everything back. */

#define SLICE_MS 8

/* Long work (an import, an export) shows itself one way: a progress bar
 * under the header bar and a toast that stays until the work is done,
 * with Cancel. Returns the toast, to be dismissed then. */
static AdwToast *
show_progress (IpmsWindow *self,
               const char *message,
               const char *cancel_action,
               const char *progress_name)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  /* Translators: button of the toast shown while a plan is imported or a file exported */
  adw_toast_set_button_label (toast, _("Cancel"));
  adw_toast_set_action_name (toast, cancel_action);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (toast));

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, progress_name, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);

  return toast;
}

/* The long work is over (done, failed or cancelled): its toast and the
 * progress bar go, and the actions it held back come back. */
static void
hide_progress (IpmsWindow *self,
               AdwToast   *toast)
{
  if (toast != NULL)
    adw_toast_dismiss (toast);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  _ipms_window_update_actions (self);
}

typedef struct
{
  GFile          *file;
  char           *name;
  char           *label;
  IpmsJsonImport *import;
  AdwToast       *toast;
  guint           source;
} ImportJob;

static void
free_import_in_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  ipms_json_import_free (task_data);
}

/* A large plan takes a while to free: not on the main loop. */
static void
free_import_later (IpmsJsonImport *import)
{
  g_autoptr(GTask) task = NULL;

  if (import == NULL)
    return;

  ipms_json_import_abort (import);
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, import, NULL);
  g_task_run_in_thread (task, free_import_in_thread);
}

static void
import_job_free (ImportJob *job)
{
  g_clear_handle_id (&job->source, g_source_remove);
  g_clear_pointer (&job->import, free_import_later);
  if (job->toast != NULL)
    adw_toast_dismiss (job->toast);
  g_clear_object (&job->toast);
  g_clear_object (&job->file);
  g_free (job->name);
  g_free (job->label);
  g_free (job);
}

static gboolean
pulse_cb (gpointer data)
{
  gtk_progress_bar_pulse (data);

  return G_SOURCE_CONTINUE;
}

/* Ends the import under way: the window takes edits again. */
static void
import_done (IpmsWindow *self,
             GError     *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->import_task);
  ImportJob *job = g_task_get_task_data (task);

  g_clear_handle_id (&job->source, g_source_remove);
  g_clear_pointer (&job->import, free_import_later);
  hide_progress (self, job->toast);

  if (error == NULL)
    {
      /* Translators: %s is a file name */
      g_autofree char *message = g_strdup_printf (_("Imported “%s”"), job->name);

      ipms_window_add_toast (self, message);
      g_task_return_boolean (task, TRUE);
    }
  else
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Translators: %s is a file name */
          g_autofree char *heading = g_strdup_printf (_("Could Not Import “%s”"), job->name);

          ipms_window_show_error (self, heading, error);
        }
      g_task_return_error (task, error);
    }
}

static gboolean
write_slice_cb (gpointer data)
{
  IpmsWindow *self = data;
  ImportJob *job = g_task_get_task_data (self->import_task);
  guint n_rows = ipms_json_import_get_n_rows (job->import);
  double deadline = g_get_monotonic_time () + SLICE_MS * 1000;
  GError *error = NULL;

  /* Rows are small: a few hundred take well under a millisecond. */
  while (ipms_json_import_get_n_written (job->import) < n_rows &&
         g_get_monotonic_time () < deadline)
    if (!ipms_json_import_write (job->import, 256, &error))
      {
        job->source = 0;
        import_done (self, error);
        return G_SOURCE_REMOVE;
      }

  gtk_progress_bar_set_fraction (self->progress_bar,
                                 n_rows > 0 ? (double) ipms_json_import_get_n_written (job->import) / n_rows : 1.0);

  if (ipms_json_import_get_n_written (job->import) < n_rows)
    return G_SOURCE_CONTINUE;

  job->source = 0;
  if (ipms_json_import_finish (job->import, &error))
    import_done (self, NULL);
  else
    import_done (self, error);

  return G_SOURCE_REMOVE;
}

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_autofree char *path = g_file_get_path (task_data);
  GError *error = NULL;
  IpmsJsonImport *import;

  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Only files in a local folder can be imported."));
      return;
    }

  import = ipms_json_import_read_file (path, cancellable, &error);
  if (import == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, import, (GDestroyNotify) free_import_later);
}

static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  IpmsWindow *self = IPMS_WINDOW (object);
  g_autoptr(GTask) import_task = user_data;
  ImportJob *job = g_task_get_task_data (import_task);
  GError *error = NULL;

  job->import = g_task_propagate_pointer (G_TASK (result), &error);

  /* Cancelled meanwhile (also when the window closed): _ipms_window_cancel_import()
   * already ended the import. */
  if (self->import_task != import_task)
    {
      g_clear_pointer (&job->import, free_import_later);
      g_clear_error (&error);
      return;
    }

  g_clear_handle_id (&job->source, g_source_remove);

  if (job->import == NULL ||
      !ipms_json_import_begin (job->import, self->document, job->label, &error))
    {
      import_done (self, error);
      return;
    }

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  job->source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, write_slice_cb, self, NULL);
}

void
ipms_window_import_json (IpmsWindow          *self,
                         GFile               *file,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GTask) read_task = NULL;
  g_autofree char *message = NULL;
  ImportJob *job;
  GTask *task;

  g_return_if_fail (IPMS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ipms_window_import_json);

  if (self->import_task != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY, "An import is already under way");
      g_object_unref (task);
      return;
    }

  job = g_new0 (ImportJob, 1);
  job->file = g_object_ref (file);
  job->name = _ipms_window_dup_display_name (file);
  /* Translators: an undo step; %s is a file name */
  job->label = g_strdup_printf (_("Import “%s”"), job->name);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  self->import_task = task;

  /* What is still being typed belongs to the plan being replaced. */
  ipms_field_binding_flush_all (self->document);
  _ipms_window_update_actions (self);

  /* Translators: shown while a plan is imported; %s is a file name */
  message = g_strdup_printf (_("Importing “%s”…"), job->name);
  job->toast = show_progress (self, message, "win.cancel-import", _("Import Progress"));
  job->source = g_timeout_add (100, pulse_cb, self->progress_bar);

  read_task = g_task_new (self, cancellable, read_done_cb, g_object_ref (task));
  g_task_set_task_data (read_task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (read_task, read_in_thread);
}

gboolean
ipms_window_import_json_finish (IpmsWindow    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (IPMS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Stops the import under way, if any; the document is as it was. */
void
_ipms_window_cancel_import (IpmsWindow *self)
{
  if (self->import_task == NULL)
    return;

  g_cancellable_cancel (g_task_get_cancellable (self->import_task));
  /* Never shown: a cancelled import needs no message. */
  import_done (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled"));
}

/* Export.
 *
 * Charts, the deck and PRDs are written by an IpmsExportTask: a snapshot of
 * the plan is taken here, on the main thread, and everything else (laying
 * out, painting, writing the file) runs in a worker, so the window stays
 * responsive and editable; the file shows the plan as it was when the
 * export started. A progress bar under the header bar follows it and a
 * toast offers Cancel (win.cancel-export). The job ends when the worker
 * returns, never before: a cancelled export has then removed what it
 * wrote, and a Cancel that came too late for a file already in place is
 * told as a finished export. */

typedef struct
{
  IpmsExportTask *export;
  char           *name;
  AdwToast       *toast;
  guint           source;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_handle_id (&job->source, g_source_remove);
  if (job->toast != NULL)
    adw_toast_dismiss (job->toast);
  g_clear_object (&job->toast);
  g_clear_object (&job->export);
  g_free (job->name);
  g_free (job);
}

static gboolean
export_progress_cb (gpointer data)
{
  IpmsWindow *self = data;
  ExportJob *job = g_task_get_task_data (self->export_task);
  double fraction = ipms_export_task_get_fraction (job->export);

  /* A chart is painted in one go: it cannot say how far it is. */
  if (fraction < 0)
    gtk_progress_bar_pulse (self->progress_bar);
  else
    gtk_progress_bar_set_fraction (self->progress_bar, fraction);

  return G_SOURCE_CONTINUE;
}

static void
export_ran_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  IpmsWindow *self = g_task_get_source_object (task);
  ExportJob *job = g_task_get_task_data (task);
  GError *error = NULL;

  ipms_export_task_run_finish (job->export, result, &error);

  /* The window closed meanwhile: _ipms_window_abandon_export() ended the job. */
  if (self->export_task != task)
    {
      g_clear_error (&error);
      return;
    }

  g_clear_object (&self->export_task);
  g_clear_handle_id (&job->source, g_source_remove);
  hide_progress (self, job->toast);

  if (error == NULL)
    {
      /* Translators: a toast after an export; %s is a file name */
      g_autofree char *message = g_strdup_printf (_("Exported “%s”"), job->name);

      ipms_window_add_toast (self, message);
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Translators: %s is a file name */
      g_autofree char *heading = g_strdup_printf (_("Could Not Export “%s”"), job->name);

      ipms_window_show_error (self, heading, error);
    }
  g_task_return_error (task, error);
}

void
ipms_window_export (IpmsWindow          *self,
                    IpmsExportTask      *export,
                    const char          *path,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;
  GError *error = NULL;
  ExportJob *job;
  GTask *task;

  g_return_if_fail (IPMS_IS_WINDOW (self));
  g_return_if_fail (IPMS_IS_EXPORT_TASK (export));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ipms_window_export);

  job = g_new0 (ExportJob, 1);
  job->export = g_object_ref (export);
  basename = g_path_get_basename (path);
  job->name = g_filename_display_name (basename);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);

  if (self->export_task != NULL || self->import_task != NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_BUSY,
                         self->export_task != NULL
                           ? _("Another export is under way: wait for it to finish, or cancel it.")
                           : _("The plan is being imported: export it when the import is done."));
  /* The chooser asks before replacing a file, but not whether the file is
   * the project itself (a slip of the name would destroy the plan). */
  else
    ipms_document_check_export_target (self->document, path, &error);

  if (error != NULL)
    {
      /* Translators: %s is a file name */
      g_autofree char *heading = g_strdup_printf (_("Could Not Export “%s”"), job->name);

      ipms_window_show_error (self, heading, error);
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  self->export_task = task;
  /* What is still being typed belongs in the file. */
  ipms_field_binding_flush_all (self->document);
  _ipms_window_update_actions (self);

  /* Translators: shown while a file is exported; %s is a file name */
  message = g_strdup_printf (_("Exporting “%s”…"), job->name);
  job->toast = show_progress (self, message, "win.cancel-export", _("Export Progress"));
  job->source = g_timeout_add (100, export_progress_cb, self);

  ipms_export_task_run_async (export, self->document, path, cancellable,
                              export_ran_cb, g_object_ref (task));
}

gboolean
ipms_window_export_finish (IpmsWindow    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (IPMS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
_ipms_window_cancel_export (IpmsWindow *self)
{
  ExportJob *job;

  if (self->export_task == NULL)
    return;

  /* The worker stops at its next step and removes what it wrote; the
   * progress bar stays until it has. */
  g_cancellable_cancel (g_task_get_cancellable (self->export_task));
  job = g_task_get_task_data (self->export_task);
  if (job->toast != NULL)
    adw_toast_dismiss (job->toast);
}

/* The window is going away: stop the export, tell its caller now, and
 * leave the worker to end on its own (it shares nothing with the window). */
void
_ipms_window_abandon_export (IpmsWindow *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->export_task);

  if (task == NULL)
    return;

  g_cancellable_cancel (g_task_get_cancellable (task));
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The window was closed");
}

gboolean
ipms_window_export_json (IpmsWindow *self,
                         GFile      *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (IPMS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = _ipms_window_dup_display_name (file);
  path = g_file_get_path (file);

  if (path == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("Plans can only be exported to a local folder."));

  if (path == NULL || !ipms_json_export_file (self->document, path, &error))
    {
      /* Translators: %s is a file name */
      g_autofree char *heading = g_strdup_printf (_("Could Not Export “%s”"), name);

      ipms_window_show_error (self, heading, error);
      return FALSE;
    }

  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Exported “%s”"), name);
  ipms_window_add_toast (self, message);

  return TRUE;
}
