/* ipms-review-dialogs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-baseline.h"
#include "ipms-deck-setup.h"
#include "ipms-file-chooser.h"
#include "ipms-review-dialogs.h"
#include "ipms-slide-content.h"
#include "ipms-slide-export.h"

/* Deck set-up */

typedef struct
{
  IpmsWindow   *window;     /* weak */
  IpmsDocument *document;
  GtkWidget    *page;
  GtkWidget    *slides_group;
  GtkWidget    *products_group;
  gboolean      editing_notes;
} DeckSetup;

static void
deck_setup_free (DeckSetup *setup)
{
  g_signal_handlers_disconnect_by_data (setup->document, setup);
  g_clear_weak_pointer (&setup->window);
  g_object_unref (setup->document);
  g_free (setup);
}

static void
report (DeckSetup    *setup,
        const GError *error)
{
  if (setup->window != NULL)
    ipms_window_show_error (setup->window, _("Could not change the deck"), error);
}

static char *
entry_title (IpmsDocument        *document,
             const IpmsDeckEntry *entry)
{
  IpmsSlideKind kind = ipms_slide_kind_from_name (entry->kind);

  if (kind == IPMS_SLIDE_KIND_PRODUCT)
    {
      IpmsRecord *product = ipms_document_get_record (document, "product", entry->product_id);

      /* Translators: a product's slide in the deck set-up, "Product: PawSmart Feeder Pro" */
      return g_strdup_printf (_("Product: %s"), product != NULL ? ipms_record_get_string (product, "name") : "");
    }

  return g_strdup (ipms_slide_kind_get_title (kind));
}

static void
shown_changed_cb (GtkWidget  *row,
                  GParamSpec *pspec,
                  DeckSetup  *setup)
{
  g_autoptr(GError) error = NULL;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "ipms-index"));
  gboolean shown = adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (row));

  if (!ipms_deck_setup_set_hidden (setup->document, index, !shown, &error))
    report (setup, error);
}

static void
move_clicked_cb (GtkWidget *button,
                 DeckSetup *setup)
{
  g_autoptr(GError) error = NULL;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "ipms-index"));
  int step = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "ipms-step"));

  if (!ipms_deck_setup_move (setup->document, index, (guint) ((int) index + step), &error))
    report (setup, error);
}

static void
notes_changed_cb (GtkEditable *editable,
                  DeckSetup   *setup)
{
  g_autoptr(GError) error = NULL;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "ipms-index"));

  /* The page is not made again for the notes being typed into it. */
  setup->editing_notes = TRUE;
  if (!ipms_deck_setup_set_notes (setup->document, index, gtk_editable_get_text (editable), &error))
    report (setup, error);
  setup->editing_notes = FALSE;
}

static void
product_toggled_cb (GtkWidget  *check,
                    GParamSpec *pspec,
                    DeckSetup  *setup)
{
  g_autoptr(GError) error = NULL;
  gint64 product_id = *(gint64 *) g_object_get_data (G_OBJECT (check), "ipms-product");

  if (!ipms_deck_setup_set_product (setup->document, product_id,
                                    gtk_check_button_get_active (GTK_CHECK_BUTTON (check)), &error))
    report (setup, error);
}

static GtkWidget *
move_button (const char *icon,
             const char *tooltip,
             guint       index,
             int         step,
             gboolean    sensitive,
             DeckSetup  *setup)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_sensitive (button, sensitive);
  g_object_set_data (G_OBJECT (button), "ipms-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), "ipms-step", GINT_TO_POINTER (step));
  g_signal_connect (button, "clicked", G_CALLBACK (move_clicked_cb), setup);

  return button;
}

static void
fill_deck_setup (DeckSetup *setup)
{
  g_autoptr(GArray) entries = ipms_deck_setup_list (setup->document);
  g_autoptr(GPtrArray) products = ipms_document_query (setup->document, "product", NULL, 0, "name");
  g_autoptr(GHashTable) with_slide = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (setup->page);

  if (setup->slides_group != NULL)
    adw_preferences_page_remove (page, ADW_PREFERENCES_GROUP (setup->slides_group));
  if (setup->products_group != NULL)
    adw_preferences_page_remove (page, ADW_PREFERENCES_GROUP (setup->products_group));

  setup->slides_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (setup->slides_group), _("Slides"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (setup->slides_group),
                                         _("Switch a slide off to hide it without losing its notes."));

  for (guint i = 0; i < entries->len; i++)
    {
      IpmsDeckEntry *entry = &g_array_index (entries, IpmsDeckEntry, i);
      g_autofree char *title = entry_title (setup->document, entry);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *notes = adw_entry_row_new ();

      /* Plan text is plain text, "&" and all. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), entry->notes);
      adw_expander_row_set_show_enable_switch (ADW_EXPANDER_ROW (row), TRUE);
      adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row), !entry->hidden);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), FALSE);
      g_object_set_data (G_OBJECT (row), "ipms-index", GUINT_TO_POINTER (i));
      g_signal_connect (row, "notify::enable-expansion", G_CALLBACK (shown_changed_cb), setup);

      /* Actions are packed from the end: Down first leaves Up on the left. */
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                   move_button ("go-down-symbolic", _("Move Down"), i, 1, i + 1 < entries->len, setup));
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                   move_button ("go-up-symbolic", _("Move Up"), i, -1, i > 0, setup));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (notes), _("Speaker notes"));
      gtk_editable_set_text (GTK_EDITABLE (notes), entry->notes);
      g_object_set_data (G_OBJECT (notes), "ipms-index", GUINT_TO_POINTER (i));
      g_signal_connect (notes, "changed", G_CALLBACK (notes_changed_cb), setup);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), notes);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (setup->slides_group), row);

      if (entry->product_id != 0)
        g_hash_table_add (with_slide, g_memdup2 (&entry->product_id, sizeof entry->product_id));
    }

  setup->products_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (setup->products_group), _("Products With a Slide"));

  for (guint i = 0; i < products->len; i++)
    {
      IpmsRecord *product = g_ptr_array_index (products, i);
      gint64 id = ipms_record_get_id (product);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", ipms_record_get_string (product, "grade"),
                                                   ipms_record_get_string (product, "launch_date"));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ipms_record_get_string (product, "name"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (with_slide, &id));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (check), "ipms-product", g_memdup2 (&id, sizeof id), g_free);
      g_signal_connect (check, "notify::active", G_CALLBACK (product_toggled_cb), setup);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (setup->products_group), row);
    }

  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (setup->slides_group));
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (setup->products_group));
}

static void
deck_changed_cb (DeckSetup *setup)
{
  if (!setup->editing_notes)
    fill_deck_setup (setup);
}

/* The set-up's changes are the project's edits: undo and redo work here
 * as in the project window. */
static gboolean
undo_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  DeckSetup *setup = user_data;
  g_autoptr(GError) error = NULL;
  gboolean redo = g_variant_get_boolean (args);

  if (redo ? ipms_document_can_redo (setup->document) : ipms_document_can_undo (setup->document))
    {
      if (!(redo ? ipms_document_redo (setup->document, &error) : ipms_document_undo (setup->document, &error)))
        report (setup, error);
    }

  return TRUE;
}

static void
add_undo_shortcuts (GtkWidget *dialog,
                    DeckSetup *setup)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  const struct { guint key; GdkModifierType mods; gboolean redo; } keys[] = {
    { GDK_KEY_z, GDK_CONTROL_MASK, FALSE },
    { GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, TRUE },
    { GDK_KEY_y, GDK_CONTROL_MASK, TRUE },
  };

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, keys[i].mods),
                                                gtk_callback_action_new (undo_shortcut_cb, setup, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_boolean (keys[i].redo));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }

  gtk_widget_add_controller (dialog, controller);
}

static void
reset_clicked_cb (DeckSetup *setup)
{
  g_autoptr(GError) error = NULL;

  if (!ipms_deck_setup_reset (setup->document, &error))
    report (setup, error);
}

void
ipms_review_dialogs_show_deck_setup (IpmsWindow *window)
{
  DeckSetup *setup = g_new0 (DeckSetup, 1);
  GtkWidget *dialog = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *reset = gtk_button_new_with_mnemonic (_("_Reset"));

  g_set_weak_pointer (&setup->window, window);
  setup->document = g_object_ref (ipms_window_get_document (window));
  setup->page = adw_preferences_page_new ();

  gtk_widget_set_tooltip_text (reset, _("Go back to the default deck"));
  g_signal_connect_swapped (reset, "clicked", G_CALLBACK (reset_clicked_cb), setup);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), reset);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (setup->page, TRUE);
  gtk_box_append (GTK_BOX (box), setup->page);

  gtk_window_set_title (GTK_WINDOW (dialog), _("Deck Setup"));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, 720);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  adw_window_set_content (ADW_WINDOW (dialog), box);

  fill_deck_setup (setup);
  add_undo_shortcuts (dialog, setup);
  g_signal_connect_swapped (setup->document, "changes-done", G_CALLBACK (deck_changed_cb), setup);
  g_object_set_data_full (G_OBJECT (dialog), "ipms-deck-setup", setup, (GDestroyNotify) deck_setup_free);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* Mark as reviewed */

static void
mark_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  IpmsWindow       *window)
{
  g_autoptr(GError) error = NULL;
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "ipms-entry");
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "mark"))
    return;

  if (ipms_baseline_store (ipms_window_get_document (window), gtk_editable_get_text (entry), &error) == 0)
    {
      ipms_window_show_error (window, _("Could not mark the plan as reviewed"), error);
      return;
    }

  ipms_document_set_view_state (ipms_window_get_document (window), IPMS_REVIEW_BASELINE_KEY,
                                gtk_editable_get_text (entry));
  /* Translators: a notice after "Mark as Reviewed"; %s is the review's name */
  message = g_strdup_printf (_("Marked as reviewed: “%s”"), gtk_editable_get_text (entry));
  ipms_window_add_toast (window, message);
}

void
ipms_review_dialogs_mark_reviewed (IpmsWindow *window)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: the default name of a review baseline; %s is today's date */
  g_autofree char *name = g_strdup_printf (_("Review of %s"), date);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Mark as Reviewed"),
                                              _("The plan as it is now is kept in the project under this name; "
                                                "the next review shows what changed since."));
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name of the review"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "mark", _("_Mark as Reviewed"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "mark", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "mark");
  g_object_set_data (G_OBJECT (dialog), "ipms-entry", entry);
  g_signal_connect (dialog, "response", G_CALLBACK (mark_response_cb), window);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* What changed */

typedef struct
{
  IpmsWindow   *window;     /* weak */
  IpmsDocument *document;
  GPtrArray    *baselines;
  GtkDropDown  *chooser;
  GtkListBox   *changes;
  GtkWidget    *remove;
  GtkWidget    *stack;
} Changes;

static void
changes_free (Changes *changes)
{
  g_signal_handlers_disconnect_by_data (changes->document, changes);
  g_clear_weak_pointer (&changes->window);
  g_object_unref (changes->document);
  g_clear_pointer (&changes->baselines, g_ptr_array_unref);
  g_free (changes);
}

static void
fill_changes (Changes *changes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsBaselineComparison) comparison = NULL;
  guint selected = gtk_drop_down_get_selected (changes->chooser);
  IpmsBaselineInfo *info;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (changes->changes))) != NULL)
    gtk_list_box_remove (changes->changes, child);

  gtk_widget_set_sensitive (changes->remove, changes->baselines->len > 0);
  if (changes->baselines->len == 0 || selected >= changes->baselines->len)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (changes->stack), "empty");
      return;
    }

  info = g_ptr_array_index (changes->baselines, selected);
  comparison = ipms_baseline_compare (changes->document, info->id, &error);
  if (comparison == NULL)
    {
      if (changes->window != NULL)
        ipms_window_show_error (changes->window, _("Could not compare with the review"), error);
      return;
    }

  gtk_stack_set_visible_child_name (GTK_STACK (changes->stack),
                                    ipms_baseline_comparison_get_n_changes (comparison) > 0 ? "changes" : "same");

  for (guint i = 0; i < ipms_baseline_comparison_get_n_changes (comparison); i++)
    {
      const IpmsChange *change = ipms_baseline_comparison_get_change (comparison, i);
      g_autofree char *text = ipms_slide_describe_change (changes->document, change);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *change->subject ? change->subject : _("The plan"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
      gtk_list_box_append (changes->changes, row);
    }
}

static void
load_baselines (Changes *changes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *wanted = ipms_document_dup_view_state (changes->document, IPMS_REVIEW_BASELINE_KEY);
  guint selected = 0;

  g_clear_pointer (&changes->baselines, g_ptr_array_unref);
  changes->baselines = ipms_baseline_list (changes->document, &error);
  if (changes->baselines == NULL)
    changes->baselines = g_ptr_array_new ();

  for (guint i = 0; i < changes->baselines->len; i++)
    {
      IpmsBaselineInfo *info = g_ptr_array_index (changes->baselines, i);
      g_autofree char *date = g_strndup (info->created, 10);
      g_autofree char *label = g_strdup_printf ("%s (%s)", info->name, date);

      gtk_string_list_append (names, label);
      if (g_strcmp0 (info->name, wanted) == 0 && selected == 0)
        selected = i;
    }

  gtk_drop_down_set_model (changes->chooser, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (changes->chooser, selected);
  fill_changes (changes);
}

static void
chooser_changed_cb (Changes *changes)
{
  guint selected = gtk_drop_down_get_selected (changes->chooser);

  if (changes->baselines != NULL && selected < changes->baselines->len)
    ipms_document_set_view_state (changes->document, IPMS_REVIEW_BASELINE_KEY,
                                  ((IpmsBaselineInfo *) g_ptr_array_index (changes->baselines, selected))->name);
  fill_changes (changes);
}

static void
remove_clicked_cb (Changes *changes)
{
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (changes->chooser);

  if (selected >= changes->baselines->len)
    return;

  if (!ipms_baseline_remove (changes->document,
                             ((IpmsBaselineInfo *) g_ptr_array_index (changes->baselines, selected))->id, &error) &&
      changes->window != NULL)
    ipms_window_show_error (changes->window, _("Could not remove the review"), error);

  load_baselines (changes);
}

void
ipms_review_dialogs_show_changes (IpmsWindow *window)
{
  Changes *changes = g_new0 (Changes, 1);
  GtkWidget *dialog = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *same = adw_status_page_new ();

  g_set_weak_pointer (&changes->window, window);
  changes->document = g_object_ref (ipms_window_get_document (window));

  changes->chooser = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (changes->chooser), _("Review to Compare With"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (changes->chooser), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Review to compare with"), -1);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (changes->chooser));
  changes->remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (changes->remove, _("Remove This Review"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), changes->remove);
  gtk_box_append (GTK_BOX (box), header);

  changes->changes = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (changes->changes, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (changes->changes), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (changes->changes), GTK_ALIGN_START);
  gtk_widget_set_margin_top (GTK_WIDGET (changes->changes), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (changes->changes), 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (changes->changes));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emblem-default-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Reviews Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("After a review, use “Mark as Reviewed” in the menu: "
                                     "this window then shows what changed since."));
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (same), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (same), _("Nothing Changed"));

  changes->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (changes->stack, TRUE);
  gtk_stack_add_named (GTK_STACK (changes->stack), scroller, "changes");
  gtk_stack_add_named (GTK_STACK (changes->stack), empty, "empty");
  gtk_stack_add_named (GTK_STACK (changes->stack), same, "same");
  gtk_box_append (GTK_BOX (box), changes->stack);

  gtk_window_set_title (GTK_WINDOW (dialog), _("What Changed Since a Review"));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, 720);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  adw_window_set_content (ADW_WINDOW (dialog), box);
  g_object_set_data_full (G_OBJECT (dialog), "ipms-changes", changes, (GDestroyNotify) changes_free);

  load_baselines (changes);
  g_signal_connect_swapped (changes->chooser, "notify::selected", G_CALLBACK (chooser_changed_cb), changes);
  g_signal_connect_swapped (changes->remove, "clicked", G_CALLBACK (remove_clicked_cb), changes);
  /* The list follows the edits made while it is open. */
  g_signal_connect_swapped (changes->document, "changes-done", G_CALLBACK (fill_changes), changes);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* PDF export */

static void
export_chosen_cb (GtkWindow *parent,
                  GFile     *file,
                  gpointer   user_data)
{
  IpmsWindow *window = IPMS_WINDOW (parent);
  IpmsDocument *document = ipms_window_get_document (window);
  g_autoptr(IpmsSlideDeck) deck = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *baseline = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  gint64 id;

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be written"));
      ipms_window_show_error (window, _("Could not export the deck"), error);
      return;
    }

  deck = ipms_slide_deck_new (document);
  baseline = ipms_document_dup_view_state (document, IPMS_REVIEW_BASELINE_KEY);
  if (baseline != NULL && (id = ipms_baseline_find (document, baseline)) != 0)
    ipms_slide_deck_set_baseline (deck, id, NULL);

  if (!ipms_slide_deck_export_pdf (deck, path, FALSE, &error))
    {
      ipms_window_show_error (window, _("Could not export the deck"), error);
      return;
    }

  name = g_file_get_basename (file);
  /* Translators: a notice after exporting the deck; %s is a file name */
  message = g_strdup_printf (_("Deck exported to “%s”"), name);
  ipms_window_add_toast (window, message);
}

void
ipms_review_dialogs_export_deck (IpmsWindow *window)
{
  g_autofree char *title = ipms_document_dup_title (ipms_window_get_document (window));
  g_autofree char *initial = g_strdup_printf ("%s.pdf", title);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");

  ipms_choose_file (GTK_WINDOW (window), IPMS_FILE_CHOOSER_SAVE, _("Export Deck as PDF"), _("_Export"),
                    initial, filter, export_chosen_cb, NULL);
}
