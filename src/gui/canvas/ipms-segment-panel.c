/* ipms-segment-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ipms-panorama-edits.h"
#include "ipms-segment-panel.h"

static const char * const roles[] = { "none", "core", "radiating" };

struct _IpmsSegmentPanel
{
  GtkWidget      parent_instance;

  GtkWidget     *scroller;
  GtkLabel      *title_label;
  AdwEntryRow   *name_row;
  AdwComboRow   *role_row;
  GtkSpinButton *size_spin;
  GtkSpinButton *value_spin;
  GtkSpinButton *growth_spin;
  AdwEntryRow   *trend_row;
  GtkTextView   *needs_view;

  IpmsDocument  *document;
  gint64         x_item_id;
  gint64         y_item_id;
  gulong         changes_done_id;
  gboolean       updating;
};

G_DEFINE_FINAL_TYPE (IpmsSegmentPanel, ipms_segment_panel, GTK_TYPE_WIDGET)

static IpmsRecord *
get_segment (IpmsSegmentPanel *self)
{
  gint64 id;

  if (self->document == NULL || self->x_item_id == 0)
    return NULL;

  id = ipms_panorama_find_segment (self->document, self->x_item_id, self->y_item_id);

  return id != 0 ? ipms_document_get_record (self->document, "segment", id) : NULL;
}

static void
edit (IpmsSegmentPanel *self,
      const char       *column,
      const GValue     *value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *merge_key = NULL;

  if (self->updating || self->document == NULL || self->x_item_id == 0)
    return;

  merge_key = g_strdup_printf ("segment-panel-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "-%s",
                               self->x_item_id, self->y_item_id, column);
  if (!ipms_panorama_edit_segment (self->document, self->x_item_id, self->y_item_id,
                                   column, value, merge_key, &error))
    g_warning ("Could not edit the segment: %s", error->message);
}

static void
edit_string (IpmsSegmentPanel *self,
             const char       *column,
             const char       *text)
{
  g_auto(GValue) value = G_VALUE_INIT;
  IpmsRecord *segment = get_segment (self);

  if (segment != NULL && g_strcmp0 (ipms_record_get_string (segment, column), text) == 0)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  edit (self, column, &value);
}

/* A one-line row cuts a long text at its edge: the whole of it is one
 * hover away, without going into the entry. */
static void
show_full_text (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  gtk_widget_set_tooltip_text (GTK_WIDGET (row), text[0] != '\0' ? text : NULL);
}

static void
on_name_changed (IpmsSegmentPanel *self)
{
  show_full_text (self->name_row);
  edit_string (self, "name", gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
}

static void
on_trend_changed (IpmsSegmentPanel *self)
{
  show_full_text (self->trend_row);
  edit_string (self, "trend", gtk_editable_get_text (GTK_EDITABLE (self->trend_row)));
}

static void
on_needs_changed (IpmsSegmentPanel *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->needs_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  edit_string (self, "needs", text);
}

static void
on_role_selected (IpmsSegmentPanel *self)
{
  guint selected = adw_combo_row_get_selected (self->role_row);

  if (selected < G_N_ELEMENTS (roles))
    edit_string (self, "role", roles[selected]);
}

static void
on_spin_changed (IpmsSegmentPanel *self,
                 GtkSpinButton    *spin)
{
  g_auto(GValue) value = G_VALUE_INIT;
  IpmsRecord *segment = get_segment (self);
  const char *column;

  if (spin == self->size_spin)
    {
      column = "size";
      g_value_init (&value, G_TYPE_INT64);
      g_value_set_int64 (&value, (gint64) gtk_spin_button_get_value (spin));
      if (segment != NULL && !ipms_record_is_null (segment, column) &&
          ipms_record_get_int (segment, column) == g_value_get_int64 (&value))
        return;
    }
  else
    {
      column = spin == self->value_spin ? "market_value" : "growth";
      g_value_init (&value, G_TYPE_DOUBLE);
      g_value_set_double (&value, gtk_spin_button_get_value (spin));
      if (segment != NULL && !ipms_record_is_null (segment, column) &&
          ipms_record_get_double (segment, column) == g_value_get_double (&value))
        return;
    }

  edit (self, column, &value);
}

/* Market sizes run to billions: show them grouped, "520,000,000". */
static gboolean
on_spin_output (GtkSpinButton *spin)
{
  double value = gtk_spin_button_get_value (spin);
  g_autofree char *digits = g_strdup_printf ("%.0f", fabs (value));
  g_autoptr(GString) text = g_string_new (value < 0 ? "-" : "");
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text->str) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text->str);

  return TRUE;
}

static int
on_spin_input (GtkSpinButton *spin,
               double        *new_value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  g_autoptr(GString) digits = g_string_new (NULL);
  char *end = NULL;

  /* Separators of any locale are dropped: only digits, sign and point count. */
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p) || *p == '-' || *p == '.')
      g_string_append_c (digits, *p);

  *new_value = g_ascii_strtod (digits->str, &end);
  if (digits->len == 0 || end == NULL || *end != '\0')
    return GTK_INPUT_ERROR;

  return TRUE;
}

static void
set_text_if_changed (GtkEditable *editable,
                     const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text) != 0)
    gtk_editable_set_text (editable, text);
}

static void
refresh (IpmsSegmentPanel *self)
{
  IpmsRecord *segment = get_segment (self);
  IpmsRecord *x_item = NULL, *y_item = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->needs_view);
  GtkTextIter start, end;
  g_autofree char *needs = NULL;
  g_autofree char *title = NULL;
  const char *role;

  if (self->document != NULL && self->x_item_id != 0)
    {
      x_item = ipms_document_get_record (self->document, "axis_item", self->x_item_id);
      y_item = ipms_document_get_record (self->document, "axis_item", self->y_item_id);
    }

  gtk_widget_set_sensitive (self->scroller, x_item != NULL && y_item != NULL);
  if (x_item == NULL || y_item == NULL)
    {
      gtk_label_set_label (self->title_label, _("No cell selected"));
      return;
    }

  self->updating = TRUE;

  /* Translators: a cell of the population grid, "life stage × preference" */
  title = g_strdup_printf (_("%s × %s"), ipms_record_get_string (y_item, "label"),
                           ipms_record_get_string (x_item, "label"));
  gtk_label_set_label (self->title_label, title);

  set_text_if_changed (GTK_EDITABLE (self->name_row), segment != NULL ? ipms_record_get_string (segment, "name") : "");
  set_text_if_changed (GTK_EDITABLE (self->trend_row), segment != NULL ? ipms_record_get_string (segment, "trend") : "");
  show_full_text (self->name_row);
  show_full_text (self->trend_row);

  role = segment != NULL ? ipms_record_get_string (segment, "role") : "none";
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (g_strcmp0 (roles[i], role) == 0)
      adw_combo_row_set_selected (self->role_row, i);

  gtk_spin_button_set_value (self->size_spin, segment != NULL ? ipms_record_get_int (segment, "size") : 0);
  gtk_spin_button_set_value (self->value_spin, segment != NULL ? ipms_record_get_double (segment, "market_value") : 0);
  gtk_spin_button_set_value (self->growth_spin, segment != NULL ? ipms_record_get_double (segment, "growth") : 0);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  needs = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (needs, segment != NULL ? ipms_record_get_string (segment, "needs") : "") != 0)
    gtk_text_buffer_set_text (buffer, segment != NULL ? ipms_record_get_string (segment, "needs") : "", -1);

  self->updating = FALSE;
}

static void
ipms_segment_panel_dispose (GObject *object)
{
  IpmsSegmentPanel *self = (IpmsSegmentPanel *)object;

  if (self->document != NULL)
    g_clear_signal_handler (&self->changes_done_id, self->document);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), IPMS_TYPE_SEGMENT_PANEL);

  G_OBJECT_CLASS (ipms_segment_panel_parent_class)->dispose (object);
}

static void
ipms_segment_panel_class_init (IpmsSegmentPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipms_segment_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ipmsplanner/Planner/canvas/ipms-segment-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, IpmsSegmentPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, IpmsSegmentPanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, IpmsSegmentPanel, name_row);
  gtk_widget_class_bind_template_child (widget_class, IpmsSegmentPanel, role_row);
  gtk_widget_class_bind_template_child (widget_class, IpmsSegmentPanel, size_spin);
  gtk_widget_class_bind_template_child (widget_class, IpmsSegmentPanel, value_spin);
  gtk_widget_class_bind_template_child (widget_class, IpmsSegmentPanel, growth_spin);
  gtk_widget_class_bind_template_child (widget_class, IpmsSegmentPanel, trend_row);
  gtk_widget_class_bind_template_child (widget_class, IpmsSegmentPanel, needs_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ipms_segment_panel_init (IpmsSegmentPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (on_name_changed), self);
  g_signal_connect_swapped (self->trend_row, "changed", G_CALLBACK (on_trend_changed), self);
  g_signal_connect_swapped (self->role_row, "notify::selected", G_CALLBACK (on_role_selected), self);
  g_signal_connect (self->size_spin, "output", G_CALLBACK (on_spin_output), NULL);
  g_signal_connect (self->size_spin, "input", G_CALLBACK (on_spin_input), NULL);
  g_signal_connect (self->value_spin, "output", G_CALLBACK (on_spin_output), NULL);
  g_signal_connect (self->value_spin, "input", G_CALLBACK (on_spin_input), NULL);
  g_signal_connect_swapped (self->size_spin, "value-changed", G_CALLBACK (on_spin_changed), self);
  g_signal_connect_swapped (self->value_spin, "value-changed", G_CALLBACK (on_spin_changed), self);
  g_signal_connect_swapped (self->growth_spin, "value-changed", G_CALLBACK (on_spin_changed), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->needs_view), "changed",
                            G_CALLBACK (on_needs_changed), self);

  refresh (self);
}

GtkWidget *
ipms_segment_panel_new (void)
{
  return g_object_new (IPMS_TYPE_SEGMENT_PANEL, NULL);
}

void
ipms_segment_panel_set_cell (IpmsSegmentPanel *self,
                             IpmsDocument     *document,
                             gint64            x_item_id,
                             gint64            y_item_id)
{
  g_return_if_fail (IPMS_IS_SEGMENT_PANEL (self));

  if (self->document != document)
    {
      if (self->document != NULL)
        g_clear_signal_handler (&self->changes_done_id, self->document);
      g_set_object (&self->document, document);
      if (document != NULL)
        self->changes_done_id = g_signal_connect_swapped (document, "changes-done",
                                                          G_CALLBACK (refresh), self);
    }

  self->x_item_id = x_item_id;
  self->y_item_id = y_item_id;
  refresh (self);
}
