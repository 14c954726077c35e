/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * GTK 4.8 keeps validating the CSS of a GtkStack page that is not shown:
 * child-visible FALSE does not stop it. So every frame of the page shown
 * paid for the pages built before it (with the 10,000-row product list
 * built, a form table's scroll frames went from 9.6 to 17.7 ms at p90).
 *
 * ipms_stack_pages_attach(): from then on, only the stack's visible child,
 * and the page it crossfades from until the crossfade ends, stays visible.
 * ipms_stack_pages_show() shows a page so hidden; a page added later is
 * hidden at the next switch, or with ipms_stack_pages_hide_others().
 */
void ipms_stack_pages_attach      (GtkStack  *stack);
void ipms_stack_pages_show        (GtkStack  *stack,
                                   GtkWidget *page);
void ipms_stack_pages_hide_others (GtkStack  *stack);

G_END_DECLS
