/* ipms-window-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-export-dialog.h"
#include "ipms-field-binding.h"
#include "ipms-file-chooser.h"
#include "ipms-new-products-page.h"
#include "ipms-panorama-page.h"
#include "ipms-products-page.h"
#include "ipms-record-focus.h"
#include "ipms-review-dialogs.h"
#include "ipms-roadmap-page.h"
#include "ipms-window-private.h"

/* Alt+1 … Alt+9, Alt+0 show the first ten sections. */
static const guint section_keys[] = {
  GDK_KEY_1, GDK_KEY_2, GDK_KEY_3, GDK_KEY_4, GDK_KEY_5,
  GDK_KEY_6, GDK_KEY_7, GDK_KEY_8, GDK_KEY_9, GDK_KEY_0,
};

/* The one place that makes the win.* actions follow the document. */
void
_ipms_window_update_actions (IpmsWindow *self)
{
  gboolean can_undo, can_redo;
  const char *undo_label, *redo_label;
  guint n_sections;
  const Section *sections = _ipms_window_get_sections (&n_sections);
  guint index = self->section - sections;
  g_autofree char *undo_tooltip = NULL;
  g_autofree char *redo_tooltip = NULL;

  /* A bulk undo or redo is being applied in slices: asking for the history
   * or counting rows would complete it at once. The actions stay as they
   * are; whichever runs meanwhile completes the step first. */
  if (ipms_document_get_busy (self->document))
    return;

  can_undo = ipms_document_can_undo (self->document);
  can_redo = ipms_document_can_redo (self->document);
  undo_label = ipms_document_get_undo_label (self->document);
  redo_label = ipms_document_get_redo_label (self->document);

  /* While an import writes, it is the document's one writer. */
  gboolean idle = self->import_task == NULL;
  /* An export reads its own copy of the plan, so the window stays
   * editable; but one long job at a time shows its progress and Cancel. */
  gboolean exporting = self->export_task != NULL;
  static const char * const writers[] = {
    "win.save-as", "win.rename-project", "win.undo-toast", "win.export-json",
    "win.present", "win.present-current", "win.deck-setup", "win.mark-reviewed",
    "win.compare-review",
  };

  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), writers[i], idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-json", idle && !exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-deck", idle && !exporting);
  /* A plan without products has no PRD to export. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-prd",
                                 idle && !exporting && ipms_document_count_rows (self->document, "product") > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-chart",
                                 idle && !exporting && self->section->group == GROUP_CHARTS);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", !idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-export", exporting);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), idle);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sidebar_list), idle);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", can_undo && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", can_redo && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-section", index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-section",
                                 index + 1 < n_sections);

  /* Translators: tooltip of the undo button; %s names the step, as “Move “Pet Feeder Mini”” */
  undo_tooltip = can_undo && undo_label != NULL ? g_strdup_printf (_("Undo “%s”"), undo_label)
                                                : g_strdup (_("Undo"));
  /* Translators: tooltip of the redo button; %s names the step */
  redo_tooltip = can_redo && redo_label != NULL ? g_strdup_printf (_("Redo “%s”"), redo_label)
                                                : g_strdup (_("Redo"));
  _ipms_window_set_tooltip_if_changed (self->undo_button, undo_tooltip);
  _ipms_window_set_tooltip_if_changed (self->redo_button, redo_tooltip);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IpmsWindow *self = IPMS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  /* What is still being typed in a form is the step to undo. */
  ipms_field_binding_flush_all (self->document);
  if (!ipms_document_undo (self->document, &error))
    _ipms_window_report_toast (self, _("Could not undo"), error);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IpmsWindow *self = IPMS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  ipms_field_binding_flush_all (self->document);
  if (!ipms_document_redo (self->document, &error))
    _ipms_window_report_toast (self, _("Could not redo"), error);
}

/* Pages announce their destructive edits through this action, so that no
 * page needs to know the window's type. */
static void
undo_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ipms_window_add_undo_toast (IPMS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* The one way a page reports a failure of the model: "(ss)", what failed
 * and why (see ipms_forms_report_error()). */
static void
report_error_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  const char *what, *why;
  g_autofree char *message = NULL;

  g_variant_get (parameter, "(&s&s)", &what, &why);
  message = g_strdup_printf ("%s: %s", what, why);
  g_printerr ("ipms-planner: %s\n", message);
  ipms_window_add_toast (IPMS_WINDOW (widget), message);
}

static void
step_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IpmsWindow *self = IPMS_WINDOW (widget);
  guint n_sections;
  const Section *sections = _ipms_window_get_sections (&n_sections);
  guint index = self->section - sections;

  if (g_str_equal (action_name, "win.next-section") && index + 1 < n_sections)
    _ipms_window_show_section (self, &sections[index + 1]);
  else if (g_str_equal (action_name, "win.previous-section") && index > 0)
    _ipms_window_show_section (self, &sections[index - 1]);
}

static void
rename_project_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  IpmsWindow *self = IPMS_WINDOW (widget);

  /* The name is shown in the sidebar's header: show it when folded away. */
  adw_leaflet_set_visible_child (self->leaflet, gtk_widget_get_parent (self->sidebar_header));
  gtk_menu_button_popup (self->title_button);
}

/* The title as a file name: a "/" would name a folder. */
static char *
dup_file_name (IpmsWindow *self,
               const char *extension)
{
  g_autofree char *title = ipms_document_dup_title (self->document);

  g_strdelimit (title, "/", '-');
  return g_strconcat (title, extension, NULL);
}

static void
save_as_chosen (GtkWindow *window,
                GFile     *file,
                gpointer   user_data)
{
  if (file != NULL)
    ipms_window_save_as (IPMS_WINDOW (window), file);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  IpmsWindow *self = IPMS_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = ipms_file_filter_new_project ();
  g_autofree char *name = dup_file_name (self, ".ipms");

  ipms_choose_file (GTK_WINDOW (self), IPMS_FILE_CHOOSER_SAVE,
                    _("Save Project As"), _("_Save"), name, filter,
                    save_as_chosen, NULL);
}

static void
import_json_confirmed (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          user_data)
{
  GFile *file = user_data;
  GtkWindow *window = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (g_str_equal (response, "replace") && IPMS_IS_WINDOW (window))
    ipms_window_import_json (IPMS_WINDOW (window), file, NULL, NULL);
}

/* Import replaces the whole plan: say so before it happens. */
static void
import_json_chosen (GtkWindow *window,
                    GFile     *file,
                    gpointer   user_data)
{
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  if (file == NULL)
    return;

  name = _ipms_window_dup_display_name (file);
  dialog = adw_message_dialog_new (window, _("Replace the Plan?"), NULL);
  /* Translators: %s is a file name */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Everything in this project is replaced by the plan in “%s”. "
                                    "Undo brings the current plan back."),
                                  name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (import_json_confirmed),
                         g_object_ref (file), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_json_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GtkFileFilter) filter = ipms_file_filter_new_json ();

  ipms_choose_file (GTK_WINDOW (widget), IPMS_FILE_CHOOSER_OPEN,
                    _("Import JSON"), _("_Import"), NULL, filter,
                    import_json_chosen, NULL);
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _ipms_window_cancel_import (IPMS_WINDOW (widget));
}

static void
export_json_chosen (GtkWindow *window,
                    GFile     *file,
                    gpointer   user_data)
{
  if (file != NULL)
    ipms_window_export_json (IPMS_WINDOW (window), file);
}

static void
export_json_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IpmsWindow *self = IPMS_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = ipms_file_filter_new_json ();
  g_autofree char *name = dup_file_name (self, ".json");

  ipms_choose_file (GTK_WINDOW (self), IPMS_FILE_CHOOSER_SAVE,
                    _("Export JSON"), _("_Export"), name, filter,
                    export_json_chosen, NULL);
}

static void
cancel_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _ipms_window_cancel_export (IPMS_WINDOW (widget));
}

static void
show_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IpmsWindow *self = IPMS_WINDOW (widget);
  const char *table, *column, *section_id;
  const Section *section;
  GtkWidget *page;
  gint64 id, product;

  g_variant_get (parameter, "(&sx&s)", &table, &id, &column);

  product = _ipms_window_product_of_record (self->document, table, id);
  if (product != 0)
    {
      /* The PRD editor (branch prd-pages) shows a product and its rows;
       * without it the product is selected on the panorama. */
      if (gtk_widget_activate_action (widget, "win.open-prd", "x", product))
        {
          /* Then the field or cell itself. */
          page = _ipms_window_ensure_page (self, _ipms_window_lookup_section ("prds"));
          if (IPMS_IS_RECORD_FOCUS (page))
            ipms_record_focus_focus_record (IPMS_RECORD_FOCUS (page), table, id, column);
          return;
        }
      table = "product";
      id = product;
      column = "";
    }

  section_id = ipms_window_get_section_for_record (table, column);
  if (section_id == NULL || (section = _ipms_window_lookup_section (section_id)) == NULL || section->get_type == NULL)
    return;

  _ipms_window_show_section (self, section);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);

  page = _ipms_window_ensure_page (self, section);
  if (IPMS_IS_RECORD_FOCUS (page))
    ipms_record_focus_focus_record (IPMS_RECORD_FOCUS (page), table, id, column);
}

/* Ctrl+F: in the sidebar, shown when folded away. */
static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IpmsWindow *self = IPMS_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  /* A fold just made would otherwise land on the page afterwards. */
  g_clear_handle_id (&self->fold_source, g_source_remove);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, gtk_widget_get_parent (self->sidebar_header));
  gtk_widget_grab_focus (self->search_entry);
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/* "(sx)": a chart section and a product. From a product's traceability
 * panel: the chart comes up with that product selected, as if the user had
 * clicked it there. */
static void
show_product_on_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  IpmsWindow *self = IPMS_WINDOW (widget);
  const Section *section;
  const char *section_id;
  gint64 product_id;

  g_variant_get (parameter, "(&sx)", &section_id, &product_id);
  section = _ipms_window_lookup_section (section_id);
  if (section == NULL)
    return;

  if (product_id != 0)
    ipms_selection_select_only (self->selection, product_id);
  _ipms_window_show_section (self, section);
}

/* F5 starts at the first slide, Shift+F5 at the slide of this section. */
static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  IpmsWindow *self = IPMS_WINDOW (widget);

  if (self->presentation != NULL)
    {
      gtk_window_present (ipms_presenter_console_get_audience (self->presentation));
      return;
    }

  g_set_weak_pointer (&self->presentation,
                      ipms_presenter_console_start (self, g_str_equal (action_name, "win.present-current")
                                                          ? self->section->id : NULL));
}

static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IpmsWindow *self = IPMS_WINDOW (widget);

  if (g_str_equal (action_name, "win.deck-setup"))
    ipms_review_dialogs_show_deck_setup (self);
  else if (g_str_equal (action_name, "win.mark-reviewed"))
    ipms_review_dialogs_mark_reviewed (self);
  else if (g_str_equal (action_name, "win.export-deck"))
    ipms_review_dialogs_export_deck (self);
  else
    ipms_review_dialogs_show_changes (self);
}

/* Ctrl+Shift+E wherever the focus is, the sidebar included: the export
 * dialog of the chart shown. */
static void
export_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IpmsWindow *self = IPMS_WINDOW (widget);
  GtkWidget *page = _ipms_window_ensure_page (self, self->section);

  if (IPMS_IS_PANORAMA_PAGE (page))
    gtk_widget_activate_action (page, "panorama-page.export", NULL);
  else if (IPMS_IS_NEW_PRODUCTS_PAGE (page))
    gtk_widget_activate_action (ipms_new_products_page_get_timeline (IPMS_NEW_PRODUCTS_PAGE (page)),
                                "timeline.export", NULL);
  else if (IPMS_IS_ROADMAP_PAGE (page))
    gtk_widget_activate_action (ipms_roadmap_page_get_timeline (IPMS_ROADMAP_PAGE (page)),
                                "timeline.export", NULL);
}

/* The parameter is a product id, or 0 for every product: the PRD editor
 * and list export one, the menu all. */
static void
export_prd_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IpmsWindow *self = IPMS_WINDOW (widget);
  gint64 product_id = g_variant_get_int64 (parameter);
  IpmsExportDialog *dialog;

  /* A product deleted meanwhile (an undo) has no PRD left to export. */
  if (product_id < 0 ||
      (product_id != 0 && ipms_document_get_record (self->document, "product", product_id) == NULL))
    return;

  dialog = ipms_export_dialog_new_for_prds (GTK_WINDOW (self), self->document, product_id);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "x": a product id. Shows its PRD in the PRDs section; the editor's Back
 * returns to the section the user was in (or to the product list). */
static void
open_prd_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  IpmsWindow *self = IPMS_WINDOW (widget);
  const Section *prds = _ipms_window_lookup_section ("prds");
  const Section *from = self->section;
  GtkWidget *page = _ipms_window_ensure_page (self, prds);

  _ipms_window_show_section (self, prds);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  ipms_products_page_open_prd (IPMS_PRODUCTS_PAGE (page), g_variant_get_int64 (parameter),
                               from != prds ? from->id : NULL);
}

void
_ipms_window_class_actions_init (GtkWidgetClass *widget_class)
{
  const Section *sections;
  guint n_sections;

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.report-error", "(ss)", report_error_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.rename-project", NULL, rename_project_action);
  gtk_widget_class_install_action (widget_class, "win.undo-toast", "s", undo_toast_action);
  gtk_widget_class_install_action (widget_class, "win.import-json", NULL, import_json_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.export-json", NULL, export_json_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-export", NULL, cancel_export_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-section", "section");
  gtk_widget_class_install_action (widget_class, "win.show-product-on", "(sx)", show_product_on_action);
  gtk_widget_class_install_action (widget_class, "win.previous-section", NULL, step_section_action);
  gtk_widget_class_install_action (widget_class, "win.next-section", NULL, step_section_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.present-current", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.deck-setup", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "win.mark-reviewed", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "win.export-deck", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "win.compare-review", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "win.export-prd", "x", export_prd_action);
  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, export_chart_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-chart", NULL);
  gtk_widget_class_install_action (widget_class, "win.open-prd", "x", open_prd_action);
  gtk_widget_class_install_action (widget_class, "win.show-record", "(sxs)", show_record_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "win.previous-section", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "win.next-section", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, GDK_SHIFT_MASK, "win.present-current", NULL);

  sections = _ipms_window_get_sections (&n_sections);
  for (guint i = 0; i < G_N_ELEMENTS (section_keys) && i < n_sections; i++)
    gtk_widget_class_add_binding_action (widget_class, section_keys[i], GDK_ALT_MASK,
                                         "win.show-section", "s", sections[i].id);
}
