/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipms-id-index.h"
#include "ipms-timeline-chart.h"
#include "ipms-timeline-paint.h"

G_BEGIN_DECLS

/* For the subclasses: they read these fields and rebuild their layout,
 * `axis` with it, in ensure_layout() when ipms_timeline_chart_begin_layout()
 * says so. The properties are written only through the setters. */
struct _IpmsTimelineChart
{
  GObject          parent_instance;

  IpmsDocument    *document;
  gulong           changes_done_id;
  gulong           row_changed_id;
  gulong           reloaded_id;

  char            *range_start;
  char            *range_end;
  double           px_per_day;
  gboolean         show_title;
  guint32          today;

  gboolean         dirty;
  /* Counts the layouts made stale: what a subclass reads from the rows
   * apart from a layout stays good while it is unchanged. */
  guint            generation;
  /* Only lengths changed since the last layout: see update_geometry(). */
  gboolean         geometry_dirty;
  /* Products changed since the last layout while nothing else did: the
   * next layout updates their items alone (update_products()). */
  GHashTable      *touched;
  gboolean         reset;
  /* What the last layout read of the project (see dup_project_key()), and
   * whether its row changed since the last change of the document. */
  char            *project_key;
  gboolean         project_changed;
  GHashTable      *spans;       /* product id -> its dates' span, for the plan's range */
  IpmsTimeAxis     axis;
  IpmsLayoutCache *layouts;
  double           sticky_x;
  double           sticky_y;
  gboolean         preview_apart;
  /* See ipms_timeline_chart_get_serial(). */
  guint            serial;
  /* See ipms_timeline_chart_take_damage(): the areas painted otherwise
   * since it was last called (cairo_rectangle_t), or everything. */
  GArray          *damage;
  gboolean         damage_all;
};

/* Items other than the products updated in place may have moved (the new
 * product chart packed a lane again): counts it for
 * ipms_timeline_chart_get_serial(). What is painted otherwise is told with
 * ipms_timeline_chart_damage(). */
static inline void
ipms_timeline_chart_moved_items (IpmsTimelineChart *self)
{
  self->serial++;
}

/* An update in place changed what paint() paints in `area` (chart
 * units), or anywhere when `area` is NULL. */
void ipms_timeline_chart_damage          (IpmsTimelineChart       *self,
                                          const cairo_rectangle_t *area);

/* The layout is stale: marks it so and emits "changed". */
void ipms_timeline_chart_invalidate      (IpmsTimelineChart *self);
/* The places are stale, the rows read are not (the zoom changed): marks
 * it so and emits "changed". */
void ipms_timeline_chart_invalidate_geometry (IpmsTimelineChart *self);
/* Whether ensure_layout() must lay everything out again: when `dirty`,
 * or when the products touched since the last layout could not be updated
 * in place. Clears both. Places the items again (update_geometry()) when
 * only lengths changed. */
gboolean ipms_timeline_chart_begin_layout (IpmsTimelineChart *self);
/* The preview moved; `same_item` when it is still the same item, which a
 * preview painted apart can show without repainting the rest. */
void ipms_timeline_chart_preview_changed (IpmsTimelineChart *self,
                                          gboolean           same_item);

/* Sets `axis` to the range, or to the plan's (from `products`, every
 * product row, and the series) where the range is unset or backwards, at
 * "px-per-day" or, when that is 0, at the zoom that fits the range into
 * about `fit_width` units. */
void ipms_timeline_chart_layout_axis     (IpmsTimelineChart *self,
                                          GPtrArray         *products,
                                          double             fit_width);
/* Sets `axis` as ipms_timeline_chart_layout_axis() did last, from the
 * same products, at the "px-per-day" it has now. */
void ipms_timeline_chart_relayout_axis   (IpmsTimelineChart *self,
                                          double             fit_width);
/* After edits of the products in `ids` alone: sets `axis` as
 * ipms_timeline_chart_layout_axis() would, from those products' dates and
 * the others' kept from the last layout, and says whether it stayed the
 * same. */
gboolean ipms_timeline_chart_update_axis (IpmsTimelineChart *self,
                                          GHashTable        *ids,
                                          double             fit_width);
/* The title line at the top left: project name, `chart_name` and the range. */
void ipms_timeline_chart_paint_title     (IpmsTimelineChart      *self,
                                          cairo_t                *cr,
                                          const IpmsChartPalette *palette,
                                          const char             *chart_name);

/* For the charts' item arrays, whose element structs begin with the
 * product's gint64 id, sorted, and their index of where each id is. */
GArray       *ipms_timeline_items_dup_ids (GArray      *items);
gconstpointer ipms_timeline_items_find    (GArray      *items,
                                           IpmsIdIndex *index,
                                           gint64       id);
/* Indexes every item anew. */
void          ipms_timeline_items_index   (GArray      *items,
                                           IpmsIdIndex *index);

/* What an update in place did to an items array: the items of some ids
 * taken out (at positions before they went), those still shown put back
 * (at positions where they went in). */
typedef struct
{
  guint first;         /* the lowest position touched */
  guint removed_end;   /* past the highest position taken out */
  guint inserted_end;  /* past the highest position put in */
  guint n_removed;
  guint n_inserted;
} IpmsTimelineItemsChange;

#define IPMS_TIMELINE_ITEMS_CHANGE_INIT ((IpmsTimelineItemsChange) { G_MAXUINT, 0, 0, 0, 0 })

static inline void
ipms_timeline_items_change_removed (IpmsTimelineItemsChange *change,
                                    guint                    position)
{
  change->first = MIN (change->first, position);
  change->removed_end = MAX (change->removed_end, position + 1);
  change->n_removed++;
}

static inline void
ipms_timeline_items_change_inserted (IpmsTimelineItemsChange *change,
                                     guint                    position)
{
  change->first = MIN (change->first, position);
  change->inserted_end = MAX (change->inserted_end, position + 1);
  change->n_inserted++;
}

/* After the update in place of the products `ids` described by `change`:
 * renumbers only the items it moved, and drops the ids not put back. */
void          ipms_timeline_items_reindex (GArray                        *items,
                                           IpmsIdIndex                   *index,
                                           GHashTable                    *ids,
                                           const IpmsTimelineItemsChange *change);

static inline void
ipms_timeline_chart_ensure_layout (IpmsTimelineChart *self)
{
  IPMS_TIMELINE_CHART_GET_CLASS (self)->ensure_layout (self);
}

G_END_DECLS
