/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-field-row.h"

G_BEGIN_DECLS

#define IPMS_TYPE_NOTE_FIELD_ROW (ipms_note_field_row_get_type ())

G_DECLARE_FINAL_TYPE (IpmsNoteFieldRow, ipms_note_field_row, IPMS, NOTE_FIELD_ROW, IpmsFieldRow)

/*
 * Multi-line text that wraps and grows with its content; Tab and Shift+Tab
 * move the focus out instead of typing a tab. Made by ipms_field_row_new().
 */

G_END_DECLS
