/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-document.h"

G_BEGIN_DECLS

/*
 * The review deck's set-up, kept in the project's `deck_slide` table: which
 * slides, in which order, hidden or not, with their speaker notes, and which
 * products get a slide of their own.
 *
 * A project whose table is empty has the default deck: every kind of slide
 * in the order of ipms_slide_kinds[], with a product slide for each R and S
 * grade product. The first change to the set-up writes that default into
 * the table in the same undo step, so that undoing it returns to the default.
 * Every change below is one named undo step.
 */

typedef struct
{
  const char *kind;        /* one of ipms_slide_kinds[] (static) */
  gint64      slide_id;    /* row of `slide`, 0 for a default deck's entry */
  gint64      product_id;  /* for "product", else 0 */
  gboolean    hidden;
  char       *notes;       /* never NULL */
} IpmsDeckEntry;

/* The entries in deck order, hidden ones included. Free with g_array_unref(). */
GArray  *ipms_deck_setup_list         (IpmsDocument  *document);

/* Whether the project has its own set-up (else the default deck applies). */
gboolean ipms_deck_setup_is_custom    (IpmsDocument  *document);

/* Each edit names the entry by its index in ipms_deck_setup_list(). */
gboolean ipms_deck_setup_set_hidden   (IpmsDocument  *document,
                                       guint          index,
                                       gboolean       hidden,
                                       GError       **error);
gboolean ipms_deck_setup_move         (IpmsDocument  *document,
                                       guint          index,
                                       guint          new_index,
                                       GError       **error);
/* Typing bursts in one slide's notes merge into one undo step. */
gboolean ipms_deck_setup_set_notes    (IpmsDocument  *document,
                                       guint          index,
                                       const char    *notes,
                                       GError       **error);
/* Gives `product_id` its own slide (after the last product slide) or
 * removes it. */
gboolean ipms_deck_setup_set_product  (IpmsDocument  *document,
                                       gint64         product_id,
                                       gboolean       has_slide,
                                       GError       **error);
/* Drops the project's own set-up: the default deck applies again. */
gboolean ipms_deck_setup_reset        (IpmsDocument  *document,
                                       GError       **error);

G_END_DECLS
