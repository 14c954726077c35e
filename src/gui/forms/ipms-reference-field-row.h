/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-field-row.h"

G_BEGIN_DECLS

#define IPMS_TYPE_REFERENCE_FIELD_ROW (ipms_reference_field_row_get_type ())

G_DECLARE_FINAL_TYPE (IpmsReferenceFieldRow, ipms_reference_field_row, IPMS, REFERENCE_FIELD_ROW, IpmsFieldRow)

/*
 * A row of the referenced table, or None. The list follows the document:
 * rows added, renamed or removed elsewhere show at once. Made by
 * ipms_field_row_new().
 */

G_END_DECLS
