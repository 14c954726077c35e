/* ipms-review-dialogs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-baseline.h"
#include "ipms-changes-window.h"
#include "ipms-deck-setup-window.h"
#include "ipms-export-task.h"
#include "ipms-file-chooser.h"
#include "ipms-review-dialogs.h"

/* Deck set-up */

void
ipms_review_dialogs_show_deck_setup (IpmsWindow *window)
{
  gtk_window_present (GTK_WINDOW (ipms_deck_setup_window_new (window)));
}

/* Mark as reviewed */

static void
mark_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  IpmsWindow       *window)
{
  g_autoptr(GError) error = NULL;
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "ipms-entry");
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "mark"))
    return;

  if (ipms_baseline_store (ipms_window_get_document (window), gtk_editable_get_text (entry), &error) == 0)
    {
      ipms_window_show_error (window, _("Could not mark the plan as reviewed"), error);
      return;
    }

  ipms_document_set_view_state (ipms_window_get_document (window), IPMS_REVIEW_BASELINE_KEY,
                                gtk_editable_get_text (entry));
  /* Translators: a notice after "Mark as Reviewed"; %s is the review's name */
  message = g_strdup_printf (_("Marked as reviewed: “%s”"), gtk_editable_get_text (entry));
  ipms_window_add_toast (window, message);
}

void
ipms_review_dialogs_mark_reviewed (IpmsWindow *window)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: the default name of a review baseline; %s is today's date */
  g_autofree char *name = g_strdup_printf (_("Review of %s"), date);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Mark as Reviewed"),
                                              _("The plan as it is now is kept in the project under this name; "
                                                "the next review shows what changed since."));
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name of the review"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "mark", _("_Mark as Reviewed"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "mark", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "mark");
  g_object_set_data (G_OBJECT (dialog), "ipms-entry", entry);
  g_signal_connect (dialog, "response", G_CALLBACK (mark_response_cb), window);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* What changed */

void
ipms_review_dialogs_show_changes (IpmsWindow *window)
{
  gtk_window_present (GTK_WINDOW (ipms_changes_window_new (window)));
}

/* PDF export */

static void
export_chosen_cb (GtkWindow *parent,
                  GFile     *file,
                  gpointer   user_data)
{
  IpmsWindow *window = IPMS_WINDOW (parent);
  IpmsDocument *document = ipms_window_get_document (window);
  g_autoptr(IpmsExportTask) export = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *baseline = NULL;
  gint64 id = 0;

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be written"));
      ipms_window_show_error (window, _("Could not export the deck"), error);
      return;
    }

  /* The review the deck compares with, as the console shows it. */
  baseline = ipms_document_dup_view_state (document, IPMS_REVIEW_BASELINE_KEY);
  if (baseline != NULL)
    id = ipms_baseline_find (document, baseline);

  export = ipms_export_task_new_for_deck (id, FALSE);
  ipms_window_export (window, export, path, NULL, NULL);
}

void
ipms_review_dialogs_export_deck (IpmsWindow *window)
{
  g_autofree char *title = ipms_document_dup_title (ipms_window_get_document (window));
  g_autofree char *initial = g_strdup_printf ("%s.pdf", title);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");

  ipms_choose_file (GTK_WINDOW (window), IPMS_FILE_CHOOSER_SAVE, _("Export Deck as PDF"), _("_Export"),
                    initial, filter, export_chosen_cb, NULL);
}
