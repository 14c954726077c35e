/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Set-up for a test program without a display (suite 'core'): a private
 * HOME and XDG directories for the process (removed at a normal exit), the
 * locale of the environment (C.UTF-8 in the test envs), the build tree's
 * translations when IPMS_LOCALEDIR is set, then GTest. */
void        ipms_test_init               (int          *argc,
                                          char       ***argv);

/* Set-up for a test program that shows widgets (suite 'ui'): a private HOME
 * and XDG directories for the process, a private D-Bus session bus (so that
 * parallel tests never find each other's single-instance application), then
 * GTest, GTK and libadwaita. Needs a display: meson's ui_test_env and
 * build-aux/test provide it. */
void        ipms_test_init_gtk           (int          *argc,
                                          char       ***argv);

/* Iterates the default main context until @widget is mapped, has a size
 * and its frame clock has painted once more. Returns %FALSE after a few
 * seconds without that, so callers assert on it. */
G_GNUC_WARN_UNUSED_RESULT
gboolean    ipms_test_wait_for_paint     (GtkWidget    *widget);

/* Renders a mapped widget with its own renderer and saves it as
 * $IPMS_TEST_ARTIFACTS/@name.png (@name without extension). Returns the
 * rendered texture for pixel checks. */
GdkTexture *ipms_test_save_widget_png    (GtkWidget    *widget,
                                          const char   *name);

/* The render node of @widget as it was last painted, inside the clip of
 * its hidden overflow when it has one (GTK merges a clip of the widget's
 * own into that one): what GTK matches, node by node, against the next
 * frame's to find what to paint again. */
GskRenderNode *ipms_test_widget_render_node (GtkWidget *widget);

/* Asserts that @after, a frame's container node with something added to
 * @before's, still holds each of @before's children itself: GTK then
 * paints only what was added. */
void        ipms_test_assert_nodes_kept  (GskRenderNode *before,
                                          GskRenderNode *after);

/* The pixel at (@x, @y) as 0xAARRGGBB, premultiplied by alpha as cairo
 * keeps it (opaque pixels are plain RGB). The download is cached on the
 * texture, so checking many pixels of one texture is cheap. */
guint32     ipms_test_texture_get_pixel  (GdkTexture   *texture,
                                          int           x,
                                          int           y);

/* Whether every channel of @a and @b differs by at most @tolerance. */
gboolean    ipms_test_argb_near          (guint32       a,
                                          guint32       b,
                                          guint         tolerance);

/* A key press as @widget's own key controllers see it, each in turn until
 * one handles it (GTK 4.8 has no way to synthesize key events). Returns
 * whether one did. */
gboolean    ipms_test_press_key          (GtkWidget        *widget,
                                          guint             keyval,
                                          GdkModifierType   state);

typedef gboolean (*IpmsTestWidgetMatch) (GtkWidget     *widget,
                                         gconstpointer  data);

/* The first widget of @type at or below @widget, depth first, for which
 * @match (when not %NULL) is %TRUE; or %NULL. */
GtkWidget  *ipms_test_find_widget        (GtkWidget           *widget,
                                          GType                type,
                                          IpmsTestWidgetMatch  match,
                                          gconstpointer        data);

/* The first shown top-level window of @type, waiting up to @timeout_ms
 * for one to appear (0: as things are now); %NULL if there is none. */
GtkWindow  *ipms_test_find_toplevel      (GType                type,
                                          guint                timeout_ms);

/* A path named @basename in a fresh directory of the current test case
 * (removed when the program exits normally, kept when it aborts, so that
 * a failure can be inspected). The file itself is not created. */
char       *ipms_test_make_temp_path     (const char   *basename);

G_END_DECLS
