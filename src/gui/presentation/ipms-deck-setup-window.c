/* ipms-deck-setup-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-deck-setup.h"
#include "ipms-deck-setup-window.h"
#include "ipms-slide.h"

struct _IpmsDeckSetupWindow
{
  AdwWindow             parent_instance;

  AdwPreferencesPage   *page;

  IpmsWindow           *window;     /* weak */
  IpmsDocument         *document;
  AdwPreferencesGroup  *slides_group;
  AdwPreferencesGroup  *products_group;
  gboolean              editing_notes;
};

G_DEFINE_FINAL_TYPE (IpmsDeckSetupWindow, ipms_deck_setup_window, ADW_TYPE_WINDOW)

static void
report (IpmsDeckSetupWindow *self,
        const GError        *error)
{
  if (self->window != NULL)
    ipms_window_show_error (self->window, _("Could not change the deck"), error);
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
shown_changed_cb (GtkWidget           *row,
                  GParamSpec          *pspec,
                  IpmsDeckSetupWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "ipms-index"));
  gboolean shown = adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (row));

  if (!ipms_deck_setup_set_hidden (self->document, index, !shown, &error))
    report (self, error);
}

static void
move_clicked_cb (GtkWidget           *button,
                 IpmsDeckSetupWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "ipms-index"));
  int step = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "ipms-step"));

  if (!ipms_deck_setup_move (self->document, index, (guint) ((int) index + step), &error))
    report (self, error);
}

static void
notes_changed_cb (GtkEditable         *editable,
                  IpmsDeckSetupWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "ipms-index"));

  /* The page is not made again for the notes being typed into it. */
  self->editing_notes = TRUE;
  if (!ipms_deck_setup_set_notes (self->document, index, gtk_editable_get_text (editable), &error))
    report (self, error);
  self->editing_notes = FALSE;
}

static void
product_toggled_cb (GtkWidget           *check,
                    GParamSpec          *pspec,
                    IpmsDeckSetupWindow *self)
{
  g_autoptr(GError) error = NULL;
  gint64 product_id = *(gint64 *) g_object_get_data (G_OBJECT (check), "ipms-product");

  if (!ipms_deck_setup_set_product (self->document, product_id,
                                    gtk_check_button_get_active (GTK_CHECK_BUTTON (check)), &error))
    report (self, error);
}

static GtkWidget *
move_button (IpmsDeckSetupWindow *self,
             const char          *icon,
             const char          *tooltip,
             guint                index,
             int                  step,
             gboolean             sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_sensitive (button, sensitive);
  g_object_set_data (G_OBJECT (button), "ipms-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), "ipms-step", GINT_TO_POINTER (step));
  g_signal_connect (button, "clicked", G_CALLBACK (move_clicked_cb), self);

  return button;
}

/* The rows are one per deck entry and product, so they are made here from
 * the set-up rather than in the template. */
static void
fill (IpmsDeckSetupWindow *self)
{
  g_autoptr(GArray) entries = ipms_deck_setup_list (self->document);
  g_autoptr(GPtrArray) products = ipms_document_query (self->document, "product", NULL, 0, "name");
  g_autoptr(GHashTable) with_slide = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (self->slides_group != NULL)
    adw_preferences_page_remove (self->page, self->slides_group);
  if (self->products_group != NULL)
    adw_preferences_page_remove (self->page, self->products_group);

  self->slides_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->slides_group, _("Slides"));
  adw_preferences_group_set_description (self->slides_group,
                                         _("Switch a slide off to hide it without losing its notes."));

  for (guint i = 0; i < entries->len; i++)
    {
      IpmsDeckEntry *entry = &g_array_index (entries, IpmsDeckEntry, i);
      g_autofree char *title = entry_title (self->document, entry);
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
      g_signal_connect (row, "notify::enable-expansion", G_CALLBACK (shown_changed_cb), self);

      /* Actions are packed from the end: Down first leaves Up on the left. */
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                   move_button (self, "go-down-symbolic", _("Move Down"), i, 1, i + 1 < entries->len));
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                   move_button (self, "go-up-symbolic", _("Move Up"), i, -1, i > 0));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (notes), _("Speaker notes"));
      gtk_editable_set_text (GTK_EDITABLE (notes), entry->notes);
      g_object_set_data (G_OBJECT (notes), "ipms-index", GUINT_TO_POINTER (i));
      g_signal_connect (notes, "changed", G_CALLBACK (notes_changed_cb), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), notes);

      adw_preferences_group_add (self->slides_group, row);

      if (entry->product_id != 0)
        g_hash_table_add (with_slide, g_memdup2 (&entry->product_id, sizeof entry->product_id));
    }

  self->products_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->products_group, _("Products With a Slide"));

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
      g_signal_connect (check, "notify::active", G_CALLBACK (product_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->products_group, row);
    }

  adw_preferences_page_add (self->page, self->slides_group);
  adw_preferences_page_add (self->page, self->products_group);
}

/* The one place that says which actions can run now. */
static void
update_actions (IpmsDeckSetupWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deck-setup.undo", ipms_document_can_undo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deck-setup.redo", ipms_document_can_redo (self->document));
}

static void
changes_done_cb (IpmsDeckSetupWindow *self)
{
  if (!self->editing_notes)
    fill (self);
  update_actions (self);
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  IpmsDeckSetupWindow *self = IPMS_DECK_SETUP_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!ipms_deck_setup_reset (self->document, &error))
    report (self, error);
}

/* The set-up's changes are the project's edits: undo and redo work here
 * as in the project window. */
static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IpmsDeckSetupWindow *self = IPMS_DECK_SETUP_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean redo = g_str_equal (action_name, "deck-setup.redo");

  if (!(redo ? ipms_document_redo (self->document, &error) : ipms_document_undo (self->document, &error)))
    report (self, error);
}

static void
ipms_deck_setup_window_dispose (GObject *object)
{
  IpmsDeckSetupWindow *self = IPMS_DECK_SETUP_WINDOW (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_weak_pointer (&self->window);

  gtk_widget_dispose_template (GTK_WIDGET (self), IPMS_TYPE_DECK_SETUP_WINDOW);

  G_OBJECT_CLASS (ipms_deck_setup_window_parent_class)->dispose (object);
}

static void
ipms_deck_setup_window_class_init (IpmsDeckSetupWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipms_deck_setup_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ipmsplanner/Planner/presentation/ipms-deck-setup-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IpmsDeckSetupWindow, page);

  gtk_widget_class_install_action (widget_class, "deck-setup.reset", NULL, reset_action);
  gtk_widget_class_install_action (widget_class, "deck-setup.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "deck-setup.redo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "deck-setup.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "deck-setup.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "deck-setup.redo", NULL);
}

static void
ipms_deck_setup_window_init (IpmsDeckSetupWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ipms_deck_setup_window_new (IpmsWindow *window)
{
  IpmsDeckSetupWindow *self;

  g_return_val_if_fail (IPMS_IS_WINDOW (window), NULL);

  self = g_object_new (IPMS_TYPE_DECK_SETUP_WINDOW, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  self->document = g_object_ref (ipms_window_get_document (window));
  g_signal_connect_swapped (self->document, "changes-done", G_CALLBACK (changes_done_cb), self);

  fill (self);
  update_actions (self);

  return GTK_WIDGET (self);
}
