/* ipms-accessible.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-accessible.h"

typedef struct
{
  char                 *label;
  IpmsDescribeItemFunc  describe;
  gpointer              user_data;
} Naming;

static void
naming_free (gpointer data)
{
  Naming *naming = data;

  g_free (naming->label);
  g_free (naming);
}

void
ipms_accessible_name_enclosing (GtkWidget         *child,
                                GtkAccessibleRole  role,
                                const char        *label)
{
  GtkWidget *ancestor = child;

  g_return_if_fail (GTK_IS_WIDGET (child));

  /* A list item is a child's parent; a column view's row, its grandparent. */
  for (guint depth = 0; depth < 3; depth++)
    {
      ancestor = gtk_widget_get_parent (ancestor);
      if (ancestor == NULL)
        return;
      if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (ancestor)) != role)
        continue;

      if (label != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (ancestor), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (ancestor), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }
}

static GtkWidget *
find_button (GtkDropDown *drop_down)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      return child;

  return NULL;
}

static char *
describe_item (GtkDropDown *drop_down,
               GObject     *item)
{
  Naming *naming = g_object_get_data (G_OBJECT (drop_down), "ipms-accessible-naming");

  if (item == NULL)
    return NULL;

  return naming->describe != NULL ? naming->describe (item, naming->user_data)
                                  : g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
}

static void
update_button (GtkDropDown *drop_down)
{
  Naming *naming = g_object_get_data (G_OBJECT (drop_down), "ipms-accessible-naming");
  GtkWidget *button = find_button (drop_down);
  g_autofree char *shown = NULL;
  g_autofree char *name = NULL;

  if (button == NULL || naming->label == NULL)
    return;

  shown = describe_item (drop_down, gtk_drop_down_get_selected_item (drop_down));

  /* Translators: a drop-down for a screen reader, "Grade: S" */
  name = shown != NULL && shown[0] != '\0' ? g_strdup_printf (_("%s: %s"), naming->label, shown)
                                           : g_strdup (naming->label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* The text of an item, in the button and in the list that pops up, and
 * the name of its list item there: GTK 4.8 names a list item by nothing
 * it holds, and a screen reader said "list item" for every choice. */
static void
show_item (GtkListItem *list_item)
{
  GtkDropDown *drop_down = g_object_get_data (G_OBJECT (list_item), "ipms-drop-down");
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = describe_item (drop_down, gtk_list_item_get_item (list_item));

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  /* Squeezed (a toolbar on a narrow window), a short choice still reads
   * whole and a long one keeps its start: "Years", not "…". */
  gtk_label_set_width_chars (GTK_LABEL (label), text != NULL ? MIN ((int) g_utf8_strlen (text, -1), 12) : 0);
  ipms_accessible_name_enclosing (label, GTK_ACCESSIBLE_ROLE_LIST_ITEM, text);
}

static void
item_changed_cb (GtkListItem *list_item)
{
  GtkDropDown *drop_down = g_object_get_data (G_OBJECT (list_item), "ipms-drop-down");

  show_item (list_item);
  if (gtk_drop_down_get_selected_item (drop_down) == gtk_list_item_get_item (list_item))
    update_button (drop_down);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          GtkDropDown              *drop_down)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_list_item_set_child (list_item, label);
  g_object_set_data (G_OBJECT (list_item), "ipms-drop-down", drop_down);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         GtkDropDown              *drop_down)
{
  GObject *item = gtk_list_item_get_item (list_item);

  /* An item renamed elsewhere (a row of the plan) shows at once. */
  if (g_signal_lookup ("changed", G_OBJECT_TYPE (item)) != 0)
    g_signal_connect_object (item, "changed", G_CALLBACK (item_changed_cb), list_item, G_CONNECT_SWAPPED);
  show_item (list_item);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           GtkDropDown              *drop_down)
{
  GObject *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, item_changed_cb, list_item);
}

static Naming *
ensure_naming (GtkDropDown *drop_down)
{
  Naming *naming = g_object_get_data (G_OBJECT (drop_down), "ipms-accessible-naming");
  g_autoptr(GtkListItemFactory) factory = NULL;

  if (naming != NULL)
    return naming;

  naming = g_new0 (Naming, 1);
  g_object_set_data_full (G_OBJECT (drop_down), "ipms-accessible-naming", naming, naming_free);
  g_signal_connect (drop_down, "notify::selected-item", G_CALLBACK (update_button), NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), drop_down);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), drop_down);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), drop_down);
  gtk_drop_down_set_factory (drop_down, factory);

  return naming;
}

void
ipms_accessible_drop_down_set_describe (GtkDropDown          *drop_down,
                                        IpmsDescribeItemFunc  describe,
                                        gpointer              user_data)
{
  Naming *naming;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  naming = ensure_naming (drop_down);
  naming->describe = describe;
  naming->user_data = user_data;
}

void
ipms_accessible_drop_down_set_label (GtkDropDown *drop_down,
                                     const char  *label)
{
  Naming *naming;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (label != NULL);

  naming = ensure_naming (drop_down);
  g_free (naming->label);
  naming->label = g_strdup (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  update_button (drop_down);
}

/* After libadwaita's own bind, which has set the label of the choice. */
static void
combo_row_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *label = box != NULL ? gtk_widget_get_first_child (box) : NULL;

  if (GTK_IS_LABEL (label))
    ipms_accessible_name_enclosing (box, GTK_ACCESSIBLE_ROLE_LIST_ITEM, gtk_label_get_label (GTK_LABEL (label)));
}

void
ipms_accessible_combo_row_name_choices (AdwComboRow *row)
{
  GtkListItemFactory *factory;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  /* The row's default factory, which shows a choice and its check mark. */
  factory = adw_combo_row_get_factory (row);
  g_return_if_fail (GTK_IS_SIGNAL_LIST_ITEM_FACTORY (factory));
  g_signal_connect_after (factory, "bind", G_CALLBACK (combo_row_bind_cb), NULL);
  /* The popup's items are already bound: as its list factory, the same
   * factory binds them again, now naming them. */
  adw_combo_row_set_list_factory (row, factory);
}
