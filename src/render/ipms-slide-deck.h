/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ipms-baseline.h"
#include "ipms-document.h"
#include "ipms-slide.h"

G_BEGIN_DECLS

#define IPMS_TYPE_SLIDE_DECK (ipms_slide_deck_get_type ())

G_DECLARE_FINAL_TYPE (IpmsSlideDeck, ipms_slide_deck, IPMS, SLIDE_DECK, GObject)

/*
 * The review deck of a document: a GListModel of IpmsSlide, the visible
 * entries of the deck set-up (ipms-deck-setup.h) in order, a content too
 * long for one slide taking several. It follows the document: after every
 * edit, undo or redo the slides are made again from the live plan; those
 * that look the same stay the same objects and only the changed span is
 * announced. A slide showing a chart emits "changed" when the chart does.
 */

IpmsSlideDeck *ipms_slide_deck_new           (IpmsDocument   *document);
IpmsDocument  *ipms_slide_deck_get_document  (IpmsSlideDeck  *self);
/* The baseline "What changed" compares with: 0 (the default) for the
 * newest one. Refused with `error` when there is no such baseline. */
gboolean       ipms_slide_deck_set_baseline  (IpmsSlideDeck  *self,
                                              gint64          baseline_id,
                                              GError        **error);
/* The comparison shown, or NULL without a baseline. */
IpmsBaselineComparison *ipms_slide_deck_get_comparison (IpmsSlideDeck *self);
/* Makes the slides again now (after a baseline was stored or removed). */
void           ipms_slide_deck_refresh       (IpmsSlideDeck  *self);
/* The first slide of `kind`, or G_MAXUINT. */
guint          ipms_slide_deck_find_kind     (IpmsSlideDeck  *self,
                                              IpmsSlideKind   kind);
IpmsSlide     *ipms_slide_deck_get_slide     (IpmsSlideDeck  *self,
                                              guint           position);

G_END_DECLS
