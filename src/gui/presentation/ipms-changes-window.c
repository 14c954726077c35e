/* ipms-changes-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-accessible.h"
#include "ipms-baseline.h"
#include "ipms-changes-window.h"
#include "ipms-slide-content.h"

struct _IpmsChangesWindow
{
  AdwWindow     parent_instance;

  GtkDropDown  *chooser;
  GtkListBox   *changes;
  GtkStack     *stack;

  IpmsWindow   *window;     /* weak */
  IpmsDocument *document;
  GPtrArray    *baselines;
};

G_DEFINE_FINAL_TYPE (IpmsChangesWindow, ipms_changes_window, ADW_TYPE_WINDOW)

static void
fill (IpmsChangesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsBaselineComparison) comparison = NULL;
  guint selected = gtk_drop_down_get_selected (self->chooser);
  IpmsBaselineInfo *info;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->changes))) != NULL)
    gtk_list_box_remove (self->changes, child);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "changes.remove-review", self->baselines->len > 0);
  if (self->baselines->len == 0 || selected >= self->baselines->len)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  info = g_ptr_array_index (self->baselines, selected);
  comparison = ipms_baseline_compare (self->document, info->id, &error);
  if (comparison == NULL)
    {
      if (self->window != NULL)
        ipms_window_show_error (self->window, _("Could not compare with the review"), error);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack,
                                    ipms_baseline_comparison_get_n_changes (comparison) > 0 ? "changes" : "same");

  for (guint i = 0; i < ipms_baseline_comparison_get_n_changes (comparison); i++)
    {
      const IpmsChange *change = ipms_baseline_comparison_get_change (comparison, i);
      g_autofree char *text = ipms_slide_describe_change (self->document, change);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *change->subject ? change->subject : _("The plan"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
      gtk_list_box_append (self->changes, row);
    }
}

static void chooser_changed_cb (IpmsChangesWindow *self);

static void
load_baselines (IpmsChangesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *wanted = ipms_document_dup_view_state (self->document, IPMS_REVIEW_BASELINE_KEY);
  guint selected = 0;

  g_clear_pointer (&self->baselines, g_ptr_array_unref);
  self->baselines = ipms_baseline_list (self->document, &error);
  if (self->baselines == NULL)
    self->baselines = g_ptr_array_new ();

  for (guint i = 0; i < self->baselines->len; i++)
    {
      IpmsBaselineInfo *info = g_ptr_array_index (self->baselines, i);
      g_autofree char *date = g_strndup (info->created, 10);
      g_autofree char *label = g_strdup_printf ("%s (%s)", info->name, date);

      gtk_string_list_append (names, label);
      if (g_strcmp0 (info->name, wanted) == 0 && selected == 0)
        selected = i;
    }

  g_signal_handlers_block_by_func (self->chooser, chooser_changed_cb, self);
  gtk_drop_down_set_model (self->chooser, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->chooser, selected);
  g_signal_handlers_unblock_by_func (self->chooser, chooser_changed_cb, self);
  fill (self);
}

static void
chooser_changed_cb (IpmsChangesWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->chooser);

  if (self->baselines != NULL && selected < self->baselines->len)
    ipms_document_set_view_state (self->document, IPMS_REVIEW_BASELINE_KEY,
                                  ((IpmsBaselineInfo *) g_ptr_array_index (self->baselines, selected))->name);
  fill (self);
}

static void
remove_review_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  IpmsChangesWindow *self = IPMS_CHANGES_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (self->chooser);

  if (selected >= self->baselines->len)
    return;

  if (!ipms_baseline_remove (self->document,
                             ((IpmsBaselineInfo *) g_ptr_array_index (self->baselines, selected))->id, &error) &&
      self->window != NULL)
    ipms_window_show_error (self->window, _("Could not remove the review"), error);

  load_baselines (self);
}

static void
ipms_changes_window_dispose (GObject *object)
{
  IpmsChangesWindow *self = IPMS_CHANGES_WINDOW (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_weak_pointer (&self->window);
  g_clear_pointer (&self->baselines, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), IPMS_TYPE_CHANGES_WINDOW);

  G_OBJECT_CLASS (ipms_changes_window_parent_class)->dispose (object);
}

static void
ipms_changes_window_class_init (IpmsChangesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipms_changes_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ipmsplanner/Planner/presentation/ipms-changes-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IpmsChangesWindow, chooser);
  gtk_widget_class_bind_template_child (widget_class, IpmsChangesWindow, changes);
  gtk_widget_class_bind_template_child (widget_class, IpmsChangesWindow, stack);

  gtk_widget_class_install_action (widget_class, "changes.remove-review", NULL, remove_review_action);
}

static void
ipms_changes_window_init (IpmsChangesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ipms_accessible_drop_down_set_label (self->chooser, _("Review to compare with"));
}

GtkWidget *
ipms_changes_window_new (IpmsWindow *window)
{
  IpmsChangesWindow *self;

  g_return_val_if_fail (IPMS_IS_WINDOW (window), NULL);

  self = g_object_new (IPMS_TYPE_CHANGES_WINDOW, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  self->document = g_object_ref (ipms_window_get_document (window));

  g_signal_connect_swapped (self->chooser, "notify::selected", G_CALLBACK (chooser_changed_cb), self);
  load_baselines (self);
  /* The list follows the edits made while it is open. */
  g_signal_connect_swapped (self->document, "changes-done", G_CALLBACK (fill), self);

  return GTK_WIDGET (self);
}
