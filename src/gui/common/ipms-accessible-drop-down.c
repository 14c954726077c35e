/* ipms-accessible-drop-down.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-accessible-drop-down.h"

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

static GtkWidget *
find_button (GtkDropDown *drop_down)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      return child;

  return NULL;
}

static void
update_button (GtkDropDown *drop_down)
{
  Naming *naming = g_object_get_data (G_OBJECT (drop_down), "ipms-accessible-naming");
  GtkWidget *button = find_button (drop_down);
  GObject *item = gtk_drop_down_get_selected_item (drop_down);
  g_autofree char *shown = NULL;
  g_autofree char *name = NULL;

  if (button == NULL)
    return;

  if (item != NULL)
    shown = naming->describe != NULL ? naming->describe (item, naming->user_data)
                                     : g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));

  /* Translators: a drop-down for a screen reader, "Grade: S" */
  name = shown != NULL && shown[0] != '\0' ? g_strdup_printf (_("%s: %s"), naming->label, shown)
                                           : g_strdup (naming->label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static Naming *
ensure_naming (GtkDropDown *drop_down)
{
  Naming *naming = g_object_get_data (G_OBJECT (drop_down), "ipms-accessible-naming");

  if (naming == NULL)
    {
      naming = g_new0 (Naming, 1);
      g_object_set_data_full (G_OBJECT (drop_down), "ipms-accessible-naming", naming, naming_free);
      g_signal_connect (drop_down, "notify::selected-item", G_CALLBACK (update_button), NULL);
    }

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
