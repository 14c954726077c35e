/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * What the parts of the panorama canvas share: its instance struct and the
 * helpers that more than one of them calls. ipms-panorama-canvas.c keeps
 * the items, painting and layout; -drag.c the pointer drags, the palette
 * drops and the gestures; -keyboard.c focus and arrow keys; -actions.c the
 * actions, the context menu and the inline rename.
 */

#include <adwaita.h>

#include "ipms-canvas-item.h"
#include "ipms-panorama-canvas.h"

G_BEGIN_DECLS

#define DRAG_THRESHOLD 4.0
/* Around the view, chips keep (or get) their widgets this far out. */
#define ITEM_MARGIN 256.0
#define MAX_GHOSTS 4
#define KEYBOARD_MOVE_KEY "panorama-keyboard-move"
/* Auto-scroll band along the view's edges, and its top speed per frame. */
#define AUTOSCROLL_EDGE 48.0
#define AUTOSCROLL_MAX_STEP 24.0

typedef enum
{
  DRAG_NONE,
  DRAG_CHIPS,
  DRAG_COLUMN,
  DRAG_ROW,
  DRAG_RUBBER_BAND,
} DragKind;

typedef enum
{
  TARGET_NONE,
  TARGET_CELL,
  TARGET_UNPLACE,
} DropTarget;

typedef struct
{
  DragKind    kind;
  gboolean    moved;
  double      start_x;
  double      start_y;
  graphene_point_t start_in_window;  /* see ipms_canvas_point_in_window() */
  double      x;
  double      y;
  /* For chips: the grab point inside the chip under the pointer. */
  double      grab_dx;
  double      grab_dy;
  GArray     *ids;              /* gint64, products dragged, in grid order */
  gint64      item_id;          /* header dragged */
  gint64      pressed_id;       /* the chip pressed */
  GArray     *selection_before; /* to put back on cancel */
  gboolean    toggle_on_click;
  gboolean    select_only_on_click;
  DropTarget  target;
  guint       target_column;
  guint       target_row;
  guint       target_index;
} Drag;

struct _IpmsPanoramaCanvas
{
  GtkWidget          parent_instance;

  IpmsDocument      *document;
  IpmsSelection     *selection;
  IpmsPanoramaChart *chart;
  gulong             chart_changed_id;
  gulong             selection_changed_id;
  gulong             dark_id;

  GskRenderNode     *static_node;
  graphene_rect_t    static_rect;     /* the part of the chart whose cells it holds */
  GHashTable        *cell_nodes;      /* cell stamp → GskRenderNode, recorded */
  GHashTable        *cell_images;     /* cell stamp → GskRenderNode, an image */
  double             image_scale;     /* device pixels per chart unit of cell_images */
  guint              paint_ahead_id;  /* idle painting the cells around the view */
  gboolean           static_dark;
  gboolean           dark;

  GHashTable        *product_items;   /* gint64 id → IpmsCanvasItem */
  GHashTable        *column_items;
  GHashTable        *row_items;

  gint64             cell_x_item;
  gint64             cell_y_item;

  GtkWidget         *unplace_target;
  GtkWidget         *rename_entry;
  gint64             rename_item_id;
  gboolean           finishing_rename;
  GtkWidget         *menu;
  GtkGesture        *drag_gesture;

  Drag               drag;

  /* A palette drag hovering over the canvas. */
  gboolean           preview_active;
  guint              preview_column;
  guint              preview_row;
  guint              preview_index;
  guint              preview_count;

  gboolean           scroll_to_focus;
  gboolean           scroll_to_cell;
  /* The chart changed: items to sync before the next layout. */
  gboolean           sync_pending;
  guint              sync_tick_id;

  guint              autoscroll_id;
  double             autoscroll_dx;
  double             autoscroll_dy;
  graphene_point_t   autoscroll_point;   /* pointer, in view coordinates */

  GtkWidget         *viewport;           /* the scrolling parent, watched */
  guint              visible_tick_id;
};

IpmsCanvasItem *_ipms_panorama_canvas_lookup_item        (GHashTable         *items,
                                                         gint64              id);
/* The widget of a chip, made now if the chip is placed but off screen;
 * headers always have theirs. */
IpmsCanvasItem *_ipms_panorama_canvas_ensure_item        (IpmsPanoramaCanvas   *self,
                                                         IpmsPanoramaItemKind  kind,
                                                         gint64                id);
/* Where an item is in the chart, whether or not it has a widget. */
gboolean        _ipms_panorama_canvas_get_item_rect      (IpmsPanoramaCanvas   *self,
                                                         IpmsPanoramaItemKind  kind,
                                                         gint64                id,
                                                         cairo_rectangle_t    *rect);
void            _ipms_panorama_canvas_update_actions     (IpmsPanoramaCanvas *self);
void            _ipms_panorama_canvas_emit_open_product  (IpmsPanoramaCanvas *self,
                                                         gint64              id);
GArray         *_ipms_panorama_canvas_dup_selected_placed (IpmsPanoramaCanvas *self);
void            _ipms_panorama_canvas_report_error       (IpmsPanoramaCanvas *self,
                                                         const char         *what,
                                                         const GError       *error);
void            _ipms_panorama_canvas_announce_undoable  (IpmsPanoramaCanvas *self,
                                                         const char         *message);
void            _ipms_panorama_canvas_set_current_cell_from_product (IpmsPanoramaCanvas *self,
                                                                    gint64              product_id);
void            _ipms_panorama_canvas_focus_item         (IpmsPanoramaCanvas *self,
                                                         GtkWidget          *item);
void            _ipms_panorama_canvas_drag_reset         (IpmsPanoramaCanvas *self);
void            _ipms_panorama_canvas_notify_pressed     (IpmsPanoramaCanvas *self);

/* -drag.c */
void            _ipms_panorama_canvas_drag_init          (IpmsPanoramaCanvas *self);

/* -keyboard.c */
void            _ipms_panorama_canvas_keyboard_init      (IpmsPanoramaCanvas *self);
gboolean        _ipms_panorama_canvas_focus              (GtkWidget          *widget,
                                                         GtkDirectionType    direction);
IpmsCanvasItem *_ipms_panorama_canvas_get_focus_item     (IpmsPanoramaCanvas *self);
gboolean        _ipms_panorama_canvas_popup_menu_for_focus (IpmsPanoramaCanvas *self,
                                                           IpmsCanvasItem     *focus);
void            _ipms_panorama_canvas_move_selection_to_neighbour (IpmsPanoramaCanvas *self,
                                                                  const char         *direction);

/* -actions.c */
void            _ipms_panorama_canvas_class_actions_init (GtkWidgetClass     *widget_class);
void            _ipms_panorama_canvas_popup_menu_at      (IpmsPanoramaCanvas    *self,
                                                         const graphene_rect_t *rect,
                                                         GtkWidget             *return_focus);

G_END_DECLS
