/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-document.h"

G_BEGIN_DECLS

/*
 * A product's PRD (产品PRD企划书) as text, ready to be written out: the
 * header with the product's identity, then the seven sections of the
 * method's PRD, each a list of blocks (a text or a table). Every label is
 * translated and every number and date is written by ipms-format.c, so the
 * Markdown writer below and the PDF renderer (ipms-prd-render.h) say the
 * same things in the same words; they only lay it out.
 */

typedef enum
{
  IPMS_PRD_BLOCK_TEXT,
  IPMS_PRD_BLOCK_TABLE,
} IpmsPrdBlockKind;

typedef struct
{
  IpmsPrdBlockKind  kind;
  char             *title;
  /* TEXT: the text, "" when nobody wrote it. */
  char             *text;
  /* TABLE: `n_columns` header cells, then the rows' cells, row by row;
   * no rows when the table is empty. */
  guint             n_columns;
  GPtrArray        *cells;
} IpmsPrdBlock;

typedef struct
{
  char      *title;       /* "Overview", without its number */
  GPtrArray *blocks;      /* of IpmsPrdBlock */
} IpmsPrdSection;

typedef struct
{
  gint64     product_id;
  char      *title;       /* the product's name */
  char      *grade;       /* its grade's code, "R" … "F" */
  GPtrArray *fields;      /* label, value, label, value…; "" for a value not set */
  GPtrArray *sections;    /* of IpmsPrdSection, the seven in order */
} IpmsPrd;

/* The PRD of one product, or with `product_id` 0 those of every product
 * (in series order, then by name), as an array of IpmsPrd. NULL with an
 * error when the product does not exist or the project has none. */
GPtrArray  *ipms_prd_collect             (IpmsDocument  *document,
                                          gint64         product_id,
                                          GError       **error);
void        ipms_prd_free                (IpmsPrd       *prd);
guint       ipms_prd_block_get_n_rows    (const IpmsPrdBlock *block);
/* What an empty block says in place of its text or rows. */
const char *ipms_prd_block_get_empty_text (const IpmsPrdBlock *block);
/* The title of an export of every PRD: "Pet products: PRDs". */
char       *ipms_prd_dup_collection_title (IpmsDocument *document);

/* The PRDs as Markdown (CommonMark with GitHub tables): the same plan and
 * locale give the same bytes. With `all`, a title and a table of contents
 * come first. */
char       *ipms_prd_to_markdown         (IpmsDocument  *document,
                                          GPtrArray     *prds,
                                          gboolean       all);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpmsPrd, ipms_prd_free)

G_END_DECLS
