/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-chart.h"
#include "ipms-slide.h"

G_BEGIN_DECLS

/*
 * What a slide shows, as blocks the layout pages: a title page, a table (a
 * list of fields is a two-column table without a header), a chart or a
 * line of text. ipms-slide-content.c makes the blocks of each kind from the
 * document; ipms-slide.c measures, pages and paints them.
 */

typedef enum
{
  IPMS_SLIDE_BLOCK_TITLE,   /* rows[0]: name, category, date, presenter */
  IPMS_SLIDE_BLOCK_TABLE,
  IPMS_SLIDE_BLOCK_CHART,
  IPMS_SLIDE_BLOCK_TEXT,    /* rows[0][0]: one paragraph */
} IpmsSlideBlockType;

#define IPMS_SLIDE_MAX_COLUMNS 6

typedef struct
{
  IpmsSlideBlockType  type;
  char               *heading;           /* NULL for none */
  guint               n_columns;
  double              weights[IPMS_SLIDE_MAX_COLUMNS];
  char              **header;            /* NULL: no header row */
  GPtrArray          *rows;              /* char ** of n_columns cells */
  gboolean            first_column_bold;
  IpmsChart          *chart;
} IpmsSlideBlock;

IpmsSlideBlock *ipms_slide_block_new        (IpmsSlideBlockType  type,
                                             const char         *heading);
void            ipms_slide_block_free       (IpmsSlideBlock     *block);
/* Sets the columns' relative widths and, when `header` is not NULL, their
 * titles (n_columns strings). */
void            ipms_slide_block_set_columns (IpmsSlideBlock    *block,
                                              guint              n_columns,
                                              const double      *weights,
                                              const char * const *header);
/* Adds a row of n_columns cells, copied; NULL cells read as "". */
void            ipms_slide_block_add_row    (IpmsSlideBlock     *block,
                                             const char * const *cells);

/* A run of rows of one block on one page. */
typedef struct
{
  IpmsSlideBlock *block;
  guint           first_row;
  guint           n_rows;
  gboolean        continued;   /* the block began on an earlier page */
} IpmsSlidePiece;

/* Splits `blocks` (IpmsSlideBlock*) into pages: a GPtrArray of GArrays of
 * IpmsSlidePiece. Always at least one page. */
GPtrArray      *ipms_slide_layout_pages     (GPtrArray          *blocks);

/* `blocks` is shared by the parts of one content (a reference is taken);
 * `pieces` is this part's page, owned. */
IpmsSlide      *ipms_slide_new              (IpmsSlideKind       kind,
                                             const char         *title,
                                             GPtrArray          *blocks,
                                             GArray             *pieces,
                                             guint               part,
                                             guint               n_parts);
void            ipms_slide_set_deck_info    (IpmsSlide          *self,
                                             guint               setup_index,
                                             gint64              product_id,
                                             const char         *notes,
                                             const char         *footer,
                                             guint               position,
                                             guint               n_slides);

/* Emits the slide's "changed": a chart it shows changed. */
void            ipms_slide_emit_changed     (IpmsSlide          *self);

G_END_DECLS
