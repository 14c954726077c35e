/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * The rows of the lists of places to go: a product's place in the plan
 * (IpmsProductTrace) and the products of a segment or series
 * (IpmsProductLinks). The title and subtitle are user text, not markup. A
 * row that leads somewhere is activatable and ends in an arrow; a row that
 * does not is a dim line saying why there is nothing.
 */
GtkWidget *ipms_link_row_new            (const char *title,
                                         const char *subtitle,
                                         gboolean    leads_somewhere);
/* A row that activates `action` with `target` (a floating reference is
 * sunk) on the row when ipms_link_row_activate() is called on it. */
GtkWidget *ipms_link_row_new_for_action (const char *title,
                                         const char *subtitle,
                                         const char *action,
                                         GVariant   *target);
/* Activates the action of a row made by ipms_link_row_new_for_action();
 * FALSE for another row. */
gboolean   ipms_link_row_activate       (GtkListBoxRow *row);

G_END_DECLS
