/* test-presentation-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Presenting under a display: entering with F5 and Shift+F5, every key of
 * the audience window, the overview, black and white screens, editing the
 * notes, an edit showing at once, leaving with Escape back to the same
 * view, and (under a window manager) the audience window filling the
 * screen.
 */

#include "config.h"

#include <string.h>
#include <time.h>

#include <adwaita.h>

#include "ipms-application.h"
#include "ipms-baseline.h"
#include "ipms-deck-setup.h"
#include "ipms-example.h"
#include "ipms-presenter-console.h"
#include "ipms-slide-view.h"
#include "ipms-test-utils.h"
#include "ipms-window.h"

static IpmsApplication *app;

static IpmsWindow *
open_example (void)
{
  g_autofree char *path = ipms_test_make_temp_path ("review.ipms");
  g_autoptr(IpmsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *window;

  document = ipms_example_create (path, "en_US.UTF-8", &error);
  g_assert_no_error (error);
  ipms_document_close (document);

  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = ipms_application_find_window (app, file);
  g_assert_true (IPMS_IS_WINDOW (window));
  gtk_window_present (window);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (window)));

  return IPMS_WINDOW (window);
}

static IpmsPresenterConsole *
find_console (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (IPMS_IS_PRESENTER_CONSOLE (l->data))
      return l->data;

  return NULL;
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
close_all_windows (void)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *l = windows; l != NULL; l = l->next)
    if (IPMS_IS_WINDOW (l->data))
      gtk_window_destroy (GTK_WINDOW (l->data));
  iterate ();

  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
}

/* Sends a key press through the window's own key controllers, as the
 * keyboard (or a clicker) would. */
static void
press (GtkWidget *widget,
       guint      keyval)
{
  g_assert_true (ipms_test_press_key (widget, keyval, 0));
  iterate ();
}

static gint64
process_time_us (void)
{
  struct timespec now;

  g_assert_cmpint (clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now), ==, 0);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static IpmsSlide *
current_slide (IpmsPresenterConsole *console)
{
  GObject *view = gtk_widget_get_template_child (GTK_WIDGET (console), IPMS_TYPE_PRESENTER_CONSOLE, "current_view");

  return ipms_slide_view_get_slide (IPMS_SLIDE_VIEW (view));
}

static void
test_keys (void)
{
  IpmsWindow *window = open_example ();
  IpmsPresenterConsole *console;
  GtkWidget *audience;
  guint n;

  ipms_window_set_section (window, "roadmap");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  iterate ();

  console = find_console ();
  g_assert_nonnull (console);
  audience = GTK_WIDGET (ipms_presenter_console_get_audience (console));
  g_assert_true (ipms_test_wait_for_paint (audience));
  n = ipms_presenter_console_get_n_slides (console);
  g_assert_cmpuint (n, >, 20);
  g_assert_cmpuint (ipms_presenter_console_get_position (console), ==, 0);
  g_assert_cmpint (ipms_slide_get_kind (current_slide (console)), ==, IPMS_SLIDE_KIND_TITLE);

  /* Forward and back with each key. */
  {
    const guint next_keys[] = { GDK_KEY_Right, GDK_KEY_Down, GDK_KEY_space, GDK_KEY_Page_Down, GDK_KEY_Return };
    const guint previous_keys[] = { GDK_KEY_Left, GDK_KEY_Up, GDK_KEY_BackSpace, GDK_KEY_Page_Up };

    for (guint i = 0; i < G_N_ELEMENTS (next_keys); i++)
      {
        press (audience, next_keys[i]);
        g_assert_cmpuint (ipms_presenter_console_get_position (console), ==, i + 1);
      }
    for (guint i = 0; i < G_N_ELEMENTS (previous_keys); i++)
      {
        press (audience, previous_keys[i]);
        g_assert_cmpuint (ipms_presenter_console_get_position (console), ==, G_N_ELEMENTS (next_keys) - i - 1);
      }
  }

  press (audience, GDK_KEY_End);
  g_assert_cmpuint (ipms_presenter_console_get_position (console), ==, n - 1);
  press (audience, GDK_KEY_Right);
  g_assert_cmpuint (ipms_presenter_console_get_position (console), ==, n - 1);
  press (audience, GDK_KEY_Home);
  g_assert_cmpuint (ipms_presenter_console_get_position (console), ==, 0);

  /* A number, then Enter. */
  press (audience, GDK_KEY_1);
  press (audience, GDK_KEY_2);
  g_assert_cmpuint (ipms_presenter_console_get_position (console), ==, 0);
  press (audience, GDK_KEY_Return);
  g_assert_cmpuint (ipms_presenter_console_get_position (console), ==, 11);
  g_assert_true (current_slide (console) == ipms_slide_view_get_slide (
                   IPMS_SLIDE_VIEW (gtk_widget_get_template_child (GTK_WIDGET (console), IPMS_TYPE_PRESENTER_CONSOLE,
                                                                   "current_view"))));

  /* Black and white screens. */
  press (audience, GDK_KEY_b);
  g_assert_cmpstr (ipms_presenter_console_get_cover (console), ==, "black");
  g_assert_true (ipms_test_wait_for_paint (audience));
  {
    g_autoptr(GdkTexture) texture = ipms_test_save_widget_png (audience, "presentation-black");

    g_assert_cmphex (ipms_test_texture_get_pixel (texture, gdk_texture_get_width (texture) / 2,
                                                  gdk_texture_get_height (texture) / 2), ==, 0xff000000);
  }
  press (audience, GDK_KEY_b);
  g_assert_null (ipms_presenter_console_get_cover (console));
  press (audience, GDK_KEY_w);
  g_assert_cmpstr (ipms_presenter_console_get_cover (console), ==, "white");
  press (audience, GDK_KEY_Escape);
  g_assert_null (ipms_presenter_console_get_cover (console));

  /* The overview, with Tab and O; Escape closes it first. */
  press (audience, GDK_KEY_Tab);
  g_assert_true (ipms_presenter_console_get_overview (console));
  g_assert_true (ipms_test_wait_for_paint (audience));
  g_clear_object (&(GdkTexture *) { ipms_test_save_widget_png (audience, "presentation-overview") });
  press (audience, GDK_KEY_Tab);
  g_assert_false (ipms_presenter_console_get_overview (console));
  press (audience, GDK_KEY_o);
  g_assert_true (ipms_presenter_console_get_overview (console));
  press (audience, GDK_KEY_Escape);
  g_assert_false (ipms_presenter_console_get_overview (console));
  g_assert_nonnull (find_console ());

  /* The keys, then leaving: back to the same view. */
  press (audience, GDK_KEY_question);
  g_assert_true (ipms_test_wait_for_paint (audience));
  g_clear_object (&(GdkTexture *) { ipms_test_save_widget_png (audience, "presentation-keys") });
  press (audience, GDK_KEY_question);
  press (audience, GDK_KEY_Escape);
  g_assert_null (find_console ());
  g_assert_cmpstr (ipms_window_get_section (window), ==, "roadmap");

  close_all_windows ();
}

static void
test_from_current_view (void)
{
  IpmsWindow *window = open_example ();
  IpmsPresenterConsole *console;

  ipms_window_set_section (window, "panorama");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-current", NULL);
  iterate ();

  console = find_console ();
  g_assert_nonnull (console);
  g_assert_cmpint (ipms_slide_get_kind (current_slide (console)), ==, IPMS_SLIDE_KIND_PANORAMA);

  /* "Edit this slide" opens the slide's section in the project window,
   * the presentation going on; leaving still returns to where it began. */
  ipms_window_set_section (window, "team");
  for (guint i = 0; i < 5 && ipms_slide_get_kind (current_slide (console)) != IPMS_SLIDE_KIND_NEW_PRODUCTS; i++)
    press (GTK_WIDGET (ipms_presenter_console_get_audience (console)), GDK_KEY_Right);
  g_assert_cmpint (ipms_slide_get_kind (current_slide (console)), ==, IPMS_SLIDE_KIND_NEW_PRODUCTS);
  gtk_widget_activate_action (GTK_WIDGET (console), "console.edit-slide", NULL);
  iterate ();
  g_assert_cmpstr (ipms_window_get_section (window), ==, "new-products");
  g_assert_nonnull (find_console ());

  ipms_presenter_console_leave (console);
  iterate ();
  g_assert_null (find_console ());
  g_assert_cmpstr (ipms_window_get_section (window), ==, "panorama");

  close_all_windows ();
}

static void
test_notes_and_live_edits (void)
{
  IpmsWindow *window = open_example ();
  IpmsDocument *document = ipms_window_get_document (window);
  IpmsPresenterConsole *console;
  GtkTextView *notes;
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  IpmsRecord *project = ipms_document_get_project (document);
  GValue value = G_VALUE_INIT;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  iterate ();
  console = find_console ();
  g_assert_nonnull (console);

  /* Notes typed in the console are the slide's, undoable. */
  ipms_presenter_console_set_windowed (console, TRUE);
  iterate ();
  notes = GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (console), IPMS_TYPE_PRESENTER_CONSOLE, "notes_view"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (notes), "Thank the team first.", -1);
  iterate ();
  entries = ipms_deck_setup_list (document);
  g_assert_cmpstr (g_array_index (entries, IpmsDeckEntry, 0).notes, ==, "Thank the team first.");
  g_assert_cmpstr (ipms_document_get_undo_label (document), ==, g_dgettext (GETTEXT_PACKAGE, "Edit Speaker Notes"));
  g_assert_cmpstr (ipms_slide_get_notes (current_slide (console)), ==, "Thank the team first.");
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (console)));
  g_clear_object (&(GdkTexture *) { ipms_test_save_widget_png (GTK_WIDGET (console), "presentation-console") });

  /* In the dark style the console is dark; the slides stay light, as a
   * projected deck is, in the previews as on the audience screen. */
  {
    AdwStyleManager *style = adw_style_manager_get_default ();
    GtkWidget *preview = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (console), IPMS_TYPE_PRESENTER_CONSOLE,
                                                                     "current_view"));
    g_autoptr(GdkTexture) texture = NULL;
    graphene_point_t corner;
    guint32 background, slide;
    double width, height, slide_height;

    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
    g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (console)));
    texture = ipms_test_save_widget_png (GTK_WIDGET (console), "presentation-console-dark");
    background = ipms_test_texture_get_pixel (texture, 4, gdk_texture_get_height (texture) - 4);
    width = gtk_widget_get_width (preview);
    height = gtk_widget_get_height (preview);
    slide_height = MIN (height, width * 9 / 16);
    /* Inside the top left corner of the letterboxed slide, where slides
     * have no text. */
    g_assert_true (gtk_widget_compute_point (preview, GTK_WIDGET (console),
                                             &GRAPHENE_POINT_INIT (width * 0.02, (height - slide_height) / 2 + slide_height * 0.04),
                                             &corner));
    slide = ipms_test_texture_get_pixel (texture, (int) corner.x, (int) corner.y);
    g_test_message ("dark console: background %08x, slide %08x", background, slide);
    g_assert_cmpuint ((background >> 8) & 0xff, <, 0x60);
    g_assert_cmpuint ((slide >> 8) & 0xff, >, 0xc0);
    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  }

  /* The list of screens names each by model and connector, once each: X11
   * gives the output's name as both (Xvfb: "screen"), and no maker. */
  {
    GtkDropDown *screens = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (console), IPMS_TYPE_PRESENTER_CONSOLE,
                                                                         "monitor_dropdown"));
    GListModel *names = gtk_drop_down_get_model (screens);
    GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
    g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);

    g_assert_cmpuint (g_list_model_get_n_items (names), ==, g_list_model_get_n_items (monitors));
    if (g_strcmp0 (gdk_monitor_get_model (monitor), gdk_monitor_get_connector (monitor)) == 0 &&
        gdk_monitor_get_manufacturer (monitor) == NULL)
      g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, gdk_monitor_get_connector (monitor));
    else
      g_assert_nonnull (strstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), gdk_monitor_get_connector (monitor)));
  }

  /* An edit in the main window shows on the slide at once. */
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "PawSmart 2027 review");
  ipms_document_edit_value (document, "Rename", NULL, "project", ipms_record_get_id (project), "name", &value, &error);
  g_value_unset (&value);
  g_assert_no_error (error);
  iterate ();
  g_assert_cmpuint (ipms_presenter_console_get_position (console), ==, 0);
  g_assert_cmpstr (ipms_slide_get_title (current_slide (console)), ==, "PawSmart 2027 review");

  ipms_document_undo (document, &error);
  g_assert_no_error (error);
  iterate ();
  g_assert_cmpstr (ipms_slide_get_title (current_slide (console)), ==, "PawSmart smart pet products");

  /* An edit elsewhere in the plan leaves the slide shown as it is (the
   * same slide, nothing rendered again), and the next one still comes
   * within 100 ms: it was rendered ahead, after the edit. */
  {
    IpmsSlide *shown = current_slide (console);
    GtkWidget *audience = GTK_WIDGET (ipms_presenter_console_get_audience (console));
    gint64 start, took, wall;

    ipms_presenter_console_go_to (console, 1);
    iterate ();
    shown = current_slide (console);
    g_assert_true (ipms_test_wait_for_paint (audience));
    ipms_document_begin_edit (document, "Price", NULL, &error);
    ipms_document_set_double (document, "product", 1, "price", 149, &error);
    ipms_document_commit_edit (document, &error);
    g_assert_no_error (error);
    iterate ();
    g_assert_true (current_slide (console) == shown);
    g_assert_true (ipms_test_wait_for_paint (audience));

    /* The processor time this process spends, not the time on the wall
     * clock, which the machine's other work would make vary. */
    start = process_time_us ();
    wall = g_get_monotonic_time ();
    press (audience, GDK_KEY_Right);
    g_assert_true (ipms_test_wait_for_paint (audience));
    took = process_time_us () - start;
    g_test_message ("next slide after an edit: %.1f ms of processor time, %.1f ms on the clock",
                    took / 1000.0, (g_get_monotonic_time () - wall) / 1000.0);
    g_assert_cmpuint (ipms_presenter_console_get_position (console), ==, 2);
  }

  /* Closing the project window ends its presentation. */
  close_all_windows ();
  g_assert_null (find_console ());
}

static GtkWindow *
find_transient_window (IpmsWindow *window)
{
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (gtk_window_get_transient_for (l->data) == GTK_WINDOW (window) && gtk_widget_get_visible (l->data))
      {
        GtkWindow *found = l->data;

        g_list_free (l);
        return found;
      }

  return NULL;
}

/* The deck set-up and the review windows open from the menu's actions. */
static void
test_review_windows (void)
{
  IpmsWindow *window = open_example ();
  IpmsDocument *document = ipms_window_get_document (window);
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.deck-setup", NULL);
  dialog = find_transient_window (window);
  g_assert_nonnull (dialog);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (dialog)));
  g_clear_object (&(GdkTexture *) { ipms_test_save_widget_png (GTK_WIDGET (dialog), "presentation-deck-setup") });

  /* It follows the set-up as it changes (here from the model). */
  ipms_deck_setup_set_hidden (document, 1, TRUE, &error);
  g_assert_no_error (error);
  iterate ();
  /* Its undo is the project's. */
  {
    g_autoptr(GArray) entries = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "deck-setup.undo", NULL));
    iterate ();
    entries = ipms_deck_setup_list (document);
    g_assert_false (g_array_index (entries, IpmsDeckEntry, 1).hidden);
  }
  gtk_window_destroy (dialog);

  ipms_baseline_store (document, "Kick-off", &error);
  g_assert_no_error (error);
  ipms_document_begin_edit (document, "Price", NULL, &error);
  ipms_document_set_double (document, "product", 1, "price", 149, &error);
  ipms_document_commit_edit (document, &error);
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-review", NULL);
  dialog = find_transient_window (window);
  g_assert_nonnull (dialog);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (dialog)));
  g_clear_object (&(GdkTexture *) { ipms_test_save_widget_png (GTK_WIDGET (dialog), "presentation-changes") });
  gtk_window_destroy (dialog);

  close_all_windows ();
}

/* Under a window manager the audience window fills its screen. The
 * wrapper run-with-wm.sh starts metacity on the test's display. */
static void
test_fills_screen (void)
{
  IpmsWindow *window;
  IpmsPresenterConsole *console;
  GtkWindow *audience;
  GdkMonitor *monitor;
  GdkRectangle geometry;
  gint64 deadline;

  if (g_getenv ("IPMS_TEST_WINDOW_MANAGER") == NULL)
    {
      g_test_skip ("needs a window manager: run through run-with-wm.sh");
      return;
    }

  window = open_example ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  console = find_console ();
  audience = ipms_presenter_console_get_audience (console);

  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while ((!gtk_window_is_fullscreen (audience) ||
          gtk_widget_get_width (GTK_WIDGET (audience)) < 2) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (audience)));

  monitor = g_list_model_get_item (gdk_display_get_monitors (gdk_display_get_default ()), 0);
  gdk_monitor_get_geometry (monitor, &geometry);
  g_object_unref (monitor);

  g_test_message ("screen %d × %d, audience window %d × %d", geometry.width, geometry.height,
                  gtk_widget_get_width (GTK_WIDGET (audience)), gtk_widget_get_height (GTK_WIDGET (audience)));
  g_assert_true (gtk_window_is_fullscreen (audience));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (audience)), ==, geometry.width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (audience)), ==, geometry.height);
  g_clear_object (&(GdkTexture *) { ipms_test_save_widget_png (GTK_WIDGET (audience), "presentation-fullscreen") });

  ipms_presenter_console_leave (console);
  close_all_windows ();
}

static GdkMonitor *
monitor_of (GtkWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  return surface != NULL ? gdk_display_get_monitor_at_surface (gdk_display_get_default (), surface) : NULL;
}

/* Iterates until both windows are full screen, each on the monitor wanted. */
static gboolean
wait_for_screens (GtkWindow  *audience,
                  GdkMonitor *audience_monitor,
                  GtkWindow  *console,
                  GdkMonitor *console_monitor)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      if (gtk_window_is_fullscreen (audience) && gtk_window_is_fullscreen (console) &&
          monitor_of (audience) == audience_monitor && monitor_of (console) == console_monitor)
        return TRUE;
      g_main_context_iteration (NULL, FALSE);
    }

  return FALSE;
}

/* With two monitors (and a window manager) the audience window fills one,
 * the console the other, and S swaps them. The suite's Xvfb has one
 * output and so one monitor; run it on an X server with two, such as
 * Xorg with the dummy driver and a second output switched on by xrandr. */
static void
test_two_screens (void)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  g_autoptr(GdkMonitor) first = NULL;
  g_autoptr(GdkMonitor) second = NULL;
  IpmsPresenterConsole *console;
  GtkWindow *audience;
  GdkMonitor *main_monitor;
  IpmsWindow *window;
  GdkRectangle geometry;

  if (g_getenv ("IPMS_TEST_WINDOW_MANAGER") == NULL || g_list_model_get_n_items (monitors) < 2)
    {
      g_test_skip ("needs two monitors and a window manager");
      return;
    }

  first = g_list_model_get_item (monitors, 0);
  second = g_list_model_get_item (monitors, 1);
  window = open_example ();
  main_monitor = monitor_of (GTK_WINDOW (window));
  g_assert_nonnull (main_monitor);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  console = find_console ();
  audience = ipms_presenter_console_get_audience (console);

  /* The audience goes where the project window is not. */
  g_assert_true (wait_for_screens (audience, main_monitor == first ? second : first,
                                   GTK_WINDOW (console), main_monitor == first ? first : second));
  gdk_monitor_get_geometry (monitor_of (audience), &geometry);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (audience)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (audience)), ==, geometry.width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (audience)), ==, geometry.height);
  g_clear_object (&(GdkTexture *) { ipms_test_save_widget_png (GTK_WIDGET (audience), "presentation-two-screens-audience") });
  g_clear_object (&(GdkTexture *) { ipms_test_save_widget_png (GTK_WIDGET (console), "presentation-two-screens-console") });


  /* Unplugging the audience's monitor (IPMS_TEST_UNPLUG names the second
   * monitor's RandR output, which xrandr switches off and on again) moves
   * the audience full screen to the one left, and plugging it in again
   * puts the console back on it. */
  if (g_getenv ("IPMS_TEST_UNPLUG") != NULL)
    {
      const char *output = g_getenv ("IPMS_TEST_UNPLUG");
      g_autofree char *off = g_strdup_printf ("xrandr --output %s --off", output);
      g_autofree char *on = g_strdup_printf ("xrandr --output %s --auto --right-of %s", output,
                                             gdk_monitor_get_connector (first));
      g_autoptr(GError) error = NULL;
      gint64 deadline;

      g_assert_true (g_spawn_command_line_sync (off, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
      while ((g_list_model_get_n_items (monitors) != 1 || monitor_of (audience) != first ||
              !gtk_window_is_fullscreen (audience)) && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, FALSE);
      g_assert_cmpuint (g_list_model_get_n_items (monitors), ==, 1);
      g_assert_true (monitor_of (audience) == first);
      g_assert_true (gtk_window_is_fullscreen (audience));
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (console)));
      g_clear_object (&(GdkTexture *) { ipms_test_save_widget_png (GTK_WIDGET (audience), "presentation-unplugged") });

      g_assert_true (g_spawn_command_line_sync (on, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
      while (g_list_model_get_n_items (monitors) != 2 && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, FALSE);
      g_assert_cmpuint (g_list_model_get_n_items (monitors), ==, 2);
      g_clear_object (&second);
      second = g_list_model_get_item (monitors, 1);
      g_assert_true (wait_for_screens (audience, first, GTK_WINDOW (console), second));
    }

  /* S swaps them; choosing the audience's screen in the list moves both. */
  {
    GdkMonitor *was_audience = monitor_of (audience);
    GdkMonitor *was_console = monitor_of (GTK_WINDOW (console));
    GtkDropDown *screens = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (console), IPMS_TYPE_PRESENTER_CONSOLE,
                                                                         "monitor_dropdown"));

    press (GTK_WIDGET (audience), GDK_KEY_s);
    g_assert_true (wait_for_screens (audience, was_console, GTK_WINDOW (console), was_audience));

    gtk_drop_down_set_selected (screens, was_audience == first ? 0 : 1);
    g_assert_true (wait_for_screens (audience, was_audience, GTK_WINDOW (console), was_console));
  }

  ipms_presenter_console_leave (console);
  close_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  ipms_test_init_gtk (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = ipms_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/presentation/ui/keys", test_keys);
  g_test_add_func ("/presentation/ui/from-current-view", test_from_current_view);
  g_test_add_func ("/presentation/ui/notes-and-live-edits", test_notes_and_live_edits);
  g_test_add_func ("/presentation/ui/review-windows", test_review_windows);
  g_test_add_func ("/presentation/ui/fills-screen", test_fills_screen);
  g_test_add_func ("/presentation/ui/two-screens", test_two_screens);

  return g_test_run ();
}
