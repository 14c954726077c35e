/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "ipms-chart.h"

G_BEGIN_DECLS

/*
 * One page of the review deck, painted with cairo and Pango (no GTK): the
 * audience window, the presenter console's previews and the PDF export all
 * paint the same IpmsSlide at their own size. A slide is laid out once on a
 * 1920 × 1080 unit page with type sized for a room, and painted scaled into
 * any rectangle, letterboxed to 16:9, so that a content too long for one
 * page continues on the next slide (see IpmsSlideDeck) instead of shrinking.
 */

#define IPMS_SLIDE_WIDTH  1920.0
#define IPMS_SLIDE_HEIGHT 1080.0

/* In the order of ipms_slide_kinds[] (ipms-schema.h). */
typedef enum
{
  IPMS_SLIDE_KIND_TITLE,
  IPMS_SLIDE_KIND_FIVE_LOOKS,
  IPMS_SLIDE_KIND_ISOR,
  IPMS_SLIDE_KIND_CTMO,
  IPMS_SLIDE_KIND_CATEGORY,
  IPMS_SLIDE_KIND_POPULATION,
  IPMS_SLIDE_KIND_PANORAMA,
  IPMS_SLIDE_KIND_THREE_YEAR_PLAN,
  IPMS_SLIDE_KIND_NEW_PRODUCTS,
  IPMS_SLIDE_KIND_ROADMAP,
  IPMS_SLIDE_KIND_CAMPAIGNS,
  IPMS_SLIDE_KIND_PRODUCT,
  IPMS_SLIDE_KIND_TEAM,
  IPMS_SLIDE_KIND_CHANGES,
  IPMS_SLIDE_N_KINDS
} IpmsSlideKind;

/* The kind of a schema kind name ("five_looks"), or IPMS_SLIDE_N_KINDS. */
IpmsSlideKind  ipms_slide_kind_from_name   (const char    *name);
const char    *ipms_slide_kind_get_name    (IpmsSlideKind  kind);
/* Translated: "Five looks and three decisions". */
const char    *ipms_slide_kind_get_title   (IpmsSlideKind  kind);
/* The main window's section that edits what the slide shows ("five-looks"),
 * or NULL. */
const char    *ipms_slide_kind_get_section (IpmsSlideKind  kind);

#define IPMS_TYPE_SLIDE (ipms_slide_get_type ())

G_DECLARE_FINAL_TYPE (IpmsSlide, ipms_slide, IPMS, SLIDE, GObject)

/*
 * One slide of the deck. Its text is fixed; a chart on it is painted live,
 * and "changed" is emitted (by the deck) when that chart changed, so that
 * views render it again. An edit that changes a slide's text makes a new
 * slide instead.
 */

IpmsSlideKind  ipms_slide_get_kind         (IpmsSlide     *self);
/* The title shown on the slide, without its part number. */
const char    *ipms_slide_get_title        (IpmsSlide     *self);
/* Parts of one long content: 0-based part and how many there are. */
guint          ipms_slide_get_part         (IpmsSlide     *self);
guint          ipms_slide_get_n_parts      (IpmsSlide     *self);
/* The index of the slide's entry in ipms_deck_setup_list(), for editing
 * its notes. */
guint          ipms_slide_get_setup_index  (IpmsSlide     *self);
gint64         ipms_slide_get_product_id   (IpmsSlide     *self);
const char    *ipms_slide_get_notes        (IpmsSlide     *self);
/* Whether the slide shows `chart` (which it paints live). */
gboolean       ipms_slide_shows_chart      (IpmsSlide     *self,
                                            IpmsChart     *chart);
/* Whether the two slides look the same: same kind, place in the deck and
 * text, and the same charts. Speaker notes are not compared: they are not
 * on the slide. */
gboolean       ipms_slide_equal_look       (IpmsSlide     *self,
                                            IpmsSlide     *other);
/* Every text of the slide joined by newlines: for tests and search. */
char          *ipms_slide_dup_text         (IpmsSlide     *self);

/* Paints the slide into (0, 0, width, height) of `cr`: black bars where the
 * rectangle is not 16:9. `device_scale` is device pixels per unit of `cr`
 * (for crisp charts on HiDPI); 1 for vector output. */
void           ipms_slide_paint            (IpmsSlide     *self,
                                            cairo_t       *cr,
                                            double         width,
                                            double         height,
                                            double         device_scale);

G_END_DECLS
