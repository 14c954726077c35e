/* ipms-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-category-page.h"
#include "ipms-ctmo-page.h"
#include "ipms-field-binding.h"
#include "ipms-five-looks-page.h"
#include "ipms-fold-relayout.h"
#include "ipms-form-specs.h"
#include "ipms-isor-page.h"
#include "ipms-new-products-page.h"
#include "ipms-one-year-page.h"
#include "ipms-panorama-page.h"
#include "ipms-population-page.h"
#include "ipms-products-page.h"
#include "ipms-roadmap-page.h"
#include "ipms-search-panel.h"
#include "ipms-stack-pages.h"
#include "ipms-team-page.h"
#include "ipms-three-year-page.h"
#include "ipms-window-private.h"

/* Sidebar headings; the team group has none, a separator sets it apart. */
static const char * const group_titles[] = {
  /* Translators: sidebar heading, 战略规划 */
  [GROUP_STRATEGY] = N_("Strategy"),
  /* Translators: sidebar heading, 规划 (the product manager's plans) */
  [GROUP_PLANNING] = N_("Planning"),
  /* Translators: sidebar heading, 产品路标 (the three roadmap charts) */
  [GROUP_CHARTS] = N_("Charts"),
  /* Translators: sidebar heading, 产品 */
  [GROUP_PRODUCTS] = N_("Products"),
  [GROUP_TEAM] = NULL,
};

/* Sidebar order. A view plugs in by naming its get_type function here. */
static const Section sections[] = {
  {
    "five-looks",
    /* Translators: sidebar section, 五看三定 */
    N_("Five Looks & Three Decisions"),
    "view-reveal-symbolic",
    GROUP_STRATEGY,
    N_("It will hold the analysis of the macro environment, the industry, the customers, "
       "the competition and yourself, and the strategy, targets and plan decided from it."),
    ipms_five_looks_page_get_type,
  },
  {
    "isor",
    /* Translators: sidebar section, ISOR 内观 (insight, strategy, OKR, review) */
    N_("ISOR"),
    "edit-find-symbolic",
    GROUP_STRATEGY,
    N_("It will hold the gap analysis, the initiatives that answer the gaps, "
       "the OKRs and the monthly reviews."),
    ipms_isor_page_get_type,
  },
  {
    "ctmo",
    /* Translators: sidebar section, CTMO 外观 (consumer, technology, market, organization) */
    N_("CTMO"),
    "find-location-symbolic",
    GROUP_STRATEGY,
    N_("It will hold the consumer, technology, market and organization analysis: "
       "suppliers, competition and channels included."),
    ipms_ctmo_page_get_type,
  },
  {
    "category",
    /* Translators: sidebar section, 理解品类 (understanding the product category) */
    N_("Category"),
    "view-app-grid-symbolic",
    GROUP_PLANNING,
    N_("It will hold the size and growth of the category and the sub-categories "
       "to continue, pause or enter."),
    ipms_category_page_get_type,
  },
  {
    "population",
    /* Translators: sidebar section, 理解人群 and 选择人群及定位 */
    N_("Population & Positioning"),
    "system-users-symbolic",
    GROUP_PLANNING,
    N_("It will hold the population grid, the core and radiating populations, "
       "and the ranked needs, value proposition and selling points (MUS)."),
    ipms_population_page_get_type,
  },
  {
    "three-year-plan",
    /* Translators: sidebar section, 三年规划 */
    N_("Three-Year Plan"),
    "x-office-calendar-symbolic",
    GROUP_PLANNING,
    N_("It will hold the product series, their differentiation and rhythm, "
       "and the sales and margin targets of the next three years."),
    ipms_three_year_page_get_type,
  },
  {
    "one-year-plan",
    /* Translators: sidebar section, 一年规划 */
    N_("One-Year Plan"),
    "x-office-spreadsheet-symbolic",
    GROUP_PLANNING,
    N_("It will hold the key campaigns with their 4P plans, and the OKRs, "
       "headcount, P&L and budget of the year."),
    ipms_one_year_page_get_type,
  },
  {
    "panorama",
    /* Translators: sidebar section, 产品全景图 */
    N_("Panorama"),
    "view-grid-symbolic",
    GROUP_CHARTS,
    N_("It will place every product in the population segment it serves, "
       "coloured by its grade."),
    ipms_panorama_page_get_type,
  },
  {
    "new-products",
    /* Translators: sidebar section, 新品图 */
    N_("New Product Chart"),
    "view-continuous-symbolic",
    GROUP_CHARTS,
    N_("It will show the development span and the launch date of every new product, "
       "population by population."),
    ipms_new_products_page_get_type,
  },
  {
    "roadmap",
    /* Translators: sidebar section, 路线图 (price bands over time) */
    N_("Roadmap"),
    "mark-location-symbolic",
    GROUP_CHARTS,
    N_("It will show which price band gets a launch when."),
    ipms_roadmap_page_get_type,
  },
  {
    "prds",
    /* Translators: sidebar section, 产品PRD企划书 (one product requirements document per product) */
    N_("PRDs"),
    "x-office-document-symbolic",
    GROUP_PRODUCTS,
    N_("It will hold the requirements document of every product: overview, scenarios, "
       "positioning, specifications, certifications, FAQ and box contents."),
    ipms_products_page_get_type,
  },
  {
    "team",
    /* Translators: sidebar section, 团队 (the PM–MM–CM iron triangle, 铁三角) */
    N_("Team"),
    "avatar-default-symbolic",
    GROUP_TEAM,
    N_("It will hold the people of the product group and their roles: "
       "product, market and category managers."),
    ipms_team_page_get_type,
  },
};

/* Where a project opens when it remembers no built view. */
#define DEFAULT_SECTION "panorama"

G_DEFINE_FINAL_TYPE (IpmsWindow, ipms_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTION,
  PROP_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const Section *
_ipms_window_get_sections (guint *n_sections)
{
  *n_sections = G_N_ELEMENTS (sections);
  return sections;
}

const Section *
_ipms_window_lookup_section (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (sections[i].id, id) == 0)
      return &sections[i];

  return NULL;
}

const char * const *
ipms_window_list_sections (void)
{
  static const char *ids[G_N_ELEMENTS (sections) + 1];

  if (ids[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
      ids[i] = sections[i].id;

  return ids;
}

/* The rows of a product's PRD, each with a product_id. */
static const char * const prd_tables[] = {
  "product_competitor", "product_spec", "certification", "faq", "box_item", NULL,
};

/* The product a PRD row belongs to, or the product itself; 0 otherwise. */
gint64
_ipms_window_product_of_record (IpmsDocument *document,
                                const char   *table,
                                gint64        id)
{
  IpmsRecord *record;

  if (g_str_equal (table, "product"))
    return id;

  if (!g_strv_contains (prd_tables, table) ||
      (record = ipms_document_get_record (document, table, id)) == NULL)
    return 0;

  return ipms_record_get_int (record, "product_id");
}

const char *
ipms_window_get_section_for_record (const char *table,
                                    const char *column)
{
  const IpmsFormSpec * const *specs = ipms_form_specs_get_all ();
  const Section *prds = _ipms_window_lookup_section ("prds");

  g_return_val_if_fail (table != NULL, NULL);

  /* Products and their PRD rows: the PRD editor once it is built. */
  if (g_str_equal (table, "product") || g_strv_contains (prd_tables, table))
    return prds->get_type != NULL ? prds->id : DEFAULT_SECTION;

  /* The forms say which view shows which field and table. */
  for (guint s = 0; specs[s] != NULL; s++)
    for (guint i = 0; specs[s]->sections[i].title != NULL; i++)
      {
        const IpmsFormSection *section = &specs[s]->sections[i];

        if (!g_str_equal (section->table, table))
          continue;

        if (!g_str_equal (table, "project"))
          return specs[s]->id;

        for (guint f = 0; column != NULL && section->fields[f].column != NULL; f++)
          if (g_str_equal (section->fields[f].column, column))
            return specs[s]->id;
      }

  return NULL;
}

const char *
ipms_window_get_section_title (const char *section)
{
  const Section *found = _ipms_window_lookup_section (section);

  g_return_val_if_fail (found != NULL, NULL);

  return _(found->title);
}

static GSettings *
get_settings (IpmsWindow *self)
{
  return ipms_application_get_settings (IPMS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

static IpmsApplication *
get_application (IpmsWindow *self)
{
  return IPMS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

/* Each call of gtk_widget_set_tooltip_text() makes GTK 4.8 query the
 * pointer from the X server and lay its tooltip out again, even for the
 * same text; the document notifies the window several times an edit. */
void
_ipms_window_set_tooltip_if_changed (GtkWidget  *widget,
                                     const char *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

static void
ipms_window_update_title (IpmsWindow *self)
{
  g_autofree char *title = ipms_document_dup_title (self->document);
  const char *path = ipms_document_get_path (self->document);

  /* Called on every notification of the document: what is the same is
   * left alone, as the title is sent to the X server whenever it is set. */
  if (g_strcmp0 (gtk_window_get_title (GTK_WINDOW (self)), title) != 0)
    {
      gtk_window_set_title (GTK_WINDOW (self), title);
      adw_window_title_set_title (self->project_title, title);
      /* A menu button reads as its type name, not its child's text. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Rename the project"),
                                      -1);
    }

  if (ipms_document_get_is_draft (self->document))
    {
      /* Translators: shown under the project name while it has no file of its own */
      adw_window_title_set_subtitle (self->project_title, _("Draft"));
      _ipms_window_set_tooltip_if_changed (GTK_WIDGET (self->title_button),
                                           _("This draft is saved as you work. Use Save As to give it a file of its own."));
    }
  else
    {
      g_autofree char *basename = g_path_get_basename (path);
      g_autofree char *display_name = g_filename_display_name (basename);
      g_autofree char *display_path = g_filename_display_name (path);

      /* The file name fits the sidebar's header; the whole path is one hover away. */
      adw_window_title_set_subtitle (self->project_title, display_name);
      _ipms_window_set_tooltip_if_changed (GTK_WIDGET (self->title_button), display_path);
    }
}

/* Another program (a second window, the command line) may have changed the
 * file while this window was in the background: never show it stale. */
static void
is_active_cb (IpmsWindow *self)
{
  if (self->document != NULL && gtk_window_is_active (GTK_WINDOW (self)) &&
      ipms_document_check_external_change (self->document))
    ipms_window_add_toast (self, _("The project was changed by another program and has been reloaded"));
}

static void
document_notify_cb (IpmsWindow *self)
{
  _ipms_window_update_actions (self);
  ipms_window_update_title (self);
}

/* The sidebar holds a row per section, in the same order. */
static GtkListBoxRow *
get_row (IpmsWindow    *self,
         const Section *section)
{
  return gtk_list_box_get_row_at_index (self->sidebar_list, section - sections);
}

static gboolean
focus_in_sidebar (IpmsWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sidebar_list));
}

void
_ipms_window_show_section (IpmsWindow    *self,
                           const Section *section)
{
  GtkListBoxRow *row = get_row (self, section);

  if (section == self->section)
    return;

  self->section = section;
  /* Chosen by the user (the window is on screen): built now. */
  if (self->first_page_built || gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      g_clear_handle_id (&self->first_page_source, g_source_remove);
      self->first_page_built = TRUE;
      ipms_stack_pages_show (self->stack, _ipms_window_ensure_page (self, section));
    }
  adw_window_title_set_title (self->section_title, _(section->title));

  if (gtk_list_box_get_selected_row (self->sidebar_list) != row)
    gtk_list_box_select_row (self->sidebar_list, row);
  /* The focus ring follows a section chosen from elsewhere (Alt+number,
   * Ctrl+Page Down) while it is in the sidebar, as the selection does. */
  if (focus_in_sidebar (self) && !gtk_widget_has_focus (GTK_WIDGET (row)))
    gtk_widget_grab_focus (GTK_WIDGET (row));

  _ipms_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
}

static void
sidebar_row_selected_cb (IpmsWindow    *self,
                         GtkListBoxRow *row)
{
  if (row != NULL)
    ipms_window_set_section (self, g_object_get_data (G_OBJECT (row), "ipms-section-id"));
}

static void
sidebar_row_activated_cb (IpmsWindow    *self,
                          GtkListBoxRow *row)
{
  ipms_window_set_section (self, g_object_get_data (G_OBJECT (row), "ipms-section-id"));
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
back_clicked_cb (IpmsWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static gboolean
show_content_cb (gpointer data)
{
  IpmsWindow *self = data;

  self->fold_source = 0;
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);

  return G_SOURCE_REMOVE;
}

/* Unfolded, the leaflet's visible child follows the focus, so it is often
 * the sidebar: folding must still land on the page. The leaflet folds while
 * it is being allocated; the page is shown right after. */
static void
leaflet_folded_cb (IpmsWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet) && self->fold_source == 0)
    self->fold_source = g_idle_add (show_content_cb, self);
}

/* Entering the sidebar lands on the section shown, not on the row the
 * keyboard last left. */
static void
sidebar_focus_enter_cb (IpmsWindow *self)
{
  GtkListBoxRow *row = get_row (self, self->section);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != GTK_WIDGET (row) && GTK_IS_LIST_BOX_ROW (focus))
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* Tab leaves the sidebar as in GNOME Settings: forward into the page (or
 * its header bar when the page takes no focus), backward to the sidebar's
 * header bar, and to that header bar either way when the window is folded
 * and the page is out of sight; the arrow keys move between sections.
 * GtkListBox alone would move Tab to the next row, which selects the next
 * section. */
static gboolean
ipms_window_focus (GtkWidget        *widget,
                   GtkDirectionType  direction)
{
  IpmsWindow *self = IPMS_WINDOW (widget);

  if ((direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_TAB_BACKWARD) && focus_in_sidebar (self))
    {
      GtkWidget *page = gtk_stack_get_visible_child (self->stack);

      if (direction == GTK_DIR_TAB_FORWARD && !adw_leaflet_get_folded (self->leaflet) &&
          ((page != NULL && gtk_widget_child_focus (page, direction)) ||
           gtk_widget_child_focus (self->content, direction)))
        return TRUE;

      if (gtk_widget_child_focus (self->sidebar_header, direction))
        return TRUE;
    }

  return GTK_WIDGET_CLASS (ipms_window_parent_class)->focus (widget, direction);
}

static void
sidebar_header_func (GtkListBoxRow *row,
                     GtkListBoxRow *before,
                     gpointer       user_data)
{
  const Section *section = _ipms_window_lookup_section (g_object_get_data (G_OBJECT (row), "ipms-section-id"));
  const char *title;
  GtkWidget *header;

  if (before != NULL)
    {
      const Section *previous = _ipms_window_lookup_section (g_object_get_data (G_OBJECT (before), "ipms-section-id"));

      if (previous->group == section->group)
        {
          gtk_list_box_row_set_header (row, NULL);
          return;
        }
    }

  if (gtk_list_box_row_get_header (row) != NULL)
    return;

  title = group_titles[section->group];
  if (title != NULL)
    {
      header = gtk_label_new (_(title));
      gtk_label_set_xalign (GTK_LABEL (header), 0.0);
      gtk_widget_add_css_class (header, "sidebar-heading");
      gtk_widget_add_css_class (header, "heading");
      gtk_widget_add_css_class (header, "dim-label");
    }
  else
    {
      header = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
      gtk_widget_add_css_class (header, "sidebar-separator");
    }

  gtk_list_box_row_set_header (row, header);
}

static GtkListBoxRow *
create_row (const Section *section)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_(section->title));

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* Decoration beside the section's name: a screen reader would read an
   * icon without a name as "GtkImage". */
  gtk_box_append (GTK_BOX (box), g_object_new (GTK_TYPE_IMAGE,
                                               "icon-name", section->icon_name,
                                               "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                               NULL));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(section->title),
                                  -1);
  g_object_set_data (G_OBJECT (row), "ipms-section-id", (gpointer) section->id);

  return GTK_LIST_BOX_ROW (row);
}

void
_ipms_window_report_toast (IpmsWindow   *self,
                           const char   *what,
                           const GError *error)
{
  g_autofree char *message = g_strdup_printf ("%s: %s", what, error->message);

  g_printerr ("ipms-planner: %s\n", message);
  ipms_window_add_toast (self, message);
}

static gboolean
step_progress_cb (gpointer data)
{
  IpmsWindow *self = data;

  gtk_progress_bar_set_fraction (self->progress_bar, ipms_document_get_progress (self->document));

  return G_SOURCE_CONTINUE;
}

/* A bulk undo or redo (an import's) runs in slices for a moment: the
 * progress bar under the header bar follows it, unless an export has it. */
static void
document_busy_cb (IpmsWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (ipms_document_get_busy (self->document))
    {
      if (self->export_task != NULL || self->step_progress_source != 0)
        return;

      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Undo or Redo Progress"), -1);
      gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
      self->step_progress_source = g_timeout_add (50, step_progress_cb, self);
      return;
    }

  if (self->step_progress_source != 0)
    {
      g_clear_handle_id (&self->step_progress_source, g_source_remove);
      gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
    }

  error = ipms_document_take_step_error (self->document);
  if (error != NULL)
    _ipms_window_report_toast (self, _("Could not undo or redo"), error);
}

gboolean
ipms_window_rename_project (IpmsWindow *self,
                            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  IpmsRecord *project;

  g_return_val_if_fail (IPMS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  project = ipms_document_get_project (self->document);
  stripped = g_strstrip (g_strdup (name));
  if (project == NULL || stripped[0] == '\0')
    return FALSE;
  if (g_strcmp0 (stripped, ipms_record_get_string (project, "name")) == 0)
    return TRUE;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, stripped);
  /* Translators: an undo step */
  if (!ipms_document_edit_value (self->document, _("Rename Project"), NULL, "project",
                                 ipms_record_get_id (project), "name", &value, &error))
    {
      ipms_window_show_error (self, _("Could Not Rename the Project"), error);
      return FALSE;
    }

  return TRUE;
}

static void
title_popover_show_cb (IpmsWindow *self)
{
  IpmsRecord *project = ipms_document_get_project (self->document);
  g_autofree char *title = ipms_document_dup_title (self->document);

  gtk_editable_set_text (GTK_EDITABLE (self->title_entry),
                         project != NULL ? ipms_record_get_string (project, "name") : title);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
}

static void
title_entry_changed_cb (IpmsWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry))));

  /* A project always has a name. */
  gtk_widget_set_sensitive (self->title_apply_button, text[0] != '\0');
}

static void
title_entry_activate_cb (IpmsWindow *self)
{
  if (ipms_window_rename_project (self, gtk_editable_get_text (GTK_EDITABLE (self->title_entry))))
    gtk_menu_button_popdown (self->title_button);
  else
    gtk_widget_error_bell (GTK_WIDGET (self->title_entry));
}

/* Project files dropped from the file manager open as they would from it. */
static gboolean
drop_cb (IpmsWindow   *self,
         const GValue *value,
         double        x,
         double        y)
{
  g_autoptr(GSList) files = gdk_file_list_get_files (g_value_get_boxed (value));

  for (GSList *l = files; l != NULL; l = l->next)
    ipms_application_open_file (get_application (self), l->data, GTK_WINDOW (self));

  return files != NULL;
}

static gboolean
ipms_window_close_request (GtkWindow *window)
{
  GSettings *settings = get_settings (IPMS_WINDOW (window));
  int width, height;

  /* Before anything else: the last keystrokes in a form belong in the file. */
  ipms_field_binding_flush_all (IPMS_WINDOW (window)->document);

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (ipms_window_parent_class)->close_request (window);
}

/* The results replace the sections while there is a query. */
static void
search_changed_cb (IpmsWindow *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (query));
  gboolean searching = *trimmed != '\0';

  ipms_search_panel_set_query (self->search_panel, searching ? trimmed : NULL);
  gtk_stack_set_visible_child_name (self->sidebar_stack, searching ? "search" : "sections");
}

static void
search_mode_cb (IpmsWindow *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    return;

  /* Escape, or the button: back to the sections, with the focus there. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  if (gtk_widget_get_root (self->search_entry) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (get_row (self, self->section)));
}

static void
search_activate_cb (IpmsWindow *self)
{
  ipms_search_panel_activate_first (self->search_panel);
}

static gboolean
search_key_pressed_cb (IpmsWindow      *self,
                       guint            keyval,
                       guint            keycode,
                       GdkModifierType  state)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) &&
      (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK)) == 0)
    return ipms_search_panel_focus_first (self->search_panel);

  return GDK_EVENT_PROPAGATE;
}

static void
ipms_window_constructed (GObject *object)
{
  IpmsWindow *self = IPMS_WINDOW (object);
  g_autofree char *remembered = NULL;
  const Section *section;

  G_OBJECT_CLASS (ipms_window_parent_class)->constructed (object);

  g_assert (IPMS_IS_DOCUMENT (self->document));

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    gtk_list_box_append (self->sidebar_list, GTK_WIDGET (create_row (&sections[i])));

  /* A project opens where it was left if that view is built; otherwise on
   * the panorama, the most useful view there is, never on a placeholder. */
  remembered = ipms_document_dup_view_state (self->document, "window.section");
  section = _ipms_window_lookup_section (remembered);
  if (section == NULL || section->get_type == NULL)
    section = _ipms_window_lookup_section (DEFAULT_SECTION);
  _ipms_window_show_section (self, section);
  ipms_search_panel_set_document (self->search_panel, self->document);
  _ipms_window_pages_init (self);

  g_signal_connect_object (self->document, "notify",
                           G_CALLBACK (document_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::busy",
                           G_CALLBACK (document_busy_cb), self,
                           G_CONNECT_SWAPPED);
  /* The project's name is document data: an edit or an undo may change it. */
  g_signal_connect_object (self->document, "changes-done",
                           G_CALLBACK (ipms_window_update_title), self,
                           G_CONNECT_SWAPPED);
  /* Products come and go with edits, undo and reloads (win.export-prd). */
  g_signal_connect_object (self->document, "changes-done",
                           G_CALLBACK (_ipms_window_update_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_cb), NULL);

  _ipms_window_update_actions (self);
  ipms_window_update_title (self);
}

static void
ipms_window_dispose (GObject *object)
{
  IpmsWindow *self = IPMS_WINDOW (object);

  g_clear_handle_id (&self->fold_source, g_source_remove);
  _ipms_window_pages_dispose (self);
  g_clear_handle_id (&self->step_progress_source, g_source_remove);
  /* Before the document is written to or closed: it rolls the import back. */
  _ipms_window_cancel_import (self);
  _ipms_window_abandon_export (self);
  if (self->presentation != NULL)
    ipms_presenter_console_leave (self->presentation);
  g_clear_weak_pointer (&self->presentation);

  /* The pages go first: they may still talk to the document as they leave. */
  gtk_widget_dispose_template (GTK_WIDGET (self), IPMS_TYPE_WINDOW);

  if (self->document != NULL)
    {
      /* Kept once, here: each write is a synced transaction, too slow for
       * every row the keyboard passes in the sidebar. */
      if (self->section != NULL)
        ipms_document_set_view_state (self->document, "window.section", self->section->id);

      g_signal_handlers_disconnect_by_data (self->document, self);
      ipms_document_close (self->document);
    }
  g_clear_object (&self->document);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (ipms_window_parent_class)->dispose (object);
}

static void
ipms_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  IpmsWindow *self = IPMS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;

    case PROP_SECTION:
      g_value_set_string (value, ipms_window_get_section (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  IpmsWindow *self = IPMS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    case PROP_SECTION:
      ipms_window_set_section (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_window_class_init (IpmsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = ipms_window_constructed;
  object_class->dispose = ipms_window_dispose;
  object_class->get_property = ipms_window_get_property;
  object_class->set_property = ipms_window_set_property;

  window_class->close_request = ipms_window_close_request;
  widget_class->focus = ipms_window_focus;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         IPMS_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL,
                         IPMS_TYPE_SELECTION,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (IPMS_TYPE_SEARCH_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ipmsplanner/Planner/ipms-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IpmsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, IpmsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, IpmsWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, IpmsWindow, content);
  gtk_widget_class_bind_template_child (widget_class, IpmsWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, IpmsWindow, project_title);
  gtk_widget_class_bind_template_child (widget_class, IpmsWindow, title_button);
  gtk_widget_class_bind_template_child (widget_class, IpmsWindow, title_entry);
  gtk_widget_class_bind_template_child (widget_class, IpmsWindow, title_apply_button);
  gtk_widget_class_bind_template_child (widget_class, IpmsWindow, sidebar_header);
  gtk_widget_class_bind_template_child (widget_class, IpmsWindow, section_title);
  gtk_widget_class_bind_template_child (widget_class, IpmsWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, IpmsWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, IpmsWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, IpmsWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IpmsWindow, search_panel);
  gtk_widget_class_bind_template_child (widget_class, IpmsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, IpmsWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, IpmsWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, IpmsWindow, recent_submenu);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_key_pressed_cb);

  _ipms_window_class_actions_init (widget_class);
}

static void
ipms_window_init (IpmsWindow *self)
{
  GtkDropTarget *drop_target;
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_swapped (drop_target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  self->selection = ipms_selection_new ();
  gtk_list_box_set_header_func (self->sidebar_list, sidebar_header_func, NULL, NULL);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (sidebar_focus_enter_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->sidebar_list), focus);

  /* Folded, the window shows the page, with a back button to the sidebar. */
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (leaflet_folded_cb), self);
  ipms_fold_relayout_attach (GTK_WIDGET (self->leaflet));
  ipms_stack_pages_attach (self->stack);
}

IpmsWindow *
ipms_window_new (IpmsApplication *application,
                 IpmsDocument    *document)
{
  IpmsWindow *self;
  GSettings *settings;

  g_return_val_if_fail (IPMS_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);

  settings = ipms_application_get_settings (application);

  self = g_object_new (IPMS_TYPE_WINDOW,
                       "application", application,
                       "document", document,
                       "default-width", g_settings_get_int (settings, "window-width"),
                       "default-height", g_settings_get_int (settings, "window-height"),
                       "maximized", g_settings_get_boolean (settings, "window-maximized"),
                       NULL);

  g_menu_append_section (self->recent_submenu, NULL, ipms_application_get_recent_menu (application));
  ipms_document_set_history_limit (document, g_settings_get_int (settings, "history-limit"));

  return self;
}

IpmsDocument *
ipms_window_get_document (IpmsWindow *self)
{
  g_return_val_if_fail (IPMS_IS_WINDOW (self), NULL);

  return self->document;
}

IpmsSelection *
ipms_window_get_selection (IpmsWindow *self)
{
  g_return_val_if_fail (IPMS_IS_WINDOW (self), NULL);

  return self->selection;
}

const char *
ipms_window_get_section (IpmsWindow *self)
{
  g_return_val_if_fail (IPMS_IS_WINDOW (self), NULL);

  return self->section != NULL ? self->section->id : NULL;
}

void
ipms_window_set_section (IpmsWindow *self,
                         const char *section)
{
  const Section *found;

  g_return_if_fail (IPMS_IS_WINDOW (self));

  found = _ipms_window_lookup_section (section);
  g_return_if_fail (found != NULL);

  _ipms_window_show_section (self, found);
}

void
ipms_window_show_error (IpmsWindow   *self,
                        const char   *heading,
                        const GError *error)
{
  GtkWidget *dialog;

  g_return_if_fail (IPMS_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  g_printerr ("ipms-planner: %s: %s\n", heading, error->message);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_toast (IpmsWindow *self,
           const char *message,
           gboolean    with_undo)
{
  g_autofree char *markup = NULL;
  AdwToast *toast;

  /* Toast titles are Pango markup, and file names may hold "&" or "<". */
  markup = g_markup_escape_text (message, -1);
  toast = adw_toast_new (markup);
  if (with_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
ipms_window_add_toast (IpmsWindow *self,
                       const char *message)
{
  g_return_if_fail (IPMS_IS_WINDOW (self));

  add_toast (self, message, FALSE);
}

void
ipms_window_add_undo_toast (IpmsWindow *self,
                            const char *message)
{
  g_return_if_fail (IPMS_IS_WINDOW (self));

  add_toast (self, message, TRUE);
}
