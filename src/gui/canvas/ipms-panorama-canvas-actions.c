/* ipms-panorama-canvas-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The panorama canvas: its actions, the context menu and the inline rename
 * of axis headers.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ipms-canvas-item.h"
#include "ipms-canvas-menu.h"
#include "ipms-canvas-view.h"
#include "ipms-chart-style.h"
#include "ipms-panorama-canvas-private.h"
#include "ipms-panorama-edits.h"

/* Inline rename */

static void
on_rename_activate (IpmsPanoramaCanvas *self)
{
  ipms_panorama_canvas_finish_rename (self, TRUE);
}

static gboolean
on_rename_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       IpmsPanoramaCanvas    *self)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;

  ipms_panorama_canvas_finish_rename (self, FALSE);
  return TRUE;
}

static gboolean
commit_rename_idle (gpointer data)
{
  IpmsPanoramaCanvas *self = IPMS_PANORAMA_CANVAS (data);
  GtkWidget *entry = self->rename_entry;
  GtkRoot *root;
  GtkWidget *focus;

  if (entry == NULL || (root = gtk_widget_get_root (entry)) == NULL)
    return G_SOURCE_REMOVE;

  /* Switching to another window is no reason to end the rename, and the
   * focus may have come back in the meantime. */
  if (GTK_IS_WINDOW (root) && !gtk_window_is_active (GTK_WINDOW (root)))
    return G_SOURCE_REMOVE;
  focus = gtk_root_get_focus (root);
  if (focus != NULL && (focus == entry || gtk_widget_is_ancestor (focus, entry)))
    return G_SOURCE_REMOVE;

  ipms_panorama_canvas_finish_rename (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
on_rename_focus_leave (IpmsPanoramaCanvas *self)
{
  /* Leaving the entry keeps what was typed, as in a file manager; not from
   * inside the focus change itself, which is still moving focus around. */
  if (self->rename_entry != NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT, commit_rename_idle, g_object_ref (self), g_object_unref);
}

gboolean
ipms_panorama_canvas_begin_rename (IpmsPanoramaCanvas *self,
                                   gint64              item_id)
{
  IpmsRecord *item;
  GtkEventController *controller;

  g_return_val_if_fail (IPMS_IS_PANORAMA_CANVAS (self), FALSE);

  item = ipms_document_get_record (self->document, "axis_item", item_id);
  if (item == NULL)
    return FALSE;

  if (self->rename_entry != NULL)
    ipms_panorama_canvas_finish_rename (self, TRUE);

  self->rename_item_id = item_id;
  self->rename_entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (self->rename_entry), ipms_record_get_string (item, "label"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rename_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  strcmp (ipms_record_get_string (item, "axis"), "x") == 0
                                    ? _("Column name") : _("Row name"),
                                  -1);
  g_signal_connect_swapped (self->rename_entry, "activate", G_CALLBACK (on_rename_activate), self);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_rename_key_pressed), self);
  gtk_widget_add_controller (self->rename_entry, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_rename_focus_leave), self);
  gtk_widget_add_controller (self->rename_entry, controller);

  gtk_widget_set_parent (self->rename_entry, GTK_WIDGET (self));
  gtk_widget_grab_focus (self->rename_entry);
  gtk_editable_select_region (GTK_EDITABLE (self->rename_entry), 0, -1);
  gtk_widget_queue_allocate (GTK_WIDGET (self));

  return TRUE;
}

GtkEditable *
ipms_panorama_canvas_get_rename_entry (IpmsPanoramaCanvas *self)
{
  g_return_val_if_fail (IPMS_IS_PANORAMA_CANVAS (self), NULL);

  return self->rename_entry != NULL ? GTK_EDITABLE (self->rename_entry) : NULL;
}

void
ipms_panorama_canvas_finish_rename (IpmsPanoramaCanvas *self,
                                    gboolean            commit)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 item_id = self->rename_item_id;
  GtkWidget *entry = self->rename_entry;
  GtkWidget *focus;
  IpmsCanvasItem *header;

  g_return_if_fail (IPMS_IS_PANORAMA_CANVAS (self));

  if (entry == NULL || self->finishing_rename)
    return;

  self->finishing_rename = TRUE;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  self->rename_entry = NULL;
  self->rename_item_id = 0;

  header = _ipms_panorama_canvas_lookup_item (self->column_items, item_id);
  if (header == NULL)
    header = _ipms_panorama_canvas_lookup_item (self->row_items, item_id);
  /* The focus is on the entry's text child, not on the entry itself. */
  if (gtk_widget_get_root (entry) != NULL &&
      (focus = gtk_root_get_focus (gtk_widget_get_root (entry))) != NULL &&
      (focus == entry || gtk_widget_is_ancestor (focus, entry)))
    {
      if (header != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (header));
      else
        gtk_widget_grab_focus (GTK_WIDGET (self));
    }
  gtk_widget_unparent (entry);

  if (commit && text[0] != '\0' &&
      !ipms_panorama_rename_axis_item (self->document, item_id, text, &error))
    _ipms_panorama_canvas_report_error (self, _("Could not rename"), error);

  self->finishing_rename = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Context menu */

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action,
             GVariant   *target)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, target);
  g_menu_append_item (menu, item);
}

/* The menu of what lies at the centre of `rect` (chart coordinates),
 * pointing at `rect`; the focus goes back to `return_focus` after it. */
void
_ipms_panorama_canvas_popup_menu_at (IpmsPanoramaCanvas    *self,
                                     const graphene_rect_t *rect,
                                     GtkWidget             *return_focus)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  IpmsPanoramaHit hit;
  gint64 x_item = 0, y_item = 0;

  ipms_panorama_chart_hit_test (self->chart,
                                rect->origin.x + rect->size.width / 2,
                                rect->origin.y + rect->size.height / 2,
                                &hit);
  if (hit.column >= 0)
    x_item = ipms_record_get_id (ipms_panorama_chart_get_column_item (self->chart, hit.column));
  if (hit.row >= 0)
    y_item = ipms_record_get_id (ipms_panorama_chart_get_row_item (self->chart, hit.row));

  switch (hit.kind)
    {
    case IPMS_PANORAMA_HIT_CHIP:
      if (!ipms_selection_contains (self->selection, hit.product_id))
        ipms_selection_select_only (self->selection, hit.product_id);
      append_item (menu, _("_Open PRD"), "panorama.open-product", g_variant_new_int64 (hit.product_id));
      /* Installed by the panorama page, which keeps the small editor. */
      append_item (menu, _("_Quick Edit…"), "panorama-page.quick-edit", g_variant_new_int64 (hit.product_id));
      append_item (menu, _("_Take Off the Panorama"), "panorama.unplace-selection", NULL);
      append_item (section, _("_New Product Here"), "panorama.new-product", g_variant_new ("(xx)", x_item, y_item));
      break;

    case IPMS_PANORAMA_HIT_CELL:
      append_item (menu, _("_New Product Here"), "panorama.new-product", g_variant_new ("(xx)", x_item, y_item));
      append_item (menu, _("Select _All"), "panorama.select-all", NULL);
      break;

    case IPMS_PANORAMA_HIT_COLUMN_HEADER:
      append_item (menu, _("_Rename Column"), "panorama.rename-item", g_variant_new_int64 (x_item));
      append_item (menu, _("Re_move Column"), "panorama.remove-item", g_variant_new_int64 (x_item));
      append_item (section, _("Add _Column"), "panorama.add-column", NULL);
      break;

    case IPMS_PANORAMA_HIT_ROW_HEADER:
      append_item (menu, _("_Rename Row"), "panorama.rename-item", g_variant_new_int64 (y_item));
      append_item (menu, _("Re_move Row"), "panorama.remove-item", g_variant_new_int64 (y_item));
      append_item (section, _("Add _Row"), "panorama.add-row", NULL);
      break;

    case IPMS_PANORAMA_HIT_CORNER:
    case IPMS_PANORAMA_HIT_NONE:
    default:
      append_item (menu, _("Add _Row"), "panorama.add-row", NULL);
      append_item (menu, _("Add _Column"), "panorama.add-column", NULL);
      break;
    }

  if (g_menu_model_get_n_items (G_MENU_MODEL (section)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (section));

  ipms_canvas_menu_popup (IPMS_CANVAS_MENU (self->menu), G_MENU_MODEL (menu), rect, return_focus);
}

/* Actions */

static void
open_product_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _ipms_panorama_canvas_emit_open_product (IPMS_PANORAMA_CANVAS (widget), g_variant_get_int64 (parameter));
}

static void
new_product_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IpmsPanoramaCanvas *self = IPMS_PANORAMA_CANVAS (widget);
  g_autoptr(GError) error = NULL;
  gint64 x_item, y_item, id;

  g_variant_get (parameter, "(xx)", &x_item, &y_item);

  /* Translators: the name a product gets when created, until the user renames it */
  id = ipms_panorama_create_product (self->document, _("New product"), x_item, y_item, &error);
  if (id == 0)
    {
      _ipms_panorama_canvas_report_error (self, _("Could not add the product"), error);
      return;
    }

  ipms_selection_select_only (self->selection, id);
  if (x_item != 0)
    ipms_panorama_canvas_set_current_cell (self, x_item, y_item);
  _ipms_panorama_canvas_emit_open_product (self, id);
}

static void
unplace_selection_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  IpmsPanoramaCanvas *self = IPMS_PANORAMA_CANVAS (widget);
  g_autoptr(GArray) ids = _ipms_panorama_canvas_dup_selected_placed (self);
  g_autoptr(GError) error = NULL;

  g_autofree char *message = NULL;

  if (ids->len == 0)
    return;

  if (!ipms_panorama_unplace_products (self->document, (const gint64 *) ids->data, ids->len, &error))
    {
      _ipms_panorama_canvas_report_error (self, _("Could not take the products off the panorama"), error);
      return;
    }

  /* Translators: a notice with an Undo button */
  message = g_strdup_printf (ngettext ("%u product taken off the panorama",
                                       "%u products taken off the panorama", ids->len),
                             ids->len);
  _ipms_panorama_canvas_announce_undoable (self, message);
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IpmsPanoramaCanvas *self = IPMS_PANORAMA_CANVAS (widget);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_columns = ipms_panorama_chart_get_n_columns (self->chart);
  guint n_rows = ipms_panorama_chart_get_n_rows (self->chart);

  for (guint row = 0; row < n_rows; row++)
    for (guint column = 0; column < n_columns; column++)
      {
        GPtrArray *products = ipms_panorama_chart_get_products (self->chart, column, row);

        for (guint i = 0; i < products->len; i++)
          {
            gint64 id = ipms_record_get_id (g_ptr_array_index (products, i));

            g_array_append_val (ids, id);
          }
      }

  ipms_selection_set (self->selection, (const gint64 *) ids->data, ids->len);
}

static void
move_selection_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _ipms_panorama_canvas_move_selection_to_neighbour (IPMS_PANORAMA_CANVAS (widget), g_variant_get_string (parameter, NULL));
}

static void
add_axis_item (IpmsPanoramaCanvas *self,
               const char         *axis)
{
  g_autoptr(GError) error = NULL;
  gboolean is_x = axis[0] == 'x';
  guint n = is_x ? ipms_panorama_chart_get_n_columns (self->chart) : ipms_panorama_chart_get_n_rows (self->chart);
  gint64 id;

  id = ipms_panorama_add_axis_item (self->document, axis,
                                    /* Translators: the name of a new column (a preference) or row
                                     * (a life stage) of the population grid, until renamed */
                                    is_x ? _("New preference") : _("New life stage"),
                                    n, &error);
  if (id == 0)
    {
      _ipms_panorama_canvas_report_error (self, _("Could not add the row or column"), error);
      return;
    }

  ipms_panorama_canvas_begin_rename (self, id);
  self->scroll_to_focus = TRUE;
}

static void
add_column_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  add_axis_item (IPMS_PANORAMA_CANVAS (widget), "x");
}

static void
add_row_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  add_axis_item (IPMS_PANORAMA_CANVAS (widget), "y");
}

static void
rename_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ipms_panorama_canvas_begin_rename (IPMS_PANORAMA_CANVAS (widget), g_variant_get_int64 (parameter));
}

static void
remove_item_now (IpmsPanoramaCanvas *self,
                 gint64              item_id)
{
  g_autoptr(GError) error = NULL;
  IpmsRecord *item = ipms_document_get_record (self->document, "axis_item", item_id);
  g_autofree char *message = NULL;

  if (item == NULL)
    return;

  /* A header being renamed goes with its name unsaved. */
  if (self->rename_entry != NULL && self->rename_item_id == item_id)
    ipms_panorama_canvas_finish_rename (self, FALSE);

  /* Translators: a notice with an Undo button; %s is a column or row name */
  message = g_strdup_printf (strcmp (ipms_record_get_string (item, "axis"), "x") == 0
                               ? _("Column “%s” removed") : _("Row “%s” removed"),
                             ipms_record_get_string (item, "label"));

  if (!ipms_panorama_remove_axis_item (self->document, item_id, &error))
    _ipms_panorama_canvas_report_error (self, _("Could not remove the row or column"), error);
  else
    _ipms_panorama_canvas_announce_undoable (self, message);
}

static void
on_remove_response (AdwMessageDialog   *dialog,
                    const char         *response,
                    IpmsPanoramaCanvas *self)
{
  gint64 item_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "ipms-item-id"));

  if (g_strcmp0 (response, "remove") == 0)
    remove_item_now (self, item_id);
}

static void
remove_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IpmsPanoramaCanvas *self = IPMS_PANORAMA_CANVAS (widget);
  gint64 item_id = g_variant_get_int64 (parameter);
  IpmsRecord *item = ipms_document_get_record (self->document, "axis_item", item_id);
  guint n_products = ipms_panorama_count_products_on (self->document, item_id);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (item == NULL)
    return;

  if (n_products == 0 || !GTK_IS_WINDOW (root))
    {
      remove_item_now (self, item_id);
      return;
    }

  heading = g_strdup_printf (strcmp (ipms_record_get_string (item, "axis"), "x") == 0
                               ? _("Remove Column “%s”?") : _("Remove Row “%s”?"),
                             ipms_record_get_string (item, "label"));
  body = g_strdup_printf (ngettext ("Its segments go with it, and its %u product is taken off the panorama. "
                                    "You can undo this.",
                                    "Its segments go with it, and its %u products are taken off the panorama. "
                                    "You can undo this.", n_products),
                          n_products);

  dialog = adw_message_dialog_new (GTK_WINDOW (root), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "ipms-item-id", GSIZE_TO_POINTER ((gsize) item_id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The Menu key and Shift+F10, GTK's "menu.popup" as on its own widgets. */
static void
popup_menu_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IpmsPanoramaCanvas *self = IPMS_PANORAMA_CANVAS (widget);

  if (!_ipms_panorama_canvas_popup_menu_for_focus (self, _ipms_panorama_canvas_get_focus_item (self)))
    gtk_widget_error_bell (widget);
}

static void
move_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IpmsPanoramaCanvas *self = IPMS_PANORAMA_CANVAS (widget);
  g_autoptr(GError) error = NULL;
  gint64 item_id;
  gint32 index;

  g_variant_get (parameter, "(xi)", &item_id, &index);
  if (!ipms_panorama_move_axis_item (self->document, item_id, MAX (index, 0), &error))
    _ipms_panorama_canvas_report_error (self, _("Could not move the row or column"), error);
}


void
_ipms_panorama_canvas_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "panorama.open-product", "x", open_product_action);
  gtk_widget_class_install_action (widget_class, "panorama.new-product", "(xx)", new_product_action);
  gtk_widget_class_install_action (widget_class, "panorama.unplace-selection", NULL, unplace_selection_action);
  gtk_widget_class_install_action (widget_class, "panorama.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "panorama.move-selection", "s", move_selection_action);
  gtk_widget_class_install_action (widget_class, "panorama.add-column", NULL, add_column_action);
  gtk_widget_class_install_action (widget_class, "panorama.add-row", NULL, add_row_action);
  gtk_widget_class_install_action (widget_class, "panorama.rename-item", "x", rename_item_action);
  gtk_widget_class_install_action (widget_class, "panorama.remove-item", "x", remove_item_action);
  gtk_widget_class_install_action (widget_class, "panorama.move-item", "(xi)", move_item_action);

  gtk_widget_class_install_action (widget_class, "menu.popup", NULL, popup_menu_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "panorama.select-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "menu.popup", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "menu.popup", NULL);
}
