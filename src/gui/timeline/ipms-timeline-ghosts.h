/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ipms-document.h"
#include "ipms-timeline-canvas.h"

G_BEGIN_DECLS

/*
 * The ghosts of a timeline chart: laid over an IpmsTimelineCanvas's view,
 * it shows where each product whose dates (or, on the roadmap, price)
 * changed since the compared review stood then, as a translucent bar or
 * marker, with an arrow to where it is now. The review compared with is the
 * one "What Changed" chose (the view state IPMS_REVIEW_BASELINE_KEY).
 *
 * It draws in the canvas's coordinates mapped to its own, so it follows
 * zoom and scroll, and it never takes the pointer: the chart under it stays
 * editable.
 *
 * Properties: "active" (whether the ghosts are shown) and "available"
 * (read-only: whether a review is chosen to compare with).
 */

#define IPMS_TYPE_TIMELINE_GHOSTS (ipms_timeline_ghosts_get_type ())

G_DECLARE_FINAL_TYPE (IpmsTimelineGhosts, ipms_timeline_ghosts, IPMS, TIMELINE_GHOSTS, GtkWidget)

GtkWidget *ipms_timeline_ghosts_new           (void);
void       ipms_timeline_ghosts_set_canvas    (IpmsTimelineGhosts *self,
                                               IpmsTimelineCanvas *canvas);
void       ipms_timeline_ghosts_set_document  (IpmsTimelineGhosts *self,
                                               IpmsDocument       *document);
gboolean   ipms_timeline_ghosts_get_active    (IpmsTimelineGhosts *self);
void       ipms_timeline_ghosts_set_active    (IpmsTimelineGhosts *self,
                                               gboolean            active);
gboolean   ipms_timeline_ghosts_get_available (IpmsTimelineGhosts *self);
/* Reads the chosen review again: the view state has no signal, so the page
 * calls this when the user may have chosen another (its window coming back
 * to the front, the page being shown). */
void       ipms_timeline_ghosts_refresh       (IpmsTimelineGhosts *self);

/* The ghosts as drawn now (none when not active), in canvas coordinates:
 * the product, the rectangle of its old bar or marker, and the arrow from
 * its old launch to where it is now. */
guint      ipms_timeline_ghosts_get_n_ghosts  (IpmsTimelineGhosts *self);
gboolean   ipms_timeline_ghosts_get_ghost     (IpmsTimelineGhosts *self,
                                               guint               index,
                                               gint64             *product_id,
                                               graphene_rect_t    *old_rect,
                                               graphene_point_t   *arrow_from,
                                               graphene_point_t   *arrow_to);

G_END_DECLS
