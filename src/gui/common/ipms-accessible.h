/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * What a screen reader needs from widgets that GTK 4.8 and libadwaita 1.2
 * leave unnamed.
 *
 * ipms_accessible_name_enclosing(): the focus of a list or a column view
 * lands on the list item (or row) around what a factory made, and GTK 4.8
 * names it by nothing it holds ("list item", "GtkListItemWidget"). This
 * names the nearest such ancestor of `child` with `role`, within the few
 * wrappers a list puts around it (never a list further out); NULL unsets
 * the name.
 */
void ipms_accessible_name_enclosing (GtkWidget         *child,
                                     GtkAccessibleRole  role,
                                     const char        *label);

/* The text of a drop-down's item as it is shown. */
typedef char *(*IpmsDescribeItemFunc) (GObject  *item,
                                       gpointer  user_data);

/*
 * GTK 4.8 gives a drop-down's keyboard focus to a toggle button inside it,
 * which a screen reader calls "GtkToggleButton" and nothing else, and the
 * choices that pop up are each called "list item". This names the
 * drop-down `label`, and the button "label: choice shown" (as "Grade: S"),
 * kept so as the choice changes; it may be called again with another
 * label. The drop-down shows its items through a factory of this helper,
 * which names each choice as it reads, and follows an item's "changed"
 * signal where it has one (a row of the plan renamed elsewhere).
 */
void ipms_accessible_drop_down_set_label    (GtkDropDown          *drop_down,
                                             const char           *label);
/* How an item is shown, for items that are not GtkStringObjects (shown as
 * they are); before the label is set. */
void ipms_accessible_drop_down_set_describe (GtkDropDown          *drop_down,
                                             IpmsDescribeItemFunc  describe,
                                             gpointer              user_data);

/* The same for the choices an AdwComboRow pops up (its own row already
 * reads its title and choice): each is named as it reads. */
void ipms_accessible_combo_row_name_choices (AdwComboRow *row);

G_END_DECLS
