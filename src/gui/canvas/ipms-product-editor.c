/* ipms-product-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-accessible.h"
#include "ipms-merge-key.h"
#include "ipms-new-series.h"
#include "ipms-product-editor.h"

struct _IpmsProductEditor
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  AdwEntryRow    *name_row;
  AdwComboRow    *grade_row;
  AdwComboRow    *series_row;
  GtkSpinButton  *price_spin;
  GtkSpinButton  *cost_spin;

  IpmsDocument   *document;
  IpmsRecord     *product;
  GPtrArray      *series;       /* IpmsRecord, in the series combo's order after "None" */
  GtkStringList  *series_names; /* "None", the series, "New Series…" */
  gulong          changed_id;
  gboolean        updating;
};

G_DEFINE_FINAL_TYPE (IpmsProductEditor, ipms_product_editor, ADW_TYPE_WINDOW)

static void
edit (IpmsProductEditor *self,
      const char        *column,
      const GValue      *value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *merge_key = NULL;

  if (self->updating || !ipms_record_is_alive (self->product))
    return;

  /* Translators: an undo step; %s is a product name */
  label = g_strdup_printf (_("Edit “%s”"), ipms_record_get_string (self->product, "name"));
  merge_key = ipms_merge_key ("product", ipms_record_get_id (self->product), column);

  if (!ipms_document_edit_value (self->document, label, merge_key, "product",
                                 ipms_record_get_id (self->product), column, value, &error))
    g_warning ("Could not edit the product: %s", error->message);
}

static void
on_name_changed (IpmsProductEditor *self)
{
  g_auto(GValue) value = G_VALUE_INIT;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

  /* A product always has a name: an empty field is left unsaved. */
  if (text[0] == '\0' || g_strcmp0 (text, ipms_record_get_string (self->product, "name")) == 0)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  edit (self, "name", &value);
}

static void
on_grade_selected (IpmsProductEditor *self)
{
  g_auto(GValue) value = G_VALUE_INIT;
  guint selected = adw_combo_row_get_selected (self->grade_row);

  if (selected >= g_strv_length ((char **) ipms_grade_codes) ||
      g_strcmp0 (ipms_grade_codes[selected], ipms_record_get_string (self->product, "grade")) == 0)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, ipms_grade_codes[selected]);
  edit (self, "grade", &value);
}

static void refresh (IpmsProductEditor *self);

static void
on_series_selected (IpmsProductEditor *self)
{
  g_auto(GValue) value = G_VALUE_INIT;
  guint selected = adw_combo_row_get_selected (self->series_row);
  gint64 id;

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;

  /* "New Series…" is a command, not a choice: the list goes back to the
   * product's series until the new one exists. */
  if (selected == self->series->len + 1)
    {
      refresh (self);
      ipms_new_series_ask (GTK_WIDGET (self), self->document, self->product);
      return;
    }

  id = selected > 0 && selected <= self->series->len
         ? ipms_record_get_id (g_ptr_array_index (self->series, selected - 1)) : 0;

  if (id == ipms_record_get_int (self->product, "series_id"))
    return;

  if (id != 0)
    {
      g_value_init (&value, G_TYPE_INT64);
      g_value_set_int64 (&value, id);
    }
  edit (self, "series_id", id != 0 ? &value : NULL);
}

static void
on_spin_changed (IpmsProductEditor *self,
                 GtkSpinButton     *spin)
{
  g_auto(GValue) value = G_VALUE_INIT;
  const char *column = spin == self->price_spin ? "price" : "cost";

  if (!ipms_record_is_null (self->product, column) &&
      ipms_record_get_double (self->product, column) == gtk_spin_button_get_value (spin))
    return;

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, gtk_spin_button_get_value (spin));
  edit (self, column, &value);
}

/* The series list is read again on every refresh: an undo may take a
 * series away, and a new one joins it. */
static void
load_series (IpmsProductEditor *self)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->series_names));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_clear_pointer (&self->series, g_ptr_array_unref);
  self->series = ipms_document_query (self->document, "series", NULL, 0, "position");

  /* Translators: a product that belongs to no series */
  g_ptr_array_add (names, (gpointer) C_("series", "None"));
  for (guint i = 0; i < self->series->len; i++)
    g_ptr_array_add (names, (gpointer) ipms_record_get_string (g_ptr_array_index (self->series, i), "name"));
  /* Translators: the last entry of a product's series list; it asks for a name */
  g_ptr_array_add (names, (gpointer) _("New Series…"));
  g_ptr_array_add (names, NULL);

  gtk_string_list_splice (self->series_names, 0, n_old, (const char * const *) names->pdata);
}

static void
refresh (IpmsProductEditor *self)
{
  const char *grade;
  gint64 series_id;
  guint series_index = 0;

  if (!ipms_record_is_alive (self->product))
    {
      /* Undone out of existence: nothing left to edit. */
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  self->updating = TRUE;

  load_series (self);
  adw_window_title_set_subtitle (self->window_title, ipms_record_get_string (self->product, "name"));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                 ipms_record_get_string (self->product, "name")) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), ipms_record_get_string (self->product, "name"));

  grade = ipms_record_get_string (self->product, "grade");
  for (guint i = 0; ipms_grade_codes[i] != NULL; i++)
    if (g_strcmp0 (ipms_grade_codes[i], grade) == 0)
      adw_combo_row_set_selected (self->grade_row, i);

  series_id = ipms_record_get_int (self->product, "series_id");
  for (guint i = 0; i < self->series->len; i++)
    if (ipms_record_get_id (g_ptr_array_index (self->series, i)) == series_id)
      series_index = i + 1;
  adw_combo_row_set_selected (self->series_row, series_index);

  gtk_spin_button_set_value (self->price_spin, ipms_record_get_double (self->product, "price"));
  gtk_spin_button_set_value (self->cost_spin, ipms_record_get_double (self->product, "cost"));

  self->updating = FALSE;
}

static void
ipms_product_editor_dispose (GObject *object)
{
  IpmsProductEditor *self = (IpmsProductEditor *)object;

  if (self->product != NULL)
    g_clear_signal_handler (&self->changed_id, self->product);
  g_clear_object (&self->product);
  g_clear_object (&self->document);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_object (&self->series_names);

  G_OBJECT_CLASS (ipms_product_editor_parent_class)->dispose (object);
}

static void
ipms_product_editor_class_init (IpmsProductEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipms_product_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ipmsplanner/Planner/canvas/ipms-product-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, IpmsProductEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, IpmsProductEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, IpmsProductEditor, grade_row);
  gtk_widget_class_bind_template_child (widget_class, IpmsProductEditor, series_row);
  gtk_widget_class_bind_template_child (widget_class, IpmsProductEditor, price_spin);
  gtk_widget_class_bind_template_child (widget_class, IpmsProductEditor, cost_spin);
}

static void
ipms_product_editor_init (IpmsProductEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ipms_accessible_combo_row_name_choices (self->grade_row);
  ipms_accessible_combo_row_name_choices (self->series_row);
}

IpmsProductEditor *
ipms_product_editor_new (GtkWindow    *parent,
                         IpmsDocument *document,
                         gint64        product_id)
{
  IpmsProductEditor *self;
  g_autoptr(GtkStringList) grades = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) grade_records = NULL;
  IpmsRecord *product;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);

  product = ipms_document_get_record (document, "product", product_id);
  g_return_val_if_fail (product != NULL, NULL);

  self = g_object_new (IPMS_TYPE_PRODUCT_EDITOR, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->product = g_object_ref (product);

  grade_records = ipms_document_query (document, "grade", NULL, 0, NULL);
  for (guint i = 0; ipms_grade_codes[i] != NULL; i++)
    {
      g_autofree char *text = NULL;
      const char *label = NULL;

      for (guint j = 0; j < grade_records->len; j++)
        if (g_strcmp0 (ipms_record_get_string (g_ptr_array_index (grade_records, j), "code"), ipms_grade_codes[i]) == 0)
          label = ipms_record_get_string (g_ptr_array_index (grade_records, j), "label");

      /* Translators: a grade in a list, "S — Strategic" */
      text = label != NULL && g_strcmp0 (label, ipms_grade_codes[i]) != 0
               ? g_strdup_printf (_("%s — %s"), ipms_grade_codes[i], label)
               : g_strdup (ipms_grade_codes[i]);
      gtk_string_list_append (grades, text);
    }
  adw_combo_row_set_model (self->grade_row, G_LIST_MODEL (grades));

  self->series_names = gtk_string_list_new (NULL);
  adw_combo_row_set_model (self->series_row, G_LIST_MODEL (self->series_names));

  refresh (self);

  self->changed_id = g_signal_connect_swapped (product, "changed", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (on_name_changed), self);
  g_signal_connect_swapped (self->grade_row, "notify::selected", G_CALLBACK (on_grade_selected), self);
  g_signal_connect_swapped (self->series_row, "notify::selected", G_CALLBACK (on_series_selected), self);
  g_signal_connect_swapped (self->price_spin, "value-changed", G_CALLBACK (on_spin_changed), self);
  g_signal_connect_swapped (self->cost_spin, "value-changed", G_CALLBACK (on_spin_changed), self);

  return self;
}

void
ipms_product_editor_present (GtkWidget    *widget,
                             IpmsDocument *document,
                             gint64        product_id)
{
  GtkRoot *root;
  IpmsProductEditor *editor;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (IPMS_IS_DOCUMENT (document));

  if (ipms_document_get_record (document, "product", product_id) == NULL)
    return;

  root = gtk_widget_get_root (widget);
  editor = ipms_product_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, document, product_id);
  gtk_window_present (GTK_WINDOW (editor));
}

void
ipms_product_editor_open_prd (GtkWidget    *widget,
                              IpmsDocument *document,
                              gint64        product_id)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (!gtk_widget_activate_action (widget, "win.open-prd", "x", product_id))
    ipms_product_editor_present (widget, document, product_id);
}
