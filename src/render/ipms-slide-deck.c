/* ipms-slide-deck.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ipms-chart-export.h"
#include "ipms-deck-setup.h"
#include "ipms-slide-content.h"
#include "ipms-slide-deck.h"
#include "ipms-slide-private.h"

struct _IpmsSlideDeck
{
  GObject                 parent_instance;

  IpmsDocument           *document;
  GPtrArray              *slides;
  /* chart kind → IpmsChart, made when a slide first needs it; they follow
   * the document themselves. */
  GHashTable             *charts;
  gint64                  baseline_id;
  IpmsBaselineComparison *comparison;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IpmsSlideDeck, ipms_slide_deck, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return IPMS_TYPE_SLIDE;
}

static guint
get_n_items (GListModel *model)
{
  return IPMS_SLIDE_DECK (model)->slides->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  IpmsSlideDeck *self = IPMS_SLIDE_DECK (model);

  if (position >= self->slides->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->slides, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* A chart follows the document by itself, maybe after the deck has made
 * its slides for the same edit: the slides that show it are told then. */
static void
chart_changed_cb (IpmsChart     *chart,
                  IpmsSlideDeck *self)
{
  for (guint i = 0; i < self->slides->len; i++)
    if (ipms_slide_shows_chart (g_ptr_array_index (self->slides, i), chart))
      ipms_slide_emit_changed (g_ptr_array_index (self->slides, i));
}

static IpmsChart *
get_chart (IpmsSlideDeck *self,
           const char    *kind)
{
  IpmsChart *chart = g_hash_table_lookup (self->charts, kind);

  if (chart == NULL)
    {
      chart = ipms_chart_new_for_kind (self->document, kind, NULL);
      /* The slide has its own title: the chart's would take room twice. */
      if (g_object_class_find_property (G_OBJECT_GET_CLASS (chart), "show-title") != NULL)
        g_object_set (chart, "show-title", FALSE, NULL);
      if (g_signal_lookup ("changed", G_OBJECT_TYPE (chart)) != 0)
        g_signal_connect_object (chart, "changed", G_CALLBACK (chart_changed_cb), self, 0);
      g_hash_table_insert (self->charts, (gpointer) kind, chart);
    }

  return chart;
}

static gboolean
has_visible_kind (GArray        *entries,
                  IpmsSlideKind  kind)
{
  for (guint i = 0; i < entries->len; i++)
    {
      IpmsDeckEntry *entry = &g_array_index (entries, IpmsDeckEntry, i);

      if (!entry->hidden && ipms_slide_kind_from_name (entry->kind) == kind)
        return TRUE;
    }

  return FALSE;
}

static void
update_comparison (IpmsSlideDeck *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = self->baseline_id;

  g_clear_pointer (&self->comparison, ipms_baseline_comparison_free);

  if (id == 0)
    {
      g_autoptr(GPtrArray) baselines = ipms_baseline_list (self->document, NULL);

      if (baselines == NULL || baselines->len == 0)
        return;
      id = ((IpmsBaselineInfo *) g_ptr_array_index (baselines, 0))->id;
    }

  self->comparison = ipms_baseline_compare (self->document, id, &error);
  if (self->comparison == NULL)
    g_debug ("No comparison for the deck: %s", error->message);
}

static void
rebuild (IpmsSlideDeck *self)
{
  g_autoptr(GArray) entries = ipms_deck_setup_list (self->document);
  g_autoptr(GPtrArray) slides = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *footer = ipms_document_dup_title (self->document);
  g_autofree gboolean *touched = NULL;
  guint old_n = self->slides->len, n, first, tail = 0;

  /* Comparing costs a whole pass over the plan: only for a deck that shows it. */
  if (has_visible_kind (entries, IPMS_SLIDE_KIND_CHANGES))
    update_comparison (self);
  else
    g_clear_pointer (&self->comparison, ipms_baseline_comparison_free);

  for (guint i = 0; i < entries->len; i++)
    {
      IpmsDeckEntry *entry = &g_array_index (entries, IpmsDeckEntry, i);
      IpmsSlideKind kind = ipms_slide_kind_from_name (entry->kind);
      const char *chart_kind;
      g_autoptr(GPtrArray) blocks = NULL;
      g_autoptr(GPtrArray) pages = NULL;
      g_autofree char *title = NULL;

      if (entry->hidden || kind == IPMS_SLIDE_N_KINDS)
        continue;

      chart_kind = ipms_slide_kind_get_chart (kind);
      blocks = ipms_slide_content_build (self->document, kind, entry->product_id,
                                         chart_kind != NULL ? get_chart (self, chart_kind) : NULL,
                                         self->comparison, &title);
      pages = ipms_slide_layout_pages (blocks);

      for (guint p = 0; p < pages->len; p++)
        {
          IpmsSlide *slide = ipms_slide_new (kind, title, blocks, g_array_ref (g_ptr_array_index (pages, p)),
                                             p, pages->len);

          ipms_slide_set_deck_info (slide, i, entry->product_id, entry->notes, footer, 0, 0);
          g_ptr_array_add (slides, slide);
        }
    }

  for (guint i = 0; i < slides->len; i++)
    {
      IpmsSlide *slide = g_ptr_array_index (slides, i);

      ipms_slide_set_deck_info (slide, ipms_slide_get_setup_index (slide), ipms_slide_get_product_id (slide),
                                ipms_slide_get_notes (slide), footer, i, slides->len);
    }

  /* An edit touches a slide or two: the others stay the same objects, so
   * that views keep what they rendered and lists keep their rows. Only the
   * span from the first to the last slide that differs is announced. */
  n = slides->len;
  touched = g_new0 (gboolean, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      IpmsSlide *old = i < old_n ? g_ptr_array_index (self->slides, i) : NULL;
      IpmsSlide *slide = g_ptr_array_index (slides, i);

      if (old == NULL || !ipms_slide_equal_look (old, slide))
        {
          touched[i] = TRUE;
          continue;
        }

      /* Notes are not on the slide: the old one takes the new notes. */
      touched[i] = g_strcmp0 (ipms_slide_get_notes (old), ipms_slide_get_notes (slide)) != 0;
      ipms_slide_set_deck_info (old, ipms_slide_get_setup_index (old), ipms_slide_get_product_id (old),
                                ipms_slide_get_notes (slide), footer, i, n);
      g_ptr_array_index (slides, i) = g_object_ref (old);
      g_object_unref (slide);
    }

  first = 0;
  while (first < MIN (old_n, n) && !touched[first])
    first++;
  if (old_n == n)
    while (tail < n - first && !touched[n - 1 - tail])
      tail++;

  g_ptr_array_unref (self->slides);
  self->slides = g_steal_pointer (&slides);
  if (first < MAX (old_n, n))
    g_list_model_items_changed (G_LIST_MODEL (self), first, old_n - first - tail, n - first - tail);
}

static void
ipms_slide_deck_finalize (GObject *object)
{
  IpmsSlideDeck *self = IPMS_SLIDE_DECK (object);

  g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->slides, g_ptr_array_unref);
  g_clear_pointer (&self->charts, g_hash_table_unref);
  g_clear_pointer (&self->comparison, ipms_baseline_comparison_free);

  G_OBJECT_CLASS (ipms_slide_deck_parent_class)->finalize (object);
}

static void
ipms_slide_deck_class_init (IpmsSlideDeckClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ipms_slide_deck_finalize;
}

static void
ipms_slide_deck_init (IpmsSlideDeck *self)
{
  self->slides = g_ptr_array_new_with_free_func (g_object_unref);
  self->charts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
}

IpmsSlideDeck *
ipms_slide_deck_new (IpmsDocument *document)
{
  IpmsSlideDeck *self;

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);

  self = g_object_new (IPMS_TYPE_SLIDE_DECK, NULL);
  self->document = g_object_ref (document);
  /* The charts follow the document on their own; slides paint them live. */
  g_signal_connect_swapped (document, "changes-done", G_CALLBACK (rebuild), self);
  rebuild (self);

  return self;
}

IpmsDocument *
ipms_slide_deck_get_document (IpmsSlideDeck *self)
{
  g_return_val_if_fail (IPMS_IS_SLIDE_DECK (self), NULL);
  return self->document;
}

gboolean
ipms_slide_deck_set_baseline (IpmsSlideDeck  *self,
                              gint64          baseline_id,
                              GError        **error)
{
  g_return_val_if_fail (IPMS_IS_SLIDE_DECK (self), FALSE);

  if (baseline_id != 0)
    {
      g_autoptr(GPtrArray) baselines = ipms_baseline_list (self->document, error);
      gboolean found = FALSE;

      if (baselines == NULL)
        return FALSE;
      for (guint i = 0; i < baselines->len && !found; i++)
        found = ((IpmsBaselineInfo *) g_ptr_array_index (baselines, i))->id == baseline_id;
      if (!found)
        {
          g_set_error_literal (error, IPMS_DOCUMENT_ERROR, IPMS_DOCUMENT_ERROR_NO_SUCH_ROW,
                               "No such review baseline");
          return FALSE;
        }
    }

  self->baseline_id = baseline_id;
  rebuild (self);
  return TRUE;
}

IpmsBaselineComparison *
ipms_slide_deck_get_comparison (IpmsSlideDeck *self)
{
  g_return_val_if_fail (IPMS_IS_SLIDE_DECK (self), NULL);
  return self->comparison;
}

void
ipms_slide_deck_refresh (IpmsSlideDeck *self)
{
  g_return_if_fail (IPMS_IS_SLIDE_DECK (self));
  rebuild (self);
}

guint
ipms_slide_deck_find_kind (IpmsSlideDeck *self,
                           IpmsSlideKind  kind)
{
  g_return_val_if_fail (IPMS_IS_SLIDE_DECK (self), G_MAXUINT);

  for (guint i = 0; i < self->slides->len; i++)
    if (ipms_slide_get_kind (g_ptr_array_index (self->slides, i)) == kind)
      return i;

  return G_MAXUINT;
}

IpmsSlide *
ipms_slide_deck_get_slide (IpmsSlideDeck *self,
                           guint          position)
{
  g_return_val_if_fail (IPMS_IS_SLIDE_DECK (self), NULL);

  if (position >= self->slides->len)
    return NULL;

  return g_ptr_array_index (self->slides, position);
}
