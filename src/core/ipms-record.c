/* ipms-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "ipms-record-private.h"

typedef struct
{
  const IpmsTable *table;
  gint64           id;
  /* One per schema column; an unset GValue (type 0) is SQL NULL. */
  GValue          *values;
  /* Columns whose value changed since the last "changed". */
  gboolean        *dirty;
  /* Values read ahead of a bulk step, and which of them differ (see
   * _ipms_record_stage_row()); NULL without. */
  GValue          *staged;
  gboolean        *staged_dirty;
  guint            revision;
  guint            alive : 1;
} IpmsRecordPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (IpmsRecord, ipms_record, G_TYPE_OBJECT)

#define PRIV(self) ((IpmsRecordPrivate *) ipms_record_get_instance_private (self))

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
  IpmsRecordPrivate *priv = PRIV (IPMS_RECORD (object));

  if (priv->values != NULL)
    {
      for (guint i = 0; i < priv->table->n_columns; i++)
        if (G_IS_VALUE (&priv->values[i]))
          g_value_unset (&priv->values[i]);
      g_free (priv->values);
    }

  g_free (priv->dirty);
  _ipms_record_drop_staged (IPMS_RECORD (object));

  G_OBJECT_CLASS (ipms_record_parent_class)->finalize (object);
}

static void
ipms_record_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  IpmsRecordPrivate *priv = PRIV (IPMS_RECORD (object));

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, priv->id);
      break;

    case PROP_REVISION:
      g_value_set_uint (value, priv->revision);
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
  PRIV (self)->alive = TRUE;
}

/* Entity subclasses: one per table, their properties made from the schema. */

static char *
type_name_for_table (const IpmsTable *table)
{
  g_auto(GStrv) words = g_strsplit (table->name, "_", -1);
  GString *name = g_string_new ("Ipms");

  for (guint i = 0; words[i] != NULL; i++)
    {
      words[i][0] = g_ascii_toupper (words[i][0]);
      g_string_append (name, words[i]);
    }

  return g_string_free (name, FALSE);
}

static void
entity_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  IpmsRecordPrivate *priv = PRIV (IPMS_RECORD (object));
  const GValue *stored;

  if (prop_id == 0 || prop_id > priv->table->n_columns)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  stored = &priv->values[prop_id - 1];
  if (G_IS_VALUE (stored))
    g_value_copy (stored, value);
}

static void
entity_class_init (gpointer klass,
                   gpointer class_data)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const IpmsTable *table = class_data;

  IPMS_RECORD_CLASS (klass)->table = table;
  object_class->get_property = entity_get_property;

  for (guint i = 0; i < table->n_columns; i++)
    {
      const IpmsColumn *column = &table->columns[i];
      g_autofree char *name = g_strdelimit (g_strdup (column->name), "_", '-');
      GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_NICK | G_PARAM_STATIC_BLURB;
      GParamSpec *pspec;

      switch (column->type)
        {
        case IPMS_COLUMN_INTEGER:
        case IPMS_COLUMN_REFERENCE:
          pspec = g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
          break;

        case IPMS_COLUMN_REAL:
          pspec = g_param_spec_double (name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
          break;

        case IPMS_COLUMN_TEXT:
        case IPMS_COLUMN_DATE:
        case IPMS_COLUMN_ENUM:
        default:
          pspec = g_param_spec_string (name, NULL, NULL, NULL, flags);
          break;
        }

      g_object_class_install_property (object_class, i + 1, pspec);
    }
}

GType
ipms_record_type_for_table (const IpmsTable *table)
{
  static GType *types;
  const IpmsTable *tables;
  guint n_tables;
  guint index;

  g_return_val_if_fail (table != NULL, G_TYPE_INVALID);

  tables = ipms_schema_get_tables (&n_tables);
  index = (guint) (table - tables);
  g_return_val_if_fail (index < n_tables, G_TYPE_INVALID);

  if (g_once_init_enter (&types))
    {
      GType *registered = g_new0 (GType, n_tables);

      for (guint i = 0; i < n_tables; i++)
        {
          g_autofree char *name = type_name_for_table (&tables[i]);
          const GTypeInfo info = {
            .class_size = sizeof (IpmsRecordClass),
            .class_init = entity_class_init,
            .class_data = &tables[i],
            .instance_size = sizeof (IpmsRecord),
          };

          registered[i] = g_type_register_static (IPMS_TYPE_RECORD, name, &info, G_TYPE_FLAG_FINAL);
        }

      g_once_init_leave (&types, registered);
    }

  return types[index];
}

IpmsRecord *
_ipms_record_new (const IpmsTable *table,
                  gint64           id)
{
  IpmsRecord *self;
  IpmsRecordPrivate *priv;

  self = g_object_new (ipms_record_type_for_table (table), NULL);
  priv = PRIV (self);
  priv->table = table;
  priv->id = id;
  priv->values = g_new0 (GValue, table->n_columns);
  priv->dirty = g_new0 (gboolean, table->n_columns);

  return self;
}

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  if (G_VALUE_TYPE (a) != G_VALUE_TYPE (b))
    return FALSE;

  if (!G_IS_VALUE (a))
    return TRUE;

  if (G_VALUE_HOLDS_INT64 (a))
    return g_value_get_int64 (a) == g_value_get_int64 (b);

  if (G_VALUE_HOLDS_DOUBLE (a))
    return g_value_get_double (a) == g_value_get_double (b);

  return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
}

/* Out-of-range numbers read as the nearest bound. Whole numbers are
 * compared as doubles but kept as they are when in range: a double cannot
 * hold every gint64. */
static gboolean
set_integer_in_bounds (const IpmsColumn *column,
                       gint64            number,
                       GValue           *value)
{
  gboolean repaired = FALSE;

  if ((column->flags & IPMS_COLUMN_FLAG_BOUNDED) && (double) number < column->min)
    {
      number = (gint64) column->min;
      repaired = TRUE;
    }
  else if ((column->flags & IPMS_COLUMN_FLAG_BOUNDED) && (double) number > column->max)
    {
      number = (gint64) column->max;
      repaired = TRUE;
    }

  g_value_init (value, G_TYPE_INT64);
  g_value_set_int64 (value, number);

  return repaired;
}

static gboolean
set_real_in_bounds (const IpmsColumn *column,
                    double            number,
                    GValue           *value)
{
  gboolean repaired = FALSE;

  if ((column->flags & IPMS_COLUMN_FLAG_BOUNDED) && number < column->min)
    {
      number = column->min;
      repaired = TRUE;
    }
  else if ((column->flags & IPMS_COLUMN_FLAG_BOUNDED) && number > column->max)
    {
      number = column->max;
      repaired = TRUE;
    }

  g_value_init (value, G_TYPE_DOUBLE);
  g_value_set_double (value, number);

  return repaired;
}

gboolean
_ipms_record_read_value (const IpmsColumn *column,
                         sqlite3_stmt     *stmt,
                         int               sql_column,
                         gboolean          static_text,
                         GValue           *value)
{
  int stored = sqlite3_column_type (stmt, sql_column);
  gboolean repaired = FALSE;

  /* NOT NULL and the choices are CHECK constraints of the schema, which
   * the document makes sure the file has and quick_check verifies on
   * open; types, dates, bounds and UTF-8 are up to this function. */
  if (stored == SQLITE_NULL)
    return FALSE;

  switch (column->type)
    {
    case IPMS_COLUMN_INTEGER:
      repaired = stored != SQLITE_INTEGER;
      return set_integer_in_bounds (column, sqlite3_column_int64 (stmt, sql_column), value) || repaired;

    case IPMS_COLUMN_REFERENCE:
      /* The document's SELECT reads a reference to a missing row as text. */
      if (stored != SQLITE_INTEGER)
        return TRUE;

      g_value_init (value, G_TYPE_INT64);
      g_value_set_int64 (value, sqlite3_column_int64 (stmt, sql_column));
      return FALSE;

    case IPMS_COLUMN_REAL:
      {
        double number = sqlite3_column_double (stmt, sql_column);

        repaired = stored != SQLITE_FLOAT && stored != SQLITE_INTEGER;
        /* SQLite stores infinities; no JSON number can hold one. */
        if (!isfinite (number))
          return TRUE;

        return set_real_in_bounds (column, number, value) || repaired;
      }

    case IPMS_COLUMN_TEXT:
    case IPMS_COLUMN_DATE:
    case IPMS_COLUMN_ENUM:
    default:
      {
        const char *text = (const char *) sqlite3_column_text (stmt, sql_column);
        int n_bytes = sqlite3_column_bytes (stmt, sql_column);
        g_autofree char *valid = NULL;

        if (text == NULL)
          text = "";

        /* Also refuses a NUL inside the value, which would cut it short. */
        if (!g_utf8_validate_len (text, (gsize) n_bytes, NULL))
          {
            valid = g_utf8_make_valid (text, n_bytes);
            text = valid;
            repaired = TRUE;
          }

        if (column->type == IPMS_COLUMN_DATE && !ipms_date_is_valid (text))
          return TRUE;

        g_value_init (value, G_TYPE_STRING);
        if (valid != NULL && text == valid)
          g_value_take_string (value, g_steal_pointer (&valid));
        else if (static_text)
          g_value_set_static_string (value, text);
        else
          g_value_set_string (value, text);

        return repaired;
      }
    }
}

GValue *
_ipms_record_read_row (const IpmsTable *table,
                       sqlite3_stmt    *stmt,
                       gboolean        *repaired_out)
{
  GValue *values = g_new0 (GValue, table->n_columns);

  *repaired_out = FALSE;
  for (guint i = 0; i < table->n_columns; i++)
    if (_ipms_record_read_value (&table->columns[i], stmt, (int) i + 1, FALSE, &values[i]))
      *repaired_out = TRUE;

  return values;
}

void
_ipms_record_free_row (const IpmsTable *table,
                       GValue          *values)
{
  for (guint i = 0; i < table->n_columns; i++)
    if (G_IS_VALUE (&values[i]))
      g_value_unset (&values[i]);
  g_free (values);
}

void
_ipms_record_stage_row (IpmsRecord *self,
                        GValue     *values)
{
  IpmsRecordPrivate *priv = PRIV (self);

  g_return_if_fail (IPMS_IS_RECORD (self));

  _ipms_record_drop_staged (self);
  priv->staged = values;
  priv->staged_dirty = g_new0 (gboolean, priv->table->n_columns);
  for (guint i = 0; i < priv->table->n_columns; i++)
    priv->staged_dirty[i] = priv->revision > 0 && !values_equal (&priv->values[i], &values[i]);
}

GValue *
_ipms_record_take_staged (IpmsRecord *self)
{
  IpmsRecordPrivate *priv = PRIV (self);
  GValue *old;

  g_return_val_if_fail (IPMS_IS_RECORD (self), NULL);
  g_return_val_if_fail (priv->staged != NULL, NULL);

  for (guint i = 0; i < priv->table->n_columns; i++)
    priv->dirty[i] |= priv->staged_dirty[i];

  old = priv->values;
  priv->values = g_steal_pointer (&priv->staged);
  g_clear_pointer (&priv->staged_dirty, g_free);

  priv->alive = TRUE;
  priv->revision++;

  return old;
}

void
_ipms_record_drop_staged (IpmsRecord *self)
{
  IpmsRecordPrivate *priv = PRIV (self);

  if (priv->staged != NULL)
    _ipms_record_free_row (priv->table, g_steal_pointer (&priv->staged));
  g_clear_pointer (&priv->staged_dirty, g_free);
}

void
_ipms_record_take_row (IpmsRecord *self,
                       GValue     *values)
{
  IpmsRecordPrivate *priv = PRIV (self);

  g_return_if_fail (IPMS_IS_RECORD (self));

  for (guint i = 0; i < priv->table->n_columns; i++)
    {
      GValue *value = &priv->values[i];

      /* A first load is no change to tell anyone about. */
      if (priv->revision > 0 && !values_equal (value, &values[i]))
        priv->dirty[i] = TRUE;

      if (G_IS_VALUE (value))
        g_value_unset (value);
      *value = values[i];
    }
  g_free (values);

  priv->alive = TRUE;
  priv->revision++;
}

gboolean
_ipms_record_load (IpmsRecord   *self,
                   sqlite3_stmt *stmt)
{
  gboolean repaired;

  g_return_val_if_fail (IPMS_IS_RECORD (self), FALSE);

  _ipms_record_take_row (self, _ipms_record_read_row (PRIV (self)->table, stmt, &repaired));

  return repaired;
}

void
_ipms_record_emit_changed (IpmsRecord *self)
{
  IpmsRecordPrivate *priv = PRIV (self);
  GObjectClass *klass = G_OBJECT_GET_CLASS (self);

  g_return_if_fail (IPMS_IS_RECORD (self));

  g_object_freeze_notify (G_OBJECT (self));

  for (guint i = 0; i < priv->table->n_columns; i++)
    {
      g_autofree char *name = NULL;

      if (!priv->dirty[i])
        continue;

      priv->dirty[i] = FALSE;
      name = g_strdelimit (g_strdup (priv->table->columns[i].name), "_", '-');
      g_object_notify_by_pspec (G_OBJECT (self), g_object_class_find_property (klass, name));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVISION]);
  g_signal_emit (self, signals[CHANGED], 0);

  g_object_thaw_notify (G_OBJECT (self));
}

void
_ipms_record_mark_deleted (IpmsRecord *self)
{
  g_return_if_fail (IPMS_IS_RECORD (self));

  PRIV (self)->alive = FALSE;
}

const IpmsTable *
ipms_record_get_table (IpmsRecord *self)
{
  g_return_val_if_fail (IPMS_IS_RECORD (self), NULL);

  return PRIV (self)->table;
}

const char *
ipms_record_get_table_name (IpmsRecord *self)
{
  g_return_val_if_fail (IPMS_IS_RECORD (self), NULL);

  return PRIV (self)->table->name;
}

gint64
ipms_record_get_id (IpmsRecord *self)
{
  g_return_val_if_fail (IPMS_IS_RECORD (self), 0);

  return PRIV (self)->id;
}

guint
ipms_record_get_revision (IpmsRecord *self)
{
  g_return_val_if_fail (IPMS_IS_RECORD (self), 0);

  return PRIV (self)->revision;
}

gboolean
ipms_record_is_alive (IpmsRecord *self)
{
  g_return_val_if_fail (IPMS_IS_RECORD (self), FALSE);

  return PRIV (self)->alive;
}

static const GValue *
lookup_value (IpmsRecord *self,
              const char *column)
{
  IpmsRecordPrivate *priv = PRIV (self);
  int index = ipms_table_find_column (priv->table, column);

  if (index < 0)
    {
      g_critical ("Table “%s” has no column “%s”", priv->table->name, column);
      return NULL;
    }

  return &priv->values[index];
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
      g_critical ("Column “%s” of “%s” is not text", column, PRIV (self)->table->name);
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
    {
      double number = g_value_get_double (value);

      /* Converting a double beyond the gint64 range is undefined. */
      if (isnan (number))
        return 0;
      if (number >= 0x1p63)
        return G_MAXINT64;
      if (number < -0x1p63)
        return G_MININT64;
      return (gint64) number;
    }

  g_critical ("Column “%s” of “%s” is not a number", column, PRIV (self)->table->name);
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

  g_critical ("Column “%s” of “%s” is not a number", column, PRIV (self)->table->name);
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
