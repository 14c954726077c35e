/* ipms-products.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ipms-products.h"

static const char * const prd_tables[IPMS_PRD_N_TABLES] = {
  [IPMS_PRD_TABLE_COMPETITOR] = "product_competitor",
  [IPMS_PRD_TABLE_SPEC] = "product_spec",
  [IPMS_PRD_TABLE_CERTIFICATION] = "certification",
  [IPMS_PRD_TABLE_FAQ] = "faq",
  [IPMS_PRD_TABLE_BOX_ITEM] = "box_item",
};

/* What each section holds: its text columns of the product and its
 * tables. A section is filled when all of them hold something. */
typedef struct
{
  const char   *title;
  const char   *columns[3];
  int           tables[3];   /* IpmsPrdTable, ended by -1 */
} SectionParts;

static const SectionParts sections[IPMS_PRD_N_SECTIONS] = {
  /* Translators: a PRD section, 概述 */
  [IPMS_PRD_SECTION_OVERVIEW] = { N_("Overview"), { "concept", "form", NULL }, { -1 } },
  /* Translators: a PRD section, 用户场景与需求 */
  [IPMS_PRD_SECTION_SCENARIOS] = { N_("User Scenarios & Needs"), { "scenarios", "user_needs", NULL }, { -1 } },
  /* Translators: a PRD section, 策略与定位 */
  [IPMS_PRD_SECTION_STRATEGY] = { N_("Strategy & Positioning"), { "competitiveness", NULL },
                                  { IPMS_PRD_TABLE_COMPETITOR, -1 } },
  /* Translators: a PRD section, 技术规格 */
  [IPMS_PRD_SECTION_SPECS] = { N_("Technical Specifications"), { "ui_interaction", NULL },
                               { IPMS_PRD_TABLE_SPEC, -1 } },
  /* Translators: a PRD section, 卖点与功能 */
  [IPMS_PRD_SECTION_SELLING_POINTS] = { N_("Selling Points & Features"), { "selling_points", "features", NULL },
                                        { -1 } },
  /* Translators: a PRD section, 认证与销售区域 */
  [IPMS_PRD_SECTION_CERTIFICATIONS] = { N_("Certifications & Sales Regions"), { "sales_regions", NULL },
                                        { IPMS_PRD_TABLE_CERTIFICATION, -1 } },
  /* Translators: a PRD section, 常见问题与包装清单 (after-sales points and box contents) */
  [IPMS_PRD_SECTION_FAQ_BOX] = { N_("FAQ & Box Contents"), { NULL },
                                 { IPMS_PRD_TABLE_FAQ, IPMS_PRD_TABLE_BOX_ITEM, -1 } },
};

const char *
ipms_prd_table_get_name (IpmsPrdTable table)
{
  g_return_val_if_fail (table < IPMS_PRD_N_TABLES, NULL);

  return prd_tables[table];
}

int
ipms_prd_table_lookup (const char *name)
{
  for (guint i = 0; i < IPMS_PRD_N_TABLES; i++)
    if (g_strcmp0 (prd_tables[i], name) == 0)
      return i;

  return -1;
}

const char *
ipms_prd_section_get_title (IpmsPrdSection section)
{
  g_return_val_if_fail (section < IPMS_PRD_N_SECTIONS, NULL);

  return _(sections[section].title);
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;

  return TRUE;
}

gboolean
ipms_prd_section_is_filled (IpmsRecord          *product,
                            const IpmsPrdCounts *counts,
                            IpmsPrdSection       section)
{
  const SectionParts *parts;

  g_return_val_if_fail (IPMS_IS_RECORD (product), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);
  g_return_val_if_fail (section < IPMS_PRD_N_SECTIONS, FALSE);

  parts = &sections[section];
  for (guint i = 0; parts->columns[i] != NULL; i++)
    if (is_blank (ipms_record_get_string (product, parts->columns[i])))
      return FALSE;

  for (guint i = 0; parts->tables[i] >= 0; i++)
    if (counts->n_rows[parts->tables[i]] == 0)
      return FALSE;

  return TRUE;
}

guint
ipms_prd_count_filled (IpmsRecord          *product,
                       const IpmsPrdCounts *counts)
{
  guint n = 0;

  for (guint s = 0; s < IPMS_PRD_N_SECTIONS; s++)
    if (ipms_prd_section_is_filled (product, counts, s))
      n++;

  return n;
}

void
ipms_prd_counts_query (IpmsDocument  *document,
                       gint64         product_id,
                       IpmsPrdCounts *counts)
{
  g_return_if_fail (IPMS_IS_DOCUMENT (document));
  g_return_if_fail (counts != NULL);

  for (guint t = 0; t < IPMS_PRD_N_TABLES; t++)
    {
      g_autoptr(GPtrArray) rows = ipms_document_query (document, prd_tables[t], "product_id", product_id, NULL);

      counts->n_rows[t] = rows->len;
    }
}

gboolean
ipms_product_get_margin (IpmsRecord *product,
                         double     *percent)
{
  double price;

  g_return_val_if_fail (IPMS_IS_RECORD (product), FALSE);
  g_return_val_if_fail (percent != NULL, FALSE);

  if (ipms_record_is_null (product, "price") || ipms_record_is_null (product, "cost"))
    return FALSE;

  price = ipms_record_get_double (product, "price");
  if (price <= 0)
    return FALSE;

  *percent = (price - ipms_record_get_double (product, "cost")) / price * 100.0;
  return TRUE;
}

/* Inserts a copy of `record` with `owner_column` (if any) pointing at
 * `owner_id` and `name_column` (if any) set to `name`. */
static gint64
insert_copy (IpmsDocument  *document,
             IpmsRecord    *record,
             const char    *owner_column,
             gint64         owner_id,
             const char    *name_column,
             const char    *name,
             GError       **error)
{
  const IpmsTable *table = ipms_record_get_table (record);
  g_autofree GValue *values = g_new0 (GValue, table->n_columns);
  gint64 id;

  for (guint c = 0; c < table->n_columns; c++)
    {
      const char *column = table->columns[c].name;
      const GValue *value = ipms_record_get_value (record, column);

      if (g_strcmp0 (column, owner_column) == 0)
        {
          g_value_init (&values[c], G_TYPE_INT64);
          g_value_set_int64 (&values[c], owner_id);
        }
      else if (g_strcmp0 (column, name_column) == 0)
        {
          g_value_init (&values[c], G_TYPE_STRING);
          g_value_set_string (&values[c], name);
        }
      else if (value != NULL)
        {
          g_value_init (&values[c], G_VALUE_TYPE (value));
          g_value_copy (value, &values[c]);
        }
    }

  id = ipms_document_insert (document, table->name, 0, values, error);

  for (guint c = 0; c < table->n_columns; c++)
    if (G_IS_VALUE (&values[c]))
      g_value_unset (&values[c]);

  return id;
}

/* `name_format` comes from a translation: its "%s" is replaced by hand,
 * never handed to printf. */
static char *
format_copy_name (const char *name_format,
                  const char *name)
{
  const char *mark = strstr (name_format, "%s");

  if (mark == NULL)
    return g_strdup (name_format);

  return g_strdup_printf ("%.*s%s%s", (int) (mark - name_format), name_format, name, mark + 2);
}

static gboolean
duplicate_one (IpmsDocument  *document,
               gint64         product_id,
               const char    *name_format,
               gint64        *new_id,
               GError       **error)
{
  IpmsRecord *product = ipms_document_get_record (document, "product", product_id);
  g_autofree char *name = NULL;
  gint64 copy;

  if (product == NULL)
    {
      g_set_error (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_NO_SUCH_ROW,
                   _("The product no longer exists."));
      return FALSE;
    }

  name = format_copy_name (name_format, ipms_record_get_string (product, "name"));
  copy = insert_copy (document, product, NULL, 0, "name", name, error);
  if (copy == 0)
    return FALSE;

  for (guint t = 0; t < IPMS_PRD_N_TABLES; t++)
    {
      g_autoptr(GPtrArray) rows = ipms_document_query (document, prd_tables[t], "product_id", product_id, NULL);

      for (guint i = 0; i < rows->len; i++)
        if (insert_copy (document, g_ptr_array_index (rows, i), "product_id", copy, NULL, NULL, error) == 0)
          return FALSE;
    }

  *new_id = copy;
  return TRUE;
}

/* Every helper below: begin, the rows, commit; any failure rolls back. */
static gboolean
finish_edit (IpmsDocument  *document,
             gboolean       ok,
             GError       **error)
{
  if (ok && ipms_document_commit_edit (document, error))
    return TRUE;

  if (ipms_document_in_edit (document))
    ipms_document_rollback_edit (document);
  return FALSE;
}

GArray *
ipms_products_duplicate (IpmsDocument  *document,
                         const gint64  *ids,
                         guint          n_ids,
                         const char    *name_format,
                         const char    *label,
                         GError       **error)
{
  g_autoptr(GArray) copies = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (name_format != NULL && label != NULL, NULL);

  if (!ipms_document_begin_edit (document, label, NULL, error))
    return NULL;

  copies = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  for (guint i = 0; i < n_ids && ok; i++)
    {
      gint64 copy = 0;

      ok = duplicate_one (document, ids[i], name_format, &copy, error);
      g_array_append_val (copies, copy);
    }

  if (!finish_edit (document, ok, error))
    return NULL;

  return g_steal_pointer (&copies);
}

gboolean
ipms_products_delete (IpmsDocument  *document,
                      const gint64  *ids,
                      guint          n_ids,
                      const char    *label,
                      GError       **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  if (!ipms_document_begin_edit (document, label, NULL, error))
    return FALSE;

  for (guint i = 0; i < n_ids && ok; i++)
    ok = ipms_document_delete (document, "product", ids[i], error);

  return finish_edit (document, ok, error);
}

gboolean
ipms_products_set_value (IpmsDocument  *document,
                         const gint64  *ids,
                         guint          n_ids,
                         const char    *column,
                         const GValue  *value,
                         const char    *label,
                         GError       **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (column != NULL && value != NULL && label != NULL, FALSE);

  if (!ipms_document_begin_edit (document, label, NULL, error))
    return FALSE;

  for (guint i = 0; i < n_ids && ok; i++)
    ok = ipms_document_set_value (document, "product", ids[i], column, value, error);

  return finish_edit (document, ok, error);
}
