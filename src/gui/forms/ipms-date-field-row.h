/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-field-row.h"

G_BEGIN_DECLS

#define IPMS_TYPE_DATE_FIELD_ROW (ipms_date_field_row_get_type ())

G_DECLARE_FINAL_TYPE (IpmsDateFieldRow, ipms_date_field_row, IPMS, DATE_FIELD_ROW, IpmsFieldRow)

/*
 * A date typed as YYYY-MM-DD (or the locale's own form), picked on a calendar
 * popover, or cleared. Made by ipms_field_row_new().
 */

G_END_DECLS
