/* ipms-panorama-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ipms-canvas-view.h"
#include "ipms-chart-style.h"
#include "ipms-export-dialog.h"
#include "ipms-fold-relayout.h"
#include "ipms-panorama-page.h"
#include "ipms-panorama-palette.h"
#include "ipms-product-editor.h"
#include "ipms-record-focus.h"
#include "ipms-segment-panel.h"

/* The smallest text of the chart is never fitted below this, in pixels:
 * what does not fit at it scrolls. */
#define READABLE_TEXT_PX 11.0

struct _IpmsPanoramaPage
{
  GtkWidget           parent_instance;

  IpmsPanoramaPalette *palette;
  IpmsCanvasView      *view;
  IpmsPanoramaCanvas  *canvas;
  IpmsSegmentPanel    *segment_panel;
  AdwFlap             *panel_flap;
  GtkToggleButton     *panel_button;
  AdwFlap             *palette_flap;
  GtkToggleButton     *palette_button;
  gboolean             palette_hidden;
  guint                palette_source;
  guint                panel_source;

  IpmsDocument        *document;
  IpmsSelection       *selection;
};

static void ipms_panorama_page_record_focus_init (IpmsRecordFocusInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IpmsPanoramaPage, ipms_panorama_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (IPMS_TYPE_RECORD_FOCUS,
                                                      ipms_panorama_page_record_focus_init))

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A double click or Enter on a chip, or on a product of the palette. */
static void
on_open_product (IpmsPanoramaPage *self,
                 gint64            product_id)
{
  if (self->document != NULL)
    ipms_product_editor_open_prd (GTK_WIDGET (self), self->document, product_id);
}

/* The chip menu's "Quick Edit…": the small editor, without leaving the chart. */
static void
quick_edit_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IpmsPanoramaPage *self = IPMS_PANORAMA_PAGE (widget);

  if (self->document != NULL)
    ipms_product_editor_present (widget, self->document, g_variant_get_int64 (parameter));
}

static gboolean
has_cell (IpmsPanoramaPage *self)
{
  gint64 x_item = 0, y_item = 0;

  return self->document != NULL && ipms_panorama_canvas_get_current_cell (self->canvas, &x_item, &y_item);
}

/* The segment panel takes room from the grid: shown only for a cell, and
 * while its button is down. */
static void
update_panel (IpmsPanoramaPage *self)
{
  gboolean cell = has_cell (self);

  adw_flap_set_reveal_flap (self->panel_flap, cell && gtk_toggle_button_get_active (self->panel_button));
  gtk_widget_set_sensitive (GTK_WIDGET (self->panel_button), cell);
}

/* Folded, the panel would open over the very cell just clicked: there it
 * opens only from its button. */
static void
update_panel_for_cell (IpmsPanoramaPage *self)
{
  if (adw_flap_get_folded (self->panel_flap) && !adw_flap_get_reveal_flap (self->panel_flap))
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->panel_button), has_cell (self));
      return;
    }

  update_panel (self);
}

/* The flap also opens and closes by itself: folded away when the page gets
 * narrow (then it opens over the chart only when asked), back when it is
 * wide again, or closed by a click beside it. The button follows. Once
 * open, the panel must not hide the cell it shows. Done after the flap's
 * own change, which happens while it is being allocated. */
static gboolean
sync_panel_cb (gpointer data)
{
  IpmsPanoramaPage *self = data;
  gboolean revealed = adw_flap_get_reveal_flap (self->panel_flap);

  self->panel_source = 0;

  if (adw_flap_get_folded (self->panel_flap) && !revealed)
    gtk_toggle_button_set_active (self->panel_button, FALSE);

  if (!has_cell (self))
    {
      if (revealed)
        adw_flap_set_reveal_flap (self->panel_flap, FALSE);
      return G_SOURCE_REMOVE;
    }

  if (gtk_toggle_button_get_active (self->panel_button) != revealed)
    gtk_toggle_button_set_active (self->panel_button, revealed);
  if (revealed && adw_flap_get_reveal_progress (self->panel_flap) >= 1.0)
    ipms_panorama_canvas_reveal_current_cell (self->canvas);

  return G_SOURCE_REMOVE;
}

static void
on_panel_changed (IpmsPanoramaPage *self)
{
  if (self->panel_source == 0)
    self->panel_source = g_idle_add (sync_panel_cb, self);
}

/* The palette is the user's to hide; that is kept with the project. When
 * the page folds, it folds away over the chart, and comes back as the user
 * left it when the page is wide again. */
static void
on_palette_clicked (IpmsPanoramaPage *self)
{
  if (adw_flap_get_folded (self->palette_flap) || self->document == NULL)
    return;

  self->palette_hidden = !gtk_toggle_button_get_active (self->palette_button);
  ipms_document_set_view_state (self->document, "panorama.palette", self->palette_hidden ? "hidden" : "shown");
}

static void
apply_palette (IpmsPanoramaPage *self)
{
  adw_flap_set_reveal_flap (self->palette_flap,
                            !adw_flap_get_folded (self->palette_flap) && !self->palette_hidden);
}

static gboolean
apply_palette_cb (gpointer data)
{
  IpmsPanoramaPage *self = data;

  self->palette_source = 0;
  apply_palette (self);

  return G_SOURCE_REMOVE;
}

/* After the flap is done with its own change: folded, the palette waits to
 * be asked for; unfolded, it is as the user left it. */
static void
on_palette_folded (IpmsPanoramaPage *self)
{
  if (self->palette_source == 0)
    self->palette_source = g_idle_add (apply_palette_cb, self);
}

static void
restore_palette (IpmsPanoramaPage *self)
{
  g_autofree char *state = NULL;

  if (self->document != NULL)
    state = ipms_document_dup_view_state (self->document, "panorama.palette");
  self->palette_hidden = g_strcmp0 (state, "hidden") == 0;
  /* At once, while the page is not shown yet: the palette is there or not,
   * with no slide. On a shown page not yet laid out, libadwaita 1.2 would
   * animate the flap with a velocity divided by its size, still zero, and
   * lay the page out at NaN widths. */
  g_clear_handle_id (&self->palette_source, g_source_remove);
  apply_palette (self);
}

/* A press on the chart may start a drag: the panel would open under the
 * dragged chip, narrowing the grid, and every frame of the drag would lay
 * out and paint the whole view again. It follows the cell on release. */
static void
on_cell_changed (IpmsPanoramaPage *self)
{
  gint64 x_item, y_item;

  if (ipms_panorama_canvas_get_pressed (self->canvas))
    return;

  ipms_panorama_canvas_get_current_cell (self->canvas, &x_item, &y_item);
  ipms_segment_panel_set_cell (self->segment_panel, self->document, x_item, y_item);
  update_panel_for_cell (self);
}

static void
add_row_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  IpmsPanoramaPage *self = IPMS_PANORAMA_PAGE (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->canvas), "panorama.add-row", NULL);
}

static void
add_column_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IpmsPanoramaPage *self = IPMS_PANORAMA_PAGE (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->canvas), "panorama.add-column", NULL);
}

static void
new_product_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IpmsPanoramaPage *self = IPMS_PANORAMA_PAGE (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->canvas), "panorama.new-product", "(xx)",
                              (gint64) 0, (gint64) 0);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IpmsPanoramaPage *self = IPMS_PANORAMA_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(IpmsPanoramaChart) chart = NULL;
  IpmsExportDialog *dialog;

  if (self->document == NULL)
    return;

  /* A chart of its own: the export shows no selection or focus. */
  chart = ipms_panorama_chart_new (self->document);
  dialog = ipms_export_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->document,
                                   IPMS_CHART (chart), "panorama", _("Product panorama"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ipms_panorama_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  IpmsPanoramaPage *self = IPMS_PANORAMA_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_set_object (&self->document, g_value_get_object (value));
      g_object_set (self->canvas, "document", self->document, NULL);
      ipms_canvas_view_set_document (self->view, self->document);
      ipms_panorama_palette_set_model (self->palette, self->document, self->selection);
      ipms_panorama_palette_set_chart (self->palette, ipms_panorama_canvas_get_chart (self->canvas));
      on_cell_changed (self);
      restore_palette (self);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "panorama-page.export", self->document != NULL);
      break;
    case PROP_SELECTION:
      g_set_object (&self->selection, g_value_get_object (value));
      g_object_set (self->canvas, "selection", self->selection, NULL);
      ipms_panorama_palette_set_model (self->palette, self->document, self->selection);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_panorama_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  IpmsPanoramaPage *self = IPMS_PANORAMA_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipms_panorama_page_dispose (GObject *object)
{
  IpmsPanoramaPage *self = (IpmsPanoramaPage *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->palette_source, g_source_remove);
  g_clear_handle_id (&self->panel_source, g_source_remove);
  /* A press held while the window closes is released in the canvas' own
   * dispose, after the template's children are gone. */
  if (self->canvas != NULL)
    g_signal_handlers_disconnect_by_data (self->canvas, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), IPMS_TYPE_PANORAMA_PAGE);
  /* The template's unnamed top box is ours to unparent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->document);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (ipms_panorama_page_parent_class)->dispose (object);
}

/* A product is selected, and its chip focused when it is placed. */
static gboolean
ipms_panorama_page_focus_record (IpmsRecordFocus *focus,
                                 const char      *table,
                                 gint64           id,
                                 const char      *column)
{
  IpmsPanoramaPage *self = IPMS_PANORAMA_PAGE (focus);
  GtkWidget *chip;

  if (!g_str_equal (table, "product") || ipms_document_get_record (self->document, "product", id) == NULL)
    return FALSE;

  if (self->selection != NULL)
    ipms_selection_select_only (self->selection, id);

  chip = ipms_panorama_canvas_get_item (self->canvas, IPMS_PANORAMA_ITEM_PRODUCT, id);
  if (chip != NULL)
    gtk_widget_grab_focus (chip);

  return TRUE;
}

static void
ipms_panorama_page_record_focus_init (IpmsRecordFocusInterface *iface)
{
  iface->focus_record = ipms_panorama_page_focus_record;
}

static void
ipms_panorama_page_class_init (IpmsPanoramaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ipms_panorama_page_dispose;
  object_class->get_property = ipms_panorama_page_get_property;
  object_class->set_property = ipms_panorama_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, IPMS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, IPMS_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (IPMS_TYPE_PANORAMA_PALETTE);
  g_type_ensure (IPMS_TYPE_CANVAS_VIEW);
  g_type_ensure (IPMS_TYPE_PANORAMA_CANVAS);
  g_type_ensure (IPMS_TYPE_SEGMENT_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ipmsplanner/Planner/canvas/ipms-panorama-page.ui");
  /* Reached from the canvas's chip menu, a child of the page. */
  gtk_widget_class_install_action (widget_class, "panorama-page.quick-edit", "x", quick_edit_action);
  gtk_widget_class_bind_template_child (widget_class, IpmsPanoramaPage, palette);
  gtk_widget_class_bind_template_child (widget_class, IpmsPanoramaPage, view);
  gtk_widget_class_bind_template_child (widget_class, IpmsPanoramaPage, canvas);
  gtk_widget_class_bind_template_child (widget_class, IpmsPanoramaPage, segment_panel);
  gtk_widget_class_bind_template_child (widget_class, IpmsPanoramaPage, panel_flap);
  gtk_widget_class_bind_template_child (widget_class, IpmsPanoramaPage, panel_button);
  gtk_widget_class_bind_template_child (widget_class, IpmsPanoramaPage, palette_flap);
  gtk_widget_class_bind_template_child (widget_class, IpmsPanoramaPage, palette_button);

  gtk_widget_class_install_action (widget_class, "panorama-page.add-row", NULL, add_row_action);
  gtk_widget_class_install_action (widget_class, "panorama-page.add-column", NULL, add_column_action);
  gtk_widget_class_install_action (widget_class, "panorama-page.new-product", NULL, new_product_action);
  gtk_widget_class_install_action (widget_class, "panorama-page.export", NULL, export_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ipms_panorama_page_init (IpmsPanoramaPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  ipms_canvas_view_set_min_fit_zoom (self->view,
                                     READABLE_TEXT_PX * PANGO_SCALE /
                                     pango_font_description_get_size (ipms_chart_style_get_font (IPMS_CHART_FONT_SMALL)));

  ipms_panorama_canvas_set_unplace_target (self->canvas, GTK_WIDGET (self->palette));
  g_signal_connect_swapped (self->canvas, "open-product", G_CALLBACK (on_open_product), self);
  g_signal_connect_swapped (self->palette, "open-product", G_CALLBACK (on_open_product), self);
  g_signal_connect_swapped (self->canvas, "cell-changed", G_CALLBACK (on_cell_changed), self);
  g_signal_connect_swapped (self->canvas, "notify::pressed", G_CALLBACK (on_cell_changed), self);
  g_signal_connect_swapped (self->panel_button, "toggled", G_CALLBACK (update_panel), self);
  g_signal_connect_swapped (self->panel_flap, "notify::reveal-flap", G_CALLBACK (on_panel_changed), self);
  g_signal_connect_swapped (self->panel_flap, "notify::reveal-progress", G_CALLBACK (on_panel_changed), self);
  g_signal_connect_swapped (self->palette_button, "clicked", G_CALLBACK (on_palette_clicked), self);
  g_signal_connect_swapped (self->palette_flap, "notify::folded", G_CALLBACK (on_palette_folded), self);
  ipms_fold_relayout_attach (GTK_WIDGET (self->palette_flap));
  ipms_fold_relayout_attach (GTK_WIDGET (self->panel_flap));
  update_panel (self);
}

GtkWidget *
ipms_panorama_page_new (IpmsDocument  *document,
                        IpmsSelection *selection)
{
  return g_object_new (IPMS_TYPE_PANORAMA_PAGE,
                       "document", document,
                       "selection", selection,
                       NULL);
}

IpmsPanoramaCanvas *
ipms_panorama_page_get_canvas (IpmsPanoramaPage *self)
{
  g_return_val_if_fail (IPMS_IS_PANORAMA_PAGE (self), NULL);

  return self->canvas;
}

GtkWidget *
ipms_panorama_page_get_view (IpmsPanoramaPage *self)
{
  g_return_val_if_fail (IPMS_IS_PANORAMA_PAGE (self), NULL);

  return GTK_WIDGET (self->view);
}

GtkWidget *
ipms_panorama_page_get_palette (IpmsPanoramaPage *self)
{
  g_return_val_if_fail (IPMS_IS_PANORAMA_PAGE (self), NULL);

  return GTK_WIDGET (self->palette);
}
