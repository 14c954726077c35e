/* ipms-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ipms-record-private.h"

struct _IpmsRecord
{
  GObject          parent_instance;

  const IpmsTable *table;
  gint64           id;
  /* One per schema column; an unset GValue (type 0) is SQL NULL. */
  GValue          *values;
  guint            revision;
  guint            alive : 1;
};

G_DEFINE_FINAL_TYPE (IpmsRecord, ipms_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REVISION,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
ipms_record_finalize (GObject *object)
{
  IpmsRecord *self = (IpmsRecord *)object;

  if (self->values != NULL)
    {
      for (guint i = 0; i < self->table->n_columns; i++)
        if (G_IS_VALUE (&self->values[i]))
          g_value_unset (&self->values[i]);
      g_free (self->values);
    }

  G_OBJECT_CLASS (ipms_record_parent_class)->finalize (object);
}

static void
ipms_record_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  IpmsRecord *self = IPMS_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_REVISION:
      g_value_set_uint (value, self->revision);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_record_class_init (IpmsRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ipms_record_finalize;
  object_class->get_property = ipms_record_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_REVISION] =
    g_param_spec_uint ("revision", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
ipms_record_init (IpmsRecord *self)
{
  self->alive = TRUE;
}

IpmsRecord *
_ipms_record_new (const IpmsTable *table,
                  gint64           id)
{
  IpmsRecord *self;

  self = g_object_new (IPMS_TYPE_RECORD, NULL);
  self->table = table;
  self->id = id;
  self->values = g_new0 (GValue, table->n_columns);

  return self;
}

void
_ipms_record_load (IpmsRecord   *self,
                   sqlite3_stmt *stmt)
{
  g_return_if_fail (IPMS_IS_RECORD (self));

  for (guint i = 0; i < self->table->n_columns; i++)
    {
      const IpmsColumn *column = &self->table->columns[i];
      GValue *value = &self->values[i];
      int sql_column = (int) i + 1;

      if (G_IS_VALUE (value))
        g_value_unset (value);

      if (sqlite3_column_type (stmt, sql_column) == SQLITE_NULL)
        continue;

      switch (column->type)
        {
        case IPMS_COLUMN_INTEGER:
        case IPMS_COLUMN_REFERENCE:
          g_value_init (value, G_TYPE_INT64);
          g_value_set_int64 (value, sqlite3_column_int64 (stmt, sql_column));
          break;

        case IPMS_COLUMN_REAL:
          g_value_init (value, G_TYPE_DOUBLE);
          g_value_set_double (value, sqlite3_column_double (stmt, sql_column));
          break;

        case IPMS_COLUMN_TEXT:
        case IPMS_COLUMN_DATE:
        case IPMS_COLUMN_ENUM:
        default:
          g_value_init (value, G_TYPE_STRING);
          g_value_set_string (value, (const char *) sqlite3_column_text (stmt, sql_column));
          break;
        }
    }

  self->alive = TRUE;
  self->revision++;
}

void
_ipms_record_emit_changed (IpmsRecord *self)
{
  g_return_if_fail (IPMS_IS_RECORD (self));

  g_signal_emit (self, signals[CHANGED], 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVISION]);
}

void
_ipms_record_mark_deleted (IpmsRecord *self)
{
  g_return_if_fail (IPMS_IS_RECORD (self));

  self->alive = FALSE;
}

const IpmsTable *
ipms_record_get_table (IpmsRecord *self)
{
  g_return_val_if_fail (IPMS_IS_RECORD (self), NULL);

  return self->table;
}

const char *
ipms_record_get_table_name (IpmsRecord *self)
{
  g_return_val_if_fail (IPMS_IS_RECORD (self), NULL);

  return self->table->name;
}

gint64
ipms_record_get_id (IpmsRecord *self)
{
  g_return_val_if_fail (IPMS_IS_RECORD (self), 0);

  return self->id;
}

guint
ipms_record_get_revision (IpmsRecord *self)
{
  g_return_val_if_fail (IPMS_IS_RECORD (self), 0);

  return self->revision;
}

gboolean
ipms_record_is_alive (IpmsRecord *self)
{
  g_return_val_if_fail (IPMS_IS_RECORD (self), FALSE);

  return self->alive;
}

static const GValue *
lookup_value (IpmsRecord *self,
              const char *column)
{
  int index = ipms_table_find_column (self->table, column);

  if (index < 0)
    {
      g_critical ("Table “%s” has no column “%s”", self->table->name, column);
      return NULL;
    }

  return &self->values[index];
}

const GValue *
ipms_record_get_value (IpmsRecord *self,
                       const char *column)
{
  const GValue *value;

  g_return_val_if_fail (IPMS_IS_RECORD (self), NULL);
  g_return_val_if_fail (column != NULL, NULL);

  value = lookup_value (self, column);

  return value != NULL && G_IS_VALUE (value) ? value : NULL;
}

gboolean
ipms_record_is_null (IpmsRecord *self,
                     const char *column)
{
  return ipms_record_get_value (self, column) == NULL;
}

const char *
ipms_record_get_string (IpmsRecord *self,
                        const char *column)
{
  const GValue *value = ipms_record_get_value (self, column);

  if (value == NULL)
    return "";

  if (!G_VALUE_HOLDS_STRING (value))
    {
      g_critical ("Column “%s” of “%s” is not text", column, self->table->name);
      return "";
    }

  return g_value_get_string (value) ? g_value_get_string (value) : "";
}

gint64
ipms_record_get_int (IpmsRecord *self,
                     const char *column)
{
  const GValue *value = ipms_record_get_value (self, column);

  if (value == NULL)
    return 0;

  if (G_VALUE_HOLDS_INT64 (value))
    return g_value_get_int64 (value);

  if (G_VALUE_HOLDS_DOUBLE (value))
    return (gint64) g_value_get_double (value);

  g_critical ("Column “%s” of “%s” is not a number", column, self->table->name);
  return 0;
}

double
ipms_record_get_double (IpmsRecord *self,
                        const char *column)
{
  const GValue *value = ipms_record_get_value (self, column);

  if (value == NULL)
    return 0.0;

  if (G_VALUE_HOLDS_DOUBLE (value))
    return g_value_get_double (value);

  if (G_VALUE_HOLDS_INT64 (value))
    return (double) g_value_get_int64 (value);

  g_critical ("Column “%s” of “%s” is not a number", column, self->table->name);
  return 0.0;
}

GDate *
ipms_record_dup_date (IpmsRecord *self,
                      const char *column)
{
  const char *text = ipms_record_get_string (self, column);
  GDate *date;

  if (!ipms_date_is_valid (text))
    return NULL;

  date = g_date_new ();
  g_date_set_dmy (date,
                  (GDateDay) g_ascii_strtoull (text + 8, NULL, 10),
                  (GDateMonth) g_ascii_strtoull (text + 5, NULL, 10),
                  (GDateYear) g_ascii_strtoull (text, NULL, 10));

  return date;
}
