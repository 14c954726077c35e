/* ipms-stack-pages.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ipms-stack-pages.h"

void
ipms_stack_pages_hide_others (GtkStack *stack)
{
  GtkWidget *shown;

  g_return_if_fail (GTK_IS_STACK (stack));

  if (gtk_stack_get_transition_running (stack))
    return;

  shown = gtk_stack_get_visible_child (stack);
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (stack)); page != NULL;
       page = gtk_widget_get_next_sibling (page))
    if (page != shown)
      gtk_widget_set_visible (page, FALSE);
}

void
ipms_stack_pages_show (GtkStack  *stack,
                       GtkWidget *page)
{
  g_return_if_fail (GTK_IS_STACK (stack));
  g_return_if_fail (gtk_widget_get_parent (page) == GTK_WIDGET (stack));

  gtk_widget_set_visible (page, TRUE);
  gtk_stack_set_visible_child (stack, page);
  /* Without animations there is no crossfade to wait for. */
  ipms_stack_pages_hide_others (stack);
}

void
ipms_stack_pages_attach (GtkStack *stack)
{
  g_return_if_fail (GTK_IS_STACK (stack));

  g_signal_connect (stack, "notify::transition-running", G_CALLBACK (ipms_stack_pages_hide_others), NULL);
}
