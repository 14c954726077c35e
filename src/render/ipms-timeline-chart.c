/* ipms-timeline-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ipms-format.h"
#include "ipms-timeline-chart-private.h"

G_DEFINE_ABSTRACT_TYPE (IpmsTimelineChart, ipms_timeline_chart, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_RANGE_START,
  PROP_RANGE_END,
  PROP_PX_PER_DAY,
  PROP_SHOW_TITLE,
  PROP_TODAY,
  N_PROPS
};

enum {
  CHANGED,
  PREVIEW_CHANGED,
  N_SIGNALS
};

/* Changed products beyond which a new layout costs no more than updating
 * their items one by one. */
#define MAX_TOUCHED 256

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Past this many areas, a view may as well paint everything again. */
#define MAX_DAMAGE 256

void
ipms_timeline_chart_invalidate (IpmsTimelineChart *self)
{
  self->dirty = TRUE;
  self->generation++;
  self->damage_all = TRUE;
  g_signal_emit (self, signals[CHANGED], 0);
}

void
ipms_timeline_chart_invalidate_geometry (IpmsTimelineChart *self)
{
  self->geometry_dirty = TRUE;
  self->damage_all = TRUE;
  g_signal_emit (self, signals[CHANGED], 0);
}

void
ipms_timeline_chart_damage (IpmsTimelineChart       *self,
                            const cairo_rectangle_t *area)
{
  if (area == NULL || self->damage->len >= MAX_DAMAGE)
    self->damage_all = TRUE;
  if (!self->damage_all)
    g_array_append_val (self->damage, *area);
}

/* What a timeline reads of the project: the name in its title, the plan
 * year its range spans and the currency of its prices. The project's other
 * columns are the five looks' and the positioning's texts, which the user
 * types in while the charts wait. */
static char *
dup_project_key (IpmsTimelineChart *self)
{
  IpmsRecord *project = ipms_document_get_project (self->document);

  if (project == NULL)
    return g_strdup ("");

  return g_strdup_printf ("%s\x1f%s%" G_GINT64_FORMAT "\x1f%s",
                          ipms_record_get_string (project, "name"),
                          ipms_record_is_null (project, "plan_year") ? "none" : "",
                          ipms_record_get_int (project, "plan_year"),
                          ipms_record_get_string (project, "currency"));
}

gboolean
ipms_timeline_chart_begin_layout (IpmsTimelineChart *self)
{
  IpmsTimelineChartClass *klass = IPMS_TIMELINE_CHART_GET_CLASS (self);
  gboolean updated;

  /* New lengths and edited products together are laid out anew: an
   * update in place counts on the places as they were. */
  if (self->dirty ||
      (self->geometry_dirty && (klass->update_geometry == NULL || g_hash_table_size (self->touched) > 0)))
    {
      self->dirty = FALSE;
      self->geometry_dirty = FALSE;
      self->serial++;
      self->damage_all = TRUE;
      g_hash_table_remove_all (self->touched);
      g_free (self->project_key);
      self->project_key = dup_project_key (self);
      return TRUE;
    }
  if (self->geometry_dirty)
    {
      self->geometry_dirty = FALSE;
      klass->update_geometry (self);
      self->serial++;
      self->damage_all = TRUE;
      return FALSE;
    }
  if (g_hash_table_size (self->touched) == 0)
    return FALSE;

  updated = IPMS_TIMELINE_CHART_GET_CLASS (self)->update_products (self, self->touched);
  g_hash_table_remove_all (self->touched);
  if (!updated)
    {
      self->serial++;
      self->damage_all = TRUE;
    }
  return !updated;
}

/* Whether the chart reads rows of `table` other than products and the
 * project: the series (the plan's range, the legend) and the subclass's
 * own. */
static gboolean
reads_table (IpmsTimelineChart *self,
             const char        *table)
{
  const char * const *tables = IPMS_TIMELINE_CHART_GET_CLASS (self)->tables;

  return strcmp (table, "series") == 0 || (tables != NULL && g_strv_contains (tables, table));
}

/* A product row tells which item to update; a row the chart reads
 * otherwise (a series, a layer, a price band, the project's currency) may
 * move every item. The rest of the plan (the forms' tables) does not
 * concern it: an edit there kept nothing of a layout of 10,000 products. */
static void
on_row_changed (IpmsTimelineChart *self,
                const char        *table,
                gint64             id,
                IpmsRowChange      change,
                IpmsDocument      *document)
{
  if (strcmp (table, "product") == 0)
    {
      gint64 *key = g_new (gint64, 1);

      *key = id;
      g_hash_table_add (self->touched, key);
    }
  else if (strcmp (table, "project") == 0)
    {
      self->project_changed = TRUE;
    }
  else if (reads_table (self, table))
    {
      self->reset = TRUE;
    }
}

static void
on_reloaded (IpmsTimelineChart *self,
             IpmsDocument      *document)
{
  self->reset = TRUE;
}

static void
on_changes_done (IpmsTimelineChart *self,
                 IpmsDocument      *document)
{
  if (self->project_changed)
    {
      g_autofree char *key = dup_project_key (self);

      self->project_changed = FALSE;
      self->reset |= g_strcmp0 (key, self->project_key) != 0;
    }

  if (self->reset || g_hash_table_size (self->touched) > MAX_TOUCHED)
    {
      self->reset = FALSE;
      g_hash_table_remove_all (self->touched);
      ipms_timeline_chart_invalidate (self);
    }
  else if (g_hash_table_size (self->touched) > 0)
    {
      /* The touched products wait for the next layout. */
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

void
ipms_timeline_chart_preview_changed (IpmsTimelineChart *self,
                                     gboolean           same_item)
{
  self->serial++;
  /* A preview painted apart leaves the rest as it was. */
  if (!same_item || !self->preview_apart)
    self->damage_all = TRUE;
  g_signal_emit (self, signals[same_item && self->preview_apart ? PREVIEW_CHANGED : CHANGED], 0);
}

/* A product's dates on the plan, kept from one layout to the next so that
 * an edit needs only the products it touched to find the plan's range. */
typedef struct
{
  gint64  id;          /* the key, first */
  guint32 first;
  guint32 last;
} Span;

static void
set_span (IpmsTimelineChart *self,
          IpmsRecord        *product)
{
  Span *span = g_new (Span, 1);

  span->id = ipms_record_get_id (product);
  ipms_timeline_product_span (product, &span->first, &span->last);
  if (span->first == 0)
    {
      g_hash_table_remove (self->spans, &span->id);
      g_free (span);
      return;
    }
  g_hash_table_replace (self->spans, &span->id, span);
}

/* With the range unset (or backwards), the plan's, from the kept spans. */
static gboolean
range_from_plan (IpmsTimelineChart *self)
{
  guint32 first_day = ipms_time_day_from_iso (self->range_start);
  guint32 last_day = ipms_time_day_from_iso (self->range_end);

  return first_day == 0 || last_day == 0 || last_day < first_day;
}

static void
layout_axis_from_spans (IpmsTimelineChart *self,
                        double             fit_width)
{
  guint32 first_day = ipms_time_day_from_iso (self->range_start);
  guint32 last_day = ipms_time_day_from_iso (self->range_end);
  double px_per_day;

  if (range_from_plan (self))
    {
      guint32 products_first = 0, products_last = 0;
      guint32 plan_first, plan_last;
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->spans);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          const Span *span = value;

          if (products_first == 0 || span->first < products_first)
            products_first = span->first;
          products_last = MAX (products_last, span->last);
        }

      ipms_timeline_plan_range (self->document, products_first, products_last, &plan_first, &plan_last);
      if (first_day == 0 || (last_day != 0 && last_day < first_day))
        first_day = plan_first;
      if (last_day == 0 || last_day < first_day)
        last_day = MAX (plan_last, first_day);
    }

  px_per_day = self->px_per_day > 0 ? self->px_per_day
                                    : ipms_timeline_fit_px_per_day (last_day - first_day + 1, fit_width);
  ipms_time_axis_init (&self->axis, first_day, last_day, px_per_day);
}

void
ipms_timeline_chart_layout_axis (IpmsTimelineChart *self,
                                 GPtrArray         *products,
                                 double             fit_width)
{
  g_hash_table_remove_all (self->spans);
  if (range_from_plan (self))
    for (guint i = 0; i < products->len; i++)
      set_span (self, g_ptr_array_index (products, i));

  layout_axis_from_spans (self, fit_width);
}

void
ipms_timeline_chart_relayout_axis (IpmsTimelineChart *self,
                                   double             fit_width)
{
  layout_axis_from_spans (self, fit_width);
}

gboolean
ipms_timeline_chart_update_axis (IpmsTimelineChart *self,
                                 GHashTable        *ids,
                                 double             fit_width)
{
  IpmsTimeAxis old = self->axis;
  GHashTableIter iter;
  gpointer key;

  /* A range of its own does not follow the products. */
  if (!range_from_plan (self))
    return TRUE;

  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      IpmsRecord *product = ipms_document_get_record (self->document, "product", *(gint64 *) key);

      if (product != NULL && ipms_record_is_alive (product))
        set_span (self, product);
      else
        g_hash_table_remove (self->spans, key);
    }

  layout_axis_from_spans (self, fit_width);
  return self->axis.first_day == old.first_day && self->axis.last_day == old.last_day &&
         self->axis.px_per_day == old.px_per_day;
}

void
ipms_timeline_chart_paint_title (IpmsTimelineChart      *self,
                                 cairo_t                *cr,
                                 const IpmsChartPalette *palette,
                                 const char             *chart_name)
{
  g_autofree char *title = ipms_document_dup_title (self->document);
  g_autofree char *first = ipms_format_date (self->axis.first_day);
  g_autofree char *last = ipms_format_date (self->axis.last_day);
  g_autofree char *heading = g_strdup_printf ("%s · %s", title, chart_name);
  g_autofree char *range = g_strdup_printf ("%s – %s", first, last);

  ipms_timeline_paint_title (cr, palette, self->layouts, 16, 10, heading, range);
}

static inline gint64
item_id (GArray *items,
         guint   position)
{
  return *(const gint64 *) (items->data + position * g_array_get_element_size (items));
}

GArray *
ipms_timeline_items_dup_ids (GArray *items)
{
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), items->len);

  for (guint i = 0; i < items->len; i++)
    g_array_append_val (ids, (gint64) { item_id (items, i) });

  return ids;
}

gconstpointer
ipms_timeline_items_find (GArray      *items,
                          IpmsIdIndex *index,
                          gint64       id)
{
  guint position;

  if (!ipms_id_index_lookup (index, id, &position) || position >= items->len)
    return NULL;

  return items->data + position * g_array_get_element_size (items);
}

void
ipms_timeline_items_index (GArray      *items,
                           IpmsIdIndex *index)
{
  ipms_id_index_remove_all (index);
  for (guint i = 0; i < items->len; i++)
    ipms_id_index_set (index, item_id (items, i), i);
}

void
ipms_timeline_items_reindex (GArray                        *items,
                             IpmsIdIndex                   *index,
                             GHashTable                    *ids,
                             const IpmsTimelineItemsChange *change)
{
  GHashTableIter iter;
  gpointer key;
  guint end = items->len;

  /* The same count taken out and put back: past the last position either
   * touched, every item is where it was. */
  if (change->n_removed == change->n_inserted)
    end = MIN (end, MAX (change->removed_end, change->inserted_end + change->n_inserted));
  for (guint i = change->first; i < end; i++)
    ipms_id_index_set (index, item_id (items, i), i);

  /* Those not put back (deleted, or with no date left) go. */
  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 id = *(gint64 *) key;
      guint position;

      if (ipms_id_index_lookup (index, id, &position) &&
          (position >= items->len || item_id (items, position) != id))
        ipms_id_index_remove (index, id);
    }
}

static void
ipms_timeline_chart_dispose (GObject *object)
{
  IpmsTimelineChart *self = IPMS_TIMELINE_CHART (object);

  g_clear_signal_handler (&self->changes_done_id, self->document);
  g_clear_signal_handler (&self->row_changed_id, self->document);
  g_clear_signal_handler (&self->reloaded_id, self->document);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ipms_timeline_chart_parent_class)->dispose (object);
}

static void
ipms_timeline_chart_finalize (GObject *object)
{
  IpmsTimelineChart *self = IPMS_TIMELINE_CHART (object);

  g_clear_pointer (&self->layouts, ipms_layout_cache_free);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_pointer (&self->spans, g_hash_table_unref);
  g_clear_pointer (&self->damage, g_array_unref);
  g_free (self->range_start);
  g_free (self->range_end);
  g_free (self->project_key);

  G_OBJECT_CLASS (ipms_timeline_chart_parent_class)->finalize (object);
}

static void
ipms_timeline_chart_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  IpmsTimelineChart *self = IPMS_TIMELINE_CHART (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_RANGE_START:
      g_value_set_string (value, self->range_start);
      break;
    case PROP_RANGE_END:
      g_value_set_string (value, self->range_end);
      break;
    case PROP_PX_PER_DAY:
      g_value_set_double (value, self->px_per_day);
      break;
    case PROP_SHOW_TITLE:
      g_value_set_boolean (value, self->show_title);
      break;
    case PROP_TODAY:
      g_value_set_uint (value, self->today);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_timeline_chart_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  IpmsTimelineChart *self = IPMS_TIMELINE_CHART (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      self->row_changed_id = g_signal_connect_object (self->document, "row-changed",
                                                      G_CALLBACK (on_row_changed), self,
                                                      G_CONNECT_SWAPPED);
      self->reloaded_id = g_signal_connect_object (self->document, "reloaded",
                                                   G_CALLBACK (on_reloaded), self,
                                                   G_CONNECT_SWAPPED);
      self->changes_done_id = g_signal_connect_object (self->document, "changes-done",
                                                       G_CALLBACK (on_changes_done), self,
                                                       G_CONNECT_SWAPPED);
      break;
    case PROP_RANGE_START:
      ipms_timeline_chart_set_range (self, g_value_get_string (value), self->range_end);
      break;
    case PROP_RANGE_END:
      ipms_timeline_chart_set_range (self, self->range_start, g_value_get_string (value));
      break;
    case PROP_PX_PER_DAY:
      ipms_timeline_chart_set_px_per_day (self, g_value_get_double (value));
      break;
    case PROP_SHOW_TITLE:
      ipms_timeline_chart_set_show_title (self, g_value_get_boolean (value));
      break;
    case PROP_TODAY:
      ipms_timeline_chart_set_today (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_timeline_chart_class_init (IpmsTimelineChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ipms_timeline_chart_dispose;
  object_class->finalize = ipms_timeline_chart_finalize;
  object_class->get_property = ipms_timeline_chart_get_property;
  object_class->set_property = ipms_timeline_chart_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, IPMS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RANGE_START] =
    g_param_spec_string ("range-start", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RANGE_END] =
    g_param_spec_string ("range-end", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PX_PER_DAY] =
    g_param_spec_double ("px-per-day", NULL, NULL, 0, 1000, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_TITLE] =
    g_param_spec_boolean ("show-title", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TODAY] =
    g_param_spec_uint ("today", NULL, NULL, 0, G_MAXUINT32, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[PREVIEW_CHANGED] = g_signal_new ("preview-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ipms_timeline_chart_init (IpmsTimelineChart *self)
{
  self->show_title = TRUE;
  self->dirty = TRUE;
  self->generation = 1;
  self->layouts = ipms_layout_cache_new ();
  self->touched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->spans = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->damage = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  self->damage_all = TRUE;
}

IpmsDocument *
ipms_timeline_chart_get_document (IpmsTimelineChart *self)
{
  g_return_val_if_fail (IPMS_IS_TIMELINE_CHART (self), NULL);

  return self->document;
}

void
ipms_timeline_chart_set_range (IpmsTimelineChart *self,
                               const char        *range_start,
                               const char        *range_end)
{
  g_return_if_fail (IPMS_IS_TIMELINE_CHART (self));

  if (g_strcmp0 (self->range_start, range_start) != 0)
    {
      g_free (self->range_start);
      self->range_start = g_strdup (range_start);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGE_START]);
    }
  if (g_strcmp0 (self->range_end, range_end) != 0)
    {
      g_free (self->range_end);
      self->range_end = g_strdup (range_end);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGE_END]);
    }
  ipms_timeline_chart_invalidate (self);
}

void
ipms_timeline_chart_set_px_per_day (IpmsTimelineChart *self,
                                    double             px_per_day)
{
  g_return_if_fail (IPMS_IS_TIMELINE_CHART (self));

  if (self->px_per_day == px_per_day)
    return;
  self->px_per_day = px_per_day;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PX_PER_DAY]);
  ipms_timeline_chart_invalidate_geometry (self);
}

double
ipms_timeline_chart_get_px_per_day (IpmsTimelineChart *self)
{
  g_return_val_if_fail (IPMS_IS_TIMELINE_CHART (self), 0);

  ipms_timeline_chart_ensure_layout (self);
  return self->axis.px_per_day;
}

void
ipms_timeline_chart_set_show_title (IpmsTimelineChart *self,
                                    gboolean           show_title)
{
  g_return_if_fail (IPMS_IS_TIMELINE_CHART (self));

  show_title = !!show_title;
  if (self->show_title == show_title)
    return;
  self->show_title = show_title;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TITLE]);
  ipms_timeline_chart_invalidate (self);
}

void
ipms_timeline_chart_set_today (IpmsTimelineChart *self,
                               guint32            today)
{
  g_return_if_fail (IPMS_IS_TIMELINE_CHART (self));

  if (self->today == today)
    return;
  self->today = today;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
  ipms_timeline_chart_invalidate (self);
}

guint32
ipms_timeline_chart_get_today (IpmsTimelineChart *self)
{
  g_return_val_if_fail (IPMS_IS_TIMELINE_CHART (self), 0);

  return self->today != 0 ? self->today : ipms_time_today ();
}

const IpmsTimeAxis *
ipms_timeline_chart_get_axis (IpmsTimelineChart *self)
{
  g_return_val_if_fail (IPMS_IS_TIMELINE_CHART (self), NULL);

  ipms_timeline_chart_ensure_layout (self);
  return &self->axis;
}

double
ipms_timeline_chart_get_time_origin (IpmsTimelineChart *self)
{
  g_return_val_if_fail (IPMS_IS_TIMELINE_CHART (self), 0);

  return IPMS_TIMELINE_CHART_GET_CLASS (self)->get_time_origin (self);
}

GArray *
ipms_timeline_chart_dup_item_ids (IpmsTimelineChart *self)
{
  g_return_val_if_fail (IPMS_IS_TIMELINE_CHART (self), NULL);

  return IPMS_TIMELINE_CHART_GET_CLASS (self)->dup_item_ids (self);
}

guint
ipms_timeline_chart_get_serial (IpmsTimelineChart *self)
{
  g_return_val_if_fail (IPMS_IS_TIMELINE_CHART (self), 0);

  ipms_timeline_chart_ensure_layout (self);
  return self->serial;
}

GArray *
ipms_timeline_chart_dup_item_ids_in (IpmsTimelineChart       *self,
                                     const cairo_rectangle_t *area)
{
  g_return_val_if_fail (IPMS_IS_TIMELINE_CHART (self), NULL);
  g_return_val_if_fail (area != NULL, NULL);

  return IPMS_TIMELINE_CHART_GET_CLASS (self)->dup_item_ids_in (self, area);
}

gboolean
ipms_timeline_chart_take_damage (IpmsTimelineChart  *self,
                                 GArray            **areas)
{
  gboolean all;

  g_return_val_if_fail (IPMS_IS_TIMELINE_CHART (self), FALSE);
  g_return_val_if_fail (areas != NULL, FALSE);

  ipms_timeline_chart_ensure_layout (self);
  all = self->damage_all;
  *areas = all ? NULL : g_array_copy (self->damage);
  self->damage_all = FALSE;
  g_array_set_size (self->damage, 0);

  return !all;
}

void
ipms_timeline_chart_set_sticky (IpmsTimelineChart *self,
                                double             x,
                                double             y)
{
  g_return_if_fail (IPMS_IS_TIMELINE_CHART (self));

  self->sticky_x = MAX (0, x);
  self->sticky_y = MAX (0, y);
}

void
ipms_timeline_chart_set_preview_apart (IpmsTimelineChart *self,
                                       gboolean           apart)
{
  g_return_if_fail (IPMS_IS_TIMELINE_CHART (self));

  self->preview_apart = !!apart;
}

void
ipms_timeline_chart_paint_preview (IpmsTimelineChart           *self,
                                   cairo_t                     *cr,
                                   const IpmsChartPaintOptions *options)
{
  g_return_if_fail (IPMS_IS_TIMELINE_CHART (self));

  IPMS_TIMELINE_CHART_GET_CLASS (self)->paint_preview (self, cr, options);
}

void
ipms_timeline_chart_get_frozen (IpmsTimelineChart *self,
                                double            *left,
                                double            *top)
{
  g_return_if_fail (IPMS_IS_TIMELINE_CHART (self));

  IPMS_TIMELINE_CHART_GET_CLASS (self)->get_frozen (self, left, top);
}

struct _IpmsNamesAhead
{
  GPtrArray       *products;
  guint            next;
  IpmsLayoutCache *layouts;
};

IpmsNamesAhead *
ipms_names_ahead_new (IpmsDocument *document)
{
  IpmsNamesAhead *self = g_new0 (IpmsNamesAhead, 1);

  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);

  self->products = ipms_document_query (document, "product", NULL, 0, NULL);
  self->layouts = ipms_layout_cache_new ();

  return self;
}

gboolean
ipms_names_ahead_step (IpmsNamesAhead *self,
                       guint           max_names)
{
  guint end = MIN (self->products->len, self->next + max_names);

  for (; self->next < end; self->next++)
    {
      int width, height;

      ipms_layout_cache_get_size (self->layouts, IPMS_CHART_FONT_SMALL,
                                  ipms_record_get_string (g_ptr_array_index (self->products, self->next), "name"),
                                  &width, &height);
    }

  return self->next >= self->products->len;
}

void
ipms_names_ahead_free (IpmsNamesAhead *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->products);
  ipms_layout_cache_free (self->layouts);
  g_free (self);
}
