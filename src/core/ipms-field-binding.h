/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-document.h"

G_BEGIN_DECLS

#define IPMS_TYPE_FIELD_BINDING (ipms_field_binding_get_type ())

G_DECLARE_FINAL_TYPE (IpmsFieldBinding, ipms_field_binding, IPMS, FIELD_BINDING, GObject)

/*
 * One field of a form: one column of one record, between the widget that
 * shows it and the document's edit path. No GTK here, so that the rules
 * below are tested without a display.
 *
 * - Text typed by the user goes in with ipms_field_binding_set_text(). It
 *   is parsed and checked against the schema (type, bounds, required,
 *   dates); bad input sets "invalid" and "invalid-reason" and writes
 *   nothing, the file keeps the last valid value. Good input is written
 *   after "delay" ms without typing (debounced), in an undo step whose merge
 *   key is ipms_merge_key (table, id, column): a typing burst in one field
 *   is one undo step, another field or a pause longer than the document's
 *   merge window starts a new one.
 * - A pending write is flushed by ipms_field_binding_flush() (a widget
 *   calls it on focus-out), by ipms_field_binding_flush_all() (the window
 *   calls it before undo, redo and closing), when the record is changed,
 *   and when the binding is disposed.
 * - Discrete choices (a choice, a reference, a date picked on a calendar)
 *   go in with ipms_field_binding_set_value() and are written at once, each
 *   in an undo step of its own.
 * - "reloaded" is emitted when the column changed by anything but this
 *   binding's own write (undo, redo, another view, an import): the widget
 *   shows ipms_field_binding_dup_text() again, keeping its cursor.
 * - "failed" (const GError *) is emitted when the document refuses a
 *   write; the widget passes it to the window's one error path.
 *
 * Properties: "document", "table", "column" (construct-only), "record"
 * (IpmsRecord or NULL), "invalid" (boolean), "invalid-reason" (string or
 * NULL), "pending" (boolean), "delay" (ms, default 400).
 */

IpmsFieldBinding *ipms_field_binding_new              (IpmsDocument      *document,
                                                       const char        *table,
                                                       const char        *column);
IpmsDocument     *ipms_field_binding_get_document     (IpmsFieldBinding  *self);
const IpmsTable  *ipms_field_binding_get_table        (IpmsFieldBinding  *self);
const IpmsColumn *ipms_field_binding_get_column       (IpmsFieldBinding  *self);
/* Flushes a pending write to the previous record first. */
void              ipms_field_binding_set_record       (IpmsFieldBinding  *self,
                                                       IpmsRecord        *record);
IpmsRecord       *ipms_field_binding_get_record       (IpmsFieldBinding  *self);
/* Without a record, text typed makes the row it edits: a row of the table
 * with `columns` set to `values` (NULL-terminated names, one GValue each)
 * and the typed value, inserted in one undo step when the typing is
 * written; the binding then edits that row. NULL columns: no new row. */
void              ipms_field_binding_set_new_row      (IpmsFieldBinding   *self,
                                                       const char * const *columns,
                                                       const GValue       *values);

/* The stored value as the field shows it for editing: grouped digits
 * ("18,000,000"), percents with their sign ("42%"), dates as YYYY-MM-DD,
 * "" for NULL. Choices and references give their code or id. */
char             *ipms_field_binding_dup_text         (IpmsFieldBinding  *self);
/* The same, as the field shows it while nobody edits it: money in
 * Chinese reads "1,800万" (see ipms_format_money_amount()). */
char             *ipms_field_binding_dup_display_text (IpmsFieldBinding  *self);
/* Returns whether the text is valid; it is written after the delay. */
gboolean          ipms_field_binding_set_text         (IpmsFieldBinding  *self,
                                                       const char        *text);
/* `value` of the column's GType (G_TYPE_STRING for text, dates and
 * choices, G_TYPE_INT64 for integers and references, G_TYPE_DOUBLE for
 * reals), or an unset GValue for NULL. Written at once. */
gboolean          ipms_field_binding_set_value        (IpmsFieldBinding  *self,
                                                       const GValue      *value);
/* Forgets a pending write and an invalid state: the stored value stays. */
void              ipms_field_binding_cancel           (IpmsFieldBinding  *self);
void              ipms_field_binding_flush            (IpmsFieldBinding  *self);
gboolean          ipms_field_binding_get_pending      (IpmsFieldBinding  *self);
gboolean          ipms_field_binding_get_invalid      (IpmsFieldBinding  *self);
const char       *ipms_field_binding_get_invalid_reason (IpmsFieldBinding *self);
guint             ipms_field_binding_get_delay        (IpmsFieldBinding  *self);
void              ipms_field_binding_set_delay        (IpmsFieldBinding  *self,
                                                       guint              delay_ms);

/* Writes every pending field of `document` now. */
void              ipms_field_binding_flush_all        (IpmsDocument      *document);

/* Parsing and formatting shared with the widgets, by column. The parse
 * functions return FALSE with a translated reason in `error`. */
gboolean          ipms_field_parse_text               (const IpmsColumn  *column,
                                                       const char        *text,
                                                       GValue            *value,
                                                       GError           **error);
char             *ipms_field_format_value             (const IpmsColumn  *column,
                                                       const GValue      *value);
/* As ipms_field_binding_dup_display_text(). */
char             *ipms_field_format_display_value     (const IpmsColumn  *column,
                                                       const GValue      *value);

G_END_DECLS
