/* ipms-baseline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A baseline is one row of ipms_baseline: a name, the time it was taken and
 * a snapshot of only what a review compares, as a GVariant compressed with
 * zlib (a 10,000-product plan takes a few hundred kilobytes). The table is
 * not one of the schema's, so the document's edit sessions never record it:
 * marking as reviewed is not an undo step, and undo never removes a
 * baseline. Snapshots come from untrusted files: GVariant reads any bytes
 * safely (a malformed one reads as empty), and inflating stops at a limit.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "ipms-baseline.h"
#include "ipms-document-private.h"

#define SNAPSHOT_VERSION 1
/* version, products, segments, yearly targets, project targets, series */
#define SNAPSHOT_TYPE "(ua(xsxsddssssx)a(xsxds)a(xxxddxd)(dd)a(xs))"
#define MAX_SNAPSHOT_BYTES (512 * 1024 * 1024)

G_STATIC_ASSERT (sizeof (gsize) >= sizeof (gint64));

void
ipms_baseline_info_free (IpmsBaselineInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->name);
  g_free (info->created);
  g_free (info);
}

static gboolean
sqlite_failed (sqlite3     *db,
               const char  *what,
               GError     **error)
{
  g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_FAILED,
               "%s: %s", what, db != NULL ? sqlite3_errmsg (db) : _("The project is closed."));
  return FALSE;
}

static sqlite3 *
get_db (IpmsDocument  *document,
        GError       **error)
{
  sqlite3 *db = _ipms_document_get_db (document);

  if (db == NULL)
    g_set_error_literal (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_FAILED,
                         _("The project is closed."));
  return db;
}

GPtrArray *
ipms_baseline_list (IpmsDocument  *document,
                    GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ipms_baseline_info_free);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);

  if (!(db = get_db (document, error)))
    return NULL;

  if (sqlite3_prepare_v2 (db, "SELECT id, name, created FROM ipms_baseline ORDER BY id DESC",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite_failed (db, _("Cannot read the review baselines"), error);
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IpmsBaselineInfo *info = g_new0 (IpmsBaselineInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      info->created = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (list, info);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      sqlite_failed (db, _("Cannot read the review baselines"), error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

gint64
ipms_baseline_find (IpmsDocument *document,
                    const char   *name)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  gint64 id = 0;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), 0);
  g_return_val_if_fail (name != NULL, 0);

  if (!(db = get_db (document, NULL)) ||
      sqlite3_prepare_v2 (db, "SELECT id FROM ipms_baseline WHERE name = ?1 ORDER BY id DESC LIMIT 1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return 0;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return id;
}

/* Snapshot */

static const char *
value_string (const GValue *values,
              int           column)
{
  const char *text = G_IS_VALUE (&values[column]) ? g_value_get_string (&values[column]) : NULL;

  return text != NULL ? text : "";
}

static gint64
value_int (const GValue *values,
           int           column,
           gint64        unset)
{
  return G_IS_VALUE (&values[column]) ? g_value_get_int64 (&values[column]) : unset;
}

static double
value_number (const GValue *values,
              int           column)
{
  if (!G_IS_VALUE (&values[column]))
    return NAN;

  if (G_VALUE_HOLDS_INT64 (&values[column]))
    return (double) g_value_get_int64 (&values[column]);

  return g_value_get_double (&values[column]);
}

/* Column positions, looked up once: a pass over 10,000 rows must not
 * search the schema for every value. */
typedef enum
{
  COL_AXIS_LABEL,
  COL_PRODUCT_NAME, COL_PRODUCT_SERIES, COL_PRODUCT_GRADE, COL_PRODUCT_PRICE, COL_PRODUCT_COST,
  COL_PRODUCT_STATUS, COL_PRODUCT_DEV_START, COL_PRODUCT_DEV_COMPLETE, COL_PRODUCT_LAUNCH,
  COL_PRODUCT_SEGMENT,
  COL_SEGMENT_NAME, COL_SEGMENT_X, COL_SEGMENT_Y, COL_SEGMENT_SIZE, COL_SEGMENT_VALUE, COL_SEGMENT_ROLE,
  COL_TARGET_YEAR, COL_TARGET_SERIES, COL_TARGET_SALES, COL_TARGET_MARGIN, COL_TARGET_RANKING,
  COL_TARGET_AWARENESS,
  COL_SERIES_NAME,
  COL_PROJECT_REVENUE, COL_PROJECT_MARGIN,
  N_COLS
} Col;

static const struct { const char *table; const char *column; } col_names[N_COLS] = {
  { "axis_item", "label" },
  { "product", "name" }, { "product", "series_id" }, { "product", "grade" }, { "product", "price" },
  { "product", "cost" }, { "product", "status" }, { "product", "dev_start" }, { "product", "dev_complete" },
  { "product", "launch_date" }, { "product", "segment_id" },
  { "segment", "name" }, { "segment", "x_item_id" }, { "segment", "y_item_id" }, { "segment", "size" },
  { "segment", "market_value" }, { "segment", "role" },
  { "yearly_target", "year" }, { "yearly_target", "series_id" }, { "yearly_target", "sales" },
  { "yearly_target", "margin" }, { "yearly_target", "ranking" }, { "yearly_target", "brand_awareness" },
  { "series", "name" },
  { "project", "net_revenue_target" }, { "project", "gross_margin_target" },
};

static int
col (Col which)
{
  static int positions[N_COLS];
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < N_COLS; i++)
        {
          positions[i] = ipms_table_find_column (ipms_schema_lookup_table (col_names[i].table), col_names[i].column);
          g_assert (positions[i] >= 0);
        }
      g_once_init_leave (&initialized, 1);
    }

  return positions[which];
}

typedef struct
{
  GVariantBuilder *builder;
  GHashTable      *axis_labels;   /* gint64* id → label, for segment labels */
} SnapshotData;

static gboolean
add_axis_label (gint64        id,
                const GValue *values,
                gpointer      user_data)
{
  SnapshotData *data = user_data;

  g_hash_table_insert (data->axis_labels, g_memdup2 (&id, sizeof id),
                       g_strdup (value_string (values, col (COL_AXIS_LABEL))));
  return TRUE;
}

static gboolean
add_product (gint64        id,
             const GValue *values,
             gpointer      user_data)
{
  SnapshotData *data = user_data;

  g_variant_builder_add (data->builder, "(xsxsddssssx)", id,
                         value_string (values, col (COL_PRODUCT_NAME)),
                         value_int (values, col (COL_PRODUCT_SERIES), 0),
                         value_string (values, col (COL_PRODUCT_GRADE)),
                         value_number (values, col (COL_PRODUCT_PRICE)),
                         value_number (values, col (COL_PRODUCT_COST)),
                         value_string (values, col (COL_PRODUCT_STATUS)),
                         value_string (values, col (COL_PRODUCT_DEV_START)),
                         value_string (values, col (COL_PRODUCT_DEV_COMPLETE)),
                         value_string (values, col (COL_PRODUCT_LAUNCH)),
                         value_int (values, col (COL_PRODUCT_SEGMENT), 0));
  return TRUE;
}

/* A segment is known by its name, or else by its two axis items. */
static char *
segment_label (SnapshotData *data,
               const GValue *values)
{
  const char *name = value_string (values, col (COL_SEGMENT_NAME));
  gint64 x_id = value_int (values, col (COL_SEGMENT_X), 0);
  gint64 y_id = value_int (values, col (COL_SEGMENT_Y), 0);
  const char *x_label, *y_label;

  if (*name != '\0')
    return g_strdup (name);

  x_label = g_hash_table_lookup (data->axis_labels, &x_id);
  y_label = g_hash_table_lookup (data->axis_labels, &y_id);

  return g_strdup_printf ("%s · %s", y_label != NULL ? y_label : "?", x_label != NULL ? x_label : "?");
}

static gboolean
add_segment (gint64        id,
             const GValue *values,
             gpointer      user_data)
{
  SnapshotData *data = user_data;
  g_autofree char *label = segment_label (data, values);

  g_variant_builder_add (data->builder, "(xsxds)", id, label,
                         value_int (values, col (COL_SEGMENT_SIZE), -1),
                         value_number (values, col (COL_SEGMENT_VALUE)),
                         value_string (values, col (COL_SEGMENT_ROLE)));
  return TRUE;
}

static gboolean
add_target (gint64        id,
            const GValue *values,
            gpointer      user_data)
{
  SnapshotData *data = user_data;

  g_variant_builder_add (data->builder, "(xxxddxd)", id,
                         value_int (values, col (COL_TARGET_YEAR), 0),
                         value_int (values, col (COL_TARGET_SERIES), 0),
                         value_number (values, col (COL_TARGET_SALES)),
                         value_number (values, col (COL_TARGET_MARGIN)),
                         value_int (values, col (COL_TARGET_RANKING), -1),
                         value_number (values, col (COL_TARGET_AWARENESS)));
  return TRUE;
}

static gboolean
add_series (gint64        id,
            const GValue *values,
            gpointer      user_data)
{
  SnapshotData *data = user_data;

  g_variant_builder_add (data->builder, "(xs)", id, value_string (values, col (COL_SERIES_NAME)));
  return TRUE;
}

static gboolean
add_project (gint64        id,
             const GValue *values,
             gpointer      user_data)
{
  double *targets = user_data;

  targets[0] = value_number (values, col (COL_PROJECT_REVENUE));
  targets[1] = value_number (values, col (COL_PROJECT_MARGIN));
  return FALSE;
}

/* One read transaction: another program's edit cannot slip in between two
 * tables. NULL when the file could not be read to the end. */
static GVariant *
take_snapshot (IpmsDocument  *document,
               GError       **error)
{
  g_autoptr(GHashTable) axis_labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GVariantBuilder products, segments, targets, series;
  double project_targets[2] = { NAN, NAN };
  SnapshotData data = { NULL, axis_labels };
  gboolean ok;

  if (!ipms_document_begin_read (document, error))
    return NULL;

  g_variant_builder_init (&products, G_VARIANT_TYPE ("a(xsxsddssssx)"));
  g_variant_builder_init (&segments, G_VARIANT_TYPE ("a(xsxds)"));
  g_variant_builder_init (&targets, G_VARIANT_TYPE ("a(xxxddxd)"));
  g_variant_builder_init (&series, G_VARIANT_TYPE ("a(xs)"));

  ok = ipms_document_foreach_row (document, "axis_item", add_axis_label, &data, error) &&
       (data.builder = &products,
        ipms_document_foreach_row (document, "product", add_product, &data, error)) &&
       (data.builder = &segments,
        ipms_document_foreach_row (document, "segment", add_segment, &data, error)) &&
       (data.builder = &targets,
        ipms_document_foreach_row (document, "yearly_target", add_target, &data, error)) &&
       (data.builder = &series,
        ipms_document_foreach_row (document, "series", add_series, &data, error)) &&
       ipms_document_foreach_row (document, "project", add_project, project_targets, error);

  ipms_document_end_read (document);

  if (!ok)
    {
      g_variant_builder_clear (&products);
      g_variant_builder_clear (&segments);
      g_variant_builder_clear (&targets);
      g_variant_builder_clear (&series);
      return NULL;
    }

  return g_variant_ref_sink (g_variant_new ("(ua(xsxsddssssx)a(xsxds)a(xxxddxd)(dd)a(xs))",
                                            SNAPSHOT_VERSION, &products, &segments, &targets,
                                            project_targets[0], project_targets[1], &series));
}

static GBytes *
convert (GConverter  *converter,
         GBytes      *input,
         GError     **error)
{
  g_autoptr(GInputStream) source = g_memory_input_stream_new_from_bytes (input);
  g_autoptr(GInputStream) converted = g_converter_input_stream_new (source, converter);
  g_autoptr(GByteArray) output = g_byte_array_new ();
  guint8 buffer[64 * 1024];
  gssize n;

  while ((n = g_input_stream_read (converted, buffer, sizeof buffer, NULL, error)) > 0)
    {
      if (output->len + (gsize) n > MAX_SNAPSHOT_BYTES)
        {
          g_set_error_literal (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_CORRUPT,
                               _("The review baseline is too large to read"));
          return NULL;
        }
      g_byte_array_append (output, buffer, (guint) n);
    }

  if (n < 0)
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&output));
}

gint64
ipms_baseline_store (IpmsDocument  *document,
                     const char    *name,
                     GError       **error)
{
  g_autoptr(GVariant) snapshot = NULL;
  g_autoptr(GBytes) raw = NULL;
  g_autoptr(GBytes) packed = NULL;
  g_autoptr(GZlibCompressor) compressor = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *created = NULL;
  g_autofree char *trimmed = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), 0);
  g_return_val_if_fail (name != NULL, 0);

  trimmed = g_strstrip (g_strdup (name));
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_INVALID_VALUE,
                           _("A review baseline needs a name"));
      return 0;
    }

  if (!(db = get_db (document, error)))
    return 0;

  /* An edit's transaction could still be rolled back, and the baseline with it. */
  if (ipms_document_in_edit (document))
    {
      g_set_error_literal (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_FAILED,
                           "A baseline cannot be stored during an edit");
      return 0;
    }

  if (!(snapshot = take_snapshot (document, error)))
    return 0;
  raw = g_variant_get_data_as_bytes (snapshot);
  compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 6);
  if (!(packed = convert (G_CONVERTER (compressor), raw, error)))
    return 0;

  now = g_date_time_new_now_utc ();
  created = g_date_time_format_iso8601 (now);

  if (sqlite3_prepare_v2 (db, "INSERT INTO ipms_baseline (name, created, snapshot) VALUES (?1, ?2, ?3)",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite_failed (db, _("Cannot store the review baseline"), error);
      return 0;
    }

  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, created, -1, SQLITE_STATIC);
  sqlite3_bind_blob64 (stmt, 3, g_bytes_get_data (packed, NULL), g_bytes_get_size (packed), SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      sqlite_failed (db, _("Cannot store the review baseline"), error);
      return 0;
    }

  return sqlite3_last_insert_rowid (db);
}

gboolean
ipms_baseline_remove (IpmsDocument  *document,
                      gint64         id,
                      GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), FALSE);

  if (!(db = get_db (document, error)))
    return FALSE;

  if (sqlite3_prepare_v2 (db, "DELETE FROM ipms_baseline WHERE id = ?1", -1, &stmt, NULL) != SQLITE_OK)
    return sqlite_failed (db, _("Cannot remove the review baseline"), error);

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return sqlite_failed (db, _("Cannot remove the review baseline"), error);

  if (sqlite3_changes (db) == 0)
    {
      g_set_error_literal (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_NO_SUCH_ROW,
                           _("That review baseline no longer exists"));
      return FALSE;
    }

  return TRUE;
}

/* Comparison */

typedef struct
{
  gint64      id;
  const char *name;
  gint64      series_id;
  const char *grade;
  double      price;
  double      cost;
  const char *status;
  const char *dev_start;
  const char *dev_complete;
  const char *launch_date;
  gint64      segment_id;
} Product;

struct _IpmsBaselineComparison
{
  char       *name;
  char       *created;
  GVariant   *snapshot;       /* baseline strings point into it */
  GArray     *products;       /* Product, the baseline's */
  /* id → position in products + 1; ids are row ids, which fit a pointer
   * on the 64-bit platforms this builds for (checked below), so no key
   * is allocated. */
  GHashTable *product_index;
  GArray     *changes;        /* IpmsChange */
};

void
ipms_baseline_comparison_free (IpmsBaselineComparison *comparison)
{
  if (comparison == NULL)
    return;

  g_free (comparison->name);
  g_free (comparison->created);
  g_clear_pointer (&comparison->snapshot, g_variant_unref);
  g_clear_pointer (&comparison->products, g_array_unref);
  g_clear_pointer (&comparison->product_index, g_hash_table_unref);
  g_clear_pointer (&comparison->changes, g_array_unref);
  g_free (comparison);
}

static void
change_clear (gpointer data)
{
  IpmsChange *change = data;

  g_free (change->subject);
  g_free (change->before);
  g_free (change->after);
}

static gboolean
same_number (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

static void
add_change (IpmsBaselineComparison *self,
            IpmsChangeKind          kind,
            gint64                  id,
            const char             *subject,
            const char             *field,
            const char             *before,
            const char             *after,
            double                  old_number,
            double                  new_number,
            int                     weeks)
{
  IpmsChange change = { kind, id, g_strdup (subject), field,
                        g_strdup (before != NULL ? before : ""), g_strdup (after != NULL ? after : ""),
                        old_number, new_number, weeks };

  g_array_append_val (self->changes, change);
}

/* Days from `a` to `b`, both "YYYY-MM-DD"; FALSE when either is unset. */
static gboolean
days_between (const char *a,
              const char *b,
              int        *days)
{
  GDate da, db;

  if (!ipms_date_is_valid (a) || !ipms_date_is_valid (b))
    return FALSE;

  g_date_clear (&da, 1);
  g_date_clear (&db, 1);
  g_date_set_dmy (&da, atoi (a + 8), atoi (a + 5), atoi (a));
  g_date_set_dmy (&db, atoi (b + 8), atoi (b + 5), atoi (b));
  *days = g_date_days_between (&da, &db);
  return TRUE;
}

static int
weeks_of (int days)
{
  return (int) lround (days / 7.0);
}

typedef struct
{
  IpmsBaselineComparison *self;
  GHashTable             *old_segments;   /* gint64* → const char* label */
  GHashTable             *new_segments;   /* gint64* → char* label */
  guint8                 *seen;           /* per baseline product: still present */
  SnapshotData            snapshot_data;
} CompareData;

static void
compare_product (CompareData   *data,
                 const Product *old,
                 const Product *now)
{
  IpmsBaselineComparison *self = data->self;
  int days;

  if (old->segment_id != now->segment_id)
    add_change (self, IPMS_CHANGE_PRODUCT_MOVED, now->id, now->name, NULL,
                g_hash_table_lookup (data->old_segments, &old->segment_id),
                g_hash_table_lookup (data->new_segments, &now->segment_id), NAN, NAN, 0);

  if (g_strcmp0 (old->launch_date, now->launch_date) != 0)
    add_change (self, IPMS_CHANGE_PRODUCT_LAUNCH, now->id, now->name, NULL,
                old->launch_date, now->launch_date, NAN, NAN,
                days_between (old->launch_date, now->launch_date, &days) ? weeks_of (days) : 0);

  if (g_strcmp0 (old->dev_start, now->dev_start) != 0 ||
      g_strcmp0 (old->dev_complete, now->dev_complete) != 0)
    {
      g_autofree char *before = g_strdup_printf ("%s – %s", old->dev_start, old->dev_complete);
      g_autofree char *after = g_strdup_printf ("%s – %s", now->dev_start, now->dev_complete);
      int weeks = 0;

      /* The start's shift, or the end's when only the end moved. */
      if (days_between (old->dev_start, now->dev_start, &days) && days != 0)
        weeks = weeks_of (days);
      else if (days_between (old->dev_complete, now->dev_complete, &days))
        weeks = weeks_of (days);

      add_change (self, IPMS_CHANGE_PRODUCT_DEVELOPMENT, now->id, now->name, NULL,
                  before, after, NAN, NAN, weeks);
    }

  if (!same_number (old->price, now->price))
    add_change (self, IPMS_CHANGE_PRODUCT_PRICE, now->id, now->name, "price",
                NULL, NULL, old->price, now->price, 0);

  if (!same_number (old->cost, now->cost))
    add_change (self, IPMS_CHANGE_PRODUCT_COST, now->id, now->name, "cost",
                NULL, NULL, old->cost, now->cost, 0);

  if (g_strcmp0 (old->grade, now->grade) != 0)
    add_change (self, IPMS_CHANGE_PRODUCT_GRADE, now->id, now->name, NULL,
                old->grade, now->grade, NAN, NAN, 0);

  if (g_strcmp0 (old->status, now->status) != 0)
    add_change (self, IPMS_CHANGE_PRODUCT_STATUS, now->id, now->name, NULL,
                old->status, now->status, NAN, NAN, 0);
}

static gboolean
compare_current_product (gint64        id,
                         const GValue *values,
                         gpointer      user_data)
{
  CompareData *data = user_data;
  IpmsBaselineComparison *self = data->self;
  gpointer position;
  /* The strings live only for this call, which is all compare_product()
   * needs: it copies what it keeps. */
  Product now = {
    id,
    value_string (values, col (COL_PRODUCT_NAME)),
    value_int (values, col (COL_PRODUCT_SERIES), 0),
    value_string (values, col (COL_PRODUCT_GRADE)),
    value_number (values, col (COL_PRODUCT_PRICE)),
    value_number (values, col (COL_PRODUCT_COST)),
    value_string (values, col (COL_PRODUCT_STATUS)),
    value_string (values, col (COL_PRODUCT_DEV_START)),
    value_string (values, col (COL_PRODUCT_DEV_COMPLETE)),
    value_string (values, col (COL_PRODUCT_LAUNCH)),
    value_int (values, col (COL_PRODUCT_SEGMENT), 0),
  };

  position = g_hash_table_lookup (self->product_index, GSIZE_TO_POINTER ((gsize) id));
  if (position == NULL)
    add_change (self, IPMS_CHANGE_PRODUCT_ADDED, id, now.name, NULL,
                NULL, g_hash_table_lookup (data->new_segments, &now.segment_id), NAN, NAN, 0);
  else
    {
      data->seen[GPOINTER_TO_UINT (position) - 1] = 1;
      compare_product (data, &g_array_index (self->products, Product, GPOINTER_TO_UINT (position) - 1), &now);
    }

  return TRUE;
}

static gboolean
collect_segment (gint64        id,
                 const GValue *values,
                 gpointer      user_data)
{
  CompareData *data = user_data;

  g_hash_table_insert (data->new_segments, g_memdup2 (&id, sizeof id),
                       segment_label (&data->snapshot_data, values));
  return TRUE;
}

typedef struct
{
  CompareData *data;
  GVariant    *old_segments;   /* a(xsxds) */
  GHashTable  *old_index;      /* gint64* → position + 1 */
} SegmentCompare;

static gboolean
compare_current_segment (gint64        id,
                         const GValue *values,
                         gpointer      user_data)
{
  SegmentCompare *compare = user_data;
  IpmsBaselineComparison *self = compare->data->self;
  gpointer position = g_hash_table_lookup (compare->old_index, &id);
  const char *label = g_hash_table_lookup (compare->data->new_segments, &id);
  const char *old_label, *old_role;
  gint64 old_id, old_size, size;
  double old_value;

  if (position == NULL)
    return TRUE;

  g_variant_get_child (compare->old_segments, GPOINTER_TO_UINT (position) - 1, "(x&sxd&s)",
                       &old_id, &old_label, &old_size, &old_value, &old_role);
  size = value_int (values, col (COL_SEGMENT_SIZE), -1);

  if (size != old_size)
    add_change (self, IPMS_CHANGE_SEGMENT_SIZE, id, label, "size", NULL, NULL,
                old_size < 0 ? NAN : (double) old_size, size < 0 ? NAN : (double) size, 0);

  if (g_strcmp0 (old_role, value_string (values, col (COL_SEGMENT_ROLE))) != 0)
    add_change (self, IPMS_CHANGE_SEGMENT_ROLE, id, label, NULL,
                old_role, value_string (values, col (COL_SEGMENT_ROLE)), NAN, NAN, 0);

  return TRUE;
}

typedef struct
{
  CompareData *data;
  GVariant    *old_targets;    /* a(xxxddxd) */
  GHashTable  *old_index;
  GHashTable  *series_names;   /* gint64* → const char* */
} TargetCompare;

static const char * const target_fields[] = { "sales", "margin", "ranking", "brand_awareness" };
static const char * const project_target_fields[] = { "net_revenue_target", "gross_margin_target" };

static void
compare_target_numbers (IpmsBaselineComparison *self,
                        gint64                  id,
                        const char             *subject,
                        const double           *old_numbers,
                        const double           *new_numbers)
{
  for (guint f = 0; f < G_N_ELEMENTS (target_fields); f++)
    if (!same_number (old_numbers[f], new_numbers[f]))
      add_change (self, IPMS_CHANGE_TARGET, id, subject, target_fields[f],
                  NULL, NULL, old_numbers[f], new_numbers[f], 0);
}

static gboolean
compare_current_target (gint64        id,
                        const GValue *values,
                        gpointer      user_data)
{
  TargetCompare *compare = user_data;
  gpointer position = g_hash_table_lookup (compare->old_index, &id);
  gint64 year = value_int (values, col (COL_TARGET_YEAR), 0);
  gint64 series_id = value_int (values, col (COL_TARGET_SERIES), 0);
  const char *series = g_hash_table_lookup (compare->series_names, &series_id);
  g_autofree char *subject = NULL;
  double old_numbers[4] = { NAN, NAN, NAN, NAN };
  double new_numbers[4];
  gint64 ranking = value_int (values, col (COL_TARGET_RANKING), -1);

  new_numbers[0] = value_number (values, col (COL_TARGET_SALES));
  new_numbers[1] = value_number (values, col (COL_TARGET_MARGIN));
  new_numbers[2] = ranking < 0 ? NAN : (double) ranking;
  new_numbers[3] = value_number (values, col (COL_TARGET_AWARENESS));

  if (position != NULL)
    {
      gint64 old_id, old_year, old_series, old_ranking;

      g_variant_get_child (compare->old_targets, GPOINTER_TO_UINT (position) - 1, "(xxxddxd)",
                           &old_id, &old_year, &old_series, &old_numbers[0], &old_numbers[1],
                           &old_ranking, &old_numbers[3]);
      old_numbers[2] = old_ranking < 0 ? NAN : (double) old_ranking;
      g_hash_table_remove (compare->old_index, &id);
    }

  if (series != NULL && *series != '\0')
    subject = g_strdup_printf ("%" G_GINT64_FORMAT " · %s", year, series);
  else
    subject = g_strdup_printf ("%" G_GINT64_FORMAT, year);

  compare_target_numbers (compare->data->self, id, subject, old_numbers, new_numbers);
  return TRUE;
}

static GHashTable *
index_ids (GVariant *array)
{
  GHashTable *index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gsize n = g_variant_n_children (array);

  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) element = g_variant_get_child_value (array, i);
      g_autoptr(GVariant) id_value = g_variant_get_child_value (element, 0);
      gint64 id = g_variant_get_int64 (id_value);

      g_hash_table_insert (index, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER ((guint) i + 1));
    }

  return index;
}

static int
change_group (IpmsChangeKind kind)
{
  if (kind <= IPMS_CHANGE_PRODUCT_STATUS)
    return 0;
  if (kind <= IPMS_CHANGE_SEGMENT_ROLE)
    return 1;
  return 2;
}

static int
compare_changes (gconstpointer a,
                 gconstpointer b)
{
  const IpmsChange *ca = a, *cb = b;
  int order;

  if (change_group (ca->kind) != change_group (cb->kind))
    return change_group (ca->kind) - change_group (cb->kind);

  if ((order = strcmp (ca->subject, cb->subject)) != 0)
    return order;

  if (ca->id != cb->id)
    return ca->id < cb->id ? -1 : 1;

  return (int) ca->kind - (int) cb->kind;
}

static GVariant *
load_snapshot (sqlite3      *db,
               gint64        id,
               char        **name,
               char        **created,
               GError      **error)
{
  g_autoptr(GBytes) packed = NULL;
  g_autoptr(GBytes) raw = NULL;
  g_autoptr(GZlibDecompressor) decompressor = NULL;
  g_autoptr(GVariant) snapshot = NULL;
  sqlite3_stmt *stmt = NULL;
  guint32 version;

  if (sqlite3_prepare_v2 (db, "SELECT name, created, snapshot FROM ipms_baseline WHERE id = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite_failed (db, _("Cannot read the review baseline"), error);
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      g_set_error_literal (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_NO_SUCH_ROW,
                           _("That review baseline no longer exists"));
      return NULL;
    }

  *name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  *created = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  packed = g_bytes_new (sqlite3_column_blob (stmt, 2), (gsize) sqlite3_column_bytes (stmt, 2));
  sqlite3_finalize (stmt);

  decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
  if (!(raw = convert (G_CONVERTER (decompressor), packed, error)))
    return NULL;

  snapshot = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (SNAPSHOT_TYPE), raw, FALSE));
  g_variant_get_child (snapshot, 0, "u", &version);
  if (version != SNAPSHOT_VERSION)
    {
      g_set_error_literal (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_CORRUPT,
                           _("The review baseline is damaged or from another version"));
      return NULL;
    }

  return g_steal_pointer (&snapshot);
}

IpmsBaselineComparison *
ipms_baseline_compare (IpmsDocument  *document,
                       gint64         id,
                       GError       **error)
{
  g_autoptr(IpmsBaselineComparison) self = NULL;
  g_autoptr(GVariant) products = NULL;
  g_autoptr(GVariant) segments = NULL;
  g_autoptr(GVariant) targets = NULL;
  g_autoptr(GVariant) series = NULL;
  g_autoptr(GHashTable) axis_labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) old_segments = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) new_segments = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autofree guint8 *seen = NULL;
  g_autoptr(GHashTable) series_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  CompareData data = { NULL, old_segments, new_segments, seen, { NULL, axis_labels } };
  double old_project[2], new_project[2] = { NAN, NAN };
  sqlite3 *db;
  gsize n;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);

  if (!(db = get_db (document, error)))
    return NULL;

  self = g_new0 (IpmsBaselineComparison, 1);
  if (!(self->snapshot = load_snapshot (db, id, &self->name, &self->created, error)))
    return NULL;

  self->changes = g_array_new (FALSE, FALSE, sizeof (IpmsChange));
  g_array_set_clear_func (self->changes, change_clear);
  data.self = self;

  products = g_variant_get_child_value (self->snapshot, 1);
  segments = g_variant_get_child_value (self->snapshot, 2);
  targets = g_variant_get_child_value (self->snapshot, 3);
  g_variant_get_child (self->snapshot, 4, "(dd)", &old_project[0], &old_project[1]);
  series = g_variant_get_child_value (self->snapshot, 5);

  n = g_variant_n_children (products);
  self->products = g_array_sized_new (FALSE, FALSE, sizeof (Product), (guint) n);
  self->product_index = g_hash_table_new (g_direct_hash, g_direct_equal);
  {
    GVariantIter iter;
    Product p;

    g_variant_iter_init (&iter, products);
    while (g_variant_iter_next (&iter, "(x&sx&sdd&s&s&s&sx)", &p.id, &p.name, &p.series_id, &p.grade,
                                &p.price, &p.cost, &p.status, &p.dev_start, &p.dev_complete,
                                &p.launch_date, &p.segment_id))
      {
        g_array_append_val (self->products, p);
        g_hash_table_insert (self->product_index, GSIZE_TO_POINTER ((gsize) p.id),
                             GUINT_TO_POINTER ((guint) self->products->len));
      }
  }
  seen = g_new0 (guint8, MAX (1, self->products->len));
  data.seen = seen;

  n = g_variant_n_children (segments);
  for (gsize i = 0; i < n; i++)
    {
      const char *label;
      gint64 segment_id;

      g_variant_get_child (segments, i, "(x&sxds)", &segment_id, &label, NULL, NULL, NULL);
      g_hash_table_insert (old_segments, g_memdup2 (&segment_id, sizeof segment_id), (gpointer) label);
    }

  /* One read transaction, as the baseline's own snapshot was taken. */
  if (!ipms_document_begin_read (document, error))
    return NULL;

  if (!ipms_document_foreach_row (document, "axis_item", add_axis_label, &data.snapshot_data, error) ||
      !ipms_document_foreach_row (document, "segment", collect_segment, &data, error))
    goto read_failed;

  /* Products */
  if (!ipms_document_foreach_row (document, "product", compare_current_product, &data, error))
    goto read_failed;
  for (guint i = 0; i < self->products->len; i++)
    {
      const Product *old = &g_array_index (self->products, Product, i);

      if (!seen[i])
        add_change (self, IPMS_CHANGE_PRODUCT_REMOVED, old->id, old->name, NULL,
                    g_hash_table_lookup (old_segments, &old->segment_id), NULL, NAN, NAN, 0);
    }

  /* Segments */
  {
    g_autoptr(GHashTable) index = index_ids (segments);
    SegmentCompare compare = { &data, segments, index };

    if (!ipms_document_foreach_row (document, "segment", compare_current_segment, &compare, error))
      goto read_failed;
  }

  /* Targets: the plan's own, then each year's. */
  if (!ipms_document_foreach_row (document, "project", add_project, new_project, error))
    goto read_failed;
  for (guint f = 0; f < G_N_ELEMENTS (project_target_fields); f++)
    if (!same_number (old_project[f], new_project[f]))
      add_change (self, IPMS_CHANGE_TARGET, 0, "", project_target_fields[f],
                  NULL, NULL, old_project[f], new_project[f], 0);

  n = g_variant_n_children (series);
  for (gsize i = 0; i < n; i++)
    {
      const char *name;
      gint64 series_id;

      g_variant_get_child (series, i, "(x&s)", &series_id, &name);
      g_hash_table_insert (series_names, g_memdup2 (&series_id, sizeof series_id), (gpointer) name);
    }

  {
    g_autoptr(GHashTable) index = index_ids (targets);
    TargetCompare compare = { &data, targets, index, series_names };
    GHashTableIter iter;
    gpointer key, value;

    if (!ipms_document_foreach_row (document, "yearly_target", compare_current_target, &compare, error))
      goto read_failed;

    /* What is left of the index was removed since. */
    g_hash_table_iter_init (&iter, index);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        gint64 target_id, year, series_id, ranking;
        double old_numbers[4];
        double none[4] = { NAN, NAN, NAN, NAN };
        const char *series_name;
        g_autofree char *subject = NULL;

        g_variant_get_child (targets, GPOINTER_TO_UINT (value) - 1, "(xxxddxd)", &target_id, &year,
                             &series_id, &old_numbers[0], &old_numbers[1], &ranking, &old_numbers[3]);
        old_numbers[2] = ranking < 0 ? NAN : (double) ranking;
        series_name = g_hash_table_lookup (series_names, &series_id);
        subject = series_name != NULL && *series_name != '\0'
          ? g_strdup_printf ("%" G_GINT64_FORMAT " · %s", year, series_name)
          : g_strdup_printf ("%" G_GINT64_FORMAT, year);
        compare_target_numbers (self, target_id, subject, old_numbers, none);
      }
  }

  ipms_document_end_read (document);
  g_array_sort (self->changes, compare_changes);

  return g_steal_pointer (&self);

read_failed:
  ipms_document_end_read (document);
  return NULL;
}

const char *
ipms_baseline_comparison_get_name (IpmsBaselineComparison *comparison)
{
  return comparison->name;
}

const char *
ipms_baseline_comparison_get_created (IpmsBaselineComparison *comparison)
{
  return comparison->created;
}

guint
ipms_baseline_comparison_get_n_changes (IpmsBaselineComparison *comparison)
{
  return comparison->changes->len;
}

const IpmsChange *
ipms_baseline_comparison_get_change (IpmsBaselineComparison *comparison,
                                     guint                   index)
{
  g_return_val_if_fail (index < comparison->changes->len, NULL);

  return &g_array_index (comparison->changes, IpmsChange, index);
}

gboolean
ipms_baseline_comparison_lookup_product (IpmsBaselineComparison  *comparison,
                                         gint64                   product_id,
                                         const char             **launch_date,
                                         const char             **dev_start,
                                         const char             **dev_complete,
                                         double                  *price)
{
  gpointer position = g_hash_table_lookup (comparison->product_index, GSIZE_TO_POINTER ((gsize) product_id));
  const Product *p;

  if (position == NULL)
    return FALSE;

  p = &g_array_index (comparison->products, Product, GPOINTER_TO_UINT (position) - 1);
  if (launch_date != NULL)
    *launch_date = p->launch_date;
  if (dev_start != NULL)
    *dev_start = p->dev_start;
  if (dev_complete != NULL)
    *dev_complete = p->dev_complete;
  if (price != NULL)
    *price = p->price;

  return TRUE;
}
