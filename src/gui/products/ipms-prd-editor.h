/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipms-document.h"

G_BEGIN_DECLS

#define IPMS_TYPE_PRD_EDITOR (ipms_prd_editor_get_type ())

G_DECLARE_FINAL_TYPE (IpmsPrdEditor, ipms_prd_editor, IPMS, PRD_EDITOR, AdwBin)

/*
 * The requirements document (PRD, 产品PRD企划书) of one product. On top, the
 * product's identity (name, series, grade, status, price, cost and the
 * margin they give, development dates, launch, segment, owner); then the
 * seven sections of the method's PRD, each saying what belongs in it:
 * overview; user scenarios and needs beside the segment's ranked needs;
 * strategy and positioning with the competing products and where the price
 * stands among theirs; technical specifications (grouped by kind, all or
 * one kind shown; a row added is of the kind shown) and the UI interaction; selling points and features; certifications and sales
 * regions; FAQ and box contents. Every field and table is the form
 * toolkit's (IpmsFieldRow, IpmsRecordTable): saved as typed, one undo step
 * per burst, live.
 *
 * Below them, or in a column beside them when the editor is 1100 px wide
 * or more, the product's place in the plan (IpmsProductTrace), each item a
 * link to where it is edited.
 *
 * The back button activates "products-page.back" on an ancestor;
 * Export… activates "win.export-prd" with the product's id.
 *
 * Properties: "document" (construct-only), "product-id" (0: none).
 */
GtkWidget  *ipms_prd_editor_new             (IpmsDocument  *document);
void        ipms_prd_editor_set_product_id  (IpmsPrdEditor *self,
                                             gint64         product_id);
gint64      ipms_prd_editor_get_product_id  (IpmsPrdEditor *self);
/* The field row of a product column, or NULL. */
GtkWidget  *ipms_prd_editor_get_field       (IpmsPrdEditor *self,
                                             const char    *column);
/* The IpmsRecordTable of a PRD table ("faq"...), or NULL. */
GtkWidget  *ipms_prd_editor_get_table       (IpmsPrdEditor *self,
                                             const char    *table);
/* For win.show-record: focuses the product's field `column` (NULL: its
 * name) or the cell of a row of a PRD table ("faq", ...; `column` NULL:
 * the first), showing every specification kind when the row's is hidden,
 * and scrolls it into sight once laid out. FALSE when the record is not
 * this product's. */
gboolean    ipms_prd_editor_focus_record    (IpmsPrdEditor *self,
                                             const char    *table,
                                             gint64         id,
                                             const char    *column);
/* Whether the place in the plan is in the column beside the PRD. */
gboolean    ipms_prd_editor_get_trace_beside (IpmsPrdEditor *self);
/* Above the specifications: "All kinds", then the schema's kinds. */
GtkDropDown *ipms_prd_editor_get_spec_kind_filter (IpmsPrdEditor *self);
/* The margin shown in the header, "" when there is none, for tests. */
const char *ipms_prd_editor_get_margin_text (IpmsPrdEditor *self);

G_END_DECLS
