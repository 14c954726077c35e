/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "ipms-test-utils.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <unistd.h>

/* Generous, because the sanitized CI build runs the same tests. */
#define WAIT_TIMEOUT_USEC (20 * G_USEC_PER_SEC)

static char *process_tmpdir;
static GTestDBus *test_bus;
static pid_t owner_pid;

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);

  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) &&
              !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }

  g_rmdir (path);
}

static void
cleanup_at_exit (void)
{
  /* GTestDBus forks a watcher that calls exit() when this process ends:
   * the files and the bus are not the watcher's to clean up. */
  if (getpid () != owner_pid)
    return;

  /* Stop, not down: g_test_dbus_down() waits for every connection to the
   * bus to be finalized, and GApplication keeps its own until exit. */
  if (test_bus != NULL)
    g_test_dbus_stop (test_bus);

  /* Only reached on a normal exit: an aborted test keeps its files. */
  if (process_tmpdir != NULL && g_getenv ("IPMS_TEST_KEEP_TMP") == NULL)
    remove_tree (process_tmpdir);
}

static const char *
get_process_tmpdir (void)
{
  if (process_tmpdir == NULL)
    {
      g_autoptr(GError) error = NULL;

      process_tmpdir = g_dir_make_tmp ("ipms-test-XXXXXX", &error);
      g_assert_no_error (error);
      owner_pid = getpid ();
      atexit (cleanup_at_exit);
    }

  return process_tmpdir;
}

static void
setup_i18n (void)
{
  const char *localedir = g_getenv ("IPMS_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* A HOME and XDG directories of the process's own, so that drafts never
 * reach the real home. Not G_TEST_OPTION_ISOLATE_DIRS: GLib 2.74 leaks its
 * strings on every test case, which LeakSanitizer reports, and it replaces
 * XDG_DATA_DIRS too, which hides the icon theme from GTK. */
static void
isolate_home (void)
{
  g_autofree char *home = g_build_filename (get_process_tmpdir (), "home", NULL);
  const struct {
    const char *variable;
    const char *subdir;
  } dirs[] = {
    { "XDG_DATA_HOME", ".local/share" },
    { "XDG_STATE_HOME", ".local/state" },
    { "XDG_CONFIG_HOME", ".config" },
    { "XDG_CACHE_HOME", ".cache" },
  };

  g_assert_cmpint (g_mkdir_with_parents (home, 0700), ==, 0);
  g_setenv ("HOME", home, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (home, dirs[i].subdir, NULL);

      g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
      g_setenv (dirs[i].variable, path, TRUE);
    }
}

void
ipms_test_init (int    *argc,
                char ***argv)
{
  isolate_home ();
  setup_i18n ();
  g_test_init (argc, argv, NULL);
}

void
ipms_test_init_gtk (int    *argc,
                    char ***argv)
{
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));

  isolate_home ();
  setup_i18n ();
  g_test_init (argc, argv, NULL);

  /* A bus of our own: tests running in parallel must not find each other's
   * single-instance application and hand their windows to it. */
  test_bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (test_bus);
  /* g_test_dbus_up() unsets DISPLAY to keep the daemon off the user's
   * session; the widgets need it back. */
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);

  gtk_init ();
  adw_init ();
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  gboolean *painted = user_data;

  *painted = TRUE;
}

static gboolean
iterate_until_deadline (gint64 deadline)
{
  if (!g_main_context_iteration (NULL, FALSE))
    g_usleep (1000);

  return g_get_monotonic_time () < deadline;
}

gboolean
ipms_test_wait_for_paint (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_USEC;
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong handler;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  while (!gtk_widget_get_mapped (widget) ||
         gtk_widget_get_width (widget) <= 0 ||
         gtk_widget_get_height (widget) <= 0 ||
         gtk_widget_get_frame_clock (widget) == NULL)
    {
      if (!iterate_until_deadline (deadline))
        {
          g_test_message ("%s was not mapped and allocated in time",
                          G_OBJECT_TYPE_NAME (widget));
          return FALSE;
        }
    }

  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (widget);

  while (!painted && iterate_until_deadline (deadline))
    ;

  g_signal_handler_disconnect (clock, handler);

  if (!painted)
    g_test_message ("%s was not painted in time", G_OBJECT_TYPE_NAME (widget));

  return painted;
}

static char *
get_artifacts_dir (void)
{
  const char *dir = g_getenv ("IPMS_TEST_ARTIFACTS");

  if (dir != NULL && dir[0] != '\0')
    return g_strdup (dir);

  return g_build_filename (g_test_get_dir (G_TEST_BUILT), "artifacts", NULL);
}

GdkTexture *
ipms_test_save_widget_png (GtkWidget  *widget,
                           const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autofree char *artifacts = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  GdkTexture *texture;
  int width;
  int height;

  g_assert_true (GTK_IS_WIDGET (widget));
  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_nonnull (name);

  paintable = gtk_widget_paintable_new (widget);
  width = gdk_paintable_get_intrinsic_width (paintable);
  height = gdk_paintable_get_intrinsic_height (paintable);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  /* The paintable copies the window's last rendering, which a redraw
   * queued after the frame drops (a text view lays its lines out in an
   * idle): then the next frame has it again. */
  for (guint attempt = 0; node == NULL && attempt < 10; attempt++)
    {
      if (attempt > 0)
        g_assert_true (ipms_test_wait_for_paint (widget));
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_assert_nonnull (renderer);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_nonnull (texture);

  artifacts = get_artifacts_dir ();
  path = g_strconcat (artifacts, G_DIR_SEPARATOR_S, name, ".png", NULL);
  dir = g_path_get_dirname (path);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s (%d×%d)", path, width, height);

  return texture;
}

GskRenderNode *
ipms_test_widget_render_node (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gdk_paintable_get_intrinsic_width (paintable),
                          gdk_paintable_get_intrinsic_height (paintable));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  if (gsk_render_node_get_node_type (node) == GSK_CLIP_NODE)
    return gsk_render_node_ref (gsk_clip_node_get_child (node));

  return g_steal_pointer (&node);
}

static gboolean
container_holds (GskRenderNode *container,
                 GskRenderNode *node)
{
  for (guint i = 0; i < gsk_container_node_get_n_children (container); i++)
    if (gsk_container_node_get_child (container, i) == node)
      return TRUE;

  return FALSE;
}

void
ipms_test_assert_nodes_kept (GskRenderNode *before,
                             GskRenderNode *after)
{
  g_assert_cmpint (gsk_render_node_get_node_type (before), ==, GSK_CONTAINER_NODE);
  g_assert_cmpint (gsk_render_node_get_node_type (after), ==, GSK_CONTAINER_NODE);
  g_assert_cmpuint (gsk_container_node_get_n_children (after), >, gsk_container_node_get_n_children (before));
  for (guint i = 0; i < gsk_container_node_get_n_children (before); i++)
    g_assert_true (container_holds (after, gsk_container_node_get_child (before, i)));
}

guint32
ipms_test_texture_get_pixel (GdkTexture *texture,
                             int         x,
                             int         y)
{
  static const char *key = "ipms-test-pixels";
  int width;
  int height;
  GBytes *pixels;
  const guchar *data;

  g_assert_true (GDK_IS_TEXTURE (texture));
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (x, <, width);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (y, <, height);

  /* Textures are immutable, so one download serves every later call. */
  pixels = g_object_get_data (G_OBJECT (texture), key);
  if (pixels == NULL)
    {
      gsize stride = (gsize) width * 4;
      guchar *buffer = g_malloc (stride * (gsize) height);

      gdk_texture_download (texture, buffer, stride);
      pixels = g_bytes_new_take (buffer, stride * (gsize) height);
      g_object_set_data_full (G_OBJECT (texture), key, pixels,
                              (GDestroyNotify) g_bytes_unref);
    }

  data = g_bytes_get_data (pixels, NULL);

  return ((const guint32 *) (gconstpointer) (data + (gsize) y * (gsize) width * 4))[x];
}

gboolean
ipms_test_argb_near (guint32 a,
                     guint32 b,
                     guint   tolerance)
{
  for (guint shift = 0; shift < 32; shift += 8)
    {
      int ca = (a >> shift) & 0xff;
      int cb = (b >> shift) & 0xff;

      if ((guint) ABS (ca - cb) > tolerance)
        return FALSE;
    }

  return TRUE;
}

char *
ipms_test_make_temp_path (const char *basename)
{
  const char *test_path = g_test_get_path ();
  g_autofree char *case_name = NULL;
  g_autofree char *dir = NULL;

  g_assert_nonnull (basename);

  if (test_path == NULL || test_path[0] == '\0')
    case_name = g_strdup ("main");
  else
    case_name = g_strcanon (g_strdup (test_path + (test_path[0] == '/')),
                            G_CSET_a_2_z G_CSET_A_2_Z G_CSET_DIGITS "-_.", '_');

  dir = g_build_filename (get_process_tmpdir (), "cases", case_name, NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  return g_build_filename (dir, basename, NULL);
}

GtkWindow *
ipms_test_find_toplevel (GType type,
                         guint timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  for (;;)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

          if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
            return window;
        }

      if (g_get_monotonic_time () >= deadline)
        return NULL;
      g_main_context_iteration (NULL, FALSE);
    }
}

GtkWidget *
ipms_test_find_widget (GtkWidget           *widget,
                       GType                type,
                       IpmsTestWidgetMatch  match,
                       gconstpointer        data)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && (match == NULL || match (widget, data)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ipms_test_find_widget (child, type, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

gboolean
ipms_test_press_key (GtkWidget       *widget,
                     guint            keyval,
                     GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = NULL;
  gboolean handled = FALSE;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  controllers = gtk_widget_observe_controllers (widget);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }

  return handled;
}
