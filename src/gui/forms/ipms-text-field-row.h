/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-field-row.h"

G_BEGIN_DECLS

#define IPMS_TYPE_TEXT_FIELD_ROW (ipms_text_field_row_get_type ())

G_DECLARE_FINAL_TYPE (IpmsTextFieldRow, ipms_text_field_row, IPMS, TEXT_FIELD_ROW, IpmsFieldRow)

/*
 * One line: plain text and numbers (integer, number, money with the
 * project's currency after it, percent). Made by ipms_field_row_new().
 */

G_END_DECLS
