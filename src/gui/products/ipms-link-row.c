/* ipms-link-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ipms-link-row.h"

GtkWidget *
ipms_link_row_new (const char *title,
                   const char *subtitle,
                   gboolean    leads_somewhere)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), leads_somewhere);
  if (leads_somewhere)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  else
    gtk_widget_add_css_class (row, "dim-label");

  return row;
}

GtkWidget *
ipms_link_row_new_for_action (const char *title,
                              const char *subtitle,
                              const char *action,
                              GVariant   *target)
{
  GtkWidget *row;

  g_return_val_if_fail (action != NULL, NULL);

  row = ipms_link_row_new (title, subtitle, TRUE);
  g_object_set_data_full (G_OBJECT (row), "ipms-action", g_strdup (action), g_free);
  if (target != NULL)
    g_object_set_data_full (G_OBJECT (row), "ipms-target", g_variant_ref_sink (target),
                            (GDestroyNotify) g_variant_unref);

  return row;
}

gboolean
ipms_link_row_activate (GtkListBoxRow *row)
{
  const char *action;

  g_return_val_if_fail (GTK_IS_LIST_BOX_ROW (row), FALSE);

  action = g_object_get_data (G_OBJECT (row), "ipms-action");
  if (action == NULL)
    return FALSE;

  return gtk_widget_activate_action_variant (GTK_WIDGET (row), action,
                                             g_object_get_data (G_OBJECT (row), "ipms-target"));
}
