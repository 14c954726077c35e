/* ipms-new-products-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ipms-chart-style.h"
#include "ipms-format.h"
#include "ipms-timeline-chart-private.h"
#include "ipms-new-products-chart.h"

#define TITLE_HEIGHT 48.0
/* The lane names' column, unless the view asks for a narrower one. */
#define DEFAULT_LANE_COLUMN 200.0
#define MIN_LANE_COLUMN 80.0
/* The lane names' margins in their column. */
#define LANE_LABEL_LEFT 16.0
#define LANE_LABEL_RIGHT 8.0
#define RIGHT_PAD 32.0
#define LANE_PAD 6.0
#define MILESTONE_ROW 22.0
#define ROW_HEIGHT 30.0
#define BAR_HEIGHT 20.0
#define LAUNCH_SIZE 8.0
#define LABEL_GAP 6.0
#define LEGEND_PAD 12.0
#define LEGEND_LEFT 16.0
#define LANE_LABEL_TOP 4.0
#define LANE_LABEL_SPACING 2.0
#define FIT_WIDTH 1200.0

typedef struct
{
  gint64      id;
  IpmsRecord *record;
  gint64      series_id;
  guint32     start;
  guint32     complete;
  guint32     launch;
  guint       lane;
  guint       row;
  double      x0;          /* extent with the label, for packing */
  double      x1;
} Item;

/* ipms_timeline_items_*() read the id at the start of each item. */
G_STATIC_ASSERT (G_STRUCT_OFFSET (Item, id) == 0);

typedef struct
{
  gint64  id;
  char   *label;
  PangoLayout *title;      /* the label wrapped to the column, set by finish_layout() */
  double  y;
  double  height;
  guint   n_rows;
  guint   n_products;
  double  strip;           /* height of the milestone rows over the bars */
} Lane;

typedef struct
{
  guint32    day;
  guint      lane;
  guint      row;
  gboolean   first_launch;
  guint      series_index;
  gint64     series_id;
  char      *color_text;   /* the series' colour, picked per palette when painted */
  char      *label;
  int        label_width;  /* measured once: the milestones are packed again after edits */
} Milestone;

struct _IpmsNewProductsChart
{
  IpmsTimelineChart parent_instance;


  IpmsLaneMode     lane_mode;
  double           lane_column;

  /* Layout, rebuilt while the parent is dirty. */
  double           body_top;
  double           body_bottom;
  double           width;
  double           height;
  double           legend_width;
  GArray          *items;        /* Item, by lane then start */
  IpmsIdIndex     *item_index;
  GArray          *lanes;        /* Lane */
  GHashTable      *lane_of;      /* lane id (a key in `lanes`) -> lane index */
  GArray          *milestones;   /* Milestone */
  GPtrArray       *grades;       /* the grade rows, read with the layout for the legend */
  double           milestones_width;  /* where their labels end */
  /* By layers: the series whose milestones sit on their products' lanes
   * (they cover no segment on a lane), which an edit of one of their
   * products may move. */
  GHashTable      *series_on_products;

  struct {
    gint64  id;
    guint32 start;
    guint32 complete;
    guint32 launch;
    guint   lane;
  } preview;
};

static void chart_iface_init (IpmsChartInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IpmsNewProductsChart, ipms_new_products_chart, IPMS_TYPE_TIMELINE_CHART,
                               G_IMPLEMENT_INTERFACE (IPMS_TYPE_CHART, chart_iface_init))

enum {
  PROP_0,
  PROP_LANE_MODE,
  PROP_LANE_COLUMN_WIDTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_lane (gpointer data)
{
  Lane *lane = data;

  g_free (lane->label);
  g_clear_object (&lane->title);
}

static void
clear_item (gpointer data)
{
  g_clear_object (&((Item *) data)->record);
}

static void
clear_milestone (gpointer data)
{
  g_free (((Milestone *) data)->label);
  g_free (((Milestone *) data)->color_text);
}

static guint
add_lane (GArray     *lanes,
          gint64      id,
          const char *label)
{
  Lane lane = { id, g_strdup (label), 0, 0, 1, 0, 0 };

  g_array_append_val (lanes, lane);
  return lanes->len - 1;
}

/* The lane for products with no layer (or no series), made when needed. */
static guint
none_lane (IpmsNewProductsChart *self)
{
  Lane *last = self->lanes->len > 0 ? &g_array_index (self->lanes, Lane, self->lanes->len - 1) : NULL;

  if (last != NULL && last->id == 0)
    return self->lanes->len - 1;

  return add_lane (self->lanes, 0,
                   self->lane_mode == IPMS_LANE_MODE_SERIES ? _("No series")
                                                             /* Translators: the lane of products not placed on the population grid */
                                                             : _("No population layer"));
}

static guint
lane_for_id (GHashTable *lane_of,
             gint64      id)
{
  gpointer value;

  if (id != 0 && g_hash_table_lookup_extended (lane_of, &id, NULL, &value))
    return GPOINTER_TO_UINT (value);

  return G_MAXUINT;
}

static gint64
layer_of_segment (IpmsDocument *document,
                  gint64        segment_id)
{
  IpmsRecord *segment;

  if (segment_id == 0)
    return 0;

  segment = ipms_document_get_record (document, "segment", segment_id);
  return segment != NULL ? ipms_record_get_int (segment, "y_item_id") : 0;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *ia = a, *ib = b;

  if (ia->lane != ib->lane)
    return ia->lane < ib->lane ? -1 : 1;
  if (ia->x0 != ib->x0)
    return ia->x0 < ib->x0 ? -1 : 1;
  return ia->id < ib->id ? -1 : ia->id > ib->id;
}

static double
time_x (IpmsNewProductsChart *self,
        guint32               day)
{
  return self->lane_column + ipms_time_axis_day_to_x (&self->parent_instance.axis, day);
}

/* Where an item's dates fall across the chart. */
static void
item_x_geometry (IpmsNewProductsChart *self,
                 guint32               start,
                 guint32               complete,
                 guint32               launch,
                 IpmsNewProductsItem  *geo)
{
  geo->dev_start = start;
  geo->dev_complete = complete;
  geo->launch = launch;
  geo->bar_x = 0;
  geo->bar_width = 0;

  if (start != 0 && complete != 0 && complete >= start)
    {
      geo->bar_x = time_x (self, start);
      geo->bar_width = MAX (2.0, time_x (self, complete + 1) - geo->bar_x);
    }
  else if (start != 0 || complete != 0)
    {
      /* One end known (or the ends crossed): a stub a day wide at the start,
       * still there to grab. */
      geo->bar_x = time_x (self, start != 0 ? start : complete);
      geo->bar_width = MAX (2.0, self->parent_instance.axis.px_per_day);
    }

  geo->launch_x = launch != 0 ? time_x (self, launch) + self->parent_instance.axis.px_per_day / 2 : -1;
}

/* Geometry of one item from its dates, in its lane and row. */
static void
item_geometry (IpmsNewProductsChart *self,
               const Item           *item,
               guint32               start,
               guint32               complete,
               guint32               launch,
               guint                 lane_index,
               IpmsNewProductsItem  *geo)
{
  const Lane *lane = &g_array_index (self->lanes, Lane, lane_index);

  item_x_geometry (self, start, complete, launch, geo);
  geo->lane = lane_index;
  geo->y = lane->y + LANE_PAD + lane->strip +
           MIN (item->row, lane->n_rows - 1) * ROW_HEIGHT;
  geo->height = ROW_HEIGHT;
}

static gboolean
label_inside (IpmsNewProductsChart *self,
              const Item           *item,
              double                bar_width)
{
  int tw, th;

  ipms_layout_cache_get_size (self->parent_instance.layouts, IPMS_CHART_FONT_SMALL,
                              ipms_record_get_string (item->record, "name"), &tw, &th);
  return tw + 2 * LABEL_GAP + BAR_HEIGHT <= bar_width;
}

/* Where a name that does not fit in its bar goes: after the item, or
 * before it when after would run past the end of the time axis (a chart
 * fitted to the view keeps its names in sight) and there is room. */
static double
outside_label_x (IpmsNewProductsChart      *self,
                 const IpmsNewProductsItem *geo,
                 double                     tw)
{
  double right = MAX (geo->bar_x + geo->bar_width, geo->launch_x + LAUNCH_SIZE) + LABEL_GAP;
  double left = geo->bar_width > 0 ? geo->bar_x : geo->launch_x - LAUNCH_SIZE;
  double time_end = self->lane_column + ipms_time_axis_get_width (&self->parent_instance.axis);

  if (geo->launch_x >= 0)
    left = MIN (left, geo->launch_x - LAUNCH_SIZE);
  left -= LABEL_GAP + tw;

  if (right + tw > time_end && left >= self->lane_column + LABEL_GAP)
    return left;
  return right;
}

static void
item_extent (IpmsNewProductsChart *self,
             Item                 *item)
{
  IpmsNewProductsItem geo;
  double right;
  int tw, th;

  item_x_geometry (self, item->start, item->complete, item->launch, &geo);

  item->x0 = geo.bar_width > 0 ? geo.bar_x : geo.launch_x - LAUNCH_SIZE;
  if (geo.launch_x >= 0)
    item->x0 = MIN (item->x0, geo.launch_x - LAUNCH_SIZE);
  right = MAX (geo.bar_x + geo.bar_width, geo.launch_x + LAUNCH_SIZE);
  if (geo.bar_width <= 0 || !label_inside (self, item, geo.bar_width))
    {
      double label_x;

      ipms_layout_cache_get_size (self->parent_instance.layouts, IPMS_CHART_FONT_SMALL,
                                  ipms_record_get_string (item->record, "name"), &tw, &th);
      label_x = outside_label_x (self, &geo, tw);
      item->x0 = MIN (item->x0, label_x - LABEL_GAP);
      right = MAX (right, label_x + tw);
    }
  item->x1 = right + LABEL_GAP;
}

static void
add_milestone (IpmsNewProductsChart *self,
               guint32               day,
               guint                 lane,
               gboolean              first_launch,
               guint                 series_index,
               gint64                series_id,
               const char           *color_text,
               const char           *label,
               int                   label_width)
{
  Milestone milestone = { day, lane, 0, first_launch, series_index, series_id, NULL, NULL };

  if (day < self->parent_instance.axis.first_day || day > self->parent_instance.axis.last_day || lane == G_MAXUINT)
    return;

  milestone.color_text = g_strdup (color_text);
  milestone.label = g_strdup (label);
  milestone.label_width = label_width;
  g_array_append_val (self->milestones, milestone);
}

/* A series' entry and first launch on each of `lanes`: labelled and
 * measured once, not once a lane, which a plan of many series on many
 * layers felt in every layout. */
static void
add_series_milestones (IpmsNewProductsChart *self,
                       IpmsRecord           *series,
                       guint                 series_index,
                       GArray               *lanes)
{
  const char *name = ipms_record_get_string (series, "name");
  const char *color = ipms_record_get_string (series, "color");
  guint32 entry = ipms_time_day_from_iso (ipms_record_get_string (series, "entry_date"));
  guint32 first = ipms_time_day_from_iso (ipms_record_get_string (series, "first_launch_date"));
  /* Translators: a milestone on the new product chart: the series enters the market (入局) */
  g_autofree char *entry_label = g_strdup_printf (_("%s: entry"), name);
  /* Translators: a milestone on the new product chart: the series' first launch (首发) */
  g_autofree char *first_label = g_strdup_printf (_("%s: first launch"), name);
  int entry_width, first_width;

  ipms_layout_cache_get_size (self->parent_instance.layouts, IPMS_CHART_FONT_SMALL, entry_label,
                              &entry_width, &(int) { 0 });
  ipms_layout_cache_get_size (self->parent_instance.layouts, IPMS_CHART_FONT_SMALL, first_label,
                              &first_width, &(int) { 0 });
  for (guint k = 0; k < lanes->len; k++)
    {
      guint lane = g_array_index (lanes, guint, k);

      add_milestone (self, entry, lane, FALSE, series_index, ipms_record_get_id (series), color,
                     entry_label, entry_width);
      add_milestone (self, first, lane, TRUE, series_index, ipms_record_get_id (series), color,
                     first_label, first_width);
    }
}

static int
compare_milestones (gconstpointer a,
                    gconstpointer b)
{
  const Milestone *ma = a, *mb = b;

  /* As they are made, series by series, entry first, where lane and day
   * are the same: a series' milestones made again after an edit land
   * where a new layout puts them. */
  if (ma->lane != mb->lane)
    return ma->lane < mb->lane ? -1 : 1;
  if (ma->day != mb->day)
    return ma->day < mb->day ? -1 : 1;
  if (ma->series_index != mb->series_index)
    return ma->series_index < mb->series_index ? -1 : 1;
  return (int) ma->first_launch - (int) mb->first_launch;
}

static double
milestone_x (IpmsNewProductsChart *self,
             const Milestone      *milestone)
{
  return time_x (self, milestone->day) + self->parent_instance.axis.px_per_day / 2;
}

/* Where the Today badge covers the first milestone row of the top lane
 * (ipms_timeline_paint_today() draws it there), or an empty span. */
static void
today_badge_span (IpmsNewProductsChart *self,
                  double               *start,
                  double               *end)
{
  guint32 today = ipms_timeline_chart_get_today (IPMS_TIMELINE_CHART (self));
  double p;
  int tw, th;

  *start = 0;
  *end = -1;
  if (today < self->parent_instance.axis.first_day || today > self->parent_instance.axis.last_day)
    return;

  p = round (time_x (self, today) + self->parent_instance.axis.px_per_day / 2);
  ipms_layout_cache_get_size (self->parent_instance.layouts, IPMS_CHART_FONT_SMALL, _("Today"), &tw, &th);
  *start = p - tw / 2.0 - 4;
  *end = p + tw / 2.0 + 4;
}

/* Milestones of a lane go into as many rows as their labels need; none
 * in the first row of the top lane under the Today badge ("Nest: 入局"
 * was half hidden). */
static void
pack_milestones (IpmsNewProductsChart *self)
{
  g_autoptr(GArray) row_ends = g_array_new (FALSE, FALSE, sizeof (double));
  guint current_lane = G_MAXUINT;
  double badge_start, badge_end;

  today_badge_span (self, &badge_start, &badge_end);
  g_array_sort (self->milestones, compare_milestones);
  self->milestones_width = 0;

  for (guint i = 0; i < self->milestones->len; i++)
    {
      Milestone *milestone = &g_array_index (self->milestones, Milestone, i);
      Lane *lane = &g_array_index (self->lanes, Lane, milestone->lane);
      double cx = milestone_x (self, milestone);
      double end;
      guint row;

      if (milestone->lane != current_lane)
        {
          g_array_set_size (row_ends, 0);
          current_lane = milestone->lane;
        }

      end = cx + 9 + milestone->label_width + 12;
      for (row = 0; row < row_ends->len; row++)
        {
          if (row == 0 && milestone->lane == 0 && cx - 8 < badge_end && end > badge_start)
            continue;
          if (g_array_index (row_ends, double, row) <= cx - 8)
            break;
        }
      if (row == 0 && row_ends->len == 0 && milestone->lane == 0 && cx - 8 < badge_end && end > badge_start)
        {
          /* The top row is the badge's: this label starts the next. */
          double badge = badge_end;

          g_array_append_val (row_ends, badge);
          row = 1;
        }
      if (row >= row_ends->len)
        g_array_append_val (row_ends, end);
      else
        g_array_index (row_ends, double, row) = end;

      milestone->row = row;
      lane->strip = MAX (lane->strip, (row + 1) * MILESTONE_ROW);
      self->milestones_width = MAX (self->milestones_width, end);
    }
}

static void
append_lane_once (GArray *lanes,
                  guint   lane)
{
  for (guint k = 0; k < lanes->len; k++)
    if (g_array_index (lanes, guint, k) == lane)
      return;
  g_array_append_val (lanes, lane);
}

/* series id -> GArray of the lanes of its products, in the items' order. */
static GHashTable *
lanes_by_series (IpmsNewProductsChart *self)
{
  GHashTable *lanes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      GArray *series_lanes;

      if (item->series_id == 0)
        continue;
      series_lanes = g_hash_table_lookup (lanes, &item->series_id);
      if (series_lanes == NULL)
        {
          series_lanes = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (lanes, g_memdup2 (&item->series_id, sizeof (gint64)), series_lanes);
        }
      append_lane_once (series_lanes, item->lane);
    }

  return lanes;
}

/* The milestones of every series: one query of the series and one of
 * their segments, not one per series, nor a pass over every product per
 * series. */
static void
build_milestones (IpmsNewProductsChart *self,
                  GHashTable           *lane_of)
{
  g_autoptr(GPtrArray) series = ipms_document_query (self->parent_instance.document, "series", NULL, 0, "position");
  g_autoptr(GHashTable) links = NULL;
  g_autoptr(GHashTable) product_lanes = NULL;

  if (self->lane_mode == IPMS_LANE_MODE_LAYERS)
    {
      g_autoptr(GPtrArray) all_links = ipms_document_query (self->parent_instance.document, "series_segment",
                                                            NULL, 0, NULL);

      /* series id -> GPtrArray of its links, by id as a query per series has them. */
      links = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
      for (guint j = 0; j < all_links->len; j++)
        {
          IpmsRecord *link = g_ptr_array_index (all_links, j);
          gint64 series_id = ipms_record_get_int (link, "series_id");
          GPtrArray *series_links = g_hash_table_lookup (links, &series_id);

          if (series_links == NULL)
            {
              series_links = g_ptr_array_new ();
              g_hash_table_insert (links, g_memdup2 (&series_id, sizeof series_id), series_links);
            }
          g_ptr_array_add (series_links, link);
        }
    }

  for (guint i = 0; i < series->len; i++)
    {
      IpmsRecord *record = g_ptr_array_index (series, i);
      gint64 series_id = ipms_record_get_id (record);
      guint32 entry = ipms_time_day_from_iso (ipms_record_get_string (record, "entry_date"));
      guint32 first = ipms_time_day_from_iso (ipms_record_get_string (record, "first_launch_date"));
      g_autoptr(GArray) lanes = g_array_new (FALSE, FALSE, sizeof (guint));

      if (entry == 0 && first == 0)
        continue;

      if (self->lane_mode == IPMS_LANE_MODE_SERIES)
        {
          guint lane = lane_for_id (lane_of, series_id);

          g_array_append_val (lanes, lane);
        }
      else
        {
          /* A series sits on the layers of the segments it covers, or
           * failing those on the layers of its products. */
          GPtrArray *series_links = g_hash_table_lookup (links, &series_id);

          for (guint j = 0; series_links != NULL && j < series_links->len; j++)
            {
              gint64 layer = layer_of_segment (self->parent_instance.document,
                                               ipms_record_get_int (g_ptr_array_index (series_links, j), "segment_id"));
              guint lane = lane_for_id (lane_of, layer);

              if (lane != G_MAXUINT)
                append_lane_once (lanes, lane);
            }

          if (lanes->len == 0)
            {
              GArray *of_products;

              g_hash_table_insert (self->series_on_products, g_memdup2 (&series_id, sizeof series_id),
                                   GUINT_TO_POINTER (i));
              if (product_lanes == NULL)
                product_lanes = lanes_by_series (self);
              of_products = g_hash_table_lookup (product_lanes, &series_id);
              if (of_products != NULL)
                g_array_append_vals (lanes, of_products->data, of_products->len);
            }
        }

      add_series_milestones (self, record, i, lanes);
    }
}

/* By layers, after edits of products alone: the milestones of the series
 * in `series` (of series_on_products), which follow their products' lanes,
 * made again; the others stay. */
static void
rebuild_series_milestones (IpmsNewProductsChart *self,
                           GHashTable           *series)
{
  g_autoptr(GHashTable) product_lanes = lanes_by_series (self);
  GHashTableIter iter;
  gpointer key;

  for (guint i = self->milestones->len; i-- > 0;)
    if (g_hash_table_contains (series, &g_array_index (self->milestones, Milestone, i).series_id))
      g_array_remove_index_fast (self->milestones, i);

  g_hash_table_iter_init (&iter, series);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      IpmsRecord *record = ipms_document_get_record (self->parent_instance.document, "series", *(gint64 *) key);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->series_on_products, key));
      GArray *lanes = g_hash_table_lookup (product_lanes, key);

      if (record == NULL || lanes == NULL)
        continue;
      add_series_milestones (self, record, index, lanes);
    }
}

static double paint_legend (IpmsNewProductsChart   *self,
                            cairo_t                *cr,
                            const IpmsChartPalette *palette,
                            gboolean                dark,
                            double                  left);
static void   wrap_lane_title   (IpmsNewProductsChart *self,
                                 Lane                 *lane);
static double lane_label_height (IpmsNewProductsChart *self,
                                 const Lane           *lane);

/* The lane of a product's row: its layer's (or its series') when the chart
 * has one, else G_MAXUINT. */
static guint
lane_of_record (IpmsNewProductsChart *self,
                IpmsRecord           *record)
{
  gint64 key = self->lane_mode == IPMS_LANE_MODE_SERIES
    ? ipms_record_get_int (record, "series_id")
    : layer_of_segment (self->parent_instance.document, ipms_record_get_int (record, "segment_id"));

  return lane_for_id (self->lane_of, key);
}

/* An item for a product row; FALSE when the product has no date to show. */
static gboolean
item_from_record (IpmsRecord *record,
                  Item       *item)
{
  *item = (Item) { 0 };
  item->start = ipms_time_day_from_iso (ipms_record_get_string (record, "dev_start"));
  item->complete = ipms_time_day_from_iso (ipms_record_get_string (record, "dev_complete"));
  item->launch = ipms_time_day_from_iso (ipms_record_get_string (record, "launch_date"));
  if (item->start == 0 && item->complete == 0 && item->launch == 0)
    return FALSE;

  item->id = ipms_record_get_id (record);
  item->record = g_object_ref (record);
  item->series_id = ipms_record_get_int (record, "series_id");
  item->lane = G_MAXUINT;
  return TRUE;
}

/* Packs the items of one lane, [first, end) of the sorted items, into
 * rows, first fit by start. */
static void
pack_lane (IpmsNewProductsChart *self,
           guint                 first,
           guint                 end)
{
  g_autoptr(GArray) row_ends = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = first; i < end; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      Lane *lane = &g_array_index (self->lanes, Lane, item->lane);
      guint row;

      for (row = 0; row < row_ends->len; row++)
        if (g_array_index (row_ends, double, row) <= item->x0)
          break;
      if (row == row_ends->len)
        g_array_append_val (row_ends, item->x1);
      else
        g_array_index (row_ends, double, row) = item->x1;

      item->row = row;
      lane->n_rows = MAX (lane->n_rows, row + 1);
      lane->n_products++;
    }
}

/* The first item of the first lane that reaches down to `top`: lanes go
 * down the chart in their order, and the items are sorted by lane. A
 * repaint of a part of a big chart looks at the items there, not at all
 * of them. */
static guint
first_item_reaching (IpmsNewProductsChart *self,
                     double                top)
{
  guint lo = 0, hi = self->lanes->len;
  guint lane;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const Lane *candidate = &g_array_index (self->lanes, Lane, mid);

      if (candidate->y + candidate->height < top)
        lo = mid + 1;
      else
        hi = mid;
    }
  lane = lo;

  lo = 0;
  hi = self->items->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->items, Item, mid).lane < lane)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* What follows from the packed and indexed items: the width, the
 * milestones (all of them without `series`, else those of the series in
 * it), each lane's place and the height. */
static void
finish_layout (IpmsNewProductsChart *self,
               GHashTable           *series)
{
  double y;

  self->width = self->lane_column + ipms_time_axis_get_width (&self->parent_instance.axis) + RIGHT_PAD;
  for (guint i = 0; i < self->items->len; i++)
    self->width = MAX (self->width, g_array_index (self->items, Item, i).x1 + RIGHT_PAD / 2);

  if (series == NULL || g_hash_table_size (series) > 0)
    {
      if (series == NULL)
        {
          g_array_set_size (self->milestones, 0);
          g_hash_table_remove_all (self->series_on_products);
          build_milestones (self, self->lane_of);
        }
      else
        rebuild_series_milestones (self, series);
      for (guint i = 0; i < self->lanes->len; i++)
        g_array_index (self->lanes, Lane, i).strip = 0;
      pack_milestones (self);
    }
  self->width = MAX (self->width, self->milestones_width);

  self->body_top = (self->parent_instance.show_title ? TITLE_HEIGHT : 0) + 2 * IPMS_TIMELINE_HEADER_ROW;
  y = self->body_top;
  for (guint i = 0; i < self->lanes->len; i++)
    {
      Lane *lane = &g_array_index (self->lanes, Lane, i);

      lane->y = y;
      /* Lanes and their column's width stay while products are edited:
       * a title wrapped once keeps its lines, which pango lays out again
       * only for a new layout. */
      if (lane->title == NULL)
        wrap_lane_title (self, lane);
      /* At least as tall as its name and product count, which a Chinese
       * font makes taller than the rows of a lane of one product. */
      lane->height = MAX (2 * LANE_PAD + lane->strip + lane->n_rows * ROW_HEIGHT,
                          lane_label_height (self, lane) + 2 * LANE_PAD);
      y += lane->height;
    }
  self->body_bottom = MAX (y, self->body_top + ROW_HEIGHT);

  self->height = self->body_bottom + 2 * LEGEND_PAD + 2 * ipms_chart_style_legend_row_height ();
  self->width = MAX (self->width, LEGEND_LEFT + self->legend_width + LEGEND_PAD);
}

/* What an update in place may change of the chart, as it was before: each
 * lane's place and what it shows beside its products, and where each item
 * was. Compared afterwards to find what to paint again. */
typedef struct
{
  double y;
  double height;
  double strip;
  guint  n_products;
} LanePlace;

typedef struct
{
  gint64 id;
  guint  lane;
  guint  row;
  double x0;
  double x1;
} ItemPlace;

typedef struct
{
  GArray    *lanes;       /* LanePlace */
  GArray    *items;       /* ItemPlace, in the items' order */
  /* What each lane shows of the milestones of the series the update makes
   * them again for (see dup_lane_milestones()). */
  GPtrArray *milestones;
  double     width;
  double     height;
} Places;

/* What each lane shows of the milestones of `series` (their days, kinds
 * and labels, in their order; NULL for a lane without), which an update
 * in place makes again: a lane where they come out the same packs its
 * milestones into the same rows, and shows nothing new. */
static GPtrArray *
dup_lane_milestones (IpmsNewProductsChart *self,
                     GHashTable           *series)
{
  GPtrArray *texts = g_ptr_array_new_full (self->lanes->len, g_free);
  g_autofree GString **builders = g_new0 (GString *, self->lanes->len);

  for (guint i = 0; i < self->milestones->len && g_hash_table_size (series) > 0; i++)
    {
      const Milestone *milestone = &g_array_index (self->milestones, Milestone, i);

      if (!g_hash_table_contains (series, &milestone->series_id))
        continue;
      if (builders[milestone->lane] == NULL)
        builders[milestone->lane] = g_string_new (NULL);
      g_string_append_printf (builders[milestone->lane], "%u %" G_GINT64_FORMAT " %d %s\x1f",
                              milestone->day, milestone->series_id, milestone->first_launch, milestone->label);
    }
  for (guint i = 0; i < self->lanes->len; i++)
    g_ptr_array_add (texts, builders[i] != NULL ? g_string_free (builders[i], FALSE) : NULL);

  return texts;
}

static void
places_init (Places               *places,
             IpmsNewProductsChart *self)
{
  places->lanes = g_array_sized_new (FALSE, FALSE, sizeof (LanePlace), self->lanes->len);
  for (guint i = 0; i < self->lanes->len; i++)
    {
      const Lane *lane = &g_array_index (self->lanes, Lane, i);

      g_array_append_val (places->lanes, ((LanePlace) { lane->y, lane->height, lane->strip, lane->n_products }));
    }

  places->items = g_array_sized_new (FALSE, FALSE, sizeof (ItemPlace), self->items->len);
  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);

      g_array_append_val (places->items, ((ItemPlace) { item->id, item->lane, item->row, item->x0, item->x1 }));
    }

  places->milestones = NULL;
  places->width = self->width;
  places->height = self->height;
}

static void
places_clear (Places *places)
{
  g_clear_pointer (&places->lanes, g_array_unref);
  g_clear_pointer (&places->items, g_array_unref);
  g_clear_pointer (&places->milestones, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Places, places_clear)

/* The row `row` of a lane whose place did not change, from x0 to x1, and
 * a little around it, for what antialiasing spreads there. */
static void
damage_row (IpmsNewProductsChart *self,
            guint                 lane_index,
            guint                 row,
            double                x0,
            double                x1)
{
  const Lane *lane = &g_array_index (self->lanes, Lane, lane_index);
  double y = lane->y + LANE_PAD + lane->strip + row * ROW_HEIGHT;

  ipms_timeline_chart_damage (IPMS_TIMELINE_CHART (self), &(cairo_rectangle_t) { x0 - 2, y - 2, x1 - x0 + 4, ROW_HEIGHT + 4 });
}

/* A lane's name and product count, in the column and in its copy kept at
 * the view's left edge. */
static void
damage_lane_label (IpmsNewProductsChart *self,
                   const Lane           *lane)
{
  IpmsTimelineChart *chart = IPMS_TIMELINE_CHART (self);

  ipms_timeline_chart_damage (chart, &(cairo_rectangle_t) { 0, lane->y, self->lane_column, lane->height });
  if (self->parent_instance.sticky_x > 0)
    ipms_timeline_chart_damage (chart, &(cairo_rectangle_t) { self->parent_instance.sticky_x, lane->y,
                                                              self->lane_column, lane->height });
}

/* Paints again, in the lanes packed again, the items edited (`touched`:
 * a new grade or name shows in the same place) and the others that were
 * or are elsewhere than before. */
static void
damage_moved_items (IpmsNewProductsChart *self,
                    GHashTable           *touched,
                    const gboolean       *repacked,
                    const Places         *before)
{
  g_autoptr(GHashTable) old_places = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < before->items->len; i++)
    {
      ItemPlace *place = &g_array_index (before->items, ItemPlace, i);

      if (repacked[place->lane])
        g_hash_table_insert (old_places, &place->id, place);
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      const ItemPlace *place;

      if (!repacked[item->lane])
        continue;
      place = g_hash_table_lookup (old_places, &item->id);
      if (place != NULL && place->lane == item->lane && place->row == item->row &&
          place->x0 == item->x0 && place->x1 == item->x1 && !g_hash_table_contains (touched, &item->id))
        {
          g_hash_table_remove (old_places, &item->id);
          continue;
        }
      if (place != NULL)
        {
          damage_row (self, place->lane, place->row, place->x0, place->x1);
          g_hash_table_remove (old_places, &item->id);
        }
      damage_row (self, item->lane, item->row, item->x0, item->x1);
    }

  /* Gone from the chart, or to a lane not packed again (which cannot be). */
  g_hash_table_iter_init (&iter, old_places);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const ItemPlace *place = value;

      damage_row (self, place->lane, place->row, place->x0, place->x1);
    }
}

/* After an update in place, what the chart paints otherwise: the items
 * edited or moved, the names of lanes that gained or lost a product, the lanes
 * whose milestones changed; from a lane that moved or changed height on
 * down, everything, the lanes below and the legend moving with it; all of
 * it at a new size. */
static void
damage_changes (IpmsNewProductsChart *self,
                GHashTable           *touched,
                const gboolean       *repacked,
                const Places         *before,
                GHashTable           *series)
{
  IpmsTimelineChart *chart = IPMS_TIMELINE_CHART (self);
  g_autoptr(GPtrArray) milestones_after = NULL;

  if (self->width != before->width || self->height != before->height)
    {
      ipms_timeline_chart_damage (chart, NULL);
      return;
    }

  for (guint i = 0; i < self->lanes->len; i++)
    {
      const Lane *lane = &g_array_index (self->lanes, Lane, i);
      const LanePlace *place = &g_array_index (before->lanes, LanePlace, i);

      if (lane->y != place->y || lane->height != place->height)
        {
          double top = MIN (lane->y, place->y) - 2;

          ipms_timeline_chart_damage (chart, &(cairo_rectangle_t) { 0, top, self->width, self->height - top });
          return;
        }
    }

  milestones_after = dup_lane_milestones (self, series);
  for (guint i = 0; i < self->lanes->len; i++)
    {
      const Lane *lane = &g_array_index (self->lanes, Lane, i);
      const LanePlace *place = &g_array_index (before->lanes, LanePlace, i);

      if (lane->strip != place->strip ||
          g_strcmp0 (g_ptr_array_index (before->milestones, i), g_ptr_array_index (milestones_after, i)) != 0)
        ipms_timeline_chart_damage (chart, &(cairo_rectangle_t) { 0, lane->y - 2, self->width, lane->height + 4 });
      else if (lane->n_products != place->n_products)
        damage_lane_label (self, lane);
    }

  damage_moved_items (self, touched, repacked, before);
}

/* Where an item goes among the sorted items. */
static guint
sorted_position (IpmsNewProductsChart *self,
                 const Item           *item)
{
  guint lo = 0, hi = self->items->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (compare_items (&g_array_index (self->items, Item, mid), item) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static int
compare_positions_down (gconstpointer a,
                        gconstpointer b)
{
  guint pa = *(const guint *) a, pb = *(const guint *) b;

  return pa > pb ? -1 : pa < pb;
}

/* Takes the touched products out of their lanes and puts them in their new
 * ones, packing only those lanes again, without querying the other
 * thousands. That holds while the time axis stays as it was and no lane is
 * added or emptied away (the lane of products without one). */
static gboolean
update_products (IpmsTimelineChart *chart,
                 GHashTable        *ids)
{
  IpmsNewProductsChart *self = IPMS_NEW_PRODUCTS_CHART (chart);
  g_autofree gboolean *repack = NULL;
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer key;
  guint first;
  /* The milestones stay but those of a series on its products' lanes that
   * lost or gained one: they depend on nothing else an edit of products
   * changes. */
  g_autoptr(GHashTable) series = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_auto(Places) before = { 0 };
  IpmsTimelineItemsChange change = IPMS_TIMELINE_ITEMS_CHANGE_INIT;
  gpointer stored;

  /* The axis spans the plan's dates, which the edit may have moved. */
  if (!ipms_timeline_chart_update_axis (chart, ids, FIT_WIDTH))
    return FALSE;

  places_init (&before, self);
  repack = g_new0 (gboolean, self->lanes->len);
  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint position;

      if (!ipms_id_index_lookup (self->item_index, *(gint64 *) key, &position))
        continue;
      repack[g_array_index (self->items, Item, position).lane] = TRUE;
      g_array_append_val (positions, position);
    }
  /* From the end, so that each position still holds its item. */
  g_array_sort (positions, compare_positions_down);
  for (guint i = 0; i < positions->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, g_array_index (positions, guint, i));

      if (g_hash_table_lookup_extended (self->series_on_products, &item->series_id, &stored, NULL))
        g_hash_table_add (series, stored);
    }
  for (guint i = 0; i < positions->len; i++)
    {
      ipms_timeline_items_change_removed (&change, g_array_index (positions, guint, i));
      g_array_remove_index (self->items, g_array_index (positions, guint, i));
    }

  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      IpmsRecord *record = ipms_document_get_record (chart->document, "product", *(gint64 *) key);
      Item item;
      guint position;

      if (record == NULL || !ipms_record_is_alive (record) || !item_from_record (record, &item))
        continue;

      item.lane = lane_of_record (self, record);
      if (item.lane == G_MAXUINT)
        {
          const Lane *last = self->lanes->len > 0 ? &g_array_index (self->lanes, Lane, self->lanes->len - 1) : NULL;

          if (last == NULL || last->id != 0)
            {
              clear_item (&item);
              return FALSE;
            }
          item.lane = self->lanes->len - 1;
        }
      item_extent (self, &item);
      repack[item.lane] = TRUE;
      if (g_hash_table_lookup_extended (self->series_on_products, &item.series_id, &stored, NULL))
        g_hash_table_add (series, stored);
      position = sorted_position (self, &item);
      ipms_timeline_items_change_inserted (&change, position);
      g_array_insert_val (self->items, position, item);
    }
  ipms_timeline_items_reindex (self->items, self->item_index, ids, &change);

  first = 0;
  for (guint lane = 0; lane < self->lanes->len; lane++)
    {
      Lane *packed = &g_array_index (self->lanes, Lane, lane);
      guint end = first;

      while (end < self->items->len && g_array_index (self->items, Item, end).lane == lane)
        end++;
      if (repack[lane])
        {
          packed->n_rows = 1;
          packed->n_products = 0;
          pack_lane (self, first, end);
          /* The lane of products without one goes when its last one does. */
          if (packed->id == 0 && packed->n_products == 0)
            return FALSE;
        }
      first = end;
    }

  /* Rows of the lanes packed again, and lanes after them, may have moved. */
  ipms_timeline_chart_moved_items (chart);
  before.milestones = dup_lane_milestones (self, series);
  finish_layout (self, series);
  damage_changes (self, ids, repack, &before, series);
  return TRUE;
}

/* Sorts and indexes the items, whose extents are set, and packs every
 * lane anew. */
static void
pack_lanes (IpmsNewProductsChart *self)
{
  g_array_sort (self->items, compare_items);
  ipms_timeline_items_index (self->items, self->item_index);

  for (guint first = 0, end; first < self->items->len; first = end)
    {
      guint lane = g_array_index (self->items, Item, first).lane;

      for (end = first + 1; end < self->items->len && g_array_index (self->items, Item, end).lane == lane; end++)
        ;
      pack_lane (self, first, end);
    }
}

/* A new zoom: the items, lanes and legend stay; the items' extents (their
 * names keep their size), the packing of the lanes and the milestones
 * follow. Reading the rows again was a third of a layout at 10,000
 * products, and a fit lays the chart out once a try. */
static void
update_geometry (IpmsTimelineChart *chart)
{
  IpmsNewProductsChart *self = IPMS_NEW_PRODUCTS_CHART (chart);

  ipms_timeline_chart_relayout_axis (chart, FIT_WIDTH);
  for (guint i = 0; i < self->lanes->len; i++)
    {
      Lane *lane = &g_array_index (self->lanes, Lane, i);

      lane->n_rows = 0;
      lane->n_products = 0;
    }
  for (guint i = 0; i < self->items->len; i++)
    item_extent (self, &g_array_index (self->items, Item, i));
  pack_lanes (self);
  finish_layout (self, NULL);
}

static void
ensure_layout (IpmsNewProductsChart *self)
{
  g_autoptr(GPtrArray) products = NULL;

  if (!ipms_timeline_chart_begin_layout (IPMS_TIMELINE_CHART (self)))
    return;

  g_array_set_size (self->items, 0);
  g_array_set_size (self->lanes, 0);
  ipms_id_index_remove_all (self->item_index);
  g_hash_table_remove_all (self->lane_of);

  products = ipms_document_query (self->parent_instance.document, "product", NULL, 0, NULL);
  ipms_timeline_chart_layout_axis (IPMS_TIMELINE_CHART (self), products, FIT_WIDTH);

  /* Lanes */
  if (self->lane_mode == IPMS_LANE_MODE_SERIES)
    {
      g_autoptr(GPtrArray) series = ipms_document_query (self->parent_instance.document, "series", NULL, 0, "position");

      for (guint i = 0; i < series->len; i++)
        {
          IpmsRecord *record = g_ptr_array_index (series, i);
          add_lane (self->lanes, ipms_record_get_id (record), ipms_record_get_string (record, "name"));
        }
    }
  else
    {
      g_autoptr(GPtrArray) axis_items = ipms_document_query (self->parent_instance.document, "axis_item", NULL, 0, "position");

      for (guint i = 0; i < axis_items->len; i++)
        {
          IpmsRecord *record = g_ptr_array_index (axis_items, i);

          if (strcmp (ipms_record_get_string (record, "axis"), "y") != 0)
            continue;
          add_lane (self->lanes, ipms_record_get_id (record), ipms_record_get_string (record, "label"));
        }
    }

  for (guint i = 0; i < products->len; i++)
    {
      Item item;

      if (item_from_record (g_ptr_array_index (products, i), &item))
        g_array_append_val (self->items, item);
    }

  /* Keys point into the lanes array: filled once it stops growing. */
  for (guint i = 0; i < self->lanes->len; i++)
    g_hash_table_insert (self->lane_of, &g_array_index (self->lanes, Lane, i).id, GUINT_TO_POINTER (i));

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      item->lane = lane_of_record (self, item->record);
    }

  /* The lane for the rest comes last; it changes no existing index. */
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      if (item->lane == G_MAXUINT)
        item->lane = none_lane (self);
    }

  /* The map holds pointers into the lanes array, which none_lane() may have
   * moved: rebuild it before the milestones use it. */
  g_hash_table_remove_all (self->lane_of);
  for (guint i = 0; i < self->lanes->len; i++)
    g_hash_table_insert (self->lane_of, &g_array_index (self->lanes, Lane, i).id, GUINT_TO_POINTER (i));

  for (guint i = 0; i < self->items->len; i++)
    item_extent (self, &g_array_index (self->items, Item, i));

  pack_lanes (self);

  {
    cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cairo_t *cr = cairo_create (surface);

    g_clear_pointer (&self->grades, g_ptr_array_unref);
    self->grades = ipms_document_query (self->parent_instance.document, "grade", NULL, 0, NULL);

    /* Its width, which depends on the grades alone. */
    self->legend_width = paint_legend (self, cr, ipms_chart_style_get_palette (FALSE), FALSE, 0);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }

  finish_layout (self, NULL);
}

static char *
lane_count_text (const Lane *lane)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u product", "%u products", lane->n_products),
                          lane->n_products);
}

/* The lane's name wrapped to the lane column, rather than cut off at its
 * edge: a narrow column makes the lane taller instead. The cache's layouts
 * are shared and unwrapped, so the lane keeps its own copy. */
static void
wrap_lane_title (IpmsNewProductsChart *self,
                 Lane                 *lane)
{
  g_clear_object (&lane->title);
  lane->title = pango_layout_copy (ipms_layout_cache_get (self->parent_instance.layouts,
                                                          IPMS_CHART_FONT_BODY_BOLD, lane->label));
  pango_layout_set_width (lane->title,
                          (int) ((self->lane_column - LANE_LABEL_LEFT - LANE_LABEL_RIGHT) * PANGO_SCALE));
  pango_layout_set_wrap (lane->title, PANGO_WRAP_WORD_CHAR);
}

/* The size of the lane's name over its product count, as
 * paint_lane_labels() sets them. */
static void
lane_label_size (IpmsNewProductsChart *self,
                 const Lane           *lane,
                 int                  *width,
                 int                  *height)
{
  g_autofree char *count = lane_count_text (lane);
  int tw, th, sw, sh;

  pango_layout_get_pixel_size (lane->title, &tw, &th);
  ipms_layout_cache_get_size (self->parent_instance.layouts, IPMS_CHART_FONT_SMALL, count, &sw, &sh);
  *width = MAX (tw, sw);
  *height = th + LANE_LABEL_SPACING + sh;
}

static double
lane_label_height (IpmsNewProductsChart *self,
                   const Lane           *lane)
{
  int width, height;

  lane_label_size (self, lane, &width, &height);
  return LANE_LABEL_TOP + height;
}

static const Item *
find_item (IpmsNewProductsChart *self,
           gint64                id)
{
  return ipms_timeline_items_find (self->items, self->item_index, id);
}

static void
geometry_of (IpmsNewProductsChart *self,
             const Item           *item,
             IpmsNewProductsItem  *geo)
{
  if (self->preview.id == item->id)
    item_geometry (self, item, self->preview.start, self->preview.complete, self->preview.launch,
                   self->preview.lane < self->lanes->len ? self->preview.lane : item->lane, geo);
  else
    item_geometry (self, item, item->start, item->complete, item->launch, item->lane, geo);
}

/* Painting */

static void
paint_diamond (cairo_t *cr,
               double   cx,
               double   cy,
               double   r)
{
  cairo_move_to (cr, cx, cy - r);
  cairo_line_to (cr, cx + r, cy);
  cairo_line_to (cr, cx, cy + r);
  cairo_line_to (cr, cx - r, cy);
  cairo_close_path (cr);
}

static void
paint_warning_sign (cairo_t                *cr,
                    const IpmsChartPalette *palette,
                    IpmsLayoutCache        *layouts,
                    double                  cx,
                    double                  bottom)
{
  PangoLayout *layout = ipms_layout_cache_get (layouts, IPMS_CHART_FONT_BADGE, "!");
  int tw, th;

  cairo_move_to (cr, cx, bottom - 16);
  cairo_line_to (cr, cx + 9, bottom);
  cairo_line_to (cr, cx - 9, bottom);
  cairo_close_path (cr);
  ipms_chart_style_set_source (cr, &palette->warning);
  cairo_fill (cr);

  pango_layout_get_pixel_size (layout, &tw, &th);
  cairo_save (cr);
  cairo_translate (cr, cx, bottom - 7);
  cairo_scale (cr, 0.75, 0.75);
  ipms_chart_style_show_layout (cr, layout, -tw / 2.0, -th / 2.0, &palette->on_accent);
  cairo_restore (cr);
}

static void
paint_launch (cairo_t                *cr,
              const IpmsChartPalette *palette,
              double                  cx,
              double                  cy,
              gboolean                late)
{
  paint_diamond (cr, cx, cy, LAUNCH_SIZE);
  ipms_chart_style_set_source (cr, late ? &palette->warning : &palette->foreground);
  cairo_fill_preserve (cr);
  ipms_chart_style_set_source (cr, &palette->background);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
}

static void
paint_item (IpmsNewProductsChart   *self,
            cairo_t                *cr,
            const IpmsChartPalette *palette,
            const Item             *item,
            const IpmsNewProductsItem *geo,
            gboolean                dark)
{
  const char *name = ipms_record_get_string (item->record, "name");
  const char *grade = ipms_record_get_string (item->record, "grade");
  double cy = geo->y + ROW_HEIGHT / 2;
  double bar_y = cy - BAR_HEIGHT / 2;
  gboolean late = geo->launch != 0 && geo->dev_complete != 0 && geo->launch <= geo->dev_complete;
  double label_x;
  IpmsColor fill;
  int tw, th;

  ipms_chart_style_get_grade_color (grade, dark, &fill);

  if (geo->bar_width > 0)
    {
      PangoLayout *badge = ipms_layout_cache_get (self->parent_instance.layouts, IPMS_CHART_FONT_SMALL, grade);
      IpmsColor pale = fill;

      pale.alpha = geo->dev_start == 0 || geo->dev_complete == 0 ? 0.35 : 1.0;
      ipms_chart_style_rounded_rectangle (cr, geo->bar_x, bar_y, geo->bar_width, BAR_HEIGHT, 4);
      ipms_chart_style_set_source (cr, &pale);
      cairo_fill_preserve (cr);
      if (late)
        {
          ipms_chart_style_set_source (cr, &palette->warning);
          ipms_chart_style_set_outline (cr, IPMS_OUTLINE_DASHED, 2);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      else
        cairo_new_path (cr);

      /* The grade letter heads the bar when the bar has room for it. */
      if (geo->bar_width >= BAR_HEIGHT)
        {
          pango_layout_get_pixel_size (badge, &tw, &th);
          ipms_chart_style_show_layout (cr, badge, geo->bar_x + (BAR_HEIGHT - tw) / 2, cy - th / 2.0,
                                        &palette->on_accent);
        }
    }

  if (geo->launch_x >= 0 && geo->bar_width > 0 && geo->launch_x > geo->bar_x + geo->bar_width)
    {
      /* A dotted lead from development complete to the launch. */
      IpmsColor lead = palette->dim_foreground;

      cairo_save (cr);
      ipms_chart_style_set_source (cr, &lead);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, (double[]) { 2, 3 }, 2, 0);
      cairo_move_to (cr, geo->bar_x + geo->bar_width, cy);
      cairo_line_to (cr, geo->launch_x, cy);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  if (geo->launch_x >= 0)
    {
      paint_launch (cr, palette, geo->launch_x, cy, late);
      if (late)
        paint_warning_sign (cr, palette, self->parent_instance.layouts, geo->launch_x, cy - LAUNCH_SIZE + 1);
    }

  ipms_layout_cache_get_size (self->parent_instance.layouts, IPMS_CHART_FONT_SMALL, name, &tw, &th);
  if (geo->bar_width > 0 && tw + 2 * LABEL_GAP + BAR_HEIGHT <= geo->bar_width)
    {
      /* A bar reaching under the lane names shows its name where it is seen. */
      double text_x = CLAMP (self->parent_instance.sticky_x > 0 ? self->parent_instance.sticky_x + self->lane_column + LABEL_GAP : 0,
                             geo->bar_x + BAR_HEIGHT, geo->bar_x + geo->bar_width - tw - LABEL_GAP);

      ipms_chart_style_show_layout (cr, ipms_layout_cache_get (self->parent_instance.layouts, IPMS_CHART_FONT_SMALL, name),
                                    text_x, cy - th / 2.0, &palette->on_accent);
      return;
    }

  label_x = outside_label_x (self, geo, tw);
  ipms_chart_style_show_layout (cr, ipms_layout_cache_get (self->parent_instance.layouts, IPMS_CHART_FONT_SMALL, name),
                                label_x, cy - th / 2.0, &palette->foreground);
}

static void
paint_milestones (IpmsNewProductsChart   *self,
                  cairo_t                *cr,
                  const IpmsChartPalette *palette,
                  gboolean                dark,
                  double                  clip_x1,
                  double                  clip_y1,
                  double                  clip_x2,
                  double                  clip_y2)
{
  for (guint i = 0; i < self->milestones->len; i++)
    {
      const Milestone *milestone = &g_array_index (self->milestones, Milestone, i);
      const Lane *lane = &g_array_index (self->lanes, Lane, milestone->lane);
      double cx = milestone_x (self, milestone);
      double cy = lane->y + LANE_PAD + milestone->row * MILESTONE_ROW + MILESTONE_ROW / 2;
      PangoLayout *layout;
      IpmsColor color;
      int tw, th;

      if (cx + 8 < clip_x1 || cx - 8 > clip_x2 || cy + MILESTONE_ROW < clip_y1 || cy - MILESTONE_ROW > clip_y2)
        continue;

      ipms_chart_style_get_series_color (milestone->color_text, milestone->series_index, dark, &color);
      paint_diamond (cr, cx, cy, 6);
      ipms_chart_style_set_source (cr, milestone->first_launch ? &color : &palette->background);
      cairo_fill_preserve (cr);
      ipms_chart_style_set_source (cr, &color);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);

      layout = ipms_layout_cache_get (self->parent_instance.layouts, IPMS_CHART_FONT_SMALL, milestone->label);
      pango_layout_get_pixel_size (layout, &tw, &th);
      ipms_chart_style_show_layout (cr, layout, cx + 9, cy - th / 2.0, &palette->dim_foreground);
    }
}

/* The lane names; `opaque` paints the column's own background first, for
 * the copy that stays at the left of the view when it is scrolled. */
static void
paint_lane_labels (IpmsNewProductsChart   *self,
                   cairo_t                *cr,
                   const IpmsChartPalette *palette,
                   gboolean                opaque,
                   double                  cy1,
                   double                  cy2)
{
  for (guint i = 0; i < self->lanes->len; i++)
    {
      const Lane *lane = &g_array_index (self->lanes, Lane, i);
      g_autofree char *count = NULL;
      PangoLayout *layout, *sub;
      int tw, th;

      if (lane->y > cy2 || lane->y + lane->height < cy1)
        continue;

      if (opaque)
        {
          ipms_chart_style_set_source (cr, i % 2 == 1 ? &palette->surface : &palette->background);
          cairo_rectangle (cr, 0, lane->y, self->lane_column, lane->height);
          cairo_fill (cr);
          ipms_chart_style_set_source (cr, &palette->grid_line);
          cairo_rectangle (cr, 0, round (lane->y + lane->height) - 1, self->lane_column, 1);
          cairo_rectangle (cr, self->lane_column - 1, lane->y, 1, lane->height);
          cairo_fill (cr);
        }

      cairo_save (cr);
      cairo_rectangle (cr, 0, lane->y, self->lane_column - LANE_LABEL_RIGHT, lane->height);
      cairo_clip (cr);
      layout = lane->title;
      pango_layout_get_pixel_size (layout, &tw, &th);
      ipms_chart_style_show_layout (cr, layout, LANE_LABEL_LEFT, lane->y + LANE_PAD + LANE_LABEL_TOP,
                                    lane->id == 0 ? &palette->dim_foreground : &palette->foreground);
      count = lane_count_text (lane);
      sub = ipms_layout_cache_get (self->parent_instance.layouts, IPMS_CHART_FONT_SMALL, count);
      ipms_chart_style_show_layout (cr, sub, LANE_LABEL_LEFT, lane->y + LANE_PAD + LANE_LABEL_TOP + th + LANE_LABEL_SPACING,
                                    &palette->dim_foreground);
      cairo_restore (cr);
    }
}

static double
legend_symbol (cairo_t                *cr,
               IpmsNewProductsChart   *self,
               const IpmsChartPalette *palette,
               double                  x,
               double                  y,
               int                     kind,
               const char             *label)
{
  double row = ipms_chart_style_legend_row_height ();
  double cy = y + row / 2;
  double width = 22;
  PangoLayout *layout = ipms_layout_cache_get (self->parent_instance.layouts, IPMS_CHART_FONT_SMALL, label);
  int tw, th;

  switch (kind)
    {
    case 0: /* development span */
      {
        IpmsColor fill = palette->dim_foreground;

        ipms_chart_style_rounded_rectangle (cr, x, cy - 6, 28, 12, 3);
        ipms_chart_style_set_source (cr, &fill);
        cairo_fill (cr);
        width = 28;
      }
      break;
    case 1: /* launch */
      paint_launch (cr, palette, x + 8, cy, FALSE);
      width = 16;
      break;
    case 2: /* entry */
    case 3: /* first launch */
      paint_diamond (cr, x + 7, cy, 6);
      ipms_chart_style_set_source (cr, kind == 3 ? &palette->dim_foreground : &palette->background);
      cairo_fill_preserve (cr);
      ipms_chart_style_set_source (cr, &palette->dim_foreground);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      width = 14;
      break;
    case 4: /* launch before completion */
      paint_warning_sign (cr, palette, self->parent_instance.layouts, x + 9, cy + 8);
      width = 18;
      break;
    case 5: /* today */
    default:
      ipms_chart_style_set_source (cr, &palette->warning);
      cairo_rectangle (cr, x + 5, y + 2, 2, row - 4);
      cairo_fill (cr);
      width = 12;
      break;
    }

  pango_layout_get_pixel_size (layout, &tw, &th);
  ipms_chart_style_show_layout (cr, layout, x + width + 6, cy - th / 2.0, &palette->dim_foreground);

  return width + 6 + tw + 18;
}

/* The legend, `left` units right of its place at the left edge (to follow
 * a view scrolled right); returns its width. */
static double
paint_legend (IpmsNewProductsChart   *self,
              cairo_t                *cr,
              const IpmsChartPalette *palette,
              gboolean                dark,
              double                  left)
{
  GPtrArray *grades = self->grades;
  double row = ipms_chart_style_legend_row_height ();
  double x = LEGEND_LEFT + left;
  double y = self->body_bottom + LEGEND_PAD;
  double right;

  x += ipms_chart_style_draw_legend_title (cr, palette, x, y, _("Grade"));
  for (guint c = 0; ipms_grade_codes[c] != NULL; c++)
    for (guint i = 0; i < grades->len; i++)
      {
        IpmsRecord *grade = g_ptr_array_index (grades, i);
        IpmsColor color;

        if (strcmp (ipms_record_get_string (grade, "code"), ipms_grade_codes[c]) != 0)
          continue;
        ipms_chart_style_get_grade_color (ipms_grade_codes[c], dark, &color);
        x += ipms_chart_style_draw_legend_swatch (cr, palette, x, y, &color, ipms_grade_codes[c],
                                                  ipms_record_get_string (grade, "label"));
      }

  right = x;
  x = LEGEND_LEFT + left;
  y += row;
  x += legend_symbol (cr, self, palette, x, y, 0, _("Development"));
  x += legend_symbol (cr, self, palette, x, y, 1, _("Launch"));
  x += legend_symbol (cr, self, palette, x, y, 2, _("Series entry"));
  x += legend_symbol (cr, self, palette, x, y, 3, _("First launch"));
  x += legend_symbol (cr, self, palette, x, y, 4, _("Launch before development completes"));
  x += legend_symbol (cr, self, palette, x, y, 5, _("Today"));

  return MAX (right, x) - (LEGEND_LEFT + left);
}

static void
ipms_new_products_chart_get_size (IpmsChart *chart,
                                  double    *width,
                                  double    *height)
{
  IpmsNewProductsChart *self = IPMS_NEW_PRODUCTS_CHART (chart);

  ensure_layout (self);
  *width = self->width;
  *height = self->height;
}

static void
ipms_new_products_chart_paint (IpmsChart                   *chart,
                               cairo_t                     *cr,
                               const IpmsChartPaintOptions *options)
{
  IpmsNewProductsChart *self = IPMS_NEW_PRODUCTS_CHART (chart);
  const IpmsChartPalette *palette = ipms_chart_style_get_palette (options->dark);
  IpmsTimelineFrame frame = { 0 };
  double cx1, cy1, cx2, cy2;
  double time_end;

  ensure_layout (self);
  time_end = self->lane_column + ipms_time_axis_get_width (&self->parent_instance.axis);

  cairo_save (cr);
  cairo_clip_extents (cr, &cx1, &cy1, &cx2, &cy2);

  ipms_chart_style_set_source (cr, &palette->background);
  cairo_paint (cr);

  if (self->parent_instance.show_title)
    ipms_timeline_chart_paint_title (IPMS_TIMELINE_CHART (self), cr, palette, _("New product chart"));

  /* Lanes: alternating rows and their names in the left column. */
  for (guint i = 0; i < self->lanes->len; i++)
    {
      const Lane *lane = &g_array_index (self->lanes, Lane, i);

      if (lane->y > cy2 || lane->y + lane->height < cy1)
        continue;

      if (i % 2 == 1)
        {
          ipms_chart_style_set_source (cr, &palette->surface);
          cairo_rectangle (cr, 0, lane->y, self->width, lane->height);
          cairo_fill (cr);
        }

      ipms_chart_style_set_source (cr, &palette->grid_line);
      cairo_rectangle (cr, 0, round (lane->y + lane->height) - 1, self->width, 1);
      cairo_fill (cr);
    }
  paint_lane_labels (self, cr, palette, FALSE, cy1, cy2);

  frame.axis = &self->parent_instance.axis;
  frame.palette = palette;
  frame.layouts = self->parent_instance.layouts;
  frame.origin = self->lane_column;
  frame.header_pos = self->parent_instance.show_title ? TITLE_HEIGHT : 0;
  frame.row_size = IPMS_TIMELINE_HEADER_ROW;
  frame.body_start = self->body_top;
  frame.body_end = self->body_bottom;

  /* Right of the lane names, which the view keeps at its left edge. */
  cairo_save (cr);
  cairo_rectangle (cr, self->lane_column + self->parent_instance.sticky_x, 0,
                   MAX (0, time_end - self->lane_column - self->parent_instance.sticky_x), self->body_bottom);
  cairo_clip (cr);
  ipms_timeline_paint_plan_year (cr, &frame, ipms_timeline_get_plan_year (self->parent_instance.document, ipms_timeline_chart_get_today (IPMS_TIMELINE_CHART (self))));
  ipms_timeline_paint_grid (cr, &frame);
  ipms_timeline_paint_header (cr, &frame);
  cairo_restore (cr);

  ipms_chart_style_set_source (cr, &palette->grid_line);
  cairo_rectangle (cr, self->lane_column - 1, frame.header_pos, 1, self->body_bottom - frame.header_pos);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_rectangle (cr, self->lane_column, self->body_top, self->width - self->lane_column,
                   self->body_bottom - self->body_top);
  cairo_clip (cr);

  paint_milestones (self, cr, palette, options->dark, cx1, cy1, cx2, cy2);

  for (guint i = first_item_reaching (self, cy1); i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      IpmsNewProductsItem geo;
      const Lane *lane = &g_array_index (self->lanes, Lane, item->lane);

      if (lane->y > cy2)
        break;
      /* A lane's items go left to right: the rest are right of the view. */
      if (item->x0 > cx2)
        {
          while (i + 1 < self->items->len && g_array_index (self->items, Item, i + 1).lane == item->lane)
            i++;
          continue;
        }
      if (item->id == self->preview.id)
        continue;

      geometry_of (self, item, &geo);
      if (geo.y > cy2 || geo.y + geo.height < cy1)
        continue;
      if (MIN (geo.bar_width > 0 ? geo.bar_x : G_MAXDOUBLE, geo.launch_x - LAUNCH_SIZE) > cx2)
        continue;
      if (item->x1 < cx1 && (self->preview.id != item->id))
        continue;

      paint_item (self, cr, palette, item, &geo, options->dark);
    }

  /* The item being dragged goes on top of the others. */
  if (self->preview.id != 0 && !self->parent_instance.preview_apart && find_item (self, self->preview.id) != NULL)
    {
      const Item *item = find_item (self, self->preview.id);
      IpmsNewProductsItem geo;

      geometry_of (self, item, &geo);
      paint_item (self, cr, palette, item, &geo, options->dark);
    }

  ipms_timeline_paint_today (cr, &frame, ipms_timeline_chart_get_today (IPMS_TIMELINE_CHART (self)));
  cairo_restore (cr);

  /* Scrolled right or down, the lane names and the header follow the view,
   * and the corner where they meet hides what passes under both. */
  {
    double sx = self->parent_instance.sticky_x;
    double header = frame.header_pos;
    double top = MIN (MAX (self->parent_instance.sticky_y, header), self->body_bottom - 2 * IPMS_TIMELINE_HEADER_ROW);

    if (sx > 0)
      {
        cairo_save (cr);
        cairo_translate (cr, sx, 0);
        cairo_rectangle (cr, 0, self->body_top, self->lane_column, self->body_bottom - self->body_top);
        cairo_clip (cr);
        paint_lane_labels (self, cr, palette, TRUE, cy1, cy2);
        cairo_restore (cr);
      }
    if (top > header)
      {
        cairo_save (cr);
        cairo_rectangle (cr, self->lane_column + sx, top, time_end - self->lane_column, 2 * IPMS_TIMELINE_HEADER_ROW);
        cairo_clip (cr);
        frame.header_pos = top;
        ipms_timeline_paint_header (cr, &frame);
        cairo_restore (cr);
      }
    if (sx > 0 || top > header)
      {
        ipms_chart_style_set_source (cr, &palette->background);
        cairo_rectangle (cr, sx, top, self->lane_column, 2 * IPMS_TIMELINE_HEADER_ROW);
        cairo_fill (cr);
        ipms_chart_style_set_source (cr, &palette->grid_line);
        cairo_rectangle (cr, sx + self->lane_column - 1, top, 1, 2 * IPMS_TIMELINE_HEADER_ROW);
        cairo_fill (cr);
      }
  }

  /* The legend stays in sight when the view is scrolled right. */
  if (cy2 > self->body_bottom)
    paint_legend (self, cr, palette, options->dark,
                  CLAMP (self->parent_instance.sticky_x, 0, MAX (0, self->width - self->legend_width - 2 * LEGEND_LEFT)));

  cairo_restore (cr);
}

static void
chart_iface_init (IpmsChartInterface *iface)
{
  iface->get_size = ipms_new_products_chart_get_size;
  iface->paint = ipms_new_products_chart_paint;
}

static GArray *
chart_dup_item_ids (IpmsTimelineChart *chart)
{
  IpmsNewProductsChart *self = IPMS_NEW_PRODUCTS_CHART (chart);

  ensure_layout (self);
  return ipms_timeline_items_dup_ids (self->items);
}

static GArray *
chart_dup_item_ids_in (IpmsTimelineChart       *chart,
                       const cairo_rectangle_t *area)
{
  IpmsNewProductsChart *self = IPMS_NEW_PRODUCTS_CHART (chart);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  ensure_layout (self);
  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      const Lane *lane = &g_array_index (self->lanes, Lane, item->lane);
      IpmsNewProductsItem geo;
      double x1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE;

      /* A lane out of the area rules out its items, bar the previewed one,
       * which may be shown in another. */
      if (item->id != self->preview.id &&
          (lane->y > area->y + area->height || lane->y + lane->height < area->y))
        continue;

      geometry_of (self, item, &geo);
      if (geo.bar_width > 0)
        {
          x1 = geo.bar_x;
          x2 = geo.bar_x + geo.bar_width;
        }
      if (geo.launch_x >= 0)
        {
          x1 = MIN (x1, geo.launch_x - LAUNCH_SIZE);
          x2 = MAX (x2, geo.launch_x + LAUNCH_SIZE);
        }
      if (x2 < area->x || x1 > area->x + area->width ||
          geo.y + geo.height < area->y || geo.y > area->y + area->height)
        continue;
      g_array_append_val (ids, item->id);
    }

  return ids;
}

static void
chart_paint_preview (IpmsTimelineChart           *chart,
                     cairo_t                     *cr,
                     const IpmsChartPaintOptions *options)
{
  IpmsNewProductsChart *self = IPMS_NEW_PRODUCTS_CHART (chart);
  const Item *item;
  IpmsNewProductsItem geo;

  ensure_layout (self);
  item = find_item (self, self->preview.id);
  if (item == NULL)
    return;

  geometry_of (self, item, &geo);
  paint_item (self, cr, ipms_chart_style_get_palette (options->dark), item, &geo, options->dark);

  /* The dates the drop would write, read without squinting at the axis. */
  {
    g_autoptr(GString) text = g_string_new (NULL);
    double x = geo.bar_width > 0 ? geo.bar_x : geo.launch_x;

    if (geo.dev_start != 0 || geo.dev_complete != 0)
      {
        g_autofree char *start = geo.dev_start != 0 ? ipms_format_date (geo.dev_start) : g_strdup ("?");
        g_autofree char *complete = geo.dev_complete != 0 ? ipms_format_date (geo.dev_complete) : g_strdup ("?");

        g_string_append_printf (text, "%s – %s", start, complete);
      }
    if (geo.launch != 0)
      {
        g_autofree char *launch = ipms_format_date (geo.launch);

        g_string_append_printf (text, "%s◆ %s", text->len > 0 ? "   " : "", launch);
      }
    ipms_timeline_paint_readout (cr, ipms_chart_style_get_palette (options->dark), self->parent_instance.layouts,
                                 x, geo.y + 4, text->str);
  }
}

static void
chart_ensure_layout (IpmsTimelineChart *chart)
{
  ensure_layout (IPMS_NEW_PRODUCTS_CHART (chart));
}

static double
chart_get_time_origin (IpmsTimelineChart *chart)
{
  return IPMS_NEW_PRODUCTS_CHART (chart)->lane_column;
}

static void
chart_get_frozen (IpmsTimelineChart *chart,
                  double            *left,
                  double            *top)
{
  *left = IPMS_NEW_PRODUCTS_CHART (chart)->lane_column;
  *top = 2 * IPMS_TIMELINE_HEADER_ROW;
}

static void
ipms_new_products_chart_finalize (GObject *object)
{
  IpmsNewProductsChart *self = IPMS_NEW_PRODUCTS_CHART (object);

  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->item_index, ipms_id_index_free);
  g_clear_pointer (&self->lane_of, g_hash_table_unref);
  g_clear_pointer (&self->lanes, g_array_unref);
  g_clear_pointer (&self->milestones, g_array_unref);
  g_clear_pointer (&self->series_on_products, g_hash_table_unref);

  g_clear_pointer (&self->grades, g_ptr_array_unref);
  G_OBJECT_CLASS (ipms_new_products_chart_parent_class)->finalize (object);
}

static void
ipms_new_products_chart_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  IpmsNewProductsChart *self = IPMS_NEW_PRODUCTS_CHART (object);

  switch (prop_id)
    {
    case PROP_LANE_MODE:
      g_value_set_int (value, self->lane_mode);
      break;
    case PROP_LANE_COLUMN_WIDTH:
      g_value_set_double (value, self->lane_column);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_new_products_chart_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  IpmsNewProductsChart *self = IPMS_NEW_PRODUCTS_CHART (object);

  switch (prop_id)
    {
    case PROP_LANE_MODE:
      ipms_new_products_chart_set_lane_mode (self, g_value_get_int (value));
      break;
    case PROP_LANE_COLUMN_WIDTH:
      ipms_new_products_chart_set_lane_column_width (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The lanes (population layers and their segments, or the series and the
 * segments they serve) and the grades' colours and names. */
static const char * const lane_tables[] = { "segment", "axis_item", "series_segment", "grade", NULL };

static void
ipms_new_products_chart_class_init (IpmsNewProductsChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  IpmsTimelineChartClass *timeline_class = IPMS_TIMELINE_CHART_CLASS (klass);

  object_class->finalize = ipms_new_products_chart_finalize;
  object_class->get_property = ipms_new_products_chart_get_property;
  object_class->set_property = ipms_new_products_chart_set_property;

  timeline_class->tables = lane_tables;
  timeline_class->ensure_layout = chart_ensure_layout;
  timeline_class->update_products = update_products;
  timeline_class->update_geometry = update_geometry;
  timeline_class->get_time_origin = chart_get_time_origin;
  timeline_class->dup_item_ids = chart_dup_item_ids;
  timeline_class->dup_item_ids_in = chart_dup_item_ids_in;
  timeline_class->paint_preview = chart_paint_preview;
  timeline_class->get_frozen = chart_get_frozen;

  properties[PROP_LANE_MODE] =
    g_param_spec_int ("lane-mode", NULL, NULL, IPMS_LANE_MODE_LAYERS, IPMS_LANE_MODE_SERIES,
                      IPMS_LANE_MODE_LAYERS,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANE_COLUMN_WIDTH] =
    g_param_spec_double ("lane-column-width", NULL, NULL, MIN_LANE_COLUMN, G_MAXDOUBLE, DEFAULT_LANE_COLUMN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ipms_new_products_chart_init (IpmsNewProductsChart *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, clear_item);
  self->item_index = ipms_id_index_new ();
  self->lanes = g_array_new (FALSE, TRUE, sizeof (Lane));
  g_array_set_clear_func (self->lanes, clear_lane);
  self->lane_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->milestones = g_array_new (FALSE, TRUE, sizeof (Milestone));
  g_array_set_clear_func (self->milestones, clear_milestone);
  self->series_on_products = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->preview.lane = G_MAXUINT;
  self->lane_column = DEFAULT_LANE_COLUMN;
}

IpmsNewProductsChart *
ipms_new_products_chart_new (IpmsDocument *document)
{
  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);

  return g_object_new (IPMS_TYPE_NEW_PRODUCTS_CHART, "document", document, NULL);
}

void
ipms_new_products_chart_set_range (IpmsNewProductsChart *self,
                                   const char           *range_start,
                                   const char           *range_end)
{
  ipms_timeline_chart_set_range (IPMS_TIMELINE_CHART (self), range_start, range_end);
}

void
ipms_new_products_chart_set_px_per_day (IpmsNewProductsChart *self,
                                        double                px_per_day)
{
  ipms_timeline_chart_set_px_per_day (IPMS_TIMELINE_CHART (self), px_per_day);
}

double
ipms_new_products_chart_get_px_per_day (IpmsNewProductsChart *self)
{
  return ipms_timeline_chart_get_px_per_day (IPMS_TIMELINE_CHART (self));
}

void
ipms_new_products_chart_set_lane_mode (IpmsNewProductsChart *self,
                                       IpmsLaneMode          mode)
{
  g_return_if_fail (IPMS_IS_NEW_PRODUCTS_CHART (self));

  if (self->lane_mode == mode)
    return;
  self->lane_mode = mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANE_MODE]);
  ipms_timeline_chart_invalidate (IPMS_TIMELINE_CHART (self));
}

void
ipms_new_products_chart_set_lane_column_width (IpmsNewProductsChart *self,
                                               double                width)
{
  g_return_if_fail (IPMS_IS_NEW_PRODUCTS_CHART (self));
  g_return_if_fail (width >= MIN_LANE_COLUMN);

  if (self->lane_column == width)
    return;
  self->lane_column = width;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANE_COLUMN_WIDTH]);
  ipms_timeline_chart_invalidate (IPMS_TIMELINE_CHART (self));
}

double
ipms_new_products_chart_get_lane_column_width (IpmsNewProductsChart *self)
{
  g_return_val_if_fail (IPMS_IS_NEW_PRODUCTS_CHART (self), DEFAULT_LANE_COLUMN);

  return self->lane_column;
}

IpmsLaneMode
ipms_new_products_chart_get_lane_mode (IpmsNewProductsChart *self)
{
  g_return_val_if_fail (IPMS_IS_NEW_PRODUCTS_CHART (self), IPMS_LANE_MODE_LAYERS);

  return self->lane_mode;
}

void
ipms_new_products_chart_set_show_title (IpmsNewProductsChart *self,
                                        gboolean              show_title)
{
  ipms_timeline_chart_set_show_title (IPMS_TIMELINE_CHART (self), show_title);
}

const IpmsTimeAxis *
ipms_new_products_chart_get_axis (IpmsNewProductsChart *self)
{
  return ipms_timeline_chart_get_axis (IPMS_TIMELINE_CHART (self));
}

double
ipms_new_products_chart_get_time_origin (IpmsNewProductsChart *self)
{
  return ipms_timeline_chart_get_time_origin (IPMS_TIMELINE_CHART (self));
}

double
ipms_new_products_chart_get_body_top (IpmsNewProductsChart *self)
{
  g_return_val_if_fail (IPMS_IS_NEW_PRODUCTS_CHART (self), 0);

  ensure_layout (self);
  return self->body_top;
}

gboolean
ipms_new_products_chart_get_item (IpmsNewProductsChart *self,
                                  gint64                product_id,
                                  IpmsNewProductsItem  *item)
{
  const Item *found;

  g_return_val_if_fail (IPMS_IS_NEW_PRODUCTS_CHART (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  ensure_layout (self);
  found = find_item (self, product_id);
  if (found == NULL)
    return FALSE;

  geometry_of (self, found, item);
  return TRUE;
}

gboolean
ipms_new_products_chart_get_milestone_label (IpmsNewProductsChart *self,
                                             guint                 index,
                                             cairo_rectangle_t    *rect)
{
  const Milestone *milestone;
  const Lane *lane;
  int tw, th;

  g_return_val_if_fail (IPMS_IS_NEW_PRODUCTS_CHART (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  ensure_layout (self);
  if (index >= self->milestones->len)
    return FALSE;

  milestone = &g_array_index (self->milestones, Milestone, index);
  lane = &g_array_index (self->lanes, Lane, milestone->lane);
  ipms_layout_cache_get_size (self->parent_instance.layouts, IPMS_CHART_FONT_SMALL, milestone->label, &tw, &th);
  /* As paint_milestones() places it. */
  rect->x = milestone_x (self, milestone) + 9;
  rect->y = lane->y + LANE_PAD + milestone->row * MILESTONE_ROW + MILESTONE_ROW / 2 - th / 2.0;
  rect->width = tw;
  rect->height = th;

  return TRUE;
}

gboolean
ipms_new_products_chart_get_label (IpmsNewProductsChart *self,
                                   gint64                product_id,
                                   cairo_rectangle_t    *rect)
{
  IpmsNewProductsItem geo;
  const Item *item;
  int tw, th;

  g_return_val_if_fail (IPMS_IS_NEW_PRODUCTS_CHART (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  ensure_layout (self);
  item = find_item (self, product_id);
  if (item == NULL)
    return FALSE;

  /* As paint_item() places it, in an unscrolled view. */
  geometry_of (self, item, &geo);
  ipms_layout_cache_get_size (self->parent_instance.layouts, IPMS_CHART_FONT_SMALL,
                              ipms_record_get_string (item->record, "name"), &tw, &th);
  rect->y = geo.y + ROW_HEIGHT / 2 - th / 2.0;
  rect->width = tw;
  rect->height = th;
  if (geo.bar_width > 0 && tw + 2 * LABEL_GAP + BAR_HEIGHT <= geo.bar_width)
    rect->x = MAX (geo.bar_x + BAR_HEIGHT, geo.bar_x + geo.bar_width - tw - LABEL_GAP);
  else
    rect->x = outside_label_x (self, &geo, tw);

  return TRUE;
}

gint64
ipms_new_products_chart_hit_test (IpmsNewProductsChart *self,
                                  double                x,
                                  double                y,
                                  IpmsTimelinePart     *part)
{
  const double h = IPMS_TIMELINE_HANDLE_SIZE;

  g_return_val_if_fail (IPMS_IS_NEW_PRODUCTS_CHART (self), 0);

  ensure_layout (self);
  if (part != NULL)
    *part = IPMS_TIMELINE_PART_NONE;

  /* Backwards: what is painted last is on top. */
  for (guint i = self->items->len; i-- > 0;)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      IpmsNewProductsItem geo;
      IpmsTimelinePart hit = IPMS_TIMELINE_PART_NONE;

      geometry_of (self, item, &geo);
      if (y < geo.y || y >= geo.y + geo.height)
        continue;

      if (geo.launch_x >= 0 && fabs (x - geo.launch_x) <= MAX (LAUNCH_SIZE, h / 2))
        hit = IPMS_TIMELINE_PART_LAUNCH;
      else if (geo.bar_width > 0)
        {
          /* A short bar keeps a grabbable middle: its handles then reach
           * outside it instead of covering it. */
          double inner = MIN (h / 2, geo.bar_width / 3);
          double outer = h - inner;
          double right = geo.bar_x + geo.bar_width;

          if (x >= geo.bar_x - outer && x < geo.bar_x + inner)
            hit = IPMS_TIMELINE_PART_START;
          else if (x > right - inner && x <= right + outer)
            hit = IPMS_TIMELINE_PART_END;
          else if (x >= geo.bar_x && x <= right)
            hit = IPMS_TIMELINE_PART_BAR;
        }

      /* The name beside an item selects it and drags it as a whole. */
      if (hit == IPMS_TIMELINE_PART_NONE && x >= item->x0 && x <= item->x1 && self->preview.id != item->id)
        hit = geo.bar_width > 0 ? IPMS_TIMELINE_PART_BAR : IPMS_TIMELINE_PART_LAUNCH;

      if (hit != IPMS_TIMELINE_PART_NONE)
        {
          if (part != NULL)
            *part = hit;
          return item->id;
        }
    }

  return 0;
}

guint
ipms_new_products_chart_get_n_lanes (IpmsNewProductsChart *self)
{
  g_return_val_if_fail (IPMS_IS_NEW_PRODUCTS_CHART (self), 0);

  ensure_layout (self);
  return self->lanes->len;
}

guint
ipms_new_products_chart_lane_at (IpmsNewProductsChart *self,
                                 double                y)
{
  g_return_val_if_fail (IPMS_IS_NEW_PRODUCTS_CHART (self), G_MAXUINT);

  ensure_layout (self);
  for (guint i = 0; i < self->lanes->len; i++)
    {
      const Lane *lane = &g_array_index (self->lanes, Lane, i);

      if (y >= lane->y && y < lane->y + lane->height)
        return i;
    }

  return G_MAXUINT;
}

gboolean
ipms_new_products_chart_get_lane_extent (IpmsNewProductsChart *self,
                                         guint                 lane,
                                         double               *y,
                                         double               *height)
{
  const Lane *found;

  g_return_val_if_fail (IPMS_IS_NEW_PRODUCTS_CHART (self), FALSE);

  ensure_layout (self);
  if (lane >= self->lanes->len)
    return FALSE;

  found = &g_array_index (self->lanes, Lane, lane);
  *y = found->y;
  *height = found->height;
  return TRUE;
}

gboolean
ipms_new_products_chart_get_lane_title (IpmsNewProductsChart *self,
                                        guint                 lane,
                                        cairo_rectangle_t    *rect)
{
  const Lane *found;
  int width, height;

  g_return_val_if_fail (IPMS_IS_NEW_PRODUCTS_CHART (self), FALSE);

  ensure_layout (self);
  if (lane >= self->lanes->len)
    return FALSE;

  found = &g_array_index (self->lanes, Lane, lane);
  lane_label_size (self, found, &width, &height);
  rect->x = LANE_LABEL_LEFT;
  rect->y = found->y + LANE_PAD + LANE_LABEL_TOP;
  rect->width = width;
  rect->height = height;
  return TRUE;
}

gint64
ipms_new_products_chart_get_lane_id (IpmsNewProductsChart *self,
                                     guint                 lane)
{
  g_return_val_if_fail (IPMS_IS_NEW_PRODUCTS_CHART (self), 0);

  ensure_layout (self);
  g_return_val_if_fail (lane < self->lanes->len, 0);

  return g_array_index (self->lanes, Lane, lane).id;
}

const char *
ipms_new_products_chart_get_lane_label (IpmsNewProductsChart *self,
                                        guint                 lane)
{
  g_return_val_if_fail (IPMS_IS_NEW_PRODUCTS_CHART (self), NULL);

  ensure_layout (self);
  g_return_val_if_fail (lane < self->lanes->len, NULL);

  return g_array_index (self->lanes, Lane, lane).label;
}

void
ipms_new_products_chart_set_preview (IpmsNewProductsChart *self,
                                     gint64                product_id,
                                     guint32               dev_start,
                                     guint32               dev_complete,
                                     guint32               launch,
                                     guint                 lane)
{
  gboolean same_item;

  g_return_if_fail (IPMS_IS_NEW_PRODUCTS_CHART (self));

  same_item = self->preview.id == product_id;
  self->preview.id = product_id;
  self->preview.start = dev_start;
  self->preview.complete = dev_complete;
  self->preview.launch = launch;
  self->preview.lane = lane;
  ipms_timeline_chart_preview_changed (IPMS_TIMELINE_CHART (self), same_item);
}
