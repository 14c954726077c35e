/* ipms-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The JSON exchange format of IPMS Planner, version 1 (see also
 * src/core/examples/FORMAT.md):
 *
 *   {
 *     "format": "ipms-planner",
 *     "version": 1,
 *     "projects": [ { "id": 1, "name": "PawSmart", ... } ],
 *     "grades": [ ... ],
 *     ...one array per table of ipms-schema.c, named by its plural...
 *   }
 *
 * - Each element of a table's array is one row: "id" (an integer >= 1,
 *   unique in that table) and then every column of the table by its schema
 *   name. A NULL column is null; an optional column may also be left out.
 * - INTEGER columns are JSON integers; REAL columns are numbers; TEXT is a
 *   string; DATE is a "YYYY-MM-DD" string; ENUM is one of the column's
 *   choices; REFERENCE is the id of a row of the referenced table (present in
 *   the same file) or null. Bounded numbers must lie within their bounds.
 * - "projects" holds exactly one row. A missing table array is an empty
 *   table. Any member the format does not define is refused.
 *
 * Export writes tables in schema order (dependency order), rows sorted by id,
 * the members of a row in schema order, numbers in their shortest exact
 * form, two-space indentation and a final newline. Hence export, import and
 * export again give the same bytes. The writer is our own rather than
 * JsonGenerator because the latter prints every double with 17 digits
 * (19.99 becomes 19.989999999999998), which the bundled example plans,
 * edited by hand, cannot afford; reading goes through JsonParser.
 *
 * Import checks the whole file before touching the document, so a bad file
 * never starts an edit; it then replaces the plan inside one edit (delete
 * everything, one insert with a full values array per row), rolled back if
 * the document refuses anything. Errors name the JSON path of the culprit:
 * "$.products[3].price: expected a number". Before JsonParser sees the
 * text, ipms_json_check() refuses what JsonParser would silently change
 * (deep nesting, duplicate names, NULs, integers beyond 64 bits, trailing
 * text, text that is not UTF-8). Ids lie within 1 to IPMS_JSON_MAX_ID.
 *
 * Files appear whole or not at all (ipms-file-writer.h). A new project is
 * built in memory and its bytes written through an IpmsFileWriter that may
 * not replace: of two imports racing for one name exactly one wins, and a
 * process killed at any moment leaves either nothing or the complete
 * project. An export is written the same way and replaces its target.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ipms-document-private.h"
#include "ipms-file-writer.h"
#include "ipms-json.h"
#include "ipms-json-check.h"

G_DEFINE_QUARK (ipms-json-error-quark, ipms_json_error)

/* Export */

static void
append_string (GString    *out,
               const char *str)
{
  const char *run = str;
  const char *p;

  g_string_append_c (out, '"');

  /* Copy runs of characters that need no escape in one go. */
  for (p = str; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, run, p - run);
      run = p + 1;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          g_string_append_printf (out, "\\u%04x", c);
        }
    }

  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

/* printf is the slowest part of writing a large plan; ids and whole
 * numbers are most of its numbers. */
static void
append_int (GString *out,
            gint64   value)
{
  char buf[24];
  char *p = buf + sizeof buf;
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  do
    {
      *--p = (char) ('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude > 0);

  if (value < 0)
    *--p = '-';

  g_string_append_len (out, p, buf + sizeof buf - p);
}

static void
append_double (GString *out,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }

  /* Whole numbers print as integers ("-0" would come back as 0 and break
   * the round trip). Below 1e15 a double holds every integer exactly. */
  if (fabs (value) < 1e15 && value == (double) (gint64) value)
    {
      append_int (out, (gint64) value);
      return;
    }

  /* The shortest of the usual precisions that reads back exactly. */
  g_ascii_formatd (buf, sizeof buf, "%.15g", value);
  if (g_ascii_strtod (buf, NULL) != value)
    g_ascii_formatd (buf, sizeof buf, "%.17g", value);

  g_string_append (out, buf);
}

typedef struct
{
  GString         *out;
  const IpmsTable *table;
  guint            n_rows;
  GError          *error;
} Writer;

/* Only a damaged or hand-made file holds such values; writing them would
 * make JSON that is invalid or that no import takes back. */
static gboolean
refuse_row (Writer     *writer,
            gint64      id,
            const char *column,
            const char *reason)
{
  g_set_error (&writer->error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_CORRUPT,
               /* Translators: the first %s is a table, then a row id, then
                * a column, then what is wrong, e.g. “holds text that is
                * not valid UTF-8” */
               _("The project is damaged: table “%s”, row %lld, column “%s” %s"),
               writer->table->name, (long long) id, column, reason);
  return FALSE;
}

static gboolean
append_row (gint64        id,
            const GValue *values,
            gpointer      user_data)
{
  Writer *writer = user_data;
  GString *out = writer->out;

  if (id < 1 || id > IPMS_JSON_MAX_ID)
    return refuse_row (writer, id, "id", _("is outside the range of ids (1 to 2^53 - 1)"));

  g_string_append (out, writer->n_rows++ == 0 ? "\n" : ",\n");
  g_string_append (out, "    {\n      \"id\": ");
  append_int (out, id);

  for (guint c = 0; c < writer->table->n_columns; c++)
    {
      const GValue *value = &values[c];

      g_string_append (out, ",\n      ");
      append_string (out, writer->table->columns[c].name);
      g_string_append (out, ": ");

      /* G_TYPE_INT64 for integers and references, G_TYPE_DOUBLE for reals,
       * a string for the rest; unset for NULL. */
      /* The document reads a reference to a missing row as NULL; written
       * as such, the import would refuse the file. */
      if (!G_IS_VALUE (value) && (writer->table->columns[c].flags & IPMS_COLUMN_FLAG_REQUIRED))
        return refuse_row (writer, id, writer->table->columns[c].name,
                           _("is empty or refers to a row that is missing"));

      if (!G_IS_VALUE (value))
        g_string_append (out, "null");
      else if (G_VALUE_HOLDS_INT64 (value))
        append_int (out, g_value_get_int64 (value));
      else if (G_VALUE_HOLDS_DOUBLE (value))
        append_double (out, g_value_get_double (value));
      else if (G_VALUE_HOLDS_STRING (value) && g_value_get_string (value) != NULL)
        {
          const char *text = g_value_get_string (value);

          if (!g_utf8_validate (text, -1, NULL))
            return refuse_row (writer, id, writer->table->columns[c].name,
                               _("holds text that is not valid UTF-8"));

          append_string (out, text);
        }
      else
        g_string_append (out, "null");
    }

  g_string_append (out, "\n    }");

  return TRUE;
}

char *
ipms_json_export_data (IpmsDocument  *document,
                       gsize         *length,
                       GError       **error)
{
  const IpmsTable *tables;
  guint n_tables;
  GString *out;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  tables = ipms_schema_get_tables (&n_tables);

  /* Another process may commit an edit between two tables. */
  if (!ipms_document_begin_read (document, error))
    return NULL;

  out = g_string_sized_new (64 * 1024);

  g_string_append_printf (out, "{\n  \"format\": \"%s\",\n  \"version\": %d",
                          IPMS_JSON_FORMAT_NAME, IPMS_JSON_FORMAT_VERSION);

  for (guint t = 0; t < n_tables; t++)
    {
      Writer writer = { out, &tables[t], 0, NULL };

      g_string_append (out, ",\n  ");
      append_string (out, tables[t].plural);
      g_string_append (out, ": [");

      /* Straight from the file: an export must not leave a live record
       * behind for every row of the plan. */
      if (!ipms_document_foreach_row (document, tables[t].name, append_row, &writer, &writer.error) ||
          writer.error != NULL)
        {
          ipms_document_end_read (document);
          g_string_free (out, TRUE);
          g_propagate_error (error, writer.error);
          return NULL;
        }

      g_string_append (out, writer.n_rows > 0 ? "\n  ]" : "]");
    }

  ipms_document_end_read (document);
  g_string_append (out, "\n}\n");

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

/* Files */

/* Writes `data` to `path` whole or not at all (ipms-file-writer.h).
 * Without `replace`, fails with G_IO_ERROR_EXISTS if `path` exists. */
static gboolean
write_whole_file (const char  *path,
                  const char  *data,
                  gsize        length,
                  gboolean     replace,
                  GError     **error)
{
  g_autoptr(IpmsFileWriter) writer = ipms_file_writer_new (path, error);

  return writer != NULL &&
         ipms_file_writer_write (writer, data, length, error) &&
         ipms_file_writer_commit (writer, replace, error);
}

gboolean
ipms_json_export_file (IpmsDocument  *document,
                       const char    *path,
                       GError       **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!ipms_document_check_export_target (document, path, error))
    return FALSE;

  if (!(data = ipms_json_export_data (document, &length, error)))
    return FALSE;

  return write_whole_file (path, data, length, TRUE, error);
}

/* Import */

typedef struct
{
  const IpmsTable *table;
  guint            element;   /* index in the JSON array, for messages */
  gint64           id;
  GValue          *values;    /* table->n_columns */
} Row;

typedef struct
{
  GArray      *rows;          /* Row, tables in schema order */
  GHashTable **ids;           /* per table: set of gint64 ids */
  guint        n_tables;
} Plan;

static void
row_clear (gpointer data)
{
  Row *row = data;

  for (guint c = 0; c < row->table->n_columns; c++)
    if (G_IS_VALUE (&row->values[c]))
      g_value_unset (&row->values[c]);

  g_free (row->values);
}

static void
plan_free (Plan *plan)
{
  g_clear_pointer (&plan->rows, g_array_unref);

  for (guint t = 0; t < plan->n_tables; t++)
    g_clear_pointer (&plan->ids[t], g_hash_table_unref);

  g_free (plan->ids);
  g_free (plan);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Plan, plan_free)

/* Where a problem is, formatted as a JSON path only when there is one:
 * building the path for every member would cost more than reading it. */
typedef struct
{
  const char *table;     /* a table's plural, or NULL at the root */
  gint64      element;   /* index in the table's array, or -1 */
  const char *member;    /* a member of the element (or of the root), or NULL */
} Where;

static char *
where_to_path (const Where *where)
{
  GString *path = g_string_new ("$");

  if (where->table != NULL)
    g_string_append_printf (path, ".%s", where->table);
  if (where->element >= 0)
    g_string_append_printf (path, "[%" G_GINT64_FORMAT "]", where->element);
  /* An unknown member's name comes from the file: it may hold anything. */
  if (where->member != NULL)
    ipms_json_append_member (path, where->member, -1);

  return g_string_free (path, FALSE);
}

static gboolean G_GNUC_PRINTF (3, 4)
invalid (GError      **error,
         const Where  *where,
         const char   *format,
         ...)
{
  g_autofree char *path = where_to_path (where);
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: a location in a JSON file such as
   * “$.products[3].price”, then what is wrong there. */
  g_set_error (error, IPMS_JSON_ERROR, IPMS_JSON_ERROR_INVALID,
               _("%s: %s"), path, reason);

  return FALSE;
}

static const char *
node_kind (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT: return _("an object");
    case JSON_NODE_ARRAY:  return _("an array");
    case JSON_NODE_NULL:   return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:  return _("a string");
    case G_TYPE_BOOLEAN: return _("a boolean");
    case G_TYPE_DOUBLE:  return _("a number with a fraction or exponent");
    default:             return _("a number");
    }
}

static gboolean
node_is (JsonNode *node,
         GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
out_of_bounds (const IpmsColumn  *column,
               const char        *value_str,
               const Where       *where,
               GError           **error)
{
  char min_str[G_ASCII_DTOSTR_BUF_SIZE];
  char max_str[G_ASCII_DTOSTR_BUF_SIZE];

  /* Integer bounds in full: 2^62 is 4611686018427387904, not 4.6e+18. */
  g_ascii_formatd (min_str, sizeof min_str, column->type == IPMS_COLUMN_INTEGER ? "%.0f" : "%.15g", column->min);
  g_ascii_formatd (max_str, sizeof max_str, column->type == IPMS_COLUMN_INTEGER ? "%.0f" : "%.15g", column->max);

  return invalid (error, where, _("%s is out of range (%s to %s)"),
                  value_str, min_str, max_str);
}

static gboolean
check_bounds (const IpmsColumn  *column,
              double             value,
              const Where       *where,
              GError           **error)
{
  char value_str[G_ASCII_DTOSTR_BUF_SIZE];

  if (!(column->flags & IPMS_COLUMN_FLAG_BOUNDED) ||
      (value >= column->min && value <= column->max))
    return TRUE;

  g_ascii_formatd (value_str, sizeof value_str, "%.15g", value);

  return out_of_bounds (column, value_str, where, error);
}

/* Beyond 2^53 a double no longer holds every integer: 2^62 + 1 would pass
 * as 2^62. Where the conversion blurs them, compare as integers (the
 * schema's bounds are whole numbers below 2^63). */
static gboolean
check_int_bounds (const IpmsColumn  *column,
                  gint64             value,
                  const Where       *where,
                  GError           **error)
{
  char value_str[24];
  double as_double = (double) value;
  gboolean below, above;

  if (!(column->flags & IPMS_COLUMN_FLAG_BOUNDED))
    return TRUE;

  below = as_double < column->min || (as_double == column->min && value < (gint64) column->min);
  above = as_double > column->max || (as_double == column->max && value > (gint64) column->max);

  if (!below && !above)
    return TRUE;

  g_snprintf (value_str, sizeof value_str, "%" G_GINT64_FORMAT, value);

  return out_of_bounds (column, value_str, where, error);
}

/* Converts `node` (not null) into `value` for `column`. Strings are not
 * copied: the parser outlives the plan. */
static gboolean
read_column (const Plan        *plan,
             const IpmsColumn  *column,
             JsonNode          *node,
             const Where       *where,
             GValue            *value,
             GError           **error)
{
  switch (column->type)
    {
    case IPMS_COLUMN_INTEGER:
      {
        gint64 v;

        if (!node_is (node, G_TYPE_INT64))
          return invalid (error, where, _("expected an integer, found %s"), node_kind (node));

        v = json_node_get_int (node);
        if (!check_int_bounds (column, v, where, error))
          return FALSE;

        g_value_init (value, G_TYPE_INT64);
        g_value_set_int64 (value, v);
        return TRUE;
      }

    case IPMS_COLUMN_REAL:
      {
        double v;

        if (node_is (node, G_TYPE_INT64))
          v = (double) json_node_get_int (node);
        else if (node_is (node, G_TYPE_DOUBLE))
          v = json_node_get_double (node);
        else
          return invalid (error, where, _("expected a number, found %s"), node_kind (node));

        if (!isfinite (v))
          return invalid (error, where, _("expected a finite number"));

        if (!check_bounds (column, v, where, error))
          return FALSE;

        g_value_init (value, G_TYPE_DOUBLE);
        g_value_set_double (value, v);
        return TRUE;
      }

    case IPMS_COLUMN_REFERENCE:
      {
        const IpmsTable *tables;
        guint n_tables;
        gint64 v;
        int target;

        tables = ipms_schema_get_tables (&n_tables);
        target = (int) (ipms_schema_lookup_table (column->references) - tables);
        g_assert (target >= 0 && (guint) target < n_tables);

        if (!node_is (node, G_TYPE_INT64))
          return invalid (error, where, _("expected the id of a row of “%s”, found %s"),
                          tables[target].plural, node_kind (node));

        v = json_node_get_int (node);
        /* The schema lists tables in dependency order, so the ids of the
         * referenced table were all collected before this row. */
        if (plan->ids[target] == NULL || !g_hash_table_contains (plan->ids[target], &v))
          return invalid (error, where, _("no row of “%s” has the id %lld"),
                          tables[target].plural, (long long) v);

        g_value_init (value, G_TYPE_INT64);
        g_value_set_int64 (value, v);
        return TRUE;
      }

    case IPMS_COLUMN_DATE:
      {
        const char *v;

        if (!node_is (node, G_TYPE_STRING))
          return invalid (error, where, _("expected a date string “YYYY-MM-DD”, found %s"),
                          node_kind (node));

        v = json_node_get_string (node);
        if (!ipms_date_is_valid (v))
          {
            g_autofree char *shown = ipms_json_escape_for_message (v, -1, 40);

            return invalid (error, where, _("“%s” is not a valid date (expected YYYY-MM-DD)"), shown);
          }

        g_value_init (value, G_TYPE_STRING);
        g_value_set_static_string (value, v);
        return TRUE;
      }

    case IPMS_COLUMN_ENUM:
      {
        const char *v;

        if (!node_is (node, G_TYPE_STRING) ||
            !ipms_column_accepts_choice (column, (v = json_node_get_string (node))))
          {
            g_autofree char *choices = ipms_column_dup_choice_codes (column, ", ");

            return invalid (error, where, _("expected one of %s"), choices);
          }

        g_value_init (value, G_TYPE_STRING);
        g_value_set_static_string (value, v);
        return TRUE;
      }

    case IPMS_COLUMN_TEXT:
    default:
      if (!node_is (node, G_TYPE_STRING))
        return invalid (error, where, _("expected a string, found %s"), node_kind (node));

      g_value_init (value, G_TYPE_STRING);
      g_value_set_static_string (value, json_node_get_string (node));
      return TRUE;
    }
}

/* `columns` maps each column name of `table` to its index + 1; `members`
 * has room for one node per column. */
static gboolean
read_row (Plan             *plan,
          guint             table_index,
          const IpmsTable  *table,
          GHashTable       *columns,
          JsonNode        **members,
          guint             element,
          JsonNode         *node,
          GError          **error)
{
  Where where = { table->plural, element, NULL };
  JsonObject *object;
  JsonNode *id_node = NULL;
  JsonObjectIter iter;
  const char *member;
  JsonNode *member_node;
  Row row = { table, element, 0, NULL };

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, &where, _("expected an object, found %s"), node_kind (node));

  object = json_node_get_object (node);

  /* One pass over the members sorts them by column (the check refused
   * duplicate names): no search per column, and a member that names no
   * column is found here. */
  memset (members, 0, table->n_columns * sizeof *members);
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &member, &member_node))
    {
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (columns, member));

      if (index > 0)
        members[index - 1] = member_node;
      else if (strcmp (member, "id") == 0)
        id_node = member_node;
      else
        {
          where.member = member;
          return invalid (error, &where, _("unknown member"));
        }
    }

  if (id_node == NULL)
    return invalid (error, &where, _("the member “id” is missing"));

  where.member = "id";

  if (!node_is (id_node, G_TYPE_INT64) || json_node_get_int (id_node) < 1 ||
      json_node_get_int (id_node) > IPMS_JSON_MAX_ID)
    return invalid (error, &where, _("expected an integer id from 1 to %lld"),
                    (long long) IPMS_JSON_MAX_ID);

  row.id = json_node_get_int (id_node);

  if (g_hash_table_contains (plan->ids[table_index], &row.id))
    return invalid (error, &where, _("the id %lld is used twice"), (long long) row.id);

  row.values = g_new0 (GValue, table->n_columns);

  for (guint c = 0; c < table->n_columns; c++)
    {
      const IpmsColumn *column = &table->columns[c];
      JsonNode *value = members[c];

      where.member = column->name;

      if (value == NULL || JSON_NODE_HOLDS_NULL (value))
        {
          if (column->flags & IPMS_COLUMN_FLAG_REQUIRED)
            {
              row_clear (&row);
              return invalid (error, &where,
                              value == NULL ? _("required member missing")
                                            : _("required, must not be null"));
            }

          continue;
        }

      if (!read_column (plan, column, value, &where, &row.values[c], error))
        {
          row_clear (&row);
          return FALSE;
        }
    }

  g_hash_table_add (plan->ids[table_index], g_memdup2 (&row.id, sizeof row.id));
  g_array_append_val (plan->rows, row);

  return TRUE;
}

static Plan *
read_plan (JsonNode  *root,
           GError   **error)
{
  g_autoptr(Plan) plan = NULL;
  const IpmsTable *tables;
  JsonObject *object;
  JsonNode *format;
  JsonNode *version;
  JsonObjectIter iter;
  const char *member;
  JsonNode *member_node;
  g_autofree JsonNode **members = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, IPMS_JSON_ERROR, IPMS_JSON_ERROR_FORMAT,
                   _("Not an IPMS Planner plan: the file holds %s, not an object"),
                   node_kind (root));
      return NULL;
    }

  object = json_node_get_object (root);
  format = json_object_get_member (object, "format");

  if (format == NULL || !node_is (format, G_TYPE_STRING) ||
      strcmp (json_node_get_string (format), IPMS_JSON_FORMAT_NAME) != 0)
    {
      g_set_error (error, IPMS_JSON_ERROR, IPMS_JSON_ERROR_FORMAT,
                   _("Not an IPMS Planner plan: $.format is not “%s”"),
                   IPMS_JSON_FORMAT_NAME);
      return NULL;
    }

  version = json_object_get_member (object, "version");
  if (version == NULL || !node_is (version, G_TYPE_INT64) || json_node_get_int (version) < 1)
    {
      g_set_error (error, IPMS_JSON_ERROR, IPMS_JSON_ERROR_FORMAT,
                   _("Not an IPMS Planner plan: $.version is not a format version"));
      return NULL;
    }

  if (json_node_get_int (version) > IPMS_JSON_FORMAT_VERSION)
    {
      g_set_error (error, IPMS_JSON_ERROR, IPMS_JSON_ERROR_TOO_NEW,
                   _("This plan was written in format version %lld by a newer "
                     "IPMS Planner; this version reads up to version %d"),
                   (long long) json_node_get_int (version), IPMS_JSON_FORMAT_VERSION);
      return NULL;
    }

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &member, &member_node))
    {
      if (strcmp (member, "format") != 0 && strcmp (member, "version") != 0 &&
          ipms_schema_lookup_plural (member) == NULL)
        {
          Where where = { NULL, -1, member };

          invalid (error, &where, _("unknown member"));
          return NULL;
        }
    }

  plan = g_new0 (Plan, 1);
  tables = ipms_schema_get_tables (&plan->n_tables);
  plan->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_array_set_clear_func (plan->rows, row_clear);
  plan->ids = g_new0 (GHashTable *, plan->n_tables);

  for (guint t = 0; t < plan->n_tables; t++)
    {
      const IpmsTable *table = &tables[t];
      JsonNode *array_node = json_object_get_member (object, table->plural);
      g_autoptr(GHashTable) columns = NULL;
      JsonArray *array;
      guint n;

      plan->ids[t] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

      if (array_node == NULL)
        array = NULL;
      else if (JSON_NODE_HOLDS_ARRAY (array_node))
        array = json_node_get_array (array_node);
      else
        {
          Where where = { table->plural, -1, NULL };

          invalid (error, &where, _("expected an array, found %s"), node_kind (array_node));
          return NULL;
        }

      n = array != NULL ? json_array_get_length (array) : 0;

      if (strcmp (table->name, "project") == 0 && n != 1)
        {
          Where where = { table->plural, -1, NULL };

          invalid (error, &where, _("expected exactly one project, found %u"), n);
          return NULL;
        }

      columns = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint c = 0; c < table->n_columns; c++)
        g_hash_table_insert (columns, (gpointer) table->columns[c].name, GUINT_TO_POINTER (c + 1));
      members = g_renew (JsonNode *, members, MAX (table->n_columns, 1));

      for (guint i = 0; i < n; i++)
        if (!read_row (plan, t, table, columns, members, i, json_array_get_element (array, i), error))
          return NULL;

      g_clear_pointer (&columns, g_hash_table_unref);
    }

  return g_steal_pointer (&plan);
}

/* 64 MiB while importing (a 10,000-product plan takes about 30), SQLite's
 * default after. A cache that cannot grow only costs time. */
static void
set_import_cache (IpmsDocument *document,
                  gboolean      importing)
{
  sqlite3 *db = _ipms_document_get_db (document);

  if (db != NULL)
    sqlite3_exec (db, importing ? "PRAGMA cache_size = -65536" : "PRAGMA cache_size = -2000",
                  NULL, NULL, NULL);
}

struct _IpmsJsonImport
{
  /* The plan's strings point into the parser's tree. */
  JsonParser   *parser;
  Plan         *plan;
  IpmsDocument *document;   /* while writing */
  guint         next_row;
};

void
ipms_json_import_free (IpmsJsonImport *import)
{
  if (import == NULL)
    return;

  ipms_json_import_abort (import);
  g_clear_pointer (&import->plan, plan_free);
  g_clear_object (&import->parser);
  g_free (import);
}

IpmsJsonImport *
ipms_json_import_read_data (const char    *data,
                            gssize         length,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(IpmsJsonImport) import = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = (gssize) strlen (data);

  if (!ipms_json_check (data, (gsize) length, error))
    return NULL;

  /* The check skipped a byte order mark; JsonParser would not. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  /* json-glib's parser cannot be stopped: a cancellation is seen before
   * and after it. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  import = g_new0 (IpmsJsonImport, 1);
  import->parser = json_parser_new ();

  /* After the check JsonParser has nothing left to refuse; should it
   * anyway, its message may quote the input, so it is escaped. */
  if (!json_parser_load_from_data (import->parser, data, length, &local_error))
    {
      g_autofree char *message = ipms_json_escape_for_message (local_error->message, -1, 200);

      g_set_error (error, IPMS_JSON_ERROR, IPMS_JSON_ERROR_SYNTAX,
                   _("Not valid JSON: %s"), message);
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (!(import->plan = read_plan (json_parser_get_root (import->parser), error)))
    return NULL;

  return g_steal_pointer (&import);
}

guint
ipms_json_import_get_n_rows (IpmsJsonImport *import)
{
  g_return_val_if_fail (import != NULL, 0);

  return import->plan->rows->len;
}

guint
ipms_json_import_get_n_written (IpmsJsonImport *import)
{
  g_return_val_if_fail (import != NULL, 0);

  return import->next_row;
}

gboolean
ipms_json_import_begin (IpmsJsonImport  *import,
                        IpmsDocument    *document,
                        const char      *label,
                        GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (import->document == NULL, FALSE);
  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  if (!ipms_document_begin_edit (document, label, NULL, error))
    return FALSE;

  /* SQLite's default page cache (2 MiB) is smaller than a large plan: once
   * full, it writes pages out mid-transaction, each after the journal. */
  set_import_cache (document, TRUE);
  import->document = g_object_ref (document);
  import->next_row = 0;

  if (!ipms_document_delete_everything (document, &local_error))
    {
      ipms_json_import_abort (import);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

gboolean
ipms_json_import_write (IpmsJsonImport  *import,
                        guint            max_rows,
                        GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  guint end;

  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (import->document != NULL, FALSE);

  end = import->next_row + MIN (max_rows, import->plan->rows->len - import->next_row);

  for (; import->next_row < end; import->next_row++)
    {
      const Row *row = &g_array_index (import->plan->rows, Row, import->next_row);

      if (!_ipms_document_insert_checked (import->document, row->table, row->id, row->values, &local_error))
        {
          Where where = { row->table->plural, row->element, NULL };

          ipms_json_import_abort (import);

          /* A full disk is not the fault of the row being written. */
          if (!g_error_matches (local_error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_INVALID_VALUE))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }

          return invalid (error, &where, "%s", local_error->message);
        }
    }

  return TRUE;
}

gboolean
ipms_json_import_finish (IpmsJsonImport  *import,
                         GError         **error)
{
  g_autoptr(IpmsDocument) document = NULL;

  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (import->document != NULL, FALSE);

  if (!ipms_json_import_write (import, G_MAXUINT, error))
    return FALSE;

  document = g_steal_pointer (&import->document);

  if (!ipms_document_commit_edit (document, error))
    {
      set_import_cache (document, FALSE);
      return FALSE;
    }

  set_import_cache (document, FALSE);

  return TRUE;
}

void
ipms_json_import_abort (IpmsJsonImport *import)
{
  g_autoptr(IpmsDocument) document = NULL;

  g_return_if_fail (import != NULL);

  if (import->document == NULL)
    return;

  document = g_steal_pointer (&import->document);
  if (ipms_document_in_edit (document))
    ipms_document_rollback_edit (document);
  set_import_cache (document, FALSE);
}

gboolean
ipms_json_import_data (IpmsDocument  *document,
                       const char    *data,
                       gssize         length,
                       const char    *label,
                       GError       **error)
{
  g_autoptr(IpmsJsonImport) import = NULL;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return (import = ipms_json_import_read_data (data, length, NULL, error)) != NULL &&
         ipms_json_import_begin (import, document, label, error) &&
         ipms_json_import_finish (import, error);
}

static gboolean
read_error (GError     **error,
            const char  *path,
            int          code,
            const char  *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, code, _("Cannot read “%s”: %s"), display, reason);
  return FALSE;
}

/* Reads a whole regular file: a FIFO or a device would block or never
 * end. */
static char *
read_plan_file (const char  *path,
                gsize       *length,
                GError     **error)
{
  g_autoptr(GString) data = NULL;
  GStatBuf st;
  int fd;

  fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0)
    {
      int saved_errno = errno;

      read_error (error, path, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
      return NULL;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      read_error (error, path, G_IO_ERROR_NOT_REGULAR_FILE, _("not a regular file"));
      return NULL;
    }

  data = g_string_sized_new ((gsize) st.st_size + 1);

  for (;;)
    {
      char buffer[64 * 1024];
      gssize n = read (fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;

      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          read_error (error, path, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
          return NULL;
        }

      if (n == 0)
        break;

      g_string_append_len (data, buffer, n);
    }

  close (fd);
  *length = data->len;

  return g_string_free (g_steal_pointer (&data), FALSE);
}

IpmsJsonImport *
ipms_json_import_read_file (const char    *path,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!(data = read_plan_file (path, &length, error)))
    return NULL;

  return ipms_json_import_read_data (data, (gssize) length, cancellable, error);
}

gboolean
ipms_json_import_file (IpmsDocument  *document,
                       const char    *path,
                       const char    *label,
                       GError       **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(data = read_plan_file (path, &length, error)))
    return FALSE;

  return ipms_json_import_data (document, data, (gssize) length, label, error);
}

gboolean
ipms_json_create_project (const char  *json_path,
                          const char  *project_path,
                          GError     **error)
{
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *data = NULL;
  GStatBuf st;
  gsize length;

  g_return_val_if_fail (json_path != NULL, FALSE);
  g_return_val_if_fail (project_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Early, to spare reading a large plan; what makes it safe is the link
   * in write_whole_file(). A dangling symlink counts as existing. */
  if (g_lstat (project_path, &st) == 0)
    return ipms_file_set_error (error, project_path, EEXIST);

  if (!(data = read_plan_file (json_path, &length, error)))
    return FALSE;

  /* The plan replaces the project row, name included. The label names no
   * undo step: an unsaved document records none. */
  if (!(document = ipms_document_new_unsaved ("", error)) ||
      !ipms_json_import_data (document, data, (gssize) length, "Import", error))
    return FALSE;

  g_clear_pointer (&data, g_free);

  if (!(bytes = ipms_document_serialize (document, error)))
    return FALSE;

  ipms_document_close (document);

  return write_whole_file (project_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                           FALSE, error);
}
