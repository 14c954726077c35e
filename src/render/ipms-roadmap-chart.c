/* ipms-roadmap-chart.c
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
#include "ipms-roadmap-chart.h"

#define TITLE_HEIGHT 48.0
#define BAND_COLUMN_MIN 72.0
#define BAND_COLUMN_MAX 200.0
#define TICK_COLUMN_MIN 56.0
#define PLOT_PAD 14.0
#define PRICE_LENGTH 540.0
#define PRICE_LENGTH_FLIPPED 900.0
#define MARKER_RADIUS 9.0
#define FLAGSHIP_RADIUS 11.5
#define LABEL_GAP 4.0
#define LEGEND_PAD 12.0
#define LEGEND_LEFT 16.0
/* The series keys wrap past this width unless a view asks for another: a
 * plan of many series read as one line many screens long, and the chart
 * grew as wide to hold it. */
#define LEGEND_WRAP 960.0
#define LEGEND_WRAP_MIN 240.0
#define FIT_WIDTH 1100.0
#define BUCKET_WIDTH 96.0
#define BUCKET_HEIGHT 32.0
/* The schema keeps amounts within [0, 1e15], but a file changed by other
 * means may hold any number SQLite stores (infinities, -1e300): what the
 * chart draws is clamped to this, so that spans and positions stay finite. */
#define PRICE_LIMIT 1e15
/* A nice step gives about ten intervals; the bound holds whatever the
 * prices, so that the tick loops always end. */
#define MAX_PRICE_TICKS 64

/* A point in the placement of the names (see place_names()): a step, and
 * the position of an item in the items' order (which a product no longer
 * there falls between, hence a double). Before everything: step -1. */
typedef struct
{
  int    step;
  double position;
} When;

/* Places taken, bucketed on a grid of cells (see Entry). The cells over
 * the chart are an array: looking them up in the table was a third of
 * the placement of 10,000 names. */
typedef struct
{
  GHashTable *buckets;   /* key -> GArray of Entry, for the cells not in `dense` */
  GArray    **dense;     /* the cells (bx0 + i, by0 + j) at j * nx + i: NULL or GArray of Entry */
  int         bx0, by0, nx, ny;
  double      cell_width;
  double      cell_height;
} Occupancy;

typedef struct
{
  gint64      id;
  IpmsRecord *record;
  guint32     launch;
  double      price;
  guint       grade;      /* index in ipms_grade_codes */
  IpmsColor   color;
  double      x;
  double      y;
  int         name_width;  /* the name's size, measured once per item */
  int         name_height;
  gboolean    has_label;
  double      label_x;
  double      label_y;
  double      label_width;
  double      label_height;
  gint64      cluster;    /* the first member of its cluster when it has no label of its own, else 0 */
  /* How the last placement went: the step (pass and grade) that gave the
   * label and its candidate, NO_STEP when none did; `fresh` when the item
   * is new since, with nothing to go by. See place_names(). */
  guint8      label_step;
  guint8      label_candidate;
  gboolean    fresh;
  /* While names are placed again after an edit: the item chooses again
   * from `from` on, and chose `old_step`, `old_candidate` and `old_label`
   * before (NO_STEP once that is accounted for); see activate(). */
  gboolean    active;
  gboolean    was_labelled;
  gboolean    gathered;   /* see gather_clusters() */
  When        from;
  guint8      old_step;
  guint8      old_candidate;
  cairo_rectangle_t old_label;
  /* The step and candidate of the last placement, kept while it is
   * placed again (NO_STEP: none; `fresh` items have none to go by). */
  guint8      last_step;
  guint8      last_candidate;
  /* Which of its candidates (bits, see candidates_around()) are known to
   * be clear of the markers, and which are known at all, in this
   * placement: the markers stay while names are placed, and each pass
   * would test the same candidates against them again. Cleared whenever
   * the item is to choose in a placement. */
  guint16     clear_of_markers;
  guint16     tested_markers;
} Item;

#define NO_STEP G_MAXUINT8

/* ipms_timeline_items_*() read the id at the start of each item. */
G_STATIC_ASSERT (G_STRUCT_OFFSET (Item, id) == 0);

typedef struct
{
  gint64      id;
  IpmsRecord *record;
  double      min_price;
  double      max_price;
} Band;

typedef struct
{
  char      *name;
  IpmsColor  color;
  double     width;
  double     x;        /* from the legend's left */
  guint      row;
} SeriesKey;

/* Markers too crowded for their own labels share one "+N" label. */
typedef struct
{
  char              *text;
  cairo_rectangle_t  rect;
  guint              n;
  gint64             seed;     /* its first member's product */
  cairo_rectangle_t  markers;  /* the box around its markers */
  /* The right and bottom edges as found: x + width may differ from them
   * in the last bit, and a box joined with this one later must come out
   * as gathering all its markers would. */
  double             right;
  double             bottom;
} Cluster;

struct _IpmsRoadmapChart
{
  IpmsTimelineChart parent_instance;


  gboolean         flipped;
  IpmsRoadmapPriceScale price_scale;
  double           price_length_request;

  double           time_origin;
  double           price_min;
  double           price_max;
  double           price_step;
  guint            price_ticks;   /* intervals: ticks at price_min + i * price_step, i = 0 … price_ticks */
  double           price_pos;     /* chart coordinate of price_min */
  double           price_length;
  double           plot_start;    /* across the time: first and last chart coordinate */
  double           plot_end;
  double           legend_top;
  double           legend_width;
  guint            legend_rows;   /* the series keys' rows and the grades' */
  double           legend_room;
  double           title_key_width;  /* the series keys' title */
  double           grade_keys_width;
  /* The parent's generation the series and the legend were read at. */
  guint            legend_generation;
  double           band_column;   /* width of the band names at the left, across */
  double           width;
  double           height;
  gboolean         dark;          /* the palette series colours were picked for */
  GArray          *items;
  IpmsIdIndex     *item_index;
  GHashTable      *series_color;  /* series id -> IpmsColor, for the items */
  /* After an edit of a few products, the next placement of the names
   * starts from the last one (see place_labels_again()): `gone` holds the
   * items of the products taken out, as they were. */
  gboolean         replay;
  GArray          *gone;          /* Item */
  /* What the last placement left, kept for the next: the markers and the
   * today badge, the names, the lines, the "+N" labels, and the unlabelled
   * markers by the clusters' reach. */
  Occupancy        markers;
  Occupancy        names;
  Occupancy        lines;
  Occupancy        today_line;
  Occupancy        plus;
  Occupancy        unlabelled;
  cairo_rectangle_t bounds;       /* where names may go, and go first */
  cairo_rectangle_t inside;
  int              max_name_width;
  int              max_name_height;
  GArray          *bands;
  GArray          *series_keys;
  GPtrArray       *grades;        /* the grade rows, read with the layout for the legend */
  GArray          *clusters;      /* Cluster */
  GArray          *knots;         /* band scale: prices at equal steps of the axis */
  char            *currency;
  GHashTable      *sprites;       /* packed grade, colour, palette, scale -> cairo_surface_t */

  struct {
    gint64  id;
    guint32 launch;
    double  price;
  } preview;
  struct {
    gint64           id;
    IpmsTimelinePart boundary;
    double           price;
  } band_preview;
};

static void chart_iface_init (IpmsChartInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IpmsRoadmapChart, ipms_roadmap_chart, IPMS_TYPE_TIMELINE_CHART,
                               G_IMPLEMENT_INTERFACE (IPMS_TYPE_CHART, chart_iface_init))

enum {
  PROP_0,
  PROP_FLIPPED,
  PROP_PRICE_SCALE,
  PROP_PRICE_LENGTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_item (gpointer data)
{
  g_clear_object (&((Item *) data)->record);
}

static void
clear_band (gpointer data)
{
  g_clear_object (&((Band *) data)->record);
}

static void
clear_series_key (gpointer data)
{
  g_free (((SeriesKey *) data)->name);
}

static void
clear_cluster (gpointer data)
{
  g_free (((Cluster *) data)->text);
}

static double
time_pos (IpmsRoadmapChart *self,
          guint32           day)
{
  /* Markers sit in the middle of their day. */
  return self->time_origin + ipms_time_axis_day_to_x (&self->parent_instance.axis, day) + self->parent_instance.axis.px_per_day / 2;
}

/* Where a price lies along the axis, 0 at price_min and 1 at price_max.
 * On the band scale each step between knots (the band edges) is as long as
 * the others and the price is linear within it; past the ends the nearest
 * step goes on. */
static double
price_fraction (IpmsRoadmapChart *self,
                double            price)
{
  guint n = self->knots->len;
  guint i;

  if (self->price_scale == IPMS_ROADMAP_PRICE_SCALE_LINEAR || n < 2)
    return (price - self->price_min) / (self->price_max - self->price_min);

  for (i = 0; i + 2 < n; i++)
    if (price < g_array_index (self->knots, double, i + 1))
      break;

  {
    double lo = g_array_index (self->knots, double, i);
    double hi = g_array_index (self->knots, double, i + 1);

    return (i + (price - lo) / (hi - lo)) / (n - 1);
  }
}

static double
fraction_price (IpmsRoadmapChart *self,
                double            t)
{
  guint n = self->knots->len;
  double s;
  guint i;

  if (self->price_scale == IPMS_ROADMAP_PRICE_SCALE_LINEAR || n < 2)
    return self->price_min + t * (self->price_max - self->price_min);

  s = t * (n - 1);
  i = (guint) CLAMP (floor (s), 0, n - 2);
  return g_array_index (self->knots, double, i) +
         (s - i) * (g_array_index (self->knots, double, i + 1) - g_array_index (self->knots, double, i));
}

static double
price_pos (IpmsRoadmapChart *self,
           double            price)
{
  double t = price_fraction (self, price);

  return self->flipped ? self->price_pos + t * self->price_length
                       : self->price_pos - t * self->price_length;
}

static void
to_point (IpmsRoadmapChart *self,
          guint32           day,
          double            price,
          double           *x,
          double           *y)
{
  double t = time_pos (self, day);
  double p = price_pos (self, price);

  *x = self->flipped ? p : t;
  *y = self->flipped ? t : p;
}

static double
marker_radius (guint grade)
{
  return grade == 0 ? FLAGSHIP_RADIUS : MARKER_RADIUS;
}

static guint
grade_index (const char *code)
{
  for (guint i = 0; ipms_grade_codes[i] != NULL; i++)
    if (g_strcmp0 (ipms_grade_codes[i], code) == 0)
      return i;

  return 4;
}

static double
nice_step (double span)
{
  double raw = span / 8;
  double magnitude = pow (10, floor (log10 (raw)));
  static const double factors[] = { 1, 2, 2.5, 5, 10 };

  for (guint i = 0; i < G_N_ELEMENTS (factors); i++)
    if (factors[i] * magnitude >= raw)
      return factors[i] * magnitude;

  return 10 * magnitude;
}

static double
clamp_price (double price)
{
  return isnan (price) ? 0 : CLAMP (price, -PRICE_LIMIT, PRICE_LIMIT);
}

static void
price_range (IpmsRoadmapChart *self)
{
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
  double span;

  for (guint i = 0; i < self->items->len; i++)
    {
      double price = g_array_index (self->items, Item, i).price;

      lo = MIN (lo, price);
      hi = MAX (hi, price);
    }
  /* Every band starts on the chart, but an open-ended top band (up to
   * 600 when the dearest product is 449) must not squash the products into
   * the bottom of the chart. */
  for (guint i = 0; i < self->bands->len; i++)
    {
      const Band *band = &g_array_index (self->bands, Band, i);

      lo = MIN (lo, band->min_price);
      if (self->items->len == 0)
        hi = MAX (hi, band->max_price);
      else
        hi = MAX (hi, band->min_price);
    }

  if (lo > hi)
    {
      lo = 0;
      hi = 100;
    }
  /* Prices closer than a billionth of their size are drawn as one: a step
   * below that would vanish in the doubles' precision (at 10^15 one unit in
   * the last place is 0.125), and stepping by it would never get anywhere. */
  if (hi - lo < MAX (1e-6, MAX (fabs (lo), fabs (hi)) * 1e-9))
    hi = lo + MAX (1.0, fabs (lo) * 0.5);

  self->price_step = nice_step (hi - lo);
  self->price_min = floor (lo / self->price_step) * self->price_step;
  self->price_max = ceil (hi / self->price_step) * self->price_step;
  /* Room so that a marker at the extreme price is not cut in half. */
  if (self->price_max - hi < self->price_step / 4)
    self->price_max += self->price_step;
  if (lo - self->price_min < self->price_step / 4 && self->price_min - self->price_step >= 0)
    self->price_min -= self->price_step;

  /* A whole number of intervals, counted once: the tick loops run over it
   * instead of adding the step to a double until it passes the end. */
  span = round ((self->price_max - self->price_min) / self->price_step);
  self->price_ticks = (guint) CLAMP (span, 1, MAX_PRICE_TICKS);
  self->price_max = self->price_min + self->price_ticks * self->price_step;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

/* The band scale's knots: every band edge, and the ends of the linear range
 * where products lie beyond the bands. Each band the user defined then gets
 * the same length of axis, and the products in a crowded cheap band are
 * spread as far apart as those of a wide premium one. */
static void
band_knots (IpmsRoadmapChart *self)
{
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;

  g_array_set_size (self->knots, 0);
  if (self->price_scale != IPMS_ROADMAP_PRICE_SCALE_BANDS || self->bands->len == 0)
    return;

  for (guint i = 0; i < self->bands->len; i++)
    {
      const Band *band = &g_array_index (self->bands, Band, i);

      g_array_append_val (self->knots, band->min_price);
      g_array_append_val (self->knots, band->max_price);
    }
  g_array_sort (self->knots, compare_doubles);
  /* Bands that end at 49.99 and start at 50 meet: edges closer than a
   * hundredth of the whole are one knot, not a step of their own. */
  {
    double span = g_array_index (self->knots, double, self->knots->len - 1) - g_array_index (self->knots, double, 0);

    for (guint i = 1; i < self->knots->len;)
      if (g_array_index (self->knots, double, i) - g_array_index (self->knots, double, i - 1) <= MAX (span / 100, 1e-9))
        g_array_remove_index (self->knots, i);
      else
        i++;
  }

  for (guint i = 0; i < self->items->len; i++)
    {
      lo = MIN (lo, g_array_index (self->items, Item, i).price);
      hi = MAX (hi, g_array_index (self->items, Item, i).price);
    }
  if (lo < g_array_index (self->knots, double, 0))
    g_array_prepend_val (self->knots, self->price_min);
  if (hi > g_array_index (self->knots, double, self->knots->len - 1))
    g_array_append_val (self->knots, self->price_max);

  if (self->knots->len < 2)
    {
      g_array_set_size (self->knots, 0);
      return;
    }

  self->price_min = g_array_index (self->knots, double, 0);
  self->price_max = g_array_index (self->knots, double, self->knots->len - 1);
}

static int compare_items (const Item *a,
                          const Item *b);

/* Label placement. Names are placed greedily, in steps (see place_names());
 * each place a name takes is kept in a grid of buckets, so that a check
 * costs the same with 20 products as with 2,000, and the grids stay from
 * one layout to the next: after an edit only the products whose choices the
 * change can reach choose again (see update_products()). */

/* An entry of a grid: a marker, a name, a "+N" label or a line. */
typedef struct
{
  cairo_rectangle_t rect;
  gint64            id;     /* the product (0 for the today badge and lines); a "+N" label's first member */
  guint             step;   /* a name's: the step that placed it */
} Entry;

static guint64
bucket_key (int bx,
            int by)
{
  return ((guint64) (guint32) bx << 32) | (guint32) by;
}

/* For tables keyed by bucket_key(): g_int64_hash() folds the halves with
 * an xor, which gives (bx, by) and (by, bx), and every bucket along a
 * diagonal, the same hash, so that a lookup compared keys down long
 * chains. A multiplication mixes them. */
static guint
bucket_hash (gconstpointer key)
{
  return (guint) ((*(const guint64 *) key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 32);
}

/* The buckets a rectangle touches, first and last in each direction. */
typedef struct
{
  int x1, x2, y1, y2;
} Buckets;

/* A bucket index, kept within int: at the widest zoom over the longest range
 * a chart coordinate passes 2^31, and converting that to int is undefined.
 * Rectangles out there share the outermost bucket, which only costs time. */
static int
bucket_index (double coordinate,
              double bucket_size)
{
  return (int) CLAMP (floor (coordinate / bucket_size), -1e9, 1e9);
}

static void
occupancy_init (Occupancy *occupancy,
                double     cell_width,
                double     cell_height)
{
  *occupancy = (Occupancy) { 0 };
  occupancy->buckets = g_hash_table_new_full (bucket_hash, g_int64_equal, g_free,
                                              (GDestroyNotify) g_array_unref);
  occupancy->cell_width = cell_width;
  occupancy->cell_height = cell_height;
}

/* A chart this many cells or more keeps its cells in the table alone. */
#define MAX_DENSE_CELLS (1 << 18)

/* Empties the grid; its cells over `area` (or none, NULL) are then kept
 * in the array. */
static void
occupancy_clear (Occupancy               *occupancy,
                 const cairo_rectangle_t *area)
{
  g_hash_table_remove_all (occupancy->buckets);
  if (occupancy->dense != NULL)
    for (gsize i = 0; i < (gsize) occupancy->nx * occupancy->ny; i++)
      g_clear_pointer (&occupancy->dense[i], g_array_unref);
  g_clear_pointer (&occupancy->dense, g_free);
  occupancy->nx = occupancy->ny = 0;

  if (area != NULL)
    {
      int bx1 = bucket_index (area->x, occupancy->cell_width);
      int by1 = bucket_index (area->y, occupancy->cell_height);
      gint64 nx = (gint64) bucket_index (area->x + area->width, occupancy->cell_width) - bx1 + 1;
      gint64 ny = (gint64) bucket_index (area->y + area->height, occupancy->cell_height) - by1 + 1;

      if (nx > 0 && ny > 0 && nx * ny < MAX_DENSE_CELLS)
        {
          occupancy->bx0 = bx1;
          occupancy->by0 = by1;
          occupancy->nx = (int) nx;
          occupancy->ny = (int) ny;
          occupancy->dense = g_new0 (GArray *, nx * ny);
        }
    }
}

static void
occupancy_destroy (Occupancy *occupancy)
{
  if (occupancy->buckets == NULL)
    return;
  occupancy_clear (occupancy, NULL);
  g_clear_pointer (&occupancy->buckets, g_hash_table_unref);
}

/* The entries of the cell (bx, by), NULL when there are none; with
 * `create`, an empty array then. */
static GArray *
occupancy_cell (const Occupancy *occupancy,
                int              bx,
                int              by,
                gboolean         create)
{
  gint64 i = (gint64) bx - occupancy->bx0, j = (gint64) by - occupancy->by0;
  guint64 key;
  GArray *entries;

  if (i >= 0 && j >= 0 && i < occupancy->nx && j < occupancy->ny)
    {
      GArray **cell = &occupancy->dense[j * occupancy->nx + i];

      if (*cell == NULL && create)
        *cell = g_array_new (FALSE, FALSE, sizeof (Entry));
      return *cell;
    }

  key = bucket_key (bx, by);
  entries = g_hash_table_lookup (occupancy->buckets, &key);
  if (entries == NULL && create)
    {
      entries = g_array_new (FALSE, FALSE, sizeof (Entry));
      g_hash_table_insert (occupancy->buckets, g_memdup2 (&key, sizeof key), entries);
    }

  return entries;
}

static Buckets
buckets_of (const Occupancy         *occupancy,
            const cairo_rectangle_t *r)
{
  return (Buckets) {
    bucket_index (r->x, occupancy->cell_width), bucket_index (r->x + r->width, occupancy->cell_width),
    bucket_index (r->y, occupancy->cell_height), bucket_index (r->y + r->height, occupancy->cell_height),
  };
}

static gboolean
rects_meet (const cairo_rectangle_t *r,
            const cairo_rectangle_t *o)
{
  return r->x < o->x + o->width && o->x < r->x + r->width &&
         r->y < o->y + o->height && o->y < r->y + r->height;
}

/* Walks the entries of the buckets a rectangle touches. An entry that
 * lies in several of them comes once from each. */
typedef struct
{
  const Occupancy *occupancy;
  Buckets          b;
  int              bx, by;
  GArray          *entries;
  guint            i;
} EntryIter;

static void
entry_iter_init (EntryIter               *iter,
                 const Occupancy         *occupancy,
                 const cairo_rectangle_t *r)
{
  *iter = (EntryIter) { occupancy, buckets_of (occupancy, r), 0, 0, NULL, 0 };
  iter->bx = iter->b.x1;
  iter->by = iter->b.y1 - 1;
}

static const Entry *
entry_iter_next (EntryIter *iter)
{
  while (iter->entries == NULL || iter->i >= iter->entries->len)
    {
      if (++iter->by > iter->b.y2)
        {
          iter->by = iter->b.y1;
          if (++iter->bx > iter->b.x2)
            return NULL;
        }
      iter->entries = occupancy_cell (iter->occupancy, iter->bx, iter->by, FALSE);
      iter->i = 0;
    }

  return &g_array_index (iter->entries, Entry, iter->i++);
}

static void
occupancy_add (Occupancy               *occupancy,
               const cairo_rectangle_t *r,
               gint64                   id,
               guint                    step)
{
  Buckets b = buckets_of (occupancy, r);
  Entry entry = { *r, id, step };

  for (int bx = b.x1; bx <= b.x2; bx++)
    for (int by = b.y1; by <= b.y2; by++)
      g_array_append_val (occupancy_cell (occupancy, bx, by, TRUE), entry);
}

/* Takes out the entry of `id` at `r`, which was added. */
static void
occupancy_remove (Occupancy               *occupancy,
                  const cairo_rectangle_t *r,
                  gint64                   id)
{
  Buckets b = buckets_of (occupancy, r);

  for (int bx = b.x1; bx <= b.x2; bx++)
    for (int by = b.y1; by <= b.y2; by++)
      {
        GArray *entries = occupancy_cell (occupancy, bx, by, FALSE);

        for (guint i = 0; entries != NULL && i < entries->len; i++)
          {
            const Entry *entry = &g_array_index (entries, Entry, i);

            if (entry->id == id && memcmp (&entry->rect, r, sizeof *r) == 0)
              {
                g_array_remove_index_fast (entries, i);
                break;
              }
          }
      }
}

static gboolean
occupancy_free (const Occupancy         *occupancy,
                const cairo_rectangle_t *r)
{
  EntryIter iter;
  const Entry *entry;

  entry_iter_init (&iter, occupancy, r);
  while ((entry = entry_iter_next (&iter)) != NULL)
    if (rects_meet (r, &entry->rect))
      return FALSE;

  return TRUE;
}

static gboolean
rect_within (const cairo_rectangle_t *r,
             const cairo_rectangle_t *bounds)
{
  return r->x >= bounds->x && r->y >= bounds->y &&
         r->x + r->width <= bounds->x + bounds->width &&
         r->y + r->height <= bounds->y + bounds->height;
}

static guint
item_position (IpmsRoadmapChart *self,
               gint64            id)
{
  guint position;

  return ipms_id_index_lookup (self->item_index, id, &position) ? position : G_MAXUINT;
}

#define WHEN_FIRST ((When) { -1, 0 })

static gboolean
when_before (When a,
             When b)
{
  return a.step < b.step || (a.step == b.step && a.position < b.position);
}

/* Whether `r` is clear of the names placed before `when` (all of them
 * when `all`): those of the items after it at its step, and of later
 * steps, are there from the last placement and must be overlooked. */
static gboolean
names_free (IpmsRoadmapChart        *self,
            const cairo_rectangle_t *r,
            When                     when,
            gboolean                 all)
{
  EntryIter iter;
  const Entry *entry;

  entry_iter_init (&iter, &self->names, r);
  while ((entry = entry_iter_next (&iter)) != NULL)
    if (rects_meet (r, &entry->rect) &&
        (all || (int) entry->step < when.step ||
         ((int) entry->step == when.step && item_position (self, entry->id) < when.position)))
      return FALSE;

  return TRUE;
}

/* Whether `r` is clear of the "+N" labels of clusters before the one
 * whose first member is at `position`. */
static gboolean
plus_free (IpmsRoadmapChart        *self,
           const cairo_rectangle_t *r,
           guint                    position)
{
  EntryIter iter;
  const Entry *entry;

  entry_iter_init (&iter, &self->plus, r);
  while ((entry = entry_iter_next (&iter)) != NULL)
    if (rects_meet (r, &entry->rect) && item_position (self, entry->id) < position)
      return FALSE;

  return TRUE;
}

/* Markers closer than this share a "+N" label. */
#define CLUSTER_REACH (3 * FLAGSHIP_RADIUS)

#define N_CANDIDATES 16
/* Item keeps a bit per candidate (see clear_of_markers()). */
G_STATIC_ASSERT (N_CANDIDATES <= 16);
#define N_NEAR_CANDIDATES 8

/* Eight places around a box, then more beside it a line up and down and
 * above and below it shifted sideways. */
static guint
candidates_around (double             x1,
                   double             y1,
                   double             x2,
                   double             y2,
                   double             tw,
                   double             th,
                   cairo_rectangle_t *out)
{
  double cx = (x1 + x2) / 2, cy = (y1 + y2) / 2;
  double g = LABEL_GAP;
  const cairo_rectangle_t candidates[N_CANDIDATES] = {
    { x2 + g, cy - th / 2, tw, th },
    { x1 - g - tw, cy - th / 2, tw, th },
    { cx - tw / 2, y1 - g / 2 - th, tw, th },
    { cx - tw / 2, y2 + g / 2, tw, th },
    { x2 - 2, y1 - th + 2, tw, th },
    { x2 - 2, y2 - 2, tw, th },
    { x1 + 2 - tw, y1 - th + 2, tw, th },
    { x1 + 2 - tw, y2 - 2, tw, th },
    { x2 + g, cy - th * 1.5, tw, th },
    { x2 + g, cy + th / 2, tw, th },
    { x1 - g - tw, cy - th * 1.5, tw, th },
    { x1 - g - tw, cy + th / 2, tw, th },
    { x1, y1 - g / 2 - th, tw, th },
    { x2 - tw, y1 - g / 2 - th, tw, th },
    { x1, y2 + g / 2, tw, th },
    { x2 - tw, y2 + g / 2, tw, th },
  };

  memcpy (out, candidates, sizeof candidates);
  return G_N_ELEMENTS (candidates);
}

static cairo_rectangle_t
marker_rect (const Item *item)
{
  double r = marker_radius (item->grade);

  return (cairo_rectangle_t) { item->x - r, item->y - r, 2 * r, 2 * r };
}

static cairo_rectangle_t
label_rect (const Item *item)
{
  return (cairo_rectangle_t) { item->label_x, item->label_y, item->label_width, item->label_height };
}

/* The box all of an item's candidates (see candidates_around()) lie in. */
static cairo_rectangle_t
reach_rect (const Item *item)
{
  double r = marker_radius (item->grade);
  double tw = item->name_width, th = item->name_height;
  double x1 = item->x - r - LABEL_GAP - tw - 1, x2 = item->x + r + LABEL_GAP + tw + 1;
  double y1 = MIN (item->y - r - LABEL_GAP / 2 - th, item->y - th * 1.5) - 1;
  double y2 = MAX (item->y + r + LABEL_GAP / 2 + th, item->y + th * 1.5) + 1;

  return (cairo_rectangle_t) { x1, y1, x2 - x1, y2 - y1 };
}

/* Lines a label must not cross: the band edges and today's line with its
 * badge, as they are painted. */
static void
add_line_obstacles (IpmsRoadmapChart *self)
{
  double time_start = self->time_origin;
  double time_length = ipms_time_axis_get_width (&self->parent_instance.axis);
  const IpmsTimeAxis *axis = &self->parent_instance.axis;
  guint32 today = ipms_timeline_chart_get_today (IPMS_TIMELINE_CHART (self));

  for (guint i = 0; i < self->bands->len; i++)
    {
      const Band *band = &g_array_index (self->bands, Band, i);
      const double edges[] = { band->min_price, band->max_price };

      for (guint e = 0; e < G_N_ELEMENTS (edges); e++)
        {
          double p;
          cairo_rectangle_t line;

          if (edges[e] < self->price_min || edges[e] > self->price_max)
            continue;
          p = round (price_pos (self, edges[e])) + 0.5;
          if (self->flipped)
            line = (cairo_rectangle_t) { p - 1, time_start, 2, time_length };
          else
            line = (cairo_rectangle_t) { time_start, p - 1, time_length, 2 };
          occupancy_add (&self->lines, &line, 0, 0);
        }
    }

  if (today >= axis->first_day && today <= axis->last_day)
    {
      double p = round (time_pos (self, today));
      cairo_rectangle_t line, badge;
      int tw, th;

      ipms_layout_cache_get_size (self->parent_instance.layouts, IPMS_CHART_FONT_SMALL, _("Today"), &tw, &th);
      if (self->flipped)
        {
          line = (cairo_rectangle_t) { self->plot_start, p - 2, self->plot_end - self->plot_start, 4 };
          badge = (cairo_rectangle_t) { self->plot_end - tw - 10, p - th / 2.0 - 2, tw + 8, th + 4 };
        }
      else
        {
          line = (cairo_rectangle_t) { p - 2, self->plot_start, 4, self->plot_end - self->plot_start };
          badge = (cairo_rectangle_t) { p - tw / 2.0 - 4, self->plot_start + 2, tw + 8, th + 4 };
        }
      occupancy_add (&self->today_line, &line, 0, 0);
      occupancy_add (&self->markers, &badge, 0, 0);
    }
}

/* One placement of the names, anew (`replay` FALSE: every item is active
 * from the start) or after an edit (only the items a change can reach
 * are, from the point in the placement where it happened). */
typedef struct
{
  gboolean  replay;
  GArray   *waiting[5];   /* by grade: positions of the active items still without a name, in order */
  int       step;         /* the step placing, and its grade's next waiting item */
  guint     next;
  GArray   *activated;    /* positions of the items made active */
  GArray   *changed;      /* cairo_rectangle_t: places that changed, for the clusters' labels */
} Placement;

/* A change meets the chart where the painted view must be painted again;
 * the names' ink may pass their boxes a little. */
static void
damage (IpmsRoadmapChart        *self,
        const cairo_rectangle_t *r,
        double                   margin)
{
  cairo_rectangle_t area = { r->x - margin, r->y - margin, r->width + 2 * margin, r->height + 2 * margin };

  ipms_timeline_chart_damage (IPMS_TIMELINE_CHART (self), &area);
}

static void
damage_marker (IpmsRoadmapChart *self,
               const Item       *item)
{
  /* As far as paint_marker_fast()'s stamp reaches, rounded. */
  double half = ceil (marker_radius (item->grade) * 1.25 + 3) + 1;

  damage (self, &(cairo_rectangle_t) { item->x - half, item->y - half, 2 * half, 2 * half }, 0);
}

static void
insert_waiting (Placement *placement,
                guint      grade,
                guint      position)
{
  GArray *waiting = placement->waiting[grade];
  guint lo = 0, hi = waiting->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (waiting, guint, mid) < position)
        lo = mid + 1;
      else
        hi = mid;
    }
  g_array_insert_val (waiting, lo, position);
  /* Before the one placing now: the next one moved up. */
  if (placement->step >= 0 && placement->step % 5 == (int) grade && lo < placement->next)
    placement->next++;
}

/* A change at `when` may make the item at `position` choose otherwise
 * from then on: unless it chose its name before, it chooses again. */
static void
activate (IpmsRoadmapChart *self,
          Placement        *placement,
          guint             position,
          When              when)
{
  Item *item = &g_array_index (self->items, Item, position);

  if (item->has_label && !when_before (when, (When) { item->label_step, position }))
    return;
  if (item->active)
    {
      if (when_before (when, item->from))
        item->from = when;
      return;
    }

  item->active = TRUE;
  item->from = when;
  item->tested_markers = 0;
  item->clear_of_markers = 0;
  item->was_labelled = item->has_label;
  item->old_step = item->has_label ? item->label_step : NO_STEP;
  item->old_candidate = item->label_candidate;
  item->last_step = item->old_step;
  item->last_candidate = item->old_candidate;
  if (item->has_label)
    {
      cairo_rectangle_t old = label_rect (item);

      occupancy_remove (&self->names, &old, item->id);
      item->old_label = old;
      item->has_label = FALSE;
    }
  g_array_append_val (placement->activated, position);
  insert_waiting (placement, MIN (item->grade, 4), position);
}

/* The place `r` changed at `when`: the items whose candidates reach it
 * choose again from then on. */
static void
affect (IpmsRoadmapChart        *self,
        Placement               *placement,
        const cairo_rectangle_t *r,
        When                     when)
{
  /* Items are found by their markers, which lie within this of any place
   * their names can take. */
  double across = FLAGSHIP_RADIUS * 2 + LABEL_GAP + self->max_name_width + 2;
  double along = FLAGSHIP_RADIUS * 2 + LABEL_GAP + self->max_name_height * 1.5 + 2;
  cairo_rectangle_t area = { r->x - across, r->y - along, r->width + 2 * across, r->height + 2 * along };
  EntryIter iter;
  const Entry *entry;

  g_array_append_val (placement->changed, *r);
  entry_iter_init (&iter, &self->markers, &area);
  while ((entry = entry_iter_next (&iter)) != NULL)
    {
      guint position;
      cairo_rectangle_t reach;

      if (entry->id == 0 || !rects_meet (&area, &entry->rect))
        continue;
      position = item_position (self, entry->id);
      reach = reach_rect (&g_array_index (self->items, Item, position));
      if (rects_meet (&reach, r))
        activate (self, placement, position, when);
    }
}

/* Whether any of the first `n` candidates meets a rectangle of `changed`. */
static gboolean
meets_changed (GArray                  *changed,
               const cairo_rectangle_t *candidates,
               guint                    n)
{
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;
  cairo_rectangle_t reach;

  for (guint c = 0; c < n; c++)
    {
      x1 = MIN (x1, candidates[c].x);
      y1 = MIN (y1, candidates[c].y);
      x2 = MAX (x2, candidates[c].x + candidates[c].width);
      y2 = MAX (y2, candidates[c].y + candidates[c].height);
    }
  reach = (cairo_rectangle_t) { x1, y1, x2 - x1, y2 - y1 };

  for (guint d = 0; d < changed->len; d++)
    {
      const cairo_rectangle_t *o = &g_array_index (changed, cairo_rectangle_t, d);

      if (!rects_meet (&reach, o))
        continue;
      for (guint c = 0; c < n; c++)
        if (rects_meet (&candidates[c], o))
          return TRUE;
    }

  return FALSE;
}

/* The first candidate inside `bounds` and clear of the markers, the names
 * placed before `when`, and unless NULL the lines.
 *
 * After an edit, a candidate of an item that was there and that meets no
 * place that changed is as it was at the same step last time: free if it
 * was the one taken, not free if it came before it or if none was taken.
 * In a crowded part of a large chart that spares testing hundreds of
 * items' candidates against the hundreds of markers there. */
/* Whether the item's candidate `c` (one of `candidates`) is clear of the
 * markers, tested once per placement. */
static gboolean
clear_of_markers (IpmsRoadmapChart        *self,
                  Item                    *item,
                  const cairo_rectangle_t *candidates,
                  guint                    c)
{
  guint16 bit = 1 << c;

  if (!(item->tested_markers & bit))
    {
      item->tested_markers |= bit;
      if (occupancy_free (&self->markers, &candidates[c]))
        item->clear_of_markers |= bit;
    }

  return (item->clear_of_markers & bit) != 0;
}

static gboolean
choose_name_place (IpmsRoadmapChart        *self,
                   const Placement         *placement,
                   Item                    *item,
                   When                     when,
                   gboolean                 clear_lines,
                   gboolean                 clear_today,
                   const cairo_rectangle_t *bounds,
                   const cairo_rectangle_t *candidates,
                   guint                    n_candidates,
                   guint                   *chosen)
{
  gboolean history = placement->replay && !item->fresh;

  for (guint c = 0; c < n_candidates; c++)
    {
      gboolean known = history &&
                       ((int) item->last_step > when.step ||
                        ((int) item->last_step == when.step && c <= item->last_candidate)) &&
                       !meets_changed (placement->changed, &candidates[c], 1);

      if (known ? (int) item->last_step == when.step && c == item->last_candidate
                : rect_within (&candidates[c], bounds) && clear_of_markers (self, item, candidates, c) &&
                  names_free (self, &candidates[c], when, !placement->replay) &&
                  (!clear_lines || occupancy_free (&self->lines, &candidates[c])) &&
                  (!clear_today || occupancy_free (&self->today_line, &candidates[c])))
        {
          *chosen = c;
          return TRUE;
        }
    }

  return FALSE;
}

/* Gives each marker its name beside it where there is room, away from the
 * other markers and labels, the band edges and the today line; higher
 * grades choose first. A name that finds no place clear of the lines may
 * then cross one; markers left without a name even so are grouped with
 * their unlabelled neighbours under one "+N" label (see place_clusters()),
 * so that none is left unaccounted for: their names are in their
 * tooltips.
 *
 * The steps go pass by pass, grade by grade within a pass, and item by
 * item in their order within a grade: an item chooses against what the
 * items before it chose. After an edit, an item whose candidates nothing
 * changed near chooses as it did; only the active ones (see activate())
 * choose again, and a choice that comes out otherwise activates those
 * after it that it reaches. */
static void
place_names (IpmsRoadmapChart *self,
             Placement        *placement)
{
  /* Passes from the best places to the last resort, as (near places only,
   * within the plot, clear of band edges, clear of the today line): right
   * beside the marker within the plot, then past its edge; then a line's
   * height away; then across a band edge, a thin dashed line; and only
   * then across the today line. */
  static const struct { gboolean near, inside, clear, clear_today; } passes[] = {
    { TRUE, TRUE, TRUE, TRUE }, { TRUE, FALSE, TRUE, TRUE },
    { FALSE, TRUE, TRUE, TRUE }, { FALSE, FALSE, TRUE, TRUE },
    { TRUE, TRUE, FALSE, TRUE }, { FALSE, FALSE, FALSE, TRUE },
    { FALSE, FALSE, FALSE, FALSE },
  };

  for (guint step = 0; step < G_N_ELEMENTS (passes) * 5; step++)
    {
      guint pass = step / 5;
      guint grade = step % 5;    /* higher grades choose first in each pass */
      GArray *waiting = placement->waiting[grade];
      guint kept = 0;

      placement->step = step;
      for (placement->next = 0; placement->next < waiting->len;)
        {
          guint position = g_array_index (waiting, guint, placement->next++);
          Item *item = &g_array_index (self->items, Item, position);
          When when = { step, position };
          cairo_rectangle_t candidates[N_CANDIDATES];
          gboolean placed, was_placed;
          guint n, index = 0;
          double r;

          /* Before its change the item chose as it did. */
          if (item->has_label || (placement->replay && !when_before (item->from, when)))
            continue;

          r = marker_radius (item->grade);
          n = candidates_around (item->x - r, item->y - r, item->x + r, item->y + r,
                                 item->name_width, item->name_height, candidates);
          if (passes[pass].near)
            n = N_NEAR_CANDIDATES;
          placed = choose_name_place (self, placement, item, when, passes[pass].clear, passes[pass].clear_today,
                                      passes[pass].inside ? &self->inside : &self->bounds,
                                      candidates, n, &index);
          if (placed)
            {
              item->has_label = TRUE;
              item->label_step = step;
              item->label_candidate = index;
              item->label_x = candidates[index].x;
              item->label_y = candidates[index].y;
              item->label_width = candidates[index].width;
              item->label_height = candidates[index].height;
              occupancy_add (&self->names, &candidates[index], item->id, step);
            }
          if (!placement->replay)
            continue;

          /* Another outcome: where the name was from its step on, and is
           * now from this one, changed for those that choose after. */
          was_placed = item->old_step != NO_STEP;
          if (placed && was_placed && item->old_step == step && item->old_candidate == index)
            {
              item->old_step = NO_STEP;
              continue;
            }
          if (was_placed && (placed || item->old_step == step))
            {
              cairo_rectangle_t old = item->old_label;
              When gone = { item->old_step, position };

              item->old_step = NO_STEP;
              damage (self, &old, 2);
              affect (self, placement, &old, gone);
            }
          if (placed)
            {
              cairo_rectangle_t now = label_rect (item);

              damage (self, &now, 2);
              affect (self, placement, &now, when);
            }
        }

      for (guint w = 0; w < waiting->len; w++)
        if (!g_array_index (self->items, Item, g_array_index (waiting, guint, w)).has_label)
          g_array_index (waiting, guint, kept++) = g_array_index (waiting, guint, w);
      g_array_set_size (waiting, kept);
    }
}

static cairo_rectangle_t
point_rect (const Item *item)
{
  return (cairo_rectangle_t) { item->x, item->y, 0, 0 };
}

static void
add_seed (GHashTable *seeds,
          gint64      seed)
{
  if (seed != 0 && !g_hash_table_contains (seeds, &seed))
    g_hash_table_add (seeds, g_memdup2 (&seed, sizeof seed));
}

/* An old cluster that a gathering takes whole (see gather_clusters()):
 * its members keep `cluster` = `seed` meanwhile, and are not looked at one
 * by one. `first` is the position of its first member; x1 … y2 the box
 * around its markers. */
typedef struct
{
  gint64 seed;
  guint  n;
  guint  first;
  double x1, y1, x2, y2;
} Group;

/* Markers gathered one by one, reached from one start. */
typedef struct
{
  guint  first;
  guint  n;
  double x1, y1, x2, y2;
  guint  members;   /* where its members begin in the gathering's list */
} Part;

static Group *
new_group_from_cluster (IpmsRoadmapChart *self,
                        const Cluster    *cluster)
{
  Group *group = g_new (Group, 1);

  *group = (Group) { cluster->seed, cluster->n, item_position (self, cluster->seed),
                     cluster->markers.x, cluster->markers.y, cluster->right, cluster->bottom };

  return group;
}

static const Cluster *
cluster_of_seed (IpmsRoadmapChart *self,
                 gint64            seed)
{
  for (guint k = 0; k < self->clusters->len; k++)
    if (g_array_index (self->clusters, Cluster, k).seed == seed)
      return &g_array_index (self->clusters, Cluster, k);

  return NULL;
}

static guint
find_root (GArray *parents,
           guint   node)
{
  while (g_array_index (parents, guint, node) != node)
    {
      guint grand = g_array_index (parents, guint, g_array_index (parents, guint, node));

      g_array_index (parents, guint, node) = grand;
      node = grand;
    }

  return node;
}

/* Clusters of the unlabelled markers within reach of each other: all that
 * can be reached from each of `starts` (positions) through others, as new
 * clusters appended to `fresh` (their members' `cluster` set to their first
 * member). An old cluster met on the way is one of them now: its first
 * member joins `dissolved`.
 *
 * Markers whose `cluster` is 0 or in `broken` (first members) are
 * gathered one by one. Any other is a member of an old cluster that is
 * still whole: one of `groups` (first member -> Group: those that lost
 * members, see group_from_remains()) or one nothing changed in. Such a
 * cluster is taken whole when a marker gathered one by one reaches one of
 * its members, as nothing else can reach them: a crowded chart's "+N" of
 * thousands of markers is not gathered again marker by marker when one
 * joins or leaves it. The groups nothing reached are new clusters of
 * their own.
 *
 * The unlabelled markers are bucketed by cells as wide as the reach, so
 * that finding a marker's neighbours looks at the nine cells around it
 * rather than at every marker; a cell copied for the search keeps only
 * those not gathered yet. */
static void
gather_clusters (IpmsRoadmapChart *self,
                 GArray           *starts,
                 GHashTable       *dissolved,
                 GHashTable       *broken,
                 GHashTable       *groups,
                 GArray           *fresh)
{
  g_autoptr(GHashTable) cells = g_hash_table_new_full (bucket_hash, g_int64_equal, g_free,
                                                       (GDestroyNotify) g_array_unref);
  g_autoptr(GArray) all_members = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (Part));
  /* Groups met, in the order met, and their nodes after the parts'. */
  g_autoptr(GPtrArray) met = g_ptr_array_new ();
  g_autoptr(GHashTable) met_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) reached = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  g_autoptr(GArray) parents = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) renames = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  GHashTableIter iter;
  gpointer value;

  for (guint s = 0; s < starts->len; s++)
    {
      guint start = g_array_index (starts, guint, s);
      Part part = { start, 0, G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE, all_members->len };

      if (g_array_index (self->items, Item, start).gathered)
        continue;

      g_array_append_val (all_members, start);
      g_array_index (self->items, Item, start).gathered = TRUE;
      for (guint m = part.members; m < all_members->len; m++)
        {
          const Item *member = &g_array_index (self->items, Item, g_array_index (all_members, guint, m));
          int cx = bucket_index (member->x, CLUSTER_REACH), cy = bucket_index (member->y, CLUSTER_REACH);

          for (int bx = cx - 1; bx <= cx + 1; bx++)
            for (int by = cy - 1; by <= cy + 1; by++)
              {
                guint64 key = bucket_key (bx, by);
                GArray *cell = g_hash_table_lookup (cells, &key);

                if (cell == NULL)
                  {
                    GArray *entries = occupancy_cell (&self->unlabelled, bx, by, FALSE);

                    cell = g_array_new (FALSE, FALSE, sizeof (guint));
                    for (guint k = 0; entries != NULL && k < entries->len; k++)
                      {
                        guint position = item_position (self, g_array_index (entries, Entry, k).id);

                        if (!g_array_index (self->items, Item, position).gathered)
                          g_array_append_val (cell, position);
                      }
                    g_hash_table_insert (cells, g_memdup2 (&key, sizeof key), cell);
                  }

                for (guint k = 0; k < cell->len;)
                  {
                    guint position = g_array_index (cell, guint, k);
                    Item *other = &g_array_index (self->items, Item, position);
                    double dx = other->x - member->x, dy = other->y - member->y;
                    gboolean whole;

                    if (other->gathered)
                      {
                        g_array_remove_index_fast (cell, k);
                        continue;
                      }
                    if (dx * dx + dy * dy > CLUSTER_REACH * CLUSTER_REACH)
                      {
                        k++;
                        continue;
                      }

                    whole = other->cluster != 0 && (broken == NULL || !g_hash_table_contains (broken, &other->cluster));
                    if (whole)
                      {
                        /* A member of a cluster taken whole: the part
                         * reaches that cluster. It stays in the cell, for
                         * the other parts that may reach it there. */
                        guint node = GPOINTER_TO_UINT (g_hash_table_lookup (met_index, &other->cluster));
                        guint link[2];

                        if (node == 0)
                          {
                            Group *group = groups != NULL ? g_hash_table_lookup (groups, &other->cluster) : NULL;

                            if (group == NULL)
                              {
                                group = new_group_from_cluster (self, cluster_of_seed (self, other->cluster));
                                g_hash_table_insert (reached, &group->seed, group);
                              }
                            g_ptr_array_add (met, group);
                            node = met->len;
                            g_hash_table_insert (met_index, &group->seed, GUINT_TO_POINTER (node));
                          }
                        link[0] = parts->len;
                        link[1] = node - 1;
                        if (links->len == 0 ||
                            memcmp (&g_array_index (links, guint, 2 * (links->len - 1)), link, sizeof link) != 0)
                          g_array_append_val (links, link);
                        k++;
                        continue;
                      }
                    other->gathered = TRUE;
                    g_array_append_val (all_members, position);
                    g_array_remove_index_fast (cell, k);
                  }
              }
        }

      for (guint m = part.members; m < all_members->len; m++)
        {
          const Item *member = &g_array_index (self->items, Item, g_array_index (all_members, guint, m));
          double r = marker_radius (member->grade);

          add_seed (dissolved, member->cluster);
          part.first = MIN (part.first, g_array_index (all_members, guint, m));
          part.x1 = MIN (part.x1, member->x - r);
          part.y1 = MIN (part.y1, member->y - r);
          part.x2 = MAX (part.x2, member->x + r);
          part.y2 = MAX (part.y2, member->y + r);
        }
      part.n = all_members->len - part.members;
      g_array_append_val (parts, part);
    }

  /* The groups no part reached are clusters of their own. */
  if (groups != NULL)
    {
      g_hash_table_iter_init (&iter, groups);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (!g_hash_table_contains (met_index, &((Group *) value)->seed))
          {
            g_ptr_array_add (met, value);
            g_hash_table_insert (met_index, &((Group *) value)->seed, GUINT_TO_POINTER (met->len));
          }
    }

  /* Parts that reach the same group are one cluster with it. */
  for (guint node = 0; node < parts->len + met->len; node++)
    g_array_append_val (parents, node);
  for (guint l = 0; l < links->len; l++)
    {
      guint a = find_root (parents, g_array_index (links, guint, 2 * l));
      guint b = find_root (parents, parts->len + g_array_index (links, guint, 2 * l + 1));

      /* The smaller node is the root, so that roots come in the parts'
       * order: gathering everything anew gives the clusters in their
       * first members' order. */
      if (a != b)
        g_array_index (parents, guint, MAX (a, b)) = MIN (a, b);
    }

  /* Each root sums up its nodes: its cluster. */
  {
    g_autoptr(GArray) sums = g_array_new (FALSE, TRUE, sizeof (Part));
    g_autoptr(GArray) outputs = g_array_new (FALSE, FALSE, sizeof (guint));

    g_array_set_size (sums, parts->len + met->len);
    for (guint node = 0; node < parts->len + met->len; node++)
      {
        guint root = find_root (parents, node);
        Part *sum = &g_array_index (sums, Part, root);
        guint first, n;
        double x1, y1, x2, y2;

        if (node < parts->len)
          {
            const Part *part = &g_array_index (parts, Part, node);

            first = part->first, n = part->n, x1 = part->x1, y1 = part->y1, x2 = part->x2, y2 = part->y2;
          }
        else
          {
            const Group *group = g_ptr_array_index (met, node - parts->len);

            first = group->first, n = group->n, x1 = group->x1, y1 = group->y1, x2 = group->x2, y2 = group->y2;
          }
        /* A root comes before the other nodes of its tree. */
        if (root == node)
          {
            *sum = (Part) { first, n, x1, y1, x2, y2, 0 };
            g_array_append_val (outputs, root);
            continue;
          }
        sum->first = MIN (sum->first, first);
        sum->n += n;
        sum->x1 = MIN (sum->x1, x1);
        sum->y1 = MIN (sum->y1, y1);
        sum->x2 = MAX (sum->x2, x2);
        sum->y2 = MAX (sum->y2, y2);
      }

    /* Groups' members are renamed after their cluster's first member
     * before the parts' members are: a part's new name may be a group's
     * old one (a product that was the first of a cluster and moved). */
    for (guint g = 0; g < met->len; g++)
      {
        const Group *group = g_ptr_array_index (met, g);
        gint64 seed = g_array_index (self->items, Item,
                                     g_array_index (sums, Part, find_root (parents, parts->len + g)).first).id;

        add_seed (dissolved, group->seed);
        if (seed != group->seed)
          g_array_append_val (renames, ((gint64[2]) { group->seed, seed }));
      }
    for (guint i = 0; renames->len > 0 && i < self->items->len; i++)
      {
        Item *item = &g_array_index (self->items, Item, i);

        if (item->cluster == 0 || item->has_label)
          continue;
        for (guint r = 0; r < renames->len; r++)
          if (item->cluster == g_array_index (renames, gint64, 2 * r))
            {
              item->cluster = g_array_index (renames, gint64, 2 * r + 1);
              break;
            }
      }

    for (guint p = 0; p < parts->len; p++)
      {
        const Part *part = &g_array_index (parts, Part, p);
        gint64 seed = g_array_index (self->items, Item, g_array_index (sums, Part, find_root (parents, p)).first).id;

        for (guint m = part->members; m < part->members + part->n; m++)
          g_array_index (self->items, Item, g_array_index (all_members, guint, m)).cluster = seed;
      }

    for (guint o = 0; o < outputs->len; o++)
      {
        const Part *sum = &g_array_index (sums, Part, g_array_index (outputs, guint, o));
        Cluster cluster = { 0 };

        cluster.n = sum->n;
        cluster.seed = g_array_index (self->items, Item, sum->first).id;
        cluster.markers = (cairo_rectangle_t) { sum->x1, sum->y1, sum->x2 - sum->x1, sum->y2 - sum->y1 };
        cluster.right = sum->x2;
        cluster.bottom = sum->y2;
        g_array_append_val (fresh, cluster);
      }
  }

  for (guint m = 0; m < all_members->len; m++)
    g_array_index (self->items, Item, g_array_index (all_members, guint, m)).gathered = FALSE;
}

static int
compare_clusters (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  IpmsRoadmapChart *self = data;
  guint pa = item_position (self, ((const Cluster *) a)->seed);
  guint pb = item_position (self, ((const Cluster *) b)->seed);

  return pa < pb ? -1 : pa > pb;
}

/* Places the "+N" label of each cluster, in the order of their first
 * members, at the first of the places around its markers that is clear of
 * markers, names and the labels of the clusters before it, or else at the
 * first within the plot. After an edit a cluster that was there keeps its
 * place unless one of its candidates meets a place that changed. */
static void
place_clusters (IpmsRoadmapChart *self,
                Placement        *placement)
{
  for (guint k = 0; k < self->clusters->len; k++)
    {
      Cluster *cluster = &g_array_index (self->clusters, Cluster, k);
      const cairo_rectangle_t *m = &cluster->markers;
      guint position = item_position (self, cluster->seed);
      gboolean placed_before = cluster->text != NULL;
      cairo_rectangle_t candidates[N_CANDIDATES], old = cluster->rect;
      double tw, th;
      guint n, chosen = G_MAXUINT;

      if (placed_before)
        {
          tw = cluster->rect.width;
          th = cluster->rect.height;
        }
      else
        {
          int text_width, text_height;

          /* Translators: on the roadmap, the label of markers too crowded to
           * show their names: "+3" for three more products there */
          cluster->text = g_strdup_printf (_("+%u"), cluster->n);
          ipms_layout_cache_get_size (self->parent_instance.layouts, IPMS_CHART_FONT_SMALL, cluster->text,
                                      &text_width, &text_height);
          tw = text_width + 8;
          th = text_height;
        }
      n = candidates_around (m->x, m->y, m->x + m->width, m->y + m->height, tw, th, candidates);

      if (placed_before && !meets_changed (placement->changed, candidates, n))
        continue;
      if (placed_before)
        occupancy_remove (&self->plus, &old, cluster->seed);

      for (guint c = 0; c < n && chosen == G_MAXUINT; c++)
        if (rect_within (&candidates[c], &self->bounds) && occupancy_free (&self->markers, &candidates[c]) &&
            names_free (self, &candidates[c], WHEN_FIRST, TRUE) && plus_free (self, &candidates[c], position))
          chosen = c;
      /* None is free: the first within the plot, or the first of all. */
      for (guint c = 0; c < n && chosen == G_MAXUINT; c++)
        if (rect_within (&candidates[c], &self->bounds))
          chosen = c;
      cluster->rect = candidates[chosen == G_MAXUINT ? 0 : chosen];
      occupancy_add (&self->plus, &cluster->rect, cluster->seed, 0);

      if (placement->replay && (!placed_before || memcmp (&old, &cluster->rect, sizeof old) != 0))
        {
          if (placed_before)
            {
              g_array_append_val (placement->changed, old);
              damage (self, &old, 2);
            }
          g_array_append_val (placement->changed, cluster->rect);
          damage (self, &cluster->rect, 2);
        }
    }
}

static void
placement_init (Placement *placement,
                gboolean   replay)
{
  placement->replay = replay;
  for (guint g = 0; g < G_N_ELEMENTS (placement->waiting); g++)
    placement->waiting[g] = g_array_new (FALSE, FALSE, sizeof (guint));
  placement->step = -1;
  placement->next = 0;
  placement->activated = g_array_new (FALSE, FALSE, sizeof (guint));
  placement->changed = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
}

static void
placement_clear (Placement *placement)
{
  for (guint g = 0; g < G_N_ELEMENTS (placement->waiting); g++)
    g_array_unref (placement->waiting[g]);
  g_array_unref (placement->activated);
  g_array_unref (placement->changed);
}

/* Where names may go: right of the price axis (or below the time header,
 * flipped) and within the plot across the time; `inside` keeps them within
 * the plot's far edge too, as one that sticks out makes the chart wider
 * than a fitted view. */
static void
label_bounds (IpmsRoadmapChart  *self,
              cairo_rectangle_t *bounds,
              cairo_rectangle_t *inside)
{
  double time_end = self->time_origin + ipms_time_axis_get_width (&self->parent_instance.axis);

  if (self->flipped)
    *bounds = (cairo_rectangle_t) { self->plot_start + 2, self->time_origin - PLOT_PAD,
                                    G_MAXINT, time_end - self->time_origin + 2 * PLOT_PAD };
  else
    *bounds = (cairo_rectangle_t) { self->time_origin - PLOT_PAD, self->plot_start + 1,
                                    G_MAXINT, self->plot_end - self->plot_start - 1 };
  *inside = *bounds;
  inside->width = (self->flipped ? self->plot_end : time_end + PLOT_PAD) - bounds->x;
}

/* Empties the grids, with their cells over the chart, names and all, in
 * arrays. */
static void
clear_grids (IpmsRoadmapChart *self)
{
  double time_end = self->time_origin + ipms_time_axis_get_width (&self->parent_instance.axis);
  double across = (self->flipped ? self->plot_end : time_end) + 2 * self->max_name_width + 64;
  double along = (self->flipped ? time_end : self->plot_end) + 64;
  cairo_rectangle_t chart = { -64, -64, across + 64, along + 64 };

  occupancy_clear (&self->markers, &chart);
  occupancy_clear (&self->names, &chart);
  occupancy_clear (&self->lines, &chart);
  occupancy_clear (&self->today_line, &chart);
  occupancy_clear (&self->plus, &chart);
  occupancy_clear (&self->unlabelled, &chart);
}

static void
place_labels_anew (IpmsRoadmapChart *self)
{
  Placement placement;
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) dissolved = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  self->max_name_width = 0;
  self->max_name_height = 0;
  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);

      self->max_name_width = MAX (self->max_name_width, item->name_width);
      self->max_name_height = MAX (self->max_name_height, item->name_height);
    }

  clear_grids (self);
  label_bounds (self, &self->bounds, &self->inside);
  placement_init (&placement, FALSE);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      cairo_rectangle_t marker = marker_rect (item);

      item->has_label = FALSE;
      item->label_step = NO_STEP;
      item->cluster = 0;
      item->active = FALSE;
      item->fresh = FALSE;
      item->tested_markers = 0;
      item->clear_of_markers = 0;
      occupancy_add (&self->markers, &marker, item->id, 0);
      g_array_append_val (placement.waiting[MIN (item->grade, 4)], i);
    }
  add_line_obstacles (self);

  place_names (self, &placement);

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      cairo_rectangle_t point = point_rect (item);

      if (item->has_label)
        continue;
      occupancy_add (&self->unlabelled, &point, item->id, 0);
      g_array_append_val (starts, i);
    }
  g_array_set_size (self->clusters, 0);
  gather_clusters (self, starts, dissolved, NULL, NULL, self->clusters);
  place_clusters (self, &placement);

  placement_clear (&placement);
}

/* A marker that left the unlabelled ones since the last placement: its
 * product went, or its name found a place. */
typedef struct
{
  gint64 id;
  gint64 cluster;   /* the first member of the cluster it was in */
  double x;
  double y;
  double radius;
} Leaver;

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 ia = *(const gint64 *) a, ib = *(const gint64 *) b;

  return ia < ib ? -1 : ia > ib;
}

/* `ids` sorted. An empty GArray has no data, which bsearch() must not get. */
static gboolean
sorted_ids_contain (GArray *ids,
                    gint64  id)
{
  return ids->len > 0 && bsearch (&id, ids->data, ids->len, sizeof (gint64), compare_ids) != NULL;
}

/* A copy of the unlabelled markers' cell at `key` (Entry), keeping those
 * within `window` that are not of `joined`. */
static GArray *
local_cell (IpmsRoadmapChart        *self,
            GHashTable              *cells,
            guint64                  key,
            const cairo_rectangle_t *window,
            GArray                  *joined)
{
  GArray *cell = g_hash_table_lookup (cells, &key);
  GArray *entries;

  if (cell != NULL)
    return cell;

  cell = g_array_new (FALSE, FALSE, sizeof (Entry));
  entries = occupancy_cell (&self->unlabelled, (int) (key >> 32), (int) (guint32) key, FALSE);
  for (guint k = 0; entries != NULL && k < entries->len; k++)
    {
      const Entry *entry = &g_array_index (entries, Entry, k);

      if (entry->rect.x >= window->x && entry->rect.x <= window->x + window->width &&
          entry->rect.y >= window->y && entry->rect.y <= window->y + window->height &&
          !sorted_ids_contain (joined, entry->id))
        g_array_append_val (cell, *entry);
    }
  g_hash_table_insert (cells, g_memdup2 (&key, sizeof key), cell);

  return cell;
}

/* Whether the members an old cluster keeps after `leavers` (its members
 * that left) are still all within reach of each other, one through
 * another: then it stays one cluster, and need not be gathered again
 * marker by marker. `joined` (sorted ids) are the markers that joined the
 * unlabelled ones since; the grid holds them as they are now.
 *
 * Any member kept reaches, through members, one that was within reach of
 * a leaver (that is how it reached the leaver); so those, the
 * neighbours, being linked is enough. Apart from what joined, the
 * unlabelled markers within reach of a member kept are members too. The
 * search looks for links within two reaches around the leavers only:
 * when it finds none the cluster may still be whole, and is gathered
 * again to know. */
static gboolean
still_whole (IpmsRoadmapChart *self,
             const Leaver     *leavers,
             guint             n_leavers,
             GArray           *joined)
{
  g_autoptr(GHashTable) cells = g_hash_table_new_full (bucket_hash, g_int64_equal, g_free,
                                                       (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) neighbours = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (Entry));
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;
  cairo_rectangle_t window;
  guint found = 0;

  for (guint l = 0; l < n_leavers; l++)
    {
      const Leaver *leaver = &leavers[l];
      cairo_rectangle_t reach = { leaver->x - CLUSTER_REACH, leaver->y - CLUSTER_REACH,
                                  2 * CLUSTER_REACH, 2 * CLUSTER_REACH };
      EntryIter iter;
      const Entry *entry;

      x1 = MIN (x1, leaver->x);
      y1 = MIN (y1, leaver->y);
      x2 = MAX (x2, leaver->x);
      y2 = MAX (y2, leaver->y);
      entry_iter_init (&iter, &self->unlabelled, &reach);
      while ((entry = entry_iter_next (&iter)) != NULL)
        {
          double dx = entry->rect.x - leaver->x, dy = entry->rect.y - leaver->y;

          if (dx * dx + dy * dy > CLUSTER_REACH * CLUSTER_REACH ||
              sorted_ids_contain (joined, entry->id) ||
              g_hash_table_contains (neighbours, &entry->id))
            continue;
          g_hash_table_add (neighbours, g_memdup2 (&entry->id, sizeof entry->id));
          if (queue->len == 0)
            g_array_append_val (queue, *entry);
        }
    }
  if (queue->len == 0)
    return FALSE;

  window = (cairo_rectangle_t) { x1 - 2 * CLUSTER_REACH, y1 - 2 * CLUSTER_REACH,
                                 x2 - x1 + 4 * CLUSTER_REACH, y2 - y1 + 4 * CLUSTER_REACH };

  /* The first neighbour is reached: out of its cell. */
  {
    const Entry *start = &g_array_index (queue, Entry, 0);
    GArray *cell = local_cell (self, cells, bucket_key (bucket_index (start->rect.x, CLUSTER_REACH),
                                                        bucket_index (start->rect.y, CLUSTER_REACH)),
                               &window, joined);

    for (guint k = 0; k < cell->len; k++)
      if (g_array_index (cell, Entry, k).id == start->id)
        {
          g_array_remove_index_fast (cell, k);
          break;
        }
    found = 1;
  }

  for (guint q = 0; q < queue->len; q++)
    {
      Entry member = g_array_index (queue, Entry, q);
      int cx = bucket_index (member.rect.x, CLUSTER_REACH), cy = bucket_index (member.rect.y, CLUSTER_REACH);

      if (found == g_hash_table_size (neighbours))
        return TRUE;

      for (int bx = cx - 1; bx <= cx + 1; bx++)
        for (int by = cy - 1; by <= cy + 1; by++)
          {
            GArray *cell = local_cell (self, cells, bucket_key (bx, by), &window, joined);

            for (guint k = 0; k < cell->len;)
              {
                const Entry *other = &g_array_index (cell, Entry, k);
                double dx = other->rect.x - member.rect.x, dy = other->rect.y - member.rect.y;

                if (dx * dx + dy * dy > CLUSTER_REACH * CLUSTER_REACH)
                  {
                    k++;
                    continue;
                  }
                if (g_hash_table_contains (neighbours, &other->id))
                  found++;
                g_array_append_val (queue, *other);
                g_array_remove_index_fast (cell, k);
              }
          }
    }

  return found == g_hash_table_size (neighbours);
}

/* The old cluster `cluster` less its `leavers`, as a group that a
 * gathering can take whole (see gather_clusters()); NULL when it must be
 * gathered again (or is gone). */
static Group *
group_from_remains (IpmsRoadmapChart *self,
                    const Cluster    *cluster,
                    const Leaver     *leavers,
                    guint             n_leavers,
                    GArray           *joined)
{
  Group *group;
  gboolean edge = FALSE;

  if (n_leavers >= cluster->n || !still_whole (self, leavers, n_leavers, joined))
    return NULL;

  group = g_new (Group, 1);
  *group = (Group) { cluster->seed, cluster->n - n_leavers, 0,
                     cluster->markers.x, cluster->markers.y, cluster->right, cluster->bottom };

  /* Its first member and its box stay unless a leaver was the one or
   * lay on the other. */
  for (guint l = 0; l < n_leavers; l++)
    {
      const Leaver *leaver = &leavers[l];

      if (leaver->id == cluster->seed ||
          leaver->x - leaver->radius <= group->x1 || leaver->y - leaver->radius <= group->y1 ||
          leaver->x + leaver->radius >= group->x2 || leaver->y + leaver->radius >= group->y2)
        edge = TRUE;
    }
  if (!edge)
    {
      group->first = item_position (self, cluster->seed);
      return group;
    }

  /* Those left are the unlabelled items still named after it. */
  group->first = G_MAXUINT;
  group->x1 = group->y1 = G_MAXDOUBLE;
  group->x2 = group->y2 = -G_MAXDOUBLE;
  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      double r;

      if (item->cluster != cluster->seed || item->has_label)
        continue;
      r = marker_radius (item->grade);
      group->first = MIN (group->first, i);
      group->x1 = MIN (group->x1, item->x - r);
      group->y1 = MIN (group->y1, item->y - r);
      group->x2 = MAX (group->x2, item->x + r);
      group->y2 = MAX (group->y2, item->y + r);
    }
  g_assert (group->first != G_MAXUINT);

  return group;
}

/* Where a product taken out fell in the items' order now. */
static double
gone_position (IpmsRoadmapChart *self,
               const Item       *gone)
{
  guint lo = 0, hi = self->items->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (compare_items (&g_array_index (self->items, Item, mid), gone) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo - 0.5;
}

/* After update_products(): the products in `gone` were taken out and
 * those marked `fresh` put in, and the rest did not move. The grids lose
 * and gain their markers and names, the items whose choices those reach
 * choose again, and the clusters whose members changed are gathered and
 * placed again. The outcome is what place_labels_anew() would give. */
static void
place_labels_again (IpmsRoadmapChart *self)
{
  Placement placement;
  cairo_rectangle_t bounds, inside;
  g_autoptr(GHashTable) dissolved = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) fresh_clusters = g_array_new (FALSE, TRUE, sizeof (Cluster));
  g_autoptr(GArray) leavers = g_array_new (FALSE, FALSE, sizeof (Leaver));
  g_autoptr(GArray) joined = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  g_autoptr(GHashTable) broken = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GArray *clusters;
  guint f;

  label_bounds (self, &bounds, &inside);
  if (memcmp (&bounds, &self->bounds, sizeof bounds) != 0 || memcmp (&inside, &self->inside, sizeof inside) != 0)
    {
      ipms_timeline_chart_damage (IPMS_TIMELINE_CHART (self), NULL);
      place_labels_anew (self);
      return;
    }
  placement_init (&placement, TRUE);

  for (guint i = 0; i < self->gone->len; i++)
    {
      const Item *gone = &g_array_index (self->gone, Item, i);
      cairo_rectangle_t marker = marker_rect (gone), point = point_rect (gone);

      occupancy_remove (&self->markers, &marker, gone->id);
      damage_marker (self, gone);
      if (gone->has_label)
        {
          cairo_rectangle_t label = label_rect (gone);

          occupancy_remove (&self->names, &label, gone->id);
          damage (self, &label, 2);
        }
      else
        {
          occupancy_remove (&self->unlabelled, &point, gone->id);
          add_seed (dissolved, gone->cluster);
          g_array_append_val (leavers, ((Leaver) { gone->id, gone->cluster, gone->x, gone->y,
                                                   marker_radius (gone->grade) }));
        }
    }
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      cairo_rectangle_t marker;

      if (!item->fresh)
        continue;
      marker = marker_rect (item);
      item->has_label = FALSE;
      item->label_step = NO_STEP;
      item->cluster = 0;
      item->active = FALSE;
      self->max_name_width = MAX (self->max_name_width, item->name_width);
      self->max_name_height = MAX (self->max_name_height, item->name_height);
      occupancy_add (&self->markers, &marker, item->id, 0);
      damage_marker (self, item);
    }

  /* Now that the grids hold what is there, the items near what changed
   * are found by their markers. */
  for (guint i = 0; i < self->gone->len; i++)
    {
      const Item *gone = &g_array_index (self->gone, Item, i);
      cairo_rectangle_t marker = marker_rect (gone);

      affect (self, &placement, &marker, WHEN_FIRST);
      if (gone->has_label)
        {
          cairo_rectangle_t label = label_rect (gone);

          affect (self, &placement, &label, (When) { gone->label_step, gone_position (self, gone) });
        }
    }
  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      cairo_rectangle_t marker;

      if (!item->fresh)
        continue;
      marker = marker_rect (item);
      activate (self, &placement, i, WHEN_FIRST);
      affect (self, &placement, &marker, WHEN_FIRST);
    }
  g_array_set_size (self->gone, 0);

  place_names (self, &placement);

  /* Markers that lost or gained their names leave or join clusters. */
  for (guint a = 0; a < placement.activated->len; a++)
    {
      guint position = g_array_index (placement.activated, guint, a);
      Item *item = &g_array_index (self->items, Item, position);
      cairo_rectangle_t point = point_rect (item);

      if (!item->has_label)
        item->label_step = NO_STEP;
      if (item->fresh || item->was_labelled)
        {
          if (!item->has_label)
            {
              occupancy_add (&self->unlabelled, &point, item->id, 0);
              g_array_append_val (starts, position);
            }
        }
      else if (item->has_label)
        {
          occupancy_remove (&self->unlabelled, &point, item->id);
          add_seed (dissolved, item->cluster);
          g_array_append_val (leavers, ((Leaver) { item->id, item->cluster, item->x, item->y,
                                                   marker_radius (item->grade) }));
          item->cluster = 0;
        }
      item->active = FALSE;
      item->fresh = FALSE;
    }
  for (guint s = 0; s < starts->len; s++)
    g_array_append_val (joined, g_array_index (self->items, Item, g_array_index (starts, guint, s)).id);
  g_array_sort (joined, compare_ids);

  /* A cluster that lost members and is still whole without them is taken
   * whole (see gather_clusters()); the members of any other that lost one
   * gather again. Those that gained one gather with it. */
  for (guint k = 0; k < self->clusters->len; k++)
    {
      const Cluster *cluster = &g_array_index (self->clusters, Cluster, k);
      g_autoptr(GArray) own = NULL;
      EntryIter iter;
      const Entry *entry;
      Group *group;

      if (!g_hash_table_contains (dissolved, &cluster->seed))
        continue;
      own = g_array_new (FALSE, FALSE, sizeof (Leaver));
      for (guint l = 0; l < leavers->len; l++)
        if (g_array_index (leavers, Leaver, l).cluster == cluster->seed)
          g_array_append_val (own, g_array_index (leavers, Leaver, l));
      group = group_from_remains (self, cluster, (const Leaver *) own->data, own->len, joined);
      if (group != NULL)
        {
          g_hash_table_insert (groups, &group->seed, group);
          continue;
        }
      add_seed (broken, cluster->seed);
      entry_iter_init (&iter, &self->unlabelled, &cluster->markers);
      while ((entry = entry_iter_next (&iter)) != NULL)
        {
          guint position = item_position (self, entry->id);

          if (g_array_index (self->items, Item, position).cluster == cluster->seed)
            g_array_append_val (starts, position);
        }
    }
  gather_clusters (self, starts, dissolved, broken, groups, fresh_clusters);
  g_array_sort_with_data (fresh_clusters, compare_clusters, self);

  /* The clusters that stay keep their order; the new ones join them by
   * their first members. */
  clusters = g_array_sized_new (FALSE, TRUE, sizeof (Cluster), self->clusters->len + fresh_clusters->len);
  g_array_set_clear_func (clusters, clear_cluster);
  f = 0;
  for (guint k = 0; k < self->clusters->len; k++)
    {
      Cluster *cluster = &g_array_index (self->clusters, Cluster, k);
      guint position;

      if (g_hash_table_contains (dissolved, &cluster->seed))
        {
          occupancy_remove (&self->plus, &cluster->rect, cluster->seed);
          g_array_append_val (placement.changed, cluster->rect);
          damage (self, &cluster->rect, 2);
          continue;
        }
      position = item_position (self, cluster->seed);
      while (f < fresh_clusters->len &&
             item_position (self, g_array_index (fresh_clusters, Cluster, f).seed) < position)
        g_array_append_val (clusters, g_array_index (fresh_clusters, Cluster, f++));
      g_array_append_val (clusters, *cluster);
      cluster->text = NULL;
    }
  while (f < fresh_clusters->len)
    g_array_append_val (clusters, g_array_index (fresh_clusters, Cluster, f++));
  g_array_set_size (fresh_clusters, 0);
  g_array_unref (self->clusters);
  self->clusters = clusters;

  place_clusters (self, &placement);
  placement_clear (&placement);
}

static void
place_labels (IpmsRoadmapChart *self)
{
  if (self->replay)
    place_labels_again (self);
  else
    place_labels_anew (self);
  self->replay = FALSE;
}

/* The prices' column: as wide as the widest of the price labels at the
 * ends of the axis (the longest in practice) and the axis's name. */
static double
price_column_width (IpmsRoadmapChart *self)
{
  const double ends[] = { self->price_min, self->price_max };
  double width = TICK_COLUMN_MIN;
  int tw, th;

  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      g_autofree char *text = ipms_format_price (ends[i], self->currency);

      ipms_layout_cache_get_size (self->parent_instance.layouts, IPMS_CHART_FONT_SMALL, text, &tw, &th);
      width = MAX (width, tw + 16);
    }
  ipms_layout_cache_get_size (self->parent_instance.layouts, IPMS_CHART_FONT_BODY_BOLD, _("Price"), &tw, &th);

  return MAX (width, tw + 16);
}

static double paint_grade_keys (IpmsRoadmapChart       *self,
                                cairo_t                *cr,
                                const IpmsChartPalette *palette,
                                double                  x,
                                double                  y);

/* An item for a product row; FALSE when the product has no launch date
 * or price to show. */
static gboolean
item_from_record (IpmsRoadmapChart *self,
                  IpmsRecord       *record,
                  Item             *item)
{
  IpmsColor *color;
  gint64 series_id;

  *item = (Item) { 0 };
  item->launch = ipms_time_day_from_iso (ipms_record_get_string (record, "launch_date"));
  if (item->launch == 0 || ipms_record_is_null (record, "price") ||
      isnan (ipms_record_get_double (record, "price")))
    return FALSE;

  item->id = ipms_record_get_id (record);
  item->record = g_object_ref (record);
  item->price = clamp_price (ipms_record_get_double (record, "price"));
  item->grade = grade_index (ipms_record_get_string (record, "grade"));
  ipms_layout_cache_get_size (self->parent_instance.layouts, IPMS_CHART_FONT_SMALL,
                              ipms_record_get_string (record, "name"), &item->name_width, &item->name_height);
  series_id = ipms_record_get_int (record, "series_id");
  color = series_id != 0 ? g_hash_table_lookup (self->series_color, &series_id) : NULL;
  if (color != NULL)
    item->color = *color;
  else
    item->color = ipms_chart_style_get_palette (self->dark)->dim_foreground;
  return TRUE;
}

/* The order of the products' query: by launch date, then id. */
static int
compare_items (const Item *a,
               const Item *b)
{
  int order = g_strcmp0 (ipms_record_get_string (a->record, "launch_date"),
                         ipms_record_get_string (b->record, "launch_date"));

  if (order != 0)
    return order;
  return a->id < b->id ? -1 : a->id > b->id;
}

static void finish_layout (IpmsRoadmapChart *self);

static int
compare_positions_down (gconstpointer a,
                        gconstpointer b)
{
  guint pa = *(const guint *) a, pb = *(const guint *) b;

  return pa > pb ? -1 : pa < pb;
}

/* Takes the touched products out and puts them back where their launch
 * and price now put them, without querying the other thousands. That
 * holds while the time axis and the price axis stay as they were; the
 * labels are then placed again around what changed, as a new layout
 * would place them. */
static gboolean
update_products (IpmsTimelineChart *chart,
                 GHashTable        *ids)
{
  IpmsRoadmapChart *self = IPMS_ROADMAP_CHART (chart);
  double old_min = self->price_min, old_max = self->price_max, old_step = self->price_step;
  guint old_ticks = self->price_ticks;
  g_autoptr(GArray) old_knots = g_array_copy (self->knots);
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  IpmsTimelineItemsChange change = IPMS_TIMELINE_ITEMS_CHANGE_INIT;
  GHashTableIter iter;
  gpointer key;

  if (!ipms_timeline_chart_update_axis (chart, ids, self->flipped ? FIT_WIDTH * 0.8 : FIT_WIDTH))
    return FALSE;

  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint position;

      if (ipms_id_index_lookup (self->item_index, *(gint64 *) key, &position))
        g_array_append_val (positions, position);
    }
  /* From the end, so that each position still holds its item; the names
   * are placed again from what they were (see place_labels_again()). */
  g_array_set_size (self->gone, 0);
  g_array_sort (positions, compare_positions_down);
  for (guint i = 0; i < positions->len; i++)
    {
      Item gone = g_array_index (self->items, Item, g_array_index (positions, guint, i));

      g_object_ref (gone.record);
      g_array_append_val (self->gone, gone);
      ipms_timeline_items_change_removed (&change, g_array_index (positions, guint, i));
      g_array_remove_index (self->items, g_array_index (positions, guint, i));
    }

  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      IpmsRecord *record = ipms_document_get_record (chart->document, "product", *(gint64 *) key);
      guint lo = 0, hi = self->items->len;
      Item item;

      if (record == NULL || !ipms_record_is_alive (record) || !item_from_record (self, record, &item))
        continue;

      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (compare_items (&g_array_index (self->items, Item, mid), &item) < 0)
            lo = mid + 1;
          else
            hi = mid;
        }
      item.fresh = TRUE;
      ipms_timeline_items_change_inserted (&change, lo);
      g_array_insert_val (self->items, lo, item);
    }
  ipms_timeline_items_reindex (self->items, self->item_index, ids, &change);

  /* A price beyond the axis's ends (or a last one gone) moves every item. */
  price_range (self);
  band_knots (self);
  if (self->price_min != old_min || self->price_max != old_max || self->price_step != old_step ||
      self->price_ticks != old_ticks || self->knots->len != old_knots->len ||
      (old_knots->len > 0 &&
       memcmp (self->knots->data, old_knots->data, old_knots->len * sizeof (double)) != 0))
    return FALSE;

  self->replay = TRUE;
  finish_layout (self);
  return TRUE;
}

/* The series keys in rows no wider than the legend may be, after their
 * title; the grades' keys on a row of their own. */
static void
flow_legend (IpmsRoadmapChart *self)
{
  double wrap = LEGEND_WRAP;
  double x = self->title_key_width;
  guint row = 0;

  if (self->legend_room > 0)
    wrap = MAX (self->legend_room - LEGEND_LEFT - LEGEND_PAD, LEGEND_WRAP_MIN);

  self->legend_width = self->grade_keys_width;
  for (guint i = 0; i < self->series_keys->len; i++)
    {
      SeriesKey *key = &g_array_index (self->series_keys, SeriesKey, i);

      if (x > self->title_key_width && x + key->width > wrap)
        {
          /* Rows after the first start under the first key. */
          x = self->title_key_width;
          row++;
        }
      key->x = x;
      key->row = row;
      x += key->width;
      self->legend_width = MAX (self->legend_width, x);
    }
  self->legend_rows = row + 2;
}

/* The series, their colours and the legend's keys, read again after a
 * change of the rows; the price axis's length waits on the rows they take
 * (ipms_roadmap_chart_get_price_chrome()), which needs no layout. */
static void
ensure_legend (IpmsRoadmapChart *self)
{
  g_autoptr(GPtrArray) series = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  const IpmsChartPalette *palette = ipms_chart_style_get_palette (self->dark);

  if (self->legend_generation == self->parent_instance.generation)
    return;
  self->legend_generation = self->parent_instance.generation;

  g_array_set_size (self->series_keys, 0);
  g_hash_table_remove_all (self->series_color);
  g_clear_pointer (&self->grades, g_ptr_array_unref);
  self->grades = ipms_document_query (self->parent_instance.document, "grade", NULL, 0, NULL);

  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  self->title_key_width = ipms_chart_style_draw_legend_title (cr, palette, 0, 0, _("Series"));
  self->grade_keys_width = paint_grade_keys (self, cr, palette, 0, 0);

  series = ipms_document_query (self->parent_instance.document, "series", NULL, 0, "position");
  for (guint i = 0; i < series->len; i++)
    {
      IpmsRecord *record = g_ptr_array_index (series, i);
      gint64 *key = g_new (gint64, 1);
      IpmsColor *color = g_new (IpmsColor, 1);
      SeriesKey series_key = { 0 };

      *key = ipms_record_get_id (record);
      ipms_chart_style_get_series_color (ipms_record_get_string (record, "color"), i, self->dark, color);
      g_hash_table_insert (self->series_color, key, color);
      series_key.name = g_strdup (ipms_record_get_string (record, "name"));
      series_key.color = *color;
      series_key.width = ipms_chart_style_draw_legend_swatch (cr, palette, 0, 0, &series_key.color, NULL,
                                                              series_key.name);
      g_array_append_val (self->series_keys, series_key);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  flow_legend (self);
}

static void
ensure_layout (IpmsRoadmapChart *self)
{
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(GPtrArray) bands = NULL;
  IpmsRecord *project;

  if (!ipms_timeline_chart_begin_layout (IPMS_TIMELINE_CHART (self)))
    return;

  /* An update that gave up half-way left places to replay: none now. */
  self->replay = FALSE;
  g_array_set_size (self->gone, 0);
  g_array_set_size (self->items, 0);
  g_array_set_size (self->bands, 0);

  products = ipms_document_query (self->parent_instance.document, "product", NULL, 0, "launch_date");
  ipms_timeline_chart_layout_axis (IPMS_TIMELINE_CHART (self), products,
                                   self->flipped ? FIT_WIDTH * 0.8 : FIT_WIDTH);

  ensure_legend (self);

  project = ipms_document_get_project (self->parent_instance.document);
  g_free (self->currency);
  self->currency = g_strdup (project != NULL ? ipms_record_get_string (project, "currency") : "");

  bands = ipms_document_query (self->parent_instance.document, "price_band", NULL, 0, "min_price");
  for (guint i = 0; i < bands->len; i++)
    {
      IpmsRecord *record = g_ptr_array_index (bands, i);
      Band band = { ipms_record_get_id (record), g_object_ref (record),
                    clamp_price (ipms_record_get_double (record, "min_price")),
                    clamp_price (ipms_record_get_double (record, "max_price")) };

      g_array_append_val (self->bands, band);
    }

  for (guint i = 0; i < products->len; i++)
    {
      Item item;

      if (item_from_record (self, g_ptr_array_index (products, i), &item))
        g_array_append_val (self->items, item);
    }

  ipms_timeline_items_index (self->items, self->item_index);

  price_range (self);
  band_knots (self);

  finish_layout (self);
}

/* A new zoom or price axis length: the items, bands and legend stay, their
 * places follow. At 10,000 products, reading and sorting the rows again
 * was 40 % of a layout, and a fit lays the chart out once a try. */
static void
update_geometry (IpmsTimelineChart *chart)
{
  IpmsRoadmapChart *self = IPMS_ROADMAP_CHART (chart);

  /* As in a new layout: every place is made again. */
  self->replay = FALSE;
  g_array_set_size (self->gone, 0);
  ipms_timeline_chart_relayout_axis (chart, self->flipped ? FIT_WIDTH * 0.8 : FIT_WIDTH);
  finish_layout (self);
}

/* Across the time axis of a chart not flipped, the height but the price
 * axis: the title, the header rows, the plot's padding and the legend.
 * None of it depends on the products, so it needs no layout. */
static double
height_but_prices (IpmsRoadmapChart *self)
{
  double title = self->parent_instance.show_title ? TITLE_HEIGHT : 0;

  return title + 2 * IPMS_TIMELINE_HEADER_ROW + 2 * PLOT_PAD + 8 +
         2 * LEGEND_PAD + self->legend_rows * ipms_chart_style_legend_row_height ();
}

/* What follows from the items and the price axis: the columns, the items'
 * places and their labels, the size. */
static void
finish_layout (IpmsRoadmapChart *self)
{
  double title = self->parent_instance.show_title ? TITLE_HEIGHT : 0;
  double time_length = ipms_time_axis_get_width (&self->parent_instance.axis);

  /* The band names' column is as wide as the longest name, within reason:
   * fixed, it took a fifth of a small view. */
  self->band_column = BAND_COLUMN_MIN;
  for (guint i = 0; i < self->bands->len; i++)
    {
      int tw, th;

      ipms_layout_cache_get_size (self->parent_instance.layouts, IPMS_CHART_FONT_BODY_BOLD,
                                  ipms_record_get_string (g_array_index (self->bands, Band, i).record, "name"), &tw, &th);
      self->band_column = CLAMP (tw + 32, self->band_column, BAND_COLUMN_MAX);
    }

  if (self->flipped)
    {
      /* Time down the left (two header columns), price across the top. */
      double top = title + 2 * IPMS_TIMELINE_HEADER_ROW;

      self->time_origin = top + PLOT_PAD;
      self->price_length = self->price_length_request > 0 ? self->price_length_request : PRICE_LENGTH_FLIPPED;
      self->price_pos = 2 * IPMS_TIMELINE_HEADER_COLUMN + PLOT_PAD + 24;
      self->plot_start = 2 * IPMS_TIMELINE_HEADER_COLUMN;
      self->plot_end = self->price_pos + self->price_length + 24;
      {
        int tw, th;

        /* Room for the axis's name after its last price. */
        ipms_layout_cache_get_size (self->parent_instance.layouts, IPMS_CHART_FONT_BODY_BOLD, _("Price"), &tw, &th);
        self->width = self->plot_end + 8 + tw + LEGEND_PAD;
      }
      self->legend_top = self->time_origin + time_length + PLOT_PAD;
    }
  else
    {
      double top = title + 2 * IPMS_TIMELINE_HEADER_ROW;

      self->time_origin = self->band_column + price_column_width (self);
      self->price_length = self->price_length_request > 0 ? self->price_length_request : PRICE_LENGTH;
      self->price_pos = top + PLOT_PAD + self->price_length;
      self->plot_start = top;
      self->plot_end = self->price_pos + PLOT_PAD + 8;
      self->width = self->time_origin + time_length + 2 * PLOT_PAD;
      self->legend_top = self->plot_end;
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      to_point (self, item->launch, item->price, &item->x, &item->y);
    }

  place_labels (self);

  /* The chart reaches as far as its labels and its legend do. */
  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);

      if (item->has_label)
        self->width = MAX (self->width, item->label_x + item->label_width + LEGEND_PAD);
    }
  for (guint i = 0; i < self->clusters->len; i++)
    {
      const Cluster *cluster = &g_array_index (self->clusters, Cluster, i);

      self->width = MAX (self->width, cluster->rect.x + cluster->rect.width + LEGEND_PAD);
    }
  self->width = MAX (self->width, LEGEND_LEFT + self->legend_width + LEGEND_PAD);

  if (self->flipped)
    self->height = self->legend_top + 2 * LEGEND_PAD + self->legend_rows * ipms_chart_style_legend_row_height ();
  else
    self->height = self->price_length + height_but_prices (self);
}

static const Item *
find_item (IpmsRoadmapChart *self,
           gint64            id)
{
  return ipms_timeline_items_find (self->items, self->item_index, id);
}

/* The cluster whose first member is `seed`: they are in their first
 * members' order. */
static const Cluster *
find_cluster (IpmsRoadmapChart *self,
              gint64            seed)
{
  guint position = item_position (self, seed);
  guint lo = 0, hi = self->clusters->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (item_position (self, g_array_index (self->clusters, Cluster, mid).seed) < position)
        lo = mid + 1;
      else
        hi = mid;
    }
  g_assert (lo < self->clusters->len);

  return &g_array_index (self->clusters, Cluster, lo);
}

/* Painting */

static void
shape_path (cairo_t *cr,
            guint    grade,
            double   cx,
            double   cy,
            double   r)
{
  switch (grade)
    {
    case 0: /* R: a star, the flagship */
      for (guint i = 0; i < 10; i++)
        {
          double angle = -G_PI / 2 + i * G_PI / 5;
          double radius = i % 2 == 0 ? r * 1.15 : r * 0.55;

          if (i == 0)
            cairo_move_to (cr, cx + radius * cos (angle), cy + radius * sin (angle));
          else
            cairo_line_to (cr, cx + radius * cos (angle), cy + radius * sin (angle));
        }
      cairo_close_path (cr);
      break;
    case 1: /* S: a diamond */
      cairo_move_to (cr, cx, cy - r * 1.2);
      cairo_line_to (cr, cx + r * 1.2, cy);
      cairo_line_to (cr, cx, cy + r * 1.2);
      cairo_line_to (cr, cx - r * 1.2, cy);
      cairo_close_path (cr);
      break;
    case 2: /* A: a circle */
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      cairo_close_path (cr);
      break;
    case 3: /* B: a square */
      cairo_rectangle (cr, cx - r * 0.9, cy - r * 0.9, r * 1.8, r * 1.8);
      break;
    case 4: /* F: a triangle */
    default:
      cairo_move_to (cr, cx, cy - r * 1.15);
      cairo_line_to (cr, cx + r * 1.1, cy + r * 0.8);
      cairo_line_to (cr, cx - r * 1.1, cy + r * 0.8);
      cairo_close_path (cr);
      break;
    }
}

static void
paint_marker (IpmsRoadmapChart       *self,
              cairo_t                *cr,
              const IpmsChartPalette *palette,
              guint                   grade,
              const IpmsColor        *color,
              double                  cx,
              double                  cy)
{
  double r = marker_radius (grade);
  double luminance = 0.2126 * color->red + 0.7152 * color->green + 0.0722 * color->blue;
  static const IpmsColor black = { 0, 0, 0, 1 }, white = { 1, 1, 1, 1 };
  PangoLayout *letter = ipms_layout_cache_get (self->parent_instance.layouts, IPMS_CHART_FONT_SMALL,
                                               ipms_grade_codes[MIN (grade, 4)]);
  int tw, th;

  shape_path (cr, grade, cx, cy, r);
  ipms_chart_style_set_source (cr, color);
  cairo_fill_preserve (cr);
  ipms_chart_style_set_source (cr, &palette->background);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);

  /* The letter repeats the shape for readers who cannot tell shapes apart. */
  pango_layout_get_pixel_size (letter, &tw, &th);
  ipms_chart_style_show_layout (cr, letter, cx - tw / 2.0, cy - th / 2.0 + (grade == 4 ? 2 : 0),
                                luminance > 0.55 ? &black : &white);
}

/* On screen a marker is stamped from a small image made once per grade,
 * colour and scale: 2,000 antialiased shapes with outlines and letters
 * otherwise cost tens of milliseconds a frame. Print keeps true vectors. */
static void
paint_marker_fast (IpmsRoadmapChart            *self,
                   cairo_t                     *cr,
                   const IpmsChartPalette      *palette,
                   const IpmsChartPaintOptions *options,
                   guint                        grade,
                   const IpmsColor             *color,
                   double                       cx,
                   double                       cy)
{
  double scale = options->scale > 0 ? options->scale : 1.0;
  double half = ceil (marker_radius (grade) * 1.25 + 3);
  gint64 key;
  cairo_surface_t *sprite;

  if (options->for_print)
    {
      paint_marker (self, cr, palette, grade, color, cx, cy);
      return;
    }

  /* Packed rather than printed: this runs once per marker per frame. */
  key = ((gint64) MIN (grade, 7) << 56) |
        ((gint64) (palette == ipms_chart_style_get_palette (TRUE)) << 55) |
        ((gint64) MIN (scale * 100, 65535) << 32) |
        ((gint64) (color->red * 255 + 0.5) << 16) |
        ((gint64) (color->green * 255 + 0.5) << 8) |
        (gint64) (color->blue * 255 + 0.5);
  sprite = g_hash_table_lookup (self->sprites, &key);
  if (sprite == NULL)
    {
      int size = (int) ceil (2 * half * scale);
      cairo_t *sprite_cr;

      sprite = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
      cairo_surface_set_device_scale (sprite, scale, scale);
      sprite_cr = cairo_create (sprite);
      paint_marker (self, sprite_cr, palette, grade, color, half, half);
      cairo_destroy (sprite_cr);
      g_hash_table_insert (self->sprites, g_memdup2 (&key, sizeof key), sprite);
    }

  /* Whole device pixels, so that the stamp is copied, not resampled. */
  cairo_set_source_surface (cr, sprite, round ((cx - half) * scale) / scale, round ((cy - half) * scale) / scale);
  cairo_paint (cr);
}

/* Band bounds as painted: a boundary being dragged is where the pointer is. */
static void
band_bounds (IpmsRoadmapChart *self,
             const Band       *band,
             double           *lo,
             double           *hi)
{
  *lo = band->min_price;
  *hi = band->max_price;
  if (self->band_preview.id == band->id)
    {
      if (self->band_preview.boundary == IPMS_TIMELINE_PART_BAND_MIN)
        *lo = self->band_preview.price;
      else
        *hi = self->band_preview.price;
    }
}

static void
paint_bands (IpmsRoadmapChart       *self,
             cairo_t                *cr,
             const IpmsChartPalette *palette)
{
  double time_start = self->time_origin;
  double time_end = self->time_origin + ipms_time_axis_get_width (&self->parent_instance.axis);

  for (guint i = 0; i < self->bands->len; i++)
    {
      const Band *band = &g_array_index (self->bands, Band, i);
      double lo, hi, a, b;
      IpmsColor tint = palette->accent;

      band_bounds (self, band, &lo, &hi);

      /* A band reaching past the chart's prices is cut at its edge. */
      if (hi <= self->price_min || lo >= self->price_max)
        continue;
      a = price_pos (self, MAX (lo, self->price_min));
      b = price_pos (self, MIN (hi, self->price_max));
      tint.alpha = i % 2 == 0 ? 0.06 : 0.13;
      ipms_chart_style_set_source (cr, &tint);
      if (self->flipped)
        cairo_rectangle (cr, a, time_start, b - a, time_end - time_start);
      else
        cairo_rectangle (cr, time_start, b, time_end - time_start, a - b);
      cairo_fill (cr);

      cairo_save (cr);
      ipms_chart_style_set_source (cr, &palette->border);
      ipms_chart_style_set_outline (cr, IPMS_OUTLINE_DASHED, 1);
      if (self->flipped)
        {
          cairo_move_to (cr, round (a) + 0.5, time_start);
          cairo_line_to (cr, round (a) + 0.5, time_end);
          cairo_move_to (cr, round (b) + 0.5, time_start);
          cairo_line_to (cr, round (b) + 0.5, time_end);
        }
      else
        {
          cairo_move_to (cr, time_start, round (a) + 0.5);
          cairo_line_to (cr, time_end, round (a) + 0.5);
          cairo_move_to (cr, time_start, round (b) + 0.5);
          cairo_line_to (cr, time_end, round (b) + 0.5);
        }
      cairo_stroke (cr);
      cairo_restore (cr);

    }
}

/* The band scale marks its knots, the band edges, instead of round prices. */
static void
paint_knot_lines (IpmsRoadmapChart       *self,
                  cairo_t                *cr,
                  const IpmsChartPalette *palette)
{
  double time_start = self->time_origin;
  double time_end = self->time_origin + ipms_time_axis_get_width (&self->parent_instance.axis);
  IpmsColor faint = palette->grid_line;

  faint.alpha = 0.45;
  ipms_chart_style_set_source (cr, &faint);
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < self->knots->len; i++)
    {
      double p = round (price_pos (self, g_array_index (self->knots, double, i))) + 0.5;

      if (self->flipped)
        {
          cairo_move_to (cr, p, time_start);
          cairo_line_to (cr, p, time_end);
        }
      else
        {
          cairo_move_to (cr, time_start, p);
          cairo_line_to (cr, time_end, p);
        }
    }
  cairo_stroke (cr);
}

static void
paint_price_ticks (IpmsRoadmapChart       *self,
                   cairo_t                *cr,
                   const IpmsChartPalette *palette)
{
  double time_start = self->time_origin;
  double time_end = self->time_origin + ipms_time_axis_get_width (&self->parent_instance.axis);
  IpmsColor faint = palette->grid_line;

  faint.alpha = 0.45;
  for (guint i = 0; i <= self->price_ticks; i++)
    {
      double p = round (price_pos (self, self->price_min + i * self->price_step)) + 0.5;

      ipms_chart_style_set_source (cr, &faint);
      cairo_set_line_width (cr, 1);
      if (self->flipped)
        {
          cairo_move_to (cr, p, time_start);
          cairo_line_to (cr, p, time_end);
        }
      else
        {
          cairo_move_to (cr, time_start, p);
          cairo_line_to (cr, time_end, p);
        }
      cairo_stroke (cr);
    }
}

static void
paint_tick_label (IpmsRoadmapChart       *self,
                  cairo_t                *cr,
                  const IpmsChartPalette *palette,
                  double                  price)
{
  double title = self->parent_instance.show_title ? TITLE_HEIGHT : 0;
  g_autofree char *text = ipms_format_price (price, self->currency);
  double p = round (price_pos (self, price)) + 0.5;
  PangoLayout *layout = ipms_layout_cache_get (self->parent_instance.layouts, IPMS_CHART_FONT_SMALL, text);
  int tw, th;

  pango_layout_get_pixel_size (layout, &tw, &th);
  if (self->flipped)
    ipms_chart_style_show_layout (cr, layout, p - tw / 2.0,
                                  title + IPMS_TIMELINE_HEADER_ROW + (IPMS_TIMELINE_HEADER_ROW - th) / 2,
                                  &palette->dim_foreground);
  else
    ipms_chart_style_show_layout (cr, layout, self->time_origin - tw - 8, p - th / 2.0,
                                  &palette->dim_foreground);
}

/* The band scale's prices: its knots, skipping one that would touch the
 * label before it (the steps can be as short as the bands are many). */
static void
paint_knot_labels (IpmsRoadmapChart       *self,
                   cairo_t                *cr,
                   const IpmsChartPalette *palette)
{
  double last = -G_MAXDOUBLE;

  for (guint i = 0; i < self->knots->len; i++)
    {
      double price = g_array_index (self->knots, double, i);
      g_autofree char *text = ipms_format_price (price, self->currency);
      double p = price_pos (self, price);
      int tw, th;

      ipms_layout_cache_get_size (self->parent_instance.layouts, IPMS_CHART_FONT_SMALL, text, &tw, &th);
      if (fabs (p - last) < (self->flipped ? tw + 8 : th + 2))
        continue;
      paint_tick_label (self, cr, palette, price);
      last = p;
    }
}

/* The price axis: band names and prices at the side (or top) of the plot.
 * `opaque` paints its background first, for the copy that stays in sight
 * when the view scrolls. */
static void
paint_price_axis (IpmsRoadmapChart       *self,
                  cairo_t                *cr,
                  const IpmsChartPalette *palette,
                  gboolean                opaque)
{
  double title = self->parent_instance.show_title ? TITLE_HEIGHT : 0;
  PangoLayout *layout;
  int tw, th;

  if (opaque)
    {
      ipms_chart_style_set_source (cr, &palette->background);
      if (self->flipped)
        cairo_rectangle (cr, self->plot_start, title, self->width - self->plot_start, 2 * IPMS_TIMELINE_HEADER_ROW);
      else
        cairo_rectangle (cr, 0, title, self->time_origin - 1, self->plot_end - title);
      cairo_fill (cr);
    }

  for (guint i = 0; i < self->bands->len; i++)
    {
      const Band *band = &g_array_index (self->bands, Band, i);
      IpmsColor tint = palette->accent;
      double lo, hi, a, b;

      band_bounds (self, band, &lo, &hi);
      if (hi <= self->price_min || lo >= self->price_max)
        continue;
      a = price_pos (self, MAX (lo, self->price_min));
      b = price_pos (self, MIN (hi, self->price_max));
      tint.alpha = i % 2 == 0 ? 0.06 : 0.13;

      layout = ipms_layout_cache_get (self->parent_instance.layouts, IPMS_CHART_FONT_BODY_BOLD,
                                      ipms_record_get_string (band->record, "name"));
      pango_layout_get_pixel_size (layout, &tw, &th);
      cairo_save (cr);
      if (self->flipped)
        {
          cairo_rectangle (cr, a, title, b - a, IPMS_TIMELINE_HEADER_ROW);
          cairo_clip (cr);
          ipms_chart_style_set_source (cr, &tint);
          cairo_paint (cr);
          ipms_chart_style_show_layout (cr, layout, (a + b - tw) / 2, title + (IPMS_TIMELINE_HEADER_ROW - th) / 2,
                                        &palette->foreground);
        }
      else
        {
          cairo_rectangle (cr, 0, b, self->band_column, a - b);
          cairo_clip (cr);
          ipms_chart_style_set_source (cr, &tint);
          cairo_paint (cr);
          ipms_chart_style_show_layout (cr, layout, 16, (a + b - th) / 2, &palette->foreground);
        }
      cairo_restore (cr);
    }

  if (self->knots->len > 0)
    paint_knot_labels (self, cr, palette);
  else
  for (guint i = 0; i <= self->price_ticks; i++)
    {
      double price = self->price_min + i * self->price_step;
      g_autofree char *text = ipms_format_price (price, self->currency);
      double p = round (price_pos (self, price)) + 0.5;

      layout = ipms_layout_cache_get (self->parent_instance.layouts, IPMS_CHART_FONT_SMALL, text);
      pango_layout_get_pixel_size (layout, &tw, &th);
      if (self->flipped)
        ipms_chart_style_show_layout (cr, layout, p - tw / 2.0,
                                      title + IPMS_TIMELINE_HEADER_ROW + (IPMS_TIMELINE_HEADER_ROW - th) / 2,
                                      &palette->dim_foreground);
      else
        ipms_chart_style_show_layout (cr, layout, self->time_origin - tw - 8, p - th / 2.0,
                                      &palette->dim_foreground);
    }

  /* Past the last tick the axis label names what is measured. */
  layout = ipms_layout_cache_get (self->parent_instance.layouts, IPMS_CHART_FONT_BODY_BOLD, _("Price"));
  pango_layout_get_pixel_size (layout, &tw, &th);
  if (self->flipped)
    ipms_chart_style_show_layout (cr, layout, self->price_pos + self->price_length + 24 + 8,
                                  title + IPMS_TIMELINE_HEADER_ROW + (IPMS_TIMELINE_HEADER_ROW - th) / 2,
                                  &palette->foreground);
  else
    ipms_chart_style_show_layout (cr, layout, self->time_origin - tw - 8,
                                  title + 2 * IPMS_TIMELINE_HEADER_ROW - th - 4, &palette->foreground);
}

/* The grades' keys on the legend's last row; returns their width. */
static double
paint_grade_keys (IpmsRoadmapChart       *self,
                  cairo_t                *cr,
                  const IpmsChartPalette *palette,
                  double                  x,
                  double                  y)
{
  double row = ipms_chart_style_legend_row_height ();
  double start = x;

  x += ipms_chart_style_draw_legend_title (cr, palette, x, y, _("Grade"));
  for (guint c = 0; ipms_grade_codes[c] != NULL; c++)
    {
      const char *label = ipms_grade_codes[c];
      PangoLayout *layout;
      int tw, th;

      for (guint i = 0; i < self->grades->len; i++)
        if (strcmp (ipms_record_get_string (g_ptr_array_index (self->grades, i), "code"), ipms_grade_codes[c]) == 0)
          label = ipms_record_get_string (g_ptr_array_index (self->grades, i), "label");

      paint_marker (self, cr, palette, c, &palette->dim_foreground, x + 12, y + row / 2);
      layout = ipms_layout_cache_get (self->parent_instance.layouts, IPMS_CHART_FONT_SMALL, label);
      pango_layout_get_pixel_size (layout, &tw, &th);
      ipms_chart_style_show_layout (cr, layout, x + 28, y + (row - th) / 2, &palette->dim_foreground);
      x += 28 + tw + 18;
    }

  return x - start;
}

/* The legend, `left` units from its place at the left edge (to follow a
 * view scrolled right): the rows that meet the clip. */
static void
paint_legend (IpmsRoadmapChart       *self,
              cairo_t                *cr,
              const IpmsChartPalette *palette,
              double                  left)
{
  double row = ipms_chart_style_legend_row_height ();
  double x = LEGEND_LEFT + left;
  double y = self->legend_top + LEGEND_PAD;
  double cx1, cy1, cx2, cy2;

  cairo_clip_extents (cr, &cx1, &cy1, &cx2, &cy2);
  if (y < cy2 && y + row > cy1)
    ipms_chart_style_draw_legend_title (cr, palette, x, y, _("Series"));
  for (guint i = 0; i < self->series_keys->len; i++)
    {
      const SeriesKey *key = &g_array_index (self->series_keys, SeriesKey, i);
      double key_y = y + key->row * row;

      if (key_y < cy2 && key_y + row > cy1)
        ipms_chart_style_draw_legend_swatch (cr, palette, x + key->x, key_y, &key->color, NULL, key->name);
    }

  y += (self->legend_rows - 1) * row;
  if (y < cy2 && y + row > cy1)
    paint_grade_keys (self, cr, palette, x, y);
}

static void
ipms_roadmap_chart_get_size (IpmsChart *chart,
                             double    *width,
                             double    *height)
{
  IpmsRoadmapChart *self = IPMS_ROADMAP_CHART (chart);

  ensure_layout (self);
  *width = self->width;
  *height = self->height;
}

static void
paint_item (IpmsRoadmapChart            *self,
            cairo_t                     *cr,
            const IpmsChartPalette      *palette,
            const IpmsChartPaintOptions *options,
            const Item                  *item,
            double                       x,
            double                       y,
            gboolean                     moved)
{
  const char *name;

  paint_marker_fast (self, cr, palette, options, item->grade, &item->color, x, y);
  if (!moved && !item->has_label)
    return;

  name = ipms_record_get_string (item->record, "name");
  if (moved)
    {
      PangoLayout *layout = ipms_layout_cache_get (self->parent_instance.layouts, IPMS_CHART_FONT_SMALL, name);
      int tw, th;

      pango_layout_get_pixel_size (layout, &tw, &th);
      ipms_chart_style_show_layout (cr, layout, x + marker_radius (item->grade) + LABEL_GAP, y - th / 2.0,
                                    &palette->foreground);
    }
  else if (item->has_label)
    ipms_chart_style_show_layout (cr, ipms_layout_cache_get (self->parent_instance.layouts, IPMS_CHART_FONT_SMALL, name),
                                  item->label_x, item->label_y, &palette->foreground);
}

static void
ipms_roadmap_chart_paint (IpmsChart                   *chart,
                          cairo_t                     *cr,
                          const IpmsChartPaintOptions *options)
{
  IpmsRoadmapChart *self = IPMS_ROADMAP_CHART (chart);
  const IpmsChartPalette *palette = ipms_chart_style_get_palette (options->dark);
  IpmsTimelineFrame frame = { 0 };
  double title = self->parent_instance.show_title ? TITLE_HEIGHT : 0;
  double time_end;
  double cx1, cy1, cx2, cy2;

  if (self->dark != options->dark)
    {
      /* Series colours are lightened for the dark palette. */
      self->dark = options->dark;
      self->parent_instance.dirty = TRUE;
      self->legend_generation = 0;
    }
  ensure_layout (self);
  time_end = self->time_origin + ipms_time_axis_get_width (&self->parent_instance.axis);

  cairo_save (cr);
  cairo_clip_extents (cr, &cx1, &cy1, &cx2, &cy2);
  ipms_chart_style_set_source (cr, &palette->background);
  cairo_paint (cr);

  if (self->parent_instance.show_title)
    ipms_timeline_chart_paint_title (IPMS_TIMELINE_CHART (self), cr, palette, _("Roadmap"));

  frame.axis = &self->parent_instance.axis;
  frame.palette = palette;
  frame.layouts = self->parent_instance.layouts;
  frame.vertical = self->flipped;
  frame.origin = self->time_origin;
  if (self->flipped)
    {
      frame.header_pos = 0;
      frame.row_size = IPMS_TIMELINE_HEADER_COLUMN;
      frame.body_start = self->plot_start;
      frame.body_end = self->plot_end;
    }
  else
    {
      frame.header_pos = title;
      frame.row_size = IPMS_TIMELINE_HEADER_ROW;
      frame.body_start = self->plot_start;
      frame.body_end = self->plot_end;
    }

  cairo_save (cr);
  if (self->flipped)
    cairo_rectangle (cr, 0, self->time_origin, self->plot_end, time_end - self->time_origin);
  else
    cairo_rectangle (cr, 0, 0, time_end, self->plot_end);
  cairo_clip (cr);
  paint_bands (self, cr, palette);
  ipms_timeline_paint_plan_year (cr, &frame, ipms_timeline_get_plan_year (self->parent_instance.document, ipms_timeline_chart_get_today (IPMS_TIMELINE_CHART (self))));
  ipms_timeline_paint_grid (cr, &frame);
  cairo_restore (cr);

  if (self->flipped)
    {
      cairo_save (cr);
      cairo_rectangle (cr, 0, self->time_origin, 2 * IPMS_TIMELINE_HEADER_COLUMN, time_end - self->time_origin);
      cairo_clip (cr);
      ipms_timeline_paint_header (cr, &frame);
      cairo_restore (cr);
    }
  else
    ipms_timeline_paint_header (cr, &frame);

  if (self->knots->len > 0)
    paint_knot_lines (self, cr, palette);
  else
    paint_price_ticks (self, cr, palette);

  paint_price_axis (self, cr, palette, FALSE);

  cairo_save (cr);
  if (self->flipped)
    cairo_rectangle (cr, self->plot_start, self->time_origin - PLOT_PAD, self->width - self->plot_start,
                     time_end - self->time_origin + 2 * PLOT_PAD);
  else
    cairo_rectangle (cr, self->time_origin - PLOT_PAD, frame.body_start, self->width - self->time_origin + PLOT_PAD,
                     self->plot_end - frame.body_start);
  cairo_clip (cr);

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      double reach = 2 * FLAGSHIP_RADIUS;
      gboolean marker_out = item->x + reach < cx1 || item->x - reach > cx2 || item->y + reach < cy1 || item->y - reach > cy2;
      gboolean label_out = !item->has_label ||
                           item->label_x + item->label_width < cx1 || item->label_x > cx2 ||
                           item->label_y + item->label_height < cy1 || item->label_y > cy2;

      if (item->id == self->preview.id || (marker_out && label_out))
        continue;

      paint_item (self, cr, palette, options, item, item->x, item->y, FALSE);
    }

  for (guint i = 0; i < self->clusters->len; i++)
    {
      const Cluster *cluster = &g_array_index (self->clusters, Cluster, i);
      PangoLayout *layout = ipms_layout_cache_get (self->parent_instance.layouts, IPMS_CHART_FONT_SMALL, cluster->text);
      int tw, th;

      pango_layout_get_pixel_size (layout, &tw, &th);
      ipms_chart_style_rounded_rectangle (cr, cluster->rect.x, cluster->rect.y, cluster->rect.width, cluster->rect.height, 4);
      ipms_chart_style_set_source (cr, &palette->surface);
      cairo_fill_preserve (cr);
      ipms_chart_style_set_source (cr, &palette->border);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      ipms_chart_style_show_layout (cr, layout, cluster->rect.x + (cluster->rect.width - tw) / 2,
                                    cluster->rect.y + (cluster->rect.height - th) / 2, &palette->dim_foreground);
    }

  if (self->preview.id != 0 && !self->parent_instance.preview_apart && find_item (self, self->preview.id) != NULL)
    {
      const Item *item = find_item (self, self->preview.id);
      double x, y;

      to_point (self, self->preview.launch, self->preview.price, &x, &y);
      paint_item (self, cr, palette, options, item, x, y, TRUE);
    }

  ipms_timeline_paint_today (cr, &frame, ipms_timeline_chart_get_today (IPMS_TIMELINE_CHART (self)));
  cairo_restore (cr);

  /* Scrolled, the price axis and the time header follow the view, and the
   * corner where they meet hides what passes under both. */
  {
    double sx = self->parent_instance.sticky_x;
    double sy = self->parent_instance.sticky_y;

    if (!self->flipped)
      {
        double top = MIN (sy, self->plot_end - 2 * IPMS_TIMELINE_HEADER_ROW);

        if (sx > 0)
          {
            cairo_save (cr);
            cairo_translate (cr, sx, 0);
            paint_price_axis (self, cr, palette, TRUE);
            cairo_restore (cr);
          }
        if (sy > title)
          {
            cairo_save (cr);
            cairo_rectangle (cr, self->time_origin + sx, top, time_end - self->time_origin, 2 * IPMS_TIMELINE_HEADER_ROW);
            cairo_clip (cr);
            frame.header_pos = top;
            ipms_timeline_paint_header (cr, &frame);
            cairo_restore (cr);

            ipms_chart_style_set_source (cr, &palette->background);
            cairo_rectangle (cr, sx, top, self->time_origin - 1, 2 * IPMS_TIMELINE_HEADER_ROW);
            cairo_fill (cr);
          }
      }
    else
      {
        double top = MIN (MAX (sy, title), time_end - 2 * IPMS_TIMELINE_HEADER_ROW);

        if (sy > title)
          {
            cairo_save (cr);
            cairo_translate (cr, 0, top - title);
            paint_price_axis (self, cr, palette, TRUE);
            cairo_restore (cr);
          }
        if (sx > 0)
          {
            double from = sy > title ? top + 2 * IPMS_TIMELINE_HEADER_ROW : self->time_origin;

            cairo_save (cr);
            cairo_rectangle (cr, sx, from, 2 * IPMS_TIMELINE_HEADER_COLUMN, MAX (0, time_end - from));
            cairo_clip (cr);
            frame.header_pos = sx;
            ipms_timeline_paint_header (cr, &frame);
            cairo_restore (cr);
          }
        if (sx > 0 || sy > title)
          {
            ipms_chart_style_set_source (cr, &palette->background);
            cairo_rectangle (cr, sx, top, 2 * IPMS_TIMELINE_HEADER_COLUMN, 2 * IPMS_TIMELINE_HEADER_ROW);
            cairo_fill (cr);
          }
      }
  }

  /* The legend stays in sight when the view is scrolled right. */
  if (cy2 > self->legend_top)
    paint_legend (self, cr, palette,
                  CLAMP (self->parent_instance.sticky_x, 0, MAX (0, self->width - self->legend_width - 2 * LEGEND_LEFT)));

  cairo_restore (cr);
}

static void
chart_iface_init (IpmsChartInterface *iface)
{
  iface->get_size = ipms_roadmap_chart_get_size;
  iface->paint = ipms_roadmap_chart_paint;
}

static GArray *
chart_dup_item_ids (IpmsTimelineChart *chart)
{
  IpmsRoadmapChart *self = IPMS_ROADMAP_CHART (chart);

  ensure_layout (self);
  return ipms_timeline_items_dup_ids (self->items);
}

static GArray *
chart_dup_item_ids_in (IpmsTimelineChart       *chart,
                       const cairo_rectangle_t *area)
{
  IpmsRoadmapChart *self = IPMS_ROADMAP_CHART (chart);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  ensure_layout (self);
  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      double r = marker_radius (item->grade);
      double x = item->x, y = item->y;

      if (item->id == self->preview.id)
        to_point (self, self->preview.launch, self->preview.price, &x, &y);
      if (x + r < area->x || x - r > area->x + area->width ||
          y + r < area->y || y - r > area->y + area->height)
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
  IpmsRoadmapChart *self = IPMS_ROADMAP_CHART (chart);
  const Item *item;
  double x, y;

  ensure_layout (self);
  item = find_item (self, self->preview.id);
  if (item == NULL)
    return;

  to_point (self, self->preview.launch, self->preview.price, &x, &y);
  paint_item (self, cr, ipms_chart_style_get_palette (options->dark), options, item, x, y, TRUE);

  /* The launch date and price the drop would write. */
  {
    g_autofree char *date = ipms_format_date (self->preview.launch);
    g_autofree char *price = ipms_format_price (self->preview.price, self->currency);
    g_autofree char *text = g_strdup_printf ("%s · %s", date, price);

    ipms_timeline_paint_readout (cr, ipms_chart_style_get_palette (options->dark), self->parent_instance.layouts,
                                 x - marker_radius (item->grade), y - marker_radius (item->grade) - 4, text);
  }
}

static void
chart_ensure_layout (IpmsTimelineChart *chart)
{
  ensure_layout (IPMS_ROADMAP_CHART (chart));
}

static double
chart_get_time_origin (IpmsTimelineChart *chart)
{
  IpmsRoadmapChart *self = IPMS_ROADMAP_CHART (chart);

  ensure_layout (self);
  return self->time_origin;
}

static void
chart_get_frozen (IpmsTimelineChart *chart,
                  double            *left,
                  double            *top)
{
  IpmsRoadmapChart *self = IPMS_ROADMAP_CHART (chart);

  ensure_layout (self);
  *left = self->flipped ? 2 * IPMS_TIMELINE_HEADER_COLUMN : self->time_origin - PLOT_PAD;
  *top = 2 * IPMS_TIMELINE_HEADER_ROW;
}

static void
ipms_roadmap_chart_finalize (GObject *object)
{
  IpmsRoadmapChart *self = IPMS_ROADMAP_CHART (object);

  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->item_index, ipms_id_index_free);
  g_clear_pointer (&self->series_color, g_hash_table_unref);
  g_clear_pointer (&self->gone, g_array_unref);
  occupancy_destroy (&self->markers);
  occupancy_destroy (&self->names);
  occupancy_destroy (&self->lines);
  occupancy_destroy (&self->today_line);
  occupancy_destroy (&self->plus);
  occupancy_destroy (&self->unlabelled);
  g_clear_pointer (&self->bands, g_array_unref);
  g_clear_pointer (&self->series_keys, g_array_unref);
  g_clear_pointer (&self->clusters, g_array_unref);
  g_clear_pointer (&self->knots, g_array_unref);
  g_clear_pointer (&self->sprites, g_hash_table_unref);
  g_free (self->currency);

  g_clear_pointer (&self->grades, g_ptr_array_unref);
  G_OBJECT_CLASS (ipms_roadmap_chart_parent_class)->finalize (object);
}

static void
ipms_roadmap_chart_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  IpmsRoadmapChart *self = IPMS_ROADMAP_CHART (object);

  switch (prop_id)
    {
    case PROP_FLIPPED:
      g_value_set_boolean (value, self->flipped);
      break;
    case PROP_PRICE_SCALE:
      g_value_set_int (value, self->price_scale);
      break;
    case PROP_PRICE_LENGTH:
      g_value_set_double (value, self->price_length_request);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_roadmap_chart_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  IpmsRoadmapChart *self = IPMS_ROADMAP_CHART (object);

  switch (prop_id)
    {
    case PROP_FLIPPED:
      ipms_roadmap_chart_set_flipped (self, g_value_get_boolean (value));
      break;
    case PROP_PRICE_SCALE:
      ipms_roadmap_chart_set_price_scale (self, g_value_get_int (value));
      break;
    case PROP_PRICE_LENGTH:
      ipms_roadmap_chart_set_price_length (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_roadmap_chart_constructed (GObject *object)
{
  IpmsRoadmapChart *self = IPMS_ROADMAP_CHART (object);
  g_autofree char *scale = NULL;

  G_OBJECT_CLASS (ipms_roadmap_chart_parent_class)->constructed (object);

  if (self->parent_instance.document != NULL)
    scale = ipms_document_dup_view_state (self->parent_instance.document, IPMS_ROADMAP_PRICE_SCALE_KEY);
  if (g_strcmp0 (scale, "bands") == 0)
    self->price_scale = IPMS_ROADMAP_PRICE_SCALE_BANDS;
}

/* The price bands and the grades' marker shapes and names. */
static const char * const price_tables[] = { "price_band", "grade", NULL };

static void
ipms_roadmap_chart_class_init (IpmsRoadmapChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  IpmsTimelineChartClass *timeline_class = IPMS_TIMELINE_CHART_CLASS (klass);

  object_class->constructed = ipms_roadmap_chart_constructed;
  object_class->finalize = ipms_roadmap_chart_finalize;
  object_class->get_property = ipms_roadmap_chart_get_property;
  object_class->set_property = ipms_roadmap_chart_set_property;

  timeline_class->tables = price_tables;
  timeline_class->ensure_layout = chart_ensure_layout;
  timeline_class->update_products = update_products;
  timeline_class->update_geometry = update_geometry;
  timeline_class->get_time_origin = chart_get_time_origin;
  timeline_class->dup_item_ids = chart_dup_item_ids;
  timeline_class->dup_item_ids_in = chart_dup_item_ids_in;
  timeline_class->paint_preview = chart_paint_preview;
  timeline_class->get_frozen = chart_get_frozen;

  properties[PROP_FLIPPED] =
    g_param_spec_boolean ("flipped", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRICE_SCALE] =
    g_param_spec_int ("price-scale", NULL, NULL, IPMS_ROADMAP_PRICE_SCALE_LINEAR, IPMS_ROADMAP_PRICE_SCALE_BANDS,
                      IPMS_ROADMAP_PRICE_SCALE_LINEAR,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRICE_LENGTH] =
    g_param_spec_double ("price-length", NULL, NULL, 0, 100000, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ipms_roadmap_chart_init (IpmsRoadmapChart *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, clear_item);
  self->item_index = ipms_id_index_new ();
  self->series_color = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->gone = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->gone, clear_item);
  /* Markers crowd more than names do: smaller cells keep the check of
   * a candidate to the few around it. */
  occupancy_init (&self->markers, 2 * FLAGSHIP_RADIUS, 2 * FLAGSHIP_RADIUS);
  occupancy_init (&self->names, BUCKET_WIDTH, BUCKET_HEIGHT);
  occupancy_init (&self->lines, BUCKET_WIDTH, BUCKET_HEIGHT);
  occupancy_init (&self->today_line, BUCKET_WIDTH, BUCKET_HEIGHT);
  occupancy_init (&self->plus, BUCKET_WIDTH, BUCKET_HEIGHT);
  occupancy_init (&self->unlabelled, CLUSTER_REACH, CLUSTER_REACH);
  self->bands = g_array_new (FALSE, TRUE, sizeof (Band));
  g_array_set_clear_func (self->bands, clear_band);
  self->series_keys = g_array_new (FALSE, TRUE, sizeof (SeriesKey));
  g_array_set_clear_func (self->series_keys, clear_series_key);
  self->clusters = g_array_new (FALSE, TRUE, sizeof (Cluster));
  g_array_set_clear_func (self->clusters, clear_cluster);
  self->knots = g_array_new (FALSE, FALSE, sizeof (double));
  self->sprites = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) cairo_surface_destroy);
}

IpmsRoadmapChart *
ipms_roadmap_chart_new (IpmsDocument *document)
{
  g_return_val_if_fail (IPMS_IS_DOCUMENT (document), NULL);

  return g_object_new (IPMS_TYPE_ROADMAP_CHART, "document", document, NULL);
}

void
ipms_roadmap_chart_set_flipped (IpmsRoadmapChart *self,
                                gboolean          flipped)
{
  g_return_if_fail (IPMS_IS_ROADMAP_CHART (self));

  flipped = !!flipped;
  if (self->flipped == flipped)
    return;
  self->flipped = flipped;
  /* A length fitted to the view's height is no fit for its width. */
  self->price_length_request = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLIPPED]);
  ipms_timeline_chart_invalidate (IPMS_TIMELINE_CHART (self));
}

gboolean
ipms_roadmap_chart_get_flipped (IpmsRoadmapChart *self)
{
  g_return_val_if_fail (IPMS_IS_ROADMAP_CHART (self), FALSE);

  return self->flipped;
}

void
ipms_roadmap_chart_set_price_scale (IpmsRoadmapChart     *self,
                                    IpmsRoadmapPriceScale scale)
{
  g_return_if_fail (IPMS_IS_ROADMAP_CHART (self));

  if (self->price_scale == scale)
    return;
  self->price_scale = scale;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRICE_SCALE]);
  ipms_timeline_chart_invalidate (IPMS_TIMELINE_CHART (self));
}

IpmsRoadmapPriceScale
ipms_roadmap_chart_get_price_scale (IpmsRoadmapChart *self)
{
  g_return_val_if_fail (IPMS_IS_ROADMAP_CHART (self), IPMS_ROADMAP_PRICE_SCALE_LINEAR);

  return self->price_scale;
}

void
ipms_roadmap_chart_set_price_length (IpmsRoadmapChart *self,
                                     double            length)
{
  g_return_if_fail (IPMS_IS_ROADMAP_CHART (self));

  length = MAX (0, length);
  if (fabs (self->price_length_request - length) < 0.5)
    return;
  self->price_length_request = length;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRICE_LENGTH]);
  ipms_timeline_chart_invalidate_geometry (IPMS_TIMELINE_CHART (self));
}

void
ipms_roadmap_chart_set_legend_room (IpmsRoadmapChart *self,
                                     double            width)
{
  g_return_if_fail (IPMS_IS_ROADMAP_CHART (self));

  width = MAX (0, width);
  if (fabs (self->legend_room - width) < 0.5)
    return;
  self->legend_room = width;
  if (self->legend_generation == self->parent_instance.generation)
    flow_legend (self);
  ipms_timeline_chart_invalidate_geometry (IPMS_TIMELINE_CHART (self));
}

double
ipms_roadmap_chart_get_price_chrome (IpmsRoadmapChart *self)
{
  g_return_val_if_fail (IPMS_IS_ROADMAP_CHART (self), 0);

  /* Flipped, the labels reach past the price axis as far as they do. */
  if (!self->flipped)
    {
      ensure_legend (self);
      return height_but_prices (self);
    }

  ensure_layout (self);
  return self->width - self->price_length;
}

gboolean
ipms_roadmap_chart_get_label (IpmsRoadmapChart  *self,
                              gint64             product_id,
                              cairo_rectangle_t *rect,
                              gboolean          *clustered)
{
  const Item *item;

  g_return_val_if_fail (IPMS_IS_ROADMAP_CHART (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  ensure_layout (self);
  item = find_item (self, product_id);
  if (item == NULL)
    return FALSE;

  if (clustered != NULL)
    *clustered = !item->has_label;
  if (item->has_label)
    *rect = (cairo_rectangle_t) { item->label_x, item->label_y, item->label_width, item->label_height };
  else
    *rect = find_cluster (self, item->cluster)->rect;

  return TRUE;
}

gboolean
ipms_roadmap_chart_get_marker (IpmsRoadmapChart *self,
                               gint64            product_id,
                               double           *x,
                               double           *y,
                               double           *radius)
{
  const Item *item;

  g_return_val_if_fail (IPMS_IS_ROADMAP_CHART (self), FALSE);

  ensure_layout (self);
  item = find_item (self, product_id);
  if (item == NULL)
    return FALSE;

  if (self->preview.id == product_id)
    to_point (self, self->preview.launch, self->preview.price, x, y);
  else
    {
      *x = item->x;
      *y = item->y;
    }
  if (radius != NULL)
    *radius = marker_radius (item->grade);

  return TRUE;
}

void
ipms_roadmap_chart_point_to_values (IpmsRoadmapChart *self,
                                    double            x,
                                    double            y,
                                    double           *day,
                                    double           *price)
{
  double t, p;

  g_return_if_fail (IPMS_IS_ROADMAP_CHART (self));

  ensure_layout (self);
  t = (self->flipped ? y : x) - self->time_origin - self->parent_instance.axis.px_per_day / 2;
  p = self->flipped ? (x - self->price_pos) / self->price_length
                    : (self->price_pos - y) / self->price_length;

  if (day != NULL)
    *day = ipms_time_axis_x_to_day (&self->parent_instance.axis, t) + 0.5;
  if (price != NULL)
    *price = fraction_price (self, p);
}

void
ipms_roadmap_chart_values_to_point (IpmsRoadmapChart *self,
                                    guint32           day,
                                    double            price,
                                    double           *x,
                                    double           *y)
{
  g_return_if_fail (IPMS_IS_ROADMAP_CHART (self));

  ensure_layout (self);
  to_point (self, day, price, x, y);
}

double
ipms_roadmap_chart_get_price_per_unit (IpmsRoadmapChart *self)
{
  g_return_val_if_fail (IPMS_IS_ROADMAP_CHART (self), 1);

  ensure_layout (self);
  return (self->price_max - self->price_min) / self->price_length;
}

gint64
ipms_roadmap_chart_hit_test (IpmsRoadmapChart *self,
                             double            x,
                             double            y,
                             IpmsTimelinePart *part)
{
  double time_start, time_end, t;

  g_return_val_if_fail (IPMS_IS_ROADMAP_CHART (self), 0);

  ensure_layout (self);
  if (part != NULL)
    *part = IPMS_TIMELINE_PART_NONE;

  for (guint i = self->items->len; i-- > 0;)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      double mx, my, r;

      ipms_roadmap_chart_get_marker (self, item->id, &mx, &my, &r);
      r = MAX (r + 2, IPMS_TIMELINE_HANDLE_SIZE);
      if ((x - mx) * (x - mx) + (y - my) * (y - my) <= r * r)
        {
          if (part != NULL)
            *part = IPMS_TIMELINE_PART_MARKER;
          return item->id;
        }
    }

  time_start = self->time_origin;
  time_end = self->time_origin + ipms_time_axis_get_width (&self->parent_instance.axis);
  t = self->flipped ? y : x;
  if (t < time_start || t > time_end)
    return 0;

  for (guint i = 0; i < self->bands->len; i++)
    {
      const Band *band = &g_array_index (self->bands, Band, i);
      double p = self->flipped ? x : y;

      if (fabs (p - price_pos (self, band->max_price)) <= IPMS_TIMELINE_HANDLE_SIZE / 2)
        {
          if (part != NULL)
            *part = IPMS_TIMELINE_PART_BAND_MAX;
          return band->id;
        }
      if (fabs (p - price_pos (self, band->min_price)) <= IPMS_TIMELINE_HANDLE_SIZE / 2)
        {
          if (part != NULL)
            *part = IPMS_TIMELINE_PART_BAND_MIN;
          return band->id;
        }
    }

  return 0;
}

void
ipms_roadmap_chart_set_preview (IpmsRoadmapChart *self,
                                gint64            product_id,
                                guint32           launch,
                                double            price)
{
  gboolean same_item;

  g_return_if_fail (IPMS_IS_ROADMAP_CHART (self));

  same_item = self->preview.id == product_id;
  self->preview.id = product_id;
  self->preview.launch = launch;
  self->preview.price = price;
  ipms_timeline_chart_preview_changed (IPMS_TIMELINE_CHART (self), same_item);
}

void
ipms_roadmap_chart_set_band_preview (IpmsRoadmapChart *self,
                                     gint64            band_id,
                                     IpmsTimelinePart  boundary,
                                     double            price)
{
  g_return_if_fail (IPMS_IS_ROADMAP_CHART (self));

  self->band_preview.id = band_id;
  self->band_preview.boundary = boundary;
  self->band_preview.price = price;
  ipms_timeline_chart_preview_changed (IPMS_TIMELINE_CHART (self), FALSE);
}
