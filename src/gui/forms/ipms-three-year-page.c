/* ipms-three-year-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-export-dialog.h"
#include "ipms-chart-picture.h"
#include "ipms-chart-style.h"
#include "ipms-field-row.h"
#include "ipms-table-cell.h"
#include "ipms-format.h"
#include "ipms-three-year-chart.h"
#include "ipms-three-year-page.h"

#define N_YEARS 3
/* Below this width the grid's years go under each other, in a card per
 * series, instead of scrolling sideways. */
#define WIDE_WIDTH 640
/* The series the grid shows in the frame that shows the page, more than
 * a screen holds; the others follow, as many an idle. */
#define FIRST_SERIES 16
#define SERIES_PER_IDLE 16

static const IpmsFieldSpec plan_fields[] = {
  { "start_year", N_("The plan covers this year and the two after it.") },
  { "net_revenue_target", N_("The product group's net revenue target for the plan.") },
  { "gross_margin_target", N_("The product gross margin the plan aims for.") },
  { NULL }
};

static const IpmsFieldSpec target_fields[] = {
  { "year" },
  { "series_id" },
  { "sales" },
  { "margin" },
  { "ranking" },
  { "brand_awareness" },
  { NULL }
};

static const IpmsFormSection sections[] = {
  /* Translators: a form section: the years and the overall targets of the three-year plan */
  { N_("Plan Targets"), NULL, "project", plan_fields },
  /* Translators: a form section, 年度目标 */
  { N_("Yearly Targets"),
    N_("One row per series and year; a row without a series is the target of the whole product "
       "group, with its category ranking and brand awareness."),
    "yearly_target", target_fields, NULL,
    N_("No yearly targets yet. Add the sales and gross margin each series should reach in each of "
       "the three years, and a row without a series for the product group as a whole.") },
  { NULL }
};

const IpmsFormSpec ipms_three_year_spec = {
  "three-year-plan",
  N_("Start with the targets of the first year"),
  N_("Set the first year of the plan, then give each product series its sales and gross margin "
     "target for each of the three years: the grid and the chart add them up, year by year."),
  sections,
};

struct _IpmsThreeYearPage
{
  IpmsFormPage  parent_instance;

  GtkWidget    *grid;
  /* The grid sits in the one of these the squeezer shows: series by years
   * from WIDE_WIDTH up, a card per series below it. */
  GtkWidget    *squeezer;
  GtkWidget    *wide_bin;
  GtkWidget    *narrow_bin;
  gboolean      narrow;
  guint         layout_idle;
  /* The grid's widgets (referenced), each with its place in either
   * layout as "ipms-place", in the order of the rows: the sum and the
   * product group's rows, from `tail` on, after the series built so
   * far. */
  GPtrArray    *parts;
  guint         tail;
  /* The series of the grid's shape, of which the first `n_built` have
   * their rows: the others are added in idle time (`build_idle`). */
  GPtrArray    *series;
  guint         n_built;
  guint         build_tick;
  guint         build_idle;
  /* The yearly targets as last read, and their index by year and
   * series, for binding the cells of the rows added later. */
  GPtrArray    *target_rows;
  GHashTable   *targets;
  GtkWidget    *chart;
  /* Whether a change since the grid was last updated touched what it
   * shows: a write elsewhere (a PRD, a product) leaves it alone. */
  gboolean      stale;
  /* The start year and the series the grid was built for: other changes
   * only rebind its field rows, so that typing in one is never cut off. */
  char         *shape;
  /* The IpmsFieldRows of the grid, each with its "ipms-year" and
   * "ipms-series" (0 for the product group) as data. */
  GPtrArray    *cells;
  /* What each grid position says, for ipms_three_year_page_get_grid_text(). */
  GHashTable   *texts;
};

G_DEFINE_FINAL_TYPE (IpmsThreeYearPage, ipms_three_year_page, IPMS_TYPE_FORM_PAGE)

static const char * const series_columns[] = { "sales", "margin", NULL };
static const char * const group_columns[] = { "sales", "margin", "ranking", "brand_awareness", NULL };

static gpointer
position_key (guint column,
              guint row)
{
  return GUINT_TO_POINTER ((row << 8) | column);
}

static void
set_text (IpmsThreeYearPage *self,
          guint              column,
          guint              row,
          const char        *text)
{
  g_hash_table_replace (self->texts, position_key (column, row), g_strdup (text));
}

/* Where a part of the grid goes: in the wide layout at `column`, `row`;
 * in the narrow one at `narrow_row` of the block of its series (or of the
 * sums, or of the group), 0 being the block's heading, which spans both
 * columns; -1 where it is not shown in that layout. */
typedef struct
{
  int column;
  int row;
  int block;
  int narrow_row;
} Place;

static void
add_part (IpmsThreeYearPage *self,
          GtkWidget         *widget,
          int                column,
          int                row,
          int                block,
          int                narrow_row)
{
  Place *place = g_new (Place, 1);

  *place = (Place) { column, row, block, narrow_row };
  g_object_set_data_full (G_OBJECT (widget), "ipms-place", place, g_free);
  g_ptr_array_add (self->parts, g_object_ref_sink (widget));
}

static GtkWidget *
make_label (const char *text,
            float       xalign,
            gboolean    bold)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "numeric");
  if (bold)
    gtk_widget_add_css_class (label, "heading");

  return label;
}

static void
make_year_label (IpmsThreeYearPage *self,
                 int                block,
                 int                y)
{
  int start = (int) ipms_record_get_int (ipms_document_get_project (ipms_form_page_get_document (IPMS_FORM_PAGE (self))),
                                         "start_year");
  g_autofree char *year = g_strdup_printf ("%d", start + y);

  gtk_grid_attach (GTK_GRID (self->grid), make_label (year, 0.0, FALSE), 0,
                   block * (N_YEARS + 1) + y + 1, 1, 1);
}

/* Puts a part in the grid where the layout shown wants it; in the narrow
 * one, a block's heading brings the block's year labels. */
static void
attach_part (IpmsThreeYearPage *self,
             GtkWidget         *part)
{
  Place *place = g_object_get_data (G_OBJECT (part), "ipms-place");

  if (!self->narrow)
    gtk_grid_attach (GTK_GRID (self->grid), part, place->column, place->row, 1, 1);
  else if (place->block >= 0)
    {
      /* Each block: its heading, then a line per year. */
      int row = place->block * (N_YEARS + 1) + place->narrow_row;

      gtk_grid_attach (GTK_GRID (self->grid), part, place->narrow_row == 0 ? 0 : 1, row,
                       place->narrow_row == 0 ? 2 : 1, 1);
      gtk_widget_set_margin_top (part, place->narrow_row == 0 && place->block > 0 ? 12 : 0);
      for (int y = 0; place->narrow_row == 0 && y < N_YEARS; y++)
        make_year_label (self, place->block, y);
    }
  if (!self->narrow || place->block < 0)
    gtk_widget_set_margin_top (part, 0);

  /* A year's fields (the parts that are grids, the others are labels):
   * what the figures are, once a row in the wide layout, on each year's
   * line in the narrow one. */
  if (GTK_IS_GRID (part))
    {
      GtkWidget *caption;

      for (int c = 0; (caption = gtk_grid_get_child_at (GTK_GRID (part), 0, c)) != NULL; c++)
        gtk_widget_set_visible (caption, self->narrow || place->column == 1);
    }
}

static GtkWidget *
add_cell (IpmsThreeYearPage *self,
          const char        *text,
          guint              column,
          guint              row,
          gboolean           bold)
{
  GtkWidget *label = make_label (text, column == 0 ? 0.0 : 1.0, bold);

  /* A row's name heads its block; a figure follows its year. The corner
   * and the years above the columns are the wide layout's alone. */
  add_part (self, label, (int) column, (int) row,
            row == 0 ? -1 : (int) row - 1, row == 0 ? -1 : (int) column);
  set_text (self, column, row, text);

  return label;
}

/* Puts the parts in the grid as the width asks. */
static void
layout_grid (IpmsThreeYearPage *self)
{
  GtkWidget *child;

  /* Taken out first: a grid keeps its children's old places. The parts
   * live on in self->parts, the narrow layout's year labels go. */
  while ((child = gtk_widget_get_first_child (self->grid)) != NULL)
    gtk_grid_remove (GTK_GRID (self->grid), child);

  gtk_grid_set_column_spacing (GTK_GRID (self->grid), self->narrow ? 12 : 24);
  for (guint i = 0; i < self->parts->len; i++)
    attach_part (self, g_ptr_array_index (self->parts, i));
}

static gboolean
update_layout_cb (gpointer data)
{
  IpmsThreeYearPage *self = data;
  gboolean narrow = adw_squeezer_get_visible_child (ADW_SQUEEZER (self->squeezer)) == self->narrow_bin;
  GtkWidget *bin = narrow ? self->narrow_bin : self->wide_bin;

  self->layout_idle = 0;
  if (narrow == self->narrow && gtk_widget_get_parent (self->grid) == bin)
    return G_SOURCE_REMOVE;

  /* The grid keeps its field rows, and what is typed in them, as it moves. */
  g_object_ref (self->grid);
  gtk_box_remove (GTK_BOX (gtk_widget_get_parent (self->grid)), self->grid);
  gtk_box_append (GTK_BOX (bin), self->grid);
  g_object_unref (self->grid);

  self->narrow = narrow;
  layout_grid (self);

  return G_SOURCE_REMOVE;
}

/* The squeezer picks a layout while laying the page out, when the grid
 * cannot change: it changes right after. */
static void
shown_layout_changed_cb (IpmsThreeYearPage *self)
{
  if (self->layout_idle == 0)
    self->layout_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_layout_cb, self, NULL);
}

static char *
format_target (double      sales,
               gboolean    has_margin,
               double      margin,
               const char *currency)
{
  g_autofree char *money = ipms_format_compact (sales, currency);

  if (!has_margin)
    return g_steal_pointer (&money);

  /* Translators: a cell of the three-year grid: a sales target and its
   * gross margin, as “$11.0M · 46 %” */
  return g_strdup_printf (_("%s · %.0f %%"), money, margin);
}

static char *
target_key (gint64 year,
            gint64 series_id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, year, series_id);
}

/* The targets by year and series (0: the product group), the first of
 * each: looked up for every cell of the grid, two hundred series and
 * more at 10,000 products. */
static GHashTable *
index_targets (GPtrArray *targets)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint t = 0; t < targets->len; t++)
    {
      IpmsRecord *target = g_ptr_array_index (targets, t);
      gint64 series_id = ipms_record_is_null (target, "series_id") ? 0 : ipms_record_get_int (target, "series_id");
      char *key = target_key (ipms_record_get_int (target, "year"), series_id);

      if (g_hash_table_contains (index, key))
        g_free (key);
      else
        g_hash_table_insert (index, key, target);
    }

  return index;
}

static IpmsRecord *
find_target (GHashTable *targets,
             int         year,
             gint64      series_id)
{
  g_autofree char *key = target_key (year, series_id);

  return g_hash_table_lookup (targets, key);
}

/* A box of field rows, one per column, for one series (0: the product
 * group) and year; a missing target is made by typing in it. */
static GtkWidget *
make_target_cell (IpmsThreeYearPage  *self,
                  const char * const *columns,
                  const char         *series_name,
                  int                 year,
                  gint64              series_id)
{
  IpmsDocument *document = ipms_form_page_get_document (IPMS_FORM_PAGE (self));
  const IpmsTable *table = ipms_schema_lookup_table ("yearly_target");
  GtkWidget *part = gtk_grid_new ();
  /* Translators: where a field of the three-year grid is, as “Outdoor, 2027” */
  g_autofree char *where = g_strdup_printf (_("%s, %d"), series_name, year);

  gtk_grid_set_column_spacing (GTK_GRID (part), 12);

  /* Cells, which make their field rows when first edited: a grid of two
   * hundred series stays quick to show. */
  for (guint c = 0; columns[c] != NULL; c++)
    {
      GtkWidget *cell = ipms_table_cell_new (document, "yearly_target", columns[c]);
      GtkWidget *caption = gtk_label_new (ipms_column_get_label (ipms_table_lookup_column (table, columns[c])));

      /* The cells show bare numbers: a ranking or an awareness is not told
       * from a margin by its look. Their accessible names say it already. */
      gtk_label_set_xalign (GTK_LABEL (caption), 0.0);
      /* The cells keep to the column's end, under their year. */
      gtk_widget_set_hexpand (caption, TRUE);
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_accessible_update_state (GTK_ACCESSIBLE (caption), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_grid_attach (GTK_GRID (part), caption, 0, (int) c, 1, 1);

      gtk_widget_set_size_request (cell, 120, -1);
      /* Not a card: GTK 4.8's cairo renderer blurs a card's shadows on
       * every first show, some 30 ms for the example's 36 cells. */
      gtk_widget_add_css_class (cell, "grid-field");
      gtk_widget_set_margin_top (cell, 2);
      gtk_widget_set_margin_bottom (cell, 2);
      ipms_table_cell_set_context (IPMS_TABLE_CELL (cell), where);
      g_object_set_data (G_OBJECT (cell), "ipms-column", (gpointer) columns[c]);
      g_object_set_data (G_OBJECT (cell), "ipms-year", GINT_TO_POINTER (year));
      g_object_set_data_full (G_OBJECT (cell), "ipms-series", g_memdup2 (&series_id, sizeof series_id), g_free);
      g_ptr_array_add (self->cells, cell);
      gtk_grid_attach (GTK_GRID (part), cell, 1, (int) c, 1, 1);
    }

  return part;
}

/* Where the field under the pointer is, from the cell's own context: a
 * tooltip set on each of the grid's cells costs GTK 4.8 on X11 a round
 * trip to the server, a second or so for two hundred series. */
static gboolean
grid_query_tooltip_cb (GtkWidget  *grid,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip)
{
  GtkWidget *picked = keyboard ? gtk_root_get_focus (gtk_widget_get_root (grid))
                               : gtk_widget_pick (grid, x, y, GTK_PICK_DEFAULT);
  GtkWidget *cell = picked != NULL ? gtk_widget_get_ancestor (picked, IPMS_TYPE_TABLE_CELL) : NULL;
  const char *where = cell != NULL ? ipms_table_cell_get_context (IPMS_TABLE_CELL (cell)) : NULL;

  if (where == NULL || !gtk_widget_is_ancestor (cell, grid))
    return FALSE;

  gtk_tooltip_set_text (tooltip, where);
  return TRUE;
}

static void
bind_cell (IpmsThreeYearPage *self,
           IpmsTableCell     *cell)
{
  int year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "ipms-year"));
  gint64 series_id = *(gint64 *) g_object_get_data (G_OBJECT (cell), "ipms-series");
  IpmsRecord *target = find_target (self->targets, year, series_id);

  if (target == NULL)
    {
      static const char * const columns[] = { "year", "series_id", NULL };
      GValue values[2] = { G_VALUE_INIT, G_VALUE_INIT };

      g_value_init (&values[0], G_TYPE_INT64);
      g_value_set_int64 (&values[0], year);
      if (series_id != 0)
        {
          g_value_init (&values[1], G_TYPE_INT64);
          g_value_set_int64 (&values[1], series_id);
        }
      /* Undone: the row it made is gone, and typing makes it again. */
      ipms_table_cell_set_record (cell, NULL);
      ipms_table_cell_set_new_row (cell, columns, values);
      g_value_unset (&values[0]);
      if (G_IS_VALUE (&values[1]))
        g_value_unset (&values[1]);
    }
  else
    ipms_table_cell_set_record (cell, target);
}

/* The row of the next series not built yet, bound, before the sum's. */
static void
build_series_row (IpmsThreeYearPage *self)
{
  IpmsRecord *project = ipms_document_get_project (ipms_form_page_get_document (IPMS_FORM_PAGE (self)));
  int start = (int) ipms_record_get_int (project, "start_year");
  IpmsRecord *record = g_ptr_array_index (self->series, self->n_built);
  const char *name = ipms_record_get_string (record, "name");
  guint s = self->n_built++;
  guint first_part = self->parts->len;
  guint first_cell = self->cells->len;
  GtkWidget *sibling;

  add_cell (self, name, 0, s + 1, FALSE);
  for (guint y = 0; y < N_YEARS; y++)
    add_part (self, make_target_cell (self, series_columns, name, start + (int) y, ipms_record_get_id (record)),
              (int) y + 1, (int) s + 1, (int) s, (int) y + 1);

  /* In the order of the rows, in the parts and in the grid (which is
   * the order a screen reader reads them in). */
  sibling = self->tail < first_part ? g_ptr_array_index (self->parts, self->tail) : NULL;
  for (guint i = first_part; i < self->parts->len; i++)
    {
      GtkWidget *part = g_ptr_array_steal_index (self->parts, i);

      g_ptr_array_insert (self->parts, (int) self->tail++, part);
      attach_part (self, part);
      if (sibling != NULL)
        gtk_widget_insert_before (part, self->grid, sibling);
    }

  for (guint i = first_cell; i < self->cells->len; i++)
    bind_cell (self, g_ptr_array_index (self->cells, i));
}

static gboolean
build_rows_cb (gpointer data)
{
  IpmsThreeYearPage *self = data;

  for (guint i = 0; i < SERIES_PER_IDLE && self->n_built < self->series->len; i++)
    build_series_row (self);

  if (self->n_built < self->series->len)
    return G_SOURCE_CONTINUE;

  self->build_idle = 0;
  return G_SOURCE_REMOVE;
}

/* After the frame that shows the page: an idle between two frames would
 * otherwise build every row before the first. */
static gboolean
start_building_cb (GtkWidget     *grid,
                   GdkFrameClock *clock,
                   gpointer       data)
{
  IpmsThreeYearPage *self = data;

  self->build_tick = 0;
  if (self->build_idle == 0)
    self->build_idle = g_idle_add_full (G_PRIORITY_LOW, build_rows_cb, self, NULL);

  return G_SOURCE_REMOVE;
}

static void
clear_building (IpmsThreeYearPage *self)
{
  if (self->build_tick != 0)
    gtk_widget_remove_tick_callback (self->grid, self->build_tick);
  self->build_tick = 0;
  g_clear_handle_id (&self->build_idle, g_source_remove);
}

/* Every row now, for what asks for a cell. */
static void
build_all_rows (IpmsThreeYearPage *self)
{
  while (self->series != NULL && self->n_built < self->series->len)
    build_series_row (self);
  clear_building (self);
}

/* The totals and the texts of the grid, after each change; the field
 * rows follow their records themselves. */
static void
update_grid (IpmsThreeYearPage *self)
{
  IpmsDocument *document = ipms_form_page_get_document (IPMS_FORM_PAGE (self));
  IpmsRecord *project = ipms_document_get_project (document);
  g_autoptr(GPtrArray) series = ipms_document_query (document, "series", NULL, 0, "position");
  GHashTable *targets;
  g_autoptr(GString) shape = g_string_new (NULL);
  const char *currency = ipms_record_get_string (project, "currency");
  int start = (int) ipms_record_get_int (project, "start_year");
  guint sum_row = series->len + 1;

  g_clear_pointer (&self->targets, g_hash_table_unref);
  g_clear_pointer (&self->target_rows, g_ptr_array_unref);
  self->target_rows = ipms_document_query (document, "yearly_target", NULL, 0, NULL);
  self->targets = targets = index_targets (self->target_rows);

  g_string_append_printf (shape, "%d", start);
  for (guint s = 0; s < series->len; s++)
    g_string_append_printf (shape, "|%" G_GINT64_FORMAT ":%s", ipms_record_get_id (g_ptr_array_index (series, s)),
                            ipms_record_get_string (g_ptr_array_index (series, s), "name"));

  if (g_strcmp0 (shape->str, self->shape) != 0)
    {
      GtkWidget *child;

      g_free (self->shape);
      self->shape = g_strdup (shape->str);
      clear_building (self);
      g_ptr_array_set_size (self->cells, 0);
      while ((child = gtk_widget_get_first_child (self->grid)) != NULL)
        gtk_grid_remove (GTK_GRID (self->grid), child);
      g_ptr_array_set_size (self->parts, 0);
      g_clear_pointer (&self->series, g_ptr_array_unref);
      self->series = g_ptr_array_ref (series);
      self->n_built = 0;

      /* Translators: the corner of the three-year grid, above the series names */
      add_cell (self, _("Series"), 0, 0, TRUE);
      for (guint y = 0; y < N_YEARS; y++)
        {
          g_autofree char *year = g_strdup_printf ("%d", start + (int) y);

          add_cell (self, year, y + 1, 0, TRUE);
        }
      self->tail = self->parts->len;

      /* Translators: a row of the three-year grid: the sum of the series' targets */
      add_cell (self, _("All series"), 0, sum_row, TRUE);
      for (guint y = 0; y < N_YEARS; y++)
        g_object_set_data (G_OBJECT (self->grid), g_intern_static_string (y == 0 ? "sum0" : y == 1 ? "sum1" : "sum2"),
                           add_cell (self, "", y + 1, sum_row, TRUE));

      /* Translators: a row of the three-year grid: the target of the whole product group */
      add_cell (self, _("Product group target"), 0, sum_row + 1, TRUE);
      for (guint y = 0; y < N_YEARS; y++)
        add_part (self, make_target_cell (self, group_columns, _("Product group target"), start + (int) y, 0),
                  (int) y + 1, (int) sum_row + 1, (int) sum_row, (int) y + 1);

      layout_grid (self);

      /* The series' rows go between the years and the sum; those below
       * the first screen come in idle time, whatever their number. */
      for (guint s = 0; s < series->len; s++)
        set_text (self, 0, s + 1, ipms_record_get_string (g_ptr_array_index (series, s), "name"));
      while (self->n_built < MIN (series->len, FIRST_SERIES))
        build_series_row (self);
      if (self->n_built < series->len)
        self->build_tick = gtk_widget_add_tick_callback (self->grid, start_building_cb, self, NULL);
    }

  for (guint i = 0; i < self->cells->len; i++)
    bind_cell (self, g_ptr_array_index (self->cells, i));

  for (guint y = 0; y < N_YEARS; y++)
    {
      double sum = 0, weighted = 0, weight = 0;
      IpmsRecord *group = find_target (targets, start + (int) y, 0);

      for (guint s = 0; s < series->len; s++)
        {
          IpmsRecord *target = find_target (targets, start + (int) y, ipms_record_get_id (g_ptr_array_index (series, s)));
          g_autofree char *text = NULL;

          if (target != NULL)
            {
              double sales = ipms_record_get_double (target, "sales");

              sum += sales;
              if (!ipms_record_is_null (target, "margin"))
                {
                  weighted += ipms_record_get_double (target, "margin") * sales;
                  weight += sales;
                }
              text = format_target (sales, !ipms_record_is_null (target, "margin"),
                                    ipms_record_get_double (target, "margin"), currency);
            }
          /* Translators: a cell of the three-year grid without a target */
          set_text (self, y + 1, s + 1, target != NULL ? text : _("—"));
        }

      {
        g_autofree char *text = format_target (sum, weight > 0, weight > 0 ? weighted / weight : 0, currency);
        GtkWidget *label = g_object_get_data (G_OBJECT (self->grid), y == 0 ? "sum0" : y == 1 ? "sum1" : "sum2");

        gtk_label_set_text (GTK_LABEL (label), text);
        set_text (self, y + 1, sum_row, text);
      }

      if (group != NULL)
        {
          g_autofree char *text = format_target (ipms_record_get_double (group, "sales"),
                                                 !ipms_record_is_null (group, "margin"),
                                                 ipms_record_get_double (group, "margin"), currency);

          set_text (self, y + 1, sum_row + 1, text);
        }
      else
        set_text (self, y + 1, sum_row + 1, _("—"));
    }
}

static GtkWidget *
build_overview (IpmsThreeYearPage *self)
{
  IpmsDocument *document = ipms_form_page_get_document (IPMS_FORM_PAGE (self));
  g_autoptr(IpmsThreeYearChart) chart = ipms_three_year_chart_new (document);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  /* Translators: a form section: the three-year plan's series against its years */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Series by Year"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Sales target and gross margin of each series, their sum, "
                                           "and the target of the whole product group."));

  self->grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 24);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 8);
  gtk_widget_set_margin_top (self->grid, 12);
  gtk_widget_set_margin_bottom (self->grid, 12);
  gtk_widget_set_margin_start (self->grid, 12);
  gtk_widget_set_margin_end (self->grid, 12);
  gtk_widget_add_css_class (self->grid, "three-year-grid");
  gtk_widget_set_has_tooltip (self->grid, TRUE);
  g_signal_connect (self->grid, "query-tooltip", G_CALLBACK (grid_query_tooltip_cb), NULL);

  self->wide_bin = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->wide_bin, "card");
  /* The squeezer shows the grid's columns from this width up, also while
   * the grid is in the other bin. */
  gtk_widget_set_size_request (self->wide_bin, WIDE_WIDTH, -1);
  gtk_box_append (GTK_BOX (self->wide_bin), self->grid);
  self->narrow_bin = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->narrow_bin, "card");

  self->squeezer = adw_squeezer_new ();
  adw_squeezer_set_homogeneous (ADW_SQUEEZER (self->squeezer), FALSE);
  adw_squeezer_set_transition_type (ADW_SQUEEZER (self->squeezer), ADW_SQUEEZER_TRANSITION_TYPE_NONE);
  /* By the minimum: WIDE_WIDTH, whichever bin holds the grid, so that
   * moving it does not flip the choice back. */
  adw_squeezer_set_switch_threshold_policy (ADW_SQUEEZER (self->squeezer), ADW_FOLD_THRESHOLD_POLICY_MINIMUM);
  adw_squeezer_add (ADW_SQUEEZER (self->squeezer), self->wide_bin);
  adw_squeezer_add (ADW_SQUEEZER (self->squeezer), self->narrow_bin);
  g_signal_connect_swapped (self->squeezer, "notify::visible-child", G_CALLBACK (shown_layout_changed_cb), self);
  gtk_box_append (GTK_BOX (box), self->squeezer);

  /* Translators: the accessible name of the three-year chart */
  self->chart = ipms_chart_picture_new (IPMS_CHART (chart), _("Sales by series per year, with the gross margin"));
  gtk_widget_add_css_class (self->chart, "card");
  gtk_widget_set_overflow (self->chart, GTK_OVERFLOW_HIDDEN);
  gtk_box_append (GTK_BOX (box), self->chart);

  {
    GtkWidget *export = gtk_button_new ();
    /* A label child names the button once for screen readers; GTK 4.8 reads
     * a button's own mnemonic label twice. */
    GtkWidget *label = gtk_label_new_with_mnemonic (_("_Export Chart…"));

    gtk_label_set_mnemonic_widget (GTK_LABEL (label), export);
    gtk_button_set_child (GTK_BUTTON (export), label);

    gtk_widget_set_tooltip_text (export, _("Export the chart as PNG, SVG or PDF"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (export), "three-year.export");
    gtk_widget_set_halign (export, GTK_ALIGN_END);
    gtk_box_append (GTK_BOX (box), export);
  }

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);

  return group;
}

GtkWidget *
ipms_three_year_page_get_chart (IpmsThreeYearPage *self)
{
  g_return_val_if_fail (IPMS_IS_THREE_YEAR_PAGE (self), NULL);

  return self->chart;
}

const char *
ipms_three_year_page_get_grid_text (IpmsThreeYearPage *self,
                                    guint              column,
                                    guint              row)
{
  g_return_val_if_fail (IPMS_IS_THREE_YEAR_PAGE (self), NULL);

  ipms_form_page_catch_up (IPMS_FORM_PAGE (self));

  return g_hash_table_lookup (self->texts, position_key (column, row));
}

GtkWidget *
ipms_three_year_page_get_grid_field (IpmsThreeYearPage *self,
                                     gint64             series_id,
                                     int                year,
                                     const char        *column)
{
  g_return_val_if_fail (IPMS_IS_THREE_YEAR_PAGE (self), NULL);

  ipms_form_page_catch_up (IPMS_FORM_PAGE (self));
  build_all_rows (self);

  for (guint i = 0; i < self->cells->len; i++)
    {
      IpmsTableCell *cell = g_ptr_array_index (self->cells, i);

      if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "ipms-year")) == year &&
          *(gint64 *) g_object_get_data (G_OBJECT (cell), "ipms-series") == series_id &&
          g_str_equal (g_object_get_data (G_OBJECT (cell), "ipms-column"), column))
        return ipms_table_cell_get_row (cell);
    }

  return NULL;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  /* A chart of its own for the file, as the other charts' exports do. */
  IpmsDocument *document = ipms_form_page_get_document (IPMS_FORM_PAGE (widget));
  g_autoptr(IpmsThreeYearChart) chart = ipms_three_year_chart_new (document);
  IpmsExportDialog *dialog;

  dialog = ipms_export_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, document,
                                   IPMS_CHART (chart), "three-year-plan", _("Three-year plan"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
row_changed_cb (IpmsThreeYearPage *self,
                const char        *table)
{
  if (g_str_equal (table, "series") || g_str_equal (table, "yearly_target"))
    self->stale = TRUE;
}

/* Of the project, the grid shows the years and the currency: a write to
 * any other of its fields (the analysis of the other views) leaves it. */
static void
mark_stale (IpmsThreeYearPage *self)
{
  self->stale = TRUE;
}

static void
ipms_three_year_page_update (IpmsFormPage *page)
{
  IpmsThreeYearPage *self = IPMS_THREE_YEAR_PAGE (page);

  if (!self->stale)
    return;

  self->stale = FALSE;
  update_grid (self);
}

static void
ipms_three_year_page_constructed (GObject *object)
{
  IpmsThreeYearPage *self = IPMS_THREE_YEAR_PAGE (object);
  IpmsDocument *document;
  IpmsRecord *project;

  G_OBJECT_CLASS (ipms_three_year_page_parent_class)->constructed (object);
  document = ipms_form_page_get_document (IPMS_FORM_PAGE (self));
  project = ipms_document_get_project (document);

  ipms_form_page_add_header (IPMS_FORM_PAGE (self), build_overview (self));
  /* Marked on each row, updated once a change is done (see update()). */
  g_signal_connect_object (document, "row-changed", G_CALLBACK (row_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "reloaded", G_CALLBACK (mark_stale), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (project, "notify::start-year", G_CALLBACK (mark_stale), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (project, "notify::currency", G_CALLBACK (mark_stale), self, G_CONNECT_SWAPPED);
  update_grid (self);
}

static void
ipms_three_year_page_dispose (GObject *object)
{
  IpmsThreeYearPage *self = IPMS_THREE_YEAR_PAGE (object);

  g_clear_handle_id (&self->layout_idle, g_source_remove);
  clear_building (self);
  /* The grid's rows flush what was typed as they go. */
  G_OBJECT_CLASS (ipms_three_year_page_parent_class)->dispose (object);
  g_clear_pointer (&self->parts, g_ptr_array_unref);

  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->texts, g_hash_table_unref);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->targets, g_hash_table_unref);
  g_clear_pointer (&self->target_rows, g_ptr_array_unref);
  g_clear_pointer (&self->shape, g_free);
}

static void
ipms_three_year_page_class_init (IpmsThreeYearPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ipms_three_year_page_constructed;
  object_class->dispose = ipms_three_year_page_dispose;
  IPMS_FORM_PAGE_CLASS (klass)->update = ipms_three_year_page_update;
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "three-year.export", NULL, export_action);
  ipms_form_page_class_set_spec (IPMS_FORM_PAGE_CLASS (klass), &ipms_three_year_spec);
}

static void
ipms_three_year_page_init (IpmsThreeYearPage *self)
{
  self->cells = g_ptr_array_new ();
  self->parts = g_ptr_array_new_with_free_func (g_object_unref);
  self->texts = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}
