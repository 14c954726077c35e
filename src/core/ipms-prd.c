/* ipms-prd.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ipms-format.h"
#include "ipms-prd.h"
#include "ipms-record.h"

/* Labels */

/* The label the forms show for the column, so that the export names a
 * field as the editor does. */
static const char *
column_label (const char *table,
              const char *column)
{
  return ipms_column_get_label (ipms_table_lookup_column (ipms_schema_lookup_table (table), column));
}

static const char *
choice_label (const char *table,
              const char *column,
              const char *code)
{
  const IpmsColumn *info = ipms_table_lookup_column (ipms_schema_lookup_table (table), column);
  int index = ipms_column_find_choice (info, code);

  return index >= 0 ? ipms_choice_get_label (&info->choices[index]) : code;
}

/* Blocks */

static void
block_free (gpointer data)
{
  IpmsPrdBlock *block = data;

  g_free (block->title);
  g_free (block->text);
  g_clear_pointer (&block->cells, g_ptr_array_unref);
  g_free (block);
}

static void
section_free (gpointer data)
{
  IpmsPrdSection *section = data;

  g_free (section->title);
  g_ptr_array_unref (section->blocks);
  g_free (section);
}

void
ipms_prd_free (IpmsPrd *prd)
{
  if (prd == NULL)
    return;

  g_free (prd->title);
  g_free (prd->grade);
  g_ptr_array_unref (prd->fields);
  g_ptr_array_unref (prd->sections);
  g_free (prd);
}

guint
ipms_prd_block_get_n_rows (const IpmsPrdBlock *block)
{
  g_return_val_if_fail (block != NULL, 0);

  if (block->kind != IPMS_PRD_BLOCK_TABLE)
    return 0;

  return block->cells->len / block->n_columns - 1;
}

const char *
ipms_prd_block_get_empty_text (const IpmsPrdBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);

  return block->kind == IPMS_PRD_BLOCK_TEXT ? _("Not written yet.") : _("None yet.");
}

static IpmsPrdSection *
add_section (IpmsPrd    *prd,
             const char *title)
{
  IpmsPrdSection *section = g_new0 (IpmsPrdSection, 1);

  section->title = g_strdup (title);
  section->blocks = g_ptr_array_new_with_free_func (block_free);
  g_ptr_array_add (prd->sections, section);

  return section;
}

/* A text of the product under `title`, or the column's label. */
static void
add_text (IpmsPrdSection *section,
          IpmsRecord     *product,
          const char     *column,
          const char     *title)
{
  IpmsPrdBlock *block = g_new0 (IpmsPrdBlock, 1);

  block->kind = IPMS_PRD_BLOCK_TEXT;
  block->title = g_strdup (title != NULL ? title : column_label ("product", column));
  block->text = g_strstrip (g_strdup (ipms_record_get_string (product, column)));
  g_ptr_array_add (section->blocks, block);
}

/* A table with the header cells given, NULL-terminated. */
static IpmsPrdBlock *
add_table (IpmsPrdSection *section,
           const char     *title,
           ...)
{
  IpmsPrdBlock *block = g_new0 (IpmsPrdBlock, 1);
  const char *header;
  va_list args;

  block->kind = IPMS_PRD_BLOCK_TABLE;
  block->title = g_strdup (title);
  block->cells = g_ptr_array_new_with_free_func (g_free);

  va_start (args, title);
  while ((header = va_arg (args, const char *)) != NULL)
    {
      g_ptr_array_add (block->cells, g_strdup (header));
      block->n_columns++;
    }
  va_end (args);

  return block;
}

static void
add_cell (IpmsPrdBlock *block,
          const char   *text)
{
  g_ptr_array_add (block->cells, g_strstrip (g_strdup (text != NULL ? text : "")));
}

/* The product's identity */

static const char *
referenced_string (IpmsDocument *document,
                   IpmsRecord   *record,
                   const char   *column,
                   const char   *table,
                   const char   *name_column)
{
  gint64 id = ipms_record_get_int (record, column);
  IpmsRecord *other = id != 0 ? ipms_document_get_record (document, table, id) : NULL;

  return other != NULL ? ipms_record_get_string (other, name_column) : "";
}

static char *
segment_label (IpmsDocument *document,
               IpmsRecord   *segment)
{
  if (*ipms_record_get_string (segment, "name") != '\0')
    return g_strdup (ipms_record_get_string (segment, "name"));

  /* Translators: a segment without a name: its row (the Y axis item) and
   * column (the X axis item) on the population grid */
  return g_strdup_printf (_("%s · %s"),
                          referenced_string (document, segment, "y_item_id", "axis_item", "label"),
                          referenced_string (document, segment, "x_item_id", "axis_item", "label"));
}

static char *
grade_label (IpmsDocument *document,
             const char   *code)
{
  g_autoptr(GPtrArray) grades = ipms_document_query (document, "grade", NULL, 0, NULL);

  for (guint i = 0; i < grades->len; i++)
    {
      IpmsRecord *grade = g_ptr_array_index (grades, i);

      if (g_strcmp0 (ipms_record_get_string (grade, "code"), code) == 0 &&
          *ipms_record_get_string (grade, "label") != '\0')
        /* Translators: a grade's code and its name, "R · Flagship" */
        return g_strdup_printf (_("%s · %s"), code, ipms_record_get_string (grade, "label"));
    }

  return g_strdup (code);
}

static char *
format_money (IpmsRecord *record,
              const char *column,
              const char *currency)
{
  if (ipms_record_is_null (record, column))
    return g_strdup ("");

  return ipms_format_price (ipms_record_get_double (record, column), currency);
}

static void
add_field (IpmsPrd    *prd,
           const char *label,
           char       *value)
{
  g_ptr_array_add (prd->fields, g_strdup (label));
  g_ptr_array_add (prd->fields, value);
}

static void
add_identity (IpmsPrd      *prd,
              IpmsDocument *document,
              IpmsRecord   *product,
              IpmsRecord   *segment,
              const char   *currency)
{
  double price = ipms_record_get_double (product, "price");
  gboolean has_margin = !ipms_record_is_null (product, "price") && !ipms_record_is_null (product, "cost") &&
                        price > 0;
  char *margin = has_margin
    ? ipms_format_percent (100 * (price - ipms_record_get_double (product, "cost")) / price, FALSE)
    : g_strdup ("");

  add_field (prd, column_label ("product", "series_id"),
             g_strdup (referenced_string (document, product, "series_id", "series", "name")));
  add_field (prd, column_label ("product", "grade"),
             grade_label (document, ipms_record_get_string (product, "grade")));
  add_field (prd, column_label ("product", "status"),
             g_strdup (choice_label ("product", "status", ipms_record_get_string (product, "status"))));
  add_field (prd, column_label ("product", "price"), format_money (product, "price", currency));
  add_field (prd, column_label ("product", "cost"), format_money (product, "cost", currency));
  add_field (prd, _("Gross Margin"), margin);
  add_field (prd, column_label ("product", "dev_start"),
             ipms_format_date_iso (ipms_record_get_string (product, "dev_start")));
  add_field (prd, column_label ("product", "dev_complete"),
             ipms_format_date_iso (ipms_record_get_string (product, "dev_complete")));
  add_field (prd, column_label ("product", "launch_date"),
             ipms_format_date_iso (ipms_record_get_string (product, "launch_date")));
  add_field (prd, column_label ("product", "segment_id"),
             segment != NULL ? segment_label (document, segment) : g_strdup (""));
  add_field (prd, column_label ("product", "owner_id"),
             g_strdup (referenced_string (document, product, "owner_id", "member", "name")));
}

/* The seven sections */

static GPtrArray *
rows_of (IpmsDocument *document,
         const char   *table,
         gint64        product_id)
{
  return ipms_document_query (document, table, "product_id", product_id, NULL);
}

static void
add_needs (IpmsPrdSection *section,
           IpmsDocument   *document,
           IpmsRecord     *segment)
{
  g_autoptr(GPtrArray) needs = NULL;
  g_autofree char *title = NULL;
  IpmsPrdBlock *block;

  if (segment != NULL)
    {
      g_autofree char *name = segment_label (document, segment);

      /* Translators: %s is the name of the product's segment */
      title = g_strdup_printf (_("Ranked Needs of “%s”"), name);
      needs = ipms_document_query (document, "need", "segment_id", ipms_record_get_id (segment), "rank");
    }

  block = add_table (section, title != NULL ? title : _("Ranked Needs of the Segment"),
                     column_label ("need", "rank"), column_label ("need", "text"),
                     column_label ("need", "competitor_gap"), NULL);
  for (guint i = 0; needs != NULL && i < needs->len; i++)
    {
      IpmsRecord *need = g_ptr_array_index (needs, i);
      g_autofree char *rank = g_strdup_printf ("%u", i + 1);

      add_cell (block, rank);
      add_cell (block, ipms_record_get_string (need, "text"));
      add_cell (block, ipms_record_get_string (need, "competitor_gap"));
    }
  g_ptr_array_add (section->blocks, block);
}

typedef struct
{
  double      price;
  const char *name;
} PricePoint;

static int
compare_price_points (gconstpointer a,
                      gconstpointer b)
{
  const PricePoint *point_a = a;
  const PricePoint *point_b = b;

  if (point_a->price != point_b->price)
    return point_a->price < point_b->price ? -1 : 1;
  return strcmp (point_a->name, point_b->name);
}

/* The product's price placed among its competitors', cheapest first:
 * "PetNova Vision $139.99 < PawSmart Feeder Pro $169.99 < …". Only when
 * there is something to compare. */
static void
add_price_position (IpmsPrdSection *section,
                    IpmsRecord     *product,
                    GPtrArray      *competitors,
                    const char     *currency)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (PricePoint));
  g_autoptr(GString) text = g_string_new (NULL);
  PricePoint own = { ipms_record_get_double (product, "price"), ipms_record_get_string (product, "name") };
  IpmsPrdBlock *block;

  for (guint i = 0; i < competitors->len; i++)
    {
      IpmsRecord *competitor = g_ptr_array_index (competitors, i);
      PricePoint point = { ipms_record_get_double (competitor, "price"), ipms_record_get_string (competitor, "name") };

      if (!ipms_record_is_null (competitor, "price"))
        g_array_append_val (points, point);
    }
  if (points->len == 0 || ipms_record_is_null (product, "price"))
    return;

  g_array_append_val (points, own);
  g_array_sort (points, compare_price_points);
  for (guint i = 0; i < points->len; i++)
    {
      PricePoint *point = &g_array_index (points, PricePoint, i);
      g_autofree char *price = ipms_format_price (point->price, currency);

      if (i > 0)
        g_string_append (text, point->price > g_array_index (points, PricePoint, i - 1).price ? " < " : " = ");
      g_string_append_printf (text, "%s %s", point->name, price);
    }

  block = g_new0 (IpmsPrdBlock, 1);
  block->kind = IPMS_PRD_BLOCK_TEXT;
  block->title = g_strdup (_("Price Among Competitors"));
  block->text = g_string_free (g_steal_pointer (&text), FALSE);
  g_ptr_array_add (section->blocks, block);
}

static void
add_competitors (IpmsPrdSection *section,
                 IpmsDocument   *document,
                 IpmsRecord     *product,
                 const char     *currency)
{
  g_autoptr(GPtrArray) competitors = rows_of (document, "product_competitor", ipms_record_get_id (product));
  IpmsPrdBlock *block = add_table (section, _("Competitors"),
                                   column_label ("product_competitor", "name"),
                                   column_label ("product_competitor", "price"),
                                   column_label ("product_competitor", "strengths"),
                                   column_label ("product_competitor", "weaknesses"), NULL);

  for (guint i = 0; i < competitors->len; i++)
    {
      IpmsRecord *competitor = g_ptr_array_index (competitors, i);
      g_autofree char *price = format_money (competitor, "price", currency);

      add_cell (block, ipms_record_get_string (competitor, "name"));
      add_cell (block, price);
      add_cell (block, ipms_record_get_string (competitor, "strengths"));
      add_cell (block, ipms_record_get_string (competitor, "weaknesses"));
    }
  g_ptr_array_add (section->blocks, block);

  add_price_position (section, product, competitors, currency);
}

/* One table per kind of spec, in the seed's order. */
static void
add_specs (IpmsPrdSection *section,
           IpmsDocument   *document,
           gint64          product_id)
{
  g_autoptr(GPtrArray) specs = rows_of (document, "product_spec", product_id);
  const struct {
    const char *code;
    const char *title;
  } kinds[] = {
    { "software", NC_("PRD spec table", "Software") },
    { "hardware", NC_("PRD spec table", "Hardware") },
    { "ui", NC_("PRD spec table", "UI Interaction") },
    { "component", NC_("PRD spec table", "Core Components") },
  };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      IpmsPrdBlock *block = add_table (section, g_dpgettext2 (GETTEXT_PACKAGE, "PRD spec table", kinds[k].title),
                                       column_label ("product_spec", "name"),
                                       column_label ("product_spec", "value"), NULL);

      for (guint i = 0; i < specs->len; i++)
        {
          IpmsRecord *spec = g_ptr_array_index (specs, i);

          if (g_strcmp0 (ipms_record_get_string (spec, "kind"), kinds[k].code) != 0)
            continue;
          add_cell (block, ipms_record_get_string (spec, "name"));
          add_cell (block, ipms_record_get_string (spec, "value"));
        }
      g_ptr_array_add (section->blocks, block);
    }
}

static void
add_certifications (IpmsPrdSection *section,
                    IpmsDocument   *document,
                    gint64          product_id)
{
  g_autoptr(GPtrArray) certifications = rows_of (document, "certification", product_id);
  IpmsPrdBlock *block = add_table (section, _("Certifications"),
                                   column_label ("certification", "name"),
                                   column_label ("certification", "region"),
                                   column_label ("certification", "status"), NULL);

  for (guint i = 0; i < certifications->len; i++)
    {
      IpmsRecord *certification = g_ptr_array_index (certifications, i);

      add_cell (block, ipms_record_get_string (certification, "name"));
      add_cell (block, ipms_record_get_string (certification, "region"));
      add_cell (block, ipms_record_get_string (certification, "status"));
    }
  g_ptr_array_add (section->blocks, block);
}

static void
add_faq (IpmsPrdSection *section,
         IpmsDocument   *document,
         gint64          product_id)
{
  g_autoptr(GPtrArray) faqs = rows_of (document, "faq", product_id);
  IpmsPrdBlock *block = add_table (section, _("Likely After-Sales Questions and Complaints"),
                                   column_label ("faq", "question"),
                                   column_label ("faq", "answer"), NULL);

  for (guint i = 0; i < faqs->len; i++)
    {
      IpmsRecord *faq = g_ptr_array_index (faqs, i);

      add_cell (block, ipms_record_get_string (faq, "question"));
      add_cell (block, ipms_record_get_string (faq, "answer"));
    }
  g_ptr_array_add (section->blocks, block);
}

static void
add_box (IpmsPrdSection *section,
         IpmsDocument   *document,
         gint64          product_id)
{
  g_autoptr(GPtrArray) items = rows_of (document, "box_item", product_id);
  IpmsPrdBlock *block = add_table (section, _("Box Contents"),
                                   column_label ("box_item", "name"),
                                   column_label ("box_item", "quantity"),
                                   _("Standard or Optional"), NULL);

  for (guint i = 0; i < items->len; i++)
    {
      IpmsRecord *item = g_ptr_array_index (items, i);
      g_autofree char *quantity = ipms_record_is_null (item, "quantity") ? g_strdup ("")
        : g_strdup_printf ("%" G_GINT64_FORMAT, ipms_record_get_int (item, "quantity"));

      add_cell (block, ipms_record_get_string (item, "name"));
      add_cell (block, quantity);
      add_cell (block, ipms_record_get_int (item, "optional") != 0 ? C_("box item", "Optional")
                                                                : C_("box item", "Standard"));
    }
  g_ptr_array_add (section->blocks, block);
}

static IpmsPrd *
prd_new (IpmsDocument *document,
         IpmsRecord   *product,
         const char   *currency)
{
  IpmsPrd *prd = g_new0 (IpmsPrd, 1);
  gint64 id = ipms_record_get_id (product);
  gint64 segment_id = ipms_record_get_int (product, "segment_id");
  IpmsRecord *segment = segment_id != 0 ? ipms_document_get_record (document, "segment", segment_id) : NULL;
  IpmsPrdSection *section;

  prd->product_id = id;
  prd->title = g_strstrip (g_strdup (ipms_record_get_string (product, "name")));
  if (prd->title[0] == '\0')
    {
      g_free (prd->title);
      prd->title = g_strdup (_("Unnamed product"));
    }
  prd->grade = g_strdup (ipms_record_get_string (product, "grade"));
  prd->fields = g_ptr_array_new_with_free_func (g_free);
  prd->sections = g_ptr_array_new_with_free_func (section_free);

  add_identity (prd, document, product, segment, currency);

  /* The sections of the method's PRD, in its order (their Chinese names
   * are the method's). */
  section = add_section (prd, C_("PRD section", "Overview"));
  add_text (section, product, "concept", NULL);
  add_text (section, product, "form", NULL);

  section = add_section (prd, C_("PRD section", "User Scenarios and Needs"));
  add_text (section, product, "scenarios", NULL);
  add_text (section, product, "user_needs", NULL);
  add_needs (section, document, segment);

  section = add_section (prd, C_("PRD section", "Strategy and Positioning"));
  add_text (section, product, "competitiveness", NULL);
  add_competitors (section, document, product, currency);

  section = add_section (prd, C_("PRD section", "Technical Specifications"));
  add_specs (section, document, id);
  /* Not the column's label: "UI Interaction" is also a kind of spec. */
  add_text (section, product, "ui_interaction", _("UI and Interaction Design"));

  section = add_section (prd, C_("PRD section", "Selling Points and Features"));
  add_text (section, product, "selling_points", NULL);
  add_text (section, product, "features", NULL);

  section = add_section (prd, C_("PRD section", "Certifications and Sales Regions"));
  add_certifications (section, document, id);
  add_text (section, product, "sales_regions", NULL);

  section = add_section (prd, C_("PRD section", "After-Sales FAQ and Box Contents"));
  add_faq (section, document, id);
  add_box (section, document, id);

  return prd;
}

/* Series in their order (products without one last), then by name in
 * byte order, which unlike collation is the same in every locale. */
static int
compare_products (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  IpmsDocument *document = user_data;
  IpmsRecord *product_a = *(IpmsRecord **) a;
  IpmsRecord *product_b = *(IpmsRecord **) b;
  gint64 series_ids[2] = { ipms_record_get_int (product_a, "series_id"),
                           ipms_record_get_int (product_b, "series_id") };
  gint64 positions[2];
  int order;

  for (guint i = 0; i < 2; i++)
    {
      IpmsRecord *series = series_ids[i] != 0 ? ipms_document_get_record (document, "series", series_ids[i]) : NULL;

      positions[i] = series != NULL ? ipms_record_get_int (series, "position") : G_MAXINT64;
    }

  if (positions[0] != positions[1])
    return positions[0] < positions[1] ? -1 : 1;
  if (series_ids[0] != series_ids[1])
    return series_ids[0] < series_ids[1] ? -1 : 1;
  if ((order = strcmp (ipms_record_get_string (product_a, "name"),
                       ipms_record_get_string (product_b, "name"))) != 0)
    return order;

  return ipms_record_get_id (product_a) < ipms_record_get_id (product_b) ? -1 : 1;
}

GPtrArray *
ipms_prd_collect (IpmsDocument  *document,
                  gint64         product_id,
                  GError       **error)
{
  const char *currency;
  g_autoptr(GPtrArray) products = NULL;
  GPtrArray *prds;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (product_id >= 0, NULL);

  currency = ipms_record_get_string (ipms_document_get_project (document), "currency");

  if (product_id != 0)
    {
      IpmsRecord *product = ipms_document_get_record (document, "product", product_id);

      if (product == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("The project has no product with the id %lld"), (long long) product_id);
          return NULL;
        }
      products = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (products, g_object_ref (product));
    }
  else
    {
      products = ipms_document_query (document, "product", NULL, 0, NULL);
      if (products->len == 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The project has no products: there is no PRD to export"));
          return NULL;
        }
      g_ptr_array_sort_with_data (products, compare_products, document);
    }

  prds = g_ptr_array_new_with_free_func ((GDestroyNotify) ipms_prd_free);
  for (guint i = 0; i < products->len; i++)
    g_ptr_array_add (prds, prd_new (document, g_ptr_array_index (products, i), currency));

  return prds;
}

char *
ipms_prd_dup_collection_title (IpmsDocument *document)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);

  title = ipms_document_dup_title (document);
  /* Translators: the title of an export of every PRD; %s is the project's name */
  return g_strdup_printf (_("%s: PRDs"), title);
}

/* Markdown */

/* A text on one line, for headings and list items. */
static void
append_inline (GString    *out,
               const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r' && p[1] == '\n')
        continue;
      g_string_append_c (out, *p == '\n' || *p == '\r' ? ' ' : *p);
    }
}

/* A cell of a GitHub table: a | would end the cell and a line break the
 * row, so the one is escaped and the other written as <br>. */
static void
append_cell (GString    *out,
             const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '|')
        g_string_append (out, "\\|");
      else if (*p == '\r' && p[1] == '\n')
        continue;
      else if (*p == '\n' || *p == '\r')
        g_string_append (out, "<br>");
      else
        g_string_append_c (out, *p);
    }
}

/* A paragraph as the user wrote it (it may be Markdown itself), with
 * Windows line ends and trailing blanks gone so that a diff shows only
 * what changed. */
static void
append_paragraph (GString    *out,
                  const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_string_append (out, g_strchomp (lines[i]));
      g_string_append_c (out, '\n');
    }
}

static void
append_table_row (GString    *out,
                  GPtrArray  *cells,
                  guint       start,
                  guint       n_columns)
{
  g_string_append (out, "|");
  for (guint i = 0; i < n_columns; i++)
    {
      g_string_append_c (out, ' ');
      append_cell (out, g_ptr_array_index (cells, start + i));
      g_string_append (out, " |");
    }
  g_string_append_c (out, '\n');
}

static void
append_block (GString            *out,
              const IpmsPrdBlock *block)
{
  g_string_append (out, "### ");
  append_inline (out, block->title);
  g_string_append (out, "\n\n");

  if (block->kind == IPMS_PRD_BLOCK_TEXT && block->text[0] != '\0')
    append_paragraph (out, block->text);
  else if (block->kind == IPMS_PRD_BLOCK_TABLE && ipms_prd_block_get_n_rows (block) > 0)
    {
      append_table_row (out, block->cells, 0, block->n_columns);
      g_string_append (out, "|");
      for (guint i = 0; i < block->n_columns; i++)
        g_string_append (out, " --- |");
      g_string_append_c (out, '\n');
      for (guint start = block->n_columns; start < block->cells->len; start += block->n_columns)
        append_table_row (out, block->cells, start, block->n_columns);
    }
  else
    g_string_append_printf (out, "_%s_\n", ipms_prd_block_get_empty_text (block));

  g_string_append_c (out, '\n');
}

static void
append_prd (GString       *out,
            const IpmsPrd *prd)
{
  g_string_append (out, "# ");
  append_inline (out, prd->title);
  g_string_append (out, "\n\n");

  for (guint i = 0; i < prd->fields->len; i += 2)
    {
      const char *value = g_ptr_array_index (prd->fields, i + 1);

      g_string_append (out, "- **");
      append_inline (out, g_ptr_array_index (prd->fields, i));
      /* Translators: after a field's name in a list, as in "Price: $49" */
      g_string_append (out, C_("field name", ":"));
      g_string_append (out, "** ");
      append_inline (out, value[0] != '\0' ? value : "—");
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');

  for (guint i = 0; i < prd->sections->len; i++)
    {
      IpmsPrdSection *section = g_ptr_array_index (prd->sections, i);

      g_string_append_printf (out, "## %u. ", i + 1);
      append_inline (out, section->title);
      g_string_append (out, "\n\n");
      for (guint j = 0; j < section->blocks->len; j++)
        append_block (out, g_ptr_array_index (section->blocks, j));
    }
}

char *
ipms_prd_to_markdown (IpmsDocument *document,
                      GPtrArray    *prds,
                      gboolean      all)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (prds != NULL, NULL);

  if (all)
    {
      g_autofree char *title = ipms_prd_dup_collection_title (document);

      g_string_append (out, "# ");
      append_inline (out, title);
      g_string_append (out, "\n\n");
      g_string_append_printf (out, "## %s\n\n", _("Contents"));
      for (guint i = 0; i < prds->len; i++)
        {
          const IpmsPrd *prd = g_ptr_array_index (prds, i);

          g_string_append_printf (out, "%u. ", i + 1);
          append_inline (out, prd->title);
          g_string_append_c (out, '\n');
        }
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < prds->len; i++)
    {
      if (all)
        g_string_append (out, "---\n\n");
      append_prd (out, g_ptr_array_index (prds, i));
    }

  /* One newline at the end, not the blank line every block leaves. */
  while (out->len > 1 && out->str[out->len - 1] == '\n' && out->str[out->len - 2] == '\n')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}
