/* ipms-canvas-menu.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "ipms-canvas-menu.h"

struct _IpmsCanvasMenu
{
  GtkWidget        parent_instance;

  GtkWidget       *popover;
  graphene_rect_t  rect;
  GWeakRef         return_focus;
  gboolean         popup_pending;
  guint            popup_source;
};

G_DEFINE_FINAL_TYPE (IpmsCanvasMenu, ipms_canvas_menu, GTK_TYPE_WIDGET)

/* Whether the focus is still where the menu left it: nowhere, on the menu,
 * or on the chart it belongs to. An item that moved it on purpose (into a
 * rename entry, say) keeps it. */
static gboolean
focus_is_unclaimed (IpmsCanvasMenu *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *chart = gtk_widget_get_parent (GTK_WIDGET (self));

  return focus == NULL || focus == chart || gtk_widget_is_ancestor (focus, GTK_WIDGET (self));
}

static void
on_closed (IpmsCanvasMenu *self)
{
  g_autoptr(GtkWidget) target = g_weak_ref_get (&self->return_focus);

  g_weak_ref_set (&self->return_focus, NULL);

  if (target != NULL && gtk_widget_get_root (target) != NULL && focus_is_unclaimed (self))
    gtk_widget_grab_focus (target);
}

static gboolean
popup_cb (gpointer data)
{
  IpmsCanvasMenu *self = data;

  self->popup_source = 0;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_popover_popup (GTK_POPOVER (self->popover));

  return G_SOURCE_REMOVE;
}

static void
ipms_canvas_menu_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  IpmsCanvasMenu *self = IPMS_CANVAS_MENU (widget);

  /* Opened once the chart has its new place (the item may just have been
   * scrolled into sight), out of the layout pass. */
  if (self->popup_pending)
    {
      self->popup_pending = FALSE;
      if (self->popup_source == 0)
        self->popup_source = g_idle_add (popup_cb, self);
    }
  else if (gtk_widget_get_visible (self->popover))
    gtk_popover_present (GTK_POPOVER (self->popover));
}

/* The anchor is invisible; the popover draws on its own surface. */
static void
ipms_canvas_menu_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
}

static void
ipms_canvas_menu_dispose (GObject *object)
{
  IpmsCanvasMenu *self = IPMS_CANVAS_MENU (object);

  g_clear_handle_id (&self->popup_source, g_source_remove);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_weak_ref_set (&self->return_focus, NULL);

  G_OBJECT_CLASS (ipms_canvas_menu_parent_class)->dispose (object);
}

static void
ipms_canvas_menu_finalize (GObject *object)
{
  IpmsCanvasMenu *self = IPMS_CANVAS_MENU (object);

  g_weak_ref_clear (&self->return_focus);

  G_OBJECT_CLASS (ipms_canvas_menu_parent_class)->finalize (object);
}

static void
ipms_canvas_menu_class_init (IpmsCanvasMenuClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipms_canvas_menu_dispose;
  object_class->finalize = ipms_canvas_menu_finalize;
  widget_class->size_allocate = ipms_canvas_menu_size_allocate;
  widget_class->snapshot = ipms_canvas_menu_snapshot;
}

static void
ipms_canvas_menu_init (IpmsCanvasMenu *self)
{
  g_weak_ref_init (&self->return_focus, NULL);
  self->rect = GRAPHENE_RECT_INIT (0, 0, 1, 1);

  /* An anchor only: it draws nothing and takes neither pointer nor focus. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);

  self->popover = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), TRUE);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
  g_signal_connect_swapped (self->popover, "closed", G_CALLBACK (on_closed), self);
}

GtkWidget *
ipms_canvas_menu_new (void)
{
  return g_object_new (IPMS_TYPE_CANVAS_MENU, NULL);
}

void
ipms_canvas_menu_popup (IpmsCanvasMenu        *self,
                        GMenuModel            *model,
                        const graphene_rect_t *rect,
                        GtkWidget             *return_focus)
{
  g_return_if_fail (IPMS_IS_CANVAS_MENU (self));
  g_return_if_fail (G_IS_MENU_MODEL (model));
  g_return_if_fail (rect != NULL);

  /* A point (a right click) still needs an area to point at. */
  self->rect = *rect;
  self->rect.size.width = MAX (self->rect.size.width, 1);
  self->rect.size.height = MAX (self->rect.size.height, 1);
  g_weak_ref_set (&self->return_focus, return_focus);

  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->popover), model);
  self->popup_pending = TRUE;
  /* Both: the chart places the anchor, and the anchor must hear of it even
   * when its place has not changed. */
  gtk_widget_queue_allocate (gtk_widget_get_parent (GTK_WIDGET (self)));
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
ipms_canvas_menu_popdown (IpmsCanvasMenu *self)
{
  g_return_if_fail (IPMS_IS_CANVAS_MENU (self));

  self->popup_pending = FALSE;
  g_clear_handle_id (&self->popup_source, g_source_remove);
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

void
ipms_canvas_menu_allocate (IpmsCanvasMenu *self)
{
  GskTransform *transform;
  int width, height;

  g_return_if_fail (IPMS_IS_CANVAS_MENU (self));

  width = (int) ceil (self->rect.size.width);
  height = (int) ceil (self->rect.size.height);

  /* GTK wants a measure before every allocation; the anchor has no needs. */
  gtk_widget_measure (GTK_WIDGET (self), GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self), GTK_ORIENTATION_VERTICAL, width, NULL, NULL, NULL, NULL);
  transform = gsk_transform_translate (NULL, &self->rect.origin);
  gtk_widget_allocate (GTK_WIDGET (self), width, height, -1, transform);
}

GtkPopover *
ipms_canvas_menu_get_popover (IpmsCanvasMenu *self)
{
  g_return_val_if_fail (IPMS_IS_CANVAS_MENU (self), NULL);

  return GTK_POPOVER (self->popover);
}
