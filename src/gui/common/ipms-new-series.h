/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ipms-document.h"

G_BEGIN_DECLS

/*
 * A product's "New Series…": where a product's series is chosen (the
 * quick product editor, the PRD's header), a series can be made on the
 * spot, with the product in it.
 */

/* Creates a series named `name` (trimmed; blank is an error), last in the
 * list of series, and puts the product in it, as one undo step. Returns
 * the new series' id, or 0 with `error` set. */
gint64 ipms_new_series_create (IpmsDocument  *document,
                               IpmsRecord    *product,
                               const char    *name,
                               GError       **error);

/* Asks for the name in a dialog over the window of `widget`, then creates
 * the series; a failure is shown in a dialog there too. */
void   ipms_new_series_ask    (GtkWidget     *widget,
                               IpmsDocument  *document,
                               IpmsRecord    *product);

G_END_DECLS
