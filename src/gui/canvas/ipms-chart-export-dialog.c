/* ipms-chart-export-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-chart-export.h"
#include "ipms-chart-export-dialog.h"
#include "ipms-file-chooser.h"
#include "ipms-window.h"

struct _IpmsChartExportDialog
{
  AdwWindow    parent_instance;

  AdwComboRow *format_row;
  AdwComboRow *page_row;
  GtkSwitch   *landscape_switch;
  GtkSwitch   *dark_switch;

  IpmsChart   *chart;
  char        *basename;
};

G_DEFINE_FINAL_TYPE (IpmsChartExportDialog, ipms_chart_export_dialog, ADW_TYPE_WINDOW)

static const char * const extensions[] = { "png", "svg", "pdf" };
static const IpmsPageSize pages[] = { IPMS_PAGE_FIT, IPMS_PAGE_A4, IPMS_PAGE_A3, IPMS_PAGE_SLIDE };

static void
on_file_chosen (GtkWindow *parent,
                GFile     *file,
                gpointer   user_data)
{
  g_autoptr(IpmsChartExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  IpmsExportOptions options = { 0 };
  GtkWindow *owner = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  options.page = pages[MIN (adw_combo_row_get_selected (self->page_row), G_N_ELEMENTS (pages) - 1)];
  options.landscape = gtk_switch_get_active (self->landscape_switch);
  options.dark = gtk_switch_get_active (self->dark_switch);

  if (path == NULL || !ipms_chart_export (self->chart, path, &options, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could not export the chart"),
                                                  error != NULL ? error->message : NULL);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (IPMS_IS_WINDOW (owner))
    {
      g_autofree char *name = g_file_get_basename (file);
      /* Translators: a toast after exporting a chart; %s is a file name */
      g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);

      ipms_window_add_toast (IPMS_WINDOW (owner), message);
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_export_clicked (IpmsChartExportDialog *self)
{
  guint format = MIN (adw_combo_row_get_selected (self->format_row), G_N_ELEMENTS (extensions) - 1);
  g_autofree char *name = g_strdup_printf ("%s.%s", self->basename, extensions[format]);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strdup_printf ("*.%s", extensions[format]);

  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_set_name (filter, adw_combo_row_get_selected_item (self->format_row) != NULL
                                      ? gtk_string_object_get_string (adw_combo_row_get_selected_item (self->format_row))
                                      : pattern);

  ipms_choose_file (GTK_WINDOW (self), IPMS_FILE_CHOOSER_SAVE, _("Export Chart"), _("_Export"),
                    name, filter, on_file_chosen, g_object_ref (self));
}

static void
update_sensitivity (IpmsChartExportDialog *self)
{
  /* A page fitted to the chart has no orientation. */
  gtk_widget_set_sensitive (gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (self->landscape_switch))),
                            adw_combo_row_get_selected (self->page_row) != 0);
}

static void
ipms_chart_export_dialog_dispose (GObject *object)
{
  IpmsChartExportDialog *self = (IpmsChartExportDialog *)object;

  g_clear_object (&self->chart);
  g_clear_pointer (&self->basename, g_free);

  G_OBJECT_CLASS (ipms_chart_export_dialog_parent_class)->dispose (object);
}

static void
ipms_chart_export_dialog_class_init (IpmsChartExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipms_chart_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ipmsplanner/Planner/canvas/ipms-chart-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IpmsChartExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, IpmsChartExportDialog, page_row);
  gtk_widget_class_bind_template_child (widget_class, IpmsChartExportDialog, landscape_switch);
  gtk_widget_class_bind_template_child (widget_class, IpmsChartExportDialog, dark_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
}

static void
ipms_chart_export_dialog_init (IpmsChartExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->page_row, "notify::selected", G_CALLBACK (update_sensitivity), self);
  update_sensitivity (self);
}

IpmsChartExportDialog *
ipms_chart_export_dialog_new (GtkWindow  *parent,
                              IpmsChart  *chart,
                              const char *basename)
{
  IpmsChartExportDialog *self;

  g_return_val_if_fail (IPMS_IS_CHART (chart), NULL);

  self = g_object_new (IPMS_TYPE_CHART_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->chart = g_object_ref (chart);
  self->basename = g_strdup (basename);

  return self;
}
