/* ipms-export-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ipms-accessible.h"
#include "ipms-chart-export.h"
#include "ipms-export-dialog.h"
#include "ipms-export-task.h"
#include "ipms-file-chooser.h"
#include "ipms-format.h"
#include "ipms-record.h"
#include "ipms-time-axis.h"
#include "ipms-window.h"

struct _IpmsExportDialog
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  AdwPreferencesGroup *chart_group;
  AdwPreferencesGroup *prd_group;
  AdwComboRow    *scope_row;
  AdwComboRow    *prd_format_row;
  AdwComboRow    *format_row;
  AdwComboRow    *page_row;
  AdwActionRow   *landscape_row;
  GtkSwitch      *landscape_switch;
  GtkSwitch      *dark_switch;
  AdwPreferencesGroup *range_group;
  AdwActionRow   *to_row;
  GtkMenuButton  *from_button;
  GtkMenuButton  *to_button;
  GtkCalendar    *from_calendar;
  GtkCalendar    *to_calendar;

  IpmsDocument   *document;
  /* NULL when the dialog exports PRDs. */
  IpmsChart      *chart;
  /* For PRDs: the product the dialog was opened for, 0 for all of them. */
  gint64          product_id;
  char           *chart_id;
  char           *chart_name;
  /* Days of the range; 0 while the chart has none. */
  guint32         first_day;
  guint32         last_day;
};

G_DEFINE_FINAL_TYPE (IpmsExportDialog, ipms_export_dialog, ADW_TYPE_WINDOW)

/* In the order of the format row. */
static const struct {
  const char *extension;
  const char *mime_type;
} formats[] = {
  { "png", "image/png" },
  { "svg", "image/svg+xml" },
  { "pdf", "application/pdf" },
};

/* In the order of the PRD format row. */
static const struct {
  const char *extension;
  const char *mime_type;
} prd_formats[] = {
  { "md", "text/markdown" },
  { "pdf", "application/pdf" },
};

/* In the order of the scope row opened for one product. */
enum {
  SCOPE_PRODUCT,
  SCOPE_ALL,
};

/* View state keys, shared by every chart of a project but the range, which
 * is the chart's own. */
#define KEY_FORMAT    "export.format"
#define KEY_PAGE      "export.page"
#define KEY_LANDSCAPE "export.landscape"
#define KEY_DARK      "export.dark"
#define KEY_PRD_FORMAT "export.prd.format"

static guint
get_format (IpmsExportDialog *self)
{
  return MIN (adw_combo_row_get_selected (self->format_row), G_N_ELEMENTS (formats) - 1);
}

static gboolean
is_for_prds (IpmsExportDialog *self)
{
  return self->chart == NULL;
}

static guint
get_prd_format (IpmsExportDialog *self)
{
  return MIN (adw_combo_row_get_selected (self->prd_format_row), G_N_ELEMENTS (prd_formats) - 1);
}

static const char *
get_extension (IpmsExportDialog *self)
{
  return is_for_prds (self) ? prd_formats[get_prd_format (self)].extension
                            : formats[get_format (self)].extension;
}

static const char *
get_mime_type (IpmsExportDialog *self)
{
  return is_for_prds (self) ? prd_formats[get_prd_format (self)].mime_type
                            : formats[get_format (self)].mime_type;
}

/* The product whose PRD is exported, 0 for all. */
static gint64
get_prd_scope (IpmsExportDialog *self)
{
  if (self->product_id == 0 || adw_combo_row_get_selected (self->scope_row) == SCOPE_ALL)
    return 0;

  return self->product_id;
}

/* What is exported, for the file name and the subtitle: the chart's name,
 * or which PRDs. */
static char *
dup_subject (IpmsExportDialog *self)
{
  IpmsRecord *product;

  if (!is_for_prds (self))
    return g_strdup (self->chart_name);

  product = get_prd_scope (self) != 0
    ? ipms_document_get_record (self->document, "product", self->product_id) : NULL;
  if (product == NULL)
    return g_strdup (_("PRDs"));

  /* Translators: the name of an exported PRD; %s is the product's name */
  return g_strdup_printf (_("%s PRD"), ipms_record_get_string (product, "name"));
}

static gboolean
has_range (IpmsExportDialog *self)
{
  return self->first_day != 0;
}

static char *
range_key (IpmsExportDialog *self,
           const char       *end)
{
  return g_strdup_printf ("export.%s.%s", self->chart_id, end);
}

static void
calendar_select_day (GtkCalendar *calendar,
                     guint32      julian_day)
{
  GDate date;
  g_autoptr(GDateTime) time = NULL;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian_day);
  time = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), 12, 0, 0);
  gtk_calendar_select_day (calendar, time);
}

static guint32
calendar_get_day (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) time = gtk_calendar_get_date (calendar);

  return ipms_time_day_from_dmy (g_date_time_get_day_of_month (time),
                                 g_date_time_get_month (time),
                                 g_date_time_get_year (time));
}

/* The one place that shows what the settings allow. */
static void
update_state (IpmsExportDialog *self)
{
  gboolean range_ok = !has_range (self) || self->first_day <= self->last_day;
  g_autofree char *subject = dup_subject (self);

  /* Under "Export PRDs", "PRDs" would say nothing. */
  adw_window_title_set_subtitle (self->window_title,
                                 is_for_prds (self) && get_prd_scope (self) == 0 ? _("All products") : subject);

  /* A page fitted to the chart has no orientation: hide the switch rather
   * than show it on and greyed out. */
  gtk_widget_set_visible (GTK_WIDGET (self->landscape_row),
                          adw_combo_row_get_selected (self->page_row) != IPMS_PAGE_FIT);

  if (has_range (self))
    {
      g_autofree char *first = ipms_format_date (self->first_day);
      g_autofree char *last = ipms_format_date (self->last_day);

      gtk_menu_button_set_label (self->from_button, first);
      gtk_menu_button_set_label (self->to_button, last);
      /* GTK 4.8 names a menu button only by this property. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->from_button), GTK_ACCESSIBLE_PROPERTY_LABEL, first, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->to_button), GTK_ACCESSIBLE_PROPERTY_LABEL, last, -1);
      adw_action_row_set_subtitle (self->to_row, range_ok ? "" : _("The range ends before it starts"));
      if (range_ok)
        gtk_widget_remove_css_class (GTK_WIDGET (self->to_row), "error");
      else
        gtk_widget_add_css_class (GTK_WIDGET (self->to_row), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->to_button), GTK_ACCESSIBLE_STATE_INVALID,
                                   range_ok ? GTK_ACCESSIBLE_INVALID_FALSE : GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-file", range_ok);
}

static void
on_day_selected (IpmsExportDialog *self,
                 GtkCalendar      *calendar)
{
  if (!has_range (self))
    return;

  if (calendar == self->from_calendar)
    self->first_day = calendar_get_day (calendar);
  else
    self->last_day = calendar_get_day (calendar);

  /* The popover stays open: the calendar's month and year arrows select a
   * day too, and closing on them would take the calendar away mid-way. */
  update_state (self);
}

static void
load_settings (IpmsExportDialog *self)
{
  g_autofree char *format = ipms_document_dup_view_state (self->document, KEY_FORMAT);
  g_autofree char *page = ipms_document_dup_view_state (self->document, KEY_PAGE);
  g_autofree char *landscape = ipms_document_dup_view_state (self->document, KEY_LANDSCAPE);
  g_autofree char *dark = ipms_document_dup_view_state (self->document, KEY_DARK);
  g_autofree char *prd_format = ipms_document_dup_view_state (self->document, KEY_PRD_FORMAT);

  for (guint i = 0; prd_format != NULL && i < G_N_ELEMENTS (prd_formats); i++)
    if (g_strcmp0 (prd_format, prd_formats[i].extension) == 0)
      adw_combo_row_set_selected (self->prd_format_row, i);

  for (guint i = 0; format != NULL && i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (format, formats[i].extension) == 0)
      adw_combo_row_set_selected (self->format_row, i);

  if (page != NULL)
    {
      guint64 value = g_ascii_strtoull (page, NULL, 10);

      if (value <= IPMS_PAGE_SLIDE)
        adw_combo_row_set_selected (self->page_row, (guint) value);
    }
  if (landscape != NULL)
    gtk_switch_set_active (self->landscape_switch, g_strcmp0 (landscape, "true") == 0);
  if (dark != NULL)
    gtk_switch_set_active (self->dark_switch, g_strcmp0 (dark, "true") == 0);
}

static void
save_settings (IpmsExportDialog *self)
{
  g_autofree char *page = g_strdup_printf ("%u", adw_combo_row_get_selected (self->page_row));

  /* The PRDs have their own format: a Markdown export does not turn the
   * next chart's into one. */
  if (is_for_prds (self))
    {
      ipms_document_set_view_state (self->document, KEY_PRD_FORMAT, get_extension (self));
      return;
    }

  ipms_document_set_view_state (self->document, KEY_FORMAT, formats[get_format (self)].extension);
  ipms_document_set_view_state (self->document, KEY_PAGE, page);
  ipms_document_set_view_state (self->document, KEY_LANDSCAPE,
                                gtk_switch_get_active (self->landscape_switch) ? "true" : "false");
  ipms_document_set_view_state (self->document, KEY_DARK,
                                gtk_switch_get_active (self->dark_switch) ? "true" : "false");

  if (has_range (self))
    {
      g_autofree char *from_key = range_key (self, "from");
      g_autofree char *to_key = range_key (self, "to");
      g_autofree char *from = ipms_time_day_to_iso (self->first_day);
      g_autofree char *to = ipms_time_day_to_iso (self->last_day);

      ipms_document_set_view_state (self->document, from_key, from);
      ipms_document_set_view_state (self->document, to_key, to);
    }
}

char *
ipms_export_dialog_dup_file_name (IpmsExportDialog *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (IPMS_IS_EXPORT_DIALOG (self), NULL);

  title = ipms_document_dup_title (self->document);
  subject = dup_subject (self);
  /* Translators: the suggested name of an exported chart, without its
   * extension: the project's title, then the chart's name */
  name = g_strdup_printf (_("%s – %s"), title, subject);
  /* A title may hold a slash; a file name cannot. */
  g_strdelimit (name, G_DIR_SEPARATOR_S, '-');

  return g_strdup_printf ("%s.%s", name, get_extension (self));
}

/* The path with the chosen format's extension: the format is picked once,
 * in the dialog, and a name typed without it (or with another) gets it. */
static char *
path_with_extension (IpmsExportDialog *self,
                     const char       *path)
{
  const char *extension = get_extension (self);
  const char *dot = strrchr (path, '.');
  const char *slash = strrchr (path, G_DIR_SEPARATOR);

  if (dot != NULL && (slash == NULL || dot > slash) && g_ascii_strcasecmp (dot + 1, extension) == 0)
    return g_strdup (path);

  return g_strdup_printf ("%s.%s", path, extension);
}

gboolean
ipms_export_dialog_export_to (IpmsExportDialog     *self,
                              const char           *path,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data,
                              GError              **error)
{
  GtkWindow *owner;
  g_autofree char *full_path = NULL;
  g_autoptr(IpmsExportTask) export = NULL;
  IpmsExportOptions options = { 0 };

  g_return_val_if_fail (IPMS_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  owner = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_return_val_if_fail (IPMS_IS_WINDOW (owner), FALSE);

  full_path = path_with_extension (self, path);

  if (is_for_prds (self))
    export = ipms_export_task_new_for_prds (get_prd_scope (self));
  else
    {
      if (has_range (self))
        {
          g_autofree char *from = NULL;
          g_autofree char *to = NULL;

          if (self->last_day < self->first_day)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("The range ends before it starts"));
              return FALSE;
            }

          from = ipms_time_day_to_iso (self->first_day);
          to = ipms_time_day_to_iso (self->last_day);
          g_object_set (self->chart, "range-start", from, "range-end", to, NULL);
        }

      options.page = (IpmsPageSize) adw_combo_row_get_selected (self->page_row);
      options.landscape = gtk_switch_get_active (self->landscape_switch);
      options.dark = gtk_switch_get_active (self->dark_switch);
      export = ipms_export_task_new_for_chart (self->chart, self->chart_id, &options);
    }

  /* The window runs it, shows how far it is and what came of it: the
   * dialog's work is done. */
  ipms_window_export (IPMS_WINDOW (owner), export, full_path, callback, user_data);
  gtk_window_destroy (GTK_WINDOW (self));

  return TRUE;
}

static void
file_chosen (GtkWindow *parent,
             GFile     *file,
             gpointer   user_data)
{
  IpmsExportDialog *self = IPMS_EXPORT_DIALOG (parent);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         is_for_prds (self) ? _("PRDs can only be exported to a local folder.")
                                            : _("Charts can only be exported to a local folder."));

  /* Settings the export cannot take keep the dialog open to change them. */
  if (path == NULL || !ipms_export_dialog_export_to (self, path, NULL, NULL, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                                  is_for_prds (self) ? _("Could Not Export the PRDs")
                                                                     : _("Could Not Export the Chart"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IpmsExportDialog *self = IPMS_EXPORT_DIALOG (widget);
  g_autofree char *name = ipms_export_dialog_dup_file_name (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkStringObject *format = adw_combo_row_get_selected_item (is_for_prds (self) ? self->prd_format_row
                                                                                : self->format_row);

  save_settings (self);

  /* The format is chosen above; the chooser's one filter only shows the
   * files of that format that the export could replace. */
  gtk_file_filter_set_name (filter, gtk_string_object_get_string (format));
  gtk_file_filter_add_mime_type (filter, get_mime_type (self));
  gtk_file_filter_add_suffix (filter, get_extension (self));

  ipms_choose_file (GTK_WINDOW (self), IPMS_FILE_CHOOSER_SAVE,
                    is_for_prds (self) ? _("Export PRDs") : _("Export Chart"), _("_Export"),
                    name, filter, file_chosen, NULL);
}

static void
ipms_export_dialog_dispose (GObject *object)
{
  IpmsExportDialog *self = IPMS_EXPORT_DIALOG (object);

  g_clear_object (&self->document);
  g_clear_object (&self->chart);

  G_OBJECT_CLASS (ipms_export_dialog_parent_class)->dispose (object);
}

static void
ipms_export_dialog_finalize (GObject *object)
{
  IpmsExportDialog *self = IPMS_EXPORT_DIALOG (object);

  g_free (self->chart_id);
  g_free (self->chart_name);

  G_OBJECT_CLASS (ipms_export_dialog_parent_class)->finalize (object);
}

static void
ipms_export_dialog_class_init (IpmsExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipms_export_dialog_dispose;
  object_class->finalize = ipms_export_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ipmsplanner/Planner/common/ipms-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IpmsExportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, IpmsExportDialog, chart_group);
  gtk_widget_class_bind_template_child (widget_class, IpmsExportDialog, prd_group);
  gtk_widget_class_bind_template_child (widget_class, IpmsExportDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, IpmsExportDialog, prd_format_row);
  gtk_widget_class_bind_template_child (widget_class, IpmsExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, IpmsExportDialog, page_row);
  gtk_widget_class_bind_template_child (widget_class, IpmsExportDialog, landscape_row);
  gtk_widget_class_bind_template_child (widget_class, IpmsExportDialog, landscape_switch);
  gtk_widget_class_bind_template_child (widget_class, IpmsExportDialog, dark_switch);
  gtk_widget_class_bind_template_child (widget_class, IpmsExportDialog, range_group);
  gtk_widget_class_bind_template_child (widget_class, IpmsExportDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, IpmsExportDialog, from_button);
  gtk_widget_class_bind_template_child (widget_class, IpmsExportDialog, to_button);
  gtk_widget_class_bind_template_child (widget_class, IpmsExportDialog, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, IpmsExportDialog, to_calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ipms_export_dialog_init (IpmsExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ipms_accessible_combo_row_name_choices (self->scope_row);
  ipms_accessible_combo_row_name_choices (self->prd_format_row);
  ipms_accessible_combo_row_name_choices (self->format_row);
  ipms_accessible_combo_row_name_choices (self->page_row);

  g_signal_connect_swapped (self->page_row, "notify::selected", G_CALLBACK (update_state), self);
  g_signal_connect_swapped (self->scope_row, "notify::selected", G_CALLBACK (update_state), self);
}

IpmsExportDialog *
ipms_export_dialog_new (GtkWindow    *parent,
                        IpmsDocument *document,
                        IpmsChart    *chart,
                        const char   *chart_id,
                        const char   *chart_name)
{
  IpmsExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (IPMS_IS_CHART (chart), NULL);
  g_return_val_if_fail (chart_id != NULL && chart_name != NULL, NULL);

  self = g_object_new (IPMS_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->document = g_object_ref (document);
  self->chart = g_object_ref (chart);
  self->chart_id = g_strdup (chart_id);
  self->chart_name = g_strdup (chart_name);

  load_settings (self);
  update_state (self);

  return self;
}

IpmsExportDialog *
ipms_export_dialog_new_for_prds (GtkWindow    *parent,
                                 IpmsDocument *document,
                                 gint64        product_id)
{
  IpmsExportDialog *self;
  IpmsRecord *product = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (product_id >= 0, NULL);

  if (product_id != 0)
    {
      product = ipms_document_get_record (document, "product", product_id);
      g_return_val_if_fail (product != NULL, NULL);
    }

  self = g_object_new (IPMS_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "title", _("Export PRDs"),
                       NULL);
  self->document = g_object_ref (document);
  self->product_id = product_id;

  adw_window_title_set_title (self->window_title, _("Export PRDs"));
  gtk_widget_set_visible (GTK_WIDGET (self->chart_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->prd_group), TRUE);

  /* Opened for one product, the dialog offers it or all of them; opened
   * for all, there is nothing to choose. */
  if (product != NULL)
    {
      g_autoptr(GtkStringList) scopes = gtk_string_list_new (NULL);

      gtk_string_list_append (scopes, ipms_record_get_string (product, "name"));
      gtk_string_list_append (scopes, _("All products"));
      adw_combo_row_set_model (self->scope_row, G_LIST_MODEL (scopes));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->scope_row), product != NULL);

  load_settings (self);
  update_state (self);

  return self;
}

void
ipms_export_dialog_set_default_range (IpmsExportDialog *self,
                                      guint32           first_day,
                                      guint32           last_day)
{
  g_autofree char *from_key = NULL;
  g_autofree char *to_key = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  guint32 remembered_first, remembered_last;

  g_return_if_fail (IPMS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (first_day != 0 && last_day != 0);
  g_return_if_fail (!is_for_prds (self));
  g_return_if_fail (g_object_class_find_property (G_OBJECT_GET_CLASS (self->chart), "range-start") != NULL);

  from_key = range_key (self, "from");
  to_key = range_key (self, "to");
  from = ipms_document_dup_view_state (self->document, from_key);
  to = ipms_document_dup_view_state (self->document, to_key);
  remembered_first = from != NULL ? ipms_time_day_from_iso (from) : 0;
  remembered_last = to != NULL ? ipms_time_day_from_iso (to) : 0;

  if (remembered_first != 0 && remembered_last != 0)
    {
      self->first_day = remembered_first;
      self->last_day = remembered_last;
    }
  else
    {
      self->first_day = first_day;
      self->last_day = last_day;
    }

  calendar_select_day (self->from_calendar, self->first_day);
  calendar_select_day (self->to_calendar, self->last_day);

  gtk_widget_set_visible (GTK_WIDGET (self->range_group), TRUE);
  update_state (self);
}
