/* ipms-product-trace.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-format.h"
#include "ipms-link-row.h"
#include "ipms-product-trace.h"
#include "ipms-record.h"
#include "ipms-trace.h"

struct _IpmsProductTrace
{
  AdwBin        parent_instance;

  IpmsDocument *document;
  gint64        product_id;
  /* A change touched what the panel shows: rebuilt once the edit is done. */
  gboolean      dirty;

  GtkListBox   *warnings_list;
  GtkListBox   *segment_list;
  GtkListBox   *series_list;
  GtkListBox   *campaigns_list;
  AdwPreferencesGroup *owner_group;
  GtkListBox   *owner_list;
  GtkListBox   *charts_list;
};

G_DEFINE_FINAL_TYPE (IpmsProductTrace, ipms_product_trace, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_PRODUCT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The tables an IpmsTrace reads: a change elsewhere leaves the panel as it is. */
static const char * const traced_tables[] = {
  "product", "segment", "axis_item", "need", "series", "campaign",
  "member", "objective", "initiative", "price_band",
};

/* Rows */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* A row that opens something (`action` with `target`), or without an
 * action a dim line saying there is nothing. */
static GtkWidget *
add_row (GtkListBox *list,
         const char *title,
         const char *subtitle,
         const char *action,
         GVariant   *target)
{
  GtkWidget *row = action != NULL ? ipms_link_row_new_for_action (title, subtitle, action, target)
                                  : ipms_link_row_new (title, subtitle, FALSE);

  gtk_list_box_append (list, row);
  return row;
}

static GtkWidget *
add_record_row (GtkListBox *list,
                const char *title,
                const char *subtitle,
                IpmsRecord *record)
{
  return add_row (list, title, subtitle, "win.show-record",
                  g_variant_new ("(sxs)", ipms_record_get_table_name (record), ipms_record_get_id (record), ""));
}

static GtkWidget *
add_chart_row (IpmsProductTrace *self,
               const char       *title,
               const char       *subtitle,
               const char       *section)
{
  return add_row (self->charts_list, title, subtitle, "win.show-product-on",
                  g_variant_new ("(sx)", section, self->product_id));
}

static void
on_row_activated (IpmsProductTrace *self,
                  GtkListBoxRow    *row)
{
  ipms_link_row_activate (row);
}

/* "Label: value" for a column of the schema. */
static void
append_field (GString    *text,
              IpmsRecord *record,
              const char *column,
              const char *value)
{
  const IpmsColumn *spec = ipms_table_lookup_column (ipms_record_get_table (record), column);

  if (value == NULL || *value == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  /* Translators: a field of a record and its value, as in "Entry: 2027-01-15" */
  g_string_append_printf (text, C_("field", "%s: %s"), ipms_column_get_label (spec), value);
}

static void
append_date (GString    *text,
             IpmsRecord *record,
             const char *column)
{
  g_autofree char *date = NULL;

  if (ipms_record_is_null (record, column))
    return;
  date = ipms_format_date_iso (ipms_record_get_string (record, column));
  append_field (text, record, column, date);
}

static const char *
choice_label (IpmsRecord *record,
              const char *column)
{
  const IpmsColumn *spec = ipms_table_lookup_column (ipms_record_get_table (record), column);
  int index = ipms_column_find_choice (spec, ipms_record_get_string (record, column));

  return index >= 0 ? ipms_choice_get_label (&spec->choices[index]) : "";
}

/* Sections */

static void
build_warnings (IpmsProductTrace *self,
                IpmsTrace        *trace)
{
  static const struct {
    IpmsTraceWarnings  warning;
    const char        *section;  /* where the user fixes it */
  } kinds[] = {
    { IPMS_TRACE_WARNING_NO_SEGMENT, "panorama" },
    { IPMS_TRACE_WARNING_LAUNCH_BEFORE_DEV, "new-products" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *text = NULL;
      GtkWidget *row;

      if ((trace->warnings & kinds[i].warning) == 0)
        continue;

      text = ipms_trace_describe_warning (trace, kinds[i].warning);
      row = add_row (self->warnings_list, text, NULL, "win.show-product-on",
                     g_variant_new ("(sx)", kinds[i].section, self->product_id));
      gtk_widget_add_css_class (row, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      /* Long sentences wrap instead of widening the panel. */
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->warnings_list), trace->warnings != IPMS_TRACE_WARNING_NONE);
}

static void
build_segment (IpmsProductTrace *self,
               IpmsTrace        *trace)
{
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *title = NULL;

  if (trace->segment == NULL)
    {
      /* Translators: in a product's traceability panel */
      add_row (self->segment_list, _("In no segment"), NULL, NULL, NULL);
      return;
    }

  title = ipms_trace_dup_segment_title (self->document, trace->segment);
  append_field (details, trace->segment, "role", choice_label (trace->segment, "role"));
  if (!ipms_record_is_null (trace->segment, "size"))
    {
      g_autofree char *size = ipms_format_compact (ipms_record_get_int (trace->segment, "size"), NULL);

      append_field (details, trace->segment, "size", size);
    }
  for (guint i = 0; i < trace->needs->len; i++)
    {
      IpmsRecord *need = g_ptr_array_index (trace->needs, i);

      g_string_append_c (details, '\n');
      /* Translators: a need of a segment in the order of importance, 需求排序 */
      g_string_append_printf (details, C_("need", "%u. %s"), i + 1, ipms_record_get_string (need, "text"));
    }

  add_record_row (self->segment_list, title, details->str, trace->segment);
}

static void
build_series (IpmsProductTrace *self,
              IpmsTrace        *trace)
{
  g_autoptr(GString) details = g_string_new (NULL);

  if (trace->series == NULL)
    {
      /* Translators: in a product's traceability panel */
      add_row (self->series_list, _("In no series"), NULL, NULL, NULL);
      return;
    }

  append_field (details, trace->series, "positioning", ipms_record_get_string (trace->series, "positioning"));
  append_date (details, trace->series, "entry_date");
  append_date (details, trace->series, "first_launch_date");
  append_date (details, trace->series, "refresh_date");
  add_record_row (self->series_list, ipms_record_get_string (trace->series, "name"), details->str, trace->series);
}

static void
build_campaigns (IpmsProductTrace *self,
                 IpmsTrace        *trace)
{
  for (guint i = 0; i < trace->campaigns->len; i++)
    {
      IpmsRecord *campaign = g_ptr_array_index (trace->campaigns, i);
      g_autoptr(GString) details = g_string_new (NULL);

      append_field (details, campaign, "goal", ipms_record_get_string (campaign, "goal"));
      append_date (details, campaign, "start_date");
      append_date (details, campaign, "end_date");
      add_record_row (self->campaigns_list, ipms_record_get_string (campaign, "name"), details->str, campaign);
    }

  if (trace->campaigns->len == 0)
    add_row (self->campaigns_list,
             trace->segment != NULL ? _("No campaign targets its segment")
                                    /* Translators: campaigns target a segment, and this product has none */
                                    : _("Campaigns target a segment, and it has none"),
             NULL, NULL, NULL);
}

static void
build_owner (IpmsProductTrace *self,
             IpmsTrace        *trace)
{
  g_autofree char *title = NULL;

  if (trace->owner == NULL)
    {
      /* Translators: a heading; ISOR 内观 */
      adw_preferences_group_set_title (self->owner_group, _("Owner’s Objectives and Initiatives"));
      add_row (self->owner_list, _("The product has no owner"), NULL, NULL, NULL);
      return;
    }

  /* Translators: a heading; %s is a person, ISOR 内观 */
  title = g_strdup_printf (_("Objectives and Initiatives of %s"), ipms_record_get_string (trace->owner, "name"));
  adw_preferences_group_set_title (self->owner_group, title);

  for (guint i = 0; i < trace->objectives->len; i++)
    {
      IpmsRecord *objective = g_ptr_array_index (trace->objectives, i);
      g_autoptr(GString) details = g_string_new (NULL);
      g_autofree char *year = NULL;

      if (!ipms_record_is_null (objective, "year"))
        year = g_strdup_printf ("%" G_GINT64_FORMAT, ipms_record_get_int (objective, "year"));
      append_field (details, objective, "module", choice_label (objective, "module"));
      append_field (details, objective, "year", year);
      add_record_row (self->owner_list, ipms_record_get_string (objective, "title"), details->str, objective);
    }

  for (guint i = 0; i < trace->initiatives->len; i++)
    {
      IpmsRecord *initiative = g_ptr_array_index (trace->initiatives, i);
      g_autoptr(GString) details = g_string_new (NULL);

      append_field (details, initiative, "time_frame", ipms_record_get_string (initiative, "time_frame"));
      add_record_row (self->owner_list, ipms_record_get_string (initiative, "description"), details->str, initiative);
    }

  if (trace->objectives->len == 0 && trace->initiatives->len == 0)
    add_row (self->owner_list, _("No objective or initiative yet"), NULL, NULL, NULL);
}

static void
build_charts (IpmsProductTrace *self,
              IpmsTrace        *trace)
{
  g_autofree char *cell = NULL;
  g_autofree char *lane = NULL;
  g_autofree char *band = NULL;

  if (trace->on_panorama)
    {
      g_autofree char *segment = ipms_trace_dup_segment_title (self->document, trace->segment);

      /* Translators: where a product is on the panorama; %s is a segment */
      cell = g_strdup_printf (_("In the cell “%s”"), segment);
    }
  /* Translators: Panorama 产品全景图 */
  add_chart_row (self, _("Panorama"), trace->on_panorama ? cell : _("Not placed yet"), "panorama");

  if (trace->on_new_products)
    {
      /* The lane of its population layer, or of its series when the chart
       * is shown by series: both say where to look. */
      if (trace->segment_y_item != NULL && trace->series != NULL)
        /* Translators: where a product is on the new product chart: its population layer, its series */
        lane = g_strdup_printf (_("Lane “%s”; by series, lane “%s”"),
                                ipms_record_get_string (trace->segment_y_item, "label"),
                                ipms_record_get_string (trace->series, "name"));
      else if (trace->segment_y_item != NULL)
        /* Translators: where a product is on the new product chart; %s is a population layer */
        lane = g_strdup_printf (_("Lane “%s”"), ipms_record_get_string (trace->segment_y_item, "label"));
      else
        lane = g_strdup (_("In the lane of products without a segment"));
    }
  /* Translators: New Product Chart 新品图 */
  add_chart_row (self, _("New Product Chart"), trace->on_new_products ? lane : _("No dates yet"), "new-products");

  if (trace->on_roadmap && trace->price_band != NULL)
    /* Translators: where a product is on the roadmap; %s is a price band */
    band = g_strdup_printf (_("Price band “%s”"), ipms_record_get_string (trace->price_band, "name"));
  else if (trace->on_roadmap)
    band = g_strdup (_("In no price band"));
  /* Translators: Roadmap 路线图 */
  add_chart_row (self, _("Roadmap"), trace->on_roadmap ? band : _("Needs a launch date and a price"), "roadmap");
}

/* The list holding the keyboard focus and the index of its focused row,
 * so that a rebuild under the user's cursor (an edit, an undo) leaves the
 * focus where it was. */
static GtkListBox *
find_focus (IpmsProductTrace *self,
            int              *index)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return NULL;

  row = GTK_IS_LIST_BOX_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  if (row == NULL || !GTK_IS_LIST_BOX (gtk_widget_get_parent (row)))
    return NULL;

  *index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  return GTK_LIST_BOX (gtk_widget_get_parent (row));
}

static void
restore_focus (GtkListBox *list,
               int         index)
{
  GtkListBoxRow *row = NULL;

  /* The same place, or the last row when the list got shorter. */
  for (int i = index; i >= 0 && row == NULL; i--)
    row = gtk_list_box_get_row_at_index (list, i);
  if (row != NULL && gtk_widget_get_visible (GTK_WIDGET (list)))
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
rebuild (IpmsProductTrace *self)
{
  g_autoptr(IpmsTrace) trace = NULL;
  GtkListBox *focus_list;
  int focus_index = 0;

  self->dirty = FALSE;
  focus_list = find_focus (self, &focus_index);

  clear_list (self->warnings_list);
  clear_list (self->segment_list);
  clear_list (self->series_list);
  clear_list (self->campaigns_list);
  clear_list (self->owner_list);
  clear_list (self->charts_list);

  trace = self->document != NULL ? ipms_trace_new (self->document, self->product_id) : NULL;
  gtk_widget_set_visible (gtk_widget_get_first_child (GTK_WIDGET (self)), trace != NULL);
  if (trace == NULL)
    return;

  build_warnings (self, trace);
  build_segment (self, trace);
  build_series (self, trace);
  build_campaigns (self, trace);
  build_owner (self, trace);
  build_charts (self, trace);

  if (focus_list != NULL)
    restore_focus (focus_list, focus_index);
}

/* Document */

static void
on_row_changed (IpmsProductTrace *self,
                const char       *table,
                gint64            id,
                IpmsRowChange     change)
{
  for (guint i = 0; i < G_N_ELEMENTS (traced_tables); i++)
    if (g_str_equal (table, traced_tables[i]))
      {
        self->dirty = TRUE;
        return;
      }
}

static void
on_changes_done (IpmsProductTrace *self)
{
  if (self->dirty)
    rebuild (self);
}

/* "reloaded": which rows changed is unknown, so everything is read again. */
static void
on_reloaded (IpmsProductTrace *self)
{
  rebuild (self);
}

void
ipms_product_trace_set_document (IpmsProductTrace *self,
                                 IpmsDocument     *document)
{
  g_return_if_fail (IPMS_IS_PRODUCT_TRACE (self));
  g_return_if_fail (document == NULL || IPMS_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_swapped (document, "row-changed", G_CALLBACK (on_row_changed), self);
      g_signal_connect_swapped (document, "changes-done", G_CALLBACK (on_changes_done), self);
      g_signal_connect_swapped (document, "reloaded", G_CALLBACK (on_reloaded), self);
    }

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

IpmsDocument *
ipms_product_trace_get_document (IpmsProductTrace *self)
{
  g_return_val_if_fail (IPMS_IS_PRODUCT_TRACE (self), NULL);

  return self->document;
}

void
ipms_product_trace_set_product_id (IpmsProductTrace *self,
                                   gint64            product_id)
{
  g_return_if_fail (IPMS_IS_PRODUCT_TRACE (self));

  if (self->product_id == product_id)
    return;

  self->product_id = product_id;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRODUCT_ID]);
}

gint64
ipms_product_trace_get_product_id (IpmsProductTrace *self)
{
  g_return_val_if_fail (IPMS_IS_PRODUCT_TRACE (self), 0);

  return self->product_id;
}

/* GObject */

static void
ipms_product_trace_dispose (GObject *object)
{
  IpmsProductTrace *self = IPMS_PRODUCT_TRACE (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);

  gtk_widget_dispose_template (GTK_WIDGET (self), IPMS_TYPE_PRODUCT_TRACE);

  G_OBJECT_CLASS (ipms_product_trace_parent_class)->dispose (object);
}

static void
ipms_product_trace_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  IpmsProductTrace *self = IPMS_PRODUCT_TRACE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_PRODUCT_ID:
      g_value_set_int64 (value, self->product_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_product_trace_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  IpmsProductTrace *self = IPMS_PRODUCT_TRACE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ipms_product_trace_set_document (self, g_value_get_object (value));
      break;
    case PROP_PRODUCT_ID:
      ipms_product_trace_set_product_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_product_trace_class_init (IpmsProductTraceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipms_product_trace_dispose;
  object_class->get_property = ipms_product_trace_get_property;
  object_class->set_property = ipms_product_trace_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, IPMS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRODUCT_ID] =
    g_param_spec_int64 ("product-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ipmsplanner/Planner/products/ipms-product-trace.ui");
  gtk_widget_class_bind_template_child (widget_class, IpmsProductTrace, warnings_list);
  gtk_widget_class_bind_template_child (widget_class, IpmsProductTrace, segment_list);
  gtk_widget_class_bind_template_child (widget_class, IpmsProductTrace, series_list);
  gtk_widget_class_bind_template_child (widget_class, IpmsProductTrace, campaigns_list);
  gtk_widget_class_bind_template_child (widget_class, IpmsProductTrace, owner_group);
  gtk_widget_class_bind_template_child (widget_class, IpmsProductTrace, owner_list);
  gtk_widget_class_bind_template_child (widget_class, IpmsProductTrace, charts_list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_set_css_name (widget_class, "ipms-product-trace");
}

static void
ipms_product_trace_init (IpmsProductTrace *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rebuild (self);
}

GtkWidget *
ipms_product_trace_new (IpmsDocument *document,
                        gint64        product_id)
{
  return g_object_new (IPMS_TYPE_PRODUCT_TRACE,
                       "document", document,
                       "product-id", product_id,
                       NULL);
}
