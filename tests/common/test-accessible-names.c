/* test-accessible-names.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every button and list item of the project window (each section page,
 * the three charts with their popovers) and of the export dialog has the
 * accessible name a sighted user reads: not empty, no mnemonic
 * underscore, not a type name.
 *
 * GTK 4.8 has no getter for the name a screen reader gets, so name_of()
 * computes it the way GTK 4.8's AT-SPI backend does (checked against the
 * AT-SPI tree with pyatspi): the "label" property, followed by the names of
 * the "labelled-by" relation's targets; when that is empty, AT-SPI shows
 * the widget's type name ("GtkImage" for an icon button labelled by its
 * image). The properties are read back through the test accessibility
 * backend (GTK_A11Y=test), whose check functions return the actual value
 * when it differs from the one asked for.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ipms-accessible.h"
#include "ipms-application.h"
#include "ipms-example.h"
#include "ipms-export-dialog.h"
#include "ipms-test-utils.h"
#include "ipms-timeline-page.h"
#include "ipms-window.h"

static IpmsApplication *app;
/* Every failure, listed at the end so that one run shows them all. */
static GPtrArray *failures;

/* No value is ever this, so the check returns the actual one. */
#define IMPOSSIBLE "\x01"

static char *
own_label (GtkAccessible *accessible)
{
  if (!gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;

  return gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, IMPOSSIBLE);
}

/* The relation's targets, which the test backend prints as
 * "GtkLabel<0x…> GtkImage<0x…>": live objects of this process. */
static GPtrArray *
labelled_by (GtkAccessible *accessible)
{
  GPtrArray *targets = g_ptr_array_new ();
  g_autofree char *text = NULL;

  if (!gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return targets;

  text = gtk_test_accessible_check_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY, NULL);
  for (const char *p = text != NULL ? strchr (text, '<') : NULL; p != NULL; p = strchr (p + 1, '<'))
    {
      gpointer target = NULL;

      if (sscanf (p, "<%p>", &target) == 1 && GTK_IS_ACCESSIBLE (target))
        g_ptr_array_add (targets, target);
    }

  return targets;
}

static char *
name_of (GtkWidget *widget)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *label = own_label (GTK_ACCESSIBLE (widget));
  g_autoptr(GPtrArray) targets = labelled_by (GTK_ACCESSIBLE (widget));

  if (label != NULL && label[0] != '\0')
    g_string_append (name, label);

  for (guint i = 0; i < targets->len; i++)
    {
      g_autofree char *part = own_label (g_ptr_array_index (targets, i));

      if (part == NULL || part[0] == '\0')
        continue;
      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, part);
    }

  if (name->len == 0)
    g_string_append (name, G_OBJECT_TYPE_NAME (targets->len > 0 ? g_ptr_array_index (targets, 0) : widget));

  return g_string_free (g_steal_pointer (&name), FALSE);
}

/* Widgets whose inner buttons and list items the toolkit builds and names
 * (or fails to name: on 4.8 the steppers of a GtkSpinButton, the arrows
 * of a GtkCalendar, an AdwEntryRow's apply button and the items of the
 * lists a GtkDropDown and an AdwComboRow pop up have no name); the
 * application cannot reach them, so they are left out. A GtkDropDown's
 * own button is the exception: the application names it. */
static gboolean
is_toolkit_composite (GtkWidget *widget)
{
  return GTK_IS_SPIN_BUTTON (widget) || GTK_IS_CALENDAR (widget) || GTK_IS_DROP_DOWN (widget) ||
         ADW_IS_ENTRY_ROW (widget) || ADW_IS_COMBO_ROW (widget);
}

static void
add_failure (const char *failure)
{
  for (guint i = 0; i < failures->len; i++)
    if (g_str_equal (g_ptr_array_index (failures, i), failure))
      return;

  g_ptr_array_add (failures, g_strdup (failure));
}

/* The rules for one widget's name; `where` names the place. */
static void
check_name (GtkWidget  *widget,
            const char *where)
{
  g_autofree char *name = name_of (widget);
  g_autofree char *path = g_strdup_printf ("%s: %s “%s” (tooltip “%s”)", where,
                                           G_OBJECT_TYPE_NAME (widget), name,
                                           gtk_widget_get_tooltip_text (widget));
  gsize half = strlen (name) / 2;

  if (name[0] == '\0' || strchr (name, '_') != NULL || g_str_has_prefix (name, "Gtk") ||
      g_str_has_prefix (name, "Adw"))
    {
      g_autofree char *failure = g_strdup_printf ("wrong: %s", path);
      add_failure (failure);
    }
  /* The same words twice: "_Export… Export…" fixed half-way. */
  if (strlen (name) % 2 == 1 && name[half] == ' ' && strncmp (name, name + half + 1, half) == 0)
    {
      g_autofree char *failure = g_strdup_printf ("said twice: %s", path);
      add_failure (failure);
    }
  g_test_message ("%s", path);
}

/* The fields a user types into that the toolkit does not name from a row
 * around them: spin buttons and text views, shown or not (a side panel's
 * fields are named before it opens). Returns how many were checked. */
static guint
check_fields (GtkWidget  *widget,
              const char *where)
{
  guint n = 0;

  if (GTK_IS_SPIN_BUTTON (widget) || GTK_IS_TEXT_VIEW (widget))
    {
      check_name (widget, where);
      return 1;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += check_fields (child, where);

  return n;
}

static gboolean
is_button (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget);
}

static gboolean
has_focusable_descendant (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if ((gtk_widget_get_focusable (child) && gtk_widget_get_visible (child)) || has_focusable_descendant (child))
      return TRUE;

  return FALSE;
}

/* The items of lists that the keyboard focus lands on (a list item holding
 * fields passes the focus on to them): a screen reader says only their
 * name. Returns how many were checked. */
static guint
check_list_items (GtkWidget  *widget,
                  const char *where)
{
  guint n = 0;

  if (is_toolkit_composite (widget) || !gtk_widget_get_visible (widget))
    return 0;

  if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_LIST_ITEM &&
      gtk_widget_get_focusable (widget) && !has_focusable_descendant (widget))
    {
      g_autofree char *place = g_strdup_printf ("%s, a list item of %s", where,
                                                gtk_widget_get_first_child (widget) != NULL
                                                  ? G_OBJECT_TYPE_NAME (gtk_widget_get_first_child (widget)) : "nothing");

      check_name (widget, place);
      n++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += check_list_items (child, where);

  return n;
}

/* Checks the buttons under `widget`, popovers included; `where` names the
 * place for the failure message. Returns how many were checked. */
static guint
check_buttons (GtkWidget  *widget,
               const char *where)
{
  guint n = 0;

  /* A drop-down's button takes its focus: the application names it. */
  if (GTK_IS_DROP_DOWN (widget) && gtk_widget_get_visible (widget))
    {
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_TOGGLE_BUTTON (child))
          {
            check_name (child, where);
            return 1;
          }
      g_assert_not_reached ();
    }

  /* Hidden widgets are not in the accessible tree; a popover is, once it
   * pops up. */
  if (is_toolkit_composite (widget) || (!gtk_widget_get_visible (widget) && !GTK_IS_POPOVER (widget)))
    return 0;

  if (is_button (widget))
    {
      check_name (widget, where);
      n++;
    }

  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget)) != NULL)
    {
      GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget));

      if (gtk_widget_get_parent (GTK_WIDGET (popover)) != widget)
        n += check_buttons (GTK_WIDGET (popover), where);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += check_buttons (child, where);

  return n;
}

/* Whether a user could click it: a cell of a table scrolled sideways may
 * be mapped and still lie outside the window, where GTK 4.8 finds no
 * monitor to place its popover on. */
static gboolean
is_in_view (GtkWidget *widget)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (widget, root, &bounds))
    return FALSE;

  return bounds.origin.x >= 0 && bounds.origin.y >= 0 &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (root) &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (root);
}

/* Popovers build some of their content when they show (the price bands'
 * rows): pop up each one of a shown page, check it, and close it. */
static void
check_popovers (GtkWidget  *widget,
                const char *where)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) == NULL &&
      gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget)) != NULL && is_in_view (widget))
    {
      GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget));

      gtk_menu_button_popup (GTK_MENU_BUTTON (widget));
      g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (popover)));
      check_buttons (GTK_WIDGET (popover), where);
      gtk_menu_button_popdown (GTK_MENU_BUTTON (widget));
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_popovers (child, where);
}

static void
check_export_dialog (IpmsWindow *window,
                     GtkWidget  *page,
                     const char *section)
{
  GtkWindow *dialog;
  g_autofree char *where = g_strdup_printf ("export dialog of %s", section);

  if (g_str_equal (section, "panorama"))
    g_assert_true (gtk_widget_activate_action (page, "panorama-page.export", NULL));
  else
    g_assert_true (gtk_widget_activate_action (ipms_test_find_widget (page, IPMS_TYPE_TIMELINE_PAGE, NULL, NULL),
                                               "timeline.export", NULL));

  dialog = ipms_test_find_toplevel (IPMS_TYPE_EXPORT_DIALOG, 0);
  g_assert_nonnull (dialog);
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (dialog)));
  g_assert_cmpuint (check_buttons (GTK_WIDGET (dialog), where), >=, 2);
  gtk_window_destroy (dialog);
}

static void
test_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpmsDocument) document = ipms_example_new_draft ("en_US.UTF-8", &error);
  IpmsWindow *window;
  const char * const *sections = ipms_window_list_sections ();

  g_assert_no_error (error);
  window = ipms_window_new (app, document);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ipms_test_wait_for_paint (GTK_WIDGET (window)));

  for (guint i = 0; sections[i] != NULL; i++)
    {
      GtkWidget *page;

      ipms_window_set_section (window, sections[i]);
      page = ipms_window_get_section_page (window, sections[i]);
      g_assert_true (ipms_test_wait_for_paint (page));
      g_assert_cmpuint (check_buttons (GTK_WIDGET (window), sections[i]), >, 0);
      check_popovers (page, sections[i]);
      check_fields (page, sections[i]);
      check_list_items (page, sections[i]);

      if (g_str_equal (sections[i], "panorama") || g_str_equal (sections[i], "new-products") ||
          g_str_equal (sections[i], "roadmap"))
        check_export_dialog (window, page, sections[i]);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  for (guint i = 0; i < failures->len; i++)
    g_test_message ("Accessible name %s", (const char *) g_ptr_array_index (failures, i));
  g_assert_cmpuint (failures->len, ==, 0);
}

static void
collect_list_item_names (GtkWidget *widget,
                         GPtrArray *names)
{
  if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_LIST_ITEM &&
      gtk_widget_get_mapped (widget))
    {
      g_ptr_array_add (names, name_of (widget));
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_list_item_names (child, names);
}

/* The rules themselves, on the cases GTK 4.8 gets wrong. */
static void
test_rules (void)
{
  g_autoptr(GtkWidget) mnemonic = g_object_ref_sink (gtk_button_new_with_mnemonic ("_Export…"));
  g_autoptr(GtkWidget) icon = g_object_ref_sink (gtk_button_new_from_icon_name ("list-add-symbolic"));
  g_autoptr(GtkWidget) menu = g_object_ref_sink (gtk_menu_button_new ());
  g_autoptr(GtkWidget) labelled = g_object_ref_sink (gtk_button_new_from_icon_name ("list-add-symbolic"));
  g_autofree char *mnemonic_name = name_of (mnemonic);
  g_autofree char *icon_name = NULL;
  g_autofree char *menu_name = NULL;
  g_autofree char *labelled_name = NULL;

  gtk_widget_set_tooltip_text (icon, "Add");
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "open-menu-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (labelled), GTK_ACCESSIBLE_PROPERTY_LABEL, "Add", -1);
  icon_name = name_of (icon);
  menu_name = name_of (menu);
  labelled_name = name_of (labelled);

  g_assert_cmpstr (mnemonic_name, ==, "_Export… Export…");
  g_assert_cmpstr (icon_name, ==, "GtkImage");
  g_assert_cmpstr (menu_name, ==, "GtkMenuButton");
  g_assert_cmpstr (labelled_name, ==, "Add");

  /* A field labelled twice, by its label and by its own name. */
  {
    g_autoptr(GtkWidget) box = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
    GtkWidget *label = gtk_label_new ("Needs");
    GtkWidget *view = gtk_text_view_new ();
    g_autofree char *view_name = NULL;

    gtk_box_append (GTK_BOX (box), label);
    gtk_box_append (GTK_BOX (box), view);
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
    gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, "Needs", -1);
    view_name = name_of (view);
    g_assert_cmpstr (view_name, ==, "Needs Needs");
  }
}

/* The choices a drop-down or a combo row pops up each read as their text
 * (GTK 4.8 read "list item" for each), and a drop-down's button says the
 * field and the choice. */
static void
test_drop_down_choices (void)
{
  const char * const scales[] = { "Weeks", "Months", "Quarters", "Years", NULL };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *drop_down = gtk_drop_down_new_from_strings (scales);
  GtkWidget *button = NULL;
  GtkWidget *popover = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  ipms_accessible_drop_down_set_label (GTK_DROP_DOWN (drop_down), "Time scale");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), 2);
  gtk_window_set_child (GTK_WINDOW (window), drop_down);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ipms_test_wait_for_paint (drop_down));

  for (GtkWidget *child = gtk_widget_get_first_child (drop_down); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_TOGGLE_BUTTON (child))
        button = child;
      else if (GTK_IS_POPOVER (child))
        popover = child;
    }
  g_assert_nonnull (button);
  g_assert_nonnull (popover);
  {
    g_autofree char *name = name_of (button);
    g_assert_cmpstr (name, ==, "Time scale: Quarters");
  }

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  g_assert_true (ipms_test_wait_for_paint (popover));
  collect_list_item_names (popover, names);
  g_assert_cmpuint (names->len, ==, 4);
  for (guint i = 0; scales[i] != NULL; i++)
    g_assert_cmpstr (g_ptr_array_index (names, i), ==, scales[i]);
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* An AdwComboRow's choices, as in the export dialog. */
  {
    GtkWidget *list = gtk_list_box_new ();
    GtkWidget *row = adw_combo_row_new ();
    g_autoptr(GtkStringList) model = gtk_string_list_new (scales);

    adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "Time scale");
    ipms_accessible_combo_row_name_choices (ADW_COMBO_ROW (row));
    gtk_list_box_append (GTK_LIST_BOX (list), row);
    gtk_window_set_child (GTK_WINDOW (window), list);
    g_assert_true (ipms_test_wait_for_paint (row));

    g_signal_emit_by_name (row, "activate");
    popover = ipms_test_find_widget (row, GTK_TYPE_POPOVER, NULL, NULL);
    g_assert_nonnull (popover);
    g_assert_true (ipms_test_wait_for_paint (popover));
    g_ptr_array_set_size (names, 0);
    collect_list_item_names (popover, names);
    g_assert_cmpuint (names->len, ==, 4);
    for (guint i = 0; scales[i] != NULL; i++)
      g_assert_cmpstr (g_ptr_array_index (names, i), ==, scales[i]);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* The test backend keeps the properties where the checks can read them. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  ipms_test_init_gtk (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = ipms_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  failures = g_ptr_array_new_with_free_func (g_free);
  g_test_add_func ("/accessible-names/rules", test_rules);
  g_test_add_func ("/accessible-names/window", test_window);
  g_test_add_func ("/accessible-names/drop-down-choices", test_drop_down_choices);

  status = g_test_run ();
  g_clear_object (&app);
  g_ptr_array_unref (failures);

  return status;
}
