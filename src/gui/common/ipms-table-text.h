/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * One line of text in a cell of a long table.
 *
 * A GtkLabel in a GtkColumnView is measured again, text and all, for each
 * row bound while the table scrolls; at 10,000 products that was 30 ms a
 * frame. This widget's size comes from the font alone (a width in average
 * characters, the height of a line holding Latin and Chinese text), so a
 * new text costs one layout, at paint. GTK 4.8's GtkInscription does the
 * same, but measures its height from the Latin font only, which cut the
 * bottom off Chinese text, and draws ellipsized text at the top of a
 * taller cell, out of line with its neighbours. Here every cell of a row
 * puts its text on the same baseline.
 *
 * Text that does not fit ends in an ellipsis; the accessible name is the
 * text.
 */

#define IPMS_TYPE_TABLE_TEXT (ipms_table_text_get_type ())

G_DECLARE_FINAL_TYPE (IpmsTableText, ipms_table_text, IPMS, TABLE_TEXT, GtkWidget)

GtkWidget  *ipms_table_text_new         (guint          min_chars,
                                         guint          nat_chars,
                                         gboolean       numeric);
void        ipms_table_text_set_text    (IpmsTableText *self,
                                         const char    *text);
const char *ipms_table_text_get_text    (IpmsTableText *self);

G_END_DECLS
