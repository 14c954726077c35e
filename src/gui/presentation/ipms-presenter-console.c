/* ipms-presenter-console.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-accessible.h"
#include "ipms-audience-window.h"
#include "ipms-deck-setup.h"
#include "ipms-presenter-console.h"
#include "ipms-review-dialogs.h"
#include "ipms-slide-deck.h"
#include "ipms-slide-view.h"

struct _IpmsPresenterConsole
{
  GtkWindow        parent_instance;

  GtkLabel        *position_label;
  GtkLabel        *screen_label;
  GtkLabel        *timer_label;
  GtkLabel        *pace_label;
  GtkLabel        *clock_label;
  GtkLabel        *monitor_state_label;
  GtkButton       *pause_button;
  GtkSpinButton   *duration_spin;
  GtkStack        *stack;
  IpmsSlideView   *current_view;
  IpmsSlideView   *next_view;
  GtkTextView     *notes_view;
  GtkFlowBox      *overview;
  GtkToggleButton *overview_button;
  GtkToggleButton *windowed_button;
  GtkDropDown     *monitor_dropdown;

  IpmsWindow      *window;            /* weak */
  char            *return_section;
  IpmsSlideDeck   *deck;
  guint            position;

  GtkWindow       *audience;
  IpmsSlideView   *audience_view;
  GtkFlowBox      *audience_overview;
  const char      *cover_mode;        /* NULL, "black" or "white" */
  gboolean         overview_shown;

  GString         *typed_number;

  gboolean         timer_started;
  gboolean         timer_paused;
  gint64           timer_start;       /* monotonic µs */
  gint64           paused_at;
  guint            tick_id;

  guint            inhibit_cookie;
  gboolean         windowed;
  GListModel      *monitors;
  GtkStringList   *monitor_names;
  guint            audience_monitor;
  guint            replace_id;
  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (IpmsPresenterConsole, ipms_presenter_console, GTK_TYPE_WINDOW)

static void update_views (IpmsPresenterConsole *self);
static void place_windows (IpmsPresenterConsole *self);

/* Monitors */

static GdkMonitor *
get_monitor (IpmsPresenterConsole *self,
             guint                 position)
{
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (self->monitors, position);

  /* The display's list keeps its monitors alive while they are plugged in. */
  return monitor;
}

/* X11 gives a monitor its output's name as both model and connector
 * ("DP-1"), and the maker from the EDID ("DEL"); Wayland gives the real
 * model. The list says each thing once. */
static char *
monitor_name (GdkMonitor *monitor)
{
  const char *manufacturer = gdk_monitor_get_manufacturer (monitor);
  const char *model = gdk_monitor_get_model (monitor);
  const char *connector = gdk_monitor_get_connector (monitor);

  if (g_strcmp0 (model, connector) == 0)
    model = manufacturer;

  if (model != NULL && connector != NULL)
    /* Translators: a screen in the list of screens: its model and connector, "DELL U2720Q (DP-1)" */
    return g_strdup_printf (_("%s (%s)"), model, connector);
  if (connector != NULL)
    return g_strdup (connector);
  if (model != NULL)
    return g_strdup (model);
  return g_strdup (_("Screen"));
}

static void
refresh_monitor_list (IpmsPresenterConsole *self)
{
  guint n = g_list_model_get_n_items (self->monitors);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (names, monitor_name (get_monitor (self, i)));
  g_ptr_array_add (names, NULL);

  self->updating = TRUE;
  gtk_string_list_splice (self->monitor_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->monitor_names)),
                          (const char * const *) names->pdata);
  if (self->audience_monitor >= n)
    self->audience_monitor = 0;
  gtk_drop_down_set_selected (self->monitor_dropdown, self->audience_monitor);
  self->updating = FALSE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "console.swap-screens", n >= 2);
}

static gboolean
replace_windows_cb (gpointer user_data)
{
  IpmsPresenterConsole *self = user_data;

  self->replace_id = 0;
  refresh_monitor_list (self);
  place_windows (self);

  return G_SOURCE_REMOVE;
}

/* A monitor plugged in or out: its list changes before the new monitor has
 * its geometry, so look again a second later. */
static void
monitors_changed_cb (IpmsPresenterConsole *self)
{
  refresh_monitor_list (self);
  place_windows (self);
  g_clear_handle_id (&self->replace_id, g_source_remove);
  self->replace_id = g_timeout_add_seconds (1, replace_windows_cb, self);
}

static void
update_monitor_state (IpmsPresenterConsole *self)
{
  gboolean fullscreen = gtk_window_is_fullscreen (self->audience);

  gtk_label_set_label (self->monitor_state_label,
                       fullscreen ? _("Audience screen: full screen") : _("Audience screen: a window"));
}

static void
place_windows (IpmsPresenterConsole *self)
{
  guint n = g_list_model_get_n_items (self->monitors);

  if (self->windowed || n == 0)
    {
      gtk_window_unfullscreen (self->audience);
      gtk_window_unfullscreen (GTK_WINDOW (self));
      gtk_window_present (self->audience);
      gtk_window_present (GTK_WINDOW (self));
      return;
    }

  /* GTK cannot place windows: a full screen request on a monitor is the
   * only way, and it is made after the window is shown (else X11 uses the
   * focused monitor). Whether it worked comes with "fullscreened". */
  gtk_window_present (self->audience);
  gtk_window_fullscreen_on_monitor (self->audience, get_monitor (self, self->audience_monitor));

  if (n >= 2)
    {
      guint console_monitor = self->audience_monitor == 0 ? 1 : 0;

      gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
      gtk_window_present (GTK_WINDOW (self));
      gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), get_monitor (self, console_monitor));
      /* The audience window keeps the keyboard focus for a clicker. */
      gtk_window_present (self->audience);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/* Timer */

static gint64
elapsed_us (IpmsPresenterConsole *self)
{
  if (!self->timer_started)
    return 0;

  return (self->timer_paused ? self->paused_at : g_get_monotonic_time ()) - self->timer_start;
}

static char *
format_duration (gint64 seconds)
{
  if (seconds >= 3600)
    return g_strdup_printf ("%" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT,
                            seconds / 3600, seconds / 60 % 60, seconds % 60);

  return g_strdup_printf ("%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT, seconds / 60, seconds % 60);
}

static void
update_timer (IpmsPresenterConsole *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *clock = g_date_time_format (now, "%H:%M");
  gint64 elapsed = elapsed_us (self) / G_USEC_PER_SEC;
  gint64 duration = (gint64) gtk_spin_button_get_value (self->duration_spin) * 60;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->deck));
  g_autofree char *timer = NULL;

  gtk_label_set_label (self->clock_label, clock);

  gtk_widget_remove_css_class (GTK_WIDGET (self->pace_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->pace_label), "warning");

  if (duration > 0)
    {
      gint64 remaining = duration - elapsed;
      /* Where the talk should be by now, against where it is. */
      double expected = (double) elapsed / (double) duration;
      double done = n > 1 ? (double) self->position / (double) (n - 1) : 1.0;
      gboolean ahead = done >= expected;

      if (remaining >= 0)
        {
          g_autofree char *left = format_duration (remaining);
          /* Translators: the presenter's timer, time left of the planned duration */
          timer = g_strdup_printf (_("%s left"), left);
        }
      else
        {
          g_autofree char *over = format_duration (-remaining);
          /* Translators: the presenter's timer, time beyond the planned duration */
          timer = g_strdup_printf (_("%s over"), over);
        }

      if (self->timer_started)
        {
          gtk_label_set_label (self->pace_label, ahead ? _("Ahead") : _("Behind"));
          gtk_widget_add_css_class (GTK_WIDGET (self->pace_label), ahead ? "success" : "warning");
        }
      else
        gtk_label_set_label (self->pace_label, "");
    }
  else
    {
      timer = format_duration (elapsed);
      gtk_label_set_label (self->pace_label, "");
    }

  gtk_label_set_label (self->timer_label, timer);
  gtk_button_set_icon_name (self->pause_button, self->timer_paused ? "media-playback-start-symbolic"
                                                                    : "media-playback-pause-symbolic");
}

static gboolean
tick_cb (gpointer user_data)
{
  update_timer (user_data);
  return G_SOURCE_CONTINUE;
}

static void
pause_timer_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IpmsPresenterConsole *self = IPMS_PRESENTER_CONSOLE (widget);

  if (!self->timer_started)
    {
      self->timer_started = TRUE;
      self->timer_start = g_get_monotonic_time ();
    }
  else if (self->timer_paused)
    {
      self->timer_start += g_get_monotonic_time () - self->paused_at;
      self->timer_paused = FALSE;
    }
  else
    {
      self->paused_at = g_get_monotonic_time ();
      self->timer_paused = TRUE;
    }

  update_timer (self);
}

static void
reset_timer_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IpmsPresenterConsole *self = IPMS_PRESENTER_CONSOLE (widget);

  self->timer_started = FALSE;
  self->timer_paused = FALSE;
  update_timer (self);
}

/* Slides */

static void
set_notes_text (IpmsPresenterConsole *self,
                const char           *notes)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  g_autofree char *current = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  /* The deck is made again after every edit of the notes: the buffer only
   * changes when another slide's notes are shown. */
  if (g_strcmp0 (current, notes) == 0)
    return;

  self->updating = TRUE;
  gtk_text_buffer_set_text (buffer, notes, -1);
  self->updating = FALSE;
}

static void
update_views (IpmsPresenterConsole *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->deck));
  IpmsSlide *slide, *next;
  g_autofree char *position = NULL;
  GtkFlowBoxChild *child;

  if (n > 0 && self->position >= n)
    self->position = n - 1;

  slide = ipms_slide_deck_get_slide (self->deck, self->position);
  next = ipms_slide_deck_get_slide (self->deck, self->position + 1);

  ipms_slide_view_set_slide (self->audience_view, slide);
  /* Most talks go forward: the next slide is ready before the key press,
   * on the audience screen and in the console's two previews. */
  ipms_slide_view_prepare (self->audience_view, next);
  ipms_slide_view_set_slide (self->current_view, slide);
  ipms_slide_view_prepare (self->current_view, next);
  ipms_slide_view_set_slide (self->next_view, next);
  ipms_slide_view_prepare (self->next_view, ipms_slide_deck_get_slide (self->deck, self->position + 2));
  set_notes_text (self, slide != NULL ? ipms_slide_get_notes (slide) : "");
  gtk_text_view_set_editable (self->notes_view, slide != NULL);

  /* Translators: the presenter console's position in the deck, "Slide 3 of 25" */
  position = g_strdup_printf (_("Slide %u of %u"), n > 0 ? self->position + 1 : 0, n);
  gtk_label_set_label (self->position_label, position);

  if ((child = gtk_flow_box_get_child_at_index (self->overview, (int) self->position)) != NULL)
    gtk_flow_box_select_child (self->overview, child);
  if ((child = gtk_flow_box_get_child_at_index (self->audience_overview, (int) self->position)) != NULL)
    gtk_flow_box_select_child (self->audience_overview, child);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "console.previous", self->position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "console.next", self->position + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "console.edit-slide",
                                 slide != NULL && ipms_slide_kind_get_section (ipms_slide_get_kind (slide)) != NULL);
}

void
ipms_presenter_console_go_to (IpmsPresenterConsole *self,
                              guint                 position)
{
  guint n;

  g_return_if_fail (IPMS_IS_PRESENTER_CONSOLE (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->deck));
  if (n == 0)
    return;

  position = MIN (position, n - 1);

  /* The timer starts with the first change of slide. */
  if (position != self->position && !self->timer_started)
    {
      self->timer_started = TRUE;
      self->timer_start = g_get_monotonic_time ();
    }

  self->position = position;
  update_views (self);
  update_timer (self);
}

static void
deck_changed_cb (IpmsPresenterConsole *self)
{
  /* An edit during the review: the same place, the new content. */
  update_views (self);
}

static void
notes_changed_cb (IpmsPresenterConsole *self,
                  GtkTextBuffer        *buffer)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  IpmsSlide *slide;
  GtkTextIter start, end;

  if (self->updating)
    return;

  slide = ipms_slide_deck_get_slide (self->deck, self->position);
  if (slide == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  if (!ipms_deck_setup_set_notes (ipms_slide_deck_get_document (self->deck),
                                  ipms_slide_get_setup_index (slide), text, &error))
    g_warning ("Cannot keep the speaker notes: %s", error->message);
}

/* Overview */

static GtkWidget *
create_thumbnail (gpointer item,
                  gpointer user_data)
{
  IpmsPresenterConsole *self = user_data;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *view = ipms_slide_view_new ();
  GtkWidget *label;
  g_autofree char *number = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->deck));

  /* The flow box makes its children in deck order: find this one. */
  for (guint i = 0; i < n; i++)
    if (ipms_slide_deck_get_slide (self->deck, i) == item)
      number = g_strdup_printf ("%u", i + 1);

  gtk_widget_set_size_request (view, 224, 126);
  /* A homogeneous flow box stretches its children: keep the 16:9 shape. */
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  ipms_slide_view_set_slide (IPMS_SLIDE_VIEW (view), item);
  label = gtk_label_new (number);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), view);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static void
set_overview (IpmsPresenterConsole *self,
              gboolean              shown)
{
  GtkFlowBoxChild *child;

  self->overview_shown = shown;
  gtk_stack_set_visible_child_name (self->stack, shown ? "overview" : "slides");
  ipms_audience_window_set_overview_shown (IPMS_AUDIENCE_WINDOW (self->audience), shown);
  gtk_toggle_button_set_active (self->overview_button, shown);

  if (shown && (child = gtk_flow_box_get_child_at_index (self->audience_overview, (int) self->position)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (child));
  else if (!shown)
    gtk_widget_grab_focus (GTK_WIDGET (self->audience_view));
}

static void
overview_activated_cb (IpmsPresenterConsole *self,
                       GtkFlowBoxChild      *child)
{
  ipms_presenter_console_go_to (self, (guint) gtk_flow_box_child_get_index (child));
  set_overview (self, FALSE);
}

static void
overview_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  IpmsPresenterConsole *self = IPMS_PRESENTER_CONSOLE (widget);

  set_overview (self, !self->overview_shown);
}

/* Black and white screens */

static void
set_cover (IpmsPresenterConsole *self,
           const char           *mode)
{
  self->cover_mode = g_strcmp0 (self->cover_mode, mode) == 0 ? NULL : mode;
  ipms_audience_window_set_cover (IPMS_AUDIENCE_WINDOW (self->audience), self->cover_mode);

  gtk_widget_set_visible (GTK_WIDGET (self->screen_label), self->cover_mode != NULL);
  gtk_label_set_label (self->screen_label,
                       g_strcmp0 (self->cover_mode, "white") == 0 ? _("The audience sees a white screen")
                                                                  : _("The audience sees a black screen"));
}

/* Keys, the same in both windows */

static void
toggle_keys_help (IpmsPresenterConsole *self)
{
  IpmsAudienceWindow *audience = IPMS_AUDIENCE_WINDOW (self->audience);

  ipms_audience_window_set_keys_shown (audience, !ipms_audience_window_get_keys_shown (audience));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                IpmsPresenterConsole  *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->deck));
  gunichar digit = gdk_keyval_to_unicode (keyval);

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return GDK_EVENT_PROPAGATE;

  if (digit >= '0' && digit <= '9')
    {
      g_string_append_unichar (self->typed_number, digit);
      return GDK_EVENT_STOP;
    }

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (self->typed_number->len > 0)
        {
          guint64 number = g_ascii_strtoull (self->typed_number->str, NULL, 10);

          g_string_truncate (self->typed_number, 0);
          if (number >= 1 && number <= n)
            ipms_presenter_console_go_to (self, (guint) number - 1);
          return GDK_EVENT_STOP;
        }
      /* The overview's own Enter picks the slide under the focus. */
      if (self->overview_shown)
        return GDK_EVENT_PROPAGATE;
      G_GNUC_FALLTHROUGH;
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_space:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      if (self->overview_shown && keyval != GDK_KEY_Page_Down && keyval != GDK_KEY_KP_Page_Down)
        return GDK_EVENT_PROPAGATE;
      ipms_presenter_console_go_to (self, self->position + 1);
      break;

    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_BackSpace:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      if (self->overview_shown && keyval != GDK_KEY_Page_Up && keyval != GDK_KEY_KP_Page_Up)
        return GDK_EVENT_PROPAGATE;
      if (self->position > 0)
        ipms_presenter_console_go_to (self, self->position - 1);
      break;

    case GDK_KEY_Home:
      ipms_presenter_console_go_to (self, 0);
      break;

    case GDK_KEY_End:
      ipms_presenter_console_go_to (self, n > 0 ? n - 1 : 0);
      break;

    case GDK_KEY_b:
    case GDK_KEY_B:
    case GDK_KEY_period:
      set_cover (self, "black");
      break;

    case GDK_KEY_w:
    case GDK_KEY_W:
      set_cover (self, "white");
      break;

    case GDK_KEY_Tab:
    case GDK_KEY_o:
    case GDK_KEY_O:
      set_overview (self, !self->overview_shown);
      break;

    case GDK_KEY_question:
      toggle_keys_help (self);
      break;

    case GDK_KEY_s:
    case GDK_KEY_S:
      gtk_widget_activate_action (GTK_WIDGET (self), "console.swap-screens", NULL);
      break;

    case GDK_KEY_c:
    case GDK_KEY_C:
      ipms_presenter_console_set_windowed (self, !self->windowed);
      break;

    case GDK_KEY_Escape:
      if (ipms_audience_window_get_keys_shown (IPMS_AUDIENCE_WINDOW (self->audience)))
        ipms_audience_window_set_keys_shown (IPMS_AUDIENCE_WINDOW (self->audience), FALSE);
      else if (self->overview_shown)
        set_overview (self, FALSE);
      else if (self->cover_mode != NULL)
        set_cover (self, self->cover_mode);
      else
        {
          /* Gone after this: touch nothing of it. */
          ipms_presenter_console_leave (self);
          return GDK_EVENT_STOP;
        }
      break;

    default:
      return GDK_EVENT_PROPAGATE;
    }

  g_string_truncate (self->typed_number, 0);
  return GDK_EVENT_STOP;
}

static void
add_keys (IpmsPresenterConsole *self,
          GtkWidget            *widget)
{
  GtkEventController *controller = gtk_event_controller_key_new ();

  /* After the focused widget: the notes take the keys they type. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_BUBBLE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (widget, controller);
}

/* Actions */

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IpmsPresenterConsole *self = IPMS_PRESENTER_CONSOLE (widget);

  if (g_str_equal (action_name, "console.next"))
    ipms_presenter_console_go_to (self, self->position + 1);
  else if (self->position > 0)
    ipms_presenter_console_go_to (self, self->position - 1);
}

static void
edit_slide_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IpmsPresenterConsole *self = IPMS_PRESENTER_CONSOLE (widget);
  IpmsSlide *slide = ipms_slide_deck_get_slide (self->deck, self->position);
  const char *section;

  if (slide == NULL || self->window == NULL)
    return;

  section = ipms_slide_kind_get_section (ipms_slide_get_kind (slide));
  if (section == NULL)
    return;

  /* Whatever page the section shows, it opens by its id; the slide
   * follows the edits made there. */
  gtk_widget_activate_action (GTK_WIDGET (self->window), "win.show-section", "s", section);
  gtk_window_present (GTK_WINDOW (self->window));
}

static void
swap_screens_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IpmsPresenterConsole *self = IPMS_PRESENTER_CONSOLE (widget);
  guint n = g_list_model_get_n_items (self->monitors);

  if (n < 2)
    return;

  self->audience_monitor = self->audience_monitor == 0 ? 1 : 0;
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->monitor_dropdown, self->audience_monitor);
  self->updating = FALSE;
  place_windows (self);
}

static void
windowed_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  IpmsPresenterConsole *self = IPMS_PRESENTER_CONSOLE (widget);

  ipms_presenter_console_set_windowed (self, !self->windowed);
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ipms_presenter_console_leave (IPMS_PRESENTER_CONSOLE (widget));
}

static void
monitor_selected_cb (IpmsPresenterConsole *self)
{
  guint selected = gtk_drop_down_get_selected (self->monitor_dropdown);

  if (self->updating || selected == GTK_INVALID_LIST_POSITION || selected == self->audience_monitor)
    return;

  self->audience_monitor = selected;
  place_windows (self);
}

static gboolean
close_request_cb (IpmsPresenterConsole *self)
{
  ipms_presenter_console_leave (self);
  return TRUE;
}

/* The audience window */

static void
build_audience (IpmsPresenterConsole *self)
{
  g_autofree char *title = ipms_document_dup_title (ipms_slide_deck_get_document (self->deck));

  self->audience = GTK_WINDOW (ipms_audience_window_new ());
  gtk_window_set_title (self->audience, title);
  self->audience_view = ipms_audience_window_get_view (IPMS_AUDIENCE_WINDOW (self->audience));
  self->audience_overview = ipms_audience_window_get_overview (IPMS_AUDIENCE_WINDOW (self->audience));
  gtk_flow_box_bind_model (self->audience_overview, G_LIST_MODEL (self->deck), create_thumbnail, self, NULL);
  g_signal_connect_swapped (self->audience_overview, "child-activated", G_CALLBACK (overview_activated_cb), self);

  add_keys (self, GTK_WIDGET (self->audience));
  g_signal_connect_swapped (self->audience, "close-request", G_CALLBACK (close_request_cb), self);
  g_signal_connect_swapped (self->audience, "notify::fullscreened", G_CALLBACK (update_monitor_state), self);
}

/* Object */

static void
ipms_presenter_console_dispose (GObject *object)
{
  IpmsPresenterConsole *self = IPMS_PRESENTER_CONSOLE (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->replace_id, g_source_remove);
  if (self->monitors != NULL)
    g_signal_handlers_disconnect_by_data (self->monitors, self);
  if (self->deck != NULL)
    g_signal_handlers_disconnect_by_data (self->deck, self);
  g_clear_pointer (&self->audience, gtk_window_destroy);
  g_clear_object (&self->deck);
  g_clear_object (&self->monitor_names);
  g_clear_weak_pointer (&self->window);

  gtk_widget_dispose_template (GTK_WIDGET (self), IPMS_TYPE_PRESENTER_CONSOLE);

  G_OBJECT_CLASS (ipms_presenter_console_parent_class)->dispose (object);
}

static void
ipms_presenter_console_finalize (GObject *object)
{
  IpmsPresenterConsole *self = IPMS_PRESENTER_CONSOLE (object);

  g_free (self->return_section);
  g_string_free (self->typed_number, TRUE);

  G_OBJECT_CLASS (ipms_presenter_console_parent_class)->finalize (object);
}

static void
ipms_presenter_console_class_init (IpmsPresenterConsoleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipms_presenter_console_dispose;
  object_class->finalize = ipms_presenter_console_finalize;

  g_type_ensure (IPMS_TYPE_SLIDE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ipmsplanner/Planner/presentation/ipms-presenter-console.ui");
  gtk_widget_class_bind_template_child (widget_class, IpmsPresenterConsole, position_label);
  gtk_widget_class_bind_template_child (widget_class, IpmsPresenterConsole, screen_label);
  gtk_widget_class_bind_template_child (widget_class, IpmsPresenterConsole, timer_label);
  gtk_widget_class_bind_template_child (widget_class, IpmsPresenterConsole, pace_label);
  gtk_widget_class_bind_template_child (widget_class, IpmsPresenterConsole, clock_label);
  gtk_widget_class_bind_template_child (widget_class, IpmsPresenterConsole, monitor_state_label);
  gtk_widget_class_bind_template_child (widget_class, IpmsPresenterConsole, pause_button);
  gtk_widget_class_bind_template_child (widget_class, IpmsPresenterConsole, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, IpmsPresenterConsole, stack);
  gtk_widget_class_bind_template_child (widget_class, IpmsPresenterConsole, current_view);
  gtk_widget_class_bind_template_child (widget_class, IpmsPresenterConsole, next_view);
  gtk_widget_class_bind_template_child (widget_class, IpmsPresenterConsole, notes_view);
  gtk_widget_class_bind_template_child (widget_class, IpmsPresenterConsole, overview);
  gtk_widget_class_bind_template_child (widget_class, IpmsPresenterConsole, overview_button);
  gtk_widget_class_bind_template_child (widget_class, IpmsPresenterConsole, windowed_button);
  gtk_widget_class_bind_template_child (widget_class, IpmsPresenterConsole, monitor_dropdown);

  gtk_widget_class_install_action (widget_class, "console.next", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "console.previous", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "console.overview", NULL, overview_action);
  gtk_widget_class_install_action (widget_class, "console.edit-slide", NULL, edit_slide_action);
  gtk_widget_class_install_action (widget_class, "console.swap-screens", NULL, swap_screens_action);
  gtk_widget_class_install_action (widget_class, "console.windowed", NULL, windowed_action);
  gtk_widget_class_install_action (widget_class, "console.leave", NULL, leave_action);
  gtk_widget_class_install_action (widget_class, "console.pause-timer", NULL, pause_timer_action);
  gtk_widget_class_install_action (widget_class, "console.reset-timer", NULL, reset_timer_action);
}

static void
ipms_presenter_console_init (IpmsPresenterConsole *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ipms_accessible_drop_down_set_label (self->monitor_dropdown, _("Screen for the audience"));

  self->typed_number = g_string_new (NULL);
  self->monitor_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->monitor_dropdown, G_LIST_MODEL (self->monitor_names));
  g_signal_connect_swapped (self->monitor_dropdown, "notify::selected", G_CALLBACK (monitor_selected_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (notes_changed_cb), self);
  g_signal_connect_swapped (self->overview, "child-activated", G_CALLBACK (overview_activated_cb), self);
  g_signal_connect_swapped (self, "close-request", G_CALLBACK (close_request_cb), self);
  g_signal_connect_swapped (self->duration_spin, "value-changed", G_CALLBACK (update_timer), self);
  add_keys (self, GTK_WIDGET (self));
}

IpmsPresenterConsole *
ipms_presenter_console_start (IpmsWindow *window,
                              const char *section)
{
  IpmsPresenterConsole *self;
  GtkApplication *application;
  GdkDisplay *display;
  GdkSurface *surface;
  guint position = 0;

  g_return_val_if_fail (IPMS_IS_WINDOW (window), NULL);

  self = g_object_new (IPMS_TYPE_PRESENTER_CONSOLE, NULL);
  g_set_weak_pointer (&self->window, window);
  self->return_section = g_strdup (ipms_window_get_section (window));
  self->deck = ipms_slide_deck_new (ipms_window_get_document (window));
  {
    /* "What changed" compares with the review chosen last, else the newest. */
    IpmsDocument *document = ipms_window_get_document (window);
    g_autofree char *baseline = ipms_document_dup_view_state (document, IPMS_REVIEW_BASELINE_KEY);
    gint64 id = baseline != NULL ? ipms_baseline_find (document, baseline) : 0;

    if (id != 0)
      ipms_slide_deck_set_baseline (self->deck, id, NULL);
  }
  g_signal_connect_swapped (self->deck, "items-changed", G_CALLBACK (deck_changed_cb), self);

  gtk_flow_box_bind_model (self->overview, G_LIST_MODEL (self->deck), create_thumbnail, self, NULL);
  build_audience (self);

  if (section != NULL)
    for (guint kind = 0; kind < IPMS_SLIDE_N_KINDS; kind++)
      if (g_strcmp0 (ipms_slide_kind_get_section (kind), section) == 0)
        {
          position = ipms_slide_deck_find_kind (self->deck, kind);
          if (position == G_MAXUINT)
            position = 0;
          break;
        }
  self->position = position;

  /* The audience goes where the project window is not, when it can. */
  display = gtk_widget_get_display (GTK_WIDGET (window));
  self->monitors = gdk_display_get_monitors (display);
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  if (surface != NULL && g_list_model_get_n_items (self->monitors) >= 2)
    {
      GdkMonitor *main_monitor = gdk_display_get_monitor_at_surface (display, surface);

      self->audience_monitor = get_monitor (self, 0) == main_monitor ? 1 : 0;
    }
  g_signal_connect_swapped (self->monitors, "items-changed", G_CALLBACK (monitors_changed_cb), self);
  refresh_monitor_list (self);

  application = gtk_window_get_application (GTK_WINDOW (window));
  if (application != NULL)
    {
      gtk_window_set_application (GTK_WINDOW (self), application);
      gtk_window_set_application (self->audience, application);
      self->inhibit_cookie = gtk_application_inhibit (application, self->audience,
                                                      GTK_APPLICATION_INHIBIT_IDLE,
                                                      _("Presenting a review"));
    }

  update_views (self);
  update_timer (self);
  self->tick_id = g_timeout_add_seconds (1, tick_cb, self);

  place_windows (self);
  update_monitor_state (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->audience_view));

  return self;
}

void
ipms_presenter_console_leave (IpmsPresenterConsole *self)
{
  GtkApplication *application;

  g_return_if_fail (IPMS_IS_PRESENTER_CONSOLE (self));

  application = gtk_window_get_application (GTK_WINDOW (self));
  if (application != NULL && self->inhibit_cookie != 0)
    gtk_application_uninhibit (application, self->inhibit_cookie);
  self->inhibit_cookie = 0;

  /* Not when the project window itself is closing. */
  if (self->window != NULL && gtk_widget_get_mapped (GTK_WIDGET (self->window)))
    {
      if (self->return_section != NULL)
        ipms_window_set_section (self->window, self->return_section);
      gtk_window_present (GTK_WINDOW (self->window));
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

GtkWindow *
ipms_presenter_console_get_audience (IpmsPresenterConsole *self)
{
  g_return_val_if_fail (IPMS_IS_PRESENTER_CONSOLE (self), NULL);
  return self->audience;
}

guint
ipms_presenter_console_get_position (IpmsPresenterConsole *self)
{
  g_return_val_if_fail (IPMS_IS_PRESENTER_CONSOLE (self), 0);
  return self->position;
}

guint
ipms_presenter_console_get_n_slides (IpmsPresenterConsole *self)
{
  g_return_val_if_fail (IPMS_IS_PRESENTER_CONSOLE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->deck));
}

const char *
ipms_presenter_console_get_cover (IpmsPresenterConsole *self)
{
  g_return_val_if_fail (IPMS_IS_PRESENTER_CONSOLE (self), NULL);
  return self->cover_mode;
}

gboolean
ipms_presenter_console_get_overview (IpmsPresenterConsole *self)
{
  g_return_val_if_fail (IPMS_IS_PRESENTER_CONSOLE (self), FALSE);
  return self->overview_shown;
}

gboolean
ipms_presenter_console_get_windowed (IpmsPresenterConsole *self)
{
  g_return_val_if_fail (IPMS_IS_PRESENTER_CONSOLE (self), FALSE);
  return self->windowed;
}

void
ipms_presenter_console_set_windowed (IpmsPresenterConsole *self,
                                     gboolean              windowed)
{
  g_return_if_fail (IPMS_IS_PRESENTER_CONSOLE (self));

  self->windowed = windowed;
  gtk_toggle_button_set_active (self->windowed_button, windowed);
  place_windows (self);
}
