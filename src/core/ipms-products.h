/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-document.h"

G_BEGIN_DECLS

/*
 * Products and their requirement documents (PRD, 产品PRD企划书): what the
 * product list and the PRD editor do to many rows at once, each as one undo
 * step through the document's one edit path, and what "filled" means for a
 * PRD section, defined here once for the list, the editor and exports.
 */

/* The tables a product owns as PRD rows, in the order the PRD shows them. */
typedef enum
{
  IPMS_PRD_TABLE_COMPETITOR,     /* product_competitor */
  IPMS_PRD_TABLE_SPEC,           /* product_spec */
  IPMS_PRD_TABLE_CERTIFICATION,  /* certification */
  IPMS_PRD_TABLE_FAQ,            /* faq */
  IPMS_PRD_TABLE_BOX_ITEM,       /* box_item */
  IPMS_PRD_N_TABLES
} IpmsPrdTable;

/* The sections of a PRD, as the method's seed document orders them. */
typedef enum
{
  IPMS_PRD_SECTION_OVERVIEW,        /* concept, form */
  IPMS_PRD_SECTION_SCENARIOS,       /* scenarios, user needs */
  IPMS_PRD_SECTION_STRATEGY,        /* competitiveness, competing products */
  IPMS_PRD_SECTION_SPECS,           /* specifications, UI interaction */
  IPMS_PRD_SECTION_SELLING_POINTS,  /* selling points, features */
  IPMS_PRD_SECTION_CERTIFICATIONS,  /* certifications, sales regions */
  IPMS_PRD_SECTION_FAQ_BOX,         /* FAQ, box contents */
  IPMS_PRD_N_SECTIONS
} IpmsPrdSection;

/* How many rows of each PRD table one product owns. */
typedef struct
{
  guint n_rows[IPMS_PRD_N_TABLES];
} IpmsPrdCounts;

/* The schema name of a PRD table ("product_competitor"...). */
const char *ipms_prd_table_get_name        (IpmsPrdTable    table);
/* The PRD table with that schema name, or -1. */
int         ipms_prd_table_lookup          (const char     *name);
/* The section's title, translated ("Overview", "概述"). */
const char *ipms_prd_section_get_title     (IpmsPrdSection  section);

/* A section is filled when every part of it holds something: each of its
 * text columns is not blank and each of its tables has a row. Half a
 * section is not a finished one. */
gboolean    ipms_prd_section_is_filled     (IpmsRecord          *product,
                                            const IpmsPrdCounts *counts,
                                            IpmsPrdSection       section);
guint       ipms_prd_count_filled          (IpmsRecord          *product,
                                            const IpmsPrdCounts *counts);
/* The counts of one product, read from the document. */
void        ipms_prd_counts_query          (IpmsDocument        *document,
                                            gint64               product_id,
                                            IpmsPrdCounts       *counts);

/* The gross margin the price and cost give, as a percentage of the price;
 * FALSE when either is missing or the price is not above zero. */
gboolean    ipms_product_get_margin        (IpmsRecord     *product,
                                            double         *percent);

/* Copies of the products with every PRD row they own, in one undo step
 * named `label`. Each copy is named by `name_format` with the original's
 * name as its one "%s" (as "%s (Copy)"), and keeps every other column.
 * Returns the new ids in the order of `ids` (free with g_array_unref()),
 * or NULL with `error` set and nothing changed. */
GArray     *ipms_products_duplicate        (IpmsDocument   *document,
                                            const gint64   *ids,
                                            guint           n_ids,
                                            const char     *name_format,
                                            const char     *label,
                                            GError        **error);
/* Deletes the products with the rows they own, in one undo step. */
gboolean    ipms_products_delete           (IpmsDocument   *document,
                                            const gint64   *ids,
                                            guint           n_ids,
                                            const char     *label,
                                            GError        **error);
/* Sets one column of every product to `value` (an unset GValue for NULL),
 * in one undo step; a value the schema refuses changes nothing. */
gboolean    ipms_products_set_value        (IpmsDocument   *document,
                                            const gint64   *ids,
                                            guint           n_ids,
                                            const char     *column,
                                            const GValue   *value,
                                            const char     *label,
                                            GError        **error);

G_END_DECLS
