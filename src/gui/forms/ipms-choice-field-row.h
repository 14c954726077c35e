/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-field-row.h"

G_BEGIN_DECLS

#define IPMS_TYPE_CHOICE_FIELD_ROW (ipms_choice_field_row_get_type ())

G_DECLARE_FINAL_TYPE (IpmsChoiceFieldRow, ipms_choice_field_row, IPMS, CHOICE_FIELD_ROW, IpmsFieldRow)

/*
 * One of the schema's choices for the column, with their translated
 * labels. Made by ipms_field_row_new().
 */

G_END_DECLS
