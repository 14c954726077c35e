/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ipms-document.h"
#include "ipms-panorama-chart.h"
#include "ipms-selection.h"

G_BEGIN_DECLS

/*
 * The panorama canvas: the IpmsPanoramaChart as an interactive widget, to
 * be put in an IpmsCanvasView. Its static layer is the chart painted once
 * into a cached render node; product chips and grid headers are
 * IpmsCanvasItem children that take focus and carry accessible names; drags,
 * the drop preview and the rubber band are painted over them.
 *
 * The interaction layer below takes chart coordinates (the widget's own);
 * the gesture handlers call it and so do the tests, since GTK 4.8 cannot
 * synthesize input.
 *
 * Actions ("panorama." prefix): open-product (x), new-product ((xx): x and
 * y item ids, 0 0 for an unplaced product), unplace-selection, select-all,
 * move-selection (s: "left", "right", "up", "down"), add-column, add-row,
 * rename-item (x), remove-item (x: asks first when products would be
 * unplaced), move-item ((xi): axis item id, drop index).
 *
 * Signals: "open-product" (gint64 id): a product was double-clicked,
 * activated or created; "cell-changed": the current cell changed.
 *
 * Property "pressed" (read-only): a press on the chart is held, the start
 * of a click or of a drag, until it is released or cancelled.
 */

#define IPMS_TYPE_PANORAMA_CANVAS (ipms_panorama_canvas_get_type ())

G_DECLARE_FINAL_TYPE (IpmsPanoramaCanvas, ipms_panorama_canvas, IPMS, PANORAMA_CANVAS, GtkWidget)

typedef enum
{
  IPMS_PANORAMA_ITEM_PRODUCT,
  IPMS_PANORAMA_ITEM_COLUMN,
  IPMS_PANORAMA_ITEM_ROW,
} IpmsPanoramaItemKind;

/* What a drag from the palette carries: product ids. A type of our own so
 * that no other drag is mistaken for products. */
#define IPMS_TYPE_PRODUCT_DRAG (ipms_product_drag_get_type ())

typedef struct
{
  GArray *ids;   /* gint64 */
} IpmsProductDrag;

GType              ipms_product_drag_get_type          (void) G_GNUC_CONST;
IpmsProductDrag   *ipms_product_drag_new               (const gint64 *ids,
                                                        guint         n_ids);
IpmsProductDrag   *ipms_product_drag_copy              (const IpmsProductDrag *drag);
void               ipms_product_drag_free              (IpmsProductDrag *drag);

GtkWidget         *ipms_panorama_canvas_new            (IpmsDocument       *document,
                                                        IpmsSelection      *selection);
IpmsDocument      *ipms_panorama_canvas_get_document   (IpmsPanoramaCanvas *self);
IpmsSelection     *ipms_panorama_canvas_get_selection  (IpmsPanoramaCanvas *self);
IpmsPanoramaChart *ipms_panorama_canvas_get_chart      (IpmsPanoramaCanvas *self);
/* The child standing for a product chip or an axis header, or NULL. */
GtkWidget         *ipms_panorama_canvas_get_item       (IpmsPanoramaCanvas   *self,
                                                        IpmsPanoramaItemKind  kind,
                                                        gint64                id);
/* How many cells near the view the static layer paints from images of
 * their recordings, not from the recordings. */
guint              ipms_panorama_canvas_get_n_cell_images (IpmsPanoramaCanvas *self);
gboolean           ipms_panorama_canvas_get_pressed    (IpmsPanoramaCanvas *self);
/* The cell whose segment the side panel shows: axis item ids, 0 when none. */
gboolean           ipms_panorama_canvas_get_current_cell (IpmsPanoramaCanvas *self,
                                                          gint64             *x_item_id,
                                                          gint64             *y_item_id);
void               ipms_panorama_canvas_set_current_cell (IpmsPanoramaCanvas *self,
                                                          gint64              x_item_id,
                                                          gint64              y_item_id);
/* Scrolls the current cell into sight, once the view has its next size
 * (after a side panel opened over it, say). */
void               ipms_panorama_canvas_reveal_current_cell (IpmsPanoramaCanvas *self);
/* Dropping dragged chips over this widget takes them off the panorama. */
void               ipms_panorama_canvas_set_unplace_target (IpmsPanoramaCanvas *self,
                                                            GtkWidget          *target);

/* Interaction layer, in chart coordinates. */
/* A double click (or Enter): opens the product, renames the header, or
 * adds a new product to an empty cell. Returns whether something was hit. */
gboolean           ipms_panorama_canvas_activate_at    (IpmsPanoramaCanvas *self,
                                                        double              x,
                                                        double              y);
/* A press at (x, y) starts a drag of chips, of a header or of a rubber band,
 * and selects as a click does (Ctrl or Shift add to the selection or toggle).
 * A click is a begin and an end at the same place. FALSE when the press is on
 * nothing the canvas drags (the view then pans). */
gboolean           ipms_panorama_canvas_drag_begin     (IpmsPanoramaCanvas *self,
                                                        double              x,
                                                        double              y,
                                                        GdkModifierType     state);
void               ipms_panorama_canvas_drag_update    (IpmsPanoramaCanvas *self,
                                                        double              x,
                                                        double              y);
/* Ends the drag with one edit (or none if it ends where it began). */
void               ipms_panorama_canvas_drag_end       (IpmsPanoramaCanvas *self,
                                                        double              x,
                                                        double              y);
/* Puts everything back as it was before the drag. */
void               ipms_panorama_canvas_drag_cancel    (IpmsPanoramaCanvas *self);
gboolean           ipms_panorama_canvas_is_dragging    (IpmsPanoramaCanvas *self);
/* Palette drops: the preview while hovering, the placement on drop. */
gboolean           ipms_panorama_canvas_preview_drop   (IpmsPanoramaCanvas *self,
                                                        guint               n_products,
                                                        double              x,
                                                        double              y);
void               ipms_panorama_canvas_clear_preview  (IpmsPanoramaCanvas *self);
gboolean           ipms_panorama_canvas_drop_products  (IpmsPanoramaCanvas *self,
                                                        const gint64       *ids,
                                                        guint               n_ids,
                                                        double              x,
                                                        double              y);
/* Inline editing of an axis header. */
gboolean           ipms_panorama_canvas_begin_rename   (IpmsPanoramaCanvas *self,
                                                        gint64              item_id);
/* The entry of the rename in progress, or NULL. */
GtkEditable       *ipms_panorama_canvas_get_rename_entry (IpmsPanoramaCanvas *self);
void               ipms_panorama_canvas_finish_rename  (IpmsPanoramaCanvas *self,
                                                        gboolean            commit);

G_END_DECLS
