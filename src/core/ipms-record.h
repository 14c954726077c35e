/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ipms-schema.h"

G_BEGIN_DECLS

#define IPMS_TYPE_RECORD (ipms_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (IpmsRecord, ipms_record, IPMS, RECORD, GObject)

struct _IpmsRecordClass
{
  GObjectClass parent_class;

  /*< private >*/
  const IpmsTable *table;
};

/*
 * Each table has its own GType, a subclass of IpmsRecord named after it
 * (IpmsProduct, IpmsAxisItem, IpmsSeries...), with one read-only property
 * per column (INTEGER and REFERENCE: gint64, REAL: double, the rest:
 * string). A property is notified when a change touches that column, so
 * views can bind to "name" or "price" directly.
 */
GType            ipms_record_type_for_table (const IpmsTable *table);

/*
 * One row of a project table. The document keeps exactly one IpmsRecord per
 * live row and refreshes it in place when the row changes (an edit, an undo,
 * a redo, an import): the record then emits "changed" and notifies
 * "revision". Views hold records and read them; they write through
 * IpmsDocument's edit functions.
 *
 * Column names are those of ipms-schema.h. Asking for a column the table does
 * not have is a programming error (g_critical) and returns the type's zero.
 */

const IpmsTable *ipms_record_get_table      (IpmsRecord *self);
const char      *ipms_record_get_table_name (IpmsRecord *self);
gint64           ipms_record_get_id         (IpmsRecord *self);
guint            ipms_record_get_revision   (IpmsRecord *self);
/* FALSE once its row was deleted; the record then stays readable with its last values. */
gboolean         ipms_record_is_alive       (IpmsRecord *self);

const GValue    *ipms_record_get_value      (IpmsRecord *self,
                                             const char *column);
gboolean         ipms_record_is_null        (IpmsRecord *self,
                                             const char *column);
/* Never NULL: "" for a NULL text. */
const char      *ipms_record_get_string     (IpmsRecord *self,
                                             const char *column);
gint64           ipms_record_get_int        (IpmsRecord *self,
                                             const char *column);
double           ipms_record_get_double     (IpmsRecord *self,
                                             const char *column);
/* For DATE columns; NULL when unset. Free with g_date_free(). */
GDate           *ipms_record_dup_date       (IpmsRecord *self,
                                             const char *column);

G_END_DECLS
