/* ipms-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ipms-category-page.h"
#include "ipms-ctmo-page.h"
#include "ipms-field-binding.h"
#include "ipms-export-dialog.h"
#include "ipms-export-task.h"
#include "ipms-fold-relayout.h"
#include "ipms-file-chooser.h"
#include "ipms-five-looks-page.h"
#include "ipms-form-page.h"
#include "ipms-form-specs.h"
#include "ipms-isor-page.h"
#include "ipms-json.h"
#include "ipms-new-products-page.h"
#include "ipms-one-year-page.h"
#include "ipms-panorama-page.h"
#include "ipms-presenter-console.h"
#include "ipms-products-page.h"
#include "ipms-record-focus.h"
#include "ipms-review-dialogs.h"
#include "ipms-population-page.h"
#include "ipms-roadmap-page.h"
#include "ipms-search-panel.h"
#include "ipms-stack-pages.h"
#include "ipms-team-page.h"
#include "ipms-three-year-page.h"
#include "ipms-timeline-chart.h"
#include "ipms-timeline-page.h"
#include "ipms-timeline-section.h"
#include "ipms-window.h"

typedef enum
{
  GROUP_STRATEGY,
  GROUP_PLANNING,
  GROUP_CHARTS,
  GROUP_PRODUCTS,
  GROUP_TEAM,
} SectionGroup;

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

typedef struct
{
  const char    *id;
  const char    *title;
  const char    *icon_name;
  SectionGroup   group;
  /* What the view will hold, said on its placeholder until it is built. */
  const char    *plan;
  /* The page class, NULL while the view is not built. The window sets its
   * "document" and "selection" properties at construction when it has them. */
  GType        (*get_type) (void);
} Section;

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

/* Alt+1 … Alt+9, Alt+0 show the first ten sections. */
static const guint section_keys[] = {
  GDK_KEY_1, GDK_KEY_2, GDK_KEY_3, GDK_KEY_4, GDK_KEY_5,
  GDK_KEY_6, GDK_KEY_7, GDK_KEY_8, GDK_KEY_9, GDK_KEY_0,
};

struct _IpmsWindow
{
  AdwApplicationWindow  parent_instance;

  IpmsDocument         *document;
  IpmsSelection        *selection;
  const Section        *section;
  GtkListBoxRow        *rows[G_N_ELEMENTS (sections)];

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *content;
  GtkWidget            *back_button;
  AdwWindowTitle       *project_title;
  GtkMenuButton        *title_button;
  GtkEntry             *title_entry;
  GtkWidget            *title_apply_button;
  AdwWindowTitle       *section_title;
  GtkWidget            *sidebar_header;
  GtkListBox           *sidebar_list;
  GtkStack             *sidebar_stack;
  GtkSearchBar         *search_bar;
  GtkWidget            *search_entry;
  IpmsSearchPanel      *search_panel;
  GtkStack             *stack;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  GMenu                *recent_submenu;
  /* Along the header bar's lower edge: the import's or the export's. */
  GtkProgressBar       *progress_bar;
  guint                 fold_source;
  /* The first page is built after the window's first frame. */
  gboolean              first_page_built;
  guint                 first_page_source;
  /* Builds the form views ahead, once the first page is painted. */
  guint                 prebuild_source;
  GtkWidget            *prebuilt_page;   /* owned by the stack; being built ahead */
  gboolean              prebuilt_laid_out;
  IpmsNamesAhead       *names_ahead;
  gboolean              names_measured;
  /* A chart's page built ahead (owned by the stack), and whether it has
   * been given its size yet. */
  GtkWidget            *chart_ahead;
  gboolean              chart_ahead_sized;
  gboolean              worked_ahead;

  /* The JSON import under way, or NULL (see "Import"). */
  GTask                *import_task;
  /* The export under way, or NULL (see "Export"). */
  GTask                *export_task;
  /* Follows a bulk undo or redo on the progress bar (see document_busy_cb()). */
  guint                 step_progress_source;

  IpmsPresenterConsole *presentation;   /* weak: it destroys itself on leaving */
};

G_DEFINE_FINAL_TYPE (IpmsWindow, ipms_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTION,
  PROP_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const Section *
lookup_section (const char *id)
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
static gint64
product_of_record (IpmsDocument *document,
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
  const Section *prds = lookup_section ("prds");

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
  const Section *found = lookup_section (section);

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
static void
set_tooltip_if_changed (GtkWidget  *widget,
                        const char *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

/* The one place that makes the win.* actions follow the document. */
static void
ipms_window_update_actions (IpmsWindow *self)
{
  gboolean can_undo, can_redo;
  const char *undo_label, *redo_label;
  guint index = self->section - sections;
  g_autofree char *undo_tooltip = NULL;
  g_autofree char *redo_tooltip = NULL;

  /* A bulk undo or redo is being applied in slices: asking for the history
   * or counting rows would complete it at once. The actions stay as they
   * are; whichever runs meanwhile completes the step first. */
  if (ipms_document_get_busy (self->document))
    return;

  can_undo = ipms_document_can_undo (self->document);
  can_redo = ipms_document_can_redo (self->document);
  undo_label = ipms_document_get_undo_label (self->document);
  redo_label = ipms_document_get_redo_label (self->document);

  /* While an import writes, it is the document's one writer. */
  gboolean idle = self->import_task == NULL;
  /* An export reads its own copy of the plan, so the window stays
   * editable; but one long job at a time shows its progress and Cancel. */
  gboolean exporting = self->export_task != NULL;
  static const char * const writers[] = {
    "win.save-as", "win.rename-project", "win.undo-toast", "win.export-json",
    "win.present", "win.present-current", "win.deck-setup", "win.mark-reviewed",
    "win.compare-review",
  };

  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), writers[i], idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-json", idle && !exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-deck", idle && !exporting);
  /* A plan without products has no PRD to export. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-prd",
                                 idle && !exporting && ipms_document_count_rows (self->document, "product") > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-chart",
                                 idle && !exporting && self->section->group == GROUP_CHARTS);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", !idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-export", exporting);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), idle);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sidebar_list), idle);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", can_undo && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", can_redo && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-section", index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-section",
                                 index + 1 < G_N_ELEMENTS (sections));

  /* Translators: tooltip of the undo button; %s names the step, as “Move “Pet Feeder Mini”” */
  undo_tooltip = can_undo && undo_label != NULL ? g_strdup_printf (_("Undo “%s”"), undo_label)
                                                : g_strdup (_("Undo"));
  /* Translators: tooltip of the redo button; %s names the step */
  redo_tooltip = can_redo && redo_label != NULL ? g_strdup_printf (_("Redo “%s”"), redo_label)
                                                : g_strdup (_("Redo"));
  set_tooltip_if_changed (self->undo_button, undo_tooltip);
  set_tooltip_if_changed (self->redo_button, redo_tooltip);
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
      set_tooltip_if_changed (GTK_WIDGET (self->title_button),
                              _("This draft is saved as you work. Use Save As to give it a file of its own."));
    }
  else
    {
      g_autofree char *basename = g_path_get_basename (path);
      g_autofree char *display_name = g_filename_display_name (basename);
      g_autofree char *display_path = g_filename_display_name (path);

      /* The file name fits the sidebar's header; the whole path is one hover away. */
      adw_window_title_set_subtitle (self->project_title, display_name);
      set_tooltip_if_changed (GTK_WIDGET (self->title_button), display_path);
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
  ipms_window_update_actions (self);
  ipms_window_update_title (self);
}

static GtkWidget *
create_page (IpmsWindow    *self,
             const Section *section)
{
  GtkWidget *page;

  if (section->get_type != NULL)
    {
      GType type = section->get_type ();
      GObjectClass *klass = g_type_class_ref (type);
      const char *names[2];
      GValue values[2] = { G_VALUE_INIT, G_VALUE_INIT };
      guint n = 0;

      if (g_object_class_find_property (klass, "document") != NULL)
        {
          names[n] = "document";
          g_value_init (&values[n], IPMS_TYPE_DOCUMENT);
          g_value_set_object (&values[n], self->document);
          n++;
        }

      if (g_object_class_find_property (klass, "selection") != NULL)
        {
          names[n] = "selection";
          g_value_init (&values[n], IPMS_TYPE_SELECTION);
          g_value_set_object (&values[n], self->selection);
          n++;
        }

      page = GTK_WIDGET (g_object_new_with_properties (type, n, names, values));

      for (guint i = 0; i < n; i++)
        g_value_unset (&values[i]);
      g_type_class_unref (klass);
    }
  else
    {
      g_autofree char *description = NULL;
      g_autofree char *markup = NULL;

      description = g_strdup_printf ("%s\n%s",
                                     _("This view is not available yet in this version."),
                                     _(section->plan));
      markup = g_markup_escape_text (description, -1);

      page = adw_status_page_new ();
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), section->icon_name);
      adw_status_page_set_title (ADW_STATUS_PAGE (page), _(section->title));
      adw_status_page_set_description (ADW_STATUS_PAGE (page), markup);
    }

  return page;
}

/* Pages are built the first time they are shown: a chart of a large plan
 * costs its time only when the user asks for it. */
static GtkWidget *
ensure_page (IpmsWindow    *self,
             const Section *section)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->stack, section->id);

  if (page == NULL)
    {
      page = create_page (self, section);
      gtk_stack_page_set_title (gtk_stack_add_named (self->stack, page, section->id),
                                _(section->title));
    }

  return page;
}

/* A chart of a large plan takes a while to build: the window's first frame
 * shows the sidebar and the header bar at once, and the page of the
 * section the project remembers is built right after that frame. */
static gboolean
build_first_page_cb (gpointer data)
{
  IpmsWindow *self = data;

  self->first_page_source = 0;
  self->first_page_built = TRUE;
  ipms_stack_pages_show (self->stack, ensure_page (self, self->section));

  return G_SOURCE_REMOVE;
}

static void
first_frame_painted_cb (GdkFrameClock *clock,
                        IpmsWindow    *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, self);
  if (!self->first_page_built && self->first_page_source == 0)
    self->first_page_source = g_idle_add (build_first_page_cb, self);
}

/* Products read, or their names measured, ahead in an idle: about 5 ms
 * of work at a time. */
#define PRODUCTS_AHEAD 500
#define NAMES_AHEAD 1000
/* A chart is laid out ahead in one idle: at 10,000 products 30-70 ms, at
 * 15,000 up to 130. Past this an idle would hold up the window for longer
 * than a few frames while the user works in it. */
#define CHARTS_AHEAD_MAX_PRODUCTS 12000

/* The first section whose page is a `type` and not built yet, or NULL. */
static const Section *
next_unbuilt_section (IpmsWindow *self,
                      GType       type)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (sections[i].get_type != NULL && g_type_is_a (sections[i].get_type (), type) &&
        gtk_stack_get_child_by_name (self->stack, sections[i].id) == NULL)
      return &sections[i];

  return NULL;
}

static void
stop_working_ahead (IpmsWindow *self)
{
  g_clear_pointer (&self->names_ahead, ipms_names_ahead_free);
  if (self->chart_ahead != NULL)
    {
      self->chart_ahead = NULL;
      ipms_stack_pages_hide_others (self->stack);
    }
  self->prebuild_source = 0;
  self->worked_ahead = TRUE;
}

/* The stack gives its pages all the same size, but only the one shown
 * gets it: a page built ahead is measured and given it here, so that its
 * first show finds its layout done, lists' rows made included. */
static void
lay_out_ahead (IpmsWindow *self,
               GtkWidget  *page)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->stack));
  int height = gtk_widget_get_height (GTK_WIDGET (self->stack));
  int minimum;

  if (width <= 0 || height <= 0)
    return;
  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  width = MAX (width, minimum);
  gtk_widget_measure (page, GTK_ORIENTATION_VERTICAL, width, &minimum, NULL, NULL, NULL);
  gtk_widget_allocate (page, width, MAX (height, minimum), -1, NULL);
}

/* A step of a chart's page first show, ahead (see
 * ipms_timeline_page_work_ahead()): the first gives the page, still out of
 * sight, the size of the pages shown, so that its chart is fitted to that;
 * TRUE once it is all done. */
static gboolean
work_on_chart_ahead (IpmsWindow *self)
{
  GtkWidget *page = self->chart_ahead;

  /* Shown meanwhile, the page does the rest itself. */
  if (gtk_widget_get_mapped (page))
    return TRUE;

  if (self->chart_ahead_sized)
    return ipms_timeline_page_work_ahead (IPMS_TIMELINE_PAGE (ipms_timeline_section_get_timeline (IPMS_TIMELINE_SECTION (page))));

  self->chart_ahead_sized = TRUE;
  lay_out_ahead (self, page);

  return FALSE;
}

/* A form view's first show costs 50-100 ms whatever the size of the plan,
 * most of it styling and measuring its widgets in the frame after they are
 * made. Built ahead, a section an idle once the first page is on screen,
 * and laid out, a form view then only needs painting when switched to.
 * Then the products that the charts and the product list all read first
 * are read ahead, a few hundred an idle, and the names the timeline
 * charts label them with are measured. Last,
 * the two timeline charts' pages are built, laid out and fitted to the
 * window, a layout an idle: their first show then only paints, where at
 * 10,000 products it took 130 and 210 ms. The panorama and the product
 * list wait until they are asked for. */
static gboolean
work_ahead_cb (gpointer data)
{
  IpmsWindow *self = data;
  const Section *section;

  /* The page's sections are built a section an idle, and laid out at the
   * size the page will get in the idle after (when they have been
   * styled): its first show then only paints. Shown meanwhile, the page
   * does the rest itself. */
  if (self->prebuilt_page != NULL)
    {
      if (gtk_widget_get_mapped (self->prebuilt_page))
        {
          self->prebuilt_page = NULL;
          return G_SOURCE_CONTINUE;
        }
      if (!self->prebuilt_laid_out)
        {
          lay_out_ahead (self, self->prebuilt_page);
          self->prebuilt_laid_out = TRUE;
          return G_SOURCE_CONTINUE;
        }
      if (ipms_form_page_build_next (IPMS_FORM_PAGE (self->prebuilt_page)))
        {
          self->prebuilt_laid_out = FALSE;
          return G_SOURCE_CONTINUE;
        }
      self->prebuilt_page = NULL;
      ipms_stack_pages_hide_others (self->stack);
      return G_SOURCE_CONTINUE;
    }

  section = next_unbuilt_section (self, IPMS_TYPE_FORM_PAGE);
  if (section != NULL)
    {
      self->prebuilt_page = ensure_page (self, section);
      self->prebuilt_laid_out = FALSE;
      return G_SOURCE_CONTINUE;
    }

  /* An edit or a bulk step under way ends working ahead: the products are
   * then read, and the charts laid out, when first needed. */
  if (ipms_document_get_busy (self->document) || ipms_document_in_edit (self->document))
    {
      stop_working_ahead (self);
      return G_SOURCE_REMOVE;
    }
  if (!ipms_document_read_ahead (self->document, "product", PRODUCTS_AHEAD))
    return G_SOURCE_CONTINUE;

  if (!self->names_measured)
    {
      if (self->names_ahead == NULL)
        self->names_ahead = ipms_names_ahead_new (self->document);
      if (!ipms_names_ahead_step (self->names_ahead, NAMES_AHEAD))
        return G_SOURCE_CONTINUE;
      g_clear_pointer (&self->names_ahead, ipms_names_ahead_free);
      self->names_measured = TRUE;
      return G_SOURCE_CONTINUE;
    }

  if (self->chart_ahead != NULL)
    {
      if (!work_on_chart_ahead (self))
        return G_SOURCE_CONTINUE;
      self->chart_ahead = NULL;
      ipms_stack_pages_hide_others (self->stack);
      return G_SOURCE_CONTINUE;
    }

  section = next_unbuilt_section (self, IPMS_TYPE_TIMELINE_SECTION);
  if (section != NULL && ipms_document_count_rows (self->document, "product") <= CHARTS_AHEAD_MAX_PRODUCTS)
    {
      self->chart_ahead = ensure_page (self, section);
      self->chart_ahead_sized = FALSE;
      return G_SOURCE_CONTINUE;
    }

  stop_working_ahead (self);

  return G_SOURCE_REMOVE;
}

static void
page_painted_cb (GdkFrameClock *clock,
                 IpmsWindow    *self)
{
  if (!self->first_page_built)
    return;

  g_signal_handlers_disconnect_by_func (clock, page_painted_cb, self);
  if (self->prebuild_source == 0)
    self->prebuild_source = g_idle_add_full (G_PRIORITY_LOW, work_ahead_cb, self, NULL);
}

static void
window_mapped_cb (IpmsWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_signal_handlers_disconnect_by_func (self, window_mapped_cb, NULL);
  if (clock != NULL)
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (page_painted_cb), self, 0);
  if (self->first_page_built)
    return;

  if (clock != NULL)
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (first_frame_painted_cb), self, 0);
  else
    build_first_page_cb (self);
}

static gboolean
focus_in_sidebar (IpmsWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sidebar_list));
}

static void
show_section (IpmsWindow    *self,
              const Section *section)
{
  GtkListBoxRow *row = self->rows[section - sections];

  if (section == self->section)
    return;

  self->section = section;
  /* Chosen by the user (the window is on screen): built now. */
  if (self->first_page_built || gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      g_clear_handle_id (&self->first_page_source, g_source_remove);
      self->first_page_built = TRUE;
      ipms_stack_pages_show (self->stack, ensure_page (self, section));
    }
  adw_window_title_set_title (self->section_title, _(section->title));

  if (gtk_list_box_get_selected_row (self->sidebar_list) != row)
    gtk_list_box_select_row (self->sidebar_list, row);
  /* The focus ring follows a section chosen from elsewhere (Alt+number,
   * Ctrl+Page Down) while it is in the sidebar, as the selection does. */
  if (focus_in_sidebar (self) && !gtk_widget_has_focus (GTK_WIDGET (row)))
    gtk_widget_grab_focus (GTK_WIDGET (row));

  ipms_window_update_actions (self);
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
  GtkListBoxRow *row = self->rows[self->section - sections];
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
  const Section *section = lookup_section (g_object_get_data (G_OBJECT (row), "ipms-section-id"));
  const char *title;
  GtkWidget *header;

  if (before != NULL)
    {
      const Section *previous = lookup_section (g_object_get_data (G_OBJECT (before), "ipms-section-id"));

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

static void
report_toast (IpmsWindow   *self,
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
    report_toast (self, _("Could not undo or redo"), error);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IpmsWindow *self = IPMS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  /* What is still being typed in a form is the step to undo. */
  ipms_field_binding_flush_all (self->document);
  if (!ipms_document_undo (self->document, &error))
    report_toast (self, _("Could not undo"), error);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IpmsWindow *self = IPMS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  ipms_field_binding_flush_all (self->document);
  if (!ipms_document_redo (self->document, &error))
    report_toast (self, _("Could not redo"), error);
}

/* Pages announce their destructive edits through this action, so that no
 * page needs to know the window's type. */
static void
undo_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ipms_window_add_undo_toast (IPMS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* The one way a page reports a failure of the model: "(ss)", what failed
 * and why (see ipms_forms_report_error()). */
static void
report_error_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  const char *what, *why;
  g_autofree char *message = NULL;

  g_variant_get (parameter, "(&s&s)", &what, &why);
  message = g_strdup_printf ("%s: %s", what, why);
  g_printerr ("ipms-planner: %s\n", message);
  ipms_window_add_toast (IPMS_WINDOW (widget), message);
}

static void
step_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IpmsWindow *self = IPMS_WINDOW (widget);
  guint index = self->section - sections;

  if (g_str_equal (action_name, "win.next-section") && index + 1 < G_N_ELEMENTS (sections))
    show_section (self, &sections[index + 1]);
  else if (g_str_equal (action_name, "win.previous-section") && index > 0)
    show_section (self, &sections[index - 1]);
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

static void
rename_project_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  IpmsWindow *self = IPMS_WINDOW (widget);

  /* The name is shown in the sidebar's header: show it when folded away. */
  adw_leaflet_set_visible_child (self->leaflet, gtk_widget_get_parent (self->sidebar_header));
  gtk_menu_button_popup (self->title_button);
}

/* The title as a file name: a "/" would name a folder. */
static char *
dup_file_name (IpmsWindow *self,
               const char *extension)
{
  g_autofree char *title = ipms_document_dup_title (self->document);

  g_strdelimit (title, "/", '-');
  return g_strconcat (title, extension, NULL);
}

static char *
dup_display_basename (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename);
}

gboolean
ipms_window_save_as (IpmsWindow *self,
                     GFile      *file)
{
  g_autoptr(GFile) previous = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  GtkWindow *owner;
  gboolean was_draft;

  g_return_val_if_fail (IPMS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = dup_display_basename (file);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Projects can only be saved to a local folder."));
      ipms_window_show_error (self, _("Could Not Save the Project"), error);
      return FALSE;
    }

  owner = ipms_application_find_window (get_application (self), file);
  if (owner == GTK_WINDOW (self))
    {
      /* Translators: %s is a file name */
      message = g_strdup_printf (_("“%s” is up to date: every change is saved as you make it"), name);
      ipms_window_add_toast (self, message);
      return TRUE;
    }
  if (owner != NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_BUSY,
                   _("“%s” is open in another window. Close that window first, or choose another name."),
                   name);
      ipms_window_show_error (self, _("Could Not Save the Project"), error);
      return FALSE;
    }

  previous = g_file_new_for_path (ipms_document_get_path (self->document));
  was_draft = ipms_document_get_is_draft (self->document);

  if (!ipms_document_save_as (self->document, path, &error))
    {
      ipms_window_show_error (self, _("Could Not Save the Project"), error);
      return FALSE;
    }

  ipms_application_add_recent (get_application (self), file, was_draft ? previous : NULL);

  /* A new project saved for the first time is named after its file, unless
   * the user has named it already; one undo step takes it back. */
  if (was_draft && g_strcmp0 (ipms_record_get_string (ipms_document_get_project (self->document), "name"),
                              _("Untitled Plan")) == 0)
    {
      g_autofree char *stem = g_strdup (name);
      char *dot = strrchr (stem, '.');

      if (dot != NULL && dot != stem)
        *dot = '\0';
      ipms_window_rename_project (self, stem);
    }

  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Saved as “%s”"), name);
  ipms_window_add_toast (self, message);

  return TRUE;
}

static void
save_as_chosen (GtkWindow *window,
                GFile     *file,
                gpointer   user_data)
{
  if (file != NULL)
    ipms_window_save_as (IPMS_WINDOW (window), file);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  IpmsWindow *self = IPMS_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = ipms_file_filter_new_project ();
  g_autofree char *name = dup_file_name (self, ".ipms");

  ipms_choose_file (GTK_WINDOW (self), IPMS_FILE_CHOOSER_SAVE,
                    _("Save Project As"), _("_Save"), name, filter,
                    save_as_chosen, NULL);
}

/* Import.
 *
 * Reading, checking and parsing a plan (most of the time: json-glib's
 * parser alone takes about 0.4 s at 10,000 products) runs in a worker
 * thread that touches no document. The rows are then written on the main
 * loop in slices of about SLICE_MS, inside the one undoable edit, and
 * committed at the end, so the document never has a second writer and
 * undo works as for any edit. The price: the commit itself (recording the
 * undo step, the synced write, the views rebuilding on "reloaded") is one
 * piece of main-loop work, as long as undoing the import. While it runs
 * the window takes no edits (its pages and the actions that write are
 * insensitive), shows a progress bar under the header bar and a toast
 * with Cancel; cancelling rolls everything back. */

#define SLICE_MS 8

/* Long work (an import, an export) shows itself one way: a progress bar
 * under the header bar and a toast that stays until the work is done,
 * with Cancel. Returns the toast, to be dismissed then. */
static AdwToast *
show_progress (IpmsWindow *self,
               const char *message,
               const char *cancel_action,
               const char *progress_name)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  /* Translators: button of the toast shown while a plan is imported or a file exported */
  adw_toast_set_button_label (toast, _("Cancel"));
  adw_toast_set_action_name (toast, cancel_action);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (toast));

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, progress_name, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);

  return toast;
}

/* The long work is over (done, failed or cancelled): its toast and the
 * progress bar go, and the actions it held back come back. */
static void
hide_progress (IpmsWindow *self,
               AdwToast   *toast)
{
  if (toast != NULL)
    adw_toast_dismiss (toast);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  ipms_window_update_actions (self);
}

typedef struct
{
  GFile          *file;
  char           *name;
  char           *label;
  IpmsJsonImport *import;
  AdwToast       *toast;
  guint           source;
} ImportJob;

static void
free_import_in_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  ipms_json_import_free (task_data);
}

/* A large plan takes a while to free: not on the main loop. */
static void
free_import_later (IpmsJsonImport *import)
{
  g_autoptr(GTask) task = NULL;

  if (import == NULL)
    return;

  ipms_json_import_abort (import);
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, import, NULL);
  g_task_run_in_thread (task, free_import_in_thread);
}

static void
import_job_free (ImportJob *job)
{
  g_clear_handle_id (&job->source, g_source_remove);
  g_clear_pointer (&job->import, free_import_later);
  if (job->toast != NULL)
    adw_toast_dismiss (job->toast);
  g_clear_object (&job->toast);
  g_clear_object (&job->file);
  g_free (job->name);
  g_free (job->label);
  g_free (job);
}

static gboolean
pulse_cb (gpointer data)
{
  gtk_progress_bar_pulse (data);

  return G_SOURCE_CONTINUE;
}

/* Ends the import under way: the window takes edits again. */
static void
import_done (IpmsWindow *self,
             GError     *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->import_task);
  ImportJob *job = g_task_get_task_data (task);

  g_clear_handle_id (&job->source, g_source_remove);
  g_clear_pointer (&job->import, free_import_later);
  hide_progress (self, job->toast);

  if (error == NULL)
    {
      /* Translators: %s is a file name */
      g_autofree char *message = g_strdup_printf (_("Imported “%s”"), job->name);

      ipms_window_add_toast (self, message);
      g_task_return_boolean (task, TRUE);
    }
  else
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Translators: %s is a file name */
          g_autofree char *heading = g_strdup_printf (_("Could Not Import “%s”"), job->name);

          ipms_window_show_error (self, heading, error);
        }
      g_task_return_error (task, error);
    }
}

static gboolean
write_slice_cb (gpointer data)
{
  IpmsWindow *self = data;
  ImportJob *job = g_task_get_task_data (self->import_task);
  guint n_rows = ipms_json_import_get_n_rows (job->import);
  double deadline = g_get_monotonic_time () + SLICE_MS * 1000;
  GError *error = NULL;

  /* Rows are small: a few hundred take well under a millisecond. */
  while (ipms_json_import_get_n_written (job->import) < n_rows &&
         g_get_monotonic_time () < deadline)
    if (!ipms_json_import_write (job->import, 256, &error))
      {
        job->source = 0;
        import_done (self, error);
        return G_SOURCE_REMOVE;
      }

  gtk_progress_bar_set_fraction (self->progress_bar,
                                 n_rows > 0 ? (double) ipms_json_import_get_n_written (job->import) / n_rows : 1.0);

  if (ipms_json_import_get_n_written (job->import) < n_rows)
    return G_SOURCE_CONTINUE;

  job->source = 0;
  if (ipms_json_import_finish (job->import, &error))
    import_done (self, NULL);
  else
    import_done (self, error);

  return G_SOURCE_REMOVE;
}

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_autofree char *path = g_file_get_path (task_data);
  GError *error = NULL;
  IpmsJsonImport *import;

  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Only files in a local folder can be imported."));
      return;
    }

  import = ipms_json_import_read_file (path, cancellable, &error);
  if (import == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, import, (GDestroyNotify) free_import_later);
}

static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  IpmsWindow *self = IPMS_WINDOW (object);
  g_autoptr(GTask) import_task = user_data;
  ImportJob *job = g_task_get_task_data (import_task);
  GError *error = NULL;

  job->import = g_task_propagate_pointer (G_TASK (result), &error);

  /* Cancelled meanwhile (also when the window closed): import_cancel()
   * already ended the import. */
  if (self->import_task != import_task)
    {
      g_clear_pointer (&job->import, free_import_later);
      g_clear_error (&error);
      return;
    }

  g_clear_handle_id (&job->source, g_source_remove);

  if (job->import == NULL ||
      !ipms_json_import_begin (job->import, self->document, job->label, &error))
    {
      import_done (self, error);
      return;
    }

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  job->source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, write_slice_cb, self, NULL);
}

void
ipms_window_import_json (IpmsWindow          *self,
                         GFile               *file,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GTask) read_task = NULL;
  g_autofree char *message = NULL;
  ImportJob *job;
  GTask *task;

  g_return_if_fail (IPMS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ipms_window_import_json);

  if (self->import_task != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY, "An import is already under way");
      g_object_unref (task);
      return;
    }

  job = g_new0 (ImportJob, 1);
  job->file = g_object_ref (file);
  job->name = dup_display_basename (file);
  /* Translators: an undo step; %s is a file name */
  job->label = g_strdup_printf (_("Import “%s”"), job->name);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  self->import_task = task;

  /* What is still being typed belongs to the plan being replaced. */
  ipms_field_binding_flush_all (self->document);
  ipms_window_update_actions (self);

  /* Translators: shown while a plan is imported; %s is a file name */
  message = g_strdup_printf (_("Importing “%s”…"), job->name);
  job->toast = show_progress (self, message, "win.cancel-import", _("Import Progress"));
  job->source = g_timeout_add (100, pulse_cb, self->progress_bar);

  read_task = g_task_new (self, cancellable, read_done_cb, g_object_ref (task));
  g_task_set_task_data (read_task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (read_task, read_in_thread);
}

gboolean
ipms_window_import_json_finish (IpmsWindow    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (IPMS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Stops the import under way, if any; the document is as it was. */
static void
import_cancel (IpmsWindow *self)
{
  if (self->import_task == NULL)
    return;

  g_cancellable_cancel (g_task_get_cancellable (self->import_task));
  /* Never shown: a cancelled import needs no message. */
  import_done (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled"));
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  import_cancel (IPMS_WINDOW (widget));
}


/* Export.
 *
 * Charts, the deck and PRDs are written by an IpmsExportTask: a snapshot of
 * the plan is taken here, on the main thread, and everything else (laying
 * out, painting, writing the file) runs in a worker, so the window stays
 * responsive and editable; the file shows the plan as it was when the
 * export started. A progress bar under the header bar follows it and a
 * toast offers Cancel (win.cancel-export). The job ends when the worker
 * returns, never before: a cancelled export has then removed what it
 * wrote, and a Cancel that came too late for a file already in place is
 * told as a finished export. */

typedef struct
{
  IpmsExportTask *export;
  char           *name;
  AdwToast       *toast;
  guint           source;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_handle_id (&job->source, g_source_remove);
  if (job->toast != NULL)
    adw_toast_dismiss (job->toast);
  g_clear_object (&job->toast);
  g_clear_object (&job->export);
  g_free (job->name);
  g_free (job);
}

static gboolean
export_progress_cb (gpointer data)
{
  IpmsWindow *self = data;
  ExportJob *job = g_task_get_task_data (self->export_task);
  double fraction = ipms_export_task_get_fraction (job->export);

  /* A chart is painted in one go: it cannot say how far it is. */
  if (fraction < 0)
    gtk_progress_bar_pulse (self->progress_bar);
  else
    gtk_progress_bar_set_fraction (self->progress_bar, fraction);

  return G_SOURCE_CONTINUE;
}

static void
export_ran_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  IpmsWindow *self = g_task_get_source_object (task);
  ExportJob *job = g_task_get_task_data (task);
  GError *error = NULL;

  ipms_export_task_run_finish (job->export, result, &error);

  /* The window closed meanwhile: export_abandon() ended the job. */
  if (self->export_task != task)
    {
      g_clear_error (&error);
      return;
    }

  g_clear_object (&self->export_task);
  g_clear_handle_id (&job->source, g_source_remove);
  hide_progress (self, job->toast);

  if (error == NULL)
    {
      /* Translators: a toast after an export; %s is a file name */
      g_autofree char *message = g_strdup_printf (_("Exported “%s”"), job->name);

      ipms_window_add_toast (self, message);
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Translators: %s is a file name */
      g_autofree char *heading = g_strdup_printf (_("Could Not Export “%s”"), job->name);

      ipms_window_show_error (self, heading, error);
    }
  g_task_return_error (task, error);
}

void
ipms_window_export (IpmsWindow          *self,
                    IpmsExportTask      *export,
                    const char          *path,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;
  GError *error = NULL;
  ExportJob *job;
  GTask *task;

  g_return_if_fail (IPMS_IS_WINDOW (self));
  g_return_if_fail (IPMS_IS_EXPORT_TASK (export));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ipms_window_export);

  job = g_new0 (ExportJob, 1);
  job->export = g_object_ref (export);
  basename = g_path_get_basename (path);
  job->name = g_filename_display_name (basename);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);

  if (self->export_task != NULL || self->import_task != NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_BUSY,
                         self->export_task != NULL
                           ? _("Another export is under way: wait for it to finish, or cancel it.")
                           : _("The plan is being imported: export it when the import is done."));
  /* The chooser asks before replacing a file, but not whether the file is
   * the project itself (a slip of the name would destroy the plan). */
  else
    ipms_document_check_export_target (self->document, path, &error);

  if (error != NULL)
    {
      /* Translators: %s is a file name */
      g_autofree char *heading = g_strdup_printf (_("Could Not Export “%s”"), job->name);

      ipms_window_show_error (self, heading, error);
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  self->export_task = task;
  /* What is still being typed belongs in the file. */
  ipms_field_binding_flush_all (self->document);
  ipms_window_update_actions (self);

  /* Translators: shown while a file is exported; %s is a file name */
  message = g_strdup_printf (_("Exporting “%s”…"), job->name);
  job->toast = show_progress (self, message, "win.cancel-export", _("Export Progress"));
  job->source = g_timeout_add (100, export_progress_cb, self);

  ipms_export_task_run_async (export, self->document, path, cancellable,
                              export_ran_cb, g_object_ref (task));
}

gboolean
ipms_window_export_finish (IpmsWindow    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (IPMS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
cancel_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  IpmsWindow *self = IPMS_WINDOW (widget);
  ExportJob *job;

  if (self->export_task == NULL)
    return;

  /* The worker stops at its next step and removes what it wrote; the
   * progress bar stays until it has. */
  g_cancellable_cancel (g_task_get_cancellable (self->export_task));
  job = g_task_get_task_data (self->export_task);
  if (job->toast != NULL)
    adw_toast_dismiss (job->toast);
}

/* The window is going away: stop the export, tell its caller now, and
 * leave the worker to end on its own (it shares nothing with the window). */
static void
export_abandon (IpmsWindow *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->export_task);

  if (task == NULL)
    return;

  g_cancellable_cancel (g_task_get_cancellable (task));
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The window was closed");
}

static void
import_json_confirmed (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          user_data)
{
  GFile *file = user_data;
  GtkWindow *window = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (g_str_equal (response, "replace") && IPMS_IS_WINDOW (window))
    ipms_window_import_json (IPMS_WINDOW (window), file, NULL, NULL);
}

/* Import replaces the whole plan: say so before it happens. */
static void
import_json_chosen (GtkWindow *window,
                    GFile     *file,
                    gpointer   user_data)
{
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  if (file == NULL)
    return;

  name = dup_display_basename (file);
  dialog = adw_message_dialog_new (window, _("Replace the Plan?"), NULL);
  /* Translators: %s is a file name */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Everything in this project is replaced by the plan in “%s”. "
                                    "Undo brings the current plan back."),
                                  name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (import_json_confirmed),
                         g_object_ref (file), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_json_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GtkFileFilter) filter = ipms_file_filter_new_json ();

  ipms_choose_file (GTK_WINDOW (widget), IPMS_FILE_CHOOSER_OPEN,
                    _("Import JSON"), _("_Import"), NULL, filter,
                    import_json_chosen, NULL);
}

gboolean
ipms_window_export_json (IpmsWindow *self,
                         GFile      *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (IPMS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = dup_display_basename (file);
  path = g_file_get_path (file);

  if (path == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("Plans can only be exported to a local folder."));

  if (path == NULL || !ipms_json_export_file (self->document, path, &error))
    {
      /* Translators: %s is a file name */
      g_autofree char *heading = g_strdup_printf (_("Could Not Export “%s”"), name);

      ipms_window_show_error (self, heading, error);
      return FALSE;
    }

  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Exported “%s”"), name);
  ipms_window_add_toast (self, message);

  return TRUE;
}

static void
export_json_chosen (GtkWindow *window,
                    GFile     *file,
                    gpointer   user_data)
{
  if (file != NULL)
    ipms_window_export_json (IPMS_WINDOW (window), file);
}

static void
export_json_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IpmsWindow *self = IPMS_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = ipms_file_filter_new_json ();
  g_autofree char *name = dup_file_name (self, ".json");

  ipms_choose_file (GTK_WINDOW (self), IPMS_FILE_CHOOSER_SAVE,
                    _("Export JSON"), _("_Export"), name, filter,
                    export_json_chosen, NULL);
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

static void
show_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IpmsWindow *self = IPMS_WINDOW (widget);
  const char *table, *column, *section_id;
  const Section *section;
  GtkWidget *page;
  gint64 id, product;

  g_variant_get (parameter, "(&sx&s)", &table, &id, &column);

  product = product_of_record (self->document, table, id);
  if (product != 0)
    {
      /* The PRD editor (branch prd-pages) shows a product and its rows;
       * without it the product is selected on the panorama. */
      if (gtk_widget_activate_action (widget, "win.open-prd", "x", product))
        {
          /* Then the field or cell itself. */
          page = ensure_page (self, lookup_section ("prds"));
          if (IPMS_IS_RECORD_FOCUS (page))
            ipms_record_focus_focus_record (IPMS_RECORD_FOCUS (page), table, id, column);
          return;
        }
      table = "product";
      id = product;
      column = "";
    }

  section_id = ipms_window_get_section_for_record (table, column);
  if (section_id == NULL || (section = lookup_section (section_id)) == NULL || section->get_type == NULL)
    return;

  show_section (self, section);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);

  page = ensure_page (self, section);
  if (IPMS_IS_RECORD_FOCUS (page))
    ipms_record_focus_focus_record (IPMS_RECORD_FOCUS (page), table, id, column);
}

/* Ctrl+F: in the sidebar, shown when folded away. */
static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IpmsWindow *self = IPMS_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  /* A fold just made would otherwise land on the page afterwards. */
  g_clear_handle_id (&self->fold_source, g_source_remove);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, gtk_widget_get_parent (self->sidebar_header));
  gtk_widget_grab_focus (self->search_entry);
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
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
    gtk_widget_grab_focus (GTK_WIDGET (self->rows[self->section - sections]));
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
    {
      self->rows[i] = create_row (&sections[i]);
      gtk_list_box_append (self->sidebar_list, GTK_WIDGET (self->rows[i]));
    }

  /* A project opens where it was left if that view is built; otherwise on
   * the panorama, the most useful view there is, never on a placeholder. */
  remembered = ipms_document_dup_view_state (self->document, "window.section");
  section = lookup_section (remembered);
  if (section == NULL || section->get_type == NULL)
    section = lookup_section (DEFAULT_SECTION);
  show_section (self, section);
  ipms_search_panel_set_document (self->search_panel, self->document);
  g_signal_connect (self, "map", G_CALLBACK (window_mapped_cb), NULL);

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
                           G_CALLBACK (ipms_window_update_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_cb), NULL);

  ipms_window_update_actions (self);
  ipms_window_update_title (self);
}

static void
ipms_window_dispose (GObject *object)
{
  IpmsWindow *self = IPMS_WINDOW (object);

  g_clear_handle_id (&self->fold_source, g_source_remove);
  g_clear_handle_id (&self->first_page_source, g_source_remove);
  g_clear_handle_id (&self->prebuild_source, g_source_remove);
  g_clear_pointer (&self->names_ahead, ipms_names_ahead_free);
  g_clear_handle_id (&self->step_progress_source, g_source_remove);
  /* Before the document is written to or closed: it rolls the import back. */
  import_cancel (self);
  export_abandon (self);
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

/* "(sx)": a chart section and a product. From a product's traceability
 * panel: the chart comes up with that product selected, as if the user had
 * clicked it there. */
static void
show_product_on_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  IpmsWindow *self = IPMS_WINDOW (widget);
  const Section *section;
  const char *section_id;
  gint64 product_id;

  g_variant_get (parameter, "(&sx)", &section_id, &product_id);
  section = lookup_section (section_id);
  if (section == NULL)
    return;

  if (product_id != 0)
    ipms_selection_select_only (self->selection, product_id);
  show_section (self, section);
}

/* F5 starts at the first slide, Shift+F5 at the slide of this section. */
static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  IpmsWindow *self = IPMS_WINDOW (widget);

  if (self->presentation != NULL)
    {
      gtk_window_present (ipms_presenter_console_get_audience (self->presentation));
      return;
    }

  g_set_weak_pointer (&self->presentation,
                      ipms_presenter_console_start (self, g_str_equal (action_name, "win.present-current")
                                                          ? self->section->id : NULL));
}

static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IpmsWindow *self = IPMS_WINDOW (widget);

  if (g_str_equal (action_name, "win.deck-setup"))
    ipms_review_dialogs_show_deck_setup (self);
  else if (g_str_equal (action_name, "win.mark-reviewed"))
    ipms_review_dialogs_mark_reviewed (self);
  else if (g_str_equal (action_name, "win.export-deck"))
    ipms_review_dialogs_export_deck (self);
  else
    ipms_review_dialogs_show_changes (self);
}

/* Ctrl+Shift+E wherever the focus is, the sidebar included: the export
 * dialog of the chart shown. */
static void
export_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IpmsWindow *self = IPMS_WINDOW (widget);
  GtkWidget *page = ensure_page (self, self->section);

  if (IPMS_IS_PANORAMA_PAGE (page))
    gtk_widget_activate_action (page, "panorama-page.export", NULL);
  else if (IPMS_IS_NEW_PRODUCTS_PAGE (page))
    gtk_widget_activate_action (ipms_new_products_page_get_timeline (IPMS_NEW_PRODUCTS_PAGE (page)),
                                "timeline.export", NULL);
  else if (IPMS_IS_ROADMAP_PAGE (page))
    gtk_widget_activate_action (ipms_roadmap_page_get_timeline (IPMS_ROADMAP_PAGE (page)),
                                "timeline.export", NULL);
}

/* The parameter is a product id, or 0 for every product: the PRD editor
 * and list export one, the menu all. */
static void
export_prd_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IpmsWindow *self = IPMS_WINDOW (widget);
  gint64 product_id = g_variant_get_int64 (parameter);
  IpmsExportDialog *dialog;

  /* A product deleted meanwhile (an undo) has no PRD left to export. */
  if (product_id < 0 ||
      (product_id != 0 && ipms_document_get_record (self->document, "product", product_id) == NULL))
    return;

  dialog = ipms_export_dialog_new_for_prds (GTK_WINDOW (self), self->document, product_id);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "x": a product id. Shows its PRD in the PRDs section; the editor's Back
 * returns to the section the user was in (or to the product list). */
static void
open_prd_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  IpmsWindow *self = IPMS_WINDOW (widget);
  const Section *prds = lookup_section ("prds");
  const Section *from = self->section;
  GtkWidget *page = ensure_page (self, prds);

  show_section (self, prds);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  ipms_products_page_open_prd (IPMS_PRODUCTS_PAGE (page), g_variant_get_int64 (parameter),
                               from != prds ? from->id : NULL);
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

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.report-error", "(ss)", report_error_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.rename-project", NULL, rename_project_action);
  gtk_widget_class_install_action (widget_class, "win.undo-toast", "s", undo_toast_action);
  gtk_widget_class_install_action (widget_class, "win.import-json", NULL, import_json_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.export-json", NULL, export_json_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-export", NULL, cancel_export_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-section", "section");
  gtk_widget_class_install_action (widget_class, "win.show-product-on", "(sx)", show_product_on_action);
  gtk_widget_class_install_action (widget_class, "win.previous-section", NULL, step_section_action);
  gtk_widget_class_install_action (widget_class, "win.next-section", NULL, step_section_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.present-current", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.deck-setup", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "win.mark-reviewed", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "win.export-deck", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "win.compare-review", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "win.export-prd", "x", export_prd_action);
  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, export_chart_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-chart", NULL);
  gtk_widget_class_install_action (widget_class, "win.open-prd", "x", open_prd_action);
  gtk_widget_class_install_action (widget_class, "win.show-record", "(sxs)", show_record_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "win.previous-section", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "win.next-section", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, GDK_SHIFT_MASK, "win.present-current", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (section_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, section_keys[i], GDK_ALT_MASK,
                                         "win.show-section", "s", sections[i].id);
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

  found = lookup_section (section);
  g_return_if_fail (found != NULL);

  show_section (self, found);
}

gboolean
ipms_window_get_working_ahead (IpmsWindow *self)
{
  g_return_val_if_fail (IPMS_IS_WINDOW (self), FALSE);

  return !self->worked_ahead;
}

GtkWidget *
ipms_window_get_section_page (IpmsWindow *self,
                              const char *section)
{
  const Section *found;

  g_return_val_if_fail (IPMS_IS_WINDOW (self), NULL);

  found = lookup_section (section);
  if (found == NULL)
    return NULL;

  /* Asked for before the first frame: shown now, as it would be after. */
  if (found == self->section && !self->first_page_built)
    {
      g_clear_handle_id (&self->first_page_source, g_source_remove);
      build_first_page_cb (self);
    }

  return ensure_page (self, found);
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
