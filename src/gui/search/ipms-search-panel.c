/* ipms-search-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-search.h"
#include "ipms-search-panel.h"
#include "ipms-window.h"

/* A list one reads, not scrolls through: a longer one says to type more. */
#define MAX_RESULTS 100

struct _IpmsSearchPanel
{
  AdwBin        parent_instance;

  IpmsDocument *document;
  char         *query;
  guint         refresh_source;
  /* While "preparing" waits to be on screen before the search makes the
   * index (which blocks for a moment): the clock and its handler. */
  GdkFrameClock *preparing_clock;
  gulong         preparing_handler;
  gboolean       preparing_shown;
  /* Makes in steps, while the window is idle, an index that an import
   * left to be made, so that the first search does not wait for it. */
  guint          index_source;

  /* Template widgets */
  GtkStack     *stack;
  GtkListBox   *list;
  GtkWidget    *more_label;
  GtkSpinner   *preparing_spinner;
};

G_DEFINE_FINAL_TYPE (IpmsSearchPanel, ipms_search_panel, ADW_TYPE_BIN)

typedef struct
{
  guint          section_index;
  guint          order;
  const char    *section;
  IpmsSearchHit *hit;
} Placed;

static int
compare_placed (gconstpointer a,
                gconstpointer b)
{
  const Placed *placed_a = a;
  const Placed *placed_b = b;

  if (placed_a->section_index != placed_b->section_index)
    return placed_a->section_index < placed_b->section_index ? -1 : 1;

  return placed_a->order < placed_b->order ? -1 : placed_a->order > placed_b->order;
}

static guint
section_index (const char *section)
{
  const char * const *sections = ipms_window_list_sections ();

  for (guint i = 0; sections[i] != NULL; i++)
    if (g_str_equal (sections[i], section))
      return i;

  return G_MAXUINT;
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  const char *section = g_object_get_data (G_OBJECT (row), "ipms-section-id");
  GtkWidget *header;

  if (before != NULL && g_str_equal (section, g_object_get_data (G_OBJECT (before), "ipms-section-id")))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  if (gtk_list_box_row_get_header (row) != NULL)
    return;

  header = gtk_label_new (ipms_window_get_section_title (section));
  gtk_label_set_xalign (GTK_LABEL (header), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (header), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (header, "sidebar-heading");
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_list_box_row_set_header (row, header);
}

/* "Product name · Concept": which record and which of its fields. */
static char *
describe_hit (IpmsSearchPanel     *self,
              const IpmsSearchHit *hit)
{
  const IpmsTable *table = ipms_schema_lookup_table (hit->table);
  const char *field = ipms_column_get_label (ipms_table_lookup_column (table, hit->column));
  const char *name = NULL;

  if (g_str_equal (hit->table, "project"))
    return g_strdup (field);

  if (table->display_column != NULL && !g_str_equal (table->display_column, hit->column))
    {
      IpmsRecord *record = ipms_document_get_record (self->document, hit->table, hit->id);

      if (record != NULL)
        name = ipms_record_get_string (record, table->display_column);
    }

  if (name != NULL && *name != '\0')
    return g_strdup_printf ("%s · %s", name, field);

  /* The record is named by the field found: say which kind of record. */
  if (g_str_equal (ipms_table_get_label (table), field))
    return g_strdup (field);

  return g_strdup_printf ("%s · %s", ipms_table_get_label (table), field);
}

static GtkWidget *
create_row (IpmsSearchPanel *self,
            const Placed    *placed)
{
  const IpmsSearchHit *hit = placed->hit;
  g_autofree char *before = g_markup_escape_text (hit->snippet, (gssize) hit->match_start);
  g_autofree char *match = g_markup_escape_text (hit->snippet + hit->match_start,
                                                 (gssize) (hit->match_end - hit->match_start));
  g_autofree char *after = g_markup_escape_text (hit->snippet + hit->match_end, -1);
  g_autofree char *markup = g_strdup_printf ("%s<b>%s</b>%s", before, match, after);
  g_autofree char *where = describe_hit (self, hit);
  g_autofree char *accessible = g_strdup_printf ("%s, %s", hit->snippet, where);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *text = gtk_label_new (NULL);
  GtkWidget *caption = gtk_label_new (where);

  /* The sidebar keeps its width: the texts wrap and end in "…" instead. */
  gtk_label_set_max_width_chars (GTK_LABEL (text), 20);
  gtk_label_set_max_width_chars (GTK_LABEL (caption), 20);
  gtk_label_set_markup (GTK_LABEL (text), markup);
  gtk_label_set_xalign (GTK_LABEL (text), 0.0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (text), 2);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);

  gtk_label_set_xalign (GTK_LABEL (caption), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");

  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  g_object_set_data (G_OBJECT (row), "ipms-section-id", (gpointer) placed->section);
  g_object_set_data (G_OBJECT (row), "ipms-table", (gpointer) hit->table);
  g_object_set_data (G_OBJECT (row), "ipms-column", (gpointer) hit->column);
  g_object_set_data_full (G_OBJECT (row), "ipms-id", g_memdup2 (&hit->id, sizeof hit->id), g_free);

  return row;
}

static void
remove_rows (IpmsSearchPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

static gboolean refresh_cb (gpointer user_data);

/* A spinner spins on in a stack page that is not shown: GTK 4.8 goes on
 * styling such a page, and its animation then made the window lay itself
 * out and paint in every frame, for good, at some 4 % of a core. */
static void
preparing_spinner_follow_page (IpmsSearchPanel *self)
{
  gtk_spinner_set_spinning (self->preparing_spinner,
                            g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "preparing") == 0);
}

static void
stop_preparing (IpmsSearchPanel *self)
{
  if (self->preparing_handler != 0)
    g_signal_handler_disconnect (self->preparing_clock, self->preparing_handler);
  self->preparing_handler = 0;
  g_clear_object (&self->preparing_clock);
}

static void
preparing_painted_cb (GdkFrameClock   *clock,
                      IpmsSearchPanel *self)
{
  stop_preparing (self);
  self->preparing_shown = TRUE;
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_cb, self);
}

/* Shows "preparing" and searches once it is painted; FALSE when there is
 * nothing to wait for (the index is made, or the panel is not shown). */
static gboolean
show_preparing (IpmsSearchPanel *self)
{
  GdkFrameClock *clock;
  GtkRoot *root;

  if (self->preparing_shown || ipms_search_is_ready (self->document))
    return FALSE;

  if (self->preparing_handler != 0)
    return TRUE;

  /* The window's clock: the panel itself is not realized yet when the
   * query that shows it arrives. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  clock = root != NULL ? gtk_widget_get_frame_clock (GTK_WIDGET (root)) : NULL;
  if (clock == NULL)
    return FALSE;

  gtk_stack_set_visible_child_name (self->stack, "preparing");
  self->preparing_clock = g_object_ref (clock);
  self->preparing_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (preparing_painted_cb), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return TRUE;
}

static void
refresh (IpmsSearchPanel *self)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  g_autoptr(GError) error = NULL;
  gboolean truncated = FALSE;

  remove_rows (self);

  if (self->document == NULL || self->query == NULL)
    {
      stop_preparing (self);
      self->preparing_shown = FALSE;
      return;
    }

  /* The first search after an import makes the index: a moment on a
   * large plan, which the panel says before it blocks. */
  if (show_preparing (self))
    return;
  self->preparing_shown = FALSE;

  hits = ipms_search_run (self->document, self->query, MAX_RESULTS, &truncated, &error);
  if (hits == NULL)
    {
      /* Translators: a toast title; the reason follows */
      gtk_widget_activate_action (GTK_WIDGET (self), "win.report-error", "(ss)",
                                  _("Could not search the project"), error->message);
      return;
    }

  /* Results go under the section that opens them, in sidebar order; a
   * field no view shows cannot be opened and is left out. */
  for (guint i = 0; i < hits->len; i++)
    {
      IpmsSearchHit *hit = g_ptr_array_index (hits, i);
      const char *section = ipms_window_get_section_for_record (hit->table, hit->column);
      Placed entry = { 0, i, section, hit };

      if (section == NULL)
        continue;

      entry.section_index = section_index (section);
      g_array_append_val (placed, entry);
    }
  g_array_sort (placed, compare_placed);

  for (guint i = 0; i < placed->len; i++)
    gtk_list_box_append (self->list, create_row (self, &g_array_index (placed, Placed, i)));

  gtk_widget_set_visible (self->more_label, truncated);
  gtk_stack_set_visible_child_name (self->stack, placed->len > 0 ? "results" : "empty");
}

static gboolean
refresh_cb (gpointer user_data)
{
  IpmsSearchPanel *self = user_data;

  self->refresh_source = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

/* After an edit, undo, redo or import, once for all its rows. */
/* A step takes about this long, whatever the plan's size. */
#define INDEX_STEP_MS 15.0
/* Between steps, for the window to stay responsive. */
#define INDEX_STEP_PAUSE_MS 30

static gboolean
index_step_cb (gpointer user_data)
{
  IpmsSearchPanel *self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  if (!ipms_search_prepare_step (self->document, INDEX_STEP_MS, &done, &error))
    {
      /* The first search makes the index whole, and reports a failure. */
      g_message ("The search index is left to the first search: %s", error->message);
      self->index_source = 0;
      return G_SOURCE_REMOVE;
    }

  if (done)
    {
      self->index_source = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
prepare_index_later (IpmsSearchPanel *self)
{
  if (self->index_source != 0 || self->document == NULL || ipms_search_is_ready (self->document))
    return;

  self->index_source = g_timeout_add_full (G_PRIORITY_LOW, INDEX_STEP_PAUSE_MS, index_step_cb, self, NULL);
}

static void
document_changed_cb (IpmsSearchPanel *self)
{
  if (self->query != NULL && self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_cb, self);
  prepare_index_later (self);
}

static void
row_activated_cb (IpmsSearchPanel *self,
                  GtkListBoxRow   *row)
{
  const gint64 *id = g_object_get_data (G_OBJECT (row), "ipms-id");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(sxs)",
                              g_object_get_data (G_OBJECT (row), "ipms-table"), *id,
                              g_object_get_data (G_OBJECT (row), "ipms-column"));
}

void
ipms_search_panel_set_document (IpmsSearchPanel *self,
                                IpmsDocument    *document)
{
  g_return_if_fail (IPMS_IS_SEARCH_PANEL (self));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_handle_id (&self->index_source, g_source_remove);

  g_set_object (&self->document, document);
  prepare_index_later (self);

  if (document != NULL)
    {
      g_signal_connect_swapped (document, "changes-done", G_CALLBACK (document_changed_cb), self);
      g_signal_connect_swapped (document, "reloaded", G_CALLBACK (document_changed_cb), self);
    }

  refresh (self);
}

void
ipms_search_panel_set_query (IpmsSearchPanel *self,
                             const char      *query)
{
  g_autofree char *trimmed = NULL;

  g_return_if_fail (IPMS_IS_SEARCH_PANEL (self));

  trimmed = g_strstrip (g_strdup (query != NULL ? query : ""));
  g_clear_pointer (&self->query, g_free);
  if (*trimmed != '\0')
    self->query = g_steal_pointer (&trimmed);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  refresh (self);
}

guint
ipms_search_panel_get_n_results (IpmsSearchPanel *self)
{
  guint n = 0;

  g_return_val_if_fail (IPMS_IS_SEARCH_PANEL (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child);

  return n;
}

GtkWidget *
ipms_search_panel_get_row (IpmsSearchPanel *self,
                           guint            index)
{
  g_return_val_if_fail (IPMS_IS_SEARCH_PANEL (self), NULL);

  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, (int) index));
}

gboolean
ipms_search_panel_focus_first (IpmsSearchPanel *self)
{
  GtkListBoxRow *first;

  g_return_val_if_fail (IPMS_IS_SEARCH_PANEL (self), FALSE);

  first = gtk_list_box_get_row_at_index (self->list, 0);
  if (first == NULL)
    return FALSE;

  gtk_list_box_select_row (self->list, first);
  return gtk_widget_grab_focus (GTK_WIDGET (first));
}

gboolean
ipms_search_panel_activate_first (IpmsSearchPanel *self)
{
  GtkListBoxRow *first;

  g_return_val_if_fail (IPMS_IS_SEARCH_PANEL (self), FALSE);

  first = gtk_list_box_get_row_at_index (self->list, 0);
  if (first == NULL)
    return FALSE;

  gtk_list_box_select_row (self->list, first);
  row_activated_cb (self, first);
  return TRUE;
}

static void
ipms_search_panel_dispose (GObject *object)
{
  IpmsSearchPanel *self = IPMS_SEARCH_PANEL (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->index_source, g_source_remove);
  stop_preparing (self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ipms_search_panel_parent_class)->dispose (object);
}

static void
ipms_search_panel_finalize (GObject *object)
{
  IpmsSearchPanel *self = IPMS_SEARCH_PANEL (object);

  g_free (self->query);

  G_OBJECT_CLASS (ipms_search_panel_parent_class)->finalize (object);
}

static void
ipms_search_panel_class_init (IpmsSearchPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipms_search_panel_dispose;
  object_class->finalize = ipms_search_panel_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ipmsplanner/Planner/search/ipms-search-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, IpmsSearchPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, IpmsSearchPanel, list);
  gtk_widget_class_bind_template_child (widget_class, IpmsSearchPanel, more_label);
  gtk_widget_class_bind_template_child (widget_class, IpmsSearchPanel, preparing_spinner);
  gtk_widget_class_bind_template_callback (widget_class, preparing_spinner_follow_page);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
ipms_search_panel_init (IpmsSearchPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_header_func (self->list, header_func, NULL, NULL);
}
