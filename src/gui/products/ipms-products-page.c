/* ipms-products-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ipms-field-binding.h"
#include "ipms-field-row.h"
#include "ipms-prd-editor.h"
#include "ipms-product-list.h"
#include "ipms-products-page.h"
#include "ipms-products.h"
#include "ipms-record-focus.h"
#include "ipms-stack-pages.h"

struct _IpmsProductsPage
{
  AdwBin        parent_instance;

  IpmsDocument *document;
  GtkWidget    *stack;
  GtkWidget    *list;
  /* Made when a PRD is first opened: building its sections costs about
   * as much as the list of 10,000 products. */
  GtkWidget    *editor;
  /* The section to return to, or NULL for the list. */
  char         *return_section;
};

static void ipms_products_page_record_focus_init (IpmsRecordFocusInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IpmsProductsPage, ipms_products_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (IPMS_TYPE_RECORD_FOCUS,
                                                      ipms_products_page_record_focus_init))

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
ipms_products_page_get_editing (IpmsProductsPage *self)
{
  g_return_val_if_fail (IPMS_IS_PRODUCTS_PAGE (self), FALSE);

  return self->editor != NULL && gtk_stack_get_visible_child (GTK_STACK (self->stack)) == self->editor;
}

static IpmsPrdEditor *
ensure_editor (IpmsProductsPage *self)
{
  if (self->editor == NULL)
    {
      self->editor = ipms_prd_editor_new (self->document);
      gtk_stack_add_named (GTK_STACK (self->stack), self->editor, "editor");
    }

  return IPMS_PRD_EDITOR (self->editor);
}

void
ipms_products_page_open_prd (IpmsProductsPage *self,
                             gint64            product_id,
                             const char       *from_section)
{
  g_return_if_fail (IPMS_IS_PRODUCTS_PAGE (self));

  if (from_section != NULL || !ipms_products_page_get_editing (self))
    {
      g_free (self->return_section);
      self->return_section = g_strdup (from_section);
    }

  ipms_field_binding_flush_all (self->document);
  ipms_prd_editor_set_product_id (ensure_editor (self), product_id);
  if (ipms_prd_editor_get_product_id (IPMS_PRD_EDITOR (self->editor)) == 0)
    return;

  ipms_stack_pages_show (GTK_STACK (self->stack), self->editor);
  /* Ready to type the name of a new product, or to read on. */
  gtk_widget_grab_focus (ipms_field_row_get_editor (IPMS_FIELD_ROW (ipms_prd_editor_get_field (IPMS_PRD_EDITOR (self->editor), "name"))));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IpmsProductsPage *self = IPMS_PRODUCTS_PAGE (widget);
  g_autofree char *section = g_steal_pointer (&self->return_section);

  if (!ipms_products_page_get_editing (self))
    return;

  ipms_field_binding_flush_all (self->document);
  ipms_stack_pages_show (GTK_STACK (self->stack), self->list);
  /* The list shows where the user was. */
  ipms_product_list_select_product (IPMS_PRODUCT_LIST (self->list),
                                    ipms_prd_editor_get_product_id (IPMS_PRD_EDITOR (self->editor)));
  if (section != NULL)
    gtk_widget_activate_action (widget, "win.show-section", "s", section);
  else
    gtk_widget_child_focus (self->list, GTK_DIR_TAB_FORWARD);
}

/* Escape goes back unless it has something to undo where the focus is: the
 * typing in a field (the field rows and table cells handle it first). */
static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  IpmsProductsPage *self = IPMS_PRODUCTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (!ipms_products_page_get_editing (self) ||
      (focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus) ||
                         gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL)))
    return FALSE;

  gtk_widget_activate_action (widget, "products-page.back", NULL);
  return TRUE;
}

GtkWidget *
ipms_products_page_get_list (IpmsProductsPage *self)
{
  g_return_val_if_fail (IPMS_IS_PRODUCTS_PAGE (self), NULL);

  return self->list;
}

GtkWidget *
ipms_products_page_get_editor (IpmsProductsPage *self)
{
  g_return_val_if_fail (IPMS_IS_PRODUCTS_PAGE (self), NULL);

  return GTK_WIDGET (ensure_editor (self));
}

/* A product or one of its PRD rows: its PRD, the field or cell focused. */
static gboolean
ipms_products_page_focus_record (IpmsRecordFocus *focus,
                                 const char      *table,
                                 gint64           id,
                                 const char      *column)
{
  IpmsProductsPage *self = IPMS_PRODUCTS_PAGE (focus);
  IpmsPrdEditor *editor = ensure_editor (self);
  gint64 product_id = 0;

  if (g_str_equal (table, "product"))
    product_id = id;
  else if (ipms_prd_table_lookup (table) >= 0)
    {
      IpmsRecord *record = ipms_document_get_record (self->document, table, id);

      if (record != NULL)
        product_id = ipms_record_get_int (record, "product_id");
    }
  if (product_id == 0)
    return FALSE;

  if (!ipms_products_page_get_editing (self) || ipms_prd_editor_get_product_id (editor) != product_id)
    ipms_products_page_open_prd (self, product_id, NULL);

  return ipms_products_page_get_editing (self) &&
         ipms_prd_editor_focus_record (editor, table, id, column);
}

static void
ipms_products_page_record_focus_init (IpmsRecordFocusInterface *iface)
{
  iface->focus_record = ipms_products_page_focus_record;
}

static void
ipms_products_page_constructed (GObject *object)
{
  IpmsProductsPage *self = IPMS_PRODUCTS_PAGE (object);

  G_OBJECT_CLASS (ipms_products_page_parent_class)->constructed (object);

  g_assert (IPMS_IS_DOCUMENT (self->document));

  self->stack = gtk_stack_new ();
  gtk_stack_set_transition_type (GTK_STACK (self->stack), GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  self->list = ipms_product_list_new (self->document);
  gtk_stack_add_named (GTK_STACK (self->stack), self->list, "list");
  gtk_stack_set_visible_child (GTK_STACK (self->stack), self->list);
  /* Typing in a PRD does not pay for styling the 10,000-row list under it. */
  ipms_stack_pages_attach (GTK_STACK (self->stack));
  adw_bin_set_child (ADW_BIN (self), self->stack);
}

static void
ipms_products_page_dispose (GObject *object)
{
  IpmsProductsPage *self = IPMS_PRODUCTS_PAGE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_pointer (&self->return_section, g_free);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ipms_products_page_parent_class)->dispose (object);
}

static void
ipms_products_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  IpmsProductsPage *self = IPMS_PRODUCTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_products_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  IpmsProductsPage *self = IPMS_PRODUCTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_products_page_class_init (IpmsProductsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ipms_products_page_constructed;
  object_class->dispose = ipms_products_page_dispose;
  object_class->get_property = ipms_products_page_get_property;
  object_class->set_property = ipms_products_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, IPMS_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "products-page.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "products-page.back", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
}

static void
ipms_products_page_init (IpmsProductsPage *self)
{
}
