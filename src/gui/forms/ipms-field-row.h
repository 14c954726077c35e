/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipms-document.h"
#include "ipms-field-binding.h"

G_BEGIN_DECLS

#define IPMS_TYPE_FIELD_ROW (ipms_field_row_get_type ())

G_DECLARE_DERIVABLE_TYPE (IpmsFieldRow, ipms_field_row, IPMS, FIELD_ROW, AdwPreferencesRow)

/*
 * A form row bound to one column of one record: the column's label on top,
 * its editor below (so that narrow windows never squeeze it), and a line
 * that says what to write there (the schema's help) or, when the input is
 * bad, why (with the "error" style and the accessible invalid state). The
 * editor's accessible name is the visible label.
 *
 * All writes go through an IpmsFieldBinding (see ipms-field-binding.h):
 * debounced, one undo step per typing burst, flushed on focus-out; bad input
 * writes nothing; changes made elsewhere are shown at once, except in the
 * field being typed in. Failures go to ipms_forms_report_error().
 *
 * ipms_field_row_new() picks the subclass from the schema's column:
 *   TEXT (plain)        IpmsTextFieldRow, one line
 *   TEXT (multi-line)   IpmsNoteFieldRow, wraps and grows, Tab leaves it
 *   INTEGER, REAL       IpmsTextFieldRow, grouped digits; money shows the
 *                       project's currency, percent a "%"
 *   DATE                IpmsDateFieldRow, typed or picked on a calendar,
 *                       clearable
 *   ENUM                IpmsChoiceFieldRow, the schema's translated choices
 *   REFERENCE           IpmsReferenceFieldRow, "None" and the live rows of
 *                       the referenced table
 *
 * "compact" rows are table cells: no title or help line (the column header
 * is the label), the reason of bad input in the tooltip.
 *
 * Properties: "document", "table", "column" (construct-only), "record",
 * "compact", "help" (overrides the schema's help).
 */

struct _IpmsFieldRowClass
{
  AdwPreferencesRowClass parent_class;

  /* Shows the binding's value in the editor. Called when the record is
   * set and when the value changes elsewhere, but not while the user is
   * typing in the editor. */
  void (*load) (IpmsFieldRow *self);
};

GtkWidget        *ipms_field_row_new              (IpmsDocument *document,
                                                   const char   *table,
                                                   const char   *column);
IpmsDocument     *ipms_field_row_get_document     (IpmsFieldRow *self);
const IpmsColumn *ipms_field_row_get_column       (IpmsFieldRow *self);
IpmsFieldBinding *ipms_field_row_get_binding      (IpmsFieldRow *self);
IpmsRecord       *ipms_field_row_get_record       (IpmsFieldRow *self);
void              ipms_field_row_set_record       (IpmsFieldRow *self,
                                                   IpmsRecord   *record);
gboolean          ipms_field_row_get_compact      (IpmsFieldRow *self);
void              ipms_field_row_set_compact      (IpmsFieldRow *self,
                                                   gboolean      compact);
void              ipms_field_row_set_help         (IpmsFieldRow *self,
                                                   const char   *help);
/* The widget that takes the keyboard focus. */
GtkWidget        *ipms_field_row_get_editor       (IpmsFieldRow *self);
/* The visible label, which is also the editor's accessible name. */
const char       *ipms_field_row_get_label        (IpmsFieldRow *self);

/* For subclasses. */
/* Places the editor under the title and makes it the accessible target. */
void              ipms_field_row_set_editor       (IpmsFieldRow *self,
                                                   GtkWidget    *editor);
/* Adds a widget after the editor (a unit, a button). */
void              ipms_field_row_add_suffix       (IpmsFieldRow *self,
                                                   GtkWidget    *widget);
/* Whether the user is typing in the editor right now: loads wait. */
gboolean          ipms_field_row_is_editing       (IpmsFieldRow *self);
/* Calls the class's load(), with ipms_field_row_is_loading() TRUE. */
void              ipms_field_row_load             (IpmsFieldRow *self);
gboolean          ipms_field_row_is_loading       (IpmsFieldRow *self);

G_END_DECLS
