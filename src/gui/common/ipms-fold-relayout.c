/* ipms-fold-relayout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ipms-fold-relayout.h"

/* On the frame clock: the handler of the relayout it is to run, so that
 * several folds in one frame make one relayout. */
static GQuark handler_quark;

static void
queue_allocate_tree (GtkWidget *widget)
{
  gtk_widget_queue_allocate (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    queue_allocate_tree (child);
}

static void
layout_cb (GdkFrameClock *clock,
           GtkWidget     *root)
{
  gulong handler = GPOINTER_TO_SIZE (g_object_steal_qdata (G_OBJECT (clock), handler_quark));

  g_signal_handler_disconnect (clock, handler);
  queue_allocate_tree (root);
}

static void
folded_cb (GtkWidget *foldable)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (foldable);
  gulong handler;

  /* Not drawn: the allocation that shows it lays everything out anew. */
  if (clock == NULL || g_object_get_qdata (G_OBJECT (clock), handler_quark) != NULL)
    return;

  /* Once the window's allocation in progress is over, still in the same
   * frame's layout phase: the frame clock lays out again before it paints,
   * so no frame is drawn with the widgets left out. */
  handler = g_signal_connect_object (clock, "layout", G_CALLBACK (layout_cb),
                                     gtk_widget_get_root (foldable), G_CONNECT_AFTER);
  g_object_set_qdata (G_OBJECT (clock), handler_quark, GSIZE_TO_POINTER (handler));
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
}

void
ipms_fold_relayout_attach (GtkWidget *foldable)
{
  g_return_if_fail (GTK_IS_WIDGET (foldable));
  g_return_if_fail (g_object_class_find_property (G_OBJECT_GET_CLASS (foldable), "folded") != NULL);

  if (handler_quark == 0)
    handler_quark = g_quark_from_static_string ("ipms-fold-relayout-handler");

  g_signal_connect (foldable, "notify::folded", G_CALLBACK (folded_cb), NULL);
}
