/* ipms-date-field-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-date-field-row.h"

struct _IpmsDateFieldRow
{
  IpmsFieldRow  parent_instance;

  GtkWidget    *entry;
  GtkWidget    *calendar_button;
  GtkWidget    *calendar;
  GtkWidget    *clear_button;
  /* Set while the calendar is moved to the stored date, which is no pick. */
  gboolean      showing;
};

G_DEFINE_FINAL_TYPE (IpmsDateFieldRow, ipms_date_field_row, IPMS_TYPE_FIELD_ROW)

static void
ipms_date_field_row_load (IpmsFieldRow *row)
{
  IpmsDateFieldRow *self = IPMS_DATE_FIELD_ROW (row);
  g_autofree char *text = ipms_field_binding_dup_text (ipms_field_row_get_binding (row));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (self->entry))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), text);

  gtk_widget_set_sensitive (self->clear_button, text[0] != '\0');
}

static void
entry_changed_cb (IpmsDateFieldRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  if (ipms_field_row_is_loading (IPMS_FIELD_ROW (self)))
    return;

  ipms_field_binding_set_text (ipms_field_row_get_binding (IPMS_FIELD_ROW (self)), text);
  gtk_widget_set_sensitive (self->clear_button, text[0] != '\0');
}

static void
entry_activate_cb (IpmsDateFieldRow *self)
{
  ipms_field_binding_flush (ipms_field_row_get_binding (IPMS_FIELD_ROW (self)));
}

static void
popover_show_cb (IpmsDateFieldRow *self)
{
  IpmsRecord *record = ipms_field_row_get_record (IPMS_FIELD_ROW (self));
  g_autoptr(GDate) date = NULL;
  g_autoptr(GDateTime) when = NULL;

  if (record == NULL)
    return;

  date = ipms_record_dup_date (record, ipms_field_row_get_column (IPMS_FIELD_ROW (self))->name);
  if (date != NULL)
    when = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 0, 0, 0);
  else
    when = g_date_time_new_now_local ();

  self->showing = TRUE;
  gtk_calendar_select_day (GTK_CALENDAR (self->calendar), when);
  self->showing = FALSE;
}

static void
day_selected_cb (IpmsDateFieldRow *self)
{
  g_autoptr(GDateTime) when = gtk_calendar_get_date (GTK_CALENDAR (self->calendar));
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->showing)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_take_string (&value, g_date_time_format (when, "%Y-%m-%d"));
  ipms_field_binding_set_value (ipms_field_row_get_binding (IPMS_FIELD_ROW (self)), &value);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->calendar_button));
  ipms_field_row_load (IPMS_FIELD_ROW (self));
}

static void
clear_clicked_cb (IpmsDateFieldRow *self)
{
  GValue none = G_VALUE_INIT;

  ipms_field_binding_set_value (ipms_field_row_get_binding (IPMS_FIELD_ROW (self)), &none);
  ipms_field_row_load (IPMS_FIELD_ROW (self));
  gtk_widget_grab_focus (self->entry);
}

static void
ipms_date_field_row_constructed (GObject *object)
{
  IpmsDateFieldRow *self = IPMS_DATE_FIELD_ROW (object);
  IpmsFieldRow *row = IPMS_FIELD_ROW (object);
  g_autofree char *pick = NULL;
  g_autofree char *clear = NULL;
  GtkWidget *popover;

  G_OBJECT_CLASS (ipms_date_field_row_parent_class)->constructed (object);

  self->entry = gtk_entry_new ();
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->entry), FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 10);
  /* Translators: placeholder of a date field; keep the format as it is */
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("YYYY-MM-DD"));
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (entry_changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  ipms_field_row_set_editor (row, self->entry);

  self->calendar = gtk_calendar_new ();
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), self->calendar);
  g_signal_connect_swapped (popover, "show", G_CALLBACK (popover_show_cb), self);

  /* Translators: tooltip of the calendar button of a date field; %s is the field's label */
  pick = g_strdup_printf (_("Pick %s on a Calendar"), ipms_field_row_get_label (row));
  self->calendar_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->calendar_button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->calendar_button), popover);
  gtk_widget_set_tooltip_text (self->calendar_button, pick);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, pick, -1);
  gtk_widget_set_valign (self->calendar_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->calendar_button, "flat");
  ipms_field_row_add_suffix (row, self->calendar_button);

  /* Translators: tooltip of the button that empties a date field; %s is the field's label */
  clear = g_strdup_printf (_("Clear %s"), ipms_field_row_get_label (row));
  self->clear_button = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  gtk_widget_set_tooltip_text (self->clear_button, clear);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->clear_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, clear, -1);
  gtk_widget_set_valign (self->clear_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->clear_button, "flat");
  g_signal_connect_swapped (self->clear_button, "clicked", G_CALLBACK (clear_clicked_cb), self);
  ipms_field_row_add_suffix (row, self->clear_button);
}

static void
ipms_date_field_row_class_init (IpmsDateFieldRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  IpmsFieldRowClass *row_class = IPMS_FIELD_ROW_CLASS (klass);

  object_class->constructed = ipms_date_field_row_constructed;
  row_class->load = ipms_date_field_row_load;
}

static void
ipms_date_field_row_init (IpmsDateFieldRow *self)
{
}
