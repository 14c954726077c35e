/* ipms-new-series.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ipms-new-series.h"

gint64
ipms_new_series_create (IpmsDocument  *document,
                        IpmsRecord    *product,
                        const char    *name,
                        GError       **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *label = NULL;
  gint64 id;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), 0);
  g_return_val_if_fail (IPMS_IS_RECORD (product), 0);
  g_return_val_if_fail (name != NULL, 0);

  stripped = g_strstrip (g_strdup (name));
  if (stripped[0] == '\0')
    {
      g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_INVALID_VALUE,
                   _("A series needs a name."));
      return 0;
    }

  /* Translators: an undo step; %s is a series name */
  label = g_strdup_printf (_("New Series “%s”"), stripped);
  if (!ipms_document_begin_edit (document, label, NULL, error))
    return 0;

  /* Last in the list of series, and the product's own. */
  id = ipms_document_insert (document, "series", 0, NULL, error);
  if (id == 0 ||
      !ipms_document_set_string (document, "series", id, "name", stripped, error) ||
      !ipms_document_set_int (document, "series", id, "position",
                              ipms_document_count_rows (document, "series"), error) ||
      !ipms_document_set_int (document, "product", ipms_record_get_id (product),
                              "series_id", id, error) ||
      !ipms_document_commit_edit (document, error))
    {
      ipms_document_rollback_edit (document);
      return 0;
    }

  return id;
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          user_data)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  IpmsDocument *document = g_object_get_data (G_OBJECT (dialog), "ipms-document");
  IpmsRecord *product = g_object_get_data (G_OBJECT (dialog), "ipms-product");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "create") == 0 &&
      ipms_new_series_create (document, product, gtk_editable_get_text (entry), &error) == 0)
    {
      GtkWidget *message = adw_message_dialog_new (gtk_window_get_transient_for (GTK_WINDOW (dialog)),
                                                   _("Could Not Create the Series"),
                                                   error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
    }
}

static void
name_changed_cb (GtkEditable      *entry,
                 AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "create", name[0] != '\0');
}

void
ipms_new_series_ask (GtkWidget    *widget,
                     IpmsDocument *document,
                     IpmsRecord   *product)
{
  GtkRoot *root;
  GtkWidget *dialog;
  GtkWidget *entry;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (IPMS_IS_DOCUMENT (document));
  g_return_if_fail (IPMS_IS_RECORD (product));

  root = gtk_widget_get_root (widget);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("New Series"),
                                   _("The product will belong to the new series."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "create", _("C_reate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create", FALSE);

  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (entry), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Series name"),
                                  -1);
  g_signal_connect (entry, "changed", G_CALLBACK (name_changed_cb), dialog);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  g_object_set_data_full (G_OBJECT (dialog), "ipms-document", g_object_ref (document), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "ipms-product", g_object_ref (product), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}
