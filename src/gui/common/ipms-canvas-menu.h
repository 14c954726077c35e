/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * The context menu of a chart widget inside an IpmsCanvasView.
 *
 * A chart widget is allocated with the view's zoom as a scale transform, and
 * GTK 4.8 adds a popover's "pointing-to" rectangle to its parent's bounds
 * without that transform: a menu pointing at a chip lands as far off as the
 * zoom is from 100 %. This widget is an invisible child of the chart, placed
 * over the rectangle the menu points at, and the popover's parent: the
 * popover then points at this widget's whole transformed bounds, the same
 * transform the drawing goes through, and its items still reach the chart's
 * actions (they resolve through this widget to the chart).
 *
 * The chart calls ipms_canvas_menu_popup() with the rectangle in its own
 * coordinates, and ipms_canvas_menu_allocate() from its size_allocate: the
 * menu opens after the chart's next allocation (the item may just have been
 * scrolled into sight) and follows the chart as it scrolls or zooms. When the menu
 * closes without an item moving the focus (Escape, a click outside), the
 * focus goes back to the widget given to popup(), the chip it came from.
 */

#define IPMS_TYPE_CANVAS_MENU (ipms_canvas_menu_get_type ())

G_DECLARE_FINAL_TYPE (IpmsCanvasMenu, ipms_canvas_menu, IPMS, CANVAS_MENU, GtkWidget)

GtkWidget  *ipms_canvas_menu_new         (void);
void        ipms_canvas_menu_popup       (IpmsCanvasMenu        *self,
                                          GMenuModel            *model,
                                          const graphene_rect_t *rect,
                                          GtkWidget             *return_focus);
void        ipms_canvas_menu_popdown     (IpmsCanvasMenu        *self);
/* Places the anchor over the rectangle given to popup(); call from the
 * parent's size_allocate. */
void        ipms_canvas_menu_allocate    (IpmsCanvasMenu        *self);
GtkPopover *ipms_canvas_menu_get_popover (IpmsCanvasMenu        *self);

G_END_DECLS
