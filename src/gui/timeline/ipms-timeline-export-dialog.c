/* ipms-timeline-export-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-file-chooser.h"
#include "ipms-time-axis.h"
#include "ipms-timeline-export-dialog.h"

struct _IpmsTimelineExportDialog
{
  AdwWindow         parent_instance;

  IpmsDocument     *document;
  IpmsTimelineKind  kind;
  gboolean          by_series;
  gboolean          flipped;

  AdwComboRow      *format_row;
  AdwComboRow      *page_row;
  GtkSwitch        *landscape_switch;
  GtkSwitch        *dark_switch;
  AdwEntryRow      *from_row;
  AdwEntryRow      *to_row;
  GtkLabel         *error_label;
};

G_DEFINE_FINAL_TYPE (IpmsTimelineExportDialog, ipms_timeline_export_dialog, ADW_TYPE_WINDOW)

static const char * const extensions[] = { "pdf", "svg", "png" };

static const char *
kind_name (IpmsTimelineKind kind)
{
  return kind == IPMS_TIMELINE_KIND_ROADMAP ? "roadmap" : "new-products";
}

gboolean
ipms_timeline_export_dialog_export_to (IpmsTimelineExportDialog  *self,
                                       const char                *path,
                                       GError                   **error)
{
  const char *from = gtk_editable_get_text (GTK_EDITABLE (self->from_row));
  const char *to = gtk_editable_get_text (GTK_EDITABLE (self->to_row));
  guint32 first = ipms_time_day_from_iso (from);
  guint32 last = ipms_time_day_from_iso (to);
  g_autoptr(IpmsChart) chart = NULL;
  IpmsExportOptions options = { 0 };

  g_return_val_if_fail (IPMS_IS_TIMELINE_EXPORT_DIALOG (self), FALSE);

  if (first == 0 || last == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Give both dates of the range as YYYY-MM-DD, for example 2027-01-01"));
      return FALSE;
    }
  if (last < first)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("The range ends before it starts"));
      return FALSE;
    }

  chart = ipms_chart_new_for_kind (self->document, kind_name (self->kind), error);
  if (chart == NULL)
    return FALSE;

  g_object_set (chart, "range-start", from, "range-end", to, NULL);
  if (self->kind == IPMS_TIMELINE_KIND_ROADMAP)
    g_object_set (chart, "flipped", self->flipped, NULL);
  else
    g_object_set (chart, "lane-mode", self->by_series ? 1 : 0, NULL);

  options.page = (IpmsPageSize) adw_combo_row_get_selected (self->page_row);
  options.landscape = gtk_switch_get_active (self->landscape_switch);
  options.dark = gtk_switch_get_active (self->dark_switch);

  return ipms_chart_export (chart, path, &options, error);
}

static void
show_error (IpmsTimelineExportDialog *self,
            const char               *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
file_chosen (GtkWindow *parent,
             GFile     *file,
             gpointer   user_data)
{
  IpmsTimelineExportDialog *self = IPMS_TIMELINE_EXPORT_DIALOG (parent);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL || !ipms_timeline_export_dialog_export_to (self, path, &error))
    {
      show_error (self, error != NULL ? error->message : _("The chart can only be written to a local file"));
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IpmsTimelineExportDialog *self = IPMS_TIMELINE_EXPORT_DIALOG (widget);
  guint format = MIN (adw_combo_row_get_selected (self->format_row), G_N_ELEMENTS (extensions) - 1);
  g_autofree char *title = ipms_document_dup_title (self->document);
  g_autofree char *name = g_strdup_printf ("%s – %s.%s", title,
                                           self->kind == IPMS_TIMELINE_KIND_ROADMAP ? _("Roadmap")
                                                                                     : _("New product chart"),
                                           extensions[format]);
  g_autoptr(GError) error = NULL;

  /* Check the range before asking for a file. */
  if (ipms_time_day_from_iso (gtk_editable_get_text (GTK_EDITABLE (self->from_row))) == 0 ||
      ipms_time_day_from_iso (gtk_editable_get_text (GTK_EDITABLE (self->to_row))) == 0)
    {
      show_error (self, _("Give both dates of the range as YYYY-MM-DD, for example 2027-01-01"));
      return;
    }
  show_error (self, NULL);

  ipms_choose_file (GTK_WINDOW (self), IPMS_FILE_CHOOSER_SAVE, _("Export Chart"), _("_Export"),
                    name, NULL, file_chosen, NULL);
}

static void
ipms_timeline_export_dialog_dispose (GObject *object)
{
  IpmsTimelineExportDialog *self = IPMS_TIMELINE_EXPORT_DIALOG (object);

  g_clear_object (&self->document);

  G_OBJECT_CLASS (ipms_timeline_export_dialog_parent_class)->dispose (object);
}

static void
ipms_timeline_export_dialog_class_init (IpmsTimelineExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipms_timeline_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ipmsplanner/Planner/timeline/ipms-timeline-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IpmsTimelineExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, IpmsTimelineExportDialog, page_row);
  gtk_widget_class_bind_template_child (widget_class, IpmsTimelineExportDialog, landscape_switch);
  gtk_widget_class_bind_template_child (widget_class, IpmsTimelineExportDialog, dark_switch);
  gtk_widget_class_bind_template_child (widget_class, IpmsTimelineExportDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, IpmsTimelineExportDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, IpmsTimelineExportDialog, error_label);

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ipms_timeline_export_dialog_init (IpmsTimelineExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ipms_timeline_export_dialog_new (IpmsDocument     *document,
                                 IpmsTimelineKind  kind,
                                 gboolean          by_series,
                                 gboolean          flipped,
                                 const char       *range_start,
                                 const char       *range_end)
{
  IpmsTimelineExportDialog *self;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);

  self = g_object_new (IPMS_TYPE_TIMELINE_EXPORT_DIALOG, NULL);
  self->document = g_object_ref (document);
  self->kind = kind;
  self->by_series = by_series;
  self->flipped = flipped;
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), range_start != NULL ? range_start : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), range_end != NULL ? range_end : "");

  return GTK_WIDGET (self);
}

void
ipms_timeline_export_dialog_set_page (IpmsTimelineExportDialog *self,
                                      IpmsPageSize              page,
                                      gboolean                  landscape)
{
  g_return_if_fail (IPMS_IS_TIMELINE_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->page_row, page);
  gtk_switch_set_active (self->landscape_switch, landscape);
}
