/* ipms-forms-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ipms-forms-util.h"

void
ipms_forms_report_error (GtkWidget    *widget,
                         const char   *what,
                         const GError *error)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (what != NULL);
  g_return_if_fail (error != NULL);

  if (!gtk_widget_activate_action (widget, "win.report-error", "(ss)", what, error->message))
    g_printerr ("ipms-planner: %s: %s\n", what, error->message);
}

void
ipms_forms_add_undo_toast (GtkWidget  *widget,
                           const char *message)
{
  GtkWidget *overlay;
  g_autofree char *markup = NULL;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;

  /* Toast titles are Pango markup, and names may hold "&" or "<". */
  markup = g_markup_escape_text (message, -1);
  toast = adw_toast_new (markup);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

char *
ipms_forms_dup_record_title (IpmsDocument *document,
                             IpmsRecord   *record)
{
  const IpmsTable *table;
  const char *title = NULL;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (IPMS_IS_RECORD (record), NULL);

  table = ipms_record_get_table (record);
  if (table->display_column != NULL)
    title = ipms_record_get_string (record, table->display_column);

  if (title != NULL && title[0] != '\0')
    return g_strdup (title);

  if (g_str_equal (table->name, "segment"))
    {
      IpmsRecord *x = ipms_document_get_record (document, "axis_item", ipms_record_get_int (record, "x_item_id"));
      IpmsRecord *y = ipms_document_get_record (document, "axis_item", ipms_record_get_int (record, "y_item_id"));

      if (x != NULL && y != NULL)
        /* Translators: a population segment named by its grid cell: life stage × preference */
        return g_strdup_printf (_("%s × %s"), ipms_record_get_string (y, "label"), ipms_record_get_string (x, "label"));
    }

  {
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, ipms_record_get_id (record));

    /* Translators: a row without a name: its kind and its number, as “Gap 3” */
    return g_strdup_printf (C_("unnamed row", "%s %s"), ipms_table_get_label (table), number);
  }
}

GtkWidget *
ipms_forms_summary_new (void)
{
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 3);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);
  /* Kept out of the Tab order: GTK 4.8's flow box holds on to the focus
   * when its next cell cannot take it, and Tab stopped at the sidebar. */
  gtk_widget_set_can_focus (flow, FALSE);

  return flow;
}

void
ipms_forms_summary_add (GtkWidget *summary,
                        GtkWidget *card)
{
  g_return_if_fail (GTK_IS_FLOW_BOX (summary));

  gtk_widget_add_css_class (card, "card");
  gtk_flow_box_append (GTK_FLOW_BOX (summary), card);
}
