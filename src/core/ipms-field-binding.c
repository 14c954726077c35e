/* ipms-field-binding.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ipms-field-binding.h"
#include "ipms-format.h"
#include "ipms-merge-key.h"

#define DEFAULT_DELAY_MS 400

struct _IpmsFieldBinding
{
  GObject           parent_instance;

  IpmsDocument     *document;
  const IpmsTable  *table;
  const IpmsColumn *column;
  IpmsRecord       *record;
  gulong            notify_id;

  /* The parsed value waiting for the debounce timeout. */
  GValue            pending_value;
  guint             pending_source;
  gboolean          pending;

  char             *invalid_reason;
  guint             delay;
  /* Set while our own write is being committed, so that its notification
   * is not taken for a change made elsewhere. */
  gboolean          writing;
  /* See ipms_field_binding_set_new_row(): one GValue per column of the
   * table, or NULL. */
  GValue           *new_row;
};

G_DEFINE_FINAL_TYPE (IpmsFieldBinding, ipms_field_binding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_TABLE,
  PROP_COLUMN,
  PROP_RECORD,
  PROP_INVALID,
  PROP_INVALID_REASON,
  PROP_PENDING,
  PROP_DELAY,
  N_PROPS
};

enum {
  RELOADED,
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The bindings of a document that hold a pending write, for flush_all(). */
static GQuark pending_quark;

static GPtrArray *
pending_bindings (IpmsDocument *document,
                  gboolean      create)
{
  GPtrArray *bindings = g_object_get_qdata (G_OBJECT (document), pending_quark);

  if (bindings == NULL && create)
    {
      bindings = g_ptr_array_new ();
      g_object_set_qdata_full (G_OBJECT (document), pending_quark, bindings,
                               (GDestroyNotify) g_ptr_array_unref);
    }

  return bindings;
}

static void
set_pending (IpmsFieldBinding *self,
             gboolean          pending)
{
  GPtrArray *bindings;

  if (self->pending == pending)
    return;

  self->pending = pending;
  bindings = pending_bindings (self->document, pending);
  if (pending)
    g_ptr_array_add (bindings, self);
  else if (bindings != NULL)
    g_ptr_array_remove_fast (bindings, self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static void
set_invalid_reason (IpmsFieldBinding *self,
                    const char       *reason)
{
  gboolean was_invalid = self->invalid_reason != NULL;

  if (g_strcmp0 (self->invalid_reason, reason) == 0)
    return;

  g_free (self->invalid_reason);
  self->invalid_reason = g_strdup (reason);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INVALID_REASON]);
  if (was_invalid != (reason != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INVALID]);
}

static void
drop_pending (IpmsFieldBinding *self)
{
  g_clear_handle_id (&self->pending_source, g_source_remove);
  if (G_IS_VALUE (&self->pending_value))
    g_value_unset (&self->pending_value);
  set_pending (self, FALSE);
}

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  gboolean a_set = a != NULL && G_IS_VALUE (a);
  gboolean b_set = b != NULL && G_IS_VALUE (b);

  if (!a_set || !b_set)
    return a_set == b_set;

  if (G_VALUE_TYPE (a) == G_TYPE_STRING && G_VALUE_TYPE (b) == G_TYPE_STRING)
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (G_VALUE_TYPE (a) == G_TYPE_INT64 && G_VALUE_TYPE (b) == G_TYPE_INT64)
    return g_value_get_int64 (a) == g_value_get_int64 (b);
  if (G_VALUE_TYPE (a) == G_TYPE_DOUBLE && G_VALUE_TYPE (b) == G_TYPE_DOUBLE)
    return g_value_get_double (a) == g_value_get_double (b);

  return FALSE;
}

static void
clear_new_row (IpmsFieldBinding *self)
{
  if (self->new_row == NULL)
    return;

  for (guint i = 0; i < self->table->n_columns; i++)
    if (G_IS_VALUE (&self->new_row[i]))
      g_value_unset (&self->new_row[i]);
  g_clear_pointer (&self->new_row, g_free);
}

/* The row the typing makes, with its value, in one undo step. */
static void
insert_row (IpmsFieldBinding *self,
            const GValue     *value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  GValue *values;
  gint64 id = 0;

  if (value == NULL || !G_IS_VALUE (value))
    return;

  values = g_new0 (GValue, self->table->n_columns);
  for (guint i = 0; i < self->table->n_columns; i++)
    {
      const GValue *source = &self->table->columns[i] == self->column ? value : &self->new_row[i];

      if (G_IS_VALUE (source))
        {
          g_value_init (&values[i], G_VALUE_TYPE (source));
          g_value_copy (source, &values[i]);
        }
    }

  /* Translators: an undo step; %s is the label of a form field, as “Sales” */
  label = g_strdup_printf (_("Edit “%s”"), ipms_column_get_label (self->column));
  self->writing = TRUE;
  if (ipms_document_begin_edit (self->document, label, NULL, &error))
    {
      id = ipms_document_insert (self->document, self->table->name, 0, values, &error);
      if (id == 0 || !ipms_document_commit_edit (self->document, &error))
        {
          ipms_document_rollback_edit (self->document);
          id = 0;
        }
    }
  self->writing = FALSE;

  for (guint i = 0; i < self->table->n_columns; i++)
    if (G_IS_VALUE (&values[i]))
      g_value_unset (&values[i]);
  g_free (values);

  if (id == 0)
    {
      g_signal_emit (self, signals[FAILED], 0, error);
      return;
    }

  /* The typing goes on in the row it made. */
  ipms_field_binding_set_record (self, ipms_document_get_record (self->document, self->table->name, id));
}

void
ipms_field_binding_set_new_row (IpmsFieldBinding   *self,
                                const char * const *columns,
                                const GValue       *values)
{
  g_return_if_fail (IPMS_IS_FIELD_BINDING (self));

  clear_new_row (self);
  if (columns == NULL)
    return;

  self->new_row = g_new0 (GValue, self->table->n_columns);
  for (guint c = 0; columns[c] != NULL; c++)
    for (guint i = 0; i < self->table->n_columns; i++)
      if (g_str_equal (self->table->columns[i].name, columns[c]) && G_IS_VALUE (&values[c]))
        {
          g_value_init (&self->new_row[i], G_VALUE_TYPE (&values[c]));
          g_value_copy (&values[c], &self->new_row[i]);
        }
}

/* `merge`: typing folds into the previous step of the same field; a
 * discrete change (a choice, a date picked, a clear) is a step of its own. */
static void
write_value (IpmsFieldBinding *self,
             const GValue     *value,
             gboolean          merge)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *merge_key = NULL;
  gboolean ok;

  if (self->record == NULL && self->new_row != NULL)
    {
      insert_row (self, value);
      return;
    }

  if (self->record == NULL || !ipms_record_is_alive (self->record))
    return;

  if (values_equal (value, ipms_record_get_value (self->record, self->column->name)))
    return;

  /* Translators: an undo step; %s is the label of a form field, as “Mission” */
  label = g_strdup_printf (_("Edit “%s”"), ipms_column_get_label (self->column));
  if (merge)
    merge_key = ipms_merge_key (self->table->name, ipms_record_get_id (self->record), self->column->name);

  self->writing = TRUE;
  ok = ipms_document_edit_value (self->document, label, merge_key,
                                 self->table->name, ipms_record_get_id (self->record),
                                 self->column->name, value, &error);
  self->writing = FALSE;

  if (!ok)
    g_signal_emit (self, signals[FAILED], 0, error);
}

void
ipms_field_binding_flush (IpmsFieldBinding *self)
{
  GValue value = G_VALUE_INIT;

  g_return_if_fail (IPMS_IS_FIELD_BINDING (self));

  if (!self->pending)
    return;

  /* Taken out first: the write may call back into the binding. Whoever
   * watches "pending" hears that it dropped once the value is stored, not
   * before, when the record still holds the old one. */
  g_object_freeze_notify (G_OBJECT (self));
  value = self->pending_value;
  self->pending_value = (GValue) G_VALUE_INIT;
  drop_pending (self);

  write_value (self, &value, TRUE);
  if (G_IS_VALUE (&value))
    g_value_unset (&value);
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
pending_timeout_cb (gpointer user_data)
{
  IpmsFieldBinding *self = user_data;

  self->pending_source = 0;
  ipms_field_binding_flush (self);

  return G_SOURCE_REMOVE;
}

static void
record_notify_cb (IpmsFieldBinding *self)
{
  if (self->writing)
    return;

  /* Changed elsewhere: what the user was typing is no longer about the
   * value in the file, and its invalid state with it. */
  if (!self->pending)
    set_invalid_reason (self, NULL);

  g_signal_emit (self, signals[RELOADED], 0);
}

void
ipms_field_binding_set_record (IpmsFieldBinding *self,
                               IpmsRecord       *record)
{
  g_return_if_fail (IPMS_IS_FIELD_BINDING (self));
  g_return_if_fail (record == NULL || IPMS_IS_RECORD (record));

  if (self->record == record)
    return;

  ipms_field_binding_flush (self);
  set_invalid_reason (self, NULL);

  if (self->record != NULL)
    {
      g_clear_signal_handler (&self->notify_id, self->record);
      g_clear_object (&self->record);
    }

  if (record != NULL)
    {
      g_autofree char *signal = NULL;

      g_return_if_fail (ipms_record_get_table (record) == self->table);

      self->record = g_object_ref (record);
      /* Property names are canonical ("macro-political"): so must be the detail. */
      signal = g_strdelimit (g_strconcat ("notify::", self->column->name, NULL), "_", '-');
      self->notify_id = g_signal_connect_swapped (record, signal, G_CALLBACK (record_notify_cb), self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

/* Parsing. */

static char *
strip_number_text (const char *text,
                   double     *multiplier)
{
  GString *out = g_string_new (NULL);

  *multiplier = 1.0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        /* Digit grouping as people type it, in either language. */
        case ',': case ' ': case '\'': case '_':
        case 0x00A0: case 0x202F: case 0x2009: case 0xFF0C:
          break;
        /* Currency signs around a money amount. */
        case '$': case 0x00A5: case 0xFFE5: case 0x20AC: case 0x00A3: case 0x5143 /* 元 */:
          break;
        /* Chinese counts in myriads: 1.2万 is 12,000. */
        case 0x4E07 /* 万 */:
          *multiplier *= 1e4;
          break;
        case 0x4EBF /* 亿 */:
          *multiplier *= 1e8;
          break;
        case 0xFF0E: /* fullwidth full stop */
          g_string_append_c (out, '.');
          break;
        case 0xFF05: /* fullwidth percent sign */
          g_string_append_c (out, '%');
          break;
        default:
          g_string_append_unichar (out, c);
        }
    }

  return g_string_free (out, FALSE);
}

static char *
format_bound (const IpmsColumn *column,
              double            bound)
{
  if (column->format == IPMS_COLUMN_FORMAT_YEAR)
    return g_strdup_printf ("%.0f", bound);

  return g_strdup_printf ("%'.15g", bound);
}

static gboolean
parse_number (const IpmsColumn  *column,
              const char        *text,
              GValue            *value,
              GError           **error)
{
  g_autofree char *stripped = NULL;
  double multiplier;
  double number;
  char *end = NULL;
  gsize len;

  stripped = strip_number_text (text, &multiplier);
  len = strlen (stripped);

  if (column->format == IPMS_COLUMN_FORMAT_PERCENT && len > 0 && stripped[len - 1] == '%')
    stripped[--len] = '\0';

  if (len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %s is what the user typed into a number field */
                   _("“%s” is not a number"), text);
      return FALSE;
    }

  number = g_ascii_strtod (stripped, &end);
  if (end == stripped || *end != '\0' || !isfinite (number))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a number"), text);
      return FALSE;
    }

  number *= multiplier;

  if (column->type == IPMS_COLUMN_INTEGER &&
      (fabs (number - round (number)) > 1e-9 || fabs (number) > 9007199254740992.0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %s is what the user typed */
                   _("“%s” is not a whole number"), text);
      return FALSE;
    }

  if ((column->flags & IPMS_COLUMN_FLAG_BOUNDED) != 0 &&
      (number < column->min || number > column->max))
    {
      g_autofree char *min = format_bound (column, column->min);
      g_autofree char *max = format_bound (column, column->max);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: the allowed range of a number field */
                   _("Must be between %s and %s"), min, max);
      return FALSE;
    }

  if (column->type == IPMS_COLUMN_INTEGER)
    {
      g_value_init (value, G_TYPE_INT64);
      g_value_set_int64 (value, (gint64) round (number));
    }
  else
    {
      g_value_init (value, G_TYPE_DOUBLE);
      g_value_set_double (value, number);
    }

  return TRUE;
}

static gboolean
looks_like_iso_date (const char *text)
{
  guint dashes = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '-')
        dashes++;
      else if (!g_ascii_isdigit (*p))
        return FALSE;
    }

  return dashes == 2 && g_ascii_isdigit (text[0]);
}

static gboolean
parse_date (const char  *text,
            GValue      *value,
            GError     **error)
{
  g_autoptr(GDate) date = NULL;
  char iso[16];

  if (looks_like_iso_date (text))
    {
      guint year = 0, month = 0, day = 0;

      if (sscanf (text, "%u-%u-%u", &year, &month, &day) != 3 ||
          year < 1 || year > 9999 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       /* Translators: %s is a date the user typed, such as 2027-02-31 */
                       _("There is no day %s"), text);
          return FALSE;
        }

      date = g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
    }
  else
    {
      date = g_date_new ();
      g_date_set_parse (date, text);
      if (!g_date_valid (date) || g_date_get_year (date) < 1000)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               /* Translators: keep YYYY-MM-DD as it is, it is the format */
                               _("Type a date as YYYY-MM-DD"));
          return FALSE;
        }
    }

  g_date_strftime (iso, sizeof iso, "%Y-%m-%d", date);
  g_value_init (value, G_TYPE_STRING);
  g_value_set_string (value, iso);

  return TRUE;
}

gboolean
ipms_field_parse_text (const IpmsColumn  *column,
                       const char        *text,
                       GValue            *value,
                       GError           **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (column != NULL, FALSE);
  g_return_val_if_fail (value != NULL && !G_IS_VALUE (value), FALSE);

  if (text == NULL)
    text = "";

  trimmed = g_strstrip (g_strdup (text));

  if (column->type == IPMS_COLUMN_TEXT)
    {
      if (trimmed[0] == '\0' && (column->flags & IPMS_COLUMN_FLAG_REQUIRED) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       /* Translators: %s is a field's label, as “Name” */
                       _("%s cannot be empty"), ipms_column_get_label (column));
          return FALSE;
        }

      g_value_init (value, G_TYPE_STRING);
      g_value_set_string (value, text);
      return TRUE;
    }

  /* An emptied field clears an optional value. */
  if (trimmed[0] == '\0')
    {
      if ((column->flags & IPMS_COLUMN_FLAG_REQUIRED) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s cannot be empty"), ipms_column_get_label (column));
          return FALSE;
        }
      return TRUE;
    }

  switch (column->type)
    {
    case IPMS_COLUMN_INTEGER:
    case IPMS_COLUMN_REAL:
      return parse_number (column, trimmed, value, error);

    case IPMS_COLUMN_DATE:
      return parse_date (trimmed, value, error);

    case IPMS_COLUMN_ENUM:
      if (ipms_column_find_choice (column, trimmed) < 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       /* Translators: %s is what the user typed */
                       _("“%s” is not one of the choices"), trimmed);
          return FALSE;
        }
      g_value_init (value, G_TYPE_STRING);
      g_value_set_string (value, trimmed);
      return TRUE;

    case IPMS_COLUMN_REFERENCE:
      {
        guint64 id;

        if (!g_ascii_string_to_unsigned (trimmed, 10, 1, G_MAXINT64, &id, NULL))
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         _("“%s” is not one of the choices"), trimmed);
            return FALSE;
          }
        g_value_init (value, G_TYPE_INT64);
        g_value_set_int64 (value, (gint64) id);
        return TRUE;
      }

    case IPMS_COLUMN_TEXT:
    default:
      g_assert_not_reached ();
    }
}

static char *
group_digits (const char *digits)
{
  GString *out = g_string_new (NULL);
  const char *start = digits;
  gsize n;

  if (*start == '-')
    g_string_append_c (out, *start++);

  n = strspn (start, "0123456789");
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, start[i]);
    }
  g_string_append (out, start + n);

  return g_string_free (out, FALSE);
}

static char *
format_value (const IpmsColumn *column,
              const GValue     *value,
              gboolean          for_display)
{
  g_return_val_if_fail (column != NULL, NULL);

  if (value == NULL || !G_IS_VALUE (value))
    return g_strdup ("");

  switch (column->type)
    {
    case IPMS_COLUMN_INTEGER:
      {
        g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));

        if (column->format == IPMS_COLUMN_FORMAT_YEAR)
          return g_steal_pointer (&digits);
        return group_digits (digits);
      }

    case IPMS_COLUMN_REFERENCE:
      return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));

    case IPMS_COLUMN_REAL:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];
        double number = g_value_get_double (value);
        g_autofree char *grouped = NULL;

        /* Money keeps cents; other numbers their significant digits. */
        if (column->format == IPMS_COLUMN_FORMAT_MONEY)
          return ipms_format_money_amount (number, for_display);

        g_ascii_formatd (buffer, sizeof buffer, "%.12g", number);

        grouped = strchr (buffer, 'e') != NULL ? g_strdup (buffer) : group_digits (buffer);
        if (column->format == IPMS_COLUMN_FORMAT_PERCENT)
          return g_strconcat (grouped, "%", NULL);
        return g_steal_pointer (&grouped);
      }

    case IPMS_COLUMN_TEXT:
    case IPMS_COLUMN_DATE:
    case IPMS_COLUMN_ENUM:
    default:
      return g_value_dup_string (value);
    }
}

char *
ipms_field_format_value (const IpmsColumn *column,
                         const GValue     *value)
{
  g_return_val_if_fail (column != NULL, NULL);

  return format_value (column, value, FALSE);
}

char *
ipms_field_format_display_value (const IpmsColumn *column,
                                 const GValue     *value)
{
  g_return_val_if_fail (column != NULL, NULL);

  return format_value (column, value, TRUE);
}

char *
ipms_field_binding_dup_text (IpmsFieldBinding *self)
{
  g_return_val_if_fail (IPMS_IS_FIELD_BINDING (self), NULL);

  if (self->record == NULL)
    return g_strdup ("");

  return format_value (self->column, ipms_record_get_value (self->record, self->column->name), FALSE);
}

char *
ipms_field_binding_dup_display_text (IpmsFieldBinding *self)
{
  g_return_val_if_fail (IPMS_IS_FIELD_BINDING (self), NULL);

  if (self->record == NULL)
    return g_strdup ("");

  return format_value (self->column, ipms_record_get_value (self->record, self->column->name), TRUE);
}

static void
schedule (IpmsFieldBinding *self,
          GValue           *value)
{
  if (G_IS_VALUE (&self->pending_value))
    g_value_unset (&self->pending_value);
  /* Moved in: `value` is left unset. */
  self->pending_value = *value;
  *value = (GValue) G_VALUE_INIT;

  g_clear_handle_id (&self->pending_source, g_source_remove);
  self->pending_source = g_timeout_add (self->delay, pending_timeout_cb, self);
  g_source_set_name_by_id (self->pending_source, "[ipms] field write");
  set_pending (self, TRUE);
}

gboolean
ipms_field_binding_set_text (IpmsFieldBinding *self,
                             const char       *text)
{
  g_autoptr(GError) error = NULL;
  GValue value = G_VALUE_INIT;

  g_return_val_if_fail (IPMS_IS_FIELD_BINDING (self), FALSE);

  if (self->record == NULL && self->new_row == NULL)
    return FALSE;

  if (!ipms_field_parse_text (self->column, text, &value, &error))
    {
      /* Nothing of it reaches the file, not even what was typed before. */
      drop_pending (self);
      set_invalid_reason (self, error->message);
      return FALSE;
    }

  set_invalid_reason (self, NULL);
  schedule (self, &value);

  return TRUE;
}

gboolean
ipms_field_binding_set_value (IpmsFieldBinding *self,
                              const GValue     *value)
{
  g_auto(GValue) copy = G_VALUE_INIT;

  g_return_val_if_fail (IPMS_IS_FIELD_BINDING (self), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (self->record == NULL)
    return FALSE;

  if (!G_IS_VALUE (value) && (self->column->flags & IPMS_COLUMN_FLAG_REQUIRED) != 0)
    {
      g_autofree char *reason = g_strdup_printf (_("%s cannot be empty"), ipms_column_get_label (self->column));

      set_invalid_reason (self, reason);
      return FALSE;
    }

  drop_pending (self);
  set_invalid_reason (self, NULL);

  if (G_IS_VALUE (value))
    {
      g_value_init (&copy, G_VALUE_TYPE (value));
      g_value_copy (value, &copy);
    }
  write_value (self, &copy, FALSE);

  return TRUE;
}

void
ipms_field_binding_cancel (IpmsFieldBinding *self)
{
  g_return_if_fail (IPMS_IS_FIELD_BINDING (self));

  drop_pending (self);
  set_invalid_reason (self, NULL);
}

gboolean
ipms_field_binding_get_pending (IpmsFieldBinding *self)
{
  g_return_val_if_fail (IPMS_IS_FIELD_BINDING (self), FALSE);

  return self->pending;
}

gboolean
ipms_field_binding_get_invalid (IpmsFieldBinding *self)
{
  g_return_val_if_fail (IPMS_IS_FIELD_BINDING (self), FALSE);

  return self->invalid_reason != NULL;
}

const char *
ipms_field_binding_get_invalid_reason (IpmsFieldBinding *self)
{
  g_return_val_if_fail (IPMS_IS_FIELD_BINDING (self), NULL);

  return self->invalid_reason;
}

guint
ipms_field_binding_get_delay (IpmsFieldBinding *self)
{
  g_return_val_if_fail (IPMS_IS_FIELD_BINDING (self), 0);

  return self->delay;
}

void
ipms_field_binding_set_delay (IpmsFieldBinding *self,
                              guint             delay_ms)
{
  g_return_if_fail (IPMS_IS_FIELD_BINDING (self));

  if (self->delay == delay_ms)
    return;

  self->delay = delay_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELAY]);
}

void
ipms_field_binding_flush_all (IpmsDocument *document)
{
  GPtrArray *bindings;
  g_autoptr(GPtrArray) copy = NULL;

  g_return_if_fail (IPMS_IS_DOCUMENT (document));

  bindings = pending_bindings (document, FALSE);
  if (bindings == NULL || bindings->len == 0)
    return;

  /* Each flush removes its binding from the list. */
  copy = g_ptr_array_copy (bindings, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  g_ptr_array_set_free_func (copy, g_object_unref);
  for (guint i = 0; i < copy->len; i++)
    ipms_field_binding_flush (g_ptr_array_index (copy, i));
}

IpmsFieldBinding *
ipms_field_binding_new (IpmsDocument *document,
                        const char   *table,
                        const char   *column)
{
  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (column != NULL, NULL);

  return g_object_new (IPMS_TYPE_FIELD_BINDING,
                       "document", document,
                       "table", table,
                       "column", column,
                       NULL);
}

IpmsDocument *
ipms_field_binding_get_document (IpmsFieldBinding *self)
{
  g_return_val_if_fail (IPMS_IS_FIELD_BINDING (self), NULL);

  return self->document;
}

const IpmsTable *
ipms_field_binding_get_table (IpmsFieldBinding *self)
{
  g_return_val_if_fail (IPMS_IS_FIELD_BINDING (self), NULL);

  return self->table;
}

const IpmsColumn *
ipms_field_binding_get_column (IpmsFieldBinding *self)
{
  g_return_val_if_fail (IPMS_IS_FIELD_BINDING (self), NULL);

  return self->column;
}

IpmsRecord *
ipms_field_binding_get_record (IpmsFieldBinding *self)
{
  g_return_val_if_fail (IPMS_IS_FIELD_BINDING (self), NULL);

  return self->record;
}

static void
ipms_field_binding_dispose (GObject *object)
{
  IpmsFieldBinding *self = IPMS_FIELD_BINDING (object);

  /* Closing a form never loses what was typed last. */
  if (self->document != NULL)
    {
      ipms_field_binding_flush (self);
      drop_pending (self);
    }

  if (self->record != NULL)
    {
      g_clear_signal_handler (&self->notify_id, self->record);
      g_clear_object (&self->record);
    }
  clear_new_row (self);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ipms_field_binding_parent_class)->dispose (object);
}

static void
ipms_field_binding_finalize (GObject *object)
{
  IpmsFieldBinding *self = IPMS_FIELD_BINDING (object);

  g_free (self->invalid_reason);

  G_OBJECT_CLASS (ipms_field_binding_parent_class)->finalize (object);
}

static void
ipms_field_binding_constructed (GObject *object)
{
  IpmsFieldBinding *self = IPMS_FIELD_BINDING (object);

  G_OBJECT_CLASS (ipms_field_binding_parent_class)->constructed (object);

  g_assert (IPMS_IS_DOCUMENT (self->document));
  g_assert (self->table != NULL);
  g_assert (self->column != NULL);
}

static void
ipms_field_binding_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  IpmsFieldBinding *self = IPMS_FIELD_BINDING (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_TABLE:
      g_value_set_string (value, self->table != NULL ? self->table->name : NULL);
      break;

    case PROP_COLUMN:
      g_value_set_string (value, self->column != NULL ? self->column->name : NULL);
      break;

    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;

    case PROP_INVALID:
      g_value_set_boolean (value, self->invalid_reason != NULL);
      break;

    case PROP_INVALID_REASON:
      g_value_set_string (value, self->invalid_reason);
      break;

    case PROP_PENDING:
      g_value_set_boolean (value, self->pending);
      break;

    case PROP_DELAY:
      g_value_set_uint (value, self->delay);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_field_binding_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  IpmsFieldBinding *self = IPMS_FIELD_BINDING (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    case PROP_TABLE:
      self->table = ipms_schema_lookup_table (g_value_get_string (value));
      g_return_if_fail (self->table != NULL);
      break;

    case PROP_COLUMN:
      /* The table is set first: properties are set in installation order. */
      g_return_if_fail (self->table != NULL);
      self->column = ipms_table_lookup_column (self->table, g_value_get_string (value));
      g_return_if_fail (self->column != NULL);
      break;

    case PROP_RECORD:
      ipms_field_binding_set_record (self, g_value_get_object (value));
      break;

    case PROP_DELAY:
      ipms_field_binding_set_delay (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_field_binding_class_init (IpmsFieldBindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ipms_field_binding_constructed;
  object_class->dispose = ipms_field_binding_dispose;
  object_class->finalize = ipms_field_binding_finalize;
  object_class->get_property = ipms_field_binding_get_property;
  object_class->set_property = ipms_field_binding_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, IPMS_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TABLE] =
    g_param_spec_string ("table", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_COLUMN] =
    g_param_spec_string ("column", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, IPMS_TYPE_RECORD,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_INVALID] =
    g_param_spec_boolean ("invalid", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_INVALID_REASON] =
    g_param_spec_string ("invalid-reason", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DELAY] =
    g_param_spec_uint ("delay", NULL, NULL, 0, 60000, DEFAULT_DELAY_MS,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[RELOADED] =
    g_signal_new ("reloaded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  signals[FAILED] =
    g_signal_new ("failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  pending_quark = g_quark_from_static_string ("ipms-field-binding-pending");
}

static void
ipms_field_binding_init (IpmsFieldBinding *self)
{
  self->delay = DEFAULT_DELAY_MS;
}
