/* ipms-product-links.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-format.h"
#include "ipms-link-row.h"
#include "ipms-product-editor.h"
#include "ipms-product-links.h"
#include "ipms-record.h"
#include "ipms-trace.h"

struct _IpmsProductLinks
{
  GtkWidget     parent_instance;

  IpmsDocument *document;
  char         *table;
  gint64        record_id;
  gboolean      dirty;

  GtkWidget    *heading;
  GtkListBox   *list;
};

G_DEFINE_FINAL_TYPE (IpmsProductLinks, ipms_product_links, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_TABLE,
  PROP_RECORD_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_segment (IpmsProductLinks *self)
{
  return g_strcmp0 (self->table, "segment") == 0;
}

static void
add_product_row (IpmsProductLinks *self,
                 IpmsRecord       *product)
{
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  if (!ipms_record_is_null (product, "launch_date"))
    {
      g_autofree char *launch = ipms_format_date_iso (ipms_record_get_string (product, "launch_date"));

      /* Translators: a product's grade letter (R, S, A, B or F) and its launch date */
      subtitle = g_strdup_printf (_("Grade %s, launch %s"), ipms_record_get_string (product, "grade"), launch);
    }
  else
    /* Translators: a product's grade letter (R, S, A, B or F) */
    subtitle = g_strdup_printf (_("Grade %s"), ipms_record_get_string (product, "grade"));

  row = ipms_link_row_new (ipms_record_get_string (product, "name"), subtitle, TRUE);
  g_object_set_data_full (G_OBJECT (row), "ipms-product", g_object_ref (product), g_object_unref);
  gtk_list_box_append (self->list, row);
}

static void
add_hint_row (IpmsProductLinks *self,
              const char       *text)
{
  gtk_list_box_append (self->list, ipms_link_row_new (text, NULL, FALSE));
}

static void
rebuild (IpmsProductLinks *self)
{
  g_autoptr(GPtrArray) products = NULL;
  g_autofree char *heading = NULL;
  IpmsRecord *record = NULL;
  GtkWidget *child;

  self->dirty = FALSE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  if (self->document != NULL && self->record_id != 0)
    record = ipms_document_get_record (self->document, self->table, self->record_id);

  if (record == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->heading), is_segment (self) ? _("Products of the Selected Segment")
                                                                       : _("Products of the Selected Series"));
      add_hint_row (self, is_segment (self) ? _("Select a segment above to see its products.")
                                            : _("Select a series above to see its products."));
      return;
    }

  if (is_segment (self))
    {
      g_autofree char *title = ipms_trace_dup_segment_title (self->document, record);

      /* Translators: a heading; %s is a segment or a series */
      heading = g_strdup_printf (_("Products of %s"), title);
      products = ipms_trace_segment_products (self->document, self->record_id);
    }
  else
    {
      heading = g_strdup_printf (_("Products of %s"), ipms_record_get_string (record, "name"));
      products = ipms_trace_series_products (self->document, self->record_id);
    }
  gtk_label_set_text (GTK_LABEL (self->heading), heading);

  for (guint i = 0; i < products->len; i++)
    add_product_row (self, g_ptr_array_index (products, i));
  if (products->len == 0)
    add_hint_row (self, is_segment (self) ? _("No product serves this segment yet.")
                                          : _("No product in this series yet."));
}

static void
on_row_activated (IpmsProductLinks *self,
                  GtkListBoxRow    *row)
{
  IpmsRecord *product = g_object_get_data (G_OBJECT (row), "ipms-product");

  /* The PRD, or the small editor in a window without the PRD view. */
  if (product != NULL && self->document != NULL)
    ipms_product_editor_open_prd (GTK_WIDGET (self), self->document, ipms_record_get_id (product));
}

static void
on_row_changed (IpmsProductLinks *self,
                const char       *table,
                gint64            id,
                IpmsRowChange     change)
{
  /* The products, and the heading's name of the segment or series. */
  if (g_str_equal (table, "product") || g_str_equal (table, self->table) || g_str_equal (table, "axis_item"))
    self->dirty = TRUE;
}

/* Only a list on screen follows the edits as they come: the population
 * page's lists were rebuilt, rows and all, on every product edit made in
 * another view. A hidden one catches up when it is mapped again. */
static void
on_changes_done (IpmsProductLinks *self)
{
  if (self->dirty && gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
}

static void
on_reloaded (IpmsProductLinks *self)
{
  self->dirty = TRUE;
  on_changes_done (self);
}

static void
set_document (IpmsProductLinks *self,
              IpmsDocument     *document)
{
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_swapped (document, "row-changed", G_CALLBACK (on_row_changed), self);
      g_signal_connect_swapped (document, "changes-done", G_CALLBACK (on_changes_done), self);
      /* Which rows changed is unknown: read everything again. */
      g_signal_connect_swapped (document, "reloaded", G_CALLBACK (on_reloaded), self);
    }
}

void
ipms_product_links_set_record_id (IpmsProductLinks *self,
                                  gint64            record_id)
{
  g_return_if_fail (IPMS_IS_PRODUCT_LINKS (self));

  if (self->record_id == record_id)
    return;

  self->record_id = record_id;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD_ID]);
}

gint64
ipms_product_links_get_record_id (IpmsProductLinks *self)
{
  g_return_val_if_fail (IPMS_IS_PRODUCT_LINKS (self), 0);

  return self->record_id;
}

GtkListBox *
ipms_product_links_get_list (IpmsProductLinks *self)
{
  g_return_val_if_fail (IPMS_IS_PRODUCT_LINKS (self), NULL);

  return self->list;
}

static void
ipms_product_links_constructed (GObject *object)
{
  IpmsProductLinks *self = IPMS_PRODUCT_LINKS (object);

  G_OBJECT_CLASS (ipms_product_links_parent_class)->constructed (object);

  g_return_if_fail (g_strcmp0 (self->table, "segment") == 0 || g_strcmp0 (self->table, "series") == 0);
  rebuild (self);
}

static void
ipms_product_links_map (GtkWidget *widget)
{
  IpmsProductLinks *self = IPMS_PRODUCT_LINKS (widget);

  GTK_WIDGET_CLASS (ipms_product_links_parent_class)->map (widget);

  if (self->dirty)
    rebuild (self);
}

static void
ipms_product_links_dispose (GObject *object)
{
  IpmsProductLinks *self = IPMS_PRODUCT_LINKS (object);
  GtkWidget *child;

  set_document (self, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ipms_product_links_parent_class)->dispose (object);
}

static void
ipms_product_links_finalize (GObject *object)
{
  IpmsProductLinks *self = IPMS_PRODUCT_LINKS (object);

  g_free (self->table);

  G_OBJECT_CLASS (ipms_product_links_parent_class)->finalize (object);
}

static void
ipms_product_links_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  IpmsProductLinks *self = IPMS_PRODUCT_LINKS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_TABLE:
      g_value_set_string (value, self->table);
      break;
    case PROP_RECORD_ID:
      g_value_set_int64 (value, self->record_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_product_links_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  IpmsProductLinks *self = IPMS_PRODUCT_LINKS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      set_document (self, g_value_get_object (value));
      break;
    case PROP_TABLE:
      self->table = g_value_dup_string (value);
      break;
    case PROP_RECORD_ID:
      ipms_product_links_set_record_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_product_links_class_init (IpmsProductLinksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ipms_product_links_constructed;
  object_class->dispose = ipms_product_links_dispose;
  object_class->finalize = ipms_product_links_finalize;
  object_class->get_property = ipms_product_links_get_property;
  object_class->set_property = ipms_product_links_set_property;

  widget_class->map = ipms_product_links_map;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, IPMS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TABLE] =
    g_param_spec_string ("table", NULL, NULL, "segment",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD_ID] =
    g_param_spec_int64 ("record-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ipms-product-links");
}

static void
ipms_product_links_init (IpmsProductLinks *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 12);

  self->heading = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->heading), 0);
  gtk_label_set_wrap (GTK_LABEL (self->heading), TRUE);
  gtk_widget_add_css_class (self->heading, "heading");
  gtk_widget_set_parent (self->heading, GTK_WIDGET (self));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_parent (GTK_WIDGET (self->list), GTK_WIDGET (self));
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (on_row_activated), self);

  /* The list is named by the heading above it. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->heading, NULL,
                                  -1);
}

GtkWidget *
ipms_product_links_new (IpmsDocument *document,
                        const char   *table)
{
  return g_object_new (IPMS_TYPE_PRODUCT_LINKS,
                       "document", document,
                       "table", table,
                       NULL);
}
