/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipms-document.h"

G_BEGIN_DECLS

/*
 * A small window editing a product's core fields (name, grade, price, cost,
 * series) through the document, opened from the panorama. It stands in
 * until the PRD view exists, and says so. The series list ends with
 * "New Series…", so that a product can get a series where none exists.
 */

#define IPMS_TYPE_PRODUCT_EDITOR (ipms_product_editor_get_type ())

G_DECLARE_FINAL_TYPE (IpmsProductEditor, ipms_product_editor, IPMS, PRODUCT_EDITOR, AdwWindow)

IpmsProductEditor *ipms_product_editor_new (GtkWindow    *parent,
                                            IpmsDocument *document,
                                            gint64        product_id);
/* The editor of a product over the window of `widget` (the charts' "Quick
 * Edit…"). */
void               ipms_product_editor_present       (GtkWidget          *widget,
                                                      IpmsDocument       *document,
                                                      gint64              product_id);
/* What activating a product on a chart does (double click, Enter): its PRD,
 * through win.open-prd; the editor above in a window without that action,
 * so that activating a product never does nothing. */
void               ipms_product_editor_open_prd      (GtkWidget          *widget,
                                                      IpmsDocument       *document,
                                                      gint64              product_id);

G_END_DECLS
