/* ipms-window-pages.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-form-page.h"
#include "ipms-stack-pages.h"
#include "ipms-timeline-page.h"
#include "ipms-timeline-section.h"
#include "ipms-window-private.h"

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
GtkWidget *
_ipms_window_ensure_page (IpmsWindow    *self,
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
  ipms_stack_pages_show (self->stack, _ipms_window_ensure_page (self, self->section));

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
  guint n_sections;
  const Section *sections = _ipms_window_get_sections (&n_sections);

  for (guint i = 0; i < n_sections; i++)
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
      self->prebuilt_page = _ipms_window_ensure_page (self, section);
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
      self->chart_ahead = _ipms_window_ensure_page (self, section);
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

void
_ipms_window_pages_init (IpmsWindow *self)
{
  g_signal_connect (self, "map", G_CALLBACK (window_mapped_cb), NULL);
}

void
_ipms_window_pages_dispose (IpmsWindow *self)
{
  g_clear_handle_id (&self->first_page_source, g_source_remove);
  g_clear_handle_id (&self->prebuild_source, g_source_remove);
  g_clear_pointer (&self->names_ahead, ipms_names_ahead_free);
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

  found = _ipms_window_lookup_section (section);
  if (found == NULL)
    return NULL;

  /* Asked for before the first frame: shown now, as it would be after. */
  if (found == self->section && !self->first_page_built)
    {
      g_clear_handle_id (&self->first_page_source, g_source_remove);
      build_first_page_cb (self);
    }

  return _ipms_window_ensure_page (self, found);
}
